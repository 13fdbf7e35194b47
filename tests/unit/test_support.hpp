#pragma once
// Shared helpers of the unit tests: dates, valid ID numbers, a small store fixture.

#include <date/date.h>

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "dangyuan/dangyuan.hpp"
#include "postgres_support.hpp"

namespace test {

// The kinds of agenda items, in order.
inline std::vector<std::string> kinds_of(std::vector<dangyuan::agenda_item> const& items) {
    std::vector<std::string> out;
    for (auto const& i : items)
        out.push_back(i.kind);
    return out;
}

// The rule id of the rule_violation that `f` throws, or "" when it throws none.
template <class F>
std::string violated_rule(F&& f) {
    try {
        f();
    } catch (dangyuan::rule_violation const& e) {
        return e.rule_id();
    }
    return "";
}

// The field named by the invalid_input that `f` throws, or "" when it throws none.
template <class F>
std::string invalid_field(F&& f) {
    try {
        f();
    } catch (dangyuan::invalid_input const& e) {
        return e.field();
    }
    return "";
}

inline date::sys_days d(int y, unsigned m, unsigned day) {
    return date::sys_days{date::year{y} / date::month{m} / date::day{day}};
}

// A valid 18-digit ID number for a birth date and sex (Beijing Dongcheng address code).
inline std::string id_for(date::sys_days birth, dangyuan::sex s, int seq = 1) {
    auto const ymd = date::year_month_day{birth};
    auto two = [](unsigned v) { return std::string(1, char('0' + v / 10 % 10)) + char('0' + v % 10); };
    std::string body = "110101" + std::to_string(static_cast<int>(ymd.year())) +
                       two(static_cast<unsigned>(ymd.month())) + two(static_cast<unsigned>(ymd.day())) +
                       two(static_cast<unsigned>(seq % 100)) + (s == dangyuan::sex::male ? "1" : "2");
    return body + dangyuan::gb11643_check_character(body);
}

// A full member of `branch`, admitted on `admitted` (full a year later), born 30 years earlier.
inline dangyuan::member full_member(dangyuan::org_id branch, std::string name, date::sys_days admitted,
                                    int seq = 1, dangyuan::sex s = dangyuan::sex::male) {
    dangyuan::member m;
    m.name = std::move(name);
    m.sex = s;
    m.birth_date = dangyuan::add_years(admitted, -30);
    m.id_number = dangyuan::citizen_id::parse(id_for(m.birth_date, s, seq));
    m.branch = branch;
    m.application_date = dangyuan::add_months(admitted, -18);
    m.admission_date = admitted;
    m.joined_branch = admitted;
    m.full_member_date = dangyuan::add_years(admitted, 1);
    return m;
}

// A district committee (区委) and one branch (支部) under it: the least a store needs to hold members.
struct committee_and_branch {
    dangyuan::org_id committee, branch;
};

inline committee_and_branch add_committee_and_branch(dangyuan::store& s) {
    using dangyuan::org_kind;
    auto const committee =
        s.add_org({.name = "区委", .kind = org_kind::higher_committee, .established = d(1990, 1, 1)});
    auto const branch = s.add_org(
        {.name = "支部", .kind = org_kind::branch, .parent = committee, .established = d(2000, 1, 1)});
    return {committee, branch};
}

// The organisations of the small district below.
struct district_orgs {
    dangyuan::org_id district_committee, street, branch_a, branch_b, village;
};

// Adds a small district to `s`: a district committee, a street working committee, two branches under it
// and a village branch under the district.
inline district_orgs add_district_orgs(dangyuan::store& s) {
    using dangyuan::org_kind;
    district_orgs o;
    o.district_committee =
        s.add_org({.name = "区委", .kind = org_kind::higher_committee, .established = d(1990, 1, 1)});
    o.street = s.add_org({.name = "城关街道党工委",
                          .kind = org_kind::working_committee,
                          .parent = o.district_committee,
                          .established = d(2000, 1, 1)});
    o.branch_a = s.add_org({.name = "第一社区党支部",
                            .kind = org_kind::branch,
                            .parent = o.street,
                            .established = d(2001, 3, 1),
                            .village_or_community = true,
                            .term_start = d(2021, 12, 20)});
    o.branch_b = s.add_org({.name = "机关第二党支部",
                            .kind = org_kind::branch,
                            .parent = o.street,
                            .established = d(2005, 6, 1),
                            .term_start = d(2024, 1, 15)});
    o.village = s.add_org({.name = "东村党支部",
                           .kind = org_kind::branch,
                           .parent = o.district_committee,
                           .established = d(1995, 1, 1),
                           .village_or_community = true});
    return o;
}

// The small district in a private in-memory store (or a fresh store on the test server: see
// postgres_support.hpp).
struct district : district_orgs {
    dangyuan::store store = dangyuan::open_store(fresh_store_location(), {.actor = "tester"});

    district() { static_cast<district_orgs&>(*this) = add_district_orgs(store); }
};

// The bytes of a file, or "" when it does not exist.
inline std::string file_bytes(std::filesystem::path const& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// FNV-1a over the database and its WAL: the on-disk state of a store.
inline std::uint64_t store_hash(std::filesystem::path const& db) {
    std::uint64_t h = 1469598103934665603ull;
    for (auto const& p : {db, std::filesystem::path(db.string() + "-wal")})
        for (unsigned char c : file_bytes(p))
            h = (h ^ c) * 1099511628211ull;
    return h;
}

// A fresh temporary directory per call.
inline std::filesystem::path temp_dir(std::string const& name) {
    auto p =
        std::filesystem::temp_directory_path() / ("dangyuan-test-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(p);
    std::filesystem::create_directories(p);
    return p;
}

}  // namespace test
