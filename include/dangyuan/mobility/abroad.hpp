#pragma once
/// \file
/// Members abroad (出国（境）党员) and graduates whose relationship stays at the university: dated
/// records of each situation, contacts with members studying abroad, and the agenda items the rules
/// produce.
///
/// - abroad.suspend_emigrated_or_5_years (党员教育管理工作条例 2019 第24条 [C]): a member who emigrated
///   privately and settled abroad (私自出国定居), or who has studied abroad for **more than 5 years**
///   without returning, is generally suspended (一般予以停止党籍) by the organisation keeping the
///   relationship. "More than" (超过) excludes the number (民法典 第1259条): the five years end on the
///   anniversary of leaving (`add_years`, so 2020-02-29 → 2025-02-28) and the member is suspendable
///   from the day after it. A settled-abroad record is a finding from its first day.
/// - abroad.contact_half_yearly [S]: the organisation contacts a member studying or researching abroad
///   at least once every half year: due `add_months(last, 6)` after the last contact (or leaving),
///   overdue after that day.
/// - abroad.graduate_relationship_2_years [S]: a graduate's relationship kept at the university is
///   generally kept at most 2 years: due on the second anniversary of graduation (不超过 includes it),
///   overdue after.
///
/// The library proposes; it does not decide: suspension is a standing event (member/standing.hpp)
/// decided by the organisation. Dated items appear `mobility_notice_months` before their day.

#include <date/date.h>

#include <algorithm>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dangyuan/agenda/agenda.hpp"
#include "dangyuan/core/calendar.hpp"
#include "dangyuan/core/enum_table.hpp"
#include "dangyuan/core/errors.hpp"
#include "dangyuan/core/ids.hpp"
#include "dangyuan/rules/rule_set.hpp"

namespace dangyuan {

/// The situation an abroad record describes.
enum class abroad_kind {
    settled,   ///< 私自出国定居: emigrated privately and settled abroad
    study,     ///< 出国（境）学习研究: studying or researching abroad
    graduate,  ///< 毕业生组织关系保留在学校: graduate whose relationship stays at the university
};

/// English code of a kind ("settled", "study", "graduate"), used in storage, and its Chinese name.
template <>
struct enum_table<abroad_kind> {
    static constexpr std::string_view field = "kind";
    static constexpr std::string_view noun = "abroad kind";
    static constexpr enum_row<abroad_kind> rows[] = {
        {abroad_kind::settled, "settled", "私自出国定居"},
        {abroad_kind::study, "study", "出国（境）学习研究"},
        {abroad_kind::graduate, "graduate", "毕业生组织关系保留在学校"},
    };
};

/// Parses a kind from its English code or Chinese name.
/// \throws invalid_input{"kind"} naming the value otherwise.
[[nodiscard]] inline abroad_kind parse_abroad_kind(std::string_view s) {
    return parse_enum_or_throw<abroad_kind>(s);
}

/// One dated situation of a member: from `from` until `until` (exclusive; open while empty).
struct abroad_record {
    member_id member;
    abroad_kind kind = abroad_kind::study;
    /// settled: the day the member settled abroad; study: the day the member left; graduate: the
    /// graduation day from which the university keeps the relationship.
    date::sys_days from{};
    /// The day the situation ended (returned, relationship transferred, member suspended); empty while
    /// it lasts.
    std::optional<date::sys_days> until;
    std::string place;  ///< country, city or university
    std::string note;

    /// True when the situation lasts on `d`.
    [[nodiscard]] bool open_on(date::sys_days d) const noexcept {
        return from <= d && (!until || d < *until);
    }

    friend bool operator==(abroad_record const&, abroad_record const&) = default;
};

/// One contact of the organisation with a member abroad (联系: a call, a letter, a report received).
struct abroad_contact {
    member_id member;
    date::sys_days date{};
    std::string channel;  ///< e.g. "电话", "邮件", "视频"
    std::string note;

    friend bool operator==(abroad_contact const&, abroad_contact const&) = default;
};

/// Validates a record on `as_of` for a member admitted on `admitted`.
/// \throws invalid_input naming the field: member (invalid id), from (after `as_of` or before
///         admission), until (not after `from`, or after `as_of`).
inline void validate_abroad_record(abroad_record const& r, date::sys_days admitted, date::sys_days as_of) {
    if (!r.member.valid()) throw invalid_input("member", "invalid member id");
    if (r.from > as_of)
        throw invalid_input(
            "from", "start " + format_date(r.from) + " is after the recording date " + format_date(as_of));
    if (r.from < admitted)
        throw invalid_input("from", "start " + format_date(r.from) + " is before the admission date " +
                                        format_date(admitted));
    if (r.until && *r.until <= r.from)
        throw invalid_input(
            "until", "end " + format_date(*r.until) + " is not after the start " + format_date(r.from));
    if (r.until && *r.until > as_of)
        throw invalid_input(
            "until", "end " + format_date(*r.until) + " is after the recording date " + format_date(as_of));
}

/// Validates a contact on `as_of` against the member's records: it must fall while a study record
/// lasts (contacts of the half-yearly rule are with members studying abroad).
/// \throws invalid_input{"date"} when after `as_of` or outside every study record of the member.
inline void validate_abroad_contact(abroad_contact const& c, std::span<abroad_record const> records,
                                    date::sys_days as_of) {
    if (!c.member.valid()) throw invalid_input("member", "invalid member id");
    if (c.date > as_of)
        throw invalid_input("date", "contact dated " + format_date(c.date) + ", after the recording date " +
                                        format_date(as_of));
    bool const abroad = std::any_of(records.begin(), records.end(), [&](abroad_record const& r) {
        return r.member == c.member && r.kind == abroad_kind::study && r.open_on(c.date);
    });
    if (!abroad)
        throw invalid_input("date", "no study-abroad record of member " + std::to_string(c.member.value()) +
                                        " lasts on " + format_date(c.date));
}

/// The first day a study-abroad record counts as "more than 5 years without returning": the day after
/// the `abroad_suspend_years` anniversary of leaving.
[[nodiscard]] inline date::sys_days abroad_suspend_from(abroad_record const& r, rule_set const& rules) {
    if (r.kind == abroad_kind::settled) return r.from;
    return add_years(r.from, rules.mobility.abroad_suspend_years) + date::days{1};
}

/// The day the next contact with a member studying abroad is due: `abroad_contact_interval_months`
/// after the later of leaving and the last contact on or before `as_of`.
[[nodiscard]] inline date::sys_days abroad_contact_due(abroad_record const& r,
                                                       std::span<abroad_contact const> contacts,
                                                       date::sys_days as_of, rule_set const& rules) {
    auto last = r.from;
    for (auto const& c : contacts)
        if (c.member == r.member && c.date <= as_of && c.date > last) last = c.date;
    return add_months(last, rules.mobility.abroad_contact_interval_months);
}

/// Agenda items of one record on `as_of` (nothing when the record does not last on `as_of`):
/// - settled: `abroad.suspend_candidate`, a finding dated `from` (abroad.suspend_emigrated_or_5_years);
/// - study: `abroad.suspend_candidate` dated `abroad_suspend_from` (upcoming from
///   `mobility_notice_months` before, due on it, overdue after), and `abroad.contact_due` dated
///   `abroad_contact_due` (abroad.contact_half_yearly), same statuses;
/// - graduate: `abroad.graduate_relationship_due` dated on the `graduate_relationship_max_years`
///   anniversary (abroad.graduate_relationship_2_years), same statuses.
/// \param org the organisation keeping the member's relationship; \param name the member's name.
/// The caller passes only members in normal standing (a suspended member is not suspended again).
[[nodiscard]] inline std::vector<agenda_item> abroad_agenda(abroad_record const& r,
                                                            std::span<abroad_contact const> contacts,
                                                            org_id org, std::string const& name,
                                                            date::sys_days as_of, rule_set const& rules) {
    std::vector<agenda_item> items;
    if (!r.open_on(as_of)) return items;
    auto const notice = rules.mobility.mobility_notice_months;
    auto dated = [&](std::string kind, date::sys_days due, std::string rule, std::string msg,
                     std::string zh) {
        if (as_of < add_months(due, -notice)) return;
        items.push_back(agenda_item{std::move(kind), org, r.member, name, due, status_for(due, as_of),
                                    std::move(rule), std::move(msg), std::nullopt, std::move(zh)});
    };
    switch (r.kind) {
        case abroad_kind::settled:
            items.push_back(agenda_item{"abroad.suspend_candidate", org, r.member, name, r.from,
                                        agenda_status::finding, "abroad.suspend_emigrated_or_5_years",
                                        "settled abroad privately since " + format_date(r.from) +
                                            ": generally suspend party membership (停止党籍)",
                                        std::nullopt,
                                        format_date(r.from) + "起私自出国定居: 一般应停止党籍"});
            break;
        case abroad_kind::study: {
            auto const from = abroad_suspend_from(r, rules);
            dated("abroad.suspend_candidate", from, "abroad.suspend_emigrated_or_5_years",
                  "studying abroad since " + format_date(r.from) + " without returning: more than " +
                      std::to_string(rules.mobility.abroad_suspend_years) + " years from " +
                      format_date(from) + "; generally suspend party membership (停止党籍)",
                  format_date(r.from) + "起出国学习未归, " + format_date(from) + "起超过" +
                      std::to_string(rules.mobility.abroad_suspend_years) + "年: 一般应停止党籍");
            auto const due = abroad_contact_due(r, contacts, as_of, rules);
            dated("abroad.contact_due", due, "abroad.contact_half_yearly",
                  "member studying abroad: contact at least once every " +
                      std::to_string(rules.mobility.abroad_contact_interval_months) + " months, next by " +
                      format_date(due),
                  "出国学习研究党员每" + std::to_string(rules.mobility.abroad_contact_interval_months) +
                      "个月至少联系一次, 下次应在" + format_date(due) + "前");
            break;
        }
        case abroad_kind::graduate: {
            auto const due = add_years(r.from, rules.mobility.graduate_relationship_max_years);
            dated("abroad.graduate_relationship_due", due, "abroad.graduate_relationship_2_years",
                  "graduated " + format_date(r.from) + "; the university keeps the relationship at most " +
                      std::to_string(rules.mobility.graduate_relationship_max_years) +
                      " years: transfer it by " + format_date(due),
                  format_date(r.from) + "毕业, 组织关系在学校保留一般不超过" +
                      std::to_string(rules.mobility.graduate_relationship_max_years) + "年: 应在" +
                      format_date(due) + "前转出");
            break;
        }
    }
    return items;
}

}  // namespace dangyuan
