// Meetings (三会一课, 主题党日 …) and their attendance lists. A meeting is one row and its list one row
// per entry; a command checks the meeting with the pure rules and against the roster and the leadership
// (the people on the list read set-wise), and only then opens its transaction, so a refused command
// writes nothing.

#include <algorithm>
#include <set>

#include "../access.hpp"
#include "../plausibility.hpp"
#include "dangyuan/member/voting.hpp"
#include "life_rows.hpp"

namespace dangyuan {

using namespace storage::life_rows;

namespace {

// Checks a meeting against the roster and the leadership, after the pure validation.
void check_meeting(store const& s, meeting const& m, date::sys_days as_of) {
    auto const org = s.org(m.org);
    validate_meeting(m, org, as_of);
    auto const day = format_iso(m.date);
    org_id const branch = org.kind == org_kind::party_group && org.parent ? *org.parent : org.id;

    // The chair and everyone on the list, with their standing histories, read once for the meeting.
    auto& db = impl_of(s).db;
    std::vector<member_id> listed;
    if (m.chair) listed.push_back(*m.chair);
    for (auto const& a : m.attendance)
        listed.push_back(a.member);
    auto const people = members_of(db, listed);
    auto const listed_standing = standing_histories_of(db, listed);
    auto const person = [&](member_id id, char const* field) {
        auto const found = people.find(raw(id));
        if (found == people.end()) throw not_found("no member with id " + std::to_string(id.value()));
        auto const& p = found->second;
        if (m.date < p.admission_date)
            throw invalid_input(field, who(p) + " was admitted on " + format_iso(p.admission_date) +
                                           ", after the meeting of " + day);
        auto const st = listed_standing.on(p, m.date);
        if (st && st->state == standing_state::exited)
            throw invalid_input(field, who(p) + " left the party on " + format_iso(*st->since) +
                                           ", before the meeting of " + day);
        return p;
    };
    if (m.chair) (void)person(*m.chair, "chair");
    for (auto const& a : m.attendance) {
        auto const p = person(a.member, "attendance");
        if (a.status == attendance_status::guest && p.branch == branch && p.joined_branch <= m.date)
            throw invalid_input("attendance", who(p) +
                                                  " belongs to this branch: record them present or absent, "
                                                  "not as a guest (流入列席)");
    }

    auto const leaders = s.leadership(branch, m.date);
    if (m.chair_is_secretary && !leaders.empty() &&
        std::none_of(leaders.begin(), leaders.end(), [&](officer const& o) {
            return o.role == officer_role::secretary && o.member == *m.chair;
        }))
        throw invalid_input("chair_is_secretary", "member " + std::to_string(m.chair->value()) +
                                                      " is not the secretary (书记) of the branch on " + day);

    // The entry of a member on the list (guests excepted), if any.
    auto const entry = [&](member_id id) -> attendance_entry const* {
        for (auto const& a : m.attendance)
            if (a.member == id && a.status != attendance_status::guest) return &a;
        return nullptr;
    };
    // 应到: everyone entitled is listed (present, or absent with a reason) and counts towards the quorum;
    // nobody else does. Otherwise leaving people off the list, or marking them non-voting, would make
    // any meeting quorate.
    auto const require_listed = [&](std::set<member_id> const& entitled, std::string const& what) {
        for (auto const id : entitled) {
            auto const* a = entry(id);
            if (!a)
                throw invalid_input("attendance", what + " " + std::to_string(id.value()) +
                                                      " is not listed: record them present, or absent with "
                                                      "a reason (应到)");
            if (!a->voting)
                throw invalid_input("attendance", what + " " + std::to_string(id.value()) +
                                                      " is entitled to vote and counts towards the quorum "
                                                      "(voting = true)");
        }
        for (auto const& a : m.attendance)
            if (a.status != attendance_status::guest && a.voting && !entitled.count(a.member))
                throw invalid_input("attendance", "member " + std::to_string(a.member.value()) +
                                                      " does not count towards the quorum of the " +
                                                      std::string(chinese_name(m.kind)) + " of '" + org.name +
                                                      "' on " + day +
                                                      " (voting = false for those sitting in)");
    };
    if (m.kind == meeting_kind::branch_general_meeting) {
        // The members with a vote on the day (vote.entitled_full_members, member/voting.hpp).
        // The roster of the day with the standing histories and probations of all of it, one query each.
        auto const roster = members_on(db, m.date, scope::subtree(org.id), true);
        std::vector<member_id> ids;
        for (auto const& p : roster)
            ids.push_back(p.id);
        auto const standing = standing_histories_of(db, ids);
        auto const probations = probations_of(db, ids);
        std::set<member_id> entitled;
        for (auto const& p : roster)
            if (has_vote_on(p, standing.on(p, m.date), rows_of(probations, p.id), m.date))
                entitled.insert(p.id);
        require_listed(entitled, "full member");
    } else if (m.kind == meeting_kind::committee_meeting && !leaders.empty()) {
        std::set<member_id> committee;
        for (auto const& o : leaders)
            committee.insert(o.member);
        require_listed(committee, "committee member");
    }
}

void insert_attendance(sql::database& db, meeting_id id, std::vector<attendance_entry> const& list) {
    sql::statement ins(db,
                       "INSERT INTO life_attendance(meeting_id, seq, member_id, status, absence_reason, "
                       "voting) VALUES(:meeting, :seq, :member, :status, :reason, :voting)");
    int seq = 0;
    for (auto const& a : list) {
        ins.bind(":meeting", raw(id));
        ins.bind(":seq", ++seq);
        ins.bind(":member", raw(a.member));
        ins.bind(":status", std::string(to_string(a.status)));
        ins.bind(":reason", a.absence_reason);
        ins.bind(":voting", a.voting ? 1 : 0);
        ins.exec();
        ins.reset();
    }
}

void bind_meeting(sql::statement& st, meeting const& m, date::sys_days as_of) {
    st.bind(":kind", std::string(to_string(m.kind)));
    bind_date(st, ":date", m.date);
    st.bind(":topic", m.topic);
    storage::bind_opt(st, ":chair", storage::opt_raw(m.chair));
    st.bind(":chair_is_secretary", m.chair_is_secretary ? 1 : 0);
    bind_date(st, ":recorded_on", as_of);
}

std::string describe(meeting const& m) {
    int present = 0, absent = 0, guests = 0;
    for (auto const& a : m.attendance)
        (a.status == attendance_status::present  ? present
         : a.status == attendance_status::absent ? absent
                                                 : guests) += 1;
    std::string d = "kind=" + std::string(to_string(m.kind)) + "; org=" + std::to_string(m.org.value()) +
                    "; date=" + format_iso(m.date);
    if (m.chair) d += "; chair=" + std::to_string(m.chair->value()) + (m.chair_is_secretary ? " (书记)" : "");
    d += "; present=" + std::to_string(present) + "; absent=" + std::to_string(absent) +
         "; guests=" + std::to_string(guests) + "; topic=" + m.topic;
    return d;
}

// ---- training

}  // namespace

meeting_id add_meeting(store& s, meeting const& m, date::sys_days as_of, std::string_view why) {
    storage::call const c(s);
    storage::require(s, permission::organisational_life, m.org);
    auto& impl = impl_of(s);
    return storage::in_read("recording a meeting", [&]() -> meeting_id {
        check_meeting(s, m, as_of);
        storage::check_meeting(s, m);  // after the recording-date check, whose message is more precise
        return storage::in_transaction(impl.db, [&] {
            sql::statement ins(
                impl.db,
                "INSERT INTO life_meetings(kind, date, topic, chair_id, chair_is_secretary, "
                "recorded_on, org_id) VALUES(:kind, :date, :topic, :chair, :chair_is_secretary, "
                ":recorded_on, "
                ":org)");
            bind_meeting(ins, m, as_of);
            ins.bind(":org", raw(m.org));
            ins.exec();
            meeting_id const id{impl.db.last_insert_id()};
            insert_attendance(impl.db, id, m.attendance);
            storage::append_audit(impl.db, impl.audit_actor, "meeting", id.value(), "insert", why,
                                  describe(m));
            return id;
        });
    });
}

void correct_meeting(store& s, meeting const& m, std::int64_t version, date::sys_days as_of,
                     std::string_view why) {
    storage::call const c(s);
    auto& impl = impl_of(s);
    storage::in_read("correcting a meeting", [&] {
        auto const old = get_meeting(s, m.id);
        storage::require(s, permission::organisational_life, old.record.org);
        if (old.version != version)
            throw conflict("meeting " + std::to_string(m.id.value()) +
                           " was corrected by someone else (stored version " + std::to_string(old.version) +
                           ", yours " + std::to_string(version) + ")");
        if (m.org != old.record.org)
            throw invalid_input("org", "meeting " + std::to_string(m.id.value()) + " was held by org " +
                                           std::to_string(old.record.org.value()) +
                                           "; record a meeting of another organisation anew");
        check_meeting(s, m, as_of);
        storage::check_meeting(s, m);
        storage::in_transaction(impl.db, [&] {
            sql::statement up(
                impl.db,
                "UPDATE life_meetings SET kind = :kind, date = :date, topic = :topic, chair_id = :chair, "
                "chair_is_secretary = :chair_is_secretary, recorded_on = :recorded_on, version = version + 1 "
                "WHERE id = :id AND version = :version");
            bind_meeting(up, m, as_of);
            up.bind(":id", raw(m.id));
            up.bind(":version", version);
            if (up.exec() != 1)
                throw conflict("meeting " + std::to_string(m.id.value()) + " changed meanwhile");
            sql::statement del(impl.db, "DELETE FROM life_attendance WHERE meeting_id = :meeting");
            del.bind(":meeting", raw(m.id));
            del.exec();
            insert_attendance(impl.db, m.id, m.attendance);
            storage::append_audit(impl.db, impl.audit_actor, "meeting", m.id.value(), "correct", why,
                                  "was: " + describe(old.record) + " | now: " + describe(m));
        });
    });
}

stored_meeting get_meeting(store const& s, meeting_id id) {
    storage::call const c(s);
    auto& impl = impl_of(s);
    return storage::in_read("reading a meeting", [&]() -> stored_meeting {
        auto found =
            load_meetings(impl.db, "m.id = :id", [&](sql::statement& st) { st.bind(":id", raw(id)); });
        if (found.empty()) throw not_found("no meeting with id " + std::to_string(id.value()));
        storage::require(s, permission::read_roster, found.front().record.org);
        return std::move(found.front());
    });
}

std::vector<meeting> meetings_of(store const& s, scope requested, date::sys_days from, date::sys_days to) {
    storage::call const c(s);
    auto const sc = storage::visible_scope(s, requested);
    if (to < from)
        throw invalid_input("to", "period ends " + format_iso(to) + ", before it starts " + format_iso(from));
    auto& impl = impl_of(s);
    return storage::in_read("reading meetings", [&]() -> std::vector<meeting> {
        if (!sc.root) return meetings_between(impl.db, from, to);
        auto const ids = storage::scope_org_ids(impl.db, sc);
        return meetings_between(impl.db, from, to, &ids);
    });
}

}  // namespace dangyuan
