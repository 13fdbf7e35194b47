#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "dangyuan/storage/evaluation_store.hpp"
#include "evaluation_support.hpp"
#include "test_support.hpp"

namespace evaluation_store_test_cases {

using namespace dangyuan;
using test::d;
using test::invalid_field;
using test::phase_date;
using test::violated_rule;

namespace {

// The date of recording of these stores (store_options::today): after every date of the scenarios,
// which reach past the real today (record.not_in_future is tested in store_test.cpp).
date::sys_days scenario_today() {
    return d(2099, 12, 31);
}
using ph = campaign_phase;

// A district in a store: branch_b has 9 full members (b) and a probationary one (prob), branch_a 4 full
// members (a). The street working committee is above both branches; the village branch is elsewhere.
store_options scenario_clock(store_options o) {
    if (!o.today) o.today = scenario_today;
    return o;
}

struct fixture {
    store s;
    org_id committee, street, branch_a, branch_b, village;
    std::vector<member_id> a, b;
    member_id prob;

    explicit fixture(std::filesystem::path const& path = test::fresh_store_location(),
                     store_options options = {.actor = "tester"})
        : s(open_store(path, scenario_clock(std::move(options)))) {
        committee =
            s.add_org({.name = "区委", .kind = org_kind::higher_committee, .established = d(1990, 1, 1)});
        street = s.add_org({.name = "城关街道党工委",
                            .kind = org_kind::working_committee,
                            .parent = committee,
                            .established = d(2000, 1, 1)});
        branch_a = s.add_org({.name = "第一社区党支部",
                              .kind = org_kind::branch,
                              .parent = street,
                              .established = d(2001, 3, 1),
                              .village_or_community = true});
        branch_b = s.add_org({.name = "机关第二党支部",
                              .kind = org_kind::branch,
                              .parent = street,
                              .established = d(2005, 6, 1)});
        village = s.add_org({.name = "东村党支部",
                             .kind = org_kind::branch,
                             .parent = committee,
                             .established = d(1995, 1, 1),
                             .village_or_community = true});
        for (int i = 0; i < 9; ++i)
            b.push_back(s.add_member(
                test::full_member(branch_b, "机关党员" + std::to_string(i), d(2010, 7, 1), 1 + i)));
        auto p = test::full_member(branch_b, "预备党员", d(2025, 6, 1), 10);
        p.full_member_date.reset();
        prob = s.add_member(p);
        for (int i = 0; i < 4; ++i)
            a.push_back(s.add_member(
                test::full_member(branch_a, "社区党员" + std::to_string(i), d(2012, 7, 1), 11 + i)));
    }

    campaign_id open(org_id org) {
        auto const id = open_campaign(s, org, 2025, phase_date(ph::study));
        record_campaign(s, id,
                        participants_added{phase_date(ph::study),
                                           participants_from_roster(s, org, phase_date(ph::study))});
        return id;
    }

    void to_phase(campaign_id id, campaign_phase target) {
        auto const st = campaign_state_of(get_campaign(s, id));
        for (int p = static_cast<int>(*st.phase) + 1; p <= static_cast<int>(target); ++p)
            record_campaign(s, id, phase_started{phase_date(static_cast<ph>(p)), static_cast<ph>(p)});
    }

    // Proposal, conveyed to the member, and the decision, all on `on`.
    void grade_member(campaign_id id, member_id who, grade g, date::sys_days on, std::string reason = {}) {
        record_campaign(s, id, grade_proposed{on, who, g, "测评结果和平时表现"});
        record_campaign(s, id, member_informed{on, who, "支部书记"});
        record_campaign(
            s, id, grade_decided{on, who, g, decision_body::branch_meeting, std::nullopt, std::move(reason)});
    }

    // Filing, investigation, talk (b[0], b[1] or a[0], a[1]) and a carried vote from `on`, one day apart.
    void procedure(member_id who, std::string const& matter, date::sys_days on,
                   std::vector<member_id> talkers) {
        record_disposition(s, who, prior_filed{on, matter, "城关街道党工委"});
        record_disposition(s, who, investigated{on + date::days{1}, matter, "核实属实"});
        std::vector<talker> t;
        for (auto m : talkers)
            t.push_back({m, member_status::full});
        record_disposition(s, who, talk_held{on + date::days{2}, matter, t, ""});
        record_disposition(s, who,
                           branch_meeting_voted{on + date::days{3}, matter, branch_vote{9, 7, 0, 6, 1, 0}});
    }
};

// Every evaluator of `evaluators` grades every member of `members`: 合格, except the listed choices.
std::vector<ballot> ballots_for(std::vector<member_id> const& evaluators,
                                std::vector<member_id> const& members,
                                std::function<grade(member_id, member_id)> choose) {
    std::vector<ballot> out;
    for (auto e : evaluators)
        for (auto m : members)
            out.push_back({e, m, choose(e, m)});
    return out;
}

std::vector<agenda_item> with_rule(std::vector<agenda_item> const& items, std::string const& rule) {
    std::vector<agenda_item> out;
    for (auto const& i : items)
        if (i.rule_id == rule) out.push_back(i);
    return out;
}

std::int64_t count_rows(std::filesystem::path const& path, std::string const& sql) {
    SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
    return db.execAndGet(sql).getInt64();
}
}  // namespace

TEST_CASE(
    "民主评议意见1988 [S] eval.phase_order: a campaign is stored as its records and replays identically "
    "after "
    "reopening the file",
    "[evaluation][store]") {
    auto const dir = test::temp_dir("eval-replay");
    auto const path = dir / "eval.db";
    campaign_id id;
    std::vector<campaign_record> expected;
    campaign before;
    std::int64_t audit_before = 0;
    {
        fixture t(path);
        audit_before = static_cast<std::int64_t>(t.s.audit_log().size());
        auto rec = [&](campaign_record r) {
            record_campaign(t.s, id, r);
            expected.push_back(std::move(r));
        };
        id = open_campaign(t.s, t.branch_b, 2025, phase_date(ph::study), {}, "年度民主评议");
        expected.push_back(phase_started{phase_date(ph::study), ph::study});
        auto roll = participants_from_roster(t.s, t.branch_b, phase_date(ph::study));
        REQUIRE(roll.size() == 10);
        CHECK(roll.back().status == member_status::probationary);
        rec(participants_added{phase_date(ph::study), roll});
        rec(exemption_approved{d(2025, 11, 5), t.b[8], exemption_reason::away_without_transfer,
                               "街道党工委批准", d(2025, 3, 1), "外出务工"});
        rec(phase_started{phase_date(ph::self_assessment), ph::self_assessment});
        for (int i = 0; i < 8; ++i)
            rec(self_assessment_submitted{d(2025, 11, 12), t.b[static_cast<std::size_t>(i)], "党性分析材料"});
        rec(self_assessment_submitted{d(2025, 11, 12), t.prob, "预备党员党性分析"});
        rec(phase_started{phase_date(ph::appraisal_self_review), ph::appraisal_self_review, true});
        rec(non_member_opinion{d(2025, 11, 17), t.b[7], "群众座谈会", "服务态度有待改进"});
        rec(non_member_opinion{d(2025, 11, 17), std::nullopt, "征求意见表", "支部整体评价良好"});
        rec(phase_started{phase_date(ph::appraisal_mutual_review), ph::appraisal_mutual_review, true});
        rec(phase_started{phase_date(ph::appraisal_vote), ph::appraisal_vote});
        std::vector<member_id> const graded(t.b.begin(), t.b.begin() + 8);
        auto const ballots = ballots_for(graded, graded, [&](member_id e, member_id m) {
            if (m == t.b[0] || m == t.b[1]) return grade::excellent;
            if (m == t.b[7] && e.value() % 2 == 0) return grade::basically_qualified;
            return grade::qualified;
        });
        record_ballots(t.s, id, d(2025, 11, 19), ballots, "测评计票");
        for (auto const& c : count_ballots(ballots, d(2025, 11, 19), t.s.rules()))
            expected.emplace_back(c);
        rec(phase_started{phase_date(ph::organisational_assessment), ph::organisational_assessment});
        for (int i = 0; i < 8; ++i) {
            auto const m = t.b[static_cast<std::size_t>(i)];
            auto const g = i < 2 ? grade::excellent : i == 7 ? grade::basically_qualified : grade::qualified;
            rec(grade_proposed{d(2025, 11, 25), m, g, "测评结果和平时表现"});
        }
        for (int i = 0; i < 8; ++i)
            rec(member_informed{d(2025, 11, 26), t.b[static_cast<std::size_t>(i)], "支部书记"});
        rec(grade_decided{d(2025, 11, 28), t.b[0], grade::excellent, decision_body::branch_meeting,
                          branch_vote{9, 8, 0, 8, 0, 0}, ""});
        for (int i = 1; i < 8; ++i) {
            auto const m = t.b[static_cast<std::size_t>(i)];
            auto const g = i < 2 ? grade::excellent : i == 7 ? grade::basically_qualified : grade::qualified;
            rec(grade_decided{d(2025, 11, 28), m, g, decision_body::branch_committee, std::nullopt, ""});
        }
        rec(phase_started{phase_date(ph::commendation_and_handling), ph::commendation_and_handling});
        rec(follow_up{d(2025, 12, 5), t.b[0], follow_up_kind::commended, "通报表扬"});
        rec(follow_up{d(2025, 12, 5), t.b[7], follow_up_kind::helped, "书记谈心谈话"});
        rec(phase_started{phase_date(ph::closed), ph::closed});
        before = get_campaign(t.s, id);
        // One audit row per command: the opening, each record, one for the ballot count.
        auto const log = t.s.audit_log(audit_before);
        CHECK(std::count_if(
                  log.begin(), log.end(),
                  [&](auto const& e) { return e.entity == "campaign" && e.entity_id == id.value(); }) ==
              static_cast<long>(expected.size() -
                                count_ballots(ballots, d(2025, 11, 19), t.s.rules()).size() + 1));
        CHECK(log.front().action == "open");
        CHECK(log.front().why == "年度民主评议");
    }
    auto s = open_store(path);
    auto const after = get_campaign(s, id);
    CHECK(after.records == expected);
    CHECK(after == before);
    CHECK(after.org_name == "机关第二党支部");
    CHECK(after.year == 2025);
    CHECK(after.rule_set_name == "national-2014");
    CHECK(campaign_state_of(after) == campaign_state_of(before));
    auto const list = campaigns(s);
    REQUIRE(list.size() == 1);
    CHECK(list[0].phase == ph::closed);
    CHECK(list[0].began == phase_date(ph::study));
    CHECK(list[0].closed_on == phase_date(ph::closed));
    CHECK(find_campaign(s, list[0].org, 2025) == id);
    CHECK_FALSE(find_campaign(s, list[0].org, 2024).has_value());
    // The placeholder of earlier builds is gone; the records are rows with one column per field.
    CHECK(count_rows(path, "SELECT count(*) FROM sqlite_master WHERE name = 'evaluation_placeholder'") == 0);
    CHECK(count_rows(
              path,
              "SELECT count(*) FROM eval_records WHERE kind = 'grade_decided' AND grade = 'excellent'") == 2);
    CHECK(count_rows(path, "SELECT count(*) FROM eval_participants") == 10);
    std::filesystem::remove_all(dir);
}

TEST_CASE(
    "党员教育管理工作条例2019 [U] eval.one_ballot_per_evaluator: ballots are stored as tallies and voters, "
    "never "
    "who chose what",
    "[evaluation][store]") {
    auto const dir = test::temp_dir("eval-ballots");
    auto const path = dir / "eval.db";
    {
        fixture t(path);
        auto const id = t.open(t.branch_b);
        t.to_phase(id, ph::appraisal_vote);
        std::vector<member_id> const full(t.b.begin(), t.b.end());
        auto const ballots = ballots_for(full, {t.b[0], t.b[1]}, [&](member_id e, member_id) {
            return e == t.b[3] ? grade::basically_qualified : grade::qualified;
        });
        record_ballots(t.s, id, d(2025, 11, 20), ballots);
        auto const st = campaign_state_of(get_campaign(t.s, id));
        CHECK(st.find(t.b[0])->tally[grade::qualified] == 8);
        CHECK(st.find(t.b[0])->tally[grade::basically_qualified] == 1);
        CHECK(st.find(t.b[0])->voters.size() == 9);
        CHECK(st.find(t.b[0])->choices.empty());
        // A second ballot by the same evaluator on the same member, in a later count, is refused.
        std::vector<ballot> const again{{t.b[3], t.b[0], grade::qualified}};
        CHECK(violated_rule([&] { record_ballots(t.s, id, d(2025, 11, 21), again); }) ==
              "eval.one_ballot_per_evaluator");
        // Probationary members get no ballot on a grade.
        std::vector<ballot> const on_prob{{t.b[3], t.prob, grade::qualified}};
        CHECK(violated_rule([&] { record_ballots(t.s, id, d(2025, 11, 21), on_prob); }) ==
              "eval.probationary_not_graded");
        CHECK(invalid_field([&] { record_ballots(t.s, id, d(2025, 11, 21), {}); }) == "ballots");
        auto const log = t.s.audit_log();
        CHECK(log.back().action == "ballots_counted");
        CHECK(log.back().detail == "ballots_counted on 2025-11-20; members=2; ballots=18");
    }
    CHECK(count_rows(path, "SELECT count(*) FROM eval_voters") == 18);
    CHECK(count_rows(path, "SELECT count(*) FROM eval_choices") == 0);
    CHECK(count_rows(path,
                     "SELECT count(*) FROM pragma_table_info('eval_voters') WHERE name LIKE '%grade%'") == 0);
    CHECK(
        count_rows(path,
                   "SELECT tally_qualified * 100 + tally_basically_qualified FROM eval_records WHERE kind = "
                   "'ballots_counted' ORDER BY id LIMIT 1") == 801);
    std::filesystem::remove_all(dir);

    SECTION("a rule set that keeps ballot identity stores each evaluator's choice") {
        auto kept = rule_set::national_2014();
        kept.name = "identity-kept";
        kept.evaluation.keep_ballot_identity = true;
        fixture t(test::fresh_store_location(), {.actor = "tester", .rules = kept});
        auto const id = t.open(t.branch_b);
        CHECK(get_campaign(t.s, id).rule_set_name == "identity-kept");
        t.to_phase(id, ph::appraisal_vote);
        std::vector<ballot> const ballots{{t.b[2], t.b[0], grade::excellent},
                                          {t.b[1], t.b[0], grade::qualified}};
        record_ballots(t.s, id, d(2025, 11, 20), ballots);
        auto const c = get_campaign(t.s, id);
        auto const& counted = std::get<ballots_counted>(c.records.back());
        CHECK(counted.voters == std::vector<member_id>{t.b[1], t.b[2]});
        CHECK(counted.choices ==
              std::vector<identified_choice>{{t.b[1], grade::qualified}, {t.b[2], grade::excellent}});
    }
}

TEST_CASE("民主评议 one campaign per organisation and year: a second one is a conflict",
          "[evaluation][store]") {
    fixture t;
    auto const id = open_campaign(t.s, t.branch_b, 2025, phase_date(ph::study));
    CHECK_THROWS_AS(open_campaign(t.s, t.branch_b, 2025, d(2026, 1, 5)), conflict);
    CHECK(open_campaign(t.s, t.branch_b, 2026, d(2026, 11, 2)) != id);
    CHECK(open_campaign(t.s, t.branch_a, 2025, phase_date(ph::study)).valid());
    CHECK(invalid_field([&] { open_campaign(t.s, t.street, 2025, phase_date(ph::study)); }) == "org");
    CHECK(invalid_field([&] { open_campaign(t.s, t.village, 2025, d(2024, 12, 31)); }) == "year");
    CHECK_NOTHROW(open_campaign(t.s, t.village, 2025, d(2025, 1, 1)));
    CHECK_THROWS_AS(open_campaign(t.s, org_id{404}, 2025, phase_date(ph::study)), not_found);
    CHECK_THROWS_AS(open_campaign(t.s, t.branch_b, 2027, d(2027, 11, 1), "no-such-rules"), not_found);
    CHECK_THROWS_AS(
        record_campaign(t.s, campaign_id{404}, phase_started{d(2025, 11, 10), ph::self_assessment}),
        not_found);
    CHECK_THROWS_AS(get_campaign(t.s, campaign_id{404}), not_found);
    CHECK(campaigns(t.s, scope::all(), 2025).size() == 3);
    CHECK(campaigns(t.s, scope::subtree(t.street), 2025).size() == 2);
    CHECK(campaigns(t.s, scope::subtree(t.branch_b)).size() == 2);
    CHECK_THROWS_AS(campaigns(t.s, scope::subtree(org_id{404})), not_found);
}

TEST_CASE("民主评议 participants come from the roster: status, standing and relationship are checked",
          "[evaluation][store]") {
    fixture t;
    t.s.record_standing(t.b[4], {standing_event_kind::suspended, d(2025, 10, 9), "失联", "支部"});
    auto const roll = participants_from_roster(t.s, t.branch_b, phase_date(ph::study));
    CHECK(roll.size() == 9);  // the suspended member takes no part
    CHECK(std::none_of(roll.begin(), roll.end(), [&](auto const& p) { return p.member == t.b[4]; }));
    auto const earlier = participants_from_roster(t.s, t.branch_b, d(2025, 5, 31));
    CHECK(earlier.size() == 9);  // before the suspension and before the probationary member's admission
    CHECK(std::any_of(earlier.begin(), earlier.end(), [&](auto const& p) { return p.member == t.b[4]; }));
    CHECK(std::none_of(earlier.begin(), earlier.end(), [&](auto const& p) { return p.member == t.prob; }));
    CHECK_THROWS_AS(participants_from_roster(t.s, org_id{404}, phase_date(ph::study)), not_found);

    auto const id = open_campaign(t.s, t.branch_b, 2025, phase_date(ph::study));
    auto const on = phase_date(ph::study);
    auto add = [&](participant p) { record_campaign(t.s, id, participants_added{on, {std::move(p)}}); };
    CHECK(invalid_field([&] { add({t.prob, "预备党员", member_status::full, std::nullopt}); }) == "status");
    CHECK(invalid_field([&] {
              add({t.b[4], "机关党员4", member_status::full, std::nullopt});
          }) == "participants");
    CHECK(invalid_field([&] {
              add({t.a[0], "社区党员0", member_status::full, std::nullopt});
          }) == "participants");
    CHECK(invalid_field([&] {
              add({t.a[0], "社区党员0", member_status::full, t.village});
          }) == "relationship_in");
    CHECK(invalid_field([&] {
              add({member_id{404}, "无此人", member_status::full, std::nullopt});
          }) == "participants");
    CHECK(get_campaign(t.s, id).records.size() == 1);
    add({t.a[0], "社区党员0", member_status::full, t.branch_a});  // a mobile member evaluated here
    add(roll.front());
    CHECK(campaign_state_of(get_campaign(t.s, id)).participants.size() == 2);
}

TEST_CASE(
    "民主评议意见1988 [S] eval.unqualified_needs_assessment: refused campaign and disposition commands leave "
    "the "
    "file byte-for-byte unchanged",
    "[evaluation][store]") {
    auto const dir = test::temp_dir("eval-bytes");
    auto const path = dir / "eval.db";
    fixture t(path);
    auto const id = t.open(t.branch_b);
    t.to_phase(id, ph::organisational_assessment);
    for (int i = 0; i < 3; ++i)
        t.grade_member(id, t.b[static_cast<std::size_t>(i)], grade::excellent, d(2025, 11, 26));
    record_campaign(t.s, id, grade_proposed{d(2025, 11, 26), t.b[5], grade::unqualified, "测评结果"});
    record_campaign(t.s, id, grade_proposed{d(2025, 11, 26), t.b[3], grade::excellent, "测评结果"});
    record_campaign(t.s, id, member_informed{d(2025, 11, 26), t.b[3], "支部书记"});
    open_disposition(t.s, t.a[1],
                     {d(2026, 3, 2), "长期不参加组织生活", disposition_ground::org_life_or_dues_lapses,
                      disposition_form::correction, member_status::full, "社区支部委员会"});
    auto const before = test::store_hash(path);
    auto const audit = t.s.audit_log().size();

    // Campaign commands.
    CHECK(violated_rule([&] {
              record_campaign(t.s, id,
                              grade_decided{d(2025, 11, 27), t.b[5], grade::unqualified,
                                            decision_body::branch_meeting, std::nullopt, ""});
          }) == "eval.unqualified_needs_assessment");
    CHECK(violated_rule([&] {
              record_campaign(t.s, id,
                              grade_decided{d(2025, 11, 27), t.b[3], grade::excellent,
                                            decision_body::branch_meeting, std::nullopt, ""});
          }) == "eval.excellent_share_cap");
    CHECK(violated_rule([&] {
              record_campaign(t.s, id, phase_started{d(2025, 11, 28), ph::closed});
          }) == "eval.phase_order");
    std::vector<ballot> const late{{t.b[1], t.b[2], grade::qualified}};
    CHECK(violated_rule([&] { record_ballots(t.s, id, d(2025, 11, 28), late); }) ==
          "eval.ballot_in_appraisal");
    CHECK(violated_rule([&] { t.grade_member(id, t.prob, grade::qualified, d(2025, 11, 28)); }) ==
          "eval.probationary_not_graded");
    CHECK(invalid_field([&] {
              record_campaign(t.s, id, member_informed{d(2025, 11, 28), t.b[6], ""});
          }) == "member");
    CHECK(invalid_field([&] {
              record_campaign(t.s, id, self_assessment_submitted{d(2025, 11, 1), t.b[6], "x"});
          }) == "date");
    CHECK_THROWS_AS(open_campaign(t.s, t.branch_b, 2025, d(2026, 1, 5)), conflict);
    // Disposition commands.
    CHECK(violated_rule([&] {
              record_disposition(
                  t.s, t.a[1],
                  branch_meeting_voted{d(2026, 3, 5), "长期不参加组织生活", branch_vote{4, 4, 0, 4, 0, 0}});
          }) == "disposition.procedure_order");
    CHECK(violated_rule([&] {
              open_disposition(t.s, t.b[6],
                               {d(2026, 3, 2), "信仰宗教", disposition_ground::religious_belief,
                                disposition_form::removal, member_status::full, "支部委员会"});
          }) == "disposition.grounds");
    CHECK(invalid_field([&] {
              open_disposition(t.s, t.prob,
                               {d(2026, 3, 2), "消极懈怠", disposition_ground::passivity,
                                disposition_form::correction, member_status::full, "支部委员会"});
          }) == "status");
    CHECK(violated_rule([&] {
              open_disposition(t.s, t.prob,
                               {d(2026, 3, 2), "消极懈怠", disposition_ground::passivity,
                                disposition_form::correction, member_status::probationary, "支部委员会"});
          }) == "disposition.not_for_probationary");
    CHECK(invalid_field([&] {
              open_disposition(t.s, t.b[6],
                               {d(2026, 3, 2), "2025年度民主评议不合格", disposition_ground::passivity,
                                disposition_form::correction, member_status::full, "支部委员会", id});
          }) == "campaign");
    CHECK_THROWS_AS(record_disposition(t.s, t.b[6], investigated{d(2026, 3, 3), "x", ""}), not_found);
    CHECK_THROWS_AS(open_disposition(t.s, member_id{404},
                                     {d(2026, 3, 2), "x", disposition_ground::passivity,
                                      disposition_form::correction, member_status::full, ""}),
                    not_found);
    CHECK(test::store_hash(path) == before);
    CHECK(t.s.audit_log().size() == audit);
    // A reason makes the soft cap accept a fourth 优秀; the file changes then.
    record_campaign(t.s, id,
                    grade_decided{d(2025, 11, 27), t.b[3], grade::excellent, decision_body::branch_meeting,
                                  std::nullopt, "抗洪抢险表现突出"});
    CHECK(test::store_hash(path) != before);
    CHECK(grade_distributions(t.s).at(0).excellent_share == Approx(4.0 / 9));
    std::filesystem::remove_all(dir);
}

TEST_CASE(
    "党员教育管理工作条例2019 [S] eval.one_grade_per_year: a mobile member is graded at the host, the result "
    "is "
    "sent home, and no second grade is stored",
    "[evaluation][store]") {
    fixture t;
    auto const mobile = t.a[0];
    auto const host = open_campaign(t.s, t.branch_b, 2025, phase_date(ph::study));
    auto roll = participants_from_roster(t.s, t.branch_b, phase_date(ph::study));
    roll.push_back({mobile, "社区党员0", member_status::full, t.branch_a});
    record_campaign(t.s, host, participants_added{phase_date(ph::study), roll});
    auto const home = t.open(t.branch_a);
    t.to_phase(host, ph::organisational_assessment);
    t.to_phase(home, ph::organisational_assessment);

    t.grade_member(host, mobile, grade::excellent, d(2025, 11, 26));
    CHECK(grade_of(t.s, mobile, 2025)->org == t.branch_b);
    CHECK_FALSE(grade_of(t.s, mobile, 2024).has_value());
    // The host decides; the home branch may not decide a second grade.
    record_campaign(t.s, home, grade_proposed{d(2025, 11, 27), mobile, grade::qualified, ""});
    record_campaign(t.s, home, member_informed{d(2025, 11, 27), mobile, ""});
    CHECK(violated_rule([&] {
              record_campaign(t.s, home,
                              grade_decided{d(2025, 11, 27), mobile, grade::qualified,
                                            decision_body::branch_meeting, std::nullopt, ""});
          }) == "eval.one_grade_per_year");
    auto const items = t.s.agenda(d(2025, 11, 27), scope::subtree(t.branch_b));
    CHECK(with_rule(items, "eval.one_grade_per_year").size() == 1);  // send the result home
    record_campaign(t.s, host, result_sent{d(2025, 11, 28), mobile, t.branch_a});
    CHECK(with_rule(t.s.agenda(d(2025, 11, 28), scope::subtree(t.branch_b)), "eval.one_grade_per_year")
              .empty());
    CHECK(invalid_field([&] {
              record_campaign(t.s, home,
                              result_received{d(2025, 11, 29), mobile, t.branch_b, grade::qualified});
          }) == "received");
    record_campaign(t.s, home, result_received{d(2025, 11, 29), mobile, t.branch_b, grade::excellent});
    auto const grades = decided_grades(t.s, 2025);
    REQUIRE(grades.size() == 1);
    CHECK(grades[0] == final_grade{mobile, 2025, t.branch_b, grade::excellent, d(2025, 11, 26)});

    auto const dist = grade_distributions(t.s, scope::all(), 2025);
    REQUIRE(dist.size() == 2);
    auto const& home_row = dist[0].org == t.branch_a ? dist[0] : dist[1];
    auto const& host_row = dist[0].org == t.branch_b ? dist[0] : dist[1];
    CHECK(home_row[grade::excellent] == 1);  // counted at home, where the relationship is
    CHECK(home_row.denominator == 4);
    CHECK(host_row.graded_for_others == 1);
    CHECK(host_row[grade::excellent] == 0);
    CHECK(host_row.denominator == 9);
    CHECK(host_row.probationary == 1);
    CHECK(host_row.pending == 9);
}

TEST_CASE(
    "共产党员网专题 [S] eval.excellent_share_cap: the grade distribution gives the 优秀 share and its "
    "denominator",
    "[evaluation][store]") {
    fixture t;
    auto const id = t.open(t.branch_b);
    t.to_phase(id, ph::organisational_assessment);
    for (int i = 0; i < 9; ++i) {
        auto const m = t.b[static_cast<std::size_t>(i)];
        t.grade_member(id, m,
                       i < 3    ? grade::excellent
                       : i == 8 ? grade::basically_qualified
                                : grade::qualified,
                       d(2025, 11, 26));
    }
    auto dist = grade_distributions(t.s, scope::subtree(t.street));
    REQUIRE(dist.size() == 1);
    CHECK(dist[0].counts == std::array<int, grade_count>{3, 5, 1, 0});
    CHECK(dist[0].denominator == 9);  // the probationary member is not counted
    CHECK(dist[0].excellent_cap == 3);
    CHECK(dist[0].excellent_share == Approx(1.0 / 3));
    CHECK(dist[0].graded() == 9);
    CHECK(dist[0].pending == 0);
    CHECK(dist[0].probationary == 1);
    CHECK(dist[0].phase == ph::organisational_assessment);
    CHECK(grade_distributions(t.s, scope::subtree(t.branch_a)).empty());
    CHECK(grade_distributions(t.s, scope::all(), 2024).empty());
}

TEST_CASE(
    "共产党员网专题 [S] eval.follow_up: members graded 基本合格 or 不合格 are listed with their follow-up "
    "and "
    "dispositions",
    "[evaluation][store]") {
    fixture t;
    auto const id = t.open(t.branch_b);
    t.to_phase(id, ph::organisational_assessment);
    t.grade_member(id, t.b[1], grade::basically_qualified, d(2025, 11, 26));
    t.grade_member(id, t.b[2], grade::unqualified, d(2025, 11, 26));
    t.grade_member(id, t.b[3], grade::qualified, d(2025, 11, 26));
    t.to_phase(id, ph::commendation_and_handling);
    auto const due = with_rule(t.s.agenda(d(2025, 12, 2), scope::subtree(t.branch_b)), "eval.follow_up");
    CHECK(due.size() == 2);
    CHECK(with_rule(t.s.agenda(d(2025, 12, 2), scope::subtree(t.branch_a)), "eval.follow_up").empty());

    record_campaign(t.s, id, follow_up{d(2025, 12, 3), t.b[1], follow_up_kind::helped, "谈心谈话"});
    CHECK(violated_rule([&] {
              record_campaign(t.s, id, follow_up{d(2025, 12, 3), t.b[2], follow_up_kind::encouraged, ""});
          }) == "eval.follow_up");
    record_campaign(t.s, id, follow_up{d(2025, 12, 4), t.b[2], follow_up_kind::disposition_opened, ""});
    open_disposition(t.s, t.b[2],
                     {d(2025, 12, 8), "2025年度民主评议不合格", disposition_ground::passivity,
                      disposition_form::correction, member_status::full, "机关第二党支部委员会", id});

    auto const rows = low_grade_follow_ups(t.s, scope::subtree(t.street), 2025);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].member == t.b[1]);
    CHECK(rows[0].final == grade::basically_qualified);
    CHECK(rows[0].followed_up);
    CHECK(rows[0].follow_ups == std::vector<follow_up_kind>{follow_up_kind::helped});
    CHECK(rows[0].dispositions.empty());
    CHECK(rows[1].member == t.b[2]);
    CHECK(rows[1].final == grade::unqualified);
    CHECK(rows[1].graded_by == t.branch_b);
    CHECK(rows[1].graded_on == d(2025, 11, 26));
    REQUIRE(rows[1].dispositions.size() == 1);
    CHECK(rows[1].dispositions[0].matter == "2025年度民主评议不合格");
    CHECK(rows[1].dispositions[0].outcome == disposition_outcome::pending);
    CHECK(low_grade_follow_ups(t.s, scope::subtree(t.branch_a)).empty());
    CHECK(with_rule(t.s.agenda(d(2025, 12, 9), scope::subtree(t.branch_b)), "eval.follow_up").empty());
}

TEST_CASE(
    "党内政治生活若干准则2016 [S] eval.party_spirit_analysis: a running campaign puts missing "
    "self-assessments on "
    "the store's agenda, in scope",
    "[evaluation][store][agenda]") {
    fixture t;
    auto const id = t.open(t.branch_b);
    t.to_phase(id, ph::self_assessment);
    record_campaign(t.s, id, self_assessment_submitted{d(2025, 11, 11), t.b[0], "党性分析"});
    auto const items =
        with_rule(t.s.agenda(d(2025, 11, 12), scope::subtree(t.street)), "eval.party_spirit_analysis");
    REQUIRE(items.size() == 9);  // 8 full members and the probationary one
    CHECK(items.front().kind == "eval.self_assessment_missing");
    CHECK(items.front().org == t.branch_b);
    CHECK(items.front().status == agenda_status::finding);
    CHECK(with_rule(t.s.agenda(d(2025, 11, 12), scope::subtree(t.branch_a)), "eval.party_spirit_analysis")
              .empty());
    // Before the campaign began, and after it closed, it shows nothing.
    CHECK(with_rule(t.s.agenda(d(2025, 11, 2)), "eval.party_spirit_analysis").empty());
    t.to_phase(id, ph::closed);
    CHECK(with_rule(t.s.agenda(d(2025, 12, 15)), "eval.party_spirit_analysis").empty());
    CHECK(with_rule(t.s.agenda(d(2025, 11, 12)), "eval.party_spirit_analysis").size() == 9);
}

TEST_CASE(
    "处置办法2024 [S] disposition.correction_period: a 限期改正 is replayed from the file and its review "
    "date is on "
    "the agenda",
    "[evaluation][store][agenda]") {
    auto const dir = test::temp_dir("eval-disposition");
    auto const path = dir / "eval.db";
    std::string const matter = "长期不参加组织生活";
    member_id who;
    disposition_file before;
    {
        fixture t(path);
        who = t.a[2];
        open_disposition(t.s, who,
                         {d(2026, 5, 8), matter, disposition_ground::org_life_or_dues_lapses,
                          disposition_form::correction, member_status::full, "第一社区党支部委员会"});
        t.procedure(who, matter, d(2026, 5, 11), {t.a[0], t.a[1]});
        record_disposition(
            t.s, who, disposition_approved{d(2026, 6, 12), matter, "城关街道党工委", std::nullopt}, "批复");
        before = get_disposition_file(t.s, who);
        CHECK(before.records.size() == 6);
        auto const log = t.s.audit_log();
        CHECK(log.back().entity == "disposition");
        CHECK(log.back().entity_id == who.value());
        CHECK(log.back().action == "disposition_approved");
        CHECK(log.back().why == "批复");
    }
    auto s = open_store(path, scenario_clock({}));  // later records reach past the real today
    auto const after = get_disposition_file(s, who);
    CHECK(after == before);
    CHECK(after.member_name == "社区党员2");
    auto org_named = [&](std::string const& name) {
        for (auto const& o : s.orgs())
            if (o.name == name) return o.id;
        return org_id{};
    };
    auto const street = org_named("城关街道党工委");
    auto review = [&](date::sys_days on, scope sc) {
        return with_rule(s.agenda(on, sc), "disposition.correction_period");
    };
    CHECK(review(d(2026, 11, 11), scope::all()).empty());  // one month ahead: from 2026-11-12
    auto const items = review(d(2026, 11, 12), scope::subtree(street));
    REQUIRE(items.size() == 1);
    CHECK(items[0].due == d(2026, 12, 12));
    CHECK(items[0].status == agenda_status::upcoming);
    CHECK(items[0].member == who);
    CHECK(review(d(2026, 12, 12), scope::all())[0].status == agenda_status::due);
    CHECK(review(d(2026, 12, 13), scope::all())[0].status == agenda_status::overdue);
    auto const branch_b = org_named("机关第二党支部");
    CHECK(review(d(2026, 11, 26), scope::subtree(branch_b)).empty());
    auto const open = disposition_overviews(s, d(2026, 11, 26), scope::subtree(street));
    REQUIRE(open.size() == 1);
    CHECK(open[0].deadline == d(2026, 12, 12));
    CHECK(open[0].state.outcome == disposition_outcome::correcting);
    CHECK(open[0].next_step == "review the correction on 2026-12-12");
    CHECK(disposition_overviews(s, d(2026, 11, 26), scope::subtree(branch_b)).empty());
    CHECK(disposition_overviews(s, d(2026, 5, 9)).at(0).next_step ==
          "事前备案 with the grassroots committee");
    // Reviewed without change only at the end of the period.
    CHECK(violated_rule([&] {
              record_disposition(s, who, correction_reviewed{d(2026, 12, 11), matter, false, ""});
          }) == "disposition.correction_period");
    record_disposition(s, who, correction_reviewed{d(2026, 12, 12), matter, true, "已改正"});
    CHECK(disposition_overviews(s, d(2026, 12, 13)).empty());
    CHECK(disposition_overviews(s, d(2026, 12, 13), scope::all(), false).size() == 1);
    CHECK(review(d(2026, 12, 13), scope::all()).empty());
    std::filesystem::remove_all(dir);
}

TEST_CASE(
    "处置办法2024 第3-5条 [S] disposition.forms: 除名 and 劝退 end the membership in the same transaction as "
    "the record",
    "[evaluation][store]") {
    fixture t;
    SECTION("除名 on approval") {
        auto const who = t.b[5];
        std::string const matter = "丧失党员条件";
        open_disposition(t.s, who,
                         {d(2026, 1, 5), matter, disposition_ground::lost_member_conditions,
                          disposition_form::removal, member_status::full, "机关第二党支部委员会"});
        t.procedure(who, matter, d(2026, 1, 6), {t.b[0], t.b[1]});
        auto const seq = t.s.audit_log().back().seq;
        record_disposition(t.s, who,
                           disposition_approved{d(2026, 1, 20), matter, "城关街道党工委", std::nullopt});
        auto const st = t.s.standing_on(who, d(2026, 1, 20));
        CHECK(st->state == standing_state::exited);
        CHECK(st->last_event == standing_event_kind::removed);
        auto const history = t.s.standing_history(who);
        REQUIRE(history.size() == 1);
        CHECK(history[0].decided_by == "城关街道党工委");
        CHECK(t.s.standing_on(who, d(2026, 1, 19))->state == standing_state::normal);
        auto const roster = t.s.roster(scope::subtree(t.branch_b), d(2026, 2, 1));
        CHECK(std::none_of(roster.begin(), roster.end(), [&](auto const& m) { return m.id == who; }));
        auto const log = t.s.audit_log(seq);
        REQUIRE(log.size() == 2);
        CHECK(log[0].entity == "disposition");
        CHECK(log[1].entity == "standing");
        CHECK(log[1].action == "removed");
        // Nothing more can be opened for a member who left.
        CHECK(violated_rule([&] {
                  open_disposition(t.s, who,
                                   {d(2026, 2, 1), "其他", disposition_ground::passivity,
                                    disposition_form::correction, member_status::full, ""});
              }) == "standing.final_exits");
        // The development pipeline reads the standing history: no new application within 5 years.
        auto const m = t.s.get_member(who);
        applicant again;
        again.name = m.name;
        again.sex = m.sex;
        again.birth_date = m.birth_date;
        again.id_number = m.id_number;
        again.branch = t.branch_b;
        CHECK(violated_rule([&] { open_case(t.s, again, application_submitted_step{d(2031, 1, 19)}); }) ==
              "disposition.readmission_bar_5_years");
        CHECK_NOTHROW(open_case(t.s, again, application_submitted_step{d(2031, 1, 20)}));
    }
    SECTION("劝退 when the member withdraws") {
        auto const who = t.b[6];
        std::string const matter = "以退党相要挟";
        open_disposition(t.s, who,
                         {d(2026, 1, 5), matter, disposition_ground::threatening_to_quit,
                          disposition_form::persuasion, member_status::full, "机关第二党支部委员会"});
        t.procedure(who, matter, d(2026, 1, 6), {t.b[0], t.b[1]});
        CHECK(invalid_field([&] {
                  record_disposition(
                      t.s, who,
                      disposition_approved{d(2026, 1, 20), matter, "城关街道党工委", d(2026, 6, 1)});
              }) == "correct_until");
        record_disposition(t.s, who,
                           disposition_approved{d(2026, 1, 20), matter, "城关街道党工委", std::nullopt});
        CHECK(t.s.standing_on(who, d(2026, 1, 25))->state == standing_state::normal);
        auto const items =
            with_rule(t.s.agenda(d(2026, 1, 25), scope::subtree(t.branch_b)), "disposition.forms");
        REQUIRE(items.size() == 1);
        CHECK(items[0].kind == "disposition.persuasion_answer");
        record_disposition(t.s, who, persuasion_answered{d(2026, 2, 1), matter, true});
        auto const st = t.s.standing_on(who, d(2026, 2, 1));
        CHECK(st->state == standing_state::exited);
        CHECK(st->last_event == standing_event_kind::persuaded_to_withdraw);
        CHECK(disposition_overviews(t.s, d(2026, 2, 2)).empty());
        CHECK(disposition_overviews(t.s, d(2026, 1, 25)).at(0).next_step ==
              "record whether the member withdrew or refused (劝而不退)");
    }
    SECTION("a talker's status is checked against the roster") {
        auto const who = t.b[7];
        std::string const matter = "消极懈怠";
        open_disposition(t.s, who,
                         {d(2026, 1, 5), matter, disposition_ground::passivity, disposition_form::correction,
                          member_status::full, "支部委员会"});
        record_disposition(t.s, who, investigated{d(2026, 1, 6), matter, ""});
        CHECK(invalid_field([&] {
                  record_disposition(t.s, who,
                                     talk_held{d(2026, 1, 7),
                                               matter,
                                               {{t.b[0], member_status::full}, {t.prob, member_status::full}},
                                               ""});
              }) == "talkers");
        CHECK(violated_rule([&] {
                  record_disposition(
                      t.s, who,
                      talk_held{d(2026, 1, 7),
                                matter,
                                {{t.b[0], member_status::full}, {t.prob, member_status::probationary}},
                                ""});
              }) == "disposition.talk_two_full_members");
        CHECK(invalid_field([&] {
                  record_disposition(
                      t.s, who,
                      talk_held{d(2026, 1, 7),
                                matter,
                                {{t.b[0], member_status::full}, {member_id{404}, member_status::full}},
                                ""});
              }) == "talkers");
    }
}

TEST_CASE(
    "党员教育管理工作条例2019 第24条 [C] standing.transitions: a 劝退 the standing rules refuse writes "
    "neither the "
    "record nor a standing event",
    "[evaluation][store]") {
    auto const dir = test::temp_dir("eval-standing");
    auto const path = dir / "eval.db";
    fixture t(path);
    auto const who = t.b[4];
    std::string const matter = "以退党相要挟";
    open_disposition(t.s, who,
                     {d(2026, 1, 5), matter, disposition_ground::threatening_to_quit,
                      disposition_form::persuasion, member_status::full, "支部委员会"});
    t.procedure(who, matter, d(2026, 1, 6), {t.b[0], t.b[1]});
    record_disposition(t.s, who,
                       disposition_approved{d(2026, 1, 20), matter, "城关街道党工委", std::nullopt});
    t.s.record_standing(who, {standing_event_kind::suspended, d(2026, 1, 25), "失联", "支部"});
    auto const before = test::store_hash(path);
    CHECK(violated_rule([&] {
              record_disposition(t.s, who, persuasion_answered{d(2026, 2, 1), matter, true});
          }) == "standing.transitions");
    CHECK(test::store_hash(path) == before);
    CHECK(get_disposition_file(t.s, who).records.size() == 6);
    CHECK(t.s.standing_on(who, d(2026, 2, 1))->state == standing_state::suspended);
    // Refusing to withdraw changes no standing and is recorded.
    record_disposition(t.s, who, persuasion_answered{d(2026, 2, 1), matter, false});
    CHECK(t.s.standing_history(who).size() == 1);
    CHECK(disposition_overviews(t.s, d(2026, 2, 2), scope::all(), false).at(0).next_step ==
          "除名 may follow");
    std::filesystem::remove_all(dir);
}

TEST_CASE(
    "处置办法2024 [S] disposition.lost_contact_6_months_to_2_years, "
    "disposition.suspended_unreachable_2_years, "
    "disposition.six_months_inactive: the store checks the grounds against its contact, standing, dues and "
    "organisational-life records",
    "[evaluation][store]") {
    auto const dir = test::temp_dir("eval-facts");
    auto const path = dir / "eval.db";
    fixture t(path);
    auto const opening = [&](member_id who, date::sys_days on, std::string matter, disposition_ground g) {
        return violated_rule([&] {
            open_disposition(t.s, who,
                             {on, std::move(matter), g, row_of(g).form, member_status::full, "支部委员会"});
        });
    };
    using g = disposition_ground;
    auto const ym = [](int y, unsigned m) { return date::year{y} / date::month{m}; };
    // Lost contact 6 months – 2 years: reached on 2025-12-05, three months before the opening.
    auto const lost = t.b[2];
    open_contact_log(t.s, lost, d(2025, 6, 1));
    record_contact(t.s, lost, contact_reached{d(2025, 12, 5), "电话", "书记", "已联系上"});
    auto before = test::store_hash(path);
    CHECK(opening(lost, d(2026, 3, 5), "失联", g::lost_contact_6_months_to_2_years) ==
          "disposition.lost_contact_6_months_to_2_years");
    CHECK(test::store_hash(path) == before);
    CHECK(opening(lost, d(2026, 6, 4), "失联", g::lost_contact_6_months_to_2_years) ==
          "disposition.lost_contact_6_months_to_2_years");  // day before the 6 months
    CHECK(opening(lost, d(2026, 6, 5), "失联", g::lost_contact_6_months_to_2_years).empty());
    // Out of contact 2 years or more: suspension applies, not 限期改正.
    auto const gone = t.b[3];
    open_contact_log(t.s, gone, d(2023, 1, 10));
    CHECK(opening(gone, d(2025, 1, 10), "失联", g::lost_contact_6_months_to_2_years) ==
          "disposition.lost_contact_6_months_to_2_years");
    // 除名 after 2 years of suspension: not suspended, suspended too recently, then on the anniversary.
    CHECK(opening(gone, d(2025, 1, 10), "失联两年", g::suspended_unreachable_2_years) ==
          "disposition.suspended_unreachable_2_years");
    t.s.record_standing(gone, {standing_event_kind::suspended, d(2023, 8, 1), "失联超过6个月", "支部大会"});
    CHECK(opening(gone, d(2025, 7, 31), "失联两年", g::suspended_unreachable_2_years) ==
          "disposition.suspended_unreachable_2_years");
    CHECK(opening(gone, d(2025, 8, 1), "失联两年", g::suspended_unreachable_2_years).empty());
    // Six months without dues while dues were paid in the window.
    auto const payer = t.b[4];
    open_dues_account(t.s, payer, {ym(2025, 1), dues_category::employed, fen::yuan(4000)},
                      {.ledger_start = ym(2025, 1)});
    record_dues_payment(t.s,
                        dues_payment{payer, ym(2025, 11), fen::yuan(40), false, dues_paid_at::home_org,
                                     t.branch_b, "组织委员", d(2025, 11, 10)},
                        d(2025, 11, 10));
    before = test::store_hash(path);
    CHECK(opening(payer, d(2026, 3, 1), "连续6个月", g::six_months_inactive) ==
          "disposition.six_months_inactive");
    CHECK(test::store_hash(path) == before);
    // Last paid for November 2025: December to May unpaid → the ground holds from 2026-06-01.
    CHECK(opening(payer, d(2026, 5, 31), "连续6个月", g::six_months_inactive) ==
          "disposition.six_months_inactive");
    CHECK(opening(payer, d(2026, 6, 1), "连续6个月", g::six_months_inactive).empty());
    // No records of dues or org life: nothing contradicts the ground.
    CHECK(opening(t.b[5], d(2026, 3, 1), "连续6个月", g::six_months_inactive).empty());
    std::filesystem::remove_all(dir);
}

}  // namespace evaluation_store_test_cases
