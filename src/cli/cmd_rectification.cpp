// dangyuan rectify …: the rectification of weak organisations (软弱涣散党组织, 后进社区整顿) — designate an
// organisation with its reasons (列入整顿), assign the contacts of 四联四帮, add and complete the plan's
// milestones, record public commitments (公开式承诺) and open evaluations (开放式评价), the acceptance
// review (验收) and the removal from the list (销号); show one designation, list those of a scope and
// count a year.

#include <ostream>

#include "cli/common.hpp"
#include "cli/record_options.hpp"
#include "dangyuan/core/calendar.hpp"
#include "dangyuan/core/errors.hpp"
#include "dangyuan/io/reports.hpp"
#include "dangyuan/io/text.hpp"
#include "dangyuan/storage/rectification_store.hpp"

namespace dangyuan::cli::cmd_rectification {
namespace {

rectification_id designation_id(po::variables_map const& vm) {
    return id_argument<rectification_id>(vm, "rectification");
}

int count_option(po::variables_map const& vm, char const* name) {
    return vm.count(name) ? parse_count(vm[name].as<std::string>(), name) : 0;
}

std::string reasons_text(rectification const& r) {
    std::string out;
    for (auto const x : r.reasons)
        out += (out.empty() ? "" : "、") + std::string(chinese_name(x));
    if (!r.other_reason.empty()) out += "（" + r.other_reason + "）";
    return out;
}

std::string state_of(rectification const& r) {
    if (r.removed_on) return "已销号 " + format_date(*r.removed_on);
    return "整顿中";
}

void add_id(po::options_description& d, po::positional_options_description& p) {
    add_id_argument(d, p, "rectification", "the designation id");
}

// --- rectify designate

void designate_options(po::options_description& d, po::positional_options_description& p) {
    d.add_options()(
        "org", po::value<std::string>()->value_name("ORG"),
        "the organisation designated: a branch, general branch or grassroots committee (required)")(
        "kind", po::value<std::string>()->value_name("KIND"),
        "weak_org (软弱涣散党组织, default) or lagging_community (后进社区)")(
        "batch", po::value<std::string>()->value_name("TEXT"), "the batch, e.g. 第七批")(
        "reason", po::value<std::vector<std::string>>()->value_name("REASON"),
        "a reason (repeat, or separate by commas; at least one): leadership_incomplete, secretary_unfit, "
        "org_life_irregular, member_management_weak, outside_interference, public_complaints, "
        "collective_economy_weak, rules_not_implemented, other; the Chinese names are read too")(
        "other-reason", po::value<std::string>()->value_name("TEXT"), "the text of reason other (其他)")(
        "note", po::value<std::string>()->value_name("TEXT"), "a note, e.g. the decision's document number");
    add_date_option(d, "date", "the date of the designation (required)");
    add_why_option(d);
    (void)p;
}

int run_designate(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    require_options(vm, {"org", "date"});
    rectification_designation d;
    auto const o = org_option(s, vm, "org");
    d.org = o.id;
    d.date = date_option(vm, "date");
    if (vm.count("kind")) d.kind = parse_enum_or_throw<rectification_kind>(io::trim(text_option(vm, "kind")));
    d.batch = text_option(vm, "batch");
    if (vm.count("reason"))
        for (auto const& text : vm["reason"].as<std::vector<std::string>>()) {
            std::size_t at = 0;
            while (at <= text.size()) {
                auto const comma = text.find(',', at);
                auto const end = comma == std::string::npos ? text.size() : comma;
                std::string const one(io::trim(std::string_view(text).substr(at, end - at)));
                if (!one.empty()) d.reasons.push_back(parse_enum_or_throw<rectification_reason>(one));
                at = end + 1;
            }
        }
    d.other_reason = text_option(vm, "other-reason");
    d.note = text_option(vm, "note");
    auto const id = designate_for_rectification(s, d, why_of(vm));
    auto const r = get_rectification(s, id);
    *ctx.out << "rectification " << id.value() << ": " << o.name << " designated " << labelled(d.kind)
             << " on " << format_date(d.date) << " (" << reasons_text(r) << ")";
    if (auto const due = rectification_deadline(d.date, rectification_rules(s, r).rectification.max_months))
        *ctx.out << "; to be removed (销号) by " << format_date(*due);
    *ctx.out << '\n';
    return exit_ok;
}

// --- rectify contact

void contact_options(po::options_description& d, po::positional_options_description& p) {
    add_id(d, p);
    d.add_options()("kind", po::value<std::string>()->value_name("KIND"),
                    "district_leader (区级领导分包联系), district_department (区直部门定向联系), "
                    "first_secretary (第一书记定点联系) or paired_community (先进社区结对联系) (required)")(
        "name", po::value<std::string>()->value_name("TEXT"), "the leader, department or first secretary")(
        "paired", po::value<std::string>()->value_name("ORG"), "the paired advanced organisation")(
        "note", po::value<std::string>()->value_name("TEXT"), "a note");
    add_date_option(d, "from", "the contact's first day (required)");
    add_date_option(d, "to", "its last day, if ended");
    add_why_option(d);
}

int run_contact(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    require_options(vm, {"kind", "from"});
    auto const id = designation_id(vm);
    rectification_contact c;
    c.kind = parse_enum_or_throw<rectification_contact_kind>(io::trim(text_option(vm, "kind")));
    c.name = text_option(vm, "name");
    if (vm.count("paired")) c.org = org_option(s, vm, "paired").id;
    c.start = date_option(vm, "from");
    c.end = optional_date(vm, "to");
    c.note = text_option(vm, "note");
    assign_rectification_contact(s, id, c, why_of(vm));
    auto const r = get_rectification(s, id);
    *ctx.out << "rectification " << id.value() << " (" << r.org_name << "): " << labelled(c.kind) << " "
             << r.contacts.back().name << " from " << format_date(c.start);
    auto const missing = missing_contact_kinds(r, c.start);
    if (!missing.empty()) {
        *ctx.out << "; still missing:";
        for (auto const k : missing)
            *ctx.out << ' ' << chinese_name(k);
    }
    *ctx.out << '\n';
    return exit_ok;
}

// --- rectify milestone / complete

void milestone_options(po::options_description& d, po::positional_options_description& p) {
    add_id(d, p);
    d.add_options()("text", po::value<std::string>()->value_name("TEXT"), "what is to be done (required)")(
        "note", po::value<std::string>()->value_name("TEXT"), "a note");
    add_date_option(d, "due", "the due day, after the designation (required)");
    add_why_option(d);
}

int run_milestone(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    require_options(vm, {"text", "due"});
    auto const id = designation_id(vm);
    rectification_milestone m;
    m.text = text_option(vm, "text");
    m.due = date_option(vm, "due");
    m.note = text_option(vm, "note");
    auto const n = add_rectification_milestone(s, id, m, why_of(vm));
    *ctx.out << "rectification " << id.value() << ": milestone " << n << " '" << m.text << "' due "
             << format_date(m.due) << '\n';
    return exit_ok;
}

void complete_options(po::options_description& d, po::positional_options_description& p) {
    add_id(d, p);
    d.add_options()("milestone", po::value<std::string>()->value_name("N"),
                    "the milestone's number (required)");
    p.add("milestone", 1);
    add_date_option(d, "date", "the day it was completed (required)");
    add_why_option(d);
}

int run_complete(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    require_options(vm, {"milestone", "date"});
    auto const id = designation_id(vm);
    auto const n = count_option(vm, "milestone");
    auto const on = date_option(vm, "date");
    complete_rectification_milestone(s, id, n, on, why_of(vm));
    *ctx.out << "rectification " << id.value() << ": milestone " << n << " completed on " << format_date(on)
             << '\n';
    return exit_ok;
}

// --- rectify commit / evaluate

void commit_options(po::options_description& d, po::positional_options_description& p) {
    add_id(d, p);
    d.add_options()("text", po::value<std::string>()->value_name("TEXT"), "the commitment (required)");
    add_date_option(d, "date", "the day it was made public (required)");
    add_why_option(d);
}

int run_commit(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    require_options(vm, {"text", "date"});
    auto const id = designation_id(vm);
    rectification_commitment const c{date_option(vm, "date"), text_option(vm, "text")};
    record_rectification_commitment(s, id, c, why_of(vm));
    *ctx.out << "rectification " << id.value() << ": public commitment (公开式承诺) of "
             << format_date(c.date) << '\n';
    return exit_ok;
}

void evaluate_options(po::options_description& d, po::positional_options_description& p) {
    add_id(d, p);
    d.add_options()("evaluator", po::value<std::string>()->value_name("WHO"),
                    "masses (群众), members (党员) or superior (上级) (required)")(
        "satisfied", po::value<std::string>()->value_name("N"), "满意")(
        "basically-satisfied", po::value<std::string>()->value_name("N"), "基本满意")(
        "dissatisfied", po::value<std::string>()->value_name("N"), "不满意")(
        "note", po::value<std::string>()->value_name("TEXT"), "a note");
    add_date_option(d, "date", "the day of the evaluation (required)");
    add_why_option(d);
}

int run_evaluate(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    require_options(vm, {"evaluator", "date"});
    auto const id = designation_id(vm);
    rectification_evaluation e;
    e.date = date_option(vm, "date");
    e.evaluator = parse_enum_or_throw<rectification_evaluator>(io::trim(text_option(vm, "evaluator")));
    e.satisfied = count_option(vm, "satisfied");
    e.basically_satisfied = count_option(vm, "basically-satisfied");
    e.dissatisfied = count_option(vm, "dissatisfied");
    e.note = text_option(vm, "note");
    record_rectification_evaluation(s, id, e, why_of(vm));
    *ctx.out << "rectification " << id.value() << ": open evaluation (开放式评价) by "
             << labelled(e.evaluator) << " on " << format_date(e.date) << ": " << e.satisfied << " 满意, "
             << e.basically_satisfied << " 基本满意, " << e.dissatisfied << " 不满意\n";
    return exit_ok;
}

// --- rectify review / remove

void review_options(po::options_description& d, po::positional_options_description& p) {
    add_id(d, p);
    d.add_options()("result", po::value<std::string>()->value_name("RESULT"),
                    "passed (通过) or failed (未通过) (required)")(
        "note", po::value<std::string>()->value_name("TEXT"), "the conclusion");
    add_date_option(d, "date", "the day of the acceptance review (验收, required)");
    add_why_option(d);
}

int run_review(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    require_options(vm, {"result", "date"});
    auto const id = designation_id(vm);
    rectification_review const v{date_option(vm, "date"),
                                 parse_enum_or_throw<acceptance_result>(io::trim(text_option(vm, "result"))),
                                 text_option(vm, "note")};
    review_rectification(s, id, v, why_of(vm));
    *ctx.out << "rectification " << id.value() << ": acceptance review (验收) on " << format_date(v.date)
             << ' ' << labelled(v.result) << '\n';
    return exit_ok;
}

void remove_options(po::options_description& d, po::positional_options_description& p) {
    add_id(d, p);
    add_date_option(d, "date", "the day of the removal (销号, required)");
    add_why_option(d);
}

int run_remove(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    require_options(vm, {"date"});
    auto const id = designation_id(vm);
    auto const on = date_option(vm, "date");
    remove_from_rectification(s, id, on, why_of(vm));
    *ctx.out << "rectification " << id.value() << " (" << get_rectification(s, id).org_name
             << "): removed from the list (销号) on " << format_date(on) << '\n';
    return exit_ok;
}

// --- rectify show

void show_options(po::options_description& d, po::positional_options_description& p) {
    add_id(d, p);
    add_output_options(d, "text|csv|json");
}

int run_show(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open_read();
    auto const r = get_rectification(s, designation_id(vm));
    auto rep =
        make_report("整顿 " + r.org_name, "整顿", {{"date", "日期"}, {"kind", "类别"}, {"details", "内容"}});
    rep.rows.push_back({format_date(r.designated_on), "列入整顿 (designated)",
                        labelled(r.kind) + (r.batch.empty() ? "" : " " + r.batch) + "; " + reasons_text(r)});
    for (auto const& c : r.contacts)
        rep.rows.push_back(
            {format_date(c.start), "四联四帮 (contact)",
             labelled(c.kind) + ": " + c.name + (c.end ? " 至 " + format_date(*c.end) : std::string())});
    for (auto const& m : r.milestones) {
        rep.rows.push_back(
            {format_date(m.due), "整改事项到期 (milestone due)", std::to_string(m.number) + ". " + m.text});
        if (m.completed_on)
            rep.rows.push_back({format_date(*m.completed_on), "整改事项完成 (milestone completed)",
                                std::to_string(m.number) + ". " + m.text});
    }
    for (auto const& c : r.commitments)
        rep.rows.push_back({format_date(c.date), "公开式承诺 (commitment)", c.text});
    for (auto const& e : r.evaluations)
        rep.rows.push_back({format_date(e.date), "开放式评价 (evaluation)",
                            labelled(e.evaluator) + ": 满意 " + std::to_string(e.satisfied) + ", 基本满意 " +
                                std::to_string(e.basically_satisfied) + ", 不满意 " +
                                std::to_string(e.dissatisfied)});
    for (auto const& v : r.reviews)
        rep.rows.push_back({format_date(v.date), "验收 (review)",
                            labelled(v.result) + (v.note.empty() ? "" : "; " + v.note)});
    if (r.removed_on) rep.rows.push_back({format_date(*r.removed_on), "销号 (removed)", ""});
    std::stable_sort(rep.rows.begin(), rep.rows.end(),
                     [](auto const& a, auto const& b) { return a.front() < b.front(); });
    rep.meta = {{"党组织", r.org_name}, {"编号", std::to_string(r.id.value())}, {"状态", state_of(r)}};
    // Judged by the rule set the designation was made under.
    if (auto const due =
            rectification_deadline(r.designated_on, rectification_rules(s, r).rectification.max_months))
        rep.meta.emplace_back("销号期限", format_date(*due));
    rep.meta.emplace_back("规则集", r.rule_set_name);
    return show_report(ctx, rep, vm);
}

// --- rectify list

void list_options(po::options_description& d, po::positional_options_description& p) {
    scoped_year_options(d, p, "only the designations of this year");
}

int run_list(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open_read();
    auto const where = scope_of(s, vm);
    auto const year = optional_year(vm);
    auto rep = make_report("整顿 (rectifications)", "整顿",
                           {{"id", "编号", true},
                            {"org", "党组织"},
                            {"kind", "类别"},
                            {"batch", "批次"},
                            {"designated", "列入日期"},
                            {"reasons", "原因"},
                            {"milestones", "整改事项 完成/总数"},
                            {"state", "状态"}});
    for (auto const& r : rectifications(s, where, year)) {
        int done = 0;
        for (auto const& m : r.milestones)
            done += m.completed_on ? 1 : 0;
        rep.rows.push_back({std::to_string(r.id.value()), r.org_name, std::string(chinese_name(r.kind)),
                            r.batch, format_date(r.designated_on), reasons_text(r),
                            std::to_string(done) + "/" + std::to_string(r.milestones.size()), state_of(r)});
    }
    rep.meta = scope_count_meta(s, where, "数量", rep.rows.size());
    return show_report(ctx, rep, vm);
}

// --- rectify stats

int run_stats(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open_read();
    auto const year = required_year(vm);
    auto const where = scope_of(s, vm);
    auto const st = rectification_statistics_of(s, year, where);
    auto rep = figures_report("整顿 " + std::to_string(st.year), "整顿");
    rep.rows.push_back({"列入整顿 (designated)", std::to_string(st.designated)});
    for (auto const k : enum_values<rectification_kind>())
        rep.rows.push_back(
            {"列入整顿 " + labelled(k), std::to_string(st.designated_by_kind[static_cast<std::size_t>(k)])});
    for (auto const x : enum_values<rectification_reason>())
        rep.rows.push_back(
            {"原因 " + labelled(x), std::to_string(st.designated_by_reason[static_cast<std::size_t>(x)])});
    rep.rows.push_back({"销号 (removed)", std::to_string(st.removed)});
    rep.rows.push_back({"年末仍在整顿 (open at year end)", std::to_string(st.open_at_year_end)});
    rep.rows.push_back({"年末超期 (overdue at year end)", std::to_string(st.overdue_at_year_end)});
    rep.rows.push_back({"整改事项到期 (milestones due)", std::to_string(st.milestones_due)});
    rep.rows.push_back({"按期完成 (completed on time)", std::to_string(st.milestones_completed_on_time)});
    rep.rows.push_back({"本年完成 (completed in the year)", std::to_string(st.milestones_completed)});
    rep.meta = scope_year_meta(s, where, st.year);
    return show_report(ctx, rep, vm);
}

[[maybe_unused]] bool const registered_designate = register_command({
    .name = "rectify designate",
    .summary = "designate an organisation for rectification (列入整顿: 软弱涣散党组织 or 后进社区)",
    .description = "The organisation exists on the date (rectification.org_exists); one open designation\n"
                   "per organisation (rectification.one_open_designation); at least one reason.",
    .examples = "  dangyuan rectify designate --org 东村党支部 --date 2025-03-01 --kind lagging_community "
                "--batch 第七批 --reason secretary_unfit --reason 组织生活不正常",
    .options = designate_options,
    .run = run_designate,
});

[[maybe_unused]] bool const registered_contact = register_command({
    .name = "rectify contact",
    .summary = "assign a contact of 四联四帮 to a designation",
    .arguments = "RECTIFICATION",
    .description =
        "All four kinds within rectification.contacts_days days (rectification.contacts_assigned);\n"
        "the paired community is an existing organisation not itself on the list\n"
        "(rectification.paired_community_eligible).",
    .examples =
        "  dangyuan rectify contact 1 --kind first_secretary --name 刘明 --from 2025-03-10\n"
        "  dangyuan rectify contact 1 --kind paired_community --paired 第一社区党支部 --from 2025-03-10",
    .options = contact_options,
    .run = run_contact,
});

[[maybe_unused]] bool const registered_milestone = register_command({
    .name = "rectify milestone",
    .summary = "add a milestone to the rectification plan (整顿方案)",
    .arguments = "RECTIFICATION",
    .description = "Due after the designation (rectification.milestone_after_designation).",
    .examples = "  dangyuan rectify milestone 1 --text 配齐班子 --due 2025-06-30",
    .options = milestone_options,
    .run = run_milestone,
});

[[maybe_unused]] bool const registered_complete = register_command({
    .name = "rectify complete",
    .summary = "record a milestone of the plan completed",
    .arguments = "RECTIFICATION MILESTONE",
    .examples = "  dangyuan rectify complete 1 1 --date 2025-06-20",
    .options = complete_options,
    .run = run_complete,
});

[[maybe_unused]] bool const registered_commit = register_command({
    .name = "rectify commit",
    .summary = "record a public commitment (公开式承诺)",
    .arguments = "RECTIFICATION",
    .examples = "  dangyuan rectify commit 1 --date 2025-03-15 --text 三个月内配齐班子",
    .options = commit_options,
    .run = run_commit,
});

[[maybe_unused]] bool const registered_evaluate = register_command({
    .name = "rectify evaluate",
    .summary = "record an open evaluation (开放式评价): 满意 / 基本满意 / 不满意 tallies",
    .arguments = "RECTIFICATION",
    .examples = "  dangyuan rectify evaluate 1 --date 2025-12-01 --evaluator 群众 --satisfied 40 "
                "--basically-satisfied 8 --dissatisfied 2",
    .options = evaluate_options,
    .run = run_evaluate,
});

[[maybe_unused]] bool const registered_review = register_command({
    .name = "rectify review",
    .summary = "record an acceptance review (验收): passed or failed",
    .arguments = "RECTIFICATION",
    .examples = "  dangyuan rectify review 1 --date 2025-12-10 --result passed",
    .options = review_options,
    .run = run_review,
});

[[maybe_unused]] bool const registered_remove = register_command({
    .name = "rectify remove",
    .summary = "remove an organisation from the rectification list (销号)",
    .arguments = "RECTIFICATION",
    .description = "Only after a passed acceptance review with every milestone completed\n"
                   "(rectification.removal_after_acceptance).",
    .examples = "  dangyuan rectify remove 1 --date 2025-12-20",
    .options = remove_options,
    .run = run_remove,
});

[[maybe_unused]] bool const registered_show = register_command({
    .name = "rectify show",
    .summary = "one designation with its contacts, milestones, commitments, evaluations and reviews",
    .arguments = "RECTIFICATION",
    .examples = "  dangyuan rectify show 1",
    .options = show_options,
    .run = run_show,
});

[[maybe_unused]] bool const registered_list = register_command({
    .name = "rectify list",
    .summary = "the designations for rectification of a scope",
    .examples = "  dangyuan rectify list --org 城关街道党工委 --year 2025",
    .options = list_options,
    .run = run_list,
});

[[maybe_unused]] bool const registered_stats = register_command({
    .name = "rectify stats",
    .summary =
        "designations by kind and reason, removals, open and overdue designations, milestones of a year",
    .examples = "  dangyuan rectify stats --year 2025 --org 城关街道党工委",
    .options = year_figures_options,
    .run = run_stats,
});

}  // namespace
}  // namespace dangyuan::cli::cmd_rectification
