#!/usr/bin/env bash
# Runs command-line test scripts (tests/cli/NAME_test.sh) one after another against the PostgreSQL server
# named by DANGYUAN_TEST_POSTGRESQL (tests/postgres/on-postgresql.sh starts one cluster for all of them;
# tests/cli/lib.sh then gives each store a new database of it). Each script runs in a directory of its
# own under WORK, its output kept in WORK/NAME.log and shown when it fails. A script that exits with 77
# (a tool it needs is missing) is reported as skipped. Exit status 1 when any failed.
#   cli-scripts.sh <dangyuan> <tests/cli> <work directory> NAME...
set -u
DY=$1
FIXTURES=$2
WORK=$3
shift 3
[ -n "${DANGYUAN_TEST_POSTGRESQL:-}" ] || {
    echo "DANGYUAN_TEST_POSTGRESQL is not set: run this through tests/postgres/on-postgresql.sh" >&2
    exit 1
}
mkdir -p "$WORK"
passed=0
failed=()
skipped=()
for name in "$@"; do
    log="$WORK/$name.log"
    start=$SECONDS
    bash "$FIXTURES/${name}_test.sh" "$DY" "$FIXTURES" "$WORK/$name" >"$log" 2>&1
    status=$?
    if [ "$status" -eq 0 ]; then
        passed=$((passed + 1))
        echo "passed on PostgreSQL: $name ($((SECONDS - start)) s)"
        # What a script left out on the server, and why (lib.sh files_only), stays visible.
        grep '^not on PostgreSQL' "$log" | sed 's/^/  /'
    elif [ "$status" -eq 77 ]; then
        skipped+=("$name")
        echo "skipped: $name: $(grep -m1 '^SKIPPED' "$log")"
    else
        failed+=("$name")
        echo "FAILED on PostgreSQL: $name ($((SECONDS - start)) s); the end of $log:"
        tail -n 40 "$log" | sed 's/^/  | /'
    fi
done
echo "$passed of $# command-line test scripts passed on PostgreSQL${skipped[*]:+; skipped (see above): ${skipped[*]}}${failed[*]:+; failed: ${failed[*]}}"
[ ${#failed[@]} -eq 0 ]
