#pragma once
/// \file
/// The flow chart (流程图) of the development pipeline (发展党员), generated from its transition table
/// (development/transitions.hpp): the steps grouped by the stage in which they are first recorded, and an
/// arrow from every step a step needs on record to that step (dev.step_sequence).

#include <string>

#include "dangyuan/core/flow_diagram.hpp"
#include "dangyuan/development/transitions.hpp"

namespace dangyuan {

/// The chart of the development pipeline.
[[nodiscard]] inline flow_chart development_flow_chart() {
    flow_chart chart;
    for (auto const& r : enum_rows<stage>())
        chart.groups.push_back(flow_group_of(r.value));
    for (auto const& t : transitions()) {
        // The earliest stage the step may be recorded in; the first step opens the case in its `to`.
        std::string group;
        for (auto const& r : enum_rows<stage>())
            if (contains(t.from, r.value)) {
                group = std::string(to_string(r.value));
                break;
            }
        if (group.empty() && t.to) group = std::string(to_string(*t.to));
        chart.nodes.push_back(flow_node_of(t.kind, group));
    }
    for (auto const& t : transitions())
        for (auto const n : t.needs)
            chart.edges.push_back({std::string(to_string(n)), std::string(to_string(t.kind)),
                                   t.to ? "→ " + std::string(chinese_name(*t.to)) : std::string(), false});
    return chart;
}

}  // namespace dangyuan
