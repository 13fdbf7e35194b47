#pragma once
/// \file
/// Bulk results as columns. A `record_table<T>` owns the C++ records a query returned (no Python
/// object per record or per cell) and builds numpy arrays from them on request, in C++:
///
/// | kind       | numpy array                      | extra                                         |
/// | ---------- | -------------------------------- | --------------------------------------------- |
/// | "int"      | int64                            | None, or a bool mask (True = missing, value 0) |
/// | "float"    | float64                          | None                                          |
/// | "bool"     | bool                             | None                                          |
/// | "date"     | datetime64[D], NaT when missing  | None                                          |
/// | "datetime" | datetime64[s] (UTC), NaT         | None                                          |
/// | "text"     | object: one str per cell, None   | None                                          |
/// | "category" | int16 codes into Enum.all(), -1  | the Python enum class                         |
///
/// The Python side (`dangyuan/__init__.py`) turns these into `to_numpy()` and `to_pandas()` without a
/// per-cell Python loop. Text cells are the only per-cell objects: one `str` each, built straight from
/// the UTF-8 bytes; columns of repeating values (work units, rule ids) share one `str` per distinct value.
///
/// A table type is `record_table<T>` with a `table_spec<T>` that lists the columns, registered with
/// `register_table<T>(m, doc)` (rows come back as the bound record type when indexed or iterated).

#include <date/date.h>
#include <pybind11/numpy.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common.hpp"

namespace dangyuan::python {

/// The base of every bulk result; Python's `dangyuan.Table`.
class table_base {
public:
    table_base() = default;
    table_base(table_base const&) = delete;
    table_base& operator=(table_base const&) = delete;
    virtual ~table_base() = default;

    /// Number of rows.
    [[nodiscard]] virtual std::size_t size() const noexcept = 0;
    /// The columns as a list of `(name, kind, values, extra)` tuples (see the file comment).
    [[nodiscard]] virtual py::list columns() const = 0;
    /// The column names, without building any array.
    [[nodiscard]] virtual std::vector<std::string> column_names() const = 0;
    /// The Python name of the table type, for `repr`.
    [[nodiscard]] virtual char const* python_name() const noexcept = 0;

protected:
    table_base(table_base&&) = default;
};

/// A new one-dimensional numpy array of `n` elements of the dtype called `dtype` ("M8[D]", "O").
inline py::array new_array(char const* dtype, std::size_t n) {
    return py::array(py::dtype::from_args(py::str(dtype)),
                     std::vector<py::ssize_t>{static_cast<py::ssize_t>(n)});
}

/// The position of `e` in `E.all()` (the order of `enum_info<E>::values`): the code of a "category"
/// column; -1 for a value Python does not know.
template <class E>
[[nodiscard]] std::int16_t category_position(E e) noexcept {
    using info = enum_info<E>;
    static constexpr int max_value = [] {
        int m = 0;
        for (auto const& [value, n] : info::values)
            m = std::max(m, static_cast<int>(value));
        return m;
    }();
    static constexpr auto positions = [] {
        std::array<std::int16_t, max_value + 1> out{};
        out.fill(-1);
        for (std::size_t k = 0; k < info::values.size(); ++k)
            out[static_cast<std::size_t>(info::values[k].first)] = static_cast<std::int16_t>(k);
        return out;
    }();
    auto const i = static_cast<int>(e);
    return i >= 0 && i <= max_value ? positions[static_cast<std::size_t>(i)] : std::int16_t{-1};
}

/// Fills the columns of a table from its rows. Each method takes the column name and a projection
/// `row -> value`; the value types are listed with each method.
template <class T>
class column_builder {
public:
    /// With `names_only`, only the names are collected and no array is built.
    column_builder(std::vector<T> const& rows, bool names_only = false)
        : rows_(rows), names_only_(names_only) {}

    /// `f` returns an integer (`std::int64_t`-convertible).
    template <class F>
    void integer(char const* name, F f) {
        if (skip(name)) return;
        py::array_t<std::int64_t> a(static_cast<py::ssize_t>(rows_.size()));
        auto* p = a.mutable_data();
        for (std::size_t i = 0; i < rows_.size(); ++i)
            p[i] = static_cast<std::int64_t>(f(rows_[i]));
        add(name, "int", a, py::none());
    }

    /// `f` returns `std::optional<integer>`; missing cells hold 0 and are flagged in the mask.
    template <class F>
    void optional_integer(char const* name, F f) {
        if (skip(name)) return;
        auto const n = static_cast<py::ssize_t>(rows_.size());
        py::array_t<std::int64_t> a(n);
        py::array_t<bool> mask(n);
        auto* p = a.mutable_data();
        auto* q = mask.mutable_data();
        for (std::size_t i = 0; i < rows_.size(); ++i) {
            auto const v = f(rows_[i]);
            p[i] = v ? static_cast<std::int64_t>(*v) : 0;
            q[i] = !v;
        }
        add(name, "int", a, mask);
    }

    /// `f` returns a floating-point number (float64 column).
    template <class F>
    void real(char const* name, F f) {
        if (skip(name)) return;
        py::array_t<double> a(static_cast<py::ssize_t>(rows_.size()));
        auto* p = a.mutable_data();
        for (std::size_t i = 0; i < rows_.size(); ++i)
            p[i] = static_cast<double>(f(rows_[i]));
        add(name, "float", a, py::none());
    }

    /// `f` returns a bool.
    template <class F>
    void boolean(char const* name, F f) {
        if (skip(name)) return;
        py::array_t<bool> a(static_cast<py::ssize_t>(rows_.size()));
        auto* p = a.mutable_data();
        for (std::size_t i = 0; i < rows_.size(); ++i)
            p[i] = static_cast<bool>(f(rows_[i]));
        add(name, "bool", a, py::none());
    }

    /// `f` returns `date::sys_days` or `std::optional<date::sys_days>`.
    template <class F>
    void dates(char const* name, F f) {
        if (skip(name)) return;
        py::array a = new_array("M8[D]", rows_.size());
        auto* p = static_cast<std::int64_t*>(a.mutable_data());
        for (std::size_t i = 0; i < rows_.size(); ++i) {
            auto const v = f(rows_[i]);
            if constexpr (is_optional_v<std::decay_t<decltype(v)>>)
                p[i] = v ? epoch_days(*v) : nat;
            else
                p[i] = epoch_days(v);
        }
        add(name, "date", a, py::none());
    }

    /// `f` returns `std::optional<std::int64_t>`: seconds since 1970-01-01T00:00:00Z.
    template <class F>
    void timestamps(char const* name, F f) {
        if (skip(name)) return;
        py::array a = new_array("M8[s]", rows_.size());
        auto* p = static_cast<std::int64_t*>(a.mutable_data());
        for (std::size_t i = 0; i < rows_.size(); ++i) {
            auto const v = f(rows_[i]);
            p[i] = v ? *v : nat;
        }
        add(name, "datetime", a, py::none());
    }

    /// `f` returns a `std::string const&`, a `std::string_view` or a `std::optional<std::string_view>`
    /// (None when empty) that refers into the row or to static text. With `repeated`, equal values share
    /// one `str` object (for columns with few distinct values).
    template <class F>
    void text(char const* name, F f, bool repeated = false) {
        if (skip(name)) return;
        py::array a = new_array("O", rows_.size());
        auto** cells = static_cast<PyObject**>(a.mutable_data());
        std::unordered_map<std::string_view, py::object> seen;  // one str per distinct value
        for (std::size_t i = 0; i < rows_.size(); ++i) {
            using result = decltype(f(rows_[i]));
            static_assert(!std::is_same_v<result, std::string>,
                          "return a reference into the row, not a copy");
            std::optional<std::string_view> v;
            if constexpr (is_optional_v<std::decay_t<decltype(f(rows_[i]))>>)
                v = f(rows_[i]);
            else
                v = std::string_view(f(rows_[i]));
            PyObject* cell = nullptr;
            if (!v) {
                cell = Py_None;
                Py_INCREF(cell);
            } else if (repeated) {
                auto [it, inserted] = seen.try_emplace(*v);
                if (inserted) it->second = py::reinterpret_steal<py::object>(new_str(*v));
                cell = it->second.inc_ref().ptr();
            } else {
                cell = new_str(*v);
            }
            Py_XDECREF(cells[i]);
            cells[i] = cell;
        }
        add(name, "text", a, py::none());
    }

    /// `f` returns an enum `E` or `std::optional<E>`; codes index `E.all()`, -1 when missing.
    template <class E, class F>
    void category(char const* name, F f) {
        if (skip(name)) return;
        py::array_t<std::int16_t> a(static_cast<py::ssize_t>(rows_.size()));
        auto* p = a.mutable_data();
        for (std::size_t i = 0; i < rows_.size(); ++i) {
            auto const v = f(rows_[i]);
            if constexpr (is_optional_v<std::decay_t<decltype(v)>>)
                p[i] = v ? category_position(*v) : std::int16_t{-1};
            else
                p[i] = category_position(v);
        }
        add(name, "category", a, py::type::template of<E>());
    }

    py::list take() { return std::move(columns_); }
    std::vector<std::string> take_names() { return std::move(names_); }

private:
    static constexpr std::int64_t nat = std::numeric_limits<std::int64_t>::min();

    static PyObject* new_str(std::string_view s) {
        PyObject* o = PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "replace");
        if (o == nullptr) throw py::error_already_set();
        return o;
    }

    bool skip(char const* name) {
        names_.emplace_back(name);
        return names_only_;
    }

    void add(char const* name, char const* kind, py::object values, py::object extra) {
        columns_.append(py::make_tuple(name, kind, std::move(values), std::move(extra)));
    }

    std::vector<T> const& rows_;
    bool names_only_;
    py::list columns_;
    std::vector<std::string> names_;
};

/// The columns of a table of `T`: `static void columns(column_builder<T>&)` and
/// `static constexpr char const* python_name`. Declared next to the record type's binding.
template <class T>
struct table_spec;

/// A bulk result: the records of one query, kept in C++.
template <class T>
class record_table final : public table_base {
public:
    explicit record_table(std::vector<T> rows) noexcept : rows_(std::move(rows)) {}
    record_table(record_table&&) noexcept = default;

    [[nodiscard]] std::size_t size() const noexcept override { return rows_.size(); }
    [[nodiscard]] py::list columns() const override {
        column_builder<T> b(rows_);
        table_spec<T>::columns(b);
        return b.take();
    }
    [[nodiscard]] std::vector<std::string> column_names() const override {
        column_builder<T> b(rows_, true);
        table_spec<T>::columns(b);
        return b.take_names();
    }
    [[nodiscard]] char const* python_name() const noexcept override { return table_spec<T>::python_name; }
    [[nodiscard]] std::vector<T> const& rows() const noexcept { return rows_; }

private:
    std::vector<T> rows_;
};

/// Registers `record_table<T>` as a subclass of `dangyuan.Table`; indexing and iteration give copies of
/// the records as the bound Python type of `T`.
template <class T>
py::class_<record_table<T>, table_base> register_table(py::module_& m, char const* doc) {
    py::class_<record_table<T>, table_base> cls(m, table_spec<T>::python_name, doc);
    cls.def("__getitem__", [](record_table<T> const& t, std::ptrdiff_t i) {
        auto const n = static_cast<std::ptrdiff_t>(t.size());
        if (i < 0) i += n;
        if (i < 0 || i >= n) throw py::index_error("row index out of range");
        return t.rows()[static_cast<std::size_t>(i)];
    });
    cls.def(
        "__iter__",
        [](record_table<T> const& t) {
            return py::make_iterator<py::return_value_policy::copy>(t.rows().begin(), t.rows().end());
        },
        py::keep_alive<0, 1>());
    return cls;
}

}  // namespace dangyuan::python
