// The community store (在职党员进社区): registrations, service and feedback persisted across reopening,
// one transaction and one audit row per command, refused commands leaving the file unchanged, the agenda
// of the whole store and of a part of it, the statistics of a scope, and the migration that adds the
// tables.
#include <catch2/catch.hpp>

#include <set>

#include "dangyuan/storage/community_store.hpp"
#include "org_work_support.hpp"
#include "test_support.hpp"

namespace community_store_test_cases {

using namespace dangyuan;
using test::d;
using test::invalid_field;
using test::violated_rule;

namespace {

// The small district with two members of the office branch (机关第二党支部) who live in the first
// community (第一社区党支部), and one member of that community's own branch.
struct fixture : test::district_fixture {
    using district_fixture::district_fixture;

    member_id zhang = s.add_member(test::full_member(branch_b, "张伟", d(2010, 7, 1), 1));
    member_id li = s.add_member(test::full_member(branch_b, "李娜", d(2012, 7, 1), 2, sex::female));
    member_id own = s.add_member(test::full_member(branch_a, "王强", d(2011, 7, 1), 3));
};

community_service service(member_id m, date::sys_days on, int tenths, std::string activity = "小区环境整治") {
    return {.member = m, .date = on, .activity = std::move(activity), .tenths = tenths};
}

community_feedback_record feedback(member_id m, org_id community, int year, community_rating r,
                                   date::sys_days on, std::string correction = {}) {
    return {.member = m,
            .community = community,
            .year = year,
            .rating = r,
            .given_on = on,
            .note = "积极参加社区活动",
            .correction_reason = std::move(correction)};
}

}  // namespace

TEST_CASE("community store: registrations, service and feedback are read back after reopening the file",
          "[community][store]") {
    auto const path = test::temp_dir("community-reopen") / "c.db";
    registration_id first;
    member_id zhang;
    org_id community, branch;
    {
        fixture t(path);
        zhang = t.zhang;
        community = t.branch_a;
        branch = t.branch_b;
        first = register_with_community(t.s, t.zhang, t.branch_a, d(2025, 3, 1), "居住在幸福小区", "报到");
        CHECK(record_community_service(t.s, service(t.zhang, d(2025, 3, 1), 25), "活动记录") > 0);
        (void)record_community_service(t.s, service(t.zhang, d(2025, 5, 4), 30, "政策宣传"));
        give_community_feedback(t.s,
                                feedback(t.zhang, t.branch_a, 2025, community_rating::good, d(2025, 12, 20)));
        leave_community(t.s, first, d(2026, 2, 1), "搬离");
        CHECK(test::audit_rows(t.s, "community") == 5);
        auto const log = t.s.audit_log();
        CHECK(log.back().action == "left");
        CHECK(log.back().why == "搬离");
    }
    auto s = open_store(path, test::pinned_options());
    auto const regs = community_registrations_of(s, zhang);
    REQUIRE(regs.size() == 1);
    CHECK(regs[0] == community_registration{.id = first,
                                            .member = zhang,
                                            .community = community,
                                            .registered_on = d(2025, 3, 1),
                                            .left_on = d(2026, 2, 1),
                                            .note = "居住在幸福小区"});
    CHECK(get_registration(s, first) == regs[0]);
    CHECK(community_registrations(s) == regs);
    CHECK(community_registrations(s, scope::subtree(community)) == regs);
    auto const services = community_services(s, zhang, 2025);
    REQUIRE(services.size() == 2);
    CHECK(services[0] == community_service{.member = zhang,
                                           .date = d(2025, 3, 1),
                                           .activity = "小区环境整治",
                                           .tenths = 25,
                                           .registration = first,
                                           .community = community});
    CHECK(services[1].activity == "政策宣传");
    CHECK(community_services(s, zhang, 2024).empty());
    auto const f = community_feedback(s, zhang, 2025);
    REQUIRE(f.has_value());
    CHECK(f->rating == community_rating::good);
    CHECK(f->branch == branch);
    CHECK(f->note == "积极参加社区活动");
    CHECK_FALSE(community_feedback(s, zhang, 2024).has_value());
    CHECK(s.verify_audit().ok);
}

TEST_CASE(
    "区2020年组织工作要点 第13项 [L] community.one_open_registration: a refused command leaves the file "
    "byte-for-byte unchanged",
    "[community][store]") {
    auto const path = test::temp_dir("community-bytes") / "c.db";
    fixture t(path);
    auto const r = register_with_community(t.s, t.zhang, t.branch_a, d(2025, 3, 1));
    (void)record_community_service(t.s, service(t.zhang, d(2025, 4, 1), 20));
    give_community_feedback(
        t.s, feedback(t.zhang, t.branch_a, 2025, community_rating::fairly_good, d(2025, 12, 1)));
    test::store_snapshot const before(path, t.s);
    CHECK(violated_rule([&] { (void)register_with_community(t.s, t.zhang, t.village, d(2025, 6, 1)); }) ==
          "community.one_open_registration");
    CHECK(violated_rule([&] { (void)register_with_community(t.s, t.own, t.branch_a, d(2025, 6, 1)); }) ==
          "community.registration_org");
    CHECK(violated_rule([&] { (void)register_with_community(t.s, t.li, t.branch_b, d(2025, 6, 1)); }) ==
          "community.registration_org");
    CHECK(violated_rule([&] { (void)register_with_community(t.s, t.li, t.branch_a, d(2026, 7, 1)); }) ==
          "record.not_in_future");
    CHECK(violated_rule([&] { leave_community(t.s, r, d(2025, 3, 1)); }) ==
          "community.leave_after_registration");
    CHECK(violated_rule([&] { (void)record_community_service(t.s, service(t.zhang, d(2025, 2, 28), 20)); }) ==
          "community.service_within_registration");
    CHECK(violated_rule([&] { (void)record_community_service(t.s, service(t.li, d(2025, 4, 1), 20)); }) ==
          "community.service_within_registration");
    CHECK(invalid_field([&] { (void)record_community_service(t.s, service(t.zhang, d(2025, 4, 1), 0)); }) ==
          "hours");
    CHECK(violated_rule([&] {
              give_community_feedback(
                  t.s, feedback(t.zhang, t.branch_a, 2025, community_rating::good, d(2025, 12, 2)));
          }) == "community.feedback_once_yearly");
    CHECK(violated_rule([&] {
              give_community_feedback(
                  t.s, feedback(t.li, t.branch_a, 2025, community_rating::good, d(2025, 12, 2)));
          }) == "community.feedback_registered");
    CHECK_THROWS_AS(register_with_community(t.s, member_id{99}, t.branch_a, d(2025, 6, 1)), not_found);
    CHECK_THROWS_AS(leave_community(t.s, registration_id{99}, d(2025, 6, 1)), not_found);
    before.check_unchanged();
}

TEST_CASE(
    "区2020年组织工作要点 第13项 [L] community.member_in_good_standing: a suspended member does not "
    "register; after the first "
    "registration ends, a new one begins the day after",
    "[community][store]") {
    fixture t;
    t.s.record_standing(t.li, {standing_event_kind::suspended, d(2025, 1, 10), "失联超过6个月", "支部大会"});
    CHECK(violated_rule([&] { (void)register_with_community(t.s, t.li, t.branch_a, d(2025, 3, 1)); }) ==
          "community.member_in_good_standing");
    auto const r = register_with_community(t.s, t.zhang, t.branch_a, d(2025, 3, 1));
    leave_community(t.s, r, d(2025, 9, 30));
    CHECK(invalid_field([&] { leave_community(t.s, r, d(2025, 10, 30)); }) == "registration");
    CHECK(violated_rule([&] { (void)register_with_community(t.s, t.zhang, t.village, d(2025, 9, 30)); }) ==
          "community.one_open_registration");
    auto const second = register_with_community(t.s, t.zhang, t.village, d(2025, 10, 1));
    // Service on the last day of the first registration counts under it, the next day under the second.
    CHECK(record_community_service(t.s, service(t.zhang, d(2025, 9, 30), 10)) > 0);
    (void)record_community_service(t.s, service(t.zhang, d(2025, 10, 1), 10));
    auto const services = community_services(t.s, t.zhang);
    REQUIRE(services.size() == 2);
    CHECK(services[0].registration == r);
    CHECK(services[0].community == t.branch_a);
    CHECK(services[1].registration == second);
    CHECK(services[1].community == t.village);
}

TEST_CASE(
    "区2020年组织工作要点 第13项 [L] community.feedback_once_yearly: a correction by the same community "
    "replaces the feedback "
    "the evaluation reads",
    "[community][store]") {
    fixture t;
    (void)register_with_community(t.s, t.zhang, t.branch_a, d(2025, 3, 1));
    give_community_feedback(t.s,
                            feedback(t.zhang, t.branch_a, 2025, community_rating::average, d(2025, 12, 20)));
    give_community_feedback(
        t.s, feedback(t.zhang, t.branch_a, 2025, community_rating::good, d(2025, 12, 22), "评价等次录入有误"),
        "更正");
    auto const f = community_feedback(t.s, t.zhang, 2025);
    REQUIRE(f.has_value());
    CHECK(f->rating == community_rating::good);
    CHECK(f->correction_reason == "评价等次录入有误");
    CHECK(community_feedback_history(t.s, t.zhang).size() == 2);
    CHECK(t.s.audit_log().back().action == "feedback_corrected");
    auto const stats = community_statistics_of(t.s, 2025);
    CHECK(stats.members_with_feedback == 1);
    CHECK(stats.feedback_by_rating == std::array<int, 4>{1, 0, 0, 0});
}

TEST_CASE(
    "community statistics: registered members, members with service, hours and feedback of a scope and year",
    "[community][store]") {
    fixture t;
    auto const a = register_with_community(t.s, t.zhang, t.branch_a, d(2024, 5, 1));
    (void)register_with_community(t.s, t.li, t.village, d(2025, 2, 1));
    (void)record_community_service(t.s, service(t.zhang, d(2024, 6, 1), 40));
    (void)record_community_service(t.s, service(t.zhang, d(2025, 6, 1), 25));
    (void)record_community_service(t.s, service(t.zhang, d(2025, 7, 1), 15));
    (void)record_community_service(t.s, service(t.li, d(2025, 7, 1), 30));
    give_community_feedback(t.s,
                            feedback(t.zhang, t.branch_a, 2025, community_rating::good, d(2025, 12, 20)));
    give_community_feedback(t.s, feedback(t.li, t.village, 2025, community_rating::poor, d(2025, 12, 20)));
    leave_community(t.s, a, d(2025, 12, 31));
    auto const all = community_statistics_of(t.s, 2025);
    CHECK(all == community_statistics{.year = 2025,
                                      .registered_members = 2,
                                      .members_with_service = 2,
                                      .service_tenths = 70,
                                      .members_with_feedback = 2,
                                      .feedback_by_rating = {1, 0, 0, 1}});
    auto const street = community_statistics_of(t.s, 2025, scope::subtree(t.street));
    CHECK(street == community_statistics{.year = 2025,
                                         .registered_members = 1,
                                         .members_with_service = 1,
                                         .service_tenths = 40,
                                         .members_with_feedback = 1,
                                         .feedback_by_rating = {1, 0, 0, 0}});
    auto const earlier = community_statistics_of(t.s, 2024);
    CHECK(earlier.registered_members == 1);
    CHECK(earlier.service_tenths == 40);
    CHECK(earlier.members_with_feedback == 0);
    // Registration ended on 2025-12-31: not registered in 2026.
    CHECK(community_statistics_of(t.s, 2026).registered_members == 1);
}

TEST_CASE(
    "区2020年组织工作要点 第13项 [L] community.feedback_yearly: the agenda of the whole store and of a part "
    "of it",
    "[community][store][agenda]") {
    fixture t(make_profile("local-community", [](rule_set& r) { r.community.min_service_hours_yearly = 4; }));
    (void)register_with_community(t.s, t.zhang, t.branch_a, d(2025, 3, 1));
    (void)register_with_community(t.s, t.li, t.village, d(2025, 4, 1));
    (void)record_community_service(t.s, service(t.li, d(2025, 5, 1), 40));
    auto const on = d(2025, 12, 31);
    auto const whole = t.s.agenda(on);
    auto const items = test::agenda_items_of(whole, "community.");
    // Feedback due from both communities; 张伟's service short (0 of 4 hours) for his branch; 李娜 served 4.
    CHECK(test::kinds_and_orgs(items) == std::multiset<std::pair<std::string, std::int64_t>>{
                                             {"community.feedback_due", t.branch_a.value()},
                                             {"community.feedback_due", t.village.value()},
                                             {"community.service_short", t.branch_b.value()}});
    for (auto const& i : items) {
        CHECK(i.status == agenda_status::due);
        CHECK(agenda_kind(i.kind).has_value());
        CHECK_FALSE(i.message_zh.empty());
    }
    // Each part of the store has exactly the whole agenda's items of its organisations, in order.
    test::check_scoped_agendas(t.s, on, whole,
                               {t.district_committee, t.street, t.branch_a, t.branch_b, t.village});
    // The feedback given and the hours served take the items off.
    give_community_feedback(t.s,
                            feedback(t.zhang, t.branch_a, 2025, community_rating::good, d(2025, 12, 30)));
    give_community_feedback(t.s, feedback(t.li, t.village, 2025, community_rating::good, d(2025, 12, 30)));
    (void)record_community_service(t.s, service(t.zhang, d(2025, 12, 31), 40));
    CHECK(test::agenda_items_of(t.s.agenda(on), "community.").empty());
    // As of a date before the feedback, it is still missing.
    CHECK(test::agenda_items_of(t.s.agenda(d(2025, 12, 29)), "community.").size() == 3);
}

TEST_CASE(
    "community store: a moved member's feedback item goes to the latest community of the year in every "
    "scope",
    "[community][store][agenda]") {
    fixture t;
    auto const first = register_with_community(t.s, t.zhang, t.branch_a, d(2025, 3, 1));
    leave_community(t.s, first, d(2025, 6, 30));
    (void)register_with_community(t.s, t.zhang, t.village, d(2025, 7, 1));
    auto const on = d(2026, 1, 5);
    auto const items = test::agenda_items_of(t.s.agenda(on), "community.");
    REQUIRE(items.size() == 1);
    CHECK(items[0].org == t.village);
    CHECK(items[0].status == agenda_status::overdue);
    CHECK(test::agenda_items_of(t.s.agenda(on, scope::subtree(t.street)), "community.").empty());
    CHECK(test::agenda_items_of(t.s.agenda(on, scope::subtree(t.village)), "community.") == items);
}

TEST_CASE("community store: the migration to the community schema on a store of the previous version",
          "[community][store][migration]") {
    auto const path = test::temp_dir("community-migrate") / "c.db";
    member_id zhang;
    org_id community;
    {
        fixture t(path);
        zhang = t.zhang;
        community = t.branch_a;
    }
    // The store as the previous version wrote it: no community tables.
    test::set_schema_back(path, community_schema_version,
                          {"community_feedback", "community_service", "community_registrations"});
    {
        auto s = test::open_migrated(path, community_schema_version);
        CHECK(community_registrations(s).empty());
        (void)register_with_community(s, zhang, community, d(2025, 3, 1));
        CHECK(community_registrations(s).size() == 1);
        CHECK(s.verify_audit().ok);
    }
    // Migrating again over the tables that exist (a version number set back) keeps them.
    test::set_schema_back(path, community_schema_version);
    auto again = open_store(path, test::pinned_options());
    CHECK(community_registrations(again).size() == 1);
}

}  // namespace community_store_test_cases
