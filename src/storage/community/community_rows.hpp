#pragma once
// Internal to src/storage: what the schema and the agenda query need from the community repository
// (在职党员进社区). Nothing here is installed.

#include <cstdint>
#include <vector>

#include "../impl.hpp"
#include "dangyuan/agenda/agenda.hpp"
#include "dangyuan/storage/community_store.hpp"

namespace dangyuan::storage {

/// The schema migration that adds the community tables (schema version `community_schema_version`).
extern char const* const migration_community;

/// Agenda items of the members registered with a community (community/community_agenda.hpp) that
/// belong to the organisations in `org_ids` (sorted ids; `whole`: every organisation of the store): a
/// member's service short of the year's minimum (for the member's branch) and a feedback not given
/// (for the community).
std::vector<agenda_item> community_agenda_items(store const& s, sql::database& db, date::sys_days as_of,
                                                std::vector<std::int64_t> const& org_ids, bool whole);

}  // namespace dangyuan::storage
