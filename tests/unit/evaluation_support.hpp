#pragma once
// What the evaluation tests share.

#include "dangyuan/evaluation/campaign.hpp"
#include "test_support.hpp"

namespace test {

// The dates on which each phase of the tests' 2025 campaigns begins.
inline date::sys_days phase_date(dangyuan::campaign_phase p) {
    using ph = dangyuan::campaign_phase;
    switch (p) {
        case ph::study:
            return d(2025, 11, 3);
        case ph::self_assessment:
            return d(2025, 11, 10);
        case ph::appraisal_self_review:
            return d(2025, 11, 17);
        case ph::appraisal_mutual_review:
            return d(2025, 11, 18);
        case ph::appraisal_vote:
            return d(2025, 11, 19);
        case ph::organisational_assessment:
            return d(2025, 11, 24);
        case ph::commendation_and_handling:
            return d(2025, 12, 1);
        case ph::closed:
            return d(2025, 12, 15);
    }
    return d(2025, 1, 1);
}

}  // namespace test
