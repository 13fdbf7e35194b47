#pragma once
/// \file
/// The yearly figures of the party-building appraisal and accountability (述职评议考核, 问责) for the
/// organisations of a scope, as `appraisal_statistics_of` (storage/appraisal_store.hpp) counts them.

#include <array>

namespace dangyuan {

/// Figures of one year for the organisations of a scope.
struct appraisal_statistics {
    int year = 0;
    int cycles = 0;           ///< cycles of the year organised in the scope
    int reports = 0;          ///< reports in the year's cycles by organisations of the scope
    int rated = 0;            ///< of them, appraised
    int results_applied = 0;  ///< of them, with a use of the result recorded
    /// Appraised reports by grade given, in the order of appraisal_grade (好, 较好, 一般, 差).
    std::array<int, 4> by_grade{};
    /// Satisfaction answers summed over those appraisals: satisfied, basically satisfied, dissatisfied.
    std::array<long long, 3> satisfaction{};
    /// Accountability decided in the year, in the order of accountability_kind (诫勉谈话, 限期整改,
    /// 组织处理).
    std::array<int, 3> accountability_by_kind{};
    /// The year's rectifications (限期整改) as they stood on 31 December of the year: completed by then and
    /// on or before the deadline, completed by then but after the deadline, and still open then with the
    /// deadline passed (before 31 December). Those open with a later deadline are in none of the three.
    int rectifications_completed = 0;
    int rectifications_completed_late = 0;  ///< see rectifications_completed
    int rectifications_overdue = 0;         ///< see rectifications_completed

    friend bool operator==(appraisal_statistics const&, appraisal_statistics const&) = default;
};

}  // namespace dangyuan
