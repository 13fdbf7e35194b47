#pragma once
/// \file
/// Agenda items of the coverage of units (两新组织党建覆盖), against `coverage_params`:
/// - `coverage.establish_due`, for the organisation responsible for the unit: a unit with at least 3 full
///   members (正式党员) in normal standing (a suspended member, 停止党籍, does not count) working in it
///   and no organisation of its own (a joint branch or an instructor
///   does not count) should set one up (org.branch_min_3_full, 支部工作条例 第4条). Due
///   `coverage.establish_months` months after the day the condition began (month end clamped;
///   coverage.establish_within_months [L]), shown `notice_months` before as upcoming; with 0 months a
///   finding under org.branch_min_3_full, without a deadline.
/// - `coverage.joint_branch_single_unit`, a finding for a joint branch (联合党支部) that exists and covers
///   fewer than two units on the agenda's date (coverage.joint_branch_two_units).

#include <date/date.h>

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "dangyuan/agenda/agenda.hpp"
#include "dangyuan/core/calendar.hpp"
#include "dangyuan/coverage/coverage.hpp"
#include "dangyuan/member/standing.hpp"
#include "dangyuan/rules/rule_set.hpp"

namespace dangyuan {

/// A member working in a unit, with what decides whether the member counts as a full member in normal
/// standing on a day.
struct unit_member_facts {
    member_unit_link link;
    std::optional<date::sys_days> full_member_date;  ///< 转正日期
    std::optional<date::sys_days> exit_date;         ///< the member is no longer a member from this day
    /// The member's standing events (党籍), in date order: a suspension (停止党籍) takes the member out
    /// of the count of full members from its day until the day standing is restored (恢复党籍).
    std::vector<standing_event> standing_events;

    /// True when the member is in normal standing on `d` (standing_from_events; not suspended, not
    /// exited).
    [[nodiscard]] bool normal_standing_on(date::sys_days d) const {
        return standing_from_events(standing_events, d).state == standing_state::normal;
    }
};

/// What the agenda and the statistics need of one unit.
struct coverage_unit_facts {
    unit_record unit;
    std::vector<coverage_link> links;                ///< the unit's coverage, oldest first
    std::vector<instructor_assignment> instructors;  ///< the unit's instructors, oldest first
    std::vector<unit_member_facts> members;          ///< the members' links to the unit

    /// The members working in the unit on `d` (probationary members too).
    [[nodiscard]] int members_on(date::sys_days d) const noexcept {
        return static_cast<int>(std::count_if(members.begin(), members.end(), [&](auto const& m) {
            return m.link.covers(d) && (!m.exit_date || d < *m.exit_date);
        }));
    }
    /// The full members (正式党员) in normal standing working in the unit on `d`: a member whose
    /// standing is suspended (停止党籍) on `d` is not counted (coverage.establish_within_months,
    /// org.branch_min_3_full).
    [[nodiscard]] int full_members_on(date::sys_days d) const {
        return static_cast<int>(std::count_if(members.begin(), members.end(), [&](auto const& m) {
            return m.link.covers(d) && (!m.exit_date || d < *m.exit_date) && m.full_member_date &&
                   *m.full_member_date <= d && m.normal_standing_on(d);
        }));
    }
    /// The coverage link holding on `d`, if any.
    [[nodiscard]] std::optional<coverage_link> link_on(date::sys_days d) const {
        for (auto const& l : links)
            if (l.covers(d)) return l;
        return std::nullopt;
    }
    /// True when an instructor is assigned on `d`.
    [[nodiscard]] bool instructor_on(date::sys_days d) const noexcept {
        return std::any_of(instructors.begin(), instructors.end(),
                           [&](auto const& a) { return a.covers(d); });
    }
    /// True when the unit should set up an organisation of its own on `d`: it exists, at least 3 full
    /// members in normal standing work in it and no organisation of its own covers it.
    [[nodiscard]] bool should_establish_on(date::sys_days d) const {
        if (!unit.exists_on(d) || full_members_on(d) < 3) return false;
        auto const l = link_on(d);
        return !l || l->form != coverage_form::own;
    }
    /// The first day of the unbroken run of days up to `as_of` on which the unit should set up an
    /// organisation, or nothing when it need not on `as_of`.
    [[nodiscard]] std::optional<date::sys_days> establish_since(date::sys_days as_of) const {
        if (!should_establish_on(as_of)) return std::nullopt;
        // The condition changes only on these days; between them it holds or not throughout.
        std::set<date::sys_days> days{unit.registered_on};
        auto add = [&](std::optional<date::sys_days> d) {
            if (d && *d <= as_of) days.insert(*d);
        };
        auto add_after = [&](std::optional<date::sys_days> d) {
            if (d && *d < as_of) days.insert(*d + date::days{1});
        };
        for (auto const& l : links) {
            add(l.since);
            add_after(l.until);
        }
        for (auto const& m : members) {
            add(m.link.since);
            add_after(m.link.until);
            add(m.full_member_date);
            add(m.exit_date);
            for (auto const& e : m.standing_events)
                add(e.date);
        }
        date::sys_days since = as_of;
        for (auto it = days.rbegin(); it != days.rend(); ++it) {
            if (*it > as_of) continue;
            if (!should_establish_on(*it)) break;
            since = *it;
        }
        return since;
    }
};

/// The agenda items of one unit on `as_of` (`responsible_name` for the message).
[[nodiscard]] inline std::vector<agenda_item> coverage_unit_agenda(coverage_unit_facts const& f,
                                                                   date::sys_days as_of,
                                                                   rule_set const& rules) {
    std::vector<agenda_item> items;
    auto const since = f.establish_since(as_of);
    if (!since) return items;
    auto const& p = rules.coverage;
    int const full = f.full_members_on(as_of);
    auto item = agenda_item{"coverage.establish_due"};
    item.org = f.unit.responsible;
    item.subject = f.unit.name;
    if (p.establish_months > 0) {
        item.due = add_months(*since, p.establish_months);
        if (as_of < add_months(item.due, -p.notice_months)) return items;
        item.status = status_for(item.due, as_of);
        item.rule_id = "coverage.establish_within_months";
    } else {
        item.due = *since;
        item.status = agenda_status::finding;
        item.rule_id = "org.branch_min_3_full";
    }
    auto const n = std::to_string(full);
    item.message = "'" + f.unit.name + "' has " + n +
                   " full members and no party organisation of its own since " + format_date(*since) +
                   "; set one up (单独组建)" +
                   (p.establish_months > 0 ? " by " + format_date(item.due) : std::string());
    item.message_zh =
        f.unit.name + "有正式党员" + n + "名，自" + format_date(*since) + "起未单独建立党组织" +
        (p.establish_months > 0 ? "，应于" + format_date(item.due) + "前组建" : std::string("，应当组建"));
    items.push_back(std::move(item));
    return items;
}

/// The finding of joint branch `o` covering `units` units on `as_of` (nothing for another kind, an
/// organisation that does not exist on `as_of`, or two units and more).
[[nodiscard]] inline std::vector<agenda_item> joint_branch_agenda(org_unit const& o, int units,
                                                                  date::sys_days as_of) {
    std::vector<agenda_item> items;
    if (o.kind != org_kind::joint_branch || !o.active_on(as_of) || units >= 2) return items;
    auto item = agenda_item{"coverage.joint_branch_single_unit"};
    item.org = o.id;
    item.subject = o.name;
    item.due = as_of;
    item.status = agenda_status::finding;
    item.rule_id = "coverage.joint_branch_two_units";
    item.message = "joint branch '" + o.name + "' covers " + std::to_string(units) +
                   " unit(s) of the register on " + format_date(as_of) +
                   "; a joint branch covers at least two";
    item.message_zh = "联合党支部" + o.name + "于" + format_date(as_of) + "覆盖登记单位" +
                      std::to_string(units) + "个，联合党支部应覆盖两个以上单位";
    items.push_back(std::move(item));
    return items;
}

}  // namespace dangyuan
