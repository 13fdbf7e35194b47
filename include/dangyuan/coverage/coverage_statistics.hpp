#pragma once
/// \file
/// The yearly figures of the coverage of units by party organisations (两新组织党建覆盖) for a scope, as
/// `coverage_statistics_of` (storage/coverage_store.hpp) counts them.

#include <array>
#include "dangyuan/coverage/coverage.hpp"

namespace dangyuan {

/// Figures of the units of a scope on 31 December of a year. The coverage counts partition the units
/// that exist that day: `own_organisation + joint_branch + instructor_only + uncovered == units`.
struct coverage_statistics {
    int year = 0;
    int units = 0;  ///< units existing on 31 December
    /// Units by sector, in the order of unit_sector.
    std::array<int, unit_sector_count> units_by_sector{};
    int own_organisation = 0;         ///< covered by an organisation of their own (单独组建)
    int joint_branch = 0;             ///< covered by a joint branch (联合组建)
    int instructor_only = 0;          ///< no organisation, an instructor assigned (选派党建指导员)
    int uncovered = 0;                ///< neither
    int members_no_organisation = 0;  ///< units with members working in them and no organisation
    int establish_due = 0;  ///< units with 3+ full members in normal standing, no organisation of their own
    int no_members = 0;     ///< units with no member working in them
    int members = 0;        ///< members working in the units
    int new_sector_units = 0;    ///< units of the new sectors (两新组织)
    int new_sector_covered = 0;  ///< of them, covered by an organisation
    int new_sector_members = 0;  ///< members working in units of the new sectors
    long long employees = 0;     ///< employees: the latest count on or before 31 December, summed
    /// Units covered by an organisation that held an organisational-life meeting (三会一课, a talk
    /// excluded) in each quarter of the year: effective coverage (有效覆盖).
    int effective = 0;

    /// Units covered by an organisation, per unit existing (有形覆盖率); 0 without units.
    [[nodiscard]] double organisation_coverage() const noexcept {
        return units ? double(own_organisation + joint_branch) / units : 0.0;
    }
    /// Units covered by an organisation or an instructor (工作覆盖率); 0 without units.
    [[nodiscard]] double work_coverage() const noexcept {
        return units ? double(own_organisation + joint_branch + instructor_only) / units : 0.0;
    }
    /// Units effectively covered, per unit existing (有效覆盖率); 0 without units.
    [[nodiscard]] double effective_coverage() const noexcept {
        return units ? double(effective) / units : 0.0;
    }

    friend bool operator==(coverage_statistics const&, coverage_statistics const&) = default;
};

}  // namespace dangyuan
