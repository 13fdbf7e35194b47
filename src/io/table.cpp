// Report writers. Terminal alignment counts display columns rather than bytes or code points, so that
// columns of Chinese names line up.

#include "dangyuan/io/table.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <optional>

#include "dangyuan/core/errors.hpp"
#include "dangyuan/io/csv.hpp"
#include "dangyuan/io/text.hpp"

namespace dangyuan::io {

namespace {

// The narrowest a cut column gets (room for a character and the "…" marker), and the narrowest the
// wrapped last column gets before the other columns are cut instead: 20 columns, or a quarter of the
// line when that is more (the last column is the one read: the agenda's 说明).
constexpr std::size_t min_cut_width = 4;
constexpr std::size_t min_wrap_width = 20;
std::size_t min_wrap(std::size_t limit) {
    return std::max(min_wrap_width, limit / 4);
}

// Narrows the columns of a table whose natural widths add up to more than `limit`: the last column,
// when it is text, takes what is left (it wraps); when that is less than `min_wrap(limit)`, the widest
// other text columns are narrowed (their cells cut) until the line fits or nothing more can be cut.
void fit_widths(std::vector<std::size_t>& width, std::vector<column> const& columns, std::size_t limit) {
    auto total = [&] {
        std::size_t sum = 2 * (width.size() - 1);
        for (auto w : width)
            sum += w;
        return sum;
    };
    if (limit == 0 || total() <= limit) return;
    auto const last = width.size() - 1;
    bool const wraps = !columns[last].numeric;
    if (wraps) {
        auto const others = total() - width[last];
        auto const least =
            std::min(width[last], std::max(min_wrap(limit), display_width(columns[last].title)));
        width[last] = limit > others ? std::max(least, limit - others) : least;
    }
    while (total() > limit) {
        std::size_t widest = width.size();
        for (std::size_t c = 0; c < width.size(); ++c)
            if (!columns[c].numeric && (c != last || !wraps) && width[c] > min_cut_width &&
                (widest == width.size() || width[c] > width[widest]))
                widest = c;
        if (widest == width.size()) break;  // nothing left to cut: the line stays too wide
        --width[widest];
    }
}

}  // namespace

void write_text(std::ostream& out, report const& r, bool group_first, std::size_t max_width) {
    if (!r.title.empty()) out << r.title << '\n';
    std::size_t label_width = 0;
    for (auto const& [label, value] : r.meta)
        label_width = std::max(label_width, display_width(label));
    for (auto const& [label, value] : r.meta) {
        // A long value wraps under itself when the line would not fit.
        auto const indent = label_width + 4;
        auto const lines =
            wrap_text(value, max_width > indent + min_wrap_width ? max_width - indent : std::size_t{0});
        out << "  " << pad_right(label, label_width) << "  " << lines.front() << '\n';
        for (std::size_t i = 1; i < lines.size(); ++i)
            out << std::string(indent, ' ') << lines[i] << '\n';
    }
    if (!r.title.empty() || !r.meta.empty()) out << '\n';
    if (r.columns.empty()) return;
    std::vector<std::size_t> width(r.columns.size());
    for (std::size_t c = 0; c < r.columns.size(); ++c)
        width[c] = display_width(r.columns[c].title);
    for (auto const& row : r.rows)
        for (std::size_t c = 0; c < row.size() && c < width.size(); ++c)
            width[c] = std::max(width[c], display_width(row[c]));
    auto const natural_last = width.back();
    fit_widths(width, r.columns, max_width);
    bool const wrap_last = !r.columns.back().numeric && width.back() < natural_last;
    std::size_t indent = 0;  // where the last column starts
    for (std::size_t c = 0; c + 1 < width.size(); ++c)
        indent += width[c] + 2;
    auto line = [&](std::vector<std::string> const& cells) {
        std::string text;
        std::vector<std::string> more;  // continuation lines of the last column
        for (std::size_t c = 0; c < r.columns.size(); ++c) {
            std::string_view const cell = c < cells.size() ? std::string_view(cells[c]) : std::string_view{};
            bool const last = c + 1 == r.columns.size();
            if (c) text += "  ";
            if (last && wrap_last) {
                auto lines = wrap_text(cell, width[c]);
                text += lines.front();
                more.assign(std::make_move_iterator(lines.begin() + 1), std::make_move_iterator(lines.end()));
            } else if (r.columns[c].numeric) {
                text += pad_left(cut_text(cell, width[c]), width[c]);
            } else {
                auto const fitted = cut_text(cell, width[c]);
                text += last ? fitted : pad_right(fitted, width[c]);
            }
        }
        while (!text.empty() && text.back() == ' ')
            text.pop_back();
        out << text << '\n';
        for (auto const& m : more)
            out << std::string(indent, ' ') << m << '\n';
    };
    std::vector<std::string> titles;
    for (auto const& col : r.columns)
        titles.push_back(col.title);
    line(titles);
    std::vector<std::string> rule;
    for (std::size_t c = 0; c < width.size(); ++c)
        rule.emplace_back(width[c], '-');
    line(rule);
    std::string previous_first;
    for (std::size_t i = 0; i < r.rows.size(); ++i) {
        if (group_first && !r.rows[i].empty()) {
            auto row = r.rows[i];
            if (i > 0 && row[0] == previous_first) row[0].clear();
            previous_first = r.rows[i][0];
            line(row);
        } else {
            line(r.rows[i]);
        }
    }
}

std::string to_csv(report const& r, header_language h) {
    std::string out;
    std::vector<std::string> header;
    for (auto const& c : r.columns)
        header.push_back(h == header_language::english ? c.key : c.title);
    append_csv_record(out, header);
    std::vector<std::string> cells;
    for (auto const& row : r.rows) {
        cells.clear();
        for (std::size_t c = 0; c < row.size(); ++c)
            cells.push_back(r.columns[c].numeric ? row[c] : spreadsheet_safe(row[c]));
        append_csv_record(out, cells);
    }
    return out;
}

namespace {

std::optional<double> as_number(std::string const& s) {
    if (s.empty()) return std::nullopt;
    double v = 0;
    auto const [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || p != s.data() + s.size()) return std::nullopt;
    return v;
}

}  // namespace

nlohmann::ordered_json to_json(report const& r) {
    nlohmann::ordered_json j;
    j["title"] = r.title;
    auto& meta = j["meta"] = nlohmann::ordered_json::object();
    for (auto const& [label, value] : r.meta)
        meta[label] = value;
    auto& rows = j["rows"] = nlohmann::ordered_json::array();
    for (auto const& row : r.rows) {
        nlohmann::ordered_json o = nlohmann::ordered_json::object();
        for (std::size_t c = 0; c < r.columns.size() && c < row.size(); ++c) {
            auto const& col = r.columns[c];
            if (col.numeric) {
                if (auto const v = as_number(row[c])) {
                    if (*v == static_cast<double>(static_cast<long long>(*v)))
                        o[col.key] = static_cast<long long>(*v);
                    else
                        o[col.key] = *v;
                } else {
                    o[col.key] = nullptr;
                }
            } else {
                o[col.key] =
                    row[c].empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(row[c]);
            }
        }
        rows.push_back(std::move(o));
    }
    return j;
}

namespace {

// Excel limits sheet names to 31 characters and forbids a few of them.
std::string sheet_name(std::string const& wanted, std::size_t index) {
    std::string s = wanted.empty() ? "Sheet" + std::to_string(index + 1) : wanted;
    for (char& c : s)
        if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) c = '_';
    return s;
}

void check(lxw_error err, std::filesystem::path const& path) {
    if (err != LXW_NO_ERROR)
        throw invalid_input("output", "cannot write '" + path.string() + "': " + lxw_strerror(err));
}

}  // namespace

namespace {

// A chart must draw rows and columns of its own report; checked before the file is created.
void check_charts(report const& r) {
    for (auto const& c : r.charts) {
        auto const bad = [&](std::string const& what) {
            throw invalid_input("chart", "chart '" + c.title + "' of sheet '" + r.sheet + "': " + what);
        };
        if (c.row_count == 0 || c.first_row + c.row_count > r.rows.size()) bad("rows out of the table");
        if (c.category_column >= r.columns.size()) bad("category column out of the table");
        if (c.value_columns.empty()) bad("no series");
        for (auto const v : c.value_columns)
            if (v >= r.columns.size() || !r.columns[v].numeric)
                bad("a series column is not a numeric column");
        if (c.kind == chart_kind::pie && c.value_columns.size() != 1) bad("a pie draws one series");
    }
}

std::uint8_t chart_type(chart_kind k) {
    switch (k) {
        case chart_kind::column:
            return LXW_CHART_COLUMN;
        case chart_kind::bar:
            return LXW_CHART_BAR;
        case chart_kind::pie:
            return LXW_CHART_PIE;
        case chart_kind::line:
            return LXW_CHART_LINE;
    }
    return LXW_CHART_COLUMN;
}

// The rows of the sheet are: the title, the meta lines, a blank line, the header, then the table, so
// `first_table_row` is where report row 0 went.
void insert_charts(lxw_workbook* wb, lxw_worksheet* ws, std::string const& sheet, report const& r,
                   lxw_row_t header_row) {
    lxw_row_t const first_table_row = header_row + 1;
    // Charts stand to the right of the table, one under the other (a chart is 15 default rows high).
    auto const anchor_col = static_cast<lxw_col_t>(r.columns.size() + 1);
    lxw_row_t anchor_row = header_row;
    for (auto const& c : r.charts) {
        lxw_chart* chart = workbook_add_chart(wb, chart_type(c.kind));
        auto const first = static_cast<lxw_row_t>(first_table_row + c.first_row);
        auto const last = static_cast<lxw_row_t>(first + c.row_count - 1);
        auto const cat = static_cast<lxw_col_t>(c.category_column);
        for (auto const v : c.value_columns) {
            lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
            chart_series_set_categories(series, sheet.c_str(), first, cat, last, cat);
            chart_series_set_values(series, sheet.c_str(), first, static_cast<lxw_col_t>(v), last,
                                    static_cast<lxw_col_t>(v));
            chart_series_set_name_range(series, sheet.c_str(), header_row, static_cast<lxw_col_t>(v));
            if (c.kind == chart_kind::pie) {
                chart_series_set_labels(series);
                chart_series_set_labels_options(series, LXW_FALSE, LXW_FALSE, LXW_FALSE);
                chart_series_set_labels_percentage(series);
            }
            if (c.kind == chart_kind::line) chart_series_set_marker_type(series, LXW_CHART_MARKER_CIRCLE);
        }
        chart_title_set_name(chart, c.title.c_str());
        if (c.kind != chart_kind::pie) {
            // libxlsxwriter names the axes by position: in a bar chart the categories run along the
            // vertical y axis and the values along the horizontal x axis.
            bool const bar = c.kind == chart_kind::bar;
            lxw_chart_axis* categories = bar ? chart->y_axis : chart->x_axis;
            lxw_chart_axis* values = bar ? chart->x_axis : chart->y_axis;
            if (!c.category_axis.empty()) chart_axis_set_name(categories, c.category_axis.c_str());
            if (!c.value_axis.empty()) chart_axis_set_name(values, c.value_axis.c_str());
            if (bar) chart_axis_set_reverse(categories);  // the first category (stage) on top
            if (c.value_columns.size() == 1)
                chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
            else
                chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
        } else {
            chart_legend_set_position(chart, LXW_CHART_LEGEND_RIGHT);
        }
        worksheet_insert_chart(ws, anchor_row, anchor_col, chart);
        anchor_row += 16;
    }
}

}  // namespace

void write_xlsx(std::filesystem::path const& path, std::span<report const> reports, header_language h) {
    for (auto const& r : reports)
        check_charts(r);
    lxw_workbook_options options{};
    // Rows are written in order: stream them. Charts then carry no cached values; spreadsheet programs
    // read them from the cells they refer to.
    options.constant_memory = LXW_TRUE;
    options.tmpdir = nullptr;
    lxw_workbook* wb = workbook_new_opt(path.string().c_str(), &options);
    if (!wb) throw invalid_input("output", "cannot create '" + path.string() + "'");
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    lxw_format* header = workbook_add_format(wb);
    format_set_bold(header);
    format_set_bottom(header, LXW_BORDER_THIN);
    lxw_format* text = workbook_add_format(wb);
    format_set_num_format(text, "@");  // cells typed later stay text (ID numbers, phone numbers)
    for (std::size_t i = 0; i < reports.size(); ++i) {
        auto const& r = reports[i];
        auto const name = sheet_name(r.sheet, i);
        lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
        if (!ws) {
            workbook_close(wb);
            throw invalid_input("output", "cannot add sheet '" + r.sheet + "' to '" + path.string() + "'");
        }
        lxw_row_t row = 0;
        if (!r.title.empty()) worksheet_write_string(ws, row++, 0, r.title.c_str(), bold);
        for (auto const& [label, value] : r.meta) {
            worksheet_write_string(ws, row, 0, label.c_str(), nullptr);
            worksheet_write_string(ws, row++, 1, value.c_str(), nullptr);
        }
        if (row > 0) ++row;
        std::vector<std::size_t> width(r.columns.size(), 4);
        for (std::size_t c = 0; c < r.columns.size(); ++c) {
            auto const& title = h == header_language::english ? r.columns[c].key : r.columns[c].title;
            worksheet_write_string(ws, row, static_cast<lxw_col_t>(c), title.c_str(), header);
            width[c] = std::max(width[c], display_width(title));
        }
        worksheet_freeze_panes(ws, row + 1, 0);
        lxw_row_t const header_row = row;
        ++row;
        for (auto const& cells : r.rows) {
            for (std::size_t c = 0; c < cells.size() && c < r.columns.size(); ++c) {
                auto const col = static_cast<lxw_col_t>(c);
                if (cells[c].empty()) continue;
                if (r.columns[c].numeric) {
                    if (auto const v = as_number(cells[c])) {
                        worksheet_write_number(ws, row, col, *v, nullptr);
                        continue;
                    }
                }
                worksheet_write_string(ws, row, col, cells[c].c_str(), text);
                width[c] = std::max(width[c], std::min<std::size_t>(display_width(cells[c]), 60));
            }
            ++row;
        }
        for (std::size_t c = 0; c < width.size(); ++c)
            worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                                 static_cast<double>(width[c]) + 2, nullptr);
        insert_charts(wb, ws, name, r, header_row);
    }
    check(workbook_close(wb), path);
}

void write_output(std::filesystem::path const& path, std::string const& bytes, std::ostream& out) {
    if (path.empty() || path == "-") {
        out << bytes;
        out.flush();
        return;
    }
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    if (!f) throw invalid_input("output", "cannot open '" + path.string() + "' for writing");
    f << bytes;
    f.close();
    if (!f) throw invalid_input("output", "cannot write '" + path.string() + "'");
}

}  // namespace dangyuan::io
