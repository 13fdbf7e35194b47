#pragma once
// Internal to src/storage: the row helpers every repository shares (column readers, binders, the
// strong-id conversions) and `in_read`, the read-side twin of `in_transaction`. Nothing here is
// installed.

#include "sql/database.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include "dangyuan/core/enum_table.hpp"
#include "dangyuan/core/errors.hpp"
#include "dangyuan/core/ids.hpp"
#include "impl.hpp"

namespace dangyuan::storage {

/// An enumerator as the store writes it: its code in the enumeration's table (core/enum_table.hpp).
/// \throws storage_error naming the column for any other text (the file was changed outside the library).
template <tabled_enum E>
E stored_enum(std::string_view text, char const* column) {
    for (auto const& r : enum_rows<E>())
        if (r.code == text) return r.value;
    throw storage_error("column " + std::string(column) + " holds '" + std::string(text) + "'");
}

/// Runs `f` and translates a SQLite error into the library's hierarchy (see rethrow_sqlite), naming
/// what was being done. For reads and for the checks a command makes before its transaction opens;
/// writes go through in_transaction / in_savepoint. Our own errors pass through unchanged.
template <class F>
auto in_read(std::string_view doing, F&& f) -> decltype(f()) {
    try {
        return f();
    } catch (sql::error const& e) {
        rethrow_sqlite(e, doing);
    }
}

/// The store's implementation state behind a public `store`.
inline store_impl& impl_of(store const& s) {
    return detail::store_access::of(s);
}

/// A strong id as the integer stored in its column.
template <class Tag>
std::int64_t raw(strong_id<Tag> id) {
    return static_cast<std::int64_t>(id.value());
}

/// An optional strong id as an optional integer (NULL when absent).
template <class Tag>
std::optional<std::int64_t> opt_raw(std::optional<strong_id<Tag>> id) {
    return id ? std::optional(raw(*id)) : std::nullopt;
}

/// Binds a value or NULL, by position or by `:name`.
template <class T, class Key>
void bind_opt(sql::statement& st, Key key, std::optional<T> const& v) {
    if (v)
        st.bind(key, *v);
    else
        st.bind(key);
}

/// Binds a strong id, by position or by `:name`.
template <class Tag, class Key>
void bind_id(sql::statement& st, Key key, strong_id<Tag> id) {
    st.bind(key, raw(id));
}

/// Binds a date as ISO text (NULL when absent) by `:name`.
inline void bind_date(sql::statement& st, char const* name, std::optional<date::sys_days> d) {
    bind_date(st, st.index_of(name), d);
}

/// Column readers: NULL reads as nothing.
inline std::optional<std::int64_t> col_int64(sql::statement& st, int c) {
    auto col = st.column(c);
    if (col.is_null()) return std::nullopt;
    return col.as_int64();
}
inline std::optional<int> col_opt_int(sql::statement& st, int c) {
    auto col = st.column(c);
    if (col.is_null()) return std::nullopt;
    return col.as_int();
}
inline int col_int(sql::statement& st, int c) {
    return st.column(c).as_int();
}
inline std::string col_text(sql::statement& st, int c) {
    return st.column(c).as_string();
}
/// A strong id column; NULL reads as nothing.
template <class Id>
std::optional<Id> column_id(sql::statement& st, int c) {
    auto col = st.column(c);
    if (col.is_null()) return std::nullopt;
    return Id{col.as_int64()};
}
/// A date column that must hold a date.
inline date::sys_days col_date(sql::statement& st, int c, char const* name) {
    auto const d = column_date(st, c, name);
    if (!d) throw storage_error("column " + std::string(name) + " is empty");
    return *d;
}

/// A set of ids as the JSON array that `IN (SELECT value FROM json_each(:ids))` reads: one statement
/// loads the rows of a whole set, whatever its size. Takes strong ids or integers (numbers), or ID
/// numbers (citizen_id: strings, which hold digits and X only, so need no escaping).
template <class Range>
std::string json_ids(Range const& ids) {
    std::string out = "[";
    for (auto const& id : ids) {
        if (out.size() > 1) out += ',';
        if constexpr (requires { id.str(); })
            out += '"' + id.str() + '"';
        else if constexpr (requires { id.value(); })
            out += std::to_string(id.value());
        else
            out += std::to_string(id);
    }
    return out + "]";
}
/// The SQL that selects the members of the set bound to `:ids` (see json_ids).
inline constexpr char const* in_id_set = "IN (SELECT value FROM json_each(:ids))";

/// Reads the head rows of the aggregates `ids` in one query: `sql` selects the aggregate's id as its
/// first column and ends in `... id ` followed by `in_id_set` (the set json_ids(ids) is bound to
/// `:ids`); `fill(row, i)` reads a row of the aggregate `ids[i]`. Returns the position in `ids` of each
/// id (as stored), for the queries that read the aggregates' parts.
/// \throws not_found "no <what> with id N" for an id that names no row.
template <class Id, class F>
std::unordered_map<std::int64_t, std::size_t> read_heads(sql::database& db, std::string const& sql,
                                                         std::vector<Id> const& ids, std::string_view what,
                                                         F&& fill) {
    std::unordered_map<std::int64_t, std::size_t> at;
    for (std::size_t i = 0; i < ids.size(); ++i)
        at.emplace(raw(ids[i]), i);
    sql::statement head(db, sql);
    head.bind(":ids", json_ids(ids));
    std::vector<bool> found(ids.size());
    while (head.step()) {
        auto const i = at.at(head.column(0).as_int64());
        found[i] = true;
        fill(head, i);
    }
    for (std::size_t i = 0; i < ids.size(); ++i)
        if (!found[i])
            throw not_found("no " + std::string(what) + " with id " + std::to_string(ids[i].value()));
    return at;
}
/// The SQL that selects the organisations of the subtree whose root is bound to `:root` (the root and
/// everything below it), for `branch_id IN ...`. UNION, not UNION ALL: an organisation met twice (a
/// hand-edited cycle) ends the recursion instead of repeating it forever.
inline constexpr char const* in_subtree =
    "IN (WITH RECURSIVE sub(id) AS (SELECT id FROM orgs WHERE id = :root UNION SELECT o.id FROM orgs o "
    "JOIN sub ON o.parent_id = sub.id) SELECT id FROM sub)";

}  // namespace dangyuan::storage
