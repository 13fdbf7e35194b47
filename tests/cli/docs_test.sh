# The pages' examples run as shown (README.md, docs/getting-started.md, docs/cli.md), against the demo
# district that `make demo` makes (the sample district, seed 1, in demo.db):
#   bash docs_test.sh <dangyuan> <tests/cli> <work directory> <getting-started example binary> PAGE...
# Each page runs in a directory of its own holding demo.db, `examples/` of the source tree, and
# `dangyuan` (also as ./build/default/src/cli/dangyuan) on PATH. In a ```console block, a line starting
# with `$ ` is a command (a trailing `\` continues it), the lines after it are what it prints:
#   - nothing shown: only the exit status is checked;
#   - otherwise every line must match in order; `…` in a line stands for any text, a line that is only
#     `…` for any number of lines;
#   - the status must be 0, unless the next command is `echo $?` (which prints the status of the one
#     before) or the first line shown starts with `dangyuan: `.
# A `dangyuan` command anywhere else on a page fails the test, so that no example escapes it. A ```cpp
# block holding `int main` must be tests/cli/getting_started_example.cpp, whose binary is run in the
# page's directory after the commands before it. ```python blocks run with $DOCS_PYTHON when it is set
# (the module built), and are reported as not run otherwise.
source "$(dirname "$0")/lib.sh"
EXAMPLE="$4"
shift 4
ROOT="$(cd "$FIXTURES/../.." && pwd)"
[ $# -gt 0 ] || fail "no page given"
unset COLUMNS DANGYUAN_DB DANGYUAN_AS DANGYUAN_LANG

mkdir -p bin
ln -s "$DY" bin/dangyuan
export PATH="$WORK/bin:$PATH"
"$DY" --db demo.db sample --seed 1 >/dev/null || fail "the demo district could not be made"

# matches_shown EXPECTED GOT: GOT's lines match EXPECTED's in order (a line `…` matches any lines).
matches_shown() {
    awk -v shown="$1" '
        function rx(s) { gsub(/[][\\.*^$+?(){}|\/]/, "\\\\&", s); gsub(/…/, ".*", s); sub(/[ \t]*$/, "", s)
                         return "^" s "[ \t]*$" }
        BEGIN { n = 0; while ((getline line < shown) > 0) want[++n] = line }
        { got[++m] = $0 }
        # match(i, j): want[i..n] against got[j..m], `…` lines matching any number of lines.
        function match_from(i, j,    k) {
            if (i > n) return j > m
            if (want[i] == "…") { for (k = j; k <= m + 1; ++k) if (match_from(i + 1, k)) return 1; return 0 }
            if (j > m) return 0
            if (got[j] !~ rx(want[i])) { if (j > far) { far = j; farline = i } return 0 }
            return match_from(i + 1, j + 1)
        }
        END { far = 0; if (match_from(1, 1)) exit 0
              printf "first line not matched: %d of the output, against line %d shown: %s\n", far, farline, want[farline] > "/dev/stderr"
              exit 1 }
    ' "$2"
}

total=0
for page in "$@"; do
    file="$ROOT/$page"
    [ -f "$file" ] || fail "no page $page"
    dir="$WORK/$(echo "$page" | tr '/.' '__')"
    mkdir -p "$dir/build/default/src/cli"
    cp demo.db "$dir/"
    ln -s "$ROOT/examples" "$dir/examples"
    ln -s "$DY" "$dir/build/default/src/cli/dangyuan"

    # A `dangyuan` command outside a console block is an example nobody checks.
    # (```text blocks show a synopsis or an output, not a command.)
    stray=$(awk '/^```console/ { c = 1; next } /^```/ { if (c) c = 0; else { b = !b; t = /^```text/ } next }
                 b && !c && !t && /^(\$ )?(\.\/build\/default\/src\/cli\/)?dangyuan / { print FILENAME ":" NR ": " $0 }' "$file")
    [ -z "$stray" ] || fail "dangyuan commands outside a \`\`\`console block are not run; make them one:
$stray"

    # Splits the page into steps: step.N.kind (cmd, cpp, python), step.N.text, step.N.expected.
    rm -f "$dir"/step.*
    awk -v dir="$dir" '
        function put(kind, text, body) {
            ++n
            printf "%s", kind > (dir "/step." n ".kind"); close(dir "/step." n ".kind")
            printf "%s", text > (dir "/step." n ".text"); close(dir "/step." n ".text")
            printf "%s", body > (dir "/step." n ".expected"); close(dir "/step." n ".expected")
        }
        function flush() { if (cmd != "") put("cmd", cmd, expected); cmd = ""; expected = "" }
        /^```console/ { inblock = "console"; cmd = ""; expected = ""; cont = 0; next }
        /^```cpp/ { inblock = "cpp"; body = ""; next }
        /^```python/ { inblock = "python"; body = ""; next }
        /^```/ && inblock == "console" { flush(); inblock = ""; next }
        /^```/ && (inblock == "cpp" || inblock == "python") {
            if (inblock == "python" || body ~ /int main/) put(inblock, "", body)
            inblock = ""; next
        }
        /^```/ { inblock = (inblock == "" ? "other" : ""); next }
        inblock == "cpp" || inblock == "python" { body = body $0 "\n"; next }
        inblock == "console" {
            if (cont) { line = $0; sub(/^ +/, " ", line); cmd = cmd line; cont = sub(/ *\\$/, "", cmd); next }
            if (/^\$ /) { flush(); cmd = substr($0, 3); cont = sub(/ *\\$/, "", cmd); next }
            expected = expected $0 "\n"
        }
        END { printf "%d", n > (dir "/steps") }
    ' "$file"
    steps=$(cat "$dir/steps")
    [ "$steps" -gt 0 ] || fail "no examples found in $page"

    cd "$dir" || fail "no $dir"
    last_status=0
    commands=0
    for ((i = 1; i <= steps; ++i)); do
        kind=$(cat "step.$i.kind")
        text=$(cat "step.$i.text")
        where="$page, step $i"
        case $kind in
        cpp)
            cmp -s "step.$i.expected" "$FIXTURES/getting_started_example.cpp" ||
                fail "$where: the C++ program differs from tests/cli/getting_started_example.cpp"
            [ -n "$EXAMPLE" ] || fail "$where: the example binary was not given"
            "$EXAMPLE" >got 2>&1 || fail "$where: the C++ program failed: $(cat got)"
            commands=$((commands + 1))
            ;;
        python)
            if [ -n "${DOCS_PYTHON:-}" ]; then
                "$DOCS_PYTHON" "step.$i.expected" >got 2>&1 || fail "$where: the Python example failed: $(cat got)"
                commands=$((commands + 1))
            else
                echo "$where: Python example not run (DOCS_PYTHON not set: the module is not built)"
            fi
            ;;
        cmd)
            commands=$((commands + 1))
            if [ "$text" = 'echo $?' ]; then
                echo "$last_status" >got
                status=0
            else
                eval "$text" >got 2>&1
                status=$?
            fi
            last_status=$status
            next_text=""
            [ $((i + 1)) -le "$steps" ] && next_text=$(cat "step.$((i + 1)).text")
            if [ "$next_text" != 'echo $?' ]; then
                if head -1 "step.$i.expected" | grep -q '^dangyuan: '; then
                    [ "$status" -ne 0 ] || fail "$where succeeded, the page shows an error: $text"
                else
                    [ "$status" -eq 0 ] || { cat got >&2; fail "$where failed (status $status): $text"; }
                fi
            fi
            if [ -s "step.$i.expected" ]; then
                matches_shown "step.$i.expected" got || {
                    echo "--- shown" >&2
                    cat "step.$i.expected" >&2
                    echo "--- printed" >&2
                    cat got >&2
                    fail "$where printed something else: $text"
                }
            fi
            ;;
        esac
    done
    cd "$WORK" || exit 1
    echo "$page: ok ($commands examples)"
    total=$((total + commands))
done
echo "docs: ok ($total examples)"
