#pragma once
/// \file
/// Citizen identity number (公民身份号码) per GB 11643-1999: validation, normalisation, derived birth
/// date and sex, masking, and conversion of legacy 15-digit numbers (GB 11643-1989).
///
/// Structure of the 18-character number:
///
/// | positions | content |
/// | --- | --- |
/// | 1–6 | address code (地址码), a county-level code of GB/T 2260; 1–2 are the province |
/// | 7–14 | birth date `YYYYMMDD` (出生日期码) |
/// | 15–17 | sequence code (顺序码); position 17 is odd for men, even for women |
/// | 18 | check character (校验码), ISO 7064 MOD 11-2: `0`–`9` or `X` |
///
/// A legacy 15-digit number has 6 address digits, a 6-digit `YYMMDD` birth date (always 19xx) and 3
/// sequence digits, and no check character; it is converted by inserting `19` before the year and
/// appending the computed check character.
///
/// What is validated: the characters, the length, the province prefix (not the full address code: old
/// numbers keep codes of counties abolished since), the birth date (a real calendar date, year ≥ 1800;
/// there is no clock here, so callers check that the date is not in the future) and the check
/// character. Positions in messages are 1-based and count bytes.
///
/// Input is taken as is: surrounding whitespace is **not** trimmed and is reported as a bad character
/// (trim fields when reading a file). A lowercase `x` check character is accepted and stored as `X`.
///
/// Error messages quote the offending number in full, as a clerk needs it to correct the record; mind
/// this when writing them to logs that must not hold personal data.

#include <array>
#include <compare>
#include <cstddef>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include <date/date.h>

#include "dangyuan/core/codes.hpp"
#include "dangyuan/core/enum_table.hpp"
#include "dangyuan/core/errors.hpp"
#include "dangyuan/core/masking.hpp"

namespace dangyuan {

/// Why an ID number was rejected.
enum class id_number_error {
    bad_length,          ///< neither 18 characters nor 15 (legacy)
    bad_character,       ///< a character other than an ASCII digit, or `X` anywhere but position 18
    impossible_date,     ///< positions 7–14 are not a real date, or the year is before 1800
    bad_province,        ///< positions 1–2 are not a province code used in ID numbers
    bad_check_character  ///< position 18 differs from the ISO 7064 MOD 11-2 check character
};

/// Codes are the enumerator names (`to_string(e)` gives `"bad_check_character"`).
template <>
struct enum_table<id_number_error> {
    static constexpr std::string_view field = "id_number";
    static constexpr std::string_view noun = "ID number error";
    static constexpr enum_row<id_number_error> rows[] = {
        {id_number_error::bad_length, "bad_length"},
        {id_number_error::bad_character, "bad_character"},
        {id_number_error::impossible_date, "impossible_date"},
        {id_number_error::bad_province, "bad_province"},
        {id_number_error::bad_check_character, "bad_check_character"},
    };
};

/// A rejected citizen ID number. `field()` is `"id_number"`; `what()` reads e.g.
/// `"id_number: wrong check character '1' in 110105194912310021, expected 'X'"`.
///
/// Note: `reason()` here returns the machine-readable `id_number_error` and hides the textual
/// `invalid_input::reason()`, which stays reachable as `e.invalid_input::reason()` (or through a
/// reference to the base class).
class invalid_id_number : public invalid_input {
public:
    /// \param kind           why the number was rejected.
    /// \param message        the reason text, naming the offending value (without the field prefix).
    /// \param expected_check the correct check character, for `bad_check_character`; `'\0'` otherwise.
    invalid_id_number(id_number_error kind, std::string const& message, char expected_check = '\0')
        : invalid_input("id_number", message), kind_(kind), expected_check_(expected_check) {}

    /// Why the number was rejected.
    [[nodiscard]] id_number_error reason() const noexcept { return kind_; }
    /// For `bad_check_character`: the check character the body calls for (`'0'`–`'9'` or `'X'`);
    /// `'\0'` for other reasons.
    [[nodiscard]] char expected_check() const noexcept { return expected_check_; }

private:
    id_number_error kind_;
    char expected_check_;
};

namespace detail {

/// A province-level prefix that may begin an address code.
struct id_province_row {
    std::string_view code;
    std::string_view name;
    bool in_id_numbers;  ///< accepted as the prefix of an 18-digit number
    bool in_legacy;      ///< accepted as the prefix of a legacy 15-digit number
};

/// The province-level codes of GB/T 2260 plus 83. 71 (台湾省) is a GB/T 2260 code, but no citizen ID
/// number is issued with it: residence permits for residents of Taiwan use 830000 (《港澳台居民居住证
/// 申领发放办法》, 2018). 81, 82 and 83 only occur on residence permits (18 digits, since 2018).
inline constexpr std::array<id_province_row, 35> id_province_table{{
    {"11", "北京市", true, true},           {"12", "天津市", true, true},
    {"13", "河北省", true, true},           {"14", "山西省", true, true},
    {"15", "内蒙古自治区", true, true},     {"21", "辽宁省", true, true},
    {"22", "吉林省", true, true},           {"23", "黑龙江省", true, true},
    {"31", "上海市", true, true},           {"32", "江苏省", true, true},
    {"33", "浙江省", true, true},           {"34", "安徽省", true, true},
    {"35", "福建省", true, true},           {"36", "江西省", true, true},
    {"37", "山东省", true, true},           {"41", "河南省", true, true},
    {"42", "湖北省", true, true},           {"43", "湖南省", true, true},
    {"44", "广东省", true, true},           {"45", "广西壮族自治区", true, true},
    {"46", "海南省", true, true},           {"50", "重庆市", true, true},
    {"51", "四川省", true, true},           {"52", "贵州省", true, true},
    {"53", "云南省", true, true},           {"54", "西藏自治区", true, true},
    {"61", "陕西省", true, true},           {"62", "甘肃省", true, true},
    {"63", "青海省", true, true},           {"64", "宁夏回族自治区", true, true},
    {"65", "新疆维吾尔自治区", true, true}, {"71", "台湾省", false, false},
    {"81", "香港特别行政区", true, false},  {"82", "澳门特别行政区", true, false},
    {"83", "台湾省", true, false},
}};

/// The row of a two-character province code, or nullptr.
constexpr id_province_row const* id_province_of(std::string_view code2) noexcept {
    for (auto const& row : id_province_table) {
        if (row.code == code2) return &row;
    }
    return nullptr;
}

/// The weights of GB 11643-1999 over positions 1–17.
inline constexpr std::array<int, 17> gb11643_weights{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
/// The check character for each remainder 0–10 of the weighted sum modulo 11.
inline constexpr std::string_view gb11643_check_table = "10X98765432";

constexpr bool gb11643_tables_consistent() noexcept {
    int power = 1;  // 2^(17 - i) mod 11, built from i = 16 downwards
    for (int i = 16; i >= 0; --i) {
        power = power * 2 % 11;
        if (gb11643_weights[static_cast<std::size_t>(i)] != power) return false;
    }
    // MOD 11-2: the check value c (X = 10) makes (sum + c) ≡ 1 (mod 11).
    for (int r = 0; r < 11; ++r) {
        char const ch = gb11643_check_table[static_cast<std::size_t>(r)];
        int const c = ch == 'X' ? 10 : ch - '0';
        if ((r + c) % 11 != 1) return false;
    }
    return true;
}
static_assert(gb11643_tables_consistent());

constexpr bool id_is_digit(char c) noexcept {
    return c >= '0' && c <= '9';
}

/// The check character of 17 digits. Pre-condition: `body` holds at least 17 ASCII digits (only the
/// first 17 are used).
constexpr char gb11643_check(std::string_view body) noexcept {
    int sum = 0;
    for (std::size_t i = 0; i < 17; ++i)
        sum += (body[i] - '0') * gb11643_weights[i];
    return gb11643_check_table[static_cast<std::size_t>(sum % 11)];
}

constexpr int id_read_digits(std::string_view s) noexcept {
    int v = 0;
    for (char c : s)
        v = v * 10 + (c - '0');
    return v;
}

/// The outcome of validating one input, without allocating.
struct id_scan {
    id_number_error error = id_number_error::bad_length;
    bool legacy = false;                ///< the input had 15 digits
    std::size_t position = 0;           ///< bad_character: 1-based byte position
    char found = '\0';                  ///< bad_character: the byte; bad_check_character: the given check
    char expected = '\0';               ///< bad_check_character: the computed check
    std::array<char, 18> normalised{};  ///< the 18-character form, once the characters are valid
    date::sys_days birth{};
};

/// Validates `in`; on success fills `normalised`, `birth` and `legacy` and returns true; on failure
/// fills the diagnostic fields and returns false.
inline bool id_scan_input(std::string_view in, id_scan& s) noexcept {
    for (std::size_t i = 0; i < in.size(); ++i) {
        char const c = in[i];
        if (!id_is_digit(c) && c != 'X' && c != 'x') {
            s.error = id_number_error::bad_character;
            s.position = i + 1;
            s.found = c;
            return false;
        }
    }
    if (in.size() != 18 && in.size() != 15) {
        s.error = id_number_error::bad_length;
        return false;
    }
    s.legacy = in.size() == 15;
    for (std::size_t i = 0; i < in.size(); ++i) {
        if (!id_is_digit(in[i]) && (s.legacy || i != 17)) {
            s.error = id_number_error::bad_character;
            s.position = i + 1;
            s.found = in[i];
            return false;
        }
    }
    // 18-character form: a legacy number gets "19" before its two-digit year.
    auto& n = s.normalised;
    if (s.legacy) {
        for (std::size_t i = 0; i < 6; ++i)
            n[i] = in[i];
        n[6] = '1';
        n[7] = '9';
        for (std::size_t i = 6; i < 15; ++i)
            n[i + 2] = in[i];
        n[17] = '\0';
    } else {
        for (std::size_t i = 0; i < 18; ++i)
            n[i] = in[i] == 'x' ? 'X' : in[i];
    }
    std::string_view const digits(n.data(), n.size());

    auto const* province = id_province_of(digits.substr(0, 2));
    if (province == nullptr || !(s.legacy ? province->in_legacy : province->in_id_numbers)) {
        s.error = id_number_error::bad_province;
        return false;
    }

    int const y = id_read_digits(digits.substr(6, 4));
    int const m = id_read_digits(digits.substr(10, 2));
    int const d = id_read_digits(digits.substr(12, 2));
    date::year_month_day const ymd{date::year{y}, date::month{static_cast<unsigned>(m)},
                                   date::day{static_cast<unsigned>(d)}};
    if (y < 1800 || !ymd.ok()) {
        s.error = id_number_error::impossible_date;
        return false;
    }
    s.birth = date::sys_days{ymd};

    char const expected = gb11643_check(digits);
    if (s.legacy) {
        n[17] = expected;
    } else if (n[17] != expected) {
        s.error = id_number_error::bad_check_character;
        s.found = n[17];
        s.expected = expected;
        return false;
    }
    return true;
}

/// `'c'` for a printable ASCII byte, `byte 0xHH (not ASCII)` or `byte 0xHH (control character)` otherwise.
inline std::string id_describe_byte(char c) {
    auto const u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u < 0x7F) return std::string("'") + c + "'";
    constexpr std::string_view hex = "0123456789ABCDEF";
    std::string out = "byte 0x";
    out += hex[u >> 4U];
    out += hex[u & 0x0FU];
    out += u >= 0x80 ? " (not ASCII)" : " (control character)";
    return out;
}

/// The message (without the field prefix) for a failed scan of `in`.
inline std::string id_scan_message(std::string_view in, id_scan const& s) {
    std::string shown(in);  // past the character check: digits and X only
    for (char& c : shown) {
        if (c == 'x') c = 'X';
    }
    switch (s.error) {
        case id_number_error::bad_character: {
            std::string m = "bad character " + id_describe_byte(s.found) + " at position " +
                            std::to_string(s.position) + " in " + codes_quote(in);
            if (s.found == 'X' || s.found == 'x') {
                m += in.size() == 15 ? " (a legacy 15-digit number has no check character)"
                                     : " (X may only be the 18th, check character)";
            }
            return m;
        }
        case id_number_error::bad_length:
            return "bad length " + std::to_string(in.size()) + " in " + codes_quote(in) +
                   " (expected 18, or 15 for a legacy number)";
        case id_number_error::bad_province: {
            std::string const code = shown.substr(0, 2);
            auto const* row = id_province_of(code);
            if (row == nullptr) return "unknown province code " + code + " in " + shown;
            if (!row->in_id_numbers) {
                return "unknown province code " + code + " in " + shown + " (" + std::string(row->name) +
                       " is a GB/T 2260 code, but no ID number is issued with it; residence permits of "
                       "residents of Taiwan use 83)";
            }
            return "province code " + code + " in legacy number " + shown +
                   " (81, 82 and 83 only occur in 18-digit residence-permit numbers)";
        }
        case id_number_error::impossible_date: {
            std::string const date8(s.normalised.data() + 6, 8);
            std::string m =
                "impossible birth date " + date8 + " in " + (s.legacy ? "legacy number " : "") + shown;
            if (id_read_digits(date8.substr(0, 4)) < 1800) m += " (years before 1800 are not accepted)";
            return m;
        }
        case id_number_error::bad_check_character:
            return std::string("wrong check character '") + s.found + "' in " + shown + ", expected '" +
                   s.expected + "'";
    }
    return "invalid ID number " + codes_quote(in);
}

}  // namespace detail

/// The Chinese name of a province-level code (`"11"` → 北京市). Only the first two characters of `code`
/// are used, so a whole address code (`"110105"`) works too. 71 and 83 both give 台湾省 (83 is the code
/// of residence permits for residents of Taiwan, not a GB/T 2260 code).
/// \returns the name, or an empty view for an unknown code or a text shorter than 2.
[[nodiscard]] constexpr std::string_view province_name(std::string_view code) noexcept {
    if (code.size() < 2) return {};
    auto const* row = detail::id_province_of(code.substr(0, 2));
    return row ? row->name : std::string_view{};
}

/// True when the first two characters of `code` are a province code accepted at the start of an
/// 18-digit ID number: the 31 mainland codes 11–65, and 81 / 82 / 83 (residence permits of residents of
/// Hong Kong, Macao and Taiwan). False for 71 (see `province_name`) and anything else.
[[nodiscard]] constexpr bool is_id_province_code(std::string_view code) noexcept {
    if (code.size() < 2) return false;
    auto const* row = detail::id_province_of(code.substr(0, 2));
    return row != nullptr && row->in_id_numbers;
}

/// The GB 11643-1999 check character (ISO 7064 MOD 11-2) of a 17-digit body: `'0'`–`'9'` or `'X'`.
/// \throws invalid_id_number (`bad_character`, `bad_length`) unless `body17` is exactly 17 ASCII digits.
[[nodiscard]] inline char gb11643_check_character(std::string_view body17) {
    for (std::size_t i = 0; i < body17.size(); ++i) {
        if (!detail::id_is_digit(body17[i])) {
            throw invalid_id_number(id_number_error::bad_character,
                                    "bad character " + detail::id_describe_byte(body17[i]) + " at position " +
                                        std::to_string(i + 1) + " in body " + detail::codes_quote(body17) +
                                        " (the body is 17 digits)");
        }
    }
    if (body17.size() != 17) {
        throw invalid_id_number(id_number_error::bad_length, "bad length " + std::to_string(body17.size()) +
                                                                 " in body " + detail::codes_quote(body17) +
                                                                 " (expected 17 digits)");
    }
    return detail::gb11643_check(body17);
}

/// Converts a legacy 15-digit number (GB 11643-1989) to 18 characters: `19` is inserted before the
/// two-digit year and the check character appended (`110105491231002` → `11010519491231002X`).
/// \throws invalid_id_number when `legacy15` is not a valid 15-digit number (bad character or province,
///         impossible date; `bad_length` for any other length, 18 included).
[[nodiscard]] inline std::string upgrade_15_to_18(std::string_view legacy15) {
    detail::id_scan s;
    bool const ok = detail::id_scan_input(legacy15, s);
    if (!ok && s.error == id_number_error::bad_character) {
        throw invalid_id_number(s.error, detail::id_scan_message(legacy15, s));
    }
    if (legacy15.size() != 15) {
        throw invalid_id_number(id_number_error::bad_length, "bad length " + std::to_string(legacy15.size()) +
                                                                 " in " + detail::codes_quote(legacy15) +
                                                                 " (expected a 15-digit legacy number)");
    }
    if (!ok) throw invalid_id_number(s.error, detail::id_scan_message(legacy15, s));
    return std::string(s.normalised.data(), s.normalised.size());
}

/// A valid citizen identity number (公民身份号码), always held in its 18-character form with an
/// uppercase `X`.
///
/// A regular value type: copyable, default-constructible, equality-comparable and totally ordered by
/// the 18-character string. A default-constructed `citizen_id` is empty (`empty()`): `str()` is empty,
/// `sex_of()` is `sex::unknown`, `check_character()` is `'\0'`, `birth_date()` is the epoch
/// (1970-01-01, meaningless) and the code accessors return empty views. Build valid values with `parse`
/// or `try_parse`.
///
/// `converted_from_15()` records provenance only: a number parsed from its 15-digit form compares equal
/// to the same number parsed from 18 digits (it is the same person's number).
class citizen_id {
public:
    /// An empty id (see the class documentation).
    citizen_id() = default;

    /// Parses and validates an 18-character number, or a legacy 15-digit one (converted to 18).
    /// Lowercase `x` is accepted; whitespace is not trimmed.
    /// \throws invalid_id_number naming the reason and the value, e.g.
    ///         `"id_number: impossible birth date 19490231 in 110105194902310021"`.
    [[nodiscard]] static citizen_id parse(std::string_view text) {
        detail::id_scan s;
        if (!detail::id_scan_input(text, s)) {
            throw invalid_id_number(s.error, detail::id_scan_message(text, s),
                                    s.error == id_number_error::bad_check_character ? s.expected : '\0');
        }
        return citizen_id(s);
    }

    /// Like `parse`, for bulk import: returns `std::nullopt` instead of throwing and, when `why` is not
    /// null, stores the reason there (left untouched on success). Never throws; allocation failure of
    /// the 18-character string terminates.
    [[nodiscard]] static std::optional<citizen_id> try_parse(std::string_view text,
                                                             id_number_error* why = nullptr) noexcept {
        detail::id_scan s;
        if (!detail::id_scan_input(text, s)) {
            if (why != nullptr) *why = s.error;
            return std::nullopt;
        }
        return citizen_id(s);
    }

    /// True when `text` would be accepted by `parse`. Does not allocate.
    [[nodiscard]] static bool is_valid(std::string_view text) noexcept {
        detail::id_scan s;
        return detail::id_scan_input(text, s);
    }

    /// The 18-character number, uppercase `X`.
    [[nodiscard]] std::string const& str() const noexcept { return value_; }
    /// True for a default-constructed id.
    [[nodiscard]] bool empty() const noexcept { return value_.empty(); }

    /// The birth date, positions 7–14 (for a legacy number, 19YYMMDD).
    [[nodiscard]] date::sys_days birth_date() const noexcept { return birth_; }

    /// The sex from position 17: odd → `sex::male`, even → `sex::female`.
    [[nodiscard]] dangyuan::sex sex_of() const noexcept {
        if (value_.size() != 18) return dangyuan::sex::unknown;
        return (value_[16] - '0') % 2 == 1 ? dangyuan::sex::male : dangyuan::sex::female;
    }

    /// The address code, positions 1–6 (`"110105"`), a county-level code of GB/T 2260 at the time of
    /// issue (not checked beyond its province).
    [[nodiscard]] std::string_view address_code() const noexcept {
        return std::string_view(value_).substr(0, 6);
    }
    /// The province code, positions 1–2 (`"11"`).
    [[nodiscard]] std::string_view province_code() const noexcept {
        return std::string_view(value_).substr(0, 2);
    }
    /// The Chinese name of the province (北京市); see `dangyuan::province_name`.
    [[nodiscard]] std::string_view province_name() const noexcept { return dangyuan::province_name(value_); }
    /// The sequence code, positions 15–17 (`"002"`).
    [[nodiscard]] std::string_view sequence_code() const noexcept {
        return value_.size() == 18 ? std::string_view(value_).substr(14, 3) : std::string_view{};
    }
    /// The check character, position 18: `'0'`–`'9'` or `'X'`.
    [[nodiscard]] char check_character() const noexcept { return value_.empty() ? '\0' : value_.back(); }

    /// True when the number was parsed from a legacy 15-digit number.
    [[nodiscard]] bool converted_from_15() const noexcept { return converted_from_15_; }

    /// The number for display as the masking policy shows it (`masking::id_number`, docs/security.md):
    /// only the address code (first 6) is kept, the birth date, sequence code and check character are
    /// `*`: `11010519491231002X` → `110105************`. Empty for an empty id.
    [[nodiscard]] std::string masked() const { return masking::id_number(value_); }

    friend bool operator==(citizen_id const& a, citizen_id const& b) noexcept { return a.value_ == b.value_; }
    friend std::strong_ordering operator<=>(citizen_id const& a, citizen_id const& b) noexcept {
        return a.value_.compare(b.value_) <=> 0;
    }

    /// Writes the 18-character number.
    friend std::ostream& operator<<(std::ostream& os, citizen_id const& id) { return os << id.value_; }

private:
    explicit citizen_id(detail::id_scan const& s)
        : value_(s.normalised.data(), s.normalised.size()), birth_(s.birth), converted_from_15_(s.legacy) {}

    std::string value_;
    date::sys_days birth_{};
    bool converted_from_15_ = false;
};

}  // namespace dangyuan

template <>
struct std::hash<dangyuan::citizen_id> {
    std::size_t operator()(dangyuan::citizen_id const& id) const noexcept {
        return std::hash<std::string>{}(id.str());
    }
};
