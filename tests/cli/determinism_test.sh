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

store_location A a.db
store_location B b.db
store_location C c.db
store_location R r.db
expect 0 "$DY" --db "$A" sample --members 800 --seed 42
expect 0 "$DY" --db "$B" sample --members 800 --seed 42 --chunk 97
expect 0 "$DY" --db "$C" sample --members 800 --seed 43
exports "$A" a
exports "$B" b
exports "$C" c
for f in roster.csv agenda.csv stats.csv orgs.csv roster-2020.csv; do
    cmp -s "a/$f" "b/$f" || fail "seed 42 gave different $f"
done
cmp -s a/roster.csv c/roster.csv && fail "seeds 42 and 43 gave the same roster"
[ "$(wc -l <a/roster.csv)" -gt 700 ] || fail "roster too short"

# The domains' own reports are the same too.
for db in a b; do
    store=${db^^}
    "$DY" --db "${!store}" case list --format csv -o $db/cases.csv 2>/dev/null || fail "case list"
    "$DY" --db "${!store}" mobility list --all --as-of 2026-11-26 --format csv -o $db/mobility.csv 2>/dev/null || fail "mobility list"
    "$DY" --db "${!store}" eval grades --format csv -o $db/grades.csv 2>/dev/null || fail "eval grades"
    "$DY" --db "${!store}" dues arrears --as-of 2026-11-26 --format csv -o $db/dues.csv 2>/dev/null || fail "dues arrears"
done
for f in cases.csv mobility.csv grades.csv dues.csv; do
    cmp -s "a/$f" "b/$f" || fail "seed 42 gave different $f"
done
[ "$(wc -l <a/cases.csv)" -gt 10 ] || fail "too few development cases"

# On a server, the same seed gives the same reports as in an SQLite file: ids, order and text.
if on_postgresql; then
    expect 0 "$DY" --db file.db sample --members 800 --seed 42
    exports file.db file
    "$DY" --db file.db case list --format csv -o file/cases.csv 2>/dev/null || fail "case list"
    "$DY" --db file.db mobility list --all --as-of 2026-11-26 --format csv -o file/mobility.csv 2>/dev/null || fail "mobility list"
    "$DY" --db file.db eval grades --format csv -o file/grades.csv 2>/dev/null || fail "eval grades"
    "$DY" --db file.db dues arrears --as-of 2026-11-26 --format csv -o file/dues.csv 2>/dev/null || fail "dues arrears"
    for f in roster.csv agenda.csv stats.csv orgs.csv roster-2020.csv cases.csv mobility.csv grades.csv dues.csv; do
        cmp -s "a/$f" "file/$f" || fail "seed 42 gave another $f on PostgreSQL than in a file: $(diff "file/$f" "a/$f" | head -6)"
    done
fi

# The roster part does not depend on the domains: a roster-only store holds the same organisations,
# leaderships and members (the domains add members admitted through development cases, after them).
# The one change the domains make to organisations is an election completed (换届选举): its
# organisation's term starts on the day of the electing meeting and its new leadership takes office on
# the approval; every other organisation is as the roster part made it.
expect 0 "$DY" --db "$R" sample --members 800 --seed 42 --domains roster
"$DY" --db "$A" election list --format csv >a/elections.csv 2>/dev/null || fail "election list"
# The completed elections: id, organisation, the day of the electing meeting, the approval.
: >elected.txt
while IFS=, read -r id org ends stage requested completed; do
    case $stage in *'(completed)'*) ;; *) continue ;; esac
    "$DY" --db "$A" election show "$id" --format csv >show.csv 2>/dev/null || fail "election show $id"
    meeting=$(awk -F, '$2 == "meeting_held" { print $1 }' show.csv)
    [ -n "$meeting" ] || fail "election $id is completed without a meeting"
    echo "$id,$org,$meeting,$completed" >>elected.txt
done < <(tail -n +2 a/elections.csv | tr -d '\r')
[ -s elected.txt ] || fail "the sample completed no election"
# (Member counts aside: a transfer received moves a member to another branch.)
"$DY" --db "$R" org list --as-of 2026-11-26 --format csv 2>/dev/null | cut -d, -f1-7 >r-orgs.txt
"$DY" --db "$A" org list --as-of 2026-11-26 --format csv 2>/dev/null | cut -d, -f1-7 >a-orgs.txt
[ "$(wc -l <r-orgs.txt)" -eq "$(wc -l <a-orgs.txt)" ] || fail "the domains added or removed organisations"
cut -d, -f2 elected.txt >elected-names.txt
awk -F, 'NR == FNR { e[$1] = 1; next } !($2 in e)' elected-names.txt r-orgs.txt >r-others.txt
awk -F, 'NR == FNR { e[$1] = 1; next } !($2 in e)' elected-names.txt a-orgs.txt >a-others.txt
[ "$(wc -l <r-others.txt)" -eq $(($(wc -l <r-orgs.txt) - $(wc -l <elected.txt))) ] ||
    fail "an organisation with a completed election is not in the organisation list"
cmp -s r-others.txt a-others.txt || fail "the domains changed organisations other than those that held an election"
while IFS=, read -r id org meeting completed; do
    before=$(awk -F, -v o="$org" '$2 == o { print $6 }' r-orgs.txt)
    after=$(awk -F, -v o="$org" '$2 == o { print $6 }' a-orgs.txt)
    [ "$after" = "$meeting" ] || fail "$org: term start $after after election $id, not its meeting on $meeting"
    [ "$before" != "$after" ] || fail "$org: election $id left the term start $before unchanged"
done <elected.txt

# The tables themselves (unmasked), audit trail aside.
if on_postgresql; then
    ids_of="string_agg(CAST(org_id AS TEXT), ',')"
else
    ids_of="group_concat(org_id)"
fi
{
    for t in orgs members standing_events org_leadership dev_cases dev_steps mob_episodes mob_episode_records \
        mob_certificates mob_certificate_records mob_transfers mob_contact_records eval_campaigns eval_records \
        eval_voters life_meetings life_attendance life_training life_dues_accounts life_dues_payments; do
        query "$A" "SELECT * FROM $t ORDER BY 1, 2" >"a-$t.txt" || fail "cannot read table $t"
        query "$B" "SELECT * FROM $t ORDER BY 1, 2" >"b-$t.txt" || fail "cannot read table $t"
        cmp -s "a-$t.txt" "b-$t.txt" || fail "table $t differs for the same seed"
    done
    for t in election_cases election_records election_members decision_cases decision_records; do
        query "$A" "SELECT * FROM $t ORDER BY 1, 2" >"a-$t.txt" || fail "cannot read table $t"
        query "$B" "SELECT * FROM $t ORDER BY 1, 2" >"b-$t.txt" || fail "cannot read table $t"
        cmp -s "a-$t.txt" "b-$t.txt" || fail "table $t differs for the same seed"
    done
    [ -s a-election_cases.txt ] && [ -s a-decision_cases.txt ] || fail "no elections or decisions in the sample"
    # Organisations without a completed election are unchanged, and so are the leaderships the roster
    # part wrote, but for the end of the outgoing ones (to_date: the approval's date).
    elected=$(query "$A" "SELECT $ids_of FROM election_cases WHERE stage = 'completed'")
    q="SELECT * FROM orgs WHERE id NOT IN ($elected) ORDER BY id"
    cmp -s <(query "$A" "$q") <(query "$R" "$q") || fail "table orgs differs with and without the domains"
    q="SELECT * FROM org_leadership WHERE org_id NOT IN ($elected) ORDER BY id"
    cmp -s <(query "$A" "$q") <(query "$R" "$q") || fail "table org_leadership differs with and without the domains"
    n=$(query "$R" "SELECT max(id) FROM org_leadership")
    q="SELECT id, org_id, member_id, role, portfolio, from_date FROM org_leadership WHERE id <= $n ORDER BY id"
    cmp -s <(query "$A" "$q") <(query "$R" "$q") || fail "the domains rewrote a leadership of the roster part"
    # Each completed election: the outgoing leadership ends and the new one starts on the approval.
    while IFS=, read -r id org meeting completed; do
        oid=$(query "$A" "SELECT org_id FROM election_cases WHERE id = $id")
        open=$(query "$A" "SELECT count(*) FROM org_leadership WHERE org_id = $oid AND to_date IS NULL AND from_date = '$completed'")
        [ "$open" -ge 3 ] || fail "$org: no committee in office from the approval on $completed"
        old=$(query "$A" "SELECT count(*) FROM org_leadership WHERE org_id = $oid AND id <= $n AND (to_date IS NULL OR to_date > '$completed')")
        [ "$old" -eq 0 ] || fail "$org: the outgoing leadership is still in office after $completed"
    done <elected.txt
    n=$(query "$R" "SELECT count(*) FROM members")
    q="SELECT id, name, id_number, birth_date, application_date, admission_date, full_member_date FROM members"
    query "$R" "$q ORDER BY id" >r-members.txt
    query "$A" "$q WHERE id <= $n ORDER BY id" >a-members.txt
    cmp -s a-members.txt r-members.txt || fail "the domains changed the members of the roster part"
}
echo "determinism: ok"
