# The two commands of the README. Each installs what is missing, configures with a preset, builds, runs.
.PHONY: deps demo test test-asan test-fuzz test-ci fuzz bench format-check debs clean

JOBS ?= 2

deps:
	bash scripts/install-deps

# The demo is the command's main job: a fresh store filled with the sample district (fixed seed), then
# its agenda and statistics on a fixed date, and a branch secretary refused another branch's member
# (exit status 3, which is expected here). Only the packages and the target the command needs; the
# configure and build output goes to build/demo.log, shown only when something fails.
DY := ./build/default/src/cli/dangyuan
demo:
	@bash scripts/install-deps --minimal
	@mkdir -p build
	@echo "building the dangyuan command (details: build/demo.log) ..."
	@{ cmake --preset default -DDANGYUAN_BUILD_TESTS=OFF -DDANGYUAN_BUILD_PYTHON=OFF \
	     -DDANGYUAN_BUILD_BENCH=OFF -DDANGYUAN_BUILD_EXAMPLES=OFF && \
	   cmake --build --preset default -j $(JOBS) --target dangyuan_cli; } >build/demo.log 2>&1 || \
	 { tail -n 40 build/demo.log; echo "the build failed: see build/demo.log"; exit 1; }
	@rm -f demo.db demo.db-wal demo.db-shm
	@echo; echo '$$ dangyuan --db demo.db sample --seed 1'
	@$(DY) --db demo.db sample --seed 1
	@echo; echo '$$ dangyuan --db demo.db agenda --as-of 2026-11-26'
	@$(DY) --db demo.db agenda --as-of 2026-11-26
	@echo; echo '$$ dangyuan --db demo.db stats --as-of 2026-11-26'
	@$(DY) --db demo.db stats --as-of 2026-11-26
	@echo; echo '# The secretary of 羊头峪街道文居社区第一网格党支部 (5) reads its branch; member 1 belongs to another one:'
	@echo '$$ dangyuan --db demo.db --as branch_secretary@5 member list --as-of 2026-11-26'
	@$(DY) --db demo.db --as branch_secretary@5 member list --as-of 2026-11-26 | head -12
	@echo '$$ dangyuan --db demo.db --as branch_secretary@5 member show 1'
	@$(DY) --db demo.db --as branch_secretary@5 member show 1 || echo "(exit status $$?: access denied, as expected)"
	@echo; echo '$$ dangyuan --db demo.db export all --as-of 2026-11-26 -o demo-report.xlsx'
	@$(DY) --db demo.db export all --as-of 2026-11-26 -o demo-report.xlsx
	@echo "(statistics with their charts, agenda, name list, meetings and dues in one workbook)"
	@echo; echo "demo.db is ready: try the examples of docs/cli.md (export DANGYUAN_DB=demo.db);"
	@echo "it also holds elections (dangyuan election list) and village decisions (dangyuan decision list)."

# What CI runs (.ci/run). Three builds, each configured, built and tested once:
#   asan: GCC, Debug (-g1), AddressSanitizer + UBSan: unit (one process per test file), command, Python
#         and concurrency tests. Left to the ci build: the tests that compare long outputs with the docs
#         (cli.docs, cli.tutorial, not even built: DANGYUAN_DOC_TESTS=OFF; the commands they run have their
#         own tests here) and the crash harness
#         (SIGKILL at random points tests SQLite's atomicity, not memory; reliability.crash);
#   fuzz: clang, the libFuzzer targets over the parsers, FUZZ_SECONDS each;
#   ci:   clang, Release, warnings as errors: the same tests unsanitised, plus the examples, the benchmark
#         smoke run, each public header compiled on its own, clang-format, the consumer through
#         find_package and add_subdirectory, and the Debian packages installed into a scratch root.
# The sanitizer run and the bounded fuzzing come first so that the last summary line is the full suite.
# Both full builds precompile the third-party headers and compile the unit tests in batches
# (cmake/build_speed.cmake).
test: deps test-asan test-fuzz test-ci

test-ci: deps
	cmake --preset ci
	cmake --build --preset ci -j $(JOBS)
	ctest --preset ci -j $(JOBS)

test-asan: deps
	cmake --preset asan
	cmake --build --preset asan -j $(JOBS)
	ctest --preset asan -j $(JOBS)

# The libFuzzer targets (fuzz/): a separate clang build of the fuzz targets alone, each run for
# FUZZ_SECONDS on a copy of its committed corpus (fuzz/corpus/<target>/). `make test` runs them briefly;
# `make fuzz` runs longer and adds fuzz_roster_import, which needs the store built (FUZZ_STORE=OFF leaves
# it out, as `make test` does). A failure leaves the input in build/fuzz/fuzz/run-<target>/.
FUZZ_SECONDS ?= 300
FUZZ_STORE ?= ON
FUZZ_CONFIGURE = cmake -S . -B build/fuzz -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE= -DCMAKE_CXX_FLAGS="-O1 -g" \
	-DDANGYUAN_BUILD_FUZZ=ON -DDANGYUAN_BUILD_TESTS=OFF -DDANGYUAN_BUILD_EXAMPLES=OFF -DDANGYUAN_BUILD_PYTHON=OFF \
	-DDANGYUAN_BUILD_BENCH=OFF -DDANGYUAN_BUILD_CLI=OFF
fuzz: deps
	$(FUZZ_CONFIGURE) -DDANGYUAN_FUZZ_SECONDS=$(FUZZ_SECONDS) -DDANGYUAN_FUZZ_STORE=$(FUZZ_STORE)
	cmake --build build/fuzz -j $(JOBS) --target dangyuan_fuzz_all
	ctest --test-dir build/fuzz -L fuzz -j $(JOBS) --output-on-failure

test-fuzz: deps
	$(MAKE) fuzz FUZZ_SECONDS=20 FUZZ_STORE=OFF

# The benchmarks (bench/, docs/performance.md) at N members; LARGE=1 adds the growth step at 10 N.
# Each program prints a table and its summary lines; all summary lines are repeated at the end.
N ?= 1000000
LARGE ?=
bench: deps
	cmake --preset bench
	cmake --build --preset bench -j $(JOBS)
	bash bench/run.sh build/bench/bench build/bench/bench-data --members $(N) $(if $(LARGE),--large)

# clang-format --dry-run --Werror over the tracked C++ files (also the ctest test `format` of the ci preset).
format-check:
	bash scripts/check-format

# The Debian packages libdangyuan-dev, dangyuan and python3-dangyuan from the ci build, into build/debs/.
debs: deps
	cmake --preset ci
	cmake --build --preset ci -j $(JOBS)
	cpack --config build/ci/CPackConfig.cmake -B build/debs

clean:
	rm -rf build demo.db demo.db-wal demo.db-shm demo-report.xlsx
