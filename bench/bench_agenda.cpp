// Workload 3, agenda: the full agenda of the whole store as of the district's reference date (every
// domain), against a raw scan of the same tables: every row and column of each table that holds data
// the agenda reads (everything but the audit trail, the meta table and the registered rule sets), read
// once through the sqlite3 C API. Target: agenda time <= 1.5 x raw scan time.

#include <algorithm>
#include <cstdio>
#include <iostream>

#include "support.hpp"

namespace {

std::vector<std::string> agenda_tables(bench::connection const& c) {
    bench::statement s(c,
                       "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                       "AND name NOT IN ('audit', 'meta', 'rule_sets') ORDER BY name");
    std::vector<std::string> out;
    while (s.step())
        out.emplace_back(reinterpret_cast<char const*>(sqlite3_column_text(s.st, 0)));
    return out;
}

}  // namespace

int main(int argc, char** argv) try {
    auto const o = bench::parse_options(argc, argv, "The agenda of the whole store against a raw scan.");
    bench::print_machine();
    auto const path = bench::district(o, o.members);

    std::vector<std::string> tables;
    std::int64_t rows = 0;
    {
        bench::connection c(path);
        tables = agenda_tables(c);
        for (auto const& t : tables) {
            std::int64_t n = 0;
            (void)bench::raw_scan(c, "SELECT * FROM " + t, &n);  // also warms the page cache
            rows += n;
        }
    }
    std::uint64_t sink = 0;
    double raw = 1e300;
    for (int r = 0; r < o.repeat; ++r)
        raw = std::min(raw, bench::seconds([&] {
                           bench::connection c(path);
                           for (auto const& t : tables)
                               sink += bench::raw_scan(c, "SELECT * FROM " + t);
                       }));
    // Each agenda runs in a child process under the time budget: a store whose agenda is too slow still
    // gets a figure (a lower bound) instead of holding the whole benchmark up.
    auto const agenda = bench::best_in_child(o, [&] {
        auto const s = dangyuan::open_store(path, {.create = false});
        return static_cast<std::int64_t>(s.agenda(o.as_of).size());
    });

    std::string list;
    for (auto const& t : tables)
        list += (list.empty() ? "" : " ") + t;
    auto const title = "agenda: the whole store of " + std::to_string(o.members) + " members as of " +
                       date::format("%F", o.as_of) + " (best of " + std::to_string(o.repeat) + "; checksum " +
                       std::to_string(sink % 1000) + ")";
    bench::row const reference{"raw scan of the agenda's tables", raw, rows, std::to_string(rows) + " rows"};
    if (agenda) {
        bench::print_table(title, {reference,
                                   {"store::agenda(as_of)", agenda->seconds, o.members,
                                    std::to_string(agenda->count) + " items; per member"}});
    } else {
        bench::print_table(title, {reference,
                                   {"store::agenda(as_of)", o.budget, 0,
                                    "stopped after the budget (--budget); the time is a lower bound"}});
    }
    std::printf("  tables scanned: %s\n", list.c_str());
    bench::print_summary("agenda_time_ratio", (agenda ? agenda->seconds : o.budget) / raw, "<=", 1.50);
    if (!agenda) std::printf("  (a lower bound: the agenda was stopped after %.0f s)\n", o.budget);
    return 0;
} catch (std::exception const& e) {
    std::cerr << "bench_agenda: " << e.what() << "\n";
    return 1;
}
