#include <catch2/catch.hpp>

#include "test_support.hpp"

using namespace dangyuan;
using test::d;
using test::violated_rule;

namespace {
org_unit branch(std::string name, bool village = false) {
    return org_unit{.id = org_id{10},
                    .name = std::move(name),
                    .kind = org_kind::branch,
                    .parent = org_id{1},
                    .established = d(2010, 1, 1),
                    .village_or_community = village};
}
org_unit const committee{
    .id = org_id{1}, .name = "街道党工委", .kind = org_kind::working_committee, .established = d(2000, 1, 1)};
rule_set const rules = rule_set::national_2014();

}  // namespace

TEST_CASE(
    "党章 第30条 [S] org.tree_structure: branches under committees or general branches, groups under "
    "branches",
    "[org]") {
    CHECK(may_be_child_of(org_kind::branch, org_kind::general_branch));
    CHECK(may_be_child_of(org_kind::branch, org_kind::grassroots_committee));
    CHECK(may_be_child_of(org_kind::party_group, org_kind::branch));
    CHECK(may_be_child_of(org_kind::higher_committee, std::nullopt));
    CHECK_FALSE(may_be_child_of(org_kind::branch, std::nullopt));
    CHECK_FALSE(may_be_child_of(org_kind::branch, org_kind::party_group));
    CHECK_FALSE(may_be_child_of(org_kind::general_branch, org_kind::branch));
    CHECK_FALSE(may_be_child_of(org_kind::higher_committee, org_kind::branch));

    org_unit group{.name = "第一党小组",
                   .kind = org_kind::party_group,
                   .parent = org_id{1},
                   .established = d(2010, 1, 1)};
    CHECK(violated_rule([&] { validate_org(group, &committee, rules); }) == "org.tree_structure");
    org_unit top_branch{.name = "孤立党支部", .kind = org_kind::branch, .established = d(2010, 1, 1)};
    CHECK(violated_rule([&] { validate_org(top_branch, nullptr, rules); }) == "org.tree_structure");
    CHECK_NOTHROW(validate_org(branch("第一党支部"), &committee, rules));
}

TEST_CASE("org: invalid organisation records name the field", "[org]") {
    auto o = branch("");
    CHECK_THROWS_MATCHES(
        validate_org(o, &committee, rules), invalid_input,
        Catch::Matchers::Predicate<invalid_input>([](auto& e) { return e.field() == "name"; }));
    o = branch("第一党支部");
    o.dissolved = d(2009, 12, 31);
    CHECK_THROWS_MATCHES(
        validate_org(o, &committee, rules), invalid_input,
        Catch::Matchers::Predicate<invalid_input>([](auto& e) { return e.field() == "dissolved"; }));
    o = branch("第一党支部");
    o.established = d(1999, 12, 31);
    CHECK_THROWS_MATCHES(
        validate_org(o, &committee, rules), invalid_input,
        Catch::Matchers::Predicate<invalid_input>([](auto& e) { return e.field() == "established"; }));
    o = branch("第一党支部");
    o.term_start = d(2009, 1, 1);
    CHECK_THROWS_MATCHES(
        validate_org(o, &committee, rules), invalid_input,
        Catch::Matchers::Predicate<invalid_input>([](auto& e) { return e.field() == "term_start"; }));
}

TEST_CASE(
    "支部工作条例 第21条 [S] org.term_length: branches 3 years, village and community branches 5, committees "
    "3-5",
    "[org]") {
    auto o = branch("第一党支部");
    o.term_start = d(2024, 2, 29);
    CHECK(term_length_years(o, rules) == 3);
    CHECK(term_end(o, rules) == d(2027, 2, 28));  // clamped: 2027 has no 29 February
    auto v = branch("东村党支部", true);
    v.term_start = d(2021, 1, 10);
    CHECK(term_length_years(v, rules) == 5);
    CHECK(term_end(v, rules) == d(2026, 1, 10));
    CHECK_FALSE(term_end(branch("无届期"), rules).has_value());

    v.term_years = 3;
    CHECK(violated_rule([&] { validate_org(v, &committee, rules); }) == "org.term_length");
    o.term_years = 5;
    CHECK(violated_rule([&] { validate_org(o, &committee, rules); }) == "org.term_length");
    o.term_years = 3;
    CHECK_NOTHROW(validate_org(o, &committee, rules));
    org_unit c{.name = "某基层党委",
               .kind = org_kind::grassroots_committee,
               .parent = org_id{1},
               .established = d(2000, 1, 1),
               .term_start = d(2022, 6, 1),
               .term_years = 6};
    CHECK(violated_rule([&] { validate_org(c, &committee, rules); }) == "org.term_length");
    c.term_years = 2;
    CHECK(violated_rule([&] { validate_org(c, &committee, rules); }) == "org.term_length");
    c.term_years = 4;
    CHECK_NOTHROW(validate_org(c, &committee, rules));
}

TEST_CASE(
    "[L] org.term_expiry_notice: term expiry on the agenda 3 months ahead, due on the day, overdue after",
    "[org][agenda]") {
    auto o = branch("第一党支部");
    o.term_start = d(2023, 5, 31);  // ends 2026-05-31; notice from 2026-02-28 (31 Aug - 3 months clamps)
    org_counts const counts{.full_members = 5, .all_members = 5, .officers = 1};
    auto items_on = [&](date::sys_days day) { return org_agenda(o, counts, day, rules); };
    CHECK(items_on(d(2026, 2, 27)).empty());
    auto first = items_on(d(2026, 2, 28));
    REQUIRE(first.size() == 1);
    CHECK(first[0].status == agenda_status::upcoming);
    CHECK(first[0].rule_id == "org.term_length");
    CHECK(first[0].due == d(2026, 5, 31));
    CHECK(items_on(d(2026, 5, 30))[0].status == agenda_status::upcoming);
    CHECK(items_on(d(2026, 5, 31))[0].status == agenda_status::due);
    CHECK(items_on(d(2026, 6, 1))[0].status == agenda_status::overdue);
    o.dissolved = d(2026, 4, 1);
    CHECK(items_on(d(2026, 4, 1)).empty());
}

TEST_CASE("支部工作条例 第4条 [C] org.branch_min_3_full and org.branch_max_50: composition findings",
          "[org][agenda]") {
    auto const o = branch("第一党支部");
    auto kinds = [&](org_counts c) {
        std::vector<std::string> out;
        for (auto const& i : org_agenda(o, c, d(2026, 1, 1), rules))
            out.push_back(i.rule_id);
        return out;
    };
    CHECK(kinds({.full_members = 2, .all_members = 4, .officers = 1}) ==
          std::vector<std::string>{"org.branch_min_3_full"});
    CHECK(kinds({.full_members = 3, .all_members = 3, .officers = 1}).empty());
    CHECK(kinds({.full_members = 50, .all_members = 50, .officers = 5}).empty());
    CHECK(kinds({.full_members = 50, .all_members = 51, .officers = 5}) ==
          std::vector<std::string>{"org.branch_max_50"});
    auto joint = o;
    joint.kind = org_kind::joint_branch;
    CHECK(org_agenda(joint, {.full_members = 2, .all_members = 2, .officers = 1}, d(2026, 1, 1), rules)
              .empty());
}

TEST_CASE(
    "支部工作条例 第20条 [C] org.committee_threshold_7 and org.committee_size: leadership by full-member "
    "count",
    "[org]") {
    auto const o = branch("第一党支部");
    std::vector<officer> seats{{member_id{1}, officer_role::secretary, ""}};
    auto add = [&](officer_role r) {
        seats.push_back({member_id{static_cast<std::int64_t>(seats.size() + 1)}, r, ""});
    };
    auto check = [&](int full) {
        return violated_rule([&] { validate_leadership(o, full, seats, {}, rules); });
    };
    CHECK(check(6).empty());  // secretary only
    add(officer_role::deputy_secretary);
    CHECK(check(6).empty());  // secretary + one deputy
    add(officer_role::committee_member);
    CHECK(check(6) == "org.committee_threshold_7");  // 6 full members: no committee
    CHECK(check(7).empty());                         // 7 full members: committee of 3
    seats.resize(2);
    CHECK(check(7) == "org.committee_size");  // 2 seats are too few for a committee
    while (seats.size() < 7)
        add(officer_role::committee_member);
    CHECK(check(40).empty());
    add(officer_role::committee_member);
    CHECK(check(40) == "org.committee_size");  // 8 seats

    // A finding when a branch of 7 full members has no committee.
    auto items = org_agenda(o, {.full_members = 7, .all_members = 8, .officers = 1}, d(2026, 1, 1), rules);
    REQUIRE(items.size() == 1);
    CHECK(items[0].rule_id == "org.committee_threshold_7");
}

TEST_CASE(
    "基层组织选举工作条例 第5条 [C] org.officers_full_members: one secretary, distinct, full members only",
    "[org]") {
    auto const o = branch("第一党支部");
    std::vector<officer> two_secretaries{{member_id{1}, officer_role::secretary, ""},
                                         {member_id{2}, officer_role::secretary, ""}};
    CHECK_THROWS_AS(validate_leadership(o, 5, two_secretaries, {}, rules), invalid_input);
    std::vector<officer> twice{{member_id{1}, officer_role::secretary, ""},
                               {member_id{1}, officer_role::deputy_secretary, ""}};
    CHECK_THROWS_AS(validate_leadership(o, 5, twice, {}, rules), invalid_input);
    std::vector<officer> one{{member_id{3}, officer_role::secretary, ""}};
    std::vector<member_id> const not_full{member_id{3}};
    CHECK(violated_rule([&] { validate_leadership(o, 5, one, not_full, rules); }) ==
          "org.officers_full_members");
}

TEST_CASE("org: kinds parse from English codes and Chinese names", "[org]") {
    CHECK(parse_org_kind("党总支") == org_kind::general_branch);
    CHECK(parse_org_kind("joint_branch") == org_kind::joint_branch);
    CHECK(chinese_name(org_kind::grassroots_committee) == "基层党委");
    CHECK_THROWS_WITH(parse_org_kind("党委会"), Catch::Contains("党委会"));
}
