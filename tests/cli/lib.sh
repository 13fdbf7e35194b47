# Helpers of the command-line tests. Each test script is run by ctest as
#   bash <test>.sh <dangyuan binary> <tests/cli directory> <work directory>
# and sources this file. A failed check prints what was expected and the command's output, and exits 1.

set -u
DY="$1"
FIXTURES="$2"
WORK="$3"
rm -rf "$WORK"
mkdir -p "$WORK"
cd "$WORK" || exit 1
export USER=cli-test
# Text output is fitted to $COLUMNS and the agenda's language follows $DANGYUAN_LANG: the tests set them
# where they test them.
unset COLUMNS DANGYUAN_LANG

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

# The tests run on SQLite files, and again on PostgreSQL when DANGYUAN_TEST_POSTGRESQL names a server
# (tests/postgres/on-postgresql.sh sets it to `postgresql://`, libpq then reads PGHOST, PGPORT, PGUSER and
# PGPASSWORD from the environment). TEST is the script's name (copy for copy_test.sh).
TEST=$(basename "$0" _test.sh)
on_postgresql() {
    [ -n "${DANGYUAN_TEST_POSTGRESQL:-}" ]
}

# store_location VAR NAME: sets VAR to where the test keeps the store it calls NAME: the file NAME in the
# work directory; on PostgreSQL a new, empty database of the test server, as a URL. The databases are
# numbered per script (dy_<test>_1, dy_<test>_2 …), so that the scripts can share one server.
# They sort text as a server set up for Chinese does (ICU's zh collation: by pinyin), not in SQLite's
# byte order, so that an ORDER BY on Chinese text shows in the output; DANGYUAN_TEST_CREATEDB_OPTIONS
# replaces the options of CREATE DATABASE (empty: the server's defaults).
DATABASES=0
store_location() {
    if ! on_postgresql; then
        printf -v "$1" '%s' "$2"
        return
    fi
    local server=$DANGYUAN_TEST_POSTGRESQL
    local options="TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C.UTF-8' LOCALE_PROVIDER icu ICU_LOCALE 'zh'"
    options=${DANGYUAN_TEST_CREATEDB_OPTIONS-$options}
    DATABASES=$((DATABASES + 1))
    local name="dy_${TEST}_$DATABASES"
    PGOPTIONS="-c client_min_messages=warning" psql "$server" -X -q -v ON_ERROR_STOP=1 \
        -c "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name $options" >/dev/null ||
        fail "cannot create the database $name on $(shown_location "$server") (options: $options)"
    # The server's URL with the new database instead of its own (a query string is dropped).
    local scheme=${server%%://*} rest=${server#*://}
    printf -v "$1" '%s://%s/%s' "$scheme" "${rest%%[/?]*}" "$name"
}

# shown_location LOCATION: LOCATION as the command's messages show it (a URL without its password).
shown_location() {
    printf '%s\n' "$1" | sed -E 's#^(postgres(ql)?://[^:/@]*):[^@/]*@#\1@#'
}

# query STORE SQL: the rows SQL selects in the store, one a line, columns separated by | (as the sqlite3
# shell and `psql -At` print them; NULL is empty). Through Python's sqlite3 module on a file, psql on a
# server.
query() {
    if on_postgresql; then
        psql "$1" -X -q -At -v ON_ERROR_STOP=1 -c "$2"
    else
        /usr/bin/python3 -c '
import sqlite3, sys
db = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
for row in db.execute(sys.argv[2]):
    print("|".join("" if v is None else str(v) for v in row))
' "$1" "$2"
    fi
}

# store_content STORE: everything the store holds, for comparing before and after a command that must
# change nothing: a file's bytes; on a server the rows of every table (pg_dump --data-only, without the
# identity counters, which a rolled-back insert advances, and without the dump's random \restrict key).
# pg_dump's warnings (the circular foreign key of orgs.parent_id) are shown only when it fails.
store_content() {
    if on_postgresql; then
        { pg_dump --data-only --no-owner --no-privileges "$1" 2>"$WORK/.pg_dump.err" ||
            cat "$WORK/.pg_dump.err" >&2; } |
            grep -v -e '^SELECT pg_catalog.setval' -e '^--' -e '^\\restrict ' -e '^\\unrestrict '
    else
        cat "$1"
    fi
}

# files_only WHY: true on SQLite files; on PostgreSQL false, after printing that the checks it guards
# (about files: WHY) are not run there. Used as `if files_only "…"; then … fi`.
files_only() {
    on_postgresql || return 0
    echo "not on PostgreSQL ($TEST): $*"
    return 1
}

# expect STATUS COMMAND...: runs COMMAND, keeping its output in ./out and ./err, and checks its exit status.
expect() {
    local want=$1
    shift
    "$@" >out 2>err
    local got=$?
    if [ "$got" -ne "$want" ]; then
        echo "--- stdout" >&2
        cat out >&2
        echo "--- stderr" >&2
        cat err >&2
        fail "exit status $got, expected $want: $*"
    fi
}

# has FILE TEXT: FILE contains TEXT (a fixed string).
has() {
    grep -qF -- "$2" "$1" || {
        cat "$1" >&2
        fail "$1 does not contain: $2"
    }
}

# lacks FILE TEXT: FILE does not contain TEXT.
lacks() {
    if grep -qF -- "$2" "$1"; then
        cat "$1" >&2
        fail "$1 contains: $2"
    fi
}

# matches FILE REGEX / unmatched FILE REGEX: extended regular expressions.
matches() {
    grep -qE -- "$2" "$1" || {
        cat "$1" >&2
        fail "$1 does not match: $2"
    }
}
unmatched() {
    if grep -qE -- "$2" "$1"; then
        grep -E -- "$2" "$1" | head -5 >&2
        fail "$1 matches: $2"
    fi
}

# A small organisation tree for the import tests.
make_district() {
    local db=$1
    expect 0 "$DY" --db "$db" init
    expect 0 "$DY" --db "$db" org add --name 中共示范区委员会 --kind higher_committee --established 1990-01-01 \
        --term-start 2021-10-01 --term-years 5
    expect 0 "$DY" --db "$db" org add --name 城关街道党工委 --kind 党工委 --parent 中共示范区委员会 --established 2001-05-01
    expect 0 "$DY" --db "$db" org add --name 第一社区党支部 --kind branch --parent 城关街道党工委 \
        --established 2002-01-01 --village --term-start 2021-12-28
    expect 0 "$DY" --db "$db" org add --name 机关党支部 --kind 党支部 --parent 城关街道党工委 \
        --established 2003-06-01 --term-start 2023-12-05
}

# The small district with ten full members in 第一社区党支部 (branch_roster.csv): members 1-10, in the
# order of the file (1 张建国 … 10 吴敏).
make_branch_store() {
    local db=$1
    make_district "$db"
    expect 0 "$DY" --db "$db" import "$FIXTURES/branch_roster.csv"
    has out "10 added"
}

# rejects RULE COMMAND...: COMMAND exits with status 1 and its message names RULE.
rejects() {
    local rule=$1
    shift
    expect 1 "$@"
    has err "$rule"
}
