#pragma once
/// \file
/// Rule-set parameters of mobile members (流动党员), certificates, transfers and lost contact.
/// Part of `rule_set` (rules/rule_set.hpp); every number the domain's rules use lives here.
///
/// Months are calendar months counted with `add_months` (cal.month_end_clamp), years with `add_years`,
/// days are calendar days.

#include <optional>
#include <string>

namespace dangyuan {

/// Parameters of mobile members (流动党员), certificates, transfers and lost contact. Defaults are the
/// national baseline; values tagged [U] are documented guesses a profile is expected to review.
struct mobility_params {
    // --- mobility episodes (episode.hpp)

    /// mobility.mobile_member_6_months: away this many consecutive months without a transfer makes a
    /// member a mobile member (流动党员) who must be registered.
    int mobile_after_months = 6;
    /// mobility.transfer_fixed_place_6_months: a stay of this many months at one relatively fixed place
    /// requires the organisational relationship to be transferred. Also bounds certificate.scope.
    int transfer_after_months = 6;
    /// mobility.yearly_report: the member reports to the home organisation once in every period of this
    /// many months, counted from the day of leaving.
    int yearly_report_interval_months = 12;
    /// mobility.mobile_member_6_months, mobility.transfer_fixed_place_6_months, mobility.yearly_report:
    /// how many months before its date a mobility threshold appears on the agenda as upcoming.
    int mobility_notice_months = 1;
    /// mobility.temporary_branch_3: members going out together from this number on should form a
    /// temporary branch or party group (临时党支部/党小组).
    int temporary_org_min_members = 3;

    // --- 《流动党员活动证》 (certificate.hpp)

    /// certificate.annual_review: months between annual reviews (年审), from issue or the last review.
    int certificate_review_interval_months = 12;
    /// certificate.annual_review, certificate.validity: months before the due date an item appears.
    int certificate_review_notice_months = 1;
    /// certificate.validity [U]: validity in months from the issue date; empty (the default) = the
    /// certificate does not expire, since no national validity period was found.
    std::optional<int> certificate_validity_months;
    /// certificate.unique_number: prefix of certificate numbers, e.g. a county organisation
    /// department's code; empty by default (no national prefix).
    std::string certificate_number_prefix;
    /// certificate.unique_number: digits of the zero-padded sequence after the prefix.
    int certificate_number_digits = 6;

    // --- organisational-relationship transfer (transfer.hpp)

    /// transfer.letter_validity [U]: validity of a transfer letter (介绍信) in days after the issue
    /// date. Sources conflict ("≤ 3 months, cross-province ≤ 6 months" vs "10 / 30 days, at most 3
    /// months"); 90 days is the common upper bound, not a confirmed national number.
    int transfer_letter_validity_days = 90;

    // --- lost contact and self-withdrawal (lost_contact.hpp)

    /// lostcontact.suspend_after_6_months: months without contact after which suspension (停止党籍)
    /// is proposed.
    int lost_contact_suspend_months = 6;
    /// lostcontact.removal_after_2_years: years of suspension, still unreachable, after which removal
    /// as self-withdrawal (按自行脱党除名) is proposed.
    int suspended_removal_years = 2;
    /// lostcontact.self_withdrawal_6_months, dues.unpaid_6_months: consecutive months without
    /// organisational life, dues or assigned work after which the member is a self-withdrawal candidate
    /// (党章 第9条); the one parameter of the rule, for all three grounds (`self_withdrawal_from`).
    int self_withdrawal_months = 6;
    /// lostcontact.suspend_after_6_months, lostcontact.removal_after_2_years: months before a
    /// threshold that the approaching candidate appears on the agenda as upcoming.
    int lost_contact_notice_months = 1;

    // --- members abroad and graduates (abroad.hpp)

    /// abroad.suspend_emigrated_or_5_years: a member studying abroad for more than this many years
    /// without returning is generally suspended (停止党籍).
    int abroad_suspend_years = 5;
    /// abroad.contact_half_yearly: months between contacts with a member studying or researching abroad.
    int abroad_contact_interval_months = 6;
    /// abroad.graduate_relationship_2_years: years a graduate's relationship may stay at the university.
    int graduate_relationship_max_years = 2;

    friend bool operator==(mobility_params const&, mobility_params const&) = default;
};

}  // namespace dangyuan
