#pragma once
// Internal to src/storage: what the schema and the agenda query need from the repositories of model
// posts and commendations (党员示范岗, 两优一先). Nothing here is installed.

#include <cstdint>
#include <vector>

#include "../impl.hpp"
#include "dangyuan/agenda/agenda.hpp"
#include "dangyuan/storage/honours_store.hpp"

namespace dangyuan::storage {

/// The schema migration that adds the tables of model posts and commendations (schema version
/// `honours_schema_version`).
extern char const* const migration_honours;

/// Agenda items of the model posts of the branches in `org_ids` (sorted ids; `whole`: every organisation
/// of the store): a review due or overdue (honours/honours_agenda.hpp).
std::vector<agenda_item> honours_agenda_items(store const& s, sql::database& db, date::sys_days as_of,
                                              std::vector<std::int64_t> const& org_ids, bool whole);

}  // namespace dangyuan::storage
