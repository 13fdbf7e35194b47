// dangyuan dues account / pay / arrears: party dues (党费).

#include <ostream>

#include "cli/common.hpp"
#include "dangyuan/core/calendar.hpp"
#include "dangyuan/core/errors.hpp"
#include "dangyuan/io/reports.hpp"
#include "dangyuan/io/text.hpp"
#include "dangyuan/storage/life_store.hpp"

namespace dangyuan::cli::cmd_dues {
namespace {

// --- dues account

void account_options(po::options_description& d, po::positional_options_description& p) {
    add_member_argument(d, p);
    d.add_options()(
        "category", po::value<std::string>()->default_value("employed")->value_name("C"),
        "employed (在职), retiree (离退休), farmer (农民), student (学生), unemployed (下岗失业), "
        "low_income")("base", po::value<std::string>()->value_name("YUAN"),
                      "the monthly base in yuan (salary after the deductions, or the basic pension); "
                      "not needed for the fixed-amount categories")(
        "from", po::value<std::string>()->value_name("YYYY-MM"),
        "the month the base is in effect from (default: --ledger-start, or the admission month)")(
        "ledger-start", po::value<std::string>()->value_name("YYYY-MM"),
        "the first month judged here (older history is not kept)")(
        "quarterly", "pays by quarter with the branch's consent");
    add_why_option(d);
}

int run_account(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    auto const m = member_option(s, vm, "member");
    dues_terms terms;
    if (vm.count("ledger-start"))
        terms.ledger_start = parse_month(vm["ledger-start"].as<std::string>(), "ledger_start");
    terms.pays_quarterly = flag(vm, "quarterly");
    dues_base_change base;
    base.category = parse_dues_category(io::trim(vm["category"].as<std::string>()));
    base.effective = vm.count("from")     ? parse_month(vm["from"].as<std::string>(), "effective")
                     : terms.ledger_start ? *terms.ledger_start
                                          : month_of(m.admission_date);
    if (vm.count("base"))
        base.base = parse_yuan(io::trim(vm["base"].as<std::string>()), "base");
    else if (base.category == dues_category::employed || base.category == dues_category::retiree)
        throw usage_error("--base YUAN is required for " + std::string(to_string(base.category)));
    open_dues_account(s, m.id, base, terms, why_of(vm));
    auto const monthly = monthly_dues(base.category, base.base, s.rules().life);
    *ctx.out << "opened the dues account of " << m.name << ": " << chinese_name(base.category) << ", "
             << format_yuan(monthly) << " yuan a month from " << format_month(base.effective) << '\n';
    return exit_ok;
}

// --- dues pay

void pay_options(po::options_description& d, po::positional_options_description& p) {
    add_member_argument(d, p);
    d.add_options()("month", po::value<std::string>()->value_name("YYYY-MM"),
                    "the month paid for (required; for a voluntary payment the month it is made)")(
        "amount", po::value<std::string>()->value_name("YUAN"), "the amount (default: what the month owes)")(
        "paid-on", po::value<std::string>()->value_name("DATE"), "the payment date (default: --as-of)")(
        "collected-by", po::value<std::string>()->value_name("TEXT"), "the collector (收缴人, required)")(
        "host", po::value<std::string>()->value_name("ORG"),
        "paid at this host organisation (流入地, a mobile member with the activity certificate)")(
        "voluntary", "a voluntary extra payment (自愿多交党费)");
    add_as_of_option(d, "the recording date");
    add_why_option(d);
}

int run_pay(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    auto const m = member_option(s, vm, "member");
    if (!vm.count("month")) throw usage_error("--month YYYY-MM is required");
    require_options(vm, {"collected-by"});
    auto const as_of = as_of_date(vm);
    dues_payment p;
    p.member = m.id;
    p.month = parse_month(vm["month"].as<std::string>(), "month");
    p.voluntary = flag(vm, "voluntary");
    p.paid_on = vm.count("paid-on") ? date_option(vm, "paid-on") : as_of;
    p.collected_by = vm["collected-by"].as<std::string>();
    if (vm.count("host")) {
        p.paid_at = dues_paid_at::host_org;
        p.collecting_org = org_option(s, vm, "host").id;
    } else {
        p.collecting_org = m.branch;
    }
    if (vm.count("amount")) {
        p.amount = parse_yuan(io::trim(vm["amount"].as<std::string>()), "amount");
    } else {
        if (p.voluntary) throw usage_error("a voluntary payment needs --amount");
        auto const account = find_dues_account(s, m.id);
        if (!account)
            throw invalid_input("member",
                                m.name + " has no dues account: open it with `dangyuan dues account`");
        p.amount = dues_due(*account, p.month, as_of, s.rules());
    }
    auto const check = record_dues_payment(s, p, as_of, why_of(vm));
    *ctx.out << m.name << ": paid " << format_yuan(p.amount) << " yuan for " << format_month(p.month)
             << " on " << format_date(p.paid_on);
    if (check.late_back_payment)
        *ctx.out << " (" << check.months_back << " months back: dues.back_payment_6_months)";
    if (check.to_centre) *ctx.out << " (goes to the Centre: dues.voluntary_to_centre)";
    *ctx.out << '\n';
    return exit_ok;
}

// --- dues arrears

void arrears_options(po::options_description& d, po::positional_options_description&) {
    add_scope_options(d, "the statement date");
    add_output_options(d, "text|csv|json");
}

int run_arrears(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open_read();
    auto const where = scope_of(s, vm);
    auto const as_of = as_of_date(vm);
    io::org_directory const orgs(s.orgs());
    auto r = make_report("党费欠缴 (dues arrears)", "党费欠缴",
                         {{"member_id", "党员编号", true},
                          {"name", "姓名"},
                          {"branch", "支部"},
                          {"due", "应交", true},
                          {"paid", "已交", true},
                          {"arrears", "欠缴", true},
                          {"months", "欠缴月数", true},
                          {"streak", "连续未交"},
                          {"rule_id", "规则"}});
    auto const rows = dues_arrears_report(s, as_of, where);
    for (auto const& p : rows) {
        auto const* b = orgs.find(p.branch);
        std::string streak;
        if (p.streak)
            streak = std::to_string(p.streak->months) + " 个月 (" + format_month(p.streak->first) + " — " +
                     format_month(p.streak->last) + ")";
        r.rows.push_back({std::to_string(p.member.value()), p.name, b ? b->name : "",
                          format_yuan(p.statement.due), format_yuan(p.statement.paid),
                          format_yuan(p.statement.arrears), std::to_string(p.statement.months_in_arrears),
                          streak, p.streak ? "dues.unpaid_6_months" : "dues.pay_monthly"});
    }
    r.meta = dated_scope_meta(s, where, as_of,
                              {{"口径", "已建党费账户、统计日期党籍正常的党员中, 欠缴或连续6个月未交党费者"},
                               {"人数", std::to_string(r.rows.size())}});
    return show_report(ctx, r, vm);
}

[[maybe_unused]] bool const registered_account = register_command({
    .name = "dues account",
    .summary = "open a member's dues account (党费) with the first base",
    .arguments = "MEMBER",
    .description = "Months are owed from the admission month (dues.from_admission_month), or from\n"
                   "--ledger-start when later; the amount follows the brackets of the category\n"
                   "(dues.salary_brackets, dues.retiree_brackets, dues.fixed_amounts).",
    .examples = "  dangyuan dues account 张建国 --base 6300 --ledger-start 2026-01",
    .options = account_options,
    .run = run_account,
});

[[maybe_unused]] bool const registered_pay = register_command({
    .name = "dues pay",
    .summary = "record a dues payment for a month",
    .arguments = "MEMBER",
    .description =
        "Collected by the member's branch, or with --host by a host organisation. A payment for a\n"
        "month before admission is refused (dues.from_admission_month); one more than 6 months\n"
        "back is flagged (dues.back_payment_6_months).",
    .examples = "  dangyuan dues pay 张建国 --month 2026-01 --paid-on 2026-01-20 --collected-by 组织委员",
    .options = pay_options,
    .run = run_pay,
});

[[maybe_unused]] bool const registered_arrears = register_command({
    .name = "dues arrears",
    .summary = "members who owe dues, and those with 6 unpaid months in a row (自行脱党?)",
    .description =
        "Members of the branches in scope with a dues account, in normal standing on the date, who\n"
        "owe something (dues.pay_monthly) or have an unpaid streak (dues.unpaid_6_months).",
    .examples = "  dangyuan dues arrears --as-of 2026-11-26",
    .options = arrears_options,
    .run = run_arrears,
});

}  // namespace
}  // namespace dangyuan::cli::cmd_dues
