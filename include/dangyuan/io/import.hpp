#pragma once
/// \file
/// Importing a roster (党员名册) from CSV: plan first (every row parsed and validated, every mistake
/// collected), then commit all new members in one transaction.
///
/// Rows are matched to stored members by ID number (公民身份号码):
/// * no stored member with that number: the row is a new member;
/// * a stored member whose record the row would not change (empty cells keep stored values): unchanged,
///   nothing is written — re-importing a file is a no-op;
/// * a stored member the row would change: with `update_changed` an update (applied with the member's
///   version, so a concurrent edit is a conflict, not a lost write); without it an issue.

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dangyuan/io/encoding.hpp"
#include "dangyuan/io/roster.hpp"
#include "dangyuan/storage/store.hpp"

namespace dangyuan::io {

/// How to read the file.
struct import_options {
    std::optional<text_encoding> encoding;  ///< nothing: detect (BOM / valid UTF-8 / GB18030)
    bool update_changed = false;            ///< apply rows that change stored members
    char delimiter = ',';
};

/// A member the import adds or changes, with the row it came from.
struct planned_member {
    std::size_t row = 0;
    member record;
    std::string changes;  ///< for updates: what changes, as describe_changes writes it
};

/// What an import would do.
struct import_plan {
    text_encoding encoding = text_encoding::utf8;
    bool had_bom = false;
    std::size_t rows = 0;  ///< data rows read (blank lines skipped)
    std::vector<planned_member> inserts;
    std::vector<planned_member> updates;
    std::size_t unchanged = 0;
    std::vector<std::string> ignored_columns;  ///< export-only columns (编号, 党龄 …), not imported
    std::vector<row_issue> issues;             ///< empty when the plan may be committed
};

/// Called with (rows done, rows in total) while planning.
using progress_fn = std::function<void(std::size_t, std::size_t)>;

/// Reads and checks a roster file's bytes against the store; writes nothing.
/// Problems in the file (encoding, quoting, headers, cells, rules) become issues; the plan's other
/// fields are then incomplete. Issues are ordered by row.
/// \throws storage_error for store failures only.
[[nodiscard]] import_plan plan_import(store const& s, std::string_view bytes, import_options const& options,
                                      progress_fn const& progress = {});

/// Plans rows given as header cells (on line `header_row`) and numbered records of cells, as
/// `plan_import` does after reading a file (used for `member add`, whose options are one row).
[[nodiscard]] import_plan plan_rows(store const& s, std::size_t header_row,
                                    std::vector<std::string> const& header,
                                    std::vector<std::pair<std::size_t, std::vector<std::string>>> const& rows,
                                    bool update_changed, progress_fn const& progress = {});

/// What a commit did.
struct import_result {
    std::vector<member_id> added;  ///< ids of the inserts, in plan order
    std::size_t updated = 0;
};

/// Writes a plan without issues: all inserts through one `store::add_members` call (one transaction,
/// all or nothing), then each update with `store::update_member` and its version check.
/// \pre `plan.issues.empty()`.
/// \throws whatever the store throws; a failure of the inserts writes nothing.
import_result commit_import(store& s, import_plan const& plan, std::string_view why);

}  // namespace dangyuan::io
