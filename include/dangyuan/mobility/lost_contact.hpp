#pragma once
/// \file
/// Lost contact (失联) and dropping out: contact attempts per member, and the thresholds at which the
/// library proposes suspension, removal, or removal as self-withdrawal.
///
/// The library proposes; it does not decide. Its output is agenda items (candidates) and guard
/// functions (`require_suspension_grounds`, `require_removal_grounds`) for the command that records the
/// decision, which is a standing event (member/standing.hpp) voted by the branch:
///
/// - lostcontact.suspend_after_6_months (2019 条例 第24条 [C]): out of contact for 6 months or more
///   and still unreachable after searching → suspension (停止党籍) candidate;
/// - lostcontact.removal_after_2_years (same article): suspended for 2 years and still unreachable →
///   removal as self-withdrawal (按照自行脱党予以除名) candidate;
/// - lostcontact.self_withdrawal_6_months (党章 第9条 [C]): 6 consecutive months without org life, or
///   without paying dues, or without doing assigned work, without good reason → self-withdrawal
///   candidate. The last dates come from the organisational-life and dues records (`self_withdrawal_inputs`).
///
/// "6 months" is `add_months(last, 6)`: a member last reached on 2024-08-31 is a candidate from
/// 2025-02-28, one last reached on 2024-01-31 is not on 2024-07-30 (5 months 30 days) and is on
/// 2024-07-31.

#include <date/date.h>

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
#include "dangyuan/core/month.hpp"
#include "dangyuan/core/record_variant.hpp"
#include "dangyuan/member/member.hpp"
#include "dangyuan/member/self_withdrawal.hpp"
#include "dangyuan/member/standing.hpp"
#include "dangyuan/mobility/record_kinds.hpp"
#include "dangyuan/rules/catalogue.hpp"
#include "dangyuan/rules/rule_set.hpp"

namespace dangyuan {

/// The outcome of a contact attempt: the kinds of `contact_record`, in its variant order.
enum class contact_kind {
    reached,         ///< 取得联系: the member was reached or got in touch
    attempt_failed,  ///< 未能取得联系: an attempt (call, visit, letter, notice) failed
};

template <>
struct enum_table<contact_kind> {
    static constexpr std::string_view field = "kind";
    static constexpr std::string_view noun = "contact outcome";
    static constexpr enum_row<contact_kind> rows[] = {
        {contact_kind::reached, "reached", "取得联系"},
        {contact_kind::attempt_failed, "attempt_failed", "未能取得联系"},
    };
};

/// Contact record: the member was reached or got in touch (取得联系).
struct contact_reached {
    date::sys_days date{};
    std::string channel;  ///< e.g. "电话", "上门走访", "亲属"
    std::string by;       ///< who reached the member
    std::string note;

    friend bool operator==(contact_reached const&, contact_reached const&) = default;
};

/// Contact record: an attempt (call, visit, letter, notice) failed (未能取得联系).
struct contact_attempt_failed {
    date::sys_days date{};
    std::string channel;  ///< e.g. "电话", "上门走访", "登报寻找", "亲属"
    std::string by;       ///< who tried
    std::string note;

    friend bool operator==(contact_attempt_failed const&, contact_attempt_failed const&) = default;
};

/// One dated contact attempt. The variant index is stable (new kinds are appended at the end) and follows
/// `contact_kind`.
using contact_record = std::variant<contact_reached, contact_attempt_failed>;

/// Stable names of the record kinds, indexed by the variant index: the codes of `contact_kind`.
inline constexpr std::array<std::string_view, std::variant_size_v<contact_record>> contact_record_kinds{
    "reached", "attempt_failed"};

/// The variant index of record kind `T` in `contact_record`.
template <class T>
inline constexpr std::size_t contact_record_index = record_index<T, contact_record>;

/// The kind of a record, as the enum (for its Chinese name).
[[nodiscard]] constexpr contact_kind kind_of(contact_record const& r) noexcept {
    return static_cast<contact_kind>(r.index());
}

/// The kind name of a record.
[[nodiscard]] inline std::string_view kind_name(contact_record const& r) noexcept {
    return contact_record_kinds[r.index()];
}

/// The date of a record.
[[nodiscard]] inline date::sys_days record_date(contact_record const& r) noexcept {
    return date_of(r);
}

static_assert(detail::kinds_follow_enum<contact_kind>(contact_record_kinds),
              "contact_kind, its table and contact_record disagree");

/// The contact log of one member: the last contact known when the log was opened, then the attempts.
struct contact_log {
    member_id member;
    std::string member_name;
    org_id branch;  ///< the branch holding the relationship, which searches
    date::sys_days
        known_contact{};  ///< last contact known before the first record (e.g. the day the member left)
    std::vector<contact_record> records;  ///< in date order, none before `known_contact`

    friend bool operator==(contact_log const&, contact_log const&) = default;
};

/// Checks that `next` may follow the records of `log`. Changes nothing.
/// \throws invalid_input naming the field: `member` / `branch` unset; `date` before `known_contact` or
///         before the last record.
inline void check_contact_record(contact_log const& log, contact_record const& next) {
    if (!log.member.valid()) throw invalid_input("member", "contact log without a member");
    if (!log.branch.valid()) throw invalid_input("branch", "contact log without a branch");
    auto const d = record_date(next);
    if (d < log.known_contact)
        throw invalid_input("date", "contact attempt on " + format_date(d) +
                                        " precedes the last known contact on " +
                                        format_date(log.known_contact));
    if (!log.records.empty() && d < record_date(log.records.back()))
        throw invalid_input("date", "contact attempt on " + format_date(d) + " precedes the last one on " +
                                        format_date(record_date(log.records.back())));
}

/// Checks `next` (check_contact_record) and appends it. On a throw `log` is unchanged.
inline void record(contact_log& log, contact_record next) {
    check_contact_record(log, next);
    log.records.push_back(std::move(next));
}

/// The last day the member was in contact, on or before `d`: the latest `reached` record, or
/// `known_contact`.
[[nodiscard]] inline date::sys_days last_contact_on(contact_log const& log, date::sys_days d) {
    auto last = log.known_contact;
    for (auto const& r : log.records) {
        if (record_date(r) > d) break;
        if (std::holds_alternative<contact_reached>(r)) last = record_date(r);
    }
    return last;
}

/// Failed attempts after the last contact, on or before `d` (the search that 第24条 requires).
[[nodiscard]] inline int attempts_since_last_contact(contact_log const& log, date::sys_days d) {
    auto const last = last_contact_on(log, d);
    int n = 0;
    for (auto const& r : log.records) {
        if (record_date(r) > d) break;
        if (std::holds_alternative<contact_attempt_failed>(r) && record_date(r) >= last) ++n;
    }
    return n;
}

/// The day the member becomes a suspension candidate unless reached before:
/// `add_months(last_contact_on(d), lost_contact_suspend_months)` (lostcontact.suspend_after_6_months).
[[nodiscard]] inline date::sys_days suspension_due(contact_log const& log, date::sys_days d,
                                                   rule_set const& rules) {
    return add_months(last_contact_on(log, d), rules.mobility.lost_contact_suspend_months);
}

/// True when on `d` the member has been out of contact for `lost_contact_suspend_months` or more.
[[nodiscard]] inline bool out_of_contact_long_enough(contact_log const& log, date::sys_days d,
                                                     rule_set const& rules) {
    return d >= suspension_due(log, d, rules);
}

/// The start of the suspension in force on `d` (the last `suspended` event not followed by `restored`),
/// or nothing when the member is not suspended on `d`, has left the party, or the history is empty.
[[nodiscard]] inline std::optional<date::sys_days> suspended_since(std::span<standing_event const> history,
                                                                   date::sys_days d) {
    std::optional<date::sys_days> since;
    for (auto const& e : history) {
        if (e.date > d) break;
        if (e.kind == standing_event_kind::suspended)
            since = e.date;
        else if (e.kind == standing_event_kind::restored)
            since.reset();
        else
            return std::nullopt;  // an exit
    }
    return since;
}

/// True when the member left the party on or before `d`.
[[nodiscard]] inline bool exited_on(std::span<standing_event const> history, date::sys_days d) {
    for (auto const& e : history)
        if (e.date <= d && e.kind != standing_event_kind::suspended &&
            e.kind != standing_event_kind::restored)
            return true;
    return false;
}

/// The day a suspended member becomes a removal candidate: `add_years(suspension, suspended_removal_years)`
/// (lostcontact.removal_after_2_years); a suspension of 2024-02-29 gives 2026-02-28.
/// \returns nothing when the member is not suspended on `d`.
[[nodiscard]] inline std::optional<date::sys_days> removal_due(std::span<standing_event const> history,
                                                               date::sys_days d, rule_set const& rules) {
    auto const since = suspended_since(history, d);
    if (!since) return std::nullopt;
    return add_years(*since, rules.mobility.suspended_removal_years);
}

/// True when the member was reached after the suspension began, on or before `d`.
[[nodiscard]] inline bool reached_since(contact_log const& log, date::sys_days since, date::sys_days d) {
    for (auto const& r : log.records)
        if (auto const* x = std::get_if<contact_reached>(&r); x && x->date > since && x->date <= d)
            return true;
    return false;
}

/// Guards a suspension for lost contact decided on `d` (lostcontact.suspend_after_6_months): the member
/// is in normal standing, out of contact for `lost_contact_suspend_months`, and at least one attempt
/// after the last contact failed (still unreachable after searching).
/// \throws rule_violation lostcontact.suspend_after_6_months naming what is missing.
inline void require_suspension_grounds(contact_log const& log, std::span<standing_event const> history,
                                       date::sys_days d, rule_set const& rules) {
    auto const last = last_contact_on(log, d);
    auto const due = suspension_due(log, d, rules);
    if (exited_on(history, d) || suspended_since(history, d))
        throw violation("lostcontact.suspend_after_6_months",
                        log.member_name + " is not in normal standing on " + format_date(d));
    if (d < due)
        throw violation("lostcontact.suspend_after_6_months",
                        log.member_name + " was last in contact on " + format_date(last) +
                            "; suspension for lost " + "contact is possible from " + format_date(due));
    if (attempts_since_last_contact(log, d) == 0)
        throw violation("lostcontact.suspend_after_6_months",
                        log.member_name + ": no search recorded since the last contact on " +
                            format_date(last) + "; the member must be still unreachable after searching");
}

/// Guards a removal as self-withdrawal decided on `d` (lostcontact.removal_after_2_years): suspended for
/// `suspended_removal_years` or more on `d` and not reached since the suspension.
/// \throws rule_violation lostcontact.removal_after_2_years naming what is missing.
inline void require_removal_grounds(contact_log const& log, std::span<standing_event const> history,
                                    date::sys_days d, rule_set const& rules) {
    auto const since = suspended_since(history, d);
    if (!since)
        throw violation("lostcontact.removal_after_2_years",
                        log.member_name + " is not suspended on " + format_date(d));
    auto const due = *removal_due(history, d, rules);
    if (d < due)
        throw violation("lostcontact.removal_after_2_years",
                        log.member_name + " was suspended on " + format_date(*since) +
                            "; removal is possible from " + format_date(due));
    if (reached_since(log, *since, d))
        throw violation("lostcontact.removal_after_2_years",
                        log.member_name + " was reached after the suspension of " + format_date(*since) +
                            "; consider restoring instead");
}

/// Agenda items of a contact log on `as_of`, for the branch (all `finding` once the threshold is
/// reached, `upcoming` during the `lost_contact_notice_months` before it):
/// - `lostcontact.suspension_candidate` (lostcontact.suspend_after_6_months) in normal standing;
/// - `lostcontact.removal_candidate` (lostcontact.removal_after_2_years) while suspended and not
///   reached since.
/// Members who left the party yield nothing.
[[nodiscard]] inline std::vector<agenda_item> lost_contact_agenda(contact_log const& log,
                                                                  std::span<standing_event const> history,
                                                                  date::sys_days as_of,
                                                                  rule_set const& rules) {
    std::vector<agenda_item> items;
    if (exited_on(history, as_of)) return items;
    auto const notice = rules.mobility.lost_contact_notice_months;
    auto make = [&](std::string kind, date::sys_days due, std::string rule, std::string msg, std::string zh) {
        auto const status = as_of >= due ? agenda_status::finding : agenda_status::upcoming;
        items.push_back(agenda_item{std::move(kind), log.branch, log.member, log.member_name, due, status,
                                    std::move(rule), std::move(msg), std::nullopt, std::move(zh)});
    };
    if (auto const since = suspended_since(history, as_of)) {
        auto const due = *removal_due(history, as_of, rules);
        if (!reached_since(log, *since, as_of) && as_of >= add_months(due, -notice))
            make("lostcontact.removal_candidate", due, "lostcontact.removal_after_2_years",
                 "suspended since " + format_date(*since) +
                     " and not reached since: removal as self-withdrawal " +
                     "(按自行脱党除名) possible from " + format_date(due),
                 format_date(*since) + "起停止党籍, 此后仍无法取得联系: " + format_date(due) +
                     "起可按自行脱党予以除名");
        return items;
    }
    auto const last = last_contact_on(log, as_of);
    auto const due = suspension_due(log, as_of, rules);
    if (as_of >= add_months(due, -notice)) {
        int const attempts = attempts_since_last_contact(log, as_of);
        make("lostcontact.suspension_candidate", due, "lostcontact.suspend_after_6_months",
             "last in contact on " + format_date(last) + "; " +
                 (attempts == 0 ? std::string("no search recorded since: search for the member")
                                : std::to_string(attempts) + " failed attempt(s) since") +
                 (as_of >= due ? "; suspension (停止党籍) may be proposed"
                               : "; suspension may be proposed from " + format_date(due)),
             "最后联系日期" + format_date(last) + "; " +
                 (attempts == 0 ? std::string("此后未记录查找: 应查找该党员")
                                : "此后" + std::to_string(attempts) + "次联系未果") +
                 (as_of >= due ? "; 可提出停止党籍" : "; " + format_date(due) + "起可提出停止党籍"));
    }
    return items;
}

// ---------------------------------------------------------------------------------------------------
// Self-withdrawal (党章 第9条)

/// What the organisational-life and dues records say about a member, as of the agenda date.
struct self_withdrawal_inputs {
    /// Counting starts here when a last date is unknown (e.g. the admission date or the arrival in
    /// the branch).
    date::sys_days tracked_since{};
    std::optional<date::sys_days> last_org_life;      ///< last org life attended (home or host)
    std::optional<date::year_month> last_dues_month;  ///< last month for which dues were paid
    /// Since when the member has not done the work assigned by the organisation; nothing = doing it,
    /// or none assigned.
    std::optional<date::sys_days> work_neglected_since;
    /// A good reason (正当理由) accepted by the branch, e.g. illness; no ground is then raised.
    bool good_reason = false;

    friend bool operator==(self_withdrawal_inputs const&, self_withdrawal_inputs const&) = default;
};

/// The three grounds of 党章 第9条.
enum class self_withdrawal_ground {
    no_org_life,    ///< 不参加党的组织生活
    dues_unpaid,    ///< 不交纳党费
    work_not_done,  ///< 不做党所分配的工作
};

template <>
struct enum_table<self_withdrawal_ground> {
    static constexpr std::string_view field = "ground";
    static constexpr std::string_view noun = "ground of self-withdrawal";
    static constexpr enum_row<self_withdrawal_ground> rows[] = {
        {self_withdrawal_ground::no_org_life, "no_org_life", "连续六个月不参加党的组织生活"},
        {self_withdrawal_ground::dues_unpaid, "dues_unpaid", "连续六个月不交纳党费"},
        {self_withdrawal_ground::work_not_done, "work_not_done", "连续六个月不做党所分配的工作"},
    };
};

/// One ground and the day its 6 months were complete.
struct self_withdrawal_ground_date {
    self_withdrawal_ground ground = self_withdrawal_ground::no_org_life;
    date::sys_days from{};  ///< the first day the ground holds

    friend bool operator==(self_withdrawal_ground_date const&, self_withdrawal_ground_date const&) = default;
};

/// The day each ground holds from, whether or not it is reached yet (lostcontact.self_withdrawal_6_months),
/// counted by `self_withdrawal_from` (member/self_withdrawal.hpp):
/// - org life: from the last org life or `tracked_since`;
/// - dues: the first day after `self_withdrawal_months` whole months went unpaid: last paid 2024-08 →
///   September to February unpaid → 2025-03-01; with no payment known, counting starts with the month
///   of `tracked_since`;
/// - work: from `work_neglected_since` when set.
/// Empty when `good_reason`.
/// \throws invalid_input{"self_withdrawal_months"} below 1.
[[nodiscard]] inline std::vector<self_withdrawal_ground_date> self_withdrawal_dates(
    self_withdrawal_inputs const& in, rule_set const& rules) {
    std::vector<self_withdrawal_ground_date> out;
    if (in.good_reason) return out;
    out.push_back({self_withdrawal_ground::no_org_life,
                   self_withdrawal_from(in.last_org_life.value_or(in.tracked_since), rules)});
    auto const first_unpaid =
        in.last_dues_month ? *in.last_dues_month + date::months{1} : month_of(in.tracked_since);
    out.push_back({self_withdrawal_ground::dues_unpaid, self_withdrawal_from(first_unpaid, rules)});
    if (in.work_neglected_since)
        out.push_back(
            {self_withdrawal_ground::work_not_done, self_withdrawal_from(*in.work_neglected_since, rules)});
    return out;
}

/// The grounds that hold on `as_of` (lostcontact.self_withdrawal_6_months).
[[nodiscard]] inline std::vector<self_withdrawal_ground_date> self_withdrawal_grounds(
    self_withdrawal_inputs const& in, date::sys_days as_of, rule_set const& rules) {
    auto all = self_withdrawal_dates(in, rules);
    std::erase_if(all, [&](self_withdrawal_ground_date const& g) { return as_of < g.from; });
    return all;
}

/// Agenda items for member `m` on `as_of`, one per ground, for the member's branch: kind
/// `lostcontact.self_withdrawal_candidate`, `finding` once the ground holds, `upcoming` during the
/// `lost_contact_notice_months` before (time to criticise and set a time limit to correct). Nothing for
/// a member who left the party or is suspended on `as_of`, or who has a good reason.
[[nodiscard]] inline std::vector<agenda_item> self_withdrawal_agenda(member const& m,
                                                                     self_withdrawal_inputs const& in,
                                                                     std::span<standing_event const> history,
                                                                     date::sys_days as_of,
                                                                     rule_set const& rules) {
    std::vector<agenda_item> items;
    if (!m.status_on(as_of) || exited_on(history, as_of) || suspended_since(history, as_of)) return items;
    auto const notice = rules.mobility.lost_contact_notice_months;
    for (auto const& g : self_withdrawal_dates(in, rules)) {
        if (as_of < add_months(g.from, -notice)) continue;
        bool const holds = as_of >= g.from;
        items.push_back(agenda_item{
            "lostcontact.self_withdrawal_candidate", m.branch, m.id, m.name, g.from,
            holds ? agenda_status::finding : agenda_status::upcoming, "lostcontact.self_withdrawal_6_months",
            std::string(chinese_name(g.ground)) +
                (holds ? " since " + format_date(g.from) +
                             " without good reason: the branch meeting may remove the "
                             "member as self-withdrawal (党章 第9条)"
                       : " from " + format_date(g.from) + " unless corrected"),
            std::nullopt,
            holds ? format_date(g.from) + "起" + std::string(chinese_name(g.ground)) +
                        ", 无正当理由: 支部大会可按自行脱党予以除名(党章第9条)"
                  : "若不改正, " + format_date(g.from) + "起即" + std::string(chinese_name(g.ground)) +
                        ": 应批评教育, 限期改正"});
    }
    return items;
}

/// The organisational-life ground of 党章 第9条 for one member of a branch that records its meetings
/// (lostcontact.self_withdrawal_6_months): counted from the latest of `counted_from` (the member's
/// admission, arrival in the branch, the branch's first recorded meeting) and the last organisational
/// life attended anywhere (`last_attended`). An agenda item of kind `life.no_org_life` (finding) once
/// `self_withdrawal_from` that day is reached on `as_of`; nothing before.
/// \throws invalid_input{"self_withdrawal_months"} below 1.
[[nodiscard]] inline std::optional<agenda_item> no_org_life_finding(
    member const& m, org_id branch, date::sys_days counted_from, std::optional<date::sys_days> last_attended,
    date::sys_days as_of, rule_set const& rules) {
    auto const since = last_attended ? std::max(counted_from, *last_attended) : counted_from;
    auto const from = self_withdrawal_from(since, rules);
    if (as_of < from) return std::nullopt;
    return agenda_item{"life.no_org_life",
                       branch,
                       m.id,
                       m.name,
                       from,
                       agenda_status::finding,
                       "lostcontact.self_withdrawal_6_months",
                       "no organisational life attended since " + format_date(since) +
                           ": six consecutive months without good reason is regarded as self-withdrawal "
                           "(党章 第9条); talk with the member and record the reason or the decision",
                       std::nullopt,
                       format_date(since) +
                           "以来未参加组织生活: 无正当理由连续6个月不参加组织生活的, "
                           "按自行脱党处理(党章第9条); 应与本人谈话, 记录原因或处理决定"};
}

}  // namespace dangyuan
