// Coverage of units (两新组织党建覆盖): the full members counted towards the 3 that set up an organisation
// (coverage.establish_within_months, org.branch_min_3_full) and the statistics are full members in normal
// standing: a suspended member (停止党籍) is not counted from the day of the suspension to the day standing
// is restored (恢复党籍), and the deadline runs from the day the third full member in normal standing
// counts again.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "dangyuan/coverage/coverage_agenda.hpp"
#include "dangyuan/storage/coverage_store.hpp"
#include "test_support.hpp"

namespace coverage_standing_test_cases {

using namespace dangyuan;
using test::d;

namespace {

unit_member_facts worker(std::int64_t id, date::sys_days from, date::sys_days full) {
    return {.link = {.id = member_unit_id{id}, .member = member_id{id}, .unit = unit_id{1}, .since = from},
            .full_member_date = full};
}

coverage_unit_facts three_full_members() {
    coverage_unit_facts f;
    f.unit = {.id = unit_id{1},
              .name = "城关科技有限公司",
              .credit_code = "91512081MA62K0260E",
              .sector = unit_sector::non_public_enterprise,
              .responsible = org_id{2},
              .registered_on = d(2020, 1, 1)};
    f.members = {worker(1, d(2021, 1, 1), d(2015, 1, 1)), worker(2, d(2021, 1, 1), d(2016, 1, 1)),
                 worker(3, d(2021, 1, 1), d(2017, 1, 1))};
    return f;
}

standing_event event(standing_event_kind k, date::sys_days on) {
    return {.kind = k, .date = on, .reason = "失联超过6个月", .decided_by = "支部党员大会"};
}

std::vector<agenda_item> establish_items(std::vector<agenda_item> const& all) {
    std::vector<agenda_item> out;
    for (auto const& i : all)
        if (i.kind == "coverage.establish_due") out.push_back(i);
    return out;
}

}  // namespace

TEST_CASE(
    "区2020年组织工作要点 第11项 [L] coverage.establish_within_months: a suspended full member (停止党籍) "
    "does not count towards the 3 full members",
    "[coverage][rules][agenda][standing]") {
    auto f = three_full_members();
    auto const rules = rule_set::national_2014();
    REQUIRE(rules.coverage.establish_months == 6);
    // Suspended before the three work together: never three in normal standing.
    f.members[2].standing_events = {event(standing_event_kind::suspended, d(2020, 6, 1))};
    CHECK(f.full_members_on(d(2022, 3, 1)) == 2);
    CHECK(f.members_on(d(2022, 3, 1)) == 3);  // still working in the unit
    CHECK_FALSE(f.should_establish_on(d(2021, 1, 1)));
    CHECK_FALSE(f.establish_since(d(2022, 3, 1)).has_value());
    CHECK(coverage_unit_agenda(f, d(2022, 3, 1), rules).empty());

    // Standing restored on 2022-01-15: the condition begins that day, the deadline is 2022-07-15.
    f.members[2].standing_events.push_back(event(standing_event_kind::restored, d(2022, 1, 15)));
    CHECK_FALSE(f.should_establish_on(d(2022, 1, 14)));
    CHECK(f.should_establish_on(d(2022, 1, 15)));
    CHECK(f.establish_since(d(2022, 3, 1)) == d(2022, 1, 15));
    CHECK(coverage_unit_agenda(f, d(2022, 1, 14), rules).empty());
    // Shown one month before (notice_months): from 2022-06-15, not on 2022-06-14.
    CHECK(coverage_unit_agenda(f, d(2022, 6, 14), rules).empty());
    auto const items = coverage_unit_agenda(f, d(2022, 6, 15), rules);
    REQUIRE(items.size() == 1);
    CHECK(items[0].due == d(2022, 7, 15));
    CHECK(items[0].status == agenda_status::upcoming);
    CHECK(items[0].message.find("3 full members") != std::string::npos);
    CHECK(coverage_unit_agenda(f, d(2022, 7, 15), rules)[0].status == agenda_status::due);
    CHECK(coverage_unit_agenda(f, d(2022, 7, 16), rules)[0].status == agenda_status::overdue);
}

TEST_CASE(
    "区2020年组织工作要点 第11项 [L] coverage.establish_within_months: a suspension breaks the run of days, "
    "from the day it takes effect",
    "[coverage][rules][agenda][standing]") {
    auto f = three_full_members();
    // Three full members from 2021-01-01; one suspended on 2021-03-10, restored on 2021-05-31.
    f.members[0].standing_events = {event(standing_event_kind::suspended, d(2021, 3, 10)),
                                    event(standing_event_kind::restored, d(2021, 5, 31))};
    CHECK(f.establish_since(d(2021, 3, 9)) == d(2021, 1, 1));
    CHECK_FALSE(f.should_establish_on(d(2021, 3, 10)));  // the day of the suspension
    CHECK_FALSE(f.establish_since(d(2021, 5, 30)).has_value());
    CHECK(f.establish_since(d(2021, 5, 31)) == d(2021, 5, 31));  // the day standing is restored
    auto const rules = rule_set::national_2014();
    // 2021-05-31 + 6 months = 2021-11-30 (month end clamped).
    auto const items = coverage_unit_agenda(f, d(2021, 11, 30), rules);
    REQUIRE(items.size() == 1);
    CHECK(items[0].due == d(2021, 11, 30));
    CHECK(items[0].status == agenda_status::due);
    // An exit by a standing event (开除党籍) takes the member out for good.
    f.members[1].standing_events = {event(standing_event_kind::expelled, d(2021, 12, 1))};
    CHECK(f.full_members_on(d(2021, 12, 1)) == 2);
    CHECK(coverage_unit_agenda(f, d(2021, 12, 1), rules).empty());
    // Without deadline (0 months) the finding under the national rule follows the same count.
    auto zero = rules;
    zero.coverage.establish_months = 0;
    CHECK(coverage_unit_agenda(f, d(2021, 11, 30), zero).size() == 1);
    CHECK(coverage_unit_agenda(f, d(2021, 12, 1), zero).empty());
}

TEST_CASE(
    "区2020年组织工作要点 第11项 [L] coverage.establish_within_months: the store counts full members in "
    "normal "
    "standing on the agenda's date, in the whole and the scoped agenda and the statistics",
    "[coverage][store][agenda][standing]") {
    store_options o;
    o.actor = "tester";
    o.today = [] { return d(2027, 6, 30); };
    auto s = open_store(test::fresh_store_location(), o);
    auto const orgs = test::add_district_orgs(s);
    auto const zhang = s.add_member(test::full_member(orgs.branch_b, "张伟", d(2010, 7, 1), 1));
    auto const li = s.add_member(test::full_member(orgs.branch_b, "李娜", d(2012, 7, 1), 2, sex::female));
    auto const wang = s.add_member(test::full_member(orgs.branch_b, "王强", d(2011, 7, 1), 3));
    auto const a = add_unit(s, {.name = "城关科技有限公司",
                                .credit_code = "91512081MA62K0260E",
                                .sector = unit_sector::non_public_enterprise,
                                .responsible = orgs.street,
                                .registered_on = d(2020, 1, 1)});
    for (auto const m : {zhang, li, wang})
        (void)link_member_unit(s, m, a, d(2024, 1, 1));
    // Three full members, one suspended since 2024-11-01: no item, not counted in the statistics.
    s.record_standing(wang, event(standing_event_kind::suspended, d(2024, 11, 1)));
    CHECK(establish_items(s.agenda(d(2025, 6, 30))).empty());
    CHECK(establish_items(s.agenda(d(2025, 6, 30), scope::subtree(orgs.street))).empty());
    CHECK(coverage_statistics_of(s, 2025).establish_due == 0);
    CHECK(coverage_statistics_of(s, 2025).members == 3);
    // Before the suspension the three counted: 2024-01-01 + 6 months = 2024-07-01, overdue on 2024-10-31.
    auto const before = establish_items(s.agenda(d(2024, 10, 31)));
    REQUIRE(before.size() == 1);
    CHECK(before[0].due == d(2024, 7, 1));
    CHECK(before[0].status == agenda_status::overdue);

    // Standing restored on 2026-01-10: an item due 2026-07-10 from then on, not before.
    s.record_standing(wang, event(standing_event_kind::restored, d(2026, 1, 10)));
    CHECK(establish_items(s.agenda(d(2026, 1, 9))).empty());
    CHECK(establish_items(s.agenda(d(2026, 6, 9))).empty());  // before the notice month
    auto const whole = s.agenda(d(2026, 6, 10));
    auto const items = establish_items(whole);
    REQUIRE(items.size() == 1);
    CHECK(items[0].org == orgs.street);
    CHECK(items[0].due == d(2026, 7, 10));
    CHECK(items[0].status == agenda_status::upcoming);
    // Each part of the store has exactly the whole agenda's items of its organisations.
    for (auto const root : {orgs.district_committee, orgs.street, orgs.branch_b, orgs.village}) {
        std::set<org_id> in;
        for (auto const& org : s.orgs(scope::subtree(root)))
            in.insert(org.id);
        std::vector<agenda_item> expected;
        for (auto const& i : whole)
            if (in.count(i.org)) expected.push_back(i);
        INFO("scope " << s.org(root).name);
        CHECK(s.agenda(d(2026, 6, 10), scope::subtree(root)) == expected);
    }
    // Each year is judged on its 31 December: suspended then in 2025, in normal standing in 2026.
    CHECK(coverage_statistics_of(s, 2025).establish_due == 0);
    CHECK(coverage_statistics_of(s, 2026).establish_due == 1);
    CHECK(coverage_statistics_of(s, 2026, scope::subtree(orgs.village)).establish_due == 0);
    CHECK(coverage_statistics_of(s, 2024).establish_due == 0);  // suspended on 31 December 2024 too
    CHECK(coverage_statistics_of(s, 2023).establish_due == 0);  // not yet working there
}

}  // namespace coverage_standing_test_cases
