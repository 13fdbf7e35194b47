"""The audit trail (bind_audit.cpp): one line per command, as records or a table."""

import numpy as np
import pandas as pd

import dangyuan as dy
from conftest import d, full_member


def test_each_command_leaves_one_audit_line_with_actor_and_reason(district):
    s = district.store
    log = s.audit_log()
    assert len(log) == 5  # the five organisations of the district
    assert [e.action for e in log] == ["insert"] * 5
    assert log[0].actor == "tester" and log[0].entity == "org" and log[0].entity_id == 1
    s.actor = "secretary"
    mid = s.add_member(full_member(district.branch_a, "张三", d(2010, 7, 1)), why="接收转入")
    last = s.audit_log(after=log[-1].seq)
    assert len(last) == 1
    entry = last[0]
    assert (entry.actor, entry.entity, entry.entity_id) == ("secretary", "member", mid.value)
    assert entry.why == "接收转入"
    assert "********" in entry.detail  # ID numbers are masked
    assert entry.at.endswith("Z")


def test_a_bulk_insert_is_one_audit_line(district):
    s = district.store
    before = len(s.audit_log())
    s.add_members([full_member(district.branch_a, f"党员{i}", d(2010, 7, 1), i) for i in range(1, 6)])
    log = s.audit_log()
    assert len(log) == before + 1
    assert log[-1].action == "bulk_insert" and "count=5" in log[-1].detail


def test_the_audit_log_as_a_frame(district):
    frame = district.store.audit_log().to_pandas()
    assert list(frame.columns) == ["seq", "at", "actor", "entity", "entity_id", "action", "why", "detail"]
    assert pd.api.types.is_datetime64_any_dtype(frame["at"])
    assert frame["at"].notna().all()
    assert (frame["seq"].diff().dropna() > 0).all()
    at = district.store.audit_log().to_numpy()["at"]
    assert at.dtype == np.dtype("datetime64[s]") and at[0] > np.datetime64("2020-01-01T00:00:00")


def test_an_untouched_trail_verifies(district):
    s = district.store
    s.add_member(full_member(district.branch_a, "张三", d(2010, 7, 1)), why="接收转入")
    v = s.verify_audit()
    assert v and v.ok
    assert v.entries_checked == len(s.audit_log()) == 6
    assert v.first_bad_seq is None
    assert "intact" in v.message
    assert v.head_seq == 6 and len(v.head_hash) == 64


def test_an_edited_entry_is_found_by_its_seq(store_path):
    import sqlite3

    with dy.open_store(store_path, actor="tester") as s:
        root = s.add_org(name="区委", kind=dy.OrgKind.higher_committee, established=d(1990, 1, 1))
        s.add_org(name="支部", kind=dy.OrgKind.branch, parent=root, established=d(2000, 1, 1))
        s.record_access("member list", "年度核查")
    raw = sqlite3.connect(store_path)
    raw.executescript("DROP TRIGGER audit_no_update; UPDATE audit SET actor = 'nobody' WHERE seq = 2;")
    raw.close()
    with dy.open_store(store_path, read_only=True) as s:
        v = s.verify_audit()
    assert not v and not v.ok
    assert v.first_bad_seq == 2
    assert v.entries_checked == 2
    assert "changed" in v.message
