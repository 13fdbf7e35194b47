#pragma once
/// \file
/// Options and helpers shared by several subcommands: dates, scopes, output formats, masking.

#include <date/date.h>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "cli/command.hpp"
#include "cli/options.hpp"
#include "dangyuan/core/month.hpp"  // parse_month, format_month for month options
#include "dangyuan/io/collation.hpp"
#include "dangyuan/io/table.hpp"
#include "dangyuan/rules/vote.hpp"

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

/// Adds `--format`, `-o/--output`, `--header`, `--encoding` and `--width`. `formats` lists the accepted
/// formats, first the default, e.g. "text|csv|json".
void add_output_options(po::options_description& d, std::string const& formats);
/// The number in a `--width` value. \throws usage_error when it is not a whole number >= 0.
[[nodiscard]] std::size_t width_of(std::string const& text);
/// The display width text output is fitted into (0 = no limit): `--width N` when given; else, when
/// `to_terminal` (the report goes to standard output), `$COLUMNS` when it is a number, else the
/// terminal's width when standard output is a terminal; else 0.
[[nodiscard]] std::size_t text_width(po::variables_map const& vm, bool to_terminal);
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
/// True when `--unmasked` was given. Full ID numbers, birth dates, phones and addresses are personal
/// data: an unmasked view needs `--why REASON` and the principal's permission::unmasked_personal_data;
/// once shown, record_unmasked records it in the audit trail (in the command's transaction).
/// \throws usage_error without a reason; access_denied without the permission.
[[nodiscard]] bool unmasked_access(store& s, po::variables_map const& vm);
/// Records the unmasked view of `rows` rows (nothing without `--unmasked`).
void record_unmasked(store& s, po::variables_map const& vm, std::string const& what, std::size_t rows);

// ---- arguments of the domain commands (case, mobility, eval, meeting, training, dues)

/// The member a key names: a member id, an ID number (公民身份号码) or an exact name. A name several
/// members share is refused with their ids.
/// \throws not_found for an unknown id, ID number or name; invalid_input{field} for a shared name.
[[nodiscard]] member find_member_by_key(store const& s, std::string const& key, char const* field = "member");
/// The member of option `name` (see find_member_by_key), named after the option in errors.
[[nodiscard]] member member_option(store const& s, po::variables_map const& vm, char const* name);
/// The members of a comma-separated list of keys (ids, ID numbers or names).
[[nodiscard]] std::vector<member_id> member_list(store const& s, std::string const& keys, char const* field);

/// The organisation `text` names: its id or exact name.
/// \throws invalid_input{field} for an unknown or ambiguous organisation.
[[nodiscard]] org_unit resolve_org(store const& s, std::string const& text, char const* field = "org");

/// The date of a required or optional option (the four spellings of `parse_date`), named after the
/// option in errors.
[[nodiscard]] date::sys_days date_option(po::variables_map const& vm, char const* name);
[[nodiscard]] std::optional<date::sys_days> optional_date(po::variables_map const& vm, char const* name);

/// Yes/no values: 是 / 否, yes / no, y / n, true / false, 1 / 0.
/// \throws invalid_input{field} for anything else.
[[nodiscard]] bool parse_yes_no_value(std::string const& text, std::string const& field);

/// A positive or zero whole number.
/// \throws invalid_input{field} for anything else.
[[nodiscard]] int parse_count(std::string const& text, std::string const& field);

/// Adds `--entitled`, `--present`, `--written`, `--yes`, `--no`, `--abstain`: the counts of a branch
/// meeting's vote (票决).
void add_vote_options(po::options_description& d);
/// The vote of those options, when `--entitled` is given, or `entitled` (the store's count of the voting
/// members) is known and `--present` / `--yes` are given.
[[nodiscard]] std::optional<branch_vote> vote_of(po::variables_map const& vm,
                                                 std::optional<int> entitled = std::nullopt);

/// Adds `--why REASON` (recorded in the audit trail).
void add_why_option(po::options_description& d);
/// The `--why` text, or empty.
[[nodiscard]] std::string why_of(po::variables_map const& vm);

/// A one-column key/value report (项目, 内容) for the `show` commands.
[[nodiscard]] io::report key_value_report(std::string title, std::string sheet);

/// A progress callback for io functions: a bar on standard error when it is a terminal.
[[nodiscard]] std::function<void(std::size_t, std::size_t)> progress_to_stderr(std::string label);

}  // namespace dangyuan::cli
