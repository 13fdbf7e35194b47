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
