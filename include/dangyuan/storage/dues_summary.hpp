#pragma once
/// \file
/// The party dues (党费) collected in a scope, month by month: what the dues chart of the statistics
/// workbook and `dangyuan.plot.dues_by_month` draw. A sum over the stored payments, no rule involved.

#include <date/date.h>

#include <cstdint>
#include <vector>

#include "dangyuan/core/money.hpp"
#include "dangyuan/storage/store.hpp"

namespace dangyuan {

/// The dues collected in one calendar month.
struct dues_month_total {
    date::year_month month{};   ///< the month the payments were made in (`dues_payment::paid_on`)
    fen amount{};               ///< their sum, regular and voluntary (自愿多交) payments alike
    std::int64_t payments = 0;  ///< how many payments

    friend bool operator==(dues_month_total const&, dues_month_total const&) = default;
};

/// The payments collected by the organisations in scope (`dues_payment::collecting_org`; a host
/// organisation's collection from a mobile member counts where it was collected) and made from `from`
/// to `to`, both included, summed by the month they were made in. Every month from `from`'s to `to`'s
/// is listed, in order, with zero when nothing was collected. The scope is narrowed to the principal's
/// subtree like every list (storage/access.hpp).
/// \throws invalid_input{"to"} when `to` is before `from`; not_found for an unknown scope root.
[[nodiscard]] std::vector<dues_month_total> dues_collected_by_month(store const& s, date::sys_days from,
                                                                    date::sys_days to,
                                                                    scope sc = scope::all());

}  // namespace dangyuan
