// dangyuan sample: fill an empty store with the deterministic sample district.

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <ostream>

#include "cli/common.hpp"
#include "dangyuan/core/calendar.hpp"
#include "io/progress.hpp"
#include "sample/generator.hpp"

namespace dangyuan::cli {
namespace {

void sample_options(po::options_description& d, po::positional_options_description&) {
    d.add_options()("members", po::value<std::int64_t>()->default_value(3000)->value_name("N"),
                    "number of members (at least 100; 1000000 and more for benchmarks)")(
        "seed", po::value<std::uint64_t>()->default_value(1)->value_name("N"), "random seed")(
        "as-of", po::value<std::string>()->default_value("2026-11-26")->value_name("DATE"),
        "the reference date: ages, terms and probations are laid out around it")(
        "chunk", po::value<std::size_t>()->default_value(20000)->value_name("N"), "members per bulk insert");
}

std::uintmax_t store_bytes(std::filesystem::path const& db) {
    std::uintmax_t total = 0;
    for (auto const* suffix : {"", "-wal", "-shm"}) {
        std::error_code ec;
        auto const n = std::filesystem::file_size(db.string() + suffix, ec);
        if (!ec) total += n;
    }
    return total;
}

int run_sample(context& ctx, po::variables_map const& vm) {
    auto const started = std::chrono::steady_clock::now();
    sample::options o;
    o.members = vm["members"].as<std::int64_t>();
    o.seed = vm["seed"].as<std::uint64_t>();
    o.as_of = parse_date(vm["as-of"].as<std::string>(), "as_of");
    o.chunk = std::max<std::size_t>(1, vm["chunk"].as<std::size_t>());
    io::progress_bar bar("organisations", 0, io::progress_bar::on_terminal());
    std::string phase;
    o.progress = [&](std::string_view p, std::int64_t done, std::int64_t total) {
        if (p != phase) {
            phase = p;
            bar.phase(std::string(p), total);
        }
        bar.update(done);
    };
    sample::summary sum;
    {
        auto s = ctx.open(true);
        sum = sample::generate(s, o);
        bar.finish();
    }  // closing the store checkpoints its write-ahead log
    auto const seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    char took[64];
    std::snprintf(took, sizeof took, "%.1f s", seconds);
    char size[64];
    std::snprintf(size, sizeof size, "%.1f MB", static_cast<double>(store_bytes(ctx.db)) / 1e6);
    *ctx.out << "sample district (seed " << o.seed << ", reference date " << format_date(o.as_of) << ") in "
             << ctx.db.string() << ":\n"
             << "  " << sum.organisations << " organisations, " << sum.branches << " branches ("
             << sum.joint_branches << " joint), " << sum.leaderships << " leaderships\n"
             << "  " << sum.members << " members: " << sum.probationary << " probationary, " << sum.backfilled
             << " back-filled, " << sum.suspended << " suspended, " << sum.exited << " left the party\n"
             << "  took " << took << ", store " << size << '\n';
    return exit_ok;
}

[[maybe_unused]] bool const registered = register_command({
    .name = "sample",
    .summary = "fill an empty store with a realistic sample district (deterministic)",
    .arguments = "",
    .description =
        "Creates the store if needed; refuses one that holds data. The same --seed, --members and --as-of\n"
        "give the same store content. Up to 60 000 members make one district (中共历下区委); more make a "
        "city\n"
        "committee over several districts. Branches have mostly 10-50 members, some fewer than 7; small\n"
        "units share joint branches. ID numbers are valid numbers of 济南市 (3701xx) matching birth date\n"
        "and sex; admission, probation and full-member dates follow the rules; some terms expire around\n"
        "the reference date; a few members are suspended or have left.",
    .examples = "  dangyuan --db demo.db sample\n  dangyuan --db bench.db sample --members 1000000 --seed 7",
    .options = sample_options,
    .run = run_sample,
});

}  // namespace
}  // namespace dangyuan::cli
