// The appraisal store (党建工作述职评议考核, 问责): cycles, reports, appraisals, uses of results and
// accountability persisted across reopening, one transaction and one audit row per command, refused
// commands leaving the file unchanged, the agenda of the whole store and of a part of it, the statistics
// of a scope and year, and the migration that adds the tables.
#include <catch2/catch.hpp>

#include <set>

#include "access_support.hpp"
#include "dangyuan/storage/appraisal_store.hpp"
#include "org_work_support.hpp"
#include "test_support.hpp"

namespace appraisal_store_test_cases {

using namespace dangyuan;
using test::d;
using test::invalid_field;
using test::violated_rule;

namespace {

// The small district: 区委 > 城关街道党工委 > 第一社区党支部 and 机关第二党支部, 东村党支部 under the
// district. The community's secretary is recorded; the street's reporter is named.
struct fixture : test::district_fixture {
    member_id secretary = s.add_member(test::full_member(branch_a, "赵敏", d(2008, 7, 1), 1, sex::female));
    member_id worker = s.add_member(test::full_member(branch_b, "钱进", d(2010, 7, 1), 2));
    member_id villager = s.add_member(test::full_member(village, "孙立", d(2011, 7, 1), 3));

    explicit fixture(std::filesystem::path const& path = test::fresh_store_location())
        : district_fixture(path) {
        s.set_leadership(branch_a, d(2021, 12, 20), {{secretary, officer_role::secretary, ""}});
    }

    appraisal_cycle_id open(int levels = 3, date::sys_days on = d(2026, 1, 5)) {
        return open_appraisal_cycle(
            s, {.year = 2025, .organiser = district_committee, .levels = levels, .opened_on = on},
            "年度考核");
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

accountability_record held(accountability_kind k, org_id org, date::sys_days on) {
    return {.kind = k, .org = org, .decided_on = on, .reason = "履职不到位、措施不得力"};
}

}  // namespace

TEST_CASE(
    "appraisal store: a cycle, its reports, appraisals, uses and accountability are read back after "
    "reopening",
    "[appraisal][store]") {
    auto const path = test::temp_dir("appraisal-reopen") / "a.db";
    appraisal_cycle_id cycle;
    appraisal_report_id community_report, street_report;
    accountability_id rectify;
    org_id community, street, district;
    member_id secretary, worker;
    {
        fixture t(path);
        community = t.branch_a, street = t.street, district = t.district_committee;
        secretary = t.secretary, worker = t.worker;
        cycle = t.open();
        community_report = record_appraisal_report(t.s, {.cycle = cycle,
                                                         .org = t.branch_a,
                                                         .reported_on = d(2026, 1, 10),
                                                         .summary = "三会一课按期开展"});
        street_report = record_appraisal_report(
            t.s, {.cycle = cycle, .org = t.street, .reporter = t.worker, .reported_on = d(2026, 1, 10)});
        CHECK(rate_appraisal_report(t.s, votes(community_report, d(2026, 1, 10), {2, 3, 5, 12},
                                               {3, 5, 14})) == appraisal_grade::poor);
        auto r = votes(street_report, d(2026, 1, 11), {20, 8, 2, 0}, {25, 4, 1});
        r.grade = appraisal_grade::fairly_good;
        r.override_reason = "专项检查发现问题";
        CHECK(rate_appraisal_report(t.s, r) == appraisal_grade::fairly_good);
        apply_appraisal_result(t.s,
                               {.report = street_report, .applied_on = d(2026, 2, 1), .use = "纳入年度考核"});
        rectify = record_accountability(t.s, [&] {
            auto a = held(accountability_kind::rectification, t.branch_a, d(2026, 1, 20));
            a.cycle = cycle;
            a.member = t.secretary;
            return a;
        }());
        complete_rectification(t.s, rectify, d(2026, 4, 10), "整改到位");
        close_appraisal_cycle(t.s, cycle, d(2026, 3, 31));
        CHECK(test::audit_rows(t.s, "appraisal") == 9);
        CHECK(t.s.audit_log().back().action == "cycle_closed");
    }
    auto s = open_store(path, test::pinned_options());
    auto const c = get_appraisal_cycle(s, cycle);
    CHECK(c == appraisal_cycle{.id = cycle,
                               .year = 2025,
                               .organiser = district,
                               .levels = 3,
                               .opened_on = d(2026, 1, 5),
                               .closed_on = d(2026, 3, 31)});
    CHECK(appraisal_cycles(s) == std::vector{c});
    CHECK(appraisal_cycles(s, scope::all(), 2024).empty());
    CHECK(appraisal_cycles(s, scope::subtree(street)).empty());  // organised above the street
    auto const reports = appraisal_reports(s, cycle);
    REQUIRE(reports.size() == 2);
    CHECK(reports[0] == appraisal_report{.id = community_report,
                                         .cycle = cycle,
                                         .org = community,
                                         .reporter = secretary,
                                         .reported_on = d(2026, 1, 10),
                                         .summary = "三会一课按期开展"});
    CHECK(reports[1].reporter == worker);
    CHECK(get_appraisal_report(s, street_report) == reports[1]);
    auto const g = appraisal_rating_of(s, street_report);
    REQUIRE(g.has_value());
    CHECK(g->grade == appraisal_grade::fairly_good);
    CHECK(g->override_reason == "专项检查发现问题");
    CHECK(g->votes() == std::array<int, 4>{20, 8, 2, 0});
    CHECK(g->dissatisfied == 1);
    CHECK(appraisal_applications(s, street_report) ==
          std::vector<appraisal_application>{{street_report, d(2026, 2, 1), "纳入年度考核"}});
    CHECK(appraisal_applications(s, community_report).empty());
    auto const a = get_accountability(s, rectify);
    CHECK(a.deadline == d(2026, 4, 20));
    CHECK(a.completed_on == d(2026, 4, 10));
    CHECK(a.cycle == cycle);
    CHECK(a.member == secretary);
    CHECK(accountability_records(s) == std::vector{a});
    CHECK(accountability_records(s, scope::subtree(street), 2026) == std::vector{a});
    CHECK(accountability_records(s, scope::all(), 2025).empty());
    CHECK(s.verify_audit().ok);
}

TEST_CASE(
    "区2020年组织工作要点 第7项 [L] appraisal.one_report_per_cycle: a refused command leaves the file "
    "byte-for-byte unchanged",
    "[appraisal][store]") {
    auto const path = test::temp_dir("appraisal-bytes") / "a.db";
    fixture t(path);
    auto const cycle = t.open(2);
    auto const rep = record_appraisal_report(
        t.s, {.cycle = cycle, .org = t.village, .reporter = t.villager, .reported_on = d(2026, 1, 10)});
    (void)record_appraisal_report(
        t.s, {.cycle = cycle, .org = t.street, .reporter = t.worker, .reported_on = d(2026, 1, 10)});
    auto const rect =
        record_accountability(t.s, held(accountability_kind::rectification, t.branch_a, d(2026, 1, 20)));
    test::store_snapshot const before(path, t.s);
    CHECK(violated_rule([&] {
              (void)record_appraisal_report(
                  t.s,
                  {.cycle = cycle, .org = t.village, .reporter = t.villager, .reported_on = d(2026, 1, 11)});
          }) == "appraisal.one_report_per_cycle");
    // Two levels: the district, the street and the village; the street's branches are a level too deep.
    CHECK(violated_rule([&] {
              (void)record_appraisal_report(
                  t.s, {.cycle = cycle, .org = t.branch_a, .reported_on = d(2026, 1, 11)});
          }) == "appraisal.cycle_scope");
    CHECK(violated_rule([&] {
              (void)record_appraisal_report(
                  t.s, {.cycle = cycle, .org = t.district_committee, .reported_on = d(2026, 1, 11)});
          }) == "appraisal.reporter_secretary");
    CHECK(violated_rule([&] {
              (void)record_appraisal_report(t.s, {.cycle = cycle,
                                                  .org = t.district_committee,
                                                  .reporter = t.villager,
                                                  .reported_on = d(2026, 1, 4)});
          }) == "appraisal.report_within_cycle");
    CHECK(violated_rule([&] {
              (void)record_appraisal_report(t.s, {.cycle = cycle,
                                                  .org = t.district_committee,
                                                  .reporter = t.villager,
                                                  .reported_on = d(2026, 7, 1)});
          }) == "record.not_in_future");
    CHECK(violated_rule([&] { (void)t.open(3, d(2026, 2, 1)); }) == "appraisal.cycle_organiser");
    CHECK(violated_rule([&] {
              (void)open_appraisal_cycle(
                  t.s, {.year = 2025, .organiser = t.branch_b, .levels = 1, .opened_on = d(2026, 1, 5)});
          }) == "appraisal.cycle_organiser");
    CHECK(invalid_field([&] {
              (void)open_appraisal_cycle(
                  t.s, {.year = 2025, .organiser = t.street, .levels = 0, .opened_on = d(2026, 1, 5)});
          }) == "levels");
    CHECK(violated_rule([&] {
              (void)rate_appraisal_report(t.s, votes(rep, d(2026, 1, 10), {0, 0, 0, 0}));
          }) == "appraisal.tally_valid");
    CHECK(violated_rule([&] {
              (void)rate_appraisal_report(t.s, votes(rep, d(2026, 1, 9), {1, 0, 0, 0}));
          }) == "appraisal.rating_after_report");
    CHECK(violated_rule([&] {
              auto r = votes(rep, d(2026, 1, 10), {1, 0, 0, 0});
              r.grade = appraisal_grade::poor;
              (void)rate_appraisal_report(t.s, r);
          }) == "appraisal.grade_override_reason");
    CHECK(violated_rule([&] {
              apply_appraisal_result(t.s, {.report = rep, .applied_on = d(2026, 2, 1), .use = "评先评优"});
          }) == "appraisal.apply_after_rating");
    CHECK(violated_rule([&] {
              auto a = held(accountability_kind::rectification, t.branch_a, d(2026, 1, 20));
              a.deadline = d(2026, 4, 21);
              (void)record_accountability(t.s, a);
          }) == "appraisal.rectify_deadline");
    CHECK(violated_rule([&] {
              (void)record_accountability(
                  t.s, held(accountability_kind::organisational_treatment, t.branch_a, d(2026, 1, 20)));
          }) == "appraisal.treatment_decision");
    CHECK(violated_rule([&] {
              auto a = held(accountability_kind::admonition_talk, t.branch_b, d(2026, 1, 20));
              a.cycle = cycle;
              (void)record_accountability(t.s, a);
          }) == "appraisal.cycle_scope");
    CHECK(violated_rule([&] { complete_rectification(t.s, rect, d(2026, 1, 19)); }) ==
          "appraisal.rectify_by_deadline");
    CHECK(violated_rule([&] { close_appraisal_cycle(t.s, cycle, d(2026, 1, 9)); }) ==
          "appraisal.report_within_cycle");
    CHECK(invalid_field([&] {
              auto a = held(accountability_kind::admonition_talk, t.branch_a, d(2026, 1, 20));
              a.reason.clear();
              (void)record_accountability(t.s, a);
          }) == "reason");
    CHECK_THROWS_AS(
        record_appraisal_report(
            t.s, {.cycle = appraisal_cycle_id{99}, .org = t.branch_a, .reported_on = d(2026, 1, 10)}),
        not_found);
    CHECK_THROWS_AS(rate_appraisal_report(t.s, votes(appraisal_report_id{99}, d(2026, 1, 10), {1, 0, 0, 0})),
                    not_found);
    CHECK_THROWS_AS(complete_rectification(t.s, accountability_id{99}, d(2026, 2, 1)), not_found);
    before.check_unchanged();
}

TEST_CASE(
    "appraisal statistics: cycles, reports, grades, satisfaction and accountability of a scope and year",
    "[appraisal][store]") {
    fixture t;
    auto const cycle = t.open(3);
    auto const a =
        record_appraisal_report(t.s, {.cycle = cycle, .org = t.branch_a, .reported_on = d(2026, 1, 10)});
    auto const st = record_appraisal_report(
        t.s, {.cycle = cycle, .org = t.street, .reporter = t.worker, .reported_on = d(2026, 1, 10)});
    auto const v = record_appraisal_report(
        t.s, {.cycle = cycle, .org = t.village, .reporter = t.villager, .reported_on = d(2026, 1, 10)});
    (void)rate_appraisal_report(t.s, votes(a, d(2026, 1, 10), {1, 2, 3, 9}, {2, 3, 10}));
    (void)rate_appraisal_report(t.s, votes(st, d(2026, 1, 10), {10, 3, 0, 0}, {12, 1, 0}));
    (void)rate_appraisal_report(t.s, votes(v, d(2026, 1, 10), {8, 3, 0, 0}));
    apply_appraisal_result(t.s, {.report = st, .applied_on = d(2026, 1, 20), .use = "评先评优"});
    apply_appraisal_result(t.s, {.report = st, .applied_on = d(2026, 1, 25), .use = "纳入年度考核"});
    (void)record_accountability(t.s, held(accountability_kind::admonition_talk, t.branch_a, d(2026, 1, 15)));
    auto const r1 =
        record_accountability(t.s, held(accountability_kind::rectification, t.branch_a, d(2026, 1, 15)));
    auto const r2 =
        record_accountability(t.s, held(accountability_kind::rectification, t.village, d(2026, 1, 15)));
    (void)record_accountability(t.s, held(accountability_kind::rectification, t.branch_b, d(2026, 1, 15)));
    auto treat = held(accountability_kind::organisational_treatment, t.branch_a, d(2025, 12, 1));
    treat.decision = "调整书记";
    (void)record_accountability(t.s, treat);
    complete_rectification(t.s, r1, d(2026, 4, 15));  // its last day
    complete_rectification(t.s, r2, d(2026, 4, 16));  // a day late
    auto const all = appraisal_statistics_of(t.s, 2025);
    CHECK(all == appraisal_statistics{.year = 2025,
                                      .cycles = 1,
                                      .reports = 3,
                                      .rated = 3,
                                      .results_applied = 1,
                                      .by_grade = {2, 0, 0, 1},
                                      .satisfaction = {14, 4, 10},
                                      .accountability_by_kind = {0, 0, 1}});
    auto const y2026 = appraisal_statistics_of(t.s, 2026);
    CHECK(y2026.cycles == 0);
    CHECK(y2026.reports == 0);
    CHECK(y2026.accountability_by_kind == std::array<int, 3>{1, 3, 0});
    CHECK(y2026.rectifications_completed == 1);
    CHECK(y2026.rectifications_completed_late == 1);
    CHECK(y2026.rectifications_overdue == 1);  // branch_b's, deadline 2026-04-15, open on 2026-06-30
    auto const street = appraisal_statistics_of(t.s, 2025, scope::subtree(t.street));
    CHECK(street == appraisal_statistics{.year = 2025,
                                         .cycles = 0,
                                         .reports = 2,
                                         .rated = 2,
                                         .results_applied = 1,
                                         .by_grade = {1, 0, 0, 1},
                                         .satisfaction = {14, 4, 10},
                                         .accountability_by_kind = {0, 0, 1}});
    auto const village26 = appraisal_statistics_of(t.s, 2026, scope::subtree(t.village));
    CHECK(village26.accountability_by_kind == std::array<int, 3>{0, 1, 0});
    CHECK(village26.rectifications_completed_late == 1);
    CHECK(village26.rectifications_overdue == 0);

    // A year's rectifications stand as on its 31 December: one decided in December 2025 with its deadline
    // in 2026 is neither completed nor overdue in 2025, even once completed (or overdue) later.
    auto late = held(accountability_kind::rectification, t.street, d(2025, 12, 10));
    late.deadline = d(2026, 1, 10);
    auto const r3 = record_accountability(t.s, late);
    auto const year_end = appraisal_statistics_of(t.s, 2025);
    CHECK(year_end.accountability_by_kind == std::array<int, 3>{0, 1, 1});
    CHECK(year_end.rectifications_completed + year_end.rectifications_completed_late +
              year_end.rectifications_overdue ==
          0);
    complete_rectification(t.s, r3, d(2026, 1, 5));
    CHECK(appraisal_statistics_of(t.s, 2025).rectifications_completed == 0);
    // One decided in 2025 with its deadline passed by 31 December and completed only in 2026 was overdue.
    auto overdue = held(accountability_kind::rectification, t.street, d(2025, 10, 1));
    overdue.deadline = d(2025, 12, 30);
    auto const r4 = record_accountability(t.s, overdue);
    complete_rectification(t.s, r4, d(2026, 1, 6));
    CHECK(appraisal_statistics_of(t.s, 2025).rectifications_overdue == 1);
}

TEST_CASE(
    "区2020年组织工作要点 第7项 [L] appraisal.report_by_deadline: the agenda of the whole store and of a "
    "part "
    "of it",
    "[appraisal][store][agenda]") {
    fixture t;
    auto const cycle = t.open(3);
    auto const a =
        record_appraisal_report(t.s, {.cycle = cycle, .org = t.branch_a, .reported_on = d(2026, 1, 10)});
    (void)rate_appraisal_report(t.s, votes(a, d(2026, 1, 10), {0, 1, 2, 9}));
    (void)record_accountability(t.s, held(accountability_kind::rectification, t.branch_b, d(2026, 1, 12)));
    auto const on = d(2026, 3, 31);
    auto const whole = t.s.agenda(on);
    auto const items = test::agenda_items_of(whole, "appraisal.");
    // Not reported: the district, the street, the office branch and the village (three levels); the
    // community's 差 awaits accountability by the district; the office branch's rectification is open.
    CHECK(test::kinds_and_orgs(items) == std::multiset<std::pair<std::string, std::int64_t>>{
                                             {"appraisal.report_missing", t.district_committee.value()},
                                             {"appraisal.report_missing", t.street.value()},
                                             {"appraisal.report_missing", t.branch_b.value()},
                                             {"appraisal.report_missing", t.village.value()},
                                             {"appraisal.followup_due", t.district_committee.value()},
                                             {"appraisal.rectification_overdue", t.branch_b.value()}});
    for (auto const& i : items) {
        CHECK(agenda_kind(i.kind).has_value());
        CHECK_FALSE(i.message_zh.empty());
        if (i.kind == "appraisal.report_missing") CHECK(i.status == agenda_status::due);
        if (i.kind == "appraisal.followup_due") CHECK(i.status == agenda_status::overdue);
        if (i.kind == "appraisal.rectification_overdue") CHECK(i.status == agenda_status::upcoming);
    }
    test::check_scoped_agendas(t.s, on, whole,
                               {t.district_committee, t.street, t.branch_a, t.branch_b, t.village});
    // Reports, the accountability and the rectification's completion take the items off.
    for (auto const& [org, who] : {std::pair{t.district_committee, t.villager}, std::pair{t.street, t.worker},
                                   std::pair{t.branch_b, t.worker}, std::pair{t.village, t.villager}})
        (void)record_appraisal_report(t.s, {.cycle = cycle, .org = org, .reporter = who, .reported_on = on});
    (void)record_accountability(t.s, held(accountability_kind::admonition_talk, t.branch_a, on));
    CHECK(test::agenda_items_of(t.s.agenda(on), "appraisal.").size() == 1);
    complete_rectification(t.s, accountability_id{1}, on);
    CHECK(test::agenda_items_of(t.s.agenda(on), "appraisal.").empty());
    // As of a date before, they are still there.
    CHECK(test::agenda_items_of(t.s.agenda(d(2026, 3, 30)), "appraisal.").size() == 6);
}

TEST_CASE("appraisal store: a branch secretary acts and reads within the branch's subtree only",
          "[appraisal][store][access]") {
    test::shared_district t("appraisal");
    auto const secretary = t.store.add_member(test::full_member(t.branch_a, "赵敏", d(2008, 7, 1), 1));
    auto const cycle = open_appraisal_cycle(
        t.store, {.year = 2025, .organiser = t.district_committee, .levels = 3, .opened_on = d(2026, 1, 5)});
    auto const rep = record_appraisal_report(
        t.store, {.cycle = cycle, .org = t.branch_a, .reporter = secretary, .reported_on = d(2026, 1, 10)});
    auto const own = record_accountability(t.store, {.kind = accountability_kind::rectification,
                                                     .org = t.branch_a,
                                                     .decided_on = d(2026, 1, 20),
                                                     .reason = "评议为差"});
    (void)record_accountability(t.store, {.kind = accountability_kind::admonition_talk,
                                          .org = t.branch_b,
                                          .decided_on = d(2026, 1, 20),
                                          .reason = "履职不到位"});
    auto branch = t.secretary_of(t.branch_a);
    test::require_denied(
        t.path,
        [&] {
            (void)open_appraisal_cycle(
                branch, {.year = 2026, .organiser = t.street, .levels = 1, .opened_on = d(2026, 6, 1)});
        },
        permission::run_evaluations, t.street.value());
    test::require_denied(
        t.path,
        [&] {
            (void)rate_appraisal_report(branch, votes(rep, d(2026, 1, 10), {1, 0, 0, 0}));
        },
        permission::run_evaluations, t.district_committee.value());
    test::require_denied(
        t.path,
        [&] {
            (void)record_accountability(branch, {.kind = accountability_kind::admonition_talk,
                                                 .org = t.branch_b,
                                                 .decided_on = d(2026, 1, 21),
                                                 .reason = "x"});
        },
        permission::run_evaluations, t.branch_b.value());
    // Its own organisation's records: read and completed.
    CHECK(get_appraisal_report(branch, rep).org == t.branch_a);
    CHECK(accountability_records(branch).size() == 1);
    complete_rectification(branch, own, d(2026, 3, 1));
    CHECK(get_accountability(t.store, own).completed_on == d(2026, 3, 1));
    CHECK(appraisal_cycles(branch).empty());
    CHECK(appraisal_statistics_of(branch, 2025).reports == 1);
    CHECK(appraisal_statistics_of(t.store, 2025).reports == 1);
    CHECK(appraisal_statistics_of(branch, 2026).accountability_by_kind == std::array<int, 3>{0, 1, 0});
    CHECK(appraisal_statistics_of(t.store, 2026).accountability_by_kind == std::array<int, 3>{1, 1, 0});
}

TEST_CASE("appraisal store: the migration to the appraisal schema on a store of the previous version",
          "[appraisal][store][migration]") {
    auto const path = test::temp_dir("appraisal-migrate") / "a.db";
    org_id district;
    {
        fixture t(path);
        district = t.district_committee;
    }
    // The store as the previous version wrote it: no appraisal tables.
    test::set_schema_back(path, appraisal_schema_version,
                          {"accountability_records", "appraisal_applications", "appraisal_ratings",
                           "appraisal_reports", "appraisal_cycles"});
    {
        auto s = test::open_migrated(path, appraisal_schema_version);
        CHECK(appraisal_cycles(s).empty());
        (void)open_appraisal_cycle(
            s, {.year = 2025, .organiser = district, .levels = 3, .opened_on = d(2026, 1, 5)});
        CHECK(appraisal_cycles(s).size() == 1);
        CHECK(s.verify_audit().ok);
    }
    test::set_schema_back(path, appraisal_schema_version);
    auto again = open_store(path, test::pinned_options());
    CHECK(appraisal_cycles(again).size() == 1);
}

}  // namespace appraisal_store_test_cases
