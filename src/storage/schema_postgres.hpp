#pragma once
// Internal to src/storage: a store's schema on PostgreSQL and the copy of its tables between databases
// (schema_postgres.cpp). Nothing here is installed.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sql/database.hpp"

namespace dangyuan::storage {

/// One object of an SQLite schema as sqlite_master lists it.
struct schema_object {
    std::string type;  ///< "table", "index" or "trigger"
    std::string name;
    std::string table;
    std::string sql;
};

/// The tables, then the indexes and triggers, of an SQLite database, in the order they can be created.
std::vector<schema_object> sqlite_schema_objects(sql::database& lite);
/// The columns of an SQLite table, in order.
std::vector<std::string> table_columns(sql::database& lite, std::string const& table);
/// The statement that creates an object of an SQLite schema on PostgreSQL.
/// \throws storage_error for a trigger of a shape the schema does not use.
std::string postgres_ddl(std::string_view type, std::string_view sqlite_sql);
/// Copies every row of `table` (its `columns`) from `from` into `to`, inside the caller's transaction;
/// returns the number of rows. On PostgreSQL through COPY.
std::int64_t copy_table(sql::database& from, sql::database& to, std::string const& table,
                        std::vector<std::string> const& columns);
/// Makes the identity column of `table` continue after its largest id (after rows were copied in).
void restart_identities(sql::database& pg, std::string const& table);
/// The schema version of the store in a PostgreSQL database (0 and `empty` for an empty database).
/// \throws storage_error for a database that holds tables but is not a dangyuan store.
int postgres_schema_version(sql::database& pg, bool& empty);
/// An in-memory SQLite database holding an empty store of schema `version` (0 … latest), built by the
/// migrations of schema.cpp. \throws storage_error for a version out of that range.
sql::database sqlite_schema_at(int version);
/// The code a migration runs after its SQL (schema.cpp): on SQLite every step's, on PostgreSQL those that
/// move data (a step that only changes the schema is derived by postgres_migration).
void run_migration_code(sql::database& db, int version);

/// Creates the schema of `version` (the latest by default; an older one for the tests of migrations) in
/// an empty PostgreSQL database, with the rows the migrations seed, inside the caller's transaction.
void create_postgres_schema(sql::database& pg, int version = -1);

/// The statements that take a PostgreSQL store from schema `version` - 1 to `version`, derived from the
/// SQLite migration by comparing the two schemas: new tables, indexes and triggers are created, columns
/// added by ALTER TABLE … ADD COLUMN are added, objects the step removes are dropped.
/// \throws storage_error naming the step and the table when a step does what cannot be derived that way
/// (a table rebuilt with other columns or constraints, rows seeded into an existing table): such a step
/// needs a PostgreSQL form written by hand before it is released.
struct postgres_step {
    std::vector<std::string> statements;
    std::vector<std::string> new_tables;  ///< whose seeded rows are copied from the SQLite schema
};
postgres_step postgres_migration(int version);
/// Migrates a PostgreSQL store of schema `from` (≥ 1) to the latest, inside the caller's write
/// transaction: each step of postgres_migration, its seeded rows and its migration code, then the version.
void migrate_postgres(sql::database& pg, int from);
/// The same schema without any row (for a copy of a whole store).
void create_postgres_tables(sql::database& pg);

/// A table of the latest schema and its columns.
struct schema_table {
    std::string name;
    std::vector<std::string> columns;
};
/// The tables of the latest schema, each after the tables it refers to.
std::vector<schema_table> latest_tables();

}  // namespace dangyuan::storage
