#include <catch2/catch.hpp>

#include <vector>

#include "dangyuan/mobility/lost_contact.hpp"
#include "rules_test_prelude.hpp"

namespace lost_contact_test_cases {

namespace {
org_id const branch{1};
member_id const zhang{7};
using sk = standing_event_kind;

contact_log log_since(date::sys_days last) {
    return contact_log{zhang, "张三", branch, last, {}};
}
contact_record failed(date::sys_days on) {
    return contact_attempt_failed{on, "电话", "组织委员", "空号"};
}
contact_record reached(date::sys_days on) {
    return contact_reached{on, "上门走访", "支部书记", ""};
}
std::vector<standing_event> const normal;
}  // namespace

TEST_CASE(
    "中国共产党党员教育管理工作条例(2019) 第24条 [C] lostcontact.suspend_after_6_months: 6 months without "
    "contact and unreachable after searching",
    "[lost_contact]") {
    SECTION("month end: last contact 2024-08-31, candidate on 2025-02-28") {
        auto const log = log_since(d(2024, 8, 31));
        CHECK(suspension_due(log, d(2025, 1, 1), rules) == d(2025, 2, 28));
        CHECK_FALSE(out_of_contact_long_enough(log, d(2025, 2, 27), rules));
        CHECK(out_of_contact_long_enough(log, d(2025, 2, 28), rules));
    }
    SECTION("5 months 30 days is not 6 months") {
        auto const log = log_since(d(2024, 1, 31));
        CHECK_FALSE(out_of_contact_long_enough(log, d(2024, 7, 30), rules));
        CHECK(out_of_contact_long_enough(log, d(2024, 7, 31), rules));
    }
    SECTION("leap years") {
        CHECK(suspension_due(log_since(d(2023, 8, 29)), d(2024, 1, 1), rules) == d(2024, 2, 29));
        CHECK(suspension_due(log_since(d(2023, 8, 31)), d(2024, 1, 1), rules) == d(2024, 2, 29));
        CHECK(suspension_due(log_since(d(2024, 2, 29)), d(2024, 3, 1), rules) == d(2024, 8, 29));
    }
    SECTION("a contact restarts the clock; failed attempts do not") {
        auto log = log_since(d(2024, 1, 15));
        record(log, failed(d(2024, 3, 1)));
        CHECK(last_contact_on(log, d(2024, 3, 1)) == d(2024, 1, 15));
        record(log, reached(d(2024, 4, 10)));
        CHECK(last_contact_on(log, d(2024, 4, 9)) == d(2024, 1, 15));
        CHECK(last_contact_on(log, d(2024, 4, 10)) == d(2024, 4, 10));
        CHECK(suspension_due(log, d(2024, 5, 1), rules) == d(2024, 10, 10));
        CHECK(attempts_since_last_contact(log, d(2024, 4, 9)) == 1);
        CHECK(attempts_since_last_contact(log, d(2024, 4, 10)) == 0);
    }
    SECTION("the guard for the decision: 6 months, and a search after the last contact") {
        auto log = log_since(d(2024, 8, 31));
        CHECK(violated_rule([&] { require_suspension_grounds(log, normal, d(2025, 2, 27), rules); }) ==
              "lostcontact.suspend_after_6_months");
        CHECK(violated_rule([&] { require_suspension_grounds(log, normal, d(2025, 2, 28), rules); }) ==
              "lostcontact.suspend_after_6_months");  // no search recorded
        record(log, failed(d(2025, 1, 10)));
        CHECK_NOTHROW(require_suspension_grounds(log, normal, d(2025, 2, 28), rules));
        std::vector<standing_event> const suspended{{sk::suspended, d(2025, 3, 1), "失联", "支部大会"}};
        CHECK(violated_rule([&] { require_suspension_grounds(log, suspended, d(2025, 3, 2), rules); }) ==
              "lostcontact.suspend_after_6_months");
    }
    SECTION("agenda: upcoming a month ahead, a finding from the day") {
        auto log = log_since(d(2024, 8, 31));
        auto on = [&](date::sys_days day) { return lost_contact_agenda(log, normal, day, rules); };
        CHECK(on(d(2025, 1, 27)).empty());
        REQUIRE(on(d(2025, 1, 28)).size() == 1);
        CHECK(on(d(2025, 1, 28))[0].status == agenda_status::upcoming);
        CHECK(on(d(2025, 1, 28))[0].kind == "lostcontact.suspension_candidate");
        CHECK(on(d(2025, 1, 28))[0].rule_id == "lostcontact.suspend_after_6_months");
        CHECK(on(d(2025, 1, 28))[0].due == d(2025, 2, 28));
        CHECK(on(d(2025, 1, 28))[0].org == branch);
        CHECK(on(d(2025, 2, 27))[0].status == agenda_status::upcoming);
        CHECK(on(d(2025, 2, 28))[0].status == agenda_status::finding);
        CHECK(on(d(2025, 2, 28))[0].message.find("no search recorded") != std::string::npos);
        record(log, failed(d(2025, 3, 1)));
        CHECK(on(d(2025, 3, 1))[0].message.find("1 failed attempt(s)") != std::string::npos);
        record(log, reached(d(2025, 3, 5)));
        CHECK(on(d(2025, 3, 5)).empty());
    }
    SECTION("the threshold is a rule-set number") {
        auto local = rules;
        local.mobility.lost_contact_suspend_months = 3;
        CHECK(suspension_due(log_since(d(2024, 11, 30)), d(2024, 12, 1), local) == d(2025, 2, 28));
    }
}

TEST_CASE(
    "中国共产党党员教育管理工作条例(2019) 第24条 [C] lostcontact.removal_after_2_years: suspended 2 years "
    "and "
    "still unreachable",
    "[lost_contact]") {
    auto log = log_since(d(2023, 7, 1));
    record(log, failed(d(2024, 1, 10)));
    std::vector<standing_event> h{{sk::suspended, d(2024, 2, 29), "失联超过6个月", "支部大会"}};
    CHECK(suspended_since(h, d(2024, 2, 28)) == std::nullopt);
    CHECK(suspended_since(h, d(2024, 2, 29)) == d(2024, 2, 29));
    CHECK(removal_due(h, d(2024, 3, 1), rules) == d(2026, 2, 28));
    CHECK(violated_rule([&] { require_removal_grounds(log, h, d(2026, 2, 27), rules); }) ==
          "lostcontact.removal_after_2_years");
    CHECK_NOTHROW(require_removal_grounds(log, h, d(2026, 2, 28), rules));
    CHECK(violated_rule([&] { require_removal_grounds(log, normal, d(2026, 2, 28), rules); }) ==
          "lostcontact.removal_after_2_years");

    auto on = [&](date::sys_days day) { return lost_contact_agenda(log, h, day, rules); };
    CHECK(on(d(2024, 3, 1)).empty());  // suspended: no suspension item any more
    CHECK(on(d(2026, 1, 27)).empty());
    REQUIRE(on(d(2026, 1, 28)).size() == 1);
    CHECK(on(d(2026, 1, 28))[0].kind == "lostcontact.removal_candidate");
    CHECK(on(d(2026, 1, 28))[0].status == agenda_status::upcoming);
    CHECK(on(d(2026, 2, 27))[0].status == agenda_status::upcoming);
    CHECK(on(d(2026, 2, 28))[0].status == agenda_status::finding);
    CHECK(on(d(2026, 2, 28))[0].rule_id == "lostcontact.removal_after_2_years");
    CHECK(on(d(2026, 2, 28))[0].due == d(2026, 2, 28));

    SECTION("reached after the suspension: no removal") {
        record(log, reached(d(2025, 6, 1)));
        CHECK(on(d(2026, 3, 1)).empty());
        CHECK(violated_rule([&] { require_removal_grounds(log, h, d(2026, 3, 1), rules); }) ==
              "lostcontact.removal_after_2_years");
    }
    SECTION("restored, then removed: the clock follows the standing") {
        h.push_back({sk::restored, d(2025, 1, 1), "恢复联系", ""});
        CHECK_FALSE(removal_due(h, d(2025, 1, 1), rules).has_value());
        h.push_back({sk::suspended, d(2025, 9, 1), "再次失联", ""});
        CHECK(removal_due(h, d(2025, 9, 1), rules) == d(2027, 9, 1));
        h.push_back({sk::removed_self_withdrawal, d(2027, 9, 1), "", ""});
        CHECK(on(d(2027, 9, 2)).empty());
        CHECK_FALSE(suspended_since(h, d(2027, 9, 2)).has_value());
        CHECK(exited_on(h, d(2027, 9, 1)));
        CHECK_FALSE(exited_on(h, d(2027, 8, 31)));
    }
}

TEST_CASE(
    "中国共产党章程(2022) 第9条 [C] lostcontact.self_withdrawal_6_months: 6 consecutive months without org "
    "life, dues or assigned work",
    "[lost_contact]") {
    auto m = test::full_member(branch, "张三", d(2010, 7, 1));
    m.id = zhang;
    self_withdrawal_inputs in;
    in.tracked_since = d(2010, 7, 1);
    in.last_org_life = d(2024, 8, 31);
    in.last_dues_month = date::year{2024} / 8;

    auto grounds_on = [&](date::sys_days day) { return self_withdrawal_grounds(in, day, rules); };
    CHECK(grounds_on(d(2025, 2, 27)).empty());
    auto const feb = grounds_on(d(2025, 2, 28));
    REQUIRE(feb.size() == 1);  // org life: 2024-08-31 + 6 months
    CHECK(feb[0].ground == self_withdrawal_ground::no_org_life);
    CHECK(feb[0].from == d(2025, 2, 28));
    auto const mar = grounds_on(d(2025, 3, 1));  // September to February unpaid
    REQUIRE(mar.size() == 2);
    CHECK(mar[1].ground == self_withdrawal_ground::dues_unpaid);
    CHECK(mar[1].from == d(2025, 3, 1));

    SECTION("5 months 30 days of org life is not enough") {
        in.last_org_life = d(2024, 1, 31);
        in.last_dues_month = date::year{2024} / 12;
        CHECK(self_withdrawal_grounds(in, d(2024, 7, 30), rules).empty());
        CHECK(self_withdrawal_grounds(in, d(2024, 7, 31), rules).size() == 1);
    }
    SECTION("dues: with no payment known, counting starts with the month of tracked_since") {
        in.last_org_life = d(2024, 6, 1);
        in.last_dues_month.reset();
        in.tracked_since = d(2024, 2, 29);
        auto const dates = self_withdrawal_dates(in, rules);
        CHECK(dates[1].from == d(2024, 8, 1));  // February to July unpaid
    }
    SECTION("assigned work, when neglected") {
        in.last_org_life = d(2025, 1, 1);
        in.last_dues_month = date::year{2025} / 1;
        in.work_neglected_since = d(2023, 8, 29);
        auto const g = self_withdrawal_grounds(in, d(2024, 2, 29), rules);
        REQUIRE(g.size() == 1);
        CHECK(g[0].ground == self_withdrawal_ground::work_not_done);
        CHECK(self_withdrawal_grounds(in, d(2024, 2, 28), rules).empty());
    }
    SECTION("a good reason raises nothing") {
        in.good_reason = true;
        CHECK(self_withdrawal_grounds(in, d(2026, 1, 1), rules).empty());
        CHECK(self_withdrawal_agenda(m, in, normal, d(2026, 1, 1), rules).empty());
    }
    SECTION("agenda: upcoming a month ahead, a finding per ground from the day") {
        auto on = [&](date::sys_days day) { return self_withdrawal_agenda(m, in, normal, day, rules); };
        CHECK(on(d(2025, 1, 27)).empty());
        auto const ahead = on(d(2025, 1, 28));
        REQUIRE(ahead.size() == 1);
        CHECK(ahead[0].status == agenda_status::upcoming);
        CHECK(ahead[0].kind == "lostcontact.self_withdrawal_candidate");
        CHECK(ahead[0].rule_id == "lostcontact.self_withdrawal_6_months");
        CHECK(ahead[0].org == branch);
        CHECK(ahead[0].member == zhang);
        auto const both = on(d(2025, 2, 28));
        REQUIRE(both.size() == 2);  // org life holds, dues upcoming (from 2025-03-01)
        CHECK(both[0].status == agenda_status::finding);
        CHECK(both[1].status == agenda_status::upcoming);
        CHECK(on(d(2025, 3, 1))[1].status == agenda_status::finding);
        std::vector<standing_event> const suspended{{sk::suspended, d(2025, 2, 1), "", ""}};
        CHECK(self_withdrawal_agenda(m, in, suspended, d(2025, 3, 1), rules).empty());
    }
    CHECK(chinese_name(self_withdrawal_ground::dues_unpaid) == std::string_view("连续六个月不交纳党费"));
}

TEST_CASE("lost_contact: attempts out of order or before the last known contact are refused on the date",
          "[lost_contact]") {
    auto log = log_since(d(2024, 3, 1));
    CHECK(invalid_field([&] { record(log, failed(d(2024, 2, 29))); }) == "date");
    record(log, failed(d(2024, 4, 1)));
    CHECK(invalid_field([&] { record(log, reached(d(2024, 3, 31))); }) == "date");
    CHECK(log.records.size() == 1);
    contact_log nobody{member_id{}, "", branch, d(2024, 1, 1), {}};
    CHECK(invalid_field([&] { record(nobody, failed(d(2024, 2, 1))); }) == "member");
    CHECK(to_string(contact_kind::reached) == "reached");
}

}  // namespace lost_contact_test_cases
