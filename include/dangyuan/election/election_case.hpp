#pragma once
/// \file
/// An election (换届选举) of one organisation for one term, as an ordered list of dated records, its
/// rules, and its stage by fold (《中国共产党基层组织选举工作条例》 2020; 两推一选 where the masses also
/// nominate).
///
/// **Procedure.** The committee asks the higher organisation for the election (换届请示), the higher
/// organisation approves it (批复), members nominate candidates (党员推荐) and, in 两推一选, the masses too
/// (群众推荐), the committee reviews the nominations into a shortlist, the higher organisation approves the
/// candidate list (候选人预备人选审查同意), the members' (or delegates') meeting is held and votes in one
/// or more rounds, the committee elected is declared, the new committee elects its secretary and deputy
/// secretaries, the result is reported and the higher organisation approves the secretary
/// (election.steps_in_order, `election_transitions`). A term extension or advance (延期或提前换届) may be
/// recorded any time before the meeting.
///
/// **A branch without a committee** (不设支部委员会: fewer than seven full members,
/// org.committee_threshold_7) elects its secretary and at most one deputy at the members' meeting
/// directly (election.secretary_by_meeting_without_committee): the request says so
/// (`election_requested::without_committee`, one or two seats), an equal number of candidates is enough,
/// no committee is declared, and `secretary_elected` follows the rounds, naming who of the elected is
/// the secretary.
///
/// **Aggregate protocol.** `check_record(c, next, ctx, rules)` validates a record against the history
/// and the caller's facts (`election_context`: the members' count and the candidates' electoral
/// standing on the record's date) and changes nothing; `record` checks and then appends;
/// `election_state_of` folds the records. Records are dated; dates never go backwards.

#include <date/date.h>

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "dangyuan/core/calendar.hpp"
#include "dangyuan/core/enum_table.hpp"
#include "dangyuan/core/errors.hpp"
#include "dangyuan/core/ids.hpp"
#include "dangyuan/core/record_variant.hpp"
#include "dangyuan/election/election_rules.hpp"
#include "dangyuan/org/org.hpp"
#include "dangyuan/rules/catalogue.hpp"
#include "dangyuan/rules/rule_set.hpp"

namespace dangyuan {

struct election_tag;
/// An election case (one organisation, one term).
using election_id = strong_id<election_tag>;

/// How far an election has come (derived from its records).
enum class election_stage {
    not_started,          ///< no record yet
    requested,            ///< 换届请示 sent
    request_approved,     ///< 上级批复
    nominating,           ///< 党员推荐 / 群众推荐 under way
    reviewed,             ///< 委员会审查 (shortlist)
    candidates_approved,  ///< 上级审查同意候选人预备人选
    meeting_held,         ///< 党员大会 / 党员代表大会 opened
    voting,               ///< at least one round counted
    committee_elected,    ///< 委员会 elected
    secretary_elected,    ///< 书记、副书记 elected by the committee
    result_reported,      ///< 选举结果报上级
    completed,            ///< 上级批准书记: the new committee is in office
};

template <>
struct enum_table<election_stage> {
    static constexpr std::string_view field = "stage";
    static constexpr std::string_view noun = "election stage";
    static constexpr enum_row<election_stage> rows[] = {
        {election_stage::not_started, "not_started", "未开始"},
        {election_stage::requested, "requested", "已请示"},
        {election_stage::request_approved, "request_approved", "已批复"},
        {election_stage::nominating, "nominating", "推荐中"},
        {election_stage::reviewed, "reviewed", "已审查"},
        {election_stage::candidates_approved, "candidates_approved", "候选人已批准"},
        {election_stage::meeting_held, "meeting_held", "选举大会"},
        {election_stage::voting, "voting", "投票中"},
        {election_stage::committee_elected, "committee_elected", "委员会已选出"},
        {election_stage::secretary_elected, "secretary_elected", "书记已选出"},
        {election_stage::result_reported, "result_reported", "已报上级"},
        {election_stage::completed, "completed", "已批准"},
    };
};

/// Election record: the committee asks the higher organisation for the election (换届请示).
struct election_requested {
    date::sys_days date{};
    int seats = 0;                ///< committee places to elect (应选名额), at least 1
    date::sys_days planned_on{};  ///< the planned day of the electing meeting
    /// A branch without a committee: the meeting elects the secretary and, with two seats, one deputy.
    bool without_committee = false;
    std::string document;  ///< the request (请示), required
    std::string note;

    friend bool operator==(election_requested const&, election_requested const&) = default;
};

/// Election record: the higher organisation approves the request (批复).
struct request_approved {
    date::sys_days date{};
    std::string approved_by;  ///< the approving organisation, required
    std::string document;     ///< the reply (批复), required
    std::string note;

    friend bool operator==(request_approved const&, request_approved const&) = default;
};

/// One nominee and how many nominated them.
struct nomination {
    member_id nominee;
    int count = 0;  ///< nominations (推荐票) received, at least 1

    friend bool operator==(nomination const&, nomination const&) = default;
};

/// Election record: members nominate (党员推荐, the first 推).
struct members_nominated {
    date::sys_days date{};
    std::vector<nomination> nominees;  ///< not empty, each nominee once
    std::string note;

    friend bool operator==(members_nominated const&, members_nominated const&) = default;
};

/// Election record: the masses nominate (群众推荐, the second 推 of 两推一选). Optional.
struct masses_nominated {
    date::sys_days date{};
    std::vector<nomination> nominees;  ///< not empty, each nominee once
    std::string note;

    friend bool operator==(masses_nominated const&, masses_nominated const&) = default;
};

/// Election record: the committee reviews the nominations into a shortlist (委员会审查).
struct committee_reviewed {
    date::sys_days date{};
    std::vector<member_id> shortlist;  ///< nominees only, each once
    std::string note;

    friend bool operator==(committee_reviewed const&, committee_reviewed const&) = default;
};

/// Election record: the higher organisation approves the candidate list (候选人预备人选审查同意).
struct candidates_approved {
    date::sys_days date{};
    std::vector<member_id> candidates;  ///< from the shortlist; at least the seats plus a fifth
    std::string approved_by;            ///< required
    std::string document;               ///< required
    std::string note;

    friend bool operator==(candidates_approved const&, candidates_approved const&) = default;
};

/// Election record: the electing meeting is held (党员大会 or 党员代表大会) with its attendance.
struct meeting_held {
    date::sys_days date{};
    election_meeting kind = election_meeting::members_meeting;
    election_attendance attendance;  ///< entitled and present voters (election.quorum_over_4_5)
    bool dispersed = false;          ///< organisations dispersed: a delegates' meeting below 500 members
    std::string document;            ///< the approval of a delegates' meeting; required for one
    std::string note;

    friend bool operator==(meeting_held const&, meeting_held const&) = default;
};

/// A vote for someone not on the candidate list (另选他人): kept for the minutes, never elected here.
struct write_in {
    std::string name;
    int votes = 0;

    friend bool operator==(write_in const&, write_in const&) = default;
};

/// Election record: one round of voting counted (count_round).
struct round_counted {
    date::sys_days date{};
    round_counts counts;                   ///< seats = the seats still open
    std::vector<candidate_tally> tallies;  ///< approved candidates not yet elected
    std::vector<write_in> write_ins;
    std::string note;

    friend bool operator==(round_counted const&, round_counted const&) = default;
};

/// Election record: the meeting declares the committee elected (the union of the rounds' elected).
struct committee_elected {
    date::sys_days date{};
    std::vector<member_id> members;
    std::string note;

    friend bool operator==(committee_elected const&, committee_elected const&) = default;
};

/// Election record: the new committee elects its secretary and deputies from its members.
struct secretary_elected {
    date::sys_days date{};
    member_id secretary;
    std::vector<member_id> deputies;  ///< may be empty
    std::string note;

    friend bool operator==(secretary_elected const&, secretary_elected const&) = default;
};

/// Election record: the result is reported to the higher organisation (选举结果报告).
struct result_reported {
    date::sys_days date{};
    std::string reported_to;  ///< required
    std::string document;     ///< required
    std::string note;

    friend bool operator==(result_reported const&, result_reported const&) = default;
};

/// Election record: the higher organisation approves the secretary and deputies (批准): the new committee
/// is in office from this date.
struct secretary_approved {
    date::sys_days date{};
    std::string approved_by;  ///< required
    std::string document;     ///< required
    std::string note;

    friend bool operator==(secretary_approved const&, secretary_approved const&) = default;
};

/// Election record: the higher organisation approves holding the election after the term's end (延期换届).
struct term_extended {
    date::sys_days date{};
    date::sys_days until{};   ///< the election is held by this day: after the term's end, within a year
    std::string approved_by;  ///< required
    std::string document;     ///< required
    std::string reason;       ///< required
    std::string note;

    friend bool operator==(term_extended const&, term_extended const&) = default;
};

/// Election record: the higher organisation approves holding the election before the term's end (提前换届).
struct term_advanced {
    date::sys_days date{};
    date::sys_days from{};    ///< the election is held from this day: before the term's end, within a year
    std::string approved_by;  ///< required
    std::string document;     ///< required
    std::string reason;       ///< required
    std::string note;

    friend bool operator==(term_advanced const&, term_advanced const&) = default;
};

/// One record of an election. The variant index is stable: new kinds are appended at the end.
using election_record =
    std::variant<election_requested, request_approved, members_nominated, masses_nominated,
                 committee_reviewed, candidates_approved, meeting_held, round_counted, committee_elected,
                 secretary_elected, result_reported, secretary_approved, term_extended, term_advanced>;

/// Stable names of the record kinds, indexed by the variant index (for storage and messages).
inline constexpr std::array<std::string_view, std::variant_size_v<election_record>> election_record_kinds{
    "election_requested", "request_approved",    "members_nominated", "masses_nominated",
    "committee_reviewed", "candidates_approved", "meeting_held",      "round_counted",
    "committee_elected",  "secretary_elected",   "result_reported",   "secretary_approved",
    "term_extended",      "term_advanced"};

/// The variant index of record kind `T` in `election_record`.
template <class T>
inline constexpr std::size_t election_record_index = record_index<T, election_record>;

/// The kind name of a record.
[[nodiscard]] inline std::string_view kind_name(election_record const& r) noexcept {
    return election_record_kinds[r.index()];
}

/// The date of a record.
[[nodiscard]] inline date::sys_days record_date(election_record const& r) noexcept {
    return date_of(r);
}

/// The index of a kind name in `election_record_kinds`.
/// \throws invalid_input{"kind"} for an unknown name.
[[nodiscard]] inline std::size_t election_record_kind_index(std::string_view name) {
    for (std::size_t i = 0; i < election_record_kinds.size(); ++i)
        if (election_record_kinds[i] == name) return i;
    throw invalid_input("kind", "'" + std::string(name) + "' is not an election record kind");
}

/// Transition table (election.steps_in_order): for each record kind, the first and last stage after
/// which it may be recorded, and the stage it leads to (`std::nullopt`: the stage does not change).
struct election_transition {
    election_stage first;
    election_stage last;
    std::optional<election_stage> to;
};

/// The transitions, indexed like `election_record`.
inline constexpr std::array<election_transition, std::variant_size_v<election_record>> election_transitions{{
    // election_requested
    {election_stage::not_started, election_stage::not_started, election_stage::requested},
    // request_approved
    {election_stage::requested, election_stage::requested, election_stage::request_approved},
    // members_nominated
    {election_stage::request_approved, election_stage::nominating, election_stage::nominating},
    // masses_nominated
    {election_stage::request_approved, election_stage::nominating, election_stage::nominating},
    // committee_reviewed (needs a members' nomination: checked by the kind)
    {election_stage::nominating, election_stage::nominating, election_stage::reviewed},
    // candidates_approved
    {election_stage::reviewed, election_stage::reviewed, election_stage::candidates_approved},
    // meeting_held
    {election_stage::candidates_approved, election_stage::candidates_approved, election_stage::meeting_held},
    // round_counted (while seats are open: checked by the kind)
    {election_stage::meeting_held, election_stage::voting, election_stage::voting},
    // committee_elected
    {election_stage::voting, election_stage::voting, election_stage::committee_elected},
    // secretary_elected (after the committee; without a committee after the rounds: checked by the kind)
    {election_stage::voting, election_stage::committee_elected, election_stage::secretary_elected},
    // result_reported
    {election_stage::secretary_elected, election_stage::secretary_elected, election_stage::result_reported},
    // secretary_approved
    {election_stage::result_reported, election_stage::result_reported, election_stage::completed},
    // term_extended
    {election_stage::not_started, election_stage::candidates_approved, std::nullopt},
    // term_advanced
    {election_stage::not_started, election_stage::candidates_approved, std::nullopt},
}};

/// An election of one organisation for one term: the aggregate. Storage persists it by replaying
/// `records`.
struct election_case {
    election_id id;
    org_id org;            ///< the organisation electing its committee
    std::string org_name;  ///< for messages and the agenda
    /// The last day of the outgoing committee's term (term_start + term years); nothing for a first
    /// election, which has no term to keep.
    std::optional<date::sys_days> term_ends;
    std::vector<election_record> records;  ///< in date order, each accepted by check_record

    friend bool operator==(election_case const&, election_case const&) = default;
};

/// Facts the caller supplies for a check (the store takes them from its roster on the record's date).
struct election_context {
    int members = 0;  ///< members of the organisation (党员人数) for election.delegates_meeting_500
    /// Full members (正式党员) of the organisation on the day: a members' meeting has no more voters
    /// entitled (应到会) than these. Nothing: not checked.
    std::optional<int> full_members;
    /// Electoral standing of members named by the record (candidates, nominees, the elected). A member
    /// missing here is refused (invalid_input naming the field).
    std::map<member_id, electoral_standing> standing;
};

/// The state of an election (derived by folding its records).
struct election_state {
    election_stage stage = election_stage::not_started;
    std::optional<date::sys_days> last_date;  ///< date of the last record folded
    int seats = 0;
    bool without_committee = false;  ///< from the request: the meeting elects the secretary directly
    std::optional<date::sys_days> planned_on;      ///< from the request
    std::optional<date::sys_days> requested_on;    ///< date of the request
    std::optional<date::sys_days> approved_on;     ///< date of the request's approval
    std::optional<date::sys_days> extended_until;  ///< latest approved extension
    std::optional<date::sys_days> advanced_from;   ///< latest approved advance
    std::map<member_id, int> nominations;          ///< both nominations summed
    bool members_nominated = false;
    std::vector<member_id> shortlist;
    std::vector<member_id> candidates;
    std::optional<meeting_held> meeting;
    int rounds = 0;
    std::vector<member_id> elected;  ///< over all rounds, in order of election
    int open_seats = 0;              ///< seats still to fill after the rounds so far
    std::vector<member_id> committee;
    std::optional<member_id> secretary;
    std::vector<member_id> deputies;
    std::optional<date::sys_days> elected_on;    ///< the committee's election
    std::optional<date::sys_days> reported_on;   ///< the result reported
    std::optional<date::sys_days> completed_on;  ///< the secretary approved: the new term begins

    friend bool operator==(election_state const&, election_state const&) = default;
};

namespace detail {

// Folds one accepted record into the state.
struct election_folder {
    election_state& s;

    void operator()(election_requested const& r) const {
        s.seats = r.seats;
        s.open_seats = r.seats;
        s.without_committee = r.without_committee;
        s.planned_on = r.planned_on;
        s.requested_on = r.date;
    }
    void operator()(request_approved const& r) const { s.approved_on = r.date; }
    void operator()(members_nominated const& r) const {
        s.members_nominated = true;
        for (auto const& n : r.nominees)
            s.nominations[n.nominee] += n.count;
    }
    void operator()(masses_nominated const& r) const {
        for (auto const& n : r.nominees)
            s.nominations[n.nominee] += n.count;
    }
    void operator()(committee_reviewed const& r) const { s.shortlist = r.shortlist; }
    void operator()(candidates_approved const& r) const { s.candidates = r.candidates; }
    void operator()(meeting_held const& r) const { s.meeting = r; }
    void operator()(round_counted const& r) const {
        ++s.rounds;
        auto const result = count_round(r.counts, r.tallies);
        s.elected.insert(s.elected.end(), result.elected.begin(), result.elected.end());
        s.open_seats = s.seats - static_cast<int>(s.elected.size());
    }
    void operator()(committee_elected const& r) const {
        s.committee = r.members;
        s.elected_on = r.date;
    }
    void operator()(secretary_elected const& r) const {
        s.secretary = r.secretary;
        s.deputies = r.deputies;
        if (s.without_committee) s.elected_on = r.date;
    }
    void operator()(result_reported const& r) const { s.reported_on = r.date; }
    void operator()(secretary_approved const& r) const { s.completed_on = r.date; }
    void operator()(term_extended const& r) const { s.extended_until = r.until; }
    void operator()(term_advanced const& r) const { s.advanced_from = r.from; }
};

inline std::string election_stage_text(election_stage st) {
    return std::string(chinese_name(st)) + " (" + std::string(to_string(st)) + ")";
}

inline std::string election_member_text(member_id m) {
    return "member " + std::to_string(m.value());
}

}  // namespace detail

/// The state of `c` after all its records.
/// \pre the records were accepted one by one by check_record.
[[nodiscard]] inline election_state election_state_of(election_case const& c) {
    election_state s;
    for (auto const& r : c.records) {
        std::visit(detail::election_folder{s}, r);
        if (auto const to = election_transitions[r.index()].to) s.stage = *to;
        s.last_date = record_date(r);
    }
    return s;
}

/// The stage of `c` after all its records.
[[nodiscard]] inline election_stage stage_of(election_case const& c) {
    return election_state_of(c).stage;
}

namespace detail {

// Checks one record against the state; throws on the first problem found.
struct election_checker {
    election_case const& c;
    election_state const& s;
    election_context const& ctx;

    static void not_blank(std::string const& text, char const* field, std::string const& what) {
        if (text.find_first_not_of(" \t\r\n") == std::string::npos) throw invalid_input(field, what);
    }

    void may_stand(member_id m, char const* field, date::sys_days on) const {
        auto const it = ctx.standing.find(m);
        if (it == ctx.standing.end())
            throw invalid_input(
                field, election_member_text(m) + ": electoral standing on " + format_date(on) + " not known");
        require_may_stand(it->second, election_member_text(m) + " on " + format_date(on));
    }

    static void distinct_valid(std::vector<member_id> const& ids, char const* field) {
        std::set<member_id> seen;
        for (auto const m : ids) {
            if (!m.valid()) throw invalid_input(field, "a member without an id");
            if (!seen.insert(m).second) throw invalid_input(field, election_member_text(m) + " named twice");
        }
    }

    static bool contains(std::vector<member_id> const& v, member_id m) {
        return std::find(v.begin(), v.end(), m) != v.end();
    }

    void nominations(std::vector<nomination> const& ns, date::sys_days on) const {
        if (ns.empty()) throw invalid_input("nominees", "no nominee given");
        std::vector<member_id> ids;
        for (auto const& n : ns) {
            if (n.count < 1)
                throw invalid_input("count", election_member_text(n.nominee) + ": " +
                                                 std::to_string(n.count) + " nominations");
            ids.push_back(n.nominee);
        }
        distinct_valid(ids, "nominees");
        for (auto const m : ids)
            may_stand(m, "nominees", on);
    }

    void operator()(election_requested const& r) const {
        if (r.seats < 1) throw invalid_input("seats", "at least one seat is elected");
        if (r.without_committee && r.seats > 2)
            throw invalid_input("seats",
                                "a branch without a committee (不设委员会) elects a secretary and at most "
                                "one deputy: 1 or 2 seats, not " +
                                    std::to_string(r.seats));
        if (r.planned_on < r.date)
            throw invalid_input("planned_on", "the meeting planned on " + format_date(r.planned_on) +
                                                  " precedes the request on " + format_date(r.date));
        not_blank(r.document, "document", "the request (换届请示) names no document");
    }
    void operator()(request_approved const& r) const {
        not_blank(r.approved_by, "approved_by", "the approving organisation is not named");
        not_blank(r.document, "document", "the reply (批复) names no document");
    }
    void operator()(members_nominated const& r) const { nominations(r.nominees, r.date); }
    void operator()(masses_nominated const& r) const { nominations(r.nominees, r.date); }
    void operator()(committee_reviewed const& r) const {
        if (!s.members_nominated)
            throw violation("election.steps_in_order",
                            "the committee reviews the members' nominations (党员推荐): none recorded");
        if (r.shortlist.empty()) throw invalid_input("shortlist", "the shortlist is empty");
        distinct_valid(r.shortlist, "shortlist");
        for (auto const m : r.shortlist)
            if (!s.nominations.count(m))
                throw invalid_input("shortlist", election_member_text(m) + " was not nominated");
    }
    void operator()(candidates_approved const& r) const {
        not_blank(r.approved_by, "approved_by", "the approving organisation is not named");
        not_blank(r.document, "document", "the approval names no document");
        distinct_valid(r.candidates, "candidates");
        for (auto const m : r.candidates)
            if (!contains(s.shortlist, m))
                throw invalid_input("candidates", election_member_text(m) + " is not on the shortlist");
        if (!s.without_committee)
            require_competitive(s.seats, static_cast<int>(r.candidates.size()));
        else if (static_cast<int>(r.candidates.size()) < s.seats)  // an equal number is enough (等额)
            throw invalid_input("candidates", std::to_string(r.candidates.size()) + " candidates for " +
                                                  std::to_string(s.seats) + " seats");
        for (auto const m : r.candidates)
            may_stand(m, "candidates", r.date);
    }
    void operator()(meeting_held const& r) const {
        require_meeting_form(r.kind, ctx.members, r.dispersed);
        if (r.kind == election_meeting::delegates_meeting)
            not_blank(r.document, "document", "a delegates' meeting (党员代表大会) needs its approval");
        require_election_quorum(r.attendance);
        if (r.kind == election_meeting::members_meeting && ctx.full_members &&
            r.attendance.entitled > *ctx.full_members)
            throw invalid_input("entitled", std::to_string(r.attendance.entitled) +
                                                " entitled to vote, but the organisation has " +
                                                std::to_string(*ctx.full_members) + " full members on " +
                                                format_date(r.date));
        if (c.term_ends) {
            // Off the term's end only with an approved change covering the day (the change's own limit
            // of a year was checked when it was recorded).
            auto const ends = *c.term_ends;
            if (r.date > ends)
                require_term_change({.term_ends = s.extended_until.value_or(ends),
                                     .held_on = r.date,
                                     .approved = s.extended_until && r.date <= *s.extended_until});
            else if (r.date < ends)
                require_term_change({.term_ends = s.advanced_from.value_or(ends),
                                     .held_on = r.date,
                                     .approved = s.advanced_from && r.date >= *s.advanced_from});
        }
        for (auto const m : s.candidates)
            may_stand(m, "candidates", r.date);
    }
    void operator()(round_counted const& r) const {
        if (s.open_seats < 1)
            throw violation("election.steps_in_order", "every seat is filled: no further round");
        if (r.counts.seats != s.open_seats)
            throw invalid_input("seats", "the round elects " + std::to_string(r.counts.seats) +
                                             " seats but " + std::to_string(s.open_seats) + " are open");
        if (r.counts.voters_present > s.meeting->attendance.present)
            throw invalid_input("voters_present", std::to_string(r.counts.voters_present) +
                                                      " voters in the round but " +
                                                      std::to_string(s.meeting->attendance.present) +
                                                      " present at the meeting");
        if (r.tallies.empty()) throw invalid_input("tallies", "no candidate counted");
        for (auto const& t : r.tallies) {
            if (!contains(s.candidates, t.candidate))
                throw invalid_input("candidate",
                                    election_member_text(t.candidate) + " is not an approved candidate");
            if (contains(s.elected, t.candidate))
                throw invalid_input("candidate", election_member_text(t.candidate) + " is elected already");
        }
        for (auto const& w : r.write_ins) {
            not_blank(w.name, "write_ins", "a write-in without a name");
            if (w.votes < 0 || w.votes > r.counts.ballots_returned)
                throw invalid_input("write_ins", w.name + ": " + std::to_string(w.votes) + " votes");
        }
        (void)count_round(r.counts, r.tallies);  // throws invalid_input for impossible counts
    }
    void operator()(committee_elected const& r) const {
        if (s.without_committee)
            throw violation("election.secretary_by_meeting_without_committee",
                            "the branch elects no committee (不设委员会): the meeting elected its secretary "
                            "directly; record secretary_elected");
        if (s.open_seats > 0)
            throw violation("election.elected_over_half_present",
                            std::to_string(s.open_seats) + " of " + std::to_string(s.seats) +
                                " seats not filled by a majority: a further round first");
        distinct_valid(r.members, "members");
        auto a = r.members;
        auto b = s.elected;
        std::sort(a.begin(), a.end());
        std::sort(b.begin(), b.end());
        if (a != b)
            throw invalid_input("members", "the committee declared is not the candidates the rounds elected");
    }
    void operator()(secretary_elected const& r) const {
        if (s.without_committee) return elected_directly(r);
        if (s.stage != election_stage::committee_elected)
            throw violation("election.steps_in_order",
                            "the committee elects its secretary: the committee elected is declared first "
                            "(committee_elected)");
        if (!contains(s.committee, r.secretary))
            throw violation("election.secretary_from_committee",
                            election_member_text(r.secretary) + " is not a member of the committee elected");
        distinct_valid(r.deputies, "deputies");
        for (auto const m : r.deputies) {
            if (m == r.secretary)
                throw invalid_input("deputies", election_member_text(m) + " is the secretary");
            if (!contains(s.committee, m))
                throw violation("election.secretary_from_committee",
                                election_member_text(m) + " is not a member of the committee elected");
        }
    }
    // Without a committee the meeting's rounds elected the secretary and the deputy: the record names
    // which of them is the secretary, and all of them hold a post.
    void elected_directly(secretary_elected const& r) const {
        if (s.open_seats > 0)
            throw violation("election.elected_over_half_present",
                            std::to_string(s.open_seats) + " of " + std::to_string(s.seats) +
                                " seats not filled by a majority: a further round first");
        distinct_valid(r.deputies, "deputies");
        if (r.deputies.size() > 1)
            throw invalid_input("deputies", "a branch without a committee has at most one deputy");
        auto named = r.deputies;
        named.push_back(r.secretary);
        for (auto const m : named)
            if (!contains(s.elected, m))
                throw violation("election.secretary_by_meeting_without_committee",
                                election_member_text(m) + " was not elected by the meeting");
        if (contains(r.deputies, r.secretary))
            throw invalid_input("deputies", election_member_text(r.secretary) + " is the secretary");
        if (named.size() != s.elected.size())
            throw invalid_input("deputies", "the meeting elected " + std::to_string(s.elected.size()) +
                                                " but " + std::to_string(named.size()) + " are named");
    }
    void operator()(result_reported const& r) const {
        not_blank(r.reported_to, "reported_to", "the organisation reported to is not named");
        not_blank(r.document, "document", "the report names no document");
    }
    void operator()(secretary_approved const& r) const {
        not_blank(r.approved_by, "approved_by", "the approving organisation is not named");
        not_blank(r.document, "document", "the approval names no document");
    }
    template <class R>
    void term_change_common(R const& r) const {
        not_blank(r.approved_by, "approved_by", "the approving organisation is not named");
        not_blank(r.document, "document", "the approval names no document");
        not_blank(r.reason, "reason", "an extension or advance needs its reason");
        if (!c.term_ends) throw invalid_input("term_ends", "a first election has no term to change");
    }
    void operator()(term_extended const& r) const {
        term_change_common(r);
        if (r.until <= *c.term_ends)
            throw invalid_input(
                "until", format_date(r.until) + " is not after the term's end " + format_date(*c.term_ends));
        require_term_change({.term_ends = *c.term_ends, .held_on = r.until, .approved = true});
    }
    void operator()(term_advanced const& r) const {
        term_change_common(r);
        if (r.from >= *c.term_ends)
            throw invalid_input(
                "from", format_date(r.from) + " is not before the term's end " + format_date(*c.term_ends));
        if (r.from < add_years(*c.term_ends, -1))
            throw violation("election.term_advance_within_1_year",
                            "advance to " + format_date(r.from) +
                                ": more than a year before the term's end " + format_date(*c.term_ends));
    }
};

}  // namespace detail

/// Checks that `next` may follow the records of `c`, given the caller's facts `ctx`. Nothing is changed.
///
/// Checked for every record: the case has an organisation; the date does not precede the last record
/// (invalid_input "date"); the kind may follow the stage (`election_transitions`,
/// election.steps_in_order). Then, per kind:
/// - `election_requested`: at least one seat, a planned date not before the request, a document;
/// - `request_approved`, `result_reported`, `secretary_approved`: the organisation and the document;
/// - `members_nominated`, `masses_nominated`: nominees once each with at least one nomination, who may
///   stand (election.full_members_only);
/// - `committee_reviewed`: after the members' nomination (election.steps_in_order), nominees only;
/// - `candidates_approved`: from the shortlist, at least the seats plus a fifth
///   (election.candidates_exceed_seats_20_percent), each may stand on the day (election.full_members_only);
/// - `meeting_held`: a delegates' meeting only from 500 members or dispersed (election.delegates_meeting_500)
///   and with its approval document; more than four fifths present (election.quorum_over_4_5); a meeting
///   after the term's end needs an approved extension covering the day (election.term_change_approved,
///   election.term_extension_within_1_year), one before it an approved advance; every candidate may still
///   stand on the meeting day (election.full_members_only); a members' meeting entitles no more voters
///   than the organisation's full members (`election_context::full_members`, invalid_input "entitled");
/// - `round_counted`: seats still open (election.steps_in_order) and the round's seats equal to them,
///   voters not beyond those present, approved candidates not yet elected, counts `count_round` accepts;
/// - `committee_elected`: every seat filled by a majority (election.elected_over_half_present) and the
///   members those the rounds elected;
/// - `secretary_elected`: secretary and deputies from the committee (election.secretary_from_committee),
///   after it is declared (election.steps_in_order); without a committee, after every seat is filled
///   (election.elected_over_half_present), exactly those the meeting elected
///   (election.secretary_by_meeting_without_committee);
/// - `election_requested` without a committee: one or two seats; `candidates_approved` then needs as many
///   candidates as seats, not a fifth more; `committee_elected` is refused
///   (election.secretary_by_meeting_without_committee);
/// - `term_extended` / `term_advanced`: before the meeting, with approval, document and reason; an
///   extension at most a year after the term's end (election.term_extension_within_1_year), an advance at
///   most a year before it (election.term_advance_within_1_year).
/// \throws invalid_input naming the field; rule_violation naming the rule.
inline void check_record(election_case const& c, election_record const& next, election_context const& ctx,
                         rule_set const& /*rules*/ = rule_set{}) {
    if (!c.org.valid()) throw invalid_input("org", "the election has no organisation");
    auto const s = election_state_of(c);
    auto const d = record_date(next);
    if (s.last_date && d < *s.last_date)
        throw invalid_input("date", std::string(kind_name(next)) + " dated " + format_date(d) +
                                        " precedes the last record on " + format_date(*s.last_date));
    if (std::holds_alternative<secretary_approved>(next) && s.stage == election_stage::secretary_elected)
        throw violation("election.result_reported", "the secretary elected on " + format_date(*s.last_date) +
                                                        " is approved after the result is reported to the "
                                                        "higher organisation: no report recorded");
    auto const& t = election_transitions[next.index()];
    if (s.stage < t.first || s.stage > t.last)
        throw violation("election.steps_in_order",
                        std::string(kind_name(next)) + " on " + format_date(d) + " cannot follow " +
                            detail::election_stage_text(s.stage) + "; it follows " +
                            detail::election_stage_text(t.first) +
                            (t.first == t.last ? "" : " .. " + detail::election_stage_text(t.last)));
    std::visit(detail::election_checker{c, s, ctx}, next);
}

/// Checks `next` (check_record) and appends it. On a throw `c` is unchanged.
inline void record(election_case& c, election_record next, election_context const& ctx,
                   rule_set const& rules = rule_set{}) {
    check_record(c, next, ctx, rules);
    c.records.push_back(std::move(next));
}

/// The leadership the election produced: the secretary, the deputies, then the other committee members.
/// Empty before the secretary is elected.
[[nodiscard]] inline std::vector<officer> elected_leadership(election_state const& s) {
    std::vector<officer> out;
    if (!s.secretary) return out;
    out.push_back({*s.secretary, officer_role::secretary, {}});
    for (auto const m : s.deputies)
        out.push_back({m, officer_role::deputy_secretary, {}});
    for (auto const m : s.committee)
        if (m != *s.secretary && std::find(s.deputies.begin(), s.deputies.end(), m) == s.deputies.end())
            out.push_back({m, officer_role::committee_member, {}});
    return out;
}

}  // namespace dangyuan
