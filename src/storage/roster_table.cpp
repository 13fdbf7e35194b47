// The columnar roster. The loader steps the SQLite statement through the C API: SQLiteCpp's column
// accessors copy a shared pointer and build a Column object per cell, which is most of the time a
// million-row load would take beyond SQLite's own work.

#include "dangyuan/storage/roster_table.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <exception>
#include <memory>
#include <thread>
#include <utility>

#include "impl.hpp"

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

std::string_view text_of(sqlite3_stmt* st, int col) {
    auto const* p = reinterpret_cast<char const*>(sqlite3_column_text(st, col));
    if (p == nullptr) return {};
    return {p, static_cast<std::size_t>(sqlite3_column_bytes(st, col))};
}

// Columns in the order of storage::member_columns.
enum column : int {
    c_id,
    c_name,
    c_sex,
    c_ethnicity,
    c_birth_date,
    c_id_number,
    c_education,
    c_category,
    c_work_unit,
    c_post,
    c_native_place,
    c_phone,
    c_address,
    c_branch,
    c_joined_branch,
    c_application_date,
    c_admission_date,
    c_full_member_date,
    c_backfilled,
    c_version
};

[[noreturn]] void bad_cell(char const* column, std::string_view text, char const* what) {
    throw storage_error("column members." + std::string(column) + " holds '" + std::string(text) + "', not " +
                        what);
}

// A date cell (`name`: table.column). The store writes dates as YYYY-MM-DD only, so the fast path covers
// every cell it wrote; anything else goes to parse_iso, which accepts nothing more and says what was found.
std::int32_t date_cell(sqlite3_stmt* st, int col, char const* name, bool optional) {
    auto const* p = reinterpret_cast<char const*>(sqlite3_column_text(st, col));
    if (p == nullptr) {
        if (optional) return roster_table::no_date;
        throw storage_error("column " + std::string(name) + " is NULL");
    }
    std::string_view const t(p, static_cast<std::size_t>(sqlite3_column_bytes(st, col)));
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

constexpr auto sex_codes = valid_codes(all_sexes());
constexpr auto ethnicity_codes = valid_codes(all_ethnicities());
constexpr auto education_codes = valid_codes(all_educations());
constexpr auto category_codes = valid_codes(all_personnel_categories());

static_assert(std::ranges::all_of(all_sexes(), [](sex e) { return static_cast<int>(e) < 128; }));
static_assert(std::ranges::all_of(all_ethnicities(), [](ethnicity e) { return static_cast<int>(e) < 128; }));
static_assert(std::ranges::all_of(all_educations(), [](education e) { return static_cast<int>(e) < 128; }));
static_assert(std::ranges::all_of(all_personnel_categories(),
                                  [](personnel_category e) { return static_cast<int>(e) < 128; }));

// A code cell: the store writes the code (`code(e)`, one to three digits); a name or alias, which
// read_member would also accept, is parsed the slow way.
template <class Parse>
std::int8_t code_cell(sqlite3_stmt* st, int col, char const* name, std::array<bool, 128> const& valid,
                      Parse parse, bool optional) {
    auto const* p = reinterpret_cast<char const*>(sqlite3_column_text(st, col));
    if (p == nullptr) {
        if (optional) return roster_table::no_code;
        throw storage_error("column members." + std::string(name) + " is NULL");
    }
    auto const n = static_cast<std::size_t>(sqlite3_column_bytes(st, col));
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
    for (auto* v : {&t.id, &t.branch, &t.version})
        v->reserve(rows);
    for (auto* v : {&t.sex, &t.ethnicity, &t.education, &t.category})
        v->reserve(rows);
    for (auto* v :
         {&t.birth_date, &t.joined_branch, &t.application_date, &t.admission_date, &t.full_member_date})
        v->reserve(rows);
    t.backfilled.reserve(rows);
}

std::array<text_column*, 7> text_columns(roster_table& t) {
    return {&t.name, &t.id_number, &t.work_unit, &t.post, &t.native_place, &t.phone, &t.address};
}

// The number of rows the query can return at most, to size the columns once. Counting goes through an
// index and costs a few milliseconds per million members; the as_of filter is left out of the count
// because applying it would read every row (the bound is then an upper bound, and room that is
// reserved but never written costs no memory).
std::size_t row_bound(sqlite3* db, scope const& sc) {
    std::string sql = "SELECT count(*) FROM members";
    if (sc.root)
        sql +=
            " WHERE branch_id IN (WITH RECURSIVE sub(id) AS (SELECT id FROM orgs WHERE id = :root "
            "UNION ALL SELECT o.id FROM orgs o JOIN sub ON o.parent_id = sub.id) SELECT id FROM sub)";
    auto const st = prepare(db, sql);
    if (sc.root) bind_named(db, st.get(), ":root", static_cast<std::int64_t>(sc.root->value()));
    if (sqlite3_step(st.get()) != SQLITE_ROW) fail(db, "counting the roster");
    return static_cast<std::size_t>(sqlite3_column_int64(st.get(), 0));
}

template <class E>
E code_value(std::int8_t v, std::span<E const> all, char const* field) {
    for (auto e : all)
        if (static_cast<int>(e) == v) return e;
    throw invalid_input(field, "code " + std::to_string(v) + " is not in the code table");
}

date::sys_days required_date(std::int32_t v, char const* field) {
    if (v == roster_table::no_date) throw invalid_input(field, "the date is missing");
    return date::sys_days{date::days{v}};
}

}  // namespace

member roster_table::row(std::size_t i) const {
    member m;
    m.id = member_id{id[i]};
    m.name = std::string(name[i]);
    m.sex = code_value(sex[i], all_sexes(), "sex");
    m.ethnicity = code_value(ethnicity[i], all_ethnicities(), "ethnicity");
    m.birth_date = required_date(birth_date[i], "birth_date");
    if (!id_number[i].empty()) m.id_number = citizen_id::parse(id_number[i]);
    if (education[i] != no_code) m.education = code_value(education[i], all_educations(), "education");
    if (category[i] != no_code) m.category = code_value(category[i], all_personnel_categories(), "category");
    m.work_unit = std::string(work_unit[i]);
    m.post = std::string(post[i]);
    m.native_place = std::string(native_place[i]);
    m.phone = std::string(phone[i]);
    m.address = std::string(address[i]);
    m.branch = org_id{branch[i]};
    m.joined_branch = required_date(joined_branch[i], "joined_branch");
    m.application_date = to_date(application_date[i]);
    m.admission_date = required_date(admission_date[i], "admission_date");
    m.full_member_date = to_date(full_member_date[i]);
    m.backfilled = backfilled[i] != 0;
    m.version = version[i];
    return m;
}

void roster_table::push_back(member const& m) {
    auto const code_or_none = [](auto const& e) {
        return e ? static_cast<std::int8_t>(static_cast<int>(*e)) : no_code;
    };
    id.push_back(m.id.value());
    name.push_back(m.name);
    sex.push_back(static_cast<std::int8_t>(static_cast<int>(m.sex)));
    ethnicity.push_back(static_cast<std::int8_t>(static_cast<int>(m.ethnicity)));
    birth_date.push_back(from_date(m.birth_date));
    id_number.push_back(m.id_number ? std::string_view(m.id_number->str()) : std::string_view{});
    education.push_back(code_or_none(m.education));
    category.push_back(code_or_none(m.category));
    work_unit.push_back(m.work_unit);
    post.push_back(m.post);
    native_place.push_back(m.native_place);
    phone.push_back(m.phone);
    address.push_back(m.address);
    branch.push_back(m.branch.value());
    joined_branch.push_back(from_date(m.joined_branch));
    application_date.push_back(from_date(m.application_date));
    admission_date.push_back(from_date(m.admission_date));
    full_member_date.push_back(from_date(m.full_member_date));
    backfilled.push_back(m.backfilled ? 1 : 0);
    version.push_back(m.version);
}

std::size_t roster_table::memory_bytes() const noexcept {
    std::size_t n = 0;
    auto const add = [&n](auto const& v) { n += v.size() * sizeof(v.front()); };
    add(id);
    add(sex);
    add(ethnicity);
    add(birth_date);
    add(education);
    add(category);
    add(branch);
    add(joined_branch);
    add(application_date);
    add(admission_date);
    add(full_member_date);
    add(backfilled);
    add(version);
    for (auto const* c : {&name, &id_number, &work_unit, &post, &native_place, &phone, &address})
        n += c->memory_bytes();
    return n;
}

namespace {

// The members of `sc` (admitted by `as_of`, when given) with ids in [ids->first, ids->second), read
// through `db`; `bound` is an upper bound of their number, for sizing the columns once.
roster_table load_range(sqlite3* db, scope const& sc, std::optional<date::sys_days> as_of,
                        std::optional<std::pair<std::int64_t, std::int64_t>> ids, std::size_t bound) {
    // The same rows as store::roster(): keep the two queries in step.
    std::string sql = std::string("SELECT ") + storage::member_columns + " FROM members";
    std::vector<char const*> where;
    if (sc.root)
        where.push_back(
            "branch_id IN (WITH RECURSIVE sub(id) AS (SELECT id FROM orgs WHERE id = :root "
            "UNION ALL SELECT o.id FROM orgs o JOIN sub ON o.parent_id = sub.id) SELECT id FROM sub)");
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

        t.id.push_back(sqlite3_column_int64(p, c_id));
        t.name.push_back(text_of(p, c_name));
        t.sex.push_back(code_cell(p, c_sex, "sex", sex_codes, parse_sex, false));
        t.ethnicity.push_back(
            code_cell(p, c_ethnicity, "ethnicity", ethnicity_codes, parse_ethnicity, false));
        t.birth_date.push_back(date_cell(p, c_birth_date, "members.birth_date", false));
        auto const number = text_of(p, c_id_number);
        if (!number.empty() && !citizen_id::is_valid(number)) bad_cell("id_number", number, "an ID number");
        t.id_number.push_back(number);
        t.education.push_back(code_cell(p, c_education, "education", education_codes, parse_education, true));
        t.category.push_back(
            code_cell(p, c_category, "category", category_codes, parse_personnel_category, true));
        t.work_unit.push_back(text_of(p, c_work_unit));
        t.post.push_back(text_of(p, c_post));
        t.native_place.push_back(text_of(p, c_native_place));
        t.phone.push_back(text_of(p, c_phone));
        t.address.push_back(text_of(p, c_address));
        t.branch.push_back(sqlite3_column_int64(p, c_branch));
        t.joined_branch.push_back(date_cell(p, c_joined_branch, "members.joined_branch", false));
        t.application_date.push_back(date_cell(p, c_application_date, "members.application_date", true));
        t.admission_date.push_back(date_cell(p, c_admission_date, "members.admission_date", false));
        t.full_member_date.push_back(date_cell(p, c_full_member_date, "members.full_member_date", true));
        t.backfilled.push_back(sqlite3_column_int(p, c_backfilled) != 0 ? 1 : 0);
        t.version.push_back(sqlite3_column_int64(p, c_version));

        if (auto const rows = t.size(); rows == sample_rows && bound > rows) {
            for (auto* c : text_columns(t))
                c->reserve(bound - rows, c->data().size() * 2 * (bound - rows) / rows + 4096);
        }
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

}  // namespace

roster_table load_roster_table(store const& s, scope sc, std::optional<date::sys_days> as_of) {
    if (sc.root) (void)s.org(*sc.root);  // not_found for an unknown scope, as roster() does
    sqlite3* const db = detail::store_access::of(s).db.getHandle();
    return load_range(db, sc, as_of, std::nullopt, row_bound(db, sc));
}

std::vector<roster_table> load_roster_parts(store const& s, roster_parts_options const& o, scope sc,
                                            std::optional<date::sys_days> as_of) {
    if (sc.root) (void)s.org(*sc.root);
    sqlite3* const db = detail::store_access::of(s).db.getHandle();
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
