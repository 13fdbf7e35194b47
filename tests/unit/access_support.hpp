#pragma once
// Helpers of the access tests: a district on a file, second handles on it acting for other principals,
// and the check that a refused call changed nothing but the audit trail's record of the refusal.

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <functional>
#include <string>

#include "test_support.hpp"

namespace test {

// The district of test_support.hpp on a file (so that several handles can share it), each handle with
// the same clock.
struct shared_district : district_orgs {
    std::filesystem::path path;
    dangyuan::store store;  // the organisation department: full access

    explicit shared_district(std::string const& name)
        : path(temp_dir("access-" + name) / "store.db"), store(open_as(path, std::nullopt)) {
        static_cast<district_orgs&>(*this) = add_district_orgs(store);
    }

    static dangyuan::store open_as(std::filesystem::path const& p, std::optional<dangyuan::principal> who) {
        dangyuan::store_options o;
        o.actor = "tester";
        o.principal = std::move(who);
        o.today = [] { return d(2026, 6, 30); };
        return dangyuan::open_store(p, std::move(o));
    }

    // A second handle on the same file acting for `role` over `org`'s subtree (none: the whole store).
    [[nodiscard]] dangyuan::store as(dangyuan::role role, std::optional<dangyuan::org_id> org,
                                     std::string actor = "王芳") const {
        return open_as(path, dangyuan::principal{std::move(actor), std::move(role), org});
    }
    [[nodiscard]] dangyuan::store secretary_of(dangyuan::org_id branch) const {
        return as(dangyuan::role::branch_secretary(), branch);
    }
};

// Every table but the audit trail, as text: what a refused call must leave as it was.
inline std::string content_of(std::filesystem::path const& path) {
    SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
    std::string out;
    SQLite::Statement tables(db,
                             "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('audit') "
                             "AND name NOT LIKE 'sqlite_%' ORDER BY name");
    while (tables.executeStep()) {
        auto const table = tables.getColumn(0).getString();
        out += "## " + table + "\n";
        SQLite::Statement rows(db, "SELECT * FROM \"" + table + "\" ORDER BY rowid");
        while (rows.executeStep()) {
            for (int c = 0; c < rows.getColumnCount(); ++c)
                out += rows.getColumn(c).getString() + "|";
            out += "\n";
        }
    }
    return out;
}

// The number of audit entries recording a refusal.
inline int denials_in(std::filesystem::path const& path) {
    SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
    return db.execAndGet("SELECT count(*) FROM audit WHERE entity = 'access' AND action = 'denied'").getInt();
}

// Runs `f`, which must be refused for `permission` on `org` (0: store-wide), and checks that nothing but
// one audit entry of the refusal was written.
template <class F>
void require_denied(std::filesystem::path const& path, F&& f, dangyuan::permission permission,
                    std::int64_t org) {
    auto const before = content_of(path);
    auto const denials = denials_in(path);
    try {
        f();
        FAIL("the call was not refused (expected access_denied for " << dangyuan::to_string(permission)
                                                                     << " on " << org << ")");
    } catch (dangyuan::access_denied const& e) {
        CHECK(e.permission() == dangyuan::to_string(permission));
        CHECK(e.org() == org);
    }
    CHECK(content_of(path) == before);
    CHECK(denials_in(path) == denials + 1);
}

// One public function of a domain: `call` on a side's records (true when the result is as expected);
// `org` picks the organisation a refusal names. `Side` is the test's records of one branch.
template <class Side>
struct access_row {
    char const* name;
    dangyuan::permission needed;
    bool write;
    std::function<bool(dangyuan::store&, Side const&)> call;
    dangyuan::org_id Side::*org = &Side::branch;
};

// Every row is refused on side `b` to branch a's secretary, allowed on side `a`; an analyst of the
// street reads side a but writes nothing. Each refusal leaves the store as it was (require_denied).
template <class World, class Side>
void check_access_rows(World& w, std::vector<access_row<Side>> const& rows) {
    auto sa = w.secretary_of(w.branch_a);
    auto analyst = w.as(dangyuan::role::analyst(), w.street, "数据分析员");
    for (auto const& r : rows) {
        INFO(r.name);
        require_denied(
            w.path, [&] { (void)r.call(sa, w.b); }, r.needed, (w.b.*r.org).value());
        if (r.write)
            require_denied(
                w.path, [&] { (void)r.call(analyst, w.a); }, r.needed, (w.a.*r.org).value());
        else
            CHECK(r.call(analyst, w.a));
        CHECK(r.call(sa, w.a));
    }
}

}  // namespace test
