# Debian packages (Debian 12) through CPack, one per install component:
#   libdangyuan-dev   (dev):    headers, the static store library, the CMake package
#   libdangyuan-io-dev (io):    dangyuan::io (rosters and reports as CSV/XLSX), when DANGYUAN_BUILD_IO is on
#   dangyuan          (cli):    the command, when DANGYUAN_BUILD_CLI is on
#   python3-dangyuan  (python): the module in /usr/lib/python3/dist-packages, when DANGYUAN_BUILD_PYTHON is
#                               on and DANGYUAN_PYTHON_INSTALL_DIR is lib/python3/dist-packages (the ci preset)
# Build them from a built tree:  cpack --config <build>/CPackConfig.cmake -B <dir>
# (the ci preset sets CMAKE_SKIP_INSTALL_ALL_DEPENDENCY: cpack packs what is built and builds nothing;
# `make debs` builds first).
# The run-time dependencies of the command and the module come from dpkg-shlibdeps, the others are named
# here with their Debian 12 package names.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME dangyuan)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_CONTACT "dangyuan maintainers <dangyuan@localhost>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)  # the command and the module; the static library keeps its symbols
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://localhost/dangyuan")

set(CPACK_COMPONENTS_ALL dev)
set(CPACK_DEBIAN_DEV_PACKAGE_NAME libdangyuan-dev)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
set(CPACK_COMPONENT_DEV_DESCRIPTION "C++20 library for party-member education and management (development files)
 The header-only rules (dangyuan::core), the SQLite store as a static library (dangyuan::sqlite) and the
 CMake package: find_package(dangyuan) and link dangyuan::dangyuan.")
# What the headers and the CMake package's find_dependency need: date (headers), SQLiteCpp and SQLite,
# OpenSSL's libcrypto (the audit chain's SHA-256, linked by the static store library), and libpq when the
# store library was built with the PostgreSQL backend.
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS "libhowardhinnant-date-dev, libsqlitecpp-dev, libsqlite3-dev, libssl-dev")
if(DANGYUAN_WITH_POSTGRESQL)
  string(APPEND CPACK_DEBIAN_DEV_PACKAGE_DEPENDS ", libpq-dev")
endif()

if(TARGET dangyuan_io)
  list(APPEND CPACK_COMPONENTS_ALL io)
  set(CPACK_DEBIAN_IO_PACKAGE_NAME libdangyuan-io-dev)
  set(CPACK_DEBIAN_IO_PACKAGE_SECTION libdevel)
  set(CPACK_COMPONENT_IO_DESCRIPTION "C++20 library for party-member education and management (rosters and reports)
 dangyuan::io: reading rosters from CSV (UTF-8 or GB18030, as Excel saves them) with errors naming the row
 and column, planning imports, and writing reports as aligned text, CSV, JSON and XLSX with charts.
 find_package(dangyuan COMPONENTS io) and link dangyuan::io.")
  # The static library links ICU, libcsv and libxlsxwriter; its public headers use nlohmann/json.
  set(CPACK_DEBIAN_IO_PACKAGE_DEPENDS
      "libdangyuan-dev (= ${PROJECT_VERSION}), nlohmann-json3-dev, libicu-dev, libcsv-dev, libxlsxwriter-dev")
endif()

if(TARGET dangyuan_cli)
  list(APPEND CPACK_COMPONENTS_ALL cli)
  set(CPACK_DEBIAN_CLI_PACKAGE_NAME dangyuan)
  set(CPACK_DEBIAN_CLI_PACKAGE_SECTION misc)
  set(CPACK_DEBIAN_CLI_PACKAGE_SHLIBDEPS ON)
  set(CPACK_COMPONENT_CLI_DESCRIPTION "party-member education and management: the dangyuan command
 Keeps a district's organisations and members in an SQLite file, imports and exports rosters, and
 prints the agenda and the statistics.")
endif()

if(TARGET _dangyuan)
  if(DANGYUAN_PYTHON_INSTALL_DIR MATCHES "^(/usr/)?lib/python3/dist-packages$")
    list(APPEND CPACK_COMPONENTS_ALL python)
    set(CPACK_DEBIAN_PYTHON_PACKAGE_NAME python3-dangyuan)
    set(CPACK_DEBIAN_PYTHON_PACKAGE_SECTION python)
    set(CPACK_DEBIAN_PYTHON_PACKAGE_SHLIBDEPS ON)
    # The module is built for this interpreter's ABI only.
    # (Asked of the interpreter: the bindings find Python in their own directory scope.)
    execute_process(COMMAND "${Python_EXECUTABLE}" -c "import sys; print(sys.version_info[0], sys.version_info[1])"
                    OUTPUT_VARIABLE dangyuan_python_version OUTPUT_STRIP_TRAILING_WHITESPACE COMMAND_ERROR_IS_FATAL ANY)
    separate_arguments(dangyuan_python_version)
    list(GET dangyuan_python_version 0 dangyuan_python_major)
    list(GET dangyuan_python_version 1 dangyuan_python_minor)
    math(EXPR dangyuan_python_next "${dangyuan_python_minor} + 1")
    set(CPACK_DEBIAN_PYTHON_PACKAGE_DEPENDS
        "python3 (>= ${dangyuan_python_major}.${dangyuan_python_minor}), python3 (<< ${dangyuan_python_major}.${dangyuan_python_next})")
    set(CPACK_DEBIAN_PYTHON_PACKAGE_SUGGESTS "python3-numpy, python3-pandas")  # to_numpy(), to_pandas()
    set(CPACK_COMPONENT_PYTHON_DESCRIPTION "party-member education and management: Python module
 import dangyuan: the rules, the SQLite store and its tables (to pandas and numpy).")
  else()
    message(STATUS "dangyuan: no python3-dangyuan package: set DANGYUAN_PYTHON_INSTALL_DIR=lib/python3/dist-packages")
  endif()
endif()

include(CPack)

# The packages built, unpacked into a scratch root and used from there (tests/packaging/).
option(DANGYUAN_TEST_PACKAGES "Register the Debian package test with ctest (label packaging)" OFF)
if(DANGYUAN_TEST_PACKAGES AND DANGYUAN_BUILD_TESTS)
  add_test(NAME packaging.deb
           COMMAND bash ${PROJECT_SOURCE_DIR}/tests/packaging/deb_test.sh ${CMAKE_CPACK_COMMAND} ${PROJECT_BINARY_DIR}
                   ${PROJECT_SOURCE_DIR}/tests/consumer ${PROJECT_BINARY_DIR}/packaging-check ${CMAKE_CXX_COMPILER}
                   "${CPACK_COMPONENTS_ALL}")
  set_tests_properties(packaging.deb PROPERTIES LABELS packaging TIMEOUT 900)
endif()
