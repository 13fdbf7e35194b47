#pragma once
/// \file
/// A development case (发展党员): one person's dated step records, the rules that guard each step, and
/// the state derived by replaying them.

#include <date/date.h>

#include <algorithm>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "dangyuan/core/calendar.hpp"
#include "dangyuan/core/codes.hpp"
#include "dangyuan/core/id_number.hpp"
#include "dangyuan/core/work_calendar.hpp"
#include "dangyuan/development/steps.hpp"
#include "dangyuan/development/transitions.hpp"
#include "dangyuan/rules/catalogue.hpp"
#include "dangyuan/rules/rule_set.hpp"
#include "dangyuan/rules/vote.hpp"

namespace dangyuan {

/// The person a case is about. Applicants are not members yet; on approval of admission the store adds
/// them to the roster as probationary members.
struct applicant {
    std::string name;  ///< 姓名
    dangyuan::sex sex = dangyuan::sex::unstated;
    civil_day birth_date{};
    std::optional<citizen_id> id_number;  ///< birth date and sex must agree with it
    dangyuan::ethnicity ethnicity = dangyuan::ethnicity::han;
    std::optional<dangyuan::education> education;
    std::optional<personnel_category> category;
    std::string work_unit;
    org_id branch;  ///< the branch handling the case
    /// 流动人员: applied where they work or live away from their household registration (细则 第16条:
    /// the political review then also consults the 户籍地 and 居住地 organisations).
    bool mobile = false;

    friend bool operator==(applicant const&, applicant const&) = default;
};

/// What the rules need to know about a member named in a step (a talker, a contact, an introducer) on
/// the step's date. The store answers from the roster; without a lookup these checks are skipped.
struct member_eligibility {
    bool exists = false;
    bool full_member = false;             ///< 正式党员 on the date
    bool normal_standing = false;         ///< not suspended, not exited
    bool rights_suspended = false;        ///< under 留党察看 with rights not yet restored
    std::optional<citizen_id> id_number;  ///< to tell whether the member is the applicant
    std::string name;
};
using eligibility_lookup = std::function<member_eligibility(member_id, date::sys_days)>;

/// A completed public notice (公示) and the step it precedes.
struct notice_record {
    step notice_for;
    date::sys_days start;
    date::sys_days end;
    int objections = 0;
    friend bool operator==(notice_record const&, notice_record const&) = default;
};

/// The state of a case, derived by folding its records.
struct case_state {
    stage current = stage::applicant;
    std::optional<case_outcome> outcome;
    std::set<step> recorded;                  ///< kinds recorded at least once
    std::optional<date::sys_days> last_date;  ///< date of the last record
    std::optional<date::sys_days> applied;    ///< application date
    std::optional<date::sys_days> first_talk;
    std::optional<date::sys_days> activist_since;     ///< 确定为入党积极分子
    std::optional<date::sys_days> cultivation_start;  ///< counted continuously across a move
    std::optional<date::sys_days> last_assessment;    ///< last half-year assessment (or activist date)
    std::vector<member_id> contacts;                  ///< 培养联系人
    std::optional<date::sys_days> target_since;       ///< 确定为发展对象
    std::vector<member_id> introducers;               ///< 入党介绍人
    std::optional<bool> review_passed;                ///< political review result
    int training_days = 0;
    int training_hours = 0;
    bool training_waived = false;
    std::optional<date::sys_days> pre_review_date;
    std::optional<bool> pre_review_passed;
    std::optional<date::sys_days> expected_leave;
    std::vector<notice_record> notices;
    std::optional<date::sys_days> admission_meeting;  ///< 入党日期: the branch meeting that admitted
    bool higher_talk = false;
    std::optional<date::sys_days> approval;  ///< admission approved by the higher committee
    std::optional<date::sys_days> oath;
    std::optional<date::sys_days> probation_end;   ///< end of probation, or of the extension
    std::optional<date::sys_days> transferred_in;  ///< relationship transferred in during probation (转入)
    int extensions = 0;
    std::optional<date::sys_days> conversion_applied;  ///< latest application, cleared by a meeting
    std::optional<date::sys_days> conversion_meeting;  ///< latest meeting awaiting approval
    std::optional<conversion_decision> pending_decision;
    int pending_extension_months = 0;
    std::optional<date::sys_days> conversion_approved;
    std::optional<date::sys_days> full_member_date;  ///< 转正日期 = end of probation or extension
    std::optional<date::sys_days> archived;

    friend bool operator==(case_state const&, case_state const&) = default;
};

namespace detail {

inline std::string step_label(step s) {
    auto const n = official_number(s);
    return (n ? std::to_string(n) + " " : std::string()) + std::string(chinese_name(s)) + " (" +
           std::string(to_string(s)) + ")";
}

/// Folds one record into the state. Records are assumed valid (they passed check_step).
inline void fold(case_state& st, step_record const& r, rule_set const& rules) {
    auto const& p = rules.development;
    auto const kind = kind_of(r);
    date::sys_days const day = record_date(r);
    st.recorded.insert(kind);
    st.last_date = day;
    switch (kind) {
        case step::application_submitted:
            st.applied = day;
            break;
        case step::talk_held:
            if (!st.first_talk) st.first_talk = day;
            break;
        case step::activist_determined:
            st.activist_since = st.last_assessment = st.cultivation_start = day;
            break;
        case step::cultivation_transferred:
            st.cultivation_start = std::get<cultivation_transferred_step>(r).since;
            break;
        case step::contacts_assigned:
            st.contacts = std::get<contacts_assigned_step>(r).members;
            break;
        case step::activist_assessed:
            st.last_assessment = day;
            break;
        case step::target_determined:
            st.target_since = day;
            break;
        case step::introducers_assigned:
            st.introducers = std::get<introducers_assigned_step>(r).members;
            break;
        case step::political_review:
            st.review_passed = std::get<political_review_step>(r).passed.value_or(false);
            break;
        case step::training_completed: {
            auto const& d = std::get<training_completed_step>(r);
            st.training_days += d.days;
            st.training_hours += d.class_hours;
            st.training_waived = st.training_waived || d.special_case;
            break;
        }
        case step::pre_review: {
            auto const& d = std::get<pre_review_step>(r);
            st.pre_review_date = day;
            st.pre_review_passed = d.passed.value_or(false);
            if (d.expected_leave) st.expected_leave = d.expected_leave;
            break;
        }
        case step::public_notice: {
            auto const& d = std::get<public_notice_step>(r);
            st.notices.push_back({*d.notice_for, day, d.notice_end.value_or(day), d.objections});
            break;
        }
        case step::admission_meeting:
            if (auto const& v = std::get<admission_meeting_step>(r).vote; v && passes(*v)) {
                st.admission_meeting = day;
                st.probation_end = add_months(day, p.probation_months);
            } else {
                st.outcome = case_outcome::not_admitted;
            }
            break;
        case step::higher_committee_talk:
            st.higher_talk = true;
            break;
        case step::admission_approved:
            if (std::get<admission_approved_step>(r).passed.value_or(false))
                st.approval = day;
            else
                st.outcome = case_outcome::not_admitted;
            break;
        case step::oath_taken:
            st.oath = day;
            break;
        case step::conversion_applied:
            st.conversion_applied = day;
            break;
        case step::conversion_meeting: {
            auto const& d = std::get<conversion_meeting_step>(r);
            st.conversion_meeting = day;
            st.pending_decision = d.decision;
            st.pending_extension_months = d.extension_months;
            st.conversion_applied.reset();
            break;
        }
        case step::conversion_approved:
            if (std::get<conversion_approved_step>(r).passed.value_or(false)) {
                switch (st.pending_decision.value_or(conversion_decision::convert)) {
                    case conversion_decision::convert:
                        st.full_member_date = st.probation_end;
                        st.conversion_approved = day;
                        break;
                    case conversion_decision::extend:
                        st.probation_end = add_months(*st.probation_end, st.pending_extension_months);
                        ++st.extensions;
                        break;
                    case conversion_decision::cancel:
                        st.outcome = case_outcome::probation_cancelled;
                        break;
                }
            }
            st.conversion_meeting.reset();
            st.pending_decision.reset();
            st.pending_extension_months = 0;
            break;
        case step::archived:
            st.archived = day;
            break;
        case step::withdrawn:
            st.outcome = case_outcome::withdrawn;
            break;
        case step::transferred_in:
            st.transferred_in = day;
            break;
        default:
            break;
    }
    if (auto const& t = transition_for(kind); t.to && !st.outcome) {
        if (kind != step::admission_meeting || st.admission_meeting) st.current = *t.to;
    }
    if (kind == step::conversion_approved && st.full_member_date) st.current = stage::full_member;
}

/// The rule that a missing prerequisite breaks: the specific rule where the catalogue has one, else the
/// general sequence rule.
inline std::string_view rule_for_missing(step kind, step need) {
    switch (need) {
        case step::activist_filed:
            return "dev.activist_filed";
        case step::target_filed:
            return "dev.target_filed";
        case step::higher_committee_talk:
            return "dev.higher_talk_before_approval";
        case step::pre_review:
            return "dev.pre_review_in_writing";
        case step::introducers_assigned:
            return "dev.two_introducers";
        case step::political_review:
            return "dev.political_review_conclusion";
        case step::training_completed:
            return kind == step::committee_reviewed ? "dev.training_3_days_or_24_hours" : "dev.step_sequence";
        case step::contacts_assigned:
            return "dev.contacts_1_to_2";
        case step::talk_held:
            return "dev.talk_within_1_month";
        default:
            return "dev.step_sequence";
    }
}

/// True when a notice of enough working days, without open objections, ended before `on` for `s`.
inline bool notice_done(case_state const& st, step s, date::sys_days on, rule_set const& rules,
                        work_calendar const& cal) {
    auto const need = rules.development.public_notice_working_days;
    for (auto const& n : st.notices) {
        if (n.notice_for != s || n.end >= on || n.objections > 0) continue;
        auto days = cal.working_days_between(n.start, n.end);
        if (rules.development.public_notice_first_day_counts && cal.is_working_day(n.start)) ++days;
        if (days >= need) return true;
    }
    return false;
}

}  // namespace detail

/// The last day for the branch meeting that discusses the conversion (转正讨论) once probation ends:
/// `conversion_prompt_months` after the end (dev.conversion_discussed_promptly), or for a member
/// transferred in during probation `conversion_postpone_max_months`
/// (dev.conversion_postponed_transferred_in). The full-member date still counts from the end of probation.
/// Pre-condition: `st.probation_end` is set.
[[nodiscard]] inline date::sys_days conversion_meeting_deadline(case_state const& st,
                                                                development_params const& p) {
    return add_months(*st.probation_end,
                      st.transferred_in ? p.conversion_postpone_max_months : p.conversion_prompt_months);
}

/// The rule that sets `conversion_meeting_deadline` for this case.
[[nodiscard]] inline char const* conversion_meeting_rule(case_state const& st) noexcept {
    return st.transferred_in ? "dev.conversion_postponed_transferred_in"
                             : "dev.conversion_discussed_promptly";
}

/// One person's development case: records in date order, each checked against the history and the rule
/// set the case was opened under. State is derived by replay, so a case read back from storage and
/// replayed is the same case.
class development_case {
public:
    /// Opens a case under a rule set; the first record must be the application.
    /// \param backfilled 补录: history is recorded in order but time and content rules are not checked.
    development_case(dangyuan::applicant person, rule_set rules, bool backfilled = false)
        : person_(std::move(person)), rules_(std::move(rules)), backfilled_(backfilled) {}

    [[nodiscard]] dangyuan::applicant const& person() const noexcept { return person_; }
    [[nodiscard]] rule_set const& rules() const noexcept { return rules_; }
    [[nodiscard]] bool backfilled() const noexcept { return backfilled_; }
    [[nodiscard]] std::vector<step_record> const& records() const noexcept { return records_; }
    /// The state after every record.
    [[nodiscard]] case_state const& state() const noexcept { return state_; }
    /// The state from the records dated on or before `d`.
    [[nodiscard]] case_state state_on(date::sys_days d) const {
        case_state st;
        for (auto const& r : records_) {
            if (record_date(r) > d) break;
            detail::fold(st, r, rules_);
        }
        return st;
    }

    /// Validates `r` against the history (see the rules in docs/rules.md, prefix `dev.`).
    /// \throws invalid_input naming the field; rule_violation naming the rule. The case is unchanged.
    void check(step_record const& r, eligibility_lookup const& lookup = {},
               work_calendar const& cal = work_calendar::china()) const;

    /// Checks and appends a record (strong guarantee: on throw nothing changes).
    void record(step_record r, eligibility_lookup const& lookup = {},
                work_calendar const& cal = work_calendar::china()) {
        check(r, lookup, cal);
        detail::fold(state_, r, rules_);
        records_.push_back(std::move(r));
    }

    /// Rebuilds a case from stored records without re-checking them (they were checked when written).
    [[nodiscard]] static development_case replay(dangyuan::applicant person, rule_set rules, bool backfilled,
                                                 std::vector<step_record> records) {
        development_case c(std::move(person), std::move(rules), backfilled);
        for (auto& r : records) {
            detail::fold(c.state_, r, c.rules_);
            c.records_.push_back(std::move(r));
        }
        return c;
    }

private:
    void check_sequence(step_record const& r) const;
    void check_guards(step_record const& r, eligibility_lookup const& lookup, work_calendar const& cal) const;
    void check_members(std::vector<member_id> const& ms, date::sys_days on, eligibility_lookup const& lookup,
                       std::string_view rule, int min, int max, char const* what) const;
    /// A higher committee's collective decision (票决), when its counts are recorded: quorum and majority
    /// of the committee members entitled, and the result agrees with `passed`.
    static void check_committee_vote(std::optional<branch_vote> const& vote, bool passed);
    /// The member named for a role (introducer, contact) still qualifies on `on`: the roles are re-checked
    /// on every date the rules depend on, not only on the day of the assignment.
    void check_eligible(member_id id, date::sys_days on, eligibility_lookup const& lookup,
                        std::string_view rule, char const* what) const;

    dangyuan::applicant person_;
    rule_set rules_;
    bool backfilled_ = false;
    std::vector<step_record> records_;
    case_state state_;
};

// ---------------------------------------------------------------------------------------------------
// Checks

inline void development_case::check(step_record const& r, eligibility_lookup const& lookup,
                                    work_calendar const& cal) const {
    auto const kind = kind_of(r);
    date::sys_days const day = record_date(r);
    if (state_.last_date && day < *state_.last_date)
        throw invalid_input("date", detail::step_label(kind) + " on " + format_date(day) +
                                        " precedes the last recorded step on " +
                                        format_date(*state_.last_date));
    check_sequence(r);
    if (kind == step::application_submitted) {
        if (person_.name.empty()) throw invalid_input("name", "the applicant needs a name");
        if (!person_.branch.valid()) throw invalid_input("branch", "the case needs the branch handling it");
        if (person_.id_number && person_.id_number->birth_date() != person_.birth_date)
            throw invalid_input("birth_date",
                                "birth date " + format_date(person_.birth_date) + " differs from " +
                                    format_date(person_.id_number->birth_date()) + " in the ID number");
        if (person_.id_number && person_.id_number->sex_of() != person_.sex)
            throw invalid_input("sex", "sex differs from the ID number " + person_.id_number->masked());
        if (day < person_.birth_date) throw invalid_input("date", "application before the birth date");
    }
    if (!backfilled_) check_guards(r, lookup, cal);
}

inline void development_case::check_sequence(step_record const& r) const {
    auto const kind = kind_of(r);
    auto const& t = transition_for(kind);
    if (records_.empty()) {
        if (kind != step::application_submitted)
            throw violation("dev.step_sequence",
                            "a case starts with 1 递交入党申请书, not " + detail::step_label(kind));
        return;
    }
    if (state_.outcome)
        throw violation("dev.step_sequence", "the case is closed (" +
                                                 std::string(chinese_name(*state_.outcome)) + "); " +
                                                 detail::step_label(kind) + " cannot follow");
    if (!contains(t.from, state_.current))
        throw violation("dev.step_sequence", detail::step_label(kind) + " is not possible at stage " +
                                                 std::string(chinese_name(state_.current)) + " (" +
                                                 std::string(to_string(state_.current)) + ")");
    if (!t.repeatable && state_.recorded.count(kind))
        throw violation("dev.step_sequence", detail::step_label(kind) + " is already on record");
    for (auto need : t.needs)
        if (!state_.recorded.count(need))
            throw violation(detail::rule_for_missing(kind, need),
                            detail::step_label(kind) + " needs " + detail::step_label(need) + " first");
    // Steps whose order depends on the state, not just on what was recorded.
    if (kind == step::application_form_filled && !state_.pre_review_passed.value_or(false))
        throw violation("dev.pre_review_in_writing",
                        "the 入党志愿书 is issued only after a passed pre-review (预审)");
    // Cancellation for a serious violation may be decided at any time during probation, without an
    // application; every other conversion meeting answers a written application.
    auto const* meeting = std::get_if<conversion_meeting_step>(&r);
    bool const early_cancellation = meeting && meeting->decision &&
                                    *meeting->decision == conversion_decision::cancel &&
                                    state_.probation_end && meeting->date < *state_.probation_end;
    if (kind == step::conversion_meeting && !state_.conversion_applied && !early_cancellation)
        throw violation("dev.step_sequence",
                        "a conversion meeting needs a conversion application made after the last meeting");
    if (kind == step::conversion_approved && !state_.conversion_meeting)
        throw violation("dev.step_sequence", "the approval needs a conversion meeting awaiting approval");
    if (kind == step::conversion_applied && state_.conversion_meeting)
        throw violation("dev.step_sequence",
                        "the last conversion meeting still awaits the higher committee's approval");
}

inline void development_case::check_members(std::vector<member_id> const& ms, date::sys_days on,
                                            eligibility_lookup const& lookup, std::string_view rule, int min,
                                            int max, char const* what) const {
    auto const n = static_cast<int>(ms.size());
    if (n < min || n > max)
        throw violation(
            rule, std::to_string(n) + " " + what + " named; " +
                      (min == max ? std::to_string(min) : std::to_string(min) + "-" + std::to_string(max)) +
                      " required");
    std::set<member_id> seen;
    for (auto id : ms) {
        if (!seen.insert(id).second)
            throw violation(rule, "member " + std::to_string(id.value()) + " is named twice as " + what);
        check_eligible(id, on, lookup, rule, what);
    }
}

inline void development_case::check_committee_vote(std::optional<branch_vote> const& vote, bool passed) {
    if (!vote) return;
    validate_counts(*vote);
    if (!quorate(*vote))
        throw violation("dev.approval_collective_vote",
                        std::to_string(vote->present) + " of " + std::to_string(vote->entitled) +
                            " committee members present: more than half must attend the collective decision");
    if (passes(*vote) != passed)
        throw violation("dev.approval_collective_vote",
                        std::to_string(vote->yes) + " yes of " + std::to_string(vote->entitled) +
                            " committee members " + (passes(*vote) ? "carry" : "do not carry") +
                            " the decision, but it is recorded as " + (passed ? "approved" : "not approved"));
}

inline void development_case::check_eligible(member_id id, date::sys_days on,
                                             eligibility_lookup const& lookup, std::string_view rule,
                                             char const* what) const {
    if (!lookup) return;
    auto const e = lookup(id, on);
    if (!e.exists) throw invalid_input("members", "no member with id " + std::to_string(id.value()));
    if (e.id_number && person_.id_number && *e.id_number == *person_.id_number)
        throw violation(rule, "the applicant cannot be their own " + std::string(what));
    if (!e.full_member || !e.normal_standing)
        throw violation(rule, e.name + " (" + std::to_string(id.value()) +
                                  ") is not a full member in normal standing on " + format_date(on) +
                                  " and cannot serve as " + what);
    if (e.rights_suspended)
        throw violation(rule, e.name + " is under 留党察看 with rights suspended on " + format_date(on) +
                                  " and cannot serve as " + what);
}

inline void development_case::check_guards(step_record const& r, eligibility_lookup const& lookup,
                                           work_calendar const& cal) const {
    auto const& p = rules_.development;
    auto const kind = kind_of(r);
    date::sys_days const day = record_date(r);
    auto const& st = state_;
    auto notice_guard = [&](step s) {
        bool const wanted = s == step::activist_determined  ? p.public_notice_before_activist
                            : s == step::target_determined  ? p.public_notice_before_target
                            : s == step::admission_meeting  ? p.public_notice_before_admission
                            : s == step::conversion_meeting ? p.public_notice_before_conversion
                                                            : false;
        if (wanted && p.public_notice_working_days > 0 && !detail::notice_done(st, s, day, rules_, cal))
            throw violation("dev.public_notice", "no completed public notice (公示) of " +
                                                     std::to_string(p.public_notice_working_days) +
                                                     " working days without open objections before " +
                                                     detail::step_label(s));
    };
    // Conditions without which nobody is admitted (细则 第14, 16, 17条), checked at the committee review
    // and again at the meeting, since a review may be repeated with another result in between.
    auto require_admission_conditions = [&] {
        if (st.introducers.size() != static_cast<std::size_t>(p.introducers))
            throw violation("dev.two_introducers",
                            "no " + std::to_string(p.introducers) + " introducers on record");
        for (auto id : st.introducers)
            check_eligible(id, day, lookup, "dev.two_introducers", "introducer");
        if (!st.review_passed.value_or(false))
            throw violation("dev.political_review_conclusion",
                            "no passed political review on record: the target cannot be admitted");
        bool const trained =
            st.training_days >= p.training_min_days || st.training_hours >= p.training_min_hours;
        if (!trained && !st.training_waived)
            throw violation(
                "dev.training_3_days_or_24_hours",
                std::to_string(st.training_days) + " days / " + std::to_string(st.training_hours) +
                    " class hours of concentrated training; at least " + std::to_string(p.training_min_days) +
                    " days or " + std::to_string(p.training_min_hours) + " class hours are required");
    };
    switch (kind) {
        case step::application_submitted: {
            auto const age = age_on(person_.birth_date, day);
            if (age < p.applicant_min_age)
                throw violation("dev.applicant_min_age_18",
                                person_.name + " is " + std::to_string(age) + " on " + format_date(day) +
                                    " (born " + format_date(person_.birth_date) + "); the minimum is " +
                                    std::to_string(p.applicant_min_age) + ", reached on " +
                                    format_date(add_years(person_.birth_date, p.applicant_min_age)));
            break;
        }
        case step::talk_held: {
            auto const& d = std::get<talk_held_step>(r);
            if (!st.first_talk) {
                auto const deadline = add_months(*st.applied, p.talk_within_months);
                if (day > deadline && d.reason.empty())
                    throw violation("dev.talk_within_1_month",
                                    "first talk on " + format_date(day) + " after the deadline " +
                                        format_date(deadline) + " (application " + format_date(*st.applied) +
                                        "); record the reason for the delay");
            }
            if (d.by && lookup) {
                auto const e = lookup(*d.by, day);
                if (!e.exists)
                    throw invalid_input("by", "no member with id " + std::to_string(d.by->value()));
            }
            break;
        }
        case step::activist_determined: {
            auto const& d = std::get<activist_determined_step>(r);
            if (!d.recommended)
                throw violation(
                    "dev.activist_recommended",
                    "an activist is recommended (党员推荐 or 群团推优) before the branch committee decides");
            if (p.activist_after_application_months > 0 &&
                day < add_months(*st.applied, p.activist_after_application_months))
                throw violation(
                    "dev.activist_after_application",
                    "activist on " + format_date(day) + " before " +
                        format_date(add_months(*st.applied, p.activist_after_application_months)) + ", " +
                        std::to_string(p.activist_after_application_months) +
                        " months after the application");
            notice_guard(step::activist_determined);
            break;
        }
        case step::contacts_assigned:
            check_members(std::get<contacts_assigned_step>(r).members, day, lookup, "dev.contacts_1_to_2",
                          p.contacts_min, p.contacts_max, "cultivation contacts");
            break;
        case step::cultivation_transferred: {
            auto const& d = std::get<cultivation_transferred_step>(r);
            if (!d.since || *d.since > *st.activist_since)
                throw invalid_input("since",
                                    "the transferred cultivation must begin on or before the activist date " +
                                        format_date(*st.activist_since));
            break;
        }
        case step::target_determined: {
            auto const earliest = add_months(*st.cultivation_start, p.cultivation_min_months);
            if (day < earliest)
                throw violation("dev.activist_min_1_year",
                                "development target on " + format_date(day) + ": cultivation began " +
                                    format_date(*st.cultivation_start) + ", the earliest date is " +
                                    format_date(earliest));
            // The contacts advise on the listing (细则 第9条): they must still qualify on this date.
            for (auto id : st.contacts)
                check_eligible(id, day, lookup, "dev.contacts_1_to_2", "cultivation contact");
            notice_guard(step::target_determined);
            break;
        }
        case step::introducers_assigned:
            check_members(std::get<introducers_assigned_step>(r).members, day, lookup, "dev.two_introducers",
                          p.introducers, p.introducers, "introducers");
            break;
        case step::political_review: {
            auto const& d = std::get<political_review_step>(r);
            if (d.conclusion.empty())
                throw violation("dev.political_review_conclusion",
                                "a political review ends with a written conclusion (结论性材料)");
            if (!d.passed) throw invalid_input("passed", "record whether the political review was passed");
            if (person_.mobile && *d.passed && (d.household_org.empty() || d.residence_org.empty()))
                throw violation(
                    "dev.political_review_mobile_consult",
                    person_.name +
                        " is a mobile applicant (流动人员): the review also consults the "
                        "organisations of the household registration (户籍地) and of the residence "
                        "(居住地); record both");
            break;
        }
        case step::training_completed: {
            auto const& d = std::get<training_completed_step>(r);
            if (d.days < 0 || d.class_hours < 0) throw invalid_input("days", "negative training time");
            if (d.special_case && d.reason.empty())
                throw invalid_input("reason", "a training waiver (特殊情况) needs its reason");
            break;
        }
        case step::committee_reviewed:
            require_admission_conditions();
            break;
        case step::pre_review: {
            auto const& d = std::get<pre_review_step>(r);
            if (!d.passed) throw invalid_input("passed", "record the pre-review result");
            if (d.document.empty())
                throw violation("dev.pre_review_in_writing",
                                "the pre-review result is given in writing (预审意见)");
            if (d.passed.value_or(false) && d.expected_leave &&
                *d.expected_leave <= add_months(day, p.leaving_window_months) && d.reason.empty())
                throw violation("dev.leaving_within_3_months",
                                person_.name + " leaves the unit on " + format_date(*d.expected_leave) +
                                    ", within " + std::to_string(p.leaving_window_months) +
                                    " months: normally not admitted; record the special reason to proceed");
            break;
        }
        case step::admission_meeting: {
            auto const& d = std::get<admission_meeting_step>(r);
            require_admission_conditions();
            if (!d.vote) throw invalid_input("vote", "the admission meeting records the vote counts");
            require_quorum(*d.vote);
            auto const leave = d.expected_leave ? d.expected_leave : st.expected_leave;
            if (leave && *leave <= add_months(day, p.leaving_window_months) && d.reason.empty())
                throw violation("dev.leaving_within_3_months",
                                person_.name + " leaves the unit on " + format_date(*leave) +
                                    ": normally not admitted; record the special reason to proceed");
            if (p.meeting_after_pre_review_months > 0) {
                auto const deadline = add_months(*st.pre_review_date, p.meeting_after_pre_review_months);
                if (day > deadline)
                    throw violation("dev.meeting_within_1_month_of_pre_review",
                                    "branch meeting on " + format_date(day) + " after " +
                                        format_date(deadline) + ", the limit after the pre-review of " +
                                        format_date(*st.pre_review_date));
            }
            notice_guard(step::admission_meeting);
            break;
        }
        case step::admission_approved: {
            auto const& d = std::get<admission_approved_step>(r);
            if (!d.passed) throw invalid_input("passed", "record whether admission was approved");
            auto const normal = add_months(*st.admission_meeting, p.approval_within_months);
            auto const extended = add_months(*st.admission_meeting, p.approval_extended_max_months);
            if (day > extended)
                throw violation("dev.approval_within_3_months",
                                "approval on " + format_date(day) + " is past " + format_date(extended) +
                                    ", " + std::to_string(p.approval_extended_max_months) +
                                    " months after the branch meeting: the procedure must be repeated");
            if (day > normal && d.reason.empty())
                throw violation("dev.approval_within_3_months",
                                "approval on " + format_date(day) + " is past " + format_date(normal) +
                                    "; an extension to " + std::to_string(p.approval_extended_max_months) +
                                    " months needs its special reason recorded");
            check_committee_vote(d.vote, *d.passed);
            break;
        }
        case step::oath_taken:
            if (p.oath_after_approval_months > 0 &&
                day > add_months(*st.approval, p.oath_after_approval_months))
                throw violation("dev.oath_within_1_month",
                                "oath on " + format_date(day) + " later than " +
                                    format_date(add_months(*st.approval, p.oath_after_approval_months)));
            break;
        case step::transferred_in:
            if (day >= *st.probation_end)
                throw invalid_input("date", "a transfer in during probation is dated before its end on " +
                                                format_date(*st.probation_end));
            break;
        case step::conversion_applied: {
            auto const earliest = add_months(*st.probation_end, -p.conversion_application_ahead_months);
            if (day < earliest)
                throw violation("dev.conversion_application_at_probation_end",
                                "conversion application on " + format_date(day) + ": probation ends on " +
                                    format_date(*st.probation_end) + ", the application is made from " +
                                    format_date(earliest));
            break;
        }
        case step::conversion_meeting: {
            auto const& d = std::get<conversion_meeting_step>(r);
            if (!d.vote) throw invalid_input("vote", "the conversion meeting records the vote counts");
            if (!d.decision)
                throw invalid_input("decision", "record the decision: convert, extend or cancel");
            auto const end = *st.probation_end;
            if (day < end) {
                // Before the end only a serious violation ends probation early (取消预备党员资格).
                if (*d.decision != conversion_decision::cancel)
                    throw violation("dev.conversion_after_probation",
                                    std::string(chinese_name(*d.decision)) + " discussed on " +
                                        format_date(day) + ": it is decided when probation ends on " +
                                        format_date(end));
                if (d.reason.empty())
                    throw violation("dev.cancellation_for_serious_violation",
                                    "cancelling probationary status before probation ends on " +
                                        format_date(end) +
                                        " needs the serious violation recorded as the reason");
            } else {
                auto const prompt = add_months(end, p.conversion_prompt_months);
                auto const postponed = add_months(end, p.conversion_postpone_max_months);
                if (st.transferred_in && day > postponed)
                    throw violation("dev.conversion_postponed_transferred_in",
                                    "conversion discussed on " + format_date(day) +
                                        ": for a member transferred "
                                        "in on " +
                                        format_date(*st.transferred_in) + " it may be postponed to " +
                                        format_date(postponed) + ", " +
                                        std::to_string(p.conversion_postpone_max_months) +
                                        " months after probation ended on " + format_date(end));
                if (!st.transferred_in && day > prompt)
                    throw violation("dev.conversion_discussed_promptly",
                                    "conversion discussed on " + format_date(day) + ": probation ended on " +
                                        format_date(end) + " and is discussed promptly, by " +
                                        format_date(prompt) +
                                        "; only a member transferred in may be discussed later");
            }
            if (*d.decision == conversion_decision::extend) {
                if (st.extensions > 0)
                    throw violation("dev.extension_6_to_12_months", "probation can be extended only once");
                if (d.extension_months < p.extension_min_months ||
                    d.extension_months > p.extension_max_months)
                    throw violation("dev.extension_6_to_12_months",
                                    "extension of " + std::to_string(d.extension_months) +
                                        " months; it must be " + std::to_string(p.extension_min_months) +
                                        "-" + std::to_string(p.extension_max_months));
            }
            if (*d.decision == conversion_decision::convert) notice_guard(step::conversion_meeting);
            require_passed(*d.vote);
            break;
        }
        case step::conversion_approved: {
            auto const& d = std::get<conversion_approved_step>(r);
            if (!d.passed) throw invalid_input("passed", "record whether the decision was approved");
            auto const normal = add_months(*st.conversion_meeting, p.conversion_approval_months);
            auto const extended =
                add_months(*st.conversion_meeting, p.conversion_approval_extended_max_months);
            if (day > extended)
                throw violation("dev.conversion_approval_within_3_months",
                                "approval on " + format_date(day) + " is past " + format_date(extended) +
                                    ", " + std::to_string(p.conversion_approval_extended_max_months) +
                                    " months after the conversion meeting of " +
                                    format_date(*st.conversion_meeting));
            if (day > normal && d.reason.empty())
                throw violation("dev.conversion_approval_within_3_months",
                                "approval on " + format_date(day) + " is past " + format_date(normal) + ", " +
                                    std::to_string(p.conversion_approval_months) +
                                    " months after the conversion meeting; record the special reason");
            check_committee_vote(d.vote, *d.passed);
            break;
        }
        case step::public_notice: {
            auto const& d = std::get<public_notice_step>(r);
            if (!d.notice_for) throw invalid_input("notice_for", "name the step the public notice precedes");
            if (!d.notice_end || *d.notice_end < day)
                throw invalid_input("notice_end", "the notice needs an end date on or after its start");
            if (d.objections < 0) throw invalid_input("objections", "negative count");
            break;
        }
        case step::withdrawn: {
            auto const& d = std::get<withdrawn_step>(r);
            if (d.reason.empty()) throw invalid_input("reason", "record why the case is closed");
            break;
        }
        default:
            break;
    }
}

}  // namespace dangyuan
