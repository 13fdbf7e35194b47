#include "dangyuan/core/month.hpp"

#include <catch2/catch.hpp>

#include <string>

namespace month_test_cases {

using dangyuan::format_month;
using dangyuan::last_day;
using dangyuan::make_date;
using dangyuan::month_of;
using dangyuan::months_between;
using dangyuan::parse_iso_month;
using dangyuan::parse_month;
using namespace date::literals;

namespace {

/// The field named by the invalid_input thrown by `f`, or "" when none is thrown.
template <class F>
std::string refused_field(F f) {
    try {
        f();
    } catch (dangyuan::invalid_input const& e) {
        return e.field();
    }
    return "";
}

}  // namespace

TEST_CASE("format_month writes YYYY-MM with a two-digit month", "[month]") {
    CHECK(format_month(2026_y / 3) == "2026-03");
    CHECK(format_month(2026_y / 12) == "2026-12");
    CHECK(format_month(2026_y / 1) == "2026-01");
    CHECK(format_month(date::year{999} / 7) == "0999-07");
}

TEST_CASE("parse_iso_month reads exactly YYYY-MM and round-trips format_month", "[month]") {
    CHECK(parse_iso_month("2026-03") == 2026_y / 3);
    CHECK(parse_iso_month("2026-01") == 2026_y / 1);
    CHECK(parse_iso_month("2026-12") == 2026_y / 12);
    for (auto const ym : {2024_y / 2, 1999_y / 12, 2026_y / 1})
        CHECK(parse_iso_month(format_month(ym)) == ym);
}

TEST_CASE("parse_iso_month refuses month 00 and 13, year 0000 and other shapes, naming the field",
          "[month]") {
    for (char const* bad : {"2026-00", "2026-13", "0000-05", "2026-3", "2026/03", "2026-03-01", " 2026-03",
                            "2026-03 ", "26-03", "2026_03", "", "abcd-ef", "2026-1a", "2026年3月"}) {
        INFO(bad);
        CHECK(refused_field([&] { (void)parse_iso_month(bad, "dues_month"); }) == "dues_month");
    }
    CHECK(refused_field([] { (void)parse_iso_month("2026-13"); }) == "month");  // the default field
}

TEST_CASE("parse_month reads the four written forms and ignores surrounding blanks", "[month]") {
    CHECK(parse_month("2026-03") == 2026_y / 3);
    CHECK(parse_month("2026.3") == 2026_y / 3);
    CHECK(parse_month("2026/03") == 2026_y / 3);
    CHECK(parse_month("2026年3月") == 2026_y / 3);
    CHECK(parse_month("2026年12") == 2026_y / 12);  // 月 may be left out
    CHECK(parse_month("  2026-12 \t") == 2026_y / 12);
    CHECK(parse_month("2026-1") == 2026_y / 1);
}

TEST_CASE("parse_month refuses month 0 and 13, a missing year digit and trailing text", "[month]") {
    for (char const* bad :
         {"2026-0", "2026-00", "2026-13", "2026年13月", "2026.13", "0000-01", "202-03", "20260-3", "2026",
          "2026-", "2026-003", "2026-03-01", "2026月3", "March 2026", "2026年3月1日", ""}) {
        INFO(bad);
        CHECK(refused_field([&] { (void)parse_month(bad, "effective"); }) == "effective");
    }
}

TEST_CASE("parse_month's message names the text and the accepted forms", "[month]") {
    try {
        (void)parse_month("2026-13", "month");
        FAIL("accepted month 13");
    } catch (dangyuan::invalid_input const& e) {
        CHECK(std::string(e.what()) ==
              "month: '2026-13' is not a month (2026-03, 2026.3, 2026/03 or 2026年3月)");
    }
}

TEST_CASE("month_of, last_day and months_between: leap February and year ends", "[month]") {
    CHECK(month_of(make_date(2024, 2, 29)) == 2024_y / 2);
    CHECK(month_of(make_date(2025, 12, 31)) == 2025_y / 12);
    CHECK(last_day(2024_y / 2) == make_date(2024, 2, 29));  // leap year
    CHECK(last_day(2025_y / 2) == make_date(2025, 2, 28));
    CHECK(last_day(2100_y / 2) == make_date(2100, 2, 28));  // century, not a leap year
    CHECK(last_day(2000_y / 2) == make_date(2000, 2, 29));  // divisible by 400
    CHECK(last_day(2026_y / 12) == make_date(2026, 12, 31));
    CHECK(months_between(2025_y / 12, 2026_y / 6) == 6);
    CHECK(months_between(2026_y / 6, 2025_y / 12) == -6);
    CHECK(months_between(2026_y / 3, 2026_y / 3) == 0);
    CHECK(months_between(2025_y / 12, 2026_y / 1) == 1);
}

}  // namespace month_test_cases
