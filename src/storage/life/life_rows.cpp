// The column mapping and the set-wise readers shared by the repositories of organisational life.

#include "life_rows.hpp"

#include <algorithm>
#include <utility>

namespace dangyuan::storage::life_rows {

std::string who(member const& m) {
    return "member " + std::to_string(m.id.value()) + " (" + m.name + ")";
}

// ---- column mapping

namespace {

date::year_month parse_month(std::string const& t, char const* column) {
    try {
        return parse_iso_month(t, column);
    } catch (invalid_input const&) {
        throw storage_error("column " + std::string(column) + " holds '" + t + "', not a YYYY-MM month");
    }
}

}  // namespace

std::optional<date::year_month> column_month(sql::statement& st, int col, char const* name) {
    auto c = st.column(col);
    if (c.is_null()) return std::nullopt;
    return parse_month(c.as_string(), name);
}

void bind_month(sql::statement& st, char const* name, std::optional<date::year_month> m) {
    if (m)
        st.bind(name, format_month(*m));
    else
        st.bind(name);
}

bool in(std::vector<std::int64_t> const& sorted, std::int64_t id) {
    return std::binary_search(sorted.begin(), sorted.end(), id);
}

// ---- the roster

namespace {

// Members admitted on or before :on and not exited by then, plus `more` (over the members table, its
// parameters bound by `bind`), ordered by id.
std::vector<member> members_where(sql::database& db, date::sys_days on, std::string const& more,
                                  binder const& bind) {
    sql::statement st(db, std::string("SELECT ") + storage::member_columns +
                              " FROM members WHERE admission_date <= :on AND (exit_date IS NULL OR "
                              "exit_date > :on)" +
                              more + " ORDER BY id");
    bind_date(st, ":on", on);
    bind(st);
    std::vector<member> out;
    while (st.step())
        out.push_back(storage::read_member(st));
    return out;
}

}  // namespace

std::vector<member> members_on(sql::database& db, date::sys_days on, scope const& sc, bool in_branch) {
    std::string more;
    if (in_branch) more += " AND joined_branch <= :on";
    if (sc.root) more += std::string(" AND branch_id ") + storage::in_subtree;
    return members_where(db, on, more, [&](sql::statement& st) {
        if (sc.root) st.bind(":root", raw(*sc.root));
    });
}

std::vector<member> members_of_branches_on(sql::database& db, date::sys_days on,
                                           std::vector<std::int64_t> const& branches) {
    if (branches.empty()) return {};
    return members_where(db, on, std::string(" AND joined_branch <= :on AND branch_id ") + storage::in_id_set,
                         [&](sql::statement& st) { st.bind(":ids", storage::json_ids(branches)); });
}

officer_set officers_between(sql::database& db, date::sys_days from, date::sys_days to,
                             std::vector<std::int64_t> const* only) {
    sql::statement st(db, std::string("SELECT DISTINCT org_id, member_id FROM org_leadership WHERE from_date "
                                      "<= :to AND (to_date IS NULL OR to_date > :from)") +
                              (only ? std::string(" AND org_id ") + storage::in_id_set : std::string()));
    bind_date(st, ":from", from);
    bind_date(st, ":to", to);
    if (only) st.bind(":ids", storage::json_ids(*only));
    officer_set out;
    while (st.step())
        out.emplace(st.column(0).as_int64(), st.column(1).as_int64());
    return out;
}

std::set<std::int64_t> committee_orgs_on(sql::database& db, date::sys_days on,
                                         std::vector<std::int64_t> const* only) {
    sql::statement st(db, std::string("SELECT DISTINCT org_id FROM org_leadership WHERE role = :role AND "
                                      "from_date <= :on AND (to_date IS NULL OR to_date > :on)") +
                              (only ? std::string(" AND org_id ") + storage::in_id_set : std::string()));
    st.bind(":role", std::string(to_string(officer_role::committee_member)));
    bind_date(st, ":on", on);
    if (only) st.bind(":ids", storage::json_ids(*only));
    std::set<std::int64_t> out;
    while (st.step())
        out.insert(st.column(0).as_int64());
    return out;
}

bool has_committee(std::vector<officer> const& leaders) {
    return std::any_of(leaders.begin(), leaders.end(),
                       [](officer const& o) { return o.role == officer_role::committee_member; });
}

// ---- meetings

namespace {

constexpr char const* meeting_columns =
    "m.id, m.org_id, m.kind, m.date, m.topic, m.chair_id, m.chair_is_secretary, m.recorded_on, m.version";

stored_meeting read_meeting(sql::statement& st) {
    stored_meeting out;
    auto& m = out.record;
    m.id = meeting_id{st.column(0).as_int64()};
    m.org = org_id{st.column(1).as_int64()};
    m.kind = storage::stored_enum<meeting_kind>(st.column(2).as_string(), "life_meetings.kind");
    m.date = *column_date(st, 3, "life_meetings.date");
    m.topic = st.column(4).as_string();
    if (!st.column(5).is_null()) m.chair = member_id{st.column(5).as_int64()};
    m.chair_is_secretary = st.column(6).as_int() != 0;
    out.recorded_on = *column_date(st, 7, "life_meetings.recorded_on");
    out.version = st.column(8).as_int64();
    return out;
}

}  // namespace

std::vector<stored_meeting> load_meetings(sql::database& db, std::string const& where, binder const& bind) {
    sql::statement st(db, std::string("SELECT ") + meeting_columns + " FROM life_meetings m WHERE " + where +
                              " ORDER BY m.date, m.id");
    bind(st);
    std::vector<stored_meeting> out;
    std::unordered_map<std::int64_t, std::size_t> index;
    while (st.step()) {
        out.push_back(read_meeting(st));
        index.emplace(out.back().record.id.value(), out.size() - 1);
    }
    if (out.empty()) return out;
    sql::statement att(db,
                       "SELECT a.meeting_id, a.member_id, a.status, a.absence_reason, a.voting FROM "
                       "life_attendance a JOIN life_meetings m ON m.id = a.meeting_id WHERE " +
                           where + " ORDER BY a.meeting_id, a.seq");
    bind(att);
    while (att.step()) {
        auto const it = index.find(att.column(0).as_int64());
        if (it == index.end()) continue;
        attendance_entry a;
        a.member = member_id{att.column(1).as_int64()};
        a.status =
            storage::stored_enum<attendance_status>(att.column(2).as_string(), "life_attendance.status");
        a.absence_reason = att.column(3).as_string();
        a.voting = att.column(4).as_int() != 0;
        out[it->second].record.attendance.push_back(std::move(a));
    }
    return out;
}

std::vector<meeting> meetings_between(sql::database& db, date::sys_days from, date::sys_days to,
                                      std::vector<std::int64_t> const* only) {
    std::vector<meeting> out;
    auto const where = std::string("m.date BETWEEN :from AND :to") +
                       (only ? std::string(" AND m.org_id ") + storage::in_id_set : std::string());
    for (auto& m : load_meetings(db, where, [&](sql::statement& st) {
             bind_date(st, ":from", from);
             bind_date(st, ":to", to);
             if (only) st.bind(":ids", storage::json_ids(*only));
         }))
        out.push_back(std::move(m.record));
    return out;
}

// ---- training

char const* const training_columns = "member_id, date, course, hours_tenths, concentrated, provider, level";

training_record read_training(sql::statement& st) {
    training_record r;
    r.member = member_id{st.column(0).as_int64()};
    r.date = *column_date(st, 1, "life_training.date");
    r.course = st.column(2).as_string();
    r.hours = class_hours::from_tenths(st.column(3).as_int64());
    r.concentrated = st.column(4).as_int() != 0;
    r.provider = st.column(5).as_string();
    r.level = storage::stored_enum<training_level>(st.column(6).as_string(), "life_training.level");
    return r;
}

namespace {

// Training lines matching `where` (parameters bound by `bind`), by member, each in date then id order.
training_by_member training_where(sql::database& db, char const* where, binder const& bind) {
    sql::statement st(db, std::string("SELECT ") + training_columns + " FROM life_training WHERE " + where +
                              " ORDER BY date, id");
    bind(st);
    training_by_member out;
    while (st.step()) {
        auto r = read_training(st);
        out[r.member.value()].push_back(std::move(r));
    }
    return out;
}

}  // namespace

training_by_member training_in_year(sql::database& db, int year) {
    return training_where(db, "date BETWEEN :from AND :to", [&](sql::statement& st) {
        bind_date(st, ":from", make_date(year, 1, 1));
        bind_date(st, ":to", make_date(year, 12, 31));
    });
}

training_by_member training_since(sql::database& db, date::sys_days from) {
    return training_where(db, "date >= :from", [&](sql::statement& st) { bind_date(st, ":from", from); });
}

// set_leadership ends the previous leadership on the day the next begins, so a secretary re-recorded in
// a new leadership keeps the day the tenure began.
std::vector<secretary_tenure> secretary_tenures(sql::database& db, date::sys_days on,
                                                std::vector<std::int64_t> const* only) {
    sql::statement st(
        db, std::string(
                "SELECT l.org_id, l.member_id, l.from_date, l.to_date, m.name FROM org_leadership l "
                "JOIN members m ON m.id = l.member_id WHERE l.role = 'secretary' AND l.from_date <= :on") +
                (only ? std::string(" AND l.org_id ") + storage::in_id_set : std::string()) +
                " ORDER BY l.org_id, l.member_id, l.from_date, l.id");
    bind_date(st, ":on", on);
    if (only) st.bind(":ids", storage::json_ids(*only));
    std::vector<secretary_tenure> out;
    std::optional<secretary_tenure> run;
    std::optional<date::sys_days> run_end;
    bool run_open = false;
    auto const flush = [&] {
        if (run && (run_open || (run_end && *run_end > on))) out.push_back(*run);
    };
    while (st.step()) {
        org_id const org{st.column(0).as_int64()};
        member_id const holder{st.column(1).as_int64()};
        auto const from = *column_date(st, 2, "org_leadership.from_date");
        auto const to = column_date(st, 3, "org_leadership.to_date");
        bool const continues =
            run && run->org == org && run->member == holder && (run_open || (run_end && *run_end >= from));
        if (!continues) {
            flush();
            run = secretary_tenure{holder, st.column(4).as_string(), org, from};
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

namespace {

// Binds :member to one member, or NULL for every member (`:member IS NULL OR member_id = :member`).
void bind_only(sql::statement& st, std::optional<member_id> only) {
    if (only)
        st.bind(":member", raw(*only));
    else
        st.bind(":member");
}

// (The CAST gives the parameter a type where it is first met: PostgreSQL cannot infer one from IS NULL.)
constexpr char const* of_member = " WHERE CAST(:member AS BIGINT) IS NULL OR member_id = :member";

}  // namespace

namespace {

// The accounts whose rows `where` (a WHERE clause over member_id, its parameters bound by `bind`) selects.
std::unordered_map<std::int64_t, account_rows> accounts_where(sql::database& db, std::string const& where,
                                                              binder const& bind) {
    std::unordered_map<std::int64_t, account_rows> out;
    sql::statement acc(db, std::string("SELECT member_id, ledger_start, last_month, pays_quarterly, "
                                       "version FROM life_dues_accounts") +
                               where);
    bind(acc);
    while (acc.step()) {
        auto& row = out[acc.column(0).as_int64()];
        row.account.member = member_id{acc.column(0).as_int64()};
        row.terms.ledger_start = column_month(acc, 1, "life_dues_accounts.ledger_start");
        row.terms.last_month = column_month(acc, 2, "life_dues_accounts.last_month");
        row.terms.pays_quarterly = acc.column(3).as_int() != 0;
        row.terms.version = acc.column(4).as_int64();
        row.account.ledger_start = row.terms.ledger_start;
        row.account.last_month = row.terms.last_month;
        row.account.pays_quarterly = row.terms.pays_quarterly;
    }
    if (out.empty()) return out;
    // The records of the accounts, table by table in recorded order: `add` appends a row (its columns
    // from 1) to its account.
    auto const each_row = [&](char const* columns, char const* table, auto add) {
        sql::statement st(
            db, std::string("SELECT member_id, ") + columns + " FROM " + table + where + " ORDER BY id");
        bind(st);
        while (st.step())
            if (auto const it = out.find(st.column(0).as_int64()); it != out.end())
                add(it->second.account, st);
    };
    each_row("effective, category, base_fen", "life_dues_bases", [](dues_account& a, sql::statement& st) {
        a.bases.push_back(dues_base_change{
            *column_month(st, 1, "life_dues_bases.effective"),
            storage::stored_enum<dues_category>(st.column(2).as_string(), "life_dues_bases.category"),
            fen(st.column(3).as_int64())});
    });
    each_row("from_month, to_month, monthly_fen, reason, branch_studied_on, approved_by, approved_on",
             "life_dues_reliefs", [](dues_account& a, sql::statement& st) {
                 dues_relief r;
                 r.from = *column_month(st, 1, "life_dues_reliefs.from_month");
                 r.to = column_month(st, 2, "life_dues_reliefs.to_month");
                 r.monthly_amount = fen(st.column(3).as_int64());
                 r.reason = st.column(4).as_string();
                 r.branch_studied_on = column_date(st, 5, "life_dues_reliefs.branch_studied_on");
                 r.approved_by = st.column(6).as_string();
                 r.approved_on = column_date(st, 7, "life_dues_reliefs.approved_on");
                 a.reliefs.push_back(std::move(r));
             });
    each_row("from_month, to_month, reason", "life_dues_excuses", [](dues_account& a, sql::statement& st) {
        a.excuses.push_back(dues_excuse{*column_month(st, 1, "life_dues_excuses.from_month"),
                                        *column_month(st, 2, "life_dues_excuses.to_month"),
                                        st.column(3).as_string()});
    });
    return out;
}

}  // namespace

std::unordered_map<std::int64_t, account_rows> load_accounts(sql::database& db,
                                                             std::optional<member_id> only) {
    return accounts_where(db, of_member, [&](sql::statement& st) { bind_only(st, only); });
}

std::unordered_map<std::int64_t, account_rows> load_accounts_of(sql::database& db,
                                                                std::vector<std::int64_t> const& ids) {
    if (ids.empty()) return {};
    auto const set = storage::json_ids(ids);
    return accounts_where(db, std::string(" WHERE member_id ") + storage::in_id_set,
                          [&](sql::statement& st) { st.bind(":ids", set); });
}

namespace {

std::unordered_map<std::int64_t, std::vector<dues_payment>> read_payments(sql::statement& st) {
    std::unordered_map<std::int64_t, std::vector<dues_payment>> out;
    while (st.step()) {
        dues_payment p;
        p.member = member_id{st.column(0).as_int64()};
        p.month = *column_month(st, 1, "life_dues_payments.month");
        p.amount = fen(st.column(2).as_int64());
        p.voluntary = st.column(3).as_int() != 0;
        p.paid_at =
            storage::stored_enum<dues_paid_at>(st.column(4).as_string(), "life_dues_payments.paid_at");
        p.collecting_org = org_id{st.column(5).as_int64()};
        p.collected_by = st.column(6).as_string();
        p.paid_on = *column_date(st, 7, "life_dues_payments.paid_on");
        out[p.member.value()].push_back(std::move(p));
    }
    return out;
}

constexpr char const* payment_columns =
    "SELECT member_id, month, amount_fen, voluntary, paid_at, collecting_org, collected_by, paid_on FROM "
    "life_dues_payments";

}  // namespace

std::unordered_map<std::int64_t, std::vector<dues_payment>> load_payments(sql::database& db,
                                                                          std::optional<member_id> only) {
    sql::statement st(db, std::string(payment_columns) + of_member + " ORDER BY id");
    bind_only(st, only);
    return read_payments(st);
}

std::unordered_map<std::int64_t, std::vector<dues_payment>> load_payments_of(
    sql::database& db, std::vector<std::int64_t> const& ids) {
    if (ids.empty()) return {};
    sql::statement st(
        db, std::string(payment_columns) + " WHERE member_id " + storage::in_id_set + " ORDER BY id");
    st.bind(":ids", storage::json_ids(ids));
    return read_payments(st);
}

std::optional<account_rows> account_of(store const& s, member const& m) {
    auto all = load_accounts(impl_of(s).db, m.id);
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

}  // namespace dangyuan::storage::life_rows
