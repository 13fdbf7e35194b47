#include <catch2/catch.hpp>

#include "test_support.hpp"

namespace agenda_test_cases {

using namespace dangyuan;
using test::d;

TEST_CASE("支部工作条例 第21条 [S] org.term_length: the store's agenda shows term expiry per scope",
          "[agenda][store]") {
    test::district t;
    // branch_a: community branch, term from 2021-12-20, 5 years -> ends 2026-12-20.
    // branch_b: term from 2024-01-15, 3 years -> ends 2027-01-15 (notice from 2026-10-15).
    for (int i = 0; i < 3; ++i) {
        t.store.add_member(test::full_member(t.branch_a, "甲" + std::to_string(i), d(2010, 7, 1), i));
        t.store.add_member(test::full_member(t.branch_b, "乙" + std::to_string(i), d(2010, 7, 1), 10 + i));
        t.store.add_member(test::full_member(t.village, "丙" + std::to_string(i), d(2010, 7, 1), 20 + i));
    }
    // Only the organisation items: the other domains add theirs to the same agenda.
    auto org_items = [&](date::sys_days on, scope sc = scope::all()) {
        std::vector<agenda_item> out;
        for (auto const& i : t.store.agenda(on, sc))
            if (i.kind.rfind("org.", 0) == 0) out.push_back(i);
        return out;
    };
    auto const items = org_items(d(2026, 11, 26));
    std::vector<std::string> subjects;
    for (auto const& i : items)
        subjects.push_back(i.subject + "/" + i.kind);
    CHECK(subjects ==
          std::vector<std::string>{"第一社区党支部/org.term_expiry", "机关第二党支部/org.term_expiry"});
    CHECK(items[0].due == d(2026, 12, 20));
    CHECK(items[0].status == agenda_status::upcoming);
    CHECK(org_items(d(2026, 12, 21))[0].status == agenda_status::overdue);
    CHECK(org_items(d(2026, 11, 26), scope::subtree(t.village)).empty());
    CHECK(org_items(d(2026, 11, 26), scope::subtree(t.branch_b)).size() == 1);
}

TEST_CASE("支部工作条例 第4条 [C] org.branch_min_3_full: suspended and exited members do not count",
          "[agenda][store]") {
    test::district t;
    std::vector<member_id> ids;
    for (int i = 0; i < 3; ++i)
        ids.push_back(
            t.store.add_member(test::full_member(t.village, "丁" + std::to_string(i), d(2010, 7, 1), i)));
    auto findings = [&](date::sys_days on) {
        int n = 0;
        for (auto const& i : t.store.agenda(on, scope::subtree(t.village)))
            n += i.rule_id == "org.branch_min_3_full" ? 1 : 0;
        return n;
    };
    CHECK(findings(d(2020, 1, 1)) == 0);
    CHECK(findings(d(2011, 6, 30)) == 1);  // all still probationary
    t.store.record_standing(ids[0], {standing_event_kind::suspended, d(2021, 1, 1), "失联", "支部"});
    CHECK(findings(d(2020, 12, 31)) == 0);
    CHECK(findings(d(2021, 1, 1)) == 1);
    t.store.record_standing(ids[0], {standing_event_kind::restored, d(2022, 1, 1), "", "支部"});
    CHECK(findings(d(2022, 1, 1)) == 0);
    t.store.record_standing(ids[1], {standing_event_kind::died, d(2023, 5, 1), "", ""});
    CHECK(findings(d(2023, 5, 1)) == 1);
}

}  // namespace agenda_test_cases
