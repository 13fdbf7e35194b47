#include <catch2/catch.hpp>

#include "rules_test_prelude.hpp"

namespace member_test_cases {

TEST_CASE("GB 11643-1999 [C] member.id_number_consistent: birth date and sex must agree with the ID number",
          "[member]") {
    auto m = test::full_member(org_id{1}, "张三", d(2010, 7, 1));
    CHECK_NOTHROW(validate_member(m, rules));
    auto other_day = m;
    other_day.birth_date += date::days{1};
    CHECK(violated_rule([&] { validate_member(other_day, rules); }) == "member.id_number_consistent");
    auto other_sex = m;
    other_sex.sex = sex::female;
    CHECK(violated_rule([&] { validate_member(other_sex, rules); }) == "member.id_number_consistent");
    // Back-filled records are checked for consistency too: the ID number is a fact, not a step.
    other_sex.backfilled = true;
    CHECK(violated_rule([&] { validate_member(other_sex, rules); }) == "member.id_number_consistent");
    auto no_id = other_day;
    no_id.id_number.reset();
    CHECK_NOTHROW(validate_member(no_id, rules));
}

TEST_CASE("党章 第1条 [C] member.min_age_18: 18 on the application date, counted by birthday", "[member]") {
    auto m = test::full_member(org_id{1}, "李四", d(2026, 3, 10));
    m.id_number.reset();
    m.birth_date = d(2006, 3, 10);
    m.application_date = d(2024, 3, 9);  // one day before the 18th birthday
    m.admission_date = d(2025, 9, 1);
    m.joined_branch = m.admission_date;
    m.full_member_date = add_years(m.admission_date, 1);
    CHECK(violated_rule([&] { validate_member(m, rules); }) == "member.min_age_18");
    m.application_date = d(2024, 3, 10);  // the birthday itself
    CHECK_NOTHROW(validate_member(m, rules));

    // Born on 29 February: in a common year the birthday is 28 February (cal.age_birthday).
    m.birth_date = d(2004, 2, 29);
    m.application_date = d(2022, 2, 27);
    CHECK(violated_rule([&] { validate_member(m, rules); }) == "member.min_age_18");
    m.application_date = d(2022, 2, 28);
    CHECK_NOTHROW(validate_member(m, rules));

    // Without an application date the admission date is checked.
    m.application_date.reset();
    m.birth_date = d(2007, 9, 2);
    CHECK(violated_rule([&] { validate_member(m, rules); }) == "member.min_age_18");
    m.backfilled = true;  // back-filled history is recorded, not validated step by step
    CHECK_NOTHROW(validate_member(m, rules));
}

TEST_CASE("党章 第7条 [C] member.probation_1_year: full-member date at the end of probation or an extension",
          "[member]") {
    auto m = test::full_member(org_id{1}, "王五", d(2024, 2, 29));
    CHECK(m.full_member_date == d(2025, 2, 28));
    CHECK_NOTHROW(validate_member(m, rules));
    m.full_member_date = d(2025, 3, 1);  // a day late, and no extension that short
    CHECK(violated_rule([&] { validate_member(m, rules); }) == "member.probation_1_year");
    m.full_member_date = d(2025, 8, 27);  // 6 months minus a day of extension
    CHECK(violated_rule([&] { validate_member(m, rules); }) == "member.probation_1_year");
    m.full_member_date = d(2025, 8, 28);  // extended 6 months
    CHECK_NOTHROW(validate_member(m, rules));
    m.full_member_date = d(2026, 2, 28);  // extended 12 months
    CHECK_NOTHROW(validate_member(m, rules));
    m.full_member_date = d(2026, 3, 1);  // more than a year of extension
    CHECK(violated_rule([&] { validate_member(m, rules); }) == "member.probation_1_year");
    m.backfilled = true;
    CHECK_NOTHROW(validate_member(m, rules));
}

TEST_CASE("member: dates out of order and missing fields are refused, naming the field", "[member]") {
    auto const good = test::full_member(org_id{1}, "赵六", d(2015, 6, 1));
    auto m = good;
    m.name.clear();
    CHECK(invalid_field([&] { validate_member(m, rules); }) == "name");
    m = good;
    m.branch = org_id{};
    CHECK(invalid_field([&] { validate_member(m, rules); }) == "branch");
    m = good;
    m.application_date = good.admission_date + date::days{1};
    CHECK(invalid_field([&] { validate_member(m, rules); }) == "admission_date");
    m = good;
    m.full_member_date = good.admission_date;
    CHECK(invalid_field([&] { validate_member(m, rules); }) == "full_member_date");
    m = good;
    m.joined_branch = good.admission_date - date::days{1};
    CHECK(invalid_field([&] { validate_member(m, rules); }) == "joined_branch");
    m = good;
    m.application_date = good.birth_date - date::days{1};
    m.backfilled = true;  // order is checked even for back-filled records
    CHECK(invalid_field([&] { validate_member(m, rules); }) == "application_date");
}

TEST_CASE("member: status on a date is derived from the admission and full-member dates", "[member]") {
    auto m = test::full_member(org_id{1}, "钱七", d(2020, 7, 1));
    CHECK_FALSE(m.status_on(d(2020, 6, 30)).has_value());
    CHECK(m.status_on(d(2020, 7, 1)) == member_status::probationary);
    CHECK(m.status_on(d(2021, 6, 30)) == member_status::probationary);
    CHECK(m.status_on(d(2021, 7, 1)) == member_status::full);
    m.full_member_date.reset();  // conversion not yet approved
    CHECK(m.status_on(d(2030, 1, 1)) == member_status::probationary);
}

}  // namespace member_test_cases
