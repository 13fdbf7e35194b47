"""Dates and the civil-calendar helpers (bind_calendar.cpp, date_caster.hpp)."""

import datetime as dt

import numpy as np
import pandas as pd
import pytest

import dangyuan as dy
from conftest import d


def test_dates_go_both_ways_as_datetime_date():
    result = dy.add_months(d(2024, 1, 15), 1)
    assert type(result) is dt.date and result == d(2024, 2, 15)


def test_a_datetime_is_refused_as_ambiguous():
    with pytest.raises(TypeError, match=r"datetime.datetime.*not a day.*\.date\(\)"):
        dy.add_months(dt.datetime(2024, 1, 15, 12, 0), 1)
    with pytest.raises(TypeError, match="datetime"):
        dy.add_months(pd.Timestamp("2024-01-15"), 1)  # a pandas Timestamp is a datetime
    with pytest.raises(TypeError, match="birth_date: got a datetime.datetime"):
        dy.Member(name="x", birth_date=dt.datetime(1990, 1, 1))


def test_other_types_are_refused_with_type_error():
    for bad in ("2024-01-15", 20240115, None):
        with pytest.raises(TypeError):
            dy.add_months(bad, 1)
    with pytest.raises(TypeError, match="admission_date: expected datetime.date, got str"):
        dy.Member(name="x", admission_date="2024-01-15")


def test_a_numpy_day_is_accepted_but_not_a_numpy_moment():
    assert dy.add_months(np.datetime64("2024-01-31"), 1) == d(2024, 2, 29)
    with pytest.raises(TypeError, match="unit"):
        dy.add_months(np.datetime64("2024-01-31T10:00"), 1)
    with pytest.raises(ValueError, match="NaT"):
        dy.add_months(np.datetime64("NaT", "D"), 1)


def test_dates_outside_what_datetime_date_holds_raise_value_error():
    with pytest.raises(ValueError, match="1-9999"):
        dy.add_years(d(9999, 6, 1), 1)
    assert dy.add_years(d(9998, 12, 31), 1) == d(9999, 12, 31)


def test_民法典_第202条_cal_month_end_clamp_months_clamp_to_the_end_of_the_target_month():
    assert dy.add_months(d(2024, 1, 31), 1) == d(2024, 2, 29)  # leap year
    assert dy.add_months(d(2025, 1, 31), 1) == d(2025, 2, 28)
    assert dy.add_months(d(2024, 3, 31), -1) == d(2024, 2, 29)
    assert dy.add_years(d(2024, 2, 29), 1) == d(2025, 2, 28)
    assert dy.deadline_months(d(2024, 1, 31), 1) == d(2024, 2, 29)
    assert dy.within_months(d(2024, 1, 31), d(2024, 2, 29), 1)
    assert not dy.within_months(d(2024, 1, 31), d(2024, 3, 1), 1)


def test_民法典_第202条_cal_age_birthday_age_increases_on_the_anniversary():
    assert dy.age_on(d(2006, 5, 10), d(2024, 5, 9)) == 17
    assert dy.age_on(d(2006, 5, 10), d(2024, 5, 10)) == 18
    assert dy.age_on(d(2004, 2, 29), d(2022, 2, 27)) == 17
    assert dy.age_on(d(2004, 2, 29), d(2022, 2, 28)) == 18  # 29 Feb birthday falls on 28 Feb
    with pytest.raises(dy.InvalidInput) as e:
        dy.age_on(d(2006, 5, 10), d(2006, 5, 9))
    assert e.value.field == "date"


def test_parse_date_accepts_the_usual_forms_and_names_the_field_otherwise():
    for text in ("2020-05-01", "2020.05.01", "2020/5/1", "2020年5月1日", " 2020-05-01 "):
        assert dy.parse_date(text) == d(2020, 5, 1)
    for bad in ("2023-02-29", "2020-05/01", "20200501", "01.05.2020"):
        with pytest.raises(dy.InvalidInput) as e:
            dy.parse_date(bad, field="admission_date")
        assert e.value.field == "admission_date"


def test_format_and_make_date():
    assert dy.format_date(d(987, 6, 5)) == "0987-06-05"
    assert dy.make_date(2024, 2, 29) == d(2024, 2, 29)
    with pytest.raises(dy.InvalidInput):
        dy.make_date(2023, 2, 29)


def test_optional_dates_map_to_none_both_ways():
    m = dy.Member()
    assert m.full_member_date is None
    m.full_member_date = d(2020, 1, 1)
    assert m.full_member_date == d(2020, 1, 1)
    m.full_member_date = None
    assert m.full_member_date is None
    with pytest.raises(TypeError, match="birth_date cannot be None"):
        m.birth_date = None
