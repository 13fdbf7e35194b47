// Rectification (软弱涣散党组织, 后进社区整顿): a designation keeps the rule set it was made under, and its
// deadlines (rectification.within_max_months, rectification.contacts_assigned) are judged by that rule set
// on the agenda and in the statistics, whatever rule set the store is opened with later — like a model
// post. Designations recorded before schema version 20 are given the national rule set.
#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include <algorithm>

#include "dangyuan/rules/profile.hpp"
#include "dangyuan/storage/rectification_store.hpp"
#include "test_support.hpp"

namespace rectification_rule_set_test_cases {

using namespace dangyuan;
using test::d;
using test::invalid_field;
using test::violated_rule;

namespace {

// A district's stricter profile: removal within 6 months, contacts within 10 days.
rule_set strict() {
    return make_profile("local-6m", [](rule_set& r) {
        r.rectification.max_months = 6;
        r.rectification.contacts_days = 10;
    });
}

store_options options(rule_set rules) {
    store_options o;
    o.actor = "tester";
    o.rules = std::move(rules);
    o.today = [] { return d(2026, 6, 30); };
    return o;
}

std::vector<agenda_item> of_kind(std::vector<agenda_item> const& items, std::string const& kind) {
    std::vector<agenda_item> out;
    for (auto const& i : items)
        if (i.kind == kind) out.push_back(i);
    return out;
}

long audit_rows(store const& s) {
    auto const log = s.audit_log();
    return std::count_if(log.begin(), log.end(), [](auto const& e) { return e.entity == "rectification"; });
}

rectification_designation of(org_id o, date::sys_days on) {
    return {.org = o, .date = on, .reasons = {rectification_reason::secretary_unfit}};
}

}  // namespace

TEST_CASE(
    "区2020年组织工作要点 第12项 [L] rectification.within_max_months: a designation is judged by the rule "
    "set "
    "it was made under after the store's rule set changes",
    "[rectification][store][rules][agenda]") {
    auto const path = test::temp_dir("rectification-rule-set") / "r.db";
    org_id branch_a, branch_b;
    rectification_id under_strict, under_national;
    {
        // Designated under the district's profile on 2025-01-31: removal due 2025-07-31 (6 months).
        auto s = open_store(path, options(strict()));
        auto const orgs = test::add_district_orgs(s);
        branch_a = orgs.branch_a;
        branch_b = orgs.branch_b;
        s.register_rule_set(strict());
        under_strict = designate_for_rectification(s, of(branch_a, d(2025, 1, 31)));
        CHECK(get_rectification(s, under_strict).rule_set_name == "local-6m");
        auto const log = s.audit_log();
        CHECK(log.back().detail.find("rule_set=local-6m") != std::string::npos);
    }
    {
        // Reopened under the national rule set (12 months): the old designation keeps 6 months, a new one
        // gets 12.
        auto s = open_store(path, options(rule_set::national_2014()));
        under_national = designate_for_rectification(s, of(branch_b, d(2025, 1, 31)));
        CHECK(get_rectification(s, under_national).rule_set_name == "national-2014");
        CHECK(rectification_rules(s, get_rectification(s, under_strict)) == strict());
        CHECK(rectification_rules(s, get_rectification(s, under_national)) == rule_set::national_2014());
        // The last day and the day after of the strict deadline: 2025-07-31 (month end).
        CHECK(of_kind(s.agenda(d(2025, 7, 30)), "rectification.overdue").empty());
        auto items = of_kind(s.agenda(d(2025, 7, 31)), "rectification.overdue");
        REQUIRE(items.size() == 1);
        CHECK(items[0].org == branch_a);
        CHECK(items[0].due == d(2025, 7, 31));
        CHECK(items[0].status == agenda_status::due);
        CHECK(of_kind(s.agenda(d(2025, 8, 1)), "rectification.overdue")[0].status == agenda_status::overdue);
        // The contacts of the strict designation were due in 10 days (2025-02-10), the national one's in 30.
        auto contacts = of_kind(s.agenda(d(2025, 2, 1)), "rectification.contacts_missing");
        REQUIRE(contacts.size() == 2);
        for (auto const& c : contacts)
            CHECK(c.due == (c.org == branch_a ? d(2025, 2, 10) : d(2025, 3, 2)));
        // The national designation is overdue only after 12 months: 2026-01-31.
        CHECK(of_kind(s.agenda(d(2026, 1, 30)), "rectification.overdue").size() == 1);
        CHECK(of_kind(s.agenda(d(2026, 1, 31)), "rectification.overdue").size() == 2);
        // The statistics of 2025 judge each by its own rule set: only the strict one is overdue on 31
        // December.
        auto const st = rectification_statistics_of(s, 2025);
        CHECK(st.open_at_year_end == 2);
        CHECK(st.overdue_at_year_end == 1);
    }
    {
        // Reopened under the strict profile: the national designation still has its 12 months.
        auto s = open_store(path, options(strict()));
        CHECK(rectification_rules(s, get_rectification(s, under_national)) == rule_set::national_2014());
        auto items = of_kind(s.agenda(d(2025, 8, 1)), "rectification.overdue");
        REQUIRE(items.size() == 1);
        CHECK(items[0].org == branch_a);
        CHECK(rectification_statistics_of(s, 2025).overdue_at_year_end == 1);
    }
}

TEST_CASE(
    "区2020年组织工作要点 第12项 [L] rectification.within_max_months: a rule set that cannot be found is "
    "named, "
    "and a refused designation writes nothing",
    "[rectification][store][rules]") {
    auto const path = test::temp_dir("rectification-rule-set-missing") / "r.db";
    org_id branch;
    rectification_id id;
    {
        // The profile was never registered: only the store opened with it knows it.
        auto s = open_store(path, options(strict()));
        branch = test::add_district_orgs(s).branch_a;
        id = designate_for_rectification(s, of(branch, d(2025, 1, 31)));
    }
    auto s = open_store(path, options(rule_set::national_2014()));
    auto const r = get_rectification(s, id);
    CHECK(r.rule_set_name == "local-6m");
    CHECK_THROWS_AS(rectification_rules(s, r), not_found);
    CHECK_THROWS_AS(s.agenda(d(2025, 8, 1)), not_found);
    // Once registered, the designation is judged by it again.
    s.register_rule_set(strict());
    CHECK(of_kind(s.agenda(d(2025, 7, 31)), "rectification.overdue").size() == 1);
    // A refused designation (one open designation at a time) writes no row and no audit row.
    auto const before = audit_rows(s);
    CHECK(violated_rule([&] { (void)designate_for_rectification(s, of(branch, d(2025, 6, 1))); }) ==
          "rectification.one_open_designation");
    CHECK(invalid_field([&] {
              (void)designate_for_rectification(s, {.org = branch, .date = d(2025, 6, 1), .reasons = {}});
          }) == "reasons");
    CHECK(audit_rows(s) == before);
    CHECK(rectifications(s).size() == 1);
}

}  // namespace rectification_rule_set_test_cases
