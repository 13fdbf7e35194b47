// The `dangyuan` command: global options, then a subcommand from the registry (see command.hpp).
//
// Exit status: 0 success; 1 bad input or a rule violation (the message names the row, field or rule);
// 2 a usage error (unknown subcommand or option, missing argument).

#include <dangyuan/version.hpp>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/command.hpp"
#include "dangyuan/core/calendar.hpp"
#include "dangyuan/core/errors.hpp"

namespace dy = dangyuan;
namespace cli = dangyuan::cli;
namespace po = boost::program_options;

namespace {

po::options_description global_options() {
    po::options_description d("Global options", 100, 50);
    d.add_options()("db", po::value<std::string>()->value_name("FILE"),
                    "the store: an SQLite file, or postgresql://... on a server (default: $DANGYUAN_DB, else "
                    "dangyuan.db)")("actor", po::value<std::string>()->value_name("NAME"),
                                    "who is recorded in the audit trail (default: $USER)")(
        "busy-timeout", po::value<int>()->value_name("MS")->default_value(5000),
        "how long to wait for another process's lock on the store before failing, in milliseconds")(
        "today", po::value<std::string>()->value_name("DATE"),
        "the date of recording: no event may be dated after it (default: today in China, UTC+8)")(
        "as", po::value<std::string>()->value_name("ROLE@ORG"),
        "act with a role over an organisation's subtree, e.g. branch_secretary@12 (default: $DANGYUAN_AS; "
        "none: the organisation department over the whole store). Roles: organisation_department, "
        "party_committee, branch_secretary, analyst, auditor")("help,h", "show this help")(
        "version", "show the version");
    return d;
}

void print_usage(std::ostream& os) {
    os << "Usage: dangyuan [--db FILE] [--actor NAME] [--as ROLE@ORG] [--busy-timeout MS] [--today DATE] "
          "<command> [options] [arguments]\n\n"
          "Party-member records (党员信息) in an SQLite store: organisations, the roster, the development\n"
          "pipeline, mobile members, the democratic evaluation, organisational life, training and dues; the\n"
          "agenda and the standard reports.\n\nCommands:\n";
    std::size_t width = 0;
    for (auto const& c : cli::commands())
        width = std::max(width, c.name.size());
    for (auto const& c : cli::commands())
        os << "  " << c.name << std::string(width - c.name.size() + 2, ' ') << c.summary << '\n';
    os << '\n'
       << global_options() << '\n'
       << "Run `dangyuan <command> --help` for a command's options and examples.\n"
          "Exit status: 0 ok, 1 bad input or rule violation, 2 usage error, 3 access denied.\n";
}

// The options of `d` without those that are given by position (shown as arguments instead), and the
// positional ones with their descriptions.
std::pair<po::options_description, std::vector<std::pair<std::string, std::string>>> split_positional(
    po::options_description const& d, po::positional_options_description const& positional) {
    std::vector<std::string> names;
    auto const count = std::min<unsigned>(positional.max_total_count(), 8);
    for (unsigned i = 0; i < count; ++i)
        if (std::find(names.begin(), names.end(), positional.name_for_position(i)) == names.end())
            names.push_back(positional.name_for_position(i));
    po::options_description named("Options", 100, 50);
    std::vector<std::pair<std::string, std::string>> arguments;
    for (auto const& o : d.options()) {
        if (std::find(names.begin(), names.end(), o->long_name()) == names.end()) {
            named.add(o);
            continue;
        }
        auto upper = o->long_name();
        std::transform(upper.begin(), upper.end(), upper.begin(),
                       [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
        arguments.emplace_back(upper, o->description());
    }
    return {named, arguments};
}

void print_command_help(std::ostream& os, cli::command const& c, po::options_description const& all,
                        po::positional_options_description const& positional) {
    auto const [d, arguments] = split_positional(all, positional);
    os << "Usage: dangyuan [--db FILE] " << c.name << " [options]" << (c.arguments.empty() ? "" : " ")
       << c.arguments << "\n\n"
       << c.summary << '\n';
    if (!c.description.empty()) os << '\n' << c.description << '\n';
    if (!arguments.empty()) {
        os << "\nArguments:\n";
        for (auto const& [name, what] : arguments)
            os << "  " << name << std::string(name.size() < 21 ? 21 - name.size() : 1, ' ') << what << '\n';
    }
    os << '\n' << d;
    if (!c.examples.empty()) os << "\nExamples:\n" << c.examples << '\n';
}

void print_group_help(std::ostream& os, std::string const& group) {
    os << "Usage: dangyuan [--db FILE] " << group << " <subcommand> [options]\n\nSubcommands:\n";
    std::size_t width = 0;
    for (auto const& c : cli::commands())
        if (c.name.starts_with(group + " ")) width = std::max(width, c.name.size());
    for (auto const& c : cli::commands())
        if (c.name.starts_with(group + " "))
            os << "  " << c.name << std::string(width - c.name.size() + 2, ' ') << c.summary << '\n';
}

// The global options that take a value.
bool global_with_value(std::string_view a) {
    return a == "--db" || a == "--actor" || a == "--as" || a == "--busy-timeout" || a == "--today";
}
bool global_with_inline_value(std::string_view a) {
    for (std::string_view g : {"--db=", "--actor=", "--as=", "--busy-timeout=", "--today="})
        if (a.starts_with(g)) return true;
    return false;
}

// Splits argv into the global part (options before the first word) and the rest.
std::size_t first_word(std::vector<std::string> const& args) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        auto const& a = args[i];
        if (global_with_value(a)) {
            ++i;  // the option's value
            continue;
        }
        if (!a.starts_with("-")) return i;
    }
    return args.size();
}

// Global options given after the command (`dangyuan member list --db x.db`) moved before it, where
// they belong; nothing after `--` is moved. No command has an option of these names.
std::vector<std::string> hoist_globals(std::vector<std::string> args) {
    auto const split = first_word(args);
    std::vector<std::string> globals(args.begin(), args.begin() + static_cast<long>(split)), rest;
    bool verbatim = false;
    for (std::size_t i = split; i < args.size(); ++i) {
        auto const& a = args[i];
        if (a == "--") verbatim = true;
        if (!verbatim && global_with_value(a) && i + 1 < args.size()) {
            globals.push_back(a);
            globals.push_back(args[++i]);
        } else if (!verbatim && global_with_inline_value(a)) {
            globals.push_back(a);
        } else {
            rest.push_back(a);
        }
    }
    globals.insert(globals.end(), rest.begin(), rest.end());
    return globals;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> const args = hoist_globals({argv + 1, argv + argc});
    auto const split = first_word(args);
    std::string command_name;
    try {
        po::variables_map globals;
        auto const gd = global_options();
        po::store(po::command_line_parser(
                      std::vector<std::string>(args.begin(), args.begin() + static_cast<long>(split)))
                      .options(gd)
                      .run(),
                  globals);
        po::notify(globals);
        if (globals.count("version")) {
            std::cout << "dangyuan " << dy::version_string << '\n';
            return cli::exit_ok;
        }
        if (globals.count("help") || split == args.size()) {
            print_usage(globals.count("help") ? std::cout : std::cerr);
            return globals.count("help") ? cli::exit_ok : cli::exit_usage;
        }

        // The longest run of words that names a command.
        std::vector<std::string> words;
        for (std::size_t i = split; i < args.size() && !args[i].starts_with("-") && words.size() < 3; ++i)
            words.push_back(args[i]);
        cli::command const* chosen = nullptr;
        std::size_t used = 0;
        for (std::size_t n = words.size(); n > 0 && !chosen; --n) {
            std::string name;
            for (std::size_t k = 0; k < n; ++k)
                name += (k ? " " : "") + words[k];
            for (auto const& c : cli::commands())
                if (c.name == name) {
                    chosen = &c;
                    used = n;
                    break;
                }
        }
        std::vector<std::string> rest(args.begin() + static_cast<long>(split), args.end());
        if (!chosen) {
            // The longest run of words that is a group of commands ("mobility", "mobility certificate").
            auto const is_group = [](std::string const& g) {
                return std::any_of(cli::commands().begin(), cli::commands().end(),
                                   [&](cli::command const& c) { return c.name.starts_with(g + " "); });
            };
            std::string group;
            std::size_t group_words = 0;
            for (std::string g; group_words < words.size(); ++group_words) {
                g += (group_words ? " " : "") + words[group_words];
                if (!is_group(g)) break;
                group = g;
            }
            bool const help = std::find(rest.begin(), rest.end(), "--help") != rest.end() ||
                              std::find(rest.begin(), rest.end(), "-h") != rest.end();
            if (!group.empty() && help && group_words == words.size()) {
                print_group_help(std::cout, group);
                return cli::exit_ok;
            }
            if (!group.empty()) {
                std::cerr << "dangyuan: "
                          << (group_words < words.size()
                                  ? "unknown subcommand '" + group + " " + words[group_words] + "'"
                                  : "'" + group + "' needs a subcommand")
                          << '\n';
                print_group_help(std::cerr, group);
                return cli::exit_usage;
            }
            std::cerr << "dangyuan: unknown command '" << words[0]
                      << "'\nRun `dangyuan --help` for the list.\n";
            return cli::exit_usage;
        }
        command_name = chosen->name;
        rest.erase(rest.begin(), rest.begin() + static_cast<long>(used));

        po::options_description d("Options", 100, 50);
        po::positional_options_description positional;
        d.add_options()("help,h", "show this help");
        if (chosen->options) chosen->options(d, positional);
        po::variables_map vm;
        po::store(po::command_line_parser(rest).options(d).positional(positional).run(), vm);
        if (vm.count("help")) {
            print_command_help(std::cout, *chosen, d, positional);
            return cli::exit_ok;
        }
        po::notify(vm);

        cli::context ctx;
        // The store: --db, else $DANGYUAN_DB, else dangyuan.db in the working directory.
        if (globals.count("db"))
            ctx.db = globals["db"].as<std::string>();
        else if (char const* db = std::getenv("DANGYUAN_DB"); db != nullptr && *db != '\0')
            ctx.db = db;
        else
            ctx.db = "dangyuan.db";
        if (ctx.db.empty()) throw cli::usage_error("--db needs a file name");
        if (globals.count("actor"))
            ctx.actor = globals["actor"].as<std::string>();
        else if (char const* user = std::getenv("USER"))
            ctx.actor = user;
        else
            ctx.actor = "dangyuan";
        if (globals["busy-timeout"].as<int>() < 0)
            throw cli::usage_error("--busy-timeout must not be negative");
        ctx.busy_timeout = std::chrono::milliseconds(globals["busy-timeout"].as<int>());
        if (globals.count("today")) ctx.today = dy::parse_date(globals["today"].as<std::string>(), "today");
        // The principal: --as, else $DANGYUAN_AS, else none (the whole store, every permission).
        if (globals.count("as"))
            ctx.as = dy::parse_principal(globals["as"].as<std::string>(), ctx.actor);
        else if (char const* as = std::getenv("DANGYUAN_AS"); as != nullptr && *as != '\0')
            ctx.as = dy::parse_principal(as, ctx.actor);
        ctx.out = &std::cout;
        ctx.err = &std::cerr;
        // A command is one transaction: what it wrote lands only when it succeeded (see context::open).
        int const status = chosen->run(ctx, vm);
        if (status == cli::exit_ok) ctx.commit();
        return status;
    } catch (po::error const& e) {
        std::cerr << "dangyuan: " << e.what() << '\n'
                  << "Run `dangyuan " << (command_name.empty() ? "" : command_name + " ")
                  << "--help` for usage.\n";
        return cli::exit_usage;
    } catch (cli::usage_error const& e) {
        std::cerr << "dangyuan: " << e.what() << '\n'
                  << "Run `dangyuan " << (command_name.empty() ? "" : command_name + " ")
                  << "--help` for usage.\n";
        return cli::exit_usage;
    } catch (dy::access_denied const& e) {
        std::cerr << "dangyuan: " << e.what() << '\n';
        return cli::exit_denied;
    } catch (dy::rule_violation const& e) {
        std::cerr << "dangyuan: rule " << e.rule_id() << ": " << e.detail()
                  << (e.citation().empty() ? "" : " (" + e.citation() + ")") << '\n';
        return cli::exit_failure;
    } catch (dy::invalid_input const& e) {
        std::cerr << "dangyuan: " << e.field() << ": " << e.reason() << '\n';
        return cli::exit_failure;
    } catch (dy::error const& e) {
        std::cerr << "dangyuan: " << e.what() << '\n';
        return cli::exit_failure;
    } catch (std::exception const& e) {
        std::cerr << "dangyuan: unexpected error: " << e.what() << '\n';
        return cli::exit_failure;
    }
}
