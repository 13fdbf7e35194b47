#pragma once
/// \file
/// Rule-set parameters of organisational life (三会一课), training hours and dues (党费).
/// Part of `rule_set` (rules/rule_set.hpp); every number the domain's rules use lives here.

namespace dangyuan {

/// Parameters of organisational life (三会一课), training hours and dues (党费). Defaults are the national baseline.
struct life_params {
    friend bool operator==(life_params const&, life_params const&) = default;
};

}  // namespace dangyuan
