// The demo: builds a small district through the public API into a fresh store, then prints a roster
// summary and the agenda for a fixed date. Usage: dangyuan_demo [store-path] (default demo.db).

#include <dangyuan/dangyuan.hpp>

#include "demo_context.hpp"
#include "demo_development.hpp"
#include "demo_evaluation.hpp"
#include "demo_life.hpp"
#include "demo_mobility.hpp"

#include <algorithm>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <map>

namespace dy = dangyuan;
using namespace date::literals;

namespace {

constexpr std::array surnames{"王", "李", "张", "刘", "陈", "杨", "赵",
                              "黄", "周", "吴", "徐", "孙", "马", "朱"};
constexpr std::array given{"建国", "秀英", "志强", "丽华", "海波", "静", "伟",
                           "敏",   "磊",   "婷",   "军",   "芳",   "涛", "雪梅"};

// A member with a valid ID number whose birth date and sex agree with the record. `n` varies the data.
dy::member make_member(dy::org_id branch, int n, date::sys_days admitted, bool full = true) {
    dy::member m;
    m.name = std::string(surnames[n % surnames.size()]) + given[(n * 5 + 3) % given.size()];
    m.sex = n % 3 == 0 ? dy::sex::female : dy::sex::male;
    m.ethnicity = n % 11 == 0 ? dy::ethnicity::hui : dy::ethnicity::han;
    m.birth_date = dy::add_months(admitted, -12 * (24 + n % 30) - n % 11);
    auto const ymd = date::year_month_day{m.birth_date};
    char body[32];
    std::snprintf(body, sizeof body, "370102%04d%02u%02u%02d%d", static_cast<int>(ymd.year()) % 10000,
                  static_cast<unsigned>(ymd.month()) % 100, static_cast<unsigned>(ymd.day()) % 100, n % 100,
                  m.sex == dy::sex::male ? 1 : 2);
    m.id_number = dy::citizen_id::parse(std::string(body, 17) +
                                        dy::gb11643_check_character(std::string_view(body, 17)));
    m.education =
        n % 4 == 0 ? dy::education::junior_college_graduated : dy::education::undergraduate_graduated;
    m.category =
        n % 5 == 0 ? dy::personnel_category::retired : dy::personnel_category::professional_technical;
    m.branch = branch;
    m.application_date = dy::add_months(admitted, -20);
    m.admission_date = admitted;
    m.joined_branch = admitted;
    if (full) m.full_member_date = dy::add_years(admitted, 1);
    return m;
}

}  // namespace

int main(int argc, char** argv) {
    std::filesystem::path const path = argc > 1 ? argv[1] : "demo.db";
    for (auto const* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(path.string() + suffix);
    date::sys_days const as_of = 2026_y / 11 / 26;

    try {
        auto store = dy::open_store(path, {.actor = "demo"});
        using k = dy::org_kind;
        auto const district =
            store.add_org({.name = "历下区委", .kind = k::higher_committee, .established = 1990_y / 1 / 1});
        auto const street = store.add_org({.name = "泉城路街道党工委",
                                           .kind = k::working_committee,
                                           .parent = district,
                                           .established = 2001_y / 5 / 1,
                                           .term_start = 2022_y / 3 / 1});
        auto const community = store.add_org({.name = "芙蓉社区党支部",
                                              .kind = k::branch,
                                              .parent = street,
                                              .established = 2002_y / 1 / 1,
                                              .village_or_community = true,
                                              .term_start = 2021_y / 12 / 28});
        auto const office = store.add_org({.name = "街道机关党支部",
                                           .kind = k::branch,
                                           .parent = street,
                                           .established = 2003_y / 6 / 1,
                                           .term_start = 2023_y / 12 / 5});
        auto const shop = store.add_org({.name = "商户联合党支部",
                                         .kind = k::joint_branch,
                                         .parent = street,
                                         .established = 2019_y / 4 / 1,
                                         .term_start = 2024_y / 4 / 1});
        auto const edu = store.add_org({.name = "区教育局党委",
                                        .kind = k::grassroots_committee,
                                        .parent = district,
                                        .established = 1995_y / 9 / 1,
                                        .term_start = 2021_y / 9 / 1,
                                        .term_years = 5});
        auto const school = store.add_org({.name = "实验中学党总支",
                                           .kind = k::general_branch,
                                           .parent = edu,
                                           .established = 1998_y / 9 / 1,
                                           .term_start = 2023_y / 9 / 1});
        auto const teachers = store.add_org({.name = "实验中学教师第一党支部",
                                             .kind = k::branch,
                                             .parent = school,
                                             .established = 1998_y / 9 / 1,
                                             .term_start = 2023_y / 9 / 10});
        auto const retirees = store.add_org({.name = "实验中学离退休党支部",
                                             .kind = k::branch,
                                             .parent = school,
                                             .established = 2005_y / 3 / 1});

        std::vector<dy::member> roster;
        int n = 1;
        auto add = [&](dy::org_id b, int count, date::sys_days first, bool full = true,
                       std::optional<date::sys_days> joined = {}) {
            for (int i = 0; i < count; ++i, ++n) {
                roster.push_back(make_member(b, n, dy::add_months(first, 7 * i), full));
                if (joined) roster.back().joined_branch = *joined;  // moved here after retiring
            }
        };
        add(community, 9, 2005_y / 7 / 1);
        add(office, 12, 2008_y / 6 / 20);
        add(office, 2, 2025_y / 12 / 15, false);  // probationary members
        add(shop, 2, 2019_y / 7 / 1);
        add(teachers, 8, 2001_y / 7 / 1);
        add(retirees, 5, 1980_y / 7 / 1, true, 2005_y / 3 / 1);
        auto const ids = store.add_members(roster, "建立演示数据");

        // The office branch has 12 full members, so it elects a committee.
        store.set_leadership(office, 2023_y / 12 / 5,
                             {{ids[9], dy::officer_role::secretary, ""},
                              {ids[10], dy::officer_role::committee_member, "组织委员"},
                              {ids[11], dy::officer_role::committee_member, "宣传委员"}},
                             "换届选举");
        store.set_leadership(community, 2021_y / 12 / 28,
                             {{ids[0], dy::officer_role::secretary, ""},
                              {ids[1], dy::officer_role::deputy_secretary, ""},
                              {ids[2], dy::officer_role::committee_member, "组织委员"}},
                             "换届选举");
        store.record_standing(ids[3],
                              {dy::standing_event_kind::suspended, 2025_y / 10 / 9,
                               "失去联系超过6个月 / lost contact for over 6 months", "芙蓉社区党支部"},
                              "失联党员处置");

        demo_context const ctx{district, street,   community, office, shop, edu,
                               school,   teachers, retirees,  ids,    as_of};
        demo_development(store, ctx);
        demo_mobility(store, ctx);
        demo_evaluation(store, ctx);
        demo_life(store, ctx);

        std::cout << "dangyuan " << dy::version_string << " demo store: " << path.string() << "\n\n";
        std::cout << "Roster on " << dy::format_date(as_of) << " (正式 full / 预备 probationary)\n";
        std::map<std::int64_t, std::pair<int, int>> per_branch;
        for (auto const& m : store.roster(dy::scope::all(), as_of)) {
            auto& [full, prob] = per_branch[m.branch.value()];
            (m.status_on(as_of) == dy::member_status::full ? full : prob) += 1;
        }
        for (auto const& o : store.orgs()) {
            std::cout << "  " << std::left << std::setw(12) << dy::chinese_name(o.kind) << ' ' << o.name;
            if (dy::is_branch(o.kind)) {
                auto const [full, prob] = per_branch[o.id.value()];
                std::cout << "  " << full << " / " << prob;
            }
            std::cout << '\n';
        }
        std::cout << "\nAgenda on " << dy::format_date(as_of) << '\n';
        for (auto const& item : store.agenda(as_of))
            std::cout << "  " << item << '\n';
        std::cout << "\nParty age (党龄) of " << roster[0].name << ": "
                  << store.party_age(ids[0], as_of).value_or(0)
                  << " years; audit entries: " << store.audit_log().size() << '\n';

        // Who may see and change what: the secretary of 芙蓉社区党支部 works on its own branch only.
        std::cout << "\nAccess (docs/security.md): the secretary of 芙蓉社区党支部\n";
        auto secretary = dy::open_store(
            path, {.actor = roster[0].name,
                   .principal = dy::principal{roster[0].name, dy::role::branch_secretary(), community}});
        std::cout << "  reads its roster: " << secretary.roster(dy::scope::all(), as_of).size()
                  << " members\n";
        auto const neighbour = ids[9];  // the secretary of 街道机关党支部
        try {
            (void)secretary.get_member(neighbour);
        } catch (dy::access_denied const& e) {
            std::cout << "  reads a member of 街道机关党支部: refused (" << e.permission() << ")\n";
        }
        try {
            auto moved = secretary.get_member(ids[0]);
            moved.branch = office;
            secretary.update_member(moved, "调整支部");
        } catch (dy::access_denied const& e) {
            std::cout << "  moves a member into 街道机关党支部: refused (" << e.permission() << ")\n";
        }
        auto analyst = dy::open_store(
            path, {.actor = "数据组", .principal = dy::principal{"数据组", dy::role::analyst(), {}}});
        auto const masked = analyst.get_member(ids[0]);
        std::cout << "  an analyst reads " << masked.name << ": ID number "
                  << (masked.id_number ? "shown" : "withheld") << ", phone "
                  << (masked.phone.empty() ? "(none)" : masked.phone) << '\n';
        auto const trail = store.audit_log();
        std::cout << "  refusals recorded in the audit trail: "
                  << std::count_if(trail.begin(), trail.end(),
                                   [](auto const& e) { return e.action == "denied"; })
                  << '\n';
    } catch (dy::error const& e) {
        std::cerr << "demo failed: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
