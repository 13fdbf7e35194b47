// Coverage of units by party organisations (两新组织党建覆盖): the pure rules of the register — the credit
// code of GB 32100-2015, the links' days, one organisation and one unit at a time — and the agenda of one
// unit, written from the wording of the rules (first and last day of a link, the month-end clamp of the
// deadline, the day the third full member arrives).
#include <catch2/catch.hpp>

#include "dangyuan/coverage/coverage_agenda.hpp"
#include "dangyuan/rules/profile.hpp"
#include "test_support.hpp"

namespace coverage_rules_test_cases {

using namespace dangyuan;
using test::d;
using test::invalid_field;
using test::violated_rule;

namespace {

unit_record company() {
    return {.id = unit_id{1},
            .name = "城关科技有限公司",
            .credit_code = "91512081MA62K0260E",
            .sector = unit_sector::non_public_enterprise,
            .responsible = org_id{2},
            .registered_on = d(2020, 1, 1)};
}

org_unit branch(org_kind k = org_kind::branch) {
    return {.id = org_id{10}, .name = "城关科技党支部", .kind = k, .established = d(2020, 3, 1)};
}

coverage_link link(std::int64_t id, date::sys_days from, std::optional<date::sys_days> to = {},
                   coverage_form form = coverage_form::own) {
    return {.id = coverage_link_id{id},
            .unit = unit_id{1},
            .org = org_id{10},
            .form = form,
            .since = from,
            .until = to};
}

unit_member_facts worker(std::int64_t id, date::sys_days from, std::optional<date::sys_days> full,
                         std::optional<date::sys_days> to = {}, std::optional<date::sys_days> exit = {}) {
    return {.link = {.id = member_unit_id{id},
                     .member = member_id{id},
                     .unit = unit_id{1},
                     .since = from,
                     .until = to},
            .full_member_date = full,
            .exit_date = exit};
}

coverage_unit_facts three_full_members() {
    coverage_unit_facts f;
    f.unit = company();
    f.members = {worker(1, d(2021, 1, 1), d(2015, 1, 1)), worker(2, d(2021, 1, 1), d(2016, 1, 1)),
                 worker(3, d(2021, 8, 31), d(2017, 1, 1))};
    return f;
}

rule_set with_months(int months) {
    auto r = rule_set::national_2014();
    r.coverage.establish_months = months;
    return r;
}

}  // namespace

TEST_CASE("GB 32100-2015 [C] coverage.credit_code_gb32100: the check character and the character set",
          "[coverage][rules]") {
    // The worked example of the standard's pages: 91512081MA62K0260E is valid; 91350100M000100Y4Z is not,
    // its first 17 characters give 3.
    CHECK(credit_code_check_character("91512081MA62K0260") == 'E');
    CHECK(credit_code_check_character("91350100M000100Y4") == '3');
    CHECK_NOTHROW(check_credit_code("91512081MA62K0260E"));
    CHECK_NOTHROW(check_credit_code("91350100M000100Y43"));
    CHECK(violated_rule([] { check_credit_code("91350100M000100Y4Z"); }) == "coverage.credit_code_gb32100");
    // 31 - 0 is the character 0 (MOD(31, 31) = 0), the boundary of the formula.
    CHECK(credit_code_check_character("91110108MA01ABCDH") == '0');
    CHECK_NOTHROW(check_credit_code("91110108MA01ABCDH0"));
    CHECK(credit_code_check_character("91110108MA01ABCDU") == 'Y');
    // Length, letters outside the alphabet (I O S V Z), letters in the division code, lower case.
    CHECK(violated_rule([] { check_credit_code("91512081MA62K0260"); }) == "coverage.credit_code_gb32100");
    CHECK(violated_rule([] { check_credit_code("91512081MA62K0260EE"); }) == "coverage.credit_code_gb32100");
    CHECK(violated_rule([] { check_credit_code("91512081MI62K0260E"); }) == "coverage.credit_code_gb32100");
    CHECK(violated_rule([] { check_credit_code("915A2081MA62K0260E"); }) == "coverage.credit_code_gb32100");
    CHECK(violated_rule([] { check_credit_code("91512081ma62k0260e"); }) == "coverage.credit_code_gb32100");
    CHECK(credit_code_check_character("91512081MA62K026") == '\0');
    CHECK(normalise_credit_code(" 91512081ma62k0260e ") == "91512081MA62K0260E");
    CHECK_NOTHROW(check_unit(company()));
    auto nameless = company();
    nameless.name.clear();
    CHECK(invalid_field([&] { check_unit(nameless); }) == "name");
}

TEST_CASE("区2020年组织工作要点 第11项 [L] coverage.credit_code_unique: a code names one unit",
          "[coverage][rules]") {
    auto other = company();
    other.id = unit_id{2};
    other.name = "另一公司";
    CHECK(violated_rule([&] { check_credit_code_unique(other, company()); }) ==
          "coverage.credit_code_unique");
    CHECK_NOTHROW(check_credit_code_unique(other, std::nullopt));
    CHECK_NOTHROW(check_credit_code_unique(company(), company()));  // the unit itself
}

TEST_CASE(
    "区2020年组织工作要点 第11项 [L] coverage.end_after_start: a unit closes after its first day, a link "
    "ends on or after its first day",
    "[coverage][rules]") {
    auto u = company();
    u.closed_on = d(2020, 1, 1);
    CHECK(violated_rule([&] { check_unit(u); }) == "coverage.end_after_start");
    u.closed_on = d(2020, 1, 2);
    CHECK_NOTHROW(check_unit(u));
    // A link of one day: its first day is its last.
    CHECK_NOTHROW(check_link_end("coverage", d(2021, 5, 1), std::nullopt, d(2021, 5, 1)));
    CHECK(violated_rule([] { check_link_end("coverage", d(2021, 5, 1), std::nullopt, d(2021, 4, 30)); }) ==
          "coverage.end_after_start");
    CHECK(invalid_field([] { check_link_end("coverage", d(2021, 5, 1), d(2021, 6, 1), d(2021, 7, 1)); }) ==
          "coverage");
    std::vector<std::optional<date::sys_days>> none;
    CHECK(violated_rule([&] { check_unit_closing(company(), d(2020, 1, 1), none); }) ==
          "coverage.end_after_start");
    CHECK_NOTHROW(check_unit_closing(company(), d(2020, 1, 2), none));
    auto closed = company();
    closed.closed_on = d(2022, 1, 1);
    CHECK(invalid_field([&] { check_unit_closing(closed, d(2023, 1, 1), none); }) == "unit");
}

TEST_CASE(
    "区2020年组织工作要点 第11项 [L] coverage.close_without_open_links: links end before the closing day",
    "[coverage][rules]") {
    std::vector<std::optional<date::sys_days>> open{std::nullopt};
    CHECK(violated_rule([&] { check_unit_closing(company(), d(2023, 1, 1), open); }) ==
          "coverage.close_without_open_links");
    // A link whose last day is the closing day overlaps the day the unit no longer exists.
    std::vector<std::optional<date::sys_days>> ends_that_day{d(2023, 1, 1)};
    CHECK(violated_rule([&] { check_unit_closing(company(), d(2023, 1, 1), ends_that_day); }) ==
          "coverage.close_without_open_links");
    std::vector<std::optional<date::sys_days>> ended_before{d(2022, 12, 31)};
    CHECK_NOTHROW(check_unit_closing(company(), d(2023, 1, 1), ended_before));
}

TEST_CASE(
    "区2020年组织工作要点 第11项 [L] coverage.link_within_existence: links begin on a day the unit and the "
    "organisation exist",
    "[coverage][rules]") {
    auto u = company();
    u.closed_on = d(2024, 1, 1);
    std::vector<coverage_link> none;
    // The unit's first day and its last day (the day before it closed) are inside; the day before the
    // first and the closing day are not.
    CHECK_NOTHROW(check_coverage(u, branch(), d(2023, 12, 31), none));
    CHECK(violated_rule([&] { check_coverage(u, branch(), d(2024, 1, 1), none); }) ==
          "coverage.link_within_existence");
    auto early = branch();
    early.established = d(2019, 1, 1);
    CHECK_NOTHROW(check_coverage(u, early, d(2020, 1, 1), none));
    CHECK(violated_rule([&] { check_coverage(u, early, d(2019, 12, 31), none); }) ==
          "coverage.link_within_existence");
    // The organisation is set up after the day.
    CHECK(violated_rule([&] { check_coverage(u, branch(), d(2020, 2, 29), none); }) ==
          "coverage.link_within_existence");
    instructor_assignment a{.unit = unit_id{1}, .instructor = "李明", .since = d(2019, 12, 31)};
    CHECK(violated_rule([&] { check_instructor(u, a); }) == "coverage.link_within_existence");
    a.since = d(2020, 1, 1);
    CHECK_NOTHROW(check_instructor(u, a));
    a.instructor.clear();
    CHECK(invalid_field([&] { check_instructor(u, a); }) == "instructor");
    std::vector<member_unit_link> no_links;
    CHECK(violated_rule([&] { check_member_unit(u, d(2024, 1, 1), no_links); }) ==
          "coverage.link_within_existence");
}

TEST_CASE(
    "区2020年组织工作要点 第11项 [L] coverage.covering_org_kind: branches and grassroots committees cover "
    "units",
    "[coverage][rules]") {
    std::vector<coverage_link> none;
    for (auto k :
         {org_kind::branch, org_kind::joint_branch, org_kind::general_branch, org_kind::grassroots_committee})
        CHECK_NOTHROW(check_coverage(company(), branch(k), d(2021, 1, 1), none));
    for (auto k : {org_kind::higher_committee, org_kind::working_committee, org_kind::party_group})
        CHECK(violated_rule([&] { check_coverage(company(), branch(k), d(2021, 1, 1), none); }) ==
              "coverage.covering_org_kind");
    CHECK(form_of(org_kind::joint_branch) == coverage_form::joint);
    CHECK(form_of(org_kind::branch) == coverage_form::own);
}

TEST_CASE("区2020年组织工作要点 第11项 [L] coverage.one_organisation: one organisation at a time",
          "[coverage][rules]") {
    std::vector<coverage_link> open{link(1, d(2021, 1, 1))};
    CHECK(violated_rule([&] { check_coverage(company(), branch(), d(2022, 1, 1), open); }) ==
          "coverage.one_organisation");
    // The last day of the earlier link is still covered; the day after is free.
    std::vector<coverage_link> ended{link(1, d(2021, 1, 1), d(2021, 12, 31))};
    CHECK(violated_rule([&] { check_coverage(company(), branch(), d(2021, 12, 31), ended); }) ==
          "coverage.one_organisation");
    CHECK_NOTHROW(check_coverage(company(), branch(), d(2022, 1, 1), ended));
}

TEST_CASE("区2020年组织工作要点 第11项 [L] coverage.member_one_unit: a member works in one unit at a time",
          "[coverage][rules]") {
    std::vector<member_unit_link> open{
        {.id = member_unit_id{1}, .member = member_id{1}, .unit = unit_id{2}, .since = d(2021, 1, 1)}};
    CHECK(violated_rule([&] { check_member_unit(company(), d(2022, 1, 1), open); }) ==
          "coverage.member_one_unit");
    open[0].until = d(2021, 12, 31);
    CHECK(violated_rule([&] { check_member_unit(company(), d(2021, 12, 31), open); }) ==
          "coverage.member_one_unit");
    CHECK_NOTHROW(check_member_unit(company(), d(2022, 1, 1), open));
}

TEST_CASE(
    "区2020年组织工作要点 第11项 [L] coverage.establish_within_months: the deadline runs from the day the "
    "third full member works in the unit, month end clamped",
    "[coverage][rules][agenda]") {
    auto const f = three_full_members();
    // Two full members on 2021-08-30, three on 2021-08-31: the condition began that day.
    CHECK_FALSE(f.should_establish_on(d(2021, 8, 30)));
    CHECK(f.should_establish_on(d(2021, 8, 31)));
    CHECK(f.establish_since(d(2022, 1, 10)) == d(2021, 8, 31));
    CHECK_FALSE(f.establish_since(d(2021, 8, 30)).has_value());
    auto const rules = rule_set::national_2014();
    REQUIRE(rules.coverage.establish_months == 6);
    // 2021-08-31 + 6 months = 2022-02-28 (clamped); shown from 2022-01-28 (notice 1 month).
    CHECK(coverage_unit_agenda(f, d(2022, 1, 27), rules).empty());
    auto items = coverage_unit_agenda(f, d(2022, 1, 28), rules);
    REQUIRE(items.size() == 1);
    CHECK(items[0].kind == "coverage.establish_due");
    CHECK(items[0].rule_id == "coverage.establish_within_months");
    CHECK(items[0].due == d(2022, 2, 28));
    CHECK(items[0].status == agenda_status::upcoming);
    CHECK(items[0].org == org_id{2});
    CHECK_FALSE(items[0].message_zh.empty());
    // The last day, and the day after.
    CHECK(coverage_unit_agenda(f, d(2022, 2, 28), rules)[0].status == agenda_status::due);
    CHECK(coverage_unit_agenda(f, d(2022, 3, 1), rules)[0].status == agenda_status::overdue);
    // A stricter profile: 3 months, 2021-11-30.
    CHECK(coverage_unit_agenda(f, d(2021, 11, 30), with_months(3))[0].status == agenda_status::due);
    // No deadline (0): a finding under the national rule.
    auto const finding = coverage_unit_agenda(f, d(2021, 9, 1), with_months(0));
    REQUIRE(finding.size() == 1);
    CHECK(finding[0].status == agenda_status::finding);
    CHECK(finding[0].rule_id == "org.branch_min_3_full");
    CHECK(finding[0].due == d(2021, 8, 31));
}

TEST_CASE(
    "中国共产党支部工作条例（试行）(2018) 第4条 [C] org.branch_min_3_full: who counts towards the 3 full "
    "members of a unit",
    "[coverage][rules][agenda]") {
    auto f = three_full_members();
    // A probationary member does not count until the full-member date.
    f.members[2].full_member_date = d(2022, 3, 1);
    CHECK_FALSE(f.should_establish_on(d(2022, 2, 28)));
    CHECK(f.establish_since(d(2022, 6, 1)) == d(2022, 3, 1));
    CHECK(f.members_on(d(2022, 2, 28)) == 3);
    CHECK(f.full_members_on(d(2022, 2, 28)) == 2);
    // A member who left the unit (last day) or the party (exit day) does not count after.
    f = three_full_members();
    f.members[0].link.until = d(2022, 5, 31);
    CHECK(f.should_establish_on(d(2022, 5, 31)));
    CHECK_FALSE(f.should_establish_on(d(2022, 6, 1)));
    f = three_full_members();
    f.members[1].exit_date = d(2022, 7, 1);
    CHECK(f.should_establish_on(d(2022, 6, 30)));
    CHECK_FALSE(f.should_establish_on(d(2022, 7, 1)));
    // An organisation of its own ends the condition; a joint branch does not.
    f = three_full_members();
    f.links = {link(1, d(2021, 10, 1), std::nullopt, coverage_form::joint)};
    CHECK(f.establish_since(d(2022, 1, 1)) == d(2021, 8, 31));
    f.links = {link(1, d(2021, 10, 1))};
    CHECK_FALSE(f.should_establish_on(d(2022, 1, 1)));
    CHECK(f.should_establish_on(d(2021, 9, 30)));
    // When the own organisation's coverage ends, the condition begins again the day after.
    f.links = {link(1, d(2021, 10, 1), d(2022, 4, 30))};
    CHECK(f.establish_since(d(2022, 6, 1)) == d(2022, 5, 1));
    // A unit that closed: nothing.
    f = three_full_members();
    f.unit.closed_on = d(2022, 1, 1);
    CHECK(coverage_unit_agenda(f, d(2022, 1, 1), rule_set::national_2014()).empty());
}

TEST_CASE(
    "区2020年组织工作要点 第11项 [L] coverage.joint_branch_two_units: a joint branch covering one unit is a "
    "finding",
    "[coverage][rules][agenda]") {
    auto const joint = branch(org_kind::joint_branch);
    auto const items = joint_branch_agenda(joint, 1, d(2022, 1, 1));
    REQUIRE(items.size() == 1);
    CHECK(items[0].kind == "coverage.joint_branch_single_unit");
    CHECK(items[0].rule_id == "coverage.joint_branch_two_units");
    CHECK(items[0].status == agenda_status::finding);
    CHECK(items[0].org == joint.id);
    CHECK(joint_branch_agenda(joint, 0, d(2022, 1, 1)).size() == 1);
    CHECK(joint_branch_agenda(joint, 2, d(2022, 1, 1)).empty());
    CHECK(joint_branch_agenda(branch(), 1, d(2022, 1, 1)).empty());
    // Before it was set up: nothing.
    CHECK(joint_branch_agenda(joint, 1, d(2020, 2, 29)).empty());
}

TEST_CASE("coverage rules: sectors, their codes and Chinese names", "[coverage][rules]") {
    CHECK(parse_enum_or_throw<unit_sector>("非公有制企业") == unit_sector::non_public_enterprise);
    CHECK(parse_enum_or_throw<unit_sector>("foundation") == unit_sector::foundation);
    CHECK(invalid_field([] { (void)parse_enum_or_throw<unit_sector>("企业"); }) == "sector");
    CHECK(is_new_sector(unit_sector::social_group));
    CHECK(is_new_sector(unit_sector::private_non_enterprise));
    CHECK_FALSE(is_new_sector(unit_sector::state_owned_enterprise));
    CHECK_FALSE(is_new_sector(unit_sector::village_community));
    CHECK(unit_sector_count == 9);
}

}  // namespace coverage_rules_test_cases
