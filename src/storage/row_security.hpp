#pragma once
// Internal to src/storage: row-level security of a store on PostgreSQL (row_security.cpp). A server
// role mapped to a principal (dangyuan_principals, server_principals.hpp) reads and writes through its
// own connection only the rows of the organisations its principal covers, with or without the library:
// the server applies the policies to every statement. Nothing here applies to SQLite.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dangyuan/core/access.hpp"
#include "dangyuan/storage/server_principals.hpp"
#include "sql/database.hpp"

namespace dangyuan::storage {

/// How the rows of one table are scoped (docs/deployment.md, "Server roles").
struct row_scope {
    std::string_view table;
    /// Who may read a row: an SQL condition over the row's columns, written with the functions
    /// install_row_security creates. "true": every mapped role.
    std::string read;
    /// Who may insert a row, or update or delete one; empty: as `read`.
    std::string write;
};

/// The scope of every table of the latest schema on PostgreSQL (a test checks that none is missing).
std::vector<row_scope> const& row_scopes();

/// True when the store in `pg`'s current schema has row-level security installed (its table of server
/// principals exists).
bool row_security_installed(sql::database& pg);

/// Creates, or creates again, the table of server principals, the functions the policies call, and the
/// policies of every table in row_scopes() that the schema has, then gives each mapped role the privileges
/// its permissions need. Idempotent; inside the caller's transaction. Pre-condition: the session owns the
/// store's tables.
void install_row_security(sql::database& pg);

/// Gives the server role `quoted_role` (an identifier as quote_ident writes it) the privileges on the
/// store's schema that a principal with `permissions` needs: reading every table (the policies choose
/// the rows), writing them when it has any permission to write, always appending to the audit trail.
void grant_table_privileges(sql::database& pg, std::string const& quoted_role, permission_set permissions);

/// The principal mapped to the server role `role`. Pre-condition: row_security_installed.
/// \throws storage_error when the mapping names an unknown permission.
std::optional<principal> principal_of_role(sql::database& pg, std::string const& role);

/// Every mapping, by role name, in one query. Pre-condition: row_security_installed.
/// \throws storage_error when a mapping names an unknown permission.
std::vector<server_principal> all_server_principals(sql::database& pg);

/// The session's current schema (where the store's tables are), quoted as an identifier.
std::string quoted_schema(sql::database& pg);

/// The principal mapped to the session's role (current_user), if row-level security is installed and
/// the role is mapped.
std::optional<principal> mapped_principal(sql::database& pg);

/// True when the session's role bypasses row-level security on the store's tables: it owns them (or is
/// a member of their owner), or is a superuser or has BYPASSRLS.
bool bypasses_row_security(sql::database& pg);

}  // namespace dangyuan::storage
