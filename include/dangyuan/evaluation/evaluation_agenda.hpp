#pragma once
/// \file
/// Agenda items of democratic evaluation and of the disposition of unqualified members: what a branch
/// secretary has to do next, under which rule.
///
/// Campaigns contribute findings while they run (missing self-assessments, members still to grade, a
/// 不合格 proposal not yet conveyed, a mobile member's result not yet sent home, 基本合格 / 不合格 members
/// not yet followed up). Disposition files contribute the next procedural step, correction reviews (dated,
/// shown `correction_review_notice_months` ahead and overdue after), outstanding answers to 劝退 and the
/// follow-ups the measures allow.

#include <date/date.h>

#include <algorithm>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "dangyuan/agenda/agenda.hpp"
#include "dangyuan/core/calendar.hpp"
#include "dangyuan/evaluation/campaign.hpp"
#include "dangyuan/evaluation/disposition.hpp"
#include "dangyuan/org/org.hpp"
#include "dangyuan/rules/rule_set.hpp"

namespace dangyuan {

/// Agenda items of a campaign on `as_of` (its records dated after `as_of` are ignored). A campaign not
/// begun or closed yields nothing.
/// Kinds: `eval.self_assessment_missing` (eval.party_spirit_analysis), `eval.grade_pending`
/// (eval.grade_by_decision), `eval.convey_proposal` (eval.unqualified_needs_assessment), `eval.send_result`
/// (eval.one_grade_per_year), `eval.follow_up_due` (eval.follow_up). All are findings.
[[nodiscard]] inline std::vector<agenda_item> campaign_agenda(campaign const& c, date::sys_days as_of,
                                                              rule_set const& rules) {
    (void)rules;  // no number of the rule set shapes these findings yet; kept for the common signature
    std::vector<agenda_item> items;
    auto const s = campaign_state_on(c, as_of);
    if (!s.phase || *s.phase == campaign_phase::closed) return items;
    auto const ph = *s.phase;
    auto const since = [&](campaign_phase p) { return *s.phase_dates[static_cast<std::size_t>(p)]; };
    auto make = [&](std::string kind, participant_state const& p, date::sys_days due, std::string rule,
                    std::string msg, std::string zh) {
        agenda_item item;
        item.kind = std::move(kind);
        item.org = c.org;
        item.member = p.who.member;
        item.subject = p.who.name;
        item.due = due;
        item.status = agenda_status::finding;
        item.rule_id = std::move(rule);
        item.message = std::move(msg);
        item.message_zh = std::move(zh);
        items.push_back(std::move(item));
    };
    for (auto const& [id, p] : s.participants) {
        if (p.exempted) continue;
        if ((ph == campaign_phase::self_assessment || ph == campaign_phase::appraisal_self_review) &&
            !p.self_assessed_on)
            make("eval.self_assessment_missing", p, since(campaign_phase::self_assessment),
                 "eval.party_spirit_analysis",
                 "no written self-assessment (党性分析) handed in for the " + std::to_string(c.year) +
                     " evaluation",
                 std::to_string(c.year) + "年度民主评议党员: 尚未提交书面个人自评(党性分析)");
        if (ph < campaign_phase::organisational_assessment || !p.gradable()) continue;
        if (!p.final) {
            if (p.proposed == grade::unqualified && !p.informed)
                make("eval.convey_proposal", p, *p.proposed_on, "eval.unqualified_needs_assessment",
                     "the committee proposes 不合格: convey it to the member (反馈本人) before the decision",
                     "支部委员会提出评定为不合格的意见: 作出决定前应向本人反馈");
            else
                make("eval.grade_pending", p, since(campaign_phase::organisational_assessment),
                     "eval.grade_by_decision",
                     std::string(p.proposed ? "proposal " + std::string(chinese_name(*p.proposed)) +
                                                  ": decide the grade"
                                            : "no grade proposed yet") +
                         (p.relationship_here() ? " (or record the grade received from the host organisation)"
                                                : ""),
                     std::string(p.proposed ? "已提出评定意见" + std::string(chinese_name(*p.proposed)) +
                                                  ": 应确定评议等次"
                                            : "尚未提出评定意见") +
                         (p.relationship_here() ? "(或记录流入地党组织评定的等次)" : ""));
            continue;
        }
        if (!p.relationship_here() && p.graded_by == c.org && !p.result_sent)
            make("eval.send_result", p, *p.graded_on, "eval.one_grade_per_year",
                 "send the grade " + std::string(chinese_name(*p.final)) + " to organisation " +
                     std::to_string(p.who.relationship_in->value()) + ", which holds the relationship",
                 "将评议等次" + std::string(chinese_name(*p.final)) + "报送组织关系所在的党组织" +
                     std::to_string(p.who.relationship_in->value()));
        if (p.relationship_here() &&
            (p.final == grade::basically_qualified || p.final == grade::unqualified)) {
            bool done = false;
            for (auto const k : p.follow_ups)
                done = done || follow_up_fits(*p.final, k);
            if (!done)
                make(
                    "eval.follow_up_due", p, *p.graded_on, "eval.follow_up",
                    p.final == grade::unqualified
                        ? std::string(
                              "graded 不合格: educate first (批评教育), then dispose by procedure (组织处置)")
                        : std::string(
                              "graded 基本合格: point out the shortcomings and help the member improve"),
                    p.final == grade::unqualified
                        ? std::string("评定为不合格: 先批评教育, 再按程序进行组织处置")
                        : std::string("评定为基本合格: 指出不足, 帮助改进"));
        }
    }
    return items;
}

/// Agenda items of a member's disposition file on `as_of` (records dated after `as_of` are ignored).
/// Kinds: `disposition.next_step` (finding, disposition.procedure_order), `disposition.correction_review`
/// (dated at the end of the correction period, from `correction_review_notice_months` before it,
/// disposition.correction_period), `disposition.persuasion_answer` (finding, disposition.forms),
/// `disposition.consider_persuasion` and `disposition.consider_removal` (findings, disposition.follow_up).
[[nodiscard]] inline std::vector<agenda_item> disposition_agenda(disposition_file const& f,
                                                                 date::sys_days as_of,
                                                                 rule_set const& rules) {
    std::vector<agenda_item> items;
    auto const ds = dispositions_on(f, as_of, rules);
    auto make = [&](std::string kind, date::sys_days due, agenda_status st, std::string rule, std::string msg,
                    std::string zh) {
        agenda_item item;
        item.kind = std::move(kind);
        item.org = f.org;
        item.member = f.member;
        item.subject = f.member_name;
        item.due = due;
        item.status = st;
        item.rule_id = std::move(rule);
        item.message = std::move(msg);
        item.message_zh = std::move(zh);
        items.push_back(std::move(item));
    };
    for (std::size_t i = 0; i < ds.size(); ++i) {
        auto const& d = ds[i];
        std::string const what = std::string(chinese_name(d.form)) + " '" + d.matter + "'";
        std::string const what_zh = std::string(chinese_name(d.form)) + "「" + d.matter + "」";
        bool const latest = detail::latest_of(ds, d.matter) == static_cast<int>(i);
        switch (d.outcome) {
            case disposition_outcome::pending: {
                // The 2024 measures file the proposal first (事前备案), so it is suggested first.
                std::string next = !d.filed             ? "事前备案 with the grassroots committee"
                                   : !d.investigated_on ? "调查核实 (investigation)"
                                   : !d.talked          ? "谈话 by two full members"
                                   : !d.voted           ? "支部大会表决 (branch meeting vote)"
                                                        : "审批 (approval)";
                std::string next_zh = !d.filed             ? "报基层党委事前备案"
                                      : !d.investigated_on ? "调查核实"
                                      : !d.talked          ? "由两名正式党员谈话"
                                      : !d.voted           ? "支部大会表决"
                                                           : "报上级党组织审批";
                auto seen = d.opened;
                for (auto const& step : {d.filed, d.investigated_on, d.talked, d.voted})
                    if (step && *step > seen) seen = *step;
                make("disposition.next_step", seen, agenda_status::finding, "disposition.procedure_order",
                     what + ": next step " + next, what_zh + ": 下一程序为" + next_zh);
                break;
            }
            case disposition_outcome::correcting: {
                auto const due = *d.correct_until;
                if (as_of >= add_months(due, -rules.evaluation.correction_review_notice_months))
                    make("disposition.correction_review", due, status_for(due, as_of),
                         "disposition.correction_period",
                         what + ": the correction period ends " + format_date(due) +
                             "; review whether the member "
                             "has changed",
                         what_zh + ": 改正期限" + format_date(due) + "届满, 应考察是否改正");
                break;
            }
            case disposition_outcome::awaiting_answer:
                make("disposition.persuasion_answer", *d.approved, agenda_status::finding,
                     "disposition.forms", what + ": record whether the member withdrew or refused (劝而不退)",
                     what_zh + ": 应记录本人是否退党或劝而不退");
                break;
            case disposition_outcome::not_corrected:
                if (latest)
                    make("disposition.consider_persuasion", *d.concluded, agenda_status::finding,
                         "disposition.follow_up",
                         what + ": no change at the end of the period; 劝其退党 may follow",
                         what_zh + ": 期满仍无转变, 可劝其退党");
                break;
            case disposition_outcome::refused:
                if (latest)
                    make("disposition.consider_removal", *d.concluded, agenda_status::finding,
                         "disposition.follow_up", what + ": the member refused to withdraw; 除名 may follow",
                         what_zh + ": 本人劝而不退, 可予以除名");
                break;
            default:
                break;
        }
    }
    return items;
}

/// The items of several campaigns and disposition files, in the order given.
[[nodiscard]] inline std::vector<agenda_item> evaluation_agenda(std::span<campaign const> campaigns,
                                                                std::span<disposition_file const> files,
                                                                date::sys_days as_of, rule_set const& rules) {
    std::vector<agenda_item> items;
    for (auto const& c : campaigns) {
        auto more = campaign_agenda(c, as_of, rules);
        items.insert(items.end(), more.begin(), more.end());
    }
    for (auto const& f : files) {
        auto more = disposition_agenda(f, as_of, rules);
        items.insert(items.end(), more.begin(), more.end());
    }
    return items;
}

/// The evaluation year judged on `as_of` by the yearly rule (eval.yearly): the latest year Y whose
/// finding may be shown, i.e. the last year Y with `as_of` on or after the first day of month
/// `yearly_evaluation_from_month` of Y + 1. With the default month 1, on 2027-01-01 the year judged is
/// 2026; with month 3, on 2027-02-28 it is 2025 and on 2027-03-01 it is 2026.
/// \throws invalid_input{"yearly_evaluation_from_month"} outside 1-12.
[[nodiscard]] inline int yearly_evaluation_year_judged(date::sys_days as_of, rule_set const& rules) {
    auto const m = rules.evaluation.yearly_evaluation_from_month;
    if (m < 1 || m > 12)
        throw invalid_input("yearly_evaluation_from_month", "month " + std::to_string(m) + " is not 1-12");
    date::year_month_day const t{as_of};
    return unsigned(t.month()) >= m ? int(t.year()) - 1 : int(t.year()) - 2;
}

/// The yearly-evaluation finding of one organisation on `as_of` (eval.yearly): every branch (党支部,
/// 联合党支部) with full members holds a democratic evaluation each year. For the year judged
/// (`yearly_evaluation_year_judged`), a branch active on 31 December of that year and on `as_of`, with
/// `full_members_at_year_end` > 0, that is not in `years_held` gets one `eval.yearly_missing` finding
/// dated 31 December of the year. Other kinds of organisation yield nothing (their branches are judged).
/// \param years_held the years evaluated by a campaign of the branch or of an organisation above it.
[[nodiscard]] inline std::optional<agenda_item> yearly_evaluation_agenda(org_unit const& o,
                                                                         int full_members_at_year_end,
                                                                         std::span<int const> years_held,
                                                                         date::sys_days as_of,
                                                                         rule_set const& rules) {
    int const year = yearly_evaluation_year_judged(as_of, rules);
    if (!is_branch(o.kind) || year < 1) return std::nullopt;
    auto const year_end = make_date(year, 12, 31);
    if (!o.active_on(year_end) || !o.active_on(as_of) || full_members_at_year_end <= 0) return std::nullopt;
    if (std::find(years_held.begin(), years_held.end(), year) != years_held.end()) return std::nullopt;
    return agenda_item{"eval.yearly_missing",
                       o.id,
                       std::nullopt,
                       o.name,
                       year_end,
                       agenda_status::finding,
                       "eval.yearly",
                       "no democratic evaluation of members (民主评议党员) recorded for " +
                           std::to_string(year) + ": a branch with full members holds one every year",
                       std::nullopt,
                       std::to_string(year) + "年度未记录民主评议党员: 有正式党员的支部每年应开展一次"};
}

/// The periodic party-spirit analysis of one member on `as_of` (eval.party_spirit_analysis_periodic
/// [U], a profile option): when `party_spirit_analysis_months` is 0 (the national default) nothing;
/// otherwise an `eval.party_spirit_analysis_due` item dated that many months after the later of `since`
/// (e.g. the admission) and `last_analysis` (the last self-assessment handed in), from the due day on
/// (due, then overdue).
[[nodiscard]] inline std::optional<agenda_item> party_spirit_analysis_agenda(
    org_id org, member_id member, std::string const& name, date::sys_days since,
    std::optional<date::sys_days> last_analysis, date::sys_days as_of, rule_set const& rules) {
    int const months = rules.evaluation.party_spirit_analysis_months;
    if (months <= 0) return std::nullopt;
    auto const last = last_analysis ? std::max(since, *last_analysis) : since;
    auto const due = add_months(last, months);
    if (as_of < due) return std::nullopt;
    return agenda_item{
        "eval.party_spirit_analysis_due",
        org,
        member,
        name,
        due,
        status_for(due, as_of),
        "eval.party_spirit_analysis_periodic",
        "no party-spirit analysis (党性分析) since " + format_date(last) +
            ": the profile asks for one every " + std::to_string(months) + " months",
        std::nullopt,
        format_date(last) + "以来未进行党性分析: 本地规定每" + std::to_string(months) + "个月进行一次"};
}

}  // namespace dangyuan
