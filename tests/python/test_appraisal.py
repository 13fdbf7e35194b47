"""The party-building appraisal (党建工作述职评议考核, 三级联述联评联考) and accountability (问责,
docs/organisation-work.md): a cycle over three levels, reports with the secretary in office, their appraisal
and the use of results, accountability with a rectification's deadline and completion, the agenda, the
statistics and the profile parameters."""

import pytest

import dangyuan as dy
from conftest import District, d, full_member


class Town:
    def __init__(self, store):
        self.s = store
        self.district = District(store)
        self.secretary = store.add_member(full_member(self.district.branch_a, "赵敏", d(2008, 7, 1), 1,
                                                      dy.Sex.female))
        self.worker = store.add_member(full_member(self.district.branch_b, "钱进", d(2010, 7, 1), 2))
        store.set_leadership(self.district.branch_a, d(2021, 12, 20),
                             [dy.Officer(member=self.secretary, role=dy.OfficerRole.secretary)])


@pytest.fixture
def town():
    with dy.open_store(":memory:", actor="tester", today=d(2026, 6, 30)) as s:
        yield Town(s)


def test_cycle_report_rating_application_and_accountability_round_trip(town):
    s, org = town.s, town.district
    cycle = s.open_appraisal_cycle(year=2025, organiser=org.district_committee, levels=3,
                                   opened_on=d(2026, 1, 5), why="年度考核")
    assert isinstance(cycle, dy.AppraisalCycleId)
    c = s.get_appraisal_cycle(cycle)
    assert (c.year, c.organiser, c.levels, c.opened_on, c.closed_on) == (
        2025, org.district_committee, 3, d(2026, 1, 5), None)
    rep = s.record_appraisal_report(cycle=cycle, org=org.branch_a, reported_on=d(2026, 1, 10),
                                    summary="三会一课按期开展")
    assert isinstance(rep, dy.AppraisalReportId)
    assert s.get_appraisal_report(rep).reporter == town.secretary  # the secretary in office
    street = s.record_appraisal_report(dy.AppraisalReport(cycle=cycle, org=org.street, reporter=town.worker,
                                                          reported_on=d(2026, 1, 10)))
    grade = s.rate_appraisal_report(report=rep, rated_on=d(2026, 1, 10), votes_good=1, votes_fairly_good=2,
                                    votes_average=3, votes_poor=9, satisfied=2, basically_satisfied=3,
                                    dissatisfied=10)
    assert grade == dy.AppraisalGrade.poor
    assert s.rate_appraisal_report(report=street, rated_on=d(2026, 1, 11), votes_good=20, votes_fairly_good=8,
                                   grade="较好", override_reason="专项检查发现问题") == dy.AppraisalGrade.fairly_good
    r = s.appraisal_rating(rep)
    assert r.votes() == [1, 2, 3, 9] or tuple(r.votes()) == (1, 2, 3, 9)
    assert s.appraisal_rating(street).override_reason == "专项检查发现问题"
    s.apply_appraisal_result(report=street, applied_on=d(2026, 2, 1), use="纳入年度考核")
    assert [(a.applied_on, a.use) for a in s.appraisal_applications(street)] == [(d(2026, 2, 1), "纳入年度考核")]
    acc = s.record_accountability(kind="限期整改", org=org.branch_a, member=town.secretary, cycle=cycle,
                                  decided_on=d(2025, 11, 30), reason="评议为差")
    assert isinstance(acc, dy.AccountabilityId)
    a = s.get_accountability(acc)
    assert (a.kind, a.deadline, a.completed_on) == (dy.AccountabilityKind.rectification, d(2026, 2, 28), None)
    s.complete_rectification(acc, d(2026, 3, 1))
    s.close_appraisal_cycle(cycle, d(2026, 3, 31))
    assert s.get_appraisal_cycle(cycle).closed_on == d(2026, 3, 31)
    assert [x.id for x in s.appraisal_cycles()] == [cycle]
    assert s.appraisal_cycles(org.street) == []
    assert [x.org for x in s.appraisal_reports(cycle)] == [org.branch_a, org.street]
    assert [x.id for x in s.accountability_records(org.street, 2025)] == [acc]
    st = s.appraisal_statistics(2025)
    assert (st.cycles, st.reports, st.rated, st.results_applied) == (1, 2, 2, 1)
    assert st.by_grade[dy.AppraisalGrade.poor] == 1 and st.by_grade[dy.AppraisalGrade.fairly_good] == 1
    assert st.satisfaction == {"satisfied": 2, "basically_satisfied": 3, "dissatisfied": 10}
    assert st.accountability_by_kind[dy.AccountabilityKind.rectification] == 1
    # As it stood on 31 December 2025: open, its deadline (2026-02-28) not yet passed.
    assert (st.rectifications_completed, st.rectifications_completed_late, st.rectifications_overdue) == (0, 0, 0)
    assert [e.action for e in s.audit_log() if e.entity == "appraisal"] == [
        "cycle_opened", "reported", "reported", "rated", "rated", "result_applied", "accountability",
        "rectification_completed", "cycle_closed"]


def test_refused_commands_name_their_rule_and_change_nothing(town):
    s, org = town.s, town.district
    cycle = s.open_appraisal_cycle(year=2025, organiser=org.district_committee, levels=2, opened_on=d(2026, 1, 5))
    rep = s.record_appraisal_report(cycle=cycle, org=org.street, reporter=town.worker, reported_on=d(2026, 1, 10))
    before = len(s.audit_log())
    cases = [
        ("appraisal.cycle_organiser",
         lambda: s.open_appraisal_cycle(year=2025, organiser=org.branch_b, opened_on=d(2026, 1, 5))),
        ("appraisal.cycle_scope",
         lambda: s.record_appraisal_report(cycle=cycle, org=org.branch_a, reported_on=d(2026, 1, 10))),
        ("appraisal.one_report_per_cycle",
         lambda: s.record_appraisal_report(cycle=cycle, org=org.street, reporter=town.worker,
                                           reported_on=d(2026, 1, 11))),
        ("appraisal.reporter_secretary",
         lambda: s.record_appraisal_report(cycle=cycle, org=org.village, reported_on=d(2026, 1, 11))),
        ("appraisal.tally_valid", lambda: s.rate_appraisal_report(report=rep, rated_on=d(2026, 1, 10))),
        ("appraisal.rating_after_report",
         lambda: s.rate_appraisal_report(report=rep, rated_on=d(2026, 1, 9), votes_good=1)),
        ("appraisal.grade_override_reason",
         lambda: s.rate_appraisal_report(report=rep, rated_on=d(2026, 1, 10), votes_good=1, grade="差")),
        ("appraisal.apply_after_rating",
         lambda: s.apply_appraisal_result(report=rep, applied_on=d(2026, 1, 10), use="评先评优")),
        ("appraisal.rectify_deadline",
         lambda: s.record_accountability(kind=dy.AccountabilityKind.rectification, org=org.street,
                                         decided_on=d(2026, 1, 20), reason="x", deadline=d(2026, 4, 21))),
        ("appraisal.treatment_decision",
         lambda: s.record_accountability(kind="组织处理", org=org.street, decided_on=d(2026, 1, 20), reason="x")),
        ("appraisal.report_within_cycle", lambda: s.close_appraisal_cycle(cycle, d(2026, 1, 9))),
    ]
    for rule, call in cases:
        with pytest.raises(dy.RuleViolation) as e:
            call()
        assert e.value.rule_id == rule
    with pytest.raises(dy.InvalidInput) as e:
        s.record_accountability(kind="诫勉谈话", org=org.street, decided_on=d(2026, 1, 20), reason="")
    assert e.value.field == "reason"
    with pytest.raises(dy.InvalidInput) as e:
        s.rate_appraisal_report(report=rep, rated_on=d(2026, 1, 10), votes_good=1, grade="优秀")
    assert e.value.field == "grade"
    with pytest.raises(dy.NotFound):
        s.get_appraisal_cycle(dy.AppraisalCycleId(99))
    assert len(s.audit_log()) == before


def test_agenda_whole_and_scoped(town):
    s, org = town.s, town.district
    cycle = s.open_appraisal_cycle(year=2025, organiser=org.district_committee, levels=3, opened_on=d(2026, 1, 5))
    rep = s.record_appraisal_report(cycle=cycle, org=org.branch_a, reported_on=d(2026, 1, 10))
    s.rate_appraisal_report(report=rep, rated_on=d(2026, 1, 10), votes_poor=5)
    s.record_accountability(kind="限期整改", org=org.branch_b, decided_on=d(2026, 1, 12), reason="措施不得力")
    on = d(2026, 3, 31)
    whole = [i for i in s.agenda(on) if i.kind.startswith("appraisal.")]
    assert sorted((i.kind, i.org) for i in whole) == sorted([
        ("appraisal.report_missing", org.district_committee), ("appraisal.report_missing", org.street),
        ("appraisal.report_missing", org.branch_b), ("appraisal.report_missing", org.village),
        ("appraisal.followup_due", org.district_committee),
        ("appraisal.rectification_overdue", org.branch_b)])
    scoped = [i for i in s.agenda(on, org.street) if i.kind.startswith("appraisal.")]
    assert scoped == [i for i in whole if i.org in (org.street, org.branch_a, org.branch_b)]


def test_profile_parameters():
    r = dy.RuleSet()
    p = r.appraisal
    assert (p.report_by_month, p.rectify_months, p.followup_days, p.min_satisfaction_percent,
            p.notice_months) == (3, 3, 30, 0, 1)
    assert "appraisal.rectify_months=3" in dy.to_text(r).splitlines()
    c = dy.AppraisalCycle(year=2025, organiser=dy.OrgId(1), opened_on=d(2026, 1, 5))
    assert dy.appraisal_report_deadline(c) == d(2026, 3, 31)
    local = dy.make_profile("local-jan", {"appraisal.report_by_month": 1, "appraisal.min_satisfaction_percent": 60})
    assert dy.appraisal_report_deadline(c, local) == d(2026, 1, 31)
    with pytest.raises(dy.RuleViolation) as e:
        dy.make_profile("local-weak", {"appraisal.rectify_months": 6})
    assert e.value.rule_id == "rules.profile_cannot_weaken"
    assert dy.plurality_grade(5, 5, 0, 0) == dy.AppraisalGrade.fairly_good
    with dy.open_store(":memory:", actor="tester", rules=local, today=d(2026, 6, 30)) as s:
        t = Town(s)
        cycle = s.open_appraisal_cycle(year=2025, organiser=t.district.district_committee, levels=3,
                                       opened_on=d(2026, 1, 5))
        rep = s.record_appraisal_report(cycle=cycle, org=t.district.branch_a, reported_on=d(2026, 1, 10))
        # 一般 by the votes, 50% satisfied: below the profile's 60%.
        s.rate_appraisal_report(report=rep, rated_on=d(2026, 1, 10), votes_average=4, satisfied=1, dissatisfied=1)
        kinds = {(i.kind, i.subject) for i in s.agenda(d(2026, 2, 10))}
        assert ("appraisal.followup_due", "第一社区党支部") in kinds


def test_a_recorded_appraisal_is_corrected_while_the_cycle_is_open(town):
    s, org = town.s, town.district
    cycle = s.open_appraisal_cycle(year=2025, organiser=org.district_committee, levels=3, opened_on=d(2026, 1, 5))
    rep = s.record_appraisal_report(cycle=cycle, org=org.branch_a, reported_on=d(2026, 1, 10))
    assert s.rate_appraisal_report(report=rep, rated_on=d(2026, 1, 10), votes_good=1, votes_fairly_good=2,
                                   votes_average=3, votes_poor=9) == dy.AppraisalGrade.poor
    followups = lambda day: [i for i in s.agenda(day) if i.kind == "appraisal.followup_due"]  # noqa: E731
    assert len(followups(d(2026, 2, 9))) == 1
    before = len(s.audit_log())
    # Refused: no reason, another day, no change — nothing written.
    r = s.appraisal_rating(rep)
    with pytest.raises(dy.InvalidInput) as e:
        s.correct_appraisal_rating(r)
    assert e.value.field == "correction_reason"
    with pytest.raises(dy.InvalidInput) as e:
        s.correct_appraisal_rating(r, correction_reason="复核")
    assert e.value.field == "rating"
    with pytest.raises(dy.InvalidInput) as e:
        s.correct_appraisal_rating(report=rep, rated_on=d(2026, 1, 11), votes_good=9, correction_reason="复核")
    assert e.value.field == "rated_on"
    assert len(s.audit_log()) == before
    # The same record, new values: the follow-up of the 差 goes. The grade read back is the recorded one:
    # kept, it would need its override reason; None lets the votes decide.
    r.votes_good, r.votes_poor = 9, 1
    with pytest.raises(dy.RuleViolation) as e:
        s.correct_appraisal_rating(r, correction_reason="计票时两栏颠倒")
    assert e.value.rule_id == "appraisal.grade_override_reason"
    r.grade = None
    assert s.correct_appraisal_rating(r, correction_reason="计票时两栏颠倒", why="复核") == dy.AppraisalGrade.good
    assert s.appraisal_rating(rep).grade == dy.AppraisalGrade.good
    entry = s.audit_log()[-1]
    assert (entry.action, entry.why) == ("rating_corrected", "复核")
    assert "before: votes=1/2/3/9" in entry.detail and "after: votes=9/2/3/1" in entry.detail
    assert followups(d(2026, 2, 9)) == []
    # Closed: the appraisal stands.
    s.close_appraisal_cycle(cycle, d(2026, 3, 31))
    r = s.appraisal_rating(rep)
    r.votes_poor = 20
    with pytest.raises(dy.RuleViolation) as e:
        s.correct_appraisal_rating(r, correction_reason="复核")
    assert e.value.rule_id == "appraisal.correction_before_close"
    assert s.appraisal_rating(rep).votes_poor == 1
