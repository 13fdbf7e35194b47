#pragma once
// What the benchmark programs share: options, the cached sample districts, clocks, memory readings,
// raw SQLite helpers and the output format (one table, then one summary line per figure).

#include <sqlite3.h>

#include <date/date.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dangyuan/storage/store.hpp"

namespace bench {

/// Command-line options common to every program.
struct options {
    std::int64_t members = 1'000'000;          ///< N
    bool large = false;                        ///< growth also at 10 N
    std::uint64_t seed = 1;                    ///< the sample district's seed
    int repeat = 3;                            ///< timed runs of each side; the best counts
    std::filesystem::path dir = "bench-data";  ///< where districts and scratch stores go
    double budget = 600;                       ///< seconds one agenda run may take before it is stopped
    date::sys_days as_of = date::sys_days{date::year{2026} / 11 / 26};  ///< the generator's reference date
};

/// Parses `--members N --large --seed S --repeat R --dir D --budget SECONDS`; prints usage and exits on
/// error.
options parse_options(int argc, char** argv, char const* what);

/// Wall-clock seconds of `f()`.
double seconds(std::function<void()> const& f);

/// CPU seconds (user + system) the process has used so far.
double cpu_seconds();

/// A stopwatch: wall-clock (steady clock) and the process's CPU time.
class stopwatch {
public:
    stopwatch() : start_(std::chrono::steady_clock::now()), cpu_start_(cpu_seconds()) {}
    [[nodiscard]] double elapsed() const {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    }
    [[nodiscard]] double cpu_elapsed() const { return cpu_seconds() - cpu_start_; }

private:
    std::chrono::steady_clock::time_point start_;
    double cpu_start_;
};

/// The path of the sample district of `members` members (seed from `o`) with every domain
/// (`sample::domain_set::all`: the roster, then a bounded amount of development cases, mobile members,
/// evaluations, meetings, training and dues), generating it first when absent. Generation runs in a child
/// process so that the caller's memory figures stay clean.
std::filesystem::path district(options const& o, std::int64_t members);

/// Runs `f` in a forked child and returns what it wrote with `report` (one line); throws when the
/// child fails.
std::string in_child(std::function<void(std::function<void(std::string const&)> const& report)> const& f);

/// A run in a child process: its time and the count `f` returned (items, rows).
struct child_run {
    double seconds = 0;
    std::int64_t count = 0;
};

/// Runs `f` in a forked child and returns its time and result, or nothing when it was still running
/// after `budget` seconds (the child is then killed). Throws when the child fails.
std::optional<child_run> timed_in_child(std::function<std::int64_t()> const& f, double budget);

/// Runs `f` up to `o.repeat` times, each in a child under `o.budget`, and returns the best run, or
/// nothing when the first run was stopped. A run longer than a minute is not repeated: its noise is
/// small, and the whole benchmark must end in reasonable time.
std::optional<child_run> best_in_child(options const& o, std::function<std::int64_t()> const& f);

/// Resident set size and its peak, in bytes (from /proc/self/status).
std::int64_t rss_bytes();
std::int64_t peak_rss_bytes();
/// Resets the peak to the current size (Linux >= 4.0); false when not possible.
bool reset_peak_rss();

/// Removes a store file with its WAL and shared-memory files.
void remove_store(std::filesystem::path const& p);

/// A raw sqlite3 connection.
struct connection {
    explicit connection(std::filesystem::path const& p, bool write = false);
    ~connection();
    connection(connection const&) = delete;
    connection& operator=(connection const&) = delete;
    void exec(std::string const& sql) const;
    sqlite3* db = nullptr;
};

/// A prepared raw statement.
struct statement {
    statement(connection const& c, std::string const& sql);
    ~statement();
    statement(statement const&) = delete;
    statement& operator=(statement const&) = delete;
    /// sqlite3_step: true for a row, false when done; throws on error.
    bool step() const;
    sqlite3_stmt* st = nullptr;
    sqlite3* db = nullptr;
};

/// A raw scan: steps through every row of `sql` and reads every column with the accessor of its type
/// (integers as int64, text and blobs as bytes). Returns a checksum so that nothing is optimised away.
std::uint64_t raw_scan(connection const& c, std::string const& sql, std::int64_t* rows = nullptr);

// ---- output

/// One row of a program's table.
struct row {
    std::string what;
    double seconds = 0;
    std::int64_t items = 0;  ///< rows, members or items processed (0: not shown)
    std::string note;
};

/// Prints the table (what, seconds, items/s, µs/item, note) under a title.
void print_table(std::string const& title, std::vector<row> const& rows);

/// Prints `name=value target<op>limit ok|MISSED` (op is ">=" or "<="); the format CI and the docs quote.
void print_summary(std::string const& name, double value, char const* op, double limit, int decimals = 2);

/// Prints the machine (CPU model, cores, memory, kernel, SQLite) once per program.
void print_machine();

/// Mean seconds per call of `f` after one warm-up call: calls until half a second has passed (at least
/// `min_calls`, at most 200).
double per_call(std::function<void()> const& f, int min_calls);

/// The parts of the sample district the scoped figures measure: its first street-level working
/// committee (街道党工委), the first branch (党支部) under it with 15 to 30 members, and the district
/// committee (区委) above the street, with their member counts.
struct sample_scopes {
    dangyuan::org_unit branch, street, district;
    std::int64_t branch_members = 0, street_members = 0, district_members = 0;
};
/// \throws std::runtime_error when the store has no such street or branch.
sample_scopes find_sample_scopes(dangyuan::store const& s);

/// An empty store with the organisations of `source` (same ids), written through the library and closed
/// (so that the file holds no WAL). Each import starts from a byte copy of such a template.
void make_template(dangyuan::store const& source, std::filesystem::path const& path);

}  // namespace bench
