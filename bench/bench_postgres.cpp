// The store on a PostgreSQL server (docs/deployment.md), in one run at N members:
//
// * pg_import_ratio: store::add_members of the district's N members in one call (one transaction) into a
//   PostgreSQL store holding the district's organisations, against COPY … FROM STDIN of the same rows, as
//   text rendered beforehand (what `psql \copy` does with a file), into the same store's members table
//   with the library's index strategy: secondary indexes and foreign keys dropped and made again in the
//   same transaction (as bench_import's raw SQLite reference uses the library's). Rows per second,
//   library over reference; target >= 0.70. Shown too: the same COPY into a plain table of the same
//   columns (no key, no index: the rows alone), and into the store's table with its indexes kept.
// * pg_roster_ratio, pg_agenda_ratio: open_store + load_roster_table, and the whole store's agenda, on
//   the district copied to PostgreSQL (copy_store) against the same on the district's SQLite file:
//   PostgreSQL seconds over SQLite seconds (above 1: PostgreSQL is slower). Reported, no target.
// * pg_concurrent: 8 writer processes, each a stream of small commands (member add, case step, meeting
//   with attendance, dues payment: bench/concurrent.cpp, as bench_concurrent runs them), on the
//   PostgreSQL store: commands per second, against the same 8 writers on a copy of the SQLite file.
//   Failures: target 0.
//
// The server: --url postgresql://… or the environment variable DANGYUAN_BENCH_POSTGRESQL (`postgresql://`
// alone takes PGHOST, PGUSER … from the environment, as pg_virtualenv sets them). Without one the
// program says that it skips and exits 0. It works in schemas of its own (dybench_*) in that database,
// dropped again at the end.

#include <libpq-fe.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "concurrent.hpp"
#include "dangyuan/member/member_fields.hpp"
#include "dangyuan/storage/roster_table.hpp"
#include "dangyuan/storage/store_copy.hpp"
#include "import.hpp"
#include "support.hpp"

namespace {

namespace fs = std::filesystem;
using dangyuan::roster_table;

constexpr int writers = 8;

// A raw libpq session.
class session {
public:
    explicit session(std::string const& url) : c_(PQconnectdb(url.c_str())) {
        if (PQstatus(c_) != CONNECTION_OK) {
            std::string const msg = PQerrorMessage(c_);
            PQfinish(c_);
            throw std::runtime_error("cannot connect to the server: " + msg);
        }
        PQsetNoticeProcessor(
            c_, [](void*, char const*) {}, nullptr);
    }
    ~session() { PQfinish(c_); }
    session(session const&) = delete;
    session& operator=(session const&) = delete;

    void exec(std::string const& sql) const {
        PGresult* r = PQexec(c_, sql.c_str());
        auto const st = PQresultStatus(r);
        std::string const msg = PQresultErrorMessage(r);
        PQclear(r);
        if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) throw std::runtime_error(sql + ": " + msg);
    }
    std::int64_t int64(std::string const& sql) const {
        PGresult* r = PQexec(c_, sql.c_str());
        if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) != 1) {
            std::string const msg = PQresultErrorMessage(r);
            PQclear(r);
            throw std::runtime_error(sql + ": " + msg);
        }
        auto const v = std::strtoll(PQgetvalue(r, 0, 0), nullptr, 10);
        PQclear(r);
        return v;
    }
    // The first two columns of every row of `sql`.
    std::vector<std::pair<std::string, std::string>> rows(std::string const& sql) const {
        PGresult* r = PQexec(c_, sql.c_str());
        if (PQresultStatus(r) != PGRES_TUPLES_OK) {
            std::string const msg = PQresultErrorMessage(r);
            PQclear(r);
            throw std::runtime_error(sql + ": " + msg);
        }
        std::vector<std::pair<std::string, std::string>> out;
        for (int i = 0; i < PQntuples(r); ++i)
            out.emplace_back(PQgetvalue(r, i, 0), PQgetvalue(r, i, 1));
        PQclear(r);
        return out;
    }
    // COPY table(columns) FROM STDIN of `text` (COPY's text format), sent in pieces of 1 MiB as psql does.
    void copy_in(std::string const& table, std::string const& columns, std::string const& text) const {
        PGresult* r = PQexec(c_, ("COPY " + table + "(" + columns + ") FROM STDIN").c_str());
        bool const ok = PQresultStatus(r) == PGRES_COPY_IN;
        PQclear(r);
        if (!ok) throw std::runtime_error("COPY " + table + ": " + PQerrorMessage(c_));
        constexpr std::size_t piece = 1 << 20;
        for (std::size_t at = 0; at < text.size(); at += piece) {
            auto const n = std::min(piece, text.size() - at);
            if (PQputCopyData(c_, text.data() + at, static_cast<int>(n)) != 1)
                throw std::runtime_error(std::string("COPY: ") + PQerrorMessage(c_));
        }
        if (PQputCopyEnd(c_, nullptr) != 1)
            throw std::runtime_error(std::string("COPY: ") + PQerrorMessage(c_));
        std::string failure;
        while (PGresult* res = PQgetResult(c_)) {
            if (PQresultStatus(res) != PGRES_COMMAND_OK) failure = PQresultErrorMessage(res);
            PQclear(res);
        }
        if (!failure.empty()) throw std::runtime_error("COPY " + table + ": " + failure);
    }

private:
    PGconn* c_;
};

// `url` with its connections in `schema` (search_path), as a store location.
std::string with_schema(std::string const& url, std::string const& schema) {
    auto const sep =
        url.find('?') == std::string::npos ? (url.find("://") + 3 == url.size() ? "/?" : "?") : "&";
    return url + sep + "options=-csearch_path%3D" + schema;
}

// A new, empty schema; the location of a store in it.
std::string fresh_schema(std::string const& url, std::string const& schema) {
    session(url).exec("DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema);
    return with_schema(url, schema);
}

// Writes the server's dirty buffers out, so that a timed run does not pay for the run before it.
void checkpoint(std::string const& url) {
    try {
        session(url).exec("CHECKPOINT");
    } catch (std::exception const&) {
        // Only a superuser may; the figures are then a little noisier.
    }
}

// ---- the reference's rows: the text a COPY file of the district's members holds

void escaped(std::string& out, std::string_view text) {
    for (char const ch : text) {
        switch (ch) {
            case '\\':
                out += "\\\\";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            default:
                out += ch;
        }
    }
}

// One member field as the library stores it.
struct field_text {
    std::string& out;
    bool first = false;
    void sep() {
        if (!first) out += '\t';
        first = false;
    }
    void operator()(std::string const& text) {
        sep();
        escaped(out, text);
    }
    template <dangyuan::code_table_enum E>
    void operator()(E value) {
        sep();
        out += dangyuan::code(value);
    }
    template <dangyuan::code_table_enum E>
    void operator()(std::optional<E> value) {
        sep();
        out += value ? std::string(dangyuan::code(*value)) : "\\N";
    }
    void operator()(std::optional<date::sys_days> d) {
        sep();
        out += d ? date::format("%F", *d) : "\\N";
    }
    void operator()(std::optional<dangyuan::citizen_id> const& id) {
        sep();
        out += id ? id->str() : "\\N";
    }
    void operator()(dangyuan::org_id id) {
        sep();
        out += std::to_string(id.value());
    }
    void operator()(bool flag) {
        sep();
        out += flag ? '1' : '0';
    }
};

std::string const& copy_columns() {
    static std::string const columns = [] {
        std::string out = "id";
        for (auto const& f : dangyuan::member_fields)
            out += ", " + std::string(f.column);
        return out;
    }();
    return columns;
}

// The rows of `t` with ids 1, 2, … as COPY text.
std::string copy_text(roster_table const& t) {
    std::string out;
    out.reserve(t.size() * 200);
    for (std::size_t i = 0; i < t.size(); ++i) {
        auto const m = t.row(i);
        out += std::to_string(i + 1);
        field_text f{out};
        dangyuan::for_each_member_field(
            [&](auto const& field) { f(m.*std::decay_t<decltype(field)>::pointer); });
        out += '\n';
    }
    return out;
}

// ---- the figures

struct import_figures {
    // seconds, best run
    double library = 1e300, plain = 1e300, same_table = 1e300, same_strategy = 1e300;
};

// The reference of pg_import_ratio: at the SQL level, what the library's bulk path does with a batch at
// least as large as the table (member_repository.cpp, copy_members): in one transaction the members
// table's secondary indexes and foreign keys are dropped, the rows copied (its primary key and the
// constraints' indexes kept), the indexes created and the keys added again. The definitions are read
// from the catalogue before the clock starts.
struct index_strategy {
    std::vector<std::string> drop, create;  // statements, in order
};

index_strategy library_strategy(session const& c) {
    index_strategy st;
    auto& drop = st.drop;
    auto& create = st.create;
    {
        auto const indexes = c.rows(
            "SELECT 'DROP INDEX ' || quote_ident(ci.relname), pg_get_indexdef(ci.oid) FROM pg_index x "
            "JOIN pg_class ci ON ci.oid = x.indexrelid WHERE x.indrelid = to_regclass('members') AND NOT "
            "x.indisprimary AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)");
        auto const keys = c.rows(
            "SELECT 'ALTER TABLE members DROP CONSTRAINT ' || quote_ident(conname), 'ALTER TABLE members ADD "
            "CONSTRAINT ' || quote_ident(conname) || ' ' || pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid = to_regclass('members') AND contype = 'f'");
        for (auto const& k : keys)
            drop.push_back(k.first);
        for (auto const& i : indexes) {
            drop.push_back(i.first);
            create.push_back(i.second);
        }
        for (auto const& k : keys)
            create.push_back(k.second);
    }
    return st;
}

void copy_like_the_library(session const& c, index_strategy const& st, std::string const& text) {
    c.exec("BEGIN");
    for (auto const& d : st.drop)
        c.exec(d);
    c.copy_in("members", copy_columns(), text);
    for (auto const& cr : st.create)
        c.exec(cr);
    c.exec("COMMIT");
}

import_figures measure_import(bench::options const& o, std::string const& url, roster_table const& rows,
                              fs::path const& tmpl) {
    auto const text = copy_text(rows);
    import_figures f;
    for (int r = 0; r < o.repeat; ++r) {
        {  // the library: one add_members call into a store holding the organisations
            auto const at = fresh_schema(url, "dybench_import");
            (void)dangyuan::copy_store(tmpl.string(), at);
            auto s = dangyuan::open_store(at, {.actor = "bench", .create = false});
            std::vector<dangyuan::member> drafts;
            drafts.reserve(rows.size());
            for (std::size_t i = 0; i < rows.size(); ++i)
                drafts.push_back(rows.row(i));
            checkpoint(url);
            bench::stopwatch w;
            auto const ids = s.add_members(drafts, "bench import");
            f.library = std::min(f.library, w.elapsed());
            if (ids.size() != rows.size()) throw std::runtime_error("add_members lost rows");
        }
        {  // the reference: COPY into a plain table of the same columns (LIKE: names, types, NOT NULL and
            // defaults; no key, index or foreign key)
            auto const at = fresh_schema(url, "dybench_plain");
            session c(at);
            c.exec("CREATE TABLE plain_members (LIKE dybench_import.members INCLUDING DEFAULTS)");
            checkpoint(url);
            bench::stopwatch w;
            c.exec("BEGIN");
            c.copy_in("plain_members", copy_columns(), text);
            c.exec("COMMIT");
            f.plain = std::min(f.plain, w.elapsed());
            if (c.int64("SELECT count(*) FROM plain_members") != static_cast<std::int64_t>(rows.size()))
                throw std::runtime_error("the plain COPY lost rows");
        }
        {  // the reference: the same rows into the store's own members table, as the library loads them
            auto const at = fresh_schema(url, "dybench_same");
            (void)dangyuan::copy_store(tmpl.string(), at);
            session c(at);
            auto const strategy = library_strategy(c);
            checkpoint(url);
            bench::stopwatch w;
            copy_like_the_library(c, strategy, text);
            f.same_strategy = std::min(f.same_strategy, w.elapsed());
            if (c.int64("SELECT count(*) FROM members") != static_cast<std::int64_t>(rows.size()))
                throw std::runtime_error("the reference COPY lost rows");
        }
        {  // for comparison: the same COPY into the store's own members table, its indexes kept
            auto const at = fresh_schema(url, "dybench_same");
            (void)dangyuan::copy_store(tmpl.string(), at);
            session c(at);
            checkpoint(url);
            bench::stopwatch w;
            c.exec("BEGIN");
            c.copy_in("members", copy_columns(), text);
            c.exec("COMMIT");
            f.same_table = std::min(f.same_table, w.elapsed());
        }
    }
    session c(url);
    c.exec(
        "DROP SCHEMA IF EXISTS dybench_import CASCADE; DROP SCHEMA IF EXISTS dybench_plain CASCADE; "
        "DROP SCHEMA IF EXISTS dybench_same CASCADE");
    return f;
}

// open_store + load_roster_table at `location`, best of o.repeat after one unmeasured load.
double roster_seconds(bench::options const& o, std::string const& location, std::int64_t n) {
    double best = 1e300;
    for (int r = -1; r < o.repeat; ++r) {
        auto const t = bench::seconds([&] {
            auto const s = dangyuan::open_store(location, {.create = false});
            auto const table = dangyuan::load_roster_table(s);
            if (static_cast<std::int64_t>(table.size()) != n)
                throw std::runtime_error("load_roster_table read " + std::to_string(table.size()) +
                                         " rows, not " + std::to_string(n));
        });
        if (r >= 0) best = std::min(best, t);
    }
    return best;
}

// store::roster() at `location` once: a member record per row through the seam (the generic path).
double roster_objects_seconds(std::string const& location) {
    return bench::seconds([&] {
        auto const s = dangyuan::open_store(location, {.create = false});
        (void)s.roster().size();
    });
}

std::optional<bench::child_run> agenda_run(bench::options const& o, std::string const& location) {
    return bench::best_in_child(o, [&] {
        auto const s = dangyuan::open_store(location, {.create = false});
        return static_cast<std::int64_t>(s.agenda(o.as_of).size());
    });
}

std::string seconds_text(double s) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", s);
    return buf;
}

void report(char const* name, double value, std::string const& what) {
    std::printf("%s=%.2f target report (%s)\n", name, value, what.c_str());
}

}  // namespace

int main(int argc, char** argv) try {
    // --url is this program's own option; the others are those of every benchmark program.
    std::string url;
    if (char const* env = std::getenv("DANGYUAN_BENCH_POSTGRESQL")) url = env;
    std::vector<char*> args{argv[0]};
    for (int i = 1; i < argc; ++i) {
        if (std::string_view(argv[i]) == "--url") {
            if (i + 1 >= argc) {
                std::cerr << "bench_postgres: --url needs a value\n";
                return 2;
            }
            url = argv[++i];
        } else {
            args.push_back(argv[i]);
        }
    }
    auto const o = bench::parse_options(static_cast<int>(args.size()), args.data(),
                                        "The store on PostgreSQL (--url postgresql://… or "
                                        "DANGYUAN_BENCH_POSTGRESQL) against COPY and against SQLite.");
    if (url.empty()) {
        std::cout << "bench_postgres: skipped: no PostgreSQL server given (--url postgresql://… or "
                     "DANGYUAN_BENCH_POSTGRESQL)\n";
        return 0;
    }
    bench::print_machine();
    std::cout << "PostgreSQL: server " << session(url).int64("SHOW server_version_num") << "\n";
    auto const source = bench::district(o, o.members);

    // ---- import
    auto const tmpl = o.dir / "pg-import-template.db";
    roster_table rows;
    {
        auto const s = dangyuan::open_store(source, {.create = false});
        rows = dangyuan::load_roster_table(s);
        bench::make_template(s, tmpl);
    }
    auto const n = static_cast<std::int64_t>(rows.size());
    auto const imp = measure_import(o, url, rows, tmpl);
    bench::remove_store(tmpl);
    rows = roster_table{};
    bench::print_table(
        "pg import: " + std::to_string(n) + " members into a PostgreSQL store (best of " +
            std::to_string(o.repeat) + ")",
        {{"COPY FROM STDIN into the store's members table, indexes and keys dropped and made again",
          imp.same_strategy, n, "reference"},
         {"store::add_members, one call (one transaction)", imp.library, n, "the figure"},
         {"COPY FROM STDIN into a plain table of the same columns (no key, no index)", imp.plain, n,
          "for comparison: the rows alone"},
         {"COPY FROM STDIN into the store's members table (psql \\copy)", imp.same_table, n,
          "for comparison: its key, indexes and foreign key kept"}});
    std::printf(
        "pg_import_ratio_plain_table=%.2f (against COPY into a table without key or index; not a target)\n",
        imp.plain / imp.library);
    std::printf(
        "pg_import_ratio_same_table=%.2f (against COPY into the store's own members table; not a target)\n",
        imp.same_table / imp.library);
    bench::print_summary("pg_import_ratio", imp.same_strategy / imp.library, ">=", 0.70);

    // ---- the district on the server: roster and agenda against the SQLite file
    auto const district = fresh_schema(url, "dybench_district");
    double const copy_seconds =
        bench::seconds([&] { (void)dangyuan::copy_store(source.string(), district); });
    std::cout << "the district copied to PostgreSQL (copy_store) in " << seconds_text(copy_seconds) << " s\n";
    checkpoint(url);
    session(url).exec("ANALYZE");
    auto const lite_roster = roster_seconds(o, source.string(), n);
    auto const pg_roster = roster_seconds(o, district, n);
    auto const pg_objects = roster_objects_seconds(district);
    auto const lite_agenda = agenda_run(o, source.string());
    auto const pg_agenda = agenda_run(o, district);
    auto const agenda_seconds = [&](std::optional<bench::child_run> const& a) {
        return a ? a->seconds : o.budget;
    };
    auto const agenda_note = [&](std::optional<bench::child_run> const& a) {
        return a ? std::to_string(a->count) + " items"
                 : std::string("stopped after the budget: a lower bound");
    };
    bench::print_table(
        "pg roster and agenda: the district of " + std::to_string(n) +
            " members, SQLite file against PostgreSQL (best of " + std::to_string(o.repeat) + ")",
        {{"SQLite: open_store + load_roster_table", lite_roster, n, "reference"},
         {"PostgreSQL: open_store + load_roster_table", pg_roster, n, "COPY TO STDOUT"},
         {"PostgreSQL: open_store + store::roster()", pg_objects, n,
          "for comparison, one run: a record per row through the seam"},
         {"SQLite: store::agenda(as_of)", agenda_seconds(lite_agenda), n, agenda_note(lite_agenda)},
         {"PostgreSQL: store::agenda(as_of)", agenda_seconds(pg_agenda), n, agenda_note(pg_agenda)}});
    if (lite_agenda && pg_agenda && lite_agenda->count != pg_agenda->count)
        throw std::runtime_error("the agendas differ: " + std::to_string(lite_agenda->count) +
                                 " items on SQLite, " + std::to_string(pg_agenda->count) + " on PostgreSQL");
    report("pg_roster_ratio", pg_roster / lite_roster, "PostgreSQL seconds / SQLite seconds");
    report("pg_agenda_ratio", agenda_seconds(pg_agenda) / agenda_seconds(lite_agenda),
           "PostgreSQL seconds / SQLite seconds");

    // ---- 8 writers: on the district on the server, and on a copy of the file
    namespace cc = bench::concurrent;
    int const count = cc::commands_per_writer(o.members);
    auto const dir = o.dir / "pg-concurrent";
    fs::create_directories(dir);
    auto const lite_path = dir / "many.db";
    bench::copy_store(source, lite_path);
    auto const lite_desks = cc::set_up(lite_path.string(), writers);
    auto const lite = cc::many_writers(lite_path.string(), lite_desks, count, dir);
    {
        bench::connection c(lite_path);
        std::int64_t found = 0;
        for (char const* sql : cc::written_rows_queries()) {
            bench::statement st(c, sql);
            if (st.step()) found += sqlite3_column_int64(st.st, 0);
        }
        cc::check_written("SQLite", lite, writers, count, found);
    }
    bench::remove_store(lite_path);
    auto const pg_desks = cc::set_up(district, writers);
    auto const pg = cc::many_writers(district, pg_desks, count, dir);
    {
        session c(district);
        std::int64_t found = 0;
        for (char const* sql : cc::written_rows_queries())
            found += c.int64(sql);
        cc::check_written("PostgreSQL", pg, writers, count, found);
    }
    session(url).exec("DROP SCHEMA IF EXISTS dybench_district CASCADE");
    bench::print_table("pg concurrent: " + std::to_string(writers) + " writer processes, " +
                           std::to_string(count) +
                           " commands each (member add, case step, meeting, dues payment), one run",
                       {{"SQLite file", lite.seconds, lite.commands,
                         "p50 " + cc::ms(lite.p50) + " ms, p99 " + cc::ms(lite.p99) + " ms, failures " +
                             std::to_string(lite.failures)},
                        {"PostgreSQL", pg.seconds, pg.commands,
                         "p50 " + cc::ms(pg.p50) + " ms, p99 " + cc::ms(pg.p99) + " ms, failures " +
                             std::to_string(pg.failures)}});
    for (auto const* f : {&lite, &pg})
        if (f->failures) std::cout << "first failure: " << f->first_failure << "\n";
    report("pg_concurrent", pg.per_second(),
           "commands per second, 8 writers on PostgreSQL; on SQLite " + seconds_text(lite.per_second()));
    std::cout << "pg_concurrent_p99_ms=" << cc::ms(pg.p99) << "\n";
    bench::print_summary("pg_concurrent_failures", static_cast<double>(pg.failures + lite.failures), "<=", 0,
                         0);
    return 0;
} catch (std::exception const& e) {
    std::cerr << "bench_postgres: " << e.what() << "\n";
    return 1;
}
