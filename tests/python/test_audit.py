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
