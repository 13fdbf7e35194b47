#pragma once
/// \file
/// Agenda items of the party-building appraisal and accountability (述职评议考核, 问责), against the
/// parameters of `appraisal_params` (local practice [L]):
/// - `appraisal.report_missing` (appraisal.report_by_deadline), for the organisation that reports: an
///   organisation of an open cycle's scope has not reported; due on the cycle's report deadline
///   (appraisal_report_deadline), shown `notice_months` before as upcoming, overdue until the end of the
///   year after the deadline;
/// - `appraisal.rectification_overdue` (appraisal.rectify_by_deadline), for the organisation held to
///   account: a rectification (限期整改) not completed; due on its deadline, shown `notice_months` before;
/// - `appraisal.followup_due` (appraisal.followup_poor), for the cycle's organiser: a report rated 差 (or
///   below `min_satisfaction_percent`) without an accountability record of the organisation dated on or
///   after the rating; due `followup_days` after the rating, shown from the rating on.

#include <date/date.h>

#include <string>
#include <vector>

#include "dangyuan/agenda/agenda.hpp"
#include "dangyuan/appraisal/appraisal.hpp"
#include "dangyuan/core/calendar.hpp"
#include "dangyuan/rules/rule_set.hpp"

namespace dangyuan {

namespace appraisal_detail {
/// One appraisal agenda item.
inline agenda_item make(std::string kind, org_id org, std::string subject, date::sys_days due,
                        date::sys_days as_of, std::string rule, std::string msg, std::string zh) {
    agenda_item item;
    item.kind = std::move(kind);
    item.org = org;
    item.subject = std::move(subject);
    item.due = due;
    item.status = status_for(due, as_of);
    item.rule_id = std::move(rule);
    item.message = std::move(msg);
    item.message_zh = std::move(zh);
    return item;
}
}  // namespace appraisal_detail

/// What the agenda needs of one cycle, as seen on the agenda's date.
struct appraisal_cycle_facts {
    appraisal_cycle cycle;  ///< a close after the agenda's date is not yet seen
    /// The organisations of the cycle's scope existing on the report deadline that have not reported by
    /// the agenda's date: id and name.
    std::vector<std::pair<org_id, std::string>> not_reported;
};

/// What the agenda needs of one rating that may need a follow-up.
struct appraisal_followup_facts {
    appraisal_cycle cycle;
    org_id org;  ///< the organisation rated
    std::string org_name;
    appraisal_rating rating;  ///< its grade filled in
    bool followed_up =
        false;  ///< an accountability record of the org dated from the rating to the agenda's date
};

/// The items of the report deadline of a cycle on `as_of`.
[[nodiscard]] inline std::vector<agenda_item> appraisal_cycle_agenda(appraisal_cycle_facts const& f,
                                                                     date::sys_days as_of,
                                                                     rule_set const& rules) {
    std::vector<agenda_item> items;
    auto const& p = rules.appraisal;
    if (f.cycle.opened_on > as_of) return items;
    auto const due = appraisal_report_deadline(f.cycle, p);
    if (!due || as_of < add_months(*due, -p.notice_months)) return items;
    if (as_of > make_date(static_cast<int>(date::year_month_day{*due}.year()) + 1, 12, 31)) return items;
    auto const y = std::to_string(f.cycle.year);
    for (auto const& [org, name] : f.not_reported)
        items.push_back(appraisal_detail::make(
            "appraisal.report_missing", org, name, *due, as_of, "appraisal.report_by_deadline",
            "the secretary of " + name + " reports on party-building work for " + y + " (述职, cycle " +
                std::to_string(f.cycle.id.value()) + ") by " + format_date(*due),
            name + "书记应于" + format_date(*due) + "前进行" + y + "年度党建工作述职"));
    return items;
}

/// The item of an open rectification on `as_of`, if it shows.
[[nodiscard]] inline std::optional<agenda_item> rectification_agenda(accountability_record const& r,
                                                                     std::string const& org_name,
                                                                     date::sys_days as_of,
                                                                     rule_set const& rules) {
    if (r.kind != accountability_kind::rectification || !r.deadline || r.decided_on > as_of)
        return std::nullopt;
    if (r.completed_on && *r.completed_on <= as_of) return std::nullopt;
    if (as_of < add_months(*r.deadline, -rules.appraisal.notice_months)) return std::nullopt;
    return appraisal_detail::make(
        "appraisal.rectification_overdue", r.org, org_name, *r.deadline, as_of,
        "appraisal.rectify_by_deadline",
        org_name + " completes the rectification (限期整改 " + std::to_string(r.id.value()) + ", decided " +
            format_date(r.decided_on) + ") by " + format_date(*r.deadline),
        org_name + "应于" + format_date(*r.deadline) + "前完成限期整改（第" + std::to_string(r.id.value()) +
            "号，" + format_date(r.decided_on) + "决定）");
}

/// The item of a rating needing a follow-up on `as_of`, if it shows.
[[nodiscard]] inline std::optional<agenda_item> appraisal_followup_agenda(appraisal_followup_facts const& f,
                                                                          date::sys_days as_of,
                                                                          rule_set const& rules) {
    auto const& p = rules.appraisal;
    if (p.followup_days <= 0 || f.followed_up || f.rating.rated_on > as_of || !needs_followup(f.rating, p))
        return std::nullopt;
    auto const due = f.rating.rated_on + date::days{p.followup_days};
    if (as_of > make_date(static_cast<int>(date::year_month_day{due}.year()) + 1, 12, 31))
        return std::nullopt;
    auto const pct = satisfaction_percent(f.rating);
    bool const poor = f.rating.grade == appraisal_grade::poor;
    std::string const why = poor ? std::string("rated 差")
                                 : "satisfied " + std::to_string(pct.value_or(0)) + "%, below " +
                                       std::to_string(p.min_satisfaction_percent) + "%";
    std::string const why_zh = poor ? std::string("评议等次为差")
                                    : "满意度" + std::to_string(pct.value_or(0)) + "%，低于" +
                                          std::to_string(p.min_satisfaction_percent) + "%";
    return appraisal_detail::make(
        "appraisal.followup_due", f.cycle.organiser, f.org_name, due, as_of, "appraisal.followup_poor",
        f.org_name + " was " + why + " on " + format_date(f.rating.rated_on) + " (cycle " +
            std::to_string(f.cycle.id.value()) +
            "); record the accountability (诫勉谈话, 限期整改 or 组织处理) by " + format_date(due),
        f.org_name + "于" + format_date(f.rating.rated_on) + why_zh + "，应于" + format_date(due) +
            "前进行问责（诫勉谈话、限期整改或组织处理）");
}

}  // namespace dangyuan
