// Workload 6, growth: the per-member cost of import (store::add_members into a new store, one call as
// in the import figure) and of the agenda (the whole store) at N/10 and N members, and at 10 N with
// --large. Target: at each larger size the per-member cost is at most 1.3 x that at the next smaller
// size. Import in calls of 20 000 is shown as well.
//
// And the agenda of one branch (党支部, 15 to 30 members: bench::find_sample_scopes) per call, warm, at
// each size: its cost should not follow the size of the store (target: at most 1.3 x that at the next
// smaller size).

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>

#include "dangyuan/storage/roster_table.hpp"
#include "import.hpp"
#include "support.hpp"

int main(int argc, char** argv) try {
    auto const o = bench::parse_options(argc, argv, "Per-member cost of import and agenda as N grows.");
    bench::print_machine();
    std::vector<std::int64_t> sizes{o.members / 10, o.members};
    if (o.large) sizes.push_back(o.members * 10);

    struct point {
        std::int64_t n = 0;
        double import_us = 0, chunked_us = 0, agenda_us = 0, import_cpu_us = 0;
        double branch_ms = 0;  // one branch's agenda, per call
        std::string branch;
    };
    std::vector<point> points;
    bool stopped = false;  // an agenda run was stopped after the budget: its cost is a lower bound
    for (auto const size : sizes) {
        auto const path = bench::district(o, size);
        auto const tmpl = o.dir / "growth-template.db";
        auto const target = o.dir / "growth-target.db";
        dangyuan::roster_table rows;
        {
            auto const source = dangyuan::open_store(path, {.create = false});
            rows = dangyuan::load_roster_table(source);
            bench::make_template(source, tmpl);
        }
        auto const n = static_cast<double>(rows.size());
        double imp = 1e300, imp_cpu = 0, chunked = 1e300;
        for (int r = 0; r < o.repeat; ++r) {
            bench::copy_store(tmpl, target);
            if (auto const t = bench::library_import(target, rows, 0); t.seconds < imp) {
                imp = t.seconds;
                imp_cpu = t.cpu_seconds;
            }
            bench::copy_store(tmpl, target);
            chunked = std::min(chunked, bench::library_import(target, rows, bench::import_chunk).seconds);
        }
        auto const run = bench::best_in_child(o, [&] {
            auto const s = dangyuan::open_store(path, {.create = false});
            return static_cast<std::int64_t>(s.agenda(o.as_of).size());
        });
        double const agenda = run ? run->seconds : o.budget;
        // The branch's agenda in a child as well, so that each size starts with a cold process.
        std::istringstream scoped(bench::in_child([&](auto const& report) {
            auto const s = dangyuan::open_store(path, {.create = false});
            auto const parts = bench::find_sample_scopes(s);
            auto const per = bench::per_call(
                [&] { (void)s.agenda(o.as_of, dangyuan::scope::subtree(parts.branch.id)); }, 20);
            std::ostringstream out;
            out.precision(17);
            out << per * 1000 << ' ' << parts.branch_members << ' ' << parts.branch.name;
            report(out.str());
        }));
        double branch_ms = 0;
        std::int64_t branch_members = 0;
        std::string branch_name;
        scoped >> branch_ms >> branch_members;
        std::getline(scoped >> std::ws, branch_name);
        if (!run) stopped = true;
        bench::remove_store(target);
        bench::remove_store(tmpl);
        points.push_back({static_cast<std::int64_t>(rows.size()), imp * 1e6 / n, chunked * 1e6 / n,
                          agenda * 1e6 / n, imp_cpu * 1e6 / n, branch_ms,
                          branch_name + ", " + std::to_string(branch_members) + " members"});
    }

    std::vector<bench::row> table;
    for (auto const& p : points) {
        auto const n = static_cast<double>(p.n);
        char note[64];
        std::snprintf(note, sizeof note, "one call; cpu %.3f us/member", p.import_cpu_us);
        table.push_back({"import at N = " + std::to_string(p.n), p.import_us * n / 1e6, p.n, note});
        table.push_back({"import at N = " + std::to_string(p.n) + ", 20 000 per call", p.chunked_us * n / 1e6,
                         p.n, "for comparison"});
        table.push_back({"agenda at N = " + std::to_string(p.n), p.agenda_us * n / 1e6, p.n, "whole store"});
        table.push_back({"agenda of one branch at N = " + std::to_string(p.n), p.branch_ms / 1000, 0,
                         "per call, warm: " + p.branch});
    }
    bench::print_table("growth: per-member cost (best of " + std::to_string(o.repeat) + ")", table);
    double import_growth = 0, chunked_growth = 0, agenda_growth = 0, cpu_growth = 0, branch_growth = 0;
    for (std::size_t i = 1; i < points.size(); ++i) {
        import_growth = std::max(import_growth, points[i].import_us / points[i - 1].import_us);
        chunked_growth = std::max(chunked_growth, points[i].chunked_us / points[i - 1].chunked_us);
        cpu_growth = std::max(cpu_growth, points[i].import_cpu_us / points[i - 1].import_cpu_us);
        agenda_growth = std::max(agenda_growth, points[i].agenda_us / points[i - 1].agenda_us);
        branch_growth = std::max(branch_growth, points[i].branch_ms / points[i - 1].branch_ms);
    }
    std::printf("import_growth_per_20000=%.2f (20 000 per call; not a target)\n", chunked_growth);
    std::printf("import_growth_cpu=%.2f (CPU time, one call; not a target)\n", cpu_growth);
    bench::print_summary("import_growth", import_growth, "<=", 1.30);
    bench::print_summary("agenda_growth", agenda_growth, "<=", 1.30);
    bench::print_summary("scoped_agenda_growth", branch_growth, "<=", 1.30);
    if (stopped)
        std::printf(
            "  (an agenda run was stopped after %.0f s: its cost, and the growth figure, are lower bounds)\n",
            o.budget);
    return 0;
} catch (std::exception const& e) {
    std::cerr << "bench_growth: " << e.what() << "\n";
    return 1;
}
