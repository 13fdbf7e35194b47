#pragma once
/// \file
/// Rule-set parameters of the development pipeline (发展党员).
/// Part of `rule_set` (rules/rule_set.hpp); every number the domain's rules use lives here.

namespace dangyuan {

/// Parameters of the development pipeline (发展党员). Defaults are the national baseline.
struct development_params {
    friend bool operator==(development_params const&, development_params const&) = default;
};

}  // namespace dangyuan
