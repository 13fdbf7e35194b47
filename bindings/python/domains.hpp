#pragma once
/// \file
/// What the bind files of the domains (development, mobility, evaluation, life) share on top of
/// common.hpp and table.hpp:
///
/// - Python forms of the domain value types: a month (`date::year_month`) is a `datetime.date` on the
///   first of the month (or the text "2026-03" on the way in); money (`fen`) is an `int` of fen;
///   class hours (`class_hours`) an `int` of tenths of a class hour; a certificate number
///   (`certificate_no`) a `str`;
/// - conversions of record fields that hold lists (`std::vector<T>`), nested records, fixed arrays and
///   record variants (a campaign or disposition record of any kind) and mappings (`std::map`);
/// - `DANGYUAN_PY_FIELD` / `DANGYUAN_PY_REQUIRED` to list the fields of a record once.

#include <date/date.h>
#include <pybind11/stl.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "common.hpp"
#include "dangyuan/life/dues.hpp"
#include "dangyuan/life/training.hpp"
#include "dangyuan/mobility/certificate.hpp"
#include "domain_enums.hpp"
#include "enums.hpp"
#include "foundation.hpp"
#include "store_handle.hpp"
#include "table.hpp"

namespace dangyuan::python {

// ---------------------------------------------------------------------------------------------------
// Months

/// Reads a month: a `datetime.date` on the first of the month (or a datetime64[D] day), or the text
/// "YYYY-MM". Returns false when `value` is neither a date nor a str.
/// \throws invalid_input naming `field` for a date that is not the first of its month, or bad text.
inline bool month_from_python(py::handle value, date::year_month& out, std::string_view field) {
    if (PyUnicode_Check(value.ptr())) {
        out = parse_iso_month(value.cast<std::string>(), field);
        return true;
    }
    date::sys_days d;
    if (!date_from_python(value, d, field)) return false;
    date::year_month_day const ymd{d};
    if (ymd.day() != date::day{1})
        throw invalid_input(std::string(field), format_date(d) +
                                                    " is not a month: give the first day of the month "
                                                    "(e.g. 2026-03-01) or the text '2026-03'");
    out = ymd.year() / ymd.month();
    return true;
}

/// The first day of `ym` as a `datetime.date`; None for a month that is not set (not `ok()`).
inline py::object month_to_python(date::year_month ym) {
    if (!ym.ok()) return py::none();
    return date_to_python(date::sys_days{ym / 1});
}

/// The first day of a month, for table columns.
inline std::optional<date::sys_days> first_day(std::optional<date::year_month> ym) {
    if (!ym || !ym->ok()) return std::nullopt;
    return date::sys_days{*ym / 1};
}

}  // namespace dangyuan::python

namespace pybind11::detail {

/// `date::year_month` <-> `datetime.date` on the first of the month (see month_from_python).
template <>
struct type_caster<date::year_month> {
    PYBIND11_TYPE_CASTER(date::year_month, const_name("datetime.date"));
    bool load(handle src, bool) { return src && dangyuan::python::month_from_python(src, value, "month"); }
    static handle cast(date::year_month ym, return_value_policy, handle) {
        return dangyuan::python::month_to_python(ym).release();
    }
};

/// Money: `dangyuan::fen` <-> `int` (fen, 0.01 yuan).
template <>
struct type_caster<dangyuan::fen> {
    PYBIND11_TYPE_CASTER(dangyuan::fen, const_name("int"));
    bool load(handle src, bool) {
        if (!src || PyBool_Check(src.ptr()) || PyFloat_Check(src.ptr()) || !PyIndex_Check(src.ptr()))
            return false;
        value = dangyuan::fen{dangyuan::python::load<std::int64_t>(src, "amount")};
        return true;
    }
    static handle cast(dangyuan::fen f, return_value_policy, handle) {
        return PyLong_FromLongLong(f.value());
    }
};

/// Class hours: `dangyuan::class_hours` <-> `int` (tenths of a class hour).
template <>
struct type_caster<dangyuan::class_hours> {
    PYBIND11_TYPE_CASTER(dangyuan::class_hours, const_name("int"));
    bool load(handle src, bool) {
        if (!src || PyBool_Check(src.ptr()) || PyFloat_Check(src.ptr()) || !PyIndex_Check(src.ptr()))
            return false;
        value = dangyuan::class_hours::from_tenths(dangyuan::python::load<std::int64_t>(src, "hours"));
        return true;
    }
    static handle cast(dangyuan::class_hours h, return_value_policy, handle) {
        return PyLong_FromLongLong(h.tenths());
    }
};

/// A certificate number <-> `str`.
template <>
struct type_caster<dangyuan::certificate_no> {
    PYBIND11_TYPE_CASTER(dangyuan::certificate_no, const_name("str"));
    bool load(handle src, bool) {
        if (!src || !PyUnicode_Check(src.ptr())) return false;
        value = dangyuan::certificate_no{src.cast<std::string>()};
        return true;
    }
    static handle cast(dangyuan::certificate_no const& n, return_value_policy, handle) {
        return pybind11::str(n.value).release();
    }
};

}  // namespace pybind11::detail

namespace dangyuan::python {

// ---------------------------------------------------------------------------------------------------
// Field conversions of the domain types

template <>
struct codec<date::year_month> {
    static date::year_month load(py::handle value, std::string_view field) {
        date::year_month ym;
        if (!month_from_python(value, ym, field))
            wrong_type(field, "datetime.date (the first of the month) or 'YYYY-MM'", value);
        return ym;
    }
};

template <>
struct codec<double> {
    static double load(py::handle value, std::string_view field) {
        if (PyBool_Check(value.ptr()) || (!PyFloat_Check(value.ptr()) && !PyIndex_Check(value.ptr())))
            wrong_type(field, "float", value);
        return value.cast<double>();
    }
};

template <>
struct codec<fen> {
    static fen load(py::handle value, std::string_view field) {
        return fen{codec<std::int64_t>::load(value, field)};
    }
};

template <>
struct codec<class_hours> {
    static class_hours load(py::handle value, std::string_view field) {
        return class_hours::from_tenths(codec<std::int64_t>::load(value, field));
    }
};

template <>
struct codec<certificate_no> {
    static certificate_no load(py::handle value, std::string_view field) {
        return certificate_no{codec<std::string>::load(value, field)};
    }
};

/// A record type with `record_traits` (declared before its first use in a field).
template <class T>
concept bound_record = requires {
    record_traits<T>::python_name;
};

template <class T>
struct codec<T, std::enable_if_t<bound_record<T>>> {
    static T load(py::handle value, std::string_view field) {
        if (!py::isinstance<T>(value) && (PyUnicode_Check(value.ptr()) || PyLong_Check(value.ptr())))
            wrong_type(field, std::string(record_traits<T>::python_name) + " or a mapping", value);
        return record_from_python<T>(value);
    }
};

/// True for values that are lists of things: iterable, but not text, bytes or a mapping.
inline bool is_list_like(py::handle value) {
    return !PyUnicode_Check(value.ptr()) && !PyBytes_Check(value.ptr()) && !PyDict_Check(value.ptr()) &&
           py::isinstance<py::iterable>(value);
}

template <class T>
struct codec<std::vector<T>> {
    static std::vector<T> load(py::handle value, std::string_view field) {
        if (!is_list_like(value)) wrong_type(field, "a list", value);
        std::vector<T> out;
        for (py::handle item : value)
            out.push_back(codec<T>::load(item, field));
        return out;
    }
};

template <class T>
struct codec<std::set<T>> {
    static std::set<T> load(py::handle value, std::string_view field) {
        auto const items = codec<std::vector<T>>::load(value, field);
        return std::set<T>(items.begin(), items.end());
    }
};

template <class T, std::size_t N>
struct codec<std::array<T, N>> {
    static std::array<T, N> load(py::handle value, std::string_view field) {
        auto const items = codec<std::vector<T>>::load(value, field);
        if (items.size() != N)
            throw invalid_input(std::string(field), std::to_string(items.size()) + " values given, " +
                                                        std::to_string(N) + " expected");
        std::array<T, N> out{};
        for (std::size_t i = 0; i < N; ++i)
            out[i] = items[i];
        return out;
    }
};

/// The kind names of a record variant, indexed like its alternatives: `static constexpr auto const&
/// names` (e.g. `campaign_record_kinds`) and `python_name` for messages; optionally `using kind = K`, an
/// enum whose values index the alternatives in order, so that a kind may also be given as that enum or
/// by its Chinese name. Declared with DANGYUAN_PY_VARIANT / DANGYUAN_PY_VARIANT_OF_KIND.
template <class V>
struct variant_kinds;

// clang-format off
/// Declares the kind names of the record variant `V` (see variant_kinds).
#define DANGYUAN_PY_VARIANT(V, kind_names, name)              \
    template <>                                              \
    struct variant_kinds<V> {                                \
        static constexpr auto const& names = kind_names;     \
        static constexpr char const* python_name = name;     \
    }
/// The same for a variant whose kinds are also the enum `K`.
#define DANGYUAN_PY_VARIANT_OF_KIND(V, kind_names, name, K)  \
    template <>                                              \
    struct variant_kinds<V> {                                \
        static constexpr auto const& names = kind_names;     \
        static constexpr char const* python_name = name;     \
        using kind = K;                                      \
    }
// clang-format on

/// True for a record variant whose kinds are declared (variant_kinds<V>).
template <class V>
concept python_record_variant = requires {
    variant_kinds<V>::names;
};

namespace detail {

template <class V, class = void>
struct variant_kind_enum {
    using type = void;
};
template <class V>
struct variant_kind_enum<V, std::void_t<typename variant_kinds<V>::kind>> {
    using type = typename variant_kinds<V>::kind;
};

inline bool is_record_mapping(py::handle value) {
    return PyDict_Check(value.ptr()) ||
           (py::hasattr(value, "keys") && py::hasattr(value, "__getitem__") && !PyUnicode_Check(value.ptr()));
}

// The index of the alternative a kind names: its code, or (with a kind enum) the enum or its Chinese name.
template <class V>
std::size_t variant_kind_index(py::handle value) {
    using K = typename variant_kind_enum<V>::type;
    if constexpr (!std::is_void_v<K>) {
        return static_cast<std::size_t>(load<K>(value, "kind"));
    } else {
        auto const kind = codec<std::string>::load(value, "kind");
        auto const& names = variant_kinds<V>::names;
        for (std::size_t i = 0; i < names.size(); ++i)
            if (names[i] == kind) return i;
        std::string known;
        for (auto const n : names)
            known += (known.empty() ? "" : ", ") + std::string(n);
        throw invalid_input("kind", "unknown " + std::string(variant_kinds<V>::python_name) + " kind '" +
                                        kind + "' (kinds: " + known + ")");
    }
}

// Record kind `T` from `fields`, refusing a field the kind does not have by name (invalid_input{field}).
template <class T>
T variant_alternative_of(py::dict const& fields, std::string_view kind) {
    for (auto item : fields) {
        if (!PyUnicode_Check(item.first.ptr())) continue;  // record_from_python names it
        auto const key = item.first.cast<std::string>();
        if (field_index<T>(key) >= 0) continue;
        std::string names;
        for (auto const& f : record_traits<T>::fields())
            names += (names.empty() ? "" : ", ") + std::string(f.name);
        throw invalid_input(
            key, std::string(kind) + " records have no field '" + key + "' (fields: " + names + ")");
    }
    return record_from_python<T>(py::none(), fields);
}

template <class V, std::size_t... I>
V variant_alternative_from(std::size_t index, py::dict const& fields, std::index_sequence<I...>) {
    std::optional<V> out;
    auto const kind = variant_kinds<V>::names[index];
    ((index == I ? (out.emplace(std::in_place_index<I>,
                                variant_alternative_of<std::variant_alternative_t<I, V>>(fields, kind)),
                    0)
                 : 0),
     ...);
    return *out;
}

// A record of `V` from the items of a mapping (or keywords): "kind" names the alternative, the rest are
// its fields; `default_kind` stands in for a missing kind, `adjust` may rewrite the fields first.
template <class V>
V variant_from_items(py::handle items, std::optional<std::size_t> default_kind,
                     std::function<void(std::size_t, py::dict&)> const& adjust) {
    py::dict fields;
    std::optional<std::size_t> kind;
    for (auto item : py::reinterpret_borrow<py::object>(items).attr("items")()) {
        auto const pair = py::reinterpret_borrow<py::tuple>(item);
        if (PyUnicode_Check(pair[0].ptr()) && pair[0].cast<std::string_view>() == "kind")
            kind = variant_kind_index<V>(pair[1]);
        else
            fields[pair[0]] = pair[1];
    }
    if (!kind) kind = default_kind;
    if (!kind)
        throw invalid_input("kind", std::string("a ") + variant_kinds<V>::python_name + " needs its 'kind'");
    if (adjust) adjust(*kind, fields);
    return variant_alternative_from<V>(*kind, fields, std::make_index_sequence<std::variant_size_v<V>>{});
}

}  // namespace detail

/// A record of a variant: an instance of one of its record classes, or a mapping (or an object with
/// `keys()` and item access) whose "kind" names the alternative and whose other items are its fields.
/// \throws invalid_input{"kind"} for a missing or unknown kind, {field} for a field the kind does not have.
template <class... Ts>
struct codec<std::variant<Ts...>, std::enable_if_t<(bound_record<Ts> && ...)>> {
    using V = std::variant<Ts...>;
    static V load(py::handle value, std::string_view field) {
        std::optional<V> out;
        ((!out && py::isinstance<Ts>(value) ? (out.emplace(value.cast<Ts>()), 0) : 0), ...);
        if (out) return *out;
        if (detail::is_record_mapping(value)) return detail::variant_from_items<V>(value, std::nullopt, {});
        std::string classes;
        ((classes += (classes.empty() ? "" : ", ") + std::string(record_traits<Ts>::python_name)), ...);
        wrong_type(field, "one of " + classes + ", or a mapping with 'kind'", value);
    }
};

/// A mapping (a dict, or an object with `keys()` and item access) whose keys and values are converted
/// like fields (e.g. `{MemberId(3): ElectoralStanding(full_member=True)}`).
template <class K, class V>
struct codec<std::map<K, V>> {
    static std::map<K, V> load(py::handle value, std::string_view field) {
        if (!detail::is_record_mapping(value)) wrong_type(field, "a mapping", value);
        std::map<K, V> out;
        for (auto item : py::reinterpret_borrow<py::object>(value).attr("items")()) {
            auto const pair = py::reinterpret_borrow<py::tuple>(item);
            out.insert_or_assign(codec<K>::load(pair[0], field), codec<V>::load(pair[1], field));
        }
        return out;
    }
};

/// A record of the variant `V` as the commands take it: a positional `source` — an instance of a kind
/// class, or a mapping whose "kind" names the kind — or, when `source` is None, the keywords `kw` with
/// `kind=`. The kind is its code, or with a kind enum (variant_kinds<V>::kind) also that enum or its
/// Chinese name; `default_kind` (an alternative's index) stands in when none is given, and
/// `adjust(index, fields)` may rewrite the fields first (a flat form of a nested field).
/// \throws invalid_input{"kind"} for a missing or unknown kind, {field} for a field the kind does not
///         have; TypeError when a record and keywords are both given.
template <python_record_variant V>
V variant_record(py::handle source, py::kwargs const& kw, std::optional<std::size_t> default_kind = {},
                 std::function<void(std::size_t, py::dict&)> const& adjust = {}) {
    if (source.is_none()) {
        if (py::len(kw) == 0 && !default_kind) throw invalid_input("kind", "no record given");
        return detail::variant_from_items<V>(kw, default_kind, adjust);
    }
    if (py::len(kw) > 0) throw py::type_error("give a record or keywords, not both");
    if (detail::is_record_mapping(source)) return detail::variant_from_items<V>(source, default_kind, adjust);
    return load<V>(source, "record");  // an instance of a kind class (or a wrong type)
}

/// The same with the default kind given as the kind enum.
template <python_record_variant V, class K>
requires std::is_enum_v<K> V variant_record(py::handle source, py::kwargs const& kw,
                                            std::optional<K> default_kind,
                                            std::function<void(std::size_t, py::dict&)> const& adjust = {}) {
    std::optional<std::size_t> index;
    if (default_kind) index = static_cast<std::size_t>(*default_kind);
    return variant_record<V>(source, kw, index, adjust);
}

// ---------------------------------------------------------------------------------------------------
// Records

// clang-format off
/// `field<&T::name>("name")`, with the name written once.
#define DANGYUAN_PY_FIELD(T, name) field<&T::name>(#name)
/// The same for a field that must be given when a record is built.
#define DANGYUAN_PY_REQUIRED(T, name) field<&T::name>(#name, true)
/// Defines `record_traits<T>::fields()` from the field specs, and a `finish` that derives nothing.
#define DANGYUAN_PY_FIELDS(T, ...)                              \
    std::span<field_spec<T> const> record_traits<T>::fields() { \
        static std::array const specs{__VA_ARGS__};             \
        return specs;                                           \
    }                                                           \
    void record_traits<T>::finish(T&, std::uint64_t&) {}
// clang-format on

/// The records of an iterable, errors prefixed with the 1-based row number (bulk commands).
template <class T>
std::vector<T> record_rows(py::handle items, char const* what) {
    if (!is_list_like(items)) wrong_type(what, "a list of records", items);
    std::vector<T> out;
    std::size_t row = 0;
    for (py::handle item : items) {
        ++row;
        try {
            out.push_back(record_from_python<T>(item));
        } catch (invalid_input const& e) {
            throw invalid_input(e.field(), "row " + std::to_string(row) + ": " + e.reason());
        } catch (py::type_error const& e) {
            throw py::type_error("row " + std::to_string(row) + ": " + e.what());
        }
    }
    return out;
}

/// Registers the Python class of the record `T` under its `record_traits<T>::python_name`, with the
/// constructor, properties and protocols of `bind_record`.
template <class T>
py::class_<T> record_class(py::module_& m, char const* doc) {
    py::class_<T> cls(m, record_traits<T>::python_name, doc);
    bind_record(cls);
    return cls;
}

/// Registers the class of each kind of `V` (documents `docs`, in variant order), with a read-only `kind`:
/// the kind enum's value of the class.
template <python_record_variant V, std::size_t... I>
void record_kind_classes(py::module_& m, std::array<char const*, sizeof...(I)> const& docs,
                         std::index_sequence<I...>) {
    using K = typename variant_kinds<V>::kind;
    (record_class<std::variant_alternative_t<I, V>>(m, docs[I])
         .def_property_readonly(
             "kind", [](std::variant_alternative_t<I, V> const&) { return static_cast<K>(I); },
             "The kind of this record."),
     ...);
}

template <python_record_variant V>
void record_kind_classes(py::module_& m, std::array<char const*, std::variant_size_v<V>> const& docs) {
    record_kind_classes<V>(m, docs, std::make_index_sequence<std::variant_size_v<V>>{});
}

/// Registers a read-only Python class for an output struct that has no record_traits: attributes from
/// `def_readonly`, equality when the C++ type has it.
template <class T>
py::class_<T> output_class(py::module_& m, char const* name, char const* doc) {
    py::class_<T> cls(m, name, doc);
    def_value_equality(cls);
    return cls;
}

/// Gives a parameter block (`DevelopmentParams` …) a `repr` that lists the fields differing from the
/// national baseline, like RuleSet's.
template <class T>
void params_repr(py::class_<T>& cls, char const* type_name, std::vector<char const*> names) {
    // Replaces the plain repr of bind_rule_set.cpp (def would add an overload that is never reached).
    cls.attr("__repr__") = py::cpp_function(
        [type_name, names](py::object self) {
            py::object const base = py::cast(T{});
            std::string out = std::string(type_name) + "(";
            bool first = true;
            for (char const* n : names) {
                py::object const v = self.attr(n);
                if (v.equal(base.attr(n))) continue;
                out += (first ? "" : ", ") + std::string(n) + "=" + py::repr(v).cast<std::string>();
                first = false;
            }
            return out + ")";
        },
        py::name("__repr__"), py::is_method(cls));
}

/// The integer of an optional id, for table columns.
template <class Id>
std::optional<std::int64_t> id_value(std::optional<Id> const& id) {
    if (!id) return std::nullopt;
    return id->value();
}

/// Converts the argument `value` of a store method or function, naming it in errors.
template <class T>
T arg(py::handle value, std::string_view name) {
    return load<T>(value, name);
}

/// A record argument given as a record, mapping or object, plus keyword fields.
template <class T>
T record_arg(py::handle source, py::kwargs const& fields) {
    return record_from_python<T>(source, fields);
}

}  // namespace dangyuan::python
