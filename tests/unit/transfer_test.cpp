#include <catch2/catch.hpp>

#include <vector>

#include "dangyuan/mobility/transfer.hpp"
#include "rules_test_prelude.hpp"

namespace transfer_test_cases {

namespace {
org_id const from{1};
org_id const to{20};
member_id const zhang{7};

transfer_letter letter(date::sys_days issued, std::string serial = "浙组转〔2025〕0012") {
    return transfer_letter{std::move(serial), zhang,  "张三", from, "第一社区党支部", to,
                           "南山区委组织部",  issued, 0,      {}};
}

transfer_record receipt(date::sys_days on, std::optional<org_id> by = std::nullopt) {
    return letter_received{on, by, ""};
}
transfer_record revoke(date::sys_days on) {
    return letter_revoked{on, "本人申请撤回"};
}
}  // namespace

TEST_CASE(
    "中组部 党员组织关系介绍信 式样(2006) [U] transfer.letter_validity: received within the validity, "
    "default "
    "90 days; expiry the day before, on and after",
    "[transfer]") {
    auto const l = letter(d(2025, 1, 1));
    CHECK(validity_days_of(l, rules) == 90);
    CHECK(expiry_date(l, rules) == d(2025, 4, 1));
    CHECK(state_on(l, d(2025, 4, 1), rules)->state == transfer_state::issued);
    CHECK(state_on(l, d(2025, 4, 2), rules)->state == transfer_state::expired);
    CHECK_FALSE(state_on(l, d(2024, 12, 31), rules).has_value());
    {
        auto a = l;
        CHECK_NOTHROW(record(a, receipt(d(2025, 3, 31)), rules));  // the day before
    }
    {
        auto a = l;
        CHECK_NOTHROW(record(a, receipt(d(2025, 4, 1)), rules));  // on the last valid day
        CHECK(state_on(a, d(2025, 5, 1), rules)->state == transfer_state::received);
    }
    {
        auto a = l;
        CHECK(violated_rule([&] { record(a, receipt(d(2025, 4, 2)), rules); }) == "transfer.letter_validity");
        CHECK(a.records.empty());
    }
    SECTION("a letter's own validity, and the rule-set parameter") {
        auto in_city = letter(d(2024, 2, 20));
        in_city.validity_days = 10;
        CHECK(expiry_date(in_city, rules) == d(2024, 3, 1));  // through 29 February in a leap year
        CHECK(violated_rule([&] { record(in_city, receipt(d(2024, 3, 2)), rules); }) ==
              "transfer.letter_validity");
        auto longer = rules;
        longer.mobility.transfer_letter_validity_days = 180;
        auto far = letter(d(2025, 1, 1));
        CHECK(expiry_date(far, longer) == d(2025, 6, 30));
        CHECK_NOTHROW(record(far, receipt(d(2025, 6, 30)), longer));
    }
    SECTION("a revoked letter cannot be received") {
        auto a = l;
        record(a, revoke(d(2025, 2, 1)), rules);
        CHECK(violated_rule([&] { record(a, receipt(d(2025, 2, 2)), rules); }) == "transfer.letter_validity");
        CHECK(state_on(a, d(2025, 2, 1), rules)->state == transfer_state::revoked);
        CHECK(state_on(a, d(2025, 5, 1), rules)->state == transfer_state::revoked);  // not "expired"
    }
}

TEST_CASE(
    "中国共产党党员教育管理工作条例(2019) 第25条 [C] transfer.old_org_responsible: the old organisation is "
    "responsible until the receipt",
    "[transfer]") {
    auto l = letter(d(2025, 1, 1));
    CHECK(responsible_org_on(l, d(2024, 12, 31), rules) == from);
    CHECK(responsible_org_on(l, d(2025, 1, 1), rules) == from);
    record(l, receipt(d(2025, 1, 20), to), rules);
    CHECK(responsible_org_on(l, d(2025, 1, 19), rules) == from);
    CHECK(responsible_org_on(l, d(2025, 1, 20), rules) == to);
    CHECK(state_on(l, d(2025, 1, 20), rules)->received_on == d(2025, 1, 20));

    auto expired = letter(d(2025, 1, 1), "B-1");
    CHECK(responsible_org_on(expired, d(2025, 6, 1), rules) == from);

    // Across a member's letters: the last received wins, a pending or revoked one changes nothing.
    auto first = letter(d(2024, 1, 1), "A-1");
    record(first, revoke(d(2024, 1, 5)), rules);
    auto second = letter(d(2024, 1, 6), "A-2");
    record(second, receipt(d(2024, 1, 15)), rules);
    auto third = transfer_letter{
        "A-3", zhang, "张三", to, "南山区委组织部", org_id{30}, "福田区委组织部", d(2024, 9, 1), 0, {}};
    std::vector<transfer_letter> const all{first, second, third};
    CHECK(responsible_org_on(all, from, d(2024, 1, 14), rules) == from);
    CHECK(responsible_org_on(all, from, d(2024, 1, 15), rules) == to);
    CHECK(responsible_org_on(all, from, d(2024, 9, 2), rules) == to);  // third not received yet

    SECTION("agenda: receipt pending until the last valid day, then expired") {
        auto p = letter(d(2025, 1, 1));
        auto on = [&](date::sys_days day) { return transfer_agenda(p, day, rules); };
        REQUIRE(on(d(2025, 1, 2)).size() == 1);
        CHECK(on(d(2025, 1, 2))[0].kind == "transfer.receipt_pending");
        CHECK(on(d(2025, 1, 2))[0].rule_id == "transfer.old_org_responsible");
        CHECK(on(d(2025, 1, 2))[0].org == from);
        CHECK(on(d(2025, 1, 2))[0].member == zhang);
        CHECK(on(d(2025, 3, 31))[0].status == agenda_status::upcoming);
        CHECK(on(d(2025, 4, 1))[0].status == agenda_status::due);
        auto const late = on(d(2025, 4, 2));
        REQUIRE(late.size() == 1);
        CHECK(late[0].kind == "transfer.letter_expired");
        CHECK(late[0].rule_id == "transfer.letter_validity");
        CHECK(late[0].status == agenda_status::overdue);
        CHECK(late[0].due == d(2025, 4, 1));
        CHECK(on(d(2024, 12, 31)).empty());
        record(p, receipt(d(2025, 2, 1)), rules);
        CHECK(on(d(2025, 2, 1)).empty());
        CHECK(on(d(2025, 1, 31)).size() == 1);
    }
}

TEST_CASE(
    "中组部 党员组织关系介绍信 式样(2006) [U] transfer.revoke_before_receipt: revoking a received letter is "
    "refused",
    "[transfer]") {
    auto l = letter(d(2025, 1, 1));
    record(l, receipt(d(2025, 1, 10)), rules);
    CHECK(violated_rule([&] { record(l, revoke(d(2025, 1, 11)), rules); }) ==
          "transfer.revoke_before_receipt");
    CHECK(violated_rule([&] { record(l, revoke(d(2025, 1, 10)), rules); }) ==
          "transfer.revoke_before_receipt");
    CHECK(invalid_field([&] { record(l, receipt(d(2025, 1, 11)), rules); }) == "kind");
    CHECK(l.records.size() == 1);

    auto pending = letter(d(2025, 1, 1));
    CHECK_NOTHROW(record(pending, revoke(d(2025, 1, 2)), rules));
    CHECK(invalid_field([&] { record(pending, revoke(d(2025, 1, 3)), rules); }) == "kind");
    auto expired = letter(d(2025, 1, 1));
    CHECK_NOTHROW(record(expired, revoke(d(2025, 5, 1)), rules));  // closing out an expired letter
}

TEST_CASE(
    "中组部 党员组织关系介绍信 式样(2006) [S] transfer.receipt_between_grassroots: the receipt comes from "
    "the "
    "receiver named on the letter",
    "[transfer]") {
    auto l = letter(d(2025, 1, 1));
    CHECK(violated_rule([&] { record(l, receipt(d(2025, 1, 10), org_id{21}), rules); }) ==
          "transfer.receipt_between_grassroots");
    CHECK(l.records.empty());
    CHECK_NOTHROW(record(l, receipt(d(2025, 1, 10), to), rules));
    auto unnamed = letter(d(2025, 1, 1));
    CHECK_NOTHROW(record(unnamed, receipt(d(2025, 1, 10)), rules));
}

TEST_CASE("中国共产党党员教育管理工作条例(2019) [U] transfer.one_open_letter: one open letter per member",
          "[transfer]") {
    std::vector<transfer_letter> existing{letter(d(2025, 1, 1), "A-1")};
    auto next = letter(d(2025, 4, 1), "A-2");
    CHECK(violated_rule([&] { check_new_letter(next, existing, rules); }) == "transfer.one_open_letter");
    next.issued = d(2025, 4, 2);  // the first expired after 2025-04-01
    CHECK_NOTHROW(check_new_letter(next, existing, rules));
    next.issued = d(2025, 2, 1);
    record(existing[0], revoke(d(2025, 2, 1)), rules);
    CHECK_NOTHROW(check_new_letter(next, existing, rules));
    // Another member's open letter does not count.
    auto other = letter(d(2025, 1, 1), "B-1");
    other.member = member_id{8};
    std::vector<transfer_letter> const others{other};
    CHECK_NOTHROW(check_new_letter(letter(d(2025, 1, 2), "B-2"), others, rules));
}

TEST_CASE("transfer: malformed letters and records are refused on the field", "[transfer]") {
    std::vector<transfer_letter> const none;
    auto l = letter(d(2025, 1, 1));
    l.serial.clear();
    CHECK(invalid_field([&] { check_new_letter(l, none, rules); }) == "serial");
    l = letter(d(2025, 1, 1));
    l.to_org = from;
    CHECK(invalid_field([&] { check_new_letter(l, none, rules); }) == "to_org");
    l = letter(d(2025, 1, 1));
    l.validity_days = -1;
    CHECK(invalid_field([&] { check_new_letter(l, none, rules); }) == "validity_days");
    l = letter(d(2025, 1, 1));
    l.member = member_id{};
    CHECK(invalid_field([&] { check_new_letter(l, none, rules); }) == "member");
    std::vector<transfer_letter> const used{letter(d(2024, 1, 1), "S-1")};
    auto dup = letter(d(2025, 1, 1), "S-1");
    dup.member = member_id{9};
    CHECK(invalid_field([&] { check_new_letter(dup, used, rules); }) == "serial");

    auto ok = letter(d(2025, 1, 1));
    CHECK(invalid_field([&] { record(ok, receipt(d(2024, 12, 31)), rules); }) == "date");
    record(ok, revoke(d(2025, 1, 5)), rules);
    CHECK(invalid_field([&] { record(ok, revoke(d(2025, 1, 4)), rules); }) == "date");
    CHECK(to_string(transfer_state::expired) == "expired");
    CHECK(chinese_name(transfer_event_kind::received) == "回执返回");
}

}  // namespace transfer_test_cases
