// The shared shape of the subcommands: option adders, readers and the report tail.

#include "cli/options.hpp"

#include <iterator>

#include "cli/common.hpp"
#include "dangyuan/core/calendar.hpp"
#include "dangyuan/io/reports.hpp"
#include "dangyuan/io/text.hpp"

namespace dangyuan::cli {

void add_date_option(po::options_description& d, char const* name, char const* help) {
    d.add_options()(name, po::value<std::string>()->value_name("DATE"), help);
}

void add_member_argument(po::options_description& d, po::positional_options_description& p, char const* help,
                         char const* name) {
    d.add_options()(name, po::value<std::string>()->required()->value_name("MEMBER"), help);
    p.add(name, 1);
}

void add_file_argument(po::options_description& d, po::positional_options_description& p, char const* help) {
    d.add_options()("file", po::value<std::string>()->required()->value_name("FILE"), help);
    p.add("file", 1);
}

void add_id_argument(po::options_description& d, po::positional_options_description& p, char const* name,
                     char const* help) {
    d.add_options()(name, po::value<std::string>()->required()->value_name("ID"), help);
    p.add(name, 1);
}

void add_scope_options(po::options_description& d, char const* as_of_help) {
    add_scope_option(d);
    add_as_of_option(d, as_of_help);
}

void scoped_list_options(po::options_description& d, po::positional_options_description&) {
    add_scope_option(d);
    add_output_options(d, "text|csv|json");
}

std::string text_option(po::variables_map const& vm, char const* name) {
    return vm.count(name) ? vm[name].as<std::string>() : std::string();
}

std::optional<std::string> optional_text(po::variables_map const& vm, char const* name) {
    if (!vm.count(name)) return std::nullopt;
    return vm[name].as<std::string>();
}

bool flag(po::variables_map const& vm, char const* name) {
    return vm.count(name) > 0;
}

void require_options(po::variables_map const& vm, std::initializer_list<char const*> names) {
    for (auto const* name : names)
        if (!vm.count(name)) throw usage_error(std::string("--") + name + " is required");
}

org_unit org_option(store const& s, po::variables_map const& vm, char const* name) {
    require_options(vm, {name});
    return resolve_org(s, vm[name].as<std::string>(), name);
}

io::report make_report(std::string title, std::string sheet, std::vector<io::column> columns) {
    io::report r;
    r.title = std::move(title);
    r.sheet = std::move(sheet);
    r.columns = std::move(columns);
    return r;
}

int show_report(context& ctx, io::report const& r, po::variables_map const& vm, bool group_first) {
    emit(ctx, r, vm, group_first);
    return exit_ok;
}

bool text_output(po::variables_map const& vm) {
    return io::ascii_lower(vm["format"].as<std::string>()) == "text";
}

meta_lines dated_scope_meta(store const& s, scope const& where, date::sys_days as_of, meta_lines more) {
    meta_lines out{{"日期", format_date(as_of)}, {"范围", io::describe_scope(s, where)}};
    out.insert(out.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    return out;
}

}  // namespace dangyuan::cli
