// Boundary cases written from the wording of the 村民委员会组织法 (2018):
// "村民代表会议有三分之二以上的组成人员 参加方可召开，所作决定应当经到会人员的过半数同意" (第二十六条),
// "召开村民会议，应当有本村十八周岁以上村民的
// 过半数，或者本村三分之二以上的户的代表参加，村民会议所作决定应当经到会人员的过半数通过" (第二十二条); and
// of the 四议两公开 order of the 农村基层组织工作条例 (2019). "以上" includes the number; "过半数" is strict.
#include <catch2/catch.hpp>

#include <vector>

#include "dangyuan/decision/decision_agenda.hpp"
#include "dangyuan/decision/decision_case.hpp"
#include "dangyuan/rules/profile.hpp"
#include "test_support.hpp"

namespace decision_case_test_cases {

using namespace dangyuan;
using test::d;
using test::invalid_field;
using test::violated_rule;

decision_case opened(date::sys_days on = d(2024, 3, 1)) {
    decision_case c{.id = decision_id{1}, .org = org_id{7}, .org_name = "东村党支部"};
    record(c, proposed{.date = on, .subject = "村道硬化工程"}, rule_set::national_2014());
    return c;
}

members_meeting_reviewed review(date::sys_days on, int entitled = 20, int present = 15, int yes = 14) {
    return {.date = on, .vote = {.entitled = entitled, .present = present, .yes = yes}};
}

villagers_resolved representatives(date::sys_days on, int members, int present, int in_favour) {
    return {.date = on,
            .body = resolving_body::representatives_meeting,
            .members = members,
            .present = present,
            .in_favour = in_favour};
}

// A case carried up to its resolution on 2024-03-20.
decision_case resolved_case(std::optional<date::sys_days> due = {}) {
    auto const rules = rule_set::national_2014();
    auto c = opened();
    record(c, two_committees_consulted{.date = d(2024, 3, 5)}, rules);
    record(c, review(d(2024, 3, 10)), rules);
    auto r = representatives(d(2024, 3, 20), 30, 25, 20);
    r.implementation_due = due;
    record(c, r, rules);
    return c;
}

TEST_CASE(
    "农村基层组织工作条例(2019) [S] decision.steps_in_order: 四议 then 两公开, none skipped or repeated",
    "[decision][rules]") {
    auto const rules = rule_set::national_2014();
    decision_case empty{.id = decision_id{1}, .org = org_id{7}};
    // The first record is the proposal.
    CHECK(violated_rule([&] {
              check_record(empty, two_committees_consulted{.date = d(2024, 3, 1)}, rules);
          }) == "decision.steps_in_order");
    CHECK(invalid_field([&] { check_record(empty, proposed{.date = d(2024, 3, 1)}, rules); }) == "subject");
    auto c = opened();
    CHECK(stage_of(c) == decision_stage::proposed);
    // The members' meeting cannot come before the two committees consulted; a second proposal is refused.
    CHECK(violated_rule([&] { check_record(c, review(d(2024, 3, 2)), rules); }) == "decision.steps_in_order");
    CHECK(violated_rule([&] { check_record(c, proposed{.date = d(2024, 3, 2), .subject = "x"}, rules); }) ==
          "decision.steps_in_order");
    // Dates never go back.
    CHECK(invalid_field([&] { check_record(c, two_committees_consulted{.date = d(2024, 2, 29)}, rules); }) ==
          "date");
    record(c, two_committees_consulted{.date = d(2024, 3, 1)}, rules);  // the same day is fine
    CHECK(stage_of(c) == decision_stage::consulted);
    // A resolution before the members' meeting skips a step.
    CHECK(violated_rule([&] { check_record(c, representatives(d(2024, 3, 9), 30, 25, 20), rules); }) ==
          "decision.steps_in_order");
    record(c, review(d(2024, 3, 10)), rules);
    CHECK(stage_of(c) == decision_stage::reviewed);
    record(c, representatives(d(2024, 3, 20), 30, 25, 20), rules);
    CHECK(stage_of(c) == decision_stage::resolved);
    // The result is not published before the resolution.
    CHECK(violated_rule([&] {
              check_record(c, result_published{.date = d(2024, 3, 21), .implemented_on = d(2024, 3, 21)},
                           rules);
          }) == "decision.steps_in_order");
    record(c, resolution_published{.date = d(2024, 3, 21), .channel = publication_channel::notice_board},
           rules);
    record(c, result_published{.date = d(2024, 5, 1), .implemented_on = d(2024, 4, 30)}, rules);
    CHECK(stage_of(c) == decision_stage::result_published);
    CHECK(is_closed(*stage_of(c)));
    // Nothing after a closed case; a refused record leaves the case unchanged.
    auto const before = c;
    CHECK_THROWS_AS(record(c, resolution_published{.date = d(2024, 5, 2)}, rules), rule_violation);
    CHECK(c == before);
    // A case without an organisation is refused.
    decision_case orphan;
    CHECK(invalid_field([&] {
              check_record(orphan, proposed{.date = d(2024, 3, 1), .subject = "x"}, rules);
          }) == "org");
}

TEST_CASE(
    "村民委员会组织法(2018) 第二十六条 [C] decision.representatives_quorum_2_3: exactly two thirds, one "
    "short",
    "[decision][rules]") {
    // 30 members: two thirds are 20.
    CHECK(representatives_quorate(30, 20));
    CHECK_FALSE(representatives_quorate(30, 19));
    // 31 members: two thirds are 20.67, so 21 are needed.
    CHECK(representatives_quorate(31, 21));
    CHECK_FALSE(representatives_quorate(31, 20));
    auto const rules = rule_set::national_2014();
    auto c = opened();
    record(c, two_committees_consulted{.date = d(2024, 3, 5)}, rules);
    record(c, review(d(2024, 3, 10)), rules);
    CHECK(violated_rule([&] { check_record(c, representatives(d(2024, 3, 20), 30, 19, 19), rules); }) ==
          "decision.representatives_quorum_2_3");
    CHECK_NOTHROW(check_record(c, representatives(d(2024, 3, 20), 30, 20, 11), rules));
    // Impossible counts name the count.
    CHECK(invalid_field([&] { check_record(c, representatives(d(2024, 3, 20), 30, 31, 20), rules); }) ==
          "present");
    CHECK(invalid_field([&] { check_record(c, representatives(d(2024, 3, 20), 30, 20, 21), rules); }) ==
          "in_favour");
    CHECK(invalid_field([&] { check_record(c, representatives(d(2024, 3, 20), 0, 0, 0), rules); }) ==
          "members");
    CHECK(invalid_field([&] { check_record(c, representatives(d(2024, 3, 20), 30, -1, 0), rules); }) ==
          "present");
    auto with_households = representatives(d(2024, 3, 20), 30, 25, 20);
    with_households.households = 100;
    CHECK(invalid_field([&] { check_record(c, with_households, rules); }) == "households");
}

TEST_CASE(
    "村民委员会组织法(2018) 第二十二条 [C] decision.villagers_meeting_quorum: over half the adults or two "
    "thirds "
    "of households",
    "[decision][rules]") {
    // 200 adults: 100 present is half, not more than half; 101 is.
    CHECK_FALSE(villagers_quorate(200, 100, 0, 0));
    CHECK(villagers_quorate(200, 101, 0, 0));
    // 90 households: two thirds are 60, so 60 households suffice and 59 do not, whatever the persons.
    CHECK(villagers_quorate(200, 60, 90, 60));
    CHECK_FALSE(villagers_quorate(200, 59, 90, 59));
    auto const rules = rule_set::national_2014();
    auto c = opened();
    record(c, two_committees_consulted{.date = d(2024, 3, 5)}, rules);
    record(c, review(d(2024, 3, 10)), rules);
    villagers_resolved v{.date = d(2024, 3, 20),
                         .body = resolving_body::villagers_meeting,
                         .members = 200,
                         .households = 90,
                         .present = 100,
                         .households_present = 59,
                         .in_favour = 80};
    CHECK(violated_rule([&] { check_record(c, v, rules); }) == "decision.villagers_meeting_quorum");
    v.households_present = 60;
    CHECK_NOTHROW(check_record(c, v, rules));
    v.households_present = 0;
    v.present = 101;
    CHECK_NOTHROW(check_record(c, v, rules));
    v.households_present = 91;
    CHECK(invalid_field([&] { check_record(c, v, rules); }) == "households_present");
}

TEST_CASE(
    "村民委员会组织法(2018) 第二十二条, 第二十六条 [C] decision.adopted_over_half_present: exactly half "
    "rejects, "
    "one more adopts",
    "[decision][rules]") {
    CHECK_FALSE(resolution_adopted(24, 12));
    CHECK(resolution_adopted(24, 13));
    CHECK_FALSE(resolution_adopted(25, 12));
    CHECK(resolution_adopted(25, 13));
    auto const rules = rule_set::national_2014();
    auto base = opened();
    record(base, two_committees_consulted{.date = d(2024, 3, 5)}, rules);
    record(base, review(d(2024, 3, 10)), rules);
    SECTION("exactly half of those present: rejected, the case ends") {
        auto c = base;
        record(c, representatives(d(2024, 3, 20), 30, 24, 12), rules);
        CHECK(stage_of(c) == decision_stage::rejected);
        CHECK_FALSE(decision_state_of(c).resolved_on);
        CHECK(violated_rule([&] { check_record(c, resolution_published{.date = d(2024, 3, 21)}, rules); }) ==
              "decision.steps_in_order");
    }
    SECTION("one more than half: adopted") {
        auto c = base;
        record(c, representatives(d(2024, 3, 20), 30, 24, 13), rules);
        CHECK(stage_of(c) == decision_stage::resolved);
        CHECK(decision_state_of(c).resolved_on == d(2024, 3, 20));
    }
}

TEST_CASE(
    "农村基层组织工作条例(2019) [S] decision.members_meeting_quorum: more than half of the voting members "
    "present",
    "[decision][rules]") {
    auto const rules = rule_set::national_2014();
    auto c = opened();
    record(c, two_committees_consulted{.date = d(2024, 3, 5)}, rules);
    // 20 entitled: 10 present is half, refused; 11 is more than half.
    CHECK(violated_rule([&] { check_record(c, review(d(2024, 3, 10), 20, 10, 10), rules); }) ==
          "decision.members_meeting_quorum");
    CHECK_NOTHROW(check_record(c, review(d(2024, 3, 10), 20, 11, 11), rules));
    CHECK(invalid_field([&] { check_record(c, review(d(2024, 3, 10), 20, 21, 11), rules); }) == "present");
}

TEST_CASE(
    "农村基层组织工作条例(2019) [S] decision.members_meeting_majority: more than half of all voting members "
    "in favour",
    "[decision][rules]") {
    auto const rules = rule_set::national_2014();
    auto base = opened();
    record(base, two_committees_consulted{.date = d(2024, 3, 5)}, rules);
    // 20 entitled, 18 present: 10 yes is half of the entitled — not approved; 11 is.
    auto c = base;
    record(c, review(d(2024, 3, 10), 20, 18, 10), rules);
    CHECK(stage_of(c) == decision_stage::rejected);
    auto e = base;
    record(e, review(d(2024, 3, 10), 20, 18, 11), rules);
    CHECK(stage_of(e) == decision_stage::reviewed);
}

TEST_CASE("地方规定 [L] decision.resolution_public_within_days: the day before, on and after the deadline",
          "[decision][rules]") {
    auto rules = rule_set::national_2014();
    REQUIRE(rules.decision.resolution_public_within_days == 7);
    auto const c = resolved_case();  // resolved 2024-03-20: due public by 2024-03-27
    CHECK(resolution_public_deadline(decision_state_of(c), rules) == d(2024, 3, 27));
    CHECK_NOTHROW(check_record(c, resolution_published{.date = d(2024, 3, 26)}, rules));
    CHECK_NOTHROW(check_record(c, resolution_published{.date = d(2024, 3, 27)}, rules));
    CHECK(violated_rule([&] { check_record(c, resolution_published{.date = d(2024, 3, 28)}, rules); }) ==
          "decision.resolution_public_within_days");
    // Late with a stated reason is recorded.
    CHECK_NOTHROW(
        check_record(c, resolution_published{.date = d(2024, 3, 28), .late_reason = "公开栏维修"}, rules));
    // A profile may shorten the deadline, not lengthen it or switch it off.
    auto tighter = rules;
    tighter.name = "county";
    tighter.decision.resolution_public_within_days = 3;
    CHECK_NOTHROW(check_tightens(rules, tighter));
    CHECK(violated_rule([&] { check_record(c, resolution_published{.date = d(2024, 3, 24)}, tighter); }) ==
          "decision.resolution_public_within_days");
    CHECK_NOTHROW(check_record(c, resolution_published{.date = d(2024, 3, 23)}, tighter));
    auto looser = rules;
    looser.name = "loose";
    looser.decision.resolution_public_within_days = 10;
    CHECK(violated_rule([&] { check_tightens(rules, looser); }) == "rules.profile_cannot_weaken");
    looser.decision.resolution_public_within_days = 0;
    CHECK(violated_rule([&] { check_tightens(rules, looser); }) == "rules.profile_cannot_weaken");
    // The text form of a profile carries the deadlines.
    auto const text = to_text(tighter);
    CHECK(text.find("decision.resolution_public_within_days=3\n") != std::string::npos);
    CHECK(text.find("decision.result_public_within_days=30\n") != std::string::npos);
    CHECK(rule_set_from_text(text) == tighter);
}

TEST_CASE("地方规定 [L] decision.result_public_within_days: counted from the end of the implementation",
          "[decision][rules]") {
    auto const rules = rule_set::national_2014();
    REQUIRE(rules.decision.result_public_within_days == 30);
    auto c = resolved_case();
    record(c, resolution_published{.date = d(2024, 3, 21), .channel = publication_channel::broadcast}, rules);
    // Implementation ended 2024-04-30: due public by 2024-05-30.
    auto on = [](date::sys_days pub) {
        return result_published{.date = pub, .implemented_on = d(2024, 4, 30)};
    };
    CHECK_NOTHROW(check_record(c, on(d(2024, 5, 29)), rules));
    CHECK_NOTHROW(check_record(c, on(d(2024, 5, 30)), rules));
    CHECK(violated_rule([&] { check_record(c, on(d(2024, 5, 31)), rules); }) ==
          "decision.result_public_within_days");
    auto late = on(d(2024, 5, 31));
    late.late_reason = "验收推迟";
    CHECK_NOTHROW(check_record(c, late, rules));
    // The implementation date is required when the resolution set none, and lies between the resolution
    // and the publication.
    CHECK(invalid_field([&] { check_record(c, result_published{.date = d(2024, 5, 1)}, rules); }) ==
          "implemented_on");
    CHECK(invalid_field([&] {
              check_record(c, result_published{.date = d(2024, 5, 1), .implemented_on = d(2024, 5, 2)},
                           rules);
          }) == "implemented_on");
    CHECK(invalid_field([&] {
              check_record(c, result_published{.date = d(2024, 5, 1), .implemented_on = d(2024, 3, 19)},
                           rules);
          }) == "implemented_on");
    // With the resolution's implementation date (2024-06-30) the deadline is 2024-07-30.
    auto due = resolved_case(d(2024, 6, 30));
    record(due, resolution_published{.date = d(2024, 3, 21)}, rules);
    CHECK(result_public_deadline(decision_state_of(due), rules) == d(2024, 7, 30));
    CHECK_NOTHROW(check_record(due, result_published{.date = d(2024, 7, 30)}, rules));
    CHECK(violated_rule([&] { check_record(due, result_published{.date = d(2024, 7, 31)}, rules); }) ==
          "decision.result_public_within_days");
}

TEST_CASE(
    "地方规定 [L] decision.result_public_within_days: no deadline, no finding; the agenda counts the records "
    "up to its date",
    "[decision][rules][agenda]") {
    auto rules = rule_set::national_2014();
    auto c = resolved_case(d(2024, 6, 30));
    CHECK(decision_agenda(c, d(2024, 3, 19), rules).empty());  // before the resolution
    REQUIRE(decision_agenda(c, d(2024, 3, 20), rules).size() == 1);
    rules.decision.resolution_public_within_days = 0;
    rules.decision.result_public_within_days = 0;
    CHECK_FALSE(resolution_public_deadline(decision_state_of(c), rules));
    CHECK(decision_agenda(c, d(2024, 12, 31), rules).empty());
    CHECK_NOTHROW(check_record(c, resolution_published{.date = d(2024, 12, 31)}, rules));
    record(c, resolution_published{.date = d(2024, 12, 31)}, rules);
    CHECK_FALSE(result_public_deadline(decision_state_of(c), rules));
    CHECK(decision_agenda(c, d(2025, 12, 31), rules).empty());
}

TEST_CASE("decision records: kinds, dates and the transition table agree", "[decision]") {
    CHECK(decision_record_kinds.size() == decision_transitions.size());
    for (std::size_t i = 0; i < decision_transitions.size(); ++i)
        CHECK(decision_transitions[i].kind == i);
    decision_record const r = villagers_resolved{.date = d(2024, 3, 20)};
    CHECK(kind_name(r) == "villagers_resolved");
    CHECK(record_date(r) == d(2024, 3, 20));
    CHECK(decision_record_index<result_published> == 5);
    CHECK(parse_enum<publication_channel>("微信群") == publication_channel::wechat_group);
    CHECK(parse_enum<resolving_body>("村民代表会议") == resolving_body::representatives_meeting);
}

}  // namespace decision_case_test_cases
