#include <catch2/catch.hpp>

#include "rules_test_prelude.hpp"

namespace mobility_store_test_cases {

namespace {

// The date of recording of these stores (store_options::today): after every date of the scenarios,
// which reach past the real today (record.not_in_future is tested in store_test.cpp).
date::sys_days scenario_today() {
    return d(2099, 12, 31);
}

template <class F>
std::string violated(F&& f) {
    try {
        f();
    } catch (rule_violation const& e) {
        return e.rule_id();
    } catch (error const& e) {
        return std::string("other: ") + e.what();
    }
    return "";
}

template <class F>
std::string bad_field(F&& f) {
    try {
        f();
    } catch (invalid_input const& e) {
        return e.field();
    } catch (error const& e) {
        return std::string("other: ") + e.what();
    }
    return "";
}

// A street with a community and an office branch, a host organisation in another city, and a school
// committee that receives transfers.
struct town {
    store s;
    org_id district, street, community, office, village, host_committee, host_branch, school_committee,
        school_branch;
    std::vector<member_id> c, o;  // community and office members

    explicit town(std::filesystem::path const& path = test::fresh_store_location(),
                  rule_set rules = rule_set::national_2014())
        : s(open_store(path, {.actor = "tester", .rules = std::move(rules), .today = scenario_today})) {
        using k = org_kind;
        district = s.add_org({.name = "区委", .kind = k::higher_committee, .established = d(1990, 1, 1)});
        street = s.add_org({.name = "城关街道党工委",
                            .kind = k::working_committee,
                            .parent = district,
                            .established = d(2000, 1, 1)});
        community = s.add_org({.name = "第一社区党支部",
                               .kind = k::branch,
                               .parent = street,
                               .established = d(2001, 3, 1),
                               .village_or_community = true});
        office = s.add_org(
            {.name = "机关第二党支部", .kind = k::branch, .parent = street, .established = d(2005, 6, 1)});
        village = s.add_org(
            {.name = "东村党支部", .kind = k::branch, .parent = district, .established = d(1995, 1, 1)});
        host_committee = s.add_org(
            {.name = "南山区粤海街道党工委", .kind = k::working_committee, .established = d(2000, 1, 1)});
        host_branch = s.add_org({.name = "科技园流动党员党支部",
                                 .kind = k::branch,
                                 .parent = host_committee,
                                 .established = d(2010, 1, 1)});
        school_committee = s.add_org({.name = "区教育局党委",
                                      .kind = k::grassroots_committee,
                                      .parent = district,
                                      .established = d(1995, 9, 1)});
        school_branch = s.add_org({.name = "实验中学党支部",
                                   .kind = k::branch,
                                   .parent = school_committee,
                                   .established = d(1998, 9, 1)});
        for (int i = 0; i < 5; ++i) {
            c.push_back(s.add_member(
                test::full_member(community, "社区党员" + std::to_string(i), d(2010, 7, 1), 1 + i)));
            o.push_back(s.add_member(
                test::full_member(office, "机关党员" + std::to_string(i), d(2010, 7, 1), 11 + i)));
        }
    }
};

member_left left_for(date::sys_days on, std::string place,
                     mobility_reason reason = mobility_reason::work_business, bool fixed = false,
                     std::optional<int> months = 10) {
    return member_left{.date = on,
                       .reason = reason,
                       .destination = {.place = std::move(place)},
                       .fixed_place = fixed,
                       .expected_months = months};
}

host_dues_paid dues_at_host(date::sys_days on, date::year_month first, int months, fen amount = {}) {
    return host_dues_paid{.date = on, .dues_month = first, .dues_months = months, .amount_fen = amount};
}

certificate_issue issue_on(date::sys_days on, std::string destination = "广东省深圳市南山区",
                           int months = 10) {
    certificate_issue i;
    i.issued = on;
    i.destination = std::move(destination);
    i.expected_months = months;
    return i;
}

certificate_record presented(date::sys_days on, org_id host) {
    return certificate_presented{on, host};
}

transfer_letter letter(member_id m, org_id to, date::sys_days issued, std::string serial, int validity = 0) {
    transfer_letter l;
    l.serial = std::move(serial);
    l.member = m;
    l.to_org = to;
    l.issued = issued;
    l.validity_days = validity;
    return l;
}

letter_received receipt(date::sys_days on, std::optional<org_id> by = {}) {
    return letter_received{on, by, ""};
}

contact_record failed(date::sys_days on) {
    return contact_attempt_failed{on, "电话", "组织委员", "无人接听"};
}

std::vector<agenda_item> of_rule(std::vector<agenda_item> const& items, std::string const& rule) {
    std::vector<agenda_item> out;
    for (auto const& i : items)
        if (i.rule_id == rule) out.push_back(i);
    return out;
}

// The standard away period of office member o[0]: left 2025-03-10 for Shenzhen with a certificate,
// reported to the host, attended org life and paid dues there, registered, reported home.
struct away_story {
    episode_id episode;
    certificate_no number;
};
away_story tell_away_story(town& t) {
    away_story a;
    a.number = issue_certificate(t.s, t.o[0], issue_on(d(2025, 3, 5)));
    a.episode = open_episode(t.s, t.o[0], left_for(d(2025, 3, 10), "广东省深圳市南山区"));
    record_certificate(t.s, a.number, presented(d(2025, 3, 20), t.host_branch));
    record_episode(t.s, a.episode, reported_to_host{.date = d(2025, 3, 20), .host_org = t.host_branch});
    record_episode(t.s, a.episode, host_life_attended{.date = d(2025, 4, 15), .host_org = t.host_branch});
    record_episode(t.s, a.episode, dues_at_host(d(2025, 4, 15), date::year{2025} / 4, 3, fen(3000)));
    record_episode(t.s, a.episode, registered_as_mobile{d(2025, 9, 10)});
    record_episode(t.s, a.episode, yearly_report_made{d(2026, 2, 20), "书面汇报"});
    return a;
}

}  // namespace

TEST_CASE(
    "中国共产党党员教育管理工作条例(2019) [S] mobility.one_side_affiliation: one episode owns both ends and "
    "is replayed after reopening",
    "[mobility][store]") {
    auto const dir = test::temp_dir("mob-replay");
    auto const path = dir / "mob.db";
    mobility_episode before;
    activity_certificate cert_before;
    org_id host;
    {
        town t(path);
        host = t.host_branch;
        auto const a = tell_away_story(t);
        before = get_episode(t.s, a.episode);
        cert_before = get_certificate(t.s, a.number);
        // The host's records are on the home branch's episode, the host's name filled in from the store.
        REQUIRE(before.records.size() == 6);
        CHECK(before.home_branch == t.office);
        CHECK(before.member_name == "机关党员0");
        CHECK(std::get<reported_to_host>(before.records[1]).host_org_name == "科技园流动党员党支部");
        CHECK(std::get<host_dues_paid>(before.records[3]).dues_month == date::year{2025} / 4);
        CHECK(std::get<host_dues_paid>(before.records[3]).amount_fen == fen(3000));
        CHECK(std::get<certificate_presented>(cert_before.records[0]).org_name == "科技园流动党员党支部");
        auto const st = state_on(before, d(2026, 3, 1));
        CHECK(st->host_org == t.host_branch);
        CHECK(st->dues_paid_through == date::year{2025} / 6);
        CHECK(st->last_yearly_report == d(2026, 2, 20));
    }
    auto s = open_store(path);
    auto const after = member_episodes(s, before.member);
    REQUIRE(after.size() == 1);
    CHECK(after[0] == before);
    CHECK(get_episode(s, before.id) == before);
    CHECK(get_certificate(s, cert_before.number) == cert_before);
    CHECK(member_certificates(s, before.member) == std::vector{cert_before});
    CHECK(episodes(s, scope::subtree(host), episode_side::host) == std::vector{before});
    std::filesystem::remove_all(dir);
}

TEST_CASE("mobility store: every record kind keeps its own fields through its columns", "[mobility][store]") {
    auto const dir = test::temp_dir("mob-kinds");
    auto const path = dir / "mob.db";
    mobility_episode before;
    activity_certificate cert_before;
    {
        town t(path);
        auto const no = issue_certificate(t.s, t.c[0], issue_on(d(2025, 4, 25)));
        auto const ep = open_episode(t.s, t.c[0], left_for(d(2025, 5, 1), "上海市浦东新区"));
        record_episode(
            t.s, ep,
            moved_place{
                d(2025, 7, 1), {.place = "江苏省苏州市", .host_org = t.host_branch}, true, 12, "换工作"});
        record_episode(t.s, ep, member_returned{d(2025, 8, 1), "返乡"});
        record_certificate(t.s, no,
                           certificate_reviewed{d(2025, 6, 1), t.community, "", campaign_id{7}, "合格"});
        record_certificate(t.s, no,
                           certificate_returned{d(2025, 8, 2), std::nullopt, "", "外出期间情况汇报"});
        before = get_episode(t.s, ep);
        cert_before = get_certificate(t.s, no);
        auto const& mv = std::get<moved_place>(before.records[1]);
        CHECK(mv.destination.host_org_name == "科技园流动党员党支部");  // filled in by the store
        CHECK(mv.fixed_place);
        CHECK(mv.expected_months == 12);
        CHECK(std::get<certificate_reviewed>(cert_before.records[0]).evaluation == campaign_id{7});
        CHECK(std::get<certificate_returned>(cert_before.records[1]).report == "外出期间情况汇报");
    }
    auto s = open_store(path);
    CHECK(get_episode(s, before.id) == before);
    CHECK(get_certificate(s, cert_before.number) == cert_before);
    std::filesystem::remove_all(dir);
}

TEST_CASE("mobility store: transfer letters, branch moves and contact logs replay after reopening",
          "[mobility][store]") {
    auto const dir = test::temp_dir("mob-replay-2");
    auto const path = dir / "mob.db";
    transfer_letter_id id;
    transfer_letter letter_before;
    contact_log log_before;
    member_id moved, lost;
    org_id office, school_branch;
    {
        town t(path);
        moved = t.o[1];
        lost = t.c[3];
        office = t.office;
        school_branch = t.school_branch;
        id =
            issue_transfer_letter(t.s, letter(moved, t.school_committee, d(2026, 1, 5), "城组转〔2026〕1号"));
        receive_transfer(t.s, id, receipt(d(2026, 2, 1), t.school_committee), t.school_branch);
        letter_before = get_transfer_letter(t.s, id);
        open_contact_log(t.s, lost, d(2025, 3, 1));
        record_contact(t.s, lost, failed(d(2025, 5, 10)));
        record_contact(t.s, lost, contact_reached{d(2025, 6, 2), "亲属", "书记", "已联系上"});
        log_before = *find_contact_log(t.s, lost);
    }
    auto s = open_store(path);
    CHECK(get_transfer_letter(s, id) == letter_before);
    CHECK(letter_before.from_name == "机关第二党支部");
    CHECK(letter_before.to_name == "区教育局党委");
    CHECK(member_transfer_letters(s, moved) == std::vector{letter_before});
    CHECK(find_transfer_letter(s, office, "城组转〔2026〕1号") == id);
    CHECK_FALSE(find_transfer_letter(s, office, "nowhere").has_value());
    auto const moves = branch_moves(s, moved);
    REQUIRE(moves.size() == 1);
    CHECK(moves[0] == branch_move{moved, d(2026, 2, 1), office, school_branch, d(2010, 7, 1), id});
    CHECK(find_contact_log(s, lost) == log_before);
    CHECK(log_before.records.size() == 2);
    CHECK(log_before.member_name == "社区党员3");
    CHECK_FALSE(find_contact_log(s, moved).has_value());
    std::filesystem::remove_all(dir);
}

TEST_CASE("mobility store: every refused command leaves the store file byte-for-byte unchanged",
          "[mobility][store]") {
    auto const dir = test::temp_dir("mob-bytes");
    auto const path = dir / "mob.db";
    town t(path);
    auto const a = tell_away_story(t);
    auto const quiet = open_episode(t.s, t.c[0], left_for(d(2025, 5, 1), "上海市浦东新区"));
    auto const hosted = open_episode(t.s, t.c[1], left_for(d(2025, 5, 1), "广东省深圳市南山区"));
    record_episode(t.s, hosted, reported_to_host{.date = d(2025, 5, 20), .host_org = t.host_branch});
    auto const returned = issue_certificate(t.s, t.o[4], issue_on(d(2025, 1, 10)));
    record_certificate(t.s, returned, certificate_returned{d(2025, 2, 10), t.office, "", "外出情况汇报"});
    auto const open_letter =
        issue_transfer_letter(t.s, letter(t.o[2], t.school_committee, d(2026, 1, 5), "L-1"));
    auto const received = issue_transfer_letter(t.s, letter(t.o[3], t.school_branch, d(2026, 1, 5), "L-2"));
    receive_transfer(t.s, received, receipt(d(2026, 1, 20)));
    open_contact_log(t.s, t.c[3], d(2025, 3, 1));
    auto const before = test::store_hash(path);
    auto const audit_before = t.s.audit_log().size();

    SECTION("episodes") {
        CHECK(violated([&] { record_episode(t.s, quiet, host_life_attended{.date = d(2025, 6, 1)}); }) ==
              "mobility.report_to_host");
        CHECK(violated([&] {
                  auto r = left_for(d(2025, 5, 1), "本地");
                  r.destination.host_org = t.community;
                  open_episode(t.s, t.c[2], r);
              }) == "mobility.one_side_affiliation");
        CHECK(violated([&] {
                  record_episode(t.s, hosted, dues_at_host(d(2025, 6, 2), date::year{2025} / 6, 1));
              }) == "mobility.host_dues_with_certificate");
        CHECK(bad_field([&] { open_episode(t.s, t.c[0], left_for(d(2025, 8, 1), "北京")); }) == "member");
        CHECK(bad_field([&] { open_episode(t.s, t.c[2], left_for(d(2005, 8, 1), "北京")); }) == "member");
        CHECK(bad_field([&] { record_episode(t.s, quiet, registered_as_mobile{d(2025, 4, 1)}); }) == "date");
        CHECK(bad_field([&] { record_episode(t.s, quiet, reported_to_host{.date = d(2025, 6, 1)}); }) ==
              "host_org");
        CHECK_THROWS_AS(
            record_episode(t.s, quiet, reported_to_host{.date = d(2025, 6, 1), .host_org = org_id{999}}),
            not_found);
        CHECK_THROWS_AS(open_episode(t.s, member_id{999}, left_for(d(2025, 5, 1), "x")), not_found);
        CHECK_THROWS_AS(record_episode(t.s, episode_id{999}, registered_as_mobile{d(2025, 5, 1)}), not_found);
    }
    SECTION("certificates") {
        CHECK(violated([&] {
                  auto i = issue_on(d(2025, 4, 1), "北京", 8);
                  i.fixed_place = true;
                  issue_certificate(t.s, t.o[4], i);
              }) == "certificate.scope");
        CHECK(violated([&] { issue_certificate(t.s, t.o[0], issue_on(d(2025, 6, 1))); }) ==
              "certificate.one_valid_per_member");
        CHECK(violated([&] { issue_certificate(t.s, t.o[4], a.number, issue_on(d(2025, 6, 1))); }) ==
              "certificate.unique_number");
        CHECK(violated([&] {
                  auto i = issue_on(d(2025, 6, 1));
                  i.issuing_committee = t.office;
                  issue_certificate(t.s, t.o[4], i);
              }) == "certificate.issuer_grassroots_committee");
        CHECK(bad_field([&] {
                  auto i = issue_on(d(2025, 6, 1));
                  i.issuing_committee = t.school_committee;
                  issue_certificate(t.s, t.o[4], i);
              }) == "issuing_committee");
        CHECK(bad_field([&] {
                  auto i = issue_on(d(2025, 6, 1));
                  i.branch = t.community;
                  issue_certificate(t.s, t.o[4], i);
              }) == "branch");
        CHECK(bad_field([&] { issue_certificate(t.s, t.o[4], issue_on(d(2005, 6, 1))); }) == "member");
        CHECK(violated([&] { record_certificate(t.s, a.number, presented(d(2025, 6, 1), t.office)); }) ==
              "mobility.one_side_affiliation");
        CHECK(
            violated([&] {
                record_certificate(t.s, a.number, certificate_returned{d(2025, 6, 1), std::nullopt, "", ""});
            }) == "certificate.return_with_report");
        CHECK(violated([&] { reissue_certificate(t.s, returned, d(2025, 3, 1), "遗失"); }) ==
              "certificate.closed_not_usable");
        CHECK(violated([&] { record_certificate(t.s, returned, presented(d(2025, 3, 1), t.host_branch)); }) ==
              "certificate.closed_not_usable");
        CHECK(bad_field([&] {
                  record_certificate(t.s, a.number, presented(d(2025, 3, 19), t.host_branch));
              }) == "date");
        CHECK_THROWS_AS(
            record_certificate(t.s, certificate_no{"nope"}, presented(d(2025, 6, 1), t.host_branch)),
            not_found);
        CHECK_THROWS_AS(record_certificate(t.s, a.number, presented(d(2025, 6, 1), org_id{999})), not_found);
        CHECK_THROWS_AS(reissue_certificate(t.s, certificate_no{"nope"}, d(2025, 6, 1), ""), not_found);
        CHECK(bad_field([&] { set_certificate_numbering(t.s, "3701", 0, 1); }) == "digits");
        CHECK(bad_field([&] { set_certificate_numbering(t.s, "3701", 6, 0); }) == "next_sequence");
    }
    SECTION("transfers") {
        CHECK(violated([&] {
                  issue_transfer_letter(t.s, letter(t.o[2], t.school_branch, d(2026, 2, 1), "L-3"));
              }) == "transfer.one_open_letter");
        CHECK(bad_field([&] {
                  issue_transfer_letter(t.s, letter(t.o[4], t.school_branch, d(2026, 2, 1), "L-1"));
              }) == "serial");
        CHECK(bad_field([&] {
                  issue_transfer_letter(t.s, letter(t.o[4], t.office, d(2026, 2, 1), "L-9"));
              }) == "to_org");
        CHECK(bad_field([&] {
                  auto l = letter(t.o[4], t.school_branch, d(2026, 2, 1), "L-9");
                  l.from_org = t.community;
                  issue_transfer_letter(t.s, l);
              }) == "from_org");
        CHECK(violated([&] {
                  receive_transfer(t.s, open_letter, receipt(d(2026, 2, 1), t.street), t.school_branch);
              }) == "transfer.receipt_between_grassroots");
        CHECK(violated([&] {
                  receive_transfer(t.s, open_letter, receipt(d(2026, 4, 6)), t.school_branch);
              }) == "transfer.letter_validity");
        CHECK(bad_field([&] { receive_transfer(t.s, open_letter, receipt(d(2026, 2, 1)), t.community); }) ==
              "new_branch");
        CHECK(bad_field([&] { receive_transfer(t.s, open_letter, receipt(d(2026, 2, 1))); }) == "new_branch");
        CHECK(violated([&] { revoke_transfer(t.s, received, d(2026, 2, 1), "误开"); }) ==
              "transfer.revoke_before_receipt");
        CHECK(bad_field([&] { receive_transfer(t.s, received, receipt(d(2026, 2, 1))); }) == "kind");
        CHECK_THROWS_AS(revoke_transfer(t.s, transfer_letter_id{999}, d(2026, 2, 1), ""), not_found);
        CHECK_THROWS_AS(issue_transfer_letter(t.s, letter(t.o[4], org_id{999}, d(2026, 2, 1), "L-9")),
                        not_found);
    }
    SECTION("lost contact") {
        CHECK(violated([&] { suspend_for_lost_contact(t.s, t.c[3], d(2025, 10, 1), "支部大会"); }) ==
              "lostcontact.suspend_after_6_months");  // no search recorded since the last contact
        CHECK(violated([&] { remove_for_lost_contact(t.s, t.c[3], d(2027, 10, 1), "支部大会"); }) ==
              "lostcontact.removal_after_2_years");  // not suspended
        CHECK_THROWS_AS(open_contact_log(t.s, t.c[3], d(2025, 4, 1)), conflict);
        CHECK(bad_field([&] { record_contact(t.s, t.c[3], failed(d(2025, 2, 1))); }) == "date");
        CHECK(bad_field([&] { open_contact_log(t.s, t.c[4], d(2009, 1, 1)); }) == "known_contact");
        CHECK_THROWS_AS(record_contact(t.s, t.c[4], failed(d(2025, 2, 1))), not_found);
        CHECK_THROWS_AS(suspend_for_lost_contact(t.s, t.c[4], d(2025, 10, 1), ""), not_found);
    }
    CHECK(test::store_hash(path) == before);
    CHECK(t.s.audit_log().size() == audit_before);
    std::filesystem::remove_all(dir);
}

TEST_CASE(
    "中组部 流动党员活动证 通知(2006) [S] certificate.unique_number: the store numbers certificates with its "
    "prefix and sequence, across reopening",
    "[mobility][store]") {
    auto const dir = test::temp_dir("mob-numbers");
    auto const path = dir / "mob.db";
    member_id m3, m4, c0;
    {
        town t(path);
        m3 = t.o[3];
        m4 = t.o[4];
        c0 = t.c[0];
        CHECK(certificate_numbering_of(t.s).peek().value == "000001");  // the rule set's scheme
        set_certificate_numbering(t.s, "370102", 4, 1, "县委组织部编码");
        CHECK(issue_certificate(t.s, t.o[0], issue_on(d(2025, 3, 5))).value == "3701020001");
        CHECK(issue_certificate(t.s, t.o[1], issue_on(d(2025, 3, 6))).value == "3701020002");
        CHECK(issue_certificate(t.s, t.o[2], certificate_no{"3701020003"}, issue_on(d(2025, 3, 7))).value ==
              "3701020003");
    }
    auto s = open_store(path);
    auto const n = certificate_numbering_of(s);
    CHECK(n.prefix() == "370102");
    CHECK(n.digits() == 4);
    CHECK(n.taken(certificate_no{"3701020003"}));
    CHECK(n.peek().value == "3701020004");  // the number given by hand is skipped
    CHECK(issue_certificate(s, m3, issue_on(d(2025, 4, 1))).value == "3701020004");
    CHECK(violated([&] {
              issue_certificate(s, m4, certificate_no{"3701020002"}, issue_on(d(2025, 4, 1)));
          }) == "certificate.unique_number");
    CHECK(bad_field([&] { issue_certificate(s, m4, certificate_no{""}, issue_on(d(2025, 4, 1))); }) ==
          "number");
    set_certificate_numbering(s, "370102", 1, 9);
    CHECK(issue_certificate(s, m4, issue_on(d(2025, 4, 2))).value == "3701029");
    CHECK(bad_field([&] { issue_certificate(s, c0, issue_on(d(2025, 4, 2))); }) == "sequence");
    CHECK(certificates(s).size() == 5);
    std::filesystem::remove_all(dir);
}

TEST_CASE("local profile: the numbering starts from the rule set's prefix and digits", "[mobility][store]") {
    auto rules = rule_set::national_2014();
    rules.name = "county-3301";
    rules.mobility.certificate_number_prefix = "3301";
    rules.mobility.certificate_number_digits = 5;
    town t(test::fresh_store_location(), rules);
    CHECK(issue_certificate(t.s, t.o[0], issue_on(d(2025, 3, 5))).value == "330100001");
    CHECK(certificate_numbering_of(t.s).next_sequence() == 2);
}

TEST_CASE(
    "中组部 流动党员活动证 通知(2006) [U] certificate.lost_reissue: the loss and the replacement are one "
    "command",
    "[mobility][store]") {
    town t;
    auto const a = issue_certificate(t.s, t.o[0], issue_on(d(2025, 3, 5)));
    record_certificate(t.s, a, presented(d(2025, 3, 20), t.host_branch));
    auto const audit_before = t.s.audit_log().size();
    auto const b = reissue_certificate(t.s, a, d(2025, 6, 1), "遗失于地铁", std::nullopt, "补发");
    CHECK(b.value == "000002");
    CHECK(t.s.audit_log().size() == audit_before + 1);
    CHECK(t.s.audit_log().back().action == "reissue");
    auto const old = get_certificate(t.s, a);
    REQUIRE(std::holds_alternative<certificate_lost>(old.records.back()));
    CHECK(std::get<certificate_lost>(old.records.back()).reason == "遗失于地铁");
    CHECK(state_on(old, d(2025, 5, 31))->state == certificate_state::presented);
    CHECK(state_on(old, d(2025, 6, 1))->state == certificate_state::void_lost);
    auto const fresh = get_certificate(t.s, b);
    CHECK(fresh.issue.replaces == a);
    CHECK(fresh.issue.issued == d(2025, 6, 1));
    CHECK(fresh.issue.destination == "广东省深圳市南山区");
    CHECK(fresh.issue.issuing_committee == t.street);
    auto const mine = member_certificates(t.s, t.o[0]);
    auto const valid = valid_certificates_on(mine, d(2025, 6, 2), t.s.rules());
    REQUIRE(valid.size() == 1);
    CHECK(valid[0]->number == b);
    CHECK(violated([&] { reissue_certificate(t.s, a, d(2025, 7, 1), "again"); }) ==
          "certificate.closed_not_usable");
    auto later = issue_on(d(2025, 6, 30));
    CHECK(bad_field([&] { reissue_certificate(t.s, b, d(2025, 7, 1), "x", later); }) == "issued");
    CHECK(member_certificates(t.s, t.o[0]).size() == 2);
}

TEST_CASE(
    "中组部 流动党员活动证 通知(2006) [U] certificate.one_valid_per_member: checked against every "
    "certificate "
    "of the member in the store, whichever branch issued it",
    "[mobility][store]") {
    town t;
    auto const first = issue_certificate(t.s, t.o[0], issue_on(d(2025, 3, 5)));
    auto const l = issue_transfer_letter(t.s, letter(t.o[0], t.school_committee, d(2025, 4, 1), "L-1"));
    receive_transfer(t.s, l, receipt(d(2025, 4, 20)), t.school_branch);
    CHECK(violated([&] { issue_certificate(t.s, t.o[0], issue_on(d(2025, 5, 1))); }) ==
          "certificate.one_valid_per_member");
    record_certificate(t.s, first, certificate_revoked{d(2025, 5, 2), "组织关系已转出"});
    auto const second = issue_certificate(t.s, t.o[0], issue_on(d(2025, 5, 2)));
    auto const c = get_certificate(t.s, second);
    CHECK(c.issue.branch == t.school_branch);
    CHECK(c.issue.issuing_committee == t.school_committee);  // the nearest committee above the new branch
    CHECK_NOTHROW(issue_certificate(t.s, t.o[1], issue_on(d(2025, 5, 2))));
    CHECK(bad_field([&] {
              auto const v = t.s.add_member(test::full_member(t.village, "村党员", d(2010, 7, 1), 40));
              issue_certificate(t.s, v, issue_on(d(2025, 5, 2)));
          }) == "issuing_committee");  // no grassroots committee above a village branch under the district
}

TEST_CASE(
    "中国共产党党员教育管理工作条例(2019) 第25条 [C] transfer.old_org_responsible: the receipt moves the "
    "member in one command; the old branch is responsible until then",
    "[mobility][store]") {
    town t;
    auto const ep = open_episode(t.s, t.o[1], left_for(d(2025, 11, 1), "北京市海淀区"));
    auto l = letter(t.o[1], t.school_committee, d(2026, 1, 5), "城组转〔2026〕1号");
    l.from_org = t.street;  // issued by the working committee above the branch
    auto const id = issue_transfer_letter(t.s, l);
    auto const pending = of_rule(mobility_agenda(t.s, d(2026, 1, 10), scope::subtree(t.street)),
                                 "transfer.old_org_responsible");
    REQUIRE(pending.size() == 1);
    CHECK(pending[0].kind == "transfer.receipt_pending");
    CHECK(pending[0].org == t.street);
    CHECK(pending[0].due == d(2026, 4, 5));
    CHECK(pending[0].status == agenda_status::upcoming);
    CHECK(transfers_in_flight(t.s, d(2026, 1, 10), scope::subtree(t.school_committee)).size() == 1);
    auto const version = t.s.get_member(t.o[1]).version;
    CHECK(responsible_branch_on(t.s, t.o[1], d(2026, 1, 31)) == t.office);

    auto const audit_before = t.s.audit_log().size();
    receive_transfer(t.s, id, receipt(d(2026, 2, 1), t.school_committee), t.school_branch, "组织关系接收");
    auto const m = t.s.get_member(t.o[1]);
    CHECK(m.branch == t.school_branch);
    CHECK(m.joined_branch == d(2026, 2, 1));
    CHECK(m.version == version + 1);
    CHECK(responsible_branch_on(t.s, t.o[1], d(2026, 1, 31)) == t.office);
    CHECK(responsible_branch_on(t.s, t.o[1], d(2026, 2, 1)) == t.school_branch);
    auto const closed = get_episode(t.s, ep);
    CHECK(kind_of(closed.records.back()) == episode_record_kind::transferred);
    CHECK(record_date(closed.records.back()) == d(2026, 2, 1));
    auto const in_school = t.s.roster(scope::subtree(t.school_committee));
    CHECK(std::any_of(in_school.begin(), in_school.end(), [&](member const& x) { return x.id == t.o[1]; }));
    CHECK(t.s.roster(scope::subtree(t.office)).size() == 4);
    CHECK(transfers_in_flight(t.s, d(2026, 2, 1)).empty());
    CHECK(of_rule(mobility_agenda(t.s, d(2026, 2, 2)), "transfer.old_org_responsible").empty());
    auto const log = t.s.audit_log();
    REQUIRE(log.size() == audit_before + 1);
    CHECK(log.back().entity == "transfer");
    CHECK(log.back().action == "received");
    CHECK(log.back().why == "组织关系接收");
    CHECK_THAT(log.back().detail, Catch::Contains("branch: " + std::to_string(t.office.value()) + " -> " +
                                                  std::to_string(t.school_branch.value())));
    // The member now belongs to the school: the office can no longer issue a letter for them.
    CHECK(bad_field([&] {
              auto again = letter(t.o[1], t.community, d(2026, 3, 1), "L-2");
              again.from_org = t.office;
              issue_transfer_letter(t.s, again);
          }) == "from_org");
}

TEST_CASE(
    "中组部 党员组织关系介绍信 式样(2006) [U] transfer.letter_validity: in flight through the last valid "
    "day, expired and overdue after it",
    "[mobility][store]") {
    town t;
    auto const id = issue_transfer_letter(t.s, letter(t.o[2], t.school_committee, d(2026, 7, 1), "L-7"));
    auto flight = transfers_in_flight(t.s, d(2026, 9, 29));
    REQUIRE(flight.size() == 1);
    CHECK(flight[0].id == id);
    CHECK(flight[0].state == transfer_state::issued);
    CHECK(flight[0].expires == d(2026, 9, 29));  // 90 days after 2026-07-01
    CHECK(flight[0].days_outstanding == 90);
    CHECK(flight[0].from_org == t.office);
    CHECK(flight[0].to_name == "区教育局党委");
    auto due = of_rule(mobility_agenda(t.s, d(2026, 9, 29)), "transfer.old_org_responsible");
    REQUIRE(due.size() == 1);
    CHECK(due[0].status == agenda_status::due);
    flight = transfers_in_flight(t.s, d(2026, 9, 30));
    REQUIRE(flight.size() == 1);
    CHECK(flight[0].state == transfer_state::expired);
    auto const expired = of_rule(mobility_agenda(t.s, d(2026, 9, 30)), "transfer.letter_validity");
    REQUIRE(expired.size() == 1);
    CHECK(expired[0].kind == "transfer.letter_expired");
    CHECK(expired[0].status == agenda_status::overdue);
    CHECK(transfers_in_flight(t.s, d(2026, 6, 30)).empty());  // not issued yet
    CHECK(violated([&] { receive_transfer(t.s, id, receipt(d(2026, 9, 30)), t.school_branch); }) ==
          "transfer.letter_validity");
    receive_transfer(t.s, id, receipt(d(2026, 9, 29)), t.school_branch);
    CHECK(transfers_in_flight(t.s, d(2026, 9, 30)).empty());

    // A letter printed with its own validity; a revoked letter is no longer in flight.
    auto flying = [&](date::sys_days on, scope sc = scope::all()) {
        std::vector<std::string> serials;
        for (auto const& f : transfers_in_flight(t.s, on, sc))
            serials.push_back(f.serial + (f.state == transfer_state::expired ? " expired" : ""));
        return serials;
    };
    auto const own = issue_transfer_letter(t.s, letter(t.o[3], t.school_committee, d(2026, 7, 1), "L-8", 30));
    CHECK(transfers_in_flight(t.s, d(2026, 7, 31)).at(1).expires == d(2026, 7, 31));
    CHECK(flying(d(2026, 7, 31)) == std::vector<std::string>{"L-7", "L-8"});
    CHECK(flying(d(2026, 8, 1)) == std::vector<std::string>{"L-7", "L-8 expired"});
    revoke_transfer(t.s, own, d(2026, 7, 15), "填写错误");
    CHECK(flying(d(2026, 7, 16)) == std::vector<std::string>{"L-7"});
    CHECK(bad_field([&] { revoke_transfer(t.s, own, d(2026, 7, 16), "again"); }) == "kind");
    CHECK_NOTHROW(issue_transfer_letter(t.s, letter(t.o[3], t.school_committee, d(2026, 7, 16), "L-9")));
    CHECK(flying(d(2026, 7, 16), scope::subtree(t.community)).empty());
    CHECK(flying(d(2026, 7, 16), scope::subtree(t.office)) == std::vector<std::string>{"L-7", "L-9"});
    CHECK(flying(d(2026, 7, 16), scope::subtree(t.school_committee)) ==
          std::vector<std::string>{"L-7", "L-9"});
}

TEST_CASE(
    "中国共产党党员教育管理工作条例(2019) 第24条 [C] lostcontact.suspend_after_6_months: the store proposes "
    "and then records the suspension from the last contact plus 6 months",
    "[mobility][store]") {
    town t;
    open_contact_log(t.s, t.c[1], d(2024, 8, 31));
    record_contact(t.s, t.c[1], failed(d(2024, 10, 10)));
    auto candidates = [&](date::sys_days on) {
        return of_rule(mobility_agenda(t.s, on, scope::subtree(t.community)),
                       "lostcontact.suspend_after_6_months");
    };
    CHECK(candidates(d(2025, 1, 27)).empty());
    REQUIRE(candidates(d(2025, 1, 28)).size() == 1);
    CHECK(candidates(d(2025, 1, 28))[0].status == agenda_status::upcoming);
    CHECK(candidates(d(2025, 2, 28))[0].status == agenda_status::finding);
    CHECK(candidates(d(2025, 2, 28))[0].due == d(2025, 2, 28));  // 2024-08-31 + 6 months, clamped
    CHECK(violated([&] { suspend_for_lost_contact(t.s, t.c[1], d(2025, 2, 27), "支部大会"); }) ==
          "lostcontact.suspend_after_6_months");
    suspend_for_lost_contact(t.s, t.c[1], d(2025, 2, 28), "第一社区党支部党员大会", "失联处置");
    CHECK(t.s.standing_on(t.c[1], d(2025, 2, 28))->state == standing_state::suspended);
    CHECK(t.s.standing_history(t.c[1]).back().reason == "失去联系超过6个月，经查找仍无法取得联系");
    CHECK(t.s.audit_log().back().entity == "standing");
    CHECK(t.s.audit_log().back().action == "suspended");
    CHECK(candidates(d(2025, 3, 1)).empty());
    CHECK(violated([&] { suspend_for_lost_contact(t.s, t.c[1], d(2025, 3, 1), "支部大会"); }) ==
          "lostcontact.suspend_after_6_months");  // not in normal standing any more
}

TEST_CASE(
    "中国共产党党员教育管理工作条例(2019) 第24条 [C] lostcontact.removal_after_2_years: removal as "
    "self-withdrawal after 2 years of suspension without contact",
    "[mobility][store]") {
    town t;
    open_contact_log(t.s, t.c[1], d(2024, 8, 31));
    record_contact(t.s, t.c[1], failed(d(2024, 10, 10)));
    suspend_for_lost_contact(t.s, t.c[1], d(2025, 2, 28), "支部大会");
    auto candidates = [&](date::sys_days on) {
        return of_rule(mobility_agenda(t.s, on, scope::subtree(t.community)),
                       "lostcontact.removal_after_2_years");
    };
    CHECK(candidates(d(2027, 1, 27)).empty());
    REQUIRE(candidates(d(2027, 1, 28)).size() == 1);
    CHECK(candidates(d(2027, 2, 28))[0].status == agenda_status::finding);
    CHECK(violated([&] { remove_for_lost_contact(t.s, t.c[1], d(2027, 2, 27), "支部大会"); }) ==
          "lostcontact.removal_after_2_years");
    remove_for_lost_contact(t.s, t.c[1], d(2027, 2, 28), "支部大会；街道党工委批准");
    auto const st = t.s.standing_on(t.c[1], d(2027, 2, 28));
    CHECK(st->state == standing_state::exited);
    CHECK(st->last_event == standing_event_kind::removed_self_withdrawal);
    CHECK(t.s.roster(scope::subtree(t.community), d(2027, 3, 1)).size() == 4);
    CHECK(mobility_agenda(t.s, d(2027, 3, 1), scope::subtree(t.community)).empty());

    // A member reached after the suspension is not removed.
    open_contact_log(t.s, t.c[2], d(2024, 1, 31));
    record_contact(t.s, t.c[2], failed(d(2024, 3, 1)));
    CHECK(violated([&] { suspend_for_lost_contact(t.s, t.c[2], d(2024, 7, 30), "支部大会"); }) ==
          "lostcontact.suspend_after_6_months");
    suspend_for_lost_contact(t.s, t.c[2], d(2024, 7, 31), "支部大会");
    record_contact(t.s, t.c[2], contact_reached{d(2025, 1, 10), "电话", "书记", "本人来电"});
    CHECK(violated([&] { remove_for_lost_contact(t.s, t.c[2], d(2026, 7, 31), "支部大会"); }) ==
          "lostcontact.removal_after_2_years");
    CHECK(candidates(d(2026, 7, 31)).empty());
}

TEST_CASE(
    "中国共产党章程(2022) 第9条 [C] lostcontact.self_withdrawal_6_months: host records of a certified mobile "
    "member, and inputs supplied by the caller",
    "[mobility][store]") {
    town t;
    tell_away_story(t);  // org life at the host 2025-04-15, dues through 2025-06
    open_episode(t.s, t.c[0], left_for(d(2025, 3, 1), "上海市浦东新区"));  // no host, no certificate
    auto sw = [&](date::sys_days on, scope sc = scope::all()) {
        return of_rule(mobility_agenda(t.s, on, sc), "lostcontact.self_withdrawal_6_months");
    };
    CHECK(sw(d(2025, 9, 14)).empty());
    REQUIRE(sw(d(2025, 9, 15)).size() == 1);
    CHECK(sw(d(2025, 9, 15))[0].status == agenda_status::upcoming);
    CHECK(sw(d(2025, 10, 15))[0].status == agenda_status::finding);
    CHECK(sw(d(2025, 10, 15))[0].due == d(2025, 10, 15));
    CHECK(sw(d(2025, 10, 15))[0].org == t.office);
    CHECK(sw(d(2025, 10, 15), scope::subtree(t.community)).empty());
    auto const dec = sw(d(2025, 12, 1));
    REQUIRE(dec.size() == 2);
    CHECK(dec[1].due == d(2026, 1, 1));  // June paid: July to December unpaid
    CHECK(dec[1].status == agenda_status::upcoming);
    CHECK(self_withdrawal_candidates(t.s, d(2025, 12, 1)) == dec);

    // Supplied inputs: the later of the supplied and the host dates counts.
    self_withdrawal_inputs home;
    home.tracked_since = d(2020, 1, 1);
    home.last_org_life = d(2025, 5, 31);
    home.last_dues_month = date::year{2025} / 11;
    std::vector<self_withdrawal_input> const supplied{{t.o[1], home}, {t.o[0], home}};
    auto const items = self_withdrawal_candidates(t.s, d(2025, 12, 1), scope::subtree(t.office), supplied);
    REQUIRE(items.size() == 2);
    CHECK(items[0].member == t.o[1]);
    CHECK(items[0].due == d(2025, 11, 30));
    CHECK(items[0].status == agenda_status::finding);
    CHECK(items[1].member == t.o[0]);  // org life 2025-05-31 supplied beats the host's 2025-04-15
    CHECK(items[1].due == d(2025, 11, 30));
    auto good = home;
    good.good_reason = true;
    CHECK(self_withdrawal_candidates(t.s, d(2025, 12, 1), scope::subtree(t.office),
                                     std::vector<self_withdrawal_input>{{t.o[0], good}})
              .empty());
    CHECK(self_withdrawal_candidates(t.s, d(2025, 12, 1), scope::subtree(t.community), supplied).empty());
    CHECK_THROWS_AS(self_withdrawal_candidates(t.s, d(2025, 12, 1), scope::all(),
                                               std::vector<self_withdrawal_input>{{member_id{999}, home}}),
                    not_found);
}

TEST_CASE("mobility store: scoped queries see the home side, the host side and nothing else",
          "[mobility][store]") {
    town t;
    auto const a = tell_away_story(t);
    auto const quiet = open_episode(t.s, t.c[0], left_for(d(2025, 5, 1), "上海市浦东新区"));
    issue_certificate(t.s, t.c[1], issue_on(d(2025, 5, 1), "上海市浦东新区"));
    open_contact_log(t.s, t.c[3], d(2025, 3, 1));
    auto ids = [](std::vector<mobility_episode> const& eps) {
        std::vector<episode_id> out;
        for (auto const& e : eps)
            out.push_back(e.id);
        return out;
    };
    CHECK(ids(episodes(t.s, scope::subtree(t.office))) == std::vector{a.episode});
    CHECK(ids(episodes(t.s, scope::subtree(t.community))) == std::vector{quiet});
    CHECK(ids(episodes(t.s, scope::subtree(t.street))) == std::vector{a.episode, quiet});
    CHECK(ids(episodes(t.s, scope::subtree(t.host_committee), episode_side::host)) == std::vector{a.episode});
    CHECK(episodes(t.s, scope::subtree(t.host_committee)).empty());
    CHECK(episodes(t.s, scope::subtree(t.street), episode_side::host).empty());
    CHECK(certificates(t.s, scope::subtree(t.office)).size() == 1);
    CHECK(certificates(t.s, scope::subtree(t.community)).size() == 1);
    CHECK(certificates(t.s).size() == 2);
    CHECK(certificates(t.s, scope::subtree(t.village)).empty());
    CHECK(contact_logs(t.s, scope::subtree(t.community)).size() == 1);
    CHECK(contact_logs(t.s, scope::subtree(t.office)).empty());
    for (auto const& item : mobility_agenda(t.s, d(2026, 6, 1), scope::subtree(t.office)))
        CHECK(item.org == t.office);
    auto const street_items = mobility_agenda(t.s, d(2026, 6, 1), scope::subtree(t.street));
    CHECK(
        std::any_of(street_items.begin(), street_items.end(), [&](auto& i) { return i.org == t.community; }));
    CHECK(std::is_sorted(street_items.begin(), street_items.end(),
                         [](auto const& x, auto const& y) { return x.due < y.due; }));
    CHECK_THROWS_AS(episodes(t.s, scope::subtree(org_id{999})), not_found);
    CHECK_THROWS_AS(certificates(t.s, scope::subtree(org_id{999})), not_found);
    CHECK_THROWS_AS(mobility_agenda(t.s, d(2026, 6, 1), scope::subtree(org_id{999})), not_found);
    CHECK_THROWS_AS(get_episode(t.s, episode_id{999}), not_found);
    CHECK_THROWS_AS(get_certificate(t.s, certificate_no{"x"}), not_found);
    CHECK_THROWS_AS(get_transfer_letter(t.s, transfer_letter_id{999}), not_found);
}

TEST_CASE(
    "关于进一步加强和改进流动党员管理工作的意见(2024) [S] mobility.mobile_member_6_months: statistics by "
    "destination, reason, home branch and host",
    "[mobility][store]") {
    town t;
    tell_away_story(t);  // o0: Shenzhen since 2025-03-10, reported to the host, registered
    open_episode(t.s, t.o[2], left_for(d(2026, 6, 1), "上海市浦东新区", mobility_reason::study));
    auto const back = open_episode(t.s, t.c[1], left_for(d(2024, 1, 10), "广东省深圳市南山区"));
    record_episode(t.s, back, member_returned{d(2024, 12, 1), "返乡"});
    auto const c2 = open_episode(t.s, t.c[2], left_for(d(2026, 1, 15), "广东省深圳市南山区"));
    record_episode(t.s, c2, reported_to_host{.date = d(2026, 1, 20), .host_org = t.host_branch});

    auto const all = mobility_statistics_on(t.s, d(2026, 7, 1));
    CHECK(all.as_of == d(2026, 7, 1));
    CHECK(all.away == 3);
    CHECK(all.mobile == 1);  // c2 becomes one on 2026-07-15, o2 on 2026-12-01
    CHECK(all.registered == 1);
    CHECK(all.reported_to_host == 2);
    REQUIRE(all.by_destination.size() == 2);
    CHECK(all.by_destination[0] == mobility_count{"广东省深圳市南山区", std::nullopt, 2, 1});
    CHECK(all.by_destination[1] == mobility_count{"上海市浦东新区", std::nullopt, 1, 0});
    REQUIRE(all.by_reason.size() == 2);
    CHECK(all.by_reason[0] == mobility_count{"work_business", std::nullopt, 2, 1});
    CHECK(all.by_reason[1] == mobility_count{"study", std::nullopt, 1, 0});
    REQUIRE(all.by_home_branch.size() == 2);
    CHECK(all.by_home_branch[0] == mobility_count{"机关第二党支部", t.office, 2, 1});
    CHECK(all.by_home_branch[1] == mobility_count{"第一社区党支部", t.community, 1, 0});
    CHECK(all.hosted == 2);
    REQUIRE(all.by_host.size() == 1);
    CHECK(all.by_host[0] == mobility_count{"科技园流动党员党支部", t.host_branch, 2, 1});

    auto const mid_july = mobility_statistics_on(t.s, d(2026, 7, 15));
    CHECK(mid_july.mobile == 2);
    auto const office = mobility_statistics_on(t.s, d(2026, 7, 1), scope::subtree(t.office));
    CHECK(office.away == 2);
    CHECK(office.hosted == 0);
    CHECK(office.by_home_branch.size() == 1);
    auto const host = mobility_statistics_on(t.s, d(2026, 7, 1), scope::subtree(t.host_committee));
    CHECK(host.away == 0);
    CHECK(host.hosted == 2);
    auto const earlier = mobility_statistics_on(t.s, d(2024, 6, 1));
    CHECK(earlier.away == 1);
    CHECK(earlier.by_home_branch.at(0).org == t.community);
}

TEST_CASE(
    "中组部 流动党员活动证 通知(2006) [S] certificate.annual_review: certificates by state, valid and with "
    "the review overdue",
    "[mobility][store]") {
    town t;
    tell_away_story(t);  // o0: issued 2025-03-05, presented
    issue_certificate(t.s, t.o[2], issue_on(d(2026, 5, 25), "上海市浦东新区", 12));
    auto const back = issue_certificate(t.s, t.c[1], issue_on(d(2024, 1, 5)));
    record_certificate(t.s, back, certificate_returned{d(2024, 12, 1), std::nullopt, "", "外出情况汇报"});
    auto const lost = issue_certificate(t.s, t.o[3], issue_on(d(2026, 1, 10)));
    reissue_certificate(t.s, lost, d(2026, 3, 1), "遗失");

    auto const st = certificate_statistics_on(t.s, d(2026, 7, 1));
    REQUIRE(st.by_state.size() == 5);
    auto n = [&](certificate_state s) { return st.by_state[static_cast<std::size_t>(s)].count; };
    CHECK(n(certificate_state::issued) == 2);
    CHECK(n(certificate_state::presented) == 1);
    CHECK(n(certificate_state::returned) == 1);
    CHECK(n(certificate_state::void_lost) == 1);
    CHECK(n(certificate_state::revoked) == 0);
    CHECK(st.valid == 3);
    CHECK(st.review_overdue == 1);  // o0: due 2026-03-05
    CHECK(st.expired == 0);
    auto const office = certificate_statistics_on(t.s, d(2026, 7, 1), scope::subtree(t.office));
    CHECK(office.by_state[static_cast<std::size_t>(certificate_state::returned)].count == 0);
    CHECK(office.valid == 3);
    auto const review = of_rule(mobility_agenda(t.s, d(2026, 3, 6)), "certificate.annual_review");
    REQUIRE(review.size() == 1);
    CHECK(review[0].due == d(2026, 3, 5));
    CHECK(review[0].status == agenda_status::overdue);
    CHECK(of_rule(mobility_agenda(t.s, d(2026, 2, 4)), "certificate.annual_review").empty());
    CHECK(certificate_statistics_on(t.s, d(2024, 1, 4)).valid == 0);  // nothing issued yet
    CHECK(certificate_statistics_on(t.s, d(2025, 3, 6), scope::subtree(t.office)).review_overdue == 0);
}

TEST_CASE(
    "中组部 流动党员活动证 通知(2006) [U] certificate.validity: a profile's validity expires certificates",
    "[mobility][store]") {
    auto rules = rule_set::national_2014();
    rules.name = "with-validity";
    rules.mobility.certificate_validity_months = 12;
    town t(test::fresh_store_location(), rules);
    auto const n = issue_certificate(t.s, t.o[0], issue_on(d(2025, 1, 10)));
    CHECK(certificate_statistics_on(t.s, d(2026, 1, 10)).valid == 1);
    auto const st = certificate_statistics_on(t.s, d(2026, 1, 11));
    CHECK(st.valid == 0);
    CHECK(st.expired == 1);
    auto const items = of_rule(mobility_agenda(t.s, d(2026, 1, 11)), "certificate.validity");
    REQUIRE(items.size() == 1);
    CHECK(items[0].status == agenda_status::overdue);
    CHECK(violated([&] { record_certificate(t.s, n, presented(d(2026, 1, 11), t.host_branch)); }) ==
          "certificate.validity");
    CHECK_NOTHROW(
        issue_certificate(t.s, t.o[0], issue_on(d(2026, 1, 11))));  // the old one is no longer valid
}

TEST_CASE(
    "关于进一步加强和改进流动党员管理工作的意见(2024) [S] mobility.mobile_member_6_months: the store's "
    "agenda asks to register, to transfer, for the yearly report and for the certificate back",
    "[mobility][store][agenda]") {
    town t;
    open_episode(t.s, t.o[2], left_for(d(2024, 8, 31), "北京市海淀区"));
    auto reg = [&](date::sys_days on) {
        return of_rule(mobility_agenda(t.s, on, scope::subtree(t.office)), "mobility.mobile_member_6_months");
    };
    CHECK(reg(d(2025, 1, 27)).empty());
    REQUIRE(reg(d(2025, 1, 28)).size() == 1);
    CHECK(reg(d(2025, 2, 28))[0].status == agenda_status::due);  // 2024-08-31 + 6 months
    CHECK(reg(d(2025, 3, 1))[0].status == agenda_status::overdue);

    // mobility.transfer_fixed_place_6_months and mobility.yearly_report for a fixed stay.
    open_episode(t.s, t.o[3],
                 left_for(d(2025, 5, 1), "江苏省苏州市", mobility_reason::work_business, true, 12));
    auto const nov = mobility_agenda(t.s, d(2025, 11, 26), scope::subtree(t.office));
    auto const transfer = of_rule(nov, "mobility.transfer_fixed_place_6_months");
    REQUIRE(transfer.size() == 1);
    CHECK(transfer[0].due == d(2025, 11, 1));
    CHECK(transfer[0].status == agenda_status::overdue);
    CHECK(of_rule(mobility_agenda(t.s, d(2026, 5, 2)), "mobility.yearly_report").size() == 2);

    // certificate.return_with_report: back home with the certificate still out.
    auto const cert = issue_certificate(t.s, t.c[0], issue_on(d(2025, 2, 1), "上海市浦东新区", 5));
    auto const ep = open_episode(t.s, t.c[0], left_for(d(2025, 2, 5), "上海市浦东新区"));
    record_episode(t.s, ep, member_returned{d(2025, 8, 1), "返回"});
    auto const back = of_rule(mobility_agenda(t.s, d(2025, 8, 5)), "certificate.return_with_report");
    REQUIRE(back.size() == 1);
    CHECK(back[0].kind == "certificate.not_handed_back");
    CHECK(back[0].org == t.community);
    record_certificate(t.s, cert, certificate_returned{d(2025, 8, 10), std::nullopt, "", "外出期间情况汇报"});
    CHECK(of_rule(mobility_agenda(t.s, d(2025, 8, 10)), "certificate.return_with_report").empty());
}

TEST_CASE("mobility store: store::agenda carries the mobility items of the scope",
          "[mobility][store][agenda]") {
    town t;
    open_episode(t.s, t.o[2], left_for(d(2024, 8, 31), "北京市海淀区"));
    open_contact_log(t.s, t.c[1], d(2024, 8, 31));
    auto const mine = mobility_agenda(t.s, d(2025, 3, 1));
    REQUIRE(mine.size() == 2);
    auto const all = t.s.agenda(d(2025, 3, 1));
    for (auto const& item : mine)
        CHECK(std::find(all.begin(), all.end(), item) != all.end());
    auto const office = t.s.agenda(d(2025, 3, 1), scope::subtree(t.office));
    CHECK(std::count_if(office.begin(), office.end(), [](auto const& i) {
              return i.rule_id == "lostcontact.suspend_after_6_months";
          }) == 0);
    CHECK(std::count_if(office.begin(), office.end(),
                        [](auto const& i) { return i.rule_id == "mobility.mobile_member_6_months"; }) == 1);
}

TEST_CASE("mobility store: one audit row per command, in the command's transaction",
          "[mobility][store][audit]") {
    town t;
    auto rows = [&] { return t.s.audit_log().size(); };
    auto last = [&] { return t.s.audit_log().back(); };
    auto n = rows();
    auto const ep = open_episode(t.s, t.o[0], left_for(d(2025, 3, 10), "广东省深圳市南山区"), "外出登记");
    CHECK(rows() == ++n);
    CHECK(last().entity == "episode");
    CHECK(last().entity_id == ep.value());
    CHECK(last().action == "open");
    CHECK(last().why == "外出登记");
    record_episode(t.s, ep, registered_as_mobile{d(2025, 9, 10)});
    CHECK(rows() == ++n);
    CHECK(last().action == "registered");
    set_certificate_numbering(t.s, "3701", 6, 1);
    CHECK(rows() == ++n);
    CHECK(last().entity == "certificate_numbering");
    auto const num = issue_certificate(t.s, t.o[1], issue_on(d(2025, 3, 5)));
    CHECK(rows() == ++n);
    CHECK(last().entity == "certificate");
    CHECK_THAT(last().detail, Catch::Contains("number=" + num.value));
    record_certificate(t.s, num, presented(d(2025, 3, 20), t.host_branch));
    CHECK(rows() == ++n);
    CHECK(last().action == "presented");
    auto const l = issue_transfer_letter(t.s, letter(t.o[2], t.school_committee, d(2026, 1, 5), "L-1"));
    CHECK(rows() == ++n);
    CHECK(last().entity == "transfer");
    CHECK(last().action == "issue");
    revoke_transfer(t.s, l, d(2026, 1, 6), "错开");
    CHECK(rows() == ++n);
    CHECK(last().action == "revoked");
    open_contact_log(t.s, t.c[1], d(2024, 8, 31));
    CHECK(rows() == ++n);
    CHECK(last().entity == "contact_log");
    record_contact(t.s, t.c[1], failed(d(2024, 10, 10)));
    CHECK(rows() == ++n);
    CHECK(last().action == "attempt_failed");
    suspend_for_lost_contact(t.s, t.c[1], d(2025, 2, 28), "支部大会");
    CHECK(rows() == ++n);
    CHECK(last().entity == "standing");
}

}  // namespace mobility_store_test_cases
