#pragma once
// The concurrent-commands workload, shared by bench_concurrent (SQLite) and bench_postgres: writer
// processes on one store, each running a stream of small commands (member add, development case step,
// meeting with attendance, dues payment) through its own handle.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "dangyuan/core/ids.hpp"

namespace bench::concurrent {

/// What one writer works in: its own branch, with three members and the dues account of the first.
struct desk {
    dangyuan::org_id branch;
    std::vector<dangyuan::member_id> members;
};

/// Commands per writer for a store of `members` members: 400 at N = 1 000 000, fewer for a small smoke
/// run (a multiple of 4, at least 40).
int commands_per_writer(std::int64_t members);

/// Adds one branch per writer (under the store's first organisation) with its members and dues account,
/// in the store at `location` (a file or a server location).
std::vector<desk> set_up(std::string const& location, int writers);

/// The figures of one run.
struct run_figures {
    double seconds = 0;
    std::int64_t commands = 0;
    std::int64_t failures = 0;
    double p50 = 0, p99 = 0;  ///< latency of a command, seconds
    std::string first_failure;
    [[nodiscard]] double per_second() const { return static_cast<double>(commands) / seconds; }
};

/// One process runs the streams of every desk, one after the other.
run_figures single_writer(std::string const& location, std::vector<desk> const& desks, int count);

/// One process per desk, started together, each running its stream (`count` commands); the streams'
/// results pass through files in `dir`.
run_figures many_writers(std::string const& location, std::vector<desk> const& desks, int count,
                         std::filesystem::path const& dir);

/// The SQL that counts the rows the commands wrote, one query per kind (standard SQL: it runs on either
/// database): the members of region 650102 (the set-up's and those added), the cases of such applicants
/// and their steps, the meetings of the writers' branches and the dues payments of their members. Each
/// command writes one of them.
std::vector<char const*> const& written_rows_queries();

/// Checks that every successful command is in the store once: `found` rows (the sum of
/// written_rows_queries()) against what `writers` set-ups and streams of `count` commands write.
/// \throws std::runtime_error naming `what` otherwise.
void check_written(std::string const& what, run_figures const& f, int writers, int count, std::int64_t found);

/// Seconds as milliseconds with two decimals.
std::string ms(double seconds);

}  // namespace bench::concurrent
