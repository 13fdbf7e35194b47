// In-service members in the community (在职党员进社区): registrations, service and the community's
// yearly feedback. Every command checks the new record with the pure rules (community/community.hpp)
// before its transaction opens, so a refused command writes nothing.

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "../access.hpp"
#include "../member_rows.hpp"
#include "../plausibility.hpp"
#include "../rows.hpp"
#include "community_rows.hpp"
#include "dangyuan/community/community_agenda.hpp"

namespace dangyuan {

namespace {

using storage::col_text;
using storage::format_iso;
using storage::raw;

constexpr char const* registration_columns = "id, member_id, community_id, registered_on, left_on, note";

community_registration read_registration(sql::statement& st) {
    community_registration r;
    r.id = registration_id{st.column(0).as_int64()};
    r.member = member_id{st.column(1).as_int64()};
    r.community = org_id{st.column(2).as_int64()};
    r.registered_on = storage::col_date(st, 3, "community_registrations.registered_on");
    r.left_on = storage::column_date(st, 4, "community_registrations.left_on");
    r.note = col_text(st, 5);
    return r;
}

std::vector<community_registration> registrations_of(sql::database& db, member_id m) {
    sql::statement st(db,
                      std::string("SELECT ") + registration_columns +
                          " FROM community_registrations WHERE member_id = :m ORDER BY registered_on, id");
    st.bind(":m", raw(m));
    std::vector<community_registration> out;
    while (st.step())
        out.push_back(read_registration(st));
    return out;
}

community_registration load_registration(sql::database& db, registration_id id) {
    sql::statement st(
        db, std::string("SELECT ") + registration_columns + " FROM community_registrations WHERE id = :id");
    st.bind(":id", raw(id));
    if (!st.step()) throw not_found("no community registration with id " + std::to_string(id.value()));
    return read_registration(st);
}

member load_member(sql::database& db, member_id m) {
    auto found = storage::members_of(db, {m});
    auto const it = found.find(raw(m));
    if (it == found.end()) throw not_found("no member with id " + std::to_string(m.value()));
    return std::move(it->second);
}

constexpr char const* service_columns =
    "registration_id, member_id, community_id, date, activity, tenths, note";

community_service read_service(sql::statement& st) {
    community_service s;
    s.registration = registration_id{st.column(0).as_int64()};
    s.member = member_id{st.column(1).as_int64()};
    s.community = org_id{st.column(2).as_int64()};
    s.date = storage::col_date(st, 3, "community_service.date");
    s.activity = col_text(st, 4);
    s.tenths = st.column(5).as_int();
    s.note = col_text(st, 6);
    return s;
}

constexpr char const* feedback_columns =
    "member_id, community_id, branch_id, year, rating, given_on, note, correction_reason";

community_feedback_record read_feedback(sql::statement& st) {
    community_feedback_record f;
    f.member = member_id{st.column(0).as_int64()};
    f.community = org_id{st.column(1).as_int64()};
    f.branch = org_id{st.column(2).as_int64()};
    f.year = st.column(3).as_int();
    f.rating = storage::stored_enum<community_rating>(col_text(st, 4), "community_feedback.rating");
    f.given_on = storage::col_date(st, 5, "community_feedback.given_on");
    f.note = col_text(st, 6);
    f.correction_reason = col_text(st, 7);
    return f;
}

std::vector<community_feedback_record> feedback_of(sql::database& db, member_id m, std::optional<int> year) {
    sql::statement st(db, std::string("SELECT ") + feedback_columns +
                              " FROM community_feedback WHERE member_id = :m" +
                              (year ? " AND year = :y" : "") + " ORDER BY year, id");
    st.bind(":m", raw(m));
    if (year) st.bind(":y", *year);
    std::vector<community_feedback_record> out;
    while (st.step())
        out.push_back(read_feedback(st));
    return out;
}

// Reads of one member: the principal reads the member's branch, or a community the member registered
// with (the community sees what it recorded).
void require_member_read(store const& s, sql::database& db, member_id m) {
    auto const mem = load_member(db, m);
    if (storage::covers(s, mem.branch)) {
        storage::require(s, permission::read_roster, mem.branch);
        return;
    }
    for (auto const& r : registrations_of(db, m))
        if (storage::covers(s, r.community)) {
            storage::require(s, permission::read_roster, r.community);
            return;
        }
    storage::require(s, permission::read_roster, mem.branch);  // refuses
}

}  // namespace

registration_id register_with_community(store& s, member_id m, org_id community, date::sys_days on,
                                        std::string const& note, std::string_view why) {
    storage::call const guard(s);
    storage::require(s, permission::organisational_life, community);
    auto& impl = storage::impl_of(s);
    return storage::in_read("registering a member with a community", [&]() -> registration_id {
        storage::check_not_in_future(s, on, "date");
        storage::check_text(note, "note", storage::text_cap::note, true);
        auto const o = s.org(community);
        auto const mem = load_member(impl.db, m);
        auto const standing_then = storage::standing_histories_of(impl.db, {m}).on(mem, on);
        auto const earlier = registrations_of(impl.db, m);
        check_registration(mem, standing_then, o, on, earlier);
        return storage::in_transaction(impl.db, [&] {
            sql::statement ins(impl.db,
                               "INSERT INTO community_registrations(member_id, community_id, registered_on, "
                               "note) VALUES(:m, :c, :d, :note)");
            ins.bind(":m", raw(m));
            ins.bind(":c", raw(community));
            ins.bind(":d", format_iso(on));
            ins.bind(":note", note);
            ins.exec();
            registration_id const id{impl.db.last_insert_id()};
            storage::append_audit(impl.db, impl.audit_actor, "community", id.value(), "registered", why,
                                  "member=" + std::to_string(m.value()) + "; community=" +
                                      std::to_string(community.value()) + "; date=" + format_iso(on));
            return id;
        });
    });
}

community_registration get_registration(store const& s, registration_id id) {
    storage::call const guard(s);
    auto& impl = storage::impl_of(s);
    auto const r =
        storage::in_read("reading a community registration", [&] { return load_registration(impl.db, id); });
    if (!storage::covers(s, r.community))
        storage::in_read("reading a community registration",
                         [&] { require_member_read(s, impl.db, r.member); });
    else
        storage::require(s, permission::read_roster, r.community);
    return r;
}

void leave_community(store& s, registration_id id, date::sys_days on, std::string_view why) {
    storage::call const guard(s);
    auto& impl = storage::impl_of(s);
    auto const r =
        storage::in_read("ending a community registration", [&] { return load_registration(impl.db, id); });
    storage::require(s, permission::organisational_life, r.community);
    storage::in_read("ending a community registration", [&] {
        storage::check_not_in_future(s, on, "date");
        check_leaving(r, on);
        storage::in_transaction(impl.db, [&] {
            sql::statement up(
                impl.db,
                "UPDATE community_registrations SET left_on = :d WHERE id = :id AND left_on IS NULL");
            up.bind(":d", format_iso(on));
            up.bind(":id", raw(id));
            if (up.exec() != 1)
                throw conflict("registration " + std::to_string(id.value()) +
                               " was ended by someone else meanwhile; reload and try again");
            storage::append_audit(impl.db, impl.audit_actor, "community", id.value(), "left", why,
                                  "member=" + std::to_string(r.member.value()) + "; community=" +
                                      std::to_string(r.community.value()) + "; date=" + format_iso(on));
        });
    });
}

std::int64_t record_community_service(store& s, community_service const& sv, std::string_view why) {
    storage::call const guard(s);
    auto& impl = storage::impl_of(s);
    auto const regs = storage::in_read("recording community service", [&] {
        (void)load_member(impl.db, sv.member);
        return registrations_of(impl.db, sv.member);
    });
    // The community of the registration covering the date acts; without one, the rule refuses below
    // after the access check on the member's latest community (or the member's branch).
    auto const covering = registration_on(regs, sv.date);
    if (covering)
        storage::require(s, permission::organisational_life, covering->community);
    else if (!regs.empty())
        storage::require(s, permission::organisational_life, regs.back().community);
    else
        storage::in_read("recording community service", [&] {
            storage::require(s, permission::organisational_life, load_member(impl.db, sv.member).branch);
        });
    return storage::in_read("recording community service", [&]() -> std::int64_t {
        storage::check_not_in_future(s, sv.date, "date");
        storage::check_text(sv.activity, "activity", storage::text_cap::long_text);
        storage::check_text(sv.note, "note", storage::text_cap::note, true);
        auto const reg = check_service(regs, sv);
        return storage::in_transaction(impl.db, [&] {
            sql::statement ins(
                impl.db,
                "INSERT INTO community_service(registration_id, member_id, community_id, date, "
                "activity, tenths, note) VALUES(:r, :m, :c, :d, :a, :t, :note)");
            ins.bind(":r", raw(reg.id));
            ins.bind(":m", raw(sv.member));
            ins.bind(":c", raw(reg.community));
            ins.bind(":d", format_iso(sv.date));
            ins.bind(":a", sv.activity);
            ins.bind(":t", sv.tenths);
            ins.bind(":note", sv.note);
            ins.exec();
            auto const id = impl.db.last_insert_id();
            storage::append_audit(impl.db, impl.audit_actor, "community", reg.id.value(), "service", why,
                                  "member=" + std::to_string(sv.member.value()) +
                                      "; date=" + format_iso(sv.date) + "; hours=" + hours_text(sv.tenths) +
                                      "; activity=" + sv.activity);
            return id;
        });
    });
}

void give_community_feedback(store& s, community_feedback_record const& f, std::string_view why) {
    storage::call const guard(s);
    storage::require(s, permission::organisational_life, f.community);
    auto& impl = storage::impl_of(s);
    storage::in_read("recording community feedback", [&] {
        storage::check_not_in_future(s, f.given_on, "given_on");
        storage::check_text(f.note, "note", storage::text_cap::note, true);
        storage::check_text(f.correction_reason, "correction_reason", storage::text_cap::note, true);
        (void)s.org(f.community);
        auto const mem = load_member(impl.db, f.member);
        auto const regs = registrations_of(impl.db, f.member);
        auto const given = feedback_of(impl.db, f.member, f.year);
        check_feedback(regs, given, f);
        storage::in_transaction(impl.db, [&] {
            sql::statement ins(
                impl.db,
                "INSERT INTO community_feedback(member_id, community_id, branch_id, year, rating, "
                "given_on, note, correction_reason) VALUES(:m, :c, :b, :y, :r, :d, :note, :why)");
            ins.bind(":m", raw(f.member));
            ins.bind(":c", raw(f.community));
            ins.bind(":b", raw(mem.branch));
            ins.bind(":y", f.year);
            ins.bind(":r", std::string(to_string(f.rating)));
            ins.bind(":d", format_iso(f.given_on));
            ins.bind(":note", f.note);
            ins.bind(":why", f.correction_reason);
            ins.exec();
            storage::append_audit(impl.db, impl.audit_actor, "community", impl.db.last_insert_id(),
                                  f.correction_reason.empty() ? "feedback" : "feedback_corrected", why,
                                  "member=" + std::to_string(f.member.value()) +
                                      "; community=" + std::to_string(f.community.value()) +
                                      "; year=" + std::to_string(f.year) +
                                      "; rating=" + std::string(to_string(f.rating)));
        });
    });
}

std::vector<community_registration> community_registrations_of(store const& s, member_id m) {
    storage::call const guard(s);
    auto& impl = storage::impl_of(s);
    return storage::in_read("reading community registrations", [&] {
        require_member_read(s, impl.db, m);
        return registrations_of(impl.db, m);
    });
}

std::vector<community_registration> community_registrations(store const& s, scope requested) {
    storage::call const guard(s);
    auto const sc = storage::visible_scope(s, requested);
    auto& impl = storage::impl_of(s);
    return storage::in_read("listing community registrations", [&] {
        auto const ids = storage::scope_org_ids(impl.db, sc);
        sql::statement st(impl.db, std::string("SELECT ") + registration_columns +
                                       " FROM community_registrations WHERE community_id " +
                                       storage::in_id_set + " ORDER BY community_id, registered_on, id");
        st.bind(":ids", storage::json_ids(ids));
        std::vector<community_registration> out;
        while (st.step())
            out.push_back(read_registration(st));
        return out;
    });
}

std::vector<community_service> community_services(store const& s, member_id m, std::optional<int> year) {
    storage::call const guard(s);
    auto& impl = storage::impl_of(s);
    return storage::in_read("reading community service", [&] {
        require_member_read(s, impl.db, m);
        sql::statement st(impl.db, std::string("SELECT ") + service_columns +
                                       " FROM community_service WHERE member_id = :m" +
                                       (year ? " AND date BETWEEN :from AND :to" : "") +
                                       " ORDER BY date, id");
        st.bind(":m", raw(m));
        if (year) {
            st.bind(":from", format_iso(make_date(*year, 1, 1)));
            st.bind(":to", format_iso(make_date(*year, 12, 31)));
        }
        std::vector<community_service> out;
        while (st.step())
            out.push_back(read_service(st));
        return out;
    });
}

std::optional<community_feedback_record> community_feedback(store const& s, member_id m, int year) {
    storage::call const guard(s);
    auto& impl = storage::impl_of(s);
    return storage::in_read("reading community feedback", [&]() -> std::optional<community_feedback_record> {
        require_member_read(s, impl.db, m);
        auto all = feedback_of(impl.db, m, year);
        if (all.empty()) return std::nullopt;
        return std::move(all.back());
    });
}

std::vector<community_feedback_record> community_feedback_history(store const& s, member_id m) {
    storage::call const guard(s);
    auto& impl = storage::impl_of(s);
    return storage::in_read("reading community feedback", [&] {
        require_member_read(s, impl.db, m);
        return feedback_of(impl.db, m, std::nullopt);
    });
}

community_statistics community_statistics_of(store const& s, int year, scope requested) {
    storage::call const guard(s);
    auto const sc = storage::visible_scope(s, requested);
    auto& impl = storage::impl_of(s);
    return storage::in_read("counting community registrations", [&] {
        auto const ids = storage::json_ids(storage::scope_org_ids(impl.db, sc));
        auto const from = format_iso(make_date(year, 1, 1)), to = format_iso(make_date(year, 12, 31));
        community_statistics out;
        out.year = year;
        sql::statement reg(impl.db,
                           std::string("SELECT count(DISTINCT member_id) FROM community_registrations WHERE "
                                       "community_id ") +
                               storage::in_id_set +
                               " AND registered_on <= :to AND (left_on IS NULL OR left_on >= :from)");
        reg.bind(":ids", ids);
        reg.bind(":from", from);
        reg.bind(":to", to);
        if (reg.step()) out.registered_members = reg.column(0).as_int();
        sql::statement svc(impl.db,
                           std::string("SELECT count(DISTINCT member_id), coalesce(sum(tenths), 0) FROM "
                                       "community_service WHERE community_id ") +
                               storage::in_id_set + " AND date BETWEEN :from AND :to");
        svc.bind(":ids", ids);
        svc.bind(":from", from);
        svc.bind(":to", to);
        if (svc.step()) {
            out.members_with_service = svc.column(0).as_int();
            out.service_tenths = svc.column(1).as_int64();
        }
        // The feedback in force: the latest row of each member for the year.
        sql::statement fb(impl.db,
                          std::string("SELECT f.rating FROM community_feedback f WHERE f.year = :y AND "
                                      "f.id = (SELECT max(id) FROM community_feedback g WHERE "
                                      "g.member_id = f.member_id AND g.year = f.year) AND "
                                      "f.community_id ") +
                              storage::in_id_set);
        fb.bind(":y", year);
        fb.bind(":ids", ids);
        while (fb.step()) {
            auto const r =
                storage::stored_enum<community_rating>(col_text(fb, 0), "community_feedback.rating");
            ++out.feedback_by_rating[static_cast<std::size_t>(r)];
            ++out.members_with_feedback;
        }
        return out;
    });
}

namespace storage {

std::vector<agenda_item> community_agenda_items(store const& s, sql::database& db, date::sys_days as_of,
                                                std::vector<std::int64_t> const& org_ids, bool whole) {
    std::vector<agenda_item> items;
    auto const& p = s.rules().community;
    if (p.min_service_hours_yearly <= 0 && p.feedback_by_month <= 0) return items;
    int const year = static_cast<int>(date::year_month_day{as_of}.year());
    auto const d = format_iso(as_of);
    // Registrations begun by the agenda's date and not ended before the year before it, of members not
    // exited by then. A part of the store reads every registration of the members of its branches and of
    // the members registered with one of its communities: the item of a feedback goes to the member's
    // latest community of the year, which the scope must judge as the whole store does.
    sql::statement st(
        db,
        std::string("SELECT r.id, r.member_id, r.community_id, r.registered_on, r.left_on, r.note, m.name, "
                    "m.branch_id FROM community_registrations r JOIN members m ON m.id = r.member_id WHERE "
                    "r.registered_on <= :d AND (r.left_on IS NULL OR r.left_on >= :from) AND (m.exit_date "
                    "IS NULL OR m.exit_date > :d)") +
            (whole ? std::string()
                   : std::string(" AND (m.branch_id ") + in_id_set +
                         " OR r.member_id IN (SELECT member_id FROM community_registrations WHERE "
                         "community_id " +
                         in_id_set + "))") +
            " ORDER BY r.member_id, r.registered_on, r.id");
    st.bind(":d", d);
    st.bind(":from", format_iso(make_date(year - 1, 1, 1)));
    if (!whole) st.bind(":ids", json_ids(org_ids));
    std::map<std::int64_t, community_member_facts> facts;
    while (st.step()) {
        auto& f = facts[st.column(1).as_int64()];
        f.member = member_id{st.column(1).as_int64()};
        f.name = col_text(st, 6);
        f.branch = org_id{st.column(7).as_int64()};
        f.registrations.push_back(read_registration(st));
    }
    if (facts.empty()) return items;
    std::vector<std::int64_t> members;
    for (auto const& [id, f] : facts)
        members.push_back(id);
    auto const set = json_ids(members);
    sql::statement svc(
        db, std::string("SELECT member_id, substr(date, 1, 4), sum(tenths) FROM community_service "
                        "WHERE member_id ") +
                in_id_set + " AND date BETWEEN :from AND :d GROUP BY member_id, substr(date, 1, 4)");
    svc.bind(":ids", set);
    svc.bind(":from", format_iso(make_date(year - 1, 1, 1)));
    svc.bind(":d", d);
    while (svc.step()) {
        auto& f = facts[svc.column(0).as_int64()];
        (std::stoi(col_text(svc, 1)) == year ? f.current : f.previous).service_tenths =
            svc.column(2).as_int();
    }
    sql::statement fb(
        db, std::string("SELECT DISTINCT member_id, year FROM community_feedback WHERE member_id ") +
                in_id_set + " AND year IN (:y1, :y2) AND given_on <= :d");
    fb.bind(":ids", set);
    fb.bind(":y1", year - 1);
    fb.bind(":y2", year);
    fb.bind(":d", d);
    while (fb.step()) {
        auto& f = facts[fb.column(0).as_int64()];
        (fb.column(1).as_int() == year ? f.current : f.previous).feedback_given = true;
    }
    for (auto const& [id, f] : facts)
        for (auto& item : community_agenda(f, as_of, s.rules()))
            if (whole || std::binary_search(org_ids.begin(), org_ids.end(), item.org.value()))
                items.push_back(std::move(item));
    return items;
}

}  // namespace storage

}  // namespace dangyuan
