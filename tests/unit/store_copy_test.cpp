#include <catch2/catch.hpp>

#include <filesystem>

#include "test_support.hpp"

namespace store_copy_test_cases {

using namespace dangyuan;
using test::d;

namespace {

// A store file with the small district, a few members, a standing event and their audit rows.
std::string filled_store(std::filesystem::path const& dir) {
    auto const path = (dir / "source.db").string();
    auto s = open_store(path, {.actor = "tester"});
    auto const o = test::add_district_orgs(s);
    for (int i = 1; i <= 5; ++i)
        (void)s.add_member(test::full_member(o.branch_a, "党员" + std::to_string(i), d(2010, 3, i), i));
    auto const m = s.add_member(test::full_member(o.branch_b, "停止者", d(2011, 4, 1), 7));
    s.record_standing(
        m,
        standing_event{
            .kind = standing_event_kind::suspended, .date = d(2024, 5, 1), .reason = "逾期未交党费"},
        "逾期未交党费");
    return path;
}

struct store_view {
    std::vector<org_unit> orgs;
    std::vector<member> members;
    audit_verification audit;
    std::size_t audit_rows = 0;
};

store_view view_of(std::string const& location) {
    auto s = open_store(location, {.actor = "reader"});
    return {s.orgs(), s.roster(scope::all()), s.verify_audit(), s.audit_log().size()};
}

void check_same(store_view const& a, store_view const& b) {
    CHECK(a.orgs == b.orgs);
    CHECK(a.members == b.members);
    CHECK(a.audit_rows == b.audit_rows);
    CHECK(b.audit.ok);
    CHECK(a.audit.head_hash == b.audit.head_hash);
    CHECK(a.audit.head_seq == b.audit.head_seq);
}

}  // namespace

TEST_CASE("store copy: a file copied to a new file holds the same records and the same audit chain",
          "[store][copy]") {
    auto const dir = test::temp_dir("copy-file");
    auto const from = filled_store(dir);
    auto const to = (dir / "copy.db").string();
    auto const report = copy_store(from, to);
    CHECK(report.audit.ok);
    CHECK(report.total_rows() > 0);
    auto const members_row = std::find_if(report.tables.begin(), report.tables.end(),
                                          [](auto const& t) { return t.table == "members"; });
    REQUIRE(members_row != report.tables.end());
    CHECK(members_row->rows == 6);
    check_same(view_of(from), view_of(to));
    // The copy goes on where the source stopped: new ids follow the copied ones.
    auto c = open_store(to, {.actor = "tester"});
    auto const next = c.add_member(test::full_member(c.orgs().back().id, "新党员", d(2015, 1, 5), 9));
    CHECK(next.value() == 7);
    CHECK(c.verify_audit().ok);
    std::filesystem::remove_all(dir);
}

TEST_CASE("store copy: an existing target, the store itself or a principal is refused and nothing is written",
          "[store][copy]") {
    auto const dir = test::temp_dir("copy-refused");
    auto const from = filled_store(dir);
    auto const before = test::store_hash(from);
    auto const existing = (dir / "existing.db").string();
    { std::ofstream(existing) << "keep me"; }
    CHECK(test::invalid_field([&] { (void)copy_store(from, existing); }) == "to");
    CHECK(test::file_bytes(existing) == "keep me");
    CHECK(test::invalid_field([&] { (void)copy_store(from, from); }) == "to");
    store_options scoped;
    scoped.principal = principal{.actor = "支部书记", .role = role::branch_secretary(), .org = org_id{3}};
    CHECK(test::invalid_field([&] { (void)copy_store(from, (dir / "x.db").string(), scoped); }) == "options");
    CHECK_FALSE(std::filesystem::exists(dir / "x.db"));
    CHECK(test::store_hash(from) == before);
    std::filesystem::remove_all(dir);
}

TEST_CASE("store copy: a file copied to PostgreSQL and back holds the same records and audit chain",
          "[store][copy][postgres]") {
    auto const server = test::server_or_warn();
    if (!server) return;
    auto const dir = test::temp_dir("copy-pg");
    auto const from = filled_store(dir);
    auto const on_server = test::fresh_postgres_store(*server);
    auto const there = copy_store(from, on_server);
    CHECK(there.audit.ok);
    check_same(view_of(from), view_of(on_server));
    // A database that holds a store already is refused.
    CHECK(test::invalid_field([&] { (void)copy_store(from, on_server); }) == "to");
    auto const back = (dir / "back.db").string();
    auto const again = copy_store(on_server, back);
    CHECK(again.total_rows() == there.total_rows());
    check_same(view_of(from), view_of(back));
    // The copy on the server goes on where the file stopped.
    auto pg = open_store(on_server, {.actor = "tester"});
    auto const next = pg.add_member(test::full_member(pg.orgs().back().id, "新党员", d(2015, 1, 5), 9));
    CHECK(next.value() == 7);
    // A file backup is for files: a server's store says how it is backed up instead.
    CHECK_THROWS_WITH(pg.backup(dir / "b.db"), Catch::Contains("pg_dump"));
    CHECK_FALSE(std::filesystem::exists(dir / "b.db"));
    std::filesystem::remove_all(dir);
}

}  // namespace store_copy_test_cases
