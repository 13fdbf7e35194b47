// Coverage of units by party organisations (两新组织党建覆盖): the records (Unit, UnitHeadcount,
// CoverageLink, InstructorAssignment, MemberUnit), the enums (UnitSector, CoverageForm), the pure checks
// of coverage/coverage.hpp (the credit code of GB 32100-2015), the parameter block CoverageParams
// (rules/params_coverage.hpp), CoverageStatistics and the store operations of storage/coverage_store.hpp
// as methods of Store.

#include <string>
#include <vector>

#include "command.hpp"
#include "dangyuan/coverage/coverage.hpp"
#include "dangyuan/coverage/coverage_agenda.hpp"
#include "dangyuan/rules/params_coverage.hpp"
#include "dangyuan/storage/coverage_store.hpp"
#include "domains.hpp"

namespace dangyuan::python {

DANGYUAN_PY_RECORD(unit_record, "Unit");
DANGYUAN_PY_RECORD(unit_headcount, "UnitHeadcount");
DANGYUAN_PY_RECORD(coverage_link, "CoverageLink");
DANGYUAN_PY_RECORD(instructor_assignment, "InstructorAssignment");
DANGYUAN_PY_RECORD(member_unit_link, "MemberUnit");

DANGYUAN_PY_TABLE(unit_record, "Units");
DANGYUAN_PY_TABLE(unit_headcount, "UnitHeadcounts");
DANGYUAN_PY_TABLE(coverage_link, "CoverageLinks");
DANGYUAN_PY_TABLE(instructor_assignment, "InstructorAssignments");
DANGYUAN_PY_TABLE(member_unit_link, "MemberUnits");

#define F(T, x) DANGYUAN_PY_FIELD(T, x)
#define R(T, x) DANGYUAN_PY_REQUIRED(T, x)

DANGYUAN_PY_FIELDS(unit_record, F(unit_record, id), R(unit_record, name), R(unit_record, credit_code),
                   R(unit_record, sector), R(unit_record, responsible), R(unit_record, registered_on),
                   F(unit_record, closed_on), F(unit_record, note))
DANGYUAN_PY_FIELDS(unit_headcount, R(unit_headcount, unit), R(unit_headcount, on),
                   R(unit_headcount, employees))
DANGYUAN_PY_FIELDS(coverage_link, F(coverage_link, id), R(coverage_link, unit), R(coverage_link, org),
                   F(coverage_link, form), R(coverage_link, since), F(coverage_link, until),
                   F(coverage_link, note))
DANGYUAN_PY_FIELDS(instructor_assignment, F(instructor_assignment, id), R(instructor_assignment, unit),
                   R(instructor_assignment, instructor), F(instructor_assignment, member),
                   R(instructor_assignment, since), F(instructor_assignment, until),
                   F(instructor_assignment, note))
DANGYUAN_PY_FIELDS(member_unit_link, F(member_unit_link, id), R(member_unit_link, member),
                   R(member_unit_link, unit), R(member_unit_link, since), F(member_unit_link, until))

#undef F
#undef R

// ---- tables

void table_spec<unit_record>::columns(column_builder<unit_record>& b) {
    using r = unit_record;
    b.integer("id", [](r const& x) { return x.id.value(); });
    b.text("name", [](r const& x) -> std::string const& { return x.name; });
    b.text("credit_code", [](r const& x) -> std::string const& { return x.credit_code; });
    b.category<unit_sector>("sector", [](r const& x) { return x.sector; });
    b.integer("responsible", [](r const& x) { return x.responsible.value(); });
    b.dates("registered_on", [](r const& x) { return x.registered_on; });
    b.dates("closed_on", [](r const& x) { return x.closed_on; });
    b.text("note", [](r const& x) -> std::string const& { return x.note; });
}

void table_spec<unit_headcount>::columns(column_builder<unit_headcount>& b) {
    using r = unit_headcount;
    b.integer("unit", [](r const& x) { return x.unit.value(); });
    b.dates("on", [](r const& x) { return x.on; });
    b.integer("employees", [](r const& x) { return std::int64_t{x.employees}; });
}

void table_spec<coverage_link>::columns(column_builder<coverage_link>& b) {
    using r = coverage_link;
    b.integer("id", [](r const& x) { return x.id.value(); });
    b.integer("unit", [](r const& x) { return x.unit.value(); });
    b.integer("org", [](r const& x) { return x.org.value(); });
    b.category<coverage_form>("form", [](r const& x) { return x.form; });
    b.dates("since", [](r const& x) { return x.since; });
    b.dates("until", [](r const& x) { return x.until; });
    b.text("note", [](r const& x) -> std::string const& { return x.note; });
}

void table_spec<instructor_assignment>::columns(column_builder<instructor_assignment>& b) {
    using r = instructor_assignment;
    b.integer("id", [](r const& x) { return x.id.value(); });
    b.integer("unit", [](r const& x) { return x.unit.value(); });
    b.text("instructor", [](r const& x) -> std::string const& { return x.instructor; });
    b.optional_integer("member", [](r const& x) {
        return x.member ? std::optional<std::int64_t>{x.member->value()} : std::nullopt;
    });
    b.dates("since", [](r const& x) { return x.since; });
    b.dates("until", [](r const& x) { return x.until; });
    b.text("note", [](r const& x) -> std::string const& { return x.note; });
}

void table_spec<member_unit_link>::columns(column_builder<member_unit_link>& b) {
    using r = member_unit_link;
    b.integer("id", [](r const& x) { return x.id.value(); });
    b.integer("member", [](r const& x) { return x.member.value(); });
    b.integer("unit", [](r const& x) { return x.unit.value(); });
    b.dates("since", [](r const& x) { return x.since; });
    b.dates("until", [](r const& x) { return x.until; });
}

void bind_coverage(py::module_& m) {
    bind_enum<unit_sector>(
        m,
        "The sector of a unit (单位类别): the new sectors 非公有制企业, 社会团体, 民办非企业单位, "
        "基金会, then 国有企业, 事业单位, 机关, 村（社区）, 其他.");
    bind_enum<coverage_form>(m, "How an organisation covers a unit: 单独组建 (own) or 联合组建 (joint).");

    record_class<unit_record>(
        m,
        "A unit (单位) of the coverage register: id, name, credit_code (统一社会信用代码), sector "
        "(UnitSector), "
        "responsible (the street or organisation), registered_on, closed_on (the day it no longer exists), "
        "note.")
        .def("exists_on", &unit_record::exists_on, py::arg("day"), "True when the unit exists on the day.");
    record_class<unit_headcount>(m, "The employees of a unit on a day (从业人员数): unit, on, employees.");
    record_class<coverage_link>(m,
                                "An organisation covering a unit: id, unit, org, form (CoverageForm, set by "
                                "the store), since, until (the "
                                "last day, None while open), note.")
        .def("covers", &coverage_link::covers, py::arg("day"), "True when the link holds on the day.");
    record_class<instructor_assignment>(
        m,
        "A party-building instructor sent to a unit (选派党建指导员): id, unit, instructor (name), member "
        "(optional), since, until, note.");
    record_class<member_unit_link>(m, "A member working in a unit: id, member, unit, since, until.");

    register_table<unit_record>(
        m,
        "Units of the coverage register, one row each: id, name, credit_code, sector, responsible, "
        "registered_on, closed_on, note.");
    register_table<unit_headcount>(m, "Headcounts of units, one row each: unit, on, employees.");
    register_table<coverage_link>(
        m, "Coverage of units by organisations, one row each: id, unit, org, form, since, until, note.");
    register_table<instructor_assignment>(
        m,
        "Instructors' assignments to units, one row each: id, unit, instructor, member (missing when the "
        "instructor is not a member of the store), since, until, note.");
    register_table<member_unit_link>(
        m, "Members working in units, one row each: id, member, unit, since, until.");

    auto stats = output_class<coverage_statistics>(
        m, "CoverageStatistics",
        "The units of a scope on 31 December of a year. own_organisation + joint_branch + instructor_only + "
        "uncovered == units.");
    stats.def_readonly("year", &coverage_statistics::year)
        .def_readonly("units", &coverage_statistics::units, "Units existing on 31 December.")
        .def_property_readonly(
            "units_by_sector",
            [](coverage_statistics const& s) {
                py::dict out;
                for (auto const sec : enum_values<unit_sector>())
                    out[py::cast(sec)] = s.units_by_sector[static_cast<std::size_t>(sec)];
                return out;
            },
            "Units by UnitSector, every sector present.")
        .def_readonly("own_organisation", &coverage_statistics::own_organisation, "单独组建.")
        .def_readonly("joint_branch", &coverage_statistics::joint_branch, "联合组建.")
        .def_readonly("instructor_only", &coverage_statistics::instructor_only,
                      "No organisation, an instructor assigned.")
        .def_readonly("uncovered", &coverage_statistics::uncovered)
        .def_readonly("members_no_organisation", &coverage_statistics::members_no_organisation,
                      "Units with members and no organisation.")
        .def_readonly("establish_due", &coverage_statistics::establish_due,
                      "Units with 3 or more full members and no organisation of their own.")
        .def_readonly("no_members", &coverage_statistics::no_members)
        .def_readonly("members", &coverage_statistics::members)
        .def_readonly("new_sector_units", &coverage_statistics::new_sector_units)
        .def_readonly("new_sector_covered", &coverage_statistics::new_sector_covered)
        .def_readonly("new_sector_members", &coverage_statistics::new_sector_members)
        .def_readonly("employees", &coverage_statistics::employees)
        .def_readonly("effective", &coverage_statistics::effective,
                      "Units covered by an organisation that held an organisational-life meeting in each "
                      "quarter (有效覆盖).")
        .def("organisation_coverage", &coverage_statistics::organisation_coverage,
             "有形覆盖率 (0 without units).")
        .def("work_coverage", &coverage_statistics::work_coverage,
             "Units covered by an organisation or an instructor, per unit.")
        .def("effective_coverage", &coverage_statistics::effective_coverage, "有效覆盖率.");

    // ---- pure rules
    m.def(
        "check_credit_code", [](std::string const& code) { check_credit_code(code); }, py::arg("code"),
        "Checks a unified social credit code (GB 32100-2015). Raises RuleViolation "
        "coverage.credit_code_gb32100.");
    m.def(
        "credit_code_check_character",
        [](std::string const& first17) -> py::object {
            auto const c = credit_code_check_character(first17);
            if (!c) return py::none();
            return py::str(std::string(1, c));
        },
        py::arg("first17"),
        "The check character of the first 17 characters of a credit code, or None when they are not 17 "
        "characters of its alphabet.");
    m.def("is_new_sector", &is_new_sector, py::arg("sector"),
          "True for the new sectors (两新组织): non-public enterprises and social organisations.");

    // ---- the parameter block
    auto params = existing_class<coverage_params>(m, "CoverageParams");
    params.def_readwrite("establish_months", &coverage_params::establish_months);
    params.def_readwrite("notice_months", &coverage_params::notice_months);
    params_repr(params, "CoverageParams", {"establish_months", "notice_months"});

    // ---- Store
    using h = store_handle;
    auto cls = existing_class<h>(m, "Store");
    def_command(cls, "add_unit", &add_unit, py::arg("unit") = py::none(), py::pos_only(), py::kw_only(),
                py::arg("why") = "",
                "Adds a unit (a Unit, a mapping, or keywords name=, credit_code=, sector=, responsible=, "
                "registered_on=, closed_on=, note=). Returns the UnitId. Raises RuleViolation "
                "coverage.credit_code_gb32100, coverage.credit_code_unique; InvalidInput (name).");
    def_command(cls, "close_unit", &close_unit, py::arg("unit"), py::arg("on"), py::arg("why") = "",
                "Closes a unit on that day (注销). Raises RuleViolation coverage.close_without_open_links, "
                "coverage.end_after_start.");
    def_command(
        cls, "record_unit_employees", &record_unit_employees, py::arg("headcount") = py::none(),
        py::pos_only(), py::kw_only(), py::arg("why") = "",
        "Records the employees of a unit on a day (a UnitHeadcount or keywords unit=, on=, employees=).");
    def_command(cls, "get_unit", &get_unit, py::arg("unit"), "The Unit with that id (NotFound otherwise).");
    def_command(cls, "unit_by_code", &unit_by_code, py::arg("code"),
                "The Unit with that credit code, or None.");
    def_command<as_table>(cls, "units", &units, py::arg("scope") = py::none(),
                          "The units whose responsible organisation is in scope, by id, as a Units table.");
    def_command<as_table>(cls, "unit_headcounts", &unit_headcounts, py::arg("unit"),
                          "A unit's headcounts, by day, as a UnitHeadcounts table.");
    def_command(
        cls, "cover_unit", &cover_unit, py::arg("unit"), py::arg("org"), py::arg("on"), py::arg("note") = "",
        py::arg("why") = "",
        "The organisation covers the unit from that day. Returns the CoverageLinkId. Raises RuleViolation "
        "coverage.covering_org_kind, coverage.link_within_existence, coverage.one_organisation.");
    def_command(cls, "end_coverage", &end_coverage, py::arg("coverage"), py::arg("on"), py::arg("why") = "",
                "Ends a coverage on that day, its last.");
    def_command<as_table>(cls, "unit_coverage", &unit_coverage, py::arg("unit"),
                          "A unit's coverage, oldest first, as a CoverageLinks table.");
    def_command<as_table>(cls, "units_covered_by", &units_covered_by, py::arg("org"),
                          "An organisation's coverage of units, oldest first, as a CoverageLinks table.");
    def_command(
        cls, "assign_instructor", &assign_instructor, py::arg("assignment") = py::none(), py::pos_only(),
        py::kw_only(), py::arg("why") = "",
        "Sends an instructor to a unit (an InstructorAssignment or keywords unit=, instructor=, member=, "
        "since=…). Returns the InstructorId.");
    def_command(cls, "end_instructor", &end_instructor, py::arg("instructor"), py::arg("on"),
                py::arg("why") = "", "Ends an instructor's assignment on that day, its last.");
    def_command<as_table>(cls, "unit_instructors", &unit_instructors, py::arg("unit"),
                          "A unit's instructors, oldest first, as an InstructorAssignments table.");
    def_command(cls, "link_member_unit", &link_member_unit, py::arg("member"), py::arg("unit"), py::arg("on"),
                py::arg("why") = "",
                "The member works in the unit from that day. Returns the MemberUnitId. Raises RuleViolation "
                "coverage.member_one_unit, coverage.link_within_existence.");
    def_command(cls, "end_member_unit", &end_member_unit, py::arg("link"), py::arg("on"), py::arg("why") = "",
                "Ends a member's work in a unit on that day, its last.");
    def_command<as_table>(cls, "member_units_of", &member_units_of, py::arg("member"),
                          "The member's units, oldest first, as a MemberUnits table.");
    def_command<as_table>(cls, "unit_members", &unit_members, py::arg("unit"),
                          "A unit's members, oldest first, as a MemberUnits table.");
    def_command(cls, "coverage_statistics", &coverage_statistics_of, py::arg("year"),
                py::arg("scope") = py::none(),
                "The CoverageStatistics of the units in scope on 31 December of the year.");
}

}  // namespace dangyuan::python
