"""The Roster table (roster_result.cpp, text_cells.cpp): columns read by several connections at once and
text cells built off the GIL, equal to what reading one member at a time gives."""

import sqlite3

import numpy as np
import pandas as pd
import pytest

import dangyuan as dy
from conftest import District, d, full_member

# Text of every width CPython stores: ASCII, Latin-1, the BMP (Chinese) and beyond it (emoji), and empty.
NAMES = ["Ada", "José Ñúñez", "张三", "王🌟", "Ω", "a\u00e9\u4e2d\U0001F600"]


@pytest.fixture
def file_district(store_path):
    with dy.open_store(store_path, actor="tester") as s:
        district = District(s)
        for i in range(40):
            branch = district.branch_a if i % 3 else district.branch_b
            s.add_member(full_member(branch, NAMES[i % len(NAMES)] + str(i), d(2006 + i % 20, 7, 1), i),
                         work_unit=["街道办", "", "École 1", "🏥医院"][i % 4], post="", phone=str(i) * (i % 3),
                         address=NAMES[(i + 1) % len(NAMES)] * (i % 4))
        yield district


def test_parts_read_at_once_give_the_frame_of_one_reader(file_district):
    s = file_district.store
    one = s.roster(readers=1).to_pandas()
    for readers in (2, 3, 16):
        assert s.roster(readers=readers).to_pandas().equals(one)
    assert one["id"].is_monotonic_increasing and len(one) == 40
    scoped = s.roster(file_district.branch_b, d(2015, 1, 1), readers=3).to_pandas()
    assert scoped.equals(s.roster(file_district.branch_b, d(2015, 1, 1), readers=1).to_pandas())
    assert 0 < len(scoped) < 40


def test_text_cells_are_the_stored_text_in_every_width(file_district):
    roster = file_district.store.roster(readers=3)
    frame = roster.to_pandas()
    members = list(roster)
    for column in ("name", "work_unit", "post", "native_place", "phone", "address"):
        assert list(frame[column]) == [getattr(m, column) for m in members], column
    assert frame["name"][3] == "王🌟3"
    assert {type(v) for v in frame["address"]} == {str}
    assert frame["post"][0] == "" and frame["phone"][1] == "1"


def test_equal_text_shares_one_str_across_parts(file_district):
    work = file_district.store.roster(readers=3).to_numpy()["work_unit"]
    assert work[0] == work[36] == "街道办"
    assert work[0] is work[36]  # rows of the first and last part


def test_text_that_is_not_utf8_is_decoded_with_replacement_like_python(file_district, store_path):
    # A file edited by hand: bytes that are not UTF-8 (truncated, a surrogate, an overlong form, a code
    # point above U+10FFFF, a stray byte) become U+FFFD exactly as bytes.decode(errors="replace") does.
    bad = [b"\xe4\xb8", b"\xed\xa0\x80", b"\xc0\xaf", b"\xf4\x90\x80\x80", b"ok\xff", "好".encode() + b"\x80"]
    with sqlite3.connect(store_path) as con:
        for i, raw in enumerate(bad, start=1):
            con.execute("UPDATE members SET address = CAST(? AS TEXT) WHERE id = ?", (raw, i))
    for readers in (1, 3):
        address = file_district.store.roster(readers=readers).to_pandas()["address"]
        assert list(address[: len(bad)]) == [raw.decode("utf-8", errors="replace") for raw in bad]


def test_an_id_number_missing_is_none(file_district):
    s = file_district.store
    s.add_member(name="无证件", branch=file_district.branch_a, birth_date=d(1980, 1, 1),
                 sex=dy.Sex.male, admission_date=d(2010, 7, 1))
    numbers = s.roster(readers=3).to_pandas()["id_number"]
    assert numbers.iloc[-1] is None
    assert numbers.iloc[0] == str(file_district.store.roster()[0].id_number)


def test_readers_must_be_positive_and_in_memory_stores_read_with_one(district):
    with pytest.raises(dy.InvalidInput) as e:
        district.store.roster(readers=0)
    assert e.value.field == "readers"
    district.store.add_member(full_member(district.branch_a, "甲", d(2010, 7, 1), 1))
    assert [m.name for m in district.store.roster(readers=4)] == ["甲"]


def test_iteration_keeps_the_roster_alive(file_district):
    it = iter(file_district.store.roster(readers=2))
    first = next(it)
    assert isinstance(first, dy.Member) and first.name == "Ada0"
    assert sum(1 for _ in it) == 39


def test_dates_become_nanoseconds_unless_pandas_cannot_hold_them():
    inside = np.array(["1677-09-22", "NaT", "2262-04-11"], dtype="M8[D]")
    converted = dy._as_nanoseconds(inside)
    assert converted.dtype == np.dtype("M8[ns]")
    assert np.isnat(converted[1]) and converted[2] == np.datetime64("2262-04-11")
    outside = np.array(["2262-04-12"], dtype="M8[D]")
    assert dy._as_nanoseconds(outside).dtype == np.dtype("M8[D]")  # left to pandas, which refuses it
    with pytest.raises(pd.errors.OutOfBoundsDatetime):
        pd.DataFrame({"d": dy._as_nanoseconds(outside)})
