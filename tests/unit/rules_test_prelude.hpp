#pragma once
// The opening every rules test file shares: the library's names, the test helpers for dates and for the
// field or rule an error names, and the national rule set the rules are checked against.

#include "test_support.hpp"

using namespace dangyuan;
using test::d;
using test::invalid_field;
using test::violated_rule;

namespace {
[[maybe_unused]] rule_set const rules = rule_set::national_2014();
}  // namespace
