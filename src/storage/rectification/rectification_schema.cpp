// The schema of the rectification tables (软弱涣散党组织, 后进社区整顿).

#include "rectification_rows.hpp"

namespace dangyuan::storage {

// Schema version rectification_schema_version. A designation is one row with its removal (销号) and a
// version for optimistic concurrency; its reasons are the codes of rectification_reason separated by
// commas. Contacts, milestones, commitments, evaluations and reviews have their own rows. IF NOT EXISTS: a
// store whose version number was set back (as the migration tests do on a current file) migrates again
// without failing.
char const* const migration_rectification = R"sql(
CREATE TABLE IF NOT EXISTS rectifications(
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  designated_on TEXT NOT NULL,
  kind TEXT NOT NULL,
  batch TEXT NOT NULL DEFAULT '',
  reasons TEXT NOT NULL,
  other_reason TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  removed_on TEXT,
  version INTEGER NOT NULL DEFAULT 1);
CREATE INDEX IF NOT EXISTS rectifications_org ON rectifications(org_id, designated_on);
CREATE TABLE IF NOT EXISTS rectification_contacts(
  id INTEGER PRIMARY KEY,
  rectification_id INTEGER NOT NULL REFERENCES rectifications(id),
  kind TEXT NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  org_id INTEGER REFERENCES orgs(id),
  from_on TEXT NOT NULL,
  to_on TEXT,
  note TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS rectification_contacts_of ON rectification_contacts(rectification_id, id);
CREATE INDEX IF NOT EXISTS rectification_contacts_org ON rectification_contacts(org_id);
CREATE TABLE IF NOT EXISTS rectification_milestones(
  id INTEGER PRIMARY KEY,
  rectification_id INTEGER NOT NULL REFERENCES rectifications(id),
  number INTEGER NOT NULL,
  text TEXT NOT NULL,
  due_on TEXT NOT NULL,
  completed_on TEXT,
  note TEXT NOT NULL DEFAULT '',
  UNIQUE(rectification_id, number));
CREATE TABLE IF NOT EXISTS rectification_commitments(
  id INTEGER PRIMARY KEY,
  rectification_id INTEGER NOT NULL REFERENCES rectifications(id),
  date TEXT NOT NULL,
  text TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS rectification_commitments_of ON rectification_commitments(rectification_id, date);
CREATE TABLE IF NOT EXISTS rectification_evaluations(
  id INTEGER PRIMARY KEY,
  rectification_id INTEGER NOT NULL REFERENCES rectifications(id),
  date TEXT NOT NULL,
  evaluator TEXT NOT NULL,
  satisfied INTEGER NOT NULL CHECK (satisfied >= 0),
  basically_satisfied INTEGER NOT NULL CHECK (basically_satisfied >= 0),
  dissatisfied INTEGER NOT NULL CHECK (dissatisfied >= 0),
  note TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS rectification_evaluations_of ON rectification_evaluations(rectification_id, date);
CREATE TABLE IF NOT EXISTS rectification_reviews(
  id INTEGER PRIMARY KEY,
  rectification_id INTEGER NOT NULL REFERENCES rectifications(id),
  date TEXT NOT NULL,
  result TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS rectification_reviews_of ON rectification_reviews(rectification_id, date);
)sql";

// Schema version rectification_rule_set_schema_version. SQLite has no ADD COLUMN IF NOT EXISTS, so the
// column is added by add_rectification_rule_set after this (empty) step. The designations recorded before
// this version did not keep their rule set; they get 'national-2014', the national rule set: the one every
// store can always resolve (store::rule_set_named, no registration needed), whereas the name of a local
// profile a store was opened with earlier is not recorded anywhere, and a profile may only make the
// deadlines of rectification stricter than the national one, so an old designation is never judged
// stricter than the baseline it may have been made under.
char const* const migration_rectification_rule_set = "-- rectifications.rule_set: add_rectification_rule_set";

void add_rectification_rule_set(sql::database& db) {
    sql::statement has(db, "SELECT 1 FROM pragma_table_info('rectifications') WHERE name = 'rule_set'");
    if (has.step()) return;
    db.exec("ALTER TABLE rectifications ADD COLUMN rule_set TEXT NOT NULL DEFAULT 'national-2014'");
}

}  // namespace dangyuan::storage
