#pragma once
/// \file
/// Store operations of village and community decisions by the 四议两公开 method (重大事项决策), as free
/// functions over `dangyuan::store`.
///
/// **What is stored.** A case is stored as its records (`decision_records`, one row per record with the
/// columns of all kinds, each kind reading and writing its own) under a head row (`decision_cases`: the
/// organisation, the subject, the rule set, the derived stage) and read back by replay.
///
/// **Commands.** Each command loads the case, checks the new record with the pure rules
/// (`check_record`, decision/decision_case.hpp) under the rule set the case was opened with, and only
/// then writes, in one transaction with one audit row. A refused command writes nothing.
///
/// **Access** (core/access.hpp). Commands need `manage_organisations` on the case's organisation; reads
/// of one case need `read_roster` there; the list narrows its scope to the principal's subtree. A refusal
/// throws access_denied and writes only its audit record.

#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dangyuan/decision/decision_case.hpp"
#include "dangyuan/storage/store.hpp"

namespace dangyuan {

/// The schema version that added the decision tables (`decision_cases`, `decision_records`).
inline constexpr int decision_schema_version = 13;

/// One line of the list of cases (derived from the head row and the last record).
struct decision_summary {
    decision_id id;
    org_id org;
    std::string org_name;
    std::string subject;
    std::string rule_set_name;
    decision_stage stage = decision_stage::proposed;
    date::sys_days proposed_on{};  ///< the date of the proposal
    date::sys_days last_date{};    ///< the date of the last record

    friend bool operator==(decision_summary const&, decision_summary const&) = default;
};

/// Opens a decision case of organisation `org` with its proposal (党组织提议). The case remembers the
/// rule set it was opened under (empty name: the store's own).
/// \pre `org` is a village or community organisation (`org_unit::village_or_community`) existing on the
///      proposal's date.
/// \throws not_found for an unknown organisation or rule set; invalid_input ("org", "subject", "date" in
///         the future); access_denied without manage_organisations on `org`.
decision_id open_decision(store& s, org_id org, proposed const& first, std::string const& rule_set_name = {},
                          std::string_view why = {});

/// Checks `r` against the replayed case (check_record) and appends it.
/// \throws not_found for an unknown case; invalid_input naming the field; rule_violation naming the rule
///         (decision.*); conflict when another writer changed the case meanwhile; access_denied without
///         manage_organisations on the case's organisation.
void record_decision(store& s, decision_id id, decision_record const& r, std::string_view why = {});

/// The case with all its records.
/// \throws not_found for an unknown case; access_denied without read_roster on its organisation.
[[nodiscard]] decision_case get_decision(store const& s, decision_id id);

/// The cases of the organisations in `requested` (narrowed to what the principal may see), by
/// organisation and proposal date.
[[nodiscard]] std::vector<decision_summary> decisions(store const& s, scope requested = scope::all());

}  // namespace dangyuan
