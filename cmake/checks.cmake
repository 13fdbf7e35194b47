# Checks of the tree itself, each off by default and on in the ci preset (CMakePresets.json).
#
# DANGYUAN_CHECK_HEADERS: every public header under include/ compiles on its own. One generated
# translation unit per header includes it twice (the second time tests the include guard); they build
# into one object library, part of `all`, at -O0 whatever the build type (only the parse matters).
# DANGYUAN_CHECK_FORMAT: the ctest test `format` runs scripts/check-format (clang-format --dry-run
# --Werror over the tracked C++ files, with the repository's .clang-format).
# DANGYUAN_CHECK_EMBEDDING: the ctest test `consumer_add_subdirectory` builds tests/consumer with
# add_subdirectory(<this checkout>), which builds the library once more (unoptimised), hence off by default;
# `consumer_find_package` (tests/CMakeLists.txt) runs in every build with the tests.
option(DANGYUAN_CHECK_HEADERS "Compile each public header on its own as part of the build" OFF)
option(DANGYUAN_CHECK_FORMAT "Register the clang-format check with ctest (label format)" OFF)
option(DANGYUAN_CHECK_EMBEDDING "Register the add_subdirectory consumer with ctest (label consumer)" OFF)

if(DANGYUAN_CHECK_HEADERS)
  file(GLOB_RECURSE dangyuan_public_headers CONFIGURE_DEPENDS RELATIVE ${PROJECT_SOURCE_DIR}/include
       ${PROJECT_SOURCE_DIR}/include/*.hpp)
  set(dangyuan_header_units)
  foreach(header IN LISTS dangyuan_public_headers)
    string(MAKE_C_IDENTIFIER ${header} unit)
    set(unit_file ${PROJECT_BINARY_DIR}/header-check/${unit}.cpp)
    set(unit_text "#include <${header}>\n#include <${header}>\n")
    # Written only when it changes, so that a reconfigure does not rebuild every unit.
    if(EXISTS ${unit_file})
      file(READ ${unit_file} old_text)
    else()
      set(old_text "")
    endif()
    if(NOT old_text STREQUAL unit_text)
      file(WRITE ${unit_file} "${unit_text}")
    endif()
    list(APPEND dangyuan_header_units ${unit_file})
  endforeach()
  add_library(dangyuan_header_check OBJECT ${dangyuan_header_units})
  target_link_libraries(dangyuan_header_check PRIVATE dangyuan::core dangyuan_warnings)
  target_compile_options(dangyuan_header_check PRIVATE -O0)
endif()

if(DANGYUAN_CHECK_FORMAT)
  add_test(NAME format COMMAND bash ${PROJECT_SOURCE_DIR}/scripts/check-format
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(format PROPERTIES LABELS format TIMEOUT 300)
endif()

if(DANGYUAN_CHECK_EMBEDDING)
  # add_subdirectory(dangyuan) from another project: only the library is built.
  add_test(NAME consumer_add_subdirectory
           COMMAND ${CMAKE_COMMAND} -DPROJECT_DIR=${PROJECT_SOURCE_DIR} -DSOURCE_DIR=${PROJECT_SOURCE_DIR}/tests/consumer
                   -DWORK_DIR=${PROJECT_BINARY_DIR}/consumer-subdirectory -DCXX_COMPILER=${CMAKE_CXX_COMPILER}
                   -DWITH_IO=$<BOOL:$<TARGET_EXISTS:dangyuan_io>>
                   -P ${PROJECT_SOURCE_DIR}/tests/consumer/run.cmake)
  set_tests_properties(consumer_add_subdirectory PROPERTIES TIMEOUT 900 LABELS consumer)
endif()
