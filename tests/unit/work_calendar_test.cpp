#include "dangyuan/core/work_calendar.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace work_calendar_test_cases {

using dangyuan::work_calendar;
using namespace date::literals;

namespace {

date::sys_days day(date::year_month_day ymd) {
    return date::sys_days{ymd};
}

/// The official tables (国务院办公厅 notices, reference A.8), restated independently of the built-in
/// data so that a typo in either shows up.
struct official_year {
    int year;
    std::vector<std::pair<char const*, char const*>> off;  // inclusive ranges
    std::vector<char const*> workdays;
};

std::vector<official_year> const& official_tables() {
    static std::vector<official_year> const tables{
        {2020,
         {{"2020-01-01", "2020-01-01"},
          {"2020-01-24", "2020-02-02"},
          {"2020-04-04", "2020-04-06"},
          {"2020-05-01", "2020-05-05"},
          {"2020-06-25", "2020-06-27"},
          {"2020-10-01", "2020-10-08"}},
         {"2020-01-19", "2020-04-26", "2020-05-09", "2020-06-28", "2020-09-27", "2020-10-10"}},
        {2021,
         {{"2021-01-01", "2021-01-03"},
          {"2021-02-11", "2021-02-17"},
          {"2021-04-03", "2021-04-05"},
          {"2021-05-01", "2021-05-05"},
          {"2021-06-12", "2021-06-14"},
          {"2021-09-19", "2021-09-21"},
          {"2021-10-01", "2021-10-07"}},
         {"2021-02-07", "2021-02-20", "2021-04-25", "2021-05-08", "2021-09-18", "2021-09-26", "2021-10-09"}},
        {2022,
         {{"2022-01-01", "2022-01-03"},
          {"2022-01-31", "2022-02-06"},
          {"2022-04-03", "2022-04-05"},
          {"2022-04-30", "2022-05-04"},
          {"2022-06-03", "2022-06-05"},
          {"2022-09-10", "2022-09-12"},
          {"2022-10-01", "2022-10-07"}},
         {"2022-01-29", "2022-01-30", "2022-04-02", "2022-04-24", "2022-05-07", "2022-10-08", "2022-10-09"}},
        {2023,
         {{"2022-12-31", "2023-01-02"},
          {"2023-01-21", "2023-01-27"},
          {"2023-04-05", "2023-04-05"},
          {"2023-04-29", "2023-05-03"},
          {"2023-06-22", "2023-06-24"},
          {"2023-09-29", "2023-10-06"}},
         {"2023-01-28", "2023-01-29", "2023-04-23", "2023-05-06", "2023-06-25", "2023-10-07", "2023-10-08"}},
        {2024,
         {{"2024-01-01", "2024-01-01"},
          {"2024-02-10", "2024-02-17"},
          {"2024-04-04", "2024-04-06"},
          {"2024-05-01", "2024-05-05"},
          {"2024-06-10", "2024-06-10"},
          {"2024-09-15", "2024-09-17"},
          {"2024-10-01", "2024-10-07"}},
         {"2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11", "2024-09-14", "2024-09-29",
          "2024-10-12"}},
        {2025,
         {{"2025-01-01", "2025-01-01"},
          {"2025-01-28", "2025-02-04"},
          {"2025-04-04", "2025-04-06"},
          {"2025-05-01", "2025-05-05"},
          {"2025-05-31", "2025-06-02"},
          {"2025-10-01", "2025-10-08"}},
         {"2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"}},
        {2026,
         {{"2026-01-01", "2026-01-03"},
          {"2026-02-15", "2026-02-23"},
          {"2026-04-04", "2026-04-06"},
          {"2026-05-01", "2026-05-05"},
          {"2026-06-19", "2026-06-21"},
          {"2026-09-25", "2026-09-27"},
          {"2026-10-01", "2026-10-07"}},
         {"2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"}},
    };
    return tables;
}

bool weekend(date::sys_days d) {
    date::weekday const wd{d};
    return wd == date::Saturday || wd == date::Sunday;
}

/// The invalid_input message thrown by loading `text` into a copy of the national calendar, or "".
std::string load_error(std::string const& text) {
    work_calendar cal = work_calendar::china();
    try {
        cal.load(text);
    } catch (dangyuan::invalid_input const& e) {
        CHECK(e.field() == "holiday_data");
        return e.what();
    }
    return "";
}

bool contains(std::string const& haystack, std::string const& needle) {
    return haystack.find(needle) != std::string::npos;
}

// FIXTURE ONLY: invented data for a year without a published notice, to exercise loading. These dates
// are not an official holiday arrangement.
constexpr char const* fixture_2027 = R"(# test fixture, not official data
year 2027
off 2027-01-01..2027-01-03 元旦
off 2027-02-06..2027-02-14 春节
workday 2027-02-20 春节
off 2027-10-01..2027-10-07 国庆节
workday 2027-09-26 国庆节
workday 2027-10-09   # no name: allowed for a make-up workday
)";

}  // namespace

// --- the built-in national data ---------------------------------------------------------------------

TEST_CASE(
    "国办 2020–2026年节假日安排 [C] cal.working_days_official: every listed day off is not a "
    "working day and carries its holiday name",
    "[work_calendar]") {
    auto const& cal = work_calendar::china();
    int days = 0;
    for (auto const& table : official_tables()) {
        for (auto const& [first, last] : table.off) {
            for (auto d = dangyuan::parse_date(first); d <= dangyuan::parse_date(last); d += date::days{1}) {
                INFO(dangyuan::format_date(d));
                CHECK_FALSE(cal.is_working_day(d));
                CHECK(cal.holiday_name(d).has_value());
                ++days;
            }
        }
    }
    CHECK(days == 208);
}

TEST_CASE(
    "国办 2020–2026年节假日安排 [C] cal.working_days_official: every make-up workday is a working "
    "day",
    "[work_calendar]") {
    auto const& cal = work_calendar::china();
    for (auto const& table : official_tables()) {
        for (char const* text : table.workdays) {
            auto const d = dangyuan::parse_date(text);
            INFO(text);
            CHECK(weekend(d));
            CHECK(cal.is_working_day(d));
            CHECK_FALSE(cal.holiday_name(d).has_value());
        }
    }
}

TEST_CASE(
    "国办 2020–2026年节假日安排 [C] cal.working_days_official: the built-in data holds exactly "
    "the listed days",
    "[work_calendar]") {
    // Outside the listed days the calendar is Monday–Friday; checked day by day over all seven years.
    auto const& cal = work_calendar::china();
    std::vector<date::sys_days> listed;
    for (auto const& table : official_tables()) {
        for (auto const& [first, last] : table.off)
            for (auto d = dangyuan::parse_date(first); d <= dangyuan::parse_date(last); d += date::days{1})
                listed.push_back(d);
        for (char const* text : table.workdays)
            listed.push_back(dangyuan::parse_date(text));
    }
    int mismatches = 0;
    for (auto d = day(2020_y / 1 / 1); d <= day(2026_y / 12 / 31); d += date::days{1}) {
        if (std::find(listed.begin(), listed.end(), d) != listed.end()) continue;
        if (cal.is_working_day(d) != !weekend(d) || cal.holiday_name(d).has_value()) {
            UNSCOPED_INFO("unexpected: " << dangyuan::format_date(d));
            ++mismatches;
        }
    }
    CHECK(mismatches == 0);
}

TEST_CASE(
    "国办 2020–2026年节假日安排 [C] cal.working_days_official: number of make-up workdays per "
    "year",
    "[work_calendar]") {
    auto const& cal = work_calendar::china();
    auto const makeup_days = [&](int y) {
        int n = 0;
        for (auto d = day(date::year{y} / 1 / 1); d <= day(date::year{y} / 12 / 31); d += date::days{1})
            n += weekend(d) && cal.is_working_day(d);
        return n;
    };
    CHECK(makeup_days(2020) == 6);  // 7 planned; 2020-02-01 cancelled by the COVID-19 extension
    CHECK(makeup_days(2021) == 7);
    CHECK(makeup_days(2022) == 7);
    CHECK(makeup_days(2023) == 7);
    CHECK(makeup_days(2024) == 8);
    CHECK(makeup_days(2025) == 5);
    CHECK(makeup_days(2026) == 6);
    CHECK(cal.years() == std::vector<int>{2020, 2021, 2022, 2023, 2024, 2025, 2026});
    CHECK(cal.has_year(2024));
    CHECK_FALSE(cal.has_year(2019));
    CHECK_FALSE(cal.has_year(2027));
}

TEST_CASE(
    "国办发明电〔2020〕1号 [C] cal.working_days_official: the 2020 Spring Festival break runs to "
    "2020-02-02 and 2020-02-01 is no make-up day",
    "[work_calendar]") {
    auto const& cal = work_calendar::china();
    CHECK(cal.is_working_day(day(2020_y / 1 / 19)));  // make-up day before the break stands
    CHECK_FALSE(cal.is_working_day(day(2020_y / 1 / 31)));
    CHECK_FALSE(cal.is_working_day(day(2020_y / 2 / 1)));
    CHECK_FALSE(cal.is_working_day(day(2020_y / 2 / 2)));
    CHECK(cal.is_working_day(day(2020_y / 2 / 3)));
    CHECK(cal.holiday_name(day(2020_y / 2 / 1)) == "春节");
    CHECK(cal.add_working_days(day(2020_y / 1 / 23), 1) == day(2020_y / 2 / 3));
}

TEST_CASE("国办 2023年节假日安排 [C] cal.working_days_official: the New Year break starts on 2022-12-31",
          "[work_calendar]") {
    auto const& cal = work_calendar::china();
    CHECK_FALSE(cal.is_working_day(day(2022_y / 12 / 31)));
    CHECK_FALSE(cal.is_working_day(day(2023_y / 1 / 1)));
    CHECK_FALSE(cal.is_working_day(day(2023_y / 1 / 2)));  // a Monday
    CHECK(cal.is_working_day(day(2023_y / 1 / 3)));
    CHECK(cal.holiday_name(day(2022_y / 12 / 31)) == "元旦");
    CHECK(cal.holiday_name(day(2023_y / 1 / 2)) == "元旦");
    CHECK(cal.working_days_between(day(2022_y / 12 / 30), day(2023_y / 1 / 3)) == 1);
}

TEST_CASE(
    "国办 2024年节假日安排 [C] cal.working_days_official: holiday names tag only official days "
    "off",
    "[work_calendar]") {
    auto const& cal = work_calendar::china();
    CHECK(cal.holiday_name(day(2024_y / 2 / 10)) == "春节");
    CHECK(cal.holiday_name(day(2024_y / 10 / 7)) == "国庆节");
    CHECK(cal.holiday_name(day(2024_y / 6 / 10)) == "端午节");
    CHECK_FALSE(cal.holiday_name(day(2024_y / 6 / 8)));  // weekend joined to 端午节 (与周末连休)
    CHECK_FALSE(cal.holiday_name(day(2024_y / 2 / 4)));  // make-up workday
    CHECK_FALSE(cal.holiday_name(day(2024_y / 2 / 9)));  // 除夕 2024 is a working day
    CHECK(cal.is_working_day(day(2024_y / 2 / 9)));
}

TEST_CASE(
    "国办 2024年节假日安排 [C] cal.working_days_official: a 5-working-day notice from 2024-09-27 "
    "spans National Day and ends 2024-10-10",
    "[work_calendar]") {
    auto const& cal = work_calendar::china();
    auto const from = day(2024_y / 9 / 27);                        // Friday
    CHECK(cal.add_working_days(from, 1) == day(2024_y / 9 / 29));  // Sunday make-up day
    CHECK(cal.add_working_days(from, 2) == day(2024_y / 9 / 30));
    CHECK(cal.add_working_days(from, 3) == day(2024_y / 10 / 8));  // after 10-01..10-07
    CHECK(cal.add_working_days(from, 5) == day(2024_y / 10 / 10));
    CHECK(cal.add_working_days(from, 0) == from);
    CHECK(cal.working_days_between(from, day(2024_y / 10 / 10)) == 5);
    CHECK(cal.working_days_between(from, day(2024_y / 10 / 7)) == 2);
    CHECK(cal.working_days_between(from, from) == 0);
}

TEST_CASE(
    "国办 2026年节假日安排 [C] cal.working_days_official: 5 working days across the 2026 Spring "
    "Festival",
    "[work_calendar]") {
    auto const& cal = work_calendar::china();
    auto const from = day(2026_y / 2 / 13);                        // Friday
    CHECK(cal.add_working_days(from, 1) == day(2026_y / 2 / 14));  // Saturday make-up day
    CHECK(cal.add_working_days(from, 2) == day(2026_y / 2 / 24));  // after 02-15..02-23
    CHECK(cal.add_working_days(from, 5) == day(2026_y / 2 / 27));
    CHECK(cal.add_working_days(from, 6) == day(2026_y / 2 / 28));  // Saturday make-up day
    CHECK(cal.add_working_days(from, 7) == day(2026_y / 3 / 2));
    CHECK(cal.working_days_between(day(2026_y / 2 / 14), day(2026_y / 2 / 23)) == 0);
}

TEST_CASE("cal.working_days_official: working_days_between and add_working_days are inverse",
          "[work_calendar]") {
    auto const& cal = work_calendar::china();
    int failures = 0;
    long checked = 0;
    for (auto from = day(2020_y / 1 / 1); from < day(2026_y / 11 / 1); from += date::days{17}) {
        for (int span = 0; span <= 60; ++span) {
            auto const to = from + date::days{span};
            int const n = cal.working_days_between(from, to);
            auto const reached = cal.add_working_days(from, n);
            bool const ok = reached <= to && (reached == to) == (to == from || cal.is_working_day(to)) &&
                            cal.working_days_between(from, reached) == n &&
                            cal.add_working_days(from, n + 1) > to;
            if (!ok) {
                UNSCOPED_INFO("from " << dangyuan::format_date(from) << " to " << dangyuan::format_date(to));
                ++failures;
            }
            ++checked;
        }
    }
    CHECK(failures == 0);
    CHECK(checked > 8000);
}

TEST_CASE("cal.working_days_official: bad arguments are rejected", "[work_calendar]") {
    auto const& cal = work_calendar::china();
    CHECK_THROWS_AS(cal.add_working_days(day(2024_y / 5 / 6), -1), dangyuan::invalid_input);
    try {
        (void)cal.working_days_between(day(2024_y / 5 / 6), day(2024_y / 5 / 1));
        FAIL("no exception");
    } catch (dangyuan::invalid_input const& e) {
        CHECK(e.field() == "date");
        CHECK(contains(e.what(), "2024-05-06"));
        CHECK(contains(e.what(), "2024-05-01"));
    }
}

// --- years without data -----------------------------------------------------------------------------

TEST_CASE(
    "cal.working_days_official: a year without official data is refused with "
    "calendar_year_missing",
    "[work_calendar]") {
    auto const& cal = work_calendar::china();
    try {
        (void)cal.is_working_day(day(2019_y / 6 / 3));
        FAIL("no exception");
    } catch (dangyuan::calendar_year_missing const& e) {
        CHECK(e.year() == 2019);
        CHECK(std::string(e.what()) ==
              "no official holiday data for 2019; load it or ask for a weekdays-only estimate");
    }
    CHECK_THROWS_AS(cal.holiday_name(day(2027_y / 1 / 1)), dangyuan::not_found);
    CHECK_THROWS_AS(cal.add_working_days(day(2026_y / 12 / 30), 5), dangyuan::calendar_year_missing);
    CHECK_THROWS_AS(cal.working_days_between(day(2019_y / 12 / 30), day(2020_y / 1 / 6)),
                    dangyuan::calendar_year_missing);
    CHECK_THROWS_AS(work_calendar{}.is_working_day(day(2024_y / 5 / 6)), dangyuan::calendar_year_missing);
}

TEST_CASE(
    "cal.working_days_estimate: with estimate_allowed a year without data counts Monday–Friday "
    "and is provisional",
    "[work_calendar]") {
    auto const& cal = work_calendar::china();
    auto const monday = cal.is_working_day(day(2019_y / 6 / 3), dangyuan::estimate_allowed);
    CHECK(monday.value);
    CHECK(monday.provisional);
    auto const saturday = cal.is_working_day(day(2019_y / 6 / 1), dangyuan::estimate_allowed);
    CHECK_FALSE(saturday.value);
    CHECK(saturday.provisional);

    // 2019-12-31 (Tuesday, estimated) + 2020-01-02 and 01-03 (official; 01-01 is 元旦).
    auto const between =
        cal.working_days_between(day(2019_y / 12 / 30), day(2020_y / 1 / 3), dangyuan::estimate_allowed);
    CHECK(between.value == 3);
    CHECK(between.provisional);

    auto const after = cal.add_working_days(day(2019_y / 12 / 27), 3, dangyuan::estimate_allowed);
    CHECK(after.value == day(2020_y / 1 / 2));
    CHECK(after.provisional);

    auto const into_2027 = cal.add_working_days(day(2026_y / 12 / 30), 3, dangyuan::estimate_allowed);
    CHECK(into_2027.value == day(2027_y / 1 / 4));  // 2027-01-01 is a Friday, counted as working
    CHECK(into_2027.provisional);
}

TEST_CASE("cal.working_days_estimate: results resting only on official data are not provisional",
          "[work_calendar]") {
    auto const& cal = work_calendar::china();
    auto const official = cal.add_working_days(day(2024_y / 9 / 27), 5, dangyuan::estimate_allowed);
    CHECK(official.value == day(2024_y / 10 / 10));
    CHECK_FALSE(official.provisional);
    auto const between =
        cal.working_days_between(day(2024_y / 9 / 27), day(2024_y / 10 / 10), dangyuan::estimate_allowed);
    CHECK(between.value == 5);
    CHECK_FALSE(between.provisional);
    CHECK_FALSE(cal.is_working_day(day(2024_y / 10 / 1), dangyuan::estimate_allowed).provisional);
    // n == 0 examines no day, so even a year without data is not touched.
    CHECK_FALSE(cal.add_working_days(day(2019_y / 6 / 3), 0, dangyuan::estimate_allowed).provisional);
}

// --- loading further years ----------------------------------------------------------------------------

TEST_CASE("cal.holiday_data_format: a further year loaded from text is queried like the built-in ones",
          "[work_calendar]") {
    work_calendar cal = work_calendar::china();
    cal.load(fixture_2027);
    CHECK(cal.has_year(2027));
    CHECK_FALSE(work_calendar::china().has_year(2027));  // the shared national calendar is untouched
    CHECK(cal.years().back() == 2027);
    CHECK_FALSE(cal.is_working_day(day(2027_y / 1 / 1)));
    CHECK(cal.is_working_day(day(2027_y / 2 / 20)));
    CHECK(cal.is_working_day(day(2027_y / 10 / 9)));
    CHECK(cal.holiday_name(day(2027_y / 2 / 10)) == "春节");
    CHECK(cal.add_working_days(day(2027_y / 9 / 24), 1) == day(2027_y / 9 / 26));
    CHECK(cal.add_working_days(day(2027_y / 9 / 30), 1) == day(2027_y / 10 / 8));
    // 2026-12-31 (Thu) + 2027-01-04 (Mon) .. 01-08 (Fri)
    auto const across =
        cal.working_days_between(day(2026_y / 12 / 30), day(2027_y / 1 / 8), dangyuan::estimate_allowed);
    CHECK(across.value == 6);
    CHECK_FALSE(across.provisional);
}

TEST_CASE(
    "cal.holiday_data_format: a loaded year is replaced only on request, dropping the old "
    "notice's days",
    "[work_calendar]") {
    work_calendar cal = work_calendar::china();
    std::string const new_2023 = "year 2023\noff 2023-01-02 元旦\n";
    CHECK_THROWS_AS(cal.load(new_2023), dangyuan::invalid_input);
    CHECK(cal.holiday_name(day(2022_y / 12 / 31)) == "元旦");  // unchanged after the refusal

    cal.load(new_2023, dangyuan::on_existing_year::replace);
    CHECK_FALSE(cal.holiday_name(day(2022_y / 12 / 31)));  // listed by the old 2023 notice only
    CHECK(cal.holiday_name(day(2023_y / 1 / 2)) == "元旦");
    CHECK(cal.is_working_day(day(2023_y / 1 / 28)) == false);  // old make-up Saturday gone
    CHECK(cal.is_working_day(day(2023_y / 1 / 23)));           // old Spring Festival gone
    CHECK_FALSE(cal.is_working_day(day(2022_y / 10 / 3)));     // 2022 untouched
}

TEST_CASE("cal.holiday_data_format: load_file reads the same format and names the file in errors",
          "[work_calendar]") {
    auto const dir = std::filesystem::temp_directory_path();
    auto const good = dir / "dangyuan_work_calendar_test_2027.txt";
    auto const bad = dir / "dangyuan_work_calendar_test_bad.txt";
    {
        std::ofstream(good) << fixture_2027;
        std::ofstream(bad) << "year 2027\n\noff 2027-02-30 春节\n";
    }
    work_calendar cal;
    cal.load_file(good);
    CHECK(cal.years() == std::vector<int>{2027});
    CHECK(cal.is_working_day(day(2027_y / 2 / 20)));

    work_calendar other;
    try {
        other.load_file(bad);
        FAIL("no exception");
    } catch (dangyuan::invalid_input const& e) {
        CHECK(contains(e.what(), bad.string() + ": line 3: '2027-02-30'"));
    }
    CHECK(other.years().empty());
    CHECK_THROWS_AS(other.load_file(dir / "dangyuan_no_such_file.txt"), dangyuan::invalid_input);
    std::filesystem::remove(good);
    std::filesystem::remove(bad);
}

TEST_CASE("cal.holiday_data_format: malformed lines are rejected with their line number and value",
          "[work_calendar]") {
    CHECK(
        contains(load_error("year 2027\nholiday 2027-01-01 元旦\n"), "line 2: unknown statement 'holiday'"));
    CHECK(contains(load_error("# no year yet\noff 2027-01-01 元旦\n"), "line 2: 'off' before the first"));
    CHECK(contains(load_error("year 20x7\n"), "line 1: '20x7' is not a year"));
    CHECK(contains(load_error("year 2027\noff 2027-13-01 元旦\n"), "line 2: '2027-13-01'"));
    CHECK(contains(load_error("year 2027\n\noff 2027-01-01..2027-01-0x 元旦\n"), "line 3: '2027-01-0x'"));
    CHECK(contains(load_error("year 2027\noff 2027-01-03..2027-01-01 元旦\n"),
                   "line 2: range '2027-01-03..2027-01-01' ends before"));
    CHECK(contains(load_error("year 2027\noff 2027-01-01..2027-03-01 元旦\n"), "line 2: range"));
    CHECK(contains(load_error("year 2027\noff 2027-01-01\n"),
                   "line 2: day off '2027-01-01' without a holiday"));
    CHECK(contains(load_error("year 2027\noff\n"), "line 2: 'off' without a date"));
    CHECK(contains(load_error("year 2027\noff 2029-01-01 元旦\n"), "line 2: 2029-01-01 is too far"));
    CHECK(contains(load_error("year 2027\nyear 2028\nyear 2027\n"), "line 3: year 2027 appears twice"));
    CHECK(contains(load_error("year 2024\noff 2024-01-01 元旦\n"), "line 1: year 2024 is already loaded"));
    CHECK(contains(load_error("year 2027\nworkday 2027-02-20..2027-02-21\n"), "line 2: make-up workday"));
    CHECK(contains(load_error("year 2027\noff 2027-01-01..2027-01-03 元旦\noff 2027-01-03 元旦\n"),
                   "line 3: 2027-01-03 is already listed on line 2"));
}

TEST_CASE(
    "cal.holiday_data_format: a make-up workday must be a Saturday or Sunday outside every day "
    "off",
    "[work_calendar]") {
    auto const wednesday = load_error("year 2027\n# comment\nworkday 2027-02-17 春节\n");
    CHECK(contains(wednesday, "line 3: make-up workday 2027-02-17 is a Wednesday"));
    CHECK(contains(load_error("year 2027\noff 2027-02-06..2027-02-14 春节\nworkday 2027-02-13\n"),
                   "line 3: 2027-02-13 is already listed on line 2 as a day off (春节)"));
    // Clash with a day of another loaded notice (2026-10-10 is a make-up day of the 2026 notice).
    CHECK(contains(load_error("year 2027\noff 2026-10-10 国庆节\n"),
                   "line 2: 2026-10-10 is already listed by the notice for 2026"));

    // A rejected text leaves nothing behind.
    work_calendar cal;
    CHECK_THROWS_AS(cal.load("year 2027\noff 2027-01-01 元旦\nworkday 2027-02-17\n"),
                    dangyuan::invalid_input);
    CHECK_FALSE(cal.has_year(2027));
}

}  // namespace work_calendar_test_cases
