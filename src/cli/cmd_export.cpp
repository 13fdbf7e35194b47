// dangyuan export roster / agenda / stats / all: the standard reports as files (CSV, XLSX, JSON).

#include <ostream>

#include "cli/common.hpp"
#include "dangyuan/core/calendar.hpp"
#include "dangyuan/io/reports.hpp"
#include "dangyuan/io/text.hpp"

namespace dangyuan::cli::cmd_export {
namespace {

// True when the export is a workbook: --format xlsx, or a file name ending in .xlsx without --format.
bool xlsx_chosen(po::variables_map const& vm) {
    if (!vm["format"].defaulted()) return io::ascii_lower(vm["format"].as<std::string>()) == "xlsx";
    return vm.count("output") && io::ascii_lower(vm["output"].as<std::string>()).ends_with(".xlsx");
}

// The statistics workbook: the statistics, then the small tables its charts draw (组织生活, 党费).
std::vector<io::report> statistics_sheets(store const& s, scope where, date::sys_days as_of) {
    std::vector<io::report> sheets;
    sheets.push_back(io::statistics_report(s, where, as_of, progress_to_stderr("stats")));
    sheets.push_back(io::meeting_cadence_report(s, where, as_of));
    sheets.push_back(io::dues_by_month_report(s, where, as_of));
    return sheets;
}

// Like `emit`, but a file name ending in .xlsx chooses XLSX when --format is not given.
void export_report(context& ctx, io::report const& r, po::variables_map const& vm) {
    if (vm["format"].defaulted() && vm.count("output") &&
        io::ascii_lower(vm["output"].as<std::string>()).ends_with(".xlsx")) {
        po::variables_map copy = vm;
        copy.erase("format");
        copy.insert({"format", po::variable_value(std::string("xlsx"), false)});
        emit(ctx, r, copy);
        return;
    }
    emit(ctx, r, vm);
}

void common_options(po::options_description& d) {
    add_scope_options(d);
    add_output_options(d, "csv|xlsx|json");
}

void roster_options(po::options_description& d, po::positional_options_description&) {
    common_options(d);
    add_sort_option(d);
    add_unmasked_options(d);
}

int run_roster(context& ctx, po::variables_map const& vm) {
    auto& s = vm.count("unmasked") ? ctx.open() : ctx.open_read();
    io::roster_request req;
    req.where = scope_of(s, vm);
    req.as_of = as_of_date(vm);
    req.order = sort_of(vm);
    s.require(permission::export_data, req.where.root);
    req.masked = !unmasked_access(s, vm);
    auto const roster = io::roster_report(s, req, progress_to_stderr("roster"));
    record_unmasked(s, vm, "export roster", roster.rows.size());
    export_report(ctx, roster, vm);
    return exit_ok;
}

void plain_options(po::options_description& d, po::positional_options_description&) {
    common_options(d);
}

int run_agenda(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open_read();
    auto const where = scope_of(s, vm);
    s.require(permission::export_data, where.root);
    export_report(ctx, io::agenda_report(s, where, as_of_date(vm)), vm);
    return exit_ok;
}

int run_stats(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open_read();
    auto const where = scope_of(s, vm);
    s.require(permission::export_data, where.root);
    auto const as_of = as_of_date(vm);
    if (xlsx_chosen(vm) && vm.count("output") && vm["output"].as<std::string>() != "-") {
        // A workbook carries the charts, and the tables of those the statistics have no rows for.
        auto const header = vm["header"].as<std::string>() == "en" ? io::header_language::english
                                                                   : io::header_language::chinese;
        std::filesystem::path const out = vm["output"].as<std::string>();
        io::write_xlsx(out, statistics_sheets(s, where, as_of), header);
        *ctx.err << "wrote " << out.string() << '\n';
        return exit_ok;
    }
    export_report(ctx, io::statistics_report(s, where, as_of, progress_to_stderr("stats")), vm);
    return exit_ok;
}

void all_options(po::options_description& d, po::positional_options_description&) {
    add_scope_options(d);
    add_sort_option(d);
    add_unmasked_options(d);
    d.add_options()("output,o", po::value<std::string>()->required()->value_name("FILE.xlsx"),
                    "the workbook to write")(
        "header", po::value<std::string>()->default_value("zh")->value_name("zh|en"), "header row language");
}

int run_all(context& ctx, po::variables_map const& vm) {
    auto& s = vm.count("unmasked") ? ctx.open() : ctx.open_read();
    auto const where = scope_of(s, vm);
    auto const as_of = as_of_date(vm);
    s.require(permission::export_data, where.root);
    io::roster_request req{where, as_of, sort_of(vm), true, false};
    req.masked = !unmasked_access(s, vm);
    auto sheets = statistics_sheets(s, where, as_of);
    sheets.insert(sheets.begin() + 1, io::agenda_report(s, where, as_of));
    sheets.insert(sheets.begin() + 2, io::roster_report(s, req, progress_to_stderr("roster")));
    record_unmasked(s, vm, "export all", sheets[2].rows.size());
    auto const header =
        vm["header"].as<std::string>() == "en" ? io::header_language::english : io::header_language::chinese;
    std::filesystem::path const out = vm["output"].as<std::string>();
    io::write_xlsx(out, sheets, header);
    *ctx.err << "wrote " << out.string() << '\n';
    return exit_ok;
}

[[maybe_unused]] bool const registered_roster = register_command({
    .name = "export roster",
    .summary = "export the name list (党员名册) as CSV, XLSX or JSON",
    .description =
        "Every roster column, sorted by surname strokes (--sort pinyin for pinyin). Personal data is\n"
        "masked (ID number: address code only; birth date: year; phone: 3 + 4 digits; address:\n"
        "district or county) unless --unmasked --why REASON is given; an unmasked export is recorded in\n"
        "the audit trail. An unmasked CSV can be imported again (the same headers).",
    .examples = "  dangyuan export roster -o 名册.xlsx\n"
                "  dangyuan export roster --org 甸柳社区党支部 --format csv -o 名册.csv\n"
                "  dangyuan export roster --unmasked --why \"组织关系转接核对\" -o 名册-完整.csv",
    .options = roster_options,
    .run = run_roster,
});

[[maybe_unused]] bool const registered_agenda = register_command({
    .name = "export agenda",
    .summary = "export the agenda as CSV, XLSX or JSON",
    .description = "The rows of `dangyuan agenda`, with organisation and member ids.",
    .examples = "  dangyuan export agenda --as-of 2026-11-26 -o 待办.xlsx",
    .options = plain_options,
    .run = run_agenda,
});

[[maybe_unused]] bool const registered_stats = register_command({
    .name = "export stats",
    .summary = "export the statistics as CSV, XLSX or JSON",
    .description =
        "The tables of `dangyuan stats` (see its --help for who counts). An XLSX workbook adds the sheets\n"
        "组织生活 (meetings held against the cadence per branch) and 党费 (dues collected per month) and\n"
        "native charts: age, education, sex, ethnicity, the development pipeline, the evaluation grades,\n"
        "meetings held vs required, dues per month.",
    .examples = "  dangyuan export stats --as-of 2026-12-31 -o 统计.xlsx",
    .options = plain_options,
    .run = run_stats,
});

[[maybe_unused]] bool const registered_all = register_command({
    .name = "export all",
    .summary = "one XLSX workbook with the statistics, the agenda and the name list",
    .description = "Five sheets: 统计, 待办事项, 名册 (masked unless --unmasked --why REASON), 组织生活 and\n"
                   "党费, with the charts of `export stats`.",
    .examples = "  dangyuan export all --as-of 2026-11-26 -o 报表.xlsx",
    .options = all_options,
    .run = run_all,
});

}  // namespace
}  // namespace dangyuan::cli::cmd_export
