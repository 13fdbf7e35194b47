#include <catch2/catch.hpp>

#include <type_traits>
#include <unordered_set>

#include "dangyuan/core/ids.hpp"

namespace ids_test_cases {

using namespace dangyuan;

// Compile-time proofs: ids of different kinds neither convert, construct nor compare.
template <class A, class B>
concept equality_comparable_with_ = requires(A a, B b) {
    a == b;
};

static_assert(!std::is_convertible_v<member_id, org_id>);
static_assert(!std::is_constructible_v<member_id, org_id>);
static_assert(!std::is_constructible_v<org_id, member_id>);
static_assert(!std::is_convertible_v<std::int64_t, member_id>, "construction from an integer is explicit");
static_assert(!std::is_assignable_v<member_id&, org_id>);
static_assert(!equality_comparable_with_<member_id, org_id>);
static_assert(!equality_comparable_with_<case_id, episode_id>);
static_assert(equality_comparable_with_<member_id, member_id>);
static_assert(std::is_trivially_copyable_v<member_id>);

TEST_CASE("ids: strong ids are regular values, hashable, invalid by default", "[ids]") {
    member_id const a{7}, b{7}, c{8};
    CHECK(a == b);
    CHECK(a != c);
    CHECK(a < c);
    CHECK_FALSE(member_id{}.valid());
    CHECK(a.valid());
    std::unordered_set<member_id> set{a, b, c};
    CHECK(set.size() == 2);
}

}  // namespace ids_test_cases
