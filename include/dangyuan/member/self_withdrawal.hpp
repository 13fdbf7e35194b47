#pragma once
/// \file
/// The six months of 党章 第9条 (self-withdrawal, 自行脱党): "连续六个月不参加党的组织生活，或不交纳党费，
/// 或不做党所分配的工作" — the one implementation of the count, used by lost contact
/// (lostcontact.self_withdrawal_6_months, mobility/lost_contact.hpp), dues (dues.unpaid_6_months,
/// life/dues.hpp), the store's organisational-life agenda and the disposition ground
/// `six_months_inactive` (evaluation/disposition.hpp).
///
/// The number of months is the one parameter `rules.mobility.self_withdrawal_months` (6, fixed).
/// - Counted from a day (the last organisational life attended): the ground holds from
///   `add_months(last, months)` (cal.month_end_clamp): last attended 2024-08-31 → from 2025-02-28.
/// - Counted in whole months (dues): the first missing month and the following ones, `months` in all;
///   the ground holds from the first day after them: last paid 2024-08 → September to February unpaid →
///   from 2025-03-01.

#include <date/date.h>

#include <cstddef>
#include <optional>
#include <string>
#include <utility>

#include "dangyuan/core/calendar.hpp"
#include "dangyuan/core/errors.hpp"
#include "dangyuan/rules/rule_set.hpp"

namespace dangyuan {

/// The months of 党章 第9条 in `rules` (`mobility.self_withdrawal_months`).
/// \throws invalid_input{"self_withdrawal_months"} below 1.
[[nodiscard]] inline int self_withdrawal_months(rule_set const& rules) {
    int const n = rules.mobility.self_withdrawal_months;
    if (n < 1) throw invalid_input("self_withdrawal_months", "below 1: " + std::to_string(n));
    return n;
}

/// The first day on which `self_withdrawal_months` months have passed since `last` (the last day the
/// member took part): `add_months(last, months)`.
/// \throws as `self_withdrawal_months`.
[[nodiscard]] inline date::sys_days self_withdrawal_from(date::sys_days last, rule_set const& rules) {
    return add_months(last, self_withdrawal_months(rules));
}

/// The first day after `self_withdrawal_months` whole months starting with `first_missing` (the first
/// month without the duty done).
/// \throws as `self_withdrawal_months`.
[[nodiscard]] inline date::sys_days self_withdrawal_from(date::year_month first_missing,
                                                         rule_set const& rules) {
    return date::sys_days{(first_missing + date::months{self_withdrawal_months(rules)}) / 1};
}

/// The first run of at least `need` consecutive indices `i` in [0, n) with `missing(i)`: its first and
/// last index (the run is followed to its end). Nothing when there is none.
/// \pre need >= 1.
template <class Missing>
[[nodiscard]] std::optional<std::pair<std::size_t, std::size_t>> first_missing_run(std::size_t n,
                                                                                   Missing&& missing,
                                                                                   int need) {
    std::size_t i = 0;
    while (i < n) {
        if (!missing(i)) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j + 1 < n && missing(j + 1))
            ++j;
        if (static_cast<int>(j - i + 1) >= need) return std::pair{i, j};
        i = j + 1;
    }
    return std::nullopt;
}

}  // namespace dangyuan
