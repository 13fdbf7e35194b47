// The official working-day calendar (core/work_calendar.hpp). A year without data raises
// CalendarYearMissing unless the call passes estimate=True, which returns Estimated(value,
// provisional) with weekdays-only answers flagged as provisional.

#include <pybind11/stl/filesystem.h>

#include <string>

#include "common.hpp"
#include "enums.hpp"

namespace dangyuan::python {

namespace {

// collections.namedtuple("Estimated", "value provisional"). A raw pointer: the module owns the class,
// and a static py::object would be released after the interpreter is gone.
PyObject* estimated_type = nullptr;

template <class T>
py::object make_estimated(estimated<T> const& e) {
    return py::handle(estimated_type)(py::cast(e.value), py::bool_(e.provisional));
}

}  // namespace

void bind_work_calendar(py::module_& m) {
    bind_enum<on_existing_year>(m, "What WorkCalendar.load does with a year that is already loaded.");

    auto const namedtuple = py::module_::import("collections").attr("namedtuple");
    py::object const type =
        namedtuple("Estimated", py::make_tuple("value", "provisional"), py::arg("module") = "dangyuan");
    type.attr("__doc__") =
        "A result that may rest on a weekdays-only estimate: provisional is True when a day examined "
        "fell in a year without official data.";
    m.attr("Estimated") = type;
    estimated_type = type.ptr();  // borrowed from the module

    using date::sys_days;
    py::class_<work_calendar>(
        m, "WorkCalendar",
        "China's official working-day calendar (法定节假日 and 调休 make-up workdays).\n\n"
        "WorkCalendar() has no years; WorkCalendar.china() is a copy of the built-in "
        "national data (2020-2026), to which further years can be loaded.")
        .def(py::init<>())
        .def_static(
            "china", [] { return work_calendar::china(); }, "A copy of the built-in national calendar.")
        .def(
            "load",
            [](work_calendar& c, std::string_view text, on_existing_year policy) { c.load(text, policy); },
            py::arg("text"), py::arg("policy") = on_existing_year::reject,
            "Loads years of data in the text format of the C++ documentation (year / off / workday "
            "lines).\n\n"
            "All or nothing; raises InvalidInput (field 'holiday_data') naming the line.")
        .def("load_file", &work_calendar::load_file, py::arg("path"),
             py::arg("policy") = on_existing_year::reject, "Reads a file and loads it like load().")
        .def("has_year", &work_calendar::has_year, py::arg("year"),
             "True when the year's official data is loaded.")
        .def("years", &work_calendar::years, "The loaded years, ascending.")
        .def(
            "is_working_day",
            [](work_calendar const& c, sys_days d, bool estimate) -> py::object {
                if (estimate) return make_estimated(c.is_working_day(d, estimate_allowed));
                return py::bool_(c.is_working_day(d));
            },
            py::arg("d"), py::kw_only(), py::arg("estimate") = false,
            "True when d is a working day. Raises CalendarYearMissing for a year without data, unless "
            "estimate=True, which returns Estimated(value, provisional).")
        .def(
            "add_working_days",
            [](work_calendar const& c, sys_days start, int n, bool estimate) -> py::object {
                if (estimate) return make_estimated(c.add_working_days(start, n, estimate_allowed));
                return py::cast(c.add_working_days(start, n));
            },
            py::arg("start"), py::arg("n"), py::kw_only(), py::arg("estimate") = false,
            "The n-th working day strictly after start (start itself when n == 0).")
        .def(
            "working_days_between",
            [](work_calendar const& c, sys_days start, sys_days end, bool estimate) -> py::object {
                if (estimate) return make_estimated(c.working_days_between(start, end, estimate_allowed));
                return py::int_(c.working_days_between(start, end));
            },
            py::arg("start"), py::arg("end"), py::kw_only(), py::arg("estimate") = false,
            "The number of working days d with start < d <= end.")
        .def("holiday_name", &work_calendar::holiday_name, py::arg("d"),
             "The holiday's name ('春节') when d is an official day off, else None.")
        .def("__copy__", [](work_calendar const& c) { return work_calendar(c); })
        .def(
            "__deepcopy__", [](work_calendar const& c, py::handle) { return work_calendar(c); },
            py::arg("memo"))
        .def("__repr__", [](work_calendar const& c) {
            return "WorkCalendar(years=" + py::repr(py::cast(c.years())).cast<std::string>() + ")";
        });
}

}  // namespace dangyuan::python
