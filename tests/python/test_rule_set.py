"""Rule sets (bind_rule_set.cpp)."""

import copy

import pytest

import dangyuan as dy


def test_the_national_baseline_holds_the_confirmed_numbers():
    r = dy.RuleSet.national_2014()
    assert r == dy.RuleSet()
    assert r.name == "national-2014"
    assert (r.branch_min_full_members, r.committee_threshold_full_members) == (3, 7)
    assert (r.min_age_years, r.probation_months) == (18, 12)
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
        local.min_age_years = "18"


def test_domain_parameter_blocks_are_part_of_the_rule_set():
    r = dy.RuleSet()
    for block, cls in (("development", dy.DevelopmentParams), ("mobility", dy.MobilityParams),
                       ("evaluation", dy.EvaluationParams), ("life", dy.LifeParams)):
        assert isinstance(getattr(r, block), cls)
        assert getattr(r, block) == cls()


def test_copies_are_independent():
    r = dy.RuleSet()
    c = copy.deepcopy(r)
    c.min_age_years = 20
    assert r.min_age_years == 18


def test_a_store_keeps_the_rule_set_it_was_opened_with():
    local = dy.RuleSet(name="local", term_expiry_notice_months=6)
    with dy.open_store(":memory:", rules=local) as s:
        assert s.rules == local
        s.rules.min_age_years = 30  # a copy: the store's rules do not change
        assert s.rules.min_age_years == 18
