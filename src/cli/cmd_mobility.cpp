// dangyuan mobility …: mobile members (流动党员管理) — episodes away, the activity certificate
// 《流动党员活动证》, transfer letters (组织关系介绍信), contact logs of members out of contact, and the
// domain's list and statistics.

#include <algorithm>
#include <ostream>
#include <span>

#include "cli/common.hpp"
#include "dangyuan/core/calendar.hpp"
#include "dangyuan/core/errors.hpp"
#include "dangyuan/core/money.hpp"
#include "dangyuan/io/reports.hpp"
#include "dangyuan/io/text.hpp"
#include "dangyuan/storage/mobility_store.hpp"

namespace dangyuan::cli::cmd_mobility {
namespace {

std::int64_t id_argument(po::variables_map const& vm, char const* name) {
    auto const n = parse_count(vm[name].as<std::string>(), name);
    if (n < 1) throw invalid_input(name, "ids start at 1");
    return n;
}

certificate_no number_argument(po::variables_map const& vm) {
    return certificate_no{std::string(io::trim(vm["number"].as<std::string>()))};
}

// A host organisation: one of the store (--host), or a name outside it (--host-name).
void host_options(po::options_description& d, char const* what) {
    d.add_options()("host", po::value<std::string>()->value_name("ORG"),
                    (std::string(what) + ": an organisation of the store (id or name)").c_str())(
        "host-name", po::value<std::string>()->value_name("NAME"),
        "the host organisation's name when it is not in the store");
}

mobility_destination host_of(store const& s, po::variables_map const& vm) {
    mobility_destination d;
    if (vm.count("host")) {
        auto const o = org_option(s, vm, "host");
        d.host_org = o.id;
        d.host_org_name = o.name;
    }
    if (vm.count("host-name")) d.host_org_name = vm["host-name"].as<std::string>();
    return d;
}

void place_options(po::options_description& d) {
    d.add_options()("place", po::value<std::string>()->value_name("TEXT"),
                    "where the member is, e.g. 广东省深圳市南山区")(
        "fixed-place", "a relatively fixed place (相对固定): the 6-month transfer clock runs")(
        "expected-months", po::value<int>()->value_name("N"), "the expected length of the stay in months");
}

// --- mobility open

void open_options(po::options_description& d, po::positional_options_description& p) {
    add_member_argument(d, p, "the member leaving: id, ID number or exact name");
    add_date_option(d, "date", "the day the member left (required)");
    d.add_options()("reason", po::value<std::string>()->default_value("work_business")->value_name("R"),
                    "务工经商 (work_business), 学习 (study), 随迁 (accompany_family) or 其他 (other)");
    place_options(d);
    host_options(d, "the host organisation (流入地), when known");
    d.add_options()("note", po::value<std::string>()->value_name("TEXT"), "a note");
    add_why_option(d);
}

int run_open(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    auto const m = member_option(s, vm, "member");
    member_left r;
    r.date = date_option(vm, "date");
    r.reason = parse_mobility_reason(std::string(io::trim(vm["reason"].as<std::string>())));
    require_options(vm, {"place"});
    r.destination = host_of(s, vm);
    r.destination.place = vm["place"].as<std::string>();
    r.fixed_place = flag(vm, "fixed-place");
    if (vm.count("expected-months")) r.expected_months = vm["expected-months"].as<int>();
    r.note = text_option(vm, "note");
    auto const id = open_episode(s, m.id, r, why_of(vm));
    *ctx.out << "opened episode " << id.value() << ": " << m.name << " left on " << format_date(r.date)
             << " for " << r.destination.place << "; a mobile member (流动党员) from "
             << format_date(add_months(r.date, s.rules().mobility.mobile_after_months)) << " if still away\n";
    return exit_ok;
}

// --- mobility record

void record_options(po::options_description& d, po::positional_options_description& p) {
    add_id_argument(d, p, "episode", "the episode id");
    d.add_options()(
        "kind", po::value<std::string>()->required()->value_name("KIND"),
        "registered, reported_to_host, moved, host_activity, dues_paid_at_host, yearly_report or returned "
        "(or the Chinese name)")("date", po::value<std::string>()->value_name("DATE"),
                                 "the date of the record (required)");
    place_options(d);
    host_options(d, "reported_to_host (required), host_activity, dues_paid_at_host: the host");
    d.add_options()("dues-month", po::value<std::string>()->value_name("YYYY-MM"),
                    "dues_paid_at_host: the first month paid for")(
        "months", po::value<int>()->default_value(1)->value_name("N"), "dues_paid_at_host: months paid for")(
        "amount", po::value<std::string>()->value_name("YUAN"), "dues_paid_at_host: the amount in yuan")(
        "note", po::value<std::string>()->value_name("TEXT"),
        "the activity attended, the substance of a report, why the member came back");
    add_why_option(d);
    p.add("kind", 1);
}

// The options of `mobility record` and the record field each stands for; a kind takes only some.
struct record_option {
    char const* option;
    char const* field;
};
constexpr record_option place_fields[] = {
    {"place", "place"}, {"fixed-place", "fixed_place"}, {"expected-months", "expected_months"}};
constexpr record_option host_fields[] = {{"host", "host_org"}, {"host-name", "host_org_name"}};
constexpr record_option dues_fields[] = {
    {"dues-month", "dues_month"}, {"months", "dues_months"}, {"amount", "amount_fen"}};

// Refuses an option of `fields` given on the command line for a kind that has no such field.
void refuse_options(po::variables_map const& vm, std::span<record_option const> fields,
                    episode_record_kind kind) {
    for (auto const& f : fields)
        if (vm.count(f.option) && !vm[f.option].defaulted())
            throw invalid_input(f.field, std::string(to_string(kind)) + " records take no --" + f.option);
}

int run_record(context& ctx, po::variables_map const& vm) {
    using k = episode_record_kind;
    auto& s = ctx.open();
    auto const id = episode_id{id_argument(vm, "episode")};
    auto const kind = parse_episode_record_kind(std::string(io::trim(vm["kind"].as<std::string>())));
    if (kind == k::left)
        throw usage_error("an episode begins with `dangyuan mobility open`, not a `left` record");
    if (kind == k::transferred)
        throw usage_error(
            "a transfer closes the episode on its receipt: `dangyuan mobility transfer receive`");
    auto const d = date_option(vm, "date");
    auto note = text_option(vm, "note");
    bool const has_place = kind == k::moved;
    bool const has_host = kind == k::moved || kind == k::reported_to_host || kind == k::host_activity ||
                          kind == k::dues_paid_at_host;
    if (!has_place) refuse_options(vm, place_fields, kind);
    if (!has_host) refuse_options(vm, host_fields, kind);
    if (kind != k::dues_paid_at_host) refuse_options(vm, dues_fields, kind);
    auto const host = has_host ? host_of(s, vm) : mobility_destination{};
    episode_record r;
    switch (kind) {
        case k::registered:
            r = registered_as_mobile{d, std::move(note)};
            break;
        case k::reported_to_host:
            r = reported_to_host{d, host.host_org, host.host_org_name, std::move(note)};
            break;
        case k::moved: {
            auto dest = host;
            dest.place = text_option(vm, "place");
            std::optional<int> expected;
            if (vm.count("expected-months")) expected = vm["expected-months"].as<int>();
            r = moved_place{d, std::move(dest), flag(vm, "fixed-place"), expected, std::move(note)};
            break;
        }
        case k::host_activity:
            r = host_life_attended{d, host.host_org, host.host_org_name, std::move(note)};
            break;
        case k::dues_paid_at_host: {
            host_dues_paid dues{d,  host.host_org,  host.host_org_name, {}, vm["months"].as<int>(),
                                {}, std::move(note)};
            if (vm.count("dues-month"))
                dues.dues_month = parse_month(vm["dues-month"].as<std::string>(), "dues_month");
            if (!vm.count("amount")) throw usage_error("dues_paid_at_host needs --amount YUAN");
            dues.amount_fen = parse_yuan(io::trim(vm["amount"].as<std::string>()), "amount");
            r = std::move(dues);
            break;
        }
        case k::yearly_report:
            r = yearly_report_made{d, std::move(note)};
            break;
        case k::returned:
            r = member_returned{d, std::move(note)};
            break;
        case k::left:
        case k::transferred:
            break;  // refused above
    }
    record_episode(s, id, r, why_of(vm));
    auto const ep = get_episode(s, id);
    *ctx.out << "episode " << id.value() << " (" << ep.member_name << "): " << chinese_name(kind) << " ("
             << to_string(kind) << ") on " << format_date(d) << '\n';
    return exit_ok;
}

// --- mobility certificate issue / present / review / return

void cert_issue_options(po::options_description& d, po::positional_options_description& p) {
    add_member_argument(d, p, "the holder: id, ID number or exact name");
    add_date_option(d, "date", "发证日期 (required)");
    d.add_options()("destination", po::value<std::string>()->value_name("TEXT"), "外出地点 (required)")(
        "expected-months", po::value<int>()->value_name("N"), "外出时限 in months (required)")(
        "reason", po::value<std::string>()->default_value("work_business")->value_name("R"),
        "外出原因: work_business, study, accompany_family, other")(
        "fixed-place", "the stay is at one relatively fixed place")(
        "transfer-blocked", po::value<std::string>()->value_name("WHY"),
        "why the relationship cannot be transferred yet (allows a certificate for a long fixed stay)")(
        "number", po::value<std::string>()->value_name("NO"),
        "a number assigned elsewhere (a pre-printed form); default: the store's next number")(
        "committee", po::value<std::string>()->value_name("ORG"),
        "the issuing committee (default: the nearest grassroots or working committee above the branch)");
    add_why_option(d);
}

int run_cert_issue(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    auto const m = member_option(s, vm, "member");
    certificate_issue issue;
    issue.issued = date_option(vm, "date");
    require_options(vm, {"destination", "expected-months"});
    issue.destination = vm["destination"].as<std::string>();
    issue.expected_months = vm["expected-months"].as<int>();
    issue.reason = parse_mobility_reason(std::string(io::trim(vm["reason"].as<std::string>())));
    issue.fixed_place = flag(vm, "fixed-place");
    if (vm.count("transfer-blocked"))
        issue.transfer_blocked_reason = vm["transfer-blocked"].as<std::string>();
    if (vm.count("committee")) issue.issuing_committee = org_option(s, vm, "committee").id;
    auto const no =
        vm.count("number")
            ? issue_certificate(s, m.id, certificate_no{vm["number"].as<std::string>()}, issue, why_of(vm))
            : issue_certificate(s, m.id, issue, why_of(vm));
    auto const c = get_certificate(s, no);
    *ctx.out << "issued 流动党员活动证 " << no.value << " to " << m.name << " on "
             << format_date(issue.issued) << " (" << s.org(c.issue.issuing_committee).name
             << "); annual review due " << format_date(next_review_due(c, issue.issued, s.rules())) << '\n';
    return exit_ok;
}

void cert_record_options(po::options_description& d, po::positional_options_description& p,
                         certificate_event_kind kind) {
    d.add_options()("number", po::value<std::string>()->required()->value_name("NO"),
                    "the certificate number")("date", po::value<std::string>()->value_name("DATE"),
                                              "the date (required)");
    switch (kind) {
        case certificate_event_kind::presented:
            host_options(d, "the host organisation the certificate is presented to (流入地)");
            break;
        case certificate_event_kind::reviewed:
            d.add_options()("org", po::value<std::string>()->value_name("ORG"),
                            "the reviewing organisation (home or host)")(
                "result", po::value<std::string>()->value_name("TEXT"), "the result of the review");
            break;
        default:
            d.add_options()("org", po::value<std::string>()->value_name("ORG"),
                            "the organisation that inspected it")(
                "report", po::value<std::string>()->value_name("TEXT"),
                "the member's report on the period away (required: certificate.return_with_report)");
            break;
    }
    add_why_option(d);
    p.add("number", 1);
}

int run_cert_record(context& ctx, po::variables_map const& vm, certificate_event_kind kind) {
    auto& s = ctx.open();
    auto const d = date_option(vm, "date");
    std::optional<org_id> org;
    if (kind != certificate_event_kind::presented && vm.count("org")) org = org_option(s, vm).id;
    auto const text = [&](char const* option) {
        return vm.count(option) ? vm[option].as<std::string>() : std::string();
    };
    certificate_record r;
    switch (kind) {
        case certificate_event_kind::presented: {
            auto const h = host_of(s, vm);
            if (!h.host_org && h.host_org_name.empty())
                throw usage_error("--host ORG or --host-name NAME is required");
            r = certificate_presented{d, h.host_org, h.host_org_name};
            break;
        }
        case certificate_event_kind::reviewed:
            r = certificate_reviewed{d, org, {}, std::nullopt, text("result")};
            break;
        default:
            r = certificate_returned{d, org, {}, text("report")};
            break;
    }
    auto const no = number_argument(vm);
    record_certificate(s, no, r, why_of(vm));
    auto const c = get_certificate(s, no);
    auto const st = state_on(c, d);
    *ctx.out << "certificate " << no.value << ": " << chinese_name(kind) << " on " << format_date(d) << "; "
             << (st ? std::string(chinese_name(st->state)) : std::string()) << '\n';
    return exit_ok;
}

// --- mobility transfer issue / receive

void transfer_issue_options(po::options_description& d, po::positional_options_description& p) {
    add_member_argument(d, p, "the member whose relationship moves");
    d.add_options()("serial", po::value<std::string>()->value_name("TEXT"),
                    "介绍信编号, unique per issuer (required)")(
        "to", po::value<std::string>()->value_name("ORG"), "the receiving committee (required)")(
        "date", po::value<std::string>()->value_name("DATE"), "开具日期 (required)")(
        "from", po::value<std::string>()->value_name("ORG"), "the issuer (default: the member's branch)")(
        "validity-days", po::value<int>()->default_value(0)->value_name("N"),
        "days the letter is valid (default: the rule set's)");
    add_why_option(d);
}

int run_transfer_issue(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    auto const m = member_option(s, vm, "member");
    require_options(vm, {"serial", "to"});
    transfer_letter l;
    l.serial = vm["serial"].as<std::string>();
    l.member = m.id;
    l.to_org = org_option(s, vm, "to").id;
    if (vm.count("from")) l.from_org = org_option(s, vm, "from").id;
    l.issued = date_option(vm, "date");
    l.validity_days = vm["validity-days"].as<int>();
    auto const id = issue_transfer_letter(s, l, why_of(vm));
    auto const stored = get_transfer_letter(s, id);
    *ctx.out << "issued transfer letter " << id.value() << " (" << stored.serial << ") for " << m.name << ": "
             << stored.from_name << " → " << stored.to_name << ", valid until "
             << format_date(expiry_date(stored, s.rules())) << '\n';
    return exit_ok;
}

void transfer_receive_options(po::options_description& d, po::positional_options_description& p) {
    d.add_options()("letter", po::value<std::string>()->required()->value_name("ID"),
                    "the letter id (printed by `transfer issue`)")(
        "date", po::value<std::string>()->value_name("DATE"), "the receipt date (required)")(
        "branch", po::value<std::string>()->value_name("ORG"),
        "the new branch (default: the receiving organisation, when it is a branch)")(
        "note", po::value<std::string>()->value_name("TEXT"), "remarks");
    add_why_option(d);
    p.add("letter", 1);
}

int run_transfer_receive(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    auto const id = transfer_letter_id{id_argument(vm, "letter")};
    letter_received r;
    r.date = date_option(vm, "date");
    r.note = text_option(vm, "note");
    std::optional<org_id> branch;
    if (vm.count("branch")) branch = org_option(s, vm, "branch").id;
    receive_transfer(s, id, r, branch, why_of(vm));
    auto const l = get_transfer_letter(s, id);
    auto const m = s.get_member(l.member);
    *ctx.out << "received transfer letter " << id.value() << ": " << m.name << " now in "
             << s.org(m.branch).name << " from " << format_date(r.date) << '\n';
    return exit_ok;
}

// --- mobility contact

void contact_options(po::options_description& d, po::positional_options_description& p) {
    add_member_argument(d, p, "the member out of contact");
    add_date_option(d, "date", "the date of the attempt (required)");
    d.add_options()("reached", "the member was reached (default: the attempt failed)")(
        "channel", po::value<std::string>()->value_name("TEXT"), "电话, 上门走访, 登报寻找, 亲属 …")(
        "by", po::value<std::string>()->value_name("TEXT"), "who tried")(
        "note", po::value<std::string>()->value_name("TEXT"), "a note")(
        "known-contact", po::value<std::string>()->value_name("DATE"),
        "opens the member's contact log: the last contact known (needed for the first attempt)");
    add_why_option(d);
}

int run_contact(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    auto const m = member_option(s, vm, "member");
    auto const d = date_option(vm, "date");
    auto channel = text_option(vm, "channel");
    auto by = text_option(vm, "by");
    auto note = text_option(vm, "note");
    auto const kind = vm.count("reached") ? contact_kind::reached : contact_kind::attempt_failed;
    contact_record const r = kind == contact_kind::reached
                                 ? contact_record{contact_reached{d, channel, by, note}}
                                 : contact_record{contact_attempt_failed{d, channel, by, note}};
    if (!find_contact_log(s, m.id)) {
        if (!vm.count("known-contact"))
            throw invalid_input("known_contact",
                                m.name +
                                    " has no contact log yet: give --known-contact DATE, the "
                                    "last contact known, to open it");
        open_contact_log(s, m.id, date_option(vm, "known-contact"), why_of(vm));
    }
    record_contact(s, m.id, r, why_of(vm));
    auto const log = find_contact_log(s, m.id);
    *ctx.out << m.name << ": " << chinese_name(kind) << " on " << format_date(d) << " ("
             << log->records.size() << " attempts since the last known contact of "
             << format_date(log->known_contact) << ")\n";
    return exit_ok;
}

// --- mobility list

void list_options(po::options_description& d, po::positional_options_description&) {
    add_scope_options(d, "members away on this date");
    d.add_options()("side", po::value<std::string>()->default_value("home")->value_name("home|host"),
                    "home: episodes of the branches in scope (流出); host: members hosted there (流入)")(
        "all", "closed episodes too");
    add_output_options(d, "text|csv|json");
}

int run_list(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open_read();
    auto const where = scope_of(s, vm);
    auto const as_of = as_of_date(vm);
    auto const side_text = vm["side"].as<std::string>();
    if (side_text != "home" && side_text != "host") throw usage_error("--side must be home or host");
    auto const side = side_text == "host" ? episode_side::host : episode_side::home;
    io::org_directory const orgs(s.orgs());
    auto r = make_report(side == episode_side::home ? "流动党员 (流出)" : "流动党员 (流入)", "流动党员",
                         {{"episode_id", "编号", true},
                          {"member_id", "党员编号", true},
                          {"name", "姓名"},
                          {"home_branch", "所在支部"},
                          {"left", "外出日期"},
                          {"place", "外出地点"},
                          {"reason", "外出原因"},
                          {"host", "流入地党组织"},
                          {"mobile", "流动党员"},
                          {"registered", "登记日期"},
                          {"certificate", "活动证"},
                          {"state", "状态"}});
    for (auto const& ep : episodes(s, where, side)) {
        auto const st = state_on(ep, as_of);
        if (!st) continue;
        if (st->phase == episode_phase::closed && !vm.count("all")) continue;
        std::string cert;
        for (auto const& c : member_certificates(s, ep.member))
            if (is_valid_on(c, as_of, s.rules())) cert += (cert.empty() ? "" : ", ") + c.number.value;
        auto const* home = orgs.find(ep.home_branch);
        r.rows.push_back(
            {std::to_string(ep.id.value()), std::to_string(ep.member.value()), ep.member_name,
             home ? home->name : std::to_string(ep.home_branch.value()), format_date(st->left_on),
             st->destination.place, std::string(chinese_name(st->reason)), st->destination.host_org_name,
             is_mobile_member_on(ep, as_of, s.rules()) ? "是" : "否",
             st->registered_on ? format_date(*st->registered_on) : "", cert,
             st->phase == episode_phase::away
                 ? "外出中"
                 : std::string(chinese_name(*st->closed_by)) + " " + format_date(*st->closed_on)});
    }
    r.meta = dated_scope_meta(s, where, as_of, {{"人数", std::to_string(r.rows.size())}});
    return show_report(ctx, r, vm);
}

// --- mobility stats

void stats_options(po::options_description& d, po::positional_options_description&) {
    add_scope_options(d, "the statistics date");
    add_output_options(d, "text|csv|json");
}

int run_stats(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open_read();
    auto const where = scope_of(s, vm);
    auto const as_of = as_of_date(vm);
    auto const ms = mobility_statistics_on(s, as_of, where);
    auto const cs = certificate_statistics_on(s, as_of, where);
    auto const letters = transfers_in_flight(s, as_of, where);
    auto r = make_report(
        "流动党员统计 (mobile members)", "流动党员统计",
        {{"section", "分组"}, {"item", "项目"}, {"count", "人数", true}, {"mobile", "其中流动党员", true}});
    r.meta = dated_scope_meta(
        s, where, as_of,
        {{"口径", "流出: 所在支部在范围内、统计日期外出中的党员; 流动党员: 外出满" +
                      std::to_string(s.rules().mobility.mobile_after_months) +
                      "个月 (mobility.mobile_member_6_months); 流入: 已向范围内党组织报到的党员"}});
    auto add = [&](std::string section, std::string item, int n, std::string mobile = {}) {
        r.rows.push_back({std::move(section), std::move(item), std::to_string(n), std::move(mobile)});
    };
    add("流出", "外出党员", ms.away, std::to_string(ms.mobile));
    add("流出", "已登记", ms.registered);
    add("流出", "已向流入地党组织报到", ms.reported_to_host);
    for (auto const& c : ms.by_reason)
        add("外出原因", std::string(chinese_name(parse_mobility_reason(c.key))), c.away,
            std::to_string(c.mobile));
    for (auto const& c : ms.by_destination)
        add("外出地点", c.key, c.away, std::to_string(c.mobile));
    for (auto const& c : ms.by_home_branch)
        add("所在支部", c.key, c.away, std::to_string(c.mobile));
    add("流入", "在范围内报到的党员", ms.hosted);
    for (auto const& c : ms.by_host)
        add("流入地党组织", c.key, c.away, std::to_string(c.mobile));
    for (auto const& c : cs.by_state)
        add("活动证", std::string(chinese_name(c.state)), c.count);
    add("活动证", "有效", cs.valid);
    add("活动证", "年审逾期 (certificate.annual_review)", cs.review_overdue);
    if (cs.expired) add("活动证", "已过有效期 (certificate.validity)", cs.expired);
    int expired = 0;
    for (auto const& l : letters)
        expired += l.state == transfer_state::expired ? 1 : 0;
    add("组织关系介绍信", "待回执", static_cast<int>(letters.size()) - expired);
    add("组织关系介绍信", "已过期未回执 (transfer.letter_validity)", expired);
    return show_report(ctx, r, vm, true);
}

[[maybe_unused]] bool const registered_open = register_command({
    .name = "mobility open",
    .summary = "a member leaves: open a mobility episode (外出)",
    .arguments = "MEMBER",
    .description =
        "The home branch is the member's branch, which keeps the relationship (一方隶属). A member\n"
        "is away in one episode at a time; after 6 months away the member is a mobile member\n"
        "(mobility.mobile_member_6_months) and the agenda asks for the registration.",
    .examples =
        "  dangyuan mobility open 张建国 --date 2025-03-10 --place 广东省深圳市南山区 --expected-months 10",
    .options = open_options,
    .run = run_open,
});

[[maybe_unused]] bool const registered_record = register_command({
    .name = "mobility record",
    .summary = "record on an episode: registered, reported to the host, moved, org life or dues at the "
               "host, yearly report, returned",
    .arguments = "EPISODE KIND",
    .description =
        "Org life and dues at a host need the report to that host first (mobility.report_to_host);\n"
        "a host is never the home branch (mobility.one_side_affiliation). `returned` closes the\n"
        "episode; a transfer closes it on the letter's receipt.",
    .examples =
        "  dangyuan mobility record 1 registered --date 2025-09-12\n"
        "  dangyuan mobility record 1 reported_to_host --date 2025-03-20 --host 南山区流动党员党支部\n"
        "  dangyuan mobility record 1 returned --date 2026-01-15 --note 合同期满返乡",
    .options = record_options,
    .run = run_record,
});

[[maybe_unused]] bool const registered_cert_issue = register_command({
    .name = "mobility certificate issue",
    .summary = "issue the activity certificate 《流动党员活动证》 under the store's next number",
    .arguments = "MEMBER",
    .description =
        "Issued through the member's branch and stamped by the grassroots or working committee\n"
        "above it (certificate.issuer_grassroots_committee); one valid certificate per member\n"
        "(certificate.one_valid_per_member); a fixed stay of 6 months or more calls for a transfer\n"
        "instead unless --transfer-blocked says why not (certificate.scope).",
    .examples =
        "  dangyuan mobility certificate issue 张建国 --date 2025-03-05 --destination 广东省深圳市南山区 \\\n"
        "      --expected-months 10",
    .options = [](po::options_description& d,
                  po::positional_options_description& p) { cert_issue_options(d, p); },
    .run = run_cert_issue,
});

[[maybe_unused]] bool const registered_cert_present = register_command({
    .name = "mobility certificate present",
    .summary = "the certificate is presented to the host organisation (交流入地党组织查验)",
    .arguments = "NUMBER",
    .description =
        "A certificate handed back, lost or revoked cannot be used (certificate.closed_not_usable).",
    .examples =
        "  dangyuan mobility certificate present 000001 --date 2025-03-20 --host 南山区流动党员党支部",
    .options =
        [](po::options_description& d, po::positional_options_description& p) {
            cert_record_options(d, p, certificate_event_kind::presented);
        },
    .run =
        [](context& ctx, po::variables_map const& vm) {
            return run_cert_record(ctx, vm, certificate_event_kind::presented);
        },
});

[[maybe_unused]] bool const registered_cert_review = register_command({
    .name = "mobility certificate review",
    .summary = "the annual review of the certificate (年审, certificate.annual_review)",
    .arguments = "NUMBER",
    .description = "The review is due 12 months after the issue or the last review; the agenda shows it.",
    .examples = "  dangyuan mobility certificate review 000001 --date 2026-01-10 --result 合格",
    .options =
        [](po::options_description& d, po::positional_options_description& p) {
            cert_record_options(d, p, certificate_event_kind::reviewed);
        },
    .run =
        [](context& ctx, po::variables_map const& vm) {
            return run_cert_record(ctx, vm, certificate_event_kind::reviewed);
        },
});

[[maybe_unused]] bool const registered_cert_return = register_command({
    .name = "mobility certificate return",
    .summary = "the certificate is handed back with a report on the period away (交回查验)",
    .arguments = "NUMBER",
    .description = "The report is required (certificate.return_with_report).",
    .examples =
        "  dangyuan mobility certificate return 000001 --date 2026-01-20 --report 外出期间参加流入地组织生活",
    .options =
        [](po::options_description& d, po::positional_options_description& p) {
            cert_record_options(d, p, certificate_event_kind::returned);
        },
    .run =
        [](context& ctx, po::variables_map const& vm) {
            return run_cert_record(ctx, vm, certificate_event_kind::returned);
        },
});

[[maybe_unused]] bool const registered_transfer_issue = register_command({
    .name = "mobility transfer issue",
    .summary = "issue a transfer letter (党员组织关系介绍信)",
    .arguments = "MEMBER",
    .description =
        "The member stays in the old branch until the receipt (transfer.old_org_responsible); one\n"
        "open letter per member (transfer.one_open_letter).",
    .examples = "  dangyuan mobility transfer issue 张建国 --serial 城组转〔2026〕1号 --to 教育和体育局党委 "
                "--date 2026-01-05",
    .options = transfer_issue_options,
    .run = run_transfer_issue,
});

[[maybe_unused]] bool const registered_transfer_receive = register_command({
    .name = "mobility transfer receive",
    .summary = "record the receipt (回执) of a transfer letter and move the member",
    .arguments = "LETTER",
    .description =
        "In one transaction: the receipt, the member's new branch and 转入支部日期, and the closing\n"
        "of an open episode. A letter past its validity is refused (transfer.letter_validity).",
    .examples = "  dangyuan mobility transfer receive 1 --date 2026-02-01 --branch 实验中学教师第一党支部",
    .options = transfer_receive_options,
    .run = run_transfer_receive,
});

[[maybe_unused]] bool const registered_contact = register_command({
    .name = "mobility contact",
    .summary = "record an attempt to contact a member out of contact (失联)",
    .arguments = "MEMBER",
    .description = "The first attempt opens the member's contact log with --known-contact, the last contact\n"
                   "known. After 6 months without contact the agenda proposes suspension\n"
                   "(lostcontact.suspend_after_6_months).",
    .examples = "  dangyuan mobility contact 张建国 --date 2026-06-01 --channel 电话 --by 组织委员 \\\n"
                "      --known-contact 2026-03-01",
    .options = contact_options,
    .run = run_contact,
});

[[maybe_unused]] bool const registered_list = register_command({
    .name = "mobility list",
    .summary = "members away on a date: place, reason, host, registration, certificate",
    .description = "--side home lists the episodes of the branches in scope (流出); --side host the members\n"
                   "who reported to an organisation in scope (流入).",
    .examples =
        "  dangyuan mobility list --as-of 2026-11-26\n  dangyuan mobility list --side host --format csv",
    .options = list_options,
    .run = run_list,
});

[[maybe_unused]] bool const registered_stats = register_command({
    .name = "mobility stats",
    .summary = "mobile-member statistics: outflow, inflow, certificates, transfer letters in flight",
    .description =
        "Outflow counts the episodes open on the date whose home branch is in scope; inflow those\n"
        "whose current host is in scope.",
    .examples = "  dangyuan mobility stats --as-of 2026-11-26",
    .options = stats_options,
    .run = run_stats,
});

}  // namespace
}  // namespace dangyuan::cli::cmd_mobility
