#pragma once
// The development part of the demo district: a handful of cases at different stages, one with an
// overdue approval.

#include "demo_context.hpp"

inline void demo_development(dangyuan::store& store, demo_context const& ctx) {
    namespace dy = dangyuan;
    using namespace date::literals;
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
              dy::application_submitted_step{2026_y / 10 / 10}, {}, "递交入党申请书");
    // An activist, half-year assessment coming up.
    auto const act = open_case(store, person("吴倩", dy::sex::female, 1998_y / 11 / 2, 82),
                               dy::application_submitted_step{2025_y / 9 / 1});
    record_step(store, act, dy::talk_held_step{.date = 2025_y / 9 / 15, .by = m[9]});
    record_step(store, act,
                dy::activist_determined_step{.date = 2026_y / 6 / 10,
                                             .recommended = dy::recommendation::mass_organisation});
    record_step(store, act, dy::activist_filed_step{2026_y / 6 / 20});
    record_step(store, act, dy::contacts_assigned_step{.date = 2026_y / 6 / 20, .members = {m[12], m[13]}});
    // A development target admitted by the branch meeting; the higher committee's approval is overdue.
    auto const adm = open_case(store, person("郑磊", dy::sex::male, 1995_y / 2 / 28, 83),
                               dy::application_submitted_step{2024_y / 3 / 4});
    for (auto const& r : std::vector<dy::step_record>{
             dy::talk_held_step{.date = 2024_y / 3 / 20, .by = m[9]},
             dy::activist_determined_step{.date = 2024_y / 9 / 2,
             .recommended = dy::recommendation::member_recommendation},
             dy::activist_filed_step{2024_y / 9 / 10},
             dy::contacts_assigned_step{.date = 2024_y / 9 / 10, .members = {m[14]}},
             dy::activist_assessed_step{2025_y / 3 / 1},
             dy::target_determined_step{2025_y / 9 / 3},
             dy::target_filed_step{2025_y / 9 / 10},
             dy::introducers_assigned_step{.date = 2025_y / 9 / 15, .members = {m[14], m[15]}},
             dy::political_review_step{
                 .date = 2025_y / 10 / 10, .passed = true, .conclusion = "政治审查合格"},
             dy::training_completed_step{.date = 2025_y / 10 / 24, .days = 3, .class_hours = 24},
             dy::committee_reviewed_step{2025_y / 11 / 3},
             dy::pre_review_step{.date = 2026_y / 5 / 11, .passed = true, .document = "泉组预审〔2026〕3号"},
             dy::application_form_filled_step{2026_y / 5 / 20},
             dy::admission_meeting_step{.date = 2026_y / 6 / 15, .vote = vote},
             dy::higher_committee_talk_step{.date = 2026_y / 7 / 2, .by = m[10]},
         })
        record_step(store, adm, r);
    (void)adm;
}
