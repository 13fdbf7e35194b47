// The seam's SQLite side and what both sides share. The PostgreSQL side is in postgres.cpp (or
// postgres_unavailable.cpp in a build without libpq).

#include "database.hpp"

#include "postgres.hpp"

namespace dangyuan::storage::sql {

error error::from(SQLite::Exception const& e) {
    int const code = e.getErrorCode() & 0xff;
    int const ext = e.getExtendedErrorCode();
    kind k = kind::other;
    if (ext == SQLITE_CONSTRAINT_UNIQUE || ext == SQLITE_CONSTRAINT_PRIMARYKEY)
        k = kind::unique;
    else if (code == SQLITE_CONSTRAINT)
        k = kind::constraint;
    else if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
        k = kind::busy;
    return error(e.what(), k, e.getErrorCode());
}

// Locations are told apart and shown the same way in a build with or without libpq.
bool pg::is_url(std::string_view text) noexcept {
    return text.starts_with("postgresql://") || text.starts_with("postgres://");
}

std::string pg::without_password(std::string const& url) {
    auto const scheme = url.find("://");
    auto const at = url.find('@');
    if (scheme == std::string::npos || at == std::string::npos || at < scheme) return url;
    auto const colon = url.find(':', scheme + 3);
    if (colon == std::string::npos || colon > at) return url;
    return url.substr(0, colon) + ":***" + url.substr(at);
}

database::database(SQLite::Database db) : lite_(std::move(db)) {}
database::database(std::unique_ptr<pg::connection> c) : pg_(std::move(c)) {}
database::database(database&&) noexcept = default;
database& database::operator=(database&&) noexcept = default;
database::~database() = default;

void database::exec(std::string const& sql) {
    if (!lite_) return pg_->exec(sql);
    DANGYUAN_SQLITE_CALL(lite_->exec(sql));
}

std::int64_t database::exec_int64(std::string const& sql) {
    statement st(*this, sql);
    return st.step() ? st.column(0).as_int64() : 0;
}

std::int64_t database::last_insert_id() {
    if (lite_) return lite_->getLastInsertRowid();
    // lastval(): the value the session's last nextval() gave, that is the key of its last INSERT into a
    // table with an identity column (the repositories ask right after the INSERT).
    return exec_int64("SELECT lastval()");
}

bool database::in_transaction() const {
    if (lite_) return sqlite3_get_autocommit(lite_->getHandle()) == 0;
    return pg_->in_transaction();
}

void database::commit() {
    if (pg_ && pg_->failed_transaction()) {
        pg_->exec("ROLLBACK");
        throw error("the transaction was rolled back: one of its statements failed", error::kind::other);
    }
    exec("COMMIT");
}

bool database::read_only() const {
    if (lite_) return sqlite3_db_readonly(lite_->getHandle(), "main") == 1;
    return pg_->read_only;
}

database open_sqlite(std::string const& path, int flags, int busy_timeout_ms) {
    try {
        // A connection of this library is used by one thread at a time (store.hpp), so SQLite's mutex
        // around every call, column reads included, would only cost time (a tenth of a roster scan).
        if ((flags & SQLITE_OPEN_FULLMUTEX) == 0) flags |= SQLITE_OPEN_NOMUTEX;
        return database(SQLite::Database(path, flags, busy_timeout_ms));
    } catch (SQLite::Exception const& e) {
        throw error::from(e);
    }
}

void begin_write(database& db) {
    if (db.is_sqlite())
        db.exec("BEGIN IMMEDIATE");
    else
        pg::begin_write(db.postgres());
}

write_transaction::write_transaction(database& db) : db_(db) {
    begin_write(db);
}

write_transaction::~write_transaction() {
    if (!open_) return;
    try {
        db_.exec("ROLLBACK");
    } catch (...) {
        // The transaction is gone already (SQLite rolls back by itself after some errors); the error
        // that ended the command is the one reported.
    }
}

void write_transaction::commit() {
    db_.commit();
    open_ = false;
}

statement::statement(database& db, std::string const& sql) {
    if (db.is_sqlite())
        DANGYUAN_SQLITE_CALL(lite_.emplace(db.sqlite(), sql));
    else
        pg_ = std::make_unique<pg::statement_state>(db.postgres(), sql);
}
statement::statement(statement&&) noexcept = default;
statement::~statement() = default;

}  // namespace dangyuan::storage::sql
