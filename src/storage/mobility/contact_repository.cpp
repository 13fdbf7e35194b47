// Lost contact (失联党员): contact logs and the standing decisions they ground.

#include <tuple>

#include "../access.hpp"
#include "../plausibility.hpp"
#include "mobility_rows.hpp"

namespace dangyuan {
namespace storage::mobility_rows {

// ---- contact logs

constexpr char const* contact_head =
    "SELECT l.id, l.version, l.member_id, l.member_name, l.branch_id, l.known_contact FROM mob_contact_logs "
    "l ";
constexpr char const* contact_records =
    "SELECT r.log_id, r.kind, r.date, r.channel, r.by_whom, r.note FROM mob_contact_records r JOIN "
    "mob_contact_logs l ON l.id = r.log_id ";

std::vector<stored<contact_log>> load_contact_logs(sql::database& db, std::string const& where,
                                                   binder const& bind) {
    return load<contact_log>(
        db, contact_head + where + " ORDER BY l.member_id", contact_records + where + " ORDER BY r.id", bind,
        [](sql::statement& st) {
            contact_log l;
            l.member = member_id{st.column(2).as_int64()};
            l.member_name = st.column(3).as_string();
            l.branch = org_id{st.column(4).as_int64()};
            l.known_contact = *column_date(st, 5, "mob_contact_logs.known_contact");
            return l;
        },
        [](contact_log& l, sql::statement& st) {
            auto const kind =
                storage::stored_enum<contact_kind>(st.column(1).as_string(), "mob_contact_records.kind");
            auto const d = *column_date(st, 2, "mob_contact_records.date");
            auto channel = st.column(3).as_string();
            auto by = st.column(4).as_string();
            auto note = st.column(5).as_string();
            if (kind == contact_kind::reached)
                l.records.push_back(contact_reached{d, std::move(channel), std::move(by), std::move(note)});
            else
                l.records.push_back(
                    contact_attempt_failed{d, std::move(channel), std::move(by), std::move(note)});
        });
}
}  // namespace storage::mobility_rows

using namespace storage::mobility_rows;

namespace {

stored<contact_log> load_contact_log(sql::database& db, member_id member) {
    auto all = load_contact_logs(db, "WHERE l.member_id = :id", bind_int(raw(member)));
    if (all.empty()) throw not_found("member " + std::to_string(member.value()) + " has no contact log");
    return std::move(all.front());
}

// Writes a standing event and the members' snapshot inside the caller's transaction, as
// store::record_standing does.
void write_standing(sql::database& db, member const& m, std::vector<standing_event> const& history,
                    standing_event const& e) {
    auto const current =
        standing_after(dangyuan::standing_on(m, history, e.date).value_or(standing{}).state, e.kind);
    sql::statement ins(db,
                       "INSERT INTO standing_events(member_id, kind, date, reason, decided_by) "
                       "VALUES(:member_id, :kind, :date, :reason, :decided_by)");
    ins.bind(":member_id", raw(m.id));
    ins.bind(":kind", std::string(to_string(e.kind)));
    bind_date(ins, ":date", e.date);
    ins.bind(":reason", e.reason);
    ins.bind(":decided_by", e.decided_by);
    ins.exec();
    sql::statement snap(db,
                        "UPDATE members SET standing = :standing, exit_date = :exit_date, version = "
                        "version + 1 WHERE id = :id");
    snap.bind(":standing", std::string(to_string(*current)));
    bind_date(snap, ":exit_date", *current == standing_state::exited ? std::optional(e.date) : std::nullopt);
    snap.bind(":id", raw(m.id));
    snap.exec();
}

}  // namespace

// ---------------------------------------------------------------------------------------------------
// Lost contact

void open_contact_log(store& s, member_id member, date::sys_days known_contact, std::string_view why) {
    storage::call const c(s);
    storage::require_member(s, permission::manage_mobility, member);
    auto& impl = impl_of(s);
    storage::in_read("opening a contact log", [&] {
        storage::check_not_in_future(s, known_contact, "known_contact");
        auto const m = s.get_member(member);
        if (known_contact < m.admission_date)
            throw invalid_input("known_contact", "last contact " + format_iso(known_contact) + " precedes " +
                                                     m.name + "'s admission on " +
                                                     format_iso(m.admission_date));
        if (find_contact_log(s, member)) throw conflict(m.name + " already has a contact log");
        storage::in_transaction(impl.db, [&] {
            sql::statement ins(
                impl.db,
                "INSERT INTO mob_contact_logs(member_id, member_name, branch_id, known_contact) "
                "VALUES(:member_id, :member_name, :branch_id, :known_contact)");
            ins.bind(":member_id", raw(m.id));
            ins.bind(":member_name", m.name);
            ins.bind(":branch_id", raw(m.branch));
            bind_date(ins, ":known_contact", known_contact);
            ins.exec();
            storage::append_audit(impl.db, impl.audit_actor, "contact_log", m.id.value(), "open", why,
                                  "branch=" + std::to_string(m.branch.value()) +
                                      "; known_contact=" + format_iso(known_contact));
        });
    });
}

void record_contact(store& s, member_id member, contact_record const& r, std::string_view why) {
    storage::call const c(s);
    storage::require_member(s, permission::manage_mobility, member);
    auto& impl = impl_of(s);
    // Both kinds carry the same fields: where the attempt was made, by whom, and a note.
    auto const fields =
        std::visit([](auto const& x) { return std::tie(x.date, x.channel, x.by, x.note); }, r);
    auto const& date = std::get<0>(fields);
    auto const& channel = std::get<1>(fields);
    auto const& by = std::get<2>(fields);
    auto const& note = std::get<3>(fields);
    storage::in_read("recording a contact attempt", [&] {
        storage::check_not_in_future(s, date, "date");
        storage::check_text(channel, "channel", storage::text_cap::short_text);
        storage::check_text(by, "by", storage::text_cap::short_text);
        storage::check_text(note, "note", storage::text_cap::note, true);
        auto const l = load_contact_log(impl.db, member);
        check_contact_record(l.value, r);
        storage::in_transaction(impl.db, [&] {
            sql::statement ins(impl.db,
                               "INSERT INTO mob_contact_records(log_id, kind, date, channel, by_whom, note) "
                               "VALUES(:log_id, :kind, :date, :channel, :by_whom, :note)");
            ins.bind(":log_id", l.row);
            ins.bind(":kind", std::string(kind_name(r)));
            bind_date(ins, ":date", date);
            ins.bind(":channel", channel);
            ins.bind(":by_whom", by);
            ins.bind(":note", note);
            ins.exec();
            sql::statement up(
                impl.db,
                "UPDATE mob_contact_logs SET version = version + 1 WHERE id = :id AND version = :version");
            up.bind(":id", l.row);
            up.bind(":version", l.version);
            if (up.exec() != 1)
                throw conflict("the contact log of member " + std::to_string(member.value()) +
                               " changed meanwhile");
            storage::append_audit(impl.db, impl.audit_actor, "contact_log", member.value(), kind_name(r), why,
                                  "date=" + format_iso(date) + "; channel=" + channel + "; by=" + by);
        });
    });
}

std::optional<contact_log> find_contact_log(store const& s, member_id member) {
    storage::call const c(s);
    storage::require_member(s, permission::read_roster, member);
    return storage::in_read("reading a contact log", [&]() -> std::optional<contact_log> {
        auto all = load_contact_logs(impl_of(s).db, "WHERE l.member_id = :id", bind_int(raw(member)));
        if (all.empty()) return std::nullopt;
        return std::move(all.front().value);
    });
}

std::vector<contact_log> contact_logs(store const& s, scope requested) {
    storage::call const c(s);
    auto const sc = storage::visible_scope(s, requested);
    auto& impl = impl_of(s);
    return storage::in_read("listing contact logs", [&]() -> std::vector<contact_log> {
        auto const ids = storage::scope_org_ids(impl.db, sc);
        std::vector<contact_log> out;
        for (auto& l : load_contact_logs(impl.db, "", no_bind()))
            if (in_ids(ids, l.value.branch)) out.push_back(std::move(l.value));
        return out;
    });
}

namespace {

// A standing decision for lost contact: the guard, then the standing rules, then one transaction.
template <class Guard>
void decide_for_lost_contact(store& s, member_id member, standing_event const& e, Guard guard,
                             std::string_view why) {
    auto& impl = impl_of(s);
    storage::in_read("recording a decision for lost contact", [&] {
        storage::check_not_in_future(s, e.date, "on");
        storage::check_text(e.decided_by, "decided_by", storage::text_cap::long_text);
        storage::check_text(e.reason, "reason", storage::text_cap::note, true);
        auto const m = s.get_member(member);
        auto const log = load_contact_log(impl.db, member);
        auto const history = s.standing_history(member);
        guard(log.value, history);
        check_standing_event(m, history, e);
        storage::in_transaction(impl.db, [&] {
            write_standing(impl.db, m, history, e);
            storage::append_audit(
                impl.db, impl.audit_actor, "standing", member.value(), to_string(e.kind), why,
                "date=" + format_iso(e.date) + "; reason=" + e.reason + "; decided_by=" + e.decided_by +
                    "; last_contact=" + format_iso(last_contact_on(log.value, e.date)));
        });
    });
}

}  // namespace

void suspend_for_lost_contact(store& s, member_id member, date::sys_days on, std::string decided_by,
                              std::string_view why) {
    // The branch decides the suspension (条例 第24条: the branch or a higher organisation).
    storage::call const c(s);
    storage::require_member(s, permission::manage_mobility, member);
    storage::require_member(s, permission::write_roster, member);
    standing_event const e{standing_event_kind::suspended, on, "失去联系超过6个月，经查找仍无法取得联系",
                           std::move(decided_by)};
    decide_for_lost_contact(
        s, member, e,
        [&](contact_log const& log, std::vector<standing_event> const& history) {
            require_suspension_grounds(log, history, on, s.rules());
        },
        why);
}

void remove_for_lost_contact(store& s, member_id member, date::sys_days on, std::string decided_by,
                             std::string_view why) {
    // The removal (除名) is decided by the branch meeting and approved by the higher organisation
    // (党章 第9条): the principal handles the branch's mobility and roster, and stands above the branch.
    storage::call const c(s);
    storage::require_member(s, permission::manage_mobility, member);
    storage::require_member(s, permission::write_roster, member);
    storage::require_above(s, permission::approve_as_higher_committee, s.get_member(member).branch);
    standing_event const e{standing_event_kind::removed_self_withdrawal, on,
                           "停止党籍满2年后仍无法取得联系，按照自行脱党予以除名", std::move(decided_by)};
    decide_for_lost_contact(
        s, member, e,
        [&](contact_log const& log, std::vector<standing_event> const& history) {
            require_removal_grounds(log, history, on, s.rules());
        },
        why);
}

}  // namespace dangyuan
