// A program outside the source tree that imports a roster through dangyuan::io, built against the
// installed package (find_package(dangyuan COMPONENTS io)) or the checkout (add_subdirectory).
#include <dangyuan/dangyuan.hpp>
#include <dangyuan/io/encoding.hpp>
#include <dangyuan/io/import.hpp>

#include <iostream>
#include <string>

int main() {
    using namespace date::literals;
    auto s = dangyuan::open_store(":memory:");
    auto const district = s.add_org(
        {.name = "区委", .kind = dangyuan::org_kind::higher_committee, .established = 2000_y / 1 / 1});
    s.add_org({.name = "机关党支部",
               .kind = dangyuan::org_kind::branch,
               .parent = district,
               .established = 2000_y / 1 / 1});
    // The roster as a spreadsheet saves it, in GB18030: the encoding is detected.
    std::string const utf8 =
        "姓名,性别,民族,出生日期,公民身份号码,学历,所在支部,入党日期,转正日期\n"
        "张建国,男,汉族,1970-03-15,370102197003151212,大学本科,机关党支部,1996-07-01,1997-07-01\n";
    auto const bytes = dangyuan::io::encode(utf8, dangyuan::io::text_encoding::gb18030);
    auto const plan = dangyuan::io::plan_import(s, bytes, {});
    for (auto const& issue : plan.issues)
        std::cout << "row " << issue.row << ", " << issue.column << ": " << issue.reason << '\n';
    if (!plan.issues.empty() || plan.encoding != dangyuan::io::text_encoding::gb18030) return 1;
    auto const result = dangyuan::io::commit_import(s, plan, "consumer");
    std::cout << "dangyuan::io: imported " << result.added.size() << " member(s) from "
              << dangyuan::io::to_string(plan.encoding) << '\n';
    return result.added.size() == 1 && s.get_member(result.added.front()).name == "张建国" ? 0 : 1;
}
