#pragma once
// Internal to src/storage: the PostgreSQL side of the seam (database.hpp), through libpq.
//
// libpq rather than a C++ wrapper: the seam needs typed parameters per execution, COPY and the
// transaction status, which libpq gives directly; everything above the seam stays backend-neutral.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "database.hpp"

struct pg_conn;
struct pg_result;

namespace dangyuan::storage::sql::pg {

/// True when the library was built with the PostgreSQL backend.
bool available() noexcept;

/// True for a connection string that names a PostgreSQL server rather than a file:
/// `postgresql://…` or `postgres://…`.
bool is_url(std::string_view text) noexcept;

/// `url` without its password (for messages).
std::string without_password(std::string const& url);

/// One session with the server.
class connection {
public:
    /// Connects. \throws error naming the server's message when it cannot.
    explicit connection(std::string const& url);
    ~connection();
    connection(connection const&) = delete;
    connection& operator=(connection const&) = delete;

    pg_conn* handle() const noexcept { return conn_; }
    /// Runs statements without parameters. \throws error
    void exec(std::string const& sql);
    bool in_transaction() const;
    /// True when a statement of the open transaction failed: the server refuses everything but ROLLBACK.
    bool failed_transaction() const;
    /// The connection string it was opened with, without its password.
    std::string const& url() const noexcept { return url_; }
    /// How long a writer waits for the store's write lock before giving up (milliseconds; 0: forever).
    int lock_timeout_ms = 0;
    /// Opened for reading only: every transaction of the session is read-only.
    bool read_only = false;
    /// The session's role is confined by the store's row-level security (a mapped server role,
    /// row_security.hpp): the server refuses COPY FROM, and the audit trail's last link is read through
    /// dangyuan_audit_head().
    bool row_security = false;

    /// The name of the server-side prepared statement for `sql` with parameters of `types` (OIDs),
    /// preparing it on first use; empty when the session already holds max_prepared statements (the
    /// statement then runs unprepared). \throws error when the server refuses the statement.
    std::string const& prepared(std::string const& sql, std::vector<unsigned int> const& types);
    /// The most statements a session keeps prepared: the store's statements are a fixed set of a few
    /// hundred; a statement built with values in its text would otherwise grow the set without bound.
    static constexpr std::size_t max_prepared = 1024;

private:
    pg_conn* conn_ = nullptr;
    std::string url_;
    std::unordered_map<std::string, std::string> prepared_;  // SQL and parameter types → name
};

/// Begins a write transaction: BEGIN, then the store's advisory write lock.
void begin_write(connection& c);

/// COPY table(columns) FROM STDIN in text format, a row at a time; rows are sent in batches.
class copy_in {
public:
    /// \throws error when the server refuses the COPY (an unknown table or column).
    copy_in(connection& c, std::string const& table, std::string const& columns);
    /// Ends an unfinished COPY with an error, so that its transaction fails rather than half-copies.
    ~copy_in();
    copy_in(copy_in const&) = delete;
    copy_in& operator=(copy_in const&) = delete;
    void field(std::string_view text);
    void null_field();
    void end_row();
    /// Sends what is left and checks the server's verdict. \throws error
    void finish();

private:
    void separate();
    void flush();
    connection& conn_;
    std::string buffer_;
    bool row_start_ = true;
    bool done_ = false;
};

/// COPY (query) TO STDOUT in text format, read a row at a time: the whole result streams from the server
/// without being held as one result, and each row's fields are read in place (unescaped in the row's
/// own buffer). `query` takes no parameters: literals only.
class copy_out {
public:
    /// \throws error when the server refuses the query.
    copy_out(connection& c, std::string const& query);
    /// Reads and drops what the server still sends of an unfinished COPY, so that the session can go on.
    ~copy_out();
    copy_out(copy_out const&) = delete;
    copy_out& operator=(copy_out const&) = delete;
    /// Moves to the next row; false after the last one (the server's verdict is checked then).
    /// \throws error when the server reports a failure.
    bool next();
    /// The number of fields of the current row.
    std::size_t size() const noexcept { return fields_.size(); }
    /// True when field `i` (from 0) of the current row is NULL.
    bool is_null(std::size_t i) const noexcept { return nulls_[i] != 0; }
    /// Field `i` of the current row, unescaped; empty for NULL. Valid until next().
    std::string_view field(std::size_t i) const noexcept { return fields_[i]; }

private:
    void release() noexcept;
    connection& conn_;
    char* line_ = nullptr;
    std::vector<std::string_view> fields_;
    std::vector<char> nulls_;
    bool done_ = false;
};

/// The SQLite text of a statement as PostgreSQL reads it: `?` and `:name` become `$n` (a name used twice
/// is one parameter), and the few SQLite spellings the repositories use become PostgreSQL's.
struct translated {
    std::string sql;
    int parameters = 0;
    std::vector<std::string> names;  ///< names[i]: the name of parameter i + 1 (empty for `?`)
};
translated translate(std::string_view sqlite_sql);

/// A statement's parameters and its result.
class statement_state {
public:
    statement_state(connection& c, std::string const& sql);
    ~statement_state();
    statement_state(statement_state const&) = delete;
    statement_state& operator=(statement_state const&) = delete;

    connection& conn;
    translated text;
    std::vector<std::string> values;
    std::vector<char> nulls;          ///< 1: the parameter is NULL (or was never bound)
    std::vector<unsigned int> types;  ///< OIDs; 0 lets the server infer the type from the SQL
    pg_result* result = nullptr;
    int row = -1;
    int rows = 0;

    void run();
    void clear() noexcept;
};

}  // namespace dangyuan::storage::sql::pg
