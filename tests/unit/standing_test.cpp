#include <catch2/catch.hpp>

#include <vector>

#include "rules_test_prelude.hpp"

namespace standing_test_cases {

namespace {
using k = standing_event_kind;

// Appends `e` after checking it, as the store does.
void apply(member const& m, std::vector<standing_event>& h, standing_event e) {
    check_standing_event(m, h, e);
    h.push_back(std::move(e));
}
}  // namespace

TEST_CASE("党员教育管理工作条例 第24条 [C] standing.transitions: suspend, restore, exits follow the table",
          "[standing]") {
    auto const m = test::full_member(org_id{1}, "张三", d(2010, 7, 1));
    std::vector<standing_event> h;
    CHECK(violated_rule([&] {
              apply(m, h, {k::restored, d(2015, 1, 1), "", ""});
          }) == "standing.transitions");
    apply(m, h, {k::suspended, d(2015, 1, 1), "失联超过6个月", "第一党支部"});
    CHECK(violated_rule([&] {
              apply(m, h, {k::suspended, d(2015, 2, 1), "", ""});
          }) == "standing.transitions");
    CHECK(violated_rule([&] {
              apply(m, h, {k::persuaded_to_withdraw, d(2015, 2, 1), "", ""});
          }) == "standing.transitions");
    apply(m, h, {k::restored, d(2016, 1, 1), "恢复联系", "第一党支部"});
    CHECK(standing_on(m, h, d(2015, 12, 31))->state == standing_state::suspended);
    CHECK(standing_on(m, h, d(2016, 1, 1))->state == standing_state::normal);
    CHECK(standing_on(m, h, d(2014, 12, 31))->state == standing_state::normal);
    CHECK_FALSE(standing_on(m, h, d(2010, 6, 30)).has_value());
}

TEST_CASE("党员教育管理工作条例 第24条 [C] standing.final_exits: no exit can be restored", "[standing]") {
    auto const m = test::full_member(org_id{1}, "李四", d(2010, 7, 1));
    for (auto exit : {k::removed_self_withdrawal, k::removed, k::persuaded_to_withdraw, k::expelled,
                      k::withdrew, k::died}) {
        std::vector<standing_event> h;
        apply(m, h, {exit, d(2020, 1, 1), "", ""});
        CHECK(standing_on(m, h, d(2020, 1, 1))->state == standing_state::exited);
        CHECK(violated_rule([&] {
                  apply(m, h, {k::restored, d(2021, 1, 1), "", ""});
              }) == "standing.final_exits");
        CHECK(violated_rule([&] {
                  apply(m, h, {k::suspended, d(2021, 1, 1), "", ""});
              }) == "standing.final_exits");
        CHECK(h.size() == 1);
    }
    // After suspension, removal as self-withdrawal is final as well.
    std::vector<standing_event> h;
    apply(m, h, {k::suspended, d(2018, 1, 1), "失联", ""});
    apply(m, h, {k::removed_self_withdrawal, d(2020, 1, 2), "停止党籍2年仍无法取得联系", ""});
    CHECK(violated_rule([&] {
              apply(m, h, {k::restored, d(2021, 1, 1), "", ""});
          }) == "standing.final_exits");
}

TEST_CASE("细则2014 第32-33条 [C] standing.probation_cancel: only probationary status can be cancelled",
          "[standing]") {
    auto const m = test::full_member(org_id{1}, "王五", d(2024, 5, 20));  // full from 2025-05-20
    std::vector<standing_event> h;
    CHECK(violated_rule([&] {
              apply(m, h, {k::probation_cancelled, d(2025, 5, 20), "", ""});
          }) == "standing.probation_cancel");
    apply(m, h, {k::probation_cancelled, d(2025, 5, 19), "不具备党员条件", "支部大会; 党委批准"});
    CHECK(standing_on(m, h, d(2025, 6, 1))->last_event == k::probation_cancelled);
}

TEST_CASE(
    "细则2014 [S] standing.no_persuasion_of_probationary: probationary members are not persuaded to withdraw",
    "[standing]") {
    auto const m = test::full_member(org_id{1}, "赵六", d(2024, 5, 20));
    std::vector<standing_event> h;
    CHECK(violated_rule([&] {
              apply(m, h, {k::persuaded_to_withdraw, d(2025, 5, 19), "", ""});
          }) == "standing.no_persuasion_of_probationary");
    CHECK_NOTHROW(apply(m, h, {k::persuaded_to_withdraw, d(2025, 5, 20), "", ""}));
}

TEST_CASE("standing: events before admission or before the last event are refused on the date field",
          "[standing]") {
    auto const m = test::full_member(org_id{1}, "钱七", d(2010, 7, 1));
    std::vector<standing_event> h;
    CHECK_THROWS_MATCHES(
        apply(m, h, {k::suspended, d(2010, 6, 30), "", ""}), invalid_input,
        Catch::Matchers::Predicate<invalid_input>([](auto& e) { return e.field() == "date"; }));
    apply(m, h, {k::suspended, d(2015, 1, 1), "", ""});
    CHECK_THROWS_AS(apply(m, h, {k::restored, d(2014, 12, 31), "", ""}), invalid_input);
    CHECK(parse_standing_event_kind("开除党籍") == k::expelled);
    CHECK_THROWS_AS(parse_standing_event_kind("留党察看"), invalid_input);
}

TEST_CASE("党章 第7条 [C] standing.party_age_from_full: party age counts from the full-member date",
          "[standing]") {
    auto const m = test::full_member(org_id{1}, "孙八", d(2009, 7, 1));  // full 2010-07-01
    std::vector<standing_event> const none;
    CHECK_FALSE(party_age_on(m, none, d(2010, 6, 30), rules).has_value());  // still probationary
    CHECK(party_age_on(m, none, d(2010, 7, 1), rules) == 0);
    CHECK(party_age_on(m, none, d(2020, 6, 30), rules) == 9);
    CHECK(party_age_on(m, none, d(2020, 7, 1), rules) == 10);
    // An exit stops the count.
    std::vector<standing_event> h{{k::died, d(2015, 7, 2), "", ""}};
    CHECK(party_age_on(m, h, d(2026, 1, 1), rules) == 5);
    // A full-member date of 29 February.
    auto leap = test::full_member(org_id{1}, "周九", d(2023, 3, 1));
    leap.full_member_date = d(2024, 2, 29);
    leap.backfilled = true;
    CHECK(party_age_on(leap, none, d(2025, 2, 27), rules) == 0);
    CHECK(party_age_on(leap, none, d(2025, 2, 28), rules) == 1);
}

TEST_CASE(
    "中组部 留学回国人员党员恢复组织生活的规定 [S] standing.party_age_suspension: continuous unless a "
    "profile excludes it",
    "[standing]") {
    auto const m = test::full_member(org_id{1}, "吴十", d(2009, 7, 1));  // full 2010-07-01
    std::vector<standing_event> const h{{k::suspended, d(2012, 7, 1), "出国定居", ""},
                                        {k::restored, d(2014, 7, 1), "回国恢复", ""}};
    CHECK(party_age_on(m, h, d(2020, 7, 1), rules) == 10);
    auto strict = rules;
    strict.party_age_excludes_suspension = true;
    // 730 suspended days move the start from 2010-07-01 to 2012-06-30 (2012 is a leap year).
    CHECK(party_age_on(m, h, d(2020, 6, 29), strict) == 7);
    CHECK(party_age_on(m, h, d(2020, 6, 30), strict) == 8);
    // Still suspended on the date: the open period counts as suspended up to that date.
    std::vector<standing_event> const open{{k::suspended, d(2012, 7, 1), "", ""}};
    CHECK(party_age_on(m, open, d(2014, 7, 1), strict) == 2);
}

TEST_CASE(
    "党章 第40条 [C] member.party_probation_max_2_years: 留党察看 of 1-24 months suspends rights while it "
    "runs",
    "[standing][discipline]") {
    party_probation const p{d(2024, 2, 29), 12, true, "区纪委"};
    CHECK_NOTHROW(validate(p));
    CHECK(p.until() == d(2025, 2, 28));
    std::vector<party_probation> const list{p};
    CHECK_FALSE(rights_suspended_on(list, d(2024, 2, 28)));
    CHECK(rights_suspended_on(list, d(2024, 2, 29)));
    CHECK(rights_suspended_on(list, d(2025, 2, 27)));
    CHECK_FALSE(rights_suspended_on(list, d(2025, 2, 28)));
    CHECK_NOTHROW(validate(party_probation{d(2024, 1, 1), 24, true, ""}));
    CHECK(violated_rule([] {
              validate(party_probation{d(2024, 1, 1), 25, true, ""});
          }) == "member.party_probation_max_2_years");
    CHECK(violated_rule([] {
              validate(party_probation{d(2024, 1, 1), 0, true, ""});
          }) == "member.party_probation_max_2_years");
    std::vector<party_probation> const kept{{d(2024, 1, 1), 12, false, ""}};  // rights kept
    CHECK_FALSE(rights_suspended_on(kept, d(2024, 6, 1)));
}

}  // namespace standing_test_cases
