#pragma once
/// \file
/// Stages, steps and outcomes of the development pipeline (发展党员), after the 2014 official flow
/// chart (发展党员工作流程: 5 stages, 25 steps), and the records of the steps: one struct per kind.

#include <date/date.h>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "dangyuan/core/calendar.hpp"
#include "dangyuan/core/enum_table.hpp"
#include "dangyuan/core/errors.hpp"
#include "dangyuan/core/ids.hpp"
#include "dangyuan/core/record_variant.hpp"
#include "dangyuan/rules/vote.hpp"

namespace dangyuan {

/// The five stages (阶段) a person passes through.
enum class stage {
    applicant,           ///< 入党申请人 (stage I: 申请入党)
    activist,            ///< 入党积极分子 (stage II)
    development_target,  ///< 发展对象 (stage III)
    probationary,        ///< 预备党员 (stages IV-V: admitted, on probation)
    full_member,         ///< 正式党员 (converted)
};

/// How a case ended without a full member.
enum class case_outcome {
    not_admitted,         ///< 未被接收: the branch meeting or the higher committee said no
    probation_cancelled,  ///< 取消预备党员资格
    withdrawn,            ///< the applicant withdrew, or the case was closed (moved away, deceased)
};

/// The 25 steps of the official flow, plus the records the flow needs around them.
enum class step {
    application_submitted,    ///<  1 递交入党申请书
    talk_held,                ///<  2 党组织派人谈话 (repeatable)
    activist_determined,      ///<  3 推荐和确定入党积极分子
    activist_filed,           ///<  4 上级党委备案
    contacts_assigned,        ///<  5 指定培养联系人
    activist_assessed,        ///<  6 培养教育考察 (repeatable, every half year)
    target_determined,        ///<  7 确定发展对象
    target_filed,             ///<  8 报上级党委备案
    introducers_assigned,     ///<  9 确定入党介绍人
    political_review,         ///< 10 进行政治审查
    training_completed,       ///< 11 开展集中培训
    committee_reviewed,       ///< 12 支部委员会审查
    pre_review,               ///< 13 上级党委预审
    application_form_filled,  ///< 14 填写入党志愿书
    admission_meeting,        ///< 15 支部大会讨论 (admission vote)
    higher_committee_talk,    ///< 16 上级党委派人谈话
    admission_approved,       ///< 17 上级党委审批
    approval_filed,           ///< 18 再上一级党委组织部门备案
    assigned_to_branch,       ///< 19 编入党支部和党小组
    oath_taken,               ///< 20 入党宣誓
    probation_assessed,       ///< 21 继续教育考察 (repeatable)
    conversion_applied,       ///< 22 提出转正申请
    conversion_meeting,       ///< 23 支部大会讨论 (conversion vote: convert, extend or cancel)
    conversion_approved,      ///< 24 上级党委审批
    archived,                 ///< 25 材料归档
    public_notice,            ///< 公示 (公示制, local profiles) before a listed step (repeatable)
    cultivation_transferred,  ///< activist moved in: cultivation counted continuously from an earlier date
    withdrawn,                ///< the case is closed without admission
    transferred_in,           ///< a probationary member's relationship transferred in (预备党员转入)
};

namespace detail {
struct step_row {
    step kind;
    int number;  // position in the official 25-step chart, 0 for supporting records
    std::string_view code;
    std::string_view chinese;
};
inline constexpr std::array<step_row, 29> step_table{{
    {step::application_submitted, 1, "application_submitted", "递交入党申请书"},
    {step::talk_held, 2, "talk_held", "党组织派人谈话"},
    {step::activist_determined, 3, "activist_determined", "推荐和确定入党积极分子"},
    {step::activist_filed, 4, "activist_filed", "上级党委备案"},
    {step::contacts_assigned, 5, "contacts_assigned", "指定培养联系人"},
    {step::activist_assessed, 6, "activist_assessed", "培养教育考察"},
    {step::target_determined, 7, "target_determined", "确定发展对象"},
    {step::target_filed, 8, "target_filed", "报上级党委备案"},
    {step::introducers_assigned, 9, "introducers_assigned", "确定入党介绍人"},
    {step::political_review, 10, "political_review", "进行政治审查"},
    {step::training_completed, 11, "training_completed", "开展集中培训"},
    {step::committee_reviewed, 12, "committee_reviewed", "支部委员会审查"},
    {step::pre_review, 13, "pre_review", "上级党委预审"},
    {step::application_form_filled, 14, "application_form_filled", "填写入党志愿书"},
    {step::admission_meeting, 15, "admission_meeting", "支部大会讨论接收"},
    {step::higher_committee_talk, 16, "higher_committee_talk", "上级党委派人谈话"},
    {step::admission_approved, 17, "admission_approved", "上级党委审批"},
    {step::approval_filed, 18, "approval_filed", "再上一级党委组织部门备案"},
    {step::assigned_to_branch, 19, "assigned_to_branch", "编入党支部和党小组"},
    {step::oath_taken, 20, "oath_taken", "入党宣誓"},
    {step::probation_assessed, 21, "probation_assessed", "继续教育考察"},
    {step::conversion_applied, 22, "conversion_applied", "提出转正申请"},
    {step::conversion_meeting, 23, "conversion_meeting", "支部大会讨论转正"},
    {step::conversion_approved, 24, "conversion_approved", "上级党委审批转正"},
    {step::archived, 25, "archived", "材料归档"},
    {step::public_notice, 0, "public_notice", "公示"},
    {step::cultivation_transferred, 0, "cultivation_transferred", "培养考察材料转入"},
    {step::withdrawn, 0, "withdrawn", "终止发展"},
    {step::transferred_in, 0, "transferred_in", "预备党员组织关系转入"},
}};
}  // namespace detail

/// Codes and Chinese names of the steps, as `step_table` gives them.
template <>
struct enum_table<step> {
    static constexpr std::string_view field = "step";
    static constexpr std::string_view noun = "development step";
    static constexpr auto rows = enum_rows_from<&detail::step_row::kind>(detail::step_table);
};
/// Position in the official 25-step flow chart (1-25), 0 for supporting records.
[[nodiscard]] constexpr int official_number(step s) noexcept {
    auto const i = static_cast<std::size_t>(s);  // enum_table<step> checks the order of step_table
    return i < detail::step_table.size() ? detail::step_table[i].number : 0;
}
/// Every step kind, in chart order.
[[nodiscard]] constexpr auto const& all_steps() noexcept {
    return detail::step_table;
}
/// \throws invalid_input{"step"} naming the value.
[[nodiscard]] inline step parse_step(std::string_view s) {
    return parse_enum_or_throw<step>(s);
}

template <>
struct enum_table<stage> {
    static constexpr std::string_view field = "stage";
    static constexpr std::string_view noun = "stage";
    static constexpr enum_row<stage> rows[] = {
        {stage::applicant, "applicant", "入党申请人"},
        {stage::activist, "activist", "入党积极分子"},
        {stage::development_target, "development_target", "发展对象"},
        {stage::probationary, "probationary", "预备党员"},
        {stage::full_member, "full_member", "正式党员"},
    };
};

template <>
struct enum_table<case_outcome> {
    static constexpr std::string_view field = "outcome";
    static constexpr std::string_view noun = "case outcome";
    static constexpr enum_row<case_outcome> rows[] = {
        {case_outcome::not_admitted, "not_admitted", "未被接收"},
        {case_outcome::probation_cancelled, "probation_cancelled", "取消预备党员资格"},
        {case_outcome::withdrawn, "withdrawn", "终止发展"},
    };
};

/// How an activist was recommended (推荐制, 细则 第8条).
enum class recommendation {
    member_recommendation,  ///< 党员推荐
    mass_organisation,      ///< 群团组织推优 (共青团、工会、妇联 …)
};
template <>
struct enum_table<recommendation> {
    static constexpr std::string_view field = "recommended";
    static constexpr std::string_view noun = "recommendation";
    static constexpr enum_row<recommendation> rows[] = {
        {recommendation::member_recommendation, "member_recommendation", "党员推荐"},
        {recommendation::mass_organisation, "mass_organisation", "群团推优"},
    };
};

/// The decision of a conversion meeting (细则 第33条).
enum class conversion_decision {
    convert,  ///< 按期转正
    extend,   ///< 延长预备期 (once, 6-12 months)
    cancel,   ///< 取消预备党员资格
};
template <>
struct enum_table<conversion_decision> {
    static constexpr std::string_view field = "decision";
    static constexpr std::string_view noun = "conversion decision";
    static constexpr enum_row<conversion_decision> rows[] = {
        {conversion_decision::convert, "convert", "按期转正"},
        {conversion_decision::extend, "extend", "延长预备期"},
        {conversion_decision::cancel, "cancel", "取消预备党员资格"},
    };
};

// ---------------------------------------------------------------------------------------------------
// Step records: one struct per kind of step, each with its date and only the fields its kind uses, so
// that a field a kind does not use cannot be set. `step_record` is the variant of them all, in the order
// of `enum class step`. Every date is a `civil_day`: a date that does not exist (2025-02-30) is refused
// when the record is built.

/// 1 递交入党申请书: the written application.
struct application_submitted_step {
    static constexpr step kind = step::application_submitted;
    civil_day date{};
    std::string note;  ///< free-text remarks (备注)
    friend bool operator==(application_submitted_step const&, application_submitted_step const&) = default;
};
/// 2 党组织派人谈话: a talk with the applicant (the first within a month of the application).
struct talk_held_step {
    static constexpr step kind = step::talk_held;
    civil_day date{};
    std::optional<member_id> by;  ///< the member who talked with the applicant
    std::string reason;           ///< why the first talk is late (dev.talk_within_1_month)
    std::string note;             ///< free-text remarks (备注)
    friend bool operator==(talk_held_step const&, talk_held_step const&) = default;
};
/// 3 推荐和确定入党积极分子.
struct activist_determined_step {
    static constexpr step kind = step::activist_determined;
    civil_day date{};
    std::optional<recommendation> recommended;  ///< 党员推荐 / 群团推优 (dev.activist_recommended)
    std::string note;                           ///< free-text remarks (备注)
    friend bool operator==(activist_determined_step const&, activist_determined_step const&) = default;
};
/// 4 上级党委备案.
struct activist_filed_step {
    static constexpr step kind = step::activist_filed;
    civil_day date{};
    std::string document;  ///< the filing reference (备案文号)
    std::string note;      ///< free-text remarks (备注)
    friend bool operator==(activist_filed_step const&, activist_filed_step const&) = default;
};
/// 5 指定培养联系人: one or two contacts (dev.contacts_1_to_2).
struct contacts_assigned_step {
    static constexpr step kind = step::contacts_assigned;
    civil_day date{};
    std::vector<member_id> members;  ///< the contacts
    std::string note;                ///< free-text remarks (备注)
    friend bool operator==(contacts_assigned_step const&, contacts_assigned_step const&) = default;
};
/// 6 培养教育考察: the half-year assessment of an activist.
struct activist_assessed_step {
    static constexpr step kind = step::activist_assessed;
    civil_day date{};
    std::string conclusion;  ///< the written assessment
    std::string note;        ///< free-text remarks (备注)
    friend bool operator==(activist_assessed_step const&, activist_assessed_step const&) = default;
};
/// 7 确定发展对象.
struct target_determined_step {
    static constexpr step kind = step::target_determined;
    civil_day date{};
    std::string note;  ///< free-text remarks (备注)
    friend bool operator==(target_determined_step const&, target_determined_step const&) = default;
};
/// 8 报上级党委备案.
struct target_filed_step {
    static constexpr step kind = step::target_filed;
    civil_day date{};
    std::string document;  ///< the filing reference (备案文号)
    std::string note;      ///< free-text remarks (备注)
    friend bool operator==(target_filed_step const&, target_filed_step const&) = default;
};
/// 9 确定入党介绍人: two introducers (dev.two_introducers).
struct introducers_assigned_step {
    static constexpr step kind = step::introducers_assigned;
    civil_day date{};
    std::vector<member_id> members;  ///< the introducers
    std::string note;                ///< free-text remarks (备注)
    friend bool operator==(introducers_assigned_step const&, introducers_assigned_step const&) = default;
};
/// 10 进行政治审查.
struct political_review_step {
    static constexpr step kind = step::political_review;
    civil_day date{};
    std::optional<bool> passed;  ///< the result (required)
    std::string conclusion;      ///< the written conclusion (结论性材料, required)
    std::string household_org;   ///< of a mobile applicant: the 户籍地 organisation consulted
    std::string residence_org;   ///< of a mobile applicant: the 居住地 organisation consulted
    std::string note;            ///< free-text remarks (备注)
    friend bool operator==(political_review_step const&, political_review_step const&) = default;
};
/// 11 开展集中培训.
struct training_completed_step {
    static constexpr step kind = step::training_completed;
    civil_day date{};
    std::optional<member_id> by;  ///< the lecturer
    int days = 0;                 ///< days of concentrated training
    int class_hours = 0;          ///< class hours (学时)
    bool special_case = false;    ///< training waived in an individual special case (with the reason)
    std::string reason;           ///< the reason of the waiver
    std::string note;             ///< free-text remarks (备注)
    friend bool operator==(training_completed_step const&, training_completed_step const&) = default;
};
/// 12 支部委员会审查.
struct committee_reviewed_step {
    static constexpr step kind = step::committee_reviewed;
    civil_day date{};
    std::string document;  ///< the written result of the review (审查意见), when it has a reference
    std::string note;      ///< free-text remarks (备注)
    friend bool operator==(committee_reviewed_step const&, committee_reviewed_step const&) = default;
};
/// 13 上级党委预审.
struct pre_review_step {
    static constexpr step kind = step::pre_review;
    civil_day date{};
    std::optional<bool> passed;                    ///< the result (required)
    std::string conclusion;                        ///< notes on the result
    std::string document;                          ///< the written result (预审意见, required)
    std::optional<date::sys_days> expected_leave;  ///< the target leaves the unit on
    std::string
        reason;        ///< the special reason to proceed although leaving soon (dev.leaving_within_3_months)
    std::string note;  ///< free-text remarks (备注)
    friend bool operator==(pre_review_step const&, pre_review_step const&) = default;
};
/// 14 填写入党志愿书.
struct application_form_filled_step {
    static constexpr step kind = step::application_form_filled;
    civil_day date{};
    std::string document;  ///< the number of the application form (入党志愿书编号)
    std::string note;      ///< free-text remarks (备注)
    friend bool operator==(application_form_filled_step const&,
                           application_form_filled_step const&) = default;
};
/// 15 支部大会讨论: the admission vote.
struct admission_meeting_step {
    static constexpr step kind = step::admission_meeting;
    civil_day date{};
    std::optional<branch_vote> vote;               ///< the vote counts (required)
    std::optional<date::sys_days> expected_leave;  ///< the target leaves the unit on
    std::string
        reason;        ///< the special reason to proceed although leaving soon (dev.leaving_within_3_months)
    std::string note;  ///< free-text remarks (备注)
    friend bool operator==(admission_meeting_step const&, admission_meeting_step const&) = default;
};
/// 16 上级党委派人谈话.
struct higher_committee_talk_step {
    static constexpr step kind = step::higher_committee_talk;
    civil_day date{};
    std::optional<member_id> by;  ///< the committee's representative
    std::string note;             ///< free-text remarks (备注)
    friend bool operator==(higher_committee_talk_step const&, higher_committee_talk_step const&) = default;
};
/// 17 上级党委审批: the higher committee's decision on the admission.
struct admission_approved_step {
    static constexpr step kind = step::admission_approved;
    civil_day date{};
    std::optional<bool> passed;       ///< approved or not (required)
    std::string document;             ///< the written decision (批复)
    std::optional<branch_vote> vote;  ///< the committee's collective decision, when its counts are recorded
    std::string reason;               ///< the special reason of an approval after 3 months
    std::string note;                 ///< free-text remarks (备注)
    friend bool operator==(admission_approved_step const&, admission_approved_step const&) = default;
};
/// 18 再上一级党委组织部门备案.
struct approval_filed_step {
    static constexpr step kind = step::approval_filed;
    civil_day date{};
    std::string document;  ///< the filing reference (备案文号)
    std::string note;      ///< free-text remarks (备注)
    friend bool operator==(approval_filed_step const&, approval_filed_step const&) = default;
};
/// 19 编入党支部和党小组.
struct assigned_to_branch_step {
    static constexpr step kind = step::assigned_to_branch;
    civil_day date{};
    std::string note;  ///< free-text remarks (备注)
    friend bool operator==(assigned_to_branch_step const&, assigned_to_branch_step const&) = default;
};
/// 20 入党宣誓.
struct oath_taken_step {
    static constexpr step kind = step::oath_taken;
    civil_day date{};
    std::string note;  ///< free-text remarks (备注)
    friend bool operator==(oath_taken_step const&, oath_taken_step const&) = default;
};
/// 21 继续教育考察: an assessment during probation.
struct probation_assessed_step {
    static constexpr step kind = step::probation_assessed;
    civil_day date{};
    std::string conclusion;  ///< the written assessment
    std::string note;        ///< free-text remarks (备注)
    friend bool operator==(probation_assessed_step const&, probation_assessed_step const&) = default;
};
/// 22 提出转正申请.
struct conversion_applied_step {
    static constexpr step kind = step::conversion_applied;
    civil_day date{};
    std::string note;  ///< free-text remarks (备注)
    friend bool operator==(conversion_applied_step const&, conversion_applied_step const&) = default;
};
/// 23 支部大会讨论: the conversion vote (convert, extend or cancel).
struct conversion_meeting_step {
    static constexpr step kind = step::conversion_meeting;
    civil_day date{};
    std::optional<branch_vote> vote;              ///< the vote counts (required)
    std::optional<conversion_decision> decision;  ///< the decision (required)
    int extension_months = 0;                     ///< with decision extend: 6-12
    std::string reason;  ///< the reason of an extension; the serious violation of an early cancellation
    std::string note;    ///< free-text remarks (备注)
    friend bool operator==(conversion_meeting_step const&, conversion_meeting_step const&) = default;
};
/// 24 上级党委审批: the higher committee's decision on the conversion meeting's decision.
struct conversion_approved_step {
    static constexpr step kind = step::conversion_approved;
    civil_day date{};
    std::optional<bool> passed;       ///< approved or not (required)
    std::string document;             ///< the written decision (批复)
    std::optional<branch_vote> vote;  ///< the committee's collective decision, when its counts are recorded
    std::string reason;               ///< the special reason of an approval after 3 months
    std::string note;                 ///< free-text remarks (备注)
    friend bool operator==(conversion_approved_step const&, conversion_approved_step const&) = default;
};
/// 25 材料归档.
struct archived_step {
    static constexpr step kind = step::archived;
    civil_day date{};
    std::string document;  ///< the archive reference (档案编号)
    std::string note;      ///< free-text remarks (备注)
    friend bool operator==(archived_step const&, archived_step const&) = default;
};
/// 公示: a public notice before a listed step; `date` is its first day.
struct public_notice_step {
    static constexpr step kind = step::public_notice;
    civil_day date{};
    std::optional<step> notice_for;            ///< the step the notice precedes (required)
    std::optional<date::sys_days> notice_end;  ///< the last day of the notice (required)
    int objections = 0;                        ///< objections received and not cleared
    std::string note;                          ///< free-text remarks (备注)
    friend bool operator==(public_notice_step const&, public_notice_step const&) = default;
};
/// 培养考察材料转入: an activist moved in, cultivation counted continuously from an earlier date.
struct cultivation_transferred_step {
    static constexpr step kind = step::cultivation_transferred;
    civil_day date{};
    std::optional<date::sys_days> since;  ///< cultivation began on (required)
    std::string note;                     ///< free-text remarks (备注)
    friend bool operator==(cultivation_transferred_step const&,
                           cultivation_transferred_step const&) = default;
};
/// 终止发展: the case is closed without admission.
struct withdrawn_step {
    static constexpr step kind = step::withdrawn;
    civil_day date{};
    std::string reason;  ///< why the case is closed (required)
    std::string note;    ///< free-text remarks (备注)
    friend bool operator==(withdrawn_step const&, withdrawn_step const&) = default;
};
/// 预备党员组织关系转入: a probationary member's relationship transferred in.
struct transferred_in_step {
    static constexpr step kind = step::transferred_in;
    civil_day date{};
    std::string note;  ///< free-text remarks (备注)
    friend bool operator==(transferred_in_step const&, transferred_in_step const&) = default;
};

/// One dated step of a development case: one of the per-kind structs, in the order of `enum class step`.
using step_record =
    std::variant<application_submitted_step, talk_held_step, activist_determined_step, activist_filed_step,
                 contacts_assigned_step, activist_assessed_step, target_determined_step, target_filed_step,
                 introducers_assigned_step, political_review_step, training_completed_step,
                 committee_reviewed_step, pre_review_step, application_form_filled_step,
                 admission_meeting_step, higher_committee_talk_step, admission_approved_step,
                 approval_filed_step, assigned_to_branch_step, oath_taken_step, probation_assessed_step,
                 conversion_applied_step, conversion_meeting_step, conversion_approved_step, archived_step,
                 public_notice_step, cultivation_transferred_step, withdrawn_step, transferred_in_step>;

namespace detail {
template <std::size_t... I>
constexpr bool step_kinds_in_order(std::index_sequence<I...>) {
    return ((std::variant_alternative_t<I, step_record>::kind == static_cast<step>(I) &&
             record_index<std::variant_alternative_t<I, step_record>, step_record> == I) &&
            ...);
}
static_assert(std::variant_size_v<step_record> == step_table.size(), "one record kind per step");
static_assert(step_kinds_in_order(std::make_index_sequence<step_table.size()>{}),
              "the alternatives of step_record follow the order of enum class step");

template <std::size_t... I>
step_record make_step_record(std::size_t index, civil_day date, std::index_sequence<I...>) {
    step_record out;
    ((index == I ? (out.emplace<I>().date = date, 0) : 0), ...);
    return out;
}
}  // namespace detail

/// The kind of a record: its variant index, checked against `step_table` at compile time.
[[nodiscard]] constexpr step kind_of(step_record const& r) noexcept {
    return static_cast<step>(r.index());
}
/// The date of a record.
[[nodiscard]] constexpr civil_day record_date(step_record const& r) noexcept {
    return date_of(r);
}
/// A record of kind `kind` on `date` with its other fields empty.
/// \throws invalid_input{"step"} for a value outside the enum.
[[nodiscard]] inline step_record make_step(step kind, civil_day date) {
    auto const i = static_cast<std::size_t>(kind);
    if (i >= detail::step_table.size()) throw invalid_input("step", "not a development step");
    return detail::make_step_record(i, date, std::make_index_sequence<std::variant_size_v<step_record>>{});
}
/// The free-text reason of a record (a late step, an extension, an override, a withdrawal); empty for
/// a kind that has none.
[[nodiscard]] inline std::string const& reason_of(step_record const& r) noexcept {
    static std::string const none;
    return std::visit(
        [](auto const& x) -> std::string const& {
            if constexpr (requires { x.reason; })
                return x.reason;
            else
                return none;
        },
        r);
}

}  // namespace dangyuan
