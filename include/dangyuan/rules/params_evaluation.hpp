#pragma once
/// \file
/// Rule-set parameters of democratic evaluation (民主评议党员) and disposition of unqualified members.
/// Part of `rule_set` (rules/rule_set.hpp); every number the domain's rules use lives here.

namespace dangyuan {

/// Parameters of democratic evaluation (民主评议党员) and disposition of unqualified members. Defaults are the national baseline.
struct evaluation_params {
    friend bool operator==(evaluation_params const&, evaluation_params const&) = default;
};

}  // namespace dangyuan
