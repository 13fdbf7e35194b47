// Transfer letters (党员组织关系介绍信, mobility/transfer.hpp): validity, receipt, revocation, the
// organisation responsible meanwhile, branch moves; the transfer operations of Store.

#include "mobility_bindings.hpp"

namespace dangyuan::python {

// ---- records

#define F(T, x) DANGYUAN_PY_FIELD(T, x)
#define R(T, x) DANGYUAN_PY_REQUIRED(T, x)

DANGYUAN_PY_FIELDS(letter_received, R(letter_received, date), F(letter_received, by),
                   F(letter_received, note))
DANGYUAN_PY_FIELDS(letter_revoked, R(letter_revoked, date), F(letter_revoked, note))
DANGYUAN_PY_FIELDS(transfer_letter, F(transfer_letter, serial), F(transfer_letter, member),
                   F(transfer_letter, member_name), F(transfer_letter, from_org),
                   F(transfer_letter, from_name), F(transfer_letter, to_org), F(transfer_letter, to_name),
                   R(transfer_letter, issued), F(transfer_letter, validity_days), F(transfer_letter, records))
DANGYUAN_PY_FIELDS(transfer_status, F(transfer_status, state), F(transfer_status, expires),
                   F(transfer_status, received_on), F(transfer_status, revoked_on))
DANGYUAN_PY_FIELDS(branch_move, F(branch_move, member), F(branch_move, date), F(branch_move, from_branch),
                   F(branch_move, to_branch), F(branch_move, previous_joined_branch), F(branch_move, letter))
DANGYUAN_PY_FIELDS(transfer_in_flight, F(transfer_in_flight, id), F(transfer_in_flight, serial),
                   F(transfer_in_flight, member), F(transfer_in_flight, member_name),
                   F(transfer_in_flight, from_org), F(transfer_in_flight, from_name),
                   F(transfer_in_flight, to_org), F(transfer_in_flight, to_name),
                   F(transfer_in_flight, issued), F(transfer_in_flight, expires),
                   F(transfer_in_flight, state), F(transfer_in_flight, days_outstanding))

#undef F
#undef R

// ---- tables

void table_spec<branch_move>::columns(column_builder<branch_move>& b) {
    using r = branch_move;
    b.integer("member", [](r const& x) { return x.member.value(); });
    b.dates("date", [](r const& x) { return x.date; });
    b.integer("from_branch", [](r const& x) { return x.from_branch.value(); });
    b.integer("to_branch", [](r const& x) { return x.to_branch.value(); });
    b.dates("previous_joined_branch", [](r const& x) { return x.previous_joined_branch; });
    b.optional_integer("letter", [](r const& x) { return id_value(x.letter); });
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

void bind_mobility_transfers(py::module_& m) {
    // ---- records
    record_kind_classes<transfer_record>(
        m, {"Transfer letter record (received): the receipt (回执) came back; date, by (the committee "
            "returning it), note.",
            "Transfer letter record (revoked): the issuer revoked the letter; date, note (the reason)."});
    auto letter = record_class<transfer_letter>(
        m,
        "A transfer letter (党员组织关系介绍信): serial, member, member_name, from_org, from_name, "
        "to_org, to_name, issued, validity_days (0: the rule set's), records.");
    record_class<transfer_status>(m, "The state of a transfer letter on a date.");
    record_class<branch_move>(m, "A dated move of a member between branches.");
    record_class<transfer_in_flight>(m, "A transfer letter neither received nor revoked on a date.");

    register_table<branch_move>(m, "Branch moves, one row each.");
    register_table<transfer_in_flight>(
        m,
        "Transfer letters awaiting their receipt or expired: id, serial, member, member_name, from_org, "
        "from_name, to_org, to_name, issued, expires, state, days_outstanding.");

    // ---- methods of the records
    letter
        .def(
            "record",
            [](transfer_letter& l, py::handle source, rule_set const& rules, py::kwargs const& kw) {
                record(l, variant_record<transfer_record>(source, kw), rules);
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

    // ---- pure rules
    auto const national = rule_set::national_2014();
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
            check_transfer_record(l, variant_record<transfer_record>(next, {}), rules);
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

    // ---- Store
    using h = store_handle;
    auto cls = existing_class<h>(m, "Store");
    def_command(
        cls, "issue_transfer_letter", &issue_transfer_letter, py::arg("letter") = py::none(), py::pos_only(),
        py::kw_only(), py::arg("why") = "",
        "Records a transfer letter (a TransferLetter, a mapping or keywords serial=, member=, to_org=, "
        "issued=, …); returns its TransferLetterId. Raises InvalidInput, RuleViolation "
        "transfer.one_open_letter, NotFound.");
    cls.def(
        "receive_transfer",
        [](h& s, transfer_letter_id id, py::handle receipt, std::optional<org_id> new_branch,
           std::string const& why, py::kwargs const& kw) {
            // The receipt: a LetterReceived, a mapping, or the date with by= and note= as keywords.
            bool const record = py::isinstance<letter_received>(receipt) ||
                                py::isinstance<letter_revoked>(receipt) || PyDict_Check(receipt.ptr());
            py::kwargs fields;
            if (!record) {
                for (auto item : kw)
                    fields[item.first] = item.second;
                fields["date"] = receipt;
            }
            auto const r = record ? variant_record<transfer_record>(
                                        receipt, kw, std::optional(transfer_event_kind::received))
                                  : variant_record<transfer_record>(
                                        py::none(), fields, std::optional(transfer_event_kind::received));
            auto const* got = std::get_if<letter_received>(&r);
            if (!got)
                throw invalid_input(
                    "kind", "a receipt is a 'received' record, not '" + std::string(kind_name(r)) + "'");
            s.call([&](store& st) {
                receive_transfer(st, id, *got, new_branch, why);
                return 0;
            });
        },
        py::arg("letter"), py::arg("receipt"), py::pos_only(), py::kw_only(),
        py::arg("new_branch") = py::none(), py::arg("why") = "",
        "Records the receipt (回执) of a letter and moves the member: receipt is the date (with by=, "
        "note= as keywords) or a LetterReceived. Raises RuleViolation transfer.letter_validity / "
        "transfer.receipt_between_grassroots, InvalidInput, Conflict, NotFound.");
    def_command(
        cls, "revoke_transfer", &revoke_transfer, py::arg("letter"), py::arg("on"), py::arg("reason"),
        py::arg("why") = "",
        "Revokes a letter. Raises RuleViolation transfer.revoke_before_receipt, InvalidInput, NotFound.");
    def_command(cls, "get_transfer_letter", &get_transfer_letter, py::arg("letter"),
                "The TransferLetter with its records (NotFound otherwise).");
    def_command(cls, "find_transfer_letter", &find_transfer_letter, py::arg("issuer"), py::arg("serial"),
                "The TransferLetterId of serial issued by issuer, or None.");
    def_command(cls, "member_transfer_letters", &member_transfer_letters, py::arg("member"),
                "The member's letters in issue order, as a list.");
    def_command<as_table>(cls, "branch_moves", &branch_moves, py::arg("member"),
                          "The member's branch moves, oldest first, as a BranchMoves table.");
    def_command(cls, "responsible_branch_on", &responsible_branch_on, py::arg("member"), py::arg("d"),
                "The branch responsible for the member on d (transfer.old_org_responsible).");
    def_command<as_table>(cls, "transfers_in_flight", &transfers_in_flight, py::arg("as_of"),
                          py::arg("scope") = py::none(),
                          "Letters neither received nor revoked on as_of, as a TransfersInFlight table.");
}

}  // namespace dangyuan::python
