#pragma once
/// \file
/// `datetime.date` <-> `date::sys_days`, both ways, without going through local time.
///
/// pybind11's own chrono caster converts `std::chrono::time_point`s through `localtime`, so a date could
/// move by a day with the machine's time zone. The library's dates are civil days without a zone, and
/// the only honest Python counterpart is `datetime.date`. This caster therefore accepts:
///
/// - a `datetime.date` (but not a `datetime.datetime`, although it is a subclass of `date`: a moment in
///   time is ambiguous as a day, so it is refused with a `TypeError` that says to call `.date()`);
/// - a `numpy.datetime64` scalar of unit `D` (a day count, as taken from a `datetime64[D]` array); other
///   units are moments in time and are refused like `datetime`, `NaT` raises `ValueError`.
///
/// It produces a `datetime.date`; a date outside years 1–9999 (which `datetime.date` cannot hold) raises
/// `ValueError`. `std::optional<date::sys_days>` maps to `date | None` through pybind11/stl.h.
///
/// Never include <pybind11/chrono.h> in the bindings: it would compete with this caster.

#include <date/date.h>
#include <pybind11/pybind11.h>

#include <cstdint>
#include <string_view>

#include "dangyuan/core/calendar.hpp"

namespace dangyuan::python {

namespace py = pybind11;

/// Imports the `datetime` C API. Called once from the module initialiser, before any conversion.
void init_date_conversions();

/// Converts `src` to a day. Returns false when `src` is not a date at all (so that pybind11 may try
/// another overload or report the wrong type); throws `py::type_error` for a `datetime.datetime` or a
/// `numpy.datetime64` with a unit other than days, and `py::value_error` for `NaT`. `field`, when not
/// empty, prefixes the messages (`"birth_date: ..."`).
bool date_from_python(py::handle src, date::sys_days& out, std::string_view field = {});

/// Converts a day to a new `datetime.date`.
/// \throws py::value_error outside years 1–9999.
py::object date_to_python(date::sys_days d);

/// True for the values that mean "no value" in data an analyst hands over: `None`, a float NaN,
/// `pandas.NA`, `pandas.NaT` and `numpy.datetime64('NaT')`.
bool is_missing(py::handle value) noexcept;

/// The days since 1970-01-01 of a day: the integer behind `numpy.datetime64[D]`.
[[nodiscard]] inline std::int64_t epoch_days(date::sys_days d) noexcept {
    return d.time_since_epoch().count();
}

}  // namespace dangyuan::python

namespace pybind11::detail {

template <>
struct type_caster<date::sys_days> {
public:
    PYBIND11_TYPE_CASTER(date::sys_days, const_name("datetime.date"));

    bool load(handle src, bool /*convert*/) {
        if (!src) return false;
        return dangyuan::python::date_from_python(src, value);
    }

    static handle cast(date::sys_days d, return_value_policy /*policy*/, handle /*parent*/) {
        return dangyuan::python::date_to_python(d).release();
    }
};

/// `civil_day` (a checked `sys_days`) converts exactly as `sys_days`: a `datetime.date` is always a real day.
template <>
struct type_caster<dangyuan::civil_day> {
public:
    PYBIND11_TYPE_CASTER(dangyuan::civil_day, const_name("datetime.date"));

    bool load(handle src, bool /*convert*/) {
        if (!src) return false;
        date::sys_days d;
        if (!dangyuan::python::date_from_python(src, d)) return false;
        value = d;
        return true;
    }

    static handle cast(dangyuan::civil_day d, return_value_policy /*policy*/, handle /*parent*/) {
        return dangyuan::python::date_to_python(d).release();
    }
};

}  // namespace pybind11::detail
