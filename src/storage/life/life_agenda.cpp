// Organisational life as judged over a period: the cadence compliance of one organisation and the life
// part of the agenda (meeting cadence, six months without organisational life, training hours, the
// training of secretaries and new members, dues). The roster, officers, meetings, training and dues of
// the whole set are read once each, never once per organisation or member.

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "../access.hpp"
#include "dangyuan/mobility/lost_contact.hpp"
#include "life_rows.hpp"

namespace dangyuan {

using namespace storage::life_rows;

compliance_report life_compliance_report(store const& s, org_id org, date::sys_days from, date::sys_days to) {
    storage::call const c(s);
    storage::require(s, permission::read_roster, org);
    auto& impl = impl_of(s);
    return storage::in_read("computing cadence compliance", [&]() -> compliance_report {
        auto const o = s.org(org);
        if (to < from)
            throw invalid_input("to",
                                "report end " + format_iso(to) + " is before its start " + format_iso(from));
        // The organisation's last day in the period: the roster and leadership are taken on it.
        auto const day =
            o.dissolved && *o.dissolved <= to ? std::max(*o.dissolved - date::days{1}, o.established) : to;
        life_scope sc;
        std::vector<std::int64_t> holders{raw(o.id)};
        if (o.kind != org_kind::party_group) {
            sc.has_committee = has_committee(s.leadership(o.id, day));
            for (auto const& g : s.orgs(scope::subtree(o.id)))
                if (g.kind == org_kind::party_group && g.parent == o.id && g.established <= to &&
                    (!g.dissolved || *g.dissolved > from)) {
                    sc.groups.push_back(g.id);
                    holders.push_back(raw(g.id));
                }
            auto const standing = standing_histories_in(s, scope::subtree(o.id));
            for (auto const& m : members_on(impl.db, day, scope::subtree(o.id), true))
                if (standing.normal(m, day)) sc.members.push_back(m.id);
        }
        std::sort(holders.begin(), holders.end());
        // A slot counts every meeting dated in it, so the year of `from` is read from its first day.
        // Only the meetings of the organisation and its party groups are read.
        auto const meetings =
            meetings_between(impl.db, make_date(int(date::year_month_day{from}.year()), 1, 1), to, &holders);
        return life_compliance(o, meetings, sc, from, to, s.rules());
    });
}

namespace storage {

std::vector<agenda_item> life_agenda_items(store const& s, sql::database& db, date::sys_days as_of,
                                           agenda_scope const& part) {
    auto const& rules = s.rules();
    auto const& org_ids = part.ids;
    // A part of the store reads the leaderships and members of its own organisations only.
    auto const* only = part.whole ? nullptr : &part.ids;
    int const year = int(date::year_month_day{as_of}.year());
    // The agenda has only `as_of`: cadence is judged from the start of its year (or the establishment).
    auto const year_start = make_date(year, 1, 1);
    std::vector<agenda_item> items;

    // Each part of organisational life is judged only where the store keeps it: cadence for the orgs
    // that have recorded a meeting, training for the branches whose members have a training record, dues
    // for the members with a dues account. A store that keeps none of them (a roster only) gets no
    // life items instead of one "missed" item per branch and month.
    std::set<std::int64_t> tracked, trained;
    std::unordered_map<std::int64_t, date::sys_days> first_meeting;
    // For a part of the store, the meetings, training lines and dues accounts of its own organisations
    // and members only: none of the three sets reaches into a part from outside it (an organisation
    // above the part is never judged in it), and reading them for the whole store at every call made a
    // branch's agenda grow with the store.
    auto const part_ids = part.whole ? std::string() : json_ids(org_ids);
    auto const within = [&](sql::statement& st) {
        if (!part.whole) st.bind(":ids", part_ids);
    };
    {
        sql::statement st(db, part.whole
                                  ? std::string("SELECT org_id, min(date) FROM life_meetings GROUP BY org_id")
                                  : std::string("SELECT org_id, min(date) FROM life_meetings WHERE org_id ") +
                                        in_id_set + " GROUP BY org_id");
        within(st);
        while (st.step()) {
            tracked.insert(st.column(0).as_int64());
            first_meeting[st.column(0).as_int64()] = *column_date(st, 1, "life_meetings.date");
        }
        // CROSS JOIN keeps the small table outside: left to itself, SQLite scans the members_branch index
        // of the whole roster for DISTINCT branch_id and probes the training lines (a third of a second
        // at 1 000 000 members).
        sql::statement tr(db, part.whole
                                  ? std::string("SELECT DISTINCT m.branch_id FROM life_training t CROSS "
                                                "JOIN members m ON m.id = t.member_id")
                                  : std::string("SELECT DISTINCT m.branch_id FROM members m WHERE "
                                                "m.branch_id ") +
                                        in_id_set +
                                        " AND EXISTS (SELECT 1 FROM life_training t WHERE t.member_id "
                                        "= m.id)");
        within(tr);
        while (tr.step())
            trained.insert(tr.column(0).as_int64());
    }
    // A part of the store reads the accounts of its own members, once they are known (below).
    auto accounts =
        part.whole ? load_accounts(db, std::nullopt) : decltype(load_accounts(db, std::nullopt)){};
    bool keeps_dues = !accounts.empty();
    if (!part.whole) {
        sql::statement any(db, "SELECT EXISTS (SELECT 1 FROM life_dues_accounts)");
        keeps_dues = any.step() && any.column(0).as_int() != 0;
    }
    if (tracked.empty() && trained.empty() && !keeps_dues) return items;

    // The organisations in scope: every one for the whole store. A subtree holds the subtrees of its
    // organisations, and the party groups of its branches.
    auto const& all_orgs = part.orgs;
    // Members are loaded only for the organisations whose life the store keeps (their subtrees), and
    // for the holders of dues accounts: a large roster-only store costs nothing here.
    std::set<std::int64_t> roots(tracked.begin(), tracked.end());
    roots.insert(trained.begin(), trained.end());
    {
        sql::statement st(db, part.whole
                                  ? std::string("SELECT DISTINCT m.branch_id FROM life_dues_accounts a "
                                                "CROSS JOIN members m ON m.id = a.member_id")
                                  : std::string("SELECT DISTINCT m.branch_id FROM members m WHERE "
                                                "m.branch_id ") +
                                        in_id_set +
                                        " AND EXISTS (SELECT 1 FROM life_dues_accounts a WHERE "
                                        "a.member_id = m.id)");
        within(st);
        while (st.step())
            roots.insert(st.column(0).as_int64());
    }
    // The subtrees are taken from the organisations already read, and the members of all their branches
    // are read in one query.
    std::vector<std::int64_t> known;  // by id, as store::orgs returns them
    std::unordered_map<std::int64_t, std::vector<std::int64_t>> children;
    for (auto const& o : all_orgs) {
        known.push_back(raw(o.id));
        if (o.parent) children[raw(*o.parent)].push_back(raw(o.id));
    }
    auto const subtree = [&](std::int64_t root) {
        if (!in(known, root)) throw not_found("no organisation with id " + std::to_string(root));
        std::vector<std::int64_t> out{root};
        for (std::size_t i = 0; i < out.size(); ++i)
            if (auto const it = children.find(out[i]); it != children.end())
                out.insert(out.end(), it->second.begin(), it->second.end());
        std::sort(out.begin(), out.end());
        return out;
    };
    // A branch keeps meetings through its party groups as well (keeps_meetings below), and is judged
    // per member of its roster then too.
    for (auto const& o : all_orgs)
        if (o.kind == org_kind::party_group && o.parent && tracked.count(raw(o.id)))
            roots.insert(raw(*o.parent));
    // Every member read below is one of a root's subtree, and every root that an organisation in scope
    // needs is in scope: the items of an organisation read the members of its own subtree only. A root
    // outside the scope (above it, or elsewhere) reads nothing.
    std::set<std::int64_t> loaded;
    for (auto root : roots) {
        if (!part.whole && !in(org_ids, root)) continue;
        for (auto b : subtree(root))
            loaded.insert(b);
    }
    auto members = members_of_branches_on(db, as_of, {loaded.begin(), loaded.end()});
    std::vector<member_id> member_ids;
    if (!part.whole)
        for (auto const& m : members)
            member_ids.push_back(m.id);
    auto const standing =
        part.whole ? standing_histories_in(s, scope::all()) : standing_histories_of(db, member_ids);
    std::unordered_map<std::int64_t, std::vector<member>> by_branch;
    for (auto& m : members)
        if (standing.normal(m, as_of)) by_branch[raw(m.branch)].push_back(std::move(m));
    if (!part.whole && keeps_dues) {
        std::vector<std::int64_t> ids;
        for (auto const& [b, ms] : by_branch)
            for (auto const& m : ms)
                ids.push_back(raw(m.id));
        std::sort(ids.begin(), ids.end());
        accounts = load_accounts_of(db, ids);
    }
    std::unordered_map<std::int64_t, std::vector<meeting>> meetings_by_org;
    for (auto& m : meetings_between(db, year_start, as_of, only))
        meetings_by_org[raw(m.org)].push_back(std::move(m));

    bool const training_season =
        unsigned(date::year_month_day{as_of}.month()) >= rules.life.training_notice_month;
    std::unordered_map<std::int64_t, std::vector<training_record>> training;
    // A part of the store reads the training lines only when one of its branches keeps them, and the
    // payments of its own members with an account.
    bool const trains = part.whole ? !trained.empty()
                                   : std::any_of(trained.begin(), trained.end(),
                                                 [&](std::int64_t b) { return in(org_ids, b); });
    if (training_season && trains) training = training_in_year(db, year);
    decltype(load_payments(db, std::nullopt)) payments;
    if (!accounts.empty() && part.whole) {
        payments = load_payments(db, std::nullopt);
    } else if (!accounts.empty()) {
        std::vector<std::int64_t> paying;
        for (auto const& [b, ms] : by_branch)
            for (auto const& m : ms)
                if (accounts.count(raw(m.id))) paying.push_back(raw(m.id));
        std::sort(paying.begin(), paying.end());
        payments = load_payments_of(db, paying);
    }
    static std::vector<member> const none;
    std::optional<std::map<member_id, date::sys_days>> last_life;
    std::optional<officer_set> officers;
    auto const meetings_since = [&](date::sys_days from) { return meetings_between(db, from, as_of); };
    auto const& members_of = [&](std::int64_t branch) -> std::vector<member> const& {
        auto const it = by_branch.find(branch);
        return it == by_branch.end() ? none : it->second;
    };

    // The party groups (党小组) of each branch that exist in the year, found once: a scan of every
    // organisation per branch would make the agenda quadratic in the size of the store.
    std::unordered_map<std::int64_t, std::vector<org_id>> groups_of;
    for (auto const& g : all_orgs)
        if (g.kind == org_kind::party_group && g.parent && g.established <= as_of &&
            (!g.dissolved || *g.dissolved > year_start))
            groups_of[raw(*g.parent)].push_back(g.id);

    // The organisations with a committee (委员) on the day, read once for all of them.
    auto const committees = committee_orgs_on(db, as_of, only);
    for (auto const& o : all_orgs) {
        if (!in(org_ids, raw(o.id)) || is_committee(o.kind)) continue;
        auto const held_by = [&](std::vector<std::int64_t> const& holders) {
            std::vector<meeting> out;
            for (auto h : holders)
                if (auto it = meetings_by_org.find(h); it != meetings_by_org.end())
                    out.insert(out.end(), it->second.begin(), it->second.end());
            std::sort(out.begin(), out.end(),
                      [](meeting const& a, meeting const& b) { return a.date < b.date; });
            return out;
        };
        if (o.kind == org_kind::party_group) {
            // A group is judged with its branch; alone only when the branch is out of scope.
            if ((o.parent && in(org_ids, raw(*o.parent))) || !tracked.count(raw(o.id))) continue;
            auto const more = life_agenda(o, held_by({raw(o.id)}), life_scope{}, year_start, as_of, rules);
            items.insert(items.end(), more.begin(), more.end());
            continue;
        }
        std::vector<std::int64_t> holders{raw(o.id)};
        std::vector<org_id> groups;
        if (auto const it = groups_of.find(raw(o.id)); it != groups_of.end()) groups = it->second;
        for (auto const g : groups)
            holders.push_back(raw(g));
        bool const keeps_meetings =
            std::any_of(holders.begin(), holders.end(), [&](std::int64_t h) { return tracked.count(h) > 0; });
        if (keeps_meetings) {
            life_scope sc;
            sc.has_committee = committees.count(raw(o.id)) > 0;
            sc.groups = groups;
            if (is_branch(o.kind)) {
                for (auto const& m : members_of(raw(o.id)))
                    sc.members.push_back(m.id);
            } else {
                for (auto b : subtree(raw(o.id)))
                    for (auto const& m : members_of(b))
                        sc.members.push_back(m.id);
            }
            auto const life = life_agenda(o, held_by(holders), sc, year_start, as_of, rules);
            items.insert(items.end(), life.begin(), life.end());
        }
        if (!is_branch(o.kind) || !o.active_on(as_of)) continue;
        auto const& own = members_of(raw(o.id));
        if (tracked.count(raw(o.id))) {
            // 党章 第9条: six consecutive months without organisational life. Counted from the last meeting
            // attended anywhere in the store (a mobile member attends at the host as a guest), or from
            // when the member and the branch's records started.
            if (!last_life) last_life = last_org_life(meetings_since(add_months(as_of, -13)), as_of);
            for (auto const& m : own) {
                std::optional<date::sys_days> attended;
                if (auto it = last_life->find(m.id); it != last_life->end()) attended = it->second;
                if (auto item = no_org_life_finding(
                        m, o.id, std::max({m.admission_date, m.joined_branch, first_meeting[raw(o.id)]}),
                        attended, as_of, rules))
                    items.push_back(std::move(*item));
            }
        }
        if (training_season && trained.count(raw(o.id))) {
            // The officers of the whole store are read once, not once per branch.
            if (!officers) officers = officers_between(db, make_date(year, 1, 1), as_of, only);
            auto const roster = training_roster(*officers, own, std::nullopt);
            std::vector<training_record> ledger;
            for (auto const& m : own)
                if (auto it = training.find(raw(m.id)); it != training.end())
                    ledger.insert(ledger.end(), it->second.begin(), it->second.end());
            auto const more = training_agenda(o.id, roster, ledger, as_of, rules);
            items.insert(items.end(), more.begin(), more.end());
        }
        for (auto const& m : own) {
            auto const it = accounts.find(raw(m.id));
            if (it == accounts.end()) continue;
            auto a = it->second.account;
            a.admission_date = m.admission_date;
            auto const more = dues_agenda(a, payments[raw(m.id)], o.id, m.name, as_of, rules);
            items.insert(items.end(), more.begin(), more.end());
        }
    }

    // Secretaries' and new members' training (training.new_secretary_6_months,
    // training.secretary_rotation_yearly, training.new_member_higher_level) is judged, like the hours,
    // where the store keeps training: the branches with a training record and the organisations above
    // them. Three years back covers every window these rules look at.
    if (!trained.empty()) {
        std::unordered_map<std::int64_t, std::int64_t> parent;
        for (auto const& o : all_orgs)
            if (o.parent) parent[raw(o.id)] = raw(*o.parent);
        std::set<std::int64_t> judged;
        for (auto at : trained)
            for (std::size_t hops = 0; hops <= all_orgs.size() && judged.insert(at).second; ++hops) {
                auto const it = parent.find(at);
                if (it == parent.end()) break;
                at = it->second;
            }
        std::vector<secretary_tenure> secretaries;
        for (auto& t : secretary_tenures(db, as_of, only))
            if (judged.count(raw(t.org)) && in(org_ids, raw(t.org))) secretaries.push_back(std::move(t));
        auto const since = add_years(as_of, -3);
        std::vector<new_member_entry> new_members;
        for (auto b : trained) {
            if (!in(org_ids, b)) continue;
            for (auto const& m : members_of(b))
                if (m.admission_date >= since)
                    new_members.push_back(
                        new_member_entry{m.id, m.name, m.branch, m.admission_date, m.full_member_date});
        }
        if (!secretaries.empty() || !new_members.empty()) {
            auto const recent = training_since(db, since);
            std::vector<training_record> ledger;
            auto const add = [&](member_id id) {
                if (auto it = recent.find(raw(id)); it != recent.end())
                    ledger.insert(ledger.end(), it->second.begin(), it->second.end());
            };
            std::set<std::int64_t> added;
            for (auto const& t : secretaries)
                if (added.insert(raw(t.member)).second) add(t.member);
            for (auto const& e : new_members)
                if (added.insert(raw(e.member)).second) add(e.member);
            auto const more =
                secretary_and_new_member_training_agenda(secretaries, new_members, ledger, as_of, rules);
            items.insert(items.end(), more.begin(), more.end());
        }
    }
    return items;
}

}  // namespace storage
}  // namespace dangyuan
