#pragma once
/// \file
/// Party dues (党费) under 《关于中国共产党党费收缴、使用和管理的规定》 (中组发〔2008〕3号, 2008): the
/// monthly amount from a member's base, hardship reductions, the payment ledger, arrears, back-payment
/// limits and the 6-month unpaid streak of 党章 第9条.
///
/// **Money** is an exact integer number of fen (`fen`, 0.01 yuan); rates are basis points (1/100 of a
/// percent). No floating point anywhere.
///
/// **Amount.** Salaried members (在职, also annual-salary and self-employed members, whose base the
/// caller computes as the rules say) pay one rate on the WHOLE base — not progressively: base ≤ 3000
/// yuan 0.5 %, ≤ 5000 1 %, ≤ 10000 1.5 %, above 2 %, and 3000, 5000, 10000 belong to the lower bracket
/// (dues.salary_brackets). Retirees pay 0.5 % of a basic pension ≤ 5000 yuan, 1 % above
/// (dues.retiree_brackets). Farmers pay the provincial amount of 0.2-1 yuan, students, unemployed and
/// low-income members 0.2 yuan (dues.fixed_amounts). A percentage amount is rounded per the profile
/// (`life_params::rounding`, dues.rounding [U]: no national rule was found; default half up to the fen,
/// so 1 % of 3000.01 = 30.0001 → 30.00). Fixed amounts are not rounded.
///
/// **Months.** A base applies from the month the new salary or pension is first paid
/// (dues.salary_change_month). Probationary members pay from the month of the branch meeting that
/// admitted them (dues.from_admission_month). A month is payable by its last day, or by the last day of
/// its quarter for members paying quarterly with the branch's consent (dues.pay_monthly).

#include <date/date.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dangyuan/agenda/agenda.hpp"
#include "dangyuan/core/calendar.hpp"
#include "dangyuan/core/enum_table.hpp"
#include "dangyuan/core/errors.hpp"
#include "dangyuan/core/ids.hpp"
#include "dangyuan/core/money.hpp"  // fen, format_yuan, parse_yuan (re-exported)
#include "dangyuan/core/month.hpp"  // format_month, month_of, months_between, last_day (re-exported)
#include "dangyuan/member/self_withdrawal.hpp"
#include "dangyuan/rules/catalogue.hpp"
#include "dangyuan/rules/rule_set.hpp"

namespace dangyuan {

/// How a member's dues are assessed (dues.salary_brackets, dues.retiree_brackets, dues.fixed_amounts).
enum class dues_category {
    employed,    ///< 在职: salaried, annual-salary or self-employed; percentage of the base
    retiree,     ///< 离退休: percentage of the basic pension
    farmer,      ///< 农民: the provincial fixed amount (0.2-1 yuan)
    student,     ///< 学生: 0.2 yuan
    unemployed,  ///< 下岗失业: 0.2 yuan
    low_income,  ///< living on relief, survivors' pensions or the minimum living allowance (低保): 0.2 yuan
};

template <>
struct enum_table<dues_category> {
    static constexpr std::string_view field = "category";
    static constexpr std::string_view noun = "dues category";
    static constexpr enum_row<dues_category> rows[] = {
        {dues_category::employed, "employed", "在职党员"},
        {dues_category::retiree, "retiree", "离退休党员"},
        {dues_category::farmer, "farmer", "农民党员"},
        {dues_category::student, "student", "学生党员"},
        {dues_category::unemployed, "unemployed", "下岗失业党员"},
        {dues_category::low_income, "low_income", "依靠救济或领取最低生活保障金的党员"},
    };
};
/// \throws invalid_input{"category"} naming the value when it is neither an English code nor a Chinese name.
[[nodiscard]] inline dues_category parse_dues_category(std::string_view s) {
    return parse_enum_or_throw<dues_category>(s);
}

/// Largest base accepted (10^11 yuan): keeps `base × rate` far from 64-bit overflow.
inline constexpr fen::rep max_base_fen = 10'000'000'000'000LL;

namespace detail {
inline void validate_brackets(std::span<dues_bracket const> brackets, char const* field) {
    if (brackets.empty()) throw invalid_input(field, "no brackets");
    fen previous{-1};
    for (auto const& b : brackets) {
        if (b.upper_fen <= previous)
            throw invalid_input(field, "bracket bounds must increase, " +
                                           std::to_string(b.upper_fen.value()) + " fen after " +
                                           std::to_string(previous.value()));
        if (b.rate_bp < 0 || b.rate_bp > 10000)
            throw invalid_input(field, "rate " + std::to_string(b.rate_bp) + " basis points is not 0-10000");
        previous = b.upper_fen;
    }
    if (brackets.back().upper_fen != no_upper_bound_fen)
        throw invalid_input(field, "the top bracket must have no upper bound");
}
inline void check_farmer_amount(life_params const& p) {
    if (p.farmer_monthly_fen < p.farmer_min_fen || p.farmer_monthly_fen > p.farmer_max_fen)
        throw violation("dues.fixed_amounts", "farmers' dues of " + format_yuan(p.farmer_monthly_fen) +
                                                  " yuan a month outside " + format_yuan(p.farmer_min_fen) +
                                                  "-" + format_yuan(p.farmer_max_fen) + " yuan");
}
}  // namespace detail

/// Checks the dues parameters of a profile.
/// \throws rule_violation dues.fixed_amounts when the farmers' amount is outside
///         [`farmer_min_fen`, `farmer_max_fen`] (0.2-1 yuan); invalid_input naming the parameter for
///         malformed brackets or negative amounts and months.
inline void validate_dues_params(life_params const& p) {
    detail::validate_brackets(p.salary_brackets, "salary_brackets");
    detail::validate_brackets(p.retiree_brackets, "retiree_brackets");
    detail::check_farmer_amount(p);
    if (p.minimum_monthly_fen < fen{})
        throw invalid_input("minimum_monthly_fen",
                            "negative amount " + std::to_string(p.minimum_monthly_fen.value()));
    if (p.voluntary_centre_threshold_fen <= fen{})
        throw invalid_input("voluntary_centre_threshold_fen", "must be positive");
    if (p.back_payment_max_months < 0)
        throw invalid_input("back_payment_max_months",
                            "negative: " + std::to_string(p.back_payment_max_months));
}

/// The rate in basis points for `base` under `brackets` (the first bracket whose upper bound the base
/// does not exceed: bounds belong to the lower bracket).
/// \throws invalid_input{"base"} for a negative or implausibly large base.
[[nodiscard]] inline int dues_rate_bp(std::span<dues_bracket const> brackets, fen base) {
    if (base < fen{} || base.value() > max_base_fen)
        throw invalid_input("base", format_yuan(base) + " yuan is not a plausible monthly base");
    for (auto const& b : brackets)
        if (base <= b.upper_fen) return b.rate_bp;
    throw invalid_input("base", "no bracket for " + format_yuan(base) + " yuan");
}

/// `base × rate_bp / 10000`, rounded per `mode` (dues.rounding [U]).
/// \throws invalid_input{"base"} for a negative or implausibly large base, {"rate_bp"} outside 0-10000.
[[nodiscard]] inline fen apply_rate(fen base, int rate_bp, dues_rounding mode) {
    if (base < fen{} || base.value() > max_base_fen)
        throw invalid_input("base", format_yuan(base) + " yuan is not a plausible monthly base");
    if (rate_bp < 0 || rate_bp > 10000)
        throw invalid_input("rate_bp", std::to_string(rate_bp) + " basis points is not 0-10000");
    std::int64_t const exact = base.value() * rate_bp;  // in 1/10000 fen
    bool const jiao = mode == dues_rounding::half_up_jiao || mode == dues_rounding::truncate_jiao ||
                      mode == dues_rounding::up_jiao;
    std::int64_t const unit = jiao ? 100000 : 10000;  // one jiao or one fen, in 1/10000 fen
    std::int64_t units = 0;
    switch (mode) {
        case dues_rounding::half_up_fen:
        case dues_rounding::half_up_jiao:
            units = (exact + unit / 2) / unit;
            break;
        case dues_rounding::truncate_fen:
        case dues_rounding::truncate_jiao:
            units = exact / unit;
            break;
        case dues_rounding::up_fen:
        case dues_rounding::up_jiao:
            units = (exact + unit - 1) / unit;
            break;
    }
    return fen(units * (unit / 10000));
}

/// The monthly dues of a member of `category` with monthly `base` (ignored for fixed-amount
/// categories): dues.salary_brackets, dues.retiree_brackets, dues.fixed_amounts, rounded per
/// dues.rounding. Hardship reductions are applied by `dues_due`.
/// \param base employed: the after-tax fixed regular monthly pay (annual-salary members: the pay of the
///        month; self-employed: the average monthly net income of the previous quarter); retirees: the
///        basic pension (2017 clarification: allowances excluded).
/// \throws invalid_input{"base"}; rule_violation dues.fixed_amounts for a farmers' amount outside 0.2-1 yuan.
[[nodiscard]] inline fen monthly_dues(dues_category category, fen base, life_params const& p) {
    switch (category) {
        case dues_category::employed:
            return apply_rate(base, dues_rate_bp(p.salary_brackets, base), p.rounding);
        case dues_category::retiree:
            return apply_rate(base, dues_rate_bp(p.retiree_brackets, base), p.rounding);
        case dues_category::farmer:
            detail::check_farmer_amount(p);
            return p.farmer_monthly_fen;
        case dues_category::student:
        case dues_category::unemployed:
        case dues_category::low_income:
            return p.minimum_monthly_fen;
    }
    throw invalid_input("category", "unknown dues category");
}

/// True when a single voluntary payment (自愿多交) goes entirely to the Centre (dues.voluntary_to_centre:
/// 1000 yuan or more).
[[nodiscard]] constexpr bool voluntary_to_centre(fen amount, life_params const& p) noexcept {
    return amount >= p.voluntary_centre_threshold_fen;
}

/// A change of a member's dues base, effective from the month the new salary or pension is first paid
/// (dues.salary_change_month). The first entry sets the initial base.
struct dues_base_change {
    date::year_month effective{};  ///< first month the new pay is paid
    dues_category category = dues_category::employed;
    fen base;  ///< monthly base (see `monthly_dues`); ignored for fixed-amount categories

    friend bool operator==(dues_base_change const&, dues_base_change const&) = default;
};

/// A hardship reduction or exemption (dues.hardship_approval): studied by the branch and approved by
/// the next-higher party committee. It applies to months `from` … `to` once approved.
struct dues_relief {
    date::year_month from{};
    std::optional<date::year_month> to;  ///< last month (inclusive); open-ended when empty
    fen monthly_amount;                  ///< the reduced amount; 0 = exemption (免交)
    std::string reason;
    std::optional<date::sys_days> branch_studied_on;  ///< 支部研究
    std::string approved_by;                          ///< the approving higher committee (上级党委)
    std::optional<date::sys_days> approved_on;        ///< 批准日期

    /// True when the approval record is complete and dated on or before `as_of`.
    [[nodiscard]] bool approved_by_date(date::sys_days as_of) const noexcept {
        return branch_studied_on && approved_on && !approved_by.empty() && *approved_on <= as_of;
    }

    friend bool operator==(dues_relief const&, dues_relief const&) = default;
};

/// A recorded good reason (正当理由) for not paying in months `from` … `to`: those months still owe
/// dues (arrears) but do not count towards the unpaid streak of dues.unpaid_6_months.
struct dues_excuse {
    date::year_month from{};
    date::year_month to{};
    std::string reason;

    friend bool operator==(dues_excuse const&, dues_excuse const&) = default;
};

/// Everything that decides what a member owes.
struct dues_account {
    member_id member;
    date::sys_days admission_date{};  ///< the branch meeting that admitted the member (入党日期)
    std::optional<date::year_month>
        ledger_start;  ///< first month kept in this ledger (older history not judged)
    std::optional<date::year_month> last_month;  ///< last month owed here (transfer out, exit)
    bool pays_quarterly = false;                 ///< pays by quarter with the branch's consent
    std::vector<dues_base_change> bases;         ///< base history (any order)
    std::vector<dues_relief> reliefs;
    std::vector<dues_excuse> excuses;

    friend bool operator==(dues_account const&, dues_account const&) = default;
};

/// Validates a relief record.
/// \throws rule_violation dues.hardship_approval when the branch study, the approving committee or the
///         approval date is missing; invalid_input for months out of order, a negative amount, or an
///         approval dated before the branch study.
inline void validate_relief(dues_relief const& r) {
    if (r.to && *r.to < r.from)
        throw invalid_input(
            "to", "relief ends " + format_month(*r.to) + " before it starts " + format_month(r.from));
    if (r.monthly_amount < fen{})
        throw invalid_input("monthly_amount", "negative amount " + format_yuan(r.monthly_amount));
    if (!r.branch_studied_on || r.approved_by.empty() || !r.approved_on)
        throw violation("dues.hardship_approval",
                        "a reduction or exemption from " + format_month(r.from) +
                            " needs the branch's study and the approval of the next-higher party committee "
                            "(date of study, approving committee and approval date)");
    if (*r.approved_on < *r.branch_studied_on)
        throw invalid_input("approved_on", "approval " + format_date(*r.approved_on) +
                                               " before the branch study " +
                                               format_date(*r.branch_studied_on));
}

/// Validates an account and the profile's dues parameters.
/// \throws invalid_input naming the field (member, bases, base, excuses …); rule_violation
///         dues.hardship_approval or dues.fixed_amounts.
inline void validate_dues_account(dues_account const& a, rule_set const& rules) {
    validate_dues_params(rules.life);
    if (!a.member.valid()) throw invalid_input("member", "invalid member id");
    if (a.bases.empty()) throw invalid_input("bases", "no dues base recorded");
    for (std::size_t i = 0; i < a.bases.size(); ++i) {
        auto const& b = a.bases[i];
        if (!b.effective.ok()) throw invalid_input("bases", "invalid month");
        if (b.base < fen{} || b.base.value() > max_base_fen)
            throw invalid_input("base", format_yuan(b.base) + " yuan is not a plausible monthly base");
        for (std::size_t j = 0; j < i; ++j)
            if (a.bases[j].effective == b.effective)
                throw invalid_input("bases", "two bases effective from " + format_month(b.effective));
    }
    for (auto const& r : a.reliefs)
        validate_relief(r);
    for (auto const& e : a.excuses)
        if (e.to < e.from)
            throw invalid_input(
                "excuses", "excuse ends " + format_month(e.to) + " before it starts " + format_month(e.from));
}

/// What the member owes for `month` as known on `as_of`: nothing before the admission month
/// (dues.from_admission_month) or after `last_month`; otherwise `monthly_dues` of the base in effect
/// (the latest change effective on or before the month, dues.salary_change_month), lowered by any
/// relief covering the month whose approval is complete and dated on or before `as_of`
/// (dues.hardship_approval).
/// \throws invalid_input{"bases"} when no base is in effect for the month, and as `monthly_dues`.
[[nodiscard]] inline fen dues_due(dues_account const& a, date::year_month month, date::sys_days as_of,
                                  rule_set const& rules) {
    if (month < month_of(a.admission_date)) return fen{};
    if (a.last_month && month > *a.last_month) return fen{};
    dues_base_change const* in_effect = nullptr;
    for (auto const& b : a.bases)
        if (b.effective <= month && (!in_effect || in_effect->effective < b.effective)) in_effect = &b;
    if (!in_effect) throw invalid_input("bases", "no dues base in effect for " + format_month(month));
    fen due = monthly_dues(in_effect->category, in_effect->base, rules.life);
    for (auto const& r : a.reliefs)
        if (r.approved_by_date(as_of) && r.from <= month && (!r.to || month <= *r.to))
            due = std::min(due, r.monthly_amount);
    return due;
}

/// The last day to pay for `month`: its last day, or the last day of its quarter for quarterly payers.
[[nodiscard]] inline date::sys_days pay_by(dues_account const& a, date::year_month month) {
    if (!a.pays_quarterly) return last_day(month);
    unsigned const m = unsigned(month.month());
    return last_day(month.year() / date::month{(m - 1) / 3 * 3 + 3});
}

/// Where a payment was made.
enum class dues_paid_at {
    home_org,  ///< the member's own organisation
    host_org,  ///< a mobile member's host (inflow) organisation, with the activity certificate
};

template <>
struct enum_table<dues_paid_at> {
    static constexpr std::string_view field = "paid_at";
    static constexpr std::string_view noun = "place of payment";
    static constexpr enum_row<dues_paid_at> rows[] = {
        {dues_paid_at::home_org, "home_org"},
        {dues_paid_at::host_org, "host_org"},
    };
};

/// One line of the payment ledger.
struct dues_payment {
    member_id member;
    date::year_month month{};  ///< the month paid for; for a voluntary payment, the month it was made
    fen amount;
    bool voluntary = false;  ///< voluntary extra payment (自愿多交党费); never offsets arrears
    dues_paid_at paid_at = dues_paid_at::home_org;
    org_id collecting_org;     ///< the organisation that collected it
    std::string collected_by;  ///< the collector (收缴人)
    date::sys_days paid_on{};

    friend bool operator==(dues_payment const&, dues_payment const&) = default;
};

/// Flags of an accepted payment.
struct dues_payment_check {
    int months_back = 0;  ///< months from the month paid for to the month of payment (< 0: in advance)
    bool late_back_payment = false;  ///< covers a month beyond `back_payment_max_months` (flag policy)
    bool to_centre = false;          ///< a voluntary payment that goes entirely to the Centre

    friend bool operator==(dues_payment_check const&, dues_payment_check const&) = default;
};

/// Checks a payment recorded on `as_of` against the member's account.
/// \throws invalid_input naming the field: member (another member's account), amount (not positive),
///         collecting_org, paid_on (after `as_of` or before admission), month (after `last_month`).
/// \throws rule_violation dues.from_admission_month for a regular payment for a month before the
///         admission month; dues.back_payment_6_months for a month more than `back_payment_max_months`
///         back when the profile refuses them (otherwise the payment is flagged `late_back_payment`).
[[nodiscard]] inline dues_payment_check check_dues_payment(dues_payment const& p, dues_account const& a,
                                                           date::sys_days as_of, rule_set const& rules) {
    validate_dues_params(rules.life);
    if (p.member != a.member)
        throw invalid_input("member", "payment of member " + std::to_string(p.member.value()) +
                                          " checked against the account of member " +
                                          std::to_string(a.member.value()));
    if (p.amount <= fen{}) throw invalid_input("amount", format_yuan(p.amount) + " yuan: must be positive");
    if (!p.collecting_org.valid())
        throw invalid_input("collecting_org", "the collecting organisation is missing");
    if (!p.month.ok()) throw invalid_input("month", "invalid month");
    if (p.paid_on > as_of)
        throw invalid_input(
            "paid_on", "paid " + format_date(p.paid_on) + ", after the recording date " + format_date(as_of));
    if (p.paid_on < a.admission_date)
        throw invalid_input("paid_on", "paid " + format_date(p.paid_on) + ", before admission on " +
                                           format_date(a.admission_date));
    dues_payment_check check;
    if (p.voluntary) {
        check.to_centre = voluntary_to_centre(p.amount, rules.life);
        return check;
    }
    if (p.month < month_of(a.admission_date))
        throw violation("dues.from_admission_month", "payment for " + format_month(p.month) +
                                                         ", before the admission month " +
                                                         format_month(month_of(a.admission_date)) +
                                                         " (admitted " + format_date(a.admission_date) + ")");
    if (a.last_month && p.month > *a.last_month)
        throw invalid_input("month", "payment for " + format_month(p.month) +
                                         ", after the last month owed here " + format_month(*a.last_month));
    check.months_back = months_between(p.month, month_of(p.paid_on));
    if (check.months_back > rules.life.back_payment_max_months) {
        if (rules.life.back_payment == back_payment_policy::refuse)
            throw violation("dues.back_payment_6_months",
                            "payment on " + format_date(p.paid_on) + " for " + format_month(p.month) +
                                " is " + std::to_string(check.months_back) + " months back; at most " +
                                std::to_string(rules.life.back_payment_max_months) + " may be made up");
        check.late_back_payment = true;
    }
    return check;
}

/// The latest month `member` paid regular dues for, counting payments made on or before `as_of`, or
/// nothing. Feeds the self-withdrawal grounds of the mobility domain (`self_withdrawal_inputs`).
[[nodiscard]] inline std::optional<date::year_month> last_paid_month(member_id member,
                                                                     std::span<dues_payment const> payments,
                                                                     date::sys_days as_of) {
    std::optional<date::year_month> last;
    for (auto const& p : payments)
        if (p.member == member && !p.voluntary && p.paid_on <= as_of && p.amount > fen{} &&
            (!last || *last < p.month))
            last = p.month;
    return last;
}

/// One month of a member's dues statement.
struct dues_month_status {
    date::year_month month{};
    fen due;                  ///< owed for the month
    fen paid;                 ///< regular payments for the month made on or before the statement date
    bool excused = false;     ///< covered by a recorded good reason
    date::sys_days pay_by{};  ///< the last day to pay

    /// What is still owed for the month (0 when paid in full or overpaid).
    [[nodiscard]] fen shortfall() const noexcept { return paid < due ? due - paid : fen{}; }

    friend bool operator==(dues_month_status const&, dues_month_status const&) = default;
};

/// A member's dues position on a date.
struct dues_statement {
    member_id member;
    date::sys_days as_of{};
    std::vector<dues_month_status> months;  ///< every month owed whose last day to pay is before `as_of`
    fen due;                                ///< total owed over those months
    fen paid;                               ///< total paid for them (regular payments only)
    fen arrears;  ///< sum of the monthly shortfalls (an overpaid month offsets nothing)
    int months_in_arrears = 0;

    friend bool operator==(dues_statement const&, dues_statement const&) = default;
};

/// The member's statement on `as_of`: the months from the admission month (or `ledger_start`, if later)
/// whose last day to pay is before `as_of`, up to `last_month`; payments of this member dated on or
/// before `as_of` count for the month they name; voluntary payments never count.
/// \throws as `validate_dues_account`, and invalid_input{"bases"} for a month without a base.
[[nodiscard]] inline dues_statement dues_arrears(dues_account const& a,
                                                 std::span<dues_payment const> payments, date::sys_days as_of,
                                                 rule_set const& rules) {
    validate_dues_account(a, rules);
    dues_statement st{a.member, as_of, {}, {}, {}, {}, 0};
    auto month = month_of(a.admission_date);
    if (a.ledger_start && *a.ledger_start > month) month = *a.ledger_start;
    for (; pay_by(a, month) < as_of && (!a.last_month || month <= *a.last_month); month += date::months{1}) {
        dues_month_status ms;
        ms.month = month;
        ms.due = dues_due(a, month, as_of, rules);
        ms.pay_by = pay_by(a, month);
        for (auto const& p : payments)
            if (p.member == a.member && !p.voluntary && p.month == month && p.paid_on <= as_of)
                ms.paid += p.amount;
        ms.excused = std::any_of(a.excuses.begin(), a.excuses.end(),
                                 [&](dues_excuse const& e) { return e.from <= month && month <= e.to; });
        st.due += ms.due;
        st.paid += ms.paid;
        st.arrears += ms.shortfall();
        if (ms.shortfall() > fen{}) ++st.months_in_arrears;
        st.months.push_back(ms);
    }
    return st;
}

/// A run of consecutive months with dues owed and nothing paid, without a recorded good reason.
struct unpaid_streak {
    date::year_month first{};
    date::year_month last{};  ///< last month of the run (the run may be longer than the threshold)
    int months = 0;
    /// The day the run reached `self_withdrawal_months`: the day after the last day to pay for its
    /// N-th month.
    date::sys_days reached{};

    friend bool operator==(unpaid_streak const&, unpaid_streak const&) = default;
};

/// The first run of at least `need` consecutive months of a statement in which dues were owed, nothing
/// was paid and no good reason is recorded (dues.unpaid_6_months, 党章 第9条; the run is found by
/// `first_missing_run`, member/self_withdrawal.hpp). A month partly paid, exempted (nothing owed) or
/// excused breaks the run. A back-payment made on or before the statement date heals the months it
/// names. Nothing when there is no such run.
/// \throws invalid_input{"need"} below 1.
[[nodiscard]] inline std::optional<unpaid_streak> first_unpaid_streak(dues_statement const& st, int need) {
    if (need < 1) throw invalid_input("need", "streak length " + std::to_string(need) + " is below 1");
    auto const run = first_missing_run(
        st.months.size(),
        [&](std::size_t k) {
            auto const& m = st.months[k];
            return m.due > fen{} && m.paid == fen{} && !m.excused;
        },
        need);
    if (!run) return std::nullopt;
    auto const [i, j] = *run;
    return unpaid_streak{st.months[i].month, st.months[j].month, int(j - i + 1),
                         st.months[i + std::size_t(need) - 1].pay_by + date::days{1}};
}

/// `first_unpaid_streak` with the rule set's months of 党章 第9条 (`self_withdrawal_months`).
/// \throws invalid_input{"self_withdrawal_months"} below 1.
[[nodiscard]] inline std::optional<unpaid_streak> first_unpaid_streak(dues_statement const& st,
                                                                      rule_set const& rules) {
    return first_unpaid_streak(st, self_withdrawal_months(rules));
}

/// `first_unpaid_streak` of the statement on `as_of`, with the rule set's threshold.
/// \throws as `dues_arrears`.
[[nodiscard]] inline std::optional<unpaid_streak> first_unpaid_streak(dues_account const& a,
                                                                      std::span<dues_payment const> payments,
                                                                      date::sys_days as_of,
                                                                      rule_set const& rules) {
    return first_unpaid_streak(dues_arrears(a, payments, as_of, rules), rules);
}

/// Agenda items of a member's dues on `as_of`:
/// - `dues.self_withdrawal_candidate` (finding, dated the day the run reached the threshold, rule
///   dues.unpaid_6_months) for the first unpaid run of `first_unpaid_streak`;
/// - `dues.arrears` (overdue, due the last day to pay for the earliest month in arrears, rule
///   dues.pay_monthly) when anything is owed.
/// \param org the member's organisation; \param subject the member's name.
/// \throws as `dues_arrears`.
[[nodiscard]] inline std::vector<agenda_item> dues_agenda(dues_account const& a,
                                                          std::span<dues_payment const> payments, org_id org,
                                                          std::string const& subject, date::sys_days as_of,
                                                          rule_set const& rules) {
    std::vector<agenda_item> items;
    auto const st = dues_arrears(a, payments, as_of, rules);
    if (auto const s = first_unpaid_streak(st, rules)) {
        items.push_back(agenda_item{"dues.self_withdrawal_candidate", org, a.member, subject, s->reached,
                                    agenda_status::finding, "dues.unpaid_6_months",
                                    "no dues paid for " + std::to_string(s->months) +
                                        " consecutive months (" + format_month(s->first) + " to " +
                                        format_month(s->last) +
                                        ") without a recorded good reason: regarded as self-withdrawal "
                                        "(自行脱党, 党章 第9条); the branch "
                                        "meeting decides on removal and the higher organisation approves",
                                    std::nullopt,
                                    "连续" + std::to_string(s->months) + "个月(" + format_month(s->first) +
                                        "至" + format_month(s->last) +
                                        ")未交纳党费, 无记录的正当理由: 按自行脱党处理(党章第9条), "
                                        "由支部大会决定除名, 报上级党组织批准"});
    }
    if (st.arrears > fen{}) {
        auto const first = std::find_if(st.months.begin(), st.months.end(),
                                        [](dues_month_status const& m) { return m.shortfall() > fen{}; });
        std::string msg =
            "arrears of " + format_yuan(st.arrears) + " yuan for " + std::to_string(st.months_in_arrears) +
            (st.months_in_arrears == 1 ? " month" : " months") + " since " + format_month(first->month);
        if (months_between(first->month, month_of(as_of)) > rules.life.back_payment_max_months)
            msg += "; months more than " + std::to_string(rules.life.back_payment_max_months) +
                   " back can generally no longer be made up";
        std::string zh = format_month(first->month) + "起欠交党费" + std::to_string(st.months_in_arrears) +
                         "个月, 共" + format_yuan(st.arrears) + "元";
        if (months_between(first->month, month_of(as_of)) > rules.life.back_payment_max_months)
            zh += "; 超过" + std::to_string(rules.life.back_payment_max_months) + "个月的一般不再补交";
        items.push_back(agenda_item{"dues.arrears", org, a.member, subject, first->pay_by,
                                    status_for(first->pay_by, as_of), "dues.pay_monthly", std::move(msg),
                                    std::nullopt, std::move(zh)});
    }
    return items;
}

}  // namespace dangyuan
