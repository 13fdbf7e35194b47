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
auto by_member(sql::database& db, member_table const& t, std::vector<member_id> const& ids, Read read) {
    rows_by_member<decltype(read(std::declval<sql::statement&>()))> out;
    if (ids.empty()) return out;
    sql::statement st(db, std::string("SELECT member_id, ") + t.columns + " FROM " + t.name +
                              " WHERE member_id " + in_id_set + " ORDER BY member_id, " + t.order);
    st.bind(":ids", json_ids(ids));
    while (st.step())
        out[st.column(0).as_int64()].push_back(read(st));
    return out;
}

// The rows of `t` of one member, in order.
template <class Read>
auto of_member(sql::database& db, member_table const& t, member_id id, Read read) {
    std::vector<decltype(read(std::declval<sql::statement&>()))> out;
    sql::statement st(db, std::string("SELECT member_id, ") + t.columns + " FROM " + t.name +
                              " WHERE member_id = :member_id ORDER BY " + t.order);
    bind_id(st, ":member_id", id);
    while (st.step())
        out.push_back(read(st));
    return out;
}

constexpr member_table standing_events{"kind, date, reason, decided_by", "standing_events", "id"};
constexpr member_table party_probations{"from_date, months, rights_suspended, decided_by", "party_probations",
                                        "from_date, id"};

// The columns from_date, months, rights_suspended, decided_by of party_probations from 1.
party_probation read_probation(sql::statement& st) {
    return party_probation{*column_date(st, 1, "party_probations.from_date"), st.column(2).as_int(),
                           st.column(3).as_int() != 0, st.column(4).as_string()};
}

standing_event read_standing(sql::statement& st) {
    return read_standing_event(st, 1);
}

}  // namespace

standing_event read_standing_event(sql::statement& st, int first) {
    return standing_event{parse_standing_event_kind(st.column(first).as_string()),
                          *column_date(st, first + 1, "standing_events.date"),
                          st.column(first + 2).as_string(), st.column(first + 3).as_string()};
}

std::unordered_map<std::int64_t, member> members_of(sql::database& db, std::vector<member_id> const& ids) {
    std::unordered_map<std::int64_t, member> out;
    if (ids.empty()) return out;
    sql::statement st(db, std::string("SELECT ") + member_columns + " FROM members WHERE id " + in_id_set);
    st.bind(":ids", json_ids(ids));
    while (st.step()) {
        auto m = read_member(st);
        out.emplace(m.id.value(), std::move(m));
    }
    return out;
}

standing_lookup standing_histories_of(sql::database& db, std::vector<member_id> const& ids) {
    return standing_lookup(by_member(db, standing_events, ids, read_standing));
}

std::vector<standing_event> standing_history_of(sql::database& db, member_id id) {
    return of_member(db, standing_events, id, read_standing);
}

standing_lookup standing_histories_in(store const& s, scope const& sc) {
    rows_by_member<standing_event> histories;
    for (auto& [id, events] : s.standing_histories(sc))
        histories.emplace(id.value(), std::move(events));
    return standing_lookup(std::move(histories));
}

rows_by_member<party_probation> probations_of(sql::database& db, std::vector<member_id> const& ids) {
    return by_member(db, party_probations, ids, read_probation);
}

std::vector<party_probation> probations_of(sql::database& db, member_id id) {
    return of_member(db, party_probations, id, read_probation);
}

}  // namespace dangyuan::storage
