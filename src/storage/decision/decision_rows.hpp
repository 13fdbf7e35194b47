#pragma once
// Internal to src/storage: what the schema and the agenda query need from the decision repository
// (村级重大事项 四议两公开). Nothing here is installed.

#include <cstdint>
#include <vector>

#include "../impl.hpp"
#include "dangyuan/agenda/agenda.hpp"
#include "dangyuan/storage/decision_store.hpp"

namespace dangyuan::storage {

/// The schema migration that adds the decision tables (schema version `decision_schema_version`).
extern char const* const migration_decision;

/// Agenda items of the open decision cases of the organisations in `org_ids` (sorted ids; `whole`: every
/// organisation of the store): a resolution or a result not yet public by its deadline
/// (decision/decision_agenda.hpp).
std::vector<agenda_item> decision_agenda_items(store const& s, sql::database& db, date::sys_days as_of,
                                               std::vector<std::int64_t> const& org_ids, bool whole);

}  // namespace dangyuan::storage
