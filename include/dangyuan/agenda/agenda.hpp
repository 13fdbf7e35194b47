#pragma once
/// \file
/// Agenda items: what is due, upcoming or overdue on a date, and under which rule.
///
/// Every domain contributes items to one `store::agenda(as_of, scope)` query. Items are plain values
/// so that callers can sort, filter and print them.

#include <date/date.h>

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "dangyuan/core/enum_table.hpp"
#include "dangyuan/core/ids.hpp"

namespace dangyuan {

/// Where an item stands relative to its due date on the agenda's `as_of` date.
enum class agenda_status {
    upcoming,  ///< inside the notice window, before the due date
    due,       ///< the due date is today
    overdue,   ///< the due date has passed and the item is still open
    finding,   ///< a standing condition (e.g. a branch with too few full members), no deadline
};

/// English code and Chinese name of each status.
template <>
struct enum_table<agenda_status> {
    static constexpr std::string_view field = "status";
    static constexpr std::string_view noun = "agenda status";
    static constexpr enum_row<agenda_status> rows[] = {
        {agenda_status::upcoming, "upcoming", "即将到期"},
        {agenda_status::due, "due", "今日到期"},
        {agenda_status::overdue, "overdue", "已逾期"},
        {agenda_status::finding, "finding", "需关注"},
    };
};

/// Classifies a deadline: overdue after it, due on it, upcoming before it.
[[nodiscard]] constexpr agenda_status status_for(date::sys_days due, date::sys_days as_of) noexcept {
    if (as_of > due) return agenda_status::overdue;
    if (as_of == due) return agenda_status::due;
    return agenda_status::upcoming;
}

/// One line of the agenda.
struct agenda_item {
    std::string kind;                 ///< item kind, e.g. "org.term_expiry"
    org_id org;                       ///< the organisation responsible for acting
    std::optional<member_id> member;  ///< the member concerned, if any
    std::string subject;              ///< display name of the subject (org or member name)
    date::sys_days due{};             ///< the legal deadline or the date the condition was seen
    agenda_status status = agenda_status::upcoming;
    std::string rule_id;              ///< the catalogue rule behind the item
    std::string message;              ///< a sentence a branch secretary can act on
    std::optional<case_id> case_ref;  ///< the development case concerned, if any
    /// The same sentence in Chinese (中文说明) for the clerk: the same facts as `message` (dates as
    /// 2026-08-03, amounts, counts) in the official terms. Last so that positional initialisers that
    /// stop at `message` or `case_ref` keep compiling; every agenda producer fills it.
    std::string message_zh;

    friend bool operator==(agenda_item const&, agenda_item const&) = default;
};

inline std::ostream& operator<<(std::ostream& os, agenda_item const& item) {
    using date::operator<<;
    return os << item.due << ' ' << to_string(item.status) << ' ' << item.kind << ' ' << item.subject << ": "
              << item.message << " [" << item.rule_id << ']';
}

}  // namespace dangyuan
