"""The development pipeline (bind_development.cpp): steps, cases, profiles and the store methods."""

import copy
import datetime as dt
import pickle

import pytest

import dangyuan as dy
from conftest import d, full_member, id_for

S = dy.Step
# The branch meeting counts the four full members of the pipeline branch (vote.entitled_full_members).
VOTE = dy.BranchVote(entitled=4, present=3, written_opinions=1, yes=3, no=1)


def applicant(branch, **changes):
    fields = dict(name="林晓", id_number=id_for(d(2000, 3, 15), dy.Sex.female, 7), branch=branch)
    fields.update(changes)
    return dy.Applicant(**fields)


def standard_steps(m):
    """The steps after the application of a complete, valid case; m: four full members."""
    return [
        (S.talk_held, d(2023, 3, 20), dict(by=m[2])),
        (S.activist_determined, d(2023, 9, 1), dict(recommended="党员推荐")),
        (S.activist_filed, d(2023, 9, 10), {}),
        (S.contacts_assigned, d(2023, 9, 10), dict(members=[m[0], m[1]])),
        (S.activist_assessed, d(2024, 3, 1), dict(conclusion="表现良好")),
        (S.target_determined, d(2024, 9, 2), {}),
        (S.target_filed, d(2024, 9, 10), {}),
        (S.introducers_assigned, d(2024, 9, 15), dict(members=[m[0], m[1]])),
        (S.political_review, d(2024, 10, 10), dict(passed=True, conclusion="政治审查合格")),
        (S.training_completed, d(2024, 10, 20), dict(days=3, class_hours=24)),
        (S.committee_reviewed, d(2024, 11, 1), {}),
        (S.pre_review, d(2024, 11, 10), dict(passed=True, document="预审意见〔2024〕12号")),
        (S.application_form_filled, d(2024, 11, 15), {}),
        (S.admission_meeting, d(2024, 12, 2), dict(vote=VOTE)),
        (S.higher_committee_talk, d(2024, 12, 20), dict(by=m[3])),
        (S.admission_approved, d(2025, 2, 10), dict(passed=True, document="批复")),
        (S.approval_filed, d(2025, 2, 20), {}),
        (S.assigned_to_branch, d(2025, 2, 20), {}),
        (S.oath_taken, d(2025, 3, 1), {}),
        (S.probation_assessed, d(2025, 6, 1), {}),
        (S.conversion_applied, d(2025, 11, 20), {}),
        (S.conversion_meeting, d(2025, 12, 5), dict(vote=VOTE, decision="按期转正")),
        (S.conversion_approved, d(2026, 1, 10), dict(passed=True)),
        (S.archived, d(2026, 2, 1), {}),
    ]


class Pipeline:
    """Four full members of branch_b and a case handled by branch_b."""

    def __init__(self, district):
        self.s = district.store
        self.branch = district.branch_b
        self.m = [self.s.add_member(full_member(self.branch, f"老党员{i}", d(2005, 7, 1), 30 + i))
                  for i in range(4)]

    def open(self, until=None, rule_set=""):
        cid = self.s.open_case(applicant(self.branch), d(2023, 3, 1), rule_set=rule_set)
        for kind, when, details in standard_steps(self.m):
            if kind == until:
                break
            self.s.record_step(cid, kind, when, **details)
        return cid


@pytest.fixture
def pipeline(district):
    return Pipeline(district)


def test_steps_and_stages_are_enums_with_chart_numbers_and_chinese_names():
    assert S.talk_held.chinese_name == "党组织派人谈话" and S.talk_held.number == 2
    assert S.public_notice.number == 0
    assert S.parse("递交入党申请书") == S.application_submitted
    assert [s.number for s in S.all()][:25] == list(range(1, 26))
    assert dy.Stage.development_target.chinese_name == "发展对象"
    assert dy.Recommendation.parse("群团推优") == dy.Recommendation.mass_organisation
    with pytest.raises(dy.InvalidInput) as e:
        S.parse("入党")
    assert e.value.field == "step"


def test_the_transition_table_is_declarative_data():
    row = dy.transition_for(S.target_determined)
    assert row.from_stages == [dy.Stage.activist] and row.to == dy.Stage.development_target
    assert row.needs == [S.activist_filed, S.contacts_assigned] and not row.repeatable
    assert len(dy.transitions()) == len(S.all())


def test_细则2014_第13条_dev_activist_min_1_year_a_pure_case_checks_the_year_of_cultivation():
    case = dy.DevelopmentCase(applicant(dy.OrgId(3)))
    case.record(S.application_submitted, d(2023, 3, 1))
    members = [dy.MemberId(1), dy.MemberId(2), dy.MemberId(3), dy.MemberId(8)]
    for kind, when, details in standard_steps(members):
        if kind == S.target_determined:
            break
        case.record(kind, when, **details)
    with pytest.raises(dy.RuleViolation) as e:
        case.record(S.target_determined, d(2024, 8, 31))  # the day before one year after 2023-09-01
    assert e.value.rule_id == "dev.activist_min_1_year" and "细则" in e.value.citation
    assert case.state.current == dy.Stage.activist  # unchanged
    case.check(S.target_determined, d(2024, 9, 1))  # on the day: allowed
    case.record(dy.TargetDeterminedStep(date=d(2024, 9, 1)))
    assert case.state.current == dy.Stage.development_target
    assert case.state_on(d(2024, 8, 31)).current == dy.Stage.activist
    assert S.target_determined in case.state.recorded


def test_a_lookup_answers_for_the_members_named_in_a_step():
    seen = []

    def lookup(member, on):
        seen.append((member, on))
        return {"exists": True, "full_member": member != dy.MemberId(3), "normal_standing": True}

    case = dy.DevelopmentCase(applicant(dy.OrgId(3)))
    case.record(S.application_submitted, d(2023, 3, 1))
    case.record(S.talk_held, d(2023, 3, 20), by=dy.MemberId(1), lookup=lookup)
    case.record(S.activist_determined, d(2023, 9, 1), recommended="member_recommendation")
    with pytest.raises(dy.RuleViolation) as e:
        case.record(S.contacts_assigned, d(2023, 9, 10), members=[dy.MemberId(1), dy.MemberId(3)],
                    lookup=lookup)
    assert e.value.rule_id == "dev.contacts_1_to_2"
    assert (dy.MemberId(1), d(2023, 3, 20)) in seen


def test_step_records_are_one_class_per_kind_and_errors_name_the_field():
    meeting = dy.AdmissionMeetingStep(date=d(2024, 12, 2), vote=VOTE, reason="特殊情况")
    assert meeting.kind == S.admission_meeting and meeting.vote == VOTE and meeting.expected_leave is None
    assert pickle.loads(pickle.dumps(meeting)) == meeting and copy.deepcopy(meeting) == meeting
    assert dy.ContactsAssignedStep(date=d(2023, 9, 10), members=[dy.MemberId(1)]).members == [dy.MemberId(1)]
    with pytest.raises(TypeError) as e:
        dy.ContactsAssignedStep(date=d(2023, 9, 10), members=[1, 2])  # ids are strict
    assert "members" in str(e.value)
    with pytest.raises(TypeError):
        dy.TalkHeldStep(date=d(2023, 3, 20), vote=VOTE)  # a talk has no vote
    with pytest.raises(dy.InvalidInput) as e:
        dy.TalkHeldStep(by=dy.MemberId(1))
    assert e.value.field == "date"


def test_a_field_the_kind_does_not_have_is_refused_naming_it():
    case = dy.DevelopmentCase(applicant(dy.OrgId(3)))
    with pytest.raises(dy.InvalidInput) as e:
        case.record(S.application_submitted, d(2023, 3, 1), vote=VOTE)
    assert e.value.field == "vote" and not case.records
    with pytest.raises(dy.InvalidInput) as e:
        case.record({"kind": "application_submitted", "date": d(2023, 3, 1), "reason": "?"})
    assert e.value.field == "reason"
    with pytest.raises(dy.InvalidInput) as e:
        case.record({"date": d(2023, 3, 1)})
    assert e.value.field == "kind"
    case.record({"kind": "application_submitted", "date": d(2023, 3, 1)})
    case.record({"kind": S.talk_held, "date": d(2023, 3, 20), "details": {"by": dy.MemberId(1)}})
    with pytest.raises(dy.InvalidInput) as e:
        case.record(dy.ActivistDeterminedStep(date=d(2023, 9, 1)), by=dy.MemberId(1))
    assert e.value.field == "by"
    case.record(dy.ActivistDeterminedStep(date=d(2023, 9, 1)), recommended="群团推优")
    assert [type(r) for r in case.records] == [dy.ApplicationSubmittedStep, dy.TalkHeldStep,
                                               dy.ActivistDeterminedStep]
    assert case.records[1].by == dy.MemberId(1)
    assert case.records[2].recommended == dy.Recommendation.mass_organisation
    replayed = dy.DevelopmentCase.replay(case.person, case.rules, False,
                                         [r._asdict() | {"kind": r.kind.code} for r in case.records])
    assert replayed.records == case.records
    # In a mapping the kind may also be the Step itself or its Chinese name, as everywhere else.
    by_name = [r._asdict() | {"kind": k} for r, k in zip(case.records, [S.application_submitted, "党组织派人谈话",
                                                                        case.records[2].kind.code])]
    assert dy.DevelopmentCase.replay(case.person, case.rules, False, by_name).records == case.records
    with pytest.raises(dy.InvalidInput) as e:
        dy.DevelopmentCase.replay(case.person, case.rules, False,
                                  [{"kind": "application_submitted", "date": d(2023, 1, 1), "by": dy.MemberId(1)}])
    assert e.value.field == "by"


def test_党章_第7条_dev_probation_1_year_the_store_admits_on_approval_and_converts(pipeline):
    s = pipeline.s
    cid = pipeline.open(until=S.admission_approved)
    assert s.case_member(cid) is None
    s.record_step(cid, S.admission_approved, d(2025, 2, 10), passed=True, document="批复")
    mid = s.case_member(cid)
    m = s.get_member(mid)
    assert (m.name, m.admission_date, m.full_member_date) == ("林晓", d(2024, 12, 2), None)
    for kind, when, details in standard_steps(pipeline.m)[16:]:
        s.record_step(cid, kind, when, **details)
    assert s.get_member(mid).full_member_date == d(2025, 12, 2)
    case = s.get_case(cid)
    assert case.state.current == dy.Stage.full_member and len(case.records) == 25
    cases = s.cases().to_pandas()
    assert list(cases["current"]) == ["full_member"] and cases["member"][0] == mid.value


# The steps whose document (备案/审批文号) came with the note (备注) of every step kind.
FILINGS = [S.activist_filed, S.target_filed, S.committee_reviewed, S.application_form_filled,
           S.approval_filed, S.archived]


def test_every_step_takes_a_note_and_the_filings_a_document(pipeline):
    s = pipeline.s
    cid = s.open_case(applicant(pipeline.branch), d(2023, 3, 1))
    for kind, when, details in standard_steps(pipeline.m):
        extra = dict(note=f"备注 {kind.code}")
        if kind in FILINGS:
            extra["document"] = f"文号 {kind.code}"
        s.record_step(cid, kind, when, **details, **extra)
    records = s.get_case(cid).records
    assert len(records) == 25 and records[0].note == ""
    for r in records[1:]:
        assert r.note == f"备注 {r.kind.code}"
        if r.kind in FILINGS:
            assert r.document == f"文号 {r.kind.code}"
    filed = dy.ActivistFiledStep(date=d(2023, 9, 10), document="区委组织部备〔2023〕3号", note="补录")
    assert (filed.document, filed.note) == ("区委组织部备〔2023〕3号", "补录")
    assert pickle.loads(pickle.dumps(filed)) == filed
    case = dy.DevelopmentCase(applicant(dy.OrgId(3)))
    with pytest.raises(dy.InvalidInput) as e:
        case.record(S.application_submitted, d(2023, 3, 1), document="申请书")  # an application has none
    assert e.value.field == "document" and not case.records
    case.record(S.application_submitted, d(2023, 3, 1), note="本人手写")
    assert case.records[0].note == "本人手写"


def test_the_case_timeline_is_a_table(pipeline):
    cid = pipeline.open(until=S.approval_filed)
    timeline = pipeline.s.case_timeline(cid, d(2025, 2, 15))
    assert len(timeline) == 25 and timeline.columns[:3] == ["step", "number", "earliest"]
    frame = timeline.to_pandas()
    approved = frame[frame["step"] == "admission_approved"].iloc[0]
    assert approved["deadline"] == dt.datetime(2025, 3, 2) and approved["status"] == "done"
    assert frame[frame["step"] == "archived"].iloc[0]["status"] == "waiting"
    assert timeline[1].actual == [d(2023, 3, 20)]


def test_pipeline_statistics_count_each_stage(pipeline):
    pipeline.open(until=S.admission_approved)
    stats = pipeline.s.pipeline_statistics(d(2023, 1, 1), d(2025, 1, 31)).to_pandas(labels="chinese")
    assert list(stats["stage"]) == ["入党申请人", "入党积极分子", "发展对象", "预备党员", "正式党员"]
    assert list(stats["on_date"]) == [0, 0, 0, 1, 0]
    assert stats["mean_dwell_days"][0] == 184.0  # 2023-03-01 to 2023-09-01
    assert stats["mean_dwell_days"].dtype == "float64"


def test_细则2014_第7条_dev_talk_within_1_month_a_refused_step_writes_nothing(pipeline):
    s = pipeline.s
    cid = s.open_case(applicant(pipeline.branch), d(2023, 3, 1))
    before = len(s.audit_log())
    with pytest.raises(dy.RuleViolation) as e:
        s.record_step(cid, S.talk_held, d(2023, 4, 2))  # the deadline was 2023-04-01
    assert e.value.rule_id == "dev.talk_within_1_month"
    with pytest.raises(dy.RuleViolation) as e:
        s.record_step(cid, S.target_determined, d(2023, 3, 5))
    assert e.value.rule_id == "dev.step_sequence"
    with pytest.raises(dy.InvalidInput) as e:
        s.record_step(cid, S.talk_held, d(2023, 2, 1))
    assert e.value.field == "date"
    with pytest.raises(dy.InvalidInput) as e:
        s.record_step(cid, S.talk_held)
    assert e.value.field == "date"
    with pytest.raises(TypeError):
        s.record_step(cid, S.talk_held, dt.datetime(2023, 3, 20))
    with pytest.raises(TypeError):
        s.record_step(1, S.talk_held, d(2023, 3, 20))
    with pytest.raises(dy.NotFound):
        s.record_step(dy.CaseId(99), S.talk_held, d(2023, 3, 20))
    with pytest.raises(dy.InvalidInput) as e:
        s.record_step(cid, S.talk_held, d(2023, 4, 2), passed=True, reason="申请人出差")  # a talk has no result
    assert e.value.field == "passed"
    assert len(s.audit_log()) == before and len(s.get_case(cid).records) == 1
    s.record_step(cid, S.talk_held, d(2023, 4, 2), reason="申请人出差")  # late, with the reason
    assert len(s.get_case(cid).records) == 2


def test_细则2014_第5条_dev_applicant_min_age_18_and_a_second_open_case_is_refused(pipeline):
    s = pipeline.s
    young = applicant(pipeline.branch, id_number=None, birth_date=d(2005, 3, 2), sex="女")
    with pytest.raises(dy.RuleViolation) as e:
        s.open_case(young, d(2023, 3, 1))  # one day before the 18th birthday
    assert e.value.rule_id == "dev.applicant_min_age_18"
    s.open_case(young, d(2023, 3, 2))
    s.open_case(applicant(pipeline.branch), d(2023, 3, 1))
    with pytest.raises(dy.Conflict):
        s.open_case(applicant(pipeline.branch), d(2023, 3, 1))


def test_细则2014_第14条_dev_two_introducers_checked_against_the_roster_and_party_probation(pipeline):
    s, m = pipeline.s, pipeline.m
    cid = pipeline.open(until=S.introducers_assigned)
    s.record_party_probation(m[1], from_=d(2024, 1, 10), months=12, decided_by="区纪委")
    assert s.party_probations(m[1])[0].until() == d(2025, 1, 10)
    with pytest.raises(dy.RuleViolation) as e:
        s.record_step(cid, S.introducers_assigned, d(2024, 9, 15), members=[m[0], m[1]])
    assert e.value.rule_id == "dev.two_introducers"
    s.record_step(cid, S.introducers_assigned, d(2024, 9, 15), members=[m[0], m[3]])


def test_党章2022_第40条_member_party_probation_max_2_years(pipeline):
    s, m = pipeline.s, pipeline.m
    with pytest.raises(dy.RuleViolation) as e:
        s.record_party_probation(m[0], dy.PartyProbation(from_=d(2024, 1, 10), months=25))
    assert e.value.rule_id == "member.party_probation_max_2_years"
    dy.validate_party_probation({"from_": d(2024, 1, 10), "months": 24})
    assert dy.rights_suspended_on([dy.PartyProbation(from_=d(2024, 1, 10))], d(2025, 1, 9))
    assert not dy.rights_suspended_on([dy.PartyProbation(from_=d(2024, 1, 10))], d(2025, 1, 10))


def test_profiles_tighten_by_callable_or_mapping_and_never_weaken():
    def longer_notice(r):
        r.development.public_notice_working_days = 7

    p = dy.make_profile("local-7wd", longer_notice)
    assert p.name == "local-7wd" and p.development.public_notice_working_days == 7
    q = dy.make_profile("local-5wd", {"dev.public_notice_working_days": 5,
                                      "dev.oath_after_approval_months": 1})
    assert (q.development.public_notice_working_days, q.development.oath_after_approval_months) == (5, 1)
    assert q.development == dy.DevelopmentParams(public_notice_working_days=5, oath_after_approval_months=1)
    with pytest.raises(dy.RuleViolation) as e:
        dy.make_profile("weak", {"dev.talk_within_months": 2})
    assert e.value.rule_id == "rules.profile_cannot_weaken"
    with pytest.raises(dy.InvalidInput) as e:
        dy.make_profile("national-2014")
    assert e.value.field == "name"
    with pytest.raises(dy.InvalidInput) as e:
        dy.make_profile("x", {"dev.no_such_key": 1})
    assert e.value.field == "rule_set"
    with pytest.raises(dy.RuleViolation):
        dy.check_tightens(dy.RuleSet.national_2014(), dy.RuleSet(name="w", development=dy.DevelopmentParams(applicant_min_age=16)))
    text = dy.to_text(dy.local_profile_example())
    assert "dev.public_notice_working_days=5" in text.splitlines()
    assert dy.rule_set_from_text(text) == dy.local_profile_example()
    assert repr(p.development) == "DevelopmentParams(public_notice_working_days=7)"


def test_地方规定_dev_public_notice_a_case_under_a_registered_profile(pipeline):
    s = pipeline.s
    s.register_rule_set(dy.local_profile_example())
    assert s.rule_set_named("local-5wd") == dy.local_profile_example()
    with pytest.raises(dy.NotFound):
        s.rule_set_named("nowhere")
    cid = pipeline.open(until=S.target_determined, rule_set="local-5wd")
    assert s.get_case(cid).rules.name == "local-5wd"
    with pytest.raises(dy.RuleViolation) as e:
        s.record_step(cid, S.target_determined, d(2024, 9, 2))
    assert e.value.rule_id == "dev.public_notice"
    s.record_step(cid, S.public_notice, d(2024, 8, 19), notice_for="target_determined",
                  notice_end=d(2024, 8, 23))  # Monday to Friday: 5 working days
    s.record_step(cid, S.target_determined, d(2024, 9, 2))


def test_the_case_agenda_names_its_rule_and_case(pipeline):
    s = pipeline.s
    cid = s.open_case(applicant(pipeline.branch), d(2023, 3, 1))
    items = s.agenda(d(2023, 3, 25))
    talk = [i for i in items if i.kind == "dev.talk"]
    assert talk and talk[0].rule_id == "dev.talk_within_1_month" and talk[0].case_ref == cid
    assert talk[0].due == d(2023, 4, 1) and talk[0].status == dy.AgendaStatus.upcoming
    pure = s.get_case(cid).agenda(d(2023, 4, 2), cid)
    assert list(pure.to_pandas()["status"]) == ["overdue"] and pure[0].case_ref == cid


def test_member_queries_that_came_with_the_pipeline(district):
    s = district.store
    a = s.add_member(full_member(district.branch_a, "张三", d(2010, 7, 1), 1))
    s.add_member(full_member(district.branch_b, "张三", d(2011, 7, 1), 2))
    assert len(s.find_members_by_name("张三")) == 2 and len(s.find_members_by_name("李四")) == 0
    number = full_member(district.branch_a, "", d(2010, 7, 1), 1)["id_number"]
    found = s.find_members([number, "11010519491231002X"])
    assert [m.id for m in found] == [a]
    s.record_standing(a, kind="suspended", date=d(2020, 1, 1), reason="失联")
    history = s.standing_histories(district.branch_a).to_pandas()
    assert list(history["kind"]) == ["suspended"] and history["member"][0] == a.value
    with pytest.raises(dy.InvalidInput) as e:
        s.record_access("花名册导出", "")
    assert e.value.field == "why"
    s.record_access("花名册导出", "年度统计")
    assert s.audit_log().to_pandas()["why"].iloc[-1] == "年度统计"


def test_development_parameters_are_attributes_of_the_rule_set():
    r = dy.RuleSet()
    assert r.development.cultivation_min_months == 12 and r.development.introducers == 2
    r.development.public_notice_working_days = 5
    assert r.development.public_notice_working_days == 5 and r != dy.RuleSet()
    with pytest.raises(TypeError):
        r.development.talk_within_months = "1"


def test_cases_survive_a_file_store_reopened(store_path):
    with dy.open_store(store_path, actor="组织委员") as s:
        top = s.add_org(name="区委", kind="higher_committee", established=d(1990, 1, 1))
        branch = s.add_org(name="支部", kind="党支部", parent=top, established=d(2000, 1, 1))
        m = [s.add_member(full_member(branch, f"党员{i}", d(2005, 7, 1), 60 + i)) for i in range(4)]
        cid = s.open_case(applicant(branch), d(2023, 3, 1))
        for kind, when, details in standard_steps(m)[:8]:
            s.record_step(cid, kind, when, **details)
        before = s.get_case(cid)
    with pytest.raises(dy.StoreClosed):
        s.get_case(cid)
    with dy.open_store(store_path, create=False) as s:
        after = s.get_case(cid)
        assert after.records == before.records and after.person == before.person
        assert after.state.current == dy.Stage.development_target
        assert after.records[4].members == [m[0], m[1]] and after.records[4].kind == S.contacts_assigned
