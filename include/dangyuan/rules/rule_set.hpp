#pragma once
/// \file
/// Rule sets: every number the rules use, as versioned data.
///
/// `rule_set::national_2014()` is the confirmed national baseline. Local profiles may tighten or add
/// rules; they never weaken a national one. Aggregates remember the rule set they were opened under.

#include <string>

#include "dangyuan/rules/params_appraisal.hpp"
#include "dangyuan/rules/params_community.hpp"
#include "dangyuan/rules/params_coverage.hpp"
#include "dangyuan/rules/params_decision.hpp"
#include "dangyuan/rules/params_development.hpp"
#include "dangyuan/rules/params_evaluation.hpp"
#include "dangyuan/rules/params_honours.hpp"
#include "dangyuan/rules/params_life.hpp"
#include "dangyuan/rules/params_mobility.hpp"
#include "dangyuan/rules/params_rectification.hpp"

namespace dangyuan {

/// The numeric parameters and switches of the rules. Units are in each field's name or comment.
/// Every field is a row of the profile table (rules/profile.hpp) except `name` and the parameter blocks,
/// whose fields are rows themselves; a test counts the fields against the table.
struct rule_set {
    /// Name of the set, e.g. "national-2014"; stored with each aggregate opened under it.
    std::string name = "national-2014";

    // --- organisations (支部工作条例 2018)
    int branch_min_full_members = 3;           ///< org.branch_min_3_full
    int branch_max_members_advisory = 50;      ///< org.branch_max_50
    int committee_threshold_full_members = 7;  ///< org.committee_threshold_7
    int committee_min_size = 3;                ///< org.committee_size
    int committee_max_size = 7;                ///< org.committee_size ("3-5, generally no more than 7")
    int term_years_branch = 3;                 ///< org.term_length, ordinary branches
    int term_years_village_branch = 5;         ///< org.term_length, village and community branches
    int term_years_committee_min = 3;          ///< org.term_length, 党章 第31条
    int term_years_committee_max = 5;          ///< org.term_length, 党章 第31条
    int term_expiry_notice_months = 3;         ///< org.term_expiry_notice [L]
    /// org.term_default_by_kind: term of a grassroots committee (基层党委) that states none, in years
    /// (机关条例 第6条: 5; 党章 第31条 allows 3-5).
    int term_years_grassroots_committee = 5;
    /// org.term_default_by_kind: term of a general branch (党总支) that is not a village or community
    /// one, in years (机关条例 第6条: 3).
    int term_years_general_branch = 3;
    /// org.general_branch_50: an organisation with at least this many members (正式和预备党员) should
    /// be a general branch (党总支) rather than a branch.
    int general_branch_threshold_members = 50;
    /// org.grassroots_committee_100: an organisation with at least this many members should be a
    /// grassroots committee (基层党委).
    int grassroots_committee_threshold_members = 100;
    /// org.joint_branch_max_5_units: a joint branch (联合党支部) generally covers at most this many units.
    int joint_branch_max_units = 5;

    // --- members and standing
    // The minimum age (member.min_age_18) and the probation with its extension (member.probation_1_year)
    // are one rule with the development pipeline's: `development.applicant_min_age`,
    // `development.probation_months`, `development.extension_min_months` / `extension_max_months`.
    /// standing.party_age_suspension: when false (default) party age runs on through a suspended
    /// period once the member is restored; a profile may set it to exclude such periods.
    bool party_age_excludes_suspension = false;

    // --- domains: each keeps its numbers in its own parameter block
    development_params development;  ///< the development pipeline (发展党员)
    mobility_params mobility;        ///< mobile members, certificates, transfers, lost contact
    evaluation_params evaluation;    ///< democratic evaluation and disposition
    life_params life;                ///< organisational life, training hours, dues
    decision_params decision;        ///< village decisions by 四议两公开
    community_params community;      ///< in-service members in the community (在职党员进社区)
    honours_params honours;          ///< model posts and commendations (党员示范岗, 两优一先)
    appraisal_params appraisal;  ///< party-building appraisal and accountability (述职评议考核, 问责)
    rectification_params rectification;  ///< rectification of weak organisations (软弱涣散党组织整顿)
    coverage_params coverage;  ///< coverage of units by party organisations (两新组织党建覆盖)

    friend bool operator==(rule_set const&, rule_set const&) = default;

    /// The confirmed national baseline (2014 development rules, 2018 branch rules, 2019 education and
    /// management rules).
    [[nodiscard]] static rule_set national_2014() { return rule_set{}; }
};

}  // namespace dangyuan
