#pragma once
/// \file
/// Civil-calendar helpers: month and year arithmetic, ages, month deadlines, parsing and formatting.
///
/// All dates are proleptic Gregorian `date::sys_days` (a day count, no time zone). Nothing here reads
/// the clock: every function takes the dates it works on.
///
/// **Month convention (民法典 Civil Code, Art. 202).** "When a period is counted in months or years,
/// the corresponding day of the final month is the last day; if there is none, the last day of that
/// month." `add_months` therefore keeps the day of month and clamps it to the end of the target month:
/// 2024-01-31 + 1 month = 2024-02-29, 2025-01-31 + 1 month = 2025-02-28. The same rule gives
/// `add_years` (2024-02-29 + 1 year = 2025-02-28) and the anniversaries used by `age_on`.
/// Clamping loses information, so month arithmetic is not invertible in general:
/// `add_months(add_months(d, 1), -1)` is not always `d` (2024-01-31 → 02-29 → 01-29).

#include <date/date.h>

#include <cstddef>
#include <string>
#include <string_view>

#include "dangyuan/core/errors.hpp"

namespace dangyuan {

namespace detail {

/// Renders year, month and day as `YYYY-MM-DD` without validating them (for messages).
inline std::string ymd_text(long long y, unsigned m, unsigned d) {
    std::string out;
    if (y < 0) {
        out += '-';
        y = -y;
    }
    std::string year = std::to_string(y);
    if (year.size() < 4) out.append(4 - year.size(), '0');
    out += year;
    out += m < 10 ? "-0" : "-";
    out += std::to_string(m);
    out += d < 10 ? "-0" : "-";
    out += std::to_string(d);
    return out;
}

inline std::string ymd_text(date::year_month_day ymd) {
    return ymd_text(int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
}

/// Throws unless `ymd` is a real calendar date; `field` names the argument in the message.
inline void require_valid(date::year_month_day ymd, char const* field) {
    if (!ymd.ok()) throw invalid_input(field, "'" + ymd_text(ymd) + "' is not a calendar date");
}

}  // namespace detail

/// A calendar day that refuses a date that does not exist. It is a `date::sys_days` (it compares,
/// subtracts, formats and converts like one), but built from a `year_month_day` it checks the date
/// first: where `date::sys_days{2025_y/2/30}` silently becomes 2025-03-02, `civil_day{2025_y/2/30}`
/// throws. Record types of the public API hold their dates as `civil_day`, so that
/// `{step::talk_held, 2025_y/2/30}` is refused instead of recorded on another day.
struct civil_day : date::sys_days {
    constexpr civil_day() noexcept = default;
    /// A day count is always a real day.
    constexpr civil_day(date::sys_days d) noexcept : date::sys_days(d) {}  // NOLINT: implicit by design
    /// \throws invalid_input (field `"date"`) when `ymd` is not a calendar date (2025-02-30, month 13).
    civil_day(date::year_month_day ymd) : date::sys_days(checked(ymd)) {}  // NOLINT: implicit by design

private:
    static date::sys_days checked(date::year_month_day ymd) {
        detail::require_valid(ymd, "date");
        return date::sys_days{ymd};
    }
};

/// Formats `d` as ISO 8601 `YYYY-MM-DD` (years before 1000 are zero-padded to four digits).
inline std::string format_date(date::sys_days d) {
    return detail::ymd_text(date::year_month_day{d});
}

/// Builds the date `y`-`m`-`d`.
/// \throws invalid_input (field `"date"`) when the date does not exist (2023-02-29, month 13, day 0)
///         or the year is outside 1..9999.
inline date::sys_days make_date(int y, unsigned m, unsigned d) {
    if (y < 1 || y > 9999 || m > 12 || d > 31)
        throw invalid_input("date", "'" + detail::ymd_text(y, m, d) + "' is not a calendar date");
    date::year_month_day const ymd{date::year{y}, date::month{m}, date::day{d}};
    detail::require_valid(ymd, "date");
    return date::sys_days{ymd};
}

/// Adds `months` calendar months (negative to go back), keeping the day of month and clamping it to
/// the last day of the target month (民法典 Art. 202, see the file comment).
/// \pre `d.ok()`; otherwise throws invalid_input (field `"date"`).
inline date::year_month_day add_months(date::year_month_day d, int months) {
    detail::require_valid(d, "date");
    auto const moved = d + date::months{months};
    if (moved.ok()) return moved;
    return {moved.year() / moved.month() / date::last};  // the day does not exist: last day of month
}

/// `sys_days` form of `add_months(year_month_day, int)`.
inline date::sys_days add_months(date::sys_days d, int months) {
    return date::sys_days{add_months(date::year_month_day{d}, months)};
}

/// Adds `years` years: `add_months(d, 12 * years)`, so 29 February moves to 28 February in a common
/// year (2024-02-29 + 1 year = 2025-02-28).
inline date::year_month_day add_years(date::year_month_day d, int years) {
    return add_months(d, 12 * years);
}

/// `sys_days` form of `add_years(year_month_day, int)`.
inline date::sys_days add_years(date::sys_days d, int years) {
    return add_months(d, 12 * years);
}

/// Age in completed years (周岁) of a person born on `birth`, on the date `on`.
///
/// The age increases on the anniversary date itself; for a 29 February birthday the anniversary in a
/// common year is 28 February (the `add_years` clamp). Equivalently, for every `n >= 0`:
/// `age_on(birth, on) >= n` exactly when `on >= add_years(birth, n)`.
/// \throws invalid_input (field `"date"`) when `on` is before `birth`; the message names both dates.
inline int age_on(date::sys_days birth, date::sys_days on) {
    if (on < birth)
        throw invalid_input(
            "date", "age asked on " + format_date(on) + ", before the birth date " + format_date(birth));
    date::year_month_day const b{birth};
    int age = int(date::year_month_day{on}.year()) - int(b.year());
    if (on < add_years(birth, age)) --age;  // this year's anniversary not reached yet
    return age;
}

/// The last day of a period of `months` months starting on `start`: `add_months(start, months)`.
/// Under 民法典 Art. 201 the start day itself is not counted, so a talk due "within 1 month" of an
/// application received 2024-01-31 is due by 2024-02-29 (inclusive).
inline date::sys_days deadline_months(date::sys_days start, int months) {
    return add_months(start, months);
}

/// True when `d <= deadline_months(start, months)`: the deadline day itself is still in time.
/// Dates before `start` also yield true; callers that must reject them check `d >= start` themselves.
inline bool within_months(date::sys_days start, date::sys_days d, int months) {
    return d <= deadline_months(start, months);
}

namespace detail {

/// Reads 1..max_digits ASCII digits at `pos`, advancing it; returns -1 when there is no digit.
inline int read_number(std::string_view s, std::size_t& pos, std::size_t max_digits) {
    std::size_t const begin = pos;
    int value = 0;
    while (pos < s.size() && pos - begin < max_digits && s[pos] >= '0' && s[pos] <= '9')
        value = value * 10 + (s[pos++] - '0');
    return pos == begin ? -1 : value;
}

/// Consumes `token` at `pos` if it is there.
inline bool read_token(std::string_view s, std::size_t& pos, std::string_view token) {
    if (s.substr(pos, token.size()) != token) return false;
    pos += token.size();
    return true;
}

inline std::string_view trim(std::string_view s) {
    auto const is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && is_space(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && is_space(s.back()))
        s.remove_suffix(1);
    return s;
}

}  // namespace detail

/// Parses a date written as `2020-05-01`, `2020.05.01`, `2020/05/01` or `2020年5月1日` (UTF-8).
///
/// The year has four digits; month and day have one or two. The two separators of the ASCII forms
/// must be the same character. Surrounding blanks are ignored.
/// \param field names the value in error messages (e.g. `"birth_date"`).
/// \throws invalid_input (field `field`) naming the text when it has none of these shapes or is not a
///         calendar date (`2023-02-29`).
inline date::sys_days parse_date(std::string_view s, std::string_view field = "date") {
    std::string_view const text = detail::trim(s);
    auto const fail = [&](char const* why) -> invalid_input {
        return invalid_input(std::string(field), "'" + std::string(s) + "' " + why);
    };
    std::size_t pos = 0;
    int const y = detail::read_number(text, pos, 4);
    bool ok = pos == 4;  // exactly four year digits
    int m = -1;
    int d = -1;
    if (ok && detail::read_token(text, pos, "年")) {
        m = detail::read_number(text, pos, 2);
        ok = m >= 0 && detail::read_token(text, pos, "月");
        if (ok) d = detail::read_number(text, pos, 2);
        ok = ok && d >= 0 && detail::read_token(text, pos, "日");
    } else if (ok && pos < text.size() && (text[pos] == '-' || text[pos] == '.' || text[pos] == '/')) {
        char const sep = text[pos++];
        m = detail::read_number(text, pos, 2);
        ok = m >= 0 && pos < text.size() && text[pos++] == sep;
        if (ok) d = detail::read_number(text, pos, 2);
        ok = ok && d >= 0;
    } else {
        ok = false;
    }
    if (!ok || pos != text.size())
        throw fail("is not a date (expected YYYY-MM-DD, YYYY.MM.DD, YYYY/MM/DD or YYYY年M月D日)");
    date::year_month_day const ymd{date::year{y}, date::month(unsigned(m)), date::day(unsigned(d))};
    if (y < 1 || !ymd.ok()) throw fail("is not a calendar date");
    return date::sys_days{ymd};
}

}  // namespace dangyuan
