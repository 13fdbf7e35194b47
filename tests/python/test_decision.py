"""Village decisions by 四议两公开 (bind_decision.cpp): records of every kind, the thresholds, the case with
its state and agenda, DecisionParams on the RuleSet, and the store methods (open_decision,
record_decision, get_decision, decisions)."""

import copy

import pytest

import dangyuan as dy
from conftest import District, d

SUBJECT = "村道硬化工程"


def rest_of_procedure():
    """The records after the proposal of 2024-03-01, through both 公开, in the forms Python takes."""
    return [
        dy.TwoCommitteesConsulted(date=d(2024, 3, 5), note="两委联席会议"),
        dy.MembersMeetingReviewed(
            date=d(2024, 3, 10),
            vote=dy.BranchVote(entitled=20, present=16, written_opinions=2, yes=15, no=2, abstain=1),
            note="党员大会"),
        {"kind": "村民(代表)会议决议", "date": d(2024, 3, 20), "body": "村民会议", "members": 300,
         "households": 120, "present": 90, "households_present": 85, "in_favour": 70,
         "implementation_due": d(2024, 9, 30), "note": "户代表会议"},
        dy.ResolutionPublished(date=d(2024, 3, 22), channel=dy.PublicationChannel.wechat_group),
        dy.ResultPublished(date=d(2024, 10, 8), channel="公开栏", implemented_on=d(2024, 10, 1), note="验收合格"),
    ]


def reps(on, members, present, in_favour):
    return dy.VillagersResolved(date=on, body=dy.ResolvingBody.representatives_meeting, members=members,
                                present=present, in_favour=in_favour)


class Village:
    def __init__(self, store):
        self.s = store
        self.district = District(store)
        self.org = self.district.village


@pytest.fixture
def village():
    with dy.open_store(":memory:", actor="tester", today=d(2026, 11, 30)) as s:
        yield Village(s)


def snapshot(s, did):
    return s.get_decision(did), list(s.decisions()), len(s.audit_log())


def test_enums_have_codes_and_chinese_names():
    assert [k.chinese_name for k in dy.DecisionRecordKind.all()] == [
        "党组织提议", "两委会商议", "党员大会审议", "村民(代表)会议决议", "决议公开", "实施结果公开"]
    assert dy.DecisionRecordKind.parse("决议公开") == dy.DecisionRecordKind.resolution_published
    assert dy.DecisionStage.rejected.chinese_name == "否决"
    assert dy.DecisionStage.result_published.closed and dy.DecisionStage.rejected.closed
    assert not dy.DecisionStage.resolved.closed
    assert dy.ResolvingBody.parse("村民代表会议") == dy.ResolvingBody.representatives_meeting
    assert dy.PublicationChannel.broadcast.chinese_name == "广播"


def test_records_by_class_code_enum_or_chinese_name():
    classes = [dy.Proposed, dy.TwoCommitteesConsulted, dy.MembersMeetingReviewed, dy.VillagersResolved,
               dy.ResolutionPublished, dy.ResultPublished]
    for cls, kind in zip(classes, dy.DecisionRecordKind.all()):
        fields = {"vote": dy.BranchVote()} if cls is dy.MembersMeetingReviewed else {}
        record = cls(date=d(2024, 3, 1), **fields)
        assert record.kind == kind
        assert dy.decision_record_kind(record) == kind.code
    base = {"date": d(2024, 3, 22), "channel": "broadcast"}
    assert (dy.decision_record_kind({"kind": "resolution_published", **base})
            == dy.decision_record_kind({"kind": dy.DecisionRecordKind.resolution_published, **base})
            == dy.decision_record_kind({"kind": "决议公开", **base}) == "resolution_published")
    with pytest.raises(dy.InvalidInput) as e:
        dy.decision_record_kind({"kind": "公示", "date": d(2024, 3, 22)})
    assert e.value.field == "kind"
    with pytest.raises(dy.InvalidInput) as e:
        dy.decision_record_kind({"kind": "proposed", "date": d(2024, 3, 1), "body": "村民会议"})
    assert e.value.field == "body"
    with pytest.raises(dy.InvalidInput) as e:
        dy.MembersMeetingReviewed(date=d(2024, 3, 10))
    assert e.value.field == "vote"
    assert copy.deepcopy(rest_of_procedure()[1]) == rest_of_procedure()[1]


def test_thresholds():
    assert dy.representatives_quorate(30, 20) and not dy.representatives_quorate(30, 19)
    assert dy.villagers_quorate(300, 151) and not dy.villagers_quorate(300, 150)
    assert dy.villagers_quorate(300, 90, 120, 80) and not dy.villagers_quorate(300, 90, 120, 79)
    assert dy.resolution_adopted(90, 46) and not dy.resolution_adopted(90, 45)
    assert dy.members_meeting_approved({"date": d(2024, 3, 10), "vote": {"entitled": 20, "present": 16, "yes": 11}})
    assert not dy.members_meeting_approved(
        {"date": d(2024, 3, 10), "vote": {"entitled": 20, "present": 16, "yes": 10}})
    assert dy.resolution_carried(reps(d(2024, 3, 20), 30, 25, 13))
    with pytest.raises(dy.RuleViolation) as e:
        dy.require_resolution_quorum(reps(d(2024, 3, 20), 30, 19, 19))
    assert e.value.rule_id == "decision.representatives_quorum_2_3"
    with pytest.raises(dy.RuleViolation) as e:
        dy.require_resolution_quorum({"date": d(2024, 3, 20), "body": "villagers_meeting", "members": 300,
                                      "present": 100, "households": 120, "households_present": 60})
    assert e.value.rule_id == "decision.villagers_meeting_quorum"
    with pytest.raises(dy.InvalidInput) as e:
        dy.require_resolution_quorum(reps(d(2024, 3, 20), 30, 25, 26))
    assert e.value.field == "in_favour"


def test_decision_params_are_part_of_the_rule_set():
    r = dy.RuleSet()
    assert isinstance(r.decision, dy.DecisionParams)
    assert (r.decision.resolution_public_within_days, r.decision.result_public_within_days) == (7, 30)
    assert r.decision == dy.DecisionParams()
    assert repr(r.decision) == "DecisionParams()"
    local = dy.RuleSet(name="local-3d", decision=dy.DecisionParams(resolution_public_within_days=3))
    assert repr(local.decision) == "DecisionParams(resolution_public_within_days=3)"
    assert "decision=DecisionParams(resolution_public_within_days=3)" in repr(local)
    r.decision.result_public_within_days = 10  # the rule set's own block, not a copy
    assert r.decision.result_public_within_days == 10
    assert "decision.resolution_public_within_days=7" in dy.to_text(dy.RuleSet()).splitlines()
    with pytest.raises(dy.RuleViolation) as e:
        dy.make_profile("slow", {"decision.result_public_within_days": 60})
    assert e.value.rule_id == "rules.profile_cannot_weaken"


def test_full_decision_through_both_publications(village):
    s = village.s
    did = s.open_decision(village.org, date=d(2024, 3, 1), subject=SUBJECT, why="四议两公开")
    assert isinstance(did, dy.DecisionId)
    case = s.get_decision(did)
    assert (case.org, case.org_name, case.rule_set_name) == (village.org, "东村党支部", "national-2014")
    assert case.stage == dy.DecisionStage.proposed
    expected = [dy.Proposed(date=d(2024, 3, 1), subject=SUBJECT)]
    for record in rest_of_procedure():
        if isinstance(record, dy.ResolutionPublished):
            # Resolved, not yet public: on the agenda, due 7 days after the resolution.
            items = [i for i in s.agenda(d(2024, 3, 21), village.org) if i.kind.startswith("decision.")]
            assert [(i.kind, i.due, i.status) for i in items] == [
                ("decision.resolution_not_public", d(2024, 3, 27), dy.AgendaStatus.upcoming)]
            assert items[0].subject == SUBJECT
        s.record_decision(did, record, why="测试")
        expected.append(record)
    case = s.get_decision(did)
    assert len(case.records) == 6
    assert isinstance(case.records[3], dy.VillagersResolved)
    assert case.records[3].body == dy.ResolvingBody.villagers_meeting
    assert case.records[3].households_present == 85
    assert case.records[1:3] == expected[1:3] and case.records[4:] == expected[4:]
    assert case.stage == dy.DecisionStage.result_published
    state = case.state
    assert state.subject == SUBJECT and state.resolved_on == d(2024, 3, 20)
    assert state.resolution_published_on == d(2024, 3, 22) and state.result_published_on == d(2024, 10, 8)
    assert not [i for i in s.agenda(d(2024, 10, 9), village.org) if i.kind.startswith("decision.")]

    table = s.decisions()
    assert isinstance(table, dy.Decisions) and len(table) == 1
    row = table[0]
    assert (row.id, row.subject, row.stage) == (did, SUBJECT, dy.DecisionStage.result_published)
    assert (row.proposed_on, row.last_date) == (d(2024, 3, 1), d(2024, 10, 8))
    frame = table.to_pandas(labels="chinese")
    assert list(frame.columns) == ["id", "org", "org_name", "subject", "rule_set_name", "stage",
                                   "proposed_on", "last_date"]
    assert frame["stage"][0] == "实施结果公开"
    assert len(s.decisions(village.district.street)) == 0
    audit = [e for e in s.audit_log() if e.entity == "decision"]
    assert len(audit) == 6 and audit[-1].action == "result_published" and audit[-1].why == "测试"


def test_refusals_name_the_rule_or_field_and_change_nothing(village):
    s = village.s
    did = s.open_decision(village.org, dy.Proposed(date=d(2024, 3, 1), subject="村集体土地流转"))
    s.record_decision(did, kind="two_committees_consulted", date=d(2024, 3, 5))
    before = snapshot(s, did)
    with pytest.raises(dy.RuleViolation) as e:
        s.record_decision(did, kind=dy.DecisionRecordKind.members_meeting_reviewed, date=d(2024, 3, 10),
                          vote={"entitled": 20, "present": 10, "yes": 10})
    assert e.value.rule_id == "decision.members_meeting_quorum"
    assert snapshot(s, did) == before

    s.record_decision(did, kind="党员大会审议", date=d(2024, 3, 10), vote={"entitled": 20, "present": 16, "yes": 15})
    before = snapshot(s, did)
    with pytest.raises(dy.RuleViolation) as e:
        s.record_decision(did, reps(d(2024, 3, 20), 30, 19, 19))
    assert e.value.rule_id == "decision.representatives_quorum_2_3"
    with pytest.raises(dy.RuleViolation) as e:
        s.record_decision(did, dy.ResolutionPublished(date=d(2024, 3, 20)))
    assert e.value.rule_id == "decision.steps_in_order"
    with pytest.raises(dy.InvalidInput) as e:
        s.record_decision(did, reps(d(2024, 3, 9), 30, 25, 20))
    assert e.value.field == "date"
    with pytest.raises(dy.RuleViolation) as e:
        s.record_decision(did, reps(d(2026, 12, 1), 30, 25, 20))
    assert e.value.rule_id == "record.not_in_future"
    with pytest.raises(dy.NotFound):
        s.record_decision(dy.DecisionId(99), reps(d(2024, 3, 20), 30, 25, 20))
    assert snapshot(s, did) == before

    with pytest.raises(dy.InvalidInput) as e:
        s.open_decision(village.district.branch_b, date=d(2024, 3, 1), subject="x")
    assert e.value.field == "org"
    with pytest.raises(dy.InvalidInput) as e:
        s.open_decision(village.org, date=d(2024, 3, 1), subject="")
    assert e.value.field == "subject"
    with pytest.raises(dy.NotFound):
        s.open_decision(village.org, date=d(2024, 3, 1), subject="x", rule_set="nowhere")
    assert len(s.decisions()) == 1

    # A resolution that is not carried is recorded and closes the case as rejected.
    s.record_decision(did, reps(d(2024, 3, 20), 30, 25, 12))
    assert s.get_decision(did).stage == dy.DecisionStage.rejected
    with pytest.raises(dy.RuleViolation) as e:
        s.record_decision(did, dy.ResolutionPublished(date=d(2024, 3, 21)))
    assert e.value.rule_id == "decision.steps_in_order"


def test_a_case_under_a_profile_keeps_its_shorter_deadline(village):
    s = village.s
    s.register_rule_set(dy.make_profile("local-3d", {"decision.resolution_public_within_days": 3}))
    did = s.open_decision(village.org, {"date": d(2024, 3, 1), "subject": SUBJECT}, rule_set="local-3d")
    assert s.get_decision(did).rule_set_name == "local-3d"
    for record in rest_of_procedure()[:3]:
        s.record_decision(did, record)
    late = dy.ResolutionPublished(date=d(2024, 3, 24))  # resolved 03-20: due 03-23 under the profile
    with pytest.raises(dy.RuleViolation) as e:
        s.record_decision(did, late)
    assert e.value.rule_id == "decision.resolution_public_within_days"
    s.record_decision(did, late.replace(late_reason="停电, 公开栏无法更新"))
    assert s.get_decision(did).stage == dy.DecisionStage.resolution_published


def test_the_case_object_and_its_agenda():
    case = dy.DecisionCase(org=dy.OrgId(5), org_name="东村党支部")
    assert case.stage is None and case.state.stage is None
    case.record(kind="proposed", date=d(2024, 3, 1), subject=SUBJECT)
    for record in rest_of_procedure()[:3]:
        case.record(record)
    state = dy.decision_state_of(case)
    assert state.stage == dy.DecisionStage.resolved
    assert dy.resolution_public_deadline(state) == d(2024, 3, 27)
    assert dy.resolution_public_deadline(state, dy.RuleSet(decision=dy.DecisionParams(
        resolution_public_within_days=0))) is None
    assert dy.result_public_deadline(state) == d(2024, 10, 30)
    assert dy.result_public_deadline(state, implemented_on=d(2024, 9, 1)) == d(2024, 10, 1)
    items = dy.decision_agenda(case, d(2024, 3, 28))
    assert [(i.kind, i.status, i.rule_id) for i in items] == [
        ("decision.resolution_not_public", dy.AgendaStatus.overdue, "decision.resolution_public_within_days")]
    with pytest.raises(dy.RuleViolation) as e:
        dy.check_decision_record(case, {"kind": "result_published", "date": d(2024, 3, 28)})
    assert e.value.rule_id == "decision.steps_in_order"
    with pytest.raises(dy.RuleViolation) as e:
        case.record(dy.ResolutionPublished(date=d(2024, 3, 28)))
    assert e.value.rule_id == "decision.resolution_public_within_days"
    assert len(case.records) == 4
    assert dy.decision_stage_after(reps(d(2024, 3, 20), 30, 25, 12)) == dy.DecisionStage.rejected


def test_flow_chart_is_mermaid_from_the_transition_table():
    chart = dy.decision_flow_chart()
    assert chart.startswith("flowchart TD\n")
    assert "n_proposed --> n_two_committees_consulted" in chart
    assert "n_villagers_resolved -.->" in chart and "否决" in chart
