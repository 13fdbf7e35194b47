// The set-wise readers of what belongs to members (member_rows.hpp): one statement per set.

#include "member_rows.hpp"

#include <string>
#include <utility>

#include "rows.hpp"

namespace dangyuan::storage {

namespace {

// The rows of `table` whose member is in `ids`, in `order` (after the member), grouped by member:
// `columns` follow the member id and `read` makes a value of a row (reading from column 1).
template <class Read>
auto by_member(SQLite::Database& db, char const* columns, char const* table, char const* order,
               std::vector<member_id> const& ids, Read read) {
    rows_by_member<decltype(read(std::declval<SQLite::Statement&>()))> out;
    if (ids.empty()) return out;
    SQLite::Statement st(db, std::string("SELECT member_id, ") + columns + " FROM " + table +
                                 " WHERE member_id " + in_id_set + " ORDER BY member_id, " + order);
    st.bind(":ids", json_ids(ids));
    while (st.executeStep())
        out[st.getColumn(0).getInt64()].push_back(read(st));
    return out;
}

}  // namespace

standing_event read_standing_event(SQLite::Statement& st, int first) {
    return standing_event{parse_standing_event_kind(st.getColumn(first).getString()),
                          *column_date(st, first + 1, "standing_events.date"),
                          st.getColumn(first + 2).getString(), st.getColumn(first + 3).getString()};
}

party_probation read_probation(SQLite::Statement& st, int first) {
    return party_probation{*column_date(st, first, "party_probations.from_date"),
                           st.getColumn(first + 1).getInt(), st.getColumn(first + 2).getInt() != 0,
                           st.getColumn(first + 3).getString()};
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
    return standing_lookup(by_member(db, "kind, date, reason, decided_by", "standing_events", "id", ids,
                                     [](SQLite::Statement& st) { return read_standing_event(st, 1); }));
}

standing_lookup standing_histories_in(store const& s, scope const& sc) {
    rows_by_member<standing_event> histories;
    for (auto& [id, events] : s.standing_histories(sc))
        histories.emplace(id.value(), std::move(events));
    return standing_lookup(std::move(histories));
}

rows_by_member<party_probation> probations_of(SQLite::Database& db, std::vector<member_id> const& ids) {
    return by_member(db, "from_date, months, rights_suspended, decided_by", "party_probations",
                     "from_date, id", ids, [](SQLite::Statement& st) { return read_probation(st, 1); });
}

}  // namespace dangyuan::storage
