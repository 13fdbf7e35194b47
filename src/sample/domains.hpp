#pragma once
// The domains of the sample district beyond the roster: development cases, mobile members, evaluation
// campaigns, organisational life, training, dues, elections and village decisions. Written after the
// roster through the public store API, with a random stream of their own, so that the roster part is the
// same with or without them — but for the organisations whose election is completed, whose leadership
// and term start then come from the election. Internal to the generator.

#include <date/date.h>

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "dangyuan/storage/store.hpp"
#include "sample/generator.hpp"

namespace dangyuan::sample::detail {

/// What the domains need to know about each member of the roster part (one per member, in insertion
/// order).
struct member_fact {
    date::sys_days birth;
    date::sys_days admission;
    std::optional<date::sys_days> full;
    date::sys_days joined;
    int branch = 0;  ///< its branch: an index into roster_facts::orgs
    dangyuan::sex sex = dangyuan::sex::unstated;
    bool retired = false;
    bool officer = false;  ///< in some leadership: never given standing events
    bool touched = false;  ///< has a standing event (died, suspended, removed …)
};

/// An organisation of the roster part.
struct org_fact {
    org_id id;
    std::string name;
    org_kind kind = org_kind::branch;
    date::sys_days established;
    std::optional<date::sys_days> term_start;
    std::vector<officer> officers;  ///< elected on term_start
    bool rural = false;             ///< a village branch (farmers pay the fixed dues)
    std::string district_code;      ///< GB/T 2260 code of its district, for applicants' ID numbers
};

/// The roster part, as the domains see it.
struct roster_facts {
    std::vector<org_fact> orgs;  ///< every organisation, in insertion order (parents first)
    std::vector<member_fact> const* members = nullptr;
    std::vector<member_id> const* ids = nullptr;                   ///< parallel to `members`
    std::unordered_set<std::uint64_t> const* id_bodies = nullptr;  ///< 17-digit ID bodies in use
};

/// Writes the domains into `s` (see generator.hpp for what) and counts them in `out`.
void add_domains(store& s, roster_facts const& facts, options const& o, summary& out);

}  // namespace dangyuan::sample::detail
