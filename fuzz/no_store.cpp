// The store-free fuzz targets link src/io/roster.cpp, whose check_plausible (the import's row check
// against the store) and org_directory's store constructor name a few store functions. They never call
// them, and the store's code is not built for them (it is the slow part of the fuzz build): these
// definitions stand in so that they link, and stop the run should one ever be reached.
// fuzz_roster_import links the real store instead.

#include <cstdlib>

#include "dangyuan/storage/store.hpp"

namespace dangyuan {

void store::check_member_plausible(member const& /*m*/) const {
    std::abort();
}

std::vector<org_unit> store::orgs(scope /*s*/) const {
    std::abort();
}

org_unit store::org(org_id /*id*/) const {
    std::abort();
}

}  // namespace dangyuan
