#pragma once
// The organisation work of the sample district (区2020年组织工作要点, items 13 and 14): in-service members
// registered with a community (在职党员进社区) with their service and the community's yearly feedback, and
// model posts and commendations (党员示范岗, 两优一先). Written after the other domains, with a random stream
// of its own. Internal to the generator.

#include "dangyuan/storage/store.hpp"
#include "sample/domains.hpp"
#include "sample/generator.hpp"

namespace dangyuan::sample::detail {

/// Writes the organisation work into `s` (see generator.hpp for what) and counts it in `out`.
void add_organisation_work(store& s, roster_facts const& facts, options const& o, summary& out);

}  // namespace dangyuan::sample::detail
