#include <catch2/catch.hpp>

#include <vector>

#include "dangyuan/mobility/episode.hpp"
#include "dangyuan/mobility/mobility_agenda.hpp"
#include "rules_test_prelude.hpp"

namespace mobility_test_cases {

namespace {
using k = episode_record_kind;
org_id const home{1};
org_id const host{2};
org_id const other_host{3};

mobility_episode away_since(date::sys_days left, bool fixed = false, std::string place = "深圳市南山区") {
    mobility_episode ep{episode_id{1}, member_id{7}, "张三", home, {}};
    member_left r{.date = left, .reason = mobility_reason::work_business, .fixed_place = fixed};
    r.destination.place = std::move(place);
    record(ep, r, rules);
    return ep;
}

episode_record report_to(org_id org, date::sys_days on) {
    return reported_to_host{.date = on, .host_org = org, .host_org_name = "南山区流动党员党支部"};
}

episode_record dues(date::sys_days on, date::year_month first, int months) {
    return host_dues_paid{
        .date = on, .dues_month = first, .dues_months = months, .amount_fen = fen(500 * months)};
}

std::vector<agenda_item> of_kind(std::vector<agenda_item> const& items, std::string const& kind) {
    std::vector<agenda_item> out;
    for (auto const& i : items)
        if (i.kind == kind) out.push_back(i);
    return out;
}
}  // namespace

TEST_CASE(
    "关于进一步加强和改进流动党员管理工作的意见(2024) [S] mobility.mobile_member_6_months: away 6 "
    "consecutive months without a transfer makes a mobile member",
    "[mobility]") {
    SECTION("month end: left 2024-08-31, mobile from 2025-02-28") {
        auto const ep = away_since(d(2024, 8, 31));
        CHECK(mobile_from(ep, rules) == d(2025, 2, 28));
        CHECK_FALSE(is_mobile_member_on(ep, d(2025, 2, 27), rules));
        CHECK(is_mobile_member_on(ep, d(2025, 2, 28), rules));
    }
    SECTION("5 months 30 days is not 6 months") {
        auto const ep = away_since(d(2024, 1, 31));
        CHECK_FALSE(is_mobile_member_on(ep, d(2024, 7, 30), rules));  // 2024-01-31 + 5 months + 30 days
        CHECK(is_mobile_member_on(ep, d(2024, 7, 31), rules));
    }
    SECTION("leap years") {
        CHECK(mobile_from(away_since(d(2023, 8, 31)), rules) == d(2024, 2, 29));
        CHECK(mobile_from(away_since(d(2023, 8, 29)), rules) == d(2024, 2, 29));
        CHECK(mobile_from(away_since(d(2024, 2, 29)), rules) == d(2024, 8, 29));
        CHECK(mobile_from(away_since(d(2024, 8, 30)), rules) == d(2025, 2, 28));
    }
    SECTION("agenda: upcoming a month ahead, due on the day, overdue after, gone once registered") {
        auto ep = away_since(d(2024, 8, 31));
        auto on = [&](date::sys_days day) {
            return of_kind(episode_agenda(ep, day, rules), "mobility.register_mobile");
        };
        CHECK(on(d(2025, 1, 27)).empty());
        REQUIRE(on(d(2025, 1, 28)).size() == 1);
        CHECK(on(d(2025, 1, 28))[0].status == agenda_status::upcoming);
        CHECK(on(d(2025, 1, 28))[0].due == d(2025, 2, 28));
        CHECK(on(d(2025, 1, 28))[0].rule_id == "mobility.mobile_member_6_months");
        CHECK(on(d(2025, 1, 28))[0].org == home);
        CHECK(on(d(2025, 1, 28))[0].member == member_id{7});
        CHECK(on(d(2025, 2, 28))[0].status == agenda_status::due);
        CHECK(on(d(2025, 3, 1))[0].status == agenda_status::overdue);
        record(ep, registered_as_mobile{d(2025, 3, 2)}, rules);
        CHECK(on(d(2025, 3, 1)).size() == 1);  // history: not yet registered on that day
        CHECK(on(d(2025, 3, 2)).empty());
    }
    SECTION("a return or a transfer ends it") {
        auto ep = away_since(d(2024, 8, 31));
        record(ep, member_returned{d(2025, 2, 27)}, rules);
        CHECK_FALSE(is_mobile_member_on(ep, d(2025, 2, 28), rules));
        CHECK(episode_agenda(ep, d(2025, 3, 1), rules).empty());
        auto moved_out = away_since(d(2024, 8, 31));
        record(moved_out, relationship_transferred{d(2024, 12, 1)}, rules);
        CHECK_FALSE(is_mobile_member_on(moved_out, d(2025, 3, 1), rules));
    }
    SECTION("the threshold is a rule-set number") {
        auto strict = rules;
        strict.mobility.mobile_after_months = 3;
        CHECK(mobile_from(away_since(d(2024, 11, 30)), strict) == d(2025, 2, 28));
    }
}

TEST_CASE(
    "中国共产党党员教育管理工作条例(2019) 第25条 [C] mobility.transfer_fixed_place_6_months: 6 months at a "
    "fixed place requires a transfer",
    "[mobility]") {
    auto ep = away_since(d(2024, 8, 31), true, "苏州工业园区");
    CHECK(transfer_required_from(ep, d(2024, 9, 1), rules) == d(2025, 2, 28));
    auto on = [&](date::sys_days day) {
        return of_kind(episode_agenda(ep, day, rules), "mobility.transfer_required");
    };
    CHECK(on(d(2025, 1, 27)).empty());
    REQUIRE(on(d(2025, 1, 28)).size() == 1);
    CHECK(on(d(2025, 1, 28))[0].status == agenda_status::upcoming);
    CHECK(on(d(2025, 1, 28))[0].rule_id == "mobility.transfer_fixed_place_6_months");
    CHECK(on(d(2025, 2, 28))[0].status == agenda_status::due);
    CHECK(on(d(2025, 3, 1))[0].status == agenda_status::overdue);

    SECTION("not at a fixed place: no transfer item") {
        auto roaming = away_since(d(2024, 8, 31), false);
        CHECK_FALSE(transfer_required_from(roaming, d(2025, 3, 1), rules).has_value());
        CHECK(of_kind(episode_agenda(roaming, d(2025, 3, 1), rules), "mobility.transfer_required").empty());
    }
    SECTION("moving to a new fixed place restarts the clock") {
        auto mv = moved_place{d(2024, 12, 31)};
        mv.destination.place = "杭州市滨江区";
        mv.fixed_place = true;
        record(ep, mv, rules);
        CHECK(transfer_required_from(ep, d(2025, 1, 1), rules) == d(2025, 6, 30));
        CHECK(on(d(2025, 3, 1)).empty());
        CHECK(on(d(2025, 5, 30))[0].status == agenda_status::upcoming);
    }
    SECTION("leap year: fixed from 2024-02-29, transfer due 2024-08-29") {
        auto leap = away_since(d(2024, 2, 29), true);
        CHECK(transfer_required_from(leap, d(2024, 8, 28), rules) == d(2024, 8, 29));
    }
    SECTION("the transfer closes the episode and the item") {
        record(ep, relationship_transferred{d(2025, 3, 10)}, rules);
        CHECK(on(d(2025, 3, 9)).size() == 1);
        CHECK(on(d(2025, 3, 10)).empty());
    }
}

TEST_CASE(
    "关于加强和改进流动党员管理工作的意见(2006) [S] mobility.yearly_report: the member reports to the home "
    "organisation once a year from leaving",
    "[mobility]") {
    auto ep = away_since(d(2024, 2, 29));
    CHECK(yearly_report_due(d(2024, 2, 29), 1, rules) == d(2025, 2, 28));
    CHECK(yearly_report_due(d(2024, 2, 29), 2, rules) == d(2026, 2, 28));
    CHECK(yearly_report_due(d(2024, 2, 29), 4, rules) == d(2028, 2, 29));  // no drift through 02-28
    record(ep, registered_as_mobile{d(2024, 9, 1)}, rules);
    auto on = [&](date::sys_days day) {
        return of_kind(episode_agenda(ep, day, rules), "mobility.yearly_report");
    };
    CHECK(on(d(2025, 1, 27)).empty());
    REQUIRE(on(d(2025, 1, 28)).size() == 1);
    CHECK(on(d(2025, 1, 28))[0].status == agenda_status::upcoming);
    CHECK(on(d(2025, 2, 28))[0].status == agenda_status::due);

    SECTION("a report inside the period clears it; the next period appears a month before its end") {
        record(ep, yearly_report_made{d(2025, 2, 28)}, rules);
        CHECK(on(d(2025, 2, 28)).empty());
        CHECK(on(d(2025, 3, 1)).empty());
        CHECK(on(d(2026, 1, 28))[0].due == d(2026, 2, 28));
    }
    SECTION("a missed period stays overdue, counted, while the next one runs") {
        auto const items = on(d(2025, 3, 1));
        REQUIRE(items.size() == 1);
        CHECK(items[0].status == agenda_status::overdue);
        CHECK(items[0].due == d(2025, 2, 28));
        CHECK(items[0].message.find("1 yearly report(s)") != std::string::npos);
        auto const two_missed = on(d(2026, 3, 1));
        REQUIRE(two_missed.size() == 1);
        CHECK(two_missed[0].due == d(2026, 2, 28));
        CHECK(two_missed[0].message.find("2 yearly report(s)") != std::string::npos);
        // A late report counts for the period it falls in, not for the missed one.
        record(ep, yearly_report_made{d(2025, 3, 1)}, rules);
        CHECK(on(d(2025, 3, 1))[0].status == agenda_status::overdue);
        CHECK(on(d(2026, 3, 1)).size() == 1);
        CHECK(on(d(2026, 3, 1))[0].message.find("1 yearly report(s)") != std::string::npos);
    }
}

TEST_CASE(
    "中国共产党党员教育管理工作条例(2019) [S] mobility.one_side_affiliation: the host is never the home "
    "branch",
    "[mobility]") {
    auto ep = away_since(d(2024, 3, 1));
    CHECK(violated_rule([&] { record(ep, report_to(home, d(2024, 3, 10)), rules); }) ==
          "mobility.one_side_affiliation");
    auto mv = moved_place{d(2024, 3, 10)};
    mv.destination.place = "宁波";
    mv.destination.host_org = home;
    CHECK(violated_rule([&] { record(ep, mv, rules); }) == "mobility.one_side_affiliation");
    CHECK(ep.records.size() == 1);
    record(ep, report_to(host, d(2024, 3, 10)), rules);
    auto const st = state_on(ep, d(2024, 3, 10));
    CHECK(st->host_org == host);
    CHECK(st->reported_on == d(2024, 3, 10));
    CHECK(st->destination.host_org_name == "南山区流动党员党支部");
}

TEST_CASE(
    "关于进一步加强和改进流动党员管理工作的意见(2024) [S] mobility.report_to_host: org life and dues at a "
    "host "
    "follow the report to that host",
    "[mobility]") {
    auto ep = away_since(d(2024, 3, 1));
    CHECK(violated_rule([&] { record(ep, host_life_attended{d(2024, 3, 5)}, rules); }) ==
          "mobility.report_to_host");
    CHECK(violated_rule([&] { record(ep, dues(d(2024, 3, 5), date::year{2024} / 3, 1), rules); }) ==
          "mobility.report_to_host");
    record(ep, report_to(host, d(2024, 3, 10)), rules);
    auto act = host_life_attended{d(2024, 3, 15)};
    act.note = "主题党日";
    record(ep, act, rules);
    auto elsewhere = host_life_attended{d(2024, 3, 20)};
    elsewhere.host_org = other_host;
    CHECK(violated_rule([&] { record(ep, elsewhere, rules); }) == "mobility.report_to_host");
    record(ep, dues(d(2024, 3, 20), date::year{2024} / 3, 3), rules);
    CHECK(state_on(ep, d(2024, 3, 20))->dues_paid_through == date::year{2024} / 5);
    CHECK(state_on(ep, d(2024, 3, 20))->last_host_activity == d(2024, 3, 15));
    CHECK(invalid_field([&] { record(ep, dues(d(2024, 4, 1), date::year{2024} / 5, 1), rules); }) ==
          "dues_month");
    record(ep, dues(d(2024, 4, 1), date::year{2024} / 6, 1), rules);
    // A move needs a new report before org life at the new host.
    auto mv = moved_place{d(2024, 6, 1)};
    mv.destination.place = "东莞";
    record(ep, mv, rules);
    CHECK(violated_rule([&] { record(ep, host_life_attended{d(2024, 6, 15)}, rules); }) ==
          "mobility.report_to_host");
    record(ep, report_to(other_host, d(2024, 6, 16)), rules);
    CHECK_NOTHROW(record(ep, host_life_attended{d(2024, 6, 20)}, rules));
}

TEST_CASE(
    "中组部 流动党员活动证 试行通知 [S] mobility.no_vote_at_host: a member attending at a host has no vote, "
    "election or candidacy rights there",
    "[mobility]") {
    auto m = test::full_member(home, "张三", d(2010, 7, 1));
    m.id = member_id{7};
    auto ep = away_since(d(2024, 3, 1));
    record(ep, report_to(host, d(2024, 3, 10)), rules);
    std::vector<mobility_episode> const eps{ep};
    CHECK(participation_at(home, m, eps, d(2024, 4, 1)) == participation::voting_member);
    CHECK(participation_at(host, m, eps, d(2024, 4, 1)) == participation::host_guest);
    CHECK(participation_at(host, m, eps, d(2024, 3, 9)) == participation::none);  // not reported yet
    CHECK(participation_at(other_host, m, eps, d(2024, 4, 1)) == participation::none);
    CHECK(has_vote_at(home, m, d(2024, 4, 1)));
    CHECK_FALSE(has_vote_at(host, m, d(2024, 4, 1)));
    CHECK(violated_rule([&] { check_vote_at(host, m, eps, d(2024, 4, 1)); }) == "mobility.no_vote_at_host");
    CHECK_NOTHROW(check_vote_at(home, m, eps, d(2024, 4, 1)));
    CHECK(invalid_field([&] { check_vote_at(other_host, m, eps, d(2024, 4, 1)); }) == "member");

    auto probationary = test::full_member(home, "李四", d(2024, 1, 10));  // full from 2025-01-10
    probationary.id = member_id{8};
    CHECK(participation_at(home, probationary, {}, d(2025, 1, 9)) == participation::non_voting_member);
    CHECK_FALSE(has_vote_at(home, probationary, d(2025, 1, 9)));
    CHECK(has_vote_at(home, probationary, d(2025, 1, 10)));
    CHECK(invalid_field([&] { check_vote_at(home, probationary, {}, d(2025, 1, 9)); }) == "member");
}

TEST_CASE("mobility: malformed episode records are refused on the offending field and change nothing",
          "[mobility]") {
    mobility_episode empty{episode_id{1}, member_id{7}, "张三", home, {}};
    CHECK(invalid_field([&] { record(empty, registered_as_mobile{d(2024, 1, 1)}, rules); }) == "kind");
    CHECK(invalid_field([&] { record(empty, member_left{d(2024, 1, 1)}, rules); }) == "place");
    mobility_episode nobody{episode_id{1}, member_id{}, "", home, {}};
    CHECK(invalid_field([&] { record(nobody, member_left{d(2024, 1, 1)}, rules); }) == "member");
    CHECK(empty.records.empty());

    auto ep = away_since(d(2024, 3, 1));
    CHECK(invalid_field([&] { record(ep, registered_as_mobile{d(2024, 2, 29)}, rules); }) == "date");
    auto again = member_left{d(2024, 4, 1)};
    again.destination.place = "上海";
    CHECK(invalid_field([&] { record(ep, again, rules); }) == "kind");
    auto neg = moved_place{d(2024, 4, 1)};
    neg.destination.place = "上海";
    neg.expected_months = -1;
    CHECK(invalid_field([&] { record(ep, neg, rules); }) == "expected_months");
    CHECK(invalid_field([&] { record(ep, reported_to_host{d(2024, 4, 1)}, rules); }) == "host_org");
    record(ep, registered_as_mobile{d(2024, 4, 1)}, rules);
    CHECK(invalid_field([&] { record(ep, registered_as_mobile{d(2024, 4, 2)}, rules); }) == "kind");
    record(ep, report_to(host, d(2024, 4, 2)), rules);
    CHECK(invalid_field([&] { record(ep, dues(d(2024, 4, 3), date::year{2024} / 4, 0), rules); }) ==
          "dues_months");
    record(ep, member_returned{d(2024, 5, 1)}, rules);
    CHECK(invalid_field([&] { record(ep, yearly_report_made{d(2024, 5, 2)}, rules); }) == "kind");
    CHECK(ep.records.size() == 4);
    CHECK(state_on(ep, d(2024, 5, 1))->phase == episode_phase::closed);
    CHECK(state_on(ep, d(2024, 5, 1))->closed_by == k::returned);
    CHECK(state_on(ep, d(2024, 4, 30))->phase == episode_phase::away);
    CHECK_FALSE(state_on(ep, d(2024, 2, 29)).has_value());
}

TEST_CASE("mobility: reasons and record kinds have codes, Chinese names and parse both", "[mobility]") {
    for (auto r : {mobility_reason::work_business, mobility_reason::study, mobility_reason::accompany_family,
                   mobility_reason::other}) {
        CHECK(parse_mobility_reason(to_string(r)) == r);
        CHECK(parse_mobility_reason(chinese_name(r)) == r);
    }
    CHECK(chinese_name(mobility_reason::work_business) == "务工经商");
    CHECK(invalid_field([] { (void)parse_mobility_reason("旅游"); }) == "reason");
    CHECK(parse_episode_record_kind("返回") == k::returned);
    CHECK(parse_episode_record_kind("dues_paid_at_host") == k::dues_paid_at_host);
    CHECK(invalid_field([] { (void)parse_episode_record_kind("x"); }) == "kind");
    // Each kind is its own struct; the kind names are the enum's codes, indexed like the variant.
    episode_record const paid = host_dues_paid{.date = d(2024, 4, 3)};
    CHECK(kind_of(paid) == k::dues_paid_at_host);
    CHECK(kind_name(paid) == "dues_paid_at_host");
    CHECK(record_date(paid) == d(2024, 4, 3));
    CHECK(episode_record_index<member_returned> == static_cast<std::size_t>(k::returned));
    CHECK(kind_name(episode_record{relationship_transferred{}}) == to_string(k::transferred));
}

TEST_CASE(
    "mobility: one member's agenda gathers every aggregate, flags a certificate not handed back and "
    "several valid certificates",
    "[mobility][agenda]") {
    member_mobility mm;
    mm.member = member_id{7};
    mm.member_name = "张三";
    mm.branch = home;
    mm.episodes.push_back(away_since(d(2024, 3, 1)));
    certificate_issue issue;
    issue.member_name = "张三";
    issue.branch = home;
    issue.issuing_committee = org_id{10};
    issue.issued = d(2024, 3, 1);
    issue.destination = "深圳";
    issue.expected_months = 6;
    mm.certificates.push_back(activity_certificate{{"0001"}, mm.member, issue, {}});
    contact_log log{mm.member, "张三", home, d(2024, 3, 1), {}};
    mm.contacts = log;

    auto const items = mobility_agenda(mm, d(2024, 8, 15), rules);
    REQUIRE(items.size() == 2);
    CHECK(items[0].kind == "mobility.register_mobile");          // due 2024-09-01
    CHECK(items[1].kind == "lostcontact.suspension_candidate");  // due 2024-09-01, listed after
    CHECK(std::is_sorted(items.begin(), items.end(),
                         [](auto const& a, auto const& b) { return a.due < b.due; }));

    record(mm.episodes[0], member_returned{d(2024, 9, 1)}, rules);
    mm.contacts->records.push_back(contact_reached{d(2024, 9, 1), "面谈", "支部书记", ""});
    auto const back = of_kind(mobility_agenda(mm, d(2024, 9, 2), rules), "certificate.not_handed_back");
    REQUIRE(back.size() == 1);
    CHECK(back[0].status == agenda_status::finding);
    CHECK(back[0].due == d(2024, 9, 1));
    CHECK(back[0].rule_id == "certificate.return_with_report");
    record(mm.certificates[0], certificate_returned{d(2024, 9, 3), home, "", "外出期间表现良好"}, rules);
    CHECK(of_kind(mobility_agenda(mm, d(2024, 9, 3), rules), "certificate.not_handed_back").empty());

    // Imported data with two valid certificates.
    auto second = issue;
    second.issued = d(2024, 10, 1);
    mm.certificates.push_back(activity_certificate{{"0002"}, mm.member, second, {}});
    mm.certificates.push_back(activity_certificate{{"0003"}, mm.member, second, {}});
    auto const several = of_kind(mobility_agenda(mm, d(2024, 10, 2), rules), "certificate.several_valid");
    REQUIRE(several.size() == 1);
    CHECK(several[0].rule_id == "certificate.one_valid_per_member");
    CHECK(several[0].message.find("0002, 0003") != std::string::npos);

    // Nothing once the member has left the party.
    mm.standing.push_back({standing_event_kind::died, d(2024, 11, 1), "", ""});
    CHECK(mobility_agenda(mm, d(2024, 11, 1), rules).empty());
}

}  // namespace mobility_test_cases
