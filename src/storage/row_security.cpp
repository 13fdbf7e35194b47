// Row-level security on PostgreSQL (row_security.hpp).
//
// The policies call a few functions of the store's schema, each evaluated once per statement (written
// as a scalar subquery, which PostgreSQL runs as an init plan) rather than once per row:
//   dangyuan_scope_of(role)   the organisations of the role's subtree; NULL: the whole store; none for
//                             a role that is not mapped or may not read the roster
//   dangyuan_reach_of(role)   the subtree and the organisations above it (a branch reads the campaigns,
//                             cycles and meetings its higher committees organise, as the library lets it)
//   dangyuan_guests_of(role)  members of other branches the subtree manages as well (一方隶属、多重管理):
//                             those with a transfer letter to it, an absence hosted by it, or a
//                             registration with its community
//   dangyuan_whole_store(role), dangyuan_reads_audit(role)
// They are SECURITY DEFINER (they read the mapping and the organisation tree past the policies) and
// answer only for a role the session may act as (pg_has_role of session_user), so that a role cannot
// ask what another role sees. A row that belongs to a member is visible when the member is (the members
// table's own policy applies inside the EXISTS); a row that belongs to another row, when that row is.

#include "row_security.hpp"

#include <set>
#include <string>

#include "dangyuan/core/enum_table.hpp"
#include "dangyuan/core/errors.hpp"
#include "rows.hpp"

namespace dangyuan::storage {
namespace {

// (CAST: `= ANY (SELECT …)` would compare with each row of the subquery rather than the array it returns.)
std::string const scope_set = "CAST((SELECT dangyuan_scope_of(current_user)) AS BIGINT[])";
std::string const reach_set = "CAST((SELECT dangyuan_reach_of(current_user)) AS BIGINT[])";
std::string const guest_set = "CAST((SELECT dangyuan_guests_of(current_user)) AS BIGINT[])";
std::string const whole_store = "(SELECT dangyuan_whole_store(current_user))";
std::string const reads_audit = "(SELECT dangyuan_reads_audit(current_user))";

// The row's organisation column is in the principal's subtree.
std::string in_scope(std::string const& column) {
    return "(" + scope_set + " IS NULL OR " + column + " = ANY(" + scope_set + "))";
}
// … in the subtree or above it.
std::string in_reach(std::string const& column) {
    return "(" + reach_set + " IS NULL OR " + column + " = ANY(" + reach_set + "))";
}
// The member the row belongs to is visible.
std::string member_seen(std::string const& table, std::string const& column = "member_id") {
    return "EXISTS (SELECT 1 FROM members dy_m WHERE dy_m.id = " + table + "." + column + ")";
}
// The row it belongs to is visible.
std::string parent_seen(std::string const& table, std::string const& column, std::string const& parent) {
    return "EXISTS (SELECT 1 FROM " + parent + " dy_p WHERE dy_p.id = " + table + "." + column + ")";
}
std::string either(std::string const& a, std::string const& b) {
    return "(" + a + " OR " + b + ")";
}

std::vector<row_scope> make_scopes() {
    std::vector<row_scope> s;
    auto add = [&](std::string_view table, std::string read, std::string write = {}) {
        s.push_back({table, std::move(read), std::move(write)});
    };
    auto by_member = [&](std::string_view table) { add(table, member_seen(std::string(table))); };
    auto by_member_or_org = [&](std::string_view table, std::string const& org) {
        add(table, either(member_seen(std::string(table)), in_scope(org)));
    };
    auto by_parent = [&](std::string_view table, std::string const& column, std::string const& parent) {
        add(table, parent_seen(std::string(table), column, parent));
    };
    // Tables every mapped role reads; only a principal over the whole store changes them.
    for (auto t : {"dangyuan_schema", "meta", "rule_sets", "holiday_data"})
        add(t, "true", whole_store);
    // Certificate numbers are drawn by whichever committee issues one.
    add("mob_certificate_numbering", "true", "true");
    // The organisation tree is not personal data: every role reads it (the library checks that an
    // organisation exists, and walks up from it, for any call). Changes stay in the subtree.
    add("orgs", "true", either(in_scope("id"), in_scope("parent_id")));
    add("members",
        "(" + scope_set + " IS NULL OR branch_id = ANY(" + scope_set + ") OR id = ANY(" + guest_set + "))");
    // Seeing the trail is the auditor's (read_audit over the whole store); every writer appends to it.
    add("audit", reads_audit, "true");

    for (auto t : {"abroad_contacts", "abroad_records", "eval_records", "life_dues_accounts",
                   "life_dues_bases", "life_dues_excuses", "life_dues_reliefs", "life_training",
                   "mob_branch_moves", "mob_episodes", "party_probations", "standing_events"})
        by_member(t);
    by_member_or_org("accountability_records", "org_id");
    by_member_or_org("commendations", "org_id");
    by_member_or_org("community_feedback", "branch_id");
    by_member_or_org("community_registrations", "community_id");
    by_member_or_org("community_service", "community_id");
    by_member_or_org("dev_cases", "branch_id");
    by_member_or_org("disp_files", "org_id");
    by_member_or_org("life_dues_payments", "collecting_org");
    by_member_or_org("mob_certificates", "branch_id");
    by_member_or_org("mob_contact_logs", "branch_id");
    by_member_or_org("model_posts", "branch_id");
    add("mob_transfers",
        either(member_seen("mob_transfers"), either(in_scope("to_org_id"), in_scope("from_org_id"))));
    add("org_leadership", either(member_seen("org_leadership"), in_reach("org_id")));

    // Organised for the subtree below: read from below as well.
    add("appraisal_cycles", in_reach("organiser_id"));
    add("coverage_units", in_reach("responsible_id"));
    add("eval_campaigns", in_reach("org_id"));
    add("life_meetings", in_reach("org_id"));
    // About one organisation.
    for (auto t : {"appraisal_reports", "decision_cases", "election_cases", "rectifications"})
        add(t, in_scope("org_id"));

    by_parent("appraisal_applications", "report_id", "appraisal_reports");
    by_parent("appraisal_ratings", "report_id", "appraisal_reports");
    by_parent("coverage_headcounts", "unit_id", "coverage_units");
    add("coverage_instructors", either(member_seen("coverage_instructors"),
                                       parent_seen("coverage_instructors", "unit_id", "coverage_units")));
    add("coverage_links",
        either(in_scope("org_id"), parent_seen("coverage_links", "unit_id", "coverage_units")));
    add("coverage_member_units", either(member_seen("coverage_member_units"),
                                        parent_seen("coverage_member_units", "unit_id", "coverage_units")));
    by_parent("decision_records", "case_id", "decision_cases");
    by_parent("dev_steps", "case_id", "dev_cases");
    by_parent("disp_records", "file_id", "disp_files");
    by_parent("disp_talkers", "record_id", "disp_records");
    by_parent("election_records", "election_id", "election_cases");
    for (auto t : {"election_members", "election_write_ins"})
        by_parent(t, "record_id", "election_records");
    for (auto t : {"eval_choices", "eval_participants", "eval_voters"})
        by_parent(t, "record_id", "eval_records");
    add("life_attendance", either(member_seen("life_attendance"),
                                  parent_seen("life_attendance", "meeting_id", "life_meetings")));
    add("mob_certificate_records",
        either(in_scope("org_id"),
               parent_seen("mob_certificate_records", "certificate_id", "mob_certificates")));
    by_parent("mob_contact_records", "log_id", "mob_contact_logs");
    add("mob_episode_records",
        either(in_scope("host_org_id"), parent_seen("mob_episode_records", "episode_id", "mob_episodes")));
    add("mob_transfer_records",
        either(in_scope("by_org_id"), parent_seen("mob_transfer_records", "transfer_id", "mob_transfers")));
    by_parent("model_post_reviews", "post_id", "model_posts");
    for (auto t : {"rectification_commitments", "rectification_evaluations", "rectification_milestones",
                   "rectification_reviews"})
        by_parent(t, "rectification_id", "rectifications");
    add("rectification_contacts",
        either(in_scope("org_id"),
               parent_seen("rectification_contacts", "rectification_id", "rectifications")));
    return s;
}

// The principals' table and the functions the policies call. Functions are replaced on every install,
// so that a store gets the current definitions with its next grant or migration.
constexpr char const* functions_sql = R"sql(
CREATE TABLE IF NOT EXISTS dangyuan_principals(
  pg_role NAME PRIMARY KEY,
  actor TEXT NOT NULL,
  role TEXT NOT NULL,
  permissions TEXT[] NOT NULL,
  root_org BIGINT REFERENCES orgs(id));
ALTER TABLE dangyuan_principals ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS dangyuan_own ON dangyuan_principals;
CREATE POLICY dangyuan_own ON dangyuan_principals FOR SELECT USING (pg_role = current_user);

CREATE OR REPLACE FUNCTION dangyuan_principal_of(r NAME) RETURNS dangyuan_principals
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE p dangyuan_principals;
BEGIN
  IF NOT pg_has_role(session_user, r, 'MEMBER') THEN
    RAISE EXCEPTION 'the session may not act as role %', r USING ERRCODE = '42501';
  END IF;
  SELECT * INTO p FROM dangyuan_principals WHERE pg_role = r;
  RETURN p;
END $$;

CREATE OR REPLACE FUNCTION dangyuan_scope_of(r NAME) RETURNS BIGINT[]
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE p dangyuan_principals := dangyuan_principal_of(r);
BEGIN
  IF p.pg_role IS NULL OR NOT ('read_roster' = ANY(p.permissions)) THEN RETURN '{}'; END IF;
  IF p.root_org IS NULL THEN RETURN NULL; END IF;
  RETURN ARRAY(WITH RECURSIVE down(id) AS (
      SELECT p.root_org UNION SELECT o.id FROM orgs o JOIN down ON o.parent_id = down.id)
    SELECT id FROM down);
END $$;

CREATE OR REPLACE FUNCTION dangyuan_reach_of(r NAME) RETURNS BIGINT[]
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  p dangyuan_principals := dangyuan_principal_of(r);
  below BIGINT[] := dangyuan_scope_of(r);
BEGIN
  IF below IS NULL OR cardinality(below) = 0 THEN RETURN below; END IF;
  RETURN below || ARRAY(WITH RECURSIVE up(id) AS (
      SELECT parent_id FROM orgs WHERE id = p.root_org
      UNION SELECT o.parent_id FROM orgs o JOIN up ON o.id = up.id WHERE o.parent_id IS NOT NULL)
    SELECT id FROM up WHERE id IS NOT NULL);
END $$;

CREATE OR REPLACE FUNCTION dangyuan_guests_of(r NAME) RETURNS BIGINT[]
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE below BIGINT[] := dangyuan_scope_of(r);
BEGIN
  IF below IS NULL OR cardinality(below) = 0 THEN RETURN '{}'; END IF;
  RETURN ARRAY(
    SELECT member_id FROM mob_transfers WHERE to_org_id = ANY(below)
    UNION SELECT e.member_id FROM mob_episodes e JOIN mob_episode_records x ON x.episode_id = e.id
      WHERE x.host_org_id = ANY(below)
    UNION SELECT member_id FROM community_registrations WHERE community_id = ANY(below));
END $$;

CREATE OR REPLACE FUNCTION dangyuan_whole_store(r NAME) RETURNS BOOLEAN
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE p dangyuan_principals := dangyuan_principal_of(r);
BEGIN
  RETURN p.pg_role IS NOT NULL AND p.root_org IS NULL;
END $$;

CREATE OR REPLACE FUNCTION dangyuan_reads_audit(r NAME) RETURNS BOOLEAN
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE p dangyuan_principals := dangyuan_principal_of(r);
BEGIN
  RETURN p.pg_role IS NOT NULL AND p.root_org IS NULL AND 'read_audit' = ANY(p.permissions);
END $$;

-- The last link of the audit chain, which every writer extends without reading the trail.
CREATE OR REPLACE FUNCTION dangyuan_audit_head() RETURNS TABLE(seq BIGINT, hash TEXT)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
  SELECT a.seq::BIGINT, a.hash FROM audit a ORDER BY a.seq DESC LIMIT 1
$$;
)sql";

// The permissions of a comma-separated list (array_to_string of the principals' table).
// \throws storage_error for a name no permission has.
permission_set permissions_from(std::string const& list) {
    permission_set ps;
    for (std::size_t at = 0; at < list.size();) {
        auto const end = std::min(list.find(',', at), list.size());
        auto const name = std::string_view(list).substr(at, end - at);
        auto const perm = parse_enum<permission>(name);
        if (!perm)
            throw storage_error("a server principal names an unknown permission '" + std::string(name) + "'");
        ps = ps.with(*perm);
        at = end + 1;
    }
    return ps;
}

bool writes_anything(permission_set p) {
    for (auto w :
         {permission::write_roster, permission::run_development, permission::approve_as_higher_committee,
          permission::run_evaluations, permission::organisational_life, permission::manage_mobility,
          permission::manage_organisations, permission::manage_profiles})
        if (p.contains(w)) return true;
    return false;
}

}  // namespace

std::vector<row_scope> const& row_scopes() {
    static std::vector<row_scope> const scopes = make_scopes();
    return scopes;
}

bool row_security_installed(sql::database& pg) {
    return pg.exec_int64("SELECT (to_regclass('dangyuan_principals') IS NOT NULL)::int") != 0;
}

void install_row_security(sql::database& pg) {
    pg.exec(functions_sql);
    // A store of an older schema (before its migration) lacks some tables; they get their policies when
    // the migration that adds them installs again.
    std::set<std::string> present;
    {
        sql::statement st(pg, "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()");
        while (st.step())
            present.insert(st.column(0).as_string());
    }
    for (auto const& t : row_scopes()) {
        std::string const table(t.table);
        if (!present.contains(table)) continue;
        auto const& write = t.write.empty() ? t.read : t.write;
        pg.exec("ALTER TABLE " + table + " ENABLE ROW LEVEL SECURITY;" +
                "DROP POLICY IF EXISTS dangyuan_read ON " + table + ";" +
                "DROP POLICY IF EXISTS dangyuan_insert ON " + table + ";" +
                "DROP POLICY IF EXISTS dangyuan_update ON " + table + ";" +
                "DROP POLICY IF EXISTS dangyuan_delete ON " + table + ";" +
                "CREATE POLICY dangyuan_read ON " + table + " FOR SELECT USING (" + t.read + ");" +
                "CREATE POLICY dangyuan_insert ON " + table + " FOR INSERT WITH CHECK (" + write + ");" +
                // A row may leave the subtree (a member transferred to another branch): the check on the
                // new row is the library's.
                "CREATE POLICY dangyuan_update ON " + table + " FOR UPDATE USING (" + write +
                ") WITH CHECK (true);" + "CREATE POLICY dangyuan_delete ON " + table + " FOR DELETE USING (" +
                write + ")");
    }
    // The privileges of every mapped role, for the tables a migration may have added.
    std::vector<std::pair<std::string, permission_set>> roles;
    {
        sql::statement st(
            pg,
            "SELECT quote_ident(pg_role), array_to_string(permissions, ',') FROM "
            "dangyuan_principals WHERE EXISTS (SELECT 1 FROM pg_roles WHERE rolname = pg_role)");
        while (st.step())
            roles.emplace_back(st.column(0).as_string(), permissions_from(st.column(1).as_string()));
    }
    for (auto const& [role, ps] : roles)
        grant_table_privileges(pg, role, ps);
}

void grant_table_privileges(sql::database& pg, std::string const& role, permission_set permissions) {
    auto const schema = quoted_schema(pg);
    pg.exec("GRANT USAGE ON SCHEMA " + schema + " TO " + role + ";" +
            "GRANT SELECT ON ALL TABLES IN SCHEMA " + schema + " TO " + role + ";" +
            "GRANT INSERT ON audit TO " + role);
    if (writes_anything(permissions))
        pg.exec("GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + schema + " TO " + role + ";" +
                "GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA " + schema + " TO " + role);
    pg.exec("REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON dangyuan_principals FROM " + role);
}

namespace {
constexpr char const* principal_columns =
    "SELECT pg_role, actor, role, array_to_string(permissions, ','), root_org FROM dangyuan_principals";

// A row of `principal_columns`.
server_principal read_principal(sql::statement& st) {
    server_principal out;
    out.server_role = st.column(0).as_string();
    auto& p = out.who;
    p.actor = st.column(1).as_string();
    p.role.name = st.column(2).as_string();
    p.role.permissions = permissions_from(st.column(3).as_string());
    if (!st.column(4).is_null()) p.org = org_id{st.column(4).as_int64()};
    return out;
}
}  // namespace

std::optional<principal> principal_of_role(sql::database& pg, std::string const& role) {
    sql::statement st(pg, std::string(principal_columns) + " WHERE pg_role = :r");
    st.bind(":r", role);
    if (!st.step()) return std::nullopt;
    return read_principal(st).who;
}

std::vector<server_principal> all_server_principals(sql::database& pg) {
    sql::statement st(pg, std::string(principal_columns) + " ORDER BY pg_role");
    std::vector<server_principal> out;
    while (st.step())
        out.push_back(read_principal(st));
    return out;
}

std::optional<principal> mapped_principal(sql::database& pg) {
    if (!row_security_installed(pg)) return std::nullopt;
    // The session's role, asked in the same query.
    sql::statement st(pg, std::string(principal_columns) + " WHERE pg_role = current_user");
    if (!st.step()) return std::nullopt;
    return read_principal(st).who;
}

std::string quoted_schema(sql::database& pg) {
    sql::statement st(pg, "SELECT quote_ident(current_schema())");
    (void)st.step();
    return st.column(0).as_string();
}

bool bypasses_row_security(sql::database& pg) {
    return pg.exec_int64(
               "SELECT (r.rolsuper OR r.rolbypassrls OR pg_has_role(current_user, c.relowner, "
               "'USAGE'))::int FROM pg_roles r, pg_class c WHERE r.rolname = current_user AND "
               "c.oid = to_regclass('members')") != 0;
}

}  // namespace dangyuan::storage
