#pragma once
/// \file
/// Who may see and change what (权限): permissions, roles as named permission sets, and the principal
/// of a store handle — an actor with a role over one organisation's subtree (一级抓一级).
///
/// The store enforces them on every public call (docs/security.md, "Roles and permissions"): a read
/// returns only what the principal's subtree holds, a write outside it or without the permission throws
/// `access_denied` and is recorded in the audit trail. A handle opened without a principal acts for the
/// organisation department over the whole store (the behaviour of a single-user store).

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dangyuan/core/enum_table.hpp"
#include "dangyuan/core/errors.hpp"
#include "dangyuan/core/ids.hpp"

namespace dangyuan {

/// What a principal may do. Each public store call needs one of them for the organisation it concerns.
enum class permission {
    read_roster,      ///< 查阅: members, cases, episodes, campaigns, meetings, agenda, statistics
    write_roster,     ///< 维护党员信息: add and change members, standing events, probations
    run_development,  ///< 发展党员: open cases and record the branch's steps
    approve_as_higher_committee,  ///< 上级党委审批: filing of activists, 预审, approval of
                                  ///< admission/conversion
    run_evaluations,              ///< 民主评议及处置: campaigns, ballots, grades, dispositions
    organisational_life,          ///< 组织生活: meetings (三会一课), training, dues
    manage_mobility,              ///< 流动党员管理: episodes, certificates, transfers, contact, abroad
    unmasked_personal_data,  ///< 查看未脱敏个人信息: full ID numbers, birth dates, phones, addresses
    export_data,             ///< 导出: rosters and reports written to files
    manage_organisations,    ///< 管理党组织: add and change organisations, their leadership
    manage_profiles,         ///< 管理规则配置: local profiles, holiday calendars, certificate numbering
    read_audit,              ///< 查阅审计记录: read and verify the audit trail
};

template <>
struct enum_table<permission> {
    static constexpr std::string_view field = "permission";
    static constexpr std::string_view noun = "permission";
    static constexpr enum_row<permission> rows[] = {
        {permission::read_roster, "read_roster", "查阅党员信息"},
        {permission::write_roster, "write_roster", "维护党员信息"},
        {permission::run_development, "run_development", "发展党员"},
        {permission::approve_as_higher_committee, "approve_as_higher_committee", "上级党委审批"},
        {permission::run_evaluations, "run_evaluations", "民主评议及处置"},
        {permission::organisational_life, "organisational_life", "组织生活"},
        {permission::manage_mobility, "manage_mobility", "流动党员管理"},
        {permission::unmasked_personal_data, "unmasked_personal_data", "查看未脱敏个人信息"},
        {permission::export_data, "export_data", "导出"},
        {permission::manage_organisations, "manage_organisations", "管理党组织"},
        {permission::manage_profiles, "manage_profiles", "管理规则配置"},
        {permission::read_audit, "read_audit", "查阅审计记录"},
    };
};

/// A set of permissions (a bit per permission).
class permission_set {
public:
    constexpr permission_set() noexcept = default;
    constexpr permission_set(std::initializer_list<permission> ps) noexcept {
        for (auto p : ps)
            bits_ |= bit(p);
    }
    /// Every permission.
    [[nodiscard]] static constexpr permission_set all() noexcept {
        permission_set s;
        for (auto const& r : enum_table<permission>::rows)
            s.bits_ |= bit(r.value);
        return s;
    }
    [[nodiscard]] constexpr bool contains(permission p) const noexcept { return (bits_ & bit(p)) != 0; }
    /// This set with `p` added.
    [[nodiscard]] constexpr permission_set with(permission p) const noexcept {
        permission_set s = *this;
        s.bits_ |= bit(p);
        return s;
    }
    /// This set without `p`.
    [[nodiscard]] constexpr permission_set without(permission p) const noexcept {
        permission_set s = *this;
        s.bits_ &= ~bit(p);
        return s;
    }
    /// The permissions, in enumerator order.
    [[nodiscard]] std::vector<permission> list() const {
        std::vector<permission> out;
        for (auto const& r : enum_table<permission>::rows)
            if (contains(r.value)) out.push_back(r.value);
        return out;
    }
    friend constexpr bool operator==(permission_set, permission_set) noexcept = default;

private:
    static constexpr std::uint32_t bit(permission p) noexcept { return 1u << static_cast<unsigned>(p); }
    std::uint32_t bits_ = 0;
};

/// A named set of permissions (角色). The five built-in roles below cover the usual posts; a department
/// may define its own by naming another set.
struct role {
    std::string name;  ///< e.g. "branch_secretary"; recorded in the audit trail
    permission_set permissions;

    /// 组织部门: everything, usually over the whole store.
    [[nodiscard]] static role organisation_department() {
        return {"organisation_department", permission_set::all()};
    }
    /// 党委 / 党工委 / 党总支: everything in its subtree but local profiles and the audit trail.
    [[nodiscard]] static role party_committee() {
        return {"party_committee",
                permission_set::all().without(permission::manage_profiles).without(permission::read_audit)};
    }
    /// 党支部书记 or 组织委员: the branch's own work; not the higher committee's steps, not organisations.
    [[nodiscard]] static role branch_secretary() {
        return {"branch_secretary",
                {permission::read_roster, permission::write_roster, permission::run_development,
                 permission::run_evaluations, permission::organisational_life, permission::manage_mobility,
                 permission::unmasked_personal_data, permission::export_data}};
    }
    /// 数据分析: reads and exports, personal data masked, no writes.
    [[nodiscard]] static role analyst() {
        return {"analyst", {permission::read_roster, permission::export_data}};
    }
    /// 审计: reads and verifies the audit trail only.
    [[nodiscard]] static role auditor() { return {"auditor", {permission::read_audit}}; }

    friend bool operator==(role const&, role const&) = default;
};

/// The built-in roles, in the order above.
[[nodiscard]] inline std::vector<role> built_in_roles() {
    return {role::organisation_department(), role::party_committee(), role::branch_secretary(),
            role::analyst(), role::auditor()};
}

/// The built-in role of that name.
/// \throws invalid_input{"role"} naming the built-in roles for any other name.
[[nodiscard]] inline role built_in_role(std::string_view name) {
    for (auto& r : built_in_roles())
        if (r.name == name) return r;
    std::string known;
    for (auto const& r : built_in_roles())
        known += (known.empty() ? "" : ", ") + r.name;
    throw invalid_input("role", "unknown role '" + std::string(name) + "' (built in: " + known + ")");
}

/// Who acts through a store handle: the actor recorded in the audit trail, the role, and the root of the
/// organisation subtree the role covers (none: the whole store).
struct principal {
    std::string actor;
    dangyuan::role role;
    std::optional<org_id> org;  ///< the subtree's root; none: every organisation of the store

    /// The organisation department over the whole store: what a handle without a principal acts as.
    [[nodiscard]] static principal full_access(std::string actor = "system") {
        return {std::move(actor), role::organisation_department(), std::nullopt};
    }
    /// `role@org` (or the role alone for the whole store), as the audit trail and `--as` write it.
    [[nodiscard]] std::string label() const {
        return role.name + (org ? "@" + std::to_string(org->value()) : std::string());
    }
    [[nodiscard]] bool may(permission p) const noexcept { return role.permissions.contains(p); }

    friend bool operator==(principal const&, principal const&) = default;
};

/// Reads `ROLE@ORG` (ORG an organisation id) or `ROLE` (the whole store) with a built-in role, as the
/// command line's `--as` and the `DANGYUAN_AS` environment variable give it.
/// \throws invalid_input{"role"} for an unknown role; invalid_input{"org"} when ORG is not a positive id.
[[nodiscard]] inline principal parse_principal(std::string_view text, std::string actor) {
    auto const at = text.find('@');
    principal p{std::move(actor), built_in_role(text.substr(0, at)), std::nullopt};
    if (at == std::string_view::npos) return p;
    auto const org = text.substr(at + 1);
    std::int64_t v = 0;
    bool ok = !org.empty() && org.size() < 18;
    for (char c : org) {
        if (c < '0' || c > '9') ok = false;
        v = v * 10 + (c - '0');
    }
    if (!ok || v <= 0)
        throw invalid_input("org", "'" + std::string(org) +
                                       "' is not an organisation id (ROLE@ORG, e.g. branch_secretary@12)");
    p.org = org_id{v};
    return p;
}

}  // namespace dangyuan
