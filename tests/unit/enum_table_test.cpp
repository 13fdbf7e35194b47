// The enum tables (core/enum_table.hpp): every table round-trips through its codes and Chinese names,
// and the texts that storage, CSV, the command line and Python read did not change.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <tuple>

#include "dangyuan/dangyuan.hpp"

namespace enum_table_test_cases {

using namespace dangyuan;

namespace {

// Every enumeration of the library with a table.
using tabled = std::tuple<
    // core, rules, org, member, agenda
    id_number_error, on_existing_year, confidence, org_kind, officer_role, member_status, standing_state,
    standing_event_kind, agenda_status,
    // development
    stage, case_outcome, step, recommendation, conversion_decision, timeline_status,
    // mobility
    mobility_reason, episode_record_kind, episode_phase, participation, abroad_kind, transfer_event_kind,
    transfer_state, contact_kind, self_withdrawal_ground, absence_document, certificate_event_kind,
    certificate_state,
    // evaluation
    grade, grade_span, campaign_phase, exemption_reason, decision_body, follow_up_kind, disposition_form,
    disposition_ground, disposition_outcome,
    // life
    meeting_kind, cadence_period, cadence_condition, training_role, dues_rounding, back_payment_policy,
    slot_status, attendance_status, training_level, dues_category, dues_paid_at>;

template <class E>
void check_round_trip() {
    static_assert(enum_table_check<E>);
    auto const rows = enum_rows<E>();
    INFO("enum with first code " << std::string(rows.front().code));
    REQUIRE(!rows.empty());
    CHECK(enum_values<E>().size() == rows.size());
    std::set<std::string_view> codes, chinese, identifiers;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        auto const& r = rows[i];
        INFO("row " << i << " code " << std::string(r.code));
        CHECK(static_cast<std::size_t>(r.value) == i);
        CHECK(enum_values<E>()[i] == r.value);
        CHECK(to_string(r.value) == r.code);
        CHECK(enumerator_name(r.value) == r.identifier());
        CHECK(parse_enum<E>(r.code) == r.value);
        CHECK(parse_enum_or_throw<E>(r.code) == r.value);
        CHECK(codes.insert(r.code).second);
        CHECK(identifiers.insert(r.identifier()).second);
        if constexpr (enum_has_chinese<E>) {
            CHECK(!r.chinese.empty());
            CHECK(chinese_name(r.value) == r.chinese);
            CHECK(parse_enum<E>(r.chinese) == r.value);
            CHECK(chinese.insert(r.chinese).second);
        }
    }
    // Unknown text: nothing, or invalid_input naming the table's field; a value outside the enumeration
    // has no code.
    CHECK_FALSE(parse_enum<E>("no such value").has_value());
    CHECK_FALSE(parse_enum<E>("").has_value());
    try {
        (void)parse_enum_or_throw<E>("no such value");
        FAIL("parse_enum_or_throw accepted an unknown text");
    } catch (invalid_input const& e) {
        CHECK(e.field() == enum_table<E>::field);
        CHECK(e.reason().find("'no such value'") != std::string::npos);
    }
    CHECK(to_string(static_cast<E>(rows.size())) == "?");
}

template <class... E>
void check_all(std::tuple<E...>*) {
    (check_round_trip<E>(), ...);
}

}  // namespace

TEST_CASE("enum tables: every table is complete, in order, with distinct codes that round-trip",
          "[enum_table]") {
    check_all(static_cast<tabled*>(nullptr));
}

TEST_CASE("enum tables: the codes and Chinese names the store and the command line read are unchanged",
          "[enum_table]") {
    // A sample of each way the texts were written before the tables: tables, switches, conditionals and
    // local arrays.
    CHECK(to_string(org_kind::general_branch) == "general_branch");
    CHECK(chinese_name(org_kind::working_committee) == "党工委");
    CHECK(to_string(officer_role::deputy_secretary) == "deputy_secretary");
    CHECK(chinese_name(officer_role::committee_member) == "委员");
    CHECK(to_string(member_status::full) == "full");
    CHECK(chinese_name(member_status::probationary) == "预备党员");
    CHECK(to_string(standing_state::suspended) == "suspended");
    CHECK(chinese_name(standing_event_kind::removed_self_withdrawal) == "自行脱党除名");
    CHECK(chinese_name(agenda_status::finding) == "需关注");
    CHECK(to_string(stage::development_target) == "development_target");
    CHECK(chinese_name(stage::activist) == "入党积极分子");
    CHECK(chinese_name(case_outcome::withdrawn) == "终止发展");
    CHECK(to_string(step::higher_committee_talk) == "higher_committee_talk");
    CHECK(chinese_name(step::conversion_meeting) == "支部大会讨论转正");
    CHECK(official_number(step::archived) == 25);
    CHECK(official_number(step::transferred_in) == 0);
    CHECK(chinese_name(recommendation::mass_organisation) == "群团推优");
    CHECK(chinese_name(conversion_decision::extend) == "延长预备期");
    CHECK(to_string(timeline_status::waiting) == "waiting");
    CHECK(chinese_name(timeline_status::open) == "可办理");
    CHECK(chinese_name(mobility_reason::accompany_family) == "随迁");
    CHECK(chinese_name(abroad_kind::study) == "出国（境）学习研究");
    CHECK(chinese_name(transfer_event_kind::received) == "回执返回");
    CHECK(to_string(transfer_state::expired) == "expired");
    CHECK(to_string(contact_kind::attempt_failed) == "attempt_failed");
    CHECK(chinese_name(self_withdrawal_ground::dues_unpaid) == "连续六个月不交纳党费");
    CHECK(chinese_name(absence_document::home_branch_life) == "在原支部参加组织生活");
    CHECK(to_string(certificate_state::void_lost) == "void_lost");
    CHECK(chinese_name(certificate_event_kind::revoked) == "收回注销");
    CHECK(chinese_name(grade::basically_qualified) == "基本合格");
    CHECK(chinese_name(campaign_phase::closed) == "评议结束");
    CHECK(chinese_name(exemption_reason::away_without_transfer) == "外出半年以上未转组织关系");
    CHECK(to_string(decision_body::branch_meeting) == "branch_meeting");
    CHECK(chinese_name(follow_up_kind::helped) == "帮助改进");
    CHECK(chinese_name(disposition_form::persuasion) == "劝其退党");
    CHECK(chinese_name(disposition_ground::refused_to_withdraw) == "劝而不退");
    CHECK(to_string(disposition_outcome::awaiting_answer) == "awaiting_answer");
    CHECK(chinese_name(meeting_kind::heart_to_heart_talk) == "谈心谈话");
    CHECK(chinese_name(cadence_period::quarter) == "每季度");
    CHECK(chinese_name(training_role::officer) == "支部书记和支部委员");
    CHECK(chinese_name(attendance_status::guest) == "流入列席");
    CHECK(to_string(slot_status::exempt) == "exempt");
    CHECK(chinese_name(slot_status::missed) == "未完成");
    CHECK(chinese_name(training_level::county_or_higher) == "县级以上");
    CHECK(chinese_name(dues_category::low_income) == "依靠救济或领取最低生活保障金的党员");
    CHECK(to_string(id_number_error::bad_check_character) == "bad_check_character");
    CHECK(tag(confidence::third_party) == "[T]");
    CHECK(tag(static_cast<confidence>(99)) == "[?]");
    CHECK(enumerator_name(confidence::local) == "local");
}

TEST_CASE("enum tables: the parse functions keep their fields and messages", "[enum_table]") {
    auto const reason = [](auto parse, std::string_view text) {
        try {
            (void)parse(text);
        } catch (invalid_input const& e) {
            return e.field() + ": " + e.reason();
        }
        return std::string("accepted");
    };
    CHECK(parse_org_kind("党总支") == org_kind::general_branch);
    CHECK(reason(parse_org_kind, "x") == "kind: unknown organisation kind 'x'");
    CHECK(reason(parse_officer_role, "x") == "role: unknown officer role 'x'");
    CHECK(reason(parse_standing_event_kind, "x") == "kind: unknown standing event 'x'");
    CHECK(reason(parse_step, "x") == "step: unknown development step 'x'");
    CHECK(reason(parse_mobility_reason, "x") == "reason: unknown mobility reason 'x'");
    CHECK(reason(parse_episode_record_kind, "x") == "kind: unknown episode record 'x'");
    CHECK(reason(parse_abroad_kind, "x") == "kind: unknown abroad kind 'x'");
    CHECK(reason(parse_certificate_event_kind, "x") == "kind: unknown certificate event 'x'");
    CHECK(reason(parse_campaign_phase, "x") == "phase: unknown campaign phase 'x'");
    CHECK(reason(parse_exemption_reason, "x") == "reason: 'x' is not an exemption category");
    CHECK(reason(parse_grade, "x") ==
          "grade: unknown grade 'x' (expected 优秀, 合格, 基本合格, 不合格 or their English codes)");
    CHECK(reason(parse_disposition_ground, "x") == "ground: 'x' is not a ground of disposition");
    CHECK(reason(parse_meeting_kind, "x") == "kind: unknown meeting kind 'x'");
    CHECK(reason(parse_training_level, "x") == "level: unknown training level 'x'");
    CHECK(reason(parse_dues_category, "x") == "category: unknown dues category 'x'");
    // Surrounding blanks are not accepted.
    CHECK(reason(parse_grade, " 优秀") != "accepted");
    CHECK(enum_codes<grade>() == "excellent, qualified, basically_qualified, unqualified");
}

}  // namespace enum_table_test_cases
