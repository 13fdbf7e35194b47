#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "access_support.hpp"
#include "dangyuan/storage/mobility_store.hpp"

namespace access_mobility_test_cases {

using namespace dangyuan;
using test::d;

namespace {

date::sys_days const as_of = d(2026, 6, 30);  // the handles' today

member_left left_for(date::sys_days on, std::string place) {
    return member_left{.date = on, .destination = {.place = std::move(place)}, .expected_months = 10};
}

certificate_issue issue_on(date::sys_days on) {
    certificate_issue i;
    i.issued = on;
    i.destination = "上海市浦东新区";
    i.expected_months = 10;
    return i;
}

transfer_letter letter(member_id m, org_id to, date::sys_days issued, std::string serial) {
    transfer_letter l;
    l.serial = std::move(serial);
    l.member = m;
    l.to_org = to;
    l.issued = issued;
    return l;
}

letter_received receipt(date::sys_days on) {
    return letter_received{on};
}

contact_record failed(date::sys_days on) {
    return contact_attempt_failed{on, "电话", "组织委员", "无人接听"};
}

// The mobility records of one branch, made with full access. Members: 0 away (episode), 1 free to leave,
// 2 holds a certificate, 3 and 4 free to be issued one, 5 has a letter to the village branch, 6 free to
// be given one, 7 out of contact with a failed search, 8 free to get a contact log, 10 the subject of a
// letter addressed to the other branch.
struct side {
    org_id branch;
    org_id elsewhere;  // the village branch: neither side's subtree
    std::vector<member_id> m;
    episode_id episode;
    certificate_no certificate;
    transfer_letter_id letter;  // m[5] to the village branch
    std::string serial;         // of `letter`
    // A letter this side may receive (the other branch's m[10] addressed here) or, for the side a
    // principal is refused on, one addressed elsewhere; `receiver` is its destination.
    transfer_letter_id receivable;
    org_id receiver;
};

struct world : test::shared_district {
    side a, b;

    explicit world(std::string const& name) : shared_district(name) {
        a = make_side(branch_a, "甲", 1);
        b = make_side(branch_b, "乙", 21);
        a.receivable = issue_transfer_letter(store, letter(b.m[10], branch_a, d(2026, 3, 1), "乙转甲"));
        a.receiver = branch_a;
        b.receivable = b.letter;  // addressed to the village branch
        b.receiver = village;
    }

    side make_side(org_id branch, std::string const& tag, int seq) {
        side t;
        t.branch = branch;
        t.elsewhere = village;
        for (int i = 0; i <= 10; ++i)
            t.m.push_back(store.add_member(
                test::full_member(branch, tag + "党员" + std::to_string(i), d(2015, 7, 1), seq + i)));
        t.episode = open_episode(store, t.m[0], left_for(d(2026, 1, 10), "上海市浦东新区"));
        t.certificate = issue_certificate(store, t.m[2], issue_on(d(2026, 1, 5)));
        t.serial = tag + "转〔2026〕1号";
        t.letter = issue_transfer_letter(store, letter(t.m[5], village, d(2026, 3, 1), t.serial));
        open_contact_log(store, t.m[7], d(2025, 6, 1));
        record_contact(store, t.m[7], failed(d(2025, 8, 1)));
        return t;
    }
};

using row = test::access_row<side>;

std::vector<row> rows() {
    auto const own = [](side const& t) { return scope::subtree(t.branch); };
    return {
        // reads
        {"get_episode", permission::read_roster, false,
         [](store& s, side const& t) { return get_episode(s, t.episode).member == t.m[0]; }},
        {"member_episodes", permission::read_roster, false,
         [](store& s, side const& t) { return member_episodes(s, t.m[0]).size() == 1; }},
        {"episodes", permission::read_roster, false,
         [own](store& s, side const& t) { return episodes(s, own(t)).size() == 1; }},
        {"get_certificate", permission::read_roster, false,
         [](store& s, side const& t) { return get_certificate(s, t.certificate).member == t.m[2]; }},
        {"member_certificates", permission::read_roster, false,
         [](store& s, side const& t) { return member_certificates(s, t.m[2]).size() == 1; }},
        {"certificates", permission::read_roster, false,
         [own](store& s, side const& t) { return certificates(s, own(t)).size() == 1; }},
        {"get_transfer_letter", permission::read_roster, false,
         [](store& s, side const& t) { return get_transfer_letter(s, t.letter).member == t.m[5]; }},
        {"find_transfer_letter", permission::read_roster, false,
         [](store& s, side const& t) { return find_transfer_letter(s, t.branch, t.serial) == t.letter; }},
        {"branch_moves", permission::read_roster, false,
         [](store& s, side const& t) { return branch_moves(s, t.m[0]).empty(); }},
        {"responsible_branch_on", permission::read_roster, false,
         [](store& s, side const& t) { return responsible_branch_on(s, t.m[0], as_of) == t.branch; }},
        {"find_contact_log", permission::read_roster, false,
         [](store& s, side const& t) { return find_contact_log(s, t.m[7]).has_value(); }},
        {"contact_logs", permission::read_roster, false,
         [own](store& s, side const& t) { return contact_logs(s, own(t)).size() == 1; }},
        {"self_withdrawal_candidates", permission::read_roster, false,
         [own](store& s, side const& t) {
             (void)self_withdrawal_candidates(s, as_of, own(t));
             return true;
         }},
        {"mobility_agenda", permission::read_roster, false,
         [own](store& s, side const& t) {
             (void)mobility_agenda(s, as_of, own(t));
             return true;
         }},
        {"mobility_statistics_on", permission::read_roster, false,
         [own](store& s, side const& t) { return mobility_statistics_on(s, as_of, own(t)).away == 1; }},
        {"certificate_statistics_on", permission::read_roster, false,
         [own](store& s, side const& t) { return certificate_statistics_on(s, as_of, own(t)).valid == 1; }},
        {"transfers_in_flight", permission::read_roster, false,
         [own](store& s, side const& t) { return transfers_in_flight(s, as_of, own(t)).size() == 2; }},
        // writes on the member's (home) branch
        {"open_episode", permission::manage_mobility, true,
         [](store& s, side const& t) {
             (void)open_episode(s, t.m[1], left_for(d(2026, 2, 1), "江苏省苏州市"));
             return true;
         }},
        {"record_episode", permission::manage_mobility, true,
         [](store& s, side const& t) {
             record_episode(s, t.episode, registered_as_mobile{d(2026, 2, 10)});
             return true;
         }},
        {"issue_certificate", permission::manage_mobility, true,
         [](store& s, side const& t) {
             (void)issue_certificate(s, t.m[3], issue_on(d(2026, 2, 1)));
             return true;
         }},
        {"issue_certificate (number)", permission::manage_mobility, true,
         [](store& s, side const& t) {
             (void)issue_certificate(s, t.m[4], certificate_no{"补-" + std::to_string(t.branch.value())},
                                     issue_on(d(2026, 2, 1)));
             return true;
         }},
        {"record_certificate", permission::manage_mobility, true,
         [](store& s, side const& t) {
             // presented to the village branch, which the branch_a principals do not hold
             record_certificate(s, t.certificate, certificate_presented{d(2026, 2, 15), t.elsewhere});
             return true;
         }},
        {"reissue_certificate", permission::manage_mobility, true,
         [](store& s, side const& t) {
             (void)reissue_certificate(s, t.certificate, d(2026, 3, 1), "遗失");
             return true;
         }},
        {"issue_transfer_letter", permission::manage_mobility, true,
         [](store& s, side const& t) {
             (void)issue_transfer_letter(
                 s, letter(t.m[6], t.elsewhere, d(2026, 3, 5), "新-" + std::to_string(t.branch.value())));
             return true;
         }},
        {"receive_transfer", permission::manage_mobility, true,
         [](store& s, side const& t) {
             receive_transfer(s, t.receivable, receipt(d(2026, 3, 20)));
             return true;
         },
         &side::receiver},
        {"revoke_transfer", permission::manage_mobility, true,
         [](store& s, side const& t) {
             revoke_transfer(s, t.letter, d(2026, 4, 1), "调动取消");
             return true;
         }},
        {"open_contact_log", permission::manage_mobility, true,
         [](store& s, side const& t) {
             open_contact_log(s, t.m[8], d(2026, 1, 1));
             return true;
         }},
        {"record_contact", permission::manage_mobility, true,
         [](store& s, side const& t) {
             record_contact(s, t.m[7], failed(d(2025, 10, 1)));
             return true;
         }},
        {"suspend_for_lost_contact", permission::manage_mobility, true,
         [](store& s, side const& t) {
             suspend_for_lost_contact(s, t.m[7], d(2026, 2, 1), "支部党员大会");
             return true;
         }},
    };
}

}  // namespace

TEST_CASE(
    "mobility access: every call is refused on another branch's records and allowed on the branch's own; "
    "an analyst writes nothing",
    "[access]") {
    world w("mobility-table");
    test::check_access_rows(w, rows());
}

TEST_CASE(
    "mobility access: the host records the report, org life and dues of a member of another branch and "
    "reads the episode, but no home-side record and not the member",
    "[access]") {
    world w("mobility-host");
    auto const away = w.a.m[0];
    auto const cert = issue_certificate(w.store, away, issue_on(d(2026, 1, 8)));
    auto host = w.secretary_of(w.branch_b);
    auto village = w.secretary_of(w.village);

    // Not before the member reported to it: the host of the record is the reporting's host.
    test::require_denied(
        w.path, [&] { record_episode(host, w.a.episode, host_life_attended{.date = d(2026, 1, 15)}); },
        permission::manage_mobility, w.branch_a.value());
    // A host cannot report the member to someone else.
    test::require_denied(
        w.path,
        [&] {
            record_episode(host, w.a.episode,
                           reported_to_host{.date = d(2026, 1, 20), .host_org = w.village});
        },
        permission::manage_mobility, w.branch_a.value());

    record_certificate(host, cert, certificate_presented{d(2026, 1, 20), w.branch_b});
    record_episode(host, w.a.episode, reported_to_host{.date = d(2026, 1, 20), .host_org = w.branch_b});
    record_episode(host, w.a.episode, host_life_attended{.date = d(2026, 2, 5), .host_org = w.branch_b});
    record_episode(host, w.a.episode,
                   host_dues_paid{.date = d(2026, 2, 5),
                                  .dues_month = date::year{2026} / 1,
                                  .dues_months = 3,
                                  .amount_fen = fen(3000)});

    auto const ep = get_episode(host, w.a.episode);
    CHECK(ep.records.size() == 4);
    CHECK(ep.home_branch == w.branch_a);
    auto const hosted = episodes(host, scope::all(), episode_side::host);
    REQUIRE(hosted.size() == 1);
    CHECK(hosted.front().id == w.a.episode);
    auto const own = episodes(host, scope::all(), episode_side::home);
    REQUIRE(own.size() == 1);
    CHECK(own.front().id == w.b.episode);
    CHECK(mobility_statistics_on(host, as_of).hosted == 1);

    // Home-side records stay with the home branch.
    test::require_denied(
        w.path, [&] { record_episode(host, w.a.episode, yearly_report_made{d(2026, 3, 1)}); },
        permission::manage_mobility, w.branch_a.value());
    test::require_denied(
        w.path, [&] { record_episode(host, w.a.episode, member_returned{d(2026, 3, 1)}); },
        permission::manage_mobility, w.branch_a.value());
    test::require_denied(
        w.path,
        [&] {
            record_certificate(host, cert, certificate_returned{d(2026, 3, 1), w.branch_a, "", "外出汇报"});
        },
        permission::manage_mobility, w.branch_a.value());
    test::require_denied(
        w.path, [&] { (void)reissue_certificate(host, cert, d(2026, 3, 1), "遗失"); },
        permission::manage_mobility, w.branch_a.value());
    // The host reads the certificate presented to it and the member's episodes it hosts; the member's
    // other records are not the host's.
    CHECK(get_certificate(host, cert).member == away);
    CHECK(member_certificates(host, away).size() == 1);
    CHECK(member_episodes(host, away).size() == 1);
    test::require_denied(
        w.path, [&] { (void)host.get_member(away); }, permission::read_roster, w.branch_a.value());
    test::require_denied(
        w.path, [&] { (void)get_certificate(host, w.a.certificate); }, permission::read_roster,
        w.branch_a.value());
    test::require_denied(
        w.path, [&] { (void)member_certificates(host, w.a.m[2]); }, permission::read_roster,
        w.branch_a.value());
    test::require_denied(
        w.path, [&] { (void)member_episodes(host, w.a.m[1]); }, permission::read_roster, w.branch_a.value());

    // A branch that is neither end sees and writes nothing of it.
    test::require_denied(
        w.path, [&] { (void)get_episode(village, w.a.episode); }, permission::read_roster,
        w.branch_a.value());
    test::require_denied(
        w.path, [&] { record_episode(village, w.a.episode, host_life_attended{.date = d(2026, 3, 5)}); },
        permission::manage_mobility, w.branch_a.value());
    CHECK(episodes(village, scope::all(), episode_side::host).empty());
    test::require_denied(
        w.path, [&] { (void)get_certificate(village, cert); }, permission::read_roster, w.branch_a.value());
    test::require_denied(
        w.path, [&] { (void)member_episodes(village, away); }, permission::read_roster, w.branch_a.value());

    // The home branch reads what the host recorded and closes the episode.
    auto home = w.secretary_of(w.branch_a);
    CHECK(get_episode(home, w.a.episode).records.size() == 4);
    record_episode(home, w.a.episode, yearly_report_made{d(2026, 3, 1)});
}

TEST_CASE(
    "mobility access: the receiving branch receives a letter addressed to it, not one addressed "
    "elsewhere; the sending branch cannot receive",
    "[access]") {
    world w("mobility-transfer");
    auto receiver = w.secretary_of(w.branch_a);
    auto sender = w.secretary_of(w.branch_b);
    auto village = w.secretary_of(w.village);
    auto const incoming = w.a.receivable;  // b.m[10] to branch_a
    auto const moving = w.b.m[10];

    // Either side reads the letter; the receiver sees only what is addressed into its subtree.
    CHECK(get_transfer_letter(receiver, incoming).member == moving);
    CHECK(get_transfer_letter(sender, incoming).member == moving);
    CHECK(find_transfer_letter(receiver, w.branch_b, "乙转甲") == incoming);
    CHECK(member_transfer_letters(receiver, moving).size() == 1);
    CHECK(member_transfer_letters(receiver, w.b.m[5]).empty());  // addressed to the village
    CHECK(member_transfer_letters(sender, w.b.m[5]).size() == 1);
    auto const flying = transfers_in_flight(receiver, as_of);
    CHECK(flying.size() == 2);  // its own letter out and the one coming in
    CHECK(std::any_of(flying.begin(), flying.end(),
                      [&](transfer_in_flight const& f) { return f.id == incoming; }));
    test::require_denied(
        w.path, [&] { (void)get_transfer_letter(receiver, w.b.letter); }, permission::read_roster,
        w.branch_b.value());

    test::require_denied(
        w.path, [&] { receive_transfer(sender, incoming, receipt(d(2026, 3, 20))); },
        permission::manage_mobility, w.branch_a.value());
    test::require_denied(
        w.path, [&] { receive_transfer(receiver, w.b.letter, receipt(d(2026, 3, 20))); },
        permission::manage_mobility, w.village.value());
    test::require_denied(
        w.path, [&] { revoke_transfer(receiver, incoming, d(2026, 3, 20), "撤回"); },
        permission::manage_mobility, w.branch_b.value());
    test::require_denied(
        w.path, [&] { receive_transfer(village, incoming, receipt(d(2026, 3, 20))); },
        permission::manage_mobility, w.branch_a.value());

    receive_transfer(receiver, incoming, receipt(d(2026, 3, 20)));
    CHECK(receiver.get_member(moving).branch == w.branch_a);  // now the receiver's member
    test::require_denied(
        w.path, [&] { (void)sender.get_member(moving); }, permission::read_roster, w.branch_a.value());
}

TEST_CASE(
    "mobility access: removal for lost contact needs the higher organisation; suspension the branch's "
    "roster",
    "[access]") {
    world w("mobility-lost");
    auto const lost = w.store.add_member(test::full_member(w.branch_a, "失联党员", d(2015, 7, 1), 40));
    open_contact_log(w.store, lost, d(2023, 6, 1));
    record_contact(w.store, lost, failed(d(2023, 8, 1)));
    suspend_for_lost_contact(w.store, lost, d(2024, 1, 15), "支部党员大会");

    auto secretary = w.secretary_of(w.branch_a);
    auto other_branch = w.secretary_of(w.branch_b);
    auto village_committee = w.as(role::party_committee(), w.village);
    auto street = w.as(role::party_committee(), w.street);
    test::require_denied(
        w.path, [&] { remove_for_lost_contact(secretary, lost, d(2026, 2, 1), "支部党员大会"); },
        permission::approve_as_higher_committee, w.branch_a.value());
    test::require_denied(
        w.path, [&] { remove_for_lost_contact(other_branch, lost, d(2026, 2, 1), "支部党员大会"); },
        permission::manage_mobility, w.branch_a.value());
    test::require_denied(
        w.path, [&] { remove_for_lost_contact(village_committee, lost, d(2026, 2, 1), "x"); },
        permission::manage_mobility, w.branch_a.value());
    remove_for_lost_contact(street, lost, d(2026, 2, 1), "支部党员大会，街道党工委批准");
    CHECK(w.store.standing_on(lost, d(2026, 2, 1))->state == standing_state::exited);

    // A standing change needs write_roster besides manage_mobility.
    auto clerk =
        w.as(role{"mobility_clerk", {permission::read_roster, permission::manage_mobility}}, w.branch_a);
    test::require_denied(
        w.path, [&] { suspend_for_lost_contact(clerk, w.a.m[7], d(2026, 2, 1), "支部党员大会"); },
        permission::write_roster, w.branch_a.value());
    record_contact(clerk, w.a.m[7], failed(d(2025, 10, 1)));
}

TEST_CASE("mobility access: the certificate numbering is set store-wide and read by anyone", "[access]") {
    world w("mobility-numbering");
    auto secretary = w.secretary_of(w.branch_a);
    auto district = w.as(role::party_committee(), w.district_committee);
    test::require_denied(
        w.path, [&] { set_certificate_numbering(secretary, "3301", 6, 100); }, permission::manage_profiles,
        0);
    test::require_denied(
        w.path, [&] { set_certificate_numbering(district, "3301", 6, 100); }, permission::manage_profiles, 0);
    set_certificate_numbering(w.store, "3301", 6, 100);
    CHECK(certificate_numbering_of(w.as(role::auditor(), w.branch_a)).prefix() == "3301");
}

}  // namespace access_mobility_test_cases
