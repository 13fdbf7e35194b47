"""Rule sets (bind_rule_set.cpp)."""

import copy

import pytest

import dangyuan as dy


def test_the_national_baseline_holds_the_confirmed_numbers():
    r = dy.RuleSet.national_2014()
    assert r == dy.RuleSet()
    assert r.name == "national-2014"
    assert (r.branch_min_full_members, r.committee_threshold_full_members) == (3, 7)
    assert (r.development.applicant_min_age, r.development.probation_months) == (18, 12)
    # one parameter per rule: the minimum age and the probation live in the development block only
    for gone in ("min_age_years", "probation_months", "probation_extension_min_months"):
        assert not hasattr(r, gone)
    assert not hasattr(r.life, "unpaid_streak_months")
    assert not hasattr(r.development, "readmission_bar_years")
    assert (r.mobility.self_withdrawal_months, r.evaluation.readmission_bar_years) == (6, 5)
    assert not r.party_age_excludes_suspension
    assert repr(r) == "RuleSet(name='national-2014')"


def test_a_profile_changes_fields_by_keyword_or_assignment():
    local = dy.RuleSet(name="local", term_expiry_notice_months=6)
    assert local != dy.RuleSet.national_2014()
    assert repr(local) == "RuleSet(name='local', term_expiry_notice_months=6)"
    local.party_age_excludes_suspension = True
    assert local.party_age_excludes_suspension
    with pytest.raises(AttributeError):
        dy.RuleSet(no_such_field=1)
    with pytest.raises(TypeError):
        local.branch_min_full_members = "3"


def test_domain_parameter_blocks_are_part_of_the_rule_set():
    r = dy.RuleSet()
    for block, cls in (("development", dy.DevelopmentParams), ("mobility", dy.MobilityParams),
                       ("evaluation", dy.EvaluationParams), ("life", dy.LifeParams),
                       ("decision", dy.DecisionParams), ("community", dy.CommunityParams),
                       ("honours", dy.HonoursParams), ("appraisal", dy.AppraisalParams),
                       ("rectification", dy.RectificationParams), ("coverage", dy.CoverageParams)):
        assert isinstance(getattr(r, block), cls)
        assert getattr(r, block) == cls()


def test_copies_are_independent():
    r = dy.RuleSet()
    c = copy.deepcopy(r)
    c.development.applicant_min_age = 20
    assert r.development.applicant_min_age == 18


def test_a_store_keeps_the_rule_set_it_was_opened_with():
    local = dy.RuleSet(name="local", term_expiry_notice_months=6)
    with dy.open_store(":memory:", rules=local) as s:
        assert s.rules == local
        s.rules.development.applicant_min_age = 30  # a copy: the store's rules do not change
        assert s.rules.development.applicant_min_age == 18


def test_rules_profile_cannot_weaken_every_parameter_in_the_text_form():
    # rules.profile_cannot_weaken: the text form covers tables, shares and enumerations too.
    nat = dy.RuleSet.national_2014()
    text = dy.to_text(nat)
    assert "life.cadence=life.committee_meeting_monthly,committee_meeting,month,1,none" in text
    assert "eval.excellent_share_max=1/3" in text
    assert "life.salary_bracket=max,200" in text
    assert dy.rule_set_from_text(text) == nat
    with pytest.raises(dy.RuleViolation) as e:
        dy.check_tightens(nat, dy.rule_set_from_text("name=x\ndev.probation_months=6\n"))
    assert e.value.rule_id == "rules.profile_cannot_weaken"
    with pytest.raises(dy.RuleViolation):
        dy.check_tightens(nat, dy.RuleSet(name="x", branch_min_full_members=1))
    # an old stored text with a key of an earlier version still loads
    old = dy.rule_set_from_text("name=old\nmin_age_years=19\nlife.unpaid_streak_months=6\n")
    assert old.development.applicant_min_age == 19


def test_rules_profile_cannot_weaken_make_profile_takes_text_values_and_table_rows():
    nat = dy.RuleSet.national_2014()
    p = dy.make_profile("local-q", {"eval.excellent_share_max": "1/4", "life.back_payment": "refuse"})
    assert (p.evaluation.excellent_share_max.numerator, p.evaluation.excellent_share_max.denominator) == (1, 4)
    rows = [line.split("=", 1)[1] for line in dy.to_text(nat).splitlines() if line.startswith("life.cadence=")]
    assert len(rows) == len(nat.life.cadence)
    with pytest.raises(dy.RuleViolation) as e:
        dy.make_profile("fewer-meetings", {"life.cadence": rows[1:]})  # a national row removed
    assert e.value.rule_id == "rules.profile_cannot_weaken"
    more = dy.make_profile("more-lectures",
                           {"life.cadence": rows + ["life.party_lecture_local,party_lecture,quarter,1,none"]})
    assert len(more.life.cadence) == len(nat.life.cadence) + 1
    assert dy.rule_set_from_text(dy.to_text(more)) == more
