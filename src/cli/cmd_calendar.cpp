// dangyuan calendar: the official holiday data (放假安排) the store's working-day rules count with.

#include <filesystem>
#include <fstream>
#include <iterator>
#include <ostream>

#include "cli/command.hpp"
#include "cli/common.hpp"
#include "dangyuan/core/errors.hpp"

namespace dangyuan::cli::cmd_calendar {
namespace {

void load_options(po::options_description& d, po::positional_options_description& p) {
    add_file_argument(d, p,
                      "the holiday data, one notice year or more (format: docs/rules.md, working days)");
    d.add_options()("source", po::value<std::string>()->required()->value_name("NOTICE"),
                    "the notice the data comes from, e.g. 国办发明电〔2026〕12号")(
        "replace", "correct a year the store already has (built in or loaded)");
    add_why_option(d);
}

int run_load(context& ctx, po::variables_map const& vm) {
    std::filesystem::path const file = vm["file"].as<std::string>();
    if (std::filesystem::is_directory(file))
        throw invalid_input("file", "'" + file.string() + "' is a directory, not a holiday data file");
    std::ifstream in(file, std::ios::binary);
    if (!in) throw invalid_input("file", "cannot read '" + file.string() + "'");
    std::string const text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    auto& s = ctx.open();
    s.load_holidays(text, vm["source"].as<std::string>(),
                    vm.count("replace") ? on_existing_year::replace : on_existing_year::reject, why_of(vm));
    auto const cal = s.calendar();
    *ctx.out << "loaded " << file.string() << "; the store counts working days for";
    for (int y : cal.years())
        *ctx.out << ' ' << y;
    *ctx.out << '\n';
    return exit_ok;
}

void list_options(po::options_description&, po::positional_options_description&) {}

int run_list(context& ctx, po::variables_map const&) {
    auto& s = ctx.open_read();
    auto const cal = s.calendar();
    auto const loaded = s.loaded_holiday_years();
    for (int y : cal.years()) {
        std::string source = "built in (国务院办公厅 annual notice)";
        for (auto const& [year, from] : loaded)
            if (year == y) source = "loaded: " + from;
        *ctx.out << y << "  " << source << '\n';
    }
    *ctx.out << "other years: no data; a working-day rule asked about them is refused "
                "(cal.working_days_official)\n";
    return exit_ok;
}

[[maybe_unused]] bool const registered_load = register_command({
    .name = "calendar load",
    .summary = "load a year of official holiday data (放假安排) into the store",
    .arguments = "FILE",
    .description =
        "The built-in calendar holds the State Council's notices up to the library's release. Each new "
        "year's\n"
        "notice is loaded once, as data: lines `year N`, `off DATE[..DATE] NAME`, `workday DATE NAME`\n"
        "(调休上班日). The store keeps it, and every working-day rule (公示 of N working days) uses it.\n"
        "Loading a year the store already has is refused unless --replace corrects it.",
    .examples = "  dangyuan --db district.db calendar load holidays-2027.txt --source 国办发明电〔2026〕12号",
    .options = load_options,
    .run = run_load,
});

[[maybe_unused]] bool const registered_list = register_command({
    .name = "calendar list",
    .summary = "the years of official holiday data the store counts working days with",
    .description = "Lists each year with data, built in or loaded (with the notice it came from).",
    .examples = "  dangyuan --db district.db calendar list",
    .options = list_options,
    .run = run_list,
});

}  // namespace
}  // namespace dangyuan::cli::cmd_calendar
