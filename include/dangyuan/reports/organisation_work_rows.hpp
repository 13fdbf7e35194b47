#pragma once
/// \file
/// The rows of the organisation work in the statistics table (`statistics`, storage/statistics_store.hpp):
/// in-service members in the community (在职党员进社区) and model posts and commendations (党员示范岗,
/// 两优一先), of the last calendar year ended on the statistics date.

#include <date/date.h>

#include <cstddef>
#include <string>
#include <vector>

#include "dangyuan/community/community.hpp"
#include "dangyuan/community/community_statistics.hpp"
#include "dangyuan/honours/honours_statistics.hpp"
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

}  // namespace dangyuan
