// Workload 3, agenda: the full agenda of the whole store as of the district's reference date (every
// domain), against a raw scan of the same tables: every row and column of each table that holds data
// the agenda reads (everything but the audit trail, the meta table and the registered rule sets), read
// once through the sqlite3 C API. Target: agenda time <= 1.5 x raw scan time.
//
// Then the agenda of a part of the store, in the same store: one branch (党支部) of 15 to 30 members, one
// street-level working committee (街道党工委: about 500 members at N = 1 000 000) and, for comparison, one
// district committee (区委, a twelfth of the store), each per call after a warm-up call, against the whole
// store's agenda timed the same way in the same process. Targets: the branch's agenda <= 10 ms per call;
// the street's <= 5 % of the whole store's.

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <sstream>

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

// The scoped agendas' figures, measured in one child process.
struct scoped_figures {
    std::string branch_name, street_name;
    std::string district_name;
    std::int64_t branch_members = 0, street_members = 0, district_members = 0;
    std::int64_t branch_items = 0, street_items = 0, district_items = 0, whole_items = 0;
    double branch = 0, street = 0, district = 0, whole = 0;  // seconds per call
};

scoped_figures measure_scoped(bench::options const& o, std::filesystem::path const& path) {
    auto const line = bench::in_child([&](auto const& report) {
        auto const s = dangyuan::open_store(path, {.create = false});
        auto const parts = bench::find_sample_scopes(s);
        auto const& branch = parts.branch;
        auto const& street = parts.street;
        auto const& district = parts.district;
        std::int64_t bi = 0, si = 0, di = 0, wi = 0;
        auto const b = bench::per_call(
            [&] {
                bi = static_cast<std::int64_t>(s.agenda(o.as_of, dangyuan::scope::subtree(branch.id)).size());
            },
            20);
        auto const st = bench::per_call(
            [&] {
                si = static_cast<std::int64_t>(s.agenda(o.as_of, dangyuan::scope::subtree(street.id)).size());
            },
            5);
        auto const di_time = bench::per_call(
            [&] {
                di = static_cast<std::int64_t>(
                    s.agenda(o.as_of, dangyuan::scope::subtree(district.id)).size());
            },
            2);
        auto const w = bench::per_call([&] { wi = static_cast<std::int64_t>(s.agenda(o.as_of).size()); },
                                       std::max(o.repeat, 2));
        std::ostringstream out;
        out.precision(17);
        out << parts.branch_members << ' ' << parts.street_members << ' ' << parts.district_members << ' '
            << bi << ' ' << si << ' ' << di << ' ' << wi << ' ' << b << ' ' << st << ' ' << di_time << ' '
            << w << ' ' << branch.name << '\t' << street.name << '\t' << district.name;
        report(out.str());
    });
    scoped_figures f;
    std::istringstream in(line);
    in >> f.branch_members >> f.street_members >> f.district_members >> f.branch_items >> f.street_items >>
        f.district_items >> f.whole_items >> f.branch >> f.street >> f.district >> f.whole;
    in >> std::ws;
    std::getline(in, f.branch_name, '\t');
    std::getline(in, f.street_name, '\t');
    std::getline(in, f.district_name);
    return f;
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

    auto const f = measure_scoped(o, path);
    bench::print_table(
        "scoped agenda: one part of the same store, per call after a warm-up call",
        {{"agenda(as_of, subtree(branch))", f.branch, 0,
          f.branch_name + ", " + std::to_string(f.branch_members) + " members, " +
              std::to_string(f.branch_items) + " items"},
         {"agenda(as_of, subtree(street))", f.street, 0,
          f.street_name + ", " + std::to_string(f.street_members) + " members, " +
              std::to_string(f.street_items) + " items"},
         {"agenda(as_of, subtree(district))", f.district, 0,
          f.district_name + ", " + std::to_string(f.district_members) + " members, " +
              std::to_string(f.district_items) + " items (for comparison)"},
         {"agenda(as_of), the whole store", f.whole, 0,
          std::to_string(o.members) + " members, " + std::to_string(f.whole_items) + " items"}});
    bench::print_summary("scoped_agenda_branch_ms", f.branch * 1000, "<=", 10.0);
    bench::print_summary("scoped_agenda_street_ratio", f.street / f.whole, "<=", 0.05, 3);
    return 0;
} catch (std::exception const& e) {
    std::cerr << "bench_agenda: " << e.what() << "\n";
    return 1;
}
