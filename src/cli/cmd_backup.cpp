// dangyuan backup / restore / copy: an online copy of the store, a verified way back from one, and a
// verified copy of a whole store to another database (an SQLite file or a PostgreSQL server).

#include <filesystem>
#include <ostream>

#include "cli/command.hpp"
#include "cli/options.hpp"
#include "dangyuan/core/errors.hpp"
#include "dangyuan/storage/store_copy.hpp"

namespace dangyuan::cli::cmd_backup {
namespace {

void backup_options(po::options_description& d, po::positional_options_description& p) {
    add_file_argument(d, p, "the backup to write");
    d.add_options()("force", "replace FILE when it exists");
}

int run_backup(context& ctx, po::variables_map const& vm) {
    std::filesystem::path const file = vm["file"].as<std::string>();
    if (std::filesystem::exists(file) && !vm.count("force"))
        throw invalid_input("file", "'" + file.string() + "' exists; give --force to replace it");
    auto& s = ctx.open_read();
    s.backup(file);
    *ctx.out << "backed up " << ctx.db.string() << " to " << file.string() << " (" << s.member_count()
             << " members, schema version " << s.schema_version() << ")\n";
    return exit_ok;
}

void restore_options(po::options_description& d, po::positional_options_description& p) {
    add_file_argument(d, p, "the backup to restore from");
}

int run_restore(context& ctx, po::variables_map const& vm) {
    std::filesystem::path const file = vm["file"].as<std::string>();
    // restore() replaces the whole file and has no handle to check a principal against: only a
    // principal with every permission over the whole store may ask for it here.
    if (ctx.as && (ctx.as->org || ctx.as->role.permissions != permission_set::all()))
        throw access_denied("manage_profiles", 0,
                            ctx.as->label() +
                                " may not replace the whole store (restore needs the organisation "
                                "department over the whole store)");
    restore(file, ctx.db, ctx.busy_timeout);
    store_options o;
    o.actor = ctx.actor;
    o.principal = ctx.as;
    o.create = false;
    o.busy_timeout = ctx.busy_timeout;
    auto const s = store::open(ctx.db, o);  // migrates a backup of an older schema
    *ctx.out << "restored " << ctx.db.string() << " from " << file.string() << " (" << s.member_count()
             << " members)\n";
    return exit_ok;
}

void copy_options(po::options_description& d, po::positional_options_description& p) {
    d.add_options()("to", po::value<std::string>()->required()->value_name("STORE"),
                    "the new store: an SQLite file that does not exist yet, or postgresql://... (an empty "
                    "database)");
    p.add("to", 1);
}

int run_copy(context& ctx, po::variables_map const& vm) {
    auto const to = vm["to"].as<std::string>();
    // A copy is the whole store, unmasked: only the organisation department over the whole store.
    if (ctx.as && (ctx.as->org || ctx.as->role.permissions != permission_set::all()))
        throw access_denied("export_data", 0,
                            ctx.as->label() +
                                " may not copy the whole store (the organisation department "
                                "over the whole store may)");
    store_options o;
    o.actor = ctx.actor;
    o.create = false;
    o.busy_timeout = ctx.busy_timeout;
    ctx.check_location();
    auto const report = copy_store(ctx.db.string(), to, o);
    for (auto const& t : report.tables)
        if (t.rows > 0) *ctx.out << "  " << t.table << ": " << t.rows << "\n";
    *ctx.out << "copied " << displayed_location(ctx.db.string()) << " to " << displayed_location(to) << ": "
             << report.tables.size() << " tables, " << report.total_rows()
             << " rows, each table's count checked; audit chain verified (" << report.audit.entries_checked
             << " entries, head " << report.audit.head_seq << ")\n";
    return exit_ok;
}

[[maybe_unused]] bool const registered_copy = register_command({
    .name = "copy",
    .summary = "copy the whole store to a new SQLite file or an empty PostgreSQL database, and check it",
    .arguments = "STORE",
    .description =
        "Copies every table of the store given by --db, as it is at one moment, into STORE: a new SQLite\n"
        "file or an empty PostgreSQL database (postgresql://...). The copy is written in one transaction\n"
        "and checked before it commits: every table holds as many rows as the source, and its audit chain\n"
        "verifies with the same head. On a failure nothing is left at STORE. Moves a store from a desktop\n"
        "file to a department server and back (docs/deployment.md).",
    .examples = "  dangyuan --db district.db copy postgresql://dangyuan@db.example/district",
    .options = copy_options,
    .run = run_copy,
});

[[maybe_unused]] bool const registered_backup = register_command({
    .name = "backup",
    .summary = "copy the store to FILE while it stays in use (SQLite online backup)",
    .arguments = "FILE",
    .description =
        "Writes a consistent copy of the store to FILE, one self-contained SQLite file. Other commands may\n"
        "go on writing meanwhile; the copy holds the store as it was when the copy began. The store itself\n"
        "is only read.",
    .examples = "  dangyuan --db district.db backup district-2026-11-26.db",
    .options = backup_options,
    .run = run_backup,
});

[[maybe_unused]] bool const registered_restore = register_command({
    .name = "restore",
    .summary = "replace the store with a backup, after checking the backup",
    .arguments = "FILE",
    .description =
        "Checks FILE first (PRAGMA integrity_check, that it is a dangyuan store, a schema version this\n"
        "program can read) and refuses it, changing nothing, when a check fails. The store given by --db\n"
        "(created when missing; otherwise it must be a dangyuan store) then receives the backup's content\n"
        "in one step: other programs using it see the old or the new content, never a mix. A backup of an\n"
        "older schema is then migrated.",
    .examples = "  dangyuan --db district.db restore district-2026-11-26.db",
    .options = restore_options,
    .run = run_restore,
});

}  // namespace
}  // namespace dangyuan::cli::cmd_backup
