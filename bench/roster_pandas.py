#!/usr/bin/env python3
"""Workload 4, python: store.roster().to_pandas() against pandas.read_sql of the same columns from the
same file, with the same interpreter. Target: the roster frame >= 4 x faster than read_sql.

Run by bench_python, which generates the district and points PYTHONPATH at the built module:

    bench_python --members 1000000

Or by hand on an existing store:

    PYTHONPATH=build/py/bindings/python/python /usr/bin/python3 bench/roster_pandas.py --db district.db

When the module cannot be imported the workload is skipped with a summary line that says why, and the
script still exits with status 0 (the benchmarks must run where the bindings are not built).
"""

import argparse
import sqlite3
import sys
import time

COLUMNS = [
    "id", "name", "sex", "ethnicity", "birth_date", "id_number", "education", "category", "work_unit",
    "post", "native_place", "phone", "address", "branch_id", "joined_branch", "application_date",
    "admission_date", "full_member_date", "backfilled", "version",
]
DATE_COLUMNS = ["birth_date", "joined_branch", "application_date", "admission_date", "full_member_date"]
TARGET = 4.0


def best_of(repeat, f):
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = f()
        best = min(best, time.perf_counter() - start)
    return best, result


def row(what, seconds, n, note):
    print(f"  {what:<52} {seconds:10.3f} {n / seconds:12.0f} {seconds * 1e6 / n:10.3f}  {note}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="the store file")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    try:
        import dangyuan as dy
    except ImportError as e:
        print(f"python: the dangyuan module is not importable ({e}); build it (build/py, or the default "
              f"preset) or set DANGYUAN_PYTHONPATH")
        print(f"python_speedup=skipped target>={TARGET:.2f} skipped")
        return 0
    import pandas as pd

    sql = f"SELECT {', '.join(COLUMNS)} FROM members ORDER BY id"
    with sqlite3.connect(args.db) as con:
        pd.read_sql(sql, con)  # warms the page cache
        t_sql, raw = best_of(args.repeat, lambda: pd.read_sql(sql, con))
        t_sql_dates, _ = best_of(1, lambda: pd.read_sql(sql, con, parse_dates=DATE_COLUMNS))
    con.close()

    def roster_frame():
        with dy.open_store(args.db, create=False) as store:
            return store.roster().to_pandas()

    def one_reader_frame():
        with dy.open_store(args.db, create=False) as store:
            return store.roster(readers=1).to_pandas()

    t_roster, frame = best_of(args.repeat, roster_frame)
    t_one, _ = best_of(args.repeat, one_reader_frame)
    n = len(raw)
    if len(frame) != n or not (frame["id"].to_numpy() == raw["id"].to_numpy()).all():
        print("python: the roster frame and read_sql disagree")
        return 1

    print(f"\npython: {n} members, {sys.executable} {sys.version.split()[0]}, pandas {pd.__version__} "
          f"(best of {args.repeat}; module {dy.__file__})")
    print(f"  {'what':<52} {'seconds':>10} {'items/s':>12} {'us/item':>10}  note")
    row("pandas.read_sql (dates and codes as text)", t_sql, n, "reference")
    row("store.roster().to_pandas()", t_roster, n, "the figure: typed dates and categories")
    row("store.roster(readers=1).to_pandas()", t_one, n, "for comparison: one read connection")
    row("pandas.read_sql(parse_dates=...)", t_sql_dates, n, "for comparison, one run")
    speedup = t_sql / t_roster
    verdict = "ok" if speedup >= TARGET else "MISSED"
    print(f"python_speedup={speedup:.2f} target>={TARGET:.2f} {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
