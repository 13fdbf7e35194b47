# --help works on every level; usage errors exit 2; a missing store exits 1.
source "$(dirname "$0")/lib.sh"

expect 0 "$DY" --help
has out "Usage: dangyuan"
has out "Exit status: 0 ok, 1 bad input or rule violation, 2 usage error, 3 access denied."
expect 0 "$DY" --version
matches out '^dangyuan [0-9]+\.[0-9]+\.[0-9]+'

# Every command listed by --help has its own help with a usage line and examples.
"$DY" --help | sed -n '/^Commands:/,/^$/p' | sed -nE 's/^  ([a-z-]+( [a-z-]+){0,2}) {2,}.*/\1/p' >commands
[ "$(wc -l <commands)" -ge 48 ] || fail "fewer commands than expected: $(cat commands)"
for c in "case open" "case step" "case show" "case list" "mobility open" "mobility record" \
    "mobility certificate issue" "mobility certificate present" "mobility certificate review" \
    "mobility certificate return" "mobility transfer issue" "mobility transfer receive" "mobility contact" \
    "mobility list" "mobility stats" "eval open" "eval phase" "eval self" "eval ballots" "eval propose" \
    "eval inform" "eval decide" "eval follow-up" "eval show" "eval list" "eval grades" \
    "eval disposition open" "eval disposition step" "eval disposition list" "meeting add" "meeting list" \
    "meeting compliance" "training add" "training shortfall" "dues account" "dues pay" "dues arrears" audit; do
    grep -qx "$c" commands || fail "'$c' is not listed by --help"
done
while read -r words; do
    # shellcheck disable=SC2086
    expect 0 "$DY" $words --help
    has out "Usage: dangyuan [--db FILE] $words"
    has out "Examples:"
    # shellcheck disable=SC2086
    expect 0 "$DY" $words -h
done <commands
for group in member org export case mobility eval meeting training dues "mobility certificate" \
    "mobility transfer" "eval disposition"; do
    # shellcheck disable=SC2086
    expect 0 "$DY" $group --help
    has out "Subcommands:"
    has out "Usage: dangyuan [--db FILE] $group <subcommand>"
done
expect 2 "$DY" mobility certificate
has err "'mobility certificate' needs a subcommand"
expect 2 "$DY" mobility certificate lose
has err "unknown subcommand 'mobility certificate lose'"

# Usage errors: exit status 2, a message on standard error, nothing on standard output.
expect 2 "$DY"
expect 2 "$DY" frobnicate
has err "unknown command 'frobnicate'"
expect 2 "$DY" member
has err "'member' needs a subcommand"
expect 2 "$DY" member frob
has err "unknown subcommand 'member frob'"
expect 2 "$DY" agenda --no-such-option
has err "no-such-option"
expect 2 "$DY" import
has err "file"
expect 2 "$DY" org add --name x
has err "required"
expect 2 "$DY" agenda --format xml
has err "unknown --format 'xml'"
expect 2 "$DY" agenda --status late
has err "unknown --status 'late'"
expect 2 "$DY" sample --members many
[ ! -s out ] || fail "a usage error wrote to standard output"

# Bad input is exit status 1: a missing store, a malformed date, an unknown organisation. Only init (and
# sample, restore) create a store: not in a missing file, not in an empty database on a server.
if on_postgresql; then
    store_location NO_STORE missing.db
    NO_STORE_ERR="holds no dangyuan store"
else
    NO_STORE=missing.db
    NO_STORE_ERR="no store at 'missing.db'"
fi
expect 1 "$DY" --db "$NO_STORE" agenda
has err "$NO_STORE_ERR"
expect 1 "$DY" --db "$NO_STORE" org add --name 中共示范区委员会 --kind higher_committee --established 1990-01-01
has err "$NO_STORE_ERR"
if on_postgresql; then
    [ "$(query "$NO_STORE" "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()")" = 0 ] ||
        fail "a command other than init created the store"
else
    [ ! -e missing.db ] || fail "a command other than init created the store"
fi
store_location STORE s.db
expect 0 "$DY" --db "$STORE" init
has out "created $(shown_location "$STORE") (schema version"
expect 0 "$DY" --db "$STORE" init
has out "$(shown_location "$STORE"): a dangyuan store"
expect 1 "$DY" --db "$STORE" agenda --as-of 2026-02-30
has err "as_of: '2026-02-30' is not a calendar date"
expect 1 "$DY" --db "$STORE" stats --org 不存在的党委
has err "org: no organisation named '不存在的党委'"
expect 1 "$DY" --db "$STORE" org add --name 支部 --kind branch --established 2020-01-01
has err "org.tree_structure"

# Positional arguments are listed as arguments, not as options.
expect 0 "$DY" import --help
has out "Arguments:"
has out "  FILE"
lacks out "--file FILE"

# Global options may also follow the command; the store may come from $DANGYUAN_DB; --db "" is refused.
expect 0 "$DY" org list --db "$STORE" --as-of 2026-01-01
has out "党组织"
expect 0 "$DY" org list --db="$STORE" --today 2026-01-01 --as-of 2026-01-01
has out "党组织"
export DANGYUAN_DB=$STORE
expect 0 "$DY" org list --as-of 2026-01-01
has out "党组织"
expect 1 "$DY" --db "$NO_STORE" agenda  # --db wins over $DANGYUAN_DB
has err "$NO_STORE_ERR"
unset DANGYUAN_DB
expect 2 "$DY" --db "" init
has err "--db needs a file name"
echo "help: ok"
