// Boundary cases written from the wording of the 基层组织选举工作条例 (2020) and the 1990 暂行条例 it
// replaced: "超过应到会人数的五分之四", "差额不少于应选人数的20%", "超过实到会有选举权人数的半数",
// "收回的选票多于发出的选票, 选举无效", "延长期限一般不超过1年", "五百名以上".
#include <catch2/catch.hpp>

#include <vector>

#include "dangyuan/election/election_rules.hpp"
#include "test_support.hpp"

namespace election_rules_test_cases {

using namespace dangyuan;
using test::d;
using test::invalid_field;
using test::violated_rule;

TEST_CASE("基层组织选举工作条例(2020) [S] election.quorum_over_4_5: more than four fifths, not four fifths",
          "[election][rules]") {
    // 40 entitled: 4/5 is 32; 32 present is not more than 4/5, 33 is.
    CHECK_FALSE(election_quorate({.entitled = 40, .present = 32}));
    CHECK(election_quorate({.entitled = 40, .present = 33}));
    // 7 entitled: 4/5 is 5.6, so 6 present suffice and 5 do not.
    CHECK_FALSE(election_quorate({.entitled = 7, .present = 5}));
    CHECK(election_quorate({.entitled = 7, .present = 6}));
    CHECK(election_quorate({.entitled = 5, .present = 5}));
    CHECK_FALSE(election_quorate({.entitled = 5, .present = 4}));
    CHECK(violated_rule([] { require_election_quorum({.entitled = 40, .present = 32}); }) ==
          "election.quorum_over_4_5");
    CHECK_NOTHROW(require_election_quorum({.entitled = 40, .present = 33}));
    CHECK(invalid_field([] { require_election_quorum({.entitled = 4, .present = 5}); }) == "present");
    CHECK(invalid_field([] { require_election_quorum({.entitled = 0, .present = 0}); }) == "entitled");
    CHECK(invalid_field([] { require_election_quorum({.entitled = 5, .present = -1}); }) == "present");
}

TEST_CASE(
    "基层组织选举工作条例(2020) [S] election.candidates_exceed_seats_20_percent: 差额 at least a fifth of "
    "the seats",
    "[election][rules]") {
    // 5 seats: a fifth is 1, so 6 candidates suffice and 5 (等额) do not.
    CHECK(competitive_enough(5, 6));
    CHECK_FALSE(competitive_enough(5, 5));
    // 7 seats: a fifth is 1.4, so one extra candidate is too few and two suffice.
    CHECK_FALSE(competitive_enough(7, 8));
    CHECK(competitive_enough(7, 9));
    // 3 seats: 0.6, so one extra.
    CHECK(competitive_enough(3, 4));
    CHECK_FALSE(competitive_enough(3, 3));
    CHECK(minimum_candidates(5) == 6);
    CHECK(minimum_candidates(7) == 9);
    CHECK(minimum_candidates(10) == 12);
    CHECK(minimum_candidates(1) == 2);
    CHECK(violated_rule([] { require_competitive(7, 8); }) == "election.candidates_exceed_seats_20_percent");
    CHECK(invalid_field([] { require_competitive(0, 2); }) == "seats");
}

TEST_CASE(
    "基层组织选举工作条例(2020) [S] election.elected_over_half_present: more than half of the voters present",
    "[election][rules]") {
    // 40 present: 20 votes is exactly half and not enough; 21 is.
    CHECK_FALSE(has_majority(20, 40));
    CHECK(has_majority(21, 40));
    CHECK_FALSE(has_majority(3, 7));
    CHECK(has_majority(4, 7));
}

namespace {
candidate_tally c(int id, int votes_for, int against = 0, int abstain = 0) {
    return {.candidate = member_id{id}, .votes_for = votes_for, .against = against, .abstain = abstain};
}
}  // namespace

TEST_CASE(
    "基层组织选举工作条例(2020) [S] election.ballots_not_exceeding_issued: more ballots returned than issued "
    "void the round",
    "[election][rules]") {
    round_counts counts{.seats = 2, .voters_present = 10, .ballots_issued = 10, .ballots_returned = 11};
    auto const r = count_round(counts, {c(1, 9), c(2, 8), c(3, 2)});
    CHECK(r.void_round);
    CHECK(r.rule_id == "election.ballots_not_exceeding_issued");
    CHECK(r.elected.empty());
    counts.ballots_returned = 10;  // as many as issued: valid
    CHECK_FALSE(count_round(counts, {c(1, 9), c(2, 8), c(3, 2)}).void_round);
    counts.ballots_returned = 9;  // fewer (one kept back): valid
    auto const fewer = count_round(counts, {c(1, 9), c(2, 8), c(3, 2)});
    CHECK_FALSE(fewer.void_round);
    CHECK(fewer.elected == std::vector<member_id>{member_id{1}, member_id{2}});
    CHECK(fewer.unfilled == 0);
}

TEST_CASE(
    "基层组织选举工作条例(2020) [S] election.elected_over_half_present: the most votes above half fill the "
    "seats; ties and shortfalls go to a further round",
    "[election][rules]") {
    round_counts const counts{.seats = 3, .voters_present = 10, .ballots_issued = 10, .ballots_returned = 10};
    // Four candidates above half for three seats: the three with most votes.
    auto const plain = count_round(counts, {c(1, 6), c(2, 9), c(3, 7), c(4, 8)});
    CHECK(plain.elected == std::vector<member_id>{member_id{2}, member_id{4}, member_id{3}});
    CHECK(plain.tied.empty());
    CHECK(plain.unfilled == 0);
    // A tie at the last seat: neither is elected, the seat is left to a further round between them.
    auto const tie = count_round(counts, {c(1, 7), c(2, 9), c(3, 7), c(4, 8)});
    CHECK(tie.elected == std::vector<member_id>{member_id{2}, member_id{4}});
    CHECK(tie.tied == std::vector<member_id>{member_id{1}, member_id{3}});
    CHECK(tie.unfilled == 1);
    // Exactly half is not enough: one seat stays unfilled.
    auto const short_ = count_round(counts, {c(1, 5), c(2, 9), c(3, 6), c(4, 2)});
    CHECK(short_.elected == std::vector<member_id>{member_id{2}, member_id{3}});
    CHECK(short_.unfilled == 1);
    CHECK(short_.tied.empty());
    CHECK(short_.rule_id == "election.elected_over_half_present");
    CHECK(plain.rule_id.empty());
    // Impossible counts name the field.
    CHECK(invalid_field([&] { (void)count_round(counts, {c(1, 11)}); }) == "votes_for");
    CHECK(invalid_field([&] { (void)count_round(counts, {c(1, 6, 5)}); }) == "against");
    CHECK(invalid_field([&] {
              (void)count_round(
                  {.seats = 3, .voters_present = 10, .ballots_issued = 11, .ballots_returned = 10},
                  {c(1, 6)});
          }) == "ballots_issued");
    CHECK(invalid_field([&] { (void)count_round(counts, {c(1, 6), c(1, 7)}); }) == "candidate");
}

TEST_CASE(
    "基层组织选举工作条例(2020) 第3条 [C] election.term_extension_within_1_year: a postponed election at "
    "most a year after the term ends",
    "[election][rules]") {
    auto const end = d(2024, 2, 29);
    CHECK(extension_allowed(end, d(2025, 2, 28)));  // a year later, clamped to 28 February
    CHECK_FALSE(extension_allowed(end, d(2025, 3, 1)));
    CHECK(extension_allowed(end, end));
    CHECK(violated_rule([&] {
              require_term_change({.term_ends = end, .held_on = d(2025, 3, 1), .approved = true});
          }) == "election.term_extension_within_1_year");
    CHECK_NOTHROW(require_term_change({.term_ends = end, .held_on = d(2025, 2, 28), .approved = true}));
}

TEST_CASE(
    "基层组织选举工作条例(2020) 第3条 [C] election.term_change_approved: an election early or late needs the "
    "higher organisation's approval",
    "[election][rules]") {
    auto const end = d(2024, 2, 29);
    // On time needs no approval; early or late does (换届 按期, 延期或提前 经上级批准).
    CHECK_NOTHROW(require_term_change({.term_ends = end, .held_on = end, .approved = false}));
    CHECK(violated_rule([&] {
              require_term_change({.term_ends = end, .held_on = d(2024, 3, 1), .approved = false});
          }) == "election.term_change_approved");
    CHECK(violated_rule([&] {
              require_term_change({.term_ends = end, .held_on = d(2024, 1, 15), .approved = false});
          }) == "election.term_change_approved");
    CHECK_NOTHROW(require_term_change({.term_ends = end, .held_on = d(2024, 1, 15), .approved = true}));
}

TEST_CASE(
    "基层组织选举工作条例(2020) 第4条 [C] election.delegates_meeting_500: a delegates' meeting from 500 "
    "members, or when dispersed",
    "[election][rules]") {
    CHECK_FALSE(delegates_meeting_allowed(499, false));
    CHECK(delegates_meeting_allowed(500, false));
    CHECK(delegates_meeting_allowed(120, true));
    CHECK(violated_rule([] { require_meeting_form(election_meeting::delegates_meeting, 499, false); }) ==
          "election.delegates_meeting_500");
    CHECK_NOTHROW(require_meeting_form(election_meeting::delegates_meeting, 500, false));
    CHECK_NOTHROW(require_meeting_form(election_meeting::members_meeting, 800, false));
}

TEST_CASE(
    "基层组织选举工作条例(2020) 第5条 [C] election.full_members_only: probationary members and those on "
    "留党察看 neither vote nor stand",
    "[election][rules]") {
    CHECK(may_vote_and_stand({.full_member = true}));
    CHECK_FALSE(may_vote_and_stand({.full_member = false}));
    CHECK_FALSE(may_vote_and_stand({.full_member = true, .on_probation_in_party = true}));
    CHECK_FALSE(may_vote_and_stand({.full_member = true, .rights_suspended = true}));
    CHECK(violated_rule([] { require_may_stand({.full_member = false}); }) == "election.full_members_only");
}

}  // namespace election_rules_test_cases
