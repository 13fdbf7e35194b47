#pragma once
/// \file
/// The flow chart (流程图) of an election (换届选举, 两推一选), generated from its transition table
/// (`election_transitions`, election/election_case.hpp): one box per record kind, an arrow from each kind
/// to every kind that may follow it (a kind that may repeat, such as a further round, points to itself),
/// and dashed arrows from the higher organisation's approval of a term change (延期/提前换届), which may
/// be recorded at any time before the electing meeting and changes no stage.

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <variant>

#include "dangyuan/core/flow_diagram.hpp"
#include "dangyuan/election/election_case.hpp"

namespace dangyuan {

/// The Chinese names of the election record kinds, indexed like `election_record`.
inline constexpr std::array<std::string_view, std::variant_size_v<election_record>> election_record_chinese{
    "换届请示", "上级批复",   "党员推荐", "群众推荐",     "委员会审查",   "上级审查候选人", "召开选举大会",
    "计票",     "选出委员会", "选举书记", "选举结果报告", "上级批准书记", "批准延期换届",   "批准提前换届"};

/// The chart of the election procedure.
[[nodiscard]] inline flow_chart election_flow_chart() {
    flow_chart chart;
    auto const& t = election_transitions;
    auto const code = [](std::size_t i) { return std::string(election_record_kinds[i]); };
    auto const follows = [&](std::size_t a, std::size_t b) {
        auto const after = t[a].to;
        return after && t[b].to && t[b].first <= *after && *after <= t[b].last;
    };
    for (std::size_t i = 0; i < t.size(); ++i)
        chart.nodes.push_back({code(i),
                               code(i),
                               std::string(election_record_chinese[i]),
                               {},
                               t[i].to == election_stage::completed});
    for (std::size_t a = 0; a < t.size(); ++a)
        for (std::size_t b = 0; b < t.size(); ++b)
            if (follows(a, b))
                // The only arrow past the committee: a branch without one elects its secretary at the
                // meeting.
                chart.edges.push_back({code(a), code(b),
                                       a == election_record_index<round_counted> &&
                                               b == election_record_index<secretary_elected>
                                           ? "without a committee 不设委员会"
                                           : std::string{},
                                       false});
    // A term change is approved before the meeting and leads to it on the changed date.
    auto const meeting = election_record_index<meeting_held>;
    for (std::size_t i = 0; i < t.size(); ++i)
        if (!t[i].to) chart.edges.push_back({code(i), code(meeting), "term changed 任期调整", true});
    return chart;
}

}  // namespace dangyuan
