// The development pipeline (发展党员): stages, steps and their records (development/steps.hpp), the
// transition table (transitions.hpp), a case with its rules and state (case.hpp), its agenda and
// timeline (case_agenda.hpp), local profiles (rules/profile.hpp), and the development methods of Store
// (open_case, record_step …), together with the store's other member queries that came with the
// pipeline (party probations, name lookups, standing histories, access records).

#include <array>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "command.hpp"
#include "dangyuan/development/case.hpp"
#include "dangyuan/development/case_agenda.hpp"
#include "dangyuan/development/steps.hpp"
#include "dangyuan/development/transitions.hpp"
#include "dangyuan/member/discipline.hpp"
#include "dangyuan/rules/profile.hpp"
#include "dangyuan/storage/development_store.hpp"
#include "domains.hpp"
#include "roster_result.hpp"

namespace dangyuan::python {

namespace {
// Result policy of def_command: members as a Roster.
struct as_roster {
    roster_result operator()(std::vector<member> const& members) const { return roster_result(members); }
};
}  // namespace

/// One standing event of one member: a row of Store.standing_histories().
struct standing_history_entry {
    member_id member;
    standing_event_kind kind = standing_event_kind::suspended;
    date::sys_days date{};
    std::string reason;
    std::string decided_by;

    friend bool operator==(standing_history_entry const&, standing_history_entry const&) = default;
};

DANGYUAN_PY_RECORD(applicant, "Applicant");
DANGYUAN_PY_RECORD(application_submitted_step, "ApplicationSubmittedStep");
DANGYUAN_PY_RECORD(talk_held_step, "TalkHeldStep");
DANGYUAN_PY_RECORD(activist_determined_step, "ActivistDeterminedStep");
DANGYUAN_PY_RECORD(activist_filed_step, "ActivistFiledStep");
DANGYUAN_PY_RECORD(contacts_assigned_step, "ContactsAssignedStep");
DANGYUAN_PY_RECORD(activist_assessed_step, "ActivistAssessedStep");
DANGYUAN_PY_RECORD(target_determined_step, "TargetDeterminedStep");
DANGYUAN_PY_RECORD(target_filed_step, "TargetFiledStep");
DANGYUAN_PY_RECORD(introducers_assigned_step, "IntroducersAssignedStep");
DANGYUAN_PY_RECORD(political_review_step, "PoliticalReviewStep");
DANGYUAN_PY_RECORD(training_completed_step, "TrainingCompletedStep");
DANGYUAN_PY_RECORD(committee_reviewed_step, "CommitteeReviewedStep");
DANGYUAN_PY_RECORD(pre_review_step, "PreReviewStep");
DANGYUAN_PY_RECORD(application_form_filled_step, "ApplicationFormFilledStep");
DANGYUAN_PY_RECORD(admission_meeting_step, "AdmissionMeetingStep");
DANGYUAN_PY_RECORD(higher_committee_talk_step, "HigherCommitteeTalkStep");
DANGYUAN_PY_RECORD(admission_approved_step, "AdmissionApprovedStep");
DANGYUAN_PY_RECORD(approval_filed_step, "ApprovalFiledStep");
DANGYUAN_PY_RECORD(assigned_to_branch_step, "AssignedToBranchStep");
DANGYUAN_PY_RECORD(oath_taken_step, "OathTakenStep");
DANGYUAN_PY_RECORD(probation_assessed_step, "ProbationAssessedStep");
DANGYUAN_PY_RECORD(conversion_applied_step, "ConversionAppliedStep");
DANGYUAN_PY_RECORD(conversion_meeting_step, "ConversionMeetingStep");
DANGYUAN_PY_RECORD(conversion_approved_step, "ConversionApprovedStep");
DANGYUAN_PY_RECORD(archived_step, "ArchivedStep");
DANGYUAN_PY_RECORD(public_notice_step, "PublicNoticeStep");
DANGYUAN_PY_RECORD(cultivation_transferred_step, "CultivationTransferredStep");
DANGYUAN_PY_RECORD(withdrawn_step, "WithdrawnStep");
DANGYUAN_PY_RECORD(transferred_in_step, "TransferredInStep");
DANGYUAN_PY_RECORD(member_eligibility, "MemberEligibility");
DANGYUAN_PY_RECORD(notice_record, "NoticeRecord");
DANGYUAN_PY_RECORD(party_probation, "PartyProbation");
DANGYUAN_PY_RECORD(case_summary, "CaseSummary");
DANGYUAN_PY_RECORD(stage_statistics, "StageStatistics");
DANGYUAN_PY_RECORD(timeline_row, "TimelineRow");
DANGYUAN_PY_RECORD(standing_history_entry, "StandingHistoryEntry");

DANGYUAN_PY_TABLE(case_summary, "Cases");
DANGYUAN_PY_TABLE(stage_statistics, "PipelineStatistics");
DANGYUAN_PY_TABLE(timeline_row, "Timeline");
DANGYUAN_PY_TABLE(standing_history_entry, "StandingHistories");

// ---- records

std::span<field_spec<applicant> const> record_traits<applicant>::fields() {
    using T = applicant;
    static std::array const specs{
        DANGYUAN_PY_REQUIRED(T, name),   DANGYUAN_PY_FIELD(T, sex),       DANGYUAN_PY_REQUIRED(T, birth_date),
        DANGYUAN_PY_FIELD(T, id_number), DANGYUAN_PY_FIELD(T, ethnicity), DANGYUAN_PY_FIELD(T, education),
        DANGYUAN_PY_FIELD(T, category),  DANGYUAN_PY_FIELD(T, work_unit), DANGYUAN_PY_REQUIRED(T, branch),
        DANGYUAN_PY_FIELD(T, mobile),
    };
    return specs;
}
// As for Member: the ID number carries the birth date and sex.
void record_traits<applicant>::finish(applicant& a, std::uint64_t& given) {
    if (!a.id_number) return;
    if (!was_given<applicant>(given, "birth_date")) {
        a.birth_date = a.id_number->birth_date();
        mark_given<applicant>(given, "birth_date");
    }
    if (!was_given<applicant>(given, "sex")) a.sex = a.id_number->sex_of();
}

#define F(T, x) DANGYUAN_PY_FIELD(T, x)
#define R(T, x) DANGYUAN_PY_REQUIRED(T, x)
DANGYUAN_PY_FIELDS(application_submitted_step, R(application_submitted_step, date),
                   F(application_submitted_step, note))
DANGYUAN_PY_FIELDS(talk_held_step, R(talk_held_step, date), F(talk_held_step, by), F(talk_held_step, reason),
                   F(talk_held_step, note))
DANGYUAN_PY_FIELDS(activist_determined_step, R(activist_determined_step, date),
                   F(activist_determined_step, recommended), F(activist_determined_step, note))
DANGYUAN_PY_FIELDS(activist_filed_step, R(activist_filed_step, date), F(activist_filed_step, document),
                   F(activist_filed_step, note))
DANGYUAN_PY_FIELDS(contacts_assigned_step, R(contacts_assigned_step, date),
                   F(contacts_assigned_step, members), F(contacts_assigned_step, note))
DANGYUAN_PY_FIELDS(activist_assessed_step, R(activist_assessed_step, date),
                   F(activist_assessed_step, conclusion), F(activist_assessed_step, note))
DANGYUAN_PY_FIELDS(target_determined_step, R(target_determined_step, date), F(target_determined_step, note))
DANGYUAN_PY_FIELDS(target_filed_step, R(target_filed_step, date), F(target_filed_step, document),
                   F(target_filed_step, note))
DANGYUAN_PY_FIELDS(introducers_assigned_step, R(introducers_assigned_step, date),
                   F(introducers_assigned_step, members), F(introducers_assigned_step, note))
DANGYUAN_PY_FIELDS(political_review_step, R(political_review_step, date), F(political_review_step, passed),
                   F(political_review_step, conclusion), F(political_review_step, household_org),
                   F(political_review_step, residence_org), F(political_review_step, note))
DANGYUAN_PY_FIELDS(training_completed_step, R(training_completed_step, date), F(training_completed_step, by),
                   F(training_completed_step, days), F(training_completed_step, class_hours),
                   F(training_completed_step, special_case), F(training_completed_step, reason),
                   F(training_completed_step, note))
DANGYUAN_PY_FIELDS(committee_reviewed_step, R(committee_reviewed_step, date),
                   F(committee_reviewed_step, document), F(committee_reviewed_step, note))
DANGYUAN_PY_FIELDS(pre_review_step, R(pre_review_step, date), F(pre_review_step, passed),
                   F(pre_review_step, conclusion), F(pre_review_step, document),
                   F(pre_review_step, expected_leave), F(pre_review_step, reason), F(pre_review_step, note))
DANGYUAN_PY_FIELDS(application_form_filled_step, R(application_form_filled_step, date),
                   F(application_form_filled_step, document), F(application_form_filled_step, note))
DANGYUAN_PY_FIELDS(admission_meeting_step, R(admission_meeting_step, date), F(admission_meeting_step, vote),
                   F(admission_meeting_step, expected_leave), F(admission_meeting_step, reason),
                   F(admission_meeting_step, note))
DANGYUAN_PY_FIELDS(higher_committee_talk_step, R(higher_committee_talk_step, date),
                   F(higher_committee_talk_step, by), F(higher_committee_talk_step, note))
DANGYUAN_PY_FIELDS(admission_approved_step, R(admission_approved_step, date),
                   F(admission_approved_step, passed), F(admission_approved_step, document),
                   F(admission_approved_step, vote), F(admission_approved_step, reason),
                   F(admission_approved_step, note))
DANGYUAN_PY_FIELDS(approval_filed_step, R(approval_filed_step, date), F(approval_filed_step, document),
                   F(approval_filed_step, note))
DANGYUAN_PY_FIELDS(assigned_to_branch_step, R(assigned_to_branch_step, date),
                   F(assigned_to_branch_step, note))
DANGYUAN_PY_FIELDS(oath_taken_step, R(oath_taken_step, date), F(oath_taken_step, note))
DANGYUAN_PY_FIELDS(probation_assessed_step, R(probation_assessed_step, date),
                   F(probation_assessed_step, conclusion), F(probation_assessed_step, note))
DANGYUAN_PY_FIELDS(conversion_applied_step, R(conversion_applied_step, date),
                   F(conversion_applied_step, note))
DANGYUAN_PY_FIELDS(conversion_meeting_step, R(conversion_meeting_step, date),
                   F(conversion_meeting_step, vote), F(conversion_meeting_step, decision),
                   F(conversion_meeting_step, extension_months), F(conversion_meeting_step, reason),
                   F(conversion_meeting_step, note))
DANGYUAN_PY_FIELDS(conversion_approved_step, R(conversion_approved_step, date),
                   F(conversion_approved_step, passed), F(conversion_approved_step, document),
                   F(conversion_approved_step, vote), F(conversion_approved_step, reason),
                   F(conversion_approved_step, note))
DANGYUAN_PY_FIELDS(archived_step, R(archived_step, date), F(archived_step, document), F(archived_step, note))
DANGYUAN_PY_FIELDS(public_notice_step, R(public_notice_step, date), F(public_notice_step, notice_for),
                   F(public_notice_step, notice_end), F(public_notice_step, objections),
                   F(public_notice_step, note))
DANGYUAN_PY_FIELDS(cultivation_transferred_step, R(cultivation_transferred_step, date),
                   F(cultivation_transferred_step, since), F(cultivation_transferred_step, note))
DANGYUAN_PY_FIELDS(withdrawn_step, R(withdrawn_step, date), F(withdrawn_step, reason),
                   F(withdrawn_step, note))
DANGYUAN_PY_FIELDS(transferred_in_step, R(transferred_in_step, date), F(transferred_in_step, note))
#undef F
#undef R

/// The codes of the step kinds, indexed like the alternatives of step_record.
inline constexpr auto step_record_kinds = [] {
    std::array<std::string_view, std::variant_size_v<step_record>> out{};
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = all_steps()[i].code;
    return out;
}();

DANGYUAN_PY_VARIANT_OF_KIND(step_record, step_record_kinds, "step record", step);

std::span<field_spec<member_eligibility> const> record_traits<member_eligibility>::fields() {
    using T = member_eligibility;
    static std::array const specs{
        DANGYUAN_PY_FIELD(T, exists),          DANGYUAN_PY_FIELD(T, full_member),
        DANGYUAN_PY_FIELD(T, normal_standing), DANGYUAN_PY_FIELD(T, rights_suspended),
        DANGYUAN_PY_FIELD(T, id_number),       DANGYUAN_PY_FIELD(T, name),
    };
    return specs;
}
void record_traits<member_eligibility>::finish(member_eligibility&, std::uint64_t&) {}

std::span<field_spec<notice_record> const> record_traits<notice_record>::fields() {
    using T = notice_record;
    static std::array const specs{
        DANGYUAN_PY_REQUIRED(T, notice_for),
        DANGYUAN_PY_REQUIRED(T, start),
        DANGYUAN_PY_REQUIRED(T, end),
        DANGYUAN_PY_FIELD(T, objections),
    };
    return specs;
}
void record_traits<notice_record>::finish(notice_record&, std::uint64_t&) {}

std::span<field_spec<party_probation> const> record_traits<party_probation>::fields() {
    using T = party_probation;
    static std::array const specs{
        field<&T::from>("from_", true),  // `from` is a Python keyword
        DANGYUAN_PY_FIELD(T, months),
        DANGYUAN_PY_FIELD(T, rights_suspended),
        DANGYUAN_PY_FIELD(T, decided_by),
    };
    return specs;
}
void record_traits<party_probation>::finish(party_probation&, std::uint64_t&) {}

std::span<field_spec<case_summary> const> record_traits<case_summary>::fields() {
    using T = case_summary;
    static std::array const specs{
        DANGYUAN_PY_FIELD(T, id),      DANGYUAN_PY_FIELD(T, name),    DANGYUAN_PY_FIELD(T, branch),
        DANGYUAN_PY_FIELD(T, current), DANGYUAN_PY_FIELD(T, outcome), DANGYUAN_PY_FIELD(T, member),
    };
    return specs;
}
void record_traits<case_summary>::finish(case_summary&, std::uint64_t&) {}

std::span<field_spec<stage_statistics> const> record_traits<stage_statistics>::fields() {
    using T = stage_statistics;
    static std::array const specs{
        field<&T::of>("stage"),     DANGYUAN_PY_FIELD(T, on_date),         DANGYUAN_PY_FIELD(T, entered),
        DANGYUAN_PY_FIELD(T, left), DANGYUAN_PY_FIELD(T, mean_dwell_days),
    };
    return specs;
}
void record_traits<stage_statistics>::finish(stage_statistics&, std::uint64_t&) {}

std::span<field_spec<timeline_row> const> record_traits<timeline_row>::fields() {
    using T = timeline_row;
    static std::array const specs{
        DANGYUAN_PY_FIELD(T, kind),   DANGYUAN_PY_FIELD(T, earliest), DANGYUAN_PY_FIELD(T, deadline),
        DANGYUAN_PY_FIELD(T, actual), DANGYUAN_PY_FIELD(T, status),
    };
    return specs;
}
void record_traits<timeline_row>::finish(timeline_row&, std::uint64_t&) {}

std::span<field_spec<standing_history_entry> const> record_traits<standing_history_entry>::fields() {
    using T = standing_history_entry;
    static std::array const specs{
        DANGYUAN_PY_FIELD(T, member), DANGYUAN_PY_FIELD(T, kind),       DANGYUAN_PY_FIELD(T, date),
        DANGYUAN_PY_FIELD(T, reason), DANGYUAN_PY_FIELD(T, decided_by),
    };
    return specs;
}
void record_traits<standing_history_entry>::finish(standing_history_entry&, std::uint64_t&) {}

// ---- tables

void table_spec<case_summary>::columns(column_builder<case_summary>& b) {
    using r = case_summary;
    b.integer("id", [](r const& x) { return x.id.value(); });
    b.text("name", [](r const& x) -> std::string const& { return x.name; });
    b.integer("branch", [](r const& x) { return x.branch.value(); });
    b.category<stage>("current", [](r const& x) { return x.current; });
    b.category<case_outcome>("outcome", [](r const& x) { return x.outcome; });
    b.optional_integer("member", [](r const& x) { return id_value(x.member); });
}

void table_spec<stage_statistics>::columns(column_builder<stage_statistics>& b) {
    using r = stage_statistics;
    b.category<stage>("stage", [](r const& x) { return x.of; });
    b.integer("on_date", [](r const& x) { return x.on_date; });
    b.integer("entered", [](r const& x) { return x.entered; });
    b.integer("left", [](r const& x) { return x.left; });
    b.real("mean_dwell_days", [](r const& x) { return x.mean_dwell_days; });
}

void table_spec<timeline_row>::columns(column_builder<timeline_row>& b) {
    using r = timeline_row;
    using opt = std::optional<date::sys_days>;
    b.category<step>("step", [](r const& x) { return x.kind; });
    b.integer("number", [](r const& x) { return official_number(x.kind); });
    b.dates("earliest", [](r const& x) { return x.earliest; });
    b.dates("deadline", [](r const& x) { return x.deadline; });
    b.dates("first", [](r const& x) { return x.actual.empty() ? opt{} : opt{x.actual.front()}; });
    b.dates("last", [](r const& x) { return x.actual.empty() ? opt{} : opt{x.actual.back()}; });
    b.integer("times", [](r const& x) { return x.actual.size(); });
    b.category<timeline_status>("status", [](r const& x) { return x.status; });
}

void table_spec<standing_history_entry>::columns(column_builder<standing_history_entry>& b) {
    using r = standing_history_entry;
    b.integer("member", [](r const& x) { return x.member.value(); });
    b.category<standing_event_kind>("kind", [](r const& x) { return x.kind; });
    b.dates("date", [](r const& x) { return x.date; });
    b.text("reason", [](r const& x) -> std::string const& { return x.reason; });
    b.text(
        "decided_by", [](r const& x) -> std::string const& { return x.decided_by; }, true);
}

namespace {

// True for a dict or an object that behaves like a mapping (keys and items), not text.
bool is_mapping(py::handle value) {
    return PyDict_Check(value.ptr()) ||
           (py::hasattr(value, "keys") && py::hasattr(value, "__getitem__") && !PyUnicode_Check(value.ptr()));
}

// Adds the items of the mapping `from` to `to`.
void merge_items(py::dict& to, py::handle from, char const* what) {
    if (!is_mapping(from)) wrong_type(what, "a mapping of a step's fields", from);
    for (auto item : py::reinterpret_borrow<py::object>(from).attr("items")()) {
        auto const pair = py::reinterpret_borrow<py::tuple>(item);
        to[pair[0]] = pair[1];
    }
}

// Refuses a field that a record of kind `kind` does not have, naming it.
void require_fields_of(step kind, py::handle items) {
    std::visit(
        [&](auto const& x) {
            using T = std::decay_t<decltype(x)>;
            for (auto item : py::reinterpret_borrow<py::object>(items).attr("items")()) {
                auto const key = py::reinterpret_borrow<py::tuple>(item)[0];
                if (!PyUnicode_Check(key.ptr())) continue;  // refused by the record itself
                auto const name = key.cast<std::string>();
                if (detail::field_index<T>(name) < 0)
                    throw invalid_input(name, "a step " + std::string(to_string(kind)) + " (" +
                                                  record_traits<T>::python_name + ") has no field '" + name +
                                                  "'");
            }
        },
        make_step(kind, {}));
}

// A record of kind `kind` from its fields (date included).
step_record step_of_kind(step kind, py::dict const& items) {
    require_fields_of(kind, items);
    return detail::variant_alternative_from<step_record>(
        static_cast<std::size_t>(kind), items, std::make_index_sequence<std::variant_size_v<step_record>>{});
}

// A record given as one of the per-kind classes, else nothing.
std::optional<step_record> step_instance(py::handle value) {
    std::optional<step_record> out;
    for (std::size_t i = 0; !out && i < std::variant_size_v<step_record>; ++i)
        std::visit(
            [&](auto const& x) {
                using T = std::decay_t<decltype(x)>;
                if (py::isinstance<T>(value)) out = value.cast<T>();
            },
            make_step(static_cast<step>(i), {}));
    return out;
}

// A step record from the arguments of record(): a record of a per-kind class (TalkHeldStep …) or a
// mapping with "kind" alone, or a step kind and a date with the fields as a mapping and/or keywords.
// Keywords given with a record change its fields. A field the kind does not have is refused, naming it.
step_record step_from_python(py::handle kind, py::handle when, py::handle details, py::kwargs const& fields) {
    auto given = step_instance(kind);
    if (given || is_mapping(kind)) {
        if (!when.is_none() || !details.is_none())
            throw py::type_error("a step record is given alone (its fields may be changed with keywords)");
        if (!given) {
            // The mapping form: {"kind": ..., "date": ..., other fields}; "details" may hold the fields.
            py::dict items;
            std::optional<step> k;
            for (auto item : py::reinterpret_borrow<py::object>(kind).attr("items")()) {
                auto const pair = py::reinterpret_borrow<py::tuple>(item);
                auto const key = PyUnicode_Check(pair[0].ptr()) ? pair[0].cast<std::string>() : std::string();
                if (key == "kind")
                    k = load<step>(pair[1], "kind");
                else if (key == "details" && !pair[1].is_none())
                    merge_items(items, pair[1], "details");
                else
                    items[pair[0]] = pair[1];
            }
            if (!k) throw invalid_input("kind", "a mapping that stands for a step record needs its 'kind'");
            given = step_of_kind(*k, items);
        }
        if (py::len(fields) == 0) return *given;
        require_fields_of(kind_of(*given), fields);
        return std::visit(
            [&](auto const& x) -> step_record {
                using T = std::decay_t<decltype(x)>;
                return record_from_python<T>(py::cast(x), fields);
            },
            *given);
    }
    auto const k = load<step>(kind, "step");
    if (is_missing(when)) throw invalid_input("date", "is required");
    py::dict items;
    if (!details.is_none()) merge_items(items, details, "details");
    merge_items(items, fields, "fields");
    items["date"] = when;
    return step_of_kind(k, items);
}

// The application that opens a case: a date, an ApplicationSubmittedStep or a mapping of one.
step_record application_from_python(py::handle value) {
    if (step_instance(value) || is_mapping(value)) return step_from_python(value, py::none(), py::none(), {});
    return application_submitted_step{load<date::sys_days>(value, "application")};
}

// Registers the Python class of a step record, with its `kind` (Step).
template <class T>
void step_class(py::module_& m, char const* doc) {
    record_class<T>(m, doc).def_property_readonly(
        "kind", [](T const&) { return T::kind; }, "The Step of this record.");
}

// A Python callable (member_id, date) -> MemberEligibility (or a mapping) as the C++ lookup. Only
// used by the pure case methods, which hold the GIL.
eligibility_lookup lookup_from_python(py::object f) {
    if (f.is_none()) return {};
    if (!PyCallable_Check(f.ptr())) wrong_type("lookup", "a callable (member, date) -> MemberEligibility", f);
    return [f](member_id id, date::sys_days d) { return record_from_python<member_eligibility>(f(id, d)); };
}

std::vector<standing_history_entry> flatten(
    std::vector<std::pair<member_id, std::vector<standing_event>>> const& histories) {
    std::vector<standing_history_entry> out;
    for (auto const& [id, events] : histories)
        for (auto const& e : events)
            out.push_back({id, e.kind, e.date, e.reason, e.decided_by});
    return out;
}

// make_profile's change: a callable that changes the RuleSet it is given (or returns a new one), or a
// mapping of the text-form keys of to_text ({"dev.public_notice_working_days": 5}); a string value is
// taken as its text form, a list as the rows of a table key.
rule_set profile_from_python(std::string name, py::handle change) {
    if (change.is_none()) return make_profile(std::move(name), [](rule_set&) {});
    if (PyCallable_Check(change.ptr())) {
        return make_profile(std::move(name), [&](rule_set& r) {
            py::object obj = py::cast(r);
            py::object const result = py::reinterpret_borrow<py::object>(change)(obj);
            auto const changed = result.is_none() ? obj.cast<rule_set>() : result.cast<rule_set>();
            auto const kept = r.name;
            r = changed;
            r.name = kept;
        });
    }
    if (!PyDict_Check(change.ptr()) && !py::hasattr(change, "items"))
        wrong_type("change", "a callable (RuleSet) -> None or a mapping of profile keys", change);
    std::string text;
    for (auto item : py::reinterpret_borrow<py::object>(change).attr("items")()) {
        auto const pair = py::reinterpret_borrow<py::tuple>(item);
        auto const key = codec<std::string>::load(pair[0], "change");
        if (key == "name") throw invalid_input("change", "the name is make_profile's first argument");
        py::handle const value = pair[1];
        if (PyBool_Check(value.ptr())) {
            text += key + "=" + (value.cast<bool>() ? "1" : "0") + "\n";
        } else if (py::isinstance<py::str>(value)) {
            // shares ("1/4"), enumerations ("refuse"), an empty optional limit, free text
            text += key + "=" + value.cast<std::string>() + "\n";
        } else if (py::isinstance<py::list>(value) || py::isinstance<py::tuple>(value)) {
            // the rows of a table key, each in its text form ("life.cadence": ["…,month,1,none", …])
            auto const rows = py::reinterpret_borrow<py::sequence>(value);
            if (rows.size() == 0) text += key + "=\n";
            for (auto row : rows)
                text += key + "=" + codec<std::string>::load(row, key) + "\n";
        } else {
            text += key + "=" + std::to_string(load<std::int64_t>(value, key)) + "\n";
        }
    }
    auto const parsed = rule_set_from_text(text);
    return make_profile(std::move(name), [&](rule_set& r) {
        auto const kept = r.name;
        r = parsed;
        r.name = kept;
    });
}

}  // namespace

void bind_development(py::module_& m) {
    // ---- enums
    bind_enum<stage>(
        m, "The five stages of the pipeline: 入党申请人, 入党积极分子, 发展对象, 预备党员, 正式党员.");
    bind_enum<case_outcome>(m, "How a case ended without a full member.");
    bind_enum<step>(m,
                    "The 25 steps of the official flow (发展党员工作流程) and the supporting records; "
                    ".number is the position in the chart (0 for supporting records).")
        .def_property_readonly("number", &official_number, "Position in the 25-step chart, 0 if none.");
    bind_enum<recommendation>(m, "How an activist was recommended (党员推荐 / 群团推优).");
    bind_enum<conversion_decision>(m, "The decision of a conversion meeting: convert, extend or cancel.");
    bind_enum<timeline_status>(m, "Status of one line of a case timeline on a date.");

    // ---- records
    record_class<applicant>(m,
                            "The person a development case is about. name, birth_date and branch (the "
                            "OrgId handling the case) are required; birth_date and sex are taken from "
                            "id_number when only the number is given.");
    // Every step class also has `note` (free-text remarks, 备注).
    step_class<application_submitted_step>(m, "Step record 1 递交入党申请书: the written application.");
    step_class<talk_held_step>(
        m, "Step record 2 党组织派人谈话: by (MemberId, the talker), reason (why the first talk is late).");
    step_class<activist_determined_step>(
        m, "Step record 3 推荐和确定入党积极分子: recommended (Recommendation).");
    step_class<activist_filed_step>(m, "Step record 4 上级党委备案: document (备案文号).");
    step_class<contacts_assigned_step>(m, "Step record 5 指定培养联系人: members (1-2 MemberId).");
    step_class<activist_assessed_step>(m, "Step record 6 培养教育考察: conclusion (the written assessment).");
    step_class<target_determined_step>(m, "Step record 7 确定发展对象.");
    step_class<target_filed_step>(m, "Step record 8 报上级党委备案: document (备案文号).");
    step_class<introducers_assigned_step>(m, "Step record 9 确定入党介绍人: members (2 MemberId).");
    step_class<political_review_step>(
        m,
        "Step record 10 进行政治审查: passed, conclusion, household_org and residence_org (the 户籍地 and "
        "居住地 organisations a mobile applicant's review consulted).");
    step_class<training_completed_step>(m,
                                        "Step record 11 开展集中培训: by (the lecturer), days, class_hours, "
                                        "special_case (waived, with the reason).");
    step_class<committee_reviewed_step>(m, "Step record 12 支部委员会审查: document (审查意见).");
    step_class<pre_review_step>(
        m, "Step record 13 上级党委预审: passed, conclusion, document (预审意见), expected_leave, reason.");
    step_class<application_form_filled_step>(m, "Step record 14 填写入党志愿书: document (志愿书编号).");
    step_class<admission_meeting_step>(
        m, "Step record 15 支部大会讨论: vote (BranchVote), expected_leave, reason.");
    step_class<higher_committee_talk_step>(m, "Step record 16 上级党委派人谈话: by (MemberId).");
    step_class<admission_approved_step>(m,
                                        "Step record 17 上级党委审批: passed, document (批复), vote (the "
                                        "committee's counts), reason (a late approval).");
    step_class<approval_filed_step>(m, "Step record 18 再上一级党委组织部门备案: document (备案文号).");
    step_class<assigned_to_branch_step>(m, "Step record 19 编入党支部和党小组.");
    step_class<oath_taken_step>(m, "Step record 20 入党宣誓.");
    step_class<probation_assessed_step>(m, "Step record 21 继续教育考察: conclusion.");
    step_class<conversion_applied_step>(m, "Step record 22 提出转正申请.");
    step_class<conversion_meeting_step>(
        m, "Step record 23 支部大会讨论转正: vote, decision (ConversionDecision), extension_months, reason.");
    step_class<conversion_approved_step>(m,
                                         "Step record 24 上级党委审批转正: passed, document, vote (the "
                                         "committee's counts), reason (a late approval).");
    step_class<archived_step>(m, "Step record 25 材料归档: document (档案编号).");
    step_class<public_notice_step>(
        m, "Step record 公示: date (first day), notice_for (Step), notice_end, objections.");
    step_class<cultivation_transferred_step>(m,
                                             "Step record 培养考察材料转入: since (cultivation began on).");
    step_class<withdrawn_step>(m, "Step record 终止发展: reason (required).");
    step_class<transferred_in_step>(m, "Step record 预备党员组织关系转入.");
    record_class<member_eligibility>(
        m, "What the rules need to know about a member named in a step on its date (returned by a lookup).");
    record_class<notice_record>(m, "A completed public notice (公示) and its step.");
    auto probation = record_class<party_probation>(
        m,
        "A party probation (留党察看): from_ (the date it took effect; `from` is a Python keyword), months "
        "(12 or 24), rights_suspended, decided_by.");
    probation.def("until", &party_probation::until, "The day after the last day of the sanction.");
    record_class<case_summary>(m,
                               "One case of cases(Store): id, name, branch, current stage, outcome, member.");
    record_class<stage_statistics>(
        m,
        "Pipeline statistics of one stage: stage, on_date (in it on the end date), entered and left in the "
        "period, mean_dwell_days of those who left.");
    record_class<timeline_row>(m,
                               "One line of a case timeline: kind (Step), earliest, deadline, actual (the "
                               "dates recorded), status.");
    record_class<standing_history_entry>(
        m, "One standing event of one member: member, kind, date, reason, decided_by.");

    output_class<case_state>(m, "CaseState", "The state of a case, derived by replaying its records.")
        .def_readonly("current", &case_state::current)
        .def_readonly("outcome", &case_state::outcome)
        .def_readonly("recorded", &case_state::recorded, "The kinds recorded at least once (a set of Step).")
        .def_readonly("last_date", &case_state::last_date)
        .def_readonly("applied", &case_state::applied)
        .def_readonly("first_talk", &case_state::first_talk)
        .def_readonly("activist_since", &case_state::activist_since)
        .def_readonly("cultivation_start", &case_state::cultivation_start)
        .def_readonly("last_assessment", &case_state::last_assessment)
        .def_readonly("contacts", &case_state::contacts)
        .def_readonly("target_since", &case_state::target_since)
        .def_readonly("introducers", &case_state::introducers)
        .def_readonly("review_passed", &case_state::review_passed)
        .def_readonly("training_days", &case_state::training_days)
        .def_readonly("training_hours", &case_state::training_hours)
        .def_readonly("training_waived", &case_state::training_waived)
        .def_readonly("pre_review_date", &case_state::pre_review_date)
        .def_readonly("pre_review_passed", &case_state::pre_review_passed)
        .def_readonly("expected_leave", &case_state::expected_leave)
        .def_readonly("notices", &case_state::notices)
        .def_readonly("admission_meeting", &case_state::admission_meeting)
        .def_readonly("higher_talk", &case_state::higher_talk)
        .def_readonly("approval", &case_state::approval)
        .def_readonly("oath", &case_state::oath)
        .def_readonly("probation_end", &case_state::probation_end)
        .def_readonly("extensions", &case_state::extensions)
        .def_readonly("conversion_applied", &case_state::conversion_applied)
        .def_readonly("conversion_meeting", &case_state::conversion_meeting)
        .def_readonly("pending_decision", &case_state::pending_decision)
        .def_readonly("pending_extension_months", &case_state::pending_extension_months)
        .def_readonly("conversion_approved", &case_state::conversion_approved)
        .def_readonly("full_member_date", &case_state::full_member_date)
        .def_readonly("archived", &case_state::archived)
        .def("__repr__", [](case_state const& s) {
            return "CaseState(current=Stage." + std::string(enumerator_name(s.current)) +
                   (s.outcome ? ", outcome=CaseOutcome." + std::string(enumerator_name(*s.outcome)) : "") +
                   ", records=" + std::to_string(s.recorded.size()) + " kinds)";
        });

    output_class<transition>(m, "Transition",
                             "One row of the transition table: kind, from_stages (the stages in which the "
                             "step may be recorded), to (None: unchanged), repeatable, needs.")
        .def_readonly("kind", &transition::kind)
        .def_property_readonly("from_stages",
                               [](transition const& t) {
                                   std::vector<stage> out;
                                   for (auto const& [s, name] : enum_info<stage>::values)
                                       if (contains(t.from, s)) out.push_back(s);
                                   return out;
                               })
        .def_readonly("to", &transition::to)
        .def_readonly("repeatable", &transition::repeatable)
        .def_property_readonly(
            "needs", [](transition const& t) { return std::vector<step>(t.needs.begin(), t.needs.end()); })
        .def("__repr__", [](transition const& t) {
            return "Transition(Step." + std::string(enumerator_name(t.kind)) + ")";
        });

    register_table<case_summary>(
        m,
        "Development cases, one row each: id, name, branch, current (Stage), outcome (CaseOutcome), member.");
    register_table<stage_statistics>(
        m, "Pipeline statistics, one row per stage: stage, on_date, entered, left, mean_dwell_days.");
    register_table<timeline_row>(m,
                                 "A case timeline, one row per official step: step, number, earliest, "
                                 "deadline, first and last date recorded, times recorded, status.");
    register_table<standing_history_entry>(
        m, "Standing events, one row each: member, kind, date, reason, decided_by.");

    // ---- the case
    py::class_<development_case> dc(
        m, "DevelopmentCase",
        "One person's development case: step records in date order, each checked against the history and "
        "the rule set the case was opened under; the state is derived by replay.");
    dc.def(py::init([](py::handle person, rule_set const& rules, bool backfilled) {
               return development_case(record_from_python<applicant>(person), rules, backfilled);
           }),
           py::arg("person"), py::arg("rules") = rule_set::national_2014(), py::arg("backfilled") = false,
           "Opens a case (no record yet: the first must be application_submitted). backfilled (补录) records "
           "history in order without the time and content rules.")
        .def_property_readonly("person", &development_case::person)
        .def_property_readonly("rules", &development_case::rules)
        .def_property_readonly("backfilled", &development_case::backfilled)
        .def_property_readonly("records", &development_case::records,
                               "The step records, each of its per-kind class (TalkHeldStep …).")
        .def_property_readonly("state", &development_case::state, "The CaseState after every record.")
        .def("state_on", &development_case::state_on, py::arg("d"),
             "The CaseState from the records dated on or before d.")
        .def(
            "check",
            [](development_case const& c, py::handle kind, py::handle when, py::handle det, py::object lookup,
               py::kwargs const& fields) {
                c.check(step_from_python(kind, when, det, fields), lookup_from_python(std::move(lookup)));
            },
            py::arg("step"), py::arg("date") = py::none(), py::arg("details") = py::none(), py::pos_only(),
            py::kw_only(), py::arg("lookup") = py::none(),
            "Checks a step (as for record) without recording it. Raises InvalidInput or RuleViolation dev.*.")
        .def(
            "record",
            [](development_case& c, py::handle kind, py::handle when, py::handle det, py::object lookup,
               py::kwargs const& fields) {
                c.record(step_from_python(kind, when, det, fields), lookup_from_python(std::move(lookup)));
            },
            py::arg("step"), py::arg("date") = py::none(), py::arg("details") = py::none(), py::pos_only(),
            py::kw_only(), py::arg("lookup") = py::none(),
            "Checks and appends a step: record(Step.talk_held, date, by=secretary), a step record "
            "(TalkHeldStep(date=..., by=...)) or a mapping with 'kind'; a field the kind does not have "
            "raises InvalidInput naming it. "
            "lookup, when given, is a callable (MemberId, date) -> MemberEligibility for the members "
            "named. Raises InvalidInput (with .field) or RuleViolation (dev.*); the case is then unchanged.")
        .def_static(
            "replay",
            [](py::handle person, rule_set const& rules, bool backfilled, py::handle records) {
                return development_case::replay(record_from_python<applicant>(person), rules, backfilled,
                                                load<std::vector<step_record>>(records, "records"));
            },
            py::arg("person"), py::arg("rules"), py::arg("backfilled"), py::arg("records"),
            "Rebuilds a case from stored records without checking them.")
        .def(
            "agenda",
            [](development_case const& c, date::sys_days as_of, std::optional<case_id> id) {
                return record_table<agenda_item>(case_agenda(c, as_of, id));
            },
            py::arg("as_of"), py::arg("id") = py::none(), "The case's agenda items on as_of, as an Agenda.")
        .def(
            "timeline",
            [](development_case const& c, date::sys_days as_of) {
                return record_table<timeline_row>(case_timeline(c, as_of));
            },
            py::arg("as_of"), "The 25 official steps with earliest date, deadline, dates and status.")
        .def("__repr__", [](development_case const& c) {
            return "<dangyuan.DevelopmentCase of " + c.person().name + ": " +
                   std::to_string(c.records().size()) + " records, " +
                   std::string(to_string(c.state().current)) + ">";
        });

    m.def("transition_for", &transition_for, py::arg("step"), "The transition row of a step.");
    m.def(
        "transitions",
        [] {
            auto const t = dangyuan::transitions();
            return std::vector<transition>(t.begin(), t.end());
        },
        "The transition table of the pipeline, in chart order (dev.step_sequence).");
    m.def(
        "case_agenda",
        [](development_case const& c, date::sys_days as_of, std::optional<case_id> id) {
            return record_table<agenda_item>(case_agenda(c, as_of, id));
        },
        py::arg("case"), py::arg("as_of"), py::arg("id") = py::none(),
        "Agenda items of a case on as_of (each names its rule), as an Agenda.");
    m.def(
        "case_timeline",
        [](development_case const& c, date::sys_days as_of) {
            return record_table<timeline_row>(case_timeline(c, as_of));
        },
        py::arg("case"), py::arg("as_of"), "The timeline of a case on as_of, as a Timeline table.");

    // ---- party probation (member/discipline.hpp)
    m.def(
        "validate_party_probation", [](py::handle p) { validate(record_from_python<party_probation>(p)); },
        py::arg("probation"),
        "Checks a party probation. Raises RuleViolation member.party_probation_max_2_years.");
    m.def(
        "rights_suspended_on",
        [](py::handle sanctions, date::sys_days d) {
            auto const list = load<std::vector<party_probation>>(sanctions, "sanctions");
            return rights_suspended_on(list, d);
        },
        py::arg("sanctions"), py::arg("d"),
        "True when one of the sanctions suspends the member's rights on d.");

    // ---- profiles (rules/profile.hpp)
    m.def(
        "make_profile", [](std::string name, py::handle change) { return profile_from_python(name, change); },
        py::arg("name"), py::arg("change") = py::none(),
        "A local profile (地方规定) derived from the national baseline. change is a callable that changes "
        "the RuleSet it is given (or returns a new one), or a mapping of the keys of to_text(), e.g. "
        "{'dev.public_notice_working_days': 5}. Raises InvalidInput (name) or RuleViolation "
        "rules.profile_cannot_weaken.");
    m.def("local_profile_example", &local_profile_example,
          "The example local profile 'local-5wd' [L]: public notice of 5 working days, branch meeting "
          "within 1 month of the pre-review, oath within 1 month of approval.");
    m.def("check_tightens", &check_tightens, py::arg("base"), py::arg("profile"),
          "Checks that profile only tightens base. Raises RuleViolation rules.profile_cannot_weaken.");
    m.def("to_text", &to_text, py::arg("rules"),
          "The text form of a rule set: name=... then one key=value line per parameter.");
    m.def(
        "rule_set_from_text", [](std::string_view text) { return rule_set_from_text(text); }, py::arg("text"),
        "Parses the text form; parameters not mentioned keep their national values. Raises InvalidInput "
        "(field 'rule_set') naming the line.");

    // ---- the parameter block
    auto params = existing_class<development_params>(m, "DevelopmentParams");
    std::vector<char const*> names;
#define DANGYUAN_PARAM(f)                             \
    params.def_readwrite(#f, &development_params::f); \
    names.push_back(#f);
    DANGYUAN_PARAM(applicant_min_age)
    DANGYUAN_PARAM(talk_within_months)
    DANGYUAN_PARAM(activist_after_application_months)
    DANGYUAN_PARAM(contacts_min)
    DANGYUAN_PARAM(contacts_max)
    DANGYUAN_PARAM(assessment_every_months)
    DANGYUAN_PARAM(cultivation_min_months)
    DANGYUAN_PARAM(introducers)
    DANGYUAN_PARAM(training_min_days)
    DANGYUAN_PARAM(training_min_hours)
    DANGYUAN_PARAM(leaving_window_months)
    DANGYUAN_PARAM(public_notice_working_days)
    DANGYUAN_PARAM(public_notice_first_day_counts)
    DANGYUAN_PARAM(meeting_after_pre_review_months)
    DANGYUAN_PARAM(approval_within_months)
    DANGYUAN_PARAM(approval_extended_max_months)
    DANGYUAN_PARAM(oath_after_approval_months)
    DANGYUAN_PARAM(probation_months)
    DANGYUAN_PARAM(extension_min_months)
    DANGYUAN_PARAM(extension_max_months)
    DANGYUAN_PARAM(conversion_postpone_max_months)
    DANGYUAN_PARAM(conversion_approval_months)
    DANGYUAN_PARAM(notice_ahead_months)
#undef DANGYUAN_PARAM
    params_repr(params, "DevelopmentParams", names);

    // ---- Store
    using h = store_handle;
    auto cls = existing_class<h>(m, "Store");
    cls.def(
           "open_case",
           [](h& s, py::handle person, py::handle application, std::string const& rules, bool backfilled,
              std::string const& why) {
               auto const a = record_from_python<applicant>(person);
               auto const first = application_from_python(application);
               return s.call([&](store& st) {
                   return open_case(st, a, first,
                                    case_options{.rule_set_name = rules, .backfilled = backfilled}, why);
               });
           },
           py::arg("person"), py::arg("application"), py::pos_only(), py::kw_only(), py::arg("rule_set") = "",
           py::arg("backfilled") = false, py::arg("why") = "",
           "Opens a case for an Applicant (or a mapping) with its application: a date, or an "
           "ApplicationSubmittedStep. rule_set names a registered profile (empty: the store's own). Returns "
           "the "
           "CaseId. Raises RuleViolation dev.applicant_min_age_18, disposition.readmission_bar_5_years, "
           "Conflict (a case is "
           "open for the person), NotFound (branch, rule set).")
        .def(
            "record_step",
            [](h& s, case_id id, py::handle kind, py::handle when, py::handle det, std::string const& why,
               py::kwargs const& fields) {
                auto const r = step_from_python(kind, when, det, fields);
                s.call([&](store& st) {
                    record_step(st, id, r, why);
                    return 0;
                });
            },
            py::arg("case"), py::arg("step"), py::arg("date") = py::none(), py::arg("details") = py::none(),
            py::pos_only(), py::kw_only(), py::arg("why") = "",
            "Checks and appends a step: record_step(case, Step.talk_held, date, by=secretary), the fields "
            "as keywords (or a mapping), or a step record alone (TalkHeldStep …, or a mapping with 'kind'); "
            "a field the kind does not have raises InvalidInput naming it. Approval of admission adds the "
            "person to "
            "the roster; approval of a conversion sets the full-member date. Raises InvalidInput (.field), "
            "RuleViolation (dev.*, vote.*), NotFound.");
    def_command(cls, "get_case", &dangyuan::get_case, py::arg("case"),
                "The case, replayed from its records (a DevelopmentCase).");
    def_command(cls, "case_member", &dangyuan::case_member, py::arg("case"),
                "The MemberId the case produced once admission was approved, else None.");
    def_command<as_table>(
        cls, "case_timeline",
        [](store& st, case_id id, date::sys_days as_of) { return case_timeline(get_case(st, id), as_of); },
        py::arg("case"), py::arg("as_of"), "The timeline of a stored case on as_of, as a Timeline table.");
    def_command<as_table>(cls, "cases", &dangyuan::cases, py::arg("scope") = py::none(),
                          "The cases of the branches in scope, as a Cases table.");
    def_command<as_table>(
        cls, "pipeline_statistics", &dangyuan::pipeline_statistics, py::arg("start"), py::arg("end"),
        py::arg("scope") = py::none(),
        "Per stage: how many were in it on end, entered and left it during [start, end], and the mean "
        "days spent in it by those who left, as a PipelineStatistics table.");
    def_command(cls, "register_rule_set", &store::register_rule_set, py::arg("profile"),
                "Registers a local profile so that cases can be opened under it. Raises RuleViolation "
                "rules.profile_cannot_weaken, Conflict (the name exists with other values).");
    def_command(cls, "rule_set_named", &store::rule_set_named, py::arg("name"),
                "The national set or a registered profile (NotFound otherwise).");
    def_command(cls, "record_party_probation", &store::record_party_probation, py::arg("member"),
                py::arg("probation") = py::none(), py::pos_only(), py::kw_only(), py::arg("why") = "",
                "Records a party probation (留党察看): a PartyProbation, a mapping or keywords (from_=, "
                "months=, rights_suspended=, decided_by=). Raises RuleViolation "
                "member.party_probation_max_2_years.");
    def_command(cls, "party_probations", &store::party_probations, py::arg("member"),
                "The party probations of a member, oldest first.");
    def_command<as_roster>(cls, "find_members_by_name", &store::find_members_by_name, py::arg("name"),
                           "Members whose name is exactly name, as a Roster.");
    cls.def(
        "find_members",
        [](h& s, py::handle id_numbers) {
            auto const ids = load<std::vector<citizen_id>>(id_numbers, "id_numbers");
            return roster_result(s.call([&](store& st) { return st.find_members(ids); }));
        },
        py::arg("id_numbers"),
        "The members with these ID numbers (str or CitizenId), as a Roster in no particular order; "
        "absent ones are left out.");
    def_command<as_table>(
        cls, "standing_histories",
        [](store& st, scope const& where) { return flatten(st.standing_histories(where)); },
        py::arg("scope") = py::none(),
        "The standing events of the members of the branches in scope, as a StandingHistories table.");
    def_command(cls, "record_access", &store::record_access, py::arg("what"), py::arg("why"),
                py::arg("rows") = py::none(),
                "Records in the audit trail that personal data was read unmasked: what, why, the principal, "
                "its scope and the number of rows shown. Raises InvalidInput (why) without a reason, "
                "AccessDenied without Permission.unmasked_personal_data.");
}

}  // namespace dangyuan::python
