#pragma once
/// \file
/// The sample district: a deterministic, realistic store for demonstrations, tests and benchmarks.
///
/// Same seed, size and date ⇒ the same organisations, members, leaderships and standing events, in the
/// same order, on any platform (the generator uses its own random-number algorithms, never the
/// implementation-defined distributions of <random>).

#include <date/date.h>

#include <cstdint>
#include <functional>
#include <string_view>

#include "dangyuan/storage/store.hpp"

namespace dangyuan::sample {

/// Which parts of the district to generate.
enum class domain_set {
    roster,  ///< organisations, members, leaderships and standing events (what the benchmarks load)
    all,     ///< the roster, then the domains: development cases, mobile members, evaluation campaigns,
             ///< organisational life, training hours and dues (`dangyuan sample` by default)
};

/// What to generate.
struct options {
    std::uint64_t seed = 1;       ///< the random seed
    std::int64_t members = 3000;  ///< approximate number of members (the result is within a few)
    date::sys_days as_of = date::sys_days{date::year{2026} / 11 / 26};  ///< the reference date
    std::size_t chunk = 20000;  ///< members per `store::add_members` call
    /// Called with (phase, done, total) while working; phases are "organisations", "members",
    /// "leaderships", "standing", and with the domains "development", "mobility", "evaluation",
    /// "meetings", "training", "dues", "elections", "decisions", "community", "model posts".
    std::function<void(std::string_view, std::int64_t, std::int64_t)> progress;
    /// The roster alone (the default), or the domains as well (the benchmarks and `dangyuan sample`). The
    /// roster part is the same either way (the domains draw from a random stream of their own), but for
    /// the organisations whose election the domains complete: their leadership and term start change.
    domain_set domains = domain_set::roster;
};

/// What was generated.
struct summary {
    std::int64_t organisations = 0;
    std::int64_t branches = 0;        ///< 党支部 and 联合党支部
    std::int64_t joint_branches = 0;  ///< 联合党支部
    std::int64_t members = 0;
    std::int64_t probationary = 0;  ///< 预备党员 on the reference date
    std::int64_t backfilled = 0;    ///< 补录 records (admitted before 1990)
    std::int64_t leaderships = 0;
    std::int64_t suspended = 0;  ///< standing suspended (停止党籍) and not restored
    std::int64_t exited = 0;     ///< died, removed or cancelled
    // With the domains:
    std::int64_t model_branches = 0;           ///< branches that keep their org life, training and dues here
    std::int64_t cases = 0;                    ///< development cases (发展党员)
    std::int64_t cases_admitted = 0;           ///< of which admitted (added to the roster)
    std::int64_t episodes = 0;                 ///< mobility episodes (外出)
    std::int64_t certificates = 0;             ///< activity certificates (流动党员活动证)
    std::int64_t transfer_letters = 0;         ///< transfer letters (组织关系介绍信)
    std::int64_t contact_logs = 0;             ///< members out of contact (失联) with a contact log
    std::int64_t campaigns = 0;                ///< democratic-evaluation campaigns (民主评议)
    std::int64_t grades = 0;                   ///< grades decided in them
    std::int64_t meetings = 0;                 ///< meetings of organisational life
    std::int64_t training_lines = 0;           ///< training ledger lines (学时)
    std::int64_t dues_accounts = 0;            ///< dues accounts (党费)
    std::int64_t dues_payments = 0;            ///< dues payments
    std::int64_t elections = 0;                ///< elections (换届选举) opened
    std::int64_t elections_completed = 0;      ///< of which completed (the secretary approved)
    std::int64_t decisions = 0;                ///< village decisions (四议两公开) opened
    std::int64_t decisions_completed = 0;      ///< of which closed with the result made public
    std::int64_t community_registrations = 0;  ///< in-service members registered with a community (报到)
    std::int64_t community_services = 0;       ///< their service records
    std::int64_t community_feedback = 0;       ///< communities' yearly feedback given
    std::int64_t model_posts = 0;              ///< model posts designated (党员示范岗)
    std::int64_t commendations = 0;            ///< commendations (两优一先) of members and organisations
    std::int64_t appraisal_cycles = 0;         ///< party-building appraisal cycles (述职评议考核)
    std::int64_t appraisal_reports = 0;        ///< secretaries' reports (述职) in them
    std::int64_t rectifications = 0;           ///< organisations designated for rectification (整顿)
    std::int64_t units = 0;                    ///< units in the coverage register (两新组织)
};

/// Fills an empty store with a district: one committee (中共历下区委) for up to 60 000 members, or a
/// city committee (中共济南市委) over several districts beyond; under each district, streets (街道党工委)
/// with community and village branches, the organs (区直机关工委), schools, hospitals, enterprises and
/// social organisations, joint branches (联合党支部) of small units; branches of mostly 10-50 members,
/// some under 7. Members have plausible names, valid ID numbers of the prefecture consistent with their
/// birth dates and sexes, admission and full-member dates that satisfy the probation rules, and posts,
/// education and categories that fit their units. Committees have leaderships that satisfy the
/// committee rules on their term start; some terms expire near `as_of`; a few members are suspended or
/// have left. Members are written in chunks through `store::add_members`.
///
/// With `domain_set::all`, then, a bounded amount of domain data (it does not grow with the district
/// beyond the caps below, so a million members stay fast): a few "model branches" (5 % of the branches
/// with a committee, 2 to 20) keep their development cases at every stage (some with an overdue
/// approval), their democratic evaluation of the previous year, and their meetings, training hours and
/// dues of the current year up to `as_of`; elsewhere, mobile members with episodes and certificates
/// (one annual review overdue), transfer letters and a member out of contact; and, outside the model
/// branches, a few elections (换届选举) at several stages (2 to 8 completed, whose leadership and term start
/// then come from the election; one awaiting the secretary's approval, one with its candidates approved,
/// one overdue, one request unanswered) and a few village decisions (四议两公开; of community branches
/// when the district has no villages), one complete, one whose resolution is not yet public. Then the
/// organisation work: up to 40 in-service members registered with community branches (在职党员进社区)
/// with their service of this and the previous year and, for most, the previous year's feedback (one
/// registration ended, the first one's feedback not given); up to 12 model posts (党员示范岗) designated
/// by the members' branches, one unreviewed for over a year; and commendations (两优一先) of up to 10
/// members the previous year's evaluation commended (表扬), each citing its campaign, with their branches
/// as 先进基层党组织; the previous year's party-building appraisal (述职评议考核) of the top committee and
/// the organisations below it, one rated 差 with a rectification (限期整改) still open; three community
/// branches designated for rectification (软弱涣散, 后进社区: one removed, one with a milestone overdue, one
/// past the time limit with two contacts only); and the units of a few enterprise and social-organisation
/// branches in the coverage register (两新组织), covered by their branch or joint branch, one by an
/// instructor only, with their members linked.
/// \throws invalid_input{"store"} when the store already holds organisations or members;
///         invalid_input{"members"} for fewer than 50 members; whatever the store throws.
summary generate(store& s, options const& o);

}  // namespace dangyuan::sample
