#pragma once
/// \file
/// Transfer of the organisational relationship (组织关系转接) with a transfer letter (党员组织关系介绍信).
///
/// The letter is issued by the member's organisation to a receiving organisation with a serial number
/// and a validity in days. It is received when the final receiving grassroots committee accepts the
/// member and returns the receipt (回执) to the issuer (transfer.receipt_between_grassroots); it can be
/// revoked before that (transfer.revoke_before_receipt), and it expires when the validity runs out
/// without a receipt (transfer.letter_validity). Until the receipt, the issuing organisation stays
/// responsible for the member (transfer.old_org_responsible, `responsible_org_on`).
///
/// The validity is a rule-set parameter, `mobility_params::transfer_letter_validity_days`, default 90
/// days: the sources conflict ("≤ 3 months, cross-province ≤ 6 months" vs "10 days in the city, 30 days
/// outside, at most 3 months"), so the default is the common upper bound and is tagged [U]. A letter
/// may carry its own validity (`transfer_letter::validity_days`), as printed on it.

#include <date/date.h>

#include <algorithm>
#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "dangyuan/agenda/agenda.hpp"
#include "dangyuan/core/calendar.hpp"
#include "dangyuan/core/enum_table.hpp"
#include "dangyuan/core/errors.hpp"
#include "dangyuan/core/ids.hpp"
#include "dangyuan/core/record_variant.hpp"
#include "dangyuan/mobility/record_kinds.hpp"
#include "dangyuan/rules/catalogue.hpp"
#include "dangyuan/rules/rule_set.hpp"

namespace dangyuan {

/// What happened to a letter after its issue: the kinds of `transfer_record`, in its variant order.
enum class transfer_event_kind {
    received,  ///< 回执: the receiving committee accepted the member and returned the receipt
    revoked,   ///< 作废: the issuer revoked the letter
};

/// The state of a letter on a date.
enum class transfer_state {
    issued,    ///< 已开出, awaiting the receipt
    received,  ///< 已接收 (回执已返回)
    revoked,   ///< 已作废
    expired,   ///< 已过期: validity ran out without a receipt
};

template <>
struct enum_table<transfer_event_kind> {
    static constexpr std::string_view field = "kind";
    static constexpr std::string_view noun = "transfer event";
    static constexpr enum_row<transfer_event_kind> rows[] = {
        {transfer_event_kind::received, "received", "回执返回"},
        {transfer_event_kind::revoked, "revoked", "作废"},
    };
};

template <>
struct enum_table<transfer_state> {
    static constexpr std::string_view field = "state";
    static constexpr std::string_view noun = "transfer state";
    static constexpr enum_row<transfer_state> rows[] = {
        {transfer_state::issued, "issued", "已开出"},
        {transfer_state::received, "received", "已接收"},
        {transfer_state::revoked, "revoked", "已作废"},
        {transfer_state::expired, "expired", "已过期"},
    };
};

/// Letter record: the receiving committee accepted the member and returned the receipt (回执).
struct letter_received {
    date::sys_days date{};
    std::optional<org_id> by;  ///< the committee returning the receipt (default: the letter's receiver)
    std::string note;          ///< remarks

    friend bool operator==(letter_received const&, letter_received const&) = default;
};

/// Letter record: the issuer revoked the letter (作废).
struct letter_revoked {
    date::sys_days date{};
    std::string note;  ///< the reason

    friend bool operator==(letter_revoked const&, letter_revoked const&) = default;
};

/// One dated record of a letter. The variant index is stable (new kinds are appended at the end) and
/// follows `transfer_event_kind`.
using transfer_record = std::variant<letter_received, letter_revoked>;

/// Stable names of the record kinds, indexed by the variant index: the codes of `transfer_event_kind`.
inline constexpr std::array<std::string_view, std::variant_size_v<transfer_record>> transfer_record_kinds{
    "received", "revoked"};

/// The variant index of record kind `T` in `transfer_record`.
template <class T>
inline constexpr std::size_t transfer_record_index = record_index<T, transfer_record>;

/// The kind of a record, as the enum (for its Chinese name).
[[nodiscard]] constexpr transfer_event_kind kind_of(transfer_record const& r) noexcept {
    return static_cast<transfer_event_kind>(r.index());
}

/// The kind name of a record.
[[nodiscard]] inline std::string_view kind_name(transfer_record const& r) noexcept {
    return transfer_record_kinds[r.index()];
}

/// The date of a record.
[[nodiscard]] inline date::sys_days record_date(transfer_record const& r) noexcept {
    return date_of(r);
}

static_assert(detail::kinds_follow_enum<transfer_event_kind>(transfer_record_kinds),
              "transfer_event_kind, its table and transfer_record disagree");

/// A transfer letter (党员组织关系介绍信) and its records.
struct transfer_letter {
    std::string serial;  ///< 介绍信编号
    member_id member;
    std::string member_name;  ///< 姓名, as on the letter
    org_id from_org;          ///< the issuing organisation (holds the relationship until the receipt)
    std::string from_name;
    org_id to_org;  ///< the receiving (final) grassroots committee
    std::string to_name;
    date::sys_days issued{};  ///< 开具日期
    /// Validity in days after the issue date (有效期); 0 = the rule set's `transfer_letter_validity_days`.
    int validity_days = 0;
    std::vector<transfer_record> records;  ///< in date order

    friend bool operator==(transfer_letter const&, transfer_letter const&) = default;
};

/// The state of a letter on a date.
struct transfer_status {
    transfer_state state = transfer_state::issued;
    date::sys_days expires{};  ///< the last valid day
    std::optional<date::sys_days> received_on;
    std::optional<date::sys_days> revoked_on;

    friend bool operator==(transfer_status const&, transfer_status const&) = default;
};

/// The validity of `l` in days: its own, or the rule set's when it has none (transfer.letter_validity).
[[nodiscard]] inline int validity_days_of(transfer_letter const& l, rule_set const& rules) noexcept {
    return l.validity_days > 0 ? l.validity_days : rules.mobility.transfer_letter_validity_days;
}

/// The last day the letter can be received: the issue date plus the validity in days (the issue day is
/// not counted, 民法典 第201条). A 90-day letter issued 2025-01-01 is valid through 2025-04-01.
[[nodiscard]] inline date::sys_days expiry_date(transfer_letter const& l, rule_set const& rules) noexcept {
    return l.issued + date::days{validity_days_of(l, rules)};
}

/// The state of `l` on `d`, folding the records dated on or before `d`; an unreceived, unrevoked letter
/// is `expired` after its expiry date.
/// \returns nothing before the issue date.
[[nodiscard]] inline std::optional<transfer_status> state_on(transfer_letter const& l, date::sys_days d,
                                                             rule_set const& rules) {
    if (d < l.issued) return std::nullopt;
    transfer_status st;
    st.expires = expiry_date(l, rules);
    for (auto const& r : l.records) {
        if (record_date(r) > d) break;
        if (st.state != transfer_state::issued) break;  // later records cannot exist (check_transfer_record)
        if (auto const* got = std::get_if<letter_received>(&r)) {
            st.state = transfer_state::received;
            st.received_on = got->date;
        } else {
            st.state = transfer_state::revoked;
            st.revoked_on = record_date(r);
        }
    }
    if (st.state == transfer_state::issued && d > st.expires) st.state = transfer_state::expired;
    return st;
}

/// The organisation responsible for the member on `d` as far as this letter goes
/// (transfer.old_org_responsible): the receiver from the day of the receipt, the issuer before it and
/// when the letter was revoked or expired.
[[nodiscard]] inline org_id responsible_org_on(transfer_letter const& l, date::sys_days d,
                                               rule_set const& rules) {
    auto const st = state_on(l, d, rules);
    return st && st->state == transfer_state::received ? l.to_org : l.from_org;
}

/// The organisation responsible for a member on `d` given the member's letters: the receiver of the
/// letter received last on or before `d`, or `original` when none was received by then
/// (transfer.old_org_responsible).
[[nodiscard]] inline org_id responsible_org_on(std::span<transfer_letter const> letters, org_id original,
                                               date::sys_days d, rule_set const& rules) {
    org_id org = original;
    std::optional<date::sys_days> latest;
    for (auto const& l : letters) {
        auto const st = state_on(l, d, rules);
        if (st && st->received_on && (!latest || *st->received_on >= *latest)) {
            latest = st->received_on;
            org = l.to_org;
        }
    }
    return org;
}

/// Checks a new letter against the member's other letters `existing`. Changes nothing.
/// \throws invalid_input naming the field: `member`, `serial`, `from_org`, `to_org` missing; `to_org`
///         equal to `from_org`; `validity_days` negative; `serial` already used by the issuer.
/// \throws rule_violation transfer.one_open_letter when another letter of the member is awaiting its
///         receipt (issued, neither received, revoked nor expired) on the new issue date.
inline void check_new_letter(transfer_letter const& l, std::span<transfer_letter const> existing,
                             rule_set const& rules) {
    if (!l.member.valid()) throw invalid_input("member", "transfer letter without a member");
    if (l.serial.empty()) throw invalid_input("serial", "the letter has no serial number");
    if (!l.from_org.valid()) throw invalid_input("from_org", "the issuing organisation is not given");
    if (!l.to_org.valid()) throw invalid_input("to_org", "the receiving organisation is not given");
    if (l.to_org == l.from_org)
        throw invalid_input("to_org",
                            "the letter is addressed to its issuer " + std::to_string(l.from_org.value()));
    if (l.validity_days < 0)
        throw invalid_input("validity_days", "negative validity " + std::to_string(l.validity_days));
    if (!l.records.empty()) throw invalid_input("records", "a new letter has no records yet");
    for (auto const& e : existing) {
        if (e.from_org == l.from_org && e.serial == l.serial)
            throw invalid_input("serial",
                                "serial " + l.serial + " was already used on " + format_date(e.issued));
        if (e.member != l.member) continue;
        auto const st = state_on(e, l.issued, rules);
        if (st && st->state == transfer_state::issued)
            throw violation("transfer.one_open_letter",
                            "letter " + e.serial + " of " + format_date(e.issued) + " to " + e.to_name +
                                " awaits its receipt until " + format_date(st->expires) +
                                "; revoke it before issuing another");
    }
}

/// Checks that `next` may follow the records of `l`. Changes nothing.
/// \throws invalid_input{"date"} before the issue or the last record; {"kind"} receiving twice or
///         revoking twice.
/// \throws rule_violation transfer.letter_validity (receipt after the expiry date or after revocation),
///         transfer.receipt_between_grassroots (receipt from another organisation than the receiver),
///         transfer.revoke_before_receipt (revoking a received letter).
inline void check_transfer_record(transfer_letter const& l, transfer_record const& next,
                                  rule_set const& rules) {
    auto const d = record_date(next);
    auto const kind = kind_of(next);
    auto const what = std::string(chinese_name(kind)) + " (" + std::string(to_string(kind)) + ") of letter " +
                      l.serial + " on " + format_date(d);
    if (d < l.issued) throw invalid_input("date", what + " precedes the issue on " + format_date(l.issued));
    if (!l.records.empty() && d < record_date(l.records.back()))
        throw invalid_input(
            "date", what + " precedes the last record on " + format_date(record_date(l.records.back())));
    auto const st = *state_on(l, d, rules);
    if (auto const* got = std::get_if<letter_received>(&next)) {
        switch (st.state) {
            case transfer_state::received:
                throw invalid_input("kind", what + ": already received on " + format_date(*st.received_on));
            case transfer_state::revoked:
                throw violation("transfer.letter_validity",
                                what + ": the letter was revoked on " + format_date(*st.revoked_on));
            case transfer_state::expired:
                throw violation("transfer.letter_validity", what + ": the letter was valid through " +
                                                                format_date(st.expires) +
                                                                "; a new letter is needed");
            case transfer_state::issued:
                break;
        }
        if (got->by && *got->by != l.to_org)
            throw violation("transfer.receipt_between_grassroots",
                            what + ": the receipt comes from org " + std::to_string(got->by->value()) +
                                ", not from the receiving committee " + std::to_string(l.to_org.value()) +
                                " named on the letter");
    } else {
        if (st.state == transfer_state::received)
            throw violation("transfer.revoke_before_receipt", what + ": the letter was received on " +
                                                                  format_date(*st.received_on) +
                                                                  "; the relationship has moved");
        if (st.state == transfer_state::revoked)
            throw invalid_input("kind", what + ": already revoked on " + format_date(*st.revoked_on));
    }
}

/// Checks `next` (check_transfer_record) and appends it. On a throw `l` is unchanged.
inline void record(transfer_letter& l, transfer_record next, rule_set const& rules) {
    check_transfer_record(l, next, rules);
    l.records.push_back(std::move(next));
}

/// Agenda items of a letter on `as_of`, for the issuing organisation:
/// - `transfer.receipt_pending` (transfer.old_org_responsible): awaiting the receipt; due on the last
///   valid day (upcoming before, due on it);
/// - `transfer.letter_expired` (transfer.letter_validity): expired without a receipt; overdue.
/// Received or revoked letters yield nothing.
[[nodiscard]] inline std::vector<agenda_item> transfer_agenda(transfer_letter const& l, date::sys_days as_of,
                                                              rule_set const& rules) {
    std::vector<agenda_item> items;
    auto const st = state_on(l, as_of, rules);
    if (!st) return items;
    auto const to = l.to_name.empty() ? "org " + std::to_string(l.to_org.value()) : l.to_name;
    if (st->state == transfer_state::issued)
        items.push_back(
            agenda_item{"transfer.receipt_pending", l.from_org, l.member, l.member_name, st->expires,
                        status_for(st->expires, as_of), "transfer.old_org_responsible",
                        "letter " + l.serial + " to " + to + " issued " + format_date(l.issued) +
                            " awaits its receipt (回执) by " + format_date(st->expires) +
                            "; the branch stays responsible until then",
                        std::nullopt,
                        format_date(l.issued) + "开具的介绍信" + l.serial + "(转往" + to + ")回执应在" +
                            format_date(st->expires) + "前退回; 此前党员仍由本支部负责管理"});
    else if (st->state == transfer_state::expired)
        items.push_back(agenda_item{"transfer.letter_expired", l.from_org, l.member, l.member_name,
                                    st->expires, agenda_status::overdue, "transfer.letter_validity",
                                    "letter " + l.serial + " to " + to + " expired on " +
                                        format_date(st->expires) +
                                        " without a receipt: check with the receiver, revoke it and issue a "
                                        "new letter (the member still belongs to this organisation)",
                                    std::nullopt,
                                    "介绍信" + l.serial + "(转往" + to + ")" + format_date(st->expires) +
                                        "已过有效期, 回执未退回: 应与接收方核实, 收回后重新开具"
                                        "(党员仍属本组织)"});
    return items;
}

}  // namespace dangyuan
