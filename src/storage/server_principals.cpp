// Server roles mapped to principals (server_principals.hpp): the mapping lives in the store's schema, in
// the table the row-level security policies read (row_security.cpp).

#include "dangyuan/storage/server_principals.hpp"

#include "access.hpp"
#include "impl.hpp"
#include "row_security.hpp"
#include "rows.hpp"

namespace dangyuan {
namespace {

// The server store of `s`, checked for a change of its server roles.
sql::database& server_db(store const& s) {
    auto& db = storage::impl_of(s).db;
    if (db.is_sqlite())
        throw invalid_input("store", "server roles exist only for a store on PostgreSQL (postgresql://…)");
    // Granting is the organisation department's, over the whole store: it hands out the rest.
    storage::require_store_wide(s, permission::manage_organisations);
    storage::require_store_wide(s, permission::manage_profiles);
    return db;
}

// The role's name as an SQL identifier. \throws invalid_input{"server_role"} for an unknown role, or one
// the server would not confine: the session's own, the store's owner (or a member of the owner role), a
// superuser, a role with BYPASSRLS.
std::string quoted_role(sql::database& db, std::string const& role) {
    if (role.empty()) throw invalid_input("server_role", "name the server role");
    sql::statement st(
        db,
        "SELECT quote_ident(r.rolname), r.rolname = current_user, r.rolsuper OR r.rolbypassrls OR "
        "pg_has_role(r.rolname, c.relowner, 'USAGE') FROM pg_roles r, pg_class c WHERE r.rolname = "
        ":r AND c.oid = to_regclass('members')");
    st.bind(":r", role);
    if (!st.step())
        throw invalid_input("server_role", "the server has no role '" + role +
                                               "' (create it first: CREATE ROLE … LOGIN PASSWORD …)");
    if (st.column(1).as_int64() != 0)
        throw invalid_input("server_role", "'" + role +
                                               "' is the role this session uses, which owns the store; map "
                                               "another role (one per clerk)");
    if (st.column(2).as_int64() != 0)
        throw invalid_input("server_role", "'" + role +
                                               "' bypasses row-level security (a superuser, BYPASSRLS, or "
                                               "the store's owner): the server would not confine it");
    return st.column(0).as_string();
}

std::string permission_list(permission_set ps) {
    std::string out;
    for (auto p : ps.list())
        out += (out.empty() ? "" : ",") + std::string(to_string(p));
    return out;
}

}  // namespace

void grant_server_principal(store& s, std::string const& server_role, principal const& who,
                            std::string_view why) {
    storage::call const c(s);
    auto& db = server_db(s);
    auto& impl = storage::impl_of(s);
    if (who.org) (void)storage::in_read("granting a server role", [&] { return impl.load_org(*who.org); });
    if (who.actor.empty()) throw invalid_input("actor", "name the person who uses the server role");
    storage::in_read("granting a server role", [&] {
        storage::in_transaction(db, [&] {
            auto const role = quoted_role(db, server_role);
            storage::install_row_security(db);
            sql::statement st(
                db,
                "INSERT INTO dangyuan_principals(pg_role, actor, role, permissions, root_org) "
                "VALUES(:r, :actor, :role, string_to_array(:perms, ','), :org) "
                "ON CONFLICT (pg_role) DO UPDATE SET actor = excluded.actor, role = excluded.role, "
                "permissions = excluded.permissions, root_org = excluded.root_org");
            st.bind(":r", server_role);
            st.bind(":actor", who.actor);
            st.bind(":role", who.role.name);
            st.bind(":perms", permission_list(who.role.permissions));
            if (who.org)
                st.bind(":org", static_cast<std::int64_t>(who.org->value()));
            else
                st.bind(":org");
            st.exec();
            // A changed mapping may grant less: start from nothing.
            auto const schema = storage::quoted_schema(db);
            db.exec("REVOKE ALL ON ALL TABLES IN SCHEMA " + schema + " FROM " + role + ";" +
                    "REVOKE ALL ON ALL SEQUENCES IN SCHEMA " + schema + " FROM " + role);
            storage::grant_table_privileges(db, role, who.role.permissions);
            storage::append_audit(
                db, impl.audit_actor, "server_principal", who.org ? who.org->value() : 0, "granted", why,
                "server_role=" + server_role + "; principal=" + who.label() + "; actor=" + who.actor);
        });
    });
}

void revoke_server_principal(store& s, std::string const& server_role, std::string_view why) {
    storage::call const c(s);
    auto& db = server_db(s);
    auto& impl = storage::impl_of(s);
    storage::in_read("revoking a server role", [&] {
        storage::in_transaction(db, [&] {
            if (!storage::row_security_installed(db))
                throw not_found("the server role '" + server_role + "' is not mapped to a principal");
            sql::statement del(db, "DELETE FROM dangyuan_principals WHERE pg_role = :r");
            del.bind(":r", server_role);
            if (del.exec() == 0)
                throw not_found("the server role '" + server_role + "' is not mapped to a principal");
            sql::statement q(db, "SELECT quote_ident(rolname) FROM pg_roles WHERE rolname = :r");
            q.bind(":r", server_role);
            if (q.step()) {
                auto const role = q.column(0).as_string();
                auto const schema = storage::quoted_schema(db);
                db.exec("REVOKE ALL ON ALL TABLES IN SCHEMA " + schema + " FROM " + role + ";" +
                        "REVOKE ALL ON ALL SEQUENCES IN SCHEMA " + schema + " FROM " + role + ";" +
                        "REVOKE USAGE ON SCHEMA " + schema + " FROM " + role);
            }
            storage::append_audit(db, impl.audit_actor, "server_principal", 0, "revoked", why,
                                  "server_role=" + server_role);
        });
    });
}

std::vector<server_principal> server_principals(store const& s) {
    storage::call const c(s);
    storage::require_store_wide(s, permission::read_audit);
    auto& db = storage::impl_of(s).db;
    if (db.is_sqlite()) return {};
    return storage::in_read("reading the server roles", [&] {
        if (!storage::row_security_installed(db)) return std::vector<server_principal>{};
        return storage::all_server_principals(db);
    });
}

}  // namespace dangyuan
