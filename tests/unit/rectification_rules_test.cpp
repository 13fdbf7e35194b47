// Boundary cases written from the wording of the local rules of rectification (软弱涣散党组织, 后进社区整顿;
// all [L], 区2020年组织工作要点 第12项): "removed within N months" (the day N months later, month end
// clamped, is the last day; the day after is overdue), "contacts within N days" (the N-th day after the
// designation is the last), "an organisation that exists on the date" (the day of its dissolution does
// not count), "one open designation" (the day of the removal is free again).
#include <catch2/catch.hpp>

#include <vector>

#include "dangyuan/rectification/rectification.hpp"
#include "dangyuan/rectification/rectification_agenda.hpp"
#include "dangyuan/rules/profile.hpp"
#include "test_support.hpp"

namespace rectification_rules_test_cases {

using namespace dangyuan;
using test::d;
using test::invalid_field;
using test::violated_rule;

namespace {

org_id const designated{3}, advanced{4};

org_unit org_of(org_id id, std::string name, org_kind kind = org_kind::branch) {
    org_unit o;
    o.id = id;
    o.name = std::move(name);
    o.kind = kind;
    o.established = d(2001, 3, 1);
    o.village_or_community = true;
    return o;
}

rectification designation(date::sys_days on) {
    rectification r;
    r.id = rectification_id{1};
    r.org = designated;
    r.org_name = "第一社区党支部";
    r.designated_on = on;
    r.reasons = {rectification_reason::org_life_irregular};
    return r;
}

rectification_designation asked(date::sys_days on, std::vector<rectification_reason> reasons = {
                                                       rectification_reason::secretary_unfit}) {
    return {.org = designated, .date = on, .reasons = std::move(reasons)};
}

rule_set with(int max_months, int contacts_days) {
    auto r = rule_set::national_2014();
    r.rectification.max_months = max_months;
    r.rectification.contacts_days = contacts_days;
    return r;
}

std::vector<agenda_item> of_kind(std::vector<agenda_item> const& items, std::string_view kind) {
    std::vector<agenda_item> out;
    for (auto const& i : items)
        if (i.kind == kind) out.push_back(i);
    return out;
}

void all_contacts(rectification& r, date::sys_days from) {
    r.contacts = {{rectification_contact_kind::district_leader, "王区长", std::nullopt, from},
                  {rectification_contact_kind::district_department, "区民政局", std::nullopt, from},
                  {rectification_contact_kind::first_secretary, "刘书记", std::nullopt, from},
                  {rectification_contact_kind::paired_community, "第二社区党支部", advanced, from}};
}

}  // namespace

TEST_CASE(
    "区2020年组织工作要点 第12项 [L] rectification.org_exists: the organisation exists on the date and "
    "is a branch, general branch or grassroots committee",
    "[rectification][rules]") {
    auto o = org_of(designated, "第一社区党支部");
    o.dissolved = d(2025, 6, 1);
    CHECK_NOTHROW(check_rectification_designation(asked(d(2025, 5, 31)), o, {}));
    CHECK(violated_rule([&] { check_rectification_designation(asked(d(2025, 6, 1)), o, {}); }) ==
          "rectification.org_exists");
    CHECK(violated_rule([&] { check_rectification_designation(asked(d(2001, 2, 28)), o, {}); }) ==
          "rectification.org_exists");
    CHECK_NOTHROW(check_rectification_designation(asked(d(2001, 3, 1)), o, {}));
    auto const group = org_of(designated, "第一党小组", org_kind::party_group);
    CHECK(violated_rule([&] { check_rectification_designation(asked(d(2025, 1, 1)), group, {}); }) ==
          "rectification.org_exists");
    auto const district = org_of(designated, "区委", org_kind::higher_committee);
    CHECK(violated_rule([&] { check_rectification_designation(asked(d(2025, 1, 1)), district, {}); }) ==
          "rectification.org_exists");
    CHECK_NOTHROW(check_rectification_designation(
        asked(d(2025, 1, 1)), org_of(designated, "党总支", org_kind::general_branch), {}));
    CHECK_NOTHROW(check_rectification_designation(
        asked(d(2025, 1, 1)), org_of(designated, "街道党工委", org_kind::working_committee), {}));
}

TEST_CASE("rectification: the reasons come from the code table; 其他 needs its text",
          "[rectification][rules]") {
    auto const o = org_of(designated, "第一社区党支部");
    CHECK(invalid_field([&] { check_rectification_designation(asked(d(2025, 1, 1), {}), o, {}); }) ==
          "reasons");
    CHECK(invalid_field([&] {
              check_rectification_designation(asked(d(2025, 1, 1), {rectification_reason::secretary_unfit,
                                                                    rectification_reason::secretary_unfit}),
                                              o, {});
          }) == "reasons");
    auto other = asked(d(2025, 1, 1), {rectification_reason::other});
    CHECK(invalid_field([&] { check_rectification_designation(other, o, {}); }) == "other_reason");
    other.other_reason = "换届选举未按期进行";
    CHECK_NOTHROW(check_rectification_designation(other, o, {}));
    auto stray = asked(d(2025, 1, 1));
    stray.other_reason = "无关";
    CHECK(invalid_field([&] { check_rectification_designation(stray, o, {}); }) == "other_reason");
    // Codes and Chinese names both parse.
    CHECK(parse_enum_or_throw<rectification_reason>("书记不胜任") == rectification_reason::secretary_unfit);
    CHECK(parse_enum_or_throw<rectification_reason>("public_complaints") ==
          rectification_reason::public_complaints);
    CHECK(parse_enum_or_throw<rectification_kind>("后进社区") == rectification_kind::lagging_community);
    CHECK(invalid_field([] { (void)parse_enum_or_throw<rectification_reason>("不存在"); }) == "reason");
}

TEST_CASE(
    "区2020年组织工作要点 第12项 [L] rectification.one_open_designation: a new designation follows the "
    "removal of the last, from the day of the removal",
    "[rectification][rules]") {
    auto const o = org_of(designated, "第一社区党支部");
    std::vector<rectification> earlier{designation(d(2024, 3, 1))};
    CHECK(violated_rule([&] { check_rectification_designation(asked(d(2025, 3, 1)), o, earlier); }) ==
          "rectification.one_open_designation");
    earlier.front().removed_on = d(2025, 2, 1);
    CHECK(violated_rule([&] { check_rectification_designation(asked(d(2025, 1, 31)), o, earlier); }) ==
          "rectification.one_open_designation");
    CHECK_NOTHROW(check_rectification_designation(asked(d(2025, 2, 1)), o, earlier));
}

TEST_CASE(
    "区2020年组织工作要点 第12项 [L] rectification.paired_community_eligible: the paired community exists, "
    "is another organisation and is not itself on the list",
    "[rectification][rules]") {
    auto const r = designation(d(2025, 1, 10));
    auto paired = org_of(advanced, "第二社区党支部");
    rectification_contact c{rectification_contact_kind::paired_community, "", advanced, d(2025, 1, 15)};
    CHECK_NOTHROW(check_rectification_contact(r, c, &paired, false));
    CHECK(violated_rule([&] { check_rectification_contact(r, c, &paired, true); }) ==
          "rectification.paired_community_eligible");
    auto self = org_of(designated, "第一社区党支部");
    auto to_self = c;
    to_self.org = designated;
    CHECK(violated_rule([&] { check_rectification_contact(r, to_self, &self, false); }) ==
          "rectification.paired_community_eligible");
    paired.dissolved = d(2025, 1, 15);
    CHECK(violated_rule([&] { check_rectification_contact(r, c, &paired, false); }) ==
          "rectification.paired_community_eligible");
    // The form of a contact.
    auto no_org = c;
    no_org.org.reset();
    CHECK(invalid_field([&] { check_rectification_contact(r, no_org, nullptr, false); }) == "org");
    rectification_contact leader{rectification_contact_kind::district_leader, "", std::nullopt,
                                 d(2025, 1, 15)};
    CHECK(invalid_field([&] { check_rectification_contact(r, leader, nullptr, false); }) == "name");
    leader.name = "王区长";
    CHECK_NOTHROW(check_rectification_contact(r, leader, nullptr, false));
    leader.org = advanced;
    CHECK(invalid_field([&] { check_rectification_contact(r, leader, &paired, false); }) == "org");
    leader.org.reset();
    leader.start = d(2025, 1, 9);
    CHECK(invalid_field([&] { check_rectification_contact(r, leader, nullptr, false); }) == "start");
    leader.start = d(2025, 1, 10);
    leader.end = d(2025, 1, 9);
    CHECK(invalid_field([&] { check_rectification_contact(r, leader, nullptr, false); }) == "end");
    leader.end = d(2025, 1, 10);
    CHECK_NOTHROW(check_rectification_contact(r, leader, nullptr, false));
}

TEST_CASE(
    "区2020年组织工作要点 第12项 [L] rectification.contacts_assigned: the four kinds within N days; the "
    "N-th day is due, the next overdue",
    "[rectification][rules]") {
    auto r = designation(d(2025, 1, 10));
    auto const rules = with(12, 30);
    auto items = of_kind(rectification_agenda(r, d(2025, 1, 10), rules), "rectification.contacts_missing");
    REQUIRE(items.size() == 1);
    CHECK(items[0].due == d(2025, 2, 9));
    CHECK(items[0].status == agenda_status::upcoming);
    CHECK(items[0].org == designated);
    CHECK(items[0].rule_id == "rectification.contacts_assigned");
    CHECK(
        of_kind(rectification_agenda(r, d(2025, 2, 9), rules), "rectification.contacts_missing")[0].status ==
        agenda_status::due);
    CHECK(
        of_kind(rectification_agenda(r, d(2025, 2, 10), rules), "rectification.contacts_missing")[0].status ==
        agenda_status::overdue);
    // Three kinds are not enough; the missing one is named.
    all_contacts(r, d(2025, 1, 20));
    r.contacts.pop_back();
    items = of_kind(rectification_agenda(r, d(2025, 2, 10), rules), "rectification.contacts_missing");
    REQUIRE(items.size() == 1);
    CHECK(items[0].message.find("paired_community") != std::string::npos);
    CHECK(items[0].message_zh.find("先进社区结对联系") != std::string::npos);
    CHECK(items[0].message.find("district_leader") == std::string::npos);
    // All four: no item; a contact assigned after the agenda's date is not yet seen; one ended is missing.
    all_contacts(r, d(2025, 1, 20));
    CHECK(of_kind(rectification_agenda(r, d(2025, 2, 10), rules), "rectification.contacts_missing").empty());
    CHECK(of_kind(rectification_agenda(r, d(2025, 1, 19), rules), "rectification.contacts_missing").size() ==
          1);
    r.contacts[2].end = d(2025, 3, 1);
    CHECK(of_kind(rectification_agenda(r, d(2025, 3, 1), rules), "rectification.contacts_missing").empty());
    CHECK(of_kind(rectification_agenda(r, d(2025, 3, 2), rules), "rectification.contacts_missing").size() ==
          1);
    // 0 days: no deadline.
    CHECK(of_kind(rectification_agenda(designation(d(2025, 1, 10)), d(2026, 1, 1), with(0, 0)),
                  "rectification.contacts_missing")
              .empty());
}

TEST_CASE(
    "区2020年组织工作要点 第12项 [L] rectification.milestone_after_designation: a milestone is due after "
    "the day of the designation",
    "[rectification][rules]") {
    auto r = designation(d(2025, 1, 10));
    rectification_milestone m{.text = "配齐班子", .due = d(2025, 1, 10)};
    CHECK(violated_rule([&] { check_rectification_milestone(r, m); }) ==
          "rectification.milestone_after_designation");
    m.due = d(2025, 1, 11);
    CHECK_NOTHROW(check_rectification_milestone(r, m));
    m.text.clear();
    CHECK(invalid_field([&] { check_rectification_milestone(r, m); }) == "text");
    m.text = "配齐班子";
    m.completed_on = d(2025, 1, 12);
    CHECK(invalid_field([&] { check_rectification_milestone(r, m); }) == "completed_on");
    // Completion: a known number, once, not before the designation.
    r.milestones = {{.number = 1, .text = "配齐班子", .due = d(2025, 3, 1)}};
    CHECK(invalid_field([&] { check_milestone_completion(r, 2, d(2025, 2, 1)); }) == "milestone");
    CHECK(invalid_field([&] { check_milestone_completion(r, 1, d(2025, 1, 9)); }) == "date");
    CHECK_NOTHROW(check_milestone_completion(r, 1, d(2025, 1, 10)));
    r.milestones[0].completed_on = d(2025, 2, 1);
    CHECK(invalid_field([&] { check_milestone_completion(r, 1, d(2025, 2, 2)); }) == "milestone");
}

TEST_CASE(
    "区2020年组织工作要点 第12项 [L] rectification.milestone_on_time: an open milestone is due on its day "
    "and overdue after it",
    "[rectification][rules]") {
    auto r = designation(d(2025, 1, 10));
    all_contacts(r, d(2025, 1, 10));
    r.milestones = {{.number = 1, .text = "配齐班子", .due = d(2025, 3, 31)},
                    {.number = 2, .text = "建立制度", .due = d(2025, 6, 30), .completed_on = d(2025, 6, 1)}};
    auto const rules = with(12, 30);
    CHECK(of_kind(rectification_agenda(r, d(2025, 3, 30), rules), "rectification.milestone_due").empty());
    auto items = of_kind(rectification_agenda(r, d(2025, 3, 31), rules), "rectification.milestone_due");
    REQUIRE(items.size() == 1);
    CHECK(items[0].status == agenda_status::due);
    CHECK(items[0].rule_id == "rectification.milestone_on_time");
    CHECK(items[0].message_zh.find("配齐班子") != std::string::npos);
    CHECK(of_kind(rectification_agenda(r, d(2025, 4, 1), rules), "rectification.milestone_due")[0].status ==
          agenda_status::overdue);
    // Completed after the agenda's date: still open then; completed by then: no item.
    r.milestones[0].completed_on = d(2025, 4, 15);
    CHECK(of_kind(rectification_agenda(r, d(2025, 4, 14), rules), "rectification.milestone_due").size() == 1);
    CHECK(of_kind(rectification_agenda(r, d(2025, 4, 15), rules), "rectification.milestone_due").empty());
    // The second milestone, completed before its due day, never shows.
    CHECK(of_kind(rectification_agenda(r, d(2025, 7, 1), rules), "rectification.milestone_due").empty());
}

TEST_CASE(
    "区2020年组织工作要点 第12项 [L] rectification.removal_after_acceptance: removal needs the latest "
    "review passed and every milestone completed",
    "[rectification][rules]") {
    auto r = designation(d(2025, 1, 10));
    r.milestones = {{.number = 1, .text = "配齐班子", .due = d(2025, 3, 31), .completed_on = d(2025, 3, 20)},
                    {.number = 2, .text = "建立制度", .due = d(2025, 6, 30)}};
    CHECK(violated_rule([&] { check_rectification_removal(r, d(2025, 12, 1)); }) ==
          "rectification.removal_after_acceptance");
    r.reviews = {{d(2025, 11, 1), acceptance_result::failed, "群众满意率不足"}};
    CHECK(violated_rule([&] { check_rectification_removal(r, d(2025, 12, 1)); }) ==
          "rectification.removal_after_acceptance");
    r.reviews.push_back({d(2025, 12, 1), acceptance_result::passed, ""});
    // Passed, but milestone 2 is open.
    CHECK(violated_rule([&] { check_rectification_removal(r, d(2025, 12, 1)); }) ==
          "rectification.removal_after_acceptance");
    r.milestones[1].completed_on = d(2025, 12, 2);
    CHECK(violated_rule([&] { check_rectification_removal(r, d(2025, 12, 1)); }) ==
          "rectification.removal_after_acceptance");
    CHECK_NOTHROW(check_rectification_removal(r, d(2025, 12, 2)));
    // A review after the removal date does not count.
    CHECK(violated_rule([&] { check_rectification_removal(r, d(2025, 11, 30)); }) ==
          "rectification.removal_after_acceptance");
    // A review not before the last one.
    CHECK(invalid_field([&] {
              check_rectification_review(r, {d(2025, 11, 30), acceptance_result::passed, ""});
          }) == "date");
    // Once removed, nothing more is recorded.
    r.removed_on = d(2025, 12, 2);
    CHECK(invalid_field([&] { check_rectification_removal(r, d(2025, 12, 3)); }) == "rectification");
    CHECK(invalid_field([&] {
              check_rectification_commitment(r, {d(2025, 12, 3), "承诺"});
          }) == "rectification");
}

TEST_CASE("rectification: commitments and evaluations are dated from the designation and carry their content",
          "[rectification][rules]") {
    auto const r = designation(d(2025, 1, 10));
    CHECK(invalid_field([&] { check_rectification_commitment(r, {d(2025, 1, 9), "承诺"}); }) == "date");
    CHECK(invalid_field([&] { check_rectification_commitment(r, {d(2025, 1, 10), ""}); }) == "text");
    CHECK_NOTHROW(check_rectification_commitment(r, {d(2025, 1, 10), "三个月内配齐班子"}));
    rectification_evaluation e{.date = d(2025, 6, 1), .evaluator = rectification_evaluator::masses};
    CHECK(invalid_field([&] { check_rectification_evaluation(r, e); }) == "tallies");
    e.dissatisfied = -1;
    CHECK(invalid_field([&] { check_rectification_evaluation(r, e); }) == "dissatisfied");
    e.dissatisfied = 2;
    e.satisfied = 40;
    e.basically_satisfied = 8;
    CHECK_NOTHROW(check_rectification_evaluation(r, e));
    CHECK(e.total() == 50);
}

TEST_CASE(
    "区2020年组织工作要点 第12项 [L] rectification.within_max_months: removed within N months; the day N "
    "months later is due, the next overdue; month end clamped",
    "[rectification][rules]") {
    auto r = designation(d(2025, 1, 31));
    all_contacts(r, d(2025, 1, 31));
    auto const rules = rule_set::national_2014();
    REQUIRE(rules.rectification.max_months == 12);
    REQUIRE(rules.rectification.contacts_days == 30);
    CHECK(rectification_deadline(d(2025, 1, 31), 12) == d(2026, 1, 31));
    CHECK(of_kind(rectification_agenda(r, d(2026, 1, 30), rules), "rectification.overdue").empty());
    auto items = of_kind(rectification_agenda(r, d(2026, 1, 31), rules), "rectification.overdue");
    REQUIRE(items.size() == 1);
    CHECK(items[0].status == agenda_status::due);
    CHECK(items[0].rule_id == "rectification.within_max_months");
    CHECK(of_kind(rectification_agenda(r, d(2026, 2, 1), rules), "rectification.overdue")[0].status ==
          agenda_status::overdue);
    // 31 January + 1 month is the last day of February (2024 a leap year).
    CHECK(rectification_deadline(d(2025, 1, 31), 1) == d(2025, 2, 28));
    CHECK(rectification_deadline(d(2024, 1, 31), 1) == d(2024, 2, 29));
    CHECK(rectification_deadline(d(2024, 2, 29), 12) == d(2025, 2, 28));
    CHECK(of_kind(rectification_agenda(r, d(2025, 2, 28), with(1, 30)), "rectification.overdue")[0].status ==
          agenda_status::due);
    CHECK(of_kind(rectification_agenda(r, d(2025, 3, 1), with(1, 30)), "rectification.overdue")[0].status ==
          agenda_status::overdue);
    // Removed by the agenda's date: no items at all; removed later: not yet seen. 0 = no limit.
    r.removed_on = d(2026, 3, 1);
    CHECK(rectification_agenda(r, d(2026, 3, 1), rules).empty());
    CHECK(of_kind(rectification_agenda(r, d(2026, 2, 28), rules), "rectification.overdue").size() == 1);
    CHECK_FALSE(rectification_deadline(d(2025, 1, 31), 0).has_value());
    CHECK(of_kind(rectification_agenda(designation(d(2020, 1, 1)), d(2026, 1, 1), with(0, 30)),
                  "rectification.overdue")
              .empty());
}

TEST_CASE("rectification: a profile may lower the limits but not raise them or make them unlimited",
          "[rectification][rules]") {
    auto const national = rule_set::national_2014();
    auto local = national;
    local.name = "local";
    local.rectification.max_months = 6;
    local.rectification.contacts_days = 15;
    CHECK_NOTHROW(check_tightens(national, local));
    for (int months : {18, 0}) {
        auto weaker = local;
        weaker.rectification.max_months = months;
        CHECK(violated_rule([&] { check_tightens(national, weaker); }) == "rules.profile_cannot_weaken");
    }
    auto weaker = local;
    weaker.rectification.contacts_days = 45;
    CHECK(violated_rule([&] { check_tightens(national, weaker); }) == "rules.profile_cannot_weaken");
    // The text form carries both keys.
    auto const text = to_text(local);
    CHECK(text.find("rectification.max_months") != std::string::npos);
    CHECK(text.find("rectification.contacts_days") != std::string::npos);
    CHECK(rule_set_from_text(text) == local);
}

TEST_CASE(
    "rectification: year statistics by kind and reason, removals, open and overdue at year end, milestones",
    "[rectification][rules]") {
    auto a = designation(d(2024, 11, 1));  // open past its 12 months at the end of 2025
    a.milestones = {{.number = 1, .text = "x", .due = d(2025, 2, 1), .completed_on = d(2025, 1, 20)},
                    {.number = 2, .text = "y", .due = d(2025, 5, 1), .completed_on = d(2025, 6, 1)}};
    auto b = designation(d(2025, 3, 1));
    b.kind = rectification_kind::lagging_community;
    b.reasons = {rectification_reason::secretary_unfit, rectification_reason::public_complaints};
    b.removed_on = d(2025, 12, 31);  // the last day: removed in the year, not open at its end
    auto c = designation(d(2025, 12, 31));
    c.reasons = {rectification_reason::secretary_unfit};
    auto const later = designation(d(2026, 1, 1));
    std::vector<rectification> all{a, b, c, later};
    auto const s = rectification_statistics_from(2025, all, rule_set::national_2014());
    CHECK(s.year == 2025);
    CHECK(s.designated == 2);
    CHECK(s.designated_by_kind[static_cast<std::size_t>(rectification_kind::weak_org)] == 1);
    CHECK(s.designated_by_kind[static_cast<std::size_t>(rectification_kind::lagging_community)] == 1);
    CHECK(s.designated_by_reason[static_cast<std::size_t>(rectification_reason::secretary_unfit)] == 2);
    CHECK(s.designated_by_reason[static_cast<std::size_t>(rectification_reason::public_complaints)] == 1);
    CHECK(s.designated_by_reason[static_cast<std::size_t>(rectification_reason::org_life_irregular)] == 0);
    CHECK(s.removed == 1);
    CHECK(s.open_at_year_end == 2);     // a and c
    CHECK(s.overdue_at_year_end == 1);  // a: due 2025-11-01
    CHECK(s.milestones_due == 2);
    CHECK(s.milestones_completed_on_time == 1);
    CHECK(s.milestones_completed == 2);
}

}  // namespace rectification_rules_test_cases
