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

#include "dangyuan/core/ids.hpp"

namespace dangyuan {

/// Where an item stands relative to its due date on the agenda's `as_of` date.
enum class agenda_status {
    upcoming,  ///< inside the notice window, before the due date
    due,       ///< the due date is today
    overdue,   ///< the due date has passed and the item is still open
    finding,   ///< a standing condition (e.g. a branch with too few full members), no deadline
};

/// English and Chinese names of a status.
[[nodiscard]] constexpr std::string_view to_string(agenda_status s) noexcept {
    switch (s) {
        case agenda_status::upcoming:
            return "upcoming";
        case agenda_status::due:
            return "due";
        case agenda_status::overdue:
            return "overdue";
        case agenda_status::finding:
            return "finding";
    }
    return "?";
}
[[nodiscard]] constexpr std::string_view chinese_name(agenda_status s) noexcept {
    switch (s) {
        case agenda_status::upcoming:
            return "即将到期";
        case agenda_status::due:
            return "今日到期";
        case agenda_status::overdue:
            return "已逾期";
        case agenda_status::finding:
            return "需关注";
    }
    return "?";
}

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

    friend bool operator==(agenda_item const&, agenda_item const&) = default;
};

inline std::ostream& operator<<(std::ostream& os, agenda_item const& item) {
    using date::operator<<;
    return os << item.due << ' ' << to_string(item.status) << ' ' << item.kind << ' ' << item.subject << ": "
              << item.message << " [" << item.rule_id << ']';
}

}  // namespace dangyuan
