#pragma once
// Internal to src/storage/election: the schema of the election tables (schema version
// election_schema_version) and the agenda of the election cases. Nothing here is installed.

#include <date/date.h>
#include "../sql/database.hpp"

#include <cstdint>
#include <vector>

#include "dangyuan/agenda/agenda.hpp"
#include "dangyuan/storage/store.hpp"

namespace dangyuan::storage {

/// The migration that adds the election tables (election_schema.cpp).
extern char const* const migration_election;

/// Agenda items of the election cases of the organisations in `org_ids` (sorted ids; `whole`: every
/// organisation of the store) not completed on `as_of` (election/election_agenda.hpp).
std::vector<agenda_item> election_agenda_items(store const& s, sql::database& db, date::sys_days as_of,
                                               std::vector<std::int64_t> const& org_ids, bool whole);

/// The organisations (sorted ids) with an election requested on or before `as_of` and not completed by
/// then: their election's own items replace the reminder of the term's end (org.term_expiry).
std::vector<std::int64_t> electing_orgs(sql::database& db, date::sys_days as_of);

}  // namespace dangyuan::storage
