// dangyuan audit: the store's audit trail (every write, and every access to unmasked personal data).

#include <ostream>

#include "cli/common.hpp"

namespace dangyuan::cli::cmd_audit {
namespace {

void audit_options(po::options_description& d, po::positional_options_description&) {
    d.add_options()("after", po::value<std::int64_t>()->default_value(0)->value_name("SEQ"),
                    "only entries after this sequence number")(
        "last", po::value<std::size_t>()->value_name("N"), "only the last N entries")(
        "entity", po::value<std::string>()->value_name("NAME"),
        "only entries about this entity: org, member, standing, case, access …");
    add_output_options(d, "text|csv|json");
}

int run_audit(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open_read();
    auto entries = s.audit_log(vm["after"].as<std::int64_t>());
    if (vm.count("entity"))
        std::erase_if(entries,
                      [&](audit_entry const& e) { return e.entity != vm["entity"].as<std::string>(); });
    if (vm.count("last") && entries.size() > vm["last"].as<std::size_t>())
        entries.erase(entries.begin(), entries.end() - static_cast<long>(vm["last"].as<std::size_t>()));
    auto r = make_report("审计记录 (audit trail)", "审计",
                         {{"seq", "序号", true},
                          {"at", "时间 (UTC)"},
                          {"actor", "操作人"},
                          {"entity", "对象"},
                          {"entity_id", "编号", true},
                          {"action", "操作"},
                          {"why", "事由"},
                          {"detail", "内容"}});
    for (auto const& e : entries)
        r.rows.push_back({std::to_string(e.seq), e.at, e.actor, e.entity, std::to_string(e.entity_id),
                          e.action, e.why, e.detail});
    r.meta = {{"条数", std::to_string(r.rows.size())}};
    return show_report(ctx, r, vm);
}

[[maybe_unused]] bool const registered = register_command({
    .name = "audit",
    .summary = "the audit trail: who wrote what and why, and every unmasked access to personal data",
    .description =
        "The trail is append-only; each write of the store and each `--unmasked` read adds a line.",
    .examples = "  dangyuan audit --last 20\n  dangyuan audit --entity access --format csv",
    .options = audit_options,
    .run = run_audit,
});

void verify_options(po::options_description&, po::positional_options_description&) {}

int run_verify(context& ctx, po::variables_map const&) {
    auto const v = ctx.open_read().verify_audit();
    auto& out = *ctx.out;
    if (v.ok) {
        out << "审计记录完整 (audit trail intact): " << v.entries_checked << " entries checked\n"
            << "head seq " << v.head_seq << " sha256 " << v.head_hash << '\n';
        return exit_ok;
    }
    out << "审计记录被改动 (audit trail NOT intact): " << v.message << '\n'
        << "first bad seq " << *v.first_bad_seq << "; " << v.entries_checked << " entries checked\n";
    return exit_failure;
}

[[maybe_unused]] bool const registered_verify = register_command({
    .name = "audit verify",
    .summary = "check the audit trail's hash chain: exit 0 when intact, 1 when an entry was altered",
    .description =
        "Re-computes the SHA-256 chain of the audit trail (docs/security.md) and reports the first entry\n"
        "that was changed, removed or inserted, or that the trail is intact with the number of entries\n"
        "checked and the latest entry's seq and hash. Keep that hash elsewhere and compare it later:\n"
        "whoever can write the file could rewrite the chain from an altered entry onward.",
    .examples = "  dangyuan audit verify",
    .options = verify_options,
    .run = run_verify,
});

}  // namespace
}  // namespace dangyuan::cli::cmd_audit
