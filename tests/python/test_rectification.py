"""Rectification of weak organisations (软弱涣散党组织, 后进社区整顿; bind_rectification.cpp): the code
tables, RectificationParams on the RuleSet, the records, the pure deadline and agenda, and the store
methods (designate_for_rectification, contacts, milestones, commitments, evaluations, review, removal,
the queries and rectification_statistics)."""

import pytest

import dangyuan as dy
from conftest import District, d


@pytest.fixture
def district():
    with dy.open_store(":memory:", actor="tester", today=d(2026, 6, 30)) as s:
        yield District(s)


def test_code_tables_and_parameters():
    assert dy.RectificationReason.parse("书记不胜任") == dy.RectificationReason.secretary_unfit
    assert len(dy.RectificationReason.all()) == 9
    assert dy.RectificationKind.lagging_community.chinese_name == "后进社区"
    assert [k.chinese_name for k in dy.RectificationContactKind.all()] == [
        "区级领导分包联系", "区直部门定向联系", "第一书记定点联系", "先进社区结对联系"]
    assert dy.RectificationEvaluator.parse("群众") == dy.RectificationEvaluator.masses
    assert dy.AcceptanceResult.parse("未通过") == dy.AcceptanceResult.failed
    r = dy.RuleSet()
    assert isinstance(r.rectification, dy.RectificationParams)
    assert (r.rectification.max_months, r.rectification.contacts_days) == (12, 30)
    assert "rectification.max_months=12" in dy.to_text(r).splitlines()
    local = dy.make_profile("local-6", {"rectification.max_months": 6})
    assert local.rectification.max_months == 6
    with pytest.raises(dy.RuleViolation) as e:
        dy.make_profile("lax", {"rectification.contacts_days": 60})
    assert e.value.rule_id == "rules.profile_cannot_weaken"


def test_deadline_and_agenda_of_a_record_clamped_at_month_end():
    r = dy.Rectification(org=dy.OrgId(3), org_name="第一社区党支部", designated_on=d(2025, 1, 31),
                         reasons=[dy.RectificationReason.secretary_unfit])
    monthly = dy.RuleSet(name="m", rectification=dy.RectificationParams(max_months=1, contacts_days=0))
    assert dy.rectification_deadline(d(2025, 1, 31), monthly) == d(2025, 2, 28)
    assert dy.rectification_deadline(d(2025, 1, 31)) == d(2026, 1, 31)
    assert len(dy.rectification_agenda(r, d(2025, 2, 27), monthly)) == 0
    items = dy.rectification_agenda(r, d(2025, 2, 28), monthly)
    assert [(i.kind, i.rule_id, i.status) for i in items] == [
        ("rectification.overdue", "rectification.within_max_months", dy.AgendaStatus.due)]
    assert [i.status for i in dy.rectification_agenda(r, d(2025, 3, 1), monthly)] == [dy.AgendaStatus.overdue]
    assert r.open_on(d(2025, 1, 31)) and not r.open_on(d(2025, 1, 30))


def test_a_designation_end_to_end_through_the_store(district):
    s, dist = district.store, district
    rid = s.designate_for_rectification(org=dist.branch_a, date=d(2025, 3, 1),
                                        kind=dy.RectificationKind.lagging_community, batch="第七批",
                                        reasons=[dy.RectificationReason.org_life_irregular, "书记不胜任"],
                                        why="区委组织部研究决定")
    assert isinstance(rid, dy.RectificationId)
    kinds = [i.kind for i in s.agenda(d(2025, 4, 1), dist.branch_a) if i.kind.startswith("rectification.")]
    assert kinds == ["rectification.contacts_missing"]
    s.assign_rectification_contact(rid, kind=dy.RectificationContactKind.district_leader, name="王区长",
                                   start=d(2025, 3, 5))
    s.assign_rectification_contact(rid, kind="区直部门定向联系", name="区民政局", start=d(2025, 3, 5))
    s.assign_rectification_contact(rid, kind="first_secretary", name="刘明", start=d(2025, 3, 5))
    s.assign_rectification_contact(rid, dy.RectificationContact(kind=dy.RectificationContactKind.paired_community,
                                                                org=dist.village, start=d(2025, 3, 5)))
    assert s.add_rectification_milestone(rid, text="配齐班子", due=d(2025, 6, 30)) == 1
    s.record_rectification_commitment(rid, date=d(2025, 3, 15), text="三个月内配齐班子")
    s.record_rectification_evaluation(rid, date=d(2025, 12, 1), evaluator="群众", satisfied=40,
                                      basically_satisfied=8, dissatisfied=2)
    assert [i.kind for i in s.agenda(d(2025, 7, 1)) if i.kind.startswith("rectification.")] == [
        "rectification.milestone_due"]
    s.complete_rectification_milestone(rid, 1, d(2025, 7, 5))
    s.review_rectification(rid, date=d(2025, 12, 10), result=dy.AcceptanceResult.passed)
    s.remove_from_rectification(rid, d(2025, 12, 20), why="验收合格")
    r = s.get_rectification(rid)
    assert r.removed_on == d(2025, 12, 20)
    assert r.reasons == [dy.RectificationReason.org_life_irregular, dy.RectificationReason.secretary_unfit]
    assert [c.kind for c in r.contacts][-1] == dy.RectificationContactKind.paired_community
    assert r.contacts[-1].name == "东村党支部"
    assert r.milestones[0].completed_on == d(2025, 7, 5)
    assert r.evaluations[0].total() == 50
    listed = s.rectifications(dist.street)
    assert isinstance(listed, dy.Rectifications) and isinstance(listed, dy.Table)
    assert [x.id for x in listed] == [rid]
    assert listed[0] == r
    frame = listed.to_pandas()
    assert list(frame.columns) == [
        "id", "org", "org_name", "designated_on", "kind", "batch", "reasons", "other_reason", "note", "contacts",
        "milestones", "milestones_completed", "commitments", "evaluations", "reviews", "removed_on",
        "rule_set_name"]
    row = frame.iloc[0]
    assert (row["id"], row["org_name"], row["batch"], row["reasons"], row["contacts"]) == (
        rid.value, "第一社区党支部", "第七批", 2, 4)
    assert str(row["kind"]) == "lagging_community"
    assert (row["milestones"], row["milestones_completed"], row["evaluations"], row["reviews"]) == (1, 1, 1, 1)
    assert row["removed_on"].date() == d(2025, 12, 20) and row["rule_set_name"] == "national-2014"
    assert len(s.rectifications(dist.branch_b)) == 0
    assert len(s.rectifications(year=2024).to_pandas()) == 0
    audit = [e.action for e in s.audit_log() if e.entity == "rectification"]
    assert audit == ["designate", "contact", "contact", "contact", "contact", "milestone", "commitment",
                     "evaluation", "milestone_completed", "review", "removed"]
    stats = s.rectification_statistics(2025, dist.street)
    assert (stats.designated, stats.removed, stats.open_at_year_end) == (1, 1, 0)
    assert stats.designated_by_kind[dy.RectificationKind.lagging_community] == 1
    assert stats.designated_by_reason[dy.RectificationReason.secretary_unfit] == 1
    assert (stats.milestones_due, stats.milestones_completed_on_time) == (1, 0)
    assert s.rectification_statistics(2025, dist.village).designated == 0


def test_refused_commands_name_the_rule_or_field_and_change_nothing(district):
    s, dist = district.store, district
    rid = s.designate_for_rectification(org=dist.branch_a, date=d(2025, 3, 1),
                                        reasons=[dy.RectificationReason.secretary_unfit])
    before = (len(s.audit_log()), s.get_rectification(rid))
    with pytest.raises(dy.RuleViolation) as e:
        s.designate_for_rectification(org=dist.branch_a, date=d(2025, 5, 1), reasons=["other"],
                                      other_reason="换届未按期")
    assert e.value.rule_id == "rectification.one_open_designation"
    with pytest.raises(dy.RuleViolation) as e:
        s.designate_for_rectification(org=dist.district_committee, date=d(2025, 5, 1),
                                      reasons=["secretary_unfit"])
    assert e.value.rule_id == "rectification.org_exists"
    with pytest.raises(dy.InvalidInput) as e:
        s.designate_for_rectification(org=dist.branch_b, date=d(2025, 5, 1), reasons=[])
    assert e.value.field == "reasons"
    with pytest.raises(dy.RuleViolation) as e:
        s.add_rectification_milestone(rid, text="配齐班子", due=d(2025, 3, 1))
    assert e.value.rule_id == "rectification.milestone_after_designation"
    with pytest.raises(dy.RuleViolation) as e:
        s.remove_from_rectification(rid, d(2025, 12, 1))
    assert e.value.rule_id == "rectification.removal_after_acceptance"
    with pytest.raises(dy.InvalidInput) as e:
        s.record_rectification_evaluation(rid, date=d(2025, 6, 1), evaluator="党员")
    assert e.value.field == "tallies"
    with pytest.raises(dy.InvalidInput) as e:
        s.assign_rectification_contact(rid, kind="district_leader", start=d(2025, 3, 5))
    assert e.value.field == "name"
    assert (len(s.audit_log()), s.get_rectification(rid)) == before
    with pytest.raises(dy.NotFound):
        s.get_rectification(dy.RectificationId(99))
    with pytest.raises(dy.InvalidInput) as e:
        s.rectification_statistics(0)
    assert e.value.field == "year"


def test_a_designation_keeps_the_rule_set_it_was_made_under(district):
    s, dist = district.store, district
    rid = s.designate_for_rectification(org=dist.branch_a, date=d(2025, 1, 31), reasons=["书记不胜任"])
    r = s.get_rectification(rid)
    assert r.rule_set_name == "national-2014"
    assert s.rectification_rules(r) == dy.RuleSet()
    # A record naming a rule set nobody registered cannot be judged.
    r.rule_set_name = "nowhere"
    with pytest.raises(dy.NotFound):
        s.rectification_rules(r)

