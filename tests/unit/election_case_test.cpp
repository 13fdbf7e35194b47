// The election procedure (换届选举, 两推一选) as a dated case, written from the 基层组织选举工作条例 (2020)
// and the 支部工作条例 (2018) 第21条: "届满应当按期进行换届选举 … 延期或者提前 … 一般不超过1年",
// "委员会委员由党员大会选举产生，书记、副书记由委员会选举产生 … 报上级党组织批准".
#include <catch2/catch.hpp>

#include <vector>

#include "dangyuan/election/election_agenda.hpp"
#include "dangyuan/election/election_case.hpp"
#include "test_support.hpp"

namespace election_case_test_cases {

using namespace dangyuan;
using test::d;
using test::invalid_field;
using test::violated_rule;

member_id m(int i) {
    return member_id{i};
}

election_context everyone_full(int members = 30) {
    election_context ctx;
    ctx.members = members;
    for (int i = 1; i <= 20; ++i)
        ctx.standing[m(i)] = {.full_member = true};
    return ctx;
}

// An election of 5 seats up to `last` (inclusive), term ending 2026-06-30, everything on 2026-06-30 or
// before.
election_case case_up_to(election_stage last, election_context const& ctx = everyone_full()) {
    election_case c{
        .id = election_id{1}, .org = org_id{7}, .org_name = "第一支部", .term_ends = d(2026, 6, 30)};
    std::vector<election_record> rs{
        election_requested{
            .date = d(2026, 5, 1), .seats = 5, .planned_on = d(2026, 6, 30), .document = "请示"},
        request_approved{.date = d(2026, 5, 8), .approved_by = "街道党工委", .document = "批复"},
        members_nominated{
            .date = d(2026, 5, 20),
            .nominees = {{m(1), 20}, {m(2), 18}, {m(3), 15}, {m(4), 12}, {m(5), 10}, {m(6), 9}, {m(7), 3}}},
        committee_reviewed{.date = d(2026, 5, 25), .shortlist = {m(1), m(2), m(3), m(4), m(5), m(6)}},
        candidates_approved{.date = d(2026, 6, 5),
                            .candidates = {m(1), m(2), m(3), m(4), m(5), m(6)},
                            .approved_by = "街道党工委",
                            .document = "同意"},
        meeting_held{.date = d(2026, 6, 30), .attendance = {.entitled = 30, .present = 28}},
        round_counted{
            .date = d(2026, 6, 30),
            .counts = {.seats = 5, .voters_present = 28, .ballots_issued = 28, .ballots_returned = 28},
            .tallies = {{m(1), 27}, {m(2), 26}, {m(3), 25}, {m(4), 20}, {m(5), 19}, {m(6), 9}}},
        committee_elected{.date = d(2026, 6, 30), .members = {m(1), m(2), m(3), m(4), m(5)}},
        secretary_elected{.date = d(2026, 6, 30), .secretary = m(1), .deputies = {m(2)}},
        result_reported{.date = d(2026, 7, 2), .reported_to = "街道党工委", .document = "报告"},
        secretary_approved{.date = d(2026, 7, 10), .approved_by = "街道党工委", .document = "批复"},
    };
    for (auto const& r : rs) {
        if (stage_of(c) == last) break;
        record(c, r, ctx);
    }
    return c;
}

TEST_CASE("基层组织选举工作条例(2020) [S] election.steps_in_order: the whole procedure, stage by stage",
          "[election][case]") {
    auto const c = case_up_to(election_stage::completed);
    auto const s = election_state_of(c);
    CHECK(s.stage == election_stage::completed);
    CHECK(s.committee.size() == 5);
    CHECK(s.secretary == m(1));
    CHECK(s.completed_on == d(2026, 7, 10));
    auto const lead = elected_leadership(s);
    REQUIRE(lead.size() == 5);
    CHECK(lead[0].role == officer_role::secretary);
    CHECK(lead[1] == officer{m(2), officer_role::deputy_secretary, {}});
    CHECK(lead[4].role == officer_role::committee_member);
    CHECK(kind_name(c.records[6]) == "round_counted");
    CHECK(election_record_kind_index("term_advanced") == election_record_index<term_advanced>);
    CHECK(invalid_field([] { (void)election_record_kind_index("x"); }) == "kind");
}

TEST_CASE(
    "基层组织选举工作条例(2020) [S] election.steps_in_order: no step before its turn, dates never go back",
    "[election][case]") {
    auto const ctx = everyone_full();
    election_case empty{.org = org_id{7}, .term_ends = d(2026, 6, 30)};
    // Nothing before the request.
    CHECK(violated_rule([&] {
              check_record(empty,
                           request_approved{.date = d(2026, 5, 1), .approved_by = "x", .document = "y"}, ctx);
          }) == "election.steps_in_order");
    // Nomination before the approval of the request.
    auto c = case_up_to(election_stage::requested);
    CHECK(violated_rule([&] {
              check_record(c, members_nominated{.date = d(2026, 5, 9), .nominees = {{m(1), 1}}}, ctx);
          }) == "election.steps_in_order");
    // The meeting before the higher organisation approved the candidates.
    c = case_up_to(election_stage::reviewed);
    CHECK(violated_rule([&] {
              check_record(c, meeting_held{.date = d(2026, 6, 30), .attendance = {30, 28}}, ctx);
          }) == "election.steps_in_order");
    // A second request.
    CHECK(violated_rule([&] {
              check_record(
                  c,
                  election_requested{
                      .date = d(2026, 6, 1), .seats = 5, .planned_on = d(2026, 6, 30), .document = "x"},
                  ctx);
          }) == "election.steps_in_order");
    // The review needs the members' nomination (masses alone is not enough).
    c = case_up_to(election_stage::request_approved);
    record(c, masses_nominated{.date = d(2026, 5, 10), .nominees = {{m(1), 40}}}, ctx);
    CHECK(violated_rule([&] {
              check_record(c, committee_reviewed{.date = d(2026, 5, 11), .shortlist = {m(1)}}, ctx);
          }) == "election.steps_in_order");
    // Dates: the day before the last record is refused, the same day is accepted.
    CHECK(invalid_field([&] {
              check_record(c, members_nominated{.date = d(2026, 5, 9), .nominees = {{m(2), 1}}}, ctx);
          }) == "date");
    CHECK_NOTHROW(check_record(c, members_nominated{.date = d(2026, 5, 10), .nominees = {{m(2), 1}}}, ctx));
    // A refused record leaves the case unchanged.
    auto const before = c;
    CHECK_THROWS(record(c, committee_reviewed{.date = d(2026, 5, 11), .shortlist = {m(1)}}, ctx));
    CHECK(c == before);
}

TEST_CASE("基层组织选举工作条例(2020) election: the request and nominations refuse bad input by field",
          "[election][case]") {
    auto const ctx = everyone_full();
    election_case c{.org = org_id{7}, .term_ends = d(2026, 6, 30)};
    CHECK(invalid_field([&] {
              check_record(
                  c,
                  election_requested{
                      .date = d(2026, 5, 1), .seats = 0, .planned_on = d(2026, 6, 30), .document = "x"},
                  ctx);
          }) == "seats");
    CHECK(invalid_field([&] {
              check_record(
                  c,
                  election_requested{
                      .date = d(2026, 5, 1), .seats = 5, .planned_on = d(2026, 4, 30), .document = "x"},
                  ctx);
          }) == "planned_on");
    CHECK(invalid_field([&] {
              check_record(
                  c,
                  election_requested{
                      .date = d(2026, 5, 1), .seats = 5, .planned_on = d(2026, 6, 30), .document = " "},
                  ctx);
          }) == "document");
    CHECK(invalid_field([] {
              check_record(
                  election_case{},
                  election_requested{
                      .date = d(2026, 5, 1), .seats = 5, .planned_on = d(2026, 6, 30), .document = "x"},
                  election_context{});
          }) == "org");
    c = case_up_to(election_stage::request_approved);
    CHECK(invalid_field([&] { check_record(c, members_nominated{.date = d(2026, 5, 20)}, ctx); }) ==
          "nominees");
    CHECK(invalid_field([&] {
              check_record(c, members_nominated{.date = d(2026, 5, 20), .nominees = {{m(1), 2}, {m(1), 3}}},
                           ctx);
          }) == "nominees");
    CHECK(invalid_field([&] {
              check_record(c, members_nominated{.date = d(2026, 5, 20), .nominees = {{m(1), 0}}}, ctx);
          }) == "count");
    // A nominee whose standing the caller does not know.
    CHECK(invalid_field([&] {
              check_record(c, members_nominated{.date = d(2026, 5, 20), .nominees = {{m(99), 1}}}, ctx);
          }) == "nominees");
    c = case_up_to(election_stage::nominating);
    CHECK(invalid_field([&] {
              check_record(c, committee_reviewed{.date = d(2026, 5, 25), .shortlist = {m(1), m(8)}}, ctx);
          }) == "shortlist");
}

TEST_CASE(
    "基层组织选举工作条例(2020) 第5条 [C] election.full_members_only: candidates stand only as full members "
    "in "
    "normal standing, on the approval and on the meeting day",
    "[election][case]") {
    auto ctx = everyone_full();
    ctx.standing[m(3)] = {.full_member = false};  // probationary
    auto c = case_up_to(election_stage::request_approved, everyone_full());
    CHECK(violated_rule([&] {
              check_record(c, members_nominated{.date = d(2026, 5, 20), .nominees = {{m(3), 4}}}, ctx);
          }) == "election.full_members_only");
    c = case_up_to(election_stage::reviewed, everyone_full());
    candidates_approved const list{.date = d(2026, 6, 5),
                                   .candidates = {m(1), m(2), m(3), m(4), m(5), m(6)},
                                   .approved_by = "党工委",
                                   .document = "同意"};
    CHECK(violated_rule([&] { check_record(c, list, ctx); }) == "election.full_members_only");
    CHECK_NOTHROW(check_record(c, list, everyone_full()));
    // Placed on 留党察看 between the approval and the meeting: refused on the meeting day.
    c = case_up_to(election_stage::candidates_approved, everyone_full());
    auto later = everyone_full();
    later.standing[m(4)] = {.full_member = true, .on_probation_in_party = true};
    meeting_held const meeting{.date = d(2026, 6, 30), .attendance = {30, 28}};
    CHECK(violated_rule([&] { check_record(c, meeting, later); }) == "election.full_members_only");
    CHECK_NOTHROW(check_record(c, meeting, everyone_full()));
}

TEST_CASE(
    "基层组织选举工作条例(2020) [S] election.candidates_exceed_seats_20_percent: the approved list for 5 "
    "seats "
    "has at least 6 candidates",
    "[election][case]") {
    auto const ctx = everyone_full();
    auto const c = case_up_to(election_stage::reviewed);
    candidates_approved five{.date = d(2026, 6, 5),
                             .candidates = {m(1), m(2), m(3), m(4), m(5)},
                             .approved_by = "党工委",
                             .document = "同意"};
    CHECK(violated_rule([&] { check_record(c, five, ctx); }) ==
          "election.candidates_exceed_seats_20_percent");
    five.candidates.push_back(m(6));
    CHECK_NOTHROW(check_record(c, five, ctx));
    five.candidates.push_back(m(7));  // not on the shortlist
    CHECK(invalid_field([&] { check_record(c, five, ctx); }) == "candidates");
    five.candidates.pop_back();
    five.approved_by = "";
    CHECK(invalid_field([&] { check_record(c, five, ctx); }) == "approved_by");
}

TEST_CASE(
    "基层组织选举工作条例(2020) [S] election.quorum_over_4_5 and 第4条 [C] election.delegates_meeting_500: "
    "the "
    "electing meeting",
    "[election][case]") {
    auto const c = case_up_to(election_stage::candidates_approved);
    auto const ctx = everyone_full();
    // 30 entitled: 24 present is exactly four fifths and not enough; 25 is.
    CHECK(violated_rule([&] {
              check_record(c, meeting_held{.date = d(2026, 6, 30), .attendance = {30, 24}}, ctx);
          }) == "election.quorum_over_4_5");
    CHECK_NOTHROW(check_record(c, meeting_held{.date = d(2026, 6, 30), .attendance = {30, 25}}, ctx));
    // A delegates' meeting: 499 members refused, 500 allowed with its approval, dispersed allowed.
    meeting_held delegates{.date = d(2026, 6, 30),
                           .kind = election_meeting::delegates_meeting,
                           .attendance = {100, 90},
                           .document = "批准召开党员代表大会"};
    CHECK(violated_rule([&] { check_record(c, delegates, everyone_full(499)); }) ==
          "election.delegates_meeting_500");
    CHECK_NOTHROW(check_record(c, delegates, everyone_full(500)));
    delegates.dispersed = true;
    CHECK_NOTHROW(check_record(c, delegates, everyone_full(499)));
    delegates.document.clear();
    CHECK(invalid_field([&] { check_record(c, delegates, everyone_full(499)); }) == "document");
}

TEST_CASE(
    "基层组织选举工作条例(2020) 第3条 [C] election.term_change_approved, "
    "election.term_extension_within_1_year, "
    "election.term_advance_within_1_year: a meeting off the term's end needs an approved change of at most "
    "a year",
    "[election][case]") {
    auto const ctx = everyone_full();
    auto c = case_up_to(election_stage::candidates_approved);
    // After the term's end without an extension.
    CHECK(violated_rule([&] {
              check_record(c, meeting_held{.date = d(2026, 7, 1), .attendance = {30, 28}}, ctx);
          }) == "election.term_change_approved");
    // Before it without an advance.
    CHECK(violated_rule([&] {
              check_record(c, meeting_held{.date = d(2026, 6, 29), .attendance = {30, 28}}, ctx);
          }) == "election.term_change_approved");
    // An extension: up to 2027-06-30 (a year) allowed, 2027-07-01 not.
    term_extended ext{.date = d(2026, 6, 10),
                      .until = d(2027, 7, 1),
                      .approved_by = "党工委",
                      .document = "同意延期",
                      .reason = "村两委换届统一安排"};
    CHECK(violated_rule([&] { check_record(c, ext, ctx); }) == "election.term_extension_within_1_year");
    ext.until = d(2027, 6, 30);
    CHECK_NOTHROW(check_record(c, ext, ctx));
    ext.until = d(2026, 6, 30);
    CHECK(invalid_field([&] { check_record(c, ext, ctx); }) == "until");
    ext.until = d(2026, 9, 30);
    ext.reason = "";
    CHECK(invalid_field([&] { check_record(c, ext, ctx); }) == "reason");
    ext.reason = "统一安排";
    record(c, ext, ctx);
    CHECK(stage_of(c) == election_stage::candidates_approved);
    CHECK_NOTHROW(check_record(c, meeting_held{.date = d(2026, 9, 30), .attendance = {30, 28}}, ctx));
    CHECK(violated_rule([&] {
              check_record(c, meeting_held{.date = d(2026, 10, 1), .attendance = {30, 28}}, ctx);
          }) == "election.term_change_approved");
    // An advance: from 2025-06-30 (a year before) allowed, 2025-06-29 not.
    auto a = case_up_to(election_stage::request_approved);
    term_advanced adv{.date = d(2026, 5, 9),
                      .from = d(2025, 6, 29),
                      .approved_by = "党工委",
                      .document = "同意提前",
                      .reason = "合并调整"};
    CHECK(violated_rule([&] { check_record(a, adv, ctx); }) == "election.term_advance_within_1_year");
    adv.from = d(2025, 6, 30);
    CHECK_NOTHROW(check_record(a, adv, ctx));
    adv.from = d(2026, 6, 30);
    CHECK(invalid_field([&] { check_record(a, adv, ctx); }) == "from");
    // No change after the meeting.
    auto const held = case_up_to(election_stage::meeting_held);
    adv.date = d(2026, 6, 30);
    adv.from = d(2026, 1, 1);
    CHECK(violated_rule([&] { check_record(held, adv, ctx); }) == "election.steps_in_order");
    // A first election has no term.
    election_case first{.org = org_id{7}};
    CHECK(invalid_field([&] { check_record(first, adv, ctx); }) == "term_ends");
}

TEST_CASE(
    "基层组织选举工作条例(2020) [S] election.elected_over_half_present and "
    "election.ballots_not_exceeding_issued: "
    "rounds until every seat is filled",
    "[election][case]") {
    auto const ctx = everyone_full();
    auto c = case_up_to(election_stage::meeting_held);
    // A void round: 29 ballots returned of 28 issued. Nothing elected, every seat still open.
    record(c,
           round_counted{
               .date = d(2026, 6, 30),
               .counts = {.seats = 5, .voters_present = 28, .ballots_issued = 28, .ballots_returned = 29},
               .tallies = {{m(1), 27}}},
           ctx);
    CHECK(election_state_of(c).open_seats == 5);
    // Six above half for five seats; m(5) and m(6) tie at 15 for the last seat: neither is elected.
    record(c,
           round_counted{
               .date = d(2026, 6, 30),
               .counts = {.seats = 5, .voters_present = 28, .ballots_issued = 28, .ballots_returned = 28},
               .tallies = {{m(1), 27}, {m(2), 26}, {m(3), 25}, {m(4), 16}, {m(5), 15}, {m(6), 15}},
               .write_ins = {{"张三", 2}}},
           ctx);
    auto s = election_state_of(c);
    CHECK(s.elected == std::vector<member_id>{m(1), m(2), m(3), m(4)});
    CHECK(s.open_seats == 1);
    // The committee cannot be declared with open seats.
    CHECK(violated_rule([&] {
              check_record(c, committee_elected{.date = d(2026, 6, 30), .members = {m(1), m(2), m(3), m(4)}},
                           ctx);
          }) == "election.elected_over_half_present");
    // A further round must elect the open seats, among candidates not yet elected.
    round_counted further{
        .date = d(2026, 6, 30),
        .counts = {.seats = 3, .voters_present = 28, .ballots_issued = 28, .ballots_returned = 28},
        .tallies = {{m(5), 14}, {m(6), 12}}};
    CHECK(invalid_field([&] { check_record(c, further, ctx); }) == "seats");
    further.counts.seats = 1;
    further.tallies.push_back({m(1), 3});
    CHECK(invalid_field([&] { check_record(c, further, ctx); }) == "candidate");
    further.tallies.pop_back();
    further.tallies.push_back({m(9), 3});  // not an approved candidate
    CHECK(invalid_field([&] { check_record(c, further, ctx); }) == "candidate");
    further.tallies.pop_back();
    further.counts.voters_present = 29;  // more than the meeting's 28 present
    CHECK(invalid_field([&] { check_record(c, further, ctx); }) == "voters_present");
    further.counts.voters_present = 28;
    // 28 present: 14 votes is exactly half and not enough; the seat stays open.
    record(c, further, ctx);
    CHECK(election_state_of(c).open_seats == 1);
    further.tallies = {{m(5), 15}, {m(6), 12}};
    record(c, further, ctx);
    s = election_state_of(c);
    CHECK(s.open_seats == 0);
    CHECK(s.rounds == 4);
    // No round once every seat is filled.
    CHECK(violated_rule([&] { check_record(c, further, ctx); }) == "election.steps_in_order");
    // The committee declared must be the elected.
    CHECK(invalid_field([&] {
              check_record(
                  c, committee_elected{.date = d(2026, 6, 30), .members = {m(1), m(2), m(3), m(4), m(6)}},
                  ctx);
          }) == "members");
    CHECK_NOTHROW(check_record(
        c, committee_elected{.date = d(2026, 6, 30), .members = {m(5), m(4), m(3), m(2), m(1)}}, ctx));
}

TEST_CASE(
    "支部工作条例(2018) 第21条 [S] election.secretary_from_committee: secretary and deputies from the new "
    "committee",
    "[election][case]") {
    auto const ctx = everyone_full();
    auto const c = case_up_to(election_stage::committee_elected);
    CHECK(violated_rule([&] {
              check_record(c, secretary_elected{.date = d(2026, 6, 30), .secretary = m(6)}, ctx);
          }) == "election.secretary_from_committee");
    CHECK(violated_rule([&] {
              check_record(
                  c, secretary_elected{.date = d(2026, 6, 30), .secretary = m(1), .deputies = {m(6)}}, ctx);
          }) == "election.secretary_from_committee");
    CHECK(invalid_field([&] {
              check_record(
                  c, secretary_elected{.date = d(2026, 6, 30), .secretary = m(1), .deputies = {m(1)}}, ctx);
          }) == "deputies");
    CHECK_NOTHROW(check_record(
        c, secretary_elected{.date = d(2026, 6, 30), .secretary = m(5), .deputies = {m(1), m(2)}}, ctx));
}

TEST_CASE(
    "支部工作条例(2018) 第21条 [S] election.result_reported and election.secretary_approved_by_higher: the "
    "secretary is approved after the report, and only then takes office",
    "[election][case]") {
    auto const ctx = everyone_full();
    auto c = case_up_to(election_stage::secretary_elected);
    secretary_approved const ok{.date = d(2026, 7, 10), .approved_by = "党工委", .document = "批复"};
    CHECK(violated_rule([&] { check_record(c, ok, ctx); }) == "election.result_reported");
    record(c, result_reported{.date = d(2026, 7, 2), .reported_to = "党工委", .document = "报告"}, ctx);
    // The secretary is elected but not in office: the case is not complete until the approval.
    CHECK(stage_of(c) == election_stage::result_reported);
    CHECK_FALSE(election_state_of(c).completed_on);
    CHECK(invalid_field([&] {
              check_record(c, secretary_approved{.date = d(2026, 7, 10), .approved_by = "党工委"}, ctx);
          }) == "document");
    record(c, ok, ctx);
    CHECK(election_state_of(c).completed_on == d(2026, 7, 10));
    // Nothing follows the approval.
    CHECK(violated_rule([&] { check_record(c, ok, ctx); }) == "election.steps_in_order");
}

std::vector<std::string> kinds_of(std::vector<agenda_item> const& items) {
    std::vector<std::string> out;
    for (auto const& i : items)
        out.push_back(i.kind);
    return out;
}

TEST_CASE(
    "基层组织选举工作条例(2020) 第3条 [C] election.term_change_approved on the agenda: overdue from the day "
    "after the term's end, unless an extension is approved and not yet past",
    "[election][agenda]") {
    auto const ctx = everyone_full();
    auto c = case_up_to(election_stage::candidates_approved);
    // The term ends 2026-06-30: nothing on that day, overdue from the next.
    CHECK(election_agenda(c, d(2026, 6, 30)).empty());
    auto items = election_agenda(c, d(2026, 7, 1));
    REQUIRE(kinds_of(items) == std::vector<std::string>{"election.overdue"});
    CHECK(items[0].status == agenda_status::overdue);
    CHECK(items[0].due == d(2026, 6, 30));
    CHECK(items[0].rule_id == "election.term_change_approved");
    CHECK(items[0].org == org_id{7});
    // An extension to 2026-09-30 approved on 2026-06-20: nothing until then, overdue after.
    record(c,
           term_extended{.date = d(2026, 6, 20),
                         .until = d(2026, 9, 30),
                         .approved_by = "党工委",
                         .document = "同意延期",
                         .reason = "统一安排"},
           ctx);
    CHECK(election_agenda(c, d(2026, 9, 30)).empty());
    items = election_agenda(c, d(2026, 10, 1));
    REQUIRE(kinds_of(items) == std::vector<std::string>{"election.extension_overdue"});
    CHECK(items[0].rule_id == "election.term_extension_within_1_year");
    CHECK(items[0].due == d(2026, 9, 30));
    // On 2026-07-01, past the term's end, the approved extension covers the day.
    CHECK(kinds_of(election_agenda(c, d(2026, 7, 1))) == std::vector<std::string>{});
}

TEST_CASE(
    "支部工作条例(2018) 第21条 [S] election.result_reported, election.secretary_approved_by_higher and "
    "election.steps_in_order on the agenda: what waits for whom",
    "[election][agenda]") {
    auto c = case_up_to(election_stage::requested);
    auto items = election_agenda(c, d(2026, 5, 2));
    REQUIRE(kinds_of(items) == std::vector<std::string>{"election.request_pending"});
    CHECK(items[0].rule_id == "election.steps_in_order");
    CHECK(election_agenda(c, d(2026, 4, 30)).empty());  // before the request
    c = case_up_to(election_stage::secretary_elected);
    items = election_agenda(c, d(2026, 7, 1));
    REQUIRE(kinds_of(items) == std::vector<std::string>{"election.result_to_report"});
    CHECK(items[0].rule_id == "election.result_reported");
    c = case_up_to(election_stage::result_reported);
    items = election_agenda(c, d(2026, 7, 3));
    REQUIRE(kinds_of(items) == std::vector<std::string>{"election.secretary_approval_pending"});
    CHECK(items[0].rule_id == "election.secretary_approved_by_higher");
    c = case_up_to(election_stage::completed);
    CHECK(election_agenda(c, d(2027, 1, 1)).empty());
}

// 支部工作条例 第20条: "正式党员不足7人的支部，设1名书记，必要时可以设1名副书记"; 第21条:
// "书记、副书记由委员会 选举产生 … 不设委员会的，由党员大会选举产生".
election_case without_committee_up_to_voting(int seats, std::vector<member_id> const& candidates,
                                             std::vector<candidate_tally> const& tallies,
                                             election_context const& ctx) {
    election_case c{
        .id = election_id{2}, .org = org_id{8}, .org_name = "第二支部", .term_ends = d(2026, 6, 30)};
    record(c,
           election_requested{.date = d(2026, 5, 1),
                              .seats = seats,
                              .planned_on = d(2026, 6, 30),
                              .without_committee = true,
                              .document = "请示"},
           ctx);
    record(c, request_approved{.date = d(2026, 5, 8), .approved_by = "街道党工委", .document = "批复"}, ctx);
    std::vector<nomination> ns;
    for (auto const x : candidates)
        ns.push_back({x, 5});
    record(c, members_nominated{.date = d(2026, 5, 20), .nominees = ns}, ctx);
    record(c, committee_reviewed{.date = d(2026, 5, 25), .shortlist = candidates}, ctx);
    record(
        c,
        candidates_approved{
            .date = d(2026, 6, 5), .candidates = candidates, .approved_by = "街道党工委", .document = "同意"},
        ctx);
    record(c, meeting_held{.date = d(2026, 6, 30), .attendance = {.entitled = 6, .present = 6}}, ctx);
    record(c,
           round_counted{
               .date = d(2026, 6, 30),
               .counts = {.seats = seats, .voters_present = 6, .ballots_issued = 6, .ballots_returned = 6},
               .tallies = tallies},
           ctx);
    return c;
}

TEST_CASE(
    "支部工作条例(2018) 第20条、第21条 [S] election.secretary_by_meeting_without_committee: a branch "
    "without a committee elects its secretary at the meeting, one candidate per seat is enough",
    "[election][case]") {
    auto const ctx = everyone_full(6);
    // One seat, one candidate (等额): accepted although a committee would need a fifth more.
    auto c = without_committee_up_to_voting(1, {m(1)}, {{m(1), 6}}, ctx);
    CHECK(stage_of(c) == election_stage::voting);
    // No committee is declared.
    CHECK(violated_rule([&] {
              check_record(c, committee_elected{.date = d(2026, 6, 30), .members = {m(1)}}, ctx);
          }) == "election.secretary_by_meeting_without_committee");
    // Only whom the meeting elected becomes secretary.
    CHECK(violated_rule([&] {
              check_record(c, secretary_elected{.date = d(2026, 6, 30), .secretary = m(2)}, ctx);
          }) == "election.secretary_by_meeting_without_committee");
    record(c, secretary_elected{.date = d(2026, 6, 30), .secretary = m(1)}, ctx);
    auto s = election_state_of(c);
    CHECK(s.stage == election_stage::secretary_elected);
    CHECK(s.elected_on == d(2026, 6, 30));
    auto const lead = elected_leadership(s);
    REQUIRE(lead.size() == 1);
    CHECK(lead[0] == officer{m(1), officer_role::secretary, {}});
    // The report and the approval follow as for a committee.
    record(c, result_reported{.date = d(2026, 7, 1), .reported_to = "街道党工委", .document = "报告"}, ctx);
    record(c, secretary_approved{.date = d(2026, 7, 9), .approved_by = "街道党工委", .document = "批复"},
           ctx);
    CHECK(stage_of(c) == election_stage::completed);
}

TEST_CASE(
    "支部工作条例(2018) 第20条 [S] election.secretary_by_meeting_without_committee: a secretary and at "
    "most one deputy, both those the meeting elected",
    "[election][case]") {
    auto const ctx = everyone_full(6);
    election_case empty{.org = org_id{8}, .term_ends = d(2026, 6, 30)};
    auto const request = [](int seats) {
        return election_requested{.date = d(2026, 5, 1),
                                  .seats = seats,
                                  .planned_on = d(2026, 6, 30),
                                  .without_committee = true,
                                  .document = "请示"};
    };
    // Boundary of seats: 2 (secretary and deputy) accepted, 3 refused.
    CHECK_NOTHROW(check_record(empty, request(2), ctx));
    CHECK(invalid_field([&] { check_record(empty, request(3), ctx); }) == "seats");
    // Two seats, two candidates, both elected.
    auto c = without_committee_up_to_voting(2, {m(1), m(2)}, {{m(1), 6}, {m(2), 5}}, ctx);
    // Both elected hold a post: the deputy may not be left out.
    CHECK(invalid_field([&] {
              check_record(c, secretary_elected{.date = d(2026, 6, 30), .secretary = m(1)}, ctx);
          }) == "deputies");
    CHECK(violated_rule([&] {
              check_record(
                  c, secretary_elected{.date = d(2026, 6, 30), .secretary = m(1), .deputies = {m(3)}}, ctx);
          }) == "election.secretary_by_meeting_without_committee");
    record(c, secretary_elected{.date = d(2026, 6, 30), .secretary = m(2), .deputies = {m(1)}}, ctx);
    auto const lead = elected_leadership(election_state_of(c));
    REQUIRE(lead.size() == 2);
    CHECK(lead[0] == officer{m(2), officer_role::secretary, {}});
    CHECK(lead[1] == officer{m(1), officer_role::deputy_secretary, {}});
    // Fewer candidates than seats is refused by field.
    election_case two{.org = org_id{8}, .term_ends = d(2026, 6, 30)};
    record(two, request(2), ctx);
    record(two, request_approved{.date = d(2026, 5, 8), .approved_by = "党工委", .document = "批复"}, ctx);
    record(two, members_nominated{.date = d(2026, 5, 9), .nominees = {{m(1), 3}}}, ctx);
    record(two, committee_reviewed{.date = d(2026, 5, 10), .shortlist = {m(1)}}, ctx);
    CHECK(invalid_field([&] {
              check_record(
                  two,
                  candidates_approved{
                      .date = d(2026, 5, 11), .candidates = {m(1)}, .approved_by = "党工委", .document = "x"},
                  ctx);
          }) == "candidates");
}

TEST_CASE(
    "基层组织选举工作条例(2020) [S] election.elected_over_half_present: without a committee, no "
    "secretary while a seat is open; with one, the committee is declared first",
    "[election][case]") {
    auto const ctx = everyone_full(6);
    // One of two candidates fails to get more than half of the 6 present (3 votes is not enough).
    auto c = without_committee_up_to_voting(1, {m(1), m(2)}, {{m(1), 3}, {m(2), 3}}, ctx);
    CHECK(election_state_of(c).open_seats == 1);
    CHECK(violated_rule([&] {
              check_record(c, secretary_elected{.date = d(2026, 6, 30), .secretary = m(1)}, ctx);
          }) == "election.elected_over_half_present");
    // A committee's secretary is not elected straight after the rounds.
    auto const full = everyone_full();
    auto k = case_up_to(election_stage::voting, full);
    CHECK(election_state_of(k).stage == election_stage::voting);
    CHECK(violated_rule([&] {
              check_record(
                  k, secretary_elected{.date = d(2026, 6, 30), .secretary = m(1), .deputies = {m(2)}}, full);
          }) == "election.steps_in_order");
}

TEST_CASE(
    "基层组织选举工作条例(2020) 第5条 [C] election.quorum_over_4_5: the voters entitled (应到会) of a "
    "members' meeting are at most the organisation's full members",
    "[election][case]") {
    auto ctx = everyone_full();
    ctx.full_members = 30;
    auto const c = case_up_to(election_stage::candidates_approved, ctx);
    // 30 full members: 30 entitled is the boundary, 31 is refused by field.
    CHECK_NOTHROW(check_record(c, meeting_held{.date = d(2026, 6, 30), .attendance = {30, 28}}, ctx));
    CHECK(invalid_field([&] {
              check_record(c, meeting_held{.date = d(2026, 6, 30), .attendance = {31, 29}}, ctx);
          }) == "entitled");
    // Without the count (a caller that does not know it) nothing is checked.
    ctx.full_members.reset();
    CHECK_NOTHROW(check_record(c, meeting_held{.date = d(2026, 6, 30), .attendance = {31, 29}}, ctx));
}

}  // namespace election_case_test_cases
