#pragma once
/// \file
/// Year statistics of model posts and commendations (党员示范岗, 两优一先) for a scope: designations in
/// force at the year's end and made during it, commendations by kind and level. A pure fold over the
/// designations and commendations the caller loaded (storage/honours_store.hpp reads them for a scope).

#include <date/date.h>

#include <array>
#include <span>
#include <vector>

#include "dangyuan/core/calendar.hpp"
#include "dangyuan/honours/commendation.hpp"
#include "dangyuan/honours/model_post.hpp"

namespace dangyuan {

/// Commendations of one kind and level.
struct commendation_count {
    commendation_kind kind = commendation_kind::outstanding_member;
    commendation_level level = commendation_level::awarding_org;
    int count = 0;

    friend bool operator==(commendation_count const&, commendation_count const&) = default;
};

/// The statistics of one year.
struct honours_statistics {
    int year = 0;
    int posts_active_at_year_end = 0;  ///< designations in force on 31 December
    int posts_new = 0;                 ///< designations made during the year
    int posts_ended = 0;    ///< designations revoked, lapsed or left by their member during the year
    int commendations = 0;  ///< commendations dated in the year
    /// Commendations of the year by kind and level: every pair with at least one, kinds then levels in
    /// enumeration order.
    std::vector<commendation_count> by_kind_and_level;

    friend bool operator==(honours_statistics const&, honours_statistics const&) = default;
};

/// Counts `posts` and `commendations` for `year`.
[[nodiscard]] inline honours_statistics honours_statistics_of(int year, std::span<model_post const> posts,
                                                              std::span<commendation const> commendations) {
    honours_statistics s;
    s.year = year;
    auto const first = make_date(year, 1, 1);
    auto const last = make_date(year, 12, 31);
    for (auto const& p : posts) {
        if (post_active_on(p, last)) ++s.posts_active_at_year_end;
        if (p.designated_on >= first && p.designated_on <= last) ++s.posts_new;
        if (auto const end = post_end_date(p); end && *end >= first && *end <= last) ++s.posts_ended;
    }
    std::array<std::array<int, commendation_level_count>, commendation_kind_count> counts{};
    for (auto const& c : commendations) {
        if (c.date < first || c.date > last) continue;
        ++s.commendations;
        ++counts[static_cast<std::size_t>(c.kind)][static_cast<std::size_t>(c.level)];
    }
    for (std::size_t k = 0; k < commendation_kind_count; ++k)
        for (std::size_t l = 0; l < commendation_level_count; ++l)
            if (counts[k][l] > 0)
                s.by_kind_and_level.push_back(
                    {static_cast<commendation_kind>(k), static_cast<commendation_level>(l), counts[k][l]});
    return s;
}

}  // namespace dangyuan
