// The tables of organisational life, training and dues (schema version 6; see schema.cpp).

#include "../impl.hpp"

namespace dangyuan::storage {

// Schema version 6. Months are stored as 'YYYY-MM' text and money as integer fen, class hours as
// integer tenths, so that the rows read well in any SQLite tool and sort correctly as text.
char const* const migration_life = R"sql(
CREATE TABLE life_meetings(
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  kind TEXT NOT NULL,
  date TEXT NOT NULL,
  topic TEXT NOT NULL,
  chair_id INTEGER REFERENCES members(id),
  chair_is_secretary INTEGER NOT NULL DEFAULT 0,
  recorded_on TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1);
CREATE INDEX life_meetings_org ON life_meetings(org_id, date);
CREATE INDEX life_meetings_date ON life_meetings(date);
CREATE TABLE life_attendance(
  meeting_id INTEGER NOT NULL REFERENCES life_meetings(id),
  seq INTEGER NOT NULL,
  member_id INTEGER NOT NULL REFERENCES members(id),
  status TEXT NOT NULL,
  absence_reason TEXT NOT NULL DEFAULT '',
  voting INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY(meeting_id, seq),
  UNIQUE(meeting_id, member_id));
CREATE INDEX life_attendance_member ON life_attendance(member_id);
CREATE TABLE life_training(
  id INTEGER PRIMARY KEY,
  member_id INTEGER NOT NULL REFERENCES members(id),
  date TEXT NOT NULL,
  course TEXT NOT NULL,
  hours_tenths INTEGER NOT NULL,
  concentrated INTEGER NOT NULL DEFAULT 0,
  provider TEXT NOT NULL DEFAULT '',
  recorded_on TEXT NOT NULL,
  UNIQUE(member_id, date, course));
CREATE INDEX life_training_date ON life_training(date);
CREATE TABLE life_dues_accounts(
  member_id INTEGER PRIMARY KEY REFERENCES members(id),
  ledger_start TEXT,
  last_month TEXT,
  pays_quarterly INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1);
CREATE TABLE life_dues_bases(
  id INTEGER PRIMARY KEY,
  member_id INTEGER NOT NULL REFERENCES life_dues_accounts(member_id),
  effective TEXT NOT NULL,
  category TEXT NOT NULL,
  base_fen INTEGER NOT NULL,
  UNIQUE(member_id, effective));
CREATE TABLE life_dues_reliefs(
  id INTEGER PRIMARY KEY,
  member_id INTEGER NOT NULL REFERENCES life_dues_accounts(member_id),
  from_month TEXT NOT NULL,
  to_month TEXT,
  monthly_fen INTEGER NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  branch_studied_on TEXT NOT NULL,
  approved_by TEXT NOT NULL,
  approved_on TEXT NOT NULL);
CREATE INDEX life_dues_reliefs_member ON life_dues_reliefs(member_id);
CREATE TABLE life_dues_excuses(
  id INTEGER PRIMARY KEY,
  member_id INTEGER NOT NULL REFERENCES life_dues_accounts(member_id),
  from_month TEXT NOT NULL,
  to_month TEXT NOT NULL,
  reason TEXT NOT NULL);
CREATE INDEX life_dues_excuses_member ON life_dues_excuses(member_id);
CREATE TABLE life_dues_payments(
  id INTEGER PRIMARY KEY,
  member_id INTEGER NOT NULL REFERENCES members(id),
  month TEXT NOT NULL,
  amount_fen INTEGER NOT NULL,
  voluntary INTEGER NOT NULL DEFAULT 0,
  paid_at TEXT NOT NULL,
  collecting_org INTEGER NOT NULL REFERENCES orgs(id),
  collected_by TEXT NOT NULL,
  paid_on TEXT NOT NULL,
  recorded_on TEXT NOT NULL,
  months_back INTEGER NOT NULL DEFAULT 0,
  late_back_payment INTEGER NOT NULL DEFAULT 0,
  to_centre INTEGER NOT NULL DEFAULT 0);
CREATE INDEX life_dues_payments_member ON life_dues_payments(member_id, month);
CREATE INDEX life_dues_payments_org ON life_dues_payments(collecting_org, paid_on);
)sql";

}  // namespace dangyuan::storage
