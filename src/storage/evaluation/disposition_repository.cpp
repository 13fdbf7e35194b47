// Dispositions of unqualified members (不合格党员组织处置): one file per member, its records replayed
// into `disposition_file`.

#include <algorithm>

#include "../access.hpp"
#include "../plausibility.hpp"
#include "dangyuan/storage/life_store.hpp"
#include "dangyuan/storage/mobility_store.hpp"
#include "evaluation_rows.hpp"

namespace dangyuan {

using namespace storage::evaluation_rows;

namespace {

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
    sql::statement& st;

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
        storage::bind_date(st, st.index_of(":correct_until"), r.correct_until);
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

void insert_disp_record(sql::database& db, std::int64_t file_id, disposition_record const& r) {
    sql::statement st(db, insert_disp_record_sql);
    bind_id(st, ":file", file_id);
    st.bind(":kind", std::string(kind_name(r)));
    st.bind(":date", format_iso(record_date(r)));
    st.bind(":matter", matter_of(r));
    std::visit(disp_binder{st}, r);
    st.exec();
    if (auto const* t = std::get_if<talk_held>(&r)) {
        auto const rid = db.last_insert_id();
        sql::statement ins(
            db,
            "INSERT INTO disp_talkers(record_id, member_id, status) VALUES(:record_id, :member_id, :status)");
        for (auto const& x : t->talkers) {
            ins.bind(":record_id", static_cast<std::int64_t>(rid));
            ins.bind(":member_id", static_cast<std::int64_t>(x.member.value()));
            ins.bind(":status", code_of(x.status));
            ins.exec();
            ins.reset();
        }
    }
}

disposition_record read_disp_record(sql::statement& st,
                                    std::map<std::int64_t, std::vector<talker>>& talkers) {
    auto const rid = st.column(dc_id).as_int64();
    auto const kind = col_text(st, dc_kind);
    auto const date = col_date(st, dc_date, "disp_records.date");
    auto matter = col_text(st, dc_matter);
    auto const flag = [&](int c) { return col_int(st, c) != 0; };
    if (kind == "disposition_opened") {
        disposition_opened r{
            date,
            std::move(matter),
            storage::stored_enum<disposition_ground>(col_text(st, dc_ground), "disp_records.ground"),
            storage::stored_enum<disposition_form>(col_text(st, dc_form), "disp_records.form"),
            storage::stored_enum<member_status>(col_text(st, dc_status), "disp_records.status"),
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

}  // namespace

namespace storage::evaluation_rows {

// The disposition files of the members `ids`, by member id (members without one are absent): three
// queries for the whole set.
std::unordered_map<std::int64_t, loaded_file> load_files(sql::database& db,
                                                         std::vector<member_id> const& ids) {
    std::unordered_map<std::int64_t, loaded_file> out;
    if (ids.empty()) return out;
    auto const set = storage::json_ids(ids);
    sql::statement head(db, std::string("SELECT f.id, f.org_id, f.rule_set, f.version, m.name, f.member_id "
                                        "FROM disp_files f JOIN members m ON m.id = f.member_id WHERE "
                                        "f.member_id ") +
                                storage::in_id_set);
    head.bind(":ids", set);
    std::unordered_map<std::int64_t, loaded_file*> by_file;
    while (head.step()) {
        auto const m = head.column(5).as_int64();
        auto& f = out[m];
        f.id = head.column(0).as_int64();
        f.version = head.column(3).as_int64();
        f.file.member = member_id{m};
        f.file.member_name = col_text(head, 4);
        f.file.org = org_id{head.column(1).as_int64()};
        f.file.rule_set_name = col_text(head, 2);
        by_file.emplace(f.id, &f);
    }
    if (out.empty()) return out;
    std::map<std::int64_t, std::vector<talker>> talkers;
    sql::statement t(db, std::string("SELECT t.record_id, t.member_id, t.status FROM disp_talkers t JOIN "
                                     "disp_records r ON r.id = t.record_id JOIN disp_files f ON f.id = "
                                     "r.file_id WHERE f.member_id ") +
                             storage::in_id_set + " ORDER BY t.id");
    t.bind(":ids", set);
    while (t.step())
        talkers[t.column(0).as_int64()].push_back(
            {member_id{t.column(1).as_int64()},
             storage::stored_enum<member_status>(col_text(t, 2), "disp_talkers.status")});
    sql::statement st(db, std::string("SELECT ") + disp_record_columns +
                              ", file_id FROM disp_records WHERE file_id IN (SELECT id FROM disp_files "
                              "WHERE member_id " +
                              storage::in_id_set + ") ORDER BY id");
    st.bind(":ids", set);
    while (st.step())
        by_file.at(st.column(dc_reason + 1).as_int64())
            ->file.records.push_back(read_disp_record(st, talkers));
    return out;
}

std::optional<loaded_file> find_file(sql::database& db, member_id m) {
    auto all = load_files(db, {m});
    if (all.empty()) return std::nullopt;
    return std::move(all.begin()->second);
}

}  // namespace storage::evaluation_rows

namespace {

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
            sql::statement ins(
                impl.db,
                "INSERT INTO disp_files(member_id, org_id, rule_set) VALUES(:member_id, :org_id, :rule_set)");
            ins.bind(":member_id", static_cast<std::int64_t>(f.member.value()));
            ins.bind(":org_id", static_cast<std::int64_t>(f.org.value()));
            ins.bind(":rule_set", f.rule_set_name);
            ins.exec();
            file_id = impl.db.last_insert_id();
        }
        insert_disp_record(impl.db, file_id, r);
        storage::append_audit(impl.db, impl.audit_actor, "disposition", f.member.value(), kind_name(r), why,
                              describe(r));
        if (!exit) return;
        // The same rows record_standing writes, so that the standing history stays one list.
        sql::statement ins(impl.db,
                           "INSERT INTO standing_events(member_id, kind, date, reason, decided_by) "
                           "VALUES(:member_id, :kind, :date, :reason, :decided_by)");
        ins.bind(":member_id", static_cast<std::int64_t>(f.member.value()));
        ins.bind(":kind", code_of(exit->kind));
        storage::bind_date(ins, ":date", exit->date);
        ins.bind(":reason", exit->reason);
        ins.bind(":decided_by", exit->decided_by);
        ins.exec();
        sql::statement snap(impl.db,
                            "UPDATE members SET standing = :standing, exit_date = :exit_date, version = "
                            "version + 1 WHERE id = :id");
        snap.bind(":standing", code_of(*exit_state));
        storage::bind_date(snap, ":exit_date",
                           *exit_state == standing_state::exited ? std::optional(exit->date) : std::nullopt);
        snap.bind(":id", static_cast<std::int64_t>(f.member.value()));
        snap.exec();
        storage::append_audit(impl.db, impl.audit_actor, "standing", f.member.value(), code_of(exit->kind),
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

}  // namespace

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
    storage::call const guard(s);
    storage::require_member(s, permission::run_evaluations, m);
    auto& impl = detail::store_access::of(s);
    storage::in_read("opening a disposition", [&] {
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
    });
}

// The member's branch, for the check of the higher committee's approval.
// \throws not_found for an unknown member.
static org_id branch_of(store const& s, member_id m) {
    return storage::in_read("reading a member", [&] {
        sql::statement st(detail::store_access::of(s).db, "SELECT branch_id FROM members WHERE id = :id");
        st.bind(":id", raw(m));
        if (!st.step()) throw not_found("no member with id " + std::to_string(m.value()));
        return org_id{st.column(0).as_int64()};
    });
}

void record_disposition(store& s, member_id m, disposition_record const& r, std::string_view why) {
    storage::call const guard(s);
    // The approval (审批) is the higher party committee's decision, not the branch's: the branch proposes,
    // files, investigates, talks and votes; the committee above it approves (《不合格党员组织处置办法》).
    if (std::holds_alternative<disposition_approved>(r))
        storage::require_above(s, permission::approve_as_higher_committee, branch_of(s, m));
    else
        storage::require_member(s, permission::run_evaluations, m);
    if (auto const* o = std::get_if<disposition_opened>(&r)) return open_disposition(s, m, *o, {}, why);
    auto& impl = detail::store_access::of(s);
    storage::in_read("recording a disposition", [&] {
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
    });
}

disposition_file get_disposition_file(store const& s, member_id m) {
    storage::call const guard(s);
    storage::require_member(s, permission::read_roster, m);
    return storage::in_read("reading a disposition file", [&]() -> disposition_file {
        auto f = find_file(detail::store_access::of(s).db, m);
        if (!f) throw not_found("member " + std::to_string(m.value()) + " has no disposition file");
        return std::move(f->file);
    });
}

std::vector<disposition_overview> disposition_overviews(store const& s, date::sys_days as_of, scope requested,
                                                        bool open_only) {
    storage::call const guard(s);
    auto const sc = storage::visible_scope(s, requested);
    auto& impl = detail::store_access::of(s);
    return storage::in_read("listing dispositions", [&]() -> std::vector<disposition_overview> {
        auto const ids = storage::scope_org_ids(impl.db, sc);
        sql::statement st(impl.db, "SELECT member_id, org_id FROM disp_files ORDER BY member_id");
        std::vector<member_id> members;
        while (st.step())
            if (in_ids(ids, st.column(1).as_int64())) members.emplace_back(st.column(0).as_int64());
        std::vector<disposition_overview> out;
        auto const files = load_files(impl.db, members);
        rule_sets rules_named(s);
        for (auto const m : members) {
            auto const& f = files.at(raw(m)).file;
            auto const ds = dispositions_on(f, as_of, rules_named(f.rule_set_name));
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
    });
}

}  // namespace dangyuan
