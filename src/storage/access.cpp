// The checks of the handle's principal (access.hpp). Subtree membership walks up from the organisation
// concerned to the top (a few rows, by primary key) instead of listing the principal's subtree: cheap
// for the single-record calls, and never stale when another connection has just added an organisation.

#include "access.hpp"

#include <sqlite3.h>

#include "dangyuan/member/masking.hpp"
#include "impl.hpp"
#include "rows.hpp"
#include "sql/postgres.hpp"

namespace dangyuan::storage {
namespace {

// True when `root` is `org` or one of its ancestors.
bool holds(sql::database& db, org_id root, org_id org) {
    if (root == org) return true;
    sql::statement st(db,
                      "WITH RECURSIVE up(id) AS (SELECT parent_id FROM orgs WHERE id = :org "
                      "UNION SELECT o.parent_id FROM orgs o JOIN up ON o.id = up.id "
                      "WHERE o.parent_id IS NOT NULL) "
                      "SELECT 1 FROM up WHERE id = :root LIMIT 1");
    bind_id(st, ":org", org);
    bind_id(st, ":root", root);
    return st.step();
}

std::string org_label(sql::database& db, std::int64_t org) {
    if (org == 0) return "the whole store";
    sql::statement st(db, "SELECT name FROM orgs WHERE id = :id");
    st.bind(":id", static_cast<std::int64_t>(org));
    std::string name = st.step() ? st.column(0).as_string() : std::string("?");
    return "organisation " + std::to_string(org) + " (" + name + ")";
}

void record_denial(sql::database& db, std::string const& actor, std::int64_t org, std::string const& detail) {
    in_transaction(db, [&] { append_audit(db, actor, "access", org, "denied", {}, detail); });
}

// True when the principal is to be checked for this call.
bool checked(store_impl const& i) noexcept {
    return i.restricted && i.depth <= 1;
}

}  // namespace

call::call(store const& s) noexcept : depth_(impl_of(s).depth) {
    ++depth_;
}
call::~call() {
    --depth_;
}

bool covers(store const& s, org_id org) {
    auto& i = impl_of(s);
    if (!checked(i) || !i.who.org) return true;
    return in_read("checking access", [&] { return holds(i.db, *i.who.org, org); });
}

void deny(store const& s, permission p, std::int64_t org, std::string_view note) {
    auto& i = impl_of(s);
    std::string message;
    std::string detail = "principal=" + i.who.label() + "; permission=" + std::string(to_string(p)) +
                         "; org=" + std::to_string(org);
    try {
        auto const place = org_label(i.db, org);
        auto const needed = "'" + std::string(to_string(p)) + "' (" + std::string(chinese_name(p)) + ")";
        message = i.who.actor + " (" + i.who.label() + "): ";
        if (!i.who.may(p))
            message += "the role has no permission " + needed + (org != 0 ? ", needed for " + place : "");
        else
            message += place + " is outside the subtree the role covers (" + needed + ")";
        if (!note.empty()) message += "; " + std::string(note);
        if (i.options.read_only && !i.db.is_sqlite()) {
            // A read-only session cannot write; the refusal goes in through a session of its own (when
            // the server's role may write at all).
            sql::database rw(std::make_unique<sql::pg::connection>(i.server_url));
            rw.postgres().lock_timeout_ms = static_cast<int>(i.options.busy_timeout.count());
            rw.postgres().row_security = i.db.postgres().row_security;
            record_denial(rw, i.audit_actor, org, detail);
        } else if (i.options.read_only) {
            // A read-only handle cannot write; the refusal goes in through a connection of its own when
            // the file can be written at all (not on read-only media).
            char const* file = sqlite3_db_filename(i.db.sqlite_handle(), "main");
            if (file != nullptr && *file != '\0') {
                auto rw = sql::open_sqlite(file, SQLite::OPEN_READWRITE,
                                           static_cast<int>(i.options.busy_timeout.count()));
                record_denial(rw, i.audit_actor, org, detail);
            }
        } else if (i.db.in_transaction()) {
            i.pending_denials.push_back(detail);
        } else {
            flush_denials(s);
            record_denial(i.db, i.audit_actor, org, detail);
        }
    } catch (error const&) {
        // The refusal stands even when it cannot be recorded (the lock was not had in time).
    } catch (sql::error const&) {
    }
    if (message.empty()) message = i.who.label() + ": " + detail;
    throw access_denied(std::string(to_string(p)), org, message);
}

void flush_denials(store const& s) noexcept {
    auto& i = impl_of(s);
    if (i.pending_denials.empty() || i.db.in_transaction()) return;
    auto pending = std::move(i.pending_denials);
    i.pending_denials.clear();
    for (auto const& detail : pending) {
        try {
            auto const at = detail.find("; org=");
            auto const org = at == std::string::npos ? 0 : std::stoll(detail.substr(at + 6));
            record_denial(i.db, i.audit_actor, org, detail);
        } catch (...) {
            // Best effort, like deny's own recording.
        }
    }
}

void require_permission(store const& s, permission p) {
    auto& i = impl_of(s);
    if (checked(i) && !i.who.may(p)) deny(s, p, 0, {});
}

void require(store const& s, permission p, org_id org) {
    auto& i = impl_of(s);
    if (!checked(i)) return;
    if (!i.who.may(p) || !covers(s, org)) deny(s, p, org.value(), {});
}

void require_store_wide(store const& s, permission p) {
    auto& i = impl_of(s);
    if (!checked(i)) return;
    if (!i.who.may(p) || i.who.org)
        deny(s, p, 0, "it applies to the whole store and needs a principal over the whole store");
}

void require_above(store const& s, permission p, org_id branch) {
    auto& i = impl_of(s);
    if (!checked(i)) return;
    if (!i.who.may(p)) deny(s, p, branch.value(), "a step of the higher organisation (上级党组织)");
    if (!i.who.org) return;
    auto const parent = in_read("checking access", [&] { return i.load_org(branch).parent; });
    if (!parent || !covers(s, *parent))
        deny(s, p, branch.value(),
             "a step of the higher organisation (上级党组织): the principal must stand above the branch");
}

void require_member(store const& s, permission p, member_id m) {
    auto& i = impl_of(s);
    if (!checked(i)) return;
    auto const branch = in_read("checking access", [&] {
        sql::statement st(i.db, "SELECT branch_id FROM members WHERE id = :id");
        bind_id(st, ":id", m);
        if (!st.step()) throw not_found("no member with id " + std::to_string(m.value()));
        return org_id{st.column(0).as_int64()};
    });
    require(s, p, branch);
}

void require_org_visible(store const& s, org_id org) {
    auto& i = impl_of(s);
    if (!checked(i)) return;
    require_permission(s, permission::read_roster);
    if (!i.who.org || covers(s, org)) return;
    if (!in_read("checking access", [&] { return holds(i.db, org, *i.who.org); }))
        deny(s, permission::read_roster, org.value(), {});
}

scope visible_scope(store const& s, scope requested) {
    auto& i = impl_of(s);
    if (!checked(i)) return requested;
    require_permission(s, permission::read_roster);
    if (!i.who.org) return requested;
    if (!requested.root) return scope::subtree(*i.who.org);
    if (in_read("checking access", [&] { return holds(i.db, *i.who.org, *requested.root); }))
        return requested;
    if (in_read("checking access", [&] { return holds(i.db, *requested.root, *i.who.org); }))
        return scope::subtree(*i.who.org);
    deny(s, permission::read_roster, requested.root->value(), {});
}

std::optional<std::vector<std::int64_t>> visible_orgs(store const& s) {
    auto& i = impl_of(s);
    if (!checked(i)) return std::nullopt;
    require_permission(s, permission::read_roster);
    if (!i.who.org) return std::nullopt;
    return in_read("checking access", [&] { return scope_org_ids(i.db, scope::subtree(*i.who.org)); });
}

bool sees_unmasked(store const& s) noexcept {
    auto& i = impl_of(s);
    return !checked(i) || i.who.may(permission::unmasked_personal_data);
}

member shown(store const& s, member m) {
    return sees_unmasked(s) ? std::move(m) : masked_member(std::move(m));
}

std::vector<member> shown(store const& s, std::vector<member> ms) {
    if (sees_unmasked(s)) return ms;
    for (auto& m : ms)
        m = masked_member(std::move(m));
    return ms;
}

}  // namespace dangyuan::storage
