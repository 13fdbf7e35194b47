#pragma once
// Internal to src/storage: the plausibility checks every repository applies before it writes — no event
// dated after the date of recording, text without control characters and within its length cap. They
// are data-integrity bounds, not rules of the Party's regulations; those live in the headers.

#include <date/date.h>

#include <cstddef>
#include <optional>
#include <string_view>

#include "dangyuan/development/steps.hpp"
#include "dangyuan/life/meetings.hpp"
#include "dangyuan/mobility/certificate.hpp"
#include "dangyuan/storage/store.hpp"

namespace dangyuan::storage {

/// Length caps, in characters (Unicode code points), of the stored text fields (docs/reliability.md).
namespace text_cap {
inline constexpr std::size_t name = 50;         ///< a person's name (姓名)
inline constexpr std::size_t org_name = 100;    ///< an organisation's name
inline constexpr std::size_t short_text = 100;  ///< post, native place, portfolio, certificate numbers …
inline constexpr std::size_t phone = 30;        ///< a phone number
inline constexpr std::size_t long_text = 500;   ///< work unit, address, decided by, document references
inline constexpr std::size_t note = 2000;       ///< free text: reasons, conclusions, topics, notes
}  // namespace text_cap

/// The earliest admission date (入党日期) a record may carry: the founding of the Party, 1921-07-01.
inline constexpr date::sys_days earliest_admission = date::sys_days{date::year{1921} / 7 / 1};

/// The earliest birth date a record may carry: 1870-01-01 (the oldest founders were born in the 1870s).
inline constexpr date::sys_days earliest_birth = date::sys_days{date::year{1870} / 1 / 1};

/// \throws rule_violation record.not_in_future when `d` is after `s.today()`, naming `field`.
void check_not_in_future(store const& s, date::sys_days d, std::string_view field);
void check_not_in_future(store const& s, std::optional<date::sys_days> d, std::string_view field);

/// \throws invalid_input{field} when `value` is not valid UTF-8, holds a NUL or another control
///         character (tab and newline are allowed when `multiline`), or has more than `max_chars`
///         characters.
void check_text(std::string_view value, std::string_view field, std::size_t max_chars,
                bool multiline = false);

/// The member checks: every text field, admission not before 1921-07-01, no date after today.
void check_member_record(store const& s, member const& m);
/// The same with the date of recording given: reads nothing else, so that the checks of a large batch
/// can run on several threads.
void check_member_record(member const& m, date::sys_days today);

/// The organisation checks: its name, and establishment and term start not after today.
void check_org_record(store const& s, org_unit const& o);

/// A development step: its date not after today, its text fields within their caps.
void check_step_record(store const& s, step_record const& r);

/// A certificate issue (流动党员活动证): issue date, name, destination, reason.
void check_certificate_issue(store const& s, certificate_issue const& c);
/// A meeting: its date not after today, its topic within the cap.
void check_meeting(store const& s, meeting const& m);

}  // namespace dangyuan::storage
