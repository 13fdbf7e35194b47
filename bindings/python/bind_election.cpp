// Elections (换届选举, 两推一选): the thresholds of election/election_rules.hpp, the election case with
// its dated records, transition table and state (election_case.hpp), its agenda (election_agenda.hpp),
// the completion of elections in a year (election_statistics.hpp), the flow chart (election_flow.hpp)
// and the store operations of storage/election_store.hpp as methods of Store.
//
// An election record is a std::variant in C++: each kind is its own Python class (ElectionRequested,
// MeetingHeld …) with a read-only `kind` (ElectionRecordKind), and wherever a record is taken any of them
// is accepted — or a mapping (or keywords) whose "kind" names the kind by its code ("meeting_held"), its
// ElectionRecordKind or its Chinese name ("召开选举大会"), the other items being its fields.
//
// MeetingHeld's C++ field `kind` (党员大会 or 党员代表大会) is `meeting` in Python, as on the command line:
// `kind` names the record kind.

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "command.hpp"
#include "dangyuan/core/flow_diagram.hpp"
#include "dangyuan/election/election_agenda.hpp"
#include "dangyuan/election/election_case.hpp"
#include "dangyuan/election/election_flow.hpp"
#include "dangyuan/election/election_rules.hpp"
#include "dangyuan/election/election_statistics.hpp"
#include "dangyuan/storage/election_store.hpp"
#include "domains.hpp"

namespace dangyuan::python {

/// The kinds of election records, indexed like `election_record` (Python's ElectionRecordKind): codes
/// from `election_record_kinds`, Chinese names from `election_record_chinese`.
enum class election_record_kind {
    election_requested,
    request_approved,
    members_nominated,
    masses_nominated,
    committee_reviewed,
    candidates_approved,
    meeting_held,
    round_counted,
    committee_elected,
    secretary_elected,
    result_reported,
    secretary_approved,
    term_extended,
    term_advanced,
};

template <>
struct enum_info<election_record_kind> {
    static constexpr char const* python_name = "ElectionRecordKind";
    static constexpr char const* field = "kind";
    static constexpr std::array values{
        DANGYUAN_PY_ENUM_VALUE(election_record_kind, election_requested),
        DANGYUAN_PY_ENUM_VALUE(election_record_kind, request_approved),
        DANGYUAN_PY_ENUM_VALUE(election_record_kind, members_nominated),
        DANGYUAN_PY_ENUM_VALUE(election_record_kind, masses_nominated),
        DANGYUAN_PY_ENUM_VALUE(election_record_kind, committee_reviewed),
        DANGYUAN_PY_ENUM_VALUE(election_record_kind, candidates_approved),
        DANGYUAN_PY_ENUM_VALUE(election_record_kind, meeting_held),
        DANGYUAN_PY_ENUM_VALUE(election_record_kind, round_counted),
        DANGYUAN_PY_ENUM_VALUE(election_record_kind, committee_elected),
        DANGYUAN_PY_ENUM_VALUE(election_record_kind, secretary_elected),
        DANGYUAN_PY_ENUM_VALUE(election_record_kind, result_reported),
        DANGYUAN_PY_ENUM_VALUE(election_record_kind, secretary_approved),
        DANGYUAN_PY_ENUM_VALUE(election_record_kind, term_extended),
        DANGYUAN_PY_ENUM_VALUE(election_record_kind, term_advanced),
    };
    static std::string_view code(election_record_kind k) {
        return election_record_kinds[static_cast<std::size_t>(k)];
    }
    static std::string_view chinese(election_record_kind k) {
        return election_record_chinese[static_cast<std::size_t>(k)];
    }
};

// The Python names are the C++ kind codes, in variant order.
static_assert([] {
    auto const& v = enum_info<election_record_kind>::values;
    if (v.size() != election_record_kinds.size()) return false;
    for (std::size_t i = 0; i < v.size(); ++i)
        if (static_cast<std::size_t>(v[i].first) != i ||
            std::string_view(v[i].second) != election_record_kinds[i])
            return false;
    return true;
}());

DANGYUAN_PY_RECORD(election_attendance, "ElectionAttendance");
DANGYUAN_PY_RECORD(candidate_tally, "CandidateTally");
DANGYUAN_PY_RECORD(round_counts, "RoundCounts");
DANGYUAN_PY_RECORD(round_result, "RoundResult");
DANGYUAN_PY_RECORD(term_change, "TermChange");
DANGYUAN_PY_RECORD(electoral_standing, "ElectoralStanding");
DANGYUAN_PY_RECORD(nomination, "Nomination");
DANGYUAN_PY_RECORD(write_in, "WriteIn");
DANGYUAN_PY_RECORD(election_requested, "ElectionRequested");
DANGYUAN_PY_RECORD(request_approved, "RequestApproved");
DANGYUAN_PY_RECORD(members_nominated, "MembersNominated");
DANGYUAN_PY_RECORD(masses_nominated, "MassesNominated");
DANGYUAN_PY_RECORD(committee_reviewed, "CommitteeReviewed");
DANGYUAN_PY_RECORD(candidates_approved, "CandidatesApproved");
DANGYUAN_PY_RECORD(meeting_held, "MeetingHeld");
DANGYUAN_PY_RECORD(round_counted, "RoundCounted");
DANGYUAN_PY_RECORD(committee_elected, "CommitteeElected");
DANGYUAN_PY_RECORD(secretary_elected, "SecretaryElected");
DANGYUAN_PY_RECORD(result_reported, "ResultReported");
DANGYUAN_PY_RECORD(secretary_approved, "SecretaryApproved");
DANGYUAN_PY_RECORD(term_extended, "TermExtended");
DANGYUAN_PY_RECORD(term_advanced, "TermAdvanced");
DANGYUAN_PY_RECORD(election_case, "ElectionCase");
DANGYUAN_PY_RECORD(election_context, "ElectionContext");
DANGYUAN_PY_RECORD(election_summary, "ElectionSummary");
DANGYUAN_PY_RECORD(election_completion, "ElectionCompletion");
DANGYUAN_PY_RECORD(term_and_election, "TermAndElection");

DANGYUAN_PY_TABLE(election_summary, "Elections");

DANGYUAN_PY_VARIANT_OF_KIND(election_record, election_record_kinds, "election record", election_record_kind);

// ---- records

#define F(T, x) DANGYUAN_PY_FIELD(T, x)
#define R(T, x) DANGYUAN_PY_REQUIRED(T, x)

DANGYUAN_PY_FIELDS(election_attendance, F(election_attendance, entitled), F(election_attendance, present))
DANGYUAN_PY_FIELDS(candidate_tally, R(candidate_tally, candidate), F(candidate_tally, votes_for),
                   F(candidate_tally, against), F(candidate_tally, abstain))
DANGYUAN_PY_FIELDS(round_counts, F(round_counts, seats), F(round_counts, voters_present),
                   F(round_counts, ballots_issued), F(round_counts, ballots_returned))
DANGYUAN_PY_FIELDS(round_result, F(round_result, void_round), F(round_result, rule_id),
                   F(round_result, elected), F(round_result, tied), F(round_result, unfilled))
DANGYUAN_PY_FIELDS(term_change, R(term_change, term_ends), R(term_change, held_on), F(term_change, approved))
DANGYUAN_PY_FIELDS(electoral_standing, F(electoral_standing, full_member),
                   F(electoral_standing, on_probation_in_party), F(electoral_standing, rights_suspended))
DANGYUAN_PY_FIELDS(nomination, R(nomination, nominee), F(nomination, count))
DANGYUAN_PY_FIELDS(write_in, F(write_in, name), F(write_in, votes))
DANGYUAN_PY_FIELDS(election_requested, R(election_requested, date), R(election_requested, seats),
                   R(election_requested, planned_on), F(election_requested, without_committee),
                   F(election_requested, document), F(election_requested, note))
DANGYUAN_PY_FIELDS(request_approved, R(request_approved, date), F(request_approved, approved_by),
                   F(request_approved, document), F(request_approved, note))
DANGYUAN_PY_FIELDS(members_nominated, R(members_nominated, date), F(members_nominated, nominees),
                   F(members_nominated, note))
DANGYUAN_PY_FIELDS(masses_nominated, R(masses_nominated, date), F(masses_nominated, nominees),
                   F(masses_nominated, note))
DANGYUAN_PY_FIELDS(committee_reviewed, R(committee_reviewed, date), F(committee_reviewed, shortlist),
                   F(committee_reviewed, note))
DANGYUAN_PY_FIELDS(candidates_approved, R(candidates_approved, date), F(candidates_approved, candidates),
                   F(candidates_approved, approved_by), F(candidates_approved, document),
                   F(candidates_approved, note))
DANGYUAN_PY_FIELDS(meeting_held, R(meeting_held, date), field<&meeting_held::kind>("meeting"),
                   F(meeting_held, attendance), F(meeting_held, dispersed), F(meeting_held, document),
                   F(meeting_held, note))
DANGYUAN_PY_FIELDS(round_counted, R(round_counted, date), F(round_counted, counts), F(round_counted, tallies),
                   F(round_counted, write_ins), F(round_counted, note))
DANGYUAN_PY_FIELDS(committee_elected, R(committee_elected, date), F(committee_elected, members),
                   F(committee_elected, note))
DANGYUAN_PY_FIELDS(secretary_elected, R(secretary_elected, date), R(secretary_elected, secretary),
                   F(secretary_elected, deputies), F(secretary_elected, note))
DANGYUAN_PY_FIELDS(result_reported, R(result_reported, date), F(result_reported, reported_to),
                   F(result_reported, document), F(result_reported, note))
DANGYUAN_PY_FIELDS(secretary_approved, R(secretary_approved, date), F(secretary_approved, approved_by),
                   F(secretary_approved, document), F(secretary_approved, note))
DANGYUAN_PY_FIELDS(term_extended, R(term_extended, date), R(term_extended, until),
                   F(term_extended, approved_by), F(term_extended, document), F(term_extended, reason),
                   F(term_extended, note))
DANGYUAN_PY_FIELDS(term_advanced, R(term_advanced, date), field<&term_advanced::from>("from_", true),
                   F(term_advanced, approved_by), F(term_advanced, document), F(term_advanced, reason),
                   F(term_advanced, note))
DANGYUAN_PY_FIELDS(election_case, F(election_case, id), F(election_case, org), F(election_case, org_name),
                   F(election_case, term_ends), F(election_case, records))
DANGYUAN_PY_FIELDS(election_context, F(election_context, members), F(election_context, full_members),
                   F(election_context, standing))
DANGYUAN_PY_FIELDS(election_summary, F(election_summary, id), F(election_summary, org),
                   F(election_summary, org_name), F(election_summary, term_ends), F(election_summary, stage),
                   F(election_summary, requested_on), F(election_summary, completed_on))
DANGYUAN_PY_FIELDS(election_completion, F(election_completion, year), F(election_completion, due),
                   F(election_completion, held), F(election_completion, overdue))
DANGYUAN_PY_FIELDS(term_and_election, R(term_and_election, org), F(term_and_election, term_ends),
                   F(term_and_election, election))

#undef F
#undef R

// ---- tables

void table_spec<election_summary>::columns(column_builder<election_summary>& b) {
    using r = election_summary;
    b.integer("id", [](r const& x) { return x.id.value(); });
    b.integer("org", [](r const& x) { return x.org.value(); });
    b.text(
        "org_name", [](r const& x) -> std::string const& { return x.org_name; }, true);
    b.dates("term_ends", [](r const& x) { return x.term_ends; });
    b.category<election_stage>("stage", [](r const& x) { return x.stage; });
    b.dates("requested_on", [](r const& x) { return x.requested_on; });
    b.dates("completed_on", [](r const& x) { return x.completed_on; });
}

namespace {

election_context context_arg(py::handle context) {
    return record_from_python<election_context>(context);
}

}  // namespace

void bind_election(py::module_& m) {
    auto const national = rule_set::national_2014();

    // ---- enums
    bind_enum<election_stage>(m,
                              "How far an election (换届选举) has come, in procedure order (derived from its "
                              "records).");
    bind_enum<election_meeting>(m, "The meeting that elects a committee: 党员大会 or 党员代表大会.");
    bind_enum<election_record_kind>(
        m, "The kinds of election records, in the order of the procedure's table (code and Chinese name).");

    // ---- records of the thresholds
    record_class<election_attendance>(
        m, "Attendance at an electing meeting: entitled (应到会有选举权的党员), present (实到).");
    record_class<candidate_tally>(
        m, "One candidate's ballots in a round: candidate (MemberId), votes_for (赞成), against, abstain.");
    record_class<round_counts>(
        m,
        "The counts of one round: seats (open in this round), voters_present, ballots_issued, "
        "ballots_returned.");
    record_class<round_result>(m,
                               "What a round decided: void_round, rule_id (why void or why seats are left), "
                               "elected (most votes first), tied, unfilled.");
    record_class<term_change>(m,
                              "An election held early or late: term_ends, held_on, approved (by the higher "
                              "organisation).");
    record_class<electoral_standing>(
        m,
        "What decides a member's right to vote and stand: full_member, on_probation_in_party (留党察看), "
        "rights_suspended.");
    record_class<nomination>(m, "One nominee (MemberId) and the nominations (推荐票) received.");
    record_class<write_in>(m, "A vote for someone not on the candidate list (另选他人): name, votes.");

    // ---- the record kinds
    record_kind_classes<election_record>(
        m, {
               "Election record: the committee asks the higher organisation for the election (换届请示): "
               "date, seats (应选名额), planned_on (the electing meeting), without_committee (a branch of "
               "fewer than "
               "7 full members: the meeting elects the secretary and at most one deputy; 1 or 2 seats), "
               "document "
               "(required), note.",
               "Election record: the higher organisation approves the request (批复): approved_by, document.",
               "Election record: members nominate (党员推荐): nominees (Nomination list, each once).",
               "Election record: the masses nominate (群众推荐, 两推一选): nominees.",
               "Election record: the committee reviews the nominations into a shortlist (委员会审查).",
               "Election record: the higher organisation approves the candidates (候选人预备人选审查同意): "
               "candidates (from the shortlist, at least the seats plus a fifth), approved_by, document.",
               "Election record: the electing meeting is held: meeting (ElectionMeeting; the C++ field "
               "`kind`), attendance (ElectionAttendance), dispersed, document (a delegates' meeting's "
               "approval).",
               "Election record: one round of voting counted: counts (RoundCounts), tallies "
               "(CandidateTally list), write_ins (WriteIn list).",
               "Election record: the meeting declares the committee elected: members.",
               "Election record: the new committee elects its secretary and deputies: secretary, deputies.",
               "Election record: the result is reported to the higher organisation (选举结果报告): "
               "reported_to, document.",
               "Election record: the higher organisation approves the secretary (批准): the new committee is "
               "in office from this date. approved_by, document.",
               "Election record: the higher organisation approves holding the election after the term's end "
               "(延期换届): until, approved_by, document, reason.",
               "Election record: the higher organisation approves holding the election before the term's "
               "end (提前换届): from_ (`from` is a Python keyword), approved_by, document, reason.",
           });

    auto ecase = record_class<election_case>(
        m,
        "An election of one organisation for one term: id, org, org_name, term_ends (the outgoing term's "
        "last day, None for a first election), records (each of its record classes).");
    record_class<election_context>(
        m,
        "Facts a check needs (the store takes them from its roster): members (党员人数), standing (a dict "
        "MemberId -> ElectoralStanding of the members a record names; one missing is refused).");
    record_class<election_summary>(m, "One line of Store.elections().");
    record_class<election_completion>(
        m, "The completion of elections in a year (换届完成率): year, due (应换届), held (已换届), overdue.");
    record_class<term_and_election>(
        m, "One organisation's term and its election for the term, if any: org, term_ends, election.");

    output_class<election_state>(m, "ElectionState",
                                 "The state of an election (derived by folding its records).")
        .def_readonly("stage", &election_state::stage)
        .def_readonly("last_date", &election_state::last_date, "Date of the last record folded.")
        .def_readonly("seats", &election_state::seats)
        .def_readonly("without_committee", &election_state::without_committee,
                      "The meeting elects the secretary directly (不设委员会).")
        .def_readonly("planned_on", &election_state::planned_on)
        .def_readonly("requested_on", &election_state::requested_on)
        .def_readonly("approved_on", &election_state::approved_on)
        .def_readonly("extended_until", &election_state::extended_until)
        .def_readonly("advanced_from", &election_state::advanced_from)
        .def_readonly("nominations", &election_state::nominations,
                      "A dict MemberId -> nominations, both nominations summed.")
        .def_readonly("members_nominated", &election_state::members_nominated)
        .def_readonly("shortlist", &election_state::shortlist)
        .def_readonly("candidates", &election_state::candidates)
        .def_readonly("meeting", &election_state::meeting, "The MeetingHeld, or None.")
        .def_readonly("rounds", &election_state::rounds)
        .def_readonly("elected", &election_state::elected, "Over all rounds, in order of election.")
        .def_readonly("open_seats", &election_state::open_seats)
        .def_readonly("committee", &election_state::committee)
        .def_readonly("secretary", &election_state::secretary)
        .def_readonly("deputies", &election_state::deputies)
        .def_readonly("elected_on", &election_state::elected_on)
        .def_readonly("reported_on", &election_state::reported_on)
        .def_readonly("completed_on", &election_state::completed_on,
                      "The secretary approved: the new term begins.");

    // Methods whose signatures mention classes registered above.
    ecase
        .def(
            "record",
            [](election_case& c, py::handle source, py::handle context, rule_set const& rules,
               py::kwargs const& kw) {
                record(c, variant_record<election_record>(source, kw), context_arg(context), rules);
            },
            py::arg("record") = py::none(), py::pos_only(), py::kw_only(), py::arg("context"),
            py::arg("rules") = national,
            "Checks a record (check_election_record) against the facts `context` (an ElectionContext or a "
            "mapping) and appends it to this case object.")
        .def("state_on", &election_state_on, py::arg("d"), "The ElectionState on d.")
        .def_property_readonly("state", &election_state_of, "The ElectionState after all records.")
        .def_property_readonly(
            "stage", [](election_case const& c) { return stage_of(c); },
            "The ElectionStage after all records.");

    register_table<election_summary>(
        m, "Elections, one row each: id, org, org_name, term_ends, stage, requested_on, completed_on.");

    // ---- the thresholds (pure rules)
    m.def(
        "election_quorate",
        [](py::handle a) { return election_quorate(record_from_python<election_attendance>(a)); },
        py::arg("attendance"),
        "True when more than four fifths of those entitled are present (election.quorum_over_4_5).");
    m.def(
        "require_election_quorum",
        [](py::handle a) { require_election_quorum(record_from_python<election_attendance>(a)); },
        py::arg("attendance"),
        "Raises InvalidInput (entitled, present) or RuleViolation election.quorum_over_4_5.");
    m.def("minimum_candidates", &minimum_candidates, py::arg("seats"),
          "The fewest candidates for the seats: 差额 at least a fifth, rounded up "
          "(election.candidates_exceed_seats_20_percent).");
    m.def("competitive_enough", &competitive_enough, py::arg("seats"), py::arg("candidates"),
          "True when the candidates make a competitive (差额) list for the seats.");
    m.def("require_competitive", &require_competitive, py::arg("seats"), py::arg("candidates"),
          "Raises InvalidInput (seats) or RuleViolation election.candidates_exceed_seats_20_percent.");
    m.def("has_majority", &has_majority, py::arg("votes_for"), py::arg("voters_present"),
          "True when the votes exceed half of the voters present (election.elected_over_half_present).");
    m.def(
        "count_round",
        [](py::handle counts, py::handle tallies) {
            return count_round(record_from_python<round_counts>(counts),
                               load<std::vector<candidate_tally>>(tallies, "tallies"));
        },
        py::arg("counts"), py::arg("tallies"),
        "Counts a round: a RoundResult. Void when more ballots came back than were issued "
        "(election.ballots_not_exceeding_issued); ties at the last seat go to a further round. Raises "
        "InvalidInput naming the count.");
    m.def("extension_allowed", &extension_allowed, py::arg("term_ends"), py::arg("held_on"),
          "True when an election on held_on is at most a year after the term's end "
          "(election.term_extension_within_1_year).");
    m.def(
        "require_term_change", [](py::handle c) { require_term_change(record_from_python<term_change>(c)); },
        py::arg("change"),
        "Raises RuleViolation election.term_change_approved or election.term_extension_within_1_year.");
    m.def("delegates_meeting_allowed", &delegates_meeting_allowed, py::arg("members"), py::arg("dispersed"),
          "True when a delegates' meeting may elect: 500 members or more, or dispersed "
          "(election.delegates_meeting_500).");
    m.def("require_meeting_form", &require_meeting_form, py::arg("meeting"), py::arg("members"),
          py::arg("dispersed"), "Raises RuleViolation election.delegates_meeting_500.");
    m.def(
        "may_vote_and_stand",
        [](py::handle s) { return may_vote_and_stand(record_from_python<electoral_standing>(s)); },
        py::arg("standing"), "True when the member votes and may stand (election.full_members_only).");
    m.def(
        "require_may_stand",
        [](py::handle s, std::string_view who) {
            require_may_stand(record_from_python<electoral_standing>(s), who);
        },
        py::arg("standing"), py::arg("who") = "", "Raises RuleViolation election.full_members_only.");

    // ---- the case (pure rules)
    m.def(
        "election_record_kind",
        [](py::handle rec) { return std::string(kind_name(load<election_record>(rec, "record"))); },
        py::arg("record"), "The kind code of an election record, e.g. 'meeting_held'.");
    m.def(
        "check_election_record",
        [](election_case const& c, py::handle next, py::handle context, rule_set const& rules) {
            check_record(c, load<election_record>(next, "record"), context_arg(context), rules);
        },
        py::arg("case"), py::arg("record"), py::arg("context"), py::arg("rules") = national,
        "Checks that a record may follow the case's, given the facts `context` (ElectionContext or a "
        "mapping). Changes nothing. Raises InvalidInput (.field) or RuleViolation election.*.");
    m.def("election_state_of", &election_state_of, py::arg("case"), "The ElectionState after all records.");
    m.def("election_state_on", &election_state_on, py::arg("case"), py::arg("d"),
          "The ElectionState on d (records dated after d ignored).");
    m.def("elected_leadership", &elected_leadership, py::arg("state"),
          "The leadership an election produced (Officer list): the secretary, the deputies, then the other "
          "committee members; empty before the secretary is elected.");
    m.def(
        "election_agenda",
        [](election_case const& c, date::sys_days as_of) {
            return record_table<agenda_item>(election_agenda(c, as_of));
        },
        py::arg("case"), py::arg("as_of"),
        "Agenda items of an election: election.request_pending, election.result_to_report, "
        "election.secretary_approval_pending, election.overdue, election.extension_overdue.");
    m.def(
        "election_completion_of",
        [](py::handle terms, int year, date::sys_days as_of) {
            auto const list = record_rows<term_and_election>(terms, "terms");
            return election_completion_of(list, year, as_of);
        },
        py::arg("terms"), py::arg("year"), py::arg("as_of"),
        "Counts the terms (TermAndElection records or mappings) ending in year as on as_of: an "
        "ElectionCompletion.");
    m.def(
        "election_flow_chart", [] { return to_mermaid(election_flow_chart()); },
        "The flow chart (流程图) of the election procedure, from its transition table, as Mermaid text.");

    // ---- Store
    using h = store_handle;
    auto cls = existing_class<h>(m, "Store");
    def_command(cls, "open_election", &open_election, py::arg("org"), py::arg("request") = py::none(),
                py::pos_only(), py::kw_only(), py::arg("why") = "",
                "Opens the election of org for its current term with its request (an ElectionRequested, a "
                "mapping, or keywords date=, seats=, planned_on=, document=, note=). Returns the ElectionId. "
                "Raises NotFound, InvalidInput (org, seats, planned_on, document), Conflict (an election not "
                "yet completed), RuleViolation record.not_in_future.");
    def_command(cls, "record_election", &record_election, py::arg("election"), py::arg("record") = py::none(),
                py::pos_only(), py::kw_only(), py::arg("why") = "",
                "Appends an election record: any of the record classes (MeetingHeld …), or a mapping, or "
                "keywords, with kind= naming it (code, ElectionRecordKind or Chinese name). Candidates and "
                "nominees are checked against the roster on the record's date. SecretaryApproved installs "
                "the new leadership and the term start in the same transaction. Raises InvalidInput "
                "(.field), RuleViolation (election.*, org.*, record.not_in_future), Conflict, NotFound.");
    def_command(cls, "get_election", &get_election, py::arg("election"),
                "The ElectionCase, replayed from its records (NotFound otherwise).");
    def_command<as_table>(cls, "elections", &elections, py::arg("scope") = py::none(),
                          "The elections of the organisations in scope, as an Elections table.");
    def_command(
        cls, "election_completion",
        [](store const& s, int year, date::sys_days as_of, scope const& sc) {
            return election_completion_on(s, sc, year, as_of);
        },
        py::arg("year"), py::arg("as_of"), py::arg("scope") = py::none(),
        "The completion of elections (换届完成率) of the organisations in scope whose terms end in year, as "
        "on as_of: an ElectionCompletion.");
}

}  // namespace dangyuan::python
