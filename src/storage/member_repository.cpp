// Members and their standing (党籍).

#include <algorithm>
#include <array>
#include <charconv>
#include <cstddef>
#include <exception>
#include <future>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <unordered_map>
#include <utility>

#include <sqlite3.h>

#include "access.hpp"
#include "dangyuan/member/masking.hpp"
#include "dangyuan/member/member_fields.hpp"
#include "impl.hpp"
#include "member_rows.hpp"
#include "plausibility.hpp"
#include "rows.hpp"
#include "sql/postgres.hpp"

namespace dangyuan {
namespace storage {

namespace {

// SQL text spelled from the member field list at compile time (null-terminated, static storage).
struct sql_text {
    std::array<char, 1024> text{};
    std::size_t size = 0;
    constexpr void append(std::string_view s) {
        for (char c : s)
            text[size++] = c;
    }
};

constexpr sql_text member_column_list() {
    sql_text t;
    t.append("id");
    for (auto const& f : member_fields) {
        t.append(", ");
        t.append(f.column);
    }
    t.append(", version");
    return t;
}

constexpr sql_text insert_member_text() {
    sql_text t;
    t.append("INSERT INTO members(");
    for (std::size_t i = 0; i < member_fields.size(); ++i) {
        if (i > 0) t.append(", ");
        t.append(member_fields[i].column);
    }
    t.append(") VALUES(");
    for (std::size_t i = 0; i < member_fields.size(); ++i) {
        t.append(i > 0 ? ", :" : ":");
        t.append(member_fields[i].column);
    }
    t.append(")");
    return t;
}

constexpr sql_text update_member_text() {
    sql_text t;
    t.append("UPDATE members SET ");
    for (auto const& f : member_fields) {
        t.append(f.column);
        t.append(" = :");
        t.append(f.column);
        t.append(", ");
    }
    t.append("version = version + 1 WHERE id = :id AND version = :version");
    return t;
}

constexpr sql_text member_column_text = member_column_list();
constexpr sql_text insert_member_sql_text = insert_member_text();
constexpr sql_text update_member_sql_text = update_member_text();

}  // namespace

char const* const member_columns = member_column_text.text.data();

namespace {
// The rows of a (name, definition) query.
std::vector<index_definition> definitions(sql::statement& q) {
    std::vector<index_definition> out;
    while (q.step())
        out.push_back({q.column(0).as_string(), q.column(1).as_string()});
    return out;
}
}  // namespace

std::vector<index_definition> secondary_indexes(sql::database& db, std::string const& table) {
    // SQLite: sql is NULL for the indexes of UNIQUE and PRIMARY KEY constraints, which belong to the
    // table. PostgreSQL: those indexes are the ones a constraint names.
    sql::statement q(db,
                     db.is_sqlite()
                         ? "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = :table "
                           "AND sql IS NOT NULL ORDER BY name"
                         : "SELECT c.relname, pg_get_indexdef(c.oid) FROM pg_index x JOIN pg_class c ON "
                           "c.oid = x.indexrelid WHERE x.indrelid = to_regclass(:table) AND NOT "
                           "x.indisprimary AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = "
                           "x.indexrelid) ORDER BY c.relname");
    q.bind(":table", table);
    return definitions(q);
}

std::vector<index_definition> foreign_keys(sql::database& db, std::string const& table) {
    sql::statement q(db,
                     "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = "
                     "to_regclass(:table) AND contype = 'f' ORDER BY conname");
    q.bind(":table", table);
    return definitions(q);
}

// Sets a pragma for a bulk insert and restores it afterwards, also when the insert fails: a page cache
// left large would fill up with pages of later reads (load_roster_table reads the whole file).
pragma_guard::pragma_guard(sql::database& db, std::string name, std::int64_t value)
    : db_(db), name_(std::move(name)), previous_(db.exec_int64("PRAGMA " + name_)) {
    db_.exec("PRAGMA " + name_ + " = " + std::to_string(value));
}

pragma_guard::~pragma_guard() {
    try {
        db_.exec("PRAGMA " + name_ + " = " + std::to_string(previous_));
    } catch (sql::error const&) {
        // Only a closed or corrupt connection refuses this pragma; the next command reports it.
    }
}

rollback_journal_guard::rollback_journal_guard(sql::database& db, std::chrono::milliseconds busy_timeout)
    : db_(db), busy_timeout_(busy_timeout) {
    if (!db.is_sqlite() || db.in_transaction()) return;
    try {
        sql::statement mode(db, "PRAGMA journal_mode");
        if (!mode.step() || mode.column(0).as_string() != "wal") return;
        mode.reset();
        // SQLite answers with the mode it is in afterwards: still "wal" when another connection has the
        // file open. The switch checkpoints the log first.
        sql::statement to(db, "PRAGMA journal_mode = DELETE");
        active_ = to.step() && to.column(0).as_string() == "delete";
    } catch (sql::error const&) {
        // The lock was not had at once: another connection is at work, and the batch goes through WAL.
        return;
    }
    // A rollback journal is durable across a power failure with a sync at each of its steps.
    if (active_) db.exec("PRAGMA synchronous = FULL");
}

rollback_journal_guard::~rollback_journal_guard() {
    if (!active_) return;
    try {
        use_wal(db_, busy_timeout_);
        db_.exec("PRAGMA synchronous = NORMAL");
    } catch (sql::error const&) {
        // Another process opened the file meanwhile and holds it: the store stays correct with the
        // rollback journal, and the next opening switches it to WAL again (store.cpp).
    }
}

namespace {

constexpr char const* insert_member_sql = insert_member_sql_text.text.data();
constexpr char const* update_member_sql = update_member_sql_text.text.data();

// The index of each field's parameter `:<column>` in a statement, in the order of member_fields. Looked
// up once per prepared statement, so that binding a row (a million in a bulk insert) costs no lookup by
// name.
using member_parameters = std::array<int, member_fields.size()>;

member_parameters parameters_of(sql::statement& st) {
    member_parameters out{};
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = st.index_of((":" + std::string(member_fields[i].column)).c_str());
    return out;
}

// What bind_member binds that the member does not hold as text: its dates and codes, rendered into
// a buffer that must outlive the statement's execution, so that nothing is bound as a copy (copying
// every value was the largest part of the library's own cost in bulk inserts).
struct member_binding {
    std::array<iso_date_buffer, 5> dates;
    std::array<std::array<char, 4>, 4> codes;
};

void bind_code(sql::statement& st, int i, std::string_view c, std::array<char, 4>& buf) {
    if (c.size() >= buf.size()) {  // codes have 1 to 3 characters; anything longer is bound as a copy
        st.bind(i, std::string(c));
        return;
    }
    std::copy_n(c.data(), c.size(), buf.data());
    buf[c.size()] = '\0';
    st.bind_no_copy(i, buf.data());
}

void bind_date(sql::statement& st, int i, std::optional<date::sys_days> d, iso_date_buffer& buf) {
    if (!d) {
        st.bind(i);
        return;
    }
    iso_into(*d, buf);
    st.bind_no_copy(i, buf.data());
}

// One value of a member as a statement parameter; the overloads follow the types of the fields.
struct member_binder {
    sql::statement& st;
    member_binding& b;
    std::size_t codes = 0;
    std::size_t dates = 0;

    void operator()(int i, std::string const& text) { st.bind_no_copy(i, text); }
    template <code_table_enum E>
    void operator()(int i, E value) {
        bind_code(st, i, code(value), b.codes[codes++]);
    }
    template <code_table_enum E>
    void operator()(int i, std::optional<E> value) {
        if (value)
            bind_code(st, i, code(*value), b.codes[codes++]);
        else
            st.bind(i);
    }
    void operator()(int i, std::optional<date::sys_days> d) { bind_date(st, i, d, b.dates[dates++]); }
    void operator()(int i, std::optional<citizen_id> const& id) {
        if (id)
            st.bind_no_copy(i, id->str());
        else
            st.bind(i);
    }
    void operator()(int i, org_id id) { st.bind(i, static_cast<std::int64_t>(id.value())); }
    void operator()(int i, bool flag) { st.bind(i, flag ? 1 : 0); }
};

// One value of a member as a field of a COPY row (text format; copy_in escapes it), as bind_member would
// bind it: codes as their code, dates as ISO text, the branch as its id, the flag as 0 or 1.
struct member_copier {
    sql::pg::copy_in& copy;
    iso_date_buffer date{};

    void operator()(std::string const& text) { copy.field(text); }
    template <code_table_enum E>
    void operator()(E value) {
        copy.field(code(value));
    }
    template <code_table_enum E>
    void operator()(std::optional<E> value) {
        if (value)
            copy.field(code(*value));
        else
            copy.null_field();
    }
    void operator()(std::optional<date::sys_days> d) {
        if (!d) return copy.null_field();
        iso_into(*d, date);
        copy.field(std::string_view(date.data()));
    }
    void operator()(std::optional<citizen_id> const& id) {
        if (id)
            copy.field(id->str());
        else
            copy.null_field();
    }
    void operator()(org_id id) { integer(static_cast<std::int64_t>(id.value())); }
    void operator()(bool flag) { copy.field(flag ? "1" : "0"); }
    void integer(std::int64_t v) {
        char buf[24];
        auto const r = std::to_chars(buf, buf + sizeof buf, v);
        copy.field(std::string_view(buf, static_cast<std::size_t>(r.ptr - buf)));
    }
};

// "id, <the field columns>": the columns of a COPY into members.
std::string const copy_member_columns = [] {
    std::string out = "id";
    for (auto const& f : member_fields)
        out += ", " + std::string(f.column);
    return out;
}();

// Binds the field parameters found by parameters_of. `m` and `b` must outlive the execution.
void bind_member(sql::statement& st, member_parameters const& at, member const& m, member_binding& b) {
    member_binder bind{st, b};
    std::size_t i = 0;
    for_each_member_field([&](auto const& f) { bind(at[i++], m.*std::decay_t<decltype(f)>::pointer); });
}

// One column of a members row into the field of its type; `name` is "members.<column>" for messages.
struct member_reader {
    sql::statement& st;

    void operator()(int col, char const*, std::string& text) { text = st.column(col).as_string(); }
    // The code as the statement holds it, without a copy: a roster scan reads four codes per member.
    std::string_view text(int col) const {
        auto const c = st.column(col);
        auto const* t = c.text();
        return {t, static_cast<std::size_t>(c.size_bytes())};
    }
    template <code_table_enum E>
    void operator()(int col, char const*, E& value) {
        value = parse_code<E>(text(col));
    }
    template <code_table_enum E>
    void operator()(int col, char const*, std::optional<E>& value) {
        if (!st.column(col).is_null()) value = parse_code<E>(text(col));
    }
    void operator()(int col, char const* name, date::sys_days& d) { d = *column_date(st, col, name); }
    void operator()(int col, char const* name, std::optional<date::sys_days>& d) {
        d = column_date(st, col, name);
    }
    void operator()(int col, char const*, std::optional<citizen_id>& id) {
        if (!st.column(col).is_null()) id = citizen_id::parse(st.column(col).as_string());
    }
    void operator()(int col, char const*, org_id& id) { id = org_id{st.column(col).as_int64()}; }
    void operator()(int col, char const*, bool& flag) { flag = st.column(col).as_int() != 0; }
};

// "members.<column>" of every field, for the messages of column_date.
std::array<std::string, member_fields.size()> const qualified_member_columns = [] {
    std::array<std::string, member_fields.size()> out;
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = "members." + std::string(member_fields[i].column);
    return out;
}();

std::string describe(member const& m) {
    std::string d = "name=" + m.name + "; branch=" + std::to_string(m.branch.value()) +
                    "; admission_date=" + format_iso(m.admission_date);
    if (m.full_member_date) d += "; full_member_date=" + format_iso(*m.full_member_date);
    if (m.id_number) d += "; id_number=" + m.id_number->masked();
    if (m.backfilled) d += "; backfilled";
    return d;
}

// A personal field in the audit trail, masked like an export (member/masking.hpp); "-" when empty.
std::string masked(std::string_view field, std::string const& text) {
    if (text.empty()) return "-";
    return mask_field(masked_record::member, field, text);
}

// Field-by-field difference for the audit trail; personal fields appear masked as in an export. A
// change the masked form hides (a birth date within the same year) is named without its values.
std::string diff(member const& a, member const& b) {
    std::string out;
    auto add = [&](char const* field, std::string const& x, std::string const& y) {
        if (x == y) return;
        if (!out.empty()) out += "; ";
        out += std::string(field) + ": " + x + " -> " + y;
    };
    auto add_masked = [&](char const* field, std::string const& x, std::string const& y) {
        if (x == y) return;
        auto const mx = masked(field, x);
        auto const my = masked(field, y);
        if (mx != my) return add(field, mx, my);
        if (!out.empty()) out += "; ";
        out += std::string(field) + ": changed";
    };
    auto date_text = [](std::optional<date::sys_days> d) { return d ? format_iso(*d) : std::string("-"); };
    add("name", a.name, b.name);
    add("sex", std::string(code(a.sex)), std::string(code(b.sex)));
    add("ethnicity", std::string(code(a.ethnicity)), std::string(code(b.ethnicity)));
    add_masked("birth_date", format_iso(a.birth_date), format_iso(b.birth_date));
    add_masked("id_number", a.id_number ? a.id_number->str() : "", b.id_number ? b.id_number->str() : "");
    add("education", a.education ? std::string(code(*a.education)) : "-",
        b.education ? std::string(code(*b.education)) : "-");
    add("category", a.category ? std::string(code(*a.category)) : "-",
        b.category ? std::string(code(*b.category)) : "-");
    add("work_unit", a.work_unit, b.work_unit);
    add("post", a.post, b.post);
    add("native_place", a.native_place, b.native_place);
    add_masked("phone", a.phone, b.phone);
    add_masked("address", a.address, b.address);
    add("branch", std::to_string(a.branch.value()), std::to_string(b.branch.value()));
    add("joined_branch", format_iso(a.joined_branch), format_iso(b.joined_branch));
    add("application_date", date_text(a.application_date), date_text(b.application_date));
    add("admission_date", format_iso(a.admission_date), format_iso(b.admission_date));
    add("full_member_date", date_text(a.full_member_date), date_text(b.full_member_date));
    add("backfilled", a.backfilled ? "yes" : "no", b.backfilled ? "yes" : "no");
    return out;
}

}  // namespace

member_id insert_member(sql::database& db, member const& m) {
    sql::statement ins(db, insert_member_sql);
    member_binding b;
    bind_member(ins, parameters_of(ins), m, b);
    ins.exec();
    return member_id{db.last_insert_id()};
}

member read_member(sql::statement& st) {
    member m;
    m.id = member_id{st.column(0).as_int64()};
    member_reader read{st};
    int col = 1;
    for_each_member_field([&](auto const& f) {
        read(col, qualified_member_columns[static_cast<std::size_t>(col - 1)].c_str(),
             m.*std::decay_t<decltype(f)>::pointer);
        ++col;
    });
    m.version = st.column(col).as_int64();
    return m;
}

}  // namespace storage

std::vector<standing_event> store::impl::load_standing(member_id id) {
    return storage::standing_history_of(db, id);
}

org_counts store::impl::count_members(org_id org, date::sys_days on) {
    org_counts c;
    sql::statement st(
        db,
        std::string("SELECT ") + storage::member_columns +
            ", EXISTS(SELECT 1 FROM standing_events e WHERE e.member_id = members.id "
            "AND e.kind = 'suspended' AND e.date <= :on) FROM members WHERE branch_id = :branch_id "
            "AND admission_date <= :on AND joined_branch <= :on AND (exit_date IS NULL OR exit_date > :on)");
    storage::bind_date(st, ":on", on);
    storage::bind_id(st, ":branch_id", org);
    auto const count = [&](member const& m) {
        ++c.all_members;
        if (m.status_on(on) == member_status::full) ++c.full_members;
    };
    // Members with a suspension dated on or before `on` are judged on their whole history, loaded for
    // all of them at once; they are few.
    int const suspended_flag = static_cast<int>(member_fields.size()) + 2;
    std::vector<member> suspended;
    while (st.step()) {
        auto m = storage::read_member(st);
        if (st.column(suspended_flag).as_int())
            suspended.push_back(std::move(m));
        else
            count(m);
    }
    std::vector<member_id> ids;
    for (auto const& m : suspended)
        ids.push_back(m.id);
    auto const standing = storage::standing_histories_of(db, ids);
    for (auto const& m : suspended)
        if (standing.normal(m, on)) count(m);
    return c;
}

namespace {
// Checks a member draft against its branch: a branch (党支部) that exists on joined_branch.
void check_branch(org_unit const& b, member const& m) {
    if (!is_branch(b.kind))
        throw invalid_input("branch", "'" + b.name + "' is a " + std::string(chinese_name(b.kind)) +
                                          "; members belong to a branch (党支部)");
    if (!b.active_on(m.joined_branch))
        throw invalid_input("joined_branch",
                            "'" + b.name + "' does not exist on " + storage::format_iso(m.joined_branch));
}
void check_unique_id_number(sql::database& db, member const& m) {
    if (!m.id_number) return;
    sql::statement st(db, "SELECT id, name FROM members WHERE id_number = :id_number AND id <> :id");
    st.bind(":id_number", m.id_number->str());
    storage::bind_id(st, ":id", m.id);
    if (st.step())
        throw conflict("ID number " + m.id_number->masked() + " already belongs to member " +
                       std::to_string(st.column(0).as_int64()) + " (" + st.column(1).as_string() + ")");
}
// A batch of members on PostgreSQL, through COPY: the ID numbers are checked first, in one query for
// the whole batch and against each other (PostgreSQL ends a transaction at its first error, so a
// duplicate must be named before the rows are sent); then the batch's ids are reserved from the table's
// identity sequence in one step and the rows are copied with them. Runs inside the command's write
// transaction, whose lock (sql::begin_write) keeps other writers from the sequence and the ID numbers
// meanwhile. Refuses a duplicate as add_members does on SQLite: naming the first row that repeats an ID
// number and the member that already holds it (a stored member, or an earlier row of the batch with the
// id it would have had).
//
// With `rebuild` (a batch at least as large as the roster, as on SQLite) the rows are copied without the
// secondary indexes and the foreign key to the branch, which are then created again: an index built from
// the sorted keys and the key checked by one join cost a fraction of maintaining them row by row (the
// key's check is a query per row). They are dropped and created in the command's transaction, so they
// are back as they were if it fails; until it commits, readers of the members table wait (ALTER TABLE
// and DROP INDEX lock it).
std::vector<member_id> copy_members(sql::database& db, std::span<member const> drafts, bool rebuild) {
    // Who already holds the batch's ID numbers: one query, the numbers bound as one JSON array (none
    // to ask into an empty table, the first import of a roster).
    std::unordered_map<std::string, std::pair<std::int64_t, std::string>> holders;
    if (db.exec_int64("SELECT CAST(EXISTS (SELECT 1 FROM members) AS INTEGER)") != 0) {
        std::string numbers = "[";
        for (auto const& m : drafts)
            if (m.id_number) {
                if (numbers.size() > 1) numbers += ',';
                numbers += '"';
                numbers += m.id_number->str();  // digits and X only: nothing to escape
                numbers += '"';
            }
        numbers += ']';
        if (numbers.size() > 2) {
            sql::statement q(db,
                             "SELECT id_number, id, name FROM members WHERE id_number IN "
                             "(SELECT CAST(value AS TEXT) FROM json_each(:numbers))");
            q.bind(":numbers", numbers);
            while (q.step())
                holders.emplace(q.column(0).as_string(),
                                std::pair{q.column(1).as_int64(), q.column(2).as_string()});
        }
    }
    // The batch's ids, consecutive: the sequence moves past them at once. (A refused batch leaves a gap,
    // as a failed INSERT does on PostgreSQL.)
    auto const n = static_cast<std::int64_t>(drafts.size());
    sql::statement reserve(db,
                           "SELECT setval(pg_get_serial_sequence('members', 'id'), "
                           "nextval(pg_get_serial_sequence('members', 'id')) + :n - 1)");
    reserve.bind(":n", n);
    if (!reserve.step()) throw storage_error("the members' id sequence gave no value");
    auto const first = reserve.column(0).as_int64() - n + 1;

    std::unordered_map<std::string_view, std::size_t> seen;
    seen.reserve(drafts.size());
    for (std::size_t i = 0; i < drafts.size(); ++i) {
        auto const& number = drafts[i].id_number;
        if (!number) continue;
        auto const refuse = [&](std::int64_t holder, std::string const& name) {
            throw conflict("ID number " + number->masked() + " already belongs to member " +
                           std::to_string(holder) + " (" + name + ")");
        };
        if (!holders.empty())
            if (auto const h = holders.find(number->str()); h != holders.end())
                refuse(h->second.first, h->second.second);
        auto const [at, fresh] = seen.emplace(number->str(), i);
        if (!fresh) refuse(first + static_cast<std::int64_t>(at->second), drafts[at->second].name);
    }

    // The secondary indexes (those backing no constraint) and the foreign keys, with their definitions.
    std::vector<storage::index_definition> indexes, keys;
    if (rebuild) {
        indexes = storage::secondary_indexes(db, "members");
        keys = storage::foreign_keys(db, "members");
        for (auto const& k : keys)
            db.exec("ALTER TABLE members DROP CONSTRAINT \"" + k.name + "\"");
        for (auto const& i : indexes)
            db.exec("DROP INDEX \"" + i.name + "\"");
    }

    sql::pg::copy_in copy(db.postgres(), "members", storage::copy_member_columns);
    storage::member_copier field{copy};
    std::vector<member_id> ids;
    ids.reserve(drafts.size());
    for (std::size_t i = 0; i < drafts.size(); ++i) {
        auto const id = first + static_cast<std::int64_t>(i);
        field.integer(id);
        for_each_member_field([&](auto const& f) { field(drafts[i].*std::decay_t<decltype(f)>::pointer); });
        copy.end_row();
        ids.emplace_back(id);
    }
    copy.finish();
    for (auto const& i : indexes)
        db.exec(i.sql);
    for (auto const& k : keys)
        db.exec("ALTER TABLE members ADD CONSTRAINT \"" + k.name + "\" " + k.sql);
    return ids;
}
// A batch inserted without the ID number's index (add_members, rebuild) holds an ID number twice: names
// the member that held it first, as check_unique_id_number does for a single insert. One grouping scan,
// run only when building the index has failed.
void name_duplicate_id_number(sql::database& db) {
    sql::statement st(db,
                      "SELECT id, name, id_number FROM members WHERE id_number = (SELECT id_number FROM "
                      "members WHERE id_number IS NOT NULL GROUP BY id_number HAVING count(*) > 1 "
                      "LIMIT 1) ORDER BY id LIMIT 1");
    if (!st.step()) return;
    auto const number = citizen_id::parse(st.column(2).as_string());
    throw conflict("ID number " + number.masked() + " already belongs to member " +
                   std::to_string(st.column(0).as_int64()) + " (" + st.column(1).as_string() + ")");
}
}  // namespace

void store::check_member_plausible(member const& m) const {
    storage::check_member_record(*this, m);
}

member_id store::add_member(member draft, std::string_view why) {
    return add_members(std::span<member const>(&draft, 1), why).front();
}

std::vector<member_id> store::add_members(std::span<member const> drafts, std::string_view why) {
    storage::call const c(*this);
    return storage::in_read("adding members", [&]() -> std::vector<member_id> {
        // Branches are looked up once each, not once per member, and those of a batch in one query (a
        // million members have tens of thousands of branches: a round trip each would cost seconds on
        // PostgreSQL). A branch it does not find is looked up alone, for load_org's not_found.
        std::unordered_map<std::int64_t, org_unit> branches;
        std::unordered_map<std::int64_t, org_unit> batch_branches;
        if (drafts.size() > 1) {
            std::vector<std::int64_t> ids;
            for (auto const& m : drafts)
                ids.push_back(m.branch.value());
            std::sort(ids.begin(), ids.end());
            ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
            batch_branches = impl_->load_orgs(ids);
        }
        // An invalid row names its number (a batch only).
        auto const in_row = [&](std::size_t i, auto&& check) {
            try {
                check();
            } catch (invalid_input const& e) {
                if (drafts.size() == 1) throw;
                throw invalid_input(e.field(), "row " + std::to_string(i + 1) + ": " + e.reason());
            }
        };
        // The checks that read only the member, the rules and the date of recording run first, on two
        // threads for a large batch (a tenth of its time at 1 000 000 members); those of the branch,
        // which read the store and may record a refusal, then run in row order up to the first row that
        // failed them. The error is the one the rows checked one by one would give: the first failing
        // row's, its own checks before its branch's.
        auto const& rule_set = rules();
        auto const today = this->today();
        auto const first_failure = [&](std::size_t from,
                                       std::size_t to) -> std::pair<std::size_t, std::exception_ptr> {
            for (std::size_t i = from; i < to; ++i) {
                try {
                    validate_member(drafts[i], rule_set);
                    storage::check_member_record(drafts[i], today);
                } catch (...) {
                    return {i, std::current_exception()};
                }
            }
            return {to, nullptr};
        };
        std::pair<std::size_t, std::exception_ptr> failed;
        auto const half = drafts.size() / 2;
        std::future<std::pair<std::size_t, std::exception_ptr>> later;
        if (drafts.size() >= bulk_cache_min_rows) {
            try {
                later = std::async(std::launch::async, first_failure, half, drafts.size());
            } catch (std::system_error const&) {
                // No thread to be had (a process at its limit): the checks run on this one.
            }
        }
        if (later.valid()) {
            auto const earlier = first_failure(0, half);
            auto const rest = later.get();
            failed = earlier.second ? earlier : rest;
        } else {
            failed = first_failure(0, drafts.size());
        }
        for (std::size_t i = 0; i < failed.first; ++i) {
            in_row(i, [&] {
                auto it = branches.find(drafts[i].branch.value());
                if (it == branches.end()) {
                    storage::require(*this, permission::write_roster, drafts[i].branch);
                    auto const found = batch_branches.find(drafts[i].branch.value());
                    it = branches
                             .emplace(drafts[i].branch.value(), found != batch_branches.end()
                                                                    ? found->second
                                                                    : impl_->load_org(drafts[i].branch))
                             .first;
                }
                check_branch(it->second, drafts[i]);
            });
        }
        if (failed.second) in_row(failed.first, [&] { std::rethrow_exception(failed.second); });
        std::optional<storage::pragma_guard> cache;
        std::optional<storage::rollback_journal_guard> journal;
        bool rebuild = false;
        // (SQLite's page cache; PostgreSQL manages its buffers itself. Both rebuild the indexes.)
        if (drafts.size() >= bulk_cache_min_rows) {
            auto const held = member_count();
            auto const batch = static_cast<std::int64_t>(drafts.size());
            if (impl_->db.is_sqlite()) cache.emplace(impl_->db, "cache_size", -bulk_cache_kib(held + batch));
            rebuild = batch >= held;
            // Such a batch writes a file as large as the roster again: through the write-ahead log it
            // would be written twice (the log, then its checkpoint at the commit, 17 s of 97 at
            // 10 000 000 members), once with the rollback journal, which new pages do not enter. Only
            // when no other connection has the file open (docs/performance.md, growth).
            if (rebuild && impl_->db.is_sqlite()) journal.emplace(impl_->db, impl_->options.busy_timeout);
        }
        return storage::in_transaction(impl_->db, [&] {
            // A batch at least as large as the roster it joins is inserted without the secondary
            // indexes, which are then built again from the sorted keys: much faster than inserting a
            // million random names one by one (docs/performance.md, growth). Dropped and created in
            // the batch's transaction, they are back as they were if it fails.
            // (PostgreSQL: in copy_members, after the batch's checks.)
            auto const indexes = rebuild && impl_->db.is_sqlite()
                                     ? storage::secondary_indexes(impl_->db, "members")
                                     : std::vector<storage::index_definition>{};
            for (auto const& ix : indexes)
                impl_->db.exec("DROP INDEX \"" + ix.name + "\"");
            std::vector<member_id> ids;
            // PostgreSQL: a batch goes through COPY (copy_members), a single member through INSERT;
            // so does a batch of a role under row-level security, for which the server refuses COPY.
            bool const copy =
                !impl_->db.is_sqlite() && drafts.size() > 1 && !impl_->db.postgres().row_security;
            if (copy) ids = copy_members(impl_->db, drafts, rebuild);
            sql::statement ins(impl_->db, storage::insert_member_sql);
            auto const parameters = storage::parameters_of(ins);
            storage::member_binding binding;
            ids.reserve(drafts.size());
            bool const ask_first = !impl_->db.is_sqlite();
            for (auto const& m : copy ? std::span<member const>{} : drafts) {
                // PostgreSQL ends a transaction at its first error, so the holder of a duplicate ID
                // number is looked up before the insert there rather than after it fails.
                if (ask_first) check_unique_id_number(impl_->db, m);
                storage::bind_member(ins, parameters, m, binding);
                try {
                    ins.exec();
                } catch (sql::error const& e) {
                    // The UNIQUE index catches a duplicate ID number; name the member that holds it.
                    if (e.unique_violation()) {
                        // A role under row-level security did not see the holder in another branch when
                        // it asked first (and the failed transaction answers no more questions).
                        if (m.id_number && !impl_->db.is_sqlite() && impl_->db.postgres().row_security)
                            throw conflict("ID number " + m.id_number->masked() +
                                           " already belongs to a member outside the principal's subtree");
                        check_unique_id_number(impl_->db, m);
                    }
                    throw;
                }
                ins.reset();
                ids.emplace_back(impl_->db.last_insert_id());
            }
            // The indexes are built by sorting their keys: in runs that fit the processor's caches,
            // sorted by a second thread while the table is read (bulk_sort_cache_kib).
            std::optional<storage::pragma_guard> sort_cache, sort_threads;
            if (!indexes.empty()) {
                sort_cache.emplace(impl_->db, "cache_size", -bulk_sort_cache_kib);
                sort_threads.emplace(impl_->db, "threads", bulk_sort_threads);
            }
            for (auto const& ix : indexes) {
                try {
                    impl_->db.exec(ix.sql);
                } catch (sql::error const& e) {
                    // The ID number's index, built after the rows, finds a duplicate only now.
                    if (e.unique_violation()) name_duplicate_id_number(impl_->db);
                    throw;
                }
            }
            if (drafts.size() == 1)
                storage::append_audit(impl_->db, impl_->audit_actor, "member", ids.front().value(), "insert",
                                      why, storage::describe(drafts.front()));
            else if (!ids.empty())
                storage::append_audit(
                    impl_->db, impl_->audit_actor, "member", ids.front().value(), "bulk_insert", why,
                    "count=" + std::to_string(ids.size()) + "; ids=" + std::to_string(ids.front().value()) +
                        ".." + std::to_string(ids.back().value()));
            return ids;
        });
    });
}

member store::get_member(member_id id) const {
    storage::call const c(*this);
    storage::require_member(*this, permission::read_roster, id);
    return storage::in_read("reading a member", [&]() -> member {
        sql::statement st(impl_->db,
                          std::string("SELECT ") + storage::member_columns + " FROM members WHERE id = :id");
        storage::bind_id(st, ":id", id);
        if (!st.step()) throw not_found("no member with id " + std::to_string(id.value()));
        return storage::shown(*this, storage::read_member(st));
    });
}

std::optional<member> store::find_member(citizen_id const& id_number) const {
    // A lookup by ID number tells whoever makes it that this person is a member: it needs the
    // permission to read ID numbers, and finds only members of the principal's subtree.
    storage::call const c(*this);
    storage::require_permission(*this, permission::read_roster);
    storage::require_permission(*this, permission::unmasked_personal_data);
    return storage::in_read("finding a member", [&]() -> std::optional<member> {
        sql::statement st(impl_->db, std::string("SELECT ") + storage::member_columns +
                                         " FROM members WHERE id_number = :id_number");
        st.bind(":id_number", id_number.str());
        if (!st.step()) return std::nullopt;
        auto m = storage::read_member(st);
        if (!storage::covers(*this, m.branch)) return std::nullopt;
        return m;
    });
}

void store::update_member(member const& m, std::string_view why) {
    storage::call const c(*this);
    // A principal that reads masked records cannot write one back: the masked fields would overwrite
    // the stored ones.
    storage::require_member(*this, permission::write_roster, m.id);
    storage::require_member(*this, permission::unmasked_personal_data, m.id);
    if (m.branch.valid()) storage::require(*this, permission::write_roster, m.branch);
    storage::in_read("updating a member", [&] {
        auto const old = get_member(m.id);
        if (old.version != m.version)
            throw conflict("member " + std::to_string(m.id.value()) +
                           " was changed by someone else (stored version " + std::to_string(old.version) +
                           ", yours " + std::to_string(m.version) + ")");
        validate_member(m, rules());
        storage::check_member_record(*this, m);
        if (m.branch != old.branch || m.joined_branch != old.joined_branch)
            check_branch(impl_->load_org(m.branch), m);
        check_unique_id_number(impl_->db, m);
        storage::in_transaction(impl_->db, [&] {
            sql::statement st(impl_->db, storage::update_member_sql);
            storage::member_binding binding;
            storage::bind_member(st, storage::parameters_of(st), m, binding);
            storage::bind_id(st, ":id", m.id);
            st.bind(":version", static_cast<std::int64_t>(m.version));
            if (st.exec() != 1)
                throw conflict("member " + std::to_string(m.id.value()) + " changed meanwhile");
            storage::append_audit(impl_->db, impl_->audit_actor, "member", m.id.value(), "update", why,
                                  storage::diff(old, m));
        });
    });
}

namespace storage {
namespace {

// The roster query of `sc` on `as_of` (see for_each_member) with `what` as its select list, bound.
template <class F>
auto with_roster_query(store const& s, sql::database& db, scope sc, std::optional<date::sys_days> as_of,
                       std::string_view what, bool ordered, F&& f) {
    std::string sql = "SELECT " + std::string(what) + " FROM members";
    std::vector<std::string> where;
    if (sc.root) where.emplace_back(std::string("branch_id ") + in_subtree);
    if (as_of) where.emplace_back("admission_date <= :d AND (exit_date IS NULL OR exit_date > :d)");
    for (std::size_t i = 0; i < where.size(); ++i)
        sql += (i ? " AND " : " WHERE ") + where[i];
    if (ordered) sql += " ORDER BY id";
    if (sc.root) (void)s.org(*sc.root);  // not_found for an unknown scope
    sql::statement st(db, sql);
    if (sc.root) st.bind(":root", static_cast<std::int64_t>(sc.root->value()));
    if (as_of) st.bind(":d", format_iso(*as_of));
    return f(st);
}

}  // namespace

member_field_set member_field_subset(std::initializer_list<std::string_view> names) {
    member_field_set out;
    for (auto const name : names) {
        auto const it = std::find_if(member_fields.begin(), member_fields.end(),
                                     [&](member_field_info const& f) { return f.name == name; });
        if (it == member_fields.end()) throw std::logic_error("no member field " + std::string(name));
        out.set(static_cast<std::size_t>(it - member_fields.begin()));
    }
    return out;
}

void for_each_member(store const& s, scope sc, std::optional<date::sys_days> as_of,
                     std::function<void(member&&)> const& f, std::size_t* count,
                     std::optional<member_field_set> only) {
    auto& db = impl_of(s).db;
    in_read("reading the roster", [&] {
        if (count)
            *count = with_roster_query(s, db, sc, as_of, "count(*)", false, [](sql::statement& st) {
                st.step();
                return static_cast<std::size_t>(st.column(0).as_int64());
            });
        if (!only) {
            with_roster_query(s, db, sc, as_of, member_columns, true, [&](sql::statement& st) {
                while (st.step())
                    f(read_member(st));
                return 0;
            });
            return;
        }
        // The id, then the chosen fields in the order of member_fields.
        std::string columns = "id";
        for (std::size_t i = 0; i < member_fields.size(); ++i)
            if (only->test(i)) columns += ", " + std::string(member_fields[i].column);
        with_roster_query(s, db, sc, as_of, columns, true, [&](sql::statement& st) {
            while (st.step()) {
                member m;
                m.id = member_id{st.column(0).as_int64()};
                member_reader read{st};
                std::size_t i = 0;
                int col = 1;
                for_each_member_field([&](auto const& field) {
                    if (only->test(i))
                        read(col++, qualified_member_columns[i].c_str(),
                             m.*std::decay_t<decltype(field)>::pointer);
                    ++i;
                });
                f(std::move(m));
            }
            return 0;
        });
    });
}

}  // namespace storage

std::vector<member> store::roster(scope requested, std::optional<date::sys_days> as_of) const {
    storage::call const c(*this);
    auto const s = storage::visible_scope(*this, requested);
    std::vector<member> out;
    storage::for_each_member(*this, s, as_of, [&](member&& m) { out.push_back(std::move(m)); });
    return storage::shown(*this, std::move(out));
}

std::vector<member> store::find_members_by_name(std::string const& name) const {
    storage::call const c(*this);
    auto const visible = storage::visible_orgs(*this);
    return storage::in_read("finding members by name", [&]() -> std::vector<member> {
        sql::statement st(impl_->db, std::string("SELECT ") + storage::member_columns +
                                         " FROM members WHERE name = :name ORDER BY id");
        st.bind(":name", name);
        std::vector<member> out;
        while (st.step()) {
            auto m = storage::read_member(st);
            if (!visible || std::binary_search(visible->begin(), visible->end(), m.branch.value()))
                out.push_back(std::move(m));
        }
        return storage::shown(*this, std::move(out));
    });
}

std::vector<member> store::find_members(std::span<citizen_id const> id_numbers) const {
    storage::call const c(*this);
    storage::require_permission(*this, permission::unmasked_personal_data);
    auto const visible = storage::visible_orgs(*this);
    return storage::in_read("finding members", [&]() -> std::vector<member> {
        sql::statement st(impl_->db, std::string("SELECT ") + storage::member_columns +
                                         " FROM members WHERE id_number IN (SELECT CAST(value AS TEXT) "
                                         "FROM json_each(:id_numbers))");
        st.bind(":id_numbers", storage::json_ids(id_numbers));
        std::unordered_map<std::string, member> held;
        while (st.step()) {
            auto m = storage::read_member(st);
            if (visible && !std::binary_search(visible->begin(), visible->end(), m.branch.value())) continue;
            auto key = m.id_number->str();
            held.emplace(std::move(key), std::move(m));
        }
        // In the order asked, once per number asked (a number given twice finds its member twice).
        std::vector<member> out;
        for (auto const& n : id_numbers)
            if (auto const it = held.find(n.str()); it != held.end()) out.push_back(it->second);
        return out;
    });
}

std::vector<std::pair<member_id, std::vector<standing_event>>> store::standing_histories(
    scope requested) const {
    storage::call const c(*this);
    auto const s = storage::visible_scope(*this, requested);
    return storage::in_read(
        "reading standing events", [&]() -> std::vector<std::pair<member_id, std::vector<standing_event>>> {
            // A scope reads the events of its members only (members_branch, then standing_member), so
            // that a branch's histories cost what the branch holds.
            if (s.root) (void)org(*s.root);  // not_found for an unknown scope
            sql::statement st(impl_->db,
                              std::string("SELECT e.member_id, m.branch_id, e.kind, e.date, e.reason, "
                                          "e.decided_by FROM standing_events e JOIN members m ON m.id = "
                                          "e.member_id ") +
                                  (s.root ? std::string("WHERE m.branch_id ") + storage::in_subtree : "") +
                                  " ORDER BY e.member_id, e.id");
            if (s.root) storage::bind_id(st, ":root", *s.root);
            std::vector<std::pair<member_id, std::vector<standing_event>>> out;
            while (st.step()) {
                member_id const id{st.column(0).as_int64()};
                if (out.empty() || out.back().first != id)
                    out.emplace_back(id, std::vector<standing_event>{});
                out.back().second.push_back(storage::read_standing_event(st, 2));
            }
            return out;
        });
}

std::int64_t store::member_count() const {
    storage::call const c(*this);
    auto const visible = storage::visible_orgs(*this);
    return storage::in_read("counting members", [&]() -> std::int64_t {
        if (visible) {
            sql::statement st(impl_->db,
                              "SELECT count(*) FROM members WHERE branch_id IN "
                              "(SELECT value FROM json_each(:orgs))");
            st.bind(":orgs", storage::json_ids(*visible));
            st.step();
            return st.column(0).as_int64();
        }
        return impl_->db.exec_int64("SELECT count(*) FROM members");
    });
}

void store::record_standing(member_id id, standing_event const& e, std::string_view why) {
    storage::call const c(*this);
    storage::require_member(*this, permission::write_roster, id);
    storage::in_read("recording a standing event", [&] {
        storage::check_text(e.reason, "reason", storage::text_cap::note, true);
        storage::check_text(e.decided_by, "decided_by", storage::text_cap::long_text);
        storage::check_not_in_future(*this, e.date, "date");
        auto const m = get_member(id);
        auto const history = impl_->load_standing(id);
        check_standing_event(m, history, e);
        auto const current =
            standing_after(dangyuan::standing_on(m, history, e.date).value_or(standing{}).state, e.kind);
        storage::in_transaction(impl_->db, [&] {
            sql::statement ins(impl_->db,
                               "INSERT INTO standing_events(member_id, kind, date, reason, decided_by) "
                               "VALUES(:member_id, :kind, :date, :reason, :decided_by)");
            storage::bind_id(ins, ":member_id", id);
            ins.bind(":kind", std::string(to_string(e.kind)));
            storage::bind_date(ins, ":date", e.date);
            ins.bind(":reason", e.reason);
            ins.bind(":decided_by", e.decided_by);
            ins.exec();
            sql::statement snap(impl_->db,
                                "UPDATE members SET standing = :standing, exit_date = :exit_date, "
                                "version = version + 1 WHERE id = :id");
            snap.bind(":standing", std::string(to_string(*current)));
            storage::bind_date(snap, ":exit_date",
                               *current == standing_state::exited ? std::optional(e.date) : std::nullopt);
            storage::bind_id(snap, ":id", id);
            snap.exec();
            storage::append_audit(impl_->db, impl_->audit_actor, "standing", id.value(), to_string(e.kind),
                                  why,
                                  "date=" + storage::format_iso(e.date) + "; reason=" + e.reason +
                                      "; decided_by=" + e.decided_by);
        });
    });
}

std::vector<standing_event> store::standing_history(member_id id) const {
    storage::call const c(*this);
    storage::require_member(*this, permission::read_roster, id);
    return storage::in_read("reading standing events", [&]() -> std::vector<standing_event> {
        (void)get_member(id);
        return impl_->load_standing(id);
    });
}

std::optional<standing> store::standing_on(member_id id, date::sys_days d) const {
    storage::call const c(*this);
    storage::require_member(*this, permission::read_roster, id);
    auto const m = get_member(id);
    return dangyuan::standing_on(m, standing_history(id), d);
}

std::optional<int> store::party_age(member_id id, date::sys_days on) const {
    storage::call const c(*this);
    storage::require_member(*this, permission::read_roster, id);
    auto const m = get_member(id);
    return party_age_on(m, standing_history(id), on, rules());
}

}  // namespace dangyuan
