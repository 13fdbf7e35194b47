#pragma once
// Helpers of the election tests: an election held early, up to its members' meeting, in a branch
// given seven full members for it.

#include <string>
#include <vector>

#include "dangyuan/storage/election_store.hpp"
#include "test_support.hpp"

namespace test {

// Adds seven full members to `branch` (joined 2010-07-01) and records its election up to the members'
// meeting of 2026-06-01: requested 2026-03-01 and approved, the term advanced to 2026-05-01 (统一安排),
// four nominees, four candidates approved, all seven present.
inline dangyuan::election_id hold_early_election(dangyuan::store& s, dangyuan::org_id branch) {
    using namespace dangyuan;
    std::vector<member_id> a;
    for (int i = 0; i < 7; ++i)
        a.push_back(s.add_member(full_member(branch, "社区党员" + std::to_string(i), d(2010, 7, 1), 60 + i)));
    auto const id = open_election(
        s, branch, {.date = d(2026, 3, 1), .seats = 3, .planned_on = d(2026, 6, 1), .document = "请示"});
    for (election_record const& r : std::vector<election_record>{
             request_approved{.date = d(2026, 3, 5), .approved_by = "党工委", .document = "批复"},
             term_advanced{.date = d(2026, 3, 6),
             .from = d(2026, 5, 1),
             .approved_by = "党工委",
             .document = "同意",
             .reason = "统一安排"},
             members_nominated{.date = d(2026, 3, 10),
             .nominees = {{a[0], 5}, {a[1], 5}, {a[2], 4}, {a[3], 4}}},
             committee_reviewed{.date = d(2026, 3, 15), .shortlist = {a[0], a[1], a[2], a[3]}},
             candidates_approved{.date = d(2026, 3, 20),
             .candidates = {a[0], a[1], a[2], a[3]},
             .approved_by = "党工委",
             .document = "同意"},
             meeting_held{.date = d(2026, 6, 1), .attendance = {.entitled = 7, .present = 7}},
         })
        record_election(s, id, r);
    return id;
}

}  // namespace test
