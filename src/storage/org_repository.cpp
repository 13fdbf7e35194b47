// Organisations and their leadership.

#include <algorithm>

#include "impl.hpp"
#include "plausibility.hpp"
#include "rows.hpp"

namespace dangyuan {
namespace storage {
namespace {

constexpr char const* org_columns =
    "id, name, kind, parent_id, established, dissolved, village_or_community, term_start, term_years, "
    "version, units";

org_unit read_org(SQLite::Statement& st) {
    org_unit o;
    o.id = org_id{st.getColumn(0).getInt64()};
    o.name = st.getColumn(1).getString();
    o.kind = parse_org_kind(st.getColumn(2).getString());
    if (!st.getColumn(3).isNull()) o.parent = org_id{st.getColumn(3).getInt64()};
    o.established = *column_date(st, 4, "orgs.established");
    o.dissolved = column_date(st, 5, "orgs.dissolved");
    o.village_or_community = st.getColumn(6).getInt() != 0;
    o.term_start = column_date(st, 7, "orgs.term_start");
    o.term_years = st.getColumn(8).getInt();
    o.version = st.getColumn(9).getInt64();
    o.units = st.getColumn(10).getInt();
    return o;
}

void bind_org(SQLite::Statement& st, org_unit const& o) {
    st.bind(1, o.name);
    st.bind(2, std::string(to_string(o.kind)));
    if (o.parent)
        st.bind(3, static_cast<std::int64_t>(o.parent->value()));
    else
        st.bind(3);
    bind_date(st, 4, o.established);
    bind_date(st, 5, o.dissolved);
    st.bind(6, o.village_or_community ? 1 : 0);
    bind_date(st, 7, o.term_start);
    st.bind(8, o.term_years);
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

std::vector<std::int64_t> scope_org_ids(SQLite::Database& db, scope const& s) {
    std::vector<std::int64_t> ids;
    if (!s.root) {
        SQLite::Statement st(db, "SELECT id FROM orgs ORDER BY id");
        while (st.executeStep())
            ids.push_back(st.getColumn(0).getInt64());
        return ids;
    }
    SQLite::Statement st(db,
                         "WITH RECURSIVE sub(id) AS (SELECT id FROM orgs WHERE id = ? "
                         "UNION ALL SELECT o.id FROM orgs o JOIN sub ON o.parent_id = sub.id) "
                         "SELECT id FROM sub ORDER BY id");
    st.bind(1, static_cast<std::int64_t>(s.root->value()));
    while (st.executeStep())
        ids.push_back(st.getColumn(0).getInt64());
    if (ids.empty()) throw not_found("no organisation with id " + std::to_string(s.root->value()));
    return ids;
}

}  // namespace storage

org_unit store::impl::load_org(org_id id) {
    SQLite::Statement st(db, std::string("SELECT ") + storage::org_columns + " FROM orgs WHERE id = ?");
    st.bind(1, static_cast<std::int64_t>(id.value()));
    if (!st.executeStep()) throw not_found("no organisation with id " + std::to_string(id.value()));
    return storage::read_org(st);
}

org_id store::add_org(org_unit draft, std::string_view why) {
    return storage::in_read("adding an organisation", [&]() -> org_id {
        storage::check_org_record(*this, draft);
        std::optional<org_unit> parent;
        if (draft.parent) parent = impl_->load_org(*draft.parent);
        validate_org(draft, parent ? &*parent : nullptr, rules());
        return storage::in_transaction(impl_->db, [&] {
            SQLite::Statement st(
                impl_->db,
                "INSERT INTO orgs(name, kind, parent_id, established, dissolved, "
                "village_or_community, term_start, term_years, units) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)");
            storage::bind_org(st, draft);
            st.bind(9, draft.units);
            st.exec();
            org_id const id{impl_->db.getLastInsertRowid()};
            storage::append_audit(impl_->db, impl_->options.actor, "org", id.value(), "insert", why,
                                  storage::describe(draft));
            return id;
        });
    });
}

org_unit store::org(org_id id) const {
    return storage::in_read("reading an organisation", [&]() -> org_unit { return impl_->load_org(id); });
}

void store::update_org(org_unit const& o, std::string_view why) {
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
            SQLite::Statement st(impl_->db,
                                 "UPDATE orgs SET name=?, kind=?, parent_id=?, established=?, dissolved=?, "
                                 "village_or_community=?, term_start=?, term_years=?, units=?, "
                                 "version=version+1 WHERE id=? AND version=?");
            storage::bind_org(st, o);
            st.bind(9, o.units);
            st.bind(10, static_cast<std::int64_t>(o.id.value()));
            st.bind(11, static_cast<std::int64_t>(o.version));
            if (st.exec() != 1)
                throw conflict("organisation " + std::to_string(o.id.value()) + " changed meanwhile");
            storage::append_audit(impl_->db, impl_->options.actor, "org", o.id.value(), "update", why,
                                  "before: " + storage::describe(old) + " | after: " + storage::describe(o));
        });
    });
}

std::vector<org_unit> store::orgs(scope s) const {
    return storage::in_read("listing organisations", [&]() -> std::vector<org_unit> {
        auto const ids = storage::scope_org_ids(impl_->db, s);
        SQLite::Statement st(impl_->db,
                             std::string("SELECT ") + storage::org_columns + " FROM orgs ORDER BY id");
        std::vector<org_unit> out;
        while (st.executeStep()) {
            auto const id = st.getColumn(0).getInt64();
            if (std::binary_search(ids.begin(), ids.end(), id)) out.push_back(storage::read_org(st));
        }
        return out;  // ids grow with insertion and a parent is inserted before its children
    });
}

void store::set_leadership(org_id org_key, date::sys_days on, std::vector<officer> const& officers,
                           std::string_view why) {
    storage::in_read("recording a leadership", [&] {
        storage::check_not_in_future(*this, on, "on");
        for (auto const& officer : officers)
            storage::check_text(officer.portfolio, "portfolio", storage::text_cap::short_text);
        auto const o = impl_->load_org(org_key);
        if (!o.active_on(on))
            throw invalid_input("on", "'" + o.name + "' does not exist on " + storage::format_iso(on));
        auto const below = storage::scope_org_ids(impl_->db, scope::subtree(org_key));
        std::vector<member_id> not_eligible;
        for (auto const& x : officers) {
            auto const m = get_member(x.member);
            auto const st = standing_on(x.member, on);
            bool const in_org = std::binary_search(below.begin(), below.end(), m.branch.value());
            if (!in_org || m.status_on(on) != member_status::full || !st ||
                st->state != standing_state::normal)
                not_eligible.push_back(x.member);
        }
        validate_leadership(o, impl_->count_members(o.id, on).full_members, officers, not_eligible, rules());
        storage::in_transaction(impl_->db, [&] {
            SQLite::Statement close(
                impl_->db, "UPDATE org_leadership SET to_date = ? WHERE org_id = ? AND to_date IS NULL");
            storage::bind_date(close, 1, on);
            close.bind(2, static_cast<std::int64_t>(org_key.value()));
            close.exec();
            SQLite::Statement ins(impl_->db,
                                  "INSERT INTO org_leadership(org_id, member_id, role, portfolio, from_date) "
                                  "VALUES(?, ?, ?, ?, ?)");
            std::string detail = "from=" + storage::format_iso(on);
            for (auto const& x : officers) {
                ins.bind(1, static_cast<std::int64_t>(org_key.value()));
                ins.bind(2, static_cast<std::int64_t>(x.member.value()));
                ins.bind(3, std::string(to_string(x.role)));
                ins.bind(4, x.portfolio);
                storage::bind_date(ins, 5, on);
                ins.exec();
                ins.reset();
                detail += "; " + std::string(to_string(x.role)) + "=" + std::to_string(x.member.value());
            }
            storage::append_audit(impl_->db, impl_->options.actor, "org", org_key.value(), "leadership", why,
                                  detail);
        });
    });
}

std::vector<officer> store::leadership(org_id org_key, date::sys_days on) const {
    return storage::in_read("reading a leadership", [&]() -> std::vector<officer> {
        SQLite::Statement st(impl_->db,
                             "SELECT member_id, role, portfolio FROM org_leadership WHERE org_id = ? "
                             "AND from_date <= ? AND (to_date IS NULL OR to_date > ?) ORDER BY id");
        st.bind(1, static_cast<std::int64_t>(org_key.value()));
        storage::bind_date(st, 2, on);
        storage::bind_date(st, 3, on);
        std::vector<officer> out;
        while (st.executeStep())
            out.push_back(officer{member_id{st.getColumn(0).getInt64()},
                                  parse_officer_role(st.getColumn(1).getString()),
                                  st.getColumn(2).getString()});
        return out;
    });
}

}  // namespace dangyuan
