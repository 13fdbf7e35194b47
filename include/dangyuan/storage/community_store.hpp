#pragma once
/// \file
/// Store operations of in-service members reporting to their community (在职党员进社区), as free
/// functions over `dangyuan::store`.
///
/// **What is stored.** Registrations (`community_registrations`: member, community, first day, last day
/// once ended), service records (`community_service`, each under the registration covering its date) and
/// yearly feedback (`community_feedback`, append-only: a correction is a new row, the latest row of a
/// member and year is the feedback in force).
///
/// **Commands.** Each command reads what the rules need, checks the new record with the pure rules
/// (community/community.hpp) under the store's rule set, and only then writes, in one transaction with
/// one audit row (entity "community"). A refused command writes nothing.
///
/// **Access** (core/access.hpp). Commands need `organisational_life` on the community; reads of one
/// member need `read_roster` on the member's branch or on a community the member registered with; lists
/// and statistics narrow their scope to the principal's subtree and select by community.

#include <date/date.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dangyuan/community/community.hpp"
#include "dangyuan/community/community_statistics.hpp"
#include "dangyuan/storage/store.hpp"

namespace dangyuan {

/// The schema version that added the community tables (`community_registrations`, `community_service`,
/// `community_feedback`).
inline constexpr int community_schema_version = 15;

/// Registers member `m` with `community` on `on` (到社区报到).
/// \throws not_found for an unknown member or organisation; rule_violation community.member_in_good_standing,
///         community.registration_org, community.one_open_registration, record.not_in_future;
///         invalid_input{"community"} when it does not exist on `on`; access_denied.
registration_id register_with_community(store& s, member_id m, org_id community, date::sys_days on,
                                        std::string const& note = {}, std::string_view why = {});

/// Ends registration `id` on `on` (moved away, 退出): its last day.
/// \throws not_found; invalid_input{"registration"} when it has ended already; rule_violation
///         community.leave_after_registration, record.not_in_future; access_denied.
void leave_community(store& s, registration_id id, date::sys_days on, std::string_view why = {});

/// Records a service of `sv.member` (`registration` and `community` are filled in from the registration
/// covering `sv.date`). Returns the id of the service row.
/// \throws not_found for an unknown member; invalid_input{"activity"}, {"hours"}; rule_violation
///         community.service_within_registration, record.not_in_future; access_denied.
std::int64_t record_community_service(store& s, community_service const& sv, std::string_view why = {});

/// Records the community's yearly feedback (社区反馈) on `f.member` (`branch` is filled in with the
/// member's branch), or its correction when `f.correction_reason` is set.
/// \throws not_found for an unknown member or organisation; invalid_input{"year"}, {"correction_reason"};
///         rule_violation community.feedback_registered, community.feedback_once_yearly,
///         record.not_in_future; access_denied.
void give_community_feedback(store& s, community_feedback_record const& f, std::string_view why = {});

/// The registration with this id.
/// \throws not_found; access_denied.
[[nodiscard]] community_registration get_registration(store const& s, registration_id id);

/// The registrations of member `m`, oldest first.
/// \throws not_found for an unknown member; access_denied.
[[nodiscard]] std::vector<community_registration> community_registrations_of(store const& s, member_id m);

/// The registrations with the communities in `requested` (narrowed to what the principal may see), by
/// community, first day and id.
[[nodiscard]] std::vector<community_registration> community_registrations(store const& s,
                                                                          scope requested = scope::all());

/// The service records of member `m` (of calendar year `year` when given), by date.
/// \throws not_found for an unknown member; access_denied.
[[nodiscard]] std::vector<community_service> community_services(store const& s, member_id m,
                                                                std::optional<int> year = std::nullopt);

/// The feedback in force on member `m` for `year` (the latest given, a correction replacing the first),
/// or nothing: what the member's branch reads in the democratic evaluation (民主评议).
/// \throws not_found for an unknown member; access_denied.
[[nodiscard]] std::optional<community_feedback_record> community_feedback(store const& s, member_id m,
                                                                          int year);

/// Every feedback on member `m`, corrections included, by year and order given.
/// \throws not_found for an unknown member; access_denied.
[[nodiscard]] std::vector<community_feedback_record> community_feedback_history(store const& s, member_id m);

/// The figures of `year` for the communities in `requested` (narrowed to what the principal may see).
[[nodiscard]] community_statistics community_statistics_of(store const& s, int year,
                                                           scope requested = scope::all());

}  // namespace dangyuan
