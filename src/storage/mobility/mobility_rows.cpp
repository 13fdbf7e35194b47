// Persistence of the mobility domain: the schema of its tables and the row helpers its repositories
// share (see mobility_rows.hpp).

#include <algorithm>
#include <cstdio>

#include "dangyuan/core/month.hpp"
#include "mobility_rows.hpp"

namespace dangyuan {
namespace storage {

char const* const migration_mobility = R"sql(
CREATE TABLE mob_episodes(
  id INTEGER PRIMARY KEY,
  member_id INTEGER NOT NULL REFERENCES members(id),
  member_name TEXT NOT NULL,
  home_branch_id INTEGER NOT NULL REFERENCES orgs(id),
  left_on TEXT NOT NULL,
  closed_on TEXT,
  version INTEGER NOT NULL DEFAULT 1);
CREATE INDEX mob_episodes_member ON mob_episodes(member_id);
CREATE INDEX mob_episodes_home ON mob_episodes(home_branch_id);
CREATE TABLE mob_episode_records(
  id INTEGER PRIMARY KEY,
  episode_id INTEGER NOT NULL REFERENCES mob_episodes(id),
  kind TEXT NOT NULL,
  date TEXT NOT NULL,
  reason TEXT NOT NULL,
  place TEXT NOT NULL DEFAULT '',
  host_org_id INTEGER REFERENCES orgs(id),
  host_org_name TEXT NOT NULL DEFAULT '',
  fixed_place INTEGER NOT NULL DEFAULT 0,
  expected_months INTEGER,
  dues_month TEXT,
  dues_months INTEGER NOT NULL DEFAULT 0,
  amount_fen INTEGER NOT NULL DEFAULT 0,
  note TEXT NOT NULL DEFAULT '');
CREATE INDEX mob_episode_records_episode ON mob_episode_records(episode_id, id);
CREATE INDEX mob_episode_records_host ON mob_episode_records(host_org_id);
CREATE TABLE mob_certificate_numbering(
  id INTEGER PRIMARY KEY CHECK (id = 1),
  prefix TEXT NOT NULL,
  digits INTEGER NOT NULL,
  next_sequence INTEGER NOT NULL,
  version INTEGER NOT NULL DEFAULT 1);
CREATE TABLE mob_certificates(
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  member_id INTEGER NOT NULL REFERENCES members(id),
  member_name TEXT NOT NULL,
  branch_id INTEGER NOT NULL REFERENCES orgs(id),
  issuing_committee_id INTEGER NOT NULL REFERENCES orgs(id),
  issued TEXT NOT NULL,
  reason TEXT NOT NULL,
  destination TEXT NOT NULL,
  expected_months INTEGER NOT NULL,
  fixed_place INTEGER NOT NULL,
  transfer_blocked_reason TEXT NOT NULL DEFAULT '',
  replaces TEXT,
  state TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1);
CREATE INDEX mob_certificates_member ON mob_certificates(member_id);
CREATE INDEX mob_certificates_branch ON mob_certificates(branch_id);
CREATE TABLE mob_certificate_records(
  id INTEGER PRIMARY KEY,
  certificate_id INTEGER NOT NULL REFERENCES mob_certificates(id),
  kind TEXT NOT NULL,
  date TEXT NOT NULL,
  org_id INTEGER REFERENCES orgs(id),
  org_name TEXT NOT NULL DEFAULT '',
  evaluation_id INTEGER,
  text TEXT NOT NULL DEFAULT '');
CREATE INDEX mob_certificate_records_certificate ON mob_certificate_records(certificate_id, id);
CREATE TABLE mob_transfers(
  id INTEGER PRIMARY KEY,
  serial TEXT NOT NULL,
  member_id INTEGER NOT NULL REFERENCES members(id),
  member_name TEXT NOT NULL,
  from_org_id INTEGER NOT NULL REFERENCES orgs(id),
  from_name TEXT NOT NULL,
  to_org_id INTEGER NOT NULL REFERENCES orgs(id),
  to_name TEXT NOT NULL,
  issued TEXT NOT NULL,
  validity_days INTEGER NOT NULL DEFAULT 0,
  state TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE(from_org_id, serial));
CREATE INDEX mob_transfers_member ON mob_transfers(member_id);
CREATE INDEX mob_transfers_to ON mob_transfers(to_org_id);
CREATE TABLE mob_transfer_records(
  id INTEGER PRIMARY KEY,
  transfer_id INTEGER NOT NULL REFERENCES mob_transfers(id),
  kind TEXT NOT NULL,
  date TEXT NOT NULL,
  by_org_id INTEGER REFERENCES orgs(id),
  note TEXT NOT NULL DEFAULT '');
CREATE INDEX mob_transfer_records_transfer ON mob_transfer_records(transfer_id, id);
CREATE TABLE mob_branch_moves(
  id INTEGER PRIMARY KEY,
  member_id INTEGER NOT NULL REFERENCES members(id),
  date TEXT NOT NULL,
  from_branch_id INTEGER NOT NULL REFERENCES orgs(id),
  to_branch_id INTEGER NOT NULL REFERENCES orgs(id),
  previous_joined_branch TEXT NOT NULL,
  transfer_id INTEGER REFERENCES mob_transfers(id));
CREATE INDEX mob_branch_moves_member ON mob_branch_moves(member_id, id);
CREATE TABLE mob_contact_logs(
  id INTEGER PRIMARY KEY,
  member_id INTEGER NOT NULL UNIQUE REFERENCES members(id),
  member_name TEXT NOT NULL,
  branch_id INTEGER NOT NULL REFERENCES orgs(id),
  known_contact TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1);
CREATE INDEX mob_contact_logs_branch ON mob_contact_logs(branch_id);
CREATE TABLE mob_contact_records(
  id INTEGER PRIMARY KEY,
  log_id INTEGER NOT NULL REFERENCES mob_contact_logs(id),
  kind TEXT NOT NULL,
  date TEXT NOT NULL,
  channel TEXT NOT NULL DEFAULT '',
  by_whom TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '');
CREATE INDEX mob_contact_records_log ON mob_contact_records(log_id, id);
)sql";

namespace mobility_rows {

std::string ym_text(date::year_month ym) {
    return format_month(ym);
}

date::year_month parse_ym(std::string const& t, char const* column) {
    try {
        return parse_iso_month(t, column);
    } catch (invalid_input const&) {
        throw storage_error("column " + std::string(column) + " holds '" + t + "', not a YYYY-MM month");
    }
}

binder no_bind() {
    return [](sql::statement&) {};
}
binder bind_int(std::int64_t v) {
    return [v](sql::statement& st) { st.bind(":id", v); };
}

// ---- organisations and members

bool at_or_below(sql::database& db, org_id node, org_id root) {
    auto const ids = storage::scope_org_ids(db, scope::subtree(root));
    return std::binary_search(ids.begin(), ids.end(), raw(node));
}

bool in_ids(std::vector<std::int64_t> const& ids, org_id o) {
    return std::binary_search(ids.begin(), ids.end(), raw(o));
}

// The nearest grassroots or working committee above `branch`, if any.
std::optional<org_id> committee_above(store const& s, org_id branch) {
    auto o = s.org(branch);
    while (o.parent) {
        o = s.org(*o.parent);
        if (o.kind == org_kind::grassroots_committee || o.kind == org_kind::working_committee) return o.id;
    }
    return std::nullopt;
}

// Refuses a date on which `m` is not a member, has left the party or (unless allowed) is suspended.
void require_member_on(store const& s, member const& m, date::sys_days d, bool allow_suspended,
                       std::string const& what) {
    auto const st = s.standing_on(m.id, d);
    if (!st)
        throw invalid_input("member", m.name + " was admitted on " + format_iso(m.admission_date) +
                                          ", after " + what + " on " + format_iso(d));
    if (st->state == standing_state::exited)
        throw invalid_input("member",
                            m.name + " left the party on " + format_iso(*st->since) + "; no " + what);
    if (st->state == standing_state::suspended && !allow_suspended)
        throw invalid_input("member", m.name + "'s standing is suspended (停止党籍) since " +
                                          format_iso(*st->since) + "; no " + what);
}

}  // namespace mobility_rows
}  // namespace storage
}  // namespace dangyuan
