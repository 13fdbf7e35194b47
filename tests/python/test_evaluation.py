"""Democratic evaluation and disposition (bind_evaluation.cpp): campaign records of every kind, ballots,
grades, distributions, disposition files and the store methods."""

import datetime as dt
import pickle

import pytest

import dangyuan as dy
from conftest import d, full_member

MATTER = "长期不参加组织生活"


class Branch:
    """Nine full members and one probationary member of branch_b, and the 2025 campaign."""

    def __init__(self, district):
        self.s = s = district.store
        self.org = district.branch_b
        self.m = [s.add_member(full_member(self.org, f"机关党员{i}", d(2010, 7, 1), 1 + i)) for i in range(9)]
        f = full_member(self.org, "预备党员", d(2025, 7, 1), 20)
        del f["full_member_date"]
        self.probationary = s.add_member(f)
        self.cid = s.open_campaign(self.org, 2025, d(2025, 12, 16))

    def record(self, *args, **kw):
        self.s.record_campaign(self.cid, *args, **kw)

    def to_vote(self):
        """Roll, self-assessments and the phases up to 民主测评."""
        roll = self.s.participants_from_roster(self.org, d(2025, 12, 16))
        self.record(dy.ParticipantsAdded(date=d(2025, 12, 16), participants=roll))
        self.record(kind="phase_started", date=d(2025, 12, 22), phase="self_assessment")
        for m in self.m:
            self.record(dy.SelfAssessmentSubmitted(date=d(2025, 12, 26), member=m, summary="党性分析"))
        phases = (("appraisal_self_review", 6), ("appraisal_mutual_review", 7), ("appraisal_vote", 8))
        for phase, day in phases:
            self.record(dy.PhaseStarted(date=d(2026, 1, day), phase=phase))

    def to_assessment(self):
        self.to_vote()
        ballots = [dy.Ballot(evaluator=e, member=m, choice="优秀" if m in self.m[:4] else "合格")
                   for e in self.m for m in self.m]
        self.s.record_ballots(self.cid, d(2026, 1, 8), ballots)
        self.record({"kind": "phase_started", "date": d(2026, 1, 12), "phase": "organisational_assessment"})
        for m in self.m:
            self.record(dy.GradeProposed(date=d(2026, 1, 13), member=m,
                                         proposed="excellent" if m in self.m[:4] else "qualified"))


@pytest.fixture
def branch(district):
    return Branch(district)


def test_grades_and_phases_are_enums_with_chinese_names():
    assert dy.Grade.parse("基本合格") == dy.Grade.basically_qualified
    assert [g.chinese_name for g in dy.Grade.all()] == ["优秀", "合格", "基本合格", "不合格"]
    assert dy.CampaignPhase.appraisal_vote.chinese_name == "民主测评"
    assert dy.ExemptionReason.abroad_self_funded.needs_absence
    assert dy.FollowUpKind.helped.fits(dy.Grade.basically_qualified)
    assert dy.DispositionGround.refused_to_withdraw.form == dy.DispositionForm.removal
    assert dy.DispositionGround.refused_to_withdraw.follows == dy.DispositionForm.persuasion
    assert dy.DispositionGround.six_months_inactive.exit_kind == dy.StandingEventKind.removed_self_withdrawal


def test_every_record_kind_is_a_class_and_any_of_them_is_accepted(branch):
    kinds = [dy.PhaseStarted, dy.ParticipantsAdded, dy.ExemptionApproved, dy.SelfAssessmentSubmitted,
             dy.NonMemberOpinion, dy.BallotsCounted, dy.GradeProposed, dy.MemberInformed, dy.GradeDecided,
             dy.ResultSent, dy.ResultReceived, dy.FollowUp]
    assert [dy.campaign_record_kind(k()) for k in kinds][:3] == ["phase_started", "participants_added",
                                                                  "exemption_approved"]
    assert dy.disposition_record_kind(dy.TalkHeld()) == "talk_held"
    filed = {"kind": "prior_filed", "date": d(2026, 1, 1), "matter": "x"}
    assert dy.disposition_record_kind(filed) == "prior_filed"
    branch.to_vote()
    records = branch.s.get_campaign(branch.cid).records
    assert [type(r) for r in records[:3]] == [dy.PhaseStarted, dy.ParticipantsAdded, dy.PhaseStarted]
    assert records[2].phase == dy.CampaignPhase.self_assessment  # recorded from keywords with kind=
    with pytest.raises(dy.InvalidInput) as e:
        branch.record(kind="grade_given", date=d(2026, 1, 9))
    assert e.value.field == "kind"
    with pytest.raises(dy.InvalidInput) as e:
        branch.record({"date": d(2026, 1, 9)})
    assert e.value.field == "kind"
    with pytest.raises(TypeError):
        branch.record(dy.Ballot())
    with pytest.raises(TypeError):
        branch.record(dy.PhaseStarted(date=d(2026, 1, 12), phase="closed"), kind="phase_started")
    # A field the kind does not have is refused by name, in keywords and in a mapping alike, as for the
    # mobility and development records; nothing is recorded.
    before = len(branch.s.get_campaign(branch.cid).records)
    with pytest.raises(dy.InvalidInput, match="phase_started records have no field 'member'") as e:
        branch.record(kind="phase_started", date=d(2026, 1, 12), phase="closed", member=branch.m[0])
    assert e.value.field == "member"
    with pytest.raises(dy.InvalidInput) as e:
        branch.record({"kind": "phase_started", "date": d(2026, 1, 12), "phase": "closed", "matter": "x"})
    assert e.value.field == "matter"
    assert len(branch.s.get_campaign(branch.cid).records) == before


def test_民主评议_eval_phase_order_and_eval_ballot_in_appraisal(branch):
    with pytest.raises(dy.RuleViolation) as e:
        branch.s.record_ballots(branch.cid, d(2025, 12, 17),
                                [dy.Ballot(evaluator=branch.m[0], member=branch.m[1], choice="合格")])
    assert e.value.rule_id == "eval.ballot_in_appraisal"
    with pytest.raises(dy.RuleViolation) as e:
        branch.record(kind="phase_started", date=d(2025, 12, 20), phase="appraisal_vote")
    assert e.value.rule_id == "eval.phase_order"
    with pytest.raises(dy.InvalidInput) as e:
        branch.record(dy.ParticipantsAdded(date=d(2025, 12, 16), participants=[]))
    assert e.value.field == "participants"
    with pytest.raises(TypeError):
        branch.record(dy.PhaseStarted(date=dt.datetime(2025, 12, 20), phase="self_assessment"))


def test_民主评议_eval_one_ballot_per_evaluator_and_eval_probationary_not_graded(branch):
    branch.to_assessment()
    c = branch.s.get_campaign(branch.cid)
    state = c.state
    assert state.find(branch.m[0]).tally == dy.GradeTally(excellent=9)
    assert state.find(branch.m[0]).tally.total() == 9
    assert state.find(branch.m[5]).tally[dy.Grade.qualified] == 9
    assert len(state.find(branch.m[0]).voters) == 9 and state.full_members_here() == 9
    ballots_record = next(r for r in c.records if isinstance(r, dy.BallotsCounted))
    assert ballots_record.choices == []  # anonymous: only the counts and the voters are kept
    with pytest.raises(dy.RuleViolation) as e:
        branch.record(dy.GradeDecided(date=d(2026, 1, 16), member=branch.probationary, decided="qualified"))
    assert e.value.rule_id == "eval.probationary_not_graded"


def test_民主评议_eval_excellent_share_cap_one_third_of_full_members(branch):
    branch.to_assessment()
    for m in branch.m[:3]:
        branch.record(dy.GradeDecided(date=d(2026, 1, 16), member=m, decided="excellent"))
    with pytest.raises(dy.RuleViolation) as e:
        branch.record(dy.GradeDecided(date=d(2026, 1, 16), member=branch.m[3], decided="excellent"))
    assert e.value.rule_id == "eval.excellent_share_cap"
    branch.record(dy.GradeDecided(date=d(2026, 1, 16), member=branch.m[3], decided="excellent",
                                  over_cap_reason="抗洪抢险表现突出"))
    assert [dy.excellent_cap(n) for n in (8, 9, 11, 12)] == [2, 3, 3, 4]
    hard = dy.RuleSet()
    hard.evaluation.excellent_cap_hard = True
    with pytest.raises(dy.RuleViolation):
        dy.check_excellent_share(4, 9, "理由", hard)
    dy.check_excellent_share(4, 9, "理由")


def test_民主评议_eval_unqualified_needs_assessment_and_the_distribution_table(branch):
    branch.to_assessment()
    weak = branch.m[8]
    with pytest.raises(dy.RuleViolation) as e:
        branch.record(dy.GradeDecided(date=d(2026, 1, 16), member=weak, decided="unqualified"))
    assert e.value.rule_id == "eval.unqualified_needs_assessment"
    branch.record(dy.GradeProposed(date=d(2026, 1, 14), member=weak, proposed="unqualified"))
    branch.record(dy.MemberInformed(date=d(2026, 1, 15), member=weak, by="支部书记"))
    vote = dy.BranchVote(entitled=9, present=8, yes=7, no=1)
    branch.record(dy.GradeDecided(date=d(2026, 1, 16), member=weak, decided="不合格", vote=vote))
    for m in branch.m[:3]:
        branch.record(dy.GradeDecided(date=d(2026, 1, 16), member=m, decided="excellent"))
    dist = branch.s.grade_distributions(year=2025).to_pandas()
    row = dist.iloc[0]
    assert (row["excellent"], row["unqualified"], row["graded"], row["pending"]) == (3, 1, 4, 5)
    assert (row["denominator"], row["excellent_cap"], row["probationary"]) == (9, 3, 1)
    assert row["excellent_share"] == pytest.approx(3 / 9) and row["phase"] == "organisational_assessment"
    assert branch.s.grade_of(weak, 2025).decided == dy.Grade.unqualified
    assert list(branch.s.decided_grades(2025).to_pandas()["decided"]).count("excellent") == 3
    branch.record(dy.PhaseStarted(date=d(2026, 1, 20), phase="commendation_and_handling"))
    with pytest.raises(dy.RuleViolation) as e:
        branch.record(dy.FollowUp(date=d(2026, 1, 22), member=weak, kind="commended"))
    assert e.value.rule_id == "eval.follow_up"
    low = branch.s.low_grade_follow_ups().to_pandas()
    assert list(low["final"]) == ["unqualified"] and not low["followed_up"][0]
    campaigns = branch.s.campaigns().to_pandas()
    assert list(campaigns["phase"]) == ["commendation_and_handling"]


def test_民主评议_eval_exemption_absence_over_6_months(branch):
    roll = branch.s.participants_from_roster(branch.org, d(2025, 12, 16))
    branch.record(dy.ParticipantsAdded(date=d(2025, 12, 16), participants=roll))
    m = branch.m[8]
    with pytest.raises(dy.InvalidInput) as e:
        branch.record(dy.ExemptionApproved(date=d(2025, 12, 17), member=m, reason="abroad_self_funded",
                                           approved_by="街道党工委"))
    assert e.value.field == "away_since"
    with pytest.raises(dy.RuleViolation) as e:
        branch.record(dy.ExemptionApproved(date=d(2025, 12, 17), member=m, reason="自费出国半年以上",
                                           approved_by="街道党工委", away_since=d(2025, 6, 17)))
    assert e.value.rule_id == "eval.exemption_absence_over_6_months"
    branch.record(dy.ExemptionApproved(date=d(2025, 12, 18), member=m, reason="abroad_self_funded",
                                       approved_by="街道党工委", away_since=d(2025, 6, 17)))
    assert branch.s.get_campaign(branch.cid).state.find(m).exempted == dy.ExemptionReason.abroad_self_funded


def test_ballots_are_counted_anonymously_and_profiles_suggest_grades():
    ballots = [{"evaluator": dy.MemberId(e), "member": dy.MemberId(9), "choice": "不合格" if e < 6 else "合格"}
               for e in range(1, 11)]
    [counted] = dy.count_ballots(ballots, d(2026, 1, 8))
    assert counted.tally == dy.GradeTally(unqualified=5, qualified=5) and counted.choices == []
    assert counted.voters == [dy.MemberId(e) for e in range(1, 11)]
    over_half = dy.AggregationProfile(name="local", share_rules=[
        dy.ShareRule(suggested="unqualified", counted="unqualified", numerator=1, denominator=2,
                     strict=True)])
    assert dy.suggest_grade(counted.tally, over_half) is None  # exactly half is not more than half
    assert dy.suggest_grade(dy.GradeTally(unqualified=6, qualified=4), over_half) == dy.Grade.unqualified
    assert dy.suggest_grade(counted.tally) is None
    with pytest.raises(dy.InvalidInput) as e:
        dy.validate_profile(dy.AggregationProfile(share_rules=[dy.ShareRule(denominator=0)]))
    assert e.value.field == "share_rules"
    with pytest.raises(dy.RuleViolation) as e:
        dy.validate_ballots_counted(dy.BallotsCounted(date=d(2026, 1, 8), member=dy.MemberId(9),
                                                      voters=[dy.MemberId(1)] * 2,
                                                      tally=dy.GradeTally(qualified=2)))
    assert e.value.rule_id == "eval.one_ballot_per_evaluator"
    assert pickle.loads(pickle.dumps(counted)) == counted


def test_a_pure_campaign_records_in_place():
    c = dy.Campaign(org=dy.OrgId(4), year=2025)
    c.record(kind="phase_started", date=d(2025, 12, 16), phase="study")
    c.record(dy.ParticipantsAdded(date=d(2025, 12, 16), participants=[dy.Participant(member=dy.MemberId(1),
                                                                                       name="甲")]))
    assert len(c.records) == 2 and c.state.phase == dy.CampaignPhase.study
    with pytest.raises(dy.RuleViolation) as e:
        dy.check_campaign_record(c, dy.PhaseStarted(date=d(2025, 12, 17), phase="appraisal_vote"))
    assert e.value.rule_id == "eval.phase_order"
    assert len(dy.campaign_agenda(c, d(2025, 12, 17))) == 0


def test_不合格党员组织处置办法2024_disposition_talk_two_full_members_and_correction_period(branch):
    s, m = branch.s, branch.m
    weak = m[8]
    s.open_disposition(weak, date=d(2026, 2, 1), matter=MATTER, ground="org_life_or_dues_lapses",
                       form="correction", proposed_by="支部委员会")
    s.record_disposition(weak, kind="prior_filed", date=d(2026, 2, 2), matter=MATTER, filed_with="街道党工委")
    s.record_disposition(weak, dy.Investigated(date=d(2026, 2, 3), matter=MATTER, findings="属实"))
    with pytest.raises(dy.RuleViolation) as e:
        s.record_disposition(weak, dy.TalkHeld(date=d(2026, 2, 4), matter=MATTER,
                                               talkers=[dy.Talker(member=m[0])]))
    assert e.value.rule_id == "disposition.talk_two_full_members"
    s.record_disposition(weak, dy.TalkHeld(date=d(2026, 2, 4), matter=MATTER,
                                           talkers=[{"member": m[0]}, {"member": m[1]}]))
    s.record_disposition(weak, dy.BranchMeetingVoted(date=d(2026, 2, 5), matter=MATTER,
                                                     vote=dy.BranchVote(entitled=9, present=8, yes=7, no=1)))
    with pytest.raises(dy.RuleViolation) as e:  # one day beyond 12 months
        s.record_disposition(weak, dy.DispositionApproved(date=d(2026, 2, 6), matter=MATTER,
                                                          approved_by="党工委", correct_until=d(2027, 2, 7)))
    assert e.value.rule_id == "disposition.correction_period"
    s.record_disposition(weak, dy.DispositionApproved(date=d(2026, 2, 6), matter=MATTER, approved_by="党工委"))
    overview = s.disposition_overviews(d(2026, 3, 1)).to_pandas()
    assert list(overview["outcome"]) == ["correcting"] and overview["deadline"][0] == dt.datetime(2026, 8, 6)
    assert dy.correction_deadline(d(2025, 8, 31)) == d(2026, 2, 28)
    f = s.get_disposition_file(weak)
    assert [type(r) for r in f.records][-1] == dy.DispositionApproved
    assert f.dispositions_on(d(2026, 3, 1))[0].outcome == dy.DispositionOutcome.correcting
    review = [i for i in s.agenda(d(2026, 7, 10)) if i.kind == "disposition.correction_review"]
    assert review and review[0].due == d(2026, 8, 6)
    with pytest.raises(dy.InvalidInput) as e:
        s.record_disposition(weak, kind="prior_filed", date=d(2026, 2, 7), matter="另一件事", filed_with="x")
    assert e.value.field == "matter"


def test_不合格党员组织处置办法2024_disposition_not_for_probationary_and_grounds(branch):
    s = branch.s
    with pytest.raises(dy.RuleViolation) as e:
        s.open_disposition(branch.probationary, date=d(2026, 2, 1), matter="x", ground="passivity",
                           status="probationary")
    assert e.value.rule_id == "disposition.not_for_probationary"
    with pytest.raises(dy.RuleViolation) as e:
        s.open_disposition(branch.m[0], date=d(2026, 2, 1), matter="x", ground="passivity", form="removal")
    assert e.value.rule_id == "disposition.grounds"
    with pytest.raises(dy.InvalidInput) as e:
        s.open_disposition(branch.m[0], date=d(2026, 2, 1), ground="passivity")
    assert e.value.field == "matter"
    with pytest.raises(dy.NotFound):
        s.get_disposition_file(branch.m[0])


def test_a_removal_bars_readmission_for_5_years():
    # disposition.readmission_bar_5_years: barred until the day before the 5th anniversary
    exit_event = dy.StandingEvent(kind="removed", date=d(2024, 2, 29))
    assert dy.readmission_barred_until(exit_event) == d(2029, 2, 27)
    assert dy.readmission_barred_until(d(2024, 2, 29)) == d(2029, 2, 27)
    assert dy.readmission_barred_until(dy.StandingEvent(kind="died", date=d(2024, 2, 29))) is None
    with pytest.raises(dy.RuleViolation) as e:
        dy.check_readmission(exit_event, d(2029, 2, 27))
    assert e.value.rule_id == "disposition.readmission_bar_5_years"
    dy.check_readmission(exit_event, d(2029, 2, 28))  # on the anniversary (28 Feb in a common year)
    dy.check_readmission(exit_event, d(2029, 3, 1))


def test_campaigns_survive_a_file_store_reopened(store_path):
    with dy.open_store(store_path) as s:
        top = s.add_org(name="区委", kind="higher_committee", established=d(1990, 1, 1))
        org = s.add_org(name="支部", kind="branch", parent=top, established=d(2000, 1, 1))
        m = [s.add_member(full_member(org, f"党员{i}", d(2010, 7, 1), 1 + i)) for i in range(3)]
        cid = s.open_campaign(org, 2025, d(2025, 12, 16))
        s.record_campaign(cid, kind="participants_added", date=d(2025, 12, 16),
                          participants=s.participants_from_roster(org, d(2025, 12, 16)))
        s.record_campaign(cid, kind="phase_started", date=d(2025, 12, 22), phase="self_assessment")
        s.record_campaign(cid, kind="self_assessment_submitted", date=d(2025, 12, 23), member=m[0],
                          summary="党性分析")
        before = s.get_campaign(cid)
    with dy.open_store(store_path, create=False) as s:
        after = s.get_campaign(cid)
        assert after == before and len(after.records) == 4
        assert s.find_campaign(org, 2025) == cid and s.find_campaign(org, 2024) is None
        assert after.state.find(m[0]).self_assessed_on == d(2025, 12, 23)
