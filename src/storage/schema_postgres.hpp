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
/// Creates the schema of the latest version in an empty PostgreSQL database, with the rows the
/// migrations seed, inside the caller's transaction.
void create_postgres_schema(sql::database& pg);
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
