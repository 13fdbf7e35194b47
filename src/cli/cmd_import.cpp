// dangyuan import: load a roster file (CSV, UTF-8 or GB18030) into the store, all or nothing.

#include <chrono>
#include <ostream>

#include "cli/common.hpp"
#include "cli/report_issues.hpp"
#include "dangyuan/io/encoding.hpp"
#include "dangyuan/io/import.hpp"
#include "dangyuan/io/text.hpp"

namespace dangyuan::cli::cmd_import {
namespace {

void import_options(po::options_description& d, po::positional_options_description& p) {
    add_file_argument(d, p, "the roster (CSV)");
    d.add_options()("encoding", po::value<std::string>()->default_value("auto")->value_name("ENC"),
                    "auto (UTF-8 with or without BOM, else GB18030), utf-8 or gb18030")(
        "dry-run,n", "check the file and say what would change; write nothing")(
        "update", "apply rows that change members already in the store (default: report them)")(
        "delimiter", po::value<char>()->default_value(',')->value_name("CHAR"), "field separator")(
        "errors", po::value<std::string>()->value_name("FILE.csv"), "also write the problems as a CSV file")(
        "why", po::value<std::string>()->value_name("REASON"),
        "recorded in the audit trail (default 名册导入)");
}

int run_import(context& ctx, po::variables_map const& vm) {
    auto const started = std::chrono::steady_clock::now();
    // A dry run only reads; a real import is one transaction from planning to commit (see main.cpp).
    auto& s = vm.count("dry-run") ? ctx.open_read() : ctx.open();
    std::filesystem::path const file = vm["file"].as<std::string>();
    io::import_options options;
    auto const enc = io::ascii_lower(vm["encoding"].as<std::string>());
    if (enc != "auto") options.encoding = io::parse_encoding(enc);
    options.update_changed = flag(vm, "update");
    options.delimiter = vm["delimiter"].as<char>();
    auto const bytes = io::read_file(file);
    auto const plan =
        io::plan_import(s, bytes, options, progress_to_stderr("checking " + file.filename().string()));

    if (!plan.issues.empty()) {
        print_issues(*ctx.err, plan.issues);
        std::size_t rows = 0, last = static_cast<std::size_t>(-1);
        for (auto const& i : plan.issues)
            if (i.row != last) ++rows, last = i.row;
        *ctx.err << file.string() << ": " << plan.issues.size()
                 << (plan.issues.size() == 1 ? " problem" : " problems") << " in " << rows
                 << (rows == 1 ? " row" : " rows") << "; nothing was imported\n";
        if (vm.count("errors")) {
            write_issues_csv(vm["errors"].as<std::string>(), plan.issues);
            *ctx.err << "problems written to " << vm["errors"].as<std::string>() << '\n';
        }
        return exit_failure;
    }
    auto const summary = [&](char const* verb) {
        *ctx.out << file.string() << " (" << io::to_string(plan.encoding) << (plan.had_bom ? " with BOM" : "")
                 << ", " << plan.rows << " rows): " << plan.inserts.size() << " " << verb << "added, "
                 << plan.updates.size() << " " << verb << "updated, " << plan.unchanged << " unchanged\n";
        for (auto const& u : plan.updates)
            *ctx.out << "  row " << u.row << ", member " << u.record.id.value() << " " << u.record.name
                     << ": " << u.changes << '\n';
        if (!plan.ignored_columns.empty()) {
            *ctx.out << "  columns not imported (reports only):";
            for (auto const& c : plan.ignored_columns)
                *ctx.out << ' ' << c;
            *ctx.out << '\n';
        }
    };
    if (vm.count("dry-run")) {
        summary("to be ");
        *ctx.out << "dry run: nothing was written\n";
        return exit_ok;
    }
    (void)io::commit_import(s, plan, vm.count("why") ? vm["why"].as<std::string>() : std::string("名册导入"));
    summary("");
    auto const seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (seconds >= 1) *ctx.err << "took " << static_cast<int>(seconds * 10) / 10.0 << " s\n";
    return exit_ok;
}

[[maybe_unused]] bool const registered = register_command({
    .name = "import",
    .summary = "import a roster (CSV, UTF-8 or GB18030): every problem reported, all or nothing",
    .arguments = "FILE",
    .description =
        "Columns are recognised by their Chinese or English header (姓名/name, 性别/sex, 民族/ethnicity,\n"
        "出生日期/birth_date, 公民身份号码 or 身份证号/id_number, 学历/education, 人员类别/category,\n"
        "工作单位/work_unit, 职务/post, 籍贯/native_place, 联系电话/phone, 家庭住址/address,\n"
        "所在支部/branch (organisation name or id), 转入支部日期/joined_branch, "
        "申请入党日期/application_date,\n"
        "入党日期/admission_date, 转正日期/full_member_date, 补录/backfilled); any order; an exported "
        "roster's\n"
        "extra columns (编号, 人员状态, 党籍状态, 党龄) are ignored. Dates: 2020-05-01, 2020.05.01, "
        "2020/5/1,\n"
        "2020年5月1日. Rows are matched by ID number: new people are added; rows identical to the stored\n"
        "record are skipped (re-importing a file changes nothing); rows that differ are reported, or "
        "applied\n"
        "with --update. Empty cells never erase stored data. 补录=是 marks back-filled history (the\n"
        "probation and age checks are not applied to it). Every problem is reported with its row, column,\n"
        "value and rule; if there is any, nothing is written (exit status 1). New members are written in "
        "one\n"
        "transaction.",
    .examples = "  dangyuan import 名册.csv --dry-run\n  dangyuan import 名册.csv --errors 问题.csv\n"
                "  dangyuan import 名册-gbk.csv --encoding gb18030",
    .options = import_options,
    .run = run_import,
});

}  // namespace
}  // namespace dangyuan::cli::cmd_import
