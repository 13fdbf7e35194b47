#!/usr/bin/env python3
"""Times store.roster().to_pandas() against pandas.read_sql of the same rows from the same file.

Builds a store of N members through the API (one bulk load), then reads the whole roster both ways
several times and prints the best time of each:

    python3 examples/python/roster_vs_read_sql.py --members 50000

read_sql is shown twice: as it comes (dates stay ISO text, codes stay text) and with parse_dates, which
gives date columns comparable to the roster's datetime64 columns. The roster frame also carries its
code columns as categoricals.
"""

import argparse
import datetime as dt
import pathlib
import sqlite3
import sys
import tempfile
import time

import dangyuan as dy

COLUMNS = [
    "id", "name", "sex", "ethnicity", "birth_date", "id_number", "education", "category", "work_unit",
    "post", "native_place", "phone", "address", "branch_id", "joined_branch", "application_date",
    "admission_date", "full_member_date", "backfilled", "version",
]
DATE_COLUMNS = ["birth_date", "joined_branch", "application_date", "admission_date", "full_member_date"]


def id_number(birth: dt.date, seq: int, male: bool) -> str:
    """A valid 18-digit ID number for a birth date (Jinan Lixia address code)."""
    body = f"370102{birth:%Y%m%d}{seq % 100:02d}{(seq // 100 % 5) * 2 + (1 if male else 0)}"
    return body + dy.gb11643_check_character(body)


def build(path: pathlib.Path, members: int) -> None:
    categories = dy.PersonnelCategory.all()
    educations = [dy.Education.undergraduate_graduated, dy.Education.junior_college_graduated,
                  dy.Education.masters_graduated, dy.Education.senior_high_graduated]
    with dy.open_store(path, actor="benchmark") as store:
        top = store.add_org(name="区委", kind=dy.OrgKind.higher_committee, established=dt.date(1970, 1, 1))
        branches = [
            store.add_org(name=f"第{i + 1}党支部", kind=dy.OrgKind.branch, parent=top,
                          established=dt.date(1975, 1, 1))
            for i in range(max(1, members // 45))
        ]
        records = []
        for n in range(members):
            admitted = dt.date(1980, 1, 1) + dt.timedelta(days=n % 15000)
            birth = dt.date(admitted.year - 25 - n % 20, 1 + n % 12, 1 + n % 28)
            male = n % 3 != 0
            records.append({
                "name": f"党员{n}",
                "id_number": id_number(birth, n // 1000, male),
                "education": educations[n % len(educations)],
                "category": categories[n % len(categories)],
                "work_unit": f"单位{n % 97}",
                "phone": f"138{n:08d}",
                "branch": branches[n % len(branches)],
                "application_date": dy.add_months(admitted, -18),
                "admission_date": admitted,
                "full_member_date": dy.add_years(admitted, 1),
            })
        store.add_members(records, why="benchmark data")


def best_of(repeat: int, f):
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = f()
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=50000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--dir", type=pathlib.Path,
                        help="where to put the store (default: a temporary directory)")
    args = parser.parse_args()

    import pandas as pd

    with tempfile.TemporaryDirectory() as tmp:
        directory = args.dir or pathlib.Path(tmp)
        directory.mkdir(parents=True, exist_ok=True)
        path = directory / "roster-bench.db"
        for suffix in ("", "-wal", "-shm"):
            pathlib.Path(f"{path}{suffix}").unlink(missing_ok=True)

        start = time.perf_counter()
        build(path, args.members)
        built = time.perf_counter() - start
        print(f"built {args.members} members in {built:.2f} s (add_members, one transaction)")

        with dy.open_store(path, create=False) as store:
            t_query, roster = best_of(args.repeat, store.roster)
            t_frame, frame = best_of(args.repeat, roster.to_pandas)
            t_roster, _ = best_of(args.repeat, lambda: store.roster().to_pandas())
        sql = f"SELECT {', '.join(COLUMNS)} FROM members ORDER BY id"
        with sqlite3.connect(path) as con:
            t_sql, raw = best_of(args.repeat, lambda: pd.read_sql(sql, con))
            t_sql_dates, parsed = best_of(args.repeat,
                                          lambda: pd.read_sql(sql, con, parse_dates=DATE_COLUMNS))
        con.close()

        assert len(frame) == len(raw) == len(parsed) == args.members
        assert list(frame["id"]) == list(raw["id"])
        assert (frame["admission_date"] == parsed["admission_date"]).all()

        print(f"store.roster()                      {t_query * 1000:8.1f} ms")
        print(f"  .to_pandas()                      {t_frame * 1000:8.1f} ms")
        print(f"store.roster().to_pandas()          {t_roster * 1000:8.1f} ms")
        print(f"pandas.read_sql                     {t_sql * 1000:8.1f} ms   (dates and codes as text)")
        print(f"pandas.read_sql(parse_dates=...)    {t_sql_dates * 1000:8.1f} ms")
        print(f"ratio roster / read_sql             {t_roster / t_sql:8.2f}")
        print(f"ratio roster / read_sql with dates  {t_roster / t_sql_dates:8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
