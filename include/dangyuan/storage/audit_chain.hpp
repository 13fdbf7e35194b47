#pragma once
/// \file
/// The tamper-evident audit trail (审计记录防篡改): every audit entry carries a SHA-256 hash chained over
/// the hash of the entry before it, so that a later change, removal or insertion of an entry is found by
/// `store::verify_audit` (docs/security.md, "Tamper-evident audit trail").
///
/// ## The encoding (schema version 10 onwards)
///
/// The hash of an entry is the lowercase hexadecimal SHA-256 (64 characters) of the bytes
///
///     N(prev) N(seq) N(at) N(actor) N(entity) N(entity_id) N(action) N(why) N(detail)
///
/// with nothing between the parts, where `N(x)` is the netstring of the bytes of `x`: the decimal
/// length of `x` in bytes (ASCII digits, no leading zeros, "0" for empty), a colon, the bytes of `x`,
/// a comma — `N("组织")` is `6:组织,`. The parts are:
/// - `prev`: the hash of the entry before it in seq order, as its 64 hexadecimal characters; for the
///   first entry of the trail 64 zeros;
/// - `seq` and `entity_id`: the integer in decimal ASCII (a leading `-` when negative, no `+`, no
///   leading zeros);
/// - `at`, `actor`, `entity`, `action`, `why`, `detail`: the stored UTF-8 text, byte for byte.
///
/// An auditor re-computes an entry with standard tools. Entry 1 of a trail, written by "clerk" at
/// 2026-01-05T08:00:00Z, entity "org" 1, action "insert", no reason, detail "name=区委":
///
///     { printf '%s' '64:0000000000000000000000000000000000000000000000000000000000000000,1:1,'
///       printf '%s' '20:2026-01-05T08:00:00Z,5:clerk,3:org,1:1,6:insert,0:,11:name=区委,'; } | sha256sum
///
/// prints f51de5dbd89d477229f1e25a4b16d75e263c46ca44c7c167d4b9d755d2e2aef1 (the `hash` column of the
/// `audit` table), which is then `prev` of entry 2. The lengths count bytes: "区委" is 6 of them.
///
/// A store created before schema version 10 had no hashes: the migration to version 10 computes them for
/// the earlier entries as they were at that moment, and appends an entry with action
/// `audit_chain_started` (entity "audit") whose detail names how many entries it covers and their
/// digest (the hash of the last of them), and whose own hash chains over that digest. An entry changed
/// after the migration, old or new, no longer matches its hash.
///
/// What the chain does not prevent: whoever can write the file can rewrite every hash from the first
/// changed entry onward, or drop entries at the end. Keep the latest hash (`audit_verification::head_hash`,
/// printed by `dangyuan audit verify`) somewhere else and compare it later.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dangyuan {

struct audit_entry;

/// The hash of the entry before the first one: 64 zeros.
inline constexpr std::string_view audit_chain_genesis =
    "0000000000000000000000000000000000000000000000000000000000000000";

/// The action of the entry that starts the chain in a store migrated from a version before 10.
inline constexpr std::string_view audit_chain_started_action = "audit_chain_started";

/// The hash of `e` chained over `prev` (64 lowercase hexadecimal characters), by the encoding above.
/// Pure; defined in the store library (it uses OpenSSL's libcrypto).
[[nodiscard]] std::string audit_entry_hash(std::string_view prev, audit_entry const& e);

/// The outcome of `store::verify_audit`.
struct audit_verification {
    bool ok = true;                             ///< every entry matches its hash
    std::int64_t entries_checked = 0;           ///< entries read (all of them when ok)
    std::optional<std::int64_t> first_bad_seq;  ///< the first entry changed, removed or inserted
    std::string message;                        ///< what was found, for people
    std::int64_t head_seq = 0;                  ///< the last entry (0 for an empty trail)
    std::string head_hash;                      ///< its stored hash (audit_chain_genesis for an empty trail)
};

}  // namespace dangyuan
