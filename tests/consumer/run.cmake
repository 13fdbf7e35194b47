# Configures, builds and runs the consumer (tests/consumer) in WORK_DIR. Called by ctest with SOURCE_DIR
# (this folder), WORK_DIR and one of:
#   BUILD_DIR:   installs that build tree's library (component dev) into a private prefix, then
#                find_package(dangyuan) from it;
#   PREFIX:      find_package(dangyuan) from a prefix someone else installed (the Debian packages);
#   PROJECT_DIR: add_subdirectory(<dangyuan checkout>).
# WITH_IO=ON also builds and runs consumer_io (dangyuan::io: find_package(dangyuan COMPONENTS io), or
# DANGYUAN_BUILD_IO for the subproject).
file(REMOVE_RECURSE ${WORK_DIR})
set(configure_args)
if(BUILD_DIR)
  set(PREFIX ${WORK_DIR}/prefix)
  # The library's component alone (libdangyuan-dev's files): what a C++ consumer needs; with io, that
  # component too (libdangyuan-io-dev's files).
  set(components dev)
  if(WITH_IO)
    list(APPEND components io)
  endif()
  foreach(component IN LISTS components)
    execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${PREFIX} --component ${component}
                    RESULT_VARIABLE rc)
    if(rc)
      message(FATAL_ERROR "install of ${component} failed: ${rc}")
    endif()
  endforeach()
endif()
if(PREFIX)
  list(APPEND configure_args -DCMAKE_PREFIX_PATH=${PREFIX})
elseif(PROJECT_DIR)
  # An unoptimised unity build of the library alone: this checks how it embeds, not how it performs,
  # and a unity build compiles the library's headers once per batch rather than once per source file.
  list(APPEND configure_args -DDANGYUAN_SOURCE_DIR=${PROJECT_DIR} -DCMAKE_BUILD_TYPE= -DDANGYUAN_UNITY_BUILD=ON)
else()
  message(FATAL_ERROR "run.cmake needs BUILD_DIR, PREFIX or PROJECT_DIR")
endif()
if(WITH_IO)
  list(APPEND configure_args -DWITH_IO=ON)
endif()
if(CXX_COMPILER)
  list(APPEND configure_args -DCMAKE_CXX_COMPILER=${CXX_COMPILER})
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${WORK_DIR}/build ${configure_args}
                RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "configuring the consumer failed: ${rc}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${WORK_DIR}/build -j 2 RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "building the consumer failed: ${rc}")
endif()
set(programs consumer)
if(WITH_IO)
  list(APPEND programs consumer_io)
endif()
foreach(program IN LISTS programs)
  execute_process(COMMAND ${WORK_DIR}/build/${program} RESULT_VARIABLE rc OUTPUT_VARIABLE out)
  message(STATUS "${out}")
  if(rc)
    message(FATAL_ERROR "${program} failed: ${rc}")
  endif()
endforeach()
