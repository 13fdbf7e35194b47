#pragma once
/// \file
/// Rules about organisations: tree structure, terms (换届), committee composition, and the agenda
/// items they produce. Pure functions: no storage, every date explicit.

#include <date/date.h>

#include <algorithm>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "dangyuan/agenda/agenda.hpp"
#include "dangyuan/core/calendar.hpp"
#include "dangyuan/org/org.hpp"
#include "dangyuan/rules/catalogue.hpp"
#include "dangyuan/rules/rule_set.hpp"

namespace dangyuan {

/// True when an organisation of kind `child` may sit directly under one of kind `parent`
/// (rule org.tree_structure). Committees may be top-level (`parent` empty); nothing else may.
[[nodiscard]] constexpr bool may_be_child_of(org_kind child, std::optional<org_kind> parent) noexcept {
    if (!parent) return is_committee(child);
    switch (child) {
        case org_kind::higher_committee:
            return *parent == org_kind::higher_committee;
        case org_kind::grassroots_committee:
        case org_kind::working_committee:
            return is_committee(*parent);
        case org_kind::general_branch:
            return is_committee(*parent);
        case org_kind::branch:
        case org_kind::joint_branch:
            return is_committee(*parent) || *parent == org_kind::general_branch;
        case org_kind::party_group:
            return is_branch(*parent) || *parent == org_kind::general_branch;
    }
    return false;
}

/// The term length a kind of organisation has when its record states none (rule
/// org.term_default_by_kind), in years:
/// - grassroots committee (基层党委): `term_years_grassroots_committee` (5; 机关条例 第6条, within
///   党章 第31条's 3-5 years);
/// - higher committees and working committees (党工委): `term_years_committee_max` (5);
/// - general branch (党总支): `term_years_general_branch` (3; 机关条例 第6条), or
///   `term_years_village_branch` (5) for a village or community one;
/// - branch and joint branch: `term_years_village_branch` (5) for village and community branches,
///   `term_years_branch` (3) for the others (支部工作条例 第21条);
/// - party group (党小组): 0, a group elects no committee.
[[nodiscard]] constexpr int default_term_years(org_kind kind, bool village_or_community,
                                               rule_set const& rules) noexcept {
    switch (kind) {
        case org_kind::grassroots_committee:
            return rules.term_years_grassroots_committee;
        case org_kind::higher_committee:
        case org_kind::working_committee:
            return rules.term_years_committee_max;
        case org_kind::general_branch:
            return village_or_community ? rules.term_years_village_branch : rules.term_years_general_branch;
        case org_kind::branch:
        case org_kind::joint_branch:
            return village_or_community ? rules.term_years_village_branch : rules.term_years_branch;
        case org_kind::party_group:
            return 0;
    }
    return 0;
}

/// The term length of an organisation's committee in years (rules org.term_length and
/// org.term_default_by_kind): the org's own `term_years` when set, else `default_term_years` of its kind.
[[nodiscard]] inline int term_length_years(org_unit const& o, rule_set const& rules) {
    if (o.term_years > 0) return o.term_years;
    return default_term_years(o.kind, o.village_or_community, rules);
}

/// The day the current term ends (term start + term length, clamped per cal.month_end_clamp), or
/// nothing when no term start is recorded.
[[nodiscard]] inline std::optional<date::sys_days> term_end(org_unit const& o, rule_set const& rules) {
    if (!o.term_start || term_length_years(o, rules) <= 0) return std::nullopt;
    return add_years(*o.term_start, term_length_years(o, rules));
}

/// Validates an organisation record against its parent.
/// \param parent the parent record when `o.parent` is set (the caller looks it up).
/// \throws invalid_input naming the field (name, established, dissolved, parent, term_start, term_years,
///         units when negative).
/// \throws rule_violation org.tree_structure or org.term_length.
inline void validate_org(org_unit const& o, org_unit const* parent, rule_set const& rules) {
    if (o.name.empty()) throw invalid_input("name", "an organisation needs a name");
    if (o.dissolved && *o.dissolved <= o.established)
        throw invalid_input("dissolved", "dissolution date " + format_date(*o.dissolved) +
                                             " is not after the establishment date " +
                                             format_date(o.established));
    if (o.parent.has_value() != (parent != nullptr))
        throw invalid_input("parent", "the parent organisation record was not supplied");
    if (!may_be_child_of(o.kind, parent ? std::optional(parent->kind) : std::nullopt)) {
        throw violation(
            "org.tree_structure",
            std::string("a ") + std::string(chinese_name(o.kind)) + " (" + std::string(to_string(o.kind)) +
                ") cannot sit " +
                (parent ? "under a " + std::string(chinese_name(parent->kind)) : "at the top level"));
    }
    if (parent && o.established < parent->established)
        throw invalid_input("established", "established " + format_date(o.established) +
                                               " before its parent '" + parent->name + "' (" +
                                               format_date(parent->established) + ")");
    if (parent && parent->dissolved && o.established >= *parent->dissolved)
        throw invalid_input(
            "parent", "parent '" + parent->name + "' was dissolved on " + format_date(*parent->dissolved));
    if (o.term_start && *o.term_start < o.established)
        throw invalid_input("term_start", "term start " + format_date(*o.term_start) +
                                              " is before the establishment date " +
                                              format_date(o.established));
    if (o.term_years < 0)
        throw invalid_input("term_years", "negative term length " + std::to_string(o.term_years));
    if (o.units < 0) throw invalid_input("units", "negative number of units " + std::to_string(o.units));
    if (o.term_years > 0) {
        int const y = o.term_years;
        bool ok = true;
        std::string expected;
        if (is_committee(o.kind)) {
            ok = y >= rules.term_years_committee_min && y <= rules.term_years_committee_max;
            expected = std::to_string(rules.term_years_committee_min) + "-" +
                       std::to_string(rules.term_years_committee_max);
        } else if (o.kind == org_kind::party_group) {
            ok = false;
            expected = "no term (party groups do not elect a committee)";
        } else {
            int const want = default_term_years(o.kind, o.village_or_community, rules);
            ok = y == want;
            expected = std::to_string(want);
        }
        if (!ok)
            throw violation("org.term_length", "term of " + std::to_string(y) + " years for '" + o.name +
                                                   "'; expected " + expected);
    }
}

/// Validates a branch leadership on a date.
/// \param full_members number of full members (正式党员) of the branch on that date.
/// \param not_eligible officers who are not full members of this org in normal standing on that date.
/// \throws invalid_input{"officers"} for no or several secretaries, or a member listed twice.
/// \throws rule_violation org.committee_threshold_7, org.committee_size, org.officers_full_members.
inline void validate_leadership(org_unit const& o, int full_members, std::span<officer const> officers,
                                std::span<member_id const> not_eligible, rule_set const& rules) {
    auto const secretaries = std::count_if(
        officers.begin(), officers.end(), [](officer const& x) { return x.role == officer_role::secretary; });
    if (secretaries != 1)
        throw invalid_input("officers", "a leadership needs exactly one secretary (书记), got " +
                                            std::to_string(secretaries));
    std::set<member_id> seen;
    for (auto const& x : officers)
        if (!seen.insert(x.member).second)
            throw invalid_input("officers",
                                "member " + std::to_string(x.member.value()) + " is listed twice");
    if (!not_eligible.empty())
        throw violation("org.officers_full_members",
                        "member " + std::to_string(not_eligible.front().value()) +
                            " is not a full member of '" + o.name + "' and cannot hold a leadership seat");
    if (!is_branch(o.kind)) return;  // committees and general branches are elected by congresses
    auto const size = static_cast<int>(officers.size());
    if (full_members < rules.committee_threshold_full_members) {
        auto const deputies = std::count_if(officers.begin(), officers.end(), [](officer const& x) {
            return x.role == officer_role::deputy_secretary;
        });
        bool const has_members = std::any_of(officers.begin(), officers.end(), [](officer const& x) {
            return x.role == officer_role::committee_member;
        });
        if (has_members || deputies > 1)
            throw violation("org.committee_threshold_7",
                            "'" + o.name + "' has " + std::to_string(full_members) +
                                " full members (fewer than " +
                                std::to_string(rules.committee_threshold_full_members) +
                                "): only a secretary and at most one deputy secretary, no committee");
        return;
    }
    if (size < rules.committee_min_size || size > rules.committee_max_size)
        throw violation("org.committee_size", "'" + o.name + "' has " + std::to_string(full_members) +
                                                  " full members and needs a committee of " +
                                                  std::to_string(rules.committee_min_size) + "-" +
                                                  std::to_string(rules.committee_max_size) + ", got " +
                                                  std::to_string(size));
}

/// Checks the form of an election (换届选举) against the organisation's full members on the request's
/// day: a branch of fewer than `committee_threshold_full_members` (7) sets up no committee and its members'
/// meeting elects the secretary directly (`without_committee`); a branch of 7 or more elects a committee;
/// an organisation that is not a branch always elects a committee.
/// \throws rule_violation org.committee_threshold_7 when the form does not fit.
inline void require_election_form(org_unit const& o, int full_members, bool without_committee,
                                  date::sys_days on, rule_set const& rules) {
    int const threshold = rules.committee_threshold_full_members;
    if (without_committee && !is_branch(o.kind))
        throw violation("org.committee_threshold_7",
                        "'" + o.name + "' is not a branch (支部): it elects a committee");
    if (!is_branch(o.kind)) return;
    auto const counted =
        "'" + o.name + "' has " + std::to_string(full_members) + " full members on " + format_date(on);
    if (without_committee && full_members >= threshold)
        throw violation("org.committee_threshold_7",
                        counted + " (" + std::to_string(threshold) + " or more): it elects a committee");
    if (!without_committee && full_members < threshold)
        throw violation("org.committee_threshold_7",
                        counted + " (fewer than " + std::to_string(threshold) +
                            "): no committee; its meeting elects the secretary directly (without_committee)");
}

/// Membership counts of one organisation on a date, as the agenda needs them.
struct org_counts {
    int full_members = 0;  ///< 正式党员 in normal standing
    int all_members = 0;   ///< full and probationary members in normal standing
    int officers = 0;      ///< seats of the current leadership
    /// Full and probationary members in normal standing of the organisation and every organisation
    /// under it (for a branch the same as `all_members`; 0 = not counted, `all_members` is used).
    int subtree_members = 0;
};

/// Agenda items an organisation produces on `as_of`: term expiry (org.term_length, shown
/// `term_expiry_notice_months` ahead and overdue after), and composition findings:
/// - branches: org.branch_min_3_full, org.branch_max_50, org.committee_threshold_7;
/// - branches and joint branches with `general_branch_threshold_members` (50) members or more:
///   `org.set_up_general_branch` (org.general_branch_50), unless the next one applies;
/// - branches, joint branches and general branches with `grassroots_committee_threshold_members`
///   (100) or more: `org.set_up_grassroots_committee` (org.grassroots_committee_100);
/// - joint branches covering more than `joint_branch_max_units` (5) units:
///   `org.joint_branch_too_many_units` (org.joint_branch_max_5_units).
/// The size thresholds count `counts.subtree_members` (or `all_members` when that is 0); the rules say
/// "should" (应当/一般), so these are findings, never refusals.
[[nodiscard]] inline std::vector<agenda_item> org_agenda(org_unit const& o, org_counts const& counts,
                                                         date::sys_days as_of, rule_set const& rules) {
    std::vector<agenda_item> items;
    if (!o.active_on(as_of)) return items;
    auto make = [&](std::string kind, date::sys_days due, agenda_status st, std::string rule, std::string msg,
                    std::string zh) {
        items.push_back(agenda_item{std::move(kind), o.id, std::nullopt, o.name, due, st, std::move(rule),
                                    std::move(msg), std::nullopt, std::move(zh)});
    };
    if (auto const end = term_end(o, rules)) {
        if (as_of >= add_months(*end, -rules.term_expiry_notice_months)) {
            make("org.term_expiry", *end, status_for(*end, as_of), "org.term_length",
                 "term of " + std::to_string(term_length_years(o, rules)) + " years started " +
                     format_date(*o.term_start) + " ends " + format_date(*end) +
                     ": hold the election (换届选举)",
                 "本届任期" + std::to_string(term_length_years(o, rules)) + "年, " +
                     format_date(*o.term_start) + "开始, " + format_date(*end) + "届满: 应进行换届选举");
        }
    }
    if (o.kind == org_kind::branch && counts.full_members < rules.branch_min_full_members)
        make("org.too_few_full_members", as_of, agenda_status::finding, "org.branch_min_3_full",
             std::to_string(counts.full_members) + " full members (fewer than " +
                 std::to_string(rules.branch_min_full_members) + "): consider a joint branch (联合党支部)",
             "正式党员" + std::to_string(counts.full_members) + "人, 不足" +
                 std::to_string(rules.branch_min_full_members) + "人: 可考虑与邻近单位成立联合党支部");
    if (is_branch(o.kind) && counts.all_members > rules.branch_max_members_advisory)
        make("org.branch_too_large", as_of, agenda_status::finding, "org.branch_max_50",
             std::to_string(counts.all_members) + " members (more than " +
                 std::to_string(rules.branch_max_members_advisory) + "): consider splitting the branch",
             "党员" + std::to_string(counts.all_members) + "人, 超过" +
                 std::to_string(rules.branch_max_members_advisory) + "人: 一般应分设党支部");
    if (is_branch(o.kind) && counts.full_members >= rules.committee_threshold_full_members &&
        counts.officers < rules.committee_min_size)
        make("org.committee_missing", as_of, agenda_status::finding, "org.committee_threshold_7",
             std::to_string(counts.full_members) +
                 " full members: elect a branch committee (支部委员会) of " +
                 std::to_string(rules.committee_min_size) + "-" + std::to_string(rules.committee_max_size),
             "正式党员" + std::to_string(counts.full_members) + "人: 应选举产生" +
                 std::to_string(rules.committee_min_size) + "至" + std::to_string(rules.committee_max_size) +
                 "人的支部委员会");
    int const members = std::max(counts.subtree_members, counts.all_members);
    bool const below_committee = is_branch(o.kind) || o.kind == org_kind::general_branch;
    if (below_committee && members >= rules.grassroots_committee_threshold_members)
        make("org.set_up_grassroots_committee", as_of, agenda_status::finding, "org.grassroots_committee_100",
             std::to_string(members) + " members (at least " +
                 std::to_string(rules.grassroots_committee_threshold_members) +
                 "): a grassroots committee (基层党委) should be set up instead of a " +
                 std::string(chinese_name(o.kind)),
             "党员" + std::to_string(members) + "人, 达到" +
                 std::to_string(rules.grassroots_committee_threshold_members) +
                 "人以上: 应设立基层党委, 不再设" + std::string(chinese_name(o.kind)));
    else if (is_branch(o.kind) && members >= rules.general_branch_threshold_members)
        make("org.set_up_general_branch", as_of, agenda_status::finding, "org.general_branch_50",
             std::to_string(members) + " members (at least " +
                 std::to_string(rules.general_branch_threshold_members) +
                 "): a general branch (党总支) with several branches should be set up",
             "党员" + std::to_string(members) + "人, 达到" +
                 std::to_string(rules.general_branch_threshold_members) +
                 "人以上: 应设立党总支, 下设若干党支部");
    if (o.kind == org_kind::joint_branch && o.units > rules.joint_branch_max_units)
        make("org.joint_branch_too_many_units", as_of, agenda_status::finding, "org.joint_branch_max_5_units",
             "the joint branch (联合党支部) covers " + std::to_string(o.units) + " units (more than " +
                 std::to_string(rules.joint_branch_max_units) +
                 "): a joint branch generally covers no more than " +
                 std::to_string(rules.joint_branch_max_units),
             "联合党支部覆盖" + std::to_string(o.units) + "个单位, 超过" +
                 std::to_string(rules.joint_branch_max_units) + "个: 联合党支部覆盖单位一般不超过" +
                 std::to_string(rules.joint_branch_max_units) + "个");
    return items;
}

}  // namespace dangyuan
