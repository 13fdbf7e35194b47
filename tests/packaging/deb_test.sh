#!/usr/bin/env bash
# Builds the Debian packages of a built tree with CPack, unpacks them into a scratch root (dpkg -x: no
# package database is touched) and uses them from there: the consumer (tests/consumer) through
# find_package (with dangyuan::io when libdangyuan-io-dev is built), `dangyuan --help`, and
# `import dangyuan` with PYTHONPATH into the root. Every package named in a Depends field must be a Debian
# package known to this system or one of those built here.
# Usage: deb_test.sh CPACK BUILD_DIR CONSUMER_DIR WORK_DIR CXX "COMPONENTS"
set -euo pipefail
cpack=$1 build=$2 consumer=$3 work=$4 cxx=$5 components=${6//;/ }  # a CMake list or words
rm -rf "$work"
mkdir -p "$work/debs" "$work/root"
"$cpack" -G DEB --config "$build/CPackConfig.cmake" -B "$work/debs" >"$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log"; exit 1; }

declare -A expected=([dev]=libdangyuan-dev [io]=libdangyuan-io-dev [cli]=dangyuan [python]=python3-dangyuan)
built=""
for c in $components; do built+=" ${expected[$c]}"; done
for c in $components; do
  name=${expected[$c]}
  deb=$(ls "$work"/debs/"${name}"_*.deb)
  echo "== $(basename "$deb"): $(du -k "$deb" | cut -f1) KiB"
  dpkg-deb --field "$deb" Package Version Architecture Depends Suggests
  [ "$(dpkg-deb --field "$deb" Package)" = "$name" ]
  # Each alternative-free dependency must name a package this system knows (the Debian 12 names).
  depends=$(dpkg-deb --field "$deb" Depends)
  for dep in $(echo "$depends" | tr ',' '\n' | sed -e 's/(.*)//' -e 's/|.*//' | tr -d ' '); do
    [[ " $built " == *" $dep "* ]] && continue  # one of the packages built here (libdangyuan-io-dev needs libdangyuan-dev)
    apt-cache show "$dep" >/dev/null 2>&1 || dpkg-query -W "$dep" >/dev/null 2>&1 ||
      { echo "unknown package in Depends of $name: $dep"; exit 1; }
  done
  dpkg -x "$deb" "$work/root"
done

root=$work/root
echo "== find_package(dangyuan) from $root/usr"
with_io=OFF
[[ " $components " == *" io "* ]] && with_io=ON
cmake -DPREFIX="$root/usr" -DSOURCE_DIR="$consumer" -DWORK_DIR="$work/consumer" -DCXX_COMPILER="$cxx" \
  -DWITH_IO=$with_io -P "$consumer/run.cmake"
# The package's own files only: the consumer's include path is the root, not the source tree.
grep -q "$root/usr/include" "$work/consumer/build/CMakeFiles/consumer.dir/flags.make"

if [[ " $components " == *" cli "* ]]; then
  echo "== dangyuan --help"
  help=$("$root/usr/bin/dangyuan" --help)
  echo "$help" | sed -n 1,5p
fi
if [[ " $components " == *" python "* ]]; then
  echo "== import dangyuan"
  PYTHONPATH="$root/usr/lib/python3/dist-packages" PYTHONDONTWRITEBYTECODE=1 /usr/bin/python3 -c '
import sys, dangyuan
print(dangyuan.__version__, dangyuan.__file__)
sys.exit(0 if dangyuan.__file__.startswith(sys.argv[1]) else 1)' "$root/usr/lib/python3/dist-packages"
fi
echo "packaging: ok"
