#pragma once
// Helpers of the access tests: a district on a file, second handles on it acting for other principals,
// and the check that a refused call changed nothing but the audit trail's record of the refusal.

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "test_support.hpp"

namespace test {

// The district of test_support.hpp on a file (so that several handles can share it), each handle with
// the same clock.
struct shared_district {
    std::filesystem::path path;
    dangyuan::store store;  // the organisation department: full access
    dangyuan::org_id district_committee, street, branch_a, branch_b, village;

    explicit shared_district(std::string const& name)
        : path(temp_dir("access-" + name) / "store.db"), store(open_as(path, std::nullopt)) {
        using dangyuan::org_kind;
        district_committee =
            store.add_org({.name = "区委", .kind = org_kind::higher_committee, .established = d(1990, 1, 1)});
        street = store.add_org({.name = "城关街道党工委",
                                .kind = org_kind::working_committee,
                                .parent = district_committee,
                                .established = d(2000, 1, 1)});
        branch_a = store.add_org({.name = "第一社区党支部",
                                  .kind = org_kind::branch,
                                  .parent = street,
                                  .established = d(2001, 3, 1),
                                  .village_or_community = true,
                                  .term_start = d(2021, 12, 20)});
        branch_b = store.add_org({.name = "机关第二党支部",
                                  .kind = org_kind::branch,
                                  .parent = street,
                                  .established = d(2005, 6, 1),
                                  .term_start = d(2024, 1, 15)});
        village = store.add_org({.name = "东村党支部",
                                 .kind = org_kind::branch,
                                 .parent = district_committee,
                                 .established = d(1995, 1, 1),
                                 .village_or_community = true});
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

}  // namespace test
