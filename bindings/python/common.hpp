#pragma once
/// \file
/// What every `bind_<concept>.cpp` shares: value conversions that name the offending field, Python
/// enums with their Chinese names, and records (C++ aggregates) that Python builds from keyword
/// arguments, mappings or any object with the right attributes.
///
/// Conventions of the Python API (see docs/python.md):
/// - a wrong *type* is a `TypeError` naming the field ("birth_date: expected datetime.date, got str");
///   a wrong *value* is the library's own `InvalidInput` with `.field`;
/// - "missing" in data (`None`, NaN, `pandas.NA`, `NaT`) means "not given";
/// - ids are strict: an `OrgId` is expected where the C++ API takes an `org_id`, never a bare int.

#include <date/date.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "dangyuan/core/errors.hpp"
#include "dangyuan/core/id_number.hpp"
#include "dangyuan/core/ids.hpp"
#include "date_caster.hpp"

namespace dangyuan::python {

namespace py = pybind11;

/// Thrown when a closed store is used; Python sees `dangyuan.StoreClosed` (a `StorageError`).
class store_closed : public storage_error {
public:
    using storage_error::storage_error;
};

/// The Python exception instance (dangyuan.InvalidInput, .RuleViolation …) for a C++ exception of the
/// library, with its attributes set. Defined in bind_errors.cpp.
py::object python_exception(error const& e);

/// The Python name of the type of `value`, for messages ("str", "datetime.datetime").
std::string python_type_name(py::handle value);

/// Throws `TypeError("<field>: expected <expected>, got <type>")`.
[[noreturn]] void wrong_type(std::string_view field, std::string_view expected, py::handle got);

// ---------------------------------------------------------------------------------------------------
// Enums
// ---------------------------------------------------------------------------------------------------

/// Describes a C++ enum to Python. Specialisations (enums.hpp, or a domain's own bind file) provide:
/// - `static constexpr char const* python_name`, e.g. "OrgKind";
/// - `static constexpr char const* field`, the field name used in messages, e.g. "kind";
/// - `static constexpr std::array<std::pair<E, char const*>, N> values`, in code order, each with the
///   C++ enumerator name (the Python name; `DANGYUAN_PY_ENUM_VALUE` spells it once);
/// - `static std::string_view code(E)`: the stable code as stored (official code for code tables);
/// - optionally `chinese(E)`, `english(E)` and `parse(std::string_view)` (the C++ parse function).
template <class E>
struct enum_info;

/// `{e::name, "name"}`: the enumerator and its Python name, written once so they cannot disagree.
#define DANGYUAN_PY_ENUM_VALUE(E, name) \
    std::pair<E, char const*> {         \
        E::name, #name                  \
    }

template <class E>
concept has_chinese_name = requires(E e) {
    { enum_info<E>::chinese(e) } -> std::convertible_to<std::string_view>;
};
template <class E>
concept has_english_name = requires(E e) {
    { enum_info<E>::english(e) } -> std::convertible_to<std::string_view>;
};
template <class E>
concept has_parse = requires(std::string_view text) {
    { enum_info<E>::parse(text) } -> std::same_as<E>;
};

/// Reads an enum from text: the Python (enumerator) name, then the C++ parse function (codes, Chinese
/// names, aliases) when there is one, else the code or the Chinese name.
/// \throws invalid_input naming `field` (or the enum's own field when `field` is empty).
template <class E>
E enum_from_text(std::string_view text, std::string_view field = {}) {
    using info = enum_info<E>;
    for (auto const& [value, name] : info::values)
        if (text == name) return value;
    if constexpr (has_parse<E>) {
        try {
            return info::parse(text);
        } catch (invalid_input const& e) {
            if (field.empty() || e.field() == field) throw;
            throw invalid_input(std::string(field), e.reason());
        }
    } else {
        for (auto const& [value, name] : info::values)
            if (text == info::code(value)) return value;
        if constexpr (has_chinese_name<E>)
            for (auto const& [value, name] : info::values)
                if (text == info::chinese(value)) return value;
        throw invalid_input(std::string(field.empty() ? std::string_view(info::field) : field),
                            "unknown " + std::string(info::python_name) + " '" + std::string(text) + "'");
    }
}

/// Reads an enum from a Python value: the enum itself, or a str (see `enum_from_text`).
template <class E>
E enum_from_python(py::handle value, std::string_view field) {
    if (py::isinstance<E>(value)) return value.cast<E>();
    if (PyUnicode_Check(value.ptr())) return enum_from_text<E>(value.cast<std::string_view>(), field);
    wrong_type(field, std::string(enum_info<E>::python_name) + " or str", value);
}

/// Registers a C++ enum as a Python enum with `code`, `chinese_name` / `english_name` when the C++
/// side has them, `all()` (every value in code order) and `parse(text)`.
template <class E>
py::enum_<E> bind_enum(py::module_& m, char const* doc) {
    using info = enum_info<E>;
    py::enum_<E> e(m, info::python_name, doc);
    for (auto const& [value, name] : info::values)
        e.value(name, value);
    e.def_property_readonly(
        "code", [](E v) { return std::string(info::code(v)); },
        "The stable code: the official code for code tables, the English code otherwise.");
    if constexpr (has_chinese_name<E>)
        e.def_property_readonly(
            "chinese_name", [](E v) { return std::string(info::chinese(v)); }, "The Chinese name.");
    if constexpr (has_english_name<E>)
        e.def_property_readonly(
            "english_name", [](E v) { return std::string(info::english(v)); }, "An English label.");
    e.def_static(
        "all",
        [] {
            py::list out;
            for (auto const& [value, name] : info::values)
                out.append(py::cast(value));
            return out;
        },
        "Every value, in code order.");
    e.def_static(
        "parse", [](std::string_view text) { return enum_from_text<E>(text); }, py::arg("text"),
        "Reads a value from its name, code, Chinese name or a listed alias.\n\n"
        "Raises InvalidInput (with .field) for an unknown text.");
    return e;
}

// ---------------------------------------------------------------------------------------------------
// Value conversions that name the field
// ---------------------------------------------------------------------------------------------------

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};
template <class T>
inline constexpr bool is_optional_v = is_optional<T>::value;

template <class T>
struct is_strong_id : std::false_type {};
template <class Tag>
struct is_strong_id<strong_id<Tag>> : std::true_type {};

/// `codec<T>::load(value, field)` converts a Python value to `T` or throws (TypeError for a wrong type,
/// the library's exceptions for a wrong value). Specialised below for the types records hold.
template <class T, class Enable = void>
struct codec;

template <>
struct codec<std::string> {
    static std::string load(py::handle value, std::string_view field) {
        if (!PyUnicode_Check(value.ptr())) wrong_type(field, "str", value);
        return value.cast<std::string>();
    }
};

template <>
struct codec<bool> {
    static bool load(py::handle value, std::string_view field) {
        py::detail::make_caster<bool> caster;  // bool and numpy.bool_, no truthiness
        if (!caster.load(value, false)) wrong_type(field, "bool", value);
        return py::detail::cast_op<bool>(caster);
    }
};

template <class I>
struct codec<I, std::enable_if_t<std::is_integral_v<I> && !std::is_same_v<I, bool>>> {
    static I load(py::handle value, std::string_view field) {
        // int and numpy integers (anything with __index__); floats and bools are refused.
        if (PyBool_Check(value.ptr()) || PyFloat_Check(value.ptr()) || !PyIndex_Check(value.ptr()))
            wrong_type(field, "int", value);
        auto const n = py::reinterpret_steal<py::object>(PyNumber_Index(value.ptr()));
        if (!n) throw py::error_already_set();
        int overflow = 0;
        long long const v = PyLong_AsLongLongAndOverflow(n.ptr(), &overflow);
        if (overflow != 0 || v < static_cast<long long>(std::numeric_limits<I>::min()) ||
            v > static_cast<long long>(std::numeric_limits<I>::max()))
            throw invalid_input(std::string(field),
                                "the number " + py::str(n).cast<std::string>() + " is out of range");
        return static_cast<I>(v);
    }
};

template <>
struct codec<date::sys_days> {
    static date::sys_days load(py::handle value, std::string_view field) {
        date::sys_days d;
        if (!date_from_python(value, d, field)) wrong_type(field, "datetime.date", value);
        return d;
    }
};

template <>
struct codec<civil_day> {
    static civil_day load(py::handle value, std::string_view field) {
        return codec<date::sys_days>::load(value, field);
    }
};

template <class E>
struct codec<E, std::enable_if_t<std::is_enum_v<E>>> {
    static E load(py::handle value, std::string_view field) { return enum_from_python<E>(value, field); }
};

template <class Id>
struct codec<Id, std::enable_if_t<is_strong_id<Id>::value>> {
    static Id load(py::handle value, std::string_view field) {
        if (py::isinstance<Id>(value)) return value.cast<Id>();
        std::string const name = py::str(py::type::of<Id>().attr("__name__"));
        if (PyLong_Check(value.ptr()) && !PyBool_Check(value.ptr()))
            wrong_type(field, name + " (wrap the number: dangyuan." + name + "(n))", value);
        wrong_type(field, name, value);
    }
};

template <>
struct codec<citizen_id> {
    static citizen_id load(py::handle value, std::string_view field) {
        if (py::isinstance<citizen_id>(value)) return value.cast<citizen_id>();
        if (PyUnicode_Check(value.ptr())) return citizen_id::parse(value.cast<std::string_view>());
        wrong_type(field, "str or CitizenId", value);
    }
};

template <class T>
struct codec<std::optional<T>> {
    static std::optional<T> load(py::handle value, std::string_view field) {
        if (is_missing(value)) return std::nullopt;
        return codec<T>::load(value, field);
    }
};

/// Converts a keyword argument or attribute value.
template <class T>
T load(py::handle value, std::string_view field) {
    return codec<T>::load(value, field);
}

// ---------------------------------------------------------------------------------------------------
// Records
// ---------------------------------------------------------------------------------------------------

/// One field of a record as Python sees it.
template <class T>
struct field_spec {
    char const* name;
    py::object (*get)(T const&);
    /// Stores a Python value; returns false (and leaves non-optional fields alone, clears strings and
    /// optionals) when the value is missing.
    bool (*set)(T&, py::handle, char const* name);
    bool nullable;  ///< optional field: None is a value
    bool required;  ///< must be given when a record is built from fields
};

template <class P>
struct member_pointer;
template <class C, class V>
struct member_pointer<V C::*> {
    using owner = C;
    using value = V;
};

/// The field spec of the data member `P`: `field<&member::name>("name", true)`.
template <auto P>
field_spec<typename member_pointer<decltype(P)>::owner> field(char const* name, bool required = false) {
    using T = typename member_pointer<decltype(P)>::owner;
    using V = typename member_pointer<decltype(P)>::value;
    return field_spec<T>{
        name,
        [](T const& r) -> py::object { return py::cast(r.*P); },
        [](T& r, py::handle value, char const* n) -> bool {
            if (is_missing(value)) {
                if constexpr (is_optional_v<V>)
                    r.*P = std::nullopt;
                else if constexpr (std::is_same_v<V, std::string>)
                    (r.*P).clear();
                return false;
            }
            r.*P = load<V>(value, n);
            return true;
        },
        is_optional_v<V>,
        required,
    };
}

/// Describes a record type to Python. Specialisations provide
/// - `static constexpr char const* python_name`;
/// - `static std::span<field_spec<T> const> fields()` (at most 64);
/// - `static void finish(T&, std::uint64_t& given)`: derived defaults for records built from fields
///   (bit i of `given` is set when field i was given a non-missing value; `mark_given` after deriving).
template <class T>
struct record_traits;

/// True when field `name` was given.
template <class T>
bool was_given(std::uint64_t given, std::string_view name);

/// Marks field `name` as given (for `finish`, after deriving its value).
template <class T>
void mark_given(std::uint64_t& given, std::string_view name);

namespace detail {

template <class T>
int field_index(std::string_view key) {
    auto const fields = record_traits<T>::fields();
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (fields[i].name == key) return static_cast<int>(i);
    return -1;
}

template <class T>
std::uint64_t bit_of(std::string_view name) {
    int const i = field_index<T>(name);
    return i < 0 ? 0 : std::uint64_t{1} << i;
}

template <class T>
[[noreturn]] void unknown_field(py::handle key) {
    std::string names;
    for (auto const& f : record_traits<T>::fields())
        names += (names.empty() ? "" : ", ") + std::string(f.name);
    throw py::type_error(std::string(record_traits<T>::python_name) + " has no field " +
                         py::repr(key).cast<std::string>() + " (fields: " + names + ")");
}

template <class T>
void set_from_items(T& r, std::uint64_t& given, py::handle items) {
    auto const fields = record_traits<T>::fields();
    for (auto item : py::iter(items)) {
        auto const pair = py::reinterpret_borrow<py::tuple>(item);
        py::handle const key = pair[0];
        if (!PyUnicode_Check(key.ptr())) unknown_field<T>(key);
        int const i = field_index<T>(key.cast<std::string_view>());
        if (i < 0) unknown_field<T>(key);
        auto const& f = fields[static_cast<std::size_t>(i)];
        if (f.set(r, pair[1], f.name))
            given |= std::uint64_t{1} << i;
        else
            given &= ~(std::uint64_t{1} << i);
    }
}

}  // namespace detail

template <class T>
bool was_given(std::uint64_t given, std::string_view name) {
    return (given & detail::bit_of<T>(name)) != 0;
}

template <class T>
void mark_given(std::uint64_t& given, std::string_view name) {
    given |= detail::bit_of<T>(name);
}

/// Builds a record from `source` and then `overrides` (a dict of keyword arguments, or None).
///
/// `source` may be None, a record of type T (copied), a mapping (every key must be a field), or any
/// other object, whose attributes named like the fields are read (a dataclass, a namedtuple, a pandas
/// row from `itertuples()`). Unless `source` is a T, `record_traits<T>::finish` then fills derived
/// defaults, and every field marked required must have been given (else `InvalidInput(field, "is
/// required")`). With neither source nor overrides the record is the C++ default-constructed one.
template <class T>
T record_from_python(py::handle source, py::handle overrides = py::none()) {
    auto const fields = record_traits<T>::fields();
    static_assert(sizeof(std::uint64_t) * 8 >= 64);
    T r{};
    std::uint64_t given = 0;
    bool from_record = false;
    bool any = false;
    if (source && !source.is_none()) {
        any = true;
        if (py::isinstance<T>(source)) {
            r = source.cast<T>();
            from_record = true;
        } else if (PyDict_Check(source.ptr()) ||
                   (py::hasattr(source, "keys") && py::hasattr(source, "__getitem__") &&
                    !PyUnicode_Check(source.ptr()))) {
            detail::set_from_items<T>(r, given, source.attr("items")());
        } else {
            bool found = false;
            for (std::size_t i = 0; i < fields.size(); ++i) {
                auto const& f = fields[i];
                if (!py::hasattr(source, f.name)) continue;
                found = true;
                if (f.set(r, source.attr(f.name), f.name)) given |= std::uint64_t{1} << i;
            }
            if (!found)
                wrong_type("",
                           std::string(record_traits<T>::python_name) +
                               ", a mapping or an object with its fields as attributes",
                           source);
        }
    }
    if (overrides && !overrides.is_none() && py::len(overrides) > 0) {
        any = true;
        detail::set_from_items<T>(r, given, overrides.attr("items")());
    }
    if (any && !from_record) {
        record_traits<T>::finish(r, given);
        for (std::size_t i = 0; i < fields.size(); ++i)
            if (fields[i].required && (given & (std::uint64_t{1} << i)) == 0)
                throw invalid_input(fields[i].name, "is required");
    }
    return r;
}

/// A dict of the fields of `r`, in declaration order.
template <class T>
py::dict record_as_dict(T const& r) {
    py::dict d;
    for (auto const& f : record_traits<T>::fields())
        d[f.name] = f.get(r);
    return d;
}

/// Adds `__eq__` (by value; NotImplemented for another type) when the C++ type has `==`, and makes the
/// class unhashable: its objects are mutable.
template <class T>
void def_value_equality(py::class_<T>& cls) {
    if constexpr (std::equality_comparable<T>) {
        cls.def(
            "__eq__",
            [](T const& a, py::handle b) -> py::object {
                if (!py::isinstance<T>(b)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
                return py::bool_(a == b.cast<T const&>());
            },
            py::is_operator());
        cls.attr("__hash__") = py::none();
    }
}

/// Adds to `cls`: a constructor `T(source=None, /, **fields)` (see record_from_python), one property per
/// field (assignments go through the same conversions), `__eq__` when the C++ type has `==`, `__repr__`
/// (fields that differ from the default record), `_asdict()`, `replace(**changes)`, `__copy__`,
/// `__deepcopy__` and pickling.
template <class T>
py::class_<T>& bind_record(py::class_<T>& cls) {
    using traits = record_traits<T>;
    cls.def(
        py::init([](py::handle source, py::kwargs const& kw) { return record_from_python<T>(source, kw); }),
        py::arg("source") = py::none(), py::pos_only());
    for (auto const& f : traits::fields()) {
        cls.def_property(
            f.name, [f](T const& r) { return f.get(r); },
            [f](T& r, py::handle value) {
                if (is_missing(value) && !f.nullable)
                    throw py::type_error(std::string(f.name) + " cannot be None or missing");
                f.set(r, value, f.name);
            });
    }
    def_value_equality(cls);
    cls.def("__repr__", [](T const& r) {
        T const blank{};
        std::string out = std::string(traits::python_name) + "(";
        bool first = true;
        for (auto const& f : traits::fields()) {
            py::object const v = f.get(r);
            if (v.equal(f.get(blank))) continue;
            out += (first ? "" : ", ") + std::string(f.name) + "=" + py::repr(v).cast<std::string>();
            first = false;
        }
        return out + ")";
    });
    cls.def("_asdict", &record_as_dict<T>, "The fields as a dict, in declaration order.");
    cls.def(
        "replace", [](T const& r, py::kwargs const& kw) { return record_from_python<T>(py::cast(r), kw); },
        "A copy with the given fields changed.");
    cls.def("__copy__", [](T const& r) { return T(r); });
    cls.def(
        "__deepcopy__", [](T const& r, py::handle) { return T(r); }, py::arg("memo"));
    cls.def(py::pickle([](T const& r) { return record_as_dict(r); },
                       [](py::dict const& d) {
                           T r{};
                           std::uint64_t given = 0;
                           detail::set_from_items<T>(r, given, d.attr("items")());
                           return r;
                       }));
    return cls;
}

/// The already registered Python class of `T`, to add methods to it from another file (a domain adds
/// its store methods to `Store` this way).
template <class T, class... Options>
py::class_<T, Options...> existing_class(py::module_& m, char const* name) {
    return py::reinterpret_borrow<py::class_<T, Options...>>(m.attr(name));
}

}  // namespace dangyuan::python
