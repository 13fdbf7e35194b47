// Organisations and their leadership.

#include <algorithm>

#include "access.hpp"
#include "impl.hpp"
#include "member_rows.hpp"
#include "plausibility.hpp"
#include "rows.hpp"

namespace dangyuan {
namespace storage {
namespace {

constexpr char const* org_columns =
    "id, name, kind, parent_id, established, dissolved, village_or_community, term_start, term_years, "
    "version, units";

org_unit read_org(sql::statement& st) {
    org_unit o;
    o.id = org_id{st.column(0).as_int64()};
    o.name = st.column(1).as_string();
    o.kind = parse_org_kind(st.column(2).as_string());
    if (!st.column(3).is_null()) o.parent = org_id{st.column(3).as_int64()};
    o.established = *column_date(st, 4, "orgs.established");
    o.dissolved = column_date(st, 5, "orgs.dissolved");
    o.village_or_community = st.column(6).as_int() != 0;
    o.term_start = column_date(st, 7, "orgs.term_start");
    o.term_years = st.column(8).as_int();
    o.version = st.column(9).as_int64();
    o.units = st.column(10).as_int();
    return o;
}

// Binds :name, :kind, :parent_id, :established, :dissolved, :village_or_community, :term_start,
// :term_years and :units.
void bind_org(sql::statement& st, org_unit const& o) {
    st.bind(":name", o.name);
    st.bind(":kind", std::string(to_string(o.kind)));
    bind_opt(st, ":parent_id", opt_raw(o.parent));
    bind_date(st, ":established", o.established);
    bind_date(st, ":dissolved", o.dissolved);
    st.bind(":village_or_community", o.village_or_community ? 1 : 0);
    bind_date(st, ":term_start", o.term_start);
    st.bind(":term_years", o.term_years);
    st.bind(":units", o.units);
}

std::string describe(org_unit const& o) {
    std::string d = "name=" + o.name + "; kind=" + std::string(to_string(o.kind));
    if (o.parent) d += "; parent=" + std::to_string(o.parent->value());
    d += "; established=" + format_iso(o.established);
    if (o.dissolved) d += "; dissolved=" + format_iso(*o.dissolved);
    if (o.term_start) d += "; term_start=" + format_iso(*o.term_start);
    if (o.term_years) d += "; term_years=" + std::to_string(o.term_years);
    if (o.units) d += "; units=" + std::to_string(o.units);
    return d;
}

}  // namespace

std::vector<std::int64_t> scope_org_ids(sql::database& db, scope const& s) {
    std::vector<std::int64_t> ids;
    if (!s.root) {
        sql::statement st(db, "SELECT id FROM orgs ORDER BY id");
        while (st.step())
            ids.push_back(st.column(0).as_int64());
        return ids;
    }
    // UNION: a hand-edited cycle ends when an organisation comes round again (rows.hpp, in_subtree).
    sql::statement st(db,
                      "WITH RECURSIVE sub(id) AS (SELECT id FROM orgs WHERE id = :root "
                      "UNION SELECT o.id FROM orgs o JOIN sub ON o.parent_id = sub.id) "
                      "SELECT id FROM sub ORDER BY id");
    bind_id(st, ":root", *s.root);
    while (st.step())
        ids.push_back(st.column(0).as_int64());
    if (ids.empty()) throw not_found("no organisation with id " + std::to_string(s.root->value()));
    return ids;
}

std::vector<std::int64_t> ancestor_ids(sql::database& db, org_id org) {
    // One indexed lookup per level: a tree is a few levels deep, and its cost must not follow the size
    // of the store (a bound taken from count(*) read the whole table on every call). A hand-edited cycle
    // ends at the first organisation seen twice.
    sql::statement st(db, "SELECT parent_id FROM orgs WHERE id = :id");
    std::vector<std::int64_t> out;
    std::int64_t at = org.value();
    for (;;) {
        bind_id(st, ":id", org_id{at});
        if (!st.step() || st.column(0).is_null()) break;
        at = st.column(0).as_int64();
        st.reset();
        if (at == org.value() || std::find(out.begin(), out.end(), at) != out.end()) break;
        out.push_back(at);
    }
    return out;
}

bool covers_whole_store(sql::database& db, scope const& s, std::vector<std::int64_t> const& ids) {
    if (!s.root) return true;
    sql::statement top(db, "SELECT parent_id IS NULL FROM orgs WHERE id = :id");
    bind_id(top, ":id", *s.root);
    if (!top.step() || top.column(0).as_int() == 0) return false;
    sql::statement n(db, "SELECT count(*) FROM orgs");
    return n.step() && n.column(0).as_int64() == static_cast<std::int64_t>(ids.size());
}

}  // namespace storage

org_unit store::impl::load_org(org_id id) {
    sql::statement st(db, std::string("SELECT ") + storage::org_columns + " FROM orgs WHERE id = :id");
    storage::bind_id(st, ":id", id);
    if (!st.step()) throw not_found("no organisation with id " + std::to_string(id.value()));
    return storage::read_org(st);
}

std::unordered_map<std::int64_t, org_unit> store::impl::load_orgs(std::vector<std::int64_t> const& ids) {
    std::unordered_map<std::int64_t, org_unit> out;
    if (ids.empty()) return out;
    sql::statement st(
        db, std::string("SELECT ") + storage::org_columns + " FROM orgs WHERE id " + storage::in_id_set);
    st.bind(":ids", storage::json_ids(ids));
    while (st.step()) {
        auto o = storage::read_org(st);
        out.emplace(o.id.value(), std::move(o));
    }
    return out;
}

org_id store::add_org(org_unit draft, std::string_view why) {
    storage::call const c(*this);
    if (draft.parent)
        storage::require(*this, permission::manage_organisations, *draft.parent);
    else
        storage::require_store_wide(*this, permission::manage_organisations);
    return storage::in_read("adding an organisation", [&]() -> org_id {
        storage::check_org_record(*this, draft);
        std::optional<org_unit> parent;
        if (draft.parent) parent = impl_->load_org(*draft.parent);
        validate_org(draft, parent ? &*parent : nullptr, rules());
        return storage::in_transaction(impl_->db, [&] {
            sql::statement st(
                impl_->db,
                "INSERT INTO orgs(name, kind, parent_id, established, dissolved, "
                "village_or_community, term_start, term_years, units) VALUES(:name, :kind, :parent_id, "
                ":established, :dissolved, :village_or_community, :term_start, :term_years, :units)");
            storage::bind_org(st, draft);
            st.exec();
            org_id const id{impl_->db.last_insert_id()};
            storage::append_audit(impl_->db, impl_->audit_actor, "org", id.value(), "insert", why,
                                  storage::describe(draft));
            return id;
        });
    });
}

org_unit store::org(org_id id) const {
    storage::call const c(*this);
    storage::require_org_visible(*this, id);
    return storage::in_read("reading an organisation", [&]() -> org_unit { return impl_->load_org(id); });
}

void store::update_org(org_unit const& o, std::string_view why) {
    storage::call const c(*this);
    storage::require(*this, permission::manage_organisations, o.id);
    if (o.parent) storage::require(*this, permission::manage_organisations, *o.parent);
    storage::in_read("updating an organisation", [&] {
        storage::check_org_record(*this, o);
        auto const old = impl_->load_org(o.id);
        if (old.version != o.version)
            throw conflict("organisation " + std::to_string(o.id.value()) +
                           " was changed by someone else (stored version " + std::to_string(old.version) +
                           ", yours " + std::to_string(o.version) + ")");
        std::optional<org_unit> parent;
        if (o.parent) {
            if (*o.parent == o.id) throw invalid_input("parent", "an organisation cannot be its own parent");
            parent = impl_->load_org(*o.parent);
            auto const below = storage::scope_org_ids(impl_->db, scope::subtree(o.id));
            if (std::find(below.begin(), below.end(), o.parent->value()) != below.end())
                throw invalid_input("parent", "organisation " + std::to_string(o.parent->value()) +
                                                  " is below '" + o.name + "': the tree would have a cycle");
        }
        validate_org(o, parent ? &*parent : nullptr, rules());
        storage::in_transaction(impl_->db, [&] {
            sql::statement st(impl_->db,
                              "UPDATE orgs SET name = :name, kind = :kind, parent_id = :parent_id, "
                              "established = :established, dissolved = :dissolved, "
                              "village_or_community = :village_or_community, term_start = :term_start, "
                              "term_years = :term_years, units = :units, version = version + 1 "
                              "WHERE id = :id AND version = :version");
            storage::bind_org(st, o);
            storage::bind_id(st, ":id", o.id);
            st.bind(":version", static_cast<std::int64_t>(o.version));
            if (st.exec() != 1)
                throw conflict("organisation " + std::to_string(o.id.value()) + " changed meanwhile");
            storage::append_audit(impl_->db, impl_->audit_actor, "org", o.id.value(), "update", why,
                                  "before: " + storage::describe(old) + " | after: " + storage::describe(o));
        });
    });
}

std::vector<org_unit> store::orgs(scope requested) const {
    storage::call const c(*this);
    auto const s = storage::visible_scope(*this, requested);
    return storage::in_read("listing organisations", [&]() -> std::vector<org_unit> {
        // A subtree reads its own rows only (orgs_parent), so that a branch costs what it holds.
        sql::statement st(impl_->db, std::string("SELECT ") + storage::org_columns + " FROM orgs" +
                                         (s.root ? std::string(" WHERE id ") + storage::in_subtree : "") +
                                         " ORDER BY id");
        if (s.root) storage::bind_id(st, ":root", *s.root);
        std::vector<org_unit> out;
        while (st.step())
            out.push_back(storage::read_org(st));
        if (s.root && out.empty())
            throw not_found("no organisation with id " + std::to_string(s.root->value()));
        return out;  // ids grow with insertion and a parent is inserted before its children
    });
}

void store::set_leadership(org_id org_key, date::sys_days on, std::vector<officer> const& officers,
                           std::string_view why) {
    storage::call const c(*this);
    storage::require(*this, permission::manage_organisations, org_key);
    storage::in_read("recording a leadership", [&] {
        storage::check_not_in_future(*this, on, "on");
        for (auto const& officer : officers)
            storage::check_text(officer.portfolio, "portfolio", storage::text_cap::short_text);
        auto const o = impl_->load_org(org_key);
        if (!o.active_on(on))
            throw invalid_input("on", "'" + o.name + "' does not exist on " + storage::format_iso(on));
        auto const below = storage::scope_org_ids(impl_->db, scope::subtree(org_key));
        std::vector<member_id> officer_ids;
        for (auto const& x : officers)
            officer_ids.push_back(x.member);
        auto const held = storage::members_of(impl_->db, officer_ids);
        auto const standing = storage::standing_histories_of(impl_->db, officer_ids);
        std::vector<member_id> not_eligible;
        for (auto const& x : officers) {
            auto const it = held.find(x.member.value());
            if (it == held.end()) throw not_found("no member with id " + std::to_string(x.member.value()));
            auto const& m = it->second;
            auto const st = standing.on(m, on);
            bool const in_org = std::binary_search(below.begin(), below.end(), m.branch.value());
            if (!in_org || m.status_on(on) != member_status::full || !st ||
                st->state != standing_state::normal)
                not_eligible.push_back(x.member);
        }
        validate_leadership(o, impl_->count_members(o.id, on).full_members, officers, not_eligible, rules());
        storage::in_transaction(impl_->db, [&] {
            sql::statement close(
                impl_->db,
                "UPDATE org_leadership SET to_date = :on WHERE org_id = :org_id AND to_date IS NULL");
            storage::bind_date(close, ":on", on);
            storage::bind_id(close, ":org_id", org_key);
            close.exec();
            sql::statement ins(impl_->db,
                               "INSERT INTO org_leadership(org_id, member_id, role, portfolio, from_date) "
                               "VALUES(:org_id, :member_id, :role, :portfolio, :from_date)");
            std::string detail = "from=" + storage::format_iso(on);
            for (auto const& x : officers) {
                storage::bind_id(ins, ":org_id", org_key);
                storage::bind_id(ins, ":member_id", x.member);
                ins.bind(":role", std::string(to_string(x.role)));
                ins.bind(":portfolio", x.portfolio);
                storage::bind_date(ins, ":from_date", on);
                ins.exec();
                ins.reset();
                detail += "; " + std::string(to_string(x.role)) + "=" + std::to_string(x.member.value());
            }
            storage::append_audit(impl_->db, impl_->audit_actor, "org", org_key.value(), "leadership", why,
                                  detail);
        });
    });
}

std::vector<officer> store::leadership(org_id org_key, date::sys_days on) const {
    storage::call const c(*this);
    storage::require(*this, permission::read_roster, org_key);
    return storage::in_read("reading a leadership", [&]() -> std::vector<officer> {
        sql::statement st(impl_->db,
                          "SELECT member_id, role, portfolio FROM org_leadership WHERE org_id = :org_id "
                          "AND from_date <= :on AND (to_date IS NULL OR to_date > :on) ORDER BY id");
        storage::bind_id(st, ":org_id", org_key);
        storage::bind_date(st, ":on", on);
        std::vector<officer> out;
        while (st.step())
            out.push_back(officer{member_id{st.column(0).as_int64()},
                                  parse_officer_role(st.column(1).as_string()), st.column(2).as_string()});
        return out;
    });
}

}  // namespace dangyuan
