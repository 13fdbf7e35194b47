// dangyuan meeting add / list / compliance: organisational life (组织生活: 三会一课, 主题党日, 组织生活会,
// 谈心谈话) with its attendance, and the compliance with the cadence.

#include <algorithm>
#include <map>
#include <ostream>

#include "cli/common.hpp"
#include "dangyuan/core/calendar.hpp"
#include "dangyuan/core/errors.hpp"
#include "dangyuan/io/reports.hpp"
#include "dangyuan/io/text.hpp"
#include "dangyuan/member/discipline.hpp"
#include "dangyuan/storage/life_store.hpp"

namespace dangyuan::cli::cmd_meeting {
namespace {

// Who is expected (应到) at a meeting of `org` on `day`, everyone present: the committee in office for a
// committee meeting; otherwise the members of the organisation's subtree in normal standing on the day,
// voting when they are full members whose rights are not suspended (留党察看), the others sitting in.
std::vector<attendance_entry> expected_attendance(store const& s, org_unit const& org, meeting_kind kind,
                                                  date::sys_days day) {
    std::vector<attendance_entry> out;
    if (kind == meeting_kind::committee_meeting) {
        for (auto const& o : s.leadership(org.id, day))
            out.push_back({o.member, attendance_status::present, {}, true});
        return out;
    }
    for (auto const& m : s.roster(scope::subtree(org.id), day)) {
        if (m.joined_branch > day) continue;
        auto const st = s.standing_on(m.id, day);
        if (!st || st->state != standing_state::normal) continue;
        bool const voting =
            m.status_on(day) == member_status::full && !rights_suspended_on(s.party_probations(m.id), day);
        out.push_back({m.id, attendance_status::present, {}, voting});
    }
    return out;
}

bool voting_on(store const& s, member const& m, date::sys_days day) {
    auto const st = s.standing_on(m.id, day);
    return st && st->state == standing_state::normal && m.status_on(day) == member_status::full &&
           !rights_suspended_on(s.party_probations(m.id), day);
}

// Present, absent and guests of a meeting.
struct head_count {
    int present = 0, absent = 0, guests = 0;
};

head_count count_attendance(meeting const& m) {
    head_count n;
    for (auto const& a : m.attendance)
        (a.status == attendance_status::present  ? n.present
         : a.status == attendance_status::absent ? n.absent
                                                 : n.guests)++;
    return n;
}

// --- meeting add

void add_options(po::options_description& d, po::positional_options_description&) {
    d.add_options()("org", po::value<std::string>()->value_name("ORG"),
                    "the organisation holding it (required)")(
        "kind", po::value<std::string>()->value_name("KIND"),
        "branch_general_meeting (支部党员大会), committee_meeting (支部委员会), group_meeting (党小组会), "
        "party_lecture (党课), theme_party_day (主题党日), organisation_life_meeting (组织生活会), "
        "heart_to_heart_talk (谈心谈话) (required)")("date", po::value<std::string>()->value_name("DATE"),
                                                     "the meeting date (required)")(
        "topic", po::value<std::string>()->value_name("TEXT"), "主题 / 议题 (required)")(
        "chair", po::value<std::string>()->value_name("MEMBER"),
        "the chair; for a party lecture the lecturer, for a heart-to-heart talk the member holding it")(
        "secretary", "the chair / lecturer is the branch secretary (书记)")(
        "present", po::value<std::string>()->value_name("LIST"),
        "the members present, comma-separated (default: everyone expected — the committee for a committee "
        "meeting, the organisation's members otherwise)")(
        "absent", po::value<std::vector<std::string>>()->composing()->value_name("MEMBER=REASON"),
        "a member absent, with the reason (repeat the option)")(
        "guest", po::value<std::string>()->value_name("LIST"),
        "mobile members of other organisations taking part (流入列席), comma-separated");
    add_as_of_option(d, "the recording date (not before the meeting)");
    add_why_option(d);
}

int run_add(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    require_options(vm, {"org", "kind", "topic"});
    auto const org = org_option(s, vm);
    meeting m;
    m.org = org.id;
    m.kind = parse_meeting_kind(io::trim(vm["kind"].as<std::string>()));
    m.date = date_option(vm, "date");
    m.topic = vm["topic"].as<std::string>();
    if (vm.count("chair")) m.chair = member_option(s, vm, "chair").id;
    m.chair_is_secretary = flag(vm, "secretary");
    if (vm.count("present")) {
        for (auto const id : member_list(s, vm["present"].as<std::string>(), "present"))
            m.attendance.push_back(
                {id, attendance_status::present, {}, voting_on(s, s.get_member(id), m.date)});
    } else if (m.kind != meeting_kind::heart_to_heart_talk) {
        m.attendance = expected_attendance(s, org, m.kind, m.date);
    }
    if (vm.count("absent"))
        for (auto const& text : vm["absent"].as<std::vector<std::string>>()) {
            auto const eq = text.find('=');
            auto const who = find_member_by_key(s, text.substr(0, eq), "absent");
            auto const reason =
                eq == std::string::npos ? std::string() : std::string(io::trim(text.substr(eq + 1)));
            auto it = std::find_if(m.attendance.begin(), m.attendance.end(),
                                   [&](attendance_entry const& a) { return a.member == who.id; });
            if (it == m.attendance.end())
                it = m.attendance.insert(m.attendance.end(),
                                         {who.id, attendance_status::present, {}, voting_on(s, who, m.date)});
            it->status = attendance_status::absent;
            it->absence_reason = reason;
        }
    if (vm.count("guest"))
        for (auto const id : member_list(s, vm["guest"].as<std::string>(), "guest"))
            m.attendance.push_back({id, attendance_status::guest, {}, false});
    auto const as_of = as_of_date(vm);
    auto const id = add_meeting(s, m, as_of, why_of(vm));
    auto const [present, absent, guests] = count_attendance(m);
    *ctx.out << "recorded meeting " << id.value() << ": " << org.name << " " << chinese_name(m.kind) << " on "
             << format_date(m.date) << " (" << present << " present, " << absent << " absent"
             << (guests ? ", " + std::to_string(guests) + " guests" : std::string()) << ")\n";
    return exit_ok;
}

// --- meeting list

void list_options(po::options_description& d, po::positional_options_description&) {
    add_scope_option(d);
    d.add_options()("from", po::value<std::string>()->value_name("DATE"),
                    "first day (default: 1 January of --to's year)")(
        "to", po::value<std::string>()->value_name("DATE"), "last day (default: today)")(
        "kind", po::value<std::string>()->value_name("KIND"), "only meetings of this kind");
    add_output_options(d, "text|csv|json");
}

std::pair<date::sys_days, date::sys_days> period_of(po::variables_map const& vm) {
    auto const to = vm.count("to") ? date_option(vm, "to") : today();
    auto const from =
        vm.count("from") ? date_option(vm, "from") : make_date(int(date::year_month_day{to}.year()), 1, 1);
    if (to < from) throw invalid_input("to", format_date(to) + " is before --from " + format_date(from));
    return {from, to};
}

int run_list(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open_read();
    auto const where = scope_of(s, vm);
    auto const [from, to] = period_of(vm);
    std::optional<meeting_kind> only;
    if (vm.count("kind")) only = parse_meeting_kind(io::trim(vm["kind"].as<std::string>()));
    io::org_directory const orgs(s.orgs());
    auto r = make_report("组织生活 (meetings)", "组织生活",
                         {{"id", "编号", true},
                          {"date", "日期"},
                          {"org", "党组织"},
                          {"kind", "类型"},
                          {"topic", "主题"},
                          {"chair", "主持人"},
                          {"present", "出席", true},
                          {"absent", "缺席", true},
                          {"guests", "列席", true}});
    std::map<std::int64_t, std::string> names;
    auto name_of = [&](member_id id) -> std::string const& {
        auto it = names.find(id.value());
        if (it == names.end()) it = names.emplace(id.value(), s.get_member(id).name).first;
        return it->second;
    };
    for (auto const& m : meetings_of(s, where, from, to)) {
        if (only && m.kind != *only) continue;
        auto const [present, absent, guests] = count_attendance(m);
        auto const* o = orgs.find(m.org);
        r.rows.push_back({std::to_string(m.id.value()), format_date(m.date), o ? o->name : "",
                          std::string(chinese_name(m.kind)), m.topic, m.chair ? name_of(*m.chair) : "",
                          std::to_string(present), std::to_string(absent), std::to_string(guests)});
    }
    r.meta = {{"期间", format_date(from) + " — " + format_date(to)},
              {"范围", io::describe_scope(s, where)},
              {"会议", std::to_string(r.rows.size())}};
    return show_report(ctx, r, vm);
}

// --- meeting compliance

void compliance_options(po::options_description& d, po::positional_options_description&) {
    d.add_options()("org", po::value<std::string>()->value_name("ORG"), "the branch (required)")(
        "from", po::value<std::string>()->value_name("DATE"),
        "first day (default: 1 January of --to's year)")("to", po::value<std::string>()->value_name("DATE"),
                                                         "the report date (default: today)")(
        "missed", "only the slots missed");
    add_output_options(d, "text|csv|json");
}

int run_compliance(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open_read();
    auto const org = org_option(s, vm);
    auto const [from, to] = period_of(vm);
    auto const report = life_compliance_report(s, org.id, from, to);
    auto r = make_report("组织生活落实情况 (cadence compliance)", "组织生活落实",
                         {{"rule_id", "规则"},
                          {"kind", "类型"},
                          {"slot", "期间"},
                          {"status", "状态"},
                          {"held", "已开", true},
                          {"required", "应开", true},
                          {"message", "说明"}});
    int missed = 0;
    for (auto const& slot : report.slots)
        missed += slot.status == slot_status::missed ? 1 : 0;
    r.meta = {{"党组织", org.name + " (id " + std::to_string(org.id.value()) + ")"},
              {"期间", format_date(from) + " — " + format_date(to)},
              {"未完成", std::to_string(missed)}};
    bool const text = text_output(vm);
    for (auto const& slot : report.slots) {
        if (vm.count("missed") && slot.status != slot_status::missed) continue;
        r.rows.push_back({slot.rule_id, std::string(chinese_name(slot.kind)), slot.slot.label,
                          text ? std::string(chinese_name(slot.status)) : std::string(to_string(slot.status)),
                          std::to_string(slot.held), std::to_string(slot.required), slot.message});
    }
    return show_report(ctx, r, vm);
}

[[maybe_unused]] bool const registered_add = register_command({
    .name = "meeting add",
    .summary = "record a meeting of organisational life (三会一课, 主题党日 …) with its attendance",
    .description =
        "Without --present everyone expected is listed present: the committee in office for a committee\n"
        "meeting, the members of the organisation (and below) in normal standing otherwise, full members\n"
        "voting and probationary members sitting in; --absent marks members absent with their reason.\n"
        "A branch general meeting or committee meeting needs more than half present\n"
        "(life.general_meeting_quorum, life.committee_meeting_quorum).",
    .examples = "  dangyuan meeting add --org 甸柳社区党支部 --kind committee_meeting --date 2026-11-05 \\\n"
                "      --topic 研究发展党员工作 --chair 张建国 --secretary --absent 李明=出差",
    .options = add_options,
    .run = run_add,
});

[[maybe_unused]] bool const registered_list = register_command({
    .name = "meeting list",
    .summary = "the meetings of a scope in a period",
    .description = "Meetings held by the organisations in scope (party groups included) from --from to --to.",
    .examples = "  dangyuan meeting list --org 甸柳社区党支部 --from 2026-01-01 --to 2026-11-26",
    .options = list_options,
    .run = run_list,
});

[[maybe_unused]] bool const registered_compliance = register_command({
    .name = "meeting compliance",
    .summary = "whether a branch held its meetings as the cadence asks (每月, 每季度, 每年), slot by slot",
    .description = "Each slot (month, quarter or year) of each cadence rule (life.*) in the period: met,\n"
                   "missed, still open, or not applicable.",
    .examples = "  dangyuan meeting compliance --org 甸柳社区党支部 --to 2026-11-26 --missed",
    .options = compliance_options,
    .run = run_compliance,
});

}  // namespace
}  // namespace dangyuan::cli::cmd_meeting
