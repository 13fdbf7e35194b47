#pragma once
// Internal to src/storage: set-wise loads of what belongs to members, one statement per set, for the
// queries that judge many members at once (counts, agendas, voting rolls).

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "dangyuan/member/member.hpp"
#include "dangyuan/member/standing.hpp"
#include "impl.hpp"

namespace dangyuan::storage {

/// The standing events (党籍 events) of the members `ids`, by member id, each member's in the order
/// they were recorded. A member without events has no entry.
std::unordered_map<std::int64_t, std::vector<standing_event>> standing_histories_of(
    SQLite::Database& db, std::vector<member_id> const& ids);

/// The members `ids` that exist, by member id.
std::unordered_map<std::int64_t, member> members_of(SQLite::Database& db, std::vector<member_id> const& ids);

/// The history of `id` in `histories` (standing_histories_of), empty when it has none.
inline std::vector<standing_event> const& history_in(
    std::unordered_map<std::int64_t, std::vector<standing_event>> const& histories, member_id id) {
    static std::vector<standing_event> const none;
    auto const it = histories.find(id.value());
    return it == histories.end() ? none : it->second;
}

}  // namespace dangyuan::storage
