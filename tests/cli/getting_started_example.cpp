#include <dangyuan/dangyuan.hpp>
#include <iostream>

int main() {
    using namespace date::literals;
    auto store = dangyuan::open_store("district.db", {.actor = "组织委员"});
    for (auto const& item : store.agenda(2026_y / 11 / 26))
        std::cout << item << '\n';
}
