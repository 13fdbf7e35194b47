// Server roles and row-level security (server_principals.hpp): a role mapped to a branch secretary
// reads and writes only its branch on the server itself — through the library, and through a plain SQL
// session that bypasses the library — while the library's own work through that role goes on as before
// (the audit chain, a transfer received from another branch, a batch of members).

#include <unistd.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "dangyuan/storage/mobility_store.hpp"
#include "dangyuan/storage/server_principals.hpp"
#include "dangyuan/storage/statistics_store.hpp"
#include "dangyuan/storage/store.hpp"
#include "postgres_support.hpp"
#include "storage/row_security.hpp"
#include "storage/schema_postgres.hpp"
#include "storage/sql/database.hpp"
#include "test_support.hpp"

namespace postgres_row_security_test_cases {

using namespace dangyuan;
using test::d;
namespace sql = dangyuan::storage::sql;

namespace {

// `store_url` with its user and password replaced: a session of another login role on the same
// database (named, as a URL without a path would take the role's name for it).
std::string as_login(std::string const& store_url, std::string const& role, std::string const& password,
                     std::string const& database) {
    auto const scheme = store_url.find("://") + 3;
    auto const authority_end = std::min(store_url.find_first_of("/?", scheme), store_url.size());
    auto const at = store_url.find('@', scheme);
    auto const host =
        store_url.substr(at != std::string::npos && at < authority_end ? at + 1 : scheme,
                         authority_end - (at != std::string::npos && at < authority_end ? at + 1 : scheme));
    auto rest = store_url.substr(authority_end);  // "/db?…", "/?…", "?…" or ""
    if (rest.empty() || rest[0] == '?') rest = "/" + rest;
    if (rest.size() == 1 || rest[1] == '?') rest = "/" + database + rest.substr(1);
    return store_url.substr(0, scheme) + role + ":" + password + "@" + host + rest;
}

// A store with the small district, two members in each of the street's branches and one in the village,
// and login roles created for the test (dropped at the end).
struct server_world : test::district_orgs {
    std::string server, url;
    store owner;
    std::vector<member_id> a, b, v;
    std::vector<std::string> roles;

    explicit server_world(std::string const& server_url)
        : server(server_url), url(test::fresh_postgres_store(server_url)), owner(open(url)) {
        static_cast<test::district_orgs&>(*this) = test::add_district_orgs(owner);
        for (int i = 0; i < 2; ++i) {
            a.push_back(owner.add_member(
                test::full_member(branch_a, "甲" + std::to_string(i), d(2010, 7, 1), 10 + i)));
            b.push_back(owner.add_member(
                test::full_member(branch_b, "乙" + std::to_string(i), d(2010, 7, 1), 20 + i)));
        }
        v.push_back(owner.add_member(test::full_member(village, "丙", d(2010, 7, 1), 30)));
    }
    ~server_world() {
        sql::database super(std::make_unique<sql::pg::connection>(server));
        for (auto const& r : roles) {
            try {
                super.exec("DROP OWNED BY " + r + "; DROP ROLE " + r);
            } catch (std::exception const&) {
                // A role still connected stays; the throwaway cluster goes with it.
            }
        }
    }

    static store open(std::string const& location, std::optional<principal> who = {}) {
        store_options o;
        o.actor = "管理员";
        o.principal = std::move(who);
        o.today = [] { return d(2026, 6, 30); };
        return open_store(location, std::move(o));
    }

    // A new login role on the server; the URL of its sessions on the store.
    std::string login_role(std::string const& name) {
        auto const role = "dyrls_" + std::to_string(::getpid()) + "_" + name;
        sql::database super(std::make_unique<sql::pg::connection>(server));
        super.exec("DROP ROLE IF EXISTS " + role + "; CREATE ROLE " + role + " LOGIN PASSWORD 'pw-" + name +
                   "'");
        roles.push_back(role);
        return role;
    }
    std::string url_of(std::string const& role) const {
        sql::database db(std::make_unique<sql::pg::connection>(server));
        sql::statement st(db, "SELECT current_database()");
        (void)st.step();
        return as_login(url, role, "pw-" + role.substr(role.rfind('_') + 1), st.column(0).as_string());
    }
    // A role mapped to `who`; the URL of its sessions.
    std::string mapped(std::string const& name, principal const& who) {
        auto const role = login_role(name);
        grant_server_principal(owner, role, who, "test");
        return url_of(role);
    }
};

// A plain SQL session (no library checks).
sql::database session(std::string const& url) {
    return sql::database(std::make_unique<sql::pg::connection>(url));
}

std::set<std::int64_t> ids_of(sql::database& db, std::string const& query) {
    std::set<std::int64_t> out;
    sql::statement st(db, query);
    while (st.step())
        out.insert(st.column(0).as_int64());
    return out;
}

std::set<std::int64_t> ids(std::vector<member_id> const& ms) {
    std::set<std::int64_t> out;
    for (auto m : ms)
        out.insert(m.value());
    return out;
}

}  // namespace

TEST_CASE("row security: every table of the schema has a scope, and no scope names a missing table",
          "[postgres][access]") {
    std::set<std::string> tables{"dangyuan_schema"};
    for (auto const& t : storage::latest_tables())
        if (t.name != "sqlite_sequence") tables.insert(t.name);
    std::set<std::string> scoped;
    for (auto const& s : storage::row_scopes()) {
        INFO(s.table);
        CHECK(scoped.insert(std::string(s.table)).second);  // one scope per table
        CHECK(!s.read.empty());
    }
    CHECK(scoped == tables);
}

TEST_CASE("row security: a store with server roles, migrated from the version before, has every policy",
          "[postgres][access][migration]") {
    auto const server = test::server_or_warn();
    if (!server) return;
    auto const old = test::fresh_postgres_store(*server);
    {
        auto db = sql::database(std::make_unique<sql::pg::connection>(old));
        sql::write_transaction tx(db);
        storage::create_postgres_schema(db, store::schema_version_latest - 1);
        storage::install_row_security(db);
        tx.commit();
    }
    auto s = open_store(old);
    REQUIRE(s.schema_version() == store::schema_version_latest);
    auto db = session(old);
    for (auto const& t : storage::row_scopes()) {
        INFO(t.table);
        CHECK(db.exec_int64("SELECT relrowsecurity FROM pg_class WHERE oid = to_regclass('" +
                            std::string(t.table) + "')") == 1);
        CHECK(db.exec_int64(
                  "SELECT count(*) FROM pg_policies WHERE schemaname = current_schema() AND tablename = '" +
                  std::string(t.table) + "'") == 4);
    }
}

TEST_CASE("row security: a branch secretary's session sees and changes only its branch, even in plain SQL",
          "[postgres][access]") {
    auto const server = test::server_or_warn();
    if (!server) return;
    server_world w(*server);
    auto const sa_url = w.mapped("a", {"李梅", role::branch_secretary(), w.branch_a});

    SECTION("plain SQL") {
        auto db = session(sa_url);
        CHECK(ids_of(db, "SELECT id FROM members") == ids(w.a));
        // The organisation tree is not personal data: every role reads all of it.
        CHECK(db.exec_int64("SELECT count(*) FROM orgs") == 5);
        CHECK(db.exec_int64("SELECT count(*) FROM audit") == 0);
        CHECK(db.exec_int64("SELECT count(*) FROM dangyuan_principals") == 1);
        // Another branch's rows cannot be changed, nor a member put into it.
        CHECK(db.exec_int64("WITH u AS (UPDATE members SET post = 'x' WHERE branch_id = " +
                            std::to_string(w.branch_b.value()) + " RETURNING 1) SELECT count(*) FROM u") ==
              0);
        CHECK(db.exec_int64("WITH u AS (DELETE FROM standing_events RETURNING 1) SELECT count(*) FROM u") ==
              0);
        CHECK_THROWS_WITH(db.exec("INSERT INTO members(name, sex, ethnicity, birth_date, branch_id) "
                                  "VALUES('外', 'male', '01', '1980-01-01', " +
                                  std::to_string(w.branch_b.value()) + ")"),
                          Catch::Contains("row-level security"));
    }
    SECTION("a role cannot ask what another role sees") {
        auto const sb_url = w.mapped("b", {"赵强", role::branch_secretary(), w.branch_b});
        auto db = session(sa_url);
        CHECK_THROWS_WITH(db.exec("SELECT dangyuan_scope_of('" + w.roles.back() + "')"),
                          Catch::Contains("may not act as role"));
        auto dbb = session(sb_url);
        CHECK(ids_of(dbb, "SELECT id FROM members") == ids(w.b));
    }
    SECTION("through the library") {
        auto sa = server_world::open(sa_url);
        CHECK(sa.acting() == principal{"李梅", role::branch_secretary(), w.branch_a});
        std::set<std::int64_t> roster;
        for (auto const& m : sa.roster())
            roster.insert(m.id.value());
        CHECK(roster == ids(w.a));
        // The reports of the role's scope read as the owner's of the same scope.
        CHECK(sa.agenda(d(2026, 6, 30)).size() ==
              w.owner.agenda(d(2026, 6, 30), scope::subtree(w.branch_a)).size());
        auto const mine = statistics(sa, {.as_of = d(2026, 6, 30)});
        CHECK(mine.total == 2);
        CHECK(mine.total ==
              statistics(w.owner, {.as_of = d(2026, 6, 30), .where = scope::subtree(w.branch_a)}).total);
        auto const added = sa.add_member(test::full_member(w.branch_a, "新", d(2015, 7, 1), 40));
        std::vector<member> const drafts{test::full_member(w.branch_a, "批一", d(2015, 7, 1), 41),
                                         test::full_member(w.branch_a, "批二", d(2015, 7, 1), 42)};
        auto const batch = sa.add_members(drafts);
        CHECK(batch.size() == 2);
        auto const denials = [&] {
            int n = 0;
            for (auto const& e : w.owner.audit_log())
                n += e.action == "denied";
            return n;
        };
        auto const denied_before = denials();
        CHECK_THROWS_AS(sa.add_member(test::full_member(w.branch_b, "外", d(2015, 7, 1), 43)), access_denied);
        CHECK(denials() == denied_before + 1);
        // A member of another branch already holds the ID number: refused without naming the holder.
        CHECK_THROWS_WITH(sa.add_member(test::full_member(w.branch_a, "重", d(2010, 7, 1), 20)),
                          Catch::Contains("outside the principal's subtree"));
        CHECK(w.owner.member_count() == 8);
        // Every write of the role extended the one audit chain.
        auto const chain = w.owner.verify_audit();
        CHECK(chain.ok);
        auto const log = w.owner.audit_log();
        CHECK(log.back().action == "denied");
        bool found = false;
        for (auto const& e : log)
            found =
                found || (e.entity == "member" && e.entity_id == added.value() &&
                          e.actor == "李梅 (branch_secretary@" + std::to_string(w.branch_a.value()) + ")");
        CHECK(found);
    }
}

TEST_CASE("row security: a member transferred to a branch is seen by it before the receipt, and received",
          "[postgres][access][mobility]") {
    auto const server = test::server_or_warn();
    if (!server) return;
    server_world w(*server);
    auto const sa_url = w.mapped("a", {"李梅", role::branch_secretary(), w.branch_a});
    transfer_letter l;
    l.serial = "乙转甲-1";
    l.member = w.b[0];
    l.to_org = w.branch_a;
    l.issued = d(2026, 6, 1);
    auto const letter = issue_transfer_letter(w.owner, l);
    {
        auto db = session(sa_url);
        auto expected = ids(w.a);
        expected.insert(w.b[0].value());
        CHECK(ids_of(db, "SELECT id FROM members") == expected);
        CHECK(db.exec_int64("SELECT count(*) FROM mob_transfers") == 1);
    }
    auto sa = server_world::open(sa_url);
    receive_transfer(sa, letter, letter_received{d(2026, 6, 20)});
    CHECK(w.owner.get_member(w.b[0]).branch == w.branch_a);
    CHECK(w.owner.verify_audit().ok);
}

TEST_CASE("row security: a committee sees its subtree, an auditor the trail and no member",
          "[postgres][access]") {
    auto const server = test::server_or_warn();
    if (!server) return;
    server_world w(*server);
    auto const committee = w.mapped("street", {"周华", role::party_committee(), w.street});
    auto const auditor = w.mapped("audit", {"审计员", role::auditor(), std::nullopt});
    auto db = session(committee);
    auto both = ids(w.a);
    for (auto m : w.b)
        both.insert(m.value());
    CHECK(ids_of(db, "SELECT id FROM members") == both);
    auto dba = session(auditor);
    CHECK(dba.exec_int64("SELECT count(*) FROM members") == 0);
    CHECK(dba.exec_int64("SELECT count(*) FROM audit") ==
          static_cast<std::int64_t>(w.owner.audit_log().size()));
    CHECK_THROWS(dba.exec("INSERT INTO orgs(name, kind, established) VALUES('x', 'branch', '2020-01-01')"));
    auto as_auditor = server_world::open(auditor);
    CHECK(as_auditor.verify_audit().ok);
    CHECK_THROWS_AS(as_auditor.roster(), access_denied);
}

TEST_CASE(
    "row security: a session may narrow the role's principal, not widen it; an unmapped role is refused",
    "[postgres][access]") {
    auto const server = test::server_or_warn();
    if (!server) return;
    server_world w(*server);
    auto const sa_url = w.mapped("a", {"李梅", role::branch_secretary(), w.branch_a});
    auto narrower = server_world::open(sa_url, principal{"李梅", role::analyst(), w.branch_a});
    CHECK(narrower.acting().role == role::analyst());
    CHECK_THROWS_AS(server_world::open(sa_url, principal::full_access("李梅")), access_denied);
    CHECK_THROWS_AS(server_world::open(sa_url, principal{"李梅", role::branch_secretary(), w.branch_b}),
                    access_denied);

    revoke_server_principal(w.owner, w.roles.back(), "left the post");
    CHECK_THROWS_AS(server_world::open(sa_url), error);
    auto db = session(sa_url);
    // Without the schema's USAGE the role finds no table there.
    CHECK_THROWS_WITH(db.exec_int64("SELECT count(*) FROM members"),
                      Catch::Contains("\"members\" does not exist"));
    CHECK_THROWS_AS(revoke_server_principal(w.owner, w.roles.back()), not_found);
    CHECK(server_principals(w.owner).empty());
}

TEST_CASE("row security: granting is refused for an unknown role, a file store and a restricted handle",
          "[postgres][access]") {
    auto file = open_store(":memory:");
    CHECK(test::invalid_field([&] {
              grant_server_principal(file, "x", {"x", role::analyst(), std::nullopt});
          }) == "store");
    auto const server = test::server_or_warn();
    if (!server) return;
    server_world w(*server);
    CHECK(test::invalid_field([&] {
              grant_server_principal(w.owner, "dyrls_no_such_role", {"x", role::analyst(), std::nullopt});
          }) == "server_role");
    auto const bypassing = w.login_role("bypass");
    session(*server).exec("ALTER ROLE " + bypassing + " BYPASSRLS");
    CHECK(test::invalid_field([&] {
              grant_server_principal(w.owner, bypassing, {"x", role::analyst(), w.branch_a});
          }) == "server_role");
    auto const sa_url = w.mapped("a", {"李梅", role::branch_secretary(), w.branch_a});
    auto const other = w.login_role("other");
    auto sa = server_world::open(sa_url);
    CHECK_THROWS_AS(grant_server_principal(sa, other, {"x", role::analyst(), w.branch_a}), access_denied);
    // Granting again changes the mapping; the list shows it.
    grant_server_principal(w.owner, other, {"钱进", role::analyst(), w.street});
    grant_server_principal(w.owner, other, {"钱进", role::analyst(), w.branch_b});
    auto const list = server_principals(w.owner);
    REQUIRE(list.size() == 2);
    CHECK(list[1] == server_principal{other, {"钱进", role::analyst(), w.branch_b}});
    auto db = session(w.url_of(other));
    CHECK(ids_of(db, "SELECT id FROM members") == ids(w.b));
    // An analyst writes nothing, even in plain SQL.
    CHECK_THROWS_WITH(db.exec("UPDATE members SET post = 'x'"), Catch::Contains("permission denied"));
}

}  // namespace postgres_row_security_test_cases
