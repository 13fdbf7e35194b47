#pragma once
/// \file
/// Commendations (两优一先): 优秀共产党员 (outstanding member), 优秀党务工作者 (outstanding party worker)
/// and 先进基层党组织 (advanced grassroots organisation), with their level and the body that awards them.
/// Local practice [L].
///
/// **Recipient.** The first two kinds go to a member, the third to an organisation; a commendation names
/// exactly one recipient of the right sort (invalid_input "member" or "org" otherwise). A member is
/// admitted and in normal standing on the date (commendation.member_in_good_standing: probationary
/// members included, the day of an exit excluded); an organisation exists on the date
/// (commendation.org_active: the day of its dissolution excluded).
///
/// **Link to the democratic evaluation.** A member commendation may cite the evaluation campaign
/// (民主评议党员) whose commendation and handling step (表彰和处理) recorded the follow-up 表扬
/// (`follow_up_kind::commended`) of that member; the follow-up must then be there, dated on or before the
/// commendation (commendation.follows_evaluation, `check_follows_evaluation`).

#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "dangyuan/core/calendar.hpp"
#include "dangyuan/core/enum_table.hpp"
#include "dangyuan/core/errors.hpp"
#include "dangyuan/core/ids.hpp"
#include "dangyuan/evaluation/campaign.hpp"
#include "dangyuan/member/member.hpp"
#include "dangyuan/member/standing.hpp"
#include "dangyuan/org/org.hpp"
#include "dangyuan/rules/catalogue.hpp"

namespace dangyuan {

struct commendation_tag;
/// A commendation (表彰) in the store.
using commendation_id = strong_id<commendation_tag>;

/// The three commendations of 两优一先.
enum class commendation_kind {
    outstanding_member,        ///< 优秀共产党员
    outstanding_party_worker,  ///< 优秀党务工作者
    advanced_organisation,     ///< 先进基层党组织
};

/// Number of commendation kinds.
inline constexpr std::size_t commendation_kind_count = 3;

template <>
struct enum_table<commendation_kind> {
    static constexpr std::string_view field = "kind";
    static constexpr std::string_view noun = "commendation kind";
    static constexpr enum_row<commendation_kind> rows[] = {
        {commendation_kind::outstanding_member, "outstanding_member", "优秀共产党员"},
        {commendation_kind::outstanding_party_worker, "outstanding_party_worker", "优秀党务工作者"},
        {commendation_kind::advanced_organisation, "advanced_organisation", "先进基层党组织"},
    };
};
static_assert(std::size(enum_table<commendation_kind>::rows) == commendation_kind_count);

/// True for the kinds awarded to a member (优秀共产党员, 优秀党务工作者).
[[nodiscard]] constexpr bool awarded_to_member(commendation_kind k) noexcept {
    return k != commendation_kind::advanced_organisation;
}

/// The level of a commendation: the awarding organisation's own (a street or grassroots committee, say),
/// or the district, city, province or nation.
enum class commendation_level {
    awarding_org,  ///< 本级: by the awarding organisation itself
    district,      ///< 区(县)级
    city,          ///< 市级
    province,      ///< 省级
    national,      ///< 全国
};

/// Number of commendation levels.
inline constexpr std::size_t commendation_level_count = 5;

template <>
struct enum_table<commendation_level> {
    static constexpr std::string_view field = "level";
    static constexpr std::string_view noun = "commendation level";
    static constexpr enum_row<commendation_level> rows[] = {
        {commendation_level::awarding_org, "awarding_org", "本级"},
        {commendation_level::district, "district", "区县级"},
        {commendation_level::city, "city", "市级"},
        {commendation_level::province, "province", "省级"},
        {commendation_level::national, "national", "全国"},
    };
};
static_assert(std::size(enum_table<commendation_level>::rows) == commendation_level_count);

/// A commendation. `awarded_by` is the awarding body as named in its decision (中共XX区委): the higher
/// bodies of a city, province or the nation are not organisations of the store.
struct commendation {
    commendation_id id;
    commendation_kind kind = commendation_kind::outstanding_member;
    commendation_level level = commendation_level::awarding_org;
    date::sys_days date{};
    std::string awarded_by;               ///< the awarding body, required
    std::optional<member_id> member;      ///< the member commended (the first two kinds)
    std::optional<org_id> org;            ///< the organisation commended (先进基层党组织)
    std::optional<campaign_id> campaign;  ///< the evaluation campaign whose follow-up it is, if any
    std::string note;                     ///< e.g. the document (表彰决定文号)
    // Filled in by the store on read:
    org_id recipient_org;        ///< the organisation commended, or the member's branch when recorded
    std::string recipient_name;  ///< the member's or the organisation's name

    friend bool operator==(commendation const&, commendation const&) = default;
};

/// Checks the form of `c`: an awarding body, and exactly the recipient its kind takes; an organisation
/// commendation cites no campaign.
/// \throws invalid_input ("awarded_by", "member", "org", "campaign").
inline void check_commendation_form(commendation const& c) {
    if (c.awarded_by.empty()) throw invalid_input("awarded_by", "the awarding body (授予单位) is not named");
    auto const what = std::string(chinese_name(c.kind)) + " (" + std::string(to_string(c.kind)) + ")";
    if (awarded_to_member(c.kind)) {
        if (!c.member) throw invalid_input("member", what + " is awarded to a member: name the member");
        if (c.org) throw invalid_input("org", what + " is awarded to a member, not to an organisation");
        return;
    }
    if (!c.org) throw invalid_input("org", what + " is awarded to an organisation: name the organisation");
    if (c.member) throw invalid_input("member", what + " is awarded to an organisation, not to a member");
    if (c.campaign)
        throw invalid_input("campaign", "an evaluation campaign grades members, not organisations");
}

/// Checks that member `m`, with standing `standing_then` on the date of `c`, may be commended
/// (commendation.member_in_good_standing): admitted on or before the date, in normal standing on it.
/// \throws rule_violation commendation.member_in_good_standing.
inline void check_commended_member(commendation const& c, member const& m,
                                   std::optional<standing> standing_then) {
    auto const on = format_date(c.date);
    if (!m.status_on(c.date))
        throw violation(
            "commendation.member_in_good_standing",
            m.name + " is not yet a member on " + on + " (admitted " + format_date(m.admission_date) + ")");
    if (!standing_then || standing_then->state != standing_state::normal)
        throw violation(
            "commendation.member_in_good_standing",
            m.name + " is not in normal standing on " + on + " (" +
                std::string(to_string(standing_then ? standing_then->state : standing_state::exited)) +
                (standing_then && standing_then->since ? " since " + format_date(*standing_then->since)
                                                       : std::string()) +
                ")");
}

/// Checks that organisation `o` may be commended on the date of `c` (commendation.org_active).
/// \throws rule_violation commendation.org_active.
inline void check_commended_org(commendation const& c, org_unit const& o) {
    if (!o.active_on(c.date))
        throw violation("commendation.org_active",
                        "'" + o.name + "' does not exist on " + format_date(c.date) + " (established " +
                            format_date(o.established) +
                            (o.dissolved ? ", dissolved " + format_date(*o.dissolved) : std::string()) + ")");
}

/// The date of the first follow-up 表扬 (commended) of `member` that campaign `c` records on or before
/// `on`, or nothing.
[[nodiscard]] inline std::optional<date::sys_days> commended_follow_up(campaign const& c, member_id member,
                                                                       date::sys_days on) {
    for (auto const& r : c.records)
        if (auto const* f = std::get_if<follow_up>(&r);
            f && f->member == member && f->kind == follow_up_kind::commended && f->date <= on)
            return f->date;
    return std::nullopt;
}

/// Checks the link of a member commendation `c` to the campaign `camp` it cites
/// (commendation.follows_evaluation): the campaign records the follow-up 表扬 of the member, dated on or
/// before the commendation.
/// \throws rule_violation commendation.follows_evaluation.
inline void check_follows_evaluation(commendation const& c, campaign const& camp) {
    if (!c.member) return;
    if (commended_follow_up(camp, *c.member, c.date)) return;
    throw violation("commendation.follows_evaluation",
                    "the evaluation campaign " + std::to_string(camp.id.value()) + " of '" + camp.org_name +
                        "' for " + std::to_string(camp.year) +
                        " records no follow-up 表扬 (commended) of member " +
                        std::to_string(c.member->value()) + " on or before " + format_date(c.date));
}

}  // namespace dangyuan
