#pragma once
/// \file
/// Branch general meeting votes (票决制): counts, quorum and majority.
///
/// Used wherever a branch meeting (支部党员大会) decides: admission and conversion of probationary
/// members, extension or cancellation of probation, disposition of unqualified members. "More than
/// half" (超过半数) is strict: `2 * count > denominator`.

#include <string>
#include <string_view>

#include "dangyuan/core/errors.hpp"
#include "dangyuan/rules/catalogue.hpp"

namespace dangyuan {

/// The recorded counts of one vote on one person. Only full members (正式党员) have a vote;
/// probationary members and mobile members attending as guests are not counted anywhere here.
struct branch_vote {
    int entitled = 0;  ///< 应到会有表决权的正式党员: full members entitled to attend and vote
    int present = 0;   ///< 实到会有表决权的正式党员: of those, present at the meeting
    int written_opinions = 0;  ///< absent voting members' written opinions submitted before the meeting
    int yes = 0;               ///< 赞成, written opinions included
    int no = 0;                ///< 反对, written opinions included
    int abstain = 0;           ///< 弃权, written opinions included

    friend bool operator==(branch_vote const&, branch_vote const&) = default;
};

/// Checks that a head count of a meeting or vote is not negative.
/// \throws invalid_input{field} for a negative count.
inline void require_count(int n, char const* field) {
    if (n < 0) throw invalid_input(field, "negative count " + std::to_string(n));
}

/// Checks that a count is not more than the count it is part of (those present of those entitled…).
/// \throws invalid_input{field} "N <what> but only M <of_what>" when `n > limit`.
inline void require_within(int n, char const* field, std::string_view what, int limit,
                           std::string_view of_what) {
    if (n > limit)
        throw invalid_input(field, std::to_string(n) + " " + std::string(what) + " but only " +
                                       std::to_string(limit) + " " + std::string(of_what));
}

/// Checks that the counts are possible (they do not yet say whether the vote passed).
/// \throws invalid_input naming the count: negative numbers, present > entitled, written opinions from
///         more members than were absent, more votes than voters present or writing.
inline void validate_counts(branch_vote const& v) {
    require_count(v.entitled, "entitled");
    require_count(v.present, "present");
    require_count(v.written_opinions, "written_opinions");
    require_count(v.yes, "yes");
    require_count(v.no, "no");
    require_count(v.abstain, "abstain");
    if (v.entitled == 0) throw invalid_input("entitled", "no member entitled to vote");
    require_within(v.present, "present", "present", v.entitled, "entitled to vote");
    require_within(v.written_opinions, "written_opinions", "written opinions", v.entitled - v.present,
                   "members absent");
    int const ballots = v.yes + v.no + v.abstain;
    if (ballots > v.present + v.written_opinions)
        throw invalid_input(
            "yes", std::to_string(ballots) + " votes counted (yes " + std::to_string(v.yes) + ", no " +
                       std::to_string(v.no) + ", abstain " + std::to_string(v.abstain) + ") but only " +
                       std::to_string(v.present + v.written_opinions) + " voters present or writing");
}

/// True when more than half of those entitled are present (vote.quorum_over_half).
[[nodiscard]] constexpr bool quorate(branch_vote const& v) noexcept {
    return 2 * v.present > v.entitled;
}

/// True when the YES votes exceed half of those entitled — not of those present (vote.majority_of_entitled).
[[nodiscard]] constexpr bool passes(branch_vote const& v) noexcept {
    return 2 * v.yes > v.entitled;
}

/// Validates the counts and the quorum. A vote without quorum is void: nothing may be recorded from it.
/// \throws invalid_input for impossible counts; rule_violation vote.quorum_over_half.
inline void require_quorum(branch_vote const& v) {
    validate_counts(v);
    if (!quorate(v))
        throw violation("vote.quorum_over_half", std::to_string(v.present) + " of " +
                                                     std::to_string(v.entitled) +
                                                     " voting members present: more than half must attend");
}

/// Validates counts and quorum, and that the motion carried.
/// \throws rule_violation vote.quorum_over_half or vote.majority_of_entitled.
inline void require_passed(branch_vote const& v) {
    require_quorum(v);
    if (!passes(v))
        throw violation("vote.majority_of_entitled",
                        std::to_string(v.yes) + " yes of " + std::to_string(v.entitled) +
                            " entitled: more than half of all voting members must agree");
}

}  // namespace dangyuan
