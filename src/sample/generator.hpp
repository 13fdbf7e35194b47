#pragma once
/// \file
/// The sample district: a deterministic, realistic store for demonstrations, tests and benchmarks.
///
/// Same seed, size and date ⇒ the same organisations, members, leaderships and standing events, in the
/// same order, on any platform (the generator uses its own random-number algorithms, never the
/// implementation-defined distributions of <random>).

#include <date/date.h>

#include <cstdint>
#include <functional>
#include <string_view>

#include "dangyuan/storage/store.hpp"

namespace dangyuan::sample {

/// What to generate.
struct options {
    std::uint64_t seed = 1;       ///< the random seed
    std::int64_t members = 3000;  ///< approximate number of members (the result is within a few)
    date::sys_days as_of = date::sys_days{date::year{2026} / 11 / 26};  ///< the reference date
    std::size_t chunk = 20000;  ///< members per `store::add_members` call
    /// Called with (phase, done, total) while working; phases are "organisations", "members",
    /// "leaderships", "standing".
    std::function<void(std::string_view, std::int64_t, std::int64_t)> progress;
};

/// What was generated.
struct summary {
    std::int64_t organisations = 0;
    std::int64_t branches = 0;        ///< 党支部 and 联合党支部
    std::int64_t joint_branches = 0;  ///< 联合党支部
    std::int64_t members = 0;
    std::int64_t probationary = 0;  ///< 预备党员 on the reference date
    std::int64_t backfilled = 0;    ///< 补录 records (admitted before 1990)
    std::int64_t leaderships = 0;
    std::int64_t suspended = 0;  ///< standing suspended (停止党籍) and not restored
    std::int64_t exited = 0;     ///< died, removed or cancelled
};

/// Fills an empty store with a district: one committee (中共历下区委) for up to 60 000 members, or a
/// city committee (中共济南市委) over several districts beyond; under each district, streets (街道党工委)
/// with community and village branches, the organs (区直机关工委), schools, hospitals, enterprises and
/// social organisations, joint branches (联合党支部) of small units; branches of mostly 10-50 members,
/// some under 7. Members have plausible names, valid ID numbers of the prefecture consistent with their
/// birth dates and sexes, admission and full-member dates that satisfy the probation rules, and posts,
/// education and categories that fit their units. Committees have leaderships that satisfy the
/// committee rules on their term start; some terms expire near `as_of`; a few members are suspended or
/// have left. Members are written in chunks through `store::add_members`.
/// \throws invalid_input{"store"} when the store already holds organisations or members;
///         invalid_input{"members"} for fewer than 50 members; whatever the store throws.
summary generate(store& s, options const& o);

}  // namespace dangyuan::sample
