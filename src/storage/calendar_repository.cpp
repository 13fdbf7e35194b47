// Official holiday data loaded into the store (table holiday_data, schema 9).
//
// The built-in national calendar stops at the last notice the library shipped with; each year the State
// Council publishes the next one. A store keeps the texts it was given and replays them, in load order,
// over the built-in calendar, so every working-day rule of the store sees the same days.

#include <set>
#include <sstream>

#include "access.hpp"
#include "impl.hpp"
#include "rows.hpp"

namespace dangyuan {
namespace {

// The years a text defines ("year N" lines), checked by loading it into an empty calendar.
std::set<int> years_of(std::string_view text) {
    work_calendar probe;
    probe.load(text);
    auto const ys = probe.years();
    return {ys.begin(), ys.end()};
}

std::string join(std::set<int> const& ys) {
    std::string out;
    for (int y : ys)
        out += (out.empty() ? "" : ",") + std::to_string(y);
    return out;
}

}  // namespace

work_calendar store::calendar() const {
    auto cal = work_calendar::china();
    storage::in_read("reading holiday data", [&] {
        sql::statement st(impl_->db, "SELECT definition FROM holiday_data ORDER BY id");
        while (st.step())
            cal.load(st.column(0).as_string(), on_existing_year::replace);
    });
    return cal;
}

std::vector<std::pair<int, std::string>> store::loaded_holiday_years() const {
    std::vector<std::pair<int, std::string>> out;
    storage::in_read("reading holiday data", [&] {
        sql::statement st(impl_->db, "SELECT years, source FROM holiday_data ORDER BY id");
        while (st.step()) {
            std::istringstream ys(st.column(0).as_string());
            for (std::string y; std::getline(ys, y, ',');)
                out.emplace_back(std::stoi(y), st.column(1).as_string());
        }
    });
    return out;
}

void store::load_holidays(std::string_view text, std::string_view source, on_existing_year known,
                          std::string_view why) {
    storage::call const c(*this);
    storage::require_store_wide(*this, permission::manage_profiles);
    if (source.empty())
        throw invalid_input("source",
                            "name the notice the holiday data comes from (e.g. 国办发明电〔2026〕12号)");
    auto const years = years_of(text);  // invalid_input{"holiday_data"} for malformed data
    if (years.empty()) throw invalid_input("holiday_data", "the data defines no year ('year N' line)");
    auto cal = calendar();
    if (known == on_existing_year::reject) {
        std::set<int> known_years;
        for (int y : years)
            if (cal.has_year(y)) known_years.insert(y);
        if (!known_years.empty())
            throw conflict("the store already has holiday data for " + join(known_years) +
                           "; load it as a correction (replace) to change it");
    }
    cal.load(text, on_existing_year::replace);  // the result must hold together with the other years
    storage::in_read("loading holiday data", [&] {
        storage::in_transaction(impl_->db, [&] {
            sql::statement ins(
                impl_->db,
                "INSERT INTO holiday_data(years, definition, source) VALUES(:years, :definition, :source)");
            ins.bind(":years", join(years));
            ins.bind(":definition", std::string(text));
            ins.bind(":source", std::string(source));
            ins.exec();
            storage::append_audit(
                impl_->db, impl_->audit_actor, "calendar", impl_->db.last_insert_id(),
                known == on_existing_year::replace ? "holidays_corrected" : "holidays_loaded", why,
                "years=" + join(years) + "; source=" + std::string(source));
        });
    });
}

}  // namespace dangyuan
