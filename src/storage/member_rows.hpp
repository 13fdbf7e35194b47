#pragma once
// Internal to src/storage: set-wise loads of what belongs to members, one statement per set, for the
// queries that judge many members at once (counts, agendas, voting rolls, meetings, the dues ledger).

#include <bitset>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "dangyuan/member/discipline.hpp"
#include "dangyuan/member/member.hpp"
#include "dangyuan/member/member_fields.hpp"
#include "dangyuan/member/standing.hpp"
#include "impl.hpp"

namespace dangyuan::storage {

/// The rows of a member-keyed table for a set of members, by member id, each member's in the order of
/// its table. A member without rows has no entry.
template <class T>
using rows_by_member = std::unordered_map<std::int64_t, std::vector<T>>;

/// The rows of `id` in `rows`, empty when it has none.
template <class T>
std::vector<T> const& rows_of(rows_by_member<T> const& rows, member_id id) {
    static std::vector<T> const none;
    auto const it = rows.find(static_cast<std::int64_t>(id.value()));
    return it == rows.end() ? none : it->second;
}

/// The columns kind, date, reason, decided_by of standing_events from `first`.
standing_event read_standing_event(sql::statement& st, int first);

/// A set of the fields of member_fields, by index.
using member_field_set = std::bitset<member_fields.size()>;

/// The fields of member_fields named `names` (member_field_info::name).
/// \throws std::logic_error for a name that is not a field.
member_field_set member_field_subset(std::initializer_list<std::string_view> names);

/// Calls `f` with each member of the roster of `sc` (the organisation and its subtree, or all) on
/// `as_of` (admitted and not exited; every member without it), in member-id order, one at a time (`f`
/// may keep it by moving it): the roster is never held whole. Unmasked: for counting only, nothing of it may
/// leave the library. When `count` is given, it first receives the number of members `f` will see. With
/// `only`, just those fields (and the id) are read, the others left as a default `member` has them. \pre `sc`
/// is already narrowed to what the principal may read (access.hpp, visible_scope). \throws not_found for an
/// unknown scope.
void for_each_member(store const& s, scope sc, std::optional<date::sys_days> as_of,
                     std::function<void(member&&)> const& f, std::size_t* count = nullptr,
                     std::optional<member_field_set> only = std::nullopt);

/// The members `ids` that exist, by member id.
std::unordered_map<std::int64_t, member> members_of(sql::database& db, std::vector<member_id> const& ids);

/// Standing (党籍) of many members on any day, from one read of their standing events.
class standing_lookup {
public:
    standing_lookup() = default;
    /// Histories already read, by member id, each in recorded order.
    explicit standing_lookup(rows_by_member<standing_event> histories) : histories_(std::move(histories)) {}
    /// The standing events of `id` in recorded order, empty when it has none.
    [[nodiscard]] std::vector<standing_event> const& history(member_id id) const {
        return rows_of(histories_, id);
    }
    /// standing_on of `m` on `d` (nothing before admission).
    [[nodiscard]] std::optional<standing> on(member const& m, date::sys_days d) const {
        return dangyuan::standing_on(m, history(m.id), d);
    }
    /// Whether `m` is in normal standing on `d`.
    [[nodiscard]] bool normal(member const& m, date::sys_days d) const {
        auto const st = on(m, d);
        return st && st->state == standing_state::normal;
    }

private:
    rows_by_member<standing_event> histories_;
};

/// The standing events of the members `ids`, each member's in the order they were recorded.
standing_lookup standing_histories_of(sql::database& db, std::vector<member_id> const& ids);
/// The standing events of `id` in the order they were recorded (none for an unknown member).
std::vector<standing_event> standing_history_of(sql::database& db, member_id id);
/// The standing events of the members of the organisations in `sc` (store::standing_histories).
/// \throws not_found for an unknown scope.
standing_lookup standing_histories_in(store const& s, scope const& sc);

/// Party probations (留党察看) of the members `ids`, each member's oldest first (from_date, then id).
rows_by_member<party_probation> probations_of(sql::database& db, std::vector<member_id> const& ids);
/// Party probations of `id`, oldest first (none for an unknown member).
std::vector<party_probation> probations_of(sql::database& db, member_id id);

}  // namespace dangyuan::storage
