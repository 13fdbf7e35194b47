#pragma once
/// \file
/// Store operations of the coverage of units by party organisations (两新组织党建覆盖), as free functions
/// over `dangyuan::store`.
///
/// **What is stored.** The register of units (`coverage_units`: name, unified social credit code, sector,
/// the responsible organisation, first day, closing day) with dated headcounts (`coverage_headcounts`);
/// organisations covering units (`coverage_links`), instructors sent to units (`coverage_instructors`),
/// and members working in units (`coverage_member_units`; the member's free-text `work_unit` stays as it
/// is).
///
/// **Scope.** A unit belongs to its responsible organisation (a street's working committee, a
/// grassroots committee …): lists, statistics and the agenda of a scope select the units whose
/// responsible organisation is in it. The finding of a joint branch belongs to the joint branch.
///
/// **Commands.** Each command reads what it checks, checks it with the pure rules
/// (coverage/coverage.hpp) and only then writes, in one transaction with one audit row (entity
/// "coverage"). A refused command writes nothing.
///
/// **Access** (core/access.hpp). The register, coverage and instructors need `manage_organisations` on
/// the unit's responsible organisation (covering also on the covering organisation); a member's unit
/// needs `write_roster` on the member's branch. Reads need `read_roster` on the responsible
/// organisation; lists and statistics narrow their scope to the principal's subtree.

#include <date/date.h>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dangyuan/coverage/coverage.hpp"
#include "dangyuan/coverage/coverage_statistics.hpp"
#include "dangyuan/storage/store.hpp"

namespace dangyuan {

/// The schema version that added the coverage tables (`coverage_units`, `coverage_headcounts`,
/// `coverage_links`, `coverage_instructors`, `coverage_member_units`).
inline constexpr int coverage_schema_version = 19;

/// Adds a unit to the register (its code normalised to upper case). Returns its id.
/// \throws not_found for an unknown responsible organisation; invalid_input{"name"}; rule_violation
///         coverage.credit_code_gb32100, coverage.credit_code_unique, coverage.end_after_start,
///         record.not_in_future; access_denied.
unit_id add_unit(store& s, unit_record const& u, std::string_view why = {});

/// Closes unit `id` on `on` (注销): it no longer exists from that day.
/// \throws not_found; invalid_input{"unit"} when closed already; rule_violation coverage.end_after_start,
///         coverage.close_without_open_links, record.not_in_future; access_denied.
void close_unit(store& s, unit_id id, date::sys_days on, std::string_view why = {});

/// Records the employees of a unit on a day (从业人员数); a second count on the same day replaces it.
/// \throws not_found; invalid_input{"employees"} below 0; rule_violation coverage.link_within_existence
///         (the unit does not exist that day), record.not_in_future; access_denied.
void record_unit_employees(store& s, unit_headcount const& h, std::string_view why = {});

/// The unit with this id. \throws not_found; access_denied.
[[nodiscard]] unit_record get_unit(store const& s, unit_id id);

/// The unit with this credit code (normalised first), or nothing. \throws access_denied.
[[nodiscard]] std::optional<unit_record> unit_by_code(store const& s, std::string_view code);

/// The units whose responsible organisation is in `requested` (narrowed to what the principal may see),
/// by id.
[[nodiscard]] std::vector<unit_record> units(store const& s, scope requested = scope::all());

/// The headcounts of a unit, by day. \throws not_found; access_denied.
[[nodiscard]] std::vector<unit_headcount> unit_headcounts(store const& s, unit_id id);

/// Records that organisation `org` covers unit `unit` from `from` (单独组建 or, for a joint branch,
/// 联合组建). Returns the link's id.
/// \throws not_found; rule_violation coverage.covering_org_kind, coverage.link_within_existence,
///         coverage.one_organisation, record.not_in_future; access_denied.
coverage_link_id cover_unit(store& s, unit_id unit, org_id org, date::sys_days from,
                            std::string const& note = {}, std::string_view why = {});

/// Ends coverage `id` on `on`, its last day.
/// \throws not_found; invalid_input{"coverage"} when ended; rule_violation coverage.end_after_start,
///         record.not_in_future; access_denied.
void end_coverage(store& s, coverage_link_id id, date::sys_days on, std::string_view why = {});

/// The coverage of unit `id`, oldest first. \throws not_found; access_denied.
[[nodiscard]] std::vector<coverage_link> unit_coverage(store const& s, unit_id id);

/// The coverage links of organisation `org` (the units it covers, ever), oldest first.
/// \throws not_found; access_denied.
[[nodiscard]] std::vector<coverage_link> units_covered_by(store const& s, org_id org);

/// Sends an instructor to a unit (选派党建指导员). Returns the assignment's id.
/// \throws not_found (unit, member); invalid_input{"instructor"}; rule_violation
///         coverage.link_within_existence, record.not_in_future; access_denied.
instructor_id assign_instructor(store& s, instructor_assignment const& a, std::string_view why = {});

/// Ends an instructor's assignment on `on`, its last day.
/// \throws not_found; invalid_input{"instructor"} when ended; rule_violation coverage.end_after_start,
///         record.not_in_future; access_denied.
void end_instructor(store& s, instructor_id id, date::sys_days on, std::string_view why = {});

/// The instructors of unit `id`, oldest first. \throws not_found; access_denied.
[[nodiscard]] std::vector<instructor_assignment> unit_instructors(store const& s, unit_id id);

/// Records that member `m` works in unit `unit` from `from`. Returns the link's id.
/// \throws not_found; rule_violation coverage.link_within_existence, coverage.member_one_unit,
///         record.not_in_future; access_denied.
member_unit_id link_member_unit(store& s, member_id m, unit_id unit, date::sys_days from,
                                std::string_view why = {});

/// Ends a member's work in a unit on `on`, its last day.
/// \throws not_found; invalid_input{"member_unit"} when ended; rule_violation coverage.end_after_start,
///         record.not_in_future; access_denied.
void end_member_unit(store& s, member_unit_id id, date::sys_days on, std::string_view why = {});

/// The units member `m` worked in, oldest first. \throws not_found; access_denied.
[[nodiscard]] std::vector<member_unit_link> member_units_of(store const& s, member_id m);

/// The members' links to unit `id`, oldest first. \throws not_found; access_denied.
[[nodiscard]] std::vector<member_unit_link> unit_members(store const& s, unit_id id);

/// The figures of `year` for the units whose responsible organisation is in `requested` (narrowed to
/// what the principal may see).
[[nodiscard]] coverage_statistics coverage_statistics_of(store const& s, int year,
                                                         scope requested = scope::all());

}  // namespace dangyuan
