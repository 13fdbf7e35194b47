#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "dangyuan/evaluation/disposition.hpp"
#include "dangyuan/evaluation/evaluation_agenda.hpp"
#include "rules_test_prelude.hpp"

namespace disposition_test_cases {

namespace {
org_id const branch{10};
member_id const who{7};
using g = disposition_ground;
using f = disposition_form;

disposition_file new_file() {
    return disposition_file{who, "李四", branch, rules.name, {}};
}

std::vector<talker> two_full() {
    return {{member_id{1}, member_status::full}, {member_id{2}, member_status::full}};
}

// 9 entitled, 7 present, 5 yes: quorum and majority.
branch_vote const carried{9, 7, 0, 5, 2, 0};

void open(disposition_file& file, std::string matter, disposition_ground ground, date::sys_days on,
          member_status status = member_status::full) {
    record(file, disposition_opened{on, std::move(matter), ground, row_of(ground).form, status, "支部委员会"},
           rules);
}

// Filing, investigation, talk and a carried vote, one day apart from `on`; returns the vote's date.
date::sys_days procedure(disposition_file& file, std::string const& matter, date::sys_days on) {
    record(file, prior_filed{on, matter, "街道党工委"}, rules);
    record(file, investigated{on + date::days{1}, matter, "核实属实"}, rules);
    record(file, talk_held{on + date::days{2}, matter, two_full(), ""}, rules);
    record(file, branch_meeting_voted{on + date::days{3}, matter, carried}, rules);
    return on + date::days{3};
}

}  // namespace

TEST_CASE("处置办法2024 第6条起 [S] disposition.grounds: each ground leads to its one form",
          "[disposition]") {
    int corrections = 0, persuasions = 0, removals = 0;
    for (auto const& row : ground_table) {
        CHECK(parse_disposition_ground(row.code) == row.ground);
        CHECK(parse_disposition_ground(row.chinese) == row.ground);
        CHECK(allows(row.ground, row.form));
        corrections += row.form == f::correction;
        persuasions += row.form == f::persuasion;
        removals += row.form == f::removal;
        CHECK(row.exit_kind.has_value() == (row.form != f::correction));
    }
    CHECK(corrections == 5);
    CHECK(persuasions == 2);
    CHECK(removals == 4);
    CHECK(invalid_field([] { (void)parse_disposition_ground("迟到"); }) == "ground");
    auto file = new_file();
    CHECK(violated_rule([&] {
              record(file,
                     disposition_opened{d(2025, 3, 1), "信仰宗教", g::religious_belief, f::removal,
                                        member_status::full, ""},
                     rules);
          }) == "disposition.grounds");
    CHECK(violated_rule([&] {
              record(file,
                     disposition_opened{d(2025, 3, 1), "丧失党员条件", g::lost_member_conditions,
                                        f::persuasion, member_status::full, ""},
                     rules);
          }) == "disposition.grounds");
    CHECK(file.records.empty());
    CHECK(invalid_field([&] { open(file, " ", g::passivity, d(2025, 3, 1)); }) == "matter");
}

TEST_CASE(
    "处置办法2024 第3-5条 [S] disposition.forms: correction, persuasion and removal and their standing "
    "outcomes",
    "[disposition]") {
    CHECK(chinese_name(f::correction) == "限期改正");
    CHECK(chinese_name(f::persuasion) == "劝其退党");
    CHECK(chinese_name(f::removal) == "除名");

    SECTION("劝退: approved, then the member withdraws: standing persuaded_to_withdraw") {
        auto file = new_file();
        open(file, "以退党相要挟", g::threatening_to_quit, d(2025, 3, 1));
        auto const voted = procedure(file, "以退党相要挟", d(2025, 3, 2));
        CHECK(
            invalid_field([&] {
                record(file, disposition_approved{voted, "以退党相要挟", "街道党工委", d(2025, 9, 5)}, rules);
            }) == "correct_until");
        record(file, disposition_approved{d(2025, 3, 10), "以退党相要挟", "街道党工委"}, rules);
        CHECK(dispositions_of(file, rules)[0].outcome == disposition_outcome::awaiting_answer);
        auto items = disposition_agenda(file, d(2025, 3, 12), rules);
        REQUIRE(test::kinds_of(items) == std::vector<std::string>{"disposition.persuasion_answer"});
        CHECK(items[0].rule_id == "disposition.forms");
        CHECK(items[0].member == who);
        CHECK(items[0].subject == "李四");
        CHECK_FALSE(standing_exit(file, rules).has_value());
        record(file, persuasion_answered{d(2025, 3, 20), "以退党相要挟", true}, rules);
        auto const exit = standing_exit(file, rules);
        REQUIRE(exit.has_value());
        CHECK(exit->kind == standing_event_kind::persuaded_to_withdraw);
        CHECK(exit->date == d(2025, 3, 20));
        // The event is legal for the member's standing.
        auto const member = test::full_member(branch, "李四", d(2010, 7, 1));
        CHECK_NOTHROW(check_standing_event(member, {}, *exit));
        CHECK(disposition_agenda(file, d(2025, 3, 20), rules).empty());
        // Nothing follows an exit.
        CHECK(violated_rule([&] { open(file, "其他问题", g::passivity, d(2025, 4, 1)); }) ==
              "standing.final_exits");
    }
    SECTION(
        "除名 takes effect on approval: standing removed, or removed_self_withdrawal for self-withdrawal "
        "grounds") {
        auto file = new_file();
        open(file, "丧失党员条件", g::lost_member_conditions, d(2025, 3, 1));
        procedure(file, "丧失党员条件", d(2025, 3, 2));
        record(file, disposition_approved{d(2025, 3, 10), "丧失党员条件", "街道党工委"}, rules);
        CHECK(standing_exit(file, rules)->kind == standing_event_kind::removed);
        CHECK(standing_exit(file, rules)->date == d(2025, 3, 10));
        CHECK(invalid_field([&] {
                  record(file, persuasion_answered{d(2025, 3, 11), "丧失党员条件", true}, rules);
              }) == "matter");

        auto lost = new_file();
        open(lost, "失联", g::suspended_unreachable_2_years, d(2025, 3, 1));
        procedure(lost, "失联", d(2025, 3, 2));
        record(lost, disposition_approved{d(2025, 3, 10), "失联", "街道党工委"}, rules);
        auto const e = standing_exit(lost, rules);
        CHECK(e->kind == standing_event_kind::removed_self_withdrawal);
        // A suspended member may be removed as self-withdrawal.
        auto const member = test::full_member(branch, "李四", d(2010, 7, 1));
        std::vector<standing_event> history{{standing_event_kind::suspended, d(2023, 1, 5), "失联", "支部"}};
        CHECK_NOTHROW(check_standing_event(member, history, *e));
    }
}

TEST_CASE("发展党员工作细则2014 [S] disposition.not_for_probationary: probationary members are not disposed",
          "[disposition]") {
    auto file = new_file();
    CHECK(violated_rule([&] {
              open(file, "不参加组织生活", g::org_life_or_dues_lapses, d(2025, 3, 1),
                   member_status::probationary);
          }) == "disposition.not_for_probationary");
    CHECK(file.records.empty());
    open(file, "不参加组织生活", g::org_life_or_dues_lapses, d(2025, 3, 1), member_status::full);
    CHECK(file.records.size() == 1);
}

TEST_CASE("处置办法2024 第3-5条 [S] disposition.no_double_disposition: one disposition per matter",
          "[disposition]") {
    auto file = new_file();
    open(file, "2025年度民主评议不合格", g::passivity, d(2025, 3, 1));
    CHECK(violated_rule([&] { open(file, "2025年度民主评议不合格", g::passivity, d(2025, 3, 2)); }) ==
          "disposition.no_double_disposition");  // still under way
    CHECK(violated_rule([&] {
              record(file,
                     disposition_opened{d(2025, 3, 2), "违纪问题", g::passivity, f::correction,
                                        member_status::full, "", std::nullopt, true},
                     rules);
          }) == "disposition.no_double_disposition");                   // already disciplined for it
    open(file, "欠缴党费", g::org_life_or_dues_lapses, d(2025, 3, 2));  // another matter is fine
    procedure(file, "2025年度民主评议不合格", d(2025, 3, 3));
    record(file, disposition_approved{d(2025, 3, 10), "2025年度民主评议不合格", "街道党工委"}, rules);
    CHECK(violated_rule([&] { open(file, "2025年度民主评议不合格", g::weak_ideals, d(2025, 3, 11)); }) ==
          "disposition.no_double_disposition");  // correcting
    record(file, correction_reviewed{d(2025, 9, 10), "2025年度民主评议不合格", true, "已改正"}, rules);
    CHECK(dispositions_of(file, rules)[0].outcome == disposition_outcome::corrected);
    CHECK(violated_rule([&] { open(file, "2025年度民主评议不合格", g::passivity, d(2025, 9, 11)); }) ==
          "disposition.no_double_disposition");  // disposed already
    // A disposition that was not adopted can be proposed again.
    record(file, disposition_dropped{d(2025, 9, 11), "欠缴党费", "已补交党费"}, rules);
    CHECK(invalid_field([&] {
              record(file, disposition_dropped{d(2025, 9, 11), "欠缴党费", "again"}, rules);
          }) == "matter");
    open(file, "欠缴党费", g::org_life_or_dues_lapses, d(2025, 9, 12));
    CHECK(dispositions_of(file, rules).size() == 3);
}

TEST_CASE(
    "处置办法2024 第6条起 [S] disposition.follow_up: 劝退 after a correction without change, 除名 after a "
    "refusal",
    "[disposition]") {
    auto file = new_file();
    std::string const matter = "消极懈怠";
    CHECK(violated_rule([&] { open(file, matter, g::no_change_after_correction, d(2025, 1, 10)); }) ==
          "disposition.follow_up");  // there was no correction
    open(file, matter, g::passivity, d(2025, 1, 10));
    procedure(file, matter, d(2025, 1, 11));
    record(file, disposition_approved{d(2025, 1, 15), matter, "街道党工委"}, rules);
    CHECK(violated_rule([&] { open(file, matter, g::no_change_after_correction, d(2025, 2, 1)); }) ==
          "disposition.no_double_disposition");  // the correction is still running
    record(file, correction_reviewed{d(2025, 7, 15), matter, false, "仍无转变"}, rules);
    CHECK(violated_rule([&] { open(file, matter, g::refused_to_withdraw, d(2025, 7, 16)); }) ==
          "disposition.follow_up");  // 除名 follows a refused 劝退, not a correction
    CHECK(test::kinds_of(disposition_agenda(file, d(2025, 7, 16), rules)) ==
          std::vector<std::string>{"disposition.consider_persuasion"});
    open(file, matter, g::no_change_after_correction, d(2025, 7, 16));
    CHECK(test::kinds_of(disposition_agenda(file, d(2025, 7, 16), rules)) ==
          std::vector<std::string>{"disposition.next_step"});
    procedure(file, matter, d(2025, 7, 17));
    record(file, disposition_approved{d(2025, 7, 25), matter, "街道党工委"}, rules);
    record(file, persuasion_answered{d(2025, 8, 1), matter, false}, rules);
    CHECK(test::kinds_of(disposition_agenda(file, d(2025, 8, 1), rules)) ==
          std::vector<std::string>{"disposition.consider_removal"});
    CHECK(violated_rule([&] { open(file, matter, g::no_change_after_correction, d(2025, 8, 2)); }) ==
          "disposition.follow_up");
    open(file, matter, g::refused_to_withdraw, d(2025, 8, 2));
    procedure(file, matter, d(2025, 8, 3));
    record(file, disposition_approved{d(2025, 8, 10), matter, "街道党工委"}, rules);
    auto const ds = dispositions_of(file, rules);
    REQUIRE(ds.size() == 3);
    CHECK(ds[0].outcome == disposition_outcome::not_corrected);
    CHECK(ds[1].outcome == disposition_outcome::refused);
    CHECK(ds[2].outcome == disposition_outcome::removed);
    CHECK(standing_exit(file, rules)->kind == standing_event_kind::removed);
    CHECK(disposition_agenda(file, d(2025, 8, 10), rules).empty());
}

TEST_CASE("处置办法2024 [S] disposition.prior_filing: filed in advance before the branch meeting votes",
          "[disposition]") {
    auto file = new_file();
    std::string const matter = "不按时交纳党费";
    open(file, matter, g::org_life_or_dues_lapses, d(2025, 3, 1));
    record(file, investigated{d(2025, 3, 2), matter, ""}, rules);
    record(file, talk_held{d(2025, 3, 3), matter, two_full(), ""}, rules);
    CHECK(violated_rule([&] {
              record(file, branch_meeting_voted{d(2025, 3, 4), matter, carried}, rules);
          }) == "disposition.prior_filing");
    CHECK(invalid_field([&] {
              record(file, prior_filed{d(2025, 3, 4), matter, ""}, rules);
          }) == "filed_with");
    record(file, prior_filed{d(2025, 3, 4), matter, "街道党工委"},
           rules);  // late in the procedure, still before the vote
    record(file, branch_meeting_voted{d(2025, 3, 4), matter, carried}, rules);
}

TEST_CASE(
    "处置办法2024 [U] disposition.procedure_order: investigation, talk, vote, approval, each once, in order",
    "[disposition]") {
    auto file = new_file();
    std::string const matter = "理想信念淡化";
    CHECK(invalid_field([&] { record(file, investigated{d(2025, 3, 2), matter, ""}, rules); }) == "matter");
    open(file, matter, g::weak_ideals, d(2025, 3, 1));
    record(file, prior_filed{d(2025, 3, 1), matter, "街道党工委"}, rules);
    CHECK(violated_rule([&] {
              record(file, talk_held{d(2025, 3, 2), matter, two_full(), ""}, rules);
          }) == "disposition.procedure_order");
    CHECK(violated_rule([&] {
              record(file, prior_filed{d(2025, 3, 2), matter, "街道党工委"}, rules);
          }) == "disposition.procedure_order");  // twice
    CHECK(violated_rule([&] {
              record(file, investigated{d(2025, 2, 28), matter, ""}, rules);
          }) == "disposition.procedure_order");  // dated before the last record
    record(file, investigated{d(2025, 3, 2), matter, ""}, rules);
    CHECK(violated_rule([&] {
              record(file, branch_meeting_voted{d(2025, 3, 3), matter, carried}, rules);
          }) == "disposition.procedure_order");  // no talk yet
    record(file, talk_held{d(2025, 3, 3), matter, two_full(), ""}, rules);
    CHECK(violated_rule([&] {
              record(file, disposition_approved{d(2025, 3, 4), matter, "街道党工委"}, rules);
          }) == "disposition.procedure_order");  // no vote yet
    record(file, branch_meeting_voted{d(2025, 3, 4), matter, carried}, rules);
    CHECK(violated_rule([&] {
              record(file, branch_meeting_voted{d(2025, 3, 4), matter, carried}, rules);
          }) == "disposition.procedure_order");
    CHECK(invalid_field([&] {
              record(file, disposition_approved{d(2025, 3, 5), matter, ""}, rules);
          }) == "approved_by");
    CHECK(invalid_field([&] { open(file, "另一问题", g::passivity, d(2025, 3, 3)); }) == "date");
    CHECK(test::kinds_of(disposition_agenda(file, d(2025, 3, 4), rules)) ==
          std::vector<std::string>{"disposition.next_step"});
    CHECK(disposition_agenda(file, d(2025, 3, 4), rules)[0].due == d(2025, 3, 4));
    CHECK(disposition_agenda(file, d(2025, 3, 4), rules)[0].rule_id == "disposition.procedure_order");
    record(file, disposition_approved{d(2025, 3, 5), matter, "街道党工委"}, rules);
    CHECK(invalid_field([&] { record(file, investigated{d(2025, 3, 6), matter, ""}, rules); }) == "matter");
    CHECK(invalid_field([&] {
              disposition_file nobody{member_id{}, "", branch, rules.name, {}};
              open(nobody, "x", g::passivity, d(2025, 1, 1));
          }) == "member");
}

TEST_CASE("处置办法2024 [U] disposition.talk_two_full_members: the talk is held by two full members",
          "[disposition]") {
    auto file = new_file();
    std::string const matter = "信仰宗教";
    open(file, matter, g::religious_belief, d(2025, 3, 1));
    record(file, investigated{d(2025, 3, 2), matter, ""}, rules);
    auto talk = [&](std::vector<talker> t) {
        record(file, talk_held{d(2025, 3, 3), matter, std::move(t), ""}, rules);
    };
    CHECK(violated_rule([&] {
              talk({{member_id{1}, member_status::full}});
          }) == "disposition.talk_two_full_members");
    CHECK(violated_rule([&] {
              talk({{member_id{1}, member_status::full}, {member_id{2}, member_status::probationary}});
          }) == "disposition.talk_two_full_members");
    CHECK(violated_rule([&] {
              talk({{member_id{1}, member_status::full}, {member_id{1}, member_status::full}});
          }) == "disposition.talk_two_full_members");  // the same person twice is one talker
    CHECK(invalid_field([&] {
              talk({{who, member_status::full}, {member_id{1}, member_status::full}});
          }) == "talkers");
    CHECK(file.records.size() == 2);
    talk(two_full());
    CHECK(file.records.size() == 3);
}

TEST_CASE(
    "细则2014 第20-21条 [C] vote.quorum_over_half / vote.majority_of_entitled: the branch meeting's vote on "
    "a "
    "disposition",
    "[disposition]") {
    auto file = new_file();
    std::string const matter = "不起作用";
    open(file, matter, g::passivity, d(2025, 3, 1));
    record(file, prior_filed{d(2025, 3, 1), matter, "街道党工委"}, rules);
    record(file, investigated{d(2025, 3, 2), matter, ""}, rules);
    record(file, talk_held{d(2025, 3, 3), matter, two_full(), ""}, rules);
    // 10 entitled, 5 present: not more than half, the vote is void and nothing is recorded.
    CHECK(
        violated_rule([&] {
            record(file, branch_meeting_voted{d(2025, 3, 4), matter, branch_vote{10, 5, 0, 5, 0, 0}}, rules);
        }) == "vote.quorum_over_half");
    CHECK(file.records.size() == 4);
    // 10 entitled, 8 present, 5 yes: exactly half of those entitled does not carry; recorded, not adopted.
    record(file, branch_meeting_voted{d(2025, 3, 4), matter, branch_vote{10, 8, 0, 5, 3, 0}}, rules);
    CHECK(dispositions_of(file, rules)[0].outcome == disposition_outcome::not_adopted);
    CHECK(violated_rule([&] {
              record(file, disposition_approved{d(2025, 3, 5), matter, "街道党工委"}, rules);
          }) == "vote.majority_of_entitled");
    CHECK_FALSE(standing_exit(file, rules).has_value());
    CHECK(disposition_agenda(file, d(2025, 3, 5), rules).empty());
}

TEST_CASE("处置办法2024 [S] disposition.correction_period: generally 6 months, at most 1 year",
          "[disposition]") {
    std::string const matter = "不参加组织生活";
    auto approved_file = [&](date::sys_days approval, std::optional<date::sys_days> until) {
        auto file = new_file();
        open(file, matter, g::org_life_or_dues_lapses, d(2024, 12, 1));
        procedure(file, matter, d(2024, 12, 2));
        record(file, disposition_approved{approval, matter, "街道党工委", until}, rules);
        return file;
    };
    CHECK(dispositions_of(approved_file(d(2025, 1, 15), std::nullopt), rules)[0].correct_until ==
          d(2025, 7, 15));
    CHECK_NOTHROW(approved_file(d(2025, 1, 15), d(2025, 7, 15)));  // 6 months
    CHECK_NOTHROW(approved_file(d(2025, 1, 15), d(2026, 1, 15)));  // 12 months
    CHECK_NOTHROW(approved_file(d(2025, 1, 15), d(2025, 4, 15)));  // shorter than usual: "generally" 6
    CHECK(violated_rule([&] { approved_file(d(2025, 1, 15), d(2026, 1, 16)); }) ==
          "disposition.correction_period");  // 12 months and a day
    CHECK(invalid_field([&] { approved_file(d(2025, 1, 15), d(2025, 1, 15)); }) == "correct_until");
    // Month end: 31 August + 6 months is 28 February.
    CHECK(correction_deadline(d(2025, 8, 31), rules) == d(2026, 2, 28));
    auto file = approved_file(d(2025, 8, 31), std::nullopt);
    CHECK(dispositions_of(file, rules)[0].correct_until == d(2026, 2, 28));
    CHECK(violated_rule([&] {
              record(file, correction_reviewed{d(2026, 2, 27), matter, false, ""}, rules);
          }) == "disposition.correction_period");  // no change found before the end
    record(file, correction_reviewed{d(2026, 2, 28), matter, false, "期满无转变"}, rules);
    CHECK(invalid_field([&] {
              record(file, correction_reviewed{d(2026, 3, 1), matter, true, ""}, rules);
          }) == "matter");
    // A member who corrects early may be found corrected before the end.
    auto early = approved_file(d(2025, 8, 31), std::nullopt);
    record(early, correction_reviewed{d(2025, 12, 1), matter, true, "按时参加组织生活"}, rules);
    CHECK(dispositions_of(early, rules)[0].outcome == disposition_outcome::corrected);
}

TEST_CASE(
    "local practice [L] disposition.correction_review_notice: the review shows a month before the period "
    "ends",
    "[disposition]") {
    std::string const matter = "不参加组织生活";
    auto file = new_file();
    open(file, matter, g::org_life_or_dues_lapses, d(2025, 8, 1));
    procedure(file, matter, d(2025, 8, 2));
    record(file, disposition_approved{d(2025, 8, 31), matter, "街道党工委"}, rules);  // until 2026-02-28
    CHECK(disposition_agenda(file, d(2026, 1, 27), rules).empty());
    auto items = disposition_agenda(file, d(2026, 1, 28), rules);
    REQUIRE(test::kinds_of(items) == std::vector<std::string>{"disposition.correction_review"});
    CHECK(items[0].status == agenda_status::upcoming);
    CHECK(items[0].due == d(2026, 2, 28));
    CHECK(items[0].rule_id == "disposition.correction_period");
    CHECK(disposition_agenda(file, d(2026, 2, 28), rules)[0].status == agenda_status::due);
    CHECK(disposition_agenda(file, d(2026, 3, 1), rules)[0].status == agenda_status::overdue);
    auto early = rules;
    early.evaluation.correction_review_notice_months = 2;
    CHECK(disposition_agenda(file, d(2025, 12, 27), early).empty());
    CHECK(disposition_agenda(file, d(2025, 12, 28), early).size() == 1);
    record(file, correction_reviewed{d(2026, 3, 1), matter, true, ""}, rules);
    CHECK(disposition_agenda(file, d(2026, 3, 1), rules).empty());
    CHECK(disposition_agenda(file, d(2026, 2, 28), rules).size() == 1);  // the state on an earlier day
}

TEST_CASE(
    "处置办法2024 [S] disposition.readmission_bar_5_years: \"5年内不得重新入党\", accepted on the 5th "
    "anniversary of 劝退 or 除名",
    "[disposition]") {
    // From the wording: within 5 years is barred; on the anniversary 5 years have passed.
    standing_event const removed{standing_event_kind::removed, d(2025, 3, 10), "除名", "支部大会"};
    CHECK(readmission_barred_until(d(2025, 3, 10), rules) == d(2030, 3, 9));
    CHECK(violated_rule([&] { check_readmission(removed, d(2030, 3, 9), rules); }) ==
          "disposition.readmission_bar_5_years");                      // day before
    CHECK_NOTHROW(check_readmission(removed, d(2030, 3, 10), rules));  // on the anniversary
    CHECK_NOTHROW(check_readmission(removed, d(2030, 3, 11), rules));  // day after
    // A 29 February exit: the anniversary in a common year is 28 February (cal.month_end_clamp).
    standing_event const leap{standing_event_kind::removed, d(2024, 2, 29), "除名", "支部大会"};
    CHECK(readmission_barred_until(d(2024, 2, 29), rules) == d(2029, 2, 27));
    CHECK(violated_rule([&] { check_readmission(leap, d(2029, 2, 27), rules); }) ==
          "disposition.readmission_bar_5_years");
    CHECK_NOTHROW(check_readmission(leap, d(2029, 2, 28), rules));
    CHECK_NOTHROW(check_readmission(leap, d(2029, 3, 1), rules));
    // Into a leap year the anniversary is 29 February.
    standing_event const into_leap{standing_event_kind::removed, d(2023, 2, 28), "除名", "支部大会"};
    CHECK(violated_rule([&] { check_readmission(into_leap, d(2028, 2, 27), rules); }) ==
          "disposition.readmission_bar_5_years");
    CHECK_NOTHROW(check_readmission(into_leap, d(2028, 2, 28), rules));
    standing_event const persuaded{standing_event_kind::persuaded_to_withdraw, d(2024, 2, 29), "", ""};
    CHECK(readmission_barred_until(persuaded, rules) == d(2029, 2, 27));
    standing_event const self{standing_event_kind::removed_self_withdrawal, d(2020, 6, 30), "", ""};
    CHECK(readmission_barred_until(self, rules) == d(2025, 6, 29));
    standing_event const withdrew{standing_event_kind::withdrew, d(2024, 2, 29), "", ""};
    CHECK_FALSE(readmission_barred_until(withdrew, rules).has_value());
    CHECK_NOTHROW(check_readmission(withdrew, d(2024, 3, 1), rules));

    auto file = new_file();
    open(file, "丧失党员条件", g::lost_member_conditions, d(2024, 2, 1));
    procedure(file, "丧失党员条件", d(2024, 2, 2));
    CHECK_FALSE(readmission_barred_until(file, rules).has_value());
    record(file, disposition_approved{d(2024, 2, 29), "丧失党员条件", "街道党工委"}, rules);
    CHECK(readmission_barred_until(file, rules) == d(2029, 2, 27));
    auto longer = rules;
    longer.evaluation.readmission_bar_years = 6;
    CHECK(readmission_barred_until(file, longer) == d(2030, 2, 27));
}

TEST_CASE(
    "处置办法2024 [S] disposition.six_months_inactive: 党章 第9条's six months are counted by the same "
    "function "
    "as lost contact and dues; a ground the records contradict is refused",
    "[disposition]") {
    auto const opened = [](g ground, date::sys_days on) {
        return disposition_opened{on, "m", ground, row_of(ground).form, member_status::full, "支部委员会"};
    };
    auto const ym = [](int y, unsigned m) { return date::year{y} / date::month{m}; };
    auto const check = [&](g ground, date::sys_days on, disposition_facts const& facts) {
        return violated_rule([&] { check_disposition_facts(opened(ground, on), facts, rules); });
    };
    // Dues paid for 2025-11: December to May unpaid → from 2026-06-01 (self_withdrawal_from, month form).
    disposition_facts paid{.last_dues_month = ym(2025, 11)};
    CHECK(self_withdrawal_from(ym(2025, 12), rules) == d(2026, 6, 1));
    CHECK(check(g::six_months_inactive, d(2026, 5, 31), paid) == "disposition.six_months_inactive");
    CHECK(check(g::six_months_inactive, d(2026, 6, 1), paid).empty());
    // Org life attended 2025-08-31: from 2026-02-28 (day form, month-end clamp).
    disposition_facts attended{.last_org_life = d(2025, 8, 31)};
    CHECK(check(g::six_months_inactive, d(2026, 2, 27), attended) == "disposition.six_months_inactive");
    CHECK(check(g::six_months_inactive, d(2026, 2, 28), attended).empty());
    // Either recorded ground that holds is enough; nothing recorded contradicts nothing.
    disposition_facts both{.last_org_life = d(2025, 8, 31), .last_dues_month = ym(2026, 2)};
    CHECK(check(g::six_months_inactive, d(2026, 3, 1), both).empty());
    CHECK(check(g::six_months_inactive, d(2026, 3, 1), {}).empty());
    // The other grounds are not facts of these records.
    CHECK(check(g::passivity, d(2026, 3, 1), paid).empty());
}

TEST_CASE(
    "处置办法2024 [S] disposition.lost_contact_6_months_to_2_years: 失联6个月以上不满2年, from the contact "
    "log",
    "[disposition]") {
    auto const opened = [](g ground, date::sys_days on) {
        return disposition_opened{on, "m", ground, row_of(ground).form, member_status::full, "支部委员会"};
    };
    auto const check = [&](date::sys_days on, disposition_facts const& facts) {
        return violated_rule(
            [&] { check_disposition_facts(opened(g::lost_contact_6_months_to_2_years, on), facts, rules); });
    };
    disposition_facts const reached{.last_contact = d(2025, 12, 5)};
    std::string const rule = "disposition.lost_contact_6_months_to_2_years";
    CHECK(check(d(2026, 3, 5), reached) == rule);  // in contact 3 months ago
    CHECK(check(d(2026, 6, 4), reached) == rule);
    CHECK(check(d(2026, 6, 5), reached).empty());
    CHECK(check(d(2027, 12, 4), reached).empty());
    CHECK(check(d(2027, 12, 5), reached) == rule);  // 2 years: no longer 不满2年
    CHECK(check(d(2026, 3, 5), {}).empty());        // no contact log
}

TEST_CASE("处置办法2024 [S] disposition.suspended_unreachable_2_years: 停止党籍2年后仍无法取得联系",
          "[disposition]") {
    auto const check = [&](date::sys_days on, disposition_facts const& facts) {
        return violated_rule([&] {
            check_disposition_facts(
                {on, "m", g::suspended_unreachable_2_years, f::removal, member_status::full, ""}, facts,
                rules);
        });
    };
    std::string const rule = "disposition.suspended_unreachable_2_years";
    CHECK(check(d(2026, 3, 1), {}) == rule);  // not suspended
    disposition_facts const suspended{.last_contact = d(2023, 1, 10), .suspended_since = d(2024, 2, 29)};
    CHECK(check(d(2026, 2, 27), suspended) == rule);
    CHECK(check(d(2026, 2, 28), suspended).empty());
    disposition_facts reached = suspended;
    reached.last_contact = d(2025, 5, 1);
    CHECK(check(d(2026, 3, 1), reached) == rule);  // reached after the suspension
}

}  // namespace disposition_test_cases
