// The meetings held against the cadence per branch in a scope: each branch's compliance report
// (life_compliance_report, which checks the principal's access) added up by the pure `tally`.

#include <algorithm>

#include "../access.hpp"
#include "../impl.hpp"
#include "dangyuan/storage/life_store.hpp"

namespace dangyuan {

std::vector<branch_cadence> meetings_against_cadence(store const& s, date::sys_days from, date::sys_days to,
                                                     scope requested) {
    storage::call const c(s);
    auto const sc = storage::visible_scope(s, requested);
    if (to < from)
        throw invalid_input("to", "period ends " + storage::format_iso(to) + ", before it starts " +
                                      storage::format_iso(from));
    std::vector<branch_cadence> out;
    for (auto const& o : s.orgs(sc)) {
        if (!is_branch(o.kind) || !o.active_on(to)) continue;
        auto const start = std::max(from, o.established);
        out.push_back({o.id, o.name, start, tally(life_compliance_report(s, o.id, start, to))});
    }
    return out;
}

}  // namespace dangyuan
