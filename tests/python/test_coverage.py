"""Coverage of units by party organisations (两新组织党建覆盖, docs/organisation-work.md): the register of units
with their credit code (GB 32100-2015) and sector, coverage by an own or a joint branch, instructors, members
working in units, the agenda, the statistics of a year and the profile parameters."""

import pytest

import dangyuan as dy
from conftest import District, d, full_member


class Town:
    def __init__(self, store):
        self.s = store
        self.district = District(store)
        self.street = self.district.street
        self.joint = store.add_org(name="城关联合党支部", kind=dy.OrgKind.joint_branch, parent=self.street,
                                   established=d(2019, 1, 1))
        self.own = store.add_org(name="科技公司党支部", kind=dy.OrgKind.branch, parent=self.street,
                                 established=d(2020, 6, 1))
        b = self.district.branch_b
        self.zhang = store.add_member(full_member(b, "张伟", d(2010, 7, 1), 1))
        self.li = store.add_member(full_member(b, "李娜", d(2012, 7, 1), 2, dy.Sex.female))
        self.wang = store.add_member(full_member(b, "王强", d(2011, 7, 1), 3))

    def unit(self, name, code, sector=dy.UnitSector.non_public_enterprise, on=d(2020, 1, 1)):
        return self.s.add_unit(name=name, credit_code=code, sector=sector, responsible=self.street,
                               registered_on=on)


@pytest.fixture
def town():
    with dy.open_store(":memory:", actor="tester", today=d(2026, 6, 30)) as s:
        yield Town(s)


def test_credit_code():
    assert dy.credit_code_check_character("91512081MA62K0260") == "E"
    assert dy.credit_code_check_character("91110108MA01ABCDH") == "0"
    assert dy.credit_code_check_character("short") is None
    dy.check_credit_code("91512081MA62K0260E")
    with pytest.raises(dy.RuleViolation) as e:
        dy.check_credit_code("91350100M000100Y4Z")
    assert e.value.rule_id == "coverage.credit_code_gb32100"
    assert dy.is_new_sector(dy.UnitSector.foundation)
    assert not dy.is_new_sector(dy.UnitSector.government_agency)
    assert dy.UnitSector.parse("社会团体") == dy.UnitSector.social_group


def test_units_coverage_instructors_and_members_round_trip(town):
    s = town.s
    a = s.add_unit(dy.Unit(name="城关科技有限公司", credit_code="91512081ma62k0260e",
                           sector="非公有制企业", responsible=town.street, registered_on=d(2020, 1, 1)),
                   why="登记")
    assert isinstance(a, dy.UnitId)
    u = s.get_unit(a)
    assert (u.name, u.credit_code, u.sector, u.closed_on) == (
        "城关科技有限公司", "91512081MA62K0260E", dy.UnitSector.non_public_enterprise, None)
    assert u.exists_on(d(2020, 1, 1)) and not u.exists_on(d(2019, 12, 31))
    assert s.unit_by_code("91512081MA62K0260E") == u
    assert s.unit_by_code("91110108MA01ABCD1E") is None
    link = s.cover_unit(a, town.joint, d(2021, 1, 1), note="联合组建")
    c = s.unit_coverage(a)[0]
    assert (c.id, c.org, c.form, c.since, c.until) == (link, town.joint, dy.CoverageForm.joint, d(2021, 1, 1), None)
    assert c.covers(d(2021, 1, 1))
    s.end_coverage(link, d(2021, 12, 31))
    assert s.units_covered_by(town.joint)[0].until == d(2021, 12, 31)
    i = s.assign_instructor(unit=a, instructor="李明", member=town.li, since=d(2020, 6, 1))
    assert s.unit_instructors(a)[0].id == i
    m = s.link_member_unit(town.zhang, a, d(2021, 1, 1))
    assert [x.id for x in s.member_units_of(town.zhang)] == [m]
    assert [x.member for x in s.unit_members(a)] == [town.zhang]
    s.record_unit_employees(unit=a, on=d(2025, 12, 31), employees=80)
    assert [(h.on, h.employees) for h in s.unit_headcounts(a)] == [(d(2025, 12, 31), 80)]
    assert [x.id for x in s.units(town.street)] == [a]
    assert len(s.units(town.district.village)) == 0
    assert [e.action for e in s.audit_log() if e.entity == "coverage"] == [
        "unit_added", "covered", "coverage_ended", "instructor", "member_unit", "employees"]


def test_lists_are_column_tables(town):
    s = town.s
    a = town.unit("城关科技有限公司", "91512081MA62K0260E")
    b = town.unit("城关律师协会", "52110105MJ0000001K", dy.UnitSector.social_group)
    s.cover_unit(a, town.joint, d(2021, 1, 1))
    s.cover_unit(b, town.joint, d(2021, 3, 1))
    s.assign_instructor(unit=b, instructor="李明", member=town.li, since=d(2020, 6, 1))
    s.assign_instructor(unit=b, instructor="外聘指导员", since=d(2020, 7, 1))
    s.link_member_unit(town.zhang, a, d(2021, 1, 1))
    s.record_unit_employees(unit=a, on=d(2025, 12, 31), employees=80)
    units = s.units()
    assert isinstance(units, dy.Units) and isinstance(units, dy.Table)
    assert isinstance(units[0], dy.Unit) and [u.id for u in units] == [a, b]
    frame = units.to_pandas()
    assert list(frame.columns) == ["id", "name", "credit_code", "sector", "responsible", "registered_on",
                                   "closed_on", "note"]
    assert list(frame["name"]) == ["城关科技有限公司", "城关律师协会"]
    assert [str(x) for x in frame["sector"]] == ["non_public_enterprise", "social_group"]
    assert frame["closed_on"].isna().all()
    links = s.units_covered_by(town.joint)
    assert isinstance(links, dy.CoverageLinks) and isinstance(s.unit_coverage(a), dy.CoverageLinks)
    lf = links.to_pandas()
    assert list(lf["unit"]) == [a.value, b.value]
    assert [str(x) for x in lf["form"]] == ["joint", "joint"]
    assert lf["until"].isna().all()
    instructors = s.unit_instructors(b)
    assert isinstance(instructors, dy.InstructorAssignments)
    inf = instructors.to_pandas()
    assert list(inf["instructor"]) == ["李明", "外聘指导员"]
    assert inf["member"].iloc[0] == town.li.value and inf["member"].isna().iloc[1]
    members = s.unit_members(a)
    assert isinstance(members, dy.MemberUnits) and isinstance(s.member_units_of(town.zhang), dy.MemberUnits)
    assert list(members.to_pandas()["member"]) == [town.zhang.value]
    heads = s.unit_headcounts(a)
    assert isinstance(heads, dy.UnitHeadcounts)
    assert list(heads.to_pandas()["employees"]) == [80]
    empty = s.units(town.district.village)
    assert len(empty) == 0 and len(empty.to_pandas()) == 0


def test_refused_commands_name_their_rule_and_change_nothing(town):
    s = town.s
    a = town.unit("城关科技有限公司", "91512081MA62K0260E")
    s.cover_unit(a, town.joint, d(2021, 1, 1))
    s.link_member_unit(town.zhang, a, d(2021, 1, 1))
    before = len(s.audit_log())
    cases = [
        (lambda: town.unit("重复公司", "91512081MA62K0260E"), "coverage.credit_code_unique"),
        (lambda: town.unit("坏代码公司", "91350100M000100Y4Z"), "coverage.credit_code_gb32100"),
        (lambda: s.cover_unit(a, town.own, d(2022, 1, 1)), "coverage.one_organisation"),
        (lambda: s.cover_unit(a, town.street, d(2022, 1, 1)), "coverage.covering_org_kind"),
        (lambda: s.link_member_unit(town.zhang, a, d(2022, 1, 1)), "coverage.member_one_unit"),
        (lambda: s.close_unit(a, d(2023, 1, 1)), "coverage.close_without_open_links"),
        (lambda: town.unit("未来公司", "91110108MA01ABCD1E", on=d(2026, 7, 1)), "record.not_in_future"),
    ]
    for call, rule in cases:
        with pytest.raises(dy.RuleViolation) as e:
            call()
        assert e.value.rule_id == rule
    with pytest.raises(dy.InvalidInput) as e:
        s.add_unit(name="", credit_code="91110108MA01ABCD1E", sector="其他", responsible=town.street,
                   registered_on=d(2020, 1, 1))
    assert e.value.field == "name"
    with pytest.raises(dy.InvalidInput) as e:
        s.add_unit(name="某公司", credit_code="91110108MA01ABCD1E", sector="企业", responsible=town.street,
                   registered_on=d(2020, 1, 1))
    assert e.value.field == "sector"
    assert len(s.audit_log()) == before
    assert len(s.units()) == 1


def test_statistics_and_agenda(town):
    s = town.s
    a = town.unit("城关科技有限公司", "91512081MA62K0260E")
    b = town.unit("城关物流有限公司", "91110108MA01ABCD1E")
    c = town.unit("城关律师协会", "52110105MJ0000001K", dy.UnitSector.social_group)
    s.cover_unit(a, town.joint, d(2021, 1, 1))
    s.assign_instructor(unit=c, instructor="李明", since=d(2021, 1, 1))
    for m in (town.zhang, town.li, town.wang):
        s.link_member_unit(m, a, d(2025, 8, 31))
    st = s.coverage_statistics(2025)
    assert (st.year, st.units, st.own_organisation, st.joint_branch, st.instructor_only, st.uncovered) == (
        2025, 3, 0, 1, 1, 1)
    assert (st.establish_due, st.no_members, st.members, st.new_sector_units, st.new_sector_covered) == (
        1, 2, 3, 3, 1)
    assert st.units_by_sector[dy.UnitSector.non_public_enterprise] == 2
    assert st.units_by_sector[dy.UnitSector.foundation] == 0
    assert st.organisation_coverage() == pytest.approx(1 / 3)
    assert st.work_coverage() == pytest.approx(2 / 3)
    assert st.effective == 0 and st.effective_coverage() == 0
    assert s.coverage_statistics(2025, town.district.village).units == 0
    on = d(2026, 2, 28)
    items = [i for i in s.agenda(on) if i.kind.startswith("coverage.")]
    assert sorted((i.kind, i.org, i.status, i.rule_id, i.due) for i in items) == sorted([
        ("coverage.establish_due", town.street, dy.AgendaStatus.due, "coverage.establish_within_months", on),
        ("coverage.joint_branch_single_unit", town.joint, dy.AgendaStatus.finding,
         "coverage.joint_branch_two_units", on)])
    scoped = [i for i in s.agenda(on, town.joint) if i.kind.startswith("coverage.")]
    assert [i.kind for i in scoped] == ["coverage.joint_branch_single_unit"]
    s.cover_unit(b, town.joint, d(2026, 1, 1))
    assert [i.kind for i in s.agenda(on) if i.kind.startswith("coverage.")] == ["coverage.establish_due"]


def test_profile_parameters():
    r = dy.RuleSet()
    assert (r.coverage.establish_months, r.coverage.notice_months) == (6, 1)
    assert "coverage.establish_months=6" in dy.to_text(r).splitlines()
    local = dy.make_profile("local-3m", {"coverage.establish_months": 3})
    assert local.coverage.establish_months == 3
    with pytest.raises(dy.RuleViolation) as e:
        dy.make_profile("local-weak", {"coverage.establish_months": 12})
    assert e.value.rule_id == "rules.profile_cannot_weaken"
    with dy.open_store(":memory:", actor="tester", rules=local, today=d(2026, 6, 30)) as s:
        t = Town(s)
        a = t.unit("城关科技有限公司", "91512081MA62K0260E")
        for m in (t.zhang, t.li, t.wang):
            s.link_member_unit(m, a, d(2025, 8, 31))
        items = [i for i in s.agenda(d(2025, 11, 30)) if i.kind == "coverage.establish_due"]
        assert [(i.due, i.status) for i in items] == [(d(2025, 11, 30), dy.AgendaStatus.due)]
