#pragma once
/// \file
/// Party organisations (党组织): kinds, the org record, and the tree rules.

#include <date/date.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "dangyuan/core/enum_table.hpp"
#include "dangyuan/core/errors.hpp"
#include "dangyuan/core/ids.hpp"

namespace dangyuan {

/// Kinds of party organisation.
enum class org_kind {
    higher_committee,      ///< 上级党委: a committee above the grassroots (county, district …)
    grassroots_committee,  ///< 基层党委
    working_committee,     ///< 党工委 (党的工作委员会)
    general_branch,        ///< 党总支
    branch,                ///< 党支部
    joint_branch,          ///< 联合党支部: several units with fewer than 3 full members each
    party_group,           ///< 党小组
};

template <>
struct enum_table<org_kind> {
    static constexpr std::string_view field = "kind";
    static constexpr std::string_view noun = "organisation kind";
    /// Codes are stable (storage, CSV); the Chinese name is parsed as well.
    static constexpr enum_row<org_kind> rows[] = {
        {org_kind::higher_committee, "higher_committee", "上级党委"},
        {org_kind::grassroots_committee, "grassroots_committee", "基层党委"},
        {org_kind::working_committee, "working_committee", "党工委"},
        {org_kind::general_branch, "general_branch", "党总支"},
        {org_kind::branch, "branch", "党支部"},
        {org_kind::joint_branch, "joint_branch", "联合党支部"},
        {org_kind::party_group, "party_group", "党小组"},
    };
};

/// Parses an org kind from its English code (`to_string`) or Chinese name (`chinese_name`).
/// \throws invalid_input{"kind"} naming the value when it is neither.
[[nodiscard]] inline org_kind parse_org_kind(std::string_view s) {
    return parse_enum_or_throw<org_kind>(s);
}

/// True for the kinds that hold members directly (branches and joint branches).
[[nodiscard]] constexpr bool is_branch(org_kind k) noexcept {
    return k == org_kind::branch || k == org_kind::joint_branch;
}
/// True for committees (they elect a committee for a term of 3-5 years, 党章 第31条).
[[nodiscard]] constexpr bool is_committee(org_kind k) noexcept {
    return k == org_kind::higher_committee || k == org_kind::grassroots_committee ||
           k == org_kind::working_committee;
}

/// A party organisation. Ids and versions are assigned by the store.
struct org_unit {
    org_id id;         ///< assigned by the store
    std::string name;  ///< full name, e.g. "城关街道第一社区党支部"
    org_kind kind = org_kind::branch;
    std::optional<org_id> parent;              ///< none only for a top-level committee
    date::sys_days established{};              ///< date the organisation was set up
    std::optional<date::sys_days> dissolved;   ///< date it was dissolved, if any
    bool village_or_community = false;         ///< village (村) or community (社区) branch: 5-year terms
    std::optional<date::sys_days> term_start;  ///< start of the current committee's term (换届 date)
    int term_years = 0;                        ///< term length in years; 0 = the default of the kind
    /// Units (单位) a joint branch (联合党支部) covers; 0 = not recorded. More than
    /// `rule_set::joint_branch_max_units` is a finding (org.joint_branch_max_5_units), not a refusal.
    int units = 0;
    std::int64_t version = 0;  ///< optimistic-concurrency version, assigned by the store

    /// True when the organisation exists on `d` (established on or before, not yet dissolved).
    [[nodiscard]] bool active_on(date::sys_days d) const noexcept {
        return established <= d && (!dissolved || d < *dissolved);
    }

    friend bool operator==(org_unit const&, org_unit const&) = default;
};

/// Roles in a branch or committee leadership (支部委员会 / 党委).
enum class officer_role {
    secretary,         ///< 书记
    deputy_secretary,  ///< 副书记
    committee_member,  ///< 委员 (组织委员, 宣传委员, 纪检委员 …)
};

template <>
struct enum_table<officer_role> {
    static constexpr std::string_view field = "role";
    static constexpr std::string_view noun = "officer role";
    static constexpr enum_row<officer_role> rows[] = {
        {officer_role::secretary, "secretary", "书记"},
        {officer_role::deputy_secretary, "deputy_secretary", "副书记"},
        {officer_role::committee_member, "committee_member", "委员"},
    };
};

/// Parses a role from its code or Chinese name.
/// \throws invalid_input{"role"} for an unknown role.
[[nodiscard]] inline officer_role parse_officer_role(std::string_view s) {
    return parse_enum_or_throw<officer_role>(s);
}

/// One seat of a leadership, with the portfolio as free text ("组织委员").
struct officer {
    member_id member;
    officer_role role = officer_role::committee_member;
    std::string portfolio;

    friend bool operator==(officer const&, officer const&) = default;
};

}  // namespace dangyuan
