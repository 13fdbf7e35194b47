// The standard reports. The standing events of the scope are read once (store::standing_histories), so
// that a member's standing and party age on the date follow from the member's own events.

#include "dangyuan/io/reports.hpp"

#include <algorithm>
#include <cstdio>
#include <span>
#include <utility>

#include "dangyuan/agenda/agenda_kinds.hpp"
#include "dangyuan/core/calendar.hpp"
#include "dangyuan/io/roster.hpp"
#include "dangyuan/member/masking.hpp"
#include "dangyuan/member/member_fields.hpp"

namespace dangyuan::io {
namespace {

// Standing and party age of a member on a date, from the member's standing events.
struct member_state {
    standing_state standing = standing_state::normal;
    std::optional<int> party_age;
};

member_state state_of(store const& s, member const& m, std::span<standing_event const> history,
                      date::sys_days as_of) {
    member_state out;
    if (auto const st = standing_on(m, history, as_of)) out.standing = st->state;
    out.party_age = party_age_on(m, history, as_of, s.rules());
    return out;
}

// The standing events of the scope by member id, read once for the whole list.
class history_index {
public:
    history_index(store const& s, scope where) : histories_(s.standing_histories(where)) {}
    [[nodiscard]] std::span<standing_event const> of(member_id id) const {
        auto const it = std::lower_bound(histories_.begin(), histories_.end(), id,
                                         [](auto const& h, member_id k) { return h.first < k; });
        if (it == histories_.end() || it->first != id) return {};
        return it->second;
    }

private:
    std::vector<std::pair<member_id, std::vector<standing_event>>> histories_;
};

// The rows [first, first + count) of the statistics that `keep` selects, from the first selected row
// to the next one not selected (a group's rows are consecutive).
template <class Keep>
std::pair<std::size_t, std::size_t> rows_of(std::vector<statistics_row> const& rows, Keep keep) {
    auto const first = std::find_if(rows.begin(), rows.end(), keep);
    auto const last = std::find_if_not(first, rows.end(), keep);
    return {static_cast<std::size_t>(first - rows.begin()), static_cast<std::size_t>(last - first)};
}

std::string percent(double value) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", value);
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
    // The store narrows a scope to the principal's subtree (docs/security.md); say so.
    bool const narrowed = !orgs.empty() && s.acting().org && (!sc.root || orgs.front().id != *sc.root);
    if (!sc.root && !narrowed) return "全部组织 (" + counts + ")";
    auto const root = narrowed ? orgs.front() : s.org(*sc.root);
    return root.name + " (id " + std::to_string(root.id.value()) + ") 及其下级组织 (" + counts + ")" +
           (narrowed ? ", 限于 " + s.acting().label() + " 的范围" : std::string());
}

report roster_report(store const& s, roster_request const& r, progress_fn const& progress) {
    report out;
    out.title = "党员名册";
    out.sheet = "名册";
    // The members that count on the date (counting_on; suspended members are listed), in id order.
    history_index const histories(s, r.where);
    auto members = s.roster(r.where, r.as_of);
    std::erase_if(members, [&](member const& m) {
        return counting_on(m, histories.of(m.id), r.as_of) == counting::not_counted;
    });
    out.meta = {{"日期", format_date(r.as_of)},
                {"范围", describe_scope(s, r.where)},
                {"排序", r.order == name_order::stroke   ? "按姓氏笔画"
                         : r.order == name_order::pinyin ? "按拼音"
                                                         : "按编号"},
                {"人数", std::to_string(members.size())}};
    if (r.masked) {
        // The note names the columns the policy masks (出生日期、公民身份号码、联系电话、家庭住址).
        std::string note;
        for (auto const& field : member_fields) {
            if (find_masking(masked_record::member, field.name)->rule == mask_rule::shown) continue;
            note += (note.empty() ? "" : "、") + std::string(field.chinese);
        }
        out.meta.emplace_back("说明", note + "已脱敏 (masked)");
    }
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
        auto const st = state_of(s, m, histories.of(m.id), r.as_of);
        std::vector<std::string> row;
        row.reserve(fields.size());
        for (auto f : fields) {
            std::string text;
            switch (f) {
                case roster_field::status:
                    text = m.status_on(r.as_of) == member_status::full ? "正式党员" : "预备党员";
                    break;
                case roster_field::standing:
                    text = st.standing == standing_state::suspended ? "停止党籍" : "正常";
                    break;
                case roster_field::party_age:
                    text = st.party_age ? std::to_string(*st.party_age) : std::string();
                    break;
                default:
                    row.push_back(cell_text(m, f, orgs, r.masked));
                    continue;
            }
            row.push_back(r.masked ? mask_field(masked_record::roster, column_of(f).key, text)
                                   : std::move(text));
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
    out.columns = {{"due", "到期日"},
                   {"status", "状态"},
                   {"org_id", "组织编号", true},
                   {"subject", "对象"},
                   {"kind", "事项代码"},
                   {"kind_name", "事项"},
                   {"rule_id", "规则"},
                   {"member_id", "党员编号", true},
                   {"message_zh", "说明"},
                   {"message", "说明 (英文)"}};
    for (auto const& item : items) {
        // An uncatalogued kind (none is, a unit test checks) shows its code rather than nothing.
        auto const info = agenda_kind(item.kind);
        out.rows.push_back({format_date(item.due), std::string(chinese_name(item.status)),
                            std::to_string(item.org.value()), item.subject, item.kind,
                            info ? std::string(info->chinese) : item.kind, item.rule_id,
                            item.member ? std::to_string(item.member->value()) : std::string(),
                            item.message_zh, item.message});
    }
    return out;
}

report statistics_report(statistics_result const& st, std::string const& scope_description) {
    report out;
    out.title = "党员统计 (membership statistics)";
    out.sheet = "统计";
    out.meta = {
        {"统计日期", format_date(st.as_of)},
        {"范围", scope_description},
        {"口径",
         "组织关系在范围内党支部 (含联合党支部) 的党员: 入党日期与转入支部日期不晚于统计日期、未出党; "
         "停止党籍的党员不计入"},
        {"停止党籍 (未计入)", std::to_string(st.suspended)},
        {"名册人数", std::to_string(st.total + st.suspended) + " = 计入 " + std::to_string(st.total) +
                         " + 停止党籍 " + std::to_string(st.suspended) +
                         " (dangyuan member list 的人数; 已出党的党员不在名册)"},
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
             "的组织关系在本组织的党员; 占比为已评定人数的比例"},
        {"换届选举口径",
         std::to_string(st.elections.year) +
             "年 (统计日期所在年度) 任期届满的范围内党组织 (党小组、统计日期已撤销的组织不计), 按组织个数计: "
             "统计日期及以前召开选举大会的为已换届, 任期已满、未换届且无批准延期的为逾期; "
             "占比为应换届组织的比例 (换届完成率)"},
        {"组织工作口径", std::to_string(st.organisation_work_year) +
                             "年度 (统计日期前最近一个已结束的年度): "
                             "在职党员进社区按范围内社区党组织的报到、服务和年度反馈计人数, "
                             "服务时长按小时四舍五入; "
                             "党员示范岗按设立时党员所在党支部、表彰按受表彰党员所在党支部或受表彰组织计; "
                             "述职评议按组织者和述职组织计, 限期整改按年末状态; "
                             "软弱涣散党组织整顿按被整顿组织计, 在整顿与超期按年末; "
                             "两新组织覆盖按属地党组织计年末存续的单位"}};
    out.columns = {
        {"section", "分组"}, {"item", "项目"}, {"count", "人数", true}, {"percent", "占比%", true}};
    for (auto const& r : st.rows)
        out.rows.push_back({r.section_zh, r.item_zh, std::to_string(r.count),
                            r.base == 0 ? std::string() : percent(share_percent(r, st.total))});
    // The charts draw the 人数 column (2) against the 项目 column (1) of a group's rows.
    auto const chart_of = [&](chart_kind kind, std::string title, std::string category_axis, auto keep) {
        auto const [first, count] = rows_of(st.rows, keep);
        if (count == 0) return;
        out.charts.push_back(
            {kind, std::move(title), std::move(category_axis), "人数 (persons)", first, count, 1, {2}});
    };
    auto const section = [](std::string_view name) {
        return [name](statistics_row const& r) { return r.section == name && !r.subtotal; };
    };
    chart_of(chart_kind::column, "年龄结构 (members by age band)", "年龄 (age band)", section("age"));
    chart_of(chart_kind::column, "学历结构 (members by education)", "学历 (education)", section("education"));
    chart_of(chart_kind::pie, "性别 (members by sex)", "", section("sex"));
    chart_of(chart_kind::pie, "民族 (members by ethnicity)", "", section("ethnicity"));
    chart_of(chart_kind::bar, "发展党员各阶段 (development pipeline by stage)", "阶段 (stage)",
             [](statistics_row const& r) {
                 return r.section == "development" && !r.item.starts_with("of which");
             });
    chart_of(chart_kind::column, "民主评议等次 (democratic evaluation grades)", "等次 (grade)",
             [](statistics_row const& r) { return r.section == "evaluation" && r.item != "not yet graded"; });
    return out;
}

report statistics_report(store const& s, scope where, date::sys_days as_of, progress_fn const& progress) {
    return statistics_report(statistics(s, {.as_of = as_of, .where = where, .progress = progress}),
                             describe_scope(s, where));
}

}  // namespace dangyuan::io
