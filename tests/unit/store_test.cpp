#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <thread>

#include "test_support.hpp"

namespace store_test_cases {

using namespace dangyuan;
using test::d;

namespace {
template <class E, class F>
E caught(F&& f) {
    try {
        f();
    } catch (E const& e) {
        return e;
    }
    FAIL("expected exception not thrown");
    throw;
}

// The logical content of a store file: its schema and every row of every table, in key order. Equal for
// two states that hold the same records, whatever pages or journal they are in.
std::string store_content(std::filesystem::path const& path) {
    SQLite::Database raw(path.string(), SQLite::OPEN_READONLY);
    std::string out;
    std::vector<std::string> tables;
    SQLite::Statement schema(raw,
                             "SELECT type, name, coalesce(sql, '') FROM sqlite_master ORDER BY type, name");
    while (schema.executeStep()) {
        out += schema.getColumn(0).getString() + " " + schema.getColumn(1).getString() + ": " +
               schema.getColumn(2).getString() + "\n";
        if (schema.getColumn(0).getString() == "table") tables.push_back(schema.getColumn(1).getString());
    }
    for (auto const& t : tables) {
        SQLite::Statement rows(raw, "SELECT * FROM \"" + t + "\"");
        while (rows.executeStep()) {
            out += t;
            for (int i = 0; i < rows.getColumnCount(); ++i)
                out +=
                    "|" + std::to_string(rows.getColumn(i).getType()) + ":" + rows.getColumn(i).getString();
            out += "\n";
        }
    }
    return out;
}

// The journal mode of a store file as a new connection finds it ("wal", "delete", ...).
std::string journal_mode(std::filesystem::path const& path) {
    SQLite::Database raw(path.string(), SQLite::OPEN_READONLY);
    return raw.execAndGet("PRAGMA journal_mode").getString();
}

// `n` full members of `branch` with distinct ID numbers (a hundred sequence numbers on each admission day
// from `first`, which no 29 February may follow within n / 100 days: two birth dates would be one), named
// 党员0, 党员1, ...
std::vector<member> bulk_batch(org_id branch, std::size_t n, date::sys_days first = d(2001, 1, 1)) {
    std::vector<member> batch;
    for (std::size_t i = 0; i < n; ++i) {
        auto const admitted = first + date::days{static_cast<int>(i / 100)};
        batch.push_back(
            test::full_member(branch, "党员" + std::to_string(i), admitted, static_cast<int>(i % 100)));
    }
    return batch;
}
}  // namespace

TEST_CASE("store: organisations persist with their tree, scope covers a subtree", "[store]") {
    test::district t;
    CHECK(t.store.orgs().size() == 5);
    auto const street = t.store.orgs(scope::subtree(t.street));
    REQUIRE(street.size() == 3);
    CHECK(street[0].id == t.street);
    CHECK(street[1].name == "第一社区党支部");
    CHECK(t.store.org(t.branch_a).village_or_community);
    CHECK(t.store.org(t.branch_a).version == 1);
    CHECK_THROWS_AS(t.store.org(org_id{99}), not_found);
    CHECK_THROWS_AS(t.store.orgs(scope::subtree(org_id{99})), not_found);
    CHECK_THROWS_AS(
        t.store.add_org(
            {.name = "x", .kind = org_kind::branch, .parent = org_id{99}, .established = d(2010, 1, 1)}),
        not_found);
}

TEST_CASE("store: members round-trip every field; duplicates of an ID number are a conflict", "[store]") {
    test::district t;
    auto m = test::full_member(t.branch_a, "张三", d(2010, 7, 1), 1);
    m.ethnicity = ethnicity::hui;
    m.education = education::undergraduate_graduated;
    m.category = personnel_category::worker;
    m.work_unit = "城关街道办事处";
    m.post = "科员";
    m.native_place = "山东济南";
    m.phone = "13800138000";
    m.address = "城关街道1号";
    auto const id = t.store.add_member(m);
    auto const back = t.store.get_member(id);
    m.id = id;
    m.version = 1;
    CHECK(back == m);
    CHECK(t.store.find_member(*m.id_number)->id == id);

    auto dup = test::full_member(t.branch_b, "张三二", d(2011, 7, 1), 1);
    dup.id_number = m.id_number;
    dup.birth_date = m.birth_date;
    auto const e = caught<conflict>([&] { t.store.add_member(dup); });
    CHECK_THAT(e.what(), Catch::Contains("already belongs to member"));
    CHECK(t.store.member_count() == 1);
}

TEST_CASE("store: members belong to an existing branch on the date they joined it", "[store]") {
    test::district t;
    auto m = test::full_member(t.street, "李四", d(2010, 7, 1));
    CHECK(caught<invalid_input>([&] { t.store.add_member(m); }).field() == "branch");
    m.branch = t.branch_b;  // established 2005-06-01
    m.joined_branch = d(2005, 5, 31);
    m.admission_date = d(2004, 1, 1);
    m.application_date = d(2003, 1, 1);
    m.full_member_date = d(2005, 1, 1);
    CHECK(caught<invalid_input>([&] { t.store.add_member(m); }).field() == "joined_branch");
    m.branch = org_id{404};
    CHECK_THROWS_AS(t.store.add_member(m), not_found);
    CHECK(t.store.member_count() == 0);
}

TEST_CASE("store: a stale version is refused with conflict; a fresh one bumps the version", "[store]") {
    test::district t;
    auto const id = t.store.add_member(test::full_member(t.branch_a, "王五", d(2010, 7, 1)));
    auto a = t.store.get_member(id);
    auto b = a;
    a.phone = "13900000001";
    t.store.update_member(a, "电话变更");
    CHECK(t.store.get_member(id).version == 2);
    b.address = "新地址";
    CHECK_THROWS_AS(t.store.update_member(b), conflict);
    CHECK(t.store.get_member(id).address.empty());

    auto o = t.store.org(t.branch_b);
    auto stale = o;
    o.name = "机关第二党支部（更名）";
    t.store.update_org(o);
    stale.name = "另一个名字";
    CHECK_THROWS_AS(t.store.update_org(stale), conflict);
    CHECK(t.store.org(t.branch_b).name == "机关第二党支部（更名）");
    auto cyc = t.store.org(t.street);
    cyc.parent = t.branch_a;
    CHECK(caught<invalid_input>([&] { t.store.update_org(cyc); }).field() == "parent");
}

TEST_CASE("store: every write lands in the append-only audit trail", "[store][audit]") {
    auto const dir = test::temp_dir("audit");
    auto const path = dir / "audit.db";
    {
        auto s = open_store(path, {.actor = "clerk-1"});
        auto const [c, b] = test::add_committee_and_branch(s);
        auto const id = s.add_member(test::full_member(b, "赵六", d(2010, 7, 1)), "新建档案");
        auto m = s.get_member(id);
        m.phone = "13700001234";
        s.set_actor("clerk-2");
        s.update_member(m, "电话变更");
        s.record_standing(id, {standing_event_kind::suspended, d(2020, 1, 1), "失联", "支部大会"});
        auto const log = s.audit_log();
        REQUIRE(log.size() == 5);
        CHECK(log[2].entity == "member");
        CHECK(log[2].action == "insert");
        CHECK(log[2].actor == "clerk-1");
        CHECK(log[2].why == "新建档案");
        CHECK_THAT(log[2].detail, Catch::Contains("id_number=110101"));
        CHECK_THAT(log[2].detail, !Catch::Contains(m.id_number->str()));  // masked
        CHECK(log[3].actor == "clerk-2");
        CHECK_THAT(log[3].detail, Catch::Contains("phone: - -> 137****1234"));
        CHECK(log[4].entity == "standing");
        CHECK(log[4].action == "suspended");
        CHECK(s.audit_log(log[3].seq).size() == 1);
    }
    SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE);
    CHECK_THROWS_WITH(raw.exec("UPDATE audit SET actor = 'nobody'"), Catch::Contains("append-only"));
    CHECK_THROWS_WITH(raw.exec("DELETE FROM audit"), Catch::Contains("append-only"));
    std::filesystem::remove_all(dir);
}

TEST_CASE("store: a rejected command leaves the file byte-for-byte as before", "[store]") {
    auto const dir = test::temp_dir("bytes");
    auto const path = dir / "bytes.db";
    auto s = open_store(path);
    auto const [c, b] = test::add_committee_and_branch(s);
    auto const id = s.add_member(test::full_member(b, "孙七", d(2010, 7, 1), 1));
    s.record_standing(id, {standing_event_kind::expelled, d(2020, 1, 1), "严重违纪", "党委"});
    auto const before = test::store_hash(path);

    auto bad_id = test::full_member(b, "周八", d(2011, 7, 1), 2);
    bad_id.sex = sex::female;  // disagrees with the ID number
    CHECK_THROWS_AS(s.add_member(bad_id), rule_violation);
    CHECK_THROWS_AS(s.record_standing(id, {standing_event_kind::restored, d(2021, 1, 1), "", ""}),
                    rule_violation);
    auto stale = s.get_member(id);
    stale.version = 0;
    CHECK_THROWS_AS(s.update_member(stale), conflict);
    auto dup = test::full_member(b, "吴九", d(2012, 7, 1), 1);
    dup.id_number = s.get_member(id).id_number;
    dup.birth_date = s.get_member(id).birth_date;
    CHECK_THROWS_AS(s.add_member(dup), conflict);
    std::vector<member> batch{test::full_member(b, "郑十", d(2012, 7, 1), 3),
                              test::full_member(b, "", d(2012, 7, 1), 4)};
    CHECK(caught<invalid_input>([&] { s.add_members(batch); }).reason().find("row 2") != std::string::npos);
    CHECK_THROWS_AS(
        s.add_org({.name = "", .kind = org_kind::branch, .parent = c, .established = d(2000, 1, 1)}),
        invalid_input);
    CHECK(test::store_hash(path) == before);
    CHECK(s.member_count() == 1);
    std::filesystem::remove_all(dir);
}

TEST_CASE("store: bulk insert is all or nothing and the roster filters by scope and date", "[store]") {
    test::district t;
    std::vector<member> batch;
    for (int i = 0; i < 40; ++i)
        batch.push_back(test::full_member(i % 2 ? t.branch_a : t.branch_b, "党员" + std::to_string(i),
                                          d(2006 + i % 20, 7, 1), i));
    auto const ids = t.store.add_members(batch, "首次导入");
    REQUIRE(ids.size() == 40);
    CHECK(t.store.member_count() == 40);
    CHECK(t.store.audit_log().back().action == "bulk_insert");
    CHECK(t.store.roster().size() == 40);
    CHECK(t.store.roster(scope::subtree(t.branch_a)).size() == 20);
    CHECK(t.store.roster(scope::subtree(t.village)).empty());
    CHECK(t.store.roster(scope::all(), d(2015, 7, 1)).size() == 20);  // admitted 2006..2015
    CHECK(t.store.roster(scope::all(), d(2015, 6, 30)).size() == 18);
    t.store.record_standing(ids[0], {standing_event_kind::died, d(2016, 1, 1), "", ""});
    CHECK(t.store.roster(scope::all(), d(2016, 1, 1)).size() == 19);  // ids[0] left on 2016-01-01
    CHECK(t.store.roster(scope::all(), d(2015, 12, 31)).size() == 20);
    std::vector<member> bad = batch;
    bad[7].application_date = add_years(bad[7].birth_date, 17);  // applied at 17
    CHECK_THROWS_AS(t.store.add_members(bad), rule_violation);
    CHECK(t.store.member_count() == 40);
}

TEST_CASE("store: standing is replayed after reopening; party age comes from the store",
          "[store][standing]") {
    auto const dir = test::temp_dir("replay");
    auto const path = dir / "replay.db";
    member_id id;
    {
        auto s = open_store(path);
        auto const [c, b] = test::add_committee_and_branch(s);
        id = s.add_member(test::full_member(b, "冯一", d(2009, 7, 1)));
        s.record_standing(id, {standing_event_kind::suspended, d(2015, 3, 1), "失联超过6个月", "支部"});
        s.record_standing(id, {standing_event_kind::restored, d(2016, 3, 1), "恢复联系", "支部"});
    }
    auto s = open_store(path);
    CHECK(s.standing_history(id).size() == 2);
    CHECK(s.standing_on(id, d(2015, 6, 1))->state == standing_state::suspended);
    CHECK(s.standing_on(id, d(2016, 6, 1))->state == standing_state::normal);
    CHECK(s.party_age(id, d(2020, 7, 1)) == 10);
    CHECK_THROWS_AS(s.standing_history(member_id{77}), not_found);
    std::filesystem::remove_all(dir);
}

TEST_CASE("支部工作条例 第20条 [C] org.committee_size: the store checks a leadership against the roster",
          "[store][org]") {
    test::district t;
    std::vector<member_id> ids;
    for (int i = 0; i < 7; ++i)
        ids.push_back(
            t.store.add_member(test::full_member(t.branch_b, "委员" + std::to_string(i), d(2010, 7, 1), i)));
    auto const prob = t.store.add_member([&] {
        auto m = test::full_member(t.branch_b, "预备", d(2025, 7, 1), 9);
        m.full_member_date.reset();
        return m;
    }());
    std::vector<officer> seats{{ids[0], officer_role::secretary, ""},
                               {ids[1], officer_role::committee_member, "组织委员"},
                               {ids[2], officer_role::committee_member, "宣传委员"}};
    t.store.set_leadership(t.branch_b, d(2024, 1, 15), seats, "换届选举");
    CHECK(t.store.leadership(t.branch_b, d(2024, 1, 15)) == seats);
    CHECK(t.store.leadership(t.branch_b, d(2024, 1, 14)).empty());
    std::vector<officer> with_probationary{{prob, officer_role::secretary, ""}};
    CHECK(caught<rule_violation>([&] {
              t.store.set_leadership(t.branch_b, d(2026, 1, 1), with_probationary);
          }).rule_id() == "org.officers_full_members");
    std::vector<officer> two{{ids[0], officer_role::secretary, ""},
                             {ids[1], officer_role::deputy_secretary, ""}};
    CHECK(caught<rule_violation>([&] { t.store.set_leadership(t.branch_b, d(2026, 1, 1), two); }).rule_id() ==
          "org.committee_size");
    CHECK(t.store.leadership(t.branch_b, d(2026, 1, 1)) == seats);  // unchanged
}

TEST_CASE("store: files from a newer version and foreign SQLite files are refused without being touched",
          "[store]") {
    auto const dir = test::temp_dir("versions");
    auto const newer = dir / "newer.db";
    { auto s = open_store(newer); }
    {
        SQLite::Database raw(newer.string(), SQLite::OPEN_READWRITE);
        raw.exec("PRAGMA user_version = 99");
    }
    auto const before = test::file_bytes(newer);
    auto const e = caught<storage_error>([&] { (void)open_store(newer); });
    CHECK_THAT(e.what(), Catch::Contains("99") && Catch::Contains("newer"));
    CHECK(test::file_bytes(newer) == before);

    auto const foreign = dir / "foreign.db";
    {
        SQLite::Database raw(foreign.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        raw.exec("CREATE TABLE t(x)");
    }
    CHECK_THAT(caught<storage_error>([&] { (void)open_store(foreign); }).what(),
               Catch::Contains("not a dangyuan store"));
    CHECK_THROWS_AS(open_store(dir / "missing.db", {.create = false}), storage_error);
    std::filesystem::remove_all(dir);
}

TEST_CASE("store: lookups by name and by ID numbers, bulk standing histories, access notes", "[store]") {
    test::district t;
    auto const a = t.store.add_member(test::full_member(t.branch_a, "王芳", d(2010, 7, 1), 1, sex::female));
    auto const b = t.store.add_member(test::full_member(t.branch_b, "王芳", d(2011, 7, 1), 2, sex::female));
    t.store.add_member(test::full_member(t.village, "李强", d(2012, 7, 1), 3));
    auto const same = t.store.find_members_by_name("王芳");
    REQUIRE(same.size() == 2);
    CHECK(same[0].id == a);
    CHECK(same[1].id == b);
    CHECK(t.store.find_members_by_name("无此人").empty());
    std::vector<citizen_id> const wanted{*t.store.get_member(b).id_number,
                                         citizen_id::parse(test::id_for(d(1970, 1, 1), sex::male, 99))};
    auto const found = t.store.find_members(wanted);
    REQUIRE(found.size() == 1);
    CHECK(found[0].id == b);
    // One statement for the set, the answer still in the order asked and once per number asked.
    std::vector<citizen_id> const asked{*t.store.get_member(b).id_number, *t.store.get_member(a).id_number,
                                        *t.store.get_member(b).id_number};
    auto const in_order = t.store.find_members(asked);
    REQUIRE(in_order.size() == 3);
    CHECK(in_order[0].id == b);
    CHECK(in_order[1].id == a);
    CHECK(in_order[2].id == b);

    t.store.record_standing(a, {standing_event_kind::suspended, d(2020, 1, 1), "失联", "支部"});
    t.store.record_standing(a, {standing_event_kind::restored, d(2021, 1, 1), "恢复联系", "支部"});
    t.store.record_standing(b, {standing_event_kind::died, d(2022, 1, 1), "", ""});
    auto const all = t.store.standing_histories();
    REQUIRE(all.size() == 2);
    CHECK(all[0].first == a);
    CHECK(all[0].second.size() == 2);
    CHECK(all[0].second[1].kind == standing_event_kind::restored);
    auto const scoped = t.store.standing_histories(scope::subtree(t.branch_b));
    REQUIRE(scoped.size() == 1);
    CHECK(scoped[0].first == b);

    auto const before = t.store.audit_log().size();
    CHECK(caught<invalid_input>([&] { t.store.record_access("roster export", ""); }).field() == "why");
    t.store.record_access("roster export, 3 members, unmasked", "组织部年度核查");
    auto const log = t.store.audit_log();
    REQUIRE(log.size() == before + 1);
    CHECK(log.back().entity == "access");
    CHECK(log.back().why == "组织部年度核查");
}

TEST_CASE(
    "store: a duplicate ID number inside one bulk insert is a conflict naming the holder; nothing is written",
    "[store]") {
    test::district t;
    auto const first = test::full_member(t.branch_a, "甲", d(2010, 7, 1), 5);
    auto second = test::full_member(t.branch_b, "乙", d(2010, 7, 1), 5);
    std::vector<member> batch{first, second};
    auto const e = caught<conflict>([&] { t.store.add_members(batch); });
    CHECK_THAT(e.what(), Catch::Contains("already belongs to member"));
    CHECK(t.store.member_count() == 0);
}

TEST_CASE("store: the bulk page cache follows the roster size between 64 MiB and 1 GiB", "[store]") {
    STATIC_REQUIRE(bulk_cache_kib(0) == 64 * 1024);
    STATIC_REQUIRE(bulk_cache_kib(1'000'000) == 64 * 1024);  // 61 MiB of index: the minimum
    STATIC_REQUIRE(bulk_cache_kib(2'000'000) == 125'000);    // 64 bytes per member
    STATIC_REQUIRE(bulk_cache_kib(10'000'000) == 625'000);
    STATIC_REQUIRE(bulk_cache_kib(100'000'000) == 1024 * 1024);  // the maximum
}

TEST_CASE(
    "store: a bulk insert large enough for the bulk cache is all or nothing, record for record, indexes kept",
    "[store]") {
    auto const dir = test::temp_dir("bulk-cache");
    auto const path = dir / "bulk.db";
    {
        auto s = open_store(path);
        auto const [c, b] = test::add_committee_and_branch(s);
        auto batch = bulk_batch(b, bulk_cache_min_rows);
        auto dup = batch.front();
        dup.name = "重号";
        batch.back() = dup;  // the last row repeats the first one's ID number
        // The indexes of the members table as the schema defines them.
        auto const indexes = [&] {
            SQLite::Database raw(path.string(), SQLite::OPEN_READONLY);
            SQLite::Statement q(raw,
                                "SELECT name, coalesce(sql, '') FROM sqlite_master WHERE type = 'index' AND "
                                "tbl_name = 'members' ORDER BY name");
            std::vector<std::string> out;
            while (q.executeStep())
                out.push_back(q.getColumn(0).getString() + ": " + q.getColumn(1).getString());
            return out;
        };
        auto const schema_indexes = indexes();
        REQUIRE(schema_indexes.size() == 3);  // branch, name and the ID number's UNIQUE index
        auto const before = store_content(path);
        // Found when the ID number's index is built after the rows; the holder is the batch's first row.
        auto const e = caught<conflict>([&] { s.add_members(batch); });
        CHECK_THAT(e.what(), Catch::Contains("already belongs to member 1 (党员0)"));
        CHECK(s.member_count() == 0);
        // The same records (the batch went past the write-ahead log, which moved the earlier pages from
        // the log into the file: the same content in other bytes), and the file in WAL mode again.
        CHECK(store_content(path) == before);
        CHECK(journal_mode(path) == "wal");

        batch.pop_back();
        auto const ids = s.add_members(batch, "首次导入");
        REQUIRE(ids.size() == bulk_cache_min_rows - 1);
        CHECK(s.member_count() == static_cast<std::int64_t>(bulk_cache_min_rows - 1));
        // The batch was larger than the roster: its secondary indexes were dropped and built again.
        CHECK(indexes() == schema_indexes);
        CHECK(s.find_members_by_name("党员9998").size() == 1);
        CHECK(s.get_member(ids.back()) == [&] {
            auto m = batch.back();
            m.id = ids.back();
            m.version = 1;
            return m;
        }());
    }
    std::filesystem::remove_all(dir);
}

TEST_CASE(
    "store: a bulk batch no other connection sees goes past the write-ahead log, and through it "
    "when one is open",
    "[store][bulk]") {
    auto const dir = test::temp_dir("bulk-journal");
    auto const path = dir / "bulk.db";
    auto const wal_bytes = [&] {
        std::error_code ec;
        auto const n = std::filesystem::file_size(path.string() + "-wal", ec);
        return ec ? std::uintmax_t{0} : n;
    };
    {
        auto s = open_store(path);
        auto const [c, b] = test::add_committee_and_branch(s);
        auto const batch = bulk_batch(b, bulk_cache_min_rows);
        // Alone: the rows go into the file with the rollback journal; the log holds none of them.
        REQUIRE(s.add_members(batch, "首次导入").size() == bulk_cache_min_rows);
        CHECK(journal_mode(path) == "wal");
        CHECK(wal_bytes() < 64 * 1024);
        CHECK(s.verify_audit().ok);

        // With a reader open on the file: the switch is refused, and the batch (as large as the roster
        // again) goes through the log as before. The reader reads on, and then sees the new rows.
        SQLite::Database reader(path.string(), SQLite::OPEN_READONLY);
        CHECK(reader.execAndGet("SELECT count(*) FROM members").getInt64() ==
              static_cast<std::int64_t>(bulk_cache_min_rows));
        auto const second = bulk_batch(b, bulk_cache_min_rows, d(2005, 3, 1));  // other ID numbers
        REQUIRE(s.add_members(second, "第二批").size() == bulk_cache_min_rows);
        CHECK(wal_bytes() > 1024 * 1024);  // the batch's pages passed through the log
        CHECK(journal_mode(path) == "wal");
        CHECK(reader.execAndGet("SELECT count(*) FROM members").getInt64() ==
              2 * static_cast<std::int64_t>(bulk_cache_min_rows));
        CHECK(s.verify_audit().ok);
    }
    std::filesystem::remove_all(dir);
}

TEST_CASE(
    "store: a large batch, checked on two threads, reports the first failing row, its own checks "
    "before its branch's",
    "[store][bulk]") {
    auto t = open_store(":memory:");
    auto const [c, b] = test::add_committee_and_branch(t);
    auto const batch = bulk_batch(b, bulk_cache_min_rows);  // two halves of 5 000 rows
    auto const refused = [&](std::map<std::size_t, std::function<void(member&)>> const& changes) {
        auto copy = batch;
        for (auto const& [row, change] : changes)
            change(copy[row]);
        try {
            (void)t.add_members(copy);
        } catch (std::exception const& e) {
            CHECK(t.member_count() == 0);
            return std::string(e.what());
        }
        FAIL("the batch was accepted");
        return std::string();
    };
    auto const nameless = [](member& m) { m.name.clear(); };
    auto const elsewhere = [](member& m) { m.branch = org_id{999}; };
    // Both in the second half: the earlier one.
    CHECK_THAT(refused({{9000, nameless}, {7000, nameless}}), Catch::StartsWith("name: row 7001:"));
    // One in each half: the first half's.
    CHECK_THAT(refused({{2, nameless}, {8000, nameless}}), Catch::StartsWith("name: row 3:"));
    // A branch refused before a later row's own checks, and after an earlier row's.
    CHECK_THAT(refused({{3, elsewhere}, {6000, nameless}}), Catch::Contains("999"));
    CHECK_THAT(refused({{6000, elsewhere}, {5000, nameless}}), Catch::StartsWith("name: row 5001:"));
    CHECK_THAT(refused({{5000, elsewhere}, {5001, nameless}}), Catch::Contains("999"));
}

TEST_CASE(
    "store: a bulk batch past the write-ahead log killed at any point leaves all or nothing, in WAL "
    "mode",
    "[store][bulk]") {
    auto const dir = test::temp_dir("bulk-kill");
    auto const path = dir / "bulk.db";
    org_id branch;
    {
        auto s = open_store(path);
        branch = test::add_committee_and_branch(s).branch;
    }
    auto const batch = bulk_batch(branch, 4 * bulk_cache_min_rows);
    auto const before = store_content(path);
    auto const start = dir / "start.db";
    std::filesystem::copy_file(path, start);
    // A child writes the batch and is killed after a delay, from before it starts to its end; the last
    // one is not killed.
    int done = 0;
    for (int delay_ms : {0, 5, 20, 60, 120, 250, 500, -1}) {
        INFO("killed after " << delay_ms << " ms");
        std::filesystem::remove(path.string() + "-wal");
        std::filesystem::remove(path.string() + "-shm");
        std::filesystem::remove(path.string() + "-journal");
        std::filesystem::copy_file(start, path, std::filesystem::copy_options::overwrite_existing);
        pid_t const child = ::fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            try {
                auto s = open_store(path);
                (void)s.add_members(batch, "导入");
            } catch (...) {
                ::_exit(2);
            }
            ::_exit(0);
        }
        if (delay_ms >= 0) {
            std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
            ::kill(child, SIGKILL);
        }
        int status = 0;
        ::waitpid(child, &status, 0);
        if (delay_ms < 0) CHECK((WIFEXITED(status) && WEXITSTATUS(status) == 0));
        // The next opening rolls a hot journal back and switches the file to WAL again.
        auto s = open_store(path);
        auto const n = s.member_count();
        CHECK((n == 0 || n == static_cast<std::int64_t>(batch.size())));
        if (n == 0) CHECK(store_content(path) == before);
        if (n != 0) ++done;
        CHECK(s.verify_audit().ok);
        CHECK(journal_mode(path) == "wal");
        CHECK_FALSE(std::filesystem::exists(path.string() + "-journal"));
        SQLite::Database raw(path.string(), SQLite::OPEN_READONLY);
        CHECK(raw.execAndGet("PRAGMA integrity_check").getString() == "ok");
    }
    CHECK(done >= 1);  // the batch not killed
    std::filesystem::remove_all(dir);
}

// ---- integrity: transactions, concurrency, read-only, clock, backup and restore

namespace {
// A store on a file with a committee and a branch; the clock pinned to 2026-11-26.
struct file_store {
    std::filesystem::path dir, path;
    store s;
    org_id committee, branch;
    explicit file_store(std::string const& name, store_options o = {})
        : dir(test::temp_dir(name)), path(dir / (name + ".db")), s(open_store(path, pinned(std::move(o)))) {
        auto const orgs = test::add_committee_and_branch(s);
        committee = orgs.committee;
        branch = orgs.branch;
    }
    ~file_store() {
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
    static store_options pinned(store_options o) {
        if (!o.today) o.today = [] { return d(2026, 11, 26); };
        return o;
    }
};
}  // namespace

TEST_CASE("store: a transaction spans several calls, all or nothing; a failed call inside it is undone alone",
          "[store][integrity]") {
    file_store f("tx");
    auto const before = test::store_hash(f.path);
    {
        store::transaction tx(f.s);
        CHECK(f.s.in_transaction());
        (void)f.s.add_member(test::full_member(f.branch, "甲", d(2010, 7, 1), 1));
        (void)f.s.add_member(test::full_member(f.branch, "乙", d(2010, 7, 1), 2));
        CHECK(f.s.member_count() == 2);
        // no commit: destruction rolls back
    }
    CHECK_FALSE(f.s.in_transaction());
    CHECK(f.s.member_count() == 0);
    CHECK(test::store_hash(f.path) == before);

    store::transaction tx(f.s);
    (void)f.s.add_member(test::full_member(f.branch, "甲", d(2010, 7, 1), 1));
    auto dup = test::full_member(f.branch, "丙", d(2010, 7, 1), 1);  // the same ID number as 甲
    CHECK_THROWS_AS(f.s.add_member(dup), conflict);
    (void)f.s.add_member(test::full_member(f.branch, "乙", d(2010, 7, 1), 2));
    CHECK_THROWS_AS(store::transaction(f.s), storage_error);  // one at a time
    tx.commit();
    CHECK(f.s.member_count() == 2);
    CHECK(f.s.audit_log().back().entity == "member");
}

TEST_CASE("store: an update that meets a concurrent change fails whole inside a transaction",
          "[store][integrity]") {
    file_store f("conflict");
    std::vector<member> drafts;
    for (int i = 0; i < 50; ++i)
        drafts.push_back(test::full_member(f.branch, "成员" + std::to_string(i), d(2010, 7, 1), i));
    auto const ids = f.s.add_members(drafts);
    std::vector<member> stale;
    for (auto id : ids)
        stale.push_back(f.s.get_member(id));
    // Someone else changes member 40 through another connection.
    {
        auto other = open_store(f.path, file_store::pinned({}));
        auto m = other.get_member(ids[40]);
        m.phone = "13800000000";
        other.update_member(m);
    }
    auto const before = test::store_hash(f.path);
    auto const apply = [&] {
        store::transaction tx(f.s);
        for (auto m : stale) {
            m.post = "支部委员";
            f.s.update_member(m);
        }
        tx.commit();
    };
    auto const e = caught<conflict>(apply);
    CHECK(std::string(e.what()).find("member " + std::to_string(ids[40].value())) != std::string::npos);
    CHECK(test::store_hash(f.path) == before);
    for (auto id : ids)
        CHECK(f.s.get_member(id).post.empty());
}

TEST_CASE("store: writers on two connections wait for each other instead of failing", "[store][integrity]") {
    file_store f("writers");
    auto const run = [&](int base) {
        auto s = open_store(f.path, file_store::pinned({.actor = "w" + std::to_string(base)}));
        for (int i = 0; i < 40; ++i)
            (void)s.add_member(test::full_member(f.branch, "并发", d(2010, 7, 1), base + i));
    };
    std::string failure;
    std::thread a([&] {
        try {
            run(0);
        } catch (std::exception const& e) {
            failure = e.what();
        }
    });
    std::thread b([&] {
        try {
            run(50);
        } catch (std::exception const& e) {
            failure = e.what();
        }
    });
    a.join();
    b.join();
    CHECK(failure.empty());
    CHECK(f.s.member_count() == 80);
}

TEST_CASE("store: several processes creating the same store at once all succeed", "[store][integrity]") {
    auto const dir = test::temp_dir("creators");
    auto const path = dir / "new.db";
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 4; ++i)
        threads.emplace_back([&] {
            try {
                auto s = open_store(path);
                (void)s.schema_version();
            } catch (std::exception const&) {
                ++failures;
            }
        });
    for (auto& t : threads)
        t.join();
    CHECK(failures == 0);
    CHECK(open_store(path).schema_version() == store::schema_version_latest);
    std::filesystem::remove_all(dir);
}

TEST_CASE("store: read-only opening never creates, migrates or writes", "[store][integrity]") {
    auto const dir = test::temp_dir("readonly");
    auto const missing = dir / "missing.db";
    CHECK_THROWS_AS(open_store(missing, {.read_only = true}), storage_error);
    CHECK_FALSE(std::filesystem::exists(missing));
    auto const empty = dir / "empty.db";
    std::ofstream(empty).close();
    CHECK(caught<storage_error>([&] { (void)open_store(empty, {.read_only = true}); }).what() ==
          "cannot open store '" + empty.string() + "' for reading: the file is empty (0 bytes), not a store");
    CHECK(std::filesystem::file_size(empty) == 0);
    CHECK_THROWS_AS(open_store(dir, {.read_only = true}), storage_error);

    auto const path = dir / "store.db";
    {
        auto w = open_store(path, file_store::pinned({}));
        (void)w.add_org({.name = "区委", .kind = org_kind::higher_committee, .established = d(1990, 1, 1)});
    }
    auto const before = test::store_hash(path);
    {
        auto r = open_store(path, {.read_only = true});
        CHECK(r.read_only());
        CHECK(r.orgs().size() == 1);
        CHECK_THROWS_AS(
            r.add_org({.name = "党委", .kind = org_kind::higher_committee, .established = d(1990, 1, 1)}),
            storage_error);
        CHECK_THROWS_AS(r.record_access("roster", "检查"), storage_error);
        CHECK_THROWS_AS(store::transaction(r), storage_error);
    }
    CHECK(test::store_hash(path) == before);
    std::filesystem::remove_all(dir);
}

TEST_CASE(
    "store: store_exists tells an existing store from a location where opening creates one, which "
    "create = false refuses",
    "[store]") {
    auto const dir = test::temp_dir("exists");
    auto const path = dir / "store.db";
    store_options no_create;
    no_create.create = false;
    CHECK_FALSE(store_exists(":memory:"));
    CHECK_FALSE(store_exists(path));
    CHECK_FALSE(std::filesystem::exists(path));  // it only looked
    CHECK_THROWS_AS(open_store(path, no_create), storage_error);
    CHECK_FALSE(std::filesystem::exists(path));
    (void)open_store(path);
    CHECK(store_exists(path));
    std::filesystem::remove_all(dir);
    // An unreachable server is an error, not "no store".
    CHECK_THROWS_AS(store_exists("postgresql://nobody@127.0.0.1:1/none"), storage_error);
    // On a server (store.postgresql): an empty schema holds no store until the first open creates it.
    if (auto const server = test::postgres_server()) {
        auto const location = test::fresh_postgres_store(*server);
        CHECK_FALSE(store_exists(location));
        CHECK_FALSE(store_exists(location));  // still nothing: it created nothing
        CHECK(caught<storage_error>([&] { (void)open_store(location, no_create); }).what() ==
              "cannot open store '" + displayed_location(location) +
                  "': the database holds no dangyuan store (create one with `dangyuan init`)");
        CHECK_FALSE(store_exists(location));
        (void)open_store(location);
        CHECK(store_exists(location));
        CHECK(open_store(location, no_create).orgs().empty());  // once there, it opens
        // Tables that are not a store's count as something there (store::open refuses them).
        auto const foreign = test::fresh_postgres_store(*server);
        {
            dangyuan::storage::sql::pg::connection c(foreign);
            c.exec("CREATE TABLE other(n BIGINT)");
        }
        CHECK(store_exists(foreign));
        CHECK_THROWS_AS(open_store(foreign), storage_error);
    }
}

TEST_CASE("store: a read-only store in a directory nobody may write to can still be read",
          "[store][integrity]") {
    if (::geteuid() == 0) {
        WARN("root writes to any directory; run the tests as another user to check this");
        return;
    }
    auto const dir = test::temp_dir("rodir");
    auto const path = dir / "store.db";
    {
        auto w = open_store(path, file_store::pinned({}));
        (void)w.add_org({.name = "区委", .kind = org_kind::higher_committee, .established = d(1990, 1, 1)});
    }
    std::filesystem::permissions(dir, std::filesystem::perms::owner_write,
                                 std::filesystem::perm_options::remove);
    {
        auto r = open_store(path, {.read_only = true});
        CHECK(r.orgs().size() == 1);
    }
    std::filesystem::permissions(dir, std::filesystem::perms::owner_write,
                                 std::filesystem::perm_options::add);
    std::filesystem::remove_all(dir);
}

TEST_CASE("store: the busy timeout is an option; a writer that cannot get the lock in time fails cleanly",
          "[store][integrity]") {
    file_store f("busy");
    store::transaction hold(f.s);  // holds the write lock
    auto other = open_store(f.path, file_store::pinned({.busy_timeout = std::chrono::milliseconds(50)}));
    auto const started = std::chrono::steady_clock::now();
    CHECK_THROWS_AS(other.add_member(test::full_member(f.branch, "等", d(2010, 7, 1), 1)), storage_error);
    CHECK(std::chrono::steady_clock::now() - started >= std::chrono::milliseconds(40));
    hold.rollback();
    (void)other.add_member(test::full_member(f.branch, "等", d(2010, 7, 1), 1));
    CHECK(f.s.member_count() == 1);
}

TEST_CASE("data integrity, record.not_in_future [U]: no event is dated after the date of recording",
          "[store][integrity][record.not_in_future]") {
    file_store f("future");
    CHECK(f.s.today() == d(2026, 11, 26));
    auto const before = test::store_hash(f.path);
    // On the day of recording: accepted; the day after: refused, in every kind of write.
    auto m = test::full_member(f.branch, "明日", d(2026, 11, 27), 1);
    m.application_date = d(2025, 1, 1);
    m.full_member_date.reset();
    CHECK(test::violated_rule([&] { (void)f.s.add_member(m); }) == "record.not_in_future");
    CHECK(test::violated_rule([&] {
              (void)f.s.add_org({.name = "新支部",
                                 .kind = org_kind::branch,
                                 .parent = f.committee,
                                 .established = d(2026, 11, 27)});
          }) == "record.not_in_future");
    CHECK(test::store_hash(f.path) == before);
    m.admission_date = m.joined_branch = d(2026, 11, 26);
    auto const id = f.s.add_member(m);
    CHECK(test::violated_rule([&] {
              f.s.record_standing(id, {standing_event_kind::suspended, d(2026, 11, 27), "失联", "支部"});
          }) == "record.not_in_future");
    CHECK(test::violated_rule([&] { f.s.set_leadership(f.branch, d(2026, 11, 27), {}); }) ==
          "record.not_in_future");
}

TEST_CASE("store: the default clock is today's date in China (UTC+8)", "[store][integrity]") {
    using namespace std::chrono;
    auto const utc8 = floor<days>(system_clock::now() + hours{8});
    auto const t = china_today();
    CHECK((t == utc8 || t == utc8 + days{1}));  // the second check may straddle midnight
    CHECK(open_store(":memory:").today() == china_today());
}

TEST_CASE("store: members are plausible — admission from 1921-07-01, birth before admission, bounded text",
          "[store][integrity]") {
    file_store f("plausible");
    auto const before = test::store_hash(f.path);
    auto early = test::full_member(f.branch, "早", d(1921, 6, 30), 1);
    early.backfilled = true;
    CHECK(test::invalid_field([&] { (void)f.s.add_member(early); }) == "admission_date");
    auto long_name = test::full_member(f.branch, std::string(), d(2010, 7, 1), 2);
    for (int i = 0; i < 51; ++i)
        long_name.name += "长";
    CHECK(test::invalid_field([&] { (void)f.s.add_member(long_name); }) == "name");
    auto nul = test::full_member(f.branch, std::string("甲\0乙", 7), d(2010, 7, 1), 3);
    CHECK(test::invalid_field([&] { (void)f.s.add_member(nul); }) == "name");
    CHECK(test::store_hash(f.path) == before);
    early.admission_date = d(1921, 7, 1);
    early.joined_branch = d(2000, 1, 1);
    early.application_date.reset();
    early.full_member_date.reset();
    (void)f.s.add_member(early);
    long_name.name.resize(50 * 3);  // 50 characters
    (void)f.s.add_member(long_name);
}

TEST_CASE("store: an online backup while another connection writes, and a verified restore",
          "[store][integrity][backup]") {
    file_store f("backup");
    for (int i = 0; i < 20; ++i)
        (void)f.s.add_member(test::full_member(f.branch, "备份", d(2010, 7, 1), i));
    std::atomic<bool> stop{false};
    std::thread writer([&] {
        auto w = open_store(f.path, file_store::pinned({}));
        for (int i = 20; i < 60 && !stop; ++i)
            (void)w.add_member(test::full_member(f.branch, "写入", d(2010, 7, 1), i));
    });
    auto const copy = f.dir / "copy.db";
    f.s.backup(copy);
    stop = true;
    writer.join();
    std::int64_t copied = 0;
    {
        auto r = open_store(copy, {.read_only = true});
        copied = r.member_count();
        CHECK(copied >= 20);
        CHECK(r.audit_log().size() >= 22);
    }
    CHECK_FALSE(std::filesystem::exists(copy.string() + "-wal"));
    CHECK_THROWS_AS(f.s.backup(f.path), invalid_input);

    // Restore into a new file and over the live store.
    auto const restored = f.dir / "restored.db";
    restore(copy, restored);
    CHECK(open_store(restored, {.read_only = true}).member_count() == copied);
    restore(copy, f.path);
    CHECK(f.s.member_count() == copied);

    // Refused: a corrupt backup, a foreign SQLite file, a newer schema, a non-store target.
    auto const corrupt = f.dir / "corrupt.db";
    std::filesystem::copy_file(copy, corrupt);
    {
        std::fstream io(corrupt, std::ios::in | std::ios::out | std::ios::binary);
        // Every page but the first (the header stays readable): the b-trees are garbage.
        auto const size = static_cast<std::size_t>(std::filesystem::file_size(corrupt));
        io.seekp(4096);
        std::string junk(size - 4096, '\x5a');
        io.write(junk.data(), static_cast<std::streamsize>(junk.size()));
    }
    auto const live_before = test::store_hash(f.path);
    CHECK_THROWS_AS(restore(corrupt, f.path), storage_error);
    auto const foreign = f.dir / "foreign.db";
    {
        SQLite::Database db(foreign.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("CREATE TABLE t(x)");
    }
    CHECK(std::string(caught<storage_error>([&] { restore(foreign, f.path); }).what())
              .find("not a dangyuan store") != std::string::npos);
    auto const newer = f.dir / "newer.db";
    std::filesystem::copy_file(copy, newer);
    {
        SQLite::Database db(newer.string(), SQLite::OPEN_READWRITE);
        db.exec("PRAGMA user_version = " + std::to_string(store::schema_version_latest + 1));
    }
    CHECK(std::string(caught<storage_error>([&] { restore(newer, f.path); }).what()).find("newer") !=
          std::string::npos);
    CHECK(test::store_hash(f.path) == live_before);
    CHECK_THROWS_AS(restore(copy, foreign), storage_error);
    CHECK_THROWS_AS(restore(f.dir / "nothing.db", restored), storage_error);
}

}  // namespace store_test_cases

TEST_CASE("store: the agenda of a scope ends on a hand-edited cycle of organisations", "[store][agenda]") {
    auto const dir = test::temp_dir("org-cycle");
    auto const path = dir / "cycle.db";
    test::district_orgs o;
    {
        auto s = open_store(path);
        o = test::add_district_orgs(s);
        (void)s.add_member(test::full_member(o.branch_a, "甲", d(2010, 7, 1)));
    }
    {
        // district committee → street → branch_a → district committee: no command writes this.
        SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE);
        SQLite::Statement up(raw, "UPDATE orgs SET parent_id = ? WHERE id = ?");
        up.bind(1, o.branch_a.value());
        up.bind(2, o.district_committee.value());
        REQUIRE(up.exec() == 1);
    }
    auto s = open_store(path);
    // Each call returns; the organisations above the branch are found once each.
    CHECK_NOTHROW(s.agenda(d(2026, 11, 26), scope::subtree(o.branch_a)));
    CHECK_NOTHROW(s.agenda(d(2026, 11, 26), scope::subtree(o.village)));
    std::filesystem::remove_all(dir);
}
