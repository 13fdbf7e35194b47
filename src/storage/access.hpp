#pragma once
// Internal to src/storage: the checks every public store call makes against the handle's principal
// (core/access.hpp). A call that concerns an organisation asks `require` (or one of its forms below)
// before it reads or writes anything; a list narrows its scope with `visible_scope`; a read of member
// records masks them with `shown` unless the principal may see them unmasked. A handle without a
// principal (full access over the whole store) passes every check without a query.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "dangyuan/core/access.hpp"
#include "dangyuan/member/member.hpp"
#include "dangyuan/storage/store.hpp"

namespace dangyuan::storage {

/// Marks a public call for its lifetime. The checks and the masking below apply to the outermost call
/// only: a call made by another one (a development step reading the member it admits, say) runs with
/// the first call's permission, which was checked for what the first call does. Every public function
/// that checks declares one before its first check; one that does not, and is called by another, is
/// then checked as if it were outermost (refused rather than let through).
class call {
public:
    explicit call(store const& s) noexcept;
    ~call();
    call(call const&) = delete;
    call& operator=(call const&) = delete;

private:
    int& depth_;
};

/// True when the principal's subtree holds `org` (always for a whole-store principal).
bool covers(store const& s, org_id org);

/// Refuses (access_denied, recorded in the audit trail) unless the principal has `p` and its subtree
/// holds `org`.
void require(store const& s, permission p, org_id org);
/// Refuses unless the principal has `p` over the whole store (profiles, calendars, numbering: they
/// apply to every organisation).
void require_store_wide(store const& s, permission p);
/// Refuses unless the principal has `p` (what it concerns is checked by the caller's filtering).
void require_permission(store const& s, permission p);
/// Refuses unless the principal has `p` and stands above `branch`: its subtree holds the branch's
/// parent (a step of the higher organisation: filing of activists, 预审, approval of admission and
/// conversion). A whole-store principal stands above every branch.
void require_above(store const& s, permission p, org_id branch);
/// Refuses unless the principal has `p` and its subtree holds the member's branch.
/// \throws not_found for an unknown member.
void require_member(store const& s, permission p, member_id m);

/// Refuses unless the principal has read_roster and `org` is in its subtree or above it (a branch reads
/// the record of its own higher committees, not those of its neighbours).
void require_org_visible(store const& s, org_id org);

/// The part of `requested` the principal may read (read_roster): the request itself when the subtree
/// holds it, the principal's subtree when the request covers it, refused when they do not overlap.
scope visible_scope(store const& s, scope requested);
/// The sorted ids of the organisations the principal may read; none for a whole-store principal.
std::optional<std::vector<std::int64_t>> visible_orgs(store const& s);

/// True when the principal may see personal data unmasked.
bool sees_unmasked(store const& s) noexcept;
/// `m` as the principal may see it (member/masking.hpp masked_member when it may not see it unmasked).
member shown(store const& s, member m);
/// Applies `shown` to every record of `ms`.
std::vector<member> shown(store const& s, std::vector<member> ms);

/// Throws access_denied for `p` and `org` (0: store-wide), `note` appended to its message, after
/// recording the refusal (principal, permission, organisation): at once, or,
/// inside a caller's transaction, when it ends (flush_denials), so that its rollback does not undo it.
[[noreturn]] void deny(store const& s, permission p, std::int64_t org, std::string_view note);
/// Records the refusals met during the transaction that just ended.
void flush_denials(store const& s) noexcept;

}  // namespace dangyuan::storage
