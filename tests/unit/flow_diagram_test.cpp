// Flow charts (流程图) generated from the transition tables: the Mermaid text, and the charts embedded in
// the documents, which must be the generated ones.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <string>

#include "dangyuan/core/flow_diagram.hpp"
#include "dangyuan/decision/decision_flow.hpp"
#include "dangyuan/development/pipeline_flow.hpp"
#include "dangyuan/election/election_flow.hpp"
#include "test_support.hpp"

namespace flow_diagram_test_cases {

using namespace dangyuan;

std::filesystem::path const source_dir{DANGYUAN_SOURCE_DIR};

TEST_CASE("flow diagrams: a chart as Mermaid text, groups first, then free nodes, then edges", "[flow]") {
    flow_chart c;
    c.groups = {{"g", "stage", "阶段"}};
    c.nodes = {{"a", "first", "第一", "g", false}, {"b", "last", "最后", "", true}};
    c.edges = {{"a", "b", "", false}, {"a", "b", "say \"no\"", true}};
    CHECK(to_mermaid(c) ==
          "flowchart TD\n"
          "    subgraph n_g[\"stage<br/>阶段\"]\n"
          "        n_a[\"first<br/>第一\"]\n"
          "    end\n"
          "    n_b([\"last<br/>最后\"])\n"
          "    n_a --> n_b\n"
          "    n_a -.->|\"say #quot;no#quot;\"| n_b\n");
    auto const n = flow_node_of(decision_stage::rejected);
    CHECK(n.id == "rejected");
    CHECK(n.chinese == "否决");
}

TEST_CASE("flow diagrams: the decision chart follows its transition table", "[flow][decision]") {
    auto const c = decision_flow_chart();
    REQUIRE(c.nodes.size() == decision_transitions.size() + 1);  // the steps and 否决
    CHECK(c.nodes.back().id == "rejected");
    // Five arrows along the procedure, two dashed ones to 否决.
    CHECK(std::count_if(c.edges.begin(), c.edges.end(), [](auto const& e) { return !e.dashed; }) == 5);
    CHECK(std::count_if(c.edges.begin(), c.edges.end(), [](auto const& e) { return e.dashed; }) == 2);
    CHECK(c.edges.front() == flow_edge{"proposed", "two_committees_consulted", "", false});
    CHECK(c.nodes[5].terminal);  // result_published closes the case
}

TEST_CASE(
    "flow diagrams: the election chart follows 两推一选 from the request to the approval of the secretary",
    "[flow][election]") {
    auto const c = election_flow_chart();
    REQUIRE(c.nodes.size() == election_transitions.size());
    auto const has = [&](char const* from, char const* to) {
        return std::any_of(c.edges.begin(), c.edges.end(),
                           [&](flow_edge const& e) { return e.from == from && e.to == to && !e.dashed; });
    };
    // The procedure of the 选举工作条例 in order, each step to the next.
    char const* const path[] = {"election_requested", "request_approved",    "members_nominated",
                                "committee_reviewed", "candidates_approved", "meeting_held",
                                "round_counted",      "committee_elected",   "secretary_elected",
                                "result_reported",    "secretary_approved"};
    for (std::size_t i = 0; i + 1 < std::size(path); ++i) {
        INFO(path[i] << " -> " << path[i + 1]);
        CHECK(has(path[i], path[i + 1]));
    }
    CHECK(has("request_approved", "masses_nominated"));  // the masses' nomination, the second 推
    CHECK(has("round_counted", "round_counted"));        // a further round while seats are open
    // No shortcut: the meeting only after the candidates' approval, the approval only after the report.
    CHECK_FALSE(has("request_approved", "meeting_held"));
    CHECK_FALSE(has("secretary_elected", "secretary_approved"));
    CHECK(c.nodes[election_record_index<secretary_approved>].terminal);
    // A term change leads to the meeting, dashed.
    CHECK(std::count_if(c.edges.begin(), c.edges.end(),
                        [](flow_edge const& e) { return e.dashed && e.to == "meeting_held"; }) == 2);
}

TEST_CASE("flow diagrams: the development chart has every step in a stage", "[flow][development]") {
    auto const c = development_flow_chart();
    CHECK(c.groups.size() == 5);
    CHECK(c.nodes.size() == transitions().size());
    for (auto const& n : c.nodes)
        CHECK_FALSE(n.group.empty());
    auto const text = to_mermaid(c);
    CHECK(text.find("n_talk_held -->|\"→ 入党积极分子\"| n_activist_determined\n") != std::string::npos);
}

TEST_CASE("flow diagrams: the charts in the documents are the generated ones", "[flow][docs]") {
    auto check = [](char const* file, char const* marker, flow_chart const& chart) {
        auto const doc = test::file_bytes(source_dir / "docs" / file);
        INFO(file << ": run `dangyuan flow " << marker << " --doc docs/" << file << "`");
        CHECK(with_flow_block(doc, std::string("flow:") + marker, to_mermaid(chart)) == doc);
    };
    check("decisions.md", "decision", decision_flow_chart());
    check("development.md", "development", development_flow_chart());
    check("elections.md", "election", election_flow_chart());
    CHECK_THROWS_AS(with_flow_block("no markers", "flow:decision", "x"), invalid_input);
}

}  // namespace flow_diagram_test_cases
