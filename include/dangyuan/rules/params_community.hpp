#pragma once
/// \file
/// Rule-set parameters of in-service members reporting to their community (在职党员进社区).
/// Part of `rule_set` (rules/rule_set.hpp). Every number here is local practice [L]: no national text
/// fixes one, so a district sets them in its profile (rules/profile.hpp).

namespace dangyuan {

/// Parameters of community registration, service and feedback (在职党员到社区报到).
struct community_params {
    /// community.service_yearly [L]: a member registered with a community on the year's last day serves
    /// there at least this many hours in the calendar year. 0 = no minimum (the default: the national
    /// set imposes no number); a profile may raise it.
    int min_service_hours_yearly = 0;
    /// community.feedback_yearly [L]: the community gives its yearly feedback (社区反馈) on each member
    /// registered with it during the year by the last day of this month of the same year (1-12). 0 = no
    /// deadline. Default 12 (31 December), in time for the democratic evaluation; a profile may lower it.
    int feedback_by_month = 12;
    /// How many months before its due date a community item shows on the agenda as upcoming
    /// (presentation only). Default 1.
    int notice_months = 1;

    friend bool operator==(community_params const&, community_params const&) = default;
};

}  // namespace dangyuan
