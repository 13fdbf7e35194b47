#include "import.hpp"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "support.hpp"

namespace bench {

namespace fs = std::filesystem;
using dangyuan::roster_table;

void copy_store(fs::path const& from, fs::path const& to) {
    remove_store(to);
    fs::copy_file(from, to);
    // Everything written so far (the copy, earlier imports, a district just generated) reaches the disk
    // before the next timed import, instead of being written back while it runs.
    ::sync();
}

import_time library_import(fs::path const& path, roster_table const& rows, std::size_t chunk) {
    auto s = dangyuan::open_store(path, {.actor = "bench"});
    std::size_t const n = rows.size();
    std::size_t const step = chunk == 0 ? n : chunk;
    std::vector<dangyuan::member> drafts;
    drafts.reserve(step);
    import_time t;
    for (std::size_t from = 0; from < n; from += step) {
        drafts.clear();
        for (std::size_t i = from; i < std::min(n, from + step); ++i)
            drafts.push_back(rows.row(i));
        stopwatch w;
        (void)s.add_members(drafts, "bench import");
        t.add(w);
    }
    return t;
}

namespace {

// The library's INSERT (member_repository.cpp), parameter for parameter.
constexpr char const* insert_sql =
    "INSERT INTO members(name, sex, ethnicity, birth_date, id_number, education, category, work_unit, post, "
    "native_place, phone, address, branch_id, joined_branch, application_date, admission_date, "
    "full_member_date, backfilled) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

// One row's values that are not in the table as text already: its five dates as ISO text and its
// codes as the store writes them.
struct rendered {
    std::array<std::array<char, 10>, 5> dates{};
    std::array<bool, 5> has_date{};
    std::string_view sex, ethnicity, education, category;
};

void iso(std::int32_t days, std::array<char, 10>& out) {
    auto const ymd = date::year_month_day{date::sys_days{date::days{days}}};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    std::copy_n(buf, 10, out.begin());
}

template <class E>
std::string_view code_text(std::int8_t v) {
    return v == roster_table::no_code ? std::string_view{} : dangyuan::code(static_cast<E>(v));
}

void render(roster_table const& t, std::size_t from, std::size_t to, std::vector<rendered>& out) {
    out.clear();
    for (std::size_t i = from; i < to; ++i) {
        rendered r;
        std::array<std::int32_t, 5> const d{t.birth_date[i], t.joined_branch[i], t.application_date[i],
                                            t.admission_date[i], t.full_member_date[i]};
        for (std::size_t k = 0; k < 5; ++k) {
            r.has_date[k] = d[k] != roster_table::no_date;
            if (r.has_date[k]) iso(d[k], r.dates[k]);
        }
        r.sex = code_text<dangyuan::sex>(t.sex[i]);
        r.ethnicity = code_text<dangyuan::ethnicity>(t.ethnicity[i]);
        r.education = code_text<dangyuan::education>(t.education[i]);
        r.category = code_text<dangyuan::personnel_category>(t.category[i]);
        out.push_back(r);
    }
}

void bind_text(sqlite3_stmt* st, int i, std::string_view v) {
    sqlite3_bind_text(st, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
}
void bind_text_or_null(sqlite3_stmt* st, int i, std::string_view v) {
    if (v.empty())
        sqlite3_bind_null(st, i);
    else
        bind_text(st, i, v);
}
void bind_date(sqlite3_stmt* st, int i, rendered const& r, std::size_t k) {
    if (r.has_date[k])
        sqlite3_bind_text(st, i, r.dates[k].data(), 10, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, i);
}

}  // namespace

import_time raw_import(fs::path const& path, roster_table const& t, std::size_t commit_every, bool plain) {
    connection c(path, true);
    // The store's pragmas (store.cpp).
    c.exec("PRAGMA foreign_keys = ON");
    c.exec("PRAGMA journal_mode = WAL");
    c.exec("PRAGMA synchronous = NORMAL");
    // The page cache store::add_members sets for a batch of this size (the template holds no member).
    // With commits every `commit_every` rows the library raises it per batch and restores it between
    // batches; here it stays raised for the whole run.
    if (std::size_t const batch = commit_every == 0 ? t.size() : std::min(commit_every, t.size());
        !plain && batch >= dangyuan::bulk_cache_min_rows) {
        auto const kib = dangyuan::bulk_cache_kib(static_cast<std::int64_t>(t.size()));
        c.exec("PRAGMA cache_size = " + std::to_string(-kib));
    }
    // As store::add_members does, a transaction that inserts at least bulk_cache_min_rows rows and at
    // least as many as the table holds drops the secondary indexes first and creates them at the end.
    std::vector<std::pair<std::string, std::string>> indexes;
    {
        statement q(c,
                    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'members' AND "
                    "sql IS NOT NULL ORDER BY name");
        while (q.step())
            indexes.emplace_back(reinterpret_cast<char const*>(sqlite3_column_text(q.st, 0)),
                                 reinterpret_cast<char const*>(sqlite3_column_text(q.st, 1)));
    }
    std::size_t const n = t.size();
    std::size_t const batch = commit_every == 0 ? n : commit_every;
    bool dropped = false;
    // Such a batch also goes past the write-ahead log, as the library's does when no other connection
    // has the file open (rollback_journal_guard): rollback journal and synchronous = FULL for it. Its
    // indexes are built with the library's sort cache and worker thread (bulk_sort_cache_kib).
    bool journal = false;
    auto const begin_batch = [&](std::size_t from) {
        std::size_t const rows = std::min(batch, n - from);
        bool const rebuild = !plain && rows >= dangyuan::bulk_cache_min_rows && rows >= from;
        if (rebuild) {
            c.exec("PRAGMA journal_mode = DELETE");
            c.exec("PRAGMA synchronous = FULL");
            journal = true;
        }
        c.exec("BEGIN IMMEDIATE");
        if (!rebuild) return;
        for (auto const& ix : indexes)
            c.exec("DROP INDEX \"" + ix.first + "\"");
        dropped = true;
    };
    auto const end_batch = [&] {
        if (dropped) {
            auto const cache = [&] {
                statement q(c, "PRAGMA cache_size");
                return q.step() ? sqlite3_column_int64(q.st, 0) : 0;
            }();
            c.exec("PRAGMA cache_size = " + std::to_string(-dangyuan::bulk_sort_cache_kib));
            c.exec("PRAGMA threads = " + std::to_string(dangyuan::bulk_sort_threads));
            for (auto const& ix : indexes)
                c.exec(ix.second);
            c.exec("PRAGMA threads = 0");
            c.exec("PRAGMA cache_size = " + std::to_string(cache));
        }
        dropped = false;
        c.exec("COMMIT");
        if (journal) {
            c.exec("PRAGMA journal_mode = WAL");
            c.exec("PRAGMA synchronous = NORMAL");
            journal = false;
        }
    };
    statement ins(c, insert_sql);
    auto* const st = ins.st;
    std::size_t const step = commit_every == 0 ? import_chunk : commit_every;
    std::vector<rendered> buf;
    buf.reserve(step);
    import_time out;
    {
        stopwatch w;
        begin_batch(0);
        out.add(w);
    }
    for (std::size_t from = 0; from < n; from += step) {
        std::size_t const to = std::min(n, from + step);
        render(t, from, to, buf);
        stopwatch w;
        if (commit_every != 0 && from != 0) {
            end_batch();
            begin_batch(from);
        }
        for (std::size_t i = from; i < to; ++i) {
            auto const& r = buf[i - from];
            bind_text(st, 1, t.name[i]);
            bind_text(st, 2, r.sex);
            bind_text(st, 3, r.ethnicity);
            bind_date(st, 4, r, 0);
            bind_text_or_null(st, 5, t.id_number[i]);
            bind_text_or_null(st, 6, r.education);
            bind_text_or_null(st, 7, r.category);
            bind_text(st, 8, t.work_unit[i]);
            bind_text(st, 9, t.post[i]);
            bind_text(st, 10, t.native_place[i]);
            bind_text(st, 11, t.phone[i]);
            bind_text(st, 12, t.address[i]);
            sqlite3_bind_int64(st, 13, t.branch[i]);
            bind_date(st, 14, r, 1);
            bind_date(st, 15, r, 2);
            bind_date(st, 16, r, 3);
            bind_date(st, 17, r, 4);
            sqlite3_bind_int(st, 18, t.backfilled[i]);
            if (sqlite3_step(st) != SQLITE_DONE)
                throw std::runtime_error(std::string("raw insert: ") + sqlite3_errmsg(c.db));
            sqlite3_reset(st);
        }
        out.add(w);
    }
    stopwatch w;
    end_batch();
    out.add(w);
    return out;
}

}  // namespace bench
