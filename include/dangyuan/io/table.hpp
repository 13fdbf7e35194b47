#pragma once
/// \file
/// Reports as tables, and their writers: an aligned terminal table (CJK-aware), CSV, JSON and XLSX.

#include <nlohmann/json.hpp>

#include <cstddef>
#include <filesystem>
#include <ostream>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "dangyuan/io/encoding.hpp"

namespace dangyuan::io {

/// One column: a stable English key (JSON, `--header en`) and a Chinese title (terminal, CSV, XLSX).
struct column {
    std::string key;       ///< e.g. "id_number"
    std::string title;     ///< e.g. "公民身份号码"
    bool numeric = false;  ///< right-aligned in text; a JSON number; a number cell in XLSX
};

/// How a chart draws its series.
enum class chart_kind {
    column,  ///< vertical bars; several series are clustered side by side
    bar,     ///< horizontal bars, the first category on top (a funnel when the values decrease)
    pie,     ///< one series as the slices of a pie
    line,    ///< a line through the values, categories along the horizontal axis
};

/// A chart of some rows of its report, drawn by the XLSX writer next to the table and referring to its
/// cells (so the chart follows the numbers when someone edits them); the text, CSV and JSON writers
/// ignore it. Rows are indices into `report::rows`, columns into `report::columns`.
struct chart {
    chart_kind kind = chart_kind::column;
    std::string title;          ///< e.g. "年龄结构 (members by age band)"
    std::string category_axis;  ///< the axis name of the categories, e.g. "年龄 (age band)"; unused by a pie
    std::string value_axis;     ///< the axis name of the values, e.g. "人数 (members)"; unused by a pie
    std::size_t first_row = 0;               ///< the first row drawn
    std::size_t row_count = 0;               ///< how many rows from `first_row`; at least one
    std::size_t category_column = 0;         ///< the column holding the category labels
    std::vector<std::size_t> value_columns;  ///< one series per column (numeric), named by its title
};

/// A report: a title, a few facts about how it was made (date, scope, counting rule), and a table.
struct report {
    std::string title;                                      ///< e.g. "党员名册"
    std::string sheet;                                      ///< XLSX sheet name, e.g. "名册"
    std::vector<std::pair<std::string, std::string>> meta;  ///< (label, value): 统计日期, 范围, 口径 …
    std::vector<column> columns;
    std::vector<std::vector<std::string>> rows;  ///< each row has columns.size() cells
    std::vector<chart> charts;                   ///< drawn by `write_xlsx` only
};

/// Which header row CSV and XLSX files carry.
enum class header_language { chinese, english };

/// Writes the title, the meta lines and the rows aligned on display width (汉字 count two columns).
/// Repeated values in the first column of consecutive rows are blanked when `group_first` is set.
/// `max_width` (display columns, 0 = no limit) fits the table to a terminal: when the rows are wider,
/// the last column, if it is text, wraps onto continuation lines aligned under it (`wrap_text`); when
/// even the other columns leave it less than 20 columns or a quarter of `max_width` (whichever is
/// more), the widest other text columns are cut with a "…" marker (`cut_text`). Long meta values wrap under
/// themselves. Lines can stay wider only when every column is already at its narrowest (4).
void write_text(std::ostream& out, report const& r, bool group_first = false, std::size_t max_width = 0);

/// The rows as CSV (header row first). Text cells are guarded with `spreadsheet_safe`.
[[nodiscard]] std::string to_csv(report const& r, header_language h);

/// `{"title": …, "meta": {label: value}, "rows": [{key: value}]}`; numeric columns become numbers.
[[nodiscard]] nlohmann::ordered_json to_json(report const& r);

/// Writes one worksheet per report: title, meta lines, a bold frozen header row, then the rows; column
/// widths follow the content. Every text cell is written as a string, so ID numbers keep their digits
/// and nothing is evaluated as a formula. The report's charts are native charts placed to the right of
/// its table, one under the other, their series referring to the table's cells.
/// \throws invalid_input{"output"} naming the file when it cannot be written; invalid_input{"chart"}
///         for a chart whose rows or columns are not in its report (nothing is written then).
void write_xlsx(std::filesystem::path const& path, std::span<report const> reports, header_language h);

/// Writes `bytes` to `path`, or to `out` when `path` is empty or "-".
/// \throws invalid_input{"output"} naming the file when it cannot be written.
void write_output(std::filesystem::path const& path, std::string const& bytes, std::ostream& out);

}  // namespace dangyuan::io
