// Village and community decision cases (四议两公开): the records of a case, replayed into
// `decision_case`. Every command checks the new record with the pure rules against the replayed case
// before the transaction opens, so a refused command writes nothing.

#include <algorithm>
#include <map>
#include <unordered_map>

#include "../access.hpp"
#include "../plausibility.hpp"
#include "../rows.hpp"
#include "dangyuan/decision/decision_agenda.hpp"
#include "decision_rows.hpp"

namespace dangyuan {

namespace {

using storage::col_int;
using storage::col_text;
using storage::format_iso;
using storage::raw;

template <class E>
std::string decision_code(E v) {
    return std::string(to_string(v));
}

constexpr char const* insert_decision_record_sql =
    "INSERT INTO decision_records(case_id, kind, date, subject, vote_entitled, vote_present, vote_written, "
    "vote_yes, vote_no, vote_abstain, body, members, households, present, households_present, in_favour, "
    "implementation_due, channel, implemented_on, late_reason, note) VALUES(:case, :kind, :date, :subject, "
    ":vote_entitled, :vote_present, :vote_written, :vote_yes, :vote_no, :vote_abstain, :body, :members, "
    ":households, :present, :households_present, :in_favour, :implementation_due, :channel, "
    ":implemented_on, :late_reason, :note)";

// Column order of read_decision_record.
constexpr char const* decision_record_columns =
    "kind, date, subject, vote_entitled, vote_present, vote_written, vote_yes, vote_no, vote_abstain, body, "
    "members, households, present, households_present, in_favour, implementation_due, channel, "
    "implemented_on, late_reason, note, case_id";

enum decision_col : int {
    dc_kind,
    dc_date,
    dc_subject,
    dc_vote,  // six columns
    dc_body = dc_vote + 6,
    dc_members,
    dc_households,
    dc_present,
    dc_households_present,
    dc_in_favour,
    dc_implementation_due,
    dc_channel,
    dc_implemented_on,
    dc_late_reason,
    dc_note,
    dc_case,
};

// Binds the fields of one record kind; the columns of other kinds stay NULL.
struct decision_binder {
    sql::statement& st;

    void operator()(proposed const& r) const { st.bind(":subject", r.subject); }
    void operator()(two_committees_consulted const&) const {}
    void operator()(members_meeting_reviewed const& r) const {
        st.bind(":vote_entitled", r.vote.entitled);
        st.bind(":vote_present", r.vote.present);
        st.bind(":vote_written", r.vote.written_opinions);
        st.bind(":vote_yes", r.vote.yes);
        st.bind(":vote_no", r.vote.no);
        st.bind(":vote_abstain", r.vote.abstain);
    }
    void operator()(villagers_resolved const& r) const {
        st.bind(":body", decision_code(r.body));
        st.bind(":members", r.members);
        st.bind(":households", r.households);
        st.bind(":present", r.present);
        st.bind(":households_present", r.households_present);
        st.bind(":in_favour", r.in_favour);
        storage::bind_date(st, ":implementation_due", r.implementation_due);
    }
    void operator()(resolution_published const& r) const {
        st.bind(":channel", decision_code(r.channel));
        st.bind(":late_reason", r.late_reason);
    }
    void operator()(result_published const& r) const {
        st.bind(":channel", decision_code(r.channel));
        storage::bind_date(st, ":implemented_on", r.implemented_on);
        st.bind(":late_reason", r.late_reason);
    }
};

void insert_decision_record(sql::database& db, decision_id id, decision_record const& r) {
    sql::statement st(db, insert_decision_record_sql);
    st.bind(":case", raw(id));
    st.bind(":kind", std::string(kind_name(r)));
    st.bind(":date", format_iso(record_date(r)));
    std::visit(decision_binder{st}, r);
    st.bind(":note", std::visit([](auto const& x) { return x.note; }, r));
    st.exec();
}

int decision_count(sql::statement& st, int c, char const* name) {
    auto col = st.column(c);
    if (col.is_null()) throw storage_error(std::string("column decision_records.") + name + " is empty");
    return col.as_int();
}

decision_record read_decision_record(sql::statement& st) {
    auto const kind = col_text(st, dc_kind);
    auto const date = storage::col_date(st, dc_date, "decision_records.date");
    auto const note = col_text(st, dc_note);
    auto late = [&] { return col_text(st, dc_late_reason); };
    auto channel = [&] {
        return storage::stored_enum<publication_channel>(col_text(st, dc_channel),
                                                         "decision_records.channel");
    };
    if (kind == "proposed") return proposed{date, col_text(st, dc_subject), note};
    if (kind == "two_committees_consulted") return two_committees_consulted{date, note};
    if (kind == "members_meeting_reviewed") {
        branch_vote v;
        v.entitled = decision_count(st, dc_vote, "vote_entitled");
        v.present = decision_count(st, dc_vote + 1, "vote_present");
        v.written_opinions = decision_count(st, dc_vote + 2, "vote_written");
        v.yes = decision_count(st, dc_vote + 3, "vote_yes");
        v.no = decision_count(st, dc_vote + 4, "vote_no");
        v.abstain = decision_count(st, dc_vote + 5, "vote_abstain");
        return members_meeting_reviewed{date, v, note};
    }
    if (kind == "villagers_resolved") {
        villagers_resolved r;
        r.date = date;
        r.body = storage::stored_enum<resolving_body>(col_text(st, dc_body), "decision_records.body");
        r.members = decision_count(st, dc_members, "members");
        r.households = decision_count(st, dc_households, "households");
        r.present = decision_count(st, dc_present, "present");
        r.households_present = decision_count(st, dc_households_present, "households_present");
        r.in_favour = decision_count(st, dc_in_favour, "in_favour");
        r.implementation_due =
            storage::column_date(st, dc_implementation_due, "decision_records.implementation_due");
        r.note = note;
        return r;
    }
    if (kind == "resolution_published") return resolution_published{date, channel(), late(), note};
    if (kind == "result_published")
        return result_published{
            date, channel(), storage::column_date(st, dc_implemented_on, "decision_records.implemented_on"),
            late(), note};
    throw storage_error("column decision_records.kind holds '" + kind + "'");
}

struct loaded_decision {
    decision_case c;
    std::int64_t version = 0;
};

// The cases `ids` in that order, each with its records: two queries for the whole set.
// \throws not_found for an id that names no case.
std::vector<loaded_decision> load_decisions(sql::database& db, std::vector<decision_id> const& ids) {
    std::vector<loaded_decision> out(ids.size());
    if (ids.empty()) return out;
    auto const set = storage::json_ids(ids);
    auto const at = storage::read_heads(
        db,
        std::string("SELECT c.id, c.org_id, o.name, c.rule_set, c.version FROM decision_cases c "
                    "JOIN orgs o ON o.id = c.org_id WHERE c.id ") +
            storage::in_id_set,
        ids, "decision case", [&](sql::statement& head, std::size_t i) {
            auto& x = out[i];
            x.c.id = ids[i];
            x.c.org = org_id{head.column(1).as_int64()};
            x.c.org_name = col_text(head, 2);
            x.c.rule_set_name = col_text(head, 3);
            x.version = head.column(4).as_int64();
        });
    sql::statement st(db, std::string("SELECT ") + decision_record_columns +
                              " FROM decision_records WHERE case_id " + storage::in_id_set + " ORDER BY id");
    st.bind(":ids", set);
    while (st.step())
        out[at.at(st.column(dc_case).as_int64())].c.records.push_back(read_decision_record(st));
    return out;
}

loaded_decision load_decision(sql::database& db, decision_id id) {
    return std::move(load_decisions(db, {id}).front());
}

// The organisation holding case `id`, read before the access check of a command on it.
org_id decision_org(store const& s, decision_id id) {
    return storage::in_read("reading a decision case", [&] {
        sql::statement st(storage::impl_of(s).db, "SELECT org_id FROM decision_cases WHERE id = :id");
        st.bind(":id", raw(id));
        if (!st.step()) throw not_found("no decision case with id " + std::to_string(id.value()));
        return org_id{st.column(0).as_int64()};
    });
}

std::string describe_decision(decision_record const& r) {
    return std::string(kind_name(r)) + " on " + format_iso(record_date(r));
}

}  // namespace

decision_id open_decision(store& s, org_id org, proposed const& first, std::string const& rule_set_name,
                          std::string_view why) {
    storage::call const guard(s);
    storage::require(s, permission::manage_organisations, org);
    auto& impl = storage::impl_of(s);
    return storage::in_read("opening a decision case", [&]() -> decision_id {
        storage::check_not_in_future(s, first.date, "date");
        auto const rules = s.rule_set_named(rule_set_name.empty() ? s.rules().name : rule_set_name);
        auto const o = s.org(org);
        if (!o.village_or_community)
            throw invalid_input("org", "'" + o.name +
                                           "' is not a village or community organisation; 四议两公开 is the "
                                           "method of village and community decisions");
        if (!o.active_on(first.date))
            throw invalid_input("org", "'" + o.name + "' does not exist on " + format_iso(first.date));
        decision_case c{decision_id{}, org, o.name, rules.name, {}};
        decision_record const rec = first;
        check_record(c, rec, rules);
        return storage::in_transaction(impl.db, [&] {
            sql::statement ins(impl.db,
                               "INSERT INTO decision_cases(org_id, subject, rule_set, stage, proposed_on, "
                               "last_date) VALUES(:org_id, :subject, :rule_set, :stage, :date, :date)");
            ins.bind(":org_id", raw(org));
            ins.bind(":subject", first.subject);
            ins.bind(":rule_set", rules.name);
            ins.bind(":stage", decision_code(decision_stage::proposed));
            ins.bind(":date", format_iso(first.date));
            ins.exec();
            c.id = decision_id{impl.db.last_insert_id()};
            insert_decision_record(impl.db, c.id, rec);
            storage::append_audit(impl.db, impl.audit_actor, "decision", c.id.value(), "open", why,
                                  "org=" + std::to_string(org.value()) + "; rule_set=" + rules.name + "; " +
                                      describe_decision(rec) + "; subject=" + first.subject);
            return c.id;
        });
    });
}

void record_decision(store& s, decision_id id, decision_record const& r, std::string_view why) {
    storage::call const guard(s);
    storage::require(s, permission::manage_organisations, decision_org(s, id));
    auto& impl = storage::impl_of(s);
    storage::in_read("recording a decision step", [&] {
        storage::check_not_in_future(s, record_date(r), "date");
        auto const loaded = load_decision(impl.db, id);
        auto const rules = s.rule_set_named(loaded.c.rule_set_name);
        auto after = loaded.c;
        record(after, r, rules);
        auto const stage = *stage_of(after);
        storage::in_transaction(impl.db, [&] {
            sql::statement up(impl.db,
                              "UPDATE decision_cases SET version = version + 1, stage = :stage, last_date = "
                              ":date WHERE id = :id AND version = :version");
            up.bind(":stage", decision_code(stage));
            up.bind(":date", format_iso(record_date(r)));
            up.bind(":id", raw(id));
            up.bind(":version", loaded.version);
            if (up.exec() != 1)
                throw conflict("decision case " + std::to_string(id.value()) +
                               " was changed by someone else meanwhile; reload and try again");
            insert_decision_record(impl.db, id, r);
            storage::append_audit(impl.db, impl.audit_actor, "decision", id.value(), kind_name(r), why,
                                  describe_decision(r) + "; stage=" + decision_code(stage));
        });
    });
}

decision_case get_decision(store const& s, decision_id id) {
    storage::call const guard(s);
    auto c = storage::in_read("reading a decision case",
                              [&] { return load_decision(storage::impl_of(s).db, id).c; });
    storage::require(s, permission::read_roster, c.org);
    return c;
}

std::vector<decision_summary> decisions(store const& s, scope requested) {
    storage::call const guard(s);
    auto const sc = storage::visible_scope(s, requested);
    auto& impl = storage::impl_of(s);
    return storage::in_read("listing decision cases", [&]() -> std::vector<decision_summary> {
        auto const ids = storage::scope_org_ids(impl.db, sc);
        sql::statement st(impl.db,
                          "SELECT c.id, c.org_id, o.name, c.subject, c.rule_set, c.stage, c.proposed_on, "
                          "c.last_date FROM decision_cases c JOIN orgs o ON o.id = c.org_id WHERE c.org_id " +
                              std::string(storage::in_id_set) + " ORDER BY c.org_id, c.proposed_on, c.id");
        st.bind(":ids", storage::json_ids(ids));
        std::vector<decision_summary> out;
        while (st.step()) {
            decision_summary d;
            d.id = decision_id{st.column(0).as_int64()};
            d.org = org_id{st.column(1).as_int64()};
            d.org_name = col_text(st, 2);
            d.subject = col_text(st, 3);
            d.rule_set_name = col_text(st, 4);
            d.stage = storage::stored_enum<decision_stage>(col_text(st, 5), "decision_cases.stage");
            d.proposed_on = storage::col_date(st, 6, "decision_cases.proposed_on");
            d.last_date = storage::col_date(st, 7, "decision_cases.last_date");
            out.push_back(std::move(d));
        }
        return out;
    });
}

namespace storage {

std::vector<agenda_item> decision_agenda_items(store const& s, sql::database& db, date::sys_days as_of,
                                               std::vector<std::int64_t> const& org_ids, bool whole) {
    std::vector<agenda_item> items;
    // Cases waiting for a publication now, and cases whose later records the date of the agenda does not
    // see yet; closed and rejected cases stay out.
    sql::statement st(
        db, std::string("SELECT id, org_id FROM decision_cases WHERE proposed_on <= :d AND (stage IN "
                        "('resolved', 'resolution_published') OR last_date > :d)") +
                (whole ? std::string() : std::string(" AND org_id ") + in_id_set) + " ORDER BY id");
    st.bind(":d", format_iso(as_of));
    if (!whole) st.bind(":ids", json_ids(org_ids));
    std::vector<decision_id> open;
    while (st.step())
        if (std::binary_search(org_ids.begin(), org_ids.end(), st.column(1).as_int64()))
            open.emplace_back(st.column(0).as_int64());
    std::map<std::string, rule_set> rules_named;
    for (auto const& [c, version] : load_decisions(db, open)) {
        auto it = rules_named.find(c.rule_set_name);
        if (it == rules_named.end())
            it = rules_named.emplace(c.rule_set_name, s.rule_set_named(c.rule_set_name)).first;
        auto const more = decision_agenda(c, as_of, it->second);
        items.insert(items.end(), more.begin(), more.end());
    }
    return items;
}

}  // namespace storage

}  // namespace dangyuan
