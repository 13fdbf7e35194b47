// libcsv does the parsing. It is fed one line at a time so that each record can be given the line it
// starts on, which is what a clerk sees as the row number in a spreadsheet. libcsv ends a record at CR
// as at LF, and spreadsheets start a new row at either, so a line ends at CR LF (once), at a bare CR or at
// LF; line breaks inside quoted fields are counted the same way.

#include "dangyuan/io/csv.hpp"

#include <csv.h>

#include <memory>

#include "dangyuan/core/errors.hpp"

namespace dangyuan::io {
namespace {

struct parse_state {
    std::function<void(csv_record&&)> const* sink = nullptr;
    csv_record current;
    std::size_t record_bytes = 0;  // bytes fed since the current record began
    std::size_t line = 1;          // the line being fed
    std::size_t record_line = 1;   // the line the current record began on
    std::size_t newlines_in_fields = 0;
};

// The end of the line that starts at `pos`: just past its CR LF, bare CR or LF, or the end of `text`.
std::size_t line_end(std::string_view text, std::size_t pos) {
    auto const brk = text.find_first_of("\r\n", pos);
    if (brk == std::string_view::npos) return text.size();
    if (text[brk] == '\r' && brk + 1 < text.size() && text[brk + 1] == '\n') return brk + 2;
    return brk + 1;
}

std::size_t count_line_breaks(std::string_view text) {
    std::size_t n = 0;
    for (std::size_t pos = 0; pos < text.size(); ++n) {
        pos = line_end(text, pos);
        if (pos == text.size() && text.back() != '\r' && text.back() != '\n') break;
    }
    return n;
}

void on_field(void* data, std::size_t length, void* user) {
    auto& st = *static_cast<parse_state*>(user);
    std::string field(data ? static_cast<char const*>(data) : "", data ? length : 0);
    st.newlines_in_fields += count_line_breaks(field);
    st.current.fields.push_back(std::move(field));
}

void on_record(int /*terminator*/, void* user) {
    auto& st = *static_cast<parse_state*>(user);
    // The record ends on the line being fed; its own quoted line breaks say how many lines back it began.
    st.current.line = st.line - st.newlines_in_fields;
    st.newlines_in_fields = 0;
    (*st.sink)(std::move(st.current));
    st.current = csv_record{};
    st.record_bytes = 0;
}

struct parser_deleter {
    void operator()(csv_parser* p) const noexcept {
        csv_free(p);
        delete p;
    }
};

}  // namespace

void read_csv(std::string_view text, std::function<void(csv_record&&)> const& sink, char delimiter) {
    std::unique_ptr<csv_parser, parser_deleter> parser(new csv_parser);
    if (csv_init(parser.get(), CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
        delete parser.release();  // not initialised: csv_free must not see it
        throw invalid_input("csv", "cannot initialise the CSV parser");
    }
    csv_set_delim(parser.get(), static_cast<unsigned char>(delimiter));
    // Blanks around unquoted fields are data: callers trim them explicitly (full-width blanks included).
    csv_set_space_func(parser.get(), [](unsigned char) { return 0; });
    parse_state st;
    st.sink = &sink;
    std::size_t pos = 0;
    while (pos < text.size()) {
        auto const end = line_end(text, pos);
        auto const chunk = text.substr(pos, end - pos);
        // A row (a record, quoted line breaks included) is bounded: a file without line breaks or with
        // an unclosed quote is refused at the cap instead of being held as one endless cell.
        if (st.record_bytes == 0) st.record_line = st.line;  // the first line of a record
        st.record_bytes += chunk.size();
        if (st.record_bytes > max_record_bytes)
            throw invalid_input("csv", "line " + std::to_string(st.record_line) + ": a row longer than " +
                                           std::to_string(max_record_bytes >> 10) +
                                           " KiB (the most one row may hold); is this a roster file?");
        if (csv_parse(parser.get(), chunk.data(), chunk.size(), on_field, on_record, &st) != chunk.size())
            throw invalid_input("csv", "line " + std::to_string(st.line) + ": malformed quoting (" +
                                           csv_strerror(csv_error(parser.get())) +
                                           "); a quote inside a field must be doubled");
        if (text[end - 1] == '\r' || text[end - 1] == '\n') ++st.line;
        pos = end;
    }
    if (csv_fini(parser.get(), on_field, on_record, &st) != 0)
        throw invalid_input("csv", "line " + std::to_string(st.record_line) +
                                       ": a quoted field of the row that starts here is not closed before "
                                       "the end of the file");
}

void append_csv_field(std::string& out, std::string_view field, char delimiter) {
    bool const quote =
        field.find_first_of(std::string{'"', '\r', '\n', delimiter}) != std::string_view::npos ||
        (!field.empty() && (field.front() == ' ' || field.back() == ' '));
    if (!quote) {
        out += field;
        return;
    }
    out += '"';
    for (char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

void append_csv_record(std::string& out, std::vector<std::string> const& fields, char delimiter) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out += delimiter;
        append_csv_field(out, fields[i], delimiter);
    }
    out += "\r\n";
}

namespace {

bool formula_start(char c) {
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

}  // namespace

std::string spreadsheet_safe(std::string_view field) {
    if (!field.empty() && formula_start(field.front())) return "'" + std::string(field);
    return std::string(field);
}

std::string_view spreadsheet_unguarded(std::string_view field) {
    if (field.size() >= 2 && field.front() == '\'' && formula_start(field[1])) field.remove_prefix(1);
    return field;
}

}  // namespace dangyuan::io
