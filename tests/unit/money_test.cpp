#include "dangyuan/core/money.hpp"

#include <catch2/catch.hpp>

#include <limits>
#include <sstream>
#include <string>

#include "dangyuan/life/dues.hpp"  // the old home of fen still provides it

namespace money_test_cases {

using dangyuan::fen;
using dangyuan::format_yuan;
using dangyuan::parse_yuan;

namespace {

std::string refused_field(std::string_view text) {
    try {
        (void)parse_yuan(text, "base");
    } catch (dangyuan::invalid_input const& e) {
        return e.field();
    }
    return "";
}

}  // namespace

TEST_CASE("fen is exact integer arithmetic in 0.01 yuan", "[money]") {
    static_assert(fen::yuan(3000) == fen(300000));
    static_assert(fen() == fen(0));
    static_assert(fen(1) + fen(2) == fen(3));
    static_assert(fen(1) - fen(2) == fen(-1));
    static_assert(fen(-1) < fen() && fen() < fen(1));
    fen total{};
    for (int i = 0; i < 10; ++i)
        total += fen(10);  // ten times 0.1 yuan is exactly one yuan
    CHECK(total == fen::yuan(1));
}

TEST_CASE("format_yuan writes two decimals, negative amounts with a sign", "[money]") {
    CHECK(format_yuan(fen(0)) == "0.00");
    CHECK(format_yuan(fen(1)) == "0.01");
    CHECK(format_yuan(fen(20)) == "0.20");
    CHECK(format_yuan(fen(300001)) == "3000.01");
    CHECK(format_yuan(fen(-150)) == "-1.50");
    CHECK(format_yuan(fen(-1)) == "-0.01");
    std::ostringstream os;
    os << fen(1234);
    CHECK(os.str() == "12.34");
}

TEST_CASE("parse_yuan reads whole yuan and one or two decimals", "[money]") {
    CHECK(parse_yuan("3000") == fen(300000));
    CHECK(parse_yuan("3000.1") == fen(300010));
    CHECK(parse_yuan("3000.01") == fen(300001));
    CHECK(parse_yuan("0.2") == fen(20));
    CHECK(parse_yuan("0") == fen(0));
    CHECK(parse_yuan("100000000000") == fen::yuan(100000000000));  // the largest amount accepted
    for (auto const f : {fen(0), fen(1), fen(99), fen(300001), fen::yuan(100000000000)})
        CHECK(parse_yuan(format_yuan(f)) == f);
}

TEST_CASE("parse_yuan refuses signs, three decimals, junk and amounts that could overflow", "[money]") {
    for (char const* bad : {"-1", "+1", "1.234", "1.", ".5", "", "abc", "1,000", "1 000", "1.5x", "１",
                            "100000000001", "99999999999999999999999"}) {
        INFO(bad);
        CHECK(refused_field(bad) == "base");
    }
}

}  // namespace money_test_cases
