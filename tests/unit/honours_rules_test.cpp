// Boundary cases written from the wording of the local rules of model posts and commendations
// (党员示范岗, 两优一先; all [L]): "a designation is reviewed within N months" (the day N months later,
// month end clamped, is the last day; later is overdue), "a full member in normal standing on the date"
// (the day the member becomes full counts, the day of an exit does not), "an organisation existing on the
// date" (the day of the dissolution does not count).
#include <catch2/catch.hpp>

#include <vector>

#include "dangyuan/honours/commendation.hpp"
#include "dangyuan/honours/honours_agenda.hpp"
#include "dangyuan/honours/honours_statistics.hpp"
#include "dangyuan/honours/model_post.hpp"
#include "dangyuan/rules/profile.hpp"
#include "test_support.hpp"

namespace honours_rules_test_cases {

using namespace dangyuan;
using test::d;
using test::invalid_field;
using test::violated_rule;

namespace {

org_id const own_branch{3}, above_branch{2}, top_committee{1}, elsewhere{9};
std::vector<org_id> const chain{own_branch, above_branch, top_committee};

// A member admitted on 2024-07-01, full from 2025-07-01.
member someone() {
    member m;
    m.id = member_id{5};
    m.name = "李红";
    m.branch = own_branch;
    m.admission_date = d(2024, 7, 1);
    m.joined_branch = d(2024, 7, 1);
    m.full_member_date = d(2025, 7, 1);
    return m;
}

standing normal() {
    return standing{};
}

model_post post(date::sys_days on, org_id by = above_branch) {
    model_post p;
    p.id = model_post_id{1};
    p.member = member_id{5};
    p.member_name = "李红";
    p.branch = own_branch;
    p.awarded_by = by;
    p.awarded_by_name = "城关街道党工委";
    p.designated_on = on;
    p.title = "便民服务窗口";
    return p;
}

rule_set review_every(int months) {
    auto r = rule_set::national_2014();
    r.honours.model_post_review_months = months;
    return r;
}

std::optional<agenda_status> status_on(model_post const& p, date::sys_days on, rule_set const& rules) {
    auto const item = model_post_agenda(p, on, rules);
    if (!item) return std::nullopt;
    CHECK(item->kind == "honours.post_review_due");
    CHECK(item->rule_id == "honours.post_review_due");
    return item->status;
}

commendation member_commendation(date::sys_days on) {
    return {.kind = commendation_kind::outstanding_member,
            .level = commendation_level::district,
            .date = on,
            .awarded_by = "中共示范区委",
            .member = member_id{5}};
}

}  // namespace

TEST_CASE(
    "区2020年组织工作要点 第14项 [L] honours.post_review_due: the review is due exactly N months after the "
    "designation",
    "[honours][rules]") {
    auto const rules = rule_set::national_2014();
    REQUIRE(rules.honours.model_post_review_months == 12);
    auto const p = post(d(2024, 3, 15));
    CHECK(post_review_due(p, rules, d(2024, 4, 1)) == d(2025, 3, 15));
    CHECK_FALSE(status_on(p, d(2025, 3, 14), rules).has_value());
    CHECK(status_on(p, d(2025, 3, 15), rules) == agenda_status::due);
    CHECK(status_on(p, d(2025, 3, 16), rules) == agenda_status::overdue);
    auto const item = *model_post_agenda(p, d(2025, 3, 15), rules);
    CHECK(item.org == own_branch);
    CHECK(item.member == member_id{5});
    CHECK(item.due == d(2025, 3, 15));
    CHECK(item.message_zh.find("2025-03-15") != std::string::npos);
}

TEST_CASE(
    "区2020年组织工作要点 第14项 [L] honours.post_review_due: the month arithmetic clamps to the month's end",
    "[honours][rules]") {
    // 31 January + 1 month is the last day of February; 29 February + 12 months is 28 February.
    CHECK(post_review_due(post(d(2024, 1, 31)), review_every(1), d(2024, 2, 1)) == d(2024, 2, 29));
    CHECK(post_review_due(post(d(2023, 1, 31)), review_every(1), d(2023, 2, 1)) == d(2023, 2, 28));
    CHECK(post_review_due(post(d(2024, 2, 29)), review_every(12), d(2024, 3, 1)) == d(2025, 2, 28));
    CHECK(post_review_due(post(d(2023, 8, 31)), review_every(6), d(2023, 9, 1)) == d(2024, 2, 29));
    auto const p = post(d(2023, 8, 31));
    CHECK_FALSE(status_on(p, d(2024, 2, 28), review_every(6)).has_value());
    CHECK(status_on(p, d(2024, 2, 29), review_every(6)) == agenda_status::due);
    CHECK(status_on(p, d(2024, 3, 1), review_every(6)) == agenda_status::overdue);
}

TEST_CASE(
    "区2020年组织工作要点 第14项 [L] honours.post_review_due: a review renews the designation; 0 months "
    "means no review",
    "[honours][rules]") {
    auto const rules = rule_set::national_2014();
    auto p = post(d(2024, 3, 15));
    check_review(p, {d(2025, 3, 20), "复评合格"});
    p.reviews.push_back({d(2025, 3, 20), "复评合格"});
    CHECK(post_review_due(p, rules, d(2025, 3, 20)) == d(2026, 3, 20));
    CHECK_FALSE(status_on(p, d(2025, 3, 20), rules).has_value());
    // As of a date before the review, the review is not seen: still overdue then.
    CHECK(status_on(p, d(2025, 3, 19), rules) == agenda_status::overdue);
    CHECK(status_on(p, d(2026, 3, 20), rules) == agenda_status::due);
    // Without a review rule nothing is due, unless the designation set its own review date.
    CHECK_FALSE(post_review_due(post(d(2024, 3, 15)), review_every(0), d(2030, 1, 1)).has_value());
    CHECK_FALSE(model_post_agenda(post(d(2024, 3, 15)), d(2030, 1, 1), review_every(0)).has_value());
    auto own = post(d(2024, 3, 15));
    own.review_by = d(2024, 9, 30);
    CHECK(post_review_due(own, review_every(0), d(2024, 4, 1)) == d(2024, 9, 30));
    CHECK(post_review_due(own, rules, d(2024, 4, 1)) == d(2024, 9, 30));
    // A review before the last record is refused.
    CHECK(invalid_field([&] { check_review(p, {d(2025, 3, 19), ""}); }) == "date");
}

TEST_CASE(
    "区2020年组织工作要点 第14项 [L] honours.post_review_due: an own review date is at most N months after "
    "the designation",
    "[honours][rules]") {
    auto const m = someone();
    auto const rules = rule_set::national_2014();
    auto p = post(d(2025, 8, 31));
    p.review_by = d(2026, 8, 31);  // exactly 12 months: allowed
    CHECK_NOTHROW(check_designation(p, m, normal(), chain, rules));
    p.review_by = d(2026, 9, 1);
    CHECK(violated_rule([&] { check_designation(p, m, normal(), chain, rules); }) ==
          "honours.post_review_due");
    p.review_by = d(2026, 2, 28);  // 31 August + 6 months, clamped
    CHECK_NOTHROW(check_designation(p, m, normal(), chain, review_every(6)));
    p.review_by = d(2026, 3, 1);
    CHECK(violated_rule([&] { check_designation(p, m, normal(), chain, review_every(6)); }) ==
          "honours.post_review_due");
    p.review_by = d(2025, 8, 31);  // not after the designation
    CHECK(invalid_field([&] { check_designation(p, m, normal(), chain, rules); }) == "review_by");
    p.review_by = d(2040, 1, 1);  // no review rule: any later date
    CHECK_NOTHROW(check_designation(p, m, normal(), chain, review_every(0)));
}

TEST_CASE(
    "区2020年组织工作要点 第14项 [L] honours.post_eligible_member: from the day the member becomes full, in "
    "normal standing",
    "[honours][rules]") {
    auto const m = someone();
    auto const rules = rule_set::national_2014();
    CHECK(violated_rule([&] { check_designation(post(d(2025, 6, 30)), m, normal(), chain, rules); }) ==
          "honours.post_eligible_member");
    CHECK_NOTHROW(check_designation(post(d(2025, 7, 1)), m, normal(), chain, rules));
    // Suspended or exited on the date: refused.
    std::vector<standing_event> const history{
        {standing_event_kind::suspended, d(2025, 9, 1), "失联", "支部"},
        {standing_event_kind::restored, d(2025, 10, 1), "恢复联系", "支部"},
        {standing_event_kind::died, d(2025, 12, 1), "", ""}};
    auto const st = [&](date::sys_days on) { return standing_on(m, history, on); };
    CHECK_NOTHROW(check_designation(post(d(2025, 8, 31)), m, st(d(2025, 8, 31)), chain, rules));
    CHECK(violated_rule([&] {
              check_designation(post(d(2025, 9, 1)), m, st(d(2025, 9, 1)), chain, rules);
          }) == "honours.post_eligible_member");
    CHECK_NOTHROW(check_designation(post(d(2025, 10, 1)), m, st(d(2025, 10, 1)), chain, rules));
    CHECK_NOTHROW(check_designation(post(d(2025, 11, 30)), m, st(d(2025, 11, 30)), chain, rules));
    CHECK(violated_rule([&] {
              check_designation(post(d(2025, 12, 1)), m, st(d(2025, 12, 1)), chain, rules);
          }) == "honours.post_eligible_member");
    auto untitled = post(d(2025, 8, 1));
    untitled.title.clear();
    CHECK(invalid_field([&] { check_designation(untitled, m, normal(), chain, rules); }) == "title");
}

TEST_CASE(
    "区2020年组织工作要点 第14项 [L] honours.post_awarded_at_or_above_branch: the member's branch or an "
    "organisation above it "
    "designates",
    "[honours][rules]") {
    auto const m = someone();
    auto const rules = rule_set::national_2014();
    for (auto const by : chain)
        CHECK_NOTHROW(check_designation(post(d(2025, 8, 1), by), m, normal(), chain, rules));
    CHECK(violated_rule([&] {
              check_designation(post(d(2025, 8, 1), elsewhere), m, normal(), chain, rules);
          }) == "honours.post_awarded_at_or_above_branch");
}

TEST_CASE("model post: a designation ends by revocation with a reason, by lapse, or when its member leaves",
          "[honours][rules]") {
    auto p = post(d(2024, 3, 15));
    CHECK(post_active_on(p, d(2024, 3, 15)));
    CHECK_FALSE(post_active_on(p, d(2024, 3, 14)));
    CHECK(invalid_field([&] { check_ending(p, {d(2024, 6, 1), model_post_end::revoked, ""}); }) == "reason");
    CHECK(invalid_field([&] { check_ending(p, {d(2024, 3, 14), model_post_end::lapsed, ""}); }) == "date");
    CHECK_NOTHROW(check_ending(p, {d(2024, 6, 1), model_post_end::lapsed, ""}));
    p.ending = model_post_ending{d(2024, 6, 1), model_post_end::revoked, "群众反映服务态度差"};
    CHECK(post_active_on(p, d(2024, 5, 31)));
    CHECK_FALSE(post_active_on(p, d(2024, 6, 1)));
    CHECK(invalid_field([&] { check_review(p, {d(2024, 6, 2), ""}); }) == "post");
    CHECK(invalid_field([&] { check_ending(p, {d(2024, 6, 2), model_post_end::lapsed, ""}); }) == "post");
    // The agenda of a date before the end still shows the review, not after it.
    CHECK_FALSE(model_post_agenda(p, d(2025, 3, 15), rule_set::national_2014()).has_value());
    auto left = post(d(2024, 3, 15));
    left.member_left = d(2025, 1, 10);
    CHECK(post_end_date(left) == d(2025, 1, 10));
    CHECK_FALSE(post_active_on(left, d(2025, 1, 10)));
    CHECK(invalid_field([&] { check_review(left, {d(2025, 1, 10), ""}); }) == "post");
    CHECK_FALSE(model_post_agenda(left, d(2025, 3, 15), rule_set::national_2014()).has_value());
}

TEST_CASE("commendation: each kind names exactly the recipient it takes", "[honours][rules]") {
    auto c = member_commendation(d(2025, 6, 28));
    CHECK_NOTHROW(check_commendation_form(c));
    c.awarded_by.clear();
    CHECK(invalid_field([&] { check_commendation_form(c); }) == "awarded_by");
    c = member_commendation(d(2025, 6, 28));
    c.member.reset();
    CHECK(invalid_field([&] { check_commendation_form(c); }) == "member");
    c = member_commendation(d(2025, 6, 28));
    c.org = own_branch;
    CHECK(invalid_field([&] { check_commendation_form(c); }) == "org");
    c = member_commendation(d(2025, 6, 28));
    c.kind = commendation_kind::advanced_organisation;
    CHECK(invalid_field([&] { check_commendation_form(c); }) == "org");
    c.org = own_branch;
    CHECK(invalid_field([&] { check_commendation_form(c); }) == "member");
    c.member.reset();
    CHECK_NOTHROW(check_commendation_form(c));
    c.campaign = campaign_id{1};
    CHECK(invalid_field([&] { check_commendation_form(c); }) == "campaign");
    // Kinds read by code, enum name or Chinese name.
    CHECK(parse_enum<commendation_kind>("优秀党务工作者") == commendation_kind::outstanding_party_worker);
    CHECK(parse_enum<commendation_kind>("advanced_organisation") == commendation_kind::advanced_organisation);
    CHECK(parse_enum<commendation_level>("省级") == commendation_level::province);
    CHECK(awarded_to_member(commendation_kind::outstanding_member));
    CHECK_FALSE(awarded_to_member(commendation_kind::advanced_organisation));
}

TEST_CASE(
    "区2020年组织工作要点 第14项 [L] commendation.member_in_good_standing: from the admission, not on the "
    "day of an exit or "
    "during a suspension",
    "[honours][rules]") {
    auto const m = someone();
    std::vector<standing_event> const history{{standing_event_kind::suspended, d(2025, 2, 1), "", ""},
                                              {standing_event_kind::restored, d(2025, 3, 1), "", ""},
                                              {standing_event_kind::withdrew, d(2025, 12, 1), "", ""}};
    auto const check_on = [&](date::sys_days on) {
        return violated_rule(
            [&] { check_commended_member(member_commendation(on), m, standing_on(m, history, on)); });
    };
    CHECK(check_on(d(2024, 6, 30)) == "commendation.member_in_good_standing");  // before admission
    CHECK(check_on(d(2024, 7, 1)).empty());                                     // probationary member
    CHECK(check_on(d(2025, 1, 31)).empty());
    CHECK(check_on(d(2025, 2, 1)) == "commendation.member_in_good_standing");  // suspended
    CHECK(check_on(d(2025, 3, 1)).empty());                                    // restored
    CHECK(check_on(d(2025, 7, 1)).empty());                                    // the day it becomes full
    CHECK(check_on(d(2025, 11, 30)).empty());
    CHECK(check_on(d(2025, 12, 1)) == "commendation.member_in_good_standing");  // the day of the exit
}

TEST_CASE(
    "区2020年组织工作要点 第14项 [L] commendation.org_active: from the establishment, not on the day of the "
    "dissolution",
    "[honours][rules]") {
    org_unit o{
        .id = own_branch, .name = "第一社区党支部", .established = d(2010, 5, 1), .dissolved = d(2025, 6, 1)};
    commendation c{.kind = commendation_kind::advanced_organisation,
                   .level = commendation_level::awarding_org,
                   .awarded_by = "城关街道党工委",
                   .org = own_branch};
    auto const on = [&](date::sys_days day) {
        c.date = day;
        return violated_rule([&] { check_commended_org(c, o); });
    };
    CHECK(on(d(2010, 4, 30)) == "commendation.org_active");
    CHECK(on(d(2010, 5, 1)).empty());
    CHECK(on(d(2025, 5, 31)).empty());
    CHECK(on(d(2025, 6, 1)) == "commendation.org_active");
}

TEST_CASE(
    "区2020年组织工作要点 第14项 [L] commendation.follows_evaluation: the cited campaign records the "
    "member's follow-up 表扬 on "
    "or before the date",
    "[honours][rules]") {
    campaign camp{.id = campaign_id{4}, .org = own_branch, .org_name = "第一社区党支部", .year = 2025};
    camp.records.push_back(follow_up{d(2025, 12, 5), member_id{6}, follow_up_kind::commended, ""});
    camp.records.push_back(follow_up{d(2025, 12, 5), member_id{5}, follow_up_kind::encouraged, ""});
    auto c = member_commendation(d(2025, 12, 20));
    c.campaign = camp.id;
    // Another member's 表扬, or an encouragement of this one, is not the follow-up.
    CHECK(violated_rule([&] { check_follows_evaluation(c, camp); }) == "commendation.follows_evaluation");
    camp.records.push_back(follow_up{d(2025, 12, 20), member_id{5}, follow_up_kind::commended, "通报表扬"});
    CHECK_NOTHROW(check_follows_evaluation(c, camp));  // the same day
    c.date = d(2025, 12, 19);
    CHECK(violated_rule([&] { check_follows_evaluation(c, camp); }) == "commendation.follows_evaluation");
    CHECK(commended_follow_up(camp, member_id{5}, d(2025, 12, 31)) == d(2025, 12, 20));
    CHECK_FALSE(commended_follow_up(camp, member_id{5}, d(2025, 12, 19)).has_value());
}

TEST_CASE(
    "honours statistics: designations in force at the year's end, new ones, commendations by kind and level",
    "[honours][rules]") {
    std::vector<model_post> posts{post(d(2024, 3, 1)), post(d(2025, 2, 1)), post(d(2025, 12, 31)),
                                  post(d(2026, 1, 1))};
    posts[1].ending = model_post_ending{d(2025, 12, 31), model_post_end::lapsed, ""};  // ends on 31 December
    std::vector<commendation> given{member_commendation(d(2025, 1, 1)), member_commendation(d(2025, 12, 31)),
                                    member_commendation(d(2024, 12, 31))};
    given[1].level = commendation_level::city;
    auto org = member_commendation(d(2025, 7, 1));
    org.kind = commendation_kind::advanced_organisation;
    given.push_back(org);
    auto const s = honours_statistics_of(2025, posts, given);
    CHECK(s.year == 2025);
    CHECK(s.posts_active_at_year_end == 2);  // 2024-03-01 and 2025-12-31
    CHECK(s.posts_new == 2);
    CHECK(s.posts_ended == 1);
    CHECK(s.commendations == 3);
    CHECK(s.by_kind_and_level ==
          std::vector<commendation_count>{
              {commendation_kind::outstanding_member, commendation_level::district, 1},
              {commendation_kind::outstanding_member, commendation_level::city, 1},
              {commendation_kind::advanced_organisation, commendation_level::district, 1}});
}

TEST_CASE(
    "区2020年组织工作要点 第14项 [L] honours.post_review_due: a profile may shorten the review period, not "
    "lengthen or drop it",
    "[honours][rules][profile]") {
    CHECK_NOTHROW(make_profile("yearly-6", [](rule_set& r) { r.honours.model_post_review_months = 6; }));
    CHECK(violated_rule([] {
              (void)make_profile("lax", [](rule_set& r) { r.honours.model_post_review_months = 24; });
          }) == "rules.profile_cannot_weaken");
    CHECK(violated_rule([] {
              (void)make_profile("none", [](rule_set& r) { r.honours.model_post_review_months = 0; });
          }) == "rules.profile_cannot_weaken");
    auto const text = to_text(review_every(6));
    CHECK(text.find("model_post.review_months=6") != std::string::npos);
    CHECK(rule_set_from_text(text).honours.model_post_review_months == 6);
}

}  // namespace honours_rules_test_cases
