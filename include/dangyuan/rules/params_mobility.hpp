#pragma once
/// \file
/// Rule-set parameters of mobile members (流动党员), certificates, transfers and lost contact.
/// Part of `rule_set` (rules/rule_set.hpp); every number the domain's rules use lives here.

namespace dangyuan {

/// Parameters of mobile members (流动党员), certificates, transfers and lost contact. Defaults are the national baseline.
struct mobility_params {
    friend bool operator==(mobility_params const&, mobility_params const&) = default;
};

}  // namespace dangyuan
