# Integrity of the store through the command: one transaction per command, writers that wait, read
# commands that never write, plausibility bounds, hostile files, spreadsheet-safe round trips, backup
# and restore.
source "$(dirname "$0")/lib.sh"

sum() { cat "$@" 2>/dev/null | sha256sum | cut -d' ' -f1; }
# state STORE: a hash of what the store holds: its file and write-ahead log, or on a server its rows.
state() {
    if on_postgresql; then
        store_content "$1" | sha256sum | cut -d' ' -f1
    else
        sum "$1" "$1-wal"
    fi
}

# 1. Read commands never create, migrate or change a file (on a server: help_test.sh checks that no
#    command but init creates a store in an empty database).
if files_only "missing files, empty files and directories given as the store"; then
    expect 1 "$DY" --db missing.db member list
    has err "no store at 'missing.db'"
    [ ! -e missing.db ] || fail "member list created missing.db"
    : >empty.db
    for cmd in "member list" "agenda --as-of 2026-11-26" "stats --as-of 2026-11-26" "org list" "audit" "export roster"; do
        # shellcheck disable=SC2086
        expect 1 "$DY" --db empty.db $cmd
        has err "'empty.db' is an empty file, not a store"
    done
    [ ! -s empty.db ] || fail "a read command wrote into an empty file"
    mkdir adir
    expect 1 "$DY" --db adir member list
    has err "is a directory"
fi
mkdir -p adir

store_location D d.db
make_branch_store "$D"
before=$(state "$D")
for cmd in "member list" "member show 张建国" "agenda --as-of 2026-11-26" "stats --as-of 2026-11-26" "org list" \
    "audit" "case list" "eval list" "mobility list" "meeting list" "dues arrears --as-of 2026-11-26" \
    "training shortfall --org 第一社区党支部 --year 2026" "export roster -o r.csv" "import $FIXTURES/branch_roster.csv --dry-run"; do
    # shellcheck disable=SC2086
    expect 0 "$DY" --db "$D" $cmd
done
[ "$(state "$D")" = "$before" ] || fail "a read command changed the store"

# 2. Writers wait for each other: two shells adding members at once, none fails.
store_location W w.db
make_district "$W"
# Valid ID numbers (GB 11643 check character), one a line.
python3 - <<'PY' >ids.txt
w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
c = "10X98765432"
for i in range(64):
    body = "11010119800101" + "%03d" % (i * 2 + 1)  # odd sequence: male
    print(body + c[sum(int(a) * b for a, b in zip(body, w)) % 11])
PY
add_members() {
    local from=$1 i
    for i in $(seq "$from" $((from + 29))); do
        "$DY" --db "$W" member add --ethnicity 汉 --name "并发$i" --id-number "$(sed -n "$((i + 1))p" ids.txt)" --sex 男 \
            --birth-date 1980-01-01 --branch 第一社区党支部 --admission-date 2005-07-01 \
            --full-member-date 2006-07-01 >/dev/null 2>>"errors.$from" || echo "$i" >>"failed.$from"
    done
}
add_members 0 &
add_members 30 &
wait
[ ! -e failed.0 ] && [ ! -e failed.30 ] || {
    cat errors.0 errors.30 >&2
    fail "concurrent member add failed: $(cat failed.0 failed.30 2>/dev/null | wc -l) of 60"
}
expect 0 "$DY" --db "$W" init
has out "60 members"

# Two init at once, ten times: every one succeeds.
for k in $(seq 1 10); do
    store_location I "i$k.db"
    "$DY" --db "$I" init >/dev/null 2>"ie$k.a" &
    a=$!
    "$DY" --db "$I" init >/dev/null 2>"ie$k.b" &
    b=$!
    wait $a || fail "init $k (a) failed: $(cat "ie$k.a")"
    wait $b || fail "init $k (b) failed: $(cat "ie$k.b")"
done

# A writer that cannot get the lock within --busy-timeout fails cleanly, changing nothing.
expect 0 "$DY" --db "$W" --busy-timeout 1000 org list

# 3. Plausibility: no event after the date of recording, admission from 1921-07-01, names up to 50.
before=$(state "$W")
rejects record.not_in_future "$DY" --db "$W" --today 2026-11-26 member add --ethnicity 汉 --name 明日 \
    --id-number "$(sed -n 61p ids.txt)" --branch 第一社区党支部 --admission-date 2026-11-27
expect 1 "$DY" --db "$W" member add --ethnicity 汉 --name 早 --id-number 110101190001010014 \
    --branch 第一社区党支部 --admission-date 1921-06-30 --backfilled 是
has err "before the founding of the Party on 1921-07-01"
expect 1 "$DY" --db "$W" member add --ethnicity 汉 --name "$(printf '长%.0s' $(seq 1 51))" \
    --id-number "$(sed -n 62p ids.txt)" --branch 第一社区党支部 --admission-date 2015-07-01
has err "has 51 characters; at most 50"
[ "$(state "$W")" = "$before" ] || fail "a refused write changed the store"

# 4. Hostile import files: refused early with a clear message, the store unchanged.
before=$(state "$D")
start=$(date +%s)
expect 1 "$DY" --db "$D" import /dev/zero
has err "larger than 512 MiB"
[ $(($(date +%s) - start)) -lt 30 ] || fail "import /dev/zero took too long"
expect 1 "$DY" --db "$D" import adir
has err "'adir' is a directory, not a file"
head -c 200000 /dev/zero | tr '\0' 'a' >longrow.csv
expect 1 "$DY" --db "$D" import longrow.csv
has err "a row longer than 64 KiB"
printf '\xca\xb7\xd1\xa7\xc6\xbd,x\n' >ambiguous.csv  # 史学平 in GBK: also valid UTF-8 (ʷѧƽ)
expect 1 "$DY" --db "$D" import ambiguous.csv
has err "--encoding gb18030"
[ "$(state "$D")" = "$before" ] || fail "a refused import changed the store"
# With a known header row, the GBK reading is proven and used.
printf '\xd0\xd5\xc3\xfb,\xb9\xab\xc3\xf1\xc9\xed\xb7\xdd\xba\xc5\xc2\xeb\n\xca\xb7\xd1\xa7\xc6\xbd,\n' >gbk-header.csv
expect 1 "$DY" --db "$D" import gbk-header.csv --dry-run
has err "row 2"
lacks err "--encoding"

# 5. Spreadsheet-safe export round-trips: names starting with = + - @ are guarded and come back unchanged.
store_location X x.db
make_district "$X"
python3 - <<'PY' >formula.csv
w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
c = "10X98765432"
print("姓名,性别,民族,出生日期,公民身份号码,所在支部,入党日期,转正日期,家庭住址")
for i, name in enumerate(["=1+1", "+SUM(A1)", "-张三", "@cmd"]):
    body = "11010119800101" + "%03d" % (i * 2 + 1)
    print(f"{name},男,汉,1980-01-01,{body + c[sum(int(a) * b for a, b in zip(body, w)) % 11]},第一社区党支部,2005-07-01,2006-07-01,-1号楼")
PY
expect 0 "$DY" --db "$X" import formula.csv
has out "4 added"
expect 0 "$DY" --db "$X" export roster -o x.csv --unmasked --why 核对
has x.csv "'=1+1"
has x.csv "'+SUM(A1)"
has x.csv "'-张三"
has x.csv "'@cmd"
has x.csv "'-1号楼"
expect 0 "$DY" --db "$X" import x.csv --update
has out "0 added, 0 updated, 4 unchanged"

# 6. A command is one transaction: a sample killed midway leaves nothing, and a second one runs.
# The sample is large enough (several seconds even in an optimised build) that the kill lands inside
# its transaction; should a machine still finish it, the store must hold the whole sample, never part.
# On a server the second sample runs in the same database, where the first one left an empty store.
store_location S s.db
"$DY" --db "$S" sample --members 100000 >/dev/null 2>&1 &
pid=$!
sleep 1
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
if on_postgresql || [ -s s.db ]; then
    expect 0 "$DY" --db "$S" init
    matches out "(0 organisations, 0 members|100[0-9]{3} members|^created )"
fi
if ! on_postgresql; then
    rm -f s.db s.db-wal s.db-shm
elif grep -qE "100[0-9]{3} members" out; then
    store_location S s2.db  # the sample was not killed in time: a new database
fi
expect 0 "$DY" --db "$S" sample --members 300 --domains roster
has out "300 members"

# 7. Backup while the store is in use, verified restore.
if files_only "backup and restore copy SQLite files (a server is backed up with pg_dump)"; then
    expect 0 "$DY" --db w.db backup w-copy.db
    has out "60 members"
    expect 1 "$DY" --db w.db backup w-copy.db
    has err "exists; give --force"
    expect 0 "$DY" --db d.db restore w-copy.db
    expect 0 "$DY" --db d.db init
    has out "60 members"
    echo "not a database at all, just text" >junk.db
    before=$(sum d.db d.db-wal)
    expect 1 "$DY" --db d.db restore junk.db
    expect 1 "$DY" --db d.db restore nowhere.db
    has err "there is no such file"
    [ "$(sum d.db d.db-wal)" = "$before" ] || fail "a refused restore changed the store"
fi

echo "integrity: ok"
