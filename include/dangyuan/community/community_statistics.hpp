#pragma once
/// \file
/// The yearly figures of in-service members in the community (在职党员进社区) for the communities of a
/// scope, as `community_statistics_of` (storage/community_store.hpp) counts them.

#include <array>
#include <cstdint>

namespace dangyuan {

/// Figures of one year for the communities of a scope.
struct community_statistics {
    int year = 0;
    int registered_members = 0;       ///< members with a registration covering some day of the year
    int members_with_service = 0;     ///< members with at least one service dated in the year
    std::int64_t service_tenths = 0;  ///< total service in the year, tenths of an hour
    int members_with_feedback = 0;    ///< members with a feedback in force for the year
    /// Feedback in force by rating, in the order of community_rating (好, 较好, 一般, 差).
    std::array<int, 4> feedback_by_rating{};

    friend bool operator==(community_statistics const&, community_statistics const&) = default;
};

}  // namespace dangyuan
