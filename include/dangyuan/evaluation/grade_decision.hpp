#pragma once
/// \file
/// The final grade of democratic evaluation as a decision of the branch, and what follows from it.
///
/// A tally (evaluation/ballot.hpp) is evidence, not a grade. In the organisational assessment (组织考察)
/// the branch committee proposes a grade from the appraisal results and the member's daily conduct and
/// tells the member; the branch then decides (eval.grade_by_decision). 不合格 can only be decided after
/// that assessment (eval.unqualified_needs_assessment). 优秀 is generally capped at one third of the full
/// members whose organisational relationship is in the organisation (eval.excellent_share_cap).
///
/// The records here are part of a campaign's record list; `check_campaign_record` (evaluation/campaign.hpp)
/// validates them against the campaign's history. This header holds the records and the rules that need
/// no history.

#include <date/date.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "dangyuan/core/enum_table.hpp"
#include "dangyuan/core/errors.hpp"
#include "dangyuan/core/ids.hpp"
#include "dangyuan/evaluation/ballot.hpp"
#include "dangyuan/rules/catalogue.hpp"
#include "dangyuan/rules/rule_set.hpp"
#include "dangyuan/rules/vote.hpp"

namespace dangyuan {

/// Campaign record: the branch committee proposes a grade for a member (组织考察), from the appraisal
/// results and the member's daily conduct. A later proposal for the same member replaces an earlier one
/// and must be conveyed to the member again.
struct grade_proposed {
    date::sys_days date{};
    member_id member;
    grade proposed = grade::qualified;
    std::string basis;  ///< e.g. "测评结果 + 平时表现"; may be empty

    friend bool operator==(grade_proposed const&, grade_proposed const&) = default;
};

/// Campaign record: the committee's proposal was conveyed to the member (反馈本人).
struct member_informed {
    date::sys_days date{};
    member_id member;
    std::string by;  ///< who talked to the member; may be empty

    friend bool operator==(member_informed const&, member_informed const&) = default;
};

/// The body that decided a grade.
enum class decision_body {
    branch_committee,  ///< 支部委员会
    branch_meeting,    ///< 支部党员大会
};

template <>
struct enum_table<decision_body> {
    static constexpr std::string_view field = "by";
    static constexpr std::string_view noun = "decision body";
    static constexpr enum_row<decision_body> rows[] = {
        {decision_body::branch_committee, "branch_committee", "支部委员会"},
        {decision_body::branch_meeting, "branch_meeting", "支部党员大会"},
    };
};

/// Campaign record: the final grade of a member for the campaign's year.
struct grade_decided {
    date::sys_days date{};
    member_id member;
    grade decided = grade::qualified;
    decision_body by = decision_body::branch_meeting;
    /// The branch meeting's vote when one was taken; it must have quorum and carry (vote.hpp).
    std::optional<branch_vote> vote;
    /// Why 优秀 exceeds the share cap (eval.excellent_share_cap); required for such a grade when the cap is
    /// soft, ignored otherwise.
    std::string over_cap_reason;

    friend bool operator==(grade_decided const&, grade_decided const&) = default;
};

/// Campaign record (host side): the grade of a mobile member was sent to the branch holding the member's
/// organisational relationship.
struct result_sent {
    date::sys_days date{};
    member_id member;
    org_id to;  ///< the home organisation; must be the participant's `relationship_in`

    friend bool operator==(result_sent const&, result_sent const&) = default;
};

/// Campaign record (home side): the grade decided by the host organisation for a member of this
/// organisation was received. It is the member's one grade for the year, not a second one.
struct result_received {
    date::sys_days date{};
    member_id member;
    org_id from;  ///< the organisation that decided the grade
    grade received = grade::qualified;

    friend bool operator==(result_received const&, result_received const&) = default;
};

/// How a grade is followed up in the commendation and handling step (表彰和处理), eval.follow_up.
enum class follow_up_kind {
    commended,           ///< 表扬 / 表彰: 优秀
    encouraged,          ///< 鼓励: 合格
    helped,              ///< 指出不足、帮助改进: 基本合格
    educated,            ///< 批评教育、帮助转化: 不合格, education first
    disposition_opened,  ///< 按程序组织处置: 不合格, see evaluation/disposition.hpp
};

template <>
struct enum_table<follow_up_kind> {
    static constexpr std::string_view field = "kind";
    static constexpr std::string_view noun = "follow-up";
    static constexpr enum_row<follow_up_kind> rows[] = {
        {follow_up_kind::commended, "commended", "表扬"},
        {follow_up_kind::encouraged, "encouraged", "鼓励"},
        {follow_up_kind::helped, "helped", "帮助改进"},
        {follow_up_kind::educated, "educated", "批评教育"},
        {follow_up_kind::disposition_opened, "disposition_opened", "组织处置"},
    };
};

namespace detail {
// Results use (12371 special page [S]): which follow-up answers which grade.
inline constexpr std::pair<follow_up_kind, grade> follow_up_grades[] = {
    {follow_up_kind::commended, grade::excellent},
    {follow_up_kind::encouraged, grade::qualified},
    {follow_up_kind::helped, grade::basically_qualified},
    {follow_up_kind::educated, grade::unqualified},
    {follow_up_kind::disposition_opened, grade::unqualified},
};
}  // namespace detail

/// True when `k` is a follow-up of grade `g` (eval.follow_up).
[[nodiscard]] constexpr bool follow_up_fits(grade g, follow_up_kind k) noexcept {
    for (auto const& [kind, for_grade] : detail::follow_up_grades)
        if (kind == k) return for_grade == g;
    return false;
}

/// Campaign record: a graded member was followed up (表彰和处理).
struct follow_up {
    date::sys_days date{};
    member_id member;
    follow_up_kind kind = follow_up_kind::encouraged;
    std::string note;

    friend bool operator==(follow_up const&, follow_up const&) = default;
};

/// A member's grade for a year as decided by one organisation: what other campaigns of the same year
/// must know to refuse a second grade (eval.one_grade_per_year).
struct final_grade {
    member_id member;
    int year = 0;
    org_id org;  ///< the organisation that decided the grade
    grade decided = grade::qualified;
    date::sys_days date{};

    friend bool operator==(final_grade const&, final_grade const&) = default;
};

/// The largest number of 优秀 grades within the cap for `full_members` full members:
/// floor(full_members * numerator / denominator), e.g. 3 for 9 or 10 full members, 4 for 12.
/// \throws invalid_input (field "excellent_share_max") when the rule set's fraction is malformed.
[[nodiscard]] inline int excellent_cap(int full_members, rule_set const& rules) {
    auto const& s = rules.evaluation.excellent_share_max;
    if (s.denominator <= 0 || s.numerator < 0)
        throw invalid_input("excellent_share_max", std::to_string(s.numerator) + "/" +
                                                       std::to_string(s.denominator) + " is not a share");
    if (full_members <= 0) return 0;
    return static_cast<int>(std::int64_t{full_members} * s.numerator / s.denominator);
}

/// Checks that `excellent` 优秀 grades stay within the cap for `full_members` full members
/// (eval.excellent_share_cap): `excellent * denominator <= full_members * numerator`, so with 1/3 nine or
/// ten full members allow 3 and refuse 4. Over the cap, a soft cap (the national default) accepts the grade
/// when `reason` is not blank; a hard cap refuses it.
/// \throws rule_violation eval.excellent_share_cap; invalid_input for a malformed fraction.
inline void check_excellent_share(int excellent, int full_members, std::string_view reason,
                                  rule_set const& rules) {
    int const cap = excellent_cap(full_members, rules);
    if (excellent <= cap) return;
    auto const& s = rules.evaluation.excellent_share_max;
    std::string const what = std::to_string(excellent) + " 优秀 of " + std::to_string(full_members) +
                             " full members exceeds " + std::to_string(s.numerator) + "/" +
                             std::to_string(s.denominator) + " (at most " + std::to_string(cap) + ")";
    if (rules.evaluation.excellent_cap_hard)
        throw violation("eval.excellent_share_cap", what + "; the rule set makes the cap binding");
    if (reason.find_first_not_of(" \t\r\n") == std::string_view::npos)
        throw violation("eval.excellent_share_cap", what + "; record the reason for exceeding it");
}

}  // namespace dangyuan
