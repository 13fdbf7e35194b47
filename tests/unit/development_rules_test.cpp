#include <catch2/catch.hpp>

#include "development_support.hpp"

namespace development_rules_test_cases {

using namespace dangyuan;
using namespace devtest;

namespace {
// Records `r` on a copy of `c`; returns the violated rule id, or "" when accepted.
std::string try_record(development_case c, step_record const& r) {
    return violated_rule([&] { c.record(r, lookup); });
}
}  // namespace

TEST_CASE(
    "细则2014 第5条 [C] dev.applicant_min_age_18: 18 on the application date, 29 February births included",
    "[development]") {
    auto a = person();
    a.id_number.reset();
    a.birth_date = d(2006, 3, 1);
    auto at = [&](date::sys_days day) {
        development_case c(a, rule_set::national_2014());
        return violated_rule([&] { c.record(application_submitted_step{day}); });
    };
    CHECK(at(d(2024, 2, 29)) == "dev.applicant_min_age_18");
    CHECK(at(d(2024, 3, 1)).empty());
    a.birth_date = d(2004, 2, 29);
    CHECK(at(d(2022, 2, 27)) == "dev.applicant_min_age_18");
    CHECK(at(d(2022, 2, 28)).empty());  // 28 Feb in a common year
    a.birth_date = d(2006, 2, 28);
    CHECK(at(d(2024, 2, 27)) == "dev.applicant_min_age_18");
    CHECK(at(d(2024, 2, 28)).empty());
}

TEST_CASE("dev.applicant_min_age_18: the applicant's ID number must agree with birth date and sex",
          "[development]") {
    auto a = person();
    a.sex = sex::male;
    development_case c(a, rule_set::national_2014());
    CHECK(invalid_field([&] { c.record(application_submitted_step{d(2023, 3, 1)}); }) == "sex");
    a = person();
    a.name.clear();
    development_case unnamed(a, rule_set::national_2014());
    CHECK(invalid_field([&] { unnamed.record(application_submitted_step{d(2023, 3, 1)}); }) == "name");
}

TEST_CASE("细则2014 第7条 [C] dev.talk_within_1_month: on the last day ok, a day later only with a reason",
          "[development]") {
    auto const c = case_until(step::talk_held);  // application 2023-03-01
    CHECK(try_record(c, talk_held_step{d(2023, 4, 1)}).empty());
    CHECK(try_record(c, talk_held_step{d(2023, 4, 2)}) == "dev.talk_within_1_month");
    CHECK(try_record(c, talk_held_step{.date = d(2023, 4, 2), .reason = "申请人外出学习"}).empty());
    // Month end: an application on 31 January must be answered by 28/29 February.
    auto a = person();
    development_case jan(a, rule_set::national_2014());
    jan.record(application_submitted_step{d(2024, 1, 31)});
    CHECK(try_record(jan, talk_held_step{d(2024, 2, 29)}).empty());
    CHECK(try_record(jan, talk_held_step{d(2024, 3, 1)}) == "dev.talk_within_1_month");
    // Without any talk, no activist (推荐 needs the talk first).
    auto no_talk = case_until(step::talk_held);
    CHECK(try_record(no_talk, standard(step::activist_determined)) == "dev.talk_within_1_month");
}

TEST_CASE("细则2014 第8条 [C] dev.activist_recommended: an activist needs a recommendation (推荐制)",
          "[development]") {
    auto const c = case_until(step::activist_determined);
    CHECK(try_record(c, activist_determined_step{d(2023, 9, 1)}) == "dev.activist_recommended");
    CHECK(try_record(c, activist_determined_step{.date = d(2023, 9, 1),
                                                 .recommended = recommendation::mass_organisation})
              .empty());
}

TEST_CASE("[L] dev.activist_after_application: a profile may require 6 months after the application",
          "[development]") {
    auto profile =
        make_profile("six-months", [](rule_set& r) { r.development.activist_after_application_months = 6; });
    auto const c = case_until(step::activist_determined, profile);  // application 2023-03-01
    auto rec = std::get<activist_determined_step>(standard(step::activist_determined));
    rec.date = d(2023, 8, 31);
    CHECK(try_record(c, rec) == "dev.activist_after_application");
    rec.date = d(2023, 9, 1);
    CHECK(try_record(c, rec).empty());
    CHECK(try_record(case_until(step::activist_determined),
                     activist_determined_step{.date = d(2023, 3, 21),
                                              .recommended = recommendation::member_recommendation})
              .empty());
}

TEST_CASE("细则2014 第9条 [S] dev.contacts_1_to_2: one or two full members, distinct, not the applicant",
          "[development]") {
    auto const c = case_until(step::contacts_assigned);
    auto with = [&](std::vector<member_id> ms) {
        return try_record(c, contacts_assigned_step{.date = d(2023, 9, 10), .members = std::move(ms)});
    };
    CHECK(with({}) == "dev.contacts_1_to_2");
    CHECK(with({member_id{1}}).empty());
    CHECK(with({member_id{1}, member_id{2}}).empty());
    CHECK(with({member_id{1}, member_id{2}, member_id{8}}) == "dev.contacts_1_to_2");
    CHECK(with({member_id{1}, member_id{1}}) == "dev.contacts_1_to_2");
    CHECK(with({member_id{3}}) == "dev.contacts_1_to_2");  // probationary
    CHECK(with({member_id{5}}) == "dev.contacts_1_to_2");  // suspended
    CHECK(with({member_id{6}}) == "dev.contacts_1_to_2");  // the applicant
    CHECK(invalid_field([&] {
              auto copy = c;
              copy.record(contacts_assigned_step{.date = d(2023, 9, 10), .members = {member_id{99}}}, lookup);
          }) == "members");
}

TEST_CASE("细则2014 第13条 [S] dev.activist_min_1_year: one year of cultivation, counted across a move",
          "[development]") {
    auto const c = case_until(step::target_determined);  // activist 2023-09-01
    CHECK(try_record(c, target_determined_step{d(2024, 8, 31)}) == "dev.activist_min_1_year");
    CHECK(try_record(c, target_determined_step{d(2024, 9, 1)}).empty());
    // An activist who moved in with cultivation begun on 2023-03-31 elsewhere.
    auto moved = c;
    moved.record(cultivation_transferred_step{.date = d(2024, 3, 5), .since = d(2023, 3, 31)}, lookup);
    CHECK(try_record(moved, target_determined_step{d(2024, 3, 30)}) == "dev.activist_min_1_year");
    CHECK(try_record(moved, target_determined_step{d(2024, 3, 31)}).empty());
    // Leap year: cultivation from 2024-02-29 allows a target on 2025-02-28.
    auto leap = development_case(person(), rule_set::national_2014());
    leap.record(application_submitted_step{d(2023, 10, 1)}, lookup);
    leap.record(talk_held_step{d(2023, 10, 8)}, lookup);
    leap.record(activist_determined_step{.date = d(2024, 2, 29),
                                         .recommended = recommendation::member_recommendation},
                lookup);
    leap.record(activist_filed_step{d(2024, 3, 1)}, lookup);
    leap.record(contacts_assigned_step{.date = d(2024, 3, 1), .members = {member_id{1}}}, lookup);
    CHECK(try_record(leap, target_determined_step{d(2025, 2, 27)}) == "dev.activist_min_1_year");
    CHECK(try_record(leap, target_determined_step{d(2025, 2, 28)}).empty());
    CHECK(invalid_field([&] {
              auto copy = c;
              copy.record(cultivation_transferred_step{.date = d(2024, 3, 5), .since = d(2023, 9, 2)},
                          lookup);
          }) == "since");
}

TEST_CASE("细则2014 第13条 [S] dev.target_filed: introducers and review only after the target is filed",
          "[development]") {
    auto c = case_until(step::target_filed);
    CHECK(try_record(c, standard(step::introducers_assigned)) == "dev.target_filed");
}

TEST_CASE("细则2014 第8条 [S] dev.activist_filed: filing is on the agenda until done",
          "[development][agenda]") {
    auto c = case_until(step::activist_filed);
    bool found = false;
    for (auto const& i : case_agenda(c, d(2023, 9, 5)))
        found = found || i.rule_id == "dev.activist_filed";
    CHECK(found);
}

TEST_CASE(
    "细则2014 第14条 [S] dev.two_introducers: exactly two full members, not under 留党察看, distinct, not "
    "self",
    "[development]") {
    auto const c = case_until(step::introducers_assigned);
    auto with = [&](std::vector<member_id> ms) {
        return try_record(c, introducers_assigned_step{.date = d(2024, 9, 15), .members = std::move(ms)});
    };
    CHECK(with({member_id{1}}) == "dev.two_introducers");
    CHECK(with({member_id{1}, member_id{2}, member_id{8}}) == "dev.two_introducers");
    CHECK(with({member_id{1}, member_id{1}}) == "dev.two_introducers");
    CHECK(with({member_id{1}, member_id{3}}) == "dev.two_introducers");  // probationary member
    CHECK(with({member_id{1}, member_id{4}}) == "dev.two_introducers");  // rights suspended (留党察看)
    CHECK(with({member_id{6}, member_id{1}}) == "dev.two_introducers");  // the applicant
    CHECK(with({member_id{1}, member_id{8}}).empty());
}

TEST_CASE("细则2014 第16条 [C] dev.political_review_conclusion: a written, passed review before admission",
          "[development]") {
    auto const c = case_until(step::political_review);
    CHECK(try_record(c, political_review_step{.date = d(2024, 10, 10), .passed = true}) ==
          "dev.political_review_conclusion");
    CHECK(invalid_field([&] {
              auto copy = c;
              copy.record(political_review_step{.date = d(2024, 10, 10), .conclusion = "合格"}, lookup);
          }) == "passed");
    auto failed = c;
    failed.record(political_review_step{.date = d(2024, 10, 10), .passed = false, .conclusion = "不合格"},
                  lookup);
    failed.record(standard(step::training_completed), lookup);
    CHECK(try_record(failed, standard(step::committee_reviewed)) == "dev.political_review_conclusion");
    // A review failed after the committee review still stops the admission meeting.
    auto later = case_until(step::admission_meeting);
    later.record(political_review_step{.date = d(2024, 11, 20), .passed = false, .conclusion = "发现问题"},
                 lookup);
    CHECK(try_record(later, standard(step::admission_meeting)) == "dev.political_review_conclusion");
}

TEST_CASE(
    "细则2014 第17条 [C] dev.training_3_days_or_24_hours: 3 days or 24 class hours, or a recorded special "
    "case",
    "[development]") {
    auto const c = case_until(step::training_completed);
    auto review_after = [&](training_completed_step training) {
        auto copy = c;
        training.date = d(2024, 10, 20);
        copy.record(std::move(training), lookup);
        return try_record(copy, standard(step::committee_reviewed));
    };
    CHECK(review_after({.days = 2, .class_hours = 23}) == "dev.training_3_days_or_24_hours");
    CHECK(review_after({.days = 3, .class_hours = 0}).empty());
    CHECK(review_after({.days = 0, .class_hours = 24}).empty());
    CHECK(review_after({.days = 1, .class_hours = 8, .special_case = true, .reason = "边远地区个别特殊情况"})
              .empty());
    CHECK(invalid_field([&] { (void)review_after({.days = 1, .special_case = true}); }) == "reason");
    // Two shorter sessions add up.
    auto twice = c;
    twice.record(training_completed_step{.date = d(2024, 10, 20), .class_hours = 12}, lookup);
    twice.record(training_completed_step{.date = d(2024, 10, 27), .class_hours = 12}, lookup);
    CHECK(try_record(twice, standard(step::committee_reviewed)).empty());
}

TEST_CASE("细则2014 第19条 [C] dev.pre_review_in_writing: a written, passed pre-review before the 入党志愿书",
          "[development]") {
    auto const c = case_until(step::pre_review);
    CHECK(try_record(c, pre_review_step{.date = d(2024, 11, 10), .passed = true}) ==
          "dev.pre_review_in_writing");
    auto failed = c;
    failed.record(pre_review_step{.date = d(2024, 11, 10), .passed = false, .document = "预审未通过"},
                  lookup);
    CHECK(try_record(failed, standard(step::application_form_filled)) == "dev.pre_review_in_writing");
    auto no_review = case_until(step::pre_review);
    CHECK(try_record(no_review, standard(step::application_form_filled)) == "dev.pre_review_in_writing");
}

TEST_CASE(
    "细则2014 第19条 [C] dev.leaving_within_3_months: leaving within 3 months stops admission unless "
    "justified",
    "[development]") {
    auto const c = case_until(step::pre_review);  // pre-review on 2024-11-10
    auto with_leave = [&](date::sys_days leave, std::string reason = {}) {
        return try_record(c, pre_review_step{.date = d(2024, 11, 10),
                                             .passed = true,
                                             .document = "预审意见",
                                             .expected_leave = leave,
                                             .reason = reason});
    };
    CHECK(with_leave(d(2025, 2, 10)) == "dev.leaving_within_3_months");
    CHECK(with_leave(d(2025, 2, 11)).empty());
    CHECK(with_leave(d(2025, 1, 1), "组织安排，经党委研究同意").empty());
}

TEST_CASE("细则2014 第20条 [C] vote.quorum_over_half: the admission meeting needs more than half present",
          "[development]") {
    auto const c = case_until(step::admission_meeting);
    auto vote = [&](branch_vote v) {
        return try_record(c, admission_meeting_step{.date = d(2024, 12, 2), .vote = v});
    };
    CHECK(vote({20, 10, 0, 10, 0, 0}) == "vote.quorum_over_half");  // exactly half present
    CHECK(vote({20, 11, 0, 11, 0, 0}).empty());
    CHECK(invalid_field([&] {
              auto copy = c;
              copy.record(
                  admission_meeting_step{.date = d(2024, 12, 2), .vote = branch_vote{20, 21, 0, 11, 0, 0}},
                  lookup);
          }) == "present");
    CHECK(invalid_field([&] {
              auto copy = c;
              copy.record(admission_meeting_step{d(2024, 12, 2)}, lookup);
          }) == "vote");
}

TEST_CASE(
    "细则2014 第21条 [C] vote.majority_of_entitled: YES must exceed half of all entitled, written opinions "
    "count",
    "[development]") {
    auto const c = case_until(step::admission_meeting);
    auto outcome = [&](branch_vote v) {
        auto copy = c;
        copy.record(admission_meeting_step{.date = d(2024, 12, 2), .vote = v}, lookup);
        return copy.state().current;
    };
    CHECK(outcome({20, 12, 0, 10, 2, 0}) == stage::development_target);  // 10 of 20: not more than half
    CHECK(outcome({20, 12, 0, 11, 1, 0}) == stage::probationary);
    CHECK(outcome({20, 11, 2, 11, 0, 2}) == stage::probationary);  // 2 written opinions from absentees
    CHECK(invalid_field([&] { (void)outcome({20, 11, 2, 12, 1, 1}); }) == "yes");  // 14 votes from 13 voters
}

TEST_CASE(
    "[L] dev.public_notice: a profile requires 5 working days of notice, counted on the official calendar",
    "[development]") {
    auto const profile = local_profile_example();
    auto c = case_until(step::target_determined, profile);
    // Without a notice the target cannot be listed.
    CHECK(try_record(c, standard(step::target_determined)) == "dev.public_notice");
    // A notice from Friday 2024-08-23 to Thursday 2024-08-29 has 5 working days.
    auto noticed = c;
    noticed.record(
        public_notice_step{
            .date = d(2024, 8, 23), .notice_for = step::target_determined, .notice_end = d(2024, 8, 29)},
        lookup);
    CHECK(try_record(noticed, standard(step::target_determined)).empty());
    // 4 working days are not enough.
    auto short_notice = c;
    short_notice.record(
        public_notice_step{
            .date = d(2024, 8, 23), .notice_for = step::target_determined, .notice_end = d(2024, 8, 28)},
        lookup);
    CHECK(try_record(short_notice, standard(step::target_determined)) == "dev.public_notice");
    // Open objections block it.
    auto objected = c;
    objected.record(public_notice_step{.date = d(2024, 8, 23),
                                       .notice_for = step::target_determined,
                                       .notice_end = d(2024, 8, 29),
                                       .objections = 1},
                    lookup);
    CHECK(try_record(objected, standard(step::target_determined)) == "dev.public_notice");
    // The national rules require no notice.
    CHECK(try_record(case_until(step::target_determined), standard(step::target_determined)).empty());
}

TEST_CASE(
    "[L] dev.public_notice: a notice spanning National Day 2024 counts the make-up Sunday, not the holiday",
    "[development][calendar]") {
    auto const profile = local_profile_example();
    // Start on Friday 2024-09-27: working days 09-27, 09-29 (Sunday make-up), 09-30, 10-08, 10-09.
    auto late = case_until(step::target_determined, profile);
    late.record(
        public_notice_step{
            .date = d(2024, 9, 27), .notice_for = step::target_determined, .notice_end = d(2024, 10, 8)},
        lookup);
    CHECK(try_record(late, target_determined_step{d(2024, 10, 10)}) == "dev.public_notice");  // 4 days
    auto full = case_until(step::target_determined, profile);
    full.record(
        public_notice_step{
            .date = d(2024, 9, 27), .notice_for = step::target_determined, .notice_end = d(2024, 10, 9)},
        lookup);
    CHECK(try_record(full, target_determined_step{d(2024, 10, 10)}).empty());
    // The target is listed only after the notice has ended.
    CHECK(try_record(full, target_determined_step{d(2024, 10, 9)}) == "dev.public_notice");
}

TEST_CASE("[L] dev.meeting_within_1_month_of_pre_review: a profile limits the gap to the branch meeting",
          "[development]") {
    auto profile =
        make_profile("meeting-limit", [](rule_set& r) { r.development.meeting_after_pre_review_months = 1; });
    auto const t = case_until(step::admission_meeting, profile);  // pre-review 2024-11-10
    CHECK(try_record(t, admission_meeting_step{.date = d(2024, 12, 10), .vote = good_vote()}).empty());
    CHECK(try_record(t, admission_meeting_step{.date = d(2024, 12, 11), .vote = good_vote()}) ==
          "dev.meeting_within_1_month_of_pre_review");
}

TEST_CASE("细则2014 [S] dev.higher_talk_before_approval: the higher committee talks before approving",
          "[development]") {
    auto const c = case_until(step::higher_committee_talk);
    CHECK(try_record(c, standard(step::admission_approved)) == "dev.higher_talk_before_approval");
}

TEST_CASE("细则2014 [S] dev.approval_within_3_months: 3 months, up to 6 with a reason, never later",
          "[development]") {
    auto const c = case_until(step::admission_approved);  // meeting 2024-12-02
    auto approve = [&](date::sys_days on, std::string reason = {}) {
        return try_record(c,
                          admission_approved_step{.date = on, .passed = true, .reason = std::move(reason)});
    };
    CHECK(approve(d(2025, 3, 2)).empty());
    CHECK(approve(d(2025, 3, 3)) == "dev.approval_within_3_months");
    CHECK(approve(d(2025, 3, 3), "审批期间党委换届").empty());
    CHECK(approve(d(2025, 6, 2), "审批期间党委换届").empty());
    CHECK(approve(d(2025, 6, 3), "审批期间党委换届") == "dev.approval_within_3_months");
    auto rejected = c;
    rejected.record(admission_approved_step{.date = d(2025, 2, 1), .passed = false}, lookup);
    CHECK(rejected.state().outcome == case_outcome::not_admitted);
}

TEST_CASE("[L] dev.oath_within_1_month: a profile requires the oath within a month of approval",
          "[development]") {
    auto profile = make_profile("oath", [](rule_set& r) { r.development.oath_after_approval_months = 1; });
    auto const c = case_until(step::oath_taken, profile);  // approval 2025-02-10
    CHECK(try_record(c, oath_taken_step{d(2025, 3, 10)}).empty());
    CHECK(try_record(c, oath_taken_step{d(2025, 3, 11)}) == "dev.oath_within_1_month");
    CHECK(try_record(case_until(step::oath_taken), oath_taken_step{d(2025, 9, 1)}).empty());
}

TEST_CASE(
    "党章 第7条 [C] dev.probation_1_year: conversion no earlier than a year after the admission meeting",
    "[development]") {
    auto const c = case_until(step::conversion_meeting);  // admitted 2024-12-02
    auto meet = [&](date::sys_days on) {
        return try_record(c, conversion_meeting_step{
                                 .date = on, .vote = good_vote(), .decision = conversion_decision::convert});
    };
    CHECK(meet(d(2025, 12, 1)) == "dev.conversion_after_probation");
    CHECK(meet(d(2025, 12, 2)).empty());
}

TEST_CASE("细则2014 [S] dev.conversion_approval_within_3_months: approval of the conversion within 3 months",
          "[development]") {
    auto const c = case_until(step::conversion_approved);  // meeting 2025-12-05
    CHECK(try_record(c, conversion_approved_step{.date = d(2026, 3, 5), .passed = true}).empty());
    CHECK(try_record(c, conversion_approved_step{.date = d(2026, 3, 6), .passed = true}) ==
          "dev.conversion_approval_within_3_months");
}

TEST_CASE("党内法规制定条例 [S] rules.profile_cannot_weaken: a profile may tighten, never weaken",
          "[development][rules]") {
    CHECK_NOTHROW(make_profile("strict", [](rule_set& r) { r.development.talk_within_months = 1; }));
    CHECK(violated_rule([] {
              (void)make_profile("lax", [](rule_set& r) { r.development.talk_within_months = 2; });
          }) == "rules.profile_cannot_weaken");
    CHECK(violated_rule([] {
              (void)make_profile("short", [](rule_set& r) { r.development.cultivation_min_months = 11; });
          }) == "rules.profile_cannot_weaken");
    CHECK(violated_rule([] {
              (void)make_profile("long", [](rule_set& r) { r.development.probation_months = 18; });
          }) == "rules.profile_cannot_weaken");
    CHECK(violated_rule([] {
              (void)make_profile("young", [](rule_set& r) { r.development.applicant_min_age = 17; });
          }) == "rules.profile_cannot_weaken");
    auto const local = local_profile_example();
    CHECK(violated_rule([&] {
              auto weaker = local;
              weaker.name = "weaker";
              weaker.development.public_notice_working_days = 3;
              check_tightens(local, weaker);
          }) == "rules.profile_cannot_weaken");
    CHECK_THROWS_AS(make_profile("national-2014", [](rule_set&) {}), invalid_input);
    // The text form round-trips.
    CHECK(rule_set_from_text(to_text(local)) == local);
    CHECK_THROWS_AS(rule_set_from_text("name=x\nno.such=1\n"), invalid_input);
    CHECK_THROWS_AS(rule_set_from_text("name=x\ndev.talk_within_months=one\n"), invalid_input);
}

TEST_CASE("dev.step_sequence: a back-filled case records history without the time rules", "[development]") {
    development_case c(person(), rule_set::national_2014(), true);
    c.record(application_submitted_step{d(2010, 1, 1)});
    c.record(talk_held_step{d(2010, 6, 1)});  // 5 months later: no reason needed for 补录
    c.record(activist_determined_step{d(2010, 7, 1)});
    CHECK(c.state().current == stage::activist);
    CHECK(violated_rule([&] { c.record(admission_meeting_step{d(2011, 1, 1)}); }) == "dev.step_sequence");
}

TEST_CASE("党内法规制定条例 [S] rules.profile_cannot_weaken: every domain's numbers and switches are covered",
          "[rules]") {
    CHECK(violated_rule([] {
              (void)make_profile("m", [](rule_set& r) { r.mobility.transfer_letter_validity_days = 120; });
          }) == "rules.profile_cannot_weaken");
    CHECK(violated_rule([] {
              (void)make_profile("e", [](rule_set& r) { r.evaluation.excellent_share_max.numerator = 2; });
          }) == "rules.profile_cannot_weaken");
    CHECK(violated_rule([] {
              (void)make_profile("h", [](rule_set& r) { r.evaluation.excellent_cap_hard = true; });
          }).empty());
    CHECK(violated_rule([] {
              (void)make_profile("f",
                                 [](rule_set& r) { r.development.public_notice_first_day_counts = false; });
          }).empty());
    auto strict = make_profile("strict-eval", [](rule_set& r) {
        r.evaluation.excellent_cap_hard = true;
        r.evaluation.keep_ballot_identity = true;
        r.mobility.transfer_letter_validity_days = 30;
    });
    auto const back = rule_set_from_text(to_text(strict));
    CHECK(back == strict);
    CHECK(back.evaluation.keep_ballot_identity);
    CHECK(violated_rule([&] {
              auto softer = strict;
              softer.name = "softer";
              softer.evaluation.excellent_cap_hard = false;
              check_tightens(strict, softer);
          }) == "rules.profile_cannot_weaken");
}

}  // namespace development_rules_test_cases
