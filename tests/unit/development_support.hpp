#pragma once
// A standard development case used by the pipeline tests: every step of the official flow with valid
// data, so that each test changes exactly the one thing it is about.

#include <vector>

#include "dangyuan/development/case.hpp"
#include "dangyuan/development/case_agenda.hpp"
#include "dangyuan/rules/profile.hpp"
#include "test_support.hpp"

namespace devtest {

using test::invalid_field;
using test::violated_rule;

using namespace dangyuan;
using test::d;

inline applicant person() {
    applicant a;
    a.name = "林晓";
    a.sex = sex::female;
    a.birth_date = d(2000, 3, 15);
    a.id_number = citizen_id::parse(test::id_for(a.birth_date, sex::female, 7));
    a.branch = org_id{3};
    return a;
}

// Members 1, 2, 8: full members; 3: probationary; 4: under 留党察看 with rights suspended; 5: suspended
// standing; 6: the applicant's own ID number; anything else does not exist.
inline member_eligibility lookup(member_id id, date::sys_days) {
    member_eligibility e;
    e.exists = id.value() >= 1 && id.value() <= 8;
    e.full_member = id.value() != 3;
    e.normal_standing = id.value() != 5;
    e.rights_suspended = id.value() == 4;
    e.name = "党员" + std::to_string(id.value());
    if (id.value() == 6) e.id_number = person().id_number;
    return e;
}

inline branch_vote good_vote() {
    return branch_vote{20, 15, 2, 14, 1, 0};
}

// The records of a complete, valid case in order (dates in the comments of development_case_test.cpp).
inline std::vector<step_record> full_history() {
    return {
        application_submitted_step{d(2023, 3, 1)},
        talk_held_step{.date = d(2023, 3, 20), .by = member_id{1}},
        activist_determined_step{.date = d(2023, 9, 1), .recommended = recommendation::member_recommendation},
        activist_filed_step{d(2023, 9, 10)},
        contacts_assigned_step{.date = d(2023, 9, 10), .members = {member_id{1}, member_id{2}}},
        activist_assessed_step{.date = d(2024, 3, 1), .conclusion = "表现良好"},
        target_determined_step{d(2024, 9, 2)},
        target_filed_step{d(2024, 9, 10)},
        introducers_assigned_step{.date = d(2024, 9, 15), .members = {member_id{1}, member_id{2}}},
        political_review_step{.date = d(2024, 10, 10), .passed = true, .conclusion = "政治审查合格"},
        training_completed_step{.date = d(2024, 10, 20), .days = 3, .class_hours = 24},
        committee_reviewed_step{d(2024, 11, 1)},
        pre_review_step{.date = d(2024, 11, 10), .passed = true, .document = "预审意见〔2024〕12号"},
        application_form_filled_step{d(2024, 11, 15)},
        admission_meeting_step{.date = d(2024, 12, 2), .vote = good_vote()},
        higher_committee_talk_step{.date = d(2024, 12, 20), .by = member_id{8}},
        admission_approved_step{.date = d(2025, 2, 10), .passed = true, .document = "批复"},
        approval_filed_step{d(2025, 2, 20)},
        assigned_to_branch_step{d(2025, 2, 20)},
        oath_taken_step{d(2025, 3, 1)},
        probation_assessed_step{d(2025, 6, 1)},
        conversion_applied_step{d(2025, 11, 20)},
        conversion_meeting_step{
            .date = d(2025, 12, 5), .vote = good_vote(), .decision = conversion_decision::convert},
        conversion_approved_step{.date = d(2026, 1, 10), .passed = true},
        archived_step{d(2026, 2, 1)},
    };
}

// A case with the full history recorded up to (not including) the first record of kind `until`.
inline development_case case_until(step until, rule_set rules = rule_set::national_2014()) {
    development_case c(person(), std::move(rules));
    for (auto const& r : full_history()) {
        if (kind_of(r) == until) break;
        c.record(r, lookup);
    }
    return c;
}

// `r` with the members it names taken from `roster` (member 1 -> roster[0], others -> roster[1], the
// talker -> roster[2]) and its vote counts, if it has any, replaced by `vote(date)`.
template <class Vote>
step_record with_people(step_record r, std::vector<member_id> const& roster, Vote const& vote) {
    std::visit(
        [&](auto& x) {
            if constexpr (requires { x.members; })
                for (auto& id : x.members)
                    id = roster[id.value() == 1 ? 0 : 1];
            if constexpr (requires { x.by; })
                if (x.by) x.by = roster[2];
            if constexpr (requires { x.vote; })
                if (x.vote) x.vote = vote(x.date);
        },
        r);
    return r;
}

// The votes of a branch of `n` voters, all present and in favour.
inline auto all_of(int n) {
    return [n](date::sys_days) { return branch_vote{n, n, 0, n, 0, 0}; };
}

// The record of kind `kind` in the standard history.
inline step_record standard(step kind) {
    for (auto const& r : full_history())
        if (kind_of(r) == kind) return r;
    throw std::logic_error("no such step in the standard history");
}

}  // namespace devtest
