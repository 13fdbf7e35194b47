#pragma once
/// \file
/// Store operations of organisational life (组织生活: 三会一课, 主题党日, 组织生活会, 谈心谈话), training
/// hours (学时) and party dues (党费): free functions over `dangyuan::store`.
///
/// The rules are the pure functions of `life/meetings.hpp`, `life/cadence.hpp`, `life/training.hpp` and
/// `life/dues.hpp`; these functions load what the rules need from the store, check a command with them
/// and only then write it, in one transaction with one audit row. A rejected command (invalid_input,
/// rule_violation, not_found, conflict) writes nothing. Records are stored one row per record and one
/// column per field (tables `life_*`, schema version 6), and read back as the same values.
///
/// No command of this domain changes a member's standing: a member found to be a self-withdrawal
/// candidate (dues.unpaid_6_months) is removed only by a branch-meeting decision recorded with
/// `store::record_standing` (`standing_event_kind::removed_self_withdrawal`).
///
/// **Access** (store_options::principal; access_denied naming the permission and the organisation, the
/// refusal recorded in the audit trail and nothing else written): `add_meeting` and `correct_meeting`
/// need organisational_life on the meeting's organisation; `add_training` and the dues commands need
/// organisational_life on the member's branch; a read of one organisation's or member's records needs
/// read_roster on it (its subtree holding it); a list or report with a scope is narrowed to the
/// principal's subtree (refused when they do not overlap).
///
/// **Agenda.** `store::agenda(as_of, scope)` includes, for the organisations in scope:
/// - `life.meeting_missed` / `life.meeting_due` (rule: the cadence row, e.g.
///   life.committee_meeting_monthly): the cadence of every branch, joint branch and general branch (and of
///   each of its party groups) is judged from 1 January of `as_of`'s year, or from the organisation's
///   establishment when that is later, up to `as_of`. The agenda has no other start date to go by, so a
///   slot missed in December of the previous year leaves the agenda on 1 January; use
///   `life_compliance_report` for any past period. Whether the committee cadence applies is decided by
///   the leadership in office on `as_of` (a branch with a committee member, 委员, has a committee).
/// - `training.shortfall` (training.member_32_hours, training.officer_56_hours): from the notice month
///   (training.q4_notice, default October) to 31 December, every member of a branch in normal standing
///   still short of the year's hours, with the role (officer = in the branch's leadership on some day of
///   the year up to `as_of`).
/// - `dues.arrears` (dues.pay_monthly) and `dues.self_withdrawal_candidate` (dues.unpaid_6_months): for
///   every member in normal standing whose dues account was opened (`open_dues_account`). Members
///   without an account are not judged.

#include <date/date.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dangyuan/life/cadence.hpp"
#include "dangyuan/life/dues.hpp"
#include "dangyuan/life/meetings.hpp"
#include "dangyuan/life/training.hpp"
#include "dangyuan/storage/store.hpp"

namespace dangyuan {

// ------------------------------------------------------------------------------------------------
// Meetings (三会一课 and the rest) with their attendance

/// A meeting as stored: the record, the date it was recorded on and its version (optimistic
/// concurrency for `correct_meeting`).
struct stored_meeting {
    meeting record;                ///< `record.id` is the store's id
    date::sys_days recorded_on{};  ///< the `as_of` of the last add or correction
    std::int64_t version = 0;      ///< 1 when added, +1 per correction

    friend bool operator==(stored_meeting const&, stored_meeting const&) = default;
};

/// Records a meeting and its attendance list; `m.id` is ignored. `as_of` is the recording date (no
/// meeting is recorded ahead of its date).
///
/// Checks, before anything is written:
/// - `validate_meeting(m, org, as_of)`: dates, topic, kinds per organisation, chair, attendance,
///   absence reasons and the quorum (rule_violation life.general_meeting_quorum /
///   life.committee_meeting_quorum);
/// - every member named (chair, attendance) exists and was a member on the meeting date, not yet exited
///   (invalid_input{"chair"} / {"attendance"}); a guest (流入列席) is not a member of the holding branch;
/// - `chair_is_secretary` agrees with the branch's leadership on the date, when one is recorded
///   (invalid_input{"chair_is_secretary"});
/// - branch general meeting (支部党员大会): the quorum is counted on the list, so the list names every
///   member entitled to vote (应到) — the full members in normal standing of the organisation (its
///   subtree for a general branch) on the date whose rights are not suspended by a party probation
///   (留党察看) — present, or absent with a reason, as `voting`; nobody else is `voting`
///   (invalid_input{"attendance"});
/// - committee meeting (支部委员会): when a leadership is recorded for the date, the list names every
///   officer as `voting` and nobody else is `voting` (invalid_input{"attendance"}).
/// \returns the new meeting's id.
/// \throws not_found for an unknown organisation or member; invalid_input naming the field;
///         rule_violation as above. Atomic: the meeting, its attendance and the audit row.
meeting_id add_meeting(store& s, meeting const& m, date::sys_days as_of, std::string_view why = {});

/// Replaces a stored meeting and its attendance list (补正), checked like `add_meeting`.
/// \param version the version read with `get_meeting`.
/// \throws not_found for an unknown meeting; conflict when `version` is not the stored version (someone
///         else corrected it meanwhile); invalid_input{"org"} when the organisation is changed; otherwise
///         as `add_meeting`.
void correct_meeting(store& s, meeting const& m, std::int64_t version, date::sys_days as_of,
                     std::string_view why = {});

/// The meeting, replayed from its rows.
/// \throws not_found.
[[nodiscard]] stored_meeting get_meeting(store const& s, meeting_id id);

/// The meetings held by the organisations in scope (party groups included) dated in [`from`, `to`],
/// by date then id.
/// \throws invalid_input{"to"} when `to` is before `from`; not_found for an unknown scope root.
[[nodiscard]] std::vector<meeting> meetings_of(store const& s, scope sc, date::sys_days from,
                                               date::sys_days to);

/// The cadence compliance of one organisation over [`from`, `to`], judged as of `to` with the store's
/// rule set (`life_compliance`): the meetings of the organisation and of its party groups, whether it
/// has a committee (its leadership on `to`, or on its last day when dissolved earlier, holds a 委员),
/// its party groups (党小组 children existing at some time in the period), and its roster for the
/// per-member cadences (members of the organisation's subtree in normal standing on that day).
/// \throws not_found for an unknown organisation; invalid_input{"to"} when `to` is before `from`.
[[nodiscard]] compliance_report life_compliance_report(store const& s, org_id org, date::sys_days from,
                                                       date::sys_days to);

/// One branch's meetings against the cadence (`tally` of its compliance report).
struct branch_cadence {
    org_id org;
    std::string name;
    date::sys_days start{};  ///< the period's first day: the requested start, or the establishment if later
    cadence_tally tally;

    friend bool operator==(branch_cadence const&, branch_cadence const&) = default;
};

/// The meetings held against the cadence (组织生活落实情况) by every branch (党支部, 联合党支部) in scope
/// that is active on `to`, each over [max(`from`, its establishment), `to`], in the order of
/// `store::orgs`. The figures of the statistics workbook's 组织生活 sheet and of `dangyuan.plot`.
/// 	hrows invalid_input{"to"} when `to` is before `from`; not_found for an unknown scope root.
[[nodiscard]] std::vector<branch_cadence> meetings_against_cadence(store const& s, date::sys_days from,
                                                                   date::sys_days to,
                                                                   scope sc = scope::all());

// ------------------------------------------------------------------------------------------------
// What the self-withdrawal rule of 党章 第9条 needs (consumed by the mobility domain)

/// The organisational life and dues of one member, as of a date.
struct member_life_activity {
    member_id member;
    org_id branch;                                    ///< the member's branch
    date::sys_days admitted{};                        ///< admission date (a fallback start of counting)
    std::optional<date::sys_days> last_org_life;      ///< last organisational life taken part in
    std::optional<date::year_month> last_paid_month;  ///< latest month regular dues were paid for

    friend bool operator==(member_life_activity const&, member_life_activity const&) = default;
};

/// For every member of the branches in scope admitted on or before `as_of` and not exited by then
/// (suspended members included), ordered by id:
/// - `last_org_life`: the date of the last meeting on or before `as_of` the member took part in —
///   present, as a guest (a mobile member's life at a host organisation counts) or as the chair —
///   of any organisation in the store, heart-to-heart talks excepted (`last_org_life` of
///   life/meetings.hpp, `counts_as_org_life`);
/// - `last_paid_month`: the latest month paid for by a regular (not voluntary) payment made on or
///   before `as_of` (`last_paid_month` of life/dues.hpp), wherever it was paid.
/// These fill `self_withdrawal_inputs::last_org_life` and `::last_dues_month` (mobility/lost_contact.hpp).
/// \throws not_found for an unknown scope root.
[[nodiscard]] std::vector<member_life_activity> life_activity(store const& s, date::sys_days as_of,
                                                              scope sc = scope::all());

/// The same for one member (whatever the member's standing).
/// \throws not_found for an unknown member.
[[nodiscard]] member_life_activity life_activity_of(store const& s, member_id member, date::sys_days as_of);

// ------------------------------------------------------------------------------------------------
// Training hours (学时)

/// Appends a line to a member's training ledger, recorded on `as_of`.
/// \throws not_found for an unknown member; invalid_input naming the field (`validate_training_record`:
///         member, date after `as_of`, course, hours) or {"ledger"} when the same course is already
///         recorded for the member on that day. Atomic (the line and its audit row).
void add_training(store& s, training_record const& r, date::sys_days as_of, std::string_view why = {});

/// A member's ledger, by date then insertion; only calendar year `year` when given.
/// \throws not_found for an unknown member.
[[nodiscard]] std::vector<training_record> training_ledger(store const& s, member_id member,
                                                           std::optional<int> year = std::nullopt);

/// The shortfall report (`training_shortfalls`) of `org` for calendar year `year`, counting ledger lines
/// dated in the year on or before `as_of`. The roster is the members of the organisation's subtree on
/// the report day (`as_of`, or 31 December when earlier) in normal standing, admitted and in their
/// branch by then; each member is an officer (支部书记、支部委员: training.officer_56_hours) when in the
/// leadership of the member's branch or of `org` on some day of the year up to the report day, so an
/// officer replaced during the year keeps the officer requirement for that year.
/// \throws not_found for an unknown organisation; invalid_input{"year"} outside 1-9999.
[[nodiscard]] training_report training_shortfall_report(store const& s, org_id org, int year,
                                                        date::sys_days as_of);

// ------------------------------------------------------------------------------------------------
// Party dues (党费)

/// The terms of a member's dues account that are replaced as a whole (with optimistic concurrency).
struct dues_terms {
    std::optional<date::year_month> ledger_start;  ///< first month judged (older history not kept here)
    std::optional<date::year_month> last_month;    ///< last month owed here (transfer out, exit)
    bool pays_quarterly = false;                   ///< pays by quarter with the branch's consent
    std::int64_t version = 0;                      ///< assigned by the store; 1 when opened

    friend bool operator==(dues_terms const&, dues_terms const&) = default;
};

/// Opens the dues account of a member with its terms and first base (dues.salary_brackets …). Months are
/// owed from the admission month (dues.from_admission_month: a probationary member pays from the month
/// of the branch meeting that admitted the member), or from `terms.ledger_start` when later.
/// \pre none; `terms.version` is ignored.
/// \throws not_found for an unknown member; conflict when the account exists; invalid_input{"effective"}
///         when the first base is not in effect from the first month judged, and as
///         `validate_dues_account` / `monthly_dues` (base, category); rule_violation dues.fixed_amounts
///         for a profile whose farmers' amount is out of range. Atomic.
void open_dues_account(store& s, member_id member, dues_base_change const& initial,
                       dues_terms const& terms = {}, std::string_view why = {});

/// Replaces the terms of an account. `terms.version` must be the stored version (`get_dues_terms`).
/// \throws not_found when no account is open; conflict on a stale version; invalid_input{"ledger_start"}
///         when the bases would no longer cover the first month judged, {"last_month"} before the
///         first month judged.
void set_dues_terms(store& s, member_id member, dues_terms const& terms, std::string_view why = {});

/// Appends a change of base, effective from the month the new pay is first paid
/// (dues.salary_change_month).
/// \throws not_found when no account is open; invalid_input{"bases"} for a second base effective the
///         same month, {"effective"} when the bases would no longer cover the first month judged, and as
///         `monthly_dues`.
void change_dues_base(store& s, member_id member, dues_base_change const& change, std::string_view why = {});

/// Appends a hardship reduction or exemption (dues.hardship_approval): it needs the date of the
/// branch's study, the approving higher committee and the approval date.
/// \throws not_found when no account is open; rule_violation dues.hardship_approval; invalid_input for
///         months out of order, a negative amount or an approval before the study.
void add_dues_relief(store& s, member_id member, dues_relief const& relief, std::string_view why = {});

/// Appends a recorded good reason (正当理由) for not paying in some months: they still owe dues but do
/// not count towards the unpaid streak of dues.unpaid_6_months.
/// \throws not_found when no account is open; invalid_input{"to"} when the months are out of order,
///         {"reason"} without a reason.
void add_dues_excuse(store& s, member_id member, dues_excuse const& excuse, std::string_view why = {});

/// Records a payment made on `p.paid_on`, recorded on `as_of`, after `check_dues_payment` against the
/// member's account (the admission date comes from the roster). Regular payments need an open account;
/// voluntary ones (自愿多交) do not.
/// - paid at home (`dues_paid_at::home_org`): `collecting_org` is the member's branch when the member was
///   in it on the payment date;
/// - paid at a host organisation (`dues_paid_at::host_org`, a mobile member with the activity
///   certificate, mobility.host_dues_with_certificate): `collecting_org` is another organisation;
/// - the collecting organisation exists on the payment date; `collected_by` names the collector (收缴人).
/// \returns the payment's flags (months back, late back-payment, voluntary payment to the Centre),
///          which are stored with it.
/// \throws not_found for an unknown member or organisation, or a regular payment without an account;
///         invalid_input naming the field (member, amount, collecting_org, collected_by, paid_on, month);
///         rule_violation dues.from_admission_month, dues.back_payment_6_months (when the profile refuses
///         late back-payments). Atomic.
dues_payment_check record_dues_payment(store& s, dues_payment const& p, date::sys_days as_of,
                                       std::string_view why = {});

/// The member's account replayed from its rows (admission date from the roster), or nothing when no
/// account was opened.
/// \throws not_found for an unknown member.
[[nodiscard]] std::optional<dues_account> find_dues_account(store const& s, member_id member);

/// The terms of the member's account, with its version.
/// \throws not_found when no account is open.
[[nodiscard]] dues_terms get_dues_terms(store const& s, member_id member);

/// The member's payments, in the order recorded.
/// \throws not_found for an unknown member.
[[nodiscard]] std::vector<dues_payment> dues_payments(store const& s, member_id member);

/// The member's statement on `as_of` (`dues_arrears`).
/// \throws not_found when no account is open.
[[nodiscard]] dues_statement dues_statement_of(store const& s, member_id member, date::sys_days as_of);

/// One line of the arrears report.
struct dues_position {
    member_id member;
    std::string name;
    org_id branch;
    dues_statement statement;             ///< owed, paid, arrears and months in arrears
    std::optional<unpaid_streak> streak;  ///< first run of `self_withdrawal_months` unpaid months, if any

    friend bool operator==(dues_position const&, dues_position const&) = default;
};

/// The members of the branches in scope with an open account, in normal standing on `as_of` (admitted,
/// not suspended, not exited), who owe something on `as_of` (arrears) or have an unpaid streak
/// (dues.unpaid_6_months: a self-withdrawal candidate), ordered by id.
/// \throws not_found for an unknown scope root.
[[nodiscard]] std::vector<dues_position> dues_arrears_report(store const& s, date::sys_days as_of,
                                                             scope sc = scope::all());

}  // namespace dangyuan
