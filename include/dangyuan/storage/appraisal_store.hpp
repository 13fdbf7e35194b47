#pragma once
/// \file
/// Store operations of the party-building appraisal (党建工作述职评议考核) and accountability (问责), as
/// free functions over `dangyuan::store`.
///
/// **What is stored.** Cycles (`appraisal_cycles`: year, organiser, levels, opening and close), reports
/// (`appraisal_reports`: one per organisation and cycle, with the reporter), their appraisals
/// (`appraisal_ratings`: one per report, the vote tallies, the satisfaction survey, the grade; corrected in
/// place while the cycle is open, the audit trail keeping the values before), the uses
/// of the results (`appraisal_applications`) and accountability records (`accountability_records`).
///
/// **Scope.** A cycle belongs to its organiser, a report and its appraisal to the organisation that
/// reported, an accountability record to the organisation held to account: lists, statistics and the
/// agenda of a scope select by that organisation.
///
/// **Commands.** Each command reads what it checks, checks it with the pure rules
/// (appraisal/appraisal.hpp) under the store's rule set and only then writes, in one transaction with one
/// audit row (entity "appraisal"). A refused command writes nothing.
///
/// **Access** (core/access.hpp). Commands of a cycle (open, close, report, appraise, apply) need
/// `run_evaluations` on the cycle's organiser; an accountability record and its completion need
/// `run_evaluations` on the organisation held to account. Reads need `read_roster` on the organisation
/// concerned; lists and statistics narrow their scope to the principal's subtree.

#include <date/date.h>

#include <array>
#include <optional>
#include <string_view>
#include <vector>

#include "dangyuan/appraisal/appraisal.hpp"
#include "dangyuan/appraisal/appraisal_statistics.hpp"
#include "dangyuan/storage/store.hpp"

namespace dangyuan {

/// The schema version that added the appraisal tables (`appraisal_cycles`, `appraisal_reports`,
/// `appraisal_ratings`, `appraisal_applications`, `accountability_records`).
inline constexpr int appraisal_schema_version = 17;

/// Opens an appraisal cycle (述职评议考核). Returns its id.
/// \throws not_found for an unknown organiser; invalid_input{"year"}, {"levels"}, {"opened_on"};
///         rule_violation appraisal.cycle_organiser, record.not_in_future; access_denied.
appraisal_cycle_id open_appraisal_cycle(store& s, appraisal_cycle const& c, std::string_view why = {});

/// Closes cycle `id` on `on` (its last day).
/// \throws not_found; invalid_input{"cycle"} when closed already; rule_violation
///         appraisal.report_within_cycle, record.not_in_future; access_denied.
void close_appraisal_cycle(store& s, appraisal_cycle_id id, date::sys_days on, std::string_view why = {});

/// Records a secretary's report (述职); without `reporter`, the organisation's secretary in office on the
/// date reports. Returns its id.
/// \throws not_found for an unknown cycle, organisation or member; rule_violation
///         appraisal.report_within_cycle, appraisal.cycle_scope, appraisal.one_report_per_cycle,
///         appraisal.reporter_secretary, record.not_in_future; access_denied.
appraisal_report_id record_appraisal_report(store& s, appraisal_report const& r, std::string_view why = {});

/// Records the appraisal (评议) of a report; returns the grade given.
/// \throws not_found for an unknown report; rule_violation appraisal.tally_valid,
///         appraisal.rating_after_report, appraisal.grade_override_reason, record.not_in_future;
///         access_denied.
appraisal_grade rate_appraisal_report(store& s, appraisal_rating const& r, std::string_view why = {});

/// Corrects the recorded appraisal of report `r.report` (更正评议结果): the same record, on its day
/// (`r.rated_on` is that of the recorded appraisal), takes the tallies, grade, override reason and note of
/// `r`, for `correction_reason` (required), while the cycle is open. The audit row (action
/// "rating_corrected") holds the reason and the values before and after. The agenda's follow-up of a
/// poor result (appraisal.followup_poor) and the statistics follow the corrected grade. Returns the
/// grade given.
/// \throws not_found for an unknown report; invalid_input{"report"} (not appraised yet),
///         {"correction_reason"} (empty), {"rated_on"} (another day), {"rating"} (changes nothing);
///         rule_violation appraisal.correction_before_close (the cycle is closed), appraisal.tally_valid,
///         appraisal.grade_override_reason; conflict when it changed meanwhile; access_denied.
appraisal_grade correct_appraisal_rating(store& s, appraisal_rating const& r,
                                         std::string_view correction_reason, std::string_view why = {});

/// Records a use of the result of an appraised report (结果运用).
/// \throws not_found; invalid_input{"use"}; rule_violation appraisal.apply_after_rating,
///         record.not_in_future; access_denied.
void apply_appraisal_result(store& s, appraisal_application const& a, std::string_view why = {});

/// Records an accountability record (问责); a rectification without a deadline gets the latest one the
/// rule set allows. Returns its id.
/// \throws not_found for an unknown organisation, member or cycle; invalid_input{"reason"},
///         {"deadline"}, {"decision"}, {"completed_on"}; rule_violation appraisal.rectify_deadline,
///         appraisal.treatment_decision, appraisal.cycle_scope (the organisation is outside the cycle
///         named), record.not_in_future; access_denied.
accountability_id record_accountability(store& s, accountability_record const& r, std::string_view why = {});

/// Records the completion of rectification `id` on `on` (a completion after the deadline is recorded
/// and counted late).
/// \throws not_found; invalid_input{"accountability"}; rule_violation appraisal.rectify_by_deadline,
///         record.not_in_future; access_denied.
void complete_rectification(store& s, accountability_id id, date::sys_days on, std::string_view why = {});

/// The cycle with this id.
/// \throws not_found; access_denied.
[[nodiscard]] appraisal_cycle get_appraisal_cycle(store const& s, appraisal_cycle_id id);

/// The cycles organised in `requested` (narrowed to what the principal may see), of `year` when given,
/// by year, organiser and id.
[[nodiscard]] std::vector<appraisal_cycle> appraisal_cycles(store const& s, scope requested = scope::all(),
                                                            std::optional<int> year = std::nullopt);

/// The reports of cycle `id` the principal may see, by date and id.
/// \throws not_found; access_denied.
[[nodiscard]] std::vector<appraisal_report> appraisal_reports(store const& s, appraisal_cycle_id id);

/// The report with this id.
/// \throws not_found; access_denied.
[[nodiscard]] appraisal_report get_appraisal_report(store const& s, appraisal_report_id id);

/// The appraisal of a report, or nothing when it is not appraised yet.
/// \throws not_found; access_denied.
[[nodiscard]] std::optional<appraisal_rating> appraisal_rating_of(store const& s, appraisal_report_id id);

/// The uses of a report's result, by date.
/// \throws not_found; access_denied.
[[nodiscard]] std::vector<appraisal_application> appraisal_applications(store const& s,
                                                                        appraisal_report_id id);

/// The accountability record with this id.
/// \throws not_found; access_denied.
[[nodiscard]] accountability_record get_accountability(store const& s, accountability_id id);

/// The accountability records of the organisations in `requested` (narrowed to what the principal may
/// see), decided in `year` when given, by date and id.
[[nodiscard]] std::vector<accountability_record> accountability_records(
    store const& s, scope requested = scope::all(), std::optional<int> year = std::nullopt);

/// The figures of `year` for the organisations in `requested` (narrowed to what the principal may see).
[[nodiscard]] appraisal_statistics appraisal_statistics_of(store const& s, int year,
                                                           scope requested = scope::all());

}  // namespace dangyuan
