// Access to the organisation work (在职党员进社区, 党员示范岗, 两优一先): every read and write is refused on
// another organisation's records and allowed on the principal's own; an analyst reads but writes nothing;
// lists and statistics narrow a wider scope to the principal's subtree.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "access_support.hpp"
#include "dangyuan/storage/community_store.hpp"
#include "dangyuan/storage/honours_store.hpp"

namespace access_organisation_work_test_cases {

using namespace dangyuan;
using test::d;

namespace {

// One community's records: `registrant`, of the office branch (`home`), registered with `branch` on
// 2025-03-01 with one service; `spare`, of the same branch, not registered.
struct community_side {
    org_id branch;  // the community organisation
    org_id home;    // the registrant's own branch
    member_id registrant, spare;
    registration_id reg;
};

// Side a: the first community (第一社区党支部, under the street); side b: the village (东村党支部, under
// the district). Both registrants belong to the office branch (机关第二党支部, under the street), which the
// first community's secretary does not cover.
struct community_world : test::shared_district {
    community_side a, b;

    explicit community_world(std::string const& name) : shared_district(name) {
        a = side(branch_a, 1);
        b = side(village, 11);
    }

    community_side side(org_id place, int seq) {
        community_side t{.branch = place, .home = branch_b};
        t.registrant =
            store.add_member(test::full_member(branch_b, "住户" + std::to_string(seq), d(2012, 7, 1), seq));
        t.spare = store.add_member(
            test::full_member(branch_b, "住户" + std::to_string(seq + 1), d(2013, 7, 1), seq + 1));
        t.reg = register_with_community(store, t.registrant, place, d(2025, 3, 1));
        (void)record_community_service(
            store, {.member = t.registrant, .date = d(2025, 5, 1), .activity = "志愿服务", .tenths = 20});
        return t;
    }
};

using community_row = test::access_row<community_side>;

std::vector<community_row> community_rows() {
    auto const own = [](community_side const& t) { return scope::subtree(t.branch); };
    return {
        // reads of one member's records: the member's branch or a community the member registered with
        {"get_registration", permission::read_roster, false,
         [](store& s, community_side const& t) { return get_registration(s, t.reg).member == t.registrant; },
         &community_side::home},
        {"community_registrations_of", permission::read_roster, false,
         [](store& s, community_side const& t) {
             return community_registrations_of(s, t.registrant).size() == 1;
         },
         &community_side::home},
        {"community_services", permission::read_roster, false,
         [](store& s, community_side const& t) {
             return community_services(s, t.registrant, 2025).size() == 1;
         },
         &community_side::home},
        {"community_feedback", permission::read_roster, false,
         [](store& s, community_side const& t) { return !community_feedback(s, t.registrant, 2025); },
         &community_side::home},
        {"community_feedback_history", permission::read_roster, false,
         [](store& s, community_side const& t) {
             return community_feedback_history(s, t.registrant).empty();
         },
         &community_side::home},
        // lists and statistics of the community's subtree
        {"community_registrations", permission::read_roster, false,
         [own](store& s, community_side const& t) { return community_registrations(s, own(t)).size() == 1; }},
        {"community_statistics_of", permission::read_roster, false,
         [own](store& s, community_side const& t) {
             return community_statistics_of(s, 2025, own(t)).registered_members == 1;
         }},
        // writes: organisational_life on the community
        {"register_with_community", permission::organisational_life, true,
         [](store& s, community_side const& t) {
             (void)register_with_community(s, t.spare, t.branch, d(2026, 1, 5));
             return true;
         }},
        {"record_community_service", permission::organisational_life, true,
         [](store& s, community_side const& t) {
             (void)record_community_service(
                 s, {.member = t.registrant, .date = d(2026, 2, 1), .activity = "政策宣传", .tenths = 15});
             return true;
         }},
        {"give_community_feedback", permission::organisational_life, true,
         [](store& s, community_side const& t) {
             give_community_feedback(s, {.member = t.registrant,
                                         .community = t.branch,
                                         .year = 2025,
                                         .rating = community_rating::good,
                                         .given_on = d(2025, 12, 20)});
             return true;
         }},
        {"leave_community", permission::organisational_life, true,
         [](store& s, community_side const& t) {
             leave_community(s, t.reg, d(2026, 6, 1));
             return true;
         }},
    };
}

// One branch's honours: `member` holds a model post designated by the branch and a commendation;
// `other` has neither.
struct honours_side {
    org_id branch;
    member_id member, other;
    model_post_id post;
    commendation_id commended;
};

struct honours_world : test::shared_district {
    honours_side a, b;

    explicit honours_world(std::string const& name) : shared_district(name) {
        a = side(branch_a, 21);
        b = side(branch_b, 31);
    }

    honours_side side(org_id branch, int seq) {
        honours_side t{.branch = branch};
        t.member =
            store.add_member(test::full_member(branch, "先锋" + std::to_string(seq), d(2010, 7, 1), seq));
        t.other = store.add_member(
            test::full_member(branch, "先锋" + std::to_string(seq + 1), d(2011, 7, 1), seq + 1));
        t.post = designate_model_post(
            store, {.member = t.member, .awarded_by = branch, .date = d(2025, 9, 1), .title = "党员示范岗"});
        t.commended = commend(store, {.kind = commendation_kind::outstanding_member,
                                      .level = commendation_level::awarding_org,
                                      .date = d(2025, 7, 1),
                                      .awarded_by = "党支部",
                                      .member = t.member});
        return t;
    }
};

using honours_row = test::access_row<honours_side>;

std::vector<honours_row> honours_rows() {
    auto const own = [](honours_side const& t) { return scope::subtree(t.branch); };
    return {
        // reads: read_roster on the branch
        {"get_model_post", permission::read_roster, false,
         [](store& s, honours_side const& t) { return get_model_post(s, t.post).member == t.member; }},
        {"member_model_posts", permission::read_roster, false,
         [](store& s, honours_side const& t) { return member_model_posts(s, t.member).size() == 1; }},
        {"model_posts", permission::read_roster, false,
         [own](store& s, honours_side const& t) { return model_posts(s, own(t)).size() == 1; }},
        {"get_commendation", permission::read_roster, false,
         [](store& s, honours_side const& t) { return get_commendation(s, t.commended).member == t.member; }},
        {"member_commendations", permission::read_roster, false,
         [](store& s, honours_side const& t) { return member_commendations(s, t.member).size() == 1; }},
        {"org_commendations", permission::read_roster, false,
         [](store& s, honours_side const& t) { return org_commendations(s, t.branch).empty(); }},
        {"commendations", permission::read_roster, false,
         [own](store& s, honours_side const& t) { return commendations(s, own(t)).size() == 1; }},
        {"honours_statistics_for", permission::read_roster, false,
         [own](store& s, honours_side const& t) {
             return honours_statistics_for(s, 2025, own(t)).posts_new == 1;
         }},
        // writes: write_roster on the designating or commended organisation
        {"designate_model_post", permission::write_roster, true,
         [](store& s, honours_side const& t) {
             (void)designate_model_post(
                 s, {.member = t.other, .awarded_by = t.branch, .date = d(2026, 3, 1), .title = "服务窗口"});
             return true;
         }},
        {"review_model_post", permission::write_roster, true,
         [](store& s, honours_side const& t) {
             review_model_post(s, t.post, {d(2026, 5, 1), "复评合格"});
             return true;
         }},
        {"commend", permission::write_roster, true,
         [](store& s, honours_side const& t) {
             (void)commend(s, {.kind = commendation_kind::advanced_organisation,
                               .level = commendation_level::awarding_org,
                               .date = d(2026, 6, 28),
                               .awarded_by = "街道党工委",
                               .org = t.branch});
             return true;
         }},
        {"end_model_post", permission::write_roster, true,
         [](store& s, honours_side const& t) {
             end_model_post(s, t.post,
                            {.date = d(2026, 6, 1), .kind = model_post_end::revoked, .reason = "调岗"});
             return true;
         }},
    };
}

}  // namespace

TEST_CASE(
    "community access: every call is refused on another community's records and allowed on the "
    "principal's own; an analyst reads but writes nothing",
    "[access][community]") {
    community_world w("community-table");
    test::check_access_rows(w, community_rows());
}

TEST_CASE(
    "community access: a wider scope is narrowed to the principal's subtree; the member's branch reads "
    "the member's registrations",
    "[access][community]") {
    community_world w("community-scope");
    auto sa = w.secretary_of(w.branch_a);
    CHECK(community_registrations(sa, scope::all()).size() == 1);
    CHECK(community_statistics_of(sa, 2025).registered_members == 1);
    auto home = w.secretary_of(w.branch_b);  // the office branch reads its members' registrations anywhere
    CHECK(community_registrations_of(home, w.b.registrant).size() == 1);
    CHECK(community_registrations(home, scope::all()).empty());  // but lists no community's registrations
    auto street = w.as(role::party_committee(), w.street);
    CHECK(community_registrations(street, scope::all()).size() == 1);
    CHECK(community_registrations(sa, scope::subtree(w.street)).size() == 1);  // narrowed to the branch
    test::require_denied(
        w.path, [&] { (void)community_registrations(sa, scope::subtree(w.village)); },
        permission::read_roster, w.village.value());
}

TEST_CASE(
    "honours access: every call is refused on another branch's model posts and commendations and "
    "allowed on the branch's own; an analyst reads but writes nothing",
    "[access][honours]") {
    honours_world w("honours-table");
    test::check_access_rows(w, honours_rows());
}

TEST_CASE(
    "honours access: a wider scope is narrowed to the principal's subtree; the street reads its "
    "branches",
    "[access][honours]") {
    honours_world w("honours-scope");
    auto sa = w.secretary_of(w.branch_a);
    CHECK(model_posts(sa, scope::all()).size() == 1);
    CHECK(commendations(sa, scope::all()).size() == 1);
    CHECK(honours_statistics_for(sa, 2025).commendations == 1);
    auto street = w.as(role::party_committee(), w.street);
    CHECK(model_posts(street, scope::all()).size() == 2);
    CHECK(honours_statistics_for(street, 2025).posts_new == 2);
    CHECK(honours_statistics_for(sa, 2025, scope::subtree(w.street)).posts_new == 1);  // narrowed
    test::require_denied(
        w.path, [&] { (void)honours_statistics_for(sa, 2025, scope::subtree(w.branch_b)); },
        permission::read_roster, w.branch_b.value());
}

}  // namespace access_organisation_work_test_cases
