// dangyuan eval disposition open / step / list: the disposition of unqualified members
// (不合格党员组织处置): correction within a time limit (限期改正), persuasion to withdraw (劝其退党),
// removal (除名).

#include <ostream>

#include "cli/common.hpp"
#include "dangyuan/core/calendar.hpp"
#include "dangyuan/core/errors.hpp"
#include "dangyuan/io/reports.hpp"
#include "dangyuan/io/text.hpp"
#include "dangyuan/storage/evaluation_store.hpp"

namespace dangyuan::cli::cmd_disposition {
namespace {

std::string outcome_chinese(disposition_outcome o) {
    constexpr std::array<std::string_view, 10> names{"处置中",   "未通过",     "已撤销",     "限期改正中",
                                                     "已改正",   "期满无转变", "待答复劝退", "已退党",
                                                     "劝而不退", "已除名"};
    return std::string(names[static_cast<std::size_t>(o)]);
}

void say(context& ctx, store const& s, member const& m, std::string const& matter, std::string_view kind,
         date::sys_days on) {
    auto const f = get_disposition_file(s, m.id);
    std::string where;
    for (auto const& d : dispositions_of(f, s.rules()))
        if (d.matter == matter)
            where = std::string(chinese_name(d.form)) + ", " + outcome_chinese(d.outcome) + " (" +
                    std::string(to_string(d.outcome)) + ")";
    *ctx.out << m.name << " '" << matter << "': " << kind << " on " << format_date(on) << "; " << where
             << '\n';
}

// --- eval disposition open

void open_options(po::options_description& d, po::positional_options_description& p) {
    add_member_argument(d, p, "the member");
    add_date_option(d, "date", "the committee's proposal (required)");
    d.add_options()("matter", po::value<std::string>()->value_name("TEXT"),
                    "the matter, e.g. 2025年度民主评议不合格 (required)")(
        "ground", po::value<std::string>()->value_name("G"),
        "the ground (disposition.grounds): weak_ideals, religious_belief, passivity, "
        "org_life_or_dues_lapses, "
        "lost_contact_6_months_to_2_years, threatening_to_quit, no_change_after_correction, "
        "lost_member_conditions, six_months_inactive, suspended_unreachable_2_years, refused_to_withdraw "
        "(or the Chinese name; required)")("form", po::value<std::string>()->value_name("F"),
                                           "correction, persuasion or removal (default: the ground's)")(
        "proposed-by", po::value<std::string>()->value_name("TEXT"), "e.g. 第一党支部委员会")(
        "campaign", po::value<int>()->value_name("ID"),
        "the evaluation campaign that graded the member 不合格")(
        "already-disciplined", "the member was already disciplined for the matter (then refused)")(
        "rule-set", po::value<std::string>()->value_name("NAME"), "the rule set (default: the store's own)");
    add_why_option(d);
}

disposition_form parse_form(std::string const& text) {
    auto const t = io::ascii_lower(io::trim(text));
    if (auto const f = parse_enum<disposition_form>(t)) return *f;
    throw invalid_input("form", "'" + text + "' is not correction, persuasion or removal");
}

int run_open(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    auto const m = member_option(s, vm, "member");
    if (!vm.count("matter") || !vm.count("ground")) throw usage_error("--matter and --ground are required");
    disposition_opened r;
    r.date = date_option(vm, "date");
    r.matter = vm["matter"].as<std::string>();
    r.ground = parse_disposition_ground(io::trim(vm["ground"].as<std::string>()));
    r.form = vm.count("form") ? parse_form(vm["form"].as<std::string>()) : row_of(r.ground).form;
    r.status = m.status_on(r.date).value_or(member_status::full);
    r.proposed_by = text_option(vm, "proposed-by");
    if (vm.count("campaign")) r.campaign = campaign_id{vm["campaign"].as<int>()};
    r.already_disciplined = flag(vm, "already-disciplined");
    open_disposition(s, m.id, r, text_option(vm, "rule-set"), why_of(vm));
    say(ctx, s, m, r.matter, "disposition_opened", r.date);
    return exit_ok;
}

// --- eval disposition step

void step_options(po::options_description& d, po::positional_options_description& p) {
    add_member_argument(d, p, "the member");
    d.add_options()("kind", po::value<std::string>()->required()->value_name("KIND"),
                    "prior_filed, investigated, talk_held, branch_meeting_voted, disposition_approved, "
                    "correction_reviewed, persuasion_answered, disposition_dropped")(
        "date", po::value<std::string>()->value_name("DATE"), "the date (required)")(
        "matter", po::value<std::string>()->value_name("TEXT"), "the matter (required)")(
        "filed-with", po::value<std::string>()->value_name("TEXT"), "prior_filed: the grassroots committee")(
        "findings", po::value<std::string>()->value_name("TEXT"), "investigated: the findings")(
        "talkers", po::value<std::string>()->value_name("LIST"), "talk_held: the members who held the talk")(
        "approved-by", po::value<std::string>()->value_name("TEXT"), "disposition_approved: the committee")(
        "correct-until", po::value<std::string>()->value_name("DATE"),
        "disposition_approved of 限期改正: the end of the correction period")(
        "corrected", po::value<std::string>()->value_name("yes|no"), "correction_reviewed: the result")(
        "withdrew", po::value<std::string>()->value_name("yes|no"), "persuasion_answered: the answer")(
        "reason", po::value<std::string>()->value_name("TEXT"), "disposition_dropped: why")(
        "note", po::value<std::string>()->value_name("TEXT"), "a note");
    add_vote_options(d);
    add_why_option(d);
    p.add("kind", 1);
}

int run_step(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    auto const m = member_option(s, vm, "member");
    auto const on = date_option(vm, "date");
    require_options(vm, {"matter"});
    auto const matter = vm["matter"].as<std::string>();
    auto const kind = std::string(io::trim(vm["kind"].as<std::string>()));
    auto text = [&](char const* name) { return vm.count(name) ? vm[name].as<std::string>() : std::string(); };
    disposition_record r;
    if (kind == "prior_filed") {
        r = prior_filed{on, matter, text("filed-with")};
    } else if (kind == "investigated") {
        r = investigated{on, matter, text("findings")};
    } else if (kind == "talk_held") {
        std::vector<talker> talkers;
        if (vm.count("talkers"))
            for (auto const id : member_list(s, text("talkers"), "talkers"))
                talkers.push_back({id, s.get_member(id).status_on(on).value_or(member_status::full)});
        r = talk_held{on, matter, talkers, text("note")};
    } else if (kind == "branch_meeting_voted") {
        auto const v = vote_of(vm);
        if (!v) throw usage_error("branch_meeting_voted needs the vote: --entitled, --present, --yes");
        r = branch_meeting_voted{on, matter, *v};
    } else if (kind == "disposition_approved") {
        r = disposition_approved{on, matter, text("approved-by"), optional_date(vm, "correct-until")};
    } else if (kind == "correction_reviewed") {
        if (!vm.count("corrected")) throw usage_error("correction_reviewed needs --corrected yes|no");
        r = correction_reviewed{on, matter, parse_yes_no_value(text("corrected"), "corrected"), text("note")};
    } else if (kind == "persuasion_answered") {
        if (!vm.count("withdrew")) throw usage_error("persuasion_answered needs --withdrew yes|no");
        r = persuasion_answered{on, matter, parse_yes_no_value(text("withdrew"), "withdrew")};
    } else if (kind == "disposition_dropped") {
        r = disposition_dropped{on, matter, text("reason")};
    } else {
        throw invalid_input("kind", "unknown disposition step '" + kind + "' (see --help)");
    }
    record_disposition(s, m.id, r, why_of(vm));
    say(ctx, s, m, matter, kind, on);
    return exit_ok;
}

// --- eval disposition list

void list_options(po::options_description& d, po::positional_options_description&) {
    add_scope_options(d, "the dispositions as on this date");
    d.add_options()("all", "concluded dispositions too");
    add_output_options(d, "text|csv|json");
}

int run_list(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open_read();
    auto const where = scope_of(s, vm);
    auto const as_of = as_of_date(vm);
    io::org_directory const orgs(s.orgs());
    auto r = make_report("不合格党员组织处置 (dispositions)", "组织处置",
                         {{"member_id", "党员编号", true},
                          {"name", "姓名"},
                          {"org", "支部"},
                          {"matter", "事由"},
                          {"form", "处置方式"},
                          {"opened", "提出日期"},
                          {"outcome", "状态"},
                          {"deadline", "改正期限"},
                          {"next", "下一步"}});
    for (auto const& o : disposition_overviews(s, as_of, where, !vm.count("all"))) {
        auto const* b = orgs.find(o.org);
        r.rows.push_back({std::to_string(o.member.value()), o.member_name, b ? b->name : "", o.state.matter,
                          std::string(chinese_name(o.state.form)), format_date(o.state.opened),
                          outcome_chinese(o.state.outcome), o.deadline ? format_date(*o.deadline) : "",
                          o.next_step});
    }
    r.meta = dated_scope_meta(s, where, as_of, {{"件数", std::to_string(r.rows.size())}});
    return show_report(ctx, r, vm);
}

[[maybe_unused]] bool const registered_open = register_command({
    .name = "eval disposition open",
    .summary = "propose the disposition of an unqualified member (不合格党员组织处置)",
    .arguments = "MEMBER",
    .description = "The ground decides the form (disposition.grounds); not for probationary members\n"
                   "(disposition.not_for_probationary); one open disposition per matter\n"
                   "(disposition.no_double_disposition).",
    .examples =
        "  dangyuan eval disposition open 张建国 --date 2026-02-01 --matter 2025年度民主评议不合格 \\\n"
        "      --ground passivity --proposed-by 第一党支部委员会 --campaign 1",
    .options = open_options,
    .run = run_open,
});

[[maybe_unused]] bool const registered_step = register_command({
    .name = "eval disposition step",
    .summary = "record a step of a disposition: filing, investigation, talk, vote, approval, outcome",
    .arguments = "MEMBER KIND",
    .description =
        "In order (disposition.procedure_order): prior_filed and investigated, talk_held by two full\n"
        "members (disposition.talk_two_full_members), branch_meeting_voted (vote.*),\n"
        "disposition_approved; then correction_reviewed, persuasion_answered or\n"
        "disposition_dropped. A 劝退 or 除名 that takes effect records the standing event.",
    .examples = "  dangyuan eval disposition step 张建国 talk_held --date 2026-02-10 --matter "
                "2025年度民主评议不合格 \\\n"
                "      --talkers 12,15",
    .options = step_options,
    .run = run_step,
});

[[maybe_unused]] bool const registered_list = register_command({
    .name = "eval disposition list",
    .summary = "dispositions under way, with the correction deadline and the next step",
    .description = "Dispositions of members of the organisations in scope as on --as-of; --all includes the\n"
                   "concluded ones.",
    .examples = "  dangyuan eval disposition list --as-of 2026-11-26",
    .options = list_options,
    .run = run_list,
});

}  // namespace
}  // namespace dangyuan::cli::cmd_disposition
