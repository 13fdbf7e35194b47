#pragma once
/// \file
/// Store operations for members abroad (出国（境）党员) and graduates whose relationship stays at the
/// university: dated situation records, contacts with members studying abroad, and their agenda
/// items (which `store::agenda` includes). The rules are those of `dangyuan/mobility/abroad.hpp`.
///
/// Free functions over `dangyuan::store`. Every command validates with the pure rules first and writes
/// in one transaction with one audit row: a rejected command writes nothing.
///
/// Access (core/access.hpp): commands need `manage_mobility` on the member's branch, reads `read_roster`
/// there; a refusal throws access_denied and writes only its audit record.

#include <date/date.h>

#include <string_view>
#include <vector>

#include "dangyuan/core/ids.hpp"
#include "dangyuan/mobility/abroad.hpp"
#include "dangyuan/storage/store.hpp"

namespace dangyuan {

struct abroad_record_tag;
/// An abroad record in the store.
using abroad_record_id = strong_id<abroad_record_tag>;

/// A stored abroad record with its id.
struct stored_abroad_record {
    abroad_record_id id;
    abroad_record record;

    friend bool operator==(stored_abroad_record const&, stored_abroad_record const&) = default;
};

/// Records a situation of a member (settled abroad, studying abroad, graduate) on `as_of`.
/// \throws not_found for an unknown member; invalid_input as `validate_abroad_record`, and {"from"}
///         when the member already has a record of the same kind lasting on some day of the new one.
[[nodiscard]] abroad_record_id add_abroad_record(store& s, abroad_record const& r, date::sys_days as_of,
                                                 std::string_view why = {});

/// Ends an open record on `until` (returned, relationship transferred, suspended), recorded on `as_of`.
/// \throws not_found for an unknown record; invalid_input{"until"} when the record has already ended,
///         or `until` is not after its start or is after `as_of`.
void end_abroad_record(store& s, abroad_record_id id, date::sys_days until, date::sys_days as_of,
                       std::string_view why = {});

/// The records of a member, oldest first. \throws not_found for an unknown member.
[[nodiscard]] std::vector<stored_abroad_record> abroad_records(store const& s, member_id member);

/// Records a contact with a member studying abroad (abroad.contact_half_yearly) on `as_of`.
/// \throws not_found for an unknown member; invalid_input as `validate_abroad_contact`.
void record_abroad_contact(store& s, abroad_contact const& c, date::sys_days as_of,
                           std::string_view why = {});

/// The contacts with a member, oldest first. \throws not_found for an unknown member.
[[nodiscard]] std::vector<abroad_contact> abroad_contacts(store const& s, member_id member);

}  // namespace dangyuan
