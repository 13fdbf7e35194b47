"""The official working-day calendar (bind_work_calendar.cpp)."""

import copy
import datetime as dt

import pytest

import dangyuan as dy
from conftest import d

EXTRA_YEAR = """
# a made-up year for the tests
year 2031
off 2031-01-01 元旦
workday 2031-01-04 元旦
"""


@pytest.fixture
def cal():
    return dy.WorkCalendar.china()


def test_cal_working_days_official_the_built_in_years(cal):
    assert cal.years() == list(range(2020, 2027))
    assert cal.has_year(2024) and not cal.has_year(2027)
    assert not dy.WorkCalendar().years()


def test_cal_working_days_official_days_off_and_make_up_workdays_2024(cal):
    assert cal.is_working_day(d(2024, 2, 4))  # a Sunday made a workday (调休)
    assert not cal.is_working_day(d(2024, 2, 12))  # a Monday in the Spring Festival
    assert cal.holiday_name(d(2024, 2, 12)) == "春节"
    assert cal.holiday_name(d(2024, 6, 8)) is None  # an ordinary Saturday
    assert cal.is_working_day(d(2024, 6, 7))


def test_working_day_arithmetic_counts_from_the_day_after(cal):
    assert cal.add_working_days(d(2024, 9, 30), 1) == d(2024, 10, 8)  # over the National Day break
    assert cal.add_working_days(d(2024, 9, 30), 0) == d(2024, 9, 30)
    assert cal.working_days_between(d(2024, 9, 30), d(2024, 10, 8)) == 1
    with pytest.raises(dy.InvalidInput) as e:
        cal.add_working_days(d(2024, 9, 30), -1)
    assert e.value.field == "n"
    with pytest.raises(dy.InvalidInput) as e:
        cal.working_days_between(d(2024, 10, 8), d(2024, 9, 30))
    assert e.value.field == "date"


def test_a_year_without_data_raises_unless_an_estimate_is_accepted(cal):
    with pytest.raises(dy.CalendarYearMissing) as e:
        cal.add_working_days(d(2026, 12, 30), 5)
    assert e.value.year == 2027
    result = cal.add_working_days(d(2026, 12, 30), 5, estimate=True)
    assert isinstance(result, dy.Estimated)
    value, provisional = result
    assert provisional and value == d(2027, 1, 6)
    known = cal.is_working_day(d(2024, 2, 4), estimate=True)
    assert known == (True, False) and known.value is True and known.provisional is False
    assert cal.working_days_between(d(2027, 1, 1), d(2027, 1, 8), estimate=True).provisional


def test_load_adds_a_year_and_refuses_it_twice_unless_replaced(cal, tmp_path):
    cal.load(EXTRA_YEAR)
    assert cal.has_year(2031) and cal.is_working_day(d(2031, 1, 4))
    with pytest.raises(dy.InvalidInput) as e:
        cal.load(EXTRA_YEAR)
    assert e.value.field == "holiday_data" and "already loaded" in e.value.reason
    cal.load("year 2031\noff 2031-01-01 元旦\n", dy.OnExistingYear.replace)
    assert not cal.is_working_day(d(2031, 1, 4))
    path = tmp_path / "2032.txt"
    path.write_text("year 2032\noff 2032-01-01 元旦\n", encoding="utf-8")
    cal.load_file(path)
    assert cal.has_year(2032)
    with pytest.raises(dy.InvalidInput) as e:
        cal.load("year 2033\noff 2033-01-01\n")
    assert e.value.field == "holiday_data" and "line 2" in e.value.reason


def test_china_is_a_copy_and_calendars_copy(cal):
    cal.load(EXTRA_YEAR)
    assert not dy.WorkCalendar.china().has_year(2031)
    other = copy.copy(cal)
    other.load("year 2035\noff 2035-01-01 元旦\n")
    assert not cal.has_year(2035)
    assert "2031" in repr(cal)


def test_datetimes_are_refused(cal):
    with pytest.raises(TypeError):
        cal.is_working_day(dt.datetime(2024, 2, 4, 9, 0))
