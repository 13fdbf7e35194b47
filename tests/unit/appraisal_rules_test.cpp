// The party-building appraisal (党建工作述职评议考核) and accountability (问责): the pure rules of a
// cycle, its reports, their appraisal and the use of results, and of accountability records, with the
// agenda items, written from the wording of the rules (the opening and closing day of a cycle, the report
// deadline's day and the day after, the month-end clamp of a rectification's deadline). Every rule is
// local practice [L], citing the district's plan, items 7 and 8.
#include <catch2/catch.hpp>

#include "dangyuan/appraisal/appraisal_agenda.hpp"
#include "dangyuan/rules/profile.hpp"
#include "test_support.hpp"

namespace appraisal_rules_test_cases {

using namespace dangyuan;
using test::d;
using test::invalid_field;
using test::violated_rule;

namespace {

org_unit district() {
    return {
        .id = org_id{1}, .name = "区委", .kind = org_kind::higher_committee, .established = d(1990, 1, 1)};
}

appraisal_cycle cycle(int levels = 3, std::optional<date::sys_days> closed = {}) {
    return {.id = appraisal_cycle_id{7},
            .year = 2025,
            .organiser = org_id{1},
            .levels = levels,
            .opened_on = d(2026, 1, 5),
            .closed_on = closed};
}

// District 1 > street 2 > community 3 > party group 4.
std::vector<org_id> chain(std::int64_t id) {
    std::vector<org_id> out;
    for (auto i = id; i >= 1; --i)
        out.push_back(org_id{i});
    return out;
}

appraisal_report report(std::int64_t org, date::sys_days on, std::int64_t id = 1) {
    return {
        .id = appraisal_report_id{id}, .cycle = appraisal_cycle_id{7}, .org = org_id{org}, .reported_on = on};
}

appraisal_rating rating(date::sys_days on, std::array<int, 4> v, std::array<int, 3> sat = {}) {
    return {.report = appraisal_report_id{1},
            .rated_on = on,
            .votes_good = v[0],
            .votes_fairly_good = v[1],
            .votes_average = v[2],
            .votes_poor = v[3],
            .satisfied = sat[0],
            .basically_satisfied = sat[1],
            .dissatisfied = sat[2]};
}

accountability_record held(accountability_kind k, date::sys_days on) {
    return {
        .id = accountability_id{3}, .kind = k, .org = org_id{3}, .decided_on = on, .reason = "履职不到位"};
}

}  // namespace

TEST_CASE(
    "区2020年组织工作要点 第7项 [L] appraisal.cycle_organiser: a committee existing on the day opens one "
    "cycle "
    "per year, in the year appraised or the next",
    "[appraisal][rules]") {
    auto c = cycle();
    CHECK_NOTHROW(check_cycle(c, district(), {}));
    c.opened_on = d(2025, 1, 1);
    CHECK_NOTHROW(check_cycle(c, district(), {}));
    c.opened_on = d(2026, 12, 31);
    CHECK_NOTHROW(check_cycle(c, district(), {}));
    c.opened_on = d(2027, 1, 1);
    CHECK(invalid_field([&] { check_cycle(c, district(), {}); }) == "opened_on");
    c.opened_on = d(2024, 12, 31);
    CHECK(invalid_field([&] { check_cycle(c, district(), {}); }) == "opened_on");
    c = cycle(0);
    CHECK(invalid_field([&] { check_cycle(c, district(), {}); }) == "levels");
    c = cycle(max_appraisal_levels + 1);
    CHECK(invalid_field([&] { check_cycle(c, district(), {}); }) == "levels");
    CHECK_NOTHROW(check_cycle(cycle(max_appraisal_levels), district(), {}));
    auto branch = district();
    branch.kind = org_kind::branch;
    CHECK(violated_rule([&] { check_cycle(cycle(), branch, {}); }) == "appraisal.cycle_organiser");
    for (auto const k : {org_kind::grassroots_committee, org_kind::working_committee}) {
        branch.kind = k;
        CHECK_NOTHROW(check_cycle(cycle(), branch, {}));
    }
    auto gone = district();
    gone.dissolved = d(2026, 1, 5);
    CHECK(violated_rule([&] { check_cycle(cycle(), gone, {}); }) == "appraisal.cycle_organiser");
    std::vector<appraisal_cycle> existing{cycle()};
    CHECK(violated_rule([&] { check_cycle(cycle(), district(), existing); }) == "appraisal.cycle_organiser");
    auto next = cycle();
    next.year = 2026;
    next.opened_on = d(2026, 12, 1);
    CHECK_NOTHROW(check_cycle(next, district(), existing));
}

TEST_CASE(
    "区2020年组织工作要点 第7项 [L] appraisal.cycle_scope: the organiser and the levels below it "
    "(三级联述联评联考: three levels)",
    "[appraisal][rules]") {
    CHECK(in_cycle_scope(cycle(1), chain(1)));
    CHECK_FALSE(in_cycle_scope(cycle(1), chain(2)));
    CHECK(in_cycle_scope(cycle(3), chain(2)));
    CHECK(in_cycle_scope(cycle(3), chain(3)));
    CHECK_FALSE(in_cycle_scope(cycle(3), chain(4)));
    CHECK(in_cycle_scope(cycle(4), chain(4)));
    std::vector<org_id> elsewhere{org_id{9}, org_id{8}};
    CHECK_FALSE(in_cycle_scope(cycle(5), elsewhere));
    CHECK(violated_rule([&] { check_report(cycle(3), chain(4), report(4, d(2026, 1, 10)), {}); }) ==
          "appraisal.cycle_scope");
    CHECK_NOTHROW(check_report(cycle(3), chain(3), report(3, d(2026, 1, 10)), {}));
    CHECK(violated_rule([&] { check_accountability_scope(cycle(2), chain(3)); }) == "appraisal.cycle_scope");
    CHECK_NOTHROW(check_accountability_scope(cycle(3), chain(3)));
}

TEST_CASE(
    "区2020年组织工作要点 第7项 [L] appraisal.report_within_cycle: the opening and the closing day are "
    "inside, "
    "the day before and after are not; a cycle closes after its last record",
    "[appraisal][rules]") {
    auto const open = cycle();
    CHECK_NOTHROW(check_report(open, chain(2), report(2, d(2026, 1, 5)), {}));
    CHECK(violated_rule([&] { check_report(open, chain(2), report(2, d(2026, 1, 4)), {}); }) ==
          "appraisal.report_within_cycle");
    auto const closed = cycle(3, d(2026, 3, 31));
    CHECK_NOTHROW(check_report(closed, chain(2), report(2, d(2026, 3, 31)), {}));
    CHECK(violated_rule([&] { check_report(closed, chain(2), report(2, d(2026, 4, 1)), {}); }) ==
          "appraisal.report_within_cycle");
    CHECK_NOTHROW(check_close(open, d(2026, 1, 5), std::nullopt));
    CHECK_NOTHROW(check_close(open, d(2026, 2, 1), d(2026, 2, 1)));
    CHECK(violated_rule([&] { check_close(open, d(2026, 1, 31), d(2026, 2, 1)); }) ==
          "appraisal.report_within_cycle");
    CHECK(violated_rule([&] { check_close(open, d(2026, 1, 4), std::nullopt); }) ==
          "appraisal.report_within_cycle");
    CHECK(invalid_field([&] { check_close(closed, d(2026, 4, 1), std::nullopt); }) == "cycle");
}

TEST_CASE(
    "区2020年组织工作要点 第7项 [L] appraisal.one_report_per_cycle: a second report of the organisation is "
    "refused",
    "[appraisal][rules]") {
    std::vector<appraisal_report> earlier{report(2, d(2026, 1, 6))};
    CHECK(violated_rule([&] { check_report(cycle(), chain(2), report(2, d(2026, 1, 7), 2), earlier); }) ==
          "appraisal.one_report_per_cycle");
    CHECK_NOTHROW(check_report(cycle(), chain(3), report(3, d(2026, 1, 7), 2), earlier));
}

TEST_CASE(
    "区2020年组织工作要点 第7项 [L] appraisal.reporter_secretary: the secretary in office reports unless a "
    "member "
    "is named",
    "[appraisal][rules]") {
    std::vector<officer> const leaders{{member_id{5}, officer_role::deputy_secretary, ""},
                                       {member_id{4}, officer_role::secretary, ""}};
    CHECK(check_reporter(district(), d(2026, 1, 6), std::nullopt, leaders) == member_id{4});
    CHECK(check_reporter(district(), d(2026, 1, 6), member_id{5}, leaders) == member_id{5});
    CHECK(check_reporter(district(), d(2026, 1, 6), member_id{5}, {}) == member_id{5});
    std::vector<officer> const no_secretary{{member_id{5}, officer_role::deputy_secretary, ""}};
    CHECK(violated_rule([&] {
              (void)check_reporter(district(), d(2026, 1, 6), std::nullopt, no_secretary);
          }) == "appraisal.reporter_secretary");
    CHECK(violated_rule([&] { (void)check_reporter(district(), d(2026, 1, 6), std::nullopt, {}); }) ==
          "appraisal.reporter_secretary");
}

TEST_CASE(
    "区2020年组织工作要点 第7项 [L] appraisal.tally_valid: counts not negative, at least one vote; a survey "
    "is "
    "optional",
    "[appraisal][rules]") {
    auto const c = cycle();
    auto const rep = report(2, d(2026, 1, 6));
    CHECK(check_rating(c, rep, rating(d(2026, 1, 6), {0, 0, 0, 1}), false) == appraisal_grade::poor);
    CHECK(violated_rule([&] {
              (void)check_rating(c, rep, rating(d(2026, 1, 6), {0, 0, 0, 0}), false);
          }) == "appraisal.tally_valid");
    CHECK(violated_rule([&] {
              (void)check_rating(c, rep, rating(d(2026, 1, 6), {3, -1, 0, 0}), false);
          }) == "appraisal.tally_valid");
    CHECK(violated_rule([&] {
              (void)check_rating(c, rep, rating(d(2026, 1, 6), {3, 0, 0, 0}, {5, -1, 0}), false);
          }) == "appraisal.tally_valid");
    CHECK_FALSE(satisfaction_percent(rating(d(2026, 1, 6), {3, 0, 0, 0})).has_value());
    CHECK(satisfaction_percent(rating(d(2026, 1, 6), {3, 0, 0, 0}, {5, 1, 2})) == 75);
    CHECK(satisfaction_percent(rating(d(2026, 1, 6), {3, 0, 0, 0}, {1, 1, 1})) == 66);  // rounded down
}

TEST_CASE(
    "区2020年组织工作要点 第7项 [L] appraisal.rating_after_report: on the report's day or later, by the "
    "close, "
    "once",
    "[appraisal][rules]") {
    auto const rep = report(2, d(2026, 1, 6));
    CHECK_NOTHROW((void)check_rating(cycle(), rep, rating(d(2026, 1, 6), {3, 0, 0, 0}), false));
    CHECK(violated_rule([&] {
              (void)check_rating(cycle(), rep, rating(d(2026, 1, 5), {3, 0, 0, 0}), false);
          }) == "appraisal.rating_after_report");
    auto const closed = cycle(3, d(2026, 1, 31));
    CHECK_NOTHROW((void)check_rating(closed, rep, rating(d(2026, 1, 31), {3, 0, 0, 0}), false));
    CHECK(violated_rule([&] {
              (void)check_rating(closed, rep, rating(d(2026, 2, 1), {3, 0, 0, 0}), false);
          }) == "appraisal.rating_after_report");
    CHECK(violated_rule([&] {
              (void)check_rating(cycle(), rep, rating(d(2026, 1, 7), {3, 0, 0, 0}), true);
          }) == "appraisal.rating_after_report");
}

TEST_CASE(
    "区2020年组织工作要点 第7项 [L] appraisal.grade_override_reason: the grade with most votes, a tie the "
    "lower; "
    "another grade states its reason",
    "[appraisal][rules]") {
    CHECK(plurality_grade({20, 8, 2, 0}) == appraisal_grade::good);
    CHECK(plurality_grade({2, 8, 2, 0}) == appraisal_grade::fairly_good);
    CHECK(plurality_grade({5, 5, 0, 0}) == appraisal_grade::fairly_good);
    CHECK(plurality_grade({0, 0, 4, 4}) == appraisal_grade::poor);
    CHECK(plurality_grade({1, 0, 0, 0}) == appraisal_grade::good);
    CHECK(invalid_field([] { (void)plurality_grade({0, 0, 0, 0}); }) == "votes");
    auto const rep = report(2, d(2026, 1, 6));
    auto r = rating(d(2026, 1, 6), {20, 8, 2, 0});
    r.grade = appraisal_grade::good;
    CHECK(check_rating(cycle(), rep, r, false) == appraisal_grade::good);
    r.grade = appraisal_grade::average;
    CHECK(violated_rule([&] { (void)check_rating(cycle(), rep, r, false); }) ==
          "appraisal.grade_override_reason");
    r.override_reason = "存在问题频发，经研究降为一般";
    CHECK(check_rating(cycle(), rep, r, false) == appraisal_grade::average);
}

TEST_CASE(
    "区2020年组织工作要点 第7项 [L] appraisal.apply_after_rating: only an appraised report, on or after the "
    "appraisal",
    "[appraisal][rules]") {
    appraisal_application a{
        .report = appraisal_report_id{1}, .applied_on = d(2026, 2, 1), .use = "纳入年度考核"};
    CHECK_NOTHROW(check_application(a, d(2026, 2, 1)));
    CHECK(violated_rule([&] { check_application(a, d(2026, 2, 2)); }) == "appraisal.apply_after_rating");
    CHECK(violated_rule([&] { check_application(a, std::nullopt); }) == "appraisal.apply_after_rating");
    a.use.clear();
    CHECK(invalid_field([&] { check_application(a, d(2026, 1, 1)); }) == "use");
}

TEST_CASE(
    "区2020年组织工作要点 第8项 [L] appraisal.rectify_deadline: the profile's months by default, clamped to "
    "the "
    "month's end; its last day allowed, the day after refused",
    "[appraisal][rules]") {
    auto const p = rule_set::national_2014().appraisal;
    REQUIRE(p.rectify_months == 3);
    auto r = check_accountability(held(accountability_kind::rectification, d(2025, 11, 30)), p);
    CHECK(r.deadline == d(2026, 2, 28));  // 30 November + 3 months, clamped to February's end
    auto x = held(accountability_kind::rectification, d(2025, 11, 30));
    x.deadline = d(2026, 2, 28);
    CHECK_NOTHROW((void)check_accountability(x, p));
    x.deadline = d(2026, 3, 1);
    CHECK(violated_rule([&] { (void)check_accountability(x, p); }) == "appraisal.rectify_deadline");
    x.deadline = d(2025, 11, 30);
    CHECK(violated_rule([&] { (void)check_accountability(x, p); }) == "appraisal.rectify_deadline");
    x.deadline = d(2025, 12, 1);
    CHECK_NOTHROW((void)check_accountability(x, p));
    auto const one = make_profile("local-rectify", [](rule_set& rs) { rs.appraisal.rectify_months = 1; });
    CHECK(check_accountability(held(accountability_kind::rectification, d(2026, 1, 31)), one.appraisal)
              .deadline == d(2026, 2, 28));
    CHECK(violated_rule([] {
              (void)make_profile("local-lax", [](rule_set& rs) { rs.appraisal.rectify_months = 6; });
          }) == "rules.profile_cannot_weaken");
    auto talk = held(accountability_kind::admonition_talk, d(2026, 1, 10));
    CHECK_FALSE(check_accountability(talk, p).deadline.has_value());
    talk.deadline = d(2026, 2, 1);
    CHECK(invalid_field([&] { (void)check_accountability(talk, p); }) == "deadline");
    auto no_reason = held(accountability_kind::admonition_talk, d(2026, 1, 10));
    no_reason.reason.clear();
    CHECK(invalid_field([&] { (void)check_accountability(no_reason, p); }) == "reason");
}

TEST_CASE(
    "区2020年组织工作要点 第8项 [L] appraisal.treatment_decision: an organisational treatment records its "
    "decision",
    "[appraisal][rules]") {
    auto const p = rule_set::national_2014().appraisal;
    auto t = held(accountability_kind::organisational_treatment, d(2026, 1, 10));
    CHECK(violated_rule([&] { (void)check_accountability(t, p); }) == "appraisal.treatment_decision");
    t.decision = "调整党组织书记";
    CHECK_NOTHROW((void)check_accountability(t, p));
    auto talk = held(accountability_kind::admonition_talk, d(2026, 1, 10));
    talk.decision = "调整党组织书记";
    CHECK(invalid_field([&] { (void)check_accountability(talk, p); }) == "decision");
}

TEST_CASE(
    "区2020年组织工作要点 第8项 [L] appraisal.rectify_by_deadline: completed on or after the decision; open, "
    "it is "
    "due on its deadline and overdue the day after",
    "[appraisal][rules][agenda]") {
    auto const rules = rule_set::national_2014();
    auto r = check_accountability(held(accountability_kind::rectification, d(2025, 11, 30)), rules.appraisal);
    CHECK(violated_rule([&] { check_completion(r, d(2025, 11, 29)); }) == "appraisal.rectify_by_deadline");
    CHECK_NOTHROW(check_completion(r, d(2025, 11, 30)));
    CHECK_NOTHROW(check_completion(r, d(2026, 5, 1)));  // late, recorded
    CHECK(invalid_field([&] {
              check_completion(held(accountability_kind::admonition_talk, d(2026, 1, 1)), d(2026, 2, 1));
          }) == "accountability");
    auto done = r;
    done.completed_on = d(2026, 1, 1);
    CHECK(invalid_field([&] { check_completion(done, d(2026, 2, 1)); }) == "accountability");

    CHECK_FALSE(rectification_agenda(r, "第一社区党支部", d(2026, 1, 27), rules).has_value());
    auto item = rectification_agenda(r, "第一社区党支部", d(2026, 1, 28), rules);
    REQUIRE(item.has_value());
    CHECK(item->kind == "appraisal.rectification_overdue");
    CHECK(item->rule_id == "appraisal.rectify_by_deadline");
    CHECK(item->org == org_id{3});
    CHECK(item->status == agenda_status::upcoming);
    CHECK(item->due == d(2026, 2, 28));
    CHECK(rectification_agenda(r, "第一社区党支部", d(2026, 2, 28), rules)->status == agenda_status::due);
    CHECK(rectification_agenda(r, "第一社区党支部", d(2026, 3, 1), rules)->status == agenda_status::overdue);
    CHECK_FALSE(rectification_agenda(done, "第一社区党支部", d(2026, 3, 1), rules).has_value());
    CHECK(rectification_agenda(done, "第一社区党支部", d(2025, 12, 31), rules).has_value() ==
          false);  // not shown yet
}

TEST_CASE(
    "区2020年组织工作要点 第7项 [L] appraisal.report_by_deadline: the end of the profile's month of the next "
    "year or "
    "the close, whichever is earlier; upcoming, due, overdue",
    "[appraisal][rules][agenda]") {
    auto const rules = rule_set::national_2014();
    REQUIRE(rules.appraisal.report_by_month == 3);
    CHECK(appraisal_report_deadline(cycle(), rules.appraisal) == d(2026, 3, 31));
    CHECK(appraisal_report_deadline(cycle(3, d(2026, 2, 15)), rules.appraisal) == d(2026, 2, 15));
    CHECK(appraisal_report_deadline(cycle(3, d(2026, 4, 15)), rules.appraisal) == d(2026, 3, 31));
    auto const feb = make_profile("local-feb", [](rule_set& r) { r.appraisal.report_by_month = 2; });
    CHECK(appraisal_report_deadline(cycle(), feb.appraisal) == d(2026, 2, 28));
    CHECK(violated_rule([] {
              (void)make_profile("local-late", [](rule_set& r) { r.appraisal.report_by_month = 6; });
          }) == "rules.profile_cannot_weaken");
    auto off = rules.appraisal;
    off.report_by_month = 0;
    CHECK_FALSE(appraisal_report_deadline(cycle(), off).has_value());

    appraisal_cycle_facts f{cycle(), {{org_id{3}, "第一社区党支部"}}};
    CHECK(appraisal_cycle_agenda(f, d(2026, 2, 27), rules).empty());
    auto items = appraisal_cycle_agenda(f, d(2026, 2, 28), rules);
    REQUIRE(items.size() == 1);
    CHECK(items[0].kind == "appraisal.report_missing");
    CHECK(items[0].rule_id == "appraisal.report_by_deadline");
    CHECK(items[0].org == org_id{3});
    CHECK(items[0].status == agenda_status::upcoming);
    CHECK_FALSE(items[0].message_zh.empty());
    CHECK(appraisal_cycle_agenda(f, d(2026, 3, 31), rules)[0].status == agenda_status::due);
    CHECK(appraisal_cycle_agenda(f, d(2026, 4, 1), rules)[0].status == agenda_status::overdue);
    CHECK(appraisal_cycle_agenda(f, d(2027, 12, 31), rules).size() == 1);
    CHECK(appraisal_cycle_agenda(f, d(2028, 1, 1), rules).empty());
}

TEST_CASE(
    "区2020年组织工作要点 第8项 [L] appraisal.followup_poor: a rating of 差 or below the satisfaction "
    "threshold "
    "needs accountability within the profile's days",
    "[appraisal][rules][agenda]") {
    auto const rules = rule_set::national_2014();
    REQUIRE(rules.appraisal.followup_days == 30);
    REQUIRE(rules.appraisal.min_satisfaction_percent == 0);
    auto r = rating(d(2026, 1, 10), {0, 1, 2, 5}, {1, 1, 8});
    r.grade = appraisal_grade::poor;
    appraisal_followup_facts f{.cycle = cycle(), .org = org_id{3}, .org_name = "第一社区党支部", .rating = r};
    CHECK(needs_followup(r, rules.appraisal));
    CHECK_FALSE(appraisal_followup_agenda(f, d(2026, 1, 9), rules).has_value());
    auto item = appraisal_followup_agenda(f, d(2026, 1, 10), rules);
    REQUIRE(item.has_value());
    CHECK(item->kind == "appraisal.followup_due");
    CHECK(item->rule_id == "appraisal.followup_poor");
    CHECK(item->org == org_id{1});  // the organiser acts
    CHECK(item->due == d(2026, 2, 9));
    CHECK(item->status == agenda_status::upcoming);
    CHECK(appraisal_followup_agenda(f, d(2026, 2, 9), rules)->status == agenda_status::due);
    CHECK(appraisal_followup_agenda(f, d(2026, 2, 10), rules)->status == agenda_status::overdue);
    f.followed_up = true;
    CHECK_FALSE(appraisal_followup_agenda(f, d(2026, 2, 10), rules).has_value());
    // 一般 with 20% satisfied: only a profile with a threshold asks for a follow-up.
    f.followed_up = false;
    f.rating.grade = appraisal_grade::average;
    CHECK_FALSE(needs_followup(f.rating, rules.appraisal));
    CHECK_FALSE(appraisal_followup_agenda(f, d(2026, 1, 20), rules).has_value());
    auto const strict = make_profile("local-satisfaction", [](rule_set& rs) {
        rs.appraisal.min_satisfaction_percent = 60;
        rs.appraisal.followup_days = 15;
    });
    item = appraisal_followup_agenda(f, d(2026, 1, 26), strict);
    REQUIRE(item.has_value());
    CHECK(item->due == d(2026, 1, 25));
    CHECK(item->status == agenda_status::overdue);
    f.rating.satisfied = 5;  // 6 of 14: 42%
    CHECK(needs_followup(f.rating, strict.appraisal));
    f.rating.satisfied = 11;  // 12 of 20: 60%, not below
    CHECK_FALSE(needs_followup(f.rating, strict.appraisal));
    auto off = rules;
    off.appraisal.followup_days = 0;
    f.rating.grade = appraisal_grade::poor;
    CHECK_FALSE(appraisal_followup_agenda(f, d(2026, 3, 1), off).has_value());
    CHECK(violated_rule([] {
              (void)make_profile("local-slow", [](rule_set& rs) { rs.appraisal.followup_days = 60; });
          }) == "rules.profile_cannot_weaken");
}

TEST_CASE("appraisal grade and accountability kind: code, Chinese name", "[appraisal][rules]") {
    CHECK(to_string(appraisal_grade::fairly_good) == "fairly_good");
    CHECK(chinese_name(appraisal_grade::poor) == "差");
    CHECK(parse_enum_or_throw<appraisal_grade>("较好") == appraisal_grade::fairly_good);
    CHECK(parse_enum_or_throw<accountability_kind>("限期整改") == accountability_kind::rectification);
    CHECK(parse_enum_or_throw<accountability_kind>("organisational_treatment") ==
          accountability_kind::organisational_treatment);
    CHECK(invalid_field([] { (void)parse_enum_or_throw<appraisal_grade>("优秀"); }) == "grade");
}

}  // namespace appraisal_rules_test_cases
