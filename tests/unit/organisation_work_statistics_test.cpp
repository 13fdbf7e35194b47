// The organisation work in the statistics table (reports/organisation_work_rows.hpp): the year reported
// on a date, and the 在职党员进社区 and 党员示范岗与两优一先 rows of `statistics` for a scope, as the
// community and honours statistics count them.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "dangyuan/reports/organisation_work_rows.hpp"
#include "dangyuan/storage/appraisal_store.hpp"
#include "dangyuan/storage/community_store.hpp"
#include "dangyuan/storage/coverage_store.hpp"
#include "dangyuan/storage/honours_store.hpp"
#include "dangyuan/storage/rectification_store.hpp"
#include "dangyuan/storage/statistics_store.hpp"
#include "test_support.hpp"

namespace organisation_work_statistics_test_cases {

using namespace dangyuan;
using test::d;

namespace {

// The count of the row (section, Chinese item); fails when the row is missing.
std::int64_t count_of(statistics_result const& st, std::string const& section, std::string const& item_zh) {
    auto const it = std::find_if(st.rows.begin(), st.rows.end(),
                                 [&](auto const& r) { return r.section == section && r.item_zh == item_zh; });
    if (it == st.rows.end()) FAIL("no row " + section + " / " + item_zh);
    return it->count;
}

store_options options() {
    store_options o;
    o.actor = "tester";
    o.today = [] { return d(2026, 6, 30); };
    return o;
}

// Two members of the office branch (机关第二党支部) living in the first community (第一社区党支部, under
// the street); the village branch (东村党支部) is outside the street.
struct fixture : test::district_orgs {
    store s = open_store(test::fresh_store_location(), options());
    member_id zhang, li;

    fixture() {
        static_cast<test::district_orgs&>(*this) = test::add_district_orgs(s);
        zhang = s.add_member(test::full_member(branch_b, "张伟", d(2010, 7, 1), 1));
        li = s.add_member(test::full_member(branch_b, "李娜", d(2012, 7, 1), 2, sex::female));
    }
};

}  // namespace

TEST_CASE("statistics: the organisation work reported is that of the last calendar year ended on the date",
          "[statistics][organisation_work]") {
    CHECK(organisation_work_year_reported(d(2026, 12, 31)) == 2026);  // the year's last day: it has ended
    CHECK(organisation_work_year_reported(d(2026, 12, 30)) == 2025);
    CHECK(organisation_work_year_reported(d(2027, 1, 1)) == 2026);
    CHECK(organisation_work_year_reported(d(2024, 2, 29)) == 2023);
}

TEST_CASE(
    "statistics: the community rows count registrations, service, feedback by rating and hours of the "
    "year, per scope",
    "[statistics][organisation_work][community]") {
    fixture t;
    (void)register_with_community(t.s, t.zhang, t.branch_a, d(2025, 3, 1));
    (void)register_with_community(t.s, t.li, t.branch_a, d(2025, 12, 31));  // the year's last day counts
    (void)record_community_service(
        t.s, {.member = t.zhang, .date = d(2025, 3, 1), .activity = "小区环境整治", .tenths = 10});
    (void)record_community_service(
        t.s, {.member = t.zhang, .date = d(2025, 12, 31), .activity = "政策宣传", .tenths = 15});
    (void)record_community_service(  // the next year: not counted for 2025
        t.s, {.member = t.zhang, .date = d(2026, 1, 1), .activity = "政策宣传", .tenths = 30});
    give_community_feedback(t.s, {.member = t.zhang,
                                  .community = t.branch_a,
                                  .year = 2025,
                                  .rating = community_rating::fairly_good,
                                  .given_on = d(2025, 12, 31)});

    auto const st = statistics(t.s, {.as_of = d(2026, 6, 30)});
    REQUIRE(st.organisation_work_year == 2025);
    CHECK(count_of(st, "community", "到社区报到党员") == 2);
    CHECK(count_of(st, "community", "其中: 参加社区服务") == 1);
    CHECK(count_of(st, "community", "其中: 社区已反馈") == 1);
    CHECK(count_of(st, "community", "反馈评价: 较好") == 1);
    CHECK(count_of(st, "community", "反馈评价: 好") == 0);
    CHECK(count_of(st, "community", "服务时长 (小时, 四舍五入)") == 3);  // 2.5 hours rounds up
    // The rows are those of the community statistics of the same scope and year.
    auto const rows = community_rows(community_statistics_of(t.s, 2025));
    CHECK(std::all_of(rows.begin(), rows.end(),
                      [&](auto const& r) { return count_of(st, r.section, r.item_zh) == r.count; }));

    // The village branch's subtree holds no community the members registered with.
    auto const village = statistics(t.s, {.as_of = d(2026, 6, 30), .where = scope::subtree(t.village)});
    CHECK(count_of(village, "community", "到社区报到党员") == 0);
    CHECK(count_of(village, "community", "服务时长 (小时, 四舍五入)") == 0);
    // On 30 December 2025 the year reported is 2024: no registration yet.
    CHECK(count_of(statistics(t.s, {.as_of = d(2025, 12, 30)}), "community", "到社区报到党员") == 0);
}

TEST_CASE(
    "statistics: the honours rows count model posts in force at the year's end, made and ended in it, and "
    "the year's commendations by kind",
    "[statistics][organisation_work][honours]") {
    fixture t;
    auto const kept = designate_model_post(
        t.s, {.member = t.zhang, .awarded_by = t.branch_b, .date = d(2025, 4, 1), .title = "党员示范岗"});
    auto const ended = designate_model_post(
        t.s, {.member = t.li, .awarded_by = t.street, .date = d(2024, 5, 1), .title = "党员服务窗口"});
    end_model_post(t.s, ended,
                   {.date = d(2025, 12, 31), .kind = model_post_end::revoked, .reason = "调离岗位"});
    (void)commend(t.s, {.kind = commendation_kind::outstanding_member,
                        .level = commendation_level::district,
                        .date = d(2025, 6, 28),
                        .awarded_by = "区委",
                        .member = t.zhang});
    (void)commend(t.s, {.kind = commendation_kind::advanced_organisation,
                        .level = commendation_level::district,
                        .date = d(2026, 1, 1),  // the next year
                        .awarded_by = "区委",
                        .org = t.branch_b});
    (void)kept;

    auto const st = statistics(t.s, {.as_of = d(2026, 3, 1)});
    REQUIRE(st.organisation_work_year == 2025);
    CHECK(count_of(st, "honours", "年末党员示范岗 (个)") ==
          1);  // the one ended on 31 December is not in force
    CHECK(count_of(st, "honours", "本年设立党员示范岗 (个)") == 1);
    CHECK(count_of(st, "honours", "本年撤销或失效党员示范岗 (个)") == 1);
    CHECK(count_of(st, "honours", "表彰 (项)") == 1);
    CHECK(count_of(st, "honours", "其中: 优秀共产党员") == 1);
    CHECK(count_of(st, "honours", "其中: 先进基层党组织") == 0);
    // A street's statistics count what belongs to its organisations; the village's none.
    auto const village = statistics(t.s, {.as_of = d(2026, 3, 1), .where = scope::subtree(t.village)});
    CHECK(count_of(village, "honours", "本年设立党员示范岗 (个)") == 0);
    CHECK(count_of(village, "honours", "表彰 (项)") == 0);
    // On 31 December 2026 the year 2026 has ended: the organisation's commendation counts.
    auto const next = statistics(t.s, {.as_of = d(2026, 12, 31)});
    CHECK(count_of(next, "honours", "其中: 先进基层党组织") == 1);
}

TEST_CASE(
    "statistics: the appraisal, rectification and coverage rows are those of their own statistics for "
    "the year and scope",
    "[statistics][organisation_work][appraisal][rectification][coverage]") {
    fixture t;
    // 问责: a talk in 2025 for the office branch; a rectification decided in 2025 (deadline within
    // appraisal.rectify_months, 3), overdue on 31 December.
    (void)record_accountability(t.s, {.kind = accountability_kind::admonition_talk,
                                      .org = t.branch_b,
                                      .decided_on = d(2025, 5, 1),
                                      .reason = "履职不到位"});
    (void)record_accountability(t.s, {.kind = accountability_kind::rectification,
                                      .org = t.branch_b,
                                      .decided_on = d(2025, 9, 30),
                                      .reason = "措施不得力",
                                      .deadline = d(2025, 12, 30)});
    // 软弱涣散: the first community designated in 2025, still on the list at the year's end.
    (void)designate_for_rectification(t.s, {.org = t.branch_a,
                                            .date = d(2025, 3, 1),
                                            .kind = rectification_kind::weak_org,
                                            .reasons = {rectification_reason::secretary_unfit}});
    // 两新: a non-public enterprise under the street, covered by the office branch from 2025.
    auto const unit = add_unit(t.s, {.name = "城关科技有限公司",
                                     .credit_code = "91512081MA62K0260E",
                                     .sector = unit_sector::non_public_enterprise,
                                     .responsible = t.street,
                                     .registered_on = d(2020, 1, 1)});
    (void)cover_unit(t.s, unit, t.branch_b, d(2025, 6, 1));

    for (auto const where : {scope::all(), scope::subtree(t.street), scope::subtree(t.village)}) {
        auto const st = statistics(t.s, {.as_of = d(2026, 6, 30), .where = where});
        REQUIRE(st.organisation_work_year == 2025);
        std::vector<statistics_row> expected;
        for (auto rows : {appraisal_rows(appraisal_statistics_of(t.s, 2025, where)),
                          rectification_rows(rectification_statistics_of(t.s, 2025, where)),
                          coverage_rows(coverage_statistics_of(t.s, 2025, where))})
            expected.insert(expected.end(), rows.begin(), rows.end());
        auto const first = std::find_if(st.rows.begin(), st.rows.end(),
                                        [](auto const& r) { return r.section == "appraisal"; });
        REQUIRE(first != st.rows.end());
        CHECK(std::vector<statistics_row>(first, st.rows.end()) == expected);
    }
    auto const all = statistics(t.s, {.as_of = d(2026, 6, 30)});
    CHECK(count_of(all, "appraisal", "问责: 诫勉谈话") == 1);
    CHECK(count_of(all, "appraisal", "限期整改: 年末逾期未完成") == 1);  // deadline 30 December passed
    CHECK(count_of(all, "rectification", "本年列入整顿 (个)") == 1);
    CHECK(count_of(all, "rectification", "其中: 软弱涣散党组织") == 1);
    CHECK(count_of(all, "rectification", "年末在整顿 (个)") == 1);
    CHECK(count_of(all, "coverage", "年末单位 (个)") == 1);
    CHECK(count_of(all, "coverage", "其中: 单独组建") == 1);
    CHECK(count_of(all, "coverage", "两新组织单位 (个)") == 1);
    // The village's subtree holds none of them.
    auto const village = statistics(t.s, {.as_of = d(2026, 6, 30), .where = scope::subtree(t.village)});
    CHECK(count_of(village, "appraisal", "问责: 诫勉谈话") == 0);
    CHECK(count_of(village, "rectification", "本年列入整顿 (个)") == 0);
    CHECK(count_of(village, "coverage", "年末单位 (个)") == 0);
    // On 31 December 2024 the year reported is 2024: no designation yet, the unit not yet covered.
    auto const before = statistics(t.s, {.as_of = d(2024, 12, 31)});
    CHECK(count_of(before, "rectification", "本年列入整顿 (个)") == 0);
    CHECK(count_of(before, "coverage", "年末单位 (个)") == 1);  // registered in 2020, covered from 2025
    CHECK(count_of(before, "coverage", "其中: 单独组建") == 0);
    CHECK(count_of(before, "coverage", "其中: 未覆盖") == 1);
}

}  // namespace organisation_work_statistics_test_cases
