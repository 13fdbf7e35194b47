// Development cases (发展党员), registered rule sets and party probations.
//
// A case is stored as its records; reading it back replays them. Every step is checked by the pure
// rules (development/case.hpp) against the replayed case before the transaction opens, and the
// roster side effects of approvals are validated first too, so a refused step writes nothing.

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>

#include "access.hpp"
#include "dangyuan/evaluation/disposition.hpp"
#include "dangyuan/member/masking.hpp"
#include "dangyuan/member/voting.hpp"
#include "dangyuan/rules/profile.hpp"
#include "dangyuan/storage/development_store.hpp"
#include "dangyuan/storage/mobility_store.hpp"
#include "development_columns.hpp"
#include "member_rows.hpp"
#include "plausibility.hpp"
#include "rows.hpp"

namespace dangyuan {
namespace {

// Answers the eligibility questions of the development rules from the roster.
eligibility_lookup roster_lookup(store const& s) {
    return [&s](member_id id, date::sys_days on) {
        member_eligibility e;
        std::optional<member> m;
        try {
            m = s.get_member(id);
        } catch (not_found const&) {
            return e;
        }
        e.exists = true;
        e.name = m->name;
        e.id_number = m->id_number;
        e.full_member = m->status_on(on) == member_status::full;
        auto const st = s.standing_on(id, on);
        e.normal_standing = st && st->state == standing_state::normal;
        auto const sanctions = s.party_probations(id);
        e.rights_suspended = rights_suspended_on(sanctions, on);
        return e;
    };
}

void update_snapshot(sql::database& db, case_id id, development_case const& c) {
    sql::statement st(
        db, "UPDATE dev_cases SET stage = :stage, outcome = :outcome, version = version + 1 WHERE id = :id");
    st.bind(":stage", std::string(to_string(c.state().current)));
    storage::bind_opt(
        st, ":outcome",
        c.state().outcome ? std::optional(std::string(to_string(*c.state().outcome))) : std::nullopt);
    storage::bind_id(st, ":id", id);
    st.exec();
}

void insert_step(sql::database& db, case_id id, step_record const& r) {
    sql::statement ins(db, storage::insert_step_sql);
    storage::bind_id(ins, ":case_id", id);
    storage::bind_step(ins, r);
    ins.exec();
}

// The development cases `ids` that exist, in the order of their ids, each with its records: one
// statement for the cases and one for their steps, whatever their number.
std::vector<std::pair<case_id, development_case>> load_cases(store const& s,
                                                             std::vector<case_id> const& ids) {
    auto& impl = detail::store_access::of(s);
    std::vector<std::pair<case_id, development_case>> out;
    if (ids.empty()) return out;
    auto const id_set = storage::json_ids(ids);
    sql::statement steps(impl.db, std::string("SELECT case_id, ") + storage::step_columns +
                                      " FROM dev_steps WHERE case_id " + storage::in_id_set +
                                      " ORDER BY case_id, id");
    steps.bind(":ids", id_set);
    std::unordered_map<std::int64_t, std::vector<step_record>> records;
    while (steps.step())
        records[steps.column(0).as_int64()].push_back(storage::read_step(steps, 1));
    sql::statement st(impl.db, std::string("SELECT ") + storage::case_columns + " FROM dev_cases WHERE id " +
                                   storage::in_id_set + " ORDER BY id");
    st.bind(":ids", id_set);
    std::map<std::string, rule_set> rule_sets;
    while (st.step()) {
        case_id const id{st.column(0).as_int64()};
        auto person = storage::read_applicant(st, 1);
        person.mobile = st.column(13).as_int() != 0;
        auto const name = st.column(10).as_string();
        auto rs = rule_sets.find(name);
        if (rs == rule_sets.end()) rs = rule_sets.emplace(name, s.rule_set_named(name)).first;
        bool const backfilled = st.column(11).as_int() != 0;
        out.emplace_back(id, development_case::replay(std::move(person), rs->second, backfilled,
                                                      std::move(records[id.value()])));
    }
    return out;
}

std::string describe(step_record const& r) {
    std::string d = std::string(chinese_name(kind_of(r))) + " on " + storage::format_iso(record_date(r));
    std::visit(
        [&](auto const& x) {
            if constexpr (requires { x.vote; })
                if (x.vote)
                    d += "; vote " + std::to_string(x.vote->yes) + "/" + std::to_string(x.vote->entitled);
            if constexpr (requires { x.passed; })
                if (x.passed) d += *x.passed ? "; passed" : "; not passed";
        },
        r);
    if (auto const& reason = reason_of(r); !reason.empty()) d += "; reason=" + reason;
    return d;
}

// The steps the higher party committee (上级党委) takes, not the branch: filings with it, its pre-review
// and talk, its approvals of admission and conversion. They need approve_as_higher_committee above the
// branch handling the case; every other step is the branch's own work (run_development).
bool higher_committee_step(step k) noexcept {
    switch (k) {
        case step::activist_filed:
        case step::target_filed:
        case step::pre_review:
        case step::higher_committee_talk:
        case step::admission_approved:
        case step::approval_filed:
        case step::conversion_approved:
            return true;
        default:
            return false;
    }
}

// The branch handling case `id`, read before any check or write.
// \throws not_found for an unknown case.
org_id case_branch(store const& s, case_id id) {
    auto& impl = detail::store_access::of(s);
    return storage::in_read("reading a development case", [&] {
        sql::statement st(impl.db, "SELECT branch_id FROM dev_cases WHERE id = :id");
        storage::bind_id(st, ":id", id);
        if (!st.step()) throw not_found("no development case with id " + std::to_string(id.value()));
        return org_id{st.column(0).as_int64()};
    });
}

// Compares rows, not find_masking's pointer: g++ with -fsanitize=undefined does not evaluate a
// dereference of it as a constant expression.
constexpr bool applicant_rule_is(std::string_view field, mask_rule rule) {
    for (auto const& row : masking_policy)
        if (row.record == masked_record::applicant && row.field == field) return row.rule == rule;
    return false;
}

constexpr int masked_applicant_fields() {
    int n = 0;
    for (auto const& row : masking_policy)
        if (row.record == masked_record::applicant && row.rule != mask_rule::shown) ++n;
    return n;
}

// The applicant as a principal without unmasked_personal_data reads it: the rows `masked_record::applicant`
// of the masking policy (member/masking.hpp), applied like masked_member applies the member rows.
applicant masked_applicant(applicant a) {
    static_assert(masked_applicant_fields() == 2,
                  "masked_applicant masks id_number and birth_date; a field newly masked in masking_policy "
                  "must be masked here too");
    static_assert(applicant_rule_is("id_number", mask_rule::id_region_only));
    static_assert(applicant_rule_is("birth_date", mask_rule::year_only));
    a.id_number.reset();  // its region code alone is no valid citizen_id
    a.birth_date = date::sys_days{date::year_month_day{a.birth_date}.year() / date::January / 1};
    return a;
}

}  // namespace

// ---- party probation

void store::record_party_probation(member_id id, party_probation const& p, std::string_view why) {
    storage::call const c(*this);
    storage::require_member(*this, permission::write_roster, id);
    storage::in_read("recording a party probation", [&] {
        validate(p);
        storage::check_not_in_future(*this, p.from, "from");
        storage::check_text(p.decided_by, "decided_by", storage::text_cap::long_text);
        auto const m = get_member(id);
        if (p.from < m.admission_date)
            throw invalid_input("from",
                                "留党察看 from " + storage::format_iso(p.from) + " precedes admission");
        storage::in_transaction(impl_->db, [&] {
            sql::statement st(
                impl_->db,
                "INSERT INTO party_probations(member_id, from_date, months, rights_suspended, decided_by) "
                "VALUES(:member_id, :from_date, :months, :rights_suspended, :decided_by)");
            storage::bind_id(st, ":member_id", id);
            storage::bind_date(st, ":from_date", p.from);
            st.bind(":months", p.months);
            st.bind(":rights_suspended", p.rights_suspended ? 1 : 0);
            st.bind(":decided_by", p.decided_by);
            st.exec();
            storage::append_audit(
                impl_->db, impl_->audit_actor, "member", id.value(), "party_probation", why,
                "from=" + storage::format_iso(p.from) + "; months=" + std::to_string(p.months));
        });
    });
}

std::vector<party_probation> store::party_probations(member_id id) const {
    storage::call const c(*this);
    storage::require_member(*this, permission::read_roster, id);
    return storage::in_read("reading party probations",
                            [&] { return storage::probations_of(impl_->db, id); });
}

// ---- rule sets

void store::register_rule_set(rule_set const& profile) {
    storage::call const c(*this);
    storage::require_store_wide(*this, permission::manage_profiles);
    storage::in_read("registering a rule set", [&] {
        check_profile(profile);
        if (profile.name == rule_set::national_2014().name) return;
        auto const text = to_text(profile);
        sql::statement find(impl_->db, "SELECT definition FROM rule_sets WHERE name = :name");
        find.bind(":name", profile.name);
        if (find.step()) {
            // Compared as rule sets, not as text: a definition stored by an earlier version has other keys.
            if (rule_set_from_text(find.column(0).as_string()) != profile)
                throw conflict("a rule set named '" + profile.name + "' is registered with other values");
            return;
        }
        find.reset();
        storage::in_transaction(impl_->db, [&] {
            sql::statement ins(impl_->db,
                               "INSERT INTO rule_sets(name, definition) VALUES(:name, :definition)");
            ins.bind(":name", profile.name);
            ins.bind(":definition", text);
            ins.exec();
            storage::append_audit(impl_->db, impl_->audit_actor, "rule_set", 0, "register", profile.name,
                                  text);
        });
    });
}

rule_set store::rule_set_named(std::string const& name) const {
    if (name == rule_set::national_2014().name) return rule_set::national_2014();
    if (name == impl_->options.rules.name) return impl_->options.rules;
    return storage::in_read("reading a rule set", [&]() -> rule_set {
        sql::statement st(impl_->db, "SELECT definition FROM rule_sets WHERE name = :name");
        st.bind(":name", name);
        if (!st.step()) throw not_found("no rule set named '" + name + "' is registered");
        return rule_set_from_text(st.column(0).as_string());
    });
}

// ---- voting members

voting_roll store::voting_roll_on(org_id branch, date::sys_days on) const {
    storage::call const c(*this);
    storage::require(*this, permission::read_roster, branch);
    (void)impl_->load_org(branch);  // not_found for an unknown organisation
    voting_roll roll;
    std::set<member_id> voters;
    auto const members = roster(scope::subtree(branch), on);
    std::vector<member_id> ids;
    for (auto const& m : members)
        ids.push_back(m.id);
    auto const standing = storage::in_read("reading standing events",
                                           [&] { return storage::standing_histories_of(impl_->db, ids); });
    auto const probations =
        storage::in_read("reading party probations", [&] { return storage::probations_of(impl_->db, ids); });
    for (auto const& m : members)
        if (has_vote_on(m, standing.on(m, on), storage::rows_of(probations, m.id), on)) voters.insert(m.id);
    roll.voters = static_cast<int>(voters.size());
    // Members away (外出) on the day may be left out of the count; the rule allows, not requires, it.
    std::set<member_id> away;
    for (auto const& ep : episodes(*this, scope::subtree(branch)))
        if (voters.count(ep.member))
            if (auto const st = state_on(ep, on); st && st->phase == episode_phase::away)
                away.insert(ep.member);
    roll.away = static_cast<int>(away.size());
    return roll;
}

// ---- cases

case_id open_case(store& s, applicant const& person, step_record const& application,
                  case_options const& options, std::string_view why) {
    storage::call const guard(s);
    storage::require(s, permission::run_development, person.branch);
    auto& impl = detail::store_access::of(s);
    auto const& rule_set_name = options.rule_set_name;
    bool const backfilled = options.backfilled;
    return storage::in_read("opening a development case", [&]() -> case_id {
        storage::check_text(person.name, "name", storage::text_cap::name);
        storage::check_text(person.work_unit, "work_unit", storage::text_cap::long_text);
        storage::check_not_in_future(s, person.birth_date, "birth_date");
        if (person.birth_date < storage::earliest_birth)
            throw invalid_input("birth_date", "birth date " + storage::format_iso(person.birth_date) +
                                                  " is before 1870-01-01");
        auto const rules_used = s.rule_set_named(rule_set_name.empty() ? s.rules().name : rule_set_name);
        auto const branch = impl.load_org(person.branch);
        if (!is_branch(branch.kind))
            throw invalid_input(
                "branch", "'" + branch.name + "' is not a branch (党支部); cases are handled by branches");
        development_case c(person, rules_used, backfilled);
        c.record(application, roster_lookup(s), s.calendar());
        if (person.id_number) {
            if (auto const m = s.find_member(*person.id_number)) {
                auto const st = s.standing_on(m->id, record_date(application));
                if (st && st->state != standing_state::exited)
                    throw invalid_input("id_number", person.name + " is already a member (member " +
                                                         std::to_string(m->id.value()) + ")");
                // disposition.readmission_bar_5_years: the one check of the bar, in the rules header.
                if (st && st->last_event)
                    check_readmission(standing_event{*st->last_event, *st->since}, record_date(application),
                                      rules_used);
            }
            sql::statement open(impl.db,
                                "SELECT id FROM dev_cases WHERE id_number = :id_number AND outcome IS NULL "
                                "AND stage <> 'full_member'");
            open.bind(":id_number", person.id_number->str());
            if (open.step())
                throw conflict(person.name + " already has an open development case (" +
                               std::to_string(open.column(0).as_int64()) + ")");
        }
        // After the rules of the pipeline, whose messages say more about a date than this bound.
        storage::check_step_record(s, application);
        return storage::in_transaction(impl.db, [&] {
            sql::statement ins(
                impl.db,
                "INSERT INTO dev_cases(branch_id, name, sex, ethnicity, birth_date, id_number, education, "
                "category, work_unit, rule_set, backfilled, stage, mobile) VALUES(:branch_id, :name, :sex, "
                ":ethnicity, :birth_date, :id_number, :education, :category, :work_unit, :rule_set, "
                ":backfilled, :stage, :mobile)");
            storage::bind_applicant(ins, person);
            ins.bind(":rule_set", rules_used.name);
            ins.bind(":backfilled", backfilled ? 1 : 0);
            ins.bind(":stage", std::string(to_string(c.state().current)));
            ins.bind(":mobile", person.mobile ? 1 : 0);
            ins.exec();
            case_id const id{impl.db.last_insert_id()};
            insert_step(impl.db, id, application);
            storage::append_audit(
                impl.db, impl.audit_actor, "case", id.value(), "open", why,
                "name=" + person.name + "; branch=" + std::to_string(person.branch.value()) + "; rule_set=" +
                    rules_used.name + (backfilled ? "; backfilled" : "") + "; " + describe(application));
            return id;
        });
    });
}

development_case get_case(store const& s, case_id id) {
    storage::call const guard(s);
    auto c = storage::in_read("reading a development case", [&]() -> development_case {
        auto loaded = load_cases(s, {id});
        if (loaded.empty()) throw not_found("no development case with id " + std::to_string(id.value()));
        return std::move(loaded.front().second);
    });
    // A read: checked once the case (and with it its branch) is loaded, without a query of its own.
    storage::require(s, permission::read_roster, c.person().branch);
    if (storage::sees_unmasked(s)) return c;
    return development_case::replay(masked_applicant(c.person()), c.rules(), c.backfilled(), c.records());
}

std::optional<member_id> case_member(store const& s, case_id id) {
    storage::call const guard(s);
    auto& impl = detail::store_access::of(s);
    auto const [branch, member] =
        storage::in_read("reading a development case", [&]() -> std::pair<org_id, std::optional<member_id>> {
            sql::statement st(impl.db, "SELECT branch_id, member_id FROM dev_cases WHERE id = :id");
            storage::bind_id(st, ":id", id);
            if (!st.step()) throw not_found("no development case with id " + std::to_string(id.value()));
            org_id const b{st.column(0).as_int64()};
            if (st.column(1).is_null()) return {b, std::nullopt};
            return {b, member_id{st.column(1).as_int64()}};
        });
    storage::require(s, permission::read_roster, branch);
    return member;
}

void record_step(store& s, case_id id, step_record const& r, std::string_view why) {
    storage::call const guard(s);
    auto const branch = case_branch(s, id);
    auto const kind = kind_of(r);
    date::sys_days const day = record_date(r);
    if (higher_committee_step(kind))
        storage::require_above(s, permission::approve_as_higher_committee, branch);
    else
        storage::require(s, permission::run_development, branch);
    auto& impl = detail::store_access::of(s);
    storage::in_read("recording a development step", [&] {
        storage::check_step_record(s, r);
        auto c = get_case(s, id);
        c.record(r, roster_lookup(s), s.calendar());
        // A branch meeting's vote counts the branch's voting members (the higher committee's does not).
        auto const* admission = std::get_if<admission_meeting_step>(&r);
        auto const* conversion = std::get_if<conversion_meeting_step>(&r);
        auto const& vote = admission ? admission->vote : conversion ? conversion->vote : std::nullopt;
        if (!c.backfilled() && vote)
            check_entitled(
                *vote, s.voting_roll_on(c.person().branch, day),
                "branch " + std::to_string(c.person().branch.value()) + " on " + storage::format_iso(day));
        auto const& st = c.state();
        auto const linked = case_member(s, id);
        // Side effects on the roster, validated before anything is written.
        std::optional<member> admitted;
        std::optional<member> converted;
        std::optional<standing_event> cancelled;
        if (kind == step::admission_approved && st.approval) {
            auto const& p = c.person();
            member m;
            m.name = p.name;
            m.sex = p.sex;
            m.ethnicity = p.ethnicity;
            m.birth_date = p.birth_date;
            m.id_number = p.id_number;
            m.education = p.education;
            m.category = p.category;
            m.work_unit = p.work_unit;
            m.branch = p.branch;
            m.application_date = st.applied;
            m.admission_date = *st.admission_meeting;
            m.joined_branch = *st.admission_meeting;
            m.backfilled = c.backfilled();
            validate_member(m, s.rules());
            if (p.id_number && s.find_member(*p.id_number))
                throw conflict("ID number " + p.id_number->masked() + " is already on the roster");
            admitted = m;
        }
        if (kind == step::conversion_approved && linked) {
            if (st.full_member_date) {
                auto m = s.get_member(*linked);
                m.full_member_date = st.full_member_date;
                validate_member(m, s.rules());
                converted = m;
            } else if (st.outcome == case_outcome::probation_cancelled) {
                standing_event e{standing_event_kind::probation_cancelled, day,
                                 "经支部大会讨论并经上级党委批准",
                                 "development case " + std::to_string(id.value())};
                auto const m = s.get_member(*linked);
                check_standing_event(m, s.standing_history(*linked), e);
                cancelled = e;
            }
        }
        storage::in_transaction(impl.db, [&] {
            insert_step(impl.db, id, r);
            update_snapshot(impl.db, id, c);
            storage::append_audit(impl.db, impl.audit_actor, "case", id.value(), to_string(kind), why,
                                  describe(r));
            if (admitted) {
                auto const mid = storage::insert_member(impl.db, *admitted);
                sql::statement link(impl.db, "UPDATE dev_cases SET member_id = :member_id WHERE id = :id");
                storage::bind_id(link, ":member_id", mid);
                storage::bind_id(link, ":id", id);
                link.exec();
                storage::append_audit(
                    impl.db, impl.audit_actor, "member", mid.value(), "insert", why,
                    "probationary member admitted by development case " + std::to_string(id.value()));
            }
            if (converted) {
                sql::statement up(impl.db,
                                  "UPDATE members SET full_member_date = :full_member_date, version = "
                                  "version + 1 WHERE id = :id");
                storage::bind_date(up, ":full_member_date", converted->full_member_date);
                storage::bind_id(up, ":id", converted->id);
                up.exec();
                storage::append_audit(
                    impl.db, impl.audit_actor, "member", converted->id.value(), "update", why,
                    "full_member_date: - -> " + storage::format_iso(*converted->full_member_date));
            }
            if (cancelled) {
                sql::statement ins(impl.db,
                                   "INSERT INTO standing_events(member_id, kind, date, reason, "
                                   "decided_by) VALUES(:member_id, :kind, :date, :reason, :decided_by)");
                storage::bind_id(ins, ":member_id", *linked);
                ins.bind(":kind", std::string(to_string(cancelled->kind)));
                storage::bind_date(ins, ":date", cancelled->date);
                ins.bind(":reason", cancelled->reason);
                ins.bind(":decided_by", cancelled->decided_by);
                ins.exec();
                sql::statement snap(
                    impl.db,
                    "UPDATE members SET standing = 'exited', exit_date = :exit_date, version = "
                    "version + 1 WHERE id = :id");
                storage::bind_date(snap, ":exit_date", cancelled->date);
                storage::bind_id(snap, ":id", *linked);
                snap.exec();
                storage::append_audit(impl.db, impl.audit_actor, "standing", linked->value(),
                                      to_string(cancelled->kind), why,
                                      "by development case " + std::to_string(id.value()));
            }
        });
    });
}

std::vector<case_summary> cases(store const& s, scope requested) {
    storage::call const guard(s);
    auto const sc = storage::visible_scope(s, requested);
    auto& impl = detail::store_access::of(s);
    return storage::in_read("listing development cases", [&]() -> std::vector<case_summary> {
        // A scope reads its branches' cases only (dev_cases_branch), so that a branch's list costs what it
        // holds.
        if (sc.root) (void)s.org(*sc.root);  // not_found for an unknown scope
        sql::statement st(
            impl.db, std::string("SELECT id, name, branch_id, stage, outcome, member_id FROM dev_cases") +
                         (sc.root ? std::string(" WHERE branch_id ") + storage::in_subtree : "") +
                         " ORDER BY id");
        if (sc.root) storage::bind_id(st, ":root", *sc.root);
        std::vector<case_summary> out;
        while (st.step()) {
            auto const branch = st.column(2).as_int64();
            case_summary c;
            c.id = case_id{st.column(0).as_int64()};
            c.name = st.column(1).as_string();
            c.branch = org_id{branch};
            c.current = storage::stored_enum<stage>(st.column(3).as_string(), "dev_cases.stage");
            if (!st.column(4).is_null())
                c.outcome = storage::stored_enum<case_outcome>(st.column(4).as_string(), "dev_cases.outcome");
            if (!st.column(5).is_null()) c.member = member_id{st.column(5).as_int64()};
            out.push_back(std::move(c));
        }
        return out;
    });
}

std::vector<stage_statistics> pipeline_statistics(store const& s, date::sys_days from, date::sys_days to,
                                                  scope requested) {
    storage::call const guard(s);
    auto const sc = storage::visible_scope(s, requested);
    if (to < from) throw invalid_input("to", "period ends " + storage::format_iso(to) + " before it starts");
    std::vector<stage_statistics> out;
    for (auto st : enum_values<stage>())
        out.push_back(stage_statistics{st});
    std::map<stage, std::pair<long, int>> dwell;  // total days, count
    std::vector<case_id> ids;
    for (auto const& summary : cases(s, sc))
        ids.push_back(summary.id);
    auto const loaded = storage::in_read("reading development cases", [&] { return load_cases(s, ids); });
    for (auto const& [id, c] : loaded) {
        auto const& st = c.state();
        // Entry date of each stage, in order; a closed case leaves its last stage on its last record.
        std::array<std::optional<date::sys_days>, 5> entry{st.applied, st.activist_since, st.target_since,
                                                           st.admission_meeting, st.conversion_approved};
        for (std::size_t i = 0; i < entry.size(); ++i) {
            if (!entry[i]) continue;
            std::optional<date::sys_days> exit;
            for (std::size_t j = i + 1; j < entry.size() && !exit; ++j)
                exit = entry[j];
            if (!exit && st.outcome) exit = st.last_date;
            if (*entry[i] >= from && *entry[i] <= to) ++out[i].entered;
            if (exit && *exit >= from && *exit <= to) {
                ++out[i].left;
                dwell[out[i].of].first += (*exit - *entry[i]).count();
                ++dwell[out[i].of].second;
            }
        }
        auto const now = c.state_on(to);
        if (now.applied && !now.outcome) ++out[static_cast<std::size_t>(now.current)].on_date;
    }
    for (auto& row : out)
        if (auto it = dwell.find(row.of); it != dwell.end() && it->second.second > 0)
            row.mean_dwell_days = static_cast<double>(it->second.first) / it->second.second;
    return out;
}

namespace storage {

std::vector<agenda_item> case_agenda_items(store const& s, sql::database& db, date::sys_days as_of,
                                           std::vector<std::int64_t> const& org_ids, bool whole) {
    std::vector<agenda_item> items;
    sql::statement st(db, std::string("SELECT id, branch_id FROM dev_cases WHERE outcome IS NULL") +
                              (whole ? "" : std::string(" AND branch_id ") + in_id_set) + " ORDER BY id");
    if (!whole) st.bind(":ids", json_ids(org_ids));
    std::vector<case_id> open;
    while (st.step())
        if (std::binary_search(org_ids.begin(), org_ids.end(), st.column(1).as_int64()))
            open.emplace_back(st.column(0).as_int64());
    for (auto const& [id, c] : load_cases(s, open)) {
        auto const more = case_agenda(c, as_of, id);
        items.insert(items.end(), more.begin(), more.end());
    }
    return items;
}

}  // namespace storage
}  // namespace dangyuan
