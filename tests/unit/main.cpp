// The Catch2 v2 main, compiled once for the whole unit-test executable.
// Test names carry Chinese citations; a wide console keeps Catch2's name wrapping away from the
// multi-byte characters it cannot split.
#define CATCH_CONFIG_CONSOLE_WIDTH 300
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
