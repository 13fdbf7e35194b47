// The bulk paths of the store: store::add_members with more than one member (COPY … FROM STDIN on
// PostgreSQL, the prepared INSERT on SQLite) and load_roster_table (COPY … TO STDOUT on PostgreSQL).
// They run on the backend of the fixtures (postgres_support.hpp): SQLite by default, PostgreSQL under
// tests/postgres/on-postgresql.sh. Both must refuse the same batches with the same messages, assign the
// same ids and write the same audit trail.

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "postgres_support.hpp"
#include "test_support.hpp"

#ifdef DANGYUAN_TEST_WITH_IO
#include "dangyuan/io/import.hpp"
#endif

namespace postgres_bulk_test_cases {

using namespace dangyuan;
using test::d;

namespace {

// `count` full members of `branch`, admitted a day apart, with ID numbers seq, seq + 1, ….
std::vector<member> batch(org_id branch, std::string const& prefix, int count, int seq) {
    std::vector<member> out;
    for (int i = 0; i < count; ++i)
        out.push_back(test::full_member(branch, prefix + std::to_string(i + 1), d(2010, 3, 1) + date::days{i},
                                        seq + i));
    return out;
}

// The message of the conflict `f` throws ("" when it throws none).
template <class F>
std::string conflict_message(F&& f) {
    try {
        f();
    } catch (conflict const& e) {
        return e.what();
    }
    return "";
}

std::int64_t last_id(store const& s) {
    std::int64_t out = 0;
    for (auto const& m : s.roster())
        out = std::max(out, m.id.value());
    return out;
}

}  // namespace

TEST_CASE("bulk insert: a batch repeating a stored member's ID number is refused and changes nothing",
          "[bulk][postgresql]") {
    test::district t;
    auto& s = t.store;
    auto drafts = batch(t.branch_b, "新党员", 4, 20);
    // A stored member with the third row's ID number (and so its birth date).
    auto const holder = s.add_member(test::full_member(t.branch_a, "王守约", d(2010, 3, 3), 22));
    REQUIRE(s.get_member(holder).id_number == drafts[2].id_number);
    auto const members_before = s.member_count();
    auto const audit_before = s.audit_log().size();
    auto const message = conflict_message([&] { (void)s.add_members(drafts, "bulk"); });
    CHECK(message == "ID number " + drafts[2].id_number->masked() + " already belongs to member " +
                         std::to_string(holder.value()) + " (王守约)");
    CHECK(s.member_count() == members_before);
    CHECK(s.audit_log().size() == audit_before);
    CHECK(s.roster(scope::subtree(t.branch_b)).empty());
    CHECK(s.verify_audit().ok);

    // The store takes the batch once the repeated number is gone: the refusal left no broken transaction.
    drafts[2].id_number.reset();
    auto const ids = s.add_members(drafts, "bulk");
    CHECK(ids.size() == 4);
    CHECK(s.member_count() == members_before + 4);
    CHECK(s.audit_log().size() == audit_before + 1);
}

TEST_CASE("bulk insert: a batch repeating an ID number within itself is refused naming the earlier row",
          "[bulk][postgresql]") {
    test::district t;
    auto& s = t.store;
    (void)s.add_member(test::full_member(t.branch_a, "王守约", d(2005, 7, 1), 7));
    auto const next = last_id(s) + 1;
    auto const members_before = s.member_count();
    auto const audit_before = s.audit_log().size();

    auto drafts = batch(t.branch_b, "新党员", 5, 30);
    // Row 4 repeats row 2 (which would have had id next + 1): the same person entered twice.
    drafts[3].birth_date = drafts[1].birth_date;
    drafts[3].id_number = drafts[1].id_number;
    auto const message = conflict_message([&] { (void)s.add_members(drafts, "bulk"); });
    CHECK(message == "ID number " + drafts[1].id_number->masked() + " already belongs to member " +
                         std::to_string(next + 1) + " (新党员2)");
    CHECK(s.member_count() == members_before);
    CHECK(s.audit_log().size() == audit_before);
    CHECK(s.verify_audit().ok);
}

TEST_CASE("bulk insert: ids are consecutive and a single add continues after them", "[bulk][postgresql]") {
    test::district t;
    auto& s = t.store;
    auto const first_single = s.add_member(test::full_member(t.branch_a, "王守约", d(2005, 7, 1), 7));
    auto const ids = s.add_members(batch(t.branch_b, "新党员", 5, 40), "bulk");
    REQUIRE(ids.size() == 5);
    for (std::size_t i = 0; i < ids.size(); ++i) {
        CHECK(ids[i].value() == first_single.value() + 1 + static_cast<std::int64_t>(i));
        auto const m = s.get_member(ids[i]);
        CHECK(m.name == "新党员" + std::to_string(i + 1));
        CHECK(m.version == 1);
        CHECK(m.branch == t.branch_b);
    }
    auto const after = s.add_member(test::full_member(t.branch_a, "李继业", d(2006, 7, 1), 60));
    CHECK(after.value() == ids.back().value() + 1);
    // A second batch continues after the single add.
    auto const more = s.add_members(batch(t.branch_a, "再入党", 2, 70), "bulk");
    CHECK(more.front().value() == after.value() + 1);
    CHECK(more.back().value() == after.value() + 2);
    CHECK(s.member_count() == 9);
}

TEST_CASE("bulk insert: one audit row names the batch and the trail verifies", "[bulk][postgresql]") {
    test::district t;
    auto& s = t.store;
    (void)s.add_member(test::full_member(t.branch_a, "王守约", d(2005, 7, 1), 7));
    auto const audit_before = s.audit_log().size();
    auto const ids = s.add_members(batch(t.branch_b, "新党员", 6, 80), "年度名册导入");
    auto const log = s.audit_log();
    REQUIRE(log.size() == audit_before + 1);
    CHECK(log.back().action == "bulk_insert");
    CHECK(log.back().entity == "member");
    CHECK(log.back().entity_id == ids.front().value());
    CHECK(log.back().why == "年度名册导入");
    CHECK(log.back().detail ==
          "count=6; ids=" + std::to_string(ids.front().value()) + ".." + std::to_string(ids.back().value()));
    auto const v = s.verify_audit();
    CHECK(v.ok);
    CHECK(v.entries_checked == static_cast<std::int64_t>(log.size()));
    CHECK(v.head_seq == log.back().seq);
}

#ifdef DANGYUAN_TEST_WITH_IO
TEST_CASE("bulk insert: an import commits its members in one batch and the trail verifies",
          "[bulk][postgresql]") {
    test::district t;
    auto& s = t.store;
    io::import_plan plan;
    auto const drafts = batch(t.branch_b, "导入党员", 3, 90);
    for (std::size_t i = 0; i < drafts.size(); ++i)
        plan.inserts.push_back({.row = i + 2, .record = drafts[i]});
    auto const audit_before = s.audit_log().size();
    auto const result = io::commit_import(s, plan, "名册导入");
    REQUIRE(result.added.size() == 3);
    CHECK(s.get_member(result.added[2]).name == "导入党员3");
    CHECK(s.audit_log().size() == audit_before + 1);
    CHECK(s.verify_audit().ok);

    // The same plan again repeats every ID number: refused, naming the first member imported.
    auto const message = conflict_message([&] { (void)io::commit_import(s, plan, "名册导入"); });
    CHECK(message == "ID number " + drafts[0].id_number->masked() + " already belongs to member " +
                         std::to_string(result.added[0].value()) + " (导入党员1)");
    CHECK(s.member_count() == 3);
    CHECK(s.verify_audit().ok);
}
#endif

TEST_CASE(
    "bulk insert: a batch at least as large as the roster, its indexes and key rebuilt, is all or "
    "nothing",
    "[bulk][postgresql]") {
    auto const where = test::fresh_store_location();
    auto s = open_store(where, {.actor = "tester"});
    auto const [c, b] = test::add_committee_and_branch(s);
    std::vector<member> drafts;
    for (std::size_t i = 0; i < bulk_cache_min_rows; ++i) {
        // A hundred admission days of 2001 and a hundred sequence numbers: distinct ID numbers.
        auto const admitted = d(2001, 1, 1) + date::days{static_cast<int>(i / 100)};
        drafts.push_back(
            test::full_member(b, "党员" + std::to_string(i), admitted, static_cast<int>(i % 100)));
    }
    auto dup = drafts.front();
    dup.name = "重号";
    drafts.back() = dup;  // the last row repeats the first one's ID number
    // On PostgreSQL: the members table's indexes and foreign keys as the schema defines them.
    auto const catalogue = [&] {
        std::vector<std::string> out;
        if (!test::postgres_server()) return out;
        storage::sql::database db(std::make_unique<storage::sql::pg::connection>(where));
        storage::sql::statement q(
            db,
            "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND "
            "tablename = 'members' UNION ALL SELECT pg_get_constraintdef(oid) FROM "
            "pg_constraint WHERE conrelid = CAST('members' AS regclass) AND contype = 'f' "
            "ORDER BY 1");
        while (q.step())
            out.push_back(q.column(0).as_string());
        return out;
    };
    auto const schema = catalogue();
    if (test::postgres_server()) REQUIRE(schema.size() == 5);  // key, branch, name, ID number; branch's key
    auto const audit_before = s.audit_log().size();

    auto const message = conflict_message([&] { (void)s.add_members(drafts, "首次导入"); });
    CHECK_THAT(message, Catch::Contains(" already belongs to member ") && Catch::Contains("(党员0)"));
    CHECK(s.member_count() == 0);
    CHECK(s.audit_log().size() == audit_before);
    CHECK(catalogue() == schema);

    drafts.pop_back();
    auto const ids = s.add_members(drafts, "首次导入");
    REQUIRE(ids.size() == bulk_cache_min_rows - 1);
    CHECK(ids.back().value() == ids.front().value() + static_cast<std::int64_t>(bulk_cache_min_rows) - 2);
    CHECK(s.member_count() == static_cast<std::int64_t>(bulk_cache_min_rows - 1));
    CHECK(catalogue() == schema);
    CHECK(s.find_members_by_name("党员9998").size() == 1);
    CHECK(s.get_member(ids.back()).name == "党员9998");
    CHECK(s.verify_audit().ok);
    // The ID number's index is back: a repeat is refused by it as before.
    auto again = drafts.front();
    again.name = "又一个";
    CHECK_THAT(
        conflict_message([&] { (void)s.add_member(again); }),
        Catch::Contains("already belongs to member " + std::to_string(ids.front().value()) + " (党员0)"));
    CHECK(s.add_member(test::full_member(b, "新人", d(2010, 1, 1), 1)).value() == ids.back().value() + 1);
}

TEST_CASE("bulk insert: text with backslashes and Chinese survives the copy in and out",
          "[bulk][postgresql]") {
    test::district t;
    auto& s = t.store;
    auto drafts = batch(t.branch_b, "新党员", 3, 100);
    // What COPY's text format escapes or reads specially: a backslash, `\N` (its NULL), `\t` spelled out.
    drafts[0].name = "欧阳\\N";
    drafts[0].work_unit = R"(C:\单位\t名\\册)";
    drafts[0].post = "\\";
    drafts[1].address = "山东省济南市历下区泉城路1号 \"东院\" 'B' 座";
    drafts[1].native_place = "";  // empty text, not NULL
    drafts[2].id_number.reset();  // NULL
    drafts[2].education.reset();
    drafts[2].phone = "0531-8888 6666";
    auto const ids = s.add_members(drafts, "bulk");
    for (std::size_t i = 0; i < ids.size(); ++i) {
        auto expected = drafts[i];
        expected.id = ids[i];
        expected.version = 1;
        CHECK(s.get_member(ids[i]) == expected);
    }
    auto const table = load_roster_table(s, scope::subtree(t.branch_b));
    REQUIRE(table.size() == 3);
    for (std::size_t i = 0; i < table.size(); ++i) {
        auto expected = drafts[i];
        expected.id = ids[i];
        expected.version = 1;
        CHECK(table.row(i) == expected);
    }
    CHECK(table.name[0] == "欧阳\\N");
    CHECK(table.work_unit[0] == R"(C:\单位\t名\\册)");
    CHECK(table.id_number[2].empty());
}

TEST_CASE("bulk insert: the roster table of a scope and a date reads the same rows on either backend",
          "[bulk][postgresql]") {
    test::district t;
    auto& s = t.store;
    auto early = batch(t.branch_a, "老党员", 3, 110);
    auto late = batch(t.branch_b, "新党员", 2, 120);
    for (auto& m : late) {
        m.admission_date = d(2020, 7, 1);
        m.joined_branch = d(2020, 7, 1);
        m.application_date = d(2019, 1, 1);
        m.full_member_date = d(2021, 7, 1);
    }
    (void)s.add_members(early, "bulk");
    (void)s.add_members(late, "bulk");
    CHECK(load_roster_table(s).size() == 5);
    CHECK(load_roster_table(s, scope::subtree(t.street)).size() == 5);
    CHECK(load_roster_table(s, scope::subtree(t.branch_b)).size() == 2);
    CHECK(load_roster_table(s, scope::subtree(t.village)).size() == 0);
    auto const before_2015 = load_roster_table(s, scope::all(), d(2015, 1, 1));
    REQUIRE(before_2015.size() == 3);
    CHECK(before_2015.name[0] == "老党员1");
    CHECK(load_roster_table(s, scope::subtree(t.branch_b), d(2020, 7, 1)).size() == 2);
    CHECK(load_roster_table(s, scope::subtree(t.branch_b), d(2020, 6, 30)).size() == 0);
}

TEST_CASE("pg::copy_in and pg::copy_out: every byte the text format escapes comes back", "[postgresql]") {
    auto const server = test::server_or_warn();
    if (!server) return;
    namespace pg = storage::sql::pg;
    pg::connection c(test::fresh_postgres_store(*server));
    c.exec("CREATE TABLE copied(n BIGINT, t TEXT)");
    std::vector<std::string> const texts{"",
                                         "plain",
                                         "tab\there",
                                         "line\nbreak",
                                         "carriage\rreturn",
                                         "back\\slash",
                                         "\\N",
                                         "\\t literally",
                                         "党员名册\t第二行\n第三行\\完",
                                         "trailing\\",
                                         std::string("\x01\x7f", 2)};
    {
        pg::copy_in in(c, "copied", "n, t");
        for (std::size_t i = 0; i < texts.size(); ++i) {
            in.field(std::to_string(i));
            in.field(texts[i]);
            in.end_row();
        }
        in.field(std::to_string(texts.size()));
        in.null_field();
        in.end_row();
        in.finish();
    }
    pg::copy_out out(c, "SELECT n, t FROM copied ORDER BY n");
    std::size_t row = 0;
    while (out.next()) {
        REQUIRE(out.size() == 2);
        CHECK(out.field(0) == std::to_string(row));
        if (row < texts.size()) {
            CHECK_FALSE(out.is_null(1));
            CHECK(std::string(out.field(1)) == texts[row]);
        } else {
            CHECK(out.is_null(1));
        }
        ++row;
    }
    CHECK(row == texts.size() + 1);
    CHECK_FALSE(out.next());
    // The session goes on after a copy, and after a refused one.
    CHECK_THROWS_AS(pg::copy_out(c, "SELECT no_such_column FROM copied"), storage::sql::error);
    c.exec("SELECT 1");
    {
        // An abandoned copy out (an exception while reading) leaves the session usable.
        pg::copy_out partial(c, "SELECT n FROM copied ORDER BY n");
        REQUIRE(partial.next());
    }
    c.exec("SELECT 1");
}

}  // namespace postgres_bulk_test_cases
