#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "dangyuan/evaluation/ballot.hpp"
#include "dangyuan/evaluation/campaign.hpp"
#include "dangyuan/evaluation/evaluation_agenda.hpp"
#include "dangyuan/evaluation/grade_decision.hpp"
#include "evaluation_support.hpp"
#include "rules_test_prelude.hpp"

namespace evaluation_test_cases {

using test::phase_date;

namespace {
org_id const branch{10};
org_id const host{20};
org_id const home{30};
using ph = campaign_phase;

member_id m(int i) {
    return member_id{i};
}

// `full` full members 1..full, then `probationary` probationary members, all with relationship here.
std::vector<participant> roll(int full, int probationary = 0) {
    std::vector<participant> out;
    for (int i = 1; i <= full + probationary; ++i)
        out.push_back({m(i), "党员" + std::to_string(i),
                       i <= full ? member_status::full : member_status::probationary, std::nullopt});
    return out;
}

campaign open_campaign(std::vector<participant> participants, org_id org = branch,
                       rule_set const& r = rules) {
    campaign c{campaign_id{1}, org, "第一党支部", 2025, r.name, {}};
    record(c, phase_started{phase_date(ph::study), ph::study}, r);
    record(c, participants_added{phase_date(ph::study), std::move(participants)}, r);
    return c;
}

// Begins every step after the current one up to `target`, on the test schedule.
void to_phase(campaign& c, campaign_phase target, rule_set const& r = rules) {
    auto const s = campaign_state_of(c);
    for (int p = static_cast<int>(*s.phase) + 1; p <= static_cast<int>(target); ++p)
        record(c, phase_started{phase_date(static_cast<campaign_phase>(p)), static_cast<campaign_phase>(p)},
               r);
}

// Committee proposal, conveyed to the member, and the decision, all on `on`.
void grade_member(campaign& c, member_id who, grade g, date::sys_days on, std::string reason = {},
                  rule_set const& r = rules, std::span<final_grade const> elsewhere = {}) {
    record(c, grade_proposed{on, who, g, "测评结果和平时表现"}, r, elsewhere);
    record(c, member_informed{on, who, "支部书记"}, r, elsewhere);
    record(c, grade_decided{on, who, g, decision_body::branch_meeting, std::nullopt, std::move(reason)}, r,
           elsewhere);
}

}  // namespace

// --- grades, ballots and aggregation (ballot.hpp)

TEST_CASE("evaluation grades: the four grades with their Chinese names, parsed from either form",
          "[evaluation]") {
    CHECK(chinese_name(grade::excellent) == "优秀");
    CHECK(chinese_name(grade::qualified) == "合格");
    CHECK(chinese_name(grade::basically_qualified) == "基本合格");
    CHECK(chinese_name(grade::unqualified) == "不合格");
    for (auto g : {grade::excellent, grade::qualified, grade::basically_qualified, grade::unqualified}) {
        CHECK(parse_grade(chinese_name(g)) == g);
        CHECK(parse_grade(to_string(g)) == g);
    }
    CHECK(invalid_field([] { (void)parse_grade("良好"); }) == "grade");
    CHECK(invalid_field([] { (void)parse_grade(" 合格"); }) == "grade");
}

TEST_CASE("evaluation aggregation: the default profile only counts; share and score tables suggest a grade",
          "[evaluation]") {
    grade_tally t;
    t.add(grade::excellent, 5);
    t.add(grade::qualified, 4);
    t.add(grade::unqualified, 1);
    CHECK(t.total() == 10);
    CHECK(t[grade::excellent] == 5);
    CHECK(suggest_grade(t, aggregation_profile{}) == std::nullopt);

    SECTION("share rule: strictly more than half, boundary at exactly half") {
        aggregation_profile p;
        p.share_rules = {{grade::excellent, grade::excellent, grade_span::exactly, 1, 2, true}};
        CHECK(suggest_grade(t, p) == std::nullopt);  // 5 of 10 is not more than half
        t.add(grade::excellent);
        CHECK(suggest_grade(t, p) == grade::excellent);  // 6 of 11
        p.share_rules[0].strict = false;
        grade_tally half;
        half.add(grade::excellent, 2);
        half.add(grade::qualified, 2);
        CHECK(suggest_grade(half, p) == grade::excellent);  // reaching half is enough when not strict
    }
    SECTION("share rule over a span of grades, first matching row wins") {
        aggregation_profile p;
        p.share_rules = {
            {grade::unqualified, grade::unqualified, grade_span::exactly, 1, 2, true},
            {grade::basically_qualified, grade::basically_qualified, grade_span::or_worse, 1, 3, false},
            {grade::qualified, grade::qualified, grade_span::or_better, 1, 1, false}};
        grade_tally weak;
        weak.add(grade::qualified, 2);
        weak.add(grade::unqualified, 1);  // 1 of 3 at 基本合格 or worse: reaches 1/3
        CHECK(suggest_grade(weak, p) == grade::basically_qualified);
        grade_tally good;
        good.add(grade::excellent, 1);
        good.add(grade::qualified, 2);
        CHECK(suggest_grade(good, p) == grade::qualified);
    }
    SECTION("weighted score bands: exact integer comparison at the band minimum") {
        aggregation_profile p;
        p.weights = {100, 80, 60, 0};
        p.score_bands = {{90, grade::excellent}, {70, grade::qualified}, {50, grade::basically_qualified}};
        grade_tally g;
        g.add(grade::excellent, 1);
        g.add(grade::qualified, 1);  // average 90 exactly
        CHECK(suggest_grade(g, p) == grade::excellent);
        g.add(grade::qualified, 1);  // average 86.67
        CHECK(suggest_grade(g, p) == grade::qualified);
        grade_tally low;
        low.add(grade::unqualified, 1);
        CHECK(suggest_grade(low, p) == std::nullopt);
        CHECK(suggest_grade(grade_tally{}, p) == std::nullopt);
    }
    SECTION("malformed profiles are refused") {
        aggregation_profile p;
        p.share_rules = {{grade::excellent, grade::excellent, grade_span::exactly, 1, 0, true}};
        CHECK(invalid_field([&] { (void)suggest_grade(t, p); }) == "share_rules");
        aggregation_profile q;
        q.score_bands = {{50, grade::qualified}, {70, grade::excellent}};
        CHECK(invalid_field([&] { validate_profile(q); }) == "score_bands");
    }
}

TEST_CASE(
    "党员教育管理工作条例2019 [U] eval.one_ballot_per_evaluator: one ballot per evaluator and member, "
    "counted "
    "anonymously",
    "[evaluation]") {
    auto c = open_campaign(roll(5));
    to_phase(c, ph::appraisal_vote);
    auto const day = phase_date(ph::appraisal_vote);

    std::vector<ballot> sheets{{m(3), m(1), grade::excellent},
                               {m(2), m(1), grade::qualified},
                               {m(1), m(2), grade::qualified},
                               {m(3), m(2), grade::basically_qualified}};
    auto counts = count_ballots(sheets, day, rules);
    REQUIRE(counts.size() == 2);
    CHECK(counts[0].member == m(1));
    CHECK(counts[0].voters == std::vector<member_id>{m(2), m(3)});  // sorted, not in sheet order
    CHECK(counts[0].tally[grade::excellent] == 1);
    CHECK(counts[0].tally[grade::qualified] == 1);
    CHECK(counts[0].choices.empty());  // anonymous by default: who chose what is not kept
    for (auto const& rec : counts)
        record(c, rec, rules);

    SECTION("a second ballot by the same evaluator on the same member, in a later count, is refused") {
        auto again = count_ballots(std::vector<ballot>{{m(2), m(1), grade::excellent}}, day, rules);
        auto const before = c;
        CHECK(violated_rule([&] { record(c, again[0], rules); }) == "eval.one_ballot_per_evaluator");
        CHECK(c == before);
        // The same evaluator may still vote on another member.
        record(c, count_ballots(std::vector<ballot>{{m(2), m(4), grade::qualified}}, day, rules)[0], rules);
        auto const s = campaign_state_of(c);
        CHECK(s.find(m(1))->voters == std::set<member_id>{m(2), m(3)});
        CHECK(s.find(m(1))->tally.total() == 2);
        CHECK(s.find(m(1))->choices.empty());
    }
    SECTION("a duplicate inside one count is refused") {
        auto dup = count_ballots(
            std::vector<ballot>{{m(4), m(5), grade::excellent}, {m(4), m(5), grade::qualified}}, day, rules);
        CHECK(dup[0].voters == std::vector<member_id>{m(4), m(4)});
        CHECK(violated_rule([&] { record(c, dup[0], rules); }) == "eval.one_ballot_per_evaluator");
    }
    SECTION("identity is refused unless the rule set keeps it, and then kept") {
        ballots_counted leaky{day, m(4), {m(1)}, {}, {{m(1), grade::excellent}}};
        leaky.tally.add(grade::excellent);
        CHECK(invalid_field([&] { record(c, leaky, rules); }) == "choices");
        auto open = rules;
        open.evaluation.keep_ballot_identity = true;
        auto kept = count_ballots(std::vector<ballot>{{m(5), m(4), grade::qualified}}, day, open);
        REQUIRE(kept[0].choices.size() == 1);
        CHECK(kept[0].choices[0] == identified_choice{m(5), grade::qualified});
        record(c, kept[0], open);
        CHECK(campaign_state_of(c).find(m(4))->choices.size() == 1);
    }
    SECTION("impossible counts are invalid input") {
        ballots_counted wrong{day, m(4), {m(1), m(2)}, {}, {}};
        wrong.tally.add(grade::qualified);  // one ballot for two voters
        CHECK(invalid_field([&] { record(c, wrong, rules); }) == "tally");
        ballots_counted stranger{day, m(4), {m(99)}, {}, {}};
        stranger.tally.add(grade::qualified);
        CHECK(invalid_field([&] { record(c, stranger, rules); }) == "voters");
        ballots_counted nobody{day, m(99), {m(1)}, {}, {}};
        nobody.tally.add(grade::qualified);
        CHECK(invalid_field([&] { record(c, nobody, rules); }) == "member");
    }
}

TEST_CASE("民主评议意见1988 [S] eval.ballot_in_appraisal: ballots only during 民主测评, late ones refused",
          "[evaluation]") {
    auto c = open_campaign(roll(4));
    auto ballot_on = [](date::sys_days day) {
        ballots_counted b{day, m(1), {m(2)}, {}, {}};
        b.tally.add(grade::qualified);
        return b;
    };
    to_phase(c, ph::appraisal_mutual_review);
    CHECK(violated_rule([&] { record(c, ballot_on(phase_date(ph::appraisal_mutual_review)), rules); }) ==
          "eval.ballot_in_appraisal");
    to_phase(c, ph::appraisal_vote);
    record(c, ballot_on(phase_date(ph::appraisal_vote)), rules);
    // The last day of the vote step: still in time while the assessment has not begun.
    ballots_counted later{phase_date(ph::organisational_assessment), m(2), {m(1)}, {}, {}};
    later.tally.add(grade::excellent);
    record(c, later, rules);
    to_phase(c, ph::organisational_assessment);
    auto const before = c;
    ballots_counted late{phase_date(ph::organisational_assessment), m(3), {m(1)}, {}, {}};
    late.tally.add(grade::qualified);
    CHECK(violated_rule([&] { record(c, late, rules); }) == "eval.ballot_in_appraisal");
    CHECK(c == before);
}

// --- the campaign (campaign.hpp)

TEST_CASE("民主评议意见1988 [S] eval.phase_order: steps in order, none skipped, dates never going back",
          "[evaluation]") {
    campaign c{campaign_id{1}, branch, "第一党支部", 2025, rules.name, {}};
    CHECK(violated_rule([&] {
              record(c, participants_added{d(2025, 11, 3), roll(3)}, rules);
          }) == "eval.phase_order");  // nothing before the study step
    CHECK(violated_rule([&] {
              record(c, phase_started{d(2025, 11, 3), ph::self_assessment}, rules);
          }) == "eval.phase_order");
    record(c, phase_started{d(2025, 11, 3), ph::study}, rules);
    record(c, participants_added{d(2025, 11, 3), roll(3)}, rules);
    CHECK(violated_rule([&] {
              record(c, phase_started{d(2025, 11, 10), ph::appraisal_self_review}, rules);
          }) == "eval.phase_order");  // self-assessment skipped
    CHECK(violated_rule([&] {
              record(c, phase_started{d(2025, 11, 2), ph::self_assessment}, rules);
          }) == "eval.phase_order");  // dated before the last record
    CHECK(c.records.size() == 2);
    record(c, phase_started{d(2025, 11, 3), ph::self_assessment}, rules);  // the same day is not going back
    CHECK(violated_rule([&] {
              record(c, grade_proposed{d(2025, 11, 4), m(1), grade::qualified, ""}, rules);
          }) == "eval.grade_by_decision");  // a proposal belongs to the organisational assessment
    CHECK(invalid_field([&] {
              record(c, self_assessment_submitted{d(2025, 11, 2), m(1), "党性分析"}, rules);
          }) == "date");
    CHECK(invalid_field([&] {
              record(c, phase_started{d(2025, 11, 5), ph::appraisal_self_review, true}, rules);
              record(c, phase_started{d(2025, 11, 6), ph::appraisal_mutual_review, true}, rules);
              record(c, phase_started{d(2025, 11, 7), ph::appraisal_vote, true}, rules);
          }) == "by_party_groups");
    auto s = campaign_state_of(c);
    CHECK(s.phase == ph::appraisal_mutual_review);
    CHECK(s.by_party_groups[static_cast<std::size_t>(ph::appraisal_mutual_review)]);
    to_phase(c, ph::closed);
    CHECK(violated_rule([&] {
              record(c, non_member_opinion{d(2025, 12, 20), std::nullopt, "座谈会", "意见"}, rules);
          }) == "eval.phase_order");
    CHECK(violated_rule([&] {
              record(c, phase_started{d(2025, 12, 20), ph::study}, rules);
          }) == "eval.phase_order");
    CHECK(campaign_state_on(c, d(2025, 11, 3)).phase == ph::self_assessment);
    CHECK(campaign_state_on(c, d(2025, 11, 2)).phase == std::nullopt);
    CHECK(parse_campaign_phase("组织考察") == ph::organisational_assessment);
    CHECK(invalid_field([] { (void)parse_campaign_phase("总结"); }) == "phase");
    CHECK(kind_name(c.records.front()) == "phase_started");
}

TEST_CASE("evaluation campaign: roll, non-member opinions and invalid input", "[evaluation]") {
    auto c = open_campaign(roll(3));
    CHECK(invalid_field([&] {
              record(c, participants_added{d(2025, 11, 4), roll(1)}, rules);
          }) == "participants");
    CHECK(invalid_field([&] {
              record(c, participants_added{d(2025, 11, 4), {{m(9), "", member_status::full, std::nullopt}}},
                     rules);
          }) == "name");
    CHECK(invalid_field([&] {
              record(c, participants_added{d(2025, 11, 4), {{m(9), "流入党员", member_status::full, branch}}},
                     rules);
          }) == "relationship_in");
    campaign nameless{campaign_id{2}, branch, "x", 0, rules.name, {}};
    CHECK(invalid_field([&] { record(nameless, phase_started{d(2025, 1, 1), ph::study}, rules); }) == "year");
    to_phase(c, ph::appraisal_self_review);
    record(c, non_member_opinion{d(2025, 11, 17), m(2), "群众座谈会", "工作认真"}, rules);
    CHECK(invalid_field([&] {
              record(c, non_member_opinion{d(2025, 11, 17), m(8), "群众座谈会", "x"}, rules);
          }) == "about");
    CHECK(invalid_field([&] {
              record(c, non_member_opinion{d(2025, 11, 17), std::nullopt, "群众座谈会", " "}, rules);
          }) == "summary");
    CHECK(campaign_state_of(c).find(m(2))->non_member_opinions == 1);
}

TEST_CASE(
    "党内政治生活若干准则2016 [S] eval.party_spirit_analysis: a written self-assessment per member, "
    "missing ones on the agenda",
    "[evaluation]") {
    auto c = open_campaign(roll(2, 1));
    to_phase(c, ph::self_assessment);
    record(c, self_assessment_submitted{d(2025, 11, 12), m(1), "对照党章党规的党性分析"}, rules);
    CHECK(invalid_field([&] {
              record(c, self_assessment_submitted{d(2025, 11, 12), m(1), "again"}, rules);
          }) == "member");
    CHECK(invalid_field([&] {
              record(c, self_assessment_submitted{d(2025, 11, 12), m(2), ""}, rules);
          }) == "summary");
    auto const items = campaign_agenda(c, d(2025, 11, 14), rules);
    REQUIRE(items.size() == 2);  // member 2 and the probationary member 3, who takes part too
    for (auto const& i : items) {
        CHECK(i.kind == "eval.self_assessment_missing");
        CHECK(i.rule_id == "eval.party_spirit_analysis");
        CHECK(i.status == agenda_status::finding);
        CHECK(i.org == branch);
    }
    CHECK(items[0].member == m(2));
    CHECK(items[1].member == m(3));
    CHECK(campaign_agenda(c, d(2025, 11, 2), rules).empty());  // not begun yet on that day
    record(c, self_assessment_submitted{d(2025, 11, 14), m(2), "党性分析"}, rules);
    record(c, self_assessment_submitted{d(2025, 11, 14), m(3), "党性分析"}, rules);
    CHECK(campaign_agenda(c, d(2025, 11, 14), rules).empty());
    to_phase(c, ph::appraisal_mutual_review);
    CHECK(violated_rule([&] {
              record(c, self_assessment_submitted{d(2025, 11, 18), m(1), "late"}, rules);
          }) == "eval.phase_order");
}

TEST_CASE("民主评议参评范围 [S] eval.exemption_reasons: five categories, each with an approval",
          "[evaluation]") {
    auto c = open_campaign(roll(4));
    CHECK(parse_exemption_reason("正在服刑") == exemption_reason::serving_sentence);
    CHECK(parse_exemption_reason("bedridden_or_elderly") == exemption_reason::bedridden_or_elderly);
    CHECK(invalid_field([] { (void)parse_exemption_reason("工作忙"); }) == "reason");
    CHECK(violated_rule([&] {
              record(c, exemption_approved{d(2025, 11, 4), m(4), exemption_reason::bedridden_or_elderly, " "},
                     rules);
          }) == "eval.exemption_reasons");
    record(c,
           exemption_approved{d(2025, 11, 4), m(4), exemption_reason::bedridden_or_elderly, "街道党工委批准"},
           rules);
    CHECK(invalid_field([&] {
              record(c, exemption_approved{d(2025, 11, 4), m(4), exemption_reason::serving_sentence, "批准"},
                     rules);
          }) == "member");
    to_phase(c, ph::appraisal_vote);
    ballots_counted on_exempt{d(2025, 11, 19), m(4), {m(1)}, {}, {}};
    on_exempt.tally.add(grade::qualified);
    CHECK(invalid_field([&] { record(c, on_exempt, rules); }) == "member");
    ballots_counted by_exempt{d(2025, 11, 19), m(1), {m(4)}, {}, {}};
    by_exempt.tally.add(grade::qualified);
    CHECK(invalid_field([&] { record(c, by_exempt, rules); }) == "voters");
    ballots_counted fine{d(2025, 11, 19), m(3), {m(1)}, {}, {}};
    fine.tally.add(grade::qualified);
    record(c, fine, rules);
    CHECK(invalid_field([&] {
              record(
                  c,
                  exemption_approved{d(2025, 11, 19), m(3), exemption_reason::unable_to_express_will, "批准"},
                  rules);
          }) == "member");  // already appraised
    to_phase(c, ph::organisational_assessment);
    CHECK(invalid_field([&] {
              record(c, grade_proposed{d(2025, 11, 24), m(4), grade::qualified, ""}, rules);
          }) == "member");
    // Exempted members stay in the denominator of the 优秀 share: they are full members of the branch.
    CHECK(campaign_state_of(c).full_members_here() == 4);
}

TEST_CASE("民主评议参评范围 [S] eval.exemption_absence_over_6_months: the absence must exceed 6 months",
          "[evaluation]") {
    auto c = open_campaign(roll(3));
    auto away = [](date::sys_days on, std::optional<date::sys_days> since) {
        return exemption_approved{on,    m(2), exemption_reason::away_without_transfer, "上级党委批准",
                                  since, ""};
    };
    // Away since 31 May: six months end on 30 November (month-end clamp); the day after is more than six.
    CHECK(violated_rule([&] { record(c, away(d(2025, 11, 30), d(2025, 5, 31)), rules); }) ==
          "eval.exemption_absence_over_6_months");
    CHECK(invalid_field([&] { record(c, away(d(2025, 11, 30), std::nullopt), rules); }) == "away_since");
    CHECK(invalid_field([&] { record(c, away(d(2025, 11, 30), d(2025, 12, 5)), rules); }) == "away_since");
    CHECK(c.records.size() == 2);
    record(c, away(d(2025, 12, 1), d(2025, 5, 31)), rules);
    CHECK(campaign_state_of(c).find(m(2))->exempted == exemption_reason::away_without_transfer);
    // Abroad at own expense works the same way; the other categories need no date.
    record(c,
           exemption_approved{d(2025, 12, 1), m(3), exemption_reason::abroad_self_funded, "批准",
                              d(2025, 5, 31), ""},
           rules);
    CHECK(needs_absence(exemption_reason::abroad_self_funded));
    CHECK_FALSE(needs_absence(exemption_reason::serving_sentence));
}

// --- grades as decisions (grade_decision.hpp)

TEST_CASE("共产党员网专题 [S] eval.probationary_not_graded: probationary members take part but get no grade",
          "[evaluation]") {
    auto c = open_campaign(roll(3, 1));  // member 4 is probationary
    to_phase(c, ph::appraisal_vote);
    ballots_counted on_probationary{d(2025, 11, 19), m(4), {m(1)}, {}, {}};
    on_probationary.tally.add(grade::excellent);
    CHECK(violated_rule([&] { record(c, on_probationary, rules); }) == "eval.probationary_not_graded");
    ballots_counted by_probationary{d(2025, 11, 19), m(1), {m(4)}, {}, {}};
    by_probationary.tally.add(grade::qualified);
    record(c, by_probationary, rules);  // a probationary member takes part as an evaluator
    to_phase(c, ph::organisational_assessment);
    CHECK(violated_rule([&] {
              record(c, grade_proposed{d(2025, 11, 24), m(4), grade::qualified, ""}, rules);
          }) == "eval.probationary_not_graded");
    CHECK(violated_rule([&] {
              record(c, grade_decided{d(2025, 11, 24), m(4), grade::qualified, decision_body::branch_meeting},
                     rules);
          }) == "eval.probationary_not_graded");
    CHECK(violated_rule([&] {
              record(c, result_received{d(2025, 11, 24), m(4), host, grade::qualified}, rules);
          }) == "eval.probationary_not_graded");
    auto const items = campaign_agenda(c, d(2025, 11, 25), rules);
    for (auto const& i : items)
        CHECK(i.member != m(4));  // nothing pending for the probationary member
    CHECK(items.size() == 3);
}

TEST_CASE(
    "党员教育管理工作条例2019 [S] eval.grade_by_decision: a grade is decided on the committee's proposal, "
    "not taken from the tally",
    "[evaluation]") {
    auto c = open_campaign(roll(4));
    to_phase(c, ph::appraisal_vote);
    ballots_counted votes{d(2025, 11, 19), m(1), {m(2), m(3), m(4)}, {}, {}};
    votes.tally.add(grade::excellent, 3);
    record(c, votes, rules);
    CHECK(violated_rule([&] {
              record(c, grade_decided{d(2025, 11, 19), m(1), grade::excellent, decision_body::branch_meeting},
                     rules);
          }) == "eval.grade_by_decision");  // not before the organisational assessment
    to_phase(c, ph::organisational_assessment);
    CHECK(violated_rule([&] {
              record(c, grade_decided{d(2025, 11, 24), m(1), grade::excellent, decision_body::branch_meeting},
                     rules);
          }) == "eval.grade_by_decision");  // no proposal
    aggregation_profile majority;
    majority.share_rules = {{grade::excellent, grade::excellent, grade_span::exactly, 1, 2, true}};
    CHECK(suggested_grade(campaign_state_of(c), m(1), majority) == grade::excellent);
    CHECK(suggested_grade(campaign_state_of(c), m(2), majority) == std::nullopt);
    // The committee weighs daily conduct too: it may propose another grade than the tally suggests.
    record(c, grade_proposed{d(2025, 11, 25), m(1), grade::qualified, "平时表现一般"}, rules);
    CHECK(invalid_field([&] { record(c, member_informed{d(2025, 11, 25), m(2), ""}, rules); }) == "member");
    record(c, member_informed{d(2025, 11, 25), m(1), "支部书记"}, rules);
    CHECK(invalid_field([&] {
              record(c,
                     grade_decided{d(2025, 11, 26), m(1), grade::qualified, decision_body::branch_committee,
                                   branch_vote{4, 4, 0, 4, 0, 0}},
                     rules);
          }) == "vote");
    CHECK(violated_rule([&] {
              record(c,
                     grade_decided{d(2025, 11, 26), m(1), grade::qualified, decision_body::branch_meeting,
                                   branch_vote{4, 2, 0, 2, 0, 0}},
                     rules);
          }) == "vote.quorum_over_half");
    record(c,
           grade_decided{d(2025, 11, 26), m(1), grade::qualified, decision_body::branch_meeting,
                         branch_vote{4, 3, 0, 3, 0, 0}},
           rules);
    auto const s = campaign_state_of(c);
    CHECK(s.find(m(1))->final == grade::qualified);
    CHECK(s.find(m(1))->graded_by == branch);
    auto const grades = final_grades(c);
    REQUIRE(grades.size() == 1);
    CHECK(grades[0] == final_grade{m(1), 2025, branch, grade::qualified, d(2025, 11, 26)});
    // Members still to grade are on the agenda.
    auto const items = campaign_agenda(c, d(2025, 11, 26), rules);
    CHECK(test::kinds_of(items) ==
          std::vector<std::string>{"eval.grade_pending", "eval.grade_pending", "eval.grade_pending"});
    CHECK(items[0].rule_id == "eval.grade_by_decision");
}

TEST_CASE(
    "民主评议意见1988 [S] eval.unqualified_needs_assessment: 不合格 only after the organisational "
    "assessment",
    "[evaluation]") {
    auto c = open_campaign(roll(4));
    to_phase(c, ph::appraisal_vote);
    ballots_counted votes{d(2025, 11, 19), m(4), {m(1), m(2), m(3)}, {}, {}};
    votes.tally.add(grade::unqualified, 3);
    record(c, votes, rules);
    auto unqualified = [](date::sys_days on) {
        return grade_decided{on, m(4), grade::unqualified, decision_body::branch_meeting};
    };
    // A unanimous tally is not enough.
    CHECK(violated_rule([&] { record(c, unqualified(d(2025, 11, 20)), rules); }) ==
          "eval.unqualified_needs_assessment");
    to_phase(c, ph::organisational_assessment);
    CHECK(violated_rule([&] { record(c, unqualified(d(2025, 11, 24)), rules); }) ==
          "eval.unqualified_needs_assessment");
    record(c, grade_proposed{d(2025, 11, 24), m(4), grade::basically_qualified, ""}, rules);
    record(c, member_informed{d(2025, 11, 24), m(4), "支部书记"}, rules);
    CHECK(violated_rule([&] { record(c, unqualified(d(2025, 11, 25)), rules); }) ==
          "eval.unqualified_needs_assessment");  // the proposal was not 不合格
    record(c, grade_proposed{d(2025, 11, 25), m(4), grade::unqualified, "长期不参加组织生活"}, rules);
    CHECK(violated_rule([&] { record(c, unqualified(d(2025, 11, 25)), rules); }) ==
          "eval.unqualified_needs_assessment");  // not yet conveyed to the member
    auto const pending = test::kinds_of(campaign_agenda(c, d(2025, 11, 25), rules));
    CHECK(std::count(pending.begin(), pending.end(), "eval.convey_proposal") == 1);
    record(c, member_informed{d(2025, 11, 26), m(4), "支部书记、组织委员"}, rules);
    record(c, unqualified(d(2025, 11, 28)), rules);
    CHECK(campaign_state_of(c).find(m(4))->final == grade::unqualified);
}

TEST_CASE("共产党员网专题 [S] eval.excellent_share_cap: 优秀 at most 1/3 of the full members here",
          "[evaluation]") {
    SECTION("9 full members: 3 allowed, the 4th refused without a reason, accepted with one (soft cap)") {
        auto c = open_campaign(roll(9));
        to_phase(c, ph::organisational_assessment);
        for (int i = 1; i <= 3; ++i)
            grade_member(c, m(i), grade::excellent, d(2025, 11, 25));
        record(c, grade_proposed{d(2025, 11, 25), m(4), grade::excellent, ""}, rules);
        record(c, member_informed{d(2025, 11, 25), m(4), ""}, rules);
        auto const before = c;
        CHECK(violated_rule([&] {
                  record(
                      c,
                      grade_decided{d(2025, 11, 25), m(4), grade::excellent, decision_body::branch_meeting},
                      rules);
              }) == "eval.excellent_share_cap");
        CHECK(c == before);
        record(c,
               grade_decided{d(2025, 11, 25), m(4), grade::excellent, decision_body::branch_meeting,
                             std::nullopt, "抗洪抢险中表现突出"},
               rules);
        CHECK(campaign_state_of(c).excellent_here() == 4);
    }
    SECTION("9 full members with a hard cap: the 4th is refused even with a reason") {
        auto hard = rules;
        hard.evaluation.excellent_cap_hard = true;
        auto c = open_campaign(roll(9), branch, hard);
        to_phase(c, ph::organisational_assessment, hard);
        for (int i = 1; i <= 3; ++i)
            grade_member(c, m(i), grade::excellent, d(2025, 11, 25), "", hard);
        CHECK(violated_rule([&] {
                  grade_member(c, m(4), grade::excellent, d(2025, 11, 25), "表现突出", hard);
              }) == "eval.excellent_share_cap");
        // Other grades are not capped.
        grade_member(c, m(5), grade::qualified, d(2025, 11, 26), "", hard);
    }
    SECTION("10 full members: 3 allowed (3*3 <= 10), the 4th refused") {
        auto c = open_campaign(roll(10));
        to_phase(c, ph::organisational_assessment);
        for (int i = 1; i <= 3; ++i)
            grade_member(c, m(i), grade::excellent, d(2025, 11, 25));
        CHECK(violated_rule([&] { grade_member(c, m(4), grade::excellent, d(2025, 11, 25)); }) ==
              "eval.excellent_share_cap");
    }
    SECTION("probationary members are not in the denominator") {
        auto c = open_campaign(roll(9, 3));  // 12 members, 9 full: the cap stays 3
        to_phase(c, ph::organisational_assessment);
        CHECK(campaign_state_of(c).full_members_here() == 9);
        for (int i = 1; i <= 3; ++i)
            grade_member(c, m(i), grade::excellent, d(2025, 11, 25));
        CHECK(violated_rule([&] { grade_member(c, m(4), grade::excellent, d(2025, 11, 25)); }) ==
              "eval.excellent_share_cap");
    }
    SECTION("a mobile member evaluated here counts in neither the share nor the denominator") {
        auto members = roll(3);
        members.push_back({m(50), "流入党员", member_status::full, home});
        auto c = open_campaign(members);
        to_phase(c, ph::organisational_assessment);
        CHECK(campaign_state_of(c).full_members_here() == 3);
        grade_member(c, m(50), grade::excellent, d(2025, 11, 25));
        grade_member(c, m(1), grade::excellent, d(2025, 11, 25));  // 1 of 3 here
        CHECK(violated_rule([&] { grade_member(c, m(2), grade::excellent, d(2025, 11, 25)); }) ==
              "eval.excellent_share_cap");
    }
    CHECK(excellent_cap(9, rules) == 3);
    CHECK(excellent_cap(10, rules) == 3);
    CHECK(excellent_cap(11, rules) == 3);
    CHECK(excellent_cap(12, rules) == 4);
    CHECK(excellent_cap(2, rules) == 0);
    CHECK(excellent_cap(0, rules) == 0);
    CHECK_NOTHROW(check_excellent_share(4, 12, "", rules));
    CHECK(violated_rule([] { check_excellent_share(1, 2, "", rules); }) == "eval.excellent_share_cap");
    auto broken = rules;
    broken.evaluation.excellent_share_max = {1, 0};
    CHECK(invalid_field([&] { (void)excellent_cap(9, broken); }) == "excellent_share_max");
}

TEST_CASE(
    "党员教育管理工作条例2019 [S] eval.one_grade_per_year: a mobile member is graded once, at the host, "
    "and the result sent home",
    "[evaluation]") {
    member_id const mobile{50};
    // The home branch holds the relationship; the host evaluates the member.
    auto home_roll = roll(3);
    home_roll.push_back({mobile, "流出党员", member_status::full, std::nullopt});
    auto at_home = open_campaign(home_roll, home);
    auto host_roll = roll(3);
    for (auto& p : host_roll)
        p.member = member_id{p.member.value() + 100};
    host_roll.push_back({mobile, "流出党员", member_status::full, home});
    auto at_host = open_campaign(host_roll, host);
    to_phase(at_home, ph::organisational_assessment);
    to_phase(at_host, ph::organisational_assessment);

    grade_member(at_host, mobile, grade::excellent, d(2025, 11, 25));
    CHECK(test::kinds_of(campaign_agenda(at_host, d(2025, 11, 25), rules)) ==
          std::vector<std::string>{"eval.send_result", "eval.grade_pending", "eval.grade_pending",
                                   "eval.grade_pending"});
    CHECK(violated_rule([&] { grade_member(at_host, mobile, grade::qualified, d(2025, 11, 26)); }) ==
          "eval.one_grade_per_year");  // a second grade in the same campaign
    CHECK(invalid_field([&] {
              record(at_host, result_sent{d(2025, 11, 26), mobile, branch}, rules);
          }) == "to");
    CHECK(invalid_field([&] { record(at_host, result_sent{d(2025, 11, 26), m(101), home}, rules); }) == "to");
    record(at_host, result_sent{d(2025, 11, 26), mobile, home}, rules);
    CHECK(invalid_field([&] {
              record(at_host, result_sent{d(2025, 11, 26), mobile, home}, rules);
          }) == "member");
    CHECK(test::kinds_of(campaign_agenda(at_host, d(2025, 11, 26), rules)).size() == 3);

    auto const from_host = final_grades(at_host);
    // The home branch cannot decide a second grade, whichever order things happen in.
    record(at_home, grade_proposed{d(2025, 11, 26), mobile, grade::qualified, ""}, rules, from_host);
    record(at_home, member_informed{d(2025, 11, 26), mobile, ""}, rules, from_host);
    CHECK(violated_rule([&] {
              record(at_home,
                     grade_decided{d(2025, 11, 26), mobile, grade::qualified, decision_body::branch_meeting},
                     rules, from_host);
          }) == "eval.one_grade_per_year");
    CHECK(invalid_field([&] {
              record(at_home, result_received{d(2025, 11, 27), mobile, host, grade::qualified}, rules,
                     from_host);
          }) == "received");  // not what the host decided
    CHECK(invalid_field([&] {
              record(at_home, result_received{d(2025, 11, 27), mobile, home, grade::excellent}, rules,
                     from_host);
          }) == "from");
    CHECK(invalid_field([&] {
              record(at_host, result_received{d(2025, 11, 27), mobile, home, grade::excellent}, rules);
          }) == "member");  // the host does not hold the relationship
    record(at_home, result_received{d(2025, 11, 27), mobile, host, grade::excellent}, rules, from_host);
    auto const s = campaign_state_of(at_home);
    CHECK(s.find(mobile)->final == grade::excellent);
    CHECK(s.find(mobile)->graded_by == host);
    CHECK(s.excellent_here() == 1);  // it counts in the home branch's share
    CHECK(
        final_grades(at_home).empty());  // the home branch decided nothing: no second grade for others to see
    CHECK(violated_rule([&] {
              record(at_home, result_received{d(2025, 11, 28), mobile, host, grade::excellent}, rules,
                     from_host);
          }) == "eval.one_grade_per_year");
    CHECK(violated_rule([&] {
              record(at_home,
                     grade_decided{d(2025, 11, 28), mobile, grade::excellent, decision_body::branch_meeting},
                     rules);
          }) == "eval.one_grade_per_year");

    // The other way round: the home branch graded first, so the host is refused.
    auto home2 = open_campaign(home_roll, home);
    auto host2 = open_campaign(host_roll, host);
    to_phase(home2, ph::organisational_assessment);
    to_phase(host2, ph::organisational_assessment);
    grade_member(home2, mobile, grade::qualified, d(2025, 11, 25));
    auto const from_home = final_grades(home2);
    CHECK(violated_rule([&] {
              grade_member(host2, mobile, grade::qualified, d(2025, 11, 26), "", rules, from_home);
          }) == "eval.one_grade_per_year");
    // A grade of another year does not count.
    std::vector<final_grade> last_year{{mobile, 2024, home, grade::qualified, d(2024, 12, 1)}};
    grade_member(host2, mobile, grade::qualified, d(2025, 11, 26), "", rules, last_year);
}

TEST_CASE("共产党员网专题 [S] eval.follow_up: results are followed up by grade", "[evaluation]") {
    auto c = open_campaign(roll(6));
    to_phase(c, ph::organisational_assessment);
    grade_member(c, m(1), grade::excellent, d(2025, 11, 25));
    grade_member(c, m(2), grade::qualified, d(2025, 11, 25));
    grade_member(c, m(3), grade::basically_qualified, d(2025, 11, 25));
    grade_member(c, m(4), grade::unqualified, d(2025, 11, 26));
    grade_member(c, m(5), grade::qualified, d(2025, 11, 26));
    grade_member(c, m(6), grade::qualified, d(2025, 11, 26));
    auto items = campaign_agenda(c, d(2025, 11, 27), rules);
    REQUIRE(test::kinds_of(items) == std::vector<std::string>{"eval.follow_up_due", "eval.follow_up_due"});
    CHECK(items[0].member == m(3));
    CHECK(items[0].due == d(2025, 11, 25));
    CHECK(items[0].rule_id == "eval.follow_up");
    CHECK(items[1].member == m(4));
    CHECK(violated_rule([&] {
              record(c, follow_up{d(2025, 11, 27), m(3), follow_up_kind::helped, ""}, rules);
          }) == "eval.follow_up");  // follow-ups belong to 表彰和处理
    to_phase(c, ph::commendation_and_handling);
    CHECK(violated_rule([&] {
              record(c, follow_up{d(2025, 12, 2), m(3), follow_up_kind::commended, ""}, rules);
          }) == "eval.follow_up");
    CHECK(violated_rule([&] {
              record(c, follow_up{d(2025, 12, 2), m(4), follow_up_kind::helped, ""}, rules);
          }) == "eval.follow_up");
    record(c, follow_up{d(2025, 12, 2), m(1), follow_up_kind::commended, "支部大会表扬"}, rules);
    record(c, follow_up{d(2025, 12, 2), m(3), follow_up_kind::helped, "谈心谈话, 指出不足"}, rules);
    CHECK(test::kinds_of(campaign_agenda(c, d(2025, 12, 2), rules)) ==
          std::vector<std::string>{"eval.follow_up_due"});
    record(c, follow_up{d(2025, 12, 3), m(4), follow_up_kind::educated, "批评教育"}, rules);
    CHECK(campaign_agenda(c, d(2025, 12, 3), rules).empty());
    CHECK(campaign_agenda(c, d(2025, 12, 2), rules).size() == 1);  // the state on an earlier date
    CHECK(follow_up_fits(grade::unqualified, follow_up_kind::disposition_opened));
    CHECK_FALSE(follow_up_fits(grade::qualified, follow_up_kind::disposition_opened));
    to_phase(c, ph::closed);
    CHECK(campaign_agenda(c, d(2025, 12, 20), rules).empty());
}

TEST_CASE(
    "支部工作条例2018 [S] eval.yearly: a branch with full members holds an evaluation every year; finding "
    "from "
    "the profile's month of the next year",
    "[evaluation][agenda]") {
    org_unit const b{.id = branch,
                     .name = "第一党支部",
                     .kind = org_kind::branch,
                     .parent = org_id{1},
                     .established = d(2010, 1, 1)};
    std::vector<int> const held{2024};
    // Default month 1: the year is judged as soon as it is over.
    CHECK(yearly_evaluation_year_judged(d(2025, 12, 31), rules) == 2024);
    CHECK(yearly_evaluation_year_judged(d(2026, 1, 1), rules) == 2025);
    CHECK_FALSE(yearly_evaluation_agenda(b, 5, held, d(2025, 12, 31), rules).has_value());  // 2024 held
    auto const item = yearly_evaluation_agenda(b, 5, held, d(2026, 1, 1), rules);
    REQUIRE(item.has_value());
    CHECK(item->kind == "eval.yearly_missing");
    CHECK(item->rule_id == "eval.yearly");
    CHECK(item->status == agenda_status::finding);
    CHECK(item->due == d(2025, 12, 31));
    CHECK(item->org == branch);
    // Held: nothing.
    std::vector<int> const both{2024, 2025};
    CHECK_FALSE(yearly_evaluation_agenda(b, 5, both, d(2026, 1, 1), rules).has_value());
    // No full members at the end of the year, or not a branch: nothing.
    CHECK_FALSE(yearly_evaluation_agenda(b, 0, held, d(2026, 1, 1), rules).has_value());
    auto general = b;
    general.kind = org_kind::general_branch;
    CHECK_FALSE(yearly_evaluation_agenda(general, 5, held, d(2026, 1, 1), rules).has_value());
    // Established after the year, or dissolved by as_of: nothing.
    auto young = b;
    young.established = d(2026, 1, 1);
    CHECK_FALSE(yearly_evaluation_agenda(young, 5, held, d(2026, 1, 1), rules).has_value());
    auto gone = b;
    gone.dissolved = d(2026, 1, 1);
    CHECK_FALSE(yearly_evaluation_agenda(gone, 5, held, d(2026, 1, 1), rules).has_value());

    // A profile may give the branches until March: on 2026-02-28 the year judged is still 2024.
    auto march = rules;
    march.evaluation.yearly_evaluation_from_month = 3;
    CHECK(yearly_evaluation_year_judged(d(2026, 2, 28), march) == 2024);
    CHECK_FALSE(yearly_evaluation_agenda(b, 5, held, d(2026, 2, 28), march).has_value());
    REQUIRE(yearly_evaluation_agenda(b, 5, held, d(2026, 3, 1), march).has_value());
    CHECK(yearly_evaluation_agenda(b, 5, held, d(2026, 3, 1), march)->due == d(2025, 12, 31));
    march.evaluation.yearly_evaluation_from_month = 13;
    CHECK(invalid_field([&] { (void)yearly_evaluation_year_judged(d(2026, 3, 1), march); }) ==
          "yearly_evaluation_from_month");
}

TEST_CASE(
    "党内政治生活若干准则2016 [U] eval.party_spirit_analysis_periodic: off by default; a profile may ask for "
    "one every N months",
    "[evaluation][agenda]") {
    CHECK(rules.evaluation.party_spirit_analysis_months == 0);
    CHECK_FALSE(
        party_spirit_analysis_agenda(branch, m(1), "张三", d(2020, 1, 1), std::nullopt, d(2026, 1, 1), rules)
            .has_value());
    auto every_year = rules;
    every_year.evaluation.party_spirit_analysis_months = 12;
    auto on = [&](date::sys_days day) {
        return party_spirit_analysis_agenda(branch, m(1), "张三", d(2020, 1, 1), d(2025, 2, 28), day,
                                            every_year);
    };
    CHECK_FALSE(on(d(2026, 2, 27)).has_value());
    REQUIRE(on(d(2026, 2, 28)).has_value());
    CHECK(on(d(2026, 2, 28))->status == agenda_status::due);
    CHECK(on(d(2026, 3, 1))->status == agenda_status::overdue);
    CHECK(on(d(2026, 3, 1))->rule_id == "eval.party_spirit_analysis_periodic");
    CHECK(on(d(2026, 3, 1))->kind == "eval.party_spirit_analysis_due");
}

}  // namespace evaluation_test_cases
