#pragma once
// The organisational-life part of the demo district: a year of meetings (January to November 2026),
// training hours and party dues.
//
// - Meetings (三会一课 and the rest): every branch and the school's general branch keep the cadence,
//   except the teachers' branch, which held no committee meeting in October and whose only party
//   lecture was given by a committee member, not by the secretary: on 26 November the October committee
//   meeting is missed and the secretary's lecture is still due by 31 December.
// - Training: every member has the 32 class hours of the year and the officers their 56, except one
//   member of the office branch with 28: a Q4 shortfall on the agenda.
// - Dues: the office branch keeps its dues accounts in the store from January 2026 (the probationary
//   members from their admission month). One member has paid up to July only (arrears since August),
//   another nothing since April (six unpaid months: a self-withdrawal candidate); one has a hardship
//   reduction approved by the street committee, one pays at a host organisation, one's salary changed.

#include <dangyuan/storage/life_store.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "demo_context.hpp"

namespace demo_life_detail {

namespace dy = dangyuan;

// Members of the organisation's subtree in normal standing and in their branch on `on`.
inline std::vector<dy::member> attendees(dy::store const& store, dy::org_id org, date::sys_days on) {
    std::vector<dy::member> out;
    for (auto& m : store.roster(dy::scope::subtree(org), on)) {
        auto const st = store.standing_on(m.id, on);
        if (m.joined_branch <= on && st && st->state == dy::standing_state::normal)
            out.push_back(std::move(m));
    }
    return out;
}

struct year_plan {
    bool october_committee_meeting = true;  // false: no committee meeting in October
    bool secretary_lecture = true;          // false: the year's lecture is given by a committee member
};

// A year of organisational life of `org` up to 20 November 2026, recorded on `as_of`.
inline void hold_year(dy::store& store, dy::org_id org, date::sys_days as_of, year_plan plan = {}) {
    using mk = dy::meeting_kind;
    auto const leaders = [&](date::sys_days on) { return store.leadership(org, on); };
    auto const secretary = [&](date::sys_days on) -> dy::member_id {
        for (auto const& o : leaders(on))
            if (o.role == dy::officer_role::secretary) return o.member;
        return attendees(store, org, on).front().id;  // none recorded: the senior member chairs
    };
    auto const meet = [&](mk kind, date::sys_days on, std::string topic,
                          std::optional<dy::member_id> chair = {}) {
        dy::meeting m{.org = org, .kind = kind, .date = on, .topic = std::move(topic)};
        m.chair = chair.value_or(secretary(on));
        m.chair_is_secretary = *m.chair == secretary(on);
        if (kind == mk::committee_meeting) {
            for (auto const& o : leaders(on))
                m.attendance.push_back({o.member, dy::attendance_status::present, "", true});
        } else {
            auto const people = attendees(store, org, on);
            int full = 0;
            for (auto const& p : people) {
                bool const voting = p.status_on(on) == dy::member_status::full &&
                                    !dy::rights_suspended_on(store.party_probations(p.id), on);
                full += voting;
                m.attendance.push_back({p.id, dy::attendance_status::present, "", voting});
            }
            // At a general meeting of a larger branch somebody is away on business (请假).
            if (kind == mk::branch_general_meeting && full >= 5) {
                auto& away = *std::find_if(m.attendance.rbegin(), m.attendance.rend(),
                                           [&](auto const& a) { return a.voting && a.member != *m.chair; });
                away.status = dy::attendance_status::absent;
                away.absence_reason = "出差";
            }
        }
        return dy::add_meeting(store, m, as_of);
    };
    static char const* const themes[] = {"学习贯彻全会精神", "廉洁自律教育",     "志愿服务进社区",
                                         "重温入党誓词",     "学习党章党规",     "七一主题党日",
                                         "红色教育基地参观", "组织生活制度学习", "国庆主题教育",
                                         "党员先锋岗评比",   "年度工作回顾"};
    auto const in_office = leaders(as_of);
    bool const committee = std::any_of(in_office.begin(), in_office.end(), [](dy::officer const& o) {
        return o.role == dy::officer_role::committee_member;
    });
    for (unsigned month = 1; month <= 11; ++month) {
        auto const day = [&](unsigned d) { return dy::make_date(2026, month, d); };
        if (committee && (month != 10 || plan.october_committee_meeting))
            meet(mk::committee_meeting, day(5), "研究本月支部工作");
        meet(mk::theme_party_day, day(8), themes[month - 1]);
        if (month % 3 == 1) meet(mk::branch_general_meeting, day(15), "支部党员大会：通报季度工作");
    }
    auto const june = dy::make_date(2026, 6, 28);
    std::optional<dy::member_id> lecturer;
    if (!plan.secretary_lecture)
        for (auto const& o : leaders(june))
            if (o.role == dy::officer_role::committee_member) lecturer = o.member;
    meet(mk::party_lecture, june, "七一专题党课", lecturer);
    meet(mk::organisation_life_meeting, dy::make_date(2026, 11, 18), "2026年度组织生活会");
    auto const talks_on = dy::make_date(2026, 11, 19);
    auto const by = secretary(talks_on);
    for (auto const& p : attendees(store, org, talks_on)) {
        if (p.id == by) continue;
        dy::meeting talk{
            .org = org, .kind = mk::heart_to_heart_talk, .date = talks_on, .topic = "年度谈心谈话"};
        talk.chair = by;
        talk.attendance = {{by, dy::attendance_status::present, "", false},
                           {p.id, dy::attendance_status::present, "", false}};
        dy::add_meeting(store, talk, as_of);
    }
}

}  // namespace demo_life_detail

inline void demo_life(dangyuan::store& store, demo_context const& ctx) {
    namespace dy = dangyuan;
    using namespace date::literals;
    using demo_life_detail::hold_year;
    auto const& m = ctx.members;
    auto const as_of = ctx.as_of;

    // ---- organisational life
    // The leaderships the demo did not record yet: the teachers' branch has 8 full members and elects a
    // committee; the smaller branches and the general branch have a secretary.
    auto const elect = [&](dy::org_id org, date::sys_days on, std::vector<dy::officer> const& officers) {
        if (store.leadership(org, as_of).empty()) store.set_leadership(org, on, officers, "换届选举");
    };
    elect(ctx.teachers, 2023_y / 9 / 10,
          {{m[25], dy::officer_role::secretary, ""},
           {m[26], dy::officer_role::committee_member, "组织委员"},
           {m[27], dy::officer_role::committee_member, "宣传委员"}});
    elect(ctx.school, 2023_y / 9 / 1, {{m[28], dy::officer_role::secretary, ""}});
    elect(ctx.shop, 2024_y / 4 / 1, {{m[23], dy::officer_role::secretary, ""}});
    elect(ctx.retirees, 2024_y / 3 / 1, {{m[33], dy::officer_role::secretary, ""}});
    for (auto const org : {ctx.community, ctx.office, ctx.shop, ctx.school, ctx.retirees})
        hold_year(store, org, as_of);
    hold_year(store, ctx.teachers, as_of, {.october_committee_meeting = false, .secretary_lecture = false});

    // ---- training hours (学时)
    std::vector<dy::member_id> officers;  // secretaries and committee members (56 class hours)
    for (auto const org : {ctx.community, ctx.office, ctx.shop, ctx.school, ctx.teachers, ctx.retirees})
        for (auto const& o : store.leadership(org, as_of))
            officers.push_back(o.member);
    for (auto const branch : {ctx.community, ctx.office, ctx.shop, ctx.teachers, ctx.retirees}) {
        for (auto const& p : demo_life_detail::attendees(store, branch, as_of)) {
            auto const on = std::max(date::sys_days{2026_y / 3 / 20}, p.admission_date + date::days{7});
            auto const hours = p.id == m[19] ? dy::class_hours::whole(28) : dy::class_hours::whole(32);
            dy::add_training(store, {p.id, on, "2026年度党员集中轮训", hours, true, "泉城路街道党校"}, as_of);
            if (std::find(officers.begin(), officers.end(), p.id) != officers.end())
                dy::add_training(store,
                                 {p.id, 2026_y / 7 / 10, "基层党组织书记和党务干部培训班",
                                  dy::class_hours::whole(24), true, "历下区委党校"},
                                 as_of);
        }
    }

    // ---- dues (党费) of the office branch
    auto const& params = store.rules().life;
    auto const monthly = [&](dy::fen base) {
        return dy::monthly_dues(dy::dues_category::employed, base, params);
    };
    auto const pay = [&](dy::member_id who, date::year_month month, dy::fen amount,
                         dy::dues_paid_at at = dy::dues_paid_at::home_org, dy::org_id host = {}) {
        date::sys_days const on = month / 20;
        auto const member = store.get_member(who);  // at home: the branch the member is in on the day
        auto const home = member.joined_branch <= on ? member.branch : ctx.office;
        dy::dues_payment p{
            who, month, amount, false, at, at == dy::dues_paid_at::host_org ? host : home, "组织委员", on};
        dy::record_dues_payment(store, p, as_of);
    };
    for (std::size_t i = 9; i <= 22; ++i) {
        auto const who = m[i];
        auto const base = dy::fen::yuan(3600 + 450 * static_cast<long>(i - 9));
        auto const admitted = dy::month_of(store.get_member(who).admission_date);
        bool const probationary = i >= 21;  // owe from the admission month (dues.from_admission_month)
        auto const first = probationary ? admitted : 2026_y / 1;
        dy::dues_terms terms;
        if (!probationary) terms.ledger_start = 2026_y / 1;  // the paper ledger holds the earlier years
        dy::open_dues_account(store, who, {first, dy::dues_category::employed, base}, terms, "建立党费台账");
        auto last = 2026_y / 10;
        if (i == 15) last = 2026_y / 7;  // in arrears since August
        if (i == 16) last = 2026_y / 4;  // nothing paid since April: six unpaid months by the end of October
        for (auto month = first; month <= last; month += date::months{1}) {
            auto amount = monthly(base);
            if (i == 13 && month >= 2026_y / 7) amount = monthly(base + dy::fen::yuan(1200));
            if (i == 12 && month >= 2026_y / 6) amount = dy::fen(20);
            bool const away = i == 14 && month >= 2026_y / 5 && month <= 2026_y / 8;
            pay(who, month, amount, away ? dy::dues_paid_at::host_org : dy::dues_paid_at::home_org,
                away ? ctx.shop : dy::org_id{});
        }
        if (i == 13)
            dy::change_dues_base(store, who,
                                 {2026_y / 7, dy::dues_category::employed, base + dy::fen::yuan(1200)},
                                 "职级晋升调资");
        if (i == 12)
            dy::add_dues_relief(store, who,
                                {2026_y / 6, 2026_y / 12, dy::fen(20), "家庭成员重病，生活困难",
                                 2026_y / 5 / 20, "泉城路街道党工委", 2026_y / 5 / 28},
                                "困难党员减交党费");
    }
    dy::dues_payment voluntary{m[9],       2026_y / 7, dy::fen::yuan(1000), true, dy::dues_paid_at::home_org,
                               ctx.office, "组织委员", 2026_y / 7 / 1};
    dy::record_dues_payment(store, voluntary, as_of, "七一自愿多交党费");
}
