#pragma once
/// \file
/// One table per enumeration (枚举表): each enumerator with its stable code, an optional English label
/// and its Chinese name, and the generic functions that read the table: `to_string`, `chinese_name`,
/// `english_name`, `parse_enum`, `parse_enum_or_throw` and iteration over every value.
///
/// A header that declares an enumeration `E` specialises `enum_table<E>` right after it:
///
///     template <>
///     struct enum_table<org_kind> {
///         static constexpr std::string_view field = "kind";               // for invalid_input
///         static constexpr std::string_view noun = "organisation kind";   // "unknown organisation kind 'x'"
///         static constexpr enum_row<org_kind> rows[] = {
///             {org_kind::higher_committee, "higher_committee", "上级党委"},
///             ...
///         };
///     };
///
/// The rows must list every enumerator once, in declaration order, starting at 0; `enum_table_check<E>`
/// (a `static_assert` in every generic function) enforces this at compile time, and with GCC or Clang
/// also that no enumerator follows the last row and that each row's `name` (or `code`) spells the
/// enumerator. The generic functions are found by argument-dependent lookup, so `to_string(k)` and
/// `chinese_name(k)` work for every tabled enumeration of the library.

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "dangyuan/core/errors.hpp"

namespace dangyuan {

/// One enumerator and its texts.
template <class E>
struct enum_row {
    E value;                        ///< the enumerator
    std::string_view code;          ///< stable text used in storage, CSV, the CLI and Python (`to_string`)
    std::string_view chinese = {};  ///< Chinese name (中文名称); empty when the enumeration has none
    std::string_view english = {};  ///< English label when it differs from the code; empty otherwise
    std::string_view name = {};     ///< C++ enumerator name (the Python name) when it differs from `code`
    /// The C++ enumerator name, which is also the Python name.
    [[nodiscard]] constexpr std::string_view identifier() const noexcept {
        return name.empty() ? code : name;
    }
};

/// The table of an enumeration; specialised next to each enumeration (see the file comment).
template <class E>
struct enum_table;

/// An enumeration with a table.
template <class E>
concept tabled_enum = std::is_enum_v<E> && requires {
    enum_table<E>::rows;
    { enum_table<E>::field } -> std::convertible_to<std::string_view>;
    { enum_table<E>::noun } -> std::convertible_to<std::string_view>;
};

/// The rows of `E`, in enumerator order.
template <tabled_enum E>
[[nodiscard]] constexpr std::span<enum_row<E> const> enum_rows() noexcept {
    return std::span<enum_row<E> const>(enum_table<E>::rows);
}

namespace detail {

/// The text GCC and Clang print for the template argument `V`: "ns::E::name" for an enumerator, a cast
/// such as "(ns::E)7" for a value without one. Empty for other compilers.
template <auto V>
constexpr std::string_view enumerator_spelling() noexcept {
#if defined(__GNUC__) || defined(__clang__)
    std::string_view const f = __PRETTY_FUNCTION__;
    auto const at = f.find("V = ");
    if (at == std::string_view::npos) return {};
    auto const rest = f.substr(at + 4);
    return rest.substr(0, rest.find_first_of(";]"));
#else
    return {};
#endif
}

/// True unless the compiler shows that `V` is a value with no enumerator.
template <auto V>
constexpr bool may_be_enumerator() noexcept {
    auto const s = enumerator_spelling<V>();
    return s.empty() || s.front() != '(';
}

/// True when `V` is spelled `…::id` (or the compiler does not tell).
template <auto V>
constexpr bool spelled(std::string_view id) noexcept {
    auto const s = enumerator_spelling<V>();
    if (s.empty()) return true;
    return s.size() > id.size() + 2 && s.substr(s.size() - id.size()) == id &&
           s.substr(s.size() - id.size() - 2, 2) == "::";
}

template <class E, std::size_t... I>
constexpr bool names_match(std::index_sequence<I...>) noexcept {
    return (spelled<enum_table<E>::rows[I].value>(enum_table<E>::rows[I].identifier()) && ...);
}

template <class E>
constexpr bool rows_in_order() noexcept {
    std::size_t i = 0;
    for (auto const& r : enum_table<E>::rows) {
        if (static_cast<std::size_t>(static_cast<std::underlying_type_t<E>>(r.value)) != i) return false;
        if (r.code.empty()) return false;
        ++i;
    }
    return true;
}

template <class E>
constexpr bool codes_distinct() noexcept {
    auto const rows = enum_rows<E>();
    for (std::size_t i = 0; i < rows.size(); ++i)
        for (std::size_t j = i + 1; j < rows.size(); ++j)
            if (rows[i].code == rows[j].code) return false;
    return true;
}

}  // namespace detail

/// Compile-time check of `enum_table<E>`: rows for 0, 1, …, n-1 in order, non-empty distinct codes,
/// no enumerator with the value n, and row names that spell the enumerators (the last two with GCC or
/// Clang).
template <tabled_enum E>
inline constexpr bool enum_table_check = [] {
    constexpr auto n = std::size(enum_table<E>::rows);
    static_assert(detail::rows_in_order<E>(), "enum_table rows must be every enumerator, in order, from 0");
    static_assert(detail::codes_distinct<E>(), "enum_table codes must be distinct");
    static_assert(
        !detail::may_be_enumerator<static_cast<E>(n)>() || detail::enumerator_spelling<E{}>().empty(),
        "enum_table lacks the enumerator after its last row");
    static_assert(detail::names_match<E>(std::make_index_sequence<n>{}),
                  "enum_table row name (or code) differs from the enumerator's name");
    return true;
}();

/// True when every row of `E` has a Chinese name.
template <tabled_enum E>
inline constexpr bool enum_has_chinese = [] {
    for (auto const& r : enum_table<E>::rows)
        if (r.chinese.empty()) return false;
    return true;
}();

/// True when some row of `E` has an English label of its own.
template <tabled_enum E>
inline constexpr bool enum_has_english = [] {
    for (auto const& r : enum_table<E>::rows)
        if (!r.english.empty()) return true;
    return false;
}();

/// The row of `e`, or nullptr for a value outside the enumeration (a cast integer).
template <tabled_enum E>
[[nodiscard]] constexpr enum_row<E> const* find_row(E e) noexcept {
    static_assert(enum_table_check<E>);
    auto const rows = enum_rows<E>();
    auto const i = static_cast<std::size_t>(static_cast<std::underlying_type_t<E>>(e));
    return i < rows.size() ? &rows[i] : nullptr;
}

/// The rows of an enumeration whose own table carries more columns (a row type with the enumerator in
/// member `Key` and members `code` and `chinese`), for `enum_table<E>::rows`:
/// `static constexpr auto rows = enum_rows_from<&ground_row::ground>(ground_table);`.
template <auto Key, class Row, std::size_t N>
[[nodiscard]] constexpr auto enum_rows_from(std::array<Row, N> const& table) noexcept {
    using E = std::remove_cvref_t<decltype(std::declval<Row const&>().*Key)>;
    std::array<enum_row<E>, N> out{};
    for (std::size_t i = 0; i < N; ++i)
        out[i] = {table[i].*Key, table[i].code, table[i].chinese};
    return out;
}

/// Every value of `E`, in enumerator order.
template <tabled_enum E>
[[nodiscard]] constexpr auto enum_values() noexcept {
    static_assert(enum_table_check<E>);
    std::array<E, std::size(enum_table<E>::rows)> out{};
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = enum_table<E>::rows[i].value;
    return out;
}

/// The stable code of `e`, e.g. "general_branch" (storage, CSV, CLI, Python `.code`); "?" for a value
/// outside the enumeration.
template <tabled_enum E>
[[nodiscard]] constexpr std::string_view to_string(E e) noexcept {
    auto const* r = find_row(e);
    return r ? r->code : std::string_view("?");
}

/// The Chinese name of `e`, e.g. "党总支"; "?" for a value outside the enumeration.
template <tabled_enum E>
requires enum_has_chinese<E>
[[nodiscard]] constexpr std::string_view chinese_name(E e) noexcept {
    auto const* r = find_row(e);
    return r ? r->chinese : std::string_view("?");
}

/// The English label of `e`: its own label when the row has one, else the code.
template <tabled_enum E>
[[nodiscard]] constexpr std::string_view english_name(E e) noexcept {
    auto const* r = find_row(e);
    return !r ? std::string_view("?") : r->english.empty() ? r->code : r->english;
}

/// The C++ enumerator name of `e` (the Python name), e.g. "general_branch".
template <tabled_enum E>
[[nodiscard]] constexpr std::string_view enumerator_name(E e) noexcept {
    auto const* r = find_row(e);
    return r ? r->identifier() : std::string_view("?");
}

/// Reads a value from its code or its Chinese name (exact match); nothing for any other text.
template <tabled_enum E>
[[nodiscard]] constexpr std::optional<E> parse_enum(std::string_view text) noexcept {
    static_assert(enum_table_check<E>);
    for (auto const& r : enum_table<E>::rows)
        if (r.code == text || (!r.chinese.empty() && r.chinese == text)) return r.value;
    return std::nullopt;
}

/// Reads a value as `parse_enum` does.
/// \throws invalid_input{enum_table<E>::field} "unknown <noun> '<text>'" for any other text.
template <tabled_enum E>
[[nodiscard]] E parse_enum_or_throw(std::string_view text) {
    if (auto const v = parse_enum<E>(text)) return *v;
    throw invalid_input(std::string(enum_table<E>::field),
                        "unknown " + std::string(enum_table<E>::noun) + " '" + std::string(text) + "'");
}

/// The codes of `E` joined by `sep`, in enumerator order, e.g. "branch, joint_branch" (for help texts
/// and error messages that list the choices).
template <tabled_enum E>
[[nodiscard]] std::string enum_codes(std::string_view sep = ", ") {
    std::string out;
    for (auto const& r : enum_rows<E>())
        out.append(out.empty() ? "" : sep).append(r.code);
    return out;
}

}  // namespace dangyuan
