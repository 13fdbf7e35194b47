#pragma once
/// \file
/// Options and helpers shared by several subcommands: dates, scopes, output formats, masking.

#include <date/date.h>

#include <functional>
#include <optional>
#include <string>

#include "cli/command.hpp"
#include "io/collation.hpp"
#include "io/table.hpp"

namespace dangyuan::cli {

/// Adds `--as-of DATE`.
void add_as_of_option(po::options_description& d, char const* what = "the date to report on");
/// The `--as-of` date, or today's date in the local time zone when it is absent.
/// \throws invalid_input{"as_of"} for a malformed date.
[[nodiscard]] date::sys_days as_of_date(po::variables_map const& vm);
/// Today's date in the local time zone.
[[nodiscard]] date::sys_days today();

/// Adds `--org ID|NAME`.
void add_scope_option(po::options_description& d);
/// The scope `--org` selects (the organisation and everything below it), or the whole store.
/// \throws invalid_input{"org"} for an unknown or ambiguous organisation.
[[nodiscard]] scope scope_of(store const& s, po::variables_map const& vm);

/// Adds `--format`, `-o/--output` and `--header`. `formats` lists the accepted formats, first the
/// default, e.g. "text|csv|json".
void add_output_options(po::options_description& d, std::string const& formats);
/// Writes a report as `--format` asks: text (aligned), csv, json or xlsx (xlsx needs `-o FILE`).
/// CSV files written with `-o` start with a UTF-8 byte-order mark so that spreadsheets read them
/// correctly; `--encoding gb18030` writes GB18030 instead.
/// \throws usage_error for a format the command does not offer.
void emit(context& ctx, io::report const& r, po::variables_map const& vm, bool group_first = false);

/// Adds `--sort stroke|pinyin|id`.
void add_sort_option(po::options_description& d);
/// The `--sort` order (stroke by default).
[[nodiscard]] io::name_order sort_of(po::variables_map const& vm);

/// Adds `--unmasked` and `--why REASON`.
void add_unmasked_options(po::options_description& d);
/// True when `--unmasked` was given. Full ID numbers and phones are personal data: the access must be
/// recorded in the store's audit trail with the reason (`--why`), before anything is shown.
/// \throws usage_error without `--why`; invalid_input{"unmasked"} when the store cannot record it.
[[nodiscard]] bool unmasked_access(store& s, po::variables_map const& vm, std::string const& what);

/// A progress callback for io functions: a bar on standard error when it is a terminal.
[[nodiscard]] std::function<void(std::size_t, std::size_t)> progress_to_stderr(std::string label);

}  // namespace dangyuan::cli
