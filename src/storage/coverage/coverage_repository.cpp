// Coverage of units by party organisations (两新组织党建覆盖): the register of units, headcounts, the
// organisations and instructors covering units, members' work in units, the statistics of a year and the
// agenda items. Every command checks the new record with the pure rules (coverage/coverage.hpp) before
// its transaction opens, so a refused command writes nothing.

#include <algorithm>
#include <map>
#include <set>

#include "../access.hpp"
#include "../member_rows.hpp"
#include "../plausibility.hpp"
#include "../rows.hpp"
#include "coverage_rows.hpp"
#include "dangyuan/coverage/coverage_agenda.hpp"

namespace dangyuan {

namespace {

using storage::col_text;
using storage::format_iso;
using storage::raw;

constexpr char const* unit_columns =
    "id, name, credit_code, sector, responsible_id, registered_on, closed_on, note";

unit_record read_unit(sql::statement& st) {
    unit_record u;
    u.id = unit_id{st.column(0).as_int64()};
    u.name = col_text(st, 1);
    u.credit_code = col_text(st, 2);
    u.sector = storage::stored_enum<unit_sector>(col_text(st, 3), "coverage_units.sector");
    u.responsible = org_id{st.column(4).as_int64()};
    u.registered_on = storage::col_date(st, 5, "coverage_units.registered_on");
    u.closed_on = storage::column_date(st, 6, "coverage_units.closed_on");
    u.note = col_text(st, 7);
    return u;
}

unit_record load_unit(sql::database& db, unit_id id) {
    sql::statement st(db, std::string("SELECT ") + unit_columns + " FROM coverage_units WHERE id = :id");
    st.bind(":id", raw(id));
    if (!st.step()) throw not_found("no unit with id " + std::to_string(id.value()));
    return read_unit(st);
}

constexpr char const* link_columns = "id, unit_id, org_id, form, from_on, to_on, note";

coverage_link read_link(sql::statement& st) {
    coverage_link l;
    l.id = coverage_link_id{st.column(0).as_int64()};
    l.unit = unit_id{st.column(1).as_int64()};
    l.org = org_id{st.column(2).as_int64()};
    l.form = storage::stored_enum<coverage_form>(col_text(st, 3), "coverage_links.form");
    l.since = storage::col_date(st, 4, "coverage_links.from_on");
    l.until = storage::column_date(st, 5, "coverage_links.to_on");
    l.note = col_text(st, 6);
    return l;
}

std::vector<coverage_link> links_where(sql::database& db, char const* column, std::int64_t id) {
    sql::statement st(db, std::string("SELECT ") + link_columns + " FROM coverage_links WHERE " + column +
                              " = :id ORDER BY from_on, id");
    st.bind(":id", id);
    std::vector<coverage_link> out;
    while (st.step())
        out.push_back(read_link(st));
    return out;
}

constexpr char const* instructor_columns = "id, unit_id, instructor, member_id, from_on, to_on, note";

instructor_assignment read_instructor(sql::statement& st) {
    instructor_assignment a;
    a.id = instructor_id{st.column(0).as_int64()};
    a.unit = unit_id{st.column(1).as_int64()};
    a.instructor = col_text(st, 2);
    if (!st.column(3).is_null()) a.member = member_id{st.column(3).as_int64()};
    a.since = storage::col_date(st, 4, "coverage_instructors.from_on");
    a.until = storage::column_date(st, 5, "coverage_instructors.to_on");
    a.note = col_text(st, 6);
    return a;
}

std::vector<instructor_assignment> instructors_of(sql::database& db, unit_id u) {
    sql::statement st(db, std::string("SELECT ") + instructor_columns +
                              " FROM coverage_instructors WHERE unit_id = :id ORDER BY from_on, id");
    st.bind(":id", raw(u));
    std::vector<instructor_assignment> out;
    while (st.step())
        out.push_back(read_instructor(st));
    return out;
}

constexpr char const* member_unit_columns = "id, member_id, unit_id, from_on, to_on";

member_unit_link read_member_unit(sql::statement& st) {
    member_unit_link l;
    l.id = member_unit_id{st.column(0).as_int64()};
    l.member = member_id{st.column(1).as_int64()};
    l.unit = unit_id{st.column(2).as_int64()};
    l.since = storage::col_date(st, 3, "coverage_member_units.from_on");
    l.until = storage::column_date(st, 4, "coverage_member_units.to_on");
    return l;
}

std::vector<member_unit_link> member_units_where(sql::database& db, char const* column, std::int64_t id) {
    sql::statement st(db, std::string("SELECT ") + member_unit_columns +
                              " FROM coverage_member_units WHERE " + column + " = :id ORDER BY from_on, id");
    st.bind(":id", id);
    std::vector<member_unit_link> out;
    while (st.step())
        out.push_back(read_member_unit(st));
    return out;
}

member unit_load_member(sql::database& db, member_id m) {
    auto found = storage::members_of(db, {m});
    auto const it = found.find(raw(m));
    if (it == found.end()) throw not_found("no member with id " + std::to_string(m.value()));
    return std::move(it->second);
}

// The last days of every link of unit `u` (nothing for an open one): what closing the unit checks.
std::vector<std::optional<date::sys_days>> link_ends(sql::database& db, unit_id u) {
    sql::statement st(db,
                      "SELECT to_on FROM coverage_links WHERE unit_id = :u UNION ALL SELECT to_on FROM "
                      "coverage_instructors WHERE unit_id = :u UNION ALL SELECT to_on FROM "
                      "coverage_member_units WHERE unit_id = :u");
    st.bind(":u", raw(u));
    std::vector<std::optional<date::sys_days>> out;
    while (st.step())
        out.push_back(storage::column_date(st, 0, "to_on"));
    return out;
}

// The facts of the units with these ids (links, instructors, members with their full-member and exit
// dates and their standing events), by unit id.
std::map<std::int64_t, coverage_unit_facts> facts_of(sql::database& db, std::vector<unit_record> units) {
    std::map<std::int64_t, coverage_unit_facts> out;
    std::vector<std::int64_t> ids;
    for (auto& u : units) {
        ids.push_back(u.id.value());
        out[u.id.value()].unit = std::move(u);
    }
    if (ids.empty()) return out;
    auto const set = storage::json_ids(ids);
    sql::statement ls(db, std::string("SELECT ") + link_columns + " FROM coverage_links WHERE unit_id " +
                              storage::in_id_set + " ORDER BY from_on, id");
    ls.bind(":ids", set);
    while (ls.step()) {
        auto l = read_link(ls);
        out[l.unit.value()].links.push_back(std::move(l));
    }
    sql::statement is(db, std::string("SELECT ") + instructor_columns +
                              " FROM coverage_instructors WHERE unit_id " + storage::in_id_set +
                              " ORDER BY from_on, id");
    is.bind(":ids", set);
    while (is.step()) {
        auto a = read_instructor(is);
        out[a.unit.value()].instructors.push_back(std::move(a));
    }
    sql::statement ms(db,
                      "SELECT l.id, l.member_id, l.unit_id, l.from_on, l.to_on, m.full_member_date, "
                      "m.exit_date FROM coverage_member_units l JOIN members m ON m.id = l.member_id WHERE "
                      "l.unit_id " +
                          std::string(storage::in_id_set) + " ORDER BY l.from_on, l.id");
    ms.bind(":ids", set);
    std::vector<unit_member_facts> members;
    while (ms.step()) {
        unit_member_facts f;
        f.link = read_member_unit(ms);
        f.full_member_date = storage::column_date(ms, 5, "members.full_member_date");
        f.exit_date = storage::column_date(ms, 6, "members.exit_date");
        members.push_back(std::move(f));
    }
    // The members' standing (党籍): a suspended member does not count as a full member.
    std::vector<member_id> member_ids;
    for (auto const& f : members)
        member_ids.push_back(f.link.member);
    auto const standing = storage::standing_histories_of(db, member_ids);
    for (auto& f : members) {
        f.standing_events = standing.history(f.link.member);
        out[f.link.unit.value()].members.push_back(std::move(f));
    }
    return out;
}

std::vector<unit_record> units_in(sql::database& db, std::vector<std::int64_t> const& org_ids) {
    sql::statement st(db, std::string("SELECT ") + unit_columns +
                              " FROM coverage_units WHERE responsible_id " + storage::in_id_set +
                              " ORDER BY id");
    st.bind(":ids", storage::json_ids(org_ids));
    std::vector<unit_record> out;
    while (st.step())
        out.push_back(read_unit(st));
    return out;
}

std::string link_text(date::sys_days from) {
    return "from=" + format_iso(from);
}

}  // namespace

// --- the register

unit_id add_unit(store& s, unit_record const& given, std::string_view why) {
    storage::call const guard(s);
    storage::require(s, permission::manage_organisations, given.responsible);
    auto& impl = storage::impl_of(s);
    auto u = given;
    u.credit_code = normalise_credit_code(u.credit_code);
    return storage::in_read("adding a unit", [&]() -> unit_id {
        storage::check_not_in_future(s, u.registered_on, "registered_on");
        if (u.closed_on) storage::check_not_in_future(s, *u.closed_on, "closed_on");
        storage::check_text(u.name, "name", storage::text_cap::org_name);
        storage::check_text(u.note, "note", storage::text_cap::note, true);
        (void)s.org(u.responsible);
        check_unit(u);
        sql::statement dup(
            impl.db, std::string("SELECT ") + unit_columns + " FROM coverage_units WHERE credit_code = :c");
        dup.bind(":c", u.credit_code);
        check_credit_code_unique(u, dup.step() ? std::optional{read_unit(dup)} : std::nullopt);
        return storage::in_transaction(impl.db, [&] {
            sql::statement ins(impl.db,
                               "INSERT INTO coverage_units(name, credit_code, sector, responsible_id, "
                               "registered_on, closed_on, note) VALUES(:n, :c, :s, :r, :d, :x, :note)");
            ins.bind(":n", u.name);
            ins.bind(":c", u.credit_code);
            ins.bind(":s", std::string(to_string(u.sector)));
            ins.bind(":r", raw(u.responsible));
            ins.bind(":d", format_iso(u.registered_on));
            if (u.closed_on)
                ins.bind(":x", format_iso(*u.closed_on));
            else
                ins.bind(":x");
            ins.bind(":note", u.note);
            ins.exec();
            unit_id const id{impl.db.last_insert_id()};
            storage::append_audit(impl.db, impl.audit_actor, "coverage", id.value(), "unit_added", why,
                                  "name=" + u.name + "; code=" + u.credit_code +
                                      "; sector=" + std::string(to_string(u.sector)) +
                                      "; responsible=" + std::to_string(u.responsible.value()) +
                                      "; date=" + format_iso(u.registered_on));
            return id;
        });
    });
}

void close_unit(store& s, unit_id id, date::sys_days on, std::string_view why) {
    storage::call const guard(s);
    auto& impl = storage::impl_of(s);
    auto const u = storage::in_read("closing a unit", [&] { return load_unit(impl.db, id); });
    storage::require(s, permission::manage_organisations, u.responsible);
    storage::in_read("closing a unit", [&] {
        storage::check_not_in_future(s, on, "date");
        auto const ends = link_ends(impl.db, id);
        check_unit_closing(u, on, ends);
        storage::in_transaction(impl.db, [&] {
            sql::statement up(
                impl.db, "UPDATE coverage_units SET closed_on = :d WHERE id = :id AND closed_on IS NULL");
            up.bind(":d", format_iso(on));
            up.bind(":id", raw(id));
            if (up.exec() != 1)
                throw conflict("unit " + std::to_string(id.value()) +
                               " was closed by someone else meanwhile; reload and try again");
            storage::append_audit(impl.db, impl.audit_actor, "coverage", id.value(), "unit_closed", why,
                                  "date=" + format_iso(on));
        });
    });
}

void record_unit_employees(store& s, unit_headcount const& h, std::string_view why) {
    storage::call const guard(s);
    auto& impl = storage::impl_of(s);
    auto const u =
        storage::in_read("recording a unit's employees", [&] { return load_unit(impl.db, h.unit); });
    storage::require(s, permission::manage_organisations, u.responsible);
    storage::in_read("recording a unit's employees", [&] {
        storage::check_not_in_future(s, h.on, "date");
        if (h.employees < 0)
            throw invalid_input("employees",
                                "a unit has 0 or more employees, not " + std::to_string(h.employees));
        check_unit_exists(u, h.on, "the headcount");
        storage::in_transaction(impl.db, [&] {
            sql::statement ins(impl.db,
                               "INSERT INTO coverage_headcounts(unit_id, date, employees) VALUES(:u, :d, :n) "
                               "ON CONFLICT(unit_id, date) DO UPDATE SET employees = excluded.employees");
            ins.bind(":u", raw(h.unit));
            ins.bind(":d", format_iso(h.on));
            ins.bind(":n", h.employees);
            ins.exec();
            storage::append_audit(impl.db, impl.audit_actor, "coverage", h.unit.value(), "employees", why,
                                  "date=" + format_iso(h.on) + "; employees=" + std::to_string(h.employees));
        });
    });
}

unit_record get_unit(store const& s, unit_id id) {
    storage::call const guard(s);
    auto& impl = storage::impl_of(s);
    auto u = storage::in_read("reading a unit", [&] { return load_unit(impl.db, id); });
    storage::require(s, permission::read_roster, u.responsible);
    return u;
}

std::optional<unit_record> unit_by_code(store const& s, std::string_view code) {
    storage::call const guard(s);
    auto& impl = storage::impl_of(s);
    auto const c = normalise_credit_code(code);
    auto u = storage::in_read("reading a unit", [&]() -> std::optional<unit_record> {
        sql::statement st(
            impl.db, std::string("SELECT ") + unit_columns + " FROM coverage_units WHERE credit_code = :c");
        st.bind(":c", c);
        if (!st.step()) return std::nullopt;
        return read_unit(st);
    });
    if (u) storage::require(s, permission::read_roster, u->responsible);
    return u;
}

std::vector<unit_record> units(store const& s, scope requested) {
    storage::call const guard(s);
    auto const sc = storage::visible_scope(s, requested);
    auto& impl = storage::impl_of(s);
    return storage::in_read("listing units",
                            [&] { return units_in(impl.db, storage::scope_org_ids(impl.db, sc)); });
}

std::vector<unit_headcount> unit_headcounts(store const& s, unit_id id) {
    (void)get_unit(s, id);
    storage::call const guard(s);
    auto& impl = storage::impl_of(s);
    return storage::in_read("reading a unit's employees", [&] {
        sql::statement st(impl.db,
                          "SELECT date, employees FROM coverage_headcounts WHERE unit_id = :u ORDER BY date");
        st.bind(":u", raw(id));
        std::vector<unit_headcount> out;
        while (st.step())
            out.push_back({id, storage::col_date(st, 0, "coverage_headcounts.date"), st.column(1).as_int()});
        return out;
    });
}

// --- coverage by organisations

coverage_link_id cover_unit(store& s, unit_id unit, org_id org, date::sys_days from, std::string const& note,
                            std::string_view why) {
    storage::call const guard(s);
    auto& impl = storage::impl_of(s);
    auto const u = storage::in_read("recording a unit's coverage", [&] { return load_unit(impl.db, unit); });
    storage::require(s, permission::manage_organisations, u.responsible);
    storage::require(s, permission::manage_organisations, org);
    return storage::in_read("recording a unit's coverage", [&]() -> coverage_link_id {
        storage::check_not_in_future(s, from, "date");
        storage::check_text(note, "note", storage::text_cap::note, true);
        auto const o = s.org(org);
        auto const earlier = links_where(impl.db, "unit_id", raw(unit));
        check_coverage(u, o, from, earlier);
        auto const form = form_of(o.kind);
        return storage::in_transaction(impl.db, [&] {
            sql::statement ins(impl.db,
                               "INSERT INTO coverage_links(unit_id, org_id, form, from_on, note) "
                               "VALUES(:u, :o, :f, :d, :note)");
            ins.bind(":u", raw(unit));
            ins.bind(":o", raw(org));
            ins.bind(":f", std::string(to_string(form)));
            ins.bind(":d", format_iso(from));
            ins.bind(":note", note);
            ins.exec();
            coverage_link_id const id{impl.db.last_insert_id()};
            storage::append_audit(impl.db, impl.audit_actor, "coverage", unit.value(), "covered", why,
                                  "link=" + std::to_string(id.value()) +
                                      "; org=" + std::to_string(org.value()) +
                                      "; form=" + std::string(to_string(form)) + "; " + link_text(from));
            return id;
        });
    });
}

void end_coverage(store& s, coverage_link_id id, date::sys_days on, std::string_view why) {
    storage::call const guard(s);
    auto& impl = storage::impl_of(s);
    auto const lu = storage::in_read("ending a unit's coverage", [&] {
        sql::statement st(impl.db,
                          std::string("SELECT ") + link_columns + " FROM coverage_links WHERE id = :id");
        st.bind(":id", raw(id));
        if (!st.step()) throw not_found("no coverage with id " + std::to_string(id.value()));
        auto link = read_link(st);
        return std::pair{link, load_unit(impl.db, link.unit)};
    });
    auto const& l = lu.first;
    auto const& u = lu.second;
    storage::require(s, permission::manage_organisations, u.responsible);
    storage::in_read("ending a unit's coverage", [&] {
        storage::check_not_in_future(s, on, "date");
        check_link_end("coverage", l.since, l.until, on);
        storage::in_transaction(impl.db, [&] {
            sql::statement up(impl.db,
                              "UPDATE coverage_links SET to_on = :d WHERE id = :id AND to_on IS NULL");
            up.bind(":d", format_iso(on));
            up.bind(":id", raw(id));
            if (up.exec() != 1)
                throw conflict("coverage " + std::to_string(id.value()) +
                               " was ended by someone else meanwhile; reload and try again");
            storage::append_audit(impl.db, impl.audit_actor, "coverage", u.id.value(), "coverage_ended", why,
                                  "link=" + std::to_string(id.value()) + "; to=" + format_iso(on));
        });
    });
}

std::vector<coverage_link> unit_coverage(store const& s, unit_id id) {
    (void)get_unit(s, id);
    storage::call const guard(s);
    auto& impl = storage::impl_of(s);
    return storage::in_read("reading a unit's coverage",
                            [&] { return links_where(impl.db, "unit_id", raw(id)); });
}

std::vector<coverage_link> units_covered_by(store const& s, org_id org) {
    storage::call const guard(s);
    (void)s.org(org);
    storage::require(s, permission::read_roster, org);
    auto& impl = storage::impl_of(s);
    return storage::in_read("reading an organisation's coverage",
                            [&] { return links_where(impl.db, "org_id", raw(org)); });
}

// --- instructors

instructor_id assign_instructor(store& s, instructor_assignment const& a, std::string_view why) {
    storage::call const guard(s);
    auto& impl = storage::impl_of(s);
    auto const u = storage::in_read("sending an instructor", [&] { return load_unit(impl.db, a.unit); });
    storage::require(s, permission::manage_organisations, u.responsible);
    return storage::in_read("sending an instructor", [&]() -> instructor_id {
        storage::check_not_in_future(s, a.since, "date");
        storage::check_text(a.instructor, "instructor", storage::text_cap::name, true);
        storage::check_text(a.note, "note", storage::text_cap::note, true);
        if (a.member) (void)unit_load_member(impl.db, *a.member);
        check_instructor(u, a);
        return storage::in_transaction(impl.db, [&] {
            sql::statement ins(
                impl.db,
                "INSERT INTO coverage_instructors(unit_id, instructor, member_id, from_on, note) "
                "VALUES(:u, :i, :m, :d, :note)");
            ins.bind(":u", raw(a.unit));
            ins.bind(":i", a.instructor);
            if (a.member)
                ins.bind(":m", raw(*a.member));
            else
                ins.bind(":m");
            ins.bind(":d", format_iso(a.since));
            ins.bind(":note", a.note);
            ins.exec();
            instructor_id const id{impl.db.last_insert_id()};
            storage::append_audit(impl.db, impl.audit_actor, "coverage", a.unit.value(), "instructor", why,
                                  "assignment=" + std::to_string(id.value()) +
                                      "; instructor=" + a.instructor + "; " + link_text(a.since));
            return id;
        });
    });
}

void end_instructor(store& s, instructor_id id, date::sys_days on, std::string_view why) {
    storage::call const guard(s);
    auto& impl = storage::impl_of(s);
    auto const au = storage::in_read("ending an instructor's assignment", [&] {
        sql::statement st(impl.db, std::string("SELECT ") + instructor_columns +
                                       " FROM coverage_instructors WHERE id = :id");
        st.bind(":id", raw(id));
        if (!st.step()) throw not_found("no instructor assignment with id " + std::to_string(id.value()));
        auto x = read_instructor(st);
        return std::pair{x, load_unit(impl.db, x.unit)};
    });
    auto const& a = au.first;
    auto const& u = au.second;
    storage::require(s, permission::manage_organisations, u.responsible);
    storage::in_read("ending an instructor's assignment", [&] {
        storage::check_not_in_future(s, on, "date");
        check_link_end("instructor", a.since, a.until, on);
        storage::in_transaction(impl.db, [&] {
            sql::statement up(impl.db,
                              "UPDATE coverage_instructors SET to_on = :d WHERE id = :id AND to_on IS NULL");
            up.bind(":d", format_iso(on));
            up.bind(":id", raw(id));
            if (up.exec() != 1)
                throw conflict("instructor assignment " + std::to_string(id.value()) +
                               " was ended by someone else meanwhile; reload and try again");
            storage::append_audit(impl.db, impl.audit_actor, "coverage", u.id.value(), "instructor_ended",
                                  why, "assignment=" + std::to_string(id.value()) + "; to=" + format_iso(on));
        });
    });
}

std::vector<instructor_assignment> unit_instructors(store const& s, unit_id id) {
    (void)get_unit(s, id);
    storage::call const guard(s);
    auto& impl = storage::impl_of(s);
    return storage::in_read("reading a unit's instructors", [&] { return instructors_of(impl.db, id); });
}

// --- members' units

member_unit_id link_member_unit(store& s, member_id m, unit_id unit, date::sys_days from,
                                std::string_view why) {
    storage::call const guard(s);
    auto& impl = storage::impl_of(s);
    auto const mu = storage::in_read("recording a member's unit", [&] {
        return std::pair{unit_load_member(impl.db, m), load_unit(impl.db, unit)};
    });
    auto const& mem = mu.first;
    auto const& u = mu.second;
    storage::require(s, permission::write_roster, mem.branch);
    return storage::in_read("recording a member's unit", [&]() -> member_unit_id {
        storage::check_not_in_future(s, from, "date");
        auto const earlier = member_units_where(impl.db, "member_id", raw(m));
        check_member_unit(u, from, earlier);
        return storage::in_transaction(impl.db, [&] {
            sql::statement ins(
                impl.db, "INSERT INTO coverage_member_units(member_id, unit_id, from_on) VALUES(:m, :u, :d)");
            ins.bind(":m", raw(m));
            ins.bind(":u", raw(unit));
            ins.bind(":d", format_iso(from));
            ins.exec();
            member_unit_id const id{impl.db.last_insert_id()};
            storage::append_audit(impl.db, impl.audit_actor, "coverage", unit.value(), "member_unit", why,
                                  "link=" + std::to_string(id.value()) +
                                      "; member=" + std::to_string(m.value()) + "; " + link_text(from));
            return id;
        });
    });
}

void end_member_unit(store& s, member_unit_id id, date::sys_days on, std::string_view why) {
    storage::call const guard(s);
    auto& impl = storage::impl_of(s);
    auto const lm = storage::in_read("ending a member's unit", [&] {
        sql::statement st(impl.db, std::string("SELECT ") + member_unit_columns +
                                       " FROM coverage_member_units WHERE id = :id");
        st.bind(":id", raw(id));
        if (!st.step()) throw not_found("no member's unit with id " + std::to_string(id.value()));
        auto x = read_member_unit(st);
        return std::pair{x, unit_load_member(impl.db, x.member)};
    });
    auto const& l = lm.first;
    auto const& mem = lm.second;
    storage::require(s, permission::write_roster, mem.branch);
    storage::in_read("ending a member's unit", [&] {
        storage::check_not_in_future(s, on, "date");
        check_link_end("member_unit", l.since, l.until, on);
        storage::in_transaction(impl.db, [&] {
            sql::statement up(impl.db,
                              "UPDATE coverage_member_units SET to_on = :d WHERE id = :id AND to_on IS NULL");
            up.bind(":d", format_iso(on));
            up.bind(":id", raw(id));
            if (up.exec() != 1)
                throw conflict("member's unit " + std::to_string(id.value()) +
                               " was ended by someone else meanwhile; reload and try again");
            storage::append_audit(impl.db, impl.audit_actor, "coverage", l.unit.value(), "member_unit_ended",
                                  why, "link=" + std::to_string(id.value()) + "; to=" + format_iso(on));
        });
    });
}

std::vector<member_unit_link> member_units_of(store const& s, member_id m) {
    storage::call const guard(s);
    auto& impl = storage::impl_of(s);
    auto const mem =
        storage::in_read("reading a member's units", [&] { return unit_load_member(impl.db, m); });
    storage::require(s, permission::read_roster, mem.branch);
    return storage::in_read("reading a member's units",
                            [&] { return member_units_where(impl.db, "member_id", raw(m)); });
}

std::vector<member_unit_link> unit_members(store const& s, unit_id id) {
    (void)get_unit(s, id);
    storage::call const guard(s);
    auto& impl = storage::impl_of(s);
    return storage::in_read("reading a unit's members",
                            [&] { return member_units_where(impl.db, "unit_id", raw(id)); });
}

// --- statistics

coverage_statistics coverage_statistics_of(store const& s, int year, scope requested) {
    storage::call const guard(s);
    auto const sc = storage::visible_scope(s, requested);
    auto& impl = storage::impl_of(s);
    return storage::in_read("counting the coverage of units", [&] {
        auto const day = make_date(year, 12, 31);
        coverage_statistics out;
        out.year = year;
        auto const facts = facts_of(impl.db, units_in(impl.db, storage::scope_org_ids(impl.db, sc)));
        // The covering organisations that held an organisational-life meeting in each quarter of the year.
        std::set<std::int64_t> covering;
        for (auto const& [id, f] : facts)
            if (f.unit.exists_on(day))
                if (auto const l = f.link_on(day)) covering.insert(l->org.value());
        std::set<std::int64_t> effective;
        if (!covering.empty()) {
            sql::statement st(
                impl.db, std::string("SELECT org_id FROM life_meetings WHERE org_id ") + storage::in_id_set +
                             " AND kind <> :talk AND date BETWEEN :from AND :to GROUP BY org_id HAVING "
                             "count(DISTINCT (CAST(substr(date, 6, 2) AS INTEGER) + 2) / 3) = 4");
            st.bind(":ids", storage::json_ids(covering));
            st.bind(":talk", std::string(to_string(meeting_kind::heart_to_heart_talk)));
            st.bind(":from", format_iso(make_date(year, 1, 1)));
            st.bind(":to", format_iso(day));
            while (st.step())
                effective.insert(st.column(0).as_int64());
        }
        std::vector<std::int64_t> existing;
        for (auto const& [id, f] : facts) {
            if (!f.unit.exists_on(day)) continue;
            existing.push_back(id);
            ++out.units;
            ++out.units_by_sector[static_cast<std::size_t>(f.unit.sector)];
            auto const l = f.link_on(day);
            int const members = f.members_on(day);
            bool const new_sector = is_new_sector(f.unit.sector);
            if (l && l->form == coverage_form::own)
                ++out.own_organisation;
            else if (l)
                ++out.joint_branch;
            else if (f.instructor_on(day))
                ++out.instructor_only;
            else
                ++out.uncovered;
            if (l && effective.count(l->org.value())) ++out.effective;
            if (!l && members > 0) ++out.members_no_organisation;
            if (f.should_establish_on(day)) ++out.establish_due;
            if (members == 0) ++out.no_members;
            out.members += members;
            if (new_sector) {
                ++out.new_sector_units;
                if (l) ++out.new_sector_covered;
                out.new_sector_members += members;
            }
        }
        if (!existing.empty()) {
            sql::statement st(impl.db,
                              std::string("SELECT coalesce(sum(h.employees), 0) FROM coverage_headcounts h "
                                          "WHERE h.unit_id ") +
                                  storage::in_id_set +
                                  " AND h.date = (SELECT max(g.date) FROM coverage_headcounts g WHERE "
                                  "g.unit_id = h.unit_id AND g.date <= :to)");
            st.bind(":ids", storage::json_ids(existing));
            st.bind(":to", format_iso(day));
            if (st.step()) out.employees = st.column(0).as_int64();
        }
        return out;
    });
}

namespace storage {

std::vector<agenda_item> coverage_agenda_items(store const& s, sql::database& db, date::sys_days as_of,
                                               std::vector<std::int64_t> const& org_ids, bool whole) {
    std::vector<agenda_item> items;
    // Units recorded by the agenda's date, not closed by then.
    sql::statement st(db, std::string("SELECT ") + unit_columns +
                              " FROM coverage_units WHERE registered_on <= :d AND (closed_on IS NULL OR "
                              "closed_on > :d)" +
                              (whole ? std::string() : std::string(" AND responsible_id ") + in_id_set) +
                              " ORDER BY id");
    st.bind(":d", format_iso(as_of));
    if (!whole) st.bind(":ids", json_ids(org_ids));
    std::vector<unit_record> us;
    while (st.step())
        us.push_back(read_unit(st));
    for (auto const& [id, f] : facts_of(db, std::move(us))) {
        // What was recorded after the agenda's date is not yet seen.
        auto seen = f;
        auto trim = [&](auto& v) {
            std::erase_if(v, [&](auto const& x) { return x.since > as_of; });
            for (auto& x : v)
                if (x.until && *x.until > as_of) x.until.reset();
        };
        trim(seen.links);
        trim(seen.instructors);
        std::erase_if(seen.members, [&](auto const& m) { return m.link.since > as_of; });
        for (auto& m : seen.members)
            if (m.link.until && *m.link.until > as_of) m.link.until.reset();
        for (auto& item : coverage_unit_agenda(seen, as_of, s.rules()))
            items.push_back(std::move(item));
    }
    // Joint branches that cover units of the register: fewer than two on the agenda's date.
    sql::statement js(db,
                      std::string("SELECT org_id, sum(CASE WHEN from_on <= :d AND (to_on IS NULL OR to_on "
                                  ">= :d) THEN 1 ELSE 0 END) FROM coverage_links WHERE form = 'joint' AND "
                                  "from_on <= :d") +
                          (whole ? std::string() : std::string(" AND org_id ") + in_id_set) +
                          " GROUP BY org_id ORDER BY org_id");
    js.bind(":d", format_iso(as_of));
    if (!whole) js.bind(":ids", json_ids(org_ids));
    std::vector<std::pair<org_id, int>> joint;
    while (js.step())
        joint.emplace_back(org_id{js.column(0).as_int64()}, js.column(1).as_int());
    for (auto const& [o, n] : joint)
        for (auto& item : joint_branch_agenda(impl_of(s).load_org(o), n, as_of))
            items.push_back(std::move(item));
    return items;
}

}  // namespace storage

}  // namespace dangyuan
