// Branch general meeting votes (rules/vote.hpp): counts, quorum and majority.

#include <array>
#include <span>

#include "foundation.hpp"

namespace dangyuan::python {

std::span<field_spec<branch_vote> const> record_traits<branch_vote>::fields() {
    static std::array const specs{
        field<&branch_vote::entitled>("entitled"),
        field<&branch_vote::present>("present"),
        field<&branch_vote::written_opinions>("written_opinions"),
        field<&branch_vote::yes>("yes"),
        field<&branch_vote::no>("no"),
        field<&branch_vote::abstain>("abstain"),
    };
    return specs;
}
void record_traits<branch_vote>::finish(branch_vote&, std::uint64_t&) {}

void bind_vote(py::module_& m) {
    py::class_<branch_vote> cls(
        m, "BranchVote",
        "The counts of one branch-meeting vote (票决) on one person: entitled, present, "
        "written_opinions, yes, no, abstain (written opinions included in the votes).");
    bind_record(cls);

    m.def("validate_counts", &validate_counts, py::arg("vote"),
          "Checks that the counts are possible. Raises InvalidInput naming the count.");
    m.def("quorate", &quorate, py::arg("vote"),
          "True when more than half of those entitled are present (vote.quorum_over_half).");
    m.def("passes", &passes, py::arg("vote"),
          "True when YES exceeds half of those entitled, not of those present (vote.majority_of_entitled).");
    m.def(
        "require_quorum", &require_quorum, py::arg("vote"),
        "Validates the counts and the quorum. Raises InvalidInput, or RuleViolation vote.quorum_over_half.");
    m.def("require_passed", &require_passed, py::arg("vote"),
          "Validates counts and quorum and that the motion carried. Raises RuleViolation "
          "vote.quorum_over_half or vote.majority_of_entitled.");
}

}  // namespace dangyuan::python
