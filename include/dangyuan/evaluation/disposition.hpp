#pragma once
/// \file
/// Organisational disposition of unqualified members (不合格党员组织处置) under the 2024 measures
/// (《不合格党员组织处置办法》), as a per-member file of dated records.
///
/// **Forms and grounds** (disposition.forms, disposition.grounds): correction within a time limit
/// (限期改正), persuasion to withdraw (劝其退党) and removal (除名). Each ground of the measures leads to one
/// form (`ground_table`). Two grounds are follow-ups of an earlier disposition of the same matter: no change
/// at the end of a correction period leads to 劝退, refusing to withdraw after 劝退 leads to 除名
/// (disposition.follow_up). Otherwise a matter is disposed once (disposition.no_double_disposition).
///
/// **Procedure.** The branch committee proposes (`disposition_opened`); the proposal is filed in advance
/// (事前备案) with the grassroots committee that approves probationary members (disposition.prior_filing);
/// then investigation (调查核实), a talk by two full members (disposition.talk_two_full_members), the
/// branch meeting's vote (quorum and majority, rules/vote.hpp) and approval, each once and in this order
/// (disposition.procedure_order). The 2024 text files the proposal before the investigation, earlier
/// practice after the talk; the source is truncated [U], so filing may come at any point before the vote.
///
/// **Outcomes.** 限期改正 runs generally 6 months, at most 1 year, from approval
/// (disposition.correction_period), then is reviewed. 劝退 ends when the member withdraws (standing
/// `persuaded_to_withdraw`) or refuses (a 除名 may follow). 除名 takes effect on approval (standing
/// `removed`, or `removed_self_withdrawal` for the two grounds the party constitution and the 2019 regulation
/// call self-withdrawal). After 劝退 or 除名 the person is not re-admitted for 5 years
/// (disposition.readmission_bar_5_years, `readmission_barred_until`). Probationary members are not disposed
/// this way (disposition.not_for_probationary): their probation is extended or cancelled instead.

#include <date/date.h>

#include <array>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "dangyuan/core/calendar.hpp"
#include "dangyuan/core/enum_table.hpp"
#include "dangyuan/core/errors.hpp"
#include "dangyuan/core/ids.hpp"
#include "dangyuan/member/member.hpp"
#include "dangyuan/member/self_withdrawal.hpp"
#include "dangyuan/member/standing.hpp"
#include "dangyuan/rules/catalogue.hpp"
#include "dangyuan/rules/rule_set.hpp"
#include "dangyuan/rules/vote.hpp"

namespace dangyuan {

/// The three forms of disposition (disposition.forms).
enum class disposition_form {
    correction,  ///< 限期改正
    persuasion,  ///< 劝其退党 (劝退)
    removal,     ///< 除名
};

template <>
struct enum_table<disposition_form> {
    static constexpr std::string_view field = "form";
    static constexpr std::string_view noun = "disposition form";
    static constexpr enum_row<disposition_form> rows[] = {
        {disposition_form::correction, "correction", "限期改正"},
        {disposition_form::persuasion, "persuasion", "劝其退党"},
        {disposition_form::removal, "removal", "除名"},
    };
};

/// The situations of the 2024 measures that lead to a disposition (disposition.grounds).
enum class disposition_ground {
    weak_ideals,              ///< 理想信念淡化, willing to correct → 限期改正
    religious_belief,         ///< 信仰宗教 → 限期改正
    passivity,                ///< 消极懈怠、不起作用 → 限期改正
    org_life_or_dues_lapses,  ///< 不参加组织生活 / 不按时足额交纳党费 → 限期改正
    lost_contact_6_months_to_2_years,  ///< 失去联系6个月以上不满2年 → 限期改正
    threatening_to_quit,  ///< 以退党相要挟谋取个人目的, no change after education → 劝退
    no_change_after_correction,  ///< 限期改正期满仍无转变 → 劝退 (follow-up of a correction)
    lost_member_conditions,      ///< 丧失党员条件 → 除名
    six_months_inactive,  ///< 连续6个月无正当理由不参加组织生活、不交党费、不做分配的工作 → 除名
    suspended_unreachable_2_years,  ///< 停止党籍2年后仍无法取得联系 → 除名
    refused_to_withdraw,            ///< 劝而不退 → 除名 (follow-up of a 劝退)
};

/// One row of the ground table.
struct ground_row {
    disposition_ground ground;
    std::string_view code;
    std::string_view chinese;
    disposition_form form;  ///< the form the ground leads to
    /// For follow-up grounds: the form of the earlier disposition of the same matter it follows.
    std::optional<disposition_form> follows;
    /// The standing event when the form ends membership (劝退 and 除名).
    std::optional<standing_event_kind> exit_kind;
};

namespace detail {
using dg = disposition_ground;
using df = disposition_form;
using sk = standing_event_kind;
}  // namespace detail

/// The grounds, their forms and outcomes (disposition.grounds). 党章 第9条 and 党员教育管理工作条例(2019)
/// 第24条 [C] call six months of inactivity and two years of unreachable suspension self-withdrawal, hence
/// `removed_self_withdrawal` for those two removals.
inline constexpr std::array<ground_row, 11> ground_table{{
    {detail::dg::weak_ideals, "weak_ideals", "理想信念淡化", detail::df::correction, std::nullopt,
     std::nullopt},
    {detail::dg::religious_belief, "religious_belief", "信仰宗教", detail::df::correction, std::nullopt,
     std::nullopt},
    {detail::dg::passivity, "passivity", "消极懈怠", detail::df::correction, std::nullopt, std::nullopt},
    {detail::dg::org_life_or_dues_lapses, "org_life_or_dues_lapses", "不参加组织生活或不按时交纳党费",
     detail::df::correction, std::nullopt, std::nullopt},
    {detail::dg::lost_contact_6_months_to_2_years, "lost_contact_6_months_to_2_years", "失联6个月以上不满2年",
     detail::df::correction, std::nullopt, std::nullopt},
    {detail::dg::threatening_to_quit, "threatening_to_quit", "以退党相要挟", detail::df::persuasion,
     std::nullopt, detail::sk::persuaded_to_withdraw},
    {detail::dg::no_change_after_correction, "no_change_after_correction", "限期改正期满无转变",
     detail::df::persuasion, detail::df::correction, detail::sk::persuaded_to_withdraw},
    {detail::dg::lost_member_conditions, "lost_member_conditions", "丧失党员条件", detail::df::removal,
     std::nullopt, detail::sk::removed},
    {detail::dg::six_months_inactive, "six_months_inactive", "连续6个月不参加组织生活不交党费不做工作",
     detail::df::removal, std::nullopt, detail::sk::removed_self_withdrawal},
    {detail::dg::suspended_unreachable_2_years, "suspended_unreachable_2_years", "停止党籍2年仍无法联系",
     detail::df::removal, std::nullopt, detail::sk::removed_self_withdrawal},
    {detail::dg::refused_to_withdraw, "refused_to_withdraw", "劝而不退", detail::df::removal,
     detail::df::persuasion, detail::sk::removed},
}};

/// The table row of a ground.
[[nodiscard]] constexpr ground_row const& row_of(disposition_ground g) noexcept {
    return ground_table[static_cast<std::size_t>(g)];
}
/// The codes and Chinese names of the grounds, as `ground_table` gives them.
template <>
struct enum_table<disposition_ground> {
    static constexpr std::string_view field = "ground";
    static constexpr std::string_view noun = "ground of disposition";
    static constexpr auto rows = enum_rows_from<&ground_row::ground>(ground_table);
};
/// True when `g` allows form `f` (disposition.grounds).
[[nodiscard]] constexpr bool allows(disposition_ground g, disposition_form f) noexcept {
    return row_of(g).form == f;
}
/// Parses a ground from its English code or Chinese name.
/// \throws invalid_input (field "ground") naming the text.
[[nodiscard]] inline disposition_ground parse_disposition_ground(std::string_view s) {
    if (auto const g = parse_enum<disposition_ground>(s)) return *g;
    throw invalid_input("ground", "'" + std::string(s) + "' is not a ground of disposition");
}

/// Record: the branch committee proposes a disposition of one matter.
struct disposition_opened {
    date::sys_days date{};
    /// The matter (问题) disposed; the key of disposition.no_double_disposition, e.g.
    /// "2025年度民主评议不合格".
    std::string matter;
    disposition_ground ground = disposition_ground::passivity;
    disposition_form form = disposition_form::correction;
    member_status status = member_status::full;  ///< the member's status on `date`, from the roster
    std::string proposed_by;                     ///< e.g. "第一党支部委员会"
    std::optional<campaign_id> campaign;  ///< the evaluation campaign that graded the member 不合格, if any
    /// The member was already disciplined (党纪处分) for this matter: not disposed again.
    bool already_disciplined = false;

    friend bool operator==(disposition_opened const&, disposition_opened const&) = default;
};

/// Record: the proposal was filed in advance (事前备案) with the grassroots committee.
struct prior_filed {
    date::sys_days date{};
    std::string matter;
    std::string filed_with;  ///< the grassroots committee; required

    friend bool operator==(prior_filed const&, prior_filed const&) = default;
};

/// Record: the facts were investigated and verified (调查核实).
struct investigated {
    date::sys_days date{};
    std::string matter;
    std::string findings;

    friend bool operator==(investigated const&, investigated const&) = default;
};

/// A member holding the talk, with the status the roster gives on the talk's date.
struct talker {
    member_id member;
    member_status status = member_status::full;

    friend bool operator==(talker const&, talker const&) = default;
};

/// Record: the talk with the member (谈话), held by full members.
struct talk_held {
    date::sys_days date{};
    std::string matter;
    std::vector<talker> talkers;
    std::string note;

    friend bool operator==(talk_held const&, talk_held const&) = default;
};

/// Record: the branch meeting voted on the disposition. A vote without quorum is void and refused; a
/// vote with quorum that does not carry ends the disposition (not adopted).
struct branch_meeting_voted {
    date::sys_days date{};
    std::string matter;
    branch_vote vote;

    friend bool operator==(branch_meeting_voted const&, branch_meeting_voted const&) = default;
};

/// Record: the disposition was approved and takes effect.
struct disposition_approved {
    date::sys_days date{};
    std::string matter;
    std::string approved_by;  ///< required
    /// 限期改正 only: the last day of the correction period; empty for the default
    /// (`correction_months_default` months after approval).
    std::optional<date::sys_days> correct_until;

    friend bool operator==(disposition_approved const&, disposition_approved const&) = default;
};

/// Record: the end of a correction period was reviewed.
struct correction_reviewed {
    date::sys_days date{};
    std::string matter;
    bool corrected = true;  ///< false: no change at the end of the period (a 劝退 may follow)
    std::string note;

    friend bool operator==(correction_reviewed const&, correction_reviewed const&) = default;
};

/// Record: the member answered the persuasion to withdraw.
struct persuasion_answered {
    date::sys_days date{};
    std::string matter;
    bool withdrew = true;  ///< true: the member withdrew (劝退); false: refused (劝而不退, a 除名 may follow)

    friend bool operator==(persuasion_answered const&, persuasion_answered const&) = default;
};

/// Record: a disposition in progress was dropped before approval (the member changed, the approving
/// committee refused, …).
struct disposition_dropped {
    date::sys_days date{};
    std::string matter;
    std::string reason;  ///< required

    friend bool operator==(disposition_dropped const&, disposition_dropped const&) = default;
};

/// One record of a disposition file. The variant index is stable: new kinds are appended at the end.
using disposition_record =
    std::variant<disposition_opened, prior_filed, investigated, talk_held, branch_meeting_voted,
                 disposition_approved, correction_reviewed, persuasion_answered, disposition_dropped>;

/// Stable names of the record kinds, indexed by the variant index.
inline constexpr std::array<std::string_view, std::variant_size_v<disposition_record>>
    disposition_record_kinds{"disposition_opened",  "prior_filed",          "investigated",
                             "talk_held",           "branch_meeting_voted", "disposition_approved",
                             "correction_reviewed", "persuasion_answered",  "disposition_dropped"};

[[nodiscard]] inline std::string_view kind_name(disposition_record const& r) noexcept {
    return disposition_record_kinds[r.index()];
}
[[nodiscard]] inline date::sys_days record_date(disposition_record const& r) noexcept {
    return std::visit([](auto const& x) { return x.date; }, r);
}

/// The dispositions of one member: the aggregate. Storage persists it by replaying `records`.
struct disposition_file {
    member_id member;
    std::string member_name;  ///< for messages and the agenda
    org_id org;               ///< the branch holding the member's organisational relationship
    std::string rule_set_name = "national-2014";
    std::vector<disposition_record> records;  ///< in date order, each accepted by check_disposition_record

    friend bool operator==(disposition_file const&, disposition_file const&) = default;
};

/// Where one disposition stands.
enum class disposition_outcome {
    pending,          ///< proposed, procedure under way
    not_adopted,      ///< the branch meeting's vote did not carry
    dropped,          ///< dropped before approval
    correcting,       ///< 限期改正 approved, period running
    corrected,        ///< the correction period ended with the member corrected
    not_corrected,    ///< no change at the end of the period
    awaiting_answer,  ///< 劝退 approved, the member has not answered
    withdrew,         ///< the member withdrew (劝退): membership ended
    refused,          ///< the member refused to withdraw (劝而不退)
    removed,          ///< 除名 approved: membership ended
};

template <>
struct enum_table<disposition_outcome> {
    static constexpr std::string_view field = "outcome";
    static constexpr std::string_view noun = "disposition outcome";
    static constexpr enum_row<disposition_outcome> rows[] = {
        {disposition_outcome::pending, "pending"},
        {disposition_outcome::not_adopted, "not_adopted"},
        {disposition_outcome::dropped, "dropped"},
        {disposition_outcome::correcting, "correcting"},
        {disposition_outcome::corrected, "corrected"},
        {disposition_outcome::not_corrected, "not_corrected"},
        {disposition_outcome::awaiting_answer, "awaiting_answer"},
        {disposition_outcome::withdrew, "withdrew"},
        {disposition_outcome::refused, "refused"},
        {disposition_outcome::removed, "removed"},
    };
};

/// One disposition of a member (derived).
struct disposition_state {
    std::string matter;
    disposition_ground ground = disposition_ground::passivity;
    disposition_form form = disposition_form::correction;
    date::sys_days opened{};
    std::optional<date::sys_days> filed, investigated_on, talked, voted, approved, correct_until, concluded;
    std::optional<branch_vote> vote;
    disposition_outcome outcome = disposition_outcome::pending;

    /// True while the matter is under disposition: procedure under way, correction running, or an answer
    /// to 劝退 outstanding.
    [[nodiscard]] bool open() const noexcept {
        return outcome == disposition_outcome::pending || outcome == disposition_outcome::correcting ||
               outcome == disposition_outcome::awaiting_answer;
    }
    /// True when the disposition ended the membership.
    [[nodiscard]] bool exited() const noexcept {
        return outcome == disposition_outcome::withdrew || outcome == disposition_outcome::removed;
    }

    friend bool operator==(disposition_state const&, disposition_state const&) = default;
};

namespace detail {

// Index of the latest disposition of `matter`, or -1.
inline int latest_of(std::vector<disposition_state> const& ds, std::string const& matter) {
    for (int i = static_cast<int>(ds.size()) - 1; i >= 0; --i)
        if (ds[static_cast<std::size_t>(i)].matter == matter) return i;
    return -1;
}

struct disposition_folder {
    rule_set const& rules;
    std::vector<disposition_state>& ds;

    disposition_state& of(std::string const& matter) const {
        return ds[static_cast<std::size_t>(latest_of(ds, matter))];
    }

    void operator()(disposition_opened const& r) const {
        disposition_state d;
        d.matter = r.matter;
        d.ground = r.ground;
        d.form = r.form;
        d.opened = r.date;
        ds.push_back(std::move(d));
    }
    void operator()(prior_filed const& r) const { of(r.matter).filed = r.date; }
    void operator()(investigated const& r) const { of(r.matter).investigated_on = r.date; }
    void operator()(talk_held const& r) const { of(r.matter).talked = r.date; }
    void operator()(branch_meeting_voted const& r) const {
        auto& d = of(r.matter);
        d.voted = r.date;
        d.vote = r.vote;
        if (!passes(r.vote)) {
            d.outcome = disposition_outcome::not_adopted;
            d.concluded = r.date;
        }
    }
    void operator()(disposition_approved const& r) const {
        auto& d = of(r.matter);
        d.approved = r.date;
        switch (d.form) {
            case disposition_form::correction:
                d.outcome = disposition_outcome::correcting;
                d.correct_until =
                    r.correct_until.value_or(add_months(r.date, rules.evaluation.correction_months_default));
                break;
            case disposition_form::persuasion:
                d.outcome = disposition_outcome::awaiting_answer;
                break;
            case disposition_form::removal:
                d.outcome = disposition_outcome::removed;
                d.concluded = r.date;
                break;
        }
    }
    void operator()(correction_reviewed const& r) const {
        auto& d = of(r.matter);
        d.outcome = r.corrected ? disposition_outcome::corrected : disposition_outcome::not_corrected;
        d.concluded = r.date;
    }
    void operator()(persuasion_answered const& r) const {
        auto& d = of(r.matter);
        d.outcome = r.withdrew ? disposition_outcome::withdrew : disposition_outcome::refused;
        d.concluded = r.date;
    }
    void operator()(disposition_dropped const& r) const {
        auto& d = of(r.matter);
        d.outcome = disposition_outcome::dropped;
        d.concluded = r.date;
    }
};

}  // namespace detail

/// The member's dispositions on `d`, in the order they were opened (records dated after `d` ignored).
/// \pre the records were accepted one by one by check_disposition_record.
[[nodiscard]] inline std::vector<disposition_state> dispositions_on(disposition_file const& f,
                                                                    date::sys_days d, rule_set const& rules) {
    std::vector<disposition_state> ds;
    for (auto const& r : f.records) {
        if (record_date(r) > d) break;
        std::visit(detail::disposition_folder{rules, ds}, r);
    }
    return ds;
}

/// The member's dispositions after all records.
[[nodiscard]] inline std::vector<disposition_state> dispositions_of(disposition_file const& f,
                                                                    rule_set const& rules) {
    std::vector<disposition_state> ds;
    for (auto const& r : f.records)
        std::visit(detail::disposition_folder{rules, ds}, r);
    return ds;
}

/// The last day of a correction period approved on `approved` with the default length
/// (`correction_months_default` months, month-end clamped: 2025-08-31 + 6 months = 2026-02-28).
[[nodiscard]] inline date::sys_days correction_deadline(date::sys_days approved, rule_set const& rules) {
    return add_months(approved, rules.evaluation.correction_months_default);
}

/// The standing event (党籍) a disposition produces: `persuaded_to_withdraw` when the member withdrew after
/// 劝退, `removed` / `removed_self_withdrawal` when a 除名 was approved; nothing otherwise. Record it with
/// check_standing_event (member/standing.hpp).
[[nodiscard]] inline std::optional<standing_event> standing_event_of(disposition_state const& d,
                                                                     std::string decided_by = {}) {
    if (!d.exited() || !d.concluded) return std::nullopt;
    auto const kind = row_of(d.ground).exit_kind;
    if (!kind) return std::nullopt;
    return standing_event{*kind, *d.concluded,
                          std::string(chinese_name(d.form)) + ": " + std::string(chinese_name(d.ground)) +
                              " (" + d.matter + ")",
                          std::move(decided_by)};
}

/// The exit of the member through a disposition of the file, if any.
[[nodiscard]] inline std::optional<standing_event> standing_exit(disposition_file const& f,
                                                                 rule_set const& rules) {
    for (auto const& d : dispositions_of(f, rules))
        if (auto e = standing_event_of(d)) return e;
    return std::nullopt;
}

/// The last day on which a person who left on `exit_date` through 劝退 or 除名 is not re-admitted
/// (disposition.readmission_bar_5_years, "5年内不得重新入党"): the day before the `readmission_bar_years`-th
/// anniversary of the exit. The anniversary is `add_years` (cal.month_end_clamp), so an exit on
/// 2024-02-29 is barred until 2029-02-27 and an application dated 2029-02-28 is accepted; an exit on
/// 2025-03-10 is barred until 2030-03-09. This is the one implementation of the bar: the store's
/// `open_case` and the Python binding call it.
[[nodiscard]] inline date::sys_days readmission_barred_until(date::sys_days exit_date,
                                                             rule_set const& rules) {
    return add_years(exit_date, rules.evaluation.readmission_bar_years) - date::days{1};
}

/// True for the standing events that bar re-admission: 劝退 (`persuaded_to_withdraw`), 除名 (`removed`)
/// and 除名 as self-withdrawal (`removed_self_withdrawal`).
[[nodiscard]] constexpr bool bars_readmission(standing_event_kind k) noexcept {
    return k == standing_event_kind::persuaded_to_withdraw || k == standing_event_kind::removed ||
           k == standing_event_kind::removed_self_withdrawal;
}

/// The bar for a standing event (see `bars_readmission`); nothing for other events.
[[nodiscard]] inline std::optional<date::sys_days> readmission_barred_until(standing_event const& e,
                                                                            rule_set const& rules) {
    if (!bars_readmission(e.kind)) return std::nullopt;
    return readmission_barred_until(e.date, rules);
}

/// The bar following the file's exit, if the member left through a disposition.
[[nodiscard]] inline std::optional<date::sys_days> readmission_barred_until(disposition_file const& f,
                                                                            rule_set const& rules) {
    if (auto e = standing_exit(f, rules)) return readmission_barred_until(*e, rules);
    return std::nullopt;
}

/// Checks that a person who left through `exit` may apply again on `application_date`
/// (disposition.readmission_bar_5_years): refused on or before `readmission_barred_until`, accepted
/// from the anniversary on. Exits other than 劝退 and 除名 are not barred here.
/// \throws rule_violation disposition.readmission_bar_5_years.
inline void check_readmission(standing_event const& exit, date::sys_days application_date,
                              rule_set const& rules) {
    auto const until = readmission_barred_until(exit, rules);
    if (until && application_date <= *until)
        throw violation("disposition.readmission_bar_5_years",
                        std::string(chinese_name(exit.kind)) + " on " + format_date(exit.date) +
                            ": no re-admission within " +
                            std::to_string(rules.evaluation.readmission_bar_years) +
                            " years, an application is possible from " + format_date(*until + date::days{1}) +
                            " (application dated " + format_date(application_date) + ")");
}

/// What the store's records say about a member on the day a disposition is opened, for the grounds that
/// are facts of those records: lost contact (the contact log), suspension (standing) and the six months
/// of 党章 第9条 (organisational life attended, dues paid). Each field is empty when nothing is recorded.
struct disposition_facts {
    /// The last day the member was in contact (`last_contact_on` of the contact log).
    std::optional<date::sys_days> last_contact;
    /// Since when the member's standing is suspended (停止党籍), when it is on the opening day.
    std::optional<date::sys_days> suspended_since;
    /// The last organisational life attended on or before the opening day.
    std::optional<date::sys_days> last_org_life;
    /// The last month paid for (regular dues) on or before the opening day.
    std::optional<date::year_month> last_dues_month;

    friend bool operator==(disposition_facts const&, disposition_facts const&) = default;
};

/// Checks the ground of an opening against the facts of the records (nothing else is checked here;
/// `check_disposition_record` checks the procedure):
/// - `lost_contact_6_months_to_2_years` (disposition.lost_contact_6_months_to_2_years): with a contact
///   log, the last contact is at least `lost_contact_suspend_months` and less than `suspended_removal_years`
///   years before the opening;
/// - `suspended_unreachable_2_years` (disposition.suspended_unreachable_2_years): the member is suspended,
///   for at least `suspended_removal_years` years, and not in contact since the suspension;
/// - `six_months_inactive` (disposition.six_months_inactive): when organisational life or dues are
///   recorded, at least one recorded ground has reached `self_withdrawal_from` (member/self_withdrawal.hpp)
///   on the opening day. Assigned work is not recorded, and a ground without records is not held against
///   the opening.
/// \throws rule_violation naming the rule above, with the record that contradicts the ground.
inline void check_disposition_facts(disposition_opened const& r, disposition_facts const& f,
                                    rule_set const& rules) {
    auto const& mob = rules.mobility;
    switch (r.ground) {
        case disposition_ground::lost_contact_6_months_to_2_years:
            if (!f.last_contact) return;
            if (r.date < add_months(*f.last_contact, mob.lost_contact_suspend_months))
                throw violation("disposition.lost_contact_6_months_to_2_years",
                                "the contact log has the member in contact on " +
                                    format_date(*f.last_contact) + ", less than " +
                                    std::to_string(mob.lost_contact_suspend_months) + " months before " +
                                    format_date(r.date));
            if (r.date >= add_years(*f.last_contact, mob.suspended_removal_years))
                throw violation("disposition.lost_contact_6_months_to_2_years",
                                "the member has been out of contact since " + format_date(*f.last_contact) +
                                    ", " + std::to_string(mob.suspended_removal_years) +
                                    " years or more before " + format_date(r.date) +
                                    ": suspension and removal for lost contact apply instead");
            return;
        case disposition_ground::suspended_unreachable_2_years:
            if (!f.suspended_since)
                throw violation(
                    "disposition.suspended_unreachable_2_years",
                    "the member's standing is not suspended (停止党籍) on " + format_date(r.date));
            if (r.date < add_years(*f.suspended_since, mob.suspended_removal_years))
                throw violation("disposition.suspended_unreachable_2_years",
                                "suspended since " + format_date(*f.suspended_since) + ", less than " +
                                    std::to_string(mob.suspended_removal_years) + " years before " +
                                    format_date(r.date));
            if (f.last_contact && *f.last_contact > *f.suspended_since)
                throw violation("disposition.suspended_unreachable_2_years",
                                "the contact log has the member in contact on " +
                                    format_date(*f.last_contact) + ", after the suspension on " +
                                    format_date(*f.suspended_since));
            return;
        case disposition_ground::six_months_inactive: {
            if (!f.last_org_life && !f.last_dues_month) return;
            bool const org_life = f.last_org_life && r.date >= self_withdrawal_from(*f.last_org_life, rules);
            bool const dues = f.last_dues_month &&
                              r.date >= self_withdrawal_from(*f.last_dues_month + date::months{1}, rules);
            if (org_life || dues) return;
            std::string seen;
            if (f.last_org_life) seen = "organisational life attended on " + format_date(*f.last_org_life);
            if (f.last_dues_month)
                seen += (seen.empty() ? "" : ", ") + std::string("dues paid for ") +
                        format_date(date::sys_days{*f.last_dues_month / 1}).substr(0, 7);
            throw violation("disposition.six_months_inactive",
                            "the records show " + seen + ": not " +
                                std::to_string(self_withdrawal_months(rules)) +
                                " consecutive months without them on " + format_date(r.date));
        }
        default:
            return;
    }
}

namespace detail {

struct disposition_checker {
    disposition_file const& f;
    std::vector<disposition_state> const& ds;
    rule_set const& rules;

    static void not_blank(std::string const& s, char const* field, std::string const& why) {
        if (s.find_first_not_of(" \t\r\n") == std::string::npos) throw invalid_input(field, why);
    }

    // The latest disposition of the matter, or throws.
    disposition_state const& latest(std::string const& matter) const {
        int const i = latest_of(ds, matter);
        if (i < 0) throw invalid_input("matter", "no disposition of '" + matter + "' was opened");
        return ds[static_cast<std::size_t>(i)];
    }
    disposition_state const& pending(std::string const& matter, std::string_view step) const {
        auto const& d = latest(matter);
        if (d.outcome != disposition_outcome::pending)
            throw invalid_input("matter", std::string(step) + ": the disposition of '" + matter + "' is " +
                                              std::string(to_string(d.outcome)) + ", not under way");
        return d;
    }
    static void order(bool done_before, std::string_view step, std::string_view needs,
                      std::string const& matter) {
        if (!done_before)
            throw violation("disposition.procedure_order",
                            std::string(step) + " for '" + matter + "' before " + std::string(needs));
    }
    static void once(std::optional<date::sys_days> const& done, std::string_view step,
                     std::string const& matter) {
        if (done)
            throw violation("disposition.procedure_order", std::string(step) + " for '" + matter +
                                                               "' was recorded on " + format_date(*done) +
                                                               " already");
    }

    void operator()(disposition_opened const& r) const {
        for (auto const& d : ds)
            if (d.exited())
                final_exit(f.member_name, *d.concluded, to_string(d.outcome), "no further disposition");
        not_blank(r.matter, "matter", "a disposition needs the matter it concerns");
        if (r.status == member_status::probationary)
            throw violation("disposition.not_for_probationary",
                            f.member_name +
                                " is a probationary member (预备党员): extend or cancel the probation "
                                "instead of 不合格党员组织处置");
        if (r.already_disciplined)
            throw violation("disposition.no_double_disposition",
                            f.member_name + " was already disciplined for '" + r.matter + "'");
        auto const& row = row_of(r.ground);
        if (row.form != r.form)
            throw violation("disposition.grounds", std::string(chinese_name(r.ground)) + " leads to " +
                                                       std::string(chinese_name(row.form)) + ", not " +
                                                       std::string(chinese_name(r.form)));
        int const i = latest_of(ds, r.matter);
        if (i >= 0 && ds[static_cast<std::size_t>(i)].open())
            throw violation("disposition.no_double_disposition",
                            "'" + r.matter + "' is under disposition since " +
                                format_date(ds[static_cast<std::size_t>(i)].opened) + " (" +
                                std::string(to_string(ds[static_cast<std::size_t>(i)].outcome)) + ")");
        if (row.follows) {
            auto const needed = *row.follows == disposition_form::correction
                                    ? disposition_outcome::not_corrected
                                    : disposition_outcome::refused;
            if (i < 0 || ds[static_cast<std::size_t>(i)].form != *row.follows ||
                ds[static_cast<std::size_t>(i)].outcome != needed)
                throw violation(
                    "disposition.follow_up",
                    std::string(chinese_name(r.ground)) + " follows a " +
                        std::string(chinese_name(*row.follows)) + " of '" + r.matter + "' that ended " +
                        std::string(to_string(needed)) +
                        (i < 0 ? "; there is none"
                               : "; the last one is " +
                                     std::string(chinese_name(ds[static_cast<std::size_t>(i)].form)) + ", " +
                                     std::string(to_string(ds[static_cast<std::size_t>(i)].outcome))));
            return;
        }
        if (i >= 0) {
            auto const o = ds[static_cast<std::size_t>(i)].outcome;
            if (o != disposition_outcome::not_adopted && o != disposition_outcome::dropped)
                throw violation("disposition.no_double_disposition",
                                "'" + r.matter + "' was disposed already (" +
                                    std::string(chinese_name(ds[static_cast<std::size_t>(i)].form)) + ", " +
                                    std::string(to_string(o)) + ")");
        }
    }

    void operator()(prior_filed const& r) const {
        auto const& d = pending(r.matter, "事前备案");
        once(d.filed, "事前备案", r.matter);  // a vote needs the filing, so a filing is never after it
        not_blank(r.filed_with, "filed_with", "name the grassroots committee the proposal is filed with");
    }

    void operator()(investigated const& r) const {
        auto const& d = pending(r.matter, "调查核实");
        once(d.investigated_on, "调查核实", r.matter);
    }

    void operator()(talk_held const& r) const {
        auto const& d = pending(r.matter, "谈话");
        once(d.talked, "谈话", r.matter);
        order(d.investigated_on.has_value(), "谈话", "the investigation (调查核实)", r.matter);
        std::set<member_id> full;
        for (auto const& t : r.talkers) {
            if (!t.member.valid()) throw invalid_input("talkers", "a talker without a member id");
            if (t.member == f.member)
                throw invalid_input("talkers", f.member_name + " cannot talk to themselves");
            if (t.status != member_status::full)
                throw violation("disposition.talk_two_full_members",
                                "member " + std::to_string(t.member.value()) +
                                    " is a probationary member; the talk is "
                                    "held by full members");
            full.insert(t.member);
        }
        int const need = rules.evaluation.disposition_talkers_min;
        if (static_cast<int>(full.size()) < need)
            throw violation("disposition.talk_two_full_members",
                            "the talk with " + f.member_name + " was held by " + std::to_string(full.size()) +
                                " full member(s); " + std::to_string(need) + " are required");
    }

    void operator()(branch_meeting_voted const& r) const {
        auto const& d = pending(r.matter, "支部大会表决");
        once(d.voted, "支部大会表决", r.matter);
        order(d.talked.has_value(), "支部大会表决", "the talk with the member (谈话)", r.matter);
        if (!d.filed)
            throw violation("disposition.prior_filing", "'" + r.matter +
                                                            "' was not filed in advance (事前备案) with the "
                                                            "grassroots committee before the branch meeting");
        require_quorum(r.vote);
    }

    void operator()(disposition_approved const& r) const {
        auto const& d = latest(r.matter);
        if (d.vote && d.outcome == disposition_outcome::not_adopted)
            require_passed(*d.vote);  // throws vote.majority_of_entitled: nothing to approve
        auto const& p = pending(r.matter, "审批");
        order(p.voted.has_value(), "审批", "the branch meeting's vote", r.matter);
        not_blank(r.approved_by, "approved_by", "name the approving committee");
        if (p.form != disposition_form::correction) {
            if (r.correct_until)
                throw invalid_input("correct_until", "only 限期改正 has a correction period, not " +
                                                         std::string(chinese_name(p.form)));
            return;
        }
        auto const until = r.correct_until.value_or(correction_deadline(r.date, rules));
        if (until <= r.date)
            throw invalid_input("correct_until",
                                format_date(until) + " is not after the approval on " + format_date(r.date));
        auto const latest_end = add_months(r.date, rules.evaluation.correction_months_max);
        if (until > latest_end)
            throw violation("disposition.correction_period",
                            "correction until " + format_date(until) + " exceeds " +
                                std::to_string(rules.evaluation.correction_months_max) + " months from " +
                                format_date(r.date) + " (at most " + format_date(latest_end) + ")");
    }

    void operator()(correction_reviewed const& r) const {
        auto const& d = latest(r.matter);
        if (d.form != disposition_form::correction || d.outcome != disposition_outcome::correcting)
            throw invalid_input("matter", "'" + r.matter + "' has no correction period running (" +
                                              std::string(chinese_name(d.form)) + ", " +
                                              std::string(to_string(d.outcome)) + ")");
        if (!r.corrected && r.date < *d.correct_until)
            throw violation("disposition.correction_period",
                            "the correction period of '" + r.matter + "' runs until " +
                                format_date(*d.correct_until) +
                                "; no change can be found only at its end, not on " + format_date(r.date));
    }

    void operator()(persuasion_answered const& r) const {
        auto const& d = latest(r.matter);
        if (d.form != disposition_form::persuasion || d.outcome != disposition_outcome::awaiting_answer)
            throw invalid_input("matter", "'" + r.matter + "' has no approved 劝其退党 awaiting an answer (" +
                                              std::string(chinese_name(d.form)) + ", " +
                                              std::string(to_string(d.outcome)) + ")");
    }

    void operator()(disposition_dropped const& r) const {
        pending(r.matter, "撤销");
        not_blank(r.reason, "reason", "say why the disposition is dropped");
    }
};

}  // namespace detail

/// Checks that `next` may follow the records of `f`. Nothing is changed.
///
/// - every record: the file names a member; the date does not precede the last record (steps of the
///   procedure: disposition.procedure_order; other records: invalid_input "date");
/// - `disposition_opened`: not after the member left (standing.final_exits); a matter; a full member
///   (disposition.not_for_probationary); not disciplined for the matter and not disposed of it already
///   unless as the follow-up (disposition.no_double_disposition, disposition.follow_up); the form of the
///   ground (disposition.grounds);
/// - steps: each once, investigation before the talk, the talk before the vote, the vote before approval
///   (disposition.procedure_order); filing before the vote (disposition.prior_filing); the talk by at least
///   `disposition_talkers_min` full members (disposition.talk_two_full_members); the vote with quorum
///   (vote.quorum_over_half) and, for approval, carried (vote.majority_of_entitled);
/// - approval of 限期改正: the period ends after approval and at most `correction_months_max` months later
///   (disposition.correction_period);
/// - `correction_reviewed` without correction only at the end of the period (disposition.correction_period);
/// - `persuasion_answered` for an approved 劝退; `disposition_dropped` before approval, with a reason.
/// \throws invalid_input naming the field; rule_violation naming the rule.
inline void check_disposition_record(disposition_file const& f, disposition_record const& next,
                                     rule_set const& rules) {
    if (!f.member.valid()) throw invalid_input("member", "the disposition file names no member");
    auto const d = record_date(next);
    if (!f.records.empty()) {
        auto const last = record_date(f.records.back());
        if (d < last) {
            bool const step = !std::holds_alternative<disposition_opened>(next);
            std::string const msg = std::string(kind_name(next)) + " dated " + format_date(d) +
                                    " precedes the last record on " + format_date(last);
            if (step) throw violation("disposition.procedure_order", msg);
            throw invalid_input("date", msg);
        }
    }
    auto const ds = dispositions_of(f, rules);
    std::visit(detail::disposition_checker{f, ds, rules}, next);
}

/// Checks `next` (check_disposition_record) and appends it. On a throw `f` is unchanged.
inline void record(disposition_file& f, disposition_record next, rule_set const& rules) {
    check_disposition_record(f, next, rules);
    f.records.push_back(std::move(next));
}

}  // namespace dangyuan
