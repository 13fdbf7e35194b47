#pragma once
/// \file
/// The enums of the domains (development, mobility, evaluation, life) as Python sees them (see
/// `enum_info` in common.hpp). Each reads the enum's C++ table (`enum_table`, core/enum_table.hpp): the
/// values, their Python names (the C++ enumerator names), codes and Chinese names. Class names are
/// CamelCase.

#include <array>
#include <string_view>

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
#include "enums.hpp"

namespace dangyuan::python {

// ---- development (development/steps.hpp, case_agenda.hpp)

template <>
struct enum_info<stage> : rows_info<stage, "Stage"> {};
template <>
struct enum_info<case_outcome> : rows_info<case_outcome, "CaseOutcome"> {};
template <>
struct enum_info<step> : rows_info<step, "Step", &parse_step> {};
template <>
struct enum_info<recommendation> : rows_info<recommendation, "Recommendation"> {};
template <>
struct enum_info<conversion_decision> : rows_info<conversion_decision, "ConversionDecision"> {};
template <>
struct enum_info<timeline_status> : rows_info<timeline_status, "TimelineStatus"> {};

// ---- mobility (mobility/*.hpp, storage/mobility_store.hpp)

template <>
struct enum_info<mobility_reason> : rows_info<mobility_reason, "MobilityReason", &parse_mobility_reason> {};
template <>
struct enum_info<episode_record_kind>
    : rows_info<episode_record_kind, "EpisodeRecordKind", &parse_episode_record_kind> {};
template <>
struct enum_info<episode_phase> : rows_info<episode_phase, "EpisodePhase"> {};
template <>
struct enum_info<participation> : rows_info<participation, "Participation"> {};
template <>
struct enum_info<absence_document> : rows_info<absence_document, "AbsenceDocument"> {};
template <>
struct enum_info<certificate_event_kind>
    : rows_info<certificate_event_kind, "CertificateEventKind", &parse_certificate_event_kind> {};
template <>
struct enum_info<certificate_state> : rows_info<certificate_state, "CertificateState"> {};
template <>
struct enum_info<transfer_event_kind> : rows_info<transfer_event_kind, "TransferEventKind"> {};
template <>
struct enum_info<transfer_state> : rows_info<transfer_state, "TransferState"> {};
template <>
struct enum_info<contact_kind> : rows_info<contact_kind, "ContactKind"> {};
template <>
struct enum_info<self_withdrawal_ground> : rows_info<self_withdrawal_ground, "SelfWithdrawalGround"> {};

/// `episode_side` (storage/mobility_store.hpp) has no table of its own: its code is the enumerator name.
template <>
struct enum_info<episode_side> {
    static constexpr char const* python_name = "EpisodeSide";
    static constexpr char const* field = "side";
    static constexpr std::array values{DANGYUAN_PY_ENUM_VALUE(episode_side, home),
                                       DANGYUAN_PY_ENUM_VALUE(episode_side, host)};
    static std::string_view code(episode_side v) { return v == episode_side::home ? "home" : "host"; }
};

// ---- evaluation (evaluation/*.hpp)

template <>
struct enum_info<campaign_phase> : rows_info<campaign_phase, "CampaignPhase", &parse_campaign_phase> {};
template <>
struct enum_info<exemption_reason> : rows_info<exemption_reason, "ExemptionReason", &parse_exemption_reason> {
};
template <>
struct enum_info<grade> : rows_info<grade, "Grade", &parse_grade> {};
template <>
struct enum_info<grade_span> : rows_info<grade_span, "GradeSpan"> {};
template <>
struct enum_info<decision_body> : rows_info<decision_body, "DecisionBody"> {};
template <>
struct enum_info<follow_up_kind> : rows_info<follow_up_kind, "FollowUpKind"> {};
template <>
struct enum_info<disposition_form> : rows_info<disposition_form, "DispositionForm"> {};
template <>
struct enum_info<disposition_ground>
    : rows_info<disposition_ground, "DispositionGround", &parse_disposition_ground> {};
template <>
struct enum_info<disposition_outcome> : rows_info<disposition_outcome, "DispositionOutcome"> {};

// ---- life (rules/params_life.hpp, life/*.hpp)

template <>
struct enum_info<meeting_kind> : rows_info<meeting_kind, "MeetingKind", &parse_meeting_kind> {};
template <>
struct enum_info<cadence_period> : rows_info<cadence_period, "CadencePeriod"> {};
template <>
struct enum_info<cadence_condition> : rows_info<cadence_condition, "CadenceCondition"> {};
template <>
struct enum_info<attendance_status> : rows_info<attendance_status, "AttendanceStatus"> {};
template <>
struct enum_info<slot_status> : rows_info<slot_status, "SlotStatus"> {};
template <>
struct enum_info<training_role> : rows_info<training_role, "TrainingRole"> {};
template <>
struct enum_info<dues_rounding> : rows_info<dues_rounding, "DuesRounding"> {};
template <>
struct enum_info<back_payment_policy> : rows_info<back_payment_policy, "BackPaymentPolicy"> {};
template <>
struct enum_info<dues_category> : rows_info<dues_category, "DuesCategory", &parse_dues_category> {};
template <>
struct enum_info<dues_paid_at> : rows_info<dues_paid_at, "DuesPaidAt"> {};

}  // namespace dangyuan::python
