// Hostile input against every kind of write: overlong text, invalid UTF-8, control characters and NUL
// bytes, impossible years, negative amounts, dates after the day of recording. Each is answered by a
// clear error (invalid_input naming the field, or rule_violation naming the rule) and leaves the store
// file byte for byte as it was. SQL metacharacters are data: stored verbatim, nothing else touched.

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "dangyuan/storage/life_store.hpp"
#include "dangyuan/storage/mobility_store.hpp"
#include "test_support.hpp"

namespace hostile_input_test_cases {

using namespace dangyuan;
using test::d;

namespace {

struct hostile_store {
    std::filesystem::path dir = test::temp_dir("hostile");
    std::filesystem::path path = dir / "hostile.db";
    store s = open_store(path, {.actor = "tester", .today = [] { return d(2026, 11, 26); }});
    org_id committee, branch;
    member_id member;
    hostile_store() {
        committee =
            s.add_org({.name = "区委", .kind = org_kind::higher_committee, .established = d(1990, 1, 1)});
        branch = s.add_org({.name = "第一党支部",
                            .kind = org_kind::branch,
                            .parent = committee,
                            .established = d(2000, 1, 1)});
        member = s.add_member(test::full_member(branch, "张三", d(2010, 7, 1), 1));
    }
    ~hostile_store() {
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
    [[nodiscard]] dangyuan::member with_name(std::string name, int seq = 2) const {
        return test::full_member(branch, std::move(name), d(2012, 7, 1), seq);
    }
};

struct hostile_case {
    std::string what;
    std::function<void(hostile_store&)> write;
};

std::string repeat(std::string const& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i)
        out += s;
    return out;
}

}  // namespace

TEST_CASE("hostile input: every case is a clear error and the store file is byte for byte unchanged",
          "[store][integrity][hostile]") {
    hostile_store h;
    using std::string;
    std::vector<hostile_case> const cases{
        {"a name of 51 characters",
         [](hostile_store& h) { (void)h.s.add_member(h.with_name(repeat("长", 51))); }},
        {"a name of 10 000 bytes",
         [](hostile_store& h) { (void)h.s.add_member(h.with_name(string(10000, 'x'))); }},
        {"a NUL byte in a name",
         [](hostile_store& h) { (void)h.s.add_member(h.with_name(string("张\0三", 7))); }},
        {"a control character in a name",
         [](hostile_store& h) { (void)h.s.add_member(h.with_name("张\x1b[31m三")); }},
        {"a line break in a name", [](hostile_store& h) { (void)h.s.add_member(h.with_name("张\n三")); }},
        {"invalid UTF-8 in a name",
         [](hostile_store& h) { (void)h.s.add_member(h.with_name("\xff\xfe张")); }},
        {"an overlong UTF-8 form", [](hostile_store& h) { (void)h.s.add_member(h.with_name("\xc0\xaf")); }},
        {"a UTF-8 surrogate", [](hostile_store& h) { (void)h.s.add_member(h.with_name("\xed\xa0\x80")); }},
        {"a cut-off UTF-8 sequence",
         [](hostile_store& h) { (void)h.s.add_member(h.with_name("张\xe5\xbc")); }},
        {"a phone of 31 characters",
         [](hostile_store& h) {
             auto m = h.with_name("李四");
             m.phone = string(31, '1');
             (void)h.s.add_member(m);
         }},
        {"an address of 501 characters",
         [](hostile_store& h) {
             auto m = h.with_name("李四");
             m.address = repeat("路", 501);
             (void)h.s.add_member(m);
         }},
        {"a NUL in a work unit",
         [](hostile_store& h) {
             auto m = h.with_name("李四");
             m.work_unit = string("单位\0", 7);
             (void)h.s.add_member(m);
         }},
        {"admission in year 0",
         [](hostile_store& h) {
             auto m = h.with_name("李四");
             m.id_number.reset();
             m.birth_date = d(0, 1, 1);
             m.application_date.reset();
             m.admission_date = m.joined_branch = d(0, 6, 1);
             m.full_member_date.reset();
             m.backfilled = true;
             (void)h.s.add_member(m);
         }},
        {"birth in year 0",
         [](hostile_store& h) {
             auto m = h.with_name("李四");
             m.id_number.reset();
             m.birth_date = d(0, 1, 1);
             m.backfilled = true;
             (void)h.s.add_member(m);
         }},
        {"admission in 9999",
         [](hostile_store& h) {
             auto m = h.with_name("李四");
             m.id_number.reset();
             m.application_date.reset();
             m.admission_date = m.joined_branch = d(9999, 12, 31);
             m.full_member_date.reset();
             (void)h.s.add_member(m);
         }},
        {"admission before 1921-07-01",
         [](hostile_store& h) {
             auto m = h.with_name("李四");
             m.id_number.reset();
             m.birth_date = d(1890, 1, 1);
             m.application_date.reset();
             m.admission_date = m.joined_branch = d(1920, 1, 1);
             m.full_member_date.reset();
             m.backfilled = true;
             (void)h.s.add_member(m);
         }},
        {"an update with a 60-character name",
         [](hostile_store& h) {
             auto m = h.s.get_member(h.member);
             m.name = repeat("名", 60);
             h.s.update_member(m);
         }},
        {"an organisation name with a NUL",
         [](hostile_store& h) {
             (void)h.s.add_org({.name = string("支部\0", 7),
                                .kind = org_kind::branch,
                                .parent = h.committee,
                                .established = d(2000, 1, 1)});
         }},
        {"an organisation of 101 characters",
         [](hostile_store& h) {
             (void)h.s.add_org({.name = repeat("党", 101),
                                .kind = org_kind::branch,
                                .parent = h.committee,
                                .established = d(2000, 1, 1)});
         }},
        {"an organisation established in 9999",
         [](hostile_store& h) {
             (void)h.s.add_org({.name = "未来支部",
                                .kind = org_kind::branch,
                                .parent = h.committee,
                                .established = d(9999, 1, 1)});
         }},
        {"a standing event with a NUL in its reason",
         [](hostile_store& h) {
             h.s.record_standing(
                 h.member, {standing_event_kind::suspended, d(2020, 1, 1), string("失联\0", 7), "支部"});
         }},
        {"a standing event in year 0",
         [](hostile_store& h) {
             h.s.record_standing(h.member, {standing_event_kind::suspended, d(0, 1, 1), "失联", "支部"});
         }},
        {"a standing event tomorrow",
         [](hostile_store& h) {
             h.s.record_standing(h.member, {standing_event_kind::suspended, d(2026, 11, 27), "失联", "支部"});
         }},
        {"a meeting in 9999",
         [](hostile_store& h) {
             meeting m{.org = h.branch,
                       .kind = meeting_kind::branch_general_meeting,
                       .date = d(9999, 1, 1),
                       .topic = "学习"};
             (void)add_meeting(h.s, m, d(2026, 11, 26));
         }},
        {"a meeting topic of 2001 characters",
         [](hostile_store& h) {
             meeting m{.org = h.branch,
                       .kind = meeting_kind::branch_general_meeting,
                       .date = d(2026, 3, 1),
                       .topic = repeat("学", 2001)};
             (void)add_meeting(h.s, m, d(2026, 11, 26));
         }},
        {"training with negative hours",
         [](hostile_store& h) {
             add_training(h.s,
                          {.member = h.member,
                           .date = d(2026, 3, 1),
                           .course = "党课",
                           .hours = class_hours::whole(-8),
                           .provider = "党校"},
                          d(2026, 11, 26));
         }},
        {"training dated tomorrow",
         [](hostile_store& h) {
             add_training(h.s,
                          {.member = h.member,
                           .date = d(2026, 11, 27),
                           .course = "党课",
                           .hours = class_hours::whole(8),
                           .provider = "党校"},
                          d(2026, 11, 27));
         }},
        {"training with a control character in its course",
         [](hostile_store& h) {
             add_training(h.s,
                          {.member = h.member,
                           .date = d(2026, 3, 1),
                           .course = "党\x07课",
                           .hours = class_hours::whole(8),
                           .provider = "党校"},
                          d(2026, 11, 26));
         }},
        {"a contact log opened in 9999",
         [](hostile_store& h) { open_contact_log(h.s, h.member, d(9999, 1, 1)); }},
        {"leadership from 9999", [](hostile_store& h) { h.s.set_leadership(h.branch, d(9999, 1, 1), {}); }},
    };
    auto const before = test::store_hash(h.path);
    auto const audit_before = h.s.audit_log().size();
    for (auto const& c : cases) {
        INFO(c.what);
        std::string message;
        try {
            c.write(h);
            FAIL_CHECK("accepted: " + c.what);
        } catch (invalid_input const& e) {
            CHECK_FALSE(e.field().empty());
            message = e.reason();
        } catch (rule_violation const& e) {
            CHECK_FALSE(e.rule_id().empty());
            message = e.detail();
        } catch (error const& e) {
            message = e.what();
        }
        CHECK_FALSE(message.empty());
        CHECK(test::store_hash(h.path) == before);
    }
    CHECK(h.s.audit_log().size() == audit_before);
    CHECK(h.s.member_count() == 1);
}

TEST_CASE("hostile input: SQL metacharacters in every text field are stored verbatim",
          "[store][integrity][hostile]") {
    hostile_store h;
    std::string const sql = "x'); DROP TABLE members; --\"%_\\";
    auto m = h.with_name("O'Brien\"; --");
    m.work_unit = sql;
    m.post = sql;
    m.native_place = sql;
    m.phone = "1'--";
    m.address = sql;
    auto const id = h.s.add_member(m, sql);
    auto const back = h.s.get_member(id);
    CHECK(back.name == "O'Brien\"; --");
    CHECK(back.work_unit == sql);
    CHECK(back.address == sql);
    CHECK(h.s.find_members_by_name("O'Brien\"; --").size() == 1);
    CHECK(h.s.find_members_by_name("%").empty());
    auto const org = h.s.add_org(
        {.name = sql, .kind = org_kind::branch, .parent = h.committee, .established = d(2000, 1, 1)});
    CHECK(h.s.org(org).name == sql);
    h.s.record_standing(id, {standing_event_kind::suspended, d(2020, 1, 1), sql, sql});
    CHECK(h.s.standing_history(id).back().reason == sql);
    CHECK(h.s.member_count() == 2);
    auto const log = h.s.audit_log();
    CHECK(std::any_of(log.begin(), log.end(), [&](audit_entry const& e) { return e.why == sql; }));
}

TEST_CASE("hostile input: tabs and line breaks are kept in notes, refused in names",
          "[store][integrity][hostile]") {
    hostile_store h;
    h.s.record_standing(h.member,
                        {standing_event_kind::suspended, d(2020, 1, 1), "第一行\n第二行\t附注", "支部"});
    CHECK(h.s.standing_history(h.member).back().reason == "第一行\n第二行\t附注");
    CHECK(test::invalid_field([&] {
              h.s.record_standing(h.member,
                                  {standing_event_kind::restored, d(2021, 1, 1), "恢复", "支部\n委员会"});
          }) == "decided_by");
}

}  // namespace hostile_input_test_cases
