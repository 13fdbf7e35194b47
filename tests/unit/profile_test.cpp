// Local profiles (rules/profile.hpp): every parameter of rule_set is covered by the tightening check and
// the text form, and the table cannot fall behind the structs.

#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstddef>
#include <filesystem>
#include <set>
#include <utility>

#include "test_support.hpp"

namespace profile_test_cases {

using namespace dangyuan;
using test::violated_rule;

namespace {

// ---- number of fields of an aggregate: the largest N for which T{x1, ..., xN} compiles, x converting
// to any type. Each member is initialised by one x (a nested aggregate too: x converts to it whole).
struct any_field {
    template <class T>
    constexpr operator T() const noexcept {
        return T{};
    }
};
template <class T, std::size_t... I>
constexpr bool brace_initialisable(std::index_sequence<I...>) {
    return requires {
        T{(void(I), any_field{})...};
    };
}
template <class T, std::size_t N = 0>
constexpr std::size_t field_count() {
    if constexpr (!brace_initialisable<T>(std::make_index_sequence<N + 1>{}))
        return N;
    else
        return field_count<T, N + 1>();
}

struct three {
    int a = 0;
    std::string b;
    std::vector<int> c;
};
static_assert(field_count<three>() == 3);
static_assert(field_count<share_limit>() == 2);

constexpr std::size_t parameter_fields =
    field_count<rule_set>() - rule_set_presentation_fields.size() + field_count<development_params>() +
    field_count<mobility_params>() + field_count<evaluation_params>() + field_count<life_params>() +
    field_count<decision_params>() + field_count<community_params>() + field_count<honours_params>() +
    field_count<appraisal_params>() + field_count<rectification_params>() + field_count<coverage_params>();
// A new field of rule_set or of a parameter block needs a row in detail::rule_parameters (profile.hpp):
// its key in the text form and the direction in which it is stricter.
static_assert(parameter_fields == rule_parameter_count,
              "every field of rule_set and its blocks needs a row in the profile table");

rule_set national() {
    return rule_set::national_2014();
}

template <class F>
std::string weakening(F&& change) {
    return violated_rule([&] { (void)make_profile("local-test", change); });
}

// A profile that changes every parameter in the allowed direction (or to another value where the
// parameter is free): the text form must carry all of them.
rule_set every_parameter_changed() {
    auto r = national();
    r.name = "everything";
    r.branch_min_full_members = 4;
    r.branch_max_members_advisory = 40;
    r.term_expiry_notice_months = 4;
    r.party_age_excludes_suspension = true;
    auto& dv = r.development;
    dv.applicant_min_age = 19;
    dv.talk_within_months = 0;
    dv.activist_after_application_months = 3;
    dv.contacts_min = 2;
    dv.contacts_max = 2;
    dv.assessment_every_months = 3;
    dv.cultivation_min_months = 13;
    dv.training_min_days = 4;
    dv.training_min_hours = 30;
    dv.leaving_window_months = 4;
    dv.public_notice_working_days = 7;
    dv.public_notice_first_day_counts = false;
    dv.meeting_after_pre_review_months = 1;
    dv.approval_within_months = 2;
    dv.approval_extended_max_months = 5;
    dv.oath_after_approval_months = 1;
    dv.conversion_postpone_max_months = 5;
    dv.conversion_approval_months = 2;
    dv.notice_ahead_months = 2;
    auto& mb = r.mobility;
    mb.mobile_after_months = 5;
    mb.transfer_after_months = 5;
    mb.yearly_report_interval_months = 6;
    mb.mobility_notice_months = 2;
    mb.temporary_org_min_members = 2;
    mb.certificate_review_interval_months = 6;
    mb.certificate_review_notice_months = 2;
    mb.certificate_validity_months = 36;
    mb.certificate_number_prefix = "370102-";
    mb.certificate_number_digits = 8;
    mb.transfer_letter_validity_days = 30;
    mb.lost_contact_notice_months = 2;
    auto& ev = r.evaluation;
    ev.excellent_share_max = {1, 4};
    ev.excellent_cap_hard = true;
    ev.keep_ballot_identity = true;
    ev.exemption_absence_months = 9;
    ev.correction_months_default = 3;
    ev.correction_months_max = 9;
    ev.disposition_talkers_min = 3;
    ev.readmission_bar_years = 6;
    ev.correction_review_notice_months = 2;
    auto& lf = r.life;
    for (auto& row : lf.cadence)
        if (row.kind == meeting_kind::branch_general_meeting) row.period = cadence_period::month;
    lf.cadence.push_back({"life.party_lecture_local", meeting_kind::party_lecture, cadence_period::quarter, 1,
                          cadence_condition::none});
    lf.training[0].min_tenths = 400;
    lf.training.push_back({"training.member_32_hours", training_role::officer, 600, true, 2});
    lf.training_prorate_joiners = false;  // the national value is the stricter one
    lf.training_notice_month = 9;
    lf.farmer_monthly_fen = fen(50);
    lf.rounding = dues_rounding::up_jiao;
    lf.back_payment_max_months = 3;
    lf.back_payment = back_payment_policy::refuse;
    r.community.min_service_hours_yearly = 8;
    r.community.feedback_by_month = 11;
    r.community.notice_months = 2;
    r.honours.model_post_review_months = 6;
    r.appraisal.report_by_month = 1;
    r.appraisal.rectify_months = 2;
    r.appraisal.followup_days = 15;
    r.appraisal.min_satisfaction_percent = 60;
    r.appraisal.notice_months = 2;
    r.rectification.max_months = 6;
    r.rectification.contacts_days = 15;
    r.coverage.establish_months = 3;
    r.coverage.notice_months = 2;
    return r;
}

}  // namespace

TEST_CASE("党内法规制定条例 [S] rules.profile_cannot_weaken: the table counts every field of rule_set",
          "[rules][profile]") {
    CHECK(field_count<rule_set>() == 27);
    CHECK(parameter_fields == rule_parameter_count);
    // Every key is unique and names a rule of the catalogue.
    std::set<std::string_view> keys;
    for (auto const& p : detail::rule_parameters) {
        CHECK(keys.insert(p.key).second);
        INFO(p.key);
        CHECK_NOTHROW(find_rule(p.rule_id));
    }
    // Every key appears in the text form.
    auto const text = to_text(national());
    for (auto const& p : detail::rule_parameters)
        CHECK(text.find("\n" + std::string(p.key) + "=") != std::string::npos);
}

TEST_CASE(
    "党内法规制定条例 [S] rules.profile_cannot_weaken: text round trip of the national set and of a "
    "profile that changes every parameter",
    "[rules][profile]") {
    auto const nat = national();
    CHECK(rule_set_from_text(to_text(nat)) == nat);
    auto const all = every_parameter_changed();
    CHECK_NOTHROW(check_tightens(nat, all));
    auto const back = rule_set_from_text(to_text(all));
    CHECK(back == all);
    CHECK(to_text(back) == to_text(all));
    // Parameters that only the text form sets (national values that are free or fixed) round-trip too.
    auto odd = all;
    odd.committee_threshold_full_members = 9;
    odd.life.salary_brackets = {{fen(100), 10}};
    odd.life.retiree_brackets.clear();
    odd.life.cadence.clear();
    odd.life.training.clear();
    odd.mobility.certificate_validity_months.reset();
    odd.life.training_prorate_joiners = true;
    odd.life.farmer_min_fen = fen(1);
    odd.life.farmer_max_fen = fen(2);
    odd.life.minimum_monthly_fen = fen(3);
    odd.life.voluntary_centre_threshold_fen = fen(4);
    odd.mobility.lost_contact_suspend_months = 5;
    odd.mobility.suspended_removal_years = 3;
    odd.mobility.self_withdrawal_months = 4;
    odd.development.introducers = 3;
    odd.development.probation_months = 6;
    odd.development.extension_min_months = 1;
    odd.development.extension_max_months = 2;
    odd.term_years_branch = 4;
    odd.term_years_village_branch = 4;
    odd.term_years_committee_min = 2;
    odd.term_years_committee_max = 6;
    odd.committee_min_size = 2;
    odd.committee_max_size = 9;
    CHECK(rule_set_from_text(to_text(odd)) == odd);
    // The empty table and the absent limit are written, so that they are not read back as national.
    CHECK(to_text(odd).find("life.cadence=\n") != std::string::npos);
    CHECK(to_text(odd).find("mob.certificate_validity_months=\n") != std::string::npos);
}

TEST_CASE("党内法规制定条例 [S] rules.profile_cannot_weaken: weaker numbers, tables and switches are refused",
          "[rules][profile]") {
    std::string const rule = "rules.profile_cannot_weaken";
    // probation of 6 months (dev.probation_1_year is national and fixed)
    CHECK(weakening([](rule_set& r) { r.development.probation_months = 6; }) == rule);
    CHECK(weakening([](rule_set& r) { r.development.extension_max_months = 18; }) == rule);
    // a branch of 1 full member (org.branch_min_3_full)
    CHECK(weakening([](rule_set& r) { r.branch_min_full_members = 1; }) == rule);
    CHECK(weakening([](rule_set& r) { r.branch_max_members_advisory = 80; }) == rule);
    CHECK(weakening([](rule_set& r) { r.term_years_branch = 4; }) == rule);
    // a removed cadence row (life.committee_meeting_monthly)
    CHECK(weakening([](rule_set& r) {
              std::erase_if(r.life.cadence,
                            [](cadence_rule const& c) { return c.kind == meeting_kind::committee_meeting; });
          }) == rule);
    // a loosened cadence row: committee meetings every quarter, or three a quarter in place of monthly
    CHECK(weakening([](rule_set& r) {
              for (auto& c : r.life.cadence)
                  if (c.kind == meeting_kind::committee_meeting) c.period = cadence_period::quarter;
          }) == rule);
    CHECK(weakening([](rule_set& r) {
              for (auto& c : r.life.cadence)
                  if (c.kind == meeting_kind::committee_meeting)
                      c = {c.rule_id, c.kind, cadence_period::quarter, 3};
          }) == rule);
    // the secretary's lecture replaced by any lecture: looser condition
    CHECK(weakening([](rule_set& r) {
              for (auto& c : r.life.cadence)
                  if (c.kind == meeting_kind::party_lecture) c.condition = cadence_condition::none;
          }) == rule);
    // a lowered or removed training requirement (training.member_32_hours)
    CHECK(weakening([](rule_set& r) { r.life.training[0].min_tenths = 240; }) == rule);
    CHECK(weakening([](rule_set& r) { r.life.training[1].min_concentrated_sessions = 0; }) == rule);
    CHECK(weakening([](rule_set& r) { r.life.training[0].concentrated_only = false; }) == rule);
    CHECK(weakening([](rule_set& r) { r.life.training.pop_back(); }) == rule);
    // a loosened dues bracket (dues.salary_brackets are national)
    CHECK(weakening([](rule_set& r) { r.life.salary_brackets[0].rate_bp = 40; }) == rule);
    CHECK(weakening([](rule_set& r) { r.life.salary_brackets[1].upper_fen = fen(600000); }) == rule);
    CHECK(weakening([](rule_set& r) { r.life.retiree_brackets.pop_back(); }) == rule);
    // the farmers' amount outside the national range (dues.fixed_amounts)
    CHECK(weakening([](rule_set& r) { r.life.farmer_monthly_fen = fen(10); }) == rule);
    CHECK(weakening([](rule_set& r) { r.life.farmer_monthly_fen = fen(120); }) == rule);
    CHECK(weakening([](rule_set& r) { r.life.farmer_min_fen = fen(10); }) == rule);
    // older back-payments accepted, or the refusal switched back to a flag
    CHECK(weakening([](rule_set& r) { r.life.back_payment_max_months = 12; }) == rule);
    // a larger share of 优秀, a shorter bar, fewer months of 党章 第9条
    CHECK(weakening([](rule_set& r) { r.evaluation.excellent_share_max = {2, 5}; }) == rule);
    CHECK(weakening([](rule_set& r) { r.evaluation.readmission_bar_years = 4; }) == rule);
    CHECK(weakening([](rule_set& r) { r.mobility.self_withdrawal_months = 5; }) == rule);
    // against a profile with a certificate validity and refused back-payments: a longer validity, none,
    // or back-payments flagged again weaken it
    auto const strict = make_profile("strict", [](rule_set& r) {
        r.mobility.certificate_validity_months = 24;
        r.life.back_payment = back_payment_policy::refuse;
    });
    CHECK(violated_rule([&] {
              auto p = strict;
              p.mobility.certificate_validity_months = 36;
              check_tightens(strict, p);
          }) == rule);
    CHECK(violated_rule([&] {
              auto p = strict;
              p.mobility.certificate_validity_months.reset();
              check_tightens(strict, p);
          }) == rule);
    CHECK(violated_rule([&] {
              auto p = strict;
              p.life.back_payment = back_payment_policy::flag;
              check_tightens(strict, p);
          }) == rule);
    // The message names the parameter and its rule.
    try {
        (void)make_profile("short", [](rule_set& r) { r.development.probation_months = 6; });
        FAIL("a probation of 6 months was accepted");
    } catch (rule_violation const& e) {
        CHECK(std::string(e.what()).find("dev.probation_months") != std::string::npos);
        CHECK(std::string(e.what()).find("dev.probation_1_year") != std::string::npos);
    }
}

TEST_CASE("党内法规制定条例 [S] rules.profile_cannot_weaken: tighter values and added rows are accepted",
          "[rules][profile]") {
    CHECK(weakening([](rule_set& r) { r.development.applicant_min_age = 19; }).empty());
    CHECK(weakening([](rule_set& r) { r.branch_min_full_members = 5; }).empty());
    CHECK(weakening([](rule_set& r) {
              for (auto& c : r.life.cadence)
                  if (c.kind == meeting_kind::branch_general_meeting) c.period = cadence_period::month;
          }).empty());
    CHECK(weakening([](rule_set& r) {
              r.life.cadence.push_back({"life.party_lecture_local", meeting_kind::party_lecture,
                                        cadence_period::quarter, 1, cadence_condition::none});
          }).empty());
    CHECK(weakening([](rule_set& r) {
              for (auto& c : r.life.cadence)
                  if (c.kind == meeting_kind::organisation_life_meeting) c.min_count = 2;
          }).empty());
    CHECK(weakening([](rule_set& r) { r.life.training[0].min_tenths = 400; }).empty());
    CHECK(weakening([](rule_set& r) { r.life.farmer_monthly_fen = fen(100); }).empty());
    CHECK(weakening([](rule_set& r) { r.life.rounding = dues_rounding::truncate_jiao; }).empty());
    CHECK(weakening([](rule_set& r) { r.mobility.certificate_validity_months = 36; }).empty());
    CHECK(weakening([](rule_set& r) { r.mobility.certificate_number_prefix = "DY"; }).empty());
    CHECK(weakening([](rule_set& r) { r.evaluation.excellent_share_max = {3, 10}; }).empty());
    CHECK(weakening([](rule_set& r) { r.life.back_payment = back_payment_policy::refuse; }).empty());
}

TEST_CASE(
    "党内法规制定条例 [S] rules.profile_cannot_weaken: the text form refuses unknown keys and bad values",
    "[rules][profile]") {
    auto field = [](std::string_view text) {
        return test::invalid_field([&] { (void)rule_set_from_text(text); });
    };
    CHECK(field("name=x\nno.such=1\n") == "rule_set");
    CHECK(field("name=x\nrule_set::probation_months=6\n") == "rule_set");
    CHECK(field("name=x\nprobation_months=6\n") == "rule_set");
    CHECK(field("name=x\ndev.talk_within_months=one\n") == "rule_set");
    CHECK(field("name=x\ndev.talk_within_months=1\ndev.talk_within_months=1\n") == "rule_set");
    CHECK(field("name=x\neval.excellent_share_max=1/0\n") == "rule_set");
    CHECK(field("name=x\nlife.cadence=a,no_such_meeting,month,1,none\n") == "rule_set");
    CHECK(field("name=x\nlife.cadence=a,committee_meeting,month\n") == "rule_set");
    CHECK(field("name=x\nlife.dues_rounding=nearest\n") == "rule_set");
    CHECK(field("name=x\nlife.training_prorate_joiners=2\n") == "rule_set");
    CHECK(field("name=x\nlife.training_notice_month=-1\n") == "rule_set");
    // Table rows: the first line replaces the national table.
    auto const r = rule_set_from_text(
        "name=x\nlife.cadence=life.committee_meeting_monthly,committee_meeting,month,2,none\n");
    REQUIRE(r.life.cadence.size() == 1);
    CHECK(r.life.cadence[0].min_count == 2);
    CHECK(violated_rule([&] { check_tightens(national(), r); }) == "rules.profile_cannot_weaken");
}

TEST_CASE(
    "党内法规制定条例 [S] rules.profile_cannot_weaken: a profile stored with the keys of an earlier version "
    "still loads",
    "[rules][profile]") {
    // The text an earlier version wrote: top-level min_age_years, the share in two parts, the duplicated
    // readmission bar and unpaid streak.
    auto const old = rule_set_from_text(
        "name=old-local\nmin_age_years=20\nterm_expiry_notice_months=3\ndev.applicant_min_age=18\n"
        "dev.readmission_bar_years=7\neval.excellent_share_numerator=1\neval.excellent_share_denominator=4\n"
        "eval.readmission_bar_years=5\nlife.unpaid_streak_months=6\nmob.self_withdrawal_months=6\n"
        "dev.public_notice_first_day_counts=1\nparty_age_excludes_suspension=0\n");
    CHECK(old.name == "old-local");
    CHECK(old.development.applicant_min_age == 20);    // the stricter of the two merged values
    CHECK(old.evaluation.readmission_bar_years == 7);  // likewise
    CHECK(old.evaluation.excellent_share_max == share_limit{1, 4});
    CHECK(old.mobility.self_withdrawal_months == 6);
    CHECK_NOTHROW(check_tightens(national(), old));
    CHECK(rule_set_from_text(to_text(old)) == old);
}

TEST_CASE(
    "党内法规制定条例 [S] rules.profile_cannot_weaken: a store reads a profile it stored with the keys of an "
    "earlier version",
    "[rules][profile][store]") {
    auto const dir = test::temp_dir("profile-old-keys");
    auto const path = dir / "profiles.db";
    auto const local = local_profile_example();
    {
        auto s = open_store(path, {.actor = "tester"});
        s.register_rule_set(local);
    }
    {
        // What an earlier version wrote for the same profile: the national values under the old keys.
        SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
        SQLite::Statement up(db, "UPDATE rule_sets SET definition = ? WHERE name = ?");
        up.bind(1,
                "name=local-5wd\nmin_age_years=18\ndev.public_notice_working_days=5\n"
                "dev.meeting_after_pre_review_months=1\ndev.oath_after_approval_months=1\n"
                "dev.readmission_bar_years=5\neval.excellent_share_numerator=1\neval.excellent_share_"
                "denominator=3\n"
                "life.unpaid_streak_months=6\n");
        up.bind(2, local.name);
        CHECK(up.exec() == 1);
    }
    auto s = open_store(path, {.actor = "tester"});
    CHECK(s.rule_set_named("local-5wd") == local);
    CHECK_NOTHROW(s.register_rule_set(local));  // the same profile: not a conflict with the old text
    auto other = local;
    other.development.public_notice_working_days = 7;
    CHECK_THROWS_AS(s.register_rule_set(other), conflict);
    // A weaker profile is refused by the store before anything is written.
    auto weak = rule_set::national_2014();
    weak.name = "weak";
    weak.development.probation_months = 6;
    CHECK(violated_rule([&] { s.register_rule_set(weak); }) == "rules.profile_cannot_weaken");
    CHECK_THROWS_AS(s.rule_set_named("weak"), not_found);
    std::filesystem::remove_all(dir);
}

}  // namespace profile_test_cases
