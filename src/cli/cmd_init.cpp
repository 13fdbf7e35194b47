// dangyuan init: create a store, or describe an existing one.

#include <filesystem>
#include <ostream>

#include "cli/command.hpp"

namespace dangyuan::cli::cmd_init {
namespace {

int run_init(context& ctx, po::variables_map const&) {
    // On a server the database itself was created beforehand (createdb): the store is created when the
    // database (its current schema) holds no tables yet, as a file is when it does not exist.
    bool const existed = store_exists(ctx.db);
    auto& s = ctx.open(true);
    auto const orgs = s.orgs().size();
    auto const members = s.member_count();
    if (existed)
        *ctx.out << displayed_location(ctx.db.string()) << ": a dangyuan store, schema version "
                 << s.schema_version() << ", " << orgs << " organisations, " << members
                 << " members of record (everyone entered, also those who left; `stats` counts a date)\n";
    else
        *ctx.out << "created " << displayed_location(ctx.db.string()) << " (schema version "
                 << s.schema_version() << ")\n";
    return exit_ok;
}

[[maybe_unused]] bool const registered = register_command({
    .name = "init",
    .summary = "create a store (an SQLite file), or describe the existing one",
    .description =
        "Creates the store given by --db (default dangyuan.db in the working directory), or in an\n"
        "empty database on a PostgreSQL server (--db postgresql://…). On an existing store it changes\n"
        "nothing (an older schema is migrated) and prints what it holds.",
    .examples = "  dangyuan --db district.db init",
    .options = {},
    .run = run_init,
});

}  // namespace
}  // namespace dangyuan::cli::cmd_init
