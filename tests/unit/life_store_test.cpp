#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "dangyuan/storage/life_store.hpp"
#include "test_support.hpp"

namespace life_store_test_cases {

using namespace dangyuan;
using test::d;
using test::invalid_field;
using test::violated_rule;

namespace {
using mk = meeting_kind;
using as = attendance_status;

date::year_month ym(int y, unsigned m) {
    return date::year{y} / date::month{m};
}

date::sys_days const as_of = d(2026, 11, 26);

// A street with two branches: branch_b (机关, 8 full members and a probationary one, a committee of
// three and a party group) and branch_a (社区, 3 full members, a secretary only). The store is a file
// when a path is given, so that tests can hash it.
struct life_district {
    store s;
    org_id district, street, branch_a, branch_b, group;
    std::vector<member_id> a, b;  // b[8] is probationary (admitted 2026-03-10)

    explicit life_district(std::optional<std::filesystem::path> path = std::nullopt)
        : s(open_store(path ? *path : std::filesystem::path(test::fresh_store_location()),
                       {.actor = "tester"})) {
        district =
            s.add_org({.name = "区委", .kind = org_kind::higher_committee, .established = d(1990, 1, 1)});
        street = s.add_org({.name = "城关街道党工委",
                            .kind = org_kind::working_committee,
                            .parent = district,
                            .established = d(2000, 1, 1)});
        branch_a = s.add_org({.name = "第一社区党支部",
                              .kind = org_kind::branch,
                              .parent = street,
                              .established = d(2001, 3, 1),
                              .village_or_community = true,
                              .term_start = d(2021, 12, 20)});
        branch_b = s.add_org({.name = "机关第二党支部",
                              .kind = org_kind::branch,
                              .parent = street,
                              .established = d(2005, 6, 1),
                              .term_start = d(2024, 1, 15)});
        group = s.add_org({.name = "机关第二党支部第一党小组",
                           .kind = org_kind::party_group,
                           .parent = branch_b,
                           .established = d(2010, 1, 1)});
        for (int i = 0; i < 3; ++i)
            a.push_back(s.add_member(
                test::full_member(branch_a, "社区党员" + std::to_string(i), d(2010, 7, 1), 30 + i)));
        for (int i = 0; i < 8; ++i)
            b.push_back(s.add_member(
                test::full_member(branch_b, "机关党员" + std::to_string(i), d(2005, 7, 1), 10 + i)));
        auto prob = test::full_member(branch_b, "预备党员", d(2026, 3, 10), 20, sex::female);
        prob.full_member_date.reset();
        b.push_back(s.add_member(prob));
        s.set_leadership(branch_b, d(2024, 1, 15),
                         {{b[0], officer_role::secretary, ""},
                          {b[1], officer_role::committee_member, "组织委员"},
                          {b[2], officer_role::committee_member, "宣传委员"}});
        s.set_leadership(branch_a, d(2021, 12, 20), {{a[0], officer_role::secretary, ""}});
    }

    // Everyone of branch_b on the day, full members voting, the probationary member sitting in.
    meeting general_meeting(date::sys_days on) const {
        meeting m{.org = branch_b, .kind = mk::branch_general_meeting, .date = on, .topic = "支部党员大会"};
        m.chair = b[0];
        m.chair_is_secretary = true;
        for (int i = 0; i < 8; ++i)
            m.attendance.push_back({b[static_cast<std::size_t>(i)], as::present, "", true});
        if (on >= d(2026, 3, 10)) m.attendance.push_back({b[8], as::present, "", false});
        return m;
    }
    meeting committee_meeting(date::sys_days on) const {
        meeting m{.org = branch_b, .kind = mk::committee_meeting, .date = on, .topic = "支委会"};
        m.chair = b[0];
        m.chair_is_secretary = true;
        for (int i = 0; i < 3; ++i)
            m.attendance.push_back({b[static_cast<std::size_t>(i)], as::present, "", true});
        return m;
    }
    meeting simple(mk kind, date::sys_days on, org_id org, member_id chair) const {
        meeting m{.org = org, .kind = kind, .date = on, .topic = std::string(chinese_name(kind))};
        m.chair = chair;
        m.chair_is_secretary = chair == b[0] && (org == branch_b || org == group);
        m.attendance.push_back({chair, as::present, "", false});
        return m;
    }

    // A compliant 2026 of branch_b up to 20 November, except (when asked) no committee meeting in
    // October.
    void hold_year(bool skip_october_committee) {
        for (unsigned month = 1; month <= 11; ++month) {
            auto const day = [&](unsigned dd) { return d(2026, month, dd); };
            if (!(skip_october_committee && month == 10)) add_meeting(s, committee_meeting(day(5)), as_of);
            add_meeting(s, simple(mk::theme_party_day, day(8), branch_b, b[1]), as_of);
            add_meeting(s, simple(mk::group_meeting, day(12), group, b[3]), as_of);
            if (month % 3 == 1) add_meeting(s, general_meeting(day(15)), as_of);
        }
        add_meeting(s, simple(mk::party_lecture, d(2026, 6, 28), branch_b, b[0]), as_of);
        add_meeting(s, simple(mk::organisation_life_meeting, d(2026, 11, 18), branch_b, b[0]), as_of);
        for (std::size_t i = 1; i < b.size(); ++i) {
            auto talk = simple(mk::heart_to_heart_talk, d(2026, 11, 19), branch_b, b[0]);
            talk.chair_is_secretary = false;
            talk.attendance.push_back({b[i], as::present, "", false});
            add_meeting(s, talk, as_of);
        }
    }
};

struct temp_store {
    std::filesystem::path dir, path;
    explicit temp_store(std::string const& name) : dir(test::temp_dir(name)), path(dir / "life.db") {}
    ~temp_store() { std::filesystem::remove_all(dir); }
};

std::vector<agenda_item> of_kind(std::vector<agenda_item> const& items, std::string const& kind) {
    std::vector<agenda_item> out;
    std::copy_if(items.begin(), items.end(), std::back_inserter(out),
                 [&](agenda_item const& i) { return i.kind == kind; });
    return out;
}

dues_payment pay(member_id who, date::year_month month, fen amount, date::sys_days on, org_id collector,
                 dues_paid_at at = dues_paid_at::home_org) {
    return dues_payment{who, month, amount, false, at, collector, "组织委员", on};
}
}  // namespace

// ---------------------------------------------------------------------------------------------------
// Schema

TEST_CASE("life store: schema version 6 creates the life tables", "[life][store][migration]") {
    temp_store t("life-schema");
    { life_district x(t.path); }
    SQLite::Database raw(t.path.string(), SQLite::OPEN_READONLY);
    CHECK(raw.execAndGet("PRAGMA user_version").getInt() >= 6);
    for (auto const* table :
         {"life_meetings", "life_attendance", "life_training", "life_dues_accounts", "life_dues_bases",
          "life_dues_reliefs", "life_dues_excuses", "life_dues_payments"}) {
        SQLite::Statement st(raw, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?");
        st.bind(1, table);
        REQUIRE(st.executeStep());
        CHECK(st.getColumn(0).getInt() == 1);
    }
    // Exactly these tables carry the domain's prefix.
    CHECK(raw.execAndGet("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name LIKE 'life\\_%' "
                         "ESCAPE '\\'")
              .getInt() == 8);
}

// ---------------------------------------------------------------------------------------------------
// Meetings

TEST_CASE(
    "支部工作条例2018 第11条 [C] life.general_meeting_quorum: meetings and attendance survive reopening",
    "[life][store]") {
    temp_store t("life-meetings");
    meeting_id general, talk;
    stored_meeting before;
    std::size_t audit_rows = 0;
    {
        life_district x(t.path);
        auto m = x.general_meeting(d(2026, 4, 15));
        m.attendance[3].status = as::absent;
        m.attendance[3].absence_reason = "出差";
        m.attendance.push_back({x.a[1], as::guest, "", false});  // a member of another branch sitting in
        auto const audit_before = x.s.audit_log().size();
        general = add_meeting(x.s, m, as_of, "补录四月支部党员大会");
        auto const log = x.s.audit_log();
        REQUIRE(log.size() == audit_before + 1);
        CHECK(log.back().entity == "meeting");
        CHECK(log.back().entity_id == general.value());
        CHECK(log.back().action == "insert");
        CHECK(log.back().why == "补录四月支部党员大会");
        CHECK(log.back().detail.find("present=8; absent=1; guests=1") != std::string::npos);
        before = get_meeting(x.s, general);
        m.id = general;
        CHECK(before.record == m);
        CHECK(before.version == 1);
        CHECK(before.recorded_on == as_of);
        auto h = x.simple(mk::heart_to_heart_talk, d(2026, 5, 2), x.branch_a, x.a[0]);
        h.attendance.push_back({x.a[2], as::present, "", false});
        talk = add_meeting(x.s, h, as_of);
        audit_rows = x.s.audit_log().size();
    }
    auto s = open_store(t.path);
    CHECK(get_meeting(s, general) == before);
    CHECK(s.audit_log().size() == audit_rows);
    auto const all = meetings_of(s, scope::all(), d(2026, 1, 1), d(2026, 12, 31));
    REQUIRE(all.size() == 2);
    CHECK(all[0] == before.record);
    // Scope: the community branch's subtree holds only the talk.
    auto const street_orgs = s.orgs();
    auto const branch_a = std::find_if(street_orgs.begin(), street_orgs.end(), [](org_unit const& o) {
                              return o.name == "第一社区党支部";
                          })->id;
    auto const a_only = meetings_of(s, scope::subtree(branch_a), d(2026, 1, 1), d(2026, 12, 31));
    REQUIRE(a_only.size() == 1);
    CHECK(a_only[0].id == talk);
    CHECK(meetings_of(s, scope::all(), d(2026, 4, 16), d(2026, 5, 1)).empty());
    CHECK(invalid_field([&] { (void)meetings_of(s, scope::all(), d(2026, 5, 1), d(2026, 4, 1)); }) == "to");
    CHECK_THROWS_AS(get_meeting(s, meeting_id{99}), not_found);
}

TEST_CASE(
    "支部工作条例2018 第11条 [C] life.general_meeting_quorum: a refused meeting leaves the file unchanged",
    "[life][store]") {
    temp_store t("life-refused");
    life_district x(t.path);
    auto const day = d(2026, 4, 15);
    x.s.record_party_probation(x.b[7], {d(2026, 1, 10), 12, true, "区纪委"});  // 留党察看: no vote
    auto const hash = test::store_hash(t.path);

    // More than half of the 8 full members: 4 present is not enough.
    auto few = x.general_meeting(day);
    for (std::size_t i = 4; i < 8; ++i) {
        few.attendance[i].status = as::absent;
        few.attendance[i].absence_reason = "请假";
    }
    CHECK(violated_rule([&] { add_meeting(x.s, few, as_of); }) == "life.general_meeting_quorum");
    // The quorum is counted on everyone entitled: leaving the absent off the list is refused.
    auto trimmed = x.general_meeting(day);
    trimmed.attendance.erase(trimmed.attendance.begin() + 4, trimmed.attendance.begin() + 8);
    CHECK(invalid_field([&] { add_meeting(x.s, trimmed, as_of); }) == "attendance");
    // A probationary member does not count towards the quorum, nor one whose rights are suspended;
    // every other full member does.
    auto prob_votes = x.general_meeting(day);
    prob_votes.attendance.back().voting = true;
    prob_votes.attendance[7].voting = false;
    CHECK(invalid_field([&] { add_meeting(x.s, prob_votes, as_of); }) == "attendance");
    auto suspended_votes = x.general_meeting(day);
    CHECK(invalid_field([&] { add_meeting(x.s, suspended_votes, as_of); }) == "attendance");
    auto not_counted = x.general_meeting(day);
    not_counted.attendance[7].voting = false;
    not_counted.attendance[6].voting = false;
    CHECK(invalid_field([&] { add_meeting(x.s, not_counted, as_of); }) == "attendance");
    // Nobody attends before admission, and a guest is not of the holding branch.
    auto early = x.general_meeting(d(2026, 3, 9));
    early.attendance[7].voting = false;
    early.attendance.push_back({x.b[8], as::present, "", false});
    CHECK(invalid_field([&] { add_meeting(x.s, early, as_of); }) == "attendance");
    auto own_guest = x.simple(mk::theme_party_day, day, x.branch_b, x.b[1]);
    own_guest.attendance.push_back({x.b[4], as::guest, "", false});
    CHECK(invalid_field([&] { add_meeting(x.s, own_guest, as_of); }) == "attendance");
    // The chair_is_secretary flag agrees with the leadership.
    auto lecture = x.simple(mk::party_lecture, day, x.branch_b, x.b[1]);
    lecture.chair_is_secretary = true;
    CHECK(invalid_field([&] { add_meeting(x.s, lecture, as_of); }) == "chair_is_secretary");
    // Not recorded ahead of its date; unknown people and organisations.
    CHECK(invalid_field([&] { add_meeting(x.s, x.general_meeting(d(2026, 11, 27)), as_of); }) == "date");
    auto stranger = x.simple(mk::theme_party_day, day, x.branch_b, x.b[1]);
    stranger.attendance.push_back({member_id{999}, as::present, "", false});
    CHECK_THROWS_AS(add_meeting(x.s, stranger, as_of), not_found);
    auto nowhere = x.simple(mk::theme_party_day, day, org_id{999}, x.b[1]);
    CHECK_THROWS_AS(add_meeting(x.s, nowhere, as_of), not_found);
    CHECK(test::store_hash(t.path) == hash);
    auto fine = x.general_meeting(day);
    fine.attendance[7].voting = false;  // sits in without a vote
    CHECK(get_meeting(x.s, add_meeting(x.s, fine, as_of)).record.attendance.size() == 9);
}

TEST_CASE(
    "支部工作条例2018 第12条 [C] life.committee_meeting_quorum: the committee is the leadership in office",
    "[life][store]") {
    temp_store t("life-committee");
    life_district x(t.path);
    auto const hash = test::store_hash(t.path);
    auto const day = d(2026, 5, 6);
    auto two_absent = x.committee_meeting(day);
    for (std::size_t i = 1; i < 3; ++i) {
        two_absent.attendance[i].status = as::absent;
        two_absent.attendance[i].absence_reason = "出差";
    }
    CHECK(violated_rule([&] { add_meeting(x.s, two_absent, as_of); }) == "life.committee_meeting_quorum");
    auto missing = x.committee_meeting(day);
    missing.attendance.pop_back();
    CHECK(invalid_field([&] { add_meeting(x.s, missing, as_of); }) == "attendance");
    auto outsider_votes = x.committee_meeting(day);
    outsider_votes.attendance.push_back({x.b[5], as::present, "", true});
    CHECK(invalid_field([&] { add_meeting(x.s, outsider_votes, as_of); }) == "attendance");
    CHECK(test::store_hash(t.path) == hash);
    auto sitting_in = x.committee_meeting(day);
    sitting_in.attendance.push_back({x.b[5], as::present, "", false});  // 列席
    CHECK_NOTHROW(add_meeting(x.s, sitting_in, as_of));
}

TEST_CASE("meetings: a correction replaces the record, checks the version and is audited", "[life][store]") {
    temp_store t("life-correct");
    life_district x(t.path);
    auto const id = add_meeting(x.s, x.committee_meeting(d(2026, 5, 6)), as_of);
    auto stored = get_meeting(x.s, id);
    auto fixed = stored.record;
    fixed.topic = "研究发展党员工作";
    fixed.attendance[2].status = as::absent;
    fixed.attendance[2].absence_reason = "病假";
    auto const hash = test::store_hash(t.path);
    CHECK_THROWS_AS(correct_meeting(x.s, fixed, stored.version + 1, as_of), conflict);
    auto moved = fixed;
    moved.org = x.branch_a;
    CHECK(invalid_field([&] { correct_meeting(x.s, moved, stored.version, as_of); }) == "org");
    auto broken = fixed;
    broken.attendance[1].status = as::absent;  // no reason
    CHECK(invalid_field([&] { correct_meeting(x.s, broken, stored.version, as_of); }) == "absence_reason");
    CHECK(test::store_hash(t.path) == hash);
    correct_meeting(x.s, fixed, stored.version, d(2026, 11, 27), "更正出席情况");
    auto const now = get_meeting(x.s, id);
    CHECK(now.record == fixed);
    CHECK(now.version == 2);
    CHECK(now.recorded_on == d(2026, 11, 27));
    CHECK(x.s.audit_log().back().action == "correct");
    CHECK(x.s.audit_log().back().why == "更正出席情况");
    CHECK_THROWS_AS(correct_meeting(x.s, fixed, stored.version, as_of), conflict);  // stale now
}

TEST_CASE("支部工作条例2018 第12条 [C] life.committee_meeting_monthly: the compliance report from the store",
          "[life][store][cadence]") {
    life_district x;
    x.hold_year(true);
    auto const report = life_compliance_report(x.s, x.branch_b, d(2026, 1, 1), d(2026, 11, 26));
    CHECK(report.org == x.branch_b);
    auto const missed = report.with_status(slot_status::missed);
    REQUIRE(missed.size() == 1);
    CHECK(missed[0].rule_id == "life.committee_meeting_monthly");
    CHECK(missed[0].slot.label == "2026-10");
    CHECK_FALSE(report.compliant());
    CHECK(report.with_status(slot_status::open).empty());
    // Group meetings are recorded under the group and judged once per group (life.group_meeting_monthly).
    auto const slots = report.slots;
    CHECK(std::count_if(slots.begin(), slots.end(), [&](slot_result const& r) {
              return r.rule_id == "life.group_meeting_monthly" && r.group == x.group &&
                     r.status == slot_status::met;
          }) == 11);
    // Heart-to-heart talks are judged per member of the roster in normal standing.
    CHECK(std::count_if(slots.begin(), slots.end(),
                        [](slot_result const& r) { return r.rule_id == "life.heart_to_heart_yearly"; }) == 9);
    // A month later the year is complete; December is missed from 1 January.
    auto const december = life_compliance_report(x.s, x.branch_b, d(2026, 12, 1), d(2026, 12, 31));
    CHECK_FALSE(december.with_status(slot_status::open).empty());
    auto const next = life_compliance_report(x.s, x.branch_b, d(2026, 12, 1), d(2027, 1, 1));
    CHECK_FALSE(next.with_status(slot_status::missed).empty());
    // The community branch has a secretary and no committee: no committee cadence.
    auto const a = life_compliance_report(x.s, x.branch_a, d(2026, 1, 1), d(2026, 11, 26));
    CHECK(std::none_of(a.slots.begin(), a.slots.end(),
                       [](slot_result const& r) { return r.rule_id == "life.committee_meeting_monthly"; }));
    CHECK_FALSE(a.compliant());
    CHECK(invalid_field(
              [&] { (void)life_compliance_report(x.s, x.branch_b, d(2026, 2, 1), d(2026, 1, 1)); }) == "to");
    CHECK_THROWS_AS(life_compliance_report(x.s, org_id{999}, d(2026, 1, 1), d(2026, 2, 1)), not_found);
}

TEST_CASE("支部工作条例2018 [S] life.party_lecture_secretary_yearly: only the secretary's lecture counts",
          "[life][store][cadence]") {
    life_district x;
    add_meeting(x.s, x.simple(mk::party_lecture, d(2025, 6, 1), x.branch_b, x.b[1]), as_of);
    auto const rule = [&](int year) {
        // Judged on 1 January of the next year, so that the year's slot has ended.
        auto const r = life_compliance_report(x.s, x.branch_b, d(year, 1, 1), d(year + 1, 1, 1));
        return *std::find_if(r.slots.begin(), r.slots.end(), [&](slot_result const& s) {
            return s.rule_id == "life.party_lecture_secretary_yearly" && s.slot.label == std::to_string(year);
        });
    };
    CHECK(rule(2025).status == slot_status::missed);
    CHECK(rule(2025).held == 0);
    add_meeting(x.s, x.simple(mk::party_lecture, d(2025, 12, 31), x.branch_b, x.b[0]), as_of);
    CHECK(rule(2025).status == slot_status::met);
}

TEST_CASE("支部工作条例2018 第12条 [C] life.committee_meeting_monthly: agenda items from the store, by scope",
          "[life][store][agenda]") {
    life_district x;
    x.hold_year(true);
    auto const b_items = x.s.agenda(as_of, scope::subtree(x.branch_b));
    auto const missed = of_kind(b_items, "life.meeting_missed");
    REQUIRE(missed.size() == 1);
    CHECK(missed[0].rule_id == "life.committee_meeting_monthly");
    CHECK(missed[0].org == x.branch_b);
    CHECK(missed[0].due == d(2026, 10, 31));
    CHECK(missed[0].status == agenda_status::overdue);
    CHECK(of_kind(b_items, "life.meeting_due").empty());
    // A branch that never recorded a meeting is not judged: the store does not keep its life.
    CHECK(of_kind(x.s.agenda(as_of, scope::subtree(x.branch_a)), "life.meeting_missed").empty());
    // Once it keeps meetings (one theme party day in 2025), its empty 2026 is missed or due, and only there.
    add_meeting(x.s, x.simple(mk::theme_party_day, d(2025, 12, 8), x.branch_a, x.a[0]), as_of);
    auto const a_items = x.s.agenda(as_of, scope::subtree(x.branch_a));
    auto const a_missed = of_kind(a_items, "life.meeting_missed");
    CHECK(a_missed.size() == 10 + 3);  // theme party days January-October, general meetings Q1-Q3
    CHECK(std::all_of(a_missed.begin(), a_missed.end(),
                      [&](agenda_item const& i) { return i.org == x.branch_a; }));
    auto const a_due = of_kind(a_items, "life.meeting_due");
    CHECK(std::any_of(a_due.begin(), a_due.end(), [](agenda_item const& i) {
        return i.rule_id == "life.theme_party_day_monthly" && i.due == d(2026, 11, 30);
    }));
    auto const everything = x.s.agenda(as_of);
    CHECK(of_kind(everything, "life.meeting_missed").size() >= missed.size() + a_missed.size());
    // From the start of as_of's year only: on 5 January 2027 December's misses are gone.
    auto const january =
        of_kind(x.s.agenda(d(2027, 1, 5), scope::subtree(x.branch_b)), "life.meeting_missed");
    CHECK(january.empty());
}

TEST_CASE(
    "支部工作条例2018 [S] life.heart_to_heart_yearly: a branch whose party group alone records meetings is "
    "judged per member of its roster, in the whole agenda and in every scope",
    "[life][store][agenda]") {
    life_district x;
    // Only the party group keeps records: the branch holds its group meetings through it.
    for (unsigned month = 1; month <= 11; ++month)
        add_meeting(x.s, x.simple(mk::group_meeting, d(2026, month, 12), x.group, x.b[3]), as_of);
    auto const talks = [](std::vector<agenda_item> const& items, org_id org) {
        std::vector<agenda_item> out;
        for (auto const& i : items)
            if (i.rule_id == "life.heart_to_heart_yearly" && i.org == org) out.push_back(i);
        return out;
    };
    auto const in = [](std::vector<agenda_item> const& items, std::vector<org_id> const& orgs) {
        std::vector<agenda_item> out;
        for (auto const& i : items)
            if (std::find(orgs.begin(), orgs.end(), i.org) != orgs.end()) out.push_back(i);
        return out;
    };
    auto const check = [&](char const* when) {
        INFO(when);
        auto const whole = x.s.agenda(as_of);
        // One open talk per member of branch_b in normal standing (8 full, 1 probationary), none judged
        // by a count of the branch's talks.
        auto const due = talks(whole, x.branch_b);
        CHECK(due.size() == 9);
        CHECK(std::all_of(due.begin(), due.end(), [](agenda_item const& i) { return i.member.has_value(); }));
        // Each scope sees exactly its part of the whole agenda, whatever keeps records above it.
        CHECK(x.s.agenda(as_of, scope::subtree(x.branch_b)) == in(whole, {x.branch_b, x.group}));
        CHECK(x.s.agenda(as_of, scope::subtree(x.group)) == in(whole, {x.group}));
        CHECK(x.s.agenda(as_of, scope::subtree(x.street)) ==
              in(whole, {x.street, x.branch_a, x.branch_b, x.group}));
    };
    check("the group alone keeps records");
    // The branch above the group keeps records too: the group's scope lies below a root.
    add_meeting(x.s, x.simple(mk::theme_party_day, d(2026, 11, 8), x.branch_b, x.b[1]), as_of);
    check("the group and its branch keep records");
}

// ---------------------------------------------------------------------------------------------------
// Self-withdrawal inputs

TEST_CASE("党章 第9条 [C] dues.unpaid_6_months: last organisational life and last paid month per member",
          "[life][store]") {
    life_district x;
    auto talk = x.simple(mk::heart_to_heart_talk, d(2026, 9, 1), x.branch_b, x.b[0]);
    talk.attendance.push_back({x.b[5], as::present, "", false});
    add_meeting(x.s, talk, as_of);  // a talk is not organisational life
    auto day = x.simple(mk::theme_party_day, d(2026, 8, 8), x.branch_b, x.b[1]);
    day.attendance.push_back({x.b[5], as::absent, "病假", false});  // absent: no
    day.attendance.push_back({x.a[2], as::guest, "", false});       // a guest: yes
    add_meeting(x.s, day, as_of);
    add_meeting(x.s, x.general_meeting(d(2026, 4, 15)), as_of);
    open_dues_account(x.s, x.b[5], {ym(2026, 1), dues_category::employed, fen::yuan(4000)},
                      {.ledger_start = ym(2026, 1)});
    record_dues_payment(x.s, pay(x.b[5], ym(2026, 3), fen::yuan(40), d(2026, 3, 10), x.branch_b), as_of);
    auto voluntary = pay(x.b[5], ym(2026, 9), fen::yuan(500), d(2026, 9, 10), x.branch_b);
    voluntary.voluntary = true;
    record_dues_payment(x.s, voluntary, as_of);

    auto const rows = life_activity(x.s, as_of);
    auto const row = [&](member_id id) {
        return *std::find_if(rows.begin(), rows.end(),
                             [&](member_life_activity const& r) { return r.member == id; });
    };
    CHECK(rows.size() == 12);
    CHECK(row(x.b[5]).last_org_life == d(2026, 4, 15));
    CHECK(row(x.b[5]).last_paid_month == ym(2026, 3));
    CHECK(row(x.b[1]).last_org_life == d(2026, 8, 8));  // the chair
    CHECK(row(x.a[2]).last_org_life == d(2026, 8, 8));  // the guest
    CHECK(row(x.a[2]).branch == x.branch_a);
    CHECK_FALSE(row(x.a[1]).last_org_life.has_value());
    CHECK(row(x.b[8]).admitted == d(2026, 3, 10));
    // The same answers as the pure rules over the replayed records.
    auto const meetings = meetings_of(x.s, scope::all(), d(2000, 1, 1), as_of);
    auto const payments = dues_payments(x.s, x.b[5]);
    for (auto const& r : rows) {
        CHECK(r.last_org_life == last_org_life(r.member, meetings, as_of));
        if (r.member == x.b[5]) CHECK(r.last_paid_month == last_paid_month(r.member, payments, as_of));
    }
    // As of an earlier date, later records do not count; scope filters members.
    CHECK(life_activity_of(x.s, x.b[5], d(2026, 3, 9)).last_paid_month == std::nullopt);
    CHECK(life_activity_of(x.s, x.b[5], d(2026, 4, 14)).last_org_life == std::nullopt);
    auto const a_rows = life_activity(x.s, as_of, scope::subtree(x.branch_a));
    CHECK(a_rows.size() == 3);
    CHECK_THROWS_AS(life_activity_of(x.s, member_id{999}, as_of), not_found);
}

// ---------------------------------------------------------------------------------------------------
// Training

TEST_CASE(
    "党员教育管理工作条例2019 第20条 [S] training.member_32_hours: the ledger persists; duplicates write "
    "nothing",
    "[life][store][training]") {
    temp_store t("life-training");
    std::vector<training_record> before;
    member_id who;
    {
        life_district x(t.path);
        who = x.b[4];
        training_record r{
            who,  d(2026, 5, 20), "学习贯彻党的二十届四中全会精神专题培训", class_hours::from_tenths(165),
            true, "区委党校"};
        add_training(x.s, r, as_of, "培训登记");
        CHECK(x.s.audit_log().back().entity == "training");
        CHECK(x.s.audit_log().back().entity_id == who.value());
        add_training(x.s, {who, d(2025, 12, 1), "网络学习", class_hours::whole(10), false, "党员教育平台"},
                     as_of);
        auto const hash = test::store_hash(t.path);
        CHECK(invalid_field([&] { add_training(x.s, r, as_of); }) == "ledger");
        CHECK(invalid_field([&] {
                  add_training(x.s, {who, d(2026, 11, 27), "x", class_hours::whole(1), false, ""}, as_of);
              }) == "date");
        CHECK(invalid_field([&] {
                  add_training(x.s, {who, d(2026, 5, 1), "x", class_hours{}, false, ""}, as_of);
              }) == "hours");
        CHECK_THROWS_AS(
            add_training(x.s, {member_id{999}, d(2026, 5, 1), "x", class_hours::whole(1), false, ""}, as_of),
            not_found);
        CHECK(test::store_hash(t.path) == hash);
        before = training_ledger(x.s, who);
    }
    auto s = open_store(t.path);
    CHECK(training_ledger(s, who) == before);
    REQUIRE(before.size() == 2);
    CHECK(before[0].date == d(2025, 12, 1));
    CHECK(training_ledger(s, who, 2026).size() == 1);
    CHECK(training_ledger(s, who, 2026)[0].hours == class_hours::from_tenths(165));
}

TEST_CASE(
    "全国党员教育培训工作规划2019-2023 [S] training.officer_56_hours: the shortfall report takes roles from "
    "the "
    "leadership of the year",
    "[life][store][training]") {
    life_district x;
    // b[2] leaves the committee on 1 June: an officer of 2026 all the same; b[3] joins it.
    x.s.set_leadership(x.branch_b, d(2026, 6, 1),
                       {{x.b[0], officer_role::secretary, ""},
                        {x.b[1], officer_role::committee_member, "组织委员"},
                        {x.b[3], officer_role::committee_member, "宣传委员"}});
    for (auto const id : x.b)
        add_training(x.s, {id, d(2026, 3, 1), "党员集中轮训", class_hours::whole(32), true, "街道党校"},
                     as_of);
    add_training(x.s, {x.b[0], d(2026, 7, 1), "支部书记培训班", class_hours::whole(24), true, "区委党校"},
                 as_of);
    add_training(x.s,
                 {x.b[1], d(2026, 7, 1), "支部书记培训班", class_hours::from_tenths(239), true, "区委党校"},
                 as_of);
    auto const report = training_shortfall_report(x.s, x.branch_b, 2026, as_of);
    CHECK(report.org == x.branch_b);
    CHECK(report.year == 2026);
    // Officers short of 56: b[1] by 0.1, b[2] and b[3] by 24; nobody short of 32.
    REQUIRE(report.shortfalls.size() == 3);
    for (auto const& s : report.shortfalls) {
        CHECK(s.rule_id == "training.officer_56_hours");
        CHECK(s.role == training_role::officer);
    }
    CHECK(report.shortfalls[0].member == x.b[1]);
    CHECK(report.shortfalls[0].short_by == class_hours::from_tenths(1));
    CHECK(report.shortfalls[1].member == x.b[2]);
    CHECK(report.shortfalls[2].member == x.b[3]);
    CHECK(report.shortfalls[2].name == "机关党员3");
    // Before the March training everyone is short of 32, officers of 56 too.
    auto const early = training_shortfall_report(x.s, x.branch_b, 2026, d(2026, 2, 28));
    CHECK(std::count_if(early.shortfalls.begin(), early.shortfalls.end(), [](training_shortfall const& s) {
              return s.rule_id == "training.member_32_hours";
          }) == 8);  // the probationary member is admitted on 10 March
    // The street's report covers both branches; the community members have no hours.
    auto const street = training_shortfall_report(x.s, x.street, 2026, as_of);
    CHECK(street.shortfalls.size() == 3 + 3 + 1);  // + the community secretary's 56 hours
    CHECK(invalid_field([&] { (void)training_shortfall_report(x.s, x.branch_b, 0, as_of); }) == "year");
}

TEST_CASE(
    "local practice [L] training.q4_notice: training shortfalls appear on the store agenda from October",
    "[life][store][training][agenda]") {
    life_district x;
    for (auto const id : x.b)
        add_training(x.s, {id, d(2026, 3, 1), "党员集中轮训", class_hours::whole(60), true, "街道党校"},
                     d(2026, 9, 1));
    // A member transferred in with 31.9 concentrated hours, 0.1 short.
    auto const late = x.s.add_member(test::full_member(x.branch_b, "新调入党员", d(2015, 7, 1), 40));
    add_training(x.s, {late, d(2026, 9, 1), "党员集中轮训", class_hours::from_tenths(319), true, "街道党校"},
                 d(2026, 9, 1));
    auto const items = [&](date::sys_days on) {
        return of_kind(x.s.agenda(on, scope::subtree(x.branch_b)), "training.shortfall");
    };
    CHECK(items(d(2026, 9, 30)).empty());
    auto const october = items(d(2026, 10, 1));
    REQUIRE(october.size() == 1);
    CHECK(october[0].member == late);
    CHECK(october[0].rule_id == "training.member_32_hours");
    CHECK(october[0].due == d(2026, 12, 31));
    CHECK(october[0].status == agenda_status::upcoming);
    CHECK(items(d(2026, 12, 31))[0].status == agenda_status::due);
    CHECK(items(d(2027, 1, 1)).empty());  // hours do not carry over; the report keeps the record
}

// ---------------------------------------------------------------------------------------------------
// Dues

TEST_CASE("党费规定2008 [S] dues.from_admission_month: accounts and payments survive reopening",
          "[life][store][dues]") {
    temp_store t("life-dues");
    std::optional<dues_account> account_before;
    std::vector<dues_payment> payments_before;
    member_id prob, mobile;
    org_id branch_a;
    {
        life_district x(t.path);
        prob = x.b[8];
        mobile = x.b[6];
        branch_a = x.branch_a;
        // The probationary member owes from the admission month, March 2026.
        open_dues_account(x.s, prob, {ym(2026, 3), dues_category::employed, fen::yuan(2800)}, {}, "入党");
        CHECK(x.s.audit_log().back().entity == "dues");
        CHECK(x.s.audit_log().back().action == "open");
        change_dues_base(x.s, prob, {ym(2026, 7), dues_category::employed, fen::yuan(5200)}, "调资");
        auto const hash = test::store_hash(t.path);
        CHECK(violated_rule([&] {
                  record_dues_payment(x.s, pay(prob, ym(2026, 2), fen::yuan(14), d(2026, 3, 20), x.branch_b),
                                      as_of);
              }) == "dues.from_admission_month");
        CHECK(invalid_field([&] {
                  open_dues_account(x.s, x.b[7], {ym(2026, 2), dues_category::employed, fen::yuan(3000)},
                                    {.ledger_start = ym(2026, 1)});
              }) == "effective");  // the base starts after the first month owed
        CHECK_THROWS_AS(open_dues_account(x.s, prob, {ym(2026, 3), dues_category::employed, fen::yuan(1)}),
                        conflict);
        CHECK(invalid_field([&] {
                  change_dues_base(x.s, prob, {ym(2026, 7), dues_category::retiree, fen::yuan(1)});
              }) == "bases");
        CHECK_THROWS_AS(change_dues_base(x.s, x.b[7], {ym(2026, 7), dues_category::student, fen{}}),
                        not_found);
        CHECK(test::store_hash(t.path) == hash);
        for (unsigned m = 3; m <= 10; ++m)
            record_dues_payment(
                x.s, pay(prob, ym(2026, m), m < 7 ? fen(1400) : fen(7800), d(2026, m, 20), x.branch_b),
                as_of);
        CHECK(dues_statement_of(x.s, prob, as_of).arrears == fen{});
        CHECK(dues_statement_of(x.s, prob, as_of).months.front().month == ym(2026, 3));

        // A mobile member pays at the host organisation, collected there.
        open_dues_account(x.s, mobile, {ym(2026, 1), dues_category::employed, fen::yuan(4000)},
                          {.ledger_start = ym(2026, 1)});
        CHECK(invalid_field([&] {
                  record_dues_payment(x.s, pay(mobile, ym(2026, 1), fen::yuan(40), d(2026, 1, 9), x.branch_a),
                                      as_of);
              }) == "collecting_org");  // at home means the member's own branch
        CHECK(invalid_field([&] {
                  record_dues_payment(x.s,
                                      pay(mobile, ym(2026, 1), fen::yuan(40), d(2026, 1, 9), x.branch_b,
                                          dues_paid_at::host_org),
                                      as_of);
              }) == "collecting_org");
        auto nameless = pay(mobile, ym(2026, 1), fen::yuan(40), d(2026, 1, 9), x.branch_b);
        nameless.collected_by.clear();
        CHECK(invalid_field([&] { record_dues_payment(x.s, nameless, as_of); }) == "collected_by");
        CHECK(invalid_field([&] {
                  record_dues_payment(
                      x.s, pay(mobile, ym(2026, 11), fen::yuan(40), d(2026, 11, 27), x.branch_b), as_of);
              }) == "paid_on");
        CHECK_THROWS_AS(record_dues_payment(
                            x.s, pay(x.b[7], ym(2026, 1), fen::yuan(40), d(2026, 1, 9), x.branch_b), as_of),
                        not_found);  // no account
        auto const check = record_dues_payment(
            x.s, pay(mobile, ym(2026, 1), fen::yuan(40), d(2026, 1, 9), x.branch_a, dues_paid_at::host_org),
            as_of, "持《流动党员活动证》在流入地交纳");
        CHECK_FALSE(check.late_back_payment);
        CHECK(x.s.audit_log().back().detail.find("paid_at=host_org") != std::string::npos);
        account_before = find_dues_account(x.s, prob);
        payments_before = dues_payments(x.s, prob);
    }
    auto s = open_store(t.path);
    CHECK(find_dues_account(s, prob) == account_before);
    REQUIRE(account_before.has_value());
    CHECK(account_before->admission_date == d(2026, 3, 10));
    CHECK(account_before->bases.size() == 2);
    CHECK(dues_payments(s, prob) == payments_before);
    CHECK(payments_before.size() == 8);
    auto const host = dues_payments(s, mobile);
    REQUIRE(host.size() == 1);
    CHECK(host[0].paid_at == dues_paid_at::host_org);
    CHECK(host[0].collecting_org == branch_a);
    CHECK_FALSE(find_dues_account(s, member_id{1}).has_value());
}

TEST_CASE(
    "党费规定2008 [S] dues.hardship_approval: a relief needs the branch's study and the higher approval",
    "[life][store][dues]") {
    temp_store t("life-relief");
    life_district x(t.path);
    open_dues_account(x.s, x.b[4], {ym(2026, 1), dues_category::employed, fen::yuan(4000)},
                      {.ledger_start = ym(2026, 1)});
    dues_relief r{ym(2026, 5), ym(2026, 10), fen{}, "家庭遭遇重大变故", d(2026, 4, 20), "", std::nullopt};
    auto const hash = test::store_hash(t.path);
    CHECK(violated_rule([&] { add_dues_relief(x.s, x.b[4], r); }) == "dues.hardship_approval");
    CHECK(test::store_hash(t.path) == hash);
    r.approved_by = "城关街道党工委";
    r.approved_on = d(2026, 4, 28);
    add_dues_relief(x.s, x.b[4], r, "困难减免");
    CHECK(x.s.audit_log().back().action == "relief");
    for (unsigned m = 1; m <= 4; ++m)
        record_dues_payment(x.s, pay(x.b[4], ym(2026, m), fen::yuan(40), d(2026, m, 10), x.branch_b), as_of);
    // Exempt May-October: nothing owed, no streak; November is not yet past its last day.
    auto const st = dues_statement_of(x.s, x.b[4], as_of);
    CHECK(st.arrears == fen{});
    CHECK(st.months.size() == 10);
    CHECK(dues_arrears_report(x.s, as_of).empty());
    CHECK(find_dues_account(x.s, x.b[4])->reliefs == std::vector<dues_relief>{r});
}

TEST_CASE("党章 第9条 [C] dues.unpaid_6_months: arrears, the unpaid streak and the agenda from the store",
          "[life][store][dues][agenda]") {
    life_district x;
    auto const open = [&](member_id id) {
        open_dues_account(x.s, id, {ym(2026, 1), dues_category::employed, fen::yuan(4000)},
                          {.ledger_start = ym(2026, 1)});
    };
    auto const pay_months = [&](member_id id, unsigned from, unsigned to) {
        for (unsigned m = from; m <= to; ++m)
            record_dues_payment(x.s, pay(id, ym(2026, m), fen::yuan(40), d(2026, m, 10), x.branch_b), as_of);
    };
    open(x.b[1]);
    pay_months(x.b[1], 1, 10);  // up to date
    open(x.b[2]);
    pay_months(x.b[2], 1, 7);  // August-October in arrears
    open(x.b[3]);
    pay_months(x.b[3], 1, 4);  // May-October unpaid: 6 consecutive months
    open(x.b[4]);
    pay_months(x.b[4], 1, 4);
    add_dues_excuse(x.s, x.b[4], {ym(2026, 6), ym(2026, 7), "住院治疗"});  // breaks the run
    open(x.a[1]);

    auto const report = dues_arrears_report(x.s, as_of);
    auto const row = [&](member_id id) -> std::optional<dues_position> {
        for (auto const& r : report)
            if (r.member == id) return r;
        return std::nullopt;
    };
    CHECK_FALSE(row(x.b[1]));
    REQUIRE(row(x.b[2]));
    CHECK(row(x.b[2])->statement.arrears == fen::yuan(120));
    CHECK(row(x.b[2])->statement.months_in_arrears == 3);
    CHECK_FALSE(row(x.b[2])->streak);
    REQUIRE(row(x.b[3]));
    REQUIRE(row(x.b[3])->streak);
    CHECK(row(x.b[3])->streak->first == ym(2026, 5));
    CHECK(row(x.b[3])->streak->months == 6);
    CHECK(row(x.b[3])->streak->reached == d(2026, 11, 1));
    CHECK(row(x.b[3])->name == "机关党员3");
    REQUIRE(row(x.b[4]));
    CHECK_FALSE(row(x.b[4])->streak);
    CHECK(row(x.b[4])->statement.arrears == fen::yuan(240));  // excused months still owe dues
    REQUIRE(row(x.a[1]));
    CHECK(row(x.a[1])->streak);  // nothing ever paid
    CHECK(dues_arrears_report(x.s, as_of, scope::subtree(x.branch_b)).size() == 3);
    // The boundary: on 31 October, October is not yet past its last day to pay, so 5 months ran.
    auto const on_31 = dues_arrears_report(x.s, d(2026, 10, 31), scope::subtree(x.branch_b));
    auto const b3 =
        std::find_if(on_31.begin(), on_31.end(), [&](dues_position const& p) { return p.member == x.b[3]; });
    REQUIRE(b3 != on_31.end());
    CHECK_FALSE(b3->streak);
    CHECK(b3->statement.months_in_arrears == 5);

    auto const items = x.s.agenda(as_of, scope::subtree(x.branch_b));
    auto const candidates = of_kind(items, "dues.self_withdrawal_candidate");
    REQUIRE(candidates.size() == 1);
    CHECK(candidates[0].member == x.b[3]);
    CHECK(candidates[0].rule_id == "dues.unpaid_6_months");
    CHECK(candidates[0].status == agenda_status::finding);
    CHECK(candidates[0].due == d(2026, 11, 1));
    auto const arrears = of_kind(items, "dues.arrears");
    CHECK(arrears.size() == 3);
    CHECK(std::all_of(arrears.begin(), arrears.end(), [&](agenda_item const& i) {
        return i.rule_id == "dues.pay_monthly" && i.org == x.branch_b && i.status == agenda_status::overdue;
    }));
    // The community member's items stay in the community's scope.
    auto const a_items =
        of_kind(x.s.agenda(as_of, scope::subtree(x.branch_a)), "dues.self_withdrawal_candidate");
    REQUIRE(a_items.size() == 1);
    CHECK(a_items[0].member == x.a[1]);
    // A suspended member is not judged.
    x.s.record_standing(x.b[3], {standing_event_kind::suspended, d(2026, 11, 20), "失联", "支部"});
    CHECK(of_kind(x.s.agenda(as_of, scope::subtree(x.branch_b)), "dues.self_withdrawal_candidate").empty());
}

TEST_CASE(
    "党费规定2008 [S] dues.back_payment_6_months: late back-payments are flagged, or refused by a profile",
    "[life][store][dues]") {
    SECTION("national: flagged and stored with the flag") {
        life_district x;
        open_dues_account(x.s, x.b[1], {ym(2026, 1), dues_category::employed, fen::yuan(4000)},
                          {.ledger_start = ym(2026, 1)});
        auto const check = record_dues_payment(
            x.s, pay(x.b[1], ym(2026, 1), fen::yuan(40), d(2026, 8, 3), x.branch_b), as_of);
        CHECK(check.months_back == 7);
        CHECK(check.late_back_payment);
        CHECK(x.s.audit_log().back().detail.find("late back-payment") != std::string::npos);
        auto big = pay(x.b[1], ym(2026, 8), fen::yuan(1000), d(2026, 8, 3), x.branch_b);
        big.voluntary = true;
        CHECK(record_dues_payment(x.s, big, as_of).to_centre);  // dues.voluntary_to_centre
    }
    SECTION("a profile that refuses them writes nothing") {
        temp_store t("life-back");
        auto strict = rule_set::national_2014();
        strict.name = "strict-dues";
        strict.life.back_payment = back_payment_policy::refuse;
        std::optional<life_district> x;
        x.emplace(t.path);
        x.reset();
        auto s = open_store(t.path, {.actor = "tester", .rules = strict});
        auto const member = member_id{4};
        open_dues_account(s, member, {ym(2026, 1), dues_category::employed, fen::yuan(4000)},
                          {.ledger_start = ym(2026, 1)});
        auto const branch = s.get_member(member).branch;
        auto const hash = test::store_hash(t.path);
        CHECK(violated_rule([&] {
                  record_dues_payment(s, pay(member, ym(2026, 1), fen::yuan(40), d(2026, 8, 3), branch),
                                      as_of);
              }) == "dues.back_payment_6_months");
        CHECK(test::store_hash(t.path) == hash);
        CHECK(record_dues_payment(s, pay(member, ym(2026, 2), fen::yuan(40), d(2026, 8, 3), branch), as_of)
                  .months_back == 6);
    }
}

TEST_CASE("党费规定2008 [S] dues.pay_monthly: account terms are replaced with a version; quarterly payers",
          "[life][store][dues]") {
    temp_store t("life-terms");
    life_district x(t.path);
    auto const who = x.b[2];
    open_dues_account(x.s, who, {ym(2026, 1), dues_category::employed, fen::yuan(4000)},
                      {.ledger_start = ym(2026, 1)});
    auto terms = get_dues_terms(x.s, who);
    CHECK(terms.version == 1);
    CHECK(terms.ledger_start == ym(2026, 1));
    auto const hash = test::store_hash(t.path);
    auto stale = terms;
    stale.version = 7;
    stale.pays_quarterly = true;
    CHECK_THROWS_AS(set_dues_terms(x.s, who, stale), conflict);
    auto earlier = terms;
    earlier.ledger_start = ym(2025, 7);  // no base in effect for July 2025
    CHECK(invalid_field([&] { set_dues_terms(x.s, who, earlier); }) == "ledger_start");
    auto ended = terms;
    ended.last_month = ym(2025, 12);
    CHECK(invalid_field([&] { set_dues_terms(x.s, who, ended); }) == "last_month");
    CHECK_THROWS_AS(set_dues_terms(x.s, x.b[3], terms), not_found);
    CHECK(invalid_field([&] { add_dues_excuse(x.s, who, {ym(2026, 5), ym(2026, 4), "病"}); }) == "to");
    CHECK(invalid_field([&] { add_dues_excuse(x.s, who, {ym(2026, 4), ym(2026, 5), ""}); }) == "reason");
    CHECK(test::store_hash(t.path) == hash);
    terms.pays_quarterly = true;
    set_dues_terms(x.s, who, terms, "经支部同意按季度交纳");
    CHECK(get_dues_terms(x.s, who).version == 2);
    CHECK(find_dues_account(x.s, who)->pays_quarterly);
    CHECK(x.s.audit_log().back().action == "terms");
    CHECK_THROWS_AS(set_dues_terms(x.s, who, terms), conflict);  // version 1 is stale now
    // Quarterly: on 26 November only the months of Q1-Q3 are owed.
    CHECK(dues_statement_of(x.s, who, as_of).months.size() == 9);
    CHECK(dues_statement_of(x.s, who, d(2026, 10, 1)).months.size() == 9);
    CHECK(dues_statement_of(x.s, who, d(2026, 9, 30)).months.size() == 6);
    CHECK_THROWS_AS(dues_statement_of(x.s, x.b[3], as_of), not_found);
}

TEST_CASE("life store: every command writes exactly one audit row, a refused one none",
          "[life][store][audit]") {
    life_district x;
    auto rows = x.s.audit_log().size();
    auto const one_more = [&](std::string const& entity, std::string const& action) {
        auto const log = x.s.audit_log();
        REQUIRE(log.size() == rows + 1);
        CHECK(log.back().entity == entity);
        CHECK(log.back().action == action);
        CHECK(log.back().actor == "tester");
        rows = log.size();
    };
    auto const id = add_meeting(x.s, x.committee_meeting(d(2026, 2, 5)), as_of);
    one_more("meeting", "insert");
    auto fixed = get_meeting(x.s, id).record;
    fixed.topic = "研究党费收缴";
    correct_meeting(x.s, fixed, 1, as_of);
    one_more("meeting", "correct");
    add_training(x.s, {x.b[1], d(2026, 2, 6), "专题学习", class_hours::whole(4), false, ""}, as_of);
    one_more("training", "insert");
    open_dues_account(x.s, x.b[1], {ym(2026, 1), dues_category::employed, fen::yuan(4000)},
                      {.ledger_start = ym(2026, 1)});
    one_more("dues", "open");
    auto terms = get_dues_terms(x.s, x.b[1]);
    terms.last_month = ym(2026, 12);
    set_dues_terms(x.s, x.b[1], terms);
    one_more("dues", "terms");
    change_dues_base(x.s, x.b[1], {ym(2026, 3), dues_category::employed, fen::yuan(4500)});
    one_more("dues", "base");
    add_dues_relief(
        x.s, x.b[1],
        {ym(2026, 4), std::nullopt, fen(20), "困难", d(2026, 3, 20), "城关街道党工委", d(2026, 3, 28)});
    one_more("dues", "relief");
    add_dues_excuse(x.s, x.b[1], {ym(2026, 5), ym(2026, 6), "住院"});
    one_more("dues", "excuse");
    record_dues_payment(x.s, pay(x.b[1], ym(2026, 1), fen::yuan(40), d(2026, 1, 10), x.branch_b), as_of);
    one_more("dues", "payment");
    CHECK(x.s.audit_log().back().entity_id == x.b[1].value());
    CHECK_THROWS(record_dues_payment(x.s, pay(x.b[1], ym(2027, 1), fen::yuan(40), d(2026, 1, 10), x.branch_b),
                                     as_of));  // after the last month owed here
    CHECK_THROWS(
        add_training(x.s, {x.b[1], d(2026, 2, 6), "专题学习", class_hours::whole(4), false, ""}, as_of));
    CHECK(x.s.audit_log().size() == rows);
}

TEST_CASE(
    "党章 第9条 [C] lostcontact.self_withdrawal_6_months: six months without organisational life in a branch "
    "that keeps meetings",
    "[life][store][agenda]") {
    life_district x;
    auto m1 = x.simple(mk::theme_party_day, d(2026, 1, 8), x.branch_a, x.a[0]);
    m1.attendance.push_back({x.a[1], as::present, "", false});
    m1.attendance.push_back({x.a[2], as::absent, "病假", false});
    add_meeting(x.s, m1, d(2026, 1, 8));
    add_meeting(x.s, x.simple(mk::theme_party_day, d(2026, 3, 8), x.branch_a, x.a[0]), d(2026, 3, 8));
    auto flagged = [&](date::sys_days on) {
        std::vector<member_id> out;
        for (auto const& i : x.s.agenda(on, scope::subtree(x.branch_a)))
            if (i.kind == "life.no_org_life") out.push_back(*i.member);
        return out;
    };
    CHECK(flagged(d(2026, 7, 7)).empty());
    // a[1] last attended on 8 January; a[2] never, counted from the branch's first record; a[0] attended in
    // March.
    CHECK(flagged(d(2026, 7, 8)) == std::vector<member_id>{x.a[1], x.a[2]});
    CHECK(flagged(d(2026, 9, 8)).size() == 3);
    // A branch that keeps no meetings raises nothing.
    auto const all = x.s.agenda(d(2026, 9, 8));
    CHECK(std::none_of(all.begin(), all.end(), [&](agenda_item const& i) {
        return i.kind == "life.no_org_life" && i.org == x.branch_b;
    }));
}

TEST_CASE("statistics: a compliance report added up counts due slots only, and at most the required meetings",
          "[life][cadence][statistics]") {
    auto const slot = [](slot_status st, int held, int required) {
        slot_result r;
        r.status = st;
        r.held = held;
        r.required = required;
        return r;
    };
    compliance_report report;
    CHECK(tally(report) == cadence_tally{});
    report.slots = {slot(slot_status::met, 3, 1),      // a busy month counts once
                    slot(slot_status::met, 2, 2),      // exactly the number required
                    slot(slot_status::missed, 0, 1),   // nothing held
                    slot(slot_status::missed, 1, 2),   // one of two
                    slot(slot_status::open, 1, 1),     // not ended: not due yet
                    slot(slot_status::exempt, 0, 1)};  // the organisation existed for part of it only
    CHECK(tally(report) == cadence_tally{.required = 6, .held = 4, .missed = 2});
}

TEST_CASE("statistics: meetings against the cadence per branch in scope, from the establishment when later",
          "[life][store][cadence][statistics]") {
    life_district x;
    x.hold_year(true);
    auto const young = x.s.add_org(
        {.name = "新建党支部", .kind = org_kind::branch, .parent = x.street, .established = d(2026, 6, 1)});
    x.s.add_org({.name = "撤销党支部",
                 .kind = org_kind::branch,
                 .parent = x.street,
                 .established = d(2001, 1, 1),
                 .dissolved = d(2026, 11, 26)});  // dissolved on the report date: not active on it
    auto const from = d(2026, 1, 1);
    auto const all = meetings_against_cadence(x.s, from, as_of);
    std::vector<org_id> ids;
    for (auto const& b : all)
        ids.push_back(b.org);
    CHECK(ids ==
          std::vector<org_id>{x.branch_a, x.branch_b, young});  // no committee, group or dissolved branch
    for (auto const& b : all) {
        CHECK(b.start == (b.org == young ? d(2026, 6, 1) : from));
        CHECK(b.tally == tally(life_compliance_report(x.s, b.org, b.start, as_of)));
    }
    auto const& b = all[1];
    CHECK(b.name == "机关第二党支部");
    CHECK(b.tally.missed >= 1);  // October's committee meeting
    CHECK(b.tally.held < b.tally.required);
    auto const one = meetings_against_cadence(x.s, from, as_of, scope::subtree(x.branch_b));
    REQUIRE(one.size() == 1);
    CHECK(one[0] == b);
    CHECK(invalid_field([&] { (void)meetings_against_cadence(x.s, d(2026, 2, 1), d(2026, 1, 1)); }) == "to");
    CHECK_THROWS_AS(meetings_against_cadence(x.s, from, as_of, scope::subtree(org_id{999})), not_found);
}

}  // namespace life_store_test_cases
