// The schema of model posts and commendations (党员示范岗, 两优一先).

#include "honours_rows.hpp"

namespace dangyuan::storage {

// Schema version honours_schema_version. A designation is one row with its end; its reviews have their
// own rows. A commendation is one row: `org_id` is the organisation it belongs to (the organisation
// commended, or the member's branch on the date), so that a scope selects both sorts through one index.
// IF NOT EXISTS: a store whose version number was set back (as the migration tests of earlier versions do
// on a current file) migrates again without failing.
char const* const migration_honours = R"sql(
CREATE TABLE IF NOT EXISTS model_posts(
  id INTEGER PRIMARY KEY,
  member_id INTEGER NOT NULL REFERENCES members(id),
  branch_id INTEGER NOT NULL REFERENCES orgs(id),
  awarded_by INTEGER NOT NULL REFERENCES orgs(id),
  designated_on TEXT NOT NULL,
  title TEXT NOT NULL,
  review_by TEXT,
  note TEXT NOT NULL DEFAULT '',
  rule_set TEXT NOT NULL,
  ended_on TEXT,
  end_kind TEXT,
  end_reason TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1);
CREATE INDEX IF NOT EXISTS model_posts_branch ON model_posts(branch_id, designated_on);
CREATE INDEX IF NOT EXISTS model_posts_member ON model_posts(member_id);
CREATE TABLE IF NOT EXISTS model_post_reviews(
  id INTEGER PRIMARY KEY,
  post_id INTEGER NOT NULL REFERENCES model_posts(id),
  date TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS model_post_reviews_post ON model_post_reviews(post_id, id);
CREATE TABLE IF NOT EXISTS commendations(
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  level TEXT NOT NULL,
  date TEXT NOT NULL,
  awarded_by TEXT NOT NULL,
  member_id INTEGER REFERENCES members(id),
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  campaign_id INTEGER REFERENCES eval_campaigns(id),
  note TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS commendations_org ON commendations(org_id, date);
CREATE INDEX IF NOT EXISTS commendations_member ON commendations(member_id);
)sql";

}  // namespace dangyuan::storage
