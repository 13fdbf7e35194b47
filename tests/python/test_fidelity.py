"""Rule fidelity through Python: votes counted against the roster, the end of probation, mobile applicants'
political review, and holiday data loaded into the store."""

import pytest

import dangyuan as dy
from conftest import d
from test_development import S, VOTE, Pipeline, applicant, standard_steps


def test_vote_entitled_full_members_the_store_counts_the_voters(district):
    p = Pipeline(district)
    assert p.s.voting_roll(p.branch, d(2024, 12, 2)) == (4, 0)
    cid = p.open(until=S.admission_meeting)
    with pytest.raises(dy.RuleViolation) as e:
        p.s.record_step(cid, S.admission_meeting, d(2024, 12, 2),
                        vote=dy.BranchVote(entitled=20, present=15, yes=14, no=1))
    assert e.value.rule_id == "vote.entitled_full_members"
    p.s.record_step(cid, S.admission_meeting, d(2024, 12, 2), vote=VOTE)
    assert p.s.get_case(cid).state.current == dy.Stage.probationary


def test_dev_conversion_discussed_promptly_no_reason_extends_it(district):
    p = Pipeline(district)
    cid = p.open(until=S.conversion_meeting)  # probation ends 2025-12-02
    with pytest.raises(dy.RuleViolation) as e:
        p.s.record_step(cid, S.conversion_meeting, d(2026, 1, 3), vote=VOTE, decision="按期转正",
                        reason="书记外出")
    assert e.value.rule_id == "dev.conversion_discussed_promptly"
    p.s.record_step(cid, S.conversion_meeting, d(2026, 1, 2), vote=VOTE, decision="按期转正")


def test_dev_political_review_mobile_consult(district):
    p = Pipeline(district)
    person = applicant(p.branch, mobile=True)
    assert person.mobile
    cid = p.s.open_case(person, d(2023, 3, 1))
    for kind, when, details in standard_steps(p.m):
        if kind == S.political_review:
            with pytest.raises(dy.RuleViolation) as e:
                p.s.record_step(cid, kind, when, **details)
            assert e.value.rule_id == "dev.political_review_mobile_consult"
            p.s.record_step(cid, kind, when, household_org="甸柳街道党工委", residence_org="西湖区某社区党委",
                            **details)
            break
        p.s.record_step(cid, kind, when, **details)
    review = [r for r in p.s.get_case(cid).records if r.kind == S.political_review][0]
    assert isinstance(review, dy.PoliticalReviewStep) and review.household_org == "甸柳街道党工委"


def test_holiday_data_of_a_new_year_is_loaded_into_the_store(store):
    assert not store.calendar().has_year(2027)
    with pytest.raises(dy.InvalidInput) as e:
        store.load_holidays("year 2027\noff 2027-01-01 元旦\n", "")
    assert e.value.field == "source"
    store.load_holidays("year 2027\noff 2027-01-01 元旦\n", "测试通知")
    assert store.calendar().has_year(2027)
    assert not store.calendar().is_working_day(d(2027, 1, 1))
    assert store.loaded_holiday_years() == [(2027, "测试通知")]
    with pytest.raises(dy.Conflict):
        store.load_holidays("year 2027\noff 2027-01-01 元旦\n", "测试通知")
