// Opening, closing and the shared helpers of the SQLite store.

#include <sqlite3.h>

#include <charconv>
#include <chrono>

#include "impl.hpp"

namespace dangyuan {
namespace storage {

void iso_into(date::sys_days d, iso_date_buffer& out) {
    auto const ymd = date::year_month_day{d};
    int const y = static_cast<int>(ymd.year());
    unsigned const m = static_cast<unsigned>(ymd.month()), dd = static_cast<unsigned>(ymd.day());
    if (y < 0 || y > 9999)
        throw invalid_input("date", std::to_string(y) + "-" + std::to_string(m) + "-" + std::to_string(dd) +
                                        " has a year outside 0000-9999, which ISO dates cannot store");
    // Digit by digit: snprintf was a fifth of the cost of binding a member in bulk inserts.
    auto const u = static_cast<unsigned>(y);
    out = {static_cast<char>('0' + u / 1000),
           static_cast<char>('0' + u / 100 % 10),
           static_cast<char>('0' + u / 10 % 10),
           static_cast<char>('0' + u % 10),
           '-',
           static_cast<char>('0' + m / 10),
           static_cast<char>('0' + m % 10),
           '-',
           static_cast<char>('0' + dd / 10),
           static_cast<char>('0' + dd % 10),
           '\0'};
}

std::string format_iso(date::sys_days d) {
    iso_date_buffer buf;
    iso_into(d, buf);
    return buf.data();
}

date::sys_days parse_iso(std::string_view t, char const* column) {
    auto digits = [&](std::size_t from, std::size_t n) {
        int v = 0;
        for (std::size_t i = from; i < from + n; ++i) {
            if (t[i] < '0' || t[i] > '9') return -1;
            v = v * 10 + (t[i] - '0');
        }
        return v;
    };
    if (t.size() == 10 && t[4] == '-' && t[7] == '-') {
        int const y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
        if (y >= 0 && m > 0 && d > 0) {
            auto const ymd = date::year{y} / static_cast<unsigned>(m) / static_cast<unsigned>(d);
            if (ymd.ok()) return date::sys_days{ymd};
        }
    }
    throw storage_error("column " + std::string(column) + " holds '" + std::string(t) +
                        "', not a YYYY-MM-DD date");
}

std::optional<date::sys_days> column_date(SQLite::Statement& st, int col, char const* name) {
    auto c = st.getColumn(col);
    if (c.isNull()) return std::nullopt;
    auto const* text = c.getText();
    return parse_iso(std::string_view(text, static_cast<std::size_t>(c.getBytes())), name);
}

void bind_date(SQLite::Statement& st, int index, std::optional<date::sys_days> d) {
    if (d)
        st.bind(index, format_iso(*d));
    else
        st.bind(index);
}

void rethrow_sqlite(SQLite::Exception const& e, std::string_view doing) {
    int const ext = e.getExtendedErrorCode();
    if (ext == SQLITE_CONSTRAINT_UNIQUE || ext == SQLITE_CONSTRAINT_PRIMARYKEY)
        throw conflict(std::string("a record with the same key already exists (") + e.what() + ")");
    if (e.getErrorCode() == SQLITE_CONSTRAINT)
        throw storage_error(std::string("constraint failed while ") + std::string(doing) + ": " + e.what());
    throw storage_error(std::string("SQLite error while ") + std::string(doing) + ": " + e.what());
}

}  // namespace storage

store::impl::impl(std::filesystem::path const& path, store_options o)
    : db(path.string(), SQLite::OPEN_READWRITE | (o.create ? SQLite::OPEN_CREATE : 0)),
      options(std::move(o)) {
    // Check the file's identity and version before any pragma writes to it.
    storage::migrate(db);
    db.exec("PRAGMA foreign_keys = ON");
    if (path != ":memory:") {
        db.exec("PRAGMA journal_mode = WAL");
        db.exec("PRAGMA synchronous = NORMAL");
    }
    db.setBusyTimeout(5000);
}

store store::open(std::filesystem::path const& path, store_options options) {
    try {
        return store(std::make_unique<impl>(path, std::move(options)));
    } catch (SQLite::Exception const& e) {
        throw storage_error("cannot open store '" + path.string() + "': " + e.what());
    }
}

store::store(std::unique_ptr<impl> p) : impl_(std::move(p)) {}
store::store(store&&) noexcept = default;
store& store::operator=(store&&) noexcept = default;
store::~store() = default;

int store::schema_version() const {
    return storage::read_schema_version(impl_->db);
}
rule_set const& store::rules() const noexcept {
    return impl_->options.rules;
}
void store::set_actor(std::string actor) {
    impl_->options.actor = std::move(actor);
}

}  // namespace dangyuan
