// The agenda query: loads what each domain's pure agenda rules need, in a few set-wise queries, and
// concatenates their items.

#include <algorithm>
#include <unordered_map>

#include "impl.hpp"

namespace dangyuan {
namespace {

// Counts per branch on a date, in one pass over the members table. The suspended members are found
// through `id IN (…)` rather than a correlated EXISTS, which would probe the events once per member. Members
// with a suspension dated on or before `on` are folded precisely; they are few.
std::unordered_map<std::int64_t, org_counts> counts_on(store::impl& impl, date::sys_days on) {
    std::unordered_map<std::int64_t, org_counts> counts;
    auto const d = storage::format_iso(on);
    SQLite::Statement st(
        impl.db,
        "SELECT branch_id, sum(full_member_date IS NOT NULL AND full_member_date <= ?1), count(*) "
        "FROM members WHERE admission_date <= ?1 AND joined_branch <= ?1 "
        "AND (exit_date IS NULL OR exit_date > ?1) GROUP BY branch_id");
    st.bind(1, d);
    while (st.executeStep()) {
        auto& c = counts[st.getColumn(0).getInt64()];
        c.full_members = st.getColumn(1).getInt();
        c.all_members = st.getColumn(2).getInt();
    }
    SQLite::Statement susp(impl.db,
                           std::string("SELECT ") + storage::member_columns +
                               " FROM members WHERE admission_date <= ?1 AND joined_branch <= ?1 "
                               "AND (exit_date IS NULL OR exit_date > ?1) AND id IN (SELECT member_id FROM "
                               "standing_events WHERE kind = 'suspended' AND date <= ?1)");
    susp.bind(1, d);
    while (susp.executeStep()) {
        auto const m = storage::read_member(susp);
        auto const s = standing_on(m, impl.load_standing(m.id), on);
        if (s && s->state == standing_state::suspended) {
            auto& c = counts[m.branch.value()];
            --c.all_members;
            if (m.status_on(on) == member_status::full) --c.full_members;
        }
    }
    SQLite::Statement lead(impl.db,
                           "SELECT org_id, count(*) FROM org_leadership WHERE from_date <= ?1 "
                           "AND (to_date IS NULL OR to_date > ?1) GROUP BY org_id");
    lead.bind(1, d);
    while (lead.executeStep())
        counts[lead.getColumn(0).getInt64()].officers = lead.getColumn(1).getInt();
    return counts;
}

}  // namespace

std::vector<agenda_item> store::agenda(date::sys_days as_of, scope s) const {
    try {
        auto const counts = counts_on(*impl_, as_of);
        std::vector<agenda_item> items;
        for (auto const& o : orgs(s)) {
            auto const it = counts.find(o.id.value());
            auto const org_items =
                org_agenda(o, it == counts.end() ? org_counts{} : it->second, as_of, rules());
            items.insert(items.end(), org_items.begin(), org_items.end());
        }
        auto const org_ids = storage::scope_org_ids(impl_->db, s);
        for (auto const& more : {storage::case_agenda_items(*this, impl_->db, as_of, org_ids),
                                 storage::mobility_agenda_items(*this, impl_->db, as_of, org_ids),
                                 storage::evaluation_agenda_items(*this, impl_->db, as_of, org_ids),
                                 storage::life_agenda_items(*this, impl_->db, as_of, org_ids)})
            items.insert(items.end(), more.begin(), more.end());
        std::stable_sort(items.begin(), items.end(), [](agenda_item const& a, agenda_item const& b) {
            if (a.due != b.due) return a.due < b.due;
            return a.kind < b.kind;
        });
        return items;
    } catch (SQLite::Exception const& e) {
        storage::rethrow_sqlite(e, "computing the agenda");
    }
}

}  // namespace dangyuan
