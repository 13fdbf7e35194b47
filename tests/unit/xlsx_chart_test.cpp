// The chart specs of io::report: drawn by the XLSX writer as chart parts of the workbook, checked before
// anything is written, ignored by the CSV and JSON writers.

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "dangyuan/core/errors.hpp"
#include "dangyuan/io/table.hpp"

namespace {

using dangyuan::invalid_input;
using namespace dangyuan::io;

report sample_report() {
    report r;
    r.title = "统计";
    r.sheet = "统计";
    r.columns = {{"item", "项目"}, {"count", "人数", true}, {"other", "其他", true}};
    r.rows = {{"男", "3", "1"}, {"女", "2", "4"}, {"未说明", "0", "0"}};
    return r;
}

std::filesystem::path temp_file(char const* name) {
    auto const p = std::filesystem::temp_directory_path() / name;
    std::filesystem::remove(p);
    return p;
}

std::string bytes_of(std::filesystem::path const& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The field an invalid_input names.
std::string refused_field(report const& r, std::filesystem::path const& p) {
    try {
        write_xlsx(p, std::span<report const>(&r, 1), header_language::chinese);
    } catch (invalid_input const& e) {
        return e.field();
    }
    return {};
}

}  // namespace

TEST_CASE("io: the XLSX writer draws each chart of a report as a chart part of the workbook", "[io][xlsx]") {
    auto r = sample_report();
    r.charts.push_back({chart_kind::pie, "性别", "", "", 0, 2, 0, {1}});
    r.charts.push_back({chart_kind::column, "两列", "项目", "人数", 0, 3, 0, {1, 2}});
    auto const p = temp_file("dangyuan-xlsx-chart-test.xlsx");
    write_xlsx(p, std::span<report const>(&r, 1), header_language::chinese);
    auto const zip = bytes_of(p);  // a zip names its parts in the clear
    CHECK(zip.find("xl/charts/chart1.xml") != std::string::npos);
    CHECK(zip.find("xl/charts/chart2.xml") != std::string::npos);
    CHECK(zip.find("xl/charts/chart3.xml") == std::string::npos);
    CHECK(zip.find("xl/drawings/drawing1.xml") != std::string::npos);
    std::filesystem::remove(p);
}

TEST_CASE("io: a report without charts has no chart part, and CSV and JSON ignore charts", "[io][xlsx]") {
    auto r = sample_report();
    auto const p = temp_file("dangyuan-xlsx-nochart-test.xlsx");
    write_xlsx(p, std::span<report const>(&r, 1), header_language::chinese);
    CHECK(bytes_of(p).find("xl/charts/") == std::string::npos);
    std::filesystem::remove(p);
    auto with = r;
    with.charts.push_back({chart_kind::line, "人数", "项目", "人数", 0, 3, 0, {1}});
    CHECK(to_csv(with, header_language::chinese) == to_csv(r, header_language::chinese));
    CHECK(to_json(with) == to_json(r));
}

TEST_CASE("io: a chart outside its report is refused with invalid_input{chart} and nothing is written",
          "[io][xlsx]") {
    auto const p = temp_file("dangyuan-xlsx-badchart-test.xlsx");
    auto const refused = [&](chart c) {
        auto r = sample_report();
        r.charts.push_back(std::move(c));
        auto const field = refused_field(r, p);
        CHECK_FALSE(std::filesystem::exists(p));
        return field;
    };
    // Rows: the last row is row 2; none drawn is refused too.
    CHECK(refused({chart_kind::column, "x", "", "", 1, 3, 0, {1}}) == "chart");
    CHECK(refused({chart_kind::column, "x", "", "", 3, 1, 0, {1}}) == "chart");
    CHECK(refused({chart_kind::column, "x", "", "", 0, 0, 0, {1}}) == "chart");
    // Columns: the categories and the series must be in the table, the series numeric.
    CHECK(refused({chart_kind::column, "x", "", "", 0, 3, 3, {1}}) == "chart");
    CHECK(refused({chart_kind::column, "x", "", "", 0, 3, 0, {3}}) == "chart");
    CHECK(refused({chart_kind::column, "x", "", "", 0, 3, 1, {0}}) == "chart");
    CHECK(refused({chart_kind::column, "x", "", "", 0, 3, 0, {}}) == "chart");
    // A pie draws one series.
    CHECK(refused({chart_kind::pie, "x", "", "", 0, 3, 0, {1, 2}}) == "chart");
    // The edge: the whole table is drawn.
    auto r = sample_report();
    r.charts.push_back({chart_kind::bar, "x", "", "", 0, 3, 0, {1, 2}});
    CHECK(refused_field(r, p).empty());
    CHECK(std::filesystem::exists(p));
    std::filesystem::remove(p);
}
