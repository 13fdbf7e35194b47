// The schema and its forward migrations. The file records its version in PRAGMA user_version and
// identifies itself with PRAGMA application_id, so that a foreign SQLite file is never "migrated".

#include <array>
#include <string>

#include "appraisal/appraisal_rows.hpp"
#include "community/community_rows.hpp"
#include "coverage/coverage_rows.hpp"
#include "dangyuan/storage/election_store.hpp"
#include "decision/decision_rows.hpp"
#include "development_columns.hpp"
#include "election/election_rows.hpp"
#include "honours/honours_rows.hpp"
#include "impl.hpp"
#include "rectification/rectification_rows.hpp"
#include "row_security.hpp"
#include "rows.hpp"
#include "schema_postgres.hpp"

namespace dangyuan::storage {
namespace {

constexpr int application_id = 0x44594E31;  // "DYN1"

// Migration N takes a store from version N-1 to N. Released migrations are never edited: a store
// written by an older library must end up exactly where a fresh one does.
std::array<char const*, store::schema_version_latest> const migrations{
    // 1: organisations, members, standing events, audit trail.
    R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE orgs(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  parent_id INTEGER REFERENCES orgs(id),
  established TEXT NOT NULL,
  dissolved TEXT,
  village_or_community INTEGER NOT NULL DEFAULT 0,
  term_start TEXT,
  term_years INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1);
CREATE INDEX orgs_parent ON orgs(parent_id);
CREATE TABLE members(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  sex TEXT NOT NULL,
  ethnicity TEXT NOT NULL,
  birth_date TEXT NOT NULL,
  id_number TEXT UNIQUE,
  education TEXT,
  category TEXT,
  work_unit TEXT NOT NULL DEFAULT '',
  post TEXT NOT NULL DEFAULT '',
  native_place TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  branch_id INTEGER NOT NULL REFERENCES orgs(id),
  joined_branch TEXT NOT NULL,
  application_date TEXT,
  admission_date TEXT NOT NULL,
  full_member_date TEXT,
  backfilled INTEGER NOT NULL DEFAULT 0,
  standing TEXT NOT NULL DEFAULT 'normal',
  exit_date TEXT,
  version INTEGER NOT NULL DEFAULT 1);
CREATE INDEX members_branch ON members(branch_id);
CREATE TABLE standing_events(
  id INTEGER PRIMARY KEY,
  member_id INTEGER NOT NULL REFERENCES members(id),
  kind TEXT NOT NULL,
  date TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  decided_by TEXT NOT NULL DEFAULT '');
CREATE INDEX standing_member ON standing_events(member_id, id);
CREATE TABLE audit(
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id INTEGER NOT NULL,
  action TEXT NOT NULL,
  why TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT '');
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
)sql",
    // 2: leadership (支部委员会 / 书记) per organisation, dated.
    R"sql(
CREATE TABLE org_leadership(
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  member_id INTEGER NOT NULL REFERENCES members(id),
  role TEXT NOT NULL,
  portfolio TEXT NOT NULL DEFAULT '',
  from_date TEXT NOT NULL,
  to_date TEXT);
CREATE INDEX leadership_org ON org_leadership(org_id, from_date);
)sql",
    // 3: development cases and their steps, registered rule sets, party probation (留党察看).
    R"sql(
CREATE TABLE rule_sets(name TEXT PRIMARY KEY, definition TEXT NOT NULL);
CREATE TABLE dev_cases(
  id INTEGER PRIMARY KEY,
  branch_id INTEGER NOT NULL REFERENCES orgs(id),
  name TEXT NOT NULL,
  sex TEXT NOT NULL,
  ethnicity TEXT NOT NULL,
  birth_date TEXT NOT NULL,
  id_number TEXT,
  education TEXT,
  category TEXT,
  work_unit TEXT NOT NULL DEFAULT '',
  rule_set TEXT NOT NULL,
  backfilled INTEGER NOT NULL DEFAULT 0,
  member_id INTEGER REFERENCES members(id),
  stage TEXT NOT NULL,
  outcome TEXT,
  version INTEGER NOT NULL DEFAULT 1);
CREATE INDEX dev_cases_branch ON dev_cases(branch_id);
CREATE INDEX dev_cases_id_number ON dev_cases(id_number);
CREATE TABLE dev_steps(
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES dev_cases(id),
  kind TEXT NOT NULL,
  date TEXT NOT NULL,
  by_member INTEGER,
  recommended TEXT,
  members TEXT NOT NULL DEFAULT '',
  passed INTEGER,
  conclusion TEXT NOT NULL DEFAULT '',
  document TEXT NOT NULL DEFAULT '',
  days INTEGER NOT NULL DEFAULT 0,
  class_hours INTEGER NOT NULL DEFAULT 0,
  special_case INTEGER NOT NULL DEFAULT 0,
  vote_entitled INTEGER, vote_present INTEGER, vote_written INTEGER,
  vote_yes INTEGER, vote_no INTEGER, vote_abstain INTEGER,
  decision TEXT,
  extension_months INTEGER NOT NULL DEFAULT 0,
  notice_for TEXT,
  notice_end TEXT,
  objections INTEGER NOT NULL DEFAULT 0,
  expected_leave TEXT,
  since TEXT,
  reason TEXT NOT NULL DEFAULT '');
CREATE INDEX dev_steps_case ON dev_steps(case_id, id);
CREATE TABLE party_probations(
  id INTEGER PRIMARY KEY,
  member_id INTEGER NOT NULL REFERENCES members(id),
  from_date TEXT NOT NULL,
  months INTEGER NOT NULL,
  rights_suspended INTEGER NOT NULL,
  decided_by TEXT NOT NULL DEFAULT '');
CREATE INDEX party_probations_member ON party_probations(member_id);
)sql",
    // 4: mobility episodes, certificates, transfer letters, contact logs (mobility_repository.cpp).
    migration_mobility,
    // 5: evaluation campaigns and dispositions (evaluation_repository.cpp).
    migration_evaluation,
    // 6: meetings, training ledger, dues (src/storage/life).
    migration_life,
    // 7: lookups by name.
    R"sql(
CREATE INDEX members_name ON members(name);
)sql",
    // 8: units of joint branches, the level of a training, members abroad and graduates
    //    (abroad_repository.cpp).
    R"sql(
ALTER TABLE orgs ADD COLUMN units INTEGER NOT NULL DEFAULT 0;
ALTER TABLE life_training ADD COLUMN level TEXT NOT NULL DEFAULT 'unspecified';
CREATE TABLE abroad_records(
  id INTEGER PRIMARY KEY,
  member_id INTEGER NOT NULL REFERENCES members(id),
  kind TEXT NOT NULL,
  from_date TEXT NOT NULL,
  until TEXT,
  place TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  recorded_on TEXT NOT NULL);
CREATE INDEX abroad_records_member ON abroad_records(member_id);
CREATE TABLE abroad_contacts(
  id INTEGER PRIMARY KEY,
  member_id INTEGER NOT NULL REFERENCES members(id),
  date TEXT NOT NULL,
  channel TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  recorded_on TEXT NOT NULL);
CREATE INDEX abroad_contacts_member ON abroad_contacts(member_id, date);
)sql",
    // 9: mobile applicants and the organisations their political review consulted; official holiday
    //    data loaded into the store (calendar_repository.cpp), applied in load order.
    R"sql(
ALTER TABLE dev_cases ADD COLUMN mobile INTEGER NOT NULL DEFAULT 0;
ALTER TABLE dev_steps ADD COLUMN household_org TEXT NOT NULL DEFAULT '';
ALTER TABLE dev_steps ADD COLUMN residence_org TEXT NOT NULL DEFAULT '';
CREATE TABLE holiday_data(
  id INTEGER PRIMARY KEY,
  years TEXT NOT NULL,
  definition TEXT NOT NULL,
  source TEXT NOT NULL);
)sql",
    // 10: the audit chain: each entry's SHA-256 over the previous one's (storage/audit_chain.hpp); the
    //     entries already there are hashed by start_audit_chain (audit_chain.cpp) after this SQL.
    R"sql(
ALTER TABLE audit ADD COLUMN hash TEXT;
)sql",
    // 11: a free-text note on every development step; the values a step's kind does not have are moved
    //     into it by move_stranded_step_values (development_columns.cpp) after this SQL.
    R"sql(
ALTER TABLE dev_steps ADD COLUMN note TEXT NOT NULL DEFAULT '';
)sql",
    // 12 (election_schema_version): election cases, their records and lists (src/storage/election).
    migration_election,
    // 13 (decision_schema_version): village and community decision cases by 四议两公开
    //     (decision/decision_schema.cpp).
    migration_decision,
    // 14 (id_number_index_schema_version): the ID number's uniqueness as a separate index
    //    (members_id_number) instead of a constraint of the table, so that a bulk insert can drop it with
    //    the other secondary indexes and build it again by sorting (docs/performance.md, ten million
    //    members). SQLite cannot drop a table's constraint: the table is built again under the same
    //    name, with its rows and ids, by the procedure of the SQLite manual (ALTER TABLE, "making other
    //    kinds of table schema changes"); foreign keys are not enforced while migrations run.
    R"sql(
CREATE TABLE members_v14(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  sex TEXT NOT NULL,
  ethnicity TEXT NOT NULL,
  birth_date TEXT NOT NULL,
  id_number TEXT,
  education TEXT,
  category TEXT,
  work_unit TEXT NOT NULL DEFAULT '',
  post TEXT NOT NULL DEFAULT '',
  native_place TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  branch_id INTEGER NOT NULL REFERENCES orgs(id),
  joined_branch TEXT NOT NULL,
  application_date TEXT,
  admission_date TEXT NOT NULL,
  full_member_date TEXT,
  backfilled INTEGER NOT NULL DEFAULT 0,
  standing TEXT NOT NULL DEFAULT 'normal',
  exit_date TEXT,
  version INTEGER NOT NULL DEFAULT 1);
INSERT INTO members_v14(id, name, sex, ethnicity, birth_date, id_number, education, category, work_unit,
  post, native_place, phone, address, branch_id, joined_branch, application_date, admission_date,
  full_member_date, backfilled, standing, exit_date, version)
SELECT id, name, sex, ethnicity, birth_date, id_number, education, category, work_unit, post,
  native_place, phone, address, branch_id, joined_branch, application_date, admission_date,
  full_member_date, backfilled, standing, exit_date, version FROM members ORDER BY id;
DROP TABLE members;
ALTER TABLE members_v14 RENAME TO members;
CREATE INDEX members_branch ON members(branch_id);
CREATE INDEX members_name ON members(name);
CREATE UNIQUE INDEX members_id_number ON members(id_number);
)sql",
    // 15 (community_schema_version): in-service members registered with a community, their service and
    //    the community's yearly feedback (community/community_schema.cpp).
    migration_community,
    // 16 (honours_schema_version): model posts and commendations (党员示范岗, 两优一先;
    //     honours/honours_schema.cpp).
    migration_honours,
    // 17 (appraisal_schema_version): the party-building appraisal and accountability (述职评议考核, 问责;
    //     appraisal/appraisal_schema.cpp).
    migration_appraisal,
    // 18 (rectification_schema_version): designations of weak organisations for rectification with their
    //     contacts, milestones, commitments, evaluations and reviews
    //     (rectification/rectification_schema.cpp).
    migration_rectification,
    // 19 (coverage_schema_version): the register of units and their coverage by organisations, instructors
    //     and members (两新组织党建覆盖; coverage/coverage_schema.cpp).
    migration_coverage,
    // 20 (rectification_rule_set_schema_version): the rule set each designation for rectification was made
    //     under, `rectifications.rule_set` (add_rectification_rule_set, run after this SQL;
    //     rectification/rectification_schema.cpp).
    migration_rectification_rule_set,
};
static_assert(election_schema_version < decision_schema_version &&
              decision_schema_version < id_number_index_schema_version &&
              id_number_index_schema_version < community_schema_version &&
              community_schema_version < honours_schema_version &&
              honours_schema_version < appraisal_schema_version &&
              appraisal_schema_version < rectification_schema_version &&
              rectification_schema_version < coverage_schema_version &&
              coverage_schema_version < rectification_rule_set_schema_version &&
              rectification_rule_set_schema_version == store::schema_version_latest);

// Takes an SQLite store from version `from` to `to`, inside the caller's transaction.
void apply_sqlite_migrations(sql::database& db, int from, int to) {
    for (int v = from; v < to; ++v) {
        db.exec(migrations[static_cast<std::size_t>(v)]);
        run_migration_code(db, v + 1);
    }
    db.exec("PRAGMA application_id = " + std::to_string(application_id));
    db.exec("PRAGMA user_version = " + std::to_string(to));
    if (from == 0) db.exec("INSERT INTO meta(key, value) VALUES('created_by', 'dangyuan')");
}

int pragma_int(sql::database& db, char const* pragma) {
    sql::statement st(db, std::string("PRAGMA ") + pragma);
    return st.step() ? st.column(0).as_int() : 0;
}

}  // namespace

void run_migration_code(sql::database& db, int version) {
    if (version == audit_chain_schema_version) start_audit_chain(db);
    if (version == step_note_schema_version) (void)move_stranded_step_values(db);
    // Schema only (a column SQLite cannot add conditionally): on PostgreSQL the derived step adds it.
    if (version == rectification_rule_set_schema_version && db.is_sqlite()) add_rectification_rule_set(db);
}

sql::database sqlite_schema_at(int version) {
    if (version < 0 || version > store::schema_version_latest)
        throw storage_error("no schema version " + std::to_string(version));
    auto lite = sql::open_sqlite(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, 0);
    sql::write_transaction tx(lite);
    if (version > 0) apply_sqlite_migrations(lite, 0, version);
    tx.commit();
    return lite;
}

int read_schema_version(sql::database& db) {
    if (!db.is_sqlite()) {
        bool empty = false;
        return postgres_schema_version(db, empty);
    }
    return pragma_int(db, "user_version");
}

namespace {

// The schema version of a file that is a dangyuan store or empty (0 for an empty one).
int identify(sql::database& db, bool& empty) {
    if (!db.is_sqlite()) {
        int const version = postgres_schema_version(db, empty);
        if (version > store::schema_version_latest)
            throw storage_error("the store has schema version " + std::to_string(version) +
                                ", newer than this library supports (" +
                                std::to_string(store::schema_version_latest) +
                                "); open it with a newer dangyuan / 数据库版本较新，请升级 dangyuan");
        return version;
    }
    // One statement, so one snapshot: read one by one, another process creating the store could commit
    // between the reads (an empty application id, then tables).
    sql::statement st(db,
                      "SELECT (SELECT application_id FROM pragma_application_id()), "
                      "(SELECT user_version FROM pragma_user_version()), "
                      "(SELECT count(*) FROM sqlite_master)");
    (void)st.step();
    int const app = st.column(0).as_int();
    int const version = st.column(1).as_int();
    empty = st.column(2).as_int() == 0;
    if (!empty && app != application_id)
        throw storage_error("the file is an SQLite database but not a dangyuan store (application_id " +
                            std::to_string(app) + ")");
    if (version > store::schema_version_latest)
        throw storage_error("the store has schema version " + std::to_string(version) +
                            ", newer than this library supports (" +
                            std::to_string(store::schema_version_latest) +
                            "); open it with a newer dangyuan / 数据文件版本较新，请升级 dangyuan");
    return version;
}

}  // namespace

void migrate(sql::database& db) {
    bool empty = false;
    if (in_read("reading the schema version", [&] { return identify(db, empty); }) ==
        store::schema_version_latest)
        return;
    in_read("migrating the schema", [&] {
        sql::write_transaction tx(db);
        // Another process may have created or migrated the file while this one waited for the lock.
        int const version = identify(db, empty);
        if (version == store::schema_version_latest) return;  // nothing written: the rollback is empty
        if (!db.is_sqlite()) {
            // An empty database gets the latest schema in one go; an older store the steps it lacks,
            // each derived from the SQLite migration (schema_postgres.cpp).
            if (version == 0)
                create_postgres_schema(db);  // with the meta row created_by, copied from the SQLite schema
            else
                migrate_postgres(db, version);
            // New tables get their policies and the mapped roles their privileges on them.
            if (version != 0 && row_security_installed(db)) install_row_security(db);
            tx.commit();
            return;
        }
        apply_sqlite_migrations(db, version, store::schema_version_latest);
        tx.commit();
    });
}

void check_readable(sql::database& db) {
    bool empty = false;
    int const version = in_read("reading the schema version", [&] { return identify(db, empty); });
    if (empty)
        throw storage_error(std::string(db.is_sqlite() ? "the file" : "the database") +
                            " holds no dangyuan store (create one with `dangyuan init`)");
    if (version < store::schema_version_latest)
        throw storage_error("the store has schema version " + std::to_string(version) + ", older than " +
                            std::to_string(store::schema_version_latest) +
                            "; open it once for writing (`dangyuan init`) to migrate it, then read it");
}

void check_backup(sql::database& db) {
    bool empty = false;
    int const version = identify(db, empty);
    if (empty || version == 0) throw storage_error("the backup holds no dangyuan store");
    sql::statement st(db, "PRAGMA integrity_check");
    std::string problems;
    while (st.step()) {
        auto const line = st.column(0).as_string();
        if (line == "ok") continue;
        if (problems.size() < 400) problems += (problems.empty() ? "" : "; ") + line;
    }
    if (!problems.empty()) throw storage_error("the backup fails the integrity check: " + problems);
}

void check_restore_target(sql::database& db) {
    bool empty = false;
    (void)identify(db, empty);  // a foreign SQLite file or a newer store is never overwritten
}

}  // namespace dangyuan::storage
