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

#include "dangyuan/core/enum_table.hpp"
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

/// Codes are the tags as written in the catalogue, e.g. "[C]".
template <>
struct enum_table<confidence> {
    static constexpr std::string_view field = "confidence";
    static constexpr std::string_view noun = "confidence tag";
    static constexpr enum_row<confidence> rows[] = {
        {confidence::confirmed, "[C]", {}, {}, "confirmed"},
        {confidence::secondary, "[S]", {}, {}, "secondary"},
        {confidence::local, "[L]", {}, {}, "local"},
        {confidence::unconfirmed, "[U]", {}, {}, "unconfirmed"},
        {confidence::third_party, "[T]", {}, {}, "third_party"},
    };
};

/// The tag as written in the catalogue, e.g. "[C]"; "[?]" for a value outside the enumeration.
[[nodiscard]] constexpr std::string_view tag(confidence c) noexcept {
    auto const* r = find_row(c);
    return r ? r->code : std::string_view("[?]");
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
#include "dangyuan/rules/catalogue_core.inc"
#include "dangyuan/rules/catalogue_development.inc"
#include "dangyuan/rules/catalogue_mobility.inc"
#include "dangyuan/rules/catalogue_evaluation.inc"
#include "dangyuan/rules/catalogue_life.inc"
#include "dangyuan/rules/catalogue_election.inc"
#include "dangyuan/rules/catalogue_decision.inc"
#include "dangyuan/rules/catalogue_community.inc"
#include "dangyuan/rules/catalogue_honours.inc"
#include "dangyuan/rules/catalogue_appraisal.inc"
#include "dangyuan/rules/catalogue_rectification.inc"
#include "dangyuan/rules/catalogue_coverage.inc"
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
