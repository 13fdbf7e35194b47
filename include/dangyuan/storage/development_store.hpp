#pragma once
/// \file
/// Store operations of the development pipeline (发展党员): cases from the application for membership
/// (入党申请) to the full member (正式党员), their steps, summaries and pipeline statistics.
///
/// Free functions over `dangyuan::store`, like every domain's store header. Every command replays the
/// case, checks the new step with the pure rules of `dangyuan/development/*.hpp` and only then writes,
/// in one transaction with its audit row: a rejected command writes nothing.
///
/// Access (core/access.hpp): commands need `run_development` on the case's branch, the higher party
/// committee's steps (上级党委: activist_filed, target_filed, pre_review, higher_committee_talk,
/// admission_approved, approval_filed, conversion_approved) `approve_as_higher_committee` above it; reads
/// need `read_roster` there and show the applicant masked (masked_record::applicant) without
/// `unmasked_personal_data`. A refusal throws access_denied and writes only its audit record.

#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dangyuan/core/ids.hpp"
#include "dangyuan/development/case.hpp"
#include "dangyuan/development/case_agenda.hpp"
#include "dangyuan/storage/store.hpp"

namespace dangyuan {

/// How a case is opened.
struct case_options {
    /// The registered rule set the case follows (store::register_rule_set); empty: the store's own.
    std::string rule_set_name;
    /// The case is entered after the fact (补录) from paper files: its steps are checked for order and
    /// dates, not against today's roster.
    bool backfilled = false;
};

/// Opens a case with its application (the first record must be application_submitted).
/// \throws not_found for an unknown branch or rule set; invalid_input{"branch"} when the organisation is
///         not a branch, invalid_input{"id_number"} for a person who is a member in normal standing;
///         conflict when the person already has an open case; rule_violation from the case's rules and
///         disposition.readmission_bar_5_years.
/// \throws access_denied without run_development on the applicant's branch.
case_id open_case(store& s, applicant const& person, step_record const& application,
                  case_options const& options = {}, std::string_view why = {});

/// Checks and appends a step. Approval of admission adds the person to the roster as a probationary
/// member; approval of a conversion sets the full-member date; approval of a cancellation records the
/// standing event — all in the same transaction.
/// \throws not_found for an unknown case; invalid_input / rule_violation from the case's rules.
/// \throws access_denied without run_development on the case's branch, or for a step of the higher
///         committee without approve_as_higher_committee above it.
void record_step(store& s, case_id id, step_record const& r, std::string_view why = {});

/// The case, replayed from its records (the applicant masked without unmasked_personal_data).
/// \throws not_found for an unknown case; access_denied without read_roster on its branch.
[[nodiscard]] development_case get_case(store const& s, case_id id);

/// The member the case produced, once admission was approved (nullopt before).
/// \throws not_found for an unknown case; access_denied without read_roster on its branch.
[[nodiscard]] std::optional<member_id> case_member(store const& s, case_id id);

/// One case of a list: who, where, how far.
struct case_summary {
    case_id id;
    std::string name;
    org_id branch;
    stage current = stage::applicant;
    std::optional<case_outcome> outcome;
    std::optional<member_id> member;
};

/// The cases of the branches in scope, by id (the scope narrowed to the principal's subtree).
/// \throws not_found for an unknown scope root; access_denied for a scope outside the subtree.
[[nodiscard]] std::vector<case_summary> cases(store const& s, scope sc = scope::all());

/// Pipeline figures of one stage for a period.
struct stage_statistics {
    stage of = stage::applicant;
    int on_date = 0;             ///< in the stage on the period's last day
    int entered = 0;             ///< entered the stage during the period
    int left = 0;                ///< left the stage during the period
    double mean_dwell_days = 0;  ///< mean days in the stage of those who left it in the period
};

/// Pipeline statistics per stage for a scope over [from, to] (days, both ends included).
/// \throws invalid_input{"to"} when `to` is before `from`; not_found for an unknown scope root;
///         access_denied for a scope outside the principal's subtree.
[[nodiscard]] std::vector<stage_statistics> pipeline_statistics(store const& s, date::sys_days from,
                                                                date::sys_days to, scope sc = scope::all());

}  // namespace dangyuan
