#pragma once
/// \file
/// What the bind files of the mobility domain share: the Python names of its records and tables, and
/// the registration function of each concept (called by bind_mobility in registration order: episodes,
/// certificates, transfer letters, lost contact).

#include "command.hpp"
#include "dangyuan/mobility/certificate.hpp"
#include "dangyuan/mobility/episode.hpp"
#include "dangyuan/mobility/lost_contact.hpp"
#include "dangyuan/mobility/mobility_agenda.hpp"
#include "dangyuan/mobility/transfer.hpp"
#include "dangyuan/storage/mobility_store.hpp"
#include "domains.hpp"

namespace dangyuan::python {

DANGYUAN_PY_RECORD(mobility_destination, "MobilityDestination");
DANGYUAN_PY_RECORD(member_left, "MemberLeft");
DANGYUAN_PY_RECORD(registered_as_mobile, "RegisteredAsMobile");
DANGYUAN_PY_RECORD(reported_to_host, "ReportedToHost");
DANGYUAN_PY_RECORD(moved_place, "MovedPlace");
DANGYUAN_PY_RECORD(host_life_attended, "HostLifeAttended");
DANGYUAN_PY_RECORD(host_dues_paid, "HostDuesPaid");
DANGYUAN_PY_RECORD(yearly_report_made, "YearlyReportMade");
DANGYUAN_PY_RECORD(member_returned, "MemberReturned");
DANGYUAN_PY_RECORD(relationship_transferred, "RelationshipTransferred");
DANGYUAN_PY_RECORD(mobility_episode, "MobilityEpisode");
DANGYUAN_PY_RECORD(episode_state, "EpisodeState");
DANGYUAN_PY_RECORD(absence_plan, "AbsencePlan");
DANGYUAN_PY_RECORD(document_advice, "DocumentAdvice");
DANGYUAN_PY_RECORD(certificate_issue, "CertificateIssue");
DANGYUAN_PY_RECORD(certificate_presented, "CertificatePresented");
DANGYUAN_PY_RECORD(certificate_reviewed, "CertificateReviewed");
DANGYUAN_PY_RECORD(certificate_returned, "CertificateReturned");
DANGYUAN_PY_RECORD(certificate_lost, "CertificateLost");
DANGYUAN_PY_RECORD(certificate_revoked, "CertificateRevoked");
DANGYUAN_PY_RECORD(activity_certificate, "ActivityCertificate");
DANGYUAN_PY_RECORD(certificate_status, "CertificateStatus");
DANGYUAN_PY_RECORD(letter_received, "LetterReceived");
DANGYUAN_PY_RECORD(letter_revoked, "LetterRevoked");
DANGYUAN_PY_RECORD(transfer_letter, "TransferLetter");
DANGYUAN_PY_RECORD(transfer_status, "TransferStatus");
DANGYUAN_PY_RECORD(contact_reached, "ContactReached");
DANGYUAN_PY_RECORD(contact_attempt_failed, "ContactAttemptFailed");
DANGYUAN_PY_RECORD(contact_log, "ContactLog");
DANGYUAN_PY_RECORD(self_withdrawal_inputs, "SelfWithdrawalInputs");
DANGYUAN_PY_RECORD(self_withdrawal_ground_date, "SelfWithdrawalGroundDate");
DANGYUAN_PY_RECORD(self_withdrawal_input, "SelfWithdrawalInput");
DANGYUAN_PY_RECORD(member_mobility, "MemberMobility");
DANGYUAN_PY_RECORD(branch_move, "BranchMove");
DANGYUAN_PY_RECORD(mobility_count, "MobilityCount");
DANGYUAN_PY_RECORD(certificate_count, "CertificateCount");
DANGYUAN_PY_RECORD(transfer_in_flight, "TransferInFlight");

DANGYUAN_PY_TABLE(mobility_episode, "Episodes");
DANGYUAN_PY_TABLE(activity_certificate, "Certificates");
DANGYUAN_PY_TABLE(contact_log, "ContactLogs");
DANGYUAN_PY_TABLE(branch_move, "BranchMoves");
DANGYUAN_PY_TABLE(mobility_count, "MobilityCounts");
DANGYUAN_PY_TABLE(certificate_count, "CertificateCounts");
DANGYUAN_PY_TABLE(transfer_in_flight, "TransfersInFlight");

// ---- records: each kind of an aggregate's record is its own class (MemberLeft, CertificatePresented …)

DANGYUAN_PY_VARIANT_OF_KIND(episode_record, episode_record_kinds, "episode record", episode_record_kind);
DANGYUAN_PY_VARIANT_OF_KIND(certificate_record, certificate_record_kinds, "certificate record",
                            certificate_event_kind);
DANGYUAN_PY_VARIANT_OF_KIND(transfer_record, transfer_record_kinds, "transfer record", transfer_event_kind);
DANGYUAN_PY_VARIANT_OF_KIND(contact_record, contact_record_kinds, "contact record", contact_kind);

/// The day after which no record is dated: the state "after every record".
inline constexpr date::sys_days end_of_time = date::sys_days{date::year{9999} / 12 / 31};

/// An episode record from a record, a mapping or keywords (variant_record); for `left` and `moved` the
/// destination may be given flat: place=, host_org=, host_org_name=.
episode_record episode_record_from(py::handle source, py::kwargs const& kw,
                                   std::optional<episode_record_kind> kind = {});

void bind_mobility_episodes(py::module_& m);
void bind_mobility_certificates(py::module_& m);
void bind_mobility_transfers(py::module_& m);
void bind_mobility_lost_contact(py::module_& m);

}  // namespace dangyuan::python
