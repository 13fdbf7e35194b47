// stats: the membership statistics of the whole store (dangyuan::statistics, what `dangyuan stats`
// prints) against the agenda of the same store in the same run, and the memory it takes per member.

#include <cstdio>
#include <iostream>
#include <sstream>

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

    char note[64];
    std::snprintf(note, sizeof note, "%lld counted; %.0f B/member peak", static_cast<long long>(stats->count),
                  per_member);
    bench::print_table("stats: the whole store of " + std::to_string(o.members) + " members as of " +
                           date::format("%F", o.as_of) + " (best of " + std::to_string(o.repeat) + ")",
                       {{"store::agenda(as_of)", agenda->seconds, o.members,
                         "reference; " + std::to_string(agenda->count) + " items"},
                        {"statistics(store, {as_of})", stats->seconds, o.members, note}});
    bench::print_summary("stats_time_ratio", stats->seconds / agenda->seconds, "<=", 1.00);
    bench::print_summary("stats_bytes_per_member", per_member, "<=", 300, 0);
    return 0;
} catch (std::exception const& e) {
    std::cerr << "bench_stats: " << e.what() << "\n";
    return 1;
}
