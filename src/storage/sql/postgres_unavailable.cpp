// The PostgreSQL side of the seam in a build without libpq: a connection string that names a server is
// refused with a message that says why; nothing else here is ever reached.

#include "postgres.hpp"

namespace dangyuan::storage::sql::pg {
namespace {
[[noreturn]] void unavailable() {
    throw error(
        "this build of dangyuan has no PostgreSQL backend (libpq was not found when it was built; "
        "install libpq-dev and build again)",
        error::kind::other);
}
}  // namespace

bool available() noexcept {
    return false;
}
connection::connection(std::string const&) {
    unavailable();
}
connection::~connection() = default;
void connection::exec(std::string const&) {
    unavailable();
}
bool connection::in_transaction() const {
    return false;
}
bool connection::failed_transaction() const {
    return false;
}
void begin_write(connection&) {
    unavailable();
}
copy_in::copy_in(connection& c, std::string const&, std::string const&) : conn_(c) {
    unavailable();
}
copy_in::~copy_in() = default;
void copy_in::field(std::string_view) {}
void copy_in::null_field() {}
void copy_in::end_row() {}
void copy_in::finish() {}
copy_out::copy_out(connection& c, std::string const&) : conn_(c) {
    unavailable();
}
copy_out::~copy_out() = default;
bool copy_out::next() {
    unavailable();
}
void copy_out::release() noexcept {}
translated translate(std::string_view) {
    unavailable();
}
statement_state::statement_state(connection& c, std::string const&) : conn(c) {
    unavailable();
}
statement_state::~statement_state() = default;
void statement_state::run() {
    unavailable();
}
void statement_state::clear() noexcept {}
void bind_int64(statement_state&, int, std::int64_t) {}
void bind_double(statement_state&, int, double) {}
void bind_text(statement_state&, int, std::string_view) {}
void bind_null(statement_state&, int) {}
int index_of(statement_state const&, char const*) {
    unavailable();
}
bool step(statement_state&) {
    unavailable();
}
int exec(statement_state&) {
    unavailable();
}
void reset(statement_state&) {}
void clear_bindings(statement_state&) {}
bool is_null(statement_state const&, int) {
    unavailable();
}
bool is_integer(statement_state const&, int) {
    unavailable();
}
bool is_float(statement_state const&, int) {
    unavailable();
}
char const* text(statement_state const&, int) {
    unavailable();
}
int size_bytes(statement_state const&, int) {
    unavailable();
}
std::int64_t as_int64(statement_state const&, int) {
    unavailable();
}
double as_double(statement_state const&, int) {
    unavailable();
}
}  // namespace dangyuan::storage::sql::pg
