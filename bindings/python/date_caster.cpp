// The datetime C API lives in this translation unit only: <datetime.h> keeps its API pointer in a
// file-static variable, so every other file goes through the functions declared in date_caster.hpp.

#include "date_caster.hpp"

// clang-format off
#include <Python.h>
#include <datetime.h>
// clang-format on

#include <cmath>
#include <limits>
#include <string>

namespace dangyuan::python {

namespace {

std::string prefix(std::string_view field) {
    return field.empty() ? std::string() : std::string(field) + ": ";
}

std::string_view type_name(py::handle h) {
    return Py_TYPE(h.ptr())->tp_name;
}

// numpy.datetime64 scalars are recognised by name so that numpy stays an optional, lazily imported
// dependency of the package.
bool is_numpy_datetime64(py::handle h) {
    return type_name(h) == "numpy.datetime64";
}

// The days of 0001-01-01 and 9999-12-31, the range of datetime.date.
constexpr std::int64_t min_days = -719162;
constexpr std::int64_t max_days = 2932896;

}  // namespace

void init_date_conversions() {
    if (PyDateTimeAPI == nullptr) PyDateTime_IMPORT;
    if (PyDateTimeAPI == nullptr) throw py::error_already_set();
}

bool date_from_python(py::handle src, date::sys_days& out, std::string_view field) {
    PyObject* const o = src.ptr();
    if (PyDateTime_Check(o)) {
        throw py::type_error(prefix(field) +
                             "got a datetime.datetime, which is a moment in time, not a day; pass a "
                             "datetime.date (for example value.date())");
    }
    if (PyDate_Check(o)) {
        date::year_month_day const ymd{date::year{PyDateTime_GET_YEAR(o)},
                                       date::month{static_cast<unsigned>(PyDateTime_GET_MONTH(o))},
                                       date::day{static_cast<unsigned>(PyDateTime_GET_DAY(o))}};
        out = date::sys_days{ymd};
        return true;
    }
    if (is_numpy_datetime64(src)) {
        auto const unit = src.attr("dtype").attr("str").cast<std::string>();  // e.g. "<M8[D]"
        if (unit.size() < 3 || unit.compare(unit.size() - 3, 3, "[D]") != 0) {
            throw py::type_error(prefix(field) + "got a numpy.datetime64 of unit " + unit +
                                 ", a moment in time; pass a datetime64[D] day or a datetime.date");
        }
        auto const days = src.attr("astype")("int64").cast<std::int64_t>();
        if (days == std::numeric_limits<std::int64_t>::min())
            throw py::value_error(prefix(field) + "got NaT where a date is required");
        if (days < min_days || days > max_days)
            throw py::value_error(prefix(field) + "the datetime64[D] value " + std::to_string(days) +
                                  " is outside the years 1-9999");
        out = date::sys_days{date::days{static_cast<int>(days)}};
        return true;
    }
    return false;
}

py::object date_to_python(date::sys_days d) {
    date::year_month_day const ymd{d};
    int const y = static_cast<int>(ymd.year());
    if (y < 1 || y > 9999)
        throw py::value_error("the date " + std::to_string(y) + "-" +
                              std::to_string(static_cast<unsigned>(ymd.month())) + "-" +
                              std::to_string(static_cast<unsigned>(ymd.day())) +
                              " is outside the years 1-9999 that datetime.date can hold");
    PyObject* const obj = PyDate_FromDate(y, static_cast<int>(static_cast<unsigned>(ymd.month())),
                                          static_cast<int>(static_cast<unsigned>(ymd.day())));
    if (obj == nullptr) throw py::error_already_set();
    return py::reinterpret_steal<py::object>(obj);
}

bool is_missing(py::handle value) noexcept {
    PyObject* const o = value.ptr();
    if (o == nullptr || o == Py_None) return true;
    if (PyFloat_Check(o)) return std::isnan(PyFloat_AS_DOUBLE(o));
    auto const name = type_name(value);
    if (name == "NAType" || name == "NaTType") return true;  // pandas.NA, pandas.NaT
    if (name == "numpy.datetime64") {
        // NaT is the only datetime64 that differs from itself (RichCompareBool would short-cut on
        // identity, hence the full comparison).
        PyObject* const ne = PyObject_RichCompare(o, o, Py_NE);
        int const truth = ne == nullptr ? -1 : PyObject_IsTrue(ne);
        Py_XDECREF(ne);
        if (truth < 0) {
            PyErr_Clear();
            return false;
        }
        return truth == 1;
    }
    return false;
}

}  // namespace dangyuan::python
