#include "dangyuan/core/calendar.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace calendar_test_cases {

using dangyuan::add_months;
using dangyuan::add_years;
using dangyuan::age_on;
using dangyuan::format_date;
using dangyuan::make_date;
using dangyuan::parse_date;
using namespace date::literals;

namespace {

date::sys_days day(date::year_month_day ymd) {
    return date::sys_days{ymd};
}

/// The message of the invalid_input thrown by `f`, or "" when none is thrown.
template <class F>
std::string invalid_input_message(F f) {
    try {
        f();
    } catch (dangyuan::invalid_input const& e) {
        return e.what();
    }
    return "";
}

}  // namespace

// --- month arithmetic: 民法典 Art. 202 ------------------------------------------------------------

TEST_CASE("民法典 第202条 [C] cal.month_end_clamp: 31 Jan + 1 month is the last day of February",
          "[calendar]") {
    CHECK(add_months(day(2024_y / 1 / 31), 1) == day(2024_y / 2 / 29));
    CHECK(add_months(day(2025_y / 1 / 31), 1) == day(2025_y / 2 / 28));
    CHECK(add_months(day(2024_y / 1 / 30), 1) == day(2024_y / 2 / 29));
    CHECK(add_months(day(2024_y / 3 / 31), 1) == day(2024_y / 4 / 30));
    CHECK(add_months(day(2024_y / 5 / 31), 1) == day(2024_y / 6 / 30));
    CHECK(add_months(day(2024_y / 8 / 31), 1) == day(2024_y / 9 / 30));
    CHECK(add_months(day(2024_y / 1 / 31), 2) == day(2024_y / 3 / 31));  // no cumulative drift
}

TEST_CASE("民法典 第202条 [C] cal.month_end_clamp: a day that exists in the target month is kept",
          "[calendar]") {
    CHECK(add_months(day(2024_y / 1 / 15), 1) == day(2024_y / 2 / 15));
    CHECK(add_months(day(2024_y / 2 / 29), 1) == day(2024_y / 3 / 29));
    CHECK(add_months(day(2024_y / 6 / 30), 0) == day(2024_y / 6 / 30));
    for (int m = -30; m <= 30; ++m) {
        // Days 1..28 exist in every month, so going there and back is exact.
        for (unsigned d : {1u, 15u, 28u}) {
            auto const start = day(2023_y / 7 / date::day{d});
            CHECK(add_months(add_months(start, m), -m) == start);
        }
    }
}

TEST_CASE("民法典 第202条 [C] cal.month_end_clamp: leap years follow the Gregorian rule", "[calendar]") {
    CHECK(add_months(day(2024_y / 2 / 29), 12) == day(2025_y / 2 / 28));
    CHECK(add_months(day(2024_y / 2 / 29), 48) == day(2028_y / 2 / 29));
    CHECK(add_months(day(1900_y / 1 / 31), 1) == day(1900_y / 2 / 28));  // divisible by 100: common
    CHECK(add_months(day(2000_y / 1 / 31), 1) == day(2000_y / 2 / 29));  // divisible by 400: leap
    CHECK(add_months(day(2100_y / 1 / 31), 1) == day(2100_y / 2 / 28));
}

TEST_CASE("民法典 第202条 [C] cal.month_end_clamp: negative months go back and clamp the same way",
          "[calendar]") {
    CHECK(add_months(day(2024_y / 3 / 31), -1) == day(2024_y / 2 / 29));
    CHECK(add_months(day(2025_y / 3 / 31), -1) == day(2025_y / 2 / 28));
    CHECK(add_months(day(2024_y / 3 / 15), -3) == day(2023_y / 12 / 15));
    CHECK(add_months(day(2024_y / 12 / 31), -6) == day(2024_y / 6 / 30));
    CHECK(add_months(day(2024_y / 1 / 31), -13) == day(2022_y / 12 / 31));
}

TEST_CASE("民法典 第202条 [C] cal.month_end_clamp: months carry across year boundaries", "[calendar]") {
    CHECK(add_months(day(2024_y / 12 / 31), 1) == day(2025_y / 1 / 31));
    CHECK(add_months(day(2024_y / 11 / 30), 2) == day(2025_y / 1 / 30));
    CHECK(add_months(day(2024_y / 12 / 31), 2) == day(2025_y / 2 / 28));
    CHECK(add_months(day(2025_y / 1 / 15), -1) == day(2024_y / 12 / 15));
    CHECK(add_months(day(2024_y / 6 / 1), 30) == day(2026_y / 12 / 1));
    CHECK(add_months(day(2024_y / 6 / 1), -30) == day(2021_y / 12 / 1));
}

TEST_CASE(
    "民法典 第202条 [C] cal.month_end_clamp: the year_month_day overload agrees and rejects bad "
    "input",
    "[calendar]") {
    CHECK(add_months(2024_y / 1 / 31, 1) == 2024_y / 2 / 29);
    CHECK(add_months(2024_y / 10 / 31, -1) == 2024_y / 9 / 30);
    CHECK(add_years(2024_y / 2 / 29, 1) == 2025_y / 2 / 28);
    CHECK_THROWS_AS(add_months(2023_y / 2 / 29, 1), dangyuan::invalid_input);
}

TEST_CASE(
    "民法典 第202条 [C] cal.month_end_clamp: add_years moves 29 February to 28 February in a "
    "common year",
    "[calendar]") {
    CHECK(add_years(day(2024_y / 2 / 29), 1) == day(2025_y / 2 / 28));
    CHECK(add_years(day(2024_y / 2 / 29), 4) == day(2028_y / 2 / 29));
    CHECK(add_years(day(2024_y / 2 / 29), -1) == day(2023_y / 2 / 28));
    CHECK(add_years(day(2024_y / 2 / 29), 76) == day(2100_y / 2 / 28));
    CHECK(add_years(day(2023_y / 12 / 31), 1) == day(2024_y / 12 / 31));
}

TEST_CASE("民法典 第202条 [C] cal.month_end_clamp: a deadline in months includes its last day",
          "[calendar]") {
    auto const received = day(2024_y / 1 / 31);
    CHECK(dangyuan::deadline_months(received, 1) == day(2024_y / 2 / 29));
    CHECK(dangyuan::within_months(received, day(2024_y / 2 / 29), 1));
    CHECK_FALSE(dangyuan::within_months(received, day(2024_y / 3 / 1), 1));
    CHECK(dangyuan::within_months(received, received, 1));
    CHECK(dangyuan::deadline_months(day(2024_y / 3 / 15), 6) == day(2024_y / 9 / 15));
}

// --- ages --------------------------------------------------------------------------------------------

TEST_CASE("cal.age_birthday: the age in completed years increases on the birthday itself", "[calendar]") {
    auto const birth = day(2006_y / 5 / 1);
    CHECK(age_on(birth, day(2024_y / 4 / 30)) == 17);
    CHECK(age_on(birth, day(2024_y / 5 / 1)) == 18);
    CHECK(age_on(birth, day(2024_y / 5 / 2)) == 18);
    CHECK(age_on(birth, birth) == 0);
    CHECK(age_on(birth, day(2007_y / 4 / 30)) == 0);
    CHECK(age_on(birth, day(2007_y / 5 / 1)) == 1);
}

TEST_CASE("cal.age_birthday: a 31 December birth is a year older on the next 31 December", "[calendar]") {
    auto const birth = day(2005_y / 12 / 31);
    CHECK(age_on(birth, day(2023_y / 12 / 30)) == 17);
    CHECK(age_on(birth, day(2023_y / 12 / 31)) == 18);
    CHECK(age_on(birth, day(2024_y / 1 / 1)) == 18);
}

TEST_CASE(
    "民法典 第202条 [C] cal.age_birthday: a 29 February birth has its birthday on 28 February in "
    "a common year",
    "[calendar]") {
    auto const birth = day(2000_y / 2 / 29);
    CHECK(age_on(birth, day(2018_y / 2 / 27)) == 17);
    CHECK(age_on(birth, day(2018_y / 2 / 28)) == 18);  // common year
    CHECK(age_on(birth, day(2018_y / 3 / 1)) == 18);
    CHECK(age_on(birth, day(2001_y / 2 / 27)) == 0);
    CHECK(age_on(birth, day(2001_y / 2 / 28)) == 1);
}

TEST_CASE("cal.age_birthday: a 29 February birth has its birthday on 29 February in a leap year",
          "[calendar]") {
    auto const birth = day(2004_y / 2 / 29);
    CHECK(age_on(birth, day(2020_y / 2 / 28)) == 15);
    CHECK(age_on(birth, day(2020_y / 2 / 29)) == 16);
    CHECK(age_on(birth, day(2022_y / 2 / 28)) == 18);
    CHECK(age_on(birth, day(2024_y / 2 / 28)) == 19);
    CHECK(age_on(birth, day(2024_y / 2 / 29)) == 20);
}

TEST_CASE("cal.age_birthday: a date before the birth is rejected, naming both dates", "[calendar]") {
    auto const message =
        invalid_input_message([] { (void)age_on(day(2006_y / 5 / 1), day(2006_y / 4 / 30)); });
    CHECK(message.find("2006-05-01") != std::string::npos);
    CHECK(message.find("2006-04-30") != std::string::npos);
    CHECK_THROWS_AS(age_on(day(2006_y / 5 / 1), day(1990_y / 1 / 1)), dangyuan::invalid_input);
}

TEST_CASE(
    "民法典 第202条 [C] cal.age_birthday: age >= n exactly when the date is on or after birth + n "
    "years",
    "[calendar]") {
    // Births: every 5th day over 8 years plus every 28 Feb / 29 Feb / 1 Mar; dates: every 9th day over
    // 30 years plus the same days around 29 February each year.
    std::vector<date::sys_days> births;
    for (auto d = day(1996_y / 1 / 1); d < day(2004_y / 1 / 1); d += date::days{5})
        births.push_back(d);
    std::vector<date::sys_days> dates;
    for (auto d = day(1996_y / 1 / 1); d < day(2030_y / 1 / 1); d += date::days{9})
        dates.push_back(d);
    for (int y = 1996; y < 2030; ++y) {
        for (auto d = day(date::year{y} / 2 / 28); d <= day(date::year{y} / 3 / 1); d += date::days{1}) {
            if (y < 2004) births.push_back(d);
            dates.push_back(d);
        }
    }

    long checked = 0;
    long failures = 0;
    std::string first_failure;
    for (auto const b : births) {
        for (auto const d : dates) {
            if (d < b) continue;
            int const age = age_on(b, d);
            for (int n = age - 2; n <= age + 2; ++n) {
                if (n < 0) continue;
                ++checked;
                if ((age >= n) != (d >= add_years(b, n))) {
                    if (failures++ == 0)
                        first_failure = format_date(b) + " on " + format_date(d) + " n=" + std::to_string(n);
                }
            }
        }
    }
    INFO("first failure: " << first_failure);
    CHECK(failures == 0);
    CHECK(checked > 1'000'000);
}

// --- parsing and formatting -----------------------------------------------------------------------------

TEST_CASE("cal.parse_date: ISO, dotted, slashed and Chinese forms are accepted", "[calendar]") {
    auto const expected = day(2020_y / 5 / 1);
    CHECK(parse_date("2020-05-01") == expected);
    CHECK(parse_date("2020.05.01") == expected);
    CHECK(parse_date("2020/05/01") == expected);
    CHECK(parse_date("2020年5月1日") == expected);
    CHECK(parse_date("2020年05月01日") == expected);
    CHECK(parse_date("2020-5-1") == expected);
    CHECK(parse_date("2020/5/01") == expected);
    CHECK(parse_date("  2020-05-01 ") == expected);
    CHECK(parse_date("2024-02-29") == day(2024_y / 2 / 29));
    CHECK(parse_date("2000年2月29日") == day(2000_y / 2 / 29));
}

TEST_CASE("cal.parse_date: malformed text and impossible dates are rejected, naming the field and value",
          "[calendar]") {
    for (char const* bad : {"", "2023-02-29", "1900-02-29", "2020-13-01", "2020-00-10", "2020-04-31",
                            "2020-05", "20-05-01", "2020-05-01x", "2020-05/01", "2020-005-01", "2020年5月1",
                            "2020年5-1日", "2020 05 01", "abcd-ef-gh", "0000-01-01"}) {
        INFO("input: '" << bad << "'");
        auto const message = invalid_input_message([&] { (void)parse_date(bad, "birth_date"); });
        CHECK(message.find("birth_date") == 0);
        CHECK(message.find(std::string("'") + bad + "'") != std::string::npos);
    }
    try {
        (void)parse_date("2023-02-29");
        FAIL("no exception");
    } catch (dangyuan::invalid_input const& e) {
        CHECK(e.field() == "date");
        CHECK(e.reason() == "'2023-02-29' is not a calendar date");
    }
}

TEST_CASE("cal.parse_date: format_date writes ISO dates that parse back", "[calendar]") {
    CHECK(format_date(day(2020_y / 5 / 1)) == "2020-05-01");
    CHECK(format_date(day(2024_y / 12 / 31)) == "2024-12-31");
    CHECK(format_date(day(999_y / 1 / 9)) == "0999-01-09");
    for (auto d = day(1999_y / 12 / 1); d < day(2001_y / 3 / 1); d += date::days{1})
        CHECK(parse_date(format_date(d)) == d);
}

TEST_CASE("cal.make_date: a real date is built, an impossible one is rejected", "[calendar]") {
    CHECK(make_date(2024, 2, 29) == day(2024_y / 2 / 29));
    CHECK(make_date(2000, 2, 29) == day(2000_y / 2 / 29));
    CHECK_THROWS_AS(make_date(2023, 2, 29), dangyuan::invalid_input);
    CHECK_THROWS_AS(make_date(1900, 2, 29), dangyuan::invalid_input);
    CHECK_THROWS_AS(make_date(2024, 0, 1), dangyuan::invalid_input);
    CHECK_THROWS_AS(make_date(2024, 13, 1), dangyuan::invalid_input);
    CHECK_THROWS_AS(make_date(2024, 4, 31), dangyuan::invalid_input);
    CHECK_THROWS_AS(make_date(2024, 1, 0), dangyuan::invalid_input);
    CHECK_THROWS_AS(make_date(2024, 1, 300), dangyuan::invalid_input);
    CHECK_THROWS_AS(make_date(0, 1, 1), dangyuan::invalid_input);
    CHECK(invalid_input_message([] { (void)make_date(2023, 2, 29); }) ==
          "date: '2023-02-29' is not a calendar date");
}

}  // namespace calendar_test_cases
