#pragma once
/// \file
/// Agenda items of an election case (换届选举): a request the higher organisation has not answered, a
/// result not yet reported or its secretary not yet approved, and an election still not held after the
/// term's end — without an approved extension, or after the extension's date.
///
/// The term's end itself is on the agenda already (`org.term_expiry`, org/org_rules.hpp); these items
/// come only from the election cases a store holds, so a store without elections shows none.

#include <date/date.h>

#include <string>
#include <vector>

#include "dangyuan/agenda/agenda.hpp"
#include "dangyuan/core/calendar.hpp"
#include "dangyuan/election/election_case.hpp"

namespace dangyuan {

/// The state of `c` on `d`: its records dated on or before `d`, folded.
/// \pre the records were accepted one by one by check_record.
[[nodiscard]] inline election_state election_state_on(election_case const& c, date::sys_days d) {
    election_case upto = c;
    upto.records.clear();
    for (auto const& r : c.records) {
        if (record_date(r) > d) break;
        upto.records.push_back(r);
    }
    return election_state_of(upto);
}

/// Agenda items of an election on `as_of` (records dated after it are ignored). A case not begun or
/// completed yields nothing. Kinds:
/// - `election.request_pending` (election.steps_in_order, a finding from the request's date): the higher
///   organisation has not yet approved the request;
/// - `election.result_to_report` (election.result_reported, a finding from the secretary's election):
///   the result is not yet reported to the higher organisation;
/// - `election.secretary_approval_pending` (election.secretary_approved_by_higher, a finding from the
///   report): the secretary elected is not yet approved, so the new committee is not in office;
/// - `election.overdue` (election.term_change_approved, overdue from the day after the term's end): the
///   electing meeting is not held, the term has ended and no extension is approved;
/// - `election.extension_overdue` (election.term_extension_within_1_year, overdue from the day after the
///   extension's date): the meeting is not held by the approved extension's date.
[[nodiscard]] inline std::vector<agenda_item> election_agenda(election_case const& c, date::sys_days as_of) {
    std::vector<agenda_item> items;
    auto const s = election_state_on(c, as_of);
    if (s.stage == election_stage::not_started || s.stage == election_stage::completed) return items;
    auto make = [&](std::string kind, date::sys_days due, agenda_status st, std::string rule, std::string msg,
                    std::string zh) {
        items.push_back(agenda_item{std::move(kind), c.org, std::nullopt, c.org_name, due, st,
                                    std::move(rule), std::move(msg), std::nullopt, std::move(zh)});
    };
    if (s.stage == election_stage::requested)
        make("election.request_pending", *s.requested_on, agenda_status::finding, "election.steps_in_order",
             "the election request of " + format_date(*s.requested_on) +
                 " awaits the higher organisation's approval (批复)",
             format_date(*s.requested_on) + "换届请示尚未获上级党组织批复");
    if (s.stage == election_stage::secretary_elected)
        make("election.result_to_report", *s.last_date, agenda_status::finding, "election.result_reported",
             std::string(s.without_committee ? "the secretary elected on " : "the committee elected on ") +
                 format_date(*s.elected_on) + ": report the result to the higher organisation",
             format_date(*s.elected_on) + (s.without_committee ? "选举产生书记" : "选举产生新一届委员会") +
                 ": 应将选举结果报上级党组织");
    if (s.stage == election_stage::result_reported)
        make("election.secretary_approval_pending", *s.reported_on, agenda_status::finding,
             "election.secretary_approved_by_higher",
             "result reported on " + format_date(*s.reported_on) +
                 ": the secretary takes office on the higher organisation's approval",
             format_date(*s.reported_on) + "已报送选举结果: 书记、副书记待上级党组织批准");
    if (c.term_ends && s.stage < election_stage::meeting_held && as_of > *c.term_ends) {
        if (!s.extended_until)
            make("election.overdue", *c.term_ends, agenda_status::overdue, "election.term_change_approved",
                 "the term ended on " + format_date(*c.term_ends) +
                     " and the election is not held: hold it, or have an extension (延期换届) approved",
                 "任期已于" + format_date(*c.term_ends) +
                     "届满, 尚未召开选举大会: 应按期换届或报上级批准延期");
        else if (as_of > *s.extended_until)
            make("election.extension_overdue", *s.extended_until, agenda_status::overdue,
                 "election.term_extension_within_1_year",
                 "the extension approved to " + format_date(*s.extended_until) +
                     " has passed and the election is not held",
                 "经批准延期至" + format_date(*s.extended_until) + ", 逾期仍未召开选举大会");
    }
    return items;
}

}  // namespace dangyuan
