"""The exception hierarchy (bind_errors.cpp): C++ errors become dangyuan exceptions with attributes."""

import datetime as dt

import pytest

import dangyuan as dy


def test_hierarchy_matches_the_cpp_one_and_pythons_conventions():
    assert issubclass(dy.Error, Exception)
    for cls in (dy.InvalidInput, dy.RuleViolation, dy.NotFound, dy.Conflict, dy.StorageError):
        assert issubclass(cls, dy.Error)
    assert issubclass(dy.InvalidInput, ValueError)
    assert issubclass(dy.InvalidIdNumber, dy.InvalidInput)
    assert issubclass(dy.NotFound, LookupError)
    assert issubclass(dy.CalendarYearMissing, dy.NotFound)
    assert issubclass(dy.StoreClosed, dy.StorageError)
    assert not issubclass(dy.RuleViolation, ValueError)


def test_invalid_input_carries_field_and_reason():
    with pytest.raises(dy.InvalidInput) as e:
        dy.parse_date("31.02.2024", field="birth_date")
    assert e.value.field == "birth_date"
    assert "31.02.2024" in e.value.reason
    assert str(e.value).startswith("birth_date: ")


def test_rule_violation_carries_rule_id_citation_and_detail():
    vote = dy.BranchVote(entitled=10, present=5, yes=5)
    with pytest.raises(dy.RuleViolation) as e:
        dy.require_quorum(vote)
    assert e.value.rule_id == "vote.quorum_over_half"
    assert e.value.citation == dy.find_rule("vote.quorum_over_half").citation
    assert "5 of 10" in e.value.detail
    assert str(e.value).startswith("[vote.quorum_over_half] ")


def test_not_found_conflict_and_storage_errors_are_translated(tmp_path, district):
    with pytest.raises(dy.NotFound):
        dy.find_rule("no.such_rule")
    with pytest.raises(dy.NotFound):
        district.store.org(dy.OrgId(99))
    org = district.store.org(district.branch_a)
    district.store.update_org(org.replace(name="第一社区党支部（新）"))
    with pytest.raises(dy.Conflict):
        district.store.update_org(org)  # still version 1
    foreign = tmp_path / "foreign.db"
    import sqlite3

    with sqlite3.connect(foreign) as con:
        con.execute("CREATE TABLE t(x)")
    con.close()
    with pytest.raises(dy.StorageError, match="not a dangyuan store"):
        dy.open_store(foreign)


def test_calendar_year_missing_carries_the_year():
    with pytest.raises(dy.CalendarYearMissing) as e:
        dy.WorkCalendar.china().is_working_day(dt.date(2031, 5, 6))
    assert e.value.year == 2031
    assert isinstance(e.value, dy.NotFound)


def test_every_library_error_is_caught_as_dangyuan_error():
    for call in (lambda: dy.parse_date("x"), lambda: dy.find_rule("x"), lambda: dy.CitizenId("123")):
        with pytest.raises(dy.Error):
            call()


def test_violation_builds_a_raisable_rule_violation_with_citation():
    e = dy.violation("org.committee_size", "too many")
    assert isinstance(e, dy.RuleViolation)
    assert e.rule_id == "org.committee_size"
    assert e.citation == "中国共产党支部工作条例（试行）(2018) 第20条 [C]"
    assert e.detail == "too many"
    with pytest.raises(dy.RuleViolation):
        raise e
    with pytest.raises(dy.NotFound):
        dy.violation("no.such_rule", "x")


def test_exceptions_raised_from_python_have_the_attributes_set_to_none():
    e = dy.RuleViolation("raised by hand")
    assert e.rule_id is None and e.citation is None
    assert dy.InvalidInput("x").field is None
