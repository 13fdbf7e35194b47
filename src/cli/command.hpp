#pragma once
/// \file
/// The subcommand registry of the `dangyuan` command. Each subcommand lives in one source file that
/// registers itself with `register_command` at start-up; `main` only dispatches. A new subcommand is a
/// new file (plus its line in CMakeLists.txt).

#include <boost/program_options.hpp>

#include <chrono>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "dangyuan/storage/store.hpp"

namespace dangyuan::cli {

namespace po = boost::program_options;

/// Exit status: success.
inline constexpr int exit_ok = 0;
/// Exit status: bad input or a rule violation (the message names the row, field or rule id).
inline constexpr int exit_failure = 1;
/// Exit status: the command line itself is wrong.
inline constexpr int exit_usage = 2;
/// Exit status: the principal (--as, $DANGYUAN_AS) may not do what the command asked (access_denied).
inline constexpr int exit_denied = 3;

/// A mistake on the command line (exit status 2).
class usage_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// What every subcommand receives: the global options and the output streams.
struct context {
    std::filesystem::path db = "dangyuan.db";  ///< --db
    std::string actor;                         ///< --actor, recorded in the audit trail
    std::optional<principal> as;               ///< --as ROLE@ORG or $DANGYUAN_AS; none: full access
    std::ostream* out = nullptr;               ///< standard output (reports)
    std::ostream* err = nullptr;               ///< standard error (diagnostics, progress)

    /// Opens the store for a command that writes, and begins the command's one transaction: every
    /// write of the command lands when `main` calls `commit` after the command returned exit_ok, and
    /// none does when it fails (an exception or another exit status). Without `create`, a missing or
    /// empty file is an error that says to run `dangyuan init`.
    /// \throws invalid_input{"db"} when the file is missing; storage_error when it is not a store or
    ///         another writer holds the lock longer than the busy timeout.
    [[nodiscard]] store& open(bool create = false);
    /// Opens the store read-only (store_options::read_only): the file is never created, migrated or
    /// changed. \throws invalid_input{"db"} when the file is missing or empty.
    [[nodiscard]] store& open_read();
    /// Commits the command's transaction, if any, and closes the store (which checkpoints its
    /// write-ahead log). Called by `main` after a command returned exit_ok.
    void commit();

    /// \throws invalid_input{"db"} when --db names no store (a missing or empty file); a server's
    /// location is not checked here.
    void check_location() const { check_file(); }

    std::chrono::milliseconds busy_timeout{5000};  ///< --busy-timeout
    std::optional<date::sys_days> today;           ///< --today (the date of recording; tests pin it)

private:
    std::optional<store> store_;
    std::optional<store::transaction> transaction_;  // after store_: destroyed (rolled back) first
    store_options options(bool create) const;
    void check_file() const;
};

/// One subcommand.
struct command {
    std::string name;         ///< the words that select it, e.g. "member show"
    std::string summary;      ///< one line for the command list
    std::string arguments;    ///< positional arguments in the usage line, e.g. "FILE"
    std::string description;  ///< what it does, printed by --help (may span lines)
    std::string examples;     ///< example invocations, printed by --help
    /// Adds the subcommand's options and positional arguments.
    std::function<void(po::options_description&, po::positional_options_description&)> options;
    /// Runs it; returns the exit status.
    std::function<int(context&, po::variables_map const&)> run;
};

/// Adds a subcommand to the registry; returns true so that a file can register at namespace scope:
/// `[[maybe_unused]] bool const registered = register_command({...});`.
bool register_command(command c);

/// Every registered subcommand, sorted by name.
[[nodiscard]] std::vector<command> const& commands();

}  // namespace dangyuan::cli
