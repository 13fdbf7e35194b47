// dangyuan appraisal …: the party-building appraisal (党建工作述职评议考核, 三级联述联评联考) and
// accountability (问责) — open and close a yearly cycle, record a secretary's report (述职), its appraisal
// (评议: votes per grade and a satisfaction survey), the use of the result (结果运用), accountability
// (诫勉谈话, 限期整改, 组织处理) and a rectification's completion; a cycle's record, the cycles and
// accountability of a scope, and the figures of a year.

#include <algorithm>
#include <ostream>

#include "cli/common.hpp"
#include "cli/record_options.hpp"
#include "dangyuan/core/calendar.hpp"
#include "dangyuan/core/errors.hpp"
#include "dangyuan/io/reports.hpp"
#include "dangyuan/io/text.hpp"
#include "dangyuan/storage/appraisal_store.hpp"

namespace dangyuan::cli::cmd_appraisal {
namespace {

// Comma-separated counts: exactly `n` of them.
std::vector<int> counts_option(po::variables_map const& vm, char const* name, std::size_t n) {
    std::vector<int> out;
    auto const text = text_option(vm, name);
    std::size_t at = 0;
    while (at <= text.size()) {
        auto const comma = text.find_first_of(",，", at);
        auto const end = comma == std::string::npos ? text.size() : comma;
        out.push_back(parse_count(text.substr(at, end - at), name));
        if (comma == std::string::npos) break;
        at = text.compare(comma, 3, "，") == 0 ? comma + 3 : comma + 1;
    }
    if (out.size() != n)
        throw invalid_input(name,
                            "give " + std::to_string(n) + " counts separated by commas, not '" + text + "'");
    return out;
}

// --- appraisal open

void open_options(po::options_description& d, po::positional_options_description&) {
    d.add_options()("organiser", po::value<std::string>()->value_name("ORG"),
                    "the committee organising the cycle (required)")(
        "year", po::value<int>()->value_name("YEAR"), "the year appraised (required)")(
        "levels", po::value<int>()->value_name("N")->default_value(1),
        "levels covered: 1 = the organiser alone, 3 = 三级联述联评联考 (district, street, community)")(
        "note", po::value<std::string>()->value_name("TEXT"), "a note");
    add_date_option(d, "date", "the day it opens (required)");
    add_why_option(d);
}

int run_open(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    require_options(vm, {"organiser", "year", "date"});
    appraisal_cycle c;
    auto const o = org_option(s, vm, "organiser");
    c.organiser = o.id;
    c.year = required_year(vm);
    c.levels = vm["levels"].as<int>();
    c.opened_on = date_option(vm, "date");
    c.note = text_option(vm, "note");
    auto const id = open_appraisal_cycle(s, c, why_of(vm));
    *ctx.out << "appraisal cycle " << id.value() << ": " << o.name << ", " << c.year << ", " << c.levels
             << " level(s), opened " << format_date(c.opened_on) << '\n';
    return exit_ok;
}

// --- appraisal close

void close_options(po::options_description& d, po::positional_options_description& p) {
    add_id_argument(d, p, "cycle", "the cycle id");
    add_date_option(d, "date", "its last day (required)");
    add_why_option(d);
}

int run_close(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    require_options(vm, {"date"});
    auto const id = id_argument<appraisal_cycle_id>(vm, "cycle");
    auto const on = date_option(vm, "date");
    close_appraisal_cycle(s, id, on, why_of(vm));
    *ctx.out << "appraisal cycle " << id.value() << " closed on " << format_date(on) << '\n';
    return exit_ok;
}

// --- appraisal report

void report_options(po::options_description& d, po::positional_options_description& p) {
    add_id_argument(d, p, "cycle", "the cycle id");
    d.add_options()("org", po::value<std::string>()->value_name("ORG"),
                    "the organisation reporting (required)")(
        "reporter", po::value<std::string>()->value_name("MEMBER"),
        "the member reporting (default: the secretary in office on the date)")(
        "summary", po::value<std::string>()->value_name("TEXT"), "what was reported (述职要点)");
    add_date_option(d, "date", "the day of the report (required)");
    add_why_option(d);
}

int run_report(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    require_options(vm, {"org", "date"});
    appraisal_report r;
    r.cycle = id_argument<appraisal_cycle_id>(vm, "cycle");
    auto const o = org_option(s, vm, "org");
    r.org = o.id;
    if (vm.count("reporter")) r.reporter = member_option(s, vm, "reporter").id;
    r.reported_on = date_option(vm, "date");
    r.summary = text_option(vm, "summary");
    auto const id = record_appraisal_report(s, r, why_of(vm));
    auto const rec = get_appraisal_report(s, id);
    *ctx.out << "report " << id.value() << ": " << o.name << " by " << s.get_member(*rec.reporter).name
             << " on " << format_date(r.reported_on) << '\n';
    return exit_ok;
}

// --- appraisal rate

// The report and the values of an appraisal (rate and correct read them alike).
void rating_options(po::options_description& d, po::positional_options_description& p) {
    add_id_argument(d, p, "report", "the report id");
    d.add_options()("votes", po::value<std::string>()->value_name("G,FG,A,P"),
                    "votes for 好,较好,一般,差 (required), e.g. 12,5,1,0")(
        "satisfaction", po::value<std::string>()->value_name("S,BS,D"),
        "satisfaction survey: 满意,基本满意,不满意 (optional)")(
        "grade", po::value<std::string>()->value_name("GRADE"),
        "the grade given when it is not the one with most votes (with --reason)")(
        "reason", po::value<std::string>()->value_name("TEXT"), "why the grade differs from the votes")(
        "note", po::value<std::string>()->value_name("TEXT"), "a note");
}

appraisal_rating rating_of(po::variables_map const& vm) {
    appraisal_rating r;
    r.report = id_argument<appraisal_report_id>(vm, "report");
    auto const v = counts_option(vm, "votes", 4);
    r.votes_good = v[0], r.votes_fairly_good = v[1], r.votes_average = v[2], r.votes_poor = v[3];
    if (vm.count("satisfaction")) {
        auto const sv = counts_option(vm, "satisfaction", 3);
        r.satisfied = sv[0], r.basically_satisfied = sv[1], r.dissatisfied = sv[2];
    }
    if (vm.count("grade")) r.grade = parse_enum_or_throw<appraisal_grade>(io::trim(text_option(vm, "grade")));
    r.override_reason = text_option(vm, "reason");
    r.note = text_option(vm, "note");
    return r;
}

void rate_options(po::options_description& d, po::positional_options_description& p) {
    rating_options(d, p);
    add_date_option(d, "date", "the day of the appraisal (required)");
    add_why_option(d);
}

int run_rate(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    require_options(vm, {"votes", "date"});
    auto r = rating_of(vm);
    r.rated_on = date_option(vm, "date");
    auto const g = rate_appraisal_report(s, r, why_of(vm));
    auto const pct = satisfaction_percent(r);
    *ctx.out << "report " << r.report.value() << " appraised " << labelled(g) << " on "
             << format_date(r.rated_on)
             << (pct ? "; satisfaction " + std::to_string(*pct) + "%" : std::string()) << '\n';
    return exit_ok;
}

// --- appraisal correct

void correct_options(po::options_description& d, po::positional_options_description& p) {
    rating_options(d, p);
    d.add_options()("correction", po::value<std::string>()->value_name("REASON"),
                    "why the recorded appraisal is corrected (更正原因, required)");
    add_why_option(d);
}

int run_correct(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    require_options(vm, {"votes", "correction"});
    auto r = rating_of(vm);
    auto const before = appraisal_rating_of(s, r.report);
    // The same record: the day of the recorded appraisal (none recorded: the store says so).
    if (before) r.rated_on = before->rated_on;
    auto const g = correct_appraisal_rating(s, r, text_option(vm, "correction"), why_of(vm));
    auto const pct = satisfaction_percent(r);
    *ctx.out << "report " << r.report.value() << " appraisal of " << format_date(r.rated_on) << " corrected: "
             << (before && before->grade ? labelled(*before->grade) + " -> " : std::string()) << labelled(g)
             << (pct ? "; satisfaction " + std::to_string(*pct) + "%" : std::string()) << '\n';
    return exit_ok;
}

// --- appraisal apply

void apply_options(po::options_description& d, po::positional_options_description& p) {
    add_id_argument(d, p, "report", "the report id");
    d.add_options()("use", po::value<std::string>()->value_name("TEXT"),
                    "how the result is used (结果运用, required), e.g. 纳入年度考核");
    add_date_option(d, "date", "the day (required)");
    add_why_option(d);
}

int run_apply(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    require_options(vm, {"use", "date"});
    appraisal_application a;
    a.report = id_argument<appraisal_report_id>(vm, "report");
    a.use = text_option(vm, "use");
    a.applied_on = date_option(vm, "date");
    apply_appraisal_result(s, a, why_of(vm));
    *ctx.out << "report " << a.report.value() << ": result applied on " << format_date(a.applied_on) << " ("
             << a.use << ")\n";
    return exit_ok;
}

// --- appraisal hold

void hold_options(po::options_description& d, po::positional_options_description&) {
    d.add_options()(
        "kind", po::value<std::string>()->value_name("KIND"),
        "诫勉谈话 (admonition_talk), 限期整改 (rectification) or 组织处理 (organisational_treatment) "
        "(required)")("org", po::value<std::string>()->value_name("ORG"),
                      "the organisation held to account (required)")(
        "member", po::value<std::string>()->value_name("MEMBER"), "the person, when one is named")(
        "cycle", po::value<std::string>()->value_name("ID"), "the appraisal cycle it follows")(
        "reason", po::value<std::string>()->value_name("TEXT"), "why (问责事由, required)")(
        "decision", po::value<std::string>()->value_name("TEXT"),
        "组织处理 only: the decision (required there)");
    add_date_option(d, "date", "the day of the decision (required)");
    add_date_option(d, "deadline",
                    "限期整改 only: the deadline (default: the profile's appraisal.rectify_months)");
    add_why_option(d);
}

int run_hold(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    require_options(vm, {"kind", "org", "reason", "date"});
    accountability_record r;
    r.kind = parse_enum_or_throw<accountability_kind>(io::trim(text_option(vm, "kind")));
    auto const o = org_option(s, vm, "org");
    r.org = o.id;
    if (vm.count("member")) r.member = member_option(s, vm, "member").id;
    if (vm.count("cycle")) r.cycle = id_argument<appraisal_cycle_id>(vm, "cycle");
    r.reason = text_option(vm, "reason");
    r.decision = text_option(vm, "decision");
    r.decided_on = date_option(vm, "date");
    r.deadline = optional_date(vm, "deadline");
    auto const id = record_accountability(s, r, why_of(vm));
    auto const rec = get_accountability(s, id);
    *ctx.out << "accountability " << id.value() << ": " << labelled(rec.kind) << ", " << o.name << ", "
             << format_date(rec.decided_on)
             << (rec.deadline ? "; deadline " + format_date(*rec.deadline) : std::string()) << '\n';
    return exit_ok;
}

// --- appraisal complete

void complete_options(po::options_description& d, po::positional_options_description& p) {
    add_id_argument(d, p, "accountability", "the rectification's accountability id");
    add_date_option(d, "date", "the day it was completed (required)");
    add_why_option(d);
}

int run_complete(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    require_options(vm, {"date"});
    auto const id = id_argument<accountability_id>(vm, "accountability");
    auto const on = date_option(vm, "date");
    complete_rectification(s, id, on, why_of(vm));
    auto const r = get_accountability(s, id);
    *ctx.out << "rectification " << id.value() << " completed on " << format_date(on)
             << (r.deadline && on > *r.deadline ? " (after its deadline " + format_date(*r.deadline) + ")"
                                                : std::string())
             << '\n';
    return exit_ok;
}

// --- appraisal show

void show_options(po::options_description& d, po::positional_options_description& p) {
    add_id_argument(d, p, "cycle", "the cycle id");
    add_output_options(d, "text|csv|json");
}

int run_show(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open_read();
    auto const c = get_appraisal_cycle(s, id_argument<appraisal_cycle_id>(vm, "cycle"));
    auto r =
        make_report("述职评议考核 " + std::to_string(c.year) + " " + s.org(c.organiser).name, "述职评议考核",
                    {{"report", "编号", true},
                     {"org", "党组织"},
                     {"reporter", "述职人"},
                     {"reported", "述职日期"},
                     {"votes", "好/较好/一般/差"},
                     {"satisfaction", "满意/基本满意/不满意"},
                     {"grade", "等次"},
                     {"rated", "评议日期"},
                     {"applied", "结果运用"}});
    int rated = 0;
    for (auto const& x : appraisal_reports(s, c.id)) {
        auto const g = appraisal_rating_of(s, x.id);
        std::string uses;
        for (auto const& a : appraisal_applications(s, x.id))
            uses += (uses.empty() ? "" : "; ") + format_date(a.applied_on) + " " + a.use;
        auto const num = [](int n) { return std::to_string(n); };
        rated += g ? 1 : 0;
        r.rows.push_back(
            {std::to_string(x.id.value()), s.org(x.org).name,
             x.reporter ? s.get_member(*x.reporter).name : "", format_date(x.reported_on),
             g ? num(g->votes_good) + "/" + num(g->votes_fairly_good) + "/" + num(g->votes_average) + "/" +
                     num(g->votes_poor)
               : "",
             g ? num(g->satisfied) + "/" + num(g->basically_satisfied) + "/" + num(g->dissatisfied) : "",
             g && g->grade ? labelled(*g->grade) : "", g ? format_date(g->rated_on) : "", uses});
    }
    auto const due = appraisal_report_deadline(c, s.rules().appraisal);
    r.meta = {{"组织单位", s.org(c.organiser).name},
              {"年度", std::to_string(c.year)},
              {"层级", std::to_string(c.levels)},
              {"开始", format_date(c.opened_on)},
              {"结束", c.closed_on ? format_date(*c.closed_on) : std::string("进行中")},
              {"述职截止", due ? format_date(*due) : std::string("无")},
              {"述职", std::to_string(r.rows.size())},
              {"已评议", std::to_string(rated)}};
    return show_report(ctx, r, vm);
}

// --- appraisal list

void list_options(po::options_description& d, po::positional_options_description& p) {
    scoped_year_options(d, p, "only this year");
    d.add_options()("accountability", "list the accountability records (问责) instead of the cycles");
}

int run_list(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open_read();
    auto const where = scope_of(s, vm);
    auto const year = optional_year(vm);
    if (flag(vm, "accountability")) {
        auto r = make_report("党建工作问责 (accountability)", "问责",
                             {{"id", "编号", true},
                              {"kind", "方式"},
                              {"org", "党组织"},
                              {"member", "责任人"},
                              {"decided", "日期"},
                              {"deadline", "整改期限"},
                              {"completed", "完成日期"},
                              {"reason", "事由"},
                              {"decision", "处理决定"}});
        for (auto const& x : accountability_records(s, where, year))
            r.rows.push_back({std::to_string(x.id.value()), labelled(x.kind), s.org(x.org).name,
                              x.member ? s.get_member(*x.member).name : "", format_date(x.decided_on),
                              x.deadline ? format_date(*x.deadline) : "",
                              x.completed_on ? format_date(*x.completed_on) : "", x.reason, x.decision});
        r.meta = scope_count_meta(s, where, "问责", r.rows.size());
        return show_report(ctx, r, vm);
    }
    auto r = make_report("述职评议考核 (appraisal cycles)", "述职评议考核",
                         {{"id", "编号", true},
                          {"year", "年度", true},
                          {"organiser", "组织单位"},
                          {"levels", "层级", true},
                          {"opened", "开始"},
                          {"closed", "结束"}});
    for (auto const& c : appraisal_cycles(s, where, year))
        r.rows.push_back({std::to_string(c.id.value()), std::to_string(c.year), s.org(c.organiser).name,
                          std::to_string(c.levels), format_date(c.opened_on),
                          c.closed_on ? format_date(*c.closed_on) : std::string()});
    r.meta = scope_count_meta(s, where, "考核", r.rows.size());
    return show_report(ctx, r, vm);
}

// --- appraisal stats

int run_stats(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open_read();
    auto const where = scope_of(s, vm);
    auto const st = appraisal_statistics_of(s, required_year(vm), where);
    auto r = figures_report("述职评议考核 " + std::to_string(st.year), "述职评议考核");
    r.rows = {{"考核 (cycles)", std::to_string(st.cycles)},
              {"述职 (reports)", std::to_string(st.reports)},
              {"已评议 (appraised)", std::to_string(st.rated)},
              {"结果已运用 (results applied)", std::to_string(st.results_applied)}};
    for (auto const g : enum_values<appraisal_grade>())
        r.rows.push_back({"等次 " + labelled(g), std::to_string(st.by_grade[static_cast<std::size_t>(g)])});
    r.rows.push_back({"满意 (satisfied)", std::to_string(st.satisfaction[0])});
    r.rows.push_back({"基本满意 (basically satisfied)", std::to_string(st.satisfaction[1])});
    r.rows.push_back({"不满意 (dissatisfied)", std::to_string(st.satisfaction[2])});
    for (auto const k : enum_values<accountability_kind>())
        r.rows.push_back(
            {"问责 " + labelled(k), std::to_string(st.accountability_by_kind[static_cast<std::size_t>(k)])});
    r.rows.push_back({"限期整改按期完成 (completed)", std::to_string(st.rectifications_completed)});
    r.rows.push_back({"限期整改逾期完成 (completed late)", std::to_string(st.rectifications_completed_late)});
    r.rows.push_back({"限期整改逾期未完成 (overdue)", std::to_string(st.rectifications_overdue)});
    r.meta = scope_year_meta(s, where, st.year);
    return show_report(ctx, r, vm);
}

[[maybe_unused]] bool const registered_open = register_command({
    .name = "appraisal open",
    .summary = "open a yearly party-building appraisal cycle (述职评议考核) of a committee",
    .description =
        "A committee organises it, one cycle per organiser and year (appraisal.cycle_organiser); it covers\n"
        "the organiser and --levels levels in all (3 = 三级联述联评联考: district, street, community;\n"
        "appraisal.cycle_scope). It opens in the year appraised or the next.",
    .examples = "  dangyuan appraisal open --organiser 区委 --year 2025 --levels 3 --date 2026-01-05",
    .options = open_options,
    .run = run_open,
});

[[maybe_unused]] bool const registered_close = register_command({
    .name = "appraisal close",
    .summary = "close an appraisal cycle (its last day)",
    .arguments = "CYCLE",
    .description = "On or after its last report and appraisal (appraisal.report_within_cycle).",
    .examples = "  dangyuan appraisal close 1 --date 2026-03-31",
    .options = close_options,
    .run = run_close,
});

[[maybe_unused]] bool const registered_report = register_command({
    .name = "appraisal report",
    .summary = "record a secretary's report on party-building work (述职) in a cycle",
    .arguments = "CYCLE",
    .description =
        "Within the cycle (appraisal.report_within_cycle), by an organisation of its scope\n"
        "(appraisal.cycle_scope), once per cycle (appraisal.one_report_per_cycle). The reporter is the\n"
        "secretary in office on the date unless --reporter names a member (appraisal.reporter_secretary).",
    .examples = "  dangyuan appraisal report 1 --org 城关街道党工委 --date 2026-01-10",
    .options = report_options,
    .run = run_report,
});

[[maybe_unused]] bool const registered_rate = register_command({
    .name = "appraisal rate",
    .summary = "record the appraisal (评议) of a report: votes per grade and a satisfaction survey",
    .arguments = "REPORT",
    .description =
        "Counts not negative, at least one vote (appraisal.tally_valid); once, on or after the report\n"
        "(appraisal.rating_after_report). The grade is the one with most votes, a tie giving the lower;\n"
        "--grade with --reason gives another (appraisal.grade_override_reason).",
    .examples = "  dangyuan appraisal rate 1 --votes 20,8,2,0 --satisfaction 25,4,1 --date 2026-01-10",
    .options = rate_options,
    .run = run_rate,
});

[[maybe_unused]] bool const registered_correct = register_command({
    .name = "appraisal correct",
    .summary = "correct a recorded appraisal (更正评议): new votes, survey or grade, with a reason",
    .arguments = "REPORT",
    .description =
        "The same record on its day takes the values given, as `appraisal rate` reads them\n"
        "(appraisal.tally_valid, appraisal.grade_override_reason), for the reason --correction; only while\n"
        "the cycle is open (appraisal.correction_before_close). The audit trail keeps the values before\n"
        "and after; the follow-up of a 差 (appraisal.followup_poor) follows the corrected grade.",
    .examples = "  dangyuan appraisal correct 1 --votes 20,8,2,0 --satisfaction 25,4,1 --correction 计票错误",
    .options = correct_options,
    .run = run_correct,
});

[[maybe_unused]] bool const registered_apply = register_command({
    .name = "appraisal apply",
    .summary = "record a use of an appraisal's result (结果运用)",
    .arguments = "REPORT",
    .description = "Only of an appraised report, on or after the appraisal (appraisal.apply_after_rating).",
    .examples = "  dangyuan appraisal apply 1 --use 纳入年度考核 --date 2026-02-01",
    .options = apply_options,
    .run = run_apply,
});

[[maybe_unused]] bool const registered_hold = register_command({
    .name = "appraisal hold",
    .summary = "hold an organisation to account (问责): 诫勉谈话, 限期整改 or 组织处理",
    .description =
        "A rectification (限期整改) has a deadline after the decision and at most appraisal.rectify_months\n"
        "later, that date when none is given (appraisal.rectify_deadline); an organisational treatment\n"
        "(组织处理) records its --decision (appraisal.treatment_decision).",
    .examples =
        "  dangyuan appraisal hold --kind 限期整改 --org 第一社区党支部 --reason 评议为差 --date 2026-01-20",
    .options = hold_options,
    .run = run_hold,
});

[[maybe_unused]] bool const registered_complete = register_command({
    .name = "appraisal complete",
    .summary = "record the completion of a rectification (限期整改)",
    .arguments = "ACCOUNTABILITY",
    .description = "On or after its decision; after its deadline it is recorded and counted late\n"
                   "(appraisal.rectify_by_deadline).",
    .examples = "  dangyuan appraisal complete 2 --date 2026-04-10",
    .options = complete_options,
    .run = run_complete,
});

[[maybe_unused]] bool const registered_show = register_command({
    .name = "appraisal show",
    .summary = "a cycle's reports, appraisals and uses of results",
    .arguments = "CYCLE",
    .examples = "  dangyuan appraisal show 1",
    .options = show_options,
    .run = run_show,
});

[[maybe_unused]] bool const registered_list = register_command({
    .name = "appraisal list",
    .summary = "the appraisal cycles organised in a scope, or its accountability records (--accountability)",
    .examples = "  dangyuan appraisal list --org 区委 --year 2025\n"
                "  dangyuan appraisal list --accountability --org 城关街道党工委",
    .options = list_options,
    .run = run_list,
});

[[maybe_unused]] bool const registered_stats = register_command({
    .name = "appraisal stats",
    .summary = "cycles, reports, grades, satisfaction and accountability of a scope in a year",
    .examples = "  dangyuan appraisal stats --year 2025 --org 区委",
    .options = year_figures_options,
    .run = run_stats,
});

}  // namespace
}  // namespace dangyuan::cli::cmd_appraisal
