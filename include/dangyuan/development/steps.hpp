#pragma once
/// \file
/// Stages, steps and outcomes of the development pipeline (发展党员), after the 2014 official flow
/// chart (发展党员工作流程: 5 stages, 25 steps), and the record of one step.

#include <date/date.h>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dangyuan/core/calendar.hpp"
#include "dangyuan/core/enum_table.hpp"
#include "dangyuan/core/errors.hpp"
#include "dangyuan/core/ids.hpp"
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

/// The details a step carries. Each step uses the fields its kind needs (see `check_step`); unused
/// fields stay empty. Aggregate on purpose: `{.by = secretary, .document = "谈话记录"}`.
struct step_details {
    std::optional<member_id> by;  ///< who acted: talker, decision body's representative, lecturer
    std::optional<recommendation> recommended;  ///< activist_determined: 党员推荐 / 群团推优
    std::vector<member_id> members;             ///< contacts_assigned: 1-2 contacts; introducers_assigned: 2
    std::optional<bool> passed;  ///< political_review, pre_review, admission_approved, conversion_approved
    std::string conclusion;      ///< written conclusion (political review, pre-review), notes
    std::string document;        ///< reference of the written document (批复, 预审意见 …)
    int days = 0;                ///< training_completed: days of concentrated training
    int class_hours = 0;         ///< training_completed: class hours (学时)
    bool special_case = false;   ///< training waived in an individual special case (with reason)
    std::optional<branch_vote> vote;               ///< admission_meeting, conversion_meeting
    std::optional<conversion_decision> decision;   ///< conversion_meeting
    int extension_months = 0;                      ///< conversion_meeting with decision extend: 6-12
    std::optional<step> notice_for;                ///< public_notice: the step the notice precedes
    std::optional<date::sys_days> notice_end;      ///< public_notice: last day of the notice
    int objections = 0;                            ///< public_notice: objections received and not cleared
    std::optional<date::sys_days> expected_leave;  ///< pre_review / admission_meeting: leaving the unit on
    std::optional<date::sys_days> since;           ///< cultivation_transferred: cultivation began on
    std::string reason;                            ///< reason for a late step, an extension, an override
    std::string household_org;  ///< political_review of a mobile applicant: 户籍地党组织 consulted
    std::string residence_org;  ///< political_review of a mobile applicant: 居住地党组织 consulted

    friend bool operator==(step_details const&, step_details const&) = default;
};

/// One dated step of a development case.
struct step_record {
    step kind = step::application_submitted;
    civil_day date{};  ///< a date that does not exist (2025-02-30) is refused when the record is built
    step_details details;

    friend bool operator==(step_record const&, step_record const&) = default;
};

}  // namespace dangyuan
