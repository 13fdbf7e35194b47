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

template <>
struct variant_kinds<episode_record> {
    static constexpr auto const& names = episode_record_kinds;
    static constexpr char const* python_name = "episode record";
};
template <>
struct variant_kinds<certificate_record> {
    static constexpr auto const& names = certificate_record_kinds;
    static constexpr char const* python_name = "certificate record";
};
template <>
struct variant_kinds<transfer_record> {
    static constexpr auto const& names = transfer_record_kinds;
    static constexpr char const* python_name = "transfer record";
};
template <>
struct variant_kinds<contact_record> {
    static constexpr auto const& names = contact_record_kinds;
    static constexpr char const* python_name = "contact record";
};

namespace mobility_detail {

// Refuses a field that record kind `T` does not have, naming it (invalid_input{field}).
template <class T>
void require_fields_of(py::dict const& fields, std::string_view kind) {
    for (auto item : fields) {
        if (!PyUnicode_Check(item.first.ptr())) continue;  // the record's own check names it
        auto const key = item.first.cast<std::string>();
        if (key == "kind" || detail::field_index<T>(key) >= 0) continue;
        std::string names;
        for (auto const& f : record_traits<T>::fields())
            names += (names.empty() ? "" : ", ") + std::string(f.name);
        throw invalid_input(
            key, std::string(kind) + " records have no field '" + key + "' (fields: " + names + ")");
    }
}

template <class V, std::size_t... I>
void require_fields(std::size_t index, py::dict const& fields, std::string_view kind,
                    std::index_sequence<I...>) {
    ((index == I ? require_fields_of<std::variant_alternative_t<I, V>>(fields, kind) : void()), ...);
}

}  // namespace mobility_detail

/// A record of the variant `V` whose kinds are the enum `Kind`, from a positional record — an instance of
/// a kind class, or a mapping whose "kind" names the kind — or, when none is given, from keywords. The
/// kind may be its code, its Chinese name or the `Kind` value; `default_kind` stands in when none is
/// given. `adjust(kind, fields)` may rewrite the fields first (the flat destination of episodes).
/// \throws invalid_input{"kind"} for an unknown or missing kind, {field} for a field the kind does not
///         have; TypeError when a record and keywords are both given.
template <class V, class Kind, class Adjust>
V mobility_record(py::handle source, py::kwargs const& kw, std::optional<Kind> default_kind, Adjust adjust) {
    py::dict fields;
    if (!source.is_none()) {
        if (py::len(kw) > 0) throw py::type_error("give a record or keywords, not both");
        bool const mapping = PyDict_Check(source.ptr()) ||
                             (py::hasattr(source, "keys") && py::hasattr(source, "__getitem__") &&
                              !PyUnicode_Check(source.ptr()));
        if (!mapping) return load<V>(source, "record");  // an instance of a kind class (or a wrong type)
        for (auto item : py::reinterpret_borrow<py::object>(source).attr("items")()) {
            auto const pair = py::reinterpret_borrow<py::tuple>(item);
            fields[pair[0]] = pair[1];
        }
    } else {
        for (auto item : kw)
            fields[item.first] = item.second;
    }
    Kind kind{};
    if (fields.contains("kind"))
        kind = load<Kind>(fields["kind"], "kind");
    else if (default_kind)
        kind = *default_kind;
    else
        throw invalid_input("kind", std::string("a ") + variant_kinds<V>::python_name + " needs its kind");
    fields["kind"] = py::str(std::string(to_string(kind)));
    adjust(kind, fields);
    mobility_detail::require_fields<V>(static_cast<std::size_t>(kind), fields, to_string(kind),
                                       std::make_index_sequence<std::variant_size_v<V>>{});
    return load<V>(fields, "record");
}

/// The same without adjusting the fields.
template <class V, class Kind>
V mobility_record(py::handle source, py::kwargs const& kw, std::optional<Kind> default_kind = {}) {
    return mobility_record<V>(source, kw, default_kind, [](Kind, py::dict&) {});
}

/// Registers the class of each kind of `V` (documents `docs`, in variant order), with a read-only `kind`:
/// the `Kind` value of the class.
template <class V, class Kind, std::size_t... I>
void record_kind_classes(py::module_& m, std::array<char const*, sizeof...(I)> const& docs,
                         std::index_sequence<I...>) {
    (record_class<std::variant_alternative_t<I, V>>(m, docs[I])
         .def_property_readonly(
             "kind", [](std::variant_alternative_t<I, V> const&) { return static_cast<Kind>(I); },
             "The kind of this record."),
     ...);
}

template <class V, class Kind>
void record_kind_classes(py::module_& m, std::array<char const*, std::variant_size_v<V>> const& docs) {
    record_kind_classes<V, Kind>(m, docs, std::make_index_sequence<std::variant_size_v<V>>{});
}

/// The day after which no record is dated: the state "after every record".
inline constexpr date::sys_days end_of_time = date::sys_days{date::year{9999} / 12 / 31};

/// An episode record from a record, a mapping or keywords (mobility_record); for `left` and `moved` the
/// destination may be given flat: place=, host_org=, host_org_name=.
episode_record episode_record_from(py::handle source, py::kwargs const& kw,
                                   std::optional<episode_record_kind> kind = {});

void bind_mobility_episodes(py::module_& m);
void bind_mobility_certificates(py::module_& m);
void bind_mobility_transfers(py::module_& m);
void bind_mobility_lost_contact(py::module_& m);

}  // namespace dangyuan::python
