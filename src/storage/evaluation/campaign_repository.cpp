// Democratic-evaluation campaigns (民主评议党员): the records of a campaign, replayed into `campaign`.
// Every command checks the new record with the pure rules against the replayed campaign and the roster
// before the transaction opens, so a refused command writes nothing.

#include <algorithm>

#include "../access.hpp"
#include "../plausibility.hpp"
#include "dangyuan/storage/life_store.hpp"
#include "dangyuan/storage/mobility_store.hpp"
#include "evaluation_rows.hpp"

namespace dangyuan {

using namespace storage::evaluation_rows;

namespace {

// ---- campaign records

constexpr char const* insert_eval_record_sql =
    "INSERT INTO eval_records(campaign_id, year, kind, date, phase, by_party_groups, member_id, reason, "
    "approved_by, away_since, summary, source, tally_excellent, tally_qualified, tally_basically_qualified, "
    "tally_unqualified, grade, basis, informed_by, decided_by, vote_entitled, vote_present, vote_written, "
    "vote_yes, vote_no, vote_abstain, over_cap_reason, other_org_id, follow_up, note) VALUES(:campaign, "
    ":year, :kind, :date, :phase, :by_party_groups, :member, :reason, :approved_by, :away_since, :summary, "
    ":source, :tally_excellent, :tally_qualified, :tally_basically_qualified, :tally_unqualified, :grade, "
    ":basis, :informed_by, :decided_by, :vote_entitled, :vote_present, :vote_written, :vote_yes, :vote_no, "
    ":vote_abstain, :over_cap_reason, :other_org, :follow_up, :note)";

// Column order of read_campaign_record (after the record id).
constexpr char const* eval_record_columns =
    "id, kind, date, phase, by_party_groups, member_id, reason, approved_by, away_since, summary, source, "
    "tally_excellent, tally_qualified, tally_basically_qualified, tally_unqualified, grade, basis, "
    "informed_by, decided_by, vote_entitled, vote_present, vote_written, vote_yes, vote_no, vote_abstain, "
    "over_cap_reason, other_org_id, follow_up, note";

enum eval_col : int {
    ec_id,
    ec_kind,
    ec_date,
    ec_phase,
    ec_by_party_groups,
    ec_member,
    ec_reason,
    ec_approved_by,
    ec_away_since,
    ec_summary,
    ec_source,
    ec_tally,  // four columns
    ec_grade = ec_tally + 4,
    ec_basis,
    ec_informed_by,
    ec_decided_by,
    ec_vote,  // six columns
    ec_over_cap_reason = ec_vote + 6,
    ec_other_org,
    ec_follow_up,
    ec_note,
};

// Binds the fields of one record kind; the columns of other kinds stay NULL.
struct eval_binder {
    sql::statement& st;

    void member(member_id m) const { bind_id(st, ":member", m.value()); }

    void operator()(phase_started const& r) const {
        st.bind(":phase", code_of(r.phase));
        st.bind(":by_party_groups", r.by_party_groups ? 1 : 0);
    }
    void operator()(participants_added const&) const {}  // rows in eval_participants
    void operator()(exemption_approved const& r) const {
        member(r.member);
        st.bind(":reason", code_of(r.reason));
        st.bind(":approved_by", r.approved_by);
        storage::bind_date(st, st.index_of(":away_since"), r.away_since);
        st.bind(":note", r.note);
    }
    void operator()(self_assessment_submitted const& r) const {
        member(r.member);
        st.bind(":summary", r.summary);
    }
    void operator()(non_member_opinion const& r) const {
        if (r.about) member(*r.about);
        st.bind(":source", r.source);
        st.bind(":summary", r.summary);
    }
    void operator()(ballots_counted const& r) const {  // voters and choices in their tables
        member(r.member);
        st.bind(":tally_excellent", r.tally[grade::excellent]);
        st.bind(":tally_qualified", r.tally[grade::qualified]);
        st.bind(":tally_basically_qualified", r.tally[grade::basically_qualified]);
        st.bind(":tally_unqualified", r.tally[grade::unqualified]);
    }
    void operator()(grade_proposed const& r) const {
        member(r.member);
        st.bind(":grade", code_of(r.proposed));
        st.bind(":basis", r.basis);
    }
    void operator()(member_informed const& r) const {
        member(r.member);
        st.bind(":informed_by", r.by);
    }
    void operator()(grade_decided const& r) const {
        member(r.member);
        st.bind(":grade", code_of(r.decided));
        st.bind(":decided_by", code_of(r.by));
        if (r.vote) bind_vote(st, *r.vote);
        st.bind(":over_cap_reason", r.over_cap_reason);
    }
    void operator()(result_sent const& r) const {
        member(r.member);
        bind_id(st, ":other_org", r.to.value());
    }
    void operator()(result_received const& r) const {
        member(r.member);
        bind_id(st, ":other_org", r.from.value());
        st.bind(":grade", code_of(r.received));
    }
    void operator()(follow_up const& r) const {
        member(r.member);
        st.bind(":follow_up", code_of(r.kind));
        st.bind(":note", r.note);
    }
};

void insert_campaign_record(sql::database& db, campaign const& c, campaign_record const& r) {
    sql::statement st(db, insert_eval_record_sql);
    bind_id(st, ":campaign", c.id.value());
    st.bind(":year", c.year);
    st.bind(":kind", std::string(kind_name(r)));
    st.bind(":date", format_iso(record_date(r)));
    std::visit(eval_binder{st}, r);
    st.exec();
    auto const rid = db.last_insert_id();
    if (auto const* p = std::get_if<participants_added>(&r)) {
        sql::statement ins(
            db,
            "INSERT INTO eval_participants(record_id, member_id, name, status, "
            "relationship_in) VALUES(:record_id, :member_id, :name, :status, :relationship_in)");
        for (auto const& x : p->participants) {
            ins.bind(":record_id", static_cast<std::int64_t>(rid));
            ins.bind(":member_id", static_cast<std::int64_t>(x.member.value()));
            ins.bind(":name", x.name);
            ins.bind(":status", code_of(x.status));
            if (x.relationship_in)
                ins.bind(":relationship_in", static_cast<std::int64_t>(x.relationship_in->value()));
            else
                ins.bind(":relationship_in");
            ins.exec();
            ins.reset();
        }
    }
    if (auto const* b = std::get_if<ballots_counted>(&r)) {
        sql::statement voter(db,
                             "INSERT INTO eval_voters(record_id, member_id) VALUES(:record_id, :member_id)");
        for (auto const v : b->voters) {
            voter.bind(":record_id", static_cast<std::int64_t>(rid));
            voter.bind(":member_id", static_cast<std::int64_t>(v.value()));
            voter.exec();
            voter.reset();
        }
        sql::statement choice(db,
                              "INSERT INTO eval_choices(record_id, evaluator_id, grade) "
                              "VALUES(:record_id, :evaluator_id, :grade)");
        for (auto const& ch : b->choices) {
            choice.bind(":record_id", static_cast<std::int64_t>(rid));
            choice.bind(":evaluator_id", static_cast<std::int64_t>(ch.evaluator.value()));
            choice.bind(":grade", code_of(ch.choice));
            choice.exec();
            choice.reset();
        }
    }
}

// The lists of a campaign's records, keyed by record id.
struct eval_lists {
    std::map<std::int64_t, std::vector<participant>> participants;
    std::map<std::int64_t, std::vector<member_id>> voters;
    std::map<std::int64_t, std::vector<identified_choice>> choices;
};

// The lists of the records of the campaigns in the set `ids` (json_ids), one query a list.
eval_lists load_eval_lists(sql::database& db, std::string const& ids) {
    eval_lists out;
    sql::statement p(db, std::string("SELECT p.record_id, p.member_id, p.name, p.status, p.relationship_in "
                                     "FROM eval_participants p JOIN eval_records r ON r.id = p.record_id "
                                     "WHERE r.campaign_id ") +
                             storage::in_id_set + " ORDER BY p.id");
    p.bind(":ids", ids);
    while (p.step()) {
        participant x;
        x.member = member_id{p.column(1).as_int64()};
        x.name = col_text(p, 2);
        x.status = storage::stored_enum<member_status>(col_text(p, 3), "eval_participants.status");
        if (auto const o = col_int64(p, 4)) x.relationship_in = org_id{*o};
        out.participants[p.column(0).as_int64()].push_back(std::move(x));
    }
    sql::statement v(db, std::string("SELECT v.record_id, v.member_id FROM eval_voters v JOIN eval_records r "
                                     "ON r.id = v.record_id WHERE r.campaign_id ") +
                             storage::in_id_set + " ORDER BY v.id");
    v.bind(":ids", ids);
    while (v.step())
        out.voters[v.column(0).as_int64()].emplace_back(v.column(1).as_int64());
    sql::statement c(db, std::string("SELECT c.record_id, c.evaluator_id, c.grade FROM eval_choices c JOIN "
                                     "eval_records r ON r.id = c.record_id WHERE r.campaign_id ") +
                             storage::in_id_set + " ORDER BY c.id");
    c.bind(":ids", ids);
    while (c.step())
        out.choices[c.column(0).as_int64()].push_back(
            {member_id{c.column(1).as_int64()},
             storage::stored_enum<grade>(col_text(c, 2), "eval_choices.grade")});
    return out;
}

campaign_record read_campaign_record(sql::statement& st, eval_lists& lists) {
    auto const rid = st.column(ec_id).as_int64();
    auto const kind = col_text(st, ec_kind);
    auto const date = col_date(st, ec_date, "eval_records.date");
    auto const member = [&] {
        auto const m = col_int64(st, ec_member);
        if (!m)
            throw storage_error("eval_records " + std::to_string(rid) + " (" + kind + ") names no member");
        return member_id{*m};
    };
    auto const grade_col = [&] {
        return storage::stored_enum<grade>(col_text(st, ec_grade), "eval_records.grade");
    };
    auto const other_org = [&] { return org_id{col_int64(st, ec_other_org).value_or(0)}; };
    if (kind == "phase_started")
        return phase_started{
            date, storage::stored_enum<campaign_phase>(col_text(st, ec_phase), "eval_records.phase"),
            col_int(st, ec_by_party_groups) != 0};
    if (kind == "participants_added") return participants_added{date, std::move(lists.participants[rid])};
    if (kind == "exemption_approved")
        return exemption_approved{
            date,
            member(),
            storage::stored_enum<exemption_reason>(col_text(st, ec_reason), "eval_records.reason"),
            col_text(st, ec_approved_by),
            storage::column_date(st, ec_away_since, "eval_records.away_since"),
            col_text(st, ec_note)};
    if (kind == "self_assessment_submitted")
        return self_assessment_submitted{date, member(), col_text(st, ec_summary)};
    if (kind == "non_member_opinion") {
        std::optional<member_id> about;
        if (auto const m = col_int64(st, ec_member)) about = member_id{*m};
        return non_member_opinion{date, about, col_text(st, ec_source), col_text(st, ec_summary)};
    }
    if (kind == "ballots_counted") {
        ballots_counted b{date, member(), std::move(lists.voters[rid]), {}, std::move(lists.choices[rid])};
        for (std::size_t i = 0; i < grade_count; ++i)
            b.tally.counts[i] = col_int(st, ec_tally + static_cast<int>(i));
        return b;
    }
    if (kind == "grade_proposed") return grade_proposed{date, member(), grade_col(), col_text(st, ec_basis)};
    if (kind == "member_informed") return member_informed{date, member(), col_text(st, ec_informed_by)};
    if (kind == "grade_decided")
        return grade_decided{
            date,
            member(),
            grade_col(),
            storage::stored_enum<decision_body>(col_text(st, ec_decided_by), "eval_records.decided_by"),
            read_vote(st, ec_vote),
            col_text(st, ec_over_cap_reason)};
    if (kind == "result_sent") return result_sent{date, member(), other_org()};
    if (kind == "result_received") return result_received{date, member(), other_org(), grade_col()};
    if (kind == "follow_up")
        return follow_up{
            date, member(),
            storage::stored_enum<follow_up_kind>(col_text(st, ec_follow_up), "eval_records.follow_up"),
            col_text(st, ec_note)};
    throw storage_error("column eval_records.kind holds '" + kind + "'");
}

}  // namespace

namespace storage::evaluation_rows {

// The campaigns `ids` in that order, each with its records: five queries for the whole set.
// \throws not_found for an id that names no campaign.
std::vector<loaded_campaign> load_campaigns(sql::database& db, std::vector<campaign_id> const& ids) {
    std::vector<loaded_campaign> out(ids.size());
    if (ids.empty()) return out;
    auto const set = storage::json_ids(ids);
    auto const at =
        storage::read_heads(db,
                            std::string("SELECT c.id, c.org_id, o.name, c.year, c.rule_set, c.version FROM "
                                        "eval_campaigns c JOIN orgs o ON o.id = c.org_id WHERE c.id ") +
                                storage::in_id_set,
                            ids, "evaluation campaign", [&](sql::statement& head, std::size_t i) {
                                auto& x = out[i];
                                x.c.id = ids[i];
                                x.c.org = org_id{head.column(1).as_int64()};
                                x.c.org_name = col_text(head, 2);
                                x.c.year = col_int(head, 3);
                                x.c.rule_set_name = col_text(head, 4);
                                x.version = head.column(5).as_int64();
                            });
    auto lists = load_eval_lists(db, set);
    sql::statement st(db, std::string("SELECT ") + eval_record_columns +
                              ", campaign_id FROM eval_records WHERE campaign_id " + storage::in_id_set +
                              " ORDER BY id");
    st.bind(":ids", set);
    while (st.step()) {
        auto const campaign = st.column(ec_note + 1).as_int64();
        out[at.at(campaign)].c.records.push_back(read_campaign_record(st, lists));
    }
    return out;
}

loaded_campaign load_campaign(sql::database& db, campaign_id id) {
    return std::move(load_campaigns(db, {id}).front());
}

}  // namespace storage::evaluation_rows

namespace {

// The grades decided for the campaign's year by the other campaigns of the store.
std::vector<final_grade> grades_elsewhere(sql::database& db, int year, std::optional<campaign_id> except) {
    sql::statement st(db,
                      "SELECT r.member_id, c.org_id, r.grade, r.date FROM eval_records r JOIN eval_campaigns "
                      "c ON c.id = r.campaign_id WHERE r.kind = 'grade_decided' AND r.year = :year AND "
                      "r.campaign_id <> :campaign_id ORDER BY r.member_id");
    st.bind(":year", year);
    st.bind(":campaign_id", static_cast<std::int64_t>(except ? except->value() : 0));
    std::vector<final_grade> out;
    while (st.step())
        out.push_back(final_grade{member_id{st.column(0).as_int64()}, year, org_id{st.column(1).as_int64()},
                                  storage::stored_enum<grade>(col_text(st, 2), "eval_records.grade"),
                                  col_date(st, 3, "eval_records.date")});
    return out;
}

// What a campaign record says, for the audit trail. Ballots are described by their number only.
struct eval_describer {
    std::string operator()(phase_started const& r) const {
        return "phase=" + code_of(r.phase) + (r.by_party_groups ? "; by party groups" : "");
    }
    std::string operator()(participants_added const& r) const {
        std::string ids;
        for (auto const& p : r.participants)
            ids += (ids.empty() ? "" : ",") + std::to_string(p.member.value());
        return "participants=" + std::to_string(r.participants.size()) + " (" + ids + ")";
    }
    std::string operator()(exemption_approved const& r) const {
        return "member=" + std::to_string(r.member.value()) + "; reason=" + code_of(r.reason) +
               "; approved_by=" + r.approved_by;
    }
    std::string operator()(self_assessment_submitted const& r) const {
        return "member=" + std::to_string(r.member.value());
    }
    std::string operator()(non_member_opinion const& r) const {
        return "source=" + r.source + (r.about ? "; about=" + std::to_string(r.about->value()) : "");
    }
    std::string operator()(ballots_counted const& r) const {
        return "member=" + std::to_string(r.member.value()) + "; ballots=" + std::to_string(r.voters.size());
    }
    std::string operator()(grade_proposed const& r) const {
        return "member=" + std::to_string(r.member.value()) + "; proposed=" + code_of(r.proposed);
    }
    std::string operator()(member_informed const& r) const {
        return "member=" + std::to_string(r.member.value());
    }
    std::string operator()(grade_decided const& r) const {
        return "member=" + std::to_string(r.member.value()) + "; grade=" + code_of(r.decided) +
               "; by=" + code_of(r.by) + (r.vote ? "; " + vote_text(*r.vote) : "") +
               (r.over_cap_reason.empty() ? "" : "; over_cap_reason=" + r.over_cap_reason);
    }
    std::string operator()(result_sent const& r) const {
        return "member=" + std::to_string(r.member.value()) + "; to=" + std::to_string(r.to.value());
    }
    std::string operator()(result_received const& r) const {
        return "member=" + std::to_string(r.member.value()) + "; from=" + std::to_string(r.from.value()) +
               "; grade=" + code_of(r.received);
    }
    std::string operator()(follow_up const& r) const {
        return "member=" + std::to_string(r.member.value()) + "; follow_up=" + code_of(r.kind);
    }
};

std::string describe(campaign_record const& r) {
    return std::string(kind_name(r)) + " on " + format_iso(record_date(r)) + "; " +
           std::visit(eval_describer{}, r);
}

// The roster side of a campaign record: participants are members of the store in normal standing, with
// the status the roster gives, whose relationship is where the record says.
void check_against_roster(store const& s, campaign const& c, campaign_record const& r) {
    auto const* added = std::get_if<participants_added>(&r);
    if (!added) return;
    for (auto const& p : added->participants) {
        member m;
        try {
            m = s.get_member(p.member);
        } catch (not_found const&) {
            throw invalid_input("participants", "member " + std::to_string(p.member.value()) + " (" + p.name +
                                                    ") is not on the roster");
        }
        auto const status = m.status_on(added->date);
        if (!status || m.joined_branch > added->date)
            throw invalid_input("participants", m.name + " (member " + std::to_string(m.id.value()) +
                                                    ") is not in the branch on " + format_iso(added->date));
        if (*status != p.status)
            throw invalid_input("status", m.name + " is a " + std::string(chinese_name(*status)) + " on " +
                                              format_iso(added->date) + ", not a " +
                                              std::string(chinese_name(p.status)));
        auto const st = s.standing_on(m.id, added->date);
        if (!st || st->state != standing_state::normal)
            throw invalid_input("participants",
                                m.name + " is not in normal standing on " + format_iso(added->date) + " (" +
                                    std::string(to_string(st ? st->state : standing_state::exited)) +
                                    "): a suspended or former member takes no part");
        auto const home = p.relationship_in.value_or(c.org);
        if (m.branch != home)
            throw invalid_input(
                p.relationship_in ? "relationship_in" : "participants",
                m.name + "'s organisational relationship is in organisation " +
                    std::to_string(m.branch.value()) + ", not " + std::to_string(home.value()) +
                    (p.relationship_in ? ""
                                       : "; a mobile member (流动党员) evaluated here names it in "
                                         "relationship_in"));
    }
}

// Writes one or more checked records of a campaign, its snapshot and one audit row.
void write_campaign_records(store& s, loaded_campaign const& before, std::span<campaign_record const> recs,
                            std::string_view action, std::string_view why, std::string const& detail) {
    auto& impl = detail::store_access::of(s);
    auto after = before.c;
    after.records.insert(after.records.end(), recs.begin(), recs.end());
    auto const state = campaign_state_of(after);
    storage::in_transaction(impl.db, [&] {
        bump_version(impl.db, "eval_campaigns", before.c.id.value(), before.version,
                     "campaign " + std::to_string(before.c.id.value()));
        sql::statement snap(
            impl.db, "UPDATE eval_campaigns SET phase = :phase, closed_on = :closed_on WHERE id = :id");
        snap.bind(":phase", code_of(*state.phase));
        storage::bind_date(snap, ":closed_on",
                           state.phase_dates[static_cast<std::size_t>(campaign_phase::closed)]);
        snap.bind(":id", static_cast<std::int64_t>(before.c.id.value()));
        snap.exec();
        for (auto const& r : recs)
            insert_campaign_record(impl.db, before.c, r);
        storage::append_audit(impl.db, impl.audit_actor, "campaign", before.c.id.value(), action, why,
                              detail);
    });
}

// The organisation holding campaign `id`, read before the check of a command on it.
// \throws not_found for an unknown campaign.
org_id campaign_org(store const& s, campaign_id id) {
    return storage::in_read("reading an evaluation campaign", [&] {
        sql::statement st(detail::store_access::of(s).db, "SELECT org_id FROM eval_campaigns WHERE id = :id");
        st.bind(":id", raw(id));
        if (!st.step()) throw not_found("no evaluation campaign with id " + std::to_string(id.value()));
        return org_id{st.column(0).as_int64()};
    });
}

}  // namespace

// ---- campaigns

campaign_id open_campaign(store& s, org_id org, int year, date::sys_days study_begins,
                          std::string const& rule_set_name, std::string_view why) {
    storage::call const guard(s);
    storage::require(s, permission::run_evaluations, org);
    auto& impl = detail::store_access::of(s);
    return storage::in_read("opening an evaluation campaign", [&]() -> campaign_id {
        storage::check_not_in_future(s, study_begins, "study_begins");
        auto const rules = s.rule_set_named(rule_set_name.empty() ? s.rules().name : rule_set_name);
        auto const o = s.org(org);
        if (!is_branch(o.kind))
            throw invalid_input("org", "'" + o.name + "' is a " + std::string(chinese_name(o.kind)) +
                                           "; democratic evaluation is held by a branch (党支部)");
        if (year < 1) throw invalid_input("year", "the campaign has no year (" + std::to_string(year) + ")");
        auto const jan1 = date::sys_days{date::year{year} / date::January / 1};
        if (study_begins < jan1)
            throw invalid_input("year", "the evaluation of " + std::to_string(year) + " cannot begin on " +
                                            format_iso(study_begins) + ", before the year itself");
        if (!o.active_on(study_begins))
            throw invalid_input("org", "'" + o.name + "' does not exist on " + format_iso(study_begins));
        if (auto const other = find_campaign(s, org, year))
            throw conflict("'" + o.name + "' already has the campaign " + std::to_string(other->value()) +
                           " for " + std::to_string(year) + "; one campaign per organisation and year");
        campaign c{campaign_id{}, org, o.name, year, rules.name, {}};
        campaign_record const first = phase_started{study_begins, campaign_phase::study};
        check_campaign_record(c, first, rules);
        return storage::in_transaction(impl.db, [&] {
            sql::statement ins(impl.db,
                               "INSERT INTO eval_campaigns(org_id, year, rule_set, phase, began) "
                               "VALUES(:org_id, :year, :rule_set, :phase, :began)");
            ins.bind(":org_id", static_cast<std::int64_t>(org.value()));
            ins.bind(":year", year);
            ins.bind(":rule_set", rules.name);
            ins.bind(":phase", code_of(campaign_phase::study));
            ins.bind(":began", format_iso(study_begins));
            ins.exec();
            c.id = campaign_id{impl.db.last_insert_id()};
            insert_campaign_record(impl.db, c, first);
            storage::append_audit(impl.db, impl.audit_actor, "campaign", c.id.value(), "open", why,
                                  "org=" + std::to_string(org.value()) + "; year=" + std::to_string(year) +
                                      "; rule_set=" + rules.name + "; " + describe(first));
            return c.id;
        });
    });
}

void record_campaign(store& s, campaign_id id, campaign_record const& r, std::string_view why) {
    storage::call const guard(s);
    storage::require(s, permission::run_evaluations, campaign_org(s, id));
    auto& impl = detail::store_access::of(s);
    storage::in_read("recording an evaluation record", [&] {
        storage::check_not_in_future(s, record_date(r), "date");
        auto const loaded = load_campaign(impl.db, id);
        auto const rules = s.rule_set_named(loaded.c.rule_set_name);
        auto const elsewhere = grades_elsewhere(impl.db, loaded.c.year, id);
        check_campaign_record(loaded.c, r, rules, elsewhere);
        check_against_roster(s, loaded.c, r);
        write_campaign_records(s, loaded, std::span(&r, 1), kind_name(r), why, describe(r));
    });
}

void record_ballots(store& s, campaign_id id, date::sys_days date, std::span<ballot const> ballots,
                    std::string_view why) {
    storage::call const guard(s);
    storage::require(s, permission::run_evaluations, campaign_org(s, id));
    auto& impl = detail::store_access::of(s);
    storage::in_read("counting ballots", [&] {
        storage::check_not_in_future(s, date, "date");
        auto const loaded = load_campaign(impl.db, id);
        if (ballots.empty()) throw invalid_input("ballots", "no ballot to count on " + format_iso(date));
        auto const rules = s.rule_set_named(loaded.c.rule_set_name);
        auto const elsewhere = grades_elsewhere(impl.db, loaded.c.year, id);
        auto const counts = count_ballots(ballots, date, rules);
        auto work = loaded.c;
        std::vector<campaign_record> recs;
        for (auto const& b : counts) {
            record(work, b, rules, elsewhere);
            recs.emplace_back(b);
        }
        write_campaign_records(s, loaded, recs, "ballots_counted", why,
                               "ballots_counted on " + format_iso(date) +
                                   "; members=" + std::to_string(counts.size()) +
                                   "; ballots=" + std::to_string(ballots.size()));
    });
}

campaign get_campaign(store const& s, campaign_id id) {
    storage::call const guard(s);
    auto c = storage::in_read("reading an evaluation campaign", [&]() -> campaign {
        return load_campaign(detail::store_access::of(s).db, id).c;
    });
    // A read: checked once the campaign (and with it its organisation) is loaded.
    storage::require(s, permission::read_roster, c.org);
    return c;
}

std::optional<campaign_id> find_campaign(store const& s, org_id org, int year) {
    storage::call const guard(s);
    storage::require(s, permission::read_roster, org);
    return storage::in_read("finding an evaluation campaign", [&]() -> std::optional<campaign_id> {
        sql::statement st(detail::store_access::of(s).db,
                          "SELECT id FROM eval_campaigns WHERE org_id = :org_id AND year = :year");
        st.bind(":org_id", static_cast<std::int64_t>(org.value()));
        st.bind(":year", year);
        if (!st.step()) return std::nullopt;
        return campaign_id{st.column(0).as_int64()};
    });
}

std::vector<participant> participants_from_roster(store const& s, org_id org, date::sys_days on) {
    storage::call const guard(s);
    storage::require(s, permission::read_roster, org);
    (void)s.org(org);  // not_found for an unknown organisation
    std::vector<participant> out;
    for (auto const& m : s.roster(scope::subtree(org), on)) {
        if (m.branch != org || m.joined_branch > on) continue;
        auto const st = s.standing_on(m.id, on);
        if (!st || st->state != standing_state::normal) continue;
        out.push_back(participant{m.id, m.name, *m.status_on(on), std::nullopt});
    }
    return out;
}

std::vector<campaign_summary> campaigns(store const& s, scope requested, std::optional<int> year) {
    storage::call const guard(s);
    auto const sc = storage::visible_scope(s, requested);
    auto& impl = detail::store_access::of(s);
    return storage::in_read("listing evaluation campaigns", [&]() -> std::vector<campaign_summary> {
        auto const ids = storage::scope_org_ids(impl.db, sc);
        sql::statement st(impl.db,
                          "SELECT c.id, c.org_id, o.name, c.year, c.rule_set, c.phase, c.began, c.closed_on "
                          "FROM eval_campaigns c JOIN orgs o ON o.id = c.org_id WHERE CAST(?1 AS BIGINT) IS "
                          "NULL OR c.year = "
                          "?1 ORDER BY c.year, c.org_id");
        if (year)
            st.bind(1, *year);
        else
            st.bind(1);
        std::vector<campaign_summary> out;
        while (st.step()) {
            if (!in_ids(ids, st.column(1).as_int64())) continue;
            campaign_summary c;
            c.id = campaign_id{st.column(0).as_int64()};
            c.org = org_id{st.column(1).as_int64()};
            c.org_name = col_text(st, 2);
            c.year = col_int(st, 3);
            c.rule_set_name = col_text(st, 4);
            c.phase = storage::stored_enum<campaign_phase>(col_text(st, 5), "eval_campaigns.phase");
            c.began = col_date(st, 6, "eval_campaigns.began");
            c.closed_on = storage::column_date(st, 7, "eval_campaigns.closed_on");
            out.push_back(std::move(c));
        }
        return out;
    });
}

std::vector<final_grade> decided_grades(store const& s, int year) {
    storage::call const guard(s);
    auto const visible = storage::visible_orgs(s);
    auto grades = storage::in_read("reading grades", [&]() -> std::vector<final_grade> {
        return grades_elsewhere(detail::store_access::of(s).db, year, std::nullopt);
    });
    // The grades the principal's organisations decided (a mobile member graded by a host elsewhere is
    // that host's record).
    if (visible)
        std::erase_if(grades, [&](final_grade const& g) { return !in_ids(*visible, g.org.value()); });
    return grades;
}

std::optional<final_grade> grade_of(store const& s, member_id m, int year) {
    storage::call const guard(s);
    storage::require_member(s, permission::read_roster, m);
    for (auto const& g : decided_grades(s, year))
        if (g.member == m) return g;
    return std::nullopt;
}

}  // namespace dangyuan
