#include <catch2/catch.hpp>

#include <algorithm>

#include <SQLiteCpp/SQLiteCpp.h>

#include "dangyuan/rules/profile.hpp"
#include "dangyuan/storage/coverage_store.hpp"
#include "dangyuan/storage/rectification_store.hpp"
#include "test_support.hpp"

namespace migration_test_cases {

using namespace dangyuan;
using test::d;

TEST_CASE("store: a version-1 store opens, migrates to the latest schema and keeps its data",
          "[store][migration]") {
    auto const dir = test::temp_dir("migration");
    auto const path = dir / "v1.db";
    {
        SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        raw.exec(test::file_bytes(std::filesystem::path(DANGYUAN_FIXTURE_DIR) / "store-v1.sql"));
        REQUIRE(raw.execAndGet("PRAGMA user_version").getInt() == 1);
        REQUIRE_FALSE(raw.tableExists("org_leadership"));
    }
    auto s = open_store(path);
    CHECK(s.schema_version() == store::schema_version_latest);
    CHECK(s.orgs().size() == 2);
    auto const m = s.get_member(member_id{1});
    CHECK(m.name == "张三");
    CHECK(m.id_number->str() == "110101198001010010");
    CHECK(m.education == education::undergraduate_graduated);
    CHECK(m.version == 2);
    CHECK(s.standing_on(member_id{1}, d(2021, 1, 1))->state == standing_state::suspended);
    // The four earlier entries are sealed by the entry that starts the audit chain, whose digest is the
    // hash of entry 4 by the documented encoding (audit_chain_test.cpp checks entry 1 with sha256sum).
    auto const log = s.audit_log();
    REQUIRE(log.size() == 5);
    CHECK(log[0].detail == "name=区委");
    CHECK(log[4].seq == 5);
    CHECK(log[4].action == audit_chain_started_action);
    CHECK(log[4].entity == "audit");
    CHECK(log[4].detail ==
          "entries=4; last_seq=4; digest=6dab090b7f493b193d5b49b241e7a4e73d6d32c920746311d284aad165198449");
    auto const chain = s.verify_audit();
    CHECK(chain.ok);
    CHECK(chain.entries_checked == 5);
    // The new table works on the migrated file.
    s.record_standing(member_id{1}, {standing_event_kind::restored, d(2021, 3, 1), "恢复联系", "支部"});
    CHECK(s.leadership(org_id{2}, d(2026, 1, 1)).empty());
    // Reopening a migrated store is a no-op.
    auto again = open_store(path);
    CHECK(again.schema_version() == store::schema_version_latest);
    CHECK(again.audit_log().size() == 6);
    CHECK(again.verify_audit().ok);
    CHECK(again.verify_audit().entries_checked == 6);
    std::filesystem::remove_all(dir);
}

namespace {
// The members table's definition and its indexes, as sqlite_master holds them.
std::vector<std::string> members_schema(std::filesystem::path const& path) {
    SQLite::Database raw(path.string(), SQLite::OPEN_READONLY);
    SQLite::Statement q(raw,
                        "SELECT type, name, coalesce(sql, '') FROM sqlite_master WHERE tbl_name = 'members' "
                        "ORDER BY type, name");
    std::vector<std::string> out;
    while (q.executeStep())
        out.push_back(q.getColumn(0).getString() + " " + q.getColumn(1).getString() + ": " +
                      q.getColumn(2).getString());
    return out;
}
}  // namespace

TEST_CASE("store: the migration to a separate ID-number index keeps the members, their ids and uniqueness",
          "[store][migration]") {
    auto const dir = test::temp_dir("migration-id-index");
    auto const path = dir / "v1.db";
    {
        SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        raw.exec(test::file_bytes(std::filesystem::path(DANGYUAN_FIXTURE_DIR) / "store-v1.sql"));
        // Before: the uniqueness is the table's constraint, whose index has no SQL of its own.
        REQUIRE(raw.execAndGet("SELECT count(*) FROM sqlite_master WHERE tbl_name = 'members' AND type = "
                               "'index' AND sql IS NULL")
                    .getInt() == 1);
    }
    auto s = open_store(path);
    auto const migrated = members_schema(path);
    // A fresh store ends up with the same table and indexes.
    auto const fresh_path = dir / "fresh.db";
    { auto fresh = open_store(fresh_path); }
    CHECK(members_schema(fresh_path) == migrated);
    CHECK(std::find(migrated.begin(), migrated.end(),
                    "index members_id_number: CREATE UNIQUE INDEX members_id_number ON members(id_number)") !=
          migrated.end());
    {
        SQLite::Database raw(path.string(), SQLite::OPEN_READONLY);
        CHECK(raw.execAndGet("SELECT count(*) FROM sqlite_master WHERE sql IS NULL AND tbl_name = 'members'")
                  .getInt() == 0);
        // The standing event still refers to member 1, which kept its id.
        SQLite::Statement fk(raw, "PRAGMA foreign_key_check");
        CHECK_FALSE(fk.executeStep());
    }
    CHECK(s.get_member(member_id{1}).name == "张三");
    CHECK(s.standing_on(member_id{1}, d(2021, 1, 1))->state == standing_state::suspended);
    // The index still refuses a second holder of 张三's ID number, and names him.
    auto twin = test::full_member(org_id{2}, "李四", d(2012, 7, 1));
    twin.id_number = citizen_id::parse("110101198001010010");
    twin.birth_date = d(1980, 1, 1);
    CHECK_THROWS_AS(s.add_member(twin), conflict);
    CHECK_THROWS_WITH(s.add_member(twin), Catch::Contains("already belongs to member 1 (张三)"));
    CHECK(s.member_count() == 1);
    std::filesystem::remove_all(dir);
}

TEST_CASE("store: the migration to the audit chain keeps the trail append-only", "[store][migration]") {
    auto const dir = test::temp_dir("migration-chain");
    auto const path = dir / "v1.db";
    {
        SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        raw.exec(test::file_bytes(std::filesystem::path(DANGYUAN_FIXTURE_DIR) / "store-v1.sql"));
    }
    { auto s = open_store(path); }
    SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE);
    CHECK_THROWS_WITH(raw.exec("UPDATE audit SET actor = 'nobody' WHERE seq = 1"),
                      Catch::Contains("append-only"));
    CHECK_THROWS_WITH(raw.exec("DELETE FROM audit WHERE seq = 5"), Catch::Contains("append-only"));
    CHECK(raw.execAndGet("SELECT count(*) FROM audit WHERE hash IS NULL").getInt() == 0);
    std::filesystem::remove_all(dir);
}

TEST_CASE("store: a new store starts its audit chain with its first entry", "[store][migration]") {
    auto s = open_store(":memory:");
    CHECK(s.audit_log().empty());  // no audit_chain_started entry: there is nothing earlier to seal
    (void)s.add_org({.name = "区委", .kind = org_kind::higher_committee, .established = d(1990, 1, 1)});
    auto const log = s.audit_log();
    REQUIRE(log.size() == 1);
    CHECK(s.verify_audit().head_hash == audit_entry_hash(audit_chain_genesis, log[0]));
}

TEST_CASE("store: a fresh store and a migrated one have the same schema", "[store][migration]") {
    auto const dir = test::temp_dir("schema");
    auto schema_of = [](std::filesystem::path const& p) {
        SQLite::Database raw(p.string(), SQLite::OPEN_READONLY);
        SQLite::Statement st(
            raw, "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name");
        std::string out;
        while (st.executeStep())
            out += st.getColumn(0).getString() + " " + st.getColumn(1).getString() + "\n";
        return out;
    };
    { auto fresh = open_store(dir / "fresh.db"); }
    {
        SQLite::Database raw((dir / "old.db").string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        raw.exec(test::file_bytes(std::filesystem::path(DANGYUAN_FIXTURE_DIR) / "store-v1.sql"));
    }
    { auto migrated = open_store(dir / "old.db"); }
    CHECK(schema_of(dir / "fresh.db") == schema_of(dir / "old.db"));
    std::filesystem::remove_all(dir);
}

TEST_CASE(
    "store: the migration that keeps a rectification's rule set gives earlier designations the national "
    "rule set, and runs again without harm",
    "[store][migration][rectification]") {
    auto const dir = test::temp_dir("migration-rectification-rule-set");
    auto const path = dir / "r.db";
    auto const strict = make_profile("local-6m", [](rule_set& r) { r.rectification.max_months = 6; });
    store_options o;
    o.actor = "tester";
    o.rules = strict;
    o.today = [] { return d(2026, 6, 30); };
    org_id branch, other;
    rectification_id old_one;
    {
        auto s = open_store(path, o);
        auto const orgs = test::add_district_orgs(s);
        branch = orgs.branch_a;
        other = orgs.branch_b;
        old_one = designate_for_rectification(
            s, {.org = branch, .date = d(2025, 1, 31), .reasons = {rectification_reason::secretary_unfit}});
    }
    {
        // The store as the version before wrote it: no rectifications.rule_set.
        SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE);
        raw.exec("ALTER TABLE rectifications DROP COLUMN rule_set");
        raw.exec("PRAGMA user_version = " + std::to_string(coverage_schema_version));
    }
    {
        auto s = open_store(path, o);
        CHECK(s.schema_version() == store::schema_version_latest);
        auto const r = get_rectification(s, old_one);
        CHECK(r.rule_set_name == "national-2014");
        // Judged by the national 12 months, not the store's 6: due 2026-01-31.
        auto const agenda = s.agenda(d(2025, 8, 1));
        CHECK(std::none_of(agenda.begin(), agenda.end(),
                           [](auto const& i) { return i.kind == "rectification.overdue"; }));
        // A designation after the migration keeps the store's rule set.
        auto const fresh = designate_for_rectification(
            s, {.org = other, .date = d(2025, 2, 1), .reasons = {rectification_reason::secretary_unfit}});
        CHECK(get_rectification(s, fresh).rule_set_name == "local-6m");
        CHECK(s.verify_audit().ok);
    }
    {
        // Migrating again over the column that exists (a version number set back) keeps the values.
        SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE);
        raw.exec("PRAGMA user_version = " + std::to_string(coverage_schema_version));
    }
    auto s = open_store(path, o);
    auto const all = rectifications(s);
    REQUIRE(all.size() == 2);
    CHECK(all[0].rule_set_name == "national-2014");
    CHECK(all[1].rule_set_name == "local-6m");
    {
        // A fresh store has the column too, with the same default.
        auto fresh = open_store(dir / "fresh.db");
        SQLite::Database raw((dir / "fresh.db").string(), SQLite::OPEN_READONLY);
        CHECK(raw.execAndGet("SELECT dflt_value FROM pragma_table_info('rectifications') WHERE name = "
                             "'rule_set'")
                  .getString() == "'national-2014'");
    }
    std::filesystem::remove_all(dir);
}

}  // namespace migration_test_cases
