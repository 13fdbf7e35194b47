// Mobility episodes (流动党员外出): a header row per absence and one row per record, replayed into
// mobility_episode. Every command validates against the replayed episode before its transaction opens.

#include <algorithm>

#include "../access.hpp"
#include "../plausibility.hpp"
#include "mobility_rows.hpp"

namespace dangyuan {
namespace storage::mobility_rows {

// ---- episodes

constexpr char const* episode_head =
    "SELECT e.id, e.version, e.member_id, e.member_name, e.home_branch_id FROM mob_episodes e ";
constexpr char const* episode_records =
    "SELECT r.episode_id, r.kind, r.date, r.reason, r.place, r.host_org_id, r.host_org_name, r.fixed_place, "
    "r.expected_months, r.dues_month, r.dues_months, r.amount_fen, r.note FROM mob_episode_records r "
    "JOIN mob_episodes e ON e.id = r.episode_id ";

// A record from the columns of `episode_records` (from column 1): each kind reads only its own columns.
episode_record read_episode_record(sql::statement& st) {
    auto const kind =
        storage::stored_enum<episode_record_kind>(st.column(1).as_string(), "mob_episode_records.kind");
    auto const d = *column_date(st, 2, "mob_episode_records.date");
    auto destination = [&] {
        return mobility_destination{st.column(4).as_string(), column_id<org_id>(st, 5),
                                    st.column(6).as_string()};
    };
    auto expected = [&]() -> std::optional<int> {
        if (st.column(8).is_null()) return std::nullopt;
        return st.column(8).as_int();
    };
    std::string note = st.column(12).as_string();
    switch (kind) {
        case episode_record_kind::left:
            return member_left{
                d,
                storage::stored_enum<mobility_reason>(st.column(3).as_string(), "mob_episode_records.reason"),
                destination(),
                st.column(7).as_int() != 0,
                expected(),
                std::move(note)};
        case episode_record_kind::registered:
            return registered_as_mobile{d, std::move(note)};
        case episode_record_kind::reported_to_host:
            return reported_to_host{d, column_id<org_id>(st, 5), st.column(6).as_string(), std::move(note)};
        case episode_record_kind::moved:
            return moved_place{d, destination(), st.column(7).as_int() != 0, expected(), std::move(note)};
        case episode_record_kind::host_activity:
            return host_life_attended{d, column_id<org_id>(st, 5), st.column(6).as_string(), std::move(note)};
        case episode_record_kind::dues_paid_at_host: {
            std::optional<date::year_month> month;
            if (!st.column(9).is_null())
                month = parse_ym(st.column(9).as_string(), "mob_episode_records.dues_month");
            return host_dues_paid{d,
                                  column_id<org_id>(st, 5),
                                  st.column(6).as_string(),
                                  month,
                                  st.column(10).as_int(),
                                  fen(st.column(11).as_int64()),
                                  std::move(note)};
        }
        case episode_record_kind::yearly_report:
            return yearly_report_made{d, std::move(note)};
        case episode_record_kind::returned:
            return member_returned{d, std::move(note)};
        case episode_record_kind::transferred:
            return relationship_transferred{d, std::move(note)};
    }
    throw storage_error("mob_episode_records.kind: unknown kind");
}

std::vector<stored<mobility_episode>> load_episodes(sql::database& db, std::string const& where,
                                                    binder const& bind) {
    return load<mobility_episode>(
        db, episode_head + where + " ORDER BY e.id", episode_records + where + " ORDER BY r.id", bind,
        [](sql::statement& st) {
            mobility_episode ep;
            ep.id = episode_id{st.column(0).as_int64()};
            ep.member = member_id{st.column(2).as_int64()};
            ep.member_name = st.column(3).as_string();
            ep.home_branch = org_id{st.column(4).as_int64()};
            return ep;
        },
        [](mobility_episode& ep, sql::statement& st) { ep.records.push_back(read_episode_record(st)); });
}

stored<mobility_episode> load_episode(sql::database& db, episode_id id) {
    auto all = load_episodes(db, "WHERE e.id = :id", bind_int(raw(id)));
    if (all.empty()) throw not_found("no mobility episode with id " + std::to_string(id.value()));
    return std::move(all.front());
}

void insert_episode_record(sql::database& db, std::int64_t episode, episode_record const& r) {
    sql::statement ins(
        db,
        "INSERT INTO mob_episode_records(episode_id, kind, date, reason, place, host_org_id, "
        "host_org_name, fixed_place, expected_months, dues_month, dues_months, amount_fen, "
        "note) VALUES(:episode_id, :kind, :date, :reason, :place, :host_org_id, :host_org_name, "
        ":fixed_place, :expected_months, :dues_month, :dues_months, :amount_fen, :note)");
    ins.bind(":episode_id", episode);
    ins.bind(":kind", std::string(kind_name(r)));
    bind_date(ins, ":date", record_date(r));
    // The columns a kind does not have keep the values they always had for it.
    ins.bind(":reason", std::string(to_string(mobility_reason::work_business)));
    ins.bind(":place", std::string());
    ins.bind(":host_org_id");
    ins.bind(":host_org_name", std::string());
    ins.bind(":fixed_place", 0);
    ins.bind(":expected_months");
    ins.bind(":dues_month");
    ins.bind(":dues_months", 0);
    ins.bind(":amount_fen", std::int64_t{0});
    auto const place = [&](mobility_destination const& dest, bool fixed, std::optional<int> expected) {
        ins.bind(":place", dest.place);
        bind_opt(ins, ":host_org_id", opt_raw(dest.host_org));
        ins.bind(":host_org_name", dest.host_org_name);
        ins.bind(":fixed_place", fixed ? 1 : 0);
        if (expected) ins.bind(":expected_months", *expected);
    };
    auto const host = [&](std::optional<org_id> org, std::string const& name) {
        bind_opt(ins, ":host_org_id", opt_raw(org));
        ins.bind(":host_org_name", name);
    };
    std::visit(
        [&](auto const& x) {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, member_left>) {
                ins.bind(":reason", std::string(to_string(x.reason)));
                place(x.destination, x.fixed_place, x.expected_months);
            } else if constexpr (std::is_same_v<T, moved_place>) {
                place(x.destination, x.fixed_place, x.expected_months);
            } else if constexpr (std::is_same_v<T, reported_to_host> ||
                                 std::is_same_v<T, host_life_attended>) {
                host(x.host_org, x.host_org_name);
            } else if constexpr (std::is_same_v<T, host_dues_paid>) {
                host(x.host_org, x.host_org_name);
                if (x.dues_month) ins.bind(":dues_month", ym_text(*x.dues_month));
                ins.bind(":dues_months", x.dues_months);
                ins.bind(":amount_fen", x.amount_fen.value());
            }
            ins.bind(":note", x.note);
        },
        r);
    ins.exec();
}

// The day the episode was closed by a return or a transfer, whatever the date asked.
std::optional<date::sys_days> closed_on(mobility_episode const& ep) {
    for (auto const& r : ep.records)
        if (std::holds_alternative<member_returned>(r) || std::holds_alternative<relationship_transferred>(r))
            return record_date(r);
    return std::nullopt;
}

// Bumps the episode's version (conflict when stale) and refreshes its snapshot.
void touch_episode(sql::database& db, stored<mobility_episode> const& e, mobility_episode const& after) {
    sql::statement up(
        db,
        "UPDATE mob_episodes SET closed_on = :closed_on, version = version + 1 WHERE id = :id AND "
        "version = :version");
    bind_date(up, ":closed_on", closed_on(after));
    up.bind(":id", e.row);
    up.bind(":version", e.version);
    if (up.exec() != 1)
        throw conflict("mobility episode " + std::to_string(e.row) + " was changed by someone else");
}

}  // namespace storage::mobility_rows

using namespace storage::mobility_rows;

namespace {

std::string describe(episode_record const& r) {
    std::string d = std::string(chinese_name(kind_of(r))) + " on " + format_iso(record_date(r));
    auto const host = [&](std::optional<org_id> org) {
        if (org) d += "; host=" + std::to_string(org->value());
    };
    auto const place = [&](mobility_destination const& dest) {
        if (!dest.place.empty()) d += "; place=" + dest.place;
        host(dest.host_org);
    };
    std::visit(
        [&](auto const& x) {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, member_left>) {
                place(x.destination);
                d += "; reason=" + std::string(to_string(x.reason));
            } else if constexpr (std::is_same_v<T, moved_place>) {
                place(x.destination);
            } else if constexpr (std::is_same_v<T, reported_to_host> ||
                                 std::is_same_v<T, host_life_attended>) {
                host(x.host_org);
            } else if constexpr (std::is_same_v<T, host_dues_paid>) {
                host(x.host_org);
                if (x.dues_month)
                    d += "; dues " + ym_text(*x.dues_month) + " x" + std::to_string(x.dues_months) +
                         "; amount_fen=" + std::to_string(x.amount_fen.value());
            }
        },
        r);
    return d;
}

// The host named on a record and its name, when the kind names one: `f(host_org, host_org_name)`.
template <class R, class F>
void with_named_host(R& r, F f) {
    std::visit(
        [&](auto& x) {
            if constexpr (requires { x.destination; })
                f(x.destination.host_org, x.destination.host_org_name);
            else if constexpr (requires { x.host_org; })
                f(x.host_org, x.host_org_name);
        },
        r);
}

std::optional<org_id> host_named_on(episode_record const& r) {
    std::optional<org_id> out;
    with_named_host(r, [&](std::optional<org_id> const& org, std::string const&) { out = org; });
    return out;
}

// Checks that a host named on a record is in the store and fills in its name.
void complete_host(store const& s, episode_record& r) {
    with_named_host(r, [&](std::optional<org_id> const& org, std::string& name) {
        if (!org || !org->valid()) return;  // check_episode_record names a missing host
        auto const host = s.org(*org);
        if (name.empty()) name = host.name;
    });
}

// The host organisation on whose side record `r` of `ep` is made (一方隶属、多重管理: the host records
// the report, the org life and the dues it receives), or nothing for a record of the home branch.
std::optional<org_id> host_side_of(mobility_episode const& ep, episode_record const& r) {
    if (auto const* rep = std::get_if<reported_to_host>(&r)) return rep->host_org;
    if (std::holds_alternative<host_life_attended>(r) || std::holds_alternative<host_dues_paid>(r))
        if (auto const st = state_on(ep, record_date(r))) return st->host_org;
    return std::nullopt;
}

// Who may append `r` to `ep`: manage_mobility on the home branch, or, for a host-side record, on the
// host organisation (its principal need not hold the member's branch).
void require_episode_writer(store const& s, mobility_episode const& ep, episode_record const& r) {
    auto const host = host_side_of(ep, r);
    if (host && host->valid() && !storage::covers(s, ep.home_branch) && storage::covers(s, *host))
        storage::require(s, permission::manage_mobility, *host);
    else
        storage::require(s, permission::manage_mobility, ep.home_branch);
}

// The first host named on the episode that the principal's subtree holds, if any.
std::optional<org_id> covered_host(store const& s, mobility_episode const& ep) {
    for (auto const& r : ep.records)
        if (auto const h = host_named_on(r); h && h->valid() && storage::covers(s, *h)) return h;
    return std::nullopt;
}

}  // namespace

// ---------------------------------------------------------------------------------------------------
// Episodes

episode_id open_episode(store& s, member_id member, member_left const& left, std::string_view why) {
    storage::call const c(s);
    storage::require_member(s, permission::manage_mobility, member);
    auto& impl = impl_of(s);
    return storage::in_read("opening a mobility episode", [&]() -> episode_id {
        storage::check_not_in_future(s, left.date, "date");
        storage::check_text(left.note, "note", storage::text_cap::note, true);
        auto const m = s.get_member(member);
        episode_record first = left;
        complete_host(s, first);
        mobility_episode ep;
        ep.member = m.id;
        ep.member_name = m.name;
        ep.home_branch = m.branch;
        check_episode_record(ep, first, s.rules());
        require_member_on(s, m, left.date, false, "absence");
        for (auto const& other : member_episodes(s, member)) {
            auto const closed = closed_on(other);
            if (!closed || *closed > left.date)
                throw invalid_input(
                    "member", m.name + " is away in episode " + std::to_string(other.id.value()) + " (left " +
                                  format_iso(record_date(other.records.front())) +
                                  "); close it before recording a new absence on " + format_iso(left.date));
        }
        return storage::in_transaction(impl.db, [&] {
            sql::statement ins(impl.db,
                               "INSERT INTO mob_episodes(member_id, member_name, home_branch_id, left_on) "
                               "VALUES(:member_id, :member_name, :home_branch_id, :left_on)");
            ins.bind(":member_id", raw(m.id));
            ins.bind(":member_name", m.name);
            ins.bind(":home_branch_id", raw(m.branch));
            bind_date(ins, ":left_on", left.date);
            ins.exec();
            episode_id const id{impl.db.last_insert_id()};
            insert_episode_record(impl.db, raw(id), first);
            storage::append_audit(impl.db, impl.audit_actor, "episode", id.value(), "open", why,
                                  "member=" + std::to_string(m.id.value()) + "; home_branch=" +
                                      std::to_string(m.branch.value()) + "; " + describe(first));
            return id;
        });
    });
}

void record_episode(store& s, episode_id id, episode_record const& r, std::string_view why) {
    storage::call const c(s);
    auto& impl = impl_of(s);
    storage::in_read("recording a mobility episode", [&] {
        auto const e = load_episode(impl.db, id);
        require_episode_writer(s, e.value, r);
        storage::check_not_in_future(s, record_date(r), "date");
        storage::check_text(std::visit([](auto const& x) -> std::string const& { return x.note; }, r), "note",
                            storage::text_cap::note, true);
        auto next = r;
        complete_host(s, next);
        auto after = e.value;
        record_with_certificates(after, next, member_certificates(s, e.value.member), s.rules());
        storage::in_transaction(impl.db, [&] {
            insert_episode_record(impl.db, e.row, next);
            touch_episode(impl.db, e, after);
            storage::append_audit(impl.db, impl.audit_actor, "episode", id.value(), kind_name(next), why,
                                  describe(next));
        });
    });
}

mobility_episode get_episode(store const& s, episode_id id) {
    storage::call const c(s);
    return storage::in_read("reading a mobility episode", [&]() -> mobility_episode {
        auto ep = load_episode(impl_of(s).db, id).value;
        // The host reads the episodes it hosts, not the member's other records.
        auto const host = storage::covers(s, ep.home_branch) ? std::nullopt : covered_host(s, ep);
        storage::require(s, permission::read_roster, host.value_or(ep.home_branch));
        return ep;
    });
}

std::vector<mobility_episode> member_episodes(store const& s, member_id member) {
    storage::call const c(s);
    storage::require_permission(s, permission::read_roster);
    return storage::in_read("reading mobility episodes", [&]() -> std::vector<mobility_episode> {
        sql::statement st(impl_of(s).db, "SELECT branch_id FROM members WHERE id = :id");
        st.bind(":id", raw(member));
        if (!st.step()) return {};
        org_id const branch{st.column(0).as_int64()};
        std::vector<mobility_episode> out;
        for (auto& e : load_episodes(impl_of(s).db, "WHERE e.member_id = :id", bind_int(raw(member))))
            out.push_back(std::move(e.value));
        if (storage::covers(s, branch)) return out;
        // A host sees the episodes it hosts; anyone else is refused the member's records.
        std::erase_if(out, [&](mobility_episode const& ep) { return !covered_host(s, ep); });
        if (out.empty()) storage::require(s, permission::read_roster, branch);
        return out;
    });
}

std::vector<mobility_episode> episodes(store const& s, scope requested, episode_side side) {
    storage::call const c(s);
    auto const sc = storage::visible_scope(s, requested);
    auto& impl = impl_of(s);
    return storage::in_read("listing mobility episodes", [&]() -> std::vector<mobility_episode> {
        auto const ids = storage::scope_org_ids(impl.db, sc);
        std::vector<mobility_episode> out;
        auto const where = side == episode_side::home
                               ? std::string()
                               : std::string(
                                     "WHERE e.id IN (SELECT episode_id FROM mob_episode_records WHERE "
                                     "host_org_id IS NOT NULL)");
        for (auto& e : load_episodes(impl.db, where, no_bind())) {
            auto const& ep = e.value;
            bool const keep = side == episode_side::home ? in_ids(ids, ep.home_branch)
                                                         : std::any_of(ep.records.begin(), ep.records.end(),
                                                                       [&](episode_record const& r) {
                                                                           auto const h = host_named_on(r);
                                                                           return h && in_ids(ids, *h);
                                                                       });
            if (keep) out.push_back(std::move(e.value));
        }
        return out;
    });
}

}  // namespace dangyuan
