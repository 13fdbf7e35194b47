// Transfer letters (组织关系介绍信) and the branch moves their receipt makes.

#include "../access.hpp"
#include "../plausibility.hpp"
#include "mobility_rows.hpp"

namespace dangyuan {
namespace storage::mobility_rows {

// ---- transfer letters

constexpr char const* transfer_head =
    "SELECT t.id, t.version, t.serial, t.member_id, t.member_name, t.from_org_id, t.from_name, t.to_org_id, "
    "t.to_name, t.issued, t.validity_days FROM mob_transfers t ";
constexpr char const* transfer_records =
    "SELECT r.transfer_id, r.kind, r.date, r.by_org_id, r.note FROM mob_transfer_records r JOIN "
    "mob_transfers t "
    "ON t.id = r.transfer_id ";

std::vector<stored<transfer_letter>> load_transfers(sql::database& db, std::string const& where,
                                                    binder const& bind) {
    return load<transfer_letter>(
        db, transfer_head + where + " ORDER BY t.id", transfer_records + where + " ORDER BY r.id", bind,
        [](sql::statement& st) {
            transfer_letter l;
            l.serial = st.column(2).as_string();
            l.member = member_id{st.column(3).as_int64()};
            l.member_name = st.column(4).as_string();
            l.from_org = org_id{st.column(5).as_int64()};
            l.from_name = st.column(6).as_string();
            l.to_org = org_id{st.column(7).as_int64()};
            l.to_name = st.column(8).as_string();
            l.issued = *column_date(st, 9, "mob_transfers.issued");
            l.validity_days = st.column(10).as_int();
            return l;
        },
        [](transfer_letter& l, sql::statement& st) {
            auto const kind = storage::stored_enum<transfer_event_kind>(st.column(1).as_string(),
                                                                        "mob_transfer_records.kind");
            auto const d = *column_date(st, 2, "mob_transfer_records.date");
            if (kind == transfer_event_kind::received)
                l.records.push_back(letter_received{d, column_id<org_id>(st, 3), st.column(4).as_string()});
            else
                l.records.push_back(letter_revoked{d, st.column(4).as_string()});
        });
}
}  // namespace storage::mobility_rows

using namespace storage::mobility_rows;

namespace {

stored<transfer_letter> load_transfer(sql::database& db, transfer_letter_id id) {
    auto all = load_transfers(db, "WHERE t.id = :id", bind_int(raw(id)));
    if (all.empty()) throw not_found("no transfer letter with id " + std::to_string(id.value()));
    return std::move(all.front());
}

void append_transfer_record(sql::database& db, stored<transfer_letter> const& l, transfer_record const& r) {
    sql::statement ins(db,
                       "INSERT INTO mob_transfer_records(transfer_id, kind, date, by_org_id, note) "
                       "VALUES(:transfer_id, :kind, :date, :by_org_id, :note)");
    ins.bind(":transfer_id", l.row);
    ins.bind(":kind", std::string(kind_name(r)));
    bind_date(ins, ":date", record_date(r));
    auto const* got = std::get_if<letter_received>(&r);
    bind_opt(ins, ":by_org_id", got ? opt_raw(got->by) : std::nullopt);
    ins.bind(":note", std::visit([](auto const& x) -> std::string const& { return x.note; }, r));
    ins.exec();
    sql::statement up(db,
                      "UPDATE mob_transfers SET state = :state, version = version + 1 WHERE id = :id AND "
                      "version = :version");
    up.bind(":state", std::string(kind_name(r)));
    up.bind(":id", l.row);
    up.bind(":version", l.version);
    if (up.exec() != 1) throw conflict("transfer letter " + l.value.serial + " was changed by someone else");
}

// The side of `l` whose read_roster a read of the letter needs: the receiving side (its destination)
// or the sending side (the issuer, else the member's branch) when the principal's subtree holds it; the
// member's branch when it holds neither.
org_id letter_side(store const& s, transfer_letter const& l) {
    if (storage::covers(s, l.to_org)) return l.to_org;
    if (storage::covers(s, l.from_org)) return l.from_org;
    return s.get_member(l.member).branch;
}

}  // namespace

// ---------------------------------------------------------------------------------------------------
// Transfers

transfer_letter_id issue_transfer_letter(store& s, transfer_letter draft, std::string_view why) {
    storage::call const c(s);
    // The sending side issues: the member's branch, and the issuer named on the draft.
    storage::require_member(s, permission::manage_mobility, draft.member);
    if (draft.from_org.valid()) storage::require(s, permission::manage_mobility, draft.from_org);
    auto& impl = impl_of(s);
    return storage::in_read("issuing a transfer letter", [&]() -> transfer_letter_id {
        storage::check_not_in_future(s, draft.issued, "issued");
        storage::check_text(draft.serial, "serial", storage::text_cap::short_text);
        storage::check_text(draft.member_name, "member_name", storage::text_cap::name);
        storage::check_text(draft.from_name, "from_name", storage::text_cap::org_name);
        storage::check_text(draft.to_name, "to_name", storage::text_cap::org_name);
        auto const m = s.get_member(draft.member);
        if (draft.member_name.empty()) draft.member_name = m.name;
        if (!draft.from_org.valid()) draft.from_org = m.branch;
        auto const from = s.org(draft.from_org);
        if (!at_or_below(impl.db, m.branch, draft.from_org))
            throw invalid_input("from_org", from.name + " does not hold " + m.name +
                                                "'s relationship (branch " +
                                                std::to_string(m.branch.value()) + ")");
        if (draft.to_org.valid()) {
            auto const to = s.org(draft.to_org);
            if (draft.to_name.empty()) draft.to_name = to.name;
            if (draft.to_org == m.branch)
                throw invalid_input("to_org", m.name + " already belongs to " + to.name);
        }
        if (draft.from_name.empty()) draft.from_name = from.name;
        require_member_on(s, m, draft.issued, true, "transfer letter");
        std::vector<transfer_letter> existing;
        for (auto& l : load_transfers(impl.db, "WHERE t.from_org_id = :from_org OR t.member_id = :member",
                                      [&](sql::statement& st) {
                                          st.bind(":from_org", raw(draft.from_org));
                                          st.bind(":member", raw(draft.member));
                                      }))
            existing.push_back(std::move(l.value));
        check_new_letter(draft, existing, s.rules());
        return storage::in_transaction(impl.db, [&] {
            sql::statement ins(
                impl.db,
                "INSERT INTO mob_transfers(serial, member_id, member_name, from_org_id, from_name, "
                "to_org_id, to_name, issued, validity_days, state) VALUES(:serial, :member_id, :member_name, "
                ":from_org_id, :from_name, :to_org_id, :to_name, :issued, "
                ":validity_days, 'issued')");
            ins.bind(":serial", draft.serial);
            ins.bind(":member_id", raw(draft.member));
            ins.bind(":member_name", draft.member_name);
            ins.bind(":from_org_id", raw(draft.from_org));
            ins.bind(":from_name", draft.from_name);
            ins.bind(":to_org_id", raw(draft.to_org));
            ins.bind(":to_name", draft.to_name);
            bind_date(ins, ":issued", draft.issued);
            ins.bind(":validity_days", draft.validity_days);
            ins.exec();
            transfer_letter_id const id{impl.db.last_insert_id()};
            storage::append_audit(
                impl.db, impl.audit_actor, "transfer", id.value(), "issue", why,
                "serial=" + draft.serial + "; member=" + std::to_string(draft.member.value()) +
                    "; from=" + std::to_string(draft.from_org.value()) +
                    "; to=" + std::to_string(draft.to_org.value()) + "; issued=" + format_iso(draft.issued) +
                    "; validity_days=" + std::to_string(draft.validity_days));
            return id;
        });
    });
}

void receive_transfer(store& s, transfer_letter_id id, letter_received const& receipt,
                      std::optional<org_id> new_branch, std::string_view why) {
    storage::call const c(s);
    auto& impl = impl_of(s);
    storage::in_read("receiving a transfer", [&] {
        auto const l = load_transfer(impl.db, id);
        // The receiving side receives, although the member is not yet in its subtree.
        storage::require(s, permission::manage_mobility, l.value.to_org);
        if (new_branch && new_branch->valid()) storage::require(s, permission::manage_mobility, *new_branch);
        storage::check_not_in_future(s, receipt.date, "date");
        storage::check_text(receipt.note, "note", storage::text_cap::note, true);
        check_transfer_record(l.value, receipt, s.rules());
        auto const target_id = new_branch.value_or(l.value.to_org);
        auto const target = s.org(target_id);
        if (!is_branch(target.kind))
            throw invalid_input("new_branch", target.name + " is a " +
                                                  std::string(chinese_name(target.kind)) +
                                                  "; name the branch (党支部) that receives the member");
        if (!at_or_below(impl.db, target_id, l.value.to_org))
            throw invalid_input("new_branch",
                                target.name + " is not at or below the receiver " + l.value.to_name);
        if (!target.active_on(receipt.date))
            throw invalid_input("new_branch", target.name + " does not exist on " + format_iso(receipt.date));
        auto m = s.get_member(l.value.member);
        if (!at_or_below(impl.db, m.branch, l.value.from_org))
            throw invalid_input("member", m.name + " is in branch " + std::to_string(m.branch.value()) +
                                              ", no longer below the issuer " + l.value.from_name);
        if (receipt.date < m.joined_branch)
            throw invalid_input("date", "receipt on " + format_iso(receipt.date) + " precedes " + m.name +
                                            " joining the current branch on " + format_iso(m.joined_branch));
        require_member_on(s, m, receipt.date, true, "transfer");
        auto const from_branch = m.branch;
        auto const previous_joined = m.joined_branch;
        m.branch = target_id;
        m.joined_branch = receipt.date;
        validate_member(m, s.rules());
        // An episode still open on the receipt date ends with the transfer.
        std::vector<std::pair<stored<mobility_episode>, mobility_episode>> closing;
        episode_record const closed =
            relationship_transferred{receipt.date, "transfer letter " + l.value.serial + " received"};
        for (auto& e :
             load_episodes(impl.db, "WHERE e.member_id = :id AND e.closed_on IS NULL", bind_int(raw(m.id)))) {
            auto after = e.value;
            record(after, closed, s.rules());
            closing.emplace_back(std::move(e), std::move(after));
        }
        storage::in_transaction(impl.db, [&] {
            append_transfer_record(impl.db, l, receipt);
            sql::statement up(impl.db,
                              "UPDATE members SET branch_id = :branch_id, joined_branch = :joined_branch, "
                              "version = version + 1 WHERE "
                              "id = :id AND version = :version");
            up.bind(":branch_id", raw(m.branch));
            bind_date(up, ":joined_branch", m.joined_branch);
            up.bind(":id", raw(m.id));
            up.bind(":version", static_cast<std::int64_t>(m.version));
            if (up.exec() != 1)
                throw conflict("member " + std::to_string(m.id.value()) + " changed meanwhile");
            sql::statement move(
                impl.db,
                "INSERT INTO mob_branch_moves(member_id, date, from_branch_id, to_branch_id, "
                "previous_joined_branch, transfer_id) VALUES(:member_id, :date, :from_branch_id, "
                ":to_branch_id, :previous_joined_branch, :transfer_id)");
            move.bind(":member_id", raw(m.id));
            bind_date(move, ":date", receipt.date);
            move.bind(":from_branch_id", raw(from_branch));
            move.bind(":to_branch_id", raw(target_id));
            bind_date(move, ":previous_joined_branch", previous_joined);
            move.bind(":transfer_id", l.row);
            move.exec();
            std::string closed_ids;
            for (auto const& [e, ep] : closing) {
                insert_episode_record(impl.db, e.row, closed);
                touch_episode(impl.db, e, ep);
                closed_ids += (closed_ids.empty() ? "" : ",") + std::to_string(e.row);
            }
            storage::append_audit(impl.db, impl.audit_actor, "transfer", id.value(), "received", why,
                                  "serial=" + l.value.serial + "; received=" + format_iso(receipt.date) +
                                      "; member=" + std::to_string(m.id.value()) +
                                      "; branch: " + std::to_string(from_branch.value()) + " -> " +
                                      std::to_string(target_id.value()) + "; joined_branch: " +
                                      format_iso(previous_joined) + " -> " + format_iso(receipt.date) +
                                      (closed_ids.empty() ? "" : "; episodes closed=" + closed_ids));
        });
    });
}

void revoke_transfer(store& s, transfer_letter_id id, date::sys_days on, std::string reason,
                     std::string_view why) {
    storage::call const c(s);
    auto& impl = impl_of(s);
    storage::in_read("revoking a transfer letter", [&] {
        auto const l = load_transfer(impl.db, id);
        storage::require_member(s, permission::manage_mobility, l.value.member);  // the sending side
        storage::check_not_in_future(s, on, "on");
        storage::check_text(reason, "reason", storage::text_cap::note, true);
        letter_revoked const r{on, std::move(reason)};
        check_transfer_record(l.value, r, s.rules());
        storage::in_transaction(impl.db, [&] {
            append_transfer_record(impl.db, l, r);
            storage::append_audit(
                impl.db, impl.audit_actor, "transfer", id.value(), "revoked", why,
                "serial=" + l.value.serial + "; revoked=" + format_iso(on) + "; reason=" + r.note);
        });
    });
}

transfer_letter get_transfer_letter(store const& s, transfer_letter_id id) {
    storage::call const c(s);
    return storage::in_read("reading a transfer letter", [&]() -> transfer_letter {
        auto l = load_transfer(impl_of(s).db, id).value;
        storage::require(s, permission::read_roster, letter_side(s, l));
        return l;
    });
}

std::optional<transfer_letter_id> find_transfer_letter(store const& s, org_id from,
                                                       std::string const& serial) {
    storage::call const c(s);
    storage::require_permission(s, permission::read_roster);
    return storage::in_read("finding a transfer letter", [&]() -> std::optional<transfer_letter_id> {
        sql::statement st(
            impl_of(s).db,
            "SELECT id FROM mob_transfers WHERE from_org_id = :from_org_id AND serial = :serial");
        st.bind(":from_org_id", raw(from));
        st.bind(":serial", serial);
        if (!st.step()) return std::nullopt;
        transfer_letter_id const id{st.column(0).as_int64()};
        storage::require(s, permission::read_roster, letter_side(s, load_transfer(impl_of(s).db, id).value));
        return id;
    });
}

std::vector<transfer_letter> member_transfer_letters(store const& s, member_id member) {
    storage::call const c(s);
    storage::require_permission(s, permission::read_roster);
    return storage::in_read("reading transfer letters", [&]() -> std::vector<transfer_letter> {
        // All of them for the member's branch; the receiving side sees the letters addressed to it.
        sql::statement st(impl_of(s).db, "SELECT branch_id FROM members WHERE id = :id");
        st.bind(":id", raw(member));
        bool const all = !st.step() || storage::covers(s, org_id{st.column(0).as_int64()});
        std::vector<transfer_letter> out;
        for (auto& l : load_transfers(impl_of(s).db, "WHERE t.member_id = :id", bind_int(raw(member))))
            if (all || storage::covers(s, l.value.to_org)) out.push_back(std::move(l.value));
        return out;
    });
}

std::vector<branch_move> branch_moves(store const& s, member_id member) {
    storage::call const c(s);
    storage::require_member(s, permission::read_roster, member);
    return storage::in_read("reading branch moves", [&]() -> std::vector<branch_move> {
        sql::statement st(impl_of(s).db,
                          "SELECT member_id, date, from_branch_id, to_branch_id, previous_joined_branch, "
                          "transfer_id FROM mob_branch_moves WHERE member_id = :member_id ORDER BY id");
        st.bind(":member_id", raw(member));
        std::vector<branch_move> out;
        while (st.step())
            out.push_back(branch_move{member_id{st.column(0).as_int64()},
                                      *column_date(st, 1, "mob_branch_moves.date"),
                                      org_id{st.column(2).as_int64()}, org_id{st.column(3).as_int64()},
                                      *column_date(st, 4, "mob_branch_moves.previous_joined_branch"),
                                      column_id<transfer_letter_id>(st, 5)});
        return out;
    });
}

org_id responsible_branch_on(store const& s, member_id member, date::sys_days d) {
    storage::call const c(s);
    storage::require_member(s, permission::read_roster, member);
    auto const m = s.get_member(member);
    auto const moves = branch_moves(s, member);
    if (moves.empty()) return m.branch;
    org_id branch = moves.front().from_branch;
    for (auto const& mv : moves)
        if (mv.date <= d) branch = mv.to_branch;
    return branch;
}

}  // namespace dangyuan
