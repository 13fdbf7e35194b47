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

store_options context::options(bool create) const {
    store_options o;
    o.actor = actor;
    o.principal = as;
    o.create = create;
    o.busy_timeout = busy_timeout;
    if (today) o.today = [d = *today] { return d; };
    return o;
}

void context::check_file() const {
    if (is_server_location(db.string())) return;  // the server says whether the store is there
    std::error_code ec;
    auto const st = std::filesystem::status(db, ec);
    if (!std::filesystem::exists(st))
        throw invalid_input("db", "no store at '" + db.string() + "'; create one with `dangyuan --db " +
                                      db.string() + " init` or give --db FILE");
    if (std::filesystem::is_directory(st))
        throw invalid_input("db", "'" + db.string() + "' is a directory, not a store; give --db FILE");
    if (std::filesystem::file_size(db, ec) == 0 && !ec)
        throw invalid_input("db", "'" + db.string() + "' is an empty file, not a store; create one with " +
                                      "`dangyuan --db " + db.string() + " init`");
}

store& context::open(bool create) {
    if (store_) throw std::logic_error("the store is already open");
    if (!create) check_file();
    store_.emplace(store::open(db, options(create)));
    transaction_.emplace(*store_);
    return *store_;
}

store& context::open_read() {
    if (store_) throw std::logic_error("the store is already open");
    check_file();
    auto o = options(false);
    o.read_only = true;
    store_.emplace(store::open(db, std::move(o)));
    return *store_;
}

void context::commit() {
    if (transaction_) transaction_->commit();
    transaction_.reset();
    store_.reset();
}

}  // namespace dangyuan::cli
