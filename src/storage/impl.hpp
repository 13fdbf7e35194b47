#pragma once
// Internal to src/storage: the store's implementation state and the helpers its repositories share.
// Nothing here is installed.

#include <date/date.h>
#include <sqlite3.h>

#include <array>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dangyuan/storage/store.hpp"
#include "sql/database.hpp"

namespace dangyuan::storage {

/// ISO text <-> sys_days. Stored dates are always written by format_iso, so parsing can be strict and
/// fast; anything else means the file was edited by hand and is reported as storage_error.
std::string format_iso(date::sys_days d);
/// The same text, NUL-terminated, in a caller's buffer (for binding without a copy).
/// \throws invalid_input{"date"} for a year outside 0000-9999 (ISO text cannot hold it).
using iso_date_buffer = std::array<char, 11>;
void iso_into(date::sys_days d, iso_date_buffer& out);
date::sys_days parse_iso(std::string_view text, char const* column);
std::optional<date::sys_days> column_date(sql::statement& st, int col, char const* name);
void bind_date(sql::statement& st, int index, std::optional<date::sys_days> d);

/// An index that can be dropped and created again: its name and its CREATE INDEX statement.
struct index_definition {
    std::string name;
    std::string sql;
};
/// The indexes of `table` created by CREATE INDEX (not those of its UNIQUE or PRIMARY KEY constraints),
/// on either database; `sql` creates the index again.
std::vector<index_definition> secondary_indexes(sql::database& db, std::string const& table);
/// PostgreSQL: the foreign keys of `table`: each constraint's name, and in `sql` its definition as
/// `ALTER TABLE … ADD CONSTRAINT name` takes it.
std::vector<index_definition> foreign_keys(sql::database& db, std::string const& table);

/// Sets the integer pragma `name` (`cache_size`, `threads`) to `value` for its lifetime, then restores
/// the value it had.
class pragma_guard {
public:
    pragma_guard(sql::database& db, std::string name, std::int64_t value);
    ~pragma_guard();
    pragma_guard(pragma_guard const&) = delete;
    pragma_guard& operator=(pragma_guard const&) = delete;

private:
    sql::database& db_;
    std::string name_;
    std::int64_t previous_;
};

/// Switches a file store to the write-ahead log (`PRAGMA journal_mode = WAL`), retrying while another
/// connection holds the lock the switch needs, until `busy_timeout` ends.
/// \throws sql::error when the lock is not had in time.
void use_wal(sql::database& db, std::chrono::milliseconds busy_timeout);

/// For one bulk batch (store::add_members) into a file store that no other connection has open: the
/// rollback journal (`journal_mode = DELETE`, `synchronous = FULL`) instead of the write-ahead log for
/// the guard's lifetime, then WAL and `synchronous = NORMAL` again. The batch's new pages are then
/// written once, into the file, instead of into the log and again by its checkpoint; the transaction
/// is as atomic and durable as in WAL. Nothing changes when the store is not a file in WAL mode, when
/// the connection is in a transaction, or when another connection has the file open (SQLite refuses
/// the switch then): `active()` tells.
class rollback_journal_guard {
public:
    rollback_journal_guard(sql::database& db, std::chrono::milliseconds busy_timeout);
    ~rollback_journal_guard();
    rollback_journal_guard(rollback_journal_guard const&) = delete;
    rollback_journal_guard& operator=(rollback_journal_guard const&) = delete;
    [[nodiscard]] bool active() const noexcept { return active_; }

private:
    sql::database& db_;
    std::chrono::milliseconds busy_timeout_;
    bool active_ = false;
};

/// Applies the schema migrations; see schema.cpp.
/// Creates the schema in an empty file or migrates an older one, in one IMMEDIATE transaction that
/// checks the version again once it holds the lock (two processes may create the same file at once).
/// \throws storage_error for a foreign SQLite file or a newer schema.
void migrate(sql::database& db);
/// Checks that a store opened read-only can be read as it is (a dangyuan store of the latest schema).
void check_readable(sql::database& db);
/// Checks a backup before it replaces anything: integrity, application id, schema version.
void check_backup(sql::database& db);
/// Checks that a restore may overwrite `db`: an empty file or a dangyuan store.
void check_restore_target(sql::database& db);
int read_schema_version(sql::database& db);

/// The schema version that added the audit chain (storage/audit_chain.hpp).
inline constexpr int audit_chain_schema_version = 10;
/// The schema version that added dev_steps.note (development_columns.hpp, move_stranded_step_values).
inline constexpr int step_note_schema_version = 11;
/// The audit action of that migration's entry.
inline constexpr std::string_view step_note_migration_action = "steps_note_migrated";
/// The schema version that made the ID number's uniqueness a separate index (members_id_number), which
/// a bulk insert drops and builds again like the other secondary indexes.
inline constexpr int id_number_index_schema_version = 14;
/// The schema version that added `rectifications.rule_set`: the rule set a designation for rectification
/// was made under (rectification/rectification_schema.cpp, add_rectification_rule_set).
inline constexpr int rectification_rule_set_schema_version = 20;
/// The entry a new audit row chains to: its seq (0 when the trail is empty) and hash (the genesis then).
struct audit_link {
    std::int64_t seq = 0;
    std::string hash;
};
audit_link last_audit_link(sql::database& db);
/// The audit chain's part of the migration to audit_chain_schema_version, after its SQL: hashes the
/// entries already there and appends the `audit_chain_started` entry (nothing for an empty trail).
void start_audit_chain(sql::database& db);

/// Checks the hash chain of the audit trail of `db` (store::verify_audit without the access check).
audit_verification verify_chain(sql::database& db);

/// Appends one audit row inside the caller's transaction, chained to the last one.
void append_audit(sql::database& db, std::string const& actor, std::string_view entity,
                  std::int64_t entity_id, std::string_view action, std::string_view why,
                  std::string const& detail);

/// Recursive set of org ids under a scope (all orgs for scope::all()).
std::vector<std::int64_t> scope_org_ids(sql::database& db, scope const& s);
/// The organisations above `org`, nearest first (its parent, the parent's parent …); none for a top
/// organisation or an unknown id. The depth is bounded by the number of organisations, so that a
/// hand-edited cycle ends.
std::vector<std::int64_t> ancestor_ids(sql::database& db, org_id org);
/// True when `s` covers every organisation of the store: scope::all(), or the subtree of a top
/// organisation whose ids (`ids`, from scope_org_ids) are all there are. A query over such a scope reads
/// the whole tables rather than the rows of each organisation through an index.
bool covers_whole_store(sql::database& db, scope const& s, std::vector<std::int64_t> const& ids);

// Member row mapping shared by the member repository and the agenda query.
extern char const* const member_columns;
member read_member(sql::statement& st);

/// Inserts one member inside the caller's transaction (no audit row): used by bulk insert and by the
/// development pipeline when admission is approved.
member_id insert_member(sql::database& db, member const& m);

/// Agenda items of the domains kept in their own repositories (one function per domain; each returns the
/// items of the organisations in `org_ids`, sorted ids). `whole`: `org_ids` are every organisation of the
/// store, whose records are read in full scans; otherwise the queries select the records of those
/// organisations (mobility: of the members whose items can name one of them) through their indexes.
std::vector<agenda_item> mobility_agenda_items(store const& s, sql::database& db, date::sys_days as_of,
                                               std::vector<std::int64_t> const& org_ids, bool whole);
std::vector<agenda_item> evaluation_agenda_items(store const& s, sql::database& db, date::sys_days as_of,
                                                 std::vector<std::int64_t> const& org_ids, bool whole);
/// The part of the store an agenda is computed for.
struct agenda_scope {
    std::vector<std::int64_t> const& ids;  ///< the organisations in scope, sorted ids
    std::vector<org_unit> const& orgs;     ///< the same organisations, by id
    bool whole = true;                     ///< every organisation of the store
};
/// The life items of the organisations of `part`: a part of the store (a subtree) reads only the rows
/// its organisations need.
std::vector<agenda_item> life_agenda_items(store const& s, sql::database& db, date::sys_days as_of,
                                           agenda_scope const& part);
std::vector<agenda_item> abroad_agenda_items(store const& s, sql::database& db, date::sys_days as_of,
                                             std::vector<std::int64_t> const& org_ids, bool whole);

/// The schema migrations of the domain repositories (schema versions 4, 5 and 6).
extern char const* const migration_mobility;
extern char const* const migration_evaluation;
extern char const* const migration_life;

/// Agenda items of the open development cases of the branches in `org_ids` (sorted ids; `whole`: every
/// organisation of the store).
std::vector<agenda_item> case_agenda_items(store const& s, sql::database& db, date::sys_days as_of,
                                           std::vector<std::int64_t> const& org_ids, bool whole);

/// Runs `f` inside one IMMEDIATE transaction, committing on success. Our own errors pass through after
/// rollback; SQLite errors are translated (unique-constraint failures become `conflict`).
template <class F>
auto in_transaction(sql::database& db, F&& f) -> decltype(f());

/// Translates a SQLiteCpp exception into the library's hierarchy. Never returns.
[[noreturn]] void rethrow_sqlite(sql::error const& e, std::string_view doing);

/// Runs `f` as a savepoint of the transaction already open on `db` (see store::transaction): on an
/// exception the savepoint's changes are undone and the outer transaction goes on without them.
template <class F>
auto in_savepoint(sql::database& db, F&& f) -> decltype(f()) {
    db.exec("SAVEPOINT dangyuan_write");
    try {
        if constexpr (std::is_void_v<decltype(f())>) {
            f();
            db.exec("RELEASE dangyuan_write");
        } else {
            auto result = f();
            db.exec("RELEASE dangyuan_write");
            return result;
        }
    } catch (...) {
        try {
            db.exec("ROLLBACK TO dangyuan_write");
            db.exec("RELEASE dangyuan_write");
        } catch (sql::error const&) {
            // SQLite already rolled the whole transaction back (a full disk, say); the error that
            // caused it is the one to report.
        }
        throw;
    }
}

template <class F>
auto in_transaction(sql::database& db, F&& f) -> decltype(f()) {
    try {
        // Inside a store::transaction (or a read snapshot) the write becomes a savepoint of it, so
        // that several calls land together.
        if (db.read_only()) throw storage_error("the store is open read-only; it cannot be written");
        if (db.in_transaction()) return in_savepoint(db, std::forward<F>(f));
        // IMMEDIATE takes the write lock at BEGIN: a deferred transaction that read first and then
        // wanted to write could fail with SQLITE_BUSY at once instead of waiting (the busy handler
        // cannot help a reader upgrading while another writer holds the lock).
        sql::write_transaction tx(db);
        if constexpr (std::is_void_v<decltype(f())>) {
            f();
            tx.commit();
        } else {
            auto result = f();
            tx.commit();
            return result;
        }
    } catch (sql::error const& e) {
        rethrow_sqlite(e, "writing");
    }
}

}  // namespace dangyuan::storage

namespace dangyuan {
// The repositories that implement the public store's methods (namespace dangyuan) name the seam too.
namespace sql = storage::sql;
}  // namespace dangyuan

// The one door to the store's implementation, for the domain repositories of src/storage.
struct dangyuan::detail::store_access {
    using impl = store::impl;
    static impl& of(store const& s) noexcept { return *s.impl_; }
};

struct dangyuan::store::impl {
    impl(std::filesystem::path const& path, store_options o);

    sql::database db;
    store_options options;
    // A server's URL as given (with its password, never shown): a read-only handle records its refusals
    // through a session of its own (storage/access.cpp). Empty for an SQLite file.
    std::string server_url;
    // Who acts through the handle (options.principal or full access) and whether any check applies.
    principal who;
    bool restricted = false;
    // "actor (role@org)" for the audit trail; just the actor for a handle without a principal.
    std::string audit_actor;
    // How many public calls are running on the handle: checks and masking apply to the outermost only
    // (storage/access.hpp, `call`).
    int depth = 0;
    // Refusals met inside a caller's transaction, recorded once it has ended (storage/access.cpp).
    std::vector<std::string> pending_denials;

    // On a server whose store has row-level security: the principal mapped to the connection's role
    // becomes the handle's (storage/row_security.hpp); options.principal may narrow it, not widen it.
    // access_denied for a wider one, or for a role that is not mapped and does not own the store.
    void take_server_principal();
    // not_found when the principal's organisation is not in the store.
    void check_principal();
    // Loads an org or throws not_found.
    org_unit load_org(org_id id);
    // Loads the orgs of `ids` that exist, in one query, by id.
    std::unordered_map<std::int64_t, org_unit> load_orgs(std::vector<std::int64_t> const& ids);
    std::vector<standing_event> load_standing(member_id id);
    // Members of one organisation on a date (branch members only; standing taken into account).
    org_counts count_members(org_id org, date::sys_days on);
};

namespace dangyuan::storage {
/// The store's implementation state, as the repositories name it.
using store_impl = detail::store_access::impl;
}  // namespace dangyuan::storage
