#include "cli/report_issues.hpp"

#include <sstream>

#include "dangyuan/io/table.hpp"

namespace dangyuan::cli {

void print_issues(std::ostream& err, std::span<io::row_issue const> issues, bool with_rows) {
    for (auto const& i : issues) {
        std::string line;
        if (with_rows) line = i.row > 0 ? "row " + std::to_string(i.row) : "file";
        if (!i.column.empty()) line += (line.empty() ? "" : ", ") + i.column;
        if (!i.value.empty()) line += " '" + i.value + "'";
        line += ": ";
        if (!i.rule_id.empty()) line += "[" + i.rule_id + "] ";
        err << line << i.reason << '\n';
    }
}

void write_issues_csv(std::filesystem::path const& path, std::span<io::row_issue const> issues) {
    io::report r;
    r.columns = {
        {"row", "行号", true}, {"column", "列"}, {"value", "值"}, {"reason", "问题"}, {"rule_id", "规则"}};
    for (auto const& i : issues)
        r.rows.push_back({std::to_string(i.row), i.column, i.value, i.reason, i.rule_id});
    std::ostringstream unused;
    io::write_output(path, "\xEF\xBB\xBF" + io::to_csv(r, io::header_language::chinese), unused);
}

}  // namespace dangyuan::cli
