// The schema of the community tables (在职党员进社区).

#include "community_rows.hpp"

namespace dangyuan::storage {

// Schema version community_schema_version. Registrations with their first and last day; service rows
// under the registration covering their date (member and community repeated so that the yearly sums and
// the statistics of a scope read one table); feedback rows append-only, the latest of a member and year
// in force. IF NOT EXISTS: a store whose version number was set back (as the migration tests do on a
// current file) migrates again without failing.
char const* const migration_community = R"sql(
CREATE TABLE IF NOT EXISTS community_registrations(
  id INTEGER PRIMARY KEY,
  member_id INTEGER NOT NULL REFERENCES members(id),
  community_id INTEGER NOT NULL REFERENCES orgs(id),
  registered_on TEXT NOT NULL,
  left_on TEXT,
  note TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS community_registrations_member ON community_registrations(member_id, registered_on);
CREATE INDEX IF NOT EXISTS community_registrations_community
  ON community_registrations(community_id, registered_on);
CREATE TABLE IF NOT EXISTS community_service(
  id INTEGER PRIMARY KEY,
  registration_id INTEGER NOT NULL REFERENCES community_registrations(id),
  member_id INTEGER NOT NULL REFERENCES members(id),
  community_id INTEGER NOT NULL REFERENCES orgs(id),
  date TEXT NOT NULL,
  activity TEXT NOT NULL,
  tenths INTEGER NOT NULL CHECK (tenths > 0),
  note TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS community_service_member ON community_service(member_id, date);
CREATE INDEX IF NOT EXISTS community_service_community ON community_service(community_id, date);
CREATE TABLE IF NOT EXISTS community_feedback(
  id INTEGER PRIMARY KEY,
  member_id INTEGER NOT NULL REFERENCES members(id),
  community_id INTEGER NOT NULL REFERENCES orgs(id),
  branch_id INTEGER NOT NULL REFERENCES orgs(id),
  year INTEGER NOT NULL,
  rating TEXT NOT NULL,
  given_on TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  correction_reason TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS community_feedback_member ON community_feedback(member_id, year, id);
CREATE INDEX IF NOT EXISTS community_feedback_community ON community_feedback(community_id, year);
)sql";

}  // namespace dangyuan::storage
