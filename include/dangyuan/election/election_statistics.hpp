#pragma once
/// \file
/// The completion of elections (换届完成率) in a year: how many organisations' terms end in the year, how
/// many of them have held the electing meeting, and how many are overdue on the report's date.

#include <date/date.h>

#include <optional>
#include <span>
#include <vector>

#include "dangyuan/election/election_agenda.hpp"
#include "dangyuan/election/election_case.hpp"

namespace dangyuan {

/// One organisation's term and its election for the term, if any.
struct term_and_election {
    org_id org;
    /// The end of the term counted: the election's `term_ends` when there is an election, else the
    /// organisation's current term end (nothing when no term start is recorded).
    std::optional<date::sys_days> term_ends;
    std::optional<election_case> election;  ///< the election of that term
};

/// The counts of a year.
struct election_completion {
    int year = 0;
    int due = 0;      ///< terms ending in the year (应换届)
    int held = 0;     ///< of them, the electing meeting held on or before the report's date (已换届)
    int overdue = 0;  ///< of them, the term ended, not held, and no approved extension covering the date

    friend bool operator==(election_completion const&, election_completion const&) = default;
};

/// Counts the terms ending in `year` as on `as_of` (records dated after it are ignored). An election
/// held early (提前换届) counts for the year its term would have ended.
[[nodiscard]] inline election_completion election_completion_of(std::span<term_and_election const> terms,
                                                                int year, date::sys_days as_of) {
    election_completion out{.year = year};
    for (auto const& t : terms) {
        if (!t.term_ends || static_cast<int>(date::year_month_day{*t.term_ends}.year()) != year) continue;
        ++out.due;
        auto const s = t.election ? election_state_on(*t.election, as_of) : election_state{};
        if (s.stage >= election_stage::meeting_held) {
            ++out.held;
            continue;
        }
        if (as_of > *t.term_ends && (!s.extended_until || as_of > *s.extended_until)) ++out.overdue;
    }
    return out;
}

}  // namespace dangyuan
