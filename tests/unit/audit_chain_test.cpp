// The tamper-evident audit trail (storage/audit_chain.hpp): the chain is checked against files altered
// through raw SQLite, the way someone holding the file would alter it (triggers dropped first).

#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include "test_support.hpp"

namespace audit_chain_test_cases {

using namespace dangyuan;
using test::d;

namespace {

// A store file with a few entries of each kind: organisations, a member, a bulk import, a standing
// event, a recorded access. Returns the number of audit entries.
std::int64_t make_store(std::filesystem::path const& path) {
    auto s = open_store(path, {.actor = "组织委员"});
    auto const [c, b] = test::add_committee_and_branch(s);
    auto const id = s.add_member(test::full_member(b, "孙七", d(2010, 7, 1), 1), "接收转入");
    std::vector<member> batch{test::full_member(b, "郑十", d(2012, 7, 1), 3),
                              test::full_member(b, "王五", d(2013, 7, 1), 4)};
    (void)s.add_members(batch, "首次导入");
    s.record_standing(id, {standing_event_kind::died, d(2020, 1, 1), "", ""});
    s.record_access("member 1", "核对");
    return static_cast<std::int64_t>(s.audit_log().size());
}

// Runs SQL on the file as an attacker would: the append-only triggers dropped first.
void tamper(std::filesystem::path const& path, std::string const& sql) {
    SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE);
    raw.exec("DROP TRIGGER IF EXISTS audit_no_update; DROP TRIGGER IF EXISTS audit_no_delete;");
    raw.exec(sql);
}

audit_verification verify(std::filesystem::path const& path) {
    return open_store(path, {.read_only = true}).verify_audit();
}

// The documented encoding, computed here independently of the library's.
std::string netstrings(std::string_view prev, audit_entry const& e) {
    std::string out;
    for (std::string const& part : {std::string(prev), std::to_string(e.seq), e.at, e.actor, e.entity,
                                    std::to_string(e.entity_id), e.action, e.why, e.detail})
        out += std::to_string(part.size()) + ":" + part + ",";
    return out;
}

}  // namespace

TEST_CASE("audit chain: the hash is SHA-256 of the documented netstring encoding", "[audit][chain]") {
    audit_entry const e{1, "2026-01-05T08:00:00Z", "clerk", "org", 1, "insert", "", "name=区委"};
    CHECK(netstrings(audit_chain_genesis, e) ==
          "64:0000000000000000000000000000000000000000000000000000000000000000,1:1,20:2026-01-05T08:00:00Z,"
          "5:clerk,3:org,1:1,6:insert,0:,11:name=区委,");
    // printf '%s' '<the bytes above>' | sha256sum
    CHECK(audit_entry_hash(audit_chain_genesis, e) ==
          "f51de5dbd89d477229f1e25a4b16d75e263c46ca44c7c167d4b9d755d2e2aef1");
    // Every field is covered, and a field's bytes cannot move into its neighbour.
    auto const h = audit_entry_hash(audit_chain_genesis, e);
    auto moved = e;
    moved.why = "name=";
    moved.detail = "区委";
    CHECK(audit_entry_hash(audit_chain_genesis, moved) != h);
    auto other_prev = std::string(audit_chain_genesis);
    other_prev[63] = '1';
    CHECK(audit_entry_hash(other_prev, e) != h);
    auto other_seq = e;
    other_seq.seq = 2;
    CHECK(audit_entry_hash(audit_chain_genesis, other_seq) != h);
}

TEST_CASE("audit chain: an untouched store verifies, every entry chained to the one before",
          "[audit][chain]") {
    auto const dir = test::temp_dir("chain-intact");
    auto const path = dir / "s.db";
    auto const n = make_store(path);
    auto const v = verify(path);
    CHECK(v.ok);
    CHECK(v.entries_checked == n);
    CHECK_FALSE(v.first_bad_seq);
    CHECK(v.message.find("intact") != std::string::npos);
    CHECK(v.head_seq == n);
    // The stored hashes are those of the documented encoding, chained from 64 zeros.
    SQLite::Database raw(path.string(), SQLite::OPEN_READONLY);
    SQLite::Statement st(raw, "SELECT hash FROM audit ORDER BY seq");
    std::string prev(audit_chain_genesis);
    for (auto const& e : open_store(path, {.read_only = true}).audit_log()) {
        REQUIRE(st.executeStep());
        auto const expected = audit_entry_hash(prev, e);
        CHECK(st.getColumn(0).getString() == expected);
        prev = expected;
    }
    CHECK(v.head_hash == prev);
    // An empty trail is intact too.
    auto const empty = open_store(test::fresh_store_location()).verify_audit();
    CHECK(empty.ok);
    CHECK(empty.entries_checked == 0);
    CHECK(empty.head_hash == audit_chain_genesis);
    std::filesystem::remove_all(dir);
}

TEST_CASE("audit chain: an edited field of an entry is found at that entry", "[audit][chain]") {
    auto const dir = test::temp_dir("chain-edit");
    auto const path = dir / "s.db";
    auto const n = make_store(path);
    for (auto const& [seq, sql] : std::vector<std::pair<int, std::string>>{
             {3, "UPDATE audit SET why = '' WHERE seq = 3"},
             {1, "UPDATE audit SET actor = 'nobody' WHERE seq = 1"},
             {5, "UPDATE audit SET at = '2020-01-01T00:00:00Z' WHERE seq = 5"},
             {2, "UPDATE audit SET entity_id = 7 WHERE seq = 2"}}) {
        DYNAMIC_SECTION("entry " << seq) {
            std::filesystem::copy_file(path, dir / "t.db", std::filesystem::copy_options::overwrite_existing);
            tamper(dir / "t.db", sql);
            auto const v = verify(dir / "t.db");
            CHECK_FALSE(v.ok);
            REQUIRE(v.first_bad_seq);
            CHECK(*v.first_bad_seq == seq);
            CHECK(v.entries_checked == seq);
            CHECK(v.message.find("changed") != std::string::npos);
            CHECK(v.head_seq == seq - 1);
        }
    }
    // The last entry, changed.
    tamper(path, "UPDATE audit SET detail = 'member 2' WHERE seq = " + std::to_string(n));
    auto const v = verify(path);
    CHECK_FALSE(v.ok);
    CHECK(v.first_bad_seq == n);
    std::filesystem::remove_all(dir);
}

TEST_CASE("audit chain: a removed entry is found by its seq", "[audit][chain]") {
    auto const dir = test::temp_dir("chain-delete");
    auto const path = dir / "s.db";
    (void)make_store(path);
    for (int seq : {1, 3}) {
        DYNAMIC_SECTION("entry " << seq) {
            std::filesystem::copy_file(path, dir / "t.db", std::filesystem::copy_options::overwrite_existing);
            tamper(dir / "t.db", "DELETE FROM audit WHERE seq = " + std::to_string(seq));
            auto const v = verify(dir / "t.db");
            CHECK_FALSE(v.ok);
            CHECK(v.first_bad_seq == seq);
            CHECK(v.message.find("removed") != std::string::npos);
        }
    }
    // Two in a row.
    tamper(path, "DELETE FROM audit WHERE seq IN (3, 4)");
    auto const v = verify(path);
    CHECK(v.first_bad_seq == 3);
    CHECK(v.message.find("3 to 4 removed") != std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST_CASE("audit chain: an inserted entry is found by its seq", "[audit][chain]") {
    auto const dir = test::temp_dir("chain-insert");
    auto const path = dir / "s.db";
    auto const n = make_store(path);
    auto const next = std::to_string(n + 1);
    SECTION("appended with a made-up hash") {
        tamper(path,
               "INSERT INTO audit(seq, at, actor, entity, entity_id, action, why, detail, hash) "
               "SELECT " +
                   next +
                   ", at, actor, 'member', 2, 'update', '', 'name=李四', hash "
                   "FROM audit WHERE seq = " +
                   std::to_string(n));
        auto const v = verify(path);
        CHECK_FALSE(v.ok);
        CHECK(v.first_bad_seq == n + 1);
        CHECK(v.entries_checked == n + 1);
    }
    SECTION("appended without a hash") {
        tamper(path,
               "INSERT INTO audit(at, actor, entity, entity_id, action) "
               "VALUES('2026-01-01T00:00:00Z', 'x', 'member', 2, 'update')");
        auto const v = verify(path);
        CHECK(v.first_bad_seq == n + 1);
        CHECK(v.message.find("no hash") != std::string::npos);
    }
    SECTION("put in place of an entry that was moved up") {
        // Entries 4.. shifted up by one and a forged entry 4 put in the gap: 4 is reported as inserted.
        tamper(path,
               "UPDATE audit SET seq = seq + 1000 WHERE seq >= 4;"
               "UPDATE audit SET seq = seq - 999 WHERE seq > 1000;"
               "INSERT INTO audit(seq, at, actor, entity, entity_id, action, why, detail, hash) "
               "VALUES(4, '2026-01-01T00:00:00Z', 'x', 'member', 9, 'insert', '', '', "
               "'0000000000000000000000000000000000000000000000000000000000000000')");
        auto const v = verify(path);
        CHECK_FALSE(v.ok);
        CHECK(v.first_bad_seq == 4);
    }
    std::filesystem::remove_all(dir);
}

TEST_CASE("audit chain: a rejected command leaves the chain intact, the next write chains on",
          "[audit][chain]") {
    auto const dir = test::temp_dir("chain-rejected");
    auto const path = dir / "s.db";
    auto const n = make_store(path);
    {
        auto s = open_store(path);
        auto const before = test::store_hash(path);
        auto dup = test::full_member(org_id{2}, "吴九", d(2012, 7, 1), 1);
        dup.id_number = s.get_member(member_id{1}).id_number;
        dup.birth_date = s.get_member(member_id{1}).birth_date;
        CHECK_THROWS_AS(s.add_member(dup), conflict);
        CHECK_THROWS_AS(s.record_access("x", ""), invalid_input);
        CHECK(test::store_hash(path) == before);
        // A failed call inside a transaction is undone with its audit entry; the others land chained.
        {
            store::transaction tx(s);
            s.record_access("member 1", "复核");
            CHECK_THROWS_AS(s.add_member(dup), conflict);
            s.record_access("member 2", "复核");
            tx.commit();
        }
        auto const v = s.verify_audit();
        CHECK(v.ok);
        CHECK(v.entries_checked == n + 2);
        CHECK(s.audit_log().back().seq == n + 2);
    }
    std::filesystem::remove_all(dir);
}

TEST_CASE("audit chain: a pre-migration entry changed after the migration is found at its seq",
          "[audit][chain][migration]") {
    auto const dir = test::temp_dir("chain-old");
    auto const path = dir / "v1.db";
    {
        SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        raw.exec(test::file_bytes(std::filesystem::path(DANGYUAN_FIXTURE_DIR) / "store-v1.sql"));
    }
    { auto s = open_store(path); }
    REQUIRE(verify(path).ok);
    tamper(path, "UPDATE audit SET detail = 'name=李四' WHERE seq = 3");
    auto const v = verify(path);
    CHECK_FALSE(v.ok);
    CHECK(v.first_bad_seq == 3);
    std::filesystem::remove_all(dir);
}

}  // namespace audit_chain_test_cases
