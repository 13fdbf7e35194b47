// The counting rules of the membership statistics (reports/statistics.hpp) at their boundaries, and
// dangyuan::statistics on a small store.

#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "access_support.hpp"
#include "dangyuan/reports/statistics.hpp"
#include "dangyuan/storage/election_store.hpp"
#include "dangyuan/storage/statistics_store.hpp"
#include "development_support.hpp"
#include "election_support.hpp"
#include "test_support.hpp"

namespace statistics_test_cases {

using namespace dangyuan;
using test::d;

namespace {
rule_set const rules = rule_set::national_2014();

// The count of the row (section, Chinese item); fails when the row is missing.
std::int64_t count_of(std::vector<statistics_row> const& rows, std::string const& section,
                      std::string const& item_zh) {
    auto const it = std::find_if(rows.begin(), rows.end(),
                                 [&](auto const& r) { return r.section == section && r.item_zh == item_zh; });
    if (it == rows.end()) FAIL("no row " + section + " / " + item_zh);
    return it->count;
}

membership_tally tally_of(member const& m, std::vector<standing_event> const& h, date::sys_days as_of) {
    membership_tally t;
    t.add(m, h, as_of, rules);
    return t;
}
}  // namespace

TEST_CASE("民法典 第202条 [S] cal.age_birthday: a member enters the next age band on the birthday",
          "[statistics]") {
    auto m = test::full_member(org_id{1}, "张三", d(2000, 7, 1));
    m.birth_date = d(1995, 11, 26);  // 31 on 2026-11-26
    CHECK(age_band_of(30) == 0);
    CHECK(age_band_of(31) == 1);
    CHECK(age_band_of(70) == 7);
    CHECK(age_band_of(71) == 8);
    CHECK(age_band_of(18) == 0);
    CHECK(tally_of(m, {}, d(2026, 11, 25)).ages[0] == 1);  // the day before: still 30
    CHECK(tally_of(m, {}, d(2026, 11, 26)).ages[1] == 1);  // on the birthday: 31
    CHECK(tally_of(m, {}, d(2026, 11, 27)).ages[1] == 1);
    // A 29 February birthday is reached on 28 February in a common year.
    m.birth_date = d(1996, 2, 29);
    CHECK(tally_of(m, {}, d(2027, 2, 27)).ages[0] == 1);
    CHECK(tally_of(m, {}, d(2027, 2, 28)).ages[1] == 1);
}

TEST_CASE("党章 第7条 [C] standing.party_age_from_full: party-age bands count from the full-member date",
          "[statistics]") {
    auto const m = test::full_member(org_id{1}, "李四", d(2015, 7, 1));  // full member from 2016-07-01
    CHECK(party_age_band_of(0) == 0);
    CHECK(party_age_band_of(4) == 0);
    CHECK(party_age_band_of(5) == 1);
    CHECK(party_age_band_of(49) == 5);
    CHECK(party_age_band_of(50) == 6);
    // Probationary the day before the full-member date: no party age.
    auto const before = tally_of(m, {}, d(2016, 6, 30));
    CHECK(before.no_party_age == 1);
    CHECK(before.status[1] == 1);
    auto const on = tally_of(m, {}, d(2016, 7, 1));
    CHECK(on.party_ages[0] == 1);
    CHECK(on.status[0] == 1);
    CHECK(tally_of(m, {}, d(2021, 6, 30)).party_ages[0] == 1);
    CHECK(tally_of(m, {}, d(2021, 7, 1)).party_ages[1] == 1);  // 5 completed years on the anniversary
}

TEST_CASE("statistics: who counts on a date — admitted and in the branch by then, normal standing",
          "[statistics]") {
    auto m = test::full_member(org_id{1}, "王五", d(2010, 7, 1));
    m.joined_branch = d(2020, 3, 1);
    CHECK(counting_on(m, {}, d(2010, 6, 30)) == counting::not_counted);
    CHECK(counting_on(m, {}, d(2020, 2, 29)) == counting::not_counted);  // not yet in the branch
    CHECK(counting_on(m, {}, d(2020, 3, 1)) == counting::counted);
    using k = standing_event_kind;
    std::vector<standing_event> const h{{k::suspended, d(2024, 5, 10), "失联", ""},
                                        {k::restored, d(2025, 1, 20), "恢复联系", ""},
                                        {k::died, d(2026, 3, 3), "", ""}};
    CHECK(counting_on(m, h, d(2024, 5, 9)) == counting::counted);
    CHECK(counting_on(m, h, d(2024, 5, 10)) == counting::suspended);
    CHECK(counting_on(m, h, d(2025, 1, 19)) == counting::suspended);
    CHECK(counting_on(m, h, d(2025, 1, 20)) == counting::counted);
    CHECK(counting_on(m, h, d(2026, 3, 2)) == counting::counted);
    CHECK(counting_on(m, h, d(2026, 3, 3)) == counting::not_counted);
    auto const suspended = tally_of(m, h, d(2024, 6, 1));
    CHECK(suspended.total == 0);
    CHECK(suspended.suspended == 1);
    CHECK(suspended.ages == decltype(suspended.ages){});
}

TEST_CASE("statistics: groups of sex, ethnicity, education and category, and the rows they give",
          "[statistics]") {
    auto m = test::full_member(org_id{1}, "赵六", d(2010, 7, 1), 1, sex::female);
    m.ethnicity = ethnicity::hui;
    m.education = education::junior_college_graduated;
    m.category = personnel_category::military;
    auto const t = tally_of(m, {}, d(2026, 11, 26));
    CHECK(sex_group_of(sex::female) == 1);
    CHECK(sex_group_of(sex::unstated) == 2);
    CHECK(ethnic_group_of(ethnicity::han) == 0);
    CHECK(ethnic_group_of(ethnicity::hui) == 1);
    auto const rows = t.rows();
    CHECK(count_of(rows, "total", "党员总数") == 1);
    CHECK(count_of(rows, "sex", "女") == 1);
    CHECK(count_of(rows, "ethnicity", "少数民族") == 1);
    CHECK(count_of(rows, "education", "大学专科") == 1);
    CHECK(count_of(rows, "education", "其中: 大专及以上") == 1);
    CHECK(count_of(rows, "category", "军人、武警") == 1);  // the legacy bucket, shown when not zero
    // Lines for unusual data appear only when not zero.
    CHECK(std::none_of(rows.begin(), rows.end(), [](auto const& r) { return r.item_zh == "未说明"; }));
    CHECK(std::none_of(rows.begin(), rows.end(), [](auto const& r) { return r.item_zh == "未填写"; }));
    auto const tertiary = std::find_if(rows.begin(), rows.end(), [](auto const& r) { return r.subtotal; });
    REQUIRE(tertiary != rows.end());
    CHECK(tertiary->item_zh == "其中: 大专及以上");
    CHECK(share_percent(*tertiary, 4) == Approx(25.0));
    CHECK(share_percent(*tertiary, 0) == 0.0);
}

TEST_CASE("statistics: the period includes its first and last day; the default is the year to the date",
          "[statistics]") {
    auto const p = statistics_period::year_to_date(d(2026, 11, 26));
    CHECK(p.first == d(2026, 1, 1));
    CHECK(p.last == d(2026, 11, 26));
    CHECK_FALSE(p.contains(d(2025, 12, 31)));
    CHECK(p.contains(d(2026, 1, 1)));
    CHECK(p.contains(d(2026, 11, 26)));
    CHECK_FALSE(p.contains(d(2026, 11, 27)));
    CHECK(statistics_period::year_to_date(d(2026, 1, 1)) == statistics_period{d(2026, 1, 1), d(2026, 1, 1)});
    CHECK(evaluation_year_reported(d(2026, 1, 1)) == 2025);
    CHECK(evaluation_year_reported(d(2025, 12, 31)) == 2024);
}

TEST_CASE("statistics: development rows share those in development; period labels", "[statistics]") {
    std::vector<stage_figures> const stages{{stage::applicant, 3, 1},
                                            {stage::activist, 1, 0},
                                            {stage::probationary, 4, 2},
                                            {stage::full_member, 9, 5}};
    auto const rows = development_rows(stages, true);
    CHECK(count_of(rows, "development", "入党申请人") == 3);
    CHECK(rows.front().base == 8);
    CHECK(count_of(rows, "development", "其中: 本年接收预备党员") == 2);
    CHECK(count_of(rows, "development", "其中: 本年预备党员转正") == 5);
    CHECK(count_of(development_rows(stages, false), "development", "其中: 统计期内接收预备党员") == 2);
}

namespace {
// A store with four full members in branch_b (the case's introducers and talkers) and the standard case.
struct statistics_store : test::district {
    std::vector<member_id> old;
    statistics_store() {
        for (int i = 0; i < 4; ++i)
            old.push_back(store.add_member(
                test::full_member(branch_b, "老党员" + std::to_string(i), d(2005, 7, 1), 30 + i)));
    }
    void record_case_until(step until) {
        auto h = devtest::full_history();
        for (auto& r : h)
            r = devtest::with_people(r, old, devtest::all_of(4));
        auto a = devtest::person();
        a.branch = branch_b;
        auto const id = open_case(store, a, h.front());
        for (std::size_t i = 1; i < h.size() && kind_of(h[i]) != until; ++i)
            record_step(store, id, h[i]);
    }
};
}  // namespace

TEST_CASE("statistics store: members, suspension and scope as the tally counts them", "[statistics][store]") {
    statistics_store t;
    auto young = test::full_member(t.branch_a, "青年", d(2020, 7, 1), 1, sex::female);
    young.birth_date = d(1996, 11, 26);
    young.id_number = citizen_id::parse(test::id_for(young.birth_date, sex::female, 1));
    auto const y = t.store.add_member(young);
    auto const v = t.store.add_member(test::full_member(t.village, "村民", d(2000, 7, 1), 2));
    t.store.record_standing(v, {standing_event_kind::suspended, d(2026, 5, 1), "失联", "东村党支部"});

    auto const all = statistics(t.store, {.as_of = d(2026, 11, 26)});
    CHECK(all.organisations == 5);
    CHECK(all.branches == 3);
    CHECK(all.total == 5);
    CHECK(all.suspended == 1);
    CHECK(all.evaluation_year == 2025);
    CHECK(all.period == statistics_period{d(2026, 1, 1), d(2026, 11, 26)});
    CHECK(count_of(all.rows, "age", "30岁及以下") == 1);  // 30 on the date
    CHECK(count_of(all.rows, "sex", "女") == 1);
    CHECK(count_of(all.rows, "party_age", "20—29年") == 4);

    // The day before the suspension the village member counts.
    auto const before = statistics(t.store, {.as_of = d(2026, 4, 30)});
    CHECK(before.total == 6);
    CHECK(before.suspended == 0);

    auto const street = statistics(t.store, {.as_of = d(2026, 11, 26), .where = scope::subtree(t.street)});
    CHECK(street.organisations == 3);
    CHECK(street.total == 5);
    CHECK(street.suspended == 0);
    (void)y;

    std::size_t calls = 0;
    auto const with_progress = statistics(
        t.store, {.as_of = d(2026, 11, 26), .progress = [&](std::size_t, std::size_t) { ++calls; }});
    CHECK(calls == 1);
    CHECK(with_progress.rows == all.rows);

    CHECK(test::invalid_field([&] {
              (void)statistics(t.store, {.as_of = d(2026, 11, 26),
                                         .period = statistics_period{d(2026, 2, 1), d(2026, 1, 31)}});
          }) == "period");
    CHECK(test::invalid_field([&] {
              (void)statistics(t.store, {.as_of = d(2026, 11, 26),
                                         .period = statistics_period{d(2026, 1, 1), d(2026, 11, 27)}});
          }) == "period");
    CHECK_THROWS_AS(statistics(t.store, {.as_of = d(2026, 11, 26), .where = scope::subtree(org_id{99})}),
                    not_found);
}

TEST_CASE("statistics: the election rows count organisations, the share of those held is the completion rate",
          "[statistics][election]") {
    auto const rows = election_rows({.year = 2026, .due = 4, .held = 3, .overdue = 1});
    REQUIRE(rows.size() == 3);
    CHECK(count_of(rows, "election", "应换届党组织 (个)") == 4);
    CHECK(rows[0].base == 0);  // no share
    CHECK(count_of(rows, "election", "其中: 已换届 (个)") == 3);
    CHECK(share_percent(rows[1], 100) == 75.0);  // of those due, not of the members
    CHECK(count_of(rows, "election", "其中: 逾期未换届 (个)") == 1);
    CHECK(share_percent(rows[2], 100) == 25.0);
    // No term ends in the year: no completion rate.
    CHECK(election_rows({.year = 2026}).at(1).base == 0);
    CHECK(election_year_reported(d(2026, 1, 1)) == 2026);
    CHECK(election_year_reported(d(2026, 12, 31)) == 2026);
}

TEST_CASE("statistics store: 换届选举 counts the scope's terms ending in the year, held and overdue",
          "[statistics][store][election][access]") {
    test::shared_district w("statistics-elections");
    auto& s = w.store;
    // Branch A (community, term from 2021-12-20) ends 2026-12-20 and holds its election early, on
    // 2026-06-01, with an approved advance. 西村 (village, term from 2021-03-01) ends 2026-03-01 and holds
    // none. Branch B ends 2027-01-15; the others record no term.
    auto const west = s.add_org({.name = "西村党支部",
                                 .kind = org_kind::branch,
                                 .parent = w.district_committee,
                                 .established = d(1998, 1, 1),
                                 .village_or_community = true,
                                 .term_start = d(2021, 3, 1)});
    test::hold_early_election(s, w.branch_a);

    auto const as_of = d(2026, 12, 21);
    auto const all = statistics(s, {.as_of = as_of});
    CHECK(all.elections == election_completion{.year = 2026, .due = 2, .held = 1, .overdue = 1});
    CHECK(all.elections == election_completion_on(s, scope::all(), 2026, as_of));
    CHECK(count_of(all.rows, "election", "应换届党组织 (个)") == 2);
    CHECK(count_of(all.rows, "election", "其中: 已换届 (个)") == 1);
    CHECK(count_of(all.rows, "election", "其中: 逾期未换届 (个)") == 1);
    CHECK(
        std::any_of(all.rows.begin(), all.rows.end(), [](auto const& r) { return r.section == "election"; }));

    // Before the meeting and the end of 西村's term: both due, none held, none overdue.
    auto const spring = statistics(s, {.as_of = d(2026, 2, 1)});
    CHECK(spring.elections == election_completion{.year = 2026, .due = 2, .held = 0, .overdue = 0});
    // A date in 2027 reports the terms ending in 2027: branch B's, overdue after 2027-01-15.
    CHECK(statistics(s, {.as_of = d(2027, 2, 1)}).elections ==
          election_completion{.year = 2027, .due = 1, .held = 0, .overdue = 1});

    // A narrower scope counts only its own organisations.
    auto const street = statistics(s, {.as_of = as_of, .where = scope::subtree(w.street)});
    CHECK(street.elections == election_completion{.year = 2026, .due = 1, .held = 1, .overdue = 0});
    CHECK(count_of(street.rows, "election", "其中: 逾期未换届 (个)") == 0);
    CHECK(statistics(s, {.as_of = as_of, .where = scope::subtree(west)}).elections ==
          election_completion{.year = 2026, .due = 1, .held = 0, .overdue = 1});

    // A branch secretary's statistics hold the branch only, whatever the scope asked for; another
    // branch's scope is refused.
    auto const sa = w.secretary_of(w.branch_a);
    CHECK(statistics(sa, {.as_of = as_of}).elections ==
          election_completion{.year = 2026, .due = 1, .held = 1, .overdue = 0});
    CHECK(statistics(sa, {.as_of = as_of, .where = scope::subtree(w.street)}).elections.overdue == 0);
    auto const sw = w.secretary_of(west);
    CHECK(statistics(sw, {.as_of = as_of}).elections ==
          election_completion{.year = 2026, .due = 1, .held = 0, .overdue = 1});
    test::require_denied(
        w.path, [&] { (void)statistics(sa, {.as_of = as_of, .where = scope::subtree(west)}); },
        permission::read_roster, west.value());
}

TEST_CASE("statistics store: an admission counts in a period that starts or ends on its day",
          "[statistics][store][development]") {
    statistics_store t;
    t.record_case_until(step::oath_taken);  // admitted by the branch meeting of 2024-12-02 (入党日期)
    auto admitted = [&](statistics_period p, date::sys_days as_of) {
        return count_of(
            statistics(t.store, {.as_of = as_of, .where = scope::subtree(t.street), .period = p}).rows,
            "development", "其中: 统计期内接收预备党员");
    };
    auto const on = d(2024, 12, 2);
    CHECK(admitted({on, on}, d(2025, 3, 10)) == 1);
    CHECK(admitted({d(2024, 11, 1), on}, d(2025, 3, 10)) == 1);
    CHECK(admitted({on, d(2025, 3, 10)}, d(2025, 3, 10)) == 1);
    CHECK(admitted({d(2024, 11, 1), d(2024, 12, 1)}, d(2025, 3, 10)) == 0);
    CHECK(admitted({d(2024, 12, 3), d(2025, 3, 10)}, d(2025, 3, 10)) == 0);
    // The default period: the year of the date, up to the date.
    auto const that_year = statistics(t.store, {.as_of = d(2024, 12, 31), .where = scope::subtree(t.street)});
    CHECK(count_of(that_year.rows, "development", "其中: 本年接收预备党员") == 1);
    CHECK(count_of(that_year.rows, "development", "预备党员") == 1);
    auto const day_before = statistics(t.store, {.as_of = d(2024, 12, 1), .where = scope::subtree(t.street)});
    CHECK(count_of(day_before.rows, "development", "其中: 本年接收预备党员") == 0);
    auto const next_year = statistics(t.store, {.as_of = d(2025, 1, 1), .where = scope::subtree(t.street)});
    CHECK(count_of(next_year.rows, "development", "其中: 本年接收预备党员") == 0);
    CHECK(count_of(next_year.rows, "development", "预备党员") == 1);
}

TEST_CASE("statistics store: standing follows the member's events, whatever the record's version",
          "[statistics][store]") {
    // A suspension written by another writer that leaves the member's version alone (an older tool, a
    // repair by hand) still counts: the standing comes from the events, not from the version.
    auto const dir = test::temp_dir("statistics-standing");
    auto const path = dir / "s.db";
    member_id id;
    {
        auto s = open_store(path, {.actor = "tester"});
        auto const top =
            s.add_org({.name = "区委", .kind = org_kind::higher_committee, .established = d(1990, 1, 1)});
        auto const branch = s.add_org(
            {.name = "第一党支部", .kind = org_kind::branch, .parent = top, .established = d(2001, 3, 1)});
        id = s.add_member(test::full_member(branch, "张三", d(2010, 7, 1)));
    }
    {
        SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE);
        raw.exec("INSERT INTO standing_events(member_id, kind, date, reason, decided_by) VALUES(" +
                 std::to_string(id.value()) + ", 'suspended', '2020-03-01', '失联', '第一党支部')");
        raw.exec("UPDATE members SET standing = 'suspended' WHERE id = " + std::to_string(id.value()));
    }
    auto s = open_store(path, {.actor = "tester"});
    CHECK(s.get_member(id).version == 1);
    auto const on = statistics(s, {.as_of = d(2026, 11, 26)});
    CHECK(on.total == 0);
    CHECK(on.suspended == 1);
    auto const before = statistics(s, {.as_of = d(2020, 2, 29)});
    CHECK(before.total == 1);
    CHECK(before.suspended == 0);
    std::filesystem::remove_all(dir);
}

}  // namespace statistics_test_cases
