#pragma once
/// \file
/// The member record (党员信息) and its validation.

#include <date/date.h>

#include <cstdint>
#include <optional>
#include <string>

#include "dangyuan/core/calendar.hpp"
#include "dangyuan/core/codes.hpp"
#include "dangyuan/core/enum_table.hpp"
#include "dangyuan/core/errors.hpp"
#include "dangyuan/core/id_number.hpp"
#include "dangyuan/core/ids.hpp"
#include "dangyuan/rules/catalogue.hpp"
#include "dangyuan/rules/rule_set.hpp"

namespace dangyuan {

/// Membership status on a date: probationary member (预备党员) or full member (正式党员).
enum class member_status { probationary, full };

template <>
struct enum_table<member_status> {
    static constexpr std::string_view field = "status";
    static constexpr std::string_view noun = "member status";
    static constexpr enum_row<member_status> rows[] = {
        {member_status::probationary, "probationary", "预备党员"},
        {member_status::full, "full", "正式党员"},
    };
};

/// A member as a roster carries them. Ids and versions are assigned by the store.
///
/// The status is derived, never stored: a member is a full member from `full_member_date` on, and a
/// probationary member from `admission_date` until then (the full-member date is known once the
/// conversion is approved, and it is the end of probation, not the approval date).
struct member {
    member_id id;
    std::string name;                                          ///< 姓名
    dangyuan::sex sex = dangyuan::sex::unstated;               ///< 性别, GB/T 2261.1
    dangyuan::ethnicity ethnicity = dangyuan::ethnicity::han;  ///< 民族, GB/T 3304
    date::sys_days birth_date{};                               ///< 出生日期
    std::optional<citizen_id> id_number;  ///< 公民身份号码; birth date and sex must agree with it
    std::optional<dangyuan::education> education;    ///< 学历, GB/T 4658
    std::optional<personnel_category> category;      ///< 人员类别 (统计口径)
    std::string work_unit;                           ///< 工作单位
    std::string post;                                ///< 职务/岗位
    std::string native_place;                        ///< 籍贯
    std::string phone;                               ///< 联系电话
    std::string address;                             ///< 家庭住址
    org_id branch;                                   ///< the branch holding the organisational relationship
    date::sys_days joined_branch{};                  ///< date the relationship came to this branch
    std::optional<date::sys_days> application_date;  ///< 申请入党日期
    date::sys_days admission_date{};  ///< 入党日期: the branch meeting that admitted the person
    std::optional<date::sys_days> full_member_date;  ///< 转正日期: end of probation (or of its extension)
    bool backfilled = false;                         ///< 补录: history recorded, not validated step by step
    std::int64_t version = 0;  ///< optimistic-concurrency version, assigned by the store

    /// Status on `d`, or nothing before admission.
    [[nodiscard]] std::optional<member_status> status_on(date::sys_days d) const noexcept {
        if (d < admission_date) return std::nullopt;
        if (full_member_date && *full_member_date <= d) return member_status::full;
        return member_status::probationary;
    }

    friend bool operator==(member const&, member const&) = default;
};

/// Validates a member record.
///
/// Always checked (a back-filled record too): a name; birth date, application, admission,
/// full-member and branch dates in order; ID number consistent with birth date and sex
/// (member.id_number_consistent). For members that are not back-filled also: age 18 on the application
/// date, or on the admission date when no application date is known (member.min_age_18), and a
/// full-member date at the end of probation or of a 6-12 month extension (member.probation_1_year).
/// \throws invalid_input naming the field, rule_violation naming the rule.
inline void validate_member(member const& m, rule_set const& rules) {
    if (m.name.empty()) throw invalid_input("name", "a member needs a name");
    if (!m.branch.valid()) throw invalid_input("branch", "a member needs a branch");
    if (m.id_number) {
        if (m.id_number->birth_date() != m.birth_date)
            throw violation("member.id_number_consistent", "birth date " + format_date(m.birth_date) +
                                                               " differs from " +
                                                               format_date(m.id_number->birth_date()) +
                                                               " in ID number " + m.id_number->masked());
        if (m.sex != m.id_number->sex_of())
            throw violation("member.id_number_consistent",
                            "sex " + std::string(chinese_name(m.sex)) + " differs from " +
                                std::string(chinese_name(m.id_number->sex_of())) + " in ID number " +
                                m.id_number->masked());
    }
    auto order = [](date::sys_days earlier, date::sys_days later, char const* field, char const* what) {
        if (later < earlier)
            throw invalid_input(field, std::string(field) + " " + format_date(later) + " is before the " +
                                           what + " " + format_date(earlier));
    };
    if (m.application_date) {
        order(m.birth_date, *m.application_date, "application_date", "birth date");
        order(*m.application_date, m.admission_date, "admission_date", "application date");
    } else {
        order(m.birth_date, m.admission_date, "admission_date", "birth date");
    }
    if (m.full_member_date) {
        if (*m.full_member_date <= m.admission_date)
            throw invalid_input("full_member_date", "full-member date " + format_date(*m.full_member_date) +
                                                        " is not after the admission date " +
                                                        format_date(m.admission_date));
    }
    order(m.admission_date, m.joined_branch, "joined_branch", "admission date");
    if (m.backfilled) return;

    auto const applied = m.application_date.value_or(m.admission_date);
    auto const& dev = rules.development;  // one parameter each with the development pipeline
    if (age_on(m.birth_date, applied) < dev.applicant_min_age)
        throw violation("member.min_age_18",
                        m.name + " was " + std::to_string(age_on(m.birth_date, applied)) + " on " +
                            format_date(applied) + " (born " + format_date(m.birth_date) +
                            "); the minimum is " + std::to_string(dev.applicant_min_age));
    if (m.full_member_date) {
        auto const on_time = add_months(m.admission_date, dev.probation_months);
        auto const ext_min = add_months(on_time, dev.extension_min_months);
        auto const ext_max = add_months(on_time, dev.extension_max_months);
        auto const f = *m.full_member_date;
        if (f != on_time && (f < ext_min || f > ext_max))
            throw violation("member.probation_1_year",
                            "full-member date " + format_date(f) + " is neither the end of probation " +
                                format_date(on_time) + " nor within an extension ending " +
                                format_date(ext_min) + " to " + format_date(ext_max));
    }
}

}  // namespace dangyuan
