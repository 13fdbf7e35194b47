#pragma once
/// \file
/// Grades and ballots of democratic appraisal (民主测评): the four grades, anonymous counting, and
/// aggregation profiles that turn a tally into a suggested grade.
///
/// **Anonymity.** A ballot (`ballot`) is an input only: one evaluator's choice for one member. What the
/// campaign keeps is `ballots_counted`, the result of counting a sitting's ballots for one member: the
/// sorted set of evaluators who voted (so that a second ballot by the same evaluator is detected) and the
/// count per grade — never who chose what, unless the rule set asks for it
/// (`evaluation_params::keep_ballot_identity`). The anonymity is that of a paper count: a batch of one
/// ballot, or a batch where everybody chose the same grade, reveals the choice, so count a sitting's
/// ballots together (`count_ballots`).
///
/// The rules that need the campaign's history — a ballot outside the 民主测评 step, an evaluator voting
/// twice across batches — are checked by `check_campaign_record` (evaluation/campaign.hpp).
///
/// **Aggregation is data.** By default a tally is only counted. A profile (`aggregation_profile`) may add
/// share rules and weighted score bands, plain tables of structs evaluated in integers; no expression is
/// parsed or evaluated at run time. A suggested grade is advice for the branch committee: the final grade
/// is always a decision (evaluation/grade_decision.hpp).

#include <date/date.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dangyuan/core/enum_table.hpp"
#include "dangyuan/core/errors.hpp"
#include "dangyuan/core/ids.hpp"
#include "dangyuan/rules/catalogue.hpp"
#include "dangyuan/rules/rule_set.hpp"

namespace dangyuan {

/// The grades of democratic evaluation, best first: excellent (优秀), qualified (合格), basically
/// qualified (基本合格), unqualified (不合格).
enum class grade { excellent, qualified, basically_qualified, unqualified };

/// Number of grades; `grade_tally` and weight tables are indexed by `grade`.
inline constexpr std::size_t grade_count = 4;

template <>
struct enum_table<grade> {
    static constexpr std::string_view field = "grade";
    static constexpr std::string_view noun = "grade";
    static constexpr enum_row<grade> rows[] = {
        {grade::excellent, "excellent", "优秀"},
        {grade::qualified, "qualified", "合格"},
        {grade::basically_qualified, "basically_qualified", "基本合格"},
        {grade::unqualified, "unqualified", "不合格"},
    };
};
static_assert(std::size(enum_table<grade>::rows) == grade_count);

namespace detail {
constexpr std::size_t index(grade g) noexcept {
    return static_cast<std::size_t>(g);
}
}  // namespace detail

/// Parses a grade from its English code or its Chinese name (surrounding blanks are not accepted).
/// \throws invalid_input (field "grade") naming the text.
[[nodiscard]] inline grade parse_grade(std::string_view s) {
    if (auto const g = parse_enum<grade>(s)) return *g;
    throw invalid_input("grade", "unknown grade '" + std::string(s) +
                                     "' (expected 优秀, 合格, 基本合格, 不合格 or their English codes)");
}

/// One evaluator's choice for one member: an input to `count_ballots`, never stored as such unless the
/// rule set keeps ballot identity.
struct ballot {
    member_id evaluator;  ///< the member filling in the ballot
    member_id member;     ///< the member being appraised
    grade choice = grade::qualified;

    friend bool operator==(ballot const&, ballot const&) = default;
};

/// Ballots per grade for one member.
struct grade_tally {
    std::array<int, grade_count> counts{};  ///< indexed by `grade`

    /// Ballots choosing `g`.
    [[nodiscard]] constexpr int operator[](grade g) const noexcept { return counts[detail::index(g)]; }
    /// Adds `n` ballots for `g`.
    constexpr void add(grade g, int n = 1) noexcept { counts[detail::index(g)] += n; }
    /// Adds another tally.
    constexpr void add(grade_tally const& other) noexcept {
        for (std::size_t i = 0; i < grade_count; ++i)
            counts[i] += other.counts[i];
    }
    /// All ballots counted.
    [[nodiscard]] constexpr int total() const noexcept {
        int n = 0;
        for (int c : counts)
            n += c;
        return n;
    }

    friend bool operator==(grade_tally const&, grade_tally const&) = default;
};

/// An evaluator's choice, kept only when `evaluation_params::keep_ballot_identity` is set.
struct identified_choice {
    member_id evaluator;
    grade choice = grade::qualified;

    friend bool operator==(identified_choice const&, identified_choice const&) = default;
};

/// Campaign record: ballots counted for one member at one sitting of 民主测评.
struct ballots_counted {
    date::sys_days date{};
    member_id member;                        ///< the member appraised
    std::vector<member_id> voters;           ///< evaluators who voted, sorted by id (not in ballot order)
    grade_tally tally;                       ///< count per grade; `tally.total() == voters.size()`
    std::vector<identified_choice> choices;  ///< empty unless the rule set keeps ballot identity

    friend bool operator==(ballots_counted const&, ballots_counted const&) = default;
};

/// Counts a sitting's ballots: one `ballots_counted` per member appraised, in member-id order, voters
/// sorted by id, evaluator choices kept only when `rules.evaluation.keep_ballot_identity`.
/// Duplicates are not removed here: they show up in `voters` and are refused by the checks.
[[nodiscard]] inline std::vector<ballots_counted> count_ballots(std::span<ballot const> ballots,
                                                                date::sys_days date, rule_set const& rules) {
    std::vector<ballot> sorted(ballots.begin(), ballots.end());
    // Ordering by (member, evaluator) drops the order in which ballots were entered, which could
    // otherwise be matched against the order of the sheets.
    std::sort(sorted.begin(), sorted.end(), [](ballot const& a, ballot const& b) {
        return a.member != b.member ? a.member < b.member : a.evaluator < b.evaluator;
    });
    std::vector<ballots_counted> out;
    for (auto const& b : sorted) {
        if (out.empty() || out.back().member != b.member)
            out.push_back(ballots_counted{date, b.member, {}, {}, {}});
        auto& rec = out.back();
        rec.voters.push_back(b.evaluator);
        rec.tally.add(b.choice);
        if (rules.evaluation.keep_ballot_identity) rec.choices.push_back({b.evaluator, b.choice});
    }
    return out;
}

/// The one check of eval.one_ballot_per_evaluator: an evaluator casts one ballot on a member.
/// \throws rule_violation eval.one_ballot_per_evaluator, always.
[[noreturn]] inline void second_ballot(std::string const& evaluator, std::string const& member) {
    throw violation("eval.one_ballot_per_evaluator", evaluator + " has already voted on " + member);
}

/// Checks a count on its own: a valid member, at least one voter, valid and distinct voters
/// (eval.one_ballot_per_evaluator), a tally matching the voters, and evaluator choices present only when
/// the rule set keeps ballot identity and then consistent with voters and tally.
/// \throws invalid_input naming the field ("member", "voters", "tally", "choices");
///         rule_violation eval.one_ballot_per_evaluator for a voter listed twice.
inline void validate_ballots_counted(ballots_counted const& rec, rule_set const& rules) {
    if (!rec.member.valid()) throw invalid_input("member", "ballots counted for no member");
    if (rec.voters.empty()) throw invalid_input("voters", "no ballot counted");
    for (std::size_t i = 0; i < rec.voters.size(); ++i) {
        auto const v = rec.voters[i];
        if (!v.valid()) throw invalid_input("voters", "an evaluator without a member id");
        for (std::size_t j = 0; j < i; ++j)
            if (rec.voters[j] == v)
                second_ballot("evaluator " + std::to_string(v.value()),
                              "member " + std::to_string(rec.member.value()));
    }
    for (int c : rec.tally.counts)
        if (c < 0) throw invalid_input("tally", "negative count " + std::to_string(c));
    if (rec.tally.total() != static_cast<int>(rec.voters.size()))
        throw invalid_input("tally", std::to_string(rec.tally.total()) + " ballots counted but " +
                                         std::to_string(rec.voters.size()) + " evaluators listed");
    if (!rules.evaluation.keep_ballot_identity) {
        if (!rec.choices.empty())
            throw invalid_input("choices",
                                "the rule set keeps ballots anonymous: evaluator choices must not be "
                                "recorded (keep_ballot_identity is false)");
        return;
    }
    if (rec.choices.empty()) return;  // identity may be kept, but need not be supplied
    if (rec.choices.size() != rec.voters.size())
        throw invalid_input("choices", std::to_string(rec.choices.size()) + " choices for " +
                                           std::to_string(rec.voters.size()) + " evaluators");
    grade_tally from_choices;
    for (auto const& ch : rec.choices) {
        if (std::find(rec.voters.begin(), rec.voters.end(), ch.evaluator) == rec.voters.end())
            throw invalid_input(
                "choices", "evaluator " + std::to_string(ch.evaluator.value()) + " is not among the voters");
        from_choices.add(ch.choice);
    }
    if (from_choices != rec.tally) throw invalid_input("choices", "the choices do not add up to the tally");
}

/// Which ballots a share rule counts, relative to its grade.
enum class grade_span {
    exactly,    ///< ballots for that grade only
    or_better,  ///< ballots for that grade or a better one
    or_worse,   ///< ballots for that grade or a worse one
};

template <>
struct enum_table<grade_span> {
    static constexpr std::string_view field = "span";
    static constexpr std::string_view noun = "grade span";
    static constexpr enum_row<grade_span> rows[] = {
        {grade_span::exactly, "exactly"},
        {grade_span::or_better, "or_better"},
        {grade_span::or_worse, "or_worse"},
    };
};

/// One row of a share table: suggest `suggested` when the ballots counted reach the share
/// `numerator/denominator` of all ballots (more than it when `strict`).
/// Example (a local profile): "不合格 ballots exceeding half suggest 不合格" is
/// `{grade::unqualified, grade::unqualified, grade_span::exactly, 1, 2, true}`.
struct share_rule {
    grade suggested = grade::qualified;
    grade counted = grade::qualified;
    grade_span span = grade_span::exactly;
    int numerator = 1;    ///< >= 0
    int denominator = 2;  ///< > 0
    bool strict = true;   ///< true: share > n/d (超过); false: share >= n/d (达到)

    friend bool operator==(share_rule const&, share_rule const&) = default;
};

/// One row of a score table: suggest `suggested` when the weighted average score of the ballots is at
/// least `min_average` (points as given by the profile's weights).
struct score_band {
    int min_average = 0;
    grade suggested = grade::qualified;

    friend bool operator==(score_band const&, score_band const&) = default;
};

/// How a tally becomes a suggested grade. The default profile only counts (no suggestion). Share rules are
/// tried first, in order, the first that holds wins; then the weighted average is compared with the score
/// bands, in order, the first reached wins. All arithmetic is exact integer arithmetic.
struct aggregation_profile {
    std::string name = "count";
    std::vector<share_rule> share_rules;
    std::array<int, grade_count> weights{};  ///< points per grade, indexed by `grade`; used by `score_bands`
    std::vector<score_band> score_bands;     ///< in strictly descending `min_average`

    friend bool operator==(aggregation_profile const&, aggregation_profile const&) = default;
};

/// Checks a profile: denominators > 0, numerators >= 0, score bands strictly descending (a later band
/// with a higher minimum could never be reached).
/// \throws invalid_input naming "share_rules" or "score_bands" and the row.
inline void validate_profile(aggregation_profile const& p) {
    for (std::size_t i = 0; i < p.share_rules.size(); ++i) {
        auto const& r = p.share_rules[i];
        if (r.denominator <= 0 || r.numerator < 0)
            throw invalid_input("share_rules", "row " + std::to_string(i) + ": share " +
                                                   std::to_string(r.numerator) + "/" +
                                                   std::to_string(r.denominator) + " is not a fraction");
    }
    for (std::size_t i = 1; i < p.score_bands.size(); ++i)
        if (p.score_bands[i].min_average >= p.score_bands[i - 1].min_average)
            throw invalid_input("score_bands", "row " + std::to_string(i) + ": minimum " +
                                                   std::to_string(p.score_bands[i].min_average) +
                                                   " is not below the previous row's " +
                                                   std::to_string(p.score_bands[i - 1].min_average));
}

/// The grade a profile suggests for a tally, or nothing (an empty tally, the default counting profile, or
/// no row applies).
/// \throws invalid_input when the profile is malformed (see validate_profile).
[[nodiscard]] inline std::optional<grade> suggest_grade(grade_tally const& t, aggregation_profile const& p) {
    validate_profile(p);
    std::int64_t const total = t.total();
    if (total <= 0) return std::nullopt;
    for (auto const& r : p.share_rules) {
        std::int64_t counted = 0;
        for (std::size_t i = 0; i < grade_count; ++i) {
            auto const ci = detail::index(r.counted);
            bool const in = r.span == grade_span::exactly     ? i == ci
                            : r.span == grade_span::or_better ? i <= ci
                                                              : i >= ci;
            if (in) counted += t.counts[i];
        }
        std::int64_t const lhs = counted * r.denominator;
        std::int64_t const rhs = total * r.numerator;
        if (r.strict ? lhs > rhs : lhs >= rhs) return r.suggested;
    }
    if (!p.score_bands.empty()) {
        std::int64_t points = 0;
        for (std::size_t i = 0; i < grade_count; ++i)
            points += std::int64_t{p.weights[i]} * t.counts[i];
        for (auto const& b : p.score_bands)
            if (points >= std::int64_t{b.min_average} * total) return b.suggested;
    }
    return std::nullopt;
}

}  // namespace dangyuan
