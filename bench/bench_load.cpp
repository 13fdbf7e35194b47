// Workload 2, load: open the store and load the whole roster into memory (load_roster_table), against a
// raw sqlite3 step loop over the same SELECT that reads every column of every row with the accessor of
// its type and keeps nothing. Target: library rows/s >= 0.70 x raw rows/s.
//
// store::roster() (one `member` per row) is shown for comparison.

#include <algorithm>
#include <iostream>

#include "dangyuan/storage/roster_table.hpp"
#include "support.hpp"

namespace {

// The roster query of store::roster() and load_roster_table, unfiltered.
constexpr char const* roster_sql =
    "SELECT id, name, sex, ethnicity, birth_date, id_number, education, category, work_unit, post, "
    "native_place, phone, address, branch_id, joined_branch, application_date, admission_date, "
    "full_member_date, backfilled, version FROM members ORDER BY id";

}  // namespace

int main(int argc, char** argv) try {
    auto const o =
        bench::parse_options(argc, argv, "Load the roster: load_roster_table against raw sqlite3.");
    bench::print_machine();
    auto const path = bench::district(o, o.members);

    std::int64_t n = 0;
    std::uint64_t sink = 0;
    double raw = 1e300, table = 1e300, objects = 1e300;
    // A first unmeasured scan brings the file into the page cache for both sides.
    {
        bench::connection c(path);
        sink += bench::raw_scan(c, roster_sql, &n);
    }
    for (int r = 0; r < o.repeat; ++r) {
        raw = std::min(raw, bench::seconds([&] {
                           bench::connection c(path);
                           std::int64_t rows = 0;
                           sink += bench::raw_scan(c, roster_sql, &rows);
                           if (rows != n) throw std::runtime_error("row count changed");
                       }));
        table = std::min(table, bench::seconds([&] {
                             auto const s = dangyuan::open_store(path, {.create = false});
                             auto const t = dangyuan::load_roster_table(s);
                             if (static_cast<std::int64_t>(t.size()) != n)
                                 throw std::runtime_error("load_roster_table lost rows");
                             sink += t.name.data().size();
                         }));
        if (r == 0)  // slow and only shown for comparison: once
            objects = bench::seconds([&] {
                auto const s = dangyuan::open_store(path, {.create = false});
                sink += s.roster().size();
            });
    }
    bench::print_table(
        "load: the whole roster of " + std::to_string(n) + " members (best of " + std::to_string(o.repeat) +
            "; checksum " + std::to_string(sink % 1000) + ")",
        {{"raw sqlite3: step loop reading every column", raw, n, "reference"},
         {"open_store + load_roster_table", table, n, "the figure"},
         {"open_store + store::roster() (member objects)", objects, n, "for comparison, one run"}});
    bench::print_summary("load_ratio", raw / table, ">=", 0.70);
    return 0;
} catch (std::exception const& e) {
    std::cerr << "bench_load: " << e.what() << "\n";
    return 1;
}
