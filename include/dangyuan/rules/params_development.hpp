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
    int meeting_after_pre_review_months = 0;     ///< [L] dev.meeting_within_1_month_of_pre_review (0: none)
    int approval_within_months = 3;              ///< dev.approval_within_3_months
    int approval_extended_max_months = 6;    ///< dev.approval_within_3_months (special cases, with a reason)
    int oath_after_approval_months = 0;      ///< [L]/[U] dev.oath_within_1_month (0: no limit)
    int probation_months = 12;               ///< dev.probation_1_year
    int extension_min_months = 6;            ///< dev.extension_6_to_12_months
    int extension_max_months = 12;           ///< dev.extension_6_to_12_months
    int conversion_postpone_max_months = 6;  ///< dev.conversion_after_probation (transferred-in members)
    int conversion_approval_months = 3;      ///< dev.conversion_approval_within_3_months
    int notice_ahead_months = 1;             ///< agenda: how early an upcoming deadline is shown

    friend bool operator==(development_params const&, development_params const&) = default;
};

}  // namespace dangyuan
