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

# The domains' own reports are the same too.
for db in a b; do
    "$DY" --db $db.db case list --format csv -o $db/cases.csv 2>/dev/null || fail "case list"
    "$DY" --db $db.db mobility list --all --as-of 2026-11-26 --format csv -o $db/mobility.csv 2>/dev/null || fail "mobility list"
    "$DY" --db $db.db eval grades --format csv -o $db/grades.csv 2>/dev/null || fail "eval grades"
    "$DY" --db $db.db dues arrears --as-of 2026-11-26 --format csv -o $db/dues.csv 2>/dev/null || fail "dues arrears"
done
for f in cases.csv mobility.csv grades.csv dues.csv; do
    cmp -s "a/$f" "b/$f" || fail "seed 42 gave different $f"
done
[ "$(wc -l <a/cases.csv)" -gt 10 ] || fail "too few development cases"

# The roster part does not depend on the domains: a roster-only store holds the same organisations,
# leaderships and members (the domains add members admitted through development cases, after them).
expect 0 "$DY" --db r.db sample --members 800 --seed 42 --domains roster
# (Member counts aside: a transfer received moves a member to another branch.)
"$DY" --db r.db org list --as-of 2026-11-26 --format csv 2>/dev/null | cut -d, -f1-7 >r-orgs.txt
"$DY" --db a.db org list --as-of 2026-11-26 --format csv 2>/dev/null | cut -d, -f1-7 >a-orgs.txt
cmp -s r-orgs.txt a-orgs.txt || fail "the domains changed the organisations"

# Where the sqlite3 shell is installed, compare the tables themselves (unmasked), audit trail aside.
if command -v sqlite3 >/dev/null; then
    for t in orgs members standing_events org_leadership dev_cases dev_steps mob_episodes mob_episode_records \
        mob_certificates mob_certificate_records mob_transfers mob_contact_records eval_campaigns eval_records \
        eval_voters life_meetings life_attendance life_training life_dues_accounts life_dues_payments; do
        sqlite3 a.db "SELECT * FROM $t ORDER BY 1, 2" >"a-$t.txt"
        sqlite3 b.db "SELECT * FROM $t ORDER BY 1, 2" >"b-$t.txt"
        cmp -s "a-$t.txt" "b-$t.txt" || fail "table $t differs for the same seed"
    done
    for t in orgs org_leadership; do
        sqlite3 r.db "SELECT * FROM $t ORDER BY 1, 2" >"r-$t.txt"
        cmp -s "a-$t.txt" "r-$t.txt" || fail "table $t differs with and without the domains"
    done
    n=$(sqlite3 r.db "SELECT count(*) FROM members")
    q="SELECT id, name, id_number, birth_date, application_date, admission_date, full_member_date FROM members"
    sqlite3 r.db "$q ORDER BY id" >r-members.txt
    sqlite3 a.db "$q WHERE id <= $n ORDER BY id" >a-members.txt
    cmp -s a-members.txt r-members.txt || fail "the domains changed the members of the roster part"
fi
echo "determinism: ok"
