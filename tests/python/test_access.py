"""Who may see and change what (docs/security.md, "Roles and permissions"): open_store(principal=...)."""

import pytest

import dangyuan as dy
from conftest import District, d, full_member


@pytest.fixture
def shared(tmp_path):
    """A district on a file, with one member in each of the two street branches; the handle has full access."""
    path = tmp_path / "store.db"
    with dy.open_store(path, actor="组织部", today=d(2026, 6, 30)) as s:
        w = District(s)
        w.path = path
        w.a1 = s.add_member(full_member(w.branch_a, "甲", d(2015, 7, 1), seq=1))
        w.b1 = s.add_member(full_member(w.branch_b, "乙", d(2015, 7, 1), seq=2))
        yield w


def open_as(w, principal):
    return dy.open_store(w.path, actor="王芳", today=d(2026, 6, 30), principal=principal)


def denials(w):
    return sum(1 for e in w.store.audit_log() if e.entity == "access" and e.action == "denied")


def test_principal_parse_and_roles():
    p = dy.Principal.parse("branch_secretary@12", "王芳")
    assert p.label == "branch_secretary@12"
    assert p.org == dy.OrgId(12)
    assert p.role.name == "branch_secretary"
    assert not p.may(dy.Permission.approve_as_higher_committee)
    assert [r.name for r in dy.built_in_roles()] == [
        "organisation_department", "party_committee", "branch_secretary", "analyst", "auditor"]
    assert dy.Role.analyst().permissions == [dy.Permission.read_roster, dy.Permission.export_data]
    clerk = dy.Role("clerk", [dy.Permission.read_roster])
    assert clerk.may(dy.Permission.read_roster) and not clerk.may(dy.Permission.write_roster)
    with pytest.raises(dy.InvalidInput) as e:
        dy.Principal.parse("chairman@1", "x")
    assert e.value.field == "role"


def test_branch_secretary_cannot_read_or_change_another_branch(shared):
    w = shared
    with open_as(w, f"branch_secretary@{w.branch_a.value}") as s:
        assert s.principal.label == f"branch_secretary@{w.branch_a.value}"
        assert [m.id for m in s.roster()] == [w.a1]
        before = denials(w)
        with pytest.raises(dy.AccessDenied) as e:
            s.get_member(w.b1)
        assert e.value.permission == "read_roster"
        assert e.value.org == w.branch_b.value
        assert isinstance(e.value, PermissionError)
        with pytest.raises(dy.AccessDenied) as e:
            s.add_member(full_member(w.branch_b, "丙", d(2016, 7, 1), seq=3))
        assert e.value.permission == "write_roster"
        assert denials(w) == before + 2
        assert len(w.store.roster(dy.Scope.subtree(w.branch_b))) == 1  # nothing added
        s.add_member(full_member(w.branch_a, "丁", d(2016, 7, 1), seq=4))
    assert w.store.audit_log()[-1].actor == f"王芳 (branch_secretary@{w.branch_a.value})"


def test_analyst_reads_masked_and_writes_nothing(shared):
    w = shared
    full = w.store.get_member(w.a1)
    analyst = dy.Principal("数据组", dy.Role.analyst())
    with open_as(w, analyst) as s:
        seen = s.get_member(w.a1)
        assert seen.id_number is None
        assert seen.birth_date == d(full.birth_date.year, 1, 1)
        assert all(m.id_number is None for m in s.roster())
        assert all(m.birth_date.month == 1 and m.birth_date.day == 1 for m in s.roster())
        with pytest.raises(dy.AccessDenied) as e:
            s.record_access("roster", "核查")
        assert e.value.permission == "unmasked_personal_data"
        with pytest.raises(dy.AccessDenied):
            s.add_member(full_member(w.branch_a, "丙", d(2016, 7, 1), seq=3))


def test_auditor_reads_the_trail_only(shared):
    w = shared
    with open_as(w, "auditor") as s:
        assert s.verify_audit().ok
        assert len(s.audit_log()) > 0
        with pytest.raises(dy.AccessDenied) as e:
            s.roster()
        assert e.value.permission == "read_roster"
        assert e.value.org == 0
