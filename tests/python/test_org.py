"""Organisations (bind_org.cpp): kinds, the org record, leadership, the tree and term rules."""

import dataclasses
import pickle

import pytest

import dangyuan as dy
from conftest import d, full_member


def test_org_kinds_have_chinese_names_and_parse_from_them():
    assert dy.OrgKind.branch.chinese_name == "党支部"
    assert dy.OrgKind.parse("党总支") == dy.OrgKind.general_branch
    assert dy.OrgKind.general_branch.code == "general_branch"
    assert dy.OfficerRole.parse("书记") == dy.OfficerRole.secretary
    assert dy.is_branch(dy.OrgKind.joint_branch) and dy.is_committee(dy.OrgKind.working_committee)
    with pytest.raises(dy.InvalidInput) as e:
        dy.OrgKind.parse("支委")
    assert e.value.field == "kind"


def test_an_org_record_needs_a_name_and_an_establishment_date():
    o = dy.OrgUnit(name="第一党支部", kind="党支部", established=d(2001, 3, 1))
    assert o.kind == dy.OrgKind.branch and o.parent is None and o.term_years == 0
    assert o == pickle.loads(pickle.dumps(o))
    assert o.replace(name="第二党支部").name == "第二党支部" and o.name == "第一党支部"
    assert o._asdict()["established"] == d(2001, 3, 1)
    for missing in ("name", "established"):
        fields = {"name": "x", "established": d(2001, 3, 1)}
        del fields[missing]
        with pytest.raises(dy.InvalidInput) as e:
            dy.OrgUnit(**fields)
        assert e.value.field == missing and e.value.reason == "is required"


def test_an_org_is_active_from_establishment_until_the_day_of_dissolution():
    o = dy.OrgUnit(name="x", established=d(2001, 3, 1), dissolved=d(2020, 1, 1))
    assert not o.active_on(d(2001, 2, 28)) and o.active_on(d(2001, 3, 1))
    assert o.active_on(d(2019, 12, 31)) and not o.active_on(d(2020, 1, 1))


def test_add_org_takes_keywords_a_record_a_mapping_or_a_dataclass(store):
    top = store.add_org(name="区委", kind=dy.OrgKind.higher_committee, established=d(1990, 1, 1))
    a = store.add_org(dy.OrgUnit(name="甲支部", parent=top, established=d(2000, 1, 1)))
    b = store.add_org({"name": "乙支部", "parent": top, "established": d(2000, 1, 1)}, why="新建")

    @dataclasses.dataclass
    class Row:
        name: str
        parent: object
        established: object
        kind: str = "党支部"

    c = store.add_org(Row("丙支部", top, d(2000, 1, 1)))
    assert [o.name for o in store.orgs()] == ["区委", "甲支部", "乙支部", "丙支部"]
    assert store.org(c).kind == dy.OrgKind.branch and store.org(b).version == 1
    assert a != b and isinstance(a, dy.OrgId)
    with pytest.raises(TypeError, match="OrgUnit has no field 'nmae'"):
        store.add_org(nmae="丁支部", parent=top, established=d(2000, 1, 1))


def test_党章2022_第30条_org_tree_structure_a_branch_cannot_sit_at_the_top(store):
    with pytest.raises(dy.RuleViolation) as e:
        store.add_org(name="孤立支部", kind=dy.OrgKind.branch, established=d(2000, 1, 1))
    assert e.value.rule_id == "org.tree_structure"
    assert dy.may_be_child_of(dy.OrgKind.party_group, dy.OrgKind.branch)
    assert not dy.may_be_child_of(dy.OrgKind.branch, None)
    with pytest.raises(dy.NotFound):
        store.add_org(name="x", parent=dy.OrgId(99), established=d(2000, 1, 1))


def test_支部工作条例2018_第21条_org_term_length_branches_serve_3_years_communities_5(store):
    top = store.add_org(name="区委", kind=dy.OrgKind.higher_committee, established=d(1990, 1, 1))
    with pytest.raises(dy.RuleViolation) as e:
        store.add_org(name="x", parent=top, established=d(2000, 1, 1), term_years=5)
    assert e.value.rule_id == "org.term_length"
    village = dy.OrgUnit(name="村支部", parent=top, established=d(2000, 1, 1), village_or_community=True,
                         term_start=d(2024, 2, 29))
    assert dy.term_length_years(village) == 5
    assert dy.term_end(village) == d(2029, 2, 28)
    assert dy.term_end(village.replace(term_start=None)) is None


def test_validate_org_checks_against_the_parent_record():
    parent = dy.OrgUnit(name="党工委", kind="working_committee", established=d(2005, 1, 1))
    child = dy.OrgUnit(name="支部", parent=dy.OrgId(1), established=d(2004, 1, 1))
    with pytest.raises(dy.InvalidInput) as e:
        dy.validate_org(child, parent)
    assert e.value.field == "established"
    with pytest.raises(dy.InvalidInput) as e:
        dy.validate_org(child)
    assert e.value.field == "parent"


def test_update_org_with_a_stale_version_is_a_conflict(district):
    s = district.store
    org = s.org(district.branch_b)
    s.update_org(org.replace(name="机关第二党支部（新）"), why="更名")
    assert s.org(district.branch_b).version == 2
    with pytest.raises(dy.Conflict, match="changed by someone else"):
        s.update_org(org)
    assert s.org(district.branch_b).name == "机关第二党支部（新）"


def test_orgs_in_scope_as_a_table(district):
    s = district.store
    street = s.orgs(district.street)
    assert [o.name for o in street] == ["城关街道党工委", "第一社区党支部", "机关第二党支部"]
    frame = s.orgs().to_pandas(labels="chinese")
    assert frame["kind"].tolist()[:2] == ["上级党委", "党工委"]
    assert frame["village_or_community"].tolist() == [False, False, True, False, True]


def add_full_members(district, branch, n, first_seq=1):
    return [district.store.add_member(full_member(branch, f"党员{first_seq + i}", d(2010, 7, 1), first_seq + i))
            for i in range(n)]


def test_leadership_is_recorded_from_a_date(district):
    s = district.store
    ids = add_full_members(district, district.branch_a, 3)
    s.set_leadership(district.branch_a, d(2022, 1, 1),
                     [dy.Officer(member=ids[0], role="书记"), {"member": ids[1], "role": "deputy_secretary"}])
    seats = s.leadership(district.branch_a, d(2023, 1, 1))
    assert [(o.member, o.role) for o in seats] == [(ids[0], dy.OfficerRole.secretary),
                                                   (ids[1], dy.OfficerRole.deputy_secretary)]
    assert s.leadership(district.branch_a, d(2021, 12, 31)) == []


def test_支部工作条例2018_第20条_org_committee_threshold_7_fewer_than_7_full_members_elect_no_committee(district):
    s = district.store
    ids = add_full_members(district, district.branch_a, 3)
    with pytest.raises(dy.RuleViolation) as e:
        s.set_leadership(district.branch_a, d(2022, 1, 1),
                         [dy.Officer(member=ids[0], role="secretary"),
                          dy.Officer(member=ids[1]), dy.Officer(member=ids[2])])
    assert e.value.rule_id == "org.committee_threshold_7"


def test_选举工作条例2020_第5条_org_officers_full_members_only_full_members_hold_seats(district):
    s = district.store
    probationary = full_member(district.branch_a, "预备", d(2021, 7, 1), 9)
    del probationary["full_member_date"]
    pid = s.add_member(probationary)
    with pytest.raises(dy.RuleViolation) as e:
        s.set_leadership(district.branch_a, d(2022, 1, 1), [dy.Officer(member=pid, role="secretary")])
    assert e.value.rule_id == "org.officers_full_members"


def test_validate_leadership_and_org_agenda_are_pure(district):
    branch = district.store.org(district.branch_a)
    seats = [dy.Officer(member=dy.MemberId(1), role="secretary")]
    dy.validate_leadership(branch, 3, seats)
    with pytest.raises(dy.InvalidInput) as e:
        dy.validate_leadership(branch, 3, [])
    assert e.value.field == "officers"
    with pytest.raises(dy.RuleViolation) as e:
        dy.validate_leadership(branch, 8, seats)
    assert e.value.rule_id == "org.committee_size"
    items = dy.org_agenda(branch, dy.OrgCounts(full_members=2, all_members=2), d(2026, 11, 26))
    assert [i.rule_id for i in items] == ["org.term_length", "org.branch_min_3_full"]
