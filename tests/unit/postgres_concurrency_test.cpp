// Many clerks on one server: handles on separate connections writing at once queue on the store's write
// lock (no failure, nothing lost), and a change made from a stale copy of a record is refused as a
// conflict. The same guarantees on SQLite files are tested in store_test.cpp.

#include <catch2/catch.hpp>

#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "dangyuan/storage/store.hpp"
#include "postgres_support.hpp"
#include "test_support.hpp"

namespace postgres_concurrency_test_cases {

using namespace dangyuan;
using test::d;

TEST_CASE("store on PostgreSQL: eight clerks writing at once all succeed and nothing is lost",
          "[postgres][store][integrity]") {
    auto const url = test::fresh_server_store_or_warn();
    if (url.empty()) return;
    auto admin = open_store(url, {.actor = "admin"});
    auto const orgs = test::add_district_orgs(admin);
    auto const audit_before = admin.audit_log().size();
    constexpr int clerks = 8;
    constexpr int each = 12;
    std::mutex failures_guard;
    std::vector<std::string> failures;
    std::vector<std::thread> threads;
    for (int c = 0; c < clerks; ++c)
        threads.emplace_back([&, c] {
            try {
                auto s = open_store(url, {.actor = "clerk" + std::to_string(c)});
                for (int i = 0; i < each; ++i) {
                    auto const id = s.add_member(test::full_member(c % 2 ? orgs.branch_a : orgs.branch_b,
                                                                   "并发" + std::to_string(c), d(2010, 7, 1),
                                                                   c * each + i));
                    auto m = s.get_member(id);
                    m.post = "岗位" + std::to_string(c);
                    s.update_member(m, "clerk's correction");
                }
            } catch (std::exception const& e) {
                std::lock_guard lock(failures_guard);
                failures.push_back(e.what());
            }
        });
    for (auto& t : threads)
        t.join();
    CHECK(failures.empty());
    if (!failures.empty()) FAIL_CHECK(failures.front());
    CHECK(admin.member_count() == clerks * each);
    for (auto const& m : admin.roster()) {
        CHECK(m.version == 2);
        CHECK(m.post == "岗位" + m.name.substr(std::string("并发").size()));
    }
    // Two audit rows per member (added, changed), one chain.
    CHECK(admin.audit_log().size() == audit_before + 2 * clerks * each);
    auto const chain = admin.verify_audit();
    CHECK(chain.ok);
    CHECK(chain.entries_checked == static_cast<std::int64_t>(audit_before + 2 * clerks * each));
}

TEST_CASE("store on PostgreSQL: a change from a stale copy of a record is a conflict and changes nothing",
          "[postgres][store][integrity]") {
    auto const url = test::fresh_server_store_or_warn();
    if (url.empty()) return;
    auto first = open_store(url, {.actor = "first"});
    auto second = open_store(url, {.actor = "second"});
    auto const orgs = test::add_district_orgs(first);
    auto const id = first.add_member(test::full_member(orgs.branch_a, "王五", d(2012, 7, 1)));
    auto mine = first.get_member(id);
    auto theirs = second.get_member(id);
    mine.post = "组织委员";
    first.update_member(mine, "elected");
    auto const audit_before = second.audit_log().size();
    theirs.phone = "13800000000";
    CHECK_THROWS_AS(second.update_member(theirs, "stale"), conflict);
    auto const now = second.get_member(id);
    CHECK(now.post == "组织委员");
    CHECK(now.phone.empty());
    CHECK(now.version == 2);
    CHECK(second.audit_log().size() == audit_before);
}

}  // namespace postgres_concurrency_test_cases
