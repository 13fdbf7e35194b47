#pragma once
/// \file
/// Agenda items of a village or community decision (四议两公开): a resolution or a result of the
/// implementation that is not yet public (决议公开, 实施结果公开), against the deadlines of the case's
/// rule set (`decision_params`, local practice [L]).

#include <date/date.h>

#include <string>
#include <vector>

#include "dangyuan/agenda/agenda.hpp"
#include "dangyuan/core/calendar.hpp"
#include "dangyuan/decision/decision_case.hpp"
#include "dangyuan/rules/rule_set.hpp"

namespace dangyuan {

namespace detail {
[[nodiscard]] inline agenda_status decision_item_status(date::sys_days due, date::sys_days as_of) noexcept {
    if (as_of < due) return agenda_status::upcoming;
    return as_of == due ? agenda_status::due : agenda_status::overdue;
}
}  // namespace detail

/// Agenda items of case `c` on `as_of` (its records dated after `as_of` are ignored):
/// - `decision.resolution_not_public` (decision.resolution_public_within_days): the resolution is adopted
///   and not yet public; due on the deadline, shown from the resolution on (upcoming, due, then overdue);
/// - `decision.result_not_public` (decision.result_public_within_days): the resolution is public and set an
///   implementation date; shown from that date on, due `result_public_within_days` after it.
/// A rule set without a deadline (0) yields nothing for it; a rejected or closed case yields nothing.
[[nodiscard]] inline std::vector<agenda_item> decision_agenda(decision_case const& c, date::sys_days as_of,
                                                              rule_set const& rules) {
    std::vector<agenda_item> items;
    decision_case seen{c.id, c.org, c.org_name, c.rule_set_name, {}};
    for (auto const& r : c.records)
        if (record_date(r) <= as_of) seen.records.push_back(r);
    auto const s = decision_state_of(seen);
    if (!s.stage) return items;
    auto make = [&](std::string kind, date::sys_days due, std::string rule, std::string msg, std::string zh) {
        agenda_item item;
        item.kind = std::move(kind);
        item.org = c.org;
        item.subject = s.subject;
        item.due = due;
        item.status = detail::decision_item_status(due, as_of);
        item.rule_id = std::move(rule);
        item.message = std::move(msg);
        item.message_zh = std::move(zh);
        items.push_back(std::move(item));
    };
    if (*s.stage == decision_stage::resolved) {
        if (auto const due = resolution_public_deadline(s, rules))
            make("decision.resolution_not_public", *due, "decision.resolution_public_within_days",
                 "the resolution of " + format_date(*s.resolved_on) + " on '" + s.subject +
                     "' is not yet public: publish it (决议公开) by " + format_date(*due),
                 "“" + s.subject + "”" + format_date(*s.resolved_on) + "形成的决议尚未公开，应于" +
                     format_date(*due) + "前公开");
    }
    if (*s.stage == decision_stage::resolution_published && s.implementation_due &&
        as_of >= *s.implementation_due) {
        if (auto const due = result_public_deadline(s, rules))
            make("decision.result_not_public", *due, "decision.result_public_within_days",
                 "the implementation of '" + s.subject + "' was due by " +
                     format_date(*s.implementation_due) + ": publish its result (实施结果公开) by " +
                     format_date(*due),
                 "“" + s.subject + "”应于" + format_date(*s.implementation_due) + "前实施完毕，实施结果应于" +
                     format_date(*due) + "前公开");
    }
    return items;
}

}  // namespace dangyuan
