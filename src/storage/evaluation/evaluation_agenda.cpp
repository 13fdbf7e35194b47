// The evaluation agenda and statistics: grade distributions and follow-ups, over the campaigns and
// disposition files of a scope loaded set-wise.

#include <algorithm>

#include "../access.hpp"
#include "dangyuan/evaluation/evaluation_agenda.hpp"
#include "evaluation_rows.hpp"

namespace dangyuan {

using namespace storage::evaluation_rows;

namespace {

std::vector<campaign_id> ids_of(std::vector<campaign_summary> const& summaries) {
    std::vector<campaign_id> ids;
    for (auto const& c : summaries)
        ids.push_back(c.id);
    return ids;
}

}  // namespace

// ---- statistics

std::vector<grade_distribution> grade_distributions(store const& s, scope requested,
                                                    std::optional<int> year) {
    storage::call const guard(s);
    auto const sc = storage::visible_scope(s, requested);
    std::vector<grade_distribution> out;
    auto const summaries = campaigns(s, sc, year);
    auto const loaded = storage::in_read("reading evaluation campaigns", [&] {
        return load_campaigns(detail::store_access::of(s).db, ids_of(summaries));
    });
    rule_sets rules_named(s);
    for (auto const& [c, version] : loaded) {
        auto const& rules = rules_named(c.rule_set_name);
        auto const state = campaign_state_of(c);
        grade_distribution g;
        g.campaign = c.id;
        g.org = c.org;
        g.org_name = c.org_name;
        g.year = c.year;
        g.phase = state.phase;
        g.denominator = state.full_members_here();
        g.excellent_cap = excellent_cap(g.denominator, rules);
        for (auto const& [id, p] : state.participants) {
            if (p.who.status == member_status::probationary) ++g.probationary;
            if (p.exempted) ++g.exempted;
            if (!p.relationship_here()) {
                if (p.final && p.graded_by == c.org) ++g.graded_for_others;
                continue;
            }
            if (p.final)
                ++g.counts[static_cast<std::size_t>(*p.final)];
            else if (p.gradable())
                ++g.pending;
        }
        g.excellent_share =
            g.denominator > 0 ? static_cast<double>(g[grade::excellent]) / g.denominator : 0.0;
        out.push_back(std::move(g));
    }
    return out;
}

std::vector<low_grade_follow_up> low_grade_follow_ups(store const& s, scope requested,
                                                      std::optional<int> year) {
    storage::call const guard(s);
    auto const sc = storage::visible_scope(s, requested);
    auto& impl = detail::store_access::of(s);
    std::vector<low_grade_follow_up> out;
    return storage::in_read("reading evaluation follow-ups", [&]() -> std::vector<low_grade_follow_up> {
        auto const loaded = load_campaigns(impl.db, ids_of(campaigns(s, sc, year)));
        // The disposition files of the low-graded members, loaded at once.
        std::vector<member_id> low;
        for (auto const& [c, version] : loaded)
            for (auto const& [id, p] : campaign_state_of(c).participants)
                if (p.relationship_here() && p.final &&
                    (*p.final == grade::basically_qualified || *p.final == grade::unqualified))
                    low.push_back(id);
        auto const files = load_files(impl.db, low);
        rule_sets rules_named(s);
        for (auto const& [c, version] : loaded) {
            auto const state = campaign_state_of(c);
            for (auto const& [id, p] : state.participants) {
                if (!p.relationship_here() || !p.final ||
                    (*p.final != grade::basically_qualified && *p.final != grade::unqualified))
                    continue;
                low_grade_follow_up row;
                row.campaign = c.id;
                row.org = c.org;
                row.year = c.year;
                row.member = id;
                row.name = p.who.name;
                row.final = *p.final;
                row.graded_by = *p.graded_by;
                row.graded_on = *p.graded_on;
                row.follow_ups = p.follow_ups;
                row.followed_up =
                    std::any_of(p.follow_ups.begin(), p.follow_ups.end(),
                                // An init-capture: clang before 16 cannot capture a
                                // structured binding.
                                [given = *p.final](follow_up_kind k) { return follow_up_fits(given, k); });
                if (auto const file = files.find(raw(id)); file != files.end()) {
                    auto const ds =
                        dispositions_of(file->second.file, rules_named(file->second.file.rule_set_name));
                    std::size_t opened = 0;
                    for (auto const& r : file->second.file.records) {
                        auto const* o = std::get_if<disposition_opened>(&r);
                        if (!o) continue;
                        if (o->campaign == c.id && opened < ds.size()) row.dispositions.push_back(ds[opened]);
                        ++opened;
                    }
                }
                out.push_back(std::move(row));
            }
        }
        return out;
    });
}

namespace storage {

std::vector<agenda_item> evaluation_agenda_items(store const& s, sql::database& db, date::sys_days as_of,
                                                 std::vector<std::int64_t> const& org_ids, bool whole) {
    std::vector<agenda_item> items;
    auto const d = format_iso(as_of);
    auto const in_scope = [&](char const* column) {
        return whole ? std::string() : std::string(" AND ") + column + " " + in_id_set;
    };
    // Campaigns running on as_of: begun, not yet closed.
    sql::statement st(db,
                      "SELECT id, org_id FROM eval_campaigns WHERE began <= :d AND (closed_on IS NULL OR "
                      "closed_on > :d)" +
                          in_scope("org_id") + " ORDER BY id");
    st.bind(":d", d);
    if (!whole) st.bind(":ids", json_ids(org_ids));
    std::vector<campaign_id> running;
    while (st.step())
        if (in_ids(org_ids, st.column(1).as_int64())) running.emplace_back(st.column(0).as_int64());
    rule_sets rules_named(s);
    for (auto const& [c, version] : load_campaigns(db, running)) {
        auto const more = campaign_agenda(c, as_of, rules_named(c.rule_set_name));
        items.insert(items.end(), more.begin(), more.end());
    }
    // Disposition files are few; each one's own rules decide what it shows on as_of.
    sql::statement heads(
        db, "SELECT member_id, org_id FROM disp_files WHERE TRUE" + in_scope("org_id") + " ORDER BY id");
    if (!whole) heads.bind(":ids", json_ids(org_ids));
    std::vector<member_id> members;
    while (heads.step())
        if (in_ids(org_ids, heads.column(1).as_int64())) members.emplace_back(heads.column(0).as_int64());
    auto const files = load_files(db, members);
    for (auto const m : members) {
        auto const& f = files.at(raw(m)).file;
        auto const more = disposition_agenda(f, as_of, rules_named(f.rule_set_name));
        items.insert(items.end(), more.begin(), more.end());
    }
    return items;
}

}  // namespace storage
}  // namespace dangyuan
