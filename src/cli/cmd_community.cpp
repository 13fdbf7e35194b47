// dangyuan community …: in-service members reporting to the community where they live (在职党员进社区)
// — register (报到) and leave, record service, the community's yearly feedback (社区反馈) to the
// member's branch, a member's record, the registrations of a scope and the figures of a year.

#include <algorithm>
#include <ostream>

#include "cli/common.hpp"
#include "cli/record_options.hpp"
#include "dangyuan/core/calendar.hpp"
#include "dangyuan/core/errors.hpp"
#include "dangyuan/io/reports.hpp"
#include "dangyuan/io/text.hpp"
#include "dangyuan/life/training.hpp"
#include "dangyuan/storage/community_store.hpp"

namespace dangyuan::cli::cmd_community {
namespace {

// --- community register

void register_options(po::options_description& d, po::positional_options_description& p) {
    add_member_argument(d, p);
    d.add_options()("community", po::value<std::string>()->value_name("ORG"),
                    "the village or community organisation where the member lives (required)")(
        "note", po::value<std::string>()->value_name("TEXT"), "a note, e.g. the address");
    add_date_option(d, "date", "the day of reporting (报到, required)");
    add_why_option(d);
}

int run_register(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    require_options(vm, {"community", "date"});
    auto const m = member_option(s, vm, "member");
    auto const c = org_option(s, vm, "community");
    auto const on = date_option(vm, "date");
    auto const id = register_with_community(s, m.id, c.id, on, text_option(vm, "note"), why_of(vm));
    *ctx.out << "registration " << id.value() << ": " << m.name << " with " << c.name << " from "
             << format_date(on) << '\n';
    return exit_ok;
}

// --- community leave

void leave_options(po::options_description& d, po::positional_options_description& p) {
    add_id_argument(d, p, "registration", "the registration id");
    add_date_option(d, "date", "the registration's last day (moved away, 退出; required)");
    add_why_option(d);
}

int run_leave(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    require_options(vm, {"date"});
    auto const id = id_argument<registration_id>(vm, "registration");
    auto const on = date_option(vm, "date");
    leave_community(s, id, on, why_of(vm));
    *ctx.out << "registration " << id.value() << " ended on " << format_date(on) << '\n';
    return exit_ok;
}

// --- community serve

void serve_options(po::options_description& d, po::positional_options_description& p) {
    add_member_argument(d, p);
    d.add_options()("activity", po::value<std::string>()->value_name("TEXT"),
                    "what was done (服务内容, required)")(
        "hours", po::value<std::string>()->value_name("N"),
        "hours served, e.g. 2 or 2.5 (required, at most 24)")(
        "note", po::value<std::string>()->value_name("TEXT"), "a note");
    add_date_option(d, "date", "the day of the service (required)");
    add_why_option(d);
}

int run_serve(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    require_options(vm, {"activity", "hours", "date"});
    auto const m = member_option(s, vm, "member");
    community_service sv;
    sv.member = m.id;
    sv.date = date_option(vm, "date");
    sv.activity = text_option(vm, "activity");
    auto const hours = parse_class_hours(io::trim(vm["hours"].as<std::string>()), "hours").tenths();
    if (hours > max_service_tenths)
        throw invalid_input("hours", "a service lasts at most 24 hours, not " + hours_text(hours));
    sv.tenths = static_cast<int>(hours);
    sv.note = text_option(vm, "note");
    (void)record_community_service(s, sv, why_of(vm));
    int const year = static_cast<int>(date::year_month_day{sv.date}.year());
    long long total = 0;
    for (auto const& x : community_services(s, m.id, year))
        total += x.tenths;
    *ctx.out << m.name << ": " << hours_text(sv.tenths) << " hours of '" << sv.activity << "' on "
             << format_date(sv.date) << "; " << hours_text(total) << " in " << year << '\n';
    return exit_ok;
}

// --- community feedback

void feedback_options(po::options_description& d, po::positional_options_description& p) {
    add_member_argument(d, p);
    d.add_options()("community", po::value<std::string>()->value_name("ORG"),
                    "the community giving it (required)")("year", po::value<int>()->value_name("YEAR"),
                                                          "the year judged (required)")(
        "rating", po::value<std::string>()->value_name("RATING"),
        "好 (good), 较好 (fairly_good), 一般 (average) or 差 (poor) (required)")(
        "note", po::value<std::string>()->value_name("TEXT"), "the community's opinion")(
        "correction", po::value<std::string>()->value_name("REASON"),
        "correct the feedback already given for the year, for this reason (更正)");
    add_date_option(d, "date", "the day it was given (required)");
    add_why_option(d);
}

int run_feedback(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open();
    require_options(vm, {"community", "year", "rating", "date"});
    auto const m = member_option(s, vm, "member");
    community_feedback_record f;
    f.member = m.id;
    f.community = org_option(s, vm, "community").id;
    f.year = required_year(vm);
    f.rating = parse_enum_or_throw<community_rating>(io::trim(text_option(vm, "rating")));
    f.given_on = date_option(vm, "date");
    f.note = text_option(vm, "note");
    f.correction_reason = text_option(vm, "correction");
    give_community_feedback(s, f, why_of(vm));
    *ctx.out << m.name << ": community feedback for " << f.year << ' ' << labelled(f.rating)
             << (f.correction_reason.empty() ? "" : " (correction)") << " on " << format_date(f.given_on)
             << '\n';
    return exit_ok;
}

// --- community show

void show_options(po::options_description& d, po::positional_options_description& p) {
    add_member_argument(d, p);
    d.add_options()("year", po::value<int>()->value_name("YEAR"), "only this year's service and feedback");
    add_output_options(d, "text|csv|json");
}

int run_show(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open_read();
    auto const m = member_option(s, vm, "member");
    auto const year = optional_year(vm);
    auto r = make_report("在职党员进社区 " + m.name, "在职党员进社区",
                         {{"date", "日期"}, {"kind", "类别"}, {"community", "社区"}, {"details", "内容"}});
    auto name_of = [&](org_id o) { return s.org(o).name; };
    for (auto const& x : community_registrations_of(s, m.id)) {
        r.rows.push_back(
            {format_date(x.registered_on), "报到 (registered)", name_of(x.community),
             "registration " + std::to_string(x.id.value()) + (x.note.empty() ? "" : "; " + x.note)});
        if (x.left_on)
            r.rows.push_back({format_date(*x.left_on), "退出 (left)", name_of(x.community),
                              "registration " + std::to_string(x.id.value())});
    }
    long long total = 0;
    for (auto const& x : community_services(s, m.id, year)) {
        total += x.tenths;
        r.rows.push_back({format_date(x.date), "服务 (service)", name_of(x.community),
                          x.activity + ", " + hours_text(x.tenths) + " 小时"});
    }
    for (auto const& x : community_feedback_history(s, m.id)) {
        if (year && x.year != *year) continue;
        r.rows.push_back(
            {format_date(x.given_on), x.correction_reason.empty() ? "反馈 (feedback)" : "更正 (correction)",
             name_of(x.community),
             std::to_string(x.year) + ": " + labelled(x.rating) + (x.note.empty() ? "" : "; " + x.note) +
                 (x.correction_reason.empty() ? "" : "; 更正原因: " + x.correction_reason)});
    }
    std::stable_sort(r.rows.begin(), r.rows.end(),
                     [](auto const& a, auto const& b) { return a.front() < b.front(); });
    r.meta = {{"党员", m.name}, {"服务时长", hours_text(total) + " 小时"}};
    if (year) {
        auto const f = community_feedback(s, m.id, *year);
        r.meta.emplace_back(std::to_string(*year) + " 社区反馈",
                            f ? labelled(f->rating) : std::string("未反馈"));
    }
    return show_report(ctx, r, vm);
}

// --- community list

int run_list(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open_read();
    auto const where = scope_of(s, vm);
    auto r = make_report("在职党员进社区 (registrations)", "在职党员进社区",
                         {{"id", "编号", true},
                          {"member", "党员"},
                          {"branch", "所在党支部"},
                          {"community", "报到社区"},
                          {"registered", "报到日期"},
                          {"left", "退出日期"}});
    for (auto const& x : community_registrations(s, where)) {
        auto const m = s.get_member(x.member);
        r.rows.push_back({std::to_string(x.id.value()), m.name, s.org(m.branch).name, s.org(x.community).name,
                          format_date(x.registered_on), x.left_on ? format_date(*x.left_on) : std::string()});
    }
    r.meta = scope_count_meta(s, where, "报到人数", r.rows.size());
    return show_report(ctx, r, vm);
}

// --- community stats

int run_stats(context& ctx, po::variables_map const& vm) {
    auto& s = ctx.open_read();
    auto const where = scope_of(s, vm);
    auto const st = community_statistics_of(s, required_year(vm), where);
    auto r = figures_report("在职党员进社区 " + std::to_string(st.year), "在职党员进社区");
    r.rows = {{"报到党员 (registered members)", std::to_string(st.registered_members)},
              {"参加服务党员 (members with service)", std::to_string(st.members_with_service)},
              {"服务时长 (hours)", hours_text(st.service_tenths)},
              {"已反馈 (members with feedback)", std::to_string(st.members_with_feedback)}};
    for (auto const r_ : enum_values<community_rating>())
        r.rows.push_back(
            {"反馈 " + labelled(r_), std::to_string(st.feedback_by_rating[static_cast<std::size_t>(r_)])});
    r.meta = scope_year_meta(s, where, st.year);
    return show_report(ctx, r, vm);
}

[[maybe_unused]] bool const registered_register = register_command({
    .name = "community register",
    .summary = "register an in-service member with the community where they live (到社区报到)",
    .arguments = "MEMBER",
    .description =
        "The member is in normal standing (community.member_in_good_standing); the organisation is a\n"
        "village or community one other than the member's own branch (community.registration_org);\n"
        "one open registration at a time (community.one_open_registration).",
    .examples = "  dangyuan community register 张伟 --community 第一社区党支部 --date 2025-03-01",
    .options = register_options,
    .run = run_register,
});

[[maybe_unused]] bool const registered_leave = register_command({
    .name = "community leave",
    .summary = "end a registration with a community (moved away, 退出)",
    .arguments = "REGISTRATION",
    .description =
        "The date is the registration's last day, after its first (community.leave_after_registration).",
    .examples = "  dangyuan community leave 1 --date 2026-02-01",
    .options = leave_options,
    .run = run_leave,
});

[[maybe_unused]] bool const registered_serve = register_command({
    .name = "community serve",
    .summary = "record a member's service in the community (社区服务), in hours",
    .arguments = "MEMBER",
    .description = "Dated within a registration, its first and last day included\n"
                   "(community.service_within_registration). Hours to a tenth, more than 0, at most 24.",
    .examples = "  dangyuan community serve 张伟 --date 2025-05-04 --activity 政策宣传 --hours 2.5",
    .options = serve_options,
    .run = run_serve,
});

[[maybe_unused]] bool const registered_feedback = register_command({
    .name = "community feedback",
    .summary = "the community's yearly feedback (社区反馈) on a registered member to the member's branch",
    .arguments = "MEMBER",
    .description =
        "One per member and year (community.feedback_once_yearly); a second one only as a correction\n"
        "by the same community (--correction REASON). The member was registered with the community\n"
        "during the year (community.feedback_registered).",
    .examples = "  dangyuan community feedback 张伟 --community 第一社区党支部 --year 2025 --rating 好 "
                "--date 2025-12-20",
    .options = feedback_options,
    .run = run_feedback,
});

[[maybe_unused]] bool const registered_show = register_command({
    .name = "community show",
    .summary = "a member's registrations, service and feedback (for the branch's democratic evaluation)",
    .arguments = "MEMBER",
    .examples = "  dangyuan community show 张伟 --year 2025",
    .options = show_options,
    .run = run_show,
});

[[maybe_unused]] bool const registered_list = register_command({
    .name = "community list",
    .summary = "the registrations with the communities of a scope",
    .examples = "  dangyuan community list --org 第一社区党支部",
    .options = scoped_list_options,
    .run = run_list,
});

[[maybe_unused]] bool const registered_stats = register_command({
    .name = "community stats",
    .summary = "registered members, service and feedback of the communities of a scope in a year",
    .examples = "  dangyuan community stats --year 2025 --org 城关街道党工委",
    .options = year_figures_options,
    .run = run_stats,
});

}  // namespace
}  // namespace dangyuan::cli::cmd_community
