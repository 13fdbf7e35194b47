#pragma once
/// \file
/// A major decision (重大事项决策) of a village or community by the 四议两公开 method, as an ordered list of
/// dated records, its transition table, its rules and its stage by fold.
///
/// **Procedure** (decision.steps_in_order, 中国共产党农村基层组织工作条例 2019):
///
///   党组织提议 the branch committee proposes → 两委会商议 the branch committee and the villagers' committee
///   consult jointly → 党员大会审议 the party members' meeting reviews → 村民代表会议或村民会议决议 the
///   villagers' representatives' meeting or the villagers' meeting resolves → 决议公开 the resolution is
///   made public → 实施结果公开 the result of the implementation is made public.
///
/// **Thresholds.** The members' meeting counts as a branch general meeting (rules/vote.hpp): more than
/// half of the voting members present (decision.members_meeting_quorum) and more than half of them all in
/// favour (decision.members_meeting_majority). A representatives' meeting needs at least two thirds of its
/// members present (decision.representatives_quorum_2_3, 村民委员会组织法 第二十六条), a villagers' meeting
/// more than half of the adult villagers or representatives of at least two thirds of the households
/// (decision.villagers_meeting_quorum, 第二十二条); either adopts with more than half of those present
/// (decision.adopted_over_half_present). A meeting without quorum is void: nothing is recorded. A review
/// or a resolution that is not carried is recorded and ends the case as rejected.
///
/// **Publication deadlines** are local practice [L] (`decision_params`): a publication later than the
/// deadline is accepted only with a stated reason (decision.resolution_public_within_days,
/// decision.result_public_within_days).
///
/// **Aggregate protocol.** `check_record(c, next, rules)` validates a record against the history and
/// changes nothing; `record` checks and then appends; `decision_stage_of` folds the records.

#include <date/date.h>

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "dangyuan/core/calendar.hpp"
#include "dangyuan/core/enum_table.hpp"
#include "dangyuan/core/errors.hpp"
#include "dangyuan/core/ids.hpp"
#include "dangyuan/core/record_variant.hpp"
#include "dangyuan/rules/catalogue.hpp"
#include "dangyuan/rules/rule_set.hpp"
#include "dangyuan/rules/vote.hpp"

namespace dangyuan {

struct decision_tag;
/// A decision case (重大事项决策) of a village or community organisation.
using decision_id = strong_id<decision_tag>;

/// The stage of a decision case, after the record that led to it.
enum class decision_stage {
    proposed,              ///< 党组织提议: the branch committee proposed
    consulted,             ///< 两委会商议: the two committees consulted
    reviewed,              ///< 党员大会审议: the members' meeting approved
    resolved,              ///< 村民(代表)会议决议: the villagers adopted the resolution
    resolution_published,  ///< 决议公开: the resolution is public; implementation under way
    result_published,      ///< 实施结果公开: the result is public; the case is closed
    rejected,              ///< 否决: the members' meeting or the villagers did not carry it; closed
};

/// Number of stages.
inline constexpr std::size_t decision_stage_count = 7;

template <>
struct enum_table<decision_stage> {
    static constexpr std::string_view field = "stage";
    static constexpr std::string_view noun = "decision stage";
    static constexpr enum_row<decision_stage> rows[] = {
        {decision_stage::proposed, "proposed", "党组织提议"},
        {decision_stage::consulted, "consulted", "两委会商议"},
        {decision_stage::reviewed, "reviewed", "党员大会审议"},
        {decision_stage::resolved, "resolved", "决议通过"},
        {decision_stage::resolution_published, "resolution_published", "决议公开"},
        {decision_stage::result_published, "result_published", "实施结果公开"},
        {decision_stage::rejected, "rejected", "否决"},
    };
};
static_assert(std::size(enum_table<decision_stage>::rows) == decision_stage_count);

/// True for the stages after which nothing more is recorded.
[[nodiscard]] constexpr bool is_closed(decision_stage s) noexcept {
    return s == decision_stage::result_published || s == decision_stage::rejected;
}

/// The body that resolves (决议) on behalf of the villagers.
enum class resolving_body {
    representatives_meeting,  ///< 村民代表会议
    villagers_meeting,        ///< 村民会议
};

template <>
struct enum_table<resolving_body> {
    static constexpr std::string_view field = "body";
    static constexpr std::string_view noun = "resolving body";
    static constexpr enum_row<resolving_body> rows[] = {
        {resolving_body::representatives_meeting, "representatives_meeting", "村民代表会议"},
        {resolving_body::villagers_meeting, "villagers_meeting", "村民会议"},
    };
};

/// Where something is made public (公开).
enum class publication_channel {
    notice_board,  ///< 公开栏
    broadcast,     ///< 广播
    wechat_group,  ///< 微信群
    meeting,       ///< 会议
    other,         ///< 其他 (say which in the note)
};

template <>
struct enum_table<publication_channel> {
    static constexpr std::string_view field = "channel";
    static constexpr std::string_view noun = "publication channel";
    static constexpr enum_row<publication_channel> rows[] = {
        {publication_channel::notice_board, "notice_board", "公开栏"},
        {publication_channel::broadcast, "broadcast", "广播"},
        {publication_channel::wechat_group, "wechat_group", "微信群"},
        {publication_channel::meeting, "meeting", "会议"},
        {publication_channel::other, "other", "其他"},
    };
};

/// Record: the branch committee proposes the matter (党组织提议). The first record of every case.
struct proposed {
    date::sys_days date{};
    std::string subject;  ///< the matter proposed; required
    std::string note;

    friend bool operator==(proposed const&, proposed const&) = default;
};

/// Record: the joint meeting of the branch committee and the villagers' committee (两委会商议).
struct two_committees_consulted {
    date::sys_days date{};
    std::string note;

    friend bool operator==(two_committees_consulted const&, two_committees_consulted const&) = default;
};

/// Record: the party members' meeting reviewed the proposal (党员大会审议), counted as a branch general
/// meeting (`branch_vote`: entitled, present, written opinions, yes, no, abstain).
struct members_meeting_reviewed {
    date::sys_days date{};
    branch_vote vote;
    std::string note;

    friend bool operator==(members_meeting_reviewed const&, members_meeting_reviewed const&) = default;
};

/// Record: the villagers' representatives' meeting or the villagers' meeting resolved (决议).
struct villagers_resolved {
    date::sys_days date{};
    resolving_body body = resolving_body::representatives_meeting;
    /// Representatives' meeting: its members (组成人员). Villagers' meeting: the villagers aged 18 or
    /// over (本村十八周岁以上村民).
    int members = 0;
    /// Villagers' meeting only: the households of the village (户), 0 when the meeting is counted by
    /// persons.
    int households = 0;
    int present = 0;  ///< those attending (到会人员): members, villagers or household representatives
    /// Villagers' meeting only: households represented, for the quorum by households.
    int households_present = 0;
    int in_favour = 0;  ///< 同意 among those present
    /// The date by which the resolution is to be carried out, if it sets one: the result is due
    /// `result_public_within_days` after it unless the result states an earlier end.
    std::optional<date::sys_days> implementation_due;
    std::string note;

    friend bool operator==(villagers_resolved const&, villagers_resolved const&) = default;
};

/// Record: the resolution was made public (决议公开).
struct resolution_published {
    date::sys_days date{};
    publication_channel channel = publication_channel::notice_board;
    std::string late_reason;  ///< required when later than the deadline
    std::string note;

    friend bool operator==(resolution_published const&, resolution_published const&) = default;
};

/// Record: the result of the implementation was made public (实施结果公开).
struct result_published {
    date::sys_days date{};
    publication_channel channel = publication_channel::notice_board;
    /// When the implementation ended; required unless the resolution set an `implementation_due` date.
    std::optional<date::sys_days> implemented_on;
    std::string late_reason;  ///< required when later than the deadline
    std::string note;

    friend bool operator==(result_published const&, result_published const&) = default;
};

/// One record of a decision case. The variant index is stable: new kinds are appended at the end.
using decision_record = std::variant<proposed, two_committees_consulted, members_meeting_reviewed,
                                     villagers_resolved, resolution_published, result_published>;

/// Stable names of the record kinds, indexed by the variant index (storage, the command, messages).
inline constexpr std::array<std::string_view, std::variant_size_v<decision_record>> decision_record_kinds{
    "proposed",           "two_committees_consulted", "members_meeting_reviewed",
    "villagers_resolved", "resolution_published",     "result_published"};

/// Chinese names of the record kinds (the four 议 and the two 公开), indexed like `decision_record`.
inline constexpr std::array<std::string_view, std::variant_size_v<decision_record>> decision_record_chinese{
    "党组织提议", "两委会商议", "党员大会审议", "村民(代表)会议决议", "决议公开", "实施结果公开"};

/// The variant index of record kind `T` in `decision_record`.
template <class T>
inline constexpr std::size_t decision_record_index = record_index<T, decision_record>;

/// The kind name of a record.
[[nodiscard]] inline std::string_view kind_name(decision_record const& r) noexcept {
    return decision_record_kinds[r.index()];
}

/// The date of a record.
[[nodiscard]] inline date::sys_days record_date(decision_record const& r) noexcept {
    return date_of(r);
}

/// One row of the transition table: the record kind (variant index), the stage it may follow (none:
/// only as the first record), the stage it leads to, and the stage when it is not carried.
struct decision_transition {
    std::size_t kind;
    std::optional<decision_stage> from;
    decision_stage to;
    std::optional<decision_stage> otherwise;  ///< the stage when the vote is not carried
};

/// The transition table of the procedure (decision.steps_in_order), in procedure order.
inline constexpr std::array<decision_transition, std::variant_size_v<decision_record>> decision_transitions{{
    {0, std::nullopt, decision_stage::proposed, std::nullopt},
    {1, decision_stage::proposed, decision_stage::consulted, std::nullopt},
    {2, decision_stage::consulted, decision_stage::reviewed, decision_stage::rejected},
    {3, decision_stage::reviewed, decision_stage::resolved, decision_stage::rejected},
    {4, decision_stage::resolved, decision_stage::resolution_published, std::nullopt},
    {5, decision_stage::resolution_published, decision_stage::result_published, std::nullopt},
}};

/// A decision case of one village or community organisation: the aggregate. Storage persists it by
/// replaying `records`.
struct decision_case {
    decision_id id;
    org_id org;            ///< the village or community party organisation (村/社区党组织)
    std::string org_name;  ///< for messages and the agenda
    std::string rule_set_name = "national-2014";  ///< the rule set the case was opened under
    std::vector<decision_record> records;         ///< in date order, each accepted by check_record

    friend bool operator==(decision_case const&, decision_case const&) = default;
};

// ---- thresholds (pure functions of counts)

/// True when at least two thirds of a representatives' meeting's members are present
/// (decision.representatives_quorum_2_3: 三分之二以上, the two thirds included).
[[nodiscard]] constexpr bool representatives_quorate(int members, int present) noexcept {
    return 3 * static_cast<long long>(present) >= 2 * static_cast<long long>(members);
}

/// True when a villagers' meeting is quorate: more than half of the adult villagers present, or
/// representatives of at least two thirds of the households (decision.villagers_meeting_quorum).
[[nodiscard]] constexpr bool villagers_quorate(int adults, int present, int households,
                                               int households_present) noexcept {
    bool const by_persons = 2 * static_cast<long long>(present) > adults;
    bool const by_households = households > 0 && 3 * static_cast<long long>(households_present) >=
                                                     2 * static_cast<long long>(households);
    return by_persons || by_households;
}

/// True when more than half of those present are in favour (decision.adopted_over_half_present).
[[nodiscard]] constexpr bool resolution_adopted(int present, int in_favour) noexcept {
    return 2 * static_cast<long long>(in_favour) > present;
}

/// True when the members' meeting approved: quorate and more than half of the entitled in favour
/// (decision.members_meeting_majority, as vote.majority_of_entitled).
[[nodiscard]] constexpr bool members_meeting_approved(members_meeting_reviewed const& r) noexcept {
    return quorate(r.vote) && passes(r.vote);
}

/// True when a resolution was carried (quorum assumed checked).
[[nodiscard]] constexpr bool resolution_carried(villagers_resolved const& r) noexcept {
    return resolution_adopted(r.present, r.in_favour);
}

/// Checks the counts of a resolution and its quorum. A meeting without quorum is void.
/// \throws invalid_input naming the count (negative, more present than members, more in favour than
///         present, households on a representatives' meeting); rule_violation
///         decision.representatives_quorum_2_3 or decision.villagers_meeting_quorum.
inline void require_resolution_quorum(villagers_resolved const& r) {
    require_count(r.members, "members");
    require_count(r.households, "households");
    require_count(r.present, "present");
    require_count(r.households_present, "households_present");
    require_count(r.in_favour, "in_favour");
    if (r.members == 0) throw invalid_input("members", "no member of the meeting counted");
    require_within(r.present, "present", "present", r.members, "members");
    require_within(r.in_favour, "in_favour", "in favour", r.present, "present");
    if (r.body == resolving_body::representatives_meeting) {
        if (r.households != 0 || r.households_present != 0)
            throw invalid_input("households", "households count only at a villagers' meeting");
        if (!representatives_quorate(r.members, r.present))
            throw violation("decision.representatives_quorum_2_3",
                            std::to_string(r.present) + " of " + std::to_string(r.members) +
                                " representatives present: at least two thirds must attend");
        return;
    }
    require_within(r.households_present, "households_present", "households represented", r.households,
                   "households");
    if (!villagers_quorate(r.members, r.present, r.households, r.households_present))
        throw violation("decision.villagers_meeting_quorum",
                        std::to_string(r.present) + " of " + std::to_string(r.members) +
                            " adult villagers present and " + std::to_string(r.households_present) + " of " +
                            std::to_string(r.households) +
                            " households represented: more than half of the villagers or two thirds of the "
                            "households must attend");
}

// ---- state

/// What the records of a case say (derived).
struct decision_state {
    std::optional<decision_stage> stage;  ///< nothing before the proposal
    std::optional<date::sys_days> last_date;
    std::string subject;
    std::optional<date::sys_days> resolved_on;         ///< the resolution, when carried
    std::optional<date::sys_days> implementation_due;  ///< as the resolution set it
    std::optional<date::sys_days> resolution_published_on;
    std::optional<date::sys_days> result_published_on;

    friend bool operator==(decision_state const&, decision_state const&) = default;
};

/// The stage after record `r` (the transition table, with the outcome of a vote).
[[nodiscard]] inline decision_stage stage_after(decision_record const& r) noexcept {
    auto const& t = decision_transitions[r.index()];
    if (auto const* m = std::get_if<members_meeting_reviewed>(&r); m && !members_meeting_approved(*m))
        return *t.otherwise;
    if (auto const* v = std::get_if<villagers_resolved>(&r); v && !resolution_carried(*v))
        return *t.otherwise;
    return t.to;
}

/// Folds the records of a case.
[[nodiscard]] inline decision_state decision_state_of(decision_case const& c) {
    decision_state s;
    for (auto const& r : c.records) {
        s.stage = stage_after(r);
        s.last_date = record_date(r);
        if (auto const* p = std::get_if<proposed>(&r)) s.subject = p->subject;
        if (auto const* v = std::get_if<villagers_resolved>(&r); v && resolution_carried(*v)) {
            s.resolved_on = v->date;
            s.implementation_due = v->implementation_due;
        }
        if (auto const* p = std::get_if<resolution_published>(&r)) s.resolution_published_on = p->date;
        if (auto const* p = std::get_if<result_published>(&r)) s.result_published_on = p->date;
    }
    return s;
}

/// The date by which the resolution must be public, or nothing (not resolved, or no deadline).
[[nodiscard]] inline std::optional<date::sys_days> resolution_public_deadline(decision_state const& s,
                                                                              rule_set const& rules) {
    int const n = rules.decision.resolution_public_within_days;
    if (!s.resolved_on || n <= 0) return std::nullopt;
    return *s.resolved_on + date::days{n};
}

/// The date by which the result must be public, counted from `implemented_on` or else the resolution's
/// `implementation_due`; nothing when neither is known or there is no deadline.
[[nodiscard]] inline std::optional<date::sys_days> result_public_deadline(
    decision_state const& s, rule_set const& rules, std::optional<date::sys_days> implemented_on = {}) {
    int const n = rules.decision.result_public_within_days;
    auto const from = implemented_on ? implemented_on : s.implementation_due;
    if (!from || n <= 0) return std::nullopt;
    return *from + date::days{n};
}

namespace detail {

struct decision_checker {
    decision_case const& c;
    decision_state const& s;
    rule_set const& rules;

    void operator()(proposed const& r) const {
        if (r.subject.empty()) throw invalid_input("subject", "the matter proposed is not named");
    }
    void operator()(two_committees_consulted const&) const {}
    void operator()(members_meeting_reviewed const& r) const {
        validate_counts(r.vote);
        if (!quorate(r.vote))
            throw violation("decision.members_meeting_quorum",
                            std::to_string(r.vote.present) + " of " + std::to_string(r.vote.entitled) +
                                " voting members present: more than half must attend the members' meeting");
    }
    void operator()(villagers_resolved const& r) const {
        require_resolution_quorum(r);
        if (r.implementation_due && *r.implementation_due < r.date)
            throw invalid_input("implementation_due",
                                "the implementation is due " + format_date(*r.implementation_due) +
                                    ", before the resolution on " + format_date(r.date));
    }
    void operator()(resolution_published const& r) const {
        if (auto const due = resolution_public_deadline(s, rules);
            due && r.date > *due && r.late_reason.empty())
            throw violation("decision.resolution_public_within_days",
                            "the resolution of " + format_date(*s.resolved_on) + " was due public by " +
                                format_date(*due) + " (" +
                                std::to_string(rules.decision.resolution_public_within_days) +
                                " days); published " + format_date(r.date) + " without a late_reason");
    }
    void operator()(result_published const& r) const {
        if (!r.implemented_on && !s.implementation_due)
            throw invalid_input("implemented_on",
                                "the resolution sets no implementation date: say when the "
                                "implementation ended");
        if (r.implemented_on && (*r.implemented_on < *s.resolved_on || *r.implemented_on > r.date))
            throw invalid_input("implemented_on",
                                "the implementation ended " + format_date(*r.implemented_on) +
                                    ": between the resolution on " + format_date(*s.resolved_on) +
                                    " and the publication on " + format_date(r.date));
        if (auto const due = result_public_deadline(s, rules, r.implemented_on);
            due && r.date > *due && r.late_reason.empty())
            throw violation("decision.result_public_within_days",
                            "the result was due public by " + format_date(*due) + " (" +
                                std::to_string(rules.decision.result_public_within_days) +
                                " days after the implementation); published " + format_date(r.date) +
                                " without a late_reason");
    }
};

inline std::string stage_text(std::optional<decision_stage> s) {
    if (!s) return "nothing (no proposal yet)";
    return std::string(to_string(*s)) + " (" + std::string(chinese_name(*s)) + ")";
}

}  // namespace detail

/// Checks that `next` may follow the records of `c` under `rules`. Nothing is changed.
///
/// Checked for every record: the case has an organisation; the record follows the stage the transition
/// table names (decision.steps_in_order: a proposal first, nothing after a closed case, no step skipped or
/// repeated); its date does not precede the last record (invalid_input "date"). Then, per kind:
/// - `proposed`: a subject;
/// - `members_meeting_reviewed`: possible counts (invalid_input naming the count) and the quorum
///   (decision.members_meeting_quorum); a meeting that does not carry it is accepted and rejects the case;
/// - `villagers_resolved`: possible counts and the quorum of its body (decision.representatives_quorum_2_3,
///   decision.villagers_meeting_quorum); an implementation date not before the resolution; a resolution
///   that is not carried is accepted and rejects the case (decision.adopted_over_half_present);
/// - `resolution_published`: within the deadline or with a `late_reason`
///   (decision.resolution_public_within_days);
/// - `result_published`: an implementation date (its own, or the resolution's), between the resolution
///   and the publication; within the deadline or with a `late_reason` (decision.result_public_within_days).
/// \throws invalid_input naming the field; rule_violation naming the rule.
inline void check_record(decision_case const& c, decision_record const& next, rule_set const& rules) {
    if (!c.org.valid()) throw invalid_input("org", "the decision case has no organisation");
    auto const s = decision_state_of(c);
    auto const& t = decision_transitions[next.index()];
    auto const d = record_date(next);
    if (s.stage != t.from)
        throw violation("decision.steps_in_order",
                        std::string(kind_name(next)) + " (" +
                            std::string(decision_record_chinese[next.index()]) + ") on " + format_date(d) +
                            " cannot follow " + detail::stage_text(s.stage) +
                            (t.from ? "; it follows " + detail::stage_text(t.from) : "; it opens a case"));
    if (s.last_date && d < *s.last_date)
        throw invalid_input("date", std::string(kind_name(next)) + " dated " + format_date(d) +
                                        " precedes the last record on " + format_date(*s.last_date));
    std::visit(detail::decision_checker{c, s, rules}, next);
}

/// Checks `next` (check_record) and appends it. On a throw `c` is unchanged.
inline void record(decision_case& c, decision_record next, rule_set const& rules) {
    check_record(c, next, rules);
    c.records.push_back(std::move(next));
}

/// The stage of a case (nothing before its proposal).
[[nodiscard]] inline std::optional<decision_stage> stage_of(decision_case const& c) {
    return decision_state_of(c).stage;
}

}  // namespace dangyuan
