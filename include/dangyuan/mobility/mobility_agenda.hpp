#pragma once
/// \file
/// Everything the mobility rules know about one member, and the agenda it yields in one call.
///
/// `member_mobility` gathers a member's episodes, certificates, transfer letters and contact log (the
/// aggregates of the other mobility headers) so that a caller — the store, a report, a test — asks once
/// for the member's agenda. It adds the findings that need two aggregates at once: a certificate still
/// out after the member came back (certificate.return_with_report), and several valid certificates
/// (certificate.one_valid_per_member) in imported data that bypassed `check_issue`.

#include <date/date.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "dangyuan/agenda/agenda.hpp"
#include "dangyuan/member/standing.hpp"
#include "dangyuan/mobility/certificate.hpp"
#include "dangyuan/mobility/episode.hpp"
#include "dangyuan/mobility/lost_contact.hpp"
#include "dangyuan/mobility/transfer.hpp"
#include "dangyuan/rules/rule_set.hpp"

namespace dangyuan {

/// The mobility aggregates of one member.
struct member_mobility {
    member_id member;
    std::string member_name;
    org_id branch;  ///< the branch holding the relationship
    std::vector<mobility_episode> episodes;
    std::vector<activity_certificate> certificates;
    std::vector<transfer_letter> letters;
    std::optional<contact_log> contacts;
    std::vector<standing_event> standing;  ///< the member's standing history (member/standing.hpp)

    friend bool operator==(member_mobility const&, member_mobility const&) = default;
};

/// Agenda of one member on `as_of`, sorted by due date: episode_agenda, certificate_agenda,
/// transfer_agenda and lost_contact_agenda of every aggregate, plus:
/// - `certificate.not_handed_back` (certificate.return_with_report, finding): a certificate still open
///   after the last episode it covered was closed by a return;
/// - `certificate.several_valid` (certificate.one_valid_per_member, finding): more than one certificate
///   valid on `as_of`.
/// Nothing for a member who left the party on or before `as_of`.
[[nodiscard]] inline std::vector<agenda_item> mobility_agenda(member_mobility const& mm, date::sys_days as_of,
                                                              rule_set const& rules) {
    std::vector<agenda_item> items;
    if (exited_on(mm.standing, as_of)) return items;
    auto append = [&](std::vector<agenda_item> more) {
        items.insert(items.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    };
    for (auto const& ep : mm.episodes)
        append(episode_agenda(ep, as_of, rules));
    for (auto const& c : mm.certificates)
        append(certificate_agenda(c, as_of, rules));
    for (auto const& l : mm.letters)
        append(transfer_agenda(l, as_of, rules));
    if (mm.contacts) append(lost_contact_agenda(*mm.contacts, mm.standing, as_of, rules));

    // A member back home with the certificate still out: among the episodes still running at the issue
    // or begun after it, none is open and the last closed with a return.
    for (auto const& c : mm.certificates) {
        auto const st = state_on(c, as_of);
        if (!st || !is_open(st->state)) continue;
        std::optional<date::sys_days> back;
        bool away = false;
        for (auto const& ep : mm.episodes) {
            auto const es = state_on(ep, as_of);
            if (!es || es->closed_on.value_or(as_of) < c.issue.issued) continue;  // ended before the issue
            if (es->phase == episode_phase::away)
                away = true;
            else if (es->closed_by == episode_record_kind::returned)
                back = std::max(back.value_or(*es->closed_on), *es->closed_on);
        }
        if (back && !away)
            items.push_back(agenda_item{
                "certificate.not_handed_back", c.issue.branch, c.member, c.issue.member_name, *back,
                agenda_status::finding, "certificate.return_with_report",
                "back since " + format_date(*back) + " but activity certificate " + c.number.value +
                    " was not handed back for inspection",
                std::nullopt,
                format_date(*back) + "已返回, 但《流动党员活动证》" + c.number.value + "未交回查验"});
    }
    auto const valid = valid_certificates_on(mm.certificates, as_of, rules);
    if (valid.size() > 1) {
        std::string numbers;
        for (auto const* c : valid)
            numbers += (numbers.empty() ? "" : ", ") + c->number.value;
        items.push_back(agenda_item{"certificate.several_valid", mm.branch, mm.member, mm.member_name, as_of,
                                    agenda_status::finding, "certificate.one_valid_per_member",
                                    std::to_string(valid.size()) + " valid activity certificates (" +
                                        numbers + "): keep one, revoke the others",
                                    std::nullopt,
                                    "同时持有" + std::to_string(valid.size()) + "本有效《流动党员活动证》(" +
                                        numbers + "): 保留一本, 收回其余"});
    }
    std::stable_sort(items.begin(), items.end(),
                     [](agenda_item const& a, agenda_item const& b) { return a.due < b.due; });
    return items;
}

}  // namespace dangyuan
