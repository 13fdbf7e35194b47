// The agenda query: loads what each domain's pure agenda rules need, in a few set-wise queries, and
// concatenates their items.

#include <algorithm>
#include <unordered_map>

#include "access.hpp"
#include "appraisal/appraisal_rows.hpp"
#include "community/community_rows.hpp"
#include "coverage/coverage_rows.hpp"
#include "dangyuan/evaluation/evaluation_agenda.hpp"
#include "decision/decision_rows.hpp"
#include "election/election_rows.hpp"
#include "honours/honours_rows.hpp"
#include "impl.hpp"
#include "member_rows.hpp"
#include "rectification/rectification_rows.hpp"
#include "rows.hpp"

namespace dangyuan {
namespace {

// Counts per branch on a date, in one pass over the members table, or, for a part of the store
// (`only`: the sorted ids of its organisations), over the rows of its branches (through the members_branch
// and leadership_org indexes). In the whole store the suspended members are found through `id IN (…)`
// rather than a correlated EXISTS, which would probe the events once per member; in a part of the store
// that probe costs in proportion to its members, where `id IN (…)` reads every suspension. Members with a
// suspension dated on or before `on` are folded precisely, their histories loaded at once; they are few.
std::unordered_map<std::int64_t, org_counts> counts_on(storage::store_impl& impl, date::sys_days on,
                                                       std::vector<std::int64_t> const* only) {
    std::unordered_map<std::int64_t, org_counts> counts;
    auto const d = storage::format_iso(on);
    auto const set = only ? storage::json_ids(*only) : std::string();
    auto const in_branches = only ? std::string(" AND branch_id ") + storage::in_id_set : std::string();
    sql::statement st(impl.db,
                      "SELECT branch_id, sum(full_member_date IS NOT NULL AND full_member_date <= :on), "
                      "count(*) FROM members WHERE admission_date <= :on AND joined_branch <= :on "
                      "AND (exit_date IS NULL OR exit_date > :on)" +
                          in_branches + " GROUP BY branch_id");
    st.bind(":on", d);
    if (only) st.bind(":ids", set);
    while (st.step()) {
        auto& c = counts[st.column(0).as_int64()];
        c.full_members = st.column(1).as_int();
        c.all_members = st.column(2).as_int();
    }
    sql::statement susp(impl.db, std::string("SELECT ") + storage::member_columns +
                                     " FROM members WHERE admission_date <= :on AND joined_branch <= :on "
                                     "AND (exit_date IS NULL OR exit_date > :on)" +
                                     in_branches +
                                     // For a part of the store, its members' own events are probed
                                     // (standing_member index) instead of reading every suspension.
                                     (only ? " AND EXISTS (SELECT 1 FROM standing_events e WHERE "
                                             "e.member_id = members.id AND e.kind = 'suspended' AND "
                                             "e.date <= :on)"
                                           : " AND id IN (SELECT member_id FROM standing_events WHERE "
                                             "kind = 'suspended' AND date <= :on)"));
    susp.bind(":on", d);
    if (only) susp.bind(":ids", set);
    std::vector<member> suspended;
    std::vector<member_id> suspended_ids;
    while (susp.step()) {
        suspended.push_back(storage::read_member(susp));
        suspended_ids.push_back(suspended.back().id);
    }
    auto const standing = storage::standing_histories_of(impl.db, suspended_ids);
    for (auto const& m : suspended) {
        auto const s = standing.on(m, on);
        if (s && s->state == standing_state::suspended) {
            auto& c = counts[m.branch.value()];
            --c.all_members;
            if (m.status_on(on) == member_status::full) --c.full_members;
        }
    }
    sql::statement lead(impl.db,
                        std::string("SELECT org_id, count(*) FROM org_leadership WHERE from_date <= :on "
                                    "AND (to_date IS NULL OR to_date > :on)") +
                            (only ? std::string(" AND org_id ") + storage::in_id_set : std::string()) +
                            " GROUP BY org_id");
    lead.bind(":on", d);
    if (only) lead.bind(":ids", set);
    while (lead.step())
        counts[lead.column(0).as_int64()].officers = lead.column(1).as_int();
    return counts;
}

// The parents of the organisations the agenda looks at: those in scope and, for a part of the store,
// the chain above its root. `size` bounds a walk up the tree (it is acyclic, validate_org; the bound
// only guards a hand-edited file).
struct org_tree {
    std::unordered_map<std::int64_t, std::int64_t> parent;
    std::size_t size = 0;
};

org_tree tree_of(std::vector<org_unit> const& in_scope, std::vector<std::int64_t> const& above) {
    org_tree t;
    for (auto const& o : in_scope)
        if (o.parent) t.parent[o.id.value()] = o.parent->value();
    for (std::size_t i = 0; i + 1 < above.size(); ++i)
        t.parent[above[i]] = above[i + 1];
    t.size = in_scope.size() + above.size();
    return t;
}

// Adds each organisation's members to the subtree count of the organisation and of every organisation
// above it (org.general_branch_50, org.grassroots_committee_100 count a general branch's branches). The
// subtree of an organisation in scope lies in the scope, so the counts of a part of the store suffice.
void add_subtree_counts(std::unordered_map<std::int64_t, org_counts>& counts, org_tree const& tree) {
    std::vector<std::pair<std::int64_t, int>> own;
    for (auto const& [id, c] : counts)
        if (c.all_members > 0) own.emplace_back(id, c.all_members);
    for (auto const& [id, n] : own) {
        std::int64_t at = id;
        for (std::size_t hops = 0; hops <= tree.size; ++hops) {
            counts[at].subtree_members += n;
            auto const it = tree.parent.find(at);
            if (it == tree.parent.end()) break;
            at = it->second;
        }
    }
}

// eval.yearly: the branches of the organisations that have recorded a campaign (or lie under one) are
// judged for the year `yearly_evaluation_year_judged` names; a store that keeps no evaluation gets none.
std::vector<agenda_item> yearly_evaluation_items(storage::store_impl& impl,
                                                 std::vector<org_unit> const& in_scope, org_tree const& tree,
                                                 std::vector<std::int64_t> const* only, date::sys_days as_of,
                                                 rule_set const& rules) {
    std::vector<agenda_item> items;
    int const year = yearly_evaluation_year_judged(as_of, rules);
    if (year < 1) return items;
    std::unordered_map<std::int64_t, std::vector<int>> years;
    sql::statement st(impl.db, "SELECT org_id, year FROM eval_campaigns");
    while (st.step())
        years[st.column(0).as_int64()].push_back(st.column(1).as_int());
    if (years.empty()) return items;
    std::optional<std::unordered_map<std::int64_t, org_counts>> at_year_end;
    for (auto const& o : in_scope) {
        if (!is_branch(o.kind)) continue;
        std::vector<int> held;
        bool tracked = false;
        std::int64_t at = o.id.value();
        for (std::size_t hops = 0; hops <= tree.size; ++hops) {
            if (auto const it = years.find(at); it != years.end()) {
                tracked = true;
                held.insert(held.end(), it->second.begin(), it->second.end());
            }
            auto const p = tree.parent.find(at);
            if (p == tree.parent.end()) break;
            at = p->second;
        }
        if (!tracked) continue;
        if (!at_year_end) at_year_end = counts_on(impl, make_date(year, 12, 31), only);
        auto const c = at_year_end->find(o.id.value());
        if (auto item = yearly_evaluation_agenda(o, c == at_year_end->end() ? 0 : c->second.full_members,
                                                 held, as_of, rules))
            items.push_back(std::move(*item));
    }
    return items;
}

}  // namespace

std::vector<agenda_item> store::agenda(date::sys_days as_of, scope requested) const {
    storage::call const c(*this);
    auto const s = storage::visible_scope(*this, requested);
    return storage::in_read("computing the agenda", [&]() -> std::vector<agenda_item> {
        // A part of the store (a subtree) reads only its own rows and the chain of organisations above
        // its root, so that its cost follows its size; the whole store is read in full scans. A subtree
        // of a top organisation that holds every organisation is the whole store: read through the
        // indexes, its rows would cost more than the scans.
        auto const org_ids = storage::scope_org_ids(impl_->db, s);
        auto const above = s.root ? storage::ancestor_ids(impl_->db, *s.root) : std::vector<std::int64_t>{};
        bool const whole = storage::covers_whole_store(impl_->db, s, org_ids);
        auto const in_scope = orgs(whole ? scope::all() : s);
        auto const* only = whole ? nullptr : &org_ids;
        auto const tree = tree_of(in_scope, above);
        auto counts = counts_on(*impl_, as_of, only);
        add_subtree_counts(counts, tree);
        std::vector<agenda_item> items =
            yearly_evaluation_items(*impl_, in_scope, tree, only, as_of, rules());
        for (auto const& o : in_scope) {
            auto const it = counts.find(o.id.value());
            auto const org_items =
                org_agenda(o, it == counts.end() ? org_counts{} : it->second, as_of, rules());
            items.insert(items.end(), org_items.begin(), org_items.end());
        }
        storage::agenda_scope const part{org_ids, in_scope, whole};
        for (auto const& more :
             {storage::case_agenda_items(*this, impl_->db, as_of, org_ids, part.whole),
              storage::mobility_agenda_items(*this, impl_->db, as_of, org_ids, part.whole),
              storage::evaluation_agenda_items(*this, impl_->db, as_of, org_ids, part.whole),
              storage::life_agenda_items(*this, impl_->db, as_of, part),
              storage::abroad_agenda_items(*this, impl_->db, as_of, org_ids, part.whole),
              storage::election_agenda_items(*this, impl_->db, as_of, org_ids, part.whole),
              storage::decision_agenda_items(*this, impl_->db, as_of, org_ids, part.whole),
              storage::community_agenda_items(*this, impl_->db, as_of, org_ids, part.whole),
              storage::honours_agenda_items(*this, impl_->db, as_of, org_ids, part.whole),
              storage::appraisal_agenda_items(*this, impl_->db, as_of, org_ids, part.whole),
              storage::rectification_agenda_items(*this, impl_->db, as_of, org_ids, part.whole),
              storage::coverage_agenda_items(*this, impl_->db, as_of, org_ids, part.whole)})
            items.insert(items.end(), more.begin(), more.end());
        // An election under way replaces the reminder of the term's end: its own items say what is due
        // (the request's approval, the meeting after the term's end, the report, the approval).
        auto const electing = storage::electing_orgs(impl_->db, as_of);
        std::erase_if(items, [&](agenda_item const& i) {
            return i.kind == "org.term_expiry" &&
                   std::binary_search(electing.begin(), electing.end(), i.org.value());
        });
        std::stable_sort(items.begin(), items.end(), [](agenda_item const& a, agenda_item const& b) {
            if (a.due != b.due) return a.due < b.due;
            return a.kind < b.kind;
        });
        return items;
    });
}

}  // namespace dangyuan
