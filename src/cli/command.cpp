#include "cli/command.hpp"

#include <algorithm>

#include "dangyuan/core/errors.hpp"

namespace dangyuan::cli {
namespace {

std::vector<command>& registry() {
    static std::vector<command> r;
    return r;
}

}  // namespace

bool register_command(command c) {
    auto& r = registry();
    r.push_back(std::move(c));
    std::sort(r.begin(), r.end(), [](command const& a, command const& b) { return a.name < b.name; });
    return true;
}

std::vector<command> const& commands() {
    return registry();
}

store context::open(bool create) const {
    if (!create && !std::filesystem::exists(db))
        throw invalid_input("db", "no store at '" + db.string() + "'; create one with `dangyuan --db " +
                                      db.string() + " init` or give --db FILE");
    store_options options;
    options.actor = actor;
    options.create = create;
    return store::open(db, std::move(options));
}

}  // namespace dangyuan::cli
