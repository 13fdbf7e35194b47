#include <catch2/catch.hpp>

#include <vector>

#include "dangyuan/mobility/certificate.hpp"
#include "rules_test_prelude.hpp"

namespace certificate_test_cases {

namespace {
using ck = certificate_event_kind;
org_id const home{1};
org_id const host{2};
org_id const committee{10};
member_id const zhang{7};

certificate_issue issue_on(date::sys_days on, int months = 4, bool fixed = false) {
    certificate_issue i;
    i.member_name = "张三";
    i.branch = home;
    i.issuing_committee = committee;
    i.issued = on;
    i.reason = mobility_reason::work_business;
    i.destination = "广东省深圳市";
    i.expected_months = months;
    i.fixed_place = fixed;
    return i;
}

// A record of `kind` on `on`; `org` and `text` go where the kind has them.
certificate_record event(ck kind, date::sys_days on, std::optional<org_id> org = std::nullopt,
                         std::string text = "") {
    switch (kind) {
        case ck::presented:
            return certificate_presented{on, org};
        case ck::reviewed:
            return certificate_reviewed{on, org, "", std::nullopt, std::move(text)};
        case ck::returned:
            return certificate_returned{on, org, "", std::move(text)};
        case ck::lost:
            return certificate_lost{on, std::move(text)};
        case ck::revoked:
            return certificate_revoked{on, std::move(text)};
    }
    return {};
}

// A valid record of each kind on `on`.
certificate_record legal(ck kind, date::sys_days on) {
    switch (kind) {
        case ck::presented:
            return event(kind, on, host);
        case ck::returned:
            return event(kind, on, home, "外出期间参加流入地组织生活12次");
        default:
            return event(kind, on);
    }
}

activity_certificate fresh(date::sys_days on) {
    certificate_numbering n("330106", 4);
    return issue_certificate(n, zhang, issue_on(on), {}, rules);
}
}  // namespace

TEST_CASE(
    "中组部 流动党员活动证 通知(2006) [S] certificate.unique_number: prefix + zero-padded sequence, never "
    "twice",
    "[certificate]") {
    certificate_numbering n("330106", 4);
    CHECK(n.peek().value == "3301060001");
    CHECK(n.next().value == "3301060001");
    CHECK(n.next().value == "3301060002");
    CHECK(violated_rule([&] { n.reserve({"3301060002"}); }) == "certificate.unique_number");
    n.reserve({"3301060003"});  // a number typed in from a paper register
    CHECK(n.next().value == "3301060004");
    CHECK(n.taken({"3301060003"}));
    CHECK(n.taken_numbers().size() == 4);
    CHECK(invalid_field([&] { n.reserve({""}); }) == "number");

    auto copy = n;
    CHECK(copy == n);
    (void)copy.next();
    CHECK_FALSE(copy == n);

    certificate_numbering tiny("X", 1, 9);
    CHECK(tiny.next().value == "X9");
    auto const before = tiny;
    CHECK(invalid_field([&] { (void)tiny.next(); }) == "sequence");
    CHECK(tiny == before);
    CHECK(invalid_field([] { certificate_numbering("A", 0); }) == "digits");
    CHECK(invalid_field([] { certificate_numbering("A", 6, 0); }) == "next");

    auto local = rules;
    CHECK(certificate_numbering::from(local).next().value == "000001");  // national default: no prefix
    local.mobility.certificate_number_prefix = "DY";
    local.mobility.certificate_number_digits = 3;
    CHECK(certificate_numbering::from(local).next().value == "DY001");

    // Issuing under an explicit number reserves it; the same number again is refused.
    certificate_numbering county("330106", 4);
    auto const a =
        issue_certificate(county, certificate_no{"3301069999"}, zhang, issue_on(d(2024, 1, 1)), {}, rules);
    CHECK(a.number.value == "3301069999");
    std::vector<activity_certificate> const others;
    CHECK(violated_rule([&] {
              (void)issue_certificate(county, certificate_no{"3301069999"}, member_id{8},
                                      issue_on(d(2024, 1, 1)), others, rules);
          }) == "certificate.unique_number");
}

TEST_CASE(
    "中组部 流动党员活动证 通知(2006) [S] certificate.issuer_grassroots_committee: stamped by a grassroots "
    "committee",
    "[certificate]") {
    org_unit o;
    o.name = "城关街道第一社区党支部";
    o.kind = org_kind::branch;
    CHECK(violated_rule([&] { check_issuer(o); }) == "certificate.issuer_grassroots_committee");
    o.kind = org_kind::general_branch;
    CHECK(violated_rule([&] { check_issuer(o); }) == "certificate.issuer_grassroots_committee");
    o.kind = org_kind::grassroots_committee;
    CHECK_NOTHROW(check_issuer(o));
    o.kind = org_kind::working_committee;  // 街道党工委
    CHECK_NOTHROW(check_issuer(o));
}

TEST_CASE(
    "中组部 流动党员活动证 通知(2006) [U] certificate.one_valid_per_member: a second valid certificate is "
    "refused",
    "[certificate]") {
    certificate_numbering n("330106", 4);
    std::vector<activity_certificate> mine;
    mine.push_back(issue_certificate(n, zhang, issue_on(d(2024, 3, 1)), mine, rules));
    auto const before = n;
    CHECK(violated_rule([&] { (void)issue_certificate(n, zhang, issue_on(d(2024, 6, 1)), mine, rules); }) ==
          "certificate.one_valid_per_member");
    CHECK(n == before);  // no number was used up
    // Another member's certificate does not count.
    CHECK_NOTHROW((void)issue_certificate(n, member_id{8}, issue_on(d(2024, 6, 1)), mine, rules));
    // Handed back on 2024-06-30: a new one from that day.
    record(mine[0], legal(ck::returned, d(2024, 6, 30)), rules);
    CHECK(violated_rule([&] { (void)issue_certificate(n, zhang, issue_on(d(2024, 6, 29)), mine, rules); }) ==
          "certificate.one_valid_per_member");
    auto const second = issue_certificate(n, zhang, issue_on(d(2024, 6, 30)), mine, rules);
    CHECK(second.number.value == "3301060003");
    // A certificate past its validity does not block a new one.
    auto expiring = rules;
    expiring.mobility.certificate_validity_months = 12;
    std::vector<activity_certificate> old{fresh(d(2023, 2, 28))};
    CHECK(violated_rule([&] {
              (void)issue_certificate(n, zhang, issue_on(d(2024, 2, 28)), old, expiring);
          }) == "certificate.one_valid_per_member");
    CHECK_NOTHROW((void)issue_certificate(n, zhang, issue_on(d(2024, 2, 29)), old, expiring));
}

TEST_CASE(
    "中组部 流动党员活动证 通知(2006) [S] certificate.closed_not_usable: nothing happens to a certificate "
    "handed back, lost or revoked",
    "[certificate]") {
    for (auto closing : {ck::returned, ck::lost, ck::revoked}) {
        for (auto next : {ck::presented, ck::reviewed, ck::returned, ck::lost, ck::revoked}) {
            INFO(to_string(closing) << " then " << to_string(next));
            auto c = fresh(d(2024, 3, 1));
            record(c, legal(ck::presented, d(2024, 3, 10)), rules);
            record(c, legal(closing, d(2024, 5, 1)), rules);
            CHECK(violated_rule([&] { record(c, legal(next, d(2024, 5, 2)), rules); }) ==
                  "certificate.closed_not_usable");
            CHECK(violated_rule([&] { record(c, legal(next, d(2024, 5, 1)), rules); }) ==
                  "certificate.closed_not_usable");
            CHECK(c.records.size() == 2);
            CHECK_FALSE(is_valid_on(c, d(2024, 5, 1), rules));
            CHECK(is_valid_on(c, d(2024, 4, 30), rules));
        }
    }
    // The table: open states accept every event, closed states none.
    for (auto s : {certificate_state::returned, certificate_state::void_lost, certificate_state::revoked})
        for (auto e : {ck::presented, ck::reviewed, ck::returned, ck::lost, ck::revoked})
            CHECK_FALSE(certificate_after(s, e).has_value());
    CHECK(certificate_after(certificate_state::issued, ck::reviewed) == certificate_state::issued);
    CHECK(certificate_after(certificate_state::presented, ck::presented) == certificate_state::presented);
    CHECK(certificate_after(certificate_state::presented, ck::lost) == certificate_state::void_lost);
}

TEST_CASE("certificate: the legal life of a certificate, folded by date", "[certificate]") {
    auto c = fresh(d(2024, 3, 1));
    CHECK_FALSE(state_on(c, d(2024, 2, 29)).has_value());
    CHECK(state_on(c, d(2024, 3, 1))->state == certificate_state::issued);
    record(c, legal(ck::reviewed, d(2024, 3, 5)), rules);  // reviewed before presenting: legal
    record(c, legal(ck::presented, d(2024, 3, 10)), rules);
    // Moved on: the next host.
    record(c, certificate_presented{d(2024, 8, 1), org_id{3}, "东莞市流动党员党委"}, rules);
    record(c, certificate_reviewed{d(2025, 2, 20), org_id{3}, "", campaign_id{2024}, "合格"}, rules);
    record(c, legal(ck::returned, d(2025, 6, 1)), rules);
    auto const mid = *state_on(c, d(2024, 9, 1));
    CHECK(mid.state == certificate_state::presented);
    CHECK(mid.host == org_id{3});
    CHECK(mid.host_name == "东莞市流动党员党委");
    CHECK(mid.presented_on == d(2024, 8, 1));
    CHECK(mid.last_review == d(2024, 3, 5));
    auto const end = *state_on(c, d(2025, 6, 1));
    CHECK(end.state == certificate_state::returned);
    CHECK(end.closed_on == d(2025, 6, 1));
    CHECK(parse_certificate_event_kind("年审") == ck::reviewed);
    CHECK(invalid_field([] { (void)parse_certificate_event_kind("续期"); }) == "kind");
}

TEST_CASE("certificate: dates out of order and incomplete records are refused on the field",
          "[certificate]") {
    auto c = fresh(d(2024, 3, 1));
    CHECK(invalid_field([&] { record(c, legal(ck::presented, d(2024, 2, 29)), rules); }) == "date");
    record(c, legal(ck::presented, d(2024, 3, 10)), rules);
    CHECK(invalid_field([&] { record(c, legal(ck::reviewed, d(2024, 3, 9)), rules); }) == "date");
    CHECK(invalid_field([&] { record(c, event(ck::presented, d(2024, 4, 1)), rules); }) == "org");
    CHECK(violated_rule([&] { record(c, event(ck::presented, d(2024, 4, 1), home), rules); }) ==
          "mobility.one_side_affiliation");
    CHECK(c.records.size() == 1);

    certificate_numbering n;
    auto bad = issue_on(d(2024, 3, 1));
    bad.member_name.clear();
    CHECK(invalid_field([&] { (void)issue_certificate(n, zhang, bad, {}, rules); }) == "member_name");
    bad = issue_on(d(2024, 3, 1));
    bad.issuing_committee = org_id{};
    CHECK(invalid_field([&] { (void)issue_certificate(n, zhang, bad, {}, rules); }) == "issuing_committee");
    bad = issue_on(d(2024, 3, 1), -1);
    CHECK(invalid_field([&] { (void)issue_certificate(n, zhang, bad, {}, rules); }) == "expected_months");
    CHECK(invalid_field([&] {
              (void)issue_certificate(n, member_id{}, issue_on(d(2024, 3, 1)), {}, rules);
          }) == "member");
    CHECK(n.taken_numbers().empty());
}

TEST_CASE(
    "中组部 流动党员活动证 通知(2006) [S] certificate.return_with_report: handed back with the report of "
    "the period away",
    "[certificate]") {
    auto c = fresh(d(2024, 3, 1));
    CHECK(violated_rule([&] { record(c, event(ck::returned, d(2024, 9, 1), home), rules); }) ==
          "certificate.return_with_report");
    CHECK(c.records.empty());
    record(c, event(ck::returned, d(2024, 9, 1), home, "在流入地参加组织生活6次，按月交纳党费"), rules);
    CHECK(state_on(c, d(2024, 9, 1))->state == certificate_state::returned);
}

TEST_CASE(
    "中组部 流动党员活动证 通知(2006) [U] certificate.lost_reissue: a lost certificate is void and replaced "
    "under a new number",
    "[certificate]") {
    certificate_numbering n("330106", 4);
    std::vector<activity_certificate> mine;
    mine.push_back(issue_certificate(n, zhang, issue_on(d(2024, 3, 1)), mine, rules));
    record(mine[0], legal(ck::presented, d(2024, 3, 10)), rules);
    auto const old_no = mine[0].number;

    SECTION("reissue_after_loss voids the old number and names it on the new certificate") {
        auto const copy = mine;
        auto fresh_one = reissue_after_loss(mine[0], d(2024, 7, 1), "手机连同证件遗失", n,
                                            issue_on(d(2024, 7, 2)), copy, rules);
        CHECK(fresh_one.number.value == "3301060002");
        CHECK(fresh_one.number != old_no);
        CHECK(fresh_one.issue.replaces == old_no);
        CHECK(state_on(mine[0], d(2024, 7, 1))->state == certificate_state::void_lost);
        CHECK(is_valid_on(mine[0], d(2024, 6, 30), rules));
        CHECK_FALSE(is_valid_on(mine[0], d(2024, 7, 1), rules));
        CHECK(violated_rule([&] { record(mine[0], legal(ck::presented, d(2024, 7, 3)), rules); }) ==
              "certificate.closed_not_usable");
        CHECK(violated_rule([&] { n.reserve(old_no); }) == "certificate.unique_number");
        mine.push_back(fresh_one);
        CHECK(valid_certificates_on(mine, d(2024, 7, 2), rules).size() == 1);
        CHECK(valid_certificates_on(mine, d(2024, 7, 2), rules)[0]->number.value == "3301060002");
    }
    SECTION("a replacement for a certificate that is not lost is refused, and nothing changes") {
        auto replacement = issue_on(d(2024, 7, 2));
        replacement.replaces = old_no;
        CHECK(violated_rule([&] { (void)issue_certificate(n, zhang, replacement, mine, rules); }) ==
              "certificate.lost_reissue");
        replacement.replaces = certificate_no{"nope"};
        CHECK(invalid_field([&] { (void)issue_certificate(n, zhang, replacement, mine, rules); }) ==
              "replaces");
        auto const before = mine;
        auto const numbering_before = n;
        // A replacement dated before the loss.
        CHECK(invalid_field([&] {
                  (void)reissue_after_loss(mine[0], d(2024, 7, 1), "", n, issue_on(d(2024, 6, 30)), before,
                                           rules);
              }) == "issued");
        // The loss itself is illegal after the certificate was handed back.
        record(mine[0], legal(ck::returned, d(2024, 6, 1)), rules);
        auto const returned = mine;
        CHECK(violated_rule([&] {
                  (void)reissue_after_loss(mine[0], d(2024, 7, 1), "", n, issue_on(d(2024, 7, 2)), returned,
                                           rules);
              }) == "certificate.closed_not_usable");
        CHECK(mine == returned);
        CHECK(n == numbering_before);
    }
}

TEST_CASE("中组部 流动党员活动证 通知(2006) [U] certificate.validity: no expiry unless the rule set sets one",
          "[certificate]") {
    auto c = fresh(d(2024, 2, 29));
    CHECK_FALSE(expiry_date(c, rules).has_value());
    CHECK_NOTHROW(check_certificate_record(c, legal(ck::presented, d(2034, 1, 1)), rules));

    auto local = rules;
    local.mobility.certificate_validity_months = 12;
    CHECK(expiry_date(c, local) == d(2025, 2, 28));
    CHECK(is_valid_on(c, d(2025, 2, 28), local));
    CHECK_FALSE(is_valid_on(c, d(2025, 3, 1), local));
    CHECK_NOTHROW(check_certificate_record(c, legal(ck::presented, d(2025, 2, 28)), local));
    CHECK(violated_rule([&] { record(c, legal(ck::presented, d(2025, 3, 1)), local); }) ==
          "certificate.validity");
    CHECK(violated_rule([&] { record(c, legal(ck::reviewed, d(2025, 3, 1)), local); }) ==
          "certificate.validity");
    CHECK_NOTHROW(check_certificate_record(c, legal(ck::returned, d(2025, 3, 1)), local));  // hand it back

    auto on = [&](date::sys_days day) { return certificate_agenda(c, day, local); };
    CHECK(on(d(2025, 1, 27)).empty());
    REQUIRE(on(d(2025, 1, 28)).size() == 2);
    CHECK(on(d(2025, 1, 28))[0].kind == "certificate.expiry");
    CHECK(on(d(2025, 1, 28))[0].rule_id == "certificate.validity");
    CHECK(on(d(2025, 1, 28))[0].status == agenda_status::upcoming);
    CHECK(on(d(2025, 2, 28))[0].status == agenda_status::due);
    auto const after = on(d(2025, 3, 1));
    REQUIRE(after.size() == 1);  // the review is moot once the certificate expired
    CHECK(after[0].kind == "certificate.expiry");
    CHECK(after[0].status == agenda_status::overdue);
}

TEST_CASE(
    "中组部 流动党员活动证 通知(2006) [S] certificate.annual_review: reviewed a year after issue or the last "
    "review; on the agenda a month ahead",
    "[certificate]") {
    auto c = fresh(d(2024, 3, 31));
    CHECK(next_review_due(c, d(2024, 4, 1), rules) == d(2025, 3, 31));
    auto on = [&](date::sys_days day) { return certificate_agenda(c, day, rules); };
    CHECK(on(d(2025, 2, 27)).empty());
    REQUIRE(on(d(2025, 2, 28)).size() == 1);  // 2025-03-31 - 1 month = 2025-02-28
    CHECK(on(d(2025, 2, 28))[0].kind == "certificate.annual_review");
    CHECK(on(d(2025, 2, 28))[0].status == agenda_status::upcoming);
    CHECK(on(d(2025, 2, 28))[0].org == home);
    CHECK(on(d(2025, 2, 28))[0].member == zhang);
    CHECK(on(d(2025, 3, 31))[0].status == agenda_status::due);
    CHECK(on(d(2025, 4, 1))[0].status == agenda_status::overdue);
    record(c, certificate_reviewed{d(2025, 3, 15), home, "", campaign_id{2025}, "合格"}, rules);
    CHECK(on(d(2025, 4, 1)).empty());
    CHECK(next_review_due(c, d(2025, 4, 1), rules) == d(2026, 3, 15));
    CHECK(on(d(2026, 2, 15))[0].due == d(2026, 3, 15));
    CHECK(on(d(2026, 2, 14)).empty());
    record(c, legal(ck::returned, d(2026, 3, 1)), rules);
    CHECK(on(d(2026, 3, 20)).empty());
}

TEST_CASE("中组部 流动党员活动证 试行通知 [S] certificate.scope: no certificate where a transfer is required",
          "[certificate]") {
    certificate_numbering n;
    CHECK(violated_rule([&] {
              (void)issue_certificate(n, zhang, issue_on(d(2024, 3, 1), 6, true), {}, rules);
          }) == "certificate.scope");
    CHECK(n.taken_numbers().empty());
    CHECK_NOTHROW((void)issue_certificate(n, zhang, issue_on(d(2024, 3, 1), 5, true), {}, rules));
    CHECK_NOTHROW((void)issue_certificate(n, member_id{8}, issue_on(d(2024, 3, 1), 12, false), {}, rules));
    auto blocked = issue_on(d(2024, 3, 1), 12, true);
    blocked.transfer_blocked_reason = "流入地单位尚未建立党组织";
    CHECK_NOTHROW((void)issue_certificate(n, member_id{9}, blocked, {}, rules));

    auto const a = advise_document({.expected_months = 8, .fixed_place = false}, rules);
    CHECK(a.document == absence_document::activity_certificate);
    CHECK(a.rule_id == "certificate.scope");
    CHECK(advise_document({.expected_months = 12, .fixed_place = true, .transfer_blocked = true}, rules)
              .document == absence_document::activity_certificate);
    CHECK(advise_document({.expected_months = 5, .fixed_place = true}, rules).document ==
          absence_document::activity_certificate);
    auto const t = advise_document({.expected_months = 6, .fixed_place = true}, rules);
    CHECK(t.document == absence_document::transfer);
    CHECK(t.rule_id == "mobility.transfer_fixed_place_6_months");
    CHECK(chinese_name(t.document) == "转接组织关系");
    CHECK(invalid_field([] { (void)advise_document({.expected_months = -1}, rules); }) == "expected_months");
    CHECK(invalid_field([] { (void)advise_document({.members_together = 0}, rules); }) == "members_together");
}

TEST_CASE(
    "中组部 流动党员活动证 试行通知 [S] certificate.short_trip_letter: short trips take a party-member "
    "certificate letter",
    "[certificate]") {
    auto const a = advise_document({.expected_months = 1, .short_trip = true}, rules);
    CHECK(a.document == absence_document::certificate_letter);
    CHECK(a.rule_id == "certificate.short_trip_letter");
    CHECK(advise_document({.expected_months = 5, .short_trip = true}, rules).document ==
          absence_document::certificate_letter);
    // A long secondment at a fixed place is a transfer; a long roaming one, a certificate.
    CHECK(advise_document({.expected_months = 6, .fixed_place = true, .short_trip = true}, rules).document ==
          absence_document::transfer);
    CHECK(advise_document({.expected_months = 6, .short_trip = true}, rules).document ==
          absence_document::activity_certificate);
}

TEST_CASE(
    "中组部 流动党员活动证 试行通知 [S] certificate.frequent_return_home: members who return often keep org "
    "life at home",
    "[certificate]") {
    auto const a = advise_document({.expected_months = 12, .returns_often = true}, rules);
    CHECK(a.document == absence_document::home_branch_life);
    CHECK(a.rule_id == "certificate.frequent_return_home");
    CHECK(
        advise_document({.expected_months = 2, .short_trip = true, .returns_often = true}, rules).document ==
        absence_document::certificate_letter);
}

TEST_CASE(
    "中组部 流动党员活动证 试行通知 [S] mobility.temporary_branch_3: 3 or more members going together form a "
    "temporary branch or group",
    "[certificate]") {
    CHECK_FALSE(advise_document({.expected_months = 8, .members_together = 2}, rules).temporary_org);
    auto const a = advise_document({.expected_months = 8, .members_together = 3}, rules);
    CHECK(a.temporary_org);
    CHECK(a.temporary_org_rule_id == "mobility.temporary_branch_3");
    CHECK(a.document == absence_document::activity_certificate);
    auto local = rules;
    local.mobility.temporary_org_min_members = 5;
    CHECK_FALSE(advise_document({.expected_months = 8, .members_together = 3}, local).temporary_org);
}

TEST_CASE(
    "关于中国共产党党费收缴、使用和管理的规定(2008) [S] mobility.host_dues_with_certificate: dues at the "
    "host "
    "on the certificate presented there",
    "[certificate]") {
    mobility_episode ep{episode_id{1}, zhang, "张三", home, {}};
    record(ep, member_left{.date = d(2024, 3, 1), .destination = {.place = "深圳"}}, rules);
    record(ep, reported_to_host{.date = d(2024, 3, 10), .host_org = host}, rules);
    host_dues_paid pay{.date = d(2024, 3, 20),
                       .dues_month = date::year{2024} / 3,
                       .dues_months = 1,
                       .amount_fen = fen(1500)};

    std::vector<activity_certificate> certs{fresh(d(2024, 3, 1))};
    CHECK(violated_rule([&] { record_with_certificates(ep, pay, certs, rules); }) ==
          "mobility.host_dues_with_certificate");
    CHECK(ep.records.size() == 2);
    record(certs[0], event(ck::presented, d(2024, 3, 10), org_id{3}), rules);  // presented elsewhere
    CHECK(violated_rule([&] { record_with_certificates(ep, pay, certs, rules); }) ==
          "mobility.host_dues_with_certificate");
    certs[0].records.clear();
    record(certs[0], event(ck::presented, d(2024, 3, 10), host), rules);
    record_with_certificates(ep, pay, certs, rules);
    CHECK(ep.records.size() == 3);
    // After the certificate was handed back, dues at the host are no longer on it.
    record(certs[0], legal(ck::returned, d(2024, 4, 1)), rules);
    pay.date = d(2024, 4, 2);
    pay.dues_month = date::year{2024} / 4;
    CHECK(violated_rule([&] { record_with_certificates(ep, pay, certs, rules); }) ==
          "mobility.host_dues_with_certificate");
    // Host activities need no certificate check.
    host_life_attended const act{.date = d(2024, 4, 2)};
    CHECK_NOTHROW(record_with_certificates(ep, act, certs, rules));
}

}  // namespace certificate_test_cases
