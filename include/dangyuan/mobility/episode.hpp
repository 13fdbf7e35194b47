#pragma once
/// \file
/// Mobility episodes: one period during which a member is away from the branch that holds the
/// organisational relationship (流动党员, "一方隶属、参加多重组织生活").
///
/// One episode owns both ends of the absence: the home branch (流出地) keeps the formal relationship
/// and sees everything the host organisation (流入地) records — the report on arrival, the org life
/// attended, the dues paid there — because they are records of the same aggregate. Outflow and inflow
/// registers therefore cannot drift apart.
///
/// The episode is an ordered list of dated records; its state on a date is a fold over them
/// (`state_on`). `check_episode_record` validates a record against the history and changes nothing;
/// `record` appends after checking. `episode_agenda` lists what the home branch must do: register a
/// mobile member after 6 months (mobility.mobile_member_6_months), transfer the relationship after
/// 6 months at a fixed place (mobility.transfer_fixed_place_6_months), collect the yearly report
/// (mobility.yearly_report). `has_vote_at` and `participation_at` say who votes where
/// (mobility.no_vote_at_host).

#include <date/date.h>

#include <algorithm>
#include <array>
#include <cstdint>
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
#include "dangyuan/core/money.hpp"
#include "dangyuan/core/month.hpp"
#include "dangyuan/core/record_variant.hpp"
#include "dangyuan/member/member.hpp"
#include "dangyuan/mobility/record_kinds.hpp"
#include "dangyuan/rules/catalogue.hpp"
#include "dangyuan/rules/rule_set.hpp"

namespace dangyuan {

/// Why a member is away (外出原因), as entered in the outflow register and on the certificate.
enum class mobility_reason {
    work_business,     ///< 务工经商: work or business
    study,             ///< 学习: study or training
    accompany_family,  ///< 随迁: following family
    other,             ///< 其他
};

template <>
struct enum_table<mobility_reason> {
    static constexpr std::string_view field = "reason";
    static constexpr std::string_view noun = "mobility reason";
    static constexpr enum_row<mobility_reason> rows[] = {
        {mobility_reason::work_business, "work_business", "务工经商"},
        {mobility_reason::study, "study", "学习"},
        {mobility_reason::accompany_family, "accompany_family", "随迁"},
        {mobility_reason::other, "other", "其他"},
    };
};

/// Parses a reason from its English code (`to_string`) or Chinese name (`chinese_name`).
/// \throws invalid_input{"reason"} naming the value when it is neither.
[[nodiscard]] inline mobility_reason parse_mobility_reason(std::string_view s) {
    return parse_enum_or_throw<mobility_reason>(s);
}

/// Where the member is (流入地): a place as written in the register and, when known, the host
/// organisation. The host may be outside the store (another county), hence the name beside the id.
struct mobility_destination {
    std::string place;               ///< e.g. "广东省深圳市南山区"
    std::optional<org_id> host_org;  ///< the host (流入地) organisation, when it is in the store
    std::string host_org_name;       ///< its name, e.g. "南山区流动党员党支部"

    friend bool operator==(mobility_destination const&, mobility_destination const&) = default;
};

/// What an episode record says happened: the kinds of `episode_record`, in its variant order.
enum class episode_record_kind {
    left,               ///< 外出: the member left; always the first record
    registered,         ///< 登记: registered as a mobile member (全国党员管理信息系统)
    reported_to_host,   ///< 报到: reported to the host organisation, which placed the member
    moved,              ///< 流动地点变更: moved to another place (the fixed-place clock restarts)
    host_activity,      ///< 参加流入地组织生活: attended org life at the host
    dues_paid_at_host,  ///< 在流入地交纳党费: paid dues at the host
    yearly_report,      ///< 向流出地党组织汇报: reported to the home organisation
    returned,           ///< 返回: came back; closes the episode
    transferred,        ///< 组织关系转出: the relationship was transferred; closes the episode
};

template <>
struct enum_table<episode_record_kind> {
    static constexpr std::string_view field = "kind";
    static constexpr std::string_view noun = "episode record";
    static constexpr enum_row<episode_record_kind> rows[] = {
        {episode_record_kind::left, "left", "外出"},
        {episode_record_kind::registered, "registered", "登记为流动党员"},
        {episode_record_kind::reported_to_host, "reported_to_host", "向流入地党组织报到"},
        {episode_record_kind::moved, "moved", "流动地点变更"},
        {episode_record_kind::host_activity, "host_activity", "参加流入地组织生活"},
        {episode_record_kind::dues_paid_at_host, "dues_paid_at_host", "在流入地交纳党费"},
        {episode_record_kind::yearly_report, "yearly_report", "向流出地党组织汇报"},
        {episode_record_kind::returned, "returned", "返回"},
        {episode_record_kind::transferred, "transferred", "组织关系转出"},
    };
};

/// Parses a record kind from its English code or Chinese name.
/// \throws invalid_input{"kind"} naming the value.
[[nodiscard]] inline episode_record_kind parse_episode_record_kind(std::string_view s) {
    return parse_enum_or_throw<episode_record_kind>(s);
}

/// Episode record: the member left (外出); always the first record.
struct member_left {
    date::sys_days date{};
    mobility_reason reason = mobility_reason::work_business;  ///< why the member is away
    /// The place (required) and, when known, the host organisation.
    mobility_destination destination;
    /// The member stays at one relatively fixed place (相对固定), which starts the 6-month transfer clock
    /// (mobility.transfer_fixed_place_6_months).
    bool fixed_place = false;
    std::optional<int> expected_months;  ///< the expected length of the stay in months, when known (≥ 0)
    std::string note;

    friend bool operator==(member_left const&, member_left const&) = default;
};

/// Episode record: registered as a mobile member (登记, 全国党员管理信息系统).
struct registered_as_mobile {
    date::sys_days date{};
    std::string note;

    friend bool operator==(registered_as_mobile const&, registered_as_mobile const&) = default;
};

/// Episode record: the member reported to the host organisation (报到), which placed the member.
struct reported_to_host {
    date::sys_days date{};
    std::optional<org_id> host_org;  ///< the host organisation (required; not the home branch)
    std::string host_org_name;       ///< its name (filled in by the store when empty)
    std::string note;

    friend bool operator==(reported_to_host const&, reported_to_host const&) = default;
};

/// Episode record: the member moved to another place (流动地点变更); the fixed-place clock restarts and
/// a new report to the host of the new place is needed.
struct moved_place {
    date::sys_days date{};
    mobility_destination destination;    ///< the new place (required) and host, when known
    bool fixed_place = false;            ///< the new place is relatively fixed (相对固定)
    std::optional<int> expected_months;  ///< the expected length of the stay in months, when known (≥ 0)
    std::string note;

    friend bool operator==(moved_place const&, moved_place const&) = default;
};

/// Episode record: the member attended org life at the host (参加流入地组织生活).
struct host_life_attended {
    date::sys_days date{};
    std::optional<org_id> host_org;  ///< when given, the host reported to
    std::string host_org_name;       ///< its name (filled in by the store when empty)
    std::string note;                ///< the activity attended

    friend bool operator==(host_life_attended const&, host_life_attended const&) = default;
};

/// Episode record: the member paid dues at the host (在流入地交纳党费).
struct host_dues_paid {
    date::sys_days date{};
    std::optional<org_id> host_org;              ///< when given, the host reported to
    std::string host_org_name;                   ///< its name (filled in by the store when empty)
    std::optional<date::year_month> dues_month;  ///< the first month paid for (required)
    int dues_months = 0;                         ///< the number of months paid for, from `dues_month` (≥ 1)
    fen amount_fen{};                            ///< the amount paid, in fen (分, 1/100 yuan; ≥ 0)
    std::string note;

    friend bool operator==(host_dues_paid const&, host_dues_paid const&) = default;
};

/// Episode record: the member reported to the home organisation (向流出地党组织汇报, mobility.yearly_report).
struct yearly_report_made {
    date::sys_days date{};
    std::string note;  ///< the substance of the report

    friend bool operator==(yearly_report_made const&, yearly_report_made const&) = default;
};

/// Episode record: the member came back (返回); closes the episode.
struct member_returned {
    date::sys_days date{};
    std::string note;  ///< why the member came back

    friend bool operator==(member_returned const&, member_returned const&) = default;
};

/// Episode record: the relationship was transferred (组织关系转出); closes the episode.
struct relationship_transferred {
    date::sys_days date{};
    std::string note;

    friend bool operator==(relationship_transferred const&, relationship_transferred const&) = default;
};

/// One dated record of an episode. The variant index is stable (new kinds are appended at the end) and
/// follows `episode_record_kind`.
using episode_record =
    std::variant<member_left, registered_as_mobile, reported_to_host, moved_place, host_life_attended,
                 host_dues_paid, yearly_report_made, member_returned, relationship_transferred>;

/// Stable names of the record kinds, indexed by the variant index: the codes of `episode_record_kind`
/// (for storage, messages, the command line and Python).
inline constexpr std::array<std::string_view, std::variant_size_v<episode_record>> episode_record_kinds{
    "left",          "registered", "reported_to_host", "moved", "host_activity", "dues_paid_at_host",
    "yearly_report", "returned",   "transferred"};

/// The variant index of record kind `T` in `episode_record`.
template <class T>
inline constexpr std::size_t episode_record_index = record_index<T, episode_record>;

/// The kind of a record, as the enum (for its Chinese name and parsing).
[[nodiscard]] constexpr episode_record_kind kind_of(episode_record const& r) noexcept {
    return static_cast<episode_record_kind>(r.index());
}

/// The kind name of a record (`to_string(kind_of(r))`).
[[nodiscard]] inline std::string_view kind_name(episode_record const& r) noexcept {
    return episode_record_kinds[r.index()];
}

/// The date of a record.
[[nodiscard]] inline date::sys_days record_date(episode_record const& r) noexcept {
    return date_of(r);
}

static_assert(detail::kinds_follow_enum<episode_record_kind>(episode_record_kinds),
              "episode_record_kind, its table and episode_record disagree");

/// A mobility episode (one period away). The home branch keeps the organisational relationship for
/// the whole episode; the host is recorded on it.
struct mobility_episode {
    episode_id id;                        ///< assigned by the store
    member_id member;                     ///< the member away
    std::string member_name;              ///< for agenda lines
    org_id home_branch;                   ///< 流出地党支部: holds the relationship (一方隶属)
    std::vector<episode_record> records;  ///< in date order; the first is `left`

    friend bool operator==(mobility_episode const&, mobility_episode const&) = default;
};

/// Whether the member is still away.
enum class episode_phase {
    away,    ///< 外出中
    closed,  ///< returned or transferred
};

template <>
struct enum_table<episode_phase> {
    static constexpr std::string_view field = "phase";
    static constexpr std::string_view noun = "episode phase";
    static constexpr enum_row<episode_phase> rows[] = {
        {episode_phase::away, "away"},
        {episode_phase::closed, "closed"},
    };
};

/// The state of an episode on a date, folded from its records.
struct episode_state {
    episode_phase phase = episode_phase::away;
    date::sys_days left_on{};  ///< the day the member left
    mobility_reason reason = mobility_reason::work_business;
    mobility_destination destination;             ///< the current place and host
    date::sys_days at_place_since{};              ///< arrival at the current place (leaving or the last move)
    bool fixed_place = false;                     ///< the current place is relatively fixed
    std::optional<int> expected_months;           ///< as declared for the current place
    std::optional<date::sys_days> registered_on;  ///< registered as a mobile member
    std::optional<org_id> host_org;               ///< the host reported to, for the current place
    std::optional<date::sys_days> reported_on;    ///< the report to that host
    std::optional<date::sys_days> last_host_activity;   ///< last org life attended at a host
    std::optional<date::year_month> dues_paid_through;  ///< last month paid at a host
    std::optional<date::sys_days> last_yearly_report;   ///< last report to the home organisation
    std::optional<date::sys_days> closed_on;            ///< the return or transfer
    std::optional<episode_record_kind> closed_by;       ///< `returned` or `transferred`

    friend bool operator==(episode_state const&, episode_state const&) = default;
};

namespace detail {

/// Folds one accepted record into the state.
struct episode_fold {
    episode_state& st;

    void operator()(member_left const& r) const {
        st.left_on = r.date;
        st.reason = r.reason;
        st.destination = r.destination;
        st.at_place_since = r.date;
        st.fixed_place = r.fixed_place;
        st.expected_months = r.expected_months;
    }
    void operator()(registered_as_mobile const& r) const { st.registered_on = r.date; }
    void operator()(reported_to_host const& r) const {
        st.host_org = r.host_org;
        st.destination.host_org = r.host_org;
        if (!r.host_org_name.empty()) st.destination.host_org_name = r.host_org_name;
        st.reported_on = r.date;
    }
    void operator()(moved_place const& r) const {
        st.destination = r.destination;
        st.at_place_since = r.date;
        st.fixed_place = r.fixed_place;
        st.expected_months = r.expected_months;
        st.host_org.reset();  // a new place needs a new report to its host
        st.reported_on.reset();
    }
    void operator()(host_life_attended const& r) const { st.last_host_activity = r.date; }
    void operator()(host_dues_paid const& r) const {
        if (r.dues_month && r.dues_months > 0)
            st.dues_paid_through = *r.dues_month + date::months{r.dues_months - 1};
    }
    void operator()(yearly_report_made const& r) const { st.last_yearly_report = r.date; }
    void operator()(member_returned const& r) const { close(r.date, episode_record_kind::returned); }
    void operator()(relationship_transferred const& r) const {
        close(r.date, episode_record_kind::transferred);
    }

private:
    void close(date::sys_days d, episode_record_kind by) const {
        st.phase = episode_phase::closed;
        st.closed_on = d;
        st.closed_by = by;
    }
};

}  // namespace detail

/// The state of `ep` on `d`, folding the records dated on or before `d`.
/// \pre the records were accepted one by one by check_episode_record.
/// \returns nothing before the member left (or when there are no records).
[[nodiscard]] inline std::optional<episode_state> state_on(mobility_episode const& ep, date::sys_days d) {
    if (ep.records.empty() || record_date(ep.records.front()) > d) return std::nullopt;
    episode_state st;
    for (auto const& r : ep.records) {
        if (record_date(r) > d) break;
        std::visit(detail::episode_fold{st}, r);
    }
    return st;
}

/// The day from which the member counts as a mobile member (流动党员) if still away:
/// `add_months(left, mobile_after_months)` (mobility.mobile_member_6_months). A member who left on
/// 2024-08-31 is a mobile member from 2025-02-28.
/// \returns nothing when the episode has not started.
[[nodiscard]] inline std::optional<date::sys_days> mobile_from(mobility_episode const& ep,
                                                               rule_set const& rules) {
    if (ep.records.empty()) return std::nullopt;
    return add_months(record_date(ep.records.front()), rules.mobility.mobile_after_months);
}

/// True when on `d` the member has been away for at least `mobile_after_months` consecutive months
/// without a transfer (mobility.mobile_member_6_months, the 2024 definition): the episode is open on
/// `d` and `d >= mobile_from(ep)`.
[[nodiscard]] inline bool is_mobile_member_on(mobility_episode const& ep, date::sys_days d,
                                              rule_set const& rules) {
    auto const st = state_on(ep, d);
    return st && st->phase == episode_phase::away && d >= *mobile_from(ep, rules);
}

/// The day from which the relationship must be transferred because the member has stayed at one
/// relatively fixed place for `transfer_after_months` (mobility.transfer_fixed_place_6_months):
/// `add_months(arrival at the current place, transfer_after_months)`.
/// \returns nothing when the member is not away on `d` or the current place is not fixed.
[[nodiscard]] inline std::optional<date::sys_days> transfer_required_from(mobility_episode const& ep,
                                                                          date::sys_days d,
                                                                          rule_set const& rules) {
    auto const st = state_on(ep, d);
    if (!st || st->phase != episode_phase::away || !st->fixed_place) return std::nullopt;
    return add_months(st->at_place_since, rules.mobility.transfer_after_months);
}

/// The due date of yearly report number `n` (1-based): `add_months(left, n * interval)`, counted from
/// the leaving day each time so that month-end clamping does not drift (mobility.yearly_report).
[[nodiscard]] inline date::sys_days yearly_report_due(date::sys_days left, int n, rule_set const& rules) {
    return add_months(left, n * rules.mobility.yearly_report_interval_months);
}

namespace detail {

inline std::string episode_subject(mobility_episode const& ep) {
    return ep.member_name.empty() ? "member " + std::to_string(ep.member.value()) : ep.member_name;
}

/// The 1-based yearly-report period a date falls in: the smallest n with `d <= due(n)`.
inline int report_period_of(date::sys_days left, date::sys_days d, rule_set const& rules) {
    int n = 1;
    while (d > yearly_report_due(left, n, rules))
        ++n;
    return n;
}

/// The one check of mobility.one_side_affiliation (一方隶属): the relationship stays with the home branch,
/// so a host (of an episode, of a certificate) is another organisation.
/// \throws rule_violation mobility.one_side_affiliation when `host` is `home`.
inline void require_host_elsewhere(org_id home, std::optional<org_id> host, std::string const& what) {
    if (host && *host == home)
        throw violation("mobility.one_side_affiliation",
                        what + ": the host organisation is the home branch " + std::to_string(home.value()) +
                            ", which holds the relationship; a host is another organisation");
}

inline void require_not_home(mobility_episode const& ep, std::optional<org_id> host, char const* what) {
    require_host_elsewhere(ep.home_branch, host, what);
}

}  // namespace detail

namespace detail {

/// The checks of one record kind against the episode and its state on the record's date.
struct episode_check {
    mobility_episode const& ep;
    std::optional<episode_state> const& st;
    std::string const& what;

    void place(mobility_destination const& dest, std::optional<int> expected_months) const {
        if (dest.place.empty()) throw invalid_input("place", what + ": the place is empty");
        if (expected_months && *expected_months < 0)
            throw invalid_input("expected_months",
                                what + ": negative expected stay " + std::to_string(*expected_months));
        require_not_home(ep, dest.host_org, what.c_str());
    }
    // Org life and dues at a host need the report to that host (mobility.report_to_host).
    void at_host(std::optional<org_id> host) const {
        if (!st->host_org)
            throw violation("mobility.report_to_host",
                            what + ": the member has not reported to a host organisation at " +
                                (st->destination.place.empty() ? std::string("the current place")
                                                               : st->destination.place));
        if (host && *host != *st->host_org)
            throw violation("mobility.report_to_host", what + ": organisation " +
                                                           std::to_string(host->value()) +
                                                           " is not the host reported to (" +
                                                           std::to_string(st->host_org->value()) + ")");
    }

    void operator()(member_left const& r) const { place(r.destination, r.expected_months); }
    void operator()(moved_place const& r) const { place(r.destination, r.expected_months); }
    void operator()(registered_as_mobile const&) const {
        if (st && st->registered_on)
            throw invalid_input("kind", what + ": already registered on " + format_date(*st->registered_on));
    }
    void operator()(reported_to_host const& r) const {
        if (!r.host_org || !r.host_org->valid())
            throw invalid_input("host_org", what + ": the host organisation is not given");
        require_not_home(ep, r.host_org, what.c_str());
    }
    void operator()(host_life_attended const& r) const { at_host(r.host_org); }
    void operator()(host_dues_paid const& r) const {
        at_host(r.host_org);
        if (!r.dues_month || !r.dues_month->ok())
            throw invalid_input("dues_month", what + ": the month paid for is missing or invalid");
        if (r.dues_months < 1)
            throw invalid_input("dues_months",
                                what + ": " + std::to_string(r.dues_months) + " months paid for");
        if (r.amount_fen < fen{})
            throw invalid_input("amount_fen",
                                what + ": negative amount " + std::to_string(r.amount_fen.value()));
        if (st->dues_paid_through && *r.dues_month <= *st->dues_paid_through) {
            auto const ym = *st->dues_paid_through;
            throw invalid_input("dues_month", what + ": dues are already paid at the host through " +
                                                  std::to_string(int(ym.year())) + "-" +
                                                  std::to_string(unsigned(ym.month())));
        }
    }
    void operator()(yearly_report_made const&) const {}
    void operator()(member_returned const&) const {}
    void operator()(relationship_transferred const&) const {}
};

}  // namespace detail

/// Checks that `next` may follow the records of `ep`. Changes nothing.
///
/// \throws invalid_input naming the field: `member` / `home_branch` unset; `date` before the last
///         record; `kind` when the episode does not start with `member_left`, starts twice, is already
///         closed, or is registered twice; `place` empty on `member_left` / `moved_place`;
///         `expected_months` negative; `host_org` missing when reporting to a host; `dues_month` /
///         `dues_months` / `amount_fen` missing or impossible, or months already paid at the host.
/// \throws rule_violation mobility.one_side_affiliation (a host that is the home branch),
///         mobility.report_to_host (org life or dues at a host the member has not reported to).
inline void check_episode_record(mobility_episode const& ep, episode_record const& next,
                                 rule_set const& rules) {
    (void)rules;  // the checks use no numbers today; kept for a uniform signature
    if (!ep.member.valid()) throw invalid_input("member", "episode without a member");
    if (!ep.home_branch.valid()) throw invalid_input("home_branch", "episode without the home branch");
    auto const d = record_date(next);
    auto const kind = kind_of(next);
    auto const what =
        std::string(chinese_name(kind)) + " (" + std::string(to_string(kind)) + ") on " + format_date(d);
    bool const starts = std::holds_alternative<member_left>(next);
    if (ep.records.empty()) {
        if (!starts) throw invalid_input("kind", what + ": an episode starts with the member leaving (left)");
    } else {
        auto const last = record_date(ep.records.back());
        if (d < last) throw invalid_input("date", what + " precedes the last record on " + format_date(last));
        if (starts)
            throw invalid_input("kind", what + ": the episode began on " +
                                            format_date(record_date(ep.records.front())) +
                                            "; a new absence is a new episode");
    }
    auto const st = state_on(ep, d);
    if (st && st->phase == episode_phase::closed)
        throw invalid_input("kind", what + ": the episode was closed on " + format_date(*st->closed_on) +
                                        " (" + std::string(chinese_name(*st->closed_by)) + ")");
    std::visit(detail::episode_check{ep, st, what}, next);
}

/// Checks `next` (check_episode_record) and appends it. On a throw `ep` is unchanged.
inline void record(mobility_episode& ep, episode_record next, rule_set const& rules) {
    check_episode_record(ep, next, rules);
    ep.records.push_back(std::move(next));
}

/// Agenda items of an open episode on `as_of`, all for the home branch:
///
/// - `mobility.register_mobile` (mobility.mobile_member_6_months): not registered yet; due on
///   `mobile_from`, upcoming `mobility_notice_months` before it, overdue after.
/// - `mobility.transfer_required` (mobility.transfer_fixed_place_6_months): at a fixed place; due
///   `transfer_after_months` after arriving there, upcoming from the notice window, overdue after.
/// - `mobility.yearly_report` (mobility.yearly_report): the report of the current period, when not
///   made, from the notice window; and one overdue item when earlier periods ended without a report.
///
/// A closed episode, or a date before leaving, yields nothing.
[[nodiscard]] inline std::vector<agenda_item> episode_agenda(mobility_episode const& ep, date::sys_days as_of,
                                                             rule_set const& rules) {
    std::vector<agenda_item> items;
    auto const st = state_on(ep, as_of);
    if (!st || st->phase != episode_phase::away) return items;
    auto const& p = rules.mobility;
    auto const subject = detail::episode_subject(ep);
    auto const place = st->destination.place;
    auto make = [&](std::string kind, date::sys_days due, agenda_status status, std::string rule,
                    std::string msg, std::string zh) {
        items.push_back(agenda_item{std::move(kind), ep.home_branch, ep.member, subject, due, status,
                                    std::move(rule), std::move(msg), std::nullopt, std::move(zh)});
    };
    auto in_window = [&](date::sys_days due) { return as_of >= add_months(due, -p.mobility_notice_months); };

    if (!st->registered_on) {
        auto const due = *mobile_from(ep, rules);
        if (in_window(due))
            make("mobility.register_mobile", due, status_for(due, as_of), "mobility.mobile_member_6_months",
                 "away at " + place + " since " + format_date(st->left_on) +
                     " without a transfer: a mobile member " + "(流动党员) from " + format_date(due) +
                     "; register the outflow (全国党员管理信息系统)",
                 format_date(st->left_on) + "起外出在" + place + ", 未转组织关系: " + format_date(due) +
                     "起为流动党员, 应在全国党员管理信息系统中登记外出");
    }
    if (auto const due = transfer_required_from(ep, as_of, rules); due && in_window(*due))
        make("mobility.transfer_required", *due, status_for(*due, as_of),
             "mobility.transfer_fixed_place_6_months",
             "at the fixed place " + place + " since " + format_date(st->at_place_since) + ": transfer the " +
                 "organisational relationship (转接组织关系) by " + format_date(*due),
             format_date(st->at_place_since) + "起在" + place + "有固定地点: 应在" + format_date(*due) +
                 "前转接组织关系");

    // Yearly reports: period n runs up to yearly_report_due(left, n); a report counts for the period
    // its date falls in.
    int const current = detail::report_period_of(st->left_on, as_of, rules);
    std::vector<bool> reported(static_cast<std::size_t>(current) + 1, false);
    for (auto const& r : ep.records)
        if (auto const* y = std::get_if<yearly_report_made>(&r); y && y->date <= as_of)
            reported[static_cast<std::size_t>(detail::report_period_of(st->left_on, y->date, rules))] = true;
    int missed = 0;
    int last_missed = 0;
    for (int n = 1; n < current; ++n)
        if (!reported[static_cast<std::size_t>(n)]) {
            ++missed;
            last_missed = n;
        }
    if (missed > 0) {
        auto const due = yearly_report_due(st->left_on, last_missed, rules);
        make("mobility.yearly_report", due, agenda_status::overdue, "mobility.yearly_report",
             std::to_string(missed) + " yearly report(s) to the home organisation missing, the last due " +
                 format_date(due) + ": contact the member (向流出地党组织汇报)",
             "缺少" + std::to_string(missed) + "次向流出地党组织的年度汇报, 最近一次应在" + format_date(due) +
                 "前汇报: 应联系该党员");
    }
    auto const due = yearly_report_due(st->left_on, current, rules);
    if (!reported[static_cast<std::size_t>(current)] && in_window(due))
        make("mobility.yearly_report", due, status_for(due, as_of), "mobility.yearly_report",
             "yearly report to the home organisation due " + format_date(due) + " (away since " +
                 format_date(st->left_on) + ")",
             "应在" + format_date(due) + "前向流出地党组织汇报一年来的情况(" + format_date(st->left_on) +
                 "起外出)");
    return items;
}

/// How a member takes part in the meetings of an organisation on a date.
enum class participation {
    voting_member,      ///< full member of the branch holding the relationship: votes, elects, stands
    non_voting_member,  ///< probationary member of that branch: attends, no vote (党章 第7条)
    host_guest,         ///< mobile member attending at a host: no vote, election or candidacy rights
    none,               ///< neither
};

template <>
struct enum_table<participation> {
    static constexpr std::string_view field = "participation";
    static constexpr std::string_view noun = "participation";
    static constexpr enum_row<participation> rows[] = {
        {participation::voting_member, "voting_member"},
        {participation::non_voting_member, "non_voting_member"},
        {participation::host_guest, "host_guest"},
        {participation::none, "none"},
    };
};

/// How member `m` takes part in org `org` on `d` (mobility.no_vote_at_host).
/// `m.branch` is taken as the branch holding the relationship on `d`; `episodes` are the member's.
/// A member with an open episode whose reported host is `org` is a `host_guest` there.
[[nodiscard]] inline participation participation_at(org_id org, member const& m,
                                                    std::span<mobility_episode const> episodes,
                                                    date::sys_days d) {
    auto const status = m.status_on(d);
    if (!status) return participation::none;
    if (org == m.branch)
        return *status == member_status::full ? participation::voting_member
                                              : participation::non_voting_member;
    for (auto const& ep : episodes) {
        if (ep.member != m.id) continue;
        auto const st = state_on(ep, d);
        if (st && st->phase == episode_phase::away && st->host_org == org) return participation::host_guest;
    }
    return participation::none;
}

/// True when `m` has a vote (表决权), and may elect and be elected, in `org` on `d`: only a full member
/// of the branch holding the relationship. A mobile member attending at a host has no vote there
/// (mobility.no_vote_at_host); use this wherever votes are counted.
[[nodiscard]] inline bool has_vote_at(org_id org, member const& m, date::sys_days d) noexcept {
    return org == m.branch && m.status_on(d) == member_status::full;
}

/// Refuses to count the vote of `m` in `org` on `d` unless `has_vote_at`.
/// \throws rule_violation mobility.no_vote_at_host for a mobile member attending as a guest;
///         invalid_input{"member"} for a probationary member or a member of another organisation.
inline void check_vote_at(org_id org, member const& m, std::span<mobility_episode const> episodes,
                          date::sys_days d) {
    switch (participation_at(org, m, episodes, d)) {
        case participation::voting_member:
            return;
        case participation::host_guest:
            throw violation("mobility.no_vote_at_host",
                            m.name + " attends org " + std::to_string(org.value()) +
                                " as a mobile member on " + format_date(d) +
                                "; the vote belongs to the home branch " + std::to_string(m.branch.value()));
        case participation::non_voting_member:
            throw invalid_input("member", m.name + " is a probationary member on " + format_date(d) +
                                              " and has no vote (党章 第7条)");
        case participation::none:
            break;
    }
    throw invalid_input("member", m.name + " is not a member of org " + std::to_string(org.value()) + " on " +
                                      format_date(d));
}

}  // namespace dangyuan
