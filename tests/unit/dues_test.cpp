#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "dangyuan/life/dues.hpp"
#include "rules_test_prelude.hpp"

namespace dues_test_cases {

namespace {
life_params const& params = rules.life;
member_id const alice{1};
org_id const home{10}, host{20};

date::year_month ym(int y, unsigned m) {
    return date::year{y} / date::month{m};
}

fen yuan(char const* text) {
    return parse_yuan(text);
}

fen employed(char const* base) {
    return monthly_dues(dues_category::employed, yuan(base), params);
}

// An employed member admitted on `admitted` with a 4000-yuan base (40.00 a month).
dues_account account(date::sys_days admitted) {
    dues_account a;
    a.member = alice;
    a.admission_date = admitted;
    a.bases = {{month_of(admitted), dues_category::employed, fen::yuan(4000)}};
    return a;
}

dues_payment pay(date::year_month month, fen amount, date::sys_days on) {
    return dues_payment{alice, month, amount, false, dues_paid_at::home_org, home, "组织委员", on};
}

// Regular payments of 40.00 for every month from `from` to `to`, each paid on the 10th of that month.
std::vector<dues_payment> monthly(date::year_month from, date::year_month to) {
    std::vector<dues_payment> out;
    for (auto m = from; m <= to; m += date::months{1})
        out.push_back(pay(m, fen::yuan(40), date::sys_days{m / 10}));
    return out;
}
}  // namespace

TEST_CASE("dues: money is exact fen; parsing and formatting yuan", "[dues]") {
    CHECK(yuan("3000.01") == fen(300001));
    CHECK(yuan("3000") == fen::yuan(3000));
    CHECK(yuan("0.2") == fen(20));
    CHECK(format_yuan(fen(20)) == "0.20");
    CHECK(format_yuan(fen(300001)) == "3000.01");
    CHECK(format_yuan(fen(-150)) == "-1.50");
    for (auto bad : {"", "3000.015", "-1", "1.", "3,000", "1e3", ".5"})
        CHECK(invalid_field([&] { (void)parse_yuan(bad); }) == "amount");
    CHECK(months_between(ym(2025, 12), ym(2026, 6)) == 6);
    CHECK(months_between(ym(2026, 6), ym(2025, 12)) == -6);
    CHECK(parse_dues_category("学生党员") == dues_category::student);
    CHECK(parse_dues_category("retiree") == dues_category::retiree);
    CHECK(invalid_field([] { (void)parse_dues_category("军人"); }) == "category");
}

TEST_CASE(
    "党费规定2008 第2条 [S] dues.salary_brackets: the whole base times one rate; 3000, 5000 and 10000 belong "
    "to "
    "the lower bracket",
    "[dues]") {
    CHECK(employed("0") == fen(0));
    CHECK(employed("2999.99") == yuan("15.00"));  // 14.99995 rounded half up
    CHECK(employed("3000.00") == yuan("15.00"));
    CHECK(employed("3000.01") == yuan("30.00"));  // 1 % of 3000.01 = 30.0001
    CHECK(employed("5000.00") == yuan("50.00"));
    CHECK(employed("5000.01") == yuan("75.00"));  // 1.5 % = 75.00015
    CHECK(employed("10000.00") == yuan("150.00"));
    CHECK(employed("10000.01") == yuan("200.00"));  // 2 % = 200.0002: not progressive (15+20+75+…)
    CHECK(employed("12345.67") == yuan("246.91"));  // 246.9134
    CHECK(dues_rate_bp(params.salary_brackets, yuan("3000.00")) == 50);
    CHECK(dues_rate_bp(params.salary_brackets, yuan("3000.01")) == 100);
    CHECK(dues_rate_bp(params.salary_brackets, yuan("10000.01")) == 200);
    CHECK(invalid_field([] { (void)monthly_dues(dues_category::employed, fen(-1), params); }) == "base");
    auto bad = rules;
    bad.life.salary_brackets = {{fen(300000), 50}, {fen(200000), 100}, {no_upper_bound_fen, 200}};
    CHECK(invalid_field([&] { validate_dues_params(bad.life); }) == "salary_brackets");
    bad.life.salary_brackets = {{fen(300000), 50}};
    CHECK(invalid_field([&] { validate_dues_params(bad.life); }) == "salary_brackets");
}

TEST_CASE(
    "党费规定2008 第5条 [S] dues.retiree_brackets: 0.5 % of a basic pension up to 5000 inclusive, 1 % above",
    "[dues]") {
    auto const retiree = [](char const* base) {
        return monthly_dues(dues_category::retiree, yuan(base), params);
    };
    CHECK(retiree("4000.00") == yuan("20.00"));
    CHECK(retiree("5000.00") == yuan("25.00"));
    CHECK(retiree("5000.01") == yuan("50.00"));  // 50.0001
    CHECK(retiree("12000.00") == yuan("120.00"));
}

TEST_CASE(
    "党费规定2008 第6条 [S] dues.fixed_amounts: farmers 0.2-1 yuan as the province sets, students and others "
    "0.2",
    "[dues]") {
    CHECK(monthly_dues(dues_category::farmer, fen::yuan(99999), params) == yuan("0.20"));
    for (auto c : {dues_category::student, dues_category::unemployed, dues_category::low_income})
        CHECK(monthly_dues(c, fen::yuan(8000), params) == yuan("0.20"));  // the base is ignored
    auto province = rules;
    province.life.farmer_monthly_fen = fen(100);
    CHECK_NOTHROW(validate_dues_params(province.life));
    CHECK(monthly_dues(dues_category::farmer, fen{}, province.life) == yuan("1.00"));
    province.life.farmer_monthly_fen = fen(101);
    CHECK(violated_rule([&] { validate_dues_params(province.life); }) == "dues.fixed_amounts");
    CHECK(violated_rule([&] { (void)monthly_dues(dues_category::farmer, fen{}, province.life); }) ==
          "dues.fixed_amounts");
    province.life.farmer_monthly_fen = fen(19);
    CHECK(violated_rule([&] { validate_dues_params(province.life); }) == "dues.fixed_amounts");
    // Fixed amounts are not rounded, even when percentages are rounded to the jiao.
    province.life.farmer_monthly_fen = fen(25);
    province.life.rounding = dues_rounding::half_up_jiao;
    CHECK(monthly_dues(dues_category::farmer, fen{}, province.life) == fen(25));
}

TEST_CASE("党费规定2008 [U] dues.rounding: the rounding of percentage amounts is a profile parameter",
          "[dues]") {
    using r = dues_rounding;
    struct row {
        char const* base;
        int bp;
        r mode;
        fen::rep expected;
    };
    for (auto const& x : std::vector<row>{
             {"2999.99", 50, r::half_up_fen, 1500},
             {"2999.99", 50, r::truncate_fen, 1499},
             {"2999.99", 50, r::up_fen, 1500},
             {"2999.99", 50, r::half_up_jiao, 1500},
             {"2999.99", 50, r::truncate_jiao, 1490},
             {"2999.99", 50, r::up_jiao, 1500},
             {"3000.01", 100, r::half_up_fen, 3000},
             {"3000.01", 100, r::truncate_fen, 3000},
             {"3000.01", 100, r::up_fen, 3001},
             {"3000.01", 100, r::up_jiao, 3010},
             {"3100.50", 100, r::half_up_fen, 3101},
             {"3100.50", 100, r::truncate_fen, 3100},
             {"3100.49", 100, r::half_up_fen, 3100},
             {"3105.00", 100, r::half_up_jiao, 3110},
             {"3104.99", 100, r::half_up_jiao, 3100},
             {"3105.00", 100, r::truncate_jiao, 3100},
         }) {
        INFO(x.base << " at " << x.bp << " bp, mode " << int(x.mode));
        CHECK(apply_rate(yuan(x.base), x.bp, x.mode).value() == x.expected);
    }
    CHECK(params.rounding == r::half_up_fen);  // the default, documented as unconfirmed
    auto truncating = rules;
    truncating.life.rounding = r::truncate_fen;
    CHECK(monthly_dues(dues_category::employed, yuan("2999.99"), truncating.life) == yuan("14.99"));
    CHECK(invalid_field([] { (void)apply_rate(fen(100), 10001, dues_rounding::half_up_fen); }) == "rate_bp");
}

TEST_CASE(
    "党费规定2008 第10条 [S] dues.salary_change_month: a new base applies from the month it is first paid",
    "[dues]") {
    auto a = account(d(2020, 1, 6));
    a.bases = {{ym(2020, 1), dues_category::employed, fen::yuan(4000)},
               {ym(2026, 3), dues_category::employed, fen::yuan(6000)},
               {ym(2026, 7), dues_category::retiree, fen::yuan(5000)}};  // retires in July
    CHECK(dues_due(a, ym(2026, 2), d(2026, 12, 1), rules) == fen::yuan(40));
    CHECK(dues_due(a, ym(2026, 3), d(2026, 12, 1), rules) == fen::yuan(90));
    CHECK(dues_due(a, ym(2026, 6), d(2026, 12, 1), rules) == fen::yuan(90));
    CHECK(dues_due(a, ym(2026, 7), d(2026, 12, 1), rules) == fen::yuan(25));
    a.bases.push_back({ym(2026, 3), dues_category::employed, fen::yuan(7000)});
    CHECK(invalid_field([&] { validate_dues_account(a, rules); }) == "bases");
    auto late = account(d(2020, 1, 6));
    late.bases = {{ym(2020, 2), dues_category::employed, fen::yuan(4000)}};  // no base for January 2020
    CHECK(invalid_field([&] { (void)dues_due(late, ym(2020, 1), d(2020, 3, 1), rules); }) == "bases");
    late.ledger_start = ym(2020, 2);  // history before February is not kept here
    CHECK(dues_arrears(late, {}, d(2020, 3, 1), rules).months.size() == 1);
}

TEST_CASE(
    "党费规定2008 [S] dues.from_admission_month: probationary members pay from the month of their admission "
    "meeting",
    "[dues]") {
    auto const a = account(d(2026, 3, 31));  // admitted on the last day of March
    CHECK(dues_due(a, ym(2026, 2), d(2026, 6, 1), rules) == fen{});
    CHECK(dues_due(a, ym(2026, 3), d(2026, 6, 1), rules) == fen::yuan(40));
    CHECK(violated_rule([&] {
              (void)check_dues_payment(pay(ym(2026, 2), fen::yuan(40), d(2026, 4, 2)), a, d(2026, 4, 2),
                                       rules);
          }) == "dues.from_admission_month");
    CHECK_NOTHROW(
        check_dues_payment(pay(ym(2026, 3), fen::yuan(40), d(2026, 3, 31)), a, d(2026, 3, 31), rules));
    CHECK(invalid_field([&] {
              (void)check_dues_payment(pay(ym(2026, 3), fen::yuan(40), d(2026, 3, 30)), a, d(2026, 4, 1),
                                       rules);
          }) == "paid_on");  // paid the day before admission
    auto const st = dues_arrears(a, {}, d(2026, 6, 1), rules);
    REQUIRE(st.months.size() == 3);  // March, April, May
    CHECK(st.months.front().month == ym(2026, 3));
    CHECK(st.arrears == fen::yuan(120));
}

TEST_CASE(
    "党费规定2008 [S] dues.hardship_approval: reductions and exemptions need branch study and higher "
    "approval",
    "[dues]") {
    auto a = account(d(2020, 1, 6));
    dues_relief relief{ym(2026, 3), ym(2026, 8), fen{}, "重病住院", d(2026, 4, 20), "", d(2026, 5, 10)};
    a.reliefs = {relief};
    CHECK(violated_rule([&] { validate_dues_account(a, rules); }) == "dues.hardship_approval");
    CHECK(dues_due(a, ym(2026, 4), d(2026, 12, 1), rules) == fen::yuan(40));  // not approved: no effect
    a.reliefs[0].approved_by = "街道党工委";
    CHECK_NOTHROW(validate_dues_account(a, rules));
    // Only once approved, and then for the months it covers (also before the approval date).
    CHECK(dues_due(a, ym(2026, 4), d(2026, 5, 9), rules) == fen::yuan(40));
    CHECK(dues_due(a, ym(2026, 4), d(2026, 5, 10), rules) == fen{});
    CHECK(dues_due(a, ym(2026, 2), d(2026, 12, 1), rules) == fen::yuan(40));
    CHECK(dues_due(a, ym(2026, 9), d(2026, 12, 1), rules) == fen::yuan(40));
    a.reliefs[0].monthly_amount = fen::yuan(1);  // reduced rather than exempted
    CHECK(dues_due(a, ym(2026, 8), d(2026, 12, 1), rules) == fen::yuan(1));
    a.reliefs[0].monthly_amount = fen::yuan(100);  // a "reduction" above the normal amount changes nothing
    CHECK(dues_due(a, ym(2026, 8), d(2026, 12, 1), rules) == fen::yuan(40));
    a.reliefs[0].approved_on = d(2026, 4, 19);
    CHECK(invalid_field([&] { validate_dues_account(a, rules); }) == "approved_on");
    a.reliefs[0].approved_on = d(2026, 5, 10);
    a.reliefs[0].to = ym(2026, 2);
    CHECK(invalid_field([&] { validate_dues_account(a, rules); }) == "to");
    a.reliefs[0].to.reset();
    a.reliefs[0].branch_studied_on.reset();
    CHECK(violated_rule([&] { validate_relief(a.reliefs[0]); }) == "dues.hardship_approval");
}

TEST_CASE(
    "党费规定2008 第11条 [S] dues.voluntary_to_centre: a single voluntary payment of 1000 yuan or more goes "
    "to "
    "the Centre",
    "[dues]") {
    CHECK_FALSE(voluntary_to_centre(yuan("999.99"), params));
    CHECK(voluntary_to_centre(yuan("1000.00"), params));
    auto const a = account(d(2020, 1, 6));
    auto gift = pay(ym(2026, 5), yuan("1000.00"), d(2026, 5, 20));
    gift.voluntary = true;
    auto const check = check_dues_payment(gift, a, d(2026, 5, 20), rules);
    CHECK(check.to_centre);
    CHECK_FALSE(check.late_back_payment);
    gift.amount = yuan("999.99");
    CHECK_FALSE(check_dues_payment(gift, a, d(2026, 5, 20), rules).to_centre);
    // Voluntary money never settles arrears.
    auto b = a;
    b.ledger_start = ym(2026, 5);
    std::vector<dues_payment> ledger{gift};
    CHECK(dues_arrears(b, ledger, d(2026, 6, 1), rules).arrears == fen::yuan(40));
}

TEST_CASE("党费规定2008 [S] dues.back_payment_6_months: a payment may cover a month at most 6 months back",
          "[dues]") {
    auto const a = account(d(2020, 1, 6));
    auto const six =
        check_dues_payment(pay(ym(2026, 1), fen::yuan(40), d(2026, 7, 31)), a, d(2026, 7, 31), rules);
    CHECK(six.months_back == 6);
    CHECK_FALSE(six.late_back_payment);
    auto const seven =
        check_dues_payment(pay(ym(2025, 12), fen::yuan(40), d(2026, 7, 1)), a, d(2026, 7, 1), rules);
    CHECK(seven.months_back == 7);
    CHECK(seven.late_back_payment);
    auto const ahead =
        check_dues_payment(pay(ym(2026, 12), fen::yuan(40), d(2026, 7, 1)), a, d(2026, 7, 1), rules);
    CHECK(ahead.months_back == -5);
    CHECK_FALSE(ahead.late_back_payment);

    auto strict = rules;
    strict.life.back_payment = back_payment_policy::refuse;
    CHECK(violated_rule([&] {
              (void)check_dues_payment(pay(ym(2025, 12), fen::yuan(40), d(2026, 7, 1)), a, d(2026, 7, 1),
                                       strict);
          }) == "dues.back_payment_6_months");
    CHECK_NOTHROW(
        check_dues_payment(pay(ym(2026, 1), fen::yuan(40), d(2026, 7, 1)), a, d(2026, 7, 1), strict));

    // Other malformed payments name their field.
    auto p = pay(ym(2026, 1), fen{}, d(2026, 1, 5));
    CHECK(invalid_field([&] { (void)check_dues_payment(p, a, d(2026, 1, 5), rules); }) == "amount");
    p = pay(ym(2026, 1), fen::yuan(40), d(2026, 1, 5));
    CHECK(invalid_field([&] { (void)check_dues_payment(p, a, d(2026, 1, 4), rules); }) == "paid_on");
    p.collecting_org = org_id{};
    CHECK(invalid_field([&] { (void)check_dues_payment(p, a, d(2026, 1, 5), rules); }) == "collecting_org");
    p = pay(ym(2026, 1), fen::yuan(40), d(2026, 1, 5));
    p.member = member_id{2};
    CHECK(invalid_field([&] { (void)check_dues_payment(p, a, d(2026, 1, 5), rules); }) == "member");
    auto gone = a;
    gone.last_month = ym(2026, 3);
    CHECK(invalid_field([&] {
              (void)check_dues_payment(pay(ym(2026, 4), fen::yuan(40), d(2026, 3, 5)), gone, d(2026, 3, 5),
                                       rules);
          }) == "month");
}

TEST_CASE("党费规定2008 [S] dues.pay_monthly: arrears per member on a date; quarterly payers by quarter end",
          "[dues][agenda]") {
    auto a = account(d(2025, 11, 15));
    auto ledger = monthly(ym(2025, 11), ym(2026, 1));
    ledger.push_back(pay(ym(2026, 2), fen::yuan(25), d(2026, 2, 10)));  // part of February
    auto host_paid = pay(ym(2026, 3), fen::yuan(40), d(2026, 3, 12));   // at the host organisation
    host_paid.paid_at = dues_paid_at::host_org;
    host_paid.collecting_org = host;
    ledger.push_back(host_paid);
    ledger.push_back(pay(ym(2026, 4), fen::yuan(50), d(2026, 5, 2)));  // April overpaid, late

    auto const st = dues_arrears(a, ledger, d(2026, 5, 1), rules);
    REQUIRE(st.months.size() == 6);  // November … April; May's month is not over
    CHECK(st.due == fen::yuan(240));
    CHECK(st.paid == fen::yuan(185));
    CHECK(st.arrears == fen::yuan(55));  // February 15.00 + April 40.00 (the 50.00 came on 2 May)
    CHECK(st.months_in_arrears == 2);
    auto const later = dues_arrears(a, ledger, d(2026, 5, 2), rules);
    CHECK(later.arrears == fen::yuan(15));  // April's overpayment does not offset February

    auto const items = dues_agenda(a, ledger, home, "张三", d(2026, 5, 1), rules);
    REQUIRE(items.size() == 1);
    CHECK(items[0].kind == "dues.arrears");
    CHECK(items[0].rule_id == "dues.pay_monthly");
    CHECK(items[0].status == agenda_status::overdue);
    CHECK(items[0].due == d(2026, 2, 28));
    CHECK(items[0].message == "arrears of 55.00 yuan for 2 months since 2026-02");
    CHECK(items[0].message_zh == "2026-02起欠交党费2个月, 共55.00元");
    CHECK(dues_agenda(a, monthly(ym(2025, 11), ym(2026, 4)), home, "张三", d(2026, 5, 1), rules).empty());

    // A quarterly payer owes January-March only after 31 March.
    a.pays_quarterly = true;
    a.ledger_start = ym(2026, 1);
    CHECK(pay_by(a, ym(2026, 1)) == d(2026, 3, 31));
    CHECK(pay_by(a, ym(2026, 12)) == d(2026, 12, 31));
    CHECK(dues_arrears(a, {}, d(2026, 3, 31), rules).months.empty());
    CHECK(dues_arrears(a, {}, d(2026, 4, 1), rules).arrears == fen::yuan(120));
}

TEST_CASE(
    "党章2022 第9条 [C] dues.unpaid_6_months: 6 consecutive unpaid months without good reason make a "
    "self-withdrawal candidate, 5 do not",
    "[dues][agenda]") {
    auto const a = account(d(2025, 1, 10));
    auto const ledger = monthly(ym(2025, 1), ym(2025, 6));  // nothing from July 2025
    // On 31 December December is not over: 5 months (July-November).
    CHECK_FALSE(first_unpaid_streak(a, ledger, d(2025, 12, 31), rules).has_value());
    auto const five = dues_agenda(a, ledger, home, "张三", d(2025, 12, 31), rules);
    REQUIRE(five.size() == 1);
    CHECK(five[0].kind == "dues.arrears");
    // On 1 January December is over: 6 months.
    auto const s = first_unpaid_streak(a, ledger, d(2026, 1, 1), rules);
    REQUIRE(s.has_value());
    CHECK(s->first == ym(2025, 7));
    CHECK(s->last == ym(2025, 12));
    CHECK(s->months == 6);
    CHECK(s->reached == d(2026, 1, 1));
    // The run keeps growing; the date it reached 6 months stays.
    auto const s8 = first_unpaid_streak(a, ledger, d(2026, 3, 15), rules);
    REQUIRE(s8.has_value());
    CHECK(s8->months == 8);
    CHECK(s8->reached == d(2026, 1, 1));

    auto const items = dues_agenda(a, ledger, home, "张三", d(2026, 1, 1), rules);
    REQUIRE(items.size() == 2);
    CHECK(items[0].kind == "dues.self_withdrawal_candidate");
    CHECK(items[0].status == agenda_status::finding);
    CHECK(items[0].rule_id == "dues.unpaid_6_months");
    CHECK(items[0].member == alice);
    CHECK(items[0].due == d(2026, 1, 1));
    CHECK(items[1].kind == "dues.arrears");
    CHECK(items[1].message == "arrears of 240.00 yuan for 6 months since 2025-07");

    // A back-payment for October made before the date breaks the run into 3 + 2.
    auto healed = ledger;
    healed.push_back(pay(ym(2025, 10), fen::yuan(40), d(2026, 1, 5)));
    CHECK_FALSE(first_unpaid_streak(a, healed, d(2026, 1, 6), rules).has_value());
    CHECK(first_unpaid_streak(a, healed, d(2026, 1, 4), rules).has_value());  // not yet paid on the 4th
    // So does a recorded good reason, or any payment at all for a month.
    auto excused = a;
    excused.excuses = {{ym(2025, 9), ym(2025, 9), "抗洪抢险"}};
    CHECK_FALSE(first_unpaid_streak(excused, ledger, d(2026, 1, 1), rules).has_value());
    CHECK(dues_arrears(excused, ledger, d(2026, 1, 1), rules).arrears == fen::yuan(240));  // still owed
    auto partly = ledger;
    partly.push_back(pay(ym(2025, 8), fen::yuan(1), d(2025, 8, 20)));
    CHECK_FALSE(first_unpaid_streak(a, partly, d(2026, 1, 1), rules).has_value());
    // An approved exemption means nothing is owed, so nothing is unpaid.
    auto exempt = a;
    exempt.reliefs = {{ym(2025, 9), ym(2025, 9), fen{}, "困难", d(2025, 8, 1), "街道党工委", d(2025, 8, 15)}};
    CHECK_FALSE(first_unpaid_streak(exempt, ledger, d(2026, 1, 1), rules).has_value());
    // The last month paid for, as the mobility domain's self-withdrawal grounds take it.
    CHECK(last_paid_month(alice, ledger, d(2026, 1, 1)) == ym(2025, 6));
    CHECK(last_paid_month(alice, healed, d(2026, 1, 5)) == ym(2025, 10));
    CHECK(last_paid_month(alice, healed, d(2026, 1, 4)) == ym(2025, 6));
    CHECK_FALSE(last_paid_month(member_id{2}, ledger, d(2026, 1, 1)).has_value());
    // The threshold is a parameter.
    auto four = rules;
    four.mobility.self_withdrawal_months = 4;
    auto const s4 = first_unpaid_streak(a, ledger, d(2025, 11, 1), four);
    REQUIRE(s4.has_value());
    CHECK(s4->reached == d(2025, 11, 1));
    four.mobility.self_withdrawal_months = 0;
    CHECK(invalid_field([&] { (void)first_unpaid_streak(a, ledger, d(2025, 11, 1), four); }) ==
          "self_withdrawal_months");
}

}  // namespace dues_test_cases
