// stats: the membership statistics of the whole store (dangyuan::statistics, what `dangyuan stats`
// prints) against the agenda of the same store in the same run, and the memory it takes per member;
// then the statistics of one branch and one street committee, and the compliance report of the branch.

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <sstream>

#include "dangyuan/storage/life_store.hpp"
#include "dangyuan/storage/statistics_store.hpp"
#include "support.hpp"

int main(int argc, char** argv) try {
    auto const o =
        bench::parse_options(argc, argv, "The statistics of the whole store against its agenda, and memory.");
    bench::print_machine();
    auto const path = bench::district(o, o.members);
    {
        bench::connection c(path);  // the file into the page cache for both sides
        (void)bench::raw_scan(c, "SELECT * FROM members");
    }

    auto const stats = bench::best_in_child(o, [&] {
        auto const s = dangyuan::open_store(path, {.create = false});
        return dangyuan::statistics(s, {.as_of = o.as_of}).total;
    });
    auto const agenda = bench::best_in_child(o, [&] {
        auto const s = dangyuan::open_store(path, {.create = false});
        return static_cast<std::int64_t>(s.agenda(o.as_of).size());
    });
    if (!stats || !agenda) throw std::runtime_error("a run was stopped after the budget (--budget)");

    // Peak memory of one call, in a child of its own: (peak RSS - RSS before) / N.
    auto const line = bench::in_child([&](auto const& report) {
        auto const s = dangyuan::open_store(path, {.create = false});
        (void)s.member_count();  // the schema and the first pages are read before the baseline
        bench::reset_peak_rss();
        auto const before = bench::rss_bytes();
        auto const total = dangyuan::statistics(s, {.as_of = o.as_of}).total;
        auto const peak = bench::peak_rss_bytes();
        std::ostringstream out;
        out << static_cast<double>(peak - before) / static_cast<double>(o.members) << ' ' << total;
        report(out.str());
    });
    double per_member = 0;
    std::istringstream(line) >> per_member;

    // One scope, warm, in this process: the branch and the street-level working committee (街道党工委)
    // with the most members, best of five calls each.
    std::int64_t branch = 0, street = 0;
    {
        bench::connection c(path);
        bench::statement b(c,
                           "SELECT branch_id FROM members GROUP BY branch_id ORDER BY count(*) DESC LIMIT 1");
        if (b.step()) branch = sqlite3_column_int64(b.st, 0);
        bench::statement w(c,
                           "WITH RECURSIVE sub(root, id) AS (SELECT id, id FROM orgs WHERE kind = "
                           "'working_committee' UNION ALL SELECT sub.root, o.id FROM orgs o JOIN sub ON "
                           "o.parent_id = sub.id) SELECT sub.root FROM sub JOIN members m ON m.branch_id = "
                           "sub.id GROUP BY sub.root ORDER BY count(*) DESC, sub.root LIMIT 1");
        if (w.step()) street = sqlite3_column_int64(w.st, 0);
    }
    auto const s = dangyuan::open_store(path, {.create = false});
    auto const scoped = [&](std::int64_t org, std::int64_t& counted) {
        double best = 1e300;
        for (int i = 0; i < 5; ++i)
            best = std::min(best, bench::seconds([&] {
                                counted = dangyuan::statistics(
                                              s, {.as_of = o.as_of,
                                                  .where = dangyuan::scope::subtree(dangyuan::org_id{org})})
                                              .total;
                            }));
        return best;
    };
    std::int64_t branch_n = 0, street_n = 0;
    double const branch_s = scoped(branch, branch_n);
    double const street_s = scoped(street, street_n);
    // The cadence compliance report (三会一课) of the same branch for the year to date.
    std::int64_t slots = 0;
    double compliance_s = 1e300;
    auto const year_start = date::sys_days{date::year_month_day{o.as_of}.year() / 1 / 1};
    for (int i = 0; i < 5; ++i)
        compliance_s = std::min(
            compliance_s, bench::seconds([&] {
                slots = static_cast<std::int64_t>(
                    dangyuan::life_compliance_report(s, dangyuan::org_id{branch}, year_start, o.as_of)
                        .slots.size());
            }));

    char note[64];
    std::snprintf(note, sizeof note, "%lld counted; %.0f B/member peak", static_cast<long long>(stats->count),
                  per_member);
    bench::print_table(
        "stats: the whole store of " + std::to_string(o.members) + " members as of " +
            date::format("%F", o.as_of) + " (best of " + std::to_string(o.repeat) + ")",
        {{"store::agenda(as_of)", agenda->seconds, o.members,
          "reference; " + std::to_string(agenda->count) + " items"},
         {"statistics(store, {as_of})", stats->seconds, o.members, note},
         {"statistics of the largest branch, warm", branch_s, branch_n, "per call"},
         {"statistics of the largest street committee, warm", street_s, street_n, "per call"},
         {"compliance report of the largest branch, warm", compliance_s, slots, "per call; items = slots"}});
    bench::print_summary("stats_time_ratio", stats->seconds / agenda->seconds, "<=", 1.00);
    bench::print_summary("stats_bytes_per_member", per_member, "<=", 300, 0);
    bench::print_summary("stats_branch_ms", branch_s * 1000, "<=", 10);
    bench::print_summary("compliance_branch_ms", compliance_s * 1000, "<=", 10);
    bench::print_summary("stats_street_share", street_s / stats->seconds, "<=", 0.05, 3);
    return 0;
} catch (std::exception const& e) {
    std::cerr << "bench_stats: " << e.what() << "\n";
    return 1;
}
