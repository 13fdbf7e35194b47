#!/usr/bin/env python3
"""Concurrency harness: several writers of the `dangyuan` command on one store at once.

    concurrency_harness.py DANGYUAN WORK_DIR [--workers 4] [--commands 100] [--duels 20] [--seed N]

Phase 1 (mixed): WORKERS processes run COMMANDS commands each, all at the same time, drawn from a seeded
generator: `member add` (new members), `import --update` of one row (the phone of a member of a small
shared pool, with the member's version: the contended record), `case step` (each worker's own
development case, in order), `meeting add` and `dues pay` (each worker's own dues account). A command
that fails with "database is locked" / busy is counted as a lock failure and run again, so that the
ordered steps stay in order.

Phase 2 (duels): DUELS rounds in which two processes update the same member at the same instant, each
from the version it read: either both apply one after the other, or exactly one wins and the other is
refused as a conflict ("changed meanwhile" / "changed by someone else"), never both from the same version.

Afterwards: the store is intact (`PRAGMA integrity_check`), every successful command is in the store
once (members, meetings, dues payments, development steps), and for each member of the pool the version
grew by exactly the number of successful updates, each with its audit entry — otherwise an update was
lost.

Figures: commands, commands per second, lock failures, conflicts, lost updates, unexpected errors. Lost
updates, missing writes and unexpected errors always fail the run; lock failures fail it only with
DANGYUAN_HARNESS_STRICT=1 (the target is 0). The last line is `reliability: N passed, M failed`.
"""

import argparse
import datetime
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import (GIVEN, ROSTER_HEADER, Dangyuan, id_number, inspect, make_district,  # noqa: E402
                    roster_rows, seeded)

LOCKED = re.compile(r"database is locked|database table is locked|SQLITE_BUSY|\bbusy\b", re.I)
CONFLICT = re.compile(r"changed meanwhile|changed by someone else|conflict|stale version", re.I)
NOW = ["--as-of", "2026-11-26"]
POOL = 3  # members every worker updates

CASE_STEPS = [
    ["talk_held", "--date", "2023-03-20", "--by", "张建国"],
    ["activist_determined", "--date", "2023-09-01", "--recommended", "member"],
    ["activist_filed", "--date", "2023-09-10"],
    ["contacts_assigned", "--date", "2023-09-10", "--members", "王志强,刘丽"],
    ["activist_assessed", "--date", "2024-03-01"],
    ["target_determined", "--date", "2024-09-02"],
    ["target_filed", "--date", "2024-09-10"],
    ["introducers_assigned", "--date", "2024-09-15", "--members", "陈明,杨芳"],
    ["political_review", "--date", "2024-10-10", "--conclusion", "政治审查合格", "--passed", "yes"],
    ["training_completed", "--date", "2024-10-20", "--days", "3"],
    ["committee_reviewed", "--date", "2024-11-01"],
    ["pre_review", "--date", "2024-11-10", "--passed", "yes", "--document", "预审意见"],
    ["application_form_filled", "--date", "2024-11-15"],
    # Without --entitled the command counts the branch's voting members itself (vote.entitled_full_members).
    ["admission_meeting", "--date", "2024-11-20", "--present", "9", "--yes", "8", "--no", "1"],
    ["higher_committee_talk", "--date", "2024-12-10"],
    ["admission_approved", "--date", "2025-02-10", "--passed", "yes"],
    ["approval_filed", "--date", "2025-02-15"],
    ["assigned_to_branch", "--date", "2025-02-15"],
    ["oath_taken", "--date", "2025-02-20"],
]
# The first members of tests/cli/branch_roster.csv (张建国, 李秀英, 王志强, 刘丽) by ID number, one dues
# account per worker.
PAYERS = ["370102196805123139", "370102197208203864", "370102197511034514", "370102198002145245"]


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.ok = {}          # kind -> successful commands
        self.conflicts = {}   # kind -> refused as conflicts
        self.lock_failures = {}
        self.unexpected = []  # (kind, argv tail, message)
        self.updates = {}     # pool member id number -> successful updates
        self.commands = 0
        self.lock_message = ""

    def add(self, table, kind, n=1):
        with self.lock:
            table[kind] = table.get(kind, 0) + n


def classify(p):
    if p.returncode == 0:
        return "ok"
    if LOCKED.search(p.stderr):
        return "locked"
    if CONFLICT.search(p.stderr):
        return "conflict"
    return "error"


def pool_update_file(scratch, tag, pool_row, phone):
    path = os.path.join(scratch, f"upd-{tag}.csv")
    cells = pool_row.rstrip("\n").split(",")
    with open(path, "w", encoding="utf-8") as f:
        f.write("公民身份号码,联系电话\n" + f"{cells[3]},{phone}\n")
    return path, cells[3]


def worker(w, args, db, scratch, pool, tally, start):
    rng = seeded(args.seed, "worker", w)
    dy = Dangyuan(args.dangyuan, db)
    steps = list(CASE_STEPS)
    month = 0
    meetings = 0
    plan = []
    for k in range(args.commands):
        kind = rng.choices(["member", "update", "case", "meeting", "dues"], weights=[20, 25, 20, 15, 20])[0]
        if kind == "case" and not steps:
            kind = "meeting"
        if kind == "case":
            plan.append(("case", ["case", "step", str(w + 1)] + steps.pop(0), None))
        elif kind == "member":
            idn = id_number(rng, 1960 + w, k)
            plan.append(("member", ["member", "add", "--name", "欧阳" + rng.choice(GIVEN), "--id-number", idn,
                                    "--ethnicity", "汉族", "--branch", "机关党支部", "--admission-date",
                                    "2000-07-01", "--full-member-date", "2001-07-01"], None))
        elif kind == "update":
            row = pool[rng.randrange(len(pool))]
            path, idn = pool_update_file(scratch, f"{w}-{k}", row, f"139{w:02d}{k:06d}")
            plan.append(("update", ["import", "--update", path], idn))
        elif kind == "meeting":
            day = w * 80 + meetings  # distinct days of 2026 up to the as-of date for up to 4 workers
            meetings += 1
            date = (datetime.date(2026, 1, 1) + datetime.timedelta(days=day)).isoformat()
            plan.append(("meeting", ["meeting", "add", "--org", "第一社区党支部", "--kind", "heart_to_heart_talk",
                                     "--date", date, "--topic", f"谈心谈话{w}-{k}", "--chair", "张建国",
                                     "--present", "吴敏"] + NOW, None))
        else:
            y, m = divmod(month, 12)
            month += 1
            ym = f"{2020 + y}-{m + 1:02d}"
            plan.append(("dues", ["dues", "pay", PAYERS[w], "--month", ym, "--paid-on", f"{ym}-20",
                                  "--collected-by", "组织委员"] + NOW, None))
    start.wait()
    for kind, argv, idn in plan:
        for attempt in range(50):
            p = dy.run(argv, check=False)
            with tally.lock:
                tally.commands += 1
            c = classify(p)
            if c == "locked":
                tally.add(tally.lock_failures, kind)
                with tally.lock:
                    tally.lock_message = tally.lock_message or p.stderr.strip()[:200]
                continue
            if c == "ok":
                tally.add(tally.ok, kind)
                if idn:
                    tally.add(tally.updates, idn)
            elif c == "conflict" and kind == "update":
                tally.add(tally.conflicts, kind)
            else:
                with tally.lock:
                    tally.unexpected.append((kind, " ".join(argv[:4]), p.stderr.strip()[:300]))
            break


def duel(args, db, scratch, pool, tally, rng, r):
    row = pool[rng.randrange(len(pool))]
    procs = []
    idn = None
    for side in range(2):
        path, idn = pool_update_file(scratch, f"duel-{r}-{side}", row, f"1370{r:04d}{side:03d}")
        procs.append(subprocess.Popen(Dangyuan(args.dangyuan, db).argv(["import", "--update", path]),
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                      env=dict(os.environ, USER="harness")))
    results = []
    for p in procs:
        out, err = p.communicate(timeout=120)
        p.stdout, p.stderr = out, err
        results.append(classify(p))
    with tally.lock:
        tally.commands += 2
    for c in results:
        if c == "ok":
            tally.add(tally.ok, "duel")
            tally.add(tally.updates, idn)
        elif c == "conflict":
            tally.add(tally.conflicts, "duel")
        elif c == "locked":
            tally.add(tally.lock_failures, "duel")
        else:
            tally.unexpected.append(("duel", "import --update", "\n".join(p.stderr for p in procs)[:300]))
    return results


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dangyuan")
    ap.add_argument("work")
    ap.add_argument("--workers", type=int, default=4)
    ap.add_argument("--commands", type=int, default=100)
    ap.add_argument("--duels", type=int, default=20)
    ap.add_argument("--seed", type=int, default=int(os.environ.get("DANGYUAN_HARNESS_SEED", "1")))
    args = ap.parse_args()
    if args.workers > 4:
        ap.error("at most 4 workers (each needs its own dues payer and meeting days)")
    strict = os.environ.get("DANGYUAN_HARNESS_STRICT", "") not in ("", "0")
    os.makedirs(args.work, exist_ok=True)

    with tempfile.TemporaryDirectory(prefix="concurrency-", dir=args.work) as scratch:
        db = os.path.join(scratch, "shared.db")
        dy = Dangyuan(args.dangyuan, db)
        try:
            make_district(dy)
            here = os.path.dirname(os.path.abspath(__file__))
            dy.run(["import", os.path.join(here, "..", "cli", "branch_roster.csv")])
            pool = roster_rows(seeded(args.seed, "pool"), POOL, start_seq=900)
            pool_file = os.path.join(scratch, "pool.csv")
            with open(pool_file, "w", encoding="utf-8") as f:
                f.write(ROSTER_HEADER + "".join(pool))
            dy.run(["import", pool_file])
            rng = seeded(args.seed, "cases")
            for w in range(args.workers):
                dy.run(["case", "open", "--name", f"申请人{w}", "--id-number", id_number(rng, 2000, 500 + w),
                        "--branch", "第一社区党支部", "--date", "2023-03-01"])
                dy.run(["dues", "account", PAYERS[w], "--base", "6300", "--ledger-start", "2020-01"])
        except RuntimeError as e:
            print(f"concurrency harness: setup failed: {e}")
            print("reliability: 0 passed, 1 failed (setup)")
            return 1
        problems, _, before = inspect(db)
        con = sqlite3.connect(db)
        versions0 = {r[0]: r[1] for r in con.execute("SELECT id_number, version FROM members")}
        audit0 = {r[0]: r[1] for r in con.execute(
            "SELECT m.id_number, count(*) FROM audit a JOIN members m ON a.entity = 'member' "
            "AND a.entity_id = m.id AND a.action = 'update' GROUP BY m.id_number")}
        con.close()

        tally = Tally()
        start = threading.Barrier(args.workers + 1)
        threads = [threading.Thread(target=worker, args=(w, args, db, scratch, pool, tally, start))
                   for w in range(args.workers)]
        for t in threads:
            t.start()
        start.wait()
        t0 = time.monotonic()
        for t in threads:
            t.join()
        mixed_seconds = time.monotonic() - t0
        mixed_commands = tally.commands

        rng = seeded(args.seed, "duels")
        outcomes = {"one won, one conflict": 0, "both applied in turn": 0, "other": 0}
        for r in range(args.duels):
            res = sorted(duel(args, db, scratch, pool, tally, rng, r))
            if res == ["conflict", "ok"]:
                outcomes["one won, one conflict"] += 1
            elif res == ["ok", "ok"]:
                outcomes["both applied in turn"] += 1
            else:
                outcomes["other"] += 1

        problems, _, after = inspect(db)
        con = sqlite3.connect(db)
        versions = {r[0]: r[1] for r in con.execute("SELECT id_number, version FROM members")}
        audit = {r[0]: r[1] for r in con.execute(
            "SELECT m.id_number, count(*) FROM audit a JOIN members m ON a.entity = 'member' "
            "AND a.entity_id = m.id AND a.action = 'update' GROUP BY m.id_number")}
        con.close()

    # Each check: (what, failure messages).
    checks = []
    # Every member of the pool: version and audit entries grew by its successful updates.
    lost = 0
    msgs = []
    for row in pool:
        idn = row.split(",")[3]
        wins = tally.updates.get(idn, 0)
        grew = versions.get(idn, 0) - versions0.get(idn, 0)
        audited = audit.get(idn, 0) - audit0.get(idn, 0)
        if grew != wins or audited != wins:
            lost += max(0, wins - grew)
            msgs.append(f"member {idn[:6]}…: {wins} successful updates, version grew by {grew}, "
                        f"{audited} audit entries")
    checks.append(("no lost update", msgs))
    # Every successful write is in the store once (a step or a member add may write more rows: an
    # approval adds the member too).
    ok = tally.ok
    for table, kind, exact in [("life_meetings", "meeting", True), ("life_dues_payments", "dues", True),
                               ("dev_steps", "case", False), ("members", "member", False)]:
        want = ok.get(kind, 0)
        got = after.get(table, 0) - before.get(table, 0)
        bad = got != want if exact else got < want
        checks.append((f"{table} written", [f"{table}: {want} successful commands, {got} rows written"]
                       if bad else []))
    checks.append(("integrity", [f"integrity: {problems[:3]}"] if problems else []))
    checks.append(("no unexpected error",
                   [f"{len(tally.unexpected)} commands failed unexpectedly"] +
                   [f"{kind} ({what}): {msg}" for kind, what, msg in tally.unexpected[:5]]
                   if tally.unexpected else []))
    locks = sum(tally.lock_failures.values())
    checks.append(("no lock failure", [f"{locks} lock failures (target 0)"] if locks and strict else []))

    def fmt(d):
        return ", ".join(f"{k} {v}" for k, v in sorted(d.items())) or "none"

    print(f"concurrency harness (seed {args.seed}, {args.workers} workers x {args.commands} commands, "
          f"{args.duels} duels, strict {'on' if strict else 'off'}):")
    planned = args.workers * args.commands
    print(f"  mixed phase: {planned} commands ({mixed_commands} runs with the retries after a lock failure) "
          f"in {mixed_seconds:.1f} s: {planned / max(mixed_seconds, 1e-9):.1f} commands/s, "
          f"{mixed_commands / max(mixed_seconds, 1e-9):.1f} runs/s")
    print(f"  succeeded: {fmt(ok)}")
    print(f"  lock failures (database is locked / busy): {locks} ({fmt(tally.lock_failures)})"
          + ("" if strict or not locks else " [not counted: DANGYUAN_HARNESS_STRICT=1 counts them]"))
    if tally.lock_message:
        print(f"      first: {tally.lock_message}")
    print(f"  conflicts: {fmt(tally.conflicts)}")
    print(f"  duels: {fmt(outcomes)}")
    print(f"  lost updates: {lost}")
    print(f"  unexpected errors: {len(tally.unexpected)}")
    failed = 0
    for what, msgs in checks:
        if msgs:
            failed += 1
            print(f"  FAIL {what}")
            for m in msgs:
                print(f"      {m}")
    print(f"reliability: {len(checks) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
