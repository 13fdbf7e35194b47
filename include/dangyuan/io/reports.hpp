#pragma once
/// \file
/// The standard reports: the name list (党员名册), the agenda (待办事项) and the annual-statistics
/// tables (党内统计, counted by `dangyuan::statistics`), each as an `io::report` ready for any writer.
///
/// **Who counts on a date D in a scope S** (the same rule for the name list and the statistics, and the
/// one the agenda uses for branch sizes): a member whose organisational relationship (组织关系) is in a
/// branch (党支部 or 联合党支部) of S — the scope's root organisation and everything below it — who was
/// admitted on or before D, whose 转入支部日期 is on or before D, and who had not left the party by D.
/// The statistics count members in normal standing only; members whose standing is suspended
/// (停止党籍) on D are reported on a separate line and not included in any total. The store keeps only
/// a member's current branch, so a member is attributed to it for any date.

#include <date/date.h>

#include <cstdint>
#include <string>
#include <vector>

#include "dangyuan/io/collation.hpp"
#include "dangyuan/io/import.hpp"
#include "dangyuan/io/table.hpp"
#include "dangyuan/storage/statistics_store.hpp"
#include "dangyuan/storage/store.hpp"

namespace dangyuan::io {

/// A human-readable description of a scope: "全部组织 (all organisations)" or
/// "中共历下区委 (id 1) 及其下级组织, 12 个组织".
[[nodiscard]] std::string describe_scope(store const& s, scope sc);

/// What a name list shows.
struct roster_request {
    scope where = scope::all();
    date::sys_days as_of{};
    name_order order = name_order::stroke;
    bool masked = true;  ///< mask personal data as masking_policy says (member/masking.hpp)
    bool brief = false;  ///< the few columns that fit a terminal instead of every column
};

/// The name list (党员名册) on a date, sorted by `order` (then by member id), with status (正式 / 预备),
/// standing (正常 / 停止党籍) and party age (党龄) on that date.
[[nodiscard]] report roster_report(store const& s, roster_request const& r, progress_fn const& progress = {});

/// The agenda on a date: due date, status, organisation, item kind, rule id and message.
[[nodiscard]] report agenda_report(store const& s, scope where, date::sys_days as_of);

/// The statistics (`dangyuan::statistics`) as a report: 分组, 项目, 人数, 占比 (percent of the row's
/// base, one decimal; empty for rows without a share), under `scope_description` (describe_scope).
/// Its charts (XLSX only) draw the rows of the groups present: 性别 and 民族 as pies, 年龄 and 学历
/// (without the 大专及以上 subtotal) as columns, the development stages (发展党员, without the 其中
/// lines) as a funnel of horizontal bars, and the grades of the democratic evaluation (民主评议,
/// without 尚未评定) as columns.
[[nodiscard]] report statistics_report(statistics_result const& st, std::string const& scope_description);

/// The statistics of `where` on `as_of` (`dangyuan::statistics` with the default period) as a report.
[[nodiscard]] report statistics_report(store const& s, scope where, date::sys_days as_of,
                                       progress_fn const& progress = {});

/// The organisational life of the branches in scope against the cadence (`life_compliance_report` of
/// each 党支部 and 联合党支部 active on `as_of`, from 1 January of `as_of`'s year, or the branch's
/// establishment when later, to `as_of`): one row per branch with 应开 (the meetings required by the
/// slots that are met or missed; slots still open or exempt are not counted yet), 已开 (the meetings
/// held in those slots, at most the number required in each) and 未完成 (the slots missed). The sheet
/// 组织生活 with a clustered column chart, held beside required, per branch.
[[nodiscard]] report meeting_cadence_report(store const& s, scope where, date::sys_days as_of);

/// The dues collected by the organisations in scope in each month from January of `as_of`'s year to
/// `as_of` (`dues_collected_by_month`): 月份, 金额 (元), 笔数. The sheet 党费 with a line chart.
[[nodiscard]] report dues_by_month_report(store const& s, scope where, date::sys_days as_of);

}  // namespace dangyuan::io
