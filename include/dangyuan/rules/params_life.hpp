#pragma once
/// \file
/// Rule-set parameters of organisational life (三会一课), training hours and dues (党费).
/// Part of `rule_set` (rules/rule_set.hpp); every number the domain's rules use lives here.
///
/// The vocabularies the tables refer to (meeting kinds, cadence periods, training roles, rounding
/// modes) are declared here, with their codes (`enum_table`), because the tables are rule-set data;
/// parsing and the rules themselves live in `life/meetings.hpp`, `life/cadence.hpp`, `life/training.hpp` and
/// `life/dues.hpp`.

#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "dangyuan/core/enum_table.hpp"
#include "dangyuan/core/money.hpp"

namespace dangyuan {

/// Kinds of organisational-life meeting (组织生活). Codes and Chinese names below; parsing:
/// life/meetings.hpp.
enum class meeting_kind {
    branch_general_meeting,     ///< 支部党员大会
    committee_meeting,          ///< 支部委员会
    group_meeting,              ///< 党小组会
    party_lecture,              ///< 党课
    theme_party_day,            ///< 主题党日
    organisation_life_meeting,  ///< 组织生活会
    heart_to_heart_talk,        ///< 谈心谈话
};

namespace detail {
struct meeting_kind_row {
    meeting_kind kind;
    std::string_view code;
    std::string_view chinese;
};
inline constexpr std::array<meeting_kind_row, 7> meeting_kind_table{{
    {meeting_kind::branch_general_meeting, "branch_general_meeting", "支部党员大会"},
    {meeting_kind::committee_meeting, "committee_meeting", "支部委员会"},
    {meeting_kind::group_meeting, "group_meeting", "党小组会"},
    {meeting_kind::party_lecture, "party_lecture", "党课"},
    {meeting_kind::theme_party_day, "theme_party_day", "主题党日"},
    {meeting_kind::organisation_life_meeting, "organisation_life_meeting", "组织生活会"},
    {meeting_kind::heart_to_heart_talk, "heart_to_heart_talk", "谈心谈话"},
}};
}  // namespace detail

/// The stable English code of a meeting kind, e.g. "committee_meeting" (storage and CSV), and its
/// Chinese name, e.g. "支部委员会", as `detail::meeting_kind_table` gives them.
template <>
struct enum_table<meeting_kind> {
    static constexpr std::string_view field = "kind";
    static constexpr std::string_view noun = "meeting kind";
    static constexpr auto rows = enum_rows_from<&detail::meeting_kind_row::kind>(detail::meeting_kind_table);
};

/// The calendar period a cadence is judged over: calendar months, quarters (Jan-Mar …) or years.
enum class cadence_period { month, quarter, year };

template <>
struct enum_table<cadence_period> {
    static constexpr std::string_view field = "period";
    static constexpr std::string_view noun = "cadence period";
    static constexpr enum_row<cadence_period> rows[] = {
        {cadence_period::month, "month", "每月"},
        {cadence_period::quarter, "quarter", "每季度"},
        {cadence_period::year, "year", "每年"},
    };
};

/// An extra condition a meeting must meet to count towards a cadence.
enum class cadence_condition {
    none,                   ///< every meeting of the kind counts
    lecturer_is_secretary,  ///< only lectures given by the branch secretary (书记讲党课) count
    every_member,  ///< each member of the roster must take part (e.g. 谈心谈话 with every member)
};

template <>
struct enum_table<cadence_condition> {
    static constexpr std::string_view field = "condition";
    static constexpr std::string_view noun = "cadence condition";
    static constexpr enum_row<cadence_condition> rows[] = {
        {cadence_condition::none, "none"},
        {cadence_condition::lecturer_is_secretary, "lecturer_is_secretary"},
        {cadence_condition::every_member, "every_member"},
    };
};

/// One row of the cadence table: at least `min_count` meetings of `kind` in every `period`.
struct cadence_rule {
    std::string rule_id;  ///< the catalogue rule the row implements, e.g. "life.committee_meeting_monthly"
    meeting_kind kind = meeting_kind::branch_general_meeting;
    cadence_period period = cadence_period::month;
    int min_count = 1;  ///< meetings required per period (>= 1)
    cadence_condition condition = cadence_condition::none;

    friend bool operator==(cadence_rule const&, cadence_rule const&) = default;
};

/// The national cadence of branch life (支部工作条例（试行）2018 第11-13, 17条 and the party-lecture,
/// theme-party-day and talk provisions). A local profile may replace rows with tighter ones, e.g. a
/// party lecture every quarter (rule life.party_lecture_local [L]).
[[nodiscard]] inline std::vector<cadence_rule> national_cadence() {
    using k = meeting_kind;
    using p = cadence_period;
    return {
        {"life.general_meeting_quarterly", k::branch_general_meeting, p::quarter, 1, cadence_condition::none},
        {"life.committee_meeting_monthly", k::committee_meeting, p::month, 1, cadence_condition::none},
        {"life.group_meeting_monthly", k::group_meeting, p::month, 1, cadence_condition::none},
        {"life.party_lecture_secretary_yearly", k::party_lecture, p::year, 1,
         cadence_condition::lecturer_is_secretary},
        {"life.theme_party_day_monthly", k::theme_party_day, p::month, 1, cadence_condition::none},
        {"life.organisation_life_meeting_yearly", k::organisation_life_meeting, p::year, 1,
         cadence_condition::none},
        {"life.heart_to_heart_yearly", k::heart_to_heart_talk, p::year, 1, cadence_condition::every_member},
    };
}

/// Who a training requirement applies to.
enum class training_role {
    member,   ///< every member (党员), officers included
    officer,  ///< branch secretaries and committee members (支部书记、支部委员)
};

template <>
struct enum_table<training_role> {
    static constexpr std::string_view field = "role";
    static constexpr std::string_view noun = "training role";
    static constexpr enum_row<training_role> rows[] = {
        {training_role::member, "member", "党员"},
        {training_role::officer, "officer", "支部书记和支部委员"},
    };
};

/// One annual training requirement: `min_tenths` tenths of a class hour (学时) per calendar year.
struct training_requirement {
    std::string rule_id;  ///< e.g. "training.member_32_hours"
    training_role applies_to = training_role::member;
    int min_tenths = 0;                 ///< class hours × 10 per calendar year
    bool concentrated_only = false;     ///< only concentrated study and training (集中学习培训) counts
    int min_concentrated_sessions = 0;  ///< concentrated trainings required in the year

    friend bool operator==(training_requirement const&, training_requirement const&) = default;
};

/// The national training requirements: every member ≥ 32 class hours of concentrated study a year
/// (training.member_32_hours); secretaries and committee members ≥ 56 class hours with at least one
/// concentrated training (training.officer_56_hours, from the 2019-2023 national training plan).
[[nodiscard]] inline std::vector<training_requirement> national_training_requirements() {
    return {
        {"training.member_32_hours", training_role::member, 320, true, 0},
        {"training.officer_56_hours", training_role::officer, 560, false, 1},
    };
}

/// How a percentage amount of dues is rounded to money (dues.rounding [U]: no national rule found).
enum class dues_rounding {
    half_up_fen,    ///< to the fen, halves up (四舍五入到分)
    truncate_fen,   ///< to the fen, towards zero (舍去分以下)
    up_fen,         ///< to the fen, any remainder up
    half_up_jiao,   ///< to the jiao (0.1 yuan), halves up
    truncate_jiao,  ///< to the jiao, towards zero
    up_jiao,        ///< to the jiao, any remainder up
};

template <>
struct enum_table<dues_rounding> {
    static constexpr std::string_view field = "rounding";
    static constexpr std::string_view noun = "dues rounding";
    static constexpr enum_row<dues_rounding> rows[] = {
        {dues_rounding::half_up_fen, "half_up_fen"},
        {dues_rounding::truncate_fen, "truncate_fen"},
        {dues_rounding::up_fen, "up_fen"},
        {dues_rounding::half_up_jiao, "half_up_jiao"},
        {dues_rounding::truncate_jiao, "truncate_jiao"},
        {dues_rounding::up_jiao, "up_jiao"},
    };
};

/// Upper bound of the top bracket: no upper limit.
inline constexpr fen no_upper_bound_fen{std::numeric_limits<fen::rep>::max()};

/// One dues bracket: a base up to and including `upper_fen` pays `rate_bp` basis points (1/100 of a
/// percent) of the WHOLE base. Brackets are listed in increasing order of `upper_fen`.
struct dues_bracket {
    fen upper_fen = no_upper_bound_fen;  ///< inclusive upper bound of the monthly base
    int rate_bp = 0;                     ///< rate in basis points: 50 = 0.5 %

    friend bool operator==(dues_bracket const&, dues_bracket const&) = default;
};

/// What happens to a payment for a month further back than `back_payment_max_months`.
enum class back_payment_policy {
    flag,    ///< accepted and flagged (the national text says "generally", 一般)
    refuse,  ///< refused with rule_violation dues.back_payment_6_months
};

template <>
struct enum_table<back_payment_policy> {
    static constexpr std::string_view field = "back_payment";
    static constexpr std::string_view noun = "back-payment policy";
    static constexpr enum_row<back_payment_policy> rows[] = {
        {back_payment_policy::flag, "flag"},
        {back_payment_policy::refuse, "refuse"},
    };
};

/// Parameters of organisational life (三会一课), training hours and dues (党费). Defaults are the
/// national baseline.
struct life_params {
    // --- organisational life
    /// The cadence table (life.general_meeting_quarterly, life.committee_meeting_monthly, …).
    std::vector<cadence_rule> cadence = national_cadence();

    // --- training hours
    /// Annual requirements (training.member_32_hours, training.officer_56_hours).
    std::vector<training_requirement> training = national_training_requirements();
    /// training.mid_year_joiner [U]: when false (default) a member admitted during the year owes the
    /// full requirement; when true it is pro-rated by the whole calendar months of membership left.
    bool training_prorate_joiners = false;
    /// training.q4_notice [L]: from this month (1-12) on, members still short appear on the agenda.
    unsigned training_notice_month = 10;
    /// training.secretary_rotation_yearly: trainings at county level or higher (轮训) a branch secretary
    /// attends each calendar year.
    int secretary_rotations_per_year = 1;
    /// training.new_secretary_6_months: months after taking office within which a new secretary is
    /// trained ("half a year").
    int new_secretary_training_months = 6;
    /// training.new_member_higher_level: trainings held by a higher organisation that a probationary or
    /// first-year full member attends.
    int new_member_higher_trainings = 1;
    /// training.new_member_higher_level: years as a full member that still count as "new" (first year).
    int new_member_full_years = 1;
    /// training.new_member_higher_level: months before the end of the new-member window that an
    /// untrained member appears on the agenda.
    int new_member_training_notice_months = 6;

    // --- dues (党费), money in fen, rates in basis points
    /// dues.salary_brackets: ≤ 3000 yuan 0.5 %, ≤ 5000 1 %, ≤ 10000 1.5 %, above 2 % (whole base).
    std::vector<dues_bracket> salary_brackets = {
        {fen::yuan(3000), 50}, {fen::yuan(5000), 100}, {fen::yuan(10000), 150}, {no_upper_bound_fen, 200}};
    /// dues.retiree_brackets: basic pension ≤ 5000 yuan 0.5 %, above 1 %.
    std::vector<dues_bracket> retiree_brackets = {{fen::yuan(5000), 50}, {no_upper_bound_fen, 100}};
    /// dues.fixed_amounts: farmers pay an amount the provincial committee sets between 0.2 and 1 yuan
    /// a month; the default is the national floor, 0.2 yuan (20 fen). Profiles set their province's.
    fen farmer_monthly_fen{20};
    fen farmer_min_fen{20};   ///< dues.fixed_amounts: lowest amount a province may set for farmers
    fen farmer_max_fen{100};  ///< dues.fixed_amounts: highest amount a province may set for farmers
    /// dues.fixed_amounts: students, unemployed and low-income members (relief, 低保) pay 0.2 yuan.
    fen minimum_monthly_fen{20};
    /// dues.rounding [U]: rounding of the percentage amount (not of fixed amounts).
    dues_rounding rounding = dues_rounding::half_up_fen;
    /// dues.voluntary_to_centre: a single voluntary payment of at least this much goes to the Centre.
    fen voluntary_centre_threshold_fen = fen::yuan(1000);
    /// dues.back_payment_6_months: a payment may cover a month at most this many months back.
    int back_payment_max_months = 6;
    /// dues.back_payment_6_months: flag (default, "generally") or refuse older back-payments.
    back_payment_policy back_payment = back_payment_policy::flag;
    // The consecutive unpaid months of dues.unpaid_6_months (党章 第9条) are one parameter with the
    // other grounds of self-withdrawal: `mobility_params::self_withdrawal_months`.

    friend bool operator==(life_params const&, life_params const&) = default;
};

}  // namespace dangyuan
