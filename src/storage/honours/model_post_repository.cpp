// Model posts (党员示范岗): designations with their reviews and end. Every command checks its record with
// the pure rules (honours/model_post.hpp) against what it read before the transaction opens, so a refused
// command writes nothing.

#include <algorithm>
#include <map>
#include <unordered_map>

#include "../access.hpp"
#include "../plausibility.hpp"
#include "../rows.hpp"
#include "dangyuan/honours/honours_agenda.hpp"
#include "honours_rows.hpp"

namespace dangyuan {

namespace {

using storage::col_text;
using storage::format_iso;
using storage::raw;

// Column order of read_post.
constexpr char const* post_columns =
    "p.id, p.member_id, m.name, p.branch_id, p.awarded_by, o.name, p.designated_on, p.title, p.review_by, "
    "p.note, p.rule_set, p.ended_on, p.end_kind, p.end_reason, m.exit_date, p.version";
constexpr char const* post_from =
    " FROM model_posts p JOIN members m ON m.id = p.member_id JOIN orgs o ON o.id = p.awarded_by";

struct loaded_post {
    model_post p;
    std::int64_t version = 0;
};

loaded_post read_post(sql::statement& st) {
    loaded_post x;
    auto& p = x.p;
    p.id = model_post_id{st.column(0).as_int64()};
    p.member = member_id{st.column(1).as_int64()};
    p.member_name = col_text(st, 2);
    p.branch = org_id{st.column(3).as_int64()};
    p.awarded_by = org_id{st.column(4).as_int64()};
    p.awarded_by_name = col_text(st, 5);
    p.designated_on = storage::col_date(st, 6, "model_posts.designated_on");
    p.title = col_text(st, 7);
    p.review_by = storage::column_date(st, 8, "model_posts.review_by");
    p.note = col_text(st, 9);
    p.rule_set_name = col_text(st, 10);
    if (auto const ended = storage::column_date(st, 11, "model_posts.ended_on"))
        p.ending = model_post_ending{
            *ended, storage::stored_enum<model_post_end>(col_text(st, 12), "model_posts.end_kind"),
            col_text(st, 13)};
    p.member_left = storage::column_date(st, 14, "members.exit_date");
    x.version = st.column(15).as_int64();
    return x;
}

// The designations `where` selects (a condition on p and m, with its parameters bound by `bind`), with
// their reviews: two queries for the whole set.
template <class Bind>
std::vector<loaded_post> load_posts(sql::database& db, std::string const& where, Bind&& bind) {
    std::vector<loaded_post> out;
    sql::statement st(db, std::string("SELECT ") + post_columns + post_from + " WHERE " + where +
                              " ORDER BY p.branch_id, p.designated_on, p.id");
    bind(st);
    while (st.step())
        out.push_back(read_post(st));
    if (out.empty()) return out;
    std::unordered_map<std::int64_t, std::size_t> at;
    std::vector<std::int64_t> ids;
    for (std::size_t i = 0; i < out.size(); ++i) {
        at.emplace(raw(out[i].p.id), i);
        ids.push_back(raw(out[i].p.id));
    }
    sql::statement rv(db, std::string("SELECT post_id, date, note FROM model_post_reviews WHERE post_id ") +
                              storage::in_id_set + " ORDER BY post_id, date, id");
    rv.bind(":ids", storage::json_ids(ids));
    while (rv.step())
        out[at.at(rv.column(0).as_int64())].p.reviews.push_back(
            {storage::col_date(rv, 1, "model_post_reviews.date"), col_text(rv, 2)});
    return out;
}

loaded_post load_post(sql::database& db, model_post_id id) {
    auto all = load_posts(db, "p.id = :id", [&](sql::statement& st) { st.bind(":id", raw(id)); });
    if (all.empty()) throw not_found("no model post with id " + std::to_string(id.value()));
    return std::move(all.front());
}

// The designating organisation of post `id`, read before the access check of a command on it.
org_id post_awarded_by(store const& s, model_post_id id) {
    return storage::in_read("reading a model post", [&] {
        sql::statement st(storage::impl_of(s).db, "SELECT awarded_by FROM model_posts WHERE id = :id");
        st.bind(":id", raw(id));
        if (!st.step()) throw not_found("no model post with id " + std::to_string(id.value()));
        return org_id{st.column(0).as_int64()};
    });
}

void require_post_year(std::optional<int> year) {
    if (year && (*year < 1 || *year > 9999))
        throw invalid_input("year", "'" + std::to_string(*year) + "' is not a year (1-9999)");
}

// Bumps the version of post `id` from `version`, or throws conflict.
void bump_post(sql::database& db, model_post_id id, std::int64_t version) {
    sql::statement up(db, "UPDATE model_posts SET version = version + 1 WHERE id = :id AND version = :v");
    up.bind(":id", raw(id));
    up.bind(":v", version);
    if (up.exec() != 1)
        throw conflict("model post " + std::to_string(id.value()) +
                       " was changed by someone else meanwhile; reload and try again");
}

}  // namespace

model_post_id designate_model_post(store& s, model_post_designation const& d, std::string_view why) {
    storage::call const guard(s);
    storage::require(s, permission::write_roster, d.awarded_by);
    auto& impl = storage::impl_of(s);
    return storage::in_read("designating a model post", [&]() -> model_post_id {
        storage::check_not_in_future(s, d.date, "date");
        storage::check_text(d.title, "title", storage::text_cap::short_text);
        storage::check_text(d.note, "note", storage::text_cap::note, true);
        auto const m = s.get_member(d.member);
        auto const awarding = s.org(d.awarded_by);
        auto const& rules = s.rules();
        std::vector<org_id> chain{m.branch};
        for (auto const o : storage::ancestor_ids(impl.db, m.branch))
            chain.emplace_back(o);
        model_post p;
        p.member = d.member;
        p.member_name = m.name;
        p.branch = m.branch;
        p.awarded_by = d.awarded_by;
        p.awarded_by_name = awarding.name;
        p.designated_on = d.date;
        p.title = d.title;
        p.review_by = d.review_by;
        p.note = d.note;
        p.rule_set_name = rules.name;
        check_designation(p, m, s.standing_on(d.member, d.date), chain, rules);
        return storage::in_transaction(impl.db, [&] {
            sql::statement ins(impl.db,
                               "INSERT INTO model_posts(member_id, branch_id, awarded_by, designated_on, "
                               "title, review_by, note, rule_set) VALUES(:member, :branch, :awarded_by, "
                               ":date, :title, :review_by, :note, :rule_set)");
            ins.bind(":member", raw(d.member));
            ins.bind(":branch", raw(m.branch));
            ins.bind(":awarded_by", raw(d.awarded_by));
            ins.bind(":date", format_iso(d.date));
            ins.bind(":title", d.title);
            storage::bind_date(ins, ":review_by", d.review_by);
            ins.bind(":note", d.note);
            ins.bind(":rule_set", rules.name);
            ins.exec();
            model_post_id const id{impl.db.last_insert_id()};
            storage::append_audit(impl.db, impl.audit_actor, "model_post", id.value(), "designate", why,
                                  "member=" + std::to_string(d.member.value()) +
                                      "; awarded_by=" + std::to_string(d.awarded_by.value()) +
                                      "; date=" + format_iso(d.date) + "; title=" + d.title);
            return id;
        });
    });
}

void review_model_post(store& s, model_post_id id, model_post_review const& r, std::string_view why) {
    storage::call const guard(s);
    storage::require(s, permission::write_roster, post_awarded_by(s, id));
    auto& impl = storage::impl_of(s);
    storage::in_read("reviewing a model post", [&] {
        storage::check_not_in_future(s, r.date, "date");
        storage::check_text(r.note, "note", storage::text_cap::note, true);
        auto const loaded = load_post(impl.db, id);
        check_review(loaded.p, r);
        storage::in_transaction(impl.db, [&] {
            bump_post(impl.db, id, loaded.version);
            sql::statement ins(
                impl.db, "INSERT INTO model_post_reviews(post_id, date, note) VALUES(:id, :date, :note)");
            ins.bind(":id", raw(id));
            ins.bind(":date", format_iso(r.date));
            ins.bind(":note", r.note);
            ins.exec();
            storage::append_audit(impl.db, impl.audit_actor, "model_post", id.value(), "review", why,
                                  "date=" + format_iso(r.date));
        });
    });
}

void end_model_post(store& s, model_post_id id, model_post_ending const& e, std::string_view why) {
    storage::call const guard(s);
    storage::require(s, permission::write_roster, post_awarded_by(s, id));
    auto& impl = storage::impl_of(s);
    storage::in_read("ending a model post", [&] {
        storage::check_not_in_future(s, e.date, "date");
        storage::check_text(e.reason, "reason", storage::text_cap::note, true);
        auto const loaded = load_post(impl.db, id);
        check_ending(loaded.p, e);
        storage::in_transaction(impl.db, [&] {
            sql::statement up(impl.db,
                              "UPDATE model_posts SET version = version + 1, ended_on = :date, end_kind = "
                              ":kind, end_reason = :reason WHERE id = :id AND version = :v");
            up.bind(":date", format_iso(e.date));
            up.bind(":kind", std::string(to_string(e.kind)));
            up.bind(":reason", e.reason);
            up.bind(":id", raw(id));
            up.bind(":v", loaded.version);
            if (up.exec() != 1)
                throw conflict("model post " + std::to_string(id.value()) +
                               " was changed by someone else meanwhile; reload and try again");
            storage::append_audit(impl.db, impl.audit_actor, "model_post", id.value(), to_string(e.kind), why,
                                  "date=" + format_iso(e.date) + "; reason=" + e.reason);
        });
    });
}

model_post get_model_post(store const& s, model_post_id id) {
    storage::call const guard(s);
    auto p =
        storage::in_read("reading a model post", [&] { return load_post(storage::impl_of(s).db, id).p; });
    storage::require(s, permission::read_roster, p.branch);
    return p;
}

std::vector<model_post> member_model_posts(store const& s, member_id m) {
    storage::call const guard(s);
    storage::require_member(s, permission::read_roster, m);
    return storage::in_read("reading model posts", [&] {
        (void)s.get_member(m);  // not_found for an unknown member
        std::vector<model_post> out;
        for (auto& x : load_posts(storage::impl_of(s).db, "p.member_id = :m",
                                  [&](sql::statement& st) { st.bind(":m", raw(m)); }))
            out.push_back(std::move(x.p));
        std::stable_sort(out.begin(), out.end(), [](model_post const& a, model_post const& b) {
            return a.designated_on < b.designated_on;
        });
        return out;
    });
}

std::vector<model_post> model_posts(store const& s, scope requested, std::optional<int> year) {
    storage::call const guard(s);
    require_post_year(year);
    auto const sc = storage::visible_scope(s, requested);
    auto& impl = storage::impl_of(s);
    return storage::in_read("listing model posts", [&] {
        auto const ids = storage::scope_org_ids(impl.db, sc);
        std::string where = std::string("p.branch_id ") + storage::in_id_set;
        if (year) where += " AND p.designated_on BETWEEN :first AND :last";
        std::vector<model_post> out;
        for (auto& x : load_posts(impl.db, where, [&](sql::statement& st) {
                 st.bind(":ids", storage::json_ids(ids));
                 if (year) {
                     st.bind(":first", format_iso(make_date(*year, 1, 1)));
                     st.bind(":last", format_iso(make_date(*year, 12, 31)));
                 }
             }))
            out.push_back(std::move(x.p));
        return out;
    });
}

namespace storage {

std::vector<agenda_item> honours_agenda_items(store const& s, sql::database& db, date::sys_days as_of,
                                              std::vector<std::int64_t> const& org_ids, bool whole) {
    std::vector<agenda_item> items;
    // Designations made by then and not ended by then (an end recorded later than the agenda's date does
    // not count yet), whose member has not left.
    auto const where = std::string(
                           "p.designated_on <= :d AND (p.ended_on IS NULL OR p.ended_on > :d) AND "
                           "(m.exit_date IS NULL OR m.exit_date > :d)") +
                       (whole ? std::string() : std::string(" AND p.branch_id ") + in_id_set);
    auto const posts = load_posts(db, where, [&](sql::statement& st) {
        st.bind(":d", format_iso(as_of));
        if (!whole) st.bind(":ids", json_ids(org_ids));
    });
    std::map<std::string, rule_set> rules_named;
    for (auto const& [p, version] : posts) {
        if (!std::binary_search(org_ids.begin(), org_ids.end(), raw(p.branch))) continue;
        auto it = rules_named.find(p.rule_set_name);
        if (it == rules_named.end())
            it = rules_named.emplace(p.rule_set_name, s.rule_set_named(p.rule_set_name)).first;
        if (auto item = model_post_agenda(p, as_of, it->second)) items.push_back(std::move(*item));
    }
    return items;
}

}  // namespace storage

}  // namespace dangyuan
