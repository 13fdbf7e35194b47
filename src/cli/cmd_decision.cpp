// dangyuan decision …: major decisions of a village or community by the 四议两公开 method — open a case
// with the branch committee's proposal, record the consultation, the members' meeting, the villagers'
// resolution and the two publications, show a case and list them. And dangyuan flow …: the flow charts
// (流程图) of the procedures, generated from their transition tables.

#include <fstream>
#include <ostream>
#include <sstream>

#include "cli/common.hpp"
#include "dangyuan/core/calendar.hpp"
#include "dangyuan/core/errors.hpp"
#include "dangyuan/core/flow_diagram.hpp"
#include "dangyuan/decision/decision_flow.hpp"
#include "dangyuan/development/pipeline_flow.hpp"
#include "dangyuan/election/election_flow.hpp"
#include "dangyuan/io/reports.hpp"
#include "dangyuan/io/text.hpp"
#include "dangyuan/storage/decision_store.hpp"

namespace dangyuan::cli::cmd_decision {
namespace {

decision_id decision_argument(po::variables_map const& vm) {
    auto const n = parse_count(vm["decision"].as<std::string>(), "decision");
    if (n < 1) throw invalid_input("decision", "decision ids start at 1");
    return decision_id{n};
}

std::string stage_text(std::optional<decision_stage> s) {
    return s ? std::string(chinese_name(*s)) + " (" + std::string(to_string(*s)) + ")"
             : std::string("未开始");
}

// The record kind a word names: its code or its Chinese name.
std::size_t kind_argument(std::string const& text) {
    auto const t = io::trim(text);
    for (std::size_t i = 0; i < decision_record_kinds.size(); ++i)
        if (t == decision_record_kinds[i] || t == decision_record_chinese[i]) return i;
    std::string known;
    for (std::size_t i = 1; i < decision_record_kinds.size(); ++i)
        known += (known.empty() ? "" : ", ") + std::string(decision_record_kinds[i]);
    throw invalid_input("kind", "'" + std::string(t) + "' is not a decision step (" + known + ")");
}

int count_option(po::variables_map const& vm, char const* name) {
    if (!vm.count(name)) throw usage_error(std::string("--") + name + " is required");
    return vm[name].as<int>();
}

// --- decision open

void open_options(po::options_description& d, po::positional_options_description&) {
    d.add_options()("org", po::value<std::string>()->value_name("ORG"),
                    "the village or community organisation (required)")(
        "subject", po::value<std::string>()->value_name("TEXT"), "the matter proposed (required)")(
        "note", po::value<std::string>()->value_name("TEXT"), "a note on the proposal")(
        "rule-set", po::value<std::string>()->value_name("NAME"), "the rule set (default: the store's own)");
    add_date_option(d, "date", "the date of the branch committee's proposal (党组织提议, required)");
    add_why_option(d);
}

int run_open(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    require_options(vm, {"org", "subject", "date"});
    auto const org = org_option(s, vm);
    proposed const first{date_option(vm, "date"), text_option(vm, "subject"), text_option(vm, "note")};
    auto const id = open_decision(s, org.id, first, text_option(vm, "rule-set"), why_of(vm));
    *ctx.out << "opened decision " << id.value() << ": " << org.name << ", " << first.subject
             << ", 党组织提议 on " << format_date(first.date) << '\n';
    return exit_ok;
}

// --- decision record

void record_options(po::options_description& d, po::positional_options_description& p) {
    add_id_argument(d, p, "decision", "the decision id");
    d.add_options()("kind", po::value<std::string>()->required()->value_name("KIND"),
                    "two_committees_consulted, members_meeting_reviewed, villagers_resolved, "
                    "resolution_published, result_published (or the Chinese name)");
    p.add("kind", 1);
    add_date_option(d, "date", "the date of the step (required)");
    add_vote_options(d);
    d.add_options()(
        "body", po::value<std::string>()->value_name("BODY"),
        "villagers_resolved: representatives_meeting (村民代表会议, default) or villagers_meeting "
        "(村民会议)")("members", po::value<int>()->value_name("N"),
                      "villagers_resolved: the representatives' meeting's members (组成人员), or the "
                      "villagers aged 18 or over")("households",
                                                   po::value<int>()->default_value(0)->value_name("N"),
                                                   "villagers_resolved (村民会议): the village's households")(
        "households-present", po::value<int>()->default_value(0)->value_name("N"),
        "villagers_resolved (村民会议): households represented")(
        "in-favour", po::value<int>()->value_name("N"), "villagers_resolved: in favour among those present")(
        "channel", po::value<std::string>()->value_name("CHANNEL"),
        "publications: notice_board (公开栏, default), broadcast (广播), wechat_group (微信群), meeting, "
        "other")("late-reason", po::value<std::string>()->value_name("TEXT"),
                 "publications: why later than the deadline")(
        "note", po::value<std::string>()->value_name("TEXT"), "a note on the step");
    add_date_option(d, "implementation-due",
                    "villagers_resolved: the date the resolution sets for its implementation");
    add_date_option(d, "implemented-on", "result_published: when the implementation ended");
    add_why_option(d);
}

publication_channel channel_of(po::variables_map const& vm) {
    return vm.count("channel")
               ? parse_enum_or_throw<publication_channel>(io::trim(text_option(vm, "channel")))
               : publication_channel::notice_board;
}

decision_record record_of(po::variables_map const& vm) {
    auto const date = date_option(vm, "date");
    auto const note = text_option(vm, "note");
    switch (kind_argument(vm["kind"].as<std::string>())) {
        case decision_record_index<two_committees_consulted>:
            return two_committees_consulted{date, note};
        case decision_record_index<members_meeting_reviewed>: {
            auto const vote = vote_of(vm);
            if (!vote) throw usage_error("the members' meeting needs --entitled, --present and --yes");
            return members_meeting_reviewed{date, *vote, note};
        }
        case decision_record_index<villagers_resolved>: {
            villagers_resolved r;
            r.date = date;
            if (vm.count("body"))
                r.body = parse_enum_or_throw<resolving_body>(io::trim(text_option(vm, "body")));
            r.members = count_option(vm, "members");
            r.households = vm["households"].as<int>();
            r.present = count_option(vm, "present");
            r.households_present = vm["households-present"].as<int>();
            r.in_favour = count_option(vm, "in-favour");
            r.implementation_due = optional_date(vm, "implementation-due");
            r.note = note;
            return r;
        }
        case decision_record_index<resolution_published>:
            return resolution_published{date, channel_of(vm), text_option(vm, "late-reason"), note};
        case decision_record_index<result_published>:
            return result_published{date, channel_of(vm), optional_date(vm, "implemented-on"),
                                    text_option(vm, "late-reason"), note};
        default:
            throw invalid_input("kind", "a case opens with its proposal: use `dangyuan decision open`");
    }
}

int run_record(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    auto const id = decision_argument(vm);
    auto const r = record_of(vm);
    record_decision(s, id, r, why_of(vm));
    auto const c = get_decision(s, id);
    *ctx.out << "decision " << id.value() << " (" << c.org_name << "): " << kind_name(r) << " on "
             << format_date(record_date(r)) << "; " << stage_text(stage_of(c)) << '\n';
    return exit_ok;
}

// --- decision show

void show_options(po::options_description& d, po::positional_options_description& p) {
    add_id_argument(d, p, "decision", "the decision id");
    add_output_options(d, "text|csv|json");
}

std::string record_details(decision_record const& r) {
    std::ostringstream out;
    std::visit(
        [&](auto const& x) {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, proposed>) out << x.subject;
            if constexpr (std::is_same_v<T, members_meeting_reviewed>)
                out << "应到 " << x.vote.entitled << ", 实到 " << x.vote.present << ", 赞成 " << x.vote.yes
                    << ", 反对 " << x.vote.no << ", 弃权 " << x.vote.abstain
                    << (members_meeting_approved(x) ? ": 通过" : ": 未通过");
            if constexpr (std::is_same_v<T, villagers_resolved>) {
                out << chinese_name(x.body) << ": " << x.members
                    << (x.body == resolving_body::representatives_meeting ? " 组成人员" : " 村民");
                if (x.households)
                    out << ", " << x.households << " 户 (到会 " << x.households_present << " 户)";
                out << ", 到会 " << x.present << ", 同意 " << x.in_favour
                    << (resolution_carried(x) ? ": 通过" : ": 未通过");
                if (x.implementation_due) out << "; 实施期限 " << format_date(*x.implementation_due);
            }
            if constexpr (std::is_same_v<T, resolution_published> || std::is_same_v<T, result_published>) {
                out << chinese_name(x.channel);
                if constexpr (std::is_same_v<T, result_published>)
                    if (x.implemented_on) out << "; 实施完成 " << format_date(*x.implemented_on);
                if (!x.late_reason.empty()) out << "; 逾期原因: " << x.late_reason;
            }
        },
        r);
    return out.str();
}

int run_show(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open_read();
    auto const c = get_decision(s, decision_argument(vm));
    auto const st = decision_state_of(c);
    auto r = make_report("四议两公开 decision " + std::to_string(c.id.value()), "四议两公开",
                         {{"date", "日期"}, {"kind", "步骤"}, {"details", "内容"}, {"note", "备注"}});
    r.meta = {{"党组织", c.org_name},
              {"事项", st.subject},
              {"阶段", stage_text(st.stage)},
              {"规则集", c.rule_set_name}};
    auto const rules = s.rule_set_named(c.rule_set_name);
    if (auto const due = resolution_public_deadline(st, rules); due && !st.resolution_published_on)
        r.meta.emplace_back("决议公开期限", format_date(*due));
    for (auto const& x : c.records)
        r.rows.push_back(
            {format_date(record_date(x)),
             std::string(decision_record_chinese[x.index()]) + " (" + std::string(kind_name(x)) + ")",
             record_details(x), std::visit([](auto const& y) { return y.note; }, x)});
    return show_report(ctx, r, vm);
}

// --- decision list

int run_list(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open_read();
    auto const where = scope_of(s, vm);
    auto r = make_report("四议两公开 (decisions)", "四议两公开",
                         {{"id", "编号", true},
                          {"org", "党组织"},
                          {"subject", "事项"},
                          {"stage", "阶段"},
                          {"proposed", "提议日期"},
                          {"last", "最近日期"}});
    for (auto const& d : decisions(s, where))
        r.rows.push_back({std::to_string(d.id.value()), d.org_name, d.subject, stage_text(d.stage),
                          format_date(d.proposed_on), format_date(d.last_date)});
    r.meta = {{"范围", io::describe_scope(s, where)}, {"事项数", std::to_string(r.rows.size())}};
    return show_report(ctx, r, vm);
}

// --- flow

void flow_options(po::options_description& d, po::positional_options_description& p) {
    d.add_options()("procedure", po::value<std::string>()->required()->value_name("PROCEDURE"),
                    "development (发展党员), election (换届选举) or decision (四议两公开)")(
        "doc", po::value<std::string>()->value_name("FILE"),
        "write the chart into FILE between its lines <!-- flow:PROCEDURE:begin --> and "
        "<!-- flow:PROCEDURE:end --> instead of printing it");
    p.add("procedure", 1);
}

int run_flow(context& ctx, po::variables_map const& vm) {
    auto const which = io::trim(vm["procedure"].as<std::string>());
    // The procedure by its English or Chinese name; `name` is also the mark of its block in a document.
    std::string name;
    flow_chart chart;
    if (which == "development" || which == "发展党员") {
        name = "development";
        chart = development_flow_chart();
    } else if (which == "election" || which == "换届选举") {
        name = "election";
        chart = election_flow_chart();
    } else if (which == "decision" || which == "四议两公开") {
        name = "decision";
        chart = decision_flow_chart();
    } else {
        throw invalid_input(
            "procedure", "'" + std::string(which) + "' is not a procedure (development, election, decision)");
    }
    auto const text = to_mermaid(chart);
    if (!vm.count("doc")) {
        *ctx.out << text;
        return exit_ok;
    }
    auto const path = text_option(vm, "doc");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw invalid_input("doc", "cannot read '" + path + "'");
    std::ostringstream doc;
    doc << in.rdbuf();
    auto const updated = with_flow_block(doc.str(), "flow:" + name, text);
    if (updated != doc.str()) {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out << updated;
        if (!out) throw invalid_input("doc", "cannot write '" + path + "'");
    }
    *ctx.out << path << (updated == doc.str() ? ": up to date\n" : ": chart updated\n");
    return exit_ok;
}

[[maybe_unused]] bool const registered_open = register_command({
    .name = "decision open",
    .summary = "open a village decision (四议两公开) with the branch committee's proposal (党组织提议)",
    .description = "Only for a village or community organisation. The case keeps the rule set it is opened\n"
                   "under (the publication deadlines are local practice).",
    .examples = "  dangyuan decision open --org 东村党支部 --date 2024-03-01 --subject 村道硬化工程",
    .options = open_options,
    .run = run_open,
});

[[maybe_unused]] bool const registered_record = register_command({
    .name = "decision record",
    .summary = "record the next step of a decision (decision.steps_in_order)",
    .arguments = "DECISION KIND",
    .description =
        "两委会商议 → 党员大会审议 (--entitled --present --yes) → 村民代表会议或村民会议决议 (--members\n"
        "--present --in-favour; a villagers' meeting also --households --households-present) → 决议公开\n"
        "(--channel) → 实施结果公开 (--implemented-on). A representatives' meeting needs two thirds of its\n"
        "members, a villagers' meeting more than half of the adults or two thirds of the households; a\n"
        "resolution needs more than half of those present. A vote not carried ends the case as rejected.",
    .examples =
        "  dangyuan decision record 1 two_committees_consulted --date 2024-03-05\n"
        "  dangyuan decision record 1 党员大会审议 --date 2024-03-10 --entitled 20 --present 16 --yes 15\n"
        "  dangyuan decision record 1 villagers_resolved --date 2024-03-20 --members 30 --present 25 "
        "--in-favour 20",
    .options = record_options,
    .run = run_record,
});

[[maybe_unused]] bool const registered_show = register_command({
    .name = "decision show",
    .summary = "a decision's steps, counts and publications",
    .arguments = "DECISION",
    .examples = "  dangyuan decision show 1",
    .options = show_options,
    .run = run_show,
});

[[maybe_unused]] bool const registered_list = register_command({
    .name = "decision list",
    .summary = "the decisions of a scope, with their stage",
    .examples = "  dangyuan decision list --org 东村党支部",
    .options = scoped_list_options,
    .run = run_list,
});

[[maybe_unused]] bool const registered_flow = register_command({
    .name = "flow",
    .summary = "the flow chart (流程图) of a procedure as Mermaid text, from its transition table",
    .arguments = "PROCEDURE",
    .description =
        "development: the 发展党员 pipeline; election: 换届选举; decision: 四议两公开. With --doc\n"
        "FILE the chart is written into FILE between its marker lines.",
    .examples = "  dangyuan flow decision\n  dangyuan flow development --doc docs/development.md",
    .options = flow_options,
    .run = run_flow,
});

}  // namespace
}  // namespace dangyuan::cli::cmd_decision
