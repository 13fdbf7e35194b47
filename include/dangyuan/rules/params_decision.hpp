#pragma once
/// \file
/// Rule-set parameters of village and community decisions by the 四议两公开 method (重大事项决策).
/// Part of `rule_set` (rules/rule_set.hpp); every number the domain's rules use lives here.

namespace dangyuan {

/// Parameters of the 四议两公开 procedure. The thresholds of the meetings are national law and are not
/// parameters; the publication deadlines are local practice [L]: no national text fixes a number of days.
struct decision_params {
    /// decision.resolution_public_within_days [L]: the resolution (决议公开) is made public within this
    /// many days after it was adopted (the day of adoption is day 0). 0 = no deadline. The default of 7
    /// days is a common county practice; a profile may only shorten it.
    int resolution_public_within_days = 7;
    /// decision.result_public_within_days [L]: the result of the implementation (实施结果公开) is made
    /// public within this many days after the implementation ended (or the date the resolution set for
    /// it). 0 = no deadline. Default 30 days, local practice; a profile may only shorten it.
    int result_public_within_days = 30;

    friend bool operator==(decision_params const&, decision_params const&) = default;
};

}  // namespace dangyuan
