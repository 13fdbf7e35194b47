#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "access_support.hpp"
#include "dangyuan/storage/development_store.hpp"
#include "development_support.hpp"

namespace access_development_test_cases {

using namespace dangyuan;
using test::d;

namespace {

// The shared district with four full members in each branch, and development cases walked by the
// organisation department (full access) along the standard history up to a given step.
struct pipeline_world : test::shared_district {
    std::map<std::int64_t, std::vector<member_id>> members;  // by branch
    int next_applicant = 1;

    explicit pipeline_world(std::string const& name) : shared_district(name) {
        int seq = 1;
        for (auto const b : {branch_a, branch_b, village})
            for (int i = 0; i < 4; ++i, ++seq)
                members[b.value()].push_back(store.add_member(
                    test::full_member(b, "老党员" + std::to_string(seq), d(2005, 7, 1), seq)));
    }

    // A new applicant of `branch` (each with an ID number of its own).
    applicant person(org_id branch) {
        auto a = devtest::person();
        a.id_number = citizen_id::parse(test::id_for(a.birth_date, sex::female, next_applicant++));
        a.branch = branch;
        return a;
    }

    // The standard history with members of the branch in place of 1, 2 and 8, and the branch meeting's
    // vote counting the members with a vote on its day.
    step_record adapted(org_id branch, step_record r) const {
        return devtest::with_people(std::move(r), members.at(branch.value()), [&](date::sys_days on) {
            auto const n = store.voting_roll_on(branch, on).voters;
            return branch_vote{n, n, 0, n, 0, 0};
        });
    }
    step_record standard(org_id branch, step kind) const { return adapted(branch, devtest::standard(kind)); }

    // A case of `branch` with the standard history recorded before the first record of kind `until`.
    case_id case_until(org_id branch, step until) {
        auto const h = devtest::full_history();
        auto const id = open_case(store, person(branch), h.front());
        for (std::size_t i = 1; i < h.size() && kind_of(h[i]) != until; ++i)
            record_step(store, id, adapted(branch, h[i]));
        return id;
    }
};

// A call on a case of another branch: the step it waits for and what it does.
struct case_call {
    char const* name;
    permission needed;
    step until;
    std::function<void(store&, pipeline_world&, case_id)> call;
};

std::vector<case_call> branch_calls() {
    auto step_call = [](step k) {
        return
            [k](store& s, pipeline_world& w, case_id id) { record_step(s, id, w.standard(w.branch_b, k)); };
    };
    return {
        {"get_case", permission::read_roster, step::talk_held,
         [](store& s, pipeline_world&, case_id id) { (void)get_case(s, id); }},
        {"case_member", permission::read_roster, step::talk_held,
         [](store& s, pipeline_world&, case_id id) { (void)case_member(s, id); }},
        {"record_step talk_held", permission::run_development, step::talk_held, step_call(step::talk_held)},
        {"record_step activist_determined", permission::run_development, step::activist_determined,
         step_call(step::activist_determined)},
        {"record_step political_review", permission::run_development, step::political_review,
         step_call(step::political_review)},
        {"record_step admission_meeting", permission::run_development, step::admission_meeting,
         step_call(step::admission_meeting)},
        {"record_step conversion_meeting", permission::run_development, step::conversion_meeting,
         step_call(step::conversion_meeting)},
    };
}

// The steps of the higher party committee (上级党委), in the order of the pipeline.
std::vector<step> const higher_steps{
    step::activist_filed,     step::target_filed,   step::pre_review,         step::higher_committee_talk,
    step::admission_approved, step::approval_filed, step::conversion_approved};

}  // namespace

TEST_CASE("access: the development calls on a case need their permission on the case's branch",
          "[access][development]") {
    pipeline_world w("dev-branch-calls");
    auto a_secretary = w.secretary_of(w.branch_a);
    auto b_secretary = w.secretary_of(w.branch_b);
    for (auto const& row : branch_calls()) {
        INFO(row.name);
        auto const id = w.case_until(w.branch_b, row.until);
        test::require_denied(
            w.path, [&] { row.call(a_secretary, w, id); }, row.needed, w.branch_b.value());
        CHECK_NOTHROW(row.call(b_secretary, w, id));
    }
}

TEST_CASE("access: open_case needs run_development on the applicant's branch", "[access][development]") {
    pipeline_world w("dev-open");
    auto s = w.secretary_of(w.branch_a);
    auto const application = devtest::standard(step::application_submitted);
    test::require_denied(
        w.path, [&] { (void)open_case(s, w.person(w.branch_b), application); }, permission::run_development,
        w.branch_b.value());
    auto const id = open_case(s, w.person(w.branch_a), application);
    CHECK(get_case(w.store, id).person().branch == w.branch_a);
    auto analyst = w.as(role::analyst(), std::nullopt);
    test::require_denied(
        w.path, [&] { (void)open_case(analyst, w.person(w.branch_a), application); },
        permission::run_development, w.branch_a.value());
}

TEST_CASE("access: the lists of cases and the pipeline statistics hold the principal's subtree only",
          "[access][development]") {
    pipeline_world w("dev-lists");
    auto const in_a = w.case_until(w.branch_a, step::talk_held);
    auto const in_b = w.case_until(w.branch_b, step::talk_held);
    (void)w.case_until(w.village, step::talk_held);
    auto s = w.secretary_of(w.branch_a);

    auto const mine = cases(s);
    REQUIRE(mine.size() == 1);
    CHECK(mine.front().id == in_a);
    auto const narrowed = cases(s, scope::subtree(w.street));  // a wider scope is narrowed to the branch
    REQUIRE(narrowed.size() == 1);
    CHECK(narrowed.front().id == in_a);
    test::require_denied(
        w.path, [&] { (void)cases(s, scope::subtree(w.branch_b)); }, permission::read_roster,
        w.branch_b.value());

    auto const street = cases(w.as(role::party_committee(), w.street));
    REQUIRE(street.size() == 2);
    CHECK(street[1].id == in_b);

    auto const applicants = [](std::vector<stage_statistics> const& rows) {
        return rows.at(static_cast<std::size_t>(stage::applicant)).on_date;
    };
    CHECK(applicants(pipeline_statistics(s, d(2023, 1, 1), d(2023, 6, 30))) == 1);
    CHECK(applicants(pipeline_statistics(w.store, d(2023, 1, 1), d(2023, 6, 30))) == 3);
    test::require_denied(
        w.path,
        [&] { (void)pipeline_statistics(s, d(2023, 1, 1), d(2023, 6, 30), scope::subtree(w.village)); },
        permission::read_roster, w.village.value());
    auto auditor = w.as(role::auditor(), std::nullopt);
    test::require_denied(
        w.path, [&] { (void)cases(auditor); }, permission::read_roster, 0);
}

TEST_CASE("access: the higher committee's steps need approve_as_higher_committee above the case's branch",
          "[access][development]") {
    pipeline_world w("dev-higher");
    auto secretary = w.secretary_of(w.branch_a);
    auto street = w.as(role::party_committee(), w.street);
    auto district = w.as(role::party_committee(), w.district_committee);
    for (auto const kind : higher_steps) {
        INFO(to_string(kind));
        auto const in_a = w.case_until(w.branch_a, kind);
        // 上级党委 steps are not the branch's own: its secretary is refused on its own case.
        test::require_denied(
            w.path, [&] { record_step(secretary, in_a, w.standard(w.branch_a, kind)); },
            permission::approve_as_higher_committee, w.branch_a.value());
        CHECK_NOTHROW(record_step(street, in_a, w.standard(w.branch_a, kind)));

        // The street committee is not above the village branch; the district committee is.
        auto const in_village = w.case_until(w.village, kind);
        test::require_denied(
            w.path, [&] { record_step(street, in_village, w.standard(w.village, kind)); },
            permission::approve_as_higher_committee, w.village.value());
        CHECK_NOTHROW(record_step(district, in_village, w.standard(w.village, kind)));
    }
    // The approvals' side effects were made for the committee: the admitted member is on the roster.
    auto const cs = cases(w.store, scope::subtree(w.branch_a));
    REQUIRE_FALSE(cs.empty());
    CHECK(std::any_of(cs.begin(), cs.end(), [](case_summary const& c) { return c.member.has_value(); }));
}

TEST_CASE("access: a committee's own branch steps stay allowed on the branches below it",
          "[access][development]") {
    pipeline_world w("dev-committee-branch");
    auto const id = w.case_until(w.branch_b, step::talk_held);
    auto street = w.as(role::party_committee(), w.street);
    CHECK_NOTHROW(record_step(street, id, w.standard(w.branch_b, step::talk_held)));
    auto const other = w.case_until(w.village, step::talk_held);
    test::require_denied(
        w.path, [&] { record_step(street, other, w.standard(w.village, step::talk_held)); },
        permission::run_development, w.village.value());
}

TEST_CASE("access: an analyst is refused every development write and reads applicants masked",
          "[access][development]") {
    pipeline_world w("dev-analyst");
    auto const id = w.case_until(w.branch_b, step::activist_filed);
    auto analyst = w.as(role::analyst(), std::nullopt);
    test::require_denied(
        w.path, [&] { record_step(analyst, id, w.standard(w.branch_b, step::activist_filed)); },
        permission::approve_as_higher_committee, w.branch_b.value());
    test::require_denied(
        w.path, [&] { record_step(analyst, id, w.standard(w.branch_b, step::contacts_assigned)); },
        permission::run_development, w.branch_b.value());

    auto const full = get_case(w.store, id).person();
    auto const seen = get_case(analyst, id);
    CHECK(seen.person().name == full.name);
    CHECK_FALSE(seen.person().id_number.has_value());  // masked_record::applicant id_number
    CHECK(seen.person().birth_date == d(2000, 1, 1));  // year_only
    CHECK(seen.person().branch == full.branch);
    CHECK(seen.records() == get_case(w.store, id).records());
    CHECK(seen.state().current == stage::activist);
    CHECK(cases(analyst).size() == 1);

    // A principal with unmasked_personal_data (the branch secretary) reads the applicant as stored.
    auto const secretary_view = get_case(w.secretary_of(w.branch_b), id).person();
    CHECK(secretary_view.id_number == full.id_number);
    CHECK(secretary_view.birth_date == full.birth_date);
}

TEST_CASE("access: an unknown case is not_found for a principal too", "[access][development]") {
    pipeline_world w("dev-unknown");
    auto s = w.secretary_of(w.branch_a);
    CHECK_THROWS_AS(get_case(s, case_id{404}), not_found);
    CHECK_THROWS_AS(case_member(s, case_id{404}), not_found);
    CHECK_THROWS_AS(record_step(s, case_id{404}, devtest::standard(step::talk_held)), not_found);
}

}  // namespace access_development_test_cases
