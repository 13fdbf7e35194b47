#pragma once
/// \file
/// Who votes at a branch meeting (应到会有表决权的正式党员), as the roster knows it, and the check of a
/// recorded vote's `entitled` count against it (vote.entitled_full_members). One rule for every branch
/// meeting that votes: admission and conversion of probationary members, the general meetings of
/// organisational life.

#include <date/date.h>

#include <optional>
#include <span>
#include <string>

#include "dangyuan/member/discipline.hpp"
#include "dangyuan/member/member.hpp"
#include "dangyuan/member/standing.hpp"
#include "dangyuan/rules/catalogue.hpp"
#include "dangyuan/rules/vote.hpp"

namespace dangyuan {

/// True when `m` has a vote at a meeting of its branch on `on` (vote.entitled_full_members): a full member
/// (正式党员) on that date — not a probationary member —, in normal standing (not suspended, not exited),
/// and not under 留党察看 with rights suspended (党章 第40条).
/// \param standing the member's standing on `on` (nothing before admission).
[[nodiscard]] inline bool has_vote_on(member const& m, std::optional<standing> const& standing,
                                      std::span<party_probation const> sanctions, date::sys_days on) {
    return m.status_on(on) == member_status::full && standing && standing->state == standing_state::normal &&
           !rights_suspended_on(sanctions, on);
}

/// The voting members of a branch on a meeting date, as the store knows them.
struct voting_roll {
    int voters = 0;  ///< full members with a vote (has_vote_on)
    int away = 0;  ///< of them, away on an open mobility episode (外出): they may be left out of the count
};

/// Checks that a recorded vote counts the members entitled as the roster does: `entitled` lies between
/// the voters less those away and all voters. A vote counting probationary members, members without a
/// vote, or members the branch does not have would decide with the wrong denominator.
/// \throws rule_violation vote.entitled_full_members naming both counts.
inline void check_entitled(branch_vote const& v, voting_roll const& roll, std::string const& where) {
    int const least = roll.voters - roll.away;
    if (v.entitled > roll.voters || v.entitled < least)
        throw violation(
            "vote.entitled_full_members",
            std::to_string(v.entitled) + " members recorded as entitled to vote, but " + where + " has " +
                std::to_string(roll.voters) + " full members with a vote" +
                (roll.away > 0 ? " (" + std::to_string(roll.away) + " of them away)" : std::string()) +
                ": probationary members and members without voting rights are not counted");
}

}  // namespace dangyuan
