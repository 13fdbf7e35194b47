#include <catch2/catch.hpp>

#include <optional>
#include <string>

#include "postgres_support.hpp"
#include "storage/sql/database.hpp"
#include "storage/sql/postgres.hpp"

namespace postgres_seam_test_cases {

namespace pg = dangyuan::storage::sql::pg;
namespace sql = dangyuan::storage::sql;

TEST_CASE("seam: SQLite statements as PostgreSQL reads them", "[postgres][seam]") {
    if (!pg::available()) {
        WARN("built without libpq: the PostgreSQL side of the seam is not there to test");
        return;
    }
    SECTION("? is numbered in order, ?N keeps its number, a :name used twice is one parameter") {
        auto const t = pg::translate("SELECT a FROM t WHERE b = ? AND c = :x AND d = ? AND e = :x");
        CHECK(t.sql == "SELECT a FROM t WHERE b = $1 AND c = $2 AND d = $3 AND e = $2");
        CHECK(t.parameters == 3);
        CHECK(t.names == std::vector<std::string>{"", ":x", ""});
        CHECK(pg::translate("WHERE ?1 IS NULL OR y = ?1").sql == "WHERE $1 IS NULL OR y = $1");
    }
    SECTION("literals, quoted names, comments and casts are left as they are") {
        auto const t = pg::translate("SELECT 'a ? :b', \"c?\" -- d ?\n, x::bigint FROM t WHERE y = ?");
        CHECK(t.sql == "SELECT 'a ? :b', \"c?\" \n, x::bigint FROM t WHERE y = $1");
        CHECK(t.parameters == 1);
        CHECK(pg::translate("SELECT 'it''s ?' WHERE z = ?").sql == "SELECT 'it''s ?' WHERE z = $1");
    }
    SECTION("SQLite's CROSS JOIN … ON and JSON id sets") {
        CHECK(pg::translate("SELECT 1 FROM a CROSS JOIN b ON b.id = a.id").sql ==
              "SELECT 1 FROM a JOIN b ON b.id = a.id");
        CHECK(pg::translate("WHERE id IN (SELECT value FROM json_each(:ids))").sql ==
              "WHERE id IN (SELECT CAST(value AS BIGINT) FROM json_array_elements_text(CAST($1 AS json)) AS "
              "json_set(value))");
        CHECK(pg::translate("WHERE n IN (SELECT CAST(value AS TEXT) FROM json_each(:ns))").sql ==
              "WHERE n IN (SELECT value FROM json_array_elements_text(CAST($1 AS json)) AS json_set(value))");
    }
    SECTION("a URL's password stays out of messages") {
        CHECK(pg::without_password("postgresql://clerk:secret@db/district") ==
              "postgresql://clerk:***@db/district");
        CHECK(pg::without_password("postgresql://clerk@db/district") == "postgresql://clerk@db/district");
        CHECK(pg::is_url("postgres://x"));
        CHECK_FALSE(pg::is_url("district.db"));
    }
}

TEST_CASE("seam: a PostgreSQL transaction with a failed statement is not committed", "[postgres][seam]") {
    auto const server = test::server_or_warn();
    if (!server) return;
    sql::database db(std::make_unique<pg::connection>(test::fresh_postgres_store(*server)));
    db.exec("CREATE TABLE kept(n BIGINT)");
    sql::begin_write(db);
    db.exec("INSERT INTO kept VALUES (1)");
    CHECK_THROWS_AS(db.exec("SELECT * FROM no_such_table"), sql::error);
    // The server would answer COMMIT with a silent ROLLBACK: the seam says so instead.
    CHECK_THROWS_AS(db.commit(), sql::error);
    CHECK_FALSE(db.in_transaction());
    CHECK(db.exec_int64("SELECT count(*) FROM kept") == 0);
    // A unique violation is classified as such.
    db.exec("CREATE UNIQUE INDEX kept_n ON kept(n); INSERT INTO kept VALUES (2)");
    try {
        db.exec("INSERT INTO kept VALUES (2)");
        FAIL("no error");
    } catch (sql::error const& e) {
        CHECK(e.unique_violation());
        CHECK(e.sqlstate() == "23505");
    }
}

TEST_CASE(
    "seam: prepared statements on PostgreSQL give each binding's result, survive a rollback and "
    "stop at the session's bound",
    "[postgres][seam]") {
    auto const server = test::server_or_warn();
    if (!server) return;
    sql::database db(std::make_unique<pg::connection>(test::fresh_postgres_store(*server)));
    db.exec("CREATE TABLE t(n BIGINT, s TEXT); INSERT INTO t VALUES (1, 'a'), (2, '二'), (3, NULL)");
    auto const query = std::string("SELECT count(*) FROM t WHERE (CAST(:n AS BIGINT) IS NULL OR n = :n)");
    auto count = [&](std::optional<std::int64_t> n) {
        sql::statement st(db, query);
        if (n)
            st.bind(":n", *n);
        else
            st.bind(":n");
        REQUIRE(st.step());
        return st.column(0).as_int64();
    };
    // The same text with an integer and with NULL: two prepared forms, each with its own result, many
    // times over (the server switches to a generic plan after five executions).
    for (int i = 0; i < 8; ++i) {
        CHECK(count(2) == 1);
        CHECK(count(std::nullopt) == 3);
        CHECK(count(7) == 0);
    }
    // A statement prepared in a transaction that is rolled back is still there afterwards.
    sql::begin_write(db);
    CHECK(count(1) == 1);
    CHECK_THROWS_AS(db.exec("SELECT * FROM no_such_table"), sql::error);
    db.exec("ROLLBACK");
    CHECK(count(1) == 1);
    CHECK(count(3) == 1);
    // Statements beyond the bound run unprepared, with the same results.
    for (std::size_t i = 0; i < pg::connection::max_prepared + 5; ++i) {
        sql::statement st(db, "SELECT " + std::to_string(i) + " + count(*) FROM t WHERE n <= ?");
        st.bind(1, std::int64_t{2});
        REQUIRE(st.step());
        CHECK(st.column(0).as_int64() == static_cast<std::int64_t>(i) + 2);
    }
    CHECK(count(2) == 1);
}

}  // namespace postgres_seam_test_cases
