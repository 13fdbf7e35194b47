// The schema of the election tables (换届选举).

#include "election_rows.hpp"

namespace dangyuan::storage {

// Schema version election_schema_version. One row per record, one column per field (a column a kind
// does not have stays NULL); the lists of a record (nominees with their nominations, the shortlist, the
// candidates, the tallies of a round, the committee, the deputies) in election_members, in insertion
// order, and the write-ins of a round in election_write_ins. `day` is the record's second date
// (planned_on, until, from); `organisation` the approving or receiving organisation. IF NOT EXISTS: a
// store whose version was set back by hand (as the migration tests of earlier versions do) migrates again.
char const* const migration_election = R"sql(
CREATE TABLE IF NOT EXISTS election_cases(
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  term_ends TEXT,
  stage TEXT NOT NULL,
  requested_on TEXT NOT NULL,
  completed_on TEXT,
  version INTEGER NOT NULL DEFAULT 1);
CREATE INDEX IF NOT EXISTS election_cases_org ON election_cases(org_id);
CREATE TABLE IF NOT EXISTS election_records(
  id INTEGER PRIMARY KEY,
  election_id INTEGER NOT NULL REFERENCES election_cases(id),
  kind TEXT NOT NULL,
  date TEXT NOT NULL,
  seats INTEGER,
  day TEXT,
  organisation TEXT,
  document TEXT,
  reason TEXT,
  meeting TEXT,
  entitled INTEGER,
  present INTEGER,
  dispersed INTEGER,
  voters_present INTEGER,
  ballots_issued INTEGER,
  ballots_returned INTEGER,
  secretary_id INTEGER,
  without_committee INTEGER,
  note TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS election_records_case ON election_records(election_id);
CREATE TABLE IF NOT EXISTS election_members(
  id INTEGER PRIMARY KEY,
  record_id INTEGER NOT NULL REFERENCES election_records(id),
  member_id INTEGER NOT NULL,
  nominations INTEGER NOT NULL DEFAULT 0,
  votes_for INTEGER NOT NULL DEFAULT 0,
  against INTEGER NOT NULL DEFAULT 0,
  abstain INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS election_members_record ON election_members(record_id);
CREATE TABLE IF NOT EXISTS election_write_ins(
  id INTEGER PRIMARY KEY,
  record_id INTEGER NOT NULL REFERENCES election_records(id),
  name TEXT NOT NULL,
  votes INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS election_write_ins_record ON election_write_ins(record_id);
)sql";

}  // namespace dangyuan::storage
