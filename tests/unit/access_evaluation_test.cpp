#include <catch2/catch.hpp>

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "access_support.hpp"
#include "dangyuan/storage/abroad_store.hpp"
#include "dangyuan/storage/evaluation_store.hpp"
#include "evaluation_support.hpp"

namespace access_evaluation_test_cases {

using namespace dangyuan;
using test::d;
using test::phase_date;
using ph = campaign_phase;

namespace {

// The shared district with four full members in each branch, and a 2025 campaign of each branch opened
// with its participants by the organisation department (full access).
struct evaluation_world : test::shared_district {
    std::map<std::int64_t, std::vector<member_id>> members;  // by branch
    std::map<std::int64_t, campaign_id> campaign;            // by branch

    explicit evaluation_world(std::string const& name) : shared_district(name) {
        int seq = 1;
        for (auto const b : {branch_a, branch_b, village}) {
            for (int i = 0; i < 4; ++i, ++seq)
                members[b.value()].push_back(
                    store.add_member(test::full_member(b, "党员" + std::to_string(seq), d(2010, 7, 1), seq)));
            auto const id = open_campaign(store, b, 2025, phase_date(ph::study));
            record_campaign(store, id,
                            participants_added{phase_date(ph::study),
                                               participants_from_roster(store, b, phase_date(ph::study))});
            campaign[b.value()] = id;
        }
    }
    member_id member(org_id branch, std::size_t i) const { return members.at(branch.value()).at(i); }
    campaign_id campaign_of(org_id branch) const { return campaign.at(branch.value()); }

    void to_phase(org_id branch, ph target) {
        auto const id = campaign_of(branch);
        auto const st = campaign_state_of(get_campaign(store, id));
        for (int p = static_cast<int>(*st.phase) + 1; p <= static_cast<int>(target); ++p)
            record_campaign(store, id, phase_started{phase_date(static_cast<ph>(p)), static_cast<ph>(p)});
    }

    // Every member of the branch grades every other one 合格.
    std::vector<ballot> ballots(org_id branch) const {
        std::vector<ballot> out;
        for (auto e : members.at(branch.value()))
            for (auto m : members.at(branch.value()))
                out.push_back({e, m, grade::qualified});
        return out;
    }

    // Opens the disposition of `matter` for member 3 of the branch and takes it to the branch meeting's
    // vote, talked to by members 0 and 1.
    void up_to_vote(org_id branch, std::string const& matter) {
        auto const who = member(branch, 3);
        open_disposition(store, who, opened(matter, d(2026, 3, 2)));
        record_disposition(store, who, prior_filed{d(2026, 3, 3), matter, "城关街道党工委"});
        record_disposition(store, who, investigated{d(2026, 3, 4), matter, "核实属实"});
        record_disposition(
            store, who,
            talk_held{d(2026, 3, 5),
                      matter,
                      {{member(branch, 0), member_status::full}, {member(branch, 1), member_status::full}},
                      ""});
        record_disposition(store, who,
                           branch_meeting_voted{d(2026, 3, 6), matter, branch_vote{4, 4, 0, 4, 0, 0}});
    }

    static disposition_opened opened(std::string matter, date::sys_days on) {
        return {on,
                std::move(matter),
                disposition_ground::org_life_or_dues_lapses,
                disposition_form::correction,
                member_status::full,
                "党支部委员会"};
    }
};

// A call on an object of branch_b and the permission it needs there.
struct eval_call {
    char const* name;
    permission needed;
    std::function<void(store&, evaluation_world&)> call;
};

// In an order in which each call, made by branch_b's secretary, is valid after the ones before it.
std::vector<eval_call> branch_b_calls() {
    return {
        {"open_campaign", permission::run_evaluations,
         [](store& s, evaluation_world& w) { (void)open_campaign(s, w.branch_b, 2024, d(2024, 11, 4)); }},
        {"record_campaign", permission::run_evaluations,
         [](store& s, evaluation_world& w) {
             record_campaign(s, w.campaign_of(w.branch_b),
                             phase_started{phase_date(ph::self_assessment), ph::self_assessment});
         }},
        {"find_campaign", permission::read_roster,
         [](store& s, evaluation_world& w) {
             auto const found = find_campaign(s, w.branch_b, 2025);
             CHECK(found);
         }},
        {"get_campaign", permission::read_roster,
         [](store& s, evaluation_world& w) { (void)get_campaign(s, w.campaign_of(w.branch_b)); }},
        {"participants_from_roster", permission::read_roster,
         [](store& s, evaluation_world& w) {
             auto const found = participants_from_roster(s, w.branch_b, phase_date(ph::study));
             CHECK(found.size() == 4);
         }},
        {"grade_of", permission::read_roster,
         [](store& s, evaluation_world& w) {
             auto const found = grade_of(s, w.member(w.branch_b, 0), 2025);
             CHECK_FALSE(found);
         }},
        {"open_disposition", permission::run_evaluations,
         [](store& s, evaluation_world& w) {
             open_disposition(s, w.member(w.branch_b, 3),
                              evaluation_world::opened("长期不参加组织生活", d(2026, 3, 2)));
         }},
        {"record_disposition", permission::run_evaluations,
         [](store& s, evaluation_world& w) {
             record_disposition(s, w.member(w.branch_b, 3),
                                prior_filed{d(2026, 3, 3), "长期不参加组织生活", "城关街道党工委"});
         }},
        {"get_disposition_file", permission::read_roster,
         [](store& s, evaluation_world& w) { (void)get_disposition_file(s, w.member(w.branch_b, 3)); }},
    };
}

}  // namespace

TEST_CASE("access: the evaluation calls on a campaign or member need their permission on its branch",
          "[access][evaluation]") {
    evaluation_world w("eval-branch-calls");
    auto a_secretary = w.secretary_of(w.branch_a);
    auto b_secretary = w.secretary_of(w.branch_b);
    for (auto const& row : branch_b_calls()) {
        INFO(row.name);
        test::require_denied(
            w.path, [&] { row.call(a_secretary, w); }, row.needed, w.branch_b.value());
        CHECK_NOTHROW(row.call(b_secretary, w));
    }
}

TEST_CASE("access: an analyst is refused every evaluation write, naming the permission",
          "[access][evaluation]") {
    evaluation_world w("eval-analyst");
    auto analyst = w.as(role::analyst(), std::nullopt);
    for (auto const& row : branch_b_calls()) {
        if (row.needed == permission::read_roster) continue;
        INFO(row.name);
        test::require_denied(
            w.path, [&] { row.call(analyst, w); }, row.needed, w.branch_b.value());
    }
    auto const ballots = w.ballots(w.branch_b);
    test::require_denied(
        w.path,
        [&] { record_ballots(analyst, w.campaign_of(w.branch_b), phase_date(ph::appraisal_vote), ballots); },
        permission::run_evaluations, w.branch_b.value());
    test::require_denied(
        w.path,
        [&] {
            record_disposition(
                analyst, w.member(w.branch_b, 3),
                disposition_approved{d(2026, 3, 9), "长期不参加组织生活", "城关街道党工委", {}});
        },
        permission::approve_as_higher_committee, w.branch_b.value());
    // Reads stay open to it.
    CHECK(campaigns(analyst).size() == 3);
    CHECK_NOTHROW(get_campaign(analyst, w.campaign_of(w.branch_b)));
}

TEST_CASE("access: ballots and decided grades belong to the campaign's branch", "[access][evaluation]") {
    evaluation_world w("eval-ballots");
    w.to_phase(w.branch_b, ph::appraisal_vote);
    auto a_secretary = w.secretary_of(w.branch_a);
    auto b_secretary = w.secretary_of(w.branch_b);
    auto const id = w.campaign_of(w.branch_b);
    auto const ballots = w.ballots(w.branch_b);
    test::require_denied(
        w.path, [&] { record_ballots(a_secretary, id, phase_date(ph::appraisal_vote), ballots); },
        permission::run_evaluations, w.branch_b.value());
    CHECK_NOTHROW(record_ballots(b_secretary, id, phase_date(ph::appraisal_vote), ballots));

    w.to_phase(w.branch_b, ph::organisational_assessment);
    auto const who = w.member(w.branch_b, 0);
    auto const on = d(2025, 11, 26);
    record_campaign(w.store, id, grade_proposed{on, who, grade::qualified, "测评结果"});
    record_campaign(w.store, id, member_informed{on, who, "支部书记"});
    record_campaign(w.store, id,
                    grade_decided{on, who, grade::qualified, decision_body::branch_meeting, {}, {}});

    CHECK(decided_grades(a_secretary, 2025).empty());  // another branch's grades are not listed
    CHECK(decided_grades(b_secretary, 2025).size() == 1);
    CHECK(decided_grades(w.as(role::party_committee(), w.street), 2025).size() == 1);
    CHECK(decided_grades(w.as(role::party_committee(), w.village), 2025).empty());
    test::require_denied(
        w.path, [&] { (void)grade_of(a_secretary, who, 2025); }, permission::read_roster, w.branch_b.value());
    auto const g = grade_of(b_secretary, who, 2025);
    REQUIRE(g);
    CHECK(g->decided == grade::qualified);
    auto auditor = w.as(role::auditor(), std::nullopt);
    test::require_denied(
        w.path, [&] { (void)decided_grades(auditor, 2025); }, permission::read_roster, 0);
}

TEST_CASE("access: the evaluation lists hold the principal's subtree; another branch's scope is refused",
          "[access][evaluation]") {
    evaluation_world w("eval-lists");
    w.up_to_vote(w.branch_a, "长期不参加组织生活");
    w.up_to_vote(w.branch_b, "长期不参加组织生活");
    auto s = w.secretary_of(w.branch_a);
    struct list_call {
        char const* name;
        std::function<std::size_t(store const&, scope)> count;
    };
    std::vector<list_call> const lists{
        {"campaigns", [](store const& x, scope sc) { return campaigns(x, sc).size(); }},
        {"grade_distributions", [](store const& x, scope sc) { return grade_distributions(x, sc).size(); }},
        {"low_grade_follow_ups", [](store const& x, scope sc) { return low_grade_follow_ups(x, sc).size(); }},
        {"disposition_overviews",
         [](store const& x, scope sc) { return disposition_overviews(x, d(2026, 6, 30), sc).size(); }},
    };
    auto const expected_own = std::map<std::string, std::size_t>{{"campaigns", 1},
                                                                 {"grade_distributions", 1},
                                                                 {"low_grade_follow_ups", 0},
                                                                 {"disposition_overviews", 1}};
    for (auto const& row : lists) {
        INFO(row.name);
        CHECK(row.count(s, scope::all()) == expected_own.at(row.name));
        CHECK(row.count(s, scope::subtree(w.street)) == expected_own.at(row.name));  // narrowed
        test::require_denied(
            w.path, [&] { (void)row.count(s, scope::subtree(w.branch_b)); }, permission::read_roster,
            w.branch_b.value());
    }
    CHECK(campaigns(w.as(role::party_committee(), w.street)).size() == 2);
    CHECK(disposition_overviews(w.as(role::party_committee(), w.street), d(2026, 6, 30)).size() == 2);
    CHECK(campaigns(w.store).size() == 3);
}

TEST_CASE("access: a disposition's approval is the higher committee's; the branch secretary is refused",
          "[access][evaluation]") {
    evaluation_world w("eval-approval");
    auto const matter = std::string("长期不参加组织生活");
    w.up_to_vote(w.branch_a, matter);
    w.up_to_vote(w.village, matter);
    auto const approval = disposition_approved{d(2026, 3, 9), matter, "上级党委", {}};

    auto secretary = w.secretary_of(w.branch_a);
    test::require_denied(
        w.path, [&] { record_disposition(secretary, w.member(w.branch_a, 3), approval); },
        permission::approve_as_higher_committee, w.branch_a.value());
    auto street = w.as(role::party_committee(), w.street);
    CHECK_NOTHROW(record_disposition(street, w.member(w.branch_a, 3), approval));
    CHECK(get_disposition_file(secretary, w.member(w.branch_a, 3)).records.size() == 6);

    // The street committee is not above the village branch; the district committee is.
    test::require_denied(
        w.path, [&] { record_disposition(street, w.member(w.village, 3), approval); },
        permission::approve_as_higher_committee, w.village.value());
    auto district = w.as(role::party_committee(), w.district_committee);
    CHECK_NOTHROW(record_disposition(district, w.member(w.village, 3), approval));
}

TEST_CASE("access: abroad records need manage_mobility on the member's branch to change, read_roster to read",
          "[access][abroad]") {
    test::shared_district w("abroad");
    auto const in_b = w.store.add_member(test::full_member(w.branch_b, "留学党员", d(2015, 7, 1), 41));
    auto const in_a = w.store.add_member(test::full_member(w.branch_a, "出国党员", d(2015, 7, 1), 42));
    abroad_record const study{
        .member = in_b, .kind = abroad_kind::study, .from = d(2025, 9, 1), .place = "英国"};
    auto const rec = add_abroad_record(w.store, study, d(2025, 9, 5));
    auto a_secretary = w.secretary_of(w.branch_a);
    auto b_secretary = w.secretary_of(w.branch_b);
    auto analyst = w.as(role::analyst(), std::nullopt);

    abroad_contact const contact{in_b, d(2026, 1, 10), "视频", ""};
    test::require_denied(
        w.path, [&] { record_abroad_contact(a_secretary, contact, d(2026, 1, 10)); },
        permission::manage_mobility, w.branch_b.value());
    test::require_denied(
        w.path, [&] { record_abroad_contact(analyst, contact, d(2026, 1, 10)); }, permission::manage_mobility,
        w.branch_b.value());
    CHECK_NOTHROW(record_abroad_contact(b_secretary, contact, d(2026, 1, 10)));

    test::require_denied(
        w.path, [&] { (void)abroad_records(a_secretary, in_b); }, permission::read_roster,
        w.branch_b.value());
    test::require_denied(
        w.path, [&] { (void)abroad_contacts(a_secretary, in_b); }, permission::read_roster,
        w.branch_b.value());
    CHECK(abroad_records(b_secretary, in_b).size() == 1);
    CHECK(abroad_contacts(analyst, in_b).size() == 1);

    test::require_denied(
        w.path, [&] { end_abroad_record(a_secretary, rec, d(2026, 6, 1), d(2026, 6, 1)); },
        permission::manage_mobility, w.branch_b.value());
    CHECK_NOTHROW(end_abroad_record(b_secretary, rec, d(2026, 6, 1), d(2026, 6, 1)));

    abroad_record const settled{
        .member = in_a, .kind = abroad_kind::settled, .from = d(2024, 5, 1), .place = "加拿大"};
    test::require_denied(
        w.path, [&] { (void)add_abroad_record(b_secretary, settled, d(2024, 5, 10)); },
        permission::manage_mobility, w.branch_a.value());
    CHECK_NOTHROW(add_abroad_record(a_secretary, settled, d(2024, 5, 10)));
}

}  // namespace access_evaluation_test_cases
