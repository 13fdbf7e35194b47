// dangyuan agenda: what is due, upcoming, overdue or found on a date.

#include <algorithm>
#include <cstdlib>
#include <ostream>
#include <string_view>

#include "cli/common.hpp"
#include "dangyuan/io/reports.hpp"
#include "dangyuan/io/text.hpp"

namespace dangyuan::cli::cmd_agenda {
namespace {

// The Chinese names of the statuses in a comma-separated list of English ones.
std::vector<std::string> statuses(std::string const& list) {
    std::vector<std::string> wanted;
    for (std::size_t pos = 0; pos <= list.size();) {
        auto const comma = std::min(list.find(',', pos), list.size());
        auto const word = io::ascii_lower(io::trim(std::string_view(list).substr(pos, comma - pos)));
        bool known = false;
        for (auto st :
             {agenda_status::overdue, agenda_status::due, agenda_status::upcoming, agenda_status::finding})
            if (word == to_string(st)) {
                wanted.emplace_back(chinese_name(st));
                known = true;
            }
        if (!known) throw usage_error("unknown --status '" + word + "' (overdue, due, upcoming, finding)");
        pos = comma + 1;
    }
    return wanted;
}

void check_statuses(std::string const& list) {
    (void)statuses(list);
}

void check_lang(std::string const& lang) {
    if (lang != "zh" && lang != "en") throw usage_error("--lang must be zh or en, not '" + lang + "'");
}

// The language of the text output: --lang, else $DANGYUAN_LANG when it starts with "en" (so that
// en_US.UTF-8 counts too), else Chinese.
bool english(po::variables_map const& vm) {
    if (vm.count("lang")) return vm["lang"].as<std::string>() == "en";
    char const* env = std::getenv("DANGYUAN_LANG");
    return env != nullptr && std::string_view(env).starts_with("en");
}

void agenda_options(po::options_description& d, po::positional_options_description&) {
    add_scope_options(d);
    d.add_options()("status", po::value<std::string>()->value_name("LIST")->notifier(check_statuses),
                    "only these statuses, comma-separated: overdue, due, upcoming, finding")(
        "lang", po::value<std::string>()->value_name("zh|en")->notifier(check_lang),
        "text output: Chinese kind names and descriptions (zh, default) or the kind codes and English "
        "descriptions (en; default from $DANGYUAN_LANG)");
    add_output_options(d, "text|csv|json");
}

int run_agenda(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open_read();
    auto r = io::agenda_report(s, scope_of(s, vm), as_of_date(vm));
    if (vm.count("status")) {
        auto const wanted = statuses(vm["status"].as<std::string>());
        std::erase_if(r.rows, [&](auto const& row) {
            return std::find(wanted.begin(), wanted.end(), row[1]) == wanted.end();
        });
        for (auto& [label, value] : r.meta)
            if (label == "事项") value = std::to_string(r.rows.size());
    }
    if (text_output(vm)) {
        // The ids help scripts, not readers; one language at a time (CSV, JSON and XLSX keep both).
        bool const en = english(vm);
        for (auto const* key :
             {"member_id", "org_id", en ? "kind_name" : "kind", en ? "message_zh" : "message"}) {
            auto const it = std::find_if(r.columns.begin(), r.columns.end(),
                                         [&](io::column const& c) { return c.key == key; });
            auto const at = static_cast<std::size_t>(it - r.columns.begin());
            r.columns.erase(it);
            for (auto& row : r.rows)
                row.erase(row.begin() + static_cast<long>(at));
        }
    }
    return show_report(ctx, r, vm);
}

[[maybe_unused]] bool const registered = register_command({
    .name = "agenda",
    .summary = "what is due, upcoming or overdue on a date, and under which rule",
    .description =
        "Every item names the rule behind it (see docs/rules.md). Term expiries show from the\n"
        "notice window on (3 months by default) and stay until the election is recorded; findings\n"
        "are standing conditions (too few full members, a branch over 50, a missing committee).\n"
        "Text output shows the Chinese kind name and description (--lang en: the kind code and the\n"
        "English description) and fits the terminal (--width); CSV, JSON and XLSX carry both.",
    .examples =
        "  dangyuan agenda --as-of 2026-11-26\n  dangyuan agenda --org 3 --status overdue,due --format csv\n"
        "  dangyuan agenda --lang en --width 0",
    .options = agenda_options,
    .run = run_agenda,
});

}  // namespace
}  // namespace dangyuan::cli::cmd_agenda
