#include <catch2/catch.hpp>

#include "dangyuan/rules/vote.hpp"
#include "test_support.hpp"

namespace vote_test_cases {

using namespace dangyuan;
using test::invalid_field;
using test::violated_rule;

TEST_CASE("细则2014 第20条 [C] vote.quorum_over_half: more than half of those entitled must be present",
          "[vote]") {
    CHECK(violated_rule([] { require_quorum({10, 5, 0, 5, 0, 0}); }) == "vote.quorum_over_half");
    CHECK(violated_rule([] { require_quorum({10, 6, 0, 6, 0, 0}); }).empty());
    CHECK(violated_rule([] { require_quorum({9, 5, 0, 5, 0, 0}); }).empty());  // 5 of 9
    CHECK(violated_rule([] { require_quorum({9, 4, 0, 4, 0, 0}); }) == "vote.quorum_over_half");
}

TEST_CASE(
    "细则2014 第21条 [C] vote.majority_of_entitled: YES over half of all entitled, written opinions included",
    "[vote]") {
    CHECK(violated_rule([] {
              require_passed({10, 8, 0, 5, 3, 0});
          }) == "vote.majority_of_entitled");  // 5 of 10
    CHECK(violated_rule([] { require_passed({10, 8, 0, 6, 2, 0}); }).empty());
    CHECK(violated_rule([] { require_passed({10, 6, 2, 6, 0, 2}); }).empty());  // 4 yes present + 2 written
    CHECK(violated_rule([] { require_passed({11, 8, 0, 5, 3, 0}); }) == "vote.majority_of_entitled");
}

TEST_CASE("vote: impossible counts are refused naming the count", "[vote]") {
    CHECK(invalid_field([] { validate_counts({10, 11, 0, 5, 0, 0}); }) == "present");
    CHECK(invalid_field([] { validate_counts({10, 8, 3, 5, 0, 0}); }) == "written_opinions");
    CHECK(invalid_field([] { validate_counts({10, 8, 0, 5, 3, 1}); }) == "yes");
    CHECK(invalid_field([] { validate_counts({10, 8, 0, -1, 0, 0}); }) == "yes");
    CHECK(invalid_field([] { validate_counts({0, 0, 0, 0, 0, 0}); }) == "entitled");
}

}  // namespace vote_test_cases
