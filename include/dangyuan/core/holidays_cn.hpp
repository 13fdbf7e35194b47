#pragma once
/// \file
/// Built-in official holiday data of the People's Republic of China, 2020–2026, as text in the
/// `work_calendar` line format (documented in `work_calendar.hpp`), one string per notice year.
///
/// Source: the annual notices of the General Office of the State Council (国务院办公厅关于某年部分节假日
/// 安排的通知), published in the preceding year. The notice for year N may start a break in year N-1
/// (the 2023 New Year break begins 2022-12-31). Days off are the full breaks including the weekend days
/// they swallow; 2024 New Year and Dragon Boat list only the official weekday (与周末连休).
/// 2020 includes the COVID-19 extension of the Spring Festival break (国办发明电〔2020〕1号): off until
/// 2020-02-02, and the originally planned make-up workday 2020-02-01 was cancelled.

#include <array>
#include <string_view>

namespace dangyuan::detail {

/// One text per notice year, oldest first; parsed by `work_calendar::china()` on first use.
inline constexpr std::array<std::string_view, 7> holidays_cn_tables{
    R"(# 国办发明电〔2019〕16号, extended by 国办发明电〔2020〕1号
year 2020
off 2020-01-01 元旦
off 2020-01-24..2020-02-02 春节
workday 2020-01-19 春节
off 2020-04-04..2020-04-06 清明节
off 2020-05-01..2020-05-05 劳动节
workday 2020-04-26 劳动节
workday 2020-05-09 劳动节
off 2020-06-25..2020-06-27 端午节
workday 2020-06-28 端午节
off 2020-10-01..2020-10-08 国庆节、中秋节
workday 2020-09-27 国庆节、中秋节
workday 2020-10-10 国庆节、中秋节
)",
    R"(# 国办发明电〔2020〕27号
year 2021
off 2021-01-01..2021-01-03 元旦
off 2021-02-11..2021-02-17 春节
workday 2021-02-07 春节
workday 2021-02-20 春节
off 2021-04-03..2021-04-05 清明节
off 2021-05-01..2021-05-05 劳动节
workday 2021-04-25 劳动节
workday 2021-05-08 劳动节
off 2021-06-12..2021-06-14 端午节
off 2021-09-19..2021-09-21 中秋节
workday 2021-09-18 中秋节
off 2021-10-01..2021-10-07 国庆节
workday 2021-09-26 国庆节
workday 2021-10-09 国庆节
)",
    R"(# 国办发明电〔2021〕11号
year 2022
off 2022-01-01..2022-01-03 元旦
off 2022-01-31..2022-02-06 春节
workday 2022-01-29 春节
workday 2022-01-30 春节
off 2022-04-03..2022-04-05 清明节
workday 2022-04-02 清明节
off 2022-04-30..2022-05-04 劳动节
workday 2022-04-24 劳动节
workday 2022-05-07 劳动节
off 2022-06-03..2022-06-05 端午节
off 2022-09-10..2022-09-12 中秋节
off 2022-10-01..2022-10-07 国庆节
workday 2022-10-08 国庆节
workday 2022-10-09 国庆节
)",
    R"(# 国办发明电〔2022〕16号; the New Year break starts in 2022
year 2023
off 2022-12-31..2023-01-02 元旦
off 2023-01-21..2023-01-27 春节
workday 2023-01-28 春节
workday 2023-01-29 春节
off 2023-04-05 清明节
off 2023-04-29..2023-05-03 劳动节
workday 2023-04-23 劳动节
workday 2023-05-06 劳动节
off 2023-06-22..2023-06-24 端午节
workday 2023-06-25 端午节
off 2023-09-29..2023-10-06 中秋节、国庆节
workday 2023-10-07 中秋节、国庆节
workday 2023-10-08 中秋节、国庆节
)",
    R"(# 国办发明电〔2023〕7号; New Year and Dragon Boat list only the weekday (与周末连休)
year 2024
off 2024-01-01 元旦
off 2024-02-10..2024-02-17 春节
workday 2024-02-04 春节
workday 2024-02-18 春节
off 2024-04-04..2024-04-06 清明节
workday 2024-04-07 清明节
off 2024-05-01..2024-05-05 劳动节
workday 2024-04-28 劳动节
workday 2024-05-11 劳动节
off 2024-06-10 端午节
off 2024-09-15..2024-09-17 中秋节
workday 2024-09-14 中秋节
off 2024-10-01..2024-10-07 国庆节
workday 2024-09-29 国庆节
workday 2024-10-12 国庆节
)",
    R"(# 国办发明电〔2024〕12号 (document number from a single copy)
# first year under the amended 全国年节及纪念日放假办法
year 2025
off 2025-01-01 元旦
off 2025-01-28..2025-02-04 春节
workday 2025-01-26 春节
workday 2025-02-08 春节
off 2025-04-04..2025-04-06 清明节
off 2025-05-01..2025-05-05 劳动节
workday 2025-04-27 劳动节
off 2025-05-31..2025-06-02 端午节
off 2025-10-01..2025-10-08 国庆节、中秋节
workday 2025-09-28 国庆节、中秋节
workday 2025-10-11 国庆节、中秋节
)",
    R"(# 国办发明电〔2025〕7号 (document number from a single copy)
year 2026
off 2026-01-01..2026-01-03 元旦
workday 2026-01-04 元旦
off 2026-02-15..2026-02-23 春节
workday 2026-02-14 春节
workday 2026-02-28 春节
off 2026-04-04..2026-04-06 清明节
off 2026-05-01..2026-05-05 劳动节
workday 2026-05-09 劳动节
off 2026-06-19..2026-06-21 端午节
off 2026-09-25..2026-09-27 中秋节
off 2026-10-01..2026-10-07 国庆节
workday 2026-09-20 国庆节
workday 2026-10-10 国庆节
)",
};

}  // namespace dangyuan::detail
