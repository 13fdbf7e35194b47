#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "dangyuan/life/training.hpp"
#include "rules_test_prelude.hpp"

namespace training_test_cases {

namespace {
org_id const branch{10};
member_id const alice{1}, bob{2}, carol{3};

training_record rec(member_id m, date::sys_days on, class_hours::rep tenths, bool concentrated,
                    std::string course = "党的二十大精神专题培训") {
    return training_record{m,         on, std::move(course), class_hours::from_tenths(tenths), concentrated,
                           "县委党校"};
}

std::vector<training_shortfall> of(training_report const& r, member_id m) {
    std::vector<training_shortfall> out;
    for (auto const& s : r.shortfalls)
        if (s.member == m) out.push_back(s);
    return out;
}
}  // namespace

TEST_CASE("training: class hours are exact tenths; parsing and formatting", "[training]") {
    CHECK(parse_class_hours("32") == class_hours::whole(32));
    CHECK(parse_class_hours("32.5").tenths() == 325);
    CHECK(parse_class_hours("0.1").tenths() == 1);
    CHECK(format_class_hours(class_hours::from_tenths(325)) == "32.5");
    CHECK(format_class_hours(class_hours::whole(56)) == "56");
    CHECK(format_class_hours(class_hours::from_tenths(-15)) == "-1.5");
    for (auto bad : {"", "32.55", "-1", "32.", ".5", "3a", "32,5"})
        CHECK(invalid_field([&] { (void)parse_class_hours(bad); }) == "hours");
    CHECK(class_hours::from_tenths(319) < class_hours::whole(32));
}

TEST_CASE(
    "党员教育管理工作条例2019 第20条 [S] training.member_32_hours: 32 class hours of concentrated study per "
    "calendar year, never carried over",
    "[training]") {
    std::vector<training_roster_entry> const roster{{alice, "张三", training_role::member, {}},
                                                    {bob, "李四", training_role::member, {}},
                                                    {carol, "王五", training_role::member, {}}};
    std::vector<training_record> const ledger{
        // alice: 31.9 concentrated and 10 online — online hours do not count towards the 32
        rec(alice, d(2026, 3, 1), 239, true), rec(alice, d(2026, 12, 31), 80, true, "冬训"),
        rec(alice, d(2026, 5, 1), 100, false, "网络学院"),
        // bob: exactly 32, the last 8 on 31 December; a 2027 course does not count for 2026
        rec(bob, d(2026, 6, 1), 240, true), rec(bob, d(2026, 12, 31), 80, true, "冬训"),
        rec(bob, d(2027, 1, 1), 80, true, "新年培训"),
        // carol: 100 hours in 2025 and nothing in 2026 — no carry-over
        rec(carol, d(2025, 11, 1), 1000, true)};
    auto const r = training_shortfalls(branch, 2026, roster, ledger, d(2027, 1, 10), rules);
    REQUIRE(r.shortfalls.size() == 2);
    auto const a = of(r, alice);
    REQUIRE(a.size() == 1);
    CHECK(a[0].rule_id == "training.member_32_hours");
    CHECK(a[0].required == class_hours::whole(32));
    CHECK(a[0].counted == class_hours::from_tenths(319));
    CHECK(a[0].short_by == class_hours::from_tenths(1));
    CHECK(of(r, bob).empty());
    auto const c = of(r, carol);
    REQUIRE(c.size() == 1);
    CHECK(c[0].counted == class_hours{});
    CHECK(c[0].short_by == class_hours::whole(32));
    // 2025: carol's surplus stays in 2025.
    auto const r25 = training_shortfalls(branch, 2025, roster, ledger, d(2026, 1, 10), rules);
    CHECK(of(r25, carol).empty());
    CHECK(of(r25, bob).size() == 1);
    // Asked on 30 December, the 31 December courses are not yet in: bob is short 8.
    auto const early = training_shortfalls(branch, 2026, roster, ledger, d(2026, 12, 30), rules);
    REQUIRE(of(early, bob).size() == 1);
    CHECK(of(early, bob)[0].short_by == class_hours::whole(8));
    CHECK(training_hours(alice, 2026, ledger, d(2026, 12, 31)) == class_hours::from_tenths(419));
    CHECK(training_hours(alice, 2026, ledger, d(2026, 12, 31), true) == class_hours::from_tenths(319));
}

TEST_CASE(
    "全国党员教育培训工作规划(2019-2023) [S] training.officer_56_hours: secretaries and committee members 56 "
    "class hours with one concentrated training",
    "[training]") {
    std::vector<training_roster_entry> const roster{{alice, "书记", training_role::officer, {}},
                                                    {bob, "委员", training_role::officer, {}},
                                                    {carol, "党员", training_role::member, {}}};
    std::vector<training_record> const ledger{
        // alice: 32 concentrated + 24 online = 56, one concentrated training: both requirements met
        rec(alice, d(2026, 4, 1), 320, true), rec(alice, d(2026, 9, 1), 240, false, "网络学院"),
        // bob: 55.9 online, no concentrated training at all
        rec(bob, d(2026, 4, 1), 559, false, "网络学院"),
        // carol: 40 concentrated; the 56-hour requirement is not hers
        rec(carol, d(2026, 4, 1), 400, true)};
    auto const r = training_shortfalls(branch, 2026, roster, ledger, d(2026, 12, 31), rules);
    CHECK(of(r, alice).empty());
    CHECK(of(r, carol).empty());
    auto const b = of(r, bob);
    REQUIRE(b.size() == 2);  // officers are members too: both requirements
    CHECK(b[0].rule_id == "training.member_32_hours");
    CHECK(b[0].short_by == class_hours::whole(32));
    CHECK(b[1].rule_id == "training.officer_56_hours");
    CHECK(b[1].required == class_hours::whole(56));
    CHECK(b[1].short_by == class_hours::from_tenths(1));
    CHECK(b[1].sessions == 0);
    CHECK(b[1].required_sessions == 1);

    // With 56 hours but still no concentrated training, only the session is missing.
    auto more = ledger;
    more.push_back(rec(bob, d(2026, 5, 1), 1, false, "补学"));
    auto const b2 = of(training_shortfalls(branch, 2026, roster, more, d(2026, 12, 31), rules), bob);
    REQUIRE(b2.size() == 2);
    CHECK(b2[1].short_by == class_hours{});
    CHECK(b2[1].sessions == 0);
}

TEST_CASE(
    "党员教育管理工作条例2019 [U] training.mid_year_joiner: full requirement by default; a profile pro-rates "
    "by "
    "whole months",
    "[training]") {
    CHECK(whole_months_in_year(std::nullopt, 2026) == 12);
    CHECK(whole_months_in_year(d(2025, 7, 1), 2026) == 12);
    CHECK(whole_months_in_year(d(2026, 1, 1), 2026) == 12);
    CHECK(whole_months_in_year(d(2026, 1, 2), 2026) == 11);
    CHECK(whole_months_in_year(d(2026, 7, 1), 2026) == 6);
    CHECK(whole_months_in_year(d(2026, 7, 2), 2026) == 5);
    CHECK(whole_months_in_year(d(2026, 12, 1), 2026) == 1);
    CHECK(whole_months_in_year(d(2026, 12, 2), 2026) == 0);
    CHECK(whole_months_in_year(d(2027, 1, 1), 2026) == 0);

    std::vector<training_roster_entry> const roster{
        {alice, "七月一日入党", training_role::member, d(2026, 7, 1)},
        {bob, "七月二日入党", training_role::member, d(2026, 7, 2)},
        {carol, "十二月二日入党", training_role::member, d(2026, 12, 2)}};
    std::vector<training_record> const ledger{rec(alice, d(2026, 10, 1), 160, true),
                                              rec(bob, d(2026, 10, 1), 133, true)};

    // Default: everyone owes the full 32.
    auto const full = training_shortfalls(branch, 2026, roster, ledger, d(2026, 12, 31), rules);
    REQUIRE(full.shortfalls.size() == 3);
    CHECK(of(full, carol)[0].required == class_hours::whole(32));

    // Pro-rated: 6/12 of 32 = 16.0 (met exactly), 5/12 = 13.33… → 13.4 (13.3 is short), 0 months → nothing.
    auto prorate = rules;
    prorate.life.training_prorate_joiners = true;
    auto const part = training_shortfalls(branch, 2026, roster, ledger, d(2026, 12, 31), prorate);
    CHECK(of(part, alice).empty());
    REQUIRE(of(part, bob).size() == 1);
    CHECK(of(part, bob)[0].required == class_hours::from_tenths(134));
    CHECK(of(part, bob)[0].short_by == class_hours::from_tenths(1));
    CHECK(of(part, carol).empty());
    // A member admitted after the year has no requirement in it.
    std::vector<training_roster_entry> const later{{alice, "明年入党", training_role::member, d(2027, 1, 5)}};
    CHECK(training_shortfalls(branch, 2026, later, {}, d(2026, 12, 31), rules).shortfalls.empty());
}

TEST_CASE("local practice [L] training.q4_notice: members still short appear on the agenda from October",
          "[training][agenda]") {
    std::vector<training_roster_entry> const roster{{alice, "张三", training_role::member, {}},
                                                    {bob, "李四", training_role::officer, {}}};
    std::vector<training_record> const ledger{rec(alice, d(2026, 3, 1), 320, true),
                                              rec(bob, d(2026, 3, 1), 200, true)};
    CHECK(training_agenda(branch, roster, ledger, d(2026, 9, 30), rules).empty());
    auto const items = training_agenda(branch, roster, ledger, d(2026, 10, 1), rules);
    REQUIRE(items.size() == 2);  // bob: both requirements
    CHECK(items[0].kind == "training.shortfall");
    CHECK(items[0].member == bob);
    CHECK(items[0].subject == "李四");
    CHECK(items[0].org == branch);
    CHECK(items[0].due == d(2026, 12, 31));
    CHECK(items[0].status == agenda_status::upcoming);
    CHECK(items[0].rule_id == "training.member_32_hours");
    CHECK(items[0].message ==
          "20 of 32 class hours (学时) in 2026: 12 short; hours do not carry over to next year");
    CHECK(items[1].rule_id == "training.officer_56_hours");
    CHECK(items[1].message ==
          "20 of 56 class hours (学时) in 2026: 36 short; hours do not carry over to next year");
    CHECK(training_agenda(branch, roster, ledger, d(2026, 12, 31), rules)[0].status == agenda_status::due);
    // Nothing in January for the year that ended: the report keeps the record.
    CHECK(training_agenda(branch, roster, ledger, d(2027, 1, 5), rules).empty());

    auto november = rules;
    november.life.training_notice_month = 11;
    CHECK(training_agenda(branch, roster, ledger, d(2026, 10, 31), november).empty());
    CHECK(training_agenda(branch, roster, ledger, d(2026, 11, 1), november).size() == 2);
    november.life.training_notice_month = 13;
    CHECK(invalid_field([&] { (void)training_agenda(branch, roster, ledger, d(2026, 11, 1), november); }) ==
          "training_notice_month");
}

TEST_CASE("training: ledger and roster validation name the field", "[training]") {
    auto const ok = rec(alice, d(2026, 3, 1), 80, true);
    CHECK_NOTHROW(validate_training_record(ok, d(2026, 3, 1)));
    CHECK(invalid_field([&] { validate_training_record(ok, d(2026, 2, 28)); }) == "date");
    auto r = ok;
    r.member = member_id{};
    CHECK(invalid_field([&] { validate_training_record(r, d(2026, 3, 1)); }) == "member");
    r = ok;
    r.course.clear();
    CHECK(invalid_field([&] { validate_training_record(r, d(2026, 3, 1)); }) == "course");
    r = ok;
    r.hours = class_hours{};
    CHECK(invalid_field([&] { validate_training_record(r, d(2026, 3, 1)); }) == "hours");
    std::vector<training_record> twice{ok, ok};
    CHECK(invalid_field([&] { validate_training_ledger(twice, d(2026, 3, 1)); }) == "ledger");
    twice[1].course = "另一门课";
    CHECK_NOTHROW(validate_training_ledger(twice, d(2026, 3, 1)));

    std::vector<training_roster_entry> const dup{{alice, "张三", training_role::member, {}},
                                                 {alice, "张三", training_role::officer, {}}};
    CHECK(invalid_field([&] { (void)training_shortfalls(branch, 2026, dup, {}, d(2026, 12, 31), rules); }) ==
          "roster");
    CHECK(invalid_field([&] { (void)training_shortfalls(branch, 0, {}, {}, d(2026, 12, 31), rules); }) ==
          "year");
    auto bad = rules;
    bad.life.training[0].rule_id = "training.unknown";
    CHECK(invalid_field([&] { (void)training_shortfalls(branch, 2026, {}, {}, d(2026, 12, 31), bad); }) ==
          "training");
}

namespace {
training_record leveled(member_id m, date::sys_days on, training_level level, bool concentrated = true) {
    auto r = rec(m, on, 80, concentrated, "培训" + format_date(on));
    r.level = level;
    return r;
}
std::optional<agenda_item> find_kind(std::vector<agenda_item> const& items, std::string const& kind,
                                     member_id who) {
    for (auto const& i : items)
        if (i.kind == kind && i.member == who) return i;
    return std::nullopt;
}
}  // namespace

TEST_CASE(
    "全国党员教育培训工作规划2019-2023 [S] training.new_secretary_6_months: took office 2025-08-31, trained "
    "by "
    "2026-02-28",
    "[training][agenda]") {
    std::vector<secretary_tenure> const secs{{alice, "张书记", branch, d(2025, 8, 31)}};
    CHECK(new_secretary_training_due(secs[0], rules) == d(2026, 2, 28));
    auto on = [&](date::sys_days day, std::vector<training_record> const& ledger = {}) {
        return find_kind(secretary_and_new_member_training_agenda(secs, {}, ledger, day, rules),
                         "training.new_secretary_due", alice);
    };
    CHECK_FALSE(on(d(2025, 8, 30)).has_value());  // not yet in office
    CHECK(on(d(2025, 8, 31))->status == agenda_status::upcoming);
    CHECK(on(d(2026, 2, 27))->status == agenda_status::upcoming);
    CHECK(on(d(2026, 2, 28))->status == agenda_status::due);
    CHECK(on(d(2026, 3, 1))->status == agenda_status::overdue);
    CHECK(on(d(2026, 3, 1))->rule_id == "training.new_secretary_6_months");
    // Trained by the grassroots committee on the last day: done. A branch-level or non-concentrated
    // training, or one before taking office, does not count.
    CHECK_FALSE(on(d(2026, 3, 1), {leveled(alice, d(2026, 2, 28), training_level::grassroots)}).has_value());
    CHECK(on(d(2026, 3, 1), {leveled(alice, d(2026, 2, 1), training_level::branch)}).has_value());
    CHECK(on(d(2026, 3, 1), {leveled(alice, d(2026, 2, 1), training_level::county_or_higher, false)})
              .has_value());
    CHECK(on(d(2026, 3, 1), {leveled(alice, d(2025, 8, 30), training_level::county_or_higher)}).has_value());
    // Late training clears the item; a year past the due day the secretary is no longer new.
    CHECK_FALSE(
        on(d(2026, 5, 1), {leveled(alice, d(2026, 4, 1), training_level::county_or_higher)}).has_value());
    CHECK(on(d(2027, 2, 28)).has_value());
    CHECK_FALSE(on(d(2027, 3, 1)).has_value());
}

TEST_CASE(
    "全国党员教育培训工作规划2019-2023 [S] training.secretary_rotation_yearly: county-level rotation "
    "training "
    "once a year",
    "[training][agenda]") {
    std::vector<secretary_tenure> const secs{{bob, "李书记", branch, d(2020, 3, 1)}};
    auto on = [&](date::sys_days day, std::vector<training_record> const& ledger = {}) {
        return find_kind(secretary_and_new_member_training_agenda(secs, {}, ledger, day, rules),
                         "training.secretary_rotation_due", bob);
    };
    CHECK_FALSE(on(d(2026, 9, 30)).has_value());  // before the notice month (October)
    REQUIRE(on(d(2026, 10, 1)).has_value());
    CHECK(on(d(2026, 10, 1))->due == d(2026, 12, 31));
    CHECK(on(d(2026, 12, 30))->status == agenda_status::upcoming);
    CHECK(on(d(2026, 12, 31))->status == agenda_status::due);
    CHECK(on(d(2026, 12, 31))->rule_id == "training.secretary_rotation_yearly");
    // County-level training in the year counts; a grassroots one or last year's does not.
    CHECK_FALSE(
        on(d(2026, 10, 1), {leveled(bob, d(2026, 1, 1), training_level::county_or_higher)}).has_value());
    CHECK(on(d(2026, 10, 1), {leveled(bob, d(2026, 5, 1), training_level::grassroots)}).has_value());
    CHECK(on(d(2026, 10, 1), {leveled(bob, d(2025, 12, 31), training_level::county_or_higher)}).has_value());
    // A new secretary is covered by the induction item, not the rotation item.
    std::vector<secretary_tenure> const fresh{{carol, "王书记", branch, d(2026, 8, 1)}};
    auto const items = secretary_and_new_member_training_agenda(fresh, {}, {}, d(2026, 10, 1), rules);
    CHECK_FALSE(find_kind(items, "training.secretary_rotation_due", carol).has_value());
    CHECK(find_kind(items, "training.new_secretary_due", carol).has_value());
}

TEST_CASE(
    "全国党员教育培训工作规划2019-2023 [S] training.new_member_higher_level: probationary and first-year "
    "full "
    "members attend a higher-level training",
    "[training][agenda]") {
    // Admitted 2024-02-29, full from 2025-02-28: the first full year ends on 2026-02-27.
    std::vector<new_member_entry> const fresh{{alice, "新党员", branch, d(2024, 2, 29), d(2025, 2, 28)}};
    CHECK(new_member_training_due(fresh[0], rules) == d(2026, 2, 27));
    auto on = [&](date::sys_days day, std::vector<training_record> const& ledger = {}) {
        return find_kind(secretary_and_new_member_training_agenda({}, fresh, ledger, day, rules),
                         "training.new_member_due", alice);
    };
    CHECK_FALSE(on(d(2025, 8, 26)).has_value());  // more than 6 months before the end of the window
    CHECK(on(d(2025, 8, 27))->status == agenda_status::upcoming);
    CHECK(on(d(2026, 2, 26))->status == agenda_status::upcoming);
    CHECK(on(d(2026, 2, 27))->status == agenda_status::due);
    CHECK(on(d(2026, 2, 28))->status == agenda_status::overdue);
    CHECK(on(d(2026, 2, 28))->rule_id == "training.new_member_higher_level");
    // A grassroots-committee training during probation counts; a branch one does not.
    CHECK_FALSE(on(d(2026, 2, 28), {leveled(alice, d(2024, 5, 1), training_level::grassroots)}).has_value());
    CHECK(on(d(2026, 2, 28), {leveled(alice, d(2024, 5, 1), training_level::branch)}).has_value());
    // Before the full-member date is known, the window follows the ordinary probation.
    new_member_entry const prob{bob, "预备党员", branch, d(2025, 7, 1), std::nullopt};
    CHECK(new_member_training_due(prob, rules) == d(2027, 6, 30));
}

TEST_CASE("training: levels parse from codes and Chinese names", "[training]") {
    CHECK(parse_training_level("county_or_higher") == training_level::county_or_higher);
    CHECK(parse_training_level("基层党委") == training_level::grassroots);
    CHECK(invalid_field([] { (void)parse_training_level("省里"); }) == "level");
    CHECK(training_record{}.level == training_level::unspecified);
}

}  // namespace training_test_cases
