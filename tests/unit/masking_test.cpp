// The masking policy (member/masking.hpp): the rules on their own, the table's coverage, and the
// re-identification argument of docs/security.md: from a masked row nothing masked can be rebuilt.

#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdio>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <date/date.h>

#include "dangyuan/core/id_number.hpp"
#include "dangyuan/member/masking.hpp"

namespace masking_test_cases {

using namespace dangyuan;

namespace {

// A person as a roster row shows them, unmasked (the texts cell_text gives).
struct person {
    std::string name, sex, birth_date, id_number, phone, address, native_place;
};

// A masked row: field name → masked text, through the policy table.
std::map<std::string, std::string> masked_row(person const& p) {
    std::map<std::string, std::string> row;
    for (auto const& [field, text] : std::map<std::string, std::string>{{"name", p.name},
                                                                        {"sex", p.sex},
                                                                        {"birth_date", p.birth_date},
                                                                        {"id_number", p.id_number},
                                                                        {"phone", p.phone},
                                                                        {"address", p.address},
                                                                        {"native_place", p.native_place}})
        row[field] = mask_field(masked_record::member, field, text);
    return row;
}

std::string iso(date::year_month_day d) {
    return date::format("%Y-%m-%d", date::sys_days{d});
}

// A deterministic set of people: several regions, birth dates from 1940 to 2008, both sexes, valid
// check characters, mobile and fixed-line phones, addresses with and without a recognisable prefix.
std::vector<person> generated_people(std::size_t n) {
    std::vector<std::string> const regions{"110105", "370102", "440308", "310115", "650102", "510104"};
    std::vector<std::string> const addresses{"北京市朝阳区建国路88号院3号楼",
                                             "山东省济南市历下区泉城路1号",
                                             "广东省深圳市南山区科技园南区",
                                             "上海市浦东新区世纪大道100号",
                                             "新疆维吾尔自治区乌鲁木齐市天山区解放南路5号",
                                             "四川省成都市锦江区红星路二段",
                                             "解放路12号小区3单元",
                                             "浙江省杭州市西湖区文三路478号"};
    std::uint32_t x = 20261206;
    auto next = [&] {
        x = x * 1664525u + 1013904223u;
        return x >> 8;
    };
    std::vector<person> out;
    for (std::size_t i = 0; i < n; ++i) {
        auto const day = date::sys_days{date::year{1940} / 1 / 1} + date::days{next() % (68 * 365)};
        date::year_month_day const ymd{day};
        auto const seq = next() % 1000;
        char seqs[4];
        std::snprintf(seqs, sizeof seqs, "%03u", static_cast<unsigned>(seq));
        auto const body = regions[i % regions.size()] + date::format("%Y%m%d", day) + seqs;
        person p;
        p.name = "党员" + std::to_string(i);
        p.sex = seq % 2 == 1 ? "男" : "女";
        p.birth_date = iso(ymd);
        p.id_number = body + gb11643_check_character(body);
        p.phone = i % 3 == 2
                      ? "0531-8" + std::to_string(1000000 + next() % 8999999)
                      : "1" + std::to_string(3 + i % 7) + std::to_string(100000000 + next() % 899999999);
        p.address = addresses[i % addresses.size()];
        p.native_place = "山东济南";
        out.push_back(p);
    }
    return out;
}

// How many valid 18-character ID numbers agree with a masked row: with the shown characters of the
// masked number, with the birth date column (a full date, a year, or nothing) and with the sex column
// (the parity of the sequence code). The address code is taken as known (it is shown).
std::size_t consistent_ids(std::string const& masked_id, std::string const& birth_cell,
                           std::string const& sex_cell) {
    REQUIRE(masked_id.size() == 18);
    auto const known = [&](std::size_t i, char c) { return masked_id[i] == '*' || masked_id[i] == c; };
    date::sys_days first{date::year{1900} / 1 / 1}, last{date::year{2030} / 12 / 31};
    if (birth_cell.size() == 10) {
        std::istringstream in(birth_cell);
        in >> date::parse("%Y-%m-%d", first);
        last = first;
    } else if (birth_cell.size() == 4) {
        int const y = std::stoi(birth_cell);
        first = date::sys_days{date::year{y} / 1 / 1};
        last = date::sys_days{date::year{y} / 12 / 31};
    }
    auto const region = masked_id.substr(0, 6);
    std::size_t count = 0;
    for (auto day = first; day <= last; day += date::days{1}) {
        auto const digits = date::format("%Y%m%d", day);
        bool ok = true;
        for (std::size_t i = 0; i < 8 && ok; ++i)
            ok = known(6 + i, digits[i]);
        if (!ok) continue;
        for (unsigned seq = 0; seq < 1000; ++seq) {
            if (sex_cell == "男" && seq % 2 == 0) continue;
            if (sex_cell == "女" && seq % 2 == 1) continue;
            char s[4];
            std::snprintf(s, sizeof s, "%03u", seq);
            if (!known(14, s[0]) || !known(15, s[1]) || !known(16, s[2])) continue;
            if (masked_id[17] != '*' && gb11643_check_character(region + digits + s) != masked_id[17])
                continue;
            ++count;
        }
    }
    return count;
}

std::size_t digit_count(std::string const& s) {
    std::size_t n = 0;
    for (char c : s)
        n += c >= '0' && c <= '9';
    return n;
}

}  // namespace

TEST_CASE("masking: each rule on its own", "[masking]") {
    CHECK(masking::id_number("11010519491231002X") == "110105************");
    CHECK(masking::id_number("").empty());
    CHECK(masking::id_number("1101051949").empty());  // not an ID number: nothing shown
    CHECK(masking::year_only("1980-02-14") == "1980");
    CHECK(masking::year_only("").empty());
    CHECK(masking::year_only("80-2") == "****");
    CHECK(masking::year_only("二〇〇〇年") == "****");
    CHECK(masking::phone("13812345678") == "138****5678");
    CHECK(masking::phone("0531-88886666") == "053******6666");
    CHECK(masking::phone("88886666") == "****6666");
    CHECK(masking::phone("1234567") == "*******");
    CHECK(masking::phone("").empty());
}

TEST_CASE("masking: addresses are kept down to the district or county, or hidden", "[masking]") {
    struct example {
        char const* address;
        char const* masked;
    };
    auto const e = GENERATE(values<example>({
        {"北京市海淀区中关村大街1号", "北京市海淀区****"},
        {"北京海淀区中关村", "北京海淀区****"},
        {"上海市浦东新区世纪大道100号", "上海市浦东新区****"},
        {"山东省济南市历下区泉城路1号", "山东省济南市历下区****"},
        {"浙江省杭州市西湖区文三路478号", "浙江省杭州市西湖区****"},
        {"济南市历下区和平小区", "济南市历下区****"},
        {"新疆维吾尔自治区乌鲁木齐市天山区解放南路5号", "新疆维吾尔自治区乌鲁木齐市天山区****"},
        {"内蒙古自治区锡林郭勒盟正蓝旗上都镇", "内蒙古自治区锡林郭勒盟正蓝旗****"},
        {"云南省大理白族自治州大理市下关镇", "云南省大理白族自治州大理市****"},
        {"山东省济南市历下区", "山东省济南市历下区"},  // nothing below the county to hide
        {"解放路12号小区3单元", "****"},               // no administrative prefix: all hidden
        {"广东省东莞市长安镇振安路", "****"},          // no county level: all hidden
        {"12 Main Street", "****"},
        {"", ""},
    }));
    CAPTURE(e.address);
    CHECK(masking::address(e.address) == e.masked);
}

TEST_CASE("masking: the policy has one row for every field of the member and applicant records",
          "[masking]") {
    for (auto const& f : member_fields) {
        CAPTURE(f.name);
        CHECK(find_masking(masked_record::member, f.name) != nullptr);
    }
    for (auto const* name : {"name", "sex", "birth_date", "id_number", "ethnicity", "education", "category",
                             "work_unit", "branch", "mobile"}) {
        CAPTURE(name);
        CHECK(find_masking(masked_record::applicant, name) != nullptr);
    }
    // The rules that matter, as docs/security.md states them.
    CHECK(find_masking(masked_record::member, "name")->rule == mask_rule::shown);
    CHECK(find_masking(masked_record::member, "id_number")->rule == mask_rule::id_region_only);
    CHECK(find_masking(masked_record::member, "birth_date")->rule == mask_rule::year_only);
    CHECK(find_masking(masked_record::member, "phone")->rule == mask_rule::phone_3_4);
    CHECK(find_masking(masked_record::member, "address")->rule == mask_rule::county_level);
    CHECK(find_masking(masked_record::applicant, "id_number")->rule == mask_rule::id_region_only);
    CHECK(find_masking(masked_record::applicant, "birth_date")->rule == mask_rule::year_only);
    // A field without a row is an error, not shown in full.
    CHECK(find_masking(masked_record::member, "salary") == nullptr);
    CHECK_THROWS_AS(mask_field(masked_record::member, "salary", "1000"), std::logic_error);
    // CitizenId::masked goes through the same rule.
    CHECK(citizen_id::parse("11010519491231002X").masked() ==
          mask_field(masked_record::member, "id_number", "11010519491231002X"));
}

TEST_CASE("masking: the former masking could be undone from the row (birth date shown in full)",
          "[masking]") {
    // 6 + 8 `*` + sequence and check character, next to the full birth date: one number fits.
    CHECK(consistent_ids("370102********5245", "1980-02-14", "女") == 1);
}

TEST_CASE("masking: no masked field of a row can be rebuilt from the other columns", "[masking]") {
    auto const people = generated_people(24);
    for (auto const& p : people) {
        auto const row = masked_row(p);
        CAPTURE(p.id_number, p.birth_date, p.phone, p.address);
        auto const& id = row.at("id_number");
        auto const& birth = row.at("birth_date");
        // Nothing of the full values is on the row.
        for (auto const& [field, text] : row) {
            CAPTURE(field, text);
            CHECK(text.find(p.id_number) == std::string::npos);
            CHECK(text.find(p.id_number.substr(6, 8)) == std::string::npos);  // birth digits
            CHECK(text.find(p.birth_date) == std::string::npos);
            CHECK(text.find(p.phone) == std::string::npos);
        }
        CHECK(birth == p.birth_date.substr(0, 4));
        CHECK(id.substr(0, 6) == p.id_number.substr(0, 6));
        CHECK(digit_count(id) == 6);
        CHECK(digit_count(row.at("phone")) <= 7);
        CHECK(row.at("address") != p.address);
        // The ID number cannot be rebuilt: every day of the shown year and every sequence code of the
        // shown sex fit the row, each with its own check character.
        auto const fits = consistent_ids(id, birth, row.at("sex"));
        CHECK(fits >= 1000);
        CHECK(fits == (date::year{std::stoi(birth)}.is_leap() ? 366u : 365u) * 500u);
    }
}

}  // namespace masking_test_cases
