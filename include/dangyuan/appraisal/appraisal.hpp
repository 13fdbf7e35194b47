#pragma once
/// \file
/// The party-building appraisal (党建工作述职评议考核, plan item 7) and accountability (党建工作问责, item
/// 8): a yearly cycle organised by a committee, in which the secretaries of the organisations of its scope
/// report (述职) on party-building work, are appraised (评议: votes per grade 好/较好/一般/差 and a
/// satisfaction survey, 满意度测评), and the results are applied (结果运用); and the accountability
/// records (诫勉谈话, 限期整改 with a deadline, 组织处理) that follow a poor result.
///
/// **Scope of a cycle.** The organiser and the organisations below it down to `levels` levels: 1 is the
/// organiser alone, 3 the 三级联述联评联考 of a district (district, street, community in one cycle).
///
/// Every rule here is local practice [L] (`appraisal.*` in the catalogue), citing the district's 2020
/// plan; its numbers are parameters of `appraisal_params` (rules/params_appraisal.hpp). The functions
/// are pure: they judge a new record against what is recorded and throw; the store
/// (storage/appraisal_store.hpp) loads the history, calls them and writes only when they pass.

#include <date/date.h>

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
#include "dangyuan/rules/rule_set.hpp"

namespace dangyuan {

struct appraisal_cycle_tag;
/// An appraisal cycle (述职评议考核).
using appraisal_cycle_id = strong_id<appraisal_cycle_tag>;
struct appraisal_report_tag;
/// A secretary's report (述职) in a cycle.
using appraisal_report_id = strong_id<appraisal_report_tag>;
struct accountability_tag;
/// An accountability record (问责).
using accountability_id = strong_id<accountability_tag>;

/// The grade of an appraisal (评议等次).
enum class appraisal_grade {
    good,         ///< 好
    fairly_good,  ///< 较好
    average,      ///< 一般
    poor,         ///< 差
};

/// Codes are the enumerator names; the Chinese names are read too (parse_enum).
template <>
struct enum_table<appraisal_grade> {
    static constexpr std::string_view field = "grade";
    static constexpr std::string_view noun = "appraisal grade";
    static constexpr enum_row<appraisal_grade> rows[] = {
        {appraisal_grade::good, "good", "好"},
        {appraisal_grade::fairly_good, "fairly_good", "较好"},
        {appraisal_grade::average, "average", "一般"},
        {appraisal_grade::poor, "poor", "差"},
    };
};

/// The kinds of accountability (问责方式, plan item 8).
enum class accountability_kind {
    admonition_talk,           ///< 诫勉谈话
    rectification,             ///< 限期整改: with a deadline and a completion
    organisational_treatment,  ///< 组织处理: with its decision
};

template <>
struct enum_table<accountability_kind> {
    static constexpr std::string_view field = "kind";
    static constexpr std::string_view noun = "accountability kind";
    static constexpr enum_row<accountability_kind> rows[] = {
        {accountability_kind::admonition_talk, "admonition_talk", "诫勉谈话"},
        {accountability_kind::rectification, "rectification", "限期整改"},
        {accountability_kind::organisational_treatment, "organisational_treatment", "组织处理"},
    };
};

/// The most levels a cycle covers.
inline constexpr int max_appraisal_levels = 5;

/// A yearly appraisal cycle (述职评议考核) of an organiser and the levels below it.
struct appraisal_cycle {
    appraisal_cycle_id id;                    ///< assigned by the store
    int year = 0;                             ///< the year whose party-building work is appraised
    org_id organiser;                         ///< the committee that organises it
    int levels = 1;                           ///< 1 = the organiser alone; 3 = 三级联述联评联考
    date::sys_days opened_on{};               ///< in the year or the next
    std::optional<date::sys_days> closed_on;  ///< its last day, once closed
    std::string note;

    friend bool operator==(appraisal_cycle const&, appraisal_cycle const&) = default;
};

/// A secretary's report (述职) on the party-building work of an organisation in a cycle.
struct appraisal_report {
    appraisal_report_id id;  ///< assigned by the store
    appraisal_cycle_id cycle;
    org_id org;
    /// The member reporting: none = the organisation's secretary in office on the date (filled in by
    /// the store).
    std::optional<member_id> reporter;
    date::sys_days reported_on{};
    std::string summary;  ///< what was reported (述职要点), optional

    friend bool operator==(appraisal_report const&, appraisal_report const&) = default;
};

/// The appraisal (评议) of a report: the votes per grade, the satisfaction survey and the grade.
struct appraisal_rating {
    appraisal_report_id report;
    date::sys_days rated_on{};
    int votes_good = 0;           ///< 好
    int votes_fairly_good = 0;    ///< 较好
    int votes_average = 0;        ///< 一般
    int votes_poor = 0;           ///< 差
    int satisfied = 0;            ///< 满意
    int basically_satisfied = 0;  ///< 基本满意
    int dissatisfied = 0;         ///< 不满意
    /// The grade given: none = the grade with most votes (filled in by the store); a different one
    /// needs `override_reason`.
    std::optional<appraisal_grade> grade;
    std::string override_reason;
    std::string note;

    /// The votes in the order of appraisal_grade.
    [[nodiscard]] std::array<int, 4> votes() const noexcept {
        return {votes_good, votes_fairly_good, votes_average, votes_poor};
    }

    friend bool operator==(appraisal_rating const&, appraisal_rating const&) = default;
};

/// One use of a result (结果运用): e.g. 评先评优, 年度考核, 干部任用.
struct appraisal_application {
    appraisal_report_id report;
    date::sys_days applied_on{};
    std::string use;

    friend bool operator==(appraisal_application const&, appraisal_application const&) = default;
};

/// An accountability record (问责, plan item 8).
struct accountability_record {
    accountability_id id;  ///< assigned by the store
    accountability_kind kind = accountability_kind::admonition_talk;
    org_id org;                               ///< the organisation held to account
    std::optional<member_id> member;          ///< the person, when one is named
    std::optional<appraisal_cycle_id> cycle;  ///< the cycle it follows, if any
    date::sys_days decided_on{};
    std::string reason;  ///< required
    /// 限期整改 only: the deadline (none = decided_on + appraisal.rectify_months, filled in by the store).
    std::optional<date::sys_days> deadline;
    std::optional<date::sys_days> completed_on;  ///< 限期整改 only: set by complete_rectification
    std::string decision;                        ///< 组织处理 only: the decision (required there)

    friend bool operator==(accountability_record const&, accountability_record const&) = default;
};

/// True when `org` lies in the scope of a cycle: `chain` is the organisation followed by its ancestors,
/// nearest first; it is in scope when the organiser is among the first `levels` entries.
[[nodiscard]] inline bool in_cycle_scope(appraisal_cycle const& c, std::span<org_id const> chain) noexcept {
    for (std::size_t i = 0; i < chain.size() && i < static_cast<std::size_t>(c.levels); ++i)
        if (chain[i] == c.organiser) return true;
    return false;
}

/// The grade with most votes; a tie gives the lower (worse) of the tied grades.
/// \throws invalid_input{"votes"} when there are no votes.
[[nodiscard]] inline appraisal_grade plurality_grade(std::array<int, 4> const& votes) {
    int best = -1;
    std::size_t at = 0;
    for (std::size_t i = 0; i < votes.size(); ++i)
        if (votes[i] >= best && votes[i] > 0) best = votes[i], at = i;
    if (best <= 0) throw invalid_input("votes", "an appraisal counts at least one vote");
    return static_cast<appraisal_grade>(at);
}

/// The share of satisfied and basically satisfied answers in percent (rounded down), or nothing
/// without a survey.
[[nodiscard]] inline std::optional<int> satisfaction_percent(appraisal_rating const& r) noexcept {
    long long const total = static_cast<long long>(r.satisfied) + r.basically_satisfied + r.dissatisfied;
    if (total <= 0) return std::nullopt;
    return static_cast<int>((static_cast<long long>(r.satisfied) + r.basically_satisfied) * 100 / total);
}

/// True when a rating needs an accountability follow-up (appraisal.followup_poor): its grade is 差, or
/// its satisfaction is below `min_satisfaction_percent` (when that is set).
[[nodiscard]] inline bool needs_followup(appraisal_rating const& r, appraisal_params const& p) noexcept {
    if (r.grade == appraisal_grade::poor) return true;
    auto const pct = satisfaction_percent(r);
    return p.min_satisfaction_percent > 0 && pct && *pct < p.min_satisfaction_percent;
}

/// The day by which the organisations of a cycle report (appraisal.report_by_deadline): the last day of
/// month `report_by_month` of the year after the cycle's, or the close when earlier; nothing when there
/// is neither.
[[nodiscard]] inline std::optional<date::sys_days> appraisal_report_deadline(appraisal_cycle const& c,
                                                                             appraisal_params const& p) {
    std::optional<date::sys_days> due;
    if (p.report_by_month >= 1 && p.report_by_month <= 12)
        due = date::sys_days{date::year{c.year + 1} / date::month{static_cast<unsigned>(p.report_by_month)} /
                             date::last};
    if (c.closed_on && (!due || *c.closed_on < *due)) due = c.closed_on;
    return due;
}

/// The latest deadline a rectification decided on `decided_on` may have: `rectify_months` later,
/// clamped to the month's end.
[[nodiscard]] inline date::sys_days latest_rectify_deadline(date::sys_days decided_on,
                                                            appraisal_params const& p) {
    return add_months(decided_on, p.rectify_months < 1 ? 1 : p.rectify_months);
}

/// Checks a new cycle against the organiser and the cycles it already has.
/// \throws invalid_input{"year"}, {"levels"} (1..5), {"opened_on"} (not in the year or the next);
///         rule_violation appraisal.cycle_organiser (not a committee, not existing on the day, or a cycle
///         of the year exists).
inline void check_cycle(appraisal_cycle const& c, org_unit const& organiser,
                        std::span<appraisal_cycle const> existing) {
    if (c.year < 1921 || c.year > 9998)
        throw invalid_input("year", "no appraisal year " + std::to_string(c.year));
    if (c.levels < 1 || c.levels > max_appraisal_levels)
        throw invalid_input("levels", "a cycle covers 1 to " + std::to_string(max_appraisal_levels) +
                                          " levels, not " + std::to_string(c.levels));
    int const y = static_cast<int>(date::year_month_day{c.opened_on}.year());
    if (y != c.year && y != c.year + 1)
        throw invalid_input("opened_on", "a cycle for " + std::to_string(c.year) +
                                             " opens in that year or the next, not on " +
                                             format_date(c.opened_on));
    if (!is_committee(organiser.kind))
        throw violation("appraisal.cycle_organiser",
                        "'" + organiser.name +
                            "' is not a committee; a committee organises the appraisal (述职评议考核)");
    if (!organiser.active_on(c.opened_on))
        throw violation("appraisal.cycle_organiser",
                        "'" + organiser.name + "' does not exist on " + format_date(c.opened_on));
    for (auto const& e : existing)
        if (e.organiser == c.organiser && e.year == c.year)
            throw violation("appraisal.cycle_organiser", "'" + organiser.name + "' already has the cycle " +
                                                             std::to_string(e.id.value()) + " for " +
                                                             std::to_string(c.year));
}

/// Checks closing cycle `c` on `on`; `last_record` is the latest report or rating date in it.
/// \throws invalid_input{"cycle"} when it is closed already; rule_violation appraisal.report_within_cycle
///         when `on` is before its opening or its last report or rating.
inline void check_close(appraisal_cycle const& c, date::sys_days on,
                        std::optional<date::sys_days> last_record) {
    if (c.closed_on)
        throw invalid_input(
            "cycle", "cycle " + std::to_string(c.id.value()) + " was closed on " + format_date(*c.closed_on));
    if (on < c.opened_on || (last_record && on < *last_record))
        throw violation(
            "appraisal.report_within_cycle",
            "cycle " + std::to_string(c.id.value()) + " closes on or after its opening (" +
                format_date(c.opened_on) + ")" +
                (last_record ? " and its last report or rating (" + format_date(*last_record) + ")"
                             : std::string()) +
                ", not on " + format_date(on));
}

/// Checks a report of `r.org` (whose ancestors, nearest first, follow it in `chain`) in cycle `c`,
/// given the cycle's reports so far.
/// \throws rule_violation appraisal.report_within_cycle, appraisal.cycle_scope,
///         appraisal.one_report_per_cycle.
inline void check_report(appraisal_cycle const& c, std::span<org_id const> chain, appraisal_report const& r,
                         std::span<appraisal_report const> earlier) {
    if (r.reported_on < c.opened_on || (c.closed_on && r.reported_on > *c.closed_on))
        throw violation("appraisal.report_within_cycle",
                        "cycle " + std::to_string(c.id.value()) + " runs from " + format_date(c.opened_on) +
                            (c.closed_on ? " to " + format_date(*c.closed_on) : std::string()) +
                            "; a report on " + format_date(r.reported_on) + " is outside it");
    if (!in_cycle_scope(c, chain))
        throw violation("appraisal.cycle_scope", "organisation " + std::to_string(r.org.value()) +
                                                     " is not within " + std::to_string(c.levels) +
                                                     " level(s) of the cycle's organiser");
    for (auto const& e : earlier)
        if (e.org == r.org)
            throw violation("appraisal.one_report_per_cycle", "the organisation reported in this cycle on " +
                                                                  format_date(e.reported_on) + " (report " +
                                                                  std::to_string(e.id.value()) + ")");
}

/// The reporter of a report of `org` on `on`: the member named, else the secretary in office then.
/// \throws rule_violation appraisal.reporter_secretary when neither is there.
[[nodiscard]] inline member_id check_reporter(org_unit const& org, date::sys_days on,
                                              std::optional<member_id> named,
                                              std::span<officer const> leadership) {
    if (named) return *named;
    for (auto const& o : leadership)
        if (o.role == officer_role::secretary) return o.member;
    throw violation("appraisal.reporter_secretary", "'" + org.name + "' has no secretary recorded on " +
                                                        format_date(on) + "; name the member who reports");
}

/// Checks that an accountability record following cycle `c` concerns an organisation of its scope
/// (`chain`: the organisation and its ancestors, nearest first).
/// \throws rule_violation appraisal.cycle_scope.
inline void check_accountability_scope(appraisal_cycle const& c, std::span<org_id const> chain) {
    if (!in_cycle_scope(c, chain))
        throw violation("appraisal.cycle_scope", "organisation " + std::to_string(chain.front().value()) +
                                                     " is not within the scope of cycle " +
                                                     std::to_string(c.id.value()));
}

/// Checks an appraisal of report `rep` of cycle `c`; returns the grade it gives.
/// \throws rule_violation appraisal.tally_valid, appraisal.rating_after_report (before the report,
///         after the close, or the report is appraised already: `already`),
///         appraisal.grade_override_reason.
[[nodiscard]] inline appraisal_grade check_rating(appraisal_cycle const& c, appraisal_report const& rep,
                                                  appraisal_rating const& r, bool already) {
    for (int v : {r.votes_good, r.votes_fairly_good, r.votes_average, r.votes_poor, r.satisfied,
                  r.basically_satisfied, r.dissatisfied})
        if (v < 0)
            throw violation("appraisal.tally_valid", "a count is not negative, got " + std::to_string(v));
    auto const v = r.votes();
    if (v[0] + static_cast<long long>(v[1]) + v[2] + v[3] <= 0)
        throw violation("appraisal.tally_valid", "an appraisal counts at least one vote (好/较好/一般/差)");
    if (already)
        throw violation("appraisal.rating_after_report",
                        "report " + std::to_string(rep.id.value()) + " is appraised already");
    if (r.rated_on < rep.reported_on || (c.closed_on && r.rated_on > *c.closed_on))
        throw violation(
            "appraisal.rating_after_report",
            "the report of " + format_date(rep.reported_on) + " is appraised on or after that day" +
                (c.closed_on ? " and by the close (" + format_date(*c.closed_on) + ")" : std::string()) +
                ", not on " + format_date(r.rated_on));
    auto const most = plurality_grade(v);
    if (r.grade && *r.grade != most && r.override_reason.empty())
        throw violation("appraisal.grade_override_reason",
                        "the votes give " + std::string(chinese_name(most)) + "; the grade " +
                            std::string(chinese_name(*r.grade)) + " states its reason");
    return r.grade.value_or(most);
}

/// Checks the correction of the recorded appraisal `before` of report `rep` in cycle `c` to the values
/// of `after` (appraisal.correction_before_close): the same record — same report, same day `rated_on`
/// — with new tallies, grade, override reason or note, for a stated `correction_reason`, only while the
/// cycle is open (a closed cycle's results stand: they were applied and followed up). The new values
/// are checked as a new appraisal is (check_rating). Returns the grade the corrected record gives.
/// \throws rule_violation appraisal.correction_before_close (the cycle is closed), appraisal.tally_valid,
///         appraisal.grade_override_reason; invalid_input{"correction_reason"} (empty), {"report"}
///         (another report), {"rated_on"} (another day), {"rating"} (the correction changes nothing).
[[nodiscard]] inline appraisal_grade check_rating_correction(appraisal_cycle const& c,
                                                             appraisal_report const& rep,
                                                             appraisal_rating const& before,
                                                             appraisal_rating const& after,
                                                             std::string_view correction_reason) {
    if (c.closed_on)
        throw violation("appraisal.correction_before_close",
                        "cycle " + std::to_string(c.id.value()) + " was closed on " +
                            format_date(*c.closed_on) + "; the appraisal of report " +
                            std::to_string(rep.id.value()) + " is no longer corrected");
    if (correction_reason.empty())
        throw invalid_input("correction_reason", "a correction states its reason (更正原因)");
    if (after.report != before.report)
        throw invalid_input("report", "a correction is of the appraisal of report " +
                                          std::to_string(before.report.value()) + ", not of report " +
                                          std::to_string(after.report.value()));
    if (after.rated_on != before.rated_on)
        throw invalid_input("rated_on", "a correction keeps the day of the appraisal (" +
                                            format_date(before.rated_on) + "), not " +
                                            format_date(after.rated_on));
    auto const grade = check_rating(c, rep, after, false);
    auto changed = after;
    changed.grade = grade;
    if (changed == before)
        throw invalid_input(
            "rating", "the correction of report " + std::to_string(rep.id.value()) + " changes nothing");
    return grade;
}

/// Checks a use of the result of a report appraised on `rated_on` (none: not appraised).
/// \throws invalid_input{"use"} when empty; rule_violation appraisal.apply_after_rating.
inline void check_application(appraisal_application const& a, std::optional<date::sys_days> rated_on) {
    if (a.use.empty()) throw invalid_input("use", "say how the result is used (结果运用)");
    if (!rated_on)
        throw violation("appraisal.apply_after_rating",
                        "report " + std::to_string(a.report.value()) + " is not appraised yet");
    if (a.applied_on < *rated_on)
        throw violation("appraisal.apply_after_rating",
                        "the result of the appraisal of " + format_date(*rated_on) +
                            " is applied on or after that day, not on " + format_date(a.applied_on));
}

/// Checks a new accountability record and returns it with its deadline filled in (限期整改).
/// \throws invalid_input{"reason"} when empty, {"deadline"} on a kind other than rectification,
///         {"decision"} on one other than organisational treatment, {"completed_on"} when set;
///         rule_violation appraisal.rectify_deadline, appraisal.treatment_decision.
[[nodiscard]] inline accountability_record check_accountability(accountability_record r,
                                                                appraisal_params const& p) {
    if (r.reason.empty())
        throw invalid_input("reason", "say why the organisation is held to account (问责事由)");
    if (r.completed_on)
        throw invalid_input("completed_on", "a rectification is completed by a later command");
    if (r.kind != accountability_kind::rectification && r.deadline)
        throw invalid_input("deadline", "only a rectification (限期整改) has a deadline");
    if (r.kind != accountability_kind::organisational_treatment && !r.decision.empty())
        throw invalid_input("decision", "only an organisational treatment (组织处理) records a decision");
    if (r.kind == accountability_kind::organisational_treatment && r.decision.empty())
        throw violation("appraisal.treatment_decision",
                        "an organisational treatment (组织处理) records its decision");
    if (r.kind == accountability_kind::rectification) {
        auto const latest = latest_rectify_deadline(r.decided_on, p);
        if (!r.deadline) r.deadline = latest;
        if (*r.deadline <= r.decided_on || *r.deadline > latest)
            throw violation("appraisal.rectify_deadline",
                            "a rectification decided on " + format_date(r.decided_on) +
                                " has a deadline after that day and by " + format_date(latest) + " (" +
                                std::to_string(p.rectify_months) + " months), not " +
                                format_date(*r.deadline));
    }
    return r;
}

/// Checks the completion of rectification `r` on `on`.
/// \throws invalid_input{"accountability"} when it is no rectification or is completed already;
///         rule_violation appraisal.rectify_by_deadline when `on` is before its decision. A completion
///         after the deadline is recorded (and counted late).
inline void check_completion(accountability_record const& r, date::sys_days on) {
    if (r.kind != accountability_kind::rectification)
        throw invalid_input("accountability",
                            "record " + std::to_string(r.id.value()) +
                                " is no rectification (限期整改); only a rectification is completed");
    if (r.completed_on)
        throw invalid_input("accountability", "rectification " + std::to_string(r.id.value()) +
                                                  " was completed on " + format_date(*r.completed_on));
    if (on < r.decided_on)
        throw violation("appraisal.rectify_by_deadline",
                        "a rectification decided on " + format_date(r.decided_on) +
                            " is completed on or after that day, not on " + format_date(on));
}

}  // namespace dangyuan
