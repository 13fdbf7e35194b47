// A program outside the source tree, built against the installed package.
#include <dangyuan/dangyuan.hpp>

#include <iostream>

int main() {
    using namespace date::literals;
    auto s = dangyuan::open_store(":memory:");
    dangyuan::org_unit c{
        .name = "区委", .kind = dangyuan::org_kind::higher_committee, .established = 2000_y / 1 / 1};
    auto const id = s.add_org(c);
    std::cout << "dangyuan " << dangyuan::version_string << ": org " << id << ", agenda items "
              << s.agenda(2026_y / 11 / 26).size() << '\n';
    return s.orgs().size() == 1 ? 0 : 1;
}
