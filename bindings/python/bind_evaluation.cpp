// Democratic evaluation (民主评议党员) and the disposition of unqualified members (不合格党员组织处置):
// grades and ballots (evaluation/ballot.hpp), campaign records and their rules (campaign.hpp,
// grade_decision.hpp), disposition files (disposition.hpp), their agenda (evaluation_agenda.hpp), and
// the store operations of storage/evaluation_store.hpp as methods of Store.
//
// A campaign record is a std::variant in C++: each kind is its own Python class (PhaseStarted,
// GradeDecided …), and wherever a record is taken, any of them is accepted — or a mapping whose "kind"
// names the kind ("grade_decided") and whose other items are its fields. Disposition records likewise.

#include <array>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "command.hpp"
#include "dangyuan/evaluation/ballot.hpp"
#include "dangyuan/evaluation/campaign.hpp"
#include "dangyuan/evaluation/disposition.hpp"
#include "dangyuan/evaluation/evaluation_agenda.hpp"
#include "dangyuan/evaluation/grade_decision.hpp"
#include "dangyuan/storage/evaluation_store.hpp"
#include "domains.hpp"

namespace dangyuan::python {

DANGYUAN_PY_RECORD(ballot, "Ballot");
DANGYUAN_PY_RECORD(grade_tally, "GradeTally");
DANGYUAN_PY_RECORD(identified_choice, "IdentifiedChoice");
DANGYUAN_PY_RECORD(share_rule, "ShareRule");
DANGYUAN_PY_RECORD(score_band, "ScoreBand");
DANGYUAN_PY_RECORD(aggregation_profile, "AggregationProfile");
DANGYUAN_PY_RECORD(share_limit, "ShareLimit");
DANGYUAN_PY_RECORD(participant, "Participant");
DANGYUAN_PY_RECORD(phase_started, "PhaseStarted");
DANGYUAN_PY_RECORD(participants_added, "ParticipantsAdded");
DANGYUAN_PY_RECORD(exemption_approved, "ExemptionApproved");
DANGYUAN_PY_RECORD(self_assessment_submitted, "SelfAssessmentSubmitted");
DANGYUAN_PY_RECORD(non_member_opinion, "NonMemberOpinion");
DANGYUAN_PY_RECORD(ballots_counted, "BallotsCounted");
DANGYUAN_PY_RECORD(grade_proposed, "GradeProposed");
DANGYUAN_PY_RECORD(member_informed, "MemberInformed");
DANGYUAN_PY_RECORD(grade_decided, "GradeDecided");
DANGYUAN_PY_RECORD(result_sent, "ResultSent");
DANGYUAN_PY_RECORD(result_received, "ResultReceived");
DANGYUAN_PY_RECORD(follow_up, "FollowUp");
DANGYUAN_PY_RECORD(final_grade, "FinalGrade");
DANGYUAN_PY_RECORD(campaign, "Campaign");
DANGYUAN_PY_RECORD(participant_state, "ParticipantState");
DANGYUAN_PY_RECORD(campaign_summary, "CampaignSummary");
DANGYUAN_PY_RECORD(grade_distribution, "GradeDistribution");
DANGYUAN_PY_RECORD(low_grade_follow_up, "LowGradeFollowUp");
DANGYUAN_PY_RECORD(disposition_opened, "DispositionOpened");
DANGYUAN_PY_RECORD(prior_filed, "PriorFiled");
DANGYUAN_PY_RECORD(investigated, "Investigated");
DANGYUAN_PY_RECORD(talker, "Talker");
DANGYUAN_PY_RECORD(talk_held, "TalkHeld");
DANGYUAN_PY_RECORD(branch_meeting_voted, "BranchMeetingVoted");
DANGYUAN_PY_RECORD(disposition_approved, "DispositionApproved");
DANGYUAN_PY_RECORD(correction_reviewed, "CorrectionReviewed");
DANGYUAN_PY_RECORD(persuasion_answered, "PersuasionAnswered");
DANGYUAN_PY_RECORD(disposition_dropped, "DispositionDropped");
DANGYUAN_PY_RECORD(disposition_file, "DispositionFile");
DANGYUAN_PY_RECORD(disposition_state, "DispositionState");
DANGYUAN_PY_RECORD(disposition_overview, "DispositionOverview");

DANGYUAN_PY_TABLE(campaign_summary, "Campaigns");
DANGYUAN_PY_TABLE(grade_distribution, "GradeDistributions");
DANGYUAN_PY_TABLE(low_grade_follow_up, "LowGradeFollowUps");
DANGYUAN_PY_TABLE(final_grade, "FinalGrades");
DANGYUAN_PY_TABLE(disposition_overview, "DispositionOverviews");

DANGYUAN_PY_VARIANT(campaign_record, campaign_record_kinds, "campaign record");
DANGYUAN_PY_VARIANT(disposition_record, disposition_record_kinds, "disposition record");

// ---- records

#define F(T, x) DANGYUAN_PY_FIELD(T, x)
#define R(T, x) DANGYUAN_PY_REQUIRED(T, x)

namespace {
// A field of GradeTally: the count of one grade.
template <grade G>
field_spec<grade_tally> tally_field(char const* name) {
    return field_spec<grade_tally>{
        name,
        [](grade_tally const& t) -> py::object { return py::int_(t[G]); },
        [](grade_tally& t, py::handle v, char const* n) -> bool {
            if (is_missing(v)) return false;
            t.counts[static_cast<std::size_t>(G)] = load<int>(v, n);
            return true;
        },
        false,
        false,
    };
}
}  // namespace

DANGYUAN_PY_FIELDS(ballot, R(ballot, evaluator), R(ballot, member), R(ballot, choice))
DANGYUAN_PY_FIELDS(grade_tally, tally_field<grade::excellent>("excellent"),
                   tally_field<grade::qualified>("qualified"),
                   tally_field<grade::basically_qualified>("basically_qualified"),
                   tally_field<grade::unqualified>("unqualified"))
DANGYUAN_PY_FIELDS(identified_choice, R(identified_choice, evaluator), F(identified_choice, choice))
DANGYUAN_PY_FIELDS(share_rule, F(share_rule, suggested), F(share_rule, counted), F(share_rule, span),
                   F(share_rule, numerator), F(share_rule, denominator), F(share_rule, strict))
DANGYUAN_PY_FIELDS(score_band, F(score_band, min_average), F(score_band, suggested))
DANGYUAN_PY_FIELDS(aggregation_profile, F(aggregation_profile, name), F(aggregation_profile, share_rules),
                   F(aggregation_profile, weights), F(aggregation_profile, score_bands))
DANGYUAN_PY_FIELDS(share_limit, F(share_limit, numerator), F(share_limit, denominator))
DANGYUAN_PY_FIELDS(participant, R(participant, member), F(participant, name), F(participant, status),
                   F(participant, relationship_in))
DANGYUAN_PY_FIELDS(phase_started, R(phase_started, date), R(phase_started, phase),
                   F(phase_started, by_party_groups))
DANGYUAN_PY_FIELDS(participants_added, R(participants_added, date), F(participants_added, participants))
DANGYUAN_PY_FIELDS(exemption_approved, R(exemption_approved, date), R(exemption_approved, member),
                   R(exemption_approved, reason), F(exemption_approved, approved_by),
                   F(exemption_approved, away_since), F(exemption_approved, note))
DANGYUAN_PY_FIELDS(self_assessment_submitted, R(self_assessment_submitted, date),
                   R(self_assessment_submitted, member), F(self_assessment_submitted, summary))
DANGYUAN_PY_FIELDS(non_member_opinion, R(non_member_opinion, date), F(non_member_opinion, about),
                   F(non_member_opinion, source), F(non_member_opinion, summary))
DANGYUAN_PY_FIELDS(ballots_counted, R(ballots_counted, date), R(ballots_counted, member),
                   F(ballots_counted, voters), F(ballots_counted, tally), F(ballots_counted, choices))
DANGYUAN_PY_FIELDS(grade_proposed, R(grade_proposed, date), R(grade_proposed, member),
                   R(grade_proposed, proposed), F(grade_proposed, basis))
DANGYUAN_PY_FIELDS(member_informed, R(member_informed, date), R(member_informed, member),
                   F(member_informed, by))
DANGYUAN_PY_FIELDS(grade_decided, R(grade_decided, date), R(grade_decided, member), R(grade_decided, decided),
                   F(grade_decided, by), F(grade_decided, vote), F(grade_decided, over_cap_reason))
DANGYUAN_PY_FIELDS(result_sent, R(result_sent, date), R(result_sent, member), R(result_sent, to))
DANGYUAN_PY_FIELDS(result_received, R(result_received, date), R(result_received, member),
                   field<&result_received::from>("from_", true), R(result_received, received))
DANGYUAN_PY_FIELDS(follow_up, R(follow_up, date), R(follow_up, member), R(follow_up, kind),
                   F(follow_up, note))
DANGYUAN_PY_FIELDS(final_grade, F(final_grade, member), F(final_grade, year), F(final_grade, org),
                   F(final_grade, decided), F(final_grade, date))
DANGYUAN_PY_FIELDS(campaign, F(campaign, id), F(campaign, org), F(campaign, org_name), F(campaign, year),
                   F(campaign, rule_set_name), F(campaign, records))
DANGYUAN_PY_FIELDS(participant_state, F(participant_state, who), F(participant_state, exempted),
                   F(participant_state, self_assessed_on), F(participant_state, voters),
                   F(participant_state, tally), F(participant_state, choices), F(participant_state, proposed),
                   F(participant_state, proposed_on), F(participant_state, informed),
                   F(participant_state, final), F(participant_state, graded_by),
                   F(participant_state, graded_on), F(participant_state, result_sent),
                   F(participant_state, follow_ups), F(participant_state, non_member_opinions))
DANGYUAN_PY_FIELDS(campaign_summary, F(campaign_summary, id), F(campaign_summary, org),
                   F(campaign_summary, org_name), F(campaign_summary, year),
                   F(campaign_summary, rule_set_name), F(campaign_summary, phase), F(campaign_summary, began),
                   F(campaign_summary, closed_on))
DANGYUAN_PY_FIELDS(grade_distribution, F(grade_distribution, campaign), F(grade_distribution, org),
                   F(grade_distribution, org_name), F(grade_distribution, year),
                   F(grade_distribution, counts), F(grade_distribution, denominator),
                   F(grade_distribution, excellent_cap), F(grade_distribution, excellent_share),
                   F(grade_distribution, probationary), F(grade_distribution, exempted),
                   F(grade_distribution, pending), F(grade_distribution, graded_for_others),
                   F(grade_distribution, phase))
DANGYUAN_PY_FIELDS(disposition_opened, R(disposition_opened, date), R(disposition_opened, matter),
                   R(disposition_opened, ground), F(disposition_opened, form), F(disposition_opened, status),
                   F(disposition_opened, proposed_by), F(disposition_opened, campaign),
                   F(disposition_opened, already_disciplined))
DANGYUAN_PY_FIELDS(prior_filed, R(prior_filed, date), R(prior_filed, matter), F(prior_filed, filed_with))
DANGYUAN_PY_FIELDS(investigated, R(investigated, date), R(investigated, matter), F(investigated, findings))
DANGYUAN_PY_FIELDS(talker, R(talker, member), F(talker, status))
DANGYUAN_PY_FIELDS(talk_held, R(talk_held, date), R(talk_held, matter), F(talk_held, talkers),
                   F(talk_held, note))
DANGYUAN_PY_FIELDS(branch_meeting_voted, R(branch_meeting_voted, date), R(branch_meeting_voted, matter),
                   R(branch_meeting_voted, vote))
DANGYUAN_PY_FIELDS(disposition_approved, R(disposition_approved, date), R(disposition_approved, matter),
                   F(disposition_approved, approved_by), F(disposition_approved, correct_until))
DANGYUAN_PY_FIELDS(correction_reviewed, R(correction_reviewed, date), R(correction_reviewed, matter),
                   F(correction_reviewed, corrected), F(correction_reviewed, note))
DANGYUAN_PY_FIELDS(persuasion_answered, R(persuasion_answered, date), R(persuasion_answered, matter),
                   F(persuasion_answered, withdrew))
DANGYUAN_PY_FIELDS(disposition_dropped, R(disposition_dropped, date), R(disposition_dropped, matter),
                   F(disposition_dropped, reason))
DANGYUAN_PY_FIELDS(disposition_file, F(disposition_file, member), F(disposition_file, member_name),
                   F(disposition_file, org), F(disposition_file, rule_set_name), F(disposition_file, records))
DANGYUAN_PY_FIELDS(disposition_state, F(disposition_state, matter), F(disposition_state, ground),
                   F(disposition_state, form), F(disposition_state, opened), F(disposition_state, filed),
                   F(disposition_state, investigated_on), F(disposition_state, talked),
                   F(disposition_state, voted), F(disposition_state, approved),
                   F(disposition_state, correct_until), F(disposition_state, concluded),
                   F(disposition_state, vote), F(disposition_state, outcome))
DANGYUAN_PY_FIELDS(disposition_overview, F(disposition_overview, member),
                   F(disposition_overview, member_name), F(disposition_overview, org),
                   F(disposition_overview, state), F(disposition_overview, deadline),
                   F(disposition_overview, next_step))

// low_grade_follow_up has a field named `final`, which is fine in C++ (a contextual keyword) and in
// Python.
DANGYUAN_PY_FIELDS(low_grade_follow_up, F(low_grade_follow_up, campaign), F(low_grade_follow_up, org),
                   F(low_grade_follow_up, year), F(low_grade_follow_up, member), F(low_grade_follow_up, name),
                   F(low_grade_follow_up, final), F(low_grade_follow_up, graded_by),
                   F(low_grade_follow_up, graded_on), F(low_grade_follow_up, follow_ups),
                   F(low_grade_follow_up, followed_up), F(low_grade_follow_up, dispositions))

#undef F
#undef R

// ---- tables

void table_spec<campaign_summary>::columns(column_builder<campaign_summary>& b) {
    using r = campaign_summary;
    b.integer("id", [](r const& x) { return x.id.value(); });
    b.integer("org", [](r const& x) { return x.org.value(); });
    b.text(
        "org_name", [](r const& x) -> std::string const& { return x.org_name; }, true);
    b.integer("year", [](r const& x) { return x.year; });
    b.text(
        "rule_set_name", [](r const& x) -> std::string const& { return x.rule_set_name; }, true);
    b.category<campaign_phase>("phase", [](r const& x) { return x.phase; });
    b.dates("began", [](r const& x) { return x.began; });
    b.dates("closed_on", [](r const& x) { return x.closed_on; });
}

void table_spec<grade_distribution>::columns(column_builder<grade_distribution>& b) {
    using r = grade_distribution;
    b.integer("campaign", [](r const& x) { return x.campaign.value(); });
    b.integer("org", [](r const& x) { return x.org.value(); });
    b.text(
        "org_name", [](r const& x) -> std::string const& { return x.org_name; }, true);
    b.integer("year", [](r const& x) { return x.year; });
    b.category<campaign_phase>("phase", [](r const& x) { return x.phase; });
    b.integer("excellent", [](r const& x) { return x[grade::excellent]; });
    b.integer("qualified", [](r const& x) { return x[grade::qualified]; });
    b.integer("basically_qualified", [](r const& x) { return x[grade::basically_qualified]; });
    b.integer("unqualified", [](r const& x) { return x[grade::unqualified]; });
    b.integer("graded", [](r const& x) { return x.graded(); });
    b.integer("denominator", [](r const& x) { return x.denominator; });
    b.integer("excellent_cap", [](r const& x) { return x.excellent_cap; });
    b.real("excellent_share", [](r const& x) { return x.excellent_share; });
    b.integer("probationary", [](r const& x) { return x.probationary; });
    b.integer("exempted", [](r const& x) { return x.exempted; });
    b.integer("pending", [](r const& x) { return x.pending; });
    b.integer("graded_for_others", [](r const& x) { return x.graded_for_others; });
}

void table_spec<low_grade_follow_up>::columns(column_builder<low_grade_follow_up>& b) {
    using r = low_grade_follow_up;
    b.integer("campaign", [](r const& x) { return x.campaign.value(); });
    b.integer("org", [](r const& x) { return x.org.value(); });
    b.integer("year", [](r const& x) { return x.year; });
    b.integer("member", [](r const& x) { return x.member.value(); });
    b.text("name", [](r const& x) -> std::string const& { return x.name; });
    b.category<grade>("final", [](r const& x) { return x.final; });
    b.integer("graded_by", [](r const& x) { return x.graded_by.value(); });
    b.dates("graded_on", [](r const& x) { return x.graded_on; });
    b.integer("follow_ups", [](r const& x) { return x.follow_ups.size(); });
    b.boolean("followed_up", [](r const& x) { return x.followed_up; });
    b.integer("dispositions", [](r const& x) { return x.dispositions.size(); });
}

void table_spec<final_grade>::columns(column_builder<final_grade>& b) {
    using r = final_grade;
    b.integer("member", [](r const& x) { return x.member.value(); });
    b.integer("year", [](r const& x) { return x.year; });
    b.integer("org", [](r const& x) { return x.org.value(); });
    b.category<grade>("decided", [](r const& x) { return x.decided; });
    b.dates("date", [](r const& x) { return x.date; });
}

void table_spec<disposition_overview>::columns(column_builder<disposition_overview>& b) {
    using r = disposition_overview;
    b.integer("member", [](r const& x) { return x.member.value(); });
    b.text("member_name", [](r const& x) -> std::string const& { return x.member_name; });
    b.integer("org", [](r const& x) { return x.org.value(); });
    b.text("matter", [](r const& x) -> std::string const& { return x.state.matter; });
    b.category<disposition_ground>("ground", [](r const& x) { return x.state.ground; });
    b.category<disposition_form>("form", [](r const& x) { return x.state.form; });
    b.category<disposition_outcome>("outcome", [](r const& x) { return x.state.outcome; });
    b.dates("opened", [](r const& x) { return x.state.opened; });
    b.dates("approved", [](r const& x) { return x.state.approved; });
    b.dates("concluded", [](r const& x) { return x.state.concluded; });
    b.dates("deadline", [](r const& x) { return x.deadline; });
    b.text(
        "next_step", [](r const& x) -> std::string const& { return x.next_step; }, true);
}

namespace {

std::vector<final_grade> grades_arg(py::handle elsewhere) {
    return load<std::vector<final_grade>>(elsewhere, "elsewhere");
}

}  // namespace

void bind_evaluation(py::module_& m) {
    auto const national = rule_set::national_2014();

    // ---- enums
    bind_enum<campaign_phase>(m, "The steps of a campaign, in their legal order (eval.phase_order).");
    bind_enum<exemption_reason>(m, "Why a member is left out of the evaluation (eval.exemption_reasons).")
        .def_property_readonly("needs_absence", &needs_absence,
                               "True for the categories defined by an absence of more than 6 months.");
    bind_enum<grade>(m, "The grades, best first: 优秀, 合格, 基本合格, 不合格.");
    bind_enum<grade_span>(m, "Which ballots a share rule counts, relative to its grade.");
    bind_enum<decision_body>(m, "The body that decided a grade.");
    bind_enum<follow_up_kind>(m, "How a grade is followed up in 表彰和处理 (eval.follow_up).")
        .def(
            "fits", [](follow_up_kind k, grade g) { return follow_up_fits(g, k); }, py::arg("grade"),
            "True when this follow-up answers grade g.");
    bind_enum<disposition_form>(m, "The three forms of disposition: 限期改正, 劝其退党, 除名.");
    bind_enum<disposition_ground>(
        m, "The grounds of the 2024 measures; each leads to one form (disposition.grounds).")
        .def_property_readonly(
            "form", [](disposition_ground g) { return row_of(g).form; }, "The form the ground leads to.")
        .def_property_readonly(
            "follows", [](disposition_ground g) { return row_of(g).follows; },
            "For follow-up grounds, the form of the earlier disposition; else None.")
        .def_property_readonly(
            "exit_kind", [](disposition_ground g) { return row_of(g).exit_kind; },
            "The standing event when the form ends membership, else None.");
    bind_enum<disposition_outcome>(m, "Where one disposition stands.");

    // ---- records
    record_class<ballot>(m, "One evaluator's choice for one member (an input, never stored as such).");
    record_class<grade_tally>(m, "Ballots per grade: excellent, qualified, basically_qualified, unqualified.")
        .def("total", &grade_tally::total, "All ballots counted.")
        .def(
            "__getitem__", [](grade_tally const& t, grade g) { return t[g]; }, py::arg("grade"));
    record_class<identified_choice>(
        m, "An evaluator's choice, kept only when the rule set keeps ballot identity.");
    record_class<share_rule>(m, "One row of a share table of an aggregation profile.");
    record_class<score_band>(m, "One row of a score table of an aggregation profile.");
    record_class<aggregation_profile>(
        m, "How a tally becomes a suggested grade: share_rules, weights (4 ints), score_bands.");
    record_class<share_limit>(m, "A share as a fraction: numerator / denominator.");
    record_class<participant>(
        m,
        "A member taking part in a campaign: member, name, status, relationship_in (OrgId of a mobile "
        "member's home organisation, else None).");
    record_class<phase_started>(m, "Campaign record: a step begins (eval.phase_order).");
    record_class<participants_added>(m, "Campaign record: members join the roll.");
    record_class<exemption_approved>(m, "Campaign record: a member is exempted (eval.exemption_reasons).");
    record_class<self_assessment_submitted>(
        m, "Campaign record: a written self-assessment (党性分析) was handed in.");
    record_class<non_member_opinion>(m, "Campaign record: opinions of non-members.");
    record_class<ballots_counted>(
        m, "Campaign record: the ballots of one sitting counted for one member (voters and tally only).");
    record_class<grade_proposed>(m, "Campaign record: the committee proposes a grade.");
    record_class<member_informed>(m, "Campaign record: the proposal was conveyed to the member (反馈本人).");
    record_class<grade_decided>(m,
                                "Campaign record: the final grade of a member (by, vote, over_cap_reason).");
    record_class<result_sent>(
        m, "Campaign record (host side): a mobile member's grade sent to the home organisation `to`.");
    record_class<result_received>(
        m,
        "Campaign record (home side): the grade decided by organisation from_ (`from` is a Python "
        "keyword) was received.");
    record_class<follow_up>(m, "Campaign record: a graded member was followed up.");
    record_class<final_grade>(m, "A member's grade for a year as decided by one organisation.");
    auto camp = record_class<campaign>(
        m,
        "A campaign of one organisation for one year: id, org, org_name, year, rule_set_name, "
        "records (each of its record classes).");
    record_class<participant_state>(m, "What a campaign knows about one participant.")
        .def("relationship_here", &participant_state::relationship_here)
        .def("gradable", &participant_state::gradable);
    record_class<campaign_summary>(m, "One line of Store.campaigns().");
    record_class<grade_distribution>(
        m, "The grade distribution of one campaign; counts is indexed like Grade.all().")
        .def("graded", &grade_distribution::graded)
        .def(
            "__getitem__", [](grade_distribution const& d, grade g) { return d[g]; }, py::arg("grade"));
    record_class<low_grade_follow_up>(m, "A member graded 基本合格 or 不合格 and what followed.");
    record_class<disposition_opened>(
        m, "Disposition record: the branch committee proposes a disposition of a matter.");
    record_class<prior_filed>(m, "Disposition record: filed in advance (事前备案).");
    record_class<investigated>(m, "Disposition record: investigated (调查核实).");
    record_class<talker>(m, "A member holding the talk, with the status on its date.");
    record_class<talk_held>(m, "Disposition record: the talk with the member (谈话).");
    record_class<branch_meeting_voted>(m, "Disposition record: the branch meeting's vote.");
    record_class<disposition_approved>(
        m, "Disposition record: approved (correct_until for 限期改正, None for the default period).");
    record_class<correction_reviewed>(m, "Disposition record: the end of a correction period reviewed.");
    record_class<persuasion_answered>(m,
                                      "Disposition record: the member answered the persuasion to withdraw.");
    record_class<disposition_dropped>(m, "Disposition record: dropped before approval (reason required).");
    auto file = record_class<disposition_file>(
        m, "The dispositions of one member: member, member_name, org, rule_set_name, records.");
    record_class<disposition_state>(m, "One disposition of a member (derived).")
        .def("open", &disposition_state::open, "True while the matter is under disposition.")
        .def("exited", &disposition_state::exited, "True when the disposition ended the membership.");
    record_class<disposition_overview>(
        m, "One disposition with its deadline: member, member_name, org, state, deadline, next_step.");

    output_class<campaign_state>(m, "CampaignState", "The state of a campaign on a date (derived).")
        .def_readonly("phase", &campaign_state::phase)
        .def_readonly("phase_dates", &campaign_state::phase_dates,
                      "Start of each step, indexed like CampaignPhase.all().")
        .def_readonly("by_party_groups", &campaign_state::by_party_groups)
        .def_readonly("last_date", &campaign_state::last_date)
        .def_readonly("participants", &campaign_state::participants, "A dict MemberId -> ParticipantState.")
        .def("full_members_here", &campaign_state::full_members_here,
             "The denominator of the 优秀 share (eval.excellent_share_cap).")
        .def("excellent_here", &campaign_state::excellent_here)
        .def(
            "find",
            [](campaign_state const& s, member_id id) -> std::optional<participant_state> {
                auto const* p = s.find(id);
                if (!p) return std::nullopt;
                return *p;
            },
            py::arg("member"), "The ParticipantState of a member, or None.");

    // Methods whose signatures mention classes registered above.
    camp.def(
            "record",
            [](campaign& c, py::handle source, rule_set const& rules, py::handle elsewhere,
               py::kwargs const& kw) {
                record(c, variant_record<campaign_record>(source, kw), rules, grades_arg(elsewhere));
            },
            py::arg("record") = py::none(), py::pos_only(), py::kw_only(), py::arg("rules") = national,
            py::arg("elsewhere") = py::list(),
            "Checks a record (check_campaign_record) and appends it to this campaign object.")
        .def("state_on", &campaign_state_on, py::arg("d"), "The CampaignState on d.")
        .def_property_readonly("state", &campaign_state_of, "The CampaignState after all records.");
    file.def(
            "record",
            [](disposition_file& f, py::handle source, rule_set const& rules, py::kwargs const& kw) {
                record(f, variant_record<disposition_record>(source, kw), rules);
            },
            py::arg("record") = py::none(), py::pos_only(), py::kw_only(), py::arg("rules") = national,
            "Checks a record (check_disposition_record) and appends it to this file object.")
        .def(
            "dispositions_on",
            [](disposition_file const& f, date::sys_days d, rule_set const& rules) {
                return dispositions_on(f, d, rules);
            },
            py::arg("d"), py::arg("rules") = national, "The DispositionStates on d, in opening order.");

    register_table<campaign_summary>(
        m, "Campaigns, one row each: id, org, org_name, year, rule_set_name, phase, began, closed_on.");
    register_table<grade_distribution>(
        m,
        "Grade distributions, one row per campaign: campaign, org, org_name, year, phase, excellent, "
        "qualified, basically_qualified, unqualified, graded, denominator, excellent_cap, excellent_share, "
        "probationary, exempted, pending, graded_for_others.");
    register_table<low_grade_follow_up>(
        m,
        "Members graded 基本合格 or 不合格: campaign, org, year, member, name, final, graded_by, graded_on, "
        "follow_ups (count), followed_up, dispositions (count).");
    register_table<final_grade>(m, "Grades decided: member, year, org, decided, date.");
    register_table<disposition_overview>(
        m,
        "Dispositions with their deadlines: member, member_name, org, matter, ground, form, outcome, "
        "opened, approved, concluded, deadline, next_step.");

    // ---- pure rules
    m.def(
        "count_ballots",
        [](py::handle ballots, date::sys_days d, rule_set const& rules) {
            auto const list = record_rows<ballot>(ballots, "ballots");
            return count_ballots(list, d, rules);
        },
        py::arg("ballots"), py::arg("date"), py::arg("rules") = national,
        "Counts a sitting's ballots: one BallotsCounted per member, evaluator choices only when the rule set "
        "keeps ballot identity.");
    m.def(
        "validate_ballots_counted",
        [](py::handle rec, rule_set const& rules) {
            validate_ballots_counted(record_from_python<ballots_counted>(rec), rules);
        },
        py::arg("record"), py::arg("rules") = national,
        "Checks a count on its own. Raises InvalidInput or RuleViolation eval.one_ballot_per_evaluator.");
    m.def("validate_profile", &validate_profile, py::arg("profile"),
          "Raises InvalidInput for a malformed profile.");
    m.def("suggest_grade", &suggest_grade, py::arg("tally"), py::arg("profile") = aggregation_profile{},
          "The grade a profile suggests for a tally, or None.");
    m.def("excellent_cap", &excellent_cap, py::arg("full_members"), py::arg("rules") = national,
          "The largest number of 优秀 within the share cap (eval.excellent_share_cap).");
    m.def("check_excellent_share", &check_excellent_share, py::arg("excellent"), py::arg("full_members"),
          py::arg("reason") = "", py::arg("rules") = national,
          "Raises RuleViolation eval.excellent_share_cap when over the cap (a soft cap accepts a reason).");
    m.def(
        "campaign_record_kind",
        [](py::handle rec) { return std::string(kind_name(load<campaign_record>(rec, "record"))); },
        py::arg("record"), "The kind name of a campaign record, e.g. 'grade_decided'.");
    m.def(
        "disposition_record_kind",
        [](py::handle rec) { return std::string(kind_name(load<disposition_record>(rec, "record"))); },
        py::arg("record"), "The kind name of a disposition record, e.g. 'talk_held'.");
    m.def(
        "check_campaign_record",
        [](campaign const& c, py::handle next, rule_set const& rules, py::handle elsewhere) {
            check_campaign_record(c, load<campaign_record>(next, "record"), rules, grades_arg(elsewhere));
        },
        py::arg("campaign"), py::arg("record"), py::arg("rules") = national,
        py::arg("elsewhere") = py::list(),
        "Checks that a record may follow the campaign's. Raises InvalidInput or RuleViolation eval.*, "
        "vote.*.");
    m.def("campaign_state_on", &campaign_state_on, py::arg("campaign"), py::arg("d"),
          "The CampaignState on d.");
    m.def("campaign_state_of", &campaign_state_of, py::arg("campaign"),
          "The CampaignState after all records.");
    m.def("final_grades", &final_grades, py::arg("campaign"),
          "The grades decided by the campaign's organisation.");
    m.def("suggested_grade", &suggested_grade, py::arg("state"), py::arg("member"), py::arg("profile"),
          "The grade a profile suggests from a member's tally so far, or None.");
    m.def(
        "campaign_agenda",
        [](campaign const& c, date::sys_days as_of, rule_set const& rules) {
            return record_table<agenda_item>(campaign_agenda(c, as_of, rules));
        },
        py::arg("campaign"), py::arg("as_of"), py::arg("rules") = national, "Agenda items of a campaign.");
    m.def(
        "check_disposition_record",
        [](disposition_file const& f, py::handle next, rule_set const& rules) {
            check_disposition_record(f, load<disposition_record>(next, "record"), rules);
        },
        py::arg("file"), py::arg("record"), py::arg("rules") = national,
        "Checks that a record may follow the file's. Raises InvalidInput or RuleViolation disposition.*, "
        "vote.*, standing.final_exits.");
    m.def(
        "dispositions_on",
        [](disposition_file const& f, date::sys_days d, rule_set const& rules) {
            return dispositions_on(f, d, rules);
        },
        py::arg("file"), py::arg("d"), py::arg("rules") = national, "The member's dispositions on d.");
    m.def("correction_deadline", &correction_deadline, py::arg("approved"), py::arg("rules") = national,
          "The last day of a default correction period approved on `approved` "
          "(disposition.correction_period).");
    m.def("standing_event_of", &standing_event_of, py::arg("state"), py::arg("decided_by") = "",
          "The StandingEvent a disposition produces (劝退, 除名), or None.");
    m.def(
        "standing_exit",
        [](disposition_file const& f, rule_set const& rules) { return standing_exit(f, rules); },
        py::arg("file"), py::arg("rules") = national, "The member's exit through a disposition, or None.");
    m.def(
        "readmission_barred_until",
        [](py::handle exit, rule_set const& rules) -> py::object {
            if (py::isinstance<disposition_file>(exit))
                return py::cast(readmission_barred_until(exit.cast<disposition_file const&>(), rules));
            if (py::isinstance<standing_event>(exit))
                return py::cast(readmission_barred_until(exit.cast<standing_event const&>(), rules));
            return py::cast(readmission_barred_until(load<date::sys_days>(exit, "exit"), rules));
        },
        py::arg("exit"), py::arg("rules") = national,
        "The last day a person who left is not re-admitted, the day before the 5th anniversary "
        "(disposition.readmission_bar_5_years): from an "
        "exit date, a StandingEvent (None for other events) or a DispositionFile (None without an exit).");
    m.def(
        "check_readmission",
        [](py::handle exit, date::sys_days application, rule_set const& rules) {
            check_readmission(record_from_python<standing_event>(exit), application, rules);
        },
        py::arg("exit"), py::arg("application_date"), py::arg("rules") = national,
        "Raises RuleViolation disposition.readmission_bar_5_years during the bar.");
    m.def(
        "disposition_agenda",
        [](disposition_file const& f, date::sys_days as_of, rule_set const& rules) {
            return record_table<agenda_item>(disposition_agenda(f, as_of, rules));
        },
        py::arg("file"), py::arg("as_of"), py::arg("rules") = national,
        "Agenda items of a disposition file.");
    m.def(
        "evaluation_agenda",
        [](py::handle campaigns, py::handle files, date::sys_days as_of, rule_set const& rules) {
            auto const cs = load<std::vector<campaign>>(campaigns, "campaigns");
            auto const fs = load<std::vector<disposition_file>>(files, "files");
            return record_table<agenda_item>(evaluation_agenda(cs, fs, as_of, rules));
        },
        py::arg("campaigns"), py::arg("files"), py::arg("as_of"), py::arg("rules") = national,
        "The items of several campaigns and disposition files, as an Agenda.");

    // ---- the parameter block
    auto params = existing_class<evaluation_params>(m, "EvaluationParams");
    std::vector<char const*> names;
#define DANGYUAN_PARAM(f)                            \
    params.def_readwrite(#f, &evaluation_params::f); \
    names.push_back(#f);
    DANGYUAN_PARAM(excellent_share_max)
    DANGYUAN_PARAM(excellent_cap_hard)
    DANGYUAN_PARAM(keep_ballot_identity)
    DANGYUAN_PARAM(exemption_absence_months)
    DANGYUAN_PARAM(correction_months_default)
    DANGYUAN_PARAM(correction_months_max)
    DANGYUAN_PARAM(disposition_talkers_min)
    DANGYUAN_PARAM(readmission_bar_years)
    DANGYUAN_PARAM(correction_review_notice_months)
#undef DANGYUAN_PARAM
    params_repr(params, "EvaluationParams", names);

    // ---- Store
    using h = store_handle;
    auto cls = existing_class<h>(m, "Store");
    def_command(cls, "open_campaign", &open_campaign, py::arg("org"), py::arg("year"),
                py::arg("study_begins"), py::kw_only(), py::arg("rule_set") = "", py::arg("why") = "",
                "Opens the campaign of a branch for a year, starting 学习教育 on study_begins. Returns the "
                "CampaignId. Raises NotFound, InvalidInput (org, year), Conflict (one campaign per org and "
                "year).");
    def_command(
        cls, "record_campaign", &record_campaign, py::arg("campaign"), py::arg("record") = py::none(),
        py::pos_only(), py::kw_only(), py::arg("why") = "",
        "Appends a campaign record: any of PhaseStarted, ParticipantsAdded, ExemptionApproved, "
        "SelfAssessmentSubmitted, NonMemberOpinion, BallotsCounted, GradeProposed, MemberInformed, "
        "GradeDecided, ResultSent, ResultReceived, FollowUp — or a mapping, or keywords, with kind= "
        "naming it. Raises InvalidInput (.field), RuleViolation (eval.*, vote.*), Conflict, NotFound.");
    cls.def(
        "record_ballots",
        [](h& s, campaign_id id, date::sys_days d, py::handle ballots, std::string const& why) {
            auto const list = record_rows<ballot>(ballots, "ballots");
            s.call([&](store& st) {
                record_ballots(st, id, d, list, why);
                return 0;
            });
        },
        py::arg("campaign"), py::arg("date"), py::arg("ballots"), py::arg("why") = "",
        "Counts a sitting's ballots (Ballot records, mappings or objects) and appends the counts, all or "
        "nothing; only counts and voters are stored. Raises RuleViolation eval.ballot_in_appraisal, "
        "eval.one_ballot_per_evaluator, eval.probationary_not_graded.");
    def_command(cls, "get_campaign", &get_campaign, py::arg("campaign"),
                "The Campaign, replayed (NotFound otherwise).");
    def_command(cls, "find_campaign", &find_campaign, py::arg("org"), py::arg("year"),
                "The CampaignId of org for year, or None.");
    def_command(cls, "participants_from_roster", &participants_from_roster, py::arg("org"), py::arg("on"),
                "The members of a branch on a date as a list of Participant (for ParticipantsAdded).");
    def_command<as_table>(cls, "campaigns", &campaigns, py::arg("scope") = py::none(),
                          py::arg("year") = py::none(), "The campaigns in scope, as a table.");
    def_command<as_table>(cls, "decided_grades", &decided_grades, py::arg("year"),
                          "Every grade decided in the store for a year, as a FinalGrades table.");
    def_command(cls, "grade_of", &grade_of, py::arg("member"), py::arg("year"),
                "The member's FinalGrade for a year, or None.");
    def_command<as_table>(cls, "grade_distributions", &grade_distributions, py::arg("scope") = py::none(),
                          py::arg("year") = py::none(),
                          "The grade distribution per campaign in scope, as a GradeDistributions table.");
    def_command<as_table>(
        cls, "low_grade_follow_ups", &low_grade_follow_ups, py::arg("scope") = py::none(),
        py::arg("year") = py::none(),
        "Members graded 基本合格 or 不合格 and their follow-up, as a LowGradeFollowUps table.");
    def_command(cls, "open_disposition", &open_disposition, py::arg("member"), py::arg("opened") = py::none(),
                py::pos_only(), py::kw_only(), py::arg("rule_set") = "", py::arg("why") = "",
                "Opens the disposition of a matter (a DispositionOpened or keywords date=, matter=, ground=, "
                "form=, status=, proposed_by=, campaign=). Raises RuleViolation disposition.*, "
                "standing.final_exits, InvalidInput, NotFound.");
    def_command(
        cls, "record_disposition", &record_disposition, py::arg("member"), py::arg("record") = py::none(),
        py::pos_only(), py::kw_only(), py::arg("why") = "",
        "Appends a disposition record (PriorFiled, Investigated, TalkHeld, BranchMeetingVoted, "
        "DispositionApproved, CorrectionReviewed, PersuasionAnswered, DispositionDropped, or a mapping "
        "or keywords with kind=). A 除名 or a withdrawal writes the standing event too. Raises "
        "RuleViolation disposition.*, vote.*, standing.*, InvalidInput, Conflict, NotFound.");
    def_command(cls, "get_disposition_file", &get_disposition_file, py::arg("member"),
                "The member's DispositionFile (NotFound when none).");
    def_command<as_table>(cls, "disposition_overviews", &disposition_overviews, py::arg("as_of"),
                          py::arg("scope") = py::none(), py::arg("open_only") = true,
                          "The dispositions of members in scope on as_of with their deadlines, as a table.");
}

}  // namespace dangyuan::python
