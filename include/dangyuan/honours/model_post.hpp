#pragma once
/// \file
/// Model posts (党员示范岗): a member designated by an organisation as an example in their post, with
/// its reviews (复评) and its end. Local practice [L]: no national text sets the rules, so every number is
/// a parameter of the rule set (`honours_params`, rules/params_honours.hpp).
///
/// **Rules.** A designation goes to a full member (正式党员) in normal standing on its date
/// (honours.post_eligible_member), by the member's branch or an organisation above it
/// (honours.post_awarded_at_or_above_branch). It is reviewed within `model_post_review_months` months of
/// the designation or of the last review (honours.post_review_due; `add_months`, clamped to the month's
/// end; 0 = no review); a review renews it. A designation may set an earlier first review (`review_by`).
///
/// **End.** A designation is revoked (撤销, with a reason) or lapses (期满终止), each recorded with its
/// date; it also lapses, without a record, on the day its member leaves the party (`member_left`,
/// read from the roster). From its end on it is not active and nothing more is recorded on it.

#include <date/date.h>

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dangyuan/core/calendar.hpp"
#include "dangyuan/core/enum_table.hpp"
#include "dangyuan/core/errors.hpp"
#include "dangyuan/core/ids.hpp"
#include "dangyuan/member/member.hpp"
#include "dangyuan/member/standing.hpp"
#include "dangyuan/rules/catalogue.hpp"
#include "dangyuan/rules/rule_set.hpp"

namespace dangyuan {

struct model_post_tag;
/// A model post designation (党员示范岗).
using model_post_id = strong_id<model_post_tag>;

/// How a designation ended.
enum class model_post_end {
    revoked,  ///< 撤销: withdrawn by a decision, with a reason
    lapsed,  ///< 期满终止: ended without a decision against the member (the post ended, the term ran out)
};

template <>
struct enum_table<model_post_end> {
    static constexpr std::string_view field = "end";
    static constexpr std::string_view noun = "end of a model post";
    static constexpr enum_row<model_post_end> rows[] = {
        {model_post_end::revoked, "revoked", "撤销"},
        {model_post_end::lapsed, "lapsed", "期满终止"},
    };
};

/// A review (复评) of a designation: it renews the designation from its date.
struct model_post_review {
    date::sys_days date{};
    std::string note;

    friend bool operator==(model_post_review const&, model_post_review const&) = default;
};

/// The end of a designation: revoked (a reason is required) or lapsed.
struct model_post_ending {
    date::sys_days date{};
    model_post_end kind = model_post_end::revoked;
    std::string reason;  ///< required for `revoked`

    friend bool operator==(model_post_ending const&, model_post_ending const&) = default;
};

/// A designation (党员示范岗) with its reviews and end: the aggregate. The ids and names are filled in by
/// the store; `member_left` is read from the roster.
struct model_post {
    model_post_id id;
    member_id member;
    std::string member_name;  ///< for messages and the agenda
    org_id branch;            ///< the member's branch when the designation was made
    org_id awarded_by;        ///< the designating organisation: the branch or one above it
    std::string awarded_by_name;
    date::sys_days designated_on{};
    std::string title;                        ///< the post or title (岗位/称号), required
    std::optional<date::sys_days> review_by;  ///< an earlier first review the designation set, if any
    std::string note;
    std::string rule_set_name = "national-2014";  ///< the rule set the designation was made under
    std::vector<model_post_review> reviews;       ///< in date order
    std::optional<model_post_ending> ending;      ///< revoked or lapsed
    std::optional<date::sys_days> member_left;    ///< the member's exit from the party, if any (derived)

    friend bool operator==(model_post const&, model_post const&) = default;
};

/// The date of the last record of `p` (its designation, last review or end).
[[nodiscard]] inline date::sys_days post_last_date(model_post const& p) noexcept {
    auto d = p.designated_on;
    if (!p.reviews.empty()) d = p.reviews.back().date;
    if (p.ending) d = p.ending->date;
    return d;
}

/// The date `p` ends on: its recorded end or the member's exit, whichever comes first; nothing while
/// neither is known.
[[nodiscard]] inline std::optional<date::sys_days> post_end_date(model_post const& p) noexcept {
    std::optional<date::sys_days> end;
    if (p.ending) end = p.ending->date;
    if (p.member_left && (!end || *p.member_left < *end)) end = p.member_left;
    return end;
}

/// True when `p` is in force on `d`: designated on or before it and not yet ended (the day of the end
/// and later are outside).
[[nodiscard]] inline bool post_active_on(model_post const& p, date::sys_days d) noexcept {
    auto const end = post_end_date(p);
    return p.designated_on <= d && (!end || d < *end);
}

/// The date by which the next review is due (honours.post_review_due), counting only the reviews dated
/// on or before `as_of`: the designation's `review_by` until the first review, else `review_months`
/// after the last review (or the designation), by `add_months`. Nothing when the rule set has no review
/// (0) and the designation set no `review_by`.
[[nodiscard]] inline std::optional<date::sys_days> post_review_due(model_post const& p, rule_set const& rules,
                                                                   date::sys_days as_of) {
    auto last = p.designated_on;
    bool reviewed = false;
    for (auto const& r : p.reviews)
        if (r.date <= as_of) {
            last = r.date;
            reviewed = true;
        }
    if (!reviewed && p.review_by) return p.review_by;
    int const n = rules.honours.model_post_review_months;
    if (n <= 0) return std::nullopt;
    return add_months(last, n);
}

/// The latest review date the rule set allows for a designation or review on `from` (`review_months`
/// later, month end clamped), or nothing without a review rule.
[[nodiscard]] inline std::optional<date::sys_days> post_latest_review(date::sys_days from,
                                                                      rule_set const& rules) {
    int const n = rules.honours.model_post_review_months;
    if (n <= 0) return std::nullopt;
    return add_months(from, n);
}

/// Checks a new designation `p` of member `m` (its standing on the date `standing_then`) against the
/// rules. `branch_chain` holds the member's branch and the organisations above it, nearest first.
/// Nothing is changed.
///
/// Checked: a title; the member is a full member on the date and in normal standing
/// (honours.post_eligible_member: the day the member becomes full counts, the day of an exit does not);
/// the designating organisation is in `branch_chain` (honours.post_awarded_at_or_above_branch); a
/// `review_by` after the designation and not later than the review period allows (honours.post_review_due).
/// \throws invalid_input ("title", "review_by"); rule_violation naming the rule.
inline void check_designation(model_post const& p, member const& m, std::optional<standing> standing_then,
                              std::span<org_id const> branch_chain, rule_set const& rules) {
    if (p.title.empty()) throw invalid_input("title", "the model post (岗位/称号) is not named");
    auto const on = format_date(p.designated_on);
    if (m.status_on(p.designated_on) != member_status::full)
        throw violation("honours.post_eligible_member",
                        m.name + " is not a full member (正式党员) on " + on +
                            (m.full_member_date ? "; full member from " + format_date(*m.full_member_date)
                                                : std::string()));
    if (!standing_then || standing_then->state != standing_state::normal)
        throw violation(
            "honours.post_eligible_member",
            m.name + " is not in normal standing on " + on + " (" +
                std::string(to_string(standing_then ? standing_then->state : standing_state::exited)) + ")");
    bool above = false;
    for (auto const o : branch_chain)
        above = above || o == p.awarded_by;
    if (!above)
        throw violation("honours.post_awarded_at_or_above_branch",
                        (p.awarded_by_name.empty() ? "organisation " + std::to_string(p.awarded_by.value())
                                                   : "'" + p.awarded_by_name + "'") +
                            " is neither the branch of " + m.name + " nor an organisation above it");
    if (p.review_by) {
        if (*p.review_by <= p.designated_on)
            throw invalid_input("review_by", "the review on " + format_date(*p.review_by) +
                                                 " is not after the designation on " + on);
        if (auto const latest = post_latest_review(p.designated_on, rules); latest && *p.review_by > *latest)
            throw violation("honours.post_review_due",
                            "the review on " + format_date(*p.review_by) + " is later than " +
                                format_date(*latest) + ", " +
                                std::to_string(rules.honours.model_post_review_months) +
                                " months after the designation on " + on);
    }
}

namespace detail {
inline void require_open_post(model_post const& p, date::sys_days d, std::string_view what) {
    if (d < post_last_date(p))
        throw invalid_input("date", std::string(what) + " on " + format_date(d) +
                                        " precedes the last record on " + format_date(post_last_date(p)));
    if (auto const end = post_end_date(p); end && *end <= d)
        throw invalid_input("post", "the model post of " + p.member_name + " ended on " + format_date(*end) +
                                        (p.ending ? " (" + std::string(chinese_name(p.ending->kind)) + ")"
                                                  : std::string(" (the member left the party)")));
}
}  // namespace detail

/// Checks a review `r` of `p`: dated on or after the last record, while the designation is in force.
/// A review later than its due date is accepted (it renews the designation; the agenda has shown it
/// overdue).
/// \throws invalid_input ("date", "post").
inline void check_review(model_post const& p, model_post_review const& r) {
    detail::require_open_post(p, r.date, "the review");
}

/// Checks the end `e` of `p`: dated on or after the last record, while the designation is in force; a
/// revocation states its reason.
/// \throws invalid_input ("date", "post", "reason").
inline void check_ending(model_post const& p, model_post_ending const& e) {
    detail::require_open_post(p, e.date, "the end");
    if (e.kind == model_post_end::revoked && e.reason.empty())
        throw invalid_input("reason", "a revocation (撤销) of a model post states its reason");
}

}  // namespace dangyuan
