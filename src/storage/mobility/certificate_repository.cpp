// Activity certificates (流动党员活动证) and their numbering: a header row per certificate and one row
// per record; the numbering sequence is one row with a version.

#include "../access.hpp"
#include "../plausibility.hpp"
#include "mobility_rows.hpp"

namespace dangyuan {
namespace storage::mobility_rows {

// ---- certificates

constexpr char const* certificate_head =
    "SELECT c.id, c.version, c.number, c.member_id, c.member_name, c.branch_id, c.issuing_committee_id, "
    "c.issued, c.reason, c.destination, c.expected_months, c.fixed_place, c.transfer_blocked_reason, "
    "c.replaces FROM mob_certificates c ";
constexpr char const* certificate_records =
    "SELECT r.certificate_id, r.kind, r.date, r.org_id, r.org_name, r.evaluation_id, r.text FROM "
    "mob_certificate_records r JOIN mob_certificates c ON c.id = r.certificate_id ";

// The organisation a record names (presented, reviewed, returned), as `f(org, org_name)`.
template <class R, class F>
void with_record_org(R& r, F f) {
    std::visit(
        [&](auto& x) {
            if constexpr (requires { x.org; }) f(x.org, x.org_name);
        },
        r);
}

std::optional<org_id> org_of(certificate_record const& r) {
    std::optional<org_id> out;
    with_record_org(r, [&](std::optional<org_id> const& o, std::string const&) { out = o; });
    return out;
}

// The free text of a record: the review's result, the member's report, the reason of a loss or
// revocation; empty for a presentation.
std::string const& text_of(certificate_record const& r) {
    static std::string const none;
    return std::visit(
        [](auto const& x) -> std::string const& {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, certificate_reviewed>)
                return x.result;
            else if constexpr (std::is_same_v<T, certificate_returned>)
                return x.report;
            else if constexpr (std::is_same_v<T, certificate_presented>)
                return none;
            else
                return x.reason;
        },
        r);
}

// A record from the columns of `certificate_records` (from column 1): each kind reads only its own
// columns; `text` holds the review's result, the member's report or the reason of a loss or revocation.
certificate_record read_certificate_record(sql::statement& st) {
    auto const kind = storage::stored_enum<certificate_event_kind>(st.column(1).as_string(),
                                                                   "mob_certificate_records.kind");
    auto const d = *column_date(st, 2, "mob_certificate_records.date");
    auto org = column_id<org_id>(st, 3);
    auto org_name = st.column(4).as_string();
    auto text = st.column(6).as_string();
    switch (kind) {
        case certificate_event_kind::presented:
            return certificate_presented{d, org, std::move(org_name)};
        case certificate_event_kind::reviewed:
            return certificate_reviewed{d, org, std::move(org_name), column_id<campaign_id>(st, 5),
                                        std::move(text)};
        case certificate_event_kind::returned:
            return certificate_returned{d, org, std::move(org_name), std::move(text)};
        case certificate_event_kind::lost:
            return certificate_lost{d, std::move(text)};
        case certificate_event_kind::revoked:
            return certificate_revoked{d, std::move(text)};
    }
    throw storage_error("mob_certificate_records.kind: unknown kind");
}

std::vector<stored<activity_certificate>> load_certificates(sql::database& db, std::string const& where,
                                                            binder const& bind) {
    return load<activity_certificate>(
        db, certificate_head + where + " ORDER BY c.id", certificate_records + where + " ORDER BY r.id", bind,
        [](sql::statement& st) {
            activity_certificate c;
            c.number = certificate_no{st.column(2).as_string()};
            c.member = member_id{st.column(3).as_int64()};
            auto& i = c.issue;
            i.member_name = st.column(4).as_string();
            i.branch = org_id{st.column(5).as_int64()};
            i.issuing_committee = org_id{st.column(6).as_int64()};
            i.issued = *column_date(st, 7, "mob_certificates.issued");
            i.reason =
                storage::stored_enum<mobility_reason>(st.column(8).as_string(), "mob_certificates.reason");
            i.destination = st.column(9).as_string();
            i.expected_months = st.column(10).as_int();
            i.fixed_place = st.column(11).as_int() != 0;
            i.transfer_blocked_reason = st.column(12).as_string();
            if (!st.column(13).is_null()) i.replaces = certificate_no{st.column(13).as_string()};
            return c;
        },
        [](activity_certificate& c, sql::statement& st) {
            c.records.push_back(read_certificate_record(st));
        });
}
}  // namespace storage::mobility_rows

using namespace storage::mobility_rows;

namespace {

stored<activity_certificate> load_certificate(sql::database& db, certificate_no const& number) {
    auto all = load_certificates(db, "WHERE c.number = :number",
                                 [&](sql::statement& st) { st.bind(":number", number.value); });
    if (all.empty()) throw not_found("no activity certificate numbered '" + number.value + "'");
    return std::move(all.front());
}

// The state after every record, for the snapshot column.
certificate_state final_state(activity_certificate const& c) {
    auto const last = c.records.empty() ? c.issue.issued : record_date(c.records.back());
    return state_on(c, last)->state;
}

std::int64_t insert_certificate(sql::database& db, activity_certificate const& c) {
    sql::statement ins(
        db,
        "INSERT INTO mob_certificates(number, member_id, member_name, branch_id, issuing_committee_id, "
        "issued, "
        "reason, destination, expected_months, fixed_place, transfer_blocked_reason, replaces, state) "
        "VALUES(:number, :member_id, :member_name, :branch_id, :issuing_committee_id, :issued, :reason, "
        ":destination, :expected_months, :fixed_place, :transfer_blocked_reason, :replaces, :state)");
    auto const& i = c.issue;
    ins.bind(":number", c.number.value);
    ins.bind(":member_id", raw(c.member));
    ins.bind(":member_name", i.member_name);
    ins.bind(":branch_id", raw(i.branch));
    ins.bind(":issuing_committee_id", raw(i.issuing_committee));
    bind_date(ins, ":issued", i.issued);
    ins.bind(":reason", std::string(to_string(i.reason)));
    ins.bind(":destination", i.destination);
    ins.bind(":expected_months", i.expected_months);
    ins.bind(":fixed_place", i.fixed_place ? 1 : 0);
    ins.bind(":transfer_blocked_reason", i.transfer_blocked_reason);
    if (i.replaces)
        ins.bind(":replaces", i.replaces->value);
    else
        ins.bind(":replaces");
    ins.bind(":state", std::string(to_string(final_state(c))));
    ins.exec();
    return db.last_insert_id();
}

void insert_certificate_record(sql::database& db, std::int64_t certificate, certificate_record const& r) {
    sql::statement ins(db,
                       "INSERT INTO mob_certificate_records(certificate_id, kind, date, org_id, org_name, "
                       "evaluation_id, text) VALUES(:certificate_id, :kind, :date, :org_id, :org_name, "
                       ":evaluation_id, :text)");
    ins.bind(":certificate_id", certificate);
    ins.bind(":kind", std::string(kind_name(r)));
    bind_date(ins, ":date", record_date(r));
    ins.bind(":org_id");
    ins.bind(":org_name", std::string());
    with_record_org(r, [&](std::optional<org_id> const& o, std::string const& name) {
        bind_opt(ins, ":org_id", opt_raw(o));
        ins.bind(":org_name", name);
    });
    auto const* review = std::get_if<certificate_reviewed>(&r);
    bind_opt(ins, ":evaluation_id", review ? opt_raw(review->evaluation) : std::nullopt);
    ins.bind(":text", text_of(r));
    ins.exec();
}

void touch_certificate(sql::database& db, stored<activity_certificate> const& c,
                       activity_certificate const& after) {
    sql::statement up(db,
                      "UPDATE mob_certificates SET state = :state, version = version + 1 WHERE id = :id AND "
                      "version = :version");
    up.bind(":state", std::string(to_string(final_state(after))));
    up.bind(":id", c.row);
    up.bind(":version", c.version);
    if (up.exec() != 1)
        throw conflict("activity certificate " + c.value.number.value + " was changed by someone else");
}

std::string describe(activity_certificate const& c) {
    auto const& i = c.issue;
    std::string d = "number=" + c.number.value + "; member=" + std::to_string(c.member.value()) +
                    "; branch=" + std::to_string(i.branch.value()) +
                    "; committee=" + std::to_string(i.issuing_committee.value()) +
                    "; issued=" + format_iso(i.issued) + "; reason=" + std::string(to_string(i.reason)) +
                    "; destination=" + i.destination +
                    "; expected_months=" + std::to_string(i.expected_months);
    if (i.replaces) d += "; replaces=" + i.replaces->value;
    return d;
}

std::string describe(certificate_record const& r) {
    std::string d = std::string(chinese_name(kind_of(r))) + " on " + format_iso(record_date(r));
    if (auto const org = org_of(r)) d += "; org=" + std::to_string(org->value());
    if (!text_of(r).empty()) d += "; text=" + text_of(r);
    return d;
}

// The stored numbering state (prefix, digits, next sequence, version) or the rule set's, unsaved.
struct numbering_row {
    std::string prefix;
    int digits = 6;
    std::int64_t next = 1;
    std::optional<std::int64_t> version;  // nothing: no row yet
};

numbering_row read_numbering(sql::database& db, rule_set const& rules) {
    sql::statement st(db, "SELECT prefix, digits, next_sequence, version FROM mob_certificate_numbering");
    if (st.step())
        return {st.column(0).as_string(), st.column(1).as_int(), st.column(2).as_int64(),
                st.column(3).as_int64()};
    return {rules.mobility.certificate_number_prefix, rules.mobility.certificate_number_digits, 1,
            std::nullopt};
}

certificate_numbering numbering_of(sql::database& db, rule_set const& rules) {
    auto const row = read_numbering(db, rules);
    certificate_numbering n(row.prefix, row.digits, row.next);
    sql::statement st(db, "SELECT number FROM mob_certificates");
    while (st.step())
        n.reserve(certificate_no{st.column(0).as_string()});
    return n;
}

// Saves the sequence after an issue; conflict when another writer moved it since `before` was read.
void save_numbering(sql::database& db, numbering_row const& before, certificate_numbering const& after) {
    if (!before.version) {
        sql::statement ins(db,
                           "INSERT INTO mob_certificate_numbering(id, prefix, digits, next_sequence) "
                           "VALUES(1, :prefix, :digits, :next_sequence)");
        ins.bind(":prefix", after.prefix());
        ins.bind(":digits", after.digits());
        ins.bind(":next_sequence", static_cast<std::int64_t>(after.next_sequence()));
        ins.exec();
        return;
    }
    sql::statement up(
        db,
        "UPDATE mob_certificate_numbering SET next_sequence = :next_sequence, version = version + 1 "
        "WHERE id = 1 AND version = :version");
    up.bind(":next_sequence", static_cast<std::int64_t>(after.next_sequence()));
    up.bind(":version", *before.version);
    if (up.exec() != 1) throw conflict("the certificate numbering was changed by someone else");
}

}  // namespace

// ---------------------------------------------------------------------------------------------------
// Certificates

certificate_numbering certificate_numbering_of(store const& s) {
    storage::call const c(s);  // needs nothing: the numbering is no one's record
    return storage::in_read("reading the certificate numbering", [&]() -> certificate_numbering {
        return numbering_of(impl_of(s).db, s.rules());
    });
}

void set_certificate_numbering(store& s, std::string prefix, int digits, std::int64_t next_sequence,
                               std::string_view why) {
    storage::call const c(s);
    storage::require_store_wide(s, permission::manage_profiles);
    auto& impl = impl_of(s);
    storage::in_read("setting the certificate numbering", [&] {
        if (next_sequence < 1)
            throw invalid_input("next_sequence", "sequence starts at " + std::to_string(next_sequence));
        certificate_numbering const checked(prefix, digits, next_sequence);  // throws on bad digits
        storage::in_transaction(impl.db, [&] {
            sql::statement up(impl.db,
                              "INSERT INTO mob_certificate_numbering(id, prefix, digits, next_sequence) "
                              "VALUES(1, :prefix, :digits, :next_sequence) ON CONFLICT(id) DO UPDATE SET "
                              "prefix = excluded.prefix, "
                              "digits = excluded.digits, next_sequence = excluded.next_sequence, "
                              "version = mob_certificate_numbering.version + 1");
            up.bind(":prefix", checked.prefix());
            up.bind(":digits", checked.digits());
            up.bind(":next_sequence", static_cast<std::int64_t>(checked.next_sequence()));
            up.exec();
            storage::append_audit(impl.db, impl.audit_actor, "certificate_numbering", 1, "set", why,
                                  "prefix=" + checked.prefix() +
                                      "; digits=" + std::to_string(checked.digits()) +
                                      "; next_sequence=" + std::to_string(checked.next_sequence()));
        });
    });
}

namespace {

// Fills in the register entry and checks it against the store: the member's branch, a committee above
// it, a member in normal standing on the issue date.
void complete_issue(store const& s, member const& m, certificate_issue& issue) {
    if (issue.member_name.empty()) issue.member_name = m.name;
    if (!issue.branch.valid()) issue.branch = m.branch;
    if (issue.branch != m.branch)
        throw invalid_input("branch", "the certificate is issued through " + m.name + "'s branch " +
                                          std::to_string(m.branch.value()) + ", not " +
                                          std::to_string(issue.branch.value()));
    if (!issue.issuing_committee.valid()) {
        auto const c = committee_above(s, issue.branch);
        if (!c)
            throw invalid_input("issuing_committee", "no grassroots committee above branch " +
                                                         std::to_string(issue.branch.value()));
        issue.issuing_committee = *c;
    }
    auto const committee = s.org(issue.issuing_committee);
    check_issuer(committee);
    if (!at_or_below(impl_of(s).db, issue.branch, issue.issuing_committee))
        throw invalid_input("issuing_committee",
                            committee.name + " is not above branch " + std::to_string(issue.branch.value()));
    require_member_on(s, m, issue.issued, false, "certificate");
}

// The first organisation `c` was presented to (查验) that the principal's subtree holds, if any: the
// host reads the certificates presented to it.
std::optional<org_id> covered_presentation(store const& s, activity_certificate const& c) {
    for (auto const& r : c.records)
        if (auto const* p = std::get_if<certificate_presented>(&r);
            p && p->org && p->org->valid() && storage::covers(s, *p->org))
            return p->org;
    return std::nullopt;
}

// Who may append `r` to `c`: manage_mobility on the member's branch, or on the host organisation for the
// records the host makes when the certificate is used there: its presentation (查验) and its annual
// review by the host it was last presented to. Issue, return, loss and revocation stay with the home side.
void require_certificate_writer(store const& s, activity_certificate const& c, certificate_record const& r) {
    auto const org = org_of(r);
    if (org && org->valid() && storage::covers(s, *org)) {
        bool host_side = std::holds_alternative<certificate_presented>(r);
        if (std::holds_alternative<certificate_reviewed>(r)) {
            auto const st = state_on(c, record_date(r));
            host_side = st && st->host == org;
        }
        if (host_side) {
            if (!storage::covers(s, s.get_member(c.member).branch)) {
                storage::require(s, permission::manage_mobility, *org);
                return;
            }
        }
    }
    storage::require_member(s, permission::manage_mobility, c.member);
}

certificate_no issue_checked(store& s, member_id member, std::optional<certificate_no> const& number,
                             certificate_issue issue, std::string_view why) {
    storage::require_member(s, permission::manage_mobility, member);
    auto& impl = impl_of(s);
    return storage::in_read("issuing an activity certificate", [&]() -> certificate_no {
        storage::check_certificate_issue(s, issue);
        auto const m = s.get_member(member);
        complete_issue(s, m, issue);
        auto const existing = member_certificates(s, member);
        auto const before = read_numbering(impl.db, s.rules());
        auto numbering = numbering_of(impl.db, s.rules());
        auto const c = number ? issue_certificate(numbering, *number, member, issue, existing, s.rules())
                              : issue_certificate(numbering, member, issue, existing, s.rules());
        storage::in_transaction(impl.db, [&] {
            auto const row = insert_certificate(impl.db, c);
            if (!number) save_numbering(impl.db, before, numbering);
            storage::append_audit(impl.db, impl.audit_actor, "certificate", row, "issue", why, describe(c));
        });
        return c.number;
    });
}

}  // namespace

certificate_no issue_certificate(store& s, member_id member, certificate_issue issue, std::string_view why) {
    storage::call const c(s);
    return issue_checked(s, member, std::nullopt, std::move(issue), why);
}

certificate_no issue_certificate(store& s, member_id member, certificate_no const& number,
                                 certificate_issue issue, std::string_view why) {
    storage::call const c(s);
    return issue_checked(s, member, number, std::move(issue), why);
}

certificate_no reissue_certificate(store& s, certificate_no const& lost, date::sys_days lost_on,
                                   std::string reason, std::optional<certificate_issue> replacement,
                                   std::string_view why) {
    storage::call const c(s);
    auto& impl = impl_of(s);
    return storage::in_read("reissuing an activity certificate", [&]() -> certificate_no {
        auto const old = load_certificate(impl.db, lost);
        storage::require_member(s, permission::manage_mobility, old.value.member);
        storage::check_not_in_future(s, lost_on, "lost_on");
        storage::check_text(reason, "reason", storage::text_cap::note, true);
        if (replacement) storage::check_certificate_issue(s, *replacement);
        auto issue = replacement.value_or(old.value.issue);
        if (!replacement) {
            issue.issued = lost_on;
            issue.replaces.reset();
        }
        auto const m = s.get_member(old.value.member);
        complete_issue(s, m, issue);
        auto const existing = member_certificates(s, old.value.member);
        auto const before = read_numbering(impl.db, s.rules());
        auto numbering = numbering_of(impl.db, s.rules());
        auto after_loss = old.value;
        auto const fresh =
            reissue_after_loss(after_loss, lost_on, std::move(reason), numbering, issue, existing, s.rules());
        storage::in_transaction(impl.db, [&] {
            insert_certificate_record(impl.db, old.row, after_loss.records.back());
            touch_certificate(impl.db, old, after_loss);
            auto const row = insert_certificate(impl.db, fresh);
            save_numbering(impl.db, before, numbering);
            storage::append_audit(
                impl.db, impl.audit_actor, "certificate", row, "reissue", why,
                "lost=" + lost.value + " on " + format_iso(lost_on) + "; " + describe(fresh));
        });
        return fresh.number;
    });
}

void record_certificate(store& s, certificate_no const& number, certificate_record const& r,
                        std::string_view why) {
    storage::call const guard(s);
    auto& impl = impl_of(s);
    storage::in_read("recording an activity certificate", [&] {
        auto const c = load_certificate(impl.db, number);
        require_certificate_writer(s, c.value, r);
        storage::check_not_in_future(s, record_date(r), "date");
        with_record_org(r, [](std::optional<org_id> const&, std::string const& name) {
            storage::check_text(name, "org_name", storage::text_cap::org_name);
        });
        constexpr std::array<char const*, std::variant_size_v<certificate_record>> text_field{
            "org_name", "result", "report", "reason", "reason"};
        storage::check_text(text_of(r), text_field[r.index()], storage::text_cap::note, true);
        auto next = r;
        with_record_org(next, [&](std::optional<org_id> const& o, std::string& name) {
            if (!o || !o->valid()) return;
            auto const found = s.org(*o);
            if (name.empty()) name = found.name;
        });
        auto after = c.value;
        record(after, next, s.rules());
        storage::in_transaction(impl.db, [&] {
            insert_certificate_record(impl.db, c.row, next);
            touch_certificate(impl.db, c, after);
            storage::append_audit(impl.db, impl.audit_actor, "certificate", c.row, kind_name(next), why,
                                  "number=" + number.value + "; " + describe(next));
        });
    });
}

activity_certificate get_certificate(store const& s, certificate_no const& number) {
    storage::call const c(s);
    return storage::in_read("reading an activity certificate", [&]() -> activity_certificate {
        auto cert = load_certificate(impl_of(s).db, number).value;
        if (auto const host = covered_presentation(s, cert))
            storage::require(s, permission::read_roster, *host);
        else
            storage::require_member(s, permission::read_roster, cert.member);
        return cert;
    });
}

std::vector<activity_certificate> member_certificates(store const& s, member_id member) {
    storage::call const c(s);
    storage::require_permission(s, permission::read_roster);
    return storage::in_read("reading activity certificates", [&]() -> std::vector<activity_certificate> {
        sql::statement st(impl_of(s).db, "SELECT branch_id FROM members WHERE id = :id");
        st.bind(":id", raw(member));
        if (!st.step()) return {};
        org_id const branch{st.column(0).as_int64()};
        std::vector<activity_certificate> out;
        for (auto& c : load_certificates(impl_of(s).db, "WHERE c.member_id = :id", bind_int(raw(member))))
            out.push_back(std::move(c.value));
        if (storage::covers(s, branch)) return out;
        // A host sees the certificates presented to it; anyone else is refused the member's records.
        std::erase_if(out, [&](activity_certificate const& cert) { return !covered_presentation(s, cert); });
        if (out.empty()) storage::require(s, permission::read_roster, branch);
        return out;
    });
}

std::vector<activity_certificate> certificates(store const& s, scope requested) {
    storage::call const c(s);
    auto const sc = storage::visible_scope(s, requested);
    auto& impl = impl_of(s);
    return storage::in_read("listing activity certificates", [&]() -> std::vector<activity_certificate> {
        auto const ids = storage::scope_org_ids(impl.db, sc);
        std::vector<activity_certificate> out;
        for (auto& c : load_certificates(impl.db, "", no_bind()))
            if (in_ids(ids, c.value.issue.branch)) out.push_back(std::move(c.value));
        return out;
    });
}

}  // namespace dangyuan
