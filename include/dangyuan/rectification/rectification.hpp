#pragma once
/// \file
/// Rectification of weak organisations (软弱涣散党组织整顿, 后进社区整顿): an organisation is designated
/// for rectification (列入整顿) with dated reasons, receives the contacts of 四联四帮 (a district leader,
/// a district department, a first secretary, a paired advanced community), works to a plan with
/// milestones, makes public commitments (公开式承诺) and is evaluated openly (开放式评价), and is removed
/// from the list (销号) after a passed acceptance review (验收).
///
/// Every rule here is local practice [L] (`rectification.*` in the catalogue, 区2020年组织工作要点 第12项):
/// no national text fixes the procedure; its numbers are parameters of `rectification_params`
/// (rules/params_rectification.hpp).
///
/// The functions are pure: they judge a new record against the designation as recorded so far and
/// throw; the store (storage/rectification_store.hpp) loads the designation, calls them and writes only
/// when they pass.

#include <date/date.h>

#include <algorithm>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dangyuan/core/calendar.hpp"
#include "dangyuan/core/enum_table.hpp"
#include "dangyuan/core/errors.hpp"
#include "dangyuan/core/ids.hpp"
#include "dangyuan/org/org.hpp"
#include "dangyuan/rules/catalogue.hpp"

namespace dangyuan {

struct rectification_tag;
/// A designation of an organisation for rectification (列入整顿).
using rectification_id = strong_id<rectification_tag>;

/// The list an organisation is put on.
enum class rectification_kind {
    weak_org,           ///< 软弱涣散党组织: the district's list
    lagging_community,  ///< 后进社区: the city's list, in numbered batches (第七批)
};

template <>
struct enum_table<rectification_kind> {
    static constexpr std::string_view field = "kind";
    static constexpr std::string_view noun = "rectification kind";
    static constexpr enum_row<rectification_kind> rows[] = {
        {rectification_kind::weak_org, "weak_org", "软弱涣散党组织"},
        {rectification_kind::lagging_community, "lagging_community", "后进社区"},
    };
};

/// The usual situations for which an organisation is designated (整顿原因).
enum class rectification_reason {
    leadership_incomplete,    ///< 班子不健全、书记长期缺职
    secretary_unfit,          ///< 书记不胜任
    org_life_irregular,       ///< 组织生活不正常
    member_management_weak,   ///< 党员教育管理薄弱
    outside_interference,     ///< 宗族宗教黑恶势力干扰
    public_complaints,        ///< 群众反映强烈、信访突出
    collective_economy_weak,  ///< 集体经济薄弱
    rules_not_implemented,    ///< 制度不落实
    other,                    ///< 其他: stated in `other_reason`
};

template <>
struct enum_table<rectification_reason> {
    static constexpr std::string_view field = "reason";
    static constexpr std::string_view noun = "rectification reason";
    static constexpr enum_row<rectification_reason> rows[] = {
        {rectification_reason::leadership_incomplete, "leadership_incomplete", "班子不健全、书记长期缺职"},
        {rectification_reason::secretary_unfit, "secretary_unfit", "书记不胜任"},
        {rectification_reason::org_life_irregular, "org_life_irregular", "组织生活不正常"},
        {rectification_reason::member_management_weak, "member_management_weak", "党员教育管理薄弱"},
        {rectification_reason::outside_interference, "outside_interference", "宗族宗教黑恶势力干扰"},
        {rectification_reason::public_complaints, "public_complaints", "群众反映强烈、信访突出"},
        {rectification_reason::collective_economy_weak, "collective_economy_weak", "集体经济薄弱"},
        {rectification_reason::rules_not_implemented, "rules_not_implemented", "制度不落实"},
        {rectification_reason::other, "other", "其他"},
    };
};

/// Number of rectification reasons (the size of the statistics' per-reason array).
inline constexpr std::size_t rectification_reason_count = 9;

/// The four contacts of 四联四帮.
enum class rectification_contact_kind {
    district_leader,      ///< 区级领导分包联系: a district leader (name)
    district_department,  ///< 区直部门定向联系: a district department (name)
    first_secretary,      ///< 第一书记定点联系: the first secretary sent (name)
    paired_community,     ///< 先进社区结对联系: an advanced organisation (org)
};

template <>
struct enum_table<rectification_contact_kind> {
    static constexpr std::string_view field = "kind";
    static constexpr std::string_view noun = "contact kind";
    static constexpr enum_row<rectification_contact_kind> rows[] = {
        {rectification_contact_kind::district_leader, "district_leader", "区级领导分包联系"},
        {rectification_contact_kind::district_department, "district_department", "区直部门定向联系"},
        {rectification_contact_kind::first_secretary, "first_secretary", "第一书记定点联系"},
        {rectification_contact_kind::paired_community, "paired_community", "先进社区结对联系"},
    };
};

/// Number of contact kinds.
inline constexpr std::size_t rectification_contact_kind_count = 4;

/// Who evaluates in an open evaluation (开放式评价).
enum class rectification_evaluator {
    masses,    ///< 群众
    members,   ///< 党员
    superior,  ///< 上级
};

template <>
struct enum_table<rectification_evaluator> {
    static constexpr std::string_view field = "evaluator";
    static constexpr std::string_view noun = "evaluator";
    static constexpr enum_row<rectification_evaluator> rows[] = {
        {rectification_evaluator::masses, "masses", "群众"},
        {rectification_evaluator::members, "members", "党员"},
        {rectification_evaluator::superior, "superior", "上级"},
    };
};

/// The result of an acceptance review (验收).
enum class acceptance_result {
    passed,  ///< 通过
    failed,  ///< 未通过
};

template <>
struct enum_table<acceptance_result> {
    static constexpr std::string_view field = "result";
    static constexpr std::string_view noun = "review result";
    static constexpr enum_row<acceptance_result> rows[] = {
        {acceptance_result::passed, "passed", "通过"},
        {acceptance_result::failed, "failed", "未通过"},
    };
};

/// A contact of 四联四帮: a person or department by name, or the paired advanced organisation by id.
struct rectification_contact {
    rectification_contact_kind kind = rectification_contact_kind::district_leader;
    std::string name;                   ///< the leader, department or first secretary; for a paired community
                                        ///< the store fills in the organisation's name
    std::optional<org_id> org;          ///< the paired advanced organisation (paired_community only)
    date::sys_days start{};             ///< the first day
    std::optional<date::sys_days> end;  ///< the last day, if ended
    std::string note;

    /// True when the contact covers day `d` (first and last day included).
    [[nodiscard]] bool covers(date::sys_days d) const noexcept { return start <= d && (!end || d <= *end); }

    friend bool operator==(rectification_contact const&, rectification_contact const&) = default;
};

/// A milestone of the rectification plan (整顿方案).
struct rectification_milestone {
    int number = 0;  ///< 1, 2, … in the order added (set by the store)
    std::string text;
    date::sys_days due{};
    std::optional<date::sys_days> completed_on;
    std::string note;

    friend bool operator==(rectification_milestone const&, rectification_milestone const&) = default;
};

/// A public commitment (公开式承诺).
struct rectification_commitment {
    date::sys_days date{};
    std::string text;

    friend bool operator==(rectification_commitment const&, rectification_commitment const&) = default;
};

/// An open evaluation (开放式评价): the tallies of one round by one kind of evaluator.
struct rectification_evaluation {
    date::sys_days date{};
    rectification_evaluator evaluator = rectification_evaluator::masses;
    int satisfied = 0;            ///< 满意
    int basically_satisfied = 0;  ///< 基本满意
    int dissatisfied = 0;         ///< 不满意
    std::string note;

    /// Everyone who answered.
    [[nodiscard]] int total() const noexcept { return satisfied + basically_satisfied + dissatisfied; }

    friend bool operator==(rectification_evaluation const&, rectification_evaluation const&) = default;
};

/// An acceptance review (验收).
struct rectification_review {
    date::sys_days date{};
    acceptance_result result = acceptance_result::passed;
    std::string note;

    friend bool operator==(rectification_review const&, rectification_review const&) = default;
};

/// What a new designation says (列入整顿).
struct rectification_designation {
    org_id org;
    date::sys_days date{};
    rectification_kind kind = rectification_kind::weak_org;
    std::string batch;  ///< e.g. 第七批 (optional)
    std::vector<rectification_reason> reasons;
    std::string other_reason;  ///< required with reason `other`, empty otherwise
    std::string note;

    friend bool operator==(rectification_designation const&, rectification_designation const&) = default;
};

/// A designation with everything recorded on it: the aggregate. Ids and names are filled in by the store.
struct rectification {
    rectification_id id;
    org_id org;
    std::string org_name;
    date::sys_days designated_on{};
    rectification_kind kind = rectification_kind::weak_org;
    std::string batch;
    std::vector<rectification_reason> reasons;
    std::string other_reason;
    std::string note;
    std::vector<rectification_contact> contacts;        ///< in the order assigned
    std::vector<rectification_milestone> milestones;    ///< by number
    std::vector<rectification_commitment> commitments;  ///< by date
    std::vector<rectification_evaluation> evaluations;  ///< by date
    std::vector<rectification_review> reviews;          ///< by date
    std::optional<date::sys_days> removed_on;           ///< 销号
    /// The rule set the designation was made under (set by the store from its rule set): its deadlines
    /// (rectification.within_max_months, rectification.contacts_assigned) are judged by that rule set,
    /// whatever rule set the store is opened with later.
    std::string rule_set_name = "national-2014";

    /// True when the organisation is on the list on `d` (designated on or before it, not removed by it;
    /// the day of removal is off the list).
    [[nodiscard]] bool open_on(date::sys_days d) const noexcept {
        return designated_on <= d && (!removed_on || d < *removed_on);
    }

    friend bool operator==(rectification const&, rectification const&) = default;
};

/// The day by which a designation is to be removed from the list (rectification.within_max_months):
/// `max_months` after the designation, month end clamped; nothing when `max_months` is 0 (no limit).
[[nodiscard]] inline std::optional<date::sys_days> rectification_deadline(date::sys_days designated_on,
                                                                          int max_months) {
    if (max_months <= 0) return std::nullopt;
    return add_months(designated_on, max_months);
}

/// The last day by which the four contacts are assigned (rectification.contacts_assigned): `days` after
/// the designation; nothing when `days` is 0 (no deadline).
[[nodiscard]] inline std::optional<date::sys_days> rectification_contacts_deadline(
    date::sys_days designated_on, int days) {
    if (days <= 0) return std::nullopt;
    return designated_on + date::days{days};
}

/// The kinds of 四联四帮 without a contact covering `d`, in enumeration order.
[[nodiscard]] inline std::vector<rectification_contact_kind> missing_contact_kinds(rectification const& r,
                                                                                   date::sys_days d) {
    std::vector<rectification_contact_kind> out;
    for (auto const k : enum_values<rectification_contact_kind>())
        if (std::none_of(r.contacts.begin(), r.contacts.end(),
                         [&](auto const& c) { return c.kind == k && c.covers(d); }))
            out.push_back(k);
    return out;
}

/// Checks that organisation `o` may be designated on `on` (rectification.org_exists): it exists on that
/// day and is a branch, general branch or grassroots / working committee (not a party group, not a
/// committee above the grassroots).
/// \throws rule_violation rectification.org_exists.
inline void check_rectification_org(org_unit const& o, date::sys_days on) {
    if (!o.active_on(on))
        throw violation("rectification.org_exists",
                        "'" + o.name + "' does not exist on " + format_date(on) + " (established " +
                            format_date(o.established) +
                            (o.dissolved ? ", dissolved " + format_date(*o.dissolved) : std::string()) + ")");
    if (o.kind == org_kind::party_group || o.kind == org_kind::higher_committee)
        throw violation(
            "rectification.org_exists",
            "'" + o.name + "' is a " + std::string(chinese_name(o.kind)) +
                "; a branch, general branch or grassroots committee is designated for rectification");
}

/// Checks a new designation `d` of organisation `o`, given the designations of `o` so far (`earlier`).
/// \throws invalid_input{"reasons"} (none, or one twice), {"other_reason"} (missing with `other`, given
///         without it); rule_violation rectification.org_exists, rectification.one_open_designation (an
///         earlier designation not removed by `d.date`).
inline void check_rectification_designation(rectification_designation const& d, org_unit const& o,
                                            std::span<rectification const> earlier) {
    if (d.reasons.empty())
        throw invalid_input("reasons", "state at least one reason for the designation (整顿原因)");
    for (std::size_t i = 0; i < d.reasons.size(); ++i)
        for (std::size_t j = i + 1; j < d.reasons.size(); ++j)
            if (d.reasons[i] == d.reasons[j])
                throw invalid_input(
                    "reasons", "reason '" + std::string(chinese_name(d.reasons[i])) + "' is given twice");
    bool const other =
        std::find(d.reasons.begin(), d.reasons.end(), rectification_reason::other) != d.reasons.end();
    if (other && d.other_reason.empty())
        throw invalid_input("other_reason", "reason 其他 (other) needs its text");
    if (!other && !d.other_reason.empty())
        throw invalid_input("other_reason", "a reason text goes with reason 其他 (other)");
    check_rectification_org(o, d.date);
    for (auto const& e : earlier)
        if (!e.removed_on || *e.removed_on > d.date)
            throw violation("rectification.one_open_designation",
                            "'" + o.name + "' is on the list since " + format_date(e.designated_on) +
                                " (designation " + std::to_string(e.id.value()) +
                                (e.removed_on ? ", removed " + format_date(*e.removed_on) : std::string()) +
                                "); one open designation at a time");
}

namespace detail {
// A record dated `d` on designation `r`: the designation is not removed and `d` is not before it.
inline void require_open_rectification(rectification const& r, date::sys_days d, std::string_view field) {
    if (r.removed_on)
        throw invalid_input("rectification", "designation " + std::to_string(r.id.value()) + " of '" +
                                                 r.org_name + "' was removed from the list (销号) on " +
                                                 format_date(*r.removed_on));
    if (d < r.designated_on)
        throw invalid_input(std::string(field),
                            format_date(d) + " is before the designation on " + format_date(r.designated_on));
}
}  // namespace detail

/// Checks a new contact `c` of designation `r`. For a paired community, `paired` is the organisation
/// and `paired_open` whether it is itself on the list on `c.start`.
/// \throws invalid_input{"rectification"} (removed), {"start"} (before the designation), {"end"} (before
///         `start`), {"name"} (missing for a person or department), {"org"} (missing for a paired
///         community, or given for another kind); rule_violation rectification.paired_community_eligible
///         (the paired organisation does not exist on `start`, is the designated one, or is itself on
///         the list).
inline void check_rectification_contact(rectification const& r, rectification_contact const& c,
                                        org_unit const* paired, bool paired_open) {
    detail::require_open_rectification(r, c.start, "start");
    if (c.end && *c.end < c.start)
        throw invalid_input("end", "the contact ends on " + format_date(*c.end) + ", before it begins on " +
                                       format_date(c.start));
    if (c.kind != rectification_contact_kind::paired_community) {
        if (c.org)
            throw invalid_input("org", "only a paired community (先进社区结对联系) is an organisation");
        if (c.name.empty())
            throw invalid_input("name", "name the " + std::string(chinese_name(c.kind)) + " contact");
        return;
    }
    if (!c.org || !paired)
        throw invalid_input("org", "a paired community (先进社区结对联系) names the advanced organisation");
    if (paired->id == r.org)
        throw violation("rectification.paired_community_eligible",
                        "'" + paired->name + "' cannot be paired with itself");
    if (!paired->active_on(c.start))
        throw violation("rectification.paired_community_eligible",
                        "'" + paired->name + "' does not exist on " + format_date(c.start));
    if (paired_open)
        throw violation("rectification.paired_community_eligible",
                        "'" + paired->name + "' is itself on the rectification list on " +
                            format_date(c.start) + "; the paired community is an advanced one");
}

/// Checks a new milestone `m` of designation `r`.
/// \throws invalid_input{"rectification"} (removed), {"text"} (empty), {"completed_on"} (a new milestone
///         is added open); rule_violation rectification.milestone_after_designation (due on or before the
///         designation).
inline void check_rectification_milestone(rectification const& r, rectification_milestone const& m) {
    detail::require_open_rectification(r, r.designated_on, "due");
    if (m.text.empty()) throw invalid_input("text", "say what the milestone is (整改事项)");
    if (m.completed_on) throw invalid_input("completed_on", "a milestone is added open, then completed");
    if (m.due <= r.designated_on)
        throw violation("rectification.milestone_after_designation",
                        "the milestone is due on " + format_date(m.due) + ", not after the designation on " +
                            format_date(r.designated_on));
}

/// Checks the completion of milestone `number` of `r` on `on`.
/// \throws invalid_input{"rectification"} (removed), {"milestone"} (no such number, or completed already),
///         {"date"} (before the designation).
inline void check_milestone_completion(rectification const& r, int number, date::sys_days on) {
    detail::require_open_rectification(r, on, "date");
    auto const it = std::find_if(r.milestones.begin(), r.milestones.end(),
                                 [&](auto const& m) { return m.number == number; });
    if (it == r.milestones.end())
        throw invalid_input("milestone", "designation " + std::to_string(r.id.value()) +
                                             " has no milestone " + std::to_string(number));
    if (it->completed_on)
        throw invalid_input("milestone", "milestone " + std::to_string(number) + " was completed on " +
                                             format_date(*it->completed_on));
}

/// Checks a public commitment (公开式承诺).
/// \throws invalid_input{"rectification"}, {"date"}, {"text"}.
inline void check_rectification_commitment(rectification const& r, rectification_commitment const& c) {
    detail::require_open_rectification(r, c.date, "date");
    if (c.text.empty()) throw invalid_input("text", "state the commitment (承诺内容)");
}

/// Checks an open evaluation (开放式评价): tallies not negative, at least one answer.
/// \throws invalid_input{"rectification"}, {"date"}, {"satisfied"}, {"basically_satisfied"},
///         {"dissatisfied"}, {"tallies"} (all zero).
inline void check_rectification_evaluation(rectification const& r, rectification_evaluation const& e) {
    detail::require_open_rectification(r, e.date, "date");
    if (e.satisfied < 0) throw invalid_input("satisfied", "a tally is not negative");
    if (e.basically_satisfied < 0) throw invalid_input("basically_satisfied", "a tally is not negative");
    if (e.dissatisfied < 0) throw invalid_input("dissatisfied", "a tally is not negative");
    if (e.total() == 0) throw invalid_input("tallies", "an evaluation counts at least one answer");
}

/// Checks an acceptance review (验收): on or after the designation and the last review.
/// \throws invalid_input{"rectification"}, {"date"}.
inline void check_rectification_review(rectification const& r, rectification_review const& v) {
    detail::require_open_rectification(r, v.date, "date");
    if (!r.reviews.empty() && v.date < r.reviews.back().date)
        throw invalid_input("date", "the review on " + format_date(v.date) + " precedes the last review on " +
                                        format_date(r.reviews.back().date));
}

/// Checks the removal of `r` from the list (销号) on `on`: the latest review on or before `on` passed
/// and every milestone was completed on or before `on`.
/// \throws invalid_input{"rectification"}, {"date"}; rule_violation rectification.removal_after_acceptance.
inline void check_rectification_removal(rectification const& r, date::sys_days on) {
    detail::require_open_rectification(r, on, "date");
    rectification_review const* last = nullptr;
    for (auto const& v : r.reviews)
        if (v.date <= on) last = &v;
    if (!last || last->result != acceptance_result::passed)
        throw violation("rectification.removal_after_acceptance",
                        "'" + r.org_name +
                            "' is removed from the list only after a passed acceptance review (验收)" +
                            (last ? "; the review on " + format_date(last->date) + " failed"
                                  : std::string("; none is recorded by ") + format_date(on)));
    for (auto const& m : r.milestones)
        if (!m.completed_on || *m.completed_on > on)
            throw violation("rectification.removal_after_acceptance",
                            "milestone " + std::to_string(m.number) + " '" + m.text +
                                "' is not completed by " + format_date(on));
}

}  // namespace dangyuan
