#pragma once
/// \file
/// Calendar months (`date::year_month`, e.g. the month dues are paid for): one way to write them,
/// `2026-03`, one strict parser for stored and machine text, one lenient parser for what a clerk
/// types, and the month arithmetic the dues and mobility rules share.
///
/// A month is valid when its month number is 1..12 and its year 1..9999 (the range of `make_date`).
/// Nothing here reads the clock.

#include <date/date.h>

#include <cstddef>
#include <string>
#include <string_view>

#include "dangyuan/core/calendar.hpp"
#include "dangyuan/core/errors.hpp"

namespace dangyuan {

/// Formats `ym` as `YYYY-MM` ("2026-03"); years before 1000 are zero-padded to four digits.
/// \pre `ym.ok()` (an unset month formats its raw numbers, e.g. "0000-00").
[[nodiscard]] inline std::string format_month(date::year_month ym) {
    std::string text = detail::ymd_text(int(ym.year()), unsigned(ym.month()), 1);
    text.resize(text.size() - 3);  // drop "-01"
    return text;
}

namespace detail {

inline bool month_in_range(int y, int m) noexcept {
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12;
}

inline date::year_month make_month(int y, int m) noexcept {
    return date::year{y} / date::month{static_cast<unsigned>(m)};
}

}  // namespace detail

/// Parses a month written exactly `YYYY-MM` (four year digits, two month digits, nothing around):
/// the form the store keeps and the Python API accepts as text.
/// \param field names the value in the error message.
/// \throws invalid_input (field `field`) naming the text for any other shape, month 00 or 13, year 0000.
[[nodiscard]] inline date::year_month parse_iso_month(std::string_view text,
                                                      std::string_view field = "month") {
    std::size_t pos = 0;
    int const y = detail::read_number(text, pos, 4);
    bool ok = pos == 4 && detail::read_token(text, pos, "-");
    int const m = ok ? detail::read_number(text, pos, 2) : -1;
    ok = ok && pos == 7 && pos == text.size() && detail::month_in_range(y, m);
    if (!ok)
        throw invalid_input(std::string(field), "'" + std::string(text) + "' is not a month written YYYY-MM");
    return detail::make_month(y, m);
}

/// Parses a month as people write it: `2026-03`, `2026.3`, `2026/03`, `2026年3月` (the 月 may be left
/// out) — a four-digit year, a separator, a month of one or two digits. Surrounding blanks are ignored.
/// \param field names the value in the error message (e.g. `"dues_month"`).
/// \throws invalid_input (field `field`) naming the text for any other shape, month 0 or 13, year 0000.
[[nodiscard]] inline date::year_month parse_month(std::string_view text, std::string_view field = "month") {
    std::string_view const t = detail::trim(text);
    std::size_t pos = 0;
    int const y = detail::read_number(t, pos, 4);
    bool ok = pos == 4;
    bool chinese = false;
    if (ok && detail::read_token(t, pos, "年"))
        chinese = true;
    else if (ok && pos < t.size() && (t[pos] == '-' || t[pos] == '.' || t[pos] == '/'))
        ++pos;
    else
        ok = false;
    int const m = ok ? detail::read_number(t, pos, 2) : -1;
    if (ok && chinese) detail::read_token(t, pos, "月");
    ok = ok && pos == t.size() && detail::month_in_range(y, m);
    if (!ok)
        throw invalid_input(
            std::string(field),
            "'" + std::string(t) + "' is not a month (2026-03, 2026.3, 2026/03 or 2026年3月)");
    return detail::make_month(y, m);
}

/// The month containing `d`.
[[nodiscard]] inline date::year_month month_of(date::sys_days d) {
    date::year_month_day const ymd{d};
    return ymd.year() / ymd.month();
}

/// Months from `a` to `b` (positive when `b` is later): 2025-12 → 2026-06 is 6.
[[nodiscard]] constexpr int months_between(date::year_month a, date::year_month b) noexcept {
    return (int(b.year()) - int(a.year())) * 12 + (int(unsigned(b.month())) - int(unsigned(a.month())));
}

/// The last day of month `ym` (2024-02 → 2024-02-29).
[[nodiscard]] inline date::sys_days last_day(date::year_month ym) {
    return date::sys_days{ym.year() / ym.month() / date::last};
}

}  // namespace dangyuan
