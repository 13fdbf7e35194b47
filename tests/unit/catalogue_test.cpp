#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <regex>
#include <set>

#include "dangyuan/agenda/agenda_kinds.hpp"
#include "dangyuan/rules/profile.hpp"
#include "test_support.hpp"

namespace catalogue_test_cases {

using namespace dangyuan;

namespace {
std::filesystem::path const source_dir{DANGYUAN_SOURCE_DIR};

// Rows of docs/rules.md: rule id -> citation (second column).
std::map<std::string, std::string> documented_rules() {
    std::map<std::string, std::string> rows;
    std::istringstream in(test::file_bytes(source_dir / "docs" / "rules.md"));
    std::regex const row(R"(^\| `([a-z0-9_.]+)` \| ([^|]+) \|)");
    std::smatch m;
    for (std::string line; std::getline(in, line) && line != "<!-- rules:end -->";)
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

TEST_CASE("catalogue: every agenda item kind put on the agenda is catalogued with its meaning",
          "[catalogue]") {
    // Kinds are the first argument of an agenda_item or of the local helpers that build one.
    std::regex const made(
        R"re((?:agenda_item\{|make\(|deadline\(|finding\(|dated\()\s*(?:[a-z_]+ \? )?"([a-z]+\.[a-z0-9_]+)"(?:\s*:\s*"([a-z]+\.[a-z0-9_]+)")?)re");
    std::set<std::string> used;
    for (auto const& dir : {source_dir / "include", source_dir / "src"})
        for (auto const& text : sources(dir, {".hpp", ".cpp"}))
            for (std::sregex_iterator it(text.begin(), text.end(), made), end; it != end; ++it) {
                used.insert((*it)[1]);
                if ((*it)[2].matched) used.insert((*it)[2]);
            }
    CHECK(used.size() > 30);
    for (auto const& kind : used) {
        INFO(kind);
        CHECK(agenda_kind(kind).has_value());
    }
    std::set<std::string_view> seen;
    std::istringstream doc(test::file_bytes(source_dir / "docs" / "rules.md"));
    std::string text((std::istreambuf_iterator<char>(doc)), {});
    for (auto const& k : agenda_kinds()) {
        INFO(k.kind);
        CHECK(seen.insert(k.kind).second);
        CHECK_FALSE(k.english.empty());
        CHECK_FALSE(k.chinese.empty());
        CHECK(used.count(std::string(k.kind)) == 1);  // no catalogued kind that nothing produces
        CHECK(text.find("| `" + std::string(k.kind) + "` |") != std::string::npos);
    }
}

TEST_CASE("catalogue: one owner per rule — each rule id is raised in one header, none in src/",
          "[catalogue]") {
    std::regex const raised(R"(violation\(\s*"([a-z0-9_.]+)\")");
    std::map<std::string, std::set<std::string>> owners;
    for (auto const& dir : {source_dir / "include", source_dir / "src"})
        for (auto const& e : std::filesystem::recursive_directory_iterator(dir)) {
            auto const ext = e.path().extension().string();
            if (!e.is_regular_file() || (ext != ".hpp" && ext != ".cpp")) continue;
            auto const text = test::file_bytes(e.path());
            for (std::sregex_iterator it(text.begin(), text.end(), raised), end; it != end; ++it)
                owners[(*it)[1]].insert(std::filesystem::relative(e.path(), source_dir).string());
        }
    CHECK(owners.size() > 60);  // ids passed through helpers are not counted here
    for (auto const& [id, files] : owners) {
        INFO(id << " is raised in " << files.size() << " files: " << *files.begin() << " …");
        CHECK(files.size() == 1);
        CHECK(files.begin()->rfind("include/", 0) == 0);  // rule logic lives in the headers
    }
    // The parameters: one per rule and key, every field of the rule set covered (profile_test.cpp).
    std::set<std::string> keys;
    for (auto const& p : detail::rule_parameters) {
        INFO(p.key);
        CHECK(keys.insert(std::string(p.key)).second);
        CHECK_NOTHROW(find_rule(p.rule_id));
    }
}

}  // namespace catalogue_test_cases
