// dangyuan case open / step / show / list: the development pipeline (发展党员).

#include <algorithm>
#include <ostream>

#include "cli/common.hpp"
#include "cli/report_issues.hpp"
#include "dangyuan/core/calendar.hpp"
#include "dangyuan/core/errors.hpp"
#include "dangyuan/development/case_agenda.hpp"
#include "dangyuan/io/reports.hpp"
#include "dangyuan/io/roster.hpp"
#include "dangyuan/io/text.hpp"
#include "dangyuan/storage/development_store.hpp"

namespace dangyuan::cli::cmd_case {
namespace {

case_id case_argument(po::variables_map const& vm) {
    auto const n = parse_count(vm["case"].as<std::string>(), "case");
    if (n < 1) throw invalid_input("case", "case ids start at 1");
    return case_id{n};
}

std::string stage_text(stage s) {
    return std::string(chinese_name(s)) + " (" + std::string(to_string(s)) + ")";
}

// --- case open: the applicant's record as roster cells, so that it accepts what `member add` accepts.

struct applicant_option {
    char const* name;
    io::roster_field field;
};
constexpr applicant_option applicant_options[] = {
    {"name", io::roster_field::name},
    {"id-number", io::roster_field::id_number},
    {"sex", io::roster_field::sex},
    {"birth-date", io::roster_field::birth_date},
    {"ethnicity", io::roster_field::ethnicity},
    {"education", io::roster_field::education},
    {"category", io::roster_field::category},
    {"work-unit", io::roster_field::work_unit},
    {"branch", io::roster_field::branch},
};

void case_open_options(po::options_description& d, po::positional_options_description&) {
    for (auto const& o : applicant_options)
        d.add_options()(o.name, po::value<std::string>()->value_name("VALUE"),
                        (std::string(io::column_of(o.field).title) +
                         (o.field == io::roster_field::branch ? ": the branch handling the case (id or name)"
                          : o.field == io::roster_field::ethnicity ? " (default 汉族)"
                                                                   : ""))
                            .c_str());
    add_date_option(d, "date", "the date of the written application (递交入党申请书)");
    d.add_options()("rule-set", po::value<std::string>()->value_name("NAME"),
                    "the rule set the case follows (default: the store's own)")(
        "backfilled", "补录: history recorded in order, time and content rules not checked")(
        "mobile", "流动人员: the political review will also consult the 户籍地 and 居住地 organisations");
    add_why_option(d);
}

int run_case_open(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    io::org_directory const orgs(s.orgs());
    std::vector<io::cell> cells;
    for (auto const& o : applicant_options)
        if (vm.count(o.name))
            cells.push_back(
                {o.field, std::string("--") + o.name, std::string(io::trim(vm[o.name].as<std::string>()))});
    require_options(vm, {"name", "id-number", "branch"});
    auto const applied = date_option(vm, "date");
    member m;
    m.ethnicity = ethnicity::han;
    std::vector<io::row_issue> issues;
    if (!io::apply_cells(m, cells, orgs, 0, issues)) {
        print_issues(*ctx.err, issues, false);
        return exit_failure;
    }
    if (m.id_number) {
        if (!io::has_cell(cells, io::roster_field::sex)) m.sex = m.id_number->sex_of();
        if (!io::has_cell(cells, io::roster_field::birth_date)) m.birth_date = m.id_number->birth_date();
    }
    applicant a{.name = m.name,
                .sex = m.sex,
                .birth_date = m.birth_date,
                .id_number = m.id_number,
                .ethnicity = m.ethnicity,
                .education = m.education,
                .category = m.category,
                .work_unit = m.work_unit,
                .branch = m.branch,
                .mobile = flag(vm, "mobile")};
    case_options options{.backfilled = flag(vm, "backfilled")};
    options.rule_set_name = text_option(vm, "rule-set");
    auto const id = open_case(s, a, application_submitted_step{applied}, options, why_of(vm));
    *ctx.out << "opened case " << id.value() << ": " << a.name << ", application of " << format_date(applied)
             << " (" << stage_text(stage::applicant) << ")\n";
    return exit_ok;
}

// --- case step

recommendation parse_recommendation(std::string const& text) {
    auto const t = io::ascii_lower(io::trim(text));
    if (t == "member") return recommendation::member_recommendation;  // short forms for the command line
    if (t == "mass") return recommendation::mass_organisation;
    if (auto const r = parse_enum<recommendation>(t)) return *r;
    throw invalid_input("recommended", "'" + text + "' is not member (党员推荐) or mass (群团推优)");
}

conversion_decision parse_decision(std::string const& text) {
    auto const t = io::ascii_lower(io::trim(text));
    if (auto const d = parse_enum<conversion_decision>(t)) return *d;
    throw invalid_input("decision", "'" + text + "' is not convert, extend or cancel");
}

void case_step_options(po::options_description& d, po::positional_options_description& p) {
    add_id_argument(d, p, "case", "the case id");
    d.add_options()("step", po::value<std::string>()->required()->value_name("STEP"),
                    "the step: its code (talk_held, activist_determined …) or Chinese name (see --help)")(
        "date", po::value<std::string>()->value_name("DATE"), "the date of the step (required)")(
        "by", po::value<std::string>()->value_name("MEMBER"), "who acted: the talker, the lecturer …")(
        "recommended", po::value<std::string>()->value_name("HOW"),
        "activist_determined: member (党员推荐) or mass (群团推优)")(
        "members", po::value<std::string>()->value_name("LIST"),
        "contacts_assigned (1-2) or introducers_assigned (2): members, comma-separated")(
        "passed", po::value<std::string>()->value_name("yes|no"),
        "political_review, pre_review, admission_approved, conversion_approved: the result")(
        "conclusion", po::value<std::string>()->value_name("TEXT"), "a written conclusion (结论性材料)")(
        "document", po::value<std::string>()->value_name("REF"),
        "the reference of a document (文号: 备案, 批复, 预审意见, 志愿书编号, 档案编号)")(
        "days", po::value<int>()->default_value(0)->value_name("N"), "training_completed: days")(
        "hours", po::value<int>()->default_value(0)->value_name("N"), "training_completed: class hours")(
        "special-case", "training_completed: the training is waived in a special case (with --reason)")(
        "decision", po::value<std::string>()->value_name("D"),
        "conversion_meeting: convert (按期转正), extend (延长预备期) or cancel")(
        "extension-months", po::value<int>()->default_value(0)->value_name("N"),
        "conversion_meeting with extend: 6-12")("notice-for", po::value<std::string>()->value_name("STEP"),
                                                "public_notice: the step the notice precedes")(
        "notice-end", po::value<std::string>()->value_name("DATE"), "public_notice: its last day")(
        "objections", po::value<int>()->default_value(0)->value_name("N"),
        "public_notice: objections not cleared")("expected-leave",
                                                 po::value<std::string>()->value_name("DATE"),
                                                 "pre_review, admission_meeting: leaves the unit on")(
        "since", po::value<std::string>()->value_name("DATE"),
        "cultivation_transferred: cultivation began on")(
        "household-org", po::value<std::string>()->value_name("ORG"),
        "political_review of a mobile applicant: the 户籍地 organisation consulted")(
        "residence-org", po::value<std::string>()->value_name("ORG"),
        "political_review of a mobile applicant: the 居住地 organisation consulted")(
        "reason", po::value<std::string>()->value_name("TEXT"),
        "the reason for a late step, an override or a "
        "withdrawal")("note", po::value<std::string>()->value_name("TEXT"),
                      "any step: free-text remarks (备注)");
    add_vote_options(d);
    add_why_option(d);
    p.add("step", 1);
}

// True when the option was given on the command line (not only its default).
bool given(po::variables_map const& vm, char const* option) {
    return vm.count(option) && !vm[option].defaulted();
}

// Sets `field` of the record `r` of kind `kind` to `value` when `option` was given; an option the kind
// does not take is refused, naming the field.
// clang-format off
#define DANGYUAN_STEP_OPTION(field, option, value)                                                   \
    if (given(vm, option))                                                                           \
        std::visit(                                                                                  \
            [&](auto& x) {                                                                           \
                if constexpr (requires { x.field; })                                                 \
                    x.field = value;                                                                 \
                else                                                                                 \
                    throw invalid_input(#field, "step " + std::string(to_string(kind)) +             \
                                                    " does not take --" + std::string(option));      \
            },                                                                                       \
            r)
// clang-format on

int run_case_step(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    auto const id = case_argument(vm);
    auto const kind = parse_step(std::string(io::trim(vm["step"].as<std::string>())));
    auto r = make_step(kind, date_option(vm, "date"));
    date::sys_days const day = record_date(r);
    DANGYUAN_STEP_OPTION(by, "by", member_option(s, vm, "by").id);
    DANGYUAN_STEP_OPTION(recommended, "recommended",
                         parse_recommendation(vm["recommended"].as<std::string>()));
    DANGYUAN_STEP_OPTION(members, "members", member_list(s, vm["members"].as<std::string>(), "members"));
    DANGYUAN_STEP_OPTION(passed, "passed", parse_yes_no_value(vm["passed"].as<std::string>(), "passed"));
    DANGYUAN_STEP_OPTION(conclusion, "conclusion", text_option(vm, "conclusion"));
    DANGYUAN_STEP_OPTION(document, "document", text_option(vm, "document"));
    DANGYUAN_STEP_OPTION(days, "days", vm["days"].as<int>());
    DANGYUAN_STEP_OPTION(class_hours, "hours", vm["hours"].as<int>());
    DANGYUAN_STEP_OPTION(special_case, "special-case", true);
    // A branch meeting's vote counts the branch's voting members (vote.entitled_full_members); without
    // --entitled the store's count is used.
    std::optional<int> entitled;
    if ((kind == step::admission_meeting || kind == step::conversion_meeting) && !vm.count("entitled"))
        entitled = s.voting_roll_on(get_case(s, id).person().branch, day).voters;
    if (auto const vote = vote_of(vm, entitled)) {
        char const* const option = vm.count("entitled")  ? "entitled"
                                   : vm.count("present") ? "present"
                                                         : "yes";
        DANGYUAN_STEP_OPTION(vote, option, vote);
    }
    DANGYUAN_STEP_OPTION(decision, "decision", parse_decision(vm["decision"].as<std::string>()));
    DANGYUAN_STEP_OPTION(extension_months, "extension-months", vm["extension-months"].as<int>());
    DANGYUAN_STEP_OPTION(notice_for, "notice-for",
                         parse_step(std::string(io::trim(vm["notice-for"].as<std::string>()))));
    DANGYUAN_STEP_OPTION(notice_end, "notice-end", optional_date(vm, "notice-end"));
    DANGYUAN_STEP_OPTION(objections, "objections", vm["objections"].as<int>());
    DANGYUAN_STEP_OPTION(expected_leave, "expected-leave", optional_date(vm, "expected-leave"));
    DANGYUAN_STEP_OPTION(since, "since", optional_date(vm, "since"));
    DANGYUAN_STEP_OPTION(reason, "reason", text_option(vm, "reason"));
    DANGYUAN_STEP_OPTION(household_org, "household-org", text_option(vm, "household-org"));
    DANGYUAN_STEP_OPTION(residence_org, "residence-org", text_option(vm, "residence-org"));
    DANGYUAN_STEP_OPTION(note, "note", text_option(vm, "note"));
    auto const before = case_member(s, id);
    record_step(s, id, r, why_of(vm));
    auto const c = get_case(s, id);
    auto const& st = c.state();
    *ctx.out << "case " << id.value() << ": " << official_number(kind) << " " << chinese_name(kind) << " ("
             << to_string(kind) << ") on " << format_date(day) << "; "
             << (st.outcome ? "closed: " + std::string(chinese_name(*st.outcome)) : stage_text(st.current))
             << '\n';
    if (!before)
        if (auto const m = case_member(s, id))
            *ctx.out << "added member " << m->value()
                     << " to the roster as a probationary member (预备党员), "
                     << "入党日期 " << format_date(*st.admission_meeting) << '\n';
    if (kind == step::conversion_approved && st.full_member_date)
        *ctx.out << "full member (正式党员) from " << format_date(*st.full_member_date) << '\n';
    return exit_ok;
}

#undef DANGYUAN_STEP_OPTION

// --- case show: the timeline (发展党员纪实)

void case_show_options(po::options_description& d, po::positional_options_description& p) {
    add_id_argument(d, p, "case", "the case id");
    add_as_of_option(d, "the timeline on this date");
    add_output_options(d, "text|csv|json");
}

int run_case_show(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open_read();
    auto const id = case_argument(vm);
    auto const as_of = as_of_date(vm);
    auto const c = get_case(s, id);
    auto const st = c.state_on(as_of);
    auto const& p = c.person();
    auto r = make_report("发展党员纪实: " + p.name + " (case " + std::to_string(id.value()) + ")", "发展纪实",
                         {{"number", "序号", true},
                          {"step", "步骤"},
                          {"code", "代码"},
                          {"earliest", "最早日期"},
                          {"deadline", "截止日期"},
                          {"actual", "办理日期"},
                          {"status", "状态"}});
    r.meta = {{"日期", format_date(as_of)},
              {"姓名", p.name},
              {"公民身份号码", p.id_number ? p.id_number->masked() : std::string()},
              {"支部", s.org(p.branch).name + " (id " + std::to_string(p.branch.value()) + ")"},
              {"阶段", st.outcome ? std::string(chinese_name(*st.outcome)) : stage_text(st.current)},
              {"规则集", c.rules().name + (c.backfilled() ? " (补录)" : "")}};
    if (auto const m = case_member(s, id)) r.meta.emplace_back("党员编号", std::to_string(m->value()));
    if (st.admission_meeting) r.meta.emplace_back("入党日期", format_date(*st.admission_meeting));
    if (st.probation_end && !st.full_member_date)
        r.meta.emplace_back("预备期满", format_date(*st.probation_end));
    if (st.full_member_date) r.meta.emplace_back("转正日期", format_date(*st.full_member_date));
    for (auto const& row : case_timeline(c, as_of)) {
        std::string actual;
        for (auto const day : row.actual)
            actual += (actual.empty() ? "" : ", ") + format_date(day);
        r.rows.push_back(
            {std::to_string(official_number(row.kind)), std::string(chinese_name(row.kind)),
             std::string(to_string(row.kind)), row.earliest ? format_date(*row.earliest) : "",
             row.deadline ? format_date(*row.deadline) : "", actual,
             text_output(vm) ? std::string(chinese_name(row.status)) : std::string(to_string(row.status))});
    }
    // The supporting records (公示, 培养考察材料转入, 终止发展) have no line of their own in the chart.
    for (auto const& rec : c.records())
        if (official_number(kind_of(rec)) == 0 && record_date(rec) <= as_of)
            r.meta.emplace_back(
                std::string(chinese_name(kind_of(rec))),
                format_date(record_date(rec)) + (reason_of(rec).empty() ? "" : ": " + reason_of(rec)));
    return show_report(ctx, r, vm);
}

// --- case list

void case_list_options(po::options_description& d, po::positional_options_description&) {
    add_scope_option(d);
    d.add_options()("stage", po::value<std::string>()->value_name("STAGE"),
                    "only cases in this stage: applicant, activist, development_target, probationary, "
                    "full_member (or the Chinese name)")("open", "only cases not closed");
    add_output_options(d, "text|csv|json");
}

int run_case_list(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open_read();
    auto const where = scope_of(s, vm);
    std::optional<stage> only;
    if (vm.count("stage")) {
        auto const t = std::string(io::trim(vm["stage"].as<std::string>()));
        only = parse_enum<stage>(t);
        if (!only) throw invalid_input("stage", "unknown stage '" + t + "'");
    }
    io::org_directory const orgs(s.orgs());
    auto r = make_report("发展党员 (development cases)", "发展党员",
                         {{"id", "编号", true},
                          {"name", "姓名"},
                          {"branch", "支部"},
                          {"stage", "阶段"},
                          {"outcome", "结果"},
                          {"member_id", "党员编号", true}});
    for (auto const& c : cases(s, where)) {
        if (only && (c.current != *only || c.outcome)) continue;
        if (vm.count("open") && (c.outcome || c.current == stage::full_member)) continue;
        auto const* b = orgs.find(c.branch);
        r.rows.push_back({std::to_string(c.id.value()), c.name,
                          b ? b->name : std::to_string(c.branch.value()),
                          std::string(chinese_name(c.current)),
                          c.outcome ? std::string(chinese_name(*c.outcome)) : std::string(),
                          c.member ? std::to_string(c.member->value()) : std::string()});
    }
    r.meta = {{"范围", io::describe_scope(s, where)}, {"案例", std::to_string(r.rows.size())}};
    return show_report(ctx, r, vm);
}

std::string steps_help() {
    std::string out = "Steps (code, 中文):\n";
    for (auto const& row : all_steps())
        out += "  " + (row.number ? std::to_string(row.number) : std::string("-")) + " " +
               std::string(row.code) + "  " + std::string(row.chinese) + "\n";
    return out;
}

[[maybe_unused]] bool const registered_open = register_command({
    .name = "case open",
    .summary = "open a development case (发展党员) with the written application",
    .description =
        "The applicant's fields take the values of the roster columns (as `member add`); sex and birth\n"
        "date default to those of the ID number. Refused for a member in normal standing and within 5\n"
        "years of 劝退 or 除名 (disposition.readmission_bar_5_years); the applicant must be 18 "
        "(dev.applicant_min_age_18).",
    .examples = "  dangyuan case open --name 林晓 --id-number 370102200003150729 --branch 甸柳社区党支部 \\\n"
                "      --date 2023-03-01",
    .options = case_open_options,
    .run = run_case_open,
});

[[maybe_unused]] bool const registered_step = register_command({
    .name = "case step",
    .summary = "record a step of a development case (the 25 steps of the official flow)",
    .arguments = "ID STEP",
    .description =
        "Each step is checked against the case's history and its rule set; a refused step names\n"
        "the rule (dev.*, vote.*) and writes nothing. Approval of admission adds the person to the\n"
        "roster as a probationary member; approval of a conversion sets the full-member date.\n" +
        steps_help(),
    .examples =
        "  dangyuan case step 1 talk_held --date 2023-03-20 --by 张建国\n"
        "  dangyuan case step 1 activist_determined --date 2023-09-01 --recommended member\n"
        "  dangyuan case step 1 admission_meeting --date 2024-12-10 --entitled 20 --present 18 --yes 17",
    .options = case_step_options,
    .run = run_case_step,
});

[[maybe_unused]] bool const registered_show = register_command({
    .name = "case show",
    .summary = "the timeline of a case: earliest date, deadline, actual dates and status of each step",
    .arguments = "ID",
    .description = "Status on --as-of: 已完成 (done), 可办理 (open: may be recorded now), 已逾期 (overdue:\n"
                   "past its deadline), 未到 (waiting). CSV and JSON use the English status codes.",
    .examples = "  dangyuan case show 1 --as-of 2026-11-26\n  dangyuan case show 1 --format csv -o 纪实.csv",
    .options = case_show_options,
    .run = run_case_show,
});

[[maybe_unused]] bool const registered_list = register_command({
    .name = "case list",
    .summary = "the development cases of a scope, with their current stage",
    .description = "Cases of the branches in the scope (--org and everything below it).",
    .examples = "  dangyuan case list --stage activist\n  dangyuan case list --org 甸柳社区党支部 --open",
    .options = case_list_options,
    .run = run_case_list,
});

}  // namespace
}  // namespace dangyuan::cli::cmd_case
