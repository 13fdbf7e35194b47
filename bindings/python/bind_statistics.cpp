// The membership statistics (storage/statistics_store.hpp): Store.statistics(as_of, scope, period)
// returns a Statistics object whose rows are a StatisticsTable (to_pandas() like any table).

#include <array>
#include <cmath>
#include <limits>
#include <optional>
#include <span>
#include <utility>

#include "dangyuan/storage/statistics_store.hpp"
#include "foundation.hpp"
#include "store_handle.hpp"

namespace dangyuan::python {

DANGYUAN_PY_RECORD(statistics_row, "StatisticsRow");
DANGYUAN_PY_TABLE(statistics_row, "StatisticsTable");

std::span<field_spec<statistics_row> const> record_traits<statistics_row>::fields() {
    static std::array const specs{
        field<&statistics_row::section>("section", true),
        field<&statistics_row::section_zh>("section_zh"),
        field<&statistics_row::item>("item", true),
        field<&statistics_row::item_zh>("item_zh"),
        field<&statistics_row::count>("count"),
        field<&statistics_row::subtotal>("subtotal"),
        field<&statistics_row::base>("base"),
    };
    return specs;
}

void record_traits<statistics_row>::finish(statistics_row&, std::uint64_t&) {}

void table_spec<statistics_row>::columns(column_builder<statistics_row>& b) {
    using r = statistics_row;
    b.text(
        "section", [](r const& x) -> std::string const& { return x.section; }, true);
    b.text(
        "section_zh", [](r const& x) -> std::string const& { return x.section_zh; }, true);
    b.text("item", [](r const& x) -> std::string const& { return x.item; });
    b.text("item_zh", [](r const& x) -> std::string const& { return x.item_zh; });
    b.integer("count", [](r const& x) { return x.count; });
    b.boolean("subtotal", [](r const& x) { return x.subtotal; });
    b.integer("base", [](r const& x) { return x.base; });
}

void bind_statistics(py::module_& m) {
    py::class_<statistics_row> row(m, "StatisticsRow",
                                   "One line of the statistics: section and item in English (section, item) "
                                   "and Chinese (section_zh, item_zh), count, subtotal (a 其中 line that "
                                   "overlaps the others), base (-1: shares of the total, 0: no share).");
    bind_record(row);

    register_table<statistics_row>(
        m,
        "The rows of the statistics, one per line: section, section_zh, item, item_zh, count, subtotal, "
        "base.");

    py::class_<statistics_result>(m, "Statistics",
                                  "The membership statistics of a scope on a date (党内统计): the figures "
                                  "and the rows; to_pandas() gives the rows with a percent column.")
        .def_readonly("as_of", &statistics_result::as_of)
        .def_property_readonly(
            "period", [](statistics_result const& s) { return std::pair(s.period.first, s.period.last); },
            "The period of the admissions and conversions counted: (first, last), both included.")
        .def_readonly("scope", &statistics_result::where)
        .def_readonly("organisations", &statistics_result::organisations, "Organisations in scope.")
        .def_readonly("branches", &statistics_result::branches, "Of which branches and joint branches.")
        .def_readonly("total", &statistics_result::total, "Members counted (normal standing).")
        .def_readonly("suspended", &statistics_result::suspended,
                      "Members whose standing is suspended on the date (not counted).")
        .def_readonly("evaluation_year", &statistics_result::evaluation_year,
                      "The year of the democratic evaluation reported (the year before the date).")
        .def_readonly(
            "elections", &statistics_result::elections,
            "The completion of the elections (换届完成率) of the terms ending in the year of the date: an "
            "ElectionCompletion (year, due, held, overdue), the 换届选举 rows.")
        .def_readonly(
            "organisation_work_year", &statistics_result::organisation_work_year,
            "The year of the organisation work reported (在职党员进社区, 党员示范岗与两优一先 rows): "
            "the last calendar year ended on or before the date.")
        .def_property_readonly(
            "rows", [](statistics_result const& s) { return record_table<statistics_row>(s.rows); },
            "The rows as a StatisticsTable.")
        .def(
            "percent",
            [](statistics_result const& s, statistics_row const& r) -> std::optional<double> {
                if (r.base == 0) return std::nullopt;
                return share_percent(r, s.total);
            },
            py::arg("row"), "The share of a row in percent, None for a row without a share.")
        .def(
            "to_pandas",
            [](statistics_result const& s, std::string const& labels) {
                auto frame = py::cast(record_table<statistics_row>(s.rows)).attr("to_pandas")(labels);
                py::list percent;
                for (auto const& r : s.rows)
                    percent.append(r.base == 0 ? std::numeric_limits<double>::quiet_NaN()
                                               : share_percent(r, s.total));
                frame.attr("__setitem__")("percent", percent);
                return frame;
            },
            py::arg("labels") = "name",
            "The rows as a pandas DataFrame: section, section_zh, item, item_zh, count, subtotal, base and "
            "percent (the share, NaN for rows without one).")
        .def("__repr__", [](statistics_result const& s) {
            return "<dangyuan.Statistics on " + format_date(s.as_of) + ": " + std::to_string(s.total) +
                   " members, " + std::to_string(s.rows.size()) + " rows>";
        });

    using h = store_handle;
    auto cls = existing_class<h>(m, "Store");
    cls.def(
        "statistics",
        [](h& s, date::sys_days as_of, py::object sc,
           std::optional<std::pair<date::sys_days, date::sys_days>> period) {
            statistics_request r{.as_of = as_of, .where = scope_from_python(sc)};
            if (period) r.period = statistics_period{period->first, period->second};
            return s.call([&](store& st) { return statistics(st, r); });
        },
        py::arg("as_of"), py::arg("scope") = py::none(), py::kw_only(), py::arg("period") = py::none(),
        "The membership statistics of the scope on as_of in the shape of the annual party statistics "
        "(党内统计), the figures `dangyuan stats` prints: membership by status, sex, ethnicity, age, "
        "education, category and party age; development by stage with those admitted and converted in "
        "the period (first, last), by default 1 January to as_of; mobile members; evaluation grades of "
        "the year before; the elections due, held and overdue of the terms ending in the year of as_of. "
        "Raises InvalidInput (field 'period') for a period that ends before it starts "
        "or after as_of, NotFound for an unknown scope root.");
}

}  // namespace dangyuan::python
