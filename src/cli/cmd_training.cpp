// dangyuan training add / shortfall: members' training hours (学时) and who is short of the year's
// requirement.

#include <ostream>

#include "cli/common.hpp"
#include "dangyuan/core/calendar.hpp"
#include "dangyuan/core/errors.hpp"
#include "dangyuan/io/reports.hpp"
#include "dangyuan/io/text.hpp"
#include "dangyuan/storage/life_store.hpp"

namespace dangyuan::cli::cmd_training {
namespace {

void add_options(po::options_description& d, po::positional_options_description& p) {
    add_member_argument(d, p);
    add_date_option(d, "date", "the day the training ended; it counts for that year (required)");
    d.add_options()("course", po::value<std::string>()->value_name("TEXT"), "课程 / 培训班 (required)")(
        "hours", po::value<std::string>()->value_name("N"),
        "certified class hours (学时), e.g. 8 or 2.5 (required)")(
        "concentrated", "concentrated study or training (集中学习培训)")(
        "provider", po::value<std::string>()->value_name("TEXT"), "举办单位, e.g. 区委党校");
    add_as_of_option(d, "the recording date (not before the training)");
    add_why_option(d);
}

int run_add(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    auto const m = member_option(s, vm, "member");
    if (!vm.count("course") || !vm.count("hours")) throw usage_error("--course and --hours are required");
    training_record r;
    r.member = m.id;
    r.date = date_option(vm, "date");
    r.course = vm["course"].as<std::string>();
    r.hours = parse_class_hours(io::trim(vm["hours"].as<std::string>()), "hours");
    r.concentrated = flag(vm, "concentrated");
    r.provider = text_option(vm, "provider");
    add_training(s, r, as_of_date(vm), why_of(vm));
    int const year = int(date::year_month_day{r.date}.year());
    class_hours total;
    for (auto const& line : training_ledger(s, m.id, year))
        total += line.hours;
    *ctx.out << m.name << ": " << format_class_hours(r.hours) << " class hours of '" << r.course << "' on "
             << format_date(r.date) << "; " << format_class_hours(total) << " in " << year << '\n';
    return exit_ok;
}

void shortfall_options(po::options_description& d, po::positional_options_description&) {
    d.add_options()("org", po::value<std::string>()->value_name("ORG"),
                    "the organisation (required): its members and those below it")(
        "year", po::value<int>()->value_name("YEAR"), "the training year (default: the year of --as-of)");
    add_as_of_option(d, "count the hours recorded up to this date");
    add_output_options(d, "text|csv|json");
}

int run_shortfall(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open_read();
    auto const org = org_option(s, vm);
    auto const as_of = as_of_date(vm);
    int const year = vm.count("year") ? vm["year"].as<int>() : int(date::year_month_day{as_of}.year());
    auto const report = training_shortfall_report(s, org.id, year, as_of);
    auto r = make_report("学时未达标党员 (training shortfall)", "学时",
                         {{"member_id", "党员编号", true},
                          {"name", "姓名"},
                          {"role", "身份"},
                          {"rule_id", "规则"},
                          {"required", "应修学时", true},
                          {"counted", "已修学时", true},
                          {"short_by", "差额", true},
                          {"sessions", "集中培训", true},
                          {"required_sessions", "应参加", true}});
    r.meta = {{"党组织", org.name + " (id " + std::to_string(org.id.value()) + ")"},
              {"年度", std::to_string(year)},
              {"日期", format_date(as_of)},
              {"人数", std::to_string(report.shortfalls.size())}};
    for (auto const& f : report.shortfalls)
        r.rows.push_back({std::to_string(f.member.value()), f.name, std::string(chinese_name(f.role)),
                          f.rule_id, format_class_hours(f.required), format_class_hours(f.counted),
                          format_class_hours(f.short_by), std::to_string(f.sessions),
                          std::to_string(f.required_sessions)});
    return show_report(ctx, r, vm);
}

[[maybe_unused]] bool const registered_add = register_command({
    .name = "training add",
    .summary = "add a line to a member's training ledger (学时)",
    .arguments = "MEMBER",
    .description = "The same course is recorded once per member and day.",
    .examples =
        "  dangyuan training add 张建国 --date 2026-06-30 --course 党的二十届三中全会精神 --hours 8 \\\n"
        "      --concentrated --provider 区委党校",
    .options = add_options,
    .run = run_add,
});

[[maybe_unused]] bool const registered_shortfall = register_command({
    .name = "training shortfall",
    .summary = "who is short of the year's class hours (training.member_32_hours, training.officer_56_hours)",
    .description = "Members of the organisation and below in normal standing on the report date; officers\n"
                   "(in the leadership on some day of the year) need the officer hours as well.",
    .examples = "  dangyuan training shortfall --org 甸柳社区党支部 --year 2026 --as-of 2026-11-26",
    .options = shortfall_options,
    .run = run_shortfall,
});

}  // namespace
}  // namespace dangyuan::cli::cmd_training
