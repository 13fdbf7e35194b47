// Workload 5, memory: the peak resident memory that loading N members takes, per member: the peak
// resident set size during load_roster_table minus the resident set size just before it, divided by N.
// Target: <= 400 bytes per member (the text included).
//
// Each measurement runs in its own child process forked before anything large was allocated, so that
// memory freed by an earlier step cannot be reused unseen. store::roster() is shown for comparison.

#include <iostream>
#include <sstream>

#include "dangyuan/storage/roster_table.hpp"
#include "support.hpp"

namespace {

struct reading {
    double peak_per_member = 0;   // (peak RSS - RSS before) / N
    double table_per_member = 0;  // bytes the columns hold / N (0 when not a table)
    double seconds = 0;
    std::int64_t n = 0;
};

template <class Load>
reading measure(std::filesystem::path const& path, Load load) {
    auto const line = bench::in_child([&](auto const& report) {
        auto const s = dangyuan::open_store(path, {.create = false});
        (void)s.member_count();  // the schema and the first pages are read before the baseline
        bench::reset_peak_rss();
        auto const before = bench::rss_bytes();
        bench::stopwatch w;
        auto const [n, table_bytes] = load(s);
        double const t = w.elapsed();
        auto const peak = bench::peak_rss_bytes();
        std::ostringstream out;
        out << n << ' ' << static_cast<double>(peak - before) / static_cast<double>(n) << ' '
            << static_cast<double>(table_bytes) / static_cast<double>(n) << ' ' << t;
        report(out.str());
    });
    reading r;
    std::istringstream in(line);
    in >> r.n >> r.peak_per_member >> r.table_per_member >> r.seconds;
    return r;
}

}  // namespace

int main(int argc, char** argv) try {
    auto const o = bench::parse_options(argc, argv, "Memory of a loaded roster, in bytes per member.");
    bench::print_machine();
    auto const path = bench::district(o, o.members);

    auto const table = measure(path, [](dangyuan::store const& s) {
        auto const t = dangyuan::load_roster_table(s);
        return std::pair{static_cast<std::int64_t>(t.size()), t.memory_bytes()};
    });
    auto const objects = measure(path, [](dangyuan::store const& s) {
        auto const v = s.roster();
        return std::pair{static_cast<std::int64_t>(v.size()), std::size_t{0}};
    });

    std::ostringstream note_table, note_objects;
    note_table.precision(0);
    note_table << std::fixed << table.peak_per_member << " B/member peak, " << table.table_per_member
               << " B/member in the columns";
    note_objects.precision(0);
    note_objects << std::fixed << objects.peak_per_member << " B/member peak";
    bench::print_table(
        "memory: loading " + std::to_string(table.n) + " members (peak RSS - RSS before, per member)",
        {{"load_roster_table", table.seconds, table.n, note_table.str()},
         {"store::roster() (member objects)", objects.seconds, objects.n, note_objects.str()}});
    bench::print_summary("memory_bytes_per_member", table.peak_per_member, "<=", 400, 0);
    return 0;
} catch (std::exception const& e) {
    std::cerr << "bench_memory: " << e.what() << "\n";
    return 1;
}
