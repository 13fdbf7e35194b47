// The store of the rectification of weak organisations (软弱涣散党组织, 后进社区整顿): persistence across
// reopening, one transaction and one audit row per command, refused commands leaving the file unchanged,
// queries and statistics by scope and year, the agenda (whole and scoped), access and the migration that
// adds the tables.
#include <catch2/catch.hpp>

#include <set>

#include "access_support.hpp"
#include "dangyuan/rules/profile.hpp"
#include "dangyuan/storage/rectification_store.hpp"
#include "org_work_support.hpp"
#include "test_support.hpp"

namespace rectification_store_test_cases {

using namespace dangyuan;
using test::d;
using test::invalid_field;
using test::violated_rule;

namespace {

struct fixture : test::district_fixture {
    using district_fixture::district_fixture;

    rectification_designation of(org_id o, date::sys_days on,
                                 std::vector<rectification_reason> reasons = {
                                     rectification_reason::secretary_unfit}) {
        return {.org = o, .date = on, .reasons = std::move(reasons)};
    }

    // The four contacts of 四联四帮 from `from`, the paired community being the village.
    void all_contacts(rectification_id id, date::sys_days from) {
        assign_rectification_contact(
            s, id, {rectification_contact_kind::district_leader, "王区长", std::nullopt, from});
        assign_rectification_contact(
            s, id, {rectification_contact_kind::district_department, "区民政局", std::nullopt, from});
        assign_rectification_contact(
            s, id, {rectification_contact_kind::first_secretary, "刘明", std::nullopt, from});
        assign_rectification_contact(s, id,
                                     {rectification_contact_kind::paired_community, "", village, from});
    }
};

}  // namespace

TEST_CASE("rectification store: a designation and everything recorded on it is read back after reopening",
          "[rectification][store]") {
    auto const path = test::temp_dir("rectification-reopen") / "r.db";
    rectification_id id;
    org_id branch, village;
    {
        fixture t(path);
        branch = t.branch_a;
        village = t.village;
        auto des = t.of(t.branch_a, d(2025, 3, 1),
                        {rectification_reason::org_life_irregular, rectification_reason::other});
        des.kind = rectification_kind::lagging_community;
        des.batch = "第七批";
        des.other_reason = "换届未按期";
        id = designate_for_rectification(t.s, des, "区委组织部研究决定");
        t.all_contacts(id, d(2025, 3, 10));
        CHECK(add_rectification_milestone(t.s, id, {.text = "配齐班子", .due = d(2025, 6, 30)}) == 1);
        CHECK(add_rectification_milestone(t.s, id, {.text = "规范三会一课", .due = d(2025, 9, 30)}) == 2);
        record_rectification_commitment(t.s, id, {d(2025, 3, 15), "三个月内配齐班子"});
        record_rectification_evaluation(
            t.s, id, {d(2025, 12, 1), rectification_evaluator::masses, 40, 8, 2, "入户测评"});
        complete_rectification_milestone(t.s, id, 1, d(2025, 6, 20));
        complete_rectification_milestone(t.s, id, 2, d(2025, 10, 8));
        review_rectification(t.s, id, {d(2025, 12, 10), acceptance_result::passed, "区委验收"});
        remove_from_rectification(t.s, id, d(2025, 12, 20), "验收合格销号");
        CHECK(test::audit_rows(t.s, "rectification") == 13);
        auto const log = t.s.audit_log();
        CHECK(log.back().action == "removed");
        CHECK(log.back().why == "验收合格销号");
    }
    auto s = open_store(path, test::pinned_options());
    auto const r = get_rectification(s, id);
    CHECK(r.org == branch);
    CHECK(r.org_name == "第一社区党支部");
    CHECK(r.designated_on == d(2025, 3, 1));
    CHECK(r.kind == rectification_kind::lagging_community);
    CHECK(r.batch == "第七批");
    CHECK(r.reasons == std::vector<rectification_reason>{rectification_reason::org_life_irregular,
                                                         rectification_reason::other});
    CHECK(r.other_reason == "换届未按期");
    REQUIRE(r.contacts.size() == 4);
    CHECK(r.contacts[3].kind == rectification_contact_kind::paired_community);
    CHECK(r.contacts[3].org == village);
    CHECK(r.contacts[3].name == "东村党支部");
    CHECK(r.contacts[0].name == "王区长");
    REQUIRE(r.milestones.size() == 2);
    CHECK(r.milestones[0] ==
          rectification_milestone{
              .number = 1, .text = "配齐班子", .due = d(2025, 6, 30), .completed_on = d(2025, 6, 20)});
    CHECK(r.commitments == std::vector<rectification_commitment>{{d(2025, 3, 15), "三个月内配齐班子"}});
    REQUIRE(r.evaluations.size() == 1);
    CHECK(r.evaluations[0].total() == 50);
    CHECK(r.evaluations[0].evaluator == rectification_evaluator::masses);
    CHECK(r.reviews ==
          std::vector<rectification_review>{{d(2025, 12, 10), acceptance_result::passed, "区委验收"}});
    CHECK(r.removed_on == d(2025, 12, 20));
    CHECK(rectifications(s) == std::vector<rectification>{r});
    CHECK(rectifications(s, scope::subtree(branch)) == std::vector<rectification>{r});
    CHECK(rectifications(s, scope::subtree(village)).empty());
    CHECK(rectifications(s, scope::all(), 2025).size() == 1);
    CHECK(rectifications(s, scope::all(), 2024).empty());
    CHECK(s.verify_audit().ok);
}

TEST_CASE(
    "区2020年组织工作要点 第12项 [L] rectification.one_open_designation: a refused command leaves the file "
    "unchanged",
    "[rectification][store]") {
    auto const path = test::temp_dir("rectification-refused") / "r.db";
    fixture t(path);
    auto const id = designate_for_rectification(t.s, t.of(t.branch_a, d(2025, 3, 1)));
    auto const before = test::content_of(path);
    auto const audits = test::audit_rows(t.s, "rectification");
    auto unchanged = [&] {
        CHECK(test::content_of(path) == before);
        CHECK(test::audit_rows(t.s, "rectification") == audits);
    };
    CHECK(violated_rule([&] { (void)designate_for_rectification(t.s, t.of(t.branch_a, d(2025, 5, 1))); }) ==
          "rectification.one_open_designation");
    unchanged();
    CHECK(invalid_field([&] {
              (void)designate_for_rectification(t.s, t.of(t.branch_b, d(2025, 5, 1), {}));
          }) == "reasons");
    unchanged();
    CHECK(violated_rule([&] { (void)designate_for_rectification(t.s, t.of(t.branch_b, d(2026, 7, 1))); }) ==
          "record.not_in_future");
    unchanged();
    CHECK_THROWS_AS((void)designate_for_rectification(t.s, t.of(org_id{999}, d(2025, 5, 1))), not_found);
    unchanged();
    // Not before the organisation was established (2005-06-01).
    CHECK(violated_rule([&] { (void)designate_for_rectification(t.s, t.of(t.branch_b, d(2005, 5, 31))); }) ==
          "rectification.org_exists");
    unchanged();
    CHECK(violated_rule([&] {
              add_rectification_milestone(t.s, id, {.text = "配齐班子", .due = d(2025, 3, 1)});
          }) == "rectification.milestone_after_designation");
    unchanged();
    CHECK(invalid_field([&] { complete_rectification_milestone(t.s, id, 1, d(2025, 4, 1)); }) == "milestone");
    unchanged();
    CHECK(violated_rule([&] { remove_from_rectification(t.s, id, d(2025, 12, 1)); }) ==
          "rectification.removal_after_acceptance");
    unchanged();
    CHECK(invalid_field([&] {
              assign_rectification_contact(
                  t.s, id, {rectification_contact_kind::district_leader, "", std::nullopt, d(2025, 3, 2)});
          }) == "name");
    unchanged();
    CHECK(invalid_field([&] {
              record_rectification_evaluation(t.s, id,
                                              {d(2025, 6, 1), rectification_evaluator::members, 0, 0, 0});
          }) == "tallies");
    unchanged();
    CHECK(invalid_field([&] {
              record_rectification_commitment(t.s, id, {d(2025, 2, 1), "承诺"});
          }) == "date");
    unchanged();
    CHECK_THROWS_AS(review_rectification(t.s, rectification_id{99}, {d(2025, 6, 1)}), not_found);
    unchanged();
    // The paired community may not be on the list itself.
    (void)designate_for_rectification(t.s, t.of(t.village, d(2025, 3, 1)));
    CHECK(violated_rule([&] {
              assign_rectification_contact(
                  t.s, id, {rectification_contact_kind::paired_community, "", t.village, d(2025, 3, 2)});
          }) == "rectification.paired_community_eligible");
}

TEST_CASE(
    "区2020年组织工作要点 第12项 [L] rectification.removal_after_acceptance: removal after a passed review "
    "with the milestones complete; then a new designation may follow",
    "[rectification][store]") {
    fixture t;
    auto const id = designate_for_rectification(t.s, t.of(t.branch_a, d(2025, 1, 10)));
    (void)add_rectification_milestone(t.s, id, {.text = "配齐班子", .due = d(2025, 6, 30)});
    review_rectification(t.s, id, {d(2025, 11, 1), acceptance_result::failed, "群众满意率不足"});
    CHECK(violated_rule([&] { remove_from_rectification(t.s, id, d(2025, 11, 2)); }) ==
          "rectification.removal_after_acceptance");
    review_rectification(t.s, id, {d(2025, 12, 1), acceptance_result::passed});
    CHECK(violated_rule([&] { remove_from_rectification(t.s, id, d(2025, 12, 2)); }) ==
          "rectification.removal_after_acceptance");
    complete_rectification_milestone(t.s, id, 1, d(2025, 12, 2));
    remove_from_rectification(t.s, id, d(2025, 12, 2));
    CHECK(invalid_field([&] { remove_from_rectification(t.s, id, d(2025, 12, 3)); }) == "rectification");
    CHECK(invalid_field([&] {
              record_rectification_commitment(t.s, id, {d(2025, 12, 3), "x"});
          }) == "rectification");
    CHECK(violated_rule([&] { (void)designate_for_rectification(t.s, t.of(t.branch_a, d(2025, 12, 1))); }) ==
          "rectification.one_open_designation");
    auto const again = designate_for_rectification(t.s, t.of(t.branch_a, d(2025, 12, 2)));
    CHECK(again != id);
    CHECK(rectifications(t.s).size() == 2);
}

TEST_CASE(
    "区2020年组织工作要点 第12项 [L] rectification.within_max_months: the agenda of the whole store and of "
    "a part of it",
    "[rectification][store][agenda]") {
    fixture t(make_profile("local-rectification", [](rule_set& r) {
        r.rectification.max_months = 6;
        r.rectification.contacts_days = 15;
    }));
    auto const a = designate_for_rectification(t.s, t.of(t.branch_a, d(2025, 8, 31)));
    t.all_contacts(a, d(2025, 9, 1));
    (void)add_rectification_milestone(t.s, a, {.text = "配齐班子", .due = d(2025, 12, 31)});
    (void)designate_for_rectification(t.s, t.of(t.branch_b, d(2026, 1, 5)));
    // 2025-08-31 + 6 months = 2026-02-28 (clamped); contacts of branch_b due 2026-01-20.
    auto const on = d(2026, 2, 28);
    auto const whole = t.s.agenda(on);
    auto const items = test::agenda_items_of(whole, "rectification.");
    std::multiset<std::tuple<std::string, std::int64_t, agenda_status>> seen;
    for (auto const& i : items)
        seen.emplace(i.kind, i.org.value(), i.status);
    CHECK(seen == std::multiset<std::tuple<std::string, std::int64_t, agenda_status>>{
                      {"rectification.overdue", t.branch_a.value(), agenda_status::due},
                      {"rectification.milestone_due", t.branch_a.value(), agenda_status::overdue},
                      {"rectification.contacts_missing", t.branch_b.value(), agenda_status::overdue}});
    for (auto const& i : items) {
        CHECK(agenda_kind(i.kind).has_value());
        CHECK_FALSE(i.message_zh.empty());
    }
    CHECK(test::agenda_items_of(t.s.agenda(d(2026, 3, 1)), "rectification.")[0].status ==
          agenda_status::overdue);
    // Each part of the store has exactly the whole agenda's items of its organisations, in order.
    test::check_scoped_agendas(t.s, on, whole,
                               {t.district_committee, t.street, t.branch_a, t.branch_b, t.village});
    // As of the day before the deadline the designation is not yet overdue.
    std::set<std::string> kinds;
    for (auto const& i : test::agenda_items_of(t.s.agenda(d(2026, 2, 27)), "rectification."))
        kinds.insert(i.kind);
    CHECK(kinds.count("rectification.overdue") == 0);
}

TEST_CASE("rectification store: statistics of a year for a scope", "[rectification][store][statistics]") {
    fixture t;
    auto const a = designate_for_rectification(t.s, t.of(t.branch_a, d(2024, 11, 1)));
    (void)add_rectification_milestone(t.s, a, {.text = "x", .due = d(2025, 2, 1)});
    complete_rectification_milestone(t.s, a, 1, d(2025, 1, 20));
    auto b = t.of(t.village, d(2025, 3, 1),
                  {rectification_reason::secretary_unfit, rectification_reason::public_complaints});
    b.kind = rectification_kind::lagging_community;
    auto const bid = designate_for_rectification(t.s, b);
    review_rectification(t.s, bid, {d(2025, 12, 30), acceptance_result::passed});
    remove_from_rectification(t.s, bid, d(2025, 12, 31));
    auto const all = rectification_statistics_of(t.s, 2025);
    CHECK(all.designated == 1);
    CHECK(all.designated_by_kind[static_cast<std::size_t>(rectification_kind::lagging_community)] == 1);
    CHECK(all.designated_by_reason[static_cast<std::size_t>(rectification_reason::public_complaints)] == 1);
    CHECK(all.removed == 1);
    CHECK(all.open_at_year_end == 1);
    CHECK(all.overdue_at_year_end == 1);
    CHECK(all.milestones_due == 1);
    CHECK(all.milestones_completed_on_time == 1);
    auto const street = rectification_statistics_of(t.s, 2025, scope::subtree(t.street));
    CHECK(street.designated == 0);
    CHECK(street.removed == 0);
    CHECK(street.open_at_year_end == 1);
    CHECK(rectification_statistics_of(t.s, 2024).designated == 1);
    CHECK(invalid_field([&] { (void)rectification_statistics_of(t.s, 0); }) == "year");
}

TEST_CASE(
    "rectification store: designating needs manage_organisations on the organisation; reads need "
    "read_roster",
    "[rectification][store][access]") {
    test::shared_district t("rectification");
    auto committee = t.as(role::party_committee(), t.street, "街道组织委员");
    auto const id = designate_for_rectification(
        committee,
        {.org = t.branch_a, .date = d(2026, 6, 1), .reasons = {rectification_reason::secretary_unfit}});
    auto secretary = t.secretary_of(t.branch_a);
    test::require_denied(
        t.path,
        [&] {
            record_rectification_commitment(secretary, id, {d(2026, 6, 2), "承诺"});
        },
        permission::manage_organisations, t.branch_a.value());
    test::require_denied(
        t.path,
        [&] {
            (void)designate_for_rectification(
                committee,
                {.org = t.village, .date = d(2026, 6, 1), .reasons = {rectification_reason::other}});
        },
        permission::manage_organisations, t.village.value());
    CHECK(get_rectification(secretary, id).org == t.branch_a);
    auto other = t.secretary_of(t.branch_b);
    CHECK(rectifications(other).empty());
    CHECK_THROWS_AS((void)get_rectification(other, id), access_denied);
    CHECK(rectifications(committee).size() == 1);
}

TEST_CASE("rectification store: a store of the previous schema version migrates and takes designations",
          "[rectification][store][migration]") {
    auto const path = test::temp_dir("rectification-migrate") / "r.db";
    org_id branch;
    {
        fixture t(path);
        branch = t.branch_a;
    }
    test::set_schema_back(path, rectification_schema_version,
                          {"rectification_contacts", "rectification_milestones", "rectification_commitments",
                           "rectification_evaluations", "rectification_reviews", "rectifications"});
    auto s = test::open_migrated(path, rectification_schema_version);
    CHECK(rectifications(s).empty());
    (void)designate_for_rectification(
        s, {.org = branch, .date = d(2025, 1, 1), .reasons = {rectification_reason::secretary_unfit}});
    CHECK(rectifications(s).size() == 1);
    // Run again on a current file: nothing fails or is lost.
    test::set_schema_back(path, rectification_schema_version);
    auto again = open_store(path, test::pinned_options());
    CHECK(rectifications(again).size() == 1);
}

}  // namespace rectification_store_test_cases
