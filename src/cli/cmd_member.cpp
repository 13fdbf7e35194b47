// dangyuan member add / show / list.

#include <algorithm>
#include <ostream>

#include "cli/common.hpp"
#include "cli/report_issues.hpp"
#include "dangyuan/core/calendar.hpp"
#include "dangyuan/core/errors.hpp"
#include "dangyuan/io/import.hpp"
#include "dangyuan/io/reports.hpp"
#include "dangyuan/io/roster.hpp"
#include "dangyuan/io/text.hpp"

namespace dangyuan::cli::cmd_member {
namespace {

// --- member add: one option per importable roster column, so that it accepts exactly what an import
// row accepts and checks it the same way.

std::string option_name(io::roster_column const& c) {
    std::string n(c.key);
    std::replace(n.begin(), n.end(), '_', '-');
    return n;
}

void member_add_options(po::options_description& d, po::positional_options_description&) {
    for (auto const& c : io::roster_columns()) {
        if (!c.importable) continue;
        auto const help = std::string(c.title) +
                          (c.field == io::roster_field::branch ? ": organisation id or exact name" : "") +
                          (c.field == io::roster_field::backfilled ? ": 是 / 否" : "");
        d.add_options()(option_name(c).c_str(), po::value<std::string>()->value_name("VALUE"), help.c_str());
    }
    add_why_option(d);
}

int run_member_add(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    std::vector<std::string> header, row;
    for (auto const& c : io::roster_columns()) {
        if (!c.importable || !vm.count(option_name(c))) continue;
        header.emplace_back(c.key);
        row.push_back(vm[option_name(c)].as<std::string>());
    }
    if (header.empty()) throw usage_error("give the member's fields as options (see --help)");
    auto plan = io::plan_rows(s, 0, header, {{1, row}}, false);
    if (!plan.issues.empty()) {
        for (auto& i : plan.issues)  // name the option, not the column
            for (auto const& c : io::roster_columns())
                if (i.column == c.key || i.column == c.title) i.column = "--" + option_name(c);
        print_issues(*ctx.err, plan.issues, false);
        return exit_failure;
    }
    if (plan.inserts.empty()) {
        *ctx.out << "already in the store, unchanged\n";
        return exit_ok;
    }
    auto const result = io::commit_import(s, plan, why_of(vm));
    *ctx.out << "added member " << result.added.front().value() << ": " << plan.inserts.front().record.name
             << '\n';
    return exit_ok;
}

// --- member show

void member_show_options(po::options_description& d, po::positional_options_description& p) {
    d.add_options()("member", po::value<std::string>()->required()->value_name("KEY"),
                    "member id, ID number (公民身份号码) or exact name");
    p.add("member", 1);
    add_as_of_option(d, "status, standing and party age on this date");
    add_unmasked_options(d);
    add_output_options(d, "text|json");
}

int run_member_show(context& ctx, po::variables_map const& vm) {
    auto& s = vm.count("unmasked") ? ctx.open() : ctx.open_read();
    auto const m = member_option(s, vm, "member");
    auto const as_of = as_of_date(vm);
    bool const unmasked = unmasked_access(s, vm);
    io::org_directory const orgs(s.orgs());
    auto r = key_value_report("党员信息: " + m.name, "党员");
    for (auto const& c : io::roster_columns()) {
        if (c.field == io::roster_field::status || c.field == io::roster_field::standing ||
            c.field == io::roster_field::party_age)
            continue;
        r.rows.push_back({std::string(c.title), io::cell_text(m, c.field, orgs, !unmasked)});
    }
    auto const history = s.standing_history(m.id);
    auto const status = m.status_on(as_of);
    auto const st = standing_on(m, history, as_of);
    auto const age = party_age_on(m, history, as_of, s.rules());
    auto const on = " (" + format_date(as_of) + ")";
    r.rows.push_back({"人员状态" + on, status ? std::string(chinese_name(*status)) : "尚未入党"});
    std::string standing_text = "正常";
    if (st && st->state == standing_state::suspended) standing_text = "停止党籍";
    if (st && st->state == standing_state::exited)
        standing_text = "已出党 (" + std::string(chinese_name(*st->last_event)) + ")";
    r.rows.push_back({"党籍状态" + on, standing_text});
    r.rows.push_back({"党龄" + on, age ? std::to_string(*age) + " 年" : "无 (未转正)"});
    for (auto const& e : history)
        r.rows.push_back({"党籍变动", format_date(e.date) + " " + std::string(chinese_name(e.kind)) +
                                          (e.reason.empty() ? "" : ": " + e.reason) +
                                          (e.decided_by.empty() ? "" : " (" + e.decided_by + ")")});
    // Leadership seats in the member's branch and the organisations above it.
    for (auto const* o = orgs.find(m.branch); o; o = o->parent ? orgs.find(*o->parent) : nullptr)
        for (auto const& seat : s.leadership(o->id, as_of))
            if (seat.member == m.id)
                r.rows.push_back(
                    {"职务 (党内)", o->name + " " + std::string(chinese_name(seat.role)) +
                                        (seat.portfolio.empty() ? "" : " (" + seat.portfolio + ")")});
    record_unmasked(s, vm, "member " + std::to_string(m.id.value()), 1);
    return show_report(ctx, r, vm);
}

// --- member list

void member_list_options(po::options_description& d, po::positional_options_description&) {
    add_scope_options(d, "the members on the roster on this date");
    add_sort_option(d);
    d.add_options()("all-columns", "every roster column in text output (CSV and JSON always have them)");
    add_unmasked_options(d);
    add_output_options(d, "text|csv|json");
}

int run_member_list(context& ctx, po::variables_map const& vm) {
    auto& s = vm.count("unmasked") ? ctx.open() : ctx.open_read();
    io::roster_request req;
    req.where = scope_of(s, vm);
    req.as_of = as_of_date(vm);
    req.order = sort_of(vm);
    req.brief = text_output(vm) && !vm.count("all-columns");
    req.masked = !unmasked_access(s, vm);
    auto const roster = io::roster_report(s, req, progress_to_stderr("roster"));
    record_unmasked(s, vm, "member list", roster.rows.size());
    return show_report(ctx, roster, vm);
}

[[maybe_unused]] bool const registered_add = register_command({
    .name = "member add",
    .summary = "add one member (the checks of an import row apply)",
    .description =
        "Each option is a roster column (the same names as in an import file). Sex and birth date\n"
        "default to those of the ID number; --joined-branch to the later of the admission date and\n"
        "the branch's establishment. Problems name the option and the rule.",
    .examples = "  dangyuan member add --name 张建国 --id-number 370102198001011231 --ethnicity 汉族 \\\n"
                "      --branch 甸柳社区党支部 --application-date 2004-03-01 --admission-date 2005-07-01 \\\n"
                "      --full-member-date 2006-07-01",
    .options = member_add_options,
    .run = run_member_add,
});

[[maybe_unused]] bool const registered_show = register_command({
    .name = "member show",
    .summary = "show one member: record, status, standing, party age, leadership seats",
    .arguments = "ID|ID-NUMBER|NAME",
    .description = "ID numbers, birth dates, phones and addresses are masked (docs/security.md) unless\n"
                   "--unmasked --why REASON is given (recorded in the audit trail).",
    .examples = "  dangyuan member show 42\n  dangyuan member show 张建国 --as-of 2026-11-26",
    .options = member_show_options,
    .run = run_member_show,
});

[[maybe_unused]] bool const registered_list = register_command({
    .name = "member list",
    .summary = "the name list (党员名册), sorted by surname strokes (or pinyin)",
    .description = "Members on the roster on the date, in the scope (see `dangyuan stats --help` for who\n"
                   "counts). Text output shows the main columns; CSV and JSON carry every column, masked.",
    .examples = "  dangyuan member list --org 甸柳社区党支部\n"
                "  dangyuan member list --sort pinyin --format csv -o 名册.csv",
    .options = member_list_options,
    .run = run_member_list,
});

}  // namespace
}  // namespace dangyuan::cli::cmd_member
