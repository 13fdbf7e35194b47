#pragma once
/// \file
/// Agenda items of model posts (党员示范岗): a designation whose review (复评) is due or overdue
/// (honours.post_review_due, local practice [L]).

#include <date/date.h>

#include <optional>
#include <string>

#include "dangyuan/agenda/agenda.hpp"
#include "dangyuan/core/calendar.hpp"
#include "dangyuan/honours/model_post.hpp"
#include "dangyuan/rules/rule_set.hpp"

namespace dangyuan {

/// The agenda item of designation `p` on `as_of` (its reviews and end dated after `as_of` are ignored),
/// or nothing: kind `honours.post_review_due`, for the member's branch, shown from the due date on (due
/// on it, overdue after it). Nothing for a designation not in force on `as_of` (not yet made, ended, or
/// its member left the party), nor when no review is due (a rule set without reviews).
[[nodiscard]] inline std::optional<agenda_item> model_post_agenda(model_post const& p, date::sys_days as_of,
                                                                  rule_set const& rules) {
    auto seen = p;
    if (seen.ending && seen.ending->date > as_of) seen.ending.reset();
    if (!post_active_on(seen, as_of)) return std::nullopt;
    auto const due = post_review_due(seen, rules, as_of);
    if (!due || as_of < *due) return std::nullopt;
    auto make = [&](std::string kind) {
        agenda_item item;
        item.kind = std::move(kind);
        item.org = p.branch;
        item.member = p.member;
        item.subject = p.member_name;
        item.due = *due;
        item.status = as_of == *due ? agenda_status::due : agenda_status::overdue;
        item.rule_id = "honours.post_review_due";
        item.message = "the model post '" + p.title + "' of " + p.member_name + " (designated by " +
                       p.awarded_by_name + " on " + format_date(p.designated_on) +
                       ") is due for review (复评) by " + format_date(*due);
        item.message_zh = p.member_name + "的党员示范岗“" + p.title + "”（" + p.awarded_by_name +
                          format_date(p.designated_on) + "设立）应于" + format_date(*due) + "前复评";
        return item;
    };
    return make("honours.post_review_due");
}

}  // namespace dangyuan
