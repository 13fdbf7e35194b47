// The PostgreSQL side of the seam, through libpq. Values travel as text in both directions: integers
// are sent with their type (int8) so that comparisons with integer columns need no cast, text is sent
// untyped so that the server reads it as the column it is compared with or written to.

#include "postgres.hpp"

#include <libpq-fe.h>

#include <cctype>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <regex>

namespace dangyuan::storage::sql::pg {
namespace {

constexpr unsigned int int8_oid = 20;
constexpr unsigned int float8_oid = 701;
constexpr unsigned int bool_oid = 16;

// The key of the advisory lock every writer of a store takes (any constant: one store per database).
constexpr long long write_lock_key = 0x44594E31;  // "DYN1", the SQLite application id

error::kind kind_of(char const* sqlstate) {
    if (sqlstate == nullptr) return error::kind::other;
    std::string_view const s(sqlstate);
    if (s == "23505") return error::kind::unique;
    if (s.starts_with("23") || s == "P0001") return error::kind::constraint;  // P0001: RAISE EXCEPTION
    if (s == "40001" || s == "40P01" || s == "55P03" || s == "57014") return error::kind::busy;
    return error::kind::other;
}

[[noreturn]] void fail(PGresult const* r, PGconn* c, std::string_view doing) {
    char const* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
    std::string msg = r ? PQresultErrorMessage(r) : PQerrorMessage(c);
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' '))
        msg.pop_back();
    if (!doing.empty()) msg += " (" + std::string(doing) + ")";
    throw error("PostgreSQL: " + msg, kind_of(state), -1, state ? state : "");
}

void check(PGresult* r, PGconn* c, std::string_view doing) {
    auto const st = PQresultStatus(r);
    if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK || st == PGRES_COPY_IN || st == PGRES_COPY_OUT)
        return;
    try {
        fail(r, c, doing);
    } catch (...) {
        PQclear(r);
        throw;
    }
}

bool ident_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

}  // namespace

bool available() noexcept {
    return true;
}

connection::connection(std::string const& url) : url_(without_password(url)) {
    conn_ = PQconnectdb(url.c_str());
    if (PQstatus(conn_) != CONNECTION_OK) {
        std::string msg = PQerrorMessage(conn_);
        PQfinish(conn_);
        conn_ = nullptr;
        while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' '))
            msg.pop_back();
        throw error("cannot connect to " + url_ + ": " + msg, error::kind::other);
    }
    // Quiet NOTICEs (CREATE ... IF NOT EXISTS) would otherwise go to stderr.
    PQsetNoticeProcessor(
        conn_, [](void*, char const*) {}, nullptr);
    exec("SET client_min_messages = warning; SET client_encoding = 'UTF8'");
}

connection::~connection() {
    if (conn_) PQfinish(conn_);
}

void connection::exec(std::string const& sql) {
    PGresult* r = PQexec(conn_, sql.c_str());
    check(r, conn_, "");
    PQclear(r);
}

std::string const& connection::prepared(std::string const& sql, std::vector<unsigned int> const& types) {
    static std::string const none;
    std::string key = sql;
    key += '\0';
    for (auto t : types)
        key += std::to_string(t) + ",";
    if (auto const it = prepared_.find(key); it != prepared_.end()) return it->second;
    if (prepared_.size() >= max_prepared) return none;
    auto name = "dy" + std::to_string(prepared_.size() + 1);
    PGresult* r = PQprepare(conn_, name.c_str(), sql.c_str(), static_cast<int>(types.size()), types.data());
    check(r, conn_, sql);
    PQclear(r);
    return prepared_.emplace(std::move(key), std::move(name)).first->second;
}

bool connection::in_transaction() const {
    auto const s = PQtransactionStatus(conn_);
    return s == PQTRANS_INTRANS || s == PQTRANS_INERROR || s == PQTRANS_ACTIVE;
}

bool connection::failed_transaction() const {
    return PQtransactionStatus(conn_) == PQTRANS_INERROR;
}

void begin_write(connection& c) {
    c.exec("BEGIN");
    try {
        // lock_timeout bounds the wait like SQLite's busy timeout; SET LOCAL ends with the transaction.
        c.exec("SET LOCAL lock_timeout = " + std::to_string(c.lock_timeout_ms) +
               "; SELECT pg_advisory_xact_lock(" + std::to_string(write_lock_key) + ")");
    } catch (...) {
        try {
            c.exec("ROLLBACK");
        } catch (...) {
        }
        throw;
    }
}

copy_in::copy_in(connection& c, std::string const& table, std::string const& columns) : conn_(c) {
    PGresult* r = PQexec(c.handle(), ("COPY " + table + "(" + columns + ") FROM STDIN").c_str());
    if (PQresultStatus(r) != PGRES_COPY_IN) check(r, c.handle(), "COPY " + table);
    PQclear(r);
    buffer_.reserve(1 << 20);
}

copy_in::~copy_in() {
    if (!done_) {
        PQputCopyEnd(conn_.handle(), "the copy was abandoned");
        while (PGresult* r = PQgetResult(conn_.handle()))
            PQclear(r);
    }
}

void copy_in::separate() {
    if (!row_start_) buffer_ += '\t';
    row_start_ = false;
}

void copy_in::field(std::string_view text) {
    separate();
    // Most fields hold no character that needs escaping: appended whole.
    if (text.find_first_of("\\\t\n\r") == std::string_view::npos) {
        buffer_.append(text);
        return;
    }
    for (char const ch : text) {
        switch (ch) {
            case '\\':
                buffer_ += "\\\\";
                break;
            case '\t':
                buffer_ += "\\t";
                break;
            case '\n':
                buffer_ += "\\n";
                break;
            case '\r':
                buffer_ += "\\r";
                break;
            default:
                buffer_ += ch;
        }
    }
}

void copy_in::null_field() {
    separate();
    buffer_ += "\\N";
}

void copy_in::end_row() {
    buffer_ += '\n';
    row_start_ = true;
    if (buffer_.size() >= (1u << 20)) flush();
}

void copy_in::flush() {
    if (buffer_.empty()) return;
    if (PQputCopyData(conn_.handle(), buffer_.data(), static_cast<int>(buffer_.size())) != 1)
        fail(nullptr, conn_.handle(), "COPY");
    buffer_.clear();
}

void copy_in::finish() {
    flush();
    done_ = true;
    if (PQputCopyEnd(conn_.handle(), nullptr) != 1) fail(nullptr, conn_.handle(), "COPY");
    PGresult* r = PQgetResult(conn_.handle());
    check(r, conn_.handle(), "COPY");
    PQclear(r);
    while (PGresult* rest = PQgetResult(conn_.handle()))
        PQclear(rest);
}

copy_out::copy_out(connection& c, std::string const& query) : conn_(c) {
    PGresult* r = PQexec(c.handle(), ("COPY (" + query + ") TO STDOUT").c_str());
    if (PQresultStatus(r) != PGRES_COPY_OUT) check(r, c.handle(), "COPY (" + query + ") TO STDOUT");
    PQclear(r);
}

copy_out::~copy_out() {
    release();
    if (done_) return;
    char* buf = nullptr;
    while (PQgetCopyData(conn_.handle(), &buf, 0) > 0)
        PQfreemem(buf);
    while (PGresult* r = PQgetResult(conn_.handle()))
        PQclear(r);
}

void copy_out::release() noexcept {
    if (line_) PQfreemem(line_);
    line_ = nullptr;
}

namespace {
// The text format's escapes (backslash, then b f n r t v, up to three octal digits or x and up to two
// hex digits; any other character stands for itself), undone in place: the text only shrinks.
char* unescape(char* from, char* end) {
    char* out = from;
    for (char* p = from; p < end;) {
        if (*p != '\\' || p + 1 == end) {
            *out++ = *p++;
            continue;
        }
        char const e = p[1];
        p += 2;
        auto const digit_of = [](char d, int base) {
            if (d >= '0' && d <= '9' && d - '0' < base) return d - '0';
            if (base == 16 && d >= 'a' && d <= 'f') return d - 'a' + 10;
            if (base == 16 && d >= 'A' && d <= 'F') return d - 'A' + 10;
            return -1;
        };
        switch (e) {
            case 'b':
                *out++ = '\b';
                break;
            case 'f':
                *out++ = '\f';
                break;
            case 'n':
                *out++ = '\n';
                break;
            case 'r':
                *out++ = '\r';
                break;
            case 't':
                *out++ = '\t';
                break;
            case 'v':
                *out++ = '\v';
                break;
            case 'x': {
                int v = 0, n = 0;
                for (int d; n < 2 && p < end && (d = digit_of(*p, 16)) >= 0; ++n, ++p)
                    v = v * 16 + d;
                *out++ = n ? static_cast<char>(v) : 'x';
                break;
            }
            default:
                if (digit_of(e, 8) >= 0) {
                    int v = e - '0';
                    for (int n = 1, d; n < 3 && p < end && (d = digit_of(*p, 8)) >= 0; ++n, ++p)
                        v = v * 8 + d;
                    *out++ = static_cast<char>(v);
                } else {
                    *out++ = e;
                }
        }
    }
    return out;
}
}  // namespace

bool copy_out::next() {
    release();
    fields_.clear();
    nulls_.clear();
    if (done_) return false;
    int const n = PQgetCopyData(conn_.handle(), &line_, 0);
    if (n < 0) {
        done_ = true;
        line_ = nullptr;
        if (n == -2) fail(nullptr, conn_.handle(), "COPY TO STDOUT");
        PGresult* r = PQgetResult(conn_.handle());
        check(r, conn_.handle(), "COPY TO STDOUT");
        PQclear(r);
        while (PGresult* rest = PQgetResult(conn_.handle()))
            PQclear(rest);
        return false;
    }
    char* end = line_ + n;
    if (end > line_ && end[-1] == '\n') --end;
    for (char* start = line_;;) {
        char* stop = start;
        while (stop < end && *stop != '\t')
            ++stop;
        if (stop - start == 2 && start[0] == '\\' && start[1] == 'N') {
            fields_.emplace_back();
            nulls_.push_back(1);
        } else {
            char* const last = std::memchr(start, '\\', static_cast<std::size_t>(stop - start))
                                   ? unescape(start, stop)
                                   : stop;
            fields_.emplace_back(start, static_cast<std::size_t>(last - start));
            nulls_.push_back(0);
        }
        if (stop == end) break;
        start = stop + 1;
    }
    return true;
}

namespace {
// Two SQLite spellings. A set bound as one JSON array (rows.hpp, json_ids): its elements are integers,
// or text when the SQL says CAST(value AS TEXT).
std::string portable_sets(std::string_view in) {
    static std::regex const integers(R"re(SELECT value FROM json_each\((:\w+|\?)\))re");
    static std::regex const texts(R"re(SELECT CAST\(value AS TEXT\) FROM json_each\((:\w+|\?)\))re");
    std::string s(in);
    // SQLite reads CROSS JOIN … ON as an inner join whose order the planner keeps; PostgreSQL plans the
    // order itself and wants the plain spelling.
    for (auto at = s.find("CROSS JOIN"); at != std::string::npos; at = s.find("CROSS JOIN", at))
        s.replace(at, 10, "JOIN");
    if (s.find("json_each") == std::string::npos) return s;
    s = std::regex_replace(s, integers,
                           "SELECT CAST(value AS BIGINT) FROM json_array_elements_text(CAST($1 AS json)) AS "
                           "json_set(value)");
    return std::regex_replace(
        s, texts, "SELECT value FROM json_array_elements_text(CAST($1 AS json)) AS json_set(value)");
}
}  // namespace

translated translate(std::string_view sqlite_sql) {
    auto const portable = portable_sets(sqlite_sql);
    std::string_view const in = portable;
    translated out;
    out.sql.reserve(in.size() + 16);
    auto number = [&](std::string name) {
        if (!name.empty())
            for (std::size_t i = 0; i < out.names.size(); ++i)
                if (out.names[i] == name) return static_cast<int>(i + 1);
        out.names.push_back(std::move(name));
        return ++out.parameters;
    };
    for (std::size_t i = 0; i < in.size();) {
        char const c = in[i];
        if (c == '\'' || c == '"') {  // a literal or a quoted name: copied as it is
            std::size_t j = i + 1;
            while (j < in.size() && !(in[j] == c && (j + 1 >= in.size() || in[j + 1] != c)))
                j += (in[j] == c) ? 2 : 1;
            out.sql.append(in.substr(i, j + 1 - i));
            i = j + 1;
        } else if (c == '-' && i + 1 < in.size() && in[i + 1] == '-') {  // a comment
            auto const end = in.find('\n', i);
            i = end == std::string_view::npos ? in.size() : end;
        } else if (c == '?') {
            std::size_t j = i + 1;
            while (j < in.size() && std::isdigit(static_cast<unsigned char>(in[j])))
                ++j;
            int n = 0;
            if (j > i + 1) {
                std::from_chars(in.data() + i + 1, in.data() + j, n);
                while (out.parameters < n)
                    out.names.emplace_back(), ++out.parameters;
            } else {
                n = number("");
            }
            out.sql += '$' + std::to_string(n);
            i = j;
        } else if (c == ':' && i + 1 < in.size() && in[i + 1] == ':') {  // a PostgreSQL cast
            out.sql += "::";
            i += 2;
        } else if ((c == ':' || c == '@' || c == '$') && i + 1 < in.size() &&
                   (std::isalpha(static_cast<unsigned char>(in[i + 1])) || in[i + 1] == '_')) {
            std::size_t j = i + 1;
            while (j < in.size() && ident_char(in[j]))
                ++j;
            out.sql += '$' + std::to_string(number(std::string(in.substr(i, j - i))));
            i = j;
        } else {
            out.sql += c;
            ++i;
        }
    }
    return out;
}

statement_state::statement_state(connection& c, std::string const& sql) : conn(c), text(translate(sql)) {
    auto const n = static_cast<std::size_t>(text.parameters);
    values.resize(n);
    nulls.assign(n, 1);
    types.assign(n, 0);
}

statement_state::~statement_state() {
    clear();
}

void statement_state::clear() noexcept {
    if (result) PQclear(result);
    result = nullptr;
    row = -1;
    rows = 0;
}

void statement_state::run() {
    clear();
    std::vector<char const*> ptrs(values.size());
    for (std::size_t i = 0; i < values.size(); ++i)
        ptrs[i] = nulls[i] ? nullptr : values[i].c_str();
    // Prepared once per session and parameter types, so that the server parses and plans a statement
    // once rather than at every execution.
    auto const& name = conn.prepared(text.sql, types);
    PGresult* r = name.empty() ? PQexecParams(conn.handle(), text.sql.c_str(), text.parameters, types.data(),
                                              ptrs.data(), nullptr, nullptr, 0)
                               : PQexecPrepared(conn.handle(), name.c_str(), text.parameters, ptrs.data(),
                                                nullptr, nullptr, 0);
    check(r, conn.handle(), text.sql);
    result = r;
    rows = PQntuples(r);
}

namespace {
void set(statement_state& st, int index, std::string value, unsigned int type, char null) {
    if (index < 1 || index > st.text.parameters)
        throw error("parameter " + std::to_string(index) + " is out of range (the statement has " +
                        std::to_string(st.text.parameters) + ")",
                    error::kind::other);
    auto const i = static_cast<std::size_t>(index - 1);
    st.values[i] = std::move(value);
    st.types[i] = type;
    st.nulls[i] = null;
}
}  // namespace

void bind_int64(statement_state& st, int index, std::int64_t value) {
    set(st, index, std::to_string(value), int8_oid, 0);
}
void bind_double(statement_state& st, int index, double value) {
    char buf[32];
    auto const r = std::to_chars(buf, buf + sizeof buf, value);
    set(st, index, std::string(buf, r.ptr), float8_oid, 0);
}
void bind_text(statement_state& st, int index, std::string_view value) {
    set(st, index, std::string(value), 0, 0);
}
void bind_null(statement_state& st, int index) {
    set(st, index, std::string(), 0, 1);
}
int index_of(statement_state const& st, char const* name) {
    for (std::size_t i = 0; i < st.text.names.size(); ++i)
        if (st.text.names[i] == name) return static_cast<int>(i + 1);
    throw error(std::string("the statement has no parameter ") + name, error::kind::other);
}
bool step(statement_state& st) {
    if (!st.result) st.run();
    if (st.row + 1 >= st.rows) {
        st.row = st.rows;
        return false;
    }
    ++st.row;
    return true;
}
int exec(statement_state& st) {
    st.run();
    char const* n = PQcmdTuples(st.result);
    int changed = 0;
    if (n && *n) std::from_chars(n, n + std::strlen(n), changed);
    return changed;
}
void reset(statement_state& st) {
    st.clear();
}
void clear_bindings(statement_state& st) {
    std::fill(st.nulls.begin(), st.nulls.end(), 1);
    std::fill(st.types.begin(), st.types.end(), 0u);
}

namespace {
void check_row(statement_state const& st, int index) {
    if (!st.result || st.row < 0 || st.row >= st.rows)
        throw error("no row to read a column from", error::kind::other);
    if (index < 0 || index >= PQnfields(st.result))
        throw error("column " + std::to_string(index) + " is out of range", error::kind::other);
}
}  // namespace

bool is_null(statement_state const& st, int index) {
    check_row(st, index);
    return PQgetisnull(st.result, st.row, index) == 1;
}
bool is_integer(statement_state const& st, int index) {
    check_row(st, index);
    if (PQgetisnull(st.result, st.row, index)) return false;
    auto const t = PQftype(st.result, index);
    return t == int8_oid || t == 21 || t == 23 || t == bool_oid;  // int8, int2, int4, bool
}
bool is_float(statement_state const& st, int index) {
    check_row(st, index);
    if (PQgetisnull(st.result, st.row, index)) return false;
    auto const t = PQftype(st.result, index);
    return t == float8_oid || t == 700 || t == 1700;  // float8, float4, numeric
}
char const* text(statement_state const& st, int index) {
    check_row(st, index);
    return PQgetvalue(st.result, st.row, index);
}
int size_bytes(statement_state const& st, int index) {
    check_row(st, index);
    return PQgetlength(st.result, st.row, index);
}
std::int64_t as_int64(statement_state const& st, int index) {
    check_row(st, index);
    if (PQgetisnull(st.result, st.row, index)) return 0;
    char const* v = PQgetvalue(st.result, st.row, index);
    if (PQftype(st.result, index) == bool_oid) return *v == 't' ? 1 : 0;
    std::int64_t out = 0;
    auto const len = static_cast<std::size_t>(PQgetlength(st.result, st.row, index));
    auto const r = std::from_chars(v, v + len, out);
    if (r.ec != std::errc{}) {
        // A numeric (sum(), avg()) with a fraction: SQLite would give its integer part too.
        return static_cast<std::int64_t>(std::strtod(v, nullptr));
    }
    return out;
}
double as_double(statement_state const& st, int index) {
    check_row(st, index);
    if (PQgetisnull(st.result, st.row, index)) return 0;
    return std::strtod(PQgetvalue(st.result, st.row, index), nullptr);
}

}  // namespace dangyuan::storage::sql::pg
