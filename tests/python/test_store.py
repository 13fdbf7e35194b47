"""The store (bind_store.cpp): opening and closing, organisations and members, bulk loads and queries
without the GIL."""

import dataclasses
import datetime as dt
import hashlib
import io
import pathlib
import threading
import time

import pandas as pd
import pytest

import dangyuan as dy
from conftest import District, d, full_member, id_for


def file_hash(path: pathlib.Path) -> str:
    h = hashlib.sha256()
    for p in (path, pathlib.Path(f"{path}-wal")):
        if p.exists():
            h.update(p.read_bytes())
    return h.hexdigest()


def test_a_store_is_created_reopened_and_closed(store_path):
    with dy.open_store(store_path, actor="clerk") as s:
        assert s.path == str(store_path) and not s.closed
        assert s.schema_version == dy.Store.schema_version_latest
        assert s.actor == "clerk"
        s.add_org(name="区委", kind="上级党委", established=d(1990, 1, 1))
    assert s.closed and "closed" in repr(s)
    with dy.open_store(str(store_path), create=False) as again:
        assert [o.name for o in again.orgs()] == ["区委"]
        assert again.actor == "system"


def test_open_store_refuses_a_missing_file_without_create(tmp_path):
    with pytest.raises(dy.StorageError):
        dy.open_store(tmp_path / "missing.db", create=False)
    with pytest.raises(TypeError):
        dy.open_store(tmp_path / "x.db", "actor")  # options are keywords


def test_a_closed_store_raises_store_closed_on_every_use(district):
    s = district.store
    s.close()
    s.close()  # twice is harmless
    for use in (lambda: s.roster(), lambda: s.agenda(d(2024, 1, 1)), lambda: s.member_count(),
                lambda: s.add_org(name="x", established=d(2000, 1, 1)), lambda: s.schema_version,
                lambda: s.standing_history(dy.MemberId(1)), lambda: setattr(s, "actor", "x")):
        with pytest.raises(dy.StoreClosed, match="is closed"):
            use()


def test_members_round_trip_every_field(district):
    s = district.store
    f = full_member(district.branch_a, "张三", d(2010, 7, 1))
    f.update(ethnicity="回族", education="大学本科毕业", category="工人", work_unit="城关街道办事处", post="科员",
             native_place="山东济南", phone="13800138000", address="城关街道1号")
    mid = s.add_member(**f)
    back = s.get_member(mid)
    expected = dy.Member(f).replace(id=mid, version=1)
    assert back == expected
    assert s.find_member(f["id_number"]) == back
    assert s.find_member(dy.CitizenId(f["id_number"])) == back
    assert s.find_member(id_for(d(1950, 1, 1))) is None
    assert s.member_count() == 1
    with pytest.raises(dy.NotFound):
        s.get_member(dy.MemberId(99))


def test_a_second_member_with_the_same_id_number_is_a_conflict(district):
    s = district.store
    f = full_member(district.branch_a, "张三", d(2010, 7, 1))
    s.add_member(f)
    with pytest.raises(dy.Conflict):
        s.add_member(dict(f, name="张三二"))


def test_update_member_with_a_stale_version_is_a_conflict(district):
    s = district.store
    mid = s.add_member(full_member(district.branch_a, "张三", d(2010, 7, 1)))
    m = s.get_member(mid)
    m.phone = "13900000000"
    s.update_member(m, why="电话变更")
    assert s.get_member(mid).phone == "13900000000" and s.get_member(mid).version == 2
    m.phone = "13700000000"
    with pytest.raises(dy.Conflict):
        s.update_member(m)  # m still has version 1
    assert s.get_member(mid).phone == "13900000000"


def test_a_rejected_command_writes_nothing(store_path):
    with dy.open_store(store_path) as s:
        t = District(s)
        s.add_member(full_member(t.branch_a, "张三", d(2010, 7, 1)))
        before = file_hash(store_path)
        with pytest.raises(dy.RuleViolation):
            s.add_member(full_member(t.branch_a, "少年", d(2010, 7, 1), 2), birth_date=d(1995, 1, 1),
                         id_number=id_for(d(1995, 1, 1), seq=2))
        with pytest.raises(dy.InvalidInput):
            s.add_members([full_member(t.branch_a, "甲", d(2010, 7, 1), 3), {"name": "乙"}])
        assert file_hash(store_path) == before
        assert s.member_count() == 1


def test_add_members_loads_records_in_one_transaction_and_names_the_row(district):
    s = district.store

    @dataclasses.dataclass
    class Row:
        name: str
        id_number: str
        branch: object
        admission_date: dt.date
        full_member_date: dt.date

    rows = [full_member(district.branch_a, f"党员{i}", d(2010, 7, 1), i) for i in range(1, 4)]
    rows.append(Row("党员4", id_for(d(1981, 1, 1), seq=4), district.branch_b, d(2011, 1, 1), d(2012, 1, 1)))
    rows.append(dy.Member(full_member(district.branch_b, "党员5", d(2012, 1, 1), 5)))
    ids = s.add_members(rows, why="批量导入")
    assert len(ids) == 5 and all(isinstance(i, dy.MemberId) for i in ids)
    assert [s.get_member(i).name for i in ids] == [f"党员{i}" for i in range(1, 6)]

    bad = [full_member(district.branch_a, "甲", d(2010, 7, 1), 11),
           full_member(district.branch_a, "乙", d(2010, 7, 1), 12)]
    bad[1]["id_number"] = "110101"
    with pytest.raises(dy.InvalidIdNumber, match="row 2"):
        s.add_members(bad)
    bad[1]["id_number"] = id_for(d(1980, 7, 1), seq=12)
    bad[1]["birth_date"] = "1980-07-01"
    with pytest.raises(TypeError, match="row 2: birth_date: expected datetime.date"):
        s.add_members(bad)
    assert s.member_count() == 5


def test_add_members_from_a_dataframe(district):
    frame = pd.DataFrame([full_member(district.branch_a, f"党员{i}", d(2010, 7, 1), i) for i in range(1, 4)])
    frame["education"] = ["本科", None, "大专"]  # None in an object column is "not given"
    ids = district.store.add_members(frame.to_dict("records"))
    assert [district.store.get_member(i).education for i in ids] == [
        dy.Education.undergraduate, None, dy.Education.junior_college]
    ids = district.store.add_members(
        frame.assign(name=["甲", "乙", "丙"], id_number=[id_for(d(1985, 1, i)) for i in range(1, 4)],
                     birth_date=None).itertuples(index=False))
    assert len(ids) == 3


def test_add_members_from_a_csv_with_text_dates_converted_to_dates(district):
    text = ("name,id_number,education,application_date,admission_date,full_member_date\n"
            f"张三,{id_for(d(1980, 1, 1), seq=1)},本科,2005-01-01,2006-07-01,2007-07-01\n"
            f"李梅,{id_for(d(1982, 2, 2), dy.Sex.female, 2)},,2006-01-01,2007-07-01,\n")
    rows = pd.read_csv(io.StringIO(text), dtype=str)
    with pytest.raises(TypeError, match="row 1: application_date: expected datetime.date, got str"):
        district.store.add_members(rows.assign(branch=district.branch_a).to_dict("records"))
    for column in ("application_date", "admission_date", "full_member_date"):
        rows[column] = pd.to_datetime(rows[column]).dt.date  # missing cells become NaT: not given
    rows["branch"] = district.branch_a
    ids = district.store.add_members(rows.to_dict("records"))
    li = district.store.get_member(ids[1])
    assert li.sex == dy.Sex.female and li.birth_date == d(1982, 2, 2)
    assert li.education is None and li.full_member_date is None


def test_the_roster_filters_by_scope_and_date(district):
    s = district.store
    a = s.add_member(full_member(district.branch_a, "甲", d(2010, 7, 1), 1))
    b = s.add_member(full_member(district.branch_b, "乙", d(2015, 7, 1), 2))
    v = s.add_member(full_member(district.village, "丙", d(2020, 7, 1), 3))
    assert [m.id for m in s.roster()] == [a, b, v]
    assert [m.id for m in s.roster(district.street)] == [a, b]
    assert [m.id for m in s.roster(as_of=d(2015, 7, 1))] == [a, b]
    assert [m.id for m in s.roster(dy.Scope.subtree(district.village), as_of=d(2019, 1, 1))] == []
    with pytest.raises(TypeError):
        s.roster(as_of=dt.datetime(2015, 7, 1))


def test_queries_release_the_gil(store):
    """Another Python thread runs while the store works in C++: it leaves time stamps inside the middle
    half of the query's duration, which it could not do if the query held the GIL."""
    t = District(store)
    store.add_members([full_member(t.branch_a, f"党员{i}", d(2002, 1, 1) + dt.timedelta(days=i % 7919), i % 100)
                       for i in range(20000)])
    stamps = []
    stop = threading.Event()

    def tick():
        while not stop.is_set():
            stamps.append(time.perf_counter())
            time.sleep(0.0002)

    thread = threading.Thread(target=tick)
    thread.start()
    try:
        seen = False
        for _ in range(5):
            start = time.perf_counter()
            roster = store.roster()
            end = time.perf_counter()
            low, high = start + (end - start) / 4, end - (end - start) / 4
            if any(low < s < high for s in list(stamps)):
                seen = True
                break
    finally:
        stop.set()
        thread.join()
    assert len(roster) == 20000
    assert seen


def test_threads_may_share_a_store(store):
    t = District(store)
    errors = []

    def add(start):
        try:
            for i in range(start, start + 20):
                store.add_member(full_member(t.branch_a, f"党员{i}", d(2010, 7, 1), i))
                store.roster()
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=add, args=(n * 20,)) for n in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert not errors
    assert store.member_count() == 80
