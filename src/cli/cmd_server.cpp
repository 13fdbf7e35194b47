// dangyuan server grant / revoke / roles: server roles of a store on PostgreSQL, each mapped to a
// principal that the server itself enforces with row-level security (docs/deployment.md).

#include <ostream>

#include "cli/common.hpp"
#include "cli/options.hpp"
#include "dangyuan/storage/server_principals.hpp"

namespace dangyuan::cli::cmd_server {
namespace {

void role_argument(po::options_description& d, po::positional_options_description& p) {
    d.add_options()("server-role", po::value<std::string>()->required()->value_name("ROLE"),
                    "the PostgreSQL role (CREATE ROLE … LOGIN), usually one per clerk");
    p.add("server-role", 1);
    d.add_options()("why", po::value<std::string>()->value_name("REASON"), "recorded in the audit trail");
}

void grant_options(po::options_description& d, po::positional_options_description& p) {
    role_argument(d, p);
    d.add_options()("role", po::value<std::string>()->required()->value_name("NAME"),
                    "a built-in role: organisation_department, party_committee, branch_secretary, analyst, "
                    "auditor")("org", po::value<std::string>()->value_name("ORG"),
                               "the root of the subtree it covers (id or name); none: the whole store")(
        "person", po::value<std::string>()->required()->value_name("NAME"),
        "who uses the role: the actor the audit trail records for its writes");
}

int run_grant(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    principal who{text_option(vm, "person"), built_in_role(text_option(vm, "role")), std::nullopt};
    if (vm.count("org")) who.org = org_option(s, vm).id;
    auto const role = text_option(vm, "server-role");
    grant_server_principal(s, role, who, optional_text(vm, "why").value_or(""));
    *ctx.out << "granted: server role " << role << " acts as " << who.actor << " (" << who.label()
             << "); row-level security is on for every table\n";
    return exit_ok;
}

void revoke_options(po::options_description& d, po::positional_options_description& p) {
    role_argument(d, p);
}

int run_revoke(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    auto const role = text_option(vm, "server-role");
    revoke_server_principal(s, role, optional_text(vm, "why").value_or(""));
    *ctx.out << "revoked: server role " << role << " sees nothing of the store\n";
    return exit_ok;
}

void roles_options(po::options_description& d, po::positional_options_description&) {
    add_output_options(d, "text|csv|json");
}

int run_roles(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open_read();
    auto r = make_report(
        "服务器角色 (server roles)", "角色",
        {{"server_role", "数据库角色"}, {"actor", "使用人"}, {"role", "角色"}, {"org", "范围", true}});
    for (auto const& p : server_principals(s))
        r.rows.push_back({p.server_role, p.who.actor, p.who.role.name,
                          p.who.org ? std::to_string(p.who.org->value()) : "all"});
    r.meta = {{"条数", std::to_string(r.rows.size())}};
    return show_report(ctx, r, vm);
}

[[maybe_unused]] bool const registered_grant = register_command({
    .name = "server grant",
    .summary = "map a PostgreSQL role to a principal, enforced by the server (row-level security)",
    .arguments = "ROLE",
    .description =
        "For a store on PostgreSQL, run by the role that owns it. ROLE must exist on the server. Its\n"
        "connections then read and write only the rows of --org's subtree, through dangyuan or any other\n"
        "client (psql, a report tool), and dangyuan opened through it acts as that principal. Granting\n"
        "again changes the mapping. The first grant installs the policies on every table.",
    .examples = "  dangyuan --db postgresql://owner@db/district server grant li_mei --role branch_secretary "
                "--org 第一社区党支部 --person 李梅",
    .options = grant_options,
    .run = run_grant,
});

[[maybe_unused]] bool const registered_revoke = register_command({
    .name = "server revoke",
    .summary = "remove a PostgreSQL role's principal and its privileges on the store",
    .arguments = "ROLE",
    .description =
        "The role's connections then see nothing of the store. The role itself stays on the server.",
    .examples = "  dangyuan --db postgresql://owner@db/district server revoke li_mei --why 调离",
    .options = revoke_options,
    .run = run_revoke,
});

[[maybe_unused]] bool const registered_roles = register_command({
    .name = "server roles",
    .summary = "the PostgreSQL roles mapped to principals of the store",
    .description =
        "Each mapped role, who uses it, its role and the root of its subtree (all: the whole store).",
    .examples = "  dangyuan --db postgresql://owner@db/district server roles",
    .options = roles_options,
    .run = run_roles,
});

}  // namespace
}  // namespace dangyuan::cli::cmd_server
