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
    using s = step;
    return {
        {s::application_submitted, d(2023, 3, 1), {}},
        {s::talk_held, d(2023, 3, 20), {.by = member_id{1}}},
        {s::activist_determined, d(2023, 9, 1), {.recommended = recommendation::member_recommendation}},
        {s::activist_filed, d(2023, 9, 10), {}},
        {s::contacts_assigned, d(2023, 9, 10), {.members = {member_id{1}, member_id{2}}}},
        {s::activist_assessed, d(2024, 3, 1), {.conclusion = "表现良好"}},
        {s::target_determined, d(2024, 9, 2), {}},
        {s::target_filed, d(2024, 9, 10), {}},
        {s::introducers_assigned, d(2024, 9, 15), {.members = {member_id{1}, member_id{2}}}},
        {s::political_review, d(2024, 10, 10), {.passed = true, .conclusion = "政治审查合格"}},
        {s::training_completed, d(2024, 10, 20), {.days = 3, .class_hours = 24}},
        {s::committee_reviewed, d(2024, 11, 1), {}},
        {s::pre_review, d(2024, 11, 10), {.passed = true, .document = "预审意见〔2024〕12号"}},
        {s::application_form_filled, d(2024, 11, 15), {}},
        {s::admission_meeting, d(2024, 12, 2), {.vote = good_vote()}},
        {s::higher_committee_talk, d(2024, 12, 20), {.by = member_id{8}}},
        {s::admission_approved, d(2025, 2, 10), {.passed = true, .document = "批复"}},
        {s::approval_filed, d(2025, 2, 20), {}},
        {s::assigned_to_branch, d(2025, 2, 20), {}},
        {s::oath_taken, d(2025, 3, 1), {}},
        {s::probation_assessed, d(2025, 6, 1), {}},
        {s::conversion_applied, d(2025, 11, 20), {}},
        {s::conversion_meeting,
         d(2025, 12, 5),
         {.vote = good_vote(), .decision = conversion_decision::convert}},
        {s::conversion_approved, d(2026, 1, 10), {.passed = true}},
        {s::archived, d(2026, 2, 1), {}},
    };
}

// A case with the full history recorded up to (not including) the first record of kind `until`.
inline development_case case_until(step until, rule_set rules = rule_set::national_2014()) {
    development_case c(person(), std::move(rules));
    for (auto const& r : full_history()) {
        if (r.kind == until) break;
        c.record(r, lookup);
    }
    return c;
}

// The record of kind `kind` in the standard history.
inline step_record standard(step kind) {
    for (auto const& r : full_history())
        if (r.kind == kind) return r;
    throw std::logic_error("no such step in the standard history");
}

}  // namespace devtest
