// Mobile members (流动党员管理): mobility episodes (mobility/episode.hpp), the activity certificate
// 《流动党员活动证》 (certificate.hpp), transfer letters (transfer.hpp), lost contact and self-withdrawal
// (lost_contact.hpp), the member's mobility agenda (mobility_agenda.hpp), and the store operations of
// storage/mobility_store.hpp as methods of Store (the foundation's style: store.record_standing …),
// statistics as tables.

#include <array>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <vector>

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

// ---- records

#define DANGYUAN_FIELDS(T, ...)                                 \
    std::span<field_spec<T> const> record_traits<T>::fields() { \
        static std::array const specs{__VA_ARGS__};             \
        return specs;                                           \
    }                                                           \
    void record_traits<T>::finish(T&, std::uint64_t&) {}
#define F(T, x) DANGYUAN_PY_FIELD(T, x)
#define R(T, x) DANGYUAN_PY_REQUIRED(T, x)

DANGYUAN_FIELDS(mobility_destination, F(mobility_destination, place), F(mobility_destination, host_org),
                F(mobility_destination, host_org_name))
DANGYUAN_FIELDS(episode_record, R(episode_record, kind), R(episode_record, date), F(episode_record, reason),
                F(episode_record, destination), F(episode_record, fixed_place),
                F(episode_record, expected_months), F(episode_record, dues_month),
                F(episode_record, dues_months), F(episode_record, amount_fen), F(episode_record, note))
DANGYUAN_FIELDS(mobility_episode, F(mobility_episode, id), F(mobility_episode, member),
                F(mobility_episode, member_name), F(mobility_episode, home_branch),
                F(mobility_episode, records))
DANGYUAN_FIELDS(episode_state, F(episode_state, phase), F(episode_state, left_on), F(episode_state, reason),
                F(episode_state, destination), F(episode_state, at_place_since),
                F(episode_state, fixed_place), F(episode_state, expected_months),
                F(episode_state, registered_on), F(episode_state, host_org), F(episode_state, reported_on),
                F(episode_state, last_host_activity), F(episode_state, dues_paid_through),
                F(episode_state, last_yearly_report), F(episode_state, closed_on),
                F(episode_state, closed_by))
DANGYUAN_FIELDS(absence_plan, F(absence_plan, expected_months), F(absence_plan, fixed_place),
                F(absence_plan, short_trip), F(absence_plan, returns_often),
                F(absence_plan, transfer_blocked), F(absence_plan, members_together))
DANGYUAN_FIELDS(document_advice, F(document_advice, document), F(document_advice, rule_id),
                F(document_advice, reason), F(document_advice, temporary_org),
                F(document_advice, temporary_org_rule_id))
DANGYUAN_FIELDS(certificate_issue, F(certificate_issue, member_name), F(certificate_issue, branch),
                F(certificate_issue, issuing_committee), R(certificate_issue, issued),
                F(certificate_issue, reason), F(certificate_issue, destination),
                F(certificate_issue, expected_months), F(certificate_issue, fixed_place),
                F(certificate_issue, transfer_blocked_reason), F(certificate_issue, replaces))
DANGYUAN_FIELDS(certificate_record, R(certificate_record, kind), R(certificate_record, date),
                F(certificate_record, org), F(certificate_record, org_name),
                F(certificate_record, evaluation), F(certificate_record, text))
DANGYUAN_FIELDS(activity_certificate, F(activity_certificate, number), F(activity_certificate, member),
                F(activity_certificate, issue), F(activity_certificate, records))
DANGYUAN_FIELDS(certificate_status, F(certificate_status, state), F(certificate_status, host),
                F(certificate_status, host_name), F(certificate_status, presented_on),
                F(certificate_status, last_review), F(certificate_status, closed_on))
DANGYUAN_FIELDS(transfer_record, R(transfer_record, kind), R(transfer_record, date), F(transfer_record, by),
                F(transfer_record, note))
DANGYUAN_FIELDS(transfer_letter, F(transfer_letter, serial), F(transfer_letter, member),
                F(transfer_letter, member_name), F(transfer_letter, from_org), F(transfer_letter, from_name),
                F(transfer_letter, to_org), F(transfer_letter, to_name), R(transfer_letter, issued),
                F(transfer_letter, validity_days), F(transfer_letter, records))
DANGYUAN_FIELDS(transfer_status, F(transfer_status, state), F(transfer_status, expires),
                F(transfer_status, received_on), F(transfer_status, revoked_on))
DANGYUAN_FIELDS(contact_record, F(contact_record, kind), R(contact_record, date), F(contact_record, channel),
                F(contact_record, by), F(contact_record, note))
DANGYUAN_FIELDS(contact_log, F(contact_log, member), F(contact_log, member_name), F(contact_log, branch),
                F(contact_log, known_contact), F(contact_log, records))
DANGYUAN_FIELDS(self_withdrawal_inputs, F(self_withdrawal_inputs, tracked_since),
                F(self_withdrawal_inputs, last_org_life), F(self_withdrawal_inputs, last_dues_month),
                F(self_withdrawal_inputs, work_neglected_since), F(self_withdrawal_inputs, good_reason))
DANGYUAN_FIELDS(self_withdrawal_ground_date, F(self_withdrawal_ground_date, ground),
                field<&self_withdrawal_ground_date::from>("from_"))
DANGYUAN_FIELDS(self_withdrawal_input, R(self_withdrawal_input, member), F(self_withdrawal_input, inputs))
DANGYUAN_FIELDS(member_mobility, F(member_mobility, member), F(member_mobility, member_name),
                F(member_mobility, branch), F(member_mobility, episodes), F(member_mobility, certificates),
                F(member_mobility, letters), F(member_mobility, contacts), F(member_mobility, standing))
DANGYUAN_FIELDS(branch_move, F(branch_move, member), F(branch_move, date), F(branch_move, from_branch),
                F(branch_move, to_branch), F(branch_move, previous_joined_branch), F(branch_move, letter))
DANGYUAN_FIELDS(mobility_count, F(mobility_count, key), F(mobility_count, org), F(mobility_count, away),
                F(mobility_count, mobile))
DANGYUAN_FIELDS(certificate_count, F(certificate_count, state), F(certificate_count, count))
DANGYUAN_FIELDS(transfer_in_flight, F(transfer_in_flight, id), F(transfer_in_flight, serial),
                F(transfer_in_flight, member), F(transfer_in_flight, member_name),
                F(transfer_in_flight, from_org), F(transfer_in_flight, from_name),
                F(transfer_in_flight, to_org), F(transfer_in_flight, to_name), F(transfer_in_flight, issued),
                F(transfer_in_flight, expires), F(transfer_in_flight, state),
                F(transfer_in_flight, days_outstanding))

#undef F
#undef R
#undef DANGYUAN_FIELDS

// ---- tables

namespace {
constexpr date::sys_days end_of_time = date::sys_days{date::year{9999} / 12 / 31};
}

void table_spec<mobility_episode>::columns(column_builder<mobility_episode>& b) {
    using r = mobility_episode;
    auto const first = [](r const& x) -> episode_record const* {
        return x.records.empty() ? nullptr : &x.records.front();
    };
    b.integer("id", [](r const& x) { return x.id.value(); });
    b.integer("member", [](r const& x) { return x.member.value(); });
    b.text("member_name", [](r const& x) -> std::string const& { return x.member_name; });
    b.integer("home_branch", [](r const& x) { return x.home_branch.value(); });
    b.dates("left_on", [first](r const& x) {
        auto const* f = first(x);
        return f ? std::optional<date::sys_days>{f->date} : std::nullopt;
    });
    b.category<mobility_reason>("reason", [first](r const& x) {
        auto const* f = first(x);
        return f ? std::optional<mobility_reason>{f->reason} : std::nullopt;
    });
    b.text(
        "place",
        [](r const& x) -> std::optional<std::string_view> {
            // The current place is the one of the last left / moved record (a view into the episode).
            for (auto it = x.records.rbegin(); it != x.records.rend(); ++it)
                if (it->kind == episode_record_kind::left || it->kind == episode_record_kind::moved)
                    return std::string_view(it->destination.place);
            return std::nullopt;
        },
        true);
    b.optional_integer("host_org", [](r const& x) {
        auto const st = state_on(x, end_of_time);
        return st ? id_value(st->host_org) : std::nullopt;
    });
    b.dates("closed_on", [](r const& x) {
        auto const st = state_on(x, end_of_time);
        return st ? st->closed_on : std::nullopt;
    });
    b.category<episode_record_kind>("closed_by", [](r const& x) {
        auto const st = state_on(x, end_of_time);
        return st ? st->closed_by : std::nullopt;
    });
    b.integer("records", [](r const& x) { return x.records.size(); });
}

void table_spec<activity_certificate>::columns(column_builder<activity_certificate>& b) {
    using r = activity_certificate;
    b.text("number", [](r const& x) -> std::string const& { return x.number.value; });
    b.integer("member", [](r const& x) { return x.member.value(); });
    b.text("member_name", [](r const& x) -> std::string const& { return x.issue.member_name; });
    b.integer("branch", [](r const& x) { return x.issue.branch.value(); });
    b.integer("issuing_committee", [](r const& x) { return x.issue.issuing_committee.value(); });
    b.dates("issued", [](r const& x) { return x.issue.issued; });
    b.category<mobility_reason>("reason", [](r const& x) { return x.issue.reason; });
    b.text(
        "destination", [](r const& x) -> std::string const& { return x.issue.destination; }, true);
    b.integer("expected_months", [](r const& x) { return x.issue.expected_months; });
    b.boolean("fixed_place", [](r const& x) { return x.issue.fixed_place; });
    b.text("replaces", [](r const& x) -> std::optional<std::string_view> {
        if (!x.issue.replaces) return std::nullopt;
        return std::string_view(x.issue.replaces->value);
    });
    b.category<certificate_state>("state", [](r const& x) { return state_on(x, end_of_time)->state; });
    b.dates("last_review", [](r const& x) { return state_on(x, end_of_time)->last_review; });
    b.dates("closed_on", [](r const& x) { return state_on(x, end_of_time)->closed_on; });
    b.integer("records", [](r const& x) { return x.records.size(); });
}

void table_spec<contact_log>::columns(column_builder<contact_log>& b) {
    using r = contact_log;
    b.integer("member", [](r const& x) { return x.member.value(); });
    b.text("member_name", [](r const& x) -> std::string const& { return x.member_name; });
    b.integer("branch", [](r const& x) { return x.branch.value(); });
    b.dates("known_contact", [](r const& x) { return x.known_contact; });
    b.dates("last_contact", [](r const& x) { return last_contact_on(x, end_of_time); });
    b.integer("failed_attempts", [](r const& x) { return attempts_since_last_contact(x, end_of_time); });
    b.integer("records", [](r const& x) { return x.records.size(); });
}

void table_spec<branch_move>::columns(column_builder<branch_move>& b) {
    using r = branch_move;
    b.integer("member", [](r const& x) { return x.member.value(); });
    b.dates("date", [](r const& x) { return x.date; });
    b.integer("from_branch", [](r const& x) { return x.from_branch.value(); });
    b.integer("to_branch", [](r const& x) { return x.to_branch.value(); });
    b.dates("previous_joined_branch", [](r const& x) { return x.previous_joined_branch; });
    b.optional_integer("letter", [](r const& x) { return id_value(x.letter); });
}

void table_spec<mobility_count>::columns(column_builder<mobility_count>& b) {
    using r = mobility_count;
    b.text(
        "key", [](r const& x) -> std::string const& { return x.key; }, true);
    b.optional_integer("org", [](r const& x) { return id_value(x.org); });
    b.integer("away", [](r const& x) { return x.away; });
    b.integer("mobile", [](r const& x) { return x.mobile; });
}

void table_spec<certificate_count>::columns(column_builder<certificate_count>& b) {
    using r = certificate_count;
    b.category<certificate_state>("state", [](r const& x) { return x.state; });
    b.integer("count", [](r const& x) { return x.count; });
}

void table_spec<transfer_in_flight>::columns(column_builder<transfer_in_flight>& b) {
    using r = transfer_in_flight;
    b.integer("id", [](r const& x) { return x.id.value(); });
    b.text("serial", [](r const& x) -> std::string const& { return x.serial; });
    b.integer("member", [](r const& x) { return x.member.value(); });
    b.text("member_name", [](r const& x) -> std::string const& { return x.member_name; });
    b.integer("from_org", [](r const& x) { return x.from_org.value(); });
    b.text(
        "from_name", [](r const& x) -> std::string const& { return x.from_name; }, true);
    b.integer("to_org", [](r const& x) { return x.to_org.value(); });
    b.text(
        "to_name", [](r const& x) -> std::string const& { return x.to_name; }, true);
    b.dates("issued", [](r const& x) { return x.issued; });
    b.dates("expires", [](r const& x) { return x.expires; });
    b.category<transfer_state>("state", [](r const& x) { return x.state; });
    b.integer("days_outstanding", [](r const& x) { return x.days_outstanding; });
}

namespace {

// An episode record from a record (or mapping) and keywords; the destination may be given flat:
// place=, host_org=, host_org_name= stand for destination=MobilityDestination(...).
episode_record episode_record_from(py::handle source, py::kwargs const& kw,
                                   std::optional<episode_record_kind> kind = {}) {
    py::dict fields;
    py::dict destination;
    for (auto item : kw) {
        auto const key = item.first.cast<std::string>();
        if (key == "place" || key == "host_org" || key == "host_org_name")
            destination[item.first] = item.second;
        else
            fields[item.first] = item.second;
    }
    if (kind && !fields.contains("kind") && (source.is_none())) fields["kind"] = py::cast(*kind);
    auto r = record_from_python<episode_record>(source, fields);
    if (py::len(destination) > 0)
        r.destination = record_from_python<mobility_destination>(py::cast(r.destination), destination);
    return r;
}

// The statistics of a scope as Python sees them: counts and tables.
struct mobility_statistics_view {
    mobility_statistics stats;
};
struct certificate_statistics_view {
    certificate_statistics stats;
};

template <class T>
record_table<T> table_of(std::vector<T> rows) {
    return record_table<T>(std::move(rows));
}

}  // namespace

void bind_mobility(py::module_& m) {
    // ---- enums
    bind_enum<mobility_reason>(m, "Why a member is away (外出原因).");
    bind_enum<episode_record_kind>(m, "What an episode record says happened (外出, 登记, 报到 …).");
    bind_enum<episode_phase>(m, "Whether the member is still away (away) or back / transferred (closed).");
    bind_enum<participation>(m, "How a member takes part in the meetings of an organisation on a date.");
    bind_enum<absence_document>(
        m, "The document an absence calls for (党员证明信, 流动党员活动证, 转接组织关系 …).");
    bind_enum<certificate_event_kind>(m, "What happened to an activity certificate after its issue.");
    bind_enum<certificate_state>(m, "The state of an activity certificate.")
        .def_property_readonly("is_open", &is_open,
                               "True while the certificate can be used (issued, presented).");
    bind_enum<transfer_event_kind>(m, "What happened to a transfer letter: received (回执) or revoked.");
    bind_enum<transfer_state>(m, "The state of a transfer letter on a date.");
    bind_enum<contact_kind>(m, "The outcome of a contact attempt.");
    bind_enum<self_withdrawal_ground>(m, "The three grounds of self-withdrawal (党章 第9条).");
    bind_enum<episode_side>(m,
                            "Which end of an episode a scoped query looks from: home (流出) or host (流入).");

    // ---- records
    auto rec = [&m](auto tag, char const* name, char const* doc) {
        using T = typename decltype(tag)::type;
        py::class_<T> cls(m, name, doc);
        bind_record(cls);
        return cls;
    };
    rec(std::type_identity<mobility_destination>{}, "MobilityDestination",
        "Where the member is: place, host_org (OrgId, when in the store), host_org_name.");
    rec(std::type_identity<episode_record>{}, "EpisodeRecord",
        "One dated record of an episode: kind, date, reason, destination, fixed_place, expected_months, "
        "dues_month (a month), dues_months, amount_fen (int, fen), note.");
    auto episode =
        rec(std::type_identity<mobility_episode>{}, "MobilityEpisode",
            "A mobility episode (one period away): id, member, member_name, home_branch, records.");
    rec(std::type_identity<episode_state>{}, "EpisodeState", "The state of an episode on a date.");
    rec(std::type_identity<absence_plan>{}, "AbsencePlan",
        "What is known of a planned absence: expected_months, fixed_place, short_trip, returns_often, "
        "transfer_blocked, members_together.");
    rec(std::type_identity<document_advice>{}, "DocumentAdvice",
        "The document an absence calls for, the rule behind it, and whether a temporary branch is due.");
    rec(std::type_identity<certificate_issue>{}, "CertificateIssue",
        "The register entry of a certificate issue (发证登记): issued (required), reason, destination, "
        "expected_months, fixed_place, transfer_blocked_reason, replaces; member_name, branch and "
        "issuing_committee are filled in by the store when empty.");
    rec(std::type_identity<certificate_record>{}, "CertificateRecord",
        "One dated record of a certificate: kind, date, org, org_name, evaluation (CampaignId), text.");
    auto certificate = rec(std::type_identity<activity_certificate>{}, "ActivityCertificate",
                           "A 《流动党员活动证》: number (str), member, issue, records.");
    rec(std::type_identity<certificate_status>{}, "CertificateStatus",
        "The state of a certificate on a date.");
    rec(std::type_identity<transfer_record>{}, "TransferRecord",
        "One dated record of a transfer letter: kind (received / revoked), date, by, note.");
    auto letter =
        rec(std::type_identity<transfer_letter>{}, "TransferLetter",
            "A transfer letter (党员组织关系介绍信): serial, member, member_name, from_org, from_name, "
            "to_org, to_name, issued, validity_days (0: the rule set's), records.");
    rec(std::type_identity<transfer_status>{}, "TransferStatus", "The state of a transfer letter on a date.");
    rec(std::type_identity<contact_record>{}, "ContactRecord",
        "One dated contact attempt: kind (reached / attempt_failed), date, channel, by, note.");
    auto log =
        rec(std::type_identity<contact_log>{}, "ContactLog",
            "The contact log of a member (失联): member, member_name, branch, known_contact, records.");
    rec(std::type_identity<self_withdrawal_inputs>{}, "SelfWithdrawalInputs",
        "What the org-life and dues records say about a member: tracked_since, last_org_life, "
        "last_dues_month (a month), work_neglected_since, good_reason.");
    rec(std::type_identity<self_withdrawal_ground_date>{}, "SelfWithdrawalGroundDate",
        "One ground of self-withdrawal and from_, the first day it holds.");
    rec(std::type_identity<self_withdrawal_input>{}, "SelfWithdrawalInput",
        "A member and their SelfWithdrawalInputs, for Store.self_withdrawal_candidates(supplied=...).");
    rec(std::type_identity<member_mobility>{}, "MemberMobility",
        "The mobility aggregates of one member (episodes, certificates, letters, contacts, standing).");
    rec(std::type_identity<branch_move>{}, "BranchMove", "A dated move of a member between branches.");
    rec(std::type_identity<mobility_count>{}, "MobilityCount", "Members away under one key.");
    rec(std::type_identity<certificate_count>{}, "CertificateCount", "Certificates in one state.");
    rec(std::type_identity<transfer_in_flight>{}, "TransferInFlight",
        "A transfer letter neither received nor revoked on a date.");

    py::class_<certificate_numbering>(
        m, "CertificateNumbering",
        "The numbering scheme of an issuing authority: prefix and zero-padded sequence; never hands out a "
        "number twice (certificate.unique_number).")
        .def(py::init<std::string, int, std::int64_t>(), py::arg("prefix") = "", py::arg("digits") = 6,
             py::arg("next") = 1, "Raises InvalidInput (digits outside 1..18, next below 1).")
        .def_static("from_rules", &certificate_numbering::from, py::arg("rules"),
                    "The scheme of a rule set (certificate_number_prefix, certificate_number_digits).")
        .def("peek", &certificate_numbering::peek, "The number next() would hand out, without taking it.")
        .def("next", &certificate_numbering::next, "Takes and returns the next free number.")
        .def(
            "reserve", &certificate_numbering::reserve, py::arg("number"),
            "Records a number assigned elsewhere. Raises RuleViolation certificate.unique_number when taken.")
        .def("taken", &certificate_numbering::taken, py::arg("number"))
        .def_property_readonly("prefix", &certificate_numbering::prefix)
        .def_property_readonly("digits", &certificate_numbering::digits)
        .def_property_readonly("next_sequence", &certificate_numbering::next_sequence)
        .def_property_readonly("taken_numbers", &certificate_numbering::taken_numbers)
        .def(
            "__eq__", [](certificate_numbering const& a, certificate_numbering const& b) { return a == b; },
            py::is_operator())
        .def("__repr__", [](certificate_numbering const& n) {
            return "CertificateNumbering(prefix=" + py::repr(py::str(n.prefix())).cast<std::string>() +
                   ", digits=" + std::to_string(n.digits()) + ", next=" + std::to_string(n.next_sequence()) +
                   ")";
        });

    register_table<mobility_episode>(
        m,
        "Mobility episodes, one row each: id, member, member_name, home_branch, left_on, reason, place "
        "(current), host_org (reported to), closed_on, closed_by, records; rows are MobilityEpisode.");
    register_table<activity_certificate>(
        m,
        "Activity certificates, one row each: number, member, member_name, branch, issuing_committee, "
        "issued, reason, destination, expected_months, fixed_place, replaces, state (after every record), "
        "last_review, closed_on, records.");
    register_table<contact_log>(m,
                                "Contact logs, one row each: member, member_name, branch, known_contact, "
                                "last_contact, failed_attempts (since the last contact), records.");
    register_table<branch_move>(m, "Branch moves, one row each.");
    register_table<mobility_count>(m, "Counts of members away under a key: key, org, away, mobile.");
    register_table<certificate_count>(m, "Certificates per state: state, count.");
    register_table<transfer_in_flight>(
        m,
        "Transfer letters awaiting their receipt or expired: id, serial, member, member_name, from_org, "
        "from_name, to_org, to_name, issued, expires, state, days_outstanding.");

    output_class<mobility_statistics_view>(m, "MobilityStatistics",
                                           "Members away on a date seen from both ends; the breakdowns are "
                                           "MobilityCounts tables.")
        .def_property_readonly("as_of", [](mobility_statistics_view const& v) { return v.stats.as_of; })
        .def_property_readonly("away", [](mobility_statistics_view const& v) { return v.stats.away; })
        .def_property_readonly("mobile", [](mobility_statistics_view const& v) { return v.stats.mobile; })
        .def_property_readonly("registered",
                               [](mobility_statistics_view const& v) { return v.stats.registered; })
        .def_property_readonly("reported_to_host",
                               [](mobility_statistics_view const& v) { return v.stats.reported_to_host; })
        .def_property_readonly("hosted", [](mobility_statistics_view const& v) { return v.stats.hosted; })
        .def_property_readonly(
            "by_destination",
            [](mobility_statistics_view const& v) { return table_of(v.stats.by_destination); })
        .def_property_readonly("by_reason",
                               [](mobility_statistics_view const& v) { return table_of(v.stats.by_reason); })
        .def_property_readonly(
            "by_home_branch",
            [](mobility_statistics_view const& v) { return table_of(v.stats.by_home_branch); })
        .def_property_readonly("by_host",
                               [](mobility_statistics_view const& v) { return table_of(v.stats.by_host); })
        .def("__repr__", [](mobility_statistics_view const& v) {
            return "<dangyuan.MobilityStatistics on " + format_date(v.stats.as_of) + ": " +
                   std::to_string(v.stats.away) + " away, " + std::to_string(v.stats.hosted) + " hosted>";
        });
    output_class<certificate_statistics_view>(
        m, "CertificateStatistics",
        "Certificates of a scope on a date: by_state (a CertificateCounts "
        "table), valid, expired, review_overdue.")
        .def_property_readonly("as_of", [](certificate_statistics_view const& v) { return v.stats.as_of; })
        .def_property_readonly(
            "by_state", [](certificate_statistics_view const& v) { return table_of(v.stats.by_state); })
        .def_property_readonly("valid", [](certificate_statistics_view const& v) { return v.stats.valid; })
        .def_property_readonly("expired",
                               [](certificate_statistics_view const& v) { return v.stats.expired; })
        .def_property_readonly("review_overdue",
                               [](certificate_statistics_view const& v) { return v.stats.review_overdue; })
        .def("__repr__", [](certificate_statistics_view const& v) {
            return "<dangyuan.CertificateStatistics on " + format_date(v.stats.as_of) + ": " +
                   std::to_string(v.stats.valid) + " valid>";
        });

    // ---- methods of the aggregates (after every class their signatures mention)
    episode
        .def(
            "record",
            [](mobility_episode& ep, py::handle source, rule_set const& rules, py::kwargs const& kw) {
                record(ep, episode_record_from(source, kw), rules);
            },
            py::arg("record") = py::none(), py::pos_only(), py::kw_only(),
            py::arg("rules") = rule_set::national_2014(),
            "Checks a record (check_episode_record) and appends it to this episode object.")
        .def(
            "state_on", [](mobility_episode const& ep, date::sys_days d) { return state_on(ep, d); },
            py::arg("d"), "The EpisodeState on d, None before the member left.");
    certificate
        .def(
            "record",
            [](activity_certificate& c, py::handle source, rule_set const& rules, py::kwargs const& kw) {
                record(c, record_from_python<certificate_record>(source, kw), rules);
            },
            py::arg("record") = py::none(), py::pos_only(), py::kw_only(),
            py::arg("rules") = rule_set::national_2014(),
            "Checks a record (check_certificate_record) and appends it to this certificate object.")
        .def(
            "state_on", [](activity_certificate const& c, date::sys_days d) { return state_on(c, d); },
            py::arg("d"), "The CertificateStatus on d, None before the issue.");
    letter
        .def(
            "record",
            [](transfer_letter& l, py::handle source, rule_set const& rules, py::kwargs const& kw) {
                record(l, record_from_python<transfer_record>(source, kw), rules);
            },
            py::arg("record") = py::none(), py::pos_only(), py::kw_only(),
            py::arg("rules") = rule_set::national_2014(),
            "Checks a record (check_transfer_record) and appends it to this letter object.")
        .def(
            "state_on",
            [](transfer_letter const& l, date::sys_days d, rule_set const& rules) {
                return state_on(l, d, rules);
            },
            py::arg("d"), py::arg("rules") = rule_set::national_2014(),
            "The TransferStatus on d, None before the issue.");
    log.def(
        "record",
        [](contact_log& l, py::handle source, py::kwargs const& kw) {
            record(l, record_from_python<contact_record>(source, kw));
        },
        py::arg("record") = py::none(), py::pos_only(),
        "Checks a contact record (check_contact_record) and appends it to this log object.");

    // ---- pure rules: episodes
    auto const national = rule_set::national_2014();
    m.def(
        "check_episode_record",
        [](mobility_episode const& ep, py::handle next, rule_set const& rules) {
            check_episode_record(ep, record_from_python<episode_record>(next), rules);
        },
        py::arg("episode"), py::arg("record"), py::arg("rules") = national,
        "Checks that a record may follow the episode's records. Raises InvalidInput, RuleViolation "
        "mobility.one_side_affiliation / mobility.report_to_host.");
    m.def(
        "episode_state_on", [](mobility_episode const& ep, date::sys_days d) { return state_on(ep, d); },
        py::arg("episode"), py::arg("d"), "The EpisodeState on d, None before the member left.");
    m.def("mobile_from", &mobile_from, py::arg("episode"), py::arg("rules") = national,
          "The day from which the member counts as a mobile member (mobility.mobile_member_6_months).");
    m.def("is_mobile_member_on", &is_mobile_member_on, py::arg("episode"), py::arg("d"),
          py::arg("rules") = national, "True when the member is a mobile member on d.");
    m.def("transfer_required_from", &transfer_required_from, py::arg("episode"), py::arg("d"),
          py::arg("rules") = national,
          "The day the relationship must be transferred (mobility.transfer_fixed_place_6_months), or None.");
    m.def(
        "yearly_report_due", &yearly_report_due, py::arg("left"), py::arg("n"), py::arg("rules") = national,
        "The due date of yearly report n (1-based) of a member who left on `left` (mobility.yearly_report).");
    m.def(
        "episode_agenda",
        [](mobility_episode const& ep, date::sys_days as_of, rule_set const& rules) {
            return record_table<agenda_item>(episode_agenda(ep, as_of, rules));
        },
        py::arg("episode"), py::arg("as_of"), py::arg("rules") = national,
        "Agenda items of an open episode on as_of, as an Agenda.");
    m.def(
        "participation_at",
        [](org_id org, member const& mem, py::handle episodes, date::sys_days d) {
            auto const eps = load<std::vector<mobility_episode>>(episodes, "episodes");
            return participation_at(org, mem, eps, d);
        },
        py::arg("org"), py::arg("member"), py::arg("episodes"), py::arg("d"),
        "How member takes part in org on d (mobility.no_vote_at_host).");
    m.def("has_vote_at", &has_vote_at, py::arg("org"), py::arg("member"), py::arg("d"),
          "True when member has a vote in org on d: a full member of the branch holding the relationship.");
    m.def(
        "check_vote_at",
        [](org_id org, member const& mem, py::handle episodes, date::sys_days d) {
            auto const eps = load<std::vector<mobility_episode>>(episodes, "episodes");
            check_vote_at(org, mem, eps, d);
        },
        py::arg("org"), py::arg("member"), py::arg("episodes"), py::arg("d"),
        "Refuses the vote of a member without one. Raises RuleViolation mobility.no_vote_at_host or "
        "InvalidInput (member).");

    // ---- pure rules: certificates
    m.def(
        "advise_document",
        [](py::handle plan, rule_set const& rules, py::kwargs const& kw) {
            return advise_document(record_from_python<absence_plan>(plan, kw), rules);
        },
        py::arg("plan") = py::none(), py::pos_only(), py::kw_only(), py::arg("rules") = national,
        "Which document fits an absence (an AbsencePlan or its fields as keywords): a DocumentAdvice.");
    m.def("certificate_after", &certificate_after, py::arg("state"), py::arg("kind"),
          "The CertificateState an event leads to, or None when not legal.");
    m.def("check_issuer", &check_issuer, py::arg("committee"),
          "Raises RuleViolation certificate.issuer_grassroots_committee unless a grassroots or working "
          "committee.");
    m.def(
        "check_issue",
        [](member_id member, py::handle issue, py::handle existing, rule_set const& rules) {
            auto const certs = load<std::vector<activity_certificate>>(existing, "existing");
            check_issue(member, record_from_python<certificate_issue>(issue), certs, rules);
        },
        py::arg("member"), py::arg("issue"), py::arg("existing") = py::list(), py::arg("rules") = national,
        "Checks a new issue against the member's certificates. Raises InvalidInput or RuleViolation "
        "certificate.scope / certificate.lost_reissue / certificate.one_valid_per_member.");
    m.def(
        "issue_certificate",
        [](certificate_numbering& numbering, member_id member, py::handle issue, py::handle existing,
           rule_set const& rules, std::optional<certificate_no> number) {
            auto const certs = load<std::vector<activity_certificate>>(existing, "existing");
            auto const i = record_from_python<certificate_issue>(issue);
            if (number) return issue_certificate(numbering, *number, member, i, certs, rules);
            return issue_certificate(numbering, member, i, certs, rules);
        },
        py::arg("numbering"), py::arg("member"), py::arg("issue"), py::arg("existing") = py::list(),
        py::arg("rules") = national, py::arg("number") = py::none(),
        "Issues a certificate under the next number of numbering (or under `number`, reserved in it); "
        "numbering is advanced in place. Returns the ActivityCertificate.");
    m.def(
        "check_certificate_record",
        [](activity_certificate const& c, py::handle next, rule_set const& rules) {
            check_certificate_record(c, record_from_python<certificate_record>(next), rules);
        },
        py::arg("certificate"), py::arg("record"), py::arg("rules") = national,
        "Checks that a record may follow the certificate's. Raises InvalidInput or RuleViolation "
        "certificate.closed_not_usable / certificate.validity / mobility.one_side_affiliation / "
        "certificate.return_with_report.");
    m.def(
        "certificate_state_on",
        [](activity_certificate const& c, date::sys_days d) { return state_on(c, d); },
        py::arg("certificate"), py::arg("d"), "The CertificateStatus on d, None before the issue.");
    m.def(
        "certificate_expiry_date",
        [](activity_certificate const& c, rule_set const& rules) { return expiry_date(c, rules); },
        py::arg("certificate"), py::arg("rules") = national,
        "The last day of validity when the rule set sets one (certificate.validity), else None.");
    m.def(
        "is_certificate_valid_on",
        [](activity_certificate const& c, date::sys_days d, rule_set const& rules) {
            return is_valid_on(c, d, rules);
        },
        py::arg("certificate"), py::arg("d"), py::arg("rules") = national,
        "True when the certificate can be used on d.");
    m.def("next_review_due", &next_review_due, py::arg("certificate"), py::arg("d"),
          py::arg("rules") = national, "The day the next annual review is due (certificate.annual_review).");
    m.def(
        "check_host_dues",
        [](py::handle certs, org_id host, date::sys_days d, rule_set const& rules) {
            check_host_dues(load<std::vector<activity_certificate>>(certs, "certificates"), host, d, rules);
        },
        py::arg("certificates"), py::arg("host"), py::arg("d"), py::arg("rules") = national,
        "Raises RuleViolation mobility.host_dues_with_certificate unless a valid certificate was "
        "presented to host.");
    m.def(
        "valid_certificates_on",
        [](py::handle certs, date::sys_days d, rule_set const& rules) {
            auto const list = load<std::vector<activity_certificate>>(certs, "certificates");
            std::vector<activity_certificate> out;
            for (auto const* c : valid_certificates_on(list, d, rules))
                out.push_back(*c);
            return out;
        },
        py::arg("certificates"), py::arg("d"), py::arg("rules") = national,
        "The certificates (copies) usable on d.");
    m.def(
        "reissue_after_loss",
        [](activity_certificate& lost, date::sys_days lost_on, std::string reason,
           certificate_numbering& numbering, py::handle issue, py::handle existing, rule_set const& rules) {
            auto const certs = load<std::vector<activity_certificate>>(existing, "existing");
            return reissue_after_loss(lost, lost_on, std::move(reason), numbering,
                                      record_from_python<certificate_issue>(issue), certs, rules);
        },
        py::arg("lost"), py::arg("lost_on"), py::arg("reason"), py::arg("numbering"), py::arg("issue"),
        py::arg("existing") = py::list(), py::arg("rules") = national,
        "Records the loss on the `lost` certificate object and returns its replacement under the next "
        "number of numbering (certificate.lost_reissue); nothing changes on a raise.");
    m.def(
        "record_with_certificates",
        [](mobility_episode& ep, py::handle next, py::handle certs, rule_set const& rules) {
            record_with_certificates(ep, record_from_python<episode_record>(next),
                                     load<std::vector<activity_certificate>>(certs, "certificates"), rules);
        },
        py::arg("episode"), py::arg("record"), py::arg("certificates"), py::arg("rules") = national,
        "check_episode_record, and for dues paid at the host check_host_dues, then appends the record to "
        "the episode object (mobility.host_dues_with_certificate).");
    m.def(
        "certificate_agenda",
        [](activity_certificate const& c, date::sys_days as_of, rule_set const& rules) {
            return record_table<agenda_item>(certificate_agenda(c, as_of, rules));
        },
        py::arg("certificate"), py::arg("as_of"), py::arg("rules") = national,
        "Agenda items of a certificate open on as_of, as an Agenda.");

    // ---- pure rules: transfers
    m.def(
        "transfer_validity_days",
        [](transfer_letter const& l, rule_set const& rules) { return validity_days_of(l, rules); },
        py::arg("letter"), py::arg("rules") = national,
        "The validity of a letter in days: its own, or the rule set's (transfer.letter_validity).");
    m.def(
        "transfer_expiry_date",
        [](transfer_letter const& l, rule_set const& rules) { return expiry_date(l, rules); },
        py::arg("letter"), py::arg("rules") = national, "The last day the letter can be received.");
    m.def(
        "transfer_state_on",
        [](transfer_letter const& l, date::sys_days d, rule_set const& rules) {
            return state_on(l, d, rules);
        },
        py::arg("letter"), py::arg("d"), py::arg("rules") = national,
        "The TransferStatus on d, None before the issue.");
    m.def(
        "responsible_org_on",
        [](py::handle letters, std::optional<org_id> original, date::sys_days d, rule_set const& rules) {
            if (py::isinstance<transfer_letter>(letters))
                return responsible_org_on(letters.cast<transfer_letter const&>(), d, rules);
            if (!original) throw invalid_input("original", "is required with a list of letters");
            auto const list = load<std::vector<transfer_letter>>(letters, "letters");
            return responsible_org_on(std::span<transfer_letter const>(list), *original, d, rules);
        },
        py::arg("letters"), py::arg("original"), py::arg("d"), py::arg("rules") = national,
        "The organisation responsible for a member on d (transfer.old_org_responsible): given one "
        "TransferLetter (original is then None), its receiver from the receipt on and its issuer before; "
        "given the member's letters, the receiver of the one received last, else original.");
    m.def(
        "check_new_letter",
        [](py::handle letter, py::handle existing, rule_set const& rules) {
            check_new_letter(record_from_python<transfer_letter>(letter),
                             load<std::vector<transfer_letter>>(existing, "existing"), rules);
        },
        py::arg("letter"), py::arg("existing") = py::list(), py::arg("rules") = national,
        "Checks a new letter. Raises InvalidInput or RuleViolation transfer.one_open_letter.");
    m.def(
        "check_transfer_record",
        [](transfer_letter const& l, py::handle next, rule_set const& rules) {
            check_transfer_record(l, record_from_python<transfer_record>(next), rules);
        },
        py::arg("letter"), py::arg("record"), py::arg("rules") = national,
        "Checks a record of a letter. Raises InvalidInput or RuleViolation transfer.letter_validity / "
        "transfer.receipt_between_grassroots / transfer.revoke_before_receipt.");
    m.def(
        "transfer_agenda",
        [](transfer_letter const& l, date::sys_days as_of, rule_set const& rules) {
            return record_table<agenda_item>(transfer_agenda(l, as_of, rules));
        },
        py::arg("letter"), py::arg("as_of"), py::arg("rules") = national,
        "Agenda items of a letter on as_of, as an Agenda.");

    // ---- pure rules: lost contact and self-withdrawal
    auto history = [](py::handle h) { return load<std::vector<standing_event>>(h, "history"); };
    m.def(
        "check_contact_record",
        [](contact_log const& log, py::handle next) {
            check_contact_record(log, record_from_python<contact_record>(next));
        },
        py::arg("log"), py::arg("record"), "Raises InvalidInput (member, branch, date).");
    m.def("last_contact_on", &last_contact_on, py::arg("log"), py::arg("d"),
          "The last day the member was in contact, on or before d.");
    m.def("attempts_since_last_contact", &attempts_since_last_contact, py::arg("log"), py::arg("d"),
          "Failed attempts after the last contact, on or before d.");
    m.def("suspension_due", &suspension_due, py::arg("log"), py::arg("d"), py::arg("rules") = national,
          "The day the member becomes a suspension candidate (lostcontact.suspend_after_6_months).");
    m.def("out_of_contact_long_enough", &out_of_contact_long_enough, py::arg("log"), py::arg("d"),
          py::arg("rules") = national, "True when out of contact for lost_contact_suspend_months on d.");
    m.def(
        "suspended_since",
        [history](py::handle h, date::sys_days d) { return suspended_since(history(h), d); },
        py::arg("history"), py::arg("d"), "The start of the suspension in force on d, or None.");
    m.def(
        "exited_on", [history](py::handle h, date::sys_days d) { return exited_on(history(h), d); },
        py::arg("history"), py::arg("d"), "True when the member left the party on or before d.");
    m.def(
        "removal_due",
        [history](py::handle h, date::sys_days d, rule_set const& rules) {
            return removal_due(history(h), d, rules);
        },
        py::arg("history"), py::arg("d"), py::arg("rules") = national,
        "The day a suspended member becomes a removal candidate (lostcontact.removal_after_2_years).");
    m.def("reached_since", &reached_since, py::arg("log"), py::arg("since"), py::arg("d"),
          "True when the member was reached after `since`, on or before d.");
    m.def(
        "require_suspension_grounds",
        [history](contact_log const& log, py::handle h, date::sys_days d, rule_set const& rules) {
            require_suspension_grounds(log, history(h), d, rules);
        },
        py::arg("log"), py::arg("history"), py::arg("d"), py::arg("rules") = national,
        "Raises RuleViolation lostcontact.suspend_after_6_months naming what is missing.");
    m.def(
        "require_removal_grounds",
        [history](contact_log const& log, py::handle h, date::sys_days d, rule_set const& rules) {
            require_removal_grounds(log, history(h), d, rules);
        },
        py::arg("log"), py::arg("history"), py::arg("d"), py::arg("rules") = national,
        "Raises RuleViolation lostcontact.removal_after_2_years naming what is missing.");
    m.def(
        "lost_contact_agenda",
        [history](contact_log const& log, py::handle h, date::sys_days as_of, rule_set const& rules) {
            return record_table<agenda_item>(lost_contact_agenda(log, history(h), as_of, rules));
        },
        py::arg("log"), py::arg("history"), py::arg("as_of"), py::arg("rules") = national,
        "Agenda items of a contact log on as_of, as an Agenda.");
    m.def(
        "self_withdrawal_dates",
        [](py::handle in, rule_set const& rules) {
            return self_withdrawal_dates(record_from_python<self_withdrawal_inputs>(in), rules);
        },
        py::arg("inputs"), py::arg("rules") = national,
        "The day each ground of 党章 第9条 holds from (lostcontact.self_withdrawal_6_months).");
    m.def(
        "self_withdrawal_grounds",
        [](py::handle in, date::sys_days as_of, rule_set const& rules) {
            return self_withdrawal_grounds(record_from_python<self_withdrawal_inputs>(in), as_of, rules);
        },
        py::arg("inputs"), py::arg("as_of"), py::arg("rules") = national, "The grounds that hold on as_of.");
    m.def(
        "self_withdrawal_agenda",
        [history](member const& mem, py::handle in, py::handle h, date::sys_days as_of,
                  rule_set const& rules) {
            return record_table<agenda_item>(self_withdrawal_agenda(
                mem, record_from_python<self_withdrawal_inputs>(in), history(h), as_of, rules));
        },
        py::arg("member"), py::arg("inputs"), py::arg("history"), py::arg("as_of"),
        py::arg("rules") = national, "Self-withdrawal agenda items of a member on as_of, as an Agenda.");
    m.def(
        "mobility_agenda",
        [](py::handle mm, date::sys_days as_of, rule_set const& rules) {
            return record_table<agenda_item>(
                mobility_agenda(record_from_python<member_mobility>(mm), as_of, rules));
        },
        py::arg("mobility"), py::arg("as_of"), py::arg("rules") = national,
        "The whole mobility agenda of one member (a MemberMobility) on as_of, as an Agenda.");

    // ---- the parameter block
    auto params = existing_class<mobility_params>(m, "MobilityParams");
    std::vector<char const*> names;
#define DANGYUAN_PARAM(f)                          \
    params.def_readwrite(#f, &mobility_params::f); \
    names.push_back(#f);
    DANGYUAN_PARAM(mobile_after_months)
    DANGYUAN_PARAM(transfer_after_months)
    DANGYUAN_PARAM(yearly_report_interval_months)
    DANGYUAN_PARAM(mobility_notice_months)
    DANGYUAN_PARAM(temporary_org_min_members)
    DANGYUAN_PARAM(certificate_review_interval_months)
    DANGYUAN_PARAM(certificate_review_notice_months)
    DANGYUAN_PARAM(certificate_validity_months)
    DANGYUAN_PARAM(certificate_number_prefix)
    DANGYUAN_PARAM(certificate_number_digits)
    DANGYUAN_PARAM(transfer_letter_validity_days)
    DANGYUAN_PARAM(lost_contact_suspend_months)
    DANGYUAN_PARAM(suspended_removal_years)
    DANGYUAN_PARAM(self_withdrawal_months)
    DANGYUAN_PARAM(lost_contact_notice_months)
#undef DANGYUAN_PARAM
    params_repr(params, "MobilityParams", names);

    // ---- Store
    using h = store_handle;
    auto cls = existing_class<h>(m, "Store");
    // episodes
    cls.def(
           "open_episode",
           [](h& s, member_id member, py::handle left, std::string const& why, py::kwargs const& kw) {
               auto const r = episode_record_from(left, kw, episode_record_kind::left);
               return s.call([&](store& st) { return open_episode(st, member, r, why); });
           },
           py::arg("member"), py::arg("left") = py::none(), py::pos_only(), py::kw_only(),
           py::arg("why") = "",
           "Opens a mobility episode with its `left` record (an EpisodeRecord, a mapping, or keywords: "
           "date=, reason=, place=, host_org=, fixed_place=, expected_months=, note=). Returns the "
           "EpisodeId. "
           "Raises NotFound, InvalidInput (member: not in normal standing or already away), RuleViolation "
           "mobility.one_side_affiliation.")
        .def(
            "record_episode",
            [](h& s, episode_id id, py::handle source, std::string const& why, py::kwargs const& kw) {
                auto const r = episode_record_from(source, kw);
                s.call([&](store& st) {
                    record_episode(st, id, r, why);
                    return 0;
                });
            },
            py::arg("episode"), py::arg("record") = py::none(), py::pos_only(), py::kw_only(),
            py::arg("why") = "",
            "Appends a record (an EpisodeRecord, a mapping, or keywords kind=, date=, …; place=, host_org= "
            "for the destination). Raises InvalidInput, RuleViolation mobility.report_to_host, "
            "mobility.one_side_affiliation, mobility.host_dues_with_certificate.")
        .def(
            "get_episode",
            [](h& s, episode_id id) { return s.call([&](store& st) { return get_episode(st, id); }); },
            py::arg("episode"), "The MobilityEpisode with all its records (NotFound otherwise).")
        .def(
            "member_episodes",
            [](h& s, member_id id) { return s.call([&](store& st) { return member_episodes(st, id); }); },
            py::arg("member"), "The member's episodes, oldest first, as a list.")
        .def(
            "episodes",
            [](h& s, py::object sc, py::handle side) {
                auto const where = scope_from_python(sc);
                auto const from = load<episode_side>(side, "side");
                return record_table<mobility_episode>(
                    s.call([&](store& st) { return episodes(st, where, from); }));
            },
            py::arg("scope") = py::none(), py::arg("side") = episode_side::home,
            "Episodes seen from one side of a scope (home: 流出, host: 流入), as an Episodes table.");
    // certificates
    cls.def(
           "certificate_numbering",
           [](h& s) { return s.call([](store& st) { return certificate_numbering_of(st); }); },
           "The store's CertificateNumbering, with every number of the store reserved.")
        .def(
            "set_certificate_numbering",
            [](h& s, std::string prefix, int digits, std::int64_t next_sequence, std::string const& why) {
                s.call([&](store& st) {
                    set_certificate_numbering(st, prefix, digits, next_sequence, why);
                    return 0;
                });
            },
            py::arg("prefix"), py::arg("digits") = 6, py::arg("next_sequence") = 1, py::arg("why") = "",
            "Sets the numbering scheme of the store. Raises InvalidInput (digits, next_sequence).")
        .def(
            "issue_certificate",
            [](h& s, member_id member, py::handle issue, std::optional<certificate_no> number,
               std::string const& why, py::kwargs const& kw) {
                auto const i = record_from_python<certificate_issue>(issue, kw);
                return s.call([&](store& st) {
                    return number ? issue_certificate(st, member, *number, i, why)
                                  : issue_certificate(st, member, i, why);
                });
            },
            py::arg("member"), py::arg("issue") = py::none(), py::pos_only(), py::kw_only(),
            py::arg("number") = py::none(), py::arg("why") = "",
            "Issues a certificate (a CertificateIssue, a mapping or keywords issued=, destination=, …) under "
            "the next number, or under `number`. Returns the number (str). Raises RuleViolation "
            "certificate.scope / certificate.one_valid_per_member / certificate.unique_number / "
            "certificate.issuer_grassroots_committee, InvalidInput, NotFound.")
        .def(
            "reissue_certificate",
            [](h& s, certificate_no const& lost, date::sys_days lost_on, std::string reason,
               py::handle replacement, std::string const& why) {
                std::optional<certificate_issue> issue;
                if (!replacement.is_none()) issue = record_from_python<certificate_issue>(replacement);
                return s.call(
                    [&](store& st) { return reissue_certificate(st, lost, lost_on, reason, issue, why); });
            },
            py::arg("lost"), py::arg("lost_on"), py::arg("reason"), py::arg("replacement") = py::none(),
            py::arg("why") = "",
            "Records the loss of a certificate and issues its replacement (certificate.lost_reissue). "
            "Returns "
            "the new number.")
        .def(
            "record_certificate",
            [](h& s, certificate_no const& number, py::handle source, std::string const& why,
               py::kwargs const& kw) {
                auto const r = record_from_python<certificate_record>(source, kw);
                s.call([&](store& st) {
                    record_certificate(st, number, r, why);
                    return 0;
                });
            },
            py::arg("number"), py::arg("record") = py::none(), py::pos_only(), py::kw_only(),
            py::arg("why") = "",
            "Appends a record (a CertificateRecord, a mapping or keywords kind=, date=, org=, text=). Raises "
            "RuleViolation certificate.closed_not_usable / certificate.validity / "
            "certificate.return_with_report / mobility.one_side_affiliation, InvalidInput, NotFound.")
        .def(
            "get_certificate",
            [](h& s, certificate_no const& number) {
                return s.call([&](store& st) { return get_certificate(st, number); });
            },
            py::arg("number"), "The ActivityCertificate with its records (NotFound otherwise).")
        .def(
            "member_certificates",
            [](h& s, member_id id) { return s.call([&](store& st) { return member_certificates(st, id); }); },
            py::arg("member"), "The member's certificates in issue order, as a list.")
        .def(
            "certificates",
            [](h& s, py::object sc) {
                auto const where = scope_from_python(sc);
                return record_table<activity_certificate>(
                    s.call([&](store& st) { return certificates(st, where); }));
            },
            py::arg("scope") = py::none(),
            "The certificates issued through the branches in scope, as a table.");
    // transfers
    cls.def(
           "issue_transfer_letter",
           [](h& s, py::handle letter, std::string const& why, py::kwargs const& kw) {
               auto const l = record_from_python<transfer_letter>(letter, kw);
               return s.call([&](store& st) { return issue_transfer_letter(st, l, why); });
           },
           py::arg("letter") = py::none(), py::pos_only(), py::kw_only(), py::arg("why") = "",
           "Records a transfer letter (a TransferLetter, a mapping or keywords serial=, member=, to_org=, "
           "issued=, …); returns its TransferLetterId. Raises InvalidInput, RuleViolation "
           "transfer.one_open_letter, NotFound.")
        .def(
            "receive_transfer",
            [](h& s, transfer_letter_id id, py::handle receipt, std::optional<org_id> new_branch,
               std::string const& why, py::kwargs const& kw) {
                transfer_record r;
                if (py::isinstance<transfer_record>(receipt) || PyDict_Check(receipt.ptr())) {
                    r = record_from_python<transfer_record>(receipt, kw);
                } else {
                    py::dict fields;
                    for (auto item : kw)
                        fields[item.first] = item.second;
                    fields["kind"] = py::cast(transfer_event_kind::received);
                    fields["date"] = receipt;
                    r = record_from_python<transfer_record>(py::none(), fields);
                }
                s.call([&](store& st) {
                    receive_transfer(st, id, r, new_branch, why);
                    return 0;
                });
            },
            py::arg("letter"), py::arg("receipt"), py::pos_only(), py::kw_only(),
            py::arg("new_branch") = py::none(), py::arg("why") = "",
            "Records the receipt (回执) of a letter and moves the member: receipt is the date (with by=, "
            "note= as keywords) or a TransferRecord. Raises RuleViolation transfer.letter_validity / "
            "transfer.receipt_between_grassroots, InvalidInput, Conflict, NotFound.")
        .def(
            "revoke_transfer",
            [](h& s, transfer_letter_id id, date::sys_days on, std::string reason, std::string const& why) {
                s.call([&](store& st) {
                    revoke_transfer(st, id, on, reason, why);
                    return 0;
                });
            },
            py::arg("letter"), py::arg("on"), py::arg("reason"), py::arg("why") = "",
            "Revokes a letter. Raises RuleViolation transfer.revoke_before_receipt, InvalidInput, NotFound.")
        .def(
            "get_transfer_letter",
            [](h& s, transfer_letter_id id) {
                return s.call([&](store& st) { return get_transfer_letter(st, id); });
            },
            py::arg("letter"), "The TransferLetter with its records (NotFound otherwise).")
        .def(
            "find_transfer_letter",
            [](h& s, org_id from, std::string const& serial) {
                return s.call([&](store& st) { return find_transfer_letter(st, from, serial); });
            },
            py::arg("issuer"), py::arg("serial"), "The TransferLetterId of serial issued by issuer, or None.")
        .def(
            "member_transfer_letters",
            [](h& s, member_id id) {
                return s.call([&](store& st) { return member_transfer_letters(st, id); });
            },
            py::arg("member"), "The member's letters in issue order, as a list.")
        .def(
            "branch_moves",
            [](h& s, member_id id) {
                return record_table<branch_move>(s.call([&](store& st) { return branch_moves(st, id); }));
            },
            py::arg("member"), "The member's branch moves, oldest first, as a BranchMoves table.")
        .def(
            "responsible_branch_on",
            [](h& s, member_id id, date::sys_days d) {
                return s.call([&](store& st) { return responsible_branch_on(st, id, d); });
            },
            py::arg("member"), py::arg("d"),
            "The branch responsible for the member on d (transfer.old_org_responsible).");
    // lost contact
    cls.def(
           "open_contact_log",
           [](h& s, member_id id, date::sys_days known, std::string const& why) {
               s.call([&](store& st) {
                   open_contact_log(st, id, known, why);
                   return 0;
               });
           },
           py::arg("member"), py::arg("known_contact"), py::arg("why") = "",
           "Opens the contact log of a member last in contact on known_contact. Raises Conflict (a log "
           "exists), InvalidInput (known_contact), NotFound.")
        .def(
            "record_contact",
            [](h& s, member_id id, py::handle source, std::string const& why, py::kwargs const& kw) {
                auto const r = record_from_python<contact_record>(source, kw);
                s.call([&](store& st) {
                    record_contact(st, id, r, why);
                    return 0;
                });
            },
            py::arg("member"), py::arg("record") = py::none(), py::pos_only(), py::kw_only(),
            py::arg("why") = "",
            "Appends a contact attempt (a ContactRecord, a mapping or keywords kind=, date=, channel=, by=, "
            "note=). Raises InvalidInput (date), NotFound.")
        .def(
            "find_contact_log",
            [](h& s, member_id id) { return s.call([&](store& st) { return find_contact_log(st, id); }); },
            py::arg("member"), "The member's ContactLog, or None.")
        .def(
            "contact_logs",
            [](h& s, py::object sc) {
                auto const where = scope_from_python(sc);
                return record_table<contact_log>(s.call([&](store& st) { return contact_logs(st, where); }));
            },
            py::arg("scope") = py::none(),
            "The contact logs of the branches in scope, as a ContactLogs table.")
        .def(
            "suspend_for_lost_contact",
            [](h& s, member_id id, date::sys_days on, std::string decided_by, std::string const& why) {
                s.call([&](store& st) {
                    suspend_for_lost_contact(st, id, on, decided_by, why);
                    return 0;
                });
            },
            py::arg("member"), py::arg("on"), py::arg("decided_by"), py::arg("why") = "",
            "Suspends the member's standing for lost contact. Raises RuleViolation "
            "lostcontact.suspend_after_6_months, standing.*.")
        .def(
            "remove_for_lost_contact",
            [](h& s, member_id id, date::sys_days on, std::string decided_by, std::string const& why) {
                s.call([&](store& st) {
                    remove_for_lost_contact(st, id, on, decided_by, why);
                    return 0;
                });
            },
            py::arg("member"), py::arg("on"), py::arg("decided_by"), py::arg("why") = "",
            "Removes the member as self-withdrawal after 2 years of suspension. Raises RuleViolation "
            "lostcontact.removal_after_2_years, standing.*.")
        .def(
            "self_withdrawal_candidates",
            [](h& s, date::sys_days as_of, py::object sc, py::handle supplied) {
                auto const where = scope_from_python(sc);
                auto const inputs = load<std::vector<self_withdrawal_input>>(supplied, "supplied");
                return record_table<agenda_item>(
                    s.call([&](store& st) { return self_withdrawal_candidates(st, as_of, where, inputs); }));
            },
            py::arg("as_of"), py::arg("scope") = py::none(), py::arg("supplied") = py::list(),
            "Self-withdrawal candidates (lostcontact.self_withdrawal_6_months) on as_of, as an Agenda; "
            "supplied is a list of SelfWithdrawalInput (org life and dues dates from elsewhere).")
        .def(
            "mobility_agenda",
            [](h& s, date::sys_days as_of, py::object sc) {
                auto const where = scope_from_python(sc);
                return record_table<agenda_item>(
                    s.call([&](store& st) { return mobility_agenda(st, as_of, where); }));
            },
            py::arg("as_of"), py::arg("scope") = py::none(), "The mobility part of the agenda, as an Agenda.")
        .def(
            "mobility_statistics",
            [](h& s, date::sys_days as_of, py::object sc) {
                auto const where = scope_from_python(sc);
                return mobility_statistics_view{
                    s.call([&](store& st) { return mobility_statistics_on(st, as_of, where); })};
            },
            py::arg("as_of"), py::arg("scope") = py::none(),
            "Mobile-member statistics of a scope on as_of (MobilityStatistics: counts and MobilityCounts "
            "tables).")
        .def(
            "certificate_statistics",
            [](h& s, date::sys_days as_of, py::object sc) {
                auto const where = scope_from_python(sc);
                return certificate_statistics_view{
                    s.call([&](store& st) { return certificate_statistics_on(st, as_of, where); })};
            },
            py::arg("as_of"), py::arg("scope") = py::none(),
            "Certificates by state on as_of (CertificateStatistics).")
        .def(
            "transfers_in_flight",
            [](h& s, date::sys_days as_of, py::object sc) {
                auto const where = scope_from_python(sc);
                return record_table<transfer_in_flight>(
                    s.call([&](store& st) { return transfers_in_flight(st, as_of, where); }));
            },
            py::arg("as_of"), py::arg("scope") = py::none(),
            "Letters neither received nor revoked on as_of, as a TransfersInFlight table.");
}

}  // namespace dangyuan::python
