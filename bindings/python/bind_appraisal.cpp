// The party-building appraisal (党建工作述职评议考核) and accountability (问责): the records
// (AppraisalCycle, AppraisalReport, AppraisalRating, AppraisalApplication, AccountabilityRecord), the
// enums (AppraisalGrade, AccountabilityKind), the pure helpers of appraisal/appraisal.hpp, the parameter
// block AppraisalParams (rules/params_appraisal.hpp, registered in bind_rule_set.cpp) and the store
// operations of storage/appraisal_store.hpp as methods of Store.

#include <string>
#include <vector>

#include "command.hpp"
#include "dangyuan/appraisal/appraisal.hpp"
#include "dangyuan/appraisal/appraisal_agenda.hpp"
#include "dangyuan/rules/params_appraisal.hpp"
#include "dangyuan/storage/appraisal_store.hpp"
#include "domains.hpp"

namespace dangyuan::python {

DANGYUAN_PY_RECORD(appraisal_cycle, "AppraisalCycle");
DANGYUAN_PY_RECORD(appraisal_report, "AppraisalReport");
DANGYUAN_PY_RECORD(appraisal_rating, "AppraisalRating");
DANGYUAN_PY_RECORD(appraisal_application, "AppraisalApplication");
DANGYUAN_PY_RECORD(accountability_record, "AccountabilityRecord");

#define F(T, x) DANGYUAN_PY_FIELD(T, x)
#define R(T, x) DANGYUAN_PY_REQUIRED(T, x)

DANGYUAN_PY_FIELDS(appraisal_cycle, F(appraisal_cycle, id), R(appraisal_cycle, year),
                   R(appraisal_cycle, organiser), F(appraisal_cycle, levels), R(appraisal_cycle, opened_on),
                   F(appraisal_cycle, closed_on), F(appraisal_cycle, note))
DANGYUAN_PY_FIELDS(appraisal_report, F(appraisal_report, id), R(appraisal_report, cycle),
                   R(appraisal_report, org), F(appraisal_report, reporter), R(appraisal_report, reported_on),
                   F(appraisal_report, summary))
DANGYUAN_PY_FIELDS(appraisal_rating, R(appraisal_rating, report), R(appraisal_rating, rated_on),
                   F(appraisal_rating, votes_good), F(appraisal_rating, votes_fairly_good),
                   F(appraisal_rating, votes_average), F(appraisal_rating, votes_poor),
                   F(appraisal_rating, satisfied), F(appraisal_rating, basically_satisfied),
                   F(appraisal_rating, dissatisfied), F(appraisal_rating, grade),
                   F(appraisal_rating, override_reason), F(appraisal_rating, note))
DANGYUAN_PY_FIELDS(appraisal_application, R(appraisal_application, report),
                   R(appraisal_application, applied_on), R(appraisal_application, use))
DANGYUAN_PY_FIELDS(accountability_record, F(accountability_record, id), R(accountability_record, kind),
                   R(accountability_record, org), F(accountability_record, member),
                   F(accountability_record, cycle), R(accountability_record, decided_on),
                   R(accountability_record, reason), F(accountability_record, deadline),
                   F(accountability_record, completed_on), F(accountability_record, decision))

#undef F
#undef R

void bind_appraisal(py::module_& m) {
    auto const national = rule_set::national_2014();

    bind_enum<appraisal_grade>(m, "The grade of a party-building appraisal (评议等次): 好, 较好, 一般, 差.");
    bind_enum<accountability_kind>(m, "The kinds of accountability (问责): 诫勉谈话, 限期整改, 组织处理.");

    record_class<appraisal_cycle>(
        m,
        "A yearly appraisal cycle (述职评议考核): id, year (appraised), organiser (a committee), levels (1 = "
        "the "
        "organiser alone, 3 = 三级联述联评联考), opened_on, closed_on (None while open), note.");
    record_class<appraisal_report>(
        m,
        "A secretary's report (述职) in a cycle: id, cycle, org, reporter (None: the "
        "secretary in office, filled in by the store), reported_on, summary.");
    record_class<appraisal_rating>(
        m,
        "The appraisal (评议) of a report: report, rated_on, votes_good / votes_fairly_good / votes_average "
        "/ "
        "votes_poor (好/较好/一般/差), satisfied / basically_satisfied / dissatisfied (满意度测评), grade "
        "(None: "
        "the grade with most votes, filled in by the store), override_reason, note.")
        .def("votes", &appraisal_rating::votes, "The votes in the order of AppraisalGrade.");
    record_class<appraisal_application>(m, "A use of a report's result (结果运用): report, applied_on, use.");
    record_class<accountability_record>(
        m,
        "An accountability record (问责): id, kind (AccountabilityKind), org, member, cycle, decided_on, "
        "reason, deadline (限期整改: None = the profile's appraisal.rectify_months), completed_on, decision "
        "(组织处理).");

    output_class<appraisal_statistics>(m, "AppraisalStatistics",
                                       "Figures of one year for the organisations of a scope.")
        .def_readonly("year", &appraisal_statistics::year)
        .def_readonly("cycles", &appraisal_statistics::cycles, "Cycles of the year organised in the scope.")
        .def_readonly("reports", &appraisal_statistics::reports)
        .def_readonly("rated", &appraisal_statistics::rated)
        .def_readonly("results_applied", &appraisal_statistics::results_applied)
        .def_property_readonly(
            "by_grade",
            [](appraisal_statistics const& s) {
                py::dict out;
                for (auto const g : enum_values<appraisal_grade>())
                    out[py::cast(g)] = s.by_grade[static_cast<std::size_t>(g)];
                return out;
            },
            "Appraised reports by AppraisalGrade, every grade present.")
        .def_property_readonly(
            "satisfaction",
            [](appraisal_statistics const& s) {
                py::dict out;
                out["satisfied"] = s.satisfaction[0];
                out["basically_satisfied"] = s.satisfaction[1];
                out["dissatisfied"] = s.satisfaction[2];
                return out;
            },
            "Satisfaction answers summed: satisfied, basically_satisfied, dissatisfied.")
        .def_property_readonly(
            "accountability_by_kind",
            [](appraisal_statistics const& s) {
                py::dict out;
                for (auto const k : enum_values<accountability_kind>())
                    out[py::cast(k)] = s.accountability_by_kind[static_cast<std::size_t>(k)];
                return out;
            },
            "Accountability decided in the year by AccountabilityKind, every kind present.")
        .def_readonly("rectifications_completed", &appraisal_statistics::rectifications_completed)
        .def_readonly("rectifications_completed_late", &appraisal_statistics::rectifications_completed_late)
        .def_readonly("rectifications_overdue", &appraisal_statistics::rectifications_overdue);

    // ---- pure rules
    m.def(
        "plurality_grade",
        [](int good, int fairly_good, int average, int poor) {
            return plurality_grade({good, fairly_good, average, poor});
        },
        py::arg("good"), py::arg("fairly_good"), py::arg("average"), py::arg("poor"),
        "The grade with most votes, a tie giving the lower. Raises InvalidInput (votes) without votes.");
    m.def(
        "appraisal_report_deadline",
        [](appraisal_cycle const& c, rule_set const& rules) {
            return appraisal_report_deadline(c, rules.appraisal);
        },
        py::arg("cycle"), py::arg("rules") = national,
        "The day the organisations of the cycle report by (end of month appraisal.report_by_month of the "
        "next "
        "year, or the close when earlier), or None.");

    // ---- the parameter block
    auto params = existing_class<appraisal_params>(m, "AppraisalParams");
    std::vector<char const*> names;
#define DANGYUAN_PARAM(f)                           \
    params.def_readwrite(#f, &appraisal_params::f); \
    names.push_back(#f);
    DANGYUAN_PARAM(report_by_month)
    DANGYUAN_PARAM(rectify_months)
    DANGYUAN_PARAM(followup_days)
    DANGYUAN_PARAM(min_satisfaction_percent)
    DANGYUAN_PARAM(notice_months)
#undef DANGYUAN_PARAM
    params_repr(params, "AppraisalParams", names);

    // ---- Store
    using h = store_handle;
    auto cls = existing_class<h>(m, "Store");
    def_command(
        cls, "open_appraisal_cycle", &open_appraisal_cycle, py::arg("cycle") = py::none(), py::pos_only(),
        py::kw_only(), py::arg("why") = "",
        "Opens a cycle (an AppraisalCycle, a mapping, or keywords year=, organiser=, levels=, opened_on=, "
        "note=). Returns the AppraisalCycleId. Raises RuleViolation appraisal.cycle_organiser; "
        "InvalidInput (year, levels, opened_on).");
    def_command(cls, "close_appraisal_cycle", &close_appraisal_cycle, py::arg("cycle"), py::arg("on"),
                py::arg("why") = "",
                "Closes a cycle on that day (its last). Raises RuleViolation appraisal.report_within_cycle; "
                "InvalidInput (cycle) when closed already.");
    def_command(cls, "record_appraisal_report", &record_appraisal_report, py::arg("report") = py::none(),
                py::pos_only(), py::kw_only(), py::arg("why") = "",
                "Records a secretary's report (an AppraisalReport, a mapping, or keywords cycle=, org=, "
                "reporter=, reported_on=, summary=). Returns the AppraisalReportId. Raises RuleViolation "
                "appraisal.report_within_cycle, appraisal.cycle_scope, appraisal.one_report_per_cycle, "
                "appraisal.reporter_secretary.");
    def_command(cls, "rate_appraisal_report", &rate_appraisal_report, py::arg("rating") = py::none(),
                py::pos_only(), py::kw_only(), py::arg("why") = "",
                "Records the appraisal of a report (an AppraisalRating, a mapping, or keywords). Returns the "
                "AppraisalGrade given. Raises RuleViolation appraisal.tally_valid, "
                "appraisal.rating_after_report, appraisal.grade_override_reason.");
    def_command(cls, "correct_appraisal_rating", &correct_appraisal_rating, py::arg("rating") = py::none(),
                py::pos_only(), py::kw_only(), py::arg("correction_reason") = "", py::arg("why") = "",
                "Corrects the recorded appraisal of a report (更正): the same record, on its day (rated_on "
                "as recorded), takes the new tallies, grade, override_reason and note of an AppraisalRating "
                "(a mapping, or keywords) for correction_reason (required), while the cycle is open; the "
                "audit row keeps the values before and after, and the follow-up of a poor result follows "
                "the corrected grade. Returns the AppraisalGrade given. Raises RuleViolation "
                "appraisal.correction_before_close, appraisal.tally_valid, appraisal.grade_override_reason; "
                "InvalidInput (correction_reason, report, rated_on, rating).");
    def_command(
        cls, "apply_appraisal_result", &apply_appraisal_result, py::arg("application") = py::none(),
        py::pos_only(), py::kw_only(), py::arg("why") = "",
        "Records a use of a report's result (an AppraisalApplication, a mapping, or keywords report=, "
        "applied_on=, use=). Raises RuleViolation appraisal.apply_after_rating; InvalidInput (use).");
    def_command(
        cls, "record_accountability", &record_accountability, py::arg("record") = py::none(), py::pos_only(),
        py::kw_only(), py::arg("why") = "",
        "Records accountability (an AccountabilityRecord, a mapping, or keywords kind=, org=, member=, "
        "cycle=, decided_on=, reason=, deadline=, decision=). Returns the AccountabilityId. Raises "
        "RuleViolation appraisal.rectify_deadline, appraisal.treatment_decision, appraisal.cycle_scope; "
        "InvalidInput (reason, deadline, decision).");
    def_command(cls, "complete_rectification", &complete_rectification, py::arg("accountability"),
                py::arg("on"), py::arg("why") = "",
                "Records a rectification's completion. Raises RuleViolation appraisal.rectify_by_deadline; "
                "InvalidInput (accountability).");
    def_command(cls, "get_appraisal_cycle", &get_appraisal_cycle, py::arg("cycle"),
                "The AppraisalCycle with that id (NotFound otherwise).");
    def_command(cls, "appraisal_cycles", &appraisal_cycles, py::arg("scope") = py::none(),
                py::arg("year") = py::none(),
                "The cycles organised in scope (of the year), by year and organiser.");
    def_command(cls, "appraisal_reports", &appraisal_reports, py::arg("cycle"),
                "The reports of the cycle, by date.");
    def_command(cls, "get_appraisal_report", &get_appraisal_report, py::arg("report"),
                "The AppraisalReport with that id.");
    def_command(cls, "appraisal_rating", &appraisal_rating_of, py::arg("report"),
                "The AppraisalRating of the report, or None when it is not appraised.");
    def_command(cls, "appraisal_applications", &appraisal_applications, py::arg("report"),
                "The uses of the report's result, by date.");
    def_command(cls, "get_accountability", &get_accountability, py::arg("accountability"),
                "The AccountabilityRecord with that id.");
    def_command(cls, "accountability_records", &accountability_records, py::arg("scope") = py::none(),
                py::arg("year") = py::none(),
                "The accountability records of the organisations in scope (decided in the year), by date.");
    def_command(cls, "appraisal_statistics", &appraisal_statistics_of, py::arg("year"),
                py::arg("scope") = py::none(),
                "The AppraisalStatistics of the year for the organisations in scope.");
}

}  // namespace dangyuan::python
