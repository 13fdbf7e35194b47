#pragma once
/// \file
/// Training hours (学时): a ledger of each member's study and training, the annual requirements, a
/// shortfall report per organisation and the year-end agenda.
///
/// **Units.** Class hours (学时) are kept exactly as an integer number of tenths of a class hour
/// (`class_hours`); a class hour is the unit the provider certifies, not necessarily 60 minutes, so no
/// conversion from minutes is built in. No floating point anywhere.
///
/// **Requirements** are rule-set data (`life_params::training`): every member ≥ 32 class hours of
/// concentrated study a year (training.member_32_hours, 党员教育管理工作条例 2019 第20条 per one
/// secondary page [S]); branch secretaries and committee members ≥ 56 class hours with at least one
/// concentrated training (training.officer_56_hours [S]). The 56 hours come from the 2019-2023
/// national training plan (全国党员教育培训工作规划), not from the 条例. Officers are members too, so both
/// requirements apply to them.
///
/// **Years.** Hours count per calendar year (1 January - 31 December) and are never carried over: a
/// surplus in one year does not cover the next.
///
/// **Members admitted during the year** (training.mid_year_joiner [U], the text is silent): by default
/// the full requirement applies. With `life_params::training_prorate_joiners` it is pro-rated by the
/// whole calendar months of membership left in the year, rounded up to the tenth: admitted 1 July → 6
/// months → 16.0 of 32; admitted 2 July → 5 months (August-December) → 13.4; admitted 2 December →
/// nothing. Members transferred in keep their ledger: it follows the member, not the branch.

#include <date/date.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "dangyuan/agenda/agenda.hpp"
#include "dangyuan/core/calendar.hpp"
#include "dangyuan/core/enum_table.hpp"
#include "dangyuan/core/errors.hpp"
#include "dangyuan/core/ids.hpp"
#include "dangyuan/rules/catalogue.hpp"
#include "dangyuan/rules/rule_set.hpp"

namespace dangyuan {

/// An exact amount of class hours (学时), in tenths.
class class_hours {
public:
    using rep = std::int64_t;

    constexpr class_hours() noexcept = default;
    /// `t` tenths of a class hour: `from_tenths(325)` is 32.5 class hours.
    [[nodiscard]] static constexpr class_hours from_tenths(rep t) noexcept { return class_hours(t); }
    /// Whole class hours: `whole(32)` is 32.0.
    [[nodiscard]] static constexpr class_hours whole(rep hours) noexcept { return class_hours(hours * 10); }

    /// The amount in tenths of a class hour.
    [[nodiscard]] constexpr rep tenths() const noexcept { return tenths_; }

    friend constexpr class_hours operator+(class_hours a, class_hours b) noexcept {
        return class_hours(a.tenths_ + b.tenths_);
    }
    friend constexpr class_hours operator-(class_hours a, class_hours b) noexcept {
        return class_hours(a.tenths_ - b.tenths_);
    }
    constexpr class_hours& operator+=(class_hours b) noexcept {
        tenths_ += b.tenths_;
        return *this;
    }
    friend constexpr bool operator==(class_hours, class_hours) noexcept = default;
    friend constexpr auto operator<=>(class_hours, class_hours) noexcept = default;

private:
    constexpr explicit class_hours(rep t) noexcept : tenths_(t) {}
    rep tenths_ = 0;
};

/// "32", "32.5", "-1.5".
[[nodiscard]] inline std::string format_class_hours(class_hours h) {
    auto t = h.tenths();
    std::string out = t < 0 ? "-" : "";
    if (t < 0) t = -t;
    out += std::to_string(t / 10);
    if (t % 10 != 0) out += "." + std::to_string(t % 10);
    return out;
}

/// Parses "32", "32.5" or "32.0" (at most one decimal).
/// \throws invalid_input{field} naming the text otherwise (negative amounts, two decimals, junk).
[[nodiscard]] inline class_hours parse_class_hours(std::string_view s, std::string_view field = "hours") {
    auto const fail = [&] {
        return invalid_input(std::string(field),
                             "'" + std::string(s) + "' is not a number of class hours (e.g. 32 or 32.5)");
    };
    std::size_t pos = 0;
    class_hours::rep whole = 0;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
        whole = whole * 10 + (s[pos++] - '0');
        if (whole > 100000000) throw fail();
    }
    if (pos == 0) throw fail();
    class_hours::rep tenth = 0;
    if (pos < s.size()) {
        if (s[pos] != '.' || pos + 2 != s.size() || s[pos + 1] < '0' || s[pos + 1] > '9') throw fail();
        tenth = s[pos + 1] - '0';
    }
    return class_hours::from_tenths(whole * 10 + tenth);
}

// `training_role` and its table are in rules/params_life.hpp.

/// Who held a training (培训层级), as far as the secretary and new-member rules need it.
enum class training_level {
    unspecified,  ///< not recorded (counts for hours only)
    branch,       ///< held by the member's own branch or general branch (本支部)
    grassroots,  ///< held by a grassroots committee (基层党委) or another higher organisation below county
                 ///< level
    county_or_higher,  ///< held by a county-level or higher committee, its organisation department or party
                       ///< school
};

/// English code of a level ("unspecified", "branch", "grassroots", "county_or_higher"), used in storage,
/// and its Chinese name.
template <>
struct enum_table<training_level> {
    static constexpr std::string_view field = "level";
    static constexpr std::string_view noun = "training level";
    static constexpr enum_row<training_level> rows[] = {
        {training_level::unspecified, "unspecified", "未注明"},
        {training_level::branch, "branch", "支部"},
        {training_level::grassroots, "grassroots", "基层党委"},
        {training_level::county_or_higher, "county_or_higher", "县级以上"},
    };
};
/// Parses a level from its English code or Chinese name.
/// \throws invalid_input{"level"} naming the value otherwise.
[[nodiscard]] inline training_level parse_training_level(std::string_view s) {
    return parse_enum_or_throw<training_level>(s);
}

/// One line of a member's training ledger.
struct training_record {
    member_id member;
    date::sys_days date{};      ///< the day the training ended (it counts for that year)
    std::string course;         ///< 课程 / 培训班
    class_hours hours;          ///< certified class hours (学时)
    bool concentrated = false;  ///< concentrated study or training (集中学习培训)
    std::string provider;       ///< 举办单位, e.g. "县委党校"
    /// Who held it: the secretary rotation needs county level or higher, the new-member and
    /// new-secretary trainings a level above the branch.
    training_level level = training_level::unspecified;

    friend bool operator==(training_record const&, training_record const&) = default;
};

/// Validates one ledger line recorded on `as_of`.
/// \throws invalid_input naming the field: member, date (after `as_of`), course, hours (not positive).
inline void validate_training_record(training_record const& r, date::sys_days as_of) {
    if (!r.member.valid()) throw invalid_input("member", "invalid member id");
    if (r.date > as_of)
        throw invalid_input("date", "training dated " + format_date(r.date) + ", after the recording date " +
                                        format_date(as_of));
    if (r.course.empty()) throw invalid_input("course", "a training record names its course");
    if (r.hours <= class_hours{})
        throw invalid_input("hours", format_class_hours(r.hours) + " class hours: must be positive");
}

/// Validates every line and refuses the same course recorded twice for a member on the same day.
/// \throws invalid_input as `validate_training_record`, or {"ledger"} for a duplicate.
inline void validate_training_ledger(std::span<training_record const> ledger, date::sys_days as_of) {
    std::set<std::tuple<member_id, date::sys_days, std::string>> seen;
    for (auto const& r : ledger) {
        validate_training_record(r, as_of);
        if (!seen.emplace(r.member, r.date, r.course).second)
            throw invalid_input("ledger", "'" + r.course + "' recorded twice for member " +
                                              std::to_string(r.member.value()) + " on " +
                                              format_date(r.date));
    }
}

/// The class hours `member` earned in calendar year `year` up to `as_of` (concentrated only when asked).
[[nodiscard]] inline class_hours training_hours(member_id member, int year,
                                                std::span<training_record const> ledger, date::sys_days as_of,
                                                bool concentrated_only = false) {
    class_hours sum;
    for (auto const& r : ledger)
        if (r.member == member && int(date::year_month_day{r.date}.year()) == year && r.date <= as_of &&
            (r.concentrated || !concentrated_only))
            sum += r.hours;
    return sum;
}

/// One member of an organisation's roster for a training year.
struct training_roster_entry {
    member_id member;
    std::string name;
    training_role role =
        training_role::member;               ///< the role held in the year judged (officer if elected in it)
    std::optional<date::sys_days> admitted;  ///< admission date (入党日期), for members admitted in the year

    friend bool operator==(training_roster_entry const&, training_roster_entry const&) = default;
};

/// What one requirement asks of one member in one year.
struct training_due {
    bool applies = false;  ///< false for an officer requirement of an ordinary member, or before admission
    class_hours hours;     ///< class hours required
    int concentrated_sessions = 0;

    friend bool operator==(training_due const&, training_due const&) = default;
};

/// Whole calendar months of membership in `year` for a member admitted on `admitted`: 12 when admitted
/// before the year or on 1 January, 0 when admitted after 1 December.
[[nodiscard]] inline int whole_months_in_year(std::optional<date::sys_days> admitted, int year) {
    if (!admitted || *admitted <= make_date(year, 1, 1)) return 12;
    date::year_month_day const a{*admitted};
    if (int(a.year()) > year) return 0;
    auto const first_full =
        a.day() == date::day{1} ? *admitted : add_months(make_date(year, unsigned(a.month()), 1), 1);
    date::year_month_day const f{first_full};
    if (int(f.year()) > year) return 0;
    return 13 - int(unsigned(f.month()));
}

/// The requirement `req` for `entry` in `year` (training.mid_year_joiner: pro-rated by whole months
/// only when `params.training_prorate_joiners`, rounded up to the tenth).
[[nodiscard]] inline training_due requirement_for(training_requirement const& req,
                                                  training_roster_entry const& entry, int year,
                                                  life_params const& params) {
    training_due due;
    if (req.applies_to == training_role::officer && entry.role != training_role::officer) return due;
    if (entry.admitted && int(date::year_month_day{*entry.admitted}.year()) > year) return due;
    due.applies = true;
    due.hours = class_hours::from_tenths(req.min_tenths);
    due.concentrated_sessions = req.min_concentrated_sessions;
    if (params.training_prorate_joiners) {
        int const months = whole_months_in_year(entry.admitted, year);
        due.hours = class_hours::from_tenths((std::int64_t{req.min_tenths} * months + 11) / 12);
        if (months == 0) due.concentrated_sessions = 0;
    }
    return due;
}

/// One unmet requirement of one member.
struct training_shortfall {
    member_id member;
    std::string name;
    training_role role = training_role::member;
    std::string rule_id;   ///< the requirement's rule
    class_hours required;  ///< class hours required that year
    class_hours counted;   ///< class hours that count towards it
    class_hours short_by;  ///< `required - counted`, or 0 when only sessions are missing
    int required_sessions = 0;
    int sessions = 0;  ///< concentrated trainings attended

    friend bool operator==(training_shortfall const&, training_shortfall const&) = default;
};

/// Who in an organisation is short of the requirements in a year.
struct training_report {
    org_id org;
    int year = 0;
    date::sys_days as_of{};
    std::vector<training_shortfall> shortfalls;  ///< roster order, then requirement order

    friend bool operator==(training_report const&, training_report const&) = default;
};

namespace detail {
inline void validate_training_params(life_params const& p) {
    if (p.training_notice_month < 1 || p.training_notice_month > 12)
        throw invalid_input("training_notice_month",
                            "month " + std::to_string(p.training_notice_month) + " is not 1-12");
    if (p.new_secretary_training_months < 1 || p.secretary_rotations_per_year < 0 ||
        p.new_member_higher_trainings < 0 || p.new_member_full_years < 0 ||
        p.new_member_training_notice_months < 0)
        throw invalid_input("training", "negative or zero secretary / new-member training parameter");
    for (auto const& req : p.training) {
        try {
            (void)find_rule(req.rule_id);
        } catch (not_found const&) {
            throw invalid_input("training", "rule id '" + req.rule_id + "' is not in the catalogue");
        }
        if (req.min_tenths < 0 || req.min_concentrated_sessions < 0)
            throw invalid_input("training", req.rule_id + ": negative requirement");
    }
}
}  // namespace detail

/// The shortfall report of `org` for calendar year `year`, counting ledger lines dated in that year on
/// or before `as_of` (asked during the year it shows who is short so far).
/// \param roster the organisation's members in that year, each with the role held in it.
/// \throws invalid_input{"year"} outside 1-9999, {"roster"} for a member listed twice, and for bad
///         parameters.
[[nodiscard]] inline training_report training_shortfalls(org_id org, int year,
                                                         std::span<training_roster_entry const> roster,
                                                         std::span<training_record const> ledger,
                                                         date::sys_days as_of, rule_set const& rules) {
    if (year < 1 || year > 9999)
        throw invalid_input("year", std::to_string(year) + " is not a calendar year");
    detail::validate_training_params(rules.life);
    training_report report{org, year, as_of, {}};
    std::set<member_id> seen;
    for (auto const& entry : roster) {
        if (!seen.insert(entry.member).second)
            throw invalid_input("roster",
                                "member " + std::to_string(entry.member.value()) + " is listed twice");
        int sessions = 0;
        for (auto const& r : ledger)
            if (r.member == entry.member && r.concentrated && r.date <= as_of &&
                int(date::year_month_day{r.date}.year()) == year)
                ++sessions;
        for (auto const& req : rules.life.training) {
            auto const due = requirement_for(req, entry, year, rules.life);
            if (!due.applies) continue;
            auto const counted = training_hours(entry.member, year, ledger, as_of, req.concentrated_only);
            if (counted >= due.hours && sessions >= due.concentrated_sessions) continue;
            report.shortfalls.push_back(
                training_shortfall{entry.member, entry.name, entry.role, req.rule_id, due.hours, counted,
                                   counted < due.hours ? due.hours - counted : class_hours{},
                                   due.concentrated_sessions, sessions});
        }
    }
    return report;
}

/// Agenda items on `as_of` for members still short of their hours in `as_of`'s year, from the month
/// `rules.life.training_notice_month` (training.q4_notice [L], default October) to 31 December: one
/// `training.shortfall` item per unmet requirement, due 31 December (upcoming, due on the day).
/// Nothing before the notice month, and nothing for past years (hours do not carry over; use
/// `training_shortfalls` for the record).
[[nodiscard]] inline std::vector<agenda_item> training_agenda(org_id org,
                                                              std::span<training_roster_entry const> roster,
                                                              std::span<training_record const> ledger,
                                                              date::sys_days as_of, rule_set const& rules) {
    detail::validate_training_params(rules.life);
    std::vector<agenda_item> items;
    date::year_month_day const today{as_of};
    if (unsigned(today.month()) < rules.life.training_notice_month) return items;
    int const year = int(today.year());
    auto const year_end = make_date(year, 12, 31);
    for (auto const& s : training_shortfalls(org, year, roster, ledger, as_of, rules).shortfalls) {
        std::string msg = format_class_hours(s.counted) + " of " + format_class_hours(s.required) +
                          " class hours (学时) in " + std::to_string(year);
        if (s.short_by > class_hours{}) msg += ": " + format_class_hours(s.short_by) + " short";
        if (s.sessions < s.required_sessions)
            msg += "; " + std::to_string(s.sessions) + " of " + std::to_string(s.required_sessions) +
                   " concentrated trainings";
        msg += "; hours do not carry over to next year";
        std::string zh = std::to_string(year) + "年已完成" + format_class_hours(s.counted) + "学时, 应完成" +
                         format_class_hours(s.required) + "学时";
        if (s.short_by > class_hours{}) zh += ", 尚差" + format_class_hours(s.short_by) + "学时";
        if (s.sessions < s.required_sessions)
            zh += "; 集中培训" + std::to_string(s.sessions) + "次, 应" + std::to_string(s.required_sessions) +
                  "次";
        zh += "; 学时不转入下一年度";
        items.push_back(agenda_item{"training.shortfall", org, s.member, s.name, year_end,
                                    status_for(year_end, as_of), s.rule_id, std::move(msg), std::nullopt,
                                    std::move(zh)});
    }
    return items;
}

// ---- secretaries and new members (全国党员教育培训工作规划 2019-2023 [S])

/// A branch secretary (支部书记) in office, with the day the current continuous tenure began.
struct secretary_tenure {
    member_id member;
    std::string name;
    org_id org;                    ///< the organisation the member is secretary of
    date::sys_days took_office{};  ///< first day of the continuous tenure (任职之日)

    friend bool operator==(secretary_tenure const&, secretary_tenure const&) = default;
};

/// A member in the new-member window: probationary, or in the first year as a full member.
struct new_member_entry {
    member_id member;
    std::string name;
    org_id org;                                      ///< the member's branch
    date::sys_days admitted{};                       ///< 入党日期
    std::optional<date::sys_days> full_member_date;  ///< 转正日期, once known

    friend bool operator==(new_member_entry const&, new_member_entry const&) = default;
};

namespace detail {
// A concentrated training held above the branch, dated in [from, to].
inline bool trained_above_branch(member_id m, std::span<training_record const> ledger, date::sys_days from,
                                 date::sys_days to, training_level min_level, int needed) {
    int n = 0;
    for (auto const& r : ledger)
        if (r.member == m && r.concentrated && r.date >= from && r.date <= to && r.level >= min_level) ++n;
    return n >= needed;
}
}  // namespace detail

/// The day a new secretary's training is due (training.new_secretary_6_months): `took_office` plus
/// `new_secretary_training_months` (6, "half a year"), clamped to month end: took office 2025-08-31 →
/// due 2026-02-28.
[[nodiscard]] inline date::sys_days new_secretary_training_due(secretary_tenure const& t,
                                                               rule_set const& rules) {
    return add_months(t.took_office, rules.life.new_secretary_training_months);
}

/// The last day of the new-member window (training.new_member_higher_level): the end of the first year
/// as a full member (`new_member_full_years` after the full-member date), or, before the full-member
/// date is known, that many years after the end of the ordinary probation.
[[nodiscard]] inline date::sys_days new_member_training_due(new_member_entry const& e,
                                                            rule_set const& rules) {
    auto const full =
        e.full_member_date ? *e.full_member_date : add_months(e.admitted, rules.development.probation_months);
    return add_years(full, rules.life.new_member_full_years) - date::days{1};
}

/// Agenda items of the secretary and new-member training rules on `as_of`. Only concentrated trainings
/// (`training_record::concentrated`) count:
/// - `training.new_secretary_due` (training.new_secretary_6_months): a secretary with no training of
///   level `grassroots` or higher since taking office; due `new_secretary_training_due`, shown from
///   taking office (upcoming), overdue after, until a year past the due day (the secretary is no longer
///   new); a later training clears it.
/// - `training.secretary_rotation_due` (training.secretary_rotation_yearly): a secretary with fewer
///   than `secretary_rotations_per_year` trainings of level `county_or_higher` in `as_of`'s year;
///   due 31 December, shown from `training_notice_month` (the same season as the hours shortfall), and
///   not while the new-secretary period is running (that item covers it).
/// - `training.new_member_due` (training.new_member_higher_level): a probationary or first-year full
///   member with fewer than `new_member_higher_trainings` trainings of level `grassroots` or higher since
///   admission; due `new_member_training_due`, shown `new_member_training_notice_months` before it,
///   overdue after (until the window's end is a year past: the member is no longer new).
/// \throws invalid_input for bad parameters (see `training_shortfalls`).
[[nodiscard]] inline std::vector<agenda_item> secretary_and_new_member_training_agenda(
    std::span<secretary_tenure const> secretaries, std::span<new_member_entry const> new_members,
    std::span<training_record const> ledger, date::sys_days as_of, rule_set const& rules) {
    detail::validate_training_params(rules.life);
    auto const& p = rules.life;
    std::vector<agenda_item> items;
    date::year_month_day const today{as_of};
    int const year = int(today.year());
    for (auto const& t : secretaries) {
        if (t.took_office > as_of) continue;
        auto const due = new_secretary_training_due(t, rules);
        bool const trained = detail::trained_above_branch(t.member, ledger, t.took_office, as_of,
                                                          training_level::grassroots, 1);
        if (!trained && as_of <= add_years(due, 1)) {
            items.push_back(agenda_item{"training.new_secretary_due", t.org, t.member, t.name, due,
                                        status_for(due, as_of), "training.new_secretary_6_months",
                                        "secretary since " + format_date(t.took_office) +
                                            ": the induction training (任职培训) is due within " +
                                            std::to_string(p.new_secretary_training_months) + " months, by " +
                                            format_date(due),
                                        std::nullopt,
                                        format_date(t.took_office) + "任书记: 应在" +
                                            std::to_string(p.new_secretary_training_months) + "个月内, 即" +
                                            format_date(due) + "前完成任职培训"});
        }
        if (as_of < due || unsigned(today.month()) < p.training_notice_month) continue;
        if (detail::trained_above_branch(t.member, ledger, make_date(year, 1, 1), as_of,
                                         training_level::county_or_higher, p.secretary_rotations_per_year))
            continue;
        auto const year_end = make_date(year, 12, 31);
        items.push_back(agenda_item{"training.secretary_rotation_due", t.org, t.member, t.name, year_end,
                                    status_for(year_end, as_of), "training.secretary_rotation_yearly",
                                    "no rotation training (轮训) at county level or higher in " +
                                        std::to_string(year) + ": at least " +
                                        std::to_string(p.secretary_rotations_per_year) + " a year",
                                    std::nullopt,
                                    std::to_string(year) + "年未参加县级以上党委组织的轮训: 每年至少" +
                                        std::to_string(p.secretary_rotations_per_year) + "次"});
    }
    for (auto const& e : new_members) {
        if (e.admitted > as_of) continue;
        auto const due = new_member_training_due(e, rules);
        if (as_of < add_months(due, -p.new_member_training_notice_months) || as_of > add_years(due, 1))
            continue;
        if (detail::trained_above_branch(e.member, ledger, e.admitted, as_of, training_level::grassroots,
                                         p.new_member_higher_trainings))
            continue;
        items.push_back(agenda_item{"training.new_member_due", e.org, e.member, e.name, due,
                                    status_for(due, as_of), "training.new_member_higher_level",
                                    "admitted " + format_date(e.admitted) +
                                        ": attend a training held by a higher organisation (上级党组织) "
                                        "during probation or the first year as a full member, by " +
                                        format_date(due),
                                    std::nullopt,
                                    format_date(e.admitted) +
                                        "入党: 预备期或转正第一年内应参加上级党组织举办的培训, " +
                                        format_date(due) + "前完成"});
    }
    return items;
}

}  // namespace dangyuan
