// The `dangyuan` command (subcommands arrive with the command-line work).
#include <dangyuan/version.hpp>

#include <iostream>

int main() {
    std::cout << "dangyuan " << dangyuan::version_string << '\n';
    return 0;
}
