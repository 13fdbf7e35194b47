// Store wiring of the organisation-size, yearly-evaluation and secretary / new-member training rules.

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace national_store_test_cases {

using namespace dangyuan;
using test::d;

namespace {
// Items of the agenda whose kind starts with `prefix`, as "kind@subject".
std::vector<std::string> items_with(store const& s, date::sys_days on, std::string const& prefix,
                                    scope sc = scope::all()) {
    std::vector<std::string> out;
    for (auto const& i : s.agenda(on, sc))
        if (i.kind.rfind(prefix, 0) == 0) out.push_back(i.kind + "@" + i.subject);
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<member> members_of(org_id branch, int n, int seq0, date::sys_days admitted) {
    std::vector<member> out;
    for (int i = 0; i < n; ++i)
        out.push_back(test::full_member(branch, "党员" + std::to_string(seq0 + i), admitted, seq0 + i));
    return out;
}
}  // namespace

TEST_CASE(
    "机关条例 第5-6条 [S] org.general_branch_50, org.grassroots_committee_100, org.joint_branch_max_5_units: "
    "the "
    "store counts members over the subtree and keeps units",
    "[store][org][agenda]") {
    test::district t;
    auto const general = t.store.add_org({.name = "机关党总支",
                                          .kind = org_kind::general_branch,
                                          .parent = t.street,
                                          .established = d(2005, 1, 1)});
    auto const b1 = t.store.add_org(
        {.name = "机关一支部", .kind = org_kind::branch, .parent = general, .established = d(2005, 1, 1)});
    auto const b2 = t.store.add_org(
        {.name = "机关二支部", .kind = org_kind::branch, .parent = general, .established = d(2005, 1, 1)});
    auto const joint = t.store.add_org({.name = "园区联合党支部",
                                        .kind = org_kind::joint_branch,
                                        .parent = t.street,
                                        .established = d(2010, 1, 1),
                                        .units = 6});
    CHECK(t.store.org(joint).units == 6);
    // 49 members in branch b1: nothing; the 50th makes the branch a general-branch case.
    (void)t.store.add_members(members_of(b1, 49, 1, d(2015, 7, 1)));
    (void)t.store.add_members(members_of(b2, 49, 1, d(2015, 7, 2)));  // other birth dates
    auto const on = d(2026, 1, 10);
    CHECK(items_with(t.store, on, "org.set_up") == std::vector<std::string>{});
    (void)t.store.add_member(test::full_member(b1, "第五十名", d(2015, 7, 1), 99));
    CHECK(items_with(t.store, on, "org.set_up") ==
          std::vector<std::string>{"org.set_up_general_branch@机关一支部"});
    // The general branch holds 99 members in its branches; the hundredth calls for a committee.
    (void)t.store.add_member(test::full_member(b2, "第一百名", d(2015, 7, 1), 98));
    CHECK(items_with(t.store, on, "org.set_up") ==
          std::vector<std::string>{"org.set_up_general_branch@机关一支部",
                                   "org.set_up_general_branch@机关二支部",
                                   "org.set_up_grassroots_committee@机关党总支"});
    // Members admitted after as_of are not counted.
    CHECK(items_with(t.store, d(2015, 6, 30), "org.set_up").empty());
    CHECK(items_with(t.store, on, "org.joint_branch") ==
          std::vector<std::string>{"org.joint_branch_too_many_units@园区联合党支部"});
    auto j = t.store.org(joint);
    j.units = 5;
    t.store.update_org(j, "一个单位撤销");
    CHECK(items_with(t.store, on, "org.joint_branch").empty());
    CHECK(t.store.org(joint).units == 5);
    // A negative number of units is refused and writes nothing.
    auto bad = t.store.org(joint);
    bad.units = -1;
    CHECK(test::invalid_field([&] { t.store.update_org(bad); }) == "units");
    CHECK(t.store.org(joint).units == 5);
}

TEST_CASE("支部工作条例2018 [S] eval.yearly: the store reports a year without evaluation, scoped",
          "[store][evaluation][agenda]") {
    test::district t;
    (void)t.store.add_members(members_of(t.branch_b, 3, 1, d(2015, 7, 1)));
    (void)t.store.add_members(members_of(t.branch_a, 3, 10, d(2015, 7, 1)));
    // A store that keeps no evaluation is not judged.
    CHECK(items_with(t.store, d(2027, 1, 1), "eval.yearly").empty());
    (void)open_campaign(t.store, t.branch_b, 2025, d(2025, 11, 1));
    CHECK(items_with(t.store, d(2026, 12, 31), "eval.yearly").empty());  // 2025 held
    // 2026 is over: branch B had none. Branch A keeps no evaluation in the store and is not judged.
    CHECK(items_with(t.store, d(2027, 1, 1), "eval.yearly") ==
          std::vector<std::string>{"eval.yearly_missing@机关第二党支部"});
    CHECK(items_with(t.store, d(2027, 1, 1), "eval.yearly", scope::subtree(t.branch_a)).empty());
    (void)open_campaign(t.store, t.branch_b, 2026, d(2026, 12, 1));
    CHECK(items_with(t.store, d(2027, 1, 1), "eval.yearly").empty());
}

TEST_CASE(
    "全国党员教育培训工作规划2019-2023 [S] training.new_secretary_6_months: the store finds the start of a "
    "secretary's tenure and the training level",
    "[store][training][agenda]") {
    test::district t;
    auto const ids = t.store.add_members(members_of(t.branch_b, 3, 1, d(2015, 7, 1)));
    auto const sec = ids[0];
    t.store.set_leadership(t.branch_b, d(2025, 8, 31), {{sec, officer_role::secretary, ""}}, "选举");
    // A training record of the branch makes the store judge the branch's training.
    add_training(t.store, {ids[1], d(2025, 9, 10), "支部学习", class_hours::whole(4), false, "本支部"},
                 d(2025, 9, 10));
    // Re-recorded in a new leadership the same secretary keeps the tenure from 2025-08-31.
    t.store.set_leadership(
        t.branch_b, d(2026, 1, 1),
        {{sec, officer_role::secretary, ""}, {ids[1], officer_role::deputy_secretary, ""}});
    auto due_of = [&](date::sys_days on) -> std::optional<agenda_item> {
        for (auto const& i : t.store.agenda(on))
            if (i.kind == "training.new_secretary_due") return i;
        return std::nullopt;
    };
    REQUIRE(due_of(d(2026, 2, 28)).has_value());
    CHECK(due_of(d(2026, 2, 28))->due == d(2026, 2, 28));
    CHECK(due_of(d(2026, 2, 28))->status == agenda_status::due);
    CHECK(due_of(d(2026, 3, 1))->status == agenda_status::overdue);
    CHECK(due_of(d(2026, 3, 1))->member == sec);
    training_record county{sec, d(2026, 3, 5), "新任书记任职培训", class_hours::whole(24), true, "县委党校"};
    county.level = training_level::county_or_higher;
    add_training(t.store, county, d(2026, 3, 5));
    CHECK(training_ledger(t.store, sec).back().level == training_level::county_or_higher);
    CHECK_FALSE(due_of(d(2026, 3, 10)).has_value());
    // The new members of the branch: none here (admitted 2015).
    for (auto const& i : t.store.agenda(d(2026, 3, 10)))
        CHECK(i.kind != "training.new_member_due");
}

}  // namespace national_store_test_cases
