// Persistence of the mobility domain: episodes, activity certificates and their numbering, transfer
// letters and branch moves, contact logs; the domain's agenda items and statistics.
//
// Each aggregate is a header row plus one row per record, one column per field, and is read back by
// replaying the records into the pure structs of dangyuan/mobility. Header rows carry a version that
// every append bumps (a stale writer gets `conflict`) and a small snapshot (closed_on, state) that is
// only used to filter. Every command validates against the replayed aggregates with the pure rules
// before its transaction opens, so that a refused command writes nothing.

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <set>
#include <unordered_map>

#include "dangyuan/mobility/mobility_agenda.hpp"
#include "dangyuan/storage/mobility_store.hpp"
#include "impl.hpp"
#include "plausibility.hpp"

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

}  // namespace storage

namespace {

using storage::bind_date;
using storage::column_date;
using storage::format_iso;
using binder = std::function<void(SQLite::Statement&)>;

storage::store_impl& impl_of(store const& s) {
    return detail::store_access::of(s);
}

template <class Tag>
std::int64_t raw(strong_id<Tag> id) {
    return static_cast<std::int64_t>(id.value());
}

void bind_opt_id(SQLite::Statement& st, int i, std::optional<std::int64_t> v) {
    if (v)
        st.bind(i, *v);
    else
        st.bind(i);
}

template <class Tag>
std::optional<std::int64_t> opt_raw(std::optional<strong_id<Tag>> id) {
    return id ? std::optional(raw(*id)) : std::nullopt;
}

template <class Id>
std::optional<Id> column_id(SQLite::Statement& st, int c) {
    auto col = st.getColumn(c);
    if (col.isNull()) return std::nullopt;
    return Id{col.getInt64()};
}

// Parses an enum column with the domain's own parser; bad text means the file was edited by hand.
template <class Parse>
auto parse_column(Parse parse, std::string const& text, char const* column) {
    try {
        return parse(text);
    } catch (invalid_input const&) {
        throw storage_error(std::string("column ") + column + " holds '" + text + "'");
    }
}

std::string ym_text(date::year_month ym) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u", static_cast<int>(ym.year()),
                  static_cast<unsigned>(ym.month()));
    return buf;
}

date::year_month parse_ym(std::string const& t, char const* column) {
    // Reuse the strict date parser on the first day of the month.
    auto const d = date::year_month_day{storage::parse_iso(t + "-01", column)};
    return d.year() / d.month();
}

transfer_event_kind parse_transfer_kind(std::string const& s) {
    if (s == to_string(transfer_event_kind::received)) return transfer_event_kind::received;
    if (s == to_string(transfer_event_kind::revoked)) return transfer_event_kind::revoked;
    throw invalid_input("kind", s);
}

contact_kind parse_contact_kind(std::string const& s) {
    if (s == to_string(contact_kind::reached)) return contact_kind::reached;
    if (s == to_string(contact_kind::attempt_failed)) return contact_kind::attempt_failed;
    throw invalid_input("kind", s);
}

// ---- generic loading: header rows, then all their records in one query

template <class Agg>
struct stored {
    std::int64_t row = 0;
    std::int64_t version = 0;
    Agg value;
};

// `head_sql` selects id, version, then the header fields (read by `read_head` from column 2);
// `records_sql` selects the parent id, then the record fields (appended by `add_record` from column 1).
// Both carry the same WHERE clause, bound by `bind`.
template <class Agg, class ReadHead, class AddRecord>
std::vector<stored<Agg>> load(SQLite::Database& db, std::string const& head_sql,
                              std::string const& records_sql, binder const& bind, ReadHead read_head,
                              AddRecord add_record) {
    std::vector<stored<Agg>> out;
    std::unordered_map<std::int64_t, std::size_t> index;
    SQLite::Statement head(db, head_sql);
    bind(head);
    while (head.executeStep()) {
        stored<Agg> s;
        s.row = head.getColumn(0).getInt64();
        s.version = head.getColumn(1).getInt64();
        s.value = read_head(head);
        index.emplace(s.row, out.size());
        out.push_back(std::move(s));
    }
    if (out.empty()) return out;
    SQLite::Statement recs(db, records_sql);
    bind(recs);
    while (recs.executeStep()) {
        auto const it = index.find(recs.getColumn(0).getInt64());
        if (it != index.end()) add_record(out[it->second].value, recs);
    }
    return out;
}

binder no_bind() {
    return [](SQLite::Statement&) {};
}
binder bind_int(std::int64_t v) {
    return [v](SQLite::Statement& st) { st.bind(1, v); };
}

// ---- episodes

constexpr char const* episode_head =
    "SELECT e.id, e.version, e.member_id, e.member_name, e.home_branch_id FROM mob_episodes e ";
constexpr char const* episode_records =
    "SELECT r.episode_id, r.kind, r.date, r.reason, r.place, r.host_org_id, r.host_org_name, r.fixed_place, "
    "r.expected_months, r.dues_month, r.dues_months, r.amount_fen, r.note FROM mob_episode_records r "
    "JOIN mob_episodes e ON e.id = r.episode_id ";

std::vector<stored<mobility_episode>> load_episodes(SQLite::Database& db, std::string const& where,
                                                    binder const& bind) {
    return load<mobility_episode>(
        db, episode_head + where + " ORDER BY e.id", episode_records + where + " ORDER BY r.id", bind,
        [](SQLite::Statement& st) {
            mobility_episode ep;
            ep.id = episode_id{st.getColumn(0).getInt64()};
            ep.member = member_id{st.getColumn(2).getInt64()};
            ep.member_name = st.getColumn(3).getString();
            ep.home_branch = org_id{st.getColumn(4).getInt64()};
            return ep;
        },
        [](mobility_episode& ep, SQLite::Statement& st) {
            episode_record r;
            r.kind = parse_column(parse_episode_record_kind, st.getColumn(1).getString(),
                                  "mob_episode_records.kind");
            r.date = *column_date(st, 2, "mob_episode_records.date");
            r.reason = parse_column(parse_mobility_reason, st.getColumn(3).getString(),
                                    "mob_episode_records.reason");
            r.destination.place = st.getColumn(4).getString();
            r.destination.host_org = column_id<org_id>(st, 5);
            r.destination.host_org_name = st.getColumn(6).getString();
            r.fixed_place = st.getColumn(7).getInt() != 0;
            if (!st.getColumn(8).isNull()) r.expected_months = st.getColumn(8).getInt();
            if (!st.getColumn(9).isNull())
                r.dues_month = parse_ym(st.getColumn(9).getString(), "mob_episode_records.dues_month");
            r.dues_months = st.getColumn(10).getInt();
            r.amount_fen = st.getColumn(11).getInt64();
            r.note = st.getColumn(12).getString();
            ep.records.push_back(std::move(r));
        });
}

stored<mobility_episode> load_episode(SQLite::Database& db, episode_id id) {
    auto all = load_episodes(db, "WHERE e.id = ?", bind_int(raw(id)));
    if (all.empty()) throw not_found("no mobility episode with id " + std::to_string(id.value()));
    return std::move(all.front());
}

void insert_episode_record(SQLite::Database& db, std::int64_t episode, episode_record const& r) {
    SQLite::Statement ins(
        db,
        "INSERT INTO mob_episode_records(episode_id, kind, date, reason, place, host_org_id, "
        "host_org_name, fixed_place, expected_months, dues_month, dues_months, amount_fen, "
        "note) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    ins.bind(1, episode);
    ins.bind(2, std::string(to_string(r.kind)));
    bind_date(ins, 3, r.date);
    ins.bind(4, std::string(to_string(r.reason)));
    ins.bind(5, r.destination.place);
    bind_opt_id(ins, 6, opt_raw(r.destination.host_org));
    ins.bind(7, r.destination.host_org_name);
    ins.bind(8, r.fixed_place ? 1 : 0);
    if (r.expected_months)
        ins.bind(9, *r.expected_months);
    else
        ins.bind(9);
    if (r.dues_month)
        ins.bind(10, ym_text(*r.dues_month));
    else
        ins.bind(10);
    ins.bind(11, r.dues_months);
    ins.bind(12, static_cast<std::int64_t>(r.amount_fen));
    ins.bind(13, r.note);
    ins.exec();
}

// The day the episode was closed by a return or a transfer, whatever the date asked.
std::optional<date::sys_days> closed_on(mobility_episode const& ep) {
    for (auto const& r : ep.records)
        if (r.kind == episode_record_kind::returned || r.kind == episode_record_kind::transferred)
            return r.date;
    return std::nullopt;
}

// Bumps the episode's version (conflict when stale) and refreshes its snapshot.
void touch_episode(SQLite::Database& db, stored<mobility_episode> const& e, mobility_episode const& after) {
    SQLite::Statement up(db,
                         "UPDATE mob_episodes SET closed_on = ?, version = version + 1 WHERE id = ? AND "
                         "version = ?");
    bind_date(up, 1, closed_on(after));
    up.bind(2, e.row);
    up.bind(3, e.version);
    if (up.exec() != 1)
        throw conflict("mobility episode " + std::to_string(e.row) + " was changed by someone else");
}

std::string describe(episode_record const& r) {
    std::string d = std::string(chinese_name(r.kind)) + " on " + format_iso(r.date);
    if (!r.destination.place.empty()) d += "; place=" + r.destination.place;
    if (r.destination.host_org) d += "; host=" + std::to_string(r.destination.host_org->value());
    if (r.kind == episode_record_kind::left) d += "; reason=" + std::string(to_string(r.reason));
    if (r.dues_month)
        d += "; dues " + ym_text(*r.dues_month) + " x" + std::to_string(r.dues_months) +
             "; amount_fen=" + std::to_string(r.amount_fen);
    return d;
}

// Checks that a host named on a record is in the store and fills in its name.
void complete_host(store const& s, mobility_destination& dest) {
    if (!dest.host_org || !dest.host_org->valid()) return;  // check_episode_record names a missing host
    auto const host = s.org(*dest.host_org);
    if (dest.host_org_name.empty()) dest.host_org_name = host.name;
}

// ---- certificates

constexpr char const* certificate_head =
    "SELECT c.id, c.version, c.number, c.member_id, c.member_name, c.branch_id, c.issuing_committee_id, "
    "c.issued, c.reason, c.destination, c.expected_months, c.fixed_place, c.transfer_blocked_reason, "
    "c.replaces FROM mob_certificates c ";
constexpr char const* certificate_records =
    "SELECT r.certificate_id, r.kind, r.date, r.org_id, r.org_name, r.evaluation_id, r.text FROM "
    "mob_certificate_records r JOIN mob_certificates c ON c.id = r.certificate_id ";

std::vector<stored<activity_certificate>> load_certificates(SQLite::Database& db, std::string const& where,
                                                            binder const& bind) {
    return load<activity_certificate>(
        db, certificate_head + where + " ORDER BY c.id", certificate_records + where + " ORDER BY r.id", bind,
        [](SQLite::Statement& st) {
            activity_certificate c;
            c.number = certificate_no{st.getColumn(2).getString()};
            c.member = member_id{st.getColumn(3).getInt64()};
            auto& i = c.issue;
            i.member_name = st.getColumn(4).getString();
            i.branch = org_id{st.getColumn(5).getInt64()};
            i.issuing_committee = org_id{st.getColumn(6).getInt64()};
            i.issued = *column_date(st, 7, "mob_certificates.issued");
            i.reason =
                parse_column(parse_mobility_reason, st.getColumn(8).getString(), "mob_certificates.reason");
            i.destination = st.getColumn(9).getString();
            i.expected_months = st.getColumn(10).getInt();
            i.fixed_place = st.getColumn(11).getInt() != 0;
            i.transfer_blocked_reason = st.getColumn(12).getString();
            if (!st.getColumn(13).isNull()) i.replaces = certificate_no{st.getColumn(13).getString()};
            return c;
        },
        [](activity_certificate& c, SQLite::Statement& st) {
            certificate_record r;
            r.kind = parse_column(parse_certificate_event_kind, st.getColumn(1).getString(),
                                  "mob_certificate_records.kind");
            r.date = *column_date(st, 2, "mob_certificate_records.date");
            r.org = column_id<org_id>(st, 3);
            r.org_name = st.getColumn(4).getString();
            r.evaluation = column_id<campaign_id>(st, 5);
            r.text = st.getColumn(6).getString();
            c.records.push_back(std::move(r));
        });
}

stored<activity_certificate> load_certificate(SQLite::Database& db, certificate_no const& number) {
    auto all =
        load_certificates(db, "WHERE c.number = ?", [&](SQLite::Statement& st) { st.bind(1, number.value); });
    if (all.empty()) throw not_found("no activity certificate numbered '" + number.value + "'");
    return std::move(all.front());
}

// The state after every record, for the snapshot column.
certificate_state final_state(activity_certificate const& c) {
    auto const last = c.records.empty() ? c.issue.issued : c.records.back().date;
    return state_on(c, last)->state;
}

std::int64_t insert_certificate(SQLite::Database& db, activity_certificate const& c) {
    SQLite::Statement ins(
        db,
        "INSERT INTO mob_certificates(number, member_id, member_name, branch_id, issuing_committee_id, "
        "issued, "
        "reason, destination, expected_months, fixed_place, transfer_blocked_reason, replaces, state) "
        "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    auto const& i = c.issue;
    ins.bind(1, c.number.value);
    ins.bind(2, raw(c.member));
    ins.bind(3, i.member_name);
    ins.bind(4, raw(i.branch));
    ins.bind(5, raw(i.issuing_committee));
    bind_date(ins, 6, i.issued);
    ins.bind(7, std::string(to_string(i.reason)));
    ins.bind(8, i.destination);
    ins.bind(9, i.expected_months);
    ins.bind(10, i.fixed_place ? 1 : 0);
    ins.bind(11, i.transfer_blocked_reason);
    if (i.replaces)
        ins.bind(12, i.replaces->value);
    else
        ins.bind(12);
    ins.bind(13, std::string(to_string(final_state(c))));
    ins.exec();
    return db.getLastInsertRowid();
}

void insert_certificate_record(SQLite::Database& db, std::int64_t certificate, certificate_record const& r) {
    SQLite::Statement ins(db,
                          "INSERT INTO mob_certificate_records(certificate_id, kind, date, org_id, org_name, "
                          "evaluation_id, text) VALUES(?, ?, ?, ?, ?, ?, ?)");
    ins.bind(1, certificate);
    ins.bind(2, std::string(to_string(r.kind)));
    bind_date(ins, 3, r.date);
    bind_opt_id(ins, 4, opt_raw(r.org));
    ins.bind(5, r.org_name);
    bind_opt_id(ins, 6, opt_raw(r.evaluation));
    ins.bind(7, r.text);
    ins.exec();
}

void touch_certificate(SQLite::Database& db, stored<activity_certificate> const& c,
                       activity_certificate const& after) {
    SQLite::Statement up(db,
                         "UPDATE mob_certificates SET state = ?, version = version + 1 WHERE id = ? AND "
                         "version = ?");
    up.bind(1, std::string(to_string(final_state(after))));
    up.bind(2, c.row);
    up.bind(3, c.version);
    if (up.exec() != 1)
        throw conflict("activity certificate " + c.value.number.value + " was changed by someone else");
}

std::string describe(activity_certificate const& c) {
    auto const& i = c.issue;
    std::string d = "number=" + c.number.value + "; member=" + std::to_string(c.member.value()) +
                    "; branch=" + std::to_string(i.branch.value()) +
                    "; committee=" + std::to_string(i.issuing_committee.value()) +
                    "; issued=" + format_iso(i.issued) + "; reason=" + std::string(to_string(i.reason)) +
                    "; destination=" + i.destination +
                    "; expected_months=" + std::to_string(i.expected_months);
    if (i.replaces) d += "; replaces=" + i.replaces->value;
    return d;
}

std::string describe(certificate_record const& r) {
    std::string d = std::string(chinese_name(r.kind)) + " on " + format_iso(r.date);
    if (r.org) d += "; org=" + std::to_string(r.org->value());
    if (!r.text.empty()) d += "; text=" + r.text;
    return d;
}

// The stored numbering state (prefix, digits, next sequence, version) or the rule set's, unsaved.
struct numbering_row {
    std::string prefix;
    int digits = 6;
    std::int64_t next = 1;
    std::optional<std::int64_t> version;  // nothing: no row yet
};

numbering_row read_numbering(SQLite::Database& db, rule_set const& rules) {
    SQLite::Statement st(db, "SELECT prefix, digits, next_sequence, version FROM mob_certificate_numbering");
    if (st.executeStep())
        return {st.getColumn(0).getString(), st.getColumn(1).getInt(), st.getColumn(2).getInt64(),
                st.getColumn(3).getInt64()};
    return {rules.mobility.certificate_number_prefix, rules.mobility.certificate_number_digits, 1,
            std::nullopt};
}

certificate_numbering numbering_of(SQLite::Database& db, rule_set const& rules) {
    auto const row = read_numbering(db, rules);
    certificate_numbering n(row.prefix, row.digits, row.next);
    SQLite::Statement st(db, "SELECT number FROM mob_certificates");
    while (st.executeStep())
        n.reserve(certificate_no{st.getColumn(0).getString()});
    return n;
}

// Saves the sequence after an issue; conflict when another writer moved it since `before` was read.
void save_numbering(SQLite::Database& db, numbering_row const& before, certificate_numbering const& after) {
    if (!before.version) {
        SQLite::Statement ins(db,
                              "INSERT INTO mob_certificate_numbering(id, prefix, digits, next_sequence) "
                              "VALUES(1, ?, ?, ?)");
        ins.bind(1, after.prefix());
        ins.bind(2, after.digits());
        ins.bind(3, static_cast<std::int64_t>(after.next_sequence()));
        ins.exec();
        return;
    }
    SQLite::Statement up(db,
                         "UPDATE mob_certificate_numbering SET next_sequence = ?, version = version + 1 "
                         "WHERE id = 1 AND version = ?");
    up.bind(1, static_cast<std::int64_t>(after.next_sequence()));
    up.bind(2, *before.version);
    if (up.exec() != 1) throw conflict("the certificate numbering was changed by someone else");
}

// ---- transfer letters

constexpr char const* transfer_head =
    "SELECT t.id, t.version, t.serial, t.member_id, t.member_name, t.from_org_id, t.from_name, t.to_org_id, "
    "t.to_name, t.issued, t.validity_days FROM mob_transfers t ";
constexpr char const* transfer_records =
    "SELECT r.transfer_id, r.kind, r.date, r.by_org_id, r.note FROM mob_transfer_records r JOIN "
    "mob_transfers t "
    "ON t.id = r.transfer_id ";

std::vector<stored<transfer_letter>> load_transfers(SQLite::Database& db, std::string const& where,
                                                    binder const& bind) {
    return load<transfer_letter>(
        db, transfer_head + where + " ORDER BY t.id", transfer_records + where + " ORDER BY r.id", bind,
        [](SQLite::Statement& st) {
            transfer_letter l;
            l.serial = st.getColumn(2).getString();
            l.member = member_id{st.getColumn(3).getInt64()};
            l.member_name = st.getColumn(4).getString();
            l.from_org = org_id{st.getColumn(5).getInt64()};
            l.from_name = st.getColumn(6).getString();
            l.to_org = org_id{st.getColumn(7).getInt64()};
            l.to_name = st.getColumn(8).getString();
            l.issued = *column_date(st, 9, "mob_transfers.issued");
            l.validity_days = st.getColumn(10).getInt();
            return l;
        },
        [](transfer_letter& l, SQLite::Statement& st) {
            transfer_record r;
            r.kind =
                parse_column(parse_transfer_kind, st.getColumn(1).getString(), "mob_transfer_records.kind");
            r.date = *column_date(st, 2, "mob_transfer_records.date");
            r.by = column_id<org_id>(st, 3);
            r.note = st.getColumn(4).getString();
            l.records.push_back(std::move(r));
        });
}

stored<transfer_letter> load_transfer(SQLite::Database& db, transfer_letter_id id) {
    auto all = load_transfers(db, "WHERE t.id = ?", bind_int(raw(id)));
    if (all.empty()) throw not_found("no transfer letter with id " + std::to_string(id.value()));
    return std::move(all.front());
}

void append_transfer_record(SQLite::Database& db, stored<transfer_letter> const& l,
                            transfer_record const& r) {
    SQLite::Statement ins(db,
                          "INSERT INTO mob_transfer_records(transfer_id, kind, date, by_org_id, note) "
                          "VALUES(?, ?, ?, ?, ?)");
    ins.bind(1, l.row);
    ins.bind(2, std::string(to_string(r.kind)));
    bind_date(ins, 3, r.date);
    bind_opt_id(ins, 4, opt_raw(r.by));
    ins.bind(5, r.note);
    ins.exec();
    SQLite::Statement up(
        db, "UPDATE mob_transfers SET state = ?, version = version + 1 WHERE id = ? AND version = ?");
    up.bind(1, std::string(to_string(r.kind)));
    up.bind(2, l.row);
    up.bind(3, l.version);
    if (up.exec() != 1) throw conflict("transfer letter " + l.value.serial + " was changed by someone else");
}

// ---- contact logs

constexpr char const* contact_head =
    "SELECT l.id, l.version, l.member_id, l.member_name, l.branch_id, l.known_contact FROM mob_contact_logs "
    "l ";
constexpr char const* contact_records =
    "SELECT r.log_id, r.kind, r.date, r.channel, r.by_whom, r.note FROM mob_contact_records r JOIN "
    "mob_contact_logs l ON l.id = r.log_id ";

std::vector<stored<contact_log>> load_contact_logs(SQLite::Database& db, std::string const& where,
                                                   binder const& bind) {
    return load<contact_log>(
        db, contact_head + where + " ORDER BY l.member_id", contact_records + where + " ORDER BY r.id", bind,
        [](SQLite::Statement& st) {
            contact_log l;
            l.member = member_id{st.getColumn(2).getInt64()};
            l.member_name = st.getColumn(3).getString();
            l.branch = org_id{st.getColumn(4).getInt64()};
            l.known_contact = *column_date(st, 5, "mob_contact_logs.known_contact");
            return l;
        },
        [](contact_log& l, SQLite::Statement& st) {
            contact_record r;
            r.kind =
                parse_column(parse_contact_kind, st.getColumn(1).getString(), "mob_contact_records.kind");
            r.date = *column_date(st, 2, "mob_contact_records.date");
            r.channel = st.getColumn(3).getString();
            r.by = st.getColumn(4).getString();
            r.note = st.getColumn(5).getString();
            l.records.push_back(std::move(r));
        });
}

stored<contact_log> load_contact_log(SQLite::Database& db, member_id member) {
    auto all = load_contact_logs(db, "WHERE l.member_id = ?", bind_int(raw(member)));
    if (all.empty()) throw not_found("member " + std::to_string(member.value()) + " has no contact log");
    return std::move(all.front());
}

// ---- organisations and members

bool at_or_below(SQLite::Database& db, org_id node, org_id root) {
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

// Writes a standing event and the members' snapshot inside the caller's transaction, as
// store::record_standing does.
void write_standing(SQLite::Database& db, member const& m, std::vector<standing_event> const& history,
                    standing_event const& e) {
    auto const current =
        standing_after(dangyuan::standing_on(m, history, e.date).value_or(standing{}).state, e.kind);
    SQLite::Statement ins(db,
                          "INSERT INTO standing_events(member_id, kind, date, reason, decided_by) "
                          "VALUES(?, ?, ?, ?, ?)");
    ins.bind(1, raw(m.id));
    ins.bind(2, std::string(to_string(e.kind)));
    bind_date(ins, 3, e.date);
    ins.bind(4, e.reason);
    ins.bind(5, e.decided_by);
    ins.exec();
    SQLite::Statement snap(
        db, "UPDATE members SET standing = ?, exit_date = ?, version = version + 1 WHERE id = ?");
    snap.bind(1, std::string(to_string(*current)));
    bind_date(snap, 2, *current == standing_state::exited ? std::optional(e.date) : std::nullopt);
    snap.bind(3, raw(m.id));
    snap.exec();
}

// ---- the member's aggregates, for the agenda and statistics

std::map<std::int64_t, member_mobility> gather_all(store const& s, SQLite::Database& db) {
    std::map<std::int64_t, member_mobility> out;
    for (auto& e : load_episodes(db, "", no_bind()))
        out[raw(e.value.member)].episodes.push_back(std::move(e.value));
    for (auto& c : load_certificates(db, "", no_bind()))
        out[raw(c.value.member)].certificates.push_back(std::move(c.value));
    for (auto& l : load_transfers(db, "", no_bind()))
        out[raw(l.value.member)].letters.push_back(std::move(l.value));
    for (auto& l : load_contact_logs(db, "", no_bind()))
        out[raw(l.value.member)].contacts = std::move(l.value);
    for (auto& [id, mm] : out) {
        auto const m = s.get_member(member_id{id});
        mm.member = m.id;
        mm.member_name = m.name;
        mm.branch = m.branch;
        mm.standing = s.standing_history(m.id);
    }
    return out;
}

// The latest host records of the member's episodes on `as_of`: the last org life attended and the last
// month paid at a host.
struct host_records {
    std::optional<date::sys_days> last_org_life;
    std::optional<date::year_month> dues_through;
};
host_records host_records_on(member_mobility const& mm, date::sys_days as_of) {
    host_records h;
    for (auto const& ep : mm.episodes)
        if (auto const st = state_on(ep, as_of)) {
            if (st->last_host_activity)
                h.last_org_life =
                    std::max(h.last_org_life.value_or(*st->last_host_activity), *st->last_host_activity);
            if (st->dues_paid_through)
                h.dues_through =
                    std::max(h.dues_through.value_or(*st->dues_paid_through), *st->dues_paid_through);
        }
    return h;
}

// Self-withdrawal inputs from the host records alone, for a member away on `as_of` who reported to a
// host and presented a certificate valid there: org life and dues then happen at the host.
std::optional<self_withdrawal_inputs> host_only_inputs(member_mobility const& mm, date::sys_days as_of,
                                                       rule_set const& rules) {
    for (auto const& ep : mm.episodes) {
        auto const st = state_on(ep, as_of);
        if (!st || st->phase != episode_phase::away || !st->host_org || !st->reported_on) continue;
        bool const certified =
            std::any_of(mm.certificates.begin(), mm.certificates.end(), [&](auto const& c) {
                return is_valid_on(c, as_of, rules) && state_on(c, as_of)->host == st->host_org;
            });
        if (!certified) continue;
        auto const h = host_records_on(mm, as_of);
        self_withdrawal_inputs in;
        in.tracked_since = *st->reported_on;
        if (h.last_org_life) in.last_org_life = std::max(*h.last_org_life, *st->reported_on);
        in.last_dues_month = h.dues_through;
        return in;
    }
    return std::nullopt;
}

std::vector<agenda_item> self_withdrawal_items(store const& s, member_mobility const& mm,
                                               self_withdrawal_inputs const& in, date::sys_days as_of) {
    return self_withdrawal_agenda(s.get_member(mm.member), in, mm.standing, as_of, s.rules());
}

void sort_items(std::vector<agenda_item>& items) {
    std::stable_sort(items.begin(), items.end(), [](agenda_item const& a, agenda_item const& b) {
        if (a.due != b.due) return a.due < b.due;
        return a.kind < b.kind;
    });
}

// Adds one to the row of `key`.
void tally(std::map<std::string, mobility_count>& rows, std::string const& key, std::optional<org_id> org,
           bool mobile) {
    auto& row = rows[key];
    row.key = key;
    row.org = org;
    ++row.away;
    if (mobile) ++row.mobile;
}

std::vector<mobility_count> ranked(std::map<std::string, mobility_count> const& rows) {
    std::vector<mobility_count> out;
    for (auto const& [key, row] : rows)
        out.push_back(row);
    std::stable_sort(out.begin(), out.end(),
                     [](mobility_count const& a, mobility_count const& b) { return a.away > b.away; });
    return out;
}

}  // namespace

// ---------------------------------------------------------------------------------------------------
// Episodes

episode_id open_episode(store& s, member_id member, episode_record const& left, std::string_view why) {
    auto& impl = impl_of(s);
    try {
        storage::check_not_in_future(s, left.date, "date");
        storage::check_text(left.note, "note", storage::text_cap::note, true);
        auto const m = s.get_member(member);
        auto first = left;
        complete_host(s, first.destination);
        mobility_episode ep;
        ep.member = m.id;
        ep.member_name = m.name;
        ep.home_branch = m.branch;
        check_episode_record(ep, first, s.rules());
        require_member_on(s, m, first.date, false, "absence");
        for (auto const& other : member_episodes(s, member)) {
            auto const closed = closed_on(other);
            if (!closed || *closed > first.date)
                throw invalid_input(
                    "member", m.name + " is away in episode " + std::to_string(other.id.value()) + " (left " +
                                  format_iso(other.records.front().date) +
                                  "); close it before recording a new absence on " + format_iso(first.date));
        }
        return storage::in_transaction(impl.db, [&] {
            SQLite::Statement ins(impl.db,
                                  "INSERT INTO mob_episodes(member_id, member_name, home_branch_id, left_on) "
                                  "VALUES(?, ?, ?, ?)");
            ins.bind(1, raw(m.id));
            ins.bind(2, m.name);
            ins.bind(3, raw(m.branch));
            bind_date(ins, 4, first.date);
            ins.exec();
            episode_id const id{impl.db.getLastInsertRowid()};
            insert_episode_record(impl.db, raw(id), first);
            storage::append_audit(impl.db, impl.options.actor, "episode", id.value(), "open", why,
                                  "member=" + std::to_string(m.id.value()) + "; home_branch=" +
                                      std::to_string(m.branch.value()) + "; " + describe(first));
            return id;
        });
    } catch (SQLite::Exception const& e) {
        storage::rethrow_sqlite(e, "opening a mobility episode");
    }
}

void record_episode(store& s, episode_id id, episode_record const& r, std::string_view why) {
    auto& impl = impl_of(s);
    try {
        storage::check_not_in_future(s, r.date, "date");
        storage::check_text(r.note, "note", storage::text_cap::note, true);
        auto const e = load_episode(impl.db, id);
        auto next = r;
        complete_host(s, next.destination);
        auto after = e.value;
        record_with_certificates(after, next, member_certificates(s, e.value.member), s.rules());
        storage::in_transaction(impl.db, [&] {
            insert_episode_record(impl.db, e.row, next);
            touch_episode(impl.db, e, after);
            storage::append_audit(impl.db, impl.options.actor, "episode", id.value(), to_string(next.kind),
                                  why, describe(next));
        });
    } catch (SQLite::Exception const& e) {
        storage::rethrow_sqlite(e, "recording a mobility episode");
    }
}

mobility_episode get_episode(store const& s, episode_id id) {
    try {
        return load_episode(impl_of(s).db, id).value;
    } catch (SQLite::Exception const& e) {
        storage::rethrow_sqlite(e, "reading a mobility episode");
    }
}

std::vector<mobility_episode> member_episodes(store const& s, member_id member) {
    try {
        std::vector<mobility_episode> out;
        for (auto& e : load_episodes(impl_of(s).db, "WHERE e.member_id = ?", bind_int(raw(member))))
            out.push_back(std::move(e.value));
        return out;
    } catch (SQLite::Exception const& e) {
        storage::rethrow_sqlite(e, "reading mobility episodes");
    }
}

std::vector<mobility_episode> episodes(store const& s, scope sc, episode_side side) {
    auto& impl = impl_of(s);
    try {
        auto const ids = storage::scope_org_ids(impl.db, sc);
        std::vector<mobility_episode> out;
        auto const where = side == episode_side::home
                               ? std::string()
                               : std::string(
                                     "WHERE e.id IN (SELECT episode_id FROM mob_episode_records WHERE "
                                     "host_org_id IS NOT NULL)");
        for (auto& e : load_episodes(impl.db, where, no_bind())) {
            auto const& ep = e.value;
            bool const keep =
                side == episode_side::home
                    ? in_ids(ids, ep.home_branch)
                    : std::any_of(ep.records.begin(), ep.records.end(), [&](episode_record const& r) {
                          return r.destination.host_org && in_ids(ids, *r.destination.host_org);
                      });
            if (keep) out.push_back(std::move(e.value));
        }
        return out;
    } catch (SQLite::Exception const& e) {
        storage::rethrow_sqlite(e, "listing mobility episodes");
    }
}

// ---------------------------------------------------------------------------------------------------
// Certificates

certificate_numbering certificate_numbering_of(store const& s) {
    try {
        return numbering_of(impl_of(s).db, s.rules());
    } catch (SQLite::Exception const& e) {
        storage::rethrow_sqlite(e, "reading the certificate numbering");
    }
}

void set_certificate_numbering(store& s, std::string prefix, int digits, std::int64_t next_sequence,
                               std::string_view why) {
    auto& impl = impl_of(s);
    try {
        if (next_sequence < 1)
            throw invalid_input("next_sequence", "sequence starts at " + std::to_string(next_sequence));
        certificate_numbering const checked(prefix, digits, next_sequence);  // throws on bad digits
        storage::in_transaction(impl.db, [&] {
            SQLite::Statement up(
                impl.db,
                "INSERT INTO mob_certificate_numbering(id, prefix, digits, next_sequence) "
                "VALUES(1, ?1, ?2, ?3) ON CONFLICT(id) DO UPDATE SET prefix = ?1, digits = ?2, "
                "next_sequence = ?3, version = version + 1");
            up.bind(1, checked.prefix());
            up.bind(2, checked.digits());
            up.bind(3, static_cast<std::int64_t>(checked.next_sequence()));
            up.exec();
            storage::append_audit(impl.db, impl.options.actor, "certificate_numbering", 1, "set", why,
                                  "prefix=" + checked.prefix() +
                                      "; digits=" + std::to_string(checked.digits()) +
                                      "; next_sequence=" + std::to_string(checked.next_sequence()));
        });
    } catch (SQLite::Exception const& e) {
        storage::rethrow_sqlite(e, "setting the certificate numbering");
    }
}

namespace {

// Fills in the register entry and checks it against the store: the member's branch, a committee above
// it, a member in normal standing on the issue date.
void complete_issue(store const& s, member const& m, certificate_issue& issue) {
    if (issue.member_name.empty()) issue.member_name = m.name;
    if (!issue.branch.valid()) issue.branch = m.branch;
    if (issue.branch != m.branch)
        throw invalid_input("branch", "the certificate is issued through " + m.name + "'s branch " +
                                          std::to_string(m.branch.value()) + ", not " +
                                          std::to_string(issue.branch.value()));
    if (!issue.issuing_committee.valid()) {
        auto const c = committee_above(s, issue.branch);
        if (!c)
            throw invalid_input("issuing_committee", "no grassroots committee above branch " +
                                                         std::to_string(issue.branch.value()));
        issue.issuing_committee = *c;
    }
    auto const committee = s.org(issue.issuing_committee);
    check_issuer(committee);
    if (!at_or_below(impl_of(s).db, issue.branch, issue.issuing_committee))
        throw invalid_input("issuing_committee",
                            committee.name + " is not above branch " + std::to_string(issue.branch.value()));
    require_member_on(s, m, issue.issued, false, "certificate");
}

certificate_no issue_checked(store& s, member_id member, std::optional<certificate_no> const& number,
                             certificate_issue issue, std::string_view why) {
    auto& impl = impl_of(s);
    try {
        storage::check_certificate_issue(s, issue);
        auto const m = s.get_member(member);
        complete_issue(s, m, issue);
        auto const existing = member_certificates(s, member);
        auto const before = read_numbering(impl.db, s.rules());
        auto numbering = numbering_of(impl.db, s.rules());
        auto const c = number ? issue_certificate(numbering, *number, member, issue, existing, s.rules())
                              : issue_certificate(numbering, member, issue, existing, s.rules());
        storage::in_transaction(impl.db, [&] {
            auto const row = insert_certificate(impl.db, c);
            if (!number) save_numbering(impl.db, before, numbering);
            storage::append_audit(impl.db, impl.options.actor, "certificate", row, "issue", why, describe(c));
        });
        return c.number;
    } catch (SQLite::Exception const& e) {
        storage::rethrow_sqlite(e, "issuing an activity certificate");
    }
}

}  // namespace

certificate_no issue_certificate(store& s, member_id member, certificate_issue issue, std::string_view why) {
    return issue_checked(s, member, std::nullopt, std::move(issue), why);
}

certificate_no issue_certificate(store& s, member_id member, certificate_no const& number,
                                 certificate_issue issue, std::string_view why) {
    return issue_checked(s, member, number, std::move(issue), why);
}

certificate_no reissue_certificate(store& s, certificate_no const& lost, date::sys_days lost_on,
                                   std::string reason, std::optional<certificate_issue> replacement,
                                   std::string_view why) {
    auto& impl = impl_of(s);
    try {
        storage::check_not_in_future(s, lost_on, "lost_on");
        storage::check_text(reason, "reason", storage::text_cap::note, true);
        if (replacement) storage::check_certificate_issue(s, *replacement);
        auto const old = load_certificate(impl.db, lost);
        auto issue = replacement.value_or(old.value.issue);
        if (!replacement) {
            issue.issued = lost_on;
            issue.replaces.reset();
        }
        auto const m = s.get_member(old.value.member);
        complete_issue(s, m, issue);
        auto const existing = member_certificates(s, old.value.member);
        auto const before = read_numbering(impl.db, s.rules());
        auto numbering = numbering_of(impl.db, s.rules());
        auto after_loss = old.value;
        auto const fresh =
            reissue_after_loss(after_loss, lost_on, std::move(reason), numbering, issue, existing, s.rules());
        storage::in_transaction(impl.db, [&] {
            insert_certificate_record(impl.db, old.row, after_loss.records.back());
            touch_certificate(impl.db, old, after_loss);
            auto const row = insert_certificate(impl.db, fresh);
            save_numbering(impl.db, before, numbering);
            storage::append_audit(
                impl.db, impl.options.actor, "certificate", row, "reissue", why,
                "lost=" + lost.value + " on " + format_iso(lost_on) + "; " + describe(fresh));
        });
        return fresh.number;
    } catch (SQLite::Exception const& e) {
        storage::rethrow_sqlite(e, "reissuing an activity certificate");
    }
}

void record_certificate(store& s, certificate_no const& number, certificate_record const& r,
                        std::string_view why) {
    auto& impl = impl_of(s);
    try {
        storage::check_not_in_future(s, r.date, "date");
        storage::check_text(r.org_name, "org_name", storage::text_cap::org_name);
        storage::check_text(r.text, "text", storage::text_cap::note, true);
        auto const c = load_certificate(impl.db, number);
        auto next = r;
        if (next.org && next.org->valid()) {
            auto const o = s.org(*next.org);
            if (next.org_name.empty()) next.org_name = o.name;
        }
        auto after = c.value;
        record(after, next, s.rules());
        storage::in_transaction(impl.db, [&] {
            insert_certificate_record(impl.db, c.row, next);
            touch_certificate(impl.db, c, after);
            storage::append_audit(impl.db, impl.options.actor, "certificate", c.row, to_string(next.kind),
                                  why, "number=" + number.value + "; " + describe(next));
        });
    } catch (SQLite::Exception const& e) {
        storage::rethrow_sqlite(e, "recording an activity certificate");
    }
}

activity_certificate get_certificate(store const& s, certificate_no const& number) {
    try {
        return load_certificate(impl_of(s).db, number).value;
    } catch (SQLite::Exception const& e) {
        storage::rethrow_sqlite(e, "reading an activity certificate");
    }
}

std::vector<activity_certificate> member_certificates(store const& s, member_id member) {
    try {
        std::vector<activity_certificate> out;
        for (auto& c : load_certificates(impl_of(s).db, "WHERE c.member_id = ?", bind_int(raw(member))))
            out.push_back(std::move(c.value));
        return out;
    } catch (SQLite::Exception const& e) {
        storage::rethrow_sqlite(e, "reading activity certificates");
    }
}

std::vector<activity_certificate> certificates(store const& s, scope sc) {
    auto& impl = impl_of(s);
    try {
        auto const ids = storage::scope_org_ids(impl.db, sc);
        std::vector<activity_certificate> out;
        for (auto& c : load_certificates(impl.db, "", no_bind()))
            if (in_ids(ids, c.value.issue.branch)) out.push_back(std::move(c.value));
        return out;
    } catch (SQLite::Exception const& e) {
        storage::rethrow_sqlite(e, "listing activity certificates");
    }
}

// ---------------------------------------------------------------------------------------------------
// Transfers

transfer_letter_id issue_transfer_letter(store& s, transfer_letter draft, std::string_view why) {
    auto& impl = impl_of(s);
    try {
        storage::check_not_in_future(s, draft.issued, "issued");
        storage::check_text(draft.serial, "serial", storage::text_cap::short_text);
        storage::check_text(draft.member_name, "member_name", storage::text_cap::name);
        storage::check_text(draft.from_name, "from_name", storage::text_cap::org_name);
        storage::check_text(draft.to_name, "to_name", storage::text_cap::org_name);
        auto const m = s.get_member(draft.member);
        if (draft.member_name.empty()) draft.member_name = m.name;
        if (!draft.from_org.valid()) draft.from_org = m.branch;
        auto const from = s.org(draft.from_org);
        if (!at_or_below(impl.db, m.branch, draft.from_org))
            throw invalid_input("from_org", from.name + " does not hold " + m.name +
                                                "'s relationship (branch " +
                                                std::to_string(m.branch.value()) + ")");
        if (draft.to_org.valid()) {
            auto const to = s.org(draft.to_org);
            if (draft.to_name.empty()) draft.to_name = to.name;
            if (draft.to_org == m.branch)
                throw invalid_input("to_org", m.name + " already belongs to " + to.name);
        }
        if (draft.from_name.empty()) draft.from_name = from.name;
        require_member_on(s, m, draft.issued, true, "transfer letter");
        std::vector<transfer_letter> existing;
        for (auto& l : load_transfers(impl.db, "WHERE t.from_org_id = ?1 OR t.member_id = ?2",
                                      [&](SQLite::Statement& st) {
                                          st.bind(1, raw(draft.from_org));
                                          st.bind(2, raw(draft.member));
                                      }))
            existing.push_back(std::move(l.value));
        check_new_letter(draft, existing, s.rules());
        return storage::in_transaction(impl.db, [&] {
            SQLite::Statement ins(
                impl.db,
                "INSERT INTO mob_transfers(serial, member_id, member_name, from_org_id, from_name, "
                "to_org_id, to_name, issued, validity_days, state) VALUES(?, ?, ?, ?, ?, ?, ?, ?, "
                "?, 'issued')");
            ins.bind(1, draft.serial);
            ins.bind(2, raw(draft.member));
            ins.bind(3, draft.member_name);
            ins.bind(4, raw(draft.from_org));
            ins.bind(5, draft.from_name);
            ins.bind(6, raw(draft.to_org));
            ins.bind(7, draft.to_name);
            bind_date(ins, 8, draft.issued);
            ins.bind(9, draft.validity_days);
            ins.exec();
            transfer_letter_id const id{impl.db.getLastInsertRowid()};
            storage::append_audit(
                impl.db, impl.options.actor, "transfer", id.value(), "issue", why,
                "serial=" + draft.serial + "; member=" + std::to_string(draft.member.value()) +
                    "; from=" + std::to_string(draft.from_org.value()) +
                    "; to=" + std::to_string(draft.to_org.value()) + "; issued=" + format_iso(draft.issued) +
                    "; validity_days=" + std::to_string(draft.validity_days));
            return id;
        });
    } catch (SQLite::Exception const& e) {
        storage::rethrow_sqlite(e, "issuing a transfer letter");
    }
}

void receive_transfer(store& s, transfer_letter_id id, transfer_record const& receipt,
                      std::optional<org_id> new_branch, std::string_view why) {
    auto& impl = impl_of(s);
    try {
        storage::check_not_in_future(s, receipt.date, "date");
        storage::check_text(receipt.note, "note", storage::text_cap::note, true);
        auto const l = load_transfer(impl.db, id);
        if (receipt.kind != transfer_event_kind::received)
            throw invalid_input("kind", "a receipt is a 'received' record, not '" +
                                            std::string(to_string(receipt.kind)) + "'");
        check_transfer_record(l.value, receipt, s.rules());
        auto const target_id = new_branch.value_or(l.value.to_org);
        auto const target = s.org(target_id);
        if (!is_branch(target.kind))
            throw invalid_input("new_branch", target.name + " is a " +
                                                  std::string(chinese_name(target.kind)) +
                                                  "; name the branch (党支部) that receives the member");
        if (!at_or_below(impl.db, target_id, l.value.to_org))
            throw invalid_input("new_branch",
                                target.name + " is not at or below the receiver " + l.value.to_name);
        if (!target.active_on(receipt.date))
            throw invalid_input("new_branch", target.name + " does not exist on " + format_iso(receipt.date));
        auto m = s.get_member(l.value.member);
        if (!at_or_below(impl.db, m.branch, l.value.from_org))
            throw invalid_input("member", m.name + " is in branch " + std::to_string(m.branch.value()) +
                                              ", no longer below the issuer " + l.value.from_name);
        if (receipt.date < m.joined_branch)
            throw invalid_input("date", "receipt on " + format_iso(receipt.date) + " precedes " + m.name +
                                            " joining the current branch on " + format_iso(m.joined_branch));
        require_member_on(s, m, receipt.date, true, "transfer");
        auto const from_branch = m.branch;
        auto const previous_joined = m.joined_branch;
        m.branch = target_id;
        m.joined_branch = receipt.date;
        validate_member(m, s.rules());
        // An episode still open on the receipt date ends with the transfer.
        std::vector<std::pair<stored<mobility_episode>, mobility_episode>> closing;
        episode_record closed{.kind = episode_record_kind::transferred, .date = receipt.date};
        closed.note = "transfer letter " + l.value.serial + " received";
        for (auto& e :
             load_episodes(impl.db, "WHERE e.member_id = ? AND e.closed_on IS NULL", bind_int(raw(m.id)))) {
            auto after = e.value;
            record(after, closed, s.rules());
            closing.emplace_back(std::move(e), std::move(after));
        }
        storage::in_transaction(impl.db, [&] {
            append_transfer_record(impl.db, l, receipt);
            SQLite::Statement up(
                impl.db,
                "UPDATE members SET branch_id = ?, joined_branch = ?, version = version + 1 WHERE "
                "id = ? AND version = ?");
            up.bind(1, raw(m.branch));
            bind_date(up, 2, m.joined_branch);
            up.bind(3, raw(m.id));
            up.bind(4, static_cast<std::int64_t>(m.version));
            if (up.exec() != 1)
                throw conflict("member " + std::to_string(m.id.value()) + " changed meanwhile");
            SQLite::Statement move(
                impl.db,
                "INSERT INTO mob_branch_moves(member_id, date, from_branch_id, to_branch_id, "
                "previous_joined_branch, transfer_id) VALUES(?, ?, ?, ?, ?, ?)");
            move.bind(1, raw(m.id));
            bind_date(move, 2, receipt.date);
            move.bind(3, raw(from_branch));
            move.bind(4, raw(target_id));
            bind_date(move, 5, previous_joined);
            move.bind(6, l.row);
            move.exec();
            std::string closed_ids;
            for (auto const& [e, ep] : closing) {
                insert_episode_record(impl.db, e.row, closed);
                touch_episode(impl.db, e, ep);
                closed_ids += (closed_ids.empty() ? "" : ",") + std::to_string(e.row);
            }
            storage::append_audit(impl.db, impl.options.actor, "transfer", id.value(), "received", why,
                                  "serial=" + l.value.serial + "; received=" + format_iso(receipt.date) +
                                      "; member=" + std::to_string(m.id.value()) +
                                      "; branch: " + std::to_string(from_branch.value()) + " -> " +
                                      std::to_string(target_id.value()) + "; joined_branch: " +
                                      format_iso(previous_joined) + " -> " + format_iso(receipt.date) +
                                      (closed_ids.empty() ? "" : "; episodes closed=" + closed_ids));
        });
    } catch (SQLite::Exception const& e) {
        storage::rethrow_sqlite(e, "receiving a transfer");
    }
}

void revoke_transfer(store& s, transfer_letter_id id, date::sys_days on, std::string reason,
                     std::string_view why) {
    auto& impl = impl_of(s);
    try {
        storage::check_not_in_future(s, on, "on");
        storage::check_text(reason, "reason", storage::text_cap::note, true);
        auto const l = load_transfer(impl.db, id);
        transfer_record const r{transfer_event_kind::revoked, on, std::nullopt, std::move(reason)};
        check_transfer_record(l.value, r, s.rules());
        storage::in_transaction(impl.db, [&] {
            append_transfer_record(impl.db, l, r);
            storage::append_audit(
                impl.db, impl.options.actor, "transfer", id.value(), "revoked", why,
                "serial=" + l.value.serial + "; revoked=" + format_iso(on) + "; reason=" + r.note);
        });
    } catch (SQLite::Exception const& e) {
        storage::rethrow_sqlite(e, "revoking a transfer letter");
    }
}

transfer_letter get_transfer_letter(store const& s, transfer_letter_id id) {
    try {
        return load_transfer(impl_of(s).db, id).value;
    } catch (SQLite::Exception const& e) {
        storage::rethrow_sqlite(e, "reading a transfer letter");
    }
}

std::optional<transfer_letter_id> find_transfer_letter(store const& s, org_id from,
                                                       std::string const& serial) {
    try {
        SQLite::Statement st(impl_of(s).db,
                             "SELECT id FROM mob_transfers WHERE from_org_id = ? AND serial = ?");
        st.bind(1, raw(from));
        st.bind(2, serial);
        if (!st.executeStep()) return std::nullopt;
        return transfer_letter_id{st.getColumn(0).getInt64()};
    } catch (SQLite::Exception const& e) {
        storage::rethrow_sqlite(e, "finding a transfer letter");
    }
}

std::vector<transfer_letter> member_transfer_letters(store const& s, member_id member) {
    try {
        std::vector<transfer_letter> out;
        for (auto& l : load_transfers(impl_of(s).db, "WHERE t.member_id = ?", bind_int(raw(member))))
            out.push_back(std::move(l.value));
        return out;
    } catch (SQLite::Exception const& e) {
        storage::rethrow_sqlite(e, "reading transfer letters");
    }
}

std::vector<branch_move> branch_moves(store const& s, member_id member) {
    try {
        SQLite::Statement st(impl_of(s).db,
                             "SELECT member_id, date, from_branch_id, to_branch_id, previous_joined_branch, "
                             "transfer_id FROM mob_branch_moves WHERE member_id = ? ORDER BY id");
        st.bind(1, raw(member));
        std::vector<branch_move> out;
        while (st.executeStep())
            out.push_back(branch_move{member_id{st.getColumn(0).getInt64()},
                                      *column_date(st, 1, "mob_branch_moves.date"),
                                      org_id{st.getColumn(2).getInt64()}, org_id{st.getColumn(3).getInt64()},
                                      *column_date(st, 4, "mob_branch_moves.previous_joined_branch"),
                                      column_id<transfer_letter_id>(st, 5)});
        return out;
    } catch (SQLite::Exception const& e) {
        storage::rethrow_sqlite(e, "reading branch moves");
    }
}

org_id responsible_branch_on(store const& s, member_id member, date::sys_days d) {
    auto const m = s.get_member(member);
    auto const moves = branch_moves(s, member);
    if (moves.empty()) return m.branch;
    org_id branch = moves.front().from_branch;
    for (auto const& mv : moves)
        if (mv.date <= d) branch = mv.to_branch;
    return branch;
}

// ---------------------------------------------------------------------------------------------------
// Lost contact

void open_contact_log(store& s, member_id member, date::sys_days known_contact, std::string_view why) {
    auto& impl = impl_of(s);
    try {
        storage::check_not_in_future(s, known_contact, "known_contact");
        auto const m = s.get_member(member);
        if (known_contact < m.admission_date)
            throw invalid_input("known_contact", "last contact " + format_iso(known_contact) + " precedes " +
                                                     m.name + "'s admission on " +
                                                     format_iso(m.admission_date));
        if (find_contact_log(s, member)) throw conflict(m.name + " already has a contact log");
        storage::in_transaction(impl.db, [&] {
            SQLite::Statement ins(
                impl.db,
                "INSERT INTO mob_contact_logs(member_id, member_name, branch_id, known_contact) "
                "VALUES(?, ?, ?, ?)");
            ins.bind(1, raw(m.id));
            ins.bind(2, m.name);
            ins.bind(3, raw(m.branch));
            bind_date(ins, 4, known_contact);
            ins.exec();
            storage::append_audit(impl.db, impl.options.actor, "contact_log", m.id.value(), "open", why,
                                  "branch=" + std::to_string(m.branch.value()) +
                                      "; known_contact=" + format_iso(known_contact));
        });
    } catch (SQLite::Exception const& e) {
        storage::rethrow_sqlite(e, "opening a contact log");
    }
}

void record_contact(store& s, member_id member, contact_record const& r, std::string_view why) {
    auto& impl = impl_of(s);
    try {
        storage::check_not_in_future(s, r.date, "date");
        storage::check_text(r.channel, "channel", storage::text_cap::short_text);
        storage::check_text(r.by, "by", storage::text_cap::short_text);
        storage::check_text(r.note, "note", storage::text_cap::note, true);
        auto const l = load_contact_log(impl.db, member);
        check_contact_record(l.value, r);
        storage::in_transaction(impl.db, [&] {
            SQLite::Statement ins(
                impl.db,
                "INSERT INTO mob_contact_records(log_id, kind, date, channel, by_whom, note) "
                "VALUES(?, ?, ?, ?, ?, ?)");
            ins.bind(1, l.row);
            ins.bind(2, std::string(to_string(r.kind)));
            bind_date(ins, 3, r.date);
            ins.bind(4, r.channel);
            ins.bind(5, r.by);
            ins.bind(6, r.note);
            ins.exec();
            SQLite::Statement up(
                impl.db, "UPDATE mob_contact_logs SET version = version + 1 WHERE id = ? AND version = ?");
            up.bind(1, l.row);
            up.bind(2, l.version);
            if (up.exec() != 1)
                throw conflict("the contact log of member " + std::to_string(member.value()) +
                               " changed meanwhile");
            storage::append_audit(impl.db, impl.options.actor, "contact_log", member.value(),
                                  to_string(r.kind), why,
                                  "date=" + format_iso(r.date) + "; channel=" + r.channel + "; by=" + r.by);
        });
    } catch (SQLite::Exception const& e) {
        storage::rethrow_sqlite(e, "recording a contact attempt");
    }
}

std::optional<contact_log> find_contact_log(store const& s, member_id member) {
    try {
        auto all = load_contact_logs(impl_of(s).db, "WHERE l.member_id = ?", bind_int(raw(member)));
        if (all.empty()) return std::nullopt;
        return std::move(all.front().value);
    } catch (SQLite::Exception const& e) {
        storage::rethrow_sqlite(e, "reading a contact log");
    }
}

std::vector<contact_log> contact_logs(store const& s, scope sc) {
    auto& impl = impl_of(s);
    try {
        auto const ids = storage::scope_org_ids(impl.db, sc);
        std::vector<contact_log> out;
        for (auto& l : load_contact_logs(impl.db, "", no_bind()))
            if (in_ids(ids, l.value.branch)) out.push_back(std::move(l.value));
        return out;
    } catch (SQLite::Exception const& e) {
        storage::rethrow_sqlite(e, "listing contact logs");
    }
}

namespace {

// A standing decision for lost contact: the guard, then the standing rules, then one transaction.
template <class Guard>
void decide_for_lost_contact(store& s, member_id member, standing_event const& e, Guard guard,
                             std::string_view why) {
    auto& impl = impl_of(s);
    try {
        storage::check_not_in_future(s, e.date, "on");
        storage::check_text(e.decided_by, "decided_by", storage::text_cap::long_text);
        storage::check_text(e.reason, "reason", storage::text_cap::note, true);
        auto const m = s.get_member(member);
        auto const log = load_contact_log(impl.db, member);
        auto const history = s.standing_history(member);
        guard(log.value, history);
        check_standing_event(m, history, e);
        storage::in_transaction(impl.db, [&] {
            write_standing(impl.db, m, history, e);
            storage::append_audit(
                impl.db, impl.options.actor, "standing", member.value(), to_string(e.kind), why,
                "date=" + format_iso(e.date) + "; reason=" + e.reason + "; decided_by=" + e.decided_by +
                    "; last_contact=" + format_iso(last_contact_on(log.value, e.date)));
        });
    } catch (SQLite::Exception const& ex) {
        storage::rethrow_sqlite(ex, "recording a decision for lost contact");
    }
}

}  // namespace

void suspend_for_lost_contact(store& s, member_id member, date::sys_days on, std::string decided_by,
                              std::string_view why) {
    standing_event const e{standing_event_kind::suspended, on, "失去联系超过6个月，经查找仍无法取得联系",
                           std::move(decided_by)};
    decide_for_lost_contact(
        s, member, e,
        [&](contact_log const& log, std::vector<standing_event> const& history) {
            require_suspension_grounds(log, history, on, s.rules());
        },
        why);
}

void remove_for_lost_contact(store& s, member_id member, date::sys_days on, std::string decided_by,
                             std::string_view why) {
    standing_event const e{standing_event_kind::removed_self_withdrawal, on,
                           "停止党籍满2年后仍无法取得联系，按照自行脱党予以除名", std::move(decided_by)};
    decide_for_lost_contact(
        s, member, e,
        [&](contact_log const& log, std::vector<standing_event> const& history) {
            require_removal_grounds(log, history, on, s.rules());
        },
        why);
}

std::vector<agenda_item> self_withdrawal_candidates(store const& s, date::sys_days as_of, scope sc,
                                                    std::span<self_withdrawal_input const> supplied) {
    auto& impl = impl_of(s);
    try {
        auto const ids = storage::scope_org_ids(impl.db, sc);
        auto all = gather_all(s, impl.db);
        std::vector<agenda_item> items;
        std::set<std::int64_t> seen;
        for (auto const& in : supplied) {
            auto const m = s.get_member(in.member);
            if (!in_ids(ids, m.branch) || !seen.insert(raw(m.id)).second) continue;
            auto inputs = in.inputs;
            if (auto it = all.find(raw(m.id)); it != all.end()) {
                auto const h = host_records_on(it->second, as_of);
                if (h.last_org_life && (!inputs.last_org_life || *inputs.last_org_life < *h.last_org_life))
                    inputs.last_org_life = h.last_org_life;
                if (h.dues_through && (!inputs.last_dues_month || *inputs.last_dues_month < *h.dues_through))
                    inputs.last_dues_month = h.dues_through;
            }
            auto const more = self_withdrawal_agenda(m, inputs, s.standing_history(m.id), as_of, s.rules());
            items.insert(items.end(), more.begin(), more.end());
        }
        for (auto const& [id, mm] : all) {
            if (seen.count(id) || !in_ids(ids, mm.branch)) continue;
            if (auto const in = host_only_inputs(mm, as_of, s.rules())) {
                auto const more = self_withdrawal_items(s, mm, *in, as_of);
                items.insert(items.end(), more.begin(), more.end());
            }
        }
        sort_items(items);
        return items;
    } catch (SQLite::Exception const& e) {
        storage::rethrow_sqlite(e, "listing self-withdrawal candidates");
    }
}

// ---------------------------------------------------------------------------------------------------
// Agenda and statistics

namespace storage {

std::vector<agenda_item> mobility_agenda_items(store const& s, SQLite::Database& db, date::sys_days as_of,
                                               std::vector<std::int64_t> const& org_ids) {
    std::vector<agenda_item> items;
    for (auto const& [id, mm] : gather_all(s, db)) {
        auto more = dangyuan::mobility_agenda(mm, as_of, s.rules());
        if (auto const in = host_only_inputs(mm, as_of, s.rules())) {
            auto const sw = self_withdrawal_items(s, mm, *in, as_of);
            more.insert(more.end(), sw.begin(), sw.end());
        }
        for (auto& item : more)
            if (in_ids(org_ids, item.org)) items.push_back(std::move(item));
    }
    sort_items(items);
    return items;
}

}  // namespace storage

std::vector<agenda_item> mobility_agenda(store const& s, date::sys_days as_of, scope sc) {
    auto& impl = impl_of(s);
    try {
        return storage::mobility_agenda_items(s, impl.db, as_of, storage::scope_org_ids(impl.db, sc));
    } catch (SQLite::Exception const& e) {
        storage::rethrow_sqlite(e, "computing the mobility agenda");
    }
}

mobility_statistics mobility_statistics_on(store const& s, date::sys_days as_of, scope sc) {
    auto& impl = impl_of(s);
    try {
        auto const ids = storage::scope_org_ids(impl.db, sc);
        mobility_statistics out;
        out.as_of = as_of;
        std::map<std::string, mobility_count> places, reasons, homes, hosts;
        std::unordered_map<std::int64_t, std::string> names;
        auto name_of = [&](org_id o) -> std::string const& {
            auto [it, fresh] = names.try_emplace(raw(o));
            if (fresh) it->second = s.org(o).name;
            return it->second;
        };
        for (auto const& e : load_episodes(impl.db, "WHERE e.left_on <= ?",
                                           [&](SQLite::Statement& st) { bind_date(st, 1, as_of); })) {
            auto const& ep = e.value;
            auto const st = state_on(ep, as_of);
            if (!st || st->phase != episode_phase::away) continue;
            bool const mobile = is_mobile_member_on(ep, as_of, s.rules());
            if (in_ids(ids, ep.home_branch)) {
                ++out.away;
                if (mobile) ++out.mobile;
                if (st->registered_on) ++out.registered;
                if (st->host_org) ++out.reported_to_host;
                tally(places, st->destination.place, std::nullopt, mobile);
                tally(reasons, std::string(to_string(st->reason)), std::nullopt, mobile);
                tally(homes, name_of(ep.home_branch), ep.home_branch, mobile);
            }
            if (st->host_org && in_ids(ids, *st->host_org)) {
                ++out.hosted;
                tally(hosts, name_of(*st->host_org), st->host_org, mobile);
            }
        }
        out.by_destination = ranked(places);
        out.by_reason = ranked(reasons);
        out.by_home_branch = ranked(homes);
        out.by_host = ranked(hosts);
        return out;
    } catch (SQLite::Exception const& e) {
        storage::rethrow_sqlite(e, "computing mobility statistics");
    }
}

certificate_statistics certificate_statistics_on(store const& s, date::sys_days as_of, scope sc) {
    certificate_statistics out;
    out.as_of = as_of;
    for (auto st : {certificate_state::issued, certificate_state::presented, certificate_state::returned,
                    certificate_state::void_lost, certificate_state::revoked})
        out.by_state.push_back({st, 0});
    auto const& rules = s.rules();
    for (auto const& c : certificates(s, sc)) {
        auto const st = state_on(c, as_of);
        if (!st) continue;
        ++out.by_state[static_cast<std::size_t>(st->state)].count;
        auto const exp = expiry_date(c, rules);
        if (is_valid_on(c, as_of, rules)) {
            ++out.valid;
            if (as_of > next_review_due(c, as_of, rules)) ++out.review_overdue;
        } else if (is_open(st->state) && exp && as_of > *exp) {
            ++out.expired;
        }
    }
    return out;
}

std::vector<transfer_in_flight> transfers_in_flight(store const& s, date::sys_days as_of, scope sc) {
    auto& impl = impl_of(s);
    try {
        auto const ids = storage::scope_org_ids(impl.db, sc);
        std::vector<transfer_in_flight> out;
        for (auto const& l : load_transfers(impl.db, "WHERE t.issued <= ?",
                                            [&](SQLite::Statement& st) { bind_date(st, 1, as_of); })) {
            auto const& letter = l.value;
            if (!in_ids(ids, letter.from_org) && !in_ids(ids, letter.to_org)) continue;
            auto const st = state_on(letter, as_of, s.rules());
            if (!st || (st->state != transfer_state::issued && st->state != transfer_state::expired))
                continue;
            out.push_back(transfer_in_flight{transfer_letter_id{l.row}, letter.serial, letter.member,
                                             letter.member_name, letter.from_org, letter.from_name,
                                             letter.to_org, letter.to_name, letter.issued, st->expires,
                                             st->state, static_cast<int>((as_of - letter.issued).count())});
        }
        return out;
    } catch (SQLite::Exception const& e) {
        storage::rethrow_sqlite(e, "listing transfers in flight");
    }
}

}  // namespace dangyuan
