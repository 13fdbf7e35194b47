// Members abroad and graduates: one row per dated situation, one row per contact, and the agenda
// items of abroad.hpp for the members of the organisations in scope.

#include <algorithm>
#include <unordered_map>

#include "access.hpp"
#include "dangyuan/storage/abroad_store.hpp"
#include "impl.hpp"
#include "member_rows.hpp"
#include "rows.hpp"

namespace dangyuan {
namespace storage {
namespace {

constexpr char const* record_columns = "id, member_id, kind, from_date, until, place, note";

stored_abroad_record read_record(sql::statement& st) {
    stored_abroad_record out;
    out.id = abroad_record_id{st.column(0).as_int64()};
    auto& r = out.record;
    r.member = member_id{st.column(1).as_int64()};
    try {
        r.kind = parse_abroad_kind(st.column(2).as_string());
    } catch (invalid_input const&) {
        throw storage_error("column abroad_records.kind holds '" + st.column(2).as_string() + "'");
    }
    r.from = *column_date(st, 3, "abroad_records.from_date");
    r.until = column_date(st, 4, "abroad_records.until");
    r.place = st.column(5).as_string();
    r.note = st.column(6).as_string();
    return out;
}

std::vector<stored_abroad_record> records_of(sql::database& db, member_id member) {
    sql::statement st(db, std::string("SELECT ") + record_columns +
                              " FROM abroad_records WHERE member_id = :member_id ORDER BY from_date, id");
    st.bind(":member_id", static_cast<std::int64_t>(member.value()));
    std::vector<stored_abroad_record> out;
    while (st.step())
        out.push_back(read_record(st));
    return out;
}

std::vector<abroad_contact> contacts_of(sql::database& db, member_id member) {
    sql::statement st(
        db, "SELECT date, channel, note FROM abroad_contacts WHERE member_id = :member_id ORDER BY date, id");
    st.bind(":member_id", static_cast<std::int64_t>(member.value()));
    std::vector<abroad_contact> out;
    while (st.step())
        out.push_back(abroad_contact{member, *column_date(st, 0, "abroad_contacts.date"),
                                     st.column(1).as_string(), st.column(2).as_string()});
    return out;
}

// The contacts of the members `ids`, by member id, each member's in the order of contacts_of.
std::unordered_map<std::int64_t, std::vector<abroad_contact>> contacts_of(sql::database& db,
                                                                          std::vector<member_id> const& ids) {
    std::unordered_map<std::int64_t, std::vector<abroad_contact>> out;
    if (ids.empty()) return out;
    sql::statement st(db, std::string("SELECT member_id, date, channel, note FROM abroad_contacts "
                                      "WHERE member_id ") +
                              in_id_set + " ORDER BY member_id, date, id");
    st.bind(":ids", json_ids(ids));
    while (st.step()) {
        member_id const member{st.column(0).as_int64()};
        out[member.value()].push_back(abroad_contact{member, *column_date(st, 1, "abroad_contacts.date"),
                                                     st.column(2).as_string(), st.column(3).as_string()});
    }
    return out;
}

std::string describe(abroad_record const& r) {
    std::string d = "kind=" + std::string(to_string(r.kind)) + "; from=" + format_iso(r.from);
    if (r.until) d += "; until=" + format_iso(*r.until);
    if (!r.place.empty()) d += "; place=" + r.place;
    return d;
}

}  // namespace

std::vector<agenda_item> abroad_agenda_items(store const& s, sql::database& db, date::sys_days as_of,
                                             std::vector<std::int64_t> const& org_ids, bool whole) {
    std::vector<agenda_item> items;
    // The records lasting on as_of, with the member's branch (the organisation keeping the relationship).
    sql::statement st(db,
                      "SELECT r.id, r.member_id, r.kind, r.from_date, r.until, r.place, r.note, m.branch_id, "
                      "m.name FROM abroad_records r JOIN members m ON m.id = r.member_id "
                      "WHERE r.from_date <= :as_of AND (r.until IS NULL OR r.until > :as_of) "
                      "AND (m.exit_date IS NULL OR m.exit_date > :as_of)" +
                          (whole ? std::string() : std::string(" AND m.branch_id ") + in_id_set) +
                          " ORDER BY r.id");
    bind_date(st, ":as_of", as_of);
    if (!whole) st.bind(":ids", json_ids(org_ids));
    struct row {
        stored_abroad_record rec;
        org_id branch;
        std::string name;
    };
    std::vector<row> rows;
    while (st.step()) {
        auto const branch = st.column(7).as_int64();
        if (!std::binary_search(org_ids.begin(), org_ids.end(), branch)) continue;
        rows.push_back(row{read_record(st), org_id{branch}, st.column(8).as_string()});
    }
    // The members, their standing and the contacts of those studying abroad, one statement each.
    std::vector<member_id> member_ids;
    std::vector<member_id> studying;
    for (auto const& r : rows) {
        member_ids.push_back(r.rec.record.member);
        if (r.rec.record.kind == abroad_kind::study) studying.push_back(r.rec.record.member);
    }
    auto const members = members_of(db, member_ids);
    auto const standing_of = standing_histories_of(db, member_ids);
    auto const contacts = contacts_of(db, studying);
    std::vector<abroad_contact> const no_contacts;
    for (auto const& r : rows) {
        // A member already suspended (or otherwise not in normal standing) is not proposed again.
        auto const member = r.rec.record.member;
        auto const standing = standing_of.on(members.at(member.value()), as_of);
        if (!standing || standing->state != standing_state::normal) continue;
        auto const c =
            r.rec.record.kind == abroad_kind::study ? contacts.find(member.value()) : contacts.end();
        auto more = abroad_agenda(r.rec.record, c == contacts.end() ? no_contacts : c->second, r.branch,
                                  r.name, as_of, s.rules());
        items.insert(items.end(), more.begin(), more.end());
    }
    return items;
}

}  // namespace storage

abroad_record_id add_abroad_record(store& s, abroad_record const& r, date::sys_days as_of,
                                   std::string_view why) {
    storage::call const c(s);
    storage::require_member(s, permission::manage_mobility, r.member);
    auto& impl = detail::store_access::of(s);
    return storage::in_read("recording a member abroad", [&]() -> abroad_record_id {
        auto const m = s.get_member(r.member);
        validate_abroad_record(r, m.admission_date, as_of);
        auto const end = [](abroad_record const& x) { return x.until ? *x.until : date::sys_days::max(); };
        for (auto const& old : storage::records_of(impl.db, r.member))
            if (old.record.kind == r.kind && old.record.from < end(r) && r.from < end(old.record))
                throw invalid_input("from", "member " + std::to_string(r.member.value()) +
                                                " already has a '" + std::string(to_string(r.kind)) +
                                                "' record from " + format_date(old.record.from) +
                                                " lasting on some of these days");
        return storage::in_transaction(impl.db, [&] {
            sql::statement ins(
                impl.db,
                "INSERT INTO abroad_records(member_id, kind, from_date, until, place, note, "
                "recorded_on) VALUES(:member_id, :kind, :from_date, :until, :place, :note, :recorded_on)");
            ins.bind(":member_id", static_cast<std::int64_t>(r.member.value()));
            ins.bind(":kind", std::string(to_string(r.kind)));
            storage::bind_date(ins, ":from_date", r.from);
            storage::bind_date(ins, ":until", r.until);
            ins.bind(":place", r.place);
            ins.bind(":note", r.note);
            storage::bind_date(ins, ":recorded_on", as_of);
            ins.exec();
            abroad_record_id const id{impl.db.last_insert_id()};
            storage::append_audit(impl.db, impl.audit_actor, "abroad", r.member.value(), "insert", why,
                                  storage::describe(r));
            return id;
        });
    });
}

void end_abroad_record(store& s, abroad_record_id id, date::sys_days until, date::sys_days as_of,
                       std::string_view why) {
    storage::call const c(s);
    auto& impl = detail::store_access::of(s);
    // The member's branch decides who may end the record: found before anything is written.
    auto const member = storage::in_read("ending an abroad record", [&] {
        sql::statement st(impl.db, "SELECT member_id FROM abroad_records WHERE id = :id");
        st.bind(":id", static_cast<std::int64_t>(id.value()));
        if (!st.step()) throw not_found("no abroad record with id " + std::to_string(id.value()));
        return member_id{st.column(0).as_int64()};
    });
    storage::require_member(s, permission::manage_mobility, member);
    storage::in_read("ending an abroad record", [&] {
        sql::statement st(impl.db, std::string("SELECT ") + storage::record_columns +
                                       " FROM abroad_records WHERE id = :id");
        st.bind(":id", static_cast<std::int64_t>(id.value()));
        if (!st.step()) throw not_found("no abroad record with id " + std::to_string(id.value()));
        auto rec = storage::read_record(st).record;
        st.reset();
        if (rec.until) throw invalid_input("until", "the record already ended on " + format_date(*rec.until));
        rec.until = until;
        validate_abroad_record(rec, rec.from, as_of);
        storage::in_transaction(impl.db, [&] {
            sql::statement up(impl.db,
                              "UPDATE abroad_records SET until = :until WHERE id = :id AND until IS NULL");
            storage::bind_date(up, ":until", until);
            up.bind(":id", static_cast<std::int64_t>(id.value()));
            if (up.exec() != 1)
                throw conflict("abroad record " + std::to_string(id.value()) + " changed meanwhile");
            storage::append_audit(
                impl.db, impl.audit_actor, "abroad", rec.member.value(), "end", why,
                "record=" + std::to_string(id.value()) + "; until=" + storage::format_iso(until));
        });
    });
}

std::vector<stored_abroad_record> abroad_records(store const& s, member_id member) {
    storage::call const c(s);
    storage::require_member(s, permission::read_roster, member);
    return storage::in_read("reading abroad records", [&]() -> std::vector<stored_abroad_record> {
        (void)s.get_member(member);
        return storage::records_of(detail::store_access::of(s).db, member);
    });
}

void record_abroad_contact(store& s, abroad_contact const& c, date::sys_days as_of, std::string_view why) {
    storage::call const guard(s);
    storage::require_member(s, permission::manage_mobility, c.member);
    auto& impl = detail::store_access::of(s);
    storage::in_read("recording a contact with a member abroad", [&] {
        (void)s.get_member(c.member);
        std::vector<abroad_record> records;
        for (auto& r : storage::records_of(impl.db, c.member))
            records.push_back(std::move(r.record));
        validate_abroad_contact(c, records, as_of);
        storage::in_transaction(impl.db, [&] {
            sql::statement ins(impl.db,
                               "INSERT INTO abroad_contacts(member_id, date, channel, note, recorded_on) "
                               "VALUES(:member_id, :date, :channel, :note, :recorded_on)");
            ins.bind(":member_id", static_cast<std::int64_t>(c.member.value()));
            storage::bind_date(ins, ":date", c.date);
            ins.bind(":channel", c.channel);
            ins.bind(":note", c.note);
            storage::bind_date(ins, ":recorded_on", as_of);
            ins.exec();
            storage::append_audit(
                impl.db, impl.audit_actor, "abroad_contact", c.member.value(), "insert", why,
                "date=" + storage::format_iso(c.date) + (c.channel.empty() ? "" : "; channel=" + c.channel));
        });
    });
}

std::vector<abroad_contact> abroad_contacts(store const& s, member_id member) {
    storage::call const c(s);
    storage::require_member(s, permission::read_roster, member);
    return storage::in_read("reading contacts with a member abroad", [&]() -> std::vector<abroad_contact> {
        (void)s.get_member(member);
        return storage::contacts_of(detail::store_access::of(s).db, member);
    });
}

}  // namespace dangyuan
