// dangyuan org add / org list: the organisation tree.

#include <map>
#include <ostream>

#include "cli/common.hpp"
#include "dangyuan/core/calendar.hpp"
#include "dangyuan/core/errors.hpp"
#include "dangyuan/io/reports.hpp"
#include "dangyuan/io/roster.hpp"
#include "dangyuan/io/text.hpp"
#include "dangyuan/org/org_rules.hpp"

namespace dangyuan::cli::cmd_org {
namespace {

void org_add_options(po::options_description& d, po::positional_options_description&) {
    d.add_options()("name", po::value<std::string>()->required()->value_name("NAME"),
                    "full name, e.g. 甸柳社区党支部")(
        "kind", po::value<std::string>()->required()->value_name("KIND"),
        "higher_committee (上级党委), grassroots_committee (基层党委), working_committee (党工委), "
        "general_branch "
        "(党总支), branch (党支部), joint_branch (联合党支部), party_group (党小组)")(
        "parent", po::value<std::string>()->value_name("ID|NAME"),
        "the organisation above it (none for the top)")(
        "established", po::value<std::string>()->required()->value_name("DATE"), "date it was set up")(
        "term-start", po::value<std::string>()->value_name("DATE"), "start of the current committee's term")(
        "term-years", po::value<int>()->value_name("N"),
        "term length in years (default by kind: 3, 5 for committees)")(
        "village", "a village (村) or community (社区) branch: 5-year terms");
    add_why_option(d);
}

int run_org_add(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    org_unit o;
    o.name = std::string(io::trim(vm["name"].as<std::string>()));
    o.kind = parse_org_kind(vm["kind"].as<std::string>());
    o.established = parse_date(vm["established"].as<std::string>(), "established");
    if (vm.count("parent"))
        o.parent = io::org_directory(s.orgs()).resolve_org(vm["parent"].as<std::string>()).id;
    if (vm.count("term-start")) o.term_start = parse_date(vm["term-start"].as<std::string>(), "term_start");
    if (vm.count("term-years")) o.term_years = vm["term-years"].as<int>();
    o.village_or_community = flag(vm, "village");
    auto const id = s.add_org(o, why_of(vm));
    *ctx.out << "added organisation " << id.value() << ": " << o.name << " (" << chinese_name(o.kind)
             << ")\n";
    return exit_ok;
}

void org_list_options(po::options_description& d, po::positional_options_description&) {
    add_scope_options(d, "count members on this date");
    add_output_options(d, "text|csv|json");
}

int run_org_list(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open_read();
    auto const where = scope_of(s, vm);
    auto const as_of = as_of_date(vm);
    auto const orgs = s.orgs(where);
    // Members per branch (the counting rule of the reports), rolled up to every organisation above.
    std::map<std::int64_t, std::pair<int, int>> counts;
    std::map<std::int64_t, std::optional<org_id>> parent;
    for (auto const& o : orgs)
        parent[o.id.value()] = o.parent;
    for (auto const& m : s.roster(where, as_of)) {
        if (m.joined_branch > as_of) continue;
        bool const full = m.status_on(as_of) == member_status::full;
        for (std::optional<org_id> at = m.branch; at && parent.contains(at->value());
             at = parent[at->value()])
            (full ? counts[at->value()].first : counts[at->value()].second) += 1;
    }
    std::map<std::int64_t, int> depth;
    bool const text = text_output(vm);
    auto r = make_report("党组织 (organisations)", "组织",
                         {{"id", "编号", true},
                          {"name", "名称"},
                          {"kind", "类型"},
                          {"parent_id", "上级", true},
                          {"established", "成立日期"},
                          {"term_start", "本届开始"},
                          {"term_end", "届满日期"},
                          {"full_members", "正式党员", true},
                          {"probationary_members", "预备党员", true}});
    r.meta = dated_scope_meta(s, where, as_of);
    for (auto const& o : orgs) {
        int const d = o.parent && depth.contains(o.parent->value()) ? depth[o.parent->value()] + 1 : 0;
        depth[o.id.value()] = d;
        auto const end = term_end(o, s.rules());
        auto const [full, prob] = counts[o.id.value()];
        r.rows.push_back({std::to_string(o.id.value()),
                          (text ? std::string(2 * static_cast<std::size_t>(d), ' ') : "") + o.name,
                          std::string(chinese_name(o.kind)),
                          o.parent ? std::to_string(o.parent->value()) : "", format_date(o.established),
                          o.term_start ? format_date(*o.term_start) : "", end ? format_date(*end) : "",
                          std::to_string(full), std::to_string(prob)});
    }
    return show_report(ctx, r, vm);
}

[[maybe_unused]] bool const registered_add = register_command({
    .name = "org add",
    .summary = "add an organisation (党组织) to the tree",
    .description =
        "The tree rules apply (org.tree_structure): branches sit under committees or general branches,\n"
        "party groups under branches; a term length must fit the kind (org.term_length).",
    .examples =
        "  dangyuan org add --name 中共示范区委员会 --kind higher_committee --established 1990-01-01 \\\n"
        "      --term-start 2021-10-01 --term-years 5\n"
        "  dangyuan org add --name 甸柳社区党支部 --kind 党支部 --parent 中共示范区委员会 \\\n"
        "      --established 2002-01-01 --village --term-start 2021-12-28",
    .options = org_add_options,
    .run = run_org_add,
});

[[maybe_unused]] bool const registered_list = register_command({
    .name = "org list",
    .summary = "list the organisations with their terms and member counts",
    .description =
        "Parents come before their children (indented in text output). Member counts follow the\n"
        "counting rule of the reports (see `dangyuan stats --help`) and are totals of the subtree.",
    .examples = "  dangyuan org list\n  dangyuan org list --org 12 --format csv -o orgs.csv",
    .options = org_list_options,
    .run = run_org_list,
});

}  // namespace
}  // namespace dangyuan::cli::cmd_org
