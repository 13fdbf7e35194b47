# `dangyuan copy` moves a whole store to a new file, or to an empty PostgreSQL database and back, and
# checks each table's count and the audit chain. With DANGYUAN_TEST_POSTGRESQL set (tests/postgres/
# on-postgresql.sh), the sample district makes the round trip through the server.
source "$(dirname "$0")/lib.sh"

expect 0 "$DY" --db s.db sample --members 600 --seed 3
expect 0 "$DY" --db s.db stats --as-of 2026-06-30
cp out stats-source
expect 0 "$DY" --db s.db audit verify
head=$(grep -o 'sha256 [0-9a-f]*' out)
[ -n "$head" ] || fail "no head hash in: $(cat out)"

# File to file.
expect 0 "$DY" --db s.db copy c.db
has out "copied s.db to c.db"
has out "audit chain verified"
has out "members: "
expect 0 "$DY" --db c.db stats --as-of 2026-06-30
cmp -s out stats-source || fail "the copy's statistics differ: $(diff stats-source out)"
expect 0 "$DY" --db c.db audit verify
has out "$head"

# Refused, and nothing written: an existing target, a store that is not there.
expect 1 "$DY" --db s.db copy c.db
has err "exists; a copy goes into a new file"
expect 1 "$DY" --db missing.db copy d.db
[ ! -e d.db ] || fail "a failed copy left d.db"
# A server that cannot be reached: a clear error (exit 1), the source untouched.
expect 1 "$DY" --db s.db copy postgresql://nobody@127.0.0.1:1/none
has err "cannot connect to postgresql://nobody@127.0.0.1:1/none"
lacks err "unexpected error"

if [ -n "${DANGYUAN_TEST_POSTGRESQL:-}" ]; then
    server="$DANGYUAN_TEST_POSTGRESQL"
    expect 0 "$DY" --db s.db copy "$server"
    has out "audit chain verified"
    expect 0 "$DY" --db "$server" stats --as-of 2026-06-30
    cmp -s out stats-source || fail "the statistics on the server differ: $(diff stats-source out)"
    expect 0 "$DY" --db "$server" audit verify
    has out "$head"
    # The server's database now holds a store: a second copy there is refused.
    expect 1 "$DY" --db c.db copy "$server"
    has err "holds tables"
    # And back to a file.
    expect 0 "$DY" --db "$server" copy back.db
    expect 0 "$DY" --db back.db stats --as-of 2026-06-30
    cmp -s out stats-source || fail "the statistics after the round trip differ: $(diff stats-source out)"
    expect 0 "$DY" --db back.db audit verify
    has out "$head"
fi
echo "ok"
