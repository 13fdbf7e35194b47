// concurrent_commands: several writer processes on one SQLite store, each running a stream of small
// commands (member add, development case step, meeting with attendance, dues payment), against the same
// commands run by one process. Writers must queue on the store's lock, not fail: the figures are the
// aggregate commands per second, the ratio to the single writer, the 99th percentile latency of a
// command and the failures (any exception, "database is locked" included).

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "dangyuan/core/id_number.hpp"
#include "dangyuan/storage/development_store.hpp"
#include "dangyuan/storage/life_store.hpp"
#include "import.hpp"
#include "support.hpp"

namespace {

using namespace dangyuan;
using date::days;
using date::sys_days;

constexpr int writers = 4;
auto const as_of = date::sys_days{date::year{2026} / 11 / 26};

sys_days day(int y, unsigned m, unsigned d) {
    return date::sys_days{date::year{y} / m / d};
}

// A valid ID number (GB 11643) of region 650102, which the sample district (3701xx) never uses.
citizen_id id_number(sys_days birth, int seq, sex s) {
    auto const ymd = date::year_month_day{birth};
    char body[18];
    std::snprintf(body, sizeof body, "650102%04d%02u%02u%02d%d", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), seq % 100,
                  s == sex::male ? 1 : 2);
    return citizen_id::parse(std::string(body) + gb11643_check_character(body));
}

// What one writer works in: its own branch, with three members and the dues account of the first.
struct desk {
    org_id branch;
    std::vector<member_id> members;
};

member full_member(org_id branch, std::string name, sys_days birth, int seq) {
    member m;
    m.name = std::move(name);
    m.sex = sex::male;
    m.birth_date = birth;
    m.id_number = id_number(birth, seq, sex::male);
    m.branch = branch;
    m.application_date = day(2008, 1, 10);
    m.admission_date = day(2010, 7, 1);
    m.joined_branch = day(2010, 7, 1);
    m.full_member_date = day(2011, 7, 1);
    return m;
}

store_options writer_options() {
    store_options o;
    o.create = false;
    o.actor = "bench";
    o.today = [] { return as_of; };
    o.busy_timeout = std::chrono::milliseconds{60000};
    return o;
}

// Adds one branch per writer (under the store's first organisation) with its members and dues account.
std::vector<desk> set_up(std::filesystem::path const& path) {
    auto s = open_store(path, writer_options());
    auto const root = s.orgs(scope::all()).front().id;
    std::vector<desk> desks;
    for (int w = 0; w < writers; ++w) {
        desk d;
        d.branch = s.add_org({.name = "并发测试第" + std::to_string(w + 1) + "党支部",
                              .kind = org_kind::branch,
                              .parent = root,
                              .established = day(2005, 1, 1)});
        for (int i = 0; i < 3; ++i)
            d.members.push_back(
                s.add_member(full_member(d.branch, "测试党员" + std::to_string(w) + "-" + std::to_string(i),
                                         day(1975, 1, 1) + days{w * 10 + i}, w * 3 + i)));
        open_dues_account(
            s, d.members[0],
            {.effective = date::year{2016} / 1, .category = dues_category::employed, .base = fen{630000}},
            {.ledger_start = date::year{2016} / 1});
        desks.push_back(d);
    }
    return desks;
}

// The k-th command of writer w: member add, case step (a new applicant's case, then its first talk),
// meeting (a heart-to-heart talk with one member present), dues payment, in turn. `last_case` is the
// case the writer opened last.
void run_command(store& s, desk const& d, int w, int k, case_id& last_case) {
    int const turn = k / 4;
    switch (k % 4) {
        case 0: {
            auto const birth = day(1980, 1, 1) + days{w * 500 + turn};
            s.add_member(
                full_member(d.branch, "新党员" + std::to_string(w) + "号" + std::to_string(turn), birth, w));
            break;
        }
        case 1: {
            // Even turns open a case, odd turns hold the talk of the case the turn before opened.
            if (turn % 2 == 0) {
                auto const birth = day(1996, 1, 1) + days{w * 500 + turn};
                applicant a{.name = "申请人" + std::to_string(w) + "号" + std::to_string(turn),
                            .sex = sex::female,
                            .birth_date = birth,
                            .id_number = id_number(birth, 50 + w, sex::female),
                            .branch = d.branch};
                last_case = open_case(s, a, application_submitted_step{.date = day(2026, 10, 1)});
            } else {
                record_step(s, last_case, talk_held_step{.date = day(2026, 10, 20), .by = d.members[0]});
            }
            break;
        }
        case 2:
            add_meeting(s,
                        {.org = d.branch,
                         .kind = meeting_kind::heart_to_heart_talk,
                         .date = day(2025, 1, 1) + days{turn},
                         .topic = "谈心谈话" + std::to_string(turn),
                         .chair = d.members[0],
                         .attendance = {{.member = d.members[1]}}},
                        as_of);
            break;
        default: {
            auto const month = date::year_month{date::year{2016} / 1} + date::months{turn};
            record_dues_payment(s,
                                {.member = d.members[0],
                                 .month = month,
                                 .amount = fen{9450},
                                 .collecting_org = d.branch,
                                 .collected_by = "组织委员",
                                 .paid_on = date::sys_days{month / 20}},
                                as_of);
            break;
        }
    }
}

struct stream_result {
    std::vector<double> latencies;  // seconds per command
    std::int64_t failures = 0;
    std::string first_failure;
};

// Runs the commands of writer `w` (`count` of them) through its own handle on the store.
stream_result run_stream(std::filesystem::path const& path, desk const& d, int w, int count) {
    stream_result r;
    auto s = open_store(path, writer_options());
    case_id last_case{};
    for (int k = 0; k < count; ++k) {
        bench::stopwatch t;
        try {
            run_command(s, d, w, k, last_case);
        } catch (std::exception const& e) {
            if (r.failures++ == 0) r.first_failure = e.what();
        }
        r.latencies.push_back(t.elapsed());
    }
    return r;
}

struct run_figures {
    double seconds = 0;
    std::int64_t commands = 0;
    std::int64_t failures = 0;
    double p50 = 0, p99 = 0;
    std::string first_failure;
};

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    auto const i = static_cast<std::size_t>(std::ceil(p * static_cast<double>(v.size()))) - 1;
    return v[std::min(i, v.size() - 1)];
}

run_figures summarise(std::vector<stream_result> const& streams, double seconds) {
    run_figures f;
    f.seconds = seconds;
    std::vector<double> all;
    for (auto const& s : streams) {
        all.insert(all.end(), s.latencies.begin(), s.latencies.end());
        f.failures += s.failures;
        if (f.first_failure.empty()) f.first_failure = s.first_failure;
    }
    f.commands = static_cast<std::int64_t>(all.size());
    f.p50 = percentile(all, 0.50);
    f.p99 = percentile(all, 0.99);
    return f;
}

// One process runs the streams of every writer, one after the other.
run_figures single_writer(std::filesystem::path const& path, std::vector<desk> const& desks, int count) {
    std::vector<stream_result> streams;
    bench::stopwatch t;
    for (int w = 0; w < writers; ++w)
        streams.push_back(run_stream(path, desks[static_cast<std::size_t>(w)], w, count));
    return summarise(streams, t.elapsed());
}

// Writes a stream's result as text: failures, the first failure's message, then one latency a line.
void write_result(std::filesystem::path const& file, stream_result const& r) {
    std::ofstream out(file);
    out << r.failures << "\n" << r.first_failure << "\n";
    for (double l : r.latencies)
        out << l << "\n";
}

stream_result read_result(std::filesystem::path const& file) {
    std::ifstream in(file);
    stream_result r;
    if (!(in >> r.failures)) throw std::runtime_error("a writer left no result in " + file.string());
    in.ignore();
    std::getline(in, r.first_failure);
    for (double l; in >> l;)
        r.latencies.push_back(l);
    return r;
}

// `writers` processes, started together (they wait on a pipe the parent closes), each its own stream.
run_figures many_writers(std::filesystem::path const& path, std::vector<desk> const& desks, int count,
                         std::filesystem::path const& dir) {
    int gate[2];
    if (pipe(gate) != 0) throw std::runtime_error("pipe failed");
    std::vector<pid_t> children;
    for (int w = 0; w < writers; ++w) {
        pid_t const pid = fork();
        if (pid < 0) throw std::runtime_error("fork failed");
        if (pid == 0) {
            close(gate[1]);
            char c;
            (void)!read(gate[0], &c, 1);  // returns at end of file: the parent closed the gate
            int status = 0;
            try {
                write_result(dir / ("writer-" + std::to_string(w)),
                             run_stream(path, desks[static_cast<std::size_t>(w)], w, count));
            } catch (std::exception const& e) {
                std::cerr << "writer " << w << ": " << e.what() << "\n";
                status = 1;
            }
            std::fflush(nullptr);
            _exit(status);
        }
        children.push_back(pid);
    }
    close(gate[0]);
    bench::stopwatch t;
    close(gate[1]);
    bool failed = false;
    for (auto pid : children) {
        int status = 0;
        waitpid(pid, &status, 0);
        failed = failed || !WIFEXITED(status) || WEXITSTATUS(status) != 0;
    }
    double const seconds = t.elapsed();
    if (failed) throw std::runtime_error("a writer process failed");
    std::vector<stream_result> streams;
    for (int w = 0; w < writers; ++w)
        streams.push_back(read_result(dir / ("writer-" + std::to_string(w))));
    return summarise(streams, seconds);
}

// The rows the commands wrote, read with raw SQL: the members of region 650102 (the set-up's and those
// added), the cases of such applicants and their steps, the meetings of the writers' branches and the
// dues payments of their members. Each command writes one of them.
std::int64_t rows_written(std::filesystem::path const& path) {
    bench::connection c(path);
    std::int64_t total = 0;
    for (char const* sql :
         {"SELECT count(*) FROM members WHERE id_number LIKE '650102%'",
          "SELECT count(*) FROM dev_cases WHERE id_number LIKE '650102%'",
          "SELECT count(*) FROM dev_steps s JOIN dev_cases c ON c.id = s.case_id "
          "WHERE c.id_number LIKE '650102%' AND s.kind <> 'application_submitted'",
          "SELECT count(*) FROM life_meetings m JOIN orgs o ON o.id = m.org_id WHERE o.name LIKE '并发测试%'",
          "SELECT count(*) FROM life_dues_payments p JOIN members m ON m.id = p.member_id "
          "WHERE m.id_number LIKE '650102%'"}) {
        bench::statement st(c, sql);
        if (st.step()) total += sqlite3_column_int64(st.st, 0);
    }
    return total;
}

// Every successful command is in the store once.
void check_written(std::filesystem::path const& path, run_figures const& f, int count) {
    auto const expected = std::int64_t{writers} * 3 + std::int64_t{writers} * count - f.failures;
    auto const found = rows_written(path);
    if (found != expected)
        throw std::runtime_error(path.filename().string() + ": " + std::to_string(found) + " rows written, " +
                                 std::to_string(expected) + " expected");
}

std::string ms(double seconds) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", seconds * 1000);
    return text;
}

}  // namespace

int main(int argc, char** argv) try {
    auto const o = bench::parse_options(
        argc, argv, "Concurrent commands: 4 writer processes on one store against one process.");
    bench::print_machine();
    // Commands per writer: 400 at N = 1 000 000, fewer for a small smoke run.
    int const count = static_cast<int>(std::clamp<std::int64_t>(o.members / 2500, 40, 400)) / 4 * 4;
    auto const source = bench::district(o, o.members);
    auto const dir = o.dir / "concurrent";
    std::filesystem::create_directories(dir);
    auto const single_path = dir / "single.db";
    auto const many_path = dir / "many.db";

    run_figures single, many;
    for (int r = 0; r < o.repeat; ++r) {
        // Each side starts from a fresh copy of the district with the same set-up.
        bench::copy_store(source, single_path);
        auto const desks = set_up(single_path);
        auto const s = single_writer(single_path, desks, count);
        check_written(single_path, s, count);
        bench::copy_store(source, many_path);
        auto const desks2 = set_up(many_path);
        auto const m = many_writers(many_path, desks2, count, dir);
        check_written(many_path, m, count);
        if (r == 0 || s.seconds < single.seconds) single = s;
        if (r == 0 || m.seconds < many.seconds) many = m;
    }
    bench::remove_store(single_path);
    bench::remove_store(many_path);

    auto const rate = [](run_figures const& f) { return static_cast<double>(f.commands) / f.seconds; };
    bench::print_table(
        "concurrent_commands: " + std::to_string(writers) + " streams of " + std::to_string(count) +
            " commands (member add, case step, meeting, dues payment) on a " + std::to_string(o.members) +
            "-member store (best of " + std::to_string(o.repeat) + ")",
        {{"one process runs the 4 streams in turn", single.seconds, single.commands,
          "reference; p50 " + ms(single.p50) + " ms, p99 " + ms(single.p99) + " ms, failures " +
              std::to_string(single.failures)},
         {"4 writer processes at once", many.seconds, many.commands,
          "p50 " + ms(many.p50) + " ms, p99 " + ms(many.p99) + " ms, failures " +
              std::to_string(many.failures)}});
    for (auto const* f : {&single, &many})
        if (f->failures) std::cout << "first failure: " << f->first_failure << "\n";
    std::cout << "concurrent_p99_ms=" << ms(many.p99) << "\n";
    bench::print_summary("concurrent_ratio", rate(many) / rate(single), ">=", 0.80);
    bench::print_summary("concurrent_failures", static_cast<double>(single.failures + many.failures), "<=", 0,
                         0);
    return 0;
} catch (std::exception const& e) {
    std::cerr << "bench_concurrent: " << e.what() << "\n";
    return 1;
}
