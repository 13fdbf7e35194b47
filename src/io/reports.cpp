// The standard reports. Members with standing events are found through their version (design.md: a
// standing event bumps the member's version), so only those few need their history loaded.

#include "io/reports.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>

#include "dangyuan/core/calendar.hpp"
#include "dangyuan/storage/development_store.hpp"
#include "dangyuan/storage/evaluation_store.hpp"
#include "dangyuan/storage/mobility_store.hpp"
#include "io/roster.hpp"

namespace dangyuan::io {
namespace {

// Standing and party age of a member on a date; the history is loaded only for members whose version
// says something happened to them after insertion.
struct member_state {
    standing_state standing = standing_state::normal;
    std::optional<int> party_age;
};

member_state state_of(store const& s, member const& m, date::sys_days as_of) {
    member_state out;
    if (m.version > 1) {
        auto const history = s.standing_history(m.id);
        if (auto const st = standing_on(m, history, as_of)) out.standing = st->state;
        out.party_age = party_age_on(m, history, as_of, s.rules());
    } else {
        out.party_age = party_age_on(m, {}, as_of, s.rules());
    }
    return out;
}

// The members that count in `where` on `as_of` (see reports.hpp), in id order.
std::vector<member> counted_members(store const& s, scope where, date::sys_days as_of) {
    auto all = s.roster(where, as_of);
    std::erase_if(all, [&](member const& m) { return m.joined_branch > as_of; });
    return all;
}

// The development, mobility and evaluation sections (see compute_statistics).
void add_domain_statistics(store const& s, scope where, date::sys_days as_of, statistics& st) {
    auto add = [&](char const* section, std::string item, std::int64_t n, std::int64_t base) {
        st.rows.push_back({section, std::move(item), n, false, base});
    };
    // Development by stage on the date; admitted and converted since 1 January.
    auto const jan1 = make_date(int(date::year_month_day{as_of}.year()), 1, 1);
    auto const pipeline = pipeline_statistics(s, jan1, as_of, where);
    std::int64_t in_progress = 0;
    for (auto const& row : pipeline)
        if (row.of != stage::full_member) in_progress += row.on_date;
    for (auto const& row : pipeline)
        if (row.of != stage::full_member)
            add("发展党员", std::string(chinese_name(row.of)), row.on_date, in_progress);
    for (auto const& row : pipeline) {
        if (row.of == stage::probationary) add("发展党员", "其中: 本年接收预备党员", row.entered, 0);
        if (row.of == stage::full_member) add("发展党员", "其中: 本年预备党员转正", row.entered, 0);
    }
    // Mobile members.
    auto const ms = mobility_statistics_on(s, as_of, where);
    add("流动党员", "外出党员", ms.away, -1);
    add("流动党员",
        "其中: 外出满" + std::to_string(s.rules().mobility.mobile_after_months) + "个月 (流动党员)",
        ms.mobile, -1);
    add("流动党员", "其中: 已登记", ms.registered, -1);
    add("流动党员", "其中: 已向流入地党组织报到", ms.reported_to_host, -1);
    add("流动党员", "流入本范围报到的党员", ms.hosted, 0);
    // Evaluation grades of the year before the date, as decided by the date.
    st.evaluation_year = int(date::year_month_day{as_of}.year()) - 1;
    std::array<std::int64_t, grade_count> grades{};
    std::int64_t pending = 0;
    for (auto const& c : campaigns(s, where, st.evaluation_year)) {
        auto const state = campaign_state_on(get_campaign(s, c.id), as_of);
        for (auto const& [id, p] : state.participants) {
            if (!p.relationship_here()) continue;
            if (p.final)
                ++grades[static_cast<std::size_t>(*p.final)];
            else if (p.gradable())
                ++pending;
        }
    }
    std::int64_t graded = 0;
    for (auto const n : grades)
        graded += n;
    for (std::size_t g = 0; g < grade_count; ++g)
        add("民主评议", std::string(chinese_name(static_cast<grade>(g))), grades[g], graded);
    add("民主评议", "尚未评定", pending, 0);
}

std::string percent(std::int64_t part, std::int64_t whole) {
    if (whole == 0) return "0.0";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", 100.0 * static_cast<double>(part) / static_cast<double>(whole));
    return buf;
}

}  // namespace

std::string describe_scope(store const& s, scope sc) {
    auto const orgs = s.orgs(sc);
    std::size_t branches = 0;
    for (auto const& o : orgs)
        branches += is_branch(o.kind) ? 1 : 0;
    std::string counts =
        std::to_string(orgs.size()) + " 个组织, 其中党支部 " + std::to_string(branches) + " 个";
    if (!sc.root) return "全部组织 (" + counts + ")";
    auto const root = s.org(*sc.root);
    return root.name + " (id " + std::to_string(root.id.value()) + ") 及其下级组织 (" + counts + ")";
}

report roster_report(store const& s, roster_request const& r, progress_fn const& progress) {
    report out;
    out.title = "党员名册";
    out.sheet = "名册";
    auto members = counted_members(s, r.where, r.as_of);
    out.meta = {{"日期", format_date(r.as_of)},
                {"范围", describe_scope(s, r.where)},
                {"排序", r.order == name_order::stroke   ? "按姓氏笔画"
                         : r.order == name_order::pinyin ? "按拼音"
                                                         : "按编号"},
                {"人数", std::to_string(members.size())}};
    if (r.masked) out.meta.emplace_back("说明", "公民身份号码、联系电话已脱敏 (masked)");
    std::vector<roster_field> fields;
    if (r.brief) {
        using f = roster_field;
        fields = {f::id,     f::name,           f::sex,    f::birth_date, f::id_number,
                  f::branch, f::admission_date, f::status, f::standing,   f::party_age};
    } else {
        for (auto const& c : roster_columns())
            fields.push_back(c.field);
    }
    for (auto f : fields)
        out.columns.push_back({std::string(column_of(f).key), std::string(column_of(f).title),
                               f == roster_field::id || f == roster_field::party_age});
    std::vector<std::string> names;
    names.reserve(members.size());
    for (auto const& m : members)
        names.push_back(m.name);
    auto const order = sorted_order(names, r.order);
    org_directory const orgs(s.orgs());
    out.rows.reserve(members.size());
    std::size_t done = 0;
    for (auto const i : order) {
        auto const& m = members[i];
        auto const st = state_of(s, m, r.as_of);
        std::vector<std::string> row;
        row.reserve(fields.size());
        for (auto f : fields) {
            switch (f) {
                case roster_field::status:
                    row.emplace_back(m.status_on(r.as_of) == member_status::full ? "正式党员" : "预备党员");
                    break;
                case roster_field::standing:
                    row.emplace_back(st.standing == standing_state::suspended ? "停止党籍" : "正常");
                    break;
                case roster_field::party_age:
                    row.push_back(st.party_age ? std::to_string(*st.party_age) : std::string());
                    break;
                default:
                    row.push_back(cell_text(m, f, orgs, r.masked));
            }
        }
        out.rows.push_back(std::move(row));
        if (progress && (++done % 10000 == 0 || done == order.size())) progress(done, order.size());
    }
    return out;
}

report agenda_report(store const& s, scope where, date::sys_days as_of) {
    report out;
    out.title = "待办事项 (agenda)";
    out.sheet = "待办事项";
    auto const items = s.agenda(as_of, where);
    out.meta = {{"日期", format_date(as_of)},
                {"范围", describe_scope(s, where)},
                {"事项", std::to_string(items.size())}};
    out.columns = {
        {"due", "到期日"}, {"status", "状态"},  {"org_id", "组织编号", true},    {"subject", "对象"},
        {"kind", "事项"},  {"rule_id", "规则"}, {"member_id", "党员编号", true}, {"message", "说明"}};
    for (auto const& item : items)
        out.rows.push_back({format_date(item.due), std::string(chinese_name(item.status)),
                            std::to_string(item.org.value()), item.subject, item.kind, item.rule_id,
                            item.member ? std::to_string(item.member->value()) : std::string(),
                            item.message});
    return out;
}

statistics compute_statistics(store const& s, scope where, date::sys_days as_of,
                              progress_fn const& progress) {
    statistics st;
    st.as_of = as_of;
    st.scope = describe_scope(s, where);
    for (auto const& o : s.orgs(where)) {
        ++st.organisations;
        st.branches += is_branch(o.kind) ? 1 : 0;
    }
    constexpr std::array age_bands{"30岁及以下", "31—35岁", "36—40岁", "41—45岁",   "46—50岁",
                                   "51—55岁",    "56—60岁", "61—70岁", "71岁及以上"};
    constexpr std::array party_age_bands{"不满5年", "5—9年",   "10—19年",   "20—29年",
                                         "30—39年", "40—49年", "50年及以上"};
    std::array<std::int64_t, 2> status{};
    std::array<std::int64_t, 3> sexes{};
    std::array<std::int64_t, 3> ethnic{};
    std::array<std::int64_t, age_bands.size()> ages{};
    std::map<int, std::int64_t> education_levels;  // GB/T 4658 first digit; 0 = not recorded
    std::int64_t tertiary = 0;
    std::map<int, std::int64_t> categories;  // code; 0 = not recorded
    std::array<std::int64_t, party_age_bands.size()> party_ages{};
    std::int64_t no_party_age = 0;

    auto const members = counted_members(s, where, as_of);
    std::size_t done = 0;
    for (auto const& m : members) {
        if (progress && (++done % 20000 == 0 || done == members.size())) progress(done, members.size());
        auto const state = state_of(s, m, as_of);
        if (state.standing == standing_state::suspended) {
            ++st.suspended;
            continue;
        }
        if (state.standing != standing_state::normal) continue;
        ++st.total;
        ++status[m.status_on(as_of) == member_status::full ? 0 : 1];
        ++sexes[m.sex == sex::male ? 0 : m.sex == sex::female ? 1 : 2];
        int const eth = static_cast<int>(m.ethnicity);
        ++ethnic[eth == 1 ? 0 : eth <= 56 ? 1 : 2];
        int const age = age_on(m.birth_date, as_of);
        static constexpr std::array<int, 8> upper{30, 35, 40, 45, 50, 55, 60, 70};
        auto const band =
            static_cast<std::size_t>(std::lower_bound(upper.begin(), upper.end(), age) - upper.begin());
        ++ages[band];
        int const level = m.education ? education_level(*m.education) : 0;
        ++education_levels[level];
        if (m.education && tertiary_or_higher(*m.education)) ++tertiary;
        ++categories[m.category ? static_cast<int>(*m.category) : 0];
        if (state.party_age) {
            static constexpr std::array<int, 6> lower{5, 10, 20, 30, 40, 50};
            auto const b = static_cast<std::size_t>(
                std::upper_bound(lower.begin(), lower.end(), *state.party_age) - lower.begin());
            ++party_ages[b];
        } else {
            ++no_party_age;
        }
    }

    auto add = [&](char const* section, std::string item, std::int64_t n, bool subtotal = false) {
        st.rows.push_back({section, std::move(item), n, subtotal});
    };
    add("合计", "党员总数", st.total);
    add("党员类别", "正式党员", status[0]);
    add("党员类别", "预备党员", status[1]);
    add("性别", "男", sexes[0]);
    add("性别", "女", sexes[1]);
    if (sexes[2]) add("性别", "未说明", sexes[2]);
    add("民族", "汉族", ethnic[0]);
    add("民族", "少数民族", ethnic[1]);
    if (ethnic[2]) add("民族", "其他 (97/98)", ethnic[2]);
    for (std::size_t i = 0; i < age_bands.size(); ++i)
        add("年龄", age_bands[i], ages[i]);
    constexpr std::array<std::pair<int, char const*>, 8> levels{{{1, "研究生"},
                                                                 {2, "大学本科"},
                                                                 {3, "大学专科"},
                                                                 {4, "中等职业教育 (中专、职高、技校)"},
                                                                 {6, "高中"},
                                                                 {7, "初中"},
                                                                 {8, "小学"},
                                                                 {9, "其他"}}};
    for (auto const& [level, name] : levels)
        add("学历", name, education_levels[level]);
    if (education_levels[0]) add("学历", "未填写", education_levels[0]);
    add("学历", "其中: 大专及以上", tertiary, true);
    for (auto c : all_personnel_categories()) {
        auto const n = categories[static_cast<int>(c)];
        if (in_current_bulletin(c) || n) add("人员类别", std::string(chinese_name(c)), n);
    }
    if (categories[0]) add("人员类别", "未填写", categories[0]);
    for (std::size_t i = 0; i < party_age_bands.size(); ++i)
        add("党龄", party_age_bands[i], party_ages[i]);
    add("党龄", "预备党员 (无党龄)", no_party_age);
    add_domain_statistics(s, where, as_of, st);
    return st;
}

report statistics_report(statistics const& st) {
    report out;
    out.title = "党员统计 (membership statistics)";
    out.sheet = "统计";
    out.meta = {
        {"统计日期", format_date(st.as_of)},
        {"范围", st.scope},
        {"口径",
         "组织关系在范围内党支部 (含联合党支部) 的党员: 入党日期与转入支部日期不晚于统计日期、未出党; "
         "停止党籍的党员不计入"},
        {"停止党籍 (未计入)", std::to_string(st.suspended)},
        {"发展党员口径",
         "范围内党支部的发展党员案例: 统计日期所处阶段 (已终止的不计), 本年 1 月 1 "
         "日至统计日期接收和转正的人数; "
         "占比为发展中案例的比例"},
        {"流动党员口径",
         "所在支部在范围内、统计日期外出中的党员 (外出满6个月为流动党员); 流入: 向范围内党组织报到的党员; "
         "占比为党员总数的比例"},
        {"民主评议口径",
         std::to_string(st.evaluation_year) +
             "年度 (统计日期的上一年) 范围内党组织的评议中, 统计日期前评定 (含流入地评定后转回) "
             "的组织关系在本组织的党员; 占比为已评定人数的比例"}};
    out.columns = {
        {"section", "分组"}, {"item", "项目"}, {"count", "人数", true}, {"percent", "占比%", true}};
    for (auto const& r : st.rows)
        out.rows.push_back({r.section, r.item, std::to_string(r.count),
                            r.base == 0 ? std::string() : percent(r.count, r.base < 0 ? st.total : r.base)});
    return out;
}

}  // namespace dangyuan::io
