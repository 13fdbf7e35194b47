// The rectification of weak organisations (软弱涣散党组织, 后进社区整顿): the records (Rectification and its
// RectificationContact, RectificationMilestone, RectificationCommitment, RectificationEvaluation,
// RectificationReview; RectificationDesignation for a new one), the code tables (RectificationKind,
// RectificationReason, RectificationContactKind, RectificationEvaluator, AcceptanceResult), the pure checks,
// agenda and statistics of rectification/rectification.hpp and rectification_agenda.hpp, the parameter
// block RectificationParams (rules/params_rectification.hpp, bound in bind_rule_set.cpp) and the store
// operations of storage/rectification_store.hpp as methods of Store.

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "command.hpp"
#include "dangyuan/rectification/rectification.hpp"
#include "dangyuan/rectification/rectification_agenda.hpp"
#include "dangyuan/rules/params_rectification.hpp"
#include "dangyuan/storage/rectification_store.hpp"
#include "domains.hpp"

namespace dangyuan::python {

DANGYUAN_PY_RECORD(rectification_contact, "RectificationContact");
DANGYUAN_PY_RECORD(rectification_milestone, "RectificationMilestone");
DANGYUAN_PY_RECORD(rectification_commitment, "RectificationCommitment");
DANGYUAN_PY_RECORD(rectification_evaluation, "RectificationEvaluation");
DANGYUAN_PY_RECORD(rectification_review, "RectificationReview");
DANGYUAN_PY_RECORD(rectification_designation, "RectificationDesignation");
DANGYUAN_PY_RECORD(rectification, "Rectification");

DANGYUAN_PY_TABLE(rectification, "Rectifications");

#define F(T, x) DANGYUAN_PY_FIELD(T, x)
#define R(T, x) DANGYUAN_PY_REQUIRED(T, x)

DANGYUAN_PY_FIELDS(rectification_contact, R(rectification_contact, kind), F(rectification_contact, name),
                   F(rectification_contact, org), R(rectification_contact, start),
                   F(rectification_contact, end), F(rectification_contact, note))
DANGYUAN_PY_FIELDS(rectification_milestone, F(rectification_milestone, number),
                   R(rectification_milestone, text), R(rectification_milestone, due),
                   F(rectification_milestone, completed_on), F(rectification_milestone, note))
DANGYUAN_PY_FIELDS(rectification_commitment, R(rectification_commitment, date),
                   R(rectification_commitment, text))
DANGYUAN_PY_FIELDS(rectification_evaluation, R(rectification_evaluation, date),
                   R(rectification_evaluation, evaluator), F(rectification_evaluation, satisfied),
                   F(rectification_evaluation, basically_satisfied),
                   F(rectification_evaluation, dissatisfied), F(rectification_evaluation, note))
DANGYUAN_PY_FIELDS(rectification_review, R(rectification_review, date), R(rectification_review, result),
                   F(rectification_review, note))
DANGYUAN_PY_FIELDS(rectification_designation, R(rectification_designation, org),
                   R(rectification_designation, date), F(rectification_designation, kind),
                   F(rectification_designation, batch), R(rectification_designation, reasons),
                   F(rectification_designation, other_reason), F(rectification_designation, note))
DANGYUAN_PY_FIELDS(rectification, F(rectification, id), R(rectification, org), F(rectification, org_name),
                   R(rectification, designated_on), F(rectification, kind), F(rectification, batch),
                   F(rectification, reasons), F(rectification, other_reason), F(rectification, note),
                   F(rectification, contacts), F(rectification, milestones), F(rectification, commitments),
                   F(rectification, evaluations), F(rectification, reviews), F(rectification, removed_on),
                   F(rectification, rule_set_name))

#undef F
#undef R

// ---- tables

void table_spec<rectification>::columns(column_builder<rectification>& b) {
    using r = rectification;
    auto count = [](auto const& v) { return static_cast<std::int64_t>(v.size()); };
    b.integer("id", [](r const& x) { return x.id.value(); });
    b.integer("org", [](r const& x) { return x.org.value(); });
    b.text(
        "org_name", [](r const& x) -> std::string const& { return x.org_name; }, true);
    b.dates("designated_on", [](r const& x) { return x.designated_on; });
    b.category<rectification_kind>("kind", [](r const& x) { return x.kind; });
    b.text(
        "batch", [](r const& x) -> std::string const& { return x.batch; }, true);
    b.integer("reasons", [&](r const& x) { return count(x.reasons); });
    b.text("other_reason", [](r const& x) -> std::string const& { return x.other_reason; });
    b.text("note", [](r const& x) -> std::string const& { return x.note; });
    b.integer("contacts", [&](r const& x) { return count(x.contacts); });
    b.integer("milestones", [&](r const& x) { return count(x.milestones); });
    b.integer("milestones_completed", [](r const& x) {
        return static_cast<std::int64_t>(
            std::count_if(x.milestones.begin(), x.milestones.end(),
                          [](auto const& m) { return m.completed_on.has_value(); }));
    });
    b.integer("commitments", [&](r const& x) { return count(x.commitments); });
    b.integer("evaluations", [&](r const& x) { return count(x.evaluations); });
    b.integer("reviews", [&](r const& x) { return count(x.reviews); });
    b.dates("removed_on", [](r const& x) { return x.removed_on; });
    b.text(
        "rule_set_name", [](r const& x) -> std::string const& { return x.rule_set_name; }, true);
}

void bind_rectification(py::module_& m) {
    auto const national = rule_set::national_2014();

    // ---- enums
    bind_enum<rectification_kind>(m,
                                  "The list an organisation is put on: 软弱涣散党组织 (weak_org) or 后进社区 "
                                  "(lagging_community).");
    bind_enum<rectification_reason>(m,
                                    "The usual situations for which an organisation is designated "
                                    "(整顿原因); other (其他) takes a text.");
    bind_enum<rectification_contact_kind>(m,
                                          "The four contacts of 四联四帮: 区级领导分包联系, "
                                          "区直部门定向联系, 第一书记定点联系, 先进社区结对联系.");
    bind_enum<rectification_evaluator>(m,
                                       "Who evaluates in an open evaluation (开放式评价): 群众, 党员, 上级.");
    bind_enum<acceptance_result>(
        m, "The result of an acceptance review (验收): passed (通过) or failed (未通过).");

    // ---- records
    record_class<rectification_contact>(
        m,
        "A contact of 四联四帮: kind (RectificationContactKind), name (the leader, department or first "
        "secretary), org (the paired advanced organisation, paired_community only), start (the first day), "
        "end (the last day), note.")
        .def("covers", &rectification_contact::covers, py::arg("day"),
             "True when the contact covers the day (first and last day included).");
    record_class<rectification_milestone>(
        m,
        "A milestone of the rectification plan: number (set by the store), text, due, completed_on, note.");
    record_class<rectification_commitment>(m, "A public commitment (公开式承诺): date, text.");
    record_class<rectification_evaluation>(
        m,
        "An open evaluation (开放式评价): date, evaluator (RectificationEvaluator), satisfied (满意), "
        "basically_satisfied (基本满意), dissatisfied (不满意), note.")
        .def("total", &rectification_evaluation::total, "Everyone who answered.");
    record_class<rectification_review>(m,
                                       "An acceptance review (验收): date, result (AcceptanceResult), note.");
    record_class<rectification_designation>(
        m,
        "A new designation (列入整顿): org, date, kind (RectificationKind), batch (e.g. 第七批), reasons (a "
        "list of RectificationReason), other_reason (the text of reason other), note.");
    record_class<rectification>(
        m,
        "A designation for rectification with its contacts, milestones, commitments, evaluations, reviews "
        "and removal (removed_on, 销号); rule_set_name is the rule set it was made under (set by the store), "
        "by which its deadlines are judged.")
        .def("open_on", &rectification::open_on, py::arg("day"),
             "True when the organisation is on the list on the day (the day of removal is off it).");

    register_table<rectification>(
        m,
        "Designations for rectification, one row each: id, org, org_name, designated_on, kind, batch, "
        "reasons (how many), other_reason, note, contacts, milestones, milestones_completed, commitments, "
        "evaluations, reviews (how many of each), removed_on, rule_set_name; index a row for the whole "
        "Rectification with its records.");

    output_class<rectification_statistics>(m, "RectificationStatistics",
                                           "Figures of one year for the designations of a scope.")
        .def_readonly("year", &rectification_statistics::year)
        .def_readonly("designated", &rectification_statistics::designated, "Designations dated in the year.")
        .def_property_readonly(
            "designated_by_kind",
            [](rectification_statistics const& s) {
                py::dict out;
                for (auto const k : enum_values<rectification_kind>())
                    out[py::cast(k)] = s.designated_by_kind[static_cast<std::size_t>(k)];
                return out;
            },
            "Designations of the year by RectificationKind, every kind present.")
        .def_property_readonly(
            "designated_by_reason",
            [](rectification_statistics const& s) {
                py::dict out;
                for (auto const r : enum_values<rectification_reason>())
                    out[py::cast(r)] = s.designated_by_reason[static_cast<std::size_t>(r)];
                return out;
            },
            "Designations of the year by RectificationReason (one counts under each of its reasons).")
        .def_readonly("removed", &rectification_statistics::removed, "Removals (销号) dated in the year.")
        .def_readonly("open_at_year_end", &rectification_statistics::open_at_year_end)
        .def_readonly("overdue_at_year_end", &rectification_statistics::overdue_at_year_end,
                      "Open at the year's end and past rectification.max_months.")
        .def_readonly("milestones_due", &rectification_statistics::milestones_due)
        .def_readonly("milestones_completed_on_time", &rectification_statistics::milestones_completed_on_time)
        .def_readonly("milestones_completed", &rectification_statistics::milestones_completed);

    // ---- pure rules
    m.def(
        "rectification_deadline",
        [](date::sys_days designated_on, rule_set const& rules) {
            return rectification_deadline(designated_on, rules.rectification.max_months);
        },
        py::arg("designated_on"), py::arg("rules") = national,
        "The day by which a designation is to be removed from the list (rectification.within_max_months, "
        "month end clamped), or None without a limit.");
    m.def(
        "rectification_agenda",
        [](rectification const& r, date::sys_days as_of, rule_set const& rules) {
            return record_table<agenda_item>(rectification_agenda(r, as_of, rules));
        },
        py::arg("rectification"), py::arg("as_of"), py::arg("rules") = national,
        "The agenda items of a designation on as_of: rectification.contacts_missing, "
        "rectification.milestone_due, rectification.overdue.");

    // ---- the parameter block
    auto params = existing_class<rectification_params>(m, "RectificationParams");
    params.def_readwrite("max_months", &rectification_params::max_months);
    params.def_readwrite("contacts_days", &rectification_params::contacts_days);
    params_repr(params, "RectificationParams", {"max_months", "contacts_days"});

    // ---- Store
    using h = store_handle;
    auto cls = existing_class<h>(m, "Store");
    def_command(
        cls, "designate_for_rectification", &designate_for_rectification, py::arg("designation") = py::none(),
        py::pos_only(), py::kw_only(), py::arg("why") = "",
        "Designates an organisation for rectification (列入整顿): a RectificationDesignation, a mapping, "
        "or keywords org=, date=, kind=, batch=, reasons=, other_reason=, note=. Returns the "
        "RectificationId. Raises RuleViolation rectification.org_exists, "
        "rectification.one_open_designation; InvalidInput (reasons, other_reason); NotFound.");
    def_command(cls, "assign_rectification_contact", &assign_rectification_contact, py::arg("rectification"),
                py::arg("contact") = py::none(), py::pos_only(), py::kw_only(), py::arg("why") = "",
                "Assigns a contact of 四联四帮 (kind=, name=, org=, start=, end=, note=, or a "
                "RectificationContact or "
                "mapping). Raises RuleViolation rectification.paired_community_eligible; InvalidInput "
                "(rectification, start, end, name, org).");
    def_command(cls, "add_rectification_milestone", &add_rectification_milestone, py::arg("rectification"),
                py::arg("milestone") = py::none(), py::pos_only(), py::kw_only(), py::arg("why") = "",
                "Adds a milestone to the plan (text=, due=, note=). Returns its number. Raises RuleViolation "
                "rectification.milestone_after_designation; InvalidInput (rectification, text).");
    def_command(cls, "complete_rectification_milestone", &complete_rectification_milestone,
                py::arg("rectification"), py::arg("number"), py::arg("on"), py::arg("why") = "",
                "Records milestone number completed on the day. Raises InvalidInput (milestone, date).");
    def_command(cls, "record_rectification_commitment", &record_rectification_commitment,
                py::arg("rectification"), py::arg("commitment") = py::none(), py::pos_only(), py::kw_only(),
                py::arg("why") = "",
                "Records a public commitment (公开式承诺: date=, text=). Raises InvalidInput (date, text).");
    def_command(
        cls, "record_rectification_evaluation", &record_rectification_evaluation, py::arg("rectification"),
        py::arg("evaluation") = py::none(), py::pos_only(), py::kw_only(), py::arg("why") = "",
        "Records an open evaluation (开放式评价: date=, evaluator=, satisfied=, basically_satisfied=, "
        "dissatisfied=, note=). Raises InvalidInput (date, tallies).");
    def_command(cls, "review_rectification", &review_rectification, py::arg("rectification"),
                py::arg("review") = py::none(), py::pos_only(), py::kw_only(), py::arg("why") = "",
                "Records an acceptance review (验收: date=, result=, note=). Raises InvalidInput (date).");
    def_command(cls, "remove_from_rectification", &remove_from_rectification, py::arg("rectification"),
                py::arg("on"), py::arg("why") = "",
                "Removes the organisation from the list (销号) on the day. Raises RuleViolation "
                "rectification.removal_after_acceptance.");
    def_command(cls, "get_rectification", &get_rectification, py::arg("rectification"),
                "The Rectification with that id (NotFound otherwise).");
    def_command<as_table>(
        cls, "rectifications", &rectifications, py::arg("scope") = py::none(), py::arg("year") = py::none(),
        "The designations of the organisations in scope (made in year when given), by organisation and "
        "date, as a Rectifications table.");
    def_command(cls, "rectification_rules", &rectification_rules, py::arg("rectification"),
                "The RuleSet the designation was made under, by which its deadlines are judged. Raises "
                "NotFound when that rule set is neither the national one, the store's own nor registered.");
    def_command(
        cls, "rectification_statistics", &rectification_statistics_of, py::arg("year"),
        py::arg("scope") = py::none(),
        "The RectificationStatistics of the year for the designations of the organisations in scope.");
}

}  // namespace dangyuan::python
