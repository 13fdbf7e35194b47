// The store of model posts and commendations (党员示范岗, 两优一先): persistence across reopening, one
// transaction and one audit row per command, refused commands leaving the file unchanged, the link to the
// democratic evaluation, queries and statistics by scope and year, the agenda (whole and scoped), access
// and the migration that adds the tables.
#include <catch2/catch.hpp>

#include "access_support.hpp"
#include "dangyuan/storage/evaluation_store.hpp"
#include "dangyuan/storage/honours_store.hpp"
#include "org_work_support.hpp"
#include "test_support.hpp"

namespace honours_store_test_cases {

using namespace dangyuan;
using test::d;
using test::invalid_field;
using test::violated_rule;

namespace {

// The options of the tests' stores (test::pinned_options) with today pinned to 2026-11-30.
store_options pinned() {
    auto o = test::pinned_options();
    o.today = [] { return d(2026, 11, 30); };
    return o;
}

// The small district with two members in branch_a (full from 2021-07-01 and 2025-07-01) and one in
// branch_b.
struct fixture : test::district_fixture {
    member_id li = s.add_member(test::full_member(branch_a, "李红", d(2020, 7, 1), 1, sex::female));
    member_id wang = s.add_member(test::full_member(branch_a, "王强", d(2024, 7, 1), 2));
    member_id zhao = s.add_member(test::full_member(branch_b, "赵敏", d(2015, 7, 1), 3, sex::female));

    explicit fixture(std::filesystem::path const& path = test::fresh_store_location())
        : district_fixture(path, pinned()) {}

    model_post_designation post_of(member_id m, org_id by, date::sys_days on,
                                   std::string title = "便民服务岗") {
        return {.member = m, .awarded_by = by, .date = on, .title = std::move(title)};
    }
};

commendation of_member(member_id m, date::sys_days on,
                       commendation_level level = commendation_level::district) {
    return {.kind = commendation_kind::outstanding_member,
            .level = level,
            .date = on,
            .awarded_by = "中共示范区委",
            .member = m};
}

commendation of_org(org_id o, date::sys_days on) {
    return {.kind = commendation_kind::advanced_organisation,
            .level = commendation_level::awarding_org,
            .date = on,
            .awarded_by = "城关街道党工委",
            .org = o};
}

std::vector<agenda_item> review_items(std::vector<agenda_item> const& items) {
    std::vector<agenda_item> out;
    for (auto const& i : items)
        if (i.kind == "honours.post_review_due") out.push_back(i);
    return out;
}

}  // namespace

TEST_CASE("honours store: designations and commendations persist across reopening, one audit row per command",
          "[honours][store]") {
    auto const dir = test::temp_dir("honours-persist");
    auto const path = dir / "h.db";
    model_post expected_post;
    commendation expected_member, expected_org;
    {
        fixture t(path);
        auto const id = designate_model_post(t.s, t.post_of(t.li, t.street, d(2024, 3, 31), "社区服务示范岗"),
                                             "街道党工委决定");
        review_model_post(t.s, id, {d(2025, 3, 20), "复评合格"});
        auto const other = designate_model_post(t.s, t.post_of(t.zhao, t.branch_b, d(2025, 5, 1)));
        end_model_post(t.s, other, {d(2025, 10, 1), model_post_end::revoked, "岗位调整后未履职"});
        auto const cm = commend(t.s, of_member(t.li, d(2025, 6, 28)), "七一表彰");
        auto const co = commend(t.s, of_org(t.branch_a, d(2025, 6, 28)));
        expected_post = get_model_post(t.s, id);
        expected_member = get_commendation(t.s, cm);
        expected_org = get_commendation(t.s, co);
        CHECK(test::audit_rows(t.s, "model_post") == 4);
        CHECK(test::audit_rows(t.s, "commendation") == 2);
        auto const log = t.s.audit_log();
        CHECK(log.back().entity == "commendation");
        CHECK(log.back().action == "commend");
        CHECK(log[log.size() - 2].why == "七一表彰");
    }
    auto s = open_store(path, pinned());
    auto const p = get_model_post(s, expected_post.id);
    CHECK(p == expected_post);
    CHECK(p.member_name == "李红");
    CHECK(p.branch == expected_post.branch);
    CHECK(p.awarded_by_name == "城关街道党工委");
    CHECK(p.designated_on == d(2024, 3, 31));
    CHECK(p.title == "社区服务示范岗");
    CHECK(p.rule_set_name == "national-2014");
    CHECK(p.reviews == std::vector<model_post_review>{{d(2025, 3, 20), "复评合格"}});
    CHECK_FALSE(p.ending.has_value());
    auto const m = get_commendation(s, expected_member.id);
    CHECK(m == expected_member);
    CHECK(m.kind == commendation_kind::outstanding_member);
    CHECK(m.recipient_name == "李红");
    CHECK_FALSE(m.org.has_value());
    auto const o = get_commendation(s, expected_org.id);
    CHECK(o == expected_org);
    CHECK(o.org == o.recipient_org);
    CHECK(o.recipient_name == "第一社区党支部");
    auto const all = model_posts(s);
    REQUIRE(all.size() == 2);
    CHECK(all[1].ending == model_post_ending{d(2025, 10, 1), model_post_end::revoked, "岗位调整后未履职"});
    CHECK(s.verify_audit().ok);
    std::filesystem::remove_all(dir);
}

TEST_CASE(
    "区2020年组织工作要点 第14项 [L] honours.post_eligible_member: a refused command leaves the file "
    "byte-for-byte unchanged",
    "[honours][store]") {
    auto const dir = test::temp_dir("honours-bytes");
    auto const path = dir / "h.db";
    fixture t(path);
    auto const id = designate_model_post(t.s, t.post_of(t.li, t.street, d(2024, 3, 31)));
    test::store_snapshot const before(path, t.s);
    // 王强 is full from 2025-07-01.
    CHECK(violated_rule([&] {
              (void)designate_model_post(t.s, t.post_of(t.wang, t.branch_a, d(2025, 6, 30)));
          }) == "honours.post_eligible_member");
    CHECK(violated_rule([&] {
              (void)designate_model_post(t.s, t.post_of(t.li, t.branch_b, d(2025, 6, 30)));
          }) == "honours.post_awarded_at_or_above_branch");
    CHECK(violated_rule([&] {
              (void)designate_model_post(t.s, t.post_of(t.li, t.village, d(2025, 6, 30)));
          }) == "honours.post_awarded_at_or_above_branch");
    CHECK(violated_rule([&] { (void)designate_model_post(t.s, t.post_of(t.li, t.street, d(2027, 1, 1))); }) ==
          "record.not_in_future");
    CHECK(invalid_field([&] {
              (void)designate_model_post(t.s, t.post_of(t.li, t.street, d(2025, 6, 30), ""));
          }) == "title");
    auto late = t.post_of(t.li, t.street, d(2025, 1, 31));
    late.review_by = d(2026, 2, 1);
    CHECK(violated_rule([&] { (void)designate_model_post(t.s, late); }) == "honours.post_review_due");
    CHECK_THROWS_AS(designate_model_post(t.s, t.post_of(member_id{99}, t.street, d(2025, 6, 30))), not_found);
    CHECK(invalid_field([&] { review_model_post(t.s, id, {d(2024, 3, 30), ""}); }) == "date");
    CHECK(invalid_field([&] {
              end_model_post(t.s, id, {d(2024, 4, 1), model_post_end::revoked, ""});
          }) == "reason");
    CHECK_THROWS_AS(review_model_post(t.s, model_post_id{42}, {d(2025, 1, 1), ""}), not_found);
    // Commendations.
    CHECK(violated_rule([&] { (void)commend(t.s, of_member(t.wang, d(2024, 6, 30))); }) ==
          "commendation.member_in_good_standing");
    CHECK(invalid_field([&] {
              auto c = of_member(t.wang, d(2025, 6, 30));
              c.kind = commendation_kind::advanced_organisation;
              (void)commend(t.s, c);
          }) == "org");
    CHECK(invalid_field([&] {
              auto c = of_org(t.branch_a, d(2025, 6, 30));
              c.kind = commendation_kind::outstanding_party_worker;
              (void)commend(t.s, c);
          }) == "member");
    CHECK(violated_rule([&] { (void)commend(t.s, of_org(t.branch_b, d(2005, 5, 31))); }) ==
          "commendation.org_active");
    CHECK_THROWS_AS(
        [&] {
            auto c = of_member(t.li, d(2025, 6, 30));
            c.campaign = campaign_id{7};
            (void)commend(t.s, c);
        }(),
        not_found);
    before.check_unchanged();
    CHECK(model_posts(t.s).size() == 1);
    CHECK(commendations(t.s).empty());
    std::filesystem::remove_all(dir);
}

TEST_CASE(
    "区2020年组织工作要点 第14项 [L] commendation.member_in_good_standing: the day a member becomes full or "
    "leaves",
    "[honours][store]") {
    fixture t;
    // 王强 is probationary until 2025-07-01: commended as a member, not designated to a model post.
    CHECK_NOTHROW(commend(t.s, of_member(t.wang, d(2024, 7, 1))));
    CHECK(violated_rule([&] {
              (void)designate_model_post(t.s, t.post_of(t.wang, t.branch_a, d(2025, 6, 30)));
          }) == "honours.post_eligible_member");
    CHECK_NOTHROW(designate_model_post(t.s, t.post_of(t.wang, t.branch_a, d(2025, 7, 1))));
    // 赵敏 dies on 2025-09-01: commended the day before, not on the day; her designation (review due
    // 2025-08-15) lapses then.
    auto const post = designate_model_post(t.s, t.post_of(t.zhao, t.branch_b, d(2024, 8, 15)));
    t.s.record_standing(t.zhao, {standing_event_kind::died, d(2025, 9, 1), "病故", "支部"});
    CHECK_NOTHROW(commend(t.s, of_member(t.zhao, d(2025, 8, 31))));
    CHECK(violated_rule([&] { (void)commend(t.s, of_member(t.zhao, d(2025, 9, 1))); }) ==
          "commendation.member_in_good_standing");
    auto const p = get_model_post(t.s, post);
    CHECK(p.member_left == d(2025, 9, 1));
    CHECK(post_active_on(p, d(2025, 8, 31)));
    CHECK_FALSE(post_active_on(p, d(2025, 9, 1)));
    CHECK(review_items(t.s.agenda(d(2025, 8, 31))).size() == 1);
    CHECK(review_items(t.s.agenda(d(2025, 9, 1))).empty());
}

TEST_CASE(
    "区2020年组织工作要点 第14项 [L] commendation.follows_evaluation: the cited campaign commended the "
    "member",
    "[honours][store][evaluation]") {
    fixture t;
    auto const camp = open_campaign(t.s, t.branch_a, 2025, d(2025, 11, 3));
    record_campaign(
        t.s, camp,
        participants_added{d(2025, 11, 3), participants_from_roster(t.s, t.branch_a, d(2025, 11, 3))});
    auto const phases = {campaign_phase::self_assessment, campaign_phase::appraisal_self_review,
                         campaign_phase::appraisal_mutual_review, campaign_phase::appraisal_vote,
                         campaign_phase::organisational_assessment};
    int day = 4;
    for (auto const ph : phases)
        record_campaign(t.s, camp, phase_started{d(2025, 11, static_cast<unsigned>(day++)), ph});
    for (auto const& [who, g] : {std::pair{t.li, grade::excellent}, std::pair{t.wang, grade::qualified}}) {
        record_campaign(t.s, camp, grade_proposed{d(2025, 11, 20), who, g, "测评结果"});
        record_campaign(t.s, camp, member_informed{d(2025, 11, 20), who, "支部书记"});
        record_campaign(
            t.s, camp,
            grade_decided{d(2025, 11, 20), who, g, decision_body::branch_meeting, std::nullopt,
                          g == grade::excellent ? "服务群众表现突出" : ""});  // 1 of 2 优秀: over the share
    }
    record_campaign(t.s, camp, phase_started{d(2025, 11, 24), campaign_phase::commendation_and_handling});
    record_campaign(t.s, camp, follow_up{d(2025, 11, 25), t.wang, follow_up_kind::encouraged, ""});
    auto c = of_member(t.li, d(2025, 11, 26), commendation_level::awarding_org);
    c.awarded_by = "第一社区党支部";
    c.campaign = camp;
    CHECK(violated_rule([&] { (void)commend(t.s, c); }) == "commendation.follows_evaluation");
    auto w = of_member(t.wang, d(2025, 11, 26));
    w.campaign = camp;
    CHECK(violated_rule([&] { (void)commend(t.s, w); }) == "commendation.follows_evaluation");
    record_campaign(t.s, camp, follow_up{d(2025, 11, 26), t.li, follow_up_kind::commended, "通报表扬"});
    auto const id = commend(t.s, c);  // the follow-up on the same day
    CHECK(get_commendation(t.s, id).campaign == camp);
    auto const log = t.s.audit_log();
    CHECK(log.back().detail.find("campaign=" + std::to_string(camp.value())) != std::string::npos);
}

TEST_CASE("honours store: queries by member, organisation, scope and year; statistics", "[honours][store]") {
    fixture t;
    auto const a = designate_model_post(t.s, t.post_of(t.li, t.street, d(2024, 3, 1)));
    auto const b = designate_model_post(t.s, t.post_of(t.li, t.branch_a, d(2025, 8, 1), "党员先锋岗"));
    auto const c = designate_model_post(t.s, t.post_of(t.zhao, t.district_committee, d(2025, 2, 1)));
    end_model_post(t.s, c, {d(2025, 12, 31), model_post_end::lapsed, ""});
    (void)commend(t.s, of_member(t.li, d(2025, 6, 28)));
    (void)commend(t.s, of_member(t.zhao, d(2025, 6, 28), commendation_level::city));
    auto w = of_member(t.zhao, d(2024, 6, 28));
    w.kind = commendation_kind::outstanding_party_worker;
    (void)commend(t.s, w);
    (void)commend(t.s, of_org(t.branch_a, d(2025, 7, 1)));

    auto const li = member_model_posts(t.s, t.li);
    REQUIRE(li.size() == 2);
    CHECK(li[0].id == a);
    CHECK(li[1].id == b);
    CHECK(member_commendations(t.s, t.zhao).size() == 2);
    CHECK(member_commendations(t.s, t.wang).empty());
    auto const orgs = org_commendations(t.s, t.branch_a);
    REQUIRE(orgs.size() == 1);
    CHECK(orgs[0].kind == commendation_kind::advanced_organisation);
    CHECK(org_commendations(t.s, t.branch_b).empty());  // 赵敏's are hers, not her branch's
    CHECK_THROWS_AS(org_commendations(t.s, org_id{99}), not_found);
    CHECK_THROWS_AS(member_model_posts(t.s, member_id{99}), not_found);

    CHECK(model_posts(t.s, scope::subtree(t.branch_a)).size() == 2);
    CHECK(model_posts(t.s, scope::subtree(t.branch_b)).size() == 1);
    CHECK(model_posts(t.s, scope::subtree(t.village)).empty());
    CHECK(model_posts(t.s, scope::all(), 2025).size() == 2);
    CHECK(model_posts(t.s, scope::all(), 2023).empty());
    CHECK(commendations(t.s, scope::subtree(t.branch_b)).size() == 2);
    CHECK(commendations(t.s, scope::subtree(t.branch_b), 2025).size() == 1);
    CHECK(commendations(t.s, scope::subtree(t.street), 2025).size() == 3);
    CHECK(invalid_field([&] { (void)commendations(t.s, scope::all(), 0); }) == "year");

    auto const s = honours_statistics_for(t.s, 2025);
    CHECK(s.posts_active_at_year_end == 2);  // a and b; c lapsed on 31 December
    CHECK(s.posts_new == 2);
    CHECK(s.posts_ended == 1);
    CHECK(s.commendations == 3);
    CHECK(s.by_kind_and_level ==
          std::vector<commendation_count>{
              {commendation_kind::outstanding_member, commendation_level::district, 1},
              {commendation_kind::outstanding_member, commendation_level::city, 1},
              {commendation_kind::advanced_organisation, commendation_level::awarding_org, 1}});
    auto const of_b = honours_statistics_for(t.s, 2024, scope::subtree(t.branch_b));
    CHECK(of_b.posts_active_at_year_end == 0);
    CHECK(of_b.commendations == 1);
    CHECK(of_b.by_kind_and_level ==
          std::vector<commendation_count>{
              {commendation_kind::outstanding_party_worker, commendation_level::district, 1}});
    CHECK(invalid_field([&] { (void)honours_statistics_for(t.s, 10000); }) == "year");
}

TEST_CASE(
    "区2020年组织工作要点 第14项 [L] honours.post_review_due: the agenda shows a review due, whole and "
    "scoped",
    "[honours][store][agenda]") {
    fixture t;
    auto const before = t.s.agenda(d(2025, 3, 31));
    auto const a = designate_model_post(t.s, t.post_of(t.li, t.street, d(2024, 3, 31)));
    (void)designate_model_post(t.s, t.post_of(t.zhao, t.branch_b, d(2024, 2, 29)));
    // 2024-03-31 + 12 months = 2025-03-31; 2024-02-29 + 12 months = 2025-02-28 (clamped).
    auto items = review_items(t.s.agenda(d(2025, 3, 31)));
    REQUIRE(items.size() == 2);
    CHECK(items[0].due == d(2025, 2, 28));
    CHECK(items[0].status == agenda_status::overdue);
    CHECK(items[0].org == t.branch_b);
    CHECK(items[1].due == d(2025, 3, 31));
    CHECK(items[1].status == agenda_status::due);
    CHECK(items[1].org == t.branch_a);
    CHECK(items[1].member == t.li);
    CHECK(agenda_kind(items[1].kind).has_value());
    CHECK(review_items(t.s.agenda(d(2025, 2, 27))).empty());
    // Scoped: exactly the whole agenda's items of the scope, in the same order.
    test::check_scoped_agendas(t.s, d(2025, 3, 31), t.s.agenda(d(2025, 3, 31)),
                               {t.district_committee, t.street, t.branch_a, t.branch_b, t.village});
    CHECK(review_items(t.s.agenda(d(2025, 3, 31), scope::subtree(t.branch_a))).size() == 1);
    CHECK(review_items(t.s.agenda(d(2025, 3, 31), scope::subtree(t.village))).empty());
    // A review renews it; the agenda of a date before the review still shows it.
    review_model_post(t.s, a, {d(2025, 4, 2), ""});
    CHECK(review_items(t.s.agenda(d(2025, 4, 2), scope::subtree(t.branch_a))).empty());
    CHECK(review_items(t.s.agenda(d(2025, 4, 1), scope::subtree(t.branch_a))).size() == 1);
    CHECK(review_items(t.s.agenda(d(2026, 4, 2), scope::subtree(t.branch_a))).front().due == d(2026, 4, 2));
    // A store without designations has the agenda it had.
    fixture other;
    CHECK(other.s.agenda(d(2025, 3, 31)) == before);
}

TEST_CASE("honours store: designating needs write_roster on the designating organisation",
          "[honours][store][access]") {
    test::shared_district t("honours");
    auto const m = t.store.add_member(test::full_member(t.branch_a, "李红", d(2020, 7, 1)));
    auto secretary = t.secretary_of(t.branch_a);
    auto const own = designate_model_post(
        secretary, {.member = m, .awarded_by = t.branch_a, .date = d(2026, 6, 1), .title = "党员先锋岗"});
    test::require_denied(
        t.path,
        [&] {
            (void)designate_model_post(
                secretary, {.member = m, .awarded_by = t.street, .date = d(2026, 6, 1), .title = "示范岗"});
        },
        permission::write_roster, t.street.value());
    auto other = t.secretary_of(t.branch_b);
    test::require_denied(
        t.path, [&] { (void)commend(other, of_member(m, d(2026, 6, 1))); }, permission::write_roster,
        t.branch_a.value());
    CHECK(model_posts(other).empty());
    CHECK(model_posts(secretary).size() == 1);
    CHECK(get_model_post(secretary, own).title == "党员先锋岗");
}

TEST_CASE("honours store: a store of the previous schema version migrates and takes designations",
          "[honours][store]") {
    auto const path = test::temp_dir("honours-migrate") / "h.db";
    member_id m;
    org_id street;
    {
        fixture t(path);
        m = t.li;
        street = t.street;
    }
    test::set_schema_back(path, honours_schema_version,
                          {"model_post_reviews", "model_posts", "commendations"});
    auto s = test::open_migrated(path, honours_schema_version, pinned());
    CHECK(model_posts(s).empty());
    (void)designate_model_post(s,
                               {.member = m, .awarded_by = street, .date = d(2025, 1, 1), .title = "示范岗"});
    CHECK(model_posts(s).size() == 1);
    // Run again on a current file (as the tests of earlier migrations do): nothing fails or is lost.
    test::set_schema_back(path, honours_schema_version);
    auto again = open_store(path, pinned());
    CHECK(model_posts(again).size() == 1);
    CHECK(again.verify_audit().ok);
}

}  // namespace honours_store_test_cases
