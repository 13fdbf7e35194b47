// The hash chain of the audit trail (storage/audit_chain.hpp documents the encoding): the hash of an
// entry, the link a new entry chains to, the start of the chain in a migrated store, and its check.

#include "dangyuan/storage/audit_chain.hpp"
#include "access.hpp"

#include <openssl/evp.h>

#include <array>
#include <string>
#include <vector>

#include "impl.hpp"
#include "rows.hpp"
#include "sql/postgres.hpp"

namespace dangyuan {

namespace {

// A netstring: "<decimal length>:<bytes>," — a field can hold any bytes (commas, colons, NULs) and
// still cannot be confused with its neighbours.
void append_netstring(std::string& out, std::string_view bytes) {
    out += std::to_string(bytes.size());
    out += ':';
    out += bytes;
    out += ',';
}

std::string sha256_hex(std::string_view bytes) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1)
        throw storage_error("SHA-256 of an audit entry failed (OpenSSL)");
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(2 * length);
    for (unsigned int i = 0; i < length; ++i) {
        out += hex[digest[i] >> 4];
        out += hex[digest[i] & 0x0f];
    }
    return out;
}

}  // namespace

std::string audit_entry_hash(std::string_view prev, audit_entry const& e) {
    std::string bytes;
    bytes.reserve(160 + e.at.size() + e.actor.size() + e.entity.size() + e.action.size() + e.why.size() +
                  e.detail.size());
    append_netstring(bytes, prev);
    append_netstring(bytes, std::to_string(e.seq));
    append_netstring(bytes, e.at);
    append_netstring(bytes, e.actor);
    append_netstring(bytes, e.entity);
    append_netstring(bytes, std::to_string(e.entity_id));
    append_netstring(bytes, e.action);
    append_netstring(bytes, e.why);
    append_netstring(bytes, e.detail);
    return sha256_hex(bytes);
}

namespace storage {

namespace {

char const* const audit_columns = "seq, at, actor, entity, entity_id, action, why, detail, hash";

// One row of the audit table with its stored hash (null: none stored).
struct chained_row {
    audit_entry entry;
    std::optional<std::string> hash;
};

chained_row read_chained(sql::statement& st) {
    chained_row r{audit_entry{st.column(0).as_int64(), st.column(1).as_string(), st.column(2).as_string(),
                              st.column(3).as_string(), st.column(4).as_int64(), st.column(5).as_string(),
                              st.column(6).as_string(), st.column(7).as_string()},
                  std::nullopt};
    if (!st.column(8).is_null()) r.hash = st.column(8).as_string();
    return r;
}

}  // namespace

audit_link last_audit_link(sql::database& db) {
    // A role confined by row-level security may not read the trail; it reads the last link only.
    bool const confined = !db.is_sqlite() && db.postgres().row_security;
    sql::statement st(db, confined ? "SELECT seq, hash FROM dangyuan_audit_head()"
                                   : "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1");
    if (!st.step()) return {0, std::string(audit_chain_genesis)};
    // A last row without a hash was put there by hand; verify_audit reports it, the chain goes on.
    return {st.column(0).as_int64(),
            st.column(1).is_null() ? std::string(audit_chain_genesis) : st.column(1).as_string()};
}

void start_audit_chain(sql::database& db) {
    std::vector<std::pair<std::int64_t, std::string>> hashes;
    {
        sql::statement st(db, std::string("SELECT ") + audit_columns + " FROM audit ORDER BY seq");
        std::string prev(audit_chain_genesis);
        while (st.step()) {
            auto const row = read_chained(st);
            prev = audit_entry_hash(prev, row.entry);
            hashes.emplace_back(row.entry.seq, prev);
        }
    }
    if (hashes.empty()) return;  // a new store: its chain starts with its first entry
    // The earlier entries are not changed, only sealed as they are: the update trigger is lifted for the
    // migration's own transaction and put back as it was.
    db.exec("DROP TRIGGER audit_no_update");
    {
        sql::statement st(db, "UPDATE audit SET hash = :hash WHERE seq = :seq");
        for (auto const& [seq, hash] : hashes) {
            st.bind(":hash", hash);
            st.bind(":seq", static_cast<std::int64_t>(seq));
            st.exec();
            st.reset();
        }
    }
    db.exec(
        "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit "
        "trail is append-only'); END;");
    append_audit(db, "system", "audit", 0, audit_chain_started_action,
                 "schema version " + std::to_string(audit_chain_schema_version),
                 "entries=" + std::to_string(hashes.size()) + "; last_seq=" +
                     std::to_string(hashes.back().first) + "; digest=" + hashes.back().second);
}

audit_verification verify_chain(sql::database& db) {
    sql::statement st(db, std::string("SELECT ") + audit_columns + " FROM audit ORDER BY seq");
    audit_verification v;
    v.head_hash = std::string(audit_chain_genesis);
    std::string prev(audit_chain_genesis);
    std::int64_t prev_seq = 0;
    bool have = st.step();
    while (have) {
        auto const row = read_chained(st);
        ++v.entries_checked;
        auto const expected = audit_entry_hash(prev, row.entry);
        have = st.step();
        if (row.hash == expected) {
            prev = expected;
            prev_seq = row.entry.seq;
            v.head_seq = prev_seq;
            v.head_hash = prev;
            continue;
        }
        v.ok = false;
        auto const seq = std::to_string(row.entry.seq);
        // Which of the three: an entry inserted before the next one leaves the next chained to the
        // entry before the insertion; an entry removed leaves a gap in seq (seq is assigned as the last
        // seq + 1 by append_audit); otherwise the entry itself was changed.
        if (have) {
            auto const next = read_chained(st);
            if (next.hash == audit_entry_hash(prev, next.entry)) {
                v.first_bad_seq = row.entry.seq;
                v.message = "entry " + seq + " was inserted: the entry after it is chained to entry " +
                            std::to_string(prev_seq);
                return v;
            }
        }
        if (row.entry.seq > prev_seq + 1) {
            v.first_bad_seq = prev_seq + 1;
            v.message = "entry " + std::to_string(prev_seq + 1) +
                        (row.entry.seq > prev_seq + 2 ? " to " + std::to_string(row.entry.seq - 1) : "") +
                        " removed: entry " + seq + " is chained to an entry that is no longer there";
            return v;
        }
        v.first_bad_seq = row.entry.seq;
        if (!row.hash)
            v.message = "entry " + seq + " has no hash: it was inserted outside the store";
        else if (have)
            v.message = "entry " + seq + " was changed: it no longer matches its hash";
        else  // the last entry: an entry appended by hand looks the same as a changed one
            v.message = "entry " + seq + " was changed or appended by hand: it does not match its hash";
        return v;
    }
    v.message = "the audit trail is intact: " + std::to_string(v.entries_checked) + " entries checked";
    return v;
}

}  // namespace storage

audit_verification store::verify_audit() const {
    storage::call const c(*this);
    storage::require_store_wide(*this, permission::read_audit);
    return storage::in_read("verifying the audit trail", [&] { return storage::verify_chain(impl_->db); });
}

}  // namespace dangyuan
