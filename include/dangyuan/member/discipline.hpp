#pragma once
/// \file
/// Party probation (留党察看), the one disciplinary sanction the other rules need to know about: while it
/// runs with rights suspended, the member has no vote, cannot stand for election and cannot introduce
/// an applicant.

#include <date/date.h>

#include <span>
#include <string>

#include "dangyuan/core/calendar.hpp"
#include "dangyuan/core/errors.hpp"
#include "dangyuan/rules/catalogue.hpp"

namespace dangyuan {

/// A party probation (留党察看) sanction.
struct party_probation {
    date::sys_days from{};         ///< date the sanction took effect
    int months = 12;               ///< length: 12 or 24 months (最长不超过两年)
    bool rights_suspended = true;  ///< rights (表决权、选举权和被选举权) suspended during it
    std::string decided_by;        ///< e.g. "区纪委"

    /// The day after the last day of the sanction.
    [[nodiscard]] date::sys_days until() const { return add_months(from, months); }
    friend bool operator==(party_probation const&, party_probation const&) = default;
};

/// Validates a sanction record.
/// \throws rule_violation member.party_probation_max_2_years for a length outside 1-24 months.
inline void validate(party_probation const& p) {
    if (p.months < 1 || p.months > 24)
        throw violation("member.party_probation_max_2_years",
                        "留党察看 of " + std::to_string(p.months) + " months; it lasts at most two years");
}

/// True when one of the sanctions suspends the member's rights on `d`.
[[nodiscard]] inline bool rights_suspended_on(std::span<party_probation const> sanctions, date::sys_days d) {
    for (auto const& p : sanctions)
        if (p.rights_suspended && p.from <= d && d < p.until()) return true;
    return false;
}

}  // namespace dangyuan
