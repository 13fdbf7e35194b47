// Options shared by the subcommands.

#include "cli/common.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <charconv>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <memory>
#include <ostream>
#include <sstream>

#include "dangyuan/core/calendar.hpp"
#include "dangyuan/core/errors.hpp"
#include "dangyuan/io/progress.hpp"
#include "dangyuan/io/roster.hpp"
#include "dangyuan/io/text.hpp"

namespace dangyuan::cli {

void add_as_of_option(po::options_description& d, char const* what) {
    d.add_options()(
        "as-of", po::value<std::string>()->value_name("DATE"),
        (std::string(what) + " (2026-11-26, 2026.11.26, 2026/11/26 or 2026年11月26日; default today)")
            .c_str());
}

date::sys_days today() {
    std::time_t const now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return make_date(local.tm_year + 1900, static_cast<unsigned>(local.tm_mon + 1),
                     static_cast<unsigned>(local.tm_mday));
}

date::sys_days as_of_date(po::variables_map const& vm) {
    if (vm.count("as-of")) return parse_date(vm["as-of"].as<std::string>(), "as_of");
    return today();
}

void add_scope_option(po::options_description& d) {
    d.add_options()("org", po::value<std::string>()->value_name("ID|NAME"),
                    "only this organisation and everything below it (default: the whole store)");
}

scope scope_of(store const& s, po::variables_map const& vm) {
    if (!vm.count("org")) return scope::all();
    return scope::subtree(resolve_org(s, vm["org"].as<std::string>(), "org").id);
}

void add_output_options(po::options_description& d, std::string const& formats) {
    auto const def = formats.substr(0, formats.find('|'));
    auto const check_format = [formats](std::string const& f) {
        auto const l = io::ascii_lower(f);
        if (l.empty() || ("|" + formats + "|").find("|" + l + "|") == std::string::npos)
            throw usage_error("unknown --format '" + f + "' (" + formats + ")");
    };
    d.add_options()(
        "format,f",
        po::value<std::string>()->default_value(def)->value_name("FORMAT")->notifier(check_format),
        ("output format: " + formats).c_str())("output,o", po::value<std::string>()->value_name("FILE"),
                                               "write to FILE instead of standard output")(
        "header",
        po::value<std::string>()->default_value("zh")->value_name("zh|en")->notifier(
            [](std::string const& h) {
                if (h != "zh" && h != "en") throw usage_error("--header must be zh or en, not '" + h + "'");
            }),
        "CSV/XLSX header row: Chinese titles (zh, importable) or English keys (en)")(
        "encoding", po::value<std::string>()->value_name("ENC"),
        "CSV encoding: utf-8 (default) or gb18030; CSV files written with -o start with a UTF-8 BOM")(
        "width",
        po::value<std::string>()->value_name("N")->notifier([](std::string const& w) { (void)width_of(w); }),
        "text output: fit tables into N display columns, the last column wrapping (0: no limit; "
        "default: $COLUMNS, else the terminal's width)");
}

std::size_t width_of(std::string const& text) {
    std::size_t n = 0;
    auto const* end = text.data() + text.size();
    auto const [p, ec] = std::from_chars(text.data(), end, n);
    if (text.empty() || ec != std::errc{} || p != end)
        throw usage_error("--width must be a number of columns (0: no limit), not '" + text + "'");
    return n;
}

std::size_t text_width(po::variables_map const& vm, bool to_terminal) {
    if (vm.count("width")) return width_of(vm["width"].as<std::string>());
    if (!to_terminal) return 0;
    // COLUMNS is what shells export after a resize; an unusable value falls back to the terminal.
    if (char const* columns = std::getenv("COLUMNS"); columns != nullptr && *columns != '\0') {
        std::size_t n = 0;
        std::string_view const c(columns);
        auto const [p, ec] = std::from_chars(c.data(), c.data() + c.size(), n);
        if (ec == std::errc{} && p == c.data() + c.size()) return n;
    }
    winsize ws{};
    if (::isatty(STDOUT_FILENO) && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    return 0;
}

void emit(context& ctx, io::report const& r, po::variables_map const& vm, bool group_first) {
    auto const format = io::ascii_lower(vm["format"].as<std::string>());
    std::filesystem::path const output = vm.count("output") ? vm["output"].as<std::string>() : std::string();
    auto const header_text = vm["header"].as<std::string>();
    if (header_text != "zh" && header_text != "en")
        throw usage_error("--header must be zh or en, not '" + header_text + "'");
    auto const header = header_text == "en" ? io::header_language::english : io::header_language::chinese;
    if (format == "text") {
        std::ostringstream text;
        // The width limit applies to standard output; a file gets it only from --width.
        bool const to_stdout = (output.empty() || output == "-") && ctx.out == &std::cout;
        io::write_text(text, r, group_first, text_width(vm, to_stdout));
        io::write_output(output, text.str(), *ctx.out);
    } else if (format == "csv") {
        auto csv = io::to_csv(r, header);
        bool const to_file = !output.empty() && output != "-";
        if (vm.count("encoding")) {
            auto const enc = io::parse_encoding(vm["encoding"].as<std::string>());
            if (enc == io::text_encoding::gb18030) {
                io::write_output(output, io::encode(csv, enc), *ctx.out);
                return;
            }
        }
        io::write_output(output, (to_file ? "\xEF\xBB\xBF" : "") + csv, *ctx.out);
    } else if (format == "json") {
        io::write_output(output, io::to_json(r).dump(2) + "\n", *ctx.out);
    } else if (format == "xlsx") {
        if (output.empty() || output == "-") throw usage_error("--format xlsx needs -o FILE.xlsx");
        io::write_xlsx(output, std::span<io::report const>(&r, 1), header);
    } else {
        throw usage_error("unknown --format '" + format + "'");
    }
    if (!output.empty() && output != "-") *ctx.err << "wrote " << output.string() << '\n';
}

void add_sort_option(po::options_description& d) {
    d.add_options()("sort",
                    po::value<std::string>()->default_value("stroke")->value_name("ORDER")->notifier(
                        [](std::string const& s) {
                            try {
                                (void)io::parse_name_order(s);
                            } catch (invalid_input const& e) {
                                throw usage_error("--sort: " + e.reason());
                            }
                        }),
                    "name order: stroke (按姓氏笔画), pinyin (按拼音) or id");
}

io::name_order sort_of(po::variables_map const& vm) {
    return io::parse_name_order(vm["sort"].as<std::string>());
}

void add_unmasked_options(po::options_description& d) {
    d.add_options()("unmasked",
                    "show full ID numbers and phones (authorised use; recorded in the audit trail)")(
        "why", po::value<std::string>()->value_name("REASON"),
        "the reason for an unmasked access (required with --unmasked)");
}

bool unmasked_access(store& s, po::variables_map const& vm) {
    if (!vm.count("unmasked")) return false;
    if (!vm.count("why") || io::trim(vm["why"].as<std::string>()).empty())
        throw usage_error("--unmasked needs --why REASON (the access is recorded in the audit trail)");
    s.require(permission::unmasked_personal_data);
    return true;
}

void record_unmasked(store& s, po::variables_map const& vm, std::string const& what, std::size_t rows) {
    if (!vm.count("unmasked")) return;
    s.record_access(what, vm["why"].as<std::string>(), static_cast<std::int64_t>(rows));
}

member find_member_by_key(store const& s, std::string const& key_text, char const* field) {
    auto const key = std::string(io::trim(key_text));
    if (key.empty()) throw invalid_input(field, "no member given");
    if (auto const id = citizen_id::try_parse(key)) {
        if (auto m = s.find_member(*id)) return *m;
        throw not_found(std::string(field) + ": no member with ID number " + id->masked());
    }
    std::int64_t n = 0;
    auto const [p, ec] = std::from_chars(key.data(), key.data() + key.size(), n);
    if (ec == std::errc{} && p == key.data() + key.size()) {
        try {
            return s.get_member(member_id{n});
        } catch (not_found const&) {
            throw not_found(std::string(field) + ": no member with id " + key);
        }
    }
    auto found = s.find_members_by_name(key);
    if (found.empty())
        throw not_found(std::string(field) + ": no member named '" + key +
                        "' (give the id, the ID number or the exact name)");
    if (found.size() > 1) {
        io::org_directory const orgs(s.orgs());
        std::string list;
        // Masked like any view (the birth year; the id tells namesakes apart).
        for (auto const& m : found)
            list += "\n  " + std::to_string(m.id.value()) + "  " + m.name + "  " +
                    io::cell_text(m, io::roster_field::id_number, orgs, true) + "  " +
                    io::cell_text(m, io::roster_field::birth_date, orgs, true) + "  " +
                    io::cell_text(m, io::roster_field::branch, orgs, true);
        throw invalid_input(field, std::to_string(found.size()) + " members are named '" + key +
                                       "' (id, masked ID number, birth year, branch below); give the id or "
                                       "the ID number instead of the name, e.g. " +
                                       std::to_string(found.front().id.value()) + ":" + list);
    }
    return found.front();
}

member member_option(store const& s, po::variables_map const& vm, char const* name) {
    if (!vm.count(name)) throw usage_error(std::string("--") + name + " is required");
    return find_member_by_key(s, vm[name].as<std::string>(), name);
}

std::vector<member_id> member_list(store const& s, std::string const& keys, char const* field) {
    std::vector<member_id> out;
    std::string_view rest = keys;
    while (!rest.empty()) {
        auto const comma = std::min(rest.find(','), rest.size());
        auto const one = io::trim(rest.substr(0, comma));
        if (!one.empty()) out.push_back(find_member_by_key(s, std::string(one), field).id);
        rest = comma < rest.size() ? rest.substr(comma + 1) : std::string_view();
    }
    return out;
}

org_unit resolve_org(store const& s, std::string const& text, char const* field) {
    io::org_directory const orgs(s);  // an id out of the principal's reach: access_denied
    try {
        return orgs.resolve_org(text);
    } catch (invalid_input const& e) {
        throw invalid_input(field, e.reason());
    }
}

date::sys_days date_option(po::variables_map const& vm, char const* name) {
    if (!vm.count(name)) throw usage_error(std::string("--") + name + " DATE is required");
    return parse_date(vm[name].as<std::string>(), name);
}

std::optional<date::sys_days> optional_date(po::variables_map const& vm, char const* name) {
    if (!vm.count(name)) return std::nullopt;
    return parse_date(vm[name].as<std::string>(), name);
}

bool parse_yes_no_value(std::string const& text, std::string const& field) {
    auto const t = io::ascii_lower(io::trim(text));
    if (t == "是" || t == "yes" || t == "y" || t == "true" || t == "1" || t == "通过") return true;
    if (t == "否" || t == "no" || t == "n" || t == "false" || t == "0" || t == "未通过") return false;
    throw invalid_input(field, "'" + text + "' is not yes or no (是 / 否)");
}

int parse_count(std::string const& text, std::string const& field) {
    auto const t = std::string(io::trim(text));
    int n = 0;
    auto const [p, ec] = std::from_chars(t.data(), t.data() + t.size(), n);
    if (t.empty() || ec != std::errc{} || p != t.data() + t.size() || n < 0)
        throw invalid_input(field, "'" + text + "' is not a whole number of 0 or more");
    return n;
}

void add_vote_options(po::options_description& d) {
    d.add_options()("entitled", po::value<int>()->value_name("N"),
                    "vote: full members entitled to vote (应到会有表决权的正式党员)")(
        "present", po::value<int>()->value_name("N"), "vote: of those, present (实到)")(
        "written", po::value<int>()->default_value(0)->value_name("N"),
        "vote: written opinions of absent voting members")("yes", po::value<int>()->value_name("N"),
                                                           "vote: 赞成")(
        "no", po::value<int>()->default_value(0)->value_name("N"), "vote: 反对")(
        "abstain", po::value<int>()->default_value(0)->value_name("N"), "vote: 弃权");
}

std::optional<branch_vote> vote_of(po::variables_map const& vm, std::optional<int> entitled) {
    if (!vm.count("entitled") && !(entitled && (vm.count("present") || vm.count("yes")))) {
        if (vm.count("present") || vm.count("yes"))
            throw usage_error("a vote needs --entitled, --present and --yes");
        return std::nullopt;
    }
    if (!vm.count("present") || !vm.count("yes"))
        throw usage_error("a vote needs --entitled, --present and --yes");
    branch_vote v;
    v.entitled = vm.count("entitled") ? vm["entitled"].as<int>() : *entitled;
    v.present = vm["present"].as<int>();
    v.written_opinions = vm["written"].as<int>();
    v.yes = vm["yes"].as<int>();
    v.no = vm["no"].as<int>();
    v.abstain = vm["abstain"].as<int>();
    validate_counts(v);
    return v;
}

void add_why_option(po::options_description& d) {
    d.add_options()("why", po::value<std::string>()->value_name("REASON"), "recorded in the audit trail");
}

std::string why_of(po::variables_map const& vm) {
    return vm.count("why") ? vm["why"].as<std::string>() : std::string();
}

io::report key_value_report(std::string title, std::string sheet) {
    io::report r;
    r.title = std::move(title);
    r.sheet = std::move(sheet);
    r.columns = {{"field", "项目"}, {"value", "内容"}};
    return r;
}

std::function<void(std::size_t, std::size_t)> progress_to_stderr(std::string label) {
    struct state {
        explicit state(std::string l) : bar(l, 0, io::progress_bar::on_terminal()), label(std::move(l)) {}
        io::progress_bar bar;
        std::string label;
        bool started = false;
        bool finished = false;
    };
    auto st = std::make_shared<state>(std::move(label));
    return [st](std::size_t done, std::size_t total) {
        if (st->finished) return;
        if (!st->started) {
            st->bar.phase(st->label, static_cast<std::int64_t>(total));
            st->started = true;
        }
        st->bar.update(static_cast<std::int64_t>(done));
        if (done >= total) {
            st->bar.finish();
            st->finished = true;
        }
    };
}

}  // namespace dangyuan::cli
