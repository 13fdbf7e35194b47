// Party dues (党费): an account's terms, bases, reliefs and excuses, and the payments. Every command
// loads the account, checks the change with the pure rules (life/dues.hpp) and only then opens its
// transaction, so a refused command writes nothing.

#include <algorithm>

#include "../access.hpp"
#include "../plausibility.hpp"
#include "life_rows.hpp"

namespace dangyuan {

using namespace storage::life_rows;

namespace {

// The first month judged: the admission month (dues.from_admission_month) or the ledger start if later.
date::year_month first_month(dues_account const& a) {
    auto const admitted = month_of(a.admission_date);
    return a.ledger_start && *a.ledger_start > admitted ? *a.ledger_start : admitted;
}

// The account invariants the statement relies on: a base in effect from the first month judged, and a
// last month not before it. Checked after every change, so reading a statement never fails on them.
void check_account(dues_account const& a, rule_set const& rules, char const* base_field) {
    validate_dues_account(a, rules);
    for (auto const& b : a.bases)
        (void)monthly_dues(b.category, b.base, rules.life);
    auto const first = first_month(a);
    if (a.last_month && *a.last_month < first)
        throw invalid_input("last_month", "last month owed " + format_month(*a.last_month) +
                                              " is before the first month judged " + format_month(first));
    if (std::none_of(a.bases.begin(), a.bases.end(),
                     [&](dues_base_change const& b) { return b.effective <= first; }))
        throw invalid_input(
            base_field, "no dues base in effect for " + format_month(first) +
                            ", the first month owed (admission " + format_iso(a.admission_date) +
                            (a.ledger_start ? ", ledger start " + format_month(*a.ledger_start) : "") + ")");
}

// The terms of an account, into the account and into a statement (:ledger_start, :last_month,
// :quarterly).
void with_terms(dues_account& a, dues_terms const& t) {
    a.ledger_start = t.ledger_start;
    a.last_month = t.last_month;
    a.pays_quarterly = t.pays_quarterly;
}
void bind_terms(sql::statement& st, dues_terms const& t) {
    bind_month(st, ":ledger_start", t.ledger_start);
    bind_month(st, ":last_month", t.last_month);
    st.bind(":quarterly", t.pays_quarterly ? 1 : 0);
}

std::string describe(dues_base_change const& b) {
    return "effective=" + format_month(b.effective) + "; category=" + std::string(to_string(b.category)) +
           "; base=" + format_yuan(b.base);
}

std::string describe(dues_terms const& t) {
    return "ledger_start=" + (t.ledger_start ? format_month(*t.ledger_start) : std::string("-")) +
           "; last_month=" + (t.last_month ? format_month(*t.last_month) : std::string("-")) +
           "; pays_quarterly=" + (t.pays_quarterly ? "yes" : "no");
}

void insert_base(sql::database& db, member_id id, dues_base_change const& b) {
    sql::statement ins(
        db,
        "INSERT INTO life_dues_bases(member_id, effective, category, base_fen) VALUES(:member, "
        ":effective, :category, :base)");
    ins.bind(":member", raw(id));
    ins.bind(":effective", format_month(b.effective));
    ins.bind(":category", std::string(to_string(b.category)));
    ins.bind(":base", static_cast<std::int64_t>(b.base.value()));
    ins.exec();
}

}  // namespace

void open_dues_account(store& s, member_id member, dues_base_change const& initial, dues_terms const& terms,
                       std::string_view why) {
    storage::call const c(s);
    storage::require_member(s, permission::organisational_life, member);
    auto& impl = impl_of(s);
    storage::in_read("opening a dues account", [&] {
        auto const m = s.get_member(member);
        if (account_of(s, m)) throw conflict(who(m) + " already has a dues account");
        dues_account a;
        a.member = m.id;
        a.admission_date = m.admission_date;
        with_terms(a, terms);
        a.bases.push_back(initial);
        check_account(a, s.rules(), "effective");
        storage::in_transaction(impl.db, [&] {
            sql::statement ins(impl.db,
                               "INSERT INTO life_dues_accounts(member_id, ledger_start, last_month, "
                               "pays_quarterly) VALUES(:member, :ledger_start, :last_month, :quarterly)");
            ins.bind(":member", raw(member));
            bind_terms(ins, terms);
            ins.exec();
            insert_base(impl.db, member, initial);
            storage::append_audit(
                impl.db, impl.audit_actor, "dues", member.value(), "open", why,
                describe(terms) + "; " + describe(initial) +
                    "; monthly=" + format_yuan(monthly_dues(initial.category, initial.base, s.rules().life)));
        });
    });
}

void set_dues_terms(store& s, member_id member, dues_terms const& terms, std::string_view why) {
    storage::call const c(s);
    storage::require_member(s, permission::organisational_life, member);
    auto& impl = impl_of(s);
    storage::in_read("changing dues terms", [&] {
        auto const m = s.get_member(member);
        auto rows = require_account(s, m);
        if (rows.terms.version != terms.version)
            throw conflict("the dues account of " + who(m) + " was changed by someone else (stored version " +
                           std::to_string(rows.terms.version) + ", yours " + std::to_string(terms.version) +
                           ")");
        auto a = rows.account;
        with_terms(a, terms);
        check_account(a, s.rules(), "ledger_start");
        storage::in_transaction(impl.db, [&] {
            sql::statement up(
                impl.db,
                "UPDATE life_dues_accounts SET ledger_start = :ledger_start, last_month = :last_month, "
                "pays_quarterly = :quarterly, version = version + 1 WHERE member_id = :member AND version = "
                ":version");
            bind_terms(up, terms);
            up.bind(":member", raw(member));
            up.bind(":version", terms.version);
            if (up.exec() != 1) throw conflict("the dues account of " + who(m) + " changed meanwhile");
            storage::append_audit(impl.db, impl.audit_actor, "dues", member.value(), "terms", why,
                                  describe(rows.terms) + " -> " + describe(terms));
        });
    });
}

void change_dues_base(store& s, member_id member, dues_base_change const& change, std::string_view why) {
    storage::call const c(s);
    storage::require_member(s, permission::organisational_life, member);
    auto& impl = impl_of(s);
    storage::in_read("changing a dues base", [&] {
        auto const m = s.get_member(member);
        auto a = require_account(s, m).account;
        a.bases.push_back(change);
        check_account(a, s.rules(), "effective");
        storage::in_transaction(impl.db, [&] {
            insert_base(impl.db, member, change);
            storage::append_audit(
                impl.db, impl.audit_actor, "dues", member.value(), "base", why,
                describe(change) +
                    "; monthly=" + format_yuan(monthly_dues(change.category, change.base, s.rules().life)));
        });
    });
}

void add_dues_relief(store& s, member_id member, dues_relief const& relief, std::string_view why) {
    storage::call const c(s);
    storage::require_member(s, permission::organisational_life, member);
    auto& impl = impl_of(s);
    storage::in_read("recording a dues relief", [&] {
        storage::check_not_in_future(s, relief.branch_studied_on, "branch_studied_on");
        storage::check_not_in_future(s, relief.approved_on, "approved_on");
        storage::check_text(relief.reason, "reason", storage::text_cap::note, true);
        storage::check_text(relief.approved_by, "approved_by", storage::text_cap::long_text);
        auto const m = s.get_member(member);
        auto a = require_account(s, m).account;
        validate_relief(relief);
        a.reliefs.push_back(relief);
        check_account(a, s.rules(), "effective");
        storage::in_transaction(impl.db, [&] {
            sql::statement ins(
                impl.db,
                "INSERT INTO life_dues_reliefs(member_id, from_month, to_month, monthly_fen, "
                "reason, branch_studied_on, approved_by, approved_on) VALUES(:member, :from, :to, "
                ":monthly, :reason, :studied_on, :approved_by, :approved_on)");
            ins.bind(":member", raw(member));
            bind_month(ins, ":from", relief.from);
            bind_month(ins, ":to", relief.to);
            ins.bind(":monthly", static_cast<std::int64_t>(relief.monthly_amount.value()));
            ins.bind(":reason", relief.reason);
            bind_date(ins, ":studied_on", relief.branch_studied_on);
            ins.bind(":approved_by", relief.approved_by);
            bind_date(ins, ":approved_on", relief.approved_on);
            ins.exec();
            storage::append_audit(impl.db, impl.audit_actor, "dues", member.value(), "relief", why,
                                  "from=" + format_month(relief.from) +
                                      "; to=" + (relief.to ? format_month(*relief.to) : std::string("-")) +
                                      "; monthly=" + format_yuan(relief.monthly_amount) +
                                      "; approved_by=" + relief.approved_by + "; approved_on=" +
                                      format_iso(*relief.approved_on) + "; reason=" + relief.reason);
        });
    });
}

void add_dues_excuse(store& s, member_id member, dues_excuse const& excuse, std::string_view why) {
    storage::call const c(s);
    storage::require_member(s, permission::organisational_life, member);
    auto& impl = impl_of(s);
    storage::in_read("recording a dues excuse", [&] {
        storage::check_text(excuse.reason, "reason", storage::text_cap::note, true);
        auto const m = s.get_member(member);
        auto a = require_account(s, m).account;
        if (!excuse.from.ok() || !excuse.to.ok()) throw invalid_input("from", "invalid month");
        if (excuse.to < excuse.from)
            throw invalid_input("to", "excuse ends " + format_month(excuse.to) + " before it starts " +
                                          format_month(excuse.from));
        if (excuse.reason.empty()) throw invalid_input("reason", "a good reason (正当理由) names the reason");
        a.excuses.push_back(excuse);
        check_account(a, s.rules(), "effective");
        storage::in_transaction(impl.db, [&] {
            sql::statement ins(
                impl.db,
                "INSERT INTO life_dues_excuses(member_id, from_month, to_month, reason) VALUES(:member, "
                ":from, :to, :reason)");
            ins.bind(":member", raw(member));
            bind_month(ins, ":from", excuse.from);
            bind_month(ins, ":to", excuse.to);
            ins.bind(":reason", excuse.reason);
            ins.exec();
            storage::append_audit(impl.db, impl.audit_actor, "dues", member.value(), "excuse", why,
                                  "from=" + format_month(excuse.from) + "; to=" + format_month(excuse.to) +
                                      "; reason=" + excuse.reason);
        });
    });
}

dues_payment_check record_dues_payment(store& s, dues_payment const& p, date::sys_days as_of,
                                       std::string_view why) {
    storage::call const c(s);
    storage::require_member(s, permission::organisational_life, p.member);
    auto& impl = impl_of(s);
    return storage::in_read("recording a dues payment", [&]() -> dues_payment_check {
        storage::check_not_in_future(s, p.paid_on, "paid_on");
        storage::check_text(p.collected_by, "collected_by", storage::text_cap::short_text);
        auto const m = s.get_member(p.member);
        auto rows = account_of(s, m);
        if (!rows && !p.voluntary)
            throw not_found(who(m) +
                            " has no dues account: open it with its first base before recording dues");
        dues_account a;
        if (rows) {
            a = rows->account;
        } else {
            a.member = m.id;
            a.admission_date = m.admission_date;
        }
        auto const check = check_dues_payment(p, a, as_of, s.rules());
        auto const collector = s.org(p.collecting_org);
        if (!collector.active_on(p.paid_on))
            throw invalid_input("collecting_org",
                                "'" + collector.name + "' does not exist on " + format_iso(p.paid_on));
        if (p.collected_by.empty()) throw invalid_input("collected_by", "name the collector (收缴人)");
        if (p.paid_at == dues_paid_at::home_org && m.joined_branch <= p.paid_on &&
            p.collecting_org != m.branch)
            throw invalid_input("collecting_org", "paid at home, but '" + collector.name +
                                                      "' is not the branch of " + who(m) + " (org " +
                                                      std::to_string(m.branch.value()) + ")");
        if (p.paid_at == dues_paid_at::host_org && p.collecting_org == m.branch)
            throw invalid_input("collecting_org", "paid at a host organisation, but '" + collector.name +
                                                      "' is the member's own branch");
        storage::in_transaction(impl.db, [&] {
            sql::statement ins(
                impl.db,
                "INSERT INTO life_dues_payments(member_id, month, amount_fen, voluntary, paid_at, "
                "collecting_org, collected_by, paid_on, recorded_on, months_back, "
                "late_back_payment, to_centre) VALUES(:member, :month, :amount, :voluntary, :paid_at, "
                ":collecting_org, :collected_by, :paid_on, :recorded_on, :months_back, :late, :to_centre)");
            ins.bind(":member", raw(p.member));
            bind_month(ins, ":month", p.month);
            ins.bind(":amount", static_cast<std::int64_t>(p.amount.value()));
            ins.bind(":voluntary", p.voluntary ? 1 : 0);
            ins.bind(":paid_at", std::string(to_string(p.paid_at)));
            ins.bind(":collecting_org", raw(p.collecting_org));
            ins.bind(":collected_by", p.collected_by);
            bind_date(ins, ":paid_on", p.paid_on);
            bind_date(ins, ":recorded_on", as_of);
            ins.bind(":months_back", check.months_back);
            ins.bind(":late", check.late_back_payment ? 1 : 0);
            ins.bind(":to_centre", check.to_centre ? 1 : 0);
            ins.exec();
            storage::append_audit(
                impl.db, impl.audit_actor, "dues", p.member.value(), "payment", why,
                std::string(p.voluntary ? "voluntary; " : "") + "month=" + format_month(p.month) +
                    "; amount=" + format_yuan(p.amount) + "; paid_on=" + format_iso(p.paid_on) +
                    "; paid_at=" + std::string(to_string(p.paid_at)) + "; collecting_org=" +
                    std::to_string(p.collecting_org.value()) + "; collected_by=" + p.collected_by +
                    (check.late_back_payment ? "; late back-payment" : "") +
                    (check.to_centre ? "; to the Centre" : ""));
        });
        return check;
    });
}

std::optional<dues_account> find_dues_account(store const& s, member_id member) {
    storage::call const c(s);
    storage::require_member(s, permission::read_roster, member);
    return storage::in_read("reading a dues account", [&]() -> std::optional<dues_account> {
        auto const m = s.get_member(member);
        auto rows = account_of(s, m);
        if (!rows) return std::nullopt;
        return std::move(rows->account);
    });
}

dues_terms get_dues_terms(store const& s, member_id member) {
    storage::call const c(s);
    storage::require_member(s, permission::read_roster, member);
    return storage::in_read("reading a dues account",
                            [&]() -> dues_terms { return require_account(s, s.get_member(member)).terms; });
}

std::vector<dues_payment> dues_payments(store const& s, member_id member) {
    storage::call const c(s);
    storage::require_member(s, permission::read_roster, member);
    auto& impl = impl_of(s);
    return storage::in_read("reading dues payments", [&]() -> std::vector<dues_payment> {
        (void)s.get_member(member);
        auto all = load_payments(impl.db, member);
        auto const it = all.find(raw(member));
        return it == all.end() ? std::vector<dues_payment>{} : std::move(it->second);
    });
}

dues_statement dues_statement_of(store const& s, member_id member, date::sys_days as_of) {
    storage::call const c(s);
    storage::require_member(s, permission::read_roster, member);
    auto& impl = impl_of(s);
    return storage::in_read("computing a dues statement", [&]() -> dues_statement {
        auto const a = require_account(s, s.get_member(member)).account;
        auto payments = load_payments(impl.db, member);
        return dues_arrears(a, payments[raw(member)], as_of, s.rules());
    });
}

std::vector<dues_position> dues_arrears_report(store const& s, date::sys_days as_of, scope requested) {
    storage::call const c(s);
    auto const sc = storage::visible_scope(s, requested);
    auto& impl = impl_of(s);
    return storage::in_read("computing dues arrears", [&]() -> std::vector<dues_position> {
        (void)storage::scope_org_ids(impl.db, sc);  // not_found for an unknown root
        auto accounts = load_accounts(impl.db, std::nullopt);
        auto payments = load_payments(impl.db, std::nullopt);
        auto const standing = standing_histories_in(s, sc);
        std::vector<dues_position> out;
        for (auto const& m : members_on(impl.db, as_of, sc, false)) {
            if (!standing.normal(m, as_of)) continue;
            auto const it = accounts.find(raw(m.id));
            if (it == accounts.end()) continue;
            auto a = it->second.account;
            a.admission_date = m.admission_date;
            auto statement = dues_arrears(a, payments[raw(m.id)], as_of, s.rules());
            auto streak = first_unpaid_streak(statement, s.rules());
            if (statement.arrears == fen{} && !streak) continue;
            out.push_back(dues_position{m.id, m.name, m.branch, std::move(statement), streak});
        }
        return out;
    });
}
}  // namespace dangyuan
