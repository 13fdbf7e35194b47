// member_page: what a clerk's page of one member reads, warm, in a store of N members: the record, the
// standing history, the development case that admitted the member with its timeline, the mobility
// episodes, the democratic-evaluation grades of the last two years and the dues statement.

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <vector>

#include "dangyuan/development/case_agenda.hpp"
#include "dangyuan/storage/development_store.hpp"
#include "dangyuan/storage/evaluation_store.hpp"
#include "dangyuan/storage/life_store.hpp"
#include "dangyuan/storage/mobility_store.hpp"
#include "support.hpp"

namespace {

using namespace dangyuan;

// The members whose pages are read: a spread over the roster and, as far as the district has them,
// members with a development case, a mobility episode, a grade and a dues account (up to 25 each).
std::vector<member_id> pages_to_read(std::filesystem::path const& path, std::int64_t n) {
    bench::connection c(path);
    std::vector<member_id> out;
    auto const step = std::to_string(std::max<std::int64_t>(n / 100, 1));
    for (std::string const& sql :
         {"SELECT id FROM members WHERE id % " + step + " = 1 LIMIT 100",
          std::string("SELECT DISTINCT m.id FROM members m JOIN dev_cases c ON c.id_number = m.id_number "
                      "ORDER BY m.id LIMIT 25"),
          std::string("SELECT DISTINCT member_id FROM mob_episodes ORDER BY member_id LIMIT 25"),
          std::string("SELECT DISTINCT member_id FROM eval_records WHERE member_id IS NOT NULL "
                      "ORDER BY member_id LIMIT 25"),
          std::string("SELECT member_id FROM life_dues_accounts ORDER BY member_id LIMIT 25")}) {
        bench::statement st(c, sql);
        while (st.step())
            out.push_back(member_id{sqlite3_column_int64(st.st, 0)});
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

// Reads one member's page; returns a count of what it read, so that nothing is optimised away.
std::int64_t read_page(store const& s, member_id id, date::sys_days as_of) {
    std::int64_t seen = 0;
    auto const m = s.get_member(id);
    seen += static_cast<std::int64_t>(s.standing_history(id).size());
    for (auto const& c : cases(s, scope::subtree(m.branch)))
        if (c.member == id) seen += static_cast<std::int64_t>(case_timeline(get_case(s, c.id), as_of).size());
    seen += static_cast<std::int64_t>(member_episodes(s, id).size());
    int const year = static_cast<int>(date::year_month_day{as_of}.year());
    for (int y : {year - 1, year - 2})
        seen += grade_of(s, id, y) ? 1 : 0;
    if (find_dues_account(s, id))
        seen += static_cast<std::int64_t>(dues_statement_of(s, id, as_of).months.size());
    return seen;
}

}  // namespace

int main(int argc, char** argv) try {
    auto const o = bench::parse_options(argc, argv, "One member's page, warm.");
    bench::print_machine();
    auto const path = bench::district(o, o.members);
    auto const ids = pages_to_read(path, o.members);
    auto const s = open_store(path, {.create = false});

    std::int64_t sink = 0;
    for (auto id : ids)  // a first pass warms the page cache and the statements
        sink += read_page(s, id, o.as_of);
    std::vector<double> times;
    for (int r = 0; r < o.repeat; ++r)
        for (auto id : ids)
            times.push_back(bench::seconds([&] { sink += read_page(s, id, o.as_of); }));
    std::sort(times.begin(), times.end());
    auto const at = [&](double p) {
        return times[std::min(times.size() - 1,
                              static_cast<std::size_t>(p * static_cast<double>(times.size())))];
    };
    double total = 0;
    for (double t : times)
        total += t;

    char note[96];
    std::snprintf(note, sizeof note, "p50 %.2f ms, p99 %.2f ms, max %.2f ms (checksum %lld)", at(0.5) * 1e3,
                  at(0.99) * 1e3, times.back() * 1e3, static_cast<long long>(sink % 1000));
    bench::print_table("member_page: " + std::to_string(ids.size()) + " members' pages in a store of " +
                           std::to_string(o.members) + " members, warm, " + std::to_string(o.repeat) +
                           " rounds",
                       {{"record, standing, case timeline, episodes, grades, dues", total,
                         static_cast<std::int64_t>(times.size()), note}});
    bench::print_summary("member_page_p99_ms", at(0.99) * 1e3, "<=", 5);
    return 0;
} catch (std::exception const& e) {
    std::cerr << "bench_member: " << e.what() << "\n";
    return 1;
}
