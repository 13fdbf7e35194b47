// The decision store (村级重大事项 四议两公开): cases stored as their records and replayed on read, one
// transaction and one audit row per command, refused commands leaving the file unchanged, access, and the
// migration that adds the tables.
#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include "access_support.hpp"
#include "dangyuan/storage/decision_store.hpp"
#include "test_support.hpp"

namespace decision_store_test_cases {

using namespace dangyuan;
using test::d;
using test::invalid_field;
using test::violated_rule;

namespace {

villagers_resolved reps(date::sys_days on, int members, int present, int in_favour) {
    return {.date = on,
            .body = resolving_body::representatives_meeting,
            .members = members,
            .present = present,
            .in_favour = in_favour};
}

// The whole procedure of one case, after its proposal on 2024-03-01.
std::vector<decision_record> rest_of_procedure() {
    return {
        two_committees_consulted{.date = d(2024, 3, 5), .note = "两委联席会议"},
        members_meeting_reviewed{
            .date = d(2024, 3, 10),
            .vote = {.entitled = 20, .present = 16, .written_opinions = 2, .yes = 15, .no = 2, .abstain = 1},
            .note = "党员大会"},
        villagers_resolved{.date = d(2024, 3, 20),
                           .body = resolving_body::villagers_meeting,
                           .members = 300,
                           .households = 120,
                           .present = 90,
                           .households_present = 85,
                           .in_favour = 70,
                           .implementation_due = d(2024, 9, 30),
                           .note = "户代表会议"},
        resolution_published{.date = d(2024, 3, 22), .channel = publication_channel::wechat_group},
        result_published{.date = d(2024, 10, 8),
                         .channel = publication_channel::notice_board,
                         .implemented_on = d(2024, 10, 1),
                         .note = "验收合格"}};
}

}  // namespace

TEST_CASE("decision store: a case is stored as its records and read back unchanged", "[decision][store]") {
    test::district t;
    auto const id =
        open_decision(t.store, t.village, proposed{.date = d(2024, 3, 1), .subject = "村道硬化工程"});
    auto expected = get_decision(t.store, id);
    CHECK(expected.org == t.village);
    CHECK(expected.org_name == "东村党支部");
    CHECK(expected.rule_set_name == "national-2014");
    for (auto const& r : rest_of_procedure()) {
        record_decision(t.store, id, r, "测试");
        expected.records.push_back(r);
        CHECK(get_decision(t.store, id) == expected);
    }
    CHECK(stage_of(get_decision(t.store, id)) == decision_stage::result_published);
    auto const list = decisions(t.store);
    REQUIRE(list.size() == 1);
    CHECK(list[0].id == id);
    CHECK(list[0].subject == "村道硬化工程");
    CHECK(list[0].stage == decision_stage::result_published);
    CHECK(list[0].proposed_on == d(2024, 3, 1));
    CHECK(list[0].last_date == d(2024, 10, 8));
    CHECK(decisions(t.store, scope::subtree(t.street)).empty());
    // One audit row per command.
    auto const log = t.store.audit_log();
    CHECK(std::count_if(log.begin(), log.end(), [](auto const& e) { return e.entity == "decision"; }) == 6);
    CHECK(log.back().action == "result_published");
    CHECK(log.back().why == "测试");
}

TEST_CASE("decision store: only a village or community organisation opens a case", "[decision][store]") {
    test::district t;
    CHECK(invalid_field([&] {
              (void)open_decision(t.store, t.branch_b, proposed{.date = d(2024, 3, 1), .subject = "x"});
          }) == "org");
    CHECK(invalid_field([&] {
              (void)open_decision(t.store, t.village, proposed{.date = d(2024, 3, 1), .subject = ""});
          }) == "subject");
    CHECK(invalid_field([&] {
              (void)open_decision(t.store, t.village, proposed{.date = d(1990, 3, 1), .subject = "x"});
          }) == "org");  // before the branch existed
    CHECK_THROWS_AS(get_decision(t.store, decision_id{99}), not_found);
    CHECK_THROWS_AS(
        record_decision(t.store, decision_id{99}, two_committees_consulted{.date = d(2024, 3, 5)}),
        not_found);
    CHECK(decisions(t.store).empty());
}

TEST_CASE(
    "村民委员会组织法(2018) 第二十六条 [C] decision.representatives_quorum_2_3: a refused command leaves the "
    "file byte-for-byte unchanged",
    "[decision][store]") {
    auto const path = test::temp_dir("decision-bytes") / "d.db";
    auto s = open_store(path, {.actor = "tester"});
    auto const o = test::add_district_orgs(s);
    auto const id = open_decision(s, o.village, proposed{.date = d(2024, 3, 1), .subject = "村集体土地流转"});
    record_decision(s, id, two_committees_consulted{.date = d(2024, 3, 5)});
    record_decision(
        s, id,
        members_meeting_reviewed{.date = d(2024, 3, 10), .vote = {.entitled = 20, .present = 16, .yes = 15}});
    auto const before = test::store_hash(path);
    auto const audit = s.audit_log().size();
    CHECK(violated_rule([&] { record_decision(s, id, reps(d(2024, 3, 20), 30, 19, 19)); }) ==
          "decision.representatives_quorum_2_3");
    CHECK(violated_rule([&] { record_decision(s, id, resolution_published{.date = d(2024, 3, 20)}); }) ==
          "decision.steps_in_order");
    CHECK(invalid_field([&] { record_decision(s, id, reps(d(2024, 3, 9), 30, 25, 20)); }) == "date");
    CHECK(violated_rule([&] { record_decision(s, id, reps(d(2099, 3, 9), 30, 25, 20)); }) ==
          "record.not_in_future");
    CHECK(invalid_field([&] {
              (void)open_decision(s, o.branch_b, proposed{.date = d(2024, 3, 1), .subject = "不是村社区"});
          }) == "org");
    CHECK(test::store_hash(path) == before);
    CHECK(s.audit_log().size() == audit);
    CHECK(decisions(s).size() == 1);
    // Exactly two thirds present, exactly half in favour: recorded, and the case ends rejected.
    record_decision(s, id, reps(d(2024, 3, 20), 30, 20, 10));
    CHECK(stage_of(get_decision(s, id)) == decision_stage::rejected);
    CHECK(decisions(s).front().stage == decision_stage::rejected);
}

TEST_CASE(
    "地方规定 [L] decision.resolution_public_within_days: a case keeps the rule set it was opened under",
    "[decision][store]") {
    test::district t;
    auto county = rule_set::national_2014();
    county.name = "county-2024";
    county.decision.resolution_public_within_days = 3;
    t.store.register_rule_set(county);
    auto const id =
        open_decision(t.store, t.village, proposed{.date = d(2024, 3, 1), .subject = "村道"}, "county-2024");
    auto const national =
        open_decision(t.store, t.village, proposed{.date = d(2024, 3, 1), .subject = "水渠"});
    for (auto const c : {id, national}) {
        record_decision(t.store, c, two_committees_consulted{.date = d(2024, 3, 5)});
        record_decision(t.store, c,
                        members_meeting_reviewed{.date = d(2024, 3, 10),
                                                 .vote = {.entitled = 20, .present = 16, .yes = 15}});
        record_decision(t.store, c, reps(d(2024, 3, 20), 30, 25, 20));
    }
    // Four days after: late under the county's 3 days, in time under the default 7.
    CHECK(violated_rule([&] {
              record_decision(t.store, id, resolution_published{.date = d(2024, 3, 24)});
          }) == "decision.resolution_public_within_days");
    CHECK_NOTHROW(record_decision(t.store, national, resolution_published{.date = d(2024, 3, 24)}));
    record_decision(t.store, id, resolution_published{.date = d(2024, 3, 24), .late_reason = "村广播故障"});
    CHECK(std::get<resolution_published>(get_decision(t.store, id).records.back()).late_reason ==
          "村广播故障");
}

TEST_CASE("decision store: commands need manage_organisations on the case's organisation",
          "[decision][store][access]") {
    test::shared_district t("decision");
    auto const id = open_decision(t.store, t.village, proposed{.date = d(2024, 3, 1), .subject = "村道"});
    auto secretary = t.secretary_of(t.village);
    test::require_denied(
        t.path,
        [&] { (void)open_decision(secretary, t.village, proposed{.date = d(2024, 3, 1), .subject = "x"}); },
        permission::manage_organisations, t.village.value());
    test::require_denied(
        t.path, [&] { record_decision(secretary, id, two_committees_consulted{.date = d(2024, 3, 5)}); },
        permission::manage_organisations, t.village.value());
    // The secretary reads the case; a committee elsewhere neither sees nor records it.
    CHECK(get_decision(secretary, id).records.size() == 1);
    CHECK(decisions(secretary).size() == 1);
    auto street = t.as(role::party_committee(), t.street);
    CHECK(decisions(street).empty());
    test::require_denied(
        t.path, [&] { record_decision(street, id, two_committees_consulted{.date = d(2024, 3, 5)}); },
        permission::manage_organisations, t.village.value());
    auto district = t.as(role::party_committee(), t.district_committee);
    record_decision(district, id, two_committees_consulted{.date = d(2024, 3, 5)});
    CHECK(get_decision(t.store, id).records.size() == 2);
}

TEST_CASE("decision store: a store of the previous schema version migrates and takes decisions",
          "[decision][store]") {
    auto const path = test::temp_dir("decision-migrate") / "d.db";
    org_id village;
    {
        auto s = open_store(path, {.actor = "tester"});
        village = test::add_district_orgs(s).village;
    }
    {
        // The store as the previous version wrote it: no decision tables.
        SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE);
        raw.exec("DROP TABLE decision_records");
        raw.exec("DROP TABLE decision_cases");
        raw.exec("PRAGMA user_version = " + std::to_string(decision_schema_version - 1));
    }
    auto s = open_store(path, {.actor = "tester"});
    CHECK(s.schema_version() == store::schema_version_latest);
    CHECK(decision_schema_version <= store::schema_version_latest);
    CHECK(decisions(s).empty());
    auto const id = open_decision(s, village, proposed{.date = d(2024, 3, 1), .subject = "村道"});
    CHECK(get_decision(s, id).records.size() == 1);
    CHECK(s.verify_audit().ok);
}

TEST_CASE(
    "地方规定 [L] decision.resolution_public_within_days: the agenda shows a resolution until it is public",
    "[decision][store][agenda]") {
    test::district t;
    auto const before = t.store.agenda(d(2024, 3, 25));
    auto const id =
        open_decision(t.store, t.village, proposed{.date = d(2024, 3, 1), .subject = "村道硬化工程"});
    auto const steps = rest_of_procedure();
    for (std::size_t i = 0; i < 3; ++i)  // up to the resolution on 2024-03-20, implementation due 2024-09-30
        record_decision(t.store, id, steps[i]);
    auto items_of = [&](date::sys_days on) {
        std::vector<agenda_item> out;
        for (auto const& item : t.store.agenda(on))
            if (item.kind.rfind("decision.", 0) == 0) out.push_back(item);
        return out;
    };
    CHECK(items_of(d(2024, 3, 19)).empty());
    auto items = items_of(d(2024, 3, 27));
    REQUIRE(items.size() == 1);
    CHECK(items[0].kind == "decision.resolution_not_public");
    CHECK(items[0].rule_id == "decision.resolution_public_within_days");
    CHECK(items[0].org == t.village);
    CHECK(items[0].subject == "村道硬化工程");
    CHECK(items[0].due == d(2024, 3, 27));
    CHECK(items[0].status == agenda_status::due);
    CHECK(items_of(d(2024, 3, 26))[0].status == agenda_status::upcoming);
    CHECK(items_of(d(2024, 3, 28))[0].status == agenda_status::overdue);
    CHECK(agenda_kind(items[0].kind).has_value());
    record_decision(t.store, id, steps[3]);  // public on 2024-03-22
    CHECK(items_of(d(2024, 3, 28)).empty());
    // As of a date before the publication, the item is still there.
    CHECK(items_of(d(2024, 3, 21)).size() == 1);
    // The result: from the implementation date on, due 30 days later.
    CHECK(items_of(d(2024, 9, 29)).empty());
    items = items_of(d(2024, 10, 31));
    REQUIRE(items.size() == 1);
    CHECK(items[0].kind == "decision.result_not_public");
    CHECK(items[0].due == d(2024, 10, 30));
    CHECK(items[0].status == agenda_status::overdue);
    record_decision(t.store, id, steps[4]);
    CHECK(items_of(d(2024, 10, 31)).empty());
    // A store without decisions has the agenda it had.
    test::district other;
    CHECK(other.store.agenda(d(2024, 3, 25)) == before);
}

}  // namespace decision_store_test_cases
