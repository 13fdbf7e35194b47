#include <catch2/catch.hpp>

#include <functional>
#include <string>
#include <vector>

#include "access_support.hpp"
#include "dangyuan/storage/life_store.hpp"

namespace access_life_test_cases {

using namespace dangyuan;
using test::d;

namespace {

date::sys_days const as_of = d(2026, 6, 30);  // the handles' today

date::year_month ym(int y, unsigned m) {
    return date::year{y} / date::month{m};
}

meeting party_day(org_id branch, member_id chair, date::sys_days on) {
    meeting m{.org = branch, .kind = meeting_kind::theme_party_day, .date = on, .topic = "主题党日"};
    m.chair = chair;
    m.attendance.push_back({chair, attendance_status::present, "", false});
    return m;
}

dues_payment pay(member_id who, date::year_month month, date::sys_days on, org_id collector) {
    return dues_payment{who, month, fen::yuan(40), false, dues_paid_at::home_org, collector, "组织委员", on};
}

// The life records of one branch, made with full access: m[0] chairs a meeting, m[1] has a dues
// account, m[2] a training line, m[3] has no account yet.
struct side {
    org_id branch;
    std::vector<member_id> m;
    meeting held;  // as stored, version 1
};

struct world : test::shared_district {
    side a, b;

    explicit world(std::string const& name) : shared_district(name) {
        a = make_side(branch_a, "甲", 1);
        b = make_side(branch_b, "乙", 21);
    }

    side make_side(org_id branch, std::string const& tag, int seq) {
        side t;
        t.branch = branch;
        for (int i = 0; i < 4; ++i)
            t.m.push_back(store.add_member(
                test::full_member(branch, tag + "党员" + std::to_string(i), d(2015, 7, 1), seq + i)));
        t.held = party_day(branch, t.m[0], d(2026, 3, 5));
        t.held.id = add_meeting(store, t.held, as_of);
        open_dues_account(store, t.m[1], {ym(2026, 1), dues_category::employed, fen::yuan(4000)},
                          {.ledger_start = ym(2026, 1)});
        add_training(store, {t.m[2], d(2026, 3, 1), "党课", class_hours::whole(4)}, as_of);
        return t;
    }
};

using row = test::access_row<side>;

std::vector<row> rows() {
    auto const own = [](side const& t) { return scope::subtree(t.branch); };
    return {
        // reads
        {"get_meeting", permission::read_roster, false,
         [](store& s, side const& t) { return get_meeting(s, t.held.id).record.org == t.branch; }},
        {"meetings_of", permission::read_roster, false,
         [own](store& s, side const& t) { return meetings_of(s, own(t), d(2026, 1, 1), as_of).size() == 1; }},
        {"life_compliance_report", permission::read_roster, false,
         [](store& s, side const& t) {
             (void)life_compliance_report(s, t.branch, d(2026, 1, 1), as_of);
             return true;
         }},
        {"life_activity", permission::read_roster, false,
         [own](store& s, side const& t) { return life_activity(s, as_of, own(t)).size() == 4; }},
        {"life_activity_of", permission::read_roster, false,
         [](store& s, side const& t) {
             return life_activity_of(s, t.m[0], as_of).last_org_life == d(2026, 3, 5);
         }},
        {"training_ledger", permission::read_roster, false,
         [](store& s, side const& t) { return training_ledger(s, t.m[2]).size() == 1; }},
        {"training_shortfall_report", permission::read_roster, false,
         [](store& s, side const& t) {
             (void)training_shortfall_report(s, t.branch, 2026, as_of);
             return true;
         }},
        {"find_dues_account", permission::read_roster, false,
         [](store& s, side const& t) { return find_dues_account(s, t.m[1]).has_value(); }},
        {"get_dues_terms", permission::read_roster, false,
         [](store& s, side const& t) { return get_dues_terms(s, t.m[1]).version == 1; }},
        {"dues_payments", permission::read_roster, false,
         [](store& s, side const& t) { return dues_payments(s, t.m[1]).empty(); }},
        {"dues_statement_of", permission::read_roster, false,
         [](store& s, side const& t) {
             (void)dues_statement_of(s, t.m[1], as_of);
             return true;
         }},
        {"dues_arrears_report", permission::read_roster, false,
         [own](store& s, side const& t) { return dues_arrears_report(s, as_of, own(t)).size() == 1; }},
        // writes: organisational_life on the meeting's organisation or the member's branch
        {"add_meeting", permission::organisational_life, true,
         [](store& s, side const& t) {
             (void)add_meeting(s, party_day(t.branch, t.m[1], d(2026, 4, 8)), as_of);
             return true;
         }},
        {"correct_meeting", permission::organisational_life, true,
         [](store& s, side const& t) {
             auto m = t.held;
             m.topic = "主题党日（更正）";
             correct_meeting(s, m, 1, as_of);
             return true;
         }},
        {"add_training", permission::organisational_life, true,
         [](store& s, side const& t) {
             add_training(s, {t.m[2], d(2026, 4, 1), "专题培训", class_hours::whole(8)}, as_of);
             return true;
         }},
        {"open_dues_account", permission::organisational_life, true,
         [](store& s, side const& t) {
             open_dues_account(s, t.m[3], {ym(2026, 1), dues_category::employed, fen::yuan(5000)},
                               {.ledger_start = ym(2026, 1)});
             return true;
         }},
        {"set_dues_terms", permission::organisational_life, true,
         [](store& s, side const& t) {
             set_dues_terms(s, t.m[1], {.ledger_start = ym(2026, 1), .pays_quarterly = true, .version = 1});
             return true;
         }},
        {"change_dues_base", permission::organisational_life, true,
         [](store& s, side const& t) {
             change_dues_base(s, t.m[1], {ym(2026, 5), dues_category::employed, fen::yuan(6000)});
             return true;
         }},
        {"add_dues_relief", permission::organisational_life, true,
         [](store& s, side const& t) {
             dues_relief r{.from = ym(2026, 6),
                           .to = ym(2026, 6),
                           .monthly_amount = fen{},
                           .reason = "大病",
                           .branch_studied_on = d(2026, 5, 20),
                           .approved_by = "城关街道党工委",
                           .approved_on = d(2026, 6, 1)};
             add_dues_relief(s, t.m[1], r);
             return true;
         }},
        {"add_dues_excuse", permission::organisational_life, true,
         [](store& s, side const& t) {
             add_dues_excuse(s, t.m[1], {ym(2026, 2), ym(2026, 3), "出国探亲"});
             return true;
         }},
        {"record_dues_payment", permission::organisational_life, true,
         [](store& s, side const& t) {
             (void)record_dues_payment(s, pay(t.m[1], ym(2026, 1), d(2026, 2, 10), t.branch), as_of);
             return true;
         }},
    };
}

}  // namespace

TEST_CASE(
    "life access: every call is refused on another branch's records and allowed on the branch's own; "
    "an analyst reads but writes nothing",
    "[access]") {
    world w("life-table");
    test::check_access_rows(w, rows());
}

TEST_CASE(
    "life access: a wider scope is narrowed to the principal's subtree; a higher committee reads its "
    "branches",
    "[access]") {
    world w("life-scope");
    auto sa = w.secretary_of(w.branch_a);
    CHECK(meetings_of(sa, scope::all(), d(2026, 1, 1), as_of).size() == 1);
    CHECK(life_activity(sa, as_of).size() == 4);
    CHECK(dues_arrears_report(sa, as_of, scope::subtree(w.street)).size() == 1);
    auto street = w.as(role::party_committee(), w.street);
    CHECK(meetings_of(street, scope::all(), d(2026, 1, 1), as_of).size() == 2);
    CHECK(dues_arrears_report(street, as_of).size() == 2);
    CHECK(get_meeting(street, w.b.held.id).record.org == w.branch_b);
    test::require_denied(
        w.path, [&] { (void)life_compliance_report(sa, w.street, d(2026, 1, 1), as_of); },
        permission::read_roster, w.street.value());
    auto village = w.secretary_of(w.village);
    CHECK(dues_arrears_report(village, as_of).empty());
    test::require_denied(
        w.path, [&] { (void)dues_arrears_report(village, as_of, scope::subtree(w.street)); },
        permission::read_roster, w.street.value());
}

}  // namespace access_life_test_cases
