// dangyuan.Roster: the columns of a roster_table as numpy arrays, and its rows as Member records.

#include "roster_result.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>
#include <utility>

#include "enums.hpp"
#include "text_cells.hpp"

namespace dangyuan::python {
namespace {

// The column names, in the order of columns() (Member's fields; a test checks that the two agree).
constexpr std::array<char const*, 20> column_order = {"id",
                                                      "name",
                                                      "sex",
                                                      "ethnicity",
                                                      "birth_date",
                                                      "id_number",
                                                      "education",
                                                      "category",
                                                      "work_unit",
                                                      "post",
                                                      "native_place",
                                                      "phone",
                                                      "address",
                                                      "branch",
                                                      "joined_branch",
                                                      "application_date",
                                                      "admission_date",
                                                      "full_member_date",
                                                      "backfilled",
                                                      "version"};

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
py::tuple category(char const* name, std::vector<roster_table> const& parts, std::size_t rows,
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
    return {column_order.begin(), column_order.end()};
}

py::list roster_result::columns() const {
    auto const& p = parts_;
    auto const n = size_;
    // Work units, posts and native places repeat (a few ten thousand distinct values in a million
    // rows): one str each. A member without an ID number has None.
    auto texts = text_arrays({text(p, &roster_table::name), text(p, &roster_table::id_number, true),
                              text(p, &roster_table::work_unit, false, true),
                              text(p, &roster_table::post, false, true),
                              text(p, &roster_table::native_place, false, true),
                              text(p, &roster_table::phone), text(p, &roster_table::address)});
    auto const as_text = [&](char const* name, std::size_t k) {
        return py::make_tuple(name, "text", std::move(texts[k]), py::none());
    };
    auto const plain = [](char const* name, char const* kind, py::array a) {
        return py::make_tuple(name, kind, std::move(a), py::none());
    };
    py::array_t<bool> backfilled(static_cast<py::ssize_t>(n));
    fill(p, &roster_table::backfilled, backfilled.mutable_data(), [](std::uint8_t v) { return v != 0; });

    py::list out;
    out.append(plain("id", "int", integers(p, n, &roster_table::id)));
    out.append(as_text("name", 0));
    out.append(category<sex>("sex", p, n, &roster_table::sex));
    out.append(category<ethnicity>("ethnicity", p, n, &roster_table::ethnicity));
    out.append(plain("birth_date", "date", dates(p, n, &roster_table::birth_date)));
    out.append(as_text("id_number", 1));
    out.append(category<education>("education", p, n, &roster_table::education));
    out.append(category<personnel_category>("category", p, n, &roster_table::category));
    out.append(as_text("work_unit", 2));
    out.append(as_text("post", 3));
    out.append(as_text("native_place", 4));
    out.append(as_text("phone", 5));
    out.append(as_text("address", 6));
    out.append(plain("branch", "int", integers(p, n, &roster_table::branch)));
    out.append(plain("joined_branch", "date", dates(p, n, &roster_table::joined_branch)));
    out.append(plain("application_date", "date", dates(p, n, &roster_table::application_date)));
    out.append(plain("admission_date", "date", dates(p, n, &roster_table::admission_date)));
    out.append(plain("full_member_date", "date", dates(p, n, &roster_table::full_member_date)));
    out.append(plain("backfilled", "bool", backfilled));
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
