#pragma once
// Internal to src/storage: what the schema and the agenda query need from the rectification repository
// (软弱涣散党组织, 后进社区整顿). Nothing here is installed.

#include <cstdint>
#include <vector>

#include "../impl.hpp"
#include "dangyuan/agenda/agenda.hpp"
#include "dangyuan/storage/rectification_store.hpp"

namespace dangyuan::storage {

/// The schema migration that adds the rectification tables (schema version
/// `rectification_schema_version`).
extern char const* const migration_rectification;

/// Agenda items of the designations of the organisations in `org_ids` (sorted ids; `whole`: every
/// organisation of the store): contacts missing, milestones due, designations past their time limit
/// (rectification/rectification_agenda.hpp).
std::vector<agenda_item> rectification_agenda_items(store const& s, sql::database& db, date::sys_days as_of,
                                                    std::vector<std::int64_t> const& org_ids, bool whole);

}  // namespace dangyuan::storage
