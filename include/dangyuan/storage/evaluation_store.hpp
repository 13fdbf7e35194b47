#pragma once
/// \file
/// Store operations of the evaluation domain (free functions over `dangyuan::store`): democratic-evaluation
/// campaigns (民主评议党员) and the disposition of unqualified members (不合格党员组织处置).
///
/// **What is stored.** A campaign is stored as its records (`eval_records`, one row per record, one column
/// per field; lists in `eval_participants`, `eval_voters`, `eval_choices`) and read back by replay. Ballots
/// are stored as counts: per member appraised, the tally per grade and the evaluators who voted, never who
/// chose what unless the campaign's rule set keeps ballot identity
/// (`evaluation_params::keep_ballot_identity`). A member's dispositions are one file per member
/// (`disp_files`, `disp_records`, `disp_talkers`).
///
/// **Commands.** Each command loads the aggregate, checks the new record with the pure rules
/// (`check_campaign_record`, `check_disposition_record`) and the roster, and only then writes, in one
/// transaction with one audit row. A refused command writes nothing. One grade per member and year holds
/// across the whole store: the grades other campaigns of the year decided are passed as `elsewhere`, and a
/// unique index backs the rule against concurrent writers. A disposition that ends the membership (劝退,
/// 除名) writes the standing event (党籍) in the same transaction as the record that concludes it.
///
/// **Access** (core/access.hpp). Campaign commands need `run_evaluations` on the campaign's organisation,
/// disposition commands on the member's branch, and the approval of a disposition (`disposition_approved`,
/// 审批 by the higher party committee) `approve_as_higher_committee` above that branch. Reads of one
/// campaign or member need `read_roster` there; lists narrow their scope to the principal's subtree
/// (`decided_grades`: the grades its organisations decided). A refusal throws access_denied and writes
/// only its audit record.

#include <date/date.h>

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dangyuan/evaluation/ballot.hpp"
#include "dangyuan/evaluation/campaign.hpp"
#include "dangyuan/evaluation/disposition.hpp"
#include "dangyuan/evaluation/grade_decision.hpp"
#include "dangyuan/storage/store.hpp"

namespace dangyuan {

// ---- campaigns (民主评议党员)

/// Opens the campaign of organisation `org` for year `year`: its first record is `phase_started{study}` on
/// `study_begins`. The campaign remembers the rule set it was opened under (empty name: the store's own).
/// \pre `org` is a branch (党支部 or 联合党支部) existing on `study_begins`; the campaign does not begin
///      before 1 January of `year`.
/// \throws not_found for an unknown organisation or rule set; invalid_input ("org", "year") otherwise;
///         conflict when the organisation already has a campaign for that year; access_denied without
///         run_evaluations on `org`.
campaign_id open_campaign(store& s, org_id org, int year, date::sys_days study_begins,
                          std::string const& rule_set_name = {}, std::string_view why = {});

/// Checks `r` against the replayed campaign (check_campaign_record, with the grades the other campaigns
/// of the year decided as `elsewhere`) and the roster, then appends it. For `participants_added` each
/// participant must be a member of the store in normal standing on the record's date, with the status the
/// roster gives on that date, and belong to the campaign's organisation — or, for a mobile member
/// (流动党员) evaluated here, to the organisation named in `relationship_in`. For `result_received` the
/// grade must be the one the sending organisation's campaign decided, when that campaign is in the store.
/// Record ballots with `record_ballots`, which counts them; a `ballots_counted` record passed here is
/// stored as given.
/// \throws not_found for an unknown campaign; invalid_input naming the field; rule_violation naming the
///         rule (eval.*, vote.*); conflict when another writer changed the campaign meanwhile, or when the
///         member was graded for the year by a concurrent writer (eval.one_grade_per_year); access_denied
///         without run_evaluations on the campaign's organisation.
void record_campaign(store& s, campaign_id id, campaign_record const& r, std::string_view why = {});

/// Counts a sitting's ballots (count_ballots under the campaign's rule set) and appends one
/// `ballots_counted` per member appraised, all or nothing, in one transaction. Only the counts and the
/// set of evaluators are stored; evaluator choices only when the campaign's rule set keeps ballot identity.
/// \pre `ballots` is not empty.
/// \throws invalid_input ("ballots" when empty, or from the checks); rule_violation eval.ballot_in_appraisal,
///         eval.one_ballot_per_evaluator, eval.probationary_not_graded; not_found; conflict as
///         record_campaign; access_denied as record_campaign.
void record_ballots(store& s, campaign_id id, date::sys_days date, std::span<ballot const> ballots,
                    std::string_view why = {});

/// The campaign, replayed from its records (org_name taken from the organisation).
/// \throws not_found; access_denied without read_roster on its organisation.
[[nodiscard]] campaign get_campaign(store const& s, campaign_id id);

/// The campaign of `org` for `year`, if any. \throws access_denied without read_roster on `org`.
[[nodiscard]] std::optional<campaign_id> find_campaign(store const& s, org_id org, int year);

/// The members of branch `org` on `on` as campaign participants: admitted and in the branch on that date,
/// in normal standing (a suspended member, 停止党籍, takes no part), with their status on that date, in id
/// order.
/// \throws not_found for an unknown organisation; access_denied without read_roster on it.
[[nodiscard]] std::vector<participant> participants_from_roster(store const& s, org_id org,
                                                                date::sys_days on);

/// One line of `campaigns`.
struct campaign_summary {
    campaign_id id;
    org_id org;
    std::string org_name;
    int year = 0;
    std::string rule_set_name;
    std::optional<campaign_phase> phase;  ///< the current step
    date::sys_days began{};               ///< start of 学习教育
    std::optional<date::sys_days> closed_on;

    friend bool operator==(campaign_summary const&, campaign_summary const&) = default;
};

/// The campaigns of the organisations in scope (of one year when given), by year, then organisation id.
/// \throws not_found for an unknown scope root.
[[nodiscard]] std::vector<campaign_summary> campaigns(store const& s, scope sc = scope::all(),
                                                      std::optional<int> year = std::nullopt);

/// Every grade decided in the store for `year` (received results are copies and are not listed), by
/// member id: what eval.one_grade_per_year is checked against. For a principal over a subtree, the grades
/// its organisations decided.
[[nodiscard]] std::vector<final_grade> decided_grades(store const& s, int year);

/// The member's grade for `year`, decided anywhere in the store, if any.
/// \throws access_denied without read_roster on the member's branch.
[[nodiscard]] std::optional<final_grade> grade_of(store const& s, member_id m, int year);

// ---- statistics

/// The grade distribution of one campaign (one organisation and year), as the 优秀 share rule counts it.
struct grade_distribution {
    campaign_id campaign;
    org_id org;
    std::string org_name;
    int year = 0;
    /// Final grades of the members whose organisational relationship is here (decided here or received
    /// from a host organisation), indexed by `grade`.
    std::array<int, grade_count> counts{};
    /// The denominator of the 优秀 share (eval.excellent_share_cap): full members on the roll whose
    /// relationship is here, exempted members included, probationary members excluded.
    int denominator = 0;
    int excellent_cap = 0;       ///< the most 优秀 within the rule set's share for `denominator`
    double excellent_share = 0;  ///< counts[excellent] / denominator (0 when the denominator is 0)
    int probationary = 0;        ///< probationary participants: take part, not graded
    int exempted = 0;            ///< exempted participants (eval.exemption_reasons)
    int pending = 0;             ///< gradable members here without a grade yet
    int graded_for_others = 0;   ///< mobile members graded here for their home organisation
    std::optional<campaign_phase> phase;

    /// Members graded (relationship here).
    [[nodiscard]] int graded() const noexcept {
        int n = 0;
        for (int c : counts)
            n += c;
        return n;
    }
    [[nodiscard]] int operator[](grade g) const noexcept { return counts[static_cast<std::size_t>(g)]; }

    friend bool operator==(grade_distribution const&, grade_distribution const&) = default;
};

/// The grade distribution per campaign in scope (of one year when given), by year, then organisation.
/// \throws not_found for an unknown scope root.
[[nodiscard]] std::vector<grade_distribution> grade_distributions(store const& s, scope sc = scope::all(),
                                                                  std::optional<int> year = std::nullopt);

/// A member graded 基本合格 or 不合格 and what followed (eval.follow_up).
struct low_grade_follow_up {
    campaign_id campaign;
    org_id org;  ///< the organisation holding the relationship (whose campaign lists the grade)
    int year = 0;
    member_id member;
    std::string name;
    grade final = grade::basically_qualified;
    org_id graded_by;  ///< the deciding organisation (another one for a mobile member graded at the host)
    date::sys_days graded_on{};
    std::vector<follow_up_kind> follow_ups;  ///< recorded in 表彰和处理, in order
    bool followed_up = false;                ///< a follow-up that fits the grade was recorded
    /// For 不合格: the dispositions opened on the strength of this campaign (`disposition_opened::campaign`).
    std::vector<disposition_state> dispositions;

    friend bool operator==(low_grade_follow_up const&, low_grade_follow_up const&) = default;
};

/// Members of the organisations in scope graded 基本合格 or 不合格 (of one year when given), with their
/// follow-up, by year, organisation, member.
/// \throws not_found for an unknown scope root.
[[nodiscard]] std::vector<low_grade_follow_up> low_grade_follow_ups(store const& s, scope sc = scope::all(),
                                                                    std::optional<int> year = std::nullopt);

// ---- dispositions (不合格党员组织处置)

/// Opens the disposition of a matter for member `m` (creating the member's file under the named rule set
/// on the first one; empty name: the store's own). Checked besides check_disposition_record: the member is
/// in the store and has not left the party on the record's date (standing.final_exits); `r.status` is the
/// status the roster gives on that date; a referenced campaign exists and graded the member 不合格.
/// \throws not_found for an unknown member or rule set; invalid_input ("status", "campaign",
///         "rule_set"); rule_violation (disposition.*, standing.final_exits); access_denied without
///         run_evaluations on the member's branch.
void open_disposition(store& s, member_id m, disposition_opened const& r,
                      std::string const& rule_set_name = {}, std::string_view why = {});

/// Checks `r` against the member's replayed file (check_disposition_record) and appends it. A talk's
/// talkers must be members of the store with the status the roster gives on the talk's date. When the
/// record concludes a disposition that ends the membership — approval of a 除名, a withdrawal after 劝退 —
/// the standing event (`standing_event_of`: `removed`, `removed_self_withdrawal`, `persuaded_to_withdraw`)
/// is checked with check_standing_event first and written in the same transaction (atomic); the person is
/// then barred from re-admission for 5 years (open_case). A `disposition_opened` is passed to
/// `open_disposition`.
/// \throws not_found when the member has no disposition file; invalid_input; rule_violation
///         (disposition.*, vote.*, standing.*); conflict when another writer changed the file meanwhile;
///         access_denied without run_evaluations on the member's branch, or for `disposition_approved`
///         without approve_as_higher_committee above it.
void record_disposition(store& s, member_id m, disposition_record const& r, std::string_view why = {});

/// The member's disposition file, replayed (member_name from the roster).
/// \throws not_found when the member has none; access_denied without read_roster on the member's branch.
[[nodiscard]] disposition_file get_disposition_file(store const& s, member_id m);

/// One disposition with its deadline, for `disposition_overviews`.
struct disposition_overview {
    member_id member;
    std::string member_name;
    org_id org;
    disposition_state state;                 ///< as on the query date
    std::optional<date::sys_days> deadline;  ///< 限期改正: the end of the correction period
    std::string next_step;                   ///< what the branch does next, empty when nothing

    friend bool operator==(disposition_overview const&, disposition_overview const&) = default;
};

/// The dispositions of members of the organisations in scope as on `as_of` (records dated after it are
/// ignored), by member then opening order; only those still open (procedure under way, correction running,
/// answer to 劝退 outstanding) unless `open_only` is false.
/// \throws not_found for an unknown scope root.
[[nodiscard]] std::vector<disposition_overview> disposition_overviews(store const& s, date::sys_days as_of,
                                                                      scope sc = scope::all(),
                                                                      bool open_only = true);

}  // namespace dangyuan
