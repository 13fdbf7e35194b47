#pragma once
/// \file
/// Rule-set parameters of the party-building appraisal (党建工作述职评议考核) and accountability (党建工作
/// 问责). Part of `rule_set` (rules/rule_set.hpp). Every number here is local practice [L]: the district's
/// plan (区2020年组织工作要点, items 7 and 8) fixes none, so a district sets them in its profile
/// (rules/profile.hpp).

namespace dangyuan {

/// Parameters of the yearly appraisal cycle and of accountability (述职评议考核, 问责).
struct appraisal_params {
    /// appraisal.report_by_deadline [L]: the secretaries of a cycle for year Y report (述职) by the last
    /// day of this month of year Y+1 (1-12), or by the cycle's close when that is earlier. 0 = no deadline
    /// but the close. Default 3 (31 March); a profile may lower it (e.g. 1, January).
    int report_by_month = 3;
    /// appraisal.rectify_deadline [L]: the longest time, in months, a rectification within a deadline
    /// (限期整改) may be given, and its deadline when none is stated (the decision's date plus this many
    /// months, clamped to the month's end). At least 1. Default 3; a profile may lower it.
    int rectify_months = 3;
    /// appraisal.followup_poor [L]: an organisation rated 差 (or below `min_satisfaction_percent`) has an
    /// accountability record (问责) within this many days of its rating. 0 = not followed up on the agenda.
    /// Default 30; a profile may lower it.
    int followup_days = 30;
    /// appraisal.followup_poor [L]: a satisfaction survey (满意度测评) whose share of satisfied and basically
    /// satisfied answers is below this percentage needs the same follow-up as a rating of 差. 0 = off (the
    /// default); a profile may raise it (e.g. 60).
    int min_satisfaction_percent = 0;
    /// How many months before its due date an appraisal item shows on the agenda as upcoming
    /// (presentation only). Default 1.
    int notice_months = 1;

    friend bool operator==(appraisal_params const&, appraisal_params const&) = default;
};

}  // namespace dangyuan
