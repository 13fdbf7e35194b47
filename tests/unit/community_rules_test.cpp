// In-service members in the community (在职党员进社区): the pure rules of registration, service and
// feedback, and the agenda of one member, written from the wording of the rules (first and last day of
// a registration, the feedback deadline day). Every rule is local practice [L].
#include <catch2/catch.hpp>

#include "dangyuan/community/community_agenda.hpp"
#include "dangyuan/rules/profile.hpp"
#include "test_support.hpp"

namespace community_rules_test_cases {

using namespace dangyuan;
using test::d;
using test::invalid_field;
using test::violated_rule;

namespace {

org_unit community_org() {
    return {.id = org_id{10},
            .name = "第一社区党支部",
            .kind = org_kind::branch,
            .established = d(2001, 3, 1),
            .village_or_community = true};
}

member employee() {
    auto m = test::full_member(org_id{20}, "张伟", d(2010, 7, 1));
    m.id = member_id{1};
    return m;
}

std::optional<standing> normal() {
    return standing{};
}

community_registration reg(std::int64_t id, date::sys_days from, std::optional<date::sys_days> to = {},
                           org_id community = org_id{10}) {
    return {.id = registration_id{id},
            .member = member_id{1},
            .community = community,
            .registered_on = from,
            .left_on = to};
}

community_service service(date::sys_days on, int tenths = 20) {
    return {.member = member_id{1}, .date = on, .activity = "小区环境整治", .tenths = tenths};
}

community_feedback_record feedback(int year, date::sys_days on, std::string correction = {},
                                   org_id community = org_id{10}) {
    return {.member = member_id{1},
            .community = community,
            .year = year,
            .rating = community_rating::good,
            .given_on = on,
            .correction_reason = std::move(correction)};
}

rule_set with_hours(int hours) {
    return make_profile("local-hours", [&](rule_set& r) { r.community.min_service_hours_yearly = hours; });
}

}  // namespace

TEST_CASE(
    "区2020年组织工作要点 第13项 [L] community.member_in_good_standing: a suspended member or a person not "
    "yet admitted does "
    "not register",
    "[community][rules]") {
    auto const m = employee();
    std::vector<community_registration> none;
    CHECK_NOTHROW(check_registration(m, normal(), community_org(), d(2025, 3, 1), none));
    CHECK(violated_rule([&] { check_registration(m, std::nullopt, community_org(), d(2025, 3, 1), none); }) ==
          "community.member_in_good_standing");
    standing suspended{.state = standing_state::suspended};
    CHECK(violated_rule([&] { check_registration(m, suspended, community_org(), d(2025, 3, 1), none); }) ==
          "community.member_in_good_standing");
    standing exited{.state = standing_state::exited};
    CHECK(violated_rule([&] { check_registration(m, exited, community_org(), d(2025, 3, 1), none); }) ==
          "community.member_in_good_standing");
}

TEST_CASE(
    "区2020年组织工作要点 第13项 [L] community.registration_org: only a village or community organisation, "
    "never the member's "
    "own branch",
    "[community][rules]") {
    auto m = employee();
    std::vector<community_registration> none;
    auto office = community_org();
    office.village_or_community = false;
    CHECK(violated_rule([&] { check_registration(m, normal(), office, d(2025, 3, 1), none); }) ==
          "community.registration_org");
    m.branch = org_id{10};
    CHECK(violated_rule([&] { check_registration(m, normal(), community_org(), d(2025, 3, 1), none); }) ==
          "community.registration_org");
    // An organisation that does not exist yet on the date.
    CHECK(invalid_field([&] {
              check_registration(employee(), normal(), community_org(), d(2000, 3, 1), none);
          }) == "community");
}

TEST_CASE(
    "区2020年组织工作要点 第13项 [L] community.one_open_registration: a second registration waits until the "
    "first has ended "
    "the day before",
    "[community][rules]") {
    auto const m = employee();
    std::vector<community_registration> open{reg(1, d(2024, 3, 1))};
    CHECK(violated_rule([&] { check_registration(m, normal(), community_org(), d(2025, 3, 1), open); }) ==
          "community.one_open_registration");
    std::vector<community_registration> ended{reg(1, d(2024, 3, 1), d(2025, 2, 28))};
    // Ending on 2025-02-28 is the registration's last day: a new one on that day overlaps it, the day after
    // does not.
    CHECK(violated_rule([&] { check_registration(m, normal(), community_org(), d(2025, 2, 28), ended); }) ==
          "community.one_open_registration");
    CHECK_NOTHROW(check_registration(m, normal(), community_org(), d(2025, 3, 1), ended));
}

TEST_CASE(
    "区2020年组织工作要点 第13项 [L] community.leave_after_registration: a registration ends on a later day, "
    "once",
    "[community][rules]") {
    auto const r = reg(1, d(2025, 3, 1));
    CHECK(violated_rule([&] { check_leaving(r, d(2025, 3, 1)); }) == "community.leave_after_registration");
    CHECK(violated_rule([&] { check_leaving(r, d(2025, 2, 1)); }) == "community.leave_after_registration");
    CHECK_NOTHROW(check_leaving(r, d(2025, 3, 2)));
    CHECK(invalid_field([&] { check_leaving(reg(1, d(2025, 3, 1), d(2025, 6, 1)), d(2025, 7, 1)); }) ==
          "registration");
}

TEST_CASE(
    "区2020年组织工作要点 第13项 [L] community.service_within_registration: service on the registration's "
    "first and last day "
    "counts, the day before and the day after do not",
    "[community][rules]") {
    std::vector<community_registration> regs{reg(1, d(2025, 3, 1), d(2025, 9, 30))};
    CHECK(violated_rule([&] { (void)check_service(regs, service(d(2025, 2, 28))); }) ==
          "community.service_within_registration");
    CHECK(check_service(regs, service(d(2025, 3, 1))).id == registration_id{1});
    CHECK(check_service(regs, service(d(2025, 9, 30))).id == registration_id{1});
    CHECK(violated_rule([&] { (void)check_service(regs, service(d(2025, 10, 1))); }) ==
          "community.service_within_registration");
    // The registration a service counts under is the one covering its date.
    regs.push_back(reg(2, d(2025, 10, 8), std::nullopt, org_id{11}));
    CHECK(check_service(regs, service(d(2026, 1, 5))).community == org_id{11});
}

TEST_CASE("community service: hours between a tenth and 24, an activity named", "[community][rules]") {
    std::vector<community_registration> regs{reg(1, d(2025, 3, 1))};
    CHECK(invalid_field([&] { (void)check_service(regs, service(d(2025, 4, 1), 0)); }) == "hours");
    CHECK(invalid_field([&] { (void)check_service(regs, service(d(2025, 4, 1), -5)); }) == "hours");
    CHECK(invalid_field([&] { (void)check_service(regs, service(d(2025, 4, 1), 241)); }) == "hours");
    CHECK_NOTHROW((void)check_service(regs, service(d(2025, 4, 1), 1)));
    CHECK_NOTHROW((void)check_service(regs, service(d(2025, 4, 1), 240)));
    auto nothing = service(d(2025, 4, 1));
    nothing.activity.clear();
    CHECK(invalid_field([&] { (void)check_service(regs, nothing); }) == "activity");
    CHECK(hours_text(25) == "2.5");
    CHECK(hours_text(30) == "3");
    CHECK(hours_text(-5) == "-0.5");
}

TEST_CASE(
    "区2020年组织工作要点 第13项 [L] community.feedback_registered: feedback for a year on a member "
    "registered with that "
    "community during it",
    "[community][rules]") {
    std::vector<community_registration> regs{reg(1, d(2025, 3, 1), d(2025, 12, 31))};
    std::vector<community_feedback_record> none;
    CHECK_NOTHROW(check_feedback(regs, none, feedback(2025, d(2025, 12, 20))));
    CHECK_NOTHROW(check_feedback(regs, none, feedback(2025, d(2026, 1, 10))));  // given after the year
    // Not registered during 2026 (ended on 2025-12-31), nor with another community.
    CHECK(violated_rule([&] { check_feedback(regs, none, feedback(2026, d(2026, 1, 10))); }) ==
          "community.feedback_registered");
    CHECK(violated_rule([&] {
              check_feedback(regs, none, feedback(2025, d(2025, 12, 20), {}, org_id{11}));
          }) == "community.feedback_registered");
    // Not before the registration began.
    CHECK(violated_rule([&] { check_feedback(regs, none, feedback(2025, d(2025, 2, 28))); }) ==
          "community.feedback_registered");
    CHECK(invalid_field([&] { check_feedback(regs, none, feedback(2026, d(2025, 12, 20))); }) == "year");
    CHECK(invalid_field([&] { check_feedback(regs, none, feedback(2025, d(2025, 12, 20), "更正")); }) ==
          "correction_reason");
}

TEST_CASE(
    "区2020年组织工作要点 第13项 [L] community.feedback_once_yearly: a second feedback for the year only as "
    "a correction by the "
    "same community",
    "[community][rules]") {
    std::vector<community_registration> regs{reg(1, d(2025, 3, 1))};
    std::vector<community_feedback_record> given{feedback(2025, d(2025, 12, 20))};
    CHECK(violated_rule([&] { check_feedback(regs, given, feedback(2025, d(2025, 12, 22))); }) ==
          "community.feedback_once_yearly");
    CHECK_NOTHROW(check_feedback(regs, given, feedback(2025, d(2025, 12, 22), "评价等次录入有误")));
    CHECK_NOTHROW(check_feedback(regs, given, feedback(2025, d(2025, 12, 20), "评价等次录入有误")));
    CHECK(violated_rule([&] { check_feedback(regs, given, feedback(2025, d(2025, 12, 19), "更正")); }) ==
          "community.feedback_once_yearly");
    regs.push_back(reg(2, d(2024, 1, 1), d(2025, 2, 1), org_id{11}));
    CHECK(violated_rule([&] {
              check_feedback(regs, given, feedback(2025, d(2025, 12, 22), "更正", org_id{11}));
          }) == "community.feedback_once_yearly");
}

TEST_CASE("community rating: code, Chinese name", "[community][rules]") {
    CHECK(parse_enum<community_rating>("好") == community_rating::good);
    CHECK(parse_enum<community_rating>("较好") == community_rating::fairly_good);
    CHECK(parse_enum<community_rating>("一般") == community_rating::average);
    CHECK(parse_enum<community_rating>("差") == community_rating::poor);
    CHECK(parse_enum<community_rating>("fairly_good") == community_rating::fairly_good);
    CHECK_FALSE(parse_enum<community_rating>("优秀").has_value());
    CHECK(to_string(community_rating::poor) == "poor");
}

TEST_CASE(
    "区2020年组织工作要点 第13项 [L] community.feedback_yearly: due on the last day of the profile's month, "
    "upcoming a month "
    "before, overdue the day after",
    "[community][rules][agenda]") {
    auto const rules = rule_set::national_2014();
    REQUIRE(rules.community.feedback_by_month == 12);
    community_member_facts f{.member = member_id{1},
                             .name = "张伟",
                             .branch = org_id{20},
                             .registrations = {reg(1, d(2025, 3, 1))}};
    CHECK(community_feedback_deadline(2025, rules) == d(2025, 12, 31));
    CHECK(community_agenda(f, d(2025, 11, 29), rules).empty());
    auto items = community_agenda(f, d(2025, 11, 30), rules);
    REQUIRE(items.size() == 1);
    CHECK(items[0].kind == "community.feedback_due");
    CHECK(items[0].rule_id == "community.feedback_yearly");
    CHECK(items[0].org == org_id{10});
    CHECK(items[0].member == member_id{1});
    CHECK(items[0].status == agenda_status::upcoming);
    CHECK(items[0].due == d(2025, 12, 31));
    CHECK(community_agenda(f, d(2025, 12, 31), rules)[0].status == agenda_status::due);
    items = community_agenda(f, d(2026, 1, 1), rules);
    REQUIRE(items.size() == 1);
    CHECK(items[0].status == agenda_status::overdue);
    CHECK(items[0].due == d(2025, 12, 31));
    CHECK(community_agenda(f, d(2026, 12, 31), rules).size() == 2);  // 2025 overdue, 2026 due
    CHECK(community_agenda(f, d(2027, 1, 1), rules).size() == 1);    // 2025 no longer judged
    f.previous.feedback_given = true;
    CHECK(community_agenda(f, d(2026, 1, 1), rules).empty());
    // A profile's earlier month: 30 November; no deadline (0) shows nothing.
    auto const november = make_profile("local-nov", [](rule_set& r) { r.community.feedback_by_month = 11; });
    CHECK(community_feedback_deadline(2025, november) == d(2025, 11, 30));
    f.previous.feedback_given = false;
    CHECK(community_agenda(f, d(2025, 11, 30), november)[0].status == agenda_status::due);
    auto off = rules;
    off.community.feedback_by_month = 0;
    CHECK(community_agenda(f, d(2026, 1, 1), off).empty());
    // A registration that began after the deadline is judged the next year.
    community_member_facts late{.member = member_id{1},
                                .name = "张伟",
                                .branch = org_id{20},
                                .registrations = {reg(1, d(2025, 12, 1))}};
    CHECK(community_agenda(late, d(2025, 12, 5), november).empty());
}

TEST_CASE(
    "区2020年组织工作要点 第13项 [L] community.service_yearly: fewer hours than the profile's minimum in the "
    "year is an item "
    "for "
    "the member's branch",
    "[community][rules][agenda]") {
    community_member_facts f{.member = member_id{1},
                             .name = "张伟",
                             .branch = org_id{20},
                             .registrations = {reg(1, d(2025, 3, 1))}};
    f.current.feedback_given = true;
    f.previous.feedback_given = true;
    // The national set has no minimum: nothing.
    CHECK(community_agenda(f, d(2025, 12, 31), rule_set::national_2014()).empty());
    auto const rules = with_hours(8);
    f.current.service_tenths = 79;
    CHECK(community_agenda(f, d(2025, 11, 29), rules).empty());
    auto items = community_agenda(f, d(2025, 11, 30), rules);
    REQUIRE(items.size() == 1);
    CHECK(items[0].kind == "community.service_short");
    CHECK(items[0].rule_id == "community.service_yearly");
    CHECK(items[0].org == org_id{20});
    CHECK(items[0].due == d(2025, 12, 31));
    CHECK(items[0].status == agenda_status::upcoming);
    CHECK(items[0].message.find("7.9 of 8 hours") != std::string::npos);
    CHECK(community_agenda(f, d(2025, 12, 31), rules)[0].status == agenda_status::due);
    // Exactly the minimum is enough.
    f.current.service_tenths = 80;
    CHECK(community_agenda(f, d(2025, 12, 31), rules).empty());
    // The year before: overdue through the next year.
    f.previous = {.service_tenths = 0, .feedback_given = true};
    f.current = {.service_tenths = 0, .feedback_given = true};
    f.registrations = {reg(1, d(2024, 3, 1))};
    items = community_agenda(f, d(2025, 6, 1), rules);
    REQUIRE(items.size() == 1);
    CHECK(items[0].due == d(2024, 12, 31));
    CHECK(items[0].status == agenda_status::overdue);
    // Not registered on the year's last day: not judged.
    f.registrations = {reg(1, d(2024, 3, 1), d(2024, 12, 30))};
    CHECK(community_agenda(f, d(2025, 6, 1), rules).empty());
    f.registrations = {reg(1, d(2024, 3, 1), d(2024, 12, 31))};
    CHECK(community_agenda(f, d(2025, 6, 1), rules).size() == 1);
    // An end recorded after the agenda's date is not seen yet.
    f.registrations = {reg(1, d(2025, 3, 1), d(2025, 12, 20))};
    CHECK(community_agenda(f, d(2025, 12, 10), rules).size() == 1);
    CHECK(community_agenda(f, d(2025, 12, 31), rules).empty());
}

}  // namespace community_rules_test_cases
