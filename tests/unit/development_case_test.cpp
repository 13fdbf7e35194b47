#include <catch2/catch.hpp>

#include "development_support.hpp"

namespace development_case_test_cases {

using namespace dangyuan;
using namespace devtest;

TEST_CASE(
    "细则2014 发展党员工作流程 [S] dev.step_sequence: a complete case passes all 25 steps to full member",
    "[development]") {
    auto const c = case_until(step::withdrawn);  // never in the history: records everything
    auto const& st = c.state();
    CHECK(st.current == stage::full_member);
    CHECK_FALSE(st.outcome.has_value());
    CHECK(st.admission_meeting == d(2024, 12, 2));
    CHECK(st.probation_end == d(2025, 12, 2));
    CHECK(st.full_member_date == d(2025, 12, 2));  // the end of probation, not the approval date
    CHECK(st.archived == d(2026, 2, 1));
    std::set<int> numbers;
    for (auto const& r : c.records())
        numbers.insert(official_number(kind_of(r)));
    CHECK(numbers.size() == 25);  // all 25 official steps
    CHECK(c.state_on(d(2023, 8, 31)).current == stage::applicant);
    CHECK(c.state_on(d(2023, 9, 1)).current == stage::activist);
    CHECK(c.state_on(d(2024, 9, 2)).current == stage::development_target);
    CHECK(c.state_on(d(2024, 12, 2)).current == stage::probationary);
    CHECK(c.state_on(d(2026, 1, 9)).current == stage::probationary);
    CHECK(c.state_on(d(2026, 1, 10)).current == stage::full_member);
}

TEST_CASE(
    "细则2014 发展党员工作流程 [S] dev.step_sequence: steps out of sequence are refused and change nothing",
    "[development]") {
    development_case c(person(), rule_set::national_2014());
    CHECK(violated_rule([&] { c.record(talk_held_step{d(2023, 3, 2)}); }) == "dev.step_sequence");
    c.record(standard(step::application_submitted), lookup);
    CHECK(violated_rule([&] { c.record(standard(step::application_submitted), lookup); }) ==
          "dev.step_sequence");
    CHECK(violated_rule([&] {
              c.record(admission_meeting_step{.date = d(2023, 3, 5), .vote = good_vote()});
          }) == "dev.step_sequence");
    CHECK(violated_rule([&] { c.record(conversion_meeting_step{d(2023, 3, 5)}); }) == "dev.step_sequence");
    CHECK(c.records().size() == 1);

    auto t = case_until(step::target_determined);
    auto before = t.state();
    // A target needs the activist filed first: the specific rule is named.
    auto no_filing = development_case(person(), rule_set::national_2014());
    for (auto const& r : full_history()) {
        if (kind_of(r) == step::activist_filed) continue;
        if (kind_of(r) == step::target_determined) {
            CHECK(violated_rule([&] { no_filing.record(r, lookup); }) == "dev.activist_filed");
            break;
        }
        no_filing.record(r, lookup);
    }
    CHECK(violated_rule([&] { t.record(standard(step::admission_approved), lookup); }) ==
          "dev.step_sequence");
    CHECK(t.state() == before);
}

TEST_CASE("dev.step_sequence: records go in date order and name the field when they do not",
          "[development]") {
    auto c = case_until(step::activist_filed);
    auto const field = invalid_field([&] { c.record(activist_filed_step{d(2023, 8, 31)}); });
    CHECK(field == "date");
}

TEST_CASE("细则2014 发展党员工作流程 [S] dev.step_sequence: replaying stored records gives the same case",
          "[development]") {
    auto const c = case_until(step::conversion_meeting);
    auto const again = development_case::replay(c.person(), c.rules(), false, c.records());
    CHECK(again.state() == c.state());
    CHECK(again.records() == c.records());
}

TEST_CASE(
    "细则2014 第33条 [C] dev.extension_6_to_12_months: extend once, convert at the end of the extension",
    "[development]") {
    auto c = case_until(step::conversion_meeting);
    auto extend = branch_vote{20, 15, 0, 12, 3, 0};
    c.record(conversion_meeting_step{.date = d(2025, 12, 5),
                                     .vote = extend,
                                     .decision = conversion_decision::extend,
                                     .extension_months = 6},
             lookup);
    c.record(conversion_approved_step{.date = d(2026, 1, 10), .passed = true}, lookup);
    CHECK(c.state().probation_end == d(2026, 6, 2));
    CHECK(c.state().current == stage::probationary);
    c.record(conversion_applied_step{d(2026, 5, 20)}, lookup);
    // A second extension is refused.
    CHECK(violated_rule([&] {
              c.record(conversion_meeting_step{.date = d(2026, 6, 3),
                                               .vote = extend,
                                               .decision = conversion_decision::extend,
                                               .extension_months = 6},
                       lookup);
          }) == "dev.extension_6_to_12_months");
    // Conversion before the extended probation ends is refused.
    CHECK(violated_rule([&] {
              c.record(
                  conversion_meeting_step{
                      .date = d(2026, 6, 1), .vote = extend, .decision = conversion_decision::convert},
                  lookup);
          }) == "dev.conversion_after_probation");
    c.record(
        conversion_meeting_step{
            .date = d(2026, 6, 2), .vote = extend, .decision = conversion_decision::convert},
        lookup);
    c.record(conversion_approved_step{.date = d(2026, 7, 1), .passed = true}, lookup);
    CHECK(c.state().current == stage::full_member);
    CHECK(c.state().full_member_date == d(2026, 6, 2));
}

TEST_CASE("细则2014 第33条 [C] dev.extension_6_to_12_months: 6 and 12 months allowed, 5 and 13 refused",
          "[development]") {
    auto c = case_until(step::conversion_meeting);
    auto attempt = [&](int months) {
        auto copy = c;
        copy.record(conversion_meeting_step{.date = d(2025, 12, 5),
                                            .vote = good_vote(),
                                            .decision = conversion_decision::extend,
                                            .extension_months = months},
                    lookup);
    };
    CHECK(violated_rule([&] { attempt(5); }) == "dev.extension_6_to_12_months");
    CHECK_NOTHROW(attempt(6));
    CHECK_NOTHROW(attempt(12));
    CHECK(violated_rule([&] { attempt(13); }) == "dev.extension_6_to_12_months");
}

TEST_CASE(
    "细则2014 第33条 [C] dev.conversion_after_probation: cancellation ends the case; a failed vote is not "
    "admission",
    "[development]") {
    auto c = case_until(step::conversion_meeting);
    c.record(
        conversion_meeting_step{
            .date = d(2025, 12, 5), .vote = good_vote(), .decision = conversion_decision::cancel},
        lookup);
    c.record(conversion_approved_step{.date = d(2026, 1, 5), .passed = true}, lookup);
    CHECK(c.state().outcome == case_outcome::probation_cancelled);
    CHECK(violated_rule([&] { c.record(probation_assessed_step{d(2026, 2, 1)}, lookup); }) ==
          "dev.step_sequence");

    auto t = case_until(step::admission_meeting);
    t.record(admission_meeting_step{.date = d(2024, 12, 2), .vote = branch_vote{20, 15, 0, 10, 5, 0}},
             lookup);  // 10 of 20
    CHECK(t.state().outcome == case_outcome::not_admitted);
    CHECK(t.state().current == stage::development_target);
    CHECK_FALSE(t.state().admission_meeting.has_value());
}

TEST_CASE("dev.step_sequence: the timeline lists the 25 steps with legal dates and status", "[development]") {
    auto const c = case_until(step::admission_approved);
    auto const rows = case_timeline(c, d(2025, 3, 10));
    REQUIRE(rows.size() == 25);
    CHECK(rows[0].kind == step::application_submitted);
    CHECK(rows[1].deadline == d(2023, 4, 1));  // talk within 1 month of 2023-03-01
    CHECK(rows[1].status == timeline_status::done);
    CHECK(rows[6].earliest == d(2024, 9, 1));  // target: one year after 2023-09-01
    auto const& approval = rows[16];
    CHECK(approval.kind == step::admission_approved);
    CHECK(approval.deadline == d(2025, 3, 2));
    CHECK(approval.status == timeline_status::overdue);
    CHECK(rows[24].status == timeline_status::waiting);
}

TEST_CASE("细则2014 [S] dev.approval_within_3_months: agenda shows the approval deadline and a missing talk",
          "[development][agenda]") {
    auto c = case_until(step::higher_committee_talk);
    auto items = case_agenda(c, d(2025, 2, 2), case_id{9});
    REQUIRE(items.size() == 1);
    CHECK(items[0].rule_id == "dev.approval_within_3_months");
    CHECK(items[0].due == d(2025, 3, 2));
    CHECK(items[0].status == agenda_status::upcoming);
    CHECK(items[0].case_ref == case_id{9});
    CHECK_THAT(items[0].message, Catch::Contains("still missing"));
    CHECK(case_agenda(c, d(2025, 2, 1)).empty());  // shown from 1 month ahead
    CHECK(case_agenda(c, d(2025, 3, 3))[0].status == agenda_status::overdue);
}

TEST_CASE("细则2014 第7条 [C] dev.talk_within_1_month: agenda item due a month after the application",
          "[development][agenda]") {
    auto c = case_until(step::talk_held);
    auto items = case_agenda(c, d(2023, 3, 1));
    REQUIRE(items.size() == 1);
    CHECK(items[0].rule_id == "dev.talk_within_1_month");
    CHECK(items[0].due == d(2023, 4, 1));
    CHECK(case_agenda(c, d(2023, 4, 1))[0].status == agenda_status::due);
    CHECK(case_agenda(c, d(2023, 4, 2))[0].status == agenda_status::overdue);
}

TEST_CASE("细则2014 第11条 [S] dev.half_year_assessment: an activist is assessed every half year",
          "[development][agenda]") {
    auto c = case_until(step::activist_assessed);
    auto find = [&](date::sys_days on) {
        for (auto const& i : case_agenda(c, on))
            if (i.rule_id == "dev.half_year_assessment") return std::optional(i);
        return std::optional<agenda_item>{};
    };
    CHECK_FALSE(find(d(2024, 1, 31)).has_value());
    CHECK(find(d(2024, 2, 1))->due == d(2024, 3, 1));
    CHECK(find(d(2024, 3, 2))->status == agenda_status::overdue);
    c.record(standard(step::activist_assessed), lookup);
    CHECK(find(d(2024, 8, 1))->due == d(2024, 9, 1));
}

TEST_CASE(
    "党章 第7条 [C] dev.probation_1_year: probation ends a year after the admission meeting; agenda and "
    "archive",
    "[development][agenda]") {
    auto c = case_until(step::conversion_applied);
    auto items = case_agenda(c, d(2025, 11, 2));
    REQUIRE(items.size() == 1);
    CHECK(items[0].rule_id == "dev.probation_1_year");
    CHECK(items[0].due == d(2025, 12, 2));
    auto done = case_until(step::archived);
    auto archive = case_agenda(done, d(2026, 1, 20));
    REQUIRE(archive.size() == 1);
    CHECK(archive[0].rule_id == "dev.archive_after_conversion");
    CHECK(archive[0].status == agenda_status::finding);
    auto archived = case_until(step::withdrawn);
    CHECK(case_agenda(archived, d(2026, 3, 1)).empty());
}

TEST_CASE(
    "细则2014 第37条 [C] dev.archive_after_conversion: archiving comes only after the conversion approval",
    "[development]") {
    auto c = case_until(step::conversion_approved);
    CHECK(violated_rule([&] { c.record(archived_step{d(2026, 1, 5)}, lookup); }) == "dev.step_sequence");
}

TEST_CASE("dev.step_sequence: a withdrawn case needs its reason and closes", "[development]") {
    auto c = case_until(step::target_determined);
    CHECK(invalid_field([&] { c.record(withdrawn_step{d(2024, 5, 1)}, lookup); }) == "reason");
    c.record(withdrawn_step{.date = d(2024, 5, 1), .reason = "调离本单位"}, lookup);
    CHECK(c.state().outcome == case_outcome::withdrawn);
    CHECK(case_agenda(c, d(2024, 6, 1)).empty());
}

TEST_CASE("step records: one struct per step kind, in the order of the flow chart", "[development]") {
    for (auto const& row : all_steps()) {
        auto const r = make_step(row.kind, d(2024, 5, 6));
        CHECK(kind_of(r) == row.kind);
        CHECK(record_date(r) == d(2024, 5, 6));
        CHECK(reason_of(r).empty());
    }
    static_assert(std::is_same_v<std::variant_alternative_t<1, step_record>, talk_held_step>);
    static_assert(record_index<transferred_in_step, step_record> ==
                  static_cast<std::size_t>(step::transferred_in));
    step_record const late = talk_held_step{.date = d(2023, 4, 2), .by = member_id{1}, .reason = "出差"};
    CHECK(kind_of(late) == step::talk_held);
    CHECK(reason_of(late) == "出差");
    CHECK(reason_of(step_record{activist_filed_step{d(2023, 9, 10)}}).empty());
    CHECK(invalid_field([] { (void)make_step(static_cast<step>(99), d(2024, 1, 1)); }) == "step");
}

}  // namespace development_case_test_cases
