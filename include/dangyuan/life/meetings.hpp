#pragma once
/// \file
/// Meetings of organisational life (组织生活: 三会一课, 主题党日, 组织生活会, 谈心谈话): the record, its
/// validation (dates, attendance, quorum), and the date of each member's last organisational life.
///
/// Pure functions over plain records; storage is elsewhere. Every rule takes its dates explicitly.

#include <date/date.h>

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dangyuan/core/calendar.hpp"
#include "dangyuan/core/enum_table.hpp"
#include "dangyuan/core/errors.hpp"
#include "dangyuan/core/ids.hpp"
#include "dangyuan/org/org.hpp"
#include "dangyuan/rules/catalogue.hpp"
#include "dangyuan/rules/params_life.hpp"
#include "dangyuan/rules/vote.hpp"

namespace dangyuan {

// `meeting_kind`, its codes and Chinese names are in rules/params_life.hpp.

/// Parses a meeting kind from its English code or Chinese name.
/// \throws invalid_input{"kind"} naming the value when it is neither.
[[nodiscard]] inline meeting_kind parse_meeting_kind(std::string_view s) {
    return parse_enum_or_throw<meeting_kind>(s);
}

/// True for the kinds that count as taking part in organisational life (组织生活) for a member: every
/// meeting kind except a heart-to-heart talk, which is a conversation between two people.
[[nodiscard]] constexpr bool counts_as_org_life(meeting_kind k) noexcept {
    return k != meeting_kind::heart_to_heart_talk;
}

/// How a member is recorded at a meeting.
enum class attendance_status {
    present,  ///< 出席
    absent,   ///< 缺席 (请假): needs a reason
    guest,    ///< a mobile member (流动党员) of another organisation taking part here (host-attending);
              ///< never counted towards a quorum and never voting
};

template <>
struct enum_table<attendance_status> {
    static constexpr std::string_view field = "status";
    static constexpr std::string_view noun = "attendance status";
    static constexpr enum_row<attendance_status> rows[] = {
        {attendance_status::present, "present", "出席"},
        {attendance_status::absent, "absent", "缺席"},
        {attendance_status::guest, "guest", "流入列席"},
    };
};

/// One line of an attendance list. The list names everyone expected (应到), present or absent, plus
/// any guests.
struct attendance_entry {
    member_id member;
    attendance_status status = attendance_status::present;
    std::string absence_reason;  ///< 缺席原因; required when absent
    /// Counts towards the quorum: a full member (正式党员) at a branch general meeting, a committee
    /// member at a committee meeting. False for probationary members and for people sitting in (列席).
    /// Ignored for guests.
    bool voting = true;

    friend bool operator==(attendance_entry const&, attendance_entry const&) = default;
};

/// A meeting of organisational life. Ids are assigned by the store.
struct meeting {
    meeting_id id;
    org_id org;  ///< the organisation holding it: the branch, or the party group for a group meeting
    meeting_kind kind = meeting_kind::branch_general_meeting;
    date::sys_days date{};
    std::string topic;  ///< 主题 / 议题
    /// The chair (主持人); for a party lecture the lecturer (授课人); for a heart-to-heart talk the
    /// committee member holding it.
    std::optional<member_id> chair;
    bool chair_is_secretary = false;  ///< the chair / lecturer is the branch secretary (书记)
    std::vector<attendance_entry> attendance;

    friend bool operator==(meeting const&, meeting const&) = default;
};

/// The quorum counts of a meeting, as the shared vote rules (rules/vote.hpp) take them: `entitled` =
/// non-guest entries with `voting`, `present` = those of them present. Callers that record a vote
/// add the yes/no/abstain counts and call `require_passed`.
[[nodiscard]] inline branch_vote attendance_counts(meeting const& m) noexcept {
    branch_vote v;
    for (auto const& a : m.attendance) {
        if (a.status == attendance_status::guest || !a.voting) continue;
        ++v.entitled;
        if (a.status == attendance_status::present) ++v.present;
    }
    return v;
}

/// True when the kind needs a quorum: the branch general meeting (life.general_meeting_quorum) and
/// the committee meeting (life.committee_meeting_quorum).
[[nodiscard]] constexpr bool needs_quorum(meeting_kind k) noexcept {
    return k == meeting_kind::branch_general_meeting || k == meeting_kind::committee_meeting;
}

/// Validates a meeting record held by `org`, recorded on `as_of`.
///
/// Checks: the meeting belongs to `org`, which existed on the meeting date; the date is not after
/// `as_of`; a topic; a group meeting is held by a party group, and a party group holds no branch
/// general or committee meeting; a party lecture names its lecturer and a heart-to-heart talk the
/// member holding it and at least one other person present; `chair_is_secretary` needs a chair; no
/// member listed twice; every absence has a reason; the chair is not recorded absent; the quorum of
/// branch general and committee meetings, computed with the shared rules of rules/vote.hpp.
/// \throws invalid_input naming the field (org, date, topic, chair, attendance, absence_reason, entitled).
/// \throws rule_violation life.general_meeting_quorum or life.committee_meeting_quorum.
inline void validate_meeting(meeting const& m, org_unit const& org, date::sys_days as_of) {
    if (m.org != org.id)
        throw invalid_input("org", "meeting of org " + std::to_string(m.org.value()) +
                                       " checked against org " + std::to_string(org.id.value()));
    if (m.date > as_of)
        throw invalid_input("date", "meeting dated " + format_date(m.date) + ", after the recording date " +
                                        format_date(as_of));
    if (!org.active_on(m.date))
        throw invalid_input("date",
                            "meeting dated " + format_date(m.date) + " but '" + org.name + "' existed from " +
                                format_date(org.established) +
                                (org.dissolved ? " to " + format_date(*org.dissolved) : std::string()));
    if (m.topic.empty()) throw invalid_input("topic", "a meeting needs a topic");
    bool const group = org.kind == org_kind::party_group;
    if (m.kind == meeting_kind::group_meeting && !group)
        throw invalid_input("org", "a party-group meeting (党小组会) is held by a party group, not by a " +
                                       std::string(chinese_name(org.kind)));
    if (group && needs_quorum(m.kind))
        throw invalid_input("org", "a party group does not hold a " + std::string(chinese_name(m.kind)));
    if (m.chair && !m.chair->valid()) throw invalid_input("chair", "invalid member id");
    if (m.chair_is_secretary && !m.chair)
        throw invalid_input("chair", "chair_is_secretary is set but no chair or lecturer is named");
    if (m.kind == meeting_kind::party_lecture && !m.chair)
        throw invalid_input("chair", "a party lecture (党课) names its lecturer");
    if (m.kind == meeting_kind::heart_to_heart_talk && !m.chair)
        throw invalid_input("chair", "a heart-to-heart talk (谈心谈话) names the member holding it");

    std::set<member_id> seen;
    for (auto const& a : m.attendance) {
        if (!a.member.valid()) throw invalid_input("attendance", "invalid member id");
        if (!seen.insert(a.member).second)
            throw invalid_input("attendance",
                                "member " + std::to_string(a.member.value()) + " is listed twice");
        if (a.status == attendance_status::absent && a.absence_reason.empty())
            throw invalid_input("absence_reason",
                                "member " + std::to_string(a.member.value()) + " is absent without a reason");
        if (m.chair && a.member == *m.chair && a.status == attendance_status::absent)
            throw invalid_input(
                "chair", "the chair, member " + std::to_string(a.member.value()) + ", is recorded absent");
    }
    if (m.kind == meeting_kind::heart_to_heart_talk) {
        bool const other =
            std::any_of(m.attendance.begin(), m.attendance.end(), [&](attendance_entry const& a) {
                return a.status != attendance_status::absent && a.member != *m.chair;
            });
        if (!other) throw invalid_input("attendance", "a heart-to-heart talk needs the member talked with");
    }
    if (needs_quorum(m.kind)) {
        auto const v = attendance_counts(m);
        validate_counts(v);  // no voting member listed -> invalid_input{"entitled"}
        if (!quorate(v)) {
            std::string const what = std::to_string(v.present) + " of " + std::to_string(v.entitled) +
                                     " present at the " + std::string(chinese_name(m.kind)) + " of " +
                                     format_date(m.date) + ": more than half of the ";
            if (m.kind == meeting_kind::branch_general_meeting)
                throw violation("life.general_meeting_quorum", what + "voting members entitled must attend");
            throw violation("life.committee_meeting_quorum", what + "committee members must attend");
        }
    }
}

/// The members who took part in the meeting: those present, guests and the chair.
[[nodiscard]] inline std::vector<member_id> participants(meeting const& m) {
    std::vector<member_id> out;
    if (m.chair) out.push_back(*m.chair);
    for (auto const& a : m.attendance)
        if (a.status != attendance_status::absent && (!m.chair || a.member != *m.chair))
            out.push_back(a.member);
    return out;
}

/// For each member who took part in organisational life (`counts_as_org_life`) on or before `as_of`,
/// the date of the last such meeting. Guests count: a mobile member's life at the host organisation
/// is organisational life. Feeds the mobility rule on members without organisational life for 6 months.
/// Meetings after `as_of` are ignored.
[[nodiscard]] inline std::map<member_id, date::sys_days> last_org_life(std::span<meeting const> meetings,
                                                                       date::sys_days as_of) {
    std::map<member_id, date::sys_days> last;
    for (auto const& m : meetings) {
        if (m.date > as_of || !counts_as_org_life(m.kind)) continue;
        for (auto const id : participants(m)) {
            auto [it, inserted] = last.emplace(id, m.date);
            if (!inserted && it->second < m.date) it->second = m.date;
        }
    }
    return last;
}

/// The date of the last organisational life `member` took part in on or before `as_of`, or nothing.
[[nodiscard]] inline std::optional<date::sys_days> last_org_life(member_id member,
                                                                 std::span<meeting const> meetings,
                                                                 date::sys_days as_of) {
    auto const all = last_org_life(meetings, as_of);
    auto const it = all.find(member);
    if (it == all.end()) return std::nullopt;
    return it->second;
}

}  // namespace dangyuan
