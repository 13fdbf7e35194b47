// Fitting text to a terminal (io/text.hpp wrap_text, cut_text; io/table.hpp write_text's width):
// display columns, not bytes; breaks at spaces or between Chinese characters, never inside a character.

#include <catch2/catch.hpp>

#include <sstream>

#include "dangyuan/io/table.hpp"
#include "dangyuan/io/text.hpp"

namespace text_width_test_cases {

using dangyuan::io::cut_text;
using dangyuan::io::display_width;
using dangyuan::io::wrap_text;
using lines = std::vector<std::string>;

TEST_CASE("text: wrap_text breaks at spaces and between Chinese characters within the width", "[text]") {
    CHECK(wrap_text("hold the election now", 10) == lines{"hold the", "election", "now"});
    CHECK(wrap_text("本届任期5年应进行换届选举", 8) == lines{"本届任期", "5年应进", "行换届选", "举"});
    // Closing punctuation stays with the character before it.
    CHECK(wrap_text("应进行换届选举，并报批", 14) == lines{"应进行换届选", "举，并报批"});
    // A word longer than the line is cut between characters; each line fits.
    CHECK(wrap_text("2026-08-03", 4) == lines{"2026", "-08-", "03"});
    for (auto const& l : wrap_text("本届任期3年, 2023-08-03开始, 2026-08-03届满: 应进行换届选举", 13))
        CHECK(display_width(l) <= 13);
    // Nothing is lost but the blanks at the breaks.
    CHECK(wrap_text("a b 汉字 cd", 3) == lines{"a b", "汉", "字", "cd"});
    CHECK(wrap_text("", 5) == lines{""});
    CHECK(wrap_text("unchanged text", 0) == lines{"unchanged text"});
    CHECK(wrap_text("fits", 4) == lines{"fits"});
}

TEST_CASE("text: cut_text keeps whole characters and marks the cut with …", "[text]") {
    CHECK(cut_text("org.term_length", 8) == "org.ter…");
    CHECK(cut_text("上级党委审批", 6) == "上级…");  // 上级 (4) + … (1): a third 汉字 would not fit
    CHECK(display_width(cut_text("上级党委审批", 6)) == 5);
    CHECK(cut_text("上级党委审批", 12) == "上级党委审批");
    CHECK(cut_text("abc", 0).empty());
}

TEST_CASE("text: write_text wraps the last column under itself and cuts the others to fit", "[text]") {
    dangyuan::io::report r;
    r.columns = {{"due", "到期日"}, {"kind", "事项"}, {"message", "说明"}};
    r.rows = {
        {"2026-12-20", "任期届满，按期换届", "本届任期5年, 2021-12-20开始, 2026-12-20届满: 应进行换届选举"}};
    auto text = [&](std::size_t width) {
        std::ostringstream out;
        dangyuan::io::write_text(out, r, false, width);
        return out.str();
    };
    CHECK(text(0) ==
          "到期日      事项                说明\n"
          "----------  ------------------  -----------------------------------------------------------\n"
          "2026-12-20  任期届满，按期换届  本届任期5年, 2021-12-20开始, 2026-12-20届满: 应进行换届选举\n");
    CHECK(text(60) ==
          "到期日      事项                说明\n"
          "----------  ------------------  ----------------------------\n"
          "2026-12-20  任期届满，按期换届  本届任期5年, 2021-12-20开始,\n"
          "                                2026-12-20届满: 应进行换届选\n"
          "                                举\n");
    // Too narrow for the other columns and 20 of the last: the kind is cut.
    auto const narrow = text(50);
    std::istringstream in(narrow);
    for (std::string line; std::getline(in, line);)
        CHECK(display_width(line) <= 50);
    CHECK(narrow.find("任期届满，按期…") != std::string::npos);
}

}  // namespace text_width_test_cases
