// Village and community decisions by 四议两公开 (重大事项决策): the decision case with its dated records,
// transition table, thresholds and state (decision/decision_case.hpp), its agenda (decision_agenda.hpp),
// the flow chart (decision_flow.hpp), the parameter block DecisionParams (rules/params_decision.hpp) and
// the store operations of storage/decision_store.hpp as methods of Store.
//
// A decision record is a std::variant in C++: each kind is its own Python class (Proposed,
// VillagersResolved …) with a read-only `kind` (DecisionRecordKind), and wherever a record is taken any
// of them is accepted — or a mapping (or keywords) whose "kind" names the kind by its code
// ("villagers_resolved"), its DecisionRecordKind or its Chinese name ("村民(代表)会议决议").

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "command.hpp"
#include "dangyuan/core/flow_diagram.hpp"
#include "dangyuan/decision/decision_agenda.hpp"
#include "dangyuan/decision/decision_case.hpp"
#include "dangyuan/decision/decision_flow.hpp"
#include "dangyuan/rules/params_decision.hpp"
#include "dangyuan/storage/decision_store.hpp"
#include "domains.hpp"

namespace dangyuan::python {

/// The kinds of decision records, indexed like `decision_record` (Python's DecisionRecordKind): codes
/// from `decision_record_kinds`, Chinese names from `decision_record_chinese`.
enum class decision_record_kind {
    proposed,
    two_committees_consulted,
    members_meeting_reviewed,
    villagers_resolved,
    resolution_published,
    result_published,
};

template <>
struct enum_info<decision_record_kind> {
    static constexpr char const* python_name = "DecisionRecordKind";
    static constexpr char const* field = "kind";
    static constexpr std::array values{
        DANGYUAN_PY_ENUM_VALUE(decision_record_kind, proposed),
        DANGYUAN_PY_ENUM_VALUE(decision_record_kind, two_committees_consulted),
        DANGYUAN_PY_ENUM_VALUE(decision_record_kind, members_meeting_reviewed),
        DANGYUAN_PY_ENUM_VALUE(decision_record_kind, villagers_resolved),
        DANGYUAN_PY_ENUM_VALUE(decision_record_kind, resolution_published),
        DANGYUAN_PY_ENUM_VALUE(decision_record_kind, result_published),
    };
    static std::string_view code(decision_record_kind k) {
        return decision_record_kinds[static_cast<std::size_t>(k)];
    }
    static std::string_view chinese(decision_record_kind k) {
        return decision_record_chinese[static_cast<std::size_t>(k)];
    }
};

// The Python names are the C++ kind codes, in variant order.
static_assert([] {
    auto const& v = enum_info<decision_record_kind>::values;
    if (v.size() != decision_record_kinds.size()) return false;
    for (std::size_t i = 0; i < v.size(); ++i)
        if (static_cast<std::size_t>(v[i].first) != i ||
            std::string_view(v[i].second) != decision_record_kinds[i])
            return false;
    return true;
}());

DANGYUAN_PY_RECORD(proposed, "Proposed");
DANGYUAN_PY_RECORD(two_committees_consulted, "TwoCommitteesConsulted");
DANGYUAN_PY_RECORD(members_meeting_reviewed, "MembersMeetingReviewed");
DANGYUAN_PY_RECORD(villagers_resolved, "VillagersResolved");
DANGYUAN_PY_RECORD(resolution_published, "ResolutionPublished");
DANGYUAN_PY_RECORD(result_published, "ResultPublished");
DANGYUAN_PY_RECORD(decision_case, "DecisionCase");
DANGYUAN_PY_RECORD(decision_summary, "DecisionSummary");

DANGYUAN_PY_TABLE(decision_summary, "Decisions");

DANGYUAN_PY_VARIANT_OF_KIND(decision_record, decision_record_kinds, "decision record", decision_record_kind);

// ---- records

#define F(T, x) DANGYUAN_PY_FIELD(T, x)
#define R(T, x) DANGYUAN_PY_REQUIRED(T, x)

DANGYUAN_PY_FIELDS(proposed, R(proposed, date), F(proposed, subject), F(proposed, note))
DANGYUAN_PY_FIELDS(two_committees_consulted, R(two_committees_consulted, date),
                   F(two_committees_consulted, note))
DANGYUAN_PY_FIELDS(members_meeting_reviewed, R(members_meeting_reviewed, date),
                   R(members_meeting_reviewed, vote), F(members_meeting_reviewed, note))
DANGYUAN_PY_FIELDS(villagers_resolved, R(villagers_resolved, date), F(villagers_resolved, body),
                   F(villagers_resolved, members), F(villagers_resolved, households),
                   F(villagers_resolved, present), F(villagers_resolved, households_present),
                   F(villagers_resolved, in_favour), F(villagers_resolved, implementation_due),
                   F(villagers_resolved, note))
DANGYUAN_PY_FIELDS(resolution_published, R(resolution_published, date), F(resolution_published, channel),
                   F(resolution_published, late_reason), F(resolution_published, note))
DANGYUAN_PY_FIELDS(result_published, R(result_published, date), F(result_published, channel),
                   F(result_published, implemented_on), F(result_published, late_reason),
                   F(result_published, note))
DANGYUAN_PY_FIELDS(decision_case, F(decision_case, id), F(decision_case, org), F(decision_case, org_name),
                   F(decision_case, rule_set_name), F(decision_case, records))
DANGYUAN_PY_FIELDS(decision_summary, F(decision_summary, id), F(decision_summary, org),
                   F(decision_summary, org_name), F(decision_summary, subject),
                   F(decision_summary, rule_set_name), F(decision_summary, stage),
                   F(decision_summary, proposed_on), F(decision_summary, last_date))

#undef F
#undef R

// ---- tables

void table_spec<decision_summary>::columns(column_builder<decision_summary>& b) {
    using r = decision_summary;
    b.integer("id", [](r const& x) { return x.id.value(); });
    b.integer("org", [](r const& x) { return x.org.value(); });
    b.text(
        "org_name", [](r const& x) -> std::string const& { return x.org_name; }, true);
    b.text("subject", [](r const& x) -> std::string const& { return x.subject; });
    b.text(
        "rule_set_name", [](r const& x) -> std::string const& { return x.rule_set_name; }, true);
    b.category<decision_stage>("stage", [](r const& x) { return x.stage; });
    b.dates("proposed_on", [](r const& x) { return x.proposed_on; });
    b.dates("last_date", [](r const& x) { return x.last_date; });
}

void bind_decision(py::module_& m) {
    auto const national = rule_set::national_2014();

    // ---- enums
    bind_enum<decision_stage>(m,
                              "The stage of a decision case (四议两公开) after the record that led to it; "
                              "result_published and rejected close it.")
        .def_property_readonly("closed", &is_closed, "True for the stages after which nothing is recorded.");
    bind_enum<resolving_body>(m, "The body that resolves for the villagers: 村民代表会议 or 村民会议.");
    bind_enum<publication_channel>(m, "Where something is made public (公开).");
    bind_enum<decision_record_kind>(
        m, "The kinds of decision records, the four 议 and the two 公开, in procedure order.");

    // ---- records
    record_kind_classes<decision_record>(
        m, {
               "Decision record: the branch committee proposes the matter (党组织提议): subject (required). "
               "The first record of every case.",
               "Decision record: the branch committee and the villagers' committee consult jointly "
               "(两委会商议).",
               "Decision record: the party members' meeting reviewed the proposal (党员大会审议): vote "
               "(BranchVote). Quorum: decision.members_meeting_quorum; a vote not carried rejects the case.",
               "Decision record: the representatives' or villagers' meeting resolved (决议): body "
               "(ResolvingBody), members, households, present, households_present, in_favour, "
               "implementation_due. Quorum: decision.representatives_quorum_2_3, "
               "decision.villagers_meeting_quorum; not carried rejects the case.",
               "Decision record: the resolution was made public (决议公开): channel, late_reason (required "
               "after the deadline, decision.resolution_public_within_days).",
               "Decision record: the result of the implementation was made public (实施结果公开): channel, "
               "implemented_on (required unless the resolution set implementation_due), late_reason "
               "(decision.result_public_within_days).",
           });
    auto dcase = record_class<decision_case>(
        m,
        "A decision case of one village or community organisation: id, org, org_name, rule_set_name, "
        "records (each of its record classes).");
    record_class<decision_summary>(m, "One line of Store.decisions().");

    output_class<decision_state>(m, "DecisionState", "What the records of a decision case say (derived).")
        .def_readonly("stage", &decision_state::stage, "The DecisionStage, None before the proposal.")
        .def_readonly("last_date", &decision_state::last_date)
        .def_readonly("subject", &decision_state::subject)
        .def_readonly("resolved_on", &decision_state::resolved_on, "The resolution, when carried.")
        .def_readonly("implementation_due", &decision_state::implementation_due)
        .def_readonly("resolution_published_on", &decision_state::resolution_published_on)
        .def_readonly("result_published_on", &decision_state::result_published_on);

    dcase
        .def(
            "record",
            [](decision_case& c, py::handle source, rule_set const& rules, py::kwargs const& kw) {
                record(c, variant_record<decision_record>(source, kw), rules);
            },
            py::arg("record") = py::none(), py::pos_only(), py::kw_only(), py::arg("rules") = national,
            "Checks a record (check_decision_record) and appends it to this case object.")
        .def_property_readonly("state", &decision_state_of, "The DecisionState after all records.")
        .def_property_readonly(
            "stage", [](decision_case const& c) { return stage_of(c); },
            "The DecisionStage after all records, None before the proposal.");

    register_table<decision_summary>(
        m,
        "Decision cases, one row each: id, org, org_name, subject, rule_set_name, stage, proposed_on, "
        "last_date.");

    // ---- the thresholds (pure rules)
    m.def("representatives_quorate", &representatives_quorate, py::arg("members"), py::arg("present"),
          "True when at least two thirds of a representatives' meeting are present "
          "(decision.representatives_quorum_2_3).");
    m.def("villagers_quorate", &villagers_quorate, py::arg("adults"), py::arg("present"),
          py::arg("households") = 0, py::arg("households_present") = 0,
          "True when more than half of the adult villagers, or representatives of at least two thirds of "
          "the households, attend (decision.villagers_meeting_quorum).");
    m.def("resolution_adopted", &resolution_adopted, py::arg("present"), py::arg("in_favour"),
          "True when more than half of those present are in favour (decision.adopted_over_half_present).");
    m.def(
        "members_meeting_approved",
        [](py::handle r) {
            return members_meeting_approved(record_from_python<members_meeting_reviewed>(r));
        },
        py::arg("record"),
        "True when the members' meeting was quorate and more than half of the entitled were in favour.");
    m.def(
        "resolution_carried",
        [](py::handle r) { return resolution_carried(record_from_python<villagers_resolved>(r)); },
        py::arg("record"), "True when more than half of those present were in favour (quorum not checked).");
    m.def(
        "require_resolution_quorum",
        [](py::handle r) { require_resolution_quorum(record_from_python<villagers_resolved>(r)); },
        py::arg("record"),
        "Checks a resolution's counts and quorum. Raises InvalidInput naming the count, or RuleViolation "
        "decision.representatives_quorum_2_3 / decision.villagers_meeting_quorum.");

    // ---- the case (pure rules)
    m.def(
        "decision_record_kind",
        [](py::handle rec) { return std::string(kind_name(load<decision_record>(rec, "record"))); },
        py::arg("record"), "The kind code of a decision record, e.g. 'villagers_resolved'.");
    m.def(
        "check_decision_record",
        [](decision_case const& c, py::handle next, rule_set const& rules) {
            check_record(c, load<decision_record>(next, "record"), rules);
        },
        py::arg("case"), py::arg("record"), py::arg("rules") = national,
        "Checks that a record may follow the case's. Changes nothing. Raises InvalidInput (.field) or "
        "RuleViolation decision.*.");
    m.def("decision_state_of", &decision_state_of, py::arg("case"), "The DecisionState after all records.");
    m.def(
        "decision_stage_after",
        [](py::handle rec) { return stage_after(load<decision_record>(rec, "record")); }, py::arg("record"),
        "The stage a record leads to (a vote not carried: rejected).");
    m.def("resolution_public_deadline", &resolution_public_deadline, py::arg("state"),
          py::arg("rules") = national,
          "The date by which the resolution must be public, or None (not resolved, or no deadline).");
    m.def("result_public_deadline", &result_public_deadline, py::arg("state"), py::arg("rules") = national,
          py::arg("implemented_on") = py::none(),
          "The date by which the result must be public, from implemented_on or else the resolution's "
          "implementation_due; None when neither is known or there is no deadline.");
    m.def(
        "decision_agenda",
        [](decision_case const& c, date::sys_days as_of, rule_set const& rules) {
            return record_table<agenda_item>(decision_agenda(c, as_of, rules));
        },
        py::arg("case"), py::arg("as_of"), py::arg("rules") = national,
        "Agenda items of a decision case: decision.resolution_not_public, decision.result_not_public.");
    m.def(
        "decision_flow_chart", [] { return to_mermaid(decision_flow_chart()); },
        "The flow chart (流程图) of the 四议两公开 procedure, from its transition table, as Mermaid text.");

    // ---- the parameter block
    auto params = existing_class<decision_params>(m, "DecisionParams");
    std::vector<char const*> names;
#define DANGYUAN_PARAM(f)                          \
    params.def_readwrite(#f, &decision_params::f); \
    names.push_back(#f);
    DANGYUAN_PARAM(resolution_public_within_days)
    DANGYUAN_PARAM(result_public_within_days)
#undef DANGYUAN_PARAM
    params_repr(params, "DecisionParams", names);

    // ---- Store
    using h = store_handle;
    auto cls = existing_class<h>(m, "Store");
    def_command(cls, "open_decision", &open_decision, py::arg("org"), py::arg("proposal") = py::none(),
                py::pos_only(), py::kw_only(), py::arg("rule_set") = "", py::arg("why") = "",
                "Opens a decision case of a village or community organisation with its proposal (a "
                "Proposed, a mapping, or keywords date=, subject=, note=). rule_set names a registered "
                "profile (empty: the store's own). Returns the DecisionId. Raises NotFound (org, rule set), "
                "InvalidInput (org, subject), RuleViolation record.not_in_future.");
    def_command(cls, "record_decision", &record_decision, py::arg("decision"), py::arg("record") = py::none(),
                py::pos_only(), py::kw_only(), py::arg("why") = "",
                "Appends a decision record: any of the record classes (TwoCommitteesConsulted …), or a "
                "mapping, or keywords, with kind= naming it (code, DecisionRecordKind or Chinese name). "
                "Raises InvalidInput (.field), RuleViolation (decision.*), Conflict, NotFound.");
    def_command(cls, "get_decision", &get_decision, py::arg("decision"),
                "The DecisionCase with all its records (NotFound otherwise).");
    def_command<as_table>(cls, "decisions", &decisions, py::arg("scope") = py::none(),
                          "The decision cases of the organisations in scope, as a Decisions table.");
}

}  // namespace dangyuan::python
