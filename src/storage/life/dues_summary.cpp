// The dues collected per month in a scope: one grouped read of the payments table (its index on
// collecting_org, paid_on), the months without payments filled in here.

#include "dangyuan/storage/dues_summary.hpp"

#include "../access.hpp"
#include "life_rows.hpp"

namespace dangyuan {

using namespace storage::life_rows;

std::vector<dues_month_total> dues_collected_by_month(store const& s, date::sys_days from, date::sys_days to,
                                                      scope requested) {
    storage::call const c(s);
    auto const sc = storage::visible_scope(s, requested);
    if (to < from)
        throw invalid_input("to", "period ends " + format_iso(to) + ", before it starts " + format_iso(from));
    auto& impl = impl_of(s);
    return storage::in_read("summing dues payments", [&]() -> std::vector<dues_month_total> {
        auto const ids = storage::scope_org_ids(impl.db, sc);
        std::vector<dues_month_total> out;
        auto const first = date::year_month_day{from}.year() / date::year_month_day{from}.month();
        auto const last = date::year_month_day{to}.year() / date::year_month_day{to}.month();
        for (auto m = first; m <= last; m += date::months{1})
            out.push_back({m, fen{}, 0});
        // paid_on is ISO text, so its first seven characters are the month.
        sql::statement st(impl.db,
                          "SELECT collecting_org, substr(paid_on, 1, 7), sum(amount_fen), count(*) "
                          "FROM life_dues_payments WHERE paid_on >= :from AND paid_on <= :to "
                          "GROUP BY collecting_org, substr(paid_on, 1, 7)");
        st.bind(":from", format_iso(from));
        st.bind(":to", format_iso(to));
        while (st.step()) {
            if (!in(ids, st.column(0).as_int64())) continue;
            auto const month = column_month(st, 1, "paid_on");
            if (!month || *month < first || *month > last) continue;
            auto& row = out[static_cast<std::size_t>((*month - first).count())];
            row.amount = row.amount + fen{st.column(2).as_int64()};
            row.payments += st.column(3).as_int64();
        }
        return out;
    });
}

}  // namespace dangyuan
