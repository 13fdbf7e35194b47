// The small tables the statistics workbook draws besides the statistics themselves: meetings held
// against the cadence per branch and the dues collected per month. The judgements are those of the
// library (meetings_against_cadence, dues_collected_by_month); here they become report tables.

#include "dangyuan/core/calendar.hpp"
#include "dangyuan/core/month.hpp"
#include "dangyuan/io/reports.hpp"
#include "dangyuan/storage/dues_summary.hpp"
#include "dangyuan/storage/life_store.hpp"

namespace dangyuan::io {
namespace {

date::sys_days first_of_year(date::sys_days d) {
    return date::sys_days{date::year_month_day{d}.year() / date::January / 1};
}

}  // namespace

report meeting_cadence_report(store const& s, scope where, date::sys_days as_of) {
    report out;
    out.title = "组织生活落实情况 (meetings held against the cadence)";
    out.sheet = "组织生活";
    auto const from = first_of_year(as_of);
    out.meta = {{"期间", format_date(from) + " — " + format_date(as_of)},
                {"范围", describe_scope(s, where)},
                {"口径",
                 "范围内统计日期存续的党支部 (含联合党支部), 自本年 1 月 1 日 (或成立之日) 起: 应开为已完成或"
                 "未完成的期间应开会议数 (进行中和不适用的期间不计), 已开为这些期间按要求召开的会议数 "
                 "(每一期间至多计应开数), 未完成为未完成的期间数"}};
    out.columns = {{"org_id", "组织编号", true},
                   {"org", "党组织"},
                   {"held", "已开", true},
                   {"required", "应开", true},
                   {"missed", "未完成期间", true}};
    for (auto const& b : meetings_against_cadence(s, from, as_of, where))
        out.rows.push_back({std::to_string(b.org.value()), b.name, std::to_string(b.tally.held),
                            std::to_string(b.tally.required), std::to_string(b.tally.missed)});
    if (!out.rows.empty())
        out.charts.push_back({chart_kind::column,
                              "组织生活: 已开与应开 (meetings held vs required)",
                              "党组织 (branch)",
                              "会议数 (meetings)",
                              0,
                              out.rows.size(),
                              1,
                              {2, 3}});
    return out;
}

report dues_by_month_report(store const& s, scope where, date::sys_days as_of) {
    report out;
    out.title = "党费收缴 (dues collected per month)";
    out.sheet = "党费";
    auto const from = first_of_year(as_of);
    auto const months = dues_collected_by_month(s, from, as_of, where);
    out.meta = {{"期间", format_date(from) + " — " + format_date(as_of)},
                {"范围", describe_scope(s, where)},
                {"口径", "范围内党组织收缴的党费 (含自愿多交党费), 按缴纳日期所在月份"}};
    out.columns = {{"month", "月份"}, {"amount", "金额 (元)", true}, {"payments", "笔数", true}};
    for (auto const& m : months)
        out.rows.push_back({format_month(m.month), format_yuan(m.amount), std::to_string(m.payments)});
    if (!out.rows.empty())
        out.charts.push_back({chart_kind::line,
                              "每月收缴党费 (dues collected per month)",
                              "月份 (month)",
                              "金额 (元, yuan)",
                              0,
                              out.rows.size(),
                              0,
                              {1}});
    return out;
}

}  // namespace dangyuan::io
