// The schema of the evaluation tables and the row helpers the evaluation repositories share.

#include <algorithm>

#include "evaluation_rows.hpp"

namespace dangyuan {
namespace storage {

// Schema version 5. Lists inside a record (participants, voters, evaluator choices, talkers) have their
// own tables keyed by the record. `eval_records.year` repeats the campaign's year so that a unique index
// can hold eval.one_grade_per_year against concurrent writers.
char const* const migration_evaluation = R"sql(
CREATE TABLE eval_campaigns(
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  year INTEGER NOT NULL,
  rule_set TEXT NOT NULL,
  phase TEXT NOT NULL,
  began TEXT NOT NULL,
  closed_on TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE(org_id, year));
CREATE INDEX eval_campaigns_year ON eval_campaigns(year, org_id);
CREATE TABLE eval_records(
  id INTEGER PRIMARY KEY,
  campaign_id INTEGER NOT NULL REFERENCES eval_campaigns(id),
  year INTEGER NOT NULL,
  kind TEXT NOT NULL,
  date TEXT NOT NULL,
  phase TEXT,
  by_party_groups INTEGER,
  member_id INTEGER REFERENCES members(id),
  reason TEXT,
  approved_by TEXT,
  away_since TEXT,
  summary TEXT,
  source TEXT,
  tally_excellent INTEGER,
  tally_qualified INTEGER,
  tally_basically_qualified INTEGER,
  tally_unqualified INTEGER,
  grade TEXT,
  basis TEXT,
  informed_by TEXT,
  decided_by TEXT,
  vote_entitled INTEGER, vote_present INTEGER, vote_written INTEGER,
  vote_yes INTEGER, vote_no INTEGER, vote_abstain INTEGER,
  over_cap_reason TEXT,
  other_org_id INTEGER,
  follow_up TEXT,
  note TEXT);
CREATE INDEX eval_records_campaign ON eval_records(campaign_id, id);
CREATE UNIQUE INDEX eval_one_grade_per_year ON eval_records(year, member_id) WHERE kind = 'grade_decided';
CREATE TABLE eval_participants(
  id INTEGER PRIMARY KEY,
  record_id INTEGER NOT NULL REFERENCES eval_records(id),
  member_id INTEGER NOT NULL REFERENCES members(id),
  name TEXT NOT NULL,
  status TEXT NOT NULL,
  relationship_in INTEGER REFERENCES orgs(id));
CREATE INDEX eval_participants_record ON eval_participants(record_id, id);
CREATE TABLE eval_voters(
  id INTEGER PRIMARY KEY,
  record_id INTEGER NOT NULL REFERENCES eval_records(id),
  member_id INTEGER NOT NULL REFERENCES members(id));
CREATE INDEX eval_voters_record ON eval_voters(record_id, id);
CREATE TABLE eval_choices(
  id INTEGER PRIMARY KEY,
  record_id INTEGER NOT NULL REFERENCES eval_records(id),
  evaluator_id INTEGER NOT NULL REFERENCES members(id),
  grade TEXT NOT NULL);
CREATE INDEX eval_choices_record ON eval_choices(record_id, id);
CREATE TABLE disp_files(
  id INTEGER PRIMARY KEY,
  member_id INTEGER NOT NULL UNIQUE REFERENCES members(id),
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  rule_set TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1);
CREATE INDEX disp_files_org ON disp_files(org_id);
CREATE TABLE disp_records(
  id INTEGER PRIMARY KEY,
  file_id INTEGER NOT NULL REFERENCES disp_files(id),
  kind TEXT NOT NULL,
  date TEXT NOT NULL,
  matter TEXT NOT NULL,
  ground TEXT,
  form TEXT,
  status TEXT,
  proposed_by TEXT,
  campaign_id INTEGER REFERENCES eval_campaigns(id),
  already_disciplined INTEGER,
  filed_with TEXT,
  findings TEXT,
  note TEXT,
  vote_entitled INTEGER, vote_present INTEGER, vote_written INTEGER,
  vote_yes INTEGER, vote_no INTEGER, vote_abstain INTEGER,
  approved_by TEXT,
  correct_until TEXT,
  corrected INTEGER,
  withdrew INTEGER,
  reason TEXT);
CREATE INDEX disp_records_file ON disp_records(file_id, id);
CREATE TABLE disp_talkers(
  id INTEGER PRIMARY KEY,
  record_id INTEGER NOT NULL REFERENCES disp_records(id),
  member_id INTEGER NOT NULL REFERENCES members(id),
  status TEXT NOT NULL);
CREATE INDEX disp_talkers_record ON disp_talkers(record_id, id);
)sql";

namespace evaluation_rows {

// ---- column helpers

void bind_id(sql::statement& st, char const* name, std::int64_t v) {
    st.bind(name, static_cast<std::int64_t>(v));
}

void bind_vote(sql::statement& st, branch_vote const& v) {
    st.bind(":vote_entitled", v.entitled);
    st.bind(":vote_present", v.present);
    st.bind(":vote_written", v.written_opinions);
    st.bind(":vote_yes", v.yes);
    st.bind(":vote_no", v.no);
    st.bind(":vote_abstain", v.abstain);
}

// Reads six vote columns starting at `c`; nothing when the first is NULL.
std::optional<branch_vote> read_vote(sql::statement& st, int c) {
    if (st.column(c).is_null()) return std::nullopt;
    return branch_vote{col_int(st, c),     col_int(st, c + 1), col_int(st, c + 2),
                       col_int(st, c + 3), col_int(st, c + 4), col_int(st, c + 5)};
}

std::string vote_text(branch_vote const& v) {
    return "vote " + std::to_string(v.yes) + "/" + std::to_string(v.no) + "/" + std::to_string(v.abstain) +
           " of " + std::to_string(v.present) + " present, " + std::to_string(v.entitled) + " entitled";
}

// Optimistic concurrency: the aggregate must still have the version it was loaded with.
void bump_version(sql::database& db, char const* table, std::int64_t id, std::int64_t version,
                  std::string const& what) {
    sql::statement st(db, std::string("UPDATE ") + table +
                              " SET version = version + 1 WHERE id = :id AND version = :version");
    st.bind(":id", static_cast<std::int64_t>(id));
    st.bind(":version", static_cast<std::int64_t>(version));
    if (st.exec() != 1) throw conflict(what + " was changed by someone else meanwhile; reload and try again");
}

bool in_ids(std::vector<std::int64_t> const& ids, std::int64_t id) {
    return std::binary_search(ids.begin(), ids.end(), id);
}

}  // namespace evaluation_rows
}  // namespace storage
}  // namespace dangyuan
