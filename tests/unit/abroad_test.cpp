#include <catch2/catch.hpp>

#include "rules_test_prelude.hpp"

namespace abroad_test_cases {

namespace {
member_id const alice{1};
org_id const branch{10};

abroad_record study(date::sys_days from) {
    return abroad_record{.member = alice, .kind = abroad_kind::study, .from = from, .place = "英国"};
}

std::vector<agenda_item> items_of(abroad_record const& r, date::sys_days on,
                                  std::vector<abroad_contact> const& contacts = {}) {
    return abroad_agenda(r, contacts, branch, "张三", on, rules);
}

std::optional<agenda_item> item(std::vector<agenda_item> const& items, std::string const& kind) {
    for (auto const& i : items)
        if (i.kind == kind) return i;
    return std::nullopt;
}
}  // namespace

TEST_CASE(
    "条例2019 第24条 [C] abroad.suspend_emigrated_or_5_years: studying abroad more than 5 years, left on 29 "
    "February",
    "[abroad][agenda]") {
    // Left 2020-02-29: the five years end on 2025-02-28 (no 29 February in 2025); "more than five years"
    // (超过) begins the next day.
    auto const r = study(d(2020, 2, 29));
    CHECK(abroad_suspend_from(r, rules) == d(2025, 3, 1));
    auto on = [&](date::sys_days day) { return item(items_of(r, day), "abroad.suspend_candidate"); };
    CHECK_FALSE(on(d(2025, 1, 31)).has_value());  // before the notice month
    REQUIRE(on(d(2025, 2, 1)).has_value());
    CHECK(on(d(2025, 2, 28))->status == agenda_status::upcoming);  // exactly five years: not more
    CHECK(on(d(2025, 3, 1))->status == agenda_status::due);
    CHECK(on(d(2025, 3, 2))->status == agenda_status::overdue);
    CHECK(on(d(2025, 3, 1))->rule_id == "abroad.suspend_emigrated_or_5_years");
    CHECK(on(d(2025, 3, 1))->org == branch);
    CHECK(on(d(2025, 3, 1))->member == alice);

    // Returned before the five years were over: nothing.
    auto back = r;
    back.until = d(2025, 2, 28);
    CHECK(items_of(back, d(2025, 3, 1)).empty());
    CHECK(items_of(back, d(2025, 2, 27)).size() >= 1);

    // An ordinary date: left 2019-09-01 → more than five years from 2024-09-02.
    CHECK(abroad_suspend_from(study(d(2019, 9, 1)), rules) == d(2024, 9, 2));
}

TEST_CASE(
    "条例2019 第24条 [C] abroad.suspend_emigrated_or_5_years: settled abroad privately is a finding at once",
    "[abroad][agenda]") {
    abroad_record const r{.member = alice, .kind = abroad_kind::settled, .from = d(2026, 3, 10)};
    CHECK(items_of(r, d(2026, 3, 9)).empty());
    auto const items = items_of(r, d(2026, 3, 10));
    REQUIRE(items.size() == 1);
    CHECK(items[0].kind == "abroad.suspend_candidate");
    CHECK(items[0].status == agenda_status::finding);
    CHECK(items[0].due == d(2026, 3, 10));
}

TEST_CASE("[S] abroad.contact_half_yearly: a member studying abroad is contacted at least every 6 months",
          "[abroad][agenda]") {
    auto const r = study(d(2025, 8, 31));
    // No contact yet: due six months after leaving, 2026-02-28 (clamped).
    CHECK(abroad_contact_due(r, {}, d(2025, 9, 1), rules) == d(2026, 2, 28));
    auto on = [&](date::sys_days day, std::vector<abroad_contact> const& c = {}) {
        return item(items_of(r, day, c), "abroad.contact_due");
    };
    CHECK_FALSE(on(d(2026, 1, 27)).has_value());
    CHECK(on(d(2026, 1, 28))->status == agenda_status::upcoming);
    CHECK(on(d(2026, 2, 27))->status == agenda_status::upcoming);
    CHECK(on(d(2026, 2, 28))->status == agenda_status::due);
    CHECK(on(d(2026, 3, 1))->status == agenda_status::overdue);
    CHECK(on(d(2026, 3, 1))->rule_id == "abroad.contact_half_yearly");
    // A contact on 2026-01-15 moves the next one to 2026-07-15.
    std::vector<abroad_contact> const c{{alice, d(2026, 1, 15), "视频", ""}};
    CHECK_FALSE(on(d(2026, 3, 1), c).has_value());
    CHECK(on(d(2026, 7, 15), c)->status == agenda_status::due);
    CHECK(on(d(2026, 7, 16), c)->status == agenda_status::overdue);
    // A contact recorded after as_of does not count yet.
    CHECK(abroad_contact_due(r, c, d(2026, 1, 14), rules) == d(2026, 2, 28));
    // Another member's contacts do not count.
    std::vector<abroad_contact> const other{{member_id{2}, d(2026, 1, 15), "", ""}};
    CHECK(on(d(2026, 3, 1), other)->status == agenda_status::overdue);
}

TEST_CASE("[S] abroad.graduate_relationship_2_years: a graduate's relationship stays at most 2 years",
          "[abroad][agenda]") {
    abroad_record const r{
        .member = alice, .kind = abroad_kind::graduate, .from = d(2024, 2, 29), .place = "某大学"};
    auto on = [&](date::sys_days day) { return item(items_of(r, day), "abroad.graduate_relationship_due"); };
    CHECK_FALSE(on(d(2026, 1, 27)).has_value());
    CHECK(on(d(2026, 1, 28))->status == agenda_status::upcoming);
    CHECK(on(d(2026, 2, 27))->status == agenda_status::upcoming);
    CHECK(on(d(2026, 2, 28))->status == agenda_status::due);  // two years, clamped: still allowed
    CHECK(on(d(2026, 3, 1))->status == agenda_status::overdue);
    CHECK(on(d(2026, 3, 1))->rule_id == "abroad.graduate_relationship_2_years");
    auto moved = r;
    moved.until = d(2025, 9, 1);  // relationship transferred
    CHECK(items_of(moved, d(2026, 3, 1)).empty());
}

TEST_CASE("abroad: invalid records and contacts name the field", "[abroad]") {
    auto r = study(d(2025, 1, 1));
    CHECK(invalid_field([&] { validate_abroad_record(r, d(2020, 1, 1), d(2024, 12, 31)); }) == "from");
    CHECK(invalid_field([&] { validate_abroad_record(r, d(2025, 1, 2), d(2026, 1, 1)); }) == "from");
    r.until = d(2025, 1, 1);
    CHECK(invalid_field([&] { validate_abroad_record(r, d(2020, 1, 1), d(2026, 1, 1)); }) == "until");
    r.until = d(2026, 1, 2);
    CHECK(invalid_field([&] { validate_abroad_record(r, d(2020, 1, 1), d(2026, 1, 1)); }) == "until");
    r.until.reset();
    CHECK_NOTHROW(validate_abroad_record(r, d(2020, 1, 1), d(2026, 1, 1)));
    r.member = member_id{};
    CHECK(invalid_field([&] { validate_abroad_record(r, d(2020, 1, 1), d(2026, 1, 1)); }) == "member");

    std::vector<abroad_record> const records{study(d(2025, 1, 1))};
    CHECK_NOTHROW(validate_abroad_contact({alice, d(2025, 6, 1), "", ""}, records, d(2026, 1, 1)));
    CHECK(invalid_field([&] {
              validate_abroad_contact({alice, d(2024, 6, 1), "", ""}, records, d(2026, 1, 1));
          }) == "date");
    CHECK(invalid_field([&] {
              validate_abroad_contact({alice, d(2026, 6, 1), "", ""}, records, d(2026, 1, 1));
          }) == "date");
    CHECK(parse_abroad_kind("私自出国定居") == abroad_kind::settled);
    CHECK(parse_abroad_kind("graduate") == abroad_kind::graduate);
    CHECK(invalid_field([] { (void)parse_abroad_kind("tourism"); }) == "kind");
}

TEST_CASE(
    "条例2019 第24条 [C] abroad.suspend_emigrated_or_5_years: the store keeps records, contacts and the "
    "agenda",
    "[abroad][store]") {
    test::district t;
    auto const m = t.store.add_member(test::full_member(t.branch_b, "留学生", d(2015, 7, 1), 1));
    auto const other = t.store.add_member(test::full_member(t.branch_a, "毕业生", d(2015, 7, 1), 2));
    auto const id =
        add_abroad_record(t.store, {.member = m, .kind = abroad_kind::study, .from = d(2020, 2, 29)},
                          d(2020, 3, 10), "出国留学登记");
    (void)add_abroad_record(t.store, {.member = other, .kind = abroad_kind::graduate, .from = d(2024, 6, 30)},
                            d(2024, 7, 1));
    record_abroad_contact(t.store, {m, d(2024, 12, 1), "视频", "学习情况"}, d(2024, 12, 2));
    CHECK(abroad_contacts(t.store, m).size() == 1);
    REQUIRE(abroad_records(t.store, m).size() == 1);
    CHECK(abroad_records(t.store, m)[0].id == id);

    auto kinds_on = [&](date::sys_days day, scope sc = scope::all()) {
        std::vector<std::string> out;
        for (auto const& i : t.store.agenda(day, sc))
            if (i.kind.rfind("abroad.", 0) == 0) out.push_back(i.kind + "@" + format_date(i.due));
        std::sort(out.begin(), out.end());
        return out;
    };
    // 2025-03-01: more than five years abroad; the contact of 2024-12-01 is due again on 2025-06-01.
    CHECK(kinds_on(d(2025, 3, 1)) == std::vector<std::string>{"abroad.suspend_candidate@2025-03-01"});
    CHECK(kinds_on(d(2025, 6, 1)) ==
          std::vector<std::string>{"abroad.contact_due@2025-06-01", "abroad.suspend_candidate@2025-03-01"});
    CHECK(kinds_on(d(2026, 6, 30)) == std::vector<std::string>{"abroad.contact_due@2025-06-01",
                                                               "abroad.graduate_relationship_due@2026-06-30",
                                                               "abroad.suspend_candidate@2025-03-01"});
    // Scoped like every item: branch A's graduate only under branch A.
    CHECK(kinds_on(d(2026, 6, 30), scope::subtree(t.branch_a)) ==
          std::vector<std::string>{"abroad.graduate_relationship_due@2026-06-30"});

    // Refused commands write nothing.
    auto const audit = t.store.audit_log().size();
    CHECK(invalid_field([&] {
              (void)add_abroad_record(
                  t.store, {.member = m, .kind = abroad_kind::study, .from = d(2021, 1, 1)}, d(2021, 1, 2));
          }) == "from");  // overlaps the open study record
    CHECK(invalid_field([&] {
              record_abroad_contact(t.store, {other, d(2025, 1, 1), "", ""}, d(2025, 1, 2));
          }) == "date");  // a graduate is not abroad
    CHECK_THROWS_AS(end_abroad_record(t.store, abroad_record_id{99}, d(2025, 1, 1), d(2025, 1, 1)),
                    not_found);
    CHECK_THROWS_AS(abroad_records(t.store, member_id{999}), not_found);
    CHECK(t.store.audit_log().size() == audit);

    // Suspended members are not proposed again; returning ends the record.
    t.store.record_standing(m, {standing_event_kind::suspended, d(2025, 4, 1), "出国逾期未归", "支部大会"});
    CHECK(kinds_on(d(2025, 6, 1)).empty());
    end_abroad_record(t.store, id, d(2025, 3, 20), d(2025, 3, 20), "回国");
    CHECK(abroad_records(t.store, m)[0].record.until == d(2025, 3, 20));
    CHECK(invalid_field([&] { end_abroad_record(t.store, id, d(2025, 3, 25), d(2025, 3, 25)); }) == "until");
    CHECK(kinds_on(d(2025, 3, 19)) == std::vector<std::string>{"abroad.suspend_candidate@2025-03-01"});
}

}  // namespace abroad_test_cases
