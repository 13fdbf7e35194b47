"""Store integrity from Python: read-only opening, the pinned clock, backup and a verified restore."""

import sqlite3

import pytest

import dangyuan as dy
from conftest import District, d, full_member


def test_read_only_never_creates_or_writes(tmp_path):
    missing = tmp_path / "missing.db"
    with pytest.raises(dy.StorageError):
        dy.open_store(missing, read_only=True)
    assert not missing.exists()
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    with pytest.raises(dy.StorageError, match="empty"):
        dy.open_store(empty, read_only=True)
    assert empty.stat().st_size == 0

    path = tmp_path / "store.db"
    with dy.open_store(path) as s:
        District(s)
    before = path.read_bytes()
    with dy.open_store(path, read_only=True) as r:
        assert r.read_only
        assert len(r.orgs()) == 5
        with pytest.raises(dy.StorageError, match="read-only"):
            r.add_org(name="党委", kind=dy.OrgKind.higher_committee, established=d(1990, 1, 1))
    assert path.read_bytes() == before


def test_the_clock_is_pinned_and_future_events_are_refused():
    with dy.open_store(":memory:", today=d(2026, 11, 26), busy_timeout=0.5) as s:
        assert s.today == d(2026, 11, 26)
        district = District(s)
        with pytest.raises(dy.RuleViolation) as e:
            s.add_member(**full_member(district.branch_b, "明日", d(2026, 11, 27)))
        assert e.value.rule_id == "record.not_in_future"
        s.add_member(**full_member(district.branch_b, "今日", d(2025, 11, 26)))


def test_backup_restore(tmp_path):
    path = tmp_path / "store.db"
    with dy.open_store(path, today=d(2026, 11, 26)) as s:
        district = District(s)
        s.add_member(**full_member(district.branch_b, "张三", d(2010, 7, 1)))
        s.backup(tmp_path / "copy.db")
        s.add_member(**full_member(district.branch_b, "李四", d(2011, 7, 1), seq=2))
    restored = tmp_path / "restored.db"
    dy.restore(tmp_path / "copy.db", restored)
    with dy.open_store(restored, read_only=True) as r:
        assert r.member_count() == 1

    foreign = tmp_path / "foreign.db"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE t(x)")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(dy.StorageError, match="not a dangyuan store"):
        dy.restore(foreign, path)
    assert path.read_bytes() == before
