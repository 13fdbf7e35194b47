#pragma once
// The evaluation part of the demo district: the 2025 democratic evaluation (民主评议党员) of the office
// branch run from study to closing, and a correction within a time limit (限期改正) in the community branch
// whose review date is on the agenda of the demo date.

#include <dangyuan/storage/evaluation_store.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "demo_context.hpp"

inline void demo_evaluation(dangyuan::store& store, demo_context const& ctx) {
    namespace dy = dangyuan;
    using namespace date::literals;
    using ph = dy::campaign_phase;
    auto const& m = ctx.members;

    // ---- 街道机关党支部, evaluation of 2025: 12 full members graded, 2 probationary members take part.
    auto const id = dy::open_campaign(store, ctx.office, 2025, 2025_y / 12 / 16, {}, "2025年度民主评议党员");
    auto phase = [&](date::sys_days on, ph p) { dy::record_campaign(store, id, dy::phase_started{on, p}); };
    auto const roll = dy::participants_from_roster(store, ctx.office, 2025_y / 12 / 16);
    dy::record_campaign(store, id, dy::participants_added{2025_y / 12 / 16, roll}, "参评党员名单");

    phase(2025_y / 12 / 22, ph::self_assessment);
    for (auto const& p : roll)
        dy::record_campaign(
            store, id,
            dy::self_assessment_submitted{2025_y / 12 / 26, p.member, "对照党章党规撰写党性分析材料"});

    phase(2026_y / 1 / 6, ph::appraisal_self_review);
    phase(2026_y / 1 / 7, ph::appraisal_mutual_review);
    dy::record_campaign(
        store, id,
        dy::non_member_opinion{2026_y / 1 / 7, std::nullopt, "群众座谈会", "窗口服务态度总体满意"});
    phase(2026_y / 1 / 8, ph::appraisal_vote);

    // The full members appraise each other; only the counts and the voters are stored.
    std::vector<dy::member_id> const full(m.begin() + 9, m.begin() + 21);
    std::vector<dy::member_id> const excellent{m[9], m[12], m[15]};
    dy::member_id const weak = m[18];
    std::vector<dy::ballot> ballots;
    for (std::size_t e = 0; e < full.size(); ++e)
        for (auto const who : full) {
            auto choice = dy::grade::qualified;
            if (std::find(excellent.begin(), excellent.end(), who) != excellent.end() && e % 4 != 0)
                choice = dy::grade::excellent;
            if (who == weak && e % 2 == 0) choice = dy::grade::basically_qualified;
            ballots.push_back({full[e], who, choice});
        }
    dy::record_ballots(store, id, 2026_y / 1 / 8, ballots, "民主测评计票");

    phase(2026_y / 1 / 12, ph::organisational_assessment);
    auto grade_for = [&](dy::member_id who) {
        if (who == weak) return dy::grade::basically_qualified;
        if (std::find(excellent.begin(), excellent.end(), who) != excellent.end())
            return dy::grade::excellent;
        return dy::grade::qualified;
    };
    for (auto const who : full)
        dy::record_campaign(store, id,
                            dy::grade_proposed{2026_y / 1 / 13, who, grade_for(who), "测评结果和平时表现"});
    for (auto const who : full)
        dy::record_campaign(store, id, dy::member_informed{2026_y / 1 / 14, who, "支部书记"});
    for (auto const who : full)
        dy::record_campaign(
            store, id,
            dy::grade_decided{2026_y / 1 / 16, who, grade_for(who), dy::decision_body::branch_meeting,
                              dy::branch_vote{12, 11, 1, 11, 0, 1}, ""},
            "支部党员大会确定评议等次");

    phase(2026_y / 1 / 20, ph::commendation_and_handling);
    for (auto const who : full) {
        auto const g = grade_for(who);
        auto const kind = g == dy::grade::excellent   ? dy::follow_up_kind::commended
                          : g == dy::grade::qualified ? dy::follow_up_kind::encouraged
                                                      : dy::follow_up_kind::helped;
        dy::record_campaign(store, id, dy::follow_up{2026_y / 1 / 22, who, kind, ""});
    }
    phase(2026_y / 1 / 30, ph::closed);

    // ---- 芙蓉社区党支部: 限期改正 for a member who stopped attending organisational life. Approved on
    // 2026-06-12, the period ends on 2026-12-12; the review is on the agenda from 2026-11-12.
    auto const who = m[6];
    std::string const matter = "2026年上半年长期不参加组织生活";
    dy::open_disposition(store, who,
                         {2026_y / 5 / 8, matter, dy::disposition_ground::org_life_or_dues_lapses,
                          dy::disposition_form::correction, dy::member_status::full, "芙蓉社区党支部委员会"},
                         {}, "支委会提出处置意见");
    dy::record_disposition(store, who, dy::prior_filed{2026_y / 5 / 11, matter, "泉城路街道党工委"});
    dy::record_disposition(store, who,
                           dy::investigated{2026_y / 5 / 20, matter, "经核实，连续4个月未参加支部活动"});
    dy::record_disposition(
        store, who,
        dy::talk_held{
            2026_y / 5 / 27, matter, {{m[0], dy::member_status::full}, {m[1], dy::member_status::full}}, ""});
    dy::record_disposition(
        store, who, dy::branch_meeting_voted{2026_y / 6 / 5, matter, dy::branch_vote{8, 7, 1, 7, 1, 0}});
    dy::record_disposition(
        store, who, dy::disposition_approved{2026_y / 6 / 12, matter, "泉城路街道党工委", std::nullopt},
        "街道党工委批复");
}
