#include "support.hpp"

#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <utility>

#include "sample/generator.hpp"

namespace bench {

namespace fs = std::filesystem;

options parse_options(int argc, char** argv, char const* what) {
    options o;
    auto usage = [&](std::string const& why) {
        std::cerr << argv[0] << ": " << why << "\n"
                  << what << "\n"
                  << "usage: " << argv[0]
                  << " [--members N] [--large] [--seed S] [--repeat R] [--dir D] [--budget SECONDS]\n";
        std::exit(2);
    };
    for (int i = 1; i < argc; ++i) {
        std::string_view const a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) usage(std::string(a) + " needs a value");
            return argv[++i];
        };
        try {
            if (a == "--members")
                o.members = std::stoll(value());
            else if (a == "--large")
                o.large = true;
            else if (a == "--seed")
                o.seed = std::stoull(value());
            else if (a == "--repeat")
                o.repeat = std::stoi(value());
            else if (a == "--dir")
                o.dir = value();
            else if (a == "--budget")
                o.budget = std::stod(value());
            else if (a == "--help" || a == "-h")
                usage("help");
            else
                usage("unknown option " + std::string(a));
        } catch (std::logic_error const&) {
            usage("bad number after " + std::string(a));
        }
    }
    if (o.members < 1000) usage("--members must be at least 1000");
    if (o.repeat < 1) usage("--repeat must be at least 1");
    fs::create_directories(o.dir);
    return o;
}

double cpu_seconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

double seconds(std::function<void()> const& f) {
    stopwatch w;
    f();
    return w.elapsed();
}

namespace {

// A child process running `body(write_end)` with a pipe to the parent; an exception in the body is
// reported on stderr and makes the child exit with 1. Returns the child's pid and the read end.
std::pair<pid_t, int> fork_with_pipe(std::function<int(int)> const& body) {
    int fd[2];
    if (pipe(fd) != 0) throw std::runtime_error("pipe failed");
    std::cout.flush();
    std::cerr.flush();
    pid_t const pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        close(fd[0]);
        int rc = 0;
        try {
            rc = body(fd[1]);
        } catch (std::exception const& e) {
            std::cerr << "error: " << e.what() << "\n";
            rc = 1;
        }
        std::cout.flush();
        std::cerr.flush();
        close(fd[1]);
        _exit(rc);
    }
    close(fd[1]);
    return {pid, fd[0]};
}

// Waits for the child; true when it exited normally with status 0.
bool child_succeeded(pid_t pid) {
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace

std::string in_child(std::function<void(std::function<void(std::string const&)> const& report)> const& f) {
    auto const [pid, in] = fork_with_pipe([&](int out) {
        int rc = 0;
        f([&](std::string const& line) {
            auto const text = line + "\n";
            if (write(out, text.data(), text.size()) < 0) rc = 3;
        });
        return rc;
    });
    std::string out;
    char buf[4096];
    for (ssize_t n; (n = read(in, buf, sizeof buf)) > 0;)
        out.append(buf, static_cast<std::size_t>(n));
    close(in);
    if (!child_succeeded(pid)) throw std::runtime_error("a child process failed");
    if (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
}

std::optional<child_run> timed_in_child(std::function<std::int64_t()> const& f, double budget) {
    auto const [pid, in] = fork_with_pipe([&](int out) {
        stopwatch w;
        child_run r;
        r.count = f();
        r.seconds = w.elapsed();
        return write(out, &r, sizeof r) == static_cast<ssize_t>(sizeof r) ? 0 : 3;
    });
    pollfd p{in, POLLIN, 0};
    int const ready = poll(&p, 1, static_cast<int>(budget * 1000));
    std::optional<child_run> out;
    if (ready > 0) {
        child_run r;
        if (read(in, &r, sizeof r) == static_cast<ssize_t>(sizeof r)) out = r;
    } else {
        kill(pid, SIGKILL);
    }
    close(in);
    bool const ok = child_succeeded(pid);
    if (ready > 0 && (!out || !ok)) throw std::runtime_error("a child process failed");
    return out;
}

std::optional<child_run> best_in_child(options const& o, std::function<std::int64_t()> const& f) {
    std::optional<child_run> best;
    for (int r = 0; r < o.repeat; ++r) {
        auto const run = timed_in_child(f, o.budget);
        if (!run) return best;
        if (!best || run->seconds < best->seconds) best = run;
        if (run->seconds > 60) break;
    }
    return best;
}

void remove_store(fs::path const& p) {
    for (auto const* suffix : {"", "-wal", "-shm", "-journal"})
        fs::remove(fs::path(p.string() + suffix));
}

fs::path district(options const& o, std::int64_t members) {
    auto const path = o.dir / ("district-seed" + std::to_string(o.seed) + "-n" + std::to_string(members) +
                               "-v" + std::to_string(dangyuan::store::schema_version_latest) + "-all.db");
    if (fs::exists(path)) return path;
    auto const partial = fs::path(path.string() + ".partial");
    std::cout << "generating the sample district: " << members << " members, seed " << o.seed << " ... "
              << std::flush;
    stopwatch w;
    in_child([&](auto const&) {
        remove_store(partial);
        {
            auto s = dangyuan::open_store(partial, {.actor = "bench"});
            dangyuan::sample::generate(s, {.seed = o.seed,
                                           .members = members,
                                           .as_of = o.as_of,
                                           .domains = dangyuan::sample::domain_set::all});
        }  // closing checkpoints the WAL into the file
        fs::rename(partial, path);
    });
    std::cout << w.elapsed() << " s\n";
    return path;
}

namespace {
std::int64_t status_kb(char const* key) {
    std::ifstream in("/proc/self/status");
    std::string line;
    auto const k = std::string(key) + ":";
    while (std::getline(in, line))
        if (line.rfind(k, 0) == 0) return std::stoll(line.substr(k.size()));
    return -1;
}
}  // namespace

std::int64_t rss_bytes() {
    return status_kb("VmRSS") * 1024;
}
std::int64_t peak_rss_bytes() {
    return status_kb("VmHWM") * 1024;
}
bool reset_peak_rss() {
    std::ofstream out("/proc/self/clear_refs");
    out << "5";
    out.flush();
    return static_cast<bool>(out);
}

connection::connection(fs::path const& p, bool write) {
    int const flags = write ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY;
    if (sqlite3_open_v2(p.c_str(), &db, flags, nullptr) != SQLITE_OK) {
        std::string const why = db ? sqlite3_errmsg(db) : "out of memory";
        sqlite3_close(db);
        throw std::runtime_error("cannot open " + p.string() + ": " + why);
    }
}
connection::~connection() {
    sqlite3_close(db);
}
void connection::exec(std::string const& sql) const {
    char* err = nullptr;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
        std::string const why = err ? err : "?";
        sqlite3_free(err);
        throw std::runtime_error(sql + ": " + why);
    }
}

statement::statement(connection const& c, std::string const& sql) : db(c.db) {
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
        throw std::runtime_error(sql + ": " + sqlite3_errmsg(db));
}
statement::~statement() {
    sqlite3_finalize(st);
}
bool statement::step() const {
    int const rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw std::runtime_error(std::string("step: ") + sqlite3_errmsg(db));
}

std::uint64_t raw_scan(connection const& c, std::string const& sql, std::int64_t* rows) {
    statement s(c, sql);
    int const n = sqlite3_column_count(s.st);
    std::uint64_t sum = 0;
    std::int64_t count = 0;
    while (s.step()) {
        ++count;
        for (int i = 0; i < n; ++i) {
            switch (sqlite3_column_type(s.st, i)) {
                case SQLITE_INTEGER:
                    sum += static_cast<std::uint64_t>(sqlite3_column_int64(s.st, i));
                    break;
                case SQLITE_FLOAT:
                    sum += static_cast<std::uint64_t>(sqlite3_column_double(s.st, i));
                    break;
                case SQLITE_TEXT: {
                    auto const* p = sqlite3_column_text(s.st, i);
                    int const len = sqlite3_column_bytes(s.st, i);
                    sum += static_cast<std::uint64_t>(len) + (len > 0 ? p[0] : 0U);
                    break;
                }
                case SQLITE_BLOB:
                    sum += static_cast<std::uint64_t>(sqlite3_column_bytes(s.st, i));
                    break;
                default:
                    break;
            }
        }
    }
    if (rows) *rows = count;
    return sum;
}

void print_table(std::string const& title, std::vector<row> const& rows) {
    std::printf("\n%s\n", title.c_str());
    std::printf("  %-52s %10s %12s %10s  %s\n", "what", "seconds", "items/s", "us/item", "note");
    for (auto const& r : rows) {
        if (r.items > 0)
            std::printf("  %-52s %10.3f %12.0f %10.3f  %s\n", r.what.c_str(), r.seconds,
                        static_cast<double>(r.items) / r.seconds,
                        r.seconds * 1e6 / static_cast<double>(r.items), r.note.c_str());
        else
            std::printf("  %-52s %10.3f %12s %10s  %s\n", r.what.c_str(), r.seconds, "", "", r.note.c_str());
    }
    std::fflush(stdout);
}

void print_summary(std::string const& name, double value, char const* op, double limit, int decimals) {
    bool const ok = std::string_view(op) == ">=" ? value >= limit : value <= limit;
    std::printf("%s=%.*f target%s%.*f %s\n", name.c_str(), decimals, value, op, decimals, limit,
                ok ? "ok" : "MISSED");
    std::fflush(stdout);
}

void print_machine() {
    std::string cpu = "?";
    {
        std::ifstream in("/proc/cpuinfo");
        std::string line;
        while (std::getline(in, line))
            if (line.rfind("model name", 0) == 0) {
                cpu = line.substr(line.find(':') + 2);
                break;
            }
    }
    std::int64_t mem_kb = 0;
    {
        std::ifstream in("/proc/meminfo");
        std::string key;
        in >> key >> mem_kb;
    }
    utsname u{};
    uname(&u);
    std::printf("machine: %s, %ld cores, %.1f GiB, %s %s, SQLite %s\n", cpu.c_str(),
                sysconf(_SC_NPROCESSORS_ONLN), static_cast<double>(mem_kb) / (1024.0 * 1024.0), u.sysname,
                u.release, sqlite3_libversion());
    std::fflush(stdout);
}

double per_call(std::function<void()> const& f, int min_calls) {
    f();
    int calls = 0;
    stopwatch w;
    while (calls < min_calls || (w.elapsed() < 0.5 && calls < 200)) {
        f();
        ++calls;
    }
    return w.elapsed() / calls;
}

sample_scopes find_sample_scopes(dangyuan::store const& s) {
    using dangyuan::scope;
    sample_scopes out;
    bool found_street = false, found_branch = false;
    for (auto const& u : s.orgs(scope::all()))
        if (u.kind == dangyuan::org_kind::working_committee && u.name.ends_with("街道党工委")) {
            out.street = u;
            found_street = true;
            break;
        }
    if (!found_street) throw std::runtime_error("the district has no street-level working committee");
    out.street_members = static_cast<std::int64_t>(s.roster(scope::subtree(out.street.id)).size());
    for (auto const& u : s.orgs(scope::subtree(out.street.id))) {
        if (u.kind != dangyuan::org_kind::branch) continue;
        auto const n = static_cast<std::int64_t>(s.roster(scope::subtree(u.id)).size());
        if (n >= 15 && n <= 30) {
            out.branch = u;
            out.branch_members = n;
            found_branch = true;
            break;
        }
    }
    if (!found_branch) throw std::runtime_error("the street has no branch of 15 to 30 members");
    out.district = out.street;
    while (out.district.kind != dangyuan::org_kind::higher_committee && out.district.parent)
        out.district = s.org(*out.district.parent);
    out.district_members = static_cast<std::int64_t>(s.roster(scope::subtree(out.district.id)).size());
    return out;
}

void make_template(dangyuan::store const& source, fs::path const& path) {
    remove_store(path);
    auto t = dangyuan::open_store(path, {.actor = "bench"});
    std::map<std::int64_t, dangyuan::org_id> ids;
    for (auto o : source.orgs()) {
        auto const old = o.id;
        if (o.parent) o.parent = ids.at(o.parent->value());
        auto const fresh = t.add_org(o, "bench template");
        if (fresh != old)
            throw std::runtime_error(
                "template organisation ids differ from the district's; the rows would not fit");
        ids.emplace(old.value(), fresh);
    }
}

}  // namespace bench
