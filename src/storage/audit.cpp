// The append-only audit trail. Rows are only ever inserted (triggers refuse UPDATE and DELETE), inside
// the transaction of the command they describe, so a command and its audit line land or fail together.
// Each row carries its hash chained over the row before it (audit_chain.cpp).

#include <chrono>

#include "access.hpp"
#include "impl.hpp"
#include "rows.hpp"

namespace dangyuan {
namespace storage {

void append_audit(sql::database& db, std::string const& actor, std::string_view entity,
                  std::int64_t entity_id, std::string_view action, std::string_view why,
                  std::string const& detail) {
    // The write time is a fact about the write, recorded for auditors; no rule ever reads it.
    auto const now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    // seq is assigned here, not by AUTOINCREMENT, because the hash covers it; the command's IMMEDIATE
    // transaction holds the write lock, so the last row cannot change before the insert.
    auto const link = last_audit_link(db);
    audit_entry const e{link.seq + 1,
                        date::format("%FT%TZ", now),
                        actor,
                        std::string(entity),
                        entity_id,
                        std::string(action),
                        std::string(why),
                        detail};
    sql::statement st(db,
                      "INSERT INTO audit(seq, at, actor, entity, entity_id, action, why, detail, hash) "
                      "VALUES(:seq, :at, :actor, :entity, :entity_id, :action, :why, :detail, :hash)");
    st.bind(":seq", static_cast<std::int64_t>(e.seq));
    st.bind(":at", e.at);
    st.bind(":actor", e.actor);
    st.bind(":entity", e.entity);
    st.bind(":entity_id", static_cast<std::int64_t>(e.entity_id));
    st.bind(":action", e.action);
    st.bind(":why", e.why);
    st.bind(":detail", e.detail);
    st.bind(":hash", audit_entry_hash(link.hash, e));
    st.exec();
}

}  // namespace storage

void store::record_access(std::string_view what, std::string_view why, std::optional<std::int64_t> rows) {
    storage::call const c(*this);
    storage::require_permission(*this, permission::unmasked_personal_data);
    if (why.empty()) throw invalid_input("why", "reading unmasked personal data needs a recorded reason");
    if (what.empty()) throw invalid_input("what", "say what was read");
    auto const& who = impl_->who;
    auto detail = std::string(what) + "; principal=" + who.label() +
                  "; scope=" + (who.org ? "subtree:" + std::to_string(who.org->value()) : std::string("all"));
    if (rows) detail += "; rows=" + std::to_string(*rows);
    storage::in_read("recording an access", [&] {
        storage::in_transaction(impl_->db, [&] {
            storage::append_audit(impl_->db, impl_->audit_actor, "access", 0, "unmasked_read", why, detail);
        });
    });
}

std::vector<audit_entry> store::audit_log(std::int64_t after) const {
    storage::call const c(*this);
    storage::require_store_wide(*this, permission::read_audit);
    return storage::in_read("reading the audit trail", [&]() -> std::vector<audit_entry> {
        sql::statement st(impl_->db,
                          "SELECT seq, at, actor, entity, entity_id, action, why, detail FROM audit "
                          "WHERE seq > :seq ORDER BY seq");
        st.bind(":seq", static_cast<std::int64_t>(after));
        std::vector<audit_entry> out;
        while (st.step()) {
            out.push_back(audit_entry{st.column(0).as_int64(), st.column(1).as_string(),
                                      st.column(2).as_string(), st.column(3).as_string(),
                                      st.column(4).as_int64(), st.column(5).as_string(),
                                      st.column(6).as_string(), st.column(7).as_string()});
        }
        return out;
    });
}

}  // namespace dangyuan
