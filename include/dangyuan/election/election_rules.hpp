#pragma once
/// \file
/// The thresholds of a base-level election (换届选举, 《中国共产党基层组织选举工作条例》 2020): who votes and
/// stands, the quorum of the electing meeting, the 差额 of the candidate list, who is elected in a round,
/// and how far a term may be extended. Pure functions of counts and dates; the election procedure that
/// records them builds on these.
///
/// "More than" (超过, 多于) is strict throughout: `5 * present > 4 * entitled`, `2 * votes > present`.

#include <date/date.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "dangyuan/core/calendar.hpp"
#include "dangyuan/core/enum_table.hpp"
#include "dangyuan/core/errors.hpp"
#include "dangyuan/core/ids.hpp"
#include "dangyuan/rules/catalogue.hpp"
#include "dangyuan/rules/vote.hpp"

namespace dangyuan {

/// Attendance at an electing meeting: members with the right to vote (正式党员 not on 留党察看).
struct election_attendance {
    int entitled =
        0;  ///< 应到会有选举权的党员 (those excused with the higher organisation's consent left out)
    int present = 0;  ///< 实到会有选举权的党员

    friend bool operator==(election_attendance const&, election_attendance const&) = default;
};

/// True when more than four fifths of those entitled are present (election.quorum_over_4_5).
[[nodiscard]] constexpr bool election_quorate(election_attendance a) noexcept {
    return 5 * static_cast<long long>(a.present) > 4 * static_cast<long long>(a.entitled);
}

/// Checks the counts and the quorum of an electing meeting.
/// \throws invalid_input{"entitled"} when no one is entitled, {"present"} for a negative count or more
///         present than entitled; rule_violation election.quorum_over_4_5.
inline void require_election_quorum(election_attendance a) {
    if (a.entitled <= 0) throw invalid_input("entitled", "no member entitled to vote");
    require_count(a.present, "present");
    require_within(a.present, "present", "present", a.entitled, "entitled to vote");
    if (!election_quorate(a))
        throw violation("election.quorum_over_4_5",
                        std::to_string(a.present) + " of " + std::to_string(a.entitled) +
                            " voting members present: more than four fifths must attend for the election");
}

/// The fewest candidates for `seats` committee places: the 差额 is at least a fifth of the seats,
/// rounded up to a whole candidate (election.candidates_exceed_seats_20_percent).
/// \pre `seats >= 1`.
[[nodiscard]] constexpr int minimum_candidates(int seats) noexcept {
    return seats + (seats + 4) / 5;
}

/// True when `candidates` for `seats` places make a competitive (差额) list.
[[nodiscard]] constexpr bool competitive_enough(int seats, int candidates) noexcept {
    return 5 * static_cast<long long>(candidates - seats) >= seats;
}

/// \throws invalid_input{"seats"} for fewer than one seat; rule_violation
///         election.candidates_exceed_seats_20_percent naming the minimum.
inline void require_competitive(int seats, int candidates) {
    if (seats < 1) throw invalid_input("seats", "at least one seat is elected");
    if (!competitive_enough(seats, candidates))
        throw violation("election.candidates_exceed_seats_20_percent",
                        std::to_string(candidates) + " candidates for " + std::to_string(seats) +
                            " seats: the list needs at least " + std::to_string(minimum_candidates(seats)) +
                            " (差额 at least 20 % of the seats)");
}

/// True when `votes_for` exceed half of the voters present (election.elected_over_half_present).
[[nodiscard]] constexpr bool has_majority(int votes_for, int voters_present) noexcept {
    return 2 * static_cast<long long>(votes_for) > voters_present;
}

/// One candidate's ballots in a round, as tallies (who voted how is never recorded).
struct candidate_tally {
    member_id candidate;
    int votes_for = 0;  ///< 赞成
    int against = 0;    ///< 反对
    int abstain = 0;    ///< 弃权

    friend bool operator==(candidate_tally const&, candidate_tally const&) = default;
};

/// The counts of one round of voting.
struct round_counts {
    int seats = 0;             ///< places to fill in this round
    int voters_present = 0;    ///< 实到会有选举权的人数: the denominator of "more than half"
    int ballots_issued = 0;    ///< 发出的选票
    int ballots_returned = 0;  ///< 收回的选票

    friend bool operator==(round_counts const&, round_counts const&) = default;
};

/// What a round decided.
struct round_result {
    bool void_round = false;         ///< more ballots returned than issued: the round is void
    std::string rule_id;             ///< the rule that voided it, or that left seats unfilled
    std::vector<member_id> elected;  ///< by votes, most first
    std::vector<member_id> tied;     ///< tied above half at the last seat(s): a further round between them
    int unfilled = 0;                ///< seats left for a further round (ties included)

    friend bool operator==(round_result const&, round_result const&) = default;
};

/// Counts a round: void when more ballots came back than were issued
/// (election.ballots_not_exceeding_issued); else the candidates with more than half of the voters
/// present (election.elected_over_half_present) are elected in order of votes up to the seats. When
/// candidates with equal votes compete for the last seats, none of them is elected in this round: those
/// seats stay unfilled and the tied candidates go to a further round.
/// \throws invalid_input naming the count: seats < 1, ballots issued beyond the voters present, a
///         candidate twice, negative tallies, or more for + against + abstain than ballots returned.
[[nodiscard]] inline round_result count_round(round_counts const& counts,
                                              std::vector<candidate_tally> tallies) {
    if (counts.seats < 1) throw invalid_input("seats", "at least one seat is elected");
    if (counts.voters_present < 0) throw invalid_input("voters_present", "negative count");
    if (counts.ballots_issued < 0 || counts.ballots_issued > counts.voters_present)
        throw invalid_input("ballots_issued", std::to_string(counts.ballots_issued) + " ballots issued to " +
                                                  std::to_string(counts.voters_present) + " voters present");
    if (counts.ballots_returned < 0) throw invalid_input("ballots_returned", "negative count");
    round_result out;
    if (counts.ballots_returned > counts.ballots_issued) {
        out.void_round = true;
        out.rule_id = "election.ballots_not_exceeding_issued";
        out.unfilled = counts.seats;
        return out;
    }
    for (std::size_t i = 0; i < tallies.size(); ++i) {
        auto const& t = tallies[i];
        for (std::size_t j = 0; j < i; ++j)
            if (tallies[j].candidate == t.candidate)
                throw invalid_input("candidate",
                                    "candidate " + std::to_string(t.candidate.value()) + " counted twice");
        if (t.votes_for < 0) throw invalid_input("votes_for", "negative count");
        if (t.against < 0) throw invalid_input("against", "negative count");
        if (t.abstain < 0) throw invalid_input("abstain", "negative count");
        if (t.votes_for > counts.ballots_returned)
            throw invalid_input("votes_for", std::to_string(t.votes_for) + " votes for candidate " +
                                                 std::to_string(t.candidate.value()) + " from " +
                                                 std::to_string(counts.ballots_returned) + " ballots");
        if (t.votes_for + t.against + t.abstain > counts.ballots_returned)
            throw invalid_input("against", "candidate " + std::to_string(t.candidate.value()) +
                                               ": more votes than the " +
                                               std::to_string(counts.ballots_returned) + " ballots returned");
    }
    std::vector<candidate_tally> above;
    std::copy_if(tallies.begin(), tallies.end(), std::back_inserter(above),
                 [&](candidate_tally const& t) { return has_majority(t.votes_for, counts.voters_present); });
    std::stable_sort(above.begin(), above.end(), [](candidate_tally const& a, candidate_tally const& b) {
        return a.votes_for > b.votes_for;
    });
    auto const seats = static_cast<std::size_t>(counts.seats);
    if (above.size() <= seats) {
        for (auto const& t : above)
            out.elected.push_back(t.candidate);
    } else {
        int const last = above[seats - 1].votes_for;  // the votes of the last seat
        bool const tie_at_last = above[seats].votes_for == last;
        for (auto const& t : above) {
            if (t.votes_for > last || (t.votes_for == last && !tie_at_last))
                out.elected.push_back(t.candidate);
            else if (t.votes_for == last)
                out.tied.push_back(t.candidate);
        }
        std::sort(out.tied.begin(), out.tied.end());
    }
    out.unfilled = counts.seats - static_cast<int>(out.elected.size());
    if (out.unfilled > 0) out.rule_id = "election.elected_over_half_present";
    return out;
}

/// An election held early or late (换届 延期或提前).
struct term_change {
    date::sys_days term_ends{};  ///< the last day of the committee's term
    date::sys_days held_on{};    ///< the day of the election
    bool approved = false;       ///< the higher organisation approved the change

    friend bool operator==(term_change const&, term_change const&) = default;
};

/// True when an election on `held_on` is at most a year after the term ended on `term_ends`
/// (election.term_extension_within_1_year; a year as `add_years` counts it, 29 February clamped).
[[nodiscard]] inline bool extension_allowed(date::sys_days term_ends, date::sys_days held_on) {
    return held_on <= add_years(term_ends, 1);
}

/// Checks an election date against the term: on time needs nothing, early or late needs the higher
/// organisation's approval (election.term_change_approved), and late by at most a year
/// (election.term_extension_within_1_year).
/// \throws rule_violation naming the rule.
inline void require_term_change(term_change const& c) {
    if (c.held_on == c.term_ends) return;
    if (!c.approved)
        throw violation("election.term_change_approved",
                        "the election on " + format_date(c.held_on) + " is not on the term's end " +
                            format_date(c.term_ends) + ": the higher organisation must approve it");
    if (!extension_allowed(c.term_ends, c.held_on))
        throw violation("election.term_extension_within_1_year",
                        "the election on " + format_date(c.held_on) +
                            " is more than a year after the term ended on " + format_date(c.term_ends));
}

/// The meeting that elects a committee.
enum class election_meeting {
    members_meeting,    ///< 党员大会
    delegates_meeting,  ///< 党员代表大会
};

template <>
struct enum_table<election_meeting> {
    static constexpr std::string_view field = "meeting";
    static constexpr std::string_view noun = "electing meeting";
    static constexpr enum_row<election_meeting> rows[] = {
        {election_meeting::members_meeting, "members_meeting", "党员大会"},
        {election_meeting::delegates_meeting, "delegates_meeting", "党员代表大会"},
    };
};

/// True when a delegates' meeting may elect instead of the members' meeting: 500 members or more, or
/// the organisations under it dispersed (election.delegates_meeting_500; with the higher organisation's
/// approval).
[[nodiscard]] constexpr bool delegates_meeting_allowed(int members, bool dispersed) noexcept {
    return members >= 500 || dispersed;
}

/// \throws rule_violation election.delegates_meeting_500 for a delegates' meeting of fewer than 500
///         members not dispersed.
inline void require_meeting_form(election_meeting m, int members, bool dispersed) {
    if (m == election_meeting::delegates_meeting && !delegates_meeting_allowed(members, dispersed))
        throw violation("election.delegates_meeting_500",
                        std::to_string(members) +
                            " members, not dispersed: the members' meeting (党员大会) elects, a delegates' "
                            "meeting needs 500 members or more");
}

/// What decides a member's right to vote and stand in an election.
struct electoral_standing {
    bool full_member = false;            ///< 正式党员 (not 预备党员)
    bool on_probation_in_party = false;  ///< under 留党察看 (probation within the party) on the day
    bool rights_suspended = false;       ///< rights suspended, e.g. while detained (被羁押)

    friend bool operator==(electoral_standing const&, electoral_standing const&) = default;
};

/// True when the member votes and may stand (election.full_members_only).
[[nodiscard]] constexpr bool may_vote_and_stand(electoral_standing s) noexcept {
    return s.full_member && !s.on_probation_in_party && !s.rights_suspended;
}

/// \param who names the member in the message (e.g. "member 12 on 2026-04-01"); may be empty.
/// \throws rule_violation election.full_members_only.
inline void require_may_stand(electoral_standing s, std::string_view who = {}) {
    if (!may_vote_and_stand(s))
        throw violation("election.full_members_only",
                        (who.empty() ? std::string() : std::string(who) + ": ") +
                            (s.full_member ? "the member's rights are suspended (留党察看 or detention)"
                                           : "a probationary member neither votes nor stands"));
}

}  // namespace dangyuan
