#pragma once
/// \file
/// The pieces every subcommand file is made of, so that a `cmd_*.cpp` says only what is its own:
/// option adders (`add_date_option`, `add_member_argument`, `add_scope_options`), readers
/// (`text_option`, `optional_text`, `org_option`, `require_options`) and the report tail
/// (`make_report`, `show_report`). The older helpers (`date_option`, `member_option`, `emit` …) are in
/// common.hpp, which includes this header.

#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cli/command.hpp"
#include "dangyuan/io/table.hpp"

namespace dangyuan::cli {

// ---- option adders

/// Adds `--NAME DATE` (any of the four spellings of `parse_date`), read with `date_option` or
/// `optional_date`.
void add_date_option(po::options_description& d, char const* name, char const* help);

/// Adds the required `--NAME MEMBER` (id, ID number or exact name) and makes it the next positional
/// argument. Read it with `member_option`.
void add_member_argument(po::options_description& d, po::positional_options_description& p,
                         char const* help = "the member: id, ID number or exact name",
                         char const* name = "member");

/// Adds the required `--file FILE` and makes it the next positional argument.
void add_file_argument(po::options_description& d, po::positional_options_description& p, char const* help);

/// Adds the required `--NAME ID` and makes it the next positional argument.
void add_id_argument(po::options_description& d, po::positional_options_description& p, char const* name,
                     char const* help);

/// Adds `--org` (the scope) and `--as-of` (`as_of_help` says what the date selects): the start of the
/// options of every report over a scope on a date.
void add_scope_options(po::options_description& d, char const* as_of_help = "the date to report on");

/// The options of a plain list over a scope: `--org` and the output options (text, csv or json).
void scoped_list_options(po::options_description& d, po::positional_options_description& p);

// ---- readers

/// The text of an optional option, or empty when it is absent.
[[nodiscard]] std::string text_option(po::variables_map const& vm, char const* name);
/// The text of an optional option, or nothing when it is absent.
[[nodiscard]] std::optional<std::string> optional_text(po::variables_map const& vm, char const* name);
/// True when a switch (an option without a value) is given.
[[nodiscard]] bool flag(po::variables_map const& vm, char const* name);

/// Checks that each of `names` is given.
/// \throws usage_error "--NAME is required" for the first one missing.
void require_options(po::variables_map const& vm, std::initializer_list<char const*> names);

/// The organisation option `name` names (its id or exact name), named after the option in errors.
/// \throws usage_error when it is absent; invalid_input{name} for an unknown or ambiguous organisation.
[[nodiscard]] org_unit org_option(store const& s, po::variables_map const& vm, char const* name = "org");

// ---- output

/// An empty report with its title, XLSX sheet name and columns.
[[nodiscard]] io::report make_report(std::string title, std::string sheet, std::vector<io::column> columns);

/// Writes `r` as the output options ask (see `emit`) and returns exit_ok: the tail of every report
/// command.
int show_report(context& ctx, io::report const& r, po::variables_map const& vm, bool group_first = false);

/// Meta lines of a report (label, value).
using meta_lines = std::vector<std::pair<std::string, std::string>>;
/// True when `--format` asks for aligned text (for readers rather than scripts).
[[nodiscard]] bool text_output(po::variables_map const& vm);

/// The meta lines 日期 and 范围 of a report over `where` on `as_of`, then `more`.
[[nodiscard]] meta_lines dated_scope_meta(store const& s, scope const& where, date::sys_days as_of,
                                          meta_lines more = {});

}  // namespace dangyuan::cli
