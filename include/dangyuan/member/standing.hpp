#pragma once
/// \file
/// Membership standing (党籍) as a dated list of events with a legal transition table, the standing on
/// a date, and party age (党龄).

#include <date/date.h>

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "dangyuan/core/calendar.hpp"
#include "dangyuan/core/enum_table.hpp"
#include "dangyuan/member/member.hpp"
#include "dangyuan/rules/catalogue.hpp"
#include "dangyuan/rules/rule_set.hpp"

namespace dangyuan {

/// Standing of a member on a date.
enum class standing_state {
    normal,     ///< 正常
    suspended,  ///< 停止党籍
    exited,     ///< left the party (see the exit event for how)
};

/// Events that change a member's standing.
enum class standing_event_kind {
    suspended,                ///< 停止党籍 (lost contact, settled abroad …)
    restored,                 ///< 恢复党籍
    removed_self_withdrawal,  ///< 按自行脱党除名
    removed,                  ///< 除名
    persuaded_to_withdraw,    ///< 劝退 (劝其退党)
    expelled,                 ///< 开除党籍
    withdrew,                 ///< 退党
    probation_cancelled,      ///< 取消预备党员资格
    died,                     ///< 死亡
};

template <>
struct enum_table<standing_state> {
    static constexpr std::string_view field = "state";
    static constexpr std::string_view noun = "standing state";
    static constexpr enum_row<standing_state> rows[] = {
        {standing_state::normal, "normal"},
        {standing_state::suspended, "suspended"},
        {standing_state::exited, "exited"},
    };
};

template <>
struct enum_table<standing_event_kind> {
    static constexpr std::string_view field = "kind";
    static constexpr std::string_view noun = "standing event";
    static constexpr enum_row<standing_event_kind> rows[] = {
        {standing_event_kind::suspended, "suspended", "停止党籍"},
        {standing_event_kind::restored, "restored", "恢复党籍"},
        {standing_event_kind::removed_self_withdrawal, "removed_self_withdrawal", "自行脱党除名"},
        {standing_event_kind::removed, "removed", "除名"},
        {standing_event_kind::persuaded_to_withdraw, "persuaded_to_withdraw", "劝退"},
        {standing_event_kind::expelled, "expelled", "开除党籍"},
        {standing_event_kind::withdrew, "withdrew", "退党"},
        {standing_event_kind::probation_cancelled, "probation_cancelled", "取消预备党员资格"},
        {standing_event_kind::died, "died", "死亡"},
    };
};

namespace detail {
/// One row of the transition table: in `from`, event `kind` leads to `to`.
struct standing_transition {
    standing_state from;
    standing_event_kind kind;
    standing_state to;
};
// The legal transitions (standing.transitions). Everything absent is refused; in particular nothing
// leaves `exited` (standing.final_exits).
inline constexpr auto standing_transitions = [] {
    using s = standing_state;
    using k = standing_event_kind;
    return std::array<standing_transition, 14>{{
        {s::normal, k::suspended, s::suspended},
        {s::normal, k::removed_self_withdrawal, s::exited},
        {s::normal, k::removed, s::exited},
        {s::normal, k::persuaded_to_withdraw, s::exited},
        {s::normal, k::expelled, s::exited},
        {s::normal, k::withdrew, s::exited},
        {s::normal, k::probation_cancelled, s::exited},
        {s::normal, k::died, s::exited},
        {s::suspended, k::restored, s::normal},
        {s::suspended, k::removed_self_withdrawal, s::exited},
        {s::suspended, k::removed, s::exited},
        {s::suspended, k::expelled, s::exited},
        {s::suspended, k::withdrew, s::exited},
        {s::suspended, k::died, s::exited},
    }};
}();
}  // namespace detail

/// Parses an event kind from its English code or Chinese name.
/// \throws invalid_input{"kind"} naming the value.
[[nodiscard]] inline standing_event_kind parse_standing_event_kind(std::string_view s) {
    return parse_enum_or_throw<standing_event_kind>(s);
}

/// The state an event leads to from `from`, or nothing when the transition is not legal.
[[nodiscard]] constexpr std::optional<standing_state> standing_after(standing_state from,
                                                                     standing_event_kind kind) noexcept {
    for (auto const& t : detail::standing_transitions)
        if (t.from == from && t.kind == kind) return t.to;
    return std::nullopt;
}

/// A dated change of standing, with who decided it and why.
struct standing_event {
    standing_event_kind kind = standing_event_kind::suspended;
    date::sys_days date{};
    std::string reason;      ///< e.g. "失联超过6个月"
    std::string decided_by;  ///< e.g. "第一党支部党员大会; 街道党工委批准"

    friend bool operator==(standing_event const&, standing_event const&) = default;
};

/// Standing on a date: the state and, for `exited`, how the member left.
struct standing {
    standing_state state = standing_state::normal;
    std::optional<standing_event_kind> last_event;  ///< the last event on or before the date
    std::optional<date::sys_days> since;            ///< date of that event

    friend bool operator==(standing const&, standing const&) = default;
};

/// The standing reached on `d` by folding the events of `history` dated on or before `d`, from normal
/// standing (what `standing_on` returns for a member admitted by then).
/// \pre `history` is in date order and was accepted by check_standing_event one by one.
[[nodiscard]] inline standing standing_from_events(std::span<standing_event const> history,
                                                   date::sys_days d) {
    standing st;
    for (auto const& e : history) {
        if (e.date > d) break;
        if (auto next = standing_after(st.state, e.kind)) st.state = *next;
        st.last_event = e.kind;
        st.since = e.date;
    }
    return st;
}

/// The standing of `m` on `d`, folding the events dated on or before `d`.
/// \pre `history` is in date order and was accepted by check_standing_event one by one.
/// \returns nothing before the admission date.
[[nodiscard]] inline std::optional<standing> standing_on(member const& m,
                                                         std::span<standing_event const> history,
                                                         date::sys_days d) {
    if (d < m.admission_date) return std::nullopt;
    return standing_from_events(history, d);
}

/// The one check of standing.final_exits: nobody comes back from a final exit (劝退, 除名, 开除, 自行脱党,
/// 取消预备党员资格, death). Raised wherever a record would follow one — a standing event, a disposition.
/// \param how what the exit was (Chinese name); \param what what was attempted, and what is possible instead.
/// \throws rule_violation standing.final_exits, always.
[[noreturn]] inline void final_exit(std::string const& name, date::sys_days since, std::string_view how,
                                    std::string const& what) {
    throw violation("standing.final_exits", name + " left the party on " + format_date(since) + " (" +
                                                std::string(how) + "); " + what);
}

/// Checks that `next` may follow `history` for member `m`.
/// \throws invalid_input{"date"} when the event predates admission or the last event;
/// \throws rule_violation standing.final_exits (anything after an exit), standing.transitions (an event
/// not legal in the current state), standing.probation_cancel (cancelling a full member),
/// standing.no_persuasion_of_probationary (劝退 of a probationary member).
inline void check_standing_event(member const& m, std::span<standing_event const> history,
                                 standing_event const& next) {
    if (next.date < m.admission_date)
        throw invalid_input("date", "standing event on " + format_date(next.date) +
                                        " precedes admission on " + format_date(m.admission_date));
    if (!history.empty() && next.date < history.back().date)
        throw invalid_input("date", "standing event on " + format_date(next.date) +
                                        " precedes the last one on " + format_date(history.back().date));
    auto const st = standing_on(m, history, next.date).value_or(standing{});
    auto const what = std::string(chinese_name(next.kind)) + " (" + std::string(to_string(next.kind)) + ")";
    if (st.state == standing_state::exited)
        final_exit(m.name, *st.since, chinese_name(*st.last_event),
                   what + " is not possible; a former member may apply anew");
    if (!standing_after(st.state, next.kind))
        throw violation("standing.transitions",
                        what + " is not possible while standing is " + std::string(to_string(st.state)));
    auto const status = m.status_on(next.date);
    if (next.kind == standing_event_kind::probation_cancelled && status != member_status::probationary)
        throw violation("standing.probation_cancel", m.name + " is a full member on " +
                                                         format_date(next.date) +
                                                         "; only probationary status can be cancelled");
    if (next.kind == standing_event_kind::persuaded_to_withdraw && status == member_status::probationary)
        throw violation("standing.no_persuasion_of_probationary",
                        m.name + " is a probationary member on " + format_date(next.date) +
                            "; extend or cancel the probation instead of 劝退");
}

/// Party age (党龄) in completed years on `on` (standing.party_age_from_full): counted from the
/// full-member date, stopping at an exit. When the rule set excludes suspended periods
/// (standing.party_age_suspension), the start is moved later by the days spent suspended.
/// \returns nothing when `m` is not a full member on `on` (or left before becoming one).
[[nodiscard]] inline std::optional<int> party_age_on(member const& m, std::span<standing_event const> history,
                                                     date::sys_days on, rule_set const& rules) {
    if (!m.full_member_date || *m.full_member_date > on) return std::nullopt;
    date::sys_days end = on;
    date::days suspended{0};
    std::optional<date::sys_days> suspended_since;
    for (auto const& e : history) {
        if (e.date > on) break;
        if (e.kind == standing_event_kind::suspended)
            suspended_since = e.date;
        else if (e.kind == standing_event_kind::restored && suspended_since) {
            suspended += e.date - std::max(*suspended_since, *m.full_member_date);
            suspended_since.reset();
        } else if (e.kind != standing_event_kind::restored) {
            end = e.date;  // an exit: party age stops here
            break;
        }
    }
    if (end < *m.full_member_date) return std::nullopt;
    if (suspended_since && end > *suspended_since)
        suspended += end - std::max(*suspended_since, *m.full_member_date);
    auto start = *m.full_member_date;
    if (rules.party_age_excludes_suspension) start += std::max(suspended, date::days{0});
    if (end < start) return 0;
    return age_on(start, end);
}

}  // namespace dangyuan
