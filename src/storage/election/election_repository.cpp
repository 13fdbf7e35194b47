// Elections (换届选举): the records of a case, replayed into `election_case`. Every command checks the new
// record with the pure rules against the replayed case and the roster of the record's date before the
// transaction opens, so a refused command writes nothing.

#include <algorithm>
#include <map>
#include <set>

#include "../access.hpp"
#include "../plausibility.hpp"
#include "../rows.hpp"
#include "dangyuan/election/election_agenda.hpp"
#include "dangyuan/member/discipline.hpp"
#include "dangyuan/org/org_rules.hpp"
#include "dangyuan/storage/election_store.hpp"
#include "election_rows.hpp"

namespace dangyuan::storage::election_repo {
namespace {

constexpr char const* election_record_columns =
    "id, kind, date, seats, day, organisation, document, reason, meeting, entitled, present, dispersed, "
    "voters_present, ballots_issued, ballots_returned, secretary_id, without_committee, note";

enum election_col : int {
    el_id,
    el_kind,
    el_date,
    el_seats,
    el_day,
    el_organisation,
    el_document,
    el_reason,
    el_meeting,
    el_entitled,
    el_present,
    el_dispersed,
    el_voters_present,
    el_ballots_issued,
    el_ballots_returned,
    el_secretary,
    el_without_committee,
    el_note,
};

// One row of election_members.
struct listed_member {
    member_id member;
    int nominations = 0;
    int votes_for = 0;
    int against = 0;
    int abstain = 0;
};

struct record_lists {
    std::map<std::int64_t, std::vector<listed_member>> members;
    std::map<std::int64_t, std::vector<write_in>> write_ins;
};

// Binds the columns of one record kind (the others stay NULL) and collects its lists.
struct election_binder {
    sql::statement& st;
    std::vector<listed_member>& members;
    std::vector<write_in>& write_ins;

    void ids(std::vector<member_id> const& v) const {
        for (auto const m : v)
            members.push_back({.member = m});
    }
    void nominees(std::vector<nomination> const& v) const {
        for (auto const& n : v)
            members.push_back({.member = n.nominee, .nominations = n.count});
    }
    void approval(std::string const& by, std::string const& document) const {
        st.bind(":organisation", by);
        st.bind(":document", document);
    }

    void operator()(election_requested const& r) const {
        st.bind(":seats", r.seats);
        bind_date(st, ":day", r.planned_on);
        st.bind(":document", r.document);
        st.bind(":without_committee", r.without_committee ? 1 : 0);
    }
    void operator()(request_approved const& r) const { approval(r.approved_by, r.document); }
    void operator()(members_nominated const& r) const { nominees(r.nominees); }
    void operator()(masses_nominated const& r) const { nominees(r.nominees); }
    void operator()(committee_reviewed const& r) const { ids(r.shortlist); }
    void operator()(candidates_approved const& r) const {
        approval(r.approved_by, r.document);
        ids(r.candidates);
    }
    void operator()(meeting_held const& r) const {
        st.bind(":meeting", std::string(to_string(r.kind)));
        st.bind(":entitled", r.attendance.entitled);
        st.bind(":present", r.attendance.present);
        st.bind(":dispersed", r.dispersed ? 1 : 0);
        st.bind(":document", r.document);
    }
    void operator()(round_counted const& r) const {
        st.bind(":seats", r.counts.seats);
        st.bind(":voters_present", r.counts.voters_present);
        st.bind(":ballots_issued", r.counts.ballots_issued);
        st.bind(":ballots_returned", r.counts.ballots_returned);
        for (auto const& t : r.tallies)
            members.push_back({.member = t.candidate,
                               .votes_for = t.votes_for,
                               .against = t.against,
                               .abstain = t.abstain});
        write_ins = r.write_ins;
    }
    void operator()(committee_elected const& r) const { ids(r.members); }
    void operator()(secretary_elected const& r) const {
        bind_id(st, ":secretary_id", r.secretary);
        ids(r.deputies);
    }
    void operator()(result_reported const& r) const { approval(r.reported_to, r.document); }
    void operator()(secretary_approved const& r) const { approval(r.approved_by, r.document); }
    void operator()(term_extended const& r) const {
        bind_date(st, ":day", r.until);
        approval(r.approved_by, r.document);
        st.bind(":reason", r.reason);
    }
    void operator()(term_advanced const& r) const {
        bind_date(st, ":day", r.from);
        approval(r.approved_by, r.document);
        st.bind(":reason", r.reason);
    }
};

void insert_election_record(sql::database& db, election_id id, election_record const& r) {
    sql::statement st(
        db,
        "INSERT INTO election_records(election_id, kind, date, seats, day, organisation, document, reason, "
        "meeting, entitled, present, dispersed, voters_present, ballots_issued, ballots_returned, "
        "secretary_id, without_committee, note) VALUES(:election_id, :kind, :date, :seats, :day, "
        ":organisation, :document, :reason, :meeting, :entitled, :present, :dispersed, :voters_present, "
        ":ballots_issued, :ballots_returned, :secretary_id, :without_committee, :note)");
    bind_id(st, ":election_id", id);
    st.bind(":kind", std::string(kind_name(r)));
    bind_date(st, ":date", record_date(r));
    st.bind(":note", std::visit([](auto const& x) { return x.note; }, r));
    std::vector<listed_member> members;
    std::vector<write_in> write_ins;
    std::visit(election_binder{st, members, write_ins}, r);
    st.exec();
    auto const record_id = db.last_insert_id();
    sql::statement m(db,
                     "INSERT INTO election_members(record_id, member_id, nominations, votes_for, against, "
                     "abstain) VALUES(:record_id, :member_id, :nominations, :votes_for, :against, :abstain)");
    for (auto const& x : members) {
        m.bind(":record_id", record_id);
        bind_id(m, ":member_id", x.member);
        m.bind(":nominations", x.nominations);
        m.bind(":votes_for", x.votes_for);
        m.bind(":against", x.against);
        m.bind(":abstain", x.abstain);
        m.exec();
        m.reset();
    }
    sql::statement w(db,
                     "INSERT INTO election_write_ins(record_id, name, votes) VALUES(:record_id, :name, "
                     ":votes)");
    for (auto const& x : write_ins) {
        w.bind(":record_id", record_id);
        w.bind(":name", x.name);
        w.bind(":votes", x.votes);
        w.exec();
        w.reset();
    }
}

int opt_int(sql::statement& st, int c) {
    return col_opt_int(st, c).value_or(0);
}

election_record read_election_record(sql::statement& st, record_lists const& lists) {
    auto const rid = st.column(el_id).as_int64();
    auto const date = col_date(st, el_date, "election_records.date");
    auto const note = col_text(st, el_note);
    auto const organisation = col_text(st, el_organisation);
    auto const document = col_text(st, el_document);
    auto const reason = col_text(st, el_reason);
    auto const day = column_date(st, el_day, "election_records.day");
    static std::vector<listed_member> const none;
    auto const it = lists.members.find(rid);
    auto const& members = it == lists.members.end() ? none : it->second;
    auto ids = [&] {
        std::vector<member_id> out;
        for (auto const& x : members)
            out.push_back(x.member);
        return out;
    };
    auto nominees = [&] {
        std::vector<nomination> out;
        for (auto const& x : members)
            out.push_back({x.member, x.nominations});
        return out;
    };
    auto need_day = [&] {
        if (!day) throw storage_error("column election_records.day is empty");
        return *day;
    };
    auto const kind = col_text(st, el_kind);
    switch (election_record_kind_index(kind)) {
        case election_record_index<election_requested>:
            return election_requested{date,       opt_int(st, el_seats),
                                      need_day(), opt_int(st, el_without_committee) != 0,
                                      document,   note};
        case election_record_index<request_approved>:
            return request_approved{date, organisation, document, note};
        case election_record_index<members_nominated>:
            return members_nominated{date, nominees(), note};
        case election_record_index<masses_nominated>:
            return masses_nominated{date, nominees(), note};
        case election_record_index<committee_reviewed>:
            return committee_reviewed{date, ids(), note};
        case election_record_index<candidates_approved>:
            return candidates_approved{date, ids(), organisation, document, note};
        case election_record_index<meeting_held>:
            return meeting_held{
                date,
                stored_enum<election_meeting>(col_text(st, el_meeting), "election_records.meeting"),
                {opt_int(st, el_entitled), opt_int(st, el_present)},
                opt_int(st, el_dispersed) != 0,
                document,
                note};
        case election_record_index<round_counted>: {
            round_counted r{date,
                            {opt_int(st, el_seats), opt_int(st, el_voters_present),
                             opt_int(st, el_ballots_issued), opt_int(st, el_ballots_returned)},
                            {},
                            {},
                            note};
            for (auto const& x : members)
                r.tallies.push_back({x.member, x.votes_for, x.against, x.abstain});
            if (auto const w = lists.write_ins.find(rid); w != lists.write_ins.end()) r.write_ins = w->second;
            return r;
        }
        case election_record_index<committee_elected>:
            return committee_elected{date, ids(), note};
        case election_record_index<secretary_elected>:
            return secretary_elected{date, member_id{col_int64(st, el_secretary).value_or(0)}, ids(), note};
        case election_record_index<result_reported>:
            return result_reported{date, organisation, document, note};
        case election_record_index<secretary_approved>:
            return secretary_approved{date, organisation, document, note};
        case election_record_index<term_extended>:
            return term_extended{date, need_day(), organisation, document, reason, note};
        default:
            return term_advanced{date, need_day(), organisation, document, reason, note};
    }
}

struct loaded_election {
    election_case c;
    std::int64_t version = 0;
    date::sys_days requested_on{};
};

// The cases whose ids `cases` selects (an SQL SELECT of election_cases ids, its parameters bound by
// `bind`), in id order: four queries whatever their number, so that the agenda and the statistics read
// every open case at once instead of one case after another.
template <class Bind>
std::vector<loaded_election> load_elections(sql::database& db, std::string const& cases, Bind const& bind) {
    std::vector<loaded_election> out;
    std::map<std::int64_t, std::size_t> at;
    sql::statement head(db,
                        "SELECT e.id, e.org_id, o.name, e.term_ends, e.version, e.requested_on FROM "
                        "election_cases e JOIN orgs o ON o.id = e.org_id WHERE e.id IN (" +
                            cases + ") ORDER BY e.id");
    bind(head);
    while (head.step()) {
        loaded_election e;
        e.c.id = election_id{head.column(0).as_int64()};
        e.c.org = org_id{head.column(1).as_int64()};
        e.c.org_name = col_text(head, 2);
        e.c.term_ends = column_date(head, 3, "election_cases.term_ends");
        e.version = head.column(4).as_int64();
        e.requested_on = col_date(head, 5, "election_cases.requested_on");
        at[e.c.id.value()] = out.size();
        out.push_back(std::move(e));
    }
    if (out.empty()) return out;
    record_lists lists;
    sql::statement m(db,
                     "SELECT m.record_id, m.member_id, m.nominations, m.votes_for, m.against, m.abstain FROM "
                     "election_members m JOIN election_records r ON r.id = m.record_id WHERE r.election_id "
                     "IN (" +
                         cases + ") ORDER BY m.id");
    bind(m);
    while (m.step())
        lists.members[m.column(0).as_int64()].push_back(
            {member_id{m.column(1).as_int64()}, col_int(m, 2), col_int(m, 3), col_int(m, 4), col_int(m, 5)});
    sql::statement w(db,
                     "SELECT w.record_id, w.name, w.votes FROM election_write_ins w JOIN election_records r "
                     "ON r.id = w.record_id WHERE r.election_id IN (" +
                         cases + ") ORDER BY w.id");
    bind(w);
    while (w.step())
        lists.write_ins[w.column(0).as_int64()].push_back({col_text(w, 1), col_int(w, 2)});
    // The case's id after the record's columns, so that read_election_record's indexes hold.
    sql::statement st(db, std::string("SELECT ") + election_record_columns +
                              ", election_id FROM election_records WHERE election_id IN (" + cases +
                              ") ORDER BY id");
    bind(st);
    while (st.step())
        out[at.at(st.column(el_note + 1).as_int64())].c.records.push_back(read_election_record(st, lists));
    return out;
}

loaded_election load_election(sql::database& db, election_id id) {
    auto all = load_elections(db, "SELECT :id", [&](sql::statement& st) { bind_id(st, ":id", id); });
    if (all.empty()) throw not_found("no election with id " + std::to_string(id.value()));
    return std::move(all.front());
}

// What a record says, for the audit trail.
struct election_describer {
    static std::string list(std::vector<member_id> const& v) {
        std::string out;
        for (auto const m : v)
            out += (out.empty() ? "" : ",") + std::to_string(m.value());
        return out;
    }
    std::string operator()(election_requested const& r) const {
        return "seats=" + std::to_string(r.seats) + "; planned_on=" + format_iso(r.planned_on) +
               (r.without_committee ? "; without_committee" : "") + "; document=" + r.document;
    }
    std::string operator()(request_approved const& r) const {
        return "approved_by=" + r.approved_by + "; document=" + r.document;
    }
    std::string operator()(members_nominated const& r) const {
        return "nominees=" + std::to_string(r.nominees.size());
    }
    std::string operator()(masses_nominated const& r) const {
        return "nominees=" + std::to_string(r.nominees.size());
    }
    std::string operator()(committee_reviewed const& r) const { return "shortlist=" + list(r.shortlist); }
    std::string operator()(candidates_approved const& r) const {
        return "candidates=" + list(r.candidates) + "; approved_by=" + r.approved_by;
    }
    std::string operator()(meeting_held const& r) const {
        return "meeting=" + std::string(to_string(r.kind)) +
               "; entitled=" + std::to_string(r.attendance.entitled) +
               "; present=" + std::to_string(r.attendance.present);
    }
    std::string operator()(round_counted const& r) const {
        return "seats=" + std::to_string(r.counts.seats) +
               "; ballots=" + std::to_string(r.counts.ballots_returned) + "/" +
               std::to_string(r.counts.ballots_issued) + "; candidates=" + std::to_string(r.tallies.size());
    }
    std::string operator()(committee_elected const& r) const { return "members=" + list(r.members); }
    std::string operator()(secretary_elected const& r) const {
        return "secretary=" + std::to_string(r.secretary.value()) + "; deputies=" + list(r.deputies);
    }
    std::string operator()(result_reported const& r) const {
        return "reported_to=" + r.reported_to + "; document=" + r.document;
    }
    std::string operator()(secretary_approved const& r) const {
        return "approved_by=" + r.approved_by + "; document=" + r.document;
    }
    std::string operator()(term_extended const& r) const {
        return "until=" + format_iso(r.until) + "; approved_by=" + r.approved_by;
    }
    std::string operator()(term_advanced const& r) const {
        return "from=" + format_iso(r.from) + "; approved_by=" + r.approved_by;
    }
};

std::string describe_election_record(election_record const& r) {
    return std::string(kind_name(r)) + " on " + format_iso(record_date(r)) + "; " +
           std::visit(election_describer{}, r);
}

// The text fields of a record within their caps.
void check_election_texts(election_record const& r) {
    std::visit(
        [](auto const& x) {
            check_text(x.note, "note", text_cap::note, true);
            if constexpr (requires { x.document; }) check_text(x.document, "document", text_cap::long_text);
            if constexpr (requires { x.approved_by; })
                check_text(x.approved_by, "approved_by", text_cap::long_text);
            if constexpr (requires { x.reported_to; })
                check_text(x.reported_to, "reported_to", text_cap::long_text);
            if constexpr (requires { x.reason; }) check_text(x.reason, "reason", text_cap::note, true);
            if constexpr (requires { x.write_ins; })
                for (auto const& w : x.write_ins)
                    check_text(w.name, "write_ins", text_cap::name);
        },
        r);
}

// True for the steps of the higher organisation (上级党组织).
bool higher_organisation_step(election_record const& r) {
    return std::holds_alternative<request_approved>(r) || std::holds_alternative<candidates_approved>(r) ||
           std::holds_alternative<secretary_approved>(r) || std::holds_alternative<term_extended>(r) ||
           std::holds_alternative<term_advanced>(r);
}

// The members a record names whose electoral standing its check needs.
std::pair<std::vector<member_id>, char const*> named_members(election_record const& r,
                                                             election_state const& s) {
    std::vector<member_id> out;
    if (auto const* n = std::get_if<members_nominated>(&r)) {
        for (auto const& x : n->nominees)
            out.push_back(x.nominee);
        return {out, "nominees"};
    }
    if (auto const* n = std::get_if<masses_nominated>(&r)) {
        for (auto const& x : n->nominees)
            out.push_back(x.nominee);
        return {out, "nominees"};
    }
    if (auto const* c = std::get_if<candidates_approved>(&r)) return {c->candidates, "candidates"};
    if (std::holds_alternative<meeting_held>(r)) return {s.candidates, "candidates"};
    return {out, "members"};
}

// The facts of the record's date from the roster: the organisation's members and, for the members the
// record names, their electoral standing. A member who is not a member of the organisation (or one under
// it) on that date is refused here.
election_context context_from_roster(store const& s, election_case const& c, election_record const& r) {
    election_context ctx;
    auto const d = record_date(r);
    auto const state = election_state_of(c);
    auto& impl = impl_of(s);
    auto const below = scope_org_ids(impl.db, scope::subtree(c.org));
    if (std::holds_alternative<meeting_held>(r)) {
        ctx.full_members = 0;
        for (auto const& m : s.roster(scope::subtree(c.org), d)) {
            if (m.joined_branch > d) continue;
            ++ctx.members;
            if (m.status_on(d) == member_status::full) ++*ctx.full_members;
        }
    }
    auto const [ids, field] = named_members(r, state);
    for (auto const id : ids) {
        if (!id.valid() || ctx.standing.count(id)) continue;  // the pure check names these
        member m;
        try {
            m = s.get_member(id);
        } catch (not_found const&) {
            throw invalid_input(field, "member " + std::to_string(id.value()) + " is not on the roster");
        }
        auto const status = m.status_on(d);
        if (!status || m.joined_branch > d ||
            !std::binary_search(below.begin(), below.end(), m.branch.value()))
            throw invalid_input(field, m.name + " (member " + std::to_string(id.value()) +
                                           ") is not a member of '" + c.org_name + "' on " + format_iso(d));
        auto const st = s.standing_on(id, d);
        auto const sanctions = s.party_probations(id);
        bool const on_probation =
            std::any_of(sanctions.begin(), sanctions.end(),
                        [&](party_probation const& p) { return p.from <= d && d < p.until(); });
        ctx.standing[id] = electoral_standing{
            .full_member = *status == member_status::full,
            .on_probation_in_party = on_probation,
            .rights_suspended =
                !st || st->state != standing_state::normal || rights_suspended_on(sanctions, d),
        };
    }
    return ctx;
}

// The leadership the election produced, checked as store::set_leadership checks one.
std::vector<officer> checked_leadership(store const& s, org_unit const& o, election_state const& after,
                                        date::sys_days on) {
    auto const officers = elected_leadership(after);
    auto& impl = impl_of(s);
    auto const below = scope_org_ids(impl.db, scope::subtree(o.id));
    std::vector<member_id> not_eligible;
    for (auto const& x : officers) {
        auto const m = s.get_member(x.member);
        auto const st = s.standing_on(x.member, on);
        bool const in_org = std::binary_search(below.begin(), below.end(), m.branch.value());
        if (!in_org || m.status_on(on) != member_status::full || !st || st->state != standing_state::normal)
            not_eligible.push_back(x.member);
    }
    validate_leadership(o, impl.count_members(o.id, on).full_members, officers, not_eligible, s.rules());
    return officers;
}

// Writes the new leadership from `on` and the term start, inside the caller's transaction.
void install_leadership(sql::database& db, org_id org, std::vector<officer> const& officers,
                        date::sys_days on, date::sys_days term_start) {
    sql::statement close(
        db, "UPDATE org_leadership SET to_date = :on WHERE org_id = :org_id AND to_date IS NULL");
    bind_date(close, ":on", on);
    bind_id(close, ":org_id", org);
    close.exec();
    sql::statement ins(db,
                       "INSERT INTO org_leadership(org_id, member_id, role, portfolio, from_date) "
                       "VALUES(:org_id, :member_id, :role, :portfolio, :from_date)");
    for (auto const& x : officers) {
        bind_id(ins, ":org_id", org);
        bind_id(ins, ":member_id", x.member);
        ins.bind(":role", std::string(to_string(x.role)));
        ins.bind(":portfolio", x.portfolio);
        bind_date(ins, ":from_date", on);
        ins.exec();
        ins.reset();
    }
    sql::statement term(db, "UPDATE orgs SET term_start = :term_start, version = version + 1 WHERE id = :id");
    bind_date(term, ":term_start", term_start);
    bind_id(term, ":id", org);
    term.exec();
}

org_id election_org(store const& s, election_id id) {
    return in_read("reading an election", [&] {
        sql::statement st(impl_of(s).db, "SELECT org_id FROM election_cases WHERE id = :id");
        bind_id(st, ":id", id);
        if (!st.step()) throw not_found("no election with id " + std::to_string(id.value()));
        return org_id{st.column(0).as_int64()};
    });
}

}  // namespace
}  // namespace dangyuan::storage::election_repo

namespace dangyuan {

namespace elr = storage::election_repo;

election_id open_election(store& s, org_id org, election_requested const& first, std::string_view why) {
    storage::call const guard(s);
    storage::require(s, permission::manage_organisations, org);
    auto& impl = storage::impl_of(s);
    return storage::in_read("opening an election", [&]() -> election_id {
        storage::check_not_in_future(s, first.date, "date");
        election_record const r = first;
        elr::check_election_texts(r);
        auto const o = s.org(org);
        if (o.kind == org_kind::party_group)
            throw invalid_input("org", "'" + o.name + "' is a 党小组; a party group elects no committee");
        if (!o.active_on(first.date))
            throw invalid_input("org",
                                "'" + o.name + "' does not exist on " + storage::format_iso(first.date));
        // Whether a committee is elected follows from the full members on the request's day; the
        // leadership is checked again when it takes office.
        require_election_form(o, is_branch(o.kind) ? impl.count_members(org, first.date).full_members : 0,
                              first.without_committee, first.date, s.rules());
        {
            sql::statement open(
                impl.db, "SELECT id FROM election_cases WHERE org_id = :org_id AND stage <> 'completed'");
            storage::bind_id(open, ":org_id", org);
            if (open.step())
                throw conflict("'" + o.name + "' has the election " +
                               std::to_string(open.column(0).as_int64()) + " not yet completed");
        }
        election_case c{.org = org, .org_name = o.name, .term_ends = term_end(o, s.rules())};
        check_record(c, r, election_context{}, s.rules());
        return storage::in_transaction(impl.db, [&] {
            sql::statement ins(impl.db,
                               "INSERT INTO election_cases(org_id, term_ends, stage, requested_on) "
                               "VALUES(:org_id, :term_ends, :stage, :requested_on)");
            storage::bind_id(ins, ":org_id", org);
            storage::bind_date(ins, ":term_ends", c.term_ends);
            ins.bind(":stage", std::string(to_string(election_stage::requested)));
            storage::bind_date(ins, ":requested_on", first.date);
            ins.exec();
            c.id = election_id{impl.db.last_insert_id()};
            elr::insert_election_record(impl.db, c.id, r);
            storage::append_audit(
                impl.db, impl.audit_actor, "election", c.id.value(), "open", why,
                "org=" + std::to_string(org.value()) +
                    (c.term_ends ? "; term_ends=" + storage::format_iso(*c.term_ends) : "") + "; " +
                    elr::describe_election_record(r));
            return c.id;
        });
    });
}

void record_election(store& s, election_id id, election_record const& r, std::string_view why) {
    storage::call const guard(s);
    auto const org = elr::election_org(s, id);
    if (elr::higher_organisation_step(r))
        storage::require_above(s, permission::approve_as_higher_committee, org);
    else
        storage::require(s, permission::manage_organisations, org);
    auto& impl = storage::impl_of(s);
    storage::in_read("recording an election record", [&] {
        storage::check_not_in_future(s, record_date(r), "date");
        elr::check_election_texts(r);
        auto const loaded = elr::load_election(impl.db, id);
        auto const ctx = elr::context_from_roster(s, loaded.c, r);
        check_record(loaded.c, r, ctx, s.rules());
        auto after = loaded.c;
        after.records.push_back(r);
        auto const state = election_state_of(after);
        std::vector<officer> officers;
        if (std::holds_alternative<secretary_approved>(r))
            officers = elr::checked_leadership(s, s.org(loaded.c.org), state, record_date(r));
        storage::in_transaction(impl.db, [&] {
            sql::statement snap(
                impl.db,
                "UPDATE election_cases SET stage = :stage, completed_on = :completed_on, version = "
                "version + 1 WHERE id = :id AND version = :version");
            snap.bind(":stage", std::string(to_string(state.stage)));
            storage::bind_date(snap, ":completed_on", state.completed_on);
            storage::bind_id(snap, ":id", id);
            snap.bind(":version", loaded.version);
            if (snap.exec() != 1)
                throw conflict("election " + std::to_string(id.value()) +
                               " was changed by someone else meanwhile");
            elr::insert_election_record(impl.db, id, r);
            std::string detail = elr::describe_election_record(r);
            if (!officers.empty()) {
                elr::install_leadership(impl.db, loaded.c.org, officers, record_date(r), state.meeting->date);
                detail += "; leadership from " + storage::format_iso(record_date(r)) +
                          "; term_start=" + storage::format_iso(state.meeting->date);
            }
            storage::append_audit(impl.db, impl.audit_actor, "election", id.value(), kind_name(r), why,
                                  detail);
        });
    });
}

election_case get_election(store const& s, election_id id) {
    storage::call const guard(s);
    auto c = storage::in_read("reading an election", [&]() -> election_case {
        return elr::load_election(storage::impl_of(s).db, id).c;
    });
    storage::require(s, permission::read_roster, c.org);
    return c;
}

std::vector<election_summary> elections(store const& s, scope requested) {
    storage::call const guard(s);
    auto const sc = storage::visible_scope(s, requested);
    auto& impl = storage::impl_of(s);
    return storage::in_read("listing elections", [&]() -> std::vector<election_summary> {
        auto const ids = storage::scope_org_ids(impl.db, sc);
        sql::statement st(
            impl.db,
            "SELECT e.id, e.org_id, o.name, e.term_ends, e.stage, e.requested_on, e.completed_on "
            "FROM election_cases e JOIN orgs o ON o.id = e.org_id ORDER BY e.org_id, "
            "e.requested_on, e.id");
        std::vector<election_summary> out;
        while (st.step()) {
            auto const org = st.column(1).as_int64();
            if (!std::binary_search(ids.begin(), ids.end(), org)) continue;
            election_summary e;
            e.id = election_id{st.column(0).as_int64()};
            e.org = org_id{org};
            e.org_name = storage::col_text(st, 2);
            e.term_ends = storage::column_date(st, 3, "election_cases.term_ends");
            e.stage = storage::stored_enum<election_stage>(storage::col_text(st, 4), "election_cases.stage");
            e.requested_on = storage::col_date(st, 5, "election_cases.requested_on");
            e.completed_on = storage::column_date(st, 6, "election_cases.completed_on");
            out.push_back(std::move(e));
        }
        return out;
    });
}

election_completion election_completion_on(store const& s, scope requested, int year, date::sys_days as_of) {
    storage::call const guard(s);
    auto const sc = storage::visible_scope(s, requested);
    auto const in_scope = s.orgs(sc);
    auto& impl = storage::impl_of(s);
    auto const by_org = storage::in_read("counting elections", [&] {
        // The cases of the year's terms, by organisation (the latest requested when there are several).
        auto cases = elr::load_elections(
            impl.db, "SELECT id FROM election_cases WHERE substr(term_ends, 1, 4) = :year",
            [&](sql::statement& st) { st.bind(":year", std::to_string(year)); });
        std::stable_sort(cases.begin(), cases.end(),
                         [](auto const& a, auto const& b) { return a.requested_on < b.requested_on; });
        std::map<std::int64_t, election_case> out;
        for (auto& e : cases)
            out[e.c.org.value()] = std::move(e.c);
        return out;
    });
    std::vector<term_and_election> terms;
    for (auto const& o : in_scope) {
        if (o.kind == org_kind::party_group || !o.active_on(as_of)) continue;
        auto const it = by_org.find(o.id.value());
        if (it != by_org.end())
            terms.push_back({o.id, it->second.term_ends, it->second});
        else
            terms.push_back({o.id, term_end(o, s.rules()), std::nullopt});
    }
    return election_completion_of(terms, year, as_of);
}

}  // namespace dangyuan

namespace dangyuan::storage {

std::vector<std::int64_t> electing_orgs(sql::database& db, date::sys_days as_of) {
    sql::statement st(db,
                      "SELECT DISTINCT org_id FROM election_cases WHERE requested_on <= :d AND "
                      "(completed_on IS NULL OR completed_on > :d) ORDER BY org_id");
    bind_date(st, ":d", as_of);
    std::vector<std::int64_t> out;
    while (st.step())
        out.push_back(st.column(0).as_int64());
    return out;
}

std::vector<agenda_item> election_agenda_items(store const& s, sql::database& db, date::sys_days as_of,
                                               std::vector<std::int64_t> const& org_ids, bool whole) {
    (void)s;
    std::vector<agenda_item> items;
    // Cases requested by as_of and not completed by then (of the organisations in scope, for a part of
    // the store), read at once, then those in scope replayed.
    auto const open = election_repo::load_elections(
        db,
        std::string("SELECT id FROM election_cases WHERE requested_on <= :d AND (completed_on IS NULL OR "
                    "completed_on > :d)") +
            (whole ? std::string() : std::string(" AND org_id ") + in_id_set),
        [&](sql::statement& st) {
            bind_date(st, ":d", as_of);
            if (!whole) st.bind(":ids", json_ids(org_ids));
        });
    for (auto const& e : open) {
        if (!std::binary_search(org_ids.begin(), org_ids.end(), e.c.org.value())) continue;
        auto const more = election_agenda(e.c, as_of);
        items.insert(items.end(), more.begin(), more.end());
    }
    return items;
}

}  // namespace dangyuan::storage
