#pragma once
/// \file
/// The rule every record shares: it states what has happened, so it is not dated after the day it is
/// recorded (record.not_in_future). The store applies it with its clock (`store::today`, China's date by
/// default) to every write; the date of recording is an argument here, never read from a clock.

#include <date/date.h>

#include <string>
#include <string_view>

#include "dangyuan/core/calendar.hpp"
#include "dangyuan/rules/catalogue.hpp"

namespace dangyuan {

/// \throws rule_violation record.not_in_future when `d` is after `recorded_on`, naming `field`.
inline void check_not_in_future(date::sys_days d, date::sys_days recorded_on, std::string_view field) {
    if (d > recorded_on)
        throw violation("record.not_in_future",
                        std::string(field) + " " + format_date(d) + " is after the date of recording " +
                            format_date(recorded_on) + "; a record states what has happened");
}

}  // namespace dangyuan
