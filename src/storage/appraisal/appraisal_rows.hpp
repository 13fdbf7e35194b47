#pragma once
// Internal to src/storage: what the schema and the agenda query need from the appraisal repository
// (述职评议考核, 问责). Nothing here is installed.

#include <cstdint>
#include <vector>

#include "../impl.hpp"
#include "dangyuan/agenda/agenda.hpp"
#include "dangyuan/storage/appraisal_store.hpp"

namespace dangyuan::storage {

/// The schema migration that adds the appraisal tables (schema version `appraisal_schema_version`).
extern char const* const migration_appraisal;

/// Agenda items of the appraisal that belong to the organisations in `org_ids` (sorted ids; `whole`:
/// every organisation of the store): reports missing at a cycle's deadline (for the organisation that
/// reports), rectifications open at their deadline (for the organisation held to account), and poor
/// results without accountability (for the cycle's organiser) (appraisal/appraisal_agenda.hpp).
std::vector<agenda_item> appraisal_agenda_items(store const& s, sql::database& db, date::sys_days as_of,
                                                std::vector<std::int64_t> const& org_ids, bool whole);

}  // namespace dangyuan::storage
