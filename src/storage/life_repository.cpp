// Organisational life (meetings and attendance), the training ledger and party dues.
//
// Every aggregate is kept as its records, one row each and one column per field: a meeting and its
// attendance list, the lines of a training ledger, a dues account's terms, bases, reliefs, excuses and
// payments. Reading replays the rows into the values of life/*.hpp. Every command loads what the pure
// rules need, checks the command with them and with the roster, and only then opens its transaction,
// so a refused command writes nothing.

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "dangyuan/member/voting.hpp"
#include "dangyuan/mobility/lost_contact.hpp"
#include "dangyuan/storage/life_store.hpp"
#include "impl.hpp"
#include "plausibility.hpp"
#include "rows.hpp"

namespace dangyuan {
namespace storage {

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

}  // namespace storage

namespace {

using storage::bind_date;
using storage::column_date;
using storage::format_iso;
using storage::raw;

std::string who(member const& m) {
    return "member " + std::to_string(m.id.value()) + " (" + m.name + ")";
}

// ---- column mapping

date::year_month parse_month(std::string const& t, char const* column) {
    try {
        return parse_iso_month(t, column);
    } catch (invalid_input const&) {
        throw storage_error("column " + std::string(column) + " holds '" + t + "', not a YYYY-MM month");
    }
}

std::optional<date::year_month> column_month(SQLite::Statement& st, int col, char const* name) {
    auto c = st.getColumn(col);
    if (c.isNull()) return std::nullopt;
    return parse_month(c.getString(), name);
}

void bind_month(SQLite::Statement& st, int index, std::optional<date::year_month> m) {
    if (m)
        st.bind(index, format_month(*m));
    else
        st.bind(index);
}

// ---- reading the roster set-wise

// Members of the branches in scope admitted on or before `on` and not exited by then, ordered by id;
// with `in_branch`, only those in their branch by then (joined on or before `on`).
std::vector<member> members_on(SQLite::Database& db, date::sys_days on, scope const& sc, bool in_branch) {
    std::string sql = std::string("SELECT ") + storage::member_columns +
                      " FROM members WHERE admission_date <= ?1 AND (exit_date IS NULL OR exit_date > ?1)";
    if (in_branch) sql += " AND joined_branch <= ?1";
    if (sc.root)
        sql +=
            " AND branch_id IN (WITH RECURSIVE sub(id) AS (SELECT id FROM orgs WHERE id = ?2 UNION ALL "
            "SELECT o.id FROM orgs o JOIN sub ON o.parent_id = sub.id) SELECT id FROM sub)";
    SQLite::Statement st(db, sql + " ORDER BY id");
    bind_date(st, 1, on);
    if (sc.root) st.bind(2, raw(*sc.root));
    std::vector<member> out;
    while (st.executeStep())
        out.push_back(storage::read_member(st));
    return out;
}

// Standing of many members on a date from one read of the standing events of a scope.
class standing_lookup {
public:
    standing_lookup(store const& s, scope const& sc) {
        for (auto& [id, events] : s.standing_histories(sc))
            histories_.emplace(id.value(), std::move(events));
    }
    [[nodiscard]] std::optional<standing> on(member const& m, date::sys_days d) const {
        auto const it = histories_.find(m.id.value());
        if (it == histories_.end()) return dangyuan::standing_on(m, {}, d);
        return dangyuan::standing_on(m, it->second, d);
    }
    [[nodiscard]] bool normal(member const& m, date::sys_days d) const {
        auto const st = on(m, d);
        return st && st->state == standing_state::normal;
    }

private:
    std::unordered_map<std::int64_t, std::vector<standing_event>> histories_;
};

bool in(std::vector<std::int64_t> const& sorted, std::int64_t id) {
    return std::binary_search(sorted.begin(), sorted.end(), id);
}

// Officers (any role) of each organisation on some day of [from, to]: (org, member) pairs.
std::set<std::pair<std::int64_t, std::int64_t>> officers_between(SQLite::Database& db, date::sys_days from,
                                                                 date::sys_days to) {
    SQLite::Statement st(db,
                         "SELECT DISTINCT org_id, member_id FROM org_leadership WHERE from_date <= ?2 "
                         "AND (to_date IS NULL OR to_date > ?1)");
    bind_date(st, 1, from);
    bind_date(st, 2, to);
    std::set<std::pair<std::int64_t, std::int64_t>> out;
    while (st.executeStep())
        out.emplace(st.getColumn(0).getInt64(), st.getColumn(1).getInt64());
    return out;
}

// A branch has a committee when its leadership holds a committee member (委员): below the committee
// threshold a branch has only a secretary and at most one deputy (org.committee_threshold_7).
bool has_committee(std::vector<officer> const& leaders) {
    return std::any_of(leaders.begin(), leaders.end(),
                       [](officer const& o) { return o.role == officer_role::committee_member; });
}

// ---- meetings

constexpr char const* meeting_columns =
    "m.id, m.org_id, m.kind, m.date, m.topic, m.chair_id, m.chair_is_secretary, m.recorded_on, m.version";

stored_meeting read_meeting(SQLite::Statement& st) {
    stored_meeting out;
    auto& m = out.record;
    m.id = meeting_id{st.getColumn(0).getInt64()};
    m.org = org_id{st.getColumn(1).getInt64()};
    m.kind = storage::stored_enum<meeting_kind>(st.getColumn(2).getString(), "life_meetings.kind");
    m.date = *column_date(st, 3, "life_meetings.date");
    m.topic = st.getColumn(4).getString();
    if (!st.getColumn(5).isNull()) m.chair = member_id{st.getColumn(5).getInt64()};
    m.chair_is_secretary = st.getColumn(6).getInt() != 0;
    out.recorded_on = *column_date(st, 7, "life_meetings.recorded_on");
    out.version = st.getColumn(8).getInt64();
    return out;
}

// Meetings matching `where` (over alias m, parameters bound by `bind`), by date then id, with their
// attendance lists in recorded order.
template <class Bind>
std::vector<stored_meeting> load_meetings(SQLite::Database& db, std::string const& where, Bind&& bind) {
    SQLite::Statement st(db, std::string("SELECT ") + meeting_columns + " FROM life_meetings m WHERE " +
                                 where + " ORDER BY m.date, m.id");
    bind(st);
    std::vector<stored_meeting> out;
    std::unordered_map<std::int64_t, std::size_t> index;
    while (st.executeStep()) {
        out.push_back(read_meeting(st));
        index.emplace(out.back().record.id.value(), out.size() - 1);
    }
    if (out.empty()) return out;
    SQLite::Statement att(db,
                          "SELECT a.meeting_id, a.member_id, a.status, a.absence_reason, a.voting FROM "
                          "life_attendance a JOIN life_meetings m ON m.id = a.meeting_id WHERE " +
                              where + " ORDER BY a.meeting_id, a.seq");
    bind(att);
    while (att.executeStep()) {
        auto const it = index.find(att.getColumn(0).getInt64());
        if (it == index.end()) continue;
        attendance_entry a;
        a.member = member_id{att.getColumn(1).getInt64()};
        a.status =
            storage::stored_enum<attendance_status>(att.getColumn(2).getString(), "life_attendance.status");
        a.absence_reason = att.getColumn(3).getString();
        a.voting = att.getColumn(4).getInt() != 0;
        out[it->second].record.attendance.push_back(std::move(a));
    }
    return out;
}

std::vector<meeting> meetings_between(SQLite::Database& db, date::sys_days from, date::sys_days to) {
    std::vector<meeting> out;
    for (auto& m : load_meetings(db, "m.date BETWEEN ?1 AND ?2", [&](SQLite::Statement& st) {
             bind_date(st, 1, from);
             bind_date(st, 2, to);
         }))
        out.push_back(std::move(m.record));
    return out;
}

// Checks a meeting against the roster and the leadership, after the pure validation.
void check_meeting(store const& s, meeting const& m, date::sys_days as_of) {
    auto const org = s.org(m.org);
    validate_meeting(m, org, as_of);
    auto const day = format_iso(m.date);
    org_id const branch = org.kind == org_kind::party_group && org.parent ? *org.parent : org.id;

    auto const person = [&](member_id id, char const* field) {
        auto const p = s.get_member(id);
        if (m.date < p.admission_date)
            throw invalid_input(field, who(p) + " was admitted on " + format_iso(p.admission_date) +
                                           ", after the meeting of " + day);
        auto const st = s.standing_on(id, m.date);
        if (st && st->state == standing_state::exited)
            throw invalid_input(field, who(p) + " left the party on " + format_iso(*st->since) +
                                           ", before the meeting of " + day);
        return p;
    };
    if (m.chair) (void)person(*m.chair, "chair");
    for (auto const& a : m.attendance) {
        auto const p = person(a.member, "attendance");
        if (a.status == attendance_status::guest && p.branch == branch && p.joined_branch <= m.date)
            throw invalid_input("attendance", who(p) +
                                                  " belongs to this branch: record them present or absent, "
                                                  "not as a guest (流入列席)");
    }

    auto const leaders = s.leadership(branch, m.date);
    if (m.chair_is_secretary && !leaders.empty() &&
        std::none_of(leaders.begin(), leaders.end(), [&](officer const& o) {
            return o.role == officer_role::secretary && o.member == *m.chair;
        }))
        throw invalid_input("chair_is_secretary", "member " + std::to_string(m.chair->value()) +
                                                      " is not the secretary (书记) of the branch on " + day);

    // The entry of a member on the list (guests excepted), if any.
    auto const entry = [&](member_id id) -> attendance_entry const* {
        for (auto const& a : m.attendance)
            if (a.member == id && a.status != attendance_status::guest) return &a;
        return nullptr;
    };
    // 应到: everyone entitled is listed (present, or absent with a reason) and counts towards the quorum;
    // nobody else does. Otherwise leaving people off the list, or marking them non-voting, would make
    // any meeting quorate.
    auto const require_listed = [&](std::set<member_id> const& entitled, std::string const& what) {
        for (auto const id : entitled) {
            auto const* a = entry(id);
            if (!a)
                throw invalid_input("attendance", what + " " + std::to_string(id.value()) +
                                                      " is not listed: record them present, or absent with "
                                                      "a reason (应到)");
            if (!a->voting)
                throw invalid_input("attendance", what + " " + std::to_string(id.value()) +
                                                      " is entitled to vote and counts towards the quorum "
                                                      "(voting = true)");
        }
        for (auto const& a : m.attendance)
            if (a.status != attendance_status::guest && a.voting && !entitled.count(a.member))
                throw invalid_input("attendance", "member " + std::to_string(a.member.value()) +
                                                      " does not count towards the quorum of the " +
                                                      std::string(chinese_name(m.kind)) + " of '" + org.name +
                                                      "' on " + day +
                                                      " (voting = false for those sitting in)");
    };
    if (m.kind == meeting_kind::branch_general_meeting) {
        // The members with a vote on the day (vote.entitled_full_members, member/voting.hpp).
        auto& impl = detail::store_access::of(s);
        auto const sc = scope::subtree(org.id);
        std::set<member_id> entitled;
        for (auto const& p : members_on(impl.db, m.date, sc, true))
            if (has_vote_on(p, s.standing_on(p.id, m.date), s.party_probations(p.id), m.date))
                entitled.insert(p.id);
        require_listed(entitled, "full member");
    } else if (m.kind == meeting_kind::committee_meeting && !leaders.empty()) {
        std::set<member_id> committee;
        for (auto const& o : leaders)
            committee.insert(o.member);
        require_listed(committee, "committee member");
    }
}

void insert_attendance(SQLite::Database& db, meeting_id id, std::vector<attendance_entry> const& list) {
    SQLite::Statement ins(db,
                          "INSERT INTO life_attendance(meeting_id, seq, member_id, status, absence_reason, "
                          "voting) VALUES(?, ?, ?, ?, ?, ?)");
    int seq = 0;
    for (auto const& a : list) {
        ins.bind(1, static_cast<std::int64_t>(id.value()));
        ins.bind(2, ++seq);
        ins.bind(3, raw(a.member));
        ins.bind(4, std::string(to_string(a.status)));
        ins.bind(5, a.absence_reason);
        ins.bind(6, a.voting ? 1 : 0);
        ins.exec();
        ins.reset();
    }
}

void bind_meeting(SQLite::Statement& st, meeting const& m, date::sys_days as_of) {
    st.bind(1, std::string(to_string(m.kind)));
    bind_date(st, 2, m.date);
    st.bind(3, m.topic);
    if (m.chair)
        st.bind(4, raw(*m.chair));
    else
        st.bind(4);
    st.bind(5, m.chair_is_secretary ? 1 : 0);
    bind_date(st, 6, as_of);
}

std::string describe(meeting const& m) {
    int present = 0, absent = 0, guests = 0;
    for (auto const& a : m.attendance)
        (a.status == attendance_status::present  ? present
         : a.status == attendance_status::absent ? absent
                                                 : guests) += 1;
    std::string d = "kind=" + std::string(to_string(m.kind)) + "; org=" + std::to_string(m.org.value()) +
                    "; date=" + format_iso(m.date);
    if (m.chair) d += "; chair=" + std::to_string(m.chair->value()) + (m.chair_is_secretary ? " (书记)" : "");
    d += "; present=" + std::to_string(present) + "; absent=" + std::to_string(absent) +
         "; guests=" + std::to_string(guests) + "; topic=" + m.topic;
    return d;
}

// ---- training

training_record read_training(SQLite::Statement& st) {
    training_record r;
    r.member = member_id{st.getColumn(0).getInt64()};
    r.date = *column_date(st, 1, "life_training.date");
    r.course = st.getColumn(2).getString();
    r.hours = class_hours::from_tenths(st.getColumn(3).getInt64());
    r.concentrated = st.getColumn(4).getInt() != 0;
    r.provider = st.getColumn(5).getString();
    r.level = storage::stored_enum<training_level>(st.getColumn(6).getString(), "life_training.level");
    return r;
}

constexpr char const* training_columns =
    "member_id, date, course, hours_tenths, concentrated, provider, level";

std::unordered_map<std::int64_t, std::vector<training_record>> training_in_year(SQLite::Database& db,
                                                                                int year) {
    SQLite::Statement st(db, std::string("SELECT ") + training_columns +
                                 " FROM life_training WHERE date BETWEEN ? AND ? ORDER BY date, id");
    bind_date(st, 1, make_date(year, 1, 1));
    bind_date(st, 2, make_date(year, 12, 31));
    std::unordered_map<std::int64_t, std::vector<training_record>> out;
    while (st.executeStep()) {
        auto r = read_training(st);
        out[r.member.value()].push_back(std::move(r));
    }
    return out;
}

using officer_set = std::set<std::pair<std::int64_t, std::int64_t>>;

// Training lines dated on or after `from`, by member.
std::unordered_map<std::int64_t, std::vector<training_record>> training_since(SQLite::Database& db,
                                                                              date::sys_days from) {
    SQLite::Statement st(db, std::string("SELECT ") + training_columns +
                                 " FROM life_training WHERE date >= ? ORDER BY date, id");
    bind_date(st, 1, from);
    std::unordered_map<std::int64_t, std::vector<training_record>> out;
    while (st.executeStep()) {
        auto r = read_training(st);
        out[r.member.value()].push_back(std::move(r));
    }
    return out;
}

// The secretaries in office on `on`, each with the first day of the continuous tenure: set_leadership
// ends the previous leadership on the day the next begins, so a secretary re-recorded in a new
// leadership keeps the day the tenure began.
std::vector<secretary_tenure> secretary_tenures(SQLite::Database& db, date::sys_days on) {
    SQLite::Statement st(
        db,
        "SELECT l.org_id, l.member_id, l.from_date, l.to_date, m.name FROM org_leadership l "
        "JOIN members m ON m.id = l.member_id WHERE l.role = 'secretary' AND l.from_date <= ? "
        "ORDER BY l.org_id, l.member_id, l.from_date, l.id");
    bind_date(st, 1, on);
    std::vector<secretary_tenure> out;
    std::optional<secretary_tenure> run;
    std::optional<date::sys_days> run_end;
    bool run_open = false;
    auto const flush = [&] {
        if (run && (run_open || (run_end && *run_end > on))) out.push_back(*run);
    };
    while (st.executeStep()) {
        org_id const org{st.getColumn(0).getInt64()};
        member_id const who{st.getColumn(1).getInt64()};
        auto const from = *column_date(st, 2, "org_leadership.from_date");
        auto const to = column_date(st, 3, "org_leadership.to_date");
        bool const continues =
            run && run->org == org && run->member == who && (run_open || (run_end && *run_end >= from));
        if (!continues) {
            flush();
            run = secretary_tenure{who, st.getColumn(4).getString(), org, from};
            run_open = false;
            run_end.reset();
        }
        if (!to)
            run_open = true;
        else if (!run_end || *to > *run_end)
            run_end = to;
    }
    flush();
    return out;
}

// The training roster of the members given, with their role (`officers`: officers_between the start of
// the year and the day).
std::vector<training_roster_entry> training_roster(officer_set const& officers,
                                                   std::vector<member> const& members,
                                                   std::optional<org_id> also_officer_of) {
    std::vector<training_roster_entry> out;
    for (auto const& m : members) {
        bool const officer = officers.count({raw(m.branch), raw(m.id)}) ||
                             (also_officer_of && officers.count({raw(*also_officer_of), raw(m.id)}));
        out.push_back(training_roster_entry{
            m.id, m.name, officer ? training_role::officer : training_role::member, m.admission_date});
    }
    return out;
}

// ---- dues

// Accounts (terms, bases, reliefs, excuses) of one member, or of every member when `only` is empty.
struct account_rows {
    dues_terms terms;
    dues_account account;
};

std::unordered_map<std::int64_t, account_rows> load_accounts(SQLite::Database& db,
                                                             std::optional<member_id> only) {
    std::unordered_map<std::int64_t, account_rows> out;
    auto const filter = [&](SQLite::Statement& st) {
        if (only)
            st.bind(1, raw(*only));
        else
            st.bind(1);
    };
    SQLite::Statement acc(db,
                          "SELECT member_id, ledger_start, last_month, pays_quarterly, version FROM "
                          "life_dues_accounts WHERE ?1 IS NULL OR member_id = ?1");
    filter(acc);
    while (acc.executeStep()) {
        auto& row = out[acc.getColumn(0).getInt64()];
        row.account.member = member_id{acc.getColumn(0).getInt64()};
        row.terms.ledger_start = column_month(acc, 1, "life_dues_accounts.ledger_start");
        row.terms.last_month = column_month(acc, 2, "life_dues_accounts.last_month");
        row.terms.pays_quarterly = acc.getColumn(3).getInt() != 0;
        row.terms.version = acc.getColumn(4).getInt64();
        row.account.ledger_start = row.terms.ledger_start;
        row.account.last_month = row.terms.last_month;
        row.account.pays_quarterly = row.terms.pays_quarterly;
    }
    if (out.empty()) return out;
    SQLite::Statement bases(
        db,
        "SELECT member_id, effective, category, base_fen FROM life_dues_bases WHERE ?1 IS "
        "NULL OR member_id = ?1 ORDER BY id");
    filter(bases);
    while (bases.executeStep()) {
        auto const it = out.find(bases.getColumn(0).getInt64());
        if (it == out.end()) continue;
        it->second.account.bases.push_back(dues_base_change{
            *column_month(bases, 1, "life_dues_bases.effective"),
            storage::stored_enum<dues_category>(bases.getColumn(2).getString(), "life_dues_bases.category"),
            fen(bases.getColumn(3).getInt64())});
    }
    SQLite::Statement reliefs(
        db,
        "SELECT member_id, from_month, to_month, monthly_fen, reason, branch_studied_on, "
        "approved_by, approved_on FROM life_dues_reliefs WHERE ?1 IS NULL OR member_id = "
        "?1 ORDER BY id");
    filter(reliefs);
    while (reliefs.executeStep()) {
        auto const it = out.find(reliefs.getColumn(0).getInt64());
        if (it == out.end()) continue;
        dues_relief r;
        r.from = *column_month(reliefs, 1, "life_dues_reliefs.from_month");
        r.to = column_month(reliefs, 2, "life_dues_reliefs.to_month");
        r.monthly_amount = fen(reliefs.getColumn(3).getInt64());
        r.reason = reliefs.getColumn(4).getString();
        r.branch_studied_on = column_date(reliefs, 5, "life_dues_reliefs.branch_studied_on");
        r.approved_by = reliefs.getColumn(6).getString();
        r.approved_on = column_date(reliefs, 7, "life_dues_reliefs.approved_on");
        it->second.account.reliefs.push_back(std::move(r));
    }
    SQLite::Statement excuses(
        db,
        "SELECT member_id, from_month, to_month, reason FROM life_dues_excuses WHERE ?1 "
        "IS NULL OR member_id = ?1 ORDER BY id");
    filter(excuses);
    while (excuses.executeStep()) {
        auto const it = out.find(excuses.getColumn(0).getInt64());
        if (it == out.end()) continue;
        it->second.account.excuses.push_back(dues_excuse{
            *column_month(excuses, 1, "life_dues_excuses.from_month"),
            *column_month(excuses, 2, "life_dues_excuses.to_month"), excuses.getColumn(3).getString()});
    }
    return out;
}

std::unordered_map<std::int64_t, std::vector<dues_payment>> load_payments(SQLite::Database& db,
                                                                          std::optional<member_id> only) {
    SQLite::Statement st(
        db,
        "SELECT member_id, month, amount_fen, voluntary, paid_at, collecting_org, collected_by, "
        "paid_on FROM life_dues_payments WHERE ?1 IS NULL OR member_id = ?1 ORDER BY id");
    if (only)
        st.bind(1, raw(*only));
    else
        st.bind(1);
    std::unordered_map<std::int64_t, std::vector<dues_payment>> out;
    while (st.executeStep()) {
        dues_payment p;
        p.member = member_id{st.getColumn(0).getInt64()};
        p.month = *column_month(st, 1, "life_dues_payments.month");
        p.amount = fen(st.getColumn(2).getInt64());
        p.voluntary = st.getColumn(3).getInt() != 0;
        p.paid_at =
            storage::stored_enum<dues_paid_at>(st.getColumn(4).getString(), "life_dues_payments.paid_at");
        p.collecting_org = org_id{st.getColumn(5).getInt64()};
        p.collected_by = st.getColumn(6).getString();
        p.paid_on = *column_date(st, 7, "life_dues_payments.paid_on");
        out[p.member.value()].push_back(std::move(p));
    }
    return out;
}

// The member's account with the admission date from the roster, and its terms; nothing when none is open.
std::optional<account_rows> account_of(store const& s, member const& m) {
    auto& impl = detail::store_access::of(s);
    auto all = load_accounts(impl.db, m.id);
    auto const it = all.find(raw(m.id));
    if (it == all.end()) return std::nullopt;
    it->second.account.admission_date = m.admission_date;
    return std::move(it->second);
}

account_rows require_account(store const& s, member const& m) {
    auto a = account_of(s, m);
    if (!a) throw not_found(who(m) + " has no dues account: open it with its first base (open_dues_account)");
    return std::move(*a);
}

// The first month judged: the admission month (dues.from_admission_month) or the ledger start if later.
date::year_month first_month(dues_account const& a) {
    auto const admitted = month_of(a.admission_date);
    return a.ledger_start && *a.ledger_start > admitted ? *a.ledger_start : admitted;
}

// The account invariants the statement relies on: a base in effect from the first month judged, and a
// last month not before it. Checked after every change, so reading a statement never fails on them.
void check_account(dues_account const& a, rule_set const& rules, char const* base_field) {
    validate_dues_account(a, rules);
    for (auto const& b : a.bases)
        (void)monthly_dues(b.category, b.base, rules.life);
    auto const first = first_month(a);
    if (a.last_month && *a.last_month < first)
        throw invalid_input("last_month", "last month owed " + format_month(*a.last_month) +
                                              " is before the first month judged " + format_month(first));
    if (std::none_of(a.bases.begin(), a.bases.end(),
                     [&](dues_base_change const& b) { return b.effective <= first; }))
        throw invalid_input(
            base_field, "no dues base in effect for " + format_month(first) +
                            ", the first month owed (admission " + format_iso(a.admission_date) +
                            (a.ledger_start ? ", ledger start " + format_month(*a.ledger_start) : "") + ")");
}

std::string describe(dues_base_change const& b) {
    return "effective=" + format_month(b.effective) + "; category=" + std::string(to_string(b.category)) +
           "; base=" + format_yuan(b.base);
}

std::string describe(dues_terms const& t) {
    return "ledger_start=" + (t.ledger_start ? format_month(*t.ledger_start) : std::string("-")) +
           "; last_month=" + (t.last_month ? format_month(*t.last_month) : std::string("-")) +
           "; pays_quarterly=" + (t.pays_quarterly ? "yes" : "no");
}

void insert_base(SQLite::Database& db, member_id id, dues_base_change const& b) {
    SQLite::Statement ins(
        db, "INSERT INTO life_dues_bases(member_id, effective, category, base_fen) VALUES(?, ?, ?, ?)");
    ins.bind(1, raw(id));
    ins.bind(2, format_month(b.effective));
    ins.bind(3, std::string(to_string(b.category)));
    ins.bind(4, static_cast<std::int64_t>(b.base.value()));
    ins.exec();
}

// Life activity rows of the given members (sorted by id) from two aggregates.
std::vector<member_life_activity> activity_of(SQLite::Database& db, std::vector<member> const& members,
                                              date::sys_days as_of) {
    // The kinds that count as organisational life, from the same predicate the rules use.
    std::string kinds;
    for (auto const& row : detail::meeting_kind_table)
        if (counts_as_org_life(row.kind))
            kinds += std::string(kinds.empty() ? "'" : ", '") + std::string(row.code) + "'";
    SQLite::Statement life(
        db,
        "SELECT who, max(date) FROM (SELECT m.chair_id AS who, m.date AS date FROM "
        "life_meetings m WHERE m.chair_id IS NOT NULL AND m.date <= ?1 AND m.kind IN (" +
            kinds +
            ") UNION ALL SELECT a.member_id, m.date FROM life_attendance a JOIN "
            "life_meetings m ON m.id = a.meeting_id WHERE a.status <> 'absent' AND m.date <= "
            "?1 AND m.kind IN (" +
            kinds + ")) GROUP BY who");
    bind_date(life, 1, as_of);
    std::unordered_map<std::int64_t, date::sys_days> last_life;
    while (life.executeStep())
        last_life.emplace(life.getColumn(0).getInt64(), *column_date(life, 1, "life_meetings.date"));
    SQLite::Statement dues(db,
                           "SELECT member_id, max(month) FROM life_dues_payments WHERE voluntary = 0 AND "
                           "amount_fen > 0 AND paid_on <= ? GROUP BY member_id");
    bind_date(dues, 1, as_of);
    std::unordered_map<std::int64_t, date::year_month> last_paid;
    while (dues.executeStep())
        last_paid.emplace(dues.getColumn(0).getInt64(), *column_month(dues, 1, "life_dues_payments.month"));
    std::vector<member_life_activity> out;
    for (auto const& m : members) {
        member_life_activity a{m.id, m.branch, m.admission_date, std::nullopt, std::nullopt};
        if (auto it = last_life.find(raw(m.id)); it != last_life.end()) a.last_org_life = it->second;
        if (auto it = last_paid.find(raw(m.id)); it != last_paid.end()) a.last_paid_month = it->second;
        out.push_back(a);
    }
    return out;
}

}  // namespace

// ================================================================================================
// Meetings

meeting_id add_meeting(store& s, meeting const& m, date::sys_days as_of, std::string_view why) {
    auto& impl = detail::store_access::of(s);
    return storage::in_read("recording a meeting", [&]() -> meeting_id {
        check_meeting(s, m, as_of);
        storage::check_meeting(s, m);  // after the recording-date check, whose message is more precise
        return storage::in_transaction(impl.db, [&] {
            SQLite::Statement ins(
                impl.db,
                "INSERT INTO life_meetings(kind, date, topic, chair_id, chair_is_secretary, "
                "recorded_on, org_id) VALUES(?, ?, ?, ?, ?, ?, ?)");
            bind_meeting(ins, m, as_of);
            ins.bind(7, raw(m.org));
            ins.exec();
            meeting_id const id{impl.db.getLastInsertRowid()};
            insert_attendance(impl.db, id, m.attendance);
            storage::append_audit(impl.db, impl.options.actor, "meeting", id.value(), "insert", why,
                                  describe(m));
            return id;
        });
    });
}

void correct_meeting(store& s, meeting const& m, std::int64_t version, date::sys_days as_of,
                     std::string_view why) {
    auto& impl = detail::store_access::of(s);
    storage::in_read("correcting a meeting", [&] {
        auto const old = get_meeting(s, m.id);
        if (old.version != version)
            throw conflict("meeting " + std::to_string(m.id.value()) +
                           " was corrected by someone else (stored version " + std::to_string(old.version) +
                           ", yours " + std::to_string(version) + ")");
        if (m.org != old.record.org)
            throw invalid_input("org", "meeting " + std::to_string(m.id.value()) + " was held by org " +
                                           std::to_string(old.record.org.value()) +
                                           "; record a meeting of another organisation anew");
        check_meeting(s, m, as_of);
        storage::check_meeting(s, m);
        storage::in_transaction(impl.db, [&] {
            SQLite::Statement up(
                impl.db,
                "UPDATE life_meetings SET kind = ?, date = ?, topic = ?, chair_id = ?, "
                "chair_is_secretary = ?, recorded_on = ?, version = version + 1 WHERE id = ? AND "
                "version = ?");
            bind_meeting(up, m, as_of);
            up.bind(7, static_cast<std::int64_t>(m.id.value()));
            up.bind(8, version);
            if (up.exec() != 1)
                throw conflict("meeting " + std::to_string(m.id.value()) + " changed meanwhile");
            SQLite::Statement del(impl.db, "DELETE FROM life_attendance WHERE meeting_id = ?");
            del.bind(1, static_cast<std::int64_t>(m.id.value()));
            del.exec();
            insert_attendance(impl.db, m.id, m.attendance);
            storage::append_audit(impl.db, impl.options.actor, "meeting", m.id.value(), "correct", why,
                                  "was: " + describe(old.record) + " | now: " + describe(m));
        });
    });
}

stored_meeting get_meeting(store const& s, meeting_id id) {
    auto& impl = detail::store_access::of(s);
    return storage::in_read("reading a meeting", [&]() -> stored_meeting {
        auto found = load_meetings(impl.db, "m.id = ?1", [&](SQLite::Statement& st) {
            st.bind(1, static_cast<std::int64_t>(id.value()));
        });
        if (found.empty()) throw not_found("no meeting with id " + std::to_string(id.value()));
        return std::move(found.front());
    });
}

std::vector<meeting> meetings_of(store const& s, scope sc, date::sys_days from, date::sys_days to) {
    if (to < from)
        throw invalid_input("to", "period ends " + format_iso(to) + ", before it starts " + format_iso(from));
    auto& impl = detail::store_access::of(s);
    return storage::in_read("reading meetings", [&]() -> std::vector<meeting> {
        auto const ids = storage::scope_org_ids(impl.db, sc);
        auto all = meetings_between(impl.db, from, to);
        std::erase_if(all, [&](meeting const& m) { return !in(ids, raw(m.org)); });
        return all;
    });
}

compliance_report life_compliance_report(store const& s, org_id org, date::sys_days from, date::sys_days to) {
    auto& impl = detail::store_access::of(s);
    return storage::in_read("computing cadence compliance", [&]() -> compliance_report {
        auto const o = s.org(org);
        if (to < from)
            throw invalid_input("to",
                                "report end " + format_iso(to) + " is before its start " + format_iso(from));
        // The organisation's last day in the period: the roster and leadership are taken on it.
        auto const day =
            o.dissolved && *o.dissolved <= to ? std::max(*o.dissolved - date::days{1}, o.established) : to;
        life_scope sc;
        std::vector<std::int64_t> holders{raw(o.id)};
        if (o.kind != org_kind::party_group) {
            sc.has_committee = has_committee(s.leadership(o.id, day));
            for (auto const& g : s.orgs(scope::subtree(o.id)))
                if (g.kind == org_kind::party_group && g.parent == o.id && g.established <= to &&
                    (!g.dissolved || *g.dissolved > from)) {
                    sc.groups.push_back(g.id);
                    holders.push_back(raw(g.id));
                }
            standing_lookup const standing(s, scope::subtree(o.id));
            for (auto const& m : members_on(impl.db, day, scope::subtree(o.id), true))
                if (standing.normal(m, day)) sc.members.push_back(m.id);
        }
        std::sort(holders.begin(), holders.end());
        // A slot counts every meeting dated in it, so the year of `from` is read from its first day.
        auto meetings =
            meetings_between(impl.db, make_date(int(date::year_month_day{from}.year()), 1, 1), to);
        std::erase_if(meetings, [&](meeting const& m) { return !in(holders, raw(m.org)); });
        return life_compliance(o, meetings, sc, from, to, s.rules());
    });
}

// ================================================================================================
// Self-withdrawal inputs

std::vector<member_life_activity> life_activity(store const& s, date::sys_days as_of, scope sc) {
    auto& impl = detail::store_access::of(s);
    return storage::in_read("reading organisational life and dues",
                            [&]() -> std::vector<member_life_activity> {
                                (void)storage::scope_org_ids(impl.db, sc);  // not_found for an unknown root
                                return activity_of(impl.db, members_on(impl.db, as_of, sc, false), as_of);
                            });
}

member_life_activity life_activity_of(store const& s, member_id member, date::sys_days as_of) {
    auto& impl = detail::store_access::of(s);
    return storage::in_read("reading organisational life and dues", [&]() -> member_life_activity {
        auto const m = s.get_member(member);
        return activity_of(impl.db, {m}, as_of).front();
    });
}

// ================================================================================================
// Training

void add_training(store& s, training_record const& r, date::sys_days as_of, std::string_view why) {
    auto& impl = detail::store_access::of(s);
    storage::in_read("recording training", [&] {
        storage::check_text(r.course, "course", storage::text_cap::long_text);
        storage::check_text(r.provider, "provider", storage::text_cap::long_text);
        validate_training_record(r, as_of);
        storage::check_not_in_future(s, r.date, "date");
        (void)s.get_member(r.member);
        SQLite::Statement dup(impl.db,
                              "SELECT 1 FROM life_training WHERE member_id = ? AND date = ? AND course = ?");
        dup.bind(1, raw(r.member));
        bind_date(dup, 2, r.date);
        dup.bind(3, r.course);
        if (dup.executeStep())
            throw invalid_input("ledger", "'" + r.course + "' recorded twice for member " +
                                              std::to_string(r.member.value()) + " on " + format_iso(r.date));
        dup.reset();
        storage::in_transaction(impl.db, [&] {
            SQLite::Statement ins(
                impl.db,
                "INSERT INTO life_training(member_id, date, course, hours_tenths, concentrated, "
                "provider, recorded_on, level) VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
            ins.bind(1, raw(r.member));
            bind_date(ins, 2, r.date);
            ins.bind(3, r.course);
            ins.bind(4, static_cast<std::int64_t>(r.hours.tenths()));
            ins.bind(5, r.concentrated ? 1 : 0);
            ins.bind(6, r.provider);
            bind_date(ins, 7, as_of);
            ins.bind(8, std::string(to_string(r.level)));
            ins.exec();
            storage::append_audit(
                impl.db, impl.options.actor, "training", r.member.value(), "insert", why,
                "date=" + format_iso(r.date) + "; course=" + r.course +
                    "; hours=" + format_class_hours(r.hours) + (r.concentrated ? "; concentrated" : "") +
                    (r.provider.empty() ? "" : "; provider=" + r.provider) +
                    (r.level == training_level::unspecified ? ""
                                                            : "; level=" + std::string(to_string(r.level))));
        });
    });
}

std::vector<training_record> training_ledger(store const& s, member_id member, std::optional<int> year) {
    auto& impl = detail::store_access::of(s);
    return storage::in_read("reading a training ledger", [&]() -> std::vector<training_record> {
        (void)s.get_member(member);
        SQLite::Statement st(impl.db, std::string("SELECT ") + training_columns +
                                          " FROM life_training WHERE member_id = ?1 AND (?2 IS NULL OR date "
                                          "BETWEEN ?2 AND ?3) ORDER BY date, id");
        st.bind(1, raw(member));
        bind_date(st, 2, year ? std::optional(make_date(*year, 1, 1)) : std::nullopt);
        bind_date(st, 3, year ? std::optional(make_date(*year, 12, 31)) : std::nullopt);
        std::vector<training_record> out;
        while (st.executeStep())
            out.push_back(read_training(st));
        return out;
    });
}

training_report training_shortfall_report(store const& s, org_id org, int year, date::sys_days as_of) {
    if (year < 1 || year > 9999)
        throw invalid_input("year", std::to_string(year) + " is not a calendar year");
    auto& impl = detail::store_access::of(s);
    return storage::in_read("computing training shortfalls", [&]() -> training_report {
        auto const o = s.org(org);
        auto const day = std::min(as_of, make_date(year, 12, 31));
        standing_lookup const standing(s, scope::subtree(o.id));
        std::vector<member> members;
        for (auto& m : members_on(impl.db, day, scope::subtree(o.id), true))
            if (standing.normal(m, day)) members.push_back(std::move(m));
        auto const roster =
            training_roster(officers_between(impl.db, make_date(year, 1, 1), day), members, o.id);
        auto by_member = training_in_year(impl.db, year);
        std::vector<training_record> ledger;
        for (auto const& m : members)
            if (auto it = by_member.find(raw(m.id)); it != by_member.end())
                ledger.insert(ledger.end(), it->second.begin(), it->second.end());
        return training_shortfalls(o.id, year, roster, ledger, as_of, s.rules());
    });
}

// ================================================================================================
// Dues

void open_dues_account(store& s, member_id member, dues_base_change const& initial, dues_terms const& terms,
                       std::string_view why) {
    auto& impl = detail::store_access::of(s);
    storage::in_read("opening a dues account", [&] {
        auto const m = s.get_member(member);
        if (account_of(s, m)) throw conflict(who(m) + " already has a dues account");
        dues_account a;
        a.member = m.id;
        a.admission_date = m.admission_date;
        a.ledger_start = terms.ledger_start;
        a.last_month = terms.last_month;
        a.pays_quarterly = terms.pays_quarterly;
        a.bases.push_back(initial);
        check_account(a, s.rules(), "effective");
        storage::in_transaction(impl.db, [&] {
            SQLite::Statement ins(impl.db,
                                  "INSERT INTO life_dues_accounts(member_id, ledger_start, last_month, "
                                  "pays_quarterly) VALUES(?, ?, ?, ?)");
            ins.bind(1, raw(member));
            bind_month(ins, 2, terms.ledger_start);
            bind_month(ins, 3, terms.last_month);
            ins.bind(4, terms.pays_quarterly ? 1 : 0);
            ins.exec();
            insert_base(impl.db, member, initial);
            storage::append_audit(
                impl.db, impl.options.actor, "dues", member.value(), "open", why,
                describe(terms) + "; " + describe(initial) +
                    "; monthly=" + format_yuan(monthly_dues(initial.category, initial.base, s.rules().life)));
        });
    });
}

void set_dues_terms(store& s, member_id member, dues_terms const& terms, std::string_view why) {
    auto& impl = detail::store_access::of(s);
    storage::in_read("changing dues terms", [&] {
        auto const m = s.get_member(member);
        auto rows = require_account(s, m);
        if (rows.terms.version != terms.version)
            throw conflict("the dues account of " + who(m) + " was changed by someone else (stored version " +
                           std::to_string(rows.terms.version) + ", yours " + std::to_string(terms.version) +
                           ")");
        auto a = rows.account;
        a.ledger_start = terms.ledger_start;
        a.last_month = terms.last_month;
        a.pays_quarterly = terms.pays_quarterly;
        check_account(a, s.rules(), "ledger_start");
        storage::in_transaction(impl.db, [&] {
            SQLite::Statement up(
                impl.db,
                "UPDATE life_dues_accounts SET ledger_start = ?, last_month = ?, pays_quarterly = "
                "?, version = version + 1 WHERE member_id = ? AND version = ?");
            bind_month(up, 1, terms.ledger_start);
            bind_month(up, 2, terms.last_month);
            up.bind(3, terms.pays_quarterly ? 1 : 0);
            up.bind(4, raw(member));
            up.bind(5, terms.version);
            if (up.exec() != 1) throw conflict("the dues account of " + who(m) + " changed meanwhile");
            storage::append_audit(impl.db, impl.options.actor, "dues", member.value(), "terms", why,
                                  describe(rows.terms) + " -> " + describe(terms));
        });
    });
}

void change_dues_base(store& s, member_id member, dues_base_change const& change, std::string_view why) {
    auto& impl = detail::store_access::of(s);
    storage::in_read("changing a dues base", [&] {
        auto const m = s.get_member(member);
        auto a = require_account(s, m).account;
        a.bases.push_back(change);
        check_account(a, s.rules(), "effective");
        storage::in_transaction(impl.db, [&] {
            insert_base(impl.db, member, change);
            storage::append_audit(
                impl.db, impl.options.actor, "dues", member.value(), "base", why,
                describe(change) +
                    "; monthly=" + format_yuan(monthly_dues(change.category, change.base, s.rules().life)));
        });
    });
}

void add_dues_relief(store& s, member_id member, dues_relief const& relief, std::string_view why) {
    auto& impl = detail::store_access::of(s);
    storage::in_read("recording a dues relief", [&] {
        storage::check_not_in_future(s, relief.branch_studied_on, "branch_studied_on");
        storage::check_not_in_future(s, relief.approved_on, "approved_on");
        storage::check_text(relief.reason, "reason", storage::text_cap::note, true);
        storage::check_text(relief.approved_by, "approved_by", storage::text_cap::long_text);
        auto const m = s.get_member(member);
        auto a = require_account(s, m).account;
        validate_relief(relief);
        a.reliefs.push_back(relief);
        check_account(a, s.rules(), "effective");
        storage::in_transaction(impl.db, [&] {
            SQLite::Statement ins(
                impl.db,
                "INSERT INTO life_dues_reliefs(member_id, from_month, to_month, monthly_fen, "
                "reason, branch_studied_on, approved_by, approved_on) VALUES(?, ?, ?, ?, ?, ?, ?, "
                "?)");
            ins.bind(1, raw(member));
            bind_month(ins, 2, relief.from);
            bind_month(ins, 3, relief.to);
            ins.bind(4, static_cast<std::int64_t>(relief.monthly_amount.value()));
            ins.bind(5, relief.reason);
            bind_date(ins, 6, relief.branch_studied_on);
            ins.bind(7, relief.approved_by);
            bind_date(ins, 8, relief.approved_on);
            ins.exec();
            storage::append_audit(impl.db, impl.options.actor, "dues", member.value(), "relief", why,
                                  "from=" + format_month(relief.from) +
                                      "; to=" + (relief.to ? format_month(*relief.to) : std::string("-")) +
                                      "; monthly=" + format_yuan(relief.monthly_amount) +
                                      "; approved_by=" + relief.approved_by + "; approved_on=" +
                                      format_iso(*relief.approved_on) + "; reason=" + relief.reason);
        });
    });
}

void add_dues_excuse(store& s, member_id member, dues_excuse const& excuse, std::string_view why) {
    auto& impl = detail::store_access::of(s);
    storage::in_read("recording a dues excuse", [&] {
        storage::check_text(excuse.reason, "reason", storage::text_cap::note, true);
        auto const m = s.get_member(member);
        auto a = require_account(s, m).account;
        if (!excuse.from.ok() || !excuse.to.ok()) throw invalid_input("from", "invalid month");
        if (excuse.to < excuse.from)
            throw invalid_input("to", "excuse ends " + format_month(excuse.to) + " before it starts " +
                                          format_month(excuse.from));
        if (excuse.reason.empty()) throw invalid_input("reason", "a good reason (正当理由) names the reason");
        a.excuses.push_back(excuse);
        check_account(a, s.rules(), "effective");
        storage::in_transaction(impl.db, [&] {
            SQLite::Statement ins(
                impl.db,
                "INSERT INTO life_dues_excuses(member_id, from_month, to_month, reason) VALUES(?, "
                "?, ?, ?)");
            ins.bind(1, raw(member));
            bind_month(ins, 2, excuse.from);
            bind_month(ins, 3, excuse.to);
            ins.bind(4, excuse.reason);
            ins.exec();
            storage::append_audit(impl.db, impl.options.actor, "dues", member.value(), "excuse", why,
                                  "from=" + format_month(excuse.from) + "; to=" + format_month(excuse.to) +
                                      "; reason=" + excuse.reason);
        });
    });
}

dues_payment_check record_dues_payment(store& s, dues_payment const& p, date::sys_days as_of,
                                       std::string_view why) {
    auto& impl = detail::store_access::of(s);
    return storage::in_read("recording a dues payment", [&]() -> dues_payment_check {
        storage::check_not_in_future(s, p.paid_on, "paid_on");
        storage::check_text(p.collected_by, "collected_by", storage::text_cap::short_text);
        auto const m = s.get_member(p.member);
        auto rows = account_of(s, m);
        if (!rows && !p.voluntary)
            throw not_found(who(m) +
                            " has no dues account: open it with its first base before recording dues");
        dues_account a;
        if (rows) {
            a = rows->account;
        } else {
            a.member = m.id;
            a.admission_date = m.admission_date;
        }
        auto const check = check_dues_payment(p, a, as_of, s.rules());
        auto const collector = s.org(p.collecting_org);
        if (!collector.active_on(p.paid_on))
            throw invalid_input("collecting_org",
                                "'" + collector.name + "' does not exist on " + format_iso(p.paid_on));
        if (p.collected_by.empty()) throw invalid_input("collected_by", "name the collector (收缴人)");
        if (p.paid_at == dues_paid_at::home_org && m.joined_branch <= p.paid_on &&
            p.collecting_org != m.branch)
            throw invalid_input("collecting_org", "paid at home, but '" + collector.name +
                                                      "' is not the branch of " + who(m) + " (org " +
                                                      std::to_string(m.branch.value()) + ")");
        if (p.paid_at == dues_paid_at::host_org && p.collecting_org == m.branch)
            throw invalid_input("collecting_org", "paid at a host organisation, but '" + collector.name +
                                                      "' is the member's own branch");
        storage::in_transaction(impl.db, [&] {
            SQLite::Statement ins(
                impl.db,
                "INSERT INTO life_dues_payments(member_id, month, amount_fen, voluntary, paid_at, "
                "collecting_org, collected_by, paid_on, recorded_on, months_back, "
                "late_back_payment, to_centre) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            ins.bind(1, raw(p.member));
            bind_month(ins, 2, p.month);
            ins.bind(3, static_cast<std::int64_t>(p.amount.value()));
            ins.bind(4, p.voluntary ? 1 : 0);
            ins.bind(5, std::string(to_string(p.paid_at)));
            ins.bind(6, raw(p.collecting_org));
            ins.bind(7, p.collected_by);
            bind_date(ins, 8, p.paid_on);
            bind_date(ins, 9, as_of);
            ins.bind(10, check.months_back);
            ins.bind(11, check.late_back_payment ? 1 : 0);
            ins.bind(12, check.to_centre ? 1 : 0);
            ins.exec();
            storage::append_audit(
                impl.db, impl.options.actor, "dues", p.member.value(), "payment", why,
                std::string(p.voluntary ? "voluntary; " : "") + "month=" + format_month(p.month) +
                    "; amount=" + format_yuan(p.amount) + "; paid_on=" + format_iso(p.paid_on) +
                    "; paid_at=" + std::string(to_string(p.paid_at)) + "; collecting_org=" +
                    std::to_string(p.collecting_org.value()) + "; collected_by=" + p.collected_by +
                    (check.late_back_payment ? "; late back-payment" : "") +
                    (check.to_centre ? "; to the Centre" : ""));
        });
        return check;
    });
}

std::optional<dues_account> find_dues_account(store const& s, member_id member) {
    return storage::in_read("reading a dues account", [&]() -> std::optional<dues_account> {
        auto const m = s.get_member(member);
        auto rows = account_of(s, m);
        if (!rows) return std::nullopt;
        return std::move(rows->account);
    });
}

dues_terms get_dues_terms(store const& s, member_id member) {
    return storage::in_read("reading a dues account",
                            [&]() -> dues_terms { return require_account(s, s.get_member(member)).terms; });
}

std::vector<dues_payment> dues_payments(store const& s, member_id member) {
    auto& impl = detail::store_access::of(s);
    return storage::in_read("reading dues payments", [&]() -> std::vector<dues_payment> {
        (void)s.get_member(member);
        auto all = load_payments(impl.db, member);
        auto const it = all.find(raw(member));
        return it == all.end() ? std::vector<dues_payment>{} : std::move(it->second);
    });
}

dues_statement dues_statement_of(store const& s, member_id member, date::sys_days as_of) {
    auto& impl = detail::store_access::of(s);
    return storage::in_read("computing a dues statement", [&]() -> dues_statement {
        auto const a = require_account(s, s.get_member(member)).account;
        auto payments = load_payments(impl.db, member);
        return dues_arrears(a, payments[raw(member)], as_of, s.rules());
    });
}

std::vector<dues_position> dues_arrears_report(store const& s, date::sys_days as_of, scope sc) {
    auto& impl = detail::store_access::of(s);
    return storage::in_read("computing dues arrears", [&]() -> std::vector<dues_position> {
        (void)storage::scope_org_ids(impl.db, sc);  // not_found for an unknown root
        auto accounts = load_accounts(impl.db, std::nullopt);
        auto payments = load_payments(impl.db, std::nullopt);
        standing_lookup const standing(s, sc);
        std::vector<dues_position> out;
        for (auto const& m : members_on(impl.db, as_of, sc, false)) {
            if (!standing.normal(m, as_of)) continue;
            auto const it = accounts.find(raw(m.id));
            if (it == accounts.end()) continue;
            auto a = it->second.account;
            a.admission_date = m.admission_date;
            auto statement = dues_arrears(a, payments[raw(m.id)], as_of, s.rules());
            auto streak = first_unpaid_streak(statement, s.rules());
            if (statement.arrears == fen{} && !streak) continue;
            out.push_back(dues_position{m.id, m.name, m.branch, std::move(statement), streak});
        }
        return out;
    });
}

// ================================================================================================
// Agenda

namespace storage {

std::vector<agenda_item> life_agenda_items(store const& s, SQLite::Database& db, date::sys_days as_of,
                                           std::vector<std::int64_t> const& org_ids) {
    auto const& rules = s.rules();
    int const year = int(date::year_month_day{as_of}.year());
    // The agenda has only `as_of`: cadence is judged from the start of its year (or the establishment).
    auto const year_start = make_date(year, 1, 1);
    std::vector<agenda_item> items;

    // Each part of organisational life is judged only where the store keeps it: cadence for the orgs
    // that have recorded a meeting, training for the branches whose members have a training record, dues
    // for the members with a dues account. A store that keeps none of them (a roster only) gets no
    // life items instead of one "missed" item per branch and month.
    std::set<std::int64_t> tracked, trained;
    std::unordered_map<std::int64_t, date::sys_days> first_meeting;
    {
        SQLite::Statement st(db, "SELECT org_id, min(date) FROM life_meetings GROUP BY org_id");
        while (st.executeStep()) {
            tracked.insert(st.getColumn(0).getInt64());
            first_meeting[st.getColumn(0).getInt64()] = *column_date(st, 1, "life_meetings.date");
        }
        SQLite::Statement tr(
            db, "SELECT DISTINCT m.branch_id FROM life_training t JOIN members m ON m.id = t.member_id");
        while (tr.executeStep())
            trained.insert(tr.getColumn(0).getInt64());
    }
    auto accounts = load_accounts(db, std::nullopt);
    if (tracked.empty() && trained.empty() && accounts.empty()) return items;

    auto const all_orgs = s.orgs(scope::all());
    standing_lookup const standing(s, scope::all());
    // Members are loaded only for the organisations whose life the store keeps (their subtrees), and
    // for the holders of dues accounts: a large roster-only store costs nothing here.
    std::set<std::int64_t> roots(tracked.begin(), tracked.end());
    roots.insert(trained.begin(), trained.end());
    {
        SQLite::Statement st(
            db, "SELECT DISTINCT m.branch_id FROM life_dues_accounts a JOIN members m ON m.id = a.member_id");
        while (st.executeStep())
            roots.insert(st.getColumn(0).getInt64());
    }
    std::unordered_map<std::int64_t, std::vector<member>> by_branch;
    std::set<std::int64_t> loaded;
    for (auto root : roots)
        for (auto b : scope_org_ids(db, scope::subtree(org_id{root})))
            if (loaded.insert(b).second)
                for (auto& m : members_on(db, as_of, scope::subtree(org_id{b}), true))
                    if (m.branch.value() == b && standing.normal(m, as_of))
                        by_branch[b].push_back(std::move(m));
    std::unordered_map<std::int64_t, std::vector<meeting>> meetings_by_org;
    for (auto& m : meetings_between(db, year_start, as_of))
        meetings_by_org[raw(m.org)].push_back(std::move(m));

    bool const training_season =
        unsigned(date::year_month_day{as_of}.month()) >= rules.life.training_notice_month;
    std::unordered_map<std::int64_t, std::vector<training_record>> training;
    if (training_season && !trained.empty()) training = training_in_year(db, year);
    auto payments =
        accounts.empty() ? decltype(load_payments(db, std::nullopt)){} : load_payments(db, std::nullopt);
    static std::vector<member> const none;
    std::optional<std::map<member_id, date::sys_days>> last_life;
    std::optional<officer_set> officers;
    auto const meetings_since = [&](date::sys_days from) { return meetings_between(db, from, as_of); };
    auto const& members_of = [&](std::int64_t branch) -> std::vector<member> const& {
        auto const it = by_branch.find(branch);
        return it == by_branch.end() ? none : it->second;
    };

    // The party groups (党小组) of each branch that exist in the year, found once: a scan of every
    // organisation per branch would make the agenda quadratic in the size of the store.
    std::unordered_map<std::int64_t, std::vector<org_id>> groups_of;
    for (auto const& g : all_orgs)
        if (g.kind == org_kind::party_group && g.parent && g.established <= as_of &&
            (!g.dissolved || *g.dissolved > year_start))
            groups_of[raw(*g.parent)].push_back(g.id);

    for (auto const& o : all_orgs) {
        if (!in(org_ids, raw(o.id)) || is_committee(o.kind)) continue;
        auto const held_by = [&](std::vector<std::int64_t> const& holders) {
            std::vector<meeting> out;
            for (auto h : holders)
                if (auto it = meetings_by_org.find(h); it != meetings_by_org.end())
                    out.insert(out.end(), it->second.begin(), it->second.end());
            std::sort(out.begin(), out.end(),
                      [](meeting const& a, meeting const& b) { return a.date < b.date; });
            return out;
        };
        if (o.kind == org_kind::party_group) {
            // A group is judged with its branch; alone only when the branch is out of scope.
            if ((o.parent && in(org_ids, raw(*o.parent))) || !tracked.count(raw(o.id))) continue;
            auto const more = life_agenda(o, held_by({raw(o.id)}), life_scope{}, year_start, as_of, rules);
            items.insert(items.end(), more.begin(), more.end());
            continue;
        }
        std::vector<std::int64_t> holders{raw(o.id)};
        std::vector<org_id> groups;
        if (auto const it = groups_of.find(raw(o.id)); it != groups_of.end()) groups = it->second;
        for (auto const g : groups)
            holders.push_back(raw(g));
        bool const keeps_meetings =
            std::any_of(holders.begin(), holders.end(), [&](std::int64_t h) { return tracked.count(h) > 0; });
        if (keeps_meetings) {
            life_scope sc;
            sc.has_committee = has_committee(s.leadership(o.id, as_of));
            sc.groups = groups;
            if (is_branch(o.kind)) {
                for (auto const& m : members_of(raw(o.id)))
                    sc.members.push_back(m.id);
            } else {
                for (auto b : scope_org_ids(db, scope::subtree(o.id)))
                    for (auto const& m : members_of(b))
                        sc.members.push_back(m.id);
            }
            auto const life = life_agenda(o, held_by(holders), sc, year_start, as_of, rules);
            items.insert(items.end(), life.begin(), life.end());
        }
        if (!is_branch(o.kind) || !o.active_on(as_of)) continue;
        auto const& own = members_of(raw(o.id));
        if (tracked.count(raw(o.id))) {
            // 党章 第9条: six consecutive months without organisational life. Counted from the last meeting
            // attended anywhere in the store (a mobile member attends at the host as a guest), or from
            // when the member and the branch's records started.
            if (!last_life) last_life = last_org_life(meetings_since(add_months(as_of, -13)), as_of);
            for (auto const& m : own) {
                std::optional<date::sys_days> attended;
                if (auto it = last_life->find(m.id); it != last_life->end()) attended = it->second;
                if (auto item = no_org_life_finding(
                        m, o.id, std::max({m.admission_date, m.joined_branch, first_meeting[raw(o.id)]}),
                        attended, as_of, rules))
                    items.push_back(std::move(*item));
            }
        }
        if (training_season && trained.count(raw(o.id))) {
            // The officers of the whole store are read once, not once per branch.
            if (!officers) officers = officers_between(db, make_date(year, 1, 1), as_of);
            auto const roster = training_roster(*officers, own, std::nullopt);
            std::vector<training_record> ledger;
            for (auto const& m : own)
                if (auto it = training.find(raw(m.id)); it != training.end())
                    ledger.insert(ledger.end(), it->second.begin(), it->second.end());
            auto const more = training_agenda(o.id, roster, ledger, as_of, rules);
            items.insert(items.end(), more.begin(), more.end());
        }
        for (auto const& m : own) {
            auto const it = accounts.find(raw(m.id));
            if (it == accounts.end()) continue;
            auto a = it->second.account;
            a.admission_date = m.admission_date;
            auto const more = dues_agenda(a, payments[raw(m.id)], o.id, m.name, as_of, rules);
            items.insert(items.end(), more.begin(), more.end());
        }
    }

    // Secretaries' and new members' training (training.new_secretary_6_months,
    // training.secretary_rotation_yearly, training.new_member_higher_level) is judged, like the hours,
    // where the store keeps training: the branches with a training record and the organisations above
    // them. Three years back covers every window these rules look at.
    if (!trained.empty()) {
        std::unordered_map<std::int64_t, std::int64_t> parent;
        for (auto const& o : all_orgs)
            if (o.parent) parent[raw(o.id)] = raw(*o.parent);
        std::set<std::int64_t> judged;
        for (auto at : trained)
            for (std::size_t hops = 0; hops <= all_orgs.size() && judged.insert(at).second; ++hops) {
                auto const it = parent.find(at);
                if (it == parent.end()) break;
                at = it->second;
            }
        std::vector<secretary_tenure> secretaries;
        for (auto& t : secretary_tenures(db, as_of))
            if (judged.count(raw(t.org)) && in(org_ids, raw(t.org))) secretaries.push_back(std::move(t));
        auto const since = add_years(as_of, -3);
        std::vector<new_member_entry> new_members;
        for (auto b : trained) {
            if (!in(org_ids, b)) continue;
            for (auto const& m : members_of(b))
                if (m.admission_date >= since)
                    new_members.push_back(
                        new_member_entry{m.id, m.name, m.branch, m.admission_date, m.full_member_date});
        }
        if (!secretaries.empty() || !new_members.empty()) {
            auto const recent = training_since(db, since);
            std::vector<training_record> ledger;
            auto const add = [&](member_id id) {
                if (auto it = recent.find(raw(id)); it != recent.end())
                    ledger.insert(ledger.end(), it->second.begin(), it->second.end());
            };
            std::set<std::int64_t> added;
            for (auto const& t : secretaries)
                if (added.insert(raw(t.member)).second) add(t.member);
            for (auto const& e : new_members)
                if (added.insert(raw(e.member)).second) add(e.member);
            auto const more =
                secretary_and_new_member_training_agenda(secretaries, new_members, ledger, as_of, rules);
            items.insert(items.end(), more.begin(), more.end());
        }
    }
    return items;
}

}  // namespace storage
}  // namespace dangyuan
