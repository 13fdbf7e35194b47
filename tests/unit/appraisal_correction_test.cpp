// The correction of a recorded appraisal (更正评议结果; appraisal.correction_before_close): the same record
// on its day takes new tallies, grade or note for a stated reason, with an audit row holding the values
// before and after, only while the cycle is open; the follow-up of a poor result (appraisal.followup_poor)
// and the statistics follow the corrected grade. Refused corrections change nothing.
#include <catch2/catch.hpp>

#include <algorithm>

#include "dangyuan/storage/appraisal_store.hpp"
#include "test_support.hpp"

namespace appraisal_correction_test_cases {

using namespace dangyuan;
using test::d;
using test::invalid_field;
using test::violated_rule;

namespace {

// The small district with the community's secretary recorded, a three-level cycle of 2025 opened on
// 2026-01-05 and the community's report of 2026-01-10.
struct fixture : test::district_orgs {
    store s;
    member_id secretary;
    appraisal_cycle_id cycle;
    appraisal_report_id report;

    fixture() : s(open_store(test::fresh_store_location(), options())) {
        static_cast<test::district_orgs&>(*this) = test::add_district_orgs(s);
        secretary = s.add_member(test::full_member(branch_a, "赵敏", d(2008, 7, 1), 1, sex::female));
        s.set_leadership(branch_a, d(2021, 12, 20), {{secretary, officer_role::secretary, ""}});
        cycle = open_appraisal_cycle(
            s, {.year = 2025, .organiser = district_committee, .levels = 3, .opened_on = d(2026, 1, 5)});
        report = record_appraisal_report(s, {.cycle = cycle, .org = branch_a, .reported_on = d(2026, 1, 10)});
    }

    static store_options options() {
        store_options o;
        o.actor = "tester";
        o.today = [] { return d(2026, 6, 30); };
        return o;
    }
};

appraisal_rating votes(appraisal_report_id r, date::sys_days on, std::array<int, 4> v,
                       std::array<int, 3> sat = {}) {
    return {.report = r,
            .rated_on = on,
            .votes_good = v[0],
            .votes_fairly_good = v[1],
            .votes_average = v[2],
            .votes_poor = v[3],
            .satisfied = sat[0],
            .basically_satisfied = sat[1],
            .dissatisfied = sat[2]};
}

std::vector<agenda_item> followups(std::vector<agenda_item> const& all) {
    std::vector<agenda_item> out;
    for (auto const& i : all)
        if (i.kind == "appraisal.followup_due") out.push_back(i);
    return out;
}

long audit_rows(store const& s) {
    auto const log = s.audit_log();
    return std::count_if(log.begin(), log.end(), [](auto const& e) { return e.entity == "appraisal"; });
}

}  // namespace

TEST_CASE(
    "区2020年组织工作要点 第7项 [L] appraisal.correction_before_close: the pure check — the same record, a "
    "reason, new values, an open cycle",
    "[appraisal][rules]") {
    appraisal_cycle c{.id = appraisal_cycle_id{1},
                      .year = 2025,
                      .organiser = org_id{1},
                      .levels = 3,
                      .opened_on = d(2026, 1, 5)};
    appraisal_report const rep{
        .id = appraisal_report_id{7}, .cycle = c.id, .org = org_id{3}, .reported_on = d(2026, 1, 10)};
    auto before = votes(rep.id, d(2026, 1, 10), {2, 3, 5, 12});
    before.grade = appraisal_grade::poor;
    auto const after = votes(rep.id, d(2026, 1, 10), {12, 5, 3, 2});
    CHECK(check_rating_correction(c, rep, before, after, "计票错误") == appraisal_grade::good);
    CHECK(invalid_field([&] { (void)check_rating_correction(c, rep, before, after, ""); }) ==
          "correction_reason");
    auto other_day = after;
    other_day.rated_on = d(2026, 1, 11);
    CHECK(invalid_field([&] { (void)check_rating_correction(c, rep, before, other_day, "x"); }) ==
          "rated_on");
    auto other_report = after;
    other_report.report = appraisal_report_id{8};
    CHECK(invalid_field([&] { (void)check_rating_correction(c, rep, before, other_report, "x"); }) ==
          "report");
    // The same values (the grade filled in or not) change nothing.
    auto same = before;
    same.grade.reset();
    CHECK(invalid_field([&] { (void)check_rating_correction(c, rep, before, same, "x"); }) == "rating");
    // The new values are checked as a new appraisal is.
    CHECK(violated_rule([&] {
              (void)check_rating_correction(c, rep, before, votes(rep.id, d(2026, 1, 10), {0, 0, 0, 0}), "x");
          }) == "appraisal.tally_valid");
    auto overridden = after;
    overridden.grade = appraisal_grade::average;
    CHECK(violated_rule([&] { (void)check_rating_correction(c, rep, before, overridden, "x"); }) ==
          "appraisal.grade_override_reason");
    overridden.override_reason = "群众反映问题未解决";
    CHECK(check_rating_correction(c, rep, before, overridden, "x") == appraisal_grade::average);
    // Closed: even on the cycle's last day, the record stands — and this comes before every other check.
    c.closed_on = d(2026, 1, 10);
    CHECK(violated_rule([&] { (void)check_rating_correction(c, rep, before, after, "计票错误"); }) ==
          "appraisal.correction_before_close");
    CHECK(violated_rule([&] { (void)check_rating_correction(c, rep, before, after, ""); }) ==
          "appraisal.correction_before_close");
}

TEST_CASE(
    "区2020年组织工作要点 第7项 [L] appraisal.correction_before_close: the store corrects the same record "
    "with "
    "an audit row of before and after",
    "[appraisal][store]") {
    fixture t;
    CHECK(rate_appraisal_report(t.s, votes(t.report, d(2026, 1, 10), {20, 8, 2, 0}, {25, 4, 1})) ==
          appraisal_grade::good);
    auto const before_rows = audit_rows(t.s);
    auto corrected = votes(t.report, d(2026, 1, 10), {18, 9, 3, 0}, {24, 4, 2});
    corrected.note = "复核计票";
    CHECK(correct_appraisal_rating(t.s, corrected, "计票时漏计3票", "组织部复核") == appraisal_grade::good);
    auto const now = appraisal_rating_of(t.s, t.report);
    REQUIRE(now.has_value());
    CHECK(now->rated_on == d(2026, 1, 10));
    CHECK(now->votes() == std::array<int, 4>{18, 9, 3, 0});
    CHECK((now->satisfied == 24 && now->basically_satisfied == 4 && now->dissatisfied == 2));
    CHECK(now->grade == appraisal_grade::good);
    CHECK(now->note == "复核计票");
    CHECK(audit_rows(t.s) == before_rows + 1);
    auto const e = t.s.audit_log().back();
    CHECK(e.entity == "appraisal");
    CHECK(e.entity_id == t.report.value());
    CHECK(e.action == "rating_corrected");
    CHECK(e.why == "组织部复核");
    CHECK(e.detail ==
          "reason=计票时漏计3票; before: votes=20/8/2/0; satisfaction=25/4/1; grade=good; after: "
          "votes=18/9/3/0; satisfaction=24/4/2; grade=good; note=复核计票; date=2026-01-10");
    // A second correction of the same record is a correction too.
    auto again = corrected;
    again.grade = appraisal_grade::fairly_good;
    again.override_reason = "述职材料不实";
    CHECK(correct_appraisal_rating(t.s, again, "党委会研究决定") == appraisal_grade::fairly_good);
    CHECK(appraisal_rating_of(t.s, t.report)->override_reason == "述职材料不实");
    CHECK(t.s.verify_audit().ok);
}

TEST_CASE(
    "区2020年组织工作要点 第7项 [L] appraisal.correction_before_close: refused corrections name the rule or "
    "field and change nothing",
    "[appraisal][store]") {
    fixture t;
    auto const other = record_appraisal_report(
        t.s, {.cycle = t.cycle, .org = t.street, .reporter = t.secretary, .reported_on = d(2026, 1, 10)});
    // Not appraised yet: nothing to correct.
    CHECK(invalid_field([&] {
              (void)correct_appraisal_rating(t.s, votes(other, d(2026, 1, 10), {1, 0, 0, 0}), "更正");
          }) == "report");
    (void)rate_appraisal_report(t.s, votes(t.report, d(2026, 1, 10), {2, 3, 5, 12}));
    auto const recorded = appraisal_rating_of(t.s, t.report);
    auto const rows = audit_rows(t.s);
    auto const fixed = votes(t.report, d(2026, 1, 10), {12, 5, 3, 2});
    CHECK(invalid_field([&] { (void)correct_appraisal_rating(t.s, fixed, ""); }) == "correction_reason");
    CHECK(invalid_field([&] {
              (void)correct_appraisal_rating(t.s, votes(t.report, d(2026, 1, 11), {12, 5, 3, 2}), "更正");
          }) == "rated_on");
    CHECK(invalid_field([&] { (void)correct_appraisal_rating(t.s, *recorded, "更正"); }) == "rating");
    CHECK(violated_rule([&] {
              (void)correct_appraisal_rating(t.s, votes(t.report, d(2026, 1, 10), {1, -1, 0, 0}), "更正");
          }) == "appraisal.tally_valid");
    auto overridden = fixed;
    overridden.grade = appraisal_grade::poor;
    CHECK(violated_rule([&] { (void)correct_appraisal_rating(t.s, overridden, "更正"); }) ==
          "appraisal.grade_override_reason");
    CHECK_THROWS_AS(
        correct_appraisal_rating(t.s, votes(appraisal_report_id{99}, d(2026, 1, 10), {1, 0, 0, 0}), "更正"),
        not_found);
    CHECK(audit_rows(t.s) == rows);
    CHECK(appraisal_rating_of(t.s, t.report) == recorded);
    // After the cycle is closed (on its last day, which is when the last rating was), it is refused.
    close_appraisal_cycle(t.s, t.cycle, d(2026, 1, 10));
    auto const closed_rows = audit_rows(t.s);
    CHECK(violated_rule([&] { (void)correct_appraisal_rating(t.s, fixed, "更正"); }) ==
          "appraisal.correction_before_close");
    CHECK(audit_rows(t.s) == closed_rows);
    CHECK(appraisal_rating_of(t.s, t.report) == recorded);
}

TEST_CASE(
    "区2020年组织工作要点 第8项 [L] appraisal.followup_poor: the follow-up of a poor result follows the "
    "corrected grade, both ways",
    "[appraisal][store][agenda]") {
    fixture t;
    auto const rules = rule_set::national_2014();
    REQUIRE(rules.appraisal.followup_days == 30);
    // Rated 差 on 2026-01-10: a follow-up is due by 2026-02-09.
    CHECK(rate_appraisal_report(t.s, votes(t.report, d(2026, 1, 10), {2, 3, 5, 12})) ==
          appraisal_grade::poor);
    auto items = followups(t.s.agenda(d(2026, 2, 9)));
    REQUIRE(items.size() == 1);
    CHECK(items[0].due == d(2026, 2, 9));
    CHECK(items[0].org == t.district_committee);
    CHECK(appraisal_statistics_of(t.s, 2025).by_grade[3] == 1);
    // Corrected to 好: no follow-up, on any day, and the statistics count 好.
    CHECK(correct_appraisal_rating(t.s, votes(t.report, d(2026, 1, 10), {12, 5, 3, 2}), "计票时两栏颠倒") ==
          appraisal_grade::good);
    CHECK(followups(t.s.agenda(d(2026, 2, 9))).empty());
    CHECK(followups(t.s.agenda(d(2026, 3, 1))).empty());
    auto const st = appraisal_statistics_of(t.s, 2025);
    CHECK(st.by_grade[0] == 1);
    CHECK(st.by_grade[3] == 0);
    // Corrected back to 差 (by an override with its reason): the follow-up returns, due 30 days after the
    // appraisal's day, shown in the scoped agenda of the organiser too.
    auto poor = votes(t.report, d(2026, 1, 10), {12, 5, 3, 2});
    poor.grade = appraisal_grade::poor;
    poor.override_reason = "存在严重问题";
    CHECK(correct_appraisal_rating(t.s, poor, "党委会复议") == appraisal_grade::poor);
    CHECK(followups(t.s.agenda(d(2026, 2, 9))).size() == 1);
    CHECK(followups(t.s.agenda(d(2026, 2, 10)))[0].status == agenda_status::overdue);
    CHECK(followups(t.s.agenda(d(2026, 2, 9), scope::subtree(t.district_committee))).size() == 1);
    CHECK(followups(t.s.agenda(d(2026, 2, 9), scope::subtree(t.street))).empty());
    // An accountability record after the rating ends the follow-up.
    (void)record_accountability(t.s, {.kind = accountability_kind::admonition_talk,
                                      .org = t.branch_a,
                                      .decided_on = d(2026, 2, 1),
                                      .reason = "评议为差"});
    CHECK(followups(t.s.agenda(d(2026, 2, 9))).empty());
}

}  // namespace appraisal_correction_test_cases
