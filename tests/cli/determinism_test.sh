# The sample district is deterministic: the same seed gives the same store content, another seed does not.
source "$(dirname "$0")/lib.sh"

exports() {
    local db=$1 dir=$2
    mkdir -p "$dir"
    "$DY" --db "$db" export roster --as-of 2026-11-26 --sort id --format csv -o "$dir/roster.csv" 2>/dev/null || fail "export roster"
    "$DY" --db "$db" export agenda --as-of 2026-11-26 --format csv -o "$dir/agenda.csv" 2>/dev/null || fail "export agenda"
    "$DY" --db "$db" export stats --as-of 2026-11-26 --format csv -o "$dir/stats.csv" 2>/dev/null || fail "export stats"
    "$DY" --db "$db" org list --as-of 2026-11-26 --format csv -o "$dir/orgs.csv" 2>/dev/null || fail "org list"
    "$DY" --db "$db" member list --as-of 2020-01-01 --sort id --format csv -o "$dir/roster-2020.csv" 2>/dev/null || fail "member list"
}

expect 0 "$DY" --db a.db sample --members 800 --seed 42
expect 0 "$DY" --db b.db sample --members 800 --seed 42 --chunk 97
expect 0 "$DY" --db c.db sample --members 800 --seed 43
exports a.db a
exports b.db b
exports c.db c
for f in roster.csv agenda.csv stats.csv orgs.csv roster-2020.csv; do
    cmp -s "a/$f" "b/$f" || fail "seed 42 gave different $f"
done
cmp -s a/roster.csv c/roster.csv && fail "seeds 42 and 43 gave the same roster"
[ "$(wc -l <a/roster.csv)" -gt 700 ] || fail "roster too short"

# Where the sqlite3 shell is installed, compare the tables themselves (unmasked), audit trail aside.
if command -v sqlite3 >/dev/null; then
    for t in orgs members standing_events org_leadership; do
        sqlite3 a.db "SELECT * FROM $t ORDER BY id" >"a-$t.txt"
        sqlite3 b.db "SELECT * FROM $t ORDER BY id" >"b-$t.txt"
        cmp -s "a-$t.txt" "b-$t.txt" || fail "table $t differs for the same seed"
    done
fi
echo "determinism: ok"
