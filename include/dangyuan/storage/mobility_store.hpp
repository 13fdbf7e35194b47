#pragma once
/// \file
/// Store operations of the mobility domain (流动党员管理): mobility episodes, the activity certificate
/// 《流动党员活动证》 and its numbering, transfer letters (党员组织关系介绍信) with the branch move on
/// receipt, contact logs of members out of contact (失联), the domain's agenda and its statistics.
///
/// Free functions over `dangyuan::store`. Every command loads the aggregate, validates it with the
/// pure rules of `dangyuan/mobility/*.hpp` and only then writes, in one transaction with one audit
/// row: a rejected command (invalid_input, rule_violation, not_found, conflict) writes nothing.
/// Aggregates are stored as their records and read back by replay. Rules use the store's rule set
/// (`store::rules()`).
///
/// **Access** (store_options::principal; access_denied naming the permission and the organisation, the
/// refusal recorded in the audit trail and nothing else written): a command on a member needs
/// manage_mobility on the member's branch (the episode's home branch); a read of one member's or
/// object's records needs read_roster on that branch; a list with a scope is narrowed to the
/// principal's subtree (refused when they do not overlap). The host organisation (一方隶属、多重管理) and
/// the receiving side of a transfer act across subtrees exactly as far as the functions below say.

#include <date/date.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dangyuan/agenda/agenda.hpp"
#include "dangyuan/core/ids.hpp"
#include "dangyuan/mobility/certificate.hpp"
#include "dangyuan/mobility/episode.hpp"
#include "dangyuan/mobility/lost_contact.hpp"
#include "dangyuan/mobility/transfer.hpp"
#include "dangyuan/storage/store.hpp"

namespace dangyuan {

struct transfer_letter_tag;
/// A transfer letter in the store (its serial is unique per issuing organisation only).
using transfer_letter_id = strong_id<transfer_letter_tag>;

// ---------------------------------------------------------------------------------------------------
// Mobility episodes (流动党员: one period away; home branch 流出地, host 流入地)

/// Opens an episode for `member` with its first record, the member leaving. The home branch is the
/// member's branch (`member::branch`); the member's name is copied onto the episode. When
/// `left.destination.host_org` is set it must be an organisation of the store (its name is filled in
/// when empty).
/// \pre the member is on the roster on `left.date`, not suspended or exited.
/// \returns the new episode's id.
/// \throws not_found for an unknown member or host organisation;
///         invalid_input{"member"} when the member is not a member in normal standing on that day, or
///         is still away in another episode (a member is away in one episode at a time);
///         invalid_input / rule_violation from check_episode_record (mobility.one_side_affiliation).
episode_id open_episode(store& s, member_id member, member_left const& left, std::string_view why = {});

/// Appends a record to an episode after check_episode_record; dues paid at the host are also checked
/// against the member's certificates in the store (record_with_certificates,
/// mobility.host_dues_with_certificate). A host organisation set on the record must be in the store
/// (its name is filled in when empty). Atomic; conflict when the episode changed since it was read.
/// \throws not_found for an unknown episode or host organisation; invalid_input / rule_violation from
///         check_episode_record (mobility.report_to_host, mobility.one_side_affiliation) and
///         check_host_dues.
/// \throws access_denied without manage_mobility on the home branch; `reported_to_host` (on the host
///         named), `host_activity` and `dues_paid_at_host` (on the host reported to) may instead be
///         recorded with manage_mobility on the host organisation.
void record_episode(store& s, episode_id id, episode_record const& r, std::string_view why = {});

/// The episode with all its records (home and host side), replayed from the store.
/// \throws not_found; access_denied without read_roster on the home branch or on a host named on it.
[[nodiscard]] mobility_episode get_episode(store const& s, episode_id id);

/// The member's episodes, oldest first (empty for an unknown member): all of them for a principal
/// holding the member's branch, else those hosted in its subtree.
/// \throws access_denied without read_roster on the member's branch when none is hosted there.
[[nodiscard]] std::vector<mobility_episode> member_episodes(store const& s, member_id member);

/// Which end of an episode a scoped query looks from.
enum class episode_side {
    home,  ///< 流出: the home branch is in scope
    host,  ///< 流入: some record names a host organisation in scope
};

/// Episodes seen from one side of a scope, oldest first, each with all its records: the home branch
/// sees what the host recorded, the host sees the episodes of members who reported to it. The scope is
/// narrowed to the principal's subtree: a host principal lists the episodes it hosts with `host`.
/// \throws not_found for an unknown scope root.
[[nodiscard]] std::vector<mobility_episode> episodes(store const& s, scope sc = scope::all(),
                                                     episode_side side = episode_side::home);

// ---------------------------------------------------------------------------------------------------
// The activity certificate 《流动党员活动证》

/// The store's certificate numbering (certificate.unique_number): prefix, digits and next sequence as
/// stored (initially the rule set's `certificate_number_prefix` / `certificate_number_digits`, from 1),
/// with every number of the store reserved, so that a number is never handed out twice in a store.
[[nodiscard]] certificate_numbering certificate_numbering_of(store const& s);

/// Sets the numbering scheme of the store: `prefix` (e.g. the county organisation department's code),
/// `digits` of the zero-padded sequence and the `next_sequence` to hand out (e.g. to continue a paper
/// register). Numbers already in the store are skipped when handed out.
/// \throws invalid_input{"digits"} outside 1..18, {"next_sequence"} below 1; access_denied without
///         manage_profiles over the whole store (certificate_numbering_of needs no permission).
void set_certificate_numbering(store& s, std::string prefix, int digits, std::int64_t next_sequence,
                               std::string_view why = {});

/// Issues a certificate to `member` under the next number of the store's numbering, and advances it.
/// Fields left empty are filled in: `member_name` from the member, `branch` with the member's branch,
/// `issuing_committee` with the nearest grassroots committee or working committee above the branch.
/// The certificate is checked against all the member's certificates in the store.
/// \returns the number.
/// \throws not_found for an unknown member or organisation;
///         invalid_input{"branch"} when not the member's branch, {"issuing_committee"} when not above
///         the branch (or none is found), {"member"} when the member is not in normal standing on the
///         issue date, {"sequence"} when the numbering is exhausted, and from check_issue;
///         rule_violation certificate.issuer_grassroots_committee, certificate.scope,
///         certificate.one_valid_per_member;
///         conflict when another writer took the number meanwhile.
certificate_no issue_certificate(store& s, member_id member, certificate_issue issue,
                                 std::string_view why = {});

/// Issues a certificate under a number assigned elsewhere (an imported register, a pre-printed form);
/// the numbering's sequence does not move. As the other overload, plus:
/// \throws invalid_input{"number"} when empty; rule_violation certificate.unique_number when the number
///         is already in the store.
certificate_no issue_certificate(store& s, member_id member, certificate_no const& number,
                                 certificate_issue issue, std::string_view why = {});

/// Records the loss of certificate `lost` on `lost_on` and issues its replacement under the next number
/// (certificate.lost_reissue), in one transaction. `replacement` defaults to the lost certificate's
/// register entry issued on `lost_on`; its `replaces` is set to `lost`.
/// \returns the new number.
/// \throws not_found for an unknown number; invalid_input{"issued"} when the replacement predates the
///         loss; as record_certificate for the loss and issue_certificate for the replacement.
certificate_no reissue_certificate(store& s, certificate_no const& lost, date::sys_days lost_on,
                                   std::string reason, std::optional<certificate_issue> replacement = {},
                                   std::string_view why = {});

/// Appends a record (presented, reviewed, returned, lost, revoked) to a certificate after
/// check_certificate_record. An organisation set on the record must be in the store (its name is
/// filled in when empty). The democratic evaluation of a review (`evaluation`) is stored as given.
/// Atomic; conflict when the certificate changed since it was read.
/// \throws not_found for an unknown number or organisation; invalid_input{"date"}, {"org"};
///         rule_violation certificate.closed_not_usable, certificate.validity,
///         mobility.one_side_affiliation, certificate.return_with_report;
///         access_denied without manage_mobility on the member's branch, or, for `presented` and a
///         `reviewed` by the host it was presented to, on the record's `org`.
void record_certificate(store& s, certificate_no const& number, certificate_record const& r,
                        std::string_view why = {});

/// The certificate with its records.
/// \throws not_found; access_denied without read_roster on the member's branch or on a host it was
///         presented to.
[[nodiscard]] activity_certificate get_certificate(store const& s, certificate_no const& number);

/// The member's certificates in issue order (empty for an unknown member): all of them for a principal
/// holding the member's branch, else those presented to a host in its subtree.
/// \throws access_denied without read_roster on the member's branch when none was presented there.
[[nodiscard]] std::vector<activity_certificate> member_certificates(store const& s, member_id member);

/// The certificates issued through the branches in scope, in issue order.
/// \throws not_found for an unknown scope root.
[[nodiscard]] std::vector<activity_certificate> certificates(store const& s, scope sc = scope::all());

// ---------------------------------------------------------------------------------------------------
// Transfer of the organisational relationship (组织关系转接)

/// Records a transfer letter issued on `draft.issued` after check_new_letter against every letter of
/// the issuer and of the member in the store. Fields left empty are filled in: `member_name` from the
/// member, `from_org` with the member's branch, `from_name` / `to_name` from the organisations.
/// `draft.records` must be empty. The member stays in the old branch until the receipt
/// (transfer.old_org_responsible).
/// \throws not_found for an unknown member or organisation;
///         invalid_input{"from_org"} when it is neither the member's branch nor above it, {"to_org"}
///         when it is the member's branch, {"member"} when not a member (or exited) on the issue date,
///         and from check_new_letter (`serial` used before by the issuer, …);
///         rule_violation transfer.one_open_letter;
///         access_denied without manage_mobility on the member's branch (and on `from_org` when set).
transfer_letter_id issue_transfer_letter(store& s, transfer_letter draft, std::string_view why = {});

/// Records the receipt (回执) of a letter and moves the member, as one atomic command: the member's
/// `branch` becomes `new_branch` (default: the letter's `to_org`, which must then be a branch) and
/// `joined_branch` the receipt date; the move is kept as a dated branch_move; an episode of the member
/// open on that day is closed with a `transferred` record.
/// \pre `new_branch` is a branch at or below the letter's `to_org`,
///      existing on the receipt date.
/// \throws not_found for an unknown letter or branch; invalid_input{"new_branch"} for a branch outside
/// `to_org` or not existing on the date, {"member"} when the
///         member is no longer below the issuer or has left the party, {"date"} before the member joined
///         the current branch, and from check_transfer_record / validate_member / check_episode_record;
///         rule_violation transfer.letter_validity, transfer.receipt_between_grassroots;
///         conflict when the letter or the member changed since they were read;
///         access_denied without manage_mobility on `to_org` (and `new_branch`): the receiving side,
///         not the sender.
void receive_transfer(store& s, transfer_letter_id id, letter_received const& receipt,
                      std::optional<org_id> new_branch = {}, std::string_view why = {});

/// Revokes a letter on `on` (transfer.revoke_before_receipt). Atomic.
/// \throws not_found; invalid_input{"date"}, {"kind"} (already revoked); rule_violation
///         transfer.revoke_before_receipt; access_denied without manage_mobility on the member's
///         branch (the sending side).
void revoke_transfer(store& s, transfer_letter_id id, date::sys_days on, std::string reason,
                     std::string_view why = {});

/// The letter with its records. \throws not_found; access_denied without read_roster on either side
/// (`from_org`, `to_org` or the member's branch).
[[nodiscard]] transfer_letter get_transfer_letter(store const& s, transfer_letter_id id);

/// The id of the letter `serial` of issuer `from`, if any. Access as get_transfer_letter.
[[nodiscard]] std::optional<transfer_letter_id> find_transfer_letter(store const& s, org_id from,
                                                                     std::string const& serial);

/// The member's letters in issue order (empty for an unknown member): all of them for a principal
/// holding the member's branch, else those addressed into its subtree.
[[nodiscard]] std::vector<transfer_letter> member_transfer_letters(store const& s, member_id member);

/// A dated move of a member between branches, written when a transfer is received.
struct branch_move {
    member_id member;
    date::sys_days date{};  ///< the receipt date, the new `joined_branch`
    org_id from_branch;
    org_id to_branch;
    date::sys_days previous_joined_branch{};  ///< `joined_branch` before the move
    std::optional<transfer_letter_id> letter;

    friend bool operator==(branch_move const&, branch_move const&) = default;
};

/// The member's branch moves, oldest first.
[[nodiscard]] std::vector<branch_move> branch_moves(store const& s, member_id member);

/// The branch responsible for the member on `d` (transfer.old_org_responsible): the branch the member
/// was in on `d` according to the recorded moves — the old branch until the receipt, the new one from
/// the receipt date.
/// \throws not_found for an unknown member.
[[nodiscard]] org_id responsible_branch_on(store const& s, member_id member, date::sys_days d);

// ---------------------------------------------------------------------------------------------------
// Lost contact (失联)

/// Opens the contact log of `member`, whose last known contact was on `known_contact`; the branch
/// searching is the member's branch.
/// \throws not_found for an unknown member; invalid_input{"known_contact"} before admission;
///         conflict when the member already has a contact log.
void open_contact_log(store& s, member_id member, date::sys_days known_contact, std::string_view why = {});

/// Appends a contact attempt (reached or failed) after check_contact_record. Atomic.
/// \throws not_found when the member has no contact log; invalid_input{"date"}.
void record_contact(store& s, member_id member, contact_record const& r, std::string_view why = {});

/// The member's contact log, if one was opened.
[[nodiscard]] std::optional<contact_log> find_contact_log(store const& s, member_id member);

/// The contact logs of the branches in scope, by member id.
/// \throws not_found for an unknown scope root.
[[nodiscard]] std::vector<contact_log> contact_logs(store const& s, scope sc = scope::all());

/// Suspends the member's standing (停止党籍) on `on` for lost contact, as decided by `decided_by`: the
/// guard require_suspension_grounds (lostcontact.suspend_after_6_months) and check_standing_event run
/// first; the standing event and the members' snapshot are written in one transaction, as
/// `store::record_standing` does.
/// \throws not_found for an unknown member or a member without a contact log; invalid_input{"date"};
///         rule_violation lostcontact.suspend_after_6_months, standing.*;
///         access_denied without manage_mobility and write_roster on the member's branch.
void suspend_for_lost_contact(store& s, member_id member, date::sys_days on, std::string decided_by,
                              std::string_view why = {});

/// Removes the member as self-withdrawal (按自行脱党除名) on `on` after 2 years of suspension still out
/// of contact: require_removal_grounds (lostcontact.removal_after_2_years), then as
/// suspend_for_lost_contact.
/// \throws as suspend_for_lost_contact, with rule_violation lostcontact.removal_after_2_years;
///         access_denied also without approve_as_higher_committee above the member's branch (党章 第9条:
///         the higher organisation approves the removal).
void remove_for_lost_contact(store& s, member_id member, date::sys_days on, std::string decided_by,
                             std::string_view why = {});

/// Org-life and dues dates of one member, supplied by the caller (e.g. from the organisational-life
/// and dues records).
struct self_withdrawal_input {
    member_id member;
    self_withdrawal_inputs inputs;

    friend bool operator==(self_withdrawal_input const&, self_withdrawal_input const&) = default;
};

/// Self-withdrawal candidates (lostcontact.self_withdrawal_6_months, 党章 第9条) of the members of the
/// branches in scope on `as_of`, from self_withdrawal_agenda with the store's standing history:
/// - for each member in `supplied`, its inputs, where the episode's host records (org life attended and
///   dues paid at the host) are later than the supplied dates, the later dates;
/// - for a member away on `as_of` who reported to a host and presented a certificate valid there — so
///   that org life and dues happen at the host (mobility.host_dues_with_certificate) — and is not in
///   `supplied`: the host records, counted from the report.
/// Other members yield nothing: the store does not hold their org life or dues.
/// \throws not_found for an unknown scope root or supplied member.
[[nodiscard]] std::vector<agenda_item> self_withdrawal_candidates(
    store const& s, date::sys_days as_of, scope sc = scope::all(),
    std::span<self_withdrawal_input const> supplied = {});

// ---------------------------------------------------------------------------------------------------
// Agenda and statistics

/// The mobility part of `store::agenda` for the organisations in scope: for every member with an
/// episode, certificate, letter or contact log, `mobility_agenda` (episodes, certificates, letters,
/// lost contact) on the store's standing history, plus self_withdrawal_candidates without supplied
/// inputs; items of organisations outside the scope are dropped. Sorted by due date, then kind.
/// \throws not_found for an unknown scope root.
[[nodiscard]] std::vector<agenda_item> mobility_agenda(store const& s, date::sys_days as_of,
                                                       scope sc = scope::all());

/// A count of members away on a date under one key.
struct mobility_count {
    std::string key;            ///< the place, the reason code, or the organisation's name
    std::optional<org_id> org;  ///< the organisation, for home and host keys
    int away = 0;               ///< members away on the date
    int mobile = 0;             ///< of which mobile members (mobility.mobile_member_6_months)

    friend bool operator==(mobility_count const&, mobility_count const&) = default;
};

/// Members away on a date, seen from both ends.
struct mobility_statistics {
    date::sys_days as_of{};
    // Outflow (流出): episodes open on `as_of` whose home branch is in scope.
    int away = 0;                                ///< members away
    int mobile = 0;                              ///< of which away for `mobile_after_months` or more
    int registered = 0;                          ///< of which registered as mobile members
    int reported_to_host = 0;                    ///< of which reported to a host at the current place
    std::vector<mobility_count> by_destination;  ///< by place, most first
    std::vector<mobility_count> by_reason;       ///< by reason code (mobility_reason), most first
    std::vector<mobility_count> by_home_branch;  ///< by home branch, most first
    // Inflow (流入): episodes open on `as_of` whose current host (reported to) is in scope.
    int hosted = 0;                       ///< members hosted
    std::vector<mobility_count> by_host;  ///< by host organisation, most first

    friend bool operator==(mobility_statistics const&, mobility_statistics const&) = default;
};

/// Mobile-member statistics of a scope on `as_of`. Rows with equal counts are ordered by key.
/// \throws not_found for an unknown scope root.
[[nodiscard]] mobility_statistics mobility_statistics_on(store const& s, date::sys_days as_of,
                                                         scope sc = scope::all());

/// A count of certificates in one state.
struct certificate_count {
    certificate_state state = certificate_state::issued;
    int count = 0;

    friend bool operator==(certificate_count const&, certificate_count const&) = default;
};

/// Certificates of the branches in scope on a date.
struct certificate_statistics {
    date::sys_days as_of{};
    std::vector<certificate_count> by_state;  ///< one row per certificate_state, in enum order
    int valid = 0;                            ///< usable on `as_of` (is_valid_on)
    int expired = 0;                          ///< open but past their expiry date (certificate.validity)
    int review_overdue = 0;  ///< valid, with the annual review past due (certificate.annual_review)

    friend bool operator==(certificate_statistics const&, certificate_statistics const&) = default;
};

/// Certificates by state on `as_of` (certificates issued after `as_of` are not counted).
/// \throws not_found for an unknown scope root.
[[nodiscard]] certificate_statistics certificate_statistics_on(store const& s, date::sys_days as_of,
                                                               scope sc = scope::all());

/// A transfer letter neither received nor revoked on a date.
struct transfer_in_flight {
    transfer_letter_id id;
    std::string serial;
    member_id member;
    std::string member_name;
    org_id from_org;  ///< responsible until the receipt (transfer.old_org_responsible)
    std::string from_name;
    org_id to_org;
    std::string to_name;
    date::sys_days issued{};
    date::sys_days expires{};                       ///< the last valid day (transfer.letter_validity)
    transfer_state state = transfer_state::issued;  ///< `issued` (awaiting) or `expired`
    int days_outstanding = 0;                       ///< days from the issue to `as_of`

    friend bool operator==(transfer_in_flight const&, transfer_in_flight const&) = default;
};

/// Letters issued on or before `as_of`, neither received nor revoked by then, whose issuer or receiver
/// is in scope (narrowed to the principal's subtree), oldest first.
/// \throws not_found for an unknown scope root.
[[nodiscard]] std::vector<transfer_in_flight> transfers_in_flight(store const& s, date::sys_days as_of,
                                                                  scope sc = scope::all());

}  // namespace dangyuan
