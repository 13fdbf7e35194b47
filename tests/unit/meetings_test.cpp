#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "dangyuan/life/cadence.hpp"
#include "dangyuan/life/meetings.hpp"
#include "rules_test_prelude.hpp"

namespace meetings_test_cases {

namespace {
using mk = meeting_kind;
using as = attendance_status;

org_unit branch(date::sys_days established = d(2010, 1, 1)) {
    return org_unit{.id = org_id{10},
                    .name = "机关第一党支部",
                    .kind = org_kind::branch,
                    .parent = org_id{1},
                    .established = established};
}

org_unit group_org(org_id id) {
    return org_unit{.id = id,
                    .name = "第一党小组",
                    .kind = org_kind::party_group,
                    .parent = org_id{10},
                    .established = d(2010, 1, 1)};
}

meeting held(mk kind, date::sys_days on, org_id org = org_id{10}) {
    meeting m;
    m.org = org;
    m.kind = kind;
    m.date = on;
    m.topic = "学习";
    m.chair = member_id{1};
    return m;
}

// A general meeting with `present` of `entitled` full members present (the rest absent with a reason).
meeting general_meeting(int entitled, int present, date::sys_days on = d(2026, 3, 10)) {
    auto m = held(mk::branch_general_meeting, on);
    for (int i = 1; i <= entitled; ++i)
        m.attendance.push_back(
            {member_id{i}, i <= present ? as::present : as::absent, i <= present ? "" : "出差", true});
    return m;
}

// Slots of one rule in a report.
std::vector<slot_result> rows_of(compliance_report const& r, std::string const& rule) {
    std::vector<slot_result> out;
    for (auto const& s : r.slots)
        if (s.rule_id == rule) out.push_back(s);
    return out;
}

slot_result slot_labelled(std::vector<slot_result> const& rows, std::string const& label) {
    for (auto const& s : rows)
        if (s.slot.label == label) return s;
    FAIL("no slot " << label);
    return {};
}
}  // namespace

TEST_CASE("meeting kinds: English codes and Chinese names round-trip, unknown names name the field",
          "[meetings]") {
    for (auto k : {mk::branch_general_meeting, mk::committee_meeting, mk::group_meeting, mk::party_lecture,
                   mk::theme_party_day, mk::organisation_life_meeting, mk::heart_to_heart_talk}) {
        CHECK(parse_meeting_kind(to_string(k)) == k);
        CHECK(parse_meeting_kind(chinese_name(k)) == k);
    }
    CHECK(chinese_name(mk::committee_meeting) == "支部委员会");
    CHECK(parse_meeting_kind("党课") == mk::party_lecture);
    CHECK(parse_meeting_kind("谈心谈话") == mk::heart_to_heart_talk);
    CHECK(invalid_field([] { (void)parse_meeting_kind("党员大会2"); }) == "kind");
    CHECK(counts_as_org_life(mk::theme_party_day));
    CHECK_FALSE(counts_as_org_life(mk::heart_to_heart_talk));
}

TEST_CASE(
    "支部工作条例2018 第11条 [C] life.general_meeting_quorum: more than half of those entitled; exactly half "
    "is refused",
    "[meetings]") {
    auto const o = branch();
    auto const as_of = d(2026, 3, 31);
    CHECK(violated_rule([&] { validate_meeting(general_meeting(10, 5, d(2026, 3, 10)), o, as_of); }) ==
          "life.general_meeting_quorum");
    CHECK_NOTHROW(validate_meeting(general_meeting(10, 6), o, as_of));
    CHECK(violated_rule([&] { validate_meeting(general_meeting(9, 4), o, as_of); }) ==
          "life.general_meeting_quorum");
    CHECK_NOTHROW(validate_meeting(general_meeting(9, 5), o, as_of));

    // Probationary members (no vote) and host-attending mobile members (guests) do not count.
    auto m = general_meeting(8, 4);
    m.attendance.push_back({member_id{20}, as::present, "", false});  // probationary member
    m.attendance.push_back({member_id{21}, as::present, "", false});
    m.attendance.push_back({member_id{30}, as::guest, "", true});  // guest: its voting flag is ignored
    m.attendance.push_back({member_id{31}, as::guest, "", true});
    auto const v = attendance_counts(m);
    CHECK(v.entitled == 8);
    CHECK(v.present == 4);
    CHECK(violated_rule([&] { validate_meeting(m, o, as_of); }) == "life.general_meeting_quorum");
    m.attendance[4].status = as::present;  // one more full member arrives
    CHECK_NOTHROW(validate_meeting(m, o, as_of));

    // The counts feed the shared vote rules: yes must exceed half of those entitled, not of those present.
    auto vote = attendance_counts(m);
    vote.yes = 4;
    CHECK(violated_rule([&] { require_passed(vote); }) == "vote.majority_of_entitled");
    vote.yes = 5;
    CHECK_NOTHROW(require_passed(vote));

    // A general meeting with nobody entitled to vote is malformed, not merely inquorate.
    auto empty = held(mk::branch_general_meeting, d(2026, 3, 10));
    empty.attendance.push_back({member_id{20}, as::present, "", false});
    CHECK(invalid_field([&] { validate_meeting(empty, o, as_of); }) == "entitled");
}

TEST_CASE(
    "支部工作条例2018 第12条 [C] life.committee_meeting_quorum: more than half of the committee members "
    "present",
    "[meetings]") {
    auto const o = branch();
    auto m = held(mk::committee_meeting, d(2026, 4, 8));
    for (int i = 1; i <= 5; ++i)
        m.attendance.push_back({member_id{i}, i <= 2 ? as::present : as::absent, i <= 2 ? "" : "病假", true});
    m.attendance.push_back(
        {member_id{40}, as::present, "", false});  // sitting in (列席), not a committee member
    CHECK(violated_rule([&] { validate_meeting(m, o, d(2026, 4, 30)); }) == "life.committee_meeting_quorum");
    m.attendance[2].status = as::present;
    m.attendance[2].absence_reason.clear();
    CHECK_NOTHROW(validate_meeting(m, o, d(2026, 4, 30)));
    // Other kinds have no quorum.
    auto day = held(mk::theme_party_day, d(2026, 4, 8));
    day.attendance.push_back({member_id{2}, as::absent, "出差", true});
    CHECK_NOTHROW(validate_meeting(day, o, d(2026, 4, 8)));
}

TEST_CASE("meetings: validation names the field (date, org, topic, attendance, absence reason, chair)",
          "[meetings]") {
    auto const o = branch(d(2020, 5, 1));
    auto ok = held(mk::theme_party_day, d(2026, 5, 20));
    ok.attendance = {{member_id{2}, as::present, "", true}, {member_id{3}, as::absent, "出差", true}};
    CHECK_NOTHROW(validate_meeting(ok, o, d(2026, 5, 20)));

    auto m = ok;
    CHECK(invalid_field([&] { validate_meeting(m, o, d(2026, 5, 19)); }) ==
          "date");            // recorded before it was held
    m.date = d(2020, 4, 30);  // the day before the branch existed
    CHECK(invalid_field([&] { validate_meeting(m, o, d(2026, 5, 20)); }) == "date");
    m.date = d(2020, 5, 1);
    CHECK_NOTHROW(validate_meeting(m, o, d(2026, 5, 20)));
    auto dissolved = o;
    dissolved.dissolved = d(2026, 5, 20);
    CHECK(invalid_field([&] { validate_meeting(ok, dissolved, d(2026, 5, 20)); }) == "date");

    m = ok;
    m.org = org_id{11};
    CHECK(invalid_field([&] { validate_meeting(m, o, d(2026, 5, 20)); }) == "org");
    m = ok;
    m.topic.clear();
    CHECK(invalid_field([&] { validate_meeting(m, o, d(2026, 5, 20)); }) == "topic");
    m = ok;
    m.attendance.push_back({member_id{2}, as::absent, "重复", true});
    CHECK(invalid_field([&] { validate_meeting(m, o, d(2026, 5, 20)); }) == "attendance");
    m = ok;
    m.attendance[1].absence_reason.clear();
    CHECK(invalid_field([&] { validate_meeting(m, o, d(2026, 5, 20)); }) == "absence_reason");
    m = ok;
    m.attendance.push_back({member_id{1}, as::absent, "请假", true});  // the chair cannot be absent
    CHECK(invalid_field([&] { validate_meeting(m, o, d(2026, 5, 20)); }) == "chair");

    // Group meetings belong to party groups; groups hold no general or committee meetings.
    auto gm = held(mk::group_meeting, d(2026, 5, 20));
    CHECK(invalid_field([&] { validate_meeting(gm, o, d(2026, 5, 20)); }) == "org");
    auto const g = group_org(org_id{11});
    gm.org = g.id;
    CHECK_NOTHROW(validate_meeting(gm, g, d(2026, 5, 20)));
    auto gg = general_meeting(3, 3, d(2026, 5, 20));
    gg.org = g.id;
    CHECK(invalid_field([&] { validate_meeting(gg, g, d(2026, 5, 20)); }) == "org");

    // Lectures name the lecturer; the secretary flag needs someone to carry it; talks need a partner.
    auto lecture = held(mk::party_lecture, d(2026, 5, 20));
    lecture.chair.reset();
    CHECK(invalid_field([&] { validate_meeting(lecture, o, d(2026, 5, 20)); }) == "chair");
    auto day = ok;
    day.chair.reset();
    day.chair_is_secretary = true;
    CHECK(invalid_field([&] { validate_meeting(day, o, d(2026, 5, 20)); }) == "chair");
    auto talk = held(mk::heart_to_heart_talk, d(2026, 5, 20));
    CHECK(invalid_field([&] { validate_meeting(talk, o, d(2026, 5, 20)); }) == "attendance");
    talk.attendance.push_back({member_id{7}, as::present, "", true});
    CHECK_NOTHROW(validate_meeting(talk, o, d(2026, 5, 20)));
}

TEST_CASE("meetings: last organisational life per member (guests count, talks and absences do not)",
          "[meetings]") {
    std::vector<meeting> ms;
    auto a = held(mk::theme_party_day, d(2026, 1, 15));
    a.attendance = {{member_id{2}, as::present, "", true},
                    {member_id{3}, as::absent, "出差", true},
                    {member_id{50}, as::guest, "", false}};
    ms.push_back(a);
    auto b = held(mk::heart_to_heart_talk, d(2026, 3, 1));
    b.attendance = {{member_id{3}, as::present, "", true}};
    ms.push_back(b);
    auto c = held(mk::branch_general_meeting, d(2026, 2, 28));
    c.chair = member_id{9};
    c.attendance = {{member_id{2}, as::present, "", true}, {member_id{50}, as::absent, "在外地", true}};
    ms.push_back(c);
    auto future = held(mk::theme_party_day, d(2026, 7, 1));
    future.attendance = {{member_id{2}, as::present, "", true}};
    ms.push_back(future);

    auto const last = last_org_life(ms, d(2026, 6, 30));
    CHECK(last.at(member_id{2}) == d(2026, 2, 28));
    CHECK(last.at(member_id{50}) == d(2026, 1, 15));  // host-attending mobile member
    CHECK(last.at(member_id{9}) == d(2026, 2, 28));   // the chair took part
    CHECK(last.at(member_id{1}) == d(2026, 1, 15));
    CHECK(last.count(member_id{3}) == 0);  // absent, and a talk is not organisational life
    CHECK(last_org_life(member_id{2}, ms, d(2026, 7, 1)) == d(2026, 7, 1));
    CHECK_FALSE(last_org_life(member_id{3}, ms, d(2026, 7, 1)).has_value());
    CHECK_FALSE(last_org_life(member_id{2}, ms, d(2026, 1, 14)).has_value());
}

TEST_CASE(
    "支部工作条例2018 第11条 [C] life.general_meeting_quarterly: one general meeting per quarter; 31 "
    "December "
    "counts for Q4",
    "[meetings][cadence]") {
    auto const o = branch();
    std::vector<meeting> ms{general_meeting(5, 5, d(2026, 3, 31)), general_meeting(5, 5, d(2026, 9, 30)),
                            general_meeting(5, 5, d(2026, 12, 31))};
    auto const report = life_compliance(o, ms, {}, d(2026, 1, 1), d(2027, 1, 1), rules);
    auto const q = rows_of(report, "life.general_meeting_quarterly");
    REQUIRE(q.size() == 5);  // 2026-Q1 … 2026-Q4 and 2027-Q1 (the report ends on 1 January)
    CHECK(slot_labelled(q, "2026-Q1").status == slot_status::met);
    auto const& q2 = slot_labelled(q, "2026-Q2");
    CHECK(q2.status == slot_status::missed);
    CHECK(q2.message == "no 支部党员大会 (branch_general_meeting) held in 2026-Q2");
    CHECK(q2.slot.start == d(2026, 4, 1));
    CHECK(q2.slot.end == d(2026, 6, 30));
    CHECK(slot_labelled(q, "2026-Q3").status == slot_status::met);
    CHECK(slot_labelled(q, "2026-Q4").status == slot_status::met);
    CHECK(slot_labelled(q, "2027-Q1").status == slot_status::open);
    CHECK_FALSE(report.compliant());

    // On 31 December itself the meeting of that day counts; judged the day before, Q4 is still open.
    auto const on_day = life_compliance(o, ms, {}, d(2026, 10, 1), d(2026, 12, 31), rules);
    CHECK(slot_labelled(rows_of(on_day, "life.general_meeting_quarterly"), "2026-Q4").status ==
          slot_status::met);
    auto const day_before = life_compliance(o, ms, {}, d(2026, 10, 1), d(2026, 12, 30), rules);
    auto const& q4 = slot_labelled(rows_of(day_before, "life.general_meeting_quarterly"), "2026-Q4");
    CHECK(q4.status == slot_status::open);
    CHECK(q4.held == 0);

    // A meeting on 1 January belongs to the new year's Q1, not to the old Q4.
    std::vector<meeting> late{general_meeting(5, 5, d(2027, 1, 1))};
    auto const r2 = life_compliance(o, late, {}, d(2026, 10, 1), d(2027, 1, 2), rules);
    CHECK(slot_labelled(rows_of(r2, "life.general_meeting_quarterly"), "2026-Q4").status ==
          slot_status::missed);
    CHECK(slot_labelled(rows_of(r2, "life.general_meeting_quarterly"), "2027-Q1").status == slot_status::met);
}

TEST_CASE(
    "支部工作条例2018 第12条 [C] life.committee_meeting_monthly: monthly, only where there is a committee",
    "[meetings][cadence]") {
    auto const o = branch();
    std::vector<meeting> ms{held(mk::committee_meeting, d(2026, 9, 30)),
                            held(mk::committee_meeting, d(2026, 11, 1))};
    auto const none = life_compliance(o, ms, {.has_committee = false}, d(2026, 9, 1), d(2026, 12, 1), rules);
    CHECK(rows_of(none, "life.committee_meeting_monthly").empty());

    auto const r = life_compliance(o, ms, {.has_committee = true}, d(2026, 9, 1), d(2026, 12, 1), rules);
    auto const rows = rows_of(r, "life.committee_meeting_monthly");
    REQUIRE(rows.size() == 4);
    CHECK(slot_labelled(rows, "2026-09").status == slot_status::met);
    auto const& oct = slot_labelled(rows, "2026-10");
    CHECK(oct.status == slot_status::missed);
    CHECK(oct.message == "no 支部委员会 (committee_meeting) held in 2026-10");
    CHECK(oct.slot.end == d(2026, 10, 31));
    CHECK(slot_labelled(rows, "2026-11").status == slot_status::met);
    CHECK(slot_labelled(rows, "2026-12").status == slot_status::open);

    // min_count from the table: a profile asking for two a month.
    auto twice = rules;
    for (auto& row : twice.life.cadence)
        if (row.kind == mk::committee_meeting) row.min_count = 2;
    auto const r2 = life_compliance(o, ms, {.has_committee = true}, d(2026, 9, 1), d(2026, 10, 1), twice);
    auto const& sep = slot_labelled(rows_of(r2, "life.committee_meeting_monthly"), "2026-09");
    CHECK(sep.status == slot_status::missed);
    CHECK(sep.message == "only 1 of 2 支部委员会 (committee_meeting) held in 2026-09");
}

TEST_CASE("支部工作条例2018 第13条 [C] life.group_meeting_monthly: each party group meets every month",
          "[meetings][cadence]") {
    auto const o = branch();
    org_id const g1{11}, g2{12};
    std::vector<meeting> ms{held(mk::group_meeting, d(2026, 1, 5), g1),
                            held(mk::group_meeting, d(2026, 2, 5), g1),
                            held(mk::group_meeting, d(2026, 1, 31), g2)};
    auto const r = life_compliance(o, ms, {.groups = {g1, g2}}, d(2026, 1, 1), d(2026, 3, 1), rules);
    auto const rows = rows_of(r, "life.group_meeting_monthly");
    REQUIRE(rows.size() == 6);  // 2 groups × January, February, March
    std::vector<slot_result> missed;
    for (auto const& s : r.with_status(slot_status::missed))
        if (s.rule_id == "life.group_meeting_monthly") missed.push_back(s);
    REQUIRE(missed.size() == 1);
    CHECK(missed[0].group == g2);
    CHECK(missed[0].slot.label == "2026-02");
    CHECK(missed[0].message == "no 党小组会 (group_meeting) by party group 12 held in 2026-02");
    // A branch without groups has no group row; a party group is judged on its own meetings only.
    CHECK(
        rows_of(life_compliance(o, ms, {}, d(2026, 1, 1), d(2026, 3, 1), rules), "life.group_meeting_monthly")
            .empty());
    auto const gr = life_compliance(group_org(g2), ms, {}, d(2026, 1, 1), d(2026, 3, 1), rules);
    REQUIRE(gr.slots.size() == 3);
    CHECK(gr.slots[0].status == slot_status::met);
    CHECK(gr.slots[1].status == slot_status::missed);
    CHECK_FALSE(gr.slots[1].group.has_value());
    // A committee (党委) has no branch cadence.
    auto committee = o;
    committee.kind = org_kind::grassroots_committee;
    CHECK(life_compliance(committee, ms, {}, d(2026, 1, 1), d(2026, 3, 1), rules).slots.empty());
}

TEST_CASE(
    "支部工作条例2018 [S] life.party_lecture_secretary_yearly: the secretary lectures at least once a year",
    "[meetings][cadence]") {
    auto const o = branch();
    auto by_member = held(mk::party_lecture, d(2025, 6, 1));  // an ordinary member lectures
    auto by_secretary = held(mk::party_lecture, d(2025, 12, 31));
    by_secretary.chair_is_secretary = true;

    std::vector<meeting> only_member{by_member};
    auto const r = life_compliance(o, only_member, {}, d(2025, 1, 1), d(2026, 1, 5), rules);
    auto const& y = slot_labelled(rows_of(r, "life.party_lecture_secretary_yearly"), "2025");
    CHECK(y.status == slot_status::missed);
    CHECK(y.message == "no 党课 (party_lecture) given by the branch secretary held in 2025");

    std::vector<meeting> both{by_member, by_secretary};
    auto const r2 = life_compliance(o, both, {}, d(2025, 1, 1), d(2026, 1, 5), rules);
    auto const rows = rows_of(r2, "life.party_lecture_secretary_yearly");
    CHECK(slot_labelled(rows, "2025").status == slot_status::met);
    CHECK(slot_labelled(rows, "2025").held == 1);
    CHECK(slot_labelled(rows, "2026").status == slot_status::open);
}

TEST_CASE("local practice [L] life.party_lecture_local: a profile may require a party lecture every quarter",
          "[meetings][cadence]") {
    auto local = rules;
    for (auto& row : local.life.cadence)
        if (row.kind == mk::party_lecture)
            row = {"life.party_lecture_local", mk::party_lecture, cadence_period::quarter, 1,
                   cadence_condition::none};
    CHECK_FALSE(local == rules);
    CHECK_NOTHROW(validate_cadence(local.life.cadence));
    auto const o = branch();
    std::vector<meeting> ms{held(mk::party_lecture, d(2026, 2, 1)), held(mk::party_lecture, d(2026, 9, 30))};
    auto const rows = rows_of(life_compliance(o, ms, {}, d(2026, 1, 1), d(2026, 12, 31), local),
                              "life.party_lecture_local");
    REQUIRE(rows.size() == 4);
    CHECK(rows[0].status == slot_status::met);
    CHECK(rows[1].status == slot_status::missed);
    CHECK(rows[2].status == slot_status::met);
    CHECK(rows[3].status == slot_status::open);
    CHECK(rows_of(life_compliance(o, ms, {}, d(2026, 1, 1), d(2026, 12, 31), local),
                  "life.party_lecture_secretary_yearly")
              .empty());
}

TEST_CASE(
    "支部工作条例2018 [S] life.theme_party_day_monthly: one theme party day a month, month ends included",
    "[meetings][cadence]") {
    auto const o = branch();
    std::vector<meeting> ms{held(mk::theme_party_day, d(2024, 1, 31)),
                            held(mk::theme_party_day, d(2024, 2, 29)),
                            held(mk::theme_party_day, d(2024, 4, 1))};
    auto const rows = rows_of(life_compliance(o, ms, {}, d(2024, 1, 1), d(2024, 4, 30), rules),
                              "life.theme_party_day_monthly");
    REQUIRE(rows.size() == 4);
    CHECK(slot_labelled(rows, "2024-01").status == slot_status::met);
    CHECK(slot_labelled(rows, "2024-02").status == slot_status::met);  // leap day
    CHECK(slot_labelled(rows, "2024-02").slot.end == d(2024, 2, 29));
    CHECK(slot_labelled(rows, "2024-03").status == slot_status::missed);
    CHECK(slot_labelled(rows, "2024-04").status == slot_status::met);
}

TEST_CASE(
    "支部工作条例2018 第17条 [S] life.organisation_life_meeting_yearly: at least once a year; agenda overdue "
    "after 31 December",
    "[meetings][cadence][agenda]") {
    auto const o = branch();
    std::vector<meeting> ms{held(mk::organisation_life_meeting, d(2024, 12, 31))};
    auto only_row = rules;
    only_row.life.cadence = {{"life.organisation_life_meeting_yearly", mk::organisation_life_meeting,
                              cadence_period::year, 1, cadence_condition::none}};
    auto const items = life_agenda(o, ms, {}, d(2024, 1, 1), d(2026, 11, 26), only_row);
    REQUIRE(items.size() == 2);
    CHECK(items[0].kind == "life.meeting_missed");
    CHECK(items[0].status == agenda_status::overdue);
    CHECK(items[0].due == d(2025, 12, 31));
    CHECK(items[0].rule_id == "life.organisation_life_meeting_yearly");
    CHECK(items[0].message == "no 组织生活会 (organisation_life_meeting) held in 2025");
    CHECK(items[1].kind == "life.meeting_due");
    CHECK(items[1].status == agenda_status::upcoming);
    CHECK(items[1].due == d(2026, 12, 31));
    auto const on_day = life_agenda(o, ms, {}, d(2026, 1, 1), d(2026, 12, 31), only_row);
    REQUIRE(on_day.size() == 1);
    CHECK(on_day[0].status == agenda_status::due);
    auto const next_day = life_agenda(o, ms, {}, d(2026, 1, 1), d(2027, 1, 1), only_row);
    REQUIRE(next_day.size() == 2);
    CHECK(next_day[0].status == agenda_status::overdue);
    CHECK(next_day[0].due == d(2026, 12, 31));
    CHECK(next_day[1].due == d(2027, 12, 31));
    // Nothing for a dissolved organisation.
    auto gone = o;
    gone.dissolved = d(2026, 6, 1);
    CHECK(life_agenda(gone, ms, {}, d(2026, 1, 1), d(2026, 11, 26), only_row).empty());
}

TEST_CASE("支部工作条例2018 [S] life.heart_to_heart_yearly: a talk with every member of the roster each year",
          "[meetings][cadence][agenda]") {
    auto const o = branch();
    auto talk = held(mk::heart_to_heart_talk, d(2025, 12, 31));  // member 1 (a committee member) talks with 2
    talk.attendance = {{member_id{2}, as::present, "", true}};
    std::vector<meeting> ms{talk};
    life_scope const scope{.members = {member_id{1}, member_id{2}, member_id{3}}};
    auto const rows = rows_of(life_compliance(o, ms, scope, d(2025, 1, 1), d(2026, 1, 1), rules),
                              "life.heart_to_heart_yearly");
    REQUIRE(rows.size() == 6);  // 3 members × 2025, 2026
    CHECK(rows[0].member == member_id{1});
    CHECK(rows[0].status == slot_status::met);  // held it
    CHECK(rows[1].status == slot_status::met);
    CHECK(rows[2].status == slot_status::missed);
    CHECK(rows[2].message == "no 谈心谈话 (heart_to_heart_talk) with member 3 held in 2025");
    CHECK(rows[3].status == slot_status::open);

    auto const items = life_agenda(o, ms, scope, d(2025, 1, 1), d(2026, 1, 1), rules);
    auto const it = std::find_if(items.begin(), items.end(), [](agenda_item const& i) {
        return i.rule_id == "life.heart_to_heart_yearly" && i.kind == "life.meeting_missed";
    });
    REQUIRE(it != items.end());
    CHECK(it->member == member_id{3});

    // Without a roster, any talk in the year meets the row.
    auto const by_count = rows_of(life_compliance(o, ms, {}, d(2025, 1, 1), d(2026, 1, 1), rules),
                                  "life.heart_to_heart_yearly");
    REQUIRE(by_count.size() == 2);
    CHECK(by_count[0].status == slot_status::met);
    CHECK_FALSE(by_count[0].member.has_value());
}

TEST_CASE(
    "cadence: an organisation established mid-period is judged from its first full slot; a partial slot is "
    "exempt unless met",
    "[meetings][cadence]") {
    auto const o = branch(d(2026, 3, 25));
    std::vector<meeting> ms{held(mk::theme_party_day, d(2026, 3, 28)),
                            held(mk::theme_party_day, d(2026, 3, 20))};
    life_scope const scope{.has_committee = true};
    auto const r = life_compliance(o, ms, scope, d(2026, 1, 1), d(2026, 5, 1), rules);
    auto const committee = rows_of(r, "life.committee_meeting_monthly");
    REQUIRE(committee.size() == 3);  // March (partial), April, May: nothing before the establishment
    CHECK(committee[0].slot.label == "2026-03");
    CHECK(committee[0].status == slot_status::exempt);
    CHECK(committee[0].message == "2026-03 only partly covered: '机关第一党支部' established 2026-03-25");
    CHECK(committee[1].status == slot_status::missed);
    CHECK(committee[2].status == slot_status::open);
    auto const day = rows_of(r, "life.theme_party_day_monthly");
    CHECK(day[0].status == slot_status::met);  // held anyway, on 28 March
    CHECK(day[0].held == 1);                   // the 20 March record predates the branch and does not count
    CHECK(rows_of(r, "life.general_meeting_quarterly")[0].status == slot_status::exempt);
    CHECK(rows_of(r, "life.organisation_life_meeting_yearly")[0].status == slot_status::exempt);
    // Established on the first day of a period: that period is a full one and is judged.
    auto const april =
        rows_of(life_compliance(branch(d(2026, 4, 1)), ms, scope, d(2026, 1, 1), d(2026, 5, 1), rules),
                "life.committee_meeting_monthly");
    REQUIRE(april.size() == 2);
    CHECK(april[0].slot.label == "2026-04");
    CHECK(april[0].status == slot_status::missed);
    // The slot of the dissolution is partial too.
    auto gone = branch();
    gone.dissolved = d(2026, 4, 15);
    auto const rg = rows_of(life_compliance(gone, ms, scope, d(2026, 3, 1), d(2026, 12, 31), rules),
                            "life.committee_meeting_monthly");
    REQUIRE(rg.size() == 2);
    CHECK(rg[0].status == slot_status::missed);
    CHECK(rg[1].status == slot_status::exempt);
    CHECK(rg[1].message == "2026-04 only partly covered: '机关第一党支部' dissolved 2026-04-15");
}

TEST_CASE("cadence: table and period validation", "[meetings][cadence]") {
    auto const o = branch();
    CHECK(invalid_field([&] { (void)life_compliance(o, {}, {}, d(2026, 2, 1), d(2026, 1, 31), rules); }) ==
          "to");
    auto bad = rules;
    bad.life.cadence.push_back(
        {"life.no_such_rule", mk::party_lecture, cadence_period::year, 1, cadence_condition::none});
    CHECK(invalid_field([&] { (void)life_compliance(o, {}, {}, d(2026, 1, 1), d(2026, 1, 31), bad); }) ==
          "cadence");
    bad = rules;
    bad.life.cadence[0].min_count = 0;
    CHECK(invalid_field([&] { validate_cadence(bad.life.cadence); }) == "cadence");
    CHECK(slot_containing(d(2026, 12, 31), cadence_period::quarter).label == "2026-Q4");
    CHECK(slot_containing(d(2026, 12, 31), cadence_period::quarter).start == d(2026, 10, 1));
    CHECK(slot_containing(d(2026, 1, 1), cadence_period::year).end == d(2026, 12, 31));
    CHECK(slot_containing(d(2025, 2, 10), cadence_period::month).end == d(2025, 2, 28));
    // Slots are whole months: a meeting earlier in the first month than the report's start counts.
    std::vector<meeting> ms{held(mk::theme_party_day, d(2026, 1, 5))};
    auto const r = life_compliance(o, ms, {}, d(2026, 1, 10), d(2026, 2, 1), rules);
    CHECK(slot_labelled(rows_of(r, "life.theme_party_day_monthly"), "2026-01").status == slot_status::met);
    CHECK(slot_labelled(rows_of(r, "life.theme_party_day_monthly"), "2026-02").status == slot_status::open);
}

}  // namespace meetings_test_cases
