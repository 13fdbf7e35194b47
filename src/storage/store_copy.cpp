// Copying a whole store between an SQLite file and a PostgreSQL database (store_copy.hpp).
//
// Table by table, row by row, with the values as stored: the ids, the versions and the audit trail's
// hashes travel unchanged, so the copy's chain verifies with the same head. The checks run inside the
// copy's transaction, before it commits: a copy that fails them is never there.

#include "dangyuan/storage/store_copy.hpp"

#include <filesystem>

#include "impl.hpp"
#include "rows.hpp"
#include "schema_postgres.hpp"
#include "sql/postgres.hpp"

namespace dangyuan {
namespace {

namespace fs = std::filesystem;

// Removes an SQLite file that a failed copy created, with its journal files.
struct file_guard {
    std::string path;
    bool keep = false;
    ~file_guard() {
        if (keep || path.empty()) return;
        std::error_code ec;
        for (auto const* suffix : {"", "-wal", "-shm", "-journal"})
            fs::remove(path + suffix, ec);
    }
};

std::int64_t copied_rows_of(sql::database& db, std::string const& table) {
    return db.exec_int64("SELECT count(*) FROM " + table);
}

}  // namespace

std::int64_t store_copy_report::total_rows() const noexcept {
    std::int64_t n = 0;
    for (auto const& t : tables)
        n += t.rows;
    return n;
}

store_copy_report copy_store(std::string const& from, std::string const& to, store_options options) {
    if (options.principal)
        throw invalid_input("options", "a copy of a whole store is made with full access (no principal)");
    if (from == to) throw invalid_input("to", "the copy cannot be the store itself");
    bool const to_server = is_server_location(to);
    std::error_code ec;
    if (!to_server && fs::exists(to, ec))
        throw invalid_input("to", "'" + to + "' exists; a copy goes into a new file");

    options.read_only = false;
    auto source = store::open(from, options);  // migrates an older file
    auto& src = detail::store_access::of(source).db;
    auto const tables = storage::latest_tables();

    store_copy_report report;
    file_guard guard;
    auto target = storage::in_read("opening " + displayed_location(to), [&]() -> sql::database {
        if (to_server) {
            sql::database db(std::make_unique<sql::pg::connection>(to));
            bool empty = false;
            (void)storage::postgres_schema_version(db, empty);  // refuses a foreign database too
            if (!empty)
                throw invalid_input("to", "the database " + displayed_location(to) +
                                              " holds tables; a copy goes into an empty database or schema");
            return db;
        }
        guard.path = to;
        auto db = sql::open_sqlite(to, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE,
                                   static_cast<int>(options.busy_timeout.count()));
        storage::migrate(db);  // the schema, with the one row it seeds (meta), removed below
        return db;
    });

    storage::in_read("copying the store", [&] {
        // One snapshot of the source for the whole copy.
        src.exec(src.is_sqlite() ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
        try {
            sql::write_transaction tx(target);
            if (target.is_sqlite()) {
                target.exec("DELETE FROM meta");
            } else {
                storage::create_postgres_tables(target);
                target.exec("SET CONSTRAINTS ALL DEFERRED");
            }
            for (auto const& t : tables) {
                auto const copied = storage::copy_table(src, target, t.name, t.columns);
                auto const there = copied_rows_of(target, t.name);
                auto const source_rows = copied_rows_of(src, t.name);
                if (copied != source_rows || there != source_rows)
                    throw storage_error("the copy of table " + t.name + " holds " + std::to_string(there) +
                                        " rows, the source " + std::to_string(source_rows));
                if (!target.is_sqlite() && copied > 0) storage::restart_identities(target, t.name);
                report.tables.push_back({t.name, copied});
            }
            if (!target.is_sqlite()) target.exec("SET CONSTRAINTS ALL IMMEDIATE");  // foreign keys now
            report.audit = storage::verify_chain(target);
            auto const original = storage::verify_chain(src);
            if (!report.audit.ok || report.audit.head_hash != original.head_hash)
                throw storage_error("the copy's audit trail does not verify as the source's does: " +
                                    report.audit.message);
            tx.commit();
        } catch (...) {
            try {
                src.exec("ROLLBACK");
            } catch (...) {
            }
            throw;
        }
        src.exec("COMMIT");
    });
    guard.keep = true;
    return report;
}

}  // namespace dangyuan
