// The election case in the store: replayed without loss, refused commands write nothing, the higher
// organisation's steps need its permission above the organisation, the new leadership and term start
// are written with the secretary's approval, and an older store gains the tables on open.
#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "access_support.hpp"
#include "dangyuan/storage/election_store.hpp"
#include "election_support.hpp"

namespace election_store_test_cases {

using namespace dangyuan;
using test::d;
using test::invalid_field;
using test::violated_rule;

namespace {

// The shared district with ten full members in the village branch (a first election: no term start) and
// two in branch A.
struct election_world : test::shared_district {
    std::vector<member_id> v;  // village members
    member_id outsider;        // a member of branch A

    explicit election_world(std::string const& name) : shared_district(name) {
        for (int i = 0; i < 10; ++i)
            v.push_back(store.add_member(
                test::full_member(village, "村民党员" + std::to_string(i), d(2010, 7, 1), i + 1)));
        outsider = store.add_member(test::full_member(branch_a, "社区党员", d(2010, 7, 1), 40));
    }

    std::vector<election_record> procedure() const {
        return {
            request_approved{.date = d(2026, 3, 5), .approved_by = "区委", .document = "区委组〔2026〕5号"},
            members_nominated{.date = d(2026, 3, 10),
                              .nominees = {{v[0], 9}, {v[1], 8}, {v[2], 8}, {v[3], 7}, {v[4], 6}, {v[5], 5}}},
            masses_nominated{
                .date = d(2026, 3, 11), .nominees = {{v[0], 40}, {v[6], 3}}, .note = "群众推荐会"},
            committee_reviewed{.date = d(2026, 3, 15), .shortlist = {v[0], v[1], v[2], v[3], v[4], v[5]}},
            candidates_approved{.date = d(2026, 3, 20),
                                .candidates = {v[0], v[1], v[2], v[3], v[4], v[5]},
                                .approved_by = "区委",
                                .document = "区委组〔2026〕9号"},
            meeting_held{.date = d(2026, 4, 1), .attendance = {.entitled = 10, .present = 9}},
            round_counted{
                .date = d(2026, 4, 1),
                .counts = {.seats = 5, .voters_present = 9, .ballots_issued = 9, .ballots_returned = 9},
                .tallies = {{v[0], 9}, {v[1], 8, 1}, {v[2], 7, 1, 1}, {v[3], 6}, {v[4], 5}, {v[5], 4}},
                .write_ins = {{"李四", 1}}},
            committee_elected{.date = d(2026, 4, 1), .members = {v[0], v[1], v[2], v[3], v[4]}},
            secretary_elected{.date = d(2026, 4, 1), .secretary = v[0], .deputies = {v[1]}},
            result_reported{
                .date = d(2026, 4, 3), .reported_to = "区委", .document = "东村党支部〔2026〕2号"},
            secretary_approved{
                .date = d(2026, 4, 10), .approved_by = "区委", .document = "区委组〔2026〕12号"},
        };
    }
    election_requested request() const {
        return {.date = d(2026, 3, 1),
                .seats = 5,
                .planned_on = d(2026, 4, 1),
                .document = "东村党支部〔2026〕1号"};
    }
};

}  // namespace

TEST_CASE(
    "支部工作条例(2018) 第21条 [S] election.secretary_approved_by_higher: the store keeps the case without "
    "loss and installs the leadership and the term start only on the approval",
    "[election][store]") {
    election_world w("election-full");
    auto& s = w.store;
    auto const id = open_election(s, w.village, w.request());
    election_case mirror{.id = id, .org = w.village, .org_name = "东村党支部"};
    mirror.records.push_back(w.request());
    auto const steps = w.procedure();
    for (auto const& r : steps) {
        if (std::holds_alternative<secretary_approved>(r)) {
            // Elected, reported, not yet approved: the organisation has no leadership yet.
            CHECK(s.leadership(w.village, d(2026, 4, 9)).empty());
            CHECK_FALSE(s.org(w.village).term_start);
        }
        record_election(s, id, r);
        mirror.records.push_back(r);
    }
    auto const got = get_election(s, id);
    CHECK(got == mirror);
    CHECK(stage_of(got) == election_stage::completed);
    auto const lead = s.leadership(w.village, d(2026, 4, 10));
    REQUIRE(lead.size() == 5);
    CHECK(lead[0] == officer{w.v[0], officer_role::secretary, {}});
    CHECK(lead[1] == officer{w.v[1], officer_role::deputy_secretary, {}});
    CHECK(s.leadership(w.village, d(2026, 4, 9)).empty());
    CHECK(s.org(w.village).term_start == d(2026, 4, 1));
    auto const list = elections(s, scope::subtree(w.district_committee));
    REQUIRE(list.size() == 1);
    CHECK(list[0].stage == election_stage::completed);
    CHECK(list[0].completed_on == d(2026, 4, 10));
    CHECK(list[0].requested_on == d(2026, 3, 1));
    CHECK_FALSE(list[0].term_ends);
    CHECK(elections(s, scope::subtree(w.street)).empty());
    // The next election of the village has the term just begun: 5 years for a village branch.
    auto const next = open_election(
        s, w.village, {.date = d(2026, 6, 1), .seats = 5, .planned_on = d(2031, 4, 1), .document = "请示"});
    CHECK(get_election(s, next).term_ends == d(2031, 4, 1));
    auto const log = s.audit_log();
    CHECK(log.back().action == "open");
}

TEST_CASE(
    "基层组织选举工作条例(2020) [S] election.candidates_exceed_seats_20_percent in the store: a refused "
    "command changes nothing",
    "[election][store]") {
    election_world w("election-refused");
    auto& s = w.store;
    auto const id = open_election(s, w.village, w.request());
    auto const steps = w.procedure();
    for (std::size_t i = 0; i < 4; ++i)
        record_election(s, id, steps[i]);
    auto const before = test::content_of(w.path);
    auto const audit = s.audit_log().size();
    CHECK(violated_rule([&] {
              record_election(s, id,
                              candidates_approved{.date = d(2026, 3, 20),
                                                  .candidates = {w.v[0], w.v[1], w.v[2], w.v[3], w.v[4]},
                                                  .approved_by = "区委",
                                                  .document = "x"});
          }) == "election.candidates_exceed_seats_20_percent");
    CHECK(invalid_field([&] {
              record_election(s, id, meeting_held{.date = d(2026, 2, 1), .attendance = {10, 9}});
          }) == "date");
    CHECK(violated_rule([&] {
              record_election(s, id, meeting_held{.date = d(2026, 4, 1), .attendance = {10, 9}});
          }) == "election.steps_in_order");
    CHECK(violated_rule([&] {
              record_election(s, id, meeting_held{.date = d(2026, 7, 1), .attendance = {10, 9}});
          }) == "record.not_in_future");
    CHECK_THROWS_AS(record_election(s, election_id{999}, steps[4]), not_found);
    CHECK(test::content_of(w.path) == before);
    CHECK(s.audit_log().size() == audit);
    // A second open election of the same organisation.
    CHECK_THROWS_AS(open_election(s, w.village, w.request()), conflict);
    CHECK(invalid_field([&] {
              (void)open_election(
                  s, w.street,
                  {.date = d(1999, 3, 1), .seats = 5, .planned_on = d(1999, 4, 1), .document = "x"});
          }) == "org");
    CHECK(test::content_of(w.path) == before);
}

TEST_CASE(
    "基层组织选举工作条例(2020) 第5条 [C] election.full_members_only in the store: the roster decides who "
    "stands on the day",
    "[election][store]") {
    election_world w("election-standing");
    auto& s = w.store;
    auto probationary = test::full_member(w.village, "预备党员", d(2025, 12, 1), 50);
    probationary.full_member_date.reset();
    auto const p = s.add_member(probationary);
    auto const id = open_election(s, w.village, w.request());
    record_election(s, id, w.procedure()[0]);
    CHECK(violated_rule([&] {
              record_election(s, id, members_nominated{.date = d(2026, 3, 10), .nominees = {{p, 3}}});
          }) == "election.full_members_only");
    // 留党察看 from 2026-01-01 for a year: neither votes nor stands.
    s.record_party_probation(w.v[9], {.from = d(2026, 1, 1), .months = 12, .decided_by = "区纪委"});
    CHECK(violated_rule([&] {
              record_election(s, id, members_nominated{.date = d(2026, 3, 10), .nominees = {{w.v[9], 3}}});
          }) == "election.full_members_only");
    CHECK(
        invalid_field([&] {
            record_election(s, id, members_nominated{.date = d(2026, 3, 10), .nominees = {{w.outsider, 3}}});
        }) == "nominees");
    CHECK(invalid_field([&] {
              record_election(s, id,
                              members_nominated{.date = d(2026, 3, 10), .nominees = {{member_id{999}, 3}}});
          }) == "nominees");
    CHECK_NOTHROW(
        record_election(s, id, members_nominated{.date = d(2026, 3, 10), .nominees = {{w.v[0], 3}}}));
}

TEST_CASE(
    "第3条 [C] election.term_advance_within_1_year: the store takes the term's end from the organisation",
    "[election][store]") {
    election_world w("election-term");
    auto& s = w.store;
    // Branch B: term from 2024-01-15, 3 years: ends 2027-01-15. Holding it now needs an advance.
    // Branch B has no full members: it elects its secretary without a committee.
    auto const id = open_election(s, w.branch_b,
                                  {.date = d(2026, 3, 1),
                                   .seats = 1,
                                   .planned_on = d(2026, 6, 1),
                                   .without_committee = true,
                                   .document = "请示"});
    CHECK(get_election(s, id).term_ends == d(2027, 1, 15));
    CHECK(violated_rule([&] {
              record_election(s, id,
                              term_advanced{.date = d(2026, 3, 2),
                                            .from = d(2026, 1, 14),
                                            .approved_by = "党工委",
                                            .document = "同意",
                                            .reason = "机构调整"});
          }) == "election.term_advance_within_1_year");
    CHECK_NOTHROW(record_election(s, id,
                                  term_advanced{.date = d(2026, 3, 2),
                                                .from = d(2026, 5, 1),
                                                .approved_by = "党工委",
                                                .document = "同意",
                                                .reason = "机构调整"}));
    CHECK(stage_of(get_election(s, id)) == election_stage::requested);
}

TEST_CASE(
    "access: the election's own steps need manage_organisations, the higher organisation's steps "
    "approve_as_higher_committee above it",
    "[election][store][access]") {
    election_world w("election-access");
    auto const id = open_election(w.store, w.village, w.request());
    auto secretary = w.secretary_of(w.village);
    test::require_denied(
        w.path, [&] { (void)open_election(secretary, w.branch_a, w.request()); },
        permission::manage_organisations, w.branch_a.value());
    auto own = w.as(role::party_committee(), w.village);
    auto const approval = w.procedure()[0];
    test::require_denied(
        w.path, [&] { record_election(own, id, approval); }, permission::approve_as_higher_committee,
        w.village.value());
    auto higher = w.as(role::party_committee(), w.district_committee);
    CHECK_NOTHROW(record_election(higher, id, approval));
    CHECK_NOTHROW(record_election(own, id, w.procedure()[1]));
    CHECK(elections(own).size() == 1);
    auto other = w.as(role::party_committee(), w.street);
    CHECK(elections(other).empty());
}

TEST_CASE(
    "org.officers_full_members at the approval: a refused secretary_approved leaves the case, the "
    "leadership and the term as they were",
    "[election][store]") {
    election_world w("election-approval-refused");
    auto& s = w.store;
    auto const id = open_election(s, w.village, w.request());
    auto const steps = w.procedure();
    for (std::size_t i = 0; i + 1 < steps.size(); ++i)
        record_election(s, id, steps[i]);
    // The deputy secretary elected is suspended (停止党籍) before the approval: not in normal standing.
    s.record_standing(w.v[1], {.kind = standing_event_kind::suspended,
                               .date = d(2026, 4, 5),
                               .reason = "失联超过6个月",
                               .decided_by = "东村党支部党员大会"});
    auto const before = test::content_of(w.path);
    auto const audit = s.audit_log().size();
    CHECK(violated_rule([&] { record_election(s, id, steps.back()); }) == "org.officers_full_members");
    CHECK(test::content_of(w.path) == before);
    CHECK(s.audit_log().size() == audit);
    CHECK(stage_of(get_election(s, id)) == election_stage::result_reported);
    CHECK(s.leadership(w.village, d(2026, 4, 10)).empty());
    CHECK_FALSE(s.org(w.village).term_start);
}

TEST_CASE("election: the completion of the year's elections (换届完成率): due, held, overdue",
          "[election][store]") {
    election_world w("election-completion");
    auto& s = w.store;
    // Branch A (community, from 2021-12-20): ends 2026-12-20. Branch B (from 2024-01-15): ends 2027-01-15.
    // The village has no term. The district committee and the street record none.
    CHECK(election_completion_on(s, scope::all(), 2026, d(2026, 6, 30)) ==
          election_completion{.year = 2026, .due = 1, .held = 0, .overdue = 0});
    CHECK(election_completion_on(s, scope::all(), 2026, d(2026, 12, 21)) ==
          election_completion{.year = 2026, .due = 1, .held = 0, .overdue = 1});
    CHECK(election_completion_on(s, scope::all(), 2026, d(2026, 12, 20)).overdue == 0);  // the last day
    CHECK(election_completion_on(s, scope::all(), 2027, d(2027, 2, 1)) ==
          election_completion{.year = 2027, .due = 1, .held = 0, .overdue = 1});
    CHECK(election_completion_on(s, scope::subtree(w.village), 2026, d(2026, 12, 21)).due == 0);
    // Branch A holds its election early with an approved advance: counted for 2026, held.
    test::hold_early_election(s, w.branch_a);
    CHECK(election_completion_on(s, scope::all(), 2026, d(2026, 5, 31)) ==
          election_completion{.year = 2026, .due = 1, .held = 0, .overdue = 0});
    CHECK(election_completion_on(s, scope::all(), 2026, d(2026, 6, 30)) ==
          election_completion{.year = 2026, .due = 1, .held = 1, .overdue = 0});
}

TEST_CASE("schema: a store of the version before the elections opens and gains their tables",
          "[election][store]") {
    auto const path = test::temp_dir("election-migration") / "store.db";
    {
        auto s = test::shared_district::open_as(path, std::nullopt);
        (void)test::add_district_orgs(s);
    }
    {
        SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE);
        for (auto const* t : {"election_write_ins", "election_members", "election_records", "election_cases"})
            raw.exec(std::string("DROP TABLE ") + t);
        raw.exec("PRAGMA user_version = " + std::to_string(election_schema_version - 1));
    }
    auto s = test::shared_district::open_as(path, std::nullopt);
    CHECK(s.schema_version() == store::schema_version_latest);
    CHECK(elections(s).empty());
    auto const village = s.orgs().back().id;
    CHECK(open_election(s, village,
                        {.date = d(2026, 3, 1),
                         .seats = 1,
                         .planned_on = d(2026, 4, 1),
                         .without_committee = true,
                         .document = "请示"})
              .valid());
}

TEST_CASE(
    "支部工作条例(2018) 第20条 [C] org.committee_threshold_7 in the store: a branch of fewer than seven "
    "full members elects its secretary and deputy at the meeting, one of seven or more a committee",
    "[election][store]") {
    election_world w("election-form");
    auto& s = w.store;
    auto const second = s.add_member(test::full_member(w.branch_a, "社区党员乙", d(2010, 7, 1), 41));
    auto const before = test::content_of(w.path);
    // Branch A has fewer than seven full members: a committee is refused.
    election_requested const committee{
        .date = d(2026, 3, 1), .seats = 3, .planned_on = d(2026, 4, 1), .document = "请示"};
    CHECK(violated_rule([&] { (void)open_election(s, w.branch_a, committee); }) ==
          "org.committee_threshold_7");
    // The village branch has ten: it may not elect without a committee.
    election_requested direct{.date = d(2026, 3, 1),
                              .seats = 2,
                              .planned_on = d(2026, 4, 1),
                              .without_committee = true,
                              .document = "请示"};
    CHECK(violated_rule([&] { (void)open_election(s, w.village, direct); }) == "org.committee_threshold_7");
    // Only a branch elects without a committee.
    CHECK(violated_rule([&] { (void)open_election(s, w.street, direct); }) == "org.committee_threshold_7");
    CHECK(test::content_of(w.path) == before);

    auto const id = open_election(s, w.branch_a, direct);
    std::vector<election_record> const steps{
        request_approved{.date = d(2026, 3, 5), .approved_by = "街道党工委", .document = "批复"},
        // Branch A's term ends on 2026-12-20: the meeting in April is an approved advance.
        term_advanced{.date = d(2026, 3, 6),
                      .from = d(2026, 4, 1),
                      .approved_by = "街道党工委",
                      .document = "同意",
                      .reason = "书记调动"},
        members_nominated{.date = d(2026, 3, 10), .nominees = {{w.outsider, 2}, {second, 2}}},
        committee_reviewed{.date = d(2026, 3, 15), .shortlist = {w.outsider, second}},
        candidates_approved{.date = d(2026, 3, 20),
                            .candidates = {w.outsider, second},
                            .approved_by = "街道党工委",
                            .document = "同意"},
        meeting_held{.date = d(2026, 4, 1), .attendance = {.entitled = 2, .present = 2}},
        round_counted{.date = d(2026, 4, 1),
                      .counts = {.seats = 2, .voters_present = 2, .ballots_issued = 2, .ballots_returned = 2},
                      .tallies = {{w.outsider, 2}, {second, 2}}},
    };
    for (auto const& r : steps)
        record_election(s, id, r);
    // No committee to declare.
    auto const voted = test::content_of(w.path);
    CHECK(
        violated_rule([&] {
            record_election(s, id, committee_elected{.date = d(2026, 4, 1), .members = {w.outsider, second}});
        }) == "election.secretary_by_meeting_without_committee");
    CHECK(test::content_of(w.path) == voted);
    record_election(s, id,
                    secretary_elected{.date = d(2026, 4, 1), .secretary = second, .deputies = {w.outsider}});
    record_election(s, id,
                    result_reported{.date = d(2026, 4, 2), .reported_to = "街道党工委", .document = "报告"});
    record_election(
        s, id, secretary_approved{.date = d(2026, 4, 8), .approved_by = "街道党工委", .document = "批复"});
    auto const lead = s.leadership(w.branch_a, d(2026, 4, 8));
    REQUIRE(lead.size() == 2);
    CHECK(lead[0] == officer{second, officer_role::secretary, {}});
    CHECK(lead[1] == officer{w.outsider, officer_role::deputy_secretary, {}});
    CHECK(s.org(w.branch_a).term_start == d(2026, 4, 1));
    // The form is kept by the store.
    auto const got = get_election(s, id);
    REQUIRE(std::holds_alternative<election_requested>(got.records.front()));
    CHECK(std::get<election_requested>(got.records.front()).without_committee);
}

TEST_CASE(
    "基层组织选举工作条例(2020) 第3条 [C] election.term_change_approved on the agenda: an election under "
    "way replaces the reminder of the term's end",
    "[election][store][agenda]") {
    election_world w("election-agenda");
    auto& s = w.store;
    auto const kinds_of = [&](date::sys_days on) {
        std::vector<std::string> out;
        for (auto const& i : s.agenda(on, scope::subtree(w.branch_a)))
            if (i.org == w.branch_a) out.push_back(i.kind);
        return out;
    };
    auto const has = [](std::vector<std::string> const& v, char const* k) {
        return std::find(v.begin(), v.end(), k) != v.end();
    };
    // Branch A's term ends on 2026-12-20: a month before, the reminder is there.
    CHECK(has(kinds_of(d(2026, 11, 20)), "org.term_expiry"));
    auto const id = open_election(s, w.branch_a,
                                  {.date = d(2026, 6, 1),
                                   .seats = 1,
                                   .planned_on = d(2026, 12, 20),
                                   .without_committee = true,
                                   .document = "请示"});
    // The request is pending: its item, not the reminder.
    auto const pending = kinds_of(d(2026, 11, 20));
    CHECK(has(pending, "election.request_pending"));
    CHECK_FALSE(has(pending, "org.term_expiry"));
    // After the term's end without a meeting: overdue once, as the election.
    auto const late = kinds_of(d(2026, 12, 21));
    CHECK(has(late, "election.overdue"));
    CHECK_FALSE(has(late, "org.term_expiry"));
    // The request approved, the election stays under way.
    record_election(s, id,
                    request_approved{.date = d(2026, 6, 5), .approved_by = "街道党工委", .document = "批复"});
    CHECK_FALSE(has(kinds_of(d(2026, 11, 20)), "org.term_expiry"));
}

}  // namespace election_store_test_cases
