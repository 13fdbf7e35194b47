// Inputs the fuzz targets (fuzz/) found, kept as tests. Each names the target and the corpus file
// (fuzz/corpus/<target>/) holding the input that showed it.
//
// A test tagged [!shouldfail] (none at present) records a defect not fixed yet: it passes while the
// defect is there and fails once the code is right, when the tag is to be removed.

#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "dangyuan/io/csv.hpp"

namespace {

std::vector<std::size_t> record_lines(std::string const& text) {
    std::vector<std::size_t> lines;
    dangyuan::io::read_csv(text, [&](dangyuan::io::csv_record&& r) { lines.push_back(r.line); });
    return lines;
}

std::string corpus_file(char const* target, char const* name) {
    std::ifstream in(std::string(DANGYUAN_SOURCE_DIR) + "/fuzz/corpus/" + target + "/" + name,
                     std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

// fuzz_roster_csv, corpus/roster_csv/regression-bare-cr: a header with a run of bare CRs inside an
// unquoted cell. libcsv ends a record at a bare CR as at LF; read_csv used to count lines by LF only, so
// the records after a CR got the line of the one before. Now each record starts on a later line.
TEST_CASE("read_csv: the fuzz input with bare carriage returns is read, line numbers strictly increase",
          "[fuzz][csv]") {
    auto const bytes = corpus_file("roster_csv", "regression-bare-cr");
    REQUIRE(!bytes.empty());
    auto const lines = record_lines(bytes);
    REQUIRE(lines.size() >= 2);
    for (std::size_t i = 1; i < lines.size(); ++i)
        CHECK(lines[i] > lines[i - 1]);
}

// The defect itself: a file with CR-only line endings (classic Mac "CSV") has its rows 1, 2, 3 in a
// spreadsheet; `dangyuan import` of such a file reported a mistake of row 2 as "row 1".
TEST_CASE("read_csv: a bare carriage return ends a record on its own row (CR-only line endings)",
          "[fuzz][csv]") {
    CHECK(record_lines("a,b\rc,d\re,f\r") == std::vector<std::size_t>{1, 2, 3});
    CHECK(record_lines("a,b\rc,d\re,f") == std::vector<std::size_t>{1, 2, 3});
}

// Mixed endings: CR LF counts once, a bare CR once, LF once; a blank line (any ending) is a row skipped.
TEST_CASE("read_csv: mixed line endings and blank lines keep the spreadsheet row numbers", "[fuzz][csv]") {
    CHECK(record_lines("a\r\nb\rc\nd") == std::vector<std::size_t>{1, 2, 3, 4});
    CHECK(record_lines("a\r\rb\n\nc\r\n\r\nd") == std::vector<std::size_t>{1, 3, 5, 7});
}

// Quoted line breaks belong to their record, which keeps the line it starts on; each kind counts once.
TEST_CASE("read_csv: quoted line breaks of every kind count once toward the following rows", "[fuzz][csv]") {
    CHECK(record_lines("a,\"x\r\ny\"\r\nb,c\r\n") == std::vector<std::size_t>{1, 3});
    CHECK(record_lines("a,\"x\ry\"\rb,c\r") == std::vector<std::size_t>{1, 3});
    CHECK(record_lines("a,\"x\ny\rz\r\nw\"\nb,c") == std::vector<std::size_t>{1, 5});
    std::vector<std::string> fields;
    dangyuan::io::read_csv("\"x\r\ny\rz\"\r", [&](dangyuan::io::csv_record&& r) { fields = r.fields; });
    CHECK(fields == std::vector<std::string>{"x\r\ny\rz"});
}

// CRLF, the line ending RFC 4180 asks for, is numbered correctly.
TEST_CASE("read_csv: CRLF line endings number the records 1, 2, 3", "[fuzz][csv]") {
    CHECK(record_lines("a,b\r\nc,d\r\ne,f\r\n") == std::vector<std::size_t>{1, 2, 3});
}
