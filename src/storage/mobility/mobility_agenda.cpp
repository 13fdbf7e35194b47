// The mobility agenda, self-withdrawal candidates and the mobility statistics, computed from every
// member's mobility aggregates loaded set-wise.

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "../access.hpp"
#include "dangyuan/mobility/mobility_agenda.hpp"
#include "mobility_rows.hpp"

namespace dangyuan {

using namespace storage::mobility_rows;

namespace {

// ---- the member's aggregates, for the agenda and statistics

// The aggregates of every member with a mobility record, or, with `only` (sorted ids), of those.
std::map<std::int64_t, member_mobility> gather(sql::database& db, std::vector<std::int64_t> const* only) {
    std::map<std::int64_t, member_mobility> out;
    if (only && only->empty()) return out;
    auto const where = [&](char const* alias) {
        return only ? std::string("WHERE ") + alias + ".member_id " + storage::in_id_set : std::string();
    };
    auto const bind =
        only ? binder([set = storage::json_ids(*only)](sql::statement& st) { st.bind(":ids", set); })
             : no_bind();
    for (auto& e : load_episodes(db, where("e"), bind))
        out[raw(e.value.member)].episodes.push_back(std::move(e.value));
    for (auto& c : load_certificates(db, where("c"), bind))
        out[raw(c.value.member)].certificates.push_back(std::move(c.value));
    for (auto& l : load_transfers(db, where("t"), bind))
        out[raw(l.value.member)].letters.push_back(std::move(l.value));
    for (auto& l : load_contact_logs(db, where("l"), bind))
        out[raw(l.value.member)].contacts = std::move(l.value);
    if (out.empty()) return out;
    // The members and their standing histories, one query each for the whole set.
    std::vector<std::int64_t> ids;
    for (auto const& [id, mm] : out)
        ids.push_back(id);
    auto const set = storage::json_ids(ids);
    sql::statement members(db, std::string("SELECT ") + storage::member_columns + " FROM members WHERE id " +
                                   storage::in_id_set);
    members.bind(":ids", set);
    std::size_t found = 0;
    while (members.step()) {
        auto const m = storage::read_member(members);
        auto& mm = out.at(raw(m.id));
        mm.member = m.id;
        mm.member_name = m.name;
        mm.branch = m.branch;
        ++found;
    }
    if (found != out.size())
        for (auto const& [id, mm] : out)
            if (!mm.member.valid()) throw not_found("no member with id " + std::to_string(id));
    sql::statement standing(db, std::string("SELECT member_id, kind, date, reason, decided_by FROM "
                                            "standing_events WHERE member_id ") +
                                    storage::in_id_set + " ORDER BY id");
    standing.bind(":ids", set);
    while (standing.step())
        out.at(standing.column(0).as_int64())
            .standing.push_back(standing_event{parse_standing_event_kind(standing.column(1).as_string()),
                                               *column_date(standing, 2, "standing_events.date"),
                                               standing.column(3).as_string(),
                                               standing.column(4).as_string()});
    return out;
}

// The latest host records of the member's episodes on `as_of`: the last org life attended and the last
// month paid at a host.
struct host_records {
    std::optional<date::sys_days> last_org_life;
    std::optional<date::year_month> dues_through;
};
host_records host_records_on(member_mobility const& mm, date::sys_days as_of) {
    host_records h;
    for (auto const& ep : mm.episodes)
        if (auto const st = state_on(ep, as_of)) {
            if (st->last_host_activity)
                h.last_org_life =
                    std::max(h.last_org_life.value_or(*st->last_host_activity), *st->last_host_activity);
            if (st->dues_paid_through)
                h.dues_through =
                    std::max(h.dues_through.value_or(*st->dues_paid_through), *st->dues_paid_through);
        }
    return h;
}

// Self-withdrawal inputs from the host records alone, for a member away on `as_of` who reported to a
// host and presented a certificate valid there: org life and dues then happen at the host.
std::optional<self_withdrawal_inputs> host_only_inputs(member_mobility const& mm, date::sys_days as_of,
                                                       rule_set const& rules) {
    for (auto const& ep : mm.episodes) {
        auto const st = state_on(ep, as_of);
        if (!st || st->phase != episode_phase::away || !st->host_org || !st->reported_on) continue;
        bool const certified =
            std::any_of(mm.certificates.begin(), mm.certificates.end(), [&](auto const& c) {
                return is_valid_on(c, as_of, rules) && state_on(c, as_of)->host == st->host_org;
            });
        if (!certified) continue;
        auto const h = host_records_on(mm, as_of);
        self_withdrawal_inputs in;
        in.tracked_since = *st->reported_on;
        if (h.last_org_life) in.last_org_life = std::max(*h.last_org_life, *st->reported_on);
        in.last_dues_month = h.dues_through;
        return in;
    }
    return std::nullopt;
}

std::vector<agenda_item> self_withdrawal_items(store const& s, member_mobility const& mm,
                                               self_withdrawal_inputs const& in, date::sys_days as_of) {
    return self_withdrawal_agenda(s.get_member(mm.member), in, mm.standing, as_of, s.rules());
}

void sort_items(std::vector<agenda_item>& items) {
    std::stable_sort(items.begin(), items.end(), [](agenda_item const& a, agenda_item const& b) {
        if (a.due != b.due) return a.due < b.due;
        return a.kind < b.kind;
    });
}

// Adds one to the row of `key`.
void tally(std::map<std::string, mobility_count>& rows, std::string const& key, std::optional<org_id> org,
           bool mobile) {
    auto& row = rows[key];
    row.key = key;
    row.org = org;
    ++row.away;
    if (mobile) ++row.mobile;
}

std::vector<mobility_count> ranked(std::map<std::string, mobility_count> const& rows) {
    std::vector<mobility_count> out;
    for (auto const& [key, row] : rows)
        out.push_back(row);
    std::stable_sort(out.begin(), out.end(),
                     [](mobility_count const& a, mobility_count const& b) { return a.away > b.away; });
    return out;
}

}  // namespace

std::vector<agenda_item> self_withdrawal_candidates(store const& s, date::sys_days as_of, scope requested,
                                                    std::span<self_withdrawal_input const> supplied) {
    storage::call const c(s);
    auto const sc = storage::visible_scope(s, requested);  // supplied members outside it yield nothing
    auto& impl = impl_of(s);
    return storage::in_read("listing self-withdrawal candidates", [&]() -> std::vector<agenda_item> {
        auto const ids = storage::scope_org_ids(impl.db, sc);
        auto all = gather(impl.db, nullptr);
        std::vector<agenda_item> items;
        std::set<std::int64_t> seen;
        for (auto const& in : supplied) {
            auto const m = s.get_member(in.member);
            if (!in_ids(ids, m.branch) || !seen.insert(raw(m.id)).second) continue;
            auto inputs = in.inputs;
            if (auto it = all.find(raw(m.id)); it != all.end()) {
                auto const h = host_records_on(it->second, as_of);
                if (h.last_org_life && (!inputs.last_org_life || *inputs.last_org_life < *h.last_org_life))
                    inputs.last_org_life = h.last_org_life;
                if (h.dues_through && (!inputs.last_dues_month || *inputs.last_dues_month < *h.dues_through))
                    inputs.last_dues_month = h.dues_through;
            }
            auto const more = self_withdrawal_agenda(m, inputs, s.standing_history(m.id), as_of, s.rules());
            items.insert(items.end(), more.begin(), more.end());
        }
        for (auto const& [id, mm] : all) {
            if (seen.count(id) || !in_ids(ids, mm.branch)) continue;
            if (auto const in = host_only_inputs(mm, as_of, s.rules())) {
                auto const more = self_withdrawal_items(s, mm, *in, as_of);
                items.insert(items.end(), more.begin(), more.end());
            }
        }
        sort_items(items);
        return items;
    });
}

// ---------------------------------------------------------------------------------------------------
// Agenda and statistics

namespace storage {

std::vector<agenda_item> mobility_agenda_items(store const& s, sql::database& db, date::sys_days as_of,
                                               std::vector<std::int64_t> const& org_ids, bool whole) {
    std::vector<agenda_item> items;
    // A part of the store reads the aggregates of the members whose items can name one of its
    // organisations: an episode's home branch, a certificate's issuing branch, a letter's issuing
    // organisation, a contact log's branch, or the member's own branch (several valid certificates,
    // self-withdrawal), through the indexes on those columns.
    std::vector<std::int64_t> members;
    if (!whole) {
        auto const in = std::string(" ") + storage::in_id_set;
        sql::statement st(
            db,
            "SELECT member_id FROM mob_episodes WHERE home_branch_id" + in +
                " UNION SELECT member_id FROM mob_certificates WHERE branch_id" + in +
                " UNION SELECT member_id FROM mob_transfers WHERE from_org_id" + in +
                " UNION SELECT member_id FROM mob_contact_logs WHERE branch_id" + in +
                " UNION SELECT m.id FROM members m WHERE m.branch_id" + in +
                " AND (EXISTS (SELECT 1 FROM mob_episodes e WHERE e.member_id = m.id) OR EXISTS (SELECT 1 "
                "FROM mob_certificates c WHERE c.member_id = m.id) OR EXISTS (SELECT 1 FROM mob_transfers t "
                "WHERE t.member_id = m.id) OR EXISTS (SELECT 1 FROM mob_contact_logs l WHERE l.member_id = "
                "m.id)) ORDER BY 1");
        st.bind(":ids", storage::json_ids(org_ids));
        while (st.step())
            members.push_back(st.column(0).as_int64());
    }
    for (auto const& [id, mm] : gather(db, whole ? nullptr : &members)) {
        auto more = dangyuan::mobility_agenda(mm, as_of, s.rules());
        if (auto const in = host_only_inputs(mm, as_of, s.rules())) {
            auto const sw = self_withdrawal_items(s, mm, *in, as_of);
            more.insert(more.end(), sw.begin(), sw.end());
        }
        for (auto& item : more)
            if (in_ids(org_ids, item.org)) items.push_back(std::move(item));
    }
    sort_items(items);
    return items;
}

}  // namespace storage

std::vector<agenda_item> mobility_agenda(store const& s, date::sys_days as_of, scope requested) {
    storage::call const c(s);
    auto const sc = storage::visible_scope(s, requested);
    auto& impl = impl_of(s);
    return storage::in_read("computing the mobility agenda", [&]() -> std::vector<agenda_item> {
        auto const ids = storage::scope_org_ids(impl.db, sc);
        return storage::mobility_agenda_items(s, impl.db, as_of, ids,
                                              storage::covers_whole_store(impl.db, sc, ids));
    });
}

mobility_statistics mobility_statistics_on(store const& s, date::sys_days as_of, scope requested) {
    storage::call const c(s);
    auto const sc = storage::visible_scope(s, requested);
    auto& impl = impl_of(s);
    return storage::in_read("computing mobility statistics", [&]() -> mobility_statistics {
        auto const ids = storage::scope_org_ids(impl.db, sc);
        mobility_statistics out;
        out.as_of = as_of;
        std::map<std::string, mobility_count> places, reasons, homes, hosts;
        std::unordered_map<std::int64_t, std::string> names;
        auto name_of = [&](org_id o) -> std::string const& {
            auto [it, fresh] = names.try_emplace(raw(o));
            if (fresh) it->second = s.org(o).name;
            return it->second;
        };
        for (auto const& e : load_episodes(impl.db, "WHERE e.left_on <= :as_of",
                                           [&](sql::statement& st) { bind_date(st, ":as_of", as_of); })) {
            auto const& ep = e.value;
            auto const st = state_on(ep, as_of);
            if (!st || st->phase != episode_phase::away) continue;
            bool const mobile = is_mobile_member_on(ep, as_of, s.rules());
            if (in_ids(ids, ep.home_branch)) {
                ++out.away;
                if (mobile) ++out.mobile;
                if (st->registered_on) ++out.registered;
                if (st->host_org) ++out.reported_to_host;
                tally(places, st->destination.place, std::nullopt, mobile);
                tally(reasons, std::string(to_string(st->reason)), std::nullopt, mobile);
                tally(homes, name_of(ep.home_branch), ep.home_branch, mobile);
            }
            if (st->host_org && in_ids(ids, *st->host_org)) {
                ++out.hosted;
                tally(hosts, name_of(*st->host_org), st->host_org, mobile);
            }
        }
        out.by_destination = ranked(places);
        out.by_reason = ranked(reasons);
        out.by_home_branch = ranked(homes);
        out.by_host = ranked(hosts);
        return out;
    });
}

certificate_statistics certificate_statistics_on(store const& s, date::sys_days as_of, scope requested) {
    storage::call const c(s);
    auto const sc = storage::visible_scope(s, requested);
    certificate_statistics out;
    out.as_of = as_of;
    for (auto st : enum_values<certificate_state>())
        out.by_state.push_back({st, 0});
    auto const& rules = s.rules();
    for (auto const& c : certificates(s, sc)) {
        auto const st = state_on(c, as_of);
        if (!st) continue;
        ++out.by_state[static_cast<std::size_t>(st->state)].count;
        auto const exp = expiry_date(c, rules);
        if (is_valid_on(c, as_of, rules)) {
            ++out.valid;
            if (as_of > next_review_due(c, as_of, rules)) ++out.review_overdue;
        } else if (is_open(st->state) && exp && as_of > *exp) {
            ++out.expired;
        }
    }
    return out;
}

std::vector<transfer_in_flight> transfers_in_flight(store const& s, date::sys_days as_of, scope requested) {
    storage::call const c(s);
    auto const sc = storage::visible_scope(s, requested);  // letters sent from or addressed into it
    auto& impl = impl_of(s);
    return storage::in_read("listing transfers in flight", [&]() -> std::vector<transfer_in_flight> {
        auto const ids = storage::scope_org_ids(impl.db, sc);
        std::vector<transfer_in_flight> out;
        for (auto const& l : load_transfers(impl.db, "WHERE t.issued <= :as_of",
                                            [&](sql::statement& st) { bind_date(st, ":as_of", as_of); })) {
            auto const& letter = l.value;
            if (!in_ids(ids, letter.from_org) && !in_ids(ids, letter.to_org)) continue;
            auto const st = state_on(letter, as_of, s.rules());
            if (!st || (st->state != transfer_state::issued && st->state != transfer_state::expired))
                continue;
            out.push_back(transfer_in_flight{transfer_letter_id{l.row}, letter.serial, letter.member,
                                             letter.member_name, letter.from_org, letter.from_name,
                                             letter.to_org, letter.to_name, letter.issued, st->expires,
                                             st->state, static_cast<int>((as_of - letter.issued).count())});
        }
        return out;
    });
}

}  // namespace dangyuan
