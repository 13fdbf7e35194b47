#pragma once
/// \file
/// The rule catalogue: every rule the library enforces, with a stable id and its citation.
///
/// `docs/rules.md` is the human-readable form of this table; a unit test checks that both list the
/// same ids with the same citations. Rule ids are stable: a rule that changes meaning gets a new id.

#include <algorithm>
#include <array>
#include <span>
#include <string>
#include <string_view>

#include "dangyuan/core/errors.hpp"

namespace dangyuan {

/// How firmly a rule is established (see the reference notes).
enum class confidence {
    confirmed,    ///< [C] the rule text and its article are quoted by a public page
    secondary,    ///< [S] content confirmed by secondary pages, article number missing or inferred
    local,        ///< [L] local practice only: configurable, never a national default
    unconfirmed,  ///< [U] unconfirmed or conflicting sources: documented as such
    third_party,  ///< [T] consensus of several independent implementations of a standard
};

/// The tag as written in the catalogue, e.g. "[C]".
[[nodiscard]] constexpr std::string_view tag(confidence c) noexcept {
    switch (c) {
        case confidence::confirmed:
            return "[C]";
        case confidence::secondary:
            return "[S]";
        case confidence::local:
            return "[L]";
        case confidence::unconfirmed:
            return "[U]";
        case confidence::third_party:
            return "[T]";
    }
    return "[?]";
}

/// One rule of the catalogue.
struct rule_info {
    std::string_view id;        ///< stable id, `<domain>.<name>`
    std::string_view document;  ///< the source document, short Chinese title with year
    std::string_view article;   ///< article or section, "" when the source gives none
    confidence tag;             ///< confidence of the citation
    std::string_view summary;   ///< one-line English statement of the rule
};

/// The citation as printed in messages and the catalogue: "document article [tag]".
[[nodiscard]] inline std::string citation(rule_info const& r) {
    std::string out{r.document};
    if (!r.article.empty()) out.append(" ").append(r.article);
    out.append(" ").append(tag(r.tag));
    return out;
}

namespace detail {
using c = confidence;
// clang-format off
inline constexpr rule_info rule_table[] = {
    // --- calendar and dates
    {"cal.month_end_clamp", "民法典(2020)", "第202条", c::confirmed,
     "a period of N months ends on the same day-of-month N months later, or the last day of that month when it has no such day"},
    {"cal.age_birthday", "民法典(2020)", "第202条", c::secondary,
     "a person reaches age N on the N-th anniversary of birth; a 29 Feb birthday falls on 28 Feb in common years"},
    {"cal.working_days_official", "国务院办公厅 部分节假日安排的通知 (2020-2026)", "", c::confirmed,
     "working days follow the official holiday and make-up-workday (调休) calendar of each year"},
    // --- citizen ID numbers
    {"id.gb11643_format", "GB 11643-1999", "4", c::confirmed,
     "an ID number has 17 digits and a check character (0-9 or X)"},
    {"id.gb11643_checksum", "GB 11643-1999", "ISO 7064 MOD 11-2", c::confirmed,
     "the 18th character is the MOD 11-2 check character of the first 17 digits"},
    {"id.gb11643_birth_date", "GB 11643-1999", "4.3", c::confirmed,
     "digits 7-14 are a real birth date YYYYMMDD"},
    {"id.gb11643_province", "GB/T 2260", "", c::confirmed,
     "digits 1-2 are a province-level division code"},
    {"id.gb11643_legacy_15", "GB 11643-1989", "", c::confirmed,
     "15-digit legacy numbers are converted to 18 digits by inserting the century 19 and the check character"},
    {"member.id_number_consistent", "GB 11643-1999", "4.3-4.4", c::confirmed,
     "a member's birth date and sex agree with the ID number"},
    // --- members and standing
    {"member.min_age_18", "中国共产党章程(2022)", "第1条", c::confirmed,
     "a person must have reached 18 on the date of application to join"},
    {"member.probation_1_year", "中国共产党章程(2022)", "第7条", c::confirmed,
     "the full-member date is the end of the one-year probation, or of an extension of 6-12 months"},
    {"standing.transitions", "中国共产党党员教育管理工作条例(2019)", "第24条", c::confirmed,
     "membership standing changes only along the legal transitions (normal, suspended, restored, exits)"},
    {"standing.final_exits", "中国共产党党员教育管理工作条例(2019)", "第24条", c::confirmed,
     "members removed, persuaded to withdraw, self-withdrawn, withdrawn or expelled cannot be restored"},
    {"standing.probation_cancel", "中国共产党发展党员工作细则(2014)", "第32-33条", c::confirmed,
     "only a probationary member's status can be cancelled (取消预备党员资格)"},
    {"standing.no_persuasion_of_probationary", "中国共产党发展党员工作细则(2014)", "", c::secondary,
     "probationary members are not persuaded to withdraw (劝退); extension or cancellation applies instead"},
    {"standing.party_age_from_full", "中国共产党章程(2022)", "第7条", c::confirmed,
     "party age (党龄) counts from the full-member date, the end of probation"},
    {"standing.party_age_suspension", "中组部 留学回国人员党员恢复组织生活的规定", "", c::secondary,
     "after restoration, party age counts continuously through the suspended period; a profile may exclude it"},
    // --- organisations
    {"org.branch_min_3_full", "中国共产党支部工作条例（试行）(2018)", "第4条", c::confirmed,
     "a branch is set up where there are at least 3 full members; fewer form a joint branch"},
    {"org.branch_max_50", "中国共产党支部工作条例（试行）(2018)", "第4条", c::confirmed,
     "a branch generally has no more than 50 members (advisory)"},
    {"org.committee_threshold_7", "中国共产党支部工作条例（试行）(2018)", "第20条", c::confirmed,
     "a branch with 7 or more full members has a committee; fewer have a secretary and at most one deputy"},
    {"org.committee_size", "中国共产党支部工作条例（试行）(2018)", "第20条", c::confirmed,
     "a branch committee has 3-5 members, generally no more than 7"},
    {"org.term_length", "中国共产党支部工作条例（试行）(2018)", "第21条", c::secondary,
     "branch committees serve 3 years, village and community branches 5; higher committees 3-5 (党章 第31条)"},
    {"org.term_expiry_notice", "local practice (换届提醒)", "", c::local,
     "a term expiry appears on the agenda a configurable number of months ahead (default 3)"},
    {"org.officers_full_members", "中国共产党基层组织选举工作条例(2020)", "第5条", c::confirmed,
     "only full members of the organisation may be elected to its leadership"},
    {"org.tree_structure", "中国共产党章程(2022)", "第30条", c::secondary,
     "party groups sit under branches; branches under general branches or committees"},
};
// clang-format on
}  // namespace detail

/// Every rule the library knows, in catalogue order.
[[nodiscard]] constexpr std::span<rule_info const> rule_catalogue() noexcept {
    return detail::rule_table;
}

/// The rule with the given id.
/// \throws not_found when no rule has that id.
[[nodiscard]] inline rule_info const& find_rule(std::string_view id) {
    auto const rules = rule_catalogue();
    auto it = std::find_if(rules.begin(), rules.end(), [&](rule_info const& r) { return r.id == id; });
    if (it == rules.end()) throw not_found("no rule with id '" + std::string(id) + "'");
    return *it;
}

/// Builds the `rule_violation` for a rule of the catalogue, with its citation.
/// \pre `id` names a catalogue rule (otherwise not_found is thrown instead).
[[nodiscard]] inline rule_violation violation(std::string_view id, std::string const& message) {
    auto const& r = find_rule(id);
    return rule_violation(std::string(r.id), citation(r), message);
}

}  // namespace dangyuan
