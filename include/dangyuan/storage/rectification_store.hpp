#pragma once
/// \file
/// Store operations of the rectification of weak organisations (软弱涣散党组织, 后进社区整顿), as free
/// functions over `dangyuan::store`.
///
/// **What is stored.** A designation is one row (`rectifications`: the organisation, date, kind, batch,
/// reasons, removal) with its contacts of 四联四帮 (`rectification_contacts`), plan milestones
/// (`rectification_milestones`), public commitments (`rectification_commitments`), open evaluations
/// (`rectification_evaluations`) and acceptance reviews (`rectification_reviews`).
///
/// **Scope.** A designation belongs to the designated organisation: lists, statistics and the agenda of a
/// scope select by it.
///
/// **Commands.** Each command reads the designation, checks the new record with the pure rules
/// (rectification/rectification.hpp), and only then writes, in one transaction with one audit row (entity
/// "rectification"). A refused command writes nothing.
///
/// **Rule set.** A designation keeps the name of the rule set it was made under (the store's rule set on
/// that day, `rectification::rule_set_name`, schema version 20); its deadlines on the agenda and in the
/// statistics are judged by that rule set, like a model post's. Designations recorded before schema
/// version 20 were given 'national-2014'.
///
/// **Access** (core/access.hpp). Commands need `manage_organisations` on the designated organisation;
/// reads need `read_roster` on it; lists and statistics narrow their scope to the principal's subtree.

#include <date/date.h>

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "dangyuan/rectification/rectification.hpp"
#include "dangyuan/rectification/rectification_agenda.hpp"
#include "dangyuan/storage/store.hpp"

namespace dangyuan {

/// The schema version that added the rectification tables (`rectifications`, `rectification_contacts`,
/// `rectification_milestones`, `rectification_commitments`, `rectification_evaluations`,
/// `rectification_reviews`).
inline constexpr int rectification_schema_version = 18;

/// Designates an organisation for rectification (列入整顿).
/// \throws not_found for an unknown organisation; invalid_input ("reasons", "other_reason", "batch",
///         "note"); rule_violation rectification.org_exists, rectification.one_open_designation,
///         record.not_in_future (every command: a date after the store's today); access_denied.
rectification_id designate_for_rectification(store& s, rectification_designation const& d,
                                             std::string_view why = {});

/// Assigns a contact of 四联四帮 (for a paired community the name is filled in from the organisation).
/// \throws not_found for an unknown designation or paired organisation; invalid_input ("rectification",
///         "start", "end", "name", "org"); rule_violation rectification.paired_community_eligible;
///         access_denied.
void assign_rectification_contact(store& s, rectification_id id, rectification_contact const& c,
                                  std::string_view why = {});

/// Adds a milestone to the plan (整顿方案); returns its number (1, 2, …).
/// \throws not_found; invalid_input ("rectification", "text", "completed_on"); rule_violation
///         rectification.milestone_after_designation; access_denied.
int add_rectification_milestone(store& s, rectification_id id, rectification_milestone const& m,
                                std::string_view why = {});

/// Records milestone `number` completed on `on`.
/// \throws not_found; invalid_input ("rectification", "milestone", "date"); access_denied.
void complete_rectification_milestone(store& s, rectification_id id, int number, date::sys_days on,
                                      std::string_view why = {});

/// Records a public commitment (公开式承诺).
/// \throws not_found; invalid_input ("rectification", "date", "text"); access_denied.
void record_rectification_commitment(store& s, rectification_id id, rectification_commitment const& c,
                                     std::string_view why = {});

/// Records an open evaluation (开放式评价).
/// \throws not_found; invalid_input ("rectification", "date", the tallies); access_denied.
void record_rectification_evaluation(store& s, rectification_id id, rectification_evaluation const& e,
                                     std::string_view why = {});

/// Records an acceptance review (验收).
/// \throws not_found; invalid_input ("rectification", "date"); access_denied.
void review_rectification(store& s, rectification_id id, rectification_review const& v,
                          std::string_view why = {});

/// Removes the organisation from the list (销号) on `on`.
/// \throws not_found; invalid_input ("rectification", "date"); rule_violation
///         rectification.removal_after_acceptance; conflict; access_denied.
void remove_from_rectification(store& s, rectification_id id, date::sys_days on, std::string_view why = {});

/// The designation with everything recorded on it.
/// \throws not_found; access_denied without read_roster on the organisation.
[[nodiscard]] rectification get_rectification(store const& s, rectification_id id);

/// The designations of the organisations in `requested` (narrowed to what the principal may see), made
/// in `year` when given, by organisation, date and id.
/// \throws invalid_input ("year") for a year outside 1-9999.
[[nodiscard]] std::vector<rectification> rectifications(store const& s, scope requested = scope::all(),
                                                        std::optional<int> year = std::nullopt);

/// The rule set designation `r` was made under (`r.rule_set_name`, store::rule_set_named): the one its
/// deadlines are judged by, on the agenda, in the statistics and in `dangyuan rectify show`.
/// \throws not_found when that rule set is neither the national one, the store's own nor registered.
[[nodiscard]] rule_set rectification_rules(store const& s, rectification const& r);

/// The figures of `year` for the designations of the organisations in `requested` (narrowed to what the
/// principal may see), each designation's deadline judged by the rule set it was made under.
/// \throws invalid_input ("year").
[[nodiscard]] rectification_statistics rectification_statistics_of(store const& s, int year,
                                                                   scope requested = scope::all());

}  // namespace dangyuan
