// The schema of the coverage tables (两新组织党建覆盖).

#include "coverage_rows.hpp"

namespace dangyuan::storage {

// Schema version coverage_schema_version. Units with their first day and closing day; dated headcounts
// (one per unit and day); coverage by organisations, instructors and members' work in units, each with
// its first and last day. IF NOT EXISTS: a store whose version number was set back (as the migration
// tests do on a current file) migrates again without failing.
char const* const migration_coverage = R"sql(
CREATE TABLE IF NOT EXISTS coverage_units(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  credit_code TEXT NOT NULL,
  sector TEXT NOT NULL,
  responsible_id INTEGER NOT NULL REFERENCES orgs(id),
  registered_on TEXT NOT NULL,
  closed_on TEXT,
  note TEXT NOT NULL DEFAULT '');
CREATE UNIQUE INDEX IF NOT EXISTS coverage_units_code ON coverage_units(credit_code);
CREATE INDEX IF NOT EXISTS coverage_units_responsible ON coverage_units(responsible_id);
CREATE TABLE IF NOT EXISTS coverage_headcounts(
  unit_id INTEGER NOT NULL REFERENCES coverage_units(id),
  date TEXT NOT NULL,
  employees INTEGER NOT NULL CHECK (employees >= 0),
  PRIMARY KEY(unit_id, date));
CREATE TABLE IF NOT EXISTS coverage_links(
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES coverage_units(id),
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  form TEXT NOT NULL,
  from_on TEXT NOT NULL,
  to_on TEXT,
  note TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS coverage_links_unit ON coverage_links(unit_id, from_on);
CREATE INDEX IF NOT EXISTS coverage_links_org ON coverage_links(org_id, from_on);
CREATE TABLE IF NOT EXISTS coverage_instructors(
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES coverage_units(id),
  instructor TEXT NOT NULL,
  member_id INTEGER REFERENCES members(id),
  from_on TEXT NOT NULL,
  to_on TEXT,
  note TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS coverage_instructors_unit ON coverage_instructors(unit_id, from_on);
CREATE TABLE IF NOT EXISTS coverage_member_units(
  id INTEGER PRIMARY KEY,
  member_id INTEGER NOT NULL REFERENCES members(id),
  unit_id INTEGER NOT NULL REFERENCES coverage_units(id),
  from_on TEXT NOT NULL,
  to_on TEXT);
CREATE INDEX IF NOT EXISTS coverage_member_units_member ON coverage_member_units(member_id, from_on);
CREATE INDEX IF NOT EXISTS coverage_member_units_unit ON coverage_member_units(unit_id, from_on);
)sql";

}  // namespace dangyuan::storage
