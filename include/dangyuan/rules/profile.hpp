#pragma once
/// \file
/// Local profiles (地方规定): rule sets derived from the national baseline that may only tighten or
/// add rules, never weaken a national one, and their text form for storage.
///
/// One table lists every tunable parameter with the direction in which it is stricter; the same
/// table drives `check_tightens`, `to_text` and `rule_set_from_text`.

#include <array>
#include <charconv>
#include <functional>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

#include "dangyuan/core/errors.hpp"
#include "dangyuan/rules/catalogue.hpp"
#include "dangyuan/rules/rule_set.hpp"

namespace dangyuan {

/// In which direction a parameter is stricter.
enum class stricter_when {
    higher,       ///< a larger value is stricter (a minimum age, a minimum of class hours)
    lower,        ///< a smaller value is stricter (a deadline in months)
    limit_lower,  ///< 0 means "no limit"; setting one is stricter, and a smaller one more so
    fixed,        ///< national value; a profile may not change it
    free,         ///< presentation only (how early the agenda warns); any value allowed
};

namespace detail {
struct rule_parameter {
    std::string_view key;
    std::string_view rule_id;
    stricter_when direction;
    int& (*ref)(rule_set&);
};
#define DANGYUAN_PARAM(key, rule, dir, member)                                      \
    rule_parameter {                                                                \
        key, rule, stricter_when::dir, [](rule_set& r) -> int& { return r.member; } \
    }
inline constexpr std::array rule_parameters{
    DANGYUAN_PARAM("min_age_years", "member.min_age_18", higher, min_age_years),
    DANGYUAN_PARAM("term_expiry_notice_months", "org.term_expiry_notice", free, term_expiry_notice_months),
    DANGYUAN_PARAM("dev.applicant_min_age", "dev.applicant_min_age_18", higher,
                   development.applicant_min_age),
    DANGYUAN_PARAM("dev.talk_within_months", "dev.talk_within_1_month", lower,
                   development.talk_within_months),
    DANGYUAN_PARAM("dev.activist_after_application_months", "dev.activist_after_application", higher,
                   development.activist_after_application_months),
    DANGYUAN_PARAM("dev.contacts_min", "dev.contacts_1_to_2", higher, development.contacts_min),
    DANGYUAN_PARAM("dev.contacts_max", "dev.contacts_1_to_2", lower, development.contacts_max),
    DANGYUAN_PARAM("dev.assessment_every_months", "dev.half_year_assessment", lower,
                   development.assessment_every_months),
    DANGYUAN_PARAM("dev.cultivation_min_months", "dev.activist_min_1_year", higher,
                   development.cultivation_min_months),
    DANGYUAN_PARAM("dev.introducers", "dev.two_introducers", fixed, development.introducers),
    DANGYUAN_PARAM("dev.training_min_days", "dev.training_3_days_or_24_hours", higher,
                   development.training_min_days),
    DANGYUAN_PARAM("dev.training_min_hours", "dev.training_3_days_or_24_hours", higher,
                   development.training_min_hours),
    DANGYUAN_PARAM("dev.leaving_window_months", "dev.leaving_within_3_months", higher,
                   development.leaving_window_months),
    DANGYUAN_PARAM("dev.public_notice_working_days", "dev.public_notice", higher,
                   development.public_notice_working_days),
    DANGYUAN_PARAM("dev.meeting_after_pre_review_months", "dev.meeting_within_1_month_of_pre_review",
                   limit_lower, development.meeting_after_pre_review_months),
    DANGYUAN_PARAM("dev.approval_within_months", "dev.approval_within_3_months", lower,
                   development.approval_within_months),
    DANGYUAN_PARAM("dev.approval_extended_max_months", "dev.approval_within_3_months", lower,
                   development.approval_extended_max_months),
    DANGYUAN_PARAM("dev.oath_after_approval_months", "dev.oath_within_1_month", limit_lower,
                   development.oath_after_approval_months),
    DANGYUAN_PARAM("dev.probation_months", "dev.probation_1_year", fixed, development.probation_months),
    DANGYUAN_PARAM("dev.extension_min_months", "dev.extension_6_to_12_months", fixed,
                   development.extension_min_months),
    DANGYUAN_PARAM("dev.extension_max_months", "dev.extension_6_to_12_months", fixed,
                   development.extension_max_months),
    DANGYUAN_PARAM("dev.conversion_postpone_max_months", "dev.conversion_after_probation", lower,
                   development.conversion_postpone_max_months),
    DANGYUAN_PARAM("dev.conversion_approval_months", "dev.conversion_approval_within_3_months", lower,
                   development.conversion_approval_months),
    DANGYUAN_PARAM("dev.readmission_bar_years", "dev.readmission_bar", higher,
                   development.readmission_bar_years),
    DANGYUAN_PARAM("dev.notice_ahead_months", "dev.talk_within_1_month", free,
                   development.notice_ahead_months),
    DANGYUAN_PARAM("mob.mobile_after_months", "mobility.mobile_member_6_months", lower,
                   mobility.mobile_after_months),
    DANGYUAN_PARAM("mob.transfer_after_months", "mobility.transfer_fixed_place_6_months", lower,
                   mobility.transfer_after_months),
    DANGYUAN_PARAM("mob.yearly_report_interval_months", "mobility.yearly_report", lower,
                   mobility.yearly_report_interval_months),
    DANGYUAN_PARAM("mob.certificate_review_interval_months", "certificate.annual_review", lower,
                   mobility.certificate_review_interval_months),
    DANGYUAN_PARAM("mob.transfer_letter_validity_days", "transfer.letter_validity", lower,
                   mobility.transfer_letter_validity_days),
    DANGYUAN_PARAM("mob.lost_contact_suspend_months", "lostcontact.suspend_after_6_months", fixed,
                   mobility.lost_contact_suspend_months),
    DANGYUAN_PARAM("mob.suspended_removal_years", "lostcontact.removal_after_2_years", fixed,
                   mobility.suspended_removal_years),
    DANGYUAN_PARAM("mob.self_withdrawal_months", "lostcontact.self_withdrawal_6_months", fixed,
                   mobility.self_withdrawal_months),
    DANGYUAN_PARAM("mob.mobility_notice_months", "mobility.mobile_member_6_months", free,
                   mobility.mobility_notice_months),
    DANGYUAN_PARAM("mob.certificate_review_notice_months", "certificate.annual_review", free,
                   mobility.certificate_review_notice_months),
    DANGYUAN_PARAM("mob.lost_contact_notice_months", "lostcontact.suspend_after_6_months", free,
                   mobility.lost_contact_notice_months),
    DANGYUAN_PARAM("eval.excellent_share_numerator", "eval.excellent_share_cap", lower,
                   evaluation.excellent_share_max.numerator),
    DANGYUAN_PARAM("eval.excellent_share_denominator", "eval.excellent_share_cap", higher,
                   evaluation.excellent_share_max.denominator),
    DANGYUAN_PARAM("eval.exemption_absence_months", "eval.exemption_absence_over_6_months", higher,
                   evaluation.exemption_absence_months),
    DANGYUAN_PARAM("eval.correction_months_default", "disposition.correction_period", free,
                   evaluation.correction_months_default),
    DANGYUAN_PARAM("eval.correction_months_max", "disposition.correction_period", lower,
                   evaluation.correction_months_max),
    DANGYUAN_PARAM("eval.disposition_talkers_min", "disposition.talk_two_full_members", higher,
                   evaluation.disposition_talkers_min),
    DANGYUAN_PARAM("eval.readmission_bar_years", "disposition.readmission_bar_5_years", higher,
                   evaluation.readmission_bar_years),
    DANGYUAN_PARAM("eval.correction_review_notice_months", "disposition.correction_review_notice", free,
                   evaluation.correction_review_notice_months),
    DANGYUAN_PARAM("life.back_payment_max_months", "dues.back_payment_6_months", lower,
                   life.back_payment_max_months),
    DANGYUAN_PARAM("life.unpaid_streak_months", "dues.unpaid_6_months", fixed, life.unpaid_streak_months),
};

// Switches: the value that is stricter, or none when either is allowed.
struct bool_parameter {
    std::string_view key;
    std::string_view rule_id;
    std::optional<bool> stricter;
    bool& (*ref)(rule_set&);
};
#define DANGYUAN_SWITCH(key, rule, stricter, member)                       \
    bool_parameter {                                                       \
        key, rule, stricter, [](rule_set& r) -> bool& { return r.member; } \
    }
inline constexpr std::array bool_parameters{
    DANGYUAN_SWITCH("dev.public_notice_first_day_counts", "dev.public_notice", std::optional(false),
                    development.public_notice_first_day_counts),
    DANGYUAN_SWITCH("party_age_excludes_suspension", "standing.party_age_suspension", std::optional<bool>{},
                    party_age_excludes_suspension),
    DANGYUAN_SWITCH("eval.excellent_cap_hard", "eval.excellent_share_cap", std::optional(true),
                    evaluation.excellent_cap_hard),
    DANGYUAN_SWITCH("eval.keep_ballot_identity", "eval.one_ballot_per_evaluator", std::optional<bool>{},
                    evaluation.keep_ballot_identity),
    DANGYUAN_SWITCH("life.training_prorate_joiners", "training.mid_year_joiner", std::optional(false),
                    life.training_prorate_joiners),
};
#undef DANGYUAN_SWITCH
#undef DANGYUAN_PARAM

inline bool weakens(stricter_when dir, int national, int local) {
    switch (dir) {
        case stricter_when::higher:
            return local < national;
        case stricter_when::lower:
            return local > national;
        case stricter_when::limit_lower:
            return national != 0 && (local == 0 || local > national);
        case stricter_when::fixed:
            return local != national;
        case stricter_when::free:
            return false;
    }
    return true;
}
}  // namespace detail

/// Checks that `profile` only tightens `base` (normally the national set).
/// \throws rule_violation rules.profile_cannot_weaken naming the first parameter that weakens a rule.
inline void check_tightens(rule_set const& base, rule_set const& profile) {
    auto b = base;
    auto p = profile;
    for (auto const& param : detail::rule_parameters) {
        int const nat = param.ref(b), loc = param.ref(p);
        if (detail::weakens(param.direction, nat, loc))
            throw violation("rules.profile_cannot_weaken",
                            "profile '" + profile.name + "' sets " + std::string(param.key) + " = " +
                                std::to_string(loc) + " against " + std::to_string(nat) + " in '" +
                                base.name + "' (rule " + std::string(param.rule_id) + ")");
    }
    for (auto const& sw : detail::bool_parameters) {
        bool const nat = sw.ref(b), loc = sw.ref(p);
        if (sw.stricter && nat == *sw.stricter && loc != nat)
            throw violation("rules.profile_cannot_weaken",
                            "profile '" + profile.name + "' sets " + std::string(sw.key) + " = " +
                                (loc ? "1" : "0") + " against " + (nat ? "1" : "0") + " in '" + base.name +
                                "' (rule " + std::string(sw.rule_id) + ")");
    }
}

/// A profile derived from the national baseline by `change`, checked with `check_tightens`.
/// \throws invalid_input{"name"} for an empty or national name; rule_violation when it weakens a rule.
inline rule_set make_profile(std::string name, std::function<void(rule_set&)> const& change) {
    if (name.empty() || name == rule_set::national_2014().name)
        throw invalid_input("name", "a local profile needs its own name, got '" + name + "'");
    auto r = rule_set::national_2014();
    r.name = std::move(name);
    change(r);
    check_tightens(rule_set::national_2014(), r);
    return r;
}

/// An example local profile as many provinces practise it [L]: public notice of 5 working days before
/// listing a development target and before admission, branch meeting within 1 month of the pre-review,
/// oath within 1 month of approval.
[[nodiscard]] inline rule_set local_profile_example() {
    return make_profile("local-5wd", [](rule_set& r) {
        r.development.public_notice_working_days = 5;
        r.development.meeting_after_pre_review_months = 1;
        r.development.oath_after_approval_months = 1;
    });
}

/// The text form of a rule set: `name=...` then one `key=value` line per parameter.
[[nodiscard]] inline std::string to_text(rule_set const& rules) {
    auto r = rules;
    std::string out = "name=" + r.name + "\n";
    for (auto const& p : detail::rule_parameters)
        out += std::string(p.key) + "=" + std::to_string(p.ref(r)) + "\n";
    for (auto const& sw : detail::bool_parameters)
        out += std::string(sw.key) + "=" + (sw.ref(r) ? "1" : "0") + "\n";
    return out;
}

/// Parses the text form; parameters not mentioned keep their national values.
/// \throws invalid_input{"rule_set"} naming the line for unknown keys or bad values.
[[nodiscard]] inline rule_set rule_set_from_text(std::string_view text) {
    auto r = rule_set::national_2014();
    std::istringstream in{std::string(text)};
    int line_no = 0;
    for (std::string line; std::getline(in, line);) {
        ++line_no;
        if (line.empty()) continue;
        auto const eq = line.find('=');
        auto bad = [&](std::string const& why) {
            return invalid_input("rule_set", "line " + std::to_string(line_no) + " '" + line + "': " + why);
        };
        if (eq == std::string::npos) throw bad("expected key=value");
        auto const key = line.substr(0, eq);
        auto const value = line.substr(eq + 1);
        if (key == "name") {
            r.name = value;
            continue;
        }
        int v = 0;
        auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
        if (ec != std::errc{} || ptr != value.data() + value.size()) throw bad("not an integer");
        bool found = false;
        for (auto const& p : detail::rule_parameters)
            if (p.key == key) {
                p.ref(r) = v;
                found = true;
            }
        for (auto const& sw : detail::bool_parameters)
            if (sw.key == key) {
                sw.ref(r) = v != 0;
                found = true;
            }
        if (!found) throw bad("unknown parameter");
    }
    return r;
}

}  // namespace dangyuan
