// dangyuan unit … and dangyuan coverage stats: the register of units (单位) and their coverage by party
// organisations (两新组织党建覆盖) — add and close units, headcounts, an organisation covering a unit
// (单独组建 / 联合组建), instructors (选派党建指导员), members working in a unit, a unit's record, the
// units of a scope and the figures of a year.

#include <algorithm>
#include <cstdio>
#include <ostream>

#include "cli/common.hpp"
#include "cli/record_options.hpp"
#include "dangyuan/core/calendar.hpp"
#include "dangyuan/core/errors.hpp"
#include "dangyuan/io/reports.hpp"
#include "dangyuan/io/text.hpp"
#include "dangyuan/storage/coverage_store.hpp"

namespace dangyuan::cli::cmd_coverage {
namespace {

// The unit `text` names: its id, its credit code or its exact name (a name several units share is refused).
unit_record unit_of(store const& s, std::string const& raw_text, char const* field) {
    auto const text = std::string(io::trim(raw_text));
    if (text.empty()) throw invalid_input(field, "name a unit: its id, credit code or name");
    if (text.size() < 18 &&
        std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return get_unit(s, unit_id{std::stoll(text)});
    if (text.size() == 18)
        if (auto u = unit_by_code(s, text)) return *u;
    std::vector<unit_record> found;
    for (auto& u : units(s))
        if (u.name == text) found.push_back(std::move(u));
    if (found.size() == 1) return found.front();
    if (found.empty()) throw not_found("no unit with id, credit code or name '" + text + "'");
    std::string ids;
    for (auto const& u : found)
        ids += (ids.empty() ? "" : ", ") + std::to_string(u.id.value());
    throw invalid_input(field, "several units are named '" + text + "' (ids " + ids + "); give the id");
}

unit_record unit_option(store const& s, po::variables_map const& vm, char const* name) {
    if (!vm.count(name)) throw usage_error(std::string("--") + name + " is required");
    return unit_of(s, vm[name].as<std::string>(), name);
}

void add_unit_argument(po::options_description& d, po::positional_options_description& p) {
    add_id_argument(d, p, "unit", "the unit: id, credit code (统一社会信用代码) or exact name");
}

// --- unit add

void add_options(po::options_description& d, po::positional_options_description& p) {
    add_id_argument(d, p, "name", "the unit's name (单位名称)");
    d.add_options()("code", po::value<std::string>()->value_name("CODE"),
                    "the unified social credit code (统一社会信用代码, 18 characters; required)")(
        "sector", po::value<std::string>()->value_name("SECTOR"),
        "非公有制企业 (non_public_enterprise), 社会团体 (social_group), 民办非企业单位 "
        "(private_non_enterprise), "
        "基金会 (foundation), 国有企业, 事业单位, 机关, 村（社区）, 其他 (required)")(
        "org", po::value<std::string>()->value_name("ORG"),
        "the responsible street or organisation (属地党组织, required)")(
        "employees", po::value<int>()->value_name("N"), "the employees on that day")(
        "note", po::value<std::string>()->value_name("TEXT"), "a note");
    add_date_option(d, "date", "the day the unit is recorded from (required)");
    add_why_option(d);
}

int run_add(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    require_options(vm, {"code", "sector", "org", "date"});
    unit_record u;
    u.name = io::trim(vm["name"].as<std::string>());
    u.credit_code = text_option(vm, "code");
    u.sector = parse_enum_or_throw<unit_sector>(io::trim(text_option(vm, "sector")));
    u.responsible = org_option(s, vm, "org").id;
    u.registered_on = date_option(vm, "date");
    u.note = text_option(vm, "note");
    auto const id = add_unit(s, u, why_of(vm));
    if (vm.count("employees"))
        record_unit_employees(s, {id, u.registered_on, vm["employees"].as<int>()}, why_of(vm));
    *ctx.out << "unit " << id.value() << ": " << u.name << ", " << labelled(u.sector) << ", from "
             << format_date(u.registered_on) << '\n';
    return exit_ok;
}

// --- unit close

void close_options(po::options_description& d, po::positional_options_description& p) {
    add_unit_argument(d, p);
    add_date_option(d, "date", "the day it closed (注销): it no longer exists that day (required)");
    add_why_option(d);
}

int run_close(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    require_options(vm, {"date"});
    auto const u = unit_option(s, vm, "unit");
    auto const on = date_option(vm, "date");
    close_unit(s, u.id, on, why_of(vm));
    *ctx.out << "unit " << u.id.value() << " (" << u.name << ") closed on " << format_date(on) << '\n';
    return exit_ok;
}

// --- unit employees

void employees_options(po::options_description& d, po::positional_options_description& p) {
    add_unit_argument(d, p);
    d.add_options()("count", po::value<int>()->value_name("N"), "the employees (从业人员数, required)");
    add_date_option(d, "date", "the day counted (required)");
    add_why_option(d);
}

int run_employees(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    require_options(vm, {"count", "date"});
    auto const u = unit_option(s, vm, "unit");
    unit_headcount const h{u.id, date_option(vm, "date"), vm["count"].as<int>()};
    record_unit_employees(s, h, why_of(vm));
    *ctx.out << u.name << ": " << h.employees << " employees on " << format_date(h.on) << '\n';
    return exit_ok;
}

// --- unit cover / uncover

void cover_options(po::options_description& d, po::positional_options_description& p) {
    add_unit_argument(d, p);
    d.add_options()("org", po::value<std::string>()->value_name("ORG"),
                    "the covering organisation: a branch of the unit's own, or a joint branch (required)")(
        "note", po::value<std::string>()->value_name("TEXT"), "a note");
    add_date_option(d, "date", "the first day of the coverage (required)");
    add_why_option(d);
}

int run_cover(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    require_options(vm, {"org", "date"});
    auto const u = unit_option(s, vm, "unit");
    auto const o = org_option(s, vm, "org");
    auto const on = date_option(vm, "date");
    auto const id = cover_unit(s, u.id, o.id, on, text_option(vm, "note"), why_of(vm));
    *ctx.out << "coverage " << id.value() << ": " << o.name << " covers " << u.name << " ("
             << chinese_name(form_of(o.kind)) << ") from " << format_date(on) << '\n';
    return exit_ok;
}

void end_options(po::options_description& d, po::positional_options_description& p, char const* name,
                 char const* help) {
    add_id_argument(d, p, name, help);
    add_date_option(d, "date", "its last day (required)");
    add_why_option(d);
}

// Ends the link of kind `Id` named by argument `argument` on `--date`, its last day, with `end`, and says
// "<what> N ended on DATE".
template <class Id, class End>
int run_end(context& ctx, po::variables_map const& vm, char const* argument, char const* what, End end) {
    auto& s = ctx.open();
    require_options(vm, {"date"});
    auto const id = id_argument<Id>(vm, argument);
    auto const on = date_option(vm, "date");
    end(s, id, on, why_of(vm));
    *ctx.out << what << ' ' << id.value() << " ended on " << format_date(on) << '\n';
    return exit_ok;
}

int run_uncover(context& ctx, po::variables_map const& vm) {
    return run_end<coverage_link_id>(ctx, vm, "coverage", "coverage", end_coverage);
}

// --- unit instructor / instructor-end

void instructor_options(po::options_description& d, po::positional_options_description& p) {
    add_unit_argument(d, p);
    d.add_options()("name", po::value<std::string>()->value_name("NAME"),
                    "the instructor's name (党建指导员, required)")(
        "member", po::value<std::string>()->value_name("MEMBER"), "the instructor as a member of the store")(
        "note", po::value<std::string>()->value_name("TEXT"), "a note");
    add_date_option(d, "date", "the first day of the assignment (required)");
    add_why_option(d);
}

int run_instructor(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    require_options(vm, {"name", "date"});
    auto const u = unit_option(s, vm, "unit");
    instructor_assignment a;
    a.unit = u.id;
    a.instructor = io::trim(text_option(vm, "name"));
    if (vm.count("member")) a.member = member_option(s, vm, "member").id;
    a.since = date_option(vm, "date");
    a.note = text_option(vm, "note");
    auto const id = assign_instructor(s, a, why_of(vm));
    *ctx.out << "instructor " << id.value() << ": " << a.instructor << " for " << u.name << " from "
             << format_date(a.since) << '\n';
    return exit_ok;
}

int run_instructor_end(context& ctx, po::variables_map const& vm) {
    return run_end<instructor_id>(ctx, vm, "instructor", "instructor", end_instructor);
}

// --- unit member / member-end

void member_options(po::options_description& d, po::positional_options_description& p) {
    add_member_argument(d, p);
    d.add_options()("unit", po::value<std::string>()->value_name("UNIT"),
                    "the unit: id, credit code or exact name (required)");
    add_date_option(d, "date", "the first day the member works there (required)");
    add_why_option(d);
}

int run_member(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    require_options(vm, {"unit", "date"});
    auto const m = member_option(s, vm, "member");
    auto const u = unit_option(s, vm, "unit");
    auto const on = date_option(vm, "date");
    auto const id = link_member_unit(s, m.id, u.id, on, why_of(vm));
    *ctx.out << "member unit " << id.value() << ": " << m.name << " works in " << u.name << " from "
             << format_date(on) << '\n';
    return exit_ok;
}

int run_member_end(context& ctx, po::variables_map const& vm) {
    return run_end<member_unit_id>(ctx, vm, "link", "member unit", end_member_unit);
}

// --- unit show

void show_options(po::options_description& d, po::positional_options_description& p) {
    add_unit_argument(d, p);
    add_output_options(d, "text|csv|json");
}

std::string period(date::sys_days from, std::optional<date::sys_days> to) {
    return format_date(from) + " – " + (to ? format_date(*to) : std::string());
}

int run_show(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open_read();
    auto const u = unit_option(s, vm, "unit");
    auto r = make_report("单位 " + u.name, "单位",
                         {{"kind", "类别"}, {"id", "编号", true}, {"period", "期间"}, {"details", "内容"}});
    for (auto const& l : unit_coverage(s, u.id))
        r.rows.push_back({"党组织 (organisation)", std::to_string(l.id.value()), period(l.since, l.until),
                          s.org(l.org).name + ", " + std::string(chinese_name(l.form))});
    for (auto const& a : unit_instructors(s, u.id))
        r.rows.push_back({"党建指导员 (instructor)", std::to_string(a.id.value()), period(a.since, a.until),
                          a.instructor + (a.note.empty() ? "" : "; " + a.note)});
    for (auto const& l : unit_members(s, u.id))
        r.rows.push_back({"党员 (member)", std::to_string(l.id.value()), period(l.since, l.until),
                          s.get_member(l.member).name});
    for (auto const& h : unit_headcounts(s, u.id))
        r.rows.push_back({"从业人员 (employees)", "", format_date(h.on), std::to_string(h.employees)});
    r.meta = {{"单位", u.name},
              {"编号", std::to_string(u.id.value())},
              {"统一社会信用代码", u.credit_code},
              {"单位类别", labelled(u.sector)},
              {"属地党组织", s.org(u.responsible).name},
              {"登记日期", format_date(u.registered_on)},
              {"注销日期", u.closed_on ? format_date(*u.closed_on) : std::string()}};
    return show_report(ctx, r, vm);
}

// --- unit list

int run_list(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open_read();
    auto const where = scope_of(s, vm);
    auto r = make_report("单位 (units)", "单位",
                         {{"id", "编号", true},
                          {"name", "单位名称"},
                          {"code", "统一社会信用代码"},
                          {"sector", "单位类别"},
                          {"org", "属地党组织"},
                          {"registered", "登记日期"},
                          {"closed", "注销日期"}});
    for (auto const& u : units(s, where))
        r.rows.push_back({std::to_string(u.id.value()), u.name, u.credit_code,
                          std::string(chinese_name(u.sector)), s.org(u.responsible).name,
                          format_date(u.registered_on),
                          u.closed_on ? format_date(*u.closed_on) : std::string()});
    r.meta = scope_count_meta(s, where, "单位数", r.rows.size());
    return show_report(ctx, r, vm);
}

// --- coverage stats

void stats_options(po::options_description& d, po::positional_options_description& p) {
    scoped_year_options(d, p, "the year, counted on 31 December (required)");
}

std::string percent(double x) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", x * 100.0);
    return buf;
}

int run_stats(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open_read();
    auto const where = scope_of(s, vm);
    auto const st = coverage_statistics_of(s, required_year(vm), where);
    auto r = figures_report("两新组织党建覆盖 " + std::to_string(st.year), "党建覆盖");
    r.rows = {{"单位 (units)", std::to_string(st.units)}};
    for (auto const sec : enum_values<unit_sector>())
        r.rows.push_back(
            {"  " + labelled(sec), std::to_string(st.units_by_sector[static_cast<std::size_t>(sec)])});
    r.rows.insert(r.rows.end(),
                  {{"单独组建 (own organisation)", std::to_string(st.own_organisation)},
                   {"联合组建 (joint branch)", std::to_string(st.joint_branch)},
                   {"仅选派党建指导员 (instructor only)", std::to_string(st.instructor_only)},
                   {"未覆盖 (uncovered)", std::to_string(st.uncovered)},
                   {"有党员未建组织 (members, no organisation)", std::to_string(st.members_no_organisation)},
                   {"正式党员3人以上未单独组建 (should set one up)", std::to_string(st.establish_due)},
                   {"无党员 (no members)", std::to_string(st.no_members)},
                   {"单位党员 (members in units)", std::to_string(st.members)},
                   {"两新组织 (new-sector units)", std::to_string(st.new_sector_units)},
                   {"两新组织党组织覆盖 (new-sector units covered)", std::to_string(st.new_sector_covered)},
                   {"两新组织党员 (members in new-sector units)", std::to_string(st.new_sector_members)},
                   {"从业人员 (employees)", std::to_string(st.employees)},
                   {"有效覆盖 (effectively covered)", std::to_string(st.effective)},
                   {"有形覆盖率 (organisation coverage)", percent(st.organisation_coverage())},
                   {"工作覆盖率 (work coverage)", percent(st.work_coverage())},
                   {"有效覆盖率 (effective coverage)", percent(st.effective_coverage())}});
    r.meta = scope_year_meta(s, where, st.year);
    return show_report(ctx, r, vm);
}

[[maybe_unused]] bool const registered_add = register_command({
    .name = "unit add",
    .summary =
        "add a unit (单位) to the coverage register: name, credit code, sector, responsible organisation",
    .arguments = "NAME",
    .description = "The unified social credit code has 18 characters and a valid check character\n"
                   "(coverage.credit_code_gb32100) and names one unit (coverage.credit_code_unique).",
    .examples = "  dangyuan unit add 城关科技有限公司 --code 91512081MA62K0260E --sector 非公有制企业 "
                "--org 城关街道党工委 --date 2024-01-01",
    .options = add_options,
    .run = run_add,
});

[[maybe_unused]] bool const registered_close = register_command({
    .name = "unit close",
    .summary = "close a unit (注销): it no longer exists from that day",
    .arguments = "UNIT",
    .description = "Its coverage, instructors and members end before that day "
                   "(coverage.close_without_open_links).",
    .examples = "  dangyuan unit close 1 --date 2026-06-30",
    .options = close_options,
    .run = run_close,
});

[[maybe_unused]] bool const registered_employees = register_command({
    .name = "unit employees",
    .summary = "record the employees of a unit on a day (从业人员数)",
    .arguments = "UNIT",
    .examples = "  dangyuan unit employees 1 --count 120 --date 2025-12-31",
    .options = employees_options,
    .run = run_employees,
});

[[maybe_unused]] bool const registered_cover = register_command({
    .name = "unit cover",
    .summary = "an organisation covers a unit: its own branch (单独组建) or a joint branch (联合组建)",
    .arguments = "UNIT",
    .description =
        "A branch, joint branch, general branch or grassroots committee (coverage.covering_org_kind),\n"
        "existing with the unit on the day (coverage.link_within_existence); one at a time\n"
        "(coverage.one_organisation).",
    .examples = "  dangyuan unit cover 1 --org 城关科技联合党支部 --date 2024-03-01",
    .options = cover_options,
    .run = run_cover,
});

[[maybe_unused]] bool const registered_uncover = register_command({
    .name = "unit uncover",
    .summary = "end an organisation's coverage of a unit (its last day)",
    .arguments = "COVERAGE",
    .examples = "  dangyuan unit uncover 1 --date 2025-06-30",
    .options =
        [](po::options_description& d, po::positional_options_description& p) {
            end_options(d, p, "coverage", "the coverage id");
        },
    .run = run_uncover,
});

[[maybe_unused]] bool const registered_instructor = register_command({
    .name = "unit instructor",
    .summary = "send a party-building instructor to a unit (选派党建指导员)",
    .arguments = "UNIT",
    .examples = "  dangyuan unit instructor 2 --name 李明 --date 2024-05-01",
    .options = instructor_options,
    .run = run_instructor,
});

[[maybe_unused]] bool const registered_instructor_end = register_command({
    .name = "unit instructor-end",
    .summary = "end an instructor's assignment (its last day)",
    .arguments = "INSTRUCTOR",
    .examples = "  dangyuan unit instructor-end 1 --date 2025-12-31",
    .options =
        [](po::options_description& d, po::positional_options_description& p) {
            end_options(d, p, "instructor", "the assignment id");
        },
    .run = run_instructor_end,
});

[[maybe_unused]] bool const registered_member = register_command({
    .name = "unit member",
    .summary = "a member works in a unit of the register (党员所在单位)",
    .arguments = "MEMBER",
    .description = "One unit at a time (coverage.member_one_unit). Three full members in a unit without an\n"
                   "organisation of its own bring the agenda item coverage.establish_due.",
    .examples = "  dangyuan unit member 张伟 --unit 1 --date 2024-01-01",
    .options = member_options,
    .run = run_member,
});

[[maybe_unused]] bool const registered_member_end = register_command({
    .name = "unit member-end",
    .summary = "end a member's work in a unit (its last day)",
    .arguments = "LINK",
    .examples = "  dangyuan unit member-end 1 --date 2025-06-30",
    .options =
        [](po::options_description& d, po::positional_options_description& p) {
            end_options(d, p, "link", "the member's unit link id");
        },
    .run = run_member_end,
});

[[maybe_unused]] bool const registered_show = register_command({
    .name = "unit show",
    .summary = "a unit's record: organisations, instructors, members and headcounts",
    .arguments = "UNIT",
    .examples = "  dangyuan unit show 91512081MA62K0260E",
    .options = show_options,
    .run = run_show,
});

[[maybe_unused]] bool const registered_list = register_command({
    .name = "unit list",
    .summary = "the units of a scope (by responsible organisation)",
    .examples = "  dangyuan unit list --org 城关街道党工委",
    .options = scoped_list_options,
    .run = run_list,
});

[[maybe_unused]] bool const registered_stats = register_command({
    .name = "coverage stats",
    .summary = "coverage of the units of a scope on 31 December of a year (有形覆盖, 有效覆盖)",
    .examples = "  dangyuan coverage stats --year 2025 --org 城关街道党工委",
    .options = stats_options,
    .run = run_stats,
});

}  // namespace
}  // namespace dangyuan::cli::cmd_coverage
