#pragma once
/// \file
/// The counting rules of the membership statistics in the shape of the annual party statistics
/// (党内统计): who counts on a date, by which band a member is counted, and the rows of the table.
/// Pure functions of their inputs: every rule takes the statistics date `as_of` (统计时点) and, where it
/// counts events, the period explicitly; nothing reads a clock. The store gathers the inputs
/// (storage/statistics_store.hpp, `dangyuan::statistics`).
///
/// **Who counts on a date D** (`counting_on`): a member admitted on or before D, whose relationship came
/// to the branch (转入支部日期) on or before D, and whose standing on D, from the standing events on or
/// before D, is normal. A member whose standing is suspended (停止党籍) on D is counted on a separate
/// line and in no total; one who has left the party by D is not counted.
///
/// The regulation-backed parts have rule ids of their own: ages count birthdays (`cal.age_birthday`,
/// `age_on`) and party age counts from the full-member date (`standing.party_age_from_full`,
/// `party_age_on`). The bands and groups are those of the statistics forms and the bulletin
/// (中国共产党党内统计公报), a reporting convention rather than a regulation.

#include <date/date.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dangyuan/core/calendar.hpp"
#include "dangyuan/core/codes.hpp"
#include "dangyuan/development/steps.hpp"
#include "dangyuan/election/election_statistics.hpp"
#include "dangyuan/evaluation/ballot.hpp"
#include "dangyuan/evaluation/campaign.hpp"
#include "dangyuan/member/member.hpp"
#include "dangyuan/member/standing.hpp"
#include "dangyuan/rules/rule_set.hpp"

namespace dangyuan {

/// A label of the statistics table in English and Chinese.
struct statistics_label {
    std::string_view english;
    std::string_view chinese;
};

/// The period whose events are counted (admissions, conversions): every day from `first` to `last`,
/// both included.
struct statistics_period {
    date::sys_days first{};
    date::sys_days last{};

    /// True when `d` is on or after `first` and on or before `last`.
    [[nodiscard]] constexpr bool contains(date::sys_days d) const noexcept { return first <= d && d <= last; }
    /// 1 January of the year of `as_of` to `as_of` (本年): the default period of the statistics.
    [[nodiscard]] static statistics_period year_to_date(date::sys_days as_of) {
        auto const y = date::year_month_day{as_of}.year();
        return {date::sys_days{y / date::January / 1}, as_of};
    }
    friend bool operator==(statistics_period const&, statistics_period const&) = default;
};

/// How a member is counted on a date.
enum class counting { not_counted, counted, suspended };

/// How `m` counts on `as_of`, given the member's standing events in date order (see the file comment).
[[nodiscard]] inline counting counting_on(member const& m, std::span<standing_event const> history,
                                          date::sys_days as_of) {
    if (m.admission_date > as_of || m.joined_branch > as_of) return counting::not_counted;
    auto const st = standing_on(m, history, as_of);
    if (!st) return counting::not_counted;
    switch (st->state) {
        case standing_state::normal:
            return counting::counted;
        case standing_state::suspended:
            return counting::suspended;
        default:
            return counting::not_counted;
    }
}

/// Age bands (年龄, 周岁 on the date, ages counting birthdays: `age_on`).
inline constexpr std::array<statistics_label, 9> age_bands{{{"30 and under", "30岁及以下"},
                                                            {"31-35", "31—35岁"},
                                                            {"36-40", "36—40岁"},
                                                            {"41-45", "41—45岁"},
                                                            {"46-50", "46—50岁"},
                                                            {"51-55", "51—55岁"},
                                                            {"56-60", "56—60岁"},
                                                            {"61-70", "61—70岁"},
                                                            {"71 and over", "71岁及以上"}}};

/// The index in `age_bands` of a member aged `age` (completed years): 30 and under, 31-35, …, 61-70,
/// 71 and over.
[[nodiscard]] constexpr std::size_t age_band_of(int age) noexcept {
    constexpr std::array<int, 8> upper{30, 35, 40, 45, 50, 55, 60, 70};
    return static_cast<std::size_t>(std::lower_bound(upper.begin(), upper.end(), age) - upper.begin());
}

/// Party-age bands (党龄, completed years from the full-member date: `party_age_on`).
inline constexpr std::array<statistics_label, 7> party_age_bands{{{"under 5 years", "不满5年"},
                                                                  {"5-9 years", "5—9年"},
                                                                  {"10-19 years", "10—19年"},
                                                                  {"20-29 years", "20—29年"},
                                                                  {"30-39 years", "30—39年"},
                                                                  {"40-49 years", "40—49年"},
                                                                  {"50 years and over", "50年及以上"}}};

/// The index in `party_age_bands` of a party age of `years` completed years.
[[nodiscard]] constexpr std::size_t party_age_band_of(int years) noexcept {
    constexpr std::array<int, 6> lower{5, 10, 20, 30, 40, 50};
    return static_cast<std::size_t>(std::upper_bound(lower.begin(), lower.end(), years) - lower.begin());
}

/// Sex groups: 男, 女, 未说明 (GB/T 2261.1 codes 0 and 9).
inline constexpr std::array<statistics_label, 3> sex_groups{
    {{"male", "男"}, {"female", "女"}, {"unstated", "未说明"}}};

/// The index in `sex_groups`.
[[nodiscard]] constexpr std::size_t sex_group_of(sex s) noexcept {
    return s == sex::male ? 0 : s == sex::female ? 1 : 2;
}

/// Ethnic groups: 汉族 (code 01), 少数民族 (codes 02-56), other (97 其他, 98 外国血统).
inline constexpr std::array<statistics_label, 3> ethnic_groups{
    {{"Han", "汉族"}, {"ethnic minorities", "少数民族"}, {"other (97/98)", "其他 (97/98)"}}};

/// The index in `ethnic_groups`.
[[nodiscard]] constexpr std::size_t ethnic_group_of(ethnicity e) noexcept {
    int const code = static_cast<int>(e);
    return code == 1 ? 0 : code <= 56 ? 1 : 2;
}

/// An education level of the table: the first digit of the GB/T 4658 code and its label.
struct education_band {
    int level = 0;
    statistics_label label;
};

/// The education levels reported, in order (level 5 is not used by GB/T 4658-2006).
inline constexpr std::array<education_band, 8> education_bands{{
    {1, {"postgraduate", "研究生"}},
    {2, {"undergraduate", "大学本科"}},
    {3, {"junior college", "大学专科"}},
    {4, {"secondary vocational", "中等职业教育 (中专、职高、技校)"}},
    {6, {"senior high school", "高中"}},
    {7, {"junior high school", "初中"}},
    {8, {"primary school", "小学"}},
    {9, {"other", "其他"}},
}};

/// The education level counted for a member: the GB/T 4658 level (1-9), 0 when not recorded.
[[nodiscard]] constexpr int education_level_of(member const& m) noexcept {
    return m.education ? education_level(*m.education) : 0;
}

/// One line of the statistics table.
struct statistics_row {
    std::string section;     ///< English key of the group, e.g. "age"
    std::string section_zh;  ///< its Chinese name, e.g. "年龄"
    std::string item;        ///< English label, e.g. "31-35"
    std::string item_zh;     ///< Chinese label, e.g. "31—35岁"
    std::int64_t count = 0;  ///< persons (organisations in the 换届选举 rows, `election_rows`)
    bool subtotal = false;   ///< a "其中" line that overlaps the others (大专及以上)
    /// The base of the share (占比): -1 the members counted (the total), 0 none, else this number.
    std::int64_t base = -1;
    friend bool operator==(statistics_row const&, statistics_row const&) = default;
};

/// The membership counts of the members of a scope on a date: add every member of the scope's branches
/// with `add`, then `rows()`.
struct membership_tally {
    std::int64_t total = 0;                ///< members counted (normal standing)
    std::int64_t suspended = 0;            ///< members whose standing is suspended on the date (in no total)
    std::array<std::int64_t, 2> status{};  ///< full, probationary on the date
    std::array<std::int64_t, sex_groups.size()> sexes{};
    std::array<std::int64_t, ethnic_groups.size()> ethnic{};
    std::array<std::int64_t, age_bands.size()> ages{};
    std::array<std::int64_t, 10> education_levels{};  ///< by GB/T 4658 level; 0 = not recorded
    std::int64_t tertiary = 0;                        ///< 大专及以上 (`tertiary_or_higher`)
    std::array<std::int64_t, 10> categories{};        ///< by personnel-category code; 0 = not recorded
    std::array<std::int64_t, party_age_bands.size()> party_ages{};
    std::int64_t no_party_age = 0;  ///< probationary members (no party age yet)

    /// Counts `m` on `as_of` with the member's standing events in date order (`counting_on`); party age
    /// by `party_age_on` under `rules`.
    void add(member const& m, std::span<standing_event const> history, date::sys_days as_of,
             rule_set const& rules) {
        auto const how = counting_on(m, history, as_of);
        if (how == counting::suspended) ++suspended;
        if (how != counting::counted) return;
        ++total;
        ++status[m.status_on(as_of) == member_status::full ? 0 : 1];
        ++sexes[sex_group_of(m.sex)];
        ++ethnic[ethnic_group_of(m.ethnicity)];
        ++ages[age_band_of(age_on(m.birth_date, as_of))];
        ++education_levels[static_cast<std::size_t>(std::clamp(education_level_of(m), 0, 9))];
        if (m.education && tertiary_or_higher(*m.education)) ++tertiary;
        ++categories[static_cast<std::size_t>(m.category ? std::clamp(static_cast<int>(*m.category), 0, 9)
                                                         : 0)];
        if (auto const years = party_age_on(m, history, as_of, rules))
            ++party_ages[party_age_band_of(*years)];
        else
            ++no_party_age;
    }

    /// The membership rows: 合计, 党员类别, 性别, 民族, 年龄, 学历 (with 大专及以上 as a subtotal),
    /// 人员类别, 党龄. Lines of a group that only exist for unusual data (sex unstated, ethnicity 97/98,
    /// education or category not recorded, the legacy military category) appear only when not zero.
    [[nodiscard]] std::vector<statistics_row> rows() const {
        std::vector<statistics_row> out;
        auto add = [&](statistics_label section, std::string_view en, std::string_view zh, std::int64_t n,
                       bool subtotal = false) {
            out.push_back({std::string(section.english), std::string(section.chinese), std::string(en),
                           std::string(zh), n, subtotal, -1});
        };
        add({"total", "合计"}, "members", "党员总数", total);
        constexpr statistics_label status_s{"status", "党员类别"};
        add(status_s, "full members", "正式党员", status[0]);
        add(status_s, "probationary members", "预备党员", status[1]);
        constexpr statistics_label sex_s{"sex", "性别"};
        for (std::size_t i = 0; i < sexes.size(); ++i)
            if (i < 2 || sexes[i]) add(sex_s, sex_groups[i].english, sex_groups[i].chinese, sexes[i]);
        constexpr statistics_label ethnic_s{"ethnicity", "民族"};
        for (std::size_t i = 0; i < ethnic.size(); ++i)
            if (i < 2 || ethnic[i])
                add(ethnic_s, ethnic_groups[i].english, ethnic_groups[i].chinese, ethnic[i]);
        constexpr statistics_label age_s{"age", "年龄"};
        for (std::size_t i = 0; i < ages.size(); ++i)
            add(age_s, age_bands[i].english, age_bands[i].chinese, ages[i]);
        constexpr statistics_label edu_s{"education", "学历"};
        for (auto const& b : education_bands)
            add(edu_s, b.label.english, b.label.chinese, education_levels[static_cast<std::size_t>(b.level)]);
        if (education_levels[0]) add(edu_s, "not recorded", "未填写", education_levels[0]);
        add(edu_s, "of which: junior college and above", "其中: 大专及以上", tertiary, true);
        constexpr statistics_label cat_s{"category", "人员类别"};
        for (auto c : all_personnel_categories()) {
            auto const n = categories[static_cast<std::size_t>(c)];
            if (in_current_bulletin(c) || n) add(cat_s, english_name(c), chinese_name(c), n);
        }
        if (categories[0]) add(cat_s, "not recorded", "未填写", categories[0]);
        constexpr statistics_label party_s{"party_age", "党龄"};
        for (std::size_t i = 0; i < party_ages.size(); ++i)
            add(party_s, party_age_bands[i].english, party_age_bands[i].chinese, party_ages[i]);
        add(party_s, "probationary (no party age)", "预备党员 (无党龄)", no_party_age);
        return out;
    }
};

/// One stage of the development pipeline as the statistics count it: the cases in the stage on the
/// date, and those that entered it during the period.
struct stage_figures {
    stage of = stage::applicant;
    std::int64_t on_date = 0;
    std::int64_t entered = 0;
};

/// The development rows (发展党员): the cases still in development on the date by stage (the full-member
/// stage is no longer development), with shares of those in development; then those admitted as
/// probationary members and converted to full members during `period`. `year_to_date` says whether
/// the period is the default one (本年) for the wording of the labels.
[[nodiscard]] inline std::vector<statistics_row> development_rows(std::span<stage_figures const> stages,
                                                                  bool year_to_date) {
    std::vector<statistics_row> out;
    std::int64_t in_progress = 0;
    for (auto const& s : stages)
        if (s.of != stage::full_member) in_progress += s.on_date;
    for (auto const& s : stages)
        if (s.of != stage::full_member)
            out.push_back({"development", "发展党员", std::string(to_string(s.of)),
                           std::string(chinese_name(s.of)), s.on_date, false, in_progress});
    std::string const when = year_to_date ? "本年" : "统计期内";
    for (auto const& s : stages) {
        if (s.of == stage::probationary)
            out.push_back({"development", "发展党员", "of which: admitted in the period",
                           "其中: " + when + "接收预备党员", s.entered, false, 0});
        if (s.of == stage::full_member)
            out.push_back({"development", "发展党员", "of which: converted in the period",
                           "其中: " + when + "预备党员转正", s.entered, false, 0});
    }
    return out;
}

/// The mobile-member figures on the date (流动党员; counted by `mobility_statistics_on`).
struct mobility_figures {
    std::int64_t away = 0;              ///< members of the branches in scope away on the date
    std::int64_t mobile = 0;            ///< of which away for `mobile_after_months` or more
    std::int64_t registered = 0;        ///< of which registered
    std::int64_t reported_to_host = 0;  ///< of which reported to a host organisation
    std::int64_t hosted = 0;            ///< members hosted by organisations in scope
};

/// The mobility rows (流动党员), shares of the members counted except for those hosted.
[[nodiscard]] inline std::vector<statistics_row> mobility_rows(mobility_figures const& f,
                                                               int mobile_after_months) {
    auto const m = std::to_string(mobile_after_months);
    return {
        {"mobility", "流动党员", "away", "外出党员", f.away, false, -1},
        {"mobility", "流动党员", "of which: away " + m + " months or more (mobile members)",
         "其中: 外出满" + m + "个月 (流动党员)", f.mobile, false, -1},
        {"mobility", "流动党员", "of which: registered", "其中: 已登记", f.registered, false, -1},
        {"mobility", "流动党员", "of which: reported to the host", "其中: 已向流入地党组织报到",
         f.reported_to_host, false, -1},
        {"mobility", "流动党员", "hosted in scope", "流入本范围报到的党员", f.hosted, false, 0},
    };
}

/// The democratic evaluation (民主评议) reported on `as_of`: that of the year before (a year's
/// evaluation is held at its turn).
[[nodiscard]] inline int evaluation_year_reported(date::sys_days as_of) {
    return static_cast<int>(date::year_month_day{as_of}.year()) - 1;
}

/// The evaluation grades of the participants whose organisational relationship is in the campaign's
/// organisation (`relationship_here`): final grades decided or received by the date of the campaign
/// state, and those who are gradable and still to be graded.
struct grade_tally_on {
    std::array<std::int64_t, grade_count> grades{};
    std::int64_t pending = 0;

    /// Counts the participants of one campaign's state on the date (`campaign_state_on`).
    void add(campaign_state const& state) {
        for (auto const& [id, p] : state.participants) {
            if (!p.relationship_here()) continue;
            if (p.final)
                ++grades[static_cast<std::size_t>(*p.final)];
            else if (p.gradable())
                ++pending;
        }
    }

    /// The evaluation rows: each grade with shares of those graded, then those still to be graded.
    [[nodiscard]] std::vector<statistics_row> rows() const {
        std::int64_t graded = 0;
        for (auto const n : grades)
            graded += n;
        std::vector<statistics_row> out;
        for (std::size_t g = 0; g < grade_count; ++g)
            out.push_back({"evaluation", "民主评议", std::string(to_string(static_cast<grade>(g))),
                           std::string(chinese_name(static_cast<grade>(g))), grades[g], false, graded});
        out.push_back({"evaluation", "民主评议", "not yet graded", "尚未评定", pending, false, 0});
        return out;
    }
};

/// The elections (换届选举) reported on `as_of`: those of the terms ending in the year of the date.
[[nodiscard]] inline int election_year_reported(date::sys_days as_of) {
    return static_cast<int>(date::year_month_day{as_of}.year());
}

/// The election rows (换届选举) of the completion counted by `election_completion_on`, in organisations
/// rather than persons: those whose terms end in the year (应换届), of which held (已换届; its share is
/// the completion rate, 换届完成率) and overdue (逾期未换届). Shares are of those due; none when no term
/// ends in the year.
[[nodiscard]] inline std::vector<statistics_row> election_rows(election_completion const& c) {
    return {
        {"election", "换届选举", "organisations due (term ends in the year)", "应换届党组织 (个)", c.due,
         false, 0},
        {"election", "换届选举", "of which: held", "其中: 已换届 (个)", c.held, false, c.due},
        {"election", "换届选举", "of which: overdue", "其中: 逾期未换届 (个)", c.overdue, false, c.due},
    };
}

/// The share of a row in percent: of the members counted (`total`) when `base` is -1, of `base`
/// otherwise; 0 when the base is zero. Rows with `base == 0` have no share.
[[nodiscard]] constexpr double share_percent(statistics_row const& r, std::int64_t total) noexcept {
    auto const whole = r.base < 0 ? total : r.base;
    return whole == 0 ? 0.0 : 100.0 * static_cast<double>(r.count) / static_cast<double>(whole);
}

}  // namespace dangyuan
