#pragma once
/// \file
/// The standard reports: the name list (党员名册), the agenda (待办事项) and the annual-statistics
/// tables (党内统计), each as an `io::report` ready for any writer.
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

#include "dangyuan/storage/store.hpp"
#include "io/collation.hpp"
#include "io/import.hpp"
#include "io/table.hpp"

namespace dangyuan::io {

/// A human-readable description of a scope: "全部组织 (all organisations)" or
/// "中共历下区委 (id 1) 及其下级组织, 12 个组织".
[[nodiscard]] std::string describe_scope(store const& s, scope sc);

/// What a name list shows.
struct roster_request {
    scope where = scope::all();
    date::sys_days as_of{};
    name_order order = name_order::stroke;
    bool masked = true;  ///< mask ID numbers and phones
    bool brief = false;  ///< the few columns that fit a terminal instead of every column
};

/// The name list (党员名册) on a date, sorted by `order` (then by member id), with status (正式 / 预备),
/// standing (正常 / 停止党籍) and party age (党龄) on that date.
[[nodiscard]] report roster_report(store const& s, roster_request const& r, progress_fn const& progress = {});

/// The agenda on a date: due date, status, organisation, item kind, rule id and message.
[[nodiscard]] report agenda_report(store const& s, scope where, date::sys_days as_of);

/// One line of a statistics table.
struct stat_row {
    std::string section;  ///< e.g. "年龄"
    std::string item;     ///< e.g. "31—35岁"
    std::int64_t count = 0;
    bool subtotal = false;  ///< a "其中" line that overlaps the others (大专及以上)
    /// The base of the share (占比): -1 the members counted (`statistics::total`), 0 none, else this.
    std::int64_t base = -1;
};

/// Membership statistics in the shape of the annual party statistics (党内统计).
struct statistics {
    date::sys_days as_of{};
    std::string scope;
    std::size_t organisations = 0;  ///< organisations in scope
    std::size_t branches = 0;       ///< of which branches and joint branches
    std::int64_t total = 0;         ///< members counted (normal standing)
    std::int64_t suspended = 0;  ///< members in scope whose standing is suspended on the date (not counted)
    int evaluation_year = 0;  ///< the year of the democratic evaluation reported (the year before the date)
    std::vector<stat_row> rows;
};

/// Counts the members of `where` on `as_of` (see the file comment for who counts) by status, sex,
/// ethnicity (汉族 / 少数民族), age band, education, personnel category and party-age band.
///
/// Age bands (周岁 on the date): 30岁及以下, 31—35, 36—40, 41—45, 46—50, 51—55, 56—60, 61—70,
/// 71岁及以上. Party-age bands (党龄, completed years from the full-member date; probationary members
/// have none): 不满5年, 5—9, 10—19, 20—29, 30—39, 40—49, 50年及以上. Education by GB/T 4658 level, with
/// 大专及以上 (levels 1-3, any outcome) as a subtotal line.
///
/// Then, for the same scope and date, the other domains, each with its own counting rule:
/// - 发展党员 (development by stage): the development cases of the branches in scope, by their stage on
///   the date (cases closed by then left out), and how many were admitted (预备党员) and converted
///   (转正) from 1 January of the date's year to the date (`store::pipeline_statistics`);
/// - 流动党员 (mobile members): members of the branches in scope away on the date (an open episode), of
///   which away for 6 months or more (mobility.mobile_member_6_months), registered, and reported to a
///   host; and the members hosted by organisations in scope (`mobility_statistics_on`); shares of the
///   members counted;
/// - 民主评议 (evaluation grades): the campaigns of the organisations in scope for the year before the
///   date (民主评议 of a year is held at its turn), the final grades decided or received on or before
///   the date of the members whose organisational relationship is there, and those still to be graded;
///   shares of the members graded.
[[nodiscard]] statistics compute_statistics(store const& s, scope where, date::sys_days as_of,
                                            progress_fn const& progress = {});

/// The statistics as a report: 分组, 项目, 人数, 占比 (percent of the total, one decimal).
[[nodiscard]] report statistics_report(statistics const& st);

}  // namespace dangyuan::io
