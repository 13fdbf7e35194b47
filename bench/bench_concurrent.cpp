// concurrent_commands: several writer processes on one SQLite store, each running a stream of small
// commands (member add, development case step, meeting with attendance, dues payment), against the same
// commands run by one process. Writers must queue on the store's lock, not fail: the figures are the
// aggregate commands per second, the ratio to the single writer, the 99th percentile latency of a
// command and the failures (any exception, "database is locked" included). The workload itself is in
// concurrent.cpp, which bench_postgres runs on a PostgreSQL store too.

#include <algorithm>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "concurrent.hpp"
#include "import.hpp"
#include "support.hpp"

namespace {

using namespace bench::concurrent;

constexpr int writers = 4;

// The rows the commands wrote (written_rows_queries), read with raw SQL.
std::int64_t rows_written(std::filesystem::path const& path) {
    bench::connection c(path);
    std::int64_t total = 0;
    for (char const* sql : written_rows_queries()) {
        bench::statement st(c, sql);
        if (st.step()) total += sqlite3_column_int64(st.st, 0);
    }
    return total;
}

}  // namespace

int main(int argc, char** argv) try {
    auto const o = bench::parse_options(
        argc, argv, "Concurrent commands: 4 writer processes on one store against one process.");
    bench::print_machine();
    // Commands per writer: 400 at N = 1 000 000, fewer for a small smoke run.
    int const count = commands_per_writer(o.members);
    auto const source = bench::district(o, o.members);
    auto const dir = o.dir / "concurrent";
    std::filesystem::create_directories(dir);
    auto const single_path = dir / "single.db";
    auto const many_path = dir / "many.db";

    run_figures single, many;
    for (int r = 0; r < o.repeat; ++r) {
        // Each side starts from a fresh copy of the district with the same set-up.
        bench::copy_store(source, single_path);
        auto const desks = set_up(single_path.string(), writers);
        auto const s = single_writer(single_path.string(), desks, count);
        check_written(single_path.filename().string(), s, writers, count, rows_written(single_path));
        bench::copy_store(source, many_path);
        auto const desks2 = set_up(many_path.string(), writers);
        auto const m = many_writers(many_path.string(), desks2, count, dir);
        check_written(many_path.filename().string(), m, writers, count, rows_written(many_path));
        if (r == 0 || s.seconds < single.seconds) single = s;
        if (r == 0 || m.seconds < many.seconds) many = m;
    }
    bench::remove_store(single_path);
    bench::remove_store(many_path);

    auto const rate = [](run_figures const& f) { return f.per_second(); };
    bench::print_table(
        "concurrent_commands: " + std::to_string(writers) + " streams of " + std::to_string(count) +
            " commands (member add, case step, meeting, dues payment) on a " + std::to_string(o.members) +
            "-member store (best of " + std::to_string(o.repeat) + ")",
        {{"one process runs the 4 streams in turn", single.seconds, single.commands,
          "reference; p50 " + ms(single.p50) + " ms, p99 " + ms(single.p99) + " ms, failures " +
              std::to_string(single.failures)},
         {"4 writer processes at once", many.seconds, many.commands,
          "p50 " + ms(many.p50) + " ms, p99 " + ms(many.p99) + " ms, failures " +
              std::to_string(many.failures)}});
    for (auto const* f : {&single, &many})
        if (f->failures) std::cout << "first failure: " << f->first_failure << "\n";
    std::cout << "concurrent_p99_ms=" << ms(many.p99) << "\n";
    bench::print_summary("concurrent_ratio", rate(many) / rate(single), ">=", 0.80);
    bench::print_summary("concurrent_failures", static_cast<double>(single.failures + many.failures), "<=", 0,
                         0);
    return 0;
} catch (std::exception const& e) {
    std::cerr << "bench_concurrent: " << e.what() << "\n";
    return 1;
}
