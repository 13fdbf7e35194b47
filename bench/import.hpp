#pragma once
// The two sides of the import workload, shared by the import and growth programs.

#include <cstddef>
#include <filesystem>

#include "dangyuan/storage/roster_table.hpp"
#include "support.hpp"

namespace bench {

/// Members per `store::add_members` call, as the sample generator and the `import` command write them.
inline constexpr std::size_t import_chunk = 20000;

/// Time spent inserting: building the inputs of each chunk is not counted.
struct import_time {
    double seconds = 0;      ///< wall clock: the figure
    double cpu_seconds = 0;  ///< CPU time of the process (user + system): less sensitive to other load
    void add(stopwatch const& w) {
        seconds += w.elapsed();
        cpu_seconds += w.cpu_elapsed();
    }
};

/// Imports the rows of `rows` into the store at `path` through `store::add_members`, `chunk` members per
/// call (one transaction each; `chunk == 0`: one call for everything). Only the calls are timed; the
/// `member` drafts of each chunk are built from the table beforehand.
import_time library_import(std::filesystem::path const& path, dangyuan::roster_table const& rows,
                           std::size_t chunk);

/// Inserts the same rows with the raw sqlite3 C API: the library's INSERT statement, the same pragmas
/// (and the page cache of `dangyuan::bulk_cache_kib` when the library would raise it), the same index
/// strategy (a transaction of at least `dangyuan::bulk_cache_min_rows` rows, and at least as many as
/// the table holds, drops the secondary indexes first and creates them again at its end),
/// one transaction (or one per `commit_every` rows when not 0), every parameter bound without a copy
/// from text rendered beforehand (per chunk, untimed). Only BEGIN, the bind/step/reset loop and COMMIT
/// are timed.
/// With `plain`, neither the page cache nor the indexes are touched: SQLite as it inserts by default
/// (shown for comparison, to measure what the library's bulk strategy gains).
import_time raw_import(std::filesystem::path const& path, dangyuan::roster_table const& rows,
                       std::size_t commit_every = 0, bool plain = false);

/// Copies a template store to `to` (removing what was there), then flushes every file system write
/// (`sync`), so that the write-back of earlier steps does not overlap the next timed run.
void copy_store(std::filesystem::path const& from, std::filesystem::path const& to);

}  // namespace bench
