// libFuzzer target: `io::plan_import`, what `dangyuan import` does with a roster file before it writes
// anything — decoding, the CSV reader, header matching, cell parsing, the rule checks, the store's
// plausibility bounds and the matching of rows to stored members by ID number — against an in-memory
// store holding a small organisation tree and one member (张建国), both without and with --update.
// Properties: planning throws nothing (the store is in memory: no storage_error either); issues come
// in row order; planned rows are data rows (after the header) in strictly increasing order; a plan
// without issues accounts for every row read (added, updated or unchanged).

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "dangyuan/dangyuan.hpp"
#include "dangyuan/io/import.hpp"
#include "fuzz_support.hpp"

using dangyuan::fuzz::day;
using dangyuan::fuzz::require;

namespace {

namespace dy = dangyuan;
namespace io = dangyuan::io;

// Built once: planning writes nothing, so every input sees the same store.
dy::store& fuzz_store() {
    static dy::store s = [] {
        auto st = dy::open_store(":memory:", {.actor = "fuzz", .today = [] { return day(2026, 11, 26); }});
        auto const district = st.add_org({.name = "中共示范区委员会",
                                          .kind = dy::org_kind::higher_committee,
                                          .established = day(1980, 1, 1)});
        auto const street = st.add_org({.name = "城关街道党工委",
                                        .kind = dy::org_kind::working_committee,
                                        .parent = district,
                                        .established = day(1985, 5, 1)});
        auto const community = st.add_org({.name = "第一社区党支部",
                                           .kind = dy::org_kind::branch,
                                           .parent = street,
                                           .established = day(1990, 1, 1),
                                           .village_or_community = true});
        (void)st.add_org({.name = "机关党支部",
                          .kind = dy::org_kind::branch,
                          .parent = street,
                          .established = day(2002, 1, 1)});
        dy::member m;
        m.name = "张建国";
        m.sex = dy::sex::male;
        m.birth_date = day(1968, 5, 12);
        m.id_number = dy::citizen_id::parse("370102196805123139");
        m.branch = community;
        m.application_date = day(1993, 7, 1);
        m.admission_date = day(1995, 7, 1);
        m.joined_branch = day(1995, 7, 1);
        m.full_member_date = day(1996, 7, 1);
        (void)st.add_member(m);
        return st;
    }();
    return s;
}

void check(io::import_plan const& plan) {
    for (std::size_t i = 1; i < plan.issues.size(); ++i)
        require(plan.issues[i - 1].row <= plan.issues[i].row);
    std::size_t last = 0;
    for (auto const* list : {&plan.inserts, &plan.updates}) {
        last = 0;
        for (auto const& p : *list) {
            require(p.row >= 2 && p.row > last);
            last = p.row;
        }
    }
    if (plan.issues.empty()) require(plan.inserts.size() + plan.updates.size() + plan.unchanged == plan.rows);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    auto const bytes = dangyuan::fuzz::text_of(data, size);
    auto& s = fuzz_store();
    for (bool update : {false, true}) {
        io::import_options options;
        options.update_changed = update;
        check(io::plan_import(s, bytes, options));
    }
    return 0;
}
