// dangyuan sample: fill an empty store with the deterministic sample district.

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <ostream>

#include "cli/common.hpp"
#include "dangyuan/core/calendar.hpp"
#include "dangyuan/io/progress.hpp"
#include "sample/generator.hpp"

namespace dangyuan::cli::cmd_sample {
namespace {

void sample_options(po::options_description& d, po::positional_options_description&) {
    d.add_options()("members", po::value<std::int64_t>()->default_value(3000)->value_name("N"),
                    "members generated for the roster (at least 100; 1000000 and more for benchmarks); "
                    "the development cases admit a few more")(
        "seed", po::value<std::uint64_t>()->default_value(1)->value_name("N"), "random seed")(
        "as-of", po::value<std::string>()->default_value("2026-11-26")->value_name("DATE"),
        "the reference date: ages, terms and probations are laid out around it")(
        "chunk", po::value<std::size_t>()->default_value(20000)->value_name("N"), "members per bulk insert")(
        "domains",
        po::value<std::string>()
            ->default_value("all")
            ->value_name("all|roster")
            ->notifier([](std::string const& v) {
                if (v != "all" && v != "roster") throw usage_error("--domains must be all or roster");
            }),
        "all: the roster, then development cases, mobile members, evaluations, meetings, training, dues, "
        "elections, village decisions, community registrations, model posts and commendations (a bounded "
        "amount); roster: organisations, members, leaderships and "
        "standing only (benchmarks)");
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
    o.domains =
        vm["domains"].as<std::string>() == "roster" ? sample::domain_set::roster : sample::domain_set::all;
    io::progress_bar bar("organisations", 0, io::progress_bar::on_terminal());
    std::string phase;
    o.progress = [&](std::string_view p, std::int64_t done, std::int64_t total) {
        if (p != phase) {
            phase = p;
            bar.phase(std::string(p), total);
        }
        bar.update(done);
    };
    // The district is recorded as of its reference date: a reference date after today moves the
    // store's clock there for this run, so that its events are not refused as future ones.
    if (!ctx.today && o.as_of > china_today()) ctx.today = o.as_of;
    sample::summary sum;
    std::int64_t of_record = 0;
    {
        // One transaction: a sample killed midway leaves the store as it was (empty), and a second
        // run starts afresh.
        auto& s = ctx.open(true);
        sum = sample::generate(s, o);
        // Every member entered, also those admitted through the development cases: the figure `init`
        // shows, which the summary reconciles with the count of `stats` on the reference date.
        of_record = s.member_count();
        bar.finish();
        ctx.commit();  // and close the store, which checkpoints its write-ahead log
    }
    auto const seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    char took[64];
    std::snprintf(took, sizeof took, "%.1f s", seconds);
    // The size of a file; a database on a server has no file here to measure.
    std::string size;
    if (!is_server_location(ctx.db.string())) {
        char mb[64];
        std::snprintf(mb, sizeof mb, ", store %.1f MB", static_cast<double>(store_bytes(ctx.db)) / 1e6);
        size = mb;
    }
    *ctx.out << "sample district (seed " << o.seed << ", reference date " << format_date(o.as_of) << ") in "
             << displayed_location(ctx.db.string()) << ":\n"
             << "  " << sum.organisations << " organisations, " << sum.branches << " branches ("
             << sum.joint_branches << " joint), " << sum.leaderships << " leaderships\n"
             << "  " << of_record << " members of record: " << sum.members << " generated for the roster"
             << (o.domains == sample::domain_set::all
                     ? ", " + std::to_string(sum.cases_admitted) + " admitted through the development cases\n"
                     : std::string("\n"))
             << "  on " << format_date(o.as_of) << ": " << of_record - sum.suspended - sum.exited
             << " in normal standing (what `stats` counts), " << sum.suspended << " suspended, " << sum.exited
             << " left the party; " << sum.backfilled << " back-filled records\n";
    if (o.domains == sample::domain_set::all)
        *ctx.out << "  " << sum.cases << " development cases (" << sum.cases_admitted << " admitted) in "
                 << sum.model_branches << " model branches\n"
                 << "  " << sum.episodes << " members away, " << sum.certificates << " certificates, "
                 << sum.transfer_letters << " transfer letters, " << sum.contact_logs << " out of contact\n"
                 << "  " << sum.campaigns << " evaluation campaigns (" << sum.grades << " grades), "
                 << sum.meetings << " meetings, " << sum.training_lines << " training lines, "
                 << sum.dues_accounts << " dues accounts (" << sum.dues_payments << " payments)\n"
                 << "  " << sum.elections << " elections (" << sum.elections_completed << " completed), "
                 << sum.decisions << " village decisions (" << sum.decisions_completed << " completed)\n"
                 << "  " << sum.community_registrations << " members registered with a community ("
                 << sum.community_services << " services, " << sum.community_feedback << " feedback), "
                 << sum.model_posts << " model posts, " << sum.commendations << " commendations\n"
                 << "  " << sum.appraisal_cycles << " appraisal cycles (" << sum.appraisal_reports
                 << " reports), " << sum.rectifications << " organisations under rectification, " << sum.units
                 << " units in the coverage register\n";
    *ctx.out << "  took " << took << size << '\n';
    return exit_ok;
}

[[maybe_unused]] bool const registered = register_command({
    .name = "sample",
    .summary = "fill an empty store with a realistic sample district (deterministic)",
    .description =
        "Creates the store if needed; refuses one that holds data. The same --seed, --members and --as-of\n"
        "give the same store content. Up to 60 000 members make one district (中共历下区委); more make a "
        "city\n"
        "committee over several districts. Branches have mostly 10-50 members, some fewer than 7; small\n"
        "units share joint branches. ID numbers are valid numbers of 济南市 (3701xx) matching birth date\n"
        "and sex; admission, probation and full-member dates follow the rules; some terms expire around\n"
        "the reference date; a few members are suspended or have left.\n"
        "With --domains all (the default), a bounded amount of the other domains follows: a few model\n"
        "branches (5 % of the branches with a committee, 2 to 20) with development cases at every stage,\n"
        "last year's democratic evaluation, and this year's meetings, training hours and dues; mobile\n"
        "members with certificates (one annual review overdue), transfer letters, a member out of contact;\n"
        "a few elections (换届选举) at several stages, some completed (the new committee in office), one\n"
        "overdue; a few village decisions (四议两公开), one whose resolution is not yet public; in-service\n"
        "members registered with a community (在职党员进社区) with service and feedback; model posts\n"
        "(党员示范岗), one review overdue; commendations (两优一先) following last year's evaluation.",
    .examples = "  dangyuan --db demo.db sample\n"
                "  dangyuan --db bench.db sample --members 1000000 --seed 7 --domains roster",
    .options = sample_options,
    .run = run_sample,
});

}  // namespace
}  // namespace dangyuan::cli::cmd_sample
