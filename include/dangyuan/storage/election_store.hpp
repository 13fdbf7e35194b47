#pragma once
/// \file
/// Store operations of the election domain (换届选举, free functions over `dangyuan::store`): an election
/// case per organisation and term, stored as its records and read back by replay
/// (election/election_case.hpp).
///
/// **What is stored.** `election_cases` (organisation, the outgoing term's end, the stage as a
/// snapshot), `election_records` (one row per record, one column per field) and their lists in
/// `election_members` (nominees, shortlist, candidates, tallies, the committee, deputies) and
/// `election_write_ins`. Ballots are tallies per candidate; who voted how is never stored.
///
/// **Commands.** Each command loads the case, builds the facts of the record's date from the roster
/// (`election_context`: the members of the organisation and its subtree, and each named member's
/// electoral standing — full member, not under 留党察看, in normal standing, a member of the organisation
/// or one under it), checks the record with the pure rules (`check_record`) and only then writes, in one
/// transaction with one audit row. A refused command writes nothing.
///
/// **The new committee takes office on `secretary_approved`** (election.secretary_approved_by_higher): in
/// the same transaction the organisation's leadership is replaced from the approval's date (secretary,
/// deputies, the other committee members; `store::set_leadership` semantics, org.officers_full_members and
/// org.committee_threshold_7 checked) and its `term_start` set to the day of the electing meeting (the
/// term counts from the election).
///
/// **Access** (core/access.hpp). Opening and the organisation's own records need `manage_organisations`
/// on the organisation; the higher organisation's steps (`request_approved`, `candidates_approved`,
/// `secretary_approved`, `term_extended`, `term_advanced`) need `approve_as_higher_committee` above it.
/// Reads need `read_roster` on the organisation; lists narrow their scope to the principal's subtree.

#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dangyuan/election/election_case.hpp"
#include "dangyuan/election/election_statistics.hpp"
#include "dangyuan/storage/store.hpp"

namespace dangyuan {

/// The schema version that added the election tables (a migration merged before it may renumber it:
/// tests name this constant, not its value).
inline constexpr int election_schema_version = 12;

/// Opens the election of `org` for its current term with its first record, `election_requested`. The
/// case remembers the term's end (`term_end` of the organisation; nothing for a first election).
/// \throws not_found for an unknown organisation; invalid_input naming the field ("org" for an
///         organisation that does not exist on the request's date or elects no committee, a party
///         group); conflict when the organisation has an election not yet completed; rule_violation
///         record.not_in_future, or org.committee_threshold_7 when the form does not fit the full members
///         on the request's day (a branch of fewer than seven elects `without_committee`, one of seven or
///         more a committee; only a branch elects without a committee); access_denied without
///         manage_organisations on `org`.
election_id open_election(store& s, org_id org, election_requested const& first, std::string_view why = {});

/// Checks `r` against the replayed case and the roster on the record's date (see the file comment),
/// then appends it; on `secretary_approved` the leadership and the term start change in the same
/// transaction.
/// \throws not_found for an unknown case; invalid_input naming the field; rule_violation naming the rule
///         (election.*, org.officers_full_members, org.committee_threshold_7, record.not_in_future);
///         conflict when another writer changed the case meanwhile; access_denied as described above.
void record_election(store& s, election_id id, election_record const& r, std::string_view why = {});

/// The case, replayed from its records (org_name taken from the organisation).
/// \throws not_found; access_denied without read_roster on its organisation.
[[nodiscard]] election_case get_election(store const& s, election_id id);

/// One line of `elections`.
struct election_summary {
    election_id id;
    org_id org;
    std::string org_name;
    std::optional<date::sys_days> term_ends;
    election_stage stage = election_stage::not_started;
    date::sys_days requested_on{};
    std::optional<date::sys_days> completed_on;

    friend bool operator==(election_summary const&, election_summary const&) = default;
};

/// The elections of the organisations in scope, by organisation id then request date.
/// \throws not_found for an unknown scope root.
[[nodiscard]] std::vector<election_summary> elections(store const& s, scope sc = scope::all());

/// The completion of elections (换届完成率) of the organisations in scope whose terms end in `year`, as
/// on `as_of` (election_completion_of): each organisation's term is the one its election of that year
/// counts (the case's `term_ends`), else its current term. Party groups elect no committee and are left
/// out; so are organisations dissolved on `as_of`.
/// \throws not_found for an unknown scope root.
[[nodiscard]] election_completion election_completion_on(store const& s, scope sc, int year,
                                                         date::sys_days as_of);

}  // namespace dangyuan
