// Civil-calendar helpers (core/calendar.hpp). Dates are datetime.date both ways (date_caster.hpp).

#include <string>

#include "common.hpp"
#include "dangyuan/core/calendar.hpp"

namespace dangyuan::python {

void bind_calendar(py::module_& m) {
    using date::sys_days;
    m.def(
        "add_months", [](sys_days d, int months) { return add_months(d, months); }, py::arg("d"),
        py::arg("months"),
        "Adds calendar months (negative to go back), clamping the day to the end of the target month\n"
        "(民法典 第202条): add_months(date(2024, 1, 31), 1) == date(2024, 2, 29).");
    m.def(
        "add_years", [](sys_days d, int years) { return add_years(d, years); }, py::arg("d"),
        py::arg("years"), "add_months(d, 12 * years): 29 February moves to 28 February in a common year.");
    m.def("age_on", &age_on, py::arg("birth"), py::arg("on"),
          "Age in completed years (周岁) on a date; the age increases on the anniversary itself.\n\n"
          "Raises InvalidInput (field 'date') when `on` is before `birth`.");
    m.def("deadline_months", &deadline_months, py::arg("start"), py::arg("months"),
          "The last day of a period of `months` months starting on `start` (add_months(start, months)).");
    m.def("within_months", &within_months, py::arg("start"), py::arg("d"), py::arg("months"),
          "True when d <= deadline_months(start, months): the deadline day itself is in time.");
    m.def(
        "parse_date", [](std::string_view text, std::string_view field) { return parse_date(text, field); },
        py::arg("text"), py::arg("field") = "date",
        "Parses 2020-05-01, 2020.05.01, 2020/05/01 or 2020年5月1日.\n\n"
        "Raises InvalidInput naming `field` for any other text or an impossible date.");
    m.def("format_date", &format_date, py::arg("d"), "Formats a date as ISO 8601 YYYY-MM-DD.");
    m.def("make_date", &make_date, py::arg("year"), py::arg("month"), py::arg("day"),
          "The date year-month-day.\n\nRaises InvalidInput (field 'date') when it does not exist.");
}

}  // namespace dangyuan::python
