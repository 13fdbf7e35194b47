#pragma once
/// \file
/// China's official working-day calendar (法定节假日 and 调休 make-up workdays) and working-day
/// arithmetic ("within 5 working days", "public notice of at least 5 working days").
///
/// A day is a **working day** when it is Monday–Friday and not an official day off, or when it is a
/// listed make-up workday (调休上班日, always a Saturday or Sunday). The official days off and make-up
/// days change every year and are published by the General Office of the State Council (国务院办公厅)
/// in the preceding year, so the calendar holds data per year and refuses to guess: asking about a
/// year without data throws `calendar_year_missing`, unless the caller passes `estimate_allowed` and
/// accepts a weekdays-only answer flagged as provisional.
///
/// ### Text format of holiday data
///
/// UTF-8 text, one statement per line; blanks around tokens are ignored, `#` starts a comment that
/// runs to the end of the line, empty lines are skipped. Dates are written `YYYY-MM-DD` (any form
/// accepted by `parse_date` works).
///
/// ```
/// # 国办发明电〔2023〕7号
/// year 2024                              ← starts the data of the notice for 2024
/// off 2024-01-01 元旦                     ← one official day off, with the holiday's name
/// off 2024-02-10..2024-02-17 春节         ← an inclusive range of days off, with the name
/// workday 2024-02-04 春节                 ← a make-up workday; the name is optional
/// ```
///
/// Rules checked on load (violations throw `invalid_input` with field `"holiday_data"`, naming the
/// line number and the offending value; nothing is loaded then):
/// - every `off` / `workday` line follows a `year N` line, and a text names each year at most once;
/// - every date lies in year N-1, N or N+1: a notice may start a break in the previous year (the 2023
///   New Year break starts 2022-12-31). Such a day is kept under the year it falls in, for queries,
///   and remembers the notice year it came from, for replacement;
/// - an off range is ordered and at most 31 days long (a longer one is taken for a typo);
/// - a make-up workday is a Saturday or Sunday;
/// - a day is listed at most once over all loaded notices, so a make-up day inside an off range, or
///   two notices claiming the same day, are rejected.
///
/// Queries for a date need the data of the year the date falls in (`has_year`). The data of year N
/// alone is complete for year N, except for the last days of December when the notice of year N+1
/// starts a break there (2022-12-31): load consecutive years to cover the turn of the year.

#include <date/date.h>

#include <charconv>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dangyuan/core/calendar.hpp"
#include "dangyuan/core/enum_table.hpp"
#include "dangyuan/core/errors.hpp"
#include "dangyuan/core/holidays_cn.hpp"

namespace dangyuan {

/// Thrown when a date falls in a year the calendar has no official holiday data for.
class calendar_year_missing : public not_found {
public:
    explicit calendar_year_missing(int year)
        : not_found("no official holiday data for " + std::to_string(year) +
                    "; load it or ask for a weekdays-only estimate"),
          year_(year) {}

    /// The year without data.
    [[nodiscard]] int year() const noexcept { return year_; }

private:
    int year_;
};

/// Tag type: the caller accepts a weekdays-only estimate for years without data. Pass the constant
/// `estimate_allowed`.
struct weekdays_estimate {
    explicit constexpr weekdays_estimate() = default;
};

/// The tag value selecting the estimating overloads of `work_calendar`.
inline constexpr weekdays_estimate estimate_allowed{};

/// A result that may rest on an estimate. `provisional` is true iff at least one day examined fell in
/// a year without data; such days were counted as working days when Monday–Friday, and not otherwise.
template <class T>
struct estimated {
    T value;
    bool provisional;
};

/// What `work_calendar::load` does with a year that is already loaded.
enum class on_existing_year {
    reject,   ///< throw `invalid_input` and load nothing (the default: data is not replaced by accident)
    replace,  ///< drop every day that came from the earlier notice of that year, then load the new one
};

template <>
struct enum_table<on_existing_year> {
    static constexpr std::string_view field = "policy";
    static constexpr std::string_view noun = "policy";
    static constexpr enum_row<on_existing_year> rows[] = {
        {on_existing_year::reject, "reject"},
        {on_existing_year::replace, "replace"},
    };
};

/// Per-year official calendar of days off and make-up workdays. A default-constructed calendar has no
/// years; `china()` has the built-in national data. Copy `china()` to add years:
/// `auto cal = dangyuan::work_calendar::china(); cal.load_file("holidays-2027.txt");`
class work_calendar {
public:
    work_calendar() = default;

    /// The national calendar with the built-in data for 2020–2026 (`holidays_cn.hpp`), parsed on first
    /// use. 2020 includes the COVID-19 extension of the Spring Festival break (off until 2020-02-02;
    /// the make-up workday 2020-02-01 was cancelled).
    static work_calendar const& china() {
        static work_calendar const instance = [] {
            work_calendar cal;
            for (std::string_view const text : detail::holidays_cn_tables)
                cal.load(text);
            return cal;
        }();
        return instance;
    }

    /// Loads one or more years of data in the text format described in the file comment.
    /// All or nothing: on error the calendar is unchanged.
    /// \throws invalid_input (field `"holiday_data"`) on a malformed line or a rule violation, naming
    ///         the line number and value, and for a year already loaded unless `policy` is `replace`.
    void load(std::string_view text, on_existing_year policy = on_existing_year::reject) {
        load_text(text, policy, "");
    }

    /// Reads the file at `path` and loads it like `load`; messages start with the path.
    /// \throws invalid_input (field `"path"`) when the file cannot be read, and as `load`.
    void load_file(std::filesystem::path const& path, on_existing_year policy = on_existing_year::reject) {
        std::ifstream in(path, std::ios::binary);
        if (!in) throw invalid_input("path", "cannot read holiday data file '" + path.string() + "'");
        std::string const content{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        load_text(content, policy, path.string() + ": ");
    }

    /// True when the official data of year `y` is loaded.
    [[nodiscard]] bool has_year(int y) const noexcept { return years_.contains(y); }

    /// The loaded years, ascending.
    [[nodiscard]] std::vector<int> years() const { return {years_.begin(), years_.end()}; }

    /// True when `d` is a working day.
    /// \throws calendar_year_missing when the year of `d` has no data.
    [[nodiscard]] bool is_working_day(date::sys_days d) const { return working(d, nullptr); }

    /// `is_working_day`, counting Monday–Friday as working days in a year without data.
    [[nodiscard]] estimated<bool> is_working_day(date::sys_days d, weekdays_estimate) const {
        bool provisional = false;
        bool const value = working(d, &provisional);
        return {value, provisional};
    }

    /// The `n`-th working day strictly after `from`; `from` itself when `n == 0` (no data needed then).
    /// Examines the days from `from + 1` up to the result.
    /// \pre `n >= 0`, else throws invalid_input (field `"n"`).
    /// \throws calendar_year_missing when a day examined falls in a year without data.
    [[nodiscard]] date::sys_days add_working_days(date::sys_days from, int n) const {
        return advance(from, n, nullptr);
    }

    /// `add_working_days` with weekdays-only estimates for years without data.
    [[nodiscard]] estimated<date::sys_days> add_working_days(date::sys_days from, int n,
                                                             weekdays_estimate) const {
        bool provisional = false;
        date::sys_days const value = advance(from, n, &provisional);
        return {value, provisional};
    }

    /// The number of working days `d` with `from < d <= to` (`from` is excluded, `to` included).
    /// Hence `add_working_days(from, working_days_between(from, to)) <= to`, with equality when `to` is
    /// a working day or `to == from`.
    /// \pre `from <= to`, else throws invalid_input (field `"date"`) naming both dates.
    /// \throws calendar_year_missing when a day in `(from, to]` falls in a year without data.
    [[nodiscard]] int working_days_between(date::sys_days from, date::sys_days to) const {
        return count(from, to, nullptr);
    }

    /// `working_days_between` with weekdays-only estimates for years without data.
    [[nodiscard]] estimated<int> working_days_between(date::sys_days from, date::sys_days to,
                                                      weekdays_estimate) const {
        bool provisional = false;
        int const value = count(from, to, &provisional);
        return {value, provisional};
    }

    /// The name of the holiday (e.g. `"春节"`) when `d` is an official day off; no value when it is not
    /// (ordinary weekends included: 2024-06-08 is a Saturday next to 端午节 2024-06-10 but has no name).
    /// \throws calendar_year_missing when the year of `d` has no data.
    [[nodiscard]] std::optional<std::string> holiday_name(date::sys_days d) const {
        require_year(d);
        auto const it = days_.find(d);
        if (it == days_.end() || !it->second.off) return std::nullopt;
        return it->second.name;
    }

private:
    /// One listed day: an official day off or a make-up workday, with its origin.
    struct day_entry {
        bool off;          ///< true: official day off; false: make-up workday
        int notice_year;   ///< the notice (year line) that listed it
        int line;          ///< line number in that text, for messages
        std::string name;  ///< holiday name; may be empty for a make-up workday
    };

    static int year_of(date::sys_days d) { return int(date::year_month_day{d}.year()); }

    static bool monday_to_friday(date::sys_days d) {
        date::weekday const wd{d};
        return wd != date::Saturday && wd != date::Sunday;
    }

    void require_year(date::sys_days d) const {
        if (!has_year(year_of(d))) throw calendar_year_missing(year_of(d));
    }

    /// The working-day test. A year without data throws, unless `provisional` is given: then it is set
    /// and the day is judged by its weekday alone.
    bool working(date::sys_days d, bool* provisional) const {
        if (!has_year(year_of(d))) {
            if (provisional == nullptr) throw calendar_year_missing(year_of(d));
            *provisional = true;
            return monday_to_friday(d);
        }
        auto const it = days_.find(d);
        return it == days_.end() ? monday_to_friday(d) : !it->second.off;
    }

    date::sys_days advance(date::sys_days from, int n, bool* provisional) const {
        if (n < 0) throw invalid_input("n", "working-day count " + std::to_string(n) + " is negative");
        date::sys_days d = from;
        while (n > 0) {
            d += date::days{1};
            if (working(d, provisional)) --n;
        }
        return d;
    }

    int count(date::sys_days from, date::sys_days to, bool* provisional) const {
        if (to < from)
            throw invalid_input("date", "working days asked from " + format_date(from) + " to " +
                                            format_date(to) + ", which is earlier");
        int n = 0;
        for (date::sys_days d = from + date::days{1}; d <= to; d += date::days{1})
            n += working(d, provisional);
        return n;
    }

    void load_text(std::string_view text, on_existing_year policy, std::string const& source) {
        int line_no = 0;
        auto const fail = [&](std::string const& why) -> invalid_input {
            return invalid_input("holiday_data", source + "line " + std::to_string(line_no) + ": " + why);
        };
        auto const parse_day = [&](std::string_view token) {
            try {
                return parse_date(token, "holiday_data");
            } catch (invalid_input const& e) {
                throw fail(e.reason());
            }
        };

        std::set<int> new_years;
        std::map<date::sys_days, day_entry> added;
        int year = 0;  // the current `year` section; 0 before the first one
        while (!text.empty()) {
            ++line_no;
            std::size_t const eol = text.find('\n');
            std::string_view line = text.substr(0, eol);
            text.remove_prefix(eol == std::string_view::npos ? text.size() : eol + 1);
            line = detail::trim(line.substr(0, line.find('#')));
            if (line.empty()) continue;

            std::size_t const blank = line.find_first_of(" \t");
            std::string_view const keyword = line.substr(0, blank);
            std::string_view rest = blank == std::string_view::npos ? "" : detail::trim(line.substr(blank));

            if (keyword == "year") {
                int y = 0;
                auto const [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), y);
                if (ec != std::errc{} || end != rest.data() + rest.size() || y < 1 || y > 9999)
                    throw fail("'" + std::string(rest) + "' is not a year");
                if (new_years.contains(y)) throw fail("year " + std::to_string(y) + " appears twice");
                if (has_year(y) && policy == on_existing_year::reject)
                    throw fail("year " + std::to_string(y) +
                               " is already loaded; load with on_existing_year::replace to replace it");
                new_years.insert(y);
                year = y;
                continue;
            }
            if (keyword != "off" && keyword != "workday")
                throw fail("unknown statement '" + std::string(keyword) +
                           "' (expected year, off or workday)");
            if (year == 0) throw fail("'" + std::string(keyword) + "' before the first 'year' line");

            bool const off = keyword == "off";
            std::size_t const name_at = rest.find_first_of(" \t");
            std::string_view const when = rest.substr(0, name_at);
            std::string const name(name_at == std::string_view::npos ? ""
                                                                     : detail::trim(rest.substr(name_at)));
            if (when.empty()) throw fail("'" + std::string(keyword) + "' without a date");
            if (off && name.empty()) throw fail("day off '" + std::string(when) + "' without a holiday name");

            std::size_t const dots = when.find("..");
            if (!off && dots != std::string_view::npos)
                throw fail("make-up workday '" + std::string(when) + "' must be a single date");
            date::sys_days const first = parse_day(when.substr(0, dots));
            date::sys_days const last =
                dots == std::string_view::npos ? first : parse_day(when.substr(dots + 2));
            for (date::sys_days const d : {first, last})
                if (year_of(d) < year - 1 || year_of(d) > year + 1)
                    throw fail(format_date(d) + " is too far from the year " + std::to_string(year));
            if (last < first) throw fail("range '" + std::string(when) + "' ends before it starts");
            if (last - first >= date::days{31})
                throw fail("range '" + std::string(when) + "' is longer than 31 days");
            if (!off && monday_to_friday(first))
                throw fail("make-up workday " + format_date(first) + " is a " + weekday_name(first) +
                           "; a make-up workday must be a Saturday or Sunday");

            for (date::sys_days d = first; d <= last; d += date::days{1}) {
                auto const [it, inserted] = added.try_emplace(d, day_entry{off, year, line_no, name});
                if (!inserted) throw fail(format_date(d) + " is already listed on line " + clash(it->second));
            }
        }

        // Merge into a copy so that a failure leaves the calendar unchanged.
        std::map<date::sys_days, day_entry> merged;
        for (auto const& [d, entry] : days_)
            if (!new_years.contains(entry.notice_year)) merged.emplace(d, entry);
        for (auto const& [d, entry] : added) {
            auto const [it, inserted] = merged.try_emplace(d, entry);
            if (!inserted) {
                line_no = entry.line;
                throw fail(format_date(d) + " is already listed by the notice for " +
                           std::to_string(it->second.notice_year) + ", line " + clash(it->second));
            }
        }
        std::set<int> years = years_;
        years.insert(new_years.begin(), new_years.end());
        days_ = std::move(merged);
        years_ = std::move(years);
    }

    /// "12 as a day off (春节)" — describes an earlier entry for a clash message.
    static std::string clash(day_entry const& e) {
        return std::to_string(e.line) + (e.off ? " as a day off" : " as a make-up workday") +
               (e.name.empty() ? "" : " (" + e.name + ")");
    }

    static std::string weekday_name(date::sys_days d) {
        static constexpr char const* names[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                "Thursday", "Friday", "Saturday"};
        return names[date::weekday{d}.c_encoding()];
    }

    std::set<int> years_;
    std::map<date::sys_days, day_entry> days_;
};

}  // namespace dangyuan
