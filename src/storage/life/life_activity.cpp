// The inputs of self-withdrawal (自行脱党) findings: each member's last organisational life and last
// dues month, read for a whole roster in one query each.

#include "../access.hpp"
#include "life_rows.hpp"

namespace dangyuan {

using namespace storage::life_rows;

namespace {

// Life activity rows of the given members (sorted by id) from two aggregates.
std::vector<member_life_activity> activity_of(sql::database& db, std::vector<member> const& members,
                                              date::sys_days as_of) {
    // The kinds that count as organisational life, from the same predicate the rules use.
    std::string kinds;
    for (auto const& row : detail::meeting_kind_table)
        if (counts_as_org_life(row.kind))
            kinds += std::string(kinds.empty() ? "'" : ", '") + std::string(row.code) + "'";
    sql::statement life(db,
                        "SELECT who, max(date) FROM (SELECT m.chair_id AS who, m.date AS date FROM "
                        "life_meetings m WHERE m.chair_id IS NOT NULL AND m.date <= :as_of AND m.kind IN (" +
                            kinds +
                            ") UNION ALL SELECT a.member_id, m.date FROM life_attendance a JOIN "
                            "life_meetings m ON m.id = a.meeting_id WHERE a.status <> 'absent' AND m.date <= "
                            ":as_of AND m.kind IN (" +
                            kinds + ")) AS lived GROUP BY who");
    bind_date(life, ":as_of", as_of);
    std::unordered_map<std::int64_t, date::sys_days> last_life;
    while (life.step())
        last_life.emplace(life.column(0).as_int64(), *column_date(life, 1, "life_meetings.date"));
    sql::statement dues(db,
                        "SELECT member_id, max(month) FROM life_dues_payments WHERE voluntary = 0 AND "
                        "amount_fen > 0 AND paid_on <= :as_of GROUP BY member_id");
    bind_date(dues, ":as_of", as_of);
    std::unordered_map<std::int64_t, date::year_month> last_paid;
    while (dues.step())
        last_paid.emplace(dues.column(0).as_int64(), *column_month(dues, 1, "life_dues_payments.month"));
    std::vector<member_life_activity> out;
    for (auto const& m : members) {
        member_life_activity a{m.id, m.branch, m.admission_date, std::nullopt, std::nullopt};
        if (auto it = last_life.find(raw(m.id)); it != last_life.end()) a.last_org_life = it->second;
        if (auto it = last_paid.find(raw(m.id)); it != last_paid.end()) a.last_paid_month = it->second;
        out.push_back(a);
    }
    return out;
}

}  // namespace

std::vector<member_life_activity> life_activity(store const& s, date::sys_days as_of, scope requested) {
    storage::call const c(s);
    auto const sc = storage::visible_scope(s, requested);
    auto& impl = impl_of(s);
    return storage::in_read("reading organisational life and dues",
                            [&]() -> std::vector<member_life_activity> {
                                (void)storage::scope_org_ids(impl.db, sc);  // not_found for an unknown root
                                return activity_of(impl.db, members_on(impl.db, as_of, sc, false), as_of);
                            });
}

member_life_activity life_activity_of(store const& s, member_id member, date::sys_days as_of) {
    storage::call const c(s);
    storage::require_member(s, permission::read_roster, member);
    auto& impl = impl_of(s);
    return storage::in_read("reading organisational life and dues", [&]() -> member_life_activity {
        auto const m = s.get_member(member);
        return activity_of(impl.db, {m}, as_of).front();
    });
}

}  // namespace dangyuan
