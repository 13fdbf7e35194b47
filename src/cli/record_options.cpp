// What the commands of the organisation-work procedures read and show alike (record_options.hpp).

#include "cli/record_options.hpp"

#include "cli/common.hpp"
#include "dangyuan/core/errors.hpp"
#include "dangyuan/io/reports.hpp"

namespace dangyuan::cli {

int positive_id_value(po::variables_map const& vm, char const* name, std::string_view noun) {
    auto const n = parse_count(vm[name].as<std::string>(), name);
    if (n < 1)
        throw invalid_input(name,
                            std::string(noun.empty() ? std::string_view(name) : noun) + " ids start at 1");
    return n;
}

int required_year(po::variables_map const& vm) {
    if (!vm.count("year")) throw usage_error("--year is required");
    return vm["year"].as<int>();
}

std::optional<int> optional_year(po::variables_map const& vm) {
    return vm.count("year") ? std::optional<int>(vm["year"].as<int>()) : std::nullopt;
}

void scoped_year_options(po::options_description& d, po::positional_options_description& p,
                         char const* year_help) {
    scoped_list_options(d, p);
    d.add_options()("year", po::value<int>()->value_name("YEAR"), year_help);
}

void year_figures_options(po::options_description& d, po::positional_options_description& p) {
    scoped_year_options(d, p, "the year (required)");
}

io::report figures_report(std::string title, std::string sheet) {
    return make_report(std::move(title), std::move(sheet), {{"item", "项目"}, {"value", "数值", true}});
}

meta_lines scope_year_meta(store const& s, scope const& where, int year) {
    return {{"范围", io::describe_scope(s, where)}, {"年度", std::to_string(year)}};
}

meta_lines scope_count_meta(store const& s, scope const& where, std::string label, std::size_t count) {
    return {{"范围", io::describe_scope(s, where)}, {std::move(label), std::to_string(count)}};
}

}  // namespace dangyuan::cli
