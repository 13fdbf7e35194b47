"""Bulk results (bind_table.cpp, table.hpp): columns built in C++, to_numpy() and to_pandas()."""

import datetime as dt

import numpy as np
import pandas as pd
import pytest

import dangyuan as dy
from conftest import d, full_member


@pytest.fixture
def roster(district):
    s = district.store
    s.add_member(full_member(district.branch_a, "张三", d(2010, 7, 1), 1), education="本科", category="工人")
    s.add_member(full_member(district.branch_a, "李梅", d(2012, 3, 1), 2, dy.Sex.female), work_unit="街道办")
    probationary = full_member(district.branch_b, "王五", d(2024, 5, 1), 3)
    del probationary["full_member_date"]
    s.add_member(probationary, work_unit="街道办")
    return s.roster()


def test_a_table_has_a_length_column_names_and_a_repr(roster):
    assert len(roster) == 3
    assert roster.columns[:3] == ["id", "name", "sex"]
    assert repr(roster) == "<dangyuan.Roster with 3 rows>"
    assert isinstance(roster, dy.Table)


def test_rows_come_back_as_records_and_are_copies(roster):
    first = roster[0]
    assert isinstance(first, dy.Member) and first.name == "张三"
    assert roster[-1].name == "王五"
    assert [m.name for m in roster] == ["张三", "李梅", "王五"]
    first.name = "改名"
    assert roster[0].name == "张三"
    with pytest.raises(IndexError):
        roster[3]


def test_to_numpy_gives_typed_arrays(roster):
    cols = roster.to_numpy()
    assert list(cols) == roster.columns
    assert cols["id"].dtype == np.int64
    assert cols["birth_date"].dtype == np.dtype("datetime64[D]")
    assert cols["admission_date"][0] == np.datetime64("2010-07-01")
    assert np.isnat(cols["full_member_date"][2])
    assert cols["backfilled"].dtype == np.bool_
    assert list(cols["name"]) == ["张三", "李梅", "王五"]
    assert list(cols["sex"]) == ["male", "female", "male"]
    assert list(cols["education"]) == ["undergraduate", None, None]


def test_to_numpy_labels_choose_chinese_names_or_codes(roster):
    assert list(roster.to_numpy(labels="chinese")["sex"]) == ["男性", "女性", "男性"]
    assert list(roster.to_numpy(labels="code")["category"]) == ["1", None, None]
    with pytest.raises(ValueError, match="labels must be one of"):
        roster.to_numpy(labels="english")


def test_to_pandas_gives_categoricals_with_every_value_and_datetime_columns(roster):
    frame = roster.to_pandas()
    assert list(frame.columns) == roster.columns
    assert frame["sex"].dtype == "category"
    assert list(frame["sex"].cat.categories) == [s.name for s in dy.Sex.all()]
    assert frame["sex"].value_counts()["unknown"] == 0
    assert pd.api.types.is_datetime64_any_dtype(frame["birth_date"])
    assert frame["full_member_date"].isna().tolist() == [False, False, True]
    assert frame["education"].isna().tolist() == [False, True, True]
    assert frame.loc[frame["name"] == "李梅", "work_unit"].item() == "街道办"
    chinese = roster.to_pandas(labels="chinese")
    assert chinese["ethnicity"].iloc[0] == "汉族"


def test_repeated_text_cells_share_one_str_object(roster):
    units = roster.to_numpy()["work_unit"]
    assert units[1] == units[2] == "街道办"
    assert units[1] is units[2]


def test_an_optional_id_column_is_nullable_in_pandas_and_zero_in_numpy(district):
    frame = district.store.orgs().to_pandas()
    assert str(frame["parent"].dtype) == "Int64"
    assert frame["parent"].isna().tolist() == [True, False, False, False, False]
    assert district.store.orgs().to_numpy()["parent"][0] == 0


def test_an_empty_table_converts_with_its_columns_and_dtypes(store):
    frame = store.roster().to_pandas()
    assert len(frame) == 0
    assert frame["sex"].dtype == "category"
    assert pd.api.types.is_datetime64_any_dtype(frame["admission_date"])
    assert store.audit_log().to_numpy()["at"].dtype == np.dtype("datetime64[s]")


def test_a_table_outlives_its_store(district):
    roster = district.store.roster()
    district.store.close()
    assert len(roster.to_pandas()) == 0
    assert roster.columns[0] == "id"


def test_dates_round_trip_through_numpy_to_python(roster):
    births = roster.to_numpy()["birth_date"]
    assert births[0].astype(dt.date) == roster[0].birth_date
