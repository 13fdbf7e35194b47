// dangyuan.Roster: the columns of a roster_table as numpy arrays, and its rows as Member records.

#include "roster_result.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>

#include "enums.hpp"
#include "text_cells.hpp"

namespace dangyuan::python {
namespace {

// The text columns whose values repeat (a few ten thousand distinct values in a million rows): one
// str each.
constexpr std::array<std::string_view, 3> repeated_texts = {"work_unit", "post", "native_place"};

// The enumeration of a code field, `E` or `std::optional<E>`.
template <class T>
struct code_of {
    using type = T;
};
template <class T>
struct code_of<std::optional<T>> {
    using type = T;
};

template <class T>
using column_of = std::vector<T> roster_table::*;

// One numpy array from the same column of every part, converted cell by cell with `f`.
template <class Out, class In, class F>
void fill(std::vector<roster_table> const& parts, column_of<In> column, Out* out, F f) {
    for (auto const& part : parts)
        out = std::transform((part.*column).begin(), (part.*column).end(), out, f);
}

template <class T>
py::array integers(std::vector<roster_table> const& parts, std::size_t rows, column_of<T> column) {
    py::array_t<std::int64_t> a(static_cast<py::ssize_t>(rows));
    fill(parts, column, a.mutable_data(), [](T v) { return static_cast<std::int64_t>(v); });
    return a;
}

py::array dates(std::vector<roster_table> const& parts, std::size_t rows, column_of<std::int32_t> column) {
    py::array a = new_array("M8[D]", rows);
    fill(parts, column, static_cast<std::int64_t*>(a.mutable_data()), [](std::int32_t v) {
        return v == roster_table::no_date ? std::numeric_limits<std::int64_t>::min() : std::int64_t{v};
    });
    return a;
}

template <class E>
py::tuple category(std::string_view name, std::vector<roster_table> const& parts, std::size_t rows,
                   column_of<std::int8_t> column) {
    std::array<std::int16_t, 128> position{};
    for (int v = 0; v < 128; ++v)
        position[static_cast<std::size_t>(v)] = category_position(static_cast<E>(v));
    py::array_t<std::int16_t> a(static_cast<py::ssize_t>(rows));
    fill(parts, column, a.mutable_data(),
         [&](std::int8_t v) { return v < 0 ? std::int16_t{-1} : position[static_cast<std::size_t>(v)]; });
    return py::make_tuple(name, "category", a, py::type::of<E>());
}

text_source text(std::vector<roster_table> const& parts, text_column roster_table::*column,
                 bool none_when_empty = false, bool repeated = false) {
    text_source src{{}, none_when_empty, repeated};
    for (auto const& part : parts)
        src.parts.push_back(&(part.*column));
    return src;
}

}  // namespace

roster_result::roster_result(std::vector<roster_table> parts) : parts_(std::move(parts)) {
    for (auto const& p : parts_)
        size_ += p.size();
}

roster_result::roster_result(std::vector<member> const& members) : parts_(1), size_(members.size()) {
    for (auto const& m : members)
        parts_.front().push_back(m);
}

member roster_result::row(std::size_t i) const {
    for (auto const& p : parts_) {
        if (i < p.size()) return p.row(i);
        i -= p.size();
    }
    throw py::index_error("row index out of range");
}

std::vector<std::string> roster_result::column_names() const {
    // Member's fields between the store's id and version, like the columns of roster_table.
    std::vector<std::string> out{"id"};
    for (auto const& f : member_fields)
        out.emplace_back(f.name);
    out.emplace_back("version");
    return out;
}

py::list roster_result::columns() const {
    auto const& p = parts_;
    auto const n = size_;
    static roster_table const layout;  // for_each_roster_column visits its columns for their types only
    // The text columns first, converted together. A member without an ID number has None.
    std::vector<text_source> sources;
    for_each_roster_column(layout, [&](auto const& field, auto const& column) {
        if constexpr (std::is_same_v<std::decay_t<decltype(column)>, text_column>) {
            using T = std::remove_cvref_t<decltype(member{}.*std::decay_t<decltype(field)>::pointer)>;
            bool const repeated =
                std::find(repeated_texts.begin(), repeated_texts.end(), field.name) != repeated_texts.end();
            sources.push_back(text(p, roster_column<std::decay_t<decltype(field)>::pointer>,
                                   !std::is_same_v<T, std::string>, repeated));
        }
    });
    auto texts = text_arrays(sources);
    auto const plain = [](std::string_view name, char const* kind, py::array a) {
        return py::make_tuple(name, kind, std::move(a), py::none());
    };

    py::list out;
    out.append(plain("id", "int", integers(p, n, &roster_table::id)));
    std::size_t k = 0;
    for_each_roster_column(layout, [&](auto const& field, auto const& column) {
        constexpr auto pointer = std::decay_t<decltype(field)>::pointer;
        using T = std::remove_cvref_t<decltype(member{}.*pointer)>;
        using C = std::decay_t<decltype(column)>;
        constexpr auto in_table = roster_column<pointer>;
        if constexpr (std::is_same_v<C, text_column>) {
            out.append(py::make_tuple(field.name, "text", std::move(texts[k++]), py::none()));
        } else if constexpr (std::is_same_v<T, bool>) {
            py::array_t<bool> a(static_cast<py::ssize_t>(n));
            fill(p, in_table, a.mutable_data(), [](std::uint8_t v) { return v != 0; });
            out.append(plain(field.name, "bool", a));
        } else if constexpr (std::is_same_v<C, std::vector<std::int32_t>>) {
            out.append(plain(field.name, "date", dates(p, n, in_table)));
        } else if constexpr (std::is_same_v<C, std::vector<std::int8_t>>) {
            out.append(category<typename code_of<T>::type>(field.name, p, n, in_table));
        } else {
            out.append(plain(field.name, "int", integers(p, n, in_table)));
        }
    });
    out.append(plain("version", "int", integers(p, n, &roster_table::version)));
    return out;
}

void register_roster(py::module_& m) {
    py::class_<roster_result, table_base> cls(
        m, "Roster",
        "Members, one row each, with the fields of Member as columns (enum fields as categories, ids as "
        "ints). Large rosters are kept as columns; indexing and iteration build Member records.");
    cls.def("__getitem__", [](roster_result const& t, std::ptrdiff_t i) {
        auto const n = static_cast<std::ptrdiff_t>(t.size());
        if (i < 0) i += n;
        if (i < 0 || i >= n) throw py::index_error("row index out of range");
        return t.row(static_cast<std::size_t>(i));
    });
    cls.def("__iter__", [](py::object const& self) {
        // map(self.__getitem__, range(len(self))): one Member at a time; the iterator keeps the roster.
        auto const builtins = py::module_::import("builtins");
        return builtins.attr("map")(self.attr("__getitem__"), builtins.attr("range")(py::len(self)));
    });
}

}  // namespace dangyuan::python
