#pragma once
/// \file
/// Copying a whole store between locations: an SQLite file and a PostgreSQL database, in either
/// direction (docs/deployment.md). The copy is checked before it is reported: every table holds as many
/// rows as the source, and the copy's audit chain verifies.

#include <cstdint>
#include <string>
#include <vector>

#include "dangyuan/storage/audit_chain.hpp"
#include "dangyuan/storage/store.hpp"

namespace dangyuan {

/// What copy_store copied.
struct store_copy_report {
    struct table_rows {
        std::string table;
        std::int64_t rows = 0;  ///< in the source, and (checked) in the copy
    };
    std::vector<table_rows> tables;  ///< every table of the schema, in the order they were copied
    audit_verification audit;        ///< the copy's audit chain, verified
    [[nodiscard]] std::int64_t total_rows() const noexcept;
};

/// Copies the store at `from` (a file or a server location, see is_server_location) into a new store at
/// `to`: an SQLite file that does not exist yet, or a PostgreSQL database (schema) that holds no tables.
/// The source is opened for writing first, so an older file is migrated; it is then read in one
/// snapshot, and the copy is written in one transaction: on any failure nothing is left at `to` (a file
/// is removed, a database rolled back). Then each table's row count is compared with the source's and
/// the copy's audit chain is verified.
/// \pre The caller may read the whole source: `options` carries no principal (the organisation
///      department's full access).
/// \throws invalid_input{"to"} when `to` is `from`, an existing file, or a database that is not empty;
///         invalid_input{"options"} for a principal; storage_error when a check of the copy fails (naming
///         the table or the audit entry) or either location cannot be opened.
store_copy_report copy_store(std::string const& from, std::string const& to, store_options options = {});

}  // namespace dangyuan
