#pragma once
/// \file
/// The rows of the organisation work in the statistics table (`statistics`, storage/statistics_store.hpp),
/// of the last calendar year ended on the statistics date: in-service members in the community
/// (在职党员进社区), model posts and commendations (党员示范岗, 两优一先), the party-building appraisal
/// (述职评议考核, 问责), the rectification of weak organisations (软弱涣散党组织整顿) and the coverage of
/// the new sectors (两新组织党建覆盖).

#include <date/date.h>

#include <cstddef>
#include <string>
#include <vector>

#include "dangyuan/appraisal/appraisal.hpp"
#include "dangyuan/appraisal/appraisal_statistics.hpp"
#include "dangyuan/community/community.hpp"
#include "dangyuan/community/community_statistics.hpp"
#include "dangyuan/coverage/coverage.hpp"
#include "dangyuan/coverage/coverage_statistics.hpp"
#include "dangyuan/honours/honours_statistics.hpp"
#include "dangyuan/rectification/rectification.hpp"
#include "dangyuan/rectification/rectification_agenda.hpp"
#include "dangyuan/reports/statistics.hpp"

namespace dangyuan {

/// The year of the organisation work reported on `as_of`: the last calendar year that has ended on or
/// before that day (the year of `as_of` itself when it is 31 December, else the year before), so that no
/// figure counts a day after the statistics date.
[[nodiscard]] inline int organisation_work_year_reported(date::sys_days as_of) {
    return static_cast<int>(date::year_month_day{as_of + date::days{1}}.year()) - 1;
}

/// The community rows (在职党员进社区, persons): the members registered with a community of the scope
/// during the year, of which those who served and those with the community's feedback in force, the
/// feedback by rating (shares of the feedback given), and the service time in hours rounded to the
/// nearest hour (no share).
[[nodiscard]] inline std::vector<statistics_row> community_rows(community_statistics const& c) {
    std::vector<statistics_row> out{
        {"community", "在职党员进社区", "registered with a community", "到社区报到党员", c.registered_members,
         false, 0},
        {"community", "在职党员进社区", "of which: served", "其中: 参加社区服务", c.members_with_service,
         false, c.registered_members},
        {"community", "在职党员进社区", "of which: with feedback", "其中: 社区已反馈",
         c.members_with_feedback, false, c.registered_members},
    };
    for (std::size_t r = 0; r < c.feedback_by_rating.size(); ++r) {
        auto const rating = static_cast<community_rating>(r);
        out.push_back({"community", "在职党员进社区", "feedback: " + std::string(to_string(rating)),
                       "反馈评价: " + std::string(chinese_name(rating)), c.feedback_by_rating[r], false,
                       c.members_with_feedback});
    }
    out.push_back({"community", "在职党员进社区", "service hours (rounded)", "服务时长 (小时, 四舍五入)",
                   (c.service_tenths + 5) / 10, false, 0});
    return out;
}

/// The honours rows (党员示范岗 in posts, 两优一先 in commendations): posts in force on 31 December, made
/// and ended during the year; commendations dated in the year, and by kind (shares of the commendations).
[[nodiscard]] inline std::vector<statistics_row> honours_rows(honours_statistics const& h) {
    std::vector<statistics_row> out{
        {"honours", "党员示范岗与两优一先", "model posts in force at year end", "年末党员示范岗 (个)",
         h.posts_active_at_year_end, false, 0},
        {"honours", "党员示范岗与两优一先", "model posts designated in the year", "本年设立党员示范岗 (个)",
         h.posts_new, false, 0},
        {"honours", "党员示范岗与两优一先", "model posts ended in the year", "本年撤销或失效党员示范岗 (个)",
         h.posts_ended, false, 0},
        {"honours", "党员示范岗与两优一先", "commendations", "表彰 (项)", h.commendations, false, 0},
    };
    std::array<std::int64_t, commendation_kind_count> by_kind{};
    for (auto const& c : h.by_kind_and_level)
        by_kind[static_cast<std::size_t>(c.kind)] += c.count;
    for (std::size_t k = 0; k < by_kind.size(); ++k) {
        auto const kind = static_cast<commendation_kind>(k);
        out.push_back({"honours", "党员示范岗与两优一先", "of which: " + std::string(to_string(kind)),
                       "其中: " + std::string(chinese_name(kind)), by_kind[k], false, h.commendations});
    }
    return out;
}

/// The appraisal rows (述职评议考核, in cycles and reports; 问责 in records): the cycles of the year
/// organised in the scope, the reports of its organisations in them, of which appraised and with a use of
/// the result (shares of the reports); the appraised by grade (shares of the appraised); the
/// accountability records of the year by kind; and the year's rectifications (限期整改) as on 31
/// December: completed by the deadline, completed late, open past the deadline.
[[nodiscard]] inline std::vector<statistics_row> appraisal_rows(appraisal_statistics const& a) {
    std::string const sec = "述职评议考核";
    std::vector<statistics_row> out{
        {"appraisal", sec, "cycles", "述职评议 (次)", a.cycles, false, 0},
        {"appraisal", sec, "reports (述职)", "书记述职 (个)", a.reports, false, 0},
        {"appraisal", sec, "of which: appraised", "其中: 已评议", a.rated, false, a.reports},
        {"appraisal", sec, "of which: result applied", "其中: 已运用结果", a.results_applied, false,
         a.reports},
    };
    for (std::size_t g = 0; g < a.by_grade.size(); ++g) {
        auto const grade = static_cast<appraisal_grade>(g);
        out.push_back({"appraisal", sec, "grade: " + std::string(to_string(grade)),
                       "评议等次: " + std::string(chinese_name(grade)), a.by_grade[g], false, a.rated});
    }
    for (std::size_t k = 0; k < a.accountability_by_kind.size(); ++k) {
        auto const kind = static_cast<accountability_kind>(k);
        out.push_back({"appraisal", sec, "accountability: " + std::string(to_string(kind)),
                       "问责: " + std::string(chinese_name(kind)), a.accountability_by_kind[k], false, 0});
    }
    out.push_back({"appraisal", sec, "rectifications completed by the deadline", "限期整改: 按期完成",
                   a.rectifications_completed, false, 0});
    out.push_back({"appraisal", sec, "rectifications completed late", "限期整改: 逾期完成",
                   a.rectifications_completed_late, false, 0});
    out.push_back({"appraisal", sec, "rectifications overdue at year end", "限期整改: 年末逾期未完成",
                   a.rectifications_overdue, false, 0});
    return out;
}

/// The rectification rows (软弱涣散党组织整顿, in organisations): designated in the year, by kind (shares
/// of those designated); removed from the list (销号) in the year; on the list on 31 December, of which
/// past the time limit (share of those on the list); the milestones due in the year, of which completed
/// on time.
[[nodiscard]] inline std::vector<statistics_row> rectification_rows(rectification_statistics const& r) {
    std::string const sec = "软弱涣散党组织整顿";
    std::vector<statistics_row> out{
        {"rectification", sec, "designated in the year", "本年列入整顿 (个)", r.designated, false, 0}};
    for (std::size_t k = 0; k < r.designated_by_kind.size(); ++k) {
        auto const kind = static_cast<rectification_kind>(k);
        out.push_back({"rectification", sec, "of which: " + std::string(to_string(kind)),
                       "其中: " + std::string(chinese_name(kind)), r.designated_by_kind[k], false,
                       r.designated});
    }
    out.push_back({"rectification", sec, "removed in the year", "本年销号 (个)", r.removed, false, 0});
    out.push_back(
        {"rectification", sec, "on the list at year end", "年末在整顿 (个)", r.open_at_year_end, false, 0});
    out.push_back({"rectification", sec, "of which: past the time limit", "其中: 超期未销号",
                   r.overdue_at_year_end, false, r.open_at_year_end});
    out.push_back({"rectification", sec, "milestones due in the year", "整顿事项本年到期 (项)",
                   r.milestones_due, false, 0});
    out.push_back({"rectification", sec, "of which: completed on time", "其中: 按期完成",
                   r.milestones_completed_on_time, false, r.milestones_due});
    return out;
}

/// The coverage rows (两新组织党建覆盖, in units existing on 31 December of the year): the units, how they
/// are covered (own organisation, joint branch, an instructor only, none; shares of the units), those
/// with members and no organisation and those that should set one up, effective coverage, the units of
/// the new sectors and those of them covered by an organisation, and the members working in units.
[[nodiscard]] inline std::vector<statistics_row> coverage_rows(coverage_statistics const& c) {
    std::string const sec = "两新组织覆盖";
    return {
        {"coverage", sec, "units at year end", "年末单位 (个)", c.units, false, 0},
        {"coverage", sec, "of which: own organisation", "其中: 单独组建", c.own_organisation, false, c.units},
        {"coverage", sec, "of which: joint branch", "其中: 联合组建", c.joint_branch, false, c.units},
        {"coverage", sec, "of which: instructor only", "其中: 仅选派党建指导员", c.instructor_only, false,
         c.units},
        {"coverage", sec, "of which: not covered", "其中: 未覆盖", c.uncovered, false, c.units},
        {"coverage", sec, "with members, no organisation", "有党员未建组织", c.members_no_organisation, false,
         c.units},
        {"coverage", sec, "3 or more full members, no organisation of their own", "有3名以上正式党员应建未建",
         c.establish_due, false, c.units},
        {"coverage", sec, "effectively covered", "有效覆盖", c.effective, false, c.units},
        {"coverage", sec, "units of the new sectors", "两新组织单位 (个)", c.new_sector_units, false, 0},
        {"coverage", sec, "of which: covered by an organisation", "其中: 已建组织覆盖", c.new_sector_covered,
         false, c.new_sector_units},
        {"coverage", sec, "members working in the units", "在单位工作的党员", c.members, false, 0},
        {"coverage", sec, "of which: in the new sectors", "其中: 在两新组织", c.new_sector_members, false,
         c.members},
    };
}

}  // namespace dangyuan
