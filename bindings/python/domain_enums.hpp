#pragma once
/// \file
/// The enums of the domains (development, mobility, evaluation, life) as Python sees them (see
/// `enum_info` in common.hpp). Python names are the C++ enumerator names; class names are CamelCase.
/// Enums whose C++ side has no `to_string` use the enumerator name as their code.

#include <array>
#include <string_view>
#include <utility>

#include "common.hpp"
#include "dangyuan/development/case_agenda.hpp"
#include "dangyuan/development/steps.hpp"
#include "dangyuan/evaluation/ballot.hpp"
#include "dangyuan/evaluation/campaign.hpp"
#include "dangyuan/evaluation/disposition.hpp"
#include "dangyuan/evaluation/grade_decision.hpp"
#include "dangyuan/life/cadence.hpp"
#include "dangyuan/life/dues.hpp"
#include "dangyuan/life/meetings.hpp"
#include "dangyuan/life/training.hpp"
#include "dangyuan/mobility/certificate.hpp"
#include "dangyuan/mobility/episode.hpp"
#include "dangyuan/mobility/lost_contact.hpp"
#include "dangyuan/mobility/transfer.hpp"
#include "dangyuan/storage/mobility_store.hpp"

namespace dangyuan::python {

/// The Python (enumerator) name of `v`, for enums whose C++ side has no code of its own.
template <class E>
std::string_view enumerator_name(E v) {
    for (auto const& [value, name] : enum_info<E>::values)
        if (value == v) return name;
    return "?";
}

// clang-format off
/// An `enum_info` with the C++ `to_string` as code and `chinese_name`.
#define DANGYUAN_PY_NAMED_ENUM(E, name, fld, ...)                                           \
    template <>                                                                             \
    struct enum_info<E> {                                                                   \
        static constexpr char const* python_name = name;                                   \
        static constexpr char const* field = fld;                                          \
        static constexpr std::array values{__VA_ARGS__};                                   \
        static std::string_view code(E v) { return to_string(v); }                         \
        static std::string_view chinese(E v) { return chinese_name(v); }                   \
    }
/// The same with the C++ parse function.
#define DANGYUAN_PY_PARSED_ENUM(E, name, fld, parser, ...)                                  \
    template <>                                                                             \
    struct enum_info<E> {                                                                   \
        static constexpr char const* python_name = name;                                   \
        static constexpr char const* field = fld;                                          \
        static constexpr std::array values{__VA_ARGS__};                                   \
        static std::string_view code(E v) { return to_string(v); }                         \
        static std::string_view chinese(E v) { return chinese_name(v); }                   \
        static E parse(std::string_view text) { return parser(text); }                     \
    }
/// An `enum_info` with the C++ `to_string` as code and no Chinese name.
#define DANGYUAN_PY_CODED_ENUM(E, name, fld, ...)                                           \
    template <>                                                                             \
    struct enum_info<E> {                                                                   \
        static constexpr char const* python_name = name;                                   \
        static constexpr char const* field = fld;                                          \
        static constexpr std::array values{__VA_ARGS__};                                   \
        static std::string_view code(E v) { return to_string(v); }                         \
    }
/// An `enum_info` whose code is the enumerator name.
#define DANGYUAN_PY_PLAIN_ENUM(E, name, fld, ...)                                           \
    template <>                                                                             \
    struct enum_info<E> {                                                                   \
        static constexpr char const* python_name = name;                                   \
        static constexpr char const* field = fld;                                          \
        static constexpr std::array values{__VA_ARGS__};                                   \
        static std::string_view code(E v) { return enumerator_name(v); }                   \
    }
#define DANGYUAN_V DANGYUAN_PY_ENUM_VALUE
// clang-format on

// ---- development (development/steps.hpp, case_agenda.hpp)

DANGYUAN_PY_NAMED_ENUM(stage, "Stage", "stage", DANGYUAN_V(stage, applicant), DANGYUAN_V(stage, activist),
                       DANGYUAN_V(stage, development_target), DANGYUAN_V(stage, probationary),
                       DANGYUAN_V(stage, full_member));
DANGYUAN_PY_NAMED_ENUM(case_outcome, "CaseOutcome", "outcome", DANGYUAN_V(case_outcome, not_admitted),
                       DANGYUAN_V(case_outcome, probation_cancelled), DANGYUAN_V(case_outcome, withdrawn));
DANGYUAN_PY_PARSED_ENUM(step, "Step", "step", parse_step, DANGYUAN_V(step, application_submitted),
                        DANGYUAN_V(step, talk_held), DANGYUAN_V(step, activist_determined),
                        DANGYUAN_V(step, activist_filed), DANGYUAN_V(step, contacts_assigned),
                        DANGYUAN_V(step, activist_assessed), DANGYUAN_V(step, target_determined),
                        DANGYUAN_V(step, target_filed), DANGYUAN_V(step, introducers_assigned),
                        DANGYUAN_V(step, political_review), DANGYUAN_V(step, training_completed),
                        DANGYUAN_V(step, committee_reviewed), DANGYUAN_V(step, pre_review),
                        DANGYUAN_V(step, application_form_filled), DANGYUAN_V(step, admission_meeting),
                        DANGYUAN_V(step, higher_committee_talk), DANGYUAN_V(step, admission_approved),
                        DANGYUAN_V(step, approval_filed), DANGYUAN_V(step, assigned_to_branch),
                        DANGYUAN_V(step, oath_taken), DANGYUAN_V(step, probation_assessed),
                        DANGYUAN_V(step, conversion_applied), DANGYUAN_V(step, conversion_meeting),
                        DANGYUAN_V(step, conversion_approved), DANGYUAN_V(step, archived),
                        DANGYUAN_V(step, public_notice), DANGYUAN_V(step, cultivation_transferred),
                        DANGYUAN_V(step, withdrawn), DANGYUAN_V(step, transferred_in));
DANGYUAN_PY_NAMED_ENUM(recommendation, "Recommendation", "recommended",
                       DANGYUAN_V(recommendation, member_recommendation),
                       DANGYUAN_V(recommendation, mass_organisation));
DANGYUAN_PY_NAMED_ENUM(conversion_decision, "ConversionDecision", "decision",
                       DANGYUAN_V(conversion_decision, convert), DANGYUAN_V(conversion_decision, extend),
                       DANGYUAN_V(conversion_decision, cancel));
DANGYUAN_PY_CODED_ENUM(timeline_status, "TimelineStatus", "status", DANGYUAN_V(timeline_status, done),
                       DANGYUAN_V(timeline_status, open), DANGYUAN_V(timeline_status, overdue),
                       DANGYUAN_V(timeline_status, waiting));

// ---- mobility (mobility/*.hpp, storage/mobility_store.hpp)

DANGYUAN_PY_PARSED_ENUM(mobility_reason, "MobilityReason", "reason", parse_mobility_reason,
                        DANGYUAN_V(mobility_reason, work_business), DANGYUAN_V(mobility_reason, study),
                        DANGYUAN_V(mobility_reason, accompany_family), DANGYUAN_V(mobility_reason, other));
DANGYUAN_PY_PARSED_ENUM(episode_record_kind, "EpisodeRecordKind", "kind", parse_episode_record_kind,
                        DANGYUAN_V(episode_record_kind, left), DANGYUAN_V(episode_record_kind, registered),
                        DANGYUAN_V(episode_record_kind, reported_to_host),
                        DANGYUAN_V(episode_record_kind, moved),
                        DANGYUAN_V(episode_record_kind, host_activity),
                        DANGYUAN_V(episode_record_kind, dues_paid_at_host),
                        DANGYUAN_V(episode_record_kind, yearly_report),
                        DANGYUAN_V(episode_record_kind, returned),
                        DANGYUAN_V(episode_record_kind, transferred));
DANGYUAN_PY_PLAIN_ENUM(episode_phase, "EpisodePhase", "phase", DANGYUAN_V(episode_phase, away),
                       DANGYUAN_V(episode_phase, closed));
DANGYUAN_PY_PLAIN_ENUM(participation, "Participation", "participation",
                       DANGYUAN_V(participation, voting_member), DANGYUAN_V(participation, non_voting_member),
                       DANGYUAN_V(participation, host_guest), DANGYUAN_V(participation, none));
DANGYUAN_PY_NAMED_ENUM(absence_document, "AbsenceDocument", "document",
                       DANGYUAN_V(absence_document, certificate_letter),
                       DANGYUAN_V(absence_document, activity_certificate),
                       DANGYUAN_V(absence_document, transfer),
                       DANGYUAN_V(absence_document, home_branch_life));
DANGYUAN_PY_PARSED_ENUM(certificate_event_kind, "CertificateEventKind", "kind", parse_certificate_event_kind,
                        DANGYUAN_V(certificate_event_kind, presented),
                        DANGYUAN_V(certificate_event_kind, reviewed),
                        DANGYUAN_V(certificate_event_kind, returned),
                        DANGYUAN_V(certificate_event_kind, lost),
                        DANGYUAN_V(certificate_event_kind, revoked));
DANGYUAN_PY_NAMED_ENUM(certificate_state, "CertificateState", "state", DANGYUAN_V(certificate_state, issued),
                       DANGYUAN_V(certificate_state, presented), DANGYUAN_V(certificate_state, returned),
                       DANGYUAN_V(certificate_state, void_lost), DANGYUAN_V(certificate_state, revoked));
DANGYUAN_PY_NAMED_ENUM(transfer_event_kind, "TransferEventKind", "kind",
                       DANGYUAN_V(transfer_event_kind, received), DANGYUAN_V(transfer_event_kind, revoked));
DANGYUAN_PY_NAMED_ENUM(transfer_state, "TransferState", "state", DANGYUAN_V(transfer_state, issued),
                       DANGYUAN_V(transfer_state, received), DANGYUAN_V(transfer_state, revoked),
                       DANGYUAN_V(transfer_state, expired));
DANGYUAN_PY_NAMED_ENUM(contact_kind, "ContactKind", "kind", DANGYUAN_V(contact_kind, reached),
                       DANGYUAN_V(contact_kind, attempt_failed));
DANGYUAN_PY_NAMED_ENUM(self_withdrawal_ground, "SelfWithdrawalGround", "ground",
                       DANGYUAN_V(self_withdrawal_ground, no_org_life),
                       DANGYUAN_V(self_withdrawal_ground, dues_unpaid),
                       DANGYUAN_V(self_withdrawal_ground, work_not_done));
DANGYUAN_PY_PLAIN_ENUM(episode_side, "EpisodeSide", "side", DANGYUAN_V(episode_side, home),
                       DANGYUAN_V(episode_side, host));

// ---- evaluation (evaluation/*.hpp)

DANGYUAN_PY_PARSED_ENUM(campaign_phase, "CampaignPhase", "phase", parse_campaign_phase,
                        DANGYUAN_V(campaign_phase, study), DANGYUAN_V(campaign_phase, self_assessment),
                        DANGYUAN_V(campaign_phase, appraisal_self_review),
                        DANGYUAN_V(campaign_phase, appraisal_mutual_review),
                        DANGYUAN_V(campaign_phase, appraisal_vote),
                        DANGYUAN_V(campaign_phase, organisational_assessment),
                        DANGYUAN_V(campaign_phase, commendation_and_handling),
                        DANGYUAN_V(campaign_phase, closed));
DANGYUAN_PY_PARSED_ENUM(exemption_reason, "ExemptionReason", "reason", parse_exemption_reason,
                        DANGYUAN_V(exemption_reason, unable_to_express_will),
                        DANGYUAN_V(exemption_reason, abroad_self_funded),
                        DANGYUAN_V(exemption_reason, serving_sentence),
                        DANGYUAN_V(exemption_reason, bedridden_or_elderly),
                        DANGYUAN_V(exemption_reason, away_without_transfer));
DANGYUAN_PY_PARSED_ENUM(grade, "Grade", "grade", parse_grade, DANGYUAN_V(grade, excellent),
                        DANGYUAN_V(grade, qualified), DANGYUAN_V(grade, basically_qualified),
                        DANGYUAN_V(grade, unqualified));
DANGYUAN_PY_PLAIN_ENUM(grade_span, "GradeSpan", "span", DANGYUAN_V(grade_span, exactly),
                       DANGYUAN_V(grade_span, or_better), DANGYUAN_V(grade_span, or_worse));
DANGYUAN_PY_NAMED_ENUM(decision_body, "DecisionBody", "by", DANGYUAN_V(decision_body, branch_committee),
                       DANGYUAN_V(decision_body, branch_meeting));
DANGYUAN_PY_NAMED_ENUM(follow_up_kind, "FollowUpKind", "kind", DANGYUAN_V(follow_up_kind, commended),
                       DANGYUAN_V(follow_up_kind, encouraged), DANGYUAN_V(follow_up_kind, helped),
                       DANGYUAN_V(follow_up_kind, educated), DANGYUAN_V(follow_up_kind, disposition_opened));
DANGYUAN_PY_NAMED_ENUM(disposition_form, "DispositionForm", "form", DANGYUAN_V(disposition_form, correction),
                       DANGYUAN_V(disposition_form, persuasion), DANGYUAN_V(disposition_form, removal));
DANGYUAN_PY_PARSED_ENUM(disposition_ground, "DispositionGround", "ground", parse_disposition_ground,
                        DANGYUAN_V(disposition_ground, weak_ideals),
                        DANGYUAN_V(disposition_ground, religious_belief),
                        DANGYUAN_V(disposition_ground, passivity),
                        DANGYUAN_V(disposition_ground, org_life_or_dues_lapses),
                        DANGYUAN_V(disposition_ground, lost_contact_6_months_to_2_years),
                        DANGYUAN_V(disposition_ground, threatening_to_quit),
                        DANGYUAN_V(disposition_ground, no_change_after_correction),
                        DANGYUAN_V(disposition_ground, lost_member_conditions),
                        DANGYUAN_V(disposition_ground, six_months_inactive),
                        DANGYUAN_V(disposition_ground, suspended_unreachable_2_years),
                        DANGYUAN_V(disposition_ground, refused_to_withdraw));
DANGYUAN_PY_CODED_ENUM(disposition_outcome, "DispositionOutcome", "outcome",
                       DANGYUAN_V(disposition_outcome, pending), DANGYUAN_V(disposition_outcome, not_adopted),
                       DANGYUAN_V(disposition_outcome, dropped), DANGYUAN_V(disposition_outcome, correcting),
                       DANGYUAN_V(disposition_outcome, corrected),
                       DANGYUAN_V(disposition_outcome, not_corrected),
                       DANGYUAN_V(disposition_outcome, awaiting_answer),
                       DANGYUAN_V(disposition_outcome, withdrew), DANGYUAN_V(disposition_outcome, refused),
                       DANGYUAN_V(disposition_outcome, removed));

// ---- life (rules/params_life.hpp, life/*.hpp)

DANGYUAN_PY_PARSED_ENUM(meeting_kind, "MeetingKind", "kind", parse_meeting_kind,
                        DANGYUAN_V(meeting_kind, branch_general_meeting),
                        DANGYUAN_V(meeting_kind, committee_meeting), DANGYUAN_V(meeting_kind, group_meeting),
                        DANGYUAN_V(meeting_kind, party_lecture), DANGYUAN_V(meeting_kind, theme_party_day),
                        DANGYUAN_V(meeting_kind, organisation_life_meeting),
                        DANGYUAN_V(meeting_kind, heart_to_heart_talk));
DANGYUAN_PY_NAMED_ENUM(cadence_period, "CadencePeriod", "period", DANGYUAN_V(cadence_period, month),
                       DANGYUAN_V(cadence_period, quarter), DANGYUAN_V(cadence_period, year));
DANGYUAN_PY_PLAIN_ENUM(cadence_condition, "CadenceCondition", "condition",
                       DANGYUAN_V(cadence_condition, none),
                       DANGYUAN_V(cadence_condition, lecturer_is_secretary),
                       DANGYUAN_V(cadence_condition, every_member));
DANGYUAN_PY_NAMED_ENUM(attendance_status, "AttendanceStatus", "status",
                       DANGYUAN_V(attendance_status, present), DANGYUAN_V(attendance_status, absent),
                       DANGYUAN_V(attendance_status, guest));
DANGYUAN_PY_CODED_ENUM(slot_status, "SlotStatus", "status", DANGYUAN_V(slot_status, met),
                       DANGYUAN_V(slot_status, missed), DANGYUAN_V(slot_status, open),
                       DANGYUAN_V(slot_status, exempt));
DANGYUAN_PY_NAMED_ENUM(training_role, "TrainingRole", "role", DANGYUAN_V(training_role, member),
                       DANGYUAN_V(training_role, officer));
DANGYUAN_PY_PLAIN_ENUM(dues_rounding, "DuesRounding", "rounding", DANGYUAN_V(dues_rounding, half_up_fen),
                       DANGYUAN_V(dues_rounding, truncate_fen), DANGYUAN_V(dues_rounding, up_fen),
                       DANGYUAN_V(dues_rounding, half_up_jiao), DANGYUAN_V(dues_rounding, truncate_jiao),
                       DANGYUAN_V(dues_rounding, up_jiao));
DANGYUAN_PY_PLAIN_ENUM(back_payment_policy, "BackPaymentPolicy", "back_payment",
                       DANGYUAN_V(back_payment_policy, flag), DANGYUAN_V(back_payment_policy, refuse));
DANGYUAN_PY_PARSED_ENUM(dues_category, "DuesCategory", "category", parse_dues_category,
                        DANGYUAN_V(dues_category, employed), DANGYUAN_V(dues_category, retiree),
                        DANGYUAN_V(dues_category, farmer), DANGYUAN_V(dues_category, student),
                        DANGYUAN_V(dues_category, unemployed), DANGYUAN_V(dues_category, low_income));
DANGYUAN_PY_PLAIN_ENUM(dues_paid_at, "DuesPaidAt", "paid_at", DANGYUAN_V(dues_paid_at, home_org),
                       DANGYUAN_V(dues_paid_at, host_org));

#undef DANGYUAN_V
#undef DANGYUAN_PY_NAMED_ENUM
#undef DANGYUAN_PY_PARSED_ENUM
#undef DANGYUAN_PY_CODED_ENUM
#undef DANGYUAN_PY_PLAIN_ENUM

}  // namespace dangyuan::python
