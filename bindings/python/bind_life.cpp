// Organisational life (组织生活): meetings and their attendance (life/meetings.hpp), the cadence and its
// compliance report (cadence.hpp), training hours (training.hpp), party dues (dues.hpp), and the store
// operations of storage/life_store.hpp as methods of Store.
//
// Money is an int of fen (0.01 yuan) and class hours an int of tenths of a class hour, in records and
// arguments as in C++; table columns carry the unit in their name (arrears_fen, hours_tenths).
// format_yuan / parse_yuan and format_class_hours / parse_class_hours convert for display and input.

#include <array>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "command.hpp"
#include "dangyuan/life/cadence.hpp"
#include "dangyuan/life/dues.hpp"
#include "dangyuan/life/meetings.hpp"
#include "dangyuan/life/training.hpp"
#include "dangyuan/storage/dues_summary.hpp"
#include "dangyuan/storage/life_store.hpp"
#include "domains.hpp"

namespace dangyuan::python {

DANGYUAN_PY_RECORD(attendance_entry, "AttendanceEntry");
DANGYUAN_PY_RECORD(meeting, "Meeting");
DANGYUAN_PY_RECORD(stored_meeting, "StoredMeeting");
DANGYUAN_PY_RECORD(cadence_rule, "CadenceRule");
DANGYUAN_PY_RECORD(training_requirement, "TrainingRequirement");
DANGYUAN_PY_RECORD(dues_bracket, "DuesBracket");
DANGYUAN_PY_RECORD(life_scope, "LifeScope");
DANGYUAN_PY_RECORD(cadence_slot, "CadenceSlot");
DANGYUAN_PY_RECORD(slot_result, "SlotResult");
DANGYUAN_PY_RECORD(training_record, "TrainingRecord");
DANGYUAN_PY_RECORD(training_roster_entry, "TrainingRosterEntry");
DANGYUAN_PY_RECORD(training_due, "TrainingDue");
DANGYUAN_PY_RECORD(training_shortfall, "TrainingShortfall");
DANGYUAN_PY_RECORD(dues_base_change, "DuesBaseChange");
DANGYUAN_PY_RECORD(dues_relief, "DuesRelief");
DANGYUAN_PY_RECORD(dues_excuse, "DuesExcuse");
DANGYUAN_PY_RECORD(dues_account, "DuesAccount");
DANGYUAN_PY_RECORD(dues_payment, "DuesPayment");
DANGYUAN_PY_RECORD(dues_payment_check, "DuesPaymentCheck");
DANGYUAN_PY_RECORD(dues_month_status, "DuesMonthStatus");
DANGYUAN_PY_RECORD(dues_statement, "DuesStatement");
DANGYUAN_PY_RECORD(unpaid_streak, "UnpaidStreak");
DANGYUAN_PY_RECORD(dues_terms, "DuesTerms");
DANGYUAN_PY_RECORD(dues_position, "DuesPosition");
DANGYUAN_PY_RECORD(member_life_activity, "MemberLifeActivity");
DANGYUAN_PY_RECORD(dues_month_total, "DuesMonthTotal");
DANGYUAN_PY_RECORD(cadence_tally, "CadenceTally");
DANGYUAN_PY_RECORD(branch_cadence, "BranchCadence");

DANGYUAN_PY_TABLE(meeting, "Meetings");
DANGYUAN_PY_TABLE(slot_result, "ComplianceReport");
DANGYUAN_PY_TABLE(training_record, "TrainingLedger");
DANGYUAN_PY_TABLE(training_shortfall, "TrainingShortfalls");
DANGYUAN_PY_TABLE(dues_payment, "DuesPayments");
DANGYUAN_PY_TABLE(dues_month_status, "DuesMonths");
DANGYUAN_PY_TABLE(dues_position, "DuesArrears");
DANGYUAN_PY_TABLE(member_life_activity, "LifeActivity");
DANGYUAN_PY_TABLE(dues_month_total, "DuesCollected");
DANGYUAN_PY_TABLE(branch_cadence, "MeetingsAgainstCadence");

// ---- records

#define F(T, x) DANGYUAN_PY_FIELD(T, x)
#define R(T, x) DANGYUAN_PY_REQUIRED(T, x)

DANGYUAN_PY_FIELDS(attendance_entry, R(attendance_entry, member), F(attendance_entry, status),
                   F(attendance_entry, absence_reason), F(attendance_entry, voting))
DANGYUAN_PY_FIELDS(meeting, F(meeting, id), R(meeting, org), R(meeting, kind), R(meeting, date),
                   F(meeting, topic), F(meeting, chair), F(meeting, chair_is_secretary),
                   F(meeting, attendance))
DANGYUAN_PY_FIELDS(stored_meeting, F(stored_meeting, record), F(stored_meeting, recorded_on),
                   F(stored_meeting, version))
DANGYUAN_PY_FIELDS(cadence_rule, R(cadence_rule, rule_id), R(cadence_rule, kind), R(cadence_rule, period),
                   F(cadence_rule, min_count), F(cadence_rule, condition))
DANGYUAN_PY_FIELDS(training_requirement, R(training_requirement, rule_id),
                   F(training_requirement, applies_to), F(training_requirement, min_tenths),
                   F(training_requirement, concentrated_only),
                   F(training_requirement, min_concentrated_sessions))
DANGYUAN_PY_FIELDS(dues_bracket, F(dues_bracket, upper_fen), F(dues_bracket, rate_bp))
DANGYUAN_PY_FIELDS(life_scope, F(life_scope, has_committee), F(life_scope, groups), F(life_scope, members))
DANGYUAN_PY_FIELDS(cadence_slot, F(cadence_slot, start), F(cadence_slot, end), F(cadence_slot, label))
DANGYUAN_PY_FIELDS(slot_result, F(slot_result, rule_id), F(slot_result, kind), F(slot_result, period),
                   F(slot_result, slot), F(slot_result, status), F(slot_result, held),
                   F(slot_result, required), F(slot_result, group), F(slot_result, member),
                   F(slot_result, message))
DANGYUAN_PY_FIELDS(training_record, R(training_record, member), R(training_record, date),
                   F(training_record, course), R(training_record, hours), F(training_record, concentrated),
                   F(training_record, provider))
DANGYUAN_PY_FIELDS(training_roster_entry, R(training_roster_entry, member), F(training_roster_entry, name),
                   F(training_roster_entry, role), F(training_roster_entry, admitted))
DANGYUAN_PY_FIELDS(training_due, F(training_due, applies), F(training_due, hours),
                   F(training_due, concentrated_sessions))
DANGYUAN_PY_FIELDS(training_shortfall, F(training_shortfall, member), F(training_shortfall, name),
                   F(training_shortfall, role), F(training_shortfall, rule_id),
                   F(training_shortfall, required), F(training_shortfall, counted),
                   F(training_shortfall, short_by), F(training_shortfall, required_sessions),
                   F(training_shortfall, sessions))
DANGYUAN_PY_FIELDS(dues_base_change, R(dues_base_change, effective), F(dues_base_change, category),
                   F(dues_base_change, base))
DANGYUAN_PY_FIELDS(dues_relief, field<&dues_relief::from>("from_", true), F(dues_relief, to),
                   F(dues_relief, monthly_amount), F(dues_relief, reason), F(dues_relief, branch_studied_on),
                   F(dues_relief, approved_by), F(dues_relief, approved_on))
DANGYUAN_PY_FIELDS(dues_excuse, field<&dues_excuse::from>("from_", true), R(dues_excuse, to),
                   F(dues_excuse, reason))
DANGYUAN_PY_FIELDS(dues_account, F(dues_account, member), F(dues_account, admission_date),
                   F(dues_account, ledger_start), F(dues_account, last_month),
                   F(dues_account, pays_quarterly), F(dues_account, bases), F(dues_account, reliefs),
                   F(dues_account, excuses))
DANGYUAN_PY_FIELDS(dues_payment, R(dues_payment, member), R(dues_payment, month), R(dues_payment, amount),
                   F(dues_payment, voluntary), F(dues_payment, paid_at), F(dues_payment, collecting_org),
                   F(dues_payment, collected_by), R(dues_payment, paid_on))
DANGYUAN_PY_FIELDS(dues_payment_check, F(dues_payment_check, months_back),
                   F(dues_payment_check, late_back_payment), F(dues_payment_check, to_centre))
DANGYUAN_PY_FIELDS(dues_month_status, F(dues_month_status, month), F(dues_month_status, due),
                   F(dues_month_status, paid), F(dues_month_status, excused), F(dues_month_status, pay_by))
DANGYUAN_PY_FIELDS(dues_statement, F(dues_statement, member), F(dues_statement, as_of),
                   F(dues_statement, months), F(dues_statement, due), F(dues_statement, paid),
                   F(dues_statement, arrears), F(dues_statement, months_in_arrears))
DANGYUAN_PY_FIELDS(unpaid_streak, F(unpaid_streak, first), F(unpaid_streak, last), F(unpaid_streak, months),
                   F(unpaid_streak, reached))
DANGYUAN_PY_FIELDS(dues_terms, F(dues_terms, ledger_start), F(dues_terms, last_month),
                   F(dues_terms, pays_quarterly), F(dues_terms, version))
DANGYUAN_PY_FIELDS(dues_position, F(dues_position, member), F(dues_position, name), F(dues_position, branch),
                   F(dues_position, statement), F(dues_position, streak))
DANGYUAN_PY_FIELDS(member_life_activity, F(member_life_activity, member), F(member_life_activity, branch),
                   F(member_life_activity, admitted), F(member_life_activity, last_org_life),
                   F(member_life_activity, last_paid_month))
DANGYUAN_PY_FIELDS(dues_month_total, F(dues_month_total, month), F(dues_month_total, amount),
                   F(dues_month_total, payments))
DANGYUAN_PY_FIELDS(cadence_tally, F(cadence_tally, required), F(cadence_tally, held),
                   F(cadence_tally, missed))
DANGYUAN_PY_FIELDS(branch_cadence, F(branch_cadence, org), F(branch_cadence, name), F(branch_cadence, start),
                   F(branch_cadence, tally))

#undef F
#undef R

// ---- tables

void table_spec<meeting>::columns(column_builder<meeting>& b) {
    using r = meeting;
    auto const count = [](r const& x, attendance_status s) {
        std::int64_t n = 0;
        for (auto const& a : x.attendance)
            n += a.status == s;
        return n;
    };
    b.integer("id", [](r const& x) { return x.id.value(); });
    b.integer("org", [](r const& x) { return x.org.value(); });
    b.category<meeting_kind>("kind", [](r const& x) { return x.kind; });
    b.dates("date", [](r const& x) { return x.date; });
    b.text("topic", [](r const& x) -> std::string const& { return x.topic; });
    b.optional_integer("chair", [](r const& x) { return id_value(x.chair); });
    b.boolean("chair_is_secretary", [](r const& x) { return x.chair_is_secretary; });
    b.integer("present", [count](r const& x) { return count(x, attendance_status::present); });
    b.integer("absent", [count](r const& x) { return count(x, attendance_status::absent); });
    b.integer("guests", [count](r const& x) { return count(x, attendance_status::guest); });
    b.integer("entitled", [](r const& x) { return attendance_counts(x).entitled; });
    b.integer("voting_present", [](r const& x) { return attendance_counts(x).present; });
}

void table_spec<slot_result>::columns(column_builder<slot_result>& b) {
    using r = slot_result;
    b.text(
        "rule_id", [](r const& x) -> std::string const& { return x.rule_id; }, true);
    b.category<meeting_kind>("kind", [](r const& x) { return x.kind; });
    b.category<cadence_period>("period", [](r const& x) { return x.period; });
    b.text(
        "slot", [](r const& x) -> std::string const& { return x.slot.label; }, true);
    b.dates("start", [](r const& x) { return x.slot.start; });
    b.dates("end", [](r const& x) { return x.slot.end; });
    b.category<slot_status>("status", [](r const& x) { return x.status; });
    b.integer("held", [](r const& x) { return x.held; });
    b.integer("required", [](r const& x) { return x.required; });
    b.optional_integer("group", [](r const& x) { return id_value(x.group); });
    b.optional_integer("member", [](r const& x) { return id_value(x.member); });
    b.text("message", [](r const& x) -> std::string const& { return x.message; });
}

void table_spec<training_record>::columns(column_builder<training_record>& b) {
    using r = training_record;
    b.integer("member", [](r const& x) { return x.member.value(); });
    b.dates("date", [](r const& x) { return x.date; });
    b.text(
        "course", [](r const& x) -> std::string const& { return x.course; }, true);
    b.integer("hours_tenths", [](r const& x) { return x.hours.tenths(); });
    b.boolean("concentrated", [](r const& x) { return x.concentrated; });
    b.text(
        "provider", [](r const& x) -> std::string const& { return x.provider; }, true);
}

void table_spec<training_shortfall>::columns(column_builder<training_shortfall>& b) {
    using r = training_shortfall;
    b.integer("member", [](r const& x) { return x.member.value(); });
    b.text("name", [](r const& x) -> std::string const& { return x.name; });
    b.category<training_role>("role", [](r const& x) { return x.role; });
    b.text(
        "rule_id", [](r const& x) -> std::string const& { return x.rule_id; }, true);
    b.integer("required_tenths", [](r const& x) { return x.required.tenths(); });
    b.integer("counted_tenths", [](r const& x) { return x.counted.tenths(); });
    b.integer("short_by_tenths", [](r const& x) { return x.short_by.tenths(); });
    b.integer("required_sessions", [](r const& x) { return x.required_sessions; });
    b.integer("sessions", [](r const& x) { return x.sessions; });
}

void table_spec<dues_payment>::columns(column_builder<dues_payment>& b) {
    using r = dues_payment;
    b.integer("member", [](r const& x) { return x.member.value(); });
    b.dates("month", [](r const& x) { return first_day(x.month); });
    b.integer("amount_fen", [](r const& x) { return x.amount.value(); });
    b.boolean("voluntary", [](r const& x) { return x.voluntary; });
    b.category<dues_paid_at>("paid_at", [](r const& x) { return x.paid_at; });
    b.integer("collecting_org", [](r const& x) { return x.collecting_org.value(); });
    b.text(
        "collected_by", [](r const& x) -> std::string const& { return x.collected_by; }, true);
    b.dates("paid_on", [](r const& x) { return x.paid_on; });
}

void table_spec<dues_month_status>::columns(column_builder<dues_month_status>& b) {
    using r = dues_month_status;
    b.dates("month", [](r const& x) { return first_day(x.month); });
    b.integer("due_fen", [](r const& x) { return x.due.value(); });
    b.integer("paid_fen", [](r const& x) { return x.paid.value(); });
    b.integer("shortfall_fen", [](r const& x) { return x.shortfall().value(); });
    b.boolean("excused", [](r const& x) { return x.excused; });
    b.dates("pay_by", [](r const& x) { return x.pay_by; });
}

void table_spec<dues_position>::columns(column_builder<dues_position>& b) {
    using r = dues_position;
    b.integer("member", [](r const& x) { return x.member.value(); });
    b.text("name", [](r const& x) -> std::string const& { return x.name; });
    b.integer("branch", [](r const& x) { return x.branch.value(); });
    b.integer("due_fen", [](r const& x) { return x.statement.due.value(); });
    b.integer("paid_fen", [](r const& x) { return x.statement.paid.value(); });
    b.integer("arrears_fen", [](r const& x) { return x.statement.arrears.value(); });
    b.integer("months_in_arrears", [](r const& x) { return x.statement.months_in_arrears; });
    b.dates("streak_first", [](r const& x) {
        return x.streak ? first_day(x.streak->first) : std::optional<date::sys_days>{};
    });
    b.dates("streak_last", [](r const& x) {
        return x.streak ? first_day(x.streak->last) : std::optional<date::sys_days>{};
    });
    b.integer("streak_months", [](r const& x) { return x.streak ? x.streak->months : 0; });
    b.dates("streak_reached", [](r const& x) {
        return x.streak ? std::optional<date::sys_days>{x.streak->reached} : std::nullopt;
    });
}

void table_spec<member_life_activity>::columns(column_builder<member_life_activity>& b) {
    using r = member_life_activity;
    b.integer("member", [](r const& x) { return x.member.value(); });
    b.integer("branch", [](r const& x) { return x.branch.value(); });
    b.dates("admitted", [](r const& x) { return x.admitted; });
    b.dates("last_org_life", [](r const& x) { return x.last_org_life; });
    b.dates("last_paid_month", [](r const& x) { return first_day(x.last_paid_month); });
}

void table_spec<dues_month_total>::columns(column_builder<dues_month_total>& b) {
    using r = dues_month_total;
    b.dates("month", [](r const& x) { return first_day(x.month); });
    b.integer("amount_fen", [](r const& x) { return x.amount.value(); });
    b.integer("payments", [](r const& x) { return x.payments; });
}

void table_spec<branch_cadence>::columns(column_builder<branch_cadence>& b) {
    using r = branch_cadence;
    b.integer("org", [](r const& x) { return x.org.value(); });
    b.text("name", [](r const& x) -> std::string const& { return x.name; });
    b.dates("start", [](r const& x) { return x.start; });
    b.integer("held", [](r const& x) { return x.tally.held; });
    b.integer("required", [](r const& x) { return x.tally.required; });
    b.integer("missed", [](r const& x) { return x.tally.missed; });
}

namespace {

template <class T>
std::vector<T> list_arg(py::handle value, char const* name) {
    return load<std::vector<T>>(value, name);
}

// A ComplianceReport: the slots of a compliance_report as a table.
record_table<slot_result> report_table(compliance_report r) {
    return record_table<slot_result>(std::move(r.slots));
}

// Result policy of def_command: a compliance report as its table.
struct as_report_table {
    record_table<slot_result> operator()(compliance_report r) const { return report_table(std::move(r)); }
};

}  // namespace

void bind_life(py::module_& m) {
    auto const national = rule_set::national_2014();

    // ---- enums
    bind_enum<meeting_kind>(
        m, "Kinds of organisational-life meeting (三会一课, 主题党日, 组织生活会, 谈心谈话).")
        .def_property_readonly("needs_quorum", &needs_quorum,
                               "True for the branch general meeting and the committee meeting.")
        .def_property_readonly("counts_as_org_life", &counts_as_org_life,
                               "True for every kind but the heart-to-heart talk.");
    bind_enum<cadence_period>(m, "The calendar period a cadence is judged over.");
    bind_enum<cadence_condition>(m, "An extra condition a meeting must meet to count towards a cadence.");
    bind_enum<attendance_status>(m, "How a member is recorded at a meeting (出席, 缺席, 流入列席).");
    bind_enum<slot_status>(m, "How a cadence slot stands: met, missed, open or exempt.");
    bind_enum<training_role>(m, "Who a training requirement applies to: every member, or officers.");
    bind_enum<dues_rounding>(m, "How a percentage amount of dues is rounded (dues.rounding [U]).");
    bind_enum<back_payment_policy>(m, "What happens to a payment for a month too far back: flag or refuse.");
    bind_enum<dues_category>(m, "How a member's dues are assessed (在职, 离退休, 农民, 学生 …).");
    bind_enum<dues_paid_at>(m, "Where a payment was made: the member's own organisation or a host.");

    // ---- records
    record_class<attendance_entry>(
        m, "One line of an attendance list: member, status, absence_reason (required when absent), voting.");
    record_class<meeting>(
        m,
        "A meeting of organisational life: org, kind, date, topic, chair, chair_is_secretary, attendance.");
    record_class<stored_meeting>(m,
                                 "A meeting as stored: record, recorded_on, version (for correct_meeting).");
    record_class<cadence_rule>(
        m, "One row of the cadence table: at least min_count meetings of kind in every period.");
    record_class<training_requirement>(
        m, "One annual training requirement: min_tenths tenths of a class hour per calendar year.");
    record_class<dues_bracket>(
        m, "A dues bracket: a base up to upper_fen (inclusive) pays rate_bp basis points of the whole base.");
    record_class<life_scope>(
        m,
        "Facts about an organisation for the cadence: has_committee, groups (OrgIds), members (MemberIds).");
    record_class<cadence_slot>(m, "One calendar period: start, end, label ('2026-Q4').");
    record_class<slot_result>(m, "The judgement of one cadence row over one slot.");
    record_class<training_record>(
        m,
        "One line of a training ledger: member, date, course, hours (int, tenths of a class hour), "
        "concentrated, provider.");
    record_class<training_roster_entry>(
        m, "One member of an organisation's roster for a training year: member, name, role, admitted.");
    record_class<training_due>(m, "What one requirement asks of one member in one year.");
    record_class<training_shortfall>(m, "One unmet requirement of one member (hours in tenths).");
    record_class<dues_base_change>(
        m,
        "A change of dues base effective from a month (effective: the first of the month, or 'YYYY-MM'), "
        "category, base (int, fen).");
    record_class<dues_relief>(
        m,
        "A hardship reduction or exemption: from_ and to (months), monthly_amount (fen), reason, "
        "branch_studied_on, approved_by, approved_on.");
    record_class<dues_excuse>(m, "A recorded good reason for months from_ … to.");
    record_class<dues_account>(m, "Everything that decides what a member owes.");
    record_class<dues_payment>(
        m,
        "One line of the payment ledger: member, month, amount (int, fen), voluntary, paid_at, "
        "collecting_org, collected_by, paid_on.");
    record_class<dues_payment_check>(
        m, "Flags of an accepted payment: months_back, late_back_payment, to_centre.");
    record_class<dues_month_status>(m, "One month of a dues statement (amounts in fen).")
        .def(
            "shortfall", [](dues_month_status const& s) { return s.shortfall(); },
            "What is still owed (fen).");
    auto statement =
        record_class<dues_statement>(m,
                                     "A member's dues position on a date: months, due, paid, arrears (fen), "
                                     "months_in_arrears.");
    record_class<unpaid_streak>(
        m, "A run of consecutive unpaid months (dues.unpaid_6_months): first, last, months, reached.");
    record_class<dues_terms>(
        m, "The terms of a dues account: ledger_start, last_month, pays_quarterly, version.");
    record_class<dues_position>(m, "One line of the arrears report.");
    record_class<member_life_activity>(m, "A member's last organisational life and last month of dues paid.");
    record_class<dues_month_total>(m, "The dues collected in one month: month, amount (fen), payments.");
    record_class<cadence_tally>(m,
                                "A compliance report added up (tally): required, held (at most required per "
                                "slot) and missed slots, counting the slots met or missed.");
    record_class<branch_cadence>(m, "One branch's meetings against the cadence: org, name, start, tally.");

    register_table<meeting>(m,
                            "Meetings, one row each: id, org, kind, date, topic, chair, chair_is_secretary, "
                            "present, absent, guests, entitled (voting), voting_present.");
    register_table<dues_month_total>(m,
                                     "Dues collected per month, one row each: month, amount_fen, payments.");
    register_table<branch_cadence>(
        m, "Meetings against the cadence, one row per branch: org, name, start, held, required, missed.");
    register_table<slot_result>(
        m,
        "A cadence compliance report, one row per slot (and group or member): rule_id, "
        "kind, period, slot, start, end, status, held, required, group, member, "
        "message. compliant() is True when no slot was missed.")
        .def(
            "compliant",
            [](record_table<slot_result> const& t) {
                for (auto const& r : t.rows())
                    if (r.status == slot_status::missed) return false;
                return true;
            },
            "True when no slot was missed.")
        .def(
            "with_status",
            [](record_table<slot_result> const& t, slot_status s) {
                std::vector<slot_result> out;
                for (auto const& r : t.rows())
                    if (r.status == s) out.push_back(r);
                return record_table<slot_result>(std::move(out));
            },
            py::arg("status"), "The slots with this status, as a ComplianceReport.");
    register_table<training_record>(
        m, "Training ledger lines: member, date, course, hours_tenths, concentrated, provider.");
    register_table<training_shortfall>(
        m,
        "Training shortfalls, one row per unmet requirement: member, name, role, rule_id, required_tenths, "
        "counted_tenths, short_by_tenths, required_sessions, sessions.");
    register_table<dues_payment>(m,
                                 "Dues payments: member, month, amount_fen, voluntary, paid_at, "
                                 "collecting_org, collected_by, paid_on.");
    register_table<dues_month_status>(m,
                                      "Months of a dues statement: month, due_fen, paid_fen, shortfall_fen, "
                                      "excused, pay_by.");
    statement.def(
        "months_table", [](dues_statement const& s) { return record_table<dues_month_status>(s.months); },
        "The months as a DuesMonths table.");
    register_table<dues_position>(
        m,
        "The arrears report, one row per member who owes or has an unpaid streak: member, name, branch, "
        "due_fen, paid_fen, arrears_fen, months_in_arrears, streak_first, streak_last, streak_months, "
        "streak_reached.");
    register_table<member_life_activity>(
        m,
        "Organisational life and dues of members: member, branch, admitted, last_org_life, last_paid_month.");

    // ---- money, class hours, months
    m.def(
        "format_yuan", [](fen f) { return format_yuan(f); }, py::arg("fen"),
        "An amount of fen as yuan with two decimals: format_yuan(300001) == '3000.01'.");
    m.def(
        "parse_yuan", [](std::string_view text, std::string_view field) { return parse_yuan(text, field); },
        py::arg("text"), py::arg("field") = "amount",
        "Yuan written '3000', '3000.1' or '3000.01' as an int of fen. Raises InvalidInput naming field.");
    m.def(
        "format_class_hours", [](class_hours h) { return format_class_hours(h); }, py::arg("tenths"),
        "Tenths of a class hour as text: format_class_hours(325) == '32.5'.");
    m.def(
        "parse_class_hours",
        [](std::string_view text, std::string_view field) { return parse_class_hours(text, field); },
        py::arg("text"), py::arg("field") = "hours",
        "Class hours written '32' or '32.5' as an int of tenths. Raises InvalidInput naming field.");
    m.def(
        "format_month", [](date::year_month ym) { return format_month(ym); }, py::arg("month"),
        "A month as 'YYYY-MM'.");
    m.def(
        "month_of", [](date::sys_days d) { return month_of(d); }, py::arg("d"),
        "The month containing d (as the first day of the month).");
    m.def(
        "months_between", [](date::year_month a, date::year_month b) { return months_between(a, b); },
        py::arg("a"), py::arg("b"), "Months from a to b: months_between('2025-12', '2026-06') == 6.");
    m.def(
        "last_day", [](date::year_month ym) { return last_day(ym); }, py::arg("month"),
        "The last day of a month.");

    // ---- pure rules: meetings and cadence
    m.def("validate_meeting", &validate_meeting, py::arg("meeting"), py::arg("org"), py::arg("as_of"),
          "Validates a meeting held by org, recorded on as_of. Raises InvalidInput (.field) or RuleViolation "
          "life.general_meeting_quorum / life.committee_meeting_quorum.");
    m.def("attendance_counts", &attendance_counts, py::arg("meeting"),
          "The quorum counts of a meeting as a BranchVote (entitled, present).");
    m.def(
        "meeting_participants", [](meeting const& mt) { return participants(mt); }, py::arg("meeting"),
        "The members who took part: those present, guests and the chair.");
    m.def(
        "last_org_life",
        [](py::handle meetings, date::sys_days as_of, std::optional<member_id> who) -> py::object {
            auto const list = list_arg<meeting>(meetings, "meetings");
            if (who) return py::cast(last_org_life(*who, list, as_of));
            return py::cast(last_org_life(list, as_of));
        },
        py::arg("meetings"), py::arg("as_of"), py::arg("member") = py::none(),
        "The date of each member's last organisational life on or before as_of (a dict MemberId -> date), "
        "or with member= that member's (or None).");
    m.def("slot_containing", &slot_containing, py::arg("d"), py::arg("period"),
          "The CadenceSlot of period containing d.");
    m.def(
        "validate_cadence",
        [](py::handle rows) { validate_cadence(list_arg<cadence_rule>(rows, "cadence")); },
        py::arg("cadence"), "Checks a cadence table. Raises InvalidInput (field 'cadence').");
    m.def("national_cadence", &national_cadence,
          "The national cadence of branch life (a list of CadenceRule).");
    m.def(
        "life_compliance",
        [](org_unit const& org, py::handle meetings, py::handle scope, date::sys_days from, date::sys_days to,
           rule_set const& rules) {
            auto const list = list_arg<meeting>(meetings, "meetings");
            return report_table(
                life_compliance(org, list, record_from_python<life_scope>(scope), from, to, rules));
        },
        py::arg("org"), py::arg("meetings"), py::arg("scope"), py::arg("start"), py::arg("end"),
        py::arg("rules") = national,
        "Judges org's meetings against the cadence over [start, end], as a ComplianceReport table.");
    m.def(
        "life_agenda",
        [](org_unit const& org, py::handle meetings, py::handle scope, date::sys_days from,
           date::sys_days as_of, rule_set const& rules) {
            auto const list = list_arg<meeting>(meetings, "meetings");
            return record_table<agenda_item>(
                life_agenda(org, list, record_from_python<life_scope>(scope), from, as_of, rules));
        },
        py::arg("org"), py::arg("meetings"), py::arg("scope"), py::arg("start"), py::arg("as_of"),
        py::arg("rules") = national, "Missed and current cadence slots as an Agenda.");

    // ---- pure rules: training
    m.def(
        "validate_training_record",
        [](py::handle r, date::sys_days as_of) {
            validate_training_record(record_from_python<training_record>(r), as_of);
        },
        py::arg("record"), py::arg("as_of"), "Raises InvalidInput (member, date, course, hours).");
    m.def(
        "validate_training_ledger",
        [](py::handle ledger, date::sys_days as_of) {
            validate_training_ledger(list_arg<training_record>(ledger, "ledger"), as_of);
        },
        py::arg("ledger"), py::arg("as_of"), "Raises InvalidInput, or for a duplicate line field 'ledger'.");
    m.def(
        "training_hours",
        [](member_id who, int year, py::handle ledger, date::sys_days as_of, bool concentrated_only) {
            return training_hours(who, year, list_arg<training_record>(ledger, "ledger"), as_of,
                                  concentrated_only);
        },
        py::arg("member"), py::arg("year"), py::arg("ledger"), py::arg("as_of"),
        py::arg("concentrated_only") = false,
        "The class hours (int, tenths) a member earned in a year up to as_of.");
    m.def("whole_months_in_year", &whole_months_in_year, py::arg("admitted"), py::arg("year"),
          "Whole calendar months of membership in year for a member admitted on `admitted`.");
    m.def("requirement_for", &requirement_for, py::arg("requirement"), py::arg("entry"), py::arg("year"),
          py::arg("params") = life_params{},
          "What a requirement asks of one member in one year (TrainingDue).");
    m.def("national_training_requirements", &national_training_requirements,
          "The national training requirements (a list of TrainingRequirement).");
    m.def(
        "training_shortfalls",
        [](org_id org, int year, py::handle roster, py::handle ledger, date::sys_days as_of,
           rule_set const& rules) {
            return record_table<training_shortfall>(
                training_shortfalls(org, year, list_arg<training_roster_entry>(roster, "roster"),
                                    list_arg<training_record>(ledger, "ledger"), as_of, rules)
                    .shortfalls);
        },
        py::arg("org"), py::arg("year"), py::arg("roster"), py::arg("ledger"), py::arg("as_of"),
        py::arg("rules") = national,
        "Who is short of the requirements in a year, as a TrainingShortfalls table.");
    m.def(
        "training_agenda",
        [](org_id org, py::handle roster, py::handle ledger, date::sys_days as_of, rule_set const& rules) {
            return record_table<agenda_item>(
                training_agenda(org, list_arg<training_roster_entry>(roster, "roster"),
                                list_arg<training_record>(ledger, "ledger"), as_of, rules));
        },
        py::arg("org"), py::arg("roster"), py::arg("ledger"), py::arg("as_of"), py::arg("rules") = national,
        "Training shortfalls on the agenda from the notice month (training.q4_notice), as an Agenda.");

    // ---- pure rules: dues
    m.def(
        "validate_dues_params", &validate_dues_params, py::arg("params"),
        "Checks the dues parameters of a profile. Raises RuleViolation dues.fixed_amounts or InvalidInput.");
    m.def(
        "dues_rate_bp",
        [](py::handle brackets, fen base) {
            return dues_rate_bp(list_arg<dues_bracket>(brackets, "brackets"), base);
        },
        py::arg("brackets"), py::arg("base"), "The rate in basis points for a base (fen).");
    m.def("apply_rate", &apply_rate, py::arg("base"), py::arg("rate_bp"),
          py::arg("mode") = dues_rounding::half_up_fen,
          "base × rate_bp / 10000 in fen, rounded per mode (dues.rounding).");
    m.def("monthly_dues", &monthly_dues, py::arg("category"), py::arg("base"),
          py::arg("params") = life_params{},
          "The monthly dues (fen) of a member of category with monthly base (fen): dues.salary_brackets, "
          "dues.retiree_brackets, dues.fixed_amounts.");
    m.def("voluntary_to_centre", &voluntary_to_centre, py::arg("amount"), py::arg("params") = life_params{},
          "True when a voluntary payment goes entirely to the Centre (dues.voluntary_to_centre).");
    m.def(
        "validate_relief", [](py::handle r) { validate_relief(record_from_python<dues_relief>(r)); },
        py::arg("relief"), "Raises RuleViolation dues.hardship_approval or InvalidInput.");
    m.def(
        "validate_dues_account",
        [](py::handle a, rule_set const& rules) {
            validate_dues_account(record_from_python<dues_account>(a), rules);
        },
        py::arg("account"), py::arg("rules") = national, "Raises InvalidInput or RuleViolation.");
    m.def("dues_due", &dues_due, py::arg("account"), py::arg("month"), py::arg("as_of"),
          py::arg("rules") = national, "What the member owes for a month as known on as_of (fen).");
    m.def("pay_by", &pay_by, py::arg("account"), py::arg("month"), "The last day to pay for a month.");
    m.def(
        "check_dues_payment",
        [](py::handle p, dues_account const& a, date::sys_days as_of, rule_set const& rules) {
            return check_dues_payment(record_from_python<dues_payment>(p), a, as_of, rules);
        },
        py::arg("payment"), py::arg("account"), py::arg("as_of"), py::arg("rules") = national,
        "Checks a payment against an account; returns its DuesPaymentCheck. Raises InvalidInput or "
        "RuleViolation dues.from_admission_month / dues.back_payment_6_months.");
    m.def(
        "last_paid_month",
        [](member_id who, py::handle payments, date::sys_days as_of) {
            return last_paid_month(who, list_arg<dues_payment>(payments, "payments"), as_of);
        },
        py::arg("member"), py::arg("payments"), py::arg("as_of"), "The latest month paid for, or None.");
    m.def(
        "dues_arrears",
        [](dues_account const& a, py::handle payments, date::sys_days as_of, rule_set const& rules) {
            return dues_arrears(a, list_arg<dues_payment>(payments, "payments"), as_of, rules);
        },
        py::arg("account"), py::arg("payments"), py::arg("as_of"), py::arg("rules") = national,
        "The member's DuesStatement on as_of.");
    m.def(
        "first_unpaid_streak",
        [](dues_statement const& st, std::optional<int> need) {
            return first_unpaid_streak(
                st, need.value_or(rule_set::national_2014().mobility.self_withdrawal_months));
        },
        py::arg("statement"), py::arg("need") = py::none(),
        "The first run of at least `need` (default: the national 6) unpaid months of a statement, or None "
        "(dues.unpaid_6_months).");
    m.def(
        "first_unpaid_streak",
        [](dues_account const& a, py::handle payments, date::sys_days as_of, rule_set const& rules) {
            return first_unpaid_streak(a, list_arg<dues_payment>(payments, "payments"), as_of, rules);
        },
        py::arg("account"), py::arg("payments"), py::arg("as_of"), py::arg("rules") = national,
        "The same from an account and its payments, with the rule set's mobility.self_withdrawal_months "
        "(党章 第9条).");
    m.def(
        "dues_agenda",
        [](dues_account const& a, py::handle payments, org_id org, std::string const& subject,
           date::sys_days as_of, rule_set const& rules) {
            return record_table<agenda_item>(
                dues_agenda(a, list_arg<dues_payment>(payments, "payments"), org, subject, as_of, rules));
        },
        py::arg("account"), py::arg("payments"), py::arg("org"), py::arg("subject"), py::arg("as_of"),
        py::arg("rules") = national, "Dues agenda items of a member (arrears, unpaid streak), as an Agenda.");

    // ---- the parameter block
    auto params = existing_class<life_params>(m, "LifeParams");
    std::vector<char const*> names;
#define DANGYUAN_PARAM(f)                      \
    params.def_readwrite(#f, &life_params::f); \
    names.push_back(#f);
    DANGYUAN_PARAM(cadence)
    DANGYUAN_PARAM(training)
    DANGYUAN_PARAM(training_prorate_joiners)
    DANGYUAN_PARAM(training_notice_month)
    DANGYUAN_PARAM(salary_brackets)
    DANGYUAN_PARAM(retiree_brackets)
    DANGYUAN_PARAM(farmer_monthly_fen)
    DANGYUAN_PARAM(farmer_min_fen)
    DANGYUAN_PARAM(farmer_max_fen)
    DANGYUAN_PARAM(minimum_monthly_fen)
    DANGYUAN_PARAM(rounding)
    DANGYUAN_PARAM(voluntary_centre_threshold_fen)
    DANGYUAN_PARAM(back_payment_max_months)
    DANGYUAN_PARAM(back_payment)
#undef DANGYUAN_PARAM
    params_repr(params, "LifeParams", names);

    // ---- Store
    using h = store_handle;
    auto cls = existing_class<h>(m, "Store");
    def_command(cls, "add_meeting", &add_meeting, py::arg("meeting") = py::none(), py::pos_only(),
                py::kw_only(), py::arg("as_of"), py::arg("why") = "",
                "Records a meeting and its attendance (a Meeting, a mapping, or keywords org=, kind=, date=, "
                "topic=, chair=, attendance=), recorded on as_of; returns its MeetingId. Raises InvalidInput "
                "(.field), RuleViolation life.general_meeting_quorum / life.committee_meeting_quorum, "
                "NotFound.");
    cls.def(
        "correct_meeting",
        [](h& s, py::handle source, std::int64_t version, date::sys_days as_of, std::string const& why) {
            auto const mt = record_from_python<meeting>(source);
            s.call([&](store& st) {
                correct_meeting(st, mt, version, as_of, why);
                return 0;
            });
        },
        py::arg("meeting"), py::arg("version"), py::arg("as_of"), py::arg("why") = "",
        "Replaces a stored meeting (补正); version is the one read with get_meeting (Conflict "
        "otherwise).");
    def_command(cls, "get_meeting", &get_meeting, py::arg("meeting"),
                "The StoredMeeting (NotFound otherwise).");
    def_command<as_table>(
        cls, "meetings_of",
        [](store const& st, date::sys_days from, date::sys_days to, scope const& where) {
            return meetings_of(st, where, from, to);
        },
        py::arg("start"), py::arg("end"), py::arg("scope") = py::none(),
        "The meetings of the organisations in scope dated in [start, end], as a Meetings table.");
    def_command<as_report_table>(
        cls, "life_compliance_report", &life_compliance_report, py::arg("org"), py::arg("start"),
        py::arg("end"),
        "The cadence compliance of one organisation over [start, end], as a ComplianceReport table.");
    def_command<as_table>(
        cls, "meetings_against_cadence",
        [](store const& st, date::sys_days from, date::sys_days to, scope const& where) {
            return meetings_against_cadence(st, from, to, where);
        },
        py::arg("start"), py::arg("end"), py::arg("scope") = py::none(),
        "Every branch in scope active on end, its meetings over [max(start, established), end] added up "
        "(tally of life_compliance_report), as a MeetingsAgainstCadence table.");
    def_command<as_table>(
        cls, "dues_collected_by_month",
        [](store const& st, date::sys_days from, date::sys_days to, scope const& where) {
            return dues_collected_by_month(st, from, to, where);
        },
        py::arg("start"), py::arg("end"), py::arg("scope") = py::none(),
        "The dues collected by the organisations in scope and paid in [start, end], summed per month "
        "(every month listed), as a DuesCollected table.");
    def_command<as_table>(
        cls, "life_activity", &life_activity, py::arg("as_of"), py::arg("scope") = py::none(),
        "Last organisational life and last dues month of the members in scope, as a LifeActivity table.");
    def_command(cls, "life_activity_of", &life_activity_of, py::arg("member"), py::arg("as_of"),
                "The MemberLifeActivity of one member.");
    def_command(
        cls, "add_training", &add_training, py::arg("record") = py::none(), py::pos_only(), py::kw_only(),
        py::arg("as_of"), py::arg("why") = "",
        "Appends a training ledger line (a TrainingRecord or keywords member=, date=, course=, hours= "
        "(int, tenths), concentrated=, provider=). Raises InvalidInput (.field), NotFound.");
    def_command<as_table>(cls, "training_ledger", &training_ledger, py::arg("member"),
                          py::arg("year") = py::none(), "A member's ledger, as a TrainingLedger table.");
    def_command<as_table>(
        cls, "training_shortfall_report",
        [](store const& st, org_id org, int year, date::sys_days as_of) {
            return training_shortfall_report(st, org, year, as_of).shortfalls;
        },
        py::arg("org"), py::arg("year"), py::arg("as_of"),
        "Who in org is short of the year's training requirements, as a TrainingShortfalls table.");
    cls.def(
        "open_dues_account",
        [](h& s, member_id id, py::handle initial, py::handle terms, std::string const& why,
           py::kwargs const& kw) {
            auto const base = record_from_python<dues_base_change>(initial, kw);
            auto const t = terms.is_none() ? dues_terms{} : record_from_python<dues_terms>(terms);
            s.call([&](store& st) {
                open_dues_account(st, id, base, t, why);
                return 0;
            });
        },
        py::arg("member"), py::arg("initial") = py::none(), py::pos_only(), py::kw_only(),
        py::arg("terms") = py::none(), py::arg("why") = "",
        "Opens the dues account of a member with its first base (a DuesBaseChange or keywords "
        "effective=, "
        "category=, base=) and terms (DuesTerms). Raises Conflict (exists), InvalidInput, RuleViolation "
        "dues.fixed_amounts, NotFound.");
    def_command(
        cls, "set_dues_terms", &set_dues_terms, py::arg("member"), py::arg("terms") = py::none(),
        py::pos_only(), py::kw_only(), py::arg("why") = "",
        "Replaces the terms of an account; terms.version must be the stored one (Conflict otherwise).");
    def_command(cls, "change_dues_base", &change_dues_base, py::arg("member"), py::arg("change") = py::none(),
                py::pos_only(), py::kw_only(), py::arg("why") = "",
                "Appends a change of base (dues.salary_change_month).");
    def_command(cls, "add_dues_relief", &add_dues_relief, py::arg("member"), py::arg("relief") = py::none(),
                py::pos_only(), py::kw_only(), py::arg("why") = "",
                "Appends a hardship reduction or exemption. Raises RuleViolation dues.hardship_approval.");
    def_command(cls, "add_dues_excuse", &add_dues_excuse, py::arg("member"), py::arg("excuse") = py::none(),
                py::pos_only(), py::kw_only(), py::arg("why") = "",
                "Appends a recorded good reason for not paying in some months.");
    def_command(cls, "record_dues_payment", &record_dues_payment, py::arg("payment") = py::none(),
                py::pos_only(), py::kw_only(), py::arg("as_of"), py::arg("why") = "",
                "Records a payment (a DuesPayment or keywords member=, month=, amount= (fen), paid_on=, "
                "collecting_org=, collected_by=, voluntary=, paid_at=) recorded on as_of; returns its "
                "DuesPaymentCheck. Raises InvalidInput (.field), RuleViolation dues.from_admission_month / "
                "dues.back_payment_6_months, NotFound.");
    def_command(cls, "find_dues_account", &find_dues_account, py::arg("member"),
                "The member's DuesAccount, or None.");
    def_command(cls, "get_dues_terms", &get_dues_terms, py::arg("member"),
                "The DuesTerms of the member's account (NotFound when none).");
    def_command<as_table>(cls, "dues_payments", &dues_payments, py::arg("member"),
                          "The member's payments in the order recorded, as a DuesPayments table.");
    def_command(cls, "dues_statement", &dues_statement_of, py::arg("member"), py::arg("as_of"),
                "The member's DuesStatement on as_of.");
    def_command<as_table>(
        cls, "dues_arrears_report", &dues_arrears_report, py::arg("as_of"), py::arg("scope") = py::none(),
        "Members in scope who owe dues or have an unpaid streak on as_of, as a DuesArrears table.");
}

}  // namespace dangyuan::python
