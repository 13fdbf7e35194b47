#pragma once
// The development part of the demo district: a handful of cases at different stages, one with an
// overdue approval.

#include "demo_context.hpp"

inline void demo_development(dangyuan::store& store, demo_context const& ctx) {
    namespace dy = dangyuan;
    using namespace date::literals;
    using dy::step;
    auto const& m = ctx.members;  // office branch full members: m[9]..m[20]
    auto person = [&](std::string name, dy::sex sex, date::sys_days born, int seq) {
        dy::applicant a{.name = std::move(name), .sex = sex, .birth_date = born, .branch = ctx.office};
        auto const ymd = date::year_month_day{born};
        char body[32];
        std::snprintf(body, sizeof body, "370102%04d%02u%02u%02d%d", static_cast<int>(ymd.year()) % 10000,
                      static_cast<unsigned>(ymd.month()) % 100, static_cast<unsigned>(ymd.day()) % 100,
                      seq % 100, sex == dy::sex::male ? 7 : 8);
        a.id_number = dy::citizen_id::parse(std::string(body, 17) +
                                            dy::gb11643_check_character(std::string_view(body, 17)));
        return a;
    };
    // The branch meeting counts the full members with a vote on its date, as the store knows them
    // (vote.entitled_full_members): one absent with a written opinion, one voting no.
    int const voters = store.voting_roll_on(ctx.office, 2026_y / 6 / 15).voters;
    dy::branch_vote const vote{voters, voters - 1, 1, voters - 1, 1, 0};
    // An applicant still waiting for the first talk (overdue since 2026-11-10).
    open_case(store, person("周明", dy::sex::male, 2001_y / 5 / 6, 81),
              {step::application_submitted, 2026_y / 10 / 10}, {}, "递交入党申请书");
    // An activist, half-year assessment coming up.
    auto const act = open_case(store, person("吴倩", dy::sex::female, 1998_y / 11 / 2, 82),
                               {step::application_submitted, 2025_y / 9 / 1});
    record_step(store, act, {step::talk_held, 2025_y / 9 / 15, {.by = m[9]}});
    record_step(
        store, act,
        {step::activist_determined, 2026_y / 6 / 10, {.recommended = dy::recommendation::mass_organisation}});
    record_step(store, act, {step::activist_filed, 2026_y / 6 / 20});
    record_step(store, act, {step::contacts_assigned, 2026_y / 6 / 20, {.members = {m[12], m[13]}}});
    // A development target admitted by the branch meeting; the higher committee's approval is overdue.
    auto const adm = open_case(store, person("郑磊", dy::sex::male, 1995_y / 2 / 28, 83),
                               {step::application_submitted, 2024_y / 3 / 4});
    for (auto const& r : std::vector<dy::step_record>{
             {step::talk_held, 2024_y / 3 / 20, {.by = m[9]}},
             {step::activist_determined,
              2024_y / 9 / 2,
              {.recommended = dy::recommendation::member_recommendation}},
             {step::activist_filed, 2024_y / 9 / 10},
             {step::contacts_assigned, 2024_y / 9 / 10, {.members = {m[14]}}},
             {step::activist_assessed, 2025_y / 3 / 1},
             {step::target_determined, 2025_y / 9 / 3},
             {step::target_filed, 2025_y / 9 / 10},
             {step::introducers_assigned, 2025_y / 9 / 15, {.members = {m[14], m[15]}}},
             {step::political_review, 2025_y / 10 / 10, {.passed = true, .conclusion = "政治审查合格"}},
             {step::training_completed, 2025_y / 10 / 24, {.days = 3, .class_hours = 24}},
             {step::committee_reviewed, 2025_y / 11 / 3},
             {step::pre_review, 2026_y / 5 / 11, {.passed = true, .document = "泉组预审〔2026〕3号"}},
             {step::application_form_filled, 2026_y / 5 / 20},
             {step::admission_meeting, 2026_y / 6 / 15, {.vote = vote}},
             {step::higher_committee_talk, 2026_y / 7 / 2, {.by = m[10]}},
         })
        record_step(store, adm, r);
    (void)adm;
}
