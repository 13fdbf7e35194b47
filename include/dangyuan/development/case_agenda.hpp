#pragma once
/// \file
/// What a development case puts on the agenda, and its timeline: for each step the earliest legal date,
/// the deadline, what happened and when — the view a branch secretary prints (发展党员纪实).

#include <optional>
#include <string>
#include <vector>

#include "dangyuan/agenda/agenda.hpp"
#include "dangyuan/core/enum_table.hpp"
#include "dangyuan/development/case.hpp"

namespace dangyuan {

/// Agenda items of a case on `as_of` (each names its rule): first talk due, half-year assessments,
/// filings, approval deadlines, probation ending, conversion approval, archiving, and local-profile
/// deadlines. Closed cases produce nothing. Items show from `notice_ahead_months` before their deadline.
[[nodiscard]] inline std::vector<agenda_item> case_agenda(development_case const& c, date::sys_days as_of,
                                                          std::optional<case_id> id = std::nullopt) {
    auto const st = c.state_on(as_of);
    auto const& p = c.rules().development;
    std::vector<agenda_item> items;
    if (st.outcome || !st.applied) return items;
    auto const& who = c.person().name;
    auto deadline = [&](char const* kind, date::sys_days due, char const* rule, std::string msg,
                        std::string zh) {
        if (as_of < add_months(due, -p.notice_ahead_months)) return;
        items.push_back(agenda_item{kind, c.person().branch, std::nullopt, who, due, status_for(due, as_of),
                                    rule, std::move(msg), id, std::move(zh)});
    };
    auto finding = [&](char const* kind, date::sys_days since, char const* rule, std::string msg,
                       std::string zh) {
        items.push_back(agenda_item{kind, c.person().branch, std::nullopt, who, since, agenda_status::finding,
                                    rule, std::move(msg), id, std::move(zh)});
    };
    auto const s = st.current;
    if (!st.first_talk)
        deadline("dev.talk", add_months(*st.applied, p.talk_within_months), "dev.talk_within_1_month",
                 "talk with the applicant (派人谈话) within " + std::to_string(p.talk_within_months) +
                     " month of the application of " + format_date(*st.applied),
                 "入党申请人" + format_date(*st.applied) + "提出申请, 应在" +
                     std::to_string(p.talk_within_months) + "个月内派人谈话");
    if (s == stage::activist || s == stage::development_target) {
        deadline("dev.assessment", add_months(*st.last_assessment, p.assessment_every_months),
                 "dev.half_year_assessment",
                 "half-year assessment (培养教育考察) of the " + std::string(chinese_name(s)) + "; last on " +
                     format_date(*st.last_assessment),
                 "对" + std::string(chinese_name(s)) + "每半年进行一次培养教育考察, 上次考察" +
                     format_date(*st.last_assessment));
        if (!st.recorded.count(step::activist_filed))
            finding("dev.activist_filing", *st.activist_since, "dev.activist_filed",
                    "file the activist with the higher committee (上级党委备案)",
                    format_date(*st.activist_since) + "确定为入党积极分子, 尚未报上级党委备案");
        if (!st.recorded.count(step::contacts_assigned))
            finding("dev.contacts", *st.activist_since, "dev.contacts_1_to_2",
                    "assign 1-2 cultivation contacts (培养联系人)",
                    format_date(*st.activist_since) + "确定为入党积极分子, 应指定1至2名正式党员作培养联系人");
    }
    if (s == stage::development_target && !st.recorded.count(step::target_filed))
        finding("dev.target_filing", *st.target_since, "dev.target_filed",
                "file the development target with the higher committee (报上级党委备案)",
                format_date(*st.target_since) + "列为发展对象, 尚未报上级党委备案");
    if (s == stage::development_target && p.meeting_after_pre_review_months > 0 &&
        st.pre_review_passed.value_or(false) && !st.admission_meeting)
        deadline("dev.admission_meeting", add_months(*st.pre_review_date, p.meeting_after_pre_review_months),
                 "dev.meeting_within_1_month_of_pre_review",
                 "hold the branch meeting on admission after the pre-review",
                 "上级党委" + format_date(*st.pre_review_date) + "预审通过, 应召开支部大会讨论接收预备党员");
    if (s == stage::probationary && !st.approval) {
        auto const due = add_months(*st.admission_meeting, p.approval_within_months);
        deadline("dev.approval", due, "dev.approval_within_3_months",
                 "higher committee to approve the admission of " + format_date(*st.admission_meeting) +
                     (st.higher_talk ? "" : "; its talk (上级党委派人谈话) is still missing"),
                 "支部大会" + format_date(*st.admission_meeting) + "讨论接收, 上级党委应在" +
                     std::to_string(p.approval_within_months) + "个月内审批" +
                     (st.higher_talk ? "" : "; 上级党委尚未派人谈话"));
    }
    if (s == stage::probationary && st.approval) {
        if (p.oath_after_approval_months > 0 && !st.oath)
            deadline("dev.oath", add_months(*st.approval, p.oath_after_approval_months),
                     "dev.oath_within_1_month", "hold the oath (入党宣誓)",
                     "上级党委" + format_date(*st.approval) + "批准, 应在" +
                         std::to_string(p.oath_after_approval_months) + "个月内组织入党宣誓");
        if (st.conversion_meeting) {
            deadline("dev.conversion_approval",
                     add_months(*st.conversion_meeting, p.conversion_approval_months),
                     "dev.conversion_approval_within_3_months",
                     "higher committee to approve the conversion meeting of " +
                         format_date(*st.conversion_meeting),
                     "支部大会" + format_date(*st.conversion_meeting) + "讨论转正, 上级党委应在" +
                         std::to_string(p.conversion_approval_months) + "个月内审批");
        } else if (as_of <= *st.probation_end) {
            deadline("dev.probation_end", *st.probation_end, "dev.probation_1_year",
                     "probation ends " + format_date(*st.probation_end) +
                         ": conversion application and branch meeting (转正)",
                     "预备期" + format_date(*st.probation_end) + "期满, 应提出转正申请并召开支部大会讨论");
        } else {
            deadline("dev.conversion_meeting", conversion_meeting_deadline(st, p),
                     conversion_meeting_rule(st),
                     "probation ended " + format_date(*st.probation_end) +
                         ": hold the branch meeting on the conversion (转正讨论)" +
                         (st.transferred_in
                              ? " (transferred in " + format_date(*st.transferred_in) + ": may be postponed)"
                              : std::string()),
                     "预备期" + format_date(*st.probation_end) + "已满, 应召开支部大会讨论转正" +
                         (st.transferred_in ? "(" + format_date(*st.transferred_in) + "转入, 可推迟讨论)"
                                            : std::string()));
        }
    }
    if (s == stage::full_member && !st.archived)
        finding("dev.archive", *st.conversion_approved, "dev.archive_after_conversion",
                "archive the development materials into the personnel file (材料归档)",
                format_date(*st.conversion_approved) + "批准转正, 发展党员材料应归入人事档案");
    return items;
}

/// Status of one line of a timeline.
enum class timeline_status { done, open, overdue, waiting };

template <>
struct enum_table<timeline_status> {
    static constexpr std::string_view field = "status";
    static constexpr std::string_view noun = "timeline status";
    static constexpr enum_row<timeline_status> rows[] = {
        {timeline_status::done, "done", "已完成"},
        {timeline_status::open, "open", "可办理"},
        {timeline_status::overdue, "overdue", "已逾期"},
        {timeline_status::waiting, "waiting", "未到"},
    };
};

/// One line of a case timeline.
struct timeline_row {
    step kind;
    std::optional<date::sys_days> earliest;  ///< earliest legal date, when a rule sets one
    std::optional<date::sys_days> deadline;  ///< legal deadline, when a rule sets one
    std::vector<date::sys_days> actual;      ///< dates it was recorded (repeatable steps: several)
    timeline_status status = timeline_status::waiting;

    friend bool operator==(timeline_row const&, timeline_row const&) = default;
};

/// The 25 official steps with earliest date, deadline, actual dates and status on `as_of`.
[[nodiscard]] inline std::vector<timeline_row> case_timeline(development_case const& c,
                                                             date::sys_days as_of) {
    auto const st = c.state_on(as_of);
    auto const& p = c.rules().development;
    std::vector<timeline_row> rows;
    for (auto const& row : all_steps()) {
        if (row.number == 0) continue;
        timeline_row t{row.kind, {}, {}, {}, timeline_status::waiting};
        for (auto const& r : c.records())
            if (kind_of(r) == row.kind && record_date(r) <= as_of) t.actual.push_back(record_date(r));
        switch (row.kind) {
            case step::talk_held:
                if (st.applied) {
                    t.earliest = st.applied;
                    t.deadline = add_months(*st.applied, p.talk_within_months);
                }
                break;
            case step::target_determined:
                if (st.cultivation_start)
                    t.earliest = add_months(*st.cultivation_start, p.cultivation_min_months);
                break;
            case step::admission_approved:
                if (st.admission_meeting) {
                    t.earliest = st.admission_meeting;
                    t.deadline = add_months(*st.admission_meeting, p.approval_within_months);
                }
                break;
            case step::admission_meeting:
                if (st.pre_review_date && p.meeting_after_pre_review_months > 0)
                    t.deadline = add_months(*st.pre_review_date, p.meeting_after_pre_review_months);
                break;
            case step::oath_taken:
                if (st.approval && p.oath_after_approval_months > 0)
                    t.deadline = add_months(*st.approval, p.oath_after_approval_months);
                break;
            case step::conversion_applied:
                if (st.probation_end)
                    t.earliest = add_months(*st.probation_end, -p.conversion_application_ahead_months);
                break;
            case step::conversion_meeting:
                if (st.probation_end) {
                    t.earliest = st.probation_end;
                    t.deadline = conversion_meeting_deadline(st, p);
                }
                break;
            case step::conversion_approved:
                if (st.conversion_meeting)
                    t.deadline = add_months(*st.conversion_meeting, p.conversion_approval_months);
                break;
            default:
                break;
        }
        if (!t.actual.empty())
            t.status = timeline_status::done;
        else if (t.deadline && as_of > *t.deadline && !st.outcome)
            t.status = timeline_status::overdue;
        else if (!st.outcome && contains(transition_for(row.kind).from, st.current))
            t.status = timeline_status::open;
        rows.push_back(std::move(t));
    }
    return rows;
}

}  // namespace dangyuan
