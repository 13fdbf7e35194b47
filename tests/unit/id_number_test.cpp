#include "dangyuan/core/id_number.hpp"

#include <catch2/catch.hpp>

#include <concepts>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_set>

namespace id_number_test_cases {

using namespace dangyuan;
using namespace date::literals;

namespace {

/// Parses `text`, expects an `invalid_id_number`, and returns it for inspection.
invalid_id_number rejection_of(std::string_view text) {
    try {
        (void)citizen_id::parse(text);
    } catch (invalid_id_number const& e) {
        return e;
    }
    FAIL("no invalid_id_number thrown for '" << text << "'");
    return invalid_id_number(id_number_error::bad_length, "");
}

/// The legacy 15-digit form of an 18-digit number born in the 1900s: drop "19" and the check.
std::string to_legacy_15(std::string const& id18) {
    return id18.substr(0, 6) + id18.substr(8, 9);
}

}  // namespace

// ---------------------------------------------------------------------------------------------------
// id.gb11643_checksum
// ---------------------------------------------------------------------------------------------------

TEST_CASE("GB 11643-1999 [C] id.gb11643_checksum: published vectors validate", "[id_number]") {
    for (std::string_view n : {"11010519491231002X", "440524188001010014", "440308199901101512",
                               "810000199408230021", "830000199201300022"}) {
        CAPTURE(n);
        auto const id = citizen_id::parse(n);
        CHECK(id.str() == n);
        CHECK(id.check_character() == n.back());
        CHECK(gb11643_check_character(n.substr(0, 17)) == n.back());
        CHECK_FALSE(id.converted_from_15());
        CHECK(citizen_id::is_valid(n));
    }
}

TEST_CASE("GB 11643-1999 [C] id.gb11643_checksum: check character of 17-digit bodies", "[id_number]") {
    CHECK(gb11643_check_character("51310119820113001") == '4');
    CHECK(gb11643_check_character("37010119010203997") == '3');
    CHECK(gb11643_check_character("34052419800101001") == 'X');
    CHECK(gb11643_check_character("11010519491231002") == 'X');
    CHECK(gb11643_check_character("44052418800101001") == '4');
    CHECK(citizen_id::parse("513101198201130014").str() == "513101198201130014");
    CHECK(citizen_id::parse("370101190102039973").str() == "370101190102039973");
    CHECK(citizen_id::parse("34052419800101001X").str() == "34052419800101001X");
}

TEST_CASE("GB 11643-1999 [C] id.gb11643_checksum: every remainder maps to its check character",
          "[id_number]") {
    // Changing the last body digit by k changes the weighted sum by 2k: all 11 remainders are reached.
    std::set<char> seen;
    std::string body = "11010519491231000";
    for (char last = '0'; last <= '9'; ++last) {
        body[16] = last;
        char const check = gb11643_check_character(body);
        seen.insert(check);
        CHECK(citizen_id::is_valid(body + check));
    }
    body[15] = '1';
    for (char last = '0'; last <= '9'; ++last) {
        body[16] = last;
        seen.insert(gb11643_check_character(body));
    }
    CHECK(seen == std::set<char>{'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X'});
}

TEST_CASE("GB 11643-1999 [C] id.gb11643_checksum: wrong check character names the expected one",
          "[id_number]") {
    auto const e = rejection_of("110105194912310021");
    CHECK(e.reason() == id_number_error::bad_check_character);
    CHECK(e.expected_check() == 'X');
    CHECK(e.field() == "id_number");
    CHECK(std::string(e.what()) ==
          "id_number: wrong check character '1' in 110105194912310021, expected 'X'");
    CHECK(e.invalid_input::reason() == "wrong check character '1' in 110105194912310021, expected 'X'");

    auto const e2 = rejection_of("44052418800101001x");
    CHECK(e2.reason() == id_number_error::bad_check_character);
    CHECK(e2.expected_check() == '4');
    CHECK(std::string(e2.what()) ==
          "id_number: wrong check character 'X' in 44052418800101001X, expected '4'");
}

TEST_CASE("GB 11643-1999 [C] id.gb11643_checksum: invalid_id_number is an invalid_input", "[id_number]") {
    STATIC_REQUIRE(std::is_base_of_v<invalid_input, invalid_id_number>);
    STATIC_REQUIRE(std::is_base_of_v<error, invalid_id_number>);
    try {
        (void)citizen_id::parse("440524188001010015");
        FAIL("accepted a wrong check character");
    } catch (invalid_input const& e) {
        CHECK(e.field() == "id_number");
        CHECK(e.reason() == "wrong check character '5' in 440524188001010015, expected '4'");
    }
    CHECK(to_string(id_number_error::bad_check_character) == "bad_check_character");
    CHECK(to_string(id_number_error::impossible_date) == "impossible_date");
}

TEST_CASE("GB 11643-1999 [C] id.gb11643_checksum: lowercase x is accepted and normalised", "[id_number]") {
    auto const id = citizen_id::parse("11010519491231002x");
    CHECK(id.str() == "11010519491231002X");
    CHECK(id.check_character() == 'X');
    CHECK(id == citizen_id::parse("11010519491231002X"));
}

TEST_CASE("GB 11643-1999 [C] id.gb11643_checksum: the body must be 17 ASCII digits", "[id_number]") {
    try {
        (void)gb11643_check_character("1101051949123100");
        FAIL("accepted a 16-digit body");
    } catch (invalid_id_number const& e) {
        CHECK(e.reason() == id_number_error::bad_length);
        CHECK(std::string(e.what()) ==
              "id_number: bad length 16 in body '1101051949123100' (expected 17 digits)");
    }
    try {
        (void)gb11643_check_character("1101051949123100X");
        FAIL("accepted an X in the body");
    } catch (invalid_id_number const& e) {
        CHECK(e.reason() == id_number_error::bad_character);
        CHECK(e.invalid_input::reason() ==
              "bad character 'X' at position 17 in body '1101051949123100X' (the body is 17 digits)");
    }
}

// ---------------------------------------------------------------------------------------------------
// id.gb11643_format
// ---------------------------------------------------------------------------------------------------

TEST_CASE("GB 11643-1999 [C] id.gb11643_format: bad length names the length and the value", "[id_number]") {
    auto e = rejection_of("11010519491231002");
    CHECK(e.reason() == id_number_error::bad_length);
    CHECK(e.expected_check() == '\0');
    CHECK(std::string(e.what()) ==
          "id_number: bad length 17 in '11010519491231002' (expected 18, or 15 for a legacy number)");
    e = rejection_of("");
    CHECK(e.reason() == id_number_error::bad_length);
    CHECK(e.invalid_input::reason() == "bad length 0 in '' (expected 18, or 15 for a legacy number)");
    e = rejection_of("11010519491231002X0");
    CHECK(e.reason() == id_number_error::bad_length);
    CHECK(e.invalid_input::reason().starts_with("bad length 19 in '11010519491231002X0'"));
}

TEST_CASE("GB 11643-1999 [C] id.gb11643_format: bad character names the character and its position",
          "[id_number]") {
    auto e = rejection_of("1101A519491231002X");
    CHECK(e.reason() == id_number_error::bad_character);
    CHECK(std::string(e.what()) == "id_number: bad character 'A' at position 5 in '1101A519491231002X'");

    e = rejection_of("1101X519491231002X");
    CHECK(e.reason() == id_number_error::bad_character);
    CHECK(
        e.invalid_input::reason() ==
        "bad character 'X' at position 5 in '1101X519491231002X' (X may only be the 18th, check character)");

    e = rejection_of("11010549123100X");
    CHECK(e.reason() == id_number_error::bad_character);
    CHECK(e.invalid_input::reason() ==
          "bad character 'X' at position 15 in '11010549123100X' (a legacy 15-digit number has no check "
          "character)");

    // A bad character is reported before a bad length.
    e = rejection_of("1101-05-1949");
    CHECK(e.reason() == id_number_error::bad_character);
    CHECK(e.invalid_input::reason() == "bad character '-' at position 5 in '1101-05-1949'");
}

TEST_CASE("GB 11643-1999 [C] id.gb11643_format: whitespace is not trimmed", "[id_number]") {
    auto e = rejection_of("11010519491231002X ");
    CHECK(e.reason() == id_number_error::bad_character);
    CHECK(e.invalid_input::reason() == "bad character ' ' at position 19 in '11010519491231002X '");
    e = rejection_of("\t11010519491231002X");
    CHECK(e.reason() == id_number_error::bad_character);
    CHECK(e.invalid_input::reason() ==
          "bad character byte 0x09 (control character) at position 1 in '\t11010519491231002X'");
}

TEST_CASE("GB 11643-1999 [C] id.gb11643_format: full-width digits are rejected as non-ASCII", "[id_number]") {
    auto const e = rejection_of("１10105194912310021");
    CHECK(e.reason() == id_number_error::bad_character);
    CHECK(e.invalid_input::reason().starts_with(
        "bad character byte 0xEF (not ASCII) at position 1 in '１1010"));
}

TEST_CASE("GB 11643-1999 [C] id.gb11643_format: try_parse reports the reason without throwing",
          "[id_number]") {
    STATIC_REQUIRE(noexcept(citizen_id::try_parse("")));
    id_number_error why = id_number_error::bad_length;
    auto id = citizen_id::try_parse("11010519491231002X", &why);
    REQUIRE(id.has_value());
    CHECK(id->str() == "11010519491231002X");
    CHECK(why == id_number_error::bad_length);  // untouched on success

    CHECK_FALSE(citizen_id::try_parse("110105194912310021", &why).has_value());
    CHECK(why == id_number_error::bad_check_character);
    CHECK_FALSE(citizen_id::try_parse("1101A519491231002X", &why).has_value());
    CHECK(why == id_number_error::bad_character);
    CHECK_FALSE(citizen_id::try_parse("110105194902310021", &why).has_value());
    CHECK(why == id_number_error::impossible_date);
    CHECK_FALSE(citizen_id::try_parse("990105194912310021", &why).has_value());
    CHECK(why == id_number_error::bad_province);
    CHECK_FALSE(citizen_id::try_parse("1101051949", &why).has_value());
    CHECK(why == id_number_error::bad_length);
    CHECK_FALSE(citizen_id::try_parse("1101051949").has_value());  // why is optional
    CHECK(citizen_id::try_parse("110105491231002").has_value());
}

TEST_CASE("GB 11643-1999 [C] id.gb11643_format: accessors and masking", "[id_number]") {
    auto const id = citizen_id::parse("11010519491231002X");
    CHECK(id.address_code() == "110105");
    CHECK(id.province_code() == "11");
    CHECK(id.province_name() == "北京市");
    CHECK(id.sequence_code() == "002");
    CHECK(id.check_character() == 'X');
    CHECK(id.birth_date() == date::sys_days{1949_y / 12 / 31});
    CHECK(id.masked() == "110105************");
    CHECK(citizen_id::parse("440308199901101512").masked() == "440308************");
    std::ostringstream os;
    os << id;
    CHECK(os.str() == "11010519491231002X");
}

TEST_CASE("GB 11643-1999 [C] id.gb11643_format: citizen_id is a regular, ordered, hashable value",
          "[id_number]") {
    STATIC_REQUIRE(std::regular<citizen_id>);
    STATIC_REQUIRE(std::totally_ordered<citizen_id>);
    citizen_id const empty;
    CHECK(empty.empty());
    CHECK(empty.str().empty());
    CHECK(empty.masked().empty());
    CHECK(empty.sex_of() == sex::unknown);
    CHECK(empty.check_character() == '\0');
    CHECK(empty.address_code().empty());
    CHECK(empty == citizen_id{});

    auto const a = citizen_id::parse("11010519491231002X");
    auto const b = citizen_id::parse("440524188001010014");
    auto c = a;
    CHECK(c == a);
    CHECK(a != b);
    CHECK(a < b);
    CHECK(empty < a);
    c = b;
    CHECK(c == b);
    std::unordered_set<citizen_id> set{a, b, c};
    CHECK(set.size() == 2);
    CHECK(std::hash<citizen_id>{}(a) == std::hash<citizen_id>{}(citizen_id::parse("11010519491231002x")));
}

// ---------------------------------------------------------------------------------------------------
// id.gb11643_birth_date
// ---------------------------------------------------------------------------------------------------

TEST_CASE("GB 11643-1999 [C] id.gb11643_birth_date: the birth date and sex are derived", "[id_number]") {
    auto const a = citizen_id::parse("440524188001010014");
    CHECK(a.birth_date() == date::sys_days{1880_y / 1 / 1});
    CHECK(a.sex_of() == sex::male);  // 17th digit 1: odd
    auto const b = citizen_id::parse("11010519491231002X");
    CHECK(b.sex_of() == sex::female);  // 17th digit 2: even
    CHECK(citizen_id::parse("440308199901101512").sex_of() == sex::male);
    CHECK(citizen_id::parse("810000199408230021").sex_of() == sex::female);
    CHECK(citizen_id::parse("830000199201300022").birth_date() == date::sys_days{1992_y / 1 / 30});
    // 17th digit 0 is even
    std::string body = "11010519491231000";
    CHECK(citizen_id::parse(body + gb11643_check_character(body)).sex_of() == sex::female);
    body[16] = '9';
    CHECK(citizen_id::parse(body + gb11643_check_character(body)).sex_of() == sex::male);
}

TEST_CASE("GB 11643-1999 [C] id.gb11643_birth_date: leap day 20000229 is valid, 19000229 is not",
          "[id_number]") {
    std::string const leap_body = "11010520000229002";
    auto const leap = citizen_id::parse(leap_body + gb11643_check_character(leap_body));
    CHECK(leap.birth_date() == date::sys_days{2000_y / 2 / 29});

    std::string const body = "11010519000229002";
    std::string const n = body + gb11643_check_character(body);
    auto const e = rejection_of(n);
    CHECK(e.reason() == id_number_error::impossible_date);
    CHECK(std::string(e.what()) == "id_number: impossible birth date 19000229 in " + n);
}

TEST_CASE("GB 11643-1999 [C] id.gb11643_birth_date: impossible dates are rejected naming the date",
          "[id_number]") {
    for (std::string_view date8 : {"19490231", "19491301", "19490001", "19490100", "19490431", "20230229"}) {
        std::string const body = "110105" + std::string(date8) + "002";
        std::string const n = body + gb11643_check_character(body);
        CAPTURE(n);
        auto const e = rejection_of(n);
        CHECK(e.reason() == id_number_error::impossible_date);
        CHECK(e.invalid_input::reason() == "impossible birth date " + std::string(date8) + " in " + n);
    }
    // The date is checked before the check character.
    CHECK(rejection_of("110105194902310021").reason() == id_number_error::impossible_date);
}

TEST_CASE("GB 11643-1999 [C] id.gb11643_birth_date: years before 1800 are rejected", "[id_number]") {
    std::string const body = "11010517991231002";
    std::string const n = body + gb11643_check_character(body);
    auto const e = rejection_of(n);
    CHECK(e.reason() == id_number_error::impossible_date);
    CHECK(e.invalid_input::reason() ==
          "impossible birth date 17991231 in " + n + " (years before 1800 are not accepted)");
    std::string const ok_body = "11010518000101002";
    CHECK(citizen_id::parse(ok_body + gb11643_check_character(ok_body)).birth_date() ==
          date::sys_days{1800_y / 1 / 1});
}

// ---------------------------------------------------------------------------------------------------
// id.gb11643_province
// ---------------------------------------------------------------------------------------------------

TEST_CASE("GB/T 2260 [C] id.gb11643_province: 31 mainland codes and 81, 82, 83 are accepted", "[id_number]") {
    int accepted = 0;
    for (int p = 0; p < 100; ++p) {
        std::string const code =
            std::string(1, static_cast<char>('0' + p / 10)) + static_cast<char>('0' + p % 10);
        std::string const body = code + "0105199001010011";
        std::string const n = body.substr(0, 17) + gb11643_check_character(body.substr(0, 17));
        bool const valid = citizen_id::is_valid(n);
        CHECK(valid == is_id_province_code(code));
        if (valid) {
            ++accepted;
            CHECK_FALSE(province_name(code).empty());
        } else {
            CAPTURE(n);
            CHECK(rejection_of(n).reason() == id_number_error::bad_province);
        }
    }
    CHECK(accepted == 34);
    CHECK(province_name("11") == "北京市");
    CHECK(province_name("65") == "新疆维吾尔自治区");
    CHECK(province_name("450102") == "广西壮族自治区");
    CHECK(province_name("81") == "香港特别行政区");
    CHECK(province_name("82") == "澳门特别行政区");
    CHECK(province_name("83") == "台湾省");
    CHECK(province_name("99").empty());
    CHECK(province_name("1").empty());
    CHECK(citizen_id::parse("810000199408230021").province_name() == "香港特别行政区");
}

TEST_CASE("GB/T 2260 [C] id.gb11643_province: unknown province code names the code and the value",
          "[id_number]") {
    std::string const body = "99010519491231002";
    std::string const n = body + gb11643_check_character(body);
    auto const e = rejection_of(n);
    CHECK(e.reason() == id_number_error::bad_province);
    CHECK(std::string(e.what()) == "id_number: unknown province code 99 in " + n);
    CHECK(rejection_of("000000199001010011").reason() == id_number_error::bad_province);
}

TEST_CASE("GB/T 2260 [C] id.gb11643_province: 71 is a GB/T 2260 code but not an ID-number prefix",
          "[id_number]") {
    CHECK(province_name("71") == "台湾省");
    CHECK_FALSE(is_id_province_code("71"));
    std::string const body = "71000019920130002";
    std::string const n = body + gb11643_check_character(body);
    auto const e = rejection_of(n);
    CHECK(e.reason() == id_number_error::bad_province);
    CHECK(e.invalid_input::reason().starts_with("unknown province code 71 in " + n +
                                                " (台湾省 is a GB/T 2260"));
    CHECK(citizen_id::is_valid("830000199201300022"));
}

// ---------------------------------------------------------------------------------------------------
// id.gb11643_legacy_15
// ---------------------------------------------------------------------------------------------------

TEST_CASE("GB 11643-1989 [C] id.gb11643_legacy_15: 15-digit numbers convert to 18 and round-trip",
          "[id_number]") {
    for (std::string const n18 : {"11010519491231002X", "440308199901101512", "513101198201130014",
                                  "34052419800101001X", "370101190102039973"}) {
        std::string const n15 = to_legacy_15(n18);
        CAPTURE(n18, n15);
        REQUIRE(n15.size() == 15);
        CHECK(upgrade_15_to_18(n15) == n18);
        auto const id = citizen_id::parse(n15);
        CHECK(id.str() == n18);
        CHECK(id.converted_from_15());
        CHECK(id == citizen_id::parse(n18));  // same number, whatever the form it was read from
        CHECK(id.birth_date() == citizen_id::parse(n18).birth_date());
        CHECK(id.sex_of() == citizen_id::parse(n18).sex_of());
        CHECK(to_legacy_15(id.str()) == n15);
    }
    CHECK(upgrade_15_to_18("110105491231002") == "11010519491231002X");
    CHECK(citizen_id::parse("110105491231002").birth_date() == date::sys_days{1949_y / 12 / 31});
}

TEST_CASE("GB 11643-1989 [C] id.gb11643_legacy_15: rejections of legacy numbers", "[id_number]") {
    auto e = rejection_of("110105000229002");
    CHECK(e.reason() == id_number_error::impossible_date);
    CHECK(e.invalid_input::reason() == "impossible birth date 19000229 in legacy number 110105000229002");
    CHECK(citizen_id::parse("110105000301002").birth_date() == date::sys_days{1900_y / 3 / 1});

    e = rejection_of("990105491231002");
    CHECK(e.reason() == id_number_error::bad_province);
    CHECK(e.invalid_input::reason() == "unknown province code 99 in 990105491231002");

    e = rejection_of("810000940823002");
    CHECK(e.reason() == id_number_error::bad_province);
    CHECK(e.invalid_input::reason() ==
          "province code 81 in legacy number 810000940823002 (81, 82 and 83 only occur in 18-digit "
          "residence-permit numbers)");
}

TEST_CASE("GB 11643-1989 [C] id.gb11643_legacy_15: upgrade_15_to_18 requires a 15-digit number",
          "[id_number]") {
    try {
        (void)upgrade_15_to_18("11010519491231002X");
        FAIL("upgraded an 18-digit number");
    } catch (invalid_id_number const& e) {
        CHECK(e.reason() == id_number_error::bad_length);
        CHECK(e.invalid_input::reason() ==
              "bad length 18 in '11010519491231002X' (expected a 15-digit legacy number)");
    }
    try {
        (void)upgrade_15_to_18("11010549123100");
        FAIL("upgraded a 14-digit number");
    } catch (invalid_id_number const& e) {
        CHECK(e.reason() == id_number_error::bad_length);
    }
    try {
        (void)upgrade_15_to_18("110105491331002");
        FAIL("upgraded a number born in month 13");
    } catch (invalid_id_number const& e) {
        CHECK(e.reason() == id_number_error::impossible_date);
        CHECK(std::string(e.what()) ==
              "id_number: impossible birth date 19491331 in legacy number 110105491331002");
    }
}

}  // namespace id_number_test_cases
