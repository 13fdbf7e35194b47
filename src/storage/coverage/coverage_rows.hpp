#pragma once
// Internal to src/storage: what the schema and the agenda query need from the coverage repository
// (两新组织党建覆盖). Nothing here is installed.

#include <cstdint>
#include <vector>

#include "../impl.hpp"
#include "dangyuan/agenda/agenda.hpp"
#include "dangyuan/storage/coverage_store.hpp"

namespace dangyuan::storage {

/// The schema migration that adds the coverage tables (schema version `coverage_schema_version`).
extern char const* const migration_coverage;

/// Agenda items of the coverage register (coverage/coverage_agenda.hpp) that belong to the organisations
/// in `org_ids` (sorted ids; `whole`: every organisation of the store): a unit that should set up an
/// organisation (for its responsible organisation) and a joint branch covering fewer than two units.
std::vector<agenda_item> coverage_agenda_items(store const& s, sql::database& db, date::sys_days as_of,
                                               std::vector<std::int64_t> const& org_ids, bool whole);

}  // namespace dangyuan::storage
