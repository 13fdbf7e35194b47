#pragma once
/// \file
/// The membership statistics of a scope on a date in the shape of the annual party statistics
/// (党内统计), as one library call: `dangyuan::statistics(store, statistics_request{...})`. The store
/// gathers the inputs of the scope set-wise (the members, their standing events, the development
/// pipeline, the mobile members, the evaluation campaigns, the completion of the year's elections) and
/// applies the counting rules of reports/statistics.hpp.

#include <date/date.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "dangyuan/reports/statistics.hpp"
#include "dangyuan/storage/store.hpp"

namespace dangyuan {

/// What to count.
struct statistics_request {
    date::sys_days as_of{};      ///< the statistics date (统计时点); required
    scope where = scope::all();  ///< the scope's root organisation and everything below it
    /// The period of the admissions and conversions counted; by default 1 January of the year of
    /// `as_of` to `as_of` (`statistics_period::year_to_date`).
    std::optional<statistics_period> period;
    /// Called now and then with (members counted so far, members in scope); may be empty.
    std::function<void(std::size_t, std::size_t)> progress;
};

/// The statistics of a scope on a date.
struct statistics_result {
    date::sys_days as_of{};
    statistics_period period;
    scope where;
    std::size_t organisations = 0;  ///< organisations in scope
    std::size_t branches = 0;       ///< of which branches and joint branches
    std::int64_t total = 0;         ///< members counted (normal standing)
    std::int64_t suspended = 0;     ///< members whose standing is suspended on the date (not counted)
    int evaluation_year = 0;        ///< the year of the democratic evaluation reported (the year before)
    /// The completion of the elections (换届完成率) of the terms ending in the year of the date
    /// (`election_year_reported`): its `year`, and the organisations due, held and overdue.
    election_completion elections;
    /// The year of the organisation work reported (`organisation_work_year_reported`: the last calendar
    /// year ended on or before the date).
    int organisation_work_year = 0;
    /// The table: 合计, 党员类别, 性别, 民族, 年龄, 学历, 人员类别, 党龄 (membership_tally::rows), then
    /// 发展党员 (development_rows), 流动党员 (mobility_rows), 民主评议 (grade_tally_on::rows) and 换届选举
    /// (election_rows), then the organisation work: 在职党员进社区 (community_rows), 党员示范岗与两优一先
    /// (honours_rows), 述职评议考核 (appraisal_rows), 软弱涣散党组织整顿 (rectification_rows) and
    /// 两新组织覆盖 (coverage_rows).
    std::vector<statistics_row> rows;
};

/// Counts the members of `r.where` on `r.as_of` (membership_tally, counting_on) and the development,
/// mobility, evaluation and election figures of the same scope:
/// - 发展党员: the development cases of the branches in scope by their stage on `as_of` (closed cases
///   left out) and those admitted and converted during the period (`pipeline_statistics`);
/// - 流动党员: `mobility_statistics_on` on `as_of`;
/// - 民主评议: the campaigns of the organisations in scope for `evaluation_year_reported(as_of)`, in
///   their state on `as_of` (`campaign_state_on`, grade_tally_on);
/// - 换届选举: `election_completion_on` for `election_year_reported(as_of)` on `as_of`;
/// - the organisation work — 在职党员进社区, 党员示范岗与两优一先, 述职评议考核, 软弱涣散党组织整顿,
/// 两新组织覆盖:
///   `community_statistics_of`, `honours_statistics_for`, `appraisal_statistics_of`,
///   `rectification_statistics_of` and `coverage_statistics_of` of the scope for
///   `organisation_work_year_reported(as_of)`.
/// Reads only.
/// \throws invalid_input{"period"} when the period ends before it starts or after `as_of`;
///         not_found for an unknown scope root; storage_error.
[[nodiscard]] statistics_result statistics(store const& s, statistics_request const& r);

}  // namespace dangyuan
