"""Shared helpers of the Python tests: dates, valid ID numbers, members and a small district store.

The tests import the package from the build tree; ctest sets PYTHONPATH to
<build>/bindings/python/python. By hand:

    PYTHONPATH=build/py/bindings/python/python /usr/bin/python3 -m pytest tests/python
"""

import datetime as dt
import itertools
import os
import subprocess
from typing import Optional

import pytest

try:
    import dangyuan as dy
except ImportError as e:  # pragma: no cover - a setup problem, not a test failure
    raise ImportError(
        "cannot import dangyuan: build the _dangyuan target and put <build>/bindings/python/python on "
        f"PYTHONPATH ({e})"
    ) from e


def d(y: int, m: int, day: int) -> dt.date:
    return dt.date(y, m, day)


def id_for(birth: dt.date, sex: "Optional[dy.Sex]" = None, seq: int = 1) -> str:
    """A valid 18-digit ID number for a birth date and sex (Beijing Dongcheng address code)."""
    sex = dy.Sex.male if sex is None else sex
    body = f"110101{birth:%Y%m%d}{seq % 100:02d}{1 if sex == dy.Sex.male else 2}"
    return body + dy.gb11643_check_character(body)


def full_member(branch, name: str, admitted: dt.date, seq: int = 1, sex=None) -> dict:
    """The fields of a full member of `branch`, admitted on `admitted` (full a year later), born 30 years
    earlier, applying 18 months before admission."""
    sex = dy.Sex.male if sex is None else sex
    birth = dy.add_years(admitted, -30)
    return {
        "name": name,
        "sex": sex,
        "birth_date": birth,
        "id_number": id_for(birth, sex, seq),
        "branch": branch,
        "application_date": dy.add_months(admitted, -18),
        "admission_date": admitted,
        "joined_branch": admitted,
        "full_member_date": dy.add_years(admitted, 1),
    }


class District:
    """A district committee, a street working committee, two branches under it and a village branch."""

    def __init__(self, store):
        self.store = store
        self.district_committee = store.add_org(
            name="区委", kind=dy.OrgKind.higher_committee, established=d(1990, 1, 1))
        self.street = store.add_org(
            name="城关街道党工委", kind=dy.OrgKind.working_committee, parent=self.district_committee,
            established=d(2000, 1, 1))
        self.branch_a = store.add_org(
            name="第一社区党支部", kind=dy.OrgKind.branch, parent=self.street, established=d(2001, 3, 1),
            village_or_community=True, term_start=d(2021, 12, 20))
        self.branch_b = store.add_org(
            name="机关第二党支部", kind=dy.OrgKind.branch, parent=self.street, established=d(2005, 6, 1),
            term_start=d(2024, 1, 15))
        self.village = store.add_org(
            name="东村党支部", kind=dy.OrgKind.branch, parent=self.district_committee,
            established=d(1995, 1, 1), village_or_community=True)


_schemas = itertools.count(1)


def fresh_store_location() -> str:
    """Where a test's fresh store lives: ":memory:", or, when DANGYUAN_TEST_POSTGRESQL names a server
    (tests/postgres/on-postgresql.sh), a new schema there (psql creates it)."""
    server = os.environ.get("DANGYUAN_TEST_POSTGRESQL")
    if not server:
        return ":memory:"
    schema = f"py{os.getpid()}_{next(_schemas)}"
    subprocess.run(["psql", server, "-q", "-v", "ON_ERROR_STOP=1", "-c", f"CREATE SCHEMA {schema}"],
                   check=True)
    base = server + "/" if server.endswith("://") else server
    return f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"


@pytest.fixture
def store():
    with dy.open_store(fresh_store_location(), actor="tester") as s:
        yield s


@pytest.fixture
def district(store):
    return District(store)


@pytest.fixture
def store_path(tmp_path):
    return tmp_path / "test.db"
