#pragma once
/// \file
/// Cadence of organisational life (三会一课 and the rest): which meetings an organisation must hold in
/// every calendar month, quarter or year, a compliance report over a period, and the agenda items of
/// missed and current slots.
///
/// The cadence is rule-set data (`life_params::cadence`, rules/params_life.hpp): one row per rule with
/// the meeting kind, the period, the minimum count and an extra condition. National rows:
///
/// | rule | kind | period | condition |
/// | --- | --- | --- | --- |
/// | life.general_meeting_quarterly | 支部党员大会 | quarter | |
/// | life.committee_meeting_monthly | 支部委员会 | month | only when the branch has a committee |
/// | life.group_meeting_monthly | 党小组会 | month | for each party group |
/// | life.party_lecture_secretary_yearly | 党课 | year | lecturer is the branch secretary |
/// | life.theme_party_day_monthly | 主题党日 | month | |
/// | life.organisation_life_meeting_yearly | 组织生活会 | year | |
/// | life.heart_to_heart_yearly | 谈心谈话 | year | with every member of the roster |
///
/// **Slots.** Periods are calendar periods: months, quarters January-March …, calendar years. A
/// meeting counts for the slot that contains its date, so a meeting on 31 December counts for
/// December, Q4 and that year.
///
/// **Partial first slot.** An organisation is judged only from its establishment. The slot in which it
/// was established (and the slot in which it was dissolved) covers only part of the period, so it is
/// reported `exempt` unless the meetings were held anyway, in which case it is `met`: a branch set up on
/// 25 March is not in breach for having held no committee meeting in March, nor a branch set up in
/// December for having had no party lecture that year. Judging starts with the first full slot. The
/// same choice applies to every period length, so a yearly duty starts in the first full calendar year.

#include <date/date.h>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "dangyuan/agenda/agenda.hpp"
#include "dangyuan/core/calendar.hpp"
#include "dangyuan/core/enum_table.hpp"
#include "dangyuan/core/errors.hpp"
#include "dangyuan/life/meetings.hpp"
#include "dangyuan/org/org.hpp"
#include "dangyuan/rules/catalogue.hpp"
#include "dangyuan/rules/rule_set.hpp"

namespace dangyuan {

// `cadence_period` and its table are in rules/params_life.hpp.

/// What the cadence applies to besides the meetings: facts about the organisation over the period.
struct life_scope {
    bool has_committee = false;  ///< the branch has a committee (支部委员会): committee cadence applies
    std::vector<org_id> groups;  ///< its party groups (党小组): each must hold its group meetings
    std::vector<member_id> members;  ///< roster for per-member cadences (谈心谈话); empty = judge by count

    friend bool operator==(life_scope const&, life_scope const&) = default;
};

/// One calendar period of one cadence row.
struct cadence_slot {
    date::sys_days start{};  ///< first day
    date::sys_days end{};    ///< last day (inclusive)
    std::string label;       ///< "2026-10", "2026-Q4" or "2026"

    friend bool operator==(cadence_slot const&, cadence_slot const&) = default;
};

/// The slot of `period` containing `d`.
[[nodiscard]] inline cadence_slot slot_containing(date::sys_days d, cadence_period period) {
    date::year_month_day const ymd{d};
    int const y = int(ymd.year());
    unsigned const m = unsigned(ymd.month());
    auto two = [](unsigned v) { return std::string(v < 10 ? "0" : "") + std::to_string(v); };
    switch (period) {
        case cadence_period::month: {
            auto const start = make_date(y, m, 1);
            return {start, add_months(start, 1) - date::days{1}, std::to_string(y) + "-" + two(m)};
        }
        case cadence_period::quarter: {
            unsigned const q = (m - 1) / 3;  // 0..3
            auto const start = make_date(y, q * 3 + 1, 1);
            return {start, add_months(start, 3) - date::days{1},
                    std::to_string(y) + "-Q" + std::to_string(q + 1)};
        }
        case cadence_period::year: {
            auto const start = make_date(y, 1, 1);
            return {start, make_date(y, 12, 31), std::to_string(y)};
        }
    }
    throw invalid_input("period", "unknown cadence period");
}

/// How a slot stands.
enum class slot_status {
    met,     ///< enough meetings held
    missed,  ///< the slot ended before the report date without enough meetings
    open,    ///< the slot has not ended on the report date and is not met yet
    exempt,  ///< the organisation existed for only part of the slot (see the file comment)
};

template <>
struct enum_table<slot_status> {
    static constexpr std::string_view field = "status";
    static constexpr std::string_view noun = "slot status";
    static constexpr enum_row<slot_status> rows[] = {
        {slot_status::met, "met", "已完成"},
        {slot_status::missed, "missed", "未完成"},
        {slot_status::open, "open", "进行中"},
        {slot_status::exempt, "exempt", "不适用"},
    };
};

/// The judgement of one cadence row over one slot (and, where it applies, one group or member).
struct slot_result {
    std::string rule_id;  ///< the cadence row's rule
    meeting_kind kind = meeting_kind::branch_general_meeting;
    cadence_period period = cadence_period::month;
    cadence_slot slot;
    slot_status status = slot_status::open;
    int held = 0;                     ///< meetings that count
    int required = 1;                 ///< meetings required
    std::optional<org_id> group;      ///< the party group judged (group meetings of a branch)
    std::optional<member_id> member;  ///< the member judged (per-member cadences)
    std::string message;              ///< e.g. "no 支部委员会 (committee_meeting) held in 2026-10"

    friend bool operator==(slot_result const&, slot_result const&) = default;
};

/// The compliance of one organisation with the cadence over a period.
struct compliance_report {
    org_id org;
    date::sys_days from{};
    date::sys_days to{};
    std::vector<slot_result> slots;  ///< by cadence row (table order), then slot, group, member

    /// The slots with the given status.
    [[nodiscard]] std::vector<slot_result> with_status(slot_status s) const {
        std::vector<slot_result> out;
        std::copy_if(slots.begin(), slots.end(), std::back_inserter(out),
                     [s](slot_result const& r) { return r.status == s; });
        return out;
    }
    /// True when no slot was missed.
    [[nodiscard]] bool compliant() const {
        return std::none_of(slots.begin(), slots.end(),
                            [](slot_result const& r) { return r.status == slot_status::missed; });
    }

    friend bool operator==(compliance_report const&, compliance_report const&) = default;
};

/// A compliance report added up: what the statistics workbook and `dangyuan.plot` show per branch.
struct cadence_tally {
    std::int64_t required = 0;  ///< meetings required in the slots met or missed (应开)
    std::int64_t held = 0;    ///< meetings held in those slots, at most the number required in each (已开)
    std::int64_t missed = 0;  ///< slots missed (未完成期间)

    friend bool operator==(cadence_tally const&, cadence_tally const&) = default;
};

/// Adds up a report's slots that are due: met or missed. Open slots (not ended) and exempt ones (the
/// organisation existed for part of the slot only) are not due yet and count nowhere; a slot with more
/// meetings than required counts only the number required, so that one busy month cannot make up for
/// a missed one.
[[nodiscard]] inline cadence_tally tally(compliance_report const& report) noexcept {
    cadence_tally t;
    for (auto const& slot : report.slots) {
        if (slot.status != slot_status::met && slot.status != slot_status::missed) continue;
        t.required += slot.required;
        t.held += std::min(slot.held, slot.required);
        t.missed += slot.status == slot_status::missed ? 1 : 0;
    }
    return t;
}

/// Checks a cadence table.
/// \throws invalid_input{"cadence"} for a row whose rule id is not in the catalogue or whose minimum
///         count is below 1.
inline void validate_cadence(std::span<cadence_rule const> rows) {
    for (auto const& row : rows) {
        try {
            (void)find_rule(row.rule_id);
        } catch (not_found const&) {
            throw invalid_input("cadence", "rule id '" + row.rule_id + "' is not in the catalogue");
        }
        if (row.min_count < 1)
            throw invalid_input(
                "cadence", row.rule_id + ": minimum count " + std::to_string(row.min_count) + " is below 1");
    }
}

namespace detail {

inline std::string kind_text(meeting_kind k) {
    return std::string(chinese_name(k)) + " (" + std::string(to_string(k)) + ")";
}

inline bool meeting_counts(meeting const& m, cadence_rule const& row, org_id holder, cadence_slot const& slot,
                           date::sys_days established, date::sys_days to) {
    if (m.kind != row.kind || m.org != holder) return false;
    if (m.date < slot.start || m.date > slot.end || m.date < established || m.date > to) return false;
    if (row.condition == cadence_condition::lecturer_is_secretary && !(m.chair && m.chair_is_secretary))
        return false;
    return true;
}

inline bool took_part(meeting const& m, member_id who) {
    if (m.chair && *m.chair == who) return true;
    return std::any_of(m.attendance.begin(), m.attendance.end(), [&](attendance_entry const& a) {
        return a.member == who && a.status != attendance_status::absent;
    });
}

inline std::string slot_message(slot_result const& r, cadence_rule const& row, org_unit const& org) {
    std::string what = kind_text(r.kind);
    if (row.condition == cadence_condition::lecturer_is_secretary) what += " given by the branch secretary";
    if (r.member) what += " with member " + std::to_string(r.member->value());
    if (r.group) what += " by party group " + std::to_string(r.group->value());
    std::string const count = std::to_string(r.held) + " of " + std::to_string(r.required);
    switch (r.status) {
        case slot_status::met:
            return count + " " + what + " held in " + r.slot.label;
        case slot_status::missed:
            return (r.held == 0 ? "no " + what + " held in " + r.slot.label
                                : "only " + count + " " + what + " held in " + r.slot.label);
        case slot_status::open:
            return count + " " + what + " held so far in " + r.slot.label + "; due by " +
                   format_date(r.slot.end);
        case slot_status::exempt:
            return r.slot.label + " only partly covered: '" + org.name + "' " +
                   (r.slot.start < org.established ? "established " + format_date(org.established)
                                                   : "dissolved " + format_date(*org.dissolved));
    }
    return what;
}

// The agenda's Chinese sentence for a missed or open slot: the same facts as slot_message.
inline std::string slot_message_zh(slot_result const& r, bool lecturer_is_secretary) {
    std::string what = std::string(chinese_name(r.kind));
    if (lecturer_is_secretary) what = "支部书记讲" + what;
    if (r.group) what = "党小组" + std::to_string(r.group->value()) + what;
    if (r.member) what += "(党员" + std::to_string(r.member->value()) + "参加)";
    std::string const need = ", 应至少" + std::to_string(r.required) + "次";
    if (r.status == slot_status::missed)
        return r.held == 0 ? r.slot.label + "未召开" + what
                           : r.slot.label + "仅召开" + what + std::to_string(r.held) + "次" + need;
    return r.slot.label + "已召开" + what + std::to_string(r.held) + "次" + need + ", " +
           format_date(r.slot.end) + "前完成";
}

}  // namespace detail

/// Judges `org`'s meetings against the cadence of `rules.life.cadence` for every slot overlapping
/// [`from`, `to`] while the organisation existed, as of `to`.
///
/// Applicability: branches, joint branches and general branches are judged on every row, the committee
/// row only when `scope.has_committee`, the group row once for each of `scope.groups` (meetings
/// recorded under the group's id); a party group is judged on the group row only; committees (党委)
/// have no cadence here and get an empty report. Rows with `every_member` are judged per member of
/// `scope.members` (a member counts when present, a guest or the chair), or by count when the roster
/// is empty. Slots are whole calendar periods: a slot is met when it holds `min_count` counting
/// meetings dated anywhere in the slot (so also before `from`), on or after the establishment and not
/// after `to`; otherwise it is exempt when the organisation existed for only part of it
/// (file comment), missed when it ended before `to`, and open when it ends on or after `to`.
/// \pre the meetings are valid (`validate_meeting`); meetings of other organisations are ignored.
/// \throws invalid_input{"to"} when `to` is before `from`; invalid_input{"cadence"} for a bad table.
[[nodiscard]] inline compliance_report life_compliance(org_unit const& org, std::span<meeting const> meetings,
                                                       life_scope const& scope, date::sys_days from,
                                                       date::sys_days to, rule_set const& rules) {
    if (to < from)
        throw invalid_input("to",
                            "report end " + format_date(to) + " is before its start " + format_date(from));
    validate_cadence(rules.life.cadence);
    compliance_report report{org.id, from, to, {}};
    if (is_committee(org.kind)) return report;
    auto const begin = std::max(from, org.established);
    auto stop = to;
    if (org.dissolved) stop = std::min(stop, *org.dissolved - date::days{1});
    if (begin > stop) return report;
    bool const is_group = org.kind == org_kind::party_group;

    for (auto const& row : rules.life.cadence) {
        // The holders judged for this row: the org itself, or each of its groups.
        std::vector<std::optional<org_id>> holders;
        if (row.kind == meeting_kind::group_meeting) {
            if (is_group)
                holders.push_back(std::nullopt);
            else
                for (auto const g : scope.groups)
                    holders.push_back(g);
        } else if (!is_group && (row.kind != meeting_kind::committee_meeting || scope.has_committee)) {
            holders.push_back(std::nullopt);
        }
        if (holders.empty()) continue;
        bool const per_member = row.condition == cadence_condition::every_member && !scope.members.empty();

        for (auto slot = slot_containing(begin, row.period); slot.start <= stop;
             slot = slot_containing(slot.end + date::days{1}, row.period)) {
            bool const partial =
                slot.start < org.established || (org.dissolved && slot.end >= *org.dissolved);
            for (auto const& holder : holders) {
                org_id const holder_id = holder.value_or(org.id);
                std::vector<std::optional<member_id>> subjects;
                if (per_member)
                    subjects.assign(scope.members.begin(), scope.members.end());
                else
                    subjects.push_back(std::nullopt);
                for (auto const& subject : subjects) {
                    slot_result r;
                    r.rule_id = row.rule_id;
                    r.kind = row.kind;
                    r.period = row.period;
                    r.slot = slot;
                    r.required = row.min_count;
                    r.group = holder;
                    r.member = subject;
                    for (auto const& m : meetings)
                        if (detail::meeting_counts(m, row, holder_id, slot, org.established, to) &&
                            (!subject || detail::took_part(m, *subject)))
                            ++r.held;
                    if (r.held >= r.required)
                        r.status = slot_status::met;
                    else if (partial)
                        r.status = slot_status::exempt;
                    else if (slot.end < to)
                        r.status = slot_status::missed;
                    else
                        r.status = slot_status::open;
                    r.message = detail::slot_message(r, row, org);
                    report.slots.push_back(std::move(r));
                }
            }
        }
    }
    return report;
}

/// Agenda items of `org`'s organisational life on `as_of`: one `life.meeting_missed` item (overdue,
/// due at the slot's end) per slot missed since `from`, and one `life.meeting_due` item (upcoming, or
/// due on the slot's last day) per current slot not yet met. Exempt and met slots give no item.
/// \throws as `life_compliance(org, meetings, scope, from, as_of, rules)`.
[[nodiscard]] inline std::vector<agenda_item> life_agenda(org_unit const& org,
                                                          std::span<meeting const> meetings,
                                                          life_scope const& scope, date::sys_days from,
                                                          date::sys_days as_of, rule_set const& rules) {
    std::vector<agenda_item> items;
    if (!org.active_on(as_of)) return items;
    auto const report = life_compliance(org, meetings, scope, from, as_of, rules);
    for (auto const& r : report.slots) {
        if (r.status != slot_status::missed && r.status != slot_status::open) continue;
        bool const missed = r.status == slot_status::missed;
        bool const lecturer =
            std::any_of(rules.life.cadence.begin(), rules.life.cadence.end(), [&](cadence_rule const& row) {
                return row.rule_id == r.rule_id && row.kind == r.kind &&
                       row.condition == cadence_condition::lecturer_is_secretary;
            });
        items.push_back(agenda_item{missed ? "life.meeting_missed" : "life.meeting_due",
                                    r.group.value_or(org.id), r.member, org.name, r.slot.end,
                                    status_for(r.slot.end, as_of), r.rule_id, r.message, std::nullopt,
                                    detail::slot_message_zh(r, lecturer)});
    }
    return items;
}

}  // namespace dangyuan
