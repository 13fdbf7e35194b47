# The two commands of the README. Each installs what is missing, configures with a preset, builds, runs.
.PHONY: deps demo test test-asan bench clean

JOBS ?= 2

deps:
	bash scripts/install-deps

demo: deps
	cmake --preset default
	cmake --build --preset default -j $(JOBS)
	./build/default/examples/dangyuan_demo demo.db

# The sanitizer run comes first so that the last summary line is the full suite.
test: deps test-asan
	cmake --preset default
	cmake --build --preset default -j $(JOBS)
	ctest --preset default -j $(JOBS)

test-asan: deps
	cmake --preset asan
	cmake --build --preset asan -j $(JOBS)
	ctest --preset asan -j $(JOBS)

bench: deps
	cmake --preset bench
	cmake --build --preset bench -j $(JOBS)
	@echo "no benchmarks yet"

clean:
	rm -rf build demo.db demo.db-wal demo.db-shm
