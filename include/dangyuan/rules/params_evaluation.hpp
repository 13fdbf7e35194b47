#pragma once
/// \file
/// Rule-set parameters of democratic evaluation (民主评议党员) and disposition of unqualified members.
/// Part of `rule_set` (rules/rule_set.hpp); every number the domain's rules use lives here.

namespace dangyuan {

/// A share written as a fraction, compared exactly in integers (`count * denominator <= total *
/// numerator`), so that "one third" never meets a rounded decimal.
struct share_limit {
    int numerator = 1;    ///< must be >= 0
    int denominator = 3;  ///< must be > 0

    friend bool operator==(share_limit const&, share_limit const&) = default;
};

/// Parameters of democratic evaluation (民主评议党员) and disposition of unqualified members. Defaults are
/// the national baseline.
struct evaluation_params {
    /// eval.excellent_share_cap: 优秀 generally at most this share of the full members whose organisational
    /// relationship is in the organisation (probationary members excluded from the denominator).
    share_limit excellent_share_max{1, 3};
    /// eval.excellent_share_cap: false (national "generally", 一般不超过) accepts a grade over the cap when a
    /// reason is recorded; true refuses it even with a reason (a profile may tighten).
    bool excellent_cap_hard = false;
    /// eval.one_ballot_per_evaluator: false (default) keeps only the tally per member and the set of
    /// evaluators who voted on them, never who chose what; true keeps each evaluator's choice as well.
    bool keep_ballot_identity = false;
    /// eval.exemption_absence_over_6_months: months of absence (abroad at own expense, or away without
    /// transferring the relationship) that must be exceeded before a member may be exempted.
    int exemption_absence_months = 6;
    /// eval.yearly: from this month (1-12) of the next year, a branch with full members that held no
    /// evaluation for a year gets a finding; 1 (default) = as soon as the year is over.
    unsigned yearly_evaluation_from_month = 1;
    /// eval.party_spirit_analysis_periodic [U]: months between stand-alone party-spirit analyses
    /// (党性分析) of each member; 0 (default) = off, the analysis is part of the annual evaluation only.
    int party_spirit_analysis_months = 0;

    /// disposition.correction_period: 限期改正 runs this many months from approval unless the decision
    /// sets another end ("generally 6 months").
    int correction_months_default = 6;
    /// disposition.correction_period: the correction period ends at most this many months after approval
    /// ("at most 1 year").
    int correction_months_max = 12;
    /// disposition.talk_two_full_members: full members who hold the talk with the member.
    int disposition_talkers_min = 2;
    /// disposition.readmission_bar_5_years: years after 劝退 or 除名 during which the person is not
    /// re-admitted; the one parameter of the bar, used by `check_readmission` for the store's
    /// development cases as well.
    int readmission_bar_years = 5;
    /// disposition.correction_review_notice [L]: months before the end of a correction period when the
    /// review appears on the agenda.
    int correction_review_notice_months = 1;

    friend bool operator==(evaluation_params const&, evaluation_params const&) = default;
};

}  // namespace dangyuan
