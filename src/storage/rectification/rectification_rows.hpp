#pragma once
// Internal to src/storage: what the schema and the agenda query need from the rectification repository
// (软弱涣散党组织, 后进社区整顿). Nothing here is installed.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "../impl.hpp"
#include "dangyuan/agenda/agenda.hpp"
#include "dangyuan/storage/rectification_store.hpp"

namespace dangyuan::storage {

/// The schema migration that adds the rectification tables (schema version
/// `rectification_schema_version`).
extern char const* const migration_rectification;

/// The SQL of schema version `rectification_rule_set_schema_version` (none: the column is added by
/// add_rectification_rule_set, which runs after it).
extern char const* const migration_rectification_rule_set;

/// The migration to `rectification_rule_set_schema_version`: adds `rectifications.rule_set`, the name of
/// the rule set a designation was made under, unless the column is there (a store whose version number
/// was set back migrates again without failing). Designations recorded before get 'national-2014'.
void add_rectification_rule_set(sql::database& db);

/// The rule sets the designations were made under, each read once (store::rule_set_named).
class rule_set_cache {
public:
    explicit rule_set_cache(store const& s) : s_(s) {}
    rule_set const& operator()(rectification const& r) {
        auto it = named_.find(r.rule_set_name);
        if (it == named_.end())
            it = named_.emplace(r.rule_set_name, s_.rule_set_named(r.rule_set_name)).first;
        return it->second;
    }

private:
    store const& s_;
    std::map<std::string, rule_set> named_;
};

/// Agenda items of the designations of the organisations in `org_ids` (sorted ids; `whole`: every
/// organisation of the store): contacts missing, milestones due, designations past their time limit
/// (rectification/rectification_agenda.hpp).
std::vector<agenda_item> rectification_agenda_items(store const& s, sql::database& db, date::sys_days as_of,
                                                    std::vector<std::int64_t> const& org_ids, bool whole);

}  // namespace dangyuan::storage
