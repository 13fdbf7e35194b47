// The agenda of a part of the store (store::agenda(as_of, scope)) holds exactly the items of the whole
// store's agenda whose organisation lies in the scope, in the same order: a scoped call reads only the
// scope's part of the store, and must judge it as the whole agenda does. Checked over the sample district
// (every domain) for a branch, a street-level working committee, the whole store and every organisation.

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "dangyuan/storage/mobility_store.hpp"
#include "sample/generator.hpp"
#include "test_support.hpp"

namespace agenda_scope_test_cases {

using namespace dangyuan;
using test::d;

// The items of `whole` whose organisation is one of `orgs`, in their order.
std::vector<agenda_item> filtered(std::vector<agenda_item> const& whole, std::vector<org_unit> const& orgs) {
    std::set<org_id> ids;
    for (auto const& o : orgs)
        ids.insert(o.id);
    std::vector<agenda_item> out;
    for (auto const& i : whole)
        if (ids.count(i.org)) out.push_back(i);
    return out;
}

struct sample_district {
    date::sys_days as_of = d(2026, 11, 26);
    store s = open_store(test::fresh_store_location(),
                         {.actor = "tester", .today = [as_of = as_of] { return as_of; }});
    sample_district() {
        sample::options o;
        o.members = 3000;
        o.as_of = as_of;
        o.domains = sample::domain_set::all;
        (void)sample::generate(s, o);
    }
};

void check_scope(store const& s, date::sys_days on, org_id root, std::vector<agenda_item> const& whole) {
    auto const expected = filtered(whole, s.orgs(scope::subtree(root)));
    auto const scoped = s.agenda(on, scope::subtree(root));
    INFO("scope " << root.value() << " (" << s.org(root).name << ") on " << format_date(on) << ": "
                  << scoped.size() << " items, " << expected.size() << " expected");
    REQUIRE(scoped.size() == expected.size());
    for (std::size_t i = 0; i < scoped.size(); ++i) {
        INFO("item " << i << ": " << scoped[i] << " | expected " << expected[i]);
        CHECK(scoped[i] == expected[i]);
    }
}

TEST_CASE(
    "agenda: a branch's, a street committee's and the whole store's agenda equal the whole agenda "
    "filtered to the scope",
    "[agenda][agenda_scope]") {
    sample_district t;
    auto const all = t.s.orgs(scope::all());
    // The first street-level working committee (街道党工委) with items, and a branch (党支部) under it
    // whose own agenda is not empty: a check that compares empty lists could not fail.
    auto const* street = [&]() -> org_unit const* {
        for (auto const& o : all)
            if (o.kind == org_kind::working_committee && o.name.ends_with("街道党工委")) return &o;
        return nullptr;
    }();
    REQUIRE(street != nullptr);
    for (auto const on : {t.as_of, d(2027, 3, 1), d(2027, 9, 30), d(2028, 6, 1)}) {
        auto const whole = t.s.agenda(on);
        REQUIRE(!whole.empty());
        CHECK(t.s.agenda(on, scope::all()) == whole);
        REQUIRE(!filtered(whole, t.s.orgs(scope::subtree(street->id))).empty());
        check_scope(t.s, on, street->id, whole);
        std::size_t branches_with_items = 0;
        for (auto const& b : t.s.orgs(scope::subtree(street->id))) {
            if (b.kind != org_kind::branch) continue;
            if (filtered(whole, {b}).empty()) continue;
            ++branches_with_items;
            check_scope(t.s, on, b.id, whole);
        }
        CHECK(branches_with_items > 0);
    }
}

TEST_CASE("agenda: the agenda of every organisation's subtree equals the whole agenda filtered to it",
          "[agenda][agenda_scope]") {
    sample_district t;
    auto const whole = t.s.agenda(t.as_of);
    std::set<std::string> kinds;
    for (auto const& o : t.s.orgs(scope::all())) {
        check_scope(t.s, t.as_of, o.id, whole);
        for (auto const& i : filtered(whole, t.s.orgs(scope::subtree(o.id))))
            kinds.insert(i.kind);
    }
    // The district's agenda spans the domains (organisation, development, mobility, evaluation, life…).
    CHECK(kinds.size() >= 10);
    // …the organisation work among them: a community's feedback due and a model post's review.
    CHECK(kinds.count("community.feedback_due") == 1);
    CHECK(kinds.count("honours.post_review_due") == 1);
}

TEST_CASE(
    "agenda: a general branch's subtree count is the same in its own agenda and in the whole one "
    "(org.grassroots_committee_100)",
    "[agenda][agenda_scope]") {
    test::district t;
    auto const general = t.store.add_org({.name = "机关党总支",
                                          .kind = org_kind::general_branch,
                                          .parent = t.street,
                                          .established = d(2006, 1, 1),
                                          .term_start = d(2024, 1, 15)});
    std::vector<member> drafts;
    for (int b = 0; b < 2; ++b) {
        auto const branch = t.store.add_org({.name = "机关第" + std::to_string(b + 3) + "党支部",
                                             .kind = org_kind::branch,
                                             .parent = general,
                                             .established = d(2006, 1, 1),
                                             .term_start = d(2024, 1, 15)});
        for (int i = 0; i < 55; ++i)
            drafts.push_back(test::full_member(branch, "党员" + std::to_string(b * 55 + i),
                                               d(2010, 1, 1) + date::days{b * 55 + i}));
    }
    (void)t.store.add_members(drafts);
    REQUIRE(t.store.rules().grassroots_committee_threshold_members <= 110);
    auto const on = d(2026, 11, 26);
    auto const whole = t.store.agenda(on);
    // 110 members under the general branch, none of them its own: only the subtree count reaches the
    // threshold (100).
    auto const set_up = [&](std::vector<agenda_item> const& items) {
        return std::count_if(items.begin(), items.end(), [&](agenda_item const& i) {
            return i.org == general && i.kind == "org.set_up_grassroots_committee";
        });
    };
    CHECK(set_up(whole) == 1);
    CHECK(set_up(t.store.agenda(on, scope::subtree(general))) == 1);
    for (auto const root : {t.district_committee, t.street, general})
        check_scope(t.store, on, root, whole);
}

TEST_CASE("mobility agenda: a subtree's equals the whole store's filtered to it", "[agenda][agenda_scope]") {
    sample_district t;
    auto const whole = mobility_agenda(t.s, t.as_of, scope::all());
    REQUIRE(!whole.empty());
    std::size_t with_items = 0;
    for (auto const& o : t.s.orgs(scope::all())) {
        auto const expected = filtered(whole, t.s.orgs(scope::subtree(o.id)));
        with_items += expected.empty() ? 0 : 1;
        INFO("scope " << o.id.value() << " (" << o.name << ")");
        CHECK(mobility_agenda(t.s, t.as_of, scope::subtree(o.id)) == expected);
    }
    CHECK(with_items > 1);
}

TEST_CASE(
    "agenda: a member who left for another branch keeps the episode items of the branch that opened "
    "it in that branch's agenda",
    "[agenda][agenda_scope]") {
    test::district t;
    auto m = t.store.get_member(t.store.add_member(test::full_member(t.branch_a, "张三", d(2010, 7, 1))));
    (void)open_episode(t.store, m.id,
                       member_left{.date = d(2025, 5, 1),
                                   .reason = mobility_reason::work_business,
                                   .destination = {.place = "上海市浦东新区"},
                                   .expected_months = 10});
    m.branch = t.branch_b;
    m.joined_branch = d(2025, 9, 1);
    t.store.update_member(m);
    auto const on = d(2026, 11, 26);
    auto const whole = t.store.agenda(on);
    // The episode's items name its home branch (branch_a); the member is now in branch_b and holds no
    // certificate: only the episode's own branch column leads a scoped agenda to them.
    auto const of_a = filtered(whole, {t.store.org(t.branch_a)});
    REQUIRE(std::any_of(of_a.begin(), of_a.end(),
                        [](agenda_item const& i) { return i.kind.starts_with("mobility."); }));
    for (auto const root : {t.district_committee, t.street, t.branch_a, t.branch_b})
        check_scope(t.store, on, root, whole);
}

TEST_CASE("agenda: an unknown scope root is refused", "[agenda][agenda_scope]") {
    auto s = open_store(test::fresh_store_location(), {.actor = "tester"});
    CHECK_THROWS_AS(s.agenda(d(2026, 11, 26), scope::subtree(org_id{424242})), not_found);
}

}  // namespace agenda_scope_test_cases
