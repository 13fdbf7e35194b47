#pragma once
/// \file
/// Printing row-level problems of an import or a `member add`.

#include <filesystem>
#include <ostream>
#include <span>

#include "dangyuan/io/roster.hpp"

namespace dangyuan::cli {

/// Writes one line per issue: `row 7, 转正日期 '2021-03-01': [member.probation_1_year] …`.
void print_issues(std::ostream& err, std::span<io::row_issue const> issues, bool with_rows = true);

/// Writes the issues as a CSV file (行号, 列, 值, 问题, 规则) that a clerk can open next to the roster.
void write_issues_csv(std::filesystem::path const& path, std::span<io::row_issue const> issues);

}  // namespace dangyuan::cli
