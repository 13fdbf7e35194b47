// The training ledger (党员教育培训): one row per line, and the yearly shortfall report of a branch read
// from the roster, the officers and the year's ledger in one query each.

#include <algorithm>

#include "../access.hpp"
#include "../plausibility.hpp"
#include "life_rows.hpp"

namespace dangyuan {

using namespace storage::life_rows;

void add_training(store& s, training_record const& r, date::sys_days as_of, std::string_view why) {
    storage::call const c(s);
    storage::require_member(s, permission::organisational_life, r.member);
    auto& impl = impl_of(s);
    storage::in_read("recording training", [&] {
        storage::check_text(r.course, "course", storage::text_cap::long_text);
        storage::check_text(r.provider, "provider", storage::text_cap::long_text);
        validate_training_record(r, as_of);
        storage::check_not_in_future(s, r.date, "date");
        (void)s.get_member(r.member);
        sql::statement dup(impl.db,
                           "SELECT 1 FROM life_training WHERE member_id = :member AND date = :date AND "
                           "course = :course");
        dup.bind(":member", raw(r.member));
        bind_date(dup, ":date", r.date);
        dup.bind(":course", r.course);
        if (dup.step())
            throw invalid_input("ledger", "'" + r.course + "' recorded twice for member " +
                                              std::to_string(r.member.value()) + " on " + format_iso(r.date));
        dup.reset();
        storage::in_transaction(impl.db, [&] {
            sql::statement ins(
                impl.db,
                "INSERT INTO life_training(member_id, date, course, hours_tenths, concentrated, "
                "provider, recorded_on, level) VALUES(:member, :date, :course, :hours, :concentrated, "
                ":provider, :recorded_on, :level)");
            ins.bind(":member", raw(r.member));
            bind_date(ins, ":date", r.date);
            ins.bind(":course", r.course);
            ins.bind(":hours", static_cast<std::int64_t>(r.hours.tenths()));
            ins.bind(":concentrated", r.concentrated ? 1 : 0);
            ins.bind(":provider", r.provider);
            bind_date(ins, ":recorded_on", as_of);
            ins.bind(":level", std::string(to_string(r.level)));
            ins.exec();
            storage::append_audit(
                impl.db, impl.audit_actor, "training", r.member.value(), "insert", why,
                "date=" + format_iso(r.date) + "; course=" + r.course +
                    "; hours=" + format_class_hours(r.hours) + (r.concentrated ? "; concentrated" : "") +
                    (r.provider.empty() ? "" : "; provider=" + r.provider) +
                    (r.level == training_level::unspecified ? ""
                                                            : "; level=" + std::string(to_string(r.level))));
        });
    });
}

std::vector<training_record> training_ledger(store const& s, member_id member, std::optional<int> year) {
    storage::call const c(s);
    storage::require_member(s, permission::read_roster, member);
    auto& impl = impl_of(s);
    return storage::in_read("reading a training ledger", [&]() -> std::vector<training_record> {
        (void)s.get_member(member);
        sql::statement st(
            impl.db, std::string("SELECT ") + training_columns +
                         " FROM life_training WHERE member_id = :member AND (CAST(:from AS TEXT) IS NULL OR "
                         "date BETWEEN :from AND :to) ORDER BY date, id");
        st.bind(":member", raw(member));
        bind_date(st, ":from", year ? std::optional(make_date(*year, 1, 1)) : std::nullopt);
        bind_date(st, ":to", year ? std::optional(make_date(*year, 12, 31)) : std::nullopt);
        std::vector<training_record> out;
        while (st.step())
            out.push_back(read_training(st));
        return out;
    });
}

training_report training_shortfall_report(store const& s, org_id org, int year, date::sys_days as_of) {
    storage::call const c(s);
    storage::require(s, permission::read_roster, org);
    if (year < 1 || year > 9999)
        throw invalid_input("year", std::to_string(year) + " is not a calendar year");
    auto& impl = impl_of(s);
    return storage::in_read("computing training shortfalls", [&]() -> training_report {
        auto const o = s.org(org);
        auto const day = std::min(as_of, make_date(year, 12, 31));
        auto const standing = standing_histories_in(s, scope::subtree(o.id));
        std::vector<member> members;
        for (auto& m : members_on(impl.db, day, scope::subtree(o.id), true))
            if (standing.normal(m, day)) members.push_back(std::move(m));
        auto const roster =
            training_roster(officers_between(impl.db, make_date(year, 1, 1), day), members, o.id);
        auto by_member = training_in_year(impl.db, year);
        std::vector<training_record> ledger;
        for (auto const& m : members)
            if (auto it = by_member.find(raw(m.id)); it != by_member.end())
                ledger.insert(ledger.end(), it->second.begin(), it->second.end());
        return training_shortfalls(o.id, year, roster, ledger, as_of, s.rules());
    });
}
}  // namespace dangyuan
