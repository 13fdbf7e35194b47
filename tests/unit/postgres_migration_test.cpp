// The migrations of a store on PostgreSQL: each step derived from the SQLite migration
// (schema_postgres.cpp, postgres_migration), and a store of an older schema on a server migrated to the
// latest, ending where a fresh store starts.

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <memory>
#include <string>

#include "dangyuan/rules/profile.hpp"
#include "dangyuan/storage/coverage_store.hpp"
#include "dangyuan/storage/rectification_store.hpp"
#include "dangyuan/storage/store.hpp"
#include "postgres_support.hpp"
#include "storage/impl.hpp"
#include "storage/schema_postgres.hpp"
#include "storage/sql/database.hpp"
#include "storage/sql/postgres.hpp"
#include "test_support.hpp"

namespace postgres_migration_test_cases {

using namespace dangyuan;
namespace storage = dangyuan::storage;
namespace sql = dangyuan::storage::sql;
using test::d;

bool contains(std::vector<std::string> const& v, std::string const& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

TEST_CASE(
    "schema on PostgreSQL: a step that adds columns becomes ALTER TABLE … ADD COLUMN in PostgreSQL's types",
    "[postgres][migration]") {
    // Version 20 adds rectifications.rule_set (TEXT NOT NULL DEFAULT 'national-2014').
    auto const twenty = storage::postgres_migration(storage::rectification_rule_set_schema_version);
    CHECK(twenty.statements == std::vector<std::string>{"ALTER TABLE rectifications ADD COLUMN rule_set TEXT "
                                                        "NOT NULL DEFAULT 'national-2014'"});
    CHECK(twenty.new_tables.empty());
    // Version 9 adds an integer column and two text columns, and a table.
    auto const nine = storage::postgres_migration(9);
    CHECK(contains(nine.statements, "ALTER TABLE dev_cases ADD COLUMN mobile BIGINT NOT NULL DEFAULT 0"));
    CHECK(
        contains(nine.statements, "ALTER TABLE dev_steps ADD COLUMN household_org TEXT NOT NULL DEFAULT ''"));
    CHECK(
        contains(nine.statements, "ALTER TABLE dev_steps ADD COLUMN residence_org TEXT NOT NULL DEFAULT ''"));
    CHECK(nine.new_tables == std::vector<std::string>{"holiday_data"});
}

TEST_CASE(
    "schema on PostgreSQL: a step that creates tables creates them after those they refer to, then "
    "their indexes",
    "[postgres][migration]") {
    auto const step = storage::postgres_migration(dangyuan::coverage_schema_version);
    REQUIRE_FALSE(step.new_tables.empty());
    REQUIRE_FALSE(step.statements.empty());
    auto first_index = std::find_if(step.statements.begin(), step.statements.end(),
                                    [](auto const& s) { return s.rfind("CREATE TABLE", 0) != 0; });
    CHECK(first_index != step.statements.begin());
    CHECK(std::all_of(first_index, step.statements.end(), [](auto const& s) {
        return s.rfind("CREATE INDEX", 0) == 0 || s.rfind("CREATE UNIQUE INDEX", 0) == 0;
    }));
    // coverage_links refers to coverage_units: created after it.
    auto position = [&](std::string const& table) {
        return std::find_if(step.statements.begin(), step.statements.end(), [&](auto const& s) {
            return s.rfind("CREATE TABLE", 0) == 0 && s.find(" " + table + "(") != std::string::npos;
        });
    };
    REQUIRE(position("coverage_units") != step.statements.end());
    CHECK(position("coverage_units") < position("coverage_links"));
    for (auto const& s : step.statements) {
        CHECK(s.find("INTEGER") == std::string::npos);
        if (s.find("REFERENCES") != std::string::npos)
            CHECK(s.find("DEFERRABLE INITIALLY IMMEDIATE") != std::string::npos);
    }
}

TEST_CASE("schema on PostgreSQL: a step that rebuilds a table is refused with the step and the table named",
          "[postgres][migration]") {
    // Version 14 builds members again without its UNIQUE constraint: no derived form, a hand-written one
    // would be needed (PostgreSQL stores start at a later version, so none is).
    CHECK_THROWS_WITH(storage::postgres_migration(storage::id_number_index_schema_version),
                      Catch::Contains("schema version 14 rebuilds the table members"));
    CHECK_THROWS_WITH(storage::postgres_migration(0), Catch::Contains("no schema version 0"));
    CHECK_THROWS_WITH(storage::postgres_migration(store::schema_version_latest + 1),
                      Catch::Contains("no schema version"));
}

TEST_CASE("schema on PostgreSQL: every step after the table rebuild of version 14 has a derived form",
          "[postgres][migration]") {
    for (int v = storage::id_number_index_schema_version + 1; v <= store::schema_version_latest; ++v) {
        INFO("schema version " << v);
        CHECK_NOTHROW(storage::postgres_migration(v));
    }
}

// What a PostgreSQL schema holds: columns with their types, nullability, defaults and identity; indexes;
// constraints; triggers; and the rows of each table. Names are given without the schema.
std::map<std::string, std::string> catalogue(std::string const& url) {
    auto db = sql::database(std::make_unique<sql::pg::connection>(url));
    std::map<std::string, std::string> out;
    auto collect = [&](std::string const& what, std::string const& query) {
        sql::statement st(db, query);
        while (st.step())
            out[what + " " + st.column(0).as_string()] += st.column(1).as_string() + "\n";
    };
    collect("column",
            "SELECT table_name || '.' || column_name, data_type || ' ' || is_nullable || ' ' || "
            "COALESCE(column_default, '-') || ' ' || is_identity || ' ' || ordinal_position FROM "
            "information_schema.columns WHERE table_schema = current_schema()");
    collect("index",
            "SELECT indexname, replace(indexdef, current_schema() || '.', '') FROM pg_indexes WHERE "
            "schemaname = current_schema()");
    collect("constraint",
            "SELECT conrelid::regclass::text, pg_get_constraintdef(oid) FROM pg_constraint WHERE "
            "connamespace = current_schema()::regnamespace ORDER BY 1, 2");
    collect(
        "trigger",
        "SELECT trigger_name, event_object_table || ' ' || action_timing || ' ' || event_manipulation FROM "
        "information_schema.triggers WHERE trigger_schema = current_schema()");
    std::vector<std::string> tables;
    {
        sql::statement st(db, "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()");
        while (st.step())
            tables.push_back(st.column(0).as_string());
    }
    for (auto const& t : tables) {
        sql::statement st(db, "SELECT count(*) FROM " + t);
        (void)st.step();
        out["rows " + t] = std::to_string(st.column(0).as_int64());
    }
    return out;
}

TEST_CASE(
    "schema on PostgreSQL: a store of each earlier version since 15 migrates to where a fresh store starts",
    "[postgres][migration]") {
    auto const server = test::server_or_warn();
    if (!server) return;
    auto const fresh = test::fresh_postgres_store(*server);
    { auto s = open_store(fresh); }
    auto const want = catalogue(fresh);
    REQUIRE(want.at("rows dangyuan_schema") == "1");
    for (int v = storage::id_number_index_schema_version + 1; v < store::schema_version_latest; ++v) {
        INFO("from schema version " << v);
        auto const old = test::fresh_postgres_store(*server);
        {
            auto db = sql::database(std::make_unique<sql::pg::connection>(old));
            sql::write_transaction tx(db);
            storage::create_postgres_schema(db, v);
            tx.commit();
        }
        {
            auto s = open_store(old);
            CHECK(s.schema_version() == store::schema_version_latest);
        }
        auto const got = catalogue(old);
        CHECK(got == want);
        // Opening again finds nothing to do.
        auto again = open_store(old);
        CHECK(again.schema_version() == store::schema_version_latest);
        CHECK(again.verify_audit().ok);
    }
}

TEST_CASE(
    "schema on PostgreSQL: a store of the version before rectification.rule_set keeps its designations and "
    "gives them the national rule set",
    "[postgres][migration][rectification]") {
    auto const url = test::fresh_server_store_or_warn();
    if (url.empty()) return;
    store_options o;
    o.actor = "tester";
    o.today = [] { return d(2026, 6, 30); };
    o.rules = make_profile("local-6m", [](rule_set& r) { r.rectification.max_months = 6; });
    rectification_id old_one;
    org_id other;
    {
        auto s = open_store(url, o);
        auto const orgs = test::add_district_orgs(s);
        other = orgs.branch_b;
        old_one = designate_for_rectification(s, {.org = orgs.branch_a,
                                                  .date = d(2025, 1, 31),
                                                  .reasons = {rectification_reason::secretary_unfit}});
    }
    {
        // The store as the version before wrote it.
        sql::pg::connection c(url);
        c.exec("ALTER TABLE rectifications DROP COLUMN rule_set; UPDATE dangyuan_schema SET version = " +
               std::to_string(storage::rectification_rule_set_schema_version - 1));
    }
    auto s = open_store(url, o);
    CHECK(s.schema_version() == store::schema_version_latest);
    CHECK(get_rectification(s, old_one).rule_set_name == "national-2014");
    auto const later = designate_for_rectification(
        s, {.org = other, .date = d(2025, 2, 1), .reasons = {rectification_reason::secretary_unfit}});
    CHECK(get_rectification(s, later).rule_set_name == "local-6m");
    CHECK(s.verify_audit().ok);
}

}  // namespace postgres_migration_test_cases
