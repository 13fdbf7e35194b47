#pragma once
// Internal to src/storage: the one seam between the repositories and the database they run on — an
// SQLite file (the embedded default) or a PostgreSQL server. The repositories prepare statements, bind
// values, step through rows and read columns through these three classes and nothing else; what differs
// between the two (placeholders, transactions, the last inserted id, error codes) is decided here and in
// postgres.cpp. Nothing here is installed.
//
// The SQLite path forwards to SQLiteCpp inline: a bulk insert binds millions of values, so it costs
// one well-predicted branch over the raw calls.

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace dangyuan::storage::sql {

/// The database a connection talks to.
enum class dialect { sqlite, postgresql };

/// A failure reported by the database (not by a rule), classified so that callers need not know which
/// database reported it.
class error : public std::runtime_error {
public:
    enum class kind {
        other,
        unique,      ///< a UNIQUE or PRIMARY KEY constraint (SQLite 2067/1555, SQLSTATE 23505)
        constraint,  ///< another constraint: CHECK, NOT NULL, FOREIGN KEY, a trigger's refusal
        busy,        ///< locked past the timeout, or a serialisation failure
    };
    error(std::string const& what, kind k, int sqlite_code = -1, std::string sqlstate = {})
        : std::runtime_error(what), kind_(k), sqlite_code_(sqlite_code), sqlstate_(std::move(sqlstate)) {}
    /// The same failure as SQLiteCpp reported it.
    static error from(SQLite::Exception const& e);

    kind what_kind() const noexcept { return kind_; }
    bool unique_violation() const noexcept { return kind_ == kind::unique; }
    /// SQLite's primary result code (SQLITE_BUSY …); -1 for PostgreSQL.
    int sqlite_code() const noexcept { return sqlite_code_; }
    /// PostgreSQL's SQLSTATE ("23505" …); empty for SQLite.
    std::string const& sqlstate() const noexcept { return sqlstate_; }

private:
    kind kind_;
    int sqlite_code_;
    std::string sqlstate_;
};

namespace pg {
class connection;       // postgres.hpp
class statement_state;  // postgres.hpp
}  // namespace pg

/// One connection: an SQLite database handle or a PostgreSQL session.
class database {
public:
    /// Takes over an open SQLite connection.
    explicit database(SQLite::Database db);
    /// Takes over an open PostgreSQL session.
    explicit database(std::unique_ptr<pg::connection> c);
    database(database&&) noexcept;
    database& operator=(database&&) noexcept;
    ~database();

    sql::dialect dialect() const noexcept { return lite_ ? dialect::sqlite : dialect::postgresql; }
    bool is_sqlite() const noexcept { return lite_.has_value(); }

    /// Runs one or more statements without parameters or results.
    /// \throws error
    void exec(std::string const& sql);
    /// Runs a statement without parameters and returns its first column of its first row as an integer
    /// (0 when it returns no row).
    std::int64_t exec_int64(std::string const& sql);
    /// The id the last INSERT into a table with an integer key gave its row, on this connection.
    std::int64_t last_insert_id();
    /// True while a transaction is open on the connection.
    bool in_transaction() const;
    /// Commits the open transaction.
    /// \throws error when it cannot: on PostgreSQL also when a statement of it failed (the server would
    ///         answer COMMIT with a silent ROLLBACK); the transaction is rolled back then.
    void commit();
    /// True when the connection may not write (an SQLite file opened read-only).
    bool read_only() const;

    /// The SQLite connection. Pre-condition: is_sqlite().
    SQLite::Database& sqlite() noexcept { return *lite_; }
    sqlite3* sqlite_handle() const noexcept { return lite_->getHandle(); }
    /// The PostgreSQL session. Pre-condition: !is_sqlite().
    pg::connection& postgres() noexcept { return *pg_; }

private:
    std::optional<SQLite::Database> lite_;
    std::unique_ptr<pg::connection> pg_;
};

/// Opens an SQLite file (SQLite::OPEN_* flags; busy timeout in milliseconds).
/// \throws error when it cannot be opened.
database open_sqlite(std::string const& path, int flags, int busy_timeout_ms);

/// Opens a write transaction on `db` (see write_transaction); the caller commits or rolls it back.
void begin_write(database& db);

/// A write transaction for its lifetime: rolled back unless commit() was called.
/// SQLite: BEGIN IMMEDIATE, which takes the write lock at once (a deferred transaction that read first
/// and then wanted to write could fail with SQLITE_BUSY instead of waiting). PostgreSQL: the store's
/// writers queue on one transaction-level advisory lock, so that a command sees and changes the store as
/// a whole, exactly as on SQLite; readers are never blocked.
class write_transaction {
public:
    /// \throws error when the lock is not had within the connection's timeout.
    explicit write_transaction(database& db);
    ~write_transaction();
    write_transaction(write_transaction const&) = delete;
    write_transaction& operator=(write_transaction const&) = delete;
    void commit();

private:
    database& db_;
    bool open_ = true;
};

class statement;

/// One column of the current row of a statement; valid until the statement steps or ends.
class column_value {
public:
    column_value(statement& st, int index) noexcept : st_(st), index_(index) {}
    bool is_null() const;
    /// The value's type: an integer, a floating-point number (otherwise text, a blob or NULL).
    bool is_integer() const;
    bool is_float() const;
    std::int64_t as_int64() const;
    int as_int() const { return static_cast<int>(as_int64()); }
    double as_double() const;
    std::string as_string() const;
    /// The text, NUL-terminated, owned by the statement; "" for NULL.
    char const* text() const;
    /// The length of text() in bytes.
    int size_bytes() const;

private:
    statement& st_;
    int index_;
};

namespace pg {
// The PostgreSQL path of a statement (postgres.cpp). Values travel as text; see bind_* there.
void bind_int64(statement_state& st, int index, std::int64_t value);
void bind_double(statement_state& st, int index, double value);
void bind_text(statement_state& st, int index, std::string_view value);
void bind_null(statement_state& st, int index);
int index_of(statement_state const& st, char const* name);
bool step(statement_state& st);
int exec(statement_state& st);
void reset(statement_state& st);
void clear_bindings(statement_state& st);
bool is_null(statement_state const& st, int index);
bool is_integer(statement_state const& st, int index);
bool is_float(statement_state const& st, int index);
char const* text(statement_state const& st, int index);
int size_bytes(statement_state const& st, int index);
std::int64_t as_int64(statement_state const& st, int index);
double as_double(statement_state const& st, int index);
}  // namespace pg

/// A prepared statement: `?` or `:name` parameters (numbered from 1), rows read with step(), columns
/// numbered from 0.
class statement {
public:
    /// \throws error when the SQL does not prepare (a syntax error, an unknown table).
    statement(database& db, std::string const& sql);
    statement(database& db, char const* sql) : statement(db, std::string(sql)) {}
    statement(statement&&) noexcept;
    ~statement();
    statement(statement const&) = delete;
    statement& operator=(statement const&) = delete;
    statement& operator=(statement&&) = delete;

    void bind(int index, std::int64_t value);
    void bind(int index, int value) { bind(index, std::int64_t{value}); }
    void bind(int index, unsigned value) { bind(index, std::int64_t{value}); }
    void bind(int index, long long value) { bind(index, static_cast<std::int64_t>(value)); }
    void bind(int index, unsigned long value) { bind(index, static_cast<std::int64_t>(value)); }
    void bind(int index, double value);
    void bind(int index, std::string const& value);
    void bind(int index, char const* value);
    void bind(int index, std::string_view value);
    /// Binds NULL.
    void bind(int index);
    /// Binds text that stays alive and unchanged until the statement is reset (no copy on SQLite).
    void bind_no_copy(int index, std::string const& value);
    void bind_no_copy(int index, char const* value);
    template <class... T>
    void bind(char const* name, T&&... value) {
        bind(index_of(name), std::forward<T>(value)...);
    }
    template <class... T>
    void bind(std::string const& name, T&&... value) {
        bind(index_of(name.c_str()), std::forward<T>(value)...);
    }
    template <class... T>
    void bind_no_copy(char const* name, T&&... value) {
        bind_no_copy(index_of(name), std::forward<T>(value)...);
    }
    /// The number of the parameter `:name`. \throws error when the SQL has no such parameter.
    int index_of(char const* name) const;

    /// Runs the statement (on the first call) and moves to the next row; false when there is none.
    bool step();
    /// Runs a statement that returns no row; returns the number of rows it changed.
    int exec();
    /// Makes the statement ready to run again; the bound values stay.
    void reset();
    void clear_bindings();
    /// Column `index` (from 0) of the current row.
    column_value column(int index) noexcept { return column_value(*this, index); }
    /// The SQLite statement. Pre-condition: the connection is SQLite.
    SQLite::Statement& sqlite() noexcept { return *lite_; }
    bool is_sqlite() const noexcept { return lite_.has_value(); }

private:
    friend class column_value;
    std::optional<SQLite::Statement> lite_;
    std::unique_ptr<pg::statement_state> pg_;
};

// ---- the SQLite path, inline ----

// Runs an SQLiteCpp call, reporting its failure as sql::error.
#define DANGYUAN_SQLITE_CALL(...)                                           \
    do {                                                                    \
        try {                                                               \
            __VA_ARGS__;                                                    \
        } catch (SQLite::Exception const& dangyuan_sqlite_e) {              \
            throw ::dangyuan::storage::sql::error::from(dangyuan_sqlite_e); \
        }                                                                   \
    } while (false)

inline void statement::bind(int index, std::int64_t value) {
    if (lite_)
        DANGYUAN_SQLITE_CALL(lite_->bind(index, static_cast<int64_t>(value)));
    else
        pg::bind_int64(*pg_, index, value);
}
inline void statement::bind(int index, double value) {
    if (lite_)
        DANGYUAN_SQLITE_CALL(lite_->bind(index, value));
    else
        pg::bind_double(*pg_, index, value);
}
inline void statement::bind(int index, std::string const& value) {
    if (lite_)
        DANGYUAN_SQLITE_CALL(lite_->bind(index, value));
    else
        pg::bind_text(*pg_, index, value);
}
inline void statement::bind(int index, std::string_view value) {
    if (lite_)
        DANGYUAN_SQLITE_CALL(lite_->bind(index, std::string(value)));
    else
        pg::bind_text(*pg_, index, value);
}
inline void statement::bind(int index, char const* value) {
    if (lite_)
        DANGYUAN_SQLITE_CALL(lite_->bind(index, value));
    else
        pg::bind_text(*pg_, index, value);
}
inline void statement::bind(int index) {
    if (lite_)
        DANGYUAN_SQLITE_CALL(lite_->bind(index));
    else
        pg::bind_null(*pg_, index);
}
inline void statement::bind_no_copy(int index, std::string const& value) {
    if (lite_)
        DANGYUAN_SQLITE_CALL(lite_->bindNoCopy(index, value));
    else
        pg::bind_text(*pg_, index, value);
}
inline void statement::bind_no_copy(int index, char const* value) {
    if (lite_)
        DANGYUAN_SQLITE_CALL(lite_->bindNoCopy(index, value));
    else
        pg::bind_text(*pg_, index, value);
}
inline int statement::index_of(char const* name) const {
    if (!lite_) return pg::index_of(*pg_, name);
    int const i = lite_->getIndex(name);
    if (i == 0) throw error(std::string("the statement has no parameter ") + name, error::kind::other);
    return i;
}
inline bool statement::step() {
    if (!lite_) return pg::step(*pg_);
    DANGYUAN_SQLITE_CALL(return lite_->executeStep());
}
inline int statement::exec() {
    if (!lite_) return pg::exec(*pg_);
    DANGYUAN_SQLITE_CALL(return lite_->exec());
}
inline void statement::reset() {
    if (lite_)
        DANGYUAN_SQLITE_CALL(lite_->reset());
    else
        pg::reset(*pg_);
}
inline void statement::clear_bindings() {
    if (lite_)
        DANGYUAN_SQLITE_CALL(lite_->clearBindings());
    else
        pg::clear_bindings(*pg_);
}

inline bool column_value::is_null() const {
    if (st_.lite_) DANGYUAN_SQLITE_CALL(return st_.lite_->getColumn(index_).isNull());
    return pg::is_null(*st_.pg_, index_);
}
inline bool column_value::is_integer() const {
    if (st_.lite_) DANGYUAN_SQLITE_CALL(return st_.lite_->getColumn(index_).isInteger());
    return pg::is_integer(*st_.pg_, index_);
}
inline bool column_value::is_float() const {
    if (st_.lite_) DANGYUAN_SQLITE_CALL(return st_.lite_->getColumn(index_).isFloat());
    return pg::is_float(*st_.pg_, index_);
}
inline std::int64_t column_value::as_int64() const {
    if (st_.lite_) DANGYUAN_SQLITE_CALL(return st_.lite_->getColumn(index_).getInt64());
    return pg::as_int64(*st_.pg_, index_);
}
inline double column_value::as_double() const {
    if (st_.lite_) DANGYUAN_SQLITE_CALL(return st_.lite_->getColumn(index_).getDouble());
    return pg::as_double(*st_.pg_, index_);
}
inline std::string column_value::as_string() const {
    if (st_.lite_) DANGYUAN_SQLITE_CALL(return st_.lite_->getColumn(index_).getString());
    return std::string(pg::text(*st_.pg_, index_),
                       static_cast<std::size_t>(pg::size_bytes(*st_.pg_, index_)));
}
inline char const* column_value::text() const {
    if (st_.lite_) DANGYUAN_SQLITE_CALL(return st_.lite_->getColumn(index_).getText());
    return pg::text(*st_.pg_, index_);
}
inline int column_value::size_bytes() const {
    if (st_.lite_) DANGYUAN_SQLITE_CALL(return st_.lite_->getColumn(index_).getBytes());
    return pg::size_bytes(*st_.pg_, index_);
}

}  // namespace dangyuan::storage::sql
