#pragma once
// What the store tests of the organisation-work procedures share (在职党员进社区, 两优一先, 述职评议考核,
// 软弱涣散党组织整顿, 两新组织党建覆盖): a store with a pinned date, the small district in it as the base of
// their fixtures, the audit rows and agenda items of one domain, the checks that a refused command left
// the file as it was and that each part of the store has its share of the agenda, and a store set back to
// the schema version before a domain's tables and migrated again.

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "test_support.hpp"

namespace test {

// The options of the tests' stores: actor "tester", the rules `rules`, today pinned to 2026-06-30.
inline dangyuan::store_options pinned_options(
    dangyuan::rule_set rules = dangyuan::rule_set::national_2014()) {
    dangyuan::store_options o;
    o.actor = "tester";
    o.rules = std::move(rules);
    o.today = [] { return d(2026, 6, 30); };
    return o;
}

// The small district of test_support.hpp (add_district_orgs) in the store `s`: the base of the store
// tests' fixtures, which add their own members and organisations to it.
struct district_fixture : district_orgs {
    dangyuan::store s;

    // In the store on `path` (by default a private one in memory), opened with `options`.
    explicit district_fixture(std::filesystem::path const& path = test::fresh_store_location(),
                              dangyuan::store_options options = pinned_options())
        : s(dangyuan::open_store(path, std::move(options))) {
        static_cast<district_orgs&>(*this) = add_district_orgs(s);
    }
    // In a private store in memory under `rules`.
    explicit district_fixture(dangyuan::rule_set rules)
        : district_fixture(test::fresh_store_location(), pinned_options(std::move(rules))) {}
};

// The number of audit entries about `entity` ("community", "model_post", …).
inline long audit_rows(dangyuan::store const& s, std::string_view entity) {
    auto const log = s.audit_log();
    return std::count_if(log.begin(), log.end(), [&](auto const& e) { return e.entity == entity; });
}

// The items of `all` whose kind begins with `prefix` ("community.", …), in order.
inline std::vector<dangyuan::agenda_item> agenda_items_of(std::vector<dangyuan::agenda_item> const& all,
                                                          std::string_view prefix) {
    std::vector<dangyuan::agenda_item> out;
    for (auto const& i : all)
        if (std::string_view(i.kind).starts_with(prefix)) out.push_back(i);
    return out;
}

// The kinds of `items` with the organisation each is for.
inline std::multiset<std::pair<std::string, std::int64_t>> kinds_and_orgs(
    std::vector<dangyuan::agenda_item> const& items) {
    std::multiset<std::pair<std::string, std::int64_t>> out;
    for (auto const& i : items)
        out.emplace(i.kind, i.org.value());
    return out;
}

// The file of a store on `path` (with its WAL) and the length of its audit trail as they are when this is
// made: a refused command must leave both as they were (check_unchanged).
class store_snapshot {
public:
    store_snapshot(std::filesystem::path path, dangyuan::store const& s)
        : path_(std::move(path)), store_(&s), hash_(store_hash(path_)), audit_(s.audit_log().size()) {}

    void check_unchanged() const {
        CHECK(store_hash(path_) == hash_);
        CHECK(store_->audit_log().size() == audit_);
    }

private:
    std::filesystem::path path_;
    dangyuan::store const* store_;
    std::uint64_t hash_;
    std::size_t audit_;
};

// Each part of the store has exactly the whole agenda's items of its organisations, in order: for every
// root, the agenda of its subtree as of `on` is `whole` (the agenda of the store as of `on`) without the
// items of the organisations outside it.
inline void check_scoped_agendas(dangyuan::store const& s, date::sys_days on,
                                 std::vector<dangyuan::agenda_item> const& whole,
                                 std::initializer_list<dangyuan::org_id> roots) {
    for (auto const root : roots) {
        std::set<dangyuan::org_id> in;
        for (auto const& o : s.orgs(dangyuan::scope::subtree(root)))
            in.insert(o.id);
        std::vector<dangyuan::agenda_item> expected;
        for (auto const& i : whole)
            if (in.count(i.org)) expected.push_back(i);
        INFO("scope " << s.org(root).name);
        CHECK(s.agenda(on, dangyuan::scope::subtree(root)) == expected);
    }
}

// Sets the store on `path` back to the schema version before `version`: drops `tables` (in that order),
// which the earlier version did not have, and sets the version number back. With no tables, only the
// number goes back: the migration then runs again over tables that exist.
inline void set_schema_back(std::filesystem::path const& path, int version,
                            std::initializer_list<char const*> tables = {}) {
    SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE);
    for (auto const* table : tables)
        raw.exec(std::string("DROP TABLE ") + table);
    raw.exec("PRAGMA user_version = " + std::to_string(version - 1));
}

// Opens the store on `path` after set_schema_back(path, version, …) with `options`, and checks that it
// migrated to the latest schema version, of which `version` is a part.
inline dangyuan::store open_migrated(std::filesystem::path const& path, int version,
                                     dangyuan::store_options options = pinned_options()) {
    auto s = dangyuan::open_store(path, std::move(options));
    CHECK(s.schema_version() == dangyuan::store::schema_version_latest);
    CHECK(version <= dangyuan::store::schema_version_latest);
    return s;
}

}  // namespace test
