# docs/tutorial.md runs as written: every `console` block's commands are run in order and their output
# (standard output and error together) must match what the page shows; `… ` in a shown line stands for
# any text. A block opened with ```csv file=NAME is written to NAME first. The C++ program shown is
# tests/cli/tutorial_example.cpp, built as dangyuan_tutorial_example; its output must match the
# ```text output=tutorial_example block.
#   bash tutorial_test.sh <dangyuan> <tests/cli> <work directory> <dangyuan_tutorial_example>
# With DANGYUAN_TEST_POSTGRESQL set (tests/postgres/on-postgresql.sh), the same page runs against a new
# database of that server: its URL replaces the page's store 示范.db in each command, and where the page
# shows the store's name, the output must show the URL (without a password). The C++ program keeps its
# in-memory store.
source "$(dirname "$0")/lib.sh"
EXAMPLE="${4:-}"
PAGE="$FIXTURES/../../docs/tutorial.md"
[ -f "$PAGE" ] || fail "no $PAGE"

# Splits the page into numbered steps: step.N.kind (cmd, file, cpp, output), step.N.text, step.N.expected.
awk -v dir="$WORK" '
    function flush() {
        if (kind == "cmd" && cmd != "") {
            ++n
            printf "cmd" > (dir "/step." n ".kind"); close(dir "/step." n ".kind")
            printf "%s", cmd > (dir "/step." n ".text"); close(dir "/step." n ".text")
            printf "%s", expected > (dir "/step." n ".expected"); close(dir "/step." n ".expected")
        }
        cmd = ""; expected = ""
    }
    /^```console/ { inblock = "console"; kind = "cmd"; cmd = ""; expected = ""; cont = 0; next }
    /^```csv file=/ { inblock = "file"; ++n; name = $2; sub(/^file=/, "", name)
                      printf "file" > (dir "/step." n ".kind"); close(dir "/step." n ".kind")
                      printf "%s", name > (dir "/step." n ".text"); close(dir "/step." n ".text")
                      body = dir "/step." n ".expected"; printf "" > body; next }
    /^```cpp file=/ { inblock = "file"; ++n; name = $2; sub(/^file=/, "", name)
                      printf "cpp" > (dir "/step." n ".kind"); close(dir "/step." n ".kind")
                      printf "%s", name > (dir "/step." n ".text"); close(dir "/step." n ".text")
                      body = dir "/step." n ".expected"; printf "" > body; next }
    /^```text output=/ { inblock = "file"; ++n; name = $2; sub(/^output=/, "", name)
                      printf "output" > (dir "/step." n ".kind"); close(dir "/step." n ".kind")
                      printf "%s", name > (dir "/step." n ".text"); close(dir "/step." n ".text")
                      body = dir "/step." n ".expected"; printf "" > body; next }
    /^```/ && inblock == "console" { flush(); inblock = ""; kind = ""; next }
    /^```/ && inblock == "file" { close(body); inblock = ""; next }
    inblock == "file" { print >> body; next }
    inblock == "console" {
        if (cont) { line = $0; sub(/^ +/, " ", line); cmd = cmd line; cont = sub(/ *\\$/, "", cmd); next }
        if (/^\$ /) { flush(); cmd = substr($0, 3); cont = sub(/ *\\$/, "", cmd); next }
        expected = expected $0 "\n"
    }
    END { printf "%d", n > (dir "/steps") }
' "$PAGE"
steps=$(cat steps)
[ "$steps" -gt 40 ] || fail "only $steps steps found in docs/tutorial.md"

# Each shown line as an extended regular expression: `…` is any text, everything else literal.
to_regex() {
    sed -e 's/[][\.*^$+?(){}|/]/\\&/g' -e 's/…/.*/g' -e 's/^/^/' -e 's/[[:space:]]*$/[[:space:]]*$/'
}

# Where the page's store lives: the file 示范.db, or a database on the test server.
PAGE_STORE=示范.db
store_location STORE "$PAGE_STORE"
SHOWN_STORE=$(shown_location "$STORE")
[ "$STORE" = "$PAGE_STORE" ] || echo "tutorial: the store is $SHOWN_STORE"

commands=0
for ((i = 1; i <= steps; ++i)); do
    kind=$(cat "step.$i.kind")
    text=$(cat "step.$i.text")
    case $kind in
    file)
        cp "step.$i.expected" "$text"
        ;;
    cpp)
        cmp -s "step.$i.expected" "$FIXTURES/$(basename "$text")" ||
            fail "the C++ program in docs/tutorial.md differs from tests/cli/$(basename "$text")"
        ;;
    output)
        [ -n "$EXAMPLE" ] || fail "the tutorial example binary was not given"
        "$EXAMPLE" >example.out 2>&1 || fail "the tutorial example failed: $(cat example.out)"
        sed 's/[[:space:]]*$//' "step.$i.expected" >example.expected
        sed 's/[[:space:]]*$//' example.out | cmp -s - example.expected || {
            diff example.expected <(sed 's/[[:space:]]*$//' example.out) >&2
            fail "the tutorial example's output differs from docs/tutorial.md"
        }
        ;;
    cmd)
        commands=$((commands + 1))
        run=${text//dangyuan /\"\$DY\" }
        run=${run//"$PAGE_STORE"/\"\$STORE\"}
        eval "$run" >got 2>&1
        status=$?
        if head -1 "step.$i.expected" | grep -q '^dangyuan: '; then
            [ "$status" -ne 0 ] || fail "step $i succeeded, the page shows an error: $text"
        else
            [ "$status" -eq 0 ] || { cat got >&2; fail "step $i failed (status $status): $text"; }
        fi
        want=$(wc -l <"step.$i.expected")
        have=$(wc -l <got)
        [ "$want" -eq "$have" ] || {
            diff "step.$i.expected" got >&2
            fail "step $i printed $have lines, the page shows $want: $text"
        }
        line=0
        while IFS= read -r shown && IFS= read -r actual <&3; do
            line=$((line + 1))
            pattern_line=$(printf '%s\n' "${shown//"$PAGE_STORE"/$SHOWN_STORE}" | to_regex)
            printf '%s\n' "$actual" | grep -qE -- "$pattern_line" || {
                diff "step.$i.expected" got >&2
                fail "step $i, line $line differs: $text"
            }
        done <"step.$i.expected" 3<got
        ;;
    esac
done
echo "tutorial: ok ($commands commands on $SHOWN_STORE)"
