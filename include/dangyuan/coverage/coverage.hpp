#pragma once
/// \file
/// Party coverage of the units of the new sectors (两新组织党建覆盖): a register of units (单位) with their
/// sector, unified social credit code and the street or organisation responsible for them; which party
/// organisation covers a unit (单独组建: a branch of its own; 联合组建: a joint branch, 联合党支部, covering
/// several units); party-building instructors sent to a unit without an organisation (选派党建指导员);
/// and the members working in a unit. The statistics count units with an organisation (有形覆盖) and
/// those whose organisation keeps up its organisational life (有效覆盖).
///
/// The rules are local practice [L] (`coverage.*`, 区2020年组织工作要点 第11项), except the format of the
/// credit code (GB 32100-2015) and the national rule that 3 full members set up a branch
/// (org.branch_min_3_full); the deadline for doing so is the parameter `coverage.establish_months`
/// (rules/params_coverage.hpp).
///
/// **Days.** A unit exists from `registered_on` up to the day before `closed_on` (like an organisation's
/// `dissolved`). Links (coverage, instructors, a member's unit) hold from their first day to their last
/// day `to`, both included; an open link has no last day.
///
/// The functions are pure: they judge a new record against what is recorded and throw; the store
/// (storage/coverage_store.hpp) loads the history, calls them and writes only when they pass.

#include <date/date.h>

#include <algorithm>
#include <array>
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

struct unit_tag;
/// A unit (单位) of the coverage register.
using unit_id = strong_id<unit_tag>;
struct coverage_link_tag;
/// An organisation's coverage of a unit (党组织覆盖单位).
using coverage_link_id = strong_id<coverage_link_tag>;
struct instructor_tag;
/// A party-building instructor's assignment to a unit (选派党建指导员).
using instructor_id = strong_id<instructor_tag>;
struct member_unit_tag;
/// A member's work in a unit of the register (党员所在单位).
using member_unit_id = strong_id<member_unit_tag>;

/// The sector of a unit (单位类别). The first four are the new sectors (两新组织): non-public enterprises
/// (新经济组织) and the three kinds of social organisation (新社会组织).
enum class unit_sector {
    non_public_enterprise,   ///< 非公有制企业
    social_group,            ///< 社会团体 (社会组织)
    private_non_enterprise,  ///< 民办非企业单位 (社会服务机构, 社会组织)
    foundation,              ///< 基金会 (社会组织)
    state_owned_enterprise,  ///< 国有企业
    public_institution,      ///< 事业单位
    government_agency,       ///< 机关
    village_community,       ///< 村（社区）
    other,                   ///< 其他
};

/// Codes are the enumerator names; the Chinese names are read too (parse_enum).
template <>
struct enum_table<unit_sector> {
    static constexpr std::string_view field = "sector";
    static constexpr std::string_view noun = "unit sector";
    static constexpr enum_row<unit_sector> rows[] = {
        {unit_sector::non_public_enterprise, "non_public_enterprise", "非公有制企业"},
        {unit_sector::social_group, "social_group", "社会团体"},
        {unit_sector::private_non_enterprise, "private_non_enterprise", "民办非企业单位"},
        {unit_sector::foundation, "foundation", "基金会"},
        {unit_sector::state_owned_enterprise, "state_owned_enterprise", "国有企业"},
        {unit_sector::public_institution, "public_institution", "事业单位"},
        {unit_sector::government_agency, "government_agency", "机关"},
        {unit_sector::village_community, "village_community", "村（社区）"},
        {unit_sector::other, "other", "其他"},
    };
};

/// The number of sectors (the size of the per-sector arrays of the statistics).
inline constexpr std::size_t unit_sector_count = std::size(enum_table<unit_sector>::rows);

/// True for the new sectors (两新组织): non-public enterprises and social organisations.
[[nodiscard]] constexpr bool is_new_sector(unit_sector s) noexcept {
    return s == unit_sector::non_public_enterprise || s == unit_sector::social_group ||
           s == unit_sector::private_non_enterprise || s == unit_sector::foundation;
}

/// How an organisation covers a unit (组建方式): derived from the organisation's kind when the link is
/// recorded.
enum class coverage_form {
    own,    ///< 单独组建: an organisation of the unit's own
    joint,  ///< 联合组建: a joint branch (联合党支部) covering several units
};

template <>
struct enum_table<coverage_form> {
    static constexpr std::string_view field = "form";
    static constexpr std::string_view noun = "coverage form";
    static constexpr enum_row<coverage_form> rows[] = {
        {coverage_form::own, "own", "单独组建"},
        {coverage_form::joint, "joint", "联合组建"},
    };
};

/// A unit of the register (单位).
struct unit_record {
    unit_id id;                               ///< assigned by the store
    std::string name;                         ///< 单位名称; required
    std::string credit_code;                  ///< 统一社会信用代码, 18 characters (GB 32100-2015)
    unit_sector sector = unit_sector::other;  ///< 单位类别
    org_id responsible;              ///< the street or organisation responsible (属地/主管党组织)
    date::sys_days registered_on{};  ///< the day the unit is recorded as existing from
    std::optional<date::sys_days> closed_on;  ///< the day it closed (注销): it no longer exists that day
    std::string note;

    /// True when the unit exists on `d`.
    [[nodiscard]] bool exists_on(date::sys_days d) const noexcept {
        return registered_on <= d && (!closed_on || d < *closed_on);
    }

    friend bool operator==(unit_record const&, unit_record const&) = default;
};

/// The employees of a unit counted on a day (从业人员数).
struct unit_headcount {
    unit_id unit;
    date::sys_days on{};
    int employees = 0;  ///< 0 or more

    friend bool operator==(unit_headcount const&, unit_headcount const&) = default;
};

/// An organisation covering a unit (党组织覆盖), from `from` to `to` (both included).
struct coverage_link {
    coverage_link_id id;
    unit_id unit;
    org_id org;
    coverage_form form = coverage_form::own;  ///< set by the store from the organisation's kind
    date::sys_days since{};
    std::optional<date::sys_days> until;
    std::string note;

    /// True when the link holds on `d`.
    [[nodiscard]] bool covers(date::sys_days d) const noexcept {
        return since <= d && (!until || d <= *until);
    }

    friend bool operator==(coverage_link const&, coverage_link const&) = default;
};

/// A party-building instructor sent to a unit (选派党建指导员), from `from` to `to`.
struct instructor_assignment {
    instructor_id id;
    unit_id unit;
    std::string instructor;           ///< the instructor's name; required
    std::optional<member_id> member;  ///< the instructor as a member of the store, when one
    date::sys_days since{};
    std::optional<date::sys_days> until;
    std::string note;

    [[nodiscard]] bool covers(date::sys_days d) const noexcept {
        return since <= d && (!until || d <= *until);
    }

    friend bool operator==(instructor_assignment const&, instructor_assignment const&) = default;
};

/// A member working in a unit of the register, from `from` to `to`.
struct member_unit_link {
    member_unit_id id;
    member_id member;
    unit_id unit;
    date::sys_days since{};
    std::optional<date::sys_days> until;

    [[nodiscard]] bool covers(date::sys_days d) const noexcept {
        return since <= d && (!until || d <= *until);
    }

    friend bool operator==(member_unit_link const&, member_unit_link const&) = default;
};

// ---------------------------------------------------------------------------------------------------
// Unified social credit code (统一社会信用代码), GB 32100-2015

/// The characters of a credit code, by value 0..30 (no I, O, S, V, Z).
inline constexpr std::string_view credit_code_alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/// The value of `c` in the code's alphabet, or -1.
[[nodiscard]] constexpr int credit_code_value(char c) noexcept {
    auto const p = credit_code_alphabet.find(c);
    return p == std::string_view::npos ? -1 : static_cast<int>(p);
}

/// The check character (position 18) of the first 17 characters `first17`, or '\0' when they are not
/// 17 characters of the alphabet. Weights W_i = 3^(i-1) mod 31; C18 = 31 - (Σ C_i·W_i mod 31), 31 → 0.
[[nodiscard]] constexpr char credit_code_check_character(std::string_view first17) noexcept {
    if (first17.size() != 17) return '\0';
    int sum = 0, weight = 1;
    for (char c : first17) {
        int const v = credit_code_value(c);
        if (v < 0) return '\0';
        sum += v * weight;
        weight = weight * 3 % 31;
    }
    return credit_code_alphabet[static_cast<std::size_t>((31 - sum % 31) % 31)];
}

/// Checks a unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters; positions 1-2
/// (registration authority and kind) and 9-18 from the alphabet `credit_code_alphabet`, positions 3-8
/// (the administrative division) digits; position 18 the MOD 31 check character. Upper case only:
/// callers normalise input (`normalise_credit_code`). The inner check digit of the organisation code
/// (positions 9-17, GB 11714) is not checked.
/// \throws rule_violation coverage.credit_code_gb32100 naming what is wrong.
inline void check_credit_code(std::string_view code) {
    auto fail = [&](std::string const& what) {
        throw violation("coverage.credit_code_gb32100",
                        "unified social credit code (统一社会信用代码) '" + std::string(code) + "': " + what);
    };
    if (code.size() != 18) fail("has " + std::to_string(code.size()) + " characters, not 18");
    for (std::size_t i = 0; i < code.size(); ++i) {
        bool const ok =
            i >= 2 && i < 8 ? (code[i] >= '0' && code[i] <= '9') : credit_code_value(code[i]) >= 0;
        if (!ok)
            fail(
                "position " + std::to_string(i + 1) + " '" + std::string(1, code[i]) + "' is not " +
                (i >= 2 && i < 8 ? "a digit (administrative division)" : "one of 0-9 A-Y without I O S V Z"));
    }
    auto const expected = credit_code_check_character(code.substr(0, 17));
    if (code[17] != expected)
        fail("the check character is '" + std::string(1, code[17]) + "', the first 17 give '" +
             std::string(1, expected) + "'");
}

/// `code` without surrounding spaces, in upper case.
[[nodiscard]] inline std::string normalise_credit_code(std::string_view code) {
    while (!code.empty() && (code.front() == ' ' || code.front() == '\t'))
        code.remove_prefix(1);
    while (!code.empty() && (code.back() == ' ' || code.back() == '\t'))
        code.remove_suffix(1);
    std::string out(code);
    for (auto& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

// ---------------------------------------------------------------------------------------------------
// Checks of new records

/// Checks a new unit (not its code's uniqueness, which the store checks).
/// \throws invalid_input{"name"} when empty; rule_violation coverage.credit_code_gb32100;
///         coverage.end_after_start when a closing day is given on or before the first day.
inline void check_unit(unit_record const& u) {
    if (u.name.empty()) throw invalid_input("name", "a unit has a name (单位名称)");
    check_credit_code(u.credit_code);
    if (u.closed_on && *u.closed_on <= u.registered_on)
        throw violation("coverage.end_after_start",
                        "'" + u.name + "' closes on " + format_date(*u.closed_on) +
                            ", not after it was recorded (" + format_date(u.registered_on) + ")");
}

/// Checks that no other unit of the register has the credit code of `u` (`holder`: the unit that has it
/// already, if any).
/// \throws rule_violation coverage.credit_code_unique.
inline void check_credit_code_unique(unit_record const& u, std::optional<unit_record> const& holder) {
    if (holder && holder->id != u.id)
        throw violation("coverage.credit_code_unique",
                        "the credit code " + u.credit_code + " is already unit " +
                            std::to_string(holder->id.value()) + " '" + holder->name + "'");
}

/// Checks that a link beginning on `from` may be recorded for `u`.
/// \throws rule_violation coverage.link_within_existence when `u` does not exist on `from`.
inline void check_unit_exists(unit_record const& u, date::sys_days from, std::string_view what) {
    if (!u.exists_on(from))
        throw violation("coverage.link_within_existence",
                        std::string(what) + " begins on " + format_date(from) + ", when '" + u.name +
                            "' does not exist (recorded from " + format_date(u.registered_on) +
                            (u.closed_on ? ", closed on " + format_date(*u.closed_on) : std::string()) + ")");
}

/// True for the kinds of organisation that cover units: a branch, joint branch, general branch or
/// grassroots committee (not a committee above the grassroots, a working committee or a party group).
[[nodiscard]] constexpr bool covers_units(org_kind k) noexcept {
    return k == org_kind::branch || k == org_kind::joint_branch || k == org_kind::general_branch ||
           k == org_kind::grassroots_committee;
}

/// The form of a coverage by an organisation of kind `k`.
[[nodiscard]] constexpr coverage_form form_of(org_kind k) noexcept {
    return k == org_kind::joint_branch ? coverage_form::joint : coverage_form::own;
}

/// Checks that `o` may cover `u` from `from`, given the unit's coverage links so far.
/// \throws rule_violation coverage.covering_org_kind, coverage.link_within_existence (the unit or the
///         organisation does not exist on `from`), coverage.one_organisation (a link of the unit holds
///         on or after `from`).
inline void check_coverage(unit_record const& u, org_unit const& o, date::sys_days from,
                           std::span<coverage_link const> earlier) {
    if (!covers_units(o.kind))
        throw violation("coverage.covering_org_kind",
                        "'" + o.name + "' is a " + std::string(chinese_name(o.kind)) +
                            "; a branch, joint branch, general branch or grassroots committee covers a unit");
    check_unit_exists(u, from, "the coverage by '" + o.name + "'");
    if (!o.active_on(from))
        throw violation("coverage.link_within_existence",
                        "'" + o.name + "' does not exist on " + format_date(from));
    for (auto const& l : earlier)
        if (!l.until || *l.until >= from)
            throw violation("coverage.one_organisation",
                            "'" + u.name + "' is covered by another organisation from " +
                                format_date(l.since) +
                                (l.until ? " to " + format_date(*l.until) : std::string(", still open")) +
                                " (coverage " + std::to_string(l.id.value()) + "); end it first");
}

/// Checks an instructor's assignment to `u`.
/// \throws invalid_input{"instructor"} when the name is empty; rule_violation
///         coverage.link_within_existence.
inline void check_instructor(unit_record const& u, instructor_assignment const& a) {
    if (a.instructor.empty()) throw invalid_input("instructor", "name the instructor (党建指导员)");
    check_unit_exists(u, a.since, "the instructor's assignment");
}

/// Checks that member `m` works in `u` from `from`, given the member's links so far.
/// \throws rule_violation coverage.link_within_existence, coverage.member_one_unit (a link of the member
///         holds on or after `from`).
inline void check_member_unit(unit_record const& u, date::sys_days from,
                              std::span<member_unit_link const> earlier) {
    check_unit_exists(u, from, "the member's work in the unit");
    for (auto const& l : earlier)
        if (!l.until || *l.until >= from)
            throw violation("coverage.member_one_unit",
                            "the member works in another unit of the register from " + format_date(l.since) +
                                (l.until ? " to " + format_date(*l.until) : std::string(", still open")) +
                                " (link " + std::to_string(l.id.value()) + "); end it first");
}

/// Checks the end of a link that began on `from` (and is open unless `to`) on `on`, its last day.
/// \throws invalid_input{field} when it has ended already; rule_violation coverage.end_after_start
///         unless `on` is on or after its first day.
inline void check_link_end(std::string_view field, date::sys_days from, std::optional<date::sys_days> to,
                           date::sys_days on) {
    if (to)
        throw invalid_input(std::string(field), std::string(field) + " already ended on " + format_date(*to));
    if (on < from)
        throw violation("coverage.end_after_start", std::string(field) + " began on " + format_date(from) +
                                                        "; its last day is not before that, not " +
                                                        format_date(on));
}

/// Checks the closing of `u` on `on`, given the last days of its links (nothing for one still open).
/// \throws invalid_input{"unit"} when it has closed already; rule_violation coverage.end_after_start
///         (not after its first day), coverage.close_without_open_links (a link is open or ends on or
///         after `on`).
inline void check_unit_closing(unit_record const& u, date::sys_days on,
                               std::span<std::optional<date::sys_days> const> link_ends) {
    if (u.closed_on)
        throw invalid_input("unit", "'" + u.name + "' closed already on " + format_date(*u.closed_on));
    if (on <= u.registered_on)
        throw violation("coverage.end_after_start", "'" + u.name + "' was recorded on " +
                                                        format_date(u.registered_on) +
                                                        "; it closes on a later day, not " + format_date(on));
    for (auto const& e : link_ends)
        if (!e || *e >= on)
            throw violation("coverage.close_without_open_links",
                            "'" + u.name + "' still has a coverage, instructor or member link " +
                                (e ? "up to " + format_date(*e) : std::string("open")) +
                                "; end the links before the day it closes (" + format_date(on) + ")");
}

}  // namespace dangyuan
