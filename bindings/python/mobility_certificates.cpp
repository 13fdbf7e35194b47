// The activity certificate 《流动党员活动证》 (mobility/certificate.hpp): which document an absence calls
// for, issue, records, validity, review, loss and reissue, numbering; the certificate operations of Store.

#include "mobility_bindings.hpp"

namespace dangyuan::python {

// ---- records

#define F(T, x) DANGYUAN_PY_FIELD(T, x)
#define R(T, x) DANGYUAN_PY_REQUIRED(T, x)

DANGYUAN_PY_FIELDS(absence_plan, F(absence_plan, expected_months), F(absence_plan, fixed_place),
                   F(absence_plan, short_trip), F(absence_plan, returns_often),
                   F(absence_plan, transfer_blocked), F(absence_plan, members_together))
DANGYUAN_PY_FIELDS(document_advice, F(document_advice, document), F(document_advice, rule_id),
                   F(document_advice, reason), F(document_advice, temporary_org),
                   F(document_advice, temporary_org_rule_id))
DANGYUAN_PY_FIELDS(certificate_issue, F(certificate_issue, member_name), F(certificate_issue, branch),
                   F(certificate_issue, issuing_committee), R(certificate_issue, issued),
                   F(certificate_issue, reason), F(certificate_issue, destination),
                   F(certificate_issue, expected_months), F(certificate_issue, fixed_place),
                   F(certificate_issue, transfer_blocked_reason), F(certificate_issue, replaces))
DANGYUAN_PY_FIELDS(certificate_presented, R(certificate_presented, date), F(certificate_presented, org),
                   F(certificate_presented, org_name))
DANGYUAN_PY_FIELDS(certificate_reviewed, R(certificate_reviewed, date), F(certificate_reviewed, org),
                   F(certificate_reviewed, org_name), F(certificate_reviewed, evaluation),
                   F(certificate_reviewed, result))
DANGYUAN_PY_FIELDS(certificate_returned, R(certificate_returned, date), F(certificate_returned, org),
                   F(certificate_returned, org_name), F(certificate_returned, report))
DANGYUAN_PY_FIELDS(certificate_lost, R(certificate_lost, date), F(certificate_lost, reason))
DANGYUAN_PY_FIELDS(certificate_revoked, R(certificate_revoked, date), F(certificate_revoked, reason))
DANGYUAN_PY_FIELDS(activity_certificate, F(activity_certificate, number), F(activity_certificate, member),
                   F(activity_certificate, issue), F(activity_certificate, records))
DANGYUAN_PY_FIELDS(certificate_status, F(certificate_status, state), F(certificate_status, host),
                   F(certificate_status, host_name), F(certificate_status, presented_on),
                   F(certificate_status, last_review), F(certificate_status, closed_on))

#undef F
#undef R

// ---- tables

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

void bind_mobility_certificates(py::module_& m) {
    // ---- records
    record_class<absence_plan>(
        m,
        "What is known of a planned absence: expected_months, fixed_place, short_trip, returns_often, "
        "transfer_blocked, members_together.");
    record_class<document_advice>(
        m, "The document an absence calls for, the rule behind it, and whether a temporary branch is due.");
    record_class<certificate_issue>(
        m,
        "The register entry of a certificate issue (发证登记): issued (required), reason, destination, "
        "expected_months, fixed_place, transfer_blocked_reason, replaces; member_name, branch and "
        "issuing_committee are filled in by the store when empty.");
    record_kind_classes<certificate_record>(
        m, {"Certificate record (presented): presented to a host organisation; date, org (required), "
            "org_name.",
            "Certificate record (reviewed): the annual review; date, org, org_name, evaluation (CampaignId), "
            "result.",
            "Certificate record (returned): handed back on return; date, org, org_name, report (required).",
            "Certificate record (lost): lost, the certificate is void; date, reason.",
            "Certificate record (revoked): revoked by the issuer; date, reason."});
    auto certificate =
        record_class<activity_certificate>(m, "A 《流动党员活动证》: number (str), member, issue, records.");
    record_class<certificate_status>(m, "The state of a certificate on a date.");

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

    register_table<activity_certificate>(
        m,
        "Activity certificates, one row each: number, member, member_name, branch, issuing_committee, "
        "issued, reason, destination, expected_months, fixed_place, replaces, state (after every record), "
        "last_review, closed_on, records.");

    // ---- methods of the records
    certificate
        .def(
            "record",
            [](activity_certificate& c, py::handle source, rule_set const& rules, py::kwargs const& kw) {
                record(c, variant_record<certificate_record>(source, kw), rules);
            },
            py::arg("record") = py::none(), py::pos_only(), py::kw_only(),
            py::arg("rules") = rule_set::national_2014(),
            "Checks a record (check_certificate_record) and appends it to this certificate object.")
        .def(
            "state_on", [](activity_certificate const& c, date::sys_days d) { return state_on(c, d); },
            py::arg("d"), "The CertificateStatus on d, None before the issue.");

    // ---- pure rules
    auto const national = rule_set::national_2014();
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
            check_certificate_record(c, variant_record<certificate_record>(next, {}), rules);
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
            record_with_certificates(ep, episode_record_from(next, {}),
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

    // ---- Store
    using h = store_handle;
    auto cls = existing_class<h>(m, "Store");
    def_command(cls, "certificate_numbering", &certificate_numbering_of,
                "The store's CertificateNumbering, with every number of the store reserved.");
    def_command(cls, "set_certificate_numbering", &set_certificate_numbering, py::arg("prefix"),
                py::arg("digits") = 6, py::arg("next_sequence") = 1, py::arg("why") = "",
                "Sets the numbering scheme of the store. Raises InvalidInput (digits, next_sequence).");
    cls.def(
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
        "certificate.issuer_grassroots_committee, InvalidInput, NotFound.");
    cls.def(
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
        "the new number.");
    def_command(
        cls, "record_certificate", &record_certificate, py::arg("number"), py::arg("record") = py::none(),
        py::pos_only(), py::kw_only(), py::arg("why") = "",
        "Appends a record (a CertificatePresented, CertificateReviewed, CertificateReturned, "
        "CertificateLost, CertificateRevoked, a mapping or keywords kind=, date=, org=, result= / report= / "
        "reason=). Raises "
        "RuleViolation certificate.closed_not_usable / certificate.validity / "
        "certificate.return_with_report / mobility.one_side_affiliation, InvalidInput, NotFound.");
    def_command(cls, "get_certificate", &get_certificate, py::arg("number"),
                "The ActivityCertificate with its records (NotFound otherwise).");
    def_command(cls, "member_certificates", &member_certificates, py::arg("member"),
                "The member's certificates in issue order, as a list.");
    def_command<as_table>(cls, "certificates", &certificates, py::arg("scope") = py::none(),
                          "The certificates issued through the branches in scope, as a table.");
}

}  // namespace dangyuan::python
