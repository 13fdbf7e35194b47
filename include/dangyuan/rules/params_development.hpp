#pragma once
/// \file
/// Rule-set parameters of the development pipeline (发展党员).
/// Part of `rule_set` (rules/rule_set.hpp); every number the pipeline's rules use lives here. Months
/// are calendar months (cal.month_end_clamp); 0 in an optional limit means "not required".

namespace dangyuan {

/// Parameters of the development pipeline. Defaults are the national 2014 baseline.
struct development_params {
    int applicant_min_age = 18;                  ///< dev.applicant_min_age_18
    int talk_within_months = 1;                  ///< dev.talk_within_1_month
    int activist_after_application_months = 0;   ///< [L] dev.activist_after_application (0: no minimum)
    int contacts_min = 1;                        ///< dev.contacts_1_to_2
    int contacts_max = 2;                        ///< dev.contacts_1_to_2
    int assessment_every_months = 6;             ///< dev.half_year_assessment
    int cultivation_min_months = 12;             ///< dev.activist_min_1_year
    int introducers = 2;                         ///< dev.two_introducers
    int training_min_days = 3;                   ///< dev.training_3_days_or_24_hours
    int training_min_hours = 24;                 ///< dev.training_3_days_or_24_hours (class hours)
    int leaving_window_months = 3;               ///< dev.leaving_within_3_months
    int public_notice_working_days = 0;          ///< [L] dev.public_notice (0: no notice required)
    bool public_notice_first_day_counts = true;  ///< [U] whether the first notice day counts
    /// [L] dev.public_notice: the steps a notice of `public_notice_working_days` must precede (公示制):
    /// determining an activist, a development target, the admission meeting, the conversion meeting.
    bool public_notice_before_activist = false;
    bool public_notice_before_target = true;       ///< see public_notice_before_activist
    bool public_notice_before_admission = true;    ///< see public_notice_before_activist
    bool public_notice_before_conversion = false;  ///< see public_notice_before_activist
    int meeting_after_pre_review_months = 0;       ///< [L] dev.meeting_within_1_month_of_pre_review (0: none)
    int approval_within_months = 3;                ///< dev.approval_within_3_months
    int approval_extended_max_months = 6;  ///< dev.approval_within_3_months (special cases, with a reason)
    int oath_after_approval_months = 0;    ///< [L]/[U] dev.oath_within_1_month (0: no limit)
    int probation_months = 12;             ///< dev.probation_1_year
    int extension_min_months = 6;          ///< dev.extension_6_to_12_months
    int extension_max_months = 12;         ///< dev.extension_6_to_12_months
    /// dev.conversion_application_at_probation_end: the written conversion application is made when
    /// probation ends, at the earliest this many months before its end.
    int conversion_application_ahead_months = 1;
    /// dev.conversion_discussed_promptly: the branch discusses the conversion when probation ends, at the
    /// latest this many months after its end ("及时": the number is this library's reading, [U]).
    int conversion_prompt_months = 1;
    /// dev.conversion_postponed_transferred_in: for a probationary member transferred in (转入) during
    /// probation the discussion may be postponed by at most this many months after its end.
    int conversion_postpone_max_months = 6;
    int conversion_approval_months = 3;  ///< dev.conversion_approval_within_3_months
    /// dev.conversion_approval_within_3_months: in special cases, with a reason, at most this many months.
    int conversion_approval_extended_max_months = 6;
    int notice_ahead_months = 1;  ///< agenda: how early an upcoming deadline is shown

    friend bool operator==(development_params const&, development_params const&) = default;
};

}  // namespace dangyuan
