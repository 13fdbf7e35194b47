// dangyuan stats: membership statistics in the shape of the annual party statistics.

#include <ostream>

#include "cli/common.hpp"
#include "dangyuan/io/reports.hpp"

namespace dangyuan::cli::cmd_stats {
namespace {

void stats_options(po::options_description& d, po::positional_options_description&) {
    add_scope_option(d);
    add_as_of_option(d, "the statistics date (统计时点)");
    add_output_options(d, "text|csv|json");
}

int run_stats(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open_read();
    auto const where = scope_of(s, vm);
    auto const st =
        statistics(s, {.as_of = as_of_date(vm), .where = where, .progress = progress_to_stderr("stats")});
    emit(ctx, io::statistics_report(st, io::describe_scope(s, where)), vm, true);
    return exit_ok;
}

[[maybe_unused]] bool const registered = register_command({
    .name = "stats",
    .summary =
        "statistics: membership (status, sex, ethnicity, age, education, category, party age), "
        "development by stage, mobile members, evaluation grades, elections due and held, community "
        "registrations and service, model posts and commendations, party-building appraisal, rectification, "
        "coverage of the new sectors",
    .arguments = "",
    .description =
        "Who counts on the date D in the scope (--org: that organisation and everything below it):\n"
        "members whose organisational relationship is in a branch (党支部 or 联合党支部) of the scope,\n"
        "admitted on or before D, in that branch on or before D (转入支部日期), not exited by D, and in\n"
        "normal standing. Suspended members (停止党籍) are shown on a separate line, not counted.\n"
        "Age bands (周岁 on D): 30岁及以下, 31—35, 36—40, 41—45, 46—50, 51—55, 56—60, 61—70, 71岁及以上.\n"
        "Party age (党龄, whole years from the full-member date): 不满5年, 5—9, 10—19, 20—29, 30—39,\n"
        "40—49, 50年及以上; probationary members have none. Education by GB/T 4658 level, with 大专及以上\n"
        "as a subtotal line. Shares are percentages of the total.\n"
        "Then, for the same scope and date: 发展党员 — the development cases of the branches in scope by\n"
        "their stage on D (closed cases left out), and those admitted and converted from 1 January to D;\n"
        "流动党员 — members of the branches in scope away on D, of which away 6 months or more (mobile\n"
        "members), registered, reported to a host, and the members hosted in scope; 民主评议 — the grades\n"
        "of the year before D decided by D in the campaigns of the scope, for the members whose\n"
        "relationship is there, and those still to be graded; 换届选举 — the organisations of the scope\n"
        "whose terms end in the year of D (应换届), of which those that held the electing meeting by D\n"
        "(已换届; the share is the completion rate, 换届完成率) and those overdue on D, counted in\n"
        "organisations (as `dangyuan election stats` counts them); then the organisation work of the last\n"
        "calendar year ended by D (the year of D when D is 31 December, else the year before): "
        "在职党员进社区\n"
        "— members registered with a community of the scope during the year, of which those who served and\n"
        "those with the community's feedback in force, the feedback by rating and the hours served (as\n"
        "`dangyuan community stats` counts them); 党员示范岗与两优一先 — model posts in force at the year's\n"
        "end, designated and ended in the year, and the year's commendations by kind (as `dangyuan honour\n"
        "stats` counts them); 述职评议考核 — cycles, reports appraised and applied, grades, accountability "
        "by\n"
        "kind and the rectifications as on 31 December (`dangyuan appraisal stats`); 软弱涣散党组织整顿 —\n"
        "designated by kind, removed, on the list and past the time limit at the year's end, milestones\n"
        "(`dangyuan rectify stats`); 两新组织覆盖 — units at the year's end by how they are covered, the\n"
        "gaps, effective coverage, the new sectors and the members working in units (`dangyuan coverage\n"
        "stats`).",
    .examples = "  dangyuan stats --as-of 2026-11-26\n  dangyuan stats --org 中共历下区委员会 --format json",
    .options = stats_options,
    .run = run_stats,
});

}  // namespace
}  // namespace dangyuan::cli::cmd_stats
