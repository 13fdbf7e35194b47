#pragma once
/// \file
/// What the commands of the organisation-work procedures (appraisal, rectify, community, unit and
/// coverage, honour) read and show alike: a record's id as the positional argument, a code-table value
/// as "中文 (code)", `--year`, and the meta lines and figures of a list or a year over a scope.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "cli/options.hpp"
#include "dangyuan/core/enum_table.hpp"

namespace dangyuan::cli {

/// `v` as "中文 (code)": its Chinese name, then its code.
template <class E>
[[nodiscard]] std::string labelled(E v) {
    return std::string(chinese_name(v)) + " (" + std::string(to_string(v)) + ")";
}

/// The whole number of argument `name` (added with add_id_argument), 1 or more.
/// \throws invalid_input{name} when it is not a whole number, or "<noun> ids start at 1" (`noun`:
///         `name` when empty) for 0.
[[nodiscard]] int positive_id_value(po::variables_map const& vm, char const* name,
                                    std::string_view noun = {});

/// Argument `name` as an id of type `Id` (see positive_id_value).
template <class Id>
[[nodiscard]] Id id_argument(po::variables_map const& vm, char const* name, std::string_view noun = {}) {
    return Id{positive_id_value(vm, name, noun)};
}

/// The value of `--year`.
/// \throws usage_error "--year is required" when it is absent.
[[nodiscard]] int required_year(po::variables_map const& vm);
/// The value of `--year`, or nothing when it is absent.
[[nodiscard]] std::optional<int> optional_year(po::variables_map const& vm);

/// The options of scoped_list_options, then `--year YEAR` with `year_help`.
void scoped_year_options(po::options_description& d, po::positional_options_description& p,
                         char const* year_help);
/// The options of the figures of a year over a scope: scoped_year_options with "the year (required)".
void year_figures_options(po::options_description& d, po::positional_options_description& p);

/// An empty report of figures: the columns 项目 (item) and 数值 (value, right-aligned).
[[nodiscard]] io::report figures_report(std::string title, std::string sheet);

/// The meta lines 范围 (the scope described) and 年度 of a year's figures over `where`.
[[nodiscard]] meta_lines scope_year_meta(store const& s, scope const& where, int year);
/// The meta lines 范围 (the scope described) and `label` with `count`, of a list over `where`.
[[nodiscard]] meta_lines scope_count_meta(store const& s, scope const& where, std::string label,
                                          std::size_t count);

}  // namespace dangyuan::cli
