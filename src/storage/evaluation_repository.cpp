// Democratic-evaluation campaigns (民主评议党员) and the disposition of unqualified members
// (不合格党员组织处置).
//
// Both aggregates are stored as their records, one row per record and one column per field, and read
// back by replay. Every command checks the new record with the pure rules (evaluation/*.hpp) against the
// replayed aggregate and against the roster before the transaction opens, so a refused command writes
// nothing. The snapshot columns (campaign phase, dates) only serve filtering; the version column detects a
// concurrent writer between the load and the write.

#include <algorithm>
#include <array>
#include <map>

#include "dangyuan/evaluation/evaluation_agenda.hpp"
#include "dangyuan/storage/evaluation_store.hpp"
#include "dangyuan/storage/life_store.hpp"
#include "dangyuan/storage/mobility_store.hpp"
#include "impl.hpp"
#include "plausibility.hpp"

namespace dangyuan {
namespace storage {

// Schema version 5. Lists inside a record (participants, voters, evaluator choices, talkers) have their
// own tables keyed by the record. `eval_records.year` repeats the campaign's year so that a unique index
// can hold eval.one_grade_per_year against concurrent writers.
char const* const migration_evaluation = R"sql(
CREATE TABLE eval_campaigns(
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  year INTEGER NOT NULL,
  rule_set TEXT NOT NULL,
  phase TEXT NOT NULL,
  began TEXT NOT NULL,
  closed_on TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE(org_id, year));
CREATE INDEX eval_campaigns_year ON eval_campaigns(year, org_id);
CREATE TABLE eval_records(
  id INTEGER PRIMARY KEY,
  campaign_id INTEGER NOT NULL REFERENCES eval_campaigns(id),
  year INTEGER NOT NULL,
  kind TEXT NOT NULL,
  date TEXT NOT NULL,
  phase TEXT,
  by_party_groups INTEGER,
  member_id INTEGER REFERENCES members(id),
  reason TEXT,
  approved_by TEXT,
  away_since TEXT,
  summary TEXT,
  source TEXT,
  tally_excellent INTEGER,
  tally_qualified INTEGER,
  tally_basically_qualified INTEGER,
  tally_unqualified INTEGER,
  grade TEXT,
  basis TEXT,
  informed_by TEXT,
  decided_by TEXT,
  vote_entitled INTEGER, vote_present INTEGER, vote_written INTEGER,
  vote_yes INTEGER, vote_no INTEGER, vote_abstain INTEGER,
  over_cap_reason TEXT,
  other_org_id INTEGER,
  follow_up TEXT,
  note TEXT);
CREATE INDEX eval_records_campaign ON eval_records(campaign_id, id);
CREATE UNIQUE INDEX eval_one_grade_per_year ON eval_records(year, member_id) WHERE kind = 'grade_decided';
CREATE TABLE eval_participants(
  id INTEGER PRIMARY KEY,
  record_id INTEGER NOT NULL REFERENCES eval_records(id),
  member_id INTEGER NOT NULL REFERENCES members(id),
  name TEXT NOT NULL,
  status TEXT NOT NULL,
  relationship_in INTEGER REFERENCES orgs(id));
CREATE INDEX eval_participants_record ON eval_participants(record_id, id);
CREATE TABLE eval_voters(
  id INTEGER PRIMARY KEY,
  record_id INTEGER NOT NULL REFERENCES eval_records(id),
  member_id INTEGER NOT NULL REFERENCES members(id));
CREATE INDEX eval_voters_record ON eval_voters(record_id, id);
CREATE TABLE eval_choices(
  id INTEGER PRIMARY KEY,
  record_id INTEGER NOT NULL REFERENCES eval_records(id),
  evaluator_id INTEGER NOT NULL REFERENCES members(id),
  grade TEXT NOT NULL);
CREATE INDEX eval_choices_record ON eval_choices(record_id, id);
CREATE TABLE disp_files(
  id INTEGER PRIMARY KEY,
  member_id INTEGER NOT NULL UNIQUE REFERENCES members(id),
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  rule_set TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1);
CREATE INDEX disp_files_org ON disp_files(org_id);
CREATE TABLE disp_records(
  id INTEGER PRIMARY KEY,
  file_id INTEGER NOT NULL REFERENCES disp_files(id),
  kind TEXT NOT NULL,
  date TEXT NOT NULL,
  matter TEXT NOT NULL,
  ground TEXT,
  form TEXT,
  status TEXT,
  proposed_by TEXT,
  campaign_id INTEGER REFERENCES eval_campaigns(id),
  already_disciplined INTEGER,
  filed_with TEXT,
  findings TEXT,
  note TEXT,
  vote_entitled INTEGER, vote_present INTEGER, vote_written INTEGER,
  vote_yes INTEGER, vote_no INTEGER, vote_abstain INTEGER,
  approved_by TEXT,
  correct_until TEXT,
  corrected INTEGER,
  withdrew INTEGER,
  reason TEXT);
CREATE INDEX disp_records_file ON disp_records(file_id, id);
CREATE TABLE disp_talkers(
  id INTEGER PRIMARY KEY,
  record_id INTEGER NOT NULL REFERENCES disp_records(id),
  member_id INTEGER NOT NULL REFERENCES members(id),
  status TEXT NOT NULL);
CREATE INDEX disp_talkers_record ON disp_talkers(record_id, id);
)sql";

}  // namespace storage

namespace {

using storage::format_iso;

// ---- codes

constexpr std::array all_grades{grade::excellent, grade::qualified, grade::basically_qualified,
                                grade::unqualified};
constexpr std::array all_phases{campaign_phase::study,
                                campaign_phase::self_assessment,
                                campaign_phase::appraisal_self_review,
                                campaign_phase::appraisal_mutual_review,
                                campaign_phase::appraisal_vote,
                                campaign_phase::organisational_assessment,
                                campaign_phase::commendation_and_handling,
                                campaign_phase::closed};
constexpr std::array all_exemptions{exemption_reason::unable_to_express_will,
                                    exemption_reason::abroad_self_funded, exemption_reason::serving_sentence,
                                    exemption_reason::bedridden_or_elderly,
                                    exemption_reason::away_without_transfer};
constexpr std::array all_bodies{decision_body::branch_committee, decision_body::branch_meeting};
constexpr std::array all_follow_ups{follow_up_kind::commended, follow_up_kind::encouraged,
                                    follow_up_kind::helped, follow_up_kind::educated,
                                    follow_up_kind::disposition_opened};
constexpr std::array all_statuses{member_status::probationary, member_status::full};
constexpr std::array all_forms{disposition_form::correction, disposition_form::persuasion,
                               disposition_form::removal};

// A stored code back to its value; anything else means the file was edited by hand.
template <class E, std::size_t N>
E parse_code(std::string const& text, std::array<E, N> const& values, char const* column) {
    for (auto v : values)
        if (to_string(v) == text) return v;
    throw storage_error("column " + std::string(column) + " holds '" + text + "'");
}

disposition_ground parse_ground(std::string const& text) {
    for (auto const& row : ground_table)
        if (row.code == text) return row.ground;
    throw storage_error("column disp_records.ground holds '" + text + "'");
}

std::string code_of(auto v) {
    return std::string(to_string(v));
}

// ---- column helpers

std::optional<std::int64_t> col_int64(SQLite::Statement& st, int c) {
    auto col = st.getColumn(c);
    if (col.isNull()) return std::nullopt;
    return col.getInt64();
}

int col_int(SQLite::Statement& st, int c) {
    return st.getColumn(c).getInt();
}

std::string col_text(SQLite::Statement& st, int c) {
    return st.getColumn(c).getString();
}

date::sys_days col_date(SQLite::Statement& st, int c, char const* name) {
    auto const d = storage::column_date(st, c, name);
    if (!d) throw storage_error("column " + std::string(name) + " is empty");
    return *d;
}

void bind_id(SQLite::Statement& st, char const* name, std::int64_t v) {
    st.bind(name, static_cast<std::int64_t>(v));
}

void bind_vote(SQLite::Statement& st, branch_vote const& v) {
    st.bind(":vote_entitled", v.entitled);
    st.bind(":vote_present", v.present);
    st.bind(":vote_written", v.written_opinions);
    st.bind(":vote_yes", v.yes);
    st.bind(":vote_no", v.no);
    st.bind(":vote_abstain", v.abstain);
}

// Reads six vote columns starting at `c`; nothing when the first is NULL.
std::optional<branch_vote> read_vote(SQLite::Statement& st, int c) {
    if (st.getColumn(c).isNull()) return std::nullopt;
    return branch_vote{col_int(st, c),     col_int(st, c + 1), col_int(st, c + 2),
                       col_int(st, c + 3), col_int(st, c + 4), col_int(st, c + 5)};
}

std::string vote_text(branch_vote const& v) {
    return "vote " + std::to_string(v.yes) + "/" + std::to_string(v.no) + "/" + std::to_string(v.abstain) +
           " of " + std::to_string(v.present) + " present, " + std::to_string(v.entitled) + " entitled";
}

// Optimistic concurrency: the aggregate must still have the version it was loaded with.
void bump_version(SQLite::Database& db, char const* table, std::int64_t id, std::int64_t version,
                  std::string const& what) {
    SQLite::Statement st(
        db, std::string("UPDATE ") + table + " SET version = version + 1 WHERE id = ? AND version = ?");
    st.bind(1, static_cast<std::int64_t>(id));
    st.bind(2, static_cast<std::int64_t>(version));
    if (st.exec() != 1) throw conflict(what + " was changed by someone else meanwhile; reload and try again");
}

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
    SQLite::Statement& st;

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
        storage::bind_date(st, st.getIndex(":away_since"), r.away_since);
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

void insert_campaign_record(SQLite::Database& db, campaign const& c, campaign_record const& r) {
    SQLite::Statement st(db, insert_eval_record_sql);
    bind_id(st, ":campaign", c.id.value());
    st.bind(":year", c.year);
    st.bind(":kind", std::string(kind_name(r)));
    st.bind(":date", format_iso(record_date(r)));
    std::visit(eval_binder{st}, r);
    st.exec();
    auto const rid = db.getLastInsertRowid();
    if (auto const* p = std::get_if<participants_added>(&r)) {
        SQLite::Statement ins(db,
                              "INSERT INTO eval_participants(record_id, member_id, name, status, "
                              "relationship_in) VALUES(?, ?, ?, ?, ?)");
        for (auto const& x : p->participants) {
            ins.bind(1, static_cast<std::int64_t>(rid));
            ins.bind(2, static_cast<std::int64_t>(x.member.value()));
            ins.bind(3, x.name);
            ins.bind(4, code_of(x.status));
            if (x.relationship_in)
                ins.bind(5, static_cast<std::int64_t>(x.relationship_in->value()));
            else
                ins.bind(5);
            ins.exec();
            ins.reset();
        }
    }
    if (auto const* b = std::get_if<ballots_counted>(&r)) {
        SQLite::Statement voter(db, "INSERT INTO eval_voters(record_id, member_id) VALUES(?, ?)");
        for (auto const v : b->voters) {
            voter.bind(1, static_cast<std::int64_t>(rid));
            voter.bind(2, static_cast<std::int64_t>(v.value()));
            voter.exec();
            voter.reset();
        }
        SQLite::Statement choice(db,
                                 "INSERT INTO eval_choices(record_id, evaluator_id, grade) VALUES(?, ?, ?)");
        for (auto const& ch : b->choices) {
            choice.bind(1, static_cast<std::int64_t>(rid));
            choice.bind(2, static_cast<std::int64_t>(ch.evaluator.value()));
            choice.bind(3, code_of(ch.choice));
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

eval_lists load_eval_lists(SQLite::Database& db, campaign_id id) {
    eval_lists out;
    SQLite::Statement p(
        db,
        "SELECT p.record_id, p.member_id, p.name, p.status, p.relationship_in FROM "
        "eval_participants p JOIN eval_records r ON r.id = p.record_id WHERE r.campaign_id = ? "
        "ORDER BY p.id");
    p.bind(1, static_cast<std::int64_t>(id.value()));
    while (p.executeStep()) {
        participant x;
        x.member = member_id{p.getColumn(1).getInt64()};
        x.name = col_text(p, 2);
        x.status = parse_code(col_text(p, 3), all_statuses, "eval_participants.status");
        if (auto const o = col_int64(p, 4)) x.relationship_in = org_id{*o};
        out.participants[p.getColumn(0).getInt64()].push_back(std::move(x));
    }
    SQLite::Statement v(db,
                        "SELECT v.record_id, v.member_id FROM eval_voters v JOIN eval_records r ON r.id = "
                        "v.record_id WHERE r.campaign_id = ? ORDER BY v.id");
    v.bind(1, static_cast<std::int64_t>(id.value()));
    while (v.executeStep())
        out.voters[v.getColumn(0).getInt64()].emplace_back(v.getColumn(1).getInt64());
    SQLite::Statement c(db,
                        "SELECT c.record_id, c.evaluator_id, c.grade FROM eval_choices c JOIN eval_records r "
                        "ON r.id = c.record_id WHERE r.campaign_id = ? ORDER BY c.id");
    c.bind(1, static_cast<std::int64_t>(id.value()));
    while (c.executeStep())
        out.choices[c.getColumn(0).getInt64()].push_back(
            {member_id{c.getColumn(1).getInt64()},
             parse_code(col_text(c, 2), all_grades, "eval_choices.grade")});
    return out;
}

campaign_record read_campaign_record(SQLite::Statement& st, eval_lists& lists) {
    auto const rid = st.getColumn(ec_id).getInt64();
    auto const kind = col_text(st, ec_kind);
    auto const date = col_date(st, ec_date, "eval_records.date");
    auto const member = [&] {
        auto const m = col_int64(st, ec_member);
        if (!m)
            throw storage_error("eval_records " + std::to_string(rid) + " (" + kind + ") names no member");
        return member_id{*m};
    };
    auto const grade_col = [&] {
        return parse_code(col_text(st, ec_grade), all_grades, "eval_records.grade");
    };
    auto const other_org = [&] { return org_id{col_int64(st, ec_other_org).value_or(0)}; };
    if (kind == "phase_started")
        return phase_started{date, parse_code(col_text(st, ec_phase), all_phases, "eval_records.phase"),
                             col_int(st, ec_by_party_groups) != 0};
    if (kind == "participants_added") return participants_added{date, std::move(lists.participants[rid])};
    if (kind == "exemption_approved")
        return exemption_approved{date,
                                  member(),
                                  parse_code(col_text(st, ec_reason), all_exemptions, "eval_records.reason"),
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
        return grade_decided{date,
                             member(),
                             grade_col(),
                             parse_code(col_text(st, ec_decided_by), all_bodies, "eval_records.decided_by"),
                             read_vote(st, ec_vote),
                             col_text(st, ec_over_cap_reason)};
    if (kind == "result_sent") return result_sent{date, member(), other_org()};
    if (kind == "result_received") return result_received{date, member(), other_org(), grade_col()};
    if (kind == "follow_up")
        return follow_up{date, member(),
                         parse_code(col_text(st, ec_follow_up), all_follow_ups, "eval_records.follow_up"),
                         col_text(st, ec_note)};
    throw storage_error("column eval_records.kind holds '" + kind + "'");
}

struct loaded_campaign {
    campaign c;
    std::int64_t version = 0;
};

loaded_campaign load_campaign(SQLite::Database& db, campaign_id id) {
    SQLite::Statement head(
        db,
        "SELECT c.org_id, o.name, c.year, c.rule_set, c.version FROM eval_campaigns c JOIN "
        "orgs o ON o.id = c.org_id WHERE c.id = ?");
    head.bind(1, static_cast<std::int64_t>(id.value()));
    if (!head.executeStep()) throw not_found("no evaluation campaign with id " + std::to_string(id.value()));
    loaded_campaign out;
    out.c.id = id;
    out.c.org = org_id{head.getColumn(0).getInt64()};
    out.c.org_name = col_text(head, 1);
    out.c.year = col_int(head, 2);
    out.c.rule_set_name = col_text(head, 3);
    out.version = head.getColumn(4).getInt64();
    auto lists = load_eval_lists(db, id);
    SQLite::Statement st(db, std::string("SELECT ") + eval_record_columns +
                                 " FROM eval_records WHERE campaign_id = ? ORDER BY id");
    st.bind(1, static_cast<std::int64_t>(id.value()));
    while (st.executeStep())
        out.c.records.push_back(read_campaign_record(st, lists));
    return out;
}

// The grades decided for the campaign's year by the other campaigns of the store.
std::vector<final_grade> grades_elsewhere(SQLite::Database& db, int year, std::optional<campaign_id> except) {
    SQLite::Statement st(
        db,
        "SELECT r.member_id, c.org_id, r.grade, r.date FROM eval_records r JOIN eval_campaigns "
        "c ON c.id = r.campaign_id WHERE r.kind = 'grade_decided' AND r.year = ? AND "
        "r.campaign_id <> ? ORDER BY r.member_id");
    st.bind(1, year);
    st.bind(2, static_cast<std::int64_t>(except ? except->value() : 0));
    std::vector<final_grade> out;
    while (st.executeStep())
        out.push_back(final_grade{member_id{st.getColumn(0).getInt64()}, year,
                                  org_id{st.getColumn(1).getInt64()},
                                  parse_code(col_text(st, 2), all_grades, "eval_records.grade"),
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
        SQLite::Statement snap(impl.db, "UPDATE eval_campaigns SET phase = ?, closed_on = ? WHERE id = ?");
        snap.bind(1, code_of(*state.phase));
        storage::bind_date(snap, 2, state.phase_dates[static_cast<std::size_t>(campaign_phase::closed)]);
        snap.bind(3, static_cast<std::int64_t>(before.c.id.value()));
        snap.exec();
        for (auto const& r : recs)
            insert_campaign_record(impl.db, before.c, r);
        storage::append_audit(impl.db, impl.options.actor, "campaign", before.c.id.value(), action, why,
                              detail);
    });
}

// ---- disposition records

constexpr char const* insert_disp_record_sql =
    "INSERT INTO disp_records(file_id, kind, date, matter, ground, form, status, proposed_by, campaign_id, "
    "already_disciplined, filed_with, findings, note, vote_entitled, vote_present, vote_written, vote_yes, "
    "vote_no, vote_abstain, approved_by, correct_until, corrected, withdrew, reason) VALUES(:file, :kind, "
    ":date, :matter, :ground, :form, :status, :proposed_by, :campaign, :already_disciplined, :filed_with, "
    ":findings, :note, :vote_entitled, :vote_present, :vote_written, :vote_yes, :vote_no, :vote_abstain, "
    ":approved_by, :correct_until, :corrected, :withdrew, :reason)";

constexpr char const* disp_record_columns =
    "id, kind, date, matter, ground, form, status, proposed_by, campaign_id, already_disciplined, "
    "filed_with, "
    "findings, note, vote_entitled, vote_present, vote_written, vote_yes, vote_no, vote_abstain, "
    "approved_by, "
    "correct_until, corrected, withdrew, reason";

enum disp_col : int {
    dc_id,
    dc_kind,
    dc_date,
    dc_matter,
    dc_ground,
    dc_form,
    dc_status,
    dc_proposed_by,
    dc_campaign,
    dc_already_disciplined,
    dc_filed_with,
    dc_findings,
    dc_note,
    dc_vote,  // six columns
    dc_approved_by = dc_vote + 6,
    dc_correct_until,
    dc_corrected,
    dc_withdrew,
    dc_reason,
};

struct disp_binder {
    SQLite::Statement& st;

    void operator()(disposition_opened const& r) const {
        st.bind(":ground", code_of(r.ground));
        st.bind(":form", code_of(r.form));
        st.bind(":status", code_of(r.status));
        st.bind(":proposed_by", r.proposed_by);
        if (r.campaign) bind_id(st, ":campaign", r.campaign->value());
        st.bind(":already_disciplined", r.already_disciplined ? 1 : 0);
    }
    void operator()(prior_filed const& r) const { st.bind(":filed_with", r.filed_with); }
    void operator()(investigated const& r) const { st.bind(":findings", r.findings); }
    void operator()(talk_held const& r) const { st.bind(":note", r.note); }  // talkers in disp_talkers
    void operator()(branch_meeting_voted const& r) const { bind_vote(st, r.vote); }
    void operator()(disposition_approved const& r) const {
        st.bind(":approved_by", r.approved_by);
        storage::bind_date(st, st.getIndex(":correct_until"), r.correct_until);
    }
    void operator()(correction_reviewed const& r) const {
        st.bind(":corrected", r.corrected ? 1 : 0);
        st.bind(":note", r.note);
    }
    void operator()(persuasion_answered const& r) const { st.bind(":withdrew", r.withdrew ? 1 : 0); }
    void operator()(disposition_dropped const& r) const { st.bind(":reason", r.reason); }
};

std::string matter_of(disposition_record const& r) {
    return std::visit([](auto const& x) { return x.matter; }, r);
}

void insert_disp_record(SQLite::Database& db, std::int64_t file_id, disposition_record const& r) {
    SQLite::Statement st(db, insert_disp_record_sql);
    bind_id(st, ":file", file_id);
    st.bind(":kind", std::string(kind_name(r)));
    st.bind(":date", format_iso(record_date(r)));
    st.bind(":matter", matter_of(r));
    std::visit(disp_binder{st}, r);
    st.exec();
    if (auto const* t = std::get_if<talk_held>(&r)) {
        auto const rid = db.getLastInsertRowid();
        SQLite::Statement ins(db, "INSERT INTO disp_talkers(record_id, member_id, status) VALUES(?, ?, ?)");
        for (auto const& x : t->talkers) {
            ins.bind(1, static_cast<std::int64_t>(rid));
            ins.bind(2, static_cast<std::int64_t>(x.member.value()));
            ins.bind(3, code_of(x.status));
            ins.exec();
            ins.reset();
        }
    }
}

disposition_record read_disp_record(SQLite::Statement& st,
                                    std::map<std::int64_t, std::vector<talker>>& talkers) {
    auto const rid = st.getColumn(dc_id).getInt64();
    auto const kind = col_text(st, dc_kind);
    auto const date = col_date(st, dc_date, "disp_records.date");
    auto matter = col_text(st, dc_matter);
    auto const flag = [&](int c) { return col_int(st, c) != 0; };
    if (kind == "disposition_opened") {
        disposition_opened r{date,
                             std::move(matter),
                             parse_ground(col_text(st, dc_ground)),
                             parse_code(col_text(st, dc_form), all_forms, "disp_records.form"),
                             parse_code(col_text(st, dc_status), all_statuses, "disp_records.status"),
                             col_text(st, dc_proposed_by),
                             std::nullopt,
                             flag(dc_already_disciplined)};
        if (auto const c = col_int64(st, dc_campaign)) r.campaign = campaign_id{*c};
        return r;
    }
    if (kind == "prior_filed") return prior_filed{date, std::move(matter), col_text(st, dc_filed_with)};
    if (kind == "investigated") return investigated{date, std::move(matter), col_text(st, dc_findings)};
    if (kind == "talk_held")
        return talk_held{date, std::move(matter), std::move(talkers[rid]), col_text(st, dc_note)};
    if (kind == "branch_meeting_voted") {
        auto const v = read_vote(st, dc_vote);
        if (!v) throw storage_error("disp_records " + std::to_string(rid) + " holds a vote without counts");
        return branch_meeting_voted{date, std::move(matter), *v};
    }
    if (kind == "disposition_approved")
        return disposition_approved{date, std::move(matter), col_text(st, dc_approved_by),
                                    storage::column_date(st, dc_correct_until, "disp_records.correct_until")};
    if (kind == "correction_reviewed")
        return correction_reviewed{date, std::move(matter), flag(dc_corrected), col_text(st, dc_note)};
    if (kind == "persuasion_answered") return persuasion_answered{date, std::move(matter), flag(dc_withdrew)};
    if (kind == "disposition_dropped")
        return disposition_dropped{date, std::move(matter), col_text(st, dc_reason)};
    throw storage_error("column disp_records.kind holds '" + kind + "'");
}

struct loaded_file {
    std::int64_t id = 0;
    std::int64_t version = 0;
    disposition_file file;
};

std::optional<loaded_file> find_file(SQLite::Database& db, member_id m) {
    SQLite::Statement head(
        db,
        "SELECT f.id, f.org_id, f.rule_set, f.version, m.name FROM disp_files f JOIN members m "
        "ON m.id = f.member_id WHERE f.member_id = ?");
    head.bind(1, static_cast<std::int64_t>(m.value()));
    if (!head.executeStep()) return std::nullopt;
    loaded_file out;
    out.id = head.getColumn(0).getInt64();
    out.version = head.getColumn(3).getInt64();
    out.file.member = m;
    out.file.member_name = col_text(head, 4);
    out.file.org = org_id{head.getColumn(1).getInt64()};
    out.file.rule_set_name = col_text(head, 2);
    std::map<std::int64_t, std::vector<talker>> talkers;
    SQLite::Statement t(
        db,
        "SELECT t.record_id, t.member_id, t.status FROM disp_talkers t JOIN disp_records r ON "
        "r.id = t.record_id WHERE r.file_id = ? ORDER BY t.id");
    t.bind(1, static_cast<std::int64_t>(out.id));
    while (t.executeStep())
        talkers[t.getColumn(0).getInt64()].push_back(
            {member_id{t.getColumn(1).getInt64()},
             parse_code(col_text(t, 2), all_statuses, "disp_talkers.status")});
    SQLite::Statement st(db, std::string("SELECT ") + disp_record_columns +
                                 " FROM disp_records WHERE file_id = ? ORDER BY id");
    st.bind(1, static_cast<std::int64_t>(out.id));
    while (st.executeStep())
        out.file.records.push_back(read_disp_record(st, talkers));
    return out;
}

struct disp_describer {
    std::string operator()(disposition_opened const& r) const {
        return "ground=" + code_of(r.ground) + "; form=" + code_of(r.form) +
               "; proposed_by=" + r.proposed_by +
               (r.campaign ? "; campaign=" + std::to_string(r.campaign->value()) : "");
    }
    std::string operator()(prior_filed const& r) const { return "filed_with=" + r.filed_with; }
    std::string operator()(investigated const&) const { return "investigated"; }
    std::string operator()(talk_held const& r) const {
        std::string ids;
        for (auto const& t : r.talkers)
            ids += (ids.empty() ? "" : ",") + std::to_string(t.member.value());
        return "talkers=" + ids;
    }
    std::string operator()(branch_meeting_voted const& r) const { return vote_text(r.vote); }
    std::string operator()(disposition_approved const& r) const {
        return "approved_by=" + r.approved_by +
               (r.correct_until ? "; correct_until=" + format_iso(*r.correct_until) : "");
    }
    std::string operator()(correction_reviewed const& r) const {
        return r.corrected ? "corrected" : "no change";
    }
    std::string operator()(persuasion_answered const& r) const { return r.withdrew ? "withdrew" : "refused"; }
    std::string operator()(disposition_dropped const& r) const { return "reason=" + r.reason; }
};

std::string describe(disposition_record const& r) {
    return std::string(kind_name(r)) + " on " + format_iso(record_date(r)) + "; matter=" + matter_of(r) +
           "; " + std::visit(disp_describer{}, r);
}

// Writes a checked disposition record, with the standing event it produces, in one transaction.
void write_disp_record(store& s, std::optional<loaded_file> const& existing, disposition_file const& f,
                       disposition_record const& r, std::optional<standing_event> const& exit,
                       std::optional<standing_state> const& exit_state, std::string_view why) {
    auto& impl = detail::store_access::of(s);
    storage::in_transaction(impl.db, [&] {
        std::int64_t file_id = 0;
        if (existing) {
            file_id = existing->id;
            bump_version(impl.db, "disp_files", file_id, existing->version,
                         "the disposition file of member " + std::to_string(f.member.value()));
        } else {
            SQLite::Statement ins(impl.db,
                                  "INSERT INTO disp_files(member_id, org_id, rule_set) VALUES(?, ?, ?)");
            ins.bind(1, static_cast<std::int64_t>(f.member.value()));
            ins.bind(2, static_cast<std::int64_t>(f.org.value()));
            ins.bind(3, f.rule_set_name);
            ins.exec();
            file_id = impl.db.getLastInsertRowid();
        }
        insert_disp_record(impl.db, file_id, r);
        storage::append_audit(impl.db, impl.options.actor, "disposition", f.member.value(), kind_name(r), why,
                              describe(r));
        if (!exit) return;
        // The same rows record_standing writes, so that the standing history stays one list.
        SQLite::Statement ins(impl.db,
                              "INSERT INTO standing_events(member_id, kind, date, reason, decided_by) "
                              "VALUES(?, ?, ?, ?, ?)");
        ins.bind(1, static_cast<std::int64_t>(f.member.value()));
        ins.bind(2, code_of(exit->kind));
        storage::bind_date(ins, 3, exit->date);
        ins.bind(4, exit->reason);
        ins.bind(5, exit->decided_by);
        ins.exec();
        SQLite::Statement snap(
            impl.db, "UPDATE members SET standing = ?, exit_date = ?, version = version + 1 WHERE id = ?");
        snap.bind(1, code_of(*exit_state));
        storage::bind_date(snap, 2,
                           *exit_state == standing_state::exited ? std::optional(exit->date) : std::nullopt);
        snap.bind(3, static_cast<std::int64_t>(f.member.value()));
        snap.exec();
        storage::append_audit(impl.db, impl.options.actor, "standing", f.member.value(), code_of(exit->kind),
                              why,
                              "date=" + format_iso(exit->date) + "; reason=" + exit->reason +
                                  "; decided_by=" + exit->decided_by + "; by disposition");
    });
}

// What the branch does next about a disposition (the same steps the agenda names).
std::string next_step_of(disposition_state const& d, bool latest) {
    switch (d.outcome) {
        case disposition_outcome::pending:
            return !d.filed             ? "事前备案 with the grassroots committee"
                   : !d.investigated_on ? "调查核实 (investigation)"
                   : !d.talked          ? "谈话 by two full members"
                   : !d.voted           ? "支部大会表决 (branch meeting vote)"
                                        : "审批 (approval)";
        case disposition_outcome::correcting:
            return "review the correction on " + format_iso(*d.correct_until);
        case disposition_outcome::awaiting_answer:
            return "record whether the member withdrew or refused (劝而不退)";
        case disposition_outcome::not_corrected:
            return latest ? "劝其退党 may follow" : "";
        case disposition_outcome::refused:
            return latest ? "除名 may follow" : "";
        default:
            return "";
    }
}

bool in_ids(std::vector<std::int64_t> const& ids, std::int64_t id) {
    return std::binary_search(ids.begin(), ids.end(), id);
}

}  // namespace

// ---- campaigns

campaign_id open_campaign(store& s, org_id org, int year, date::sys_days study_begins,
                          std::string const& rule_set_name, std::string_view why) {
    auto& impl = detail::store_access::of(s);
    try {
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
            SQLite::Statement ins(impl.db,
                                  "INSERT INTO eval_campaigns(org_id, year, rule_set, phase, began) "
                                  "VALUES(?, ?, ?, ?, ?)");
            ins.bind(1, static_cast<std::int64_t>(org.value()));
            ins.bind(2, year);
            ins.bind(3, rules.name);
            ins.bind(4, code_of(campaign_phase::study));
            ins.bind(5, format_iso(study_begins));
            ins.exec();
            c.id = campaign_id{impl.db.getLastInsertRowid()};
            insert_campaign_record(impl.db, c, first);
            storage::append_audit(impl.db, impl.options.actor, "campaign", c.id.value(), "open", why,
                                  "org=" + std::to_string(org.value()) + "; year=" + std::to_string(year) +
                                      "; rule_set=" + rules.name + "; " + describe(first));
            return c.id;
        });
    } catch (SQLite::Exception const& e) {
        storage::rethrow_sqlite(e, "opening an evaluation campaign");
    }
}

void record_campaign(store& s, campaign_id id, campaign_record const& r, std::string_view why) {
    auto& impl = detail::store_access::of(s);
    try {
        storage::check_not_in_future(s, record_date(r), "date");
        auto const loaded = load_campaign(impl.db, id);
        auto const rules = s.rule_set_named(loaded.c.rule_set_name);
        auto const elsewhere = grades_elsewhere(impl.db, loaded.c.year, id);
        check_campaign_record(loaded.c, r, rules, elsewhere);
        check_against_roster(s, loaded.c, r);
        write_campaign_records(s, loaded, std::span(&r, 1), kind_name(r), why, describe(r));
    } catch (SQLite::Exception const& e) {
        storage::rethrow_sqlite(e, "recording an evaluation record");
    }
}

void record_ballots(store& s, campaign_id id, date::sys_days date, std::span<ballot const> ballots,
                    std::string_view why) {
    auto& impl = detail::store_access::of(s);
    try {
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
    } catch (SQLite::Exception const& e) {
        storage::rethrow_sqlite(e, "counting ballots");
    }
}

campaign get_campaign(store const& s, campaign_id id) {
    try {
        return load_campaign(detail::store_access::of(s).db, id).c;
    } catch (SQLite::Exception const& e) {
        storage::rethrow_sqlite(e, "reading an evaluation campaign");
    }
}

std::optional<campaign_id> find_campaign(store const& s, org_id org, int year) {
    try {
        SQLite::Statement st(detail::store_access::of(s).db,
                             "SELECT id FROM eval_campaigns WHERE org_id = ? AND year = ?");
        st.bind(1, static_cast<std::int64_t>(org.value()));
        st.bind(2, year);
        if (!st.executeStep()) return std::nullopt;
        return campaign_id{st.getColumn(0).getInt64()};
    } catch (SQLite::Exception const& e) {
        storage::rethrow_sqlite(e, "finding an evaluation campaign");
    }
}

std::vector<participant> participants_from_roster(store const& s, org_id org, date::sys_days on) {
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

std::vector<campaign_summary> campaigns(store const& s, scope sc, std::optional<int> year) {
    auto& impl = detail::store_access::of(s);
    try {
        auto const ids = storage::scope_org_ids(impl.db, sc);
        SQLite::Statement st(
            impl.db,
            "SELECT c.id, c.org_id, o.name, c.year, c.rule_set, c.phase, c.began, c.closed_on "
            "FROM eval_campaigns c JOIN orgs o ON o.id = c.org_id WHERE ?1 IS NULL OR c.year = "
            "?1 ORDER BY c.year, c.org_id");
        if (year)
            st.bind(1, *year);
        else
            st.bind(1);
        std::vector<campaign_summary> out;
        while (st.executeStep()) {
            if (!in_ids(ids, st.getColumn(1).getInt64())) continue;
            campaign_summary c;
            c.id = campaign_id{st.getColumn(0).getInt64()};
            c.org = org_id{st.getColumn(1).getInt64()};
            c.org_name = col_text(st, 2);
            c.year = col_int(st, 3);
            c.rule_set_name = col_text(st, 4);
            c.phase = parse_code(col_text(st, 5), all_phases, "eval_campaigns.phase");
            c.began = col_date(st, 6, "eval_campaigns.began");
            c.closed_on = storage::column_date(st, 7, "eval_campaigns.closed_on");
            out.push_back(std::move(c));
        }
        return out;
    } catch (SQLite::Exception const& e) {
        storage::rethrow_sqlite(e, "listing evaluation campaigns");
    }
}

std::vector<final_grade> decided_grades(store const& s, int year) {
    try {
        return grades_elsewhere(detail::store_access::of(s).db, year, std::nullopt);
    } catch (SQLite::Exception const& e) {
        storage::rethrow_sqlite(e, "reading grades");
    }
}

std::optional<final_grade> grade_of(store const& s, member_id m, int year) {
    for (auto const& g : decided_grades(s, year))
        if (g.member == m) return g;
    return std::nullopt;
}

// ---- statistics

std::vector<grade_distribution> grade_distributions(store const& s, scope sc, std::optional<int> year) {
    std::vector<grade_distribution> out;
    for (auto const& summary : campaigns(s, sc, year)) {
        auto const c = get_campaign(s, summary.id);
        auto const rules = s.rule_set_named(c.rule_set_name);
        auto const state = campaign_state_of(c);
        grade_distribution g;
        g.campaign = c.id;
        g.org = c.org;
        g.org_name = c.org_name;
        g.year = c.year;
        g.phase = state.phase;
        g.denominator = state.full_members_here();
        g.excellent_cap = excellent_cap(g.denominator, rules);
        for (auto const& [id, p] : state.participants) {
            if (p.who.status == member_status::probationary) ++g.probationary;
            if (p.exempted) ++g.exempted;
            if (!p.relationship_here()) {
                if (p.final && p.graded_by == c.org) ++g.graded_for_others;
                continue;
            }
            if (p.final)
                ++g.counts[static_cast<std::size_t>(*p.final)];
            else if (p.gradable())
                ++g.pending;
        }
        g.excellent_share =
            g.denominator > 0 ? static_cast<double>(g[grade::excellent]) / g.denominator : 0.0;
        out.push_back(std::move(g));
    }
    return out;
}

std::vector<low_grade_follow_up> low_grade_follow_ups(store const& s, scope sc, std::optional<int> year) {
    auto& impl = detail::store_access::of(s);
    std::vector<low_grade_follow_up> out;
    try {
        for (auto const& summary : campaigns(s, sc, year)) {
            auto const c = get_campaign(s, summary.id);
            auto const state = campaign_state_of(c);
            for (auto const& [id, p] : state.participants) {
                if (!p.relationship_here() || !p.final ||
                    (*p.final != grade::basically_qualified && *p.final != grade::unqualified))
                    continue;
                low_grade_follow_up row;
                row.campaign = c.id;
                row.org = c.org;
                row.year = c.year;
                row.member = id;
                row.name = p.who.name;
                row.final = *p.final;
                row.graded_by = *p.graded_by;
                row.graded_on = *p.graded_on;
                row.follow_ups = p.follow_ups;
                row.followed_up =
                    std::any_of(p.follow_ups.begin(), p.follow_ups.end(),
                                // An init-capture: clang before 16 cannot capture a
                                // structured binding.
                                [given = *p.final](follow_up_kind k) { return follow_up_fits(given, k); });
                if (auto const file = find_file(impl.db, id)) {
                    auto const ds = dispositions_of(file->file, s.rule_set_named(file->file.rule_set_name));
                    std::size_t opened = 0;
                    for (auto const& r : file->file.records) {
                        auto const* o = std::get_if<disposition_opened>(&r);
                        if (!o) continue;
                        if (o->campaign == c.id && opened < ds.size()) row.dispositions.push_back(ds[opened]);
                        ++opened;
                    }
                }
                out.push_back(std::move(row));
            }
        }
        return out;
    } catch (SQLite::Exception const& e) {
        storage::rethrow_sqlite(e, "reading evaluation follow-ups");
    }
}

// ---- dispositions

// The records the grounds of lost contact and inactivity are checked against (check_disposition_facts);
// read only for those grounds.
static disposition_facts disposition_facts_of(store const& s, member_id m, disposition_opened const& r) {
    disposition_facts f;
    switch (r.ground) {
        case disposition_ground::lost_contact_6_months_to_2_years:
        case disposition_ground::suspended_unreachable_2_years:
            if (auto const log = find_contact_log(s, m)) f.last_contact = last_contact_on(*log, r.date);
            if (auto const st = s.standing_on(m, r.date); st && st->state == standing_state::suspended)
                f.suspended_since = st->since;
            break;
        case disposition_ground::six_months_inactive: {
            auto const activity = life_activity_of(s, m, r.date);
            f.last_org_life = activity.last_org_life;
            f.last_dues_month = activity.last_paid_month;
            break;
        }
        default:
            break;
    }
    return f;
}

void open_disposition(store& s, member_id m, disposition_opened const& r, std::string const& rule_set_name,
                      std::string_view why) {
    auto& impl = detail::store_access::of(s);
    try {
        storage::check_not_in_future(s, r.date, "date");
        storage::check_text(r.matter, "matter", storage::text_cap::note, true);
        storage::check_text(r.proposed_by, "proposed_by", storage::text_cap::long_text);
        auto const mem = s.get_member(m);
        auto const existing = find_file(impl.db, m);
        if (existing && !rule_set_name.empty() && rule_set_name != existing->file.rule_set_name)
            throw invalid_input("rule_set", "the disposition file of " + mem.name + " is kept under '" +
                                                existing->file.rule_set_name + "', not '" + rule_set_name +
                                                "'");
        auto const rules = s.rule_set_named(existing                ? existing->file.rule_set_name
                                            : rule_set_name.empty() ? s.rules().name
                                                                    : rule_set_name);
        auto const f = existing ? existing->file : disposition_file{m, mem.name, mem.branch, rules.name, {}};
        auto const status = mem.status_on(r.date);
        if (!status)
            throw invalid_input("date", mem.name + " was admitted on " + format_iso(mem.admission_date) +
                                            ", after " + format_iso(r.date));
        auto const st = s.standing_on(m, r.date);
        if (st && st->state == standing_state::exited)
            final_exit(mem.name, *st->since, chinese_name(*st->last_event), "there is nobody to dispose of");
        if (*status != r.status)
            throw invalid_input("status", mem.name + " is a " + std::string(chinese_name(*status)) + " on " +
                                              format_iso(r.date) + ", not a " +
                                              std::string(chinese_name(r.status)));
        check_disposition_record(f, r, rules);
        check_disposition_facts(r, disposition_facts_of(s, m, r), rules);
        if (r.campaign) {
            auto const c = get_campaign(s, *r.campaign);
            auto const state = campaign_state_of(c);  // keep it: find() points into it
            auto const* p = state.find(m);
            if (!p || p->final != grade::unqualified)
                throw invalid_input("campaign", "campaign " + std::to_string(r.campaign->value()) + " (" +
                                                    c.org_name + ", " + std::to_string(c.year) +
                                                    ") did not grade " + mem.name + " 不合格");
        }
        write_disp_record(s, existing, f, r, std::nullopt, std::nullopt, why);
    } catch (SQLite::Exception const& e) {
        storage::rethrow_sqlite(e, "opening a disposition");
    }
}

void record_disposition(store& s, member_id m, disposition_record const& r, std::string_view why) {
    if (auto const* o = std::get_if<disposition_opened>(&r)) return open_disposition(s, m, *o, {}, why);
    auto& impl = detail::store_access::of(s);
    try {
        storage::check_not_in_future(s, record_date(r), "date");
        auto const existing = find_file(impl.db, m);
        if (!existing) throw not_found("member " + std::to_string(m.value()) + " has no disposition file");
        auto const rules = s.rule_set_named(existing->file.rule_set_name);
        auto f = existing->file;
        check_disposition_record(f, r, rules);
        if (auto const* t = std::get_if<talk_held>(&r)) {
            for (auto const& x : t->talkers) {
                member tm;
                try {
                    tm = s.get_member(x.member);
                } catch (not_found const&) {
                    throw invalid_input(
                        "talkers", "member " + std::to_string(x.member.value()) + " is not on the roster");
                }
                auto const status = tm.status_on(t->date);
                if (status != x.status)
                    throw invalid_input("talkers",
                                        tm.name + " is " +
                                            (status ? std::string("a ") + std::string(chinese_name(*status))
                                                    : std::string("not yet a member")) +
                                            " on " + format_iso(t->date) + ", not a " +
                                            std::string(chinese_name(x.status)));
            }
        }
        auto const before = dispositions_of(f, rules);
        f.records.push_back(r);
        auto const after = dispositions_of(f, rules);
        // A record that ends the membership: the standing event is validated now and written with it.
        std::optional<standing_event> exit;
        std::optional<standing_state> exit_state;
        for (std::size_t i = 0; i < after.size() && !exit; ++i) {
            if (!after[i].exited() || (i < before.size() && before[i].exited())) continue;
            std::string decided_by;
            for (auto const& rec : f.records)
                if (auto const* a = std::get_if<disposition_approved>(&rec);
                    a && a->matter == after[i].matter)
                    decided_by = a->approved_by;
            exit = standing_event_of(after[i], decided_by);
        }
        if (exit) {
            auto const mem = s.get_member(m);
            auto const history = s.standing_history(m);
            check_standing_event(mem, history, *exit);
            exit_state = standing_after(
                dangyuan::standing_on(mem, history, exit->date).value_or(standing{}).state, exit->kind);
        }
        write_disp_record(s, existing, f, r, exit, exit_state, why);
    } catch (SQLite::Exception const& e) {
        storage::rethrow_sqlite(e, "recording a disposition");
    }
}

disposition_file get_disposition_file(store const& s, member_id m) {
    try {
        auto f = find_file(detail::store_access::of(s).db, m);
        if (!f) throw not_found("member " + std::to_string(m.value()) + " has no disposition file");
        return std::move(f->file);
    } catch (SQLite::Exception const& e) {
        storage::rethrow_sqlite(e, "reading a disposition file");
    }
}

std::vector<disposition_overview> disposition_overviews(store const& s, date::sys_days as_of, scope sc,
                                                        bool open_only) {
    auto& impl = detail::store_access::of(s);
    try {
        auto const ids = storage::scope_org_ids(impl.db, sc);
        SQLite::Statement st(impl.db, "SELECT member_id, org_id FROM disp_files ORDER BY member_id");
        std::vector<member_id> members;
        while (st.executeStep())
            if (in_ids(ids, st.getColumn(1).getInt64())) members.emplace_back(st.getColumn(0).getInt64());
        std::vector<disposition_overview> out;
        for (auto const m : members) {
            auto const f = find_file(impl.db, m)->file;
            auto const ds = dispositions_on(f, as_of, s.rule_set_named(f.rule_set_name));
            for (std::size_t i = 0; i < ds.size(); ++i) {
                auto const& d = ds[i];
                if (open_only && !d.open()) continue;
                bool const latest = detail::latest_of(ds, d.matter) == static_cast<int>(i);
                out.push_back(disposition_overview{
                    m, f.member_name, f.org, d,
                    d.form == disposition_form::correction ? d.correct_until : std::nullopt,
                    next_step_of(d, latest)});
            }
        }
        return out;
    } catch (SQLite::Exception const& e) {
        storage::rethrow_sqlite(e, "listing dispositions");
    }
}

namespace storage {

std::vector<agenda_item> evaluation_agenda_items(store const& s, SQLite::Database& db, date::sys_days as_of,
                                                 std::vector<std::int64_t> const& org_ids) {
    std::vector<agenda_item> items;
    auto const d = format_iso(as_of);
    // Campaigns running on as_of: begun, not yet closed.
    SQLite::Statement st(db,
                         "SELECT id, org_id FROM eval_campaigns WHERE began <= ?1 AND (closed_on IS NULL OR "
                         "closed_on > ?1) ORDER BY id");
    st.bind(1, d);
    std::vector<campaign_id> running;
    while (st.executeStep())
        if (in_ids(org_ids, st.getColumn(1).getInt64())) running.emplace_back(st.getColumn(0).getInt64());
    for (auto const id : running) {
        auto const c = load_campaign(db, id).c;
        auto const more = campaign_agenda(c, as_of, s.rule_set_named(c.rule_set_name));
        items.insert(items.end(), more.begin(), more.end());
    }
    // Disposition files are few; each one's own rules decide what it shows on as_of.
    SQLite::Statement files(db, "SELECT member_id, org_id FROM disp_files ORDER BY id");
    std::vector<member_id> members;
    while (files.executeStep())
        if (in_ids(org_ids, files.getColumn(1).getInt64()))
            members.emplace_back(files.getColumn(0).getInt64());
    for (auto const m : members) {
        auto const f = find_file(db, m)->file;
        auto const more = disposition_agenda(f, as_of, s.rule_set_named(f.rule_set_name));
        items.insert(items.end(), more.begin(), more.end());
    }
    return items;
}

}  // namespace storage
}  // namespace dangyuan
