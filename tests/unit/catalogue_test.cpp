#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <regex>
#include <set>

#include "test_support.hpp"

using namespace dangyuan;

namespace {
std::filesystem::path const source_dir{DANGYUAN_SOURCE_DIR};

// Rows of docs/rules.md: rule id -> citation (second column).
std::map<std::string, std::string> documented_rules() {
    std::map<std::string, std::string> rows;
    std::istringstream in(test::file_bytes(source_dir / "docs" / "rules.md"));
    std::regex const row(R"(^\| `([a-z0-9_.]+)` \| ([^|]+) \|)");
    std::smatch m;
    for (std::string line; std::getline(in, line);)
        if (std::regex_search(line, m, row)) rows[m[1]] = m[2].str();
    return rows;
}

// The text of every file below `dir` with one of the extensions.
std::vector<std::string> sources(std::filesystem::path const& dir, std::set<std::string> const& exts) {
    std::vector<std::string> out;
    for (auto const& e : std::filesystem::recursive_directory_iterator(dir))
        if (e.is_regular_file() && exts.count(e.path().extension().string()))
            out.push_back(test::file_bytes(e.path()));
    return out;
}
}  // namespace

TEST_CASE("catalogue: rule ids are unique, well formed, and every citation carries a confidence tag",
          "[catalogue]") {
    std::set<std::string_view> ids;
    for (auto const& r : rule_catalogue()) {
        INFO(r.id);
        CHECK(ids.insert(r.id).second);
        CHECK(std::regex_match(std::string(r.id), std::regex(R"([a-z]+\.[a-z0-9_]+)")));
        CHECK_FALSE(r.document.empty());
        CHECK_FALSE(r.summary.empty());
    }
    CHECK(find_rule("org.committee_size").article == "第20条");
    CHECK_THROWS_AS(find_rule("no.such_rule"), not_found);
    auto const v = violation("member.min_age_18", "too young");
    CHECK(v.rule_id() == "member.min_age_18");
    CHECK(v.citation() == "中国共产党章程(2022) 第1条 [C]");
    CHECK(std::string(v.what()) == "[member.min_age_18] too young (中国共产党章程(2022) 第1条 [C])");
}

TEST_CASE("catalogue: docs/rules.md and the registry in code list the same rules with the same citations",
          "[catalogue]") {
    auto const doc = documented_rules();
    std::map<std::string, std::string> code;
    for (auto const& r : rule_catalogue())
        code[std::string(r.id)] = citation(r);
    for (auto const& [id, cit] : code) {
        INFO("registry rule " << id);
        REQUIRE(doc.count(id) == 1);
        CHECK(doc.at(id) == cit);
    }
    for (auto const& [id, cit] : doc) {
        INFO("documented rule " << id);
        CHECK(code.count(id) == 1);
    }
}

TEST_CASE("catalogue: every rule has a test whose name carries its id", "[catalogue]") {
    std::string names;
    std::regex const test_case(R"(TEST_CASE\(\s*"([^"]*)\")");
    for (auto const& text : sources(source_dir / "tests", {".cpp"}))
        for (std::sregex_iterator it(text.begin(), text.end(), test_case), end; it != end; ++it)
            names += (*it)[1].str() + "\n";
    for (auto const& r : rule_catalogue()) {
        INFO(r.id);
        bool const named = names.find(std::string(r.id) + ":") != std::string::npos ||
                           names.find(std::string(r.id) + " ") != std::string::npos;
        CHECK(named);
    }
}

TEST_CASE("catalogue: every rule id raised in the code is in the catalogue", "[catalogue]") {
    std::regex const raised(R"(violation\(\s*"([a-z0-9_.]+)\")");
    std::set<std::string> used;
    for (auto const& dir : {source_dir / "include", source_dir / "src"})
        for (auto const& text : sources(dir, {".hpp", ".cpp"}))
            for (std::sregex_iterator it(text.begin(), text.end(), raised), end; it != end; ++it)
                used.insert((*it)[1]);
    CHECK(used.size() > 10);
    for (auto const& id : used) {
        INFO(id);
        CHECK_NOTHROW(find_rule(id));
    }
}
