# `make demo` is quiet and minimal: each line of its recipe is silenced (@), the build configures
# neither tests, bindings, benchmarks nor examples and builds only the command, its output goes to
# build/demo.log, and it installs only the command's packages (scripts/install-deps --minimal).
source "$(dirname "$0")/lib.sh"
ROOT="$(cd "$FIXTURES/../.." && pwd)"
# The recipe's logical lines (a line ending in \ continues on the next).
awk '/^demo:/ { r = 1; next }
     r && cont { line = line " " $0; cont = sub(/\\$/, "", line); if (!cont) print line; next }
     r && /^\t/ { line = $0; cont = sub(/\\$/, "", line); if (!cont) print line; next }
     r { exit }' "$ROOT/Makefile" >recipe
[ "$(wc -l <recipe)" -gt 5 ] || fail "no demo recipe in the Makefile"
if grep -v $'^\t@' recipe | grep -q .; then
    grep -v $'^\t@' recipe >&2
    fail "make demo echoes these lines of its recipe"
fi
make -n -C "$ROOT" demo >plan 2>&1 || fail "make -n demo failed: $(cat plan)"
for want in "install-deps --minimal" "-DDANGYUAN_BUILD_TESTS=OFF" "-DDANGYUAN_BUILD_PYTHON=OFF" \
    "-DDANGYUAN_BUILD_BENCH=OFF" "-DDANGYUAN_BUILD_EXAMPLES=OFF" "--target dangyuan_cli" ">build/demo.log"; do
    has plan "$want"
done
# The packages of --minimal are a subset of the full list.
bash "$ROOT/scripts/install-deps" --minimal >deps 2>&1 || fail "install-deps --minimal failed: $(cat deps)"
[ ! -s deps ] || fail "install-deps --minimal printed something with everything installed: $(cat deps)"
echo "make demo: ok"
