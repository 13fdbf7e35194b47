// The coverage store (两新组织党建覆盖): units, headcounts, coverage, instructors and members' units
// persisted across reopening, one transaction and one audit row per command, refused commands leaving the
// file unchanged, the agenda of the whole store and of a part of it, the statistics of a scope and year,
// and the migration that adds the tables.
#include <catch2/catch.hpp>

#include <set>

#include "access_support.hpp"
#include "dangyuan/storage/coverage_store.hpp"
#include "dangyuan/storage/life_store.hpp"
#include "org_work_support.hpp"
#include "test_support.hpp"

namespace coverage_store_test_cases {

using namespace dangyuan;
using test::d;
using test::invalid_field;
using test::violated_rule;

namespace {

// The small district with a joint branch (城关联合党支部) and a company's own branch (科技公司党支部)
// under the street, and four members of the office branch: three full members and 赵敏, full from
// 2026-01-01.
struct fixture : test::district_fixture {
    using district_fixture::district_fixture;

    org_id joint = s.add_org({.name = "城关联合党支部",
                              .kind = org_kind::joint_branch,
                              .parent = street,
                              .established = d(2019, 1, 1)});
    org_id own_branch = s.add_org(
        {.name = "科技公司党支部", .kind = org_kind::branch, .parent = street, .established = d(2020, 6, 1)});
    member_id zhang = s.add_member(test::full_member(branch_b, "张伟", d(2010, 7, 1), 1));
    member_id li = s.add_member(test::full_member(branch_b, "李娜", d(2012, 7, 1), 2, sex::female));
    member_id wang = s.add_member(test::full_member(branch_b, "王强", d(2011, 7, 1), 3));
    member_id zhao = s.add_member(test::full_member(branch_b, "赵敏", d(2025, 1, 1), 4, sex::female));

    unit_id add(std::string name, std::string code, unit_sector sector, date::sys_days from,
                std::optional<org_id> responsible = {}) {
        return add_unit(s, {.name = std::move(name),
                            .credit_code = std::move(code),
                            .sector = sector,
                            .responsible = responsible.value_or(street),
                            .registered_on = from});
    }
};

constexpr char const* code_a = "91512081MA62K0260E";
constexpr char const* code_b = "91350100M000100Y43";
constexpr char const* code_c = "91110108MA01ABCD1E";
constexpr char const* code_d = "52110105MJ0000001K";
constexpr char const* code_e = "531100005000000018";
constexpr char const* code_f = "121100004000000014";

}  // namespace

TEST_CASE("coverage store: units, coverage, instructors and members are read back after reopening the file",
          "[coverage][store]") {
    auto const path = test::temp_dir("coverage-reopen") / "c.db";
    unit_id a, b;
    coverage_link_id covering;
    instructor_id sent;
    member_unit_id works;
    member_id zhang;
    org_id joint, street;
    {
        fixture t(path);
        zhang = t.zhang;
        joint = t.joint;
        street = t.street;
        a = add_unit(t.s,
                     {.name = "城关科技有限公司",
                      .credit_code = "91512081ma62k0260e",
                      .sector = unit_sector::non_public_enterprise,
                      .responsible = t.street,
                      .registered_on = d(2020, 1, 1),
                      .note = "高新园区"},
                     "登记");
        b = t.add("城关慈善基金会", code_b, unit_sector::foundation, d(2021, 1, 1));
        record_unit_employees(t.s, {a, d(2025, 12, 31), 120});
        record_unit_employees(t.s, {a, d(2025, 12, 31), 125}, "更正");
        covering = cover_unit(t.s, a, t.joint, d(2021, 3, 1), "联合组建");
        sent =
            assign_instructor(t.s, {.unit = b, .instructor = "李明", .member = t.li, .since = d(2021, 2, 1)});
        works = link_member_unit(t.s, t.zhang, a, d(2021, 1, 1));
        CHECK(test::audit_rows(t.s, "coverage") == 7);
        CHECK(t.s.audit_log().back().action == "member_unit");
    }
    auto s = open_store(path, test::pinned_options());
    auto const u = get_unit(s, a);
    CHECK(u == unit_record{.id = a,
                           .name = "城关科技有限公司",
                           .credit_code = code_a,
                           .sector = unit_sector::non_public_enterprise,
                           .responsible = street,
                           .registered_on = d(2020, 1, 1),
                           .note = "高新园区"});
    CHECK(unit_by_code(s, " 91512081ma62k0260e") == u);
    CHECK_FALSE(unit_by_code(s, code_c).has_value());
    CHECK(units(s).size() == 2);
    CHECK(units(s, scope::subtree(street)).size() == 2);
    CHECK(units(s, scope::subtree(joint)).empty());
    CHECK(unit_headcounts(s, a) == std::vector<unit_headcount>{{a, d(2025, 12, 31), 125}});
    auto const links = unit_coverage(s, a);
    REQUIRE(links.size() == 1);
    CHECK(links[0] == coverage_link{.id = covering,
                                    .unit = a,
                                    .org = joint,
                                    .form = coverage_form::joint,
                                    .since = d(2021, 3, 1),
                                    .note = "联合组建"});
    CHECK(units_covered_by(s, joint) == links);
    auto const inst = unit_instructors(s, b);
    REQUIRE(inst.size() == 1);
    CHECK(inst[0].id == sent);
    CHECK(inst[0].instructor == "李明");
    CHECK(inst[0].member.has_value());
    CHECK(member_units_of(s, zhang) ==
          std::vector<member_unit_link>{{.id = works, .member = zhang, .unit = a, .since = d(2021, 1, 1)}});
    CHECK(unit_members(s, a).size() == 1);
    CHECK_THROWS_AS(get_unit(s, unit_id{99}), not_found);
    CHECK(s.verify_audit().ok);
}

TEST_CASE(
    "区2020年组织工作要点 第11项 [L] coverage.credit_code_unique: refused commands leave the store "
    "unchanged",
    "[coverage][store]") {
    fixture t;
    auto const a = t.add("城关科技有限公司", code_a, unit_sector::non_public_enterprise, d(2020, 1, 1));
    auto const before = test::audit_rows(t.s, "coverage");
    auto unchanged = [&] {
        CHECK(test::audit_rows(t.s, "coverage") == before);
        CHECK(units(t.s).size() == 1);
        CHECK(unit_coverage(t.s, a).empty());
        CHECK(unit_instructors(t.s, a).empty());
        CHECK(unit_members(t.s, a).empty());
        CHECK(unit_headcounts(t.s, a).empty());
    };
    // The same code, also in lower case.
    CHECK(violated_rule([&] { t.add("另一公司", code_a, unit_sector::other, d(2021, 1, 1)); }) ==
          "coverage.credit_code_unique");
    CHECK(violated_rule([&] {
              t.add("另一公司", "91512081ma62k0260e", unit_sector::other, d(2021, 1, 1));
          }) == "coverage.credit_code_unique");
    CHECK(violated_rule([&] {
              t.add("另一公司", "91350100M000100Y4Z", unit_sector::other, d(2021, 1, 1));
          }) == "coverage.credit_code_gb32100");
    CHECK(invalid_field([&] { t.add("", code_b, unit_sector::other, d(2021, 1, 1)); }) == "name");
    CHECK(violated_rule([&] { t.add("未来公司", code_b, unit_sector::other, d(2026, 7, 1)); }) ==
          "record.not_in_future");
    CHECK_THROWS_AS(t.add("无主公司", code_b, unit_sector::other, d(2021, 1, 1), org_id{999}),
                    std::exception);
    // Coverage by a working committee, before the unit exists, twice at a time.
    CHECK(violated_rule([&] { (void)cover_unit(t.s, a, t.street, d(2021, 1, 1)); }) ==
          "coverage.covering_org_kind");
    CHECK(violated_rule([&] { (void)cover_unit(t.s, a, t.joint, d(2019, 12, 31)); }) ==
          "coverage.link_within_existence");
    CHECK(violated_rule([&] { (void)cover_unit(t.s, a, t.own_branch, d(2020, 5, 31)); }) ==
          "coverage.link_within_existence");
    CHECK(invalid_field([&] { record_unit_employees(t.s, {a, d(2025, 1, 1), -1}); }) == "employees");
    CHECK(violated_rule([&] {
              record_unit_employees(t.s, {a, d(2019, 1, 1), 10});
          }) == "coverage.link_within_existence");
    CHECK(invalid_field([&] {
              (void)assign_instructor(t.s, {.unit = a, .instructor = "", .since = d(2021, 1, 1)});
          }) == "instructor");
    CHECK_THROWS_AS(link_member_unit(t.s, member_id{999}, a, d(2021, 1, 1)), not_found);
    CHECK_THROWS_AS(cover_unit(t.s, unit_id{999}, t.joint, d(2021, 1, 1)), not_found);
    unchanged();
}

TEST_CASE(
    "区2020年组织工作要点 第11项 [L] coverage.one_organisation: a second organisation and a second unit "
    "are refused, ending them frees the next day",
    "[coverage][store]") {
    fixture t;
    auto const a = t.add("城关科技有限公司", code_a, unit_sector::non_public_enterprise, d(2020, 1, 1));
    auto const b = t.add("城关物流有限公司", code_c, unit_sector::non_public_enterprise, d(2020, 1, 1));
    auto const first = cover_unit(t.s, a, t.joint, d(2021, 1, 1));
    auto const works = link_member_unit(t.s, t.zhang, a, d(2021, 1, 1));
    auto const before = test::audit_rows(t.s, "coverage");
    CHECK(violated_rule([&] { (void)cover_unit(t.s, a, t.own_branch, d(2022, 1, 1)); }) ==
          "coverage.one_organisation");
    CHECK(violated_rule([&] { (void)link_member_unit(t.s, t.zhang, b, d(2022, 1, 1)); }) ==
          "coverage.member_one_unit");
    CHECK(violated_rule([&] { end_coverage(t.s, first, d(2020, 12, 31)); }) == "coverage.end_after_start");
    CHECK(test::audit_rows(t.s, "coverage") == before);
    end_coverage(t.s, first, d(2021, 12, 31), "单独组建");
    CHECK(invalid_field([&] { end_coverage(t.s, first, d(2022, 1, 1)); }) == "coverage");
    CHECK(violated_rule([&] { (void)cover_unit(t.s, a, t.own_branch, d(2021, 12, 31)); }) ==
          "coverage.one_organisation");
    auto const second = cover_unit(t.s, a, t.own_branch, d(2022, 1, 1));
    CHECK(unit_coverage(t.s, a).back().form == coverage_form::own);
    end_member_unit(t.s, works, d(2022, 3, 31));
    CHECK(invalid_field([&] { end_member_unit(t.s, works, d(2022, 4, 1)); }) == "member_unit");
    (void)link_member_unit(t.s, t.zhang, b, d(2022, 4, 1));
    CHECK(member_units_of(t.s, t.zhang).size() == 2);
    CHECK(test::audit_rows(t.s, "coverage") == before + 4);
    CHECK_THROWS_AS(end_coverage(t.s, coverage_link_id{999}, d(2022, 1, 1)), not_found);
    (void)second;
}

TEST_CASE(
    "区2020年组织工作要点 第11项 [L] coverage.close_without_open_links: a unit closes once its links ended",
    "[coverage][store]") {
    fixture t;
    auto const a = t.add("城关科技有限公司", code_a, unit_sector::non_public_enterprise, d(2020, 1, 1));
    auto const c = cover_unit(t.s, a, t.joint, d(2021, 1, 1));
    auto const i = assign_instructor(t.s, {.unit = a, .instructor = "李明", .since = d(2020, 6, 1)});
    auto const before = test::audit_rows(t.s, "coverage");
    CHECK(violated_rule([&] { close_unit(t.s, a, d(2023, 1, 1)); }) == "coverage.close_without_open_links");
    CHECK(violated_rule([&] { close_unit(t.s, a, d(2020, 1, 1)); }) == "coverage.end_after_start");
    CHECK(test::audit_rows(t.s, "coverage") == before);
    CHECK_FALSE(get_unit(t.s, a).closed_on.has_value());
    end_coverage(t.s, c, d(2022, 12, 31));
    end_instructor(t.s, i, d(2022, 12, 31));
    CHECK(invalid_field([&] { end_instructor(t.s, i, d(2022, 12, 31)); }) == "instructor");
    close_unit(t.s, a, d(2023, 1, 1), "注销");
    CHECK(get_unit(t.s, a).closed_on == d(2023, 1, 1));
    CHECK(invalid_field([&] { close_unit(t.s, a, d(2023, 2, 1)); }) == "unit");
    // Nothing begins on or after the closing day.
    CHECK(violated_rule([&] { (void)link_member_unit(t.s, t.li, a, d(2023, 1, 1)); }) ==
          "coverage.link_within_existence");
    CHECK(test::audit_rows(t.s, "coverage") == before + 3);
}

TEST_CASE("coverage store: the statistics of a scope on 31 December (有形覆盖, 有效覆盖)",
          "[coverage][store][stats]") {
    fixture t;
    // a: own branch, 3 full members; b and c: one joint branch; d: instructor only, 1 member;
    // e: nothing, no members; f: a public institution under the village, outside the street.
    auto const a = t.add("城关科技有限公司", code_a, unit_sector::non_public_enterprise, d(2020, 1, 1));
    auto const b = t.add("城关物流有限公司", code_c, unit_sector::non_public_enterprise, d(2020, 1, 1));
    auto const c = t.add("城关律师协会", code_d, unit_sector::social_group, d(2020, 1, 1));
    auto const dd = t.add("城关养老院", code_e, unit_sector::private_non_enterprise, d(2020, 1, 1));
    auto const e = t.add("城关慈善基金会", code_b, unit_sector::foundation, d(2025, 3, 1));
    auto const f = t.add("东村卫生所", code_f, unit_sector::public_institution, d(2020, 1, 1), t.village);
    (void)cover_unit(t.s, a, t.own_branch, d(2021, 1, 1));
    (void)cover_unit(t.s, b, t.joint, d(2021, 1, 1));
    (void)cover_unit(t.s, c, t.joint, d(2021, 1, 1));
    (void)assign_instructor(t.s, {.unit = dd, .instructor = "李明", .since = d(2021, 1, 1)});
    (void)link_member_unit(t.s, t.zhang, a, d(2021, 1, 1));
    (void)link_member_unit(t.s, t.li, a, d(2021, 1, 1));
    (void)link_member_unit(t.s, t.wang, a, d(2021, 1, 1));
    (void)link_member_unit(t.s, t.zhao, dd, d(2025, 1, 1));
    record_unit_employees(t.s, {a, d(2024, 12, 31), 100});
    record_unit_employees(t.s, {a, d(2025, 6, 30), 120});
    record_unit_employees(t.s, {b, d(2026, 1, 31), 50});  // after the year: not counted
    record_unit_employees(t.s, {f, d(2025, 6, 30), 9});
    // The own branch meets in every quarter of 2025; the joint branch misses the fourth.
    auto meet = [&](org_id o, date::sys_days on) {
        meeting m{.org = o, .kind = meeting_kind::theme_party_day, .date = on, .topic = "主题党日"};
        (void)add_meeting(t.s, m, on);
    };
    for (auto on : {d(2025, 1, 15), d(2025, 4, 15), d(2025, 7, 15), d(2025, 10, 15)})
        meet(t.own_branch, on);
    for (auto on : {d(2025, 1, 15), d(2025, 4, 15), d(2025, 9, 30)})
        meet(t.joint, on);
    CHECK(unit_coverage(t.s, e).empty());
    auto const st = coverage_statistics_of(t.s, 2025, scope::subtree(t.street));
    CHECK(st.year == 2025);
    CHECK(st.units == 5);
    CHECK(st.units_by_sector[static_cast<std::size_t>(unit_sector::non_public_enterprise)] == 2);
    CHECK(st.units_by_sector[static_cast<std::size_t>(unit_sector::social_group)] == 1);
    CHECK(st.units_by_sector[static_cast<std::size_t>(unit_sector::public_institution)] == 0);
    CHECK(st.own_organisation == 1);
    CHECK(st.joint_branch == 2);
    CHECK(st.instructor_only == 1);
    CHECK(st.uncovered == 1);
    CHECK(st.own_organisation + st.joint_branch + st.instructor_only + st.uncovered == st.units);
    CHECK(st.members_no_organisation == 1);  // the old people's home: 赵敏, an instructor, no organisation
    CHECK(st.establish_due == 0);
    CHECK(st.no_members == 3);
    CHECK(st.members == 4);
    CHECK(st.new_sector_units == 5);
    CHECK(st.new_sector_covered == 3);
    CHECK(st.new_sector_members == 4);
    CHECK(st.employees == 120);
    CHECK(st.effective == 1);
    CHECK(st.organisation_coverage() == Approx(0.6));
    CHECK(st.work_coverage() == Approx(0.8));
    CHECK(st.effective_coverage() == Approx(0.2));
    // The whole store adds the village's unit; 2019 has no units yet; 2024 has no foundation yet.
    auto const all = coverage_statistics_of(t.s, 2025);
    CHECK(all.units == 6);
    CHECK(all.uncovered == 2);
    CHECK(all.new_sector_units == 5);
    CHECK(all.employees == 129);
    CHECK(coverage_statistics_of(t.s, 2019).units == 0);
    CHECK(coverage_statistics_of(t.s, 2019).organisation_coverage() == 0.0);
    CHECK(coverage_statistics_of(t.s, 2024, scope::subtree(t.street)).units == 4);
    CHECK(coverage_statistics_of(t.s, 2025, scope::subtree(t.village)).units == 1);
}

TEST_CASE(
    "区2020年组织工作要点 第11项 [L] coverage.establish_within_months: the agenda of the whole store and of "
    "a part of it",
    "[coverage][store][agenda]") {
    fixture t;
    auto const a = t.add("城关科技有限公司", code_a, unit_sector::non_public_enterprise, d(2020, 1, 1));
    auto const b = t.add("城关物流有限公司", code_c, unit_sector::non_public_enterprise, d(2020, 1, 1));
    auto const v = t.add("东村合作社", code_f, unit_sector::other, d(2020, 1, 1), t.village);
    (void)cover_unit(t.s, a, t.joint, d(2021, 1, 1));  // a joint branch with one unit: a finding
    (void)link_member_unit(t.s, t.zhang, a, d(2025, 1, 1));
    (void)link_member_unit(t.s, t.li, a, d(2025, 1, 1));
    (void)link_member_unit(t.s, t.wang, a, d(2025, 8, 31));
    (void)link_member_unit(t.s, t.zhao, v, d(2025, 1, 1));
    (void)b;
    auto const on = d(2026, 2, 28);
    auto const whole = t.s.agenda(on);
    auto const items = test::agenda_items_of(whole, "coverage.");
    REQUIRE(items.size() == 2);
    std::set<std::pair<std::string, std::int64_t>> seen;
    for (auto const& i : items) {
        seen.emplace(i.kind, i.org.value());
        CHECK(agenda_kind(i.kind).has_value());
        CHECK_FALSE(i.message_zh.empty());
    }
    CHECK(seen == std::set<std::pair<std::string, std::int64_t>>{
                      {"coverage.establish_due", t.street.value()},
                      {"coverage.joint_branch_single_unit", t.joint.value()}});
    for (auto const& i : items)
        if (i.kind == "coverage.establish_due") {
            CHECK(i.due == d(2026, 2, 28));  // 2025-08-31 + 6 months, clamped
            CHECK(i.status == agenda_status::due);
        }
    // Each part of the store has exactly the whole agenda's items of its organisations, in order.
    test::check_scoped_agendas(t.s, on, whole,
                               {t.district_committee, t.street, t.joint, t.branch_b, t.village});
    // The day after: overdue. Before the notice window: only the finding.
    for (auto const& i : test::agenda_items_of(t.s.agenda(d(2026, 3, 1)), "coverage."))
        if (i.kind == "coverage.establish_due") CHECK(i.status == agenda_status::overdue);
    CHECK(test::agenda_items_of(t.s.agenda(d(2026, 1, 27)), "coverage.").size() == 1);
    // A second unit for the joint branch ends the finding; the unit's own branch ends the item.
    (void)cover_unit(t.s, b, t.joint, d(2026, 3, 1));
    CHECK(test::agenda_items_of(t.s.agenda(d(2026, 3, 1)), "coverage.").size() == 1);
    auto const l = unit_coverage(t.s, a).front().id;
    end_coverage(t.s, l, d(2026, 3, 31));
    (void)cover_unit(t.s, a, t.own_branch, d(2026, 4, 1));
    auto const later = test::agenda_items_of(t.s.agenda(d(2026, 4, 1)), "coverage.");
    // The joint branch now covers only b again: one unit, a finding; a has its own branch.
    REQUIRE(later.size() == 1);
    CHECK(later[0].kind == "coverage.joint_branch_single_unit");
    // The statistics of 2025 count a as a unit that should set up an organisation.
    CHECK(coverage_statistics_of(t.s, 2025).establish_due == 1);
}

TEST_CASE(
    "coverage store: access — the register needs manage_organisations on the responsible organisation, "
    "reads are narrowed to the principal's subtree",
    "[coverage][store][access]") {
    test::shared_district w("coverage");
    auto const zhang = w.store.add_member(test::full_member(w.branch_b, "张伟", d(2010, 7, 1), 1));
    unit_record const u{.name = "城关科技有限公司",
                        .credit_code = code_a,
                        .sector = unit_sector::non_public_enterprise,
                        .responsible = w.street,
                        .registered_on = d(2020, 1, 1)};
    auto secretary = w.secretary_of(w.branch_b);
    test::require_denied(
        w.path, [&] { (void)add_unit(secretary, u); }, permission::manage_organisations, w.street.value());
    auto street = w.as(role::party_committee(), w.street);
    auto const a = add_unit(street, u);
    CHECK(units(street).size() == 1);
    // The branch secretary records the member's unit (write_roster on the member's branch), but neither
    // covers the unit nor sees the street's register.
    (void)link_member_unit(secretary, zhang, a, d(2021, 1, 1));
    test::require_denied(
        w.path, [&] { (void)cover_unit(secretary, a, w.branch_b, d(2021, 1, 1)); },
        permission::manage_organisations, w.street.value());
    CHECK(units(secretary).empty());
    auto village = w.secretary_of(w.village);
    test::require_denied(
        w.path, [&] { (void)get_unit(village, a); }, permission::read_roster, w.street.value());
    test::require_denied(
        w.path, [&] { (void)link_member_unit(village, zhang, a, d(2022, 1, 1)); }, permission::write_roster,
        w.branch_b.value());
    CHECK(coverage_statistics_of(village, 2025).units == 0);
    CHECK(coverage_statistics_of(street, 2025).members == 1);
}

TEST_CASE("coverage store: the migration to the coverage schema on a store of the previous version",
          "[coverage][store][migration]") {
    auto const path = test::temp_dir("coverage-migrate") / "c.db";
    org_id street;
    {
        fixture t(path);
        street = t.street;
    }
    // The store as the previous version wrote it: no coverage tables.
    test::set_schema_back(path, coverage_schema_version,
                          {"coverage_member_units", "coverage_instructors", "coverage_links",
                           "coverage_headcounts", "coverage_units"});
    {
        auto s = test::open_migrated(path, coverage_schema_version);
        CHECK(units(s).empty());
        (void)add_unit(s, {.name = "城关科技有限公司",
                           .credit_code = code_a,
                           .sector = unit_sector::non_public_enterprise,
                           .responsible = street,
                           .registered_on = d(2020, 1, 1)});
        CHECK(units(s).size() == 1);
        CHECK(s.verify_audit().ok);
    }
    // Migrating again over the tables that exist (a version number set back) keeps them.
    test::set_schema_back(path, coverage_schema_version);
    auto s = open_store(path, test::pinned_options());
    CHECK(units(s).size() == 1);
}

}  // namespace coverage_store_test_cases
