#pragma once
/// \file
/// The flow chart (流程图) of the 四议两公开 procedure, generated from its transition table
/// (`decision_transitions`, decision/decision_case.hpp): one box per step, an arrow from each step to the
/// step that may follow it, and a dashed arrow to 否决 from the votes that may not carry.

#include <string>

#include "dangyuan/core/flow_diagram.hpp"
#include "dangyuan/decision/decision_case.hpp"

namespace dangyuan {

/// The chart of the decision procedure.
[[nodiscard]] inline flow_chart decision_flow_chart() {
    flow_chart chart;
    auto const& t = decision_transitions;
    for (auto const& row : t)
        chart.nodes.push_back({std::string(decision_record_kinds[row.kind]),
                               std::string(decision_record_kinds[row.kind]),
                               std::string(decision_record_chinese[row.kind]),
                               {},
                               is_closed(row.to)});
    bool any_rejection = false;
    for (auto const& a : t) {
        for (auto const& b : t)
            if (b.from == a.to)
                chart.edges.push_back({std::string(decision_record_kinds[a.kind]),
                                       std::string(decision_record_kinds[b.kind]),
                                       {},
                                       false});
        if (a.otherwise) {
            any_rejection = true;
            chart.edges.push_back({std::string(decision_record_kinds[a.kind]),
                                   std::string(to_string(*a.otherwise)), "not carried 未通过", true});
        }
    }
    if (any_rejection) {
        auto n = flow_node_of(decision_stage::rejected);
        n.terminal = true;
        chart.nodes.push_back(n);
    }
    return chart;
}

}  // namespace dangyuan
