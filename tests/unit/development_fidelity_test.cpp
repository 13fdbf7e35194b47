// Boundary tests of the conversion, approval, re-checking and 公示 rules, written from the wording of
// the regulations (day before / on / after). The standard case (development_support.hpp) was admitted
// by the branch meeting of 2024-12-02, so probation ends on 2025-12-02.

#include <catch2/catch.hpp>

#include "development_support.hpp"

namespace development_fidelity_test_cases {

using namespace dangyuan;
using namespace devtest;

namespace {

std::string try_record(development_case c, step_record const& r, eligibility_lookup const& l = lookup) {
    return violated_rule([&] { c.record(r, l); });
}

step_record conv_meeting(date::sys_days on, conversion_decision decision, std::string reason = {},
                         int extension_months = 0) {
    return conversion_meeting_step{.date = on,
                                   .vote = good_vote(),
                                   .decision = decision,
                                   .extension_months = extension_months,
                                   .reason = reason};
}

// The standard case up to the conversion meeting, transferred in during probation on 2025-06-10.
development_case transferred_case() {
    development_case c(person(), rule_set::national_2014());
    for (auto const& r : full_history()) {
        if (kind_of(r) == step::conversion_meeting) break;
        if (kind_of(r) == step::conversion_applied) c.record(transferred_in_step{d(2025, 6, 10)}, lookup);
        c.record(r, lookup);
    }
    return c;
}

// Members 1, 2, 8 as in the standard lookup; member 9 is a full member in normal standing until
// `lapse` (exclusive) and suspended from then on.
eligibility_lookup lapsing(member_id who, date::sys_days lapse) {
    return [who, lapse](member_id id, date::sys_days on) {
        if (id != who) return lookup(id, on);
        member_eligibility e;
        e.exists = e.full_member = true;
        e.normal_standing = on < lapse;
        e.name = "党员" + std::to_string(id.value());
        return e;
    };
}

std::optional<agenda_item> item_of(development_case const& c, date::sys_days as_of, std::string_view kind) {
    for (auto const& i : case_agenda(c, as_of))
        if (i.kind == kind) return i;
    return std::nullopt;
}

}  // namespace

TEST_CASE(
    "细则2014 第33条 [C] dev.conversion_after_probation: conversion or extension only when probation ends",
    "[development][conversion]") {
    auto const c = case_until(step::conversion_meeting);
    CHECK(try_record(c, conv_meeting(d(2025, 12, 1), conversion_decision::convert)) ==
          "dev.conversion_after_probation");
    CHECK(try_record(c, conv_meeting(d(2025, 12, 1), conversion_decision::extend, "", 6)) ==
          "dev.conversion_after_probation");
    CHECK(try_record(c, conv_meeting(d(2025, 12, 2), conversion_decision::convert)).empty());
    CHECK(try_record(c, conv_meeting(d(2025, 12, 2), conversion_decision::extend, "", 6)).empty());
}

TEST_CASE(
    "细则2014 第33条 [S] dev.conversion_discussed_promptly: a month after the end, no reason extends it",
    "[development][conversion]") {
    auto const c = case_until(step::conversion_meeting);
    CHECK(try_record(c, conv_meeting(d(2026, 1, 2), conversion_decision::convert)).empty());
    CHECK(try_record(c, conv_meeting(d(2026, 1, 3), conversion_decision::convert)) ==
          "dev.conversion_discussed_promptly");
    CHECK(try_record(c, conv_meeting(d(2026, 1, 3), conversion_decision::convert, "支部书记外出学习")) ==
          "dev.conversion_discussed_promptly");
    CHECK(try_record(c, conv_meeting(d(2026, 6, 2), conversion_decision::convert, "推迟讨论")) ==
          "dev.conversion_discussed_promptly");
    // The same limit after an extension: the extended probation of 6 months ends on 2026-06-02.
    auto extended = case_until(step::conversion_meeting);
    extended.record(conv_meeting(d(2025, 12, 5), conversion_decision::extend, "", 6), lookup);
    extended.record(conversion_approved_step{.date = d(2026, 1, 10), .passed = true}, lookup);
    extended.record(conversion_applied_step{d(2026, 5, 20)}, lookup);
    CHECK(try_record(extended, conv_meeting(d(2026, 7, 2), conversion_decision::convert)).empty());
    CHECK(try_record(extended, conv_meeting(d(2026, 7, 3), conversion_decision::convert)) ==
          "dev.conversion_discussed_promptly");
}

TEST_CASE("答记者问2014 [S] dev.conversion_postponed_transferred_in: at most 6 months, dated from the end",
          "[development][conversion]") {
    auto const c = transferred_case();
    CHECK(try_record(c, conv_meeting(d(2026, 6, 2), conversion_decision::convert)).empty());
    CHECK(try_record(c, conv_meeting(d(2026, 6, 3), conversion_decision::convert)) ==
          "dev.conversion_postponed_transferred_in");
    CHECK(try_record(c, conv_meeting(d(2026, 6, 3), conversion_decision::convert, "材料转递延误")) ==
          "dev.conversion_postponed_transferred_in");
    // Postponed or not, the full-member date is the end of probation.
    auto late = c;
    late.record(conv_meeting(d(2026, 5, 20), conversion_decision::convert), lookup);
    late.record(conversion_approved_step{.date = d(2026, 6, 30), .passed = true}, lookup);
    CHECK(late.state().current == stage::full_member);
    CHECK(late.state().full_member_date == d(2025, 12, 2));
    // A transfer in is a fact of the probation period.
    CHECK(invalid_field([&] {
              auto copy = case_until(step::conversion_meeting);
              copy.record(transferred_in_step{d(2025, 12, 2)}, lookup);
          }) == "date");
}

TEST_CASE(
    "细则2014 第33条 [S] dev.conversion_discussed_promptly: an undiscussed conversion is overdue on the "
    "agenda",
    "[development][conversion][agenda]") {
    auto const c = case_until(step::conversion_meeting);
    auto const before = item_of(c, d(2025, 12, 2), "dev.probation_end");
    REQUIRE(before);
    CHECK(before->status == agenda_status::due);
    auto const on = item_of(c, d(2026, 1, 2), "dev.conversion_meeting");
    REQUIRE(on);
    CHECK(on->rule_id == "dev.conversion_discussed_promptly");
    CHECK(on->due == d(2026, 1, 2));
    CHECK(on->status == agenda_status::due);
    auto const after = item_of(c, d(2026, 1, 3), "dev.conversion_meeting");
    REQUIRE(after);
    CHECK(after->status == agenda_status::overdue);
    // Transferred in: not overdue in January; shown from a month before 2026-06-02, overdue after it.
    CHECK_FALSE(item_of(transferred_case(), d(2026, 1, 3), "dev.conversion_meeting"));
    auto const moved = item_of(transferred_case(), d(2026, 5, 10), "dev.conversion_meeting");
    REQUIRE(moved);
    CHECK(moved->rule_id == "dev.conversion_postponed_transferred_in");
    CHECK(moved->due == d(2026, 6, 2));
    CHECK(moved->status == agenda_status::upcoming);
    CHECK(item_of(transferred_case(), d(2026, 6, 3), "dev.conversion_meeting")->status ==
          agenda_status::overdue);
    // The timeline shows the same deadline.
    for (auto const& row : case_timeline(c, d(2026, 1, 3)))
        if (row.kind == step::conversion_meeting) {
            CHECK(row.deadline == d(2026, 1, 2));
            CHECK(row.status == timeline_status::overdue);
        }
}

TEST_CASE("细则2014 第33条 [C] dev.conversion_application_at_probation_end: not right after admission",
          "[development][conversion]") {
    // Right after admission (approved 2025-02-10, oath 2025-03-01): refused.
    CHECK(try_record(case_until(step::probation_assessed), conversion_applied_step{d(2025, 3, 2)}) ==
          "dev.conversion_application_at_probation_end");
    auto const c = case_until(step::conversion_applied);
    CHECK(try_record(c, conversion_applied_step{d(2025, 11, 1)}) ==
          "dev.conversion_application_at_probation_end");
    CHECK(try_record(c, conversion_applied_step{d(2025, 11, 2)}).empty());
    CHECK(try_record(c, conversion_applied_step{d(2025, 12, 2)}).empty());
}

TEST_CASE(
    "细则2014 [S] dev.conversion_approval_within_3_months: 3 months, up to 6 with a reason, never later",
    "[development][conversion]") {
    auto const c = case_until(step::conversion_approved);  // meeting 2025-12-05
    auto approve = [&](date::sys_days on, std::string reason = {}) {
        return try_record(c, conversion_approved_step{.date = on, .passed = true, .reason = reason});
    };
    CHECK(approve(d(2026, 3, 5)).empty());
    CHECK(approve(d(2026, 3, 6)) == "dev.conversion_approval_within_3_months");
    CHECK(approve(d(2026, 3, 6), "党委换届").empty());
    CHECK(approve(d(2026, 6, 5), "党委换届").empty());
    CHECK(approve(d(2026, 6, 6), "党委换届") == "dev.conversion_approval_within_3_months");
}

TEST_CASE("细则2014 第33条 [S] dev.cancellation_for_serious_violation: at any time during probation",
          "[development][conversion]") {
    auto const c = case_until(step::conversion_applied);  // last record: probation assessed 2025-06-01
    auto const cancel = conv_meeting(d(2025, 7, 1), conversion_decision::cancel, "严重违反党的纪律");
    CHECK(try_record(c, cancel).empty());
    CHECK(try_record(c, conv_meeting(d(2025, 7, 1), conversion_decision::cancel)) ==
          "dev.cancellation_for_serious_violation");
    // Conversion and extension still need the application and the end of probation.
    CHECK(try_record(c, conv_meeting(d(2025, 7, 1), conversion_decision::extend, "", 6)) ==
          "dev.step_sequence");
    auto applied = case_until(step::conversion_meeting);
    CHECK(try_record(applied, conv_meeting(d(2025, 11, 25), conversion_decision::convert)) ==
          "dev.conversion_after_probation");
    auto done = c;
    done.record(cancel, lookup);
    done.record(conversion_approved_step{.date = d(2025, 8, 1), .passed = true}, lookup);
    CHECK(done.state().outcome == case_outcome::probation_cancelled);
}

TEST_CASE("细则2014 第14条 [S] dev.two_introducers: re-checked at the committee review and the meeting",
          "[development][introducers]") {
    auto run = [](date::sys_days lapse, step until) {
        auto const l = lapsing(member_id{9}, lapse);
        development_case c(person(), rule_set::national_2014());
        for (auto r : full_history()) {
            if (auto* x = std::get_if<introducers_assigned_step>(&r))
                x->members = {member_id{1}, member_id{9}};
            auto const rule = try_record(c, r, l);
            if (!rule.empty() || kind_of(r) == until) return rule;
            c.record(r, l);
        }
        return std::string("done");
    };
    // Member 9 leaves normal standing on 2024-11-01, the day of the committee review.
    CHECK(run(d(2024, 11, 1), step::committee_reviewed) == "dev.two_introducers");
    CHECK(run(d(2024, 11, 2), step::committee_reviewed).empty());
    // ... or on the day of the admission meeting (2024-12-02).
    CHECK(run(d(2024, 12, 2), step::admission_meeting) == "dev.two_introducers");
    CHECK(run(d(2024, 12, 3), step::admission_meeting).empty());
}

TEST_CASE("细则2014 第9条 [S] dev.contacts_1_to_2: the contacts still qualify when the target is listed",
          "[development][contacts]") {
    auto const l = lapsing(member_id{9}, d(2024, 6, 1));
    development_case c(person(), rule_set::national_2014());
    for (auto r : full_history()) {
        if (kind_of(r) == step::target_determined) {
            CHECK(try_record(c, r, l) == "dev.contacts_1_to_2");
            // A replacement contact clears it.
            auto fixed = c;
            fixed.record(contacts_assigned_step{.date = d(2024, 8, 1), .members = {member_id{1}}}, l);
            CHECK(try_record(fixed, r, l).empty());
            break;
        }
        if (auto* x = std::get_if<contacts_assigned_step>(&r)) x->members = {member_id{1}, member_id{9}};
        c.record(r, l);
    }
}

TEST_CASE("细则2014 [S] dev.approval_collective_vote: the higher committee's counts carry the decision",
          "[development][vote]") {
    auto const c = case_until(step::admission_approved);
    auto approve = [&](branch_vote v, bool passed) {
        return try_record(c, admission_approved_step{.date = d(2025, 2, 10), .passed = passed, .vote = v});
    };
    CHECK(approve({9, 5, 0, 5, 0, 0}, true).empty());
    CHECK(approve({9, 4, 0, 4, 0, 0}, true) == "dev.approval_collective_vote");  // 4 of 9: no quorum
    CHECK(approve({9, 8, 0, 4, 4, 0}, true) == "dev.approval_collective_vote");  // 4 yes of 9 do not carry
    CHECK(approve({9, 8, 0, 4, 4, 0}, false).empty());
    auto const conv = case_until(step::conversion_approved);
    CHECK(try_record(conv,
                     conversion_approved_step{
                         .date = d(2026, 1, 10), .passed = true, .vote = branch_vote{7, 3, 0, 3, 0, 0}}) ==
          "dev.approval_collective_vote");
}

TEST_CASE("[L] dev.public_notice: before activists and conversions where the profile asks for it",
          "[development][notice]") {
    auto const rules = make_profile("notice-all", [](rule_set& r) {
        r.development.public_notice_working_days = 5;
        r.development.public_notice_before_activist = true;
        r.development.public_notice_before_conversion = true;
    });
    development_case c(person(), rules);
    for (auto const& r : full_history()) {
        if (kind_of(r) == step::activist_determined) {
            CHECK(try_record(c, r) == "dev.public_notice");
            // Monday 2023-08-21 to Friday 2023-08-25: five working days.
            c.record(public_notice_step{.date = d(2023, 8, 21),
                                        .notice_for = step::activist_determined,
                                        .notice_end = d(2023, 8, 25)},
                     lookup);
        }
        if (kind_of(r) == step::target_determined || kind_of(r) == step::admission_meeting) {
            auto const start = record_date(r) - date::days{14};
            c.record(
                public_notice_step{
                    .date = start, .notice_for = kind_of(r), .notice_end = start + date::days{8}},
                lookup);
        }
        if (kind_of(r) == step::conversion_meeting) {
            CHECK(try_record(c, r) == "dev.public_notice");
            // The national set asks for no notice before a conversion.
            CHECK(try_record(case_until(step::conversion_meeting), r).empty());
            break;
        }
        c.record(r, lookup);
    }
}

TEST_CASE("cal.month_end_clamp: a date that does not exist is refused, not moved to another day",
          "[development][calendar]") {
    using namespace date::literals;
    CHECK(invalid_field([] { step_record r = talk_held_step{2025_y / 2 / 30}; }) == "date");
    CHECK(invalid_field([] { civil_day x{2025_y / 13 / 1}; }) == "date");
    auto c = case_until(step::talk_held);
    CHECK(invalid_field([&] { c.record(talk_held_step{.date = 2023_y / 2 / 29, .by = member_id{1}}); }) ==
          "date");
    CHECK(c.records().size() == 1);
    CHECK(civil_day{2024_y / 2 / 29} == d(2024, 2, 29));
    applicant a = person();
    CHECK(invalid_field([&] { a.birth_date = 2001_y / 2 / 29; }) == "date");
}

TEST_CASE(
    "细则2014 第16条 [S] dev.political_review_mobile_consult: a mobile applicant's review consults both "
    "places",
    "[development][review]") {
    auto a = person();
    a.mobile = true;
    development_case c(a, rule_set::national_2014());
    for (auto const& r : full_history()) {
        if (kind_of(r) == step::political_review) break;
        c.record(r, lookup);
    }
    political_review_step review{.date = d(2024, 10, 10), .passed = true, .conclusion = "政治审查合格"};
    CHECK(try_record(c, review) == "dev.political_review_mobile_consult");
    review.household_org = "山东省济南市历下区甸柳街道党工委";
    CHECK(try_record(c, review) == "dev.political_review_mobile_consult");
    review.residence_org = "浙江省杭州市西湖区某社区党委";
    CHECK(try_record(c, review).empty());
    // A review that failed needs no consultation on record; an applicant who is not mobile neither.
    CHECK(try_record(
              c,
              political_review_step{.date = d(2024, 10, 10), .passed = false, .conclusion = "政治审查不合格"})
              .empty());
    CHECK(try_record(case_until(step::political_review), standard(step::political_review)).empty());
}

}  // namespace development_fidelity_test_cases
