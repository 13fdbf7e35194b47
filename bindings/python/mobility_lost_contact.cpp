// Lost contact and self-withdrawal (失联党员, 自行脱党; mobility/lost_contact.hpp): the contact log,
// suspension and removal, the grounds of 党章 第9条; the lost-contact operations of Store.

#include "mobility_bindings.hpp"

namespace dangyuan::python {

// ---- records

#define F(T, x) DANGYUAN_PY_FIELD(T, x)
#define R(T, x) DANGYUAN_PY_REQUIRED(T, x)

DANGYUAN_PY_FIELDS(contact_reached, R(contact_reached, date), F(contact_reached, channel),
                   F(contact_reached, by), F(contact_reached, note))
DANGYUAN_PY_FIELDS(contact_attempt_failed, R(contact_attempt_failed, date),
                   F(contact_attempt_failed, channel), F(contact_attempt_failed, by),
                   F(contact_attempt_failed, note))
DANGYUAN_PY_FIELDS(contact_log, F(contact_log, member), F(contact_log, member_name), F(contact_log, branch),
                   F(contact_log, known_contact), F(contact_log, records))
DANGYUAN_PY_FIELDS(self_withdrawal_inputs, F(self_withdrawal_inputs, tracked_since),
                   F(self_withdrawal_inputs, last_org_life), F(self_withdrawal_inputs, last_dues_month),
                   F(self_withdrawal_inputs, work_neglected_since), F(self_withdrawal_inputs, good_reason))
DANGYUAN_PY_FIELDS(self_withdrawal_ground_date, F(self_withdrawal_ground_date, ground),
                   field<&self_withdrawal_ground_date::from>("from_"))
DANGYUAN_PY_FIELDS(self_withdrawal_input, R(self_withdrawal_input, member), F(self_withdrawal_input, inputs))

#undef F
#undef R

// ---- tables

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

namespace {
// A contact record from a record, a mapping or keywords; without a kind it is a failed attempt (the
// common case: a search that found nobody).
contact_record contact_record_from(py::handle source, py::kwargs const& kw) {
    return variant_record<contact_record>(source, kw, std::optional(contact_kind::attempt_failed));
}
}  // namespace

// A contact record as a store command takes it (see contact_record_from).
template <>
struct command_arg<contact_record> {
    using python = py::object;
    static contact_record load(py::object&& source, py::kwargs const& kw) {
        return contact_record_from(source, kw);
    }
};

void bind_mobility_lost_contact(py::module_& m) {
    // ---- records
    record_kind_classes<contact_record>(
        m,
        {"Contact record (reached): the member was reached; date, channel, by, note.",
         "Contact record (attempt_failed): an attempt to reach the member failed; date, channel, by, note."});
    auto log = record_class<contact_log>(
        m, "The contact log of a member (失联): member, member_name, branch, known_contact, records.");
    record_class<self_withdrawal_inputs>(
        m,
        "What the org-life and dues records say about a member: tracked_since, last_org_life, "
        "last_dues_month (a month), work_neglected_since, good_reason.");
    record_class<self_withdrawal_ground_date>(
        m, "One ground of self-withdrawal and from_, the first day it holds.");
    record_class<self_withdrawal_input>(
        m, "A member and their SelfWithdrawalInputs, for Store.self_withdrawal_candidates(supplied=...).");

    register_table<contact_log>(m,
                                "Contact logs, one row each: member, member_name, branch, known_contact, "
                                "last_contact, failed_attempts (since the last contact), records.");

    // ---- methods of the records
    log.def(
        "record",
        [](contact_log& l, py::handle source, py::kwargs const& kw) {
            record(l, contact_record_from(source, kw));
        },
        py::arg("record") = py::none(), py::pos_only(),
        "Checks a contact record (check_contact_record) and appends it to this log object.");

    // ---- pure rules
    auto const national = rule_set::national_2014();
    auto history = [](py::handle h) { return load<std::vector<standing_event>>(h, "history"); };
    m.def(
        "check_contact_record",
        [](contact_log const& log, py::handle next) {
            check_contact_record(log, contact_record_from(next, {}));
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

    // ---- Store
    using h = store_handle;
    auto cls = existing_class<h>(m, "Store");
    def_command(cls, "open_contact_log", &open_contact_log, py::arg("member"), py::arg("known_contact"),
                py::arg("why") = "",
                "Opens the contact log of a member last in contact on known_contact. Raises Conflict (a log "
                "exists), InvalidInput (known_contact), NotFound.");
    def_command(
        cls, "record_contact", &record_contact, py::arg("member"), py::arg("record") = py::none(),
        py::pos_only(), py::kw_only(), py::arg("why") = "",
        "Appends a contact attempt (a ContactReached, a ContactAttemptFailed, a mapping or keywords kind= "
        "(default attempt_failed), date=, channel=, by=, note=). Raises InvalidInput (date), NotFound.");
    def_command(cls, "find_contact_log", &find_contact_log, py::arg("member"),
                "The member's ContactLog, or None.");
    def_command<as_table>(cls, "contact_logs", &contact_logs, py::arg("scope") = py::none(),
                          "The contact logs of the branches in scope, as a ContactLogs table.");
    def_command(cls, "suspend_for_lost_contact", &suspend_for_lost_contact, py::arg("member"), py::arg("on"),
                py::arg("decided_by"), py::arg("why") = "",
                "Suspends the member's standing for lost contact. Raises RuleViolation "
                "lostcontact.suspend_after_6_months, standing.*.");
    def_command(cls, "remove_for_lost_contact", &remove_for_lost_contact, py::arg("member"), py::arg("on"),
                py::arg("decided_by"), py::arg("why") = "",
                "Removes the member as self-withdrawal after 2 years of suspension. Raises RuleViolation "
                "lostcontact.removal_after_2_years, standing.*.");
    cls.def(
        "self_withdrawal_candidates",
        [](h& s, date::sys_days as_of, py::object sc, py::handle supplied) {
            auto const where = scope_from_python(sc);
            auto const inputs = load<std::vector<self_withdrawal_input>>(supplied, "supplied");
            return record_table<agenda_item>(
                s.call([&](store& st) { return self_withdrawal_candidates(st, as_of, where, inputs); }));
        },
        py::arg("as_of"), py::arg("scope") = py::none(), py::arg("supplied") = py::list(),
        "Self-withdrawal candidates (lostcontact.self_withdrawal_6_months) on as_of, as an Agenda; "
        "supplied is a list of SelfWithdrawalInput (org life and dues dates from elsewhere).");
}

}  // namespace dangyuan::python
