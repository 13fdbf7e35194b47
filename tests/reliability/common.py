"""Shared helpers of the reliability harnesses: running the command, building stores and rosters,
and fingerprinting a store's content.

A fingerprint is a hash of every row of every table, in rowid order, with the write times of the audit
trail and the chain hashes that cover them left out (they are the only content that differs between two
runs of the same commands). Two
stores with the same fingerprint hold the same records and the same audit trail.
"""

import hashlib
import os
import random
import shutil
import sqlite3
import subprocess

# The small district of tests/cli/lib.sh: a committee, a street working committee, two branches.
DISTRICT = [
    ["org", "add", "--name", "中共示范区委员会", "--kind", "higher_committee", "--established", "1990-01-01",
     "--term-start", "2021-10-01", "--term-years", "5"],
    ["org", "add", "--name", "城关街道党工委", "--kind", "党工委", "--parent", "中共示范区委员会",
     "--established", "2001-05-01"],
    ["org", "add", "--name", "第一社区党支部", "--kind", "branch", "--parent", "城关街道党工委",
     "--established", "2002-01-01", "--village", "--term-start", "2021-12-28"],
    ["org", "add", "--name", "机关党支部", "--kind", "党支部", "--parent", "城关街道党工委",
     "--established", "2003-06-01", "--term-start", "2023-12-05"],
]

ROSTER_HEADER = "姓名,性别,民族,公民身份号码,学历,人员类别,工作单位,所在支部,申请入党日期,入党日期,转正日期\n"

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚"


class Dangyuan:
    """Runs the `dangyuan` command on one store."""

    def __init__(self, binary, db):
        self.binary = binary
        self.db = db

    def argv(self, args):
        return [self.binary, "--db", self.db] + list(args)

    def run(self, args, check=True, timeout=120):
        env = dict(os.environ, USER="harness")
        p = subprocess.run(self.argv(args), capture_output=True, text=True, timeout=timeout, env=env)
        if check and p.returncode != 0:
            raise RuntimeError(f"dangyuan {' '.join(args)} exited {p.returncode}:\n{p.stdout}{p.stderr}")
        return p

    def popen(self, args):
        env = dict(os.environ, USER="harness")
        return subprocess.Popen(self.argv(args), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                env=env)


def gb11643_check(body17):
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return "10X98765432"[sum(int(c) * w for c, w in zip(body17, weights)) % 11]


def id_number(rng, year, seq):
    """A valid 18-character ID number of Jinan (370102) for someone born in `year`."""
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    body = f"370102{year:04d}{month:02d}{day:02d}{seq % 1000:03d}"
    return body + gb11643_check(body)


def roster_rows(rng, n, branch="第一社区党支部", start_seq=0, unit="示范区机关"):
    """`n` full members as roster rows (without the header): valid ID numbers, all distinct."""
    rows = []
    used = set()
    for i in range(n):
        year = 1950 + (start_seq + i) % 50
        while True:
            idn = id_number(rng, year, start_seq + i)
            if idn not in used:
                used.add(idn)
                break
        sex = "男" if int(idn[16]) % 2 else "女"
        name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
        admitted = year + 25
        rows.append(f"{name},{sex},汉族,{idn},大学本科,党政机关工作人员,{unit},{branch},"
                    f"{admitted - 1}-03-01,{admitted}-07-01,{admitted + 1}-07-01\n")
    return rows


def make_district(dy):
    dy.run(["init"])
    for cmd in DISTRICT:
        dy.run(cmd)


def checkpoint(db):
    """Folds the WAL into the main file so that the file alone is the store (and may be copied)."""
    con = sqlite3.connect(db)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()


def copy_store(src, dst):
    remove_store(dst)
    shutil.copyfile(src, dst)


def remove_store(db):
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            os.remove(db + suffix)
        except FileNotFoundError:
            pass


def inspect(db):
    """(integrity problems or [], fingerprint, row counts by table) of a store; opening it recovers a
    WAL left by a killed writer, as the next real open would."""
    if not os.path.exists(db):
        return [], "absent", {}
    con = sqlite3.connect(db, timeout=30)
    try:
        problems = [r[0] for r in con.execute("PRAGMA integrity_check")]
        if problems == ["ok"]:
            problems = []
        fk = list(con.execute("PRAGMA foreign_key_check"))
        if fk:
            problems.append(f"foreign_key_check: {len(fk)} rows, first {fk[0]}")
        h = hashlib.sha256()
        counts = {}
        tables = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        for t in tables:
            cols = [r[1] for r in con.execute(f'PRAGMA table_info("{t}")')]
            if t == "audit":
                cols = [c for c in cols if c not in ("at", "hash")]
            sel = ", ".join(f'"{c}"' for c in cols)
            n = 0
            h.update(f"table {t}\n".encode())
            order = "rowid" if t != "meta" else "key"
            try:
                rows = con.execute(f'SELECT {sel} FROM "{t}" ORDER BY {order}')
            except sqlite3.OperationalError:  # WITHOUT ROWID tables
                rows = con.execute(f'SELECT {sel} FROM "{t}" ORDER BY 1')
            for row in rows:
                h.update(repr(row).encode())
                n += 1
            counts[t] = n
        return problems, h.hexdigest()[:16], counts
    finally:
        con.close()


def count_changes(before, after, limit=4):
    """The tables whose row count differs, as 'table +n' strings (members and audit first)."""
    out = []
    for t in sorted(set(before) | set(after), key=lambda t: (t not in ("members", "audit"), t)):
        d = after.get(t, 0) - before.get(t, 0)
        if d:
            out.append(f"{t} {d:+d}")
    if len(out) > limit:
        out = out[:limit] + [f"… {len(out) - limit} more tables"]
    return ", ".join(out) or "no row count changed"


def seeded(seed, *salt):
    return random.Random(f"{seed}:{':'.join(map(str, salt))}")
