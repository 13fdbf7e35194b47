# Build time for CI (both options off by default, on in the ci and asan presets).
#
# Measured on one storage translation unit (g++ 12 -O0 -g with the sanitizers, clang 14 -O3): parsing
# is a third of its time at most, emitting code for every inline function it uses is the rest, and the
# test files use the same rule headers over and over. Hence:
#
# DANGYUAN_PRECOMPILE_HEADERS: each of our targets precompiles the standard and third-party headers it
# parses in every file (the `date` library, SQLiteCpp, Boost.Program_options, Catch2, pybind11); about
# 15 % less per file. dangyuan's own headers stay out: a precompiled header holding all of them costs
# g++ more to load than it saves, and a change to one of them would rebuild everything.
# DANGYUAN_UNITY_BUILD: our targets compile in batches of files (CMake's unity build), so that the
# code of the headers they share is emitted once per batch instead of once per file: about 2.5 times
# less for the unit tests, and for the store library (measured with the asan preset's flags, no compiler
# cache: 269 s of CPU for its 36 files one by one, 102 s in batches of 8; 267 s → 59 s on 2 cores).
# Every test file keeps its helpers in a namespace of its own (`<file>_cases`), and so does every command
# file (`dangyuan::cli::<file>`), so that the files of a batch do not collide; the store, io and the
# bindings keep their file-local helpers apart by name.
#
# An embedding project (add_subdirectory) gets neither unless it sets them (the embedding test sets
# DANGYUAN_UNITY_BUILD); the ci preset's library, which the Debian packages hold, is built with both (the
# same code, in fewer objects).
option(DANGYUAN_PRECOMPILE_HEADERS "Precompile the standard and third-party headers of each of our targets" OFF)
option(DANGYUAN_UNITY_BUILD "Compile our targets in batches of files (unity build)" OFF)

if(DANGYUAN_UNITY_BUILD)
  foreach(target dangyuan_sqlite dangyuan_io dangyuan_sample dangyuan_cli _dangyuan)
    if(TARGET ${target})
      set_target_properties(${target} PROPERTIES UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE 8)
    endif()
  endforeach()
endif()

if(DANGYUAN_UNITY_BUILD AND TARGET dangyuan_unit_tests)
  # main.cpp defines CATCH_CONFIG_MAIN before it includes Catch2: it stays a file of its own.
  set_source_files_properties(${PROJECT_SOURCE_DIR}/tests/unit/main.cpp TARGET_DIRECTORY dangyuan_unit_tests
                              PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)
  set_target_properties(dangyuan_unit_tests PROPERTIES UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE 7)
endif()

if(NOT DANGYUAN_PRECOMPILE_HEADERS)
  return()
endif()

set(dangyuan_pch_std <algorithm> <chrono> <cstdint> <functional> <map> <memory> <optional> <set> <span>
                     <sstream> <string> <string_view> <unordered_map> <utility> <variant> <vector>)

target_precompile_headers(dangyuan_sqlite PRIVATE ${dangyuan_pch_std} <date/date.h> <SQLiteCpp/SQLiteCpp.h>)

if(TARGET dangyuan_cli)
  target_precompile_headers(dangyuan_cli PRIVATE ${dangyuan_pch_std} <boost/program_options.hpp> <date/date.h>)
endif()
if(TARGET dangyuan_io)
  target_precompile_headers(dangyuan_io PRIVATE ${dangyuan_pch_std} <date/date.h>)
endif()

if(TARGET dangyuan_unit_tests)
  # main.cpp defines CATCH_CONFIG_MAIN before it includes Catch2, so it cannot start from the
  # precompiled Catch2.
  set_source_files_properties(${PROJECT_SOURCE_DIR}/tests/unit/main.cpp TARGET_DIRECTORY dangyuan_unit_tests
                              PROPERTIES SKIP_PRECOMPILE_HEADERS ON)
  target_precompile_headers(dangyuan_unit_tests PRIVATE ${dangyuan_pch_std} <catch2/catch.hpp> <date/date.h>
                            <SQLiteCpp/SQLiteCpp.h>)
endif()

if(TARGET _dangyuan)
  # pybind11 and its STL casters; the bindings' own date caster (date_caster.hpp) comes with the files
  # that include it.
  target_precompile_headers(_dangyuan PRIVATE ${dangyuan_pch_std} <date/date.h> <pybind11/pybind11.h>
                            <pybind11/stl.h> <pybind11/numpy.h>)
endif()
