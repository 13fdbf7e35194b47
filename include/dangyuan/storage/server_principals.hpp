#pragma once
/// \file
/// Server roles (PostgreSQL only): a database role mapped to a principal (core/access.hpp), whose
/// connections the server itself confines to the principal's subtree through row-level security — with
/// the library or without it (psql, a report tool). docs/deployment.md, "Server roles".
///
/// A store opened through a mapped role's connection acts as that principal (store::acting()); the
/// store's owner, a superuser or a role with BYPASSRLS acts as store_options say, as before. A role that
/// is neither is refused when row-level security is installed (it would see no row).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dangyuan/core/access.hpp"
#include "dangyuan/storage/store.hpp"

namespace dangyuan {

/// A PostgreSQL role and the principal it acts as.
struct server_principal {
    std::string server_role;  ///< the role's name on the server (a login role, usually one per clerk)
    principal who;            ///< its actor, role and subtree
    friend bool operator==(server_principal const&, server_principal const&) = default;
};

/// Maps the existing server role `server_role` to `who`, or changes its mapping, in one transaction:
/// installs (or renews) the store's row-level security — the principals' table, the functions its
/// policies call and a policy per table — and grants the role what `who`'s permissions need: reading
/// every table (the policies choose the rows), writing them when it has a permission to write, appending
/// to the audit trail. Recorded in the audit trail (entity "server_principal").
/// \pre `s` is open on PostgreSQL through the role that owns the store's tables, with full access (no
///      principal, or the organisation department over the whole store).
/// \throws invalid_input{"server_role"} when the role does not exist on the server, or is one the server
///         would not confine (the session's own, the store's owner, a superuser, a role with BYPASSRLS);
///         invalid_input{"store"} for a store that is not on a server; not_found when `who.org` is not in the
///         store; access_denied for a restricted handle; storage_error when the session may not create
///         policies or grant privileges (it does not own the tables).
void grant_server_principal(store& s, std::string const& server_role, principal const& who,
                            std::string_view why = {});

/// Removes the mapping of `server_role` and its privileges on the store's schema; its connections then
/// see nothing. Recorded in the audit trail.
/// \throws not_found when the role has no mapping; otherwise as grant_server_principal.
void revoke_server_principal(store& s, std::string const& server_role, std::string_view why = {});

/// The mapped roles, by name; none when row-level security was never installed or for an SQLite store.
/// \throws access_denied unless the handle has read_audit over the whole store.
[[nodiscard]] std::vector<server_principal> server_principals(store const& s);

}  // namespace dangyuan
