// 林晓 from the written application to full membership, with the library (docs/tutorial.md).
#include <dangyuan/dangyuan.hpp>

#include <iostream>

int main() {
    namespace dy = dangyuan;
    using namespace date::literals;

    auto store = dy::open_store(":memory:", {.actor = "组织委员"});

    // A branch with two full members who can introduce and talk.
    auto const district = store.add_org({.name = "中共示范区委员会",
                                         .kind = dy::org_kind::higher_committee,
                                         .established = 1990_y / 1 / 1,
                                         .term_start = 2021_y / 10 / 1,
                                         .term_years = 5});
    auto const street = store.add_org({.name = "城关街道党工委",
                                       .kind = dy::org_kind::working_committee,
                                       .parent = district,
                                       .established = 2001_y / 5 / 1});
    auto const branch = store.add_org({.name = "第一社区党支部",
                                       .kind = dy::org_kind::branch,
                                       .parent = street,
                                       .established = 2002_y / 1 / 1,
                                       .village_or_community = true,
                                       .term_start = 2021_y / 12 / 28});
    auto full_member = [&](std::string name, char const* id, date::sys_days admitted) {
        dy::member m;
        m.name = std::move(name);
        m.id_number = dy::citizen_id::parse(id);
        m.sex = m.id_number->sex_of();
        m.birth_date = m.id_number->birth_date();
        m.branch = branch;
        m.admission_date = admitted;
        m.full_member_date = dy::add_years(admitted, 1);
        m.joined_branch = std::max(admitted, date::sys_days{2002_y / 1 / 1});
        return store.add_member(m);
    };
    auto const zhang = full_member("张建国", "370102196805123139", 1995_y / 7 / 1);
    auto const wang = full_member("王志强", "370102197511034514", 2001_y / 7 / 1);
    auto const chen = full_member("陈明", "370102198309095991", 2008_y / 6 / 30);

    // The application opens the case; every step is checked against the history and the rules.
    dy::applicant lin{.name = "林晓",
                      .sex = dy::sex::female,
                      .birth_date = 2000_y / 3 / 15,
                      .id_number = dy::citizen_id::parse("370102200003150740"),
                      .branch = branch};
    auto const id = open_case(store, lin, dy::application_submitted_step{2023_y / 3 / 1});
    record_step(store, id, dy::talk_held_step{.date = 2023_y / 3 / 20, .by = zhang});
    record_step(store, id,
                dy::activist_determined_step{.date = 2023_y / 9 / 1,
                                             .recommended = dy::recommendation::member_recommendation});
    record_step(store, id, dy::activist_filed_step{2023_y / 9 / 10});
    record_step(store, id, dy::contacts_assigned_step{.date = 2023_y / 9 / 10, .members = {wang}});
    record_step(store, id, dy::activist_assessed_step{2024_y / 3 / 1});
    try {  // one year of cultivation first (dev.activist_min_1_year): refused, nothing recorded
        record_step(store, id, dy::target_determined_step{2024_y / 8 / 31});
    } catch (dy::rule_violation const& e) {
        std::cout << "refused: " << e.rule_id() << '\n';
    }
    record_step(store, id, dy::target_determined_step{2024_y / 9 / 2});
    record_step(store, id, dy::target_filed_step{2024_y / 9 / 10});
    record_step(store, id, dy::introducers_assigned_step{.date = 2024_y / 9 / 15, .members = {wang, chen}});
    record_step(
        store, id,
        dy::political_review_step{.date = 2024_y / 10 / 10, .passed = true, .conclusion = "政治审查合格"});
    record_step(store, id, dy::training_completed_step{.date = 2024_y / 10 / 20, .days = 3});
    record_step(store, id, dy::committee_reviewed_step{2024_y / 11 / 1});
    record_step(store, id,
                dy::pre_review_step{.date = 2024_y / 11 / 10, .passed = true, .document = "预审意见"});
    record_step(store, id, dy::application_form_filled_step{2024_y / 11 / 15});
    // The branch meeting votes (票决): 3 full members entitled, all present, 3 yes.
    record_step(
        store, id,
        dy::admission_meeting_step{.date = 2024_y / 11 / 20, .vote = dy::branch_vote{3, 3, 0, 3, 0, 0}});
    record_step(store, id, dy::higher_committee_talk_step{2024_y / 12 / 10});
    record_step(store, id, dy::admission_approved_step{.date = 2025_y / 1 / 15, .passed = true});
    auto const member = *case_member(store, id);  // on the roster now, a probationary member
    std::cout << "member " << member.value() << ", admitted "
              << dy::format_date(store.get_member(member).admission_date) << '\n';
    record_step(store, id, dy::oath_taken_step{2025_y / 2 / 1});
    record_step(store, id, dy::conversion_applied_step{2025_y / 11 / 1});
    record_step(store, id,
                dy::conversion_meeting_step{.date = 2025_y / 11 / 21,
                                            .vote = dy::branch_vote{3, 3, 0, 3, 0, 0},
                                            .decision = dy::conversion_decision::convert});
    record_step(store, id, dy::conversion_approved_step{.date = 2025_y / 12 / 10, .passed = true});
    std::cout << "full member from " << dy::format_date(*store.get_member(member).full_member_date) << '\n';

    // The timeline (发展党员纪实): earliest date, deadline, actual dates and status of each step.
    for (auto const& row : dy::case_timeline(get_case(store, id), 2026_y / 1 / 1)) {
        if (row.actual.empty() && !row.deadline) continue;
        std::cout << dy::official_number(row.kind) << ' ' << dy::chinese_name(row.kind) << ' '
                  << dy::to_string(row.status);
        if (row.deadline) std::cout << " (deadline " << dy::format_date(*row.deadline) << ')';
        if (!row.actual.empty()) std::cout << ' ' << dy::format_date(row.actual.back());
        std::cout << '\n';
    }
}
