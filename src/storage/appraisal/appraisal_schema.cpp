// The schema of the appraisal tables (党建工作述职评议考核, 问责).

#include "appraisal_rows.hpp"

namespace dangyuan::storage {

// Schema version appraisal_schema_version. Cycles with their organiser and levels; reports one per
// organisation and cycle (a unique index); an appraisal per report (its key); uses of results; and
// accountability records with the rectification's deadline and completion. IF NOT EXISTS: a store whose
// version number was set back (as the migration tests do on a current file) migrates again without
// failing.
char const* const migration_appraisal = R"sql(
CREATE TABLE IF NOT EXISTS appraisal_cycles(
  id INTEGER PRIMARY KEY,
  year INTEGER NOT NULL,
  organiser_id INTEGER NOT NULL REFERENCES orgs(id),
  levels INTEGER NOT NULL CHECK (levels >= 1),
  opened_on TEXT NOT NULL,
  closed_on TEXT,
  note TEXT NOT NULL DEFAULT '');
CREATE UNIQUE INDEX IF NOT EXISTS appraisal_cycles_organiser ON appraisal_cycles(organiser_id, year);
CREATE TABLE IF NOT EXISTS appraisal_reports(
  id INTEGER PRIMARY KEY,
  cycle_id INTEGER NOT NULL REFERENCES appraisal_cycles(id),
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  reporter_id INTEGER NOT NULL REFERENCES members(id),
  reported_on TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '');
CREATE UNIQUE INDEX IF NOT EXISTS appraisal_reports_cycle ON appraisal_reports(cycle_id, org_id);
CREATE INDEX IF NOT EXISTS appraisal_reports_org ON appraisal_reports(org_id);
CREATE TABLE IF NOT EXISTS appraisal_ratings(
  report_id INTEGER PRIMARY KEY REFERENCES appraisal_reports(id),
  rated_on TEXT NOT NULL,
  votes_good INTEGER NOT NULL CHECK (votes_good >= 0),
  votes_fairly_good INTEGER NOT NULL CHECK (votes_fairly_good >= 0),
  votes_average INTEGER NOT NULL CHECK (votes_average >= 0),
  votes_poor INTEGER NOT NULL CHECK (votes_poor >= 0),
  satisfied INTEGER NOT NULL CHECK (satisfied >= 0),
  basically_satisfied INTEGER NOT NULL CHECK (basically_satisfied >= 0),
  dissatisfied INTEGER NOT NULL CHECK (dissatisfied >= 0),
  grade TEXT NOT NULL,
  override_reason TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS appraisal_applications(
  id INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES appraisal_reports(id),
  applied_on TEXT NOT NULL,
  use_text TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS appraisal_applications_report ON appraisal_applications(report_id, applied_on);
CREATE TABLE IF NOT EXISTS accountability_records(
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  member_id INTEGER REFERENCES members(id),
  cycle_id INTEGER REFERENCES appraisal_cycles(id),
  decided_on TEXT NOT NULL,
  reason TEXT NOT NULL,
  deadline TEXT,
  completed_on TEXT,
  decision TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS accountability_records_org ON accountability_records(org_id, decided_on);
)sql";

}  // namespace dangyuan::storage
