#pragma once
/// \file
/// A democratic-evaluation campaign (民主评议党员) of one organisation for one year, as an ordered list of
/// dated records, its rules, and its state by fold.
///
/// **Steps.** The 1988 opinion (关于建立民主评议党员制度的意见) sets five steps; the current rules split the
/// appraisal into individual self-review, mutual review and the appraisal vote. A campaign runs them in this
/// order, each begun by a `phase_started` record (eval.phase_order):
///
///   学习教育 study → 自我评价 self-assessment (a written 党性分析 per member) → 个人自评 → 党员互评 →
///   民主测评 appraisal vote → 组织考察 organisational assessment → 表彰和处理 commendation and handling →
///   closed.
///
/// Every other record belongs to a window of steps (`record_windows`): ballots only during 民主测评
/// (eval.ballot_in_appraisal), proposals during 组织考察, decisions from 组织考察 on, follow-ups during
/// 表彰和处理.
///
/// **Participants.** The caller supplies the branch's members on the campaign dates with their status
/// (`participants_added`). Probationary members take part but get no grade
/// (eval.probationary_not_graded). Members may be exempted for one of five reason categories with an
/// approval (eval.exemption_reasons). A mobile member (流动党员) whose relationship is elsewhere may be
/// evaluated here (`participant::relationship_in`); the grade is sent to the home organisation, which
/// records it as received: one grade per member and year, whichever organisation records it
/// (eval.one_grade_per_year — pass the grades other campaigns of the year decided as `elsewhere`).
///
/// **Aggregate protocol.** `check_campaign_record(c, next, rules, elsewhere)` validates a record against the
/// history and changes nothing; `record` checks and then appends; `campaign_state_of` / `campaign_state_on`
/// fold the records. Records are dated; dates never go backwards.

#include <date/date.h>

#include <array>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "dangyuan/core/calendar.hpp"
#include "dangyuan/core/enum_table.hpp"
#include "dangyuan/core/errors.hpp"
#include "dangyuan/core/ids.hpp"
#include "dangyuan/core/record_variant.hpp"
#include "dangyuan/evaluation/ballot.hpp"
#include "dangyuan/evaluation/grade_decision.hpp"
#include "dangyuan/member/member.hpp"
#include "dangyuan/rules/catalogue.hpp"
#include "dangyuan/rules/rule_set.hpp"
#include "dangyuan/rules/vote.hpp"

namespace dangyuan {

/// The steps of a campaign, in their legal order (eval.phase_order).
enum class campaign_phase {
    study,                      ///< 学习教育
    self_assessment,            ///< 自我评价: each member writes a 党性分析
    appraisal_self_review,      ///< 民主评议 — 个人自评
    appraisal_mutual_review,    ///< 民主评议 — 党员互评
    appraisal_vote,             ///< 民主评议 — 民主测评 (ballots)
    organisational_assessment,  ///< 组织考察: the committee proposes grades and tells the members
    commendation_and_handling,  ///< 表彰和处理
    closed,                     ///< the campaign is over; nothing more is recorded
};

/// Number of phases.
inline constexpr std::size_t campaign_phase_count = 8;

template <>
struct enum_table<campaign_phase> {
    static constexpr std::string_view field = "phase";
    static constexpr std::string_view noun = "campaign phase";
    static constexpr enum_row<campaign_phase> rows[] = {
        {campaign_phase::study, "study", "学习教育"},
        {campaign_phase::self_assessment, "self_assessment", "自我评价"},
        {campaign_phase::appraisal_self_review, "appraisal_self_review", "个人自评"},
        {campaign_phase::appraisal_mutual_review, "appraisal_mutual_review", "党员互评"},
        {campaign_phase::appraisal_vote, "appraisal_vote", "民主测评"},
        {campaign_phase::organisational_assessment, "organisational_assessment", "组织考察"},
        {campaign_phase::commendation_and_handling, "commendation_and_handling", "表彰和处理"},
        {campaign_phase::closed, "closed", "评议结束"},
    };
};
static_assert(std::size(enum_table<campaign_phase>::rows) == campaign_phase_count);

/// Parses a phase from its English code or Chinese name.
/// \throws invalid_input (field "phase") naming the text.
[[nodiscard]] inline campaign_phase parse_campaign_phase(std::string_view s) {
    return parse_enum_or_throw<campaign_phase>(s);
}

/// Why a member is left out of the evaluation (eval.exemption_reasons). Each needs an approval.
enum class exemption_reason {
    unable_to_express_will,  ///< 患精神病或因其他原因不能表达本人意志
    abroad_self_funded,      ///< 自费出国(境)半年以上
    serving_sentence,        ///< 正在服刑 (未受留党察看以上党纪处分)
    bedridden_or_elderly,    ///< 年老体弱卧床不起、长期生病生活不能自理
    away_without_transfer,   ///< 外出工作、学习等半年以上且未转移组织关系
};

template <>
struct enum_table<exemption_reason> {
    static constexpr std::string_view field = "reason";
    static constexpr std::string_view noun = "exemption category";
    static constexpr enum_row<exemption_reason> rows[] = {
        {exemption_reason::unable_to_express_will, "unable_to_express_will", "不能表达本人意志"},
        {exemption_reason::abroad_self_funded, "abroad_self_funded", "自费出国半年以上"},
        {exemption_reason::serving_sentence, "serving_sentence", "正在服刑"},
        {exemption_reason::bedridden_or_elderly, "bedridden_or_elderly", "年老体弱卧床不起"},
        {exemption_reason::away_without_transfer, "away_without_transfer", "外出半年以上未转组织关系"},
    };
};

/// True for the categories defined by an absence of more than 6 months
/// (eval.exemption_absence_over_6_months).
[[nodiscard]] constexpr bool needs_absence(exemption_reason r) noexcept {
    return r == exemption_reason::abroad_self_funded || r == exemption_reason::away_without_transfer;
}
/// Parses an exemption category from its English code or Chinese name.
/// \throws invalid_input (field "reason") naming the text: only the five categories exist.
[[nodiscard]] inline exemption_reason parse_exemption_reason(std::string_view s) {
    if (auto const r = parse_enum<exemption_reason>(s)) return *r;
    throw invalid_input("reason", "'" + std::string(s) + "' is not an exemption category");
}

/// A member taking part in the campaign, as the caller's roster gives them on the campaign dates.
struct participant {
    member_id member;
    std::string name;  ///< for messages and the agenda
    member_status status = member_status::full;
    /// Empty when the organisational relationship is in the campaign's organisation. Otherwise a mobile
    /// member (流动党员) evaluated here whose relationship is in that organisation: graded here, the result
    /// sent there, and not counted in this organisation's 优秀 share.
    std::optional<org_id> relationship_in;

    friend bool operator==(participant const&, participant const&) = default;
};

/// Campaign record: a step begins (eval.phase_order).
struct phase_started {
    date::sys_days date{};
    campaign_phase phase = campaign_phase::study;
    /// Self-review and mutual review held in party groups (党小组), as large branches may do. Only for
    /// `appraisal_self_review` and `appraisal_mutual_review`.
    bool by_party_groups = false;

    friend bool operator==(phase_started const&, phase_started const&) = default;
};

/// Campaign record: members join the roll (before the organisational assessment).
struct participants_added {
    date::sys_days date{};
    std::vector<participant> participants;

    friend bool operator==(participants_added const&, participants_added const&) = default;
};

/// Campaign record: a member is exempted from the evaluation (eval.exemption_reasons).
struct exemption_approved {
    date::sys_days date{};
    member_id member;
    exemption_reason reason = exemption_reason::unable_to_express_will;
    std::string approved_by;  ///< the approving organisation and the branch decision; required
    /// Start of the absence, required for the absence categories (eval.exemption_absence_over_6_months).
    std::optional<date::sys_days> away_since;
    std::string note;

    friend bool operator==(exemption_approved const&, exemption_approved const&) = default;
};

/// Campaign record: a member's written self-assessment (党性分析) was handed in (eval.party_spirit_analysis).
struct self_assessment_submitted {
    date::sys_days date{};
    member_id member;
    std::string summary;  ///< the text or a reference to the filed document; required

    friend bool operator==(self_assessment_submitted const&, self_assessment_submitted const&) = default;
};

/// Campaign record: opinions of non-members (群众意见) heard during the appraisal. Recorded as evidence for
/// the organisational assessment; never part of a tally.
struct non_member_opinion {
    date::sys_days date{};
    std::optional<member_id>
        about;            ///< the member concerned, or nothing for opinions on the branch as a whole
    std::string source;   ///< e.g. "群众座谈会", "征求意见表"
    std::string summary;  ///< required

    friend bool operator==(non_member_opinion const&, non_member_opinion const&) = default;
};

/// One record of a campaign. The variant index is stable: new kinds are appended at the end.
using campaign_record =
    std::variant<phase_started, participants_added, exemption_approved, self_assessment_submitted,
                 non_member_opinion, ballots_counted, grade_proposed, member_informed, grade_decided,
                 result_sent, result_received, follow_up>;

/// Stable names of the record kinds, indexed by the variant index (for storage and messages).
inline constexpr std::array<std::string_view, std::variant_size_v<campaign_record>> campaign_record_kinds{
    "phase_started",      "participants_added", "exemption_approved", "self_assessment_submitted",
    "non_member_opinion", "ballots_counted",    "grade_proposed",     "member_informed",
    "grade_decided",      "result_sent",        "result_received",    "follow_up"};

/// The variant index of record kind `T` in `campaign_record`.
template <class T>
inline constexpr std::size_t campaign_record_index = record_index<T, campaign_record>;

/// The kind name of a record.
[[nodiscard]] inline std::string_view kind_name(campaign_record const& r) noexcept {
    return campaign_record_kinds[r.index()];
}

/// The date of a record.
[[nodiscard]] inline date::sys_days record_date(campaign_record const& r) noexcept {
    return std::visit([](auto const& x) { return x.date; }, r);
}

/// The steps during which a record kind may be recorded, and the rule a record outside them breaks.
struct record_window {
    campaign_phase first;
    campaign_phase last;
    std::string_view rule_id;
};

/// Windows of the record kinds, indexed like `campaign_record` (the entry of `phase_started` is unused: its
/// own order rule applies; `grade_decided` has specific rules checked before its window).
inline constexpr std::array<record_window, std::variant_size_v<campaign_record>> record_windows{{
    // phase_started (unused)
    {campaign_phase::study, campaign_phase::commendation_and_handling, "eval.phase_order"},
    // participants_added
    {campaign_phase::study, campaign_phase::appraisal_vote, "eval.phase_order"},
    // exemption_approved
    {campaign_phase::study, campaign_phase::appraisal_vote, "eval.phase_order"},
    // self_assessment_submitted
    {campaign_phase::self_assessment, campaign_phase::appraisal_self_review, "eval.phase_order"},
    // non_member_opinion
    {campaign_phase::appraisal_self_review, campaign_phase::organisational_assessment, "eval.phase_order"},
    // ballots_counted
    {campaign_phase::appraisal_vote, campaign_phase::appraisal_vote, "eval.ballot_in_appraisal"},
    // grade_proposed
    {campaign_phase::organisational_assessment, campaign_phase::organisational_assessment,
     "eval.grade_by_decision"},
    // member_informed
    {campaign_phase::organisational_assessment, campaign_phase::organisational_assessment,
     "eval.grade_by_decision"},
    // grade_decided
    {campaign_phase::organisational_assessment, campaign_phase::commendation_and_handling,
     "eval.grade_by_decision"},
    // result_sent
    {campaign_phase::organisational_assessment, campaign_phase::commendation_and_handling,
     "eval.one_grade_per_year"},
    // result_received
    {campaign_phase::study, campaign_phase::commendation_and_handling, "eval.one_grade_per_year"},
    // follow_up
    {campaign_phase::commendation_and_handling, campaign_phase::commendation_and_handling, "eval.follow_up"},
}};

/// A campaign of one organisation for one year: the aggregate. Storage persists it by replaying `records`.
struct campaign {
    campaign_id id;
    org_id org;            ///< the organisation running the evaluation (usually a branch)
    std::string org_name;  ///< for messages and the agenda
    int year = 0;          ///< the year evaluated (评议年度); one grade per member and year
    std::string rule_set_name = "national-2014";  ///< the rule set the campaign was opened under
    std::vector<campaign_record> records;         ///< in date order, each accepted by check_campaign_record

    friend bool operator==(campaign const&, campaign const&) = default;
};

/// What the campaign knows about one participant (derived).
struct participant_state {
    participant who;
    std::optional<exemption_reason> exempted;
    std::optional<date::sys_days> self_assessed_on;
    std::set<member_id> voters;              ///< evaluators who voted on this member — not their choices
    grade_tally tally;                       ///< ballots per grade over all counts
    std::vector<identified_choice> choices;  ///< only when the rule set keeps ballot identity
    std::optional<grade> proposed;           ///< the committee's latest proposal
    std::optional<date::sys_days> proposed_on;
    bool informed = false;            ///< the latest proposal was conveyed to the member
    std::optional<grade> final;       ///< the year's grade: decided here or received
    std::optional<org_id> graded_by;  ///< the organisation whose decision it is
    std::optional<date::sys_days> graded_on;
    bool result_sent = false;  ///< mobile member: the grade was sent to the home organisation
    std::vector<follow_up_kind> follow_ups;
    int non_member_opinions = 0;

    /// True when the organisational relationship is in the campaign's organisation.
    [[nodiscard]] bool relationship_here() const noexcept { return !who.relationship_in.has_value(); }
    /// True when the member is graded in this campaign: a full member not exempted.
    [[nodiscard]] bool gradable() const noexcept { return who.status == member_status::full && !exempted; }

    friend bool operator==(participant_state const&, participant_state const&) = default;
};

/// The state of a campaign on a date (derived by folding its records).
struct campaign_state {
    std::optional<campaign_phase> phase;  ///< nothing before the campaign starts
    std::array<std::optional<date::sys_days>, campaign_phase_count> phase_dates{};  ///< start of each step
    std::array<bool, campaign_phase_count> by_party_groups{};
    std::optional<date::sys_days> last_date;  ///< date of the last record folded
    std::map<member_id, participant_state> participants;

    /// The participant, or nullptr.
    [[nodiscard]] participant_state const* find(member_id m) const {
        auto it = participants.find(m);
        return it == participants.end() ? nullptr : &it->second;
    }
    /// Full members whose organisational relationship is here: the denominator of the 优秀 share
    /// (eval.excellent_share_cap). Exempted members count: the notes define the denominator as the full
    /// members of the organisation.
    [[nodiscard]] int full_members_here() const {
        int n = 0;
        for (auto const& [id, p] : participants)
            if (p.relationship_here() && p.who.status == member_status::full) ++n;
        return n;
    }
    /// 优秀 grades of members whose relationship is here, decided here or received.
    [[nodiscard]] int excellent_here() const {
        int n = 0;
        for (auto const& [id, p] : participants)
            if (p.relationship_here() && p.final == grade::excellent) ++n;
        return n;
    }

    friend bool operator==(campaign_state const&, campaign_state const&) = default;
};

namespace detail {

inline std::string phase_text(campaign_phase p) {
    return std::string(chinese_name(p)) + " (" + std::string(to_string(p)) + ")";
}

inline std::string member_text(member_id m) {
    return "member " + std::to_string(m.value());
}

// Folds one accepted record into the state.
struct campaign_folder {
    campaign const& c;
    campaign_state& s;

    void operator()(phase_started const& r) const {
        s.phase = r.phase;
        s.phase_dates[static_cast<std::size_t>(r.phase)] = r.date;
        s.by_party_groups[static_cast<std::size_t>(r.phase)] = r.by_party_groups;
    }
    void operator()(participants_added const& r) const {
        for (auto const& p : r.participants)
            s.participants[p.member].who = p;
    }
    void operator()(exemption_approved const& r) const { s.participants[r.member].exempted = r.reason; }
    void operator()(self_assessment_submitted const& r) const {
        s.participants[r.member].self_assessed_on = r.date;
    }
    void operator()(non_member_opinion const& r) const {
        if (r.about) ++s.participants[*r.about].non_member_opinions;
    }
    void operator()(ballots_counted const& r) const {
        auto& p = s.participants[r.member];
        p.voters.insert(r.voters.begin(), r.voters.end());
        p.tally.add(r.tally);
        p.choices.insert(p.choices.end(), r.choices.begin(), r.choices.end());
    }
    void operator()(grade_proposed const& r) const {
        auto& p = s.participants[r.member];
        p.proposed = r.proposed;
        p.proposed_on = r.date;
        p.informed = false;  // a new proposal must be conveyed again
    }
    void operator()(member_informed const& r) const { s.participants[r.member].informed = true; }
    void operator()(grade_decided const& r) const {
        auto& p = s.participants[r.member];
        p.final = r.decided;
        p.graded_by = c.org;
        p.graded_on = r.date;
    }
    void operator()(result_sent const& r) const { s.participants[r.member].result_sent = true; }
    void operator()(result_received const& r) const {
        auto& p = s.participants[r.member];
        p.final = r.received;
        p.graded_by = r.from;
        p.graded_on = r.date;
    }
    void operator()(follow_up const& r) const { s.participants[r.member].follow_ups.push_back(r.kind); }
};

}  // namespace detail

/// The state of `c` on `d`: its records dated on or before `d`, folded.
/// \pre the records were accepted one by one by check_campaign_record.
[[nodiscard]] inline campaign_state campaign_state_on(campaign const& c, date::sys_days d) {
    campaign_state s;
    for (auto const& r : c.records) {
        auto const rd = record_date(r);
        if (rd > d) break;
        std::visit(detail::campaign_folder{c, s}, r);
        s.last_date = rd;
    }
    return s;
}

/// The state of `c` after all its records.
[[nodiscard]] inline campaign_state campaign_state_of(campaign const& c) {
    campaign_state s;
    for (auto const& r : c.records) {
        std::visit(detail::campaign_folder{c, s}, r);
        s.last_date = record_date(r);
    }
    return s;
}

/// The grades decided by this campaign's organisation (received results are not included: they are
/// another organisation's grade). Pass them as `elsewhere` when checking the campaigns of other
/// organisations for the same year.
[[nodiscard]] inline std::vector<final_grade> final_grades(campaign const& c) {
    std::vector<final_grade> out;
    for (auto const& r : c.records)
        if (auto const* g = std::get_if<grade_decided>(&r))
            out.push_back({g->member, c.year, c.org, g->decided, g->date});
    return out;
}

/// The grade a profile suggests from the member's tally so far (advice for the committee's proposal).
/// \returns nothing when the member is not on the roll, has no ballots, or the profile suggests nothing.
[[nodiscard]] inline std::optional<grade> suggested_grade(campaign_state const& s, member_id m,
                                                          aggregation_profile const& profile) {
    auto const* p = s.find(m);
    if (!p) return std::nullopt;
    return suggest_grade(p->tally, profile);
}

namespace detail {

// Checks one record against the state; throws on the first problem found.
struct campaign_checker {
    campaign const& c;
    campaign_state const& s;
    rule_set const& rules;
    std::span<final_grade const> elsewhere;

    [[nodiscard]] campaign_phase phase() const { return *s.phase; }

    template <class R>
    void window(R const& r) const {
        constexpr auto kind = campaign_record_index<R>;
        auto const d = r.date;
        auto const& w = record_windows[kind];
        auto const p = phase();
        if (p >= w.first && p <= w.last) return;
        std::string const what = std::string(campaign_record_kinds[kind]) + " on " + format_date(d);
        std::string const when = "the campaign is in " + phase_text(p) + " since " +
                                 format_date(*s.phase_dates[static_cast<std::size_t>(p)]);
        if (p < w.first)
            throw violation(w.rule_id, what + " comes too early: it belongs to " + phase_text(w.first) +
                                           (w.first == w.last ? "" : " .. " + phase_text(w.last)) + "; " +
                                           when);
        throw violation(w.rule_id, what + " comes too late: " + phase_text(w.last) + " is over; " + when);
    }

    participant_state const& on_roll(member_id m, char const* field) const {
        auto const* p = s.find(m);
        if (!p) throw invalid_input(field, member_text(m) + " is not on the campaign's roll");
        return *p;
    }
    void not_exempted(participant_state const& p, char const* field) const {
        if (p.exempted)
            throw invalid_input(field, p.who.name + " (" + member_text(p.who.member) + ") is exempted (" +
                                           std::string(chinese_name(*p.exempted)) + ")");
    }
    void full_member(participant_state const& p, std::string_view what) const {
        if (p.who.status == member_status::probationary)
            throw violation("eval.probationary_not_graded", p.who.name +
                                                                " is a probationary member (预备党员): takes "
                                                                "part in the evaluation but " +
                                                                std::string(what) + " is not possible");
    }
    static void not_blank(std::string const& text, char const* field, std::string const& what) {
        if (text.find_first_not_of(" \t\r\n") == std::string::npos) throw invalid_input(field, what);
    }

    void operator()(phase_started const& r) const {
        if (s.phase == campaign_phase::closed)
            throw violation("eval.phase_order",
                            "the campaign is closed; " + phase_text(r.phase) + " cannot begin");
        auto const expected =
            s.phase ? static_cast<campaign_phase>(static_cast<int>(*s.phase) + 1) : campaign_phase::study;
        if (r.phase != expected)
            throw violation("eval.phase_order", phase_text(r.phase) + " cannot begin " +
                                                    (s.phase ? "after " + phase_text(*s.phase) : "first") +
                                                    "; the next step is " + phase_text(expected));
        if (s.last_date && r.date < *s.last_date)
            throw violation("eval.phase_order", phase_text(r.phase) + " dated " + format_date(r.date) +
                                                    " precedes the last record on " +
                                                    format_date(*s.last_date));
        if (r.by_party_groups && r.phase != campaign_phase::appraisal_self_review &&
            r.phase != campaign_phase::appraisal_mutual_review)
            throw invalid_input(
                "by_party_groups",
                "only self-review and mutual review are held in party groups, not " + phase_text(r.phase));
    }

    void operator()(participants_added const& r) const {
        window(r);
        if (r.participants.empty()) throw invalid_input("participants", "no participant given");
        std::set<member_id> seen;
        for (auto const& p : r.participants) {
            if (!p.member.valid()) throw invalid_input("participants", "a participant without a member id");
            not_blank(p.name, "name", "participant " + member_text(p.member) + " has no name");
            if (s.find(p.member) || !seen.insert(p.member).second)
                throw invalid_input("participants",
                                    p.name + " (" + member_text(p.member) + ") is already on the roll");
            if (p.relationship_in && (*p.relationship_in == c.org || !p.relationship_in->valid()))
                throw invalid_input("relationship_in", p.name +
                                                           ": relationship_in must name another organisation "
                                                           "(leave it empty when the relationship is here)");
        }
    }

    void operator()(exemption_approved const& r) const {
        window(r);
        auto const& p = on_roll(r.member, "member");
        not_exempted(p, "member");
        if (!p.voters.empty())
            throw invalid_input("member", p.who.name + " has already been appraised (" +
                                              std::to_string(p.voters.size()) +
                                              " ballots) and cannot be exempted");
        if (r.approved_by.find_first_not_of(" \t\r\n") == std::string::npos)
            throw violation("eval.exemption_reasons", "exempting " + p.who.name + " (" +
                                                          std::string(chinese_name(r.reason)) +
                                                          ") needs the approval of the higher organisation");
        if (!needs_absence(r.reason)) return;
        if (!r.away_since)
            throw invalid_input("away_since",
                                std::string(chinese_name(r.reason)) + " needs the date the absence began");
        if (*r.away_since > r.date)
            throw invalid_input("away_since", "absence beginning " + format_date(*r.away_since) +
                                                  " is after the exemption on " + format_date(r.date));
        int const months = rules.evaluation.exemption_absence_months;
        auto const threshold = add_months(*r.away_since, months);
        if (r.date <= threshold)
            throw violation("eval.exemption_absence_over_6_months",
                            p.who.name + " away since " + format_date(*r.away_since) + ": on " +
                                format_date(r.date) + " not yet more than " + std::to_string(months) +
                                " months (the first day that is: " + format_date(threshold + date::days{1}) +
                                ")");
    }

    void operator()(self_assessment_submitted const& r) const {
        window(r);
        auto const& p = on_roll(r.member, "member");
        not_exempted(p, "member");
        if (p.self_assessed_on)
            throw invalid_input("member", p.who.name + " handed in the self-assessment on " +
                                              format_date(*p.self_assessed_on) + " already");
        not_blank(r.summary, "summary", "the self-assessment (党性分析) is empty");
    }

    void operator()(non_member_opinion const& r) const {
        window(r);
        if (r.about) on_roll(*r.about, "about");
        not_blank(r.summary, "summary", "the opinion is empty");
    }

    void operator()(ballots_counted const& r) const {
        window(r);
        validate_ballots_counted(r, rules);
        auto const& p = on_roll(r.member, "member");
        not_exempted(p, "member");
        full_member(p, "a ballot on the grade");
        for (auto const v : r.voters) {
            auto const& e = on_roll(v, "voters");
            not_exempted(e, "voters");
            if (p.voters.count(v)) second_ballot(e.who.name + " (" + member_text(v) + ")", p.who.name);
        }
    }

    void operator()(grade_proposed const& r) const {
        window(r);
        auto const& p = on_roll(r.member, "member");
        not_exempted(p, "member");
        full_member(p, "a grade proposal");
        if (p.final)
            throw violation("eval.one_grade_per_year", p.who.name + " was graded " +
                                                           std::string(chinese_name(*p.final)) + " on " +
                                                           format_date(*p.graded_on) + " already");
    }

    void operator()(member_informed const& r) const {
        window(r);
        auto const& p = on_roll(r.member, "member");
        if (!p.proposed) throw invalid_input("member", p.who.name + " has no grade proposal to convey");
    }

    void one_grade(participant_state const& p) const {
        if (p.final)
            throw violation("eval.one_grade_per_year", p.who.name + " already has the grade " +
                                                           std::string(chinese_name(*p.final)) + " for " +
                                                           std::to_string(c.year) + " (organisation " +
                                                           std::to_string(p.graded_by->value()) + ", " +
                                                           format_date(*p.graded_on) + ")");
        for (auto const& g : elsewhere)
            if (g.member == p.who.member && g.year == c.year)
                throw violation("eval.one_grade_per_year",
                                p.who.name + " was graded " + std::string(chinese_name(g.decided)) + " for " +
                                    std::to_string(c.year) + " by organisation " +
                                    std::to_string(g.org.value()) + " on " + format_date(g.date) +
                                    "; a member has one grade a year");
    }

    void operator()(grade_decided const& r) const {
        auto const& p = on_roll(r.member, "member");
        not_exempted(p, "member");
        full_member(p, "a grade");
        one_grade(p);
        auto const ph = phase();
        if (r.decided == grade::unqualified && (ph < campaign_phase::organisational_assessment ||
                                                p.proposed != grade::unqualified || !p.informed))
            throw violation(
                "eval.unqualified_needs_assessment",
                "不合格 for " + p.who.name +
                    " needs the organisational assessment (组织考察): a committee proposal of 不合格 "
                    "conveyed to the member before the decision" +
                    (p.proposed ? std::string("; proposal: ") + std::string(chinese_name(*p.proposed)) +
                                      (p.informed ? ", conveyed" : ", not conveyed")
                                : std::string("; no proposal")));
        window(r);
        if (!p.proposed)
            throw violation("eval.grade_by_decision",
                            "no committee proposal for " + p.who.name +
                                ": the branch decides a grade on the committee's proposal, "
                                "not on the tally");
        if (r.vote) {
            if (r.by != decision_body::branch_meeting)
                throw invalid_input("vote", "a vote is recorded but the decision is by the branch committee");
            require_passed(*r.vote);
        }
        if (r.decided == grade::excellent && p.relationship_here())
            check_excellent_share(s.excellent_here() + 1, s.full_members_here(), r.over_cap_reason, rules);
    }

    void operator()(result_sent const& r) const {
        window(r);
        auto const& p = on_roll(r.member, "member");
        if (p.who.relationship_in != r.to || !r.to.valid())
            throw invalid_input("to", p.who.name + "'s organisational relationship is not in organisation " +
                                          std::to_string(r.to.value()));
        if (!p.final || p.graded_by != c.org)
            throw invalid_input("member", p.who.name + " has no grade decided here to send");
        if (p.result_sent) throw invalid_input("member", p.who.name + "'s result was sent already");
    }

    void operator()(result_received const& r) const {
        window(r);
        auto const& p = on_roll(r.member, "member");
        if (!p.relationship_here())
            throw invalid_input("member",
                                p.who.name + "'s relationship is not here; the result goes to organisation " +
                                    std::to_string(p.who.relationship_in->value()));
        if (!r.from.valid() || r.from == c.org)
            throw invalid_input("from", "a received result comes from another organisation");
        full_member(p, "a grade");
        if (p.final) one_grade(p);
        for (auto const& g : elsewhere)
            if (g.member == r.member && g.year == c.year && g.org == r.from && g.decided != r.received)
                throw invalid_input("received", std::string("organisation ") +
                                                    std::to_string(r.from.value()) + " decided " +
                                                    std::string(chinese_name(g.decided)) + ", not " +
                                                    std::string(chinese_name(r.received)));
    }

    void operator()(follow_up const& r) const {
        window(r);
        auto const& p = on_roll(r.member, "member");
        if (!p.final) throw invalid_input("member", p.who.name + " has no grade to follow up");
        if (!follow_up_fits(*p.final, r.kind))
            throw violation("eval.follow_up", std::string(chinese_name(r.kind)) +
                                                  " does not answer the grade " +
                                                  std::string(chinese_name(*p.final)) + " of " + p.who.name);
    }
};

}  // namespace detail

/// Checks that `next` may follow the records of `c` under `rules`. Nothing is changed.
///
/// Checked for every record: the campaign has an organisation and a year; it has begun (the first record
/// is `phase_started{study}`) and is not closed; the date does not precede the last record; the record
/// falls in its steps (`record_windows`). Then, per kind:
/// - `phase_started`: the next step, no step skipped (eval.phase_order);
/// - `participants_added`: new, named members; `relationship_in` names another organisation;
/// - `exemption_approved`: an approval (eval.exemption_reasons); for the absence categories more than
///   `exemption_absence_months` months of absence (eval.exemption_absence_over_6_months); not yet appraised;
/// - `self_assessment_submitted`: once per member, not exempted, not empty;
/// - `ballots_counted`: during 民主测评 only (eval.ballot_in_appraisal); a full member not exempted
///   (eval.probationary_not_graded); voters on the roll, not exempted, each once per member across all
///   counts (eval.one_ballot_per_evaluator); choices only when the rule set keeps identity;
/// - `grade_proposed`, `member_informed`: during 组织考察, for a gradable member;
/// - `grade_decided`: a full member (eval.probationary_not_graded) without a grade for the year here or in
///   `elsewhere` (eval.one_grade_per_year); 不合格 only on a 不合格 proposal conveyed to the member
///   (eval.unqualified_needs_assessment); from 组织考察 on and on a proposal (eval.grade_by_decision); a
///   branch-meeting vote, when recorded, with quorum and majority (vote.quorum_over_half,
///   vote.majority_of_entitled); 优秀 within the share cap or with a reason (eval.excellent_share_cap);
/// - `result_sent` / `result_received`: the mobile member's grade goes to the organisation holding the
///   relationship; the home records it once and never decides a second grade (eval.one_grade_per_year);
/// - `follow_up`: a graded member, with a follow-up that fits the grade (eval.follow_up).
///
/// \param elsewhere grades decided for the same year by other organisations' campaigns (see
///        `final_grades`); may be empty when the caller knows there are none.
/// \throws invalid_input naming the field; rule_violation naming the rule.
inline void check_campaign_record(campaign const& c, campaign_record const& next, rule_set const& rules,
                                  std::span<final_grade const> elsewhere = {}) {
    if (!c.org.valid()) throw invalid_input("org", "the campaign has no organisation");
    if (c.year < 1) throw invalid_input("year", "the campaign has no year (" + std::to_string(c.year) + ")");
    auto const s = campaign_state_of(c);
    auto const d = record_date(next);
    if (!s.phase && !std::holds_alternative<phase_started>(next))
        throw violation("eval.phase_order", std::string(kind_name(next)) + " on " + format_date(d) +
                                                " before the campaign began: the first step is " +
                                                detail::phase_text(campaign_phase::study));
    if (s.phase == campaign_phase::closed && !std::holds_alternative<phase_started>(next))
        throw violation("eval.phase_order", std::string(kind_name(next)) + " on " + format_date(d) +
                                                ": the campaign closed on " +
                                                format_date(*s.phase_dates[campaign_phase_count - 1]));
    if (s.last_date && d < *s.last_date && !std::holds_alternative<phase_started>(next))
        throw invalid_input("date", std::string(kind_name(next)) + " dated " + format_date(d) +
                                        " precedes the last record on " + format_date(*s.last_date));
    std::visit(detail::campaign_checker{c, s, rules, elsewhere}, next);
}

/// Checks `next` (check_campaign_record) and appends it. On a throw `c` is unchanged.
inline void record(campaign& c, campaign_record next, rule_set const& rules,
                   std::span<final_grade const> elsewhere = {}) {
    check_campaign_record(c, next, rules, elsewhere);
    c.records.push_back(std::move(next));
}

}  // namespace dangyuan
