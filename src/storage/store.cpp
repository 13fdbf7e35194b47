// Opening, closing and the shared helpers of the SQLite store.

#include <sqlite3.h>

#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>

#include "access.hpp"
#include "impl.hpp"
#include "row_security.hpp"
#include "rows.hpp"
#include "schema_postgres.hpp"
#include "sql/postgres.hpp"

namespace dangyuan {
namespace storage {

void iso_into(date::sys_days d, iso_date_buffer& out) {
    auto const ymd = date::year_month_day{d};
    int const y = static_cast<int>(ymd.year());
    unsigned const m = static_cast<unsigned>(ymd.month()), dd = static_cast<unsigned>(ymd.day());
    if (y < 0 || y > 9999)
        throw invalid_input("date", std::to_string(y) + "-" + std::to_string(m) + "-" + std::to_string(dd) +
                                        " has a year outside 0000-9999, which ISO dates cannot store");
    // Digit by digit: snprintf was a fifth of the cost of binding a member in bulk inserts.
    auto const u = static_cast<unsigned>(y);
    out = {static_cast<char>('0' + u / 1000),
           static_cast<char>('0' + u / 100 % 10),
           static_cast<char>('0' + u / 10 % 10),
           static_cast<char>('0' + u % 10),
           '-',
           static_cast<char>('0' + m / 10),
           static_cast<char>('0' + m % 10),
           '-',
           static_cast<char>('0' + dd / 10),
           static_cast<char>('0' + dd % 10),
           '\0'};
}

std::string format_iso(date::sys_days d) {
    iso_date_buffer buf;
    iso_into(d, buf);
    return buf.data();
}

date::sys_days parse_iso(std::string_view t, char const* column) {
    auto digits = [&](std::size_t from, std::size_t n) {
        int v = 0;
        for (std::size_t i = from; i < from + n; ++i) {
            if (t[i] < '0' || t[i] > '9') return -1;
            v = v * 10 + (t[i] - '0');
        }
        return v;
    };
    if (t.size() == 10 && t[4] == '-' && t[7] == '-') {
        int const y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
        if (y >= 0 && m > 0 && d > 0) {
            auto const ymd = date::year{y} / static_cast<unsigned>(m) / static_cast<unsigned>(d);
            if (ymd.ok()) return date::sys_days{ymd};
        }
    }
    throw storage_error("column " + std::string(column) + " holds '" + std::string(t) +
                        "', not a YYYY-MM-DD date");
}

std::optional<date::sys_days> column_date(sql::statement& st, int col, char const* name) {
    auto c = st.column(col);
    if (c.is_null()) return std::nullopt;
    auto const* text = c.text();
    return parse_iso(std::string_view(text, static_cast<std::size_t>(c.size_bytes())), name);
}

void bind_date(sql::statement& st, int index, std::optional<date::sys_days> d) {
    if (d)
        st.bind(index, format_iso(*d));
    else
        st.bind(index);
}

void rethrow_sqlite(sql::error const& e, std::string_view doing) {
    if (e.unique_violation())
        throw conflict(std::string("a record with the same key already exists (") + e.what() + ")");
    if (e.what_kind() == sql::error::kind::constraint)
        throw storage_error(std::string("constraint failed while ") + std::string(doing) + ": " + e.what());
    throw storage_error(std::string("database error while ") + std::string(doing) + ": " + e.what());
}

// Switching a file to WAL takes an exclusive lock that SQLite asks for once, without calling the busy
// handler: when another process opening the same new file holds a shared lock at that instant, the
// switch fails with "database is locked" although nothing is wrong. WAL is a property of the file, so
// the switch is retried until it succeeds (or finds the file already in WAL mode) or the busy timeout ends.
void use_wal(sql::database& db, std::chrono::milliseconds busy_timeout) {
    auto const deadline = std::chrono::steady_clock::now() + busy_timeout;
    for (;;) {
        try {
            db.exec("PRAGMA journal_mode = WAL");
            return;
        } catch (sql::error const& e) {
            int const code = e.sqlite_code() & 0xff;
            if ((code != SQLITE_BUSY && code != SQLITE_LOCKED) ||
                std::chrono::steady_clock::now() >= deadline)
                throw;
        }
        sqlite3_sleep(10);
    }
}

}  // namespace storage

namespace {

namespace fs = std::filesystem;

int timeout_ms(std::chrono::milliseconds t) {
    return static_cast<int>(std::clamp<std::chrono::milliseconds::rep>(t.count(), 0, 24 * 3600 * 1000));
}

bool directory_writable(fs::path const& file) {
    auto dir = file.parent_path();
    if (dir.empty()) dir = ".";
    return ::access(dir.c_str(), W_OK) == 0;
}

// A path as an SQLite URI (file:...), its reserved characters percent-encoded.
std::string file_uri(fs::path const& path) {
    std::string out = "file:";
    for (unsigned char c : path.string()) {
        if (c == '?' || c == '#' || c == '%' || c < 0x20) {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", c);
            out += buf;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

// The connection, with the busy timeout set before any statement touches the file.
sql::database open_database(fs::path const& path, store_options const& o) {
    int const timeout = timeout_ms(o.busy_timeout);
    if (storage::sql::pg::is_url(path.string())) {
        auto c = std::make_unique<storage::sql::pg::connection>(path.string());
        c->lock_timeout_ms = timeout;
        if (o.read_only) {
            c->exec("SET default_transaction_read_only = on");
            c->read_only = true;
        }
        return sql::database(std::move(c));
    }
    if (!o.read_only)
        return sql::open_sqlite(path.string(), SQLite::OPEN_READWRITE | (o.create ? SQLite::OPEN_CREATE : 0),
                                timeout);
    if (path == ":memory:") throw storage_error("an in-memory store cannot be opened read-only");
    std::error_code ec;
    auto const st = fs::status(path, ec);
    if (!fs::exists(st))
        throw storage_error("cannot open store '" + path.string() + "' for reading: there is no such file");
    if (fs::is_directory(st))
        throw storage_error("cannot open store '" + path.string() + "' for reading: it is a directory");
    if (fs::file_size(path, ec) == 0 && !ec)
        throw storage_error("cannot open store '" + path.string() +
                            "' for reading: the file is empty (0 bytes), not a store");
    // A reader of a WAL store needs the -shm file beside it, which SQLite creates when missing. In a
    // directory this process cannot write to (read-only media, a colleague's folder), nobody can be
    // writing the store either (a writer needs its -wal file there), so it is read as immutable:
    // without locks or shared memory. When a -wal file is there, its pages must be read: open normally.
    if (!directory_writable(path) && !fs::exists(path.string() + "-wal"))
        return sql::open_sqlite(file_uri(path) + "?immutable=1", SQLite::OPEN_READONLY | SQLite::OPEN_URI,
                                timeout);
    return sql::open_sqlite(path.string(), SQLite::OPEN_READONLY, timeout);
}

// Copies every page of `from` into `to` with SQLite's online backup (one step: one read transaction on
// the source, so the copy is consistent; in WAL mode writers go on meanwhile).
void copy_database(sqlite3* from, sqlite3* to, std::string_view doing) {
    sqlite3_backup* b = sqlite3_backup_init(to, "main", from, "main");
    if (b == nullptr) throw storage_error(std::string(doing) + ": " + sqlite3_errmsg(to));
    int rc = SQLITE_OK;
    for (int tries = 0; tries < 1000; ++tries) {
        rc = sqlite3_backup_step(b, -1);
        if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED) break;
        sqlite3_sleep(10);
    }
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE) throw storage_error(std::string(doing) + ": " + sqlite3_errstr(rc));
}

}  // namespace

date::sys_days china_today() {
    using namespace std::chrono;
    return floor<days>(system_clock::now() + hours{8});
}

store::impl::impl(std::filesystem::path const& path, store_options o)
    : db(open_database(path, o)), options(std::move(o)) {
    if (!db.is_sqlite()) server_url = path.string();
    if (!options.today) options.today = china_today;
    // A handle without a principal acts for the organisation department over the whole store and is
    // never checked; with one, every call is (storage/access.cpp).
    who = options.principal ? *options.principal : principal::full_access(options.actor);
    if (who.actor.empty()) who.actor = options.actor;
    restricted = options.principal && (who.org || who.role.permissions != permission_set::all());
    audit_actor = options.principal ? who.actor + " (" + who.label() + ")" : who.actor;
    if (options.read_only) {
        storage::check_readable(db);
        // A second guard: the database itself refuses any write.
        if (db.is_sqlite()) db.exec("PRAGMA query_only = ON");
        take_server_principal();
        check_principal();
        return;
    }
    if (!db.is_sqlite() && !options.create) {
        // As a missing file is not created, an empty database (schema) gets no store.
        bool empty = false;
        (void)storage::in_read("reading the schema version",
                               [&] { return storage::postgres_schema_version(db, empty); });
        if (empty)
            throw storage_error("the database holds no dangyuan store (create one with `dangyuan init`)");
    }
    // Check the file's identity and version before any pragma writes to it.
    storage::migrate(db);
    if (!db.is_sqlite()) {
        take_server_principal();
        check_principal();
        return;
    }
    db.exec("PRAGMA foreign_keys = ON");
    if (path != ":memory:") {
        storage::use_wal(db, options.busy_timeout);
        db.exec("PRAGMA synchronous = NORMAL");
    }
    check_principal();
}

void store::impl::take_server_principal() {
    if (db.is_sqlite()) return;
    auto const mapped =
        storage::in_read("reading the server role", [&] { return storage::mapped_principal(db); });
    if (!mapped) {
        // Row-level security would show such a role nothing at all.
        if (storage::in_read("reading the server role", [&] {
                return storage::row_security_installed(db) && !storage::bypasses_row_security(db);
            }))
            throw access_denied("read_roster", 0,
                                "the server role of this connection is not mapped to a principal of the "
                                "store (the store's owner maps it: dangyuan server grant)");
        return;
    }
    db.postgres().row_security = true;
    if (options.principal) {
        // A narrower principal than the role's may act through it, not a wider one.
        for (auto p : options.principal->role.permissions.list())
            if (!mapped->may(p))
                throw access_denied(std::string(to_string(p)), 0,
                                    "the server role acts as " + mapped->label() +
                                        ", whose role has no permission '" + std::string(to_string(p)) + "'");
        auto const within = storage::in_read("reading the server role", [&] {
            if (!mapped->org) return true;
            if (!options.principal->org) return false;
            sql::statement st(db, "SELECT :org = ANY(dangyuan_scope_of(current_user))");
            st.bind(":org", static_cast<std::int64_t>(options.principal->org->value()));
            return st.step() && st.column(0).as_int64() != 0;
        });
        if (!within)
            throw access_denied("read_roster", options.principal->org ? options.principal->org->value() : 0,
                                "the server role acts as " + mapped->label() + "; " +
                                    options.principal->label() + " is outside its subtree");
        return;
    }
    who = *mapped;
    restricted = who.org || who.role.permissions != permission_set::all();
    audit_actor = who.actor + " (" + who.label() + ")";
}

void store::impl::check_principal() {
    if (who.org) (void)load_org(*who.org);  // not_found: a subtree that is not there covers nothing
}

store store::open(std::filesystem::path const& path, store_options options) {
    try {
        return store(std::make_unique<impl>(path, std::move(options)));
    } catch (sql::error const& e) {
        throw storage_error("cannot open store '" + displayed_location(path.string()) + "': " + e.what());
    } catch (storage_error const& e) {
        if (std::string_view(e.what()).starts_with("cannot open store")) throw;
        throw storage_error("cannot open store '" + displayed_location(path.string()) + "': " + e.what());
    }
}

bool is_server_location(std::string_view location) noexcept {
    return storage::sql::pg::is_url(location);
}

std::string displayed_location(std::string_view location) {
    return storage::sql::pg::without_password(std::string(location));
}

bool store_exists(std::filesystem::path const& location) {
    auto const text = location.string();
    if (!is_server_location(text)) {
        std::error_code ec;
        return text != ":memory:" && fs::exists(location, ec);
    }
    return storage::in_read("opening " + displayed_location(text), [&] {
        sql::database db(std::make_unique<storage::sql::pg::connection>(text));
        bool empty = false;
        try {
            (void)storage::postgres_schema_version(db, empty);
        } catch (storage_error const&) {
            return true;  // tables, but not a store's (store::open refuses them)
        }
        return !empty;
    });
}

date::sys_days store::today() const {
    return impl_->options.today();
}

bool store::read_only() const noexcept {
    return impl_->options.read_only;
}

bool store::in_transaction() const noexcept {
    return impl_->db.in_transaction();
}

store::transaction::transaction(store& s) : s_(&s) {
    auto& db = s.impl_->db;
    if (s.read_only()) throw storage_error("the store is open read-only; it cannot be written");
    if (db.in_transaction()) throw storage_error("a transaction is already open on this store");
    storage::in_read("starting a transaction", [&] { storage::sql::begin_write(db); });
}

store::transaction::~transaction() {
    rollback();
}

void store::transaction::commit() {
    if (!open_) throw storage_error("the transaction was already committed or rolled back");
    try {
        s_->impl_->db.commit();
        open_ = false;
        storage::flush_denials(*s_);
    } catch (sql::error const& e) {
        rollback();
        storage::rethrow_sqlite(e, "committing");
    }
}

void store::transaction::rollback() noexcept {
    if (!open_) return;
    open_ = false;
    auto& db = s_->impl_->db;
    if (db.in_transaction()) {
        try {
            db.exec("ROLLBACK");
        } catch (...) {
            // Nothing to undo any more: the connection ended the transaction itself.
        }
    }
    storage::flush_denials(*s_);
}

void store::backup(std::filesystem::path const& target) const {
    storage::call const c(*this);
    // A backup is the whole file, unmasked.
    storage::require_store_wide(*this, permission::export_data);
    storage::require_store_wide(*this, permission::unmasked_personal_data);
    if (!impl_->db.is_sqlite())
        throw storage_error(
            "a store on a PostgreSQL server is backed up with pg_dump, or copied to a file with "
            "copy_store / `dangyuan copy` (docs/deployment.md)");
    char const* const own = sqlite3_db_filename(impl_->db.sqlite_handle(), "main");
    std::error_code ec;
    if (own != nullptr && *own != '\0' && fs::equivalent(own, target, ec))
        throw invalid_input("target", "'" + target.string() + "' is the store itself");
    if (fs::is_directory(target, ec))
        throw invalid_input("target", "'" + target.string() + "' is a directory; give a file name");
    auto partial = target;
    partial += ".partial";
    fs::remove(partial, ec);
    try {
        {
            auto copy = sql::open_sqlite(partial.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE,
                                         timeout_ms(impl_->options.busy_timeout));
            copy_database(impl_->db.sqlite_handle(), copy.sqlite_handle(), "backing up the store");
            // One self-contained file: no -wal beside it.
            copy.exec("PRAGMA journal_mode = DELETE");
        }
        fs::rename(partial, target);
    } catch (sql::error const& e) {
        fs::remove(partial, ec);
        throw storage_error("cannot write the backup '" + target.string() + "': " + e.what());
    } catch (fs::filesystem_error const& e) {
        fs::remove(partial, ec);
        throw storage_error("cannot write the backup '" + target.string() + "': " + e.what());
    } catch (...) {
        fs::remove(partial, ec);
        throw;
    }
}

void restore(std::filesystem::path const& source, std::filesystem::path const& target,
             std::chrono::milliseconds busy_timeout) {
    std::error_code ec;
    if (!fs::is_regular_file(source, ec))
        throw storage_error("cannot restore from '" + source.string() + "': " +
                            (fs::is_directory(source, ec) ? "it is a directory" : "there is no such file"));
    if (fs::exists(target, ec) && fs::equivalent(source, target, ec))
        throw invalid_input("source", "the backup and the store are the same file");
    int const timeout = timeout_ms(busy_timeout);
    try {
        auto from = sql::open_sqlite(source.string(), SQLite::OPEN_READONLY, timeout);
        storage::check_backup(from);  // throws storage_error naming the failed check
        auto to = sql::open_sqlite(target.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, timeout);
        storage::check_restore_target(to);
        copy_database(from.sqlite_handle(), to.sqlite_handle(), "restoring the store");
    } catch (sql::error const& e) {
        throw storage_error("cannot restore '" + target.string() + "' from '" + source.string() +
                            "': " + e.what());
    } catch (storage_error const& e) {
        throw storage_error("cannot restore '" + target.string() + "' from '" + source.string() +
                            "': " + e.what());
    }
}

store::store(std::unique_ptr<impl> p) : impl_(std::move(p)) {}
store::store(store&&) noexcept = default;
store& store::operator=(store&&) noexcept = default;
store::~store() = default;

int store::schema_version() const {
    return storage::read_schema_version(impl_->db);
}
rule_set const& store::rules() const noexcept {
    return impl_->options.rules;
}
void store::set_actor(std::string actor) {
    impl_->who.actor = actor;
    impl_->audit_actor = impl_->options.principal ? actor + " (" + impl_->who.label() + ")" : actor;
    impl_->options.actor = std::move(actor);
}
principal const& store::acting() const noexcept {
    return impl_->who;
}
void store::require(permission p, std::optional<org_id> org) const {
    storage::call const c(*this);
    if (org)
        storage::require(*this, p, *org);
    else
        storage::require_permission(*this, p);
}

}  // namespace dangyuan
