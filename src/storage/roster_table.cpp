// The columnar roster. The loader steps the SQLite statement through the C API: SQLiteCpp's column
// accessors copy a shared pointer and build a Column object per cell, which is most of the time a
// million-row load would take beyond SQLite's own work.

#include "dangyuan/storage/roster_table.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <exception>
#include <memory>
#include <string>
#include <thread>
#include <type_traits>
#include <utility>

#include "access.hpp"
#include "dangyuan/member/masking.hpp"
#include "impl.hpp"
#include "rows.hpp"
#include "sql/postgres.hpp"

namespace dangyuan {
namespace {

struct statement_deleter {
    void operator()(sqlite3_stmt* st) const noexcept { sqlite3_finalize(st); }
};
using statement_ptr = std::unique_ptr<sqlite3_stmt, statement_deleter>;

[[noreturn]] void fail(sqlite3* db, char const* doing) {
    throw storage_error(std::string("SQLite error while ") + doing + ": " + sqlite3_errmsg(db));
}

statement_ptr prepare(sqlite3* db, std::string const& sql) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &st, nullptr) != SQLITE_OK)
        fail(db, "preparing the roster query");
    return statement_ptr(st);
}

void bind_named(sqlite3* db, sqlite3_stmt* st, char const* name, std::int64_t value) {
    int const i = sqlite3_bind_parameter_index(st, name);
    if (i == 0 || sqlite3_bind_int64(st, i, value) != SQLITE_OK) fail(db, "binding the roster query");
}

void bind_named(sqlite3* db, sqlite3_stmt* st, char const* name, std::string const& value) {
    int const i = sqlite3_bind_parameter_index(st, name);
    if (i == 0 ||
        sqlite3_bind_text(st, i, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT) != SQLITE_OK)
        fail(db, "binding the roster query");
}

// One cell of a row as text: `p` is null for NULL.
struct cell {
    char const* p = nullptr;
    std::size_t n = 0;
    std::string_view text() const noexcept { return p ? std::string_view(p, n) : std::string_view{}; }
};

[[noreturn]] void bad_cell(char const* column, std::string_view text, char const* what);

// The current row of an SQLite statement.
struct sqlite_row {
    sqlite3_stmt* st;
    cell text(int col) const {
        auto const* p = reinterpret_cast<char const*>(sqlite3_column_text(st, col));
        if (p == nullptr) return {};
        return {p, static_cast<std::size_t>(sqlite3_column_bytes(st, col))};
    }
    std::int64_t int64(int col, char const*) const { return sqlite3_column_int64(st, col); }
};

// The current row of a COPY … TO STDOUT (PostgreSQL).
struct copy_row {
    sql::pg::copy_out const& copy;
    cell text(int col) const {
        auto const i = static_cast<std::size_t>(col);
        if (copy.is_null(i)) return {};
        auto const f = copy.field(i);
        return {f.data() ? f.data() : "", f.size()};
    }
    std::int64_t int64(int col, char const* column) const {
        auto const f = text(col).text();
        std::int64_t v = 0;
        auto const r = std::from_chars(f.data(), f.data() + f.size(), v);
        if (r.ec != std::errc{} || r.ptr != f.data() + f.size()) bad_cell(column, f, "an integer");
        return v;
    }
};

// The columns of storage::member_columns: the id, the fields of member_fields from 1 on, the version.
constexpr int c_id = 0;
constexpr int c_version = static_cast<int>(member_fields.size()) + 1;

// "members.<column>" of every field, for the messages of date_cell.
std::array<std::string, member_fields.size()> const qualified_columns = [] {
    std::array<std::string, member_fields.size()> out;
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = "members." + std::string(member_fields[i].column);
    return out;
}();

[[noreturn]] void bad_cell(char const* column, std::string_view text, char const* what) {
    throw storage_error("column members." + std::string(column) + " holds '" + std::string(text) + "', not " +
                        what);
}

// A date cell (`name`: table.column). The store writes dates as YYYY-MM-DD only, so the fast path covers
// every cell it wrote; anything else goes to parse_iso, which accepts nothing more and says what was found.
std::int32_t date_cell(cell c, char const* name, bool optional) {
    if (c.p == nullptr) {
        if (optional) return roster_table::no_date;
        throw storage_error("column " + std::string(name) + " is NULL");
    }
    auto const t = c.text();
    return static_cast<std::int32_t>(storage::parse_iso(t, name).time_since_epoch().count());
}

// Which numeric codes each code table holds, for checking code cells without parsing text.
template <class E>
constexpr std::array<bool, 128> valid_codes(std::span<E const> all) {
    std::array<bool, 128> out{};
    for (auto e : all)
        out[static_cast<std::size_t>(static_cast<int>(e))] = true;
    return out;
}

// Every value of a code table (the all_<types>() of core/codes.hpp, for a type given as an argument).
template <code_table_enum E>
constexpr std::span<E const> all_values() noexcept {
    return detail::codes_of(E{}).values;
}

// Codes are stored in an std::int8_t column: every code table used by the record must fit.
template <code_table_enum E>
constexpr auto valid_codes_of = [] {
    static_assert(std::ranges::all_of(all_values<E>(), [](E e) { return static_cast<int>(e) < 128; }));
    return valid_codes(all_values<E>());
}();

// A code cell: the store writes the code (`code(e)`, one to three digits); a name or alias, which
// read_member would also accept, is parsed the slow way.
template <class Parse>
std::int8_t code_cell(cell c, char const* name, std::array<bool, 128> const& valid, Parse parse,
                      bool optional) {
    auto const* p = c.p;
    if (p == nullptr) {
        if (optional) return roster_table::no_code;
        throw storage_error("column members." + std::string(name) + " is NULL");
    }
    auto const n = c.n;
    if (n >= 1 && n <= 3) {
        int v = 0;
        bool digits = true;
        for (std::size_t i = 0; i < n; ++i) {
            digits = digits && p[i] >= '0' && p[i] <= '9';
            v = v * 10 + (p[i] - '0');
        }
        if (digits && v < 128 && valid[static_cast<std::size_t>(v)]) return static_cast<std::int8_t>(v);
    }
    std::string_view const t(p, n);
    try {
        return static_cast<std::int8_t>(static_cast<int>(parse(t)));
    } catch (invalid_input const&) {
        bad_cell(name, t, "a code of its table");
    }
}

// Room for `rows` rows in every fixed-width column.
void reserve_rows(roster_table& t, std::size_t rows) {
    t.id.reserve(rows);
    t.version.reserve(rows);
    for_each_roster_column(t, [&](auto const&, auto& column) {
        if constexpr (!std::is_same_v<std::decay_t<decltype(column)>, text_column>) column.reserve(rows);
    });
}

// Room for `rows` more rows in every text column: twice the mean length of the `held` values so far.
void reserve_texts(roster_table& t, std::size_t held, std::size_t rows) {
    for_each_roster_column(t, [&](auto const&, auto& column) {
        if constexpr (std::is_same_v<std::decay_t<decltype(column)>, text_column>)
            column.reserve(rows, column.data().size() * 2 * rows / held + 4096);
    });
}

// The number of rows the query can return at most, to size the columns once. Counting goes through an
// index and costs a few milliseconds per million members; the as_of filter is left out of the count
// because applying it would read every row (the bound is then an upper bound, and room that is
// reserved but never written costs no memory).
std::size_t row_bound(sqlite3* db, scope const& sc) {
    std::string sql = "SELECT count(*) FROM members";
    if (sc.root) sql += std::string(" WHERE branch_id ") + storage::in_subtree;
    auto const st = prepare(db, sql);
    if (sc.root) bind_named(db, st.get(), ":root", static_cast<std::int64_t>(sc.root->value()));
    if (sqlite3_step(st.get()) != SQLITE_ROW) fail(db, "counting the roster");
    return static_cast<std::size_t>(sqlite3_column_int64(st.get(), 0));
}

template <code_table_enum E>
E code_value(std::int8_t v, std::string_view field) {
    for (auto e : all_values<E>())
        if (static_cast<int>(e) == v) return e;
    throw invalid_input(std::string(field), "code " + std::to_string(v) + " is not in the code table");
}

// ---- a field of the record <-> the cell of its column, by the field's type

std::string_view cell_of(std::string const& text) {
    return text;
}
std::string_view cell_of(std::optional<citizen_id> const& id) {
    return id ? std::string_view(id->str()) : std::string_view{};
}
template <code_table_enum E>
std::int8_t cell_of(E e) {
    return static_cast<std::int8_t>(static_cast<int>(e));
}
template <code_table_enum E>
std::int8_t cell_of(std::optional<E> e) {
    return e ? cell_of(*e) : roster_table::no_code;
}
std::int32_t cell_of(std::optional<date::sys_days> d) {
    return roster_table::from_date(d);
}
std::int64_t cell_of(org_id id) {
    return id.value();
}
std::uint8_t cell_of(bool flag) {
    return flag ? 1 : 0;
}

// The cell back into the field; `field` names it in the message of a cell `member` cannot hold.
void from_cell(std::string& text, std::string_view cell, std::string_view) {
    text = std::string(cell);
}
void from_cell(std::optional<citizen_id>& id, std::string_view cell, std::string_view) {
    if (!cell.empty()) id = citizen_id::parse(cell);
}
template <code_table_enum E>
void from_cell(E& e, std::int8_t cell, std::string_view field) {
    e = code_value<E>(cell, field);
}
template <code_table_enum E>
void from_cell(std::optional<E>& e, std::int8_t cell, std::string_view field) {
    if (cell != roster_table::no_code) e = code_value<E>(cell, field);
}
void from_cell(date::sys_days& d, std::int32_t cell, std::string_view field) {
    if (cell == roster_table::no_date) throw invalid_input(std::string(field), "the date is missing");
    d = date::sys_days{date::days{cell}};
}
void from_cell(std::optional<date::sys_days>& d, std::int32_t cell, std::string_view) {
    d = roster_table::to_date(cell);
}
void from_cell(org_id& id, std::int64_t cell, std::string_view) {
    id = org_id{cell};
}
void from_cell(bool& flag, std::uint8_t cell, std::string_view) {
    flag = cell != 0;
}

template <class T>
inline constexpr bool is_optional = false;
template <class T>
inline constexpr bool is_optional<std::optional<T>> = true;
template <class T>
inline constexpr bool is_optional_code = false;
template <code_table_enum E>
inline constexpr bool is_optional_code<std::optional<E>> = true;

template <auto Field>
using field_type = std::remove_cvref_t<decltype(std::declval<member const&>().*Field)>;

// The cell of column `col` of the current row `r` (sqlite_row or copy_row) for a field of type T, checked
// as the store writes it; `i` is the field's position in member_fields.
template <class T, class Row>
auto read_cell(Row const& r, int col, std::size_t i) {
    char const* const column = member_fields[i].column.data();  // a literal: null-terminated
    if constexpr (std::is_same_v<T, std::string>) {
        return r.text(col).text();
    } else if constexpr (std::is_same_v<T, std::optional<citizen_id>>) {
        auto const number = r.text(col).text();
        if (!number.empty() && !citizen_id::is_valid(number)) bad_cell(column, number, "an ID number");
        return number;
    } else if constexpr (code_table_enum<T>) {
        return code_cell(r.text(col), column, valid_codes_of<T>, parse_code<T>, false);
    } else if constexpr (is_optional_code<T>) {
        using E = typename T::value_type;
        return code_cell(r.text(col), column, valid_codes_of<E>, parse_code<E>, true);
    } else if constexpr (std::is_same_v<T, date::sys_days> ||
                         std::is_same_v<T, std::optional<date::sys_days>>) {
        return date_cell(r.text(col), qualified_columns[i].c_str(), is_optional<T>);
    } else if constexpr (std::is_same_v<T, org_id>) {
        return r.int64(col, column);
    } else {
        static_assert(std::is_same_v<T, bool>, "a field type without a roster column type");
        return static_cast<std::uint8_t>(r.int64(col, column) != 0 ? 1 : 0);
    }
}

// Reads the current row `r` into the end of `t`.
template <class Row>
void append_row(roster_table& t, Row const& r) {
    t.id.push_back(r.int64(c_id, "id"));
    std::size_t i = 0;
    for_each_roster_column(t, [&](auto const& field, auto& column) {
        using T = field_type<std::decay_t<decltype(field)>::pointer>;
        column.push_back(read_cell<T>(r, static_cast<int>(i) + 1, i));
        ++i;
    });
    t.version.push_back(r.int64(c_version, "version"));
}

}  // namespace

member roster_table::row(std::size_t i) const {
    member m;
    m.id = member_id{id[i]};
    for_each_roster_column(*this, [&](auto const& field, auto const& column) {
        from_cell(m.*std::decay_t<decltype(field)>::pointer, column[i], field.name);
    });
    m.version = version[i];
    return m;
}

void roster_table::push_back(member const& m) {
    id.push_back(m.id.value());
    for_each_roster_column(*this, [&](auto const& field, auto& column) {
        column.push_back(cell_of(m.*std::decay_t<decltype(field)>::pointer));
    });
    version.push_back(m.version);
}

std::size_t roster_table::memory_bytes() const noexcept {
    std::size_t n = 0;
    auto const add = [&n](auto const& v) {
        if constexpr (std::is_same_v<std::decay_t<decltype(v)>, text_column>)
            n += v.memory_bytes();
        else
            n += v.size() * sizeof(typename std::decay_t<decltype(v)>::value_type);
    };
    add(id);
    for_each_roster_column(*this, [&](auto const&, auto const& column) { add(column); });
    add(version);
    return n;
}

namespace {

// The members of `sc` (admitted by `as_of`, when given) with ids in [ids->first, ids->second), read
// through `db`; `bound` is an upper bound of their number, for sizing the columns once.
roster_table load_range(sqlite3* db, scope const& sc, std::optional<date::sys_days> as_of,
                        std::optional<std::pair<std::int64_t, std::int64_t>> ids, std::size_t bound) {
    // The same rows as store::roster(): keep the two queries in step.
    std::string sql = std::string("SELECT ") + storage::member_columns + " FROM members";
    std::string const in_scope = std::string("branch_id ") + storage::in_subtree;
    std::vector<char const*> where;
    if (sc.root) where.push_back(in_scope.c_str());
    if (as_of) where.push_back("admission_date <= :d AND (exit_date IS NULL OR exit_date > :d)");
    if (ids) where.push_back("id >= :lo AND id < :hi");
    for (std::size_t i = 0; i < where.size(); ++i)
        sql += std::string(i ? " AND " : " WHERE ") + where[i];
    sql += " ORDER BY id";

    roster_table t;
    reserve_rows(t, bound);
    auto const st = prepare(db, sql);
    if (sc.root) bind_named(db, st.get(), ":root", static_cast<std::int64_t>(sc.root->value()));
    if (as_of) bind_named(db, st.get(), ":d", storage::format_iso(*as_of));
    if (ids) {
        bind_named(db, st.get(), ":lo", ids->first);
        bind_named(db, st.get(), ":hi", ids->second);
    }

    // The text buffers are sized from the first rows: twice their mean length per value for every
    // row still to come. Only what is written takes memory, so the margin is free, and it keeps the
    // buffers from being copied as they grow (a copy would briefly need twice the memory).
    constexpr std::size_t sample_rows = 1024;
    auto* const p = st.get();
    for (;;) {
        int const rc = sqlite3_step(p);
        if (rc == SQLITE_DONE) break;
        if (rc != SQLITE_ROW) fail(db, "reading the roster");

        append_row(t, sqlite_row{p});

        if (auto const rows = t.size(); rows == sample_rows && bound > rows)
            reserve_texts(t, rows, bound - rows);
    }
    return t;
}

struct connection_deleter {
    void operator()(sqlite3* db) const noexcept { sqlite3_close_v2(db); }
};
using connection_ptr = std::unique_ptr<sqlite3, connection_deleter>;

// A read-only connection to the store's file, inside a read transaction; `seq` is the last audit
// sequence number it sees. Every change to a store appends to the audit trail, so readers that see
// the same `seq` read the same state of the file.
struct reader {
    connection_ptr db;
    std::int64_t seq = 0;
};

std::optional<reader> open_reader(char const* path) {
    sqlite3* raw = nullptr;
    int const rc = sqlite3_open_v2(path, &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
    reader r{connection_ptr(raw)};
    if (rc != SQLITE_OK) return std::nullopt;
    sqlite3_busy_timeout(raw, 5000);
    if (sqlite3_exec(raw, "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK) return std::nullopt;
    auto const st = prepare(raw, "SELECT coalesce(max(seq), 0) FROM audit");
    if (sqlite3_step(st.get()) != SQLITE_ROW) return std::nullopt;
    r.seq = sqlite3_column_int64(st.get(), 0);
    return r;
}

// `count` readers that all see the same state of the file, or none (an in-memory store, a file
// that cannot be opened again, or writers that keep committing meanwhile).
std::vector<reader> open_readers(sqlite3* db, std::size_t count) {
    char const* const path = sqlite3_db_filename(db, "main");
    if (path == nullptr || *path == '\0') return {};
    for (int attempt = 0; attempt < 3; ++attempt) {
        std::vector<reader> rs;
        for (std::size_t i = 0; i < count; ++i) {
            auto r = open_reader(path);
            if (!r) return {};
            rs.push_back(std::move(*r));
        }
        if (std::ranges::all_of(rs, [&](reader const& r) { return r.seq == rs.front().seq; })) return rs;
    }
    return {};
}

std::pair<std::int64_t, std::int64_t> id_span(sqlite3* db) {
    auto const st = prepare(db, "SELECT coalesce(min(id), 0), coalesce(max(id), 0) FROM members");
    if (sqlite3_step(st.get()) != SQLITE_ROW) fail(db, "reading the range of member ids");
    return {sqlite3_column_int64(st.get(), 0), sqlite3_column_int64(st.get(), 1)};
}

// The personal columns as a principal without permission::unmasked_personal_data reads them: what
// masked_member (member/masking.hpp) does to one record, done to whole columns.
void mask_columns(roster_table& t) {
    text_column none, phone, address;
    none.reserve(t.size(), 0);
    phone.reserve(t.size(), t.phone.data().size());
    address.reserve(t.size(), t.address.data().size());
    for (std::size_t i = 0; i < t.size(); ++i) {
        none.push_back({});
        phone.push_back(masking::apply(mask_rule::phone_3_4, t.phone[i]));
        address.push_back(masking::apply(mask_rule::county_level, t.address[i]));
        auto const year = date::year_month_day{date::sys_days{date::days{t.birth_date[i]}}}.year();
        t.birth_date[i] = date::sys_days{year / date::January / 1}.time_since_epoch().count();
    }
    t.id_number = std::move(none);
    t.phone = std::move(phone);
    t.address = std::move(address);
}

}  // namespace

namespace {

// The same rows from PostgreSQL: one COPY (SELECT …) TO STDOUT, each row parsed from the text it
// arrives as straight into the columns (no result set held whole, no member record per row). COPY takes
// no parameters: the scope's root (an integer) and the date (ISO text the library formats) are written
// into the query as literals.
roster_table load_portable(sql::database& db, scope const& sc, std::optional<date::sys_days> as_of) {
    std::string sql = std::string("SELECT ") + storage::member_columns + " FROM members";
    std::vector<std::string> where;
    if (sc.root) {
        std::string in_scope = std::string("branch_id ") + storage::in_subtree;
        auto const at = in_scope.find(":root");
        in_scope.replace(at, 5, std::to_string(sc.root->value()));
        where.push_back(std::move(in_scope));
    }
    if (as_of) {
        auto const d = "'" + storage::format_iso(*as_of) + "'";
        where.push_back("admission_date <= " + d + " AND (exit_date IS NULL OR exit_date > " + d + ")");
    }
    for (std::size_t i = 0; i < where.size(); ++i)
        sql += (i ? " AND " : " WHERE ") + where[i];
    sql += " ORDER BY id";
    return storage::in_read("loading the roster", [&] {
        sql::pg::copy_out copy(db.postgres(), sql);
        roster_table t;
        constexpr std::size_t columns = member_fields.size() + 2;
        while (copy.next()) {
            if (copy.size() != columns)
                throw storage_error("the roster query gave " + std::to_string(copy.size()) +
                                    " columns, not " + std::to_string(columns));
            append_row(t, copy_row{copy});
        }
        return t;
    });
}

}  // namespace

roster_table load_roster_table(store const& s, scope requested, std::optional<date::sys_days> as_of) {
    storage::call const c(s);
    auto const sc = storage::visible_scope(s, requested);
    if (sc.root) (void)s.org(*sc.root);  // not_found for an unknown scope, as roster() does
    if (auto& any = detail::store_access::of(s).db; !any.is_sqlite()) {
        auto t = load_portable(any, sc, as_of);
        if (!storage::sees_unmasked(s)) mask_columns(t);
        return t;
    }
    sqlite3* const db = detail::store_access::of(s).db.sqlite_handle();
    auto t = load_range(db, sc, as_of, std::nullopt, row_bound(db, sc));
    if (!storage::sees_unmasked(s)) mask_columns(t);
    return t;
}

std::vector<roster_table> load_roster_parts(store const& s, roster_parts_options const& o, scope requested,
                                            std::optional<date::sys_days> as_of) {
    storage::call const c(s);
    auto const sc = storage::visible_scope(s, requested);
    if (sc.root) (void)s.org(*sc.root);
    if (auto& any = detail::store_access::of(s).db; !any.is_sqlite()) {
        std::vector<roster_table> one;
        one.push_back(load_portable(any, sc, as_of));
        if (!storage::sees_unmasked(s)) mask_columns(one.back());
        return one;
    }
    if (!storage::sees_unmasked(s)) {  // masked: one part, read here (a nested call would not mask)
        sqlite3* const db = detail::store_access::of(s).db.sqlite_handle();
        std::vector<roster_table> one;
        one.push_back(load_range(db, sc, as_of, std::nullopt, row_bound(db, sc)));
        mask_columns(one.back());
        return one;
    }
    sqlite3* const db = detail::store_access::of(s).db.sqlite_handle();
    auto const bound = row_bound(db, sc);
    auto readers = o.readers != 0 ? std::min<std::size_t>(o.readers, roster_max_readers)
                                  : std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 4);
    readers = std::min(readers, bound / std::max<std::size_t>(o.min_rows_per_reader, 1));
    std::vector<reader> rs;
    // Other connections would not see the writes of a transaction open on this one: read here then.
    if (readers > 1 && sqlite3_get_autocommit(db) != 0) rs = open_readers(db, readers);
    std::vector<roster_table> parts;
    if (rs.empty()) {
        parts.push_back(load_range(db, sc, as_of, std::nullopt, bound));
        return parts;
    }

    // Consecutive id ranges of equal width; the last one ends past the largest id.
    auto const [lo, hi] = id_span(rs.front().db.get());
    auto const width = (hi - lo) / static_cast<std::int64_t>(readers) + 1;
    parts.resize(readers);
    std::vector<std::exception_ptr> errors(readers);
    {
        std::vector<std::jthread> threads;
        for (std::size_t k = 0; k < readers; ++k)
            // `lo` by init-capture: clang before 16 cannot capture a structured binding.
            threads.emplace_back([&, k, first = lo] {
                try {
                    auto const from = first + static_cast<std::int64_t>(k) * width;
                    // Each part may hold every row of the scope: the bound is an upper bound, and
                    // room reserved but never written is address space only.
                    parts[k] = load_range(rs[k].db.get(), sc, as_of, std::pair{from, from + width}, bound);
                } catch (...) {
                    errors[k] = std::current_exception();
                }
            });
    }
    for (auto const& e : errors)
        if (e) std::rethrow_exception(e);
    return parts;
}

}  // namespace dangyuan
