#pragma once
/// \file
/// CSV reading (through libcsv, RFC 4180 quoting) and writing.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace dangyuan::io {

/// One record of a CSV file.
struct csv_record {
    std::size_t line = 0;  ///< 1-based line on which the record starts: the row a spreadsheet shows
    std::vector<std::string> fields;
};

/// The longest row `read_csv` accepts, in bytes (64 KiB): a roster row is a few hundred bytes.
inline constexpr std::size_t max_record_bytes = std::size_t{64} << 10;

/// Reads CSV text (UTF-8, already decoded) record by record. Quoted fields may hold the delimiter,
/// doubled quotes and line breaks; blank lines are skipped; unquoted fields keep their blanks (callers
/// trim). Each record goes to `sink` as soon as it is complete, so a large file is never held twice.
/// \throws invalid_input{"csv"} naming the line of a malformed quote, an unterminated quoted field or a
///         row longer than max_record_bytes.
void read_csv(std::string_view text, std::function<void(csv_record&&)> const& sink, char delimiter = ',');

/// Appends one field to `out`, quoted when it holds the delimiter, a quote, a line break or leading or
/// trailing blanks.
void append_csv_field(std::string& out, std::string_view field, char delimiter = ',');

/// Appends one record (fields separated by `delimiter`, then "\r\n" as RFC 4180 asks, which every
/// spreadsheet reads).
void append_csv_record(std::string& out, std::vector<std::string> const& fields, char delimiter = ',');

/// A field guarded against formula injection (OWASP, CSV injection): text that a spreadsheet would
/// evaluate (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading apostrophe,
/// the spreadsheet convention for "this is text". Numeric columns are written unguarded by the callers.
[[nodiscard]] std::string spreadsheet_safe(std::string_view field);
/// The inverse of spreadsheet_safe, applied by the importer: an apostrophe followed by one of those
/// characters is removed, so that an exported roster imports back unchanged.
[[nodiscard]] std::string_view spreadsheet_unguarded(std::string_view field);

}  // namespace dangyuan::io
