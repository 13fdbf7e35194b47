#pragma once
/// \file
/// Agenda items of in-service members registered with a community (在职党员进社区), against the
/// parameters of `community_params` (local practice [L]):
/// - `community.service_short` (community.service_yearly), for the member's own branch: a member
///   registered on the year's last day served fewer than `min_service_hours_yearly` hours in the year;
///   due on 31 December, shown `notice_months` before as upcoming, overdue through the next year;
/// - `community.feedback_due` (community.feedback_yearly), for the community: its yearly feedback on a
///   member registered with it during the year is not given; due on the last day of month
///   `feedback_by_month`, shown `notice_months` before, overdue through the next year.
/// Only the year of `as_of` and the year before are judged.

#include <date/date.h>

#include <string>
#include <vector>

#include "dangyuan/agenda/agenda.hpp"
#include "dangyuan/community/community.hpp"
#include "dangyuan/core/calendar.hpp"
#include "dangyuan/rules/rule_set.hpp"

namespace dangyuan {

/// What one year holds for a registered member, as seen on the agenda's date.
struct community_year_facts {
    int service_tenths = 0;       ///< service dated in the year, on or before the agenda's date
    bool feedback_given = false;  ///< a feedback for the year was given on or before the agenda's date
};

/// What the agenda needs of one member with registrations.
struct community_member_facts {
    member_id member;
    std::string name;
    org_id branch;                                      ///< the member's own branch
    std::vector<community_registration> registrations;  ///< the member's, oldest first
    community_year_facts previous;                      ///< the year before the agenda's year
    community_year_facts current;                       ///< the agenda's year
};

/// The last day of the month `community.feedback_by_month` of `year`, or nothing when the rule set has no
/// deadline (0).
[[nodiscard]] inline std::optional<date::sys_days> community_feedback_deadline(int year,
                                                                               rule_set const& rules) {
    auto const m = rules.community.feedback_by_month;
    if (m < 1 || m > 12) return std::nullopt;
    return date::sys_days{date::year{year} / date::month{static_cast<unsigned>(m)} / date::last};
}

/// The agenda items of one member on `as_of` (registrations beginning after `as_of` are ignored, ends
/// after `as_of` not yet seen).
[[nodiscard]] inline std::vector<agenda_item> community_agenda(community_member_facts const& f,
                                                               date::sys_days as_of, rule_set const& rules) {
    std::vector<agenda_item> items;
    std::vector<community_registration> seen;
    for (auto r : f.registrations) {
        if (r.registered_on > as_of) continue;
        if (r.left_on && *r.left_on > as_of) r.left_on.reset();
        seen.push_back(std::move(r));
    }
    if (seen.empty()) return items;
    int const this_year = static_cast<int>(date::year_month_day{as_of}.year());
    auto const& p = rules.community;
    auto shown = [&](date::sys_days due) { return as_of >= add_months(due, -p.notice_months); };
    auto make = [&](std::string kind, org_id org, date::sys_days due, std::string rule, std::string msg,
                    std::string zh) {
        agenda_item item;
        item.kind = std::move(kind);
        item.org = org;
        item.member = f.member;
        item.subject = f.name;
        item.due = due;
        item.status = status_for(due, as_of);
        item.rule_id = std::move(rule);
        item.message = std::move(msg);
        item.message_zh = std::move(zh);
        items.push_back(std::move(item));
    };
    for (int year : {this_year - 1, this_year}) {
        auto const& facts = year == this_year ? f.current : f.previous;
        auto const year_end = make_date(year, 12, 31);
        auto const y = std::to_string(year);
        if (p.min_service_hours_yearly > 0 && shown(year_end)) {
            auto const judged = std::min(as_of, year_end);
            bool const registered =
                std::any_of(seen.begin(), seen.end(), [&](auto const& r) { return r.covers(judged); });
            if (registered && facts.service_tenths < p.min_service_hours_yearly * 10)
                make("community.service_short", f.branch, year_end, "community.service_yearly",
                     f.name + " served " + hours_text(facts.service_tenths) + " of " +
                         std::to_string(p.min_service_hours_yearly) + " hours in the community in " + y +
                         " (due by " + format_date(year_end) + ")",
                     f.name + y + "年到社区服务" + hours_text(facts.service_tenths) + "小时，不足" +
                         std::to_string(p.min_service_hours_yearly) + "小时（截至" + format_date(year_end) +
                         "）");
        }
        auto const deadline = community_feedback_deadline(year, rules);
        if (!deadline || !shown(*deadline) || facts.feedback_given) continue;
        community_registration const* last = nullptr;
        for (auto const& r : seen)
            if (r.overlaps_year(year) && r.registered_on <= *deadline) last = &r;
        if (!last) continue;
        make("community.feedback_due", last->community, *deadline, "community.feedback_yearly",
             "give the community's feedback for " + y + " on " + f.name + " to the member's branch by " +
                 format_date(*deadline),
             "应于" + format_date(*deadline) + "前向" + f.name + "所在党支部反馈其" + y + "年在社区表现");
    }
    return items;
}

}  // namespace dangyuan
