// The schema of the decision tables (村级重大事项决策, 四议两公开).

#include "decision_rows.hpp"

namespace dangyuan::storage {

// Schema version 12 (decision_schema_version). One head row per case with its derived stage (to list
// and filter quickly) and one row per record with the columns of all kinds: each kind reads and writes
// its own and leaves the others NULL. IF NOT EXISTS: a store whose version number was set back (as the
// migration tests of earlier versions do on a current file) migrates again without failing.
char const* const migration_decision = R"sql(
CREATE TABLE IF NOT EXISTS decision_cases(
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  subject TEXT NOT NULL,
  rule_set TEXT NOT NULL,
  stage TEXT NOT NULL,
  proposed_on TEXT NOT NULL,
  last_date TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1);
CREATE INDEX IF NOT EXISTS decision_cases_org ON decision_cases(org_id, proposed_on);
CREATE TABLE IF NOT EXISTS decision_records(
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES decision_cases(id),
  kind TEXT NOT NULL,
  date TEXT NOT NULL,
  subject TEXT,
  vote_entitled INTEGER,
  vote_present INTEGER,
  vote_written INTEGER,
  vote_yes INTEGER,
  vote_no INTEGER,
  vote_abstain INTEGER,
  body TEXT,
  members INTEGER,
  households INTEGER,
  present INTEGER,
  households_present INTEGER,
  in_favour INTEGER,
  implementation_due TEXT,
  channel TEXT,
  implemented_on TEXT,
  late_reason TEXT,
  note TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS decision_records_case ON decision_records(case_id, id);
)sql";

}  // namespace dangyuan::storage
