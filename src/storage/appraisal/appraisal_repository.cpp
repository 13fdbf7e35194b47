// The party-building appraisal (党建工作述职评议考核) and accountability (问责): cycles, reports, their
// appraisal and the use of results, accountability records. Every command checks the new record with the
// pure rules (appraisal/appraisal.hpp) before its transaction opens, so a refused command writes nothing.

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "../access.hpp"
#include "../member_rows.hpp"
#include "../plausibility.hpp"
#include "../rows.hpp"
#include "appraisal_rows.hpp"
#include "dangyuan/appraisal/appraisal_agenda.hpp"

namespace dangyuan {

namespace {

using storage::col_text;
using storage::format_iso;
using storage::raw;

constexpr char const* cycle_columns = "id, year, organiser_id, levels, opened_on, closed_on, note";

appraisal_cycle read_cycle(sql::statement& st, int at = 0) {
    appraisal_cycle c;
    c.id = appraisal_cycle_id{st.column(at).as_int64()};
    c.year = st.column(at + 1).as_int();
    c.organiser = org_id{st.column(at + 2).as_int64()};
    c.levels = st.column(at + 3).as_int();
    c.opened_on = storage::col_date(st, at + 4, "appraisal_cycles.opened_on");
    c.closed_on = storage::column_date(st, at + 5, "appraisal_cycles.closed_on");
    c.note = col_text(st, at + 6);
    return c;
}

appraisal_cycle load_cycle(sql::database& db, appraisal_cycle_id id) {
    sql::statement st(db, std::string("SELECT ") + cycle_columns + " FROM appraisal_cycles WHERE id = :id");
    st.bind(":id", raw(id));
    if (!st.step()) throw not_found("no appraisal cycle with id " + std::to_string(id.value()));
    return read_cycle(st);
}

constexpr char const* report_columns = "id, cycle_id, org_id, reporter_id, reported_on, summary";

appraisal_report read_report(sql::statement& st) {
    appraisal_report r;
    r.id = appraisal_report_id{st.column(0).as_int64()};
    r.cycle = appraisal_cycle_id{st.column(1).as_int64()};
    r.org = org_id{st.column(2).as_int64()};
    r.reporter = member_id{st.column(3).as_int64()};
    r.reported_on = storage::col_date(st, 4, "appraisal_reports.reported_on");
    r.summary = col_text(st, 5);
    return r;
}

appraisal_report load_report(sql::database& db, appraisal_report_id id) {
    sql::statement st(db, std::string("SELECT ") + report_columns + " FROM appraisal_reports WHERE id = :id");
    st.bind(":id", raw(id));
    if (!st.step()) throw not_found("no appraisal report with id " + std::to_string(id.value()));
    return read_report(st);
}

std::vector<appraisal_report> reports_of(sql::database& db, appraisal_cycle_id c) {
    sql::statement st(db, std::string("SELECT ") + report_columns +
                              " FROM appraisal_reports WHERE cycle_id = :c ORDER BY reported_on, id");
    st.bind(":c", raw(c));
    std::vector<appraisal_report> out;
    while (st.step())
        out.push_back(read_report(st));
    return out;
}

constexpr char const* rating_columns =
    "report_id, rated_on, votes_good, votes_fairly_good, votes_average, votes_poor, satisfied, "
    "basically_satisfied, dissatisfied, grade, override_reason, note";

appraisal_rating read_rating(sql::statement& st, int at = 0) {
    appraisal_rating r;
    r.report = appraisal_report_id{st.column(at).as_int64()};
    r.rated_on = storage::col_date(st, at + 1, "appraisal_ratings.rated_on");
    r.votes_good = st.column(at + 2).as_int();
    r.votes_fairly_good = st.column(at + 3).as_int();
    r.votes_average = st.column(at + 4).as_int();
    r.votes_poor = st.column(at + 5).as_int();
    r.satisfied = st.column(at + 6).as_int();
    r.basically_satisfied = st.column(at + 7).as_int();
    r.dissatisfied = st.column(at + 8).as_int();
    r.grade = storage::stored_enum<appraisal_grade>(col_text(st, at + 9), "appraisal_ratings.grade");
    r.override_reason = col_text(st, at + 10);
    r.note = col_text(st, at + 11);
    return r;
}

std::optional<appraisal_rating> rating_of(sql::database& db, appraisal_report_id id) {
    sql::statement st(
        db, std::string("SELECT ") + rating_columns + " FROM appraisal_ratings WHERE report_id = :r");
    st.bind(":r", raw(id));
    if (!st.step()) return std::nullopt;
    return read_rating(st);
}

constexpr char const* accountability_columns =
    "id, kind, org_id, member_id, cycle_id, decided_on, reason, deadline, completed_on, decision";

accountability_record read_accountability(sql::statement& st) {
    accountability_record r;
    r.id = accountability_id{st.column(0).as_int64()};
    r.kind = storage::stored_enum<accountability_kind>(col_text(st, 1), "accountability_records.kind");
    r.org = org_id{st.column(2).as_int64()};
    r.member = storage::column_id<member_id>(st, 3);
    r.cycle = storage::column_id<appraisal_cycle_id>(st, 4);
    r.decided_on = storage::col_date(st, 5, "accountability_records.decided_on");
    r.reason = col_text(st, 6);
    r.deadline = storage::column_date(st, 7, "accountability_records.deadline");
    r.completed_on = storage::column_date(st, 8, "accountability_records.completed_on");
    r.decision = col_text(st, 9);
    return r;
}

accountability_record load_accountability(sql::database& db, accountability_id id) {
    sql::statement st(
        db, std::string("SELECT ") + accountability_columns + " FROM accountability_records WHERE id = :id");
    st.bind(":id", raw(id));
    if (!st.step()) throw not_found("no accountability record with id " + std::to_string(id.value()));
    return read_accountability(st);
}

void require_member_exists(sql::database& db, member_id m) {
    auto const found = storage::members_of(db, {m});
    if (found.find(raw(m)) == found.end()) throw not_found("no member with id " + std::to_string(m.value()));
}

// The organisation followed by its ancestors, nearest first.
std::vector<org_id> chain_of(sql::database& db, org_id org) {
    std::vector<org_id> chain{org};
    for (auto const a : storage::ancestor_ids(db, org))
        chain.push_back(org_id{a});
    return chain;
}

std::string id_text(std::int64_t v) {
    return std::to_string(v);
}

}  // namespace

appraisal_cycle_id open_appraisal_cycle(store& s, appraisal_cycle const& c, std::string_view why) {
    storage::call const guard(s);
    storage::require(s, permission::run_evaluations, c.organiser);
    auto& impl = storage::impl_of(s);
    return storage::in_read("opening an appraisal cycle", [&]() -> appraisal_cycle_id {
        storage::check_not_in_future(s, c.opened_on, "opened_on");
        storage::check_text(c.note, "note", storage::text_cap::note, true);
        auto const o = s.org(c.organiser);
        std::vector<appraisal_cycle> existing;
        {
            sql::statement st(impl.db, std::string("SELECT ") + cycle_columns +
                                           " FROM appraisal_cycles WHERE organiser_id = :o AND year = :y");
            st.bind(":o", raw(c.organiser));
            st.bind(":y", c.year);
            while (st.step())
                existing.push_back(read_cycle(st));
        }
        check_cycle(c, o, existing);
        return storage::in_transaction(impl.db, [&] {
            sql::statement ins(impl.db,
                               "INSERT INTO appraisal_cycles(year, organiser_id, levels, opened_on, note) "
                               "VALUES(:y, :o, :l, :d, :note)");
            ins.bind(":y", c.year);
            ins.bind(":o", raw(c.organiser));
            ins.bind(":l", c.levels);
            ins.bind(":d", format_iso(c.opened_on));
            ins.bind(":note", c.note);
            ins.exec();
            appraisal_cycle_id const id{impl.db.last_insert_id()};
            storage::append_audit(
                impl.db, impl.audit_actor, "appraisal", id.value(), "cycle_opened", why,
                "year=" + std::to_string(c.year) + "; organiser=" + id_text(raw(c.organiser)) +
                    "; levels=" + std::to_string(c.levels) + "; date=" + format_iso(c.opened_on));
            return id;
        });
    });
}

void close_appraisal_cycle(store& s, appraisal_cycle_id id, date::sys_days on, std::string_view why) {
    storage::call const guard(s);
    auto& impl = storage::impl_of(s);
    auto const c = storage::in_read("closing an appraisal cycle", [&] { return load_cycle(impl.db, id); });
    storage::require(s, permission::run_evaluations, c.organiser);
    storage::in_read("closing an appraisal cycle", [&] {
        storage::check_not_in_future(s, on, "date");
        std::optional<date::sys_days> last;
        sql::statement st(
            impl.db,
            "SELECT max(d) FROM (SELECT reported_on AS d FROM appraisal_reports WHERE cycle_id = :c "
            "UNION ALL SELECT g.rated_on FROM appraisal_ratings g JOIN appraisal_reports r ON "
            "r.id = g.report_id WHERE r.cycle_id = :c) AS dates");
        st.bind(":c", raw(id));
        if (st.step()) last = storage::column_date(st, 0, "appraisal last date");
        check_close(c, on, last);
        storage::in_transaction(impl.db, [&] {
            sql::statement up(
                impl.db, "UPDATE appraisal_cycles SET closed_on = :d WHERE id = :id AND closed_on IS NULL");
            up.bind(":d", format_iso(on));
            up.bind(":id", raw(id));
            if (up.exec() != 1)
                throw conflict("cycle " + std::to_string(id.value()) +
                               " was closed by someone else meanwhile; reload and try again");
            storage::append_audit(impl.db, impl.audit_actor, "appraisal", id.value(), "cycle_closed", why,
                                  "date=" + format_iso(on));
        });
    });
}

appraisal_report_id record_appraisal_report(store& s, appraisal_report const& r, std::string_view why) {
    storage::call const guard(s);
    auto& impl = storage::impl_of(s);
    auto const c = storage::in_read("recording a report", [&] { return load_cycle(impl.db, r.cycle); });
    storage::require(s, permission::run_evaluations, c.organiser);
    return storage::in_read("recording a report", [&]() -> appraisal_report_id {
        storage::check_not_in_future(s, r.reported_on, "reported_on");
        storage::check_text(r.summary, "summary", storage::text_cap::note, true);
        auto const o = s.org(r.org);
        auto const chain = chain_of(impl.db, r.org);
        check_report(c, chain, r, reports_of(impl.db, r.cycle));
        auto rec = r;
        if (rec.reporter) require_member_exists(impl.db, *rec.reporter);
        auto const leaders = s.leadership(r.org, r.reported_on);
        rec.reporter = check_reporter(o, r.reported_on, r.reporter, leaders);
        return storage::in_transaction(impl.db, [&] {
            sql::statement ins(impl.db,
                               "INSERT INTO appraisal_reports(cycle_id, org_id, reporter_id, reported_on, "
                               "summary) VALUES(:c, :o, :m, :d, :sum)");
            ins.bind(":c", raw(rec.cycle));
            ins.bind(":o", raw(rec.org));
            ins.bind(":m", raw(*rec.reporter));
            ins.bind(":d", format_iso(rec.reported_on));
            ins.bind(":sum", rec.summary);
            ins.exec();
            appraisal_report_id const id{impl.db.last_insert_id()};
            storage::append_audit(impl.db, impl.audit_actor, "appraisal", id.value(), "reported", why,
                                  "cycle=" + id_text(raw(rec.cycle)) + "; org=" + id_text(raw(rec.org)) +
                                      "; reporter=" + id_text(raw(*rec.reporter)) +
                                      "; date=" + format_iso(rec.reported_on));
            return id;
        });
    });
}

appraisal_grade rate_appraisal_report(store& s, appraisal_rating const& r, std::string_view why) {
    storage::call const guard(s);
    auto& impl = storage::impl_of(s);
    auto const loaded = storage::in_read("recording an appraisal", [&] {
        auto const rep = load_report(impl.db, r.report);
        return std::pair{rep, load_cycle(impl.db, rep.cycle)};
    });
    auto const& rep = loaded.first;
    auto const& c = loaded.second;
    storage::require(s, permission::run_evaluations, c.organiser);
    return storage::in_read("recording an appraisal", [&]() -> appraisal_grade {
        storage::check_not_in_future(s, r.rated_on, "rated_on");
        storage::check_text(r.override_reason, "override_reason", storage::text_cap::note, true);
        storage::check_text(r.note, "note", storage::text_cap::note, true);
        auto const grade = check_rating(c, rep, r, rating_of(impl.db, r.report).has_value());
        return storage::in_transaction(impl.db, [&] {
            sql::statement ins(
                impl.db,
                "INSERT INTO appraisal_ratings(report_id, rated_on, votes_good, "
                "votes_fairly_good, votes_average, votes_poor, satisfied, basically_satisfied, "
                "dissatisfied, grade, override_reason, note) VALUES(:r, :d, :g, :fg, :a, :p, "
                ":s, :bs, :ds, :grade, :why, :note)");
            ins.bind(":r", raw(r.report));
            ins.bind(":d", format_iso(r.rated_on));
            ins.bind(":g", r.votes_good);
            ins.bind(":fg", r.votes_fairly_good);
            ins.bind(":a", r.votes_average);
            ins.bind(":p", r.votes_poor);
            ins.bind(":s", r.satisfied);
            ins.bind(":bs", r.basically_satisfied);
            ins.bind(":ds", r.dissatisfied);
            ins.bind(":grade", std::string(to_string(grade)));
            ins.bind(":why", r.override_reason);
            ins.bind(":note", r.note);
            ins.exec();
            storage::append_audit(
                impl.db, impl.audit_actor, "appraisal", r.report.value(), "rated", why,
                "votes=" + std::to_string(r.votes_good) + "/" + std::to_string(r.votes_fairly_good) + "/" +
                    std::to_string(r.votes_average) + "/" + std::to_string(r.votes_poor) +
                    "; satisfaction=" + std::to_string(r.satisfied) + "/" +
                    std::to_string(r.basically_satisfied) + "/" + std::to_string(r.dissatisfied) +
                    "; grade=" + std::string(to_string(grade)) + "; date=" + format_iso(r.rated_on));
            return grade;
        });
    });
}

namespace {
// The values of an appraisal as the audit trail shows them.
std::string rating_text(appraisal_rating const& r) {
    return "votes=" + std::to_string(r.votes_good) + "/" + std::to_string(r.votes_fairly_good) + "/" +
           std::to_string(r.votes_average) + "/" + std::to_string(r.votes_poor) +
           "; satisfaction=" + std::to_string(r.satisfied) + "/" + std::to_string(r.basically_satisfied) +
           "/" + std::to_string(r.dissatisfied) +
           "; grade=" + (r.grade ? std::string(to_string(*r.grade)) : "") +
           (r.override_reason.empty() ? std::string() : "; override_reason=" + r.override_reason) +
           (r.note.empty() ? std::string() : "; note=" + r.note);
}
}  // namespace

appraisal_grade correct_appraisal_rating(store& s, appraisal_rating const& r,
                                         std::string_view correction_reason, std::string_view why) {
    storage::call const guard(s);
    auto& impl = storage::impl_of(s);
    auto const loaded = storage::in_read("correcting an appraisal", [&] {
        auto const rep = load_report(impl.db, r.report);
        return std::pair{rep, load_cycle(impl.db, rep.cycle)};
    });
    auto const& rep = loaded.first;
    auto const& c = loaded.second;
    storage::require(s, permission::run_evaluations, c.organiser);
    return storage::in_read("correcting an appraisal", [&]() -> appraisal_grade {
        storage::check_text(correction_reason, "correction_reason", storage::text_cap::note, true);
        storage::check_text(r.override_reason, "override_reason", storage::text_cap::note, true);
        storage::check_text(r.note, "note", storage::text_cap::note, true);
        auto const before = rating_of(impl.db, r.report);
        if (!before)
            throw invalid_input("report", "report " + std::to_string(r.report.value()) +
                                              " is not appraised yet; record its appraisal first");
        auto const grade = check_rating_correction(c, rep, *before, r, correction_reason);
        auto after = r;
        after.grade = grade;
        return storage::in_transaction(impl.db, [&] {
            // The same record, while it still holds what was read and its cycle is still open.
            sql::statement up(
                impl.db,
                "UPDATE appraisal_ratings SET votes_good = :g, votes_fairly_good = :fg, votes_average = :a, "
                "votes_poor = :p, satisfied = :s, basically_satisfied = :bs, dissatisfied = :ds, grade = "
                ":grade, override_reason = :why, note = :note WHERE report_id = :r AND votes_good = :og AND "
                "votes_fairly_good = :ofg AND votes_average = :oa AND votes_poor = :op AND satisfied = :os "
                "AND basically_satisfied = :obs AND dissatisfied = :ods AND grade = :ograde AND "
                "override_reason = :owhy AND note = :onote AND EXISTS (SELECT 1 FROM appraisal_cycles WHERE "
                "id = :c AND closed_on IS NULL)");
            auto bind = [&](char const* prefix, appraisal_rating const& x) {
                auto const p = std::string(prefix);
                up.bind(p + "g", x.votes_good);
                up.bind(p + "fg", x.votes_fairly_good);
                up.bind(p + "a", x.votes_average);
                up.bind(p + "p", x.votes_poor);
                up.bind(p + "s", x.satisfied);
                up.bind(p + "bs", x.basically_satisfied);
                up.bind(p + "ds", x.dissatisfied);
                up.bind(p + "grade", std::string(to_string(*x.grade)));
                up.bind(p + "why", x.override_reason);
                up.bind(p + "note", x.note);
            };
            bind(":", after);
            bind(":o", *before);
            up.bind(":r", raw(r.report));
            up.bind(":c", raw(c.id));
            if (up.exec() != 1)
                throw conflict("the appraisal of report " + std::to_string(r.report.value()) +
                               " or its cycle was changed by someone else meanwhile; reload and try again");
            storage::append_audit(
                impl.db, impl.audit_actor, "appraisal", r.report.value(), "rating_corrected", why,
                "reason=" + std::string(correction_reason) + "; before: " + rating_text(*before) +
                    "; after: " + rating_text(after) + "; date=" + format_iso(before->rated_on));
            return grade;
        });
    });
}

void apply_appraisal_result(store& s, appraisal_application const& a, std::string_view why) {
    storage::call const guard(s);
    auto& impl = storage::impl_of(s);
    auto const c = storage::in_read("recording the use of a result", [&] {
        return load_cycle(impl.db, load_report(impl.db, a.report).cycle);
    });
    storage::require(s, permission::run_evaluations, c.organiser);
    storage::in_read("recording the use of a result", [&] {
        storage::check_not_in_future(s, a.applied_on, "applied_on");
        storage::check_text(a.use, "use", storage::text_cap::note);
        auto const rating = rating_of(impl.db, a.report);
        check_application(a, rating ? std::optional{rating->rated_on} : std::nullopt);
        storage::in_transaction(impl.db, [&] {
            sql::statement ins(impl.db,
                               "INSERT INTO appraisal_applications(report_id, applied_on, use_text) "
                               "VALUES(:r, :d, :u)");
            ins.bind(":r", raw(a.report));
            ins.bind(":d", format_iso(a.applied_on));
            ins.bind(":u", a.use);
            ins.exec();
            storage::append_audit(impl.db, impl.audit_actor, "appraisal", a.report.value(), "result_applied",
                                  why, "date=" + format_iso(a.applied_on) + "; use=" + a.use);
        });
    });
}

accountability_id record_accountability(store& s, accountability_record const& r, std::string_view why) {
    storage::call const guard(s);
    storage::require(s, permission::run_evaluations, r.org);
    auto& impl = storage::impl_of(s);
    return storage::in_read("recording accountability", [&]() -> accountability_id {
        storage::check_not_in_future(s, r.decided_on, "decided_on");
        storage::check_text(r.reason, "reason", storage::text_cap::note);
        storage::check_text(r.decision, "decision", storage::text_cap::note, true);
        (void)s.org(r.org);
        if (r.member) require_member_exists(impl.db, *r.member);
        auto const rec = check_accountability(r, s.rules().appraisal);
        if (r.cycle) {
            auto const c = load_cycle(impl.db, *r.cycle);
            check_accountability_scope(c, chain_of(impl.db, r.org));
        }
        return storage::in_transaction(impl.db, [&] {
            sql::statement ins(impl.db,
                               "INSERT INTO accountability_records(kind, org_id, member_id, cycle_id, "
                               "decided_on, reason, deadline, decision) VALUES(:k, :o, :m, :c, :d, :why, "
                               ":dl, :dec)");
            ins.bind(":k", std::string(to_string(rec.kind)));
            ins.bind(":o", raw(rec.org));
            storage::bind_opt(ins, ":m", storage::opt_raw(rec.member));
            storage::bind_opt(ins, ":c", storage::opt_raw(rec.cycle));
            ins.bind(":d", format_iso(rec.decided_on));
            ins.bind(":why", rec.reason);
            storage::bind_date(ins, ":dl", rec.deadline);
            ins.bind(":dec", rec.decision);
            ins.exec();
            accountability_id const id{impl.db.last_insert_id()};
            storage::append_audit(
                impl.db, impl.audit_actor, "appraisal", id.value(), "accountability", why,
                "kind=" + std::string(to_string(rec.kind)) + "; org=" + id_text(raw(rec.org)) +
                    "; date=" + format_iso(rec.decided_on) +
                    (rec.deadline ? "; deadline=" + format_iso(*rec.deadline) : std::string()));
            return id;
        });
    });
}

void complete_rectification(store& s, accountability_id id, date::sys_days on, std::string_view why) {
    storage::call const guard(s);
    auto& impl = storage::impl_of(s);
    auto const r =
        storage::in_read("completing a rectification", [&] { return load_accountability(impl.db, id); });
    storage::require(s, permission::run_evaluations, r.org);
    storage::in_read("completing a rectification", [&] {
        storage::check_not_in_future(s, on, "date");
        check_completion(r, on);
        storage::in_transaction(impl.db, [&] {
            sql::statement up(impl.db,
                              "UPDATE accountability_records SET completed_on = :d WHERE id = :id AND "
                              "completed_on IS NULL");
            up.bind(":d", format_iso(on));
            up.bind(":id", raw(id));
            if (up.exec() != 1)
                throw conflict("rectification " + std::to_string(id.value()) +
                               " was completed by someone else meanwhile; reload and try again");
            storage::append_audit(
                impl.db, impl.audit_actor, "appraisal", id.value(), "rectification_completed", why,
                "date=" + format_iso(on) + (r.deadline && on > *r.deadline ? "; late" : std::string()));
        });
    });
}

appraisal_cycle get_appraisal_cycle(store const& s, appraisal_cycle_id id) {
    storage::call const guard(s);
    auto& impl = storage::impl_of(s);
    auto c = storage::in_read("reading an appraisal cycle", [&] { return load_cycle(impl.db, id); });
    storage::require(s, permission::read_roster, c.organiser);
    return c;
}

std::vector<appraisal_cycle> appraisal_cycles(store const& s, scope requested, std::optional<int> year) {
    storage::call const guard(s);
    auto const sc = storage::visible_scope(s, requested);
    auto& impl = storage::impl_of(s);
    return storage::in_read("listing appraisal cycles", [&] {
        auto const ids = storage::scope_org_ids(impl.db, sc);
        sql::statement st(impl.db, std::string("SELECT ") + cycle_columns +
                                       " FROM appraisal_cycles WHERE organiser_id " + storage::in_id_set +
                                       (year ? " AND year = :y" : "") + " ORDER BY year, organiser_id, id");
        st.bind(":ids", storage::json_ids(ids));
        if (year) st.bind(":y", *year);
        std::vector<appraisal_cycle> out;
        while (st.step())
            out.push_back(read_cycle(st));
        return out;
    });
}

std::vector<appraisal_report> appraisal_reports(store const& s, appraisal_cycle_id id) {
    storage::call const guard(s);
    auto& impl = storage::impl_of(s);
    auto const c = storage::in_read("listing appraisal reports", [&] { return load_cycle(impl.db, id); });
    storage::require(s, permission::read_roster, c.organiser);
    return storage::in_read("listing appraisal reports", [&] { return reports_of(impl.db, id); });
}

appraisal_report get_appraisal_report(store const& s, appraisal_report_id id) {
    storage::call const guard(s);
    auto& impl = storage::impl_of(s);
    auto r = storage::in_read("reading an appraisal report", [&] { return load_report(impl.db, id); });
    storage::require(s, permission::read_roster, r.org);
    return r;
}

std::optional<appraisal_rating> appraisal_rating_of(store const& s, appraisal_report_id id) {
    storage::call const guard(s);
    auto& impl = storage::impl_of(s);
    auto const r = storage::in_read("reading an appraisal", [&] { return load_report(impl.db, id); });
    storage::require(s, permission::read_roster, r.org);
    return storage::in_read("reading an appraisal", [&] { return rating_of(impl.db, id); });
}

std::vector<appraisal_application> appraisal_applications(store const& s, appraisal_report_id id) {
    storage::call const guard(s);
    auto& impl = storage::impl_of(s);
    auto const r = storage::in_read("reading the use of results", [&] { return load_report(impl.db, id); });
    storage::require(s, permission::read_roster, r.org);
    return storage::in_read("reading the use of results", [&] {
        sql::statement st(impl.db,
                          "SELECT report_id, applied_on, use_text FROM appraisal_applications WHERE "
                          "report_id = :r ORDER BY applied_on, id");
        st.bind(":r", raw(id));
        std::vector<appraisal_application> out;
        while (st.step())
            out.push_back({appraisal_report_id{st.column(0).as_int64()},
                           storage::col_date(st, 1, "appraisal_applications.applied_on"), col_text(st, 2)});
        return out;
    });
}

accountability_record get_accountability(store const& s, accountability_id id) {
    storage::call const guard(s);
    auto& impl = storage::impl_of(s);
    auto r = storage::in_read("reading accountability", [&] { return load_accountability(impl.db, id); });
    storage::require(s, permission::read_roster, r.org);
    return r;
}

std::vector<accountability_record> accountability_records(store const& s, scope requested,
                                                          std::optional<int> year) {
    storage::call const guard(s);
    auto const sc = storage::visible_scope(s, requested);
    auto& impl = storage::impl_of(s);
    return storage::in_read("listing accountability", [&] {
        auto const ids = storage::scope_org_ids(impl.db, sc);
        sql::statement st(impl.db, std::string("SELECT ") + accountability_columns +
                                       " FROM accountability_records WHERE org_id " + storage::in_id_set +
                                       (year ? " AND decided_on BETWEEN :from AND :to" : "") +
                                       " ORDER BY decided_on, id");
        st.bind(":ids", storage::json_ids(ids));
        if (year) {
            st.bind(":from", format_iso(make_date(*year, 1, 1)));
            st.bind(":to", format_iso(make_date(*year, 12, 31)));
        }
        std::vector<accountability_record> out;
        while (st.step())
            out.push_back(read_accountability(st));
        return out;
    });
}

appraisal_statistics appraisal_statistics_of(store const& s, int year, scope requested) {
    storage::call const guard(s);
    auto const sc = storage::visible_scope(s, requested);
    auto& impl = storage::impl_of(s);
    // The rectifications are judged as they stood on the year's last day, so that a year's figures do not
    // change with the day they are read.
    auto const year_end = make_date(year, 12, 31);
    return storage::in_read("counting appraisals", [&] {
        auto const ids = storage::json_ids(storage::scope_org_ids(impl.db, sc));
        appraisal_statistics out;
        out.year = year;
        sql::statement cy(impl.db, std::string("SELECT count(*) FROM appraisal_cycles WHERE year = :y AND "
                                               "organiser_id ") +
                                       storage::in_id_set);
        cy.bind(":y", year);
        cy.bind(":ids", ids);
        if (cy.step()) out.cycles = cy.column(0).as_int();
        sql::statement rp(
            impl.db,
            std::string(
                "SELECT g.grade, g.satisfied, g.basically_satisfied, g.dissatisfied, EXISTS(SELECT 1 FROM "
                "appraisal_applications a WHERE a.report_id = r.id) FROM appraisal_reports r JOIN "
                "appraisal_cycles c ON c.id = r.cycle_id LEFT JOIN appraisal_ratings g ON g.report_id = "
                "r.id WHERE c.year = :y AND r.org_id ") +
                storage::in_id_set);
        rp.bind(":y", year);
        rp.bind(":ids", ids);
        while (rp.step()) {
            ++out.reports;
            if (rp.column(4).as_int()) ++out.results_applied;
            if (rp.column(0).is_null()) continue;
            ++out.rated;
            auto const g = storage::stored_enum<appraisal_grade>(col_text(rp, 0), "appraisal_ratings.grade");
            ++out.by_grade[static_cast<std::size_t>(g)];
            for (int i = 0; i < 3; ++i)
                out.satisfaction[static_cast<std::size_t>(i)] += rp.column(1 + i).as_int64();
        }
        sql::statement ac(impl.db, std::string("SELECT ") + accountability_columns +
                                       " FROM accountability_records WHERE decided_on BETWEEN :from AND :to "
                                       "AND org_id " +
                                       storage::in_id_set);
        ac.bind(":from", format_iso(make_date(year, 1, 1)));
        ac.bind(":to", format_iso(make_date(year, 12, 31)));
        ac.bind(":ids", ids);
        while (ac.step()) {
            auto const r = read_accountability(ac);
            ++out.accountability_by_kind[static_cast<std::size_t>(r.kind)];
            if (r.kind != accountability_kind::rectification || !r.deadline) continue;
            if (r.completed_on && *r.completed_on <= year_end)
                ++(*r.completed_on <= *r.deadline ? out.rectifications_completed
                                                  : out.rectifications_completed_late);
            else if (year_end > *r.deadline)
                ++out.rectifications_overdue;
        }
        return out;
    });
}

namespace storage {

std::vector<agenda_item> appraisal_agenda_items(store const& s, sql::database& db, date::sys_days as_of,
                                                std::vector<std::int64_t> const& org_ids, bool whole) {
    std::vector<agenda_item> items;
    auto const& rules = s.rules();
    auto const d = format_iso(as_of);
    // The part's organisations as one bound set (rows.hpp), built once for the queries below.
    auto const part_ids = whole ? std::string() : json_ids(org_ids);
    auto const mine = [&](org_id o) {
        return whole || std::binary_search(org_ids.begin(), org_ids.end(), o.value());
    };
    // Cycles opened by the agenda's date; their organisations are read from the whole tree (a cycle's
    // scope may reach into a part of the store from above it).
    std::vector<appraisal_cycle> cycles;
    {
        sql::statement st(db, std::string("SELECT ") + cycle_columns +
                                  " FROM appraisal_cycles WHERE opened_on <= :d ORDER BY id");
        st.bind(":d", d);
        while (st.step()) {
            auto c = read_cycle(st);
            if (c.closed_on && *c.closed_on > as_of) c.closed_on.reset();
            cycles.push_back(std::move(c));
        }
    }
    if (!cycles.empty()) {
        struct node {
            std::optional<std::int64_t> parent;
            std::string name;
            date::sys_days established{};
            std::optional<date::sys_days> dissolved;
        };
        std::unordered_map<std::int64_t, node> tree;
        auto const read_nodes = [&](sql::statement& st) {
            while (st.step())
                tree[st.column(0).as_int64()] = {col_int64(st, 1), col_text(st, 2),
                                                 col_date(st, 3, "orgs.established"),
                                                 column_date(st, 4, "orgs.dissolved")};
        };
        if (whole) {
            sql::statement st(db, "SELECT id, parent_id, name, established, dissolved FROM orgs");
            read_nodes(st);
        } else {
            // A part of the store: its organisations, then the few above it (their chains reach the
            // cycles' organisers), not the whole tree at every call.
            sql::statement st(db,
                              "SELECT id, parent_id, name, established, dissolved FROM orgs WHERE id IN "
                              "(SELECT value FROM json_each(:orgs))");
            st.bind(":orgs", part_ids);
            read_nodes(st);
            sql::statement up(db,
                              "SELECT id, parent_id, name, established, dissolved FROM orgs WHERE id = :id");
            for (bool more = true; more;) {
                more = false;
                std::vector<std::int64_t> missing;
                for (auto const& [id, n] : tree)
                    if (n.parent && !tree.contains(*n.parent)) missing.push_back(*n.parent);
                for (auto const id : missing) {
                    if (tree.contains(id)) continue;
                    up.bind(":id", id);
                    read_nodes(up);
                    up.reset();
                    more = more || tree.contains(id);
                }
            }
        }
        auto chain = [&](std::int64_t id) {
            std::vector<org_id> out{org_id{id}};
            std::set<std::int64_t> seen{id};
            for (auto at = tree[id].parent; at && seen.insert(*at).second; at = tree[*at].parent)
                out.push_back(org_id{*at});
            return out;
        };
        // For a part of the store, only its organisations' reports: a cycle of a province holds tens of
        // thousands of them.
        sql::statement rep(db, std::string("SELECT org_id FROM appraisal_reports WHERE cycle_id = :c AND "
                                           "reported_on <= :d") +
                                   (whole ? std::string() : std::string(" AND org_id ") + in_id_set));
        for (auto const& c : cycles) {
            auto const due = appraisal_report_deadline(c, rules.appraisal);
            if (!due) continue;
            // A cycle reaches a part of the store only from an organiser in the part or above it, all of
            // which are in `tree` (in_cycle_scope looks for the organiser in a chain of it).
            if (!whole && !tree.contains(c.organiser.value())) continue;
            std::set<std::int64_t> reported;
            rep.bind(":c", raw(c.id));
            rep.bind(":d", d);
            if (!whole) rep.bind(":ids", part_ids);
            while (rep.step())
                reported.insert(rep.column(0).as_int64());
            rep.reset();
            appraisal_cycle_facts f{c, {}};
            for (auto const& [id, n] : tree) {
                if (reported.count(id) || !mine(org_id{id})) continue;
                bool const active = n.established <= *due && (!n.dissolved || *due < *n.dissolved);
                if (active && in_cycle_scope(c, chain(id))) f.not_reported.emplace_back(org_id{id}, n.name);
            }
            std::sort(f.not_reported.begin(), f.not_reported.end());
            for (auto& item : appraisal_cycle_agenda(f, as_of, rules))
                items.push_back(std::move(item));
        }
        // Ratings needing a follow-up, for the organiser: followed up by an accountability record of the
        // organisation rated, dated from the rating to the agenda's date.
        if (rules.appraisal.followup_days > 0) {
            std::unordered_map<std::int64_t, appraisal_cycle const*> by_id;
            for (auto const& c : cycles)
                by_id[c.id.value()] = &c;
            sql::statement rt(
                db,
                "SELECT r.cycle_id, r.org_id, g.report_id, g.rated_on, g.votes_good, g.votes_fairly_good, "
                "g.votes_average, g.votes_poor, g.satisfied, g.basically_satisfied, g.dissatisfied, g.grade, "
                "g.override_reason, g.note, EXISTS(SELECT 1 FROM accountability_records a WHERE a.org_id = "
                "r.org_id AND a.decided_on >= g.rated_on AND a.decided_on <= :d) FROM appraisal_ratings g "
                "JOIN appraisal_reports r ON r.id = g.report_id WHERE g.rated_on <= :d" +
                    // A part of the store: the ratings of the cycles its organisations organise, found
                    // through the organiser's index rather than by reading every rating.
                    (whole ? std::string()
                           : std::string(" AND r.cycle_id IN (SELECT id FROM appraisal_cycles WHERE "
                                         "organiser_id ") +
                                 in_id_set + ")") +
                    " ORDER BY g.rated_on, g.report_id");
            rt.bind(":d", d);
            if (!whole) rt.bind(":ids", part_ids);
            while (rt.step()) {
                auto const c = by_id.find(rt.column(0).as_int64());
                if (c == by_id.end() || !mine(c->second->organiser)) continue;
                appraisal_followup_facts f;
                f.cycle = *c->second;
                f.org = org_id{rt.column(1).as_int64()};
                f.org_name = tree[f.org.value()].name;
                f.rating = read_rating(rt, 2);
                f.followed_up = rt.column(14).as_int() != 0;
                if (auto item = appraisal_followup_agenda(f, as_of, rules)) items.push_back(std::move(*item));
            }
        }
    }
    // Rectifications open on the agenda's date, for the organisation held to account.
    sql::statement ac(
        db, std::string("SELECT a.id, a.kind, a.org_id, a.member_id, a.cycle_id, a.decided_on, "
                        "a.reason, a.deadline, a.completed_on, a.decision, o.name FROM "
                        "accountability_records a JOIN orgs o ON o.id = a.org_id WHERE a.kind = "
                        "'rectification' AND a.decided_on <= :d AND (a.completed_on IS NULL OR "
                        "a.completed_on > :d)") +
                (whole ? std::string() : std::string(" AND a.org_id ") + in_id_set) + " ORDER BY a.id");
    ac.bind(":d", d);
    if (!whole) ac.bind(":ids", part_ids);
    while (ac.step()) {
        auto const r = read_accountability(ac);
        if (auto item = rectification_agenda(r, col_text(ac, 10), as_of, rules))
            items.push_back(std::move(*item));
    }
    return items;
}

}  // namespace storage

}  // namespace dangyuan
