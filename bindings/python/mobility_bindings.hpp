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
DANGYUAN_PY_RECORD(episode_record, "EpisodeRecord");
DANGYUAN_PY_RECORD(mobility_episode, "MobilityEpisode");
DANGYUAN_PY_RECORD(episode_state, "EpisodeState");
DANGYUAN_PY_RECORD(absence_plan, "AbsencePlan");
DANGYUAN_PY_RECORD(document_advice, "DocumentAdvice");
DANGYUAN_PY_RECORD(certificate_issue, "CertificateIssue");
DANGYUAN_PY_RECORD(certificate_record, "CertificateRecord");
DANGYUAN_PY_RECORD(activity_certificate, "ActivityCertificate");
DANGYUAN_PY_RECORD(certificate_status, "CertificateStatus");
DANGYUAN_PY_RECORD(transfer_record, "TransferRecord");
DANGYUAN_PY_RECORD(transfer_letter, "TransferLetter");
DANGYUAN_PY_RECORD(transfer_status, "TransferStatus");
DANGYUAN_PY_RECORD(contact_record, "ContactRecord");
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

/// The day after which no record is dated: the state "after every record".
inline constexpr date::sys_days end_of_time = date::sys_days{date::year{9999} / 12 / 31};

void bind_mobility_episodes(py::module_& m);
void bind_mobility_certificates(py::module_& m);
void bind_mobility_transfers(py::module_& m);
void bind_mobility_lost_contact(py::module_& m);

}  // namespace dangyuan::python
