// The set-wise readers of what belongs to members (member_rows.hpp): one statement per set.

#include "member_rows.hpp"

#include <string>
#include <utility>

#include "rows.hpp"

namespace dangyuan::storage {

namespace {

// A member-keyed table: its columns after the member id, its name, the order of a member's rows. The
// readers below take `read`, which makes a value of a row (reading from column 1).
struct member_table {
    char const* columns;
    char const* name;
    char const* order;
};

// The rows of `t` whose member is in `ids`, grouped by member.
template <class Read>
auto by_member(SQLite::Database& db, member_table const& t, std::vector<member_id> const& ids, Read read) {
    rows_by_member<decltype(read(std::declval<SQLite::Statement&>()))> out;
    if (ids.empty()) return out;
    SQLite::Statement st(db, std::string("SELECT member_id, ") + t.columns + " FROM " + t.name +
                                 " WHERE member_id " + in_id_set + " ORDER BY member_id, " + t.order);
    st.bind(":ids", json_ids(ids));
    while (st.executeStep())
        out[st.getColumn(0).getInt64()].push_back(read(st));
    return out;
}

// The rows of `t` of one member, in order.
template <class Read>
auto of_member(SQLite::Database& db, member_table const& t, member_id id, Read read) {
    std::vector<decltype(read(std::declval<SQLite::Statement&>()))> out;
    SQLite::Statement st(db, std::string("SELECT member_id, ") + t.columns + " FROM " + t.name +
                                 " WHERE member_id = :member_id ORDER BY " + t.order);
    bind_id(st, ":member_id", id);
    while (st.executeStep())
        out.push_back(read(st));
    return out;
}

constexpr member_table standing_events{"kind, date, reason, decided_by", "standing_events", "id"};
constexpr member_table party_probations{"from_date, months, rights_suspended, decided_by", "party_probations",
                                        "from_date, id"};

// The columns from_date, months, rights_suspended, decided_by of party_probations from 1.
party_probation read_probation(SQLite::Statement& st) {
    return party_probation{*column_date(st, 1, "party_probations.from_date"), st.getColumn(2).getInt(),
                           st.getColumn(3).getInt() != 0, st.getColumn(4).getString()};
}

standing_event read_standing(SQLite::Statement& st) {
    return read_standing_event(st, 1);
}

}  // namespace

standing_event read_standing_event(SQLite::Statement& st, int first) {
    return standing_event{parse_standing_event_kind(st.getColumn(first).getString()),
                          *column_date(st, first + 1, "standing_events.date"),
                          st.getColumn(first + 2).getString(), st.getColumn(first + 3).getString()};
}

std::unordered_map<std::int64_t, member> members_of(SQLite::Database& db, std::vector<member_id> const& ids) {
    std::unordered_map<std::int64_t, member> out;
    if (ids.empty()) return out;
    SQLite::Statement st(db, std::string("SELECT ") + member_columns + " FROM members WHERE id " + in_id_set);
    st.bind(":ids", json_ids(ids));
    while (st.executeStep()) {
        auto m = read_member(st);
        out.emplace(m.id.value(), std::move(m));
    }
    return out;
}

standing_lookup standing_histories_of(SQLite::Database& db, std::vector<member_id> const& ids) {
    return standing_lookup(by_member(db, standing_events, ids, read_standing));
}

std::vector<standing_event> standing_history_of(SQLite::Database& db, member_id id) {
    return of_member(db, standing_events, id, read_standing);
}

standing_lookup standing_histories_in(store const& s, scope const& sc) {
    rows_by_member<standing_event> histories;
    for (auto& [id, events] : s.standing_histories(sc))
        histories.emplace(id.value(), std::move(events));
    return standing_lookup(std::move(histories));
}

rows_by_member<party_probation> probations_of(SQLite::Database& db, std::vector<member_id> const& ids) {
    return by_member(db, party_probations, ids, read_probation);
}

std::vector<party_probation> probations_of(SQLite::Database& db, member_id id) {
    return of_member(db, party_probations, id, read_probation);
}

}  // namespace dangyuan::storage
