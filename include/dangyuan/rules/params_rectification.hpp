#pragma once
/// \file
/// Rule-set parameters of the rectification of weak organisations (软弱涣散党组织, 后进社区整顿).
/// Part of `rule_set` (rules/rule_set.hpp). Every number here is local practice [L]: the district's plan
/// (区2020年组织工作要点 第12项) fixes none, so a district sets them in its profile (rules/profile.hpp).

namespace dangyuan {

/// Parameters of rectification (整顿): how long a designation may stay open, how soon its contacts of
/// 四联四帮 are assigned.
struct rectification_params {
    /// rectification.within_max_months [L] (text key `rectification.max_months`): a designation is removed
    /// from the list (销号) within this many months of the designation (month end clamped: 31 January +
    /// 1 month = 28/29 February); later it shows on the agenda as overdue. 0 = no limit. Default 12 (a
    /// year's rectification); a profile may only lower it.
    int max_months = 12;
    /// rectification.contacts_assigned [L] (text key `rectification.contacts_days`): all four contacts of
    /// 四联四帮 (district leader, district department, first secretary, paired advanced community) are
    /// assigned within this many days of the designation. 0 = no deadline. Default 30; a profile may only
    /// lower it.
    int contacts_days = 30;

    friend bool operator==(rectification_params const&, rectification_params const&) = default;
};

}  // namespace dangyuan
