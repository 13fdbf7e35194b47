// Commendations (两优一先) and the year statistics of model posts and commendations. The command checks
// the commendation with the pure rules (honours/commendation.hpp) against the member, organisation and
// campaign it read before the transaction opens, so a refused command writes nothing.

#include <algorithm>

#include "../access.hpp"
#include "../plausibility.hpp"
#include "../rows.hpp"
#include "dangyuan/storage/evaluation_store.hpp"
#include "honours_rows.hpp"

namespace dangyuan {

namespace {

using storage::col_text;
using storage::format_iso;
using storage::raw;

// Column order of read_commendation.
constexpr char const* commendation_select =
    "SELECT c.id, c.kind, c.level, c.date, c.awarded_by, c.member_id, c.org_id, c.campaign_id, c.note, "
    "coalesce(m.name, o.name) FROM commendations c JOIN orgs o ON o.id = c.org_id LEFT JOIN members m ON "
    "m.id = c.member_id WHERE ";

commendation read_commendation(sql::statement& st) {
    commendation c;
    c.id = commendation_id{st.column(0).as_int64()};
    c.kind = storage::stored_enum<commendation_kind>(col_text(st, 1), "commendations.kind");
    c.level = storage::stored_enum<commendation_level>(col_text(st, 2), "commendations.level");
    c.date = storage::col_date(st, 3, "commendations.date");
    c.awarded_by = col_text(st, 4);
    c.member = storage::column_id<member_id>(st, 5);
    c.recipient_org = org_id{st.column(6).as_int64()};
    if (!c.member) c.org = c.recipient_org;
    c.campaign = storage::column_id<campaign_id>(st, 7);
    c.note = col_text(st, 8);
    c.recipient_name = col_text(st, 9);
    return c;
}

template <class Bind>
std::vector<commendation> load_commendations(sql::database& db, std::string const& where, Bind&& bind) {
    sql::statement st(db, commendation_select + where + " ORDER BY c.date, c.id");
    bind(st);
    std::vector<commendation> out;
    while (st.step())
        out.push_back(read_commendation(st));
    return out;
}

void require_commendation_year(std::optional<int> year) {
    if (year && (*year < 1 || *year > 9999))
        throw invalid_input("year", "'" + std::to_string(*year) + "' is not a year (1-9999)");
}

// The organisation a commendation belongs to: the organisation commended, or the member's branch.
// \throws not_found for an unknown member or organisation.
org_id commendation_owner(store const& s, commendation const& c) {
    if (c.member) return s.get_member(*c.member).branch;
    if (c.org) return s.org(*c.org).id;
    return org_id{};
}

}  // namespace

commendation_id commend(store& s, commendation const& c, std::string_view why) {
    storage::call const guard(s);
    check_commendation_form(c);
    auto const owner =
        storage::in_read("reading the recipient of a commendation", [&] { return commendation_owner(s, c); });
    storage::require(s, permission::write_roster, owner);
    auto& impl = storage::impl_of(s);
    return storage::in_read("recording a commendation", [&]() -> commendation_id {
        storage::check_not_in_future(s, c.date, "date");
        storage::check_text(c.awarded_by, "awarded_by", storage::text_cap::long_text);
        storage::check_text(c.note, "note", storage::text_cap::note, true);
        if (c.member) {
            check_commended_member(c, s.get_member(*c.member), s.standing_on(*c.member, c.date));
            if (c.campaign) check_follows_evaluation(c, get_campaign(s, *c.campaign));
        } else {
            check_commended_org(c, s.org(*c.org));
        }
        return storage::in_transaction(impl.db, [&] {
            sql::statement ins(impl.db,
                               "INSERT INTO commendations(kind, level, date, awarded_by, member_id, org_id, "
                               "campaign_id, note) VALUES(:kind, :level, :date, :awarded_by, :member, :org, "
                               ":campaign, :note)");
            ins.bind(":kind", std::string(to_string(c.kind)));
            ins.bind(":level", std::string(to_string(c.level)));
            ins.bind(":date", format_iso(c.date));
            ins.bind(":awarded_by", c.awarded_by);
            storage::bind_opt(ins, ":member", storage::opt_raw(c.member));
            ins.bind(":org", raw(owner));
            storage::bind_opt(ins, ":campaign", storage::opt_raw(c.campaign));
            ins.bind(":note", c.note);
            ins.exec();
            commendation_id const id{impl.db.last_insert_id()};
            storage::append_audit(
                impl.db, impl.audit_actor, "commendation", id.value(), "commend", why,
                std::string(to_string(c.kind)) + "; level=" + std::string(to_string(c.level)) +
                    "; date=" + format_iso(c.date) +
                    (c.member ? "; member=" + std::to_string(c.member->value())
                              : "; org=" + std::to_string(c.org->value())) +
                    (c.campaign ? "; campaign=" + std::to_string(c.campaign->value()) : std::string()) +
                    "; awarded_by=" + c.awarded_by);
            return id;
        });
    });
}

commendation get_commendation(store const& s, commendation_id id) {
    storage::call const guard(s);
    auto const all = storage::in_read("reading a commendation", [&] {
        return load_commendations(storage::impl_of(s).db, "c.id = :id",
                                  [&](sql::statement& st) { st.bind(":id", raw(id)); });
    });
    if (all.empty()) throw not_found("no commendation with id " + std::to_string(id.value()));
    storage::require(s, permission::read_roster, all.front().recipient_org);
    return all.front();
}

std::vector<commendation> member_commendations(store const& s, member_id m) {
    storage::call const guard(s);
    storage::require_member(s, permission::read_roster, m);
    return storage::in_read("reading commendations", [&] {
        (void)s.get_member(m);  // not_found for an unknown member
        return load_commendations(storage::impl_of(s).db, "c.member_id = :m",
                                  [&](sql::statement& st) { st.bind(":m", raw(m)); });
    });
}

std::vector<commendation> org_commendations(store const& s, org_id o) {
    storage::call const guard(s);
    storage::require(s, permission::read_roster, o);
    return storage::in_read("reading commendations", [&] {
        (void)s.org(o);  // not_found for an unknown organisation
        return load_commendations(storage::impl_of(s).db, "c.org_id = :o AND c.member_id IS NULL",
                                  [&](sql::statement& st) { st.bind(":o", raw(o)); });
    });
}

std::vector<commendation> commendations(store const& s, scope requested, std::optional<int> year) {
    storage::call const guard(s);
    require_commendation_year(year);
    auto const sc = storage::visible_scope(s, requested);
    auto& impl = storage::impl_of(s);
    return storage::in_read("listing commendations", [&] {
        auto const ids = storage::scope_org_ids(impl.db, sc);
        std::string where = std::string("c.org_id ") + storage::in_id_set;
        if (year) where += " AND c.date BETWEEN :first AND :last";
        return load_commendations(impl.db, where, [&](sql::statement& st) {
            st.bind(":ids", storage::json_ids(ids));
            if (year) {
                st.bind(":first", format_iso(make_date(*year, 1, 1)));
                st.bind(":last", format_iso(make_date(*year, 12, 31)));
            }
        });
    });
}

honours_statistics honours_statistics_for(store const& s, int year, scope requested) {
    storage::call const guard(s);
    require_commendation_year(year);
    // The nested queries run as part of this call, which checks access once: narrow the scope here.
    auto const sc = storage::visible_scope(s, requested);
    auto const posts = model_posts(s, sc);
    auto const given = commendations(s, sc, year);
    return honours_statistics_of(year, posts, given);
}

}  // namespace dangyuan
