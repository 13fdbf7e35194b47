#pragma once
/// \file
/// Rule-set parameters of the coverage of units by party organisations (两新组织党建覆盖). Part of
/// `rule_set` (rules/rule_set.hpp). The numbers are local practice [L] (区2020年组织工作要点 第11项): no
/// national text fixes a deadline, so a district sets them in its profile (rules/profile.hpp).

namespace dangyuan {

/// Parameters of the coverage of units (两新组织党建覆盖).
struct coverage_params {
    /// coverage.establish_within_months [L]: a unit with at least 3 full members and no organisation of its
    /// own (org.branch_min_3_full) sets one up within this many months of the day the condition began
    /// (month end clamped). 0 = no deadline: the agenda shows a finding instead. Default 6; a profile may
    /// only shorten it.
    int establish_months = 6;
    /// How many months before its due date the item shows on the agenda as upcoming (presentation
    /// only). Default 1.
    int notice_months = 1;

    friend bool operator==(coverage_params const&, coverage_params const&) = default;
};

}  // namespace dangyuan
