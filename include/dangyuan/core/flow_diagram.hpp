#pragma once
/// \file
/// Flow charts (流程图) of a procedure as Mermaid `flowchart` text, generated from the procedure's own
/// transition table so that the chart in the documents cannot drift from the rules.
///
/// The renderer knows nothing of a domain: a domain turns its table into a `flow_chart` (nodes, optional
/// groups, edges) and `to_mermaid` prints it. Node labels are bilingual, the stable English code over the
/// Chinese name, both taken from the enumeration tables (`flow_node_of`). The output is deterministic:
/// groups, nodes and edges in the order given, one per line.

#include <string>
#include <string_view>
#include <vector>

#include "dangyuan/core/enum_table.hpp"
#include "dangyuan/core/errors.hpp"

namespace dangyuan {

/// A box of the chart.
struct flow_node {
    std::string id;         ///< Mermaid node id: the stable code (letters, digits, underscores)
    std::string code;       ///< first line of the label (English code)
    std::string chinese;    ///< second line of the label (中文名称); may be empty
    std::string group;      ///< the id of the group drawn around it, or empty
    bool terminal = false;  ///< an end of the procedure: drawn with rounded corners

    friend bool operator==(flow_node const&, flow_node const&) = default;
};

/// A frame around several boxes (a Mermaid `subgraph`), e.g. a stage of a pipeline.
struct flow_group {
    std::string id;
    std::string code;
    std::string chinese;

    friend bool operator==(flow_group const&, flow_group const&) = default;
};

/// An arrow between two boxes, optionally labelled; dashed for an exceptional path (a vote not carried).
struct flow_edge {
    std::string from;
    std::string to;
    std::string label;
    bool dashed = false;

    friend bool operator==(flow_edge const&, flow_edge const&) = default;
};

/// A whole chart.
struct flow_chart {
    std::string direction = "TD";  ///< Mermaid direction: TD (top-down) or LR (left to right)
    std::vector<flow_group> groups;
    std::vector<flow_node> nodes;
    std::vector<flow_edge> edges;

    friend bool operator==(flow_chart const&, flow_chart const&) = default;
};

/// The node of an enumerator: its code as id and first line, its Chinese name as second line.
template <tabled_enum E>
[[nodiscard]] flow_node flow_node_of(E v, std::string group = {}) {
    return {std::string(to_string(v)), std::string(to_string(v)), std::string(chinese_name(v)),
            std::move(group), false};
}

/// The group of an enumerator (e.g. a stage): its code as id, its names as title.
template <tabled_enum E>
[[nodiscard]] flow_group flow_group_of(E v) {
    return {std::string(to_string(v)), std::string(to_string(v)), std::string(chinese_name(v))};
}

namespace detail {
// Mermaid reserves "end" (and ids starting with "o" or "x" right after an arrow may read as edge heads),
// so every id gets a letter prefix of its own.
[[nodiscard]] inline std::string flow_id(std::string_view id) {
    return "n_" + std::string(id);
}
// A label inside double quotes: quotes become the entity Mermaid reads back.
[[nodiscard]] inline std::string flow_text(std::string_view code, std::string_view chinese) {
    std::string out;
    for (char c : code)
        out += c == '"' ? std::string("#quot;") : std::string(1, c);
    if (!chinese.empty()) {
        out += "<br/>";
        for (char c : chinese)
            out += c == '"' ? std::string("#quot;") : std::string(1, c);
    }
    return out;
}
}  // namespace detail

/// The chart as Mermaid `flowchart` text, ending with a newline.
/// \pre every edge names nodes of the chart and every node's group is one of the groups (or empty);
///      ids are letters, digits and underscores.
[[nodiscard]] inline std::string to_mermaid(flow_chart const& chart) {
    std::string out = "flowchart " + chart.direction + "\n";
    auto node_line = [](flow_node const& n, std::string_view indent) {
        auto const text = detail::flow_text(n.code, n.chinese);
        return std::string(indent) + detail::flow_id(n.id) + (n.terminal ? "([\"" : "[\"") + text +
               (n.terminal ? "\"])" : "\"]") + "\n";
    };
    for (auto const& g : chart.groups) {
        out +=
            "    subgraph " + detail::flow_id(g.id) + "[\"" + detail::flow_text(g.code, g.chinese) + "\"]\n";
        for (auto const& n : chart.nodes)
            if (n.group == g.id) out += node_line(n, "        ");
        out += "    end\n";
    }
    for (auto const& n : chart.nodes)
        if (n.group.empty()) out += node_line(n, "    ");
    for (auto const& e : chart.edges) {
        out += "    " + detail::flow_id(e.from) + (e.dashed ? " -.->" : " -->");
        if (!e.label.empty()) out += "|\"" + detail::flow_text(e.label, {}) + "\"|";
        out += " " + detail::flow_id(e.to) + "\n";
    }
    return out;
}

/// Replaces the text between the lines `<!-- <marker>:begin -->` and `<!-- <marker>:end -->` of `doc` by
/// `body` wrapped in a ```mermaid block; returns the new document. Used to keep a chart in a document in
/// step with its table (and by the test that checks it is).
/// \throws invalid_input{"marker"} when the document lacks either marker line.
[[nodiscard]] inline std::string with_flow_block(std::string const& doc, std::string_view marker,
                                                 std::string const& body) {
    auto const begin = "<!-- " + std::string(marker) + ":begin -->\n";
    auto const end = "<!-- " + std::string(marker) + ":end -->";
    auto const b = doc.find(begin);
    auto const e = b == std::string::npos ? std::string::npos : doc.find(end, b + begin.size());
    if (b == std::string::npos || e == std::string::npos)
        throw invalid_input("marker", "the document has no lines '" + begin.substr(0, begin.size() - 1) +
                                          "' and '" + end + "'");
    return doc.substr(0, b + begin.size()) + "```mermaid\n" + body + "```\n" + doc.substr(e);
}

}  // namespace dangyuan
