#pragma once
/// \file
/// In-service members reporting to the community where they live (在职党员进社区, 到社区报到): a member
/// employed elsewhere registers with a village or community organisation, serves there, and the
/// community gives the member's own branch a yearly feedback (社区反馈) for the democratic evaluation.
///
/// Every rule here is local practice [L] (`community.*` in the catalogue): no national text fixes the
/// procedure; its numbers are parameters of `community_params` (rules/params_community.hpp).
///
/// **Units.** Service time is kept exactly as an integer number of tenths of an hour (`tenths`), the unit
/// training hours use (life/training.hpp): 2.5 hours is 25. One record holds at most 24 hours.
///
/// The functions are pure: they judge a new record against what is already recorded and throw; the
/// store (storage/community_store.hpp) loads the history, calls them and writes only when they pass.

#include <date/date.h>

#include <algorithm>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "dangyuan/core/calendar.hpp"
#include "dangyuan/core/enum_table.hpp"
#include "dangyuan/core/errors.hpp"
#include "dangyuan/core/ids.hpp"
#include "dangyuan/member/member.hpp"
#include "dangyuan/member/standing.hpp"
#include "dangyuan/org/org.hpp"
#include "dangyuan/rules/catalogue.hpp"

namespace dangyuan {

struct registration_tag;
/// A registration (报到) of a member with a community.
using registration_id = strong_id<registration_tag>;

/// The community's yearly rating of a registered member (社区反馈评价).
enum class community_rating {
    good,         ///< 好
    fairly_good,  ///< 较好
    average,      ///< 一般
    poor,         ///< 差
};

/// Codes are the enumerator names; the Chinese names are read too (parse_enum).
template <>
struct enum_table<community_rating> {
    static constexpr std::string_view field = "rating";
    static constexpr std::string_view noun = "community rating";
    static constexpr enum_row<community_rating> rows[] = {
        {community_rating::good, "good", "好"},
        {community_rating::fairly_good, "fairly_good", "较好"},
        {community_rating::average, "average", "一般"},
        {community_rating::poor, "poor", "差"},
    };
};

/// A member's registration with a community (到社区报到), open until `left_on`.
struct community_registration {
    registration_id id;
    member_id member;
    org_id community;                       ///< the village or community organisation
    date::sys_days registered_on{};         ///< the day of reporting (报到), the first day
    std::optional<date::sys_days> left_on;  ///< the day it ended (moved away, 退出), its last day
    std::string note;

    /// True when the registration covers day `d` (its first and last day included).
    [[nodiscard]] bool covers(date::sys_days d) const noexcept {
        return d >= registered_on && (!left_on || d <= *left_on);
    }
    /// True when the registration covers some day of calendar year `year`.
    [[nodiscard]] bool overlaps_year(int year) const noexcept {
        return registered_on <= make_date(year, 12, 31) && (!left_on || *left_on >= make_date(year, 1, 1));
    }

    friend bool operator==(community_registration const&, community_registration const&) = default;
};

/// One service in the community (社区服务).
struct community_service {
    member_id member;
    date::sys_days date{};
    std::string activity;  ///< what was done (志愿服务, 政策宣传, …); required
    int tenths = 0;        ///< time served in tenths of an hour, 1..240
    std::string note;
    registration_id registration;  ///< the registration it counts under (set by the store)
    org_id community;              ///< that registration's community (set by the store)

    friend bool operator==(community_service const&, community_service const&) = default;
};

/// The community's yearly feedback (社区反馈) on a registered member to the member's own branch.
struct community_feedback_record {
    member_id member;
    org_id community;  ///< who gives it
    int year = 0;      ///< the calendar year judged
    community_rating rating = community_rating::good;
    date::sys_days given_on{};
    std::string note;
    /// Non-empty: this feedback corrects the one already given for the year (更正), for this reason.
    std::string correction_reason;
    org_id branch;  ///< the member's own branch when it was given (set by the store)

    friend bool operator==(community_feedback_record const&, community_feedback_record const&) = default;
};

/// The most service one record may hold, in tenths of an hour (24 hours).
inline constexpr int max_service_tenths = 240;

/// The hours of `tenths` as text: "2.5", "3".
[[nodiscard]] inline std::string hours_text(long long tenths) {
    auto const magnitude = tenths < 0 ? -tenths : tenths;
    auto out = std::string(tenths < 0 ? "-" : "") + std::to_string(magnitude / 10);
    if (magnitude % 10) out += "." + std::to_string(magnitude % 10);
    return out;
}

/// Checks a new registration of `m` with `community` on `on`, given the member's registrations so far.
/// \throws rule_violation community.member_in_good_standing (not admitted, suspended or exited on `on`;
///         `standing_then` is the member's standing on that day, nothing before admission),
///         community.registration_org (not a village or community organisation, or the member's own
///         branch), community.one_open_registration (an open registration, or one that ends on or after
///         `on`); invalid_input{"community"} when the organisation does not exist on `on`.
inline void check_registration(member const& m, std::optional<standing> const& standing_then,
                               org_unit const& community, date::sys_days on,
                               std::span<community_registration const> earlier) {
    if (!standing_then || standing_then->state != standing_state::normal)
        throw violation("community.member_in_good_standing",
                        m.name + " is not a member in normal standing on " + format_date(on) +
                            "; only such a member registers with a community (到社区报到)");
    if (!community.village_or_community)
        throw violation("community.registration_org",
                        "'" + community.name +
                            "' is not a village or community organisation; a member registers with the "
                            "community where they live");
    if (community.id == m.branch)
        throw violation("community.registration_org",
                        "'" + community.name + "' is " + m.name +
                            "'s own branch; registration is with a community elsewhere");
    if (!community.active_on(on))
        throw invalid_input("community", "'" + community.name + "' does not exist on " + format_date(on));
    for (auto const& r : earlier)
        if (!r.left_on || *r.left_on >= on)
            throw violation("community.one_open_registration",
                            m.name + " is registered with another community from " +
                                format_date(r.registered_on) +
                                (r.left_on ? " to " + format_date(*r.left_on) : std::string(", still open")) +
                                " (registration " + std::to_string(r.id.value()) + "); end it first");
}

/// Checks the end of registration `r` on `on`.
/// \throws invalid_input{"registration"} when it has already ended; rule_violation
///         community.leave_after_registration unless `on` is after the day it began.
inline void check_leaving(community_registration const& r, date::sys_days on) {
    if (r.left_on)
        throw invalid_input("registration", "registration " + std::to_string(r.id.value()) +
                                                " already ended on " + format_date(*r.left_on));
    if (on <= r.registered_on)
        throw violation("community.leave_after_registration",
                        "registration " + std::to_string(r.id.value()) + " began on " +
                            format_date(r.registered_on) + "; it ends on a later day, not on " +
                            format_date(on));
}

/// The registration of `registrations` (one member's) that covers `d`, if any.
[[nodiscard]] inline std::optional<community_registration> registration_on(
    std::span<community_registration const> registrations, date::sys_days d) {
    for (auto const& r : registrations)
        if (r.covers(d)) return r;
    return std::nullopt;
}

/// Checks a service record against the member's registrations and returns the one it counts under.
/// \throws invalid_input{"activity"} when it is empty, invalid_input{"hours"} outside 0.1..24 hours;
///         rule_violation community.service_within_registration when no registration covers its date.
[[nodiscard]] inline community_registration check_service(
    std::span<community_registration const> registrations, community_service const& s) {
    if (s.activity.empty()) throw invalid_input("activity", "say what the service was (服务内容)");
    if (s.tenths <= 0 || s.tenths > max_service_tenths)
        throw invalid_input("hours",
                            "a service lasts more than 0 and at most 24 hours, not " + hours_text(s.tenths));
    if (auto r = registration_on(registrations, s.date)) return *r;
    throw violation("community.service_within_registration",
                    "no registration with a community covers " + format_date(s.date) +
                        "; service counts only while the member is registered");
}

/// Checks a feedback against the member's registrations and the feedback already given for its year
/// (`given`, oldest first).
/// \throws invalid_input{"year"} for a year after the date given; rule_violation
///         community.feedback_registered (the member was not registered with that community during
///         the year, or the date is before the registration began), community.feedback_once_yearly (a
///         feedback exists for the year and this is no correction by the same community, or the
///         correction is dated before it).
inline void check_feedback(std::span<community_registration const> registrations,
                           std::span<community_feedback_record const> given,
                           community_feedback_record const& f) {
    if (f.year < 1921 || f.year > static_cast<int>(date::year_month_day{f.given_on}.year()))
        throw invalid_input("year", "feedback for " + std::to_string(f.year) + " cannot be given on " +
                                        format_date(f.given_on));
    bool const registered = std::any_of(registrations.begin(), registrations.end(), [&](auto const& r) {
        return r.community == f.community && r.overlaps_year(f.year) && r.registered_on <= f.given_on;
    });
    if (!registered)
        throw violation("community.feedback_registered",
                        "the member was not registered with this community during " + std::to_string(f.year) +
                            " by " + format_date(f.given_on));
    if (given.empty()) {
        if (!f.correction_reason.empty())
            throw invalid_input("correction_reason",
                                "there is no feedback for " + std::to_string(f.year) + " to correct");
        return;
    }
    auto const& last = given.back();
    if (f.correction_reason.empty())
        throw violation("community.feedback_once_yearly",
                        "feedback for " + std::to_string(f.year) + " was already given on " +
                            format_date(last.given_on) + "; a correction states its reason");
    if (last.community != f.community || f.given_on < last.given_on)
        throw violation("community.feedback_once_yearly",
                        "a correction comes from the community that gave the feedback of " +
                            format_date(last.given_on) + ", on or after that day");
}

}  // namespace dangyuan
