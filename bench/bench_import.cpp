// Workload 1, import: N members of the sample district through store::add_members into a new store,
// against the raw sqlite3 C API inserting the identical rows into the identical schema with the same
// pragmas in one transaction, and the same bulk strategy as the library (the page cache of
// bulk_cache_kib; secondary indexes dropped and created again around a batch at least as large as the
// table). Target: library rows/s >= 0.80 x raw rows/s, both in one transaction (one add_members call);
// 20 000 rows per transaction on both sides is shown as well, and the raw insert with SQLite's defaults.
//
// Both sides start from a byte copy of the same template: a store created by the library holding the
// district's organisations and no member. The rows are the district's members, read back from the
// generated store once (the generator's own member-making is internal to it).

#include <algorithm>
#include <cstdio>
#include <iostream>

#include "dangyuan/storage/roster_table.hpp"
#include "import.hpp"
#include "support.hpp"

int main(int argc, char** argv) try {
    auto const o =
        bench::parse_options(argc, argv, "Import N members: store::add_members against raw sqlite3.");
    bench::print_machine();
    auto const source_path = bench::district(o, o.members);
    auto const tmpl = o.dir / "import-template.db";
    dangyuan::roster_table rows;
    {
        auto const source = dangyuan::open_store(source_path, {.create = false});
        rows = dangyuan::load_roster_table(source);
        bench::make_template(source, tmpl);
    }
    auto const n = static_cast<std::int64_t>(rows.size());
    auto const target = o.dir / "import-target.db";

    // The sides alternate, so that a disturbance of the machine hits both; the best run of each counts.
    // The figure compares like with like: every row in one transaction on both sides. The same import
    // in transactions of 20 000 rows (how the sample generator and the import command write) is shown
    // on both sides too: committing often costs SQLite itself, not the library.
    bench::import_time raw{1e300}, whole{1e300}, raw_chunked{1e300}, chunked{1e300};
    auto const keep_best = [](bench::import_time& best, bench::import_time t) {
        if (t.seconds < best.seconds) best = t;
    };
    for (int r = 0; r < o.repeat; ++r) {
        bench::copy_store(tmpl, target);
        keep_best(raw, bench::raw_import(target, rows));
        bench::copy_store(tmpl, target);
        keep_best(whole, bench::library_import(target, rows, 0));
        bench::copy_store(tmpl, target);
        keep_best(raw_chunked, bench::raw_import(target, rows, bench::import_chunk));
        bench::copy_store(tmpl, target);
        keep_best(chunked, bench::library_import(target, rows, bench::import_chunk));
    }
    // For comparison, once: SQLite inserting as it does by default (page cache of 2 MiB, every index
    // kept up to date row by row), which is what the library's bulk strategy improves on.
    bench::copy_store(tmpl, target);
    auto const plain = bench::raw_import(target, rows, 0, true);
    bench::remove_store(target);
    bench::remove_store(tmpl);

    auto const cpu = [](bench::import_time const& t, std::string const& note) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "cpu %.2f s; ", t.cpu_seconds);
        return buf + note;
    };
    bench::print_table(
        "import: " + std::to_string(n) + " members into a new store (best of " + std::to_string(o.repeat) +
            ")",
        {{"raw sqlite3: prepared INSERT, one transaction", raw.seconds, n, cpu(raw, "reference")},
         {"store::add_members, one call (one transaction)", whole.seconds, n, cpu(whole, "the figure")},
         {"raw sqlite3: a transaction per 20 000 rows", raw_chunked.seconds, n,
          cpu(raw_chunked, "reference")},
         {"store::add_members, 20 000 per call", chunked.seconds, n,
          cpu(chunked, "as the generator and the import command")},
         {"raw sqlite3, one transaction, SQLite's defaults", plain.seconds, n,
          cpu(plain, "for comparison, one run: default cache, indexes kept row by row")}});
    std::printf("import_ratio_per_20000=%.2f (20 000 rows per transaction on both sides; not a target)\n",
                raw_chunked.seconds / chunked.seconds);
    std::printf("import_ratio_cpu=%.2f (CPU time, one transaction; not a target)\n",
                raw.cpu_seconds / whole.cpu_seconds);
    bench::print_summary("import_ratio", raw.seconds / whole.seconds, ">=", 0.80);
    return 0;
} catch (std::exception const& e) {
    std::cerr << "bench_import: " << e.what() << "\n";
    return 1;
}
