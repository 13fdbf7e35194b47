#pragma once
/// \file
/// Agenda items of designations for rectification (软弱涣散党组织, 后进社区整顿), all for the designated
/// organisation, against the parameters of `rectification_params` (local practice [L]):
/// - `rectification.contacts_missing` (rectification.contacts_assigned): a kind of 四联四帮 has no contact
///   covering the agenda's date; due `contacts_days` days after the designation, shown from the
///   designation on (upcoming before the due day, due on it, overdue after it);
/// - `rectification.milestone_due` (rectification.milestone_on_time): a milestone not completed by the
///   agenda's date, shown from its due day on (due on it, overdue after it);
/// - `rectification.overdue` (rectification.within_max_months): the designation is not removed from the
///   list `max_months` months after it (month end clamped), shown from that day on (due on it, overdue
///   after it).
/// Records dated after the agenda's date are not yet seen; a designation removed by then has no items.
///
/// Also the year statistics of a scope's designations (`rectification_statistics_from`), a pure fold.

#include <date/date.h>

#include <array>
#include <span>
#include <string>
#include <type_traits>
#include <vector>

#include "dangyuan/agenda/agenda.hpp"
#include "dangyuan/core/calendar.hpp"
#include "dangyuan/rectification/rectification.hpp"
#include "dangyuan/rules/rule_set.hpp"

namespace dangyuan {

/// The designation as seen on `as_of`: contacts, milestone completions, reviews and the removal dated
/// after it are left out.
[[nodiscard]] inline rectification rectification_as_of(rectification r, date::sys_days as_of) {
    if (r.removed_on && *r.removed_on > as_of) r.removed_on.reset();
    std::erase_if(r.contacts, [&](auto const& c) { return c.start > as_of; });
    for (auto& c : r.contacts)
        if (c.end && *c.end > as_of) c.end.reset();
    for (auto& m : r.milestones)
        if (m.completed_on && *m.completed_on > as_of) m.completed_on.reset();
    std::erase_if(r.reviews, [&](auto const& v) { return v.date > as_of; });
    std::erase_if(r.commitments, [&](auto const& c) { return c.date > as_of; });
    std::erase_if(r.evaluations, [&](auto const& e) { return e.date > as_of; });
    return r;
}

/// The agenda items of designation `r` on `as_of` under `rules`.
[[nodiscard]] inline std::vector<agenda_item> rectification_agenda(rectification const& full,
                                                                   date::sys_days as_of,
                                                                   rule_set const& rules) {
    std::vector<agenda_item> items;
    if (full.designated_on > as_of) return items;
    auto const r = rectification_as_of(full, as_of);
    if (r.removed_on) return items;
    auto const& p = rules.rectification;
    auto make = [&](std::string kind, date::sys_days due, std::string rule, std::string msg, std::string zh) {
        agenda_item item;
        item.kind = std::move(kind);
        item.org = r.org;
        item.subject = r.org_name;
        item.due = due;
        item.status = status_for(due, as_of);
        item.rule_id = std::move(rule);
        item.message = std::move(msg);
        item.message_zh = std::move(zh);
        items.push_back(std::move(item));
    };
    auto const since = format_date(r.designated_on);
    if (auto const due = rectification_contacts_deadline(r.designated_on, p.contacts_days)) {
        auto const missing = missing_contact_kinds(r, as_of);
        if (!missing.empty()) {
            std::string en, zh;
            for (auto const k : missing) {
                en += (en.empty() ? "" : ", ") + std::string(to_string(k));
                zh += (zh.empty() ? "" : "、") + std::string(chinese_name(k));
            }
            make("rectification.contacts_missing", *due, "rectification.contacts_assigned",
                 "assign the contacts of 四联四帮 to '" + r.org_name + "' (on the list since " + since +
                     ") by " + format_date(*due) + "; missing: " + en,
                 r.org_name + "（" + since + "列入整顿）应于" + format_date(*due) + "前落实四联四帮，尚缺：" +
                     zh);
        }
    }
    for (auto const& m : r.milestones) {
        if (m.completed_on || m.due > as_of) continue;
        make("rectification.milestone_due", m.due, "rectification.milestone_on_time",
             "milestone " + std::to_string(m.number) + " '" + m.text + "' of the rectification of '" +
                 r.org_name + "' is due by " + format_date(m.due) + " and not completed",
             r.org_name + "整顿方案第" + std::to_string(m.number) + "项“" + m.text + "”应于" +
                 format_date(m.due) + "前完成，尚未完成");
    }
    if (auto const due = rectification_deadline(r.designated_on, p.max_months); due && as_of >= *due)
        make("rectification.overdue", *due, "rectification.within_max_months",
             "'" + r.org_name + "' has been on the rectification list since " + since +
                 "; it was to be removed (销号) by " + format_date(*due) + " (" +
                 std::to_string(p.max_months) + " months)",
             r.org_name + "自" + since + "列入整顿，应于" + format_date(*due) + "前验收销号（" +
                 std::to_string(p.max_months) + "个月），尚未销号");
    return items;
}

/// The figures of one year for the designations of a scope.
struct rectification_statistics {
    int year = 0;
    int designated = 0;  ///< designations dated in the year
    /// Designations of the year by kind, in the order of rectification_kind (软弱涣散党组织, 后进社区).
    std::array<int, 2> designated_by_kind{};
    /// Designations of the year by reason (one designation counts under each of its reasons), in the
    /// order of rectification_reason.
    std::array<int, rectification_reason_count> designated_by_reason{};
    int removed = 0;              ///< removals from the list (销号) dated in the year
    int open_at_year_end = 0;     ///< designations on the list on 31 December
    int overdue_at_year_end = 0;  ///< of those, past their deadline (rectification.within_max_months)
    int milestones_due = 0;       ///< milestones due in the year
    int milestones_completed_on_time = 0;  ///< of those, completed on or before their due day
    int milestones_completed = 0;          ///< milestones completed in the year

    friend bool operator==(rectification_statistics const&, rectification_statistics const&) = default;
};

/// Counts `designations` for `year`, each judged (for the overdue count) by the rule set `rules_of`
/// returns for it: `rule_set const&(rectification const&)`, e.g. the rule set it was made under
/// (rectification::rule_set_name).
template <class RulesOf>
requires std::is_invocable_r_v<rule_set const&, RulesOf&, rectification const&>
[[nodiscard]] rectification_statistics rectification_statistics_from(
    int year, std::span<rectification const> designations, RulesOf&& rules_of) {
    rectification_statistics s;
    s.year = year;
    auto const first = make_date(year, 1, 1);
    auto const last = make_date(year, 12, 31);
    auto in_year = [&](date::sys_days d) { return d >= first && d <= last; };
    for (auto const& r : designations) {
        if (in_year(r.designated_on)) {
            ++s.designated;
            ++s.designated_by_kind[static_cast<std::size_t>(r.kind)];
            for (auto const reason : r.reasons)
                ++s.designated_by_reason[static_cast<std::size_t>(reason)];
        }
        if (r.removed_on && in_year(*r.removed_on)) ++s.removed;
        if (r.open_on(last)) {
            ++s.open_at_year_end;
            auto const due = rectification_deadline(r.designated_on, rules_of(r).rectification.max_months);
            if (due && last > *due) ++s.overdue_at_year_end;
        }
        for (auto const& m : r.milestones) {
            if (in_year(m.due)) {
                ++s.milestones_due;
                if (m.completed_on && *m.completed_on <= m.due) ++s.milestones_completed_on_time;
            }
            if (m.completed_on && in_year(*m.completed_on)) ++s.milestones_completed;
        }
    }
    return s;
}

/// Counts `designations` for `year`, all judged by `rules`.
[[nodiscard]] inline rectification_statistics rectification_statistics_from(
    int year, std::span<rectification const> designations, rule_set const& rules) {
    return rectification_statistics_from(year, designations,
                                         [&](rectification const&) -> rule_set const& { return rules; });
}

}  // namespace dangyuan
