#pragma once
/// \file
/// A columnar roster (花名册): the members of a scope as one contiguous array per field, for analysis
/// and bulk export of large rosters (a province holds several million members).
///
/// `store::roster()` returns one `member` per row, convenient but large (several hundred bytes of
/// small strings and optionals per member, each string its own allocation). `roster_table` holds the
/// same fields as columns:
///
/// * integers, dates and codes in `std::vector`s of fixed-width types, so that a numpy array (or an
///   Arrow buffer) can be built over each column without touching individual cells;
/// * text in `text_column`s laid out as Arrow's `large_string`: every value of the column back to back
///   in one UTF-8 buffer, with `size() + 1` offsets into it.
///
/// Conventions shared by every column:
///
/// * row `i` of every column belongs to the same member; rows are ordered by member id;
/// * dates are days since 1970-01-01 (`date::sys_days::time_since_epoch().count()`) as `std::int32_t`;
///   a missing date is `roster_table::no_date`;
/// * codes are the numeric codes of the code tables (`static_cast<int>(e)`, see core/codes.hpp) as
///   `std::int8_t`; a missing code is `roster_table::no_code`;
/// * text is UTF-8; a missing ID number is the empty string (an ID number is never empty).

#include <date/date.h>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "dangyuan/member/member.hpp"
#include "dangyuan/member/member_fields.hpp"
#include "dangyuan/storage/store.hpp"

namespace dangyuan {

/// A column of UTF-8 text in Arrow's `large_string` layout: value `i` is the bytes
/// `[offsets()[i], offsets()[i + 1])` of `data()`. `offsets()` always has `size() + 1` entries and
/// starts with 0.
class text_column {
public:
    /// Arrow's `large_string` offset type (signed 64-bit), so that a column may exceed 4 GiB.
    using offset_type = std::int64_t;

    text_column() = default;

    /// Number of values.
    [[nodiscard]] std::size_t size() const noexcept { return offsets_.size() - 1; }
    [[nodiscard]] bool empty() const noexcept { return size() == 0; }

    /// Value `i`; pre-condition `i < size()`. The view is valid until the column is changed.
    [[nodiscard]] std::string_view operator[](std::size_t i) const noexcept {
        auto const from = static_cast<std::size_t>(offsets_[i]);
        return {data_.data() + from, static_cast<std::size_t>(offsets_[i + 1]) - from};
    }

    /// The `size() + 1` offsets (bytes into `data()`), non-decreasing, the first 0.
    [[nodiscard]] std::span<offset_type const> offsets() const noexcept { return offsets_; }
    /// Every value back to back, without separators or terminators.
    [[nodiscard]] std::string_view data() const noexcept { return {data_.data(), data_.size()}; }

    /// Appends a value.
    void push_back(std::string_view value) {
        data_.insert(data_.end(), value.begin(), value.end());
        offsets_.push_back(static_cast<offset_type>(data_.size()));
    }

    /// Reserves room for `values` more values of `bytes` bytes in all. Room that is reserved but never
    /// written is address space only: on systems with demand paging it takes no memory.
    void reserve(std::size_t values, std::size_t bytes) {
        offsets_.reserve(offsets_.size() + values);
        data_.reserve(data_.size() + bytes);
    }

    /// Bytes held by the values and offsets (sizes, not capacities).
    [[nodiscard]] std::size_t memory_bytes() const noexcept {
        return data_.size() + offsets_.size() * sizeof(offset_type);
    }

    friend bool operator==(text_column const&, text_column const&) = default;

private:
    std::vector<offset_type> offsets_{0};
    std::vector<char> data_;
};

/// The members of a scope, one column per field of `member` (same names, `branch` as the raw org id).
/// Load it with `load_roster_table`; build a `member` from a row with `row(i)`.
struct roster_table {
    /// A missing date (an optional date that is not set).
    static constexpr std::int32_t no_date = std::numeric_limits<std::int32_t>::min();
    /// A missing code (education or personnel category not recorded).
    static constexpr std::int8_t no_code = -1;

    std::vector<std::int64_t> id;                ///< member id (`member_id::value()`)
    text_column name;                            ///< 姓名
    std::vector<std::int8_t> sex;                ///< 性别, GB/T 2261.1 code
    std::vector<std::int8_t> ethnicity;          ///< 民族, GB/T 3304 code
    std::vector<std::int32_t> birth_date;        ///< 出生日期, days since 1970-01-01
    text_column id_number;                       ///< 公民身份号码, 18 characters; empty when none
    std::vector<std::int8_t> education;          ///< 学历, GB/T 4658 code, or no_code
    std::vector<std::int8_t> category;           ///< 人员类别 code, or no_code
    text_column work_unit;                       ///< 工作单位
    text_column post;                            ///< 职务/岗位
    text_column native_place;                    ///< 籍贯
    text_column phone;                           ///< 联系电话
    text_column address;                         ///< 家庭住址
    std::vector<std::int64_t> branch;            ///< the branch's org id (`org_id::value()`)
    std::vector<std::int32_t> joined_branch;     ///< date the relationship came to the branch
    std::vector<std::int32_t> application_date;  ///< 申请入党日期, or no_date
    std::vector<std::int32_t> admission_date;    ///< 入党日期
    std::vector<std::int32_t> full_member_date;  ///< 转正日期, or no_date
    std::vector<std::uint8_t> backfilled;        ///< 补录: 1 or 0 (one byte, like numpy's bool)
    std::vector<std::int64_t> version;           ///< the optimistic-concurrency version

    /// Number of rows.
    [[nodiscard]] std::size_t size() const noexcept { return id.size(); }
    [[nodiscard]] bool empty() const noexcept { return id.empty(); }

    /// The date a date cell holds, or nothing for `no_date`.
    [[nodiscard]] static constexpr std::optional<date::sys_days> to_date(std::int32_t days) noexcept {
        if (days == no_date) return std::nullopt;
        return date::sys_days{date::days{days}};
    }
    /// The cell value of a date (`no_date` for nothing).
    [[nodiscard]] static constexpr std::int32_t from_date(std::optional<date::sys_days> d) noexcept {
        return d ? static_cast<std::int32_t>(d->time_since_epoch().count()) : no_date;
    }

    /// Row `i` as a `member`; pre-condition `i < size()`.
    /// \throws invalid_input when a cell holds a value that `member` cannot (only possible for a table
    ///         assembled by hand: `load_roster_table` checks every cell).
    [[nodiscard]] member row(std::size_t i) const;

    /// Appends a member as a row (its id and version included).
    void push_back(member const& m);

    /// Bytes held by the columns (sizes, not capacities): the memory a loaded table needs.
    [[nodiscard]] std::size_t memory_bytes() const noexcept;

    friend bool operator==(roster_table const&, roster_table const&) = default;
};

/// The column of `roster_table` that holds the field `Field` of `member` (`&member::name` ->
/// `&roster_table::name`): every field of member_fields has one, of the same name.
template <auto Field>
inline constexpr auto roster_column = nullptr;
template <>
inline constexpr auto roster_column<&member::name> = &roster_table::name;
template <>
inline constexpr auto roster_column<&member::sex> = &roster_table::sex;
template <>
inline constexpr auto roster_column<&member::ethnicity> = &roster_table::ethnicity;
template <>
inline constexpr auto roster_column<&member::birth_date> = &roster_table::birth_date;
template <>
inline constexpr auto roster_column<&member::id_number> = &roster_table::id_number;
template <>
inline constexpr auto roster_column<&member::education> = &roster_table::education;
template <>
inline constexpr auto roster_column<&member::category> = &roster_table::category;
template <>
inline constexpr auto roster_column<&member::work_unit> = &roster_table::work_unit;
template <>
inline constexpr auto roster_column<&member::post> = &roster_table::post;
template <>
inline constexpr auto roster_column<&member::native_place> = &roster_table::native_place;
template <>
inline constexpr auto roster_column<&member::phone> = &roster_table::phone;
template <>
inline constexpr auto roster_column<&member::address> = &roster_table::address;
template <>
inline constexpr auto roster_column<&member::branch> = &roster_table::branch;
template <>
inline constexpr auto roster_column<&member::joined_branch> = &roster_table::joined_branch;
template <>
inline constexpr auto roster_column<&member::application_date> = &roster_table::application_date;
template <>
inline constexpr auto roster_column<&member::admission_date> = &roster_table::admission_date;
template <>
inline constexpr auto roster_column<&member::full_member_date> = &roster_table::full_member_date;
template <>
inline constexpr auto roster_column<&member::backfilled> = &roster_table::backfilled;

/// Calls `f(field, column)` for every field of the member record, in the order of member_fields
/// (`for_each_member_field`): `field` is its `member_field<&member::x>`, `column` the column `t.x`
/// (const when `t` is). The columns `id` and `version`, which are not fields of the list, are left to
/// the caller.
template <class Table, class F>
requires std::is_same_v<std::remove_const_t<Table>, roster_table>
constexpr void for_each_roster_column(Table& t, F&& f) {
    for_each_member_field([&](auto const& field) {
        constexpr auto column = roster_column<std::decay_t<decltype(field)>::pointer>;
        static_assert(!std::is_null_pointer_v<std::decay_t<decltype(column)>>,
                      "every field of member_fields has a column in roster_table");
        f(field, t.*column);
    });
}

/// Loads the roster of a scope as columns: the same rows, in the same order (by id) and with the same
/// values as `s.roster(sc, as_of)`, without building a `member` per row.
///
/// Members of the branches in scope; with `as_of`, only those admitted on or before it and not exited
/// by then (a suspended member is listed).
///
/// Loading normally takes no more memory than the table holds (`memory_bytes()`): the columns are sized
/// once, from a count of the scope's members and, for text, from the first rows with a margin of twice
/// their mean length, so that no column is copied while it grows (docs/performance.md has the figures).
/// \throws not_found for a subtree scope whose root does not exist; storage_error when the file cannot
///         be read or a cell holds a value the store never writes (a file edited by hand).
[[nodiscard]] roster_table load_roster_table(store const& s, scope sc = scope::all(),
                                             std::optional<date::sys_days> as_of = std::nullopt);

/// The most read connections `load_roster_parts` opens.
inline constexpr std::size_t roster_max_readers = 16;

/// How `load_roster_parts` reads.
struct roster_parts_options {
    /// Read connections working at once (at most `roster_max_readers`); 0 takes one per hardware
    /// thread, at most 4.
    std::size_t readers = 0;
    /// Fewer readers are used when the scope holds fewer than this many members per reader (a
    /// connection costs more to open than it saves on a small roster).
    std::size_t min_rows_per_reader = 25'000;
};

/// Loads the same roster as `load_roster_table`, read by several connections at once, each on a
/// consecutive range of member ids, and returns the parts in id order: concatenated, they are
/// `load_roster_table(s, sc, as_of)` (a part may be empty). For tools that process the parts one after
/// the other (the Python bindings build a data frame from them), this loads a large roster in about
/// 1 / readers of the time on a machine with that many free cores.
///
/// The extra connections are read-only and see one state of the file: each starts a read transaction,
/// and they are used only when they all see the same last audit entry (every change to a store appends
/// one); when other writers keep committing, the load retries, then falls back to one connection. One
/// connection (the store's own, one part) is also used when the store is in memory or its file cannot
/// be opened again.
/// \throws as `load_roster_table`.
[[nodiscard]] std::vector<roster_table> load_roster_parts(store const& s, roster_parts_options const& o = {},
                                                          scope sc = scope::all(),
                                                          std::optional<date::sys_days> as_of = std::nullopt);

}  // namespace dangyuan
