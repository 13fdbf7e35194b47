#include <catch2/catch.hpp>

#include "rules_test_prelude.hpp"

namespace org_test_cases {

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
    CHECK(kinds({.full_members = 49, .all_members = 49, .officers = 5}).empty());
    // 50 members are still allowed in a branch, and already enough for a general branch.
    CHECK(kinds({.full_members = 50, .all_members = 50, .officers = 5}) ==
          std::vector<std::string>{"org.general_branch_50"});
    CHECK(kinds({.full_members = 50, .all_members = 51, .officers = 5}) ==
          std::vector<std::string>{"org.branch_max_50", "org.general_branch_50"});
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

TEST_CASE(
    "机关条例 第5-6条 [S] org.general_branch_50 and org.grassroots_committee_100: size findings per kind, "
    "49/50 and 99/100 members",
    "[org][agenda]") {
    auto rule_ids = [&](org_unit const& o, int members) {
        std::vector<std::string> out;
        // Officers and full members set so that no other composition finding appears.
        for (auto const& i :
             org_agenda(o, {.full_members = 20, .all_members = 20, .officers = 5, .subtree_members = members},
                        d(2026, 1, 1), rules))
            out.push_back(i.rule_id);
        return out;
    };
    auto const b = branch("第一党支部");
    CHECK(rule_ids(b, 49).empty());
    CHECK(rule_ids(b, 50) == std::vector<std::string>{"org.general_branch_50"});
    CHECK(rule_ids(b, 99) == std::vector<std::string>{"org.general_branch_50"});
    CHECK(rule_ids(b, 100) == std::vector<std::string>{"org.grassroots_committee_100"});
    auto joint = b;
    joint.kind = org_kind::joint_branch;
    CHECK(rule_ids(joint, 50) == std::vector<std::string>{"org.general_branch_50"});
    org_unit general{.id = org_id{5},
                     .name = "机关党总支",
                     .kind = org_kind::general_branch,
                     .parent = org_id{1},
                     .established = d(2010, 1, 1)};
    CHECK(rule_ids(general, 60).empty());  // a general branch is already right for 50-99
    CHECK(rule_ids(general, 99).empty());
    CHECK(rule_ids(general, 100) == std::vector<std::string>{"org.grassroots_committee_100"});
    org_unit grassroots{.id = org_id{6},
                        .name = "某基层党委",
                        .kind = org_kind::grassroots_committee,
                        .parent = org_id{1},
                        .established = d(2010, 1, 1)};
    CHECK(rule_ids(grassroots, 500).empty());
    // Findings, not refusals: the branch records are still valid.
    CHECK_NOTHROW(validate_org(b, &committee, rules));
    auto const items =
        org_agenda(b, {.full_members = 20, .all_members = 20, .officers = 5, .subtree_members = 100},
                   d(2026, 1, 1), rules);
    REQUIRE(items.size() == 1);
    CHECK(items[0].kind == "org.set_up_grassroots_committee");
    CHECK(items[0].status == agenda_status::finding);
    // Without a subtree count the organisation's own members are counted.
    CHECK(org_agenda(b, {.full_members = 20, .all_members = 50, .officers = 5}, d(2026, 1, 1), rules)
              .back()
              .rule_id == "org.general_branch_50");
    // A profile may lower the thresholds.
    auto strict = rules;
    strict.general_branch_threshold_members = 30;
    CHECK(org_agenda(b, {.full_members = 20, .all_members = 30, .officers = 5}, d(2026, 1, 1), strict)
              .back()
              .kind == "org.set_up_general_branch");
}

TEST_CASE(
    "支部工作条例 第5-6条 [S] org.joint_branch_max_5_units: a joint branch of 6 units is a finding, 5 are "
    "fine",
    "[org][agenda]") {
    auto joint = branch("工业园区联合党支部");
    joint.kind = org_kind::joint_branch;
    org_counts const counts{.full_members = 8, .all_members = 8, .officers = 3};
    joint.units = 5;
    CHECK(org_agenda(joint, counts, d(2026, 1, 1), rules).empty());
    joint.units = 6;
    auto const items = org_agenda(joint, counts, d(2026, 1, 1), rules);
    REQUIRE(items.size() == 1);
    CHECK(items[0].rule_id == "org.joint_branch_max_5_units");
    CHECK(items[0].kind == "org.joint_branch_too_many_units");
    CHECK(items[0].status == agenda_status::finding);
    CHECK_NOTHROW(validate_org(joint, &committee, rules));  // "generally": recorded, then reported
    joint.units = -1;
    CHECK(test::invalid_field([&] { validate_org(joint, &committee, rules); }) == "units");
    // An ordinary branch is not judged by units.
    auto b = branch("第一党支部");
    b.units = 9;
    CHECK(org_agenda(b, counts, d(2026, 1, 1), rules).empty());
}

TEST_CASE(
    "机关条例 第6条 [S] org.term_default_by_kind: grassroots committee 5 years, general branch 3, village 5, "
    "branch 3; expiry boundaries",
    "[org][agenda]") {
    CHECK(default_term_years(org_kind::grassroots_committee, false, rules) == 5);
    CHECK(default_term_years(org_kind::general_branch, false, rules) == 3);
    CHECK(default_term_years(org_kind::general_branch, true, rules) == 5);
    CHECK(default_term_years(org_kind::branch, false, rules) == 3);
    CHECK(default_term_years(org_kind::joint_branch, true, rules) == 5);
    CHECK(default_term_years(org_kind::higher_committee, false, rules) == 5);
    CHECK(default_term_years(org_kind::party_group, false, rules) == 0);

    org_unit c{.id = org_id{6},
               .name = "某基层党委",
               .kind = org_kind::grassroots_committee,
               .parent = org_id{1},
               .established = d(2000, 1, 1),
               .term_start = d(2024, 2, 29)};
    CHECK(term_end(c, rules) == d(2029, 2, 28));  // 5 years, clamped
    org_counts const none{};
    auto status_on = [&](org_unit const& o, date::sys_days day) {
        auto const items = org_agenda(o, none, day, rules);
        REQUIRE(items.size() == 1);
        CHECK(items[0].kind == "org.term_expiry");
        return items[0].status;
    };
    CHECK(status_on(c, d(2029, 2, 27)) == agenda_status::upcoming);
    CHECK(status_on(c, d(2029, 2, 28)) == agenda_status::due);
    CHECK(status_on(c, d(2029, 3, 1)) == agenda_status::overdue);
    // A profile that sets grassroots committees to 4 years moves the expiry.
    auto four = rules;
    four.term_years_grassroots_committee = 4;
    CHECK(term_end(c, four) == d(2028, 2, 29));

    org_unit g{.id = org_id{7},
               .name = "机关党总支",
               .kind = org_kind::general_branch,
               .parent = org_id{1},
               .established = d(2000, 1, 1),
               .term_start = d(2023, 8, 31)};
    CHECK(term_end(g, rules) == d(2026, 8, 31));
    CHECK(status_on(g, d(2026, 8, 30)) == agenda_status::upcoming);
    CHECK(status_on(g, d(2026, 8, 31)) == agenda_status::due);
    CHECK(status_on(g, d(2026, 9, 1)) == agenda_status::overdue);
    // A general branch that states a term must state its kind's term.
    g.term_years = 5;
    CHECK(violated_rule([&] { validate_org(g, &committee, rules); }) == "org.term_length");
    g.term_years = 3;
    CHECK_NOTHROW(validate_org(g, &committee, rules));
    g.village_or_community = true;
    g.term_years = 0;
    CHECK(term_end(g, rules) == d(2028, 8, 31));
    // A party group has no term, so no expiry even with a start date.
    org_unit group{.name = "第一党小组",
                   .kind = org_kind::party_group,
                   .parent = org_id{10},
                   .established = d(2010, 1, 1),
                   .term_start = d(2020, 1, 1)};
    CHECK_FALSE(term_end(group, rules).has_value());
}

}  // namespace org_test_cases
