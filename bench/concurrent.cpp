#include "concurrent.hpp"

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
#include "support.hpp"

namespace bench::concurrent {

using namespace dangyuan;
using date::days;
using date::sys_days;

namespace {

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

}  // namespace

int commands_per_writer(std::int64_t members) {
    return static_cast<int>(std::clamp<std::int64_t>(members / 2500, 40, 400)) / 4 * 4;
}

std::vector<desk> set_up(std::string const& location, int writers) {
    auto s = open_store(location, writer_options());
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

namespace {

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
stream_result run_stream(std::string const& location, desk const& d, int w, int count) {
    stream_result r;
    auto s = open_store(location, writer_options());
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

}  // namespace

run_figures single_writer(std::string const& location, std::vector<desk> const& desks, int count) {
    std::vector<stream_result> streams;
    bench::stopwatch t;
    for (std::size_t w = 0; w < desks.size(); ++w)
        streams.push_back(run_stream(location, desks[w], static_cast<int>(w), count));
    return summarise(streams, t.elapsed());
}

namespace {

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

}  // namespace

// One process per desk, started together (they wait on a pipe the parent closes), each its own stream.
run_figures many_writers(std::string const& location, std::vector<desk> const& desks, int count,
                         std::filesystem::path const& dir) {
    int const writers = static_cast<int>(desks.size());
    // The children flush what they inherited of the parent's buffered output when they end: flushed here
    // first, so that it is written once.
    std::fflush(nullptr);
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
                             run_stream(location, desks[static_cast<std::size_t>(w)], w, count));
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

std::vector<char const*> const& written_rows_queries() {
    static std::vector<char const*> const queries{
        "SELECT count(*) FROM members WHERE id_number LIKE '650102%'",
        "SELECT count(*) FROM dev_cases WHERE id_number LIKE '650102%'",
        "SELECT count(*) FROM dev_steps s JOIN dev_cases c ON c.id = s.case_id "
        "WHERE c.id_number LIKE '650102%' AND s.kind <> 'application_submitted'",
        "SELECT count(*) FROM life_meetings m JOIN orgs o ON o.id = m.org_id WHERE o.name LIKE '并发测试%'",
        "SELECT count(*) FROM life_dues_payments p JOIN members m ON m.id = p.member_id "
        "WHERE m.id_number LIKE '650102%'"};
    return queries;
}

void check_written(std::string const& what, run_figures const& f, int writers, int count,
                   std::int64_t found) {
    auto const expected = std::int64_t{writers} * 3 + std::int64_t{writers} * count - f.failures;
    if (found != expected)
        throw std::runtime_error(what + ": " + std::to_string(found) + " rows written, " +
                                 std::to_string(expected) + " expected");
}

std::string ms(double seconds) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", seconds * 1000);
    return text;
}

}  // namespace bench::concurrent
