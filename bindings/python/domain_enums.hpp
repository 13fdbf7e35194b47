#pragma once
/// \file
/// The enums of the domains (development, mobility, evaluation, life, elections, decisions, honours) as
/// Python sees them (see `enum_info` in common.hpp). Each reads the enum's C++ table (`enum_table`,
/// core/enum_table.hpp): the values, their Python names (the C++ enumerator names), codes and Chinese names.
/// Class names are CamelCase.

#include <array>
#include <string_view>
#include <tuple>

#include "common.hpp"
#include "dangyuan/appraisal/appraisal.hpp"
#include "dangyuan/community/community.hpp"
#include "dangyuan/coverage/coverage.hpp"
#include "dangyuan/decision/decision_case.hpp"
#include "dangyuan/development/case_agenda.hpp"
#include "dangyuan/development/steps.hpp"
#include "dangyuan/election/election_case.hpp"
#include "dangyuan/election/election_rules.hpp"
#include "dangyuan/evaluation/ballot.hpp"
#include "dangyuan/evaluation/campaign.hpp"
#include "dangyuan/evaluation/disposition.hpp"
#include "dangyuan/evaluation/grade_decision.hpp"
#include "dangyuan/honours/commendation.hpp"
#include "dangyuan/honours/model_post.hpp"
#include "dangyuan/life/cadence.hpp"
#include "dangyuan/life/dues.hpp"
#include "dangyuan/life/meetings.hpp"
#include "dangyuan/life/training.hpp"
#include "dangyuan/mobility/certificate.hpp"
#include "dangyuan/mobility/episode.hpp"
#include "dangyuan/mobility/lost_contact.hpp"
#include "dangyuan/mobility/transfer.hpp"
#include "dangyuan/rectification/rectification.hpp"
#include "dangyuan/storage/mobility_store.hpp"
#include "enums.hpp"

namespace dangyuan::python {

/// The domains' enums with a table (development, mobility, evaluation, life, elections, decisions, honours),
/// in the order of their headers.
using domain_enums = std::tuple<
    table_enum<stage, "Stage">, table_enum<case_outcome, "CaseOutcome">,
    table_enum<step, "Step", &parse_step>, table_enum<recommendation, "Recommendation">,
    table_enum<conversion_decision, "ConversionDecision">, table_enum<timeline_status, "TimelineStatus">,
    table_enum<mobility_reason, "MobilityReason", &parse_mobility_reason>,
    table_enum<episode_record_kind, "EpisodeRecordKind", &parse_episode_record_kind>,
    table_enum<episode_phase, "EpisodePhase">, table_enum<participation, "Participation">,
    table_enum<absence_document, "AbsenceDocument">,
    table_enum<certificate_event_kind, "CertificateEventKind", &parse_certificate_event_kind>,
    table_enum<certificate_state, "CertificateState">, table_enum<transfer_event_kind, "TransferEventKind">,
    table_enum<transfer_state, "TransferState">, table_enum<contact_kind, "ContactKind">,
    table_enum<self_withdrawal_ground, "SelfWithdrawalGround">,
    table_enum<campaign_phase, "CampaignPhase", &parse_campaign_phase>,
    table_enum<exemption_reason, "ExemptionReason", &parse_exemption_reason>,
    table_enum<grade, "Grade", &parse_grade>, table_enum<grade_span, "GradeSpan">,
    table_enum<decision_body, "DecisionBody">, table_enum<follow_up_kind, "FollowUpKind">,
    table_enum<disposition_form, "DispositionForm">,
    table_enum<disposition_ground, "DispositionGround", &parse_disposition_ground>,
    table_enum<disposition_outcome, "DispositionOutcome">,
    table_enum<meeting_kind, "MeetingKind", &parse_meeting_kind>, table_enum<cadence_period, "CadencePeriod">,
    table_enum<cadence_condition, "CadenceCondition">, table_enum<attendance_status, "AttendanceStatus">,
    table_enum<slot_status, "SlotStatus">, table_enum<training_role, "TrainingRole">,
    table_enum<dues_rounding, "DuesRounding">, table_enum<back_payment_policy, "BackPaymentPolicy">,
    table_enum<dues_category, "DuesCategory", &parse_dues_category>, table_enum<dues_paid_at, "DuesPaidAt">,
    table_enum<election_stage, "ElectionStage">, table_enum<election_meeting, "ElectionMeeting">,
    table_enum<decision_stage, "DecisionStage">, table_enum<resolving_body, "ResolvingBody">,
    table_enum<publication_channel, "PublicationChannel">, table_enum<community_rating, "CommunityRating">,
    table_enum<appraisal_grade, "AppraisalGrade">, table_enum<accountability_kind, "AccountabilityKind">,
    table_enum<model_post_end, "ModelPostEnd">, table_enum<commendation_kind, "CommendationKind">,
    table_enum<commendation_level, "CommendationLevel">, table_enum<rectification_kind, "RectificationKind">,
    table_enum<rectification_reason, "RectificationReason">,
    table_enum<rectification_contact_kind, "RectificationContactKind">,
    table_enum<rectification_evaluator, "RectificationEvaluator">,
    table_enum<acceptance_result, "AcceptanceResult">, table_enum<unit_sector, "UnitSector">,
    table_enum<coverage_form, "CoverageForm">>;

template <class E>
requires listed_in<E, domain_enums>
struct enum_info<E> : listed_info<E, domain_enums> {
};

/// `episode_side` (storage/mobility_store.hpp) has no table of its own: its code is the enumerator name.
template <>
struct enum_info<episode_side> {
    static constexpr char const* python_name = "EpisodeSide";
    static constexpr char const* field = "side";
    static constexpr std::array values{DANGYUAN_PY_ENUM_VALUE(episode_side, home),
                                       DANGYUAN_PY_ENUM_VALUE(episode_side, host)};
    static std::string_view code(episode_side v) { return v == episode_side::home ? "home" : "host"; }
};

}  // namespace dangyuan::python
