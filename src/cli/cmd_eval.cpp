// dangyuan eval …: the democratic evaluation of members (民主评议党员) — a branch's campaign for a year,
// its steps, ballots (stored as tallies), grade proposals and decisions, follow-ups, and the grade
// distribution. Dispositions of unqualified members are in cmd_disposition.cpp.

#include <cstdio>
#include <fstream>
#include <ostream>
#include <set>
#include <sstream>

#include "cli/common.hpp"
#include "dangyuan/core/calendar.hpp"
#include "dangyuan/core/errors.hpp"
#include "dangyuan/io/csv.hpp"
#include "dangyuan/io/reports.hpp"
#include "dangyuan/io/text.hpp"
#include "dangyuan/storage/community_store.hpp"
#include "dangyuan/storage/evaluation_store.hpp"

namespace dangyuan::cli::cmd_eval {
namespace {

campaign_id campaign_argument(po::variables_map const& vm) {
    auto const n = parse_count(vm["campaign"].as<std::string>(), "campaign");
    if (n < 1) throw invalid_input("campaign", "campaign ids start at 1");
    return campaign_id{n};
}

grade grade_argument(po::variables_map const& vm, char const* name = "grade") {
    return parse_grade(io::trim(vm[name].as<std::string>()));
}

std::string phase_text(std::optional<campaign_phase> p) {
    return p ? std::string(chinese_name(*p)) + " (" + std::string(to_string(*p)) + ")"
             : std::string("未开始");
}

// Options shared by the commands that add one record to a campaign: CAMPAIGN [MEMBER] … --date.
void record_options(po::options_description& d, po::positional_options_description& p, bool with_member) {
    add_id_argument(d, p, "campaign", "the campaign id");
    add_date_option(d, "date", "the date of the record (required)");
    if (with_member) add_member_argument(d, p);
    add_why_option(d);
}

// Records `r` on the campaign and says what was recorded and where the campaign stands.
int record_and_say(context& ctx, store& s, campaign_id id, campaign_record const& r,
                   po::variables_map const& vm) {
    record_campaign(s, id, r, why_of(vm));
    auto const c = get_campaign(s, id);
    auto const st = campaign_state_of(c);
    *ctx.out << "campaign " << id.value() << " (" << c.org_name << ", " << c.year << "): " << kind_name(r)
             << " on " << format_date(record_date(r)) << "; " << phase_text(st.phase) << '\n';
    return exit_ok;
}

// --- eval open

void open_options(po::options_description& d, po::positional_options_description&) {
    d.add_options()("org", po::value<std::string>()->value_name("BRANCH"), "the branch (required)")(
        "year", po::value<int>()->value_name("YEAR"), "the year evaluated (评议年度, required)")(
        "date", po::value<std::string>()->value_name("DATE"),
        "the first day of 学习教育 (required; not before 1 January of the year)")(
        "rule-set", po::value<std::string>()->value_name("NAME"), "the rule set (default: the store's own)")(
        "no-roster", "do not put the branch's members on the roll (add them with the library)");
    add_why_option(d);
}

int run_open(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    if (!vm.count("org") || !vm.count("year")) throw usage_error("--org and --year are required");
    auto const org = org_option(s, vm);
    auto const begins = date_option(vm, "date");
    auto const id =
        open_campaign(s, org.id, vm["year"].as<int>(), begins, text_option(vm, "rule-set"), why_of(vm));
    *ctx.out << "opened campaign " << id.value() << ": " << org.name << ", " << vm["year"].as<int>()
             << ", 学习教育 from " << format_date(begins) << '\n';
    if (!vm.count("no-roster")) {
        auto roll = participants_from_roster(s, org.id, begins);
        if (!roll.empty()) {
            record_campaign(s, id, participants_added{begins, roll}, why_of(vm));
            int probationary = 0;
            for (auto const& p : roll)
                probationary += p.status == member_status::probationary ? 1 : 0;
            *ctx.out << "  " << roll.size() << " participants from the roster (" << probationary
                     << " probationary: take part, not graded)\n";
        }
    }
    return exit_ok;
}

// --- eval phase

void phase_options(po::options_description& d, po::positional_options_description& p) {
    record_options(d, p, false);
    d.add_options()("phase", po::value<std::string>()->required()->value_name("PHASE"),
                    "self_assessment, appraisal_self_review, appraisal_mutual_review, appraisal_vote, "
                    "organisational_assessment, commendation_and_handling, closed (or the Chinese name)")(
        "by-party-groups", "self-review and mutual review held in party groups (党小组)");
    p.add("phase", 1);
}

int run_phase(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    auto const id = campaign_argument(vm);
    phase_started r{date_option(vm, "date"), parse_campaign_phase(io::trim(vm["phase"].as<std::string>())),
                    flag(vm, "by-party-groups")};
    return record_and_say(ctx, s, id, r, vm);
}

// --- eval self

void self_options(po::options_description& d, po::positional_options_description& p) {
    record_options(d, p, true);
    d.add_options()("summary", po::value<std::string>()->value_name("TEXT"),
                    "the self-assessment (党性分析) or the reference of the filed document (required)");
}

int run_self(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    auto const id = campaign_argument(vm);
    self_assessment_submitted r{date_option(vm, "date"), member_option(s, vm, "member").id,
                                text_option(vm, "summary")};
    return record_and_say(ctx, s, id, r, vm);
}

// --- eval ballots

void ballots_options(po::options_description& d, po::positional_options_description& p) {
    record_options(d, p, false);
    d.add_options()("ballot", po::value<std::vector<std::string>>()->composing()->value_name("E:M:GRADE"),
                    "one ballot: evaluator, member appraised, grade (repeat the option)")(
        "file", po::value<std::string>()->value_name("FILE.csv"),
        "ballots as CSV rows evaluator,member,grade (a header row is skipped)");
}

ballot parse_ballot(store const& s, std::vector<std::string> const& parts, std::string const& where) {
    if (parts.size() != 3)
        throw invalid_input(
            "ballot", where + ": a ballot is evaluator, member and grade, not '" + [&] {
                std::string j;
                for (auto const& x : parts)
                    j += (j.empty() ? "" : ":") + x;
                return j;
            }() + "'");
    return ballot{find_member_by_key(s, parts[0], "evaluator").id,
                  find_member_by_key(s, parts[1], "member").id, parse_grade(io::trim(parts[2]))};
}

int run_ballots(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    auto const id = campaign_argument(vm);
    auto const on = date_option(vm, "date");
    std::vector<ballot> ballots;
    if (vm.count("ballot"))
        for (auto const& text : vm["ballot"].as<std::vector<std::string>>()) {
            std::vector<std::string> parts;
            std::stringstream ss(text);
            for (std::string part; std::getline(ss, part, ':');)
                parts.push_back(std::string(io::trim(part)));
            ballots.push_back(parse_ballot(s, parts, "--ballot"));
        }
    if (vm.count("file")) {
        auto const path = vm["file"].as<std::string>();
        std::ifstream in(path, std::ios::binary);
        if (!in) throw invalid_input("file", "cannot read '" + path + "'");
        std::stringstream buffer;
        buffer << in.rdbuf();
        auto text = buffer.str();
        if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
        io::read_csv(text, [&](io::csv_record&& rec) {
            auto& row = rec.fields;
            for (auto& f : row)
                f = std::string(io::trim(f));
            if (row.empty() || (row.size() == 1 && row[0].empty())) return;
            auto const first = io::ascii_lower(row[0]);
            if (rec.line == 1 && (first == "evaluator" || first == "评议人")) return;
            ballots.push_back(parse_ballot(s, row, path + " line " + std::to_string(rec.line)));
        });
    }
    if (ballots.empty()) throw usage_error("give the ballots with --ballot E:M:GRADE or --file FILE.csv");
    record_ballots(s, id, on, ballots, why_of(vm));
    auto const c = get_campaign(s, id);
    auto const st = campaign_state_of(c);
    std::set<member_id> appraised;
    for (auto const& b : ballots)
        appraised.insert(b.member);
    *ctx.out << "campaign " << id.value() << ": " << ballots.size() << " ballots on " << appraised.size()
             << " members counted on " << format_date(on) << " (stored as tallies)\n";
    for (auto const m : appraised) {
        auto const* p = st.find(m);
        if (!p) continue;
        *ctx.out << "  " << p->who.name << ":";
        for (std::size_t g = 0; g < grade_count; ++g)
            *ctx.out << ' ' << chinese_name(static_cast<grade>(g)) << ' ' << p->tally.counts[g];
        *ctx.out << '\n';
    }
    return exit_ok;
}

// --- eval propose / inform / decide / follow-up

void propose_options(po::options_description& d, po::positional_options_description& p) {
    record_options(d, p, true);
    d.add_options()(
        "grade", po::value<std::string>()->required()->value_name("GRADE"),
        "优秀, 合格, 基本合格, 不合格 (or excellent, qualified, basically_qualified, unqualified)")(
        "basis", po::value<std::string>()->value_name("TEXT"), "the basis, e.g. 测评结果和平时表现");
    p.add("grade", 1);
}

int run_propose(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    auto const id = campaign_argument(vm);
    grade_proposed r{date_option(vm, "date"), member_option(s, vm, "member").id, grade_argument(vm),
                     text_option(vm, "basis")};
    return record_and_say(ctx, s, id, r, vm);
}

void inform_options(po::options_description& d, po::positional_options_description& p) {
    record_options(d, p, true);
    d.add_options()("by", po::value<std::string>()->value_name("TEXT"), "who talked to the member");
}

int run_inform(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    auto const id = campaign_argument(vm);
    member_informed r{date_option(vm, "date"), member_option(s, vm, "member").id, text_option(vm, "by")};
    return record_and_say(ctx, s, id, r, vm);
}

void decide_options(po::options_description& d, po::positional_options_description& p) {
    propose_options(d, p);
    d.add_options()("body",
                    po::value<std::string>()->default_value("meeting")->value_name("meeting|committee"),
                    "who decided: the branch meeting (支部党员大会) or the branch committee (支部委员会)")(
        "over-cap-reason", po::value<std::string>()->value_name("TEXT"),
        "why 优秀 exceeds the share cap (eval.excellent_share_cap)");
    add_vote_options(d);
}

int run_decide(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    auto const id = campaign_argument(vm);
    auto const body = io::ascii_lower(io::trim(vm["body"].as<std::string>()));
    if (body != "meeting" && body != "committee" && body != "支部党员大会" && body != "支部委员会")
        throw usage_error("--body must be meeting or committee");
    grade_decided r;
    r.date = date_option(vm, "date");
    r.member = member_option(s, vm, "member").id;
    r.decided = grade_argument(vm);
    r.by = body == "committee" || body == "支部委员会" ? decision_body::branch_committee
                                                       : decision_body::branch_meeting;
    r.vote = vote_of(vm);
    r.over_cap_reason = text_option(vm, "over-cap-reason");
    return record_and_say(ctx, s, id, r, vm);
}

void follow_up_options(po::options_description& d, po::positional_options_description& p) {
    record_options(d, p, true);
    d.add_options()("kind", po::value<std::string>()->required()->value_name("KIND"),
                    "commended (表扬), encouraged (鼓励), helped (帮助改进), educated (批评教育), "
                    "disposition_opened (组织处置)")("note", po::value<std::string>()->value_name("TEXT"),
                                                     "a note");
    p.add("kind", 1);
}

int run_follow_up(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    auto const id = campaign_argument(vm);
    auto const text = std::string(io::trim(vm["kind"].as<std::string>()));
    auto const kind = parse_enum<follow_up_kind>(text);
    if (!kind) throw invalid_input("kind", "unknown follow-up '" + text + "'");
    follow_up r{date_option(vm, "date"), member_option(s, vm, "member").id, *kind, text_option(vm, "note")};
    return record_and_say(ctx, s, id, r, vm);
}

// --- eval show

void show_options(po::options_description& d, po::positional_options_description& p) {
    add_id_argument(d, p, "campaign", "the campaign id");
    add_as_of_option(d, "the campaign as on this date");
    add_output_options(d, "text|csv|json");
}

int run_show(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open_read();
    auto const id = campaign_argument(vm);
    auto const as_of = as_of_date(vm);
    auto const c = get_campaign(s, id);
    auto const st = campaign_state_on(c, as_of);
    auto r = make_report("民主评议: " + c.org_name + " " + std::to_string(c.year) + "年度 (campaign " +
                             std::to_string(id.value()) + ")",
                         "民主评议",
                         {{"member_id", "党员编号", true},
                          {"name", "姓名"},
                          {"status", "类别"},
                          {"self_assessed", "党性分析"},
                          {"excellent", "优秀票", true},
                          {"qualified", "合格票", true},
                          {"basic", "基本合格票", true},
                          {"unqualified", "不合格票", true},
                          {"proposed", "建议等次"},
                          {"informed", "已反馈"},
                          {"final", "评定等次"},
                          {"follow_up", "表彰和处理"}});
    r.meta = {{"日期", format_date(as_of)}, {"步骤", phase_text(st.phase)}, {"规则集", c.rule_set_name}};
    for (std::size_t i = 0; i < campaign_phase_count; ++i)
        if (st.phase_dates[i])
            r.meta.emplace_back(std::string(chinese_name(static_cast<campaign_phase>(i))),
                                format_date(*st.phase_dates[i]));
    for (auto const& [m, p] : st.participants) {
        std::string status = p.who.status == member_status::full ? "正式党员" : "预备党员";
        if (p.exempted) status += " (不参加: " + std::string(chinese_name(*p.exempted)) + ")";
        if (p.who.relationship_in) status += " (流动党员)";
        std::string follow;
        for (auto const k : p.follow_ups)
            follow += (follow.empty() ? "" : ", ") + std::string(chinese_name(k));
        r.rows.push_back(
            {std::to_string(m.value()), p.who.name, status,
             p.self_assessed_on ? format_date(*p.self_assessed_on) : "",
             std::to_string(p.tally[grade::excellent]), std::to_string(p.tally[grade::qualified]),
             std::to_string(p.tally[grade::basically_qualified]), std::to_string(p.tally[grade::unqualified]),
             p.proposed ? std::string(chinese_name(*p.proposed)) : "", p.informed ? "是" : "",
             p.final ? std::string(chinese_name(*p.final)) : "", follow});
    }
    // The community's feedback (社区反馈) on members registered with a community for the year, as one more
    // column when any participant has one (在职党员进社区, docs/organisation-work.md).
    std::vector<std::string> feedback;
    bool any_feedback = false;
    for (auto const& [m, p] : st.participants) {
        // Members of the branch itself; a mobile member's own branch reads that member's feedback.
        std::optional<community_feedback_record> f;
        if (p.relationship_here()) {
            try {
                f = community_feedback(s, m, c.year);
            } catch (access_denied const&) {
                // A member who has left the branch since: not readable through the campaign's scope.
            }
        }
        feedback.push_back(f ? std::string(chinese_name(f->rating)) : std::string());
        any_feedback = any_feedback || f.has_value();
    }
    if (any_feedback) {
        r.columns.push_back({"community_feedback", "社区反馈"});
        for (std::size_t i = 0; i < r.rows.size(); ++i)
            r.rows[i].push_back(feedback[i]);
    }
    return show_report(ctx, r, vm);
}

// --- eval list, eval grades

void list_options(po::options_description& d, po::positional_options_description&) {
    add_scope_option(d);
    d.add_options()("year", po::value<int>()->value_name("YEAR"), "only campaigns of this year");
    add_output_options(d, "text|csv|json");
}

std::optional<int> year_of(po::variables_map const& vm) {
    return vm.count("year") ? std::optional<int>(vm["year"].as<int>()) : std::nullopt;
}

int run_list(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open_read();
    auto const where = scope_of(s, vm);
    auto r = make_report("民主评议 (campaigns)", "民主评议",
                         {{"id", "编号", true},
                          {"org", "党组织"},
                          {"year", "年度", true},
                          {"phase", "步骤"},
                          {"began", "开始日期"},
                          {"closed", "结束日期"}});
    for (auto const& c : campaigns(s, where, year_of(vm)))
        r.rows.push_back({std::to_string(c.id.value()), c.org_name, std::to_string(c.year),
                          phase_text(c.phase), format_date(c.began),
                          c.closed_on ? format_date(*c.closed_on) : ""});
    r.meta = {{"范围", io::describe_scope(s, where)}, {"评议", std::to_string(r.rows.size())}};
    return show_report(ctx, r, vm);
}

int run_grades(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open_read();
    auto const where = scope_of(s, vm);
    auto r = make_report("民主评议等次分布 (grade distribution)", "评议等次",
                         {{"id", "评议编号", true},
                          {"org", "党组织"},
                          {"year", "年度", true},
                          {"excellent", "优秀", true},
                          {"qualified", "合格", true},
                          {"basic", "基本合格", true},
                          {"unqualified", "不合格", true},
                          {"pending", "待评定", true},
                          {"probationary", "预备党员", true},
                          {"exempted", "不参加评议", true},
                          {"denominator", "正式党员", true},
                          {"cap", "优秀上限", true},
                          {"share", "优秀比例%", true}});
    r.meta = {{"范围", io::describe_scope(s, where)},
              {"口径",
               "组织关系在本支部的党员的评定等次 (含流入地评定后转回的); 优秀比例的基数为组织关系在本支部的"
               "正式党员 (eval.excellent_share_cap)"}};
    for (auto const& g : grade_distributions(s, where, year_of(vm))) {
        char share[32];
        std::snprintf(share, sizeof share, "%.1f", 100.0 * g.excellent_share);
        r.rows.push_back({std::to_string(g.campaign.value()), g.org_name, std::to_string(g.year),
                          std::to_string(g[grade::excellent]), std::to_string(g[grade::qualified]),
                          std::to_string(g[grade::basically_qualified]),
                          std::to_string(g[grade::unqualified]), std::to_string(g.pending),
                          std::to_string(g.probationary), std::to_string(g.exempted),
                          std::to_string(g.denominator), std::to_string(g.excellent_cap), share});
    }
    return show_report(ctx, r, vm);
}

[[maybe_unused]] bool const registered_open = register_command({
    .name = "eval open",
    .summary = "open a branch's democratic evaluation (民主评议党员) for a year, with its roll",
    .description = "The campaign begins with 学习教育 on --date; the branch's members on that date (normal\n"
                   "standing, with their status) are put on the roll unless --no-roster. One campaign per\n"
                   "branch and year.",
    .examples = "  dangyuan eval open --org 甸柳社区党支部 --year 2025 --date 2025-12-16",
    .options = open_options,
    .run = run_open,
});

[[maybe_unused]] bool const registered_phase = register_command({
    .name = "eval phase",
    .summary = "begin the next step of a campaign (eval.phase_order)",
    .arguments = "CAMPAIGN PHASE",
    .description =
        "学习教育 → 自我评价 → 个人自评 → 党员互评 → 民主测评 → 组织考察 → 表彰和处理 → closed; no step\n"
        "may be skipped.",
    .examples = "  dangyuan eval phase 1 self_assessment --date 2025-12-22\n  dangyuan eval phase 1 民主测评 "
                "--date 2026-01-08",
    .options = phase_options,
    .run = run_phase,
});

[[maybe_unused]] bool const registered_self = register_command({
    .name = "eval self",
    .summary = "a member hands in the written self-assessment (党性分析, eval.party_spirit_analysis)",
    .arguments = "CAMPAIGN MEMBER",
    .description = "Recorded during 自我评价 or 个人自评.",
    .examples = "  dangyuan eval self 1 张建国 --date 2025-12-26 --summary 党性分析材料",
    .options = self_options,
    .run = run_self,
});

[[maybe_unused]] bool const registered_ballots = register_command({
    .name = "eval ballots",
    .summary = "count a sitting's ballots (民主测评); stored as tallies, not as who chose what",
    .arguments = "CAMPAIGN",
    .description = "Only during 民主测评 (eval.ballot_in_appraisal); one ballot per evaluator and member\n"
                   "(eval.one_ballot_per_evaluator); probationary members are not graded\n"
                   "(eval.probationary_not_graded). All or nothing.",
    .examples = "  dangyuan eval ballots 1 --date 2026-01-08 --ballot 12:15:优秀 --ballot 15:12:合格\n"
                "  dangyuan eval ballots 1 --date 2026-01-08 --file 测评票.csv",
    .options = ballots_options,
    .run = run_ballots,
});

[[maybe_unused]] bool const registered_propose = register_command({
    .name = "eval propose",
    .summary = "the committee proposes a member's grade (组织考察)",
    .arguments = "CAMPAIGN MEMBER GRADE",
    .description = "During 组织考察; a later proposal replaces an earlier one and must be conveyed again.",
    .examples = "  dangyuan eval propose 1 张建国 优秀 --date 2026-01-13 --basis 测评结果和平时表现",
    .options = propose_options,
    .run = run_propose,
});

[[maybe_unused]] bool const registered_inform = register_command({
    .name = "eval inform",
    .summary = "the proposal is conveyed to the member (反馈本人)",
    .arguments = "CAMPAIGN MEMBER",
    .description =
        "A 不合格 needs its proposal conveyed before the decision (eval.unqualified_needs_assessment).",
    .examples = "  dangyuan eval inform 1 张建国 --date 2026-01-14 --by 支部书记",
    .options = inform_options,
    .run = run_inform,
});

[[maybe_unused]] bool const registered_decide = register_command({
    .name = "eval decide",
    .summary = "decide a member's grade for the year (eval.grade_by_decision, eval.one_grade_per_year)",
    .arguments = "CAMPAIGN MEMBER GRADE",
    .description = "On the committee's proposal, once per member and year across the store; 优秀 within\n"
                   "1/3 of the full members unless --over-cap-reason (eval.excellent_share_cap); a branch\n"
                   "meeting's vote, when given, needs quorum and majority (vote.*).",
    .examples = "  dangyuan eval decide 1 张建国 优秀 --date 2026-01-16 --entitled 20 --present 18 --yes 17",
    .options = decide_options,
    .run = run_decide,
});

[[maybe_unused]] bool const registered_follow_up = register_command({
    .name = "eval follow-up",
    .summary = "follow a grade up in 表彰和处理 (eval.follow_up)",
    .arguments = "CAMPAIGN MEMBER KIND",
    .description = "表扬 answers 优秀, 鼓励 合格, 帮助改进 基本合格, 批评教育 or 组织处置 不合格.",
    .examples = "  dangyuan eval follow-up 1 张建国 commended --date 2026-01-20",
    .options = follow_up_options,
    .run = run_follow_up,
});

[[maybe_unused]] bool const registered_show = register_command({
    .name = "eval show",
    .summary = "a campaign's roll: self-assessments, tallies, proposals, grades, follow-ups",
    .arguments = "CAMPAIGN",
    .description = "As on --as-of (records dated later are left out).",
    .examples = "  dangyuan eval show 1 --as-of 2026-02-01",
    .options = show_options,
    .run = run_show,
});

[[maybe_unused]] bool const registered_list = register_command({
    .name = "eval list",
    .summary = "the campaigns of a scope, with their current step",
    .description = "Campaigns of the organisations in scope, by year then organisation.",
    .examples = "  dangyuan eval list --year 2025",
    .options = list_options,
    .run = run_list,
});

[[maybe_unused]] bool const registered_grades = register_command({
    .name = "eval grades",
    .summary = "the grade distribution per campaign, with the 优秀 share and its cap",
    .description = "Final grades of the members whose organisational relationship is in the branch; the\n"
                   "denominator of the 优秀 share is its full members (eval.excellent_share_cap).",
    .examples = "  dangyuan eval grades --year 2025 --format csv",
    .options = list_options,
    .run = run_grades,
});

}  // namespace
}  // namespace dangyuan::cli::cmd_eval
