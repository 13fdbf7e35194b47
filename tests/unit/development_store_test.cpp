#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include "development_support.hpp"

namespace development_store_test_cases {

using namespace dangyuan;
using namespace devtest;

namespace {
// A district with four full members in branch_b (ids remembered) and a case handled by branch_b.
struct pipeline_store : test::district {
    std::vector<member_id> m;
    pipeline_store() {
        for (int i = 0; i < 4; ++i)
            m.push_back(store.add_member(
                test::full_member(branch_b, "老党员" + std::to_string(i), test::d(2005, 7, 1), 30 + i)));
    }
    applicant person() const {
        auto a = devtest::person();
        a.branch = branch_b;
        return a;
    }
    // The standard history with the store's member ids in place of 1, 2 and 8.
    std::vector<step_record> history() const {
        auto h = full_history();
        // The branch meeting counts the branch's four full members (vote.entitled_full_members).
        for (auto& r : h)
            r = devtest::with_people(r, m, devtest::all_of(4));
        return h;
    }
    case_id open_and_record_until(step until) {
        auto const h = history();
        auto const id = open_case(store, person(), h.front());
        for (std::size_t i = 1; i < h.size() && kind_of(h[i]) != until; ++i)
            record_step(store, id, h[i]);
        return id;
    }
};
}  // namespace

TEST_CASE(
    "党章 第7条 [C] dev.probation_1_year: the store admits to the roster on approval and converts at "
    "probation end",
    "[development][store]") {
    pipeline_store t;
    auto const id = t.open_and_record_until(step::admission_approved);
    CHECK_FALSE(case_member(t.store, id).has_value());
    CHECK(t.store.member_count() == 4);
    auto const h = t.history();
    record_step(t.store, id, *std::find_if(h.begin(), h.end(), [](auto& r) {
                    return kind_of(r) == step::admission_approved;
                }));
    auto const mid = case_member(t.store, id);
    REQUIRE(mid.has_value());
    auto const m = t.store.get_member(*mid);
    CHECK(m.name == "林晓");
    CHECK(m.admission_date == test::d(2024, 12, 2));
    CHECK(m.application_date == test::d(2023, 3, 1));
    CHECK_FALSE(m.full_member_date.has_value());
    CHECK(m.status_on(test::d(2025, 3, 1)) == member_status::probationary);

    for (auto const& r : h)
        if (official_number(kind_of(r)) > official_number(step::admission_approved))
            record_step(t.store, id, r);
    auto const full = t.store.get_member(*mid);
    CHECK(full.full_member_date == test::d(2025, 12, 2));
    CHECK(t.store.party_age(*mid, test::d(2026, 12, 2)) == 1);
    auto const c = get_case(t.store, id);
    CHECK(c.state().current == stage::full_member);
    CHECK(c.records().size() == 25);
    CHECK(c.records() == h);  // each kind read back with the fields it was written with
    auto const summaries = cases(t.store, scope::subtree(t.street));
    REQUIRE(summaries.size() == 1);
    CHECK(summaries[0].current == stage::full_member);
    CHECK(summaries[0].member == mid);
}

TEST_CASE("细则2014 第14条 [S] dev.two_introducers: the store checks introducers against the roster",
          "[development][store]") {
    pipeline_store t;
    auto const id = t.open_and_record_until(step::introducers_assigned);
    auto const probationary = t.store.add_member([&] {
        auto m = test::full_member(t.branch_b, "新党员", test::d(2024, 7, 1), 50);
        m.full_member_date.reset();
        return m;
    }());
    auto attempt = [&](std::vector<member_id> ms) {
        return violated_rule([&] {
            record_step(t.store, id,
                        introducers_assigned_step{.date = test::d(2024, 9, 15), .members = std::move(ms)});
        });
    };
    CHECK(attempt({t.m[0], probationary}) == "dev.two_introducers");
    t.store.record_party_probation(t.m[1], {test::d(2024, 1, 10), 12, true, "区纪委"});
    CHECK(attempt({t.m[0], t.m[1]}) == "dev.two_introducers");  // under 留党察看 until 2025-01-10
    t.store.record_standing(t.m[2], {standing_event_kind::suspended, test::d(2024, 6, 1), "失联", "支部"});
    CHECK(attempt({t.m[0], t.m[2]}) == "dev.two_introducers");
    CHECK(attempt({t.m[0], t.m[3]}).empty());
    CHECK_THROWS_AS(t.store.record_party_probation(t.m[0], {test::d(2024, 1, 10), 30, true, ""}),
                    rule_violation);
}

TEST_CASE("development store: the cases of a scope are those of its branches, an unknown scope is refused",
          "[development][store]") {
    auto s = open_store(test::fresh_store_location(), {.actor = "tester"});
    auto const c =
        s.add_org({.name = "区委", .kind = org_kind::higher_committee, .established = test::d(1990, 1, 1)});
    auto const street = s.add_org({.name = "街道党工委",
                                   .kind = org_kind::working_committee,
                                   .parent = c,
                                   .established = test::d(1995, 1, 1)});
    auto const b1 = s.add_org(
        {.name = "第一支部", .kind = org_kind::branch, .parent = street, .established = test::d(2000, 1, 1)});
    auto const b2 = s.add_org(
        {.name = "第二支部", .kind = org_kind::branch, .parent = c, .established = test::d(2000, 1, 1)});
    std::vector<case_id> opened;
    for (int i = 0; i < 4; ++i) {
        auto a = person();
        a.name = "申请人" + std::to_string(i);
        a.birth_date = test::d(2000, 3, 15 + i);
        a.id_number = citizen_id::parse(test::id_for(a.birth_date, sex::female, 7));
        a.branch = i % 2 == 0 ? b1 : b2;
        opened.push_back(open_case(s, a, application_submitted_step{test::d(2023, 3, 1)}));
    }
    auto const ids = [](std::vector<case_summary> const& list) {
        std::vector<case_id> out;
        for (auto const& x : list)
            out.push_back(x.id);
        return out;
    };
    CHECK(ids(cases(s)) == opened);
    CHECK(ids(cases(s, scope::subtree(c))) == opened);
    CHECK(ids(cases(s, scope::subtree(street))) == std::vector<case_id>{opened[0], opened[2]});
    CHECK(ids(cases(s, scope::subtree(b1))) == std::vector<case_id>{opened[0], opened[2]});
    CHECK(ids(cases(s, scope::subtree(b2))) == std::vector<case_id>{opened[1], opened[3]});
    CHECK(cases(s, scope::subtree(b2)).front().branch == b2);
    CHECK_THROWS_AS(cases(s, scope::subtree(org_id{4242})), not_found);
}

TEST_CASE("细则2014 发展党员工作流程 [S] dev.step_sequence: a refused step leaves the store file unchanged",
          "[development][store]") {
    auto const dir = test::temp_dir("dev-bytes");
    auto const path = dir / "dev.db";
    auto s = open_store(path);
    auto const [c, b] = test::add_committee_and_branch(s);
    auto a = person();
    a.branch = b;
    auto const id = open_case(s, a, application_submitted_step{test::d(2023, 3, 1)});
    auto const before = test::store_hash(path);
    CHECK_THROWS_AS(record_step(s, id, target_determined_step{test::d(2023, 3, 5)}), rule_violation);
    CHECK_THROWS_AS(record_step(s, id, talk_held_step{test::d(2023, 4, 2)}),
                    rule_violation);  // late, no reason
    CHECK_THROWS_AS(record_step(s, id, talk_held_step{test::d(2023, 2, 1)}), invalid_input);
    CHECK_THROWS_AS(record_step(s, case_id{99}, talk_held_step{test::d(2023, 3, 5)}), not_found);
    auto young = a;
    young.id_number.reset();
    young.birth_date = test::d(2010, 1, 1);
    CHECK_THROWS_AS(open_case(s, young, application_submitted_step{test::d(2023, 3, 1)}), rule_violation);
    CHECK_THROWS_AS(open_case(s, a, application_submitted_step{test::d(2023, 3, 1)}),
                    conflict);  // already open
    CHECK(test::store_hash(path) == before);
    record_step(s, id, talk_held_step{test::d(2023, 3, 20)});
    CHECK(get_case(s, id).records().size() == 2);
    std::filesystem::remove_all(dir);
}

TEST_CASE("细则2014 发展党员工作流程 [S] dev.step_sequence: cases survive reopening and replay identically",
          "[development][store]") {
    auto const dir = test::temp_dir("dev-replay");
    auto const path = dir / "dev.db";
    case_id id;
    development_case before(person(), rule_set::national_2014());
    {
        auto s = open_store(path);
        auto const [c, b] = test::add_committee_and_branch(s);
        for (int i = 0; i < 8; ++i)
            s.add_member(test::full_member(b, "党员" + std::to_string(i), test::d(2005, 7, 1), 60 + i));
        auto a = person();
        a.branch = b;
        auto h = full_history();
        for (auto& r : h)  // the branch's 8 voters
            r = with_people(r, {member_id{1}, member_id{2}, member_id{8}}, all_of(8));
        id = open_case(s, a, h.front());
        for (std::size_t i = 1; i < 15; ++i)
            record_step(s, id, h[i]);
        before = get_case(s, id);
    }
    auto s = open_store(path);
    auto const after = get_case(s, id);
    CHECK(after.records() == before.records());
    CHECK(after.state() == before.state());
    CHECK(after.state().current == stage::probationary);
    CHECK(s.audit_log().back().entity == "case");
    std::filesystem::remove_all(dir);
}

TEST_CASE(
    "不合格党员组织处置办法2024 [S] disposition.readmission_bar_5_years: the store refuses a new application "
    "within 5 years of 劝退 or 除名 and accepts it on the anniversary",
    "[development][store]") {
    pipeline_store t;
    auto former = test::full_member(t.branch_b, "前党员", test::d(2010, 7, 1), 70, sex::male);
    auto const fid = t.store.add_member(former);
    t.store.record_standing(
        fid, {standing_event_kind::persuaded_to_withdraw, test::d(2020, 2, 29), "劝其退党", "支部大会"});
    applicant a;
    a.name = former.name;
    a.sex = former.sex;
    a.birth_date = former.birth_date;
    a.id_number = former.id_number;
    a.branch = t.branch_b;
    CHECK(violated_rule([&] { open_case(t.store, a, application_submitted_step{test::d(2025, 2, 27)}); }) ==
          "disposition.readmission_bar_5_years");
    CHECK_NOTHROW(open_case(t.store, a, application_submitted_step{test::d(2025, 2, 28)}));
    // Removal as self-withdrawal (按自行脱党除名) is a removal too.
    auto lapsed = test::full_member(t.branch_b, "脱党者", test::d(2008, 7, 1), 71, sex::male);
    auto const lid = t.store.add_member(lapsed);
    t.store.record_standing(lid, {standing_event_kind::removed_self_withdrawal, test::d(2021, 6, 30),
                                  "连续6个月不交党费", "支部大会"});
    applicant b;
    b.name = lapsed.name;
    b.sex = lapsed.sex;
    b.birth_date = lapsed.birth_date;
    b.id_number = lapsed.id_number;
    b.branch = t.branch_b;
    CHECK(violated_rule([&] { open_case(t.store, b, application_submitted_step{test::d(2026, 6, 29)}); }) ==
          "disposition.readmission_bar_5_years");
    CHECK_NOTHROW(open_case(t.store, b, application_submitted_step{test::d(2026, 6, 30)}));
    // A current member cannot apply.
    applicant member_again;
    auto const current = t.store.get_member(t.m[0]);
    member_again.name = current.name;
    member_again.sex = current.sex;
    member_again.birth_date = current.birth_date;
    member_again.id_number = current.id_number;
    member_again.branch = t.branch_b;
    CHECK(invalid_field([&] {
              open_case(t.store, member_again, application_submitted_step{test::d(2025, 3, 1)});
          }) == "id_number");
}

TEST_CASE("[L] dev.public_notice: cases keep the profile they were opened under, stored in the file",
          "[development][store]") {
    auto const dir = test::temp_dir("dev-profile");
    auto const path = dir / "dev.db";
    case_id id;
    {
        auto s = open_store(path);
        s.register_rule_set(local_profile_example());
        auto const [c, b] = test::add_committee_and_branch(s);
        auto a = person();
        a.branch = b;
        id = open_case(s, a, application_submitted_step{test::d(2023, 3, 1)}, {.rule_set_name = "local-5wd"});
    }
    auto s = open_store(path);
    CHECK(get_case(s, id).rules().development.public_notice_working_days == 5);
    CHECK(s.rule_set_named("local-5wd") == local_profile_example());
    CHECK_THROWS_AS(s.rule_set_named("nowhere"), not_found);
    auto weak = local_profile_example();
    weak.development.public_notice_working_days = 7;  // same name, other values
    CHECK_THROWS_AS(s.register_rule_set(weak), conflict);
    auto lax = rule_set::national_2014();
    lax.name = "lax";
    lax.development.talk_within_months = 3;
    CHECK(violated_rule([&] { s.register_rule_set(lax); }) == "rules.profile_cannot_weaken");
    std::filesystem::remove_all(dir);
}

TEST_CASE("细则2014 [S] dev.approval_within_3_months: the store agenda shows overdue approvals with the case",
          "[development][store][agenda]") {
    pipeline_store t;
    auto const id = t.open_and_record_until(step::admission_approved);
    auto const items = t.store.agenda(test::d(2025, 3, 10), scope::subtree(t.branch_b));
    auto it = std::find_if(items.begin(), items.end(),
                           [](auto& i) { return i.rule_id == "dev.approval_within_3_months"; });
    REQUIRE(it != items.end());
    CHECK(it->status == agenda_status::overdue);
    CHECK(it->case_ref == id);
    CHECK(it->subject == "林晓");
    auto const other = t.store.agenda(test::d(2025, 3, 10), scope::subtree(t.branch_a));
    CHECK(std::none_of(other.begin(), other.end(), [](auto& i) { return i.case_ref.has_value(); }));
    auto const stats =
        pipeline_statistics(t.store, test::d(2023, 1, 1), test::d(2025, 3, 10), scope::subtree(t.street));
    REQUIRE(stats.size() == 5);
    CHECK(stats[0].entered == 1);
    CHECK(stats[0].left == 1);
    CHECK(stats[0].mean_dwell_days == Approx(184));  // 2023-03-01 .. 2023-09-01
    CHECK(stats[3].on_date == 1);
    CHECK(stats[4].entered == 0);
}

TEST_CASE(
    "细则2014 第33条 [C] dev.conversion_after_probation: a cancelled probation ends the member's standing",
    "[development][store]") {
    pipeline_store t;
    auto const id = t.open_and_record_until(step::conversion_meeting);
    record_step(t.store, id,
                conversion_meeting_step{.date = test::d(2025, 12, 5),
                                        .vote = branch_vote{4, 4, 0, 4, 0, 0},
                                        .decision = conversion_decision::cancel});
    record_step(t.store, id, conversion_approved_step{.date = test::d(2026, 1, 5), .passed = true});
    auto const mid = *case_member(t.store, id);
    auto const st = t.store.standing_on(mid, test::d(2026, 1, 5));
    CHECK(st->state == standing_state::exited);
    CHECK(st->last_event == standing_event_kind::probation_cancelled);
    CHECK(get_case(t.store, id).state().outcome == case_outcome::probation_cancelled);
}

TEST_CASE(
    "细则2014 第20条 [C] vote.entitled_full_members: the admission vote counts the roster's full members",
    "[development][store][vote]") {
    pipeline_store t;
    // The branch has 4 full members (t.m) and, from 2024-06-01, 3 probationary members: 20 + 3 in the
    // wording of the review, here 4 + 3.
    for (int i = 0; i < 3; ++i) {
        auto p = test::full_member(t.branch_b, "预备党员" + std::to_string(i), test::d(2024, 6, 1), 50 + i);
        p.full_member_date.reset();
        t.store.add_member(p);
    }
    auto const id = t.open_and_record_until(step::admission_meeting);
    auto const bytes = t.store.member_count();
    auto meet = [&](branch_vote v) {
        return violated_rule([&] {
            record_step(t.store, id, admission_meeting_step{.date = test::d(2024, 12, 2), .vote = v});
        });
    };
    // Counting the probationary members as entitled: 7 entitled, 4 present, 4 yes would pass; refused.
    CHECK(meet({7, 4, 0, 4, 0, 0}) == "vote.entitled_full_members");
    // Fewer entitled than the branch has voters (nobody away): refused.
    CHECK(meet({3, 2, 0, 2, 0, 0}) == "vote.entitled_full_members");
    // 2 of the 4 present is no quorum; 3 present with 2 yes does not carry (2 is not more than half of 4).
    CHECK(meet({4, 2, 0, 2, 0, 0}) == "vote.quorum_over_half");
    CHECK(get_case(t.store, id).state().current == stage::development_target);
    CHECK(t.store.member_count() == bytes);
    CHECK(meet({4, 3, 0, 3, 0, 0}).empty());
    CHECK(get_case(t.store, id).state().current == stage::probationary);
}

TEST_CASE("细则2014 第20条 [C] vote.entitled_full_members: members under 留党察看 or suspended have no vote",
          "[development][store][vote]") {
    pipeline_store t;
    t.store.record_party_probation(t.m[3], party_probation{test::d(2024, 5, 1), 12, true, "党委"});
    auto const id = t.open_and_record_until(step::admission_meeting);
    auto meet = [&](branch_vote v) {
        return violated_rule([&] {
            record_step(t.store, id, admission_meeting_step{.date = test::d(2024, 12, 2), .vote = v});
        });
    };
    CHECK(meet({4, 3, 0, 3, 0, 0}) == "vote.entitled_full_members");
    // 3 entitled, 2 present, 1 yes: quorate, but 1 is not more than half of 3 — recorded, not admitted.
    CHECK(meet({3, 2, 0, 1, 1, 0}).empty());
    CHECK(get_case(t.store, id).state().outcome == case_outcome::not_admitted);
    CHECK_FALSE(case_member(t.store, id).has_value());
}

TEST_CASE("[L] dev.public_notice: working days of a year the library does not ship are loaded into the store",
          "[development][store][calendar]") {
    auto const dir = test::temp_dir("holidays");
    auto const path = dir / "district.db";
    std::string const y2027 =
        "# test data for a year the library does not ship\nyear 2027\n"
        "off 2027-01-01 元旦\n";
    {
        auto s = open_store(path, {.actor = "tester"});
        CHECK_FALSE(s.calendar().has_year(2027));
        auto const before = test::store_hash(path);
        CHECK(invalid_field([&] { s.load_holidays("year 2027\noff 2027-02-30 x\n", "国办发明电"); }) ==
              "holiday_data");
        CHECK(invalid_field([&] { s.load_holidays(y2027, ""); }) == "source");
        CHECK_THROWS_AS(s.load_holidays("year 2026\noff 2026-01-01 元旦\n", "国办发明电"), conflict);
        CHECK(test::store_hash(path) == before);
        s.load_holidays(y2027, "测试通知", on_existing_year::reject, "新年度放假安排");
        CHECK(s.calendar().has_year(2027));
        CHECK_FALSE(s.calendar().is_working_day(test::d(2027, 1, 1)));
        CHECK(s.calendar().is_working_day(test::d(2027, 1, 4)));
        CHECK_THROWS_AS(s.load_holidays(y2027, "测试通知"), conflict);
        CHECK(s.audit_log().back().action == "holidays_loaded");
    }
    auto again = open_store(path, {.actor = "tester"});
    REQUIRE(again.loaded_holiday_years().size() == 1);
    CHECK(again.loaded_holiday_years()[0] == std::pair<int, std::string>{2027, "测试通知"});
    CHECK_FALSE(again.calendar().is_working_day(test::d(2027, 1, 1)));
    // A correction replaces the year.
    again.load_holidays("year 2027\noff 2027-01-01..2027-01-04 元旦\n", "更正通知",
                        on_existing_year::replace);
    CHECK_FALSE(again.calendar().is_working_day(test::d(2027, 1, 4)));
    std::filesystem::remove_all(dir);
}

TEST_CASE("development store: the supporting records keep the fields of their kind", "[development][store]") {
    pipeline_store t;
    auto const id = t.open_and_record_until(step::target_determined);
    step_record const notice = public_notice_step{.date = test::d(2024, 8, 19),
                                                  .notice_for = step::target_determined,
                                                  .notice_end = test::d(2024, 8, 23),
                                                  .objections = 1};
    step_record const closed = withdrawn_step{.date = test::d(2024, 9, 1), .reason = "本人申请撤回"};
    record_step(t.store, id, notice);
    record_step(t.store, id, closed);
    auto const c = get_case(t.store, id);
    REQUIRE(c.records().size() >= 2);
    CHECK(c.records()[c.records().size() - 2] == notice);
    CHECK(c.records().back() == closed);
    CHECK(c.state().outcome == case_outcome::withdrawn);
}

TEST_CASE("development store: the document of a filing and the note of every step kind round-trip",
          "[development][store]") {
    pipeline_store t;
    auto h = t.history();
    for (auto& r : h)
        std::visit(
            [](auto& x) {
                x.note = std::string("备注 ") + std::string(to_string(x.kind));
                if constexpr (requires { x.document; })
                    if (x.document.empty())
                        x.document = std::string("文号 ") + std::string(to_string(x.kind));
            },
            r);
    auto const id = open_case(t.store, t.person(), h.front());
    for (std::size_t i = 1; i < h.size(); ++i)
        record_step(t.store, id, h[i]);
    auto const c = get_case(t.store, id);
    CHECK(c.records() == h);
    auto const& filed = std::get<activist_filed_step>(c.records()[3]);
    CHECK(filed.document == "文号 activist_filed");
    CHECK(filed.note == "备注 activist_filed");
    CHECK(std::get<archived_step>(c.records().back()).document == "文号 archived");
}

TEST_CASE(
    "store: the migration to schema version 11 moves the values a step kind does not have into its "
    "note, once",
    "[development][store][migration]") {
    auto const dir = test::temp_dir("steps-note");
    auto const path = dir / "v10.db";
    case_id id{0};
    std::vector<member_id> m;
    {
        auto s = open_store(path);
        auto const o = test::add_district_orgs(s);
        for (int i = 0; i < 4; ++i)
            m.push_back(s.add_member(
                test::full_member(o.branch_b, "老党员" + std::to_string(i), test::d(2005, 7, 1), 30 + i)));
        auto a = devtest::person();
        a.branch = o.branch_b;
        auto h = full_history();
        for (auto& r : h)
            r = devtest::with_people(r, m, devtest::all_of(4));
        id = open_case(s, a, h.front());
        for (std::size_t i = 1; i < 5; ++i)  // talk_held … contacts_assigned
            record_step(s, id, h[i]);
    }
    {
        // A version-10 store as an older library wrote it: no note column, any detail on any step.
        SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE);
        raw.exec("ALTER TABLE dev_steps DROP COLUMN note");
        raw.exec("PRAGMA user_version = 10");
        raw.exec(
            "UPDATE dev_steps SET document = '区委组织部备〔2024〕3号', by_member = 12, reason = '补录' "
            "WHERE kind = 'activist_filed'");
        raw.exec(
            "UPDATE dev_steps SET conclusion = '谈话记录', days = 3, passed = 1, vote_yes = 5 "
            "WHERE kind = 'talk_held'");
        raw.exec(
            "UPDATE dev_steps SET notice_end = '2023-09-20', special_case = 1 WHERE kind = "
            "'contacts_assigned'");
    }
    std::size_t audit_entries = 0;
    {
        auto s = open_store(path);
        CHECK(s.schema_version() == store::schema_version_latest);
        auto const c = get_case(s, id);
        REQUIRE(c.records().size() == 5);
        auto const& talk = std::get<talk_held_step>(c.records()[1]);
        CHECK(talk.by == m[2]);  // a field the kind has stays where it was
        CHECK(talk.note == "passed: yes; conclusion: 谈话记录; days: 3; vote_yes: 5");
        auto const& filed = std::get<activist_filed_step>(c.records()[3]);
        CHECK(filed.document == "区委组织部备〔2024〕3号");  // activist_filed now has a document
        CHECK(filed.note == "by: member 12; reason: 补录");
        auto const& contacts = std::get<contacts_assigned_step>(c.records()[4]);
        CHECK(contacts.members == std::vector<member_id>{m[0], m[1]});
        CHECK(contacts.note == "special_case: yes; notice_end: 2023-09-20");
        CHECK(std::get<application_submitted_step>(c.records()[0]).note.empty());
        auto const log = s.audit_log();
        REQUIRE_FALSE(log.empty());
        CHECK(log.back().action == "steps_note_migrated");
        CHECK(log.back().why == "schema version 11");
        CHECK(log.back().detail.rfind("rows=3; ", 0) == 0);
        CHECK(s.verify_audit().ok);
        audit_entries = log.size();
    }
    {
        // The columns hold their defaults again, as a version-11 library writes them.
        SQLite::Database raw(path.string(), SQLite::OPEN_READONLY);
        CHECK(raw.execAndGet("SELECT count(*) FROM dev_steps WHERE kind = 'activist_filed' AND by_member IS "
                             "NULL AND reason = ''")
                  .getInt() == 1);
        CHECK(raw.execAndGet("SELECT count(*) FROM dev_steps WHERE kind = 'talk_held' AND conclusion = '' "
                             "AND days = 0 AND passed IS NULL AND vote_yes IS NULL")
                  .getInt() == 1);
    }
    auto const state = test::store_hash(path);
    {
        auto again = open_store(path);  // a second open changes nothing
        CHECK(again.audit_log().size() == audit_entries);
        CHECK(std::get<talk_held_step>(get_case(again, id).records()[1]).note ==
              "passed: yes; conclusion: 谈话记录; days: 3; vote_yes: 5");
    }
    CHECK(test::store_hash(path) == state);
    std::filesystem::remove_all(dir);
}

}  // namespace development_store_test_cases
