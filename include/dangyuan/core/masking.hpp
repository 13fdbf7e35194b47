#pragma once
/// \file
/// How one kind of personal value is shown masked (脱敏). Which field of which record gets which rule
/// is the table of `dangyuan/member/masking.hpp`; this header holds the rules themselves, so that
/// core types (the citizen ID number) can mask without depending on the member record.
///
/// The rules are chosen together so that a masked row cannot be undone (docs/security.md, "Masking"):
/// the ID number keeps only its address code, the birth date only its year, so the month, day,
/// sequence number and check character of the ID number are not on the row.

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace dangyuan {

/// A way of showing a personal value masked.
enum class mask_rule {
    shown,           ///< shown as it is (needed by the roster, not identifying by itself)
    id_region_only,  ///< 公民身份号码: the 6-digit address code, the other 12 characters `*`
    year_only,       ///< a date: the year (`1980`); `****` when the text has no year
    phone_3_4,       ///< a phone: first 3 and last 4 characters of 11 or more (`138****5678`), last 4
                     ///< of 8–10, all `*` when shorter
    county_level,    ///< an address: the administrative prefix down to the district/county
                     ///< (`北京市海淀区****`); `****` when it cannot be recognised
};

namespace masking {

/// `*` characters that replace a hidden part of fixed length (so that lengths reveal nothing).
inline constexpr std::string_view hidden = "****";

/// An 18-character ID number with everything but the 6-digit address code hidden:
/// `11010519491231002X` → `110105************`. Empty for text that is not 18 characters long.
[[nodiscard]] inline std::string id_number(std::string_view id) {
    if (id.size() != 18) return {};
    return std::string(id.substr(0, 6)) + std::string(12, '*');
}

/// A date's year: the first four characters of `1980-02-14` when they are digits, else `****`.
/// Empty for empty text.
[[nodiscard]] inline std::string year_only(std::string_view date_text) {
    if (date_text.empty()) return {};
    if (date_text.size() < 4) return std::string(hidden);
    for (std::size_t i = 0; i < 4; ++i)
        if (date_text[i] < '0' || date_text[i] > '9') return std::string(hidden);
    return std::string(date_text.substr(0, 4));
}

/// A phone: 11 characters or more keep the first 3 and the last 4 (`13812345678` → `138****5678`),
/// 8 to 10 keep the last 4, shorter ones are all `*`. The hidden middle keeps its length. Empty stays
/// empty.
[[nodiscard]] inline std::string phone(std::string_view p) {
    auto const n = p.size();
    if (n >= 11) return std::string(p.substr(0, 3)) + std::string(n - 7, '*') + std::string(p.substr(n - 4));
    if (n >= 8) return std::string(n - 4, '*') + std::string(p.substr(n - 4));
    return std::string(n, '*');
}

namespace detail {

/// The index after the UTF-8 character that starts at byte `i` of `s`.
inline std::size_t next_char(std::string_view s, std::size_t i) noexcept {
    auto const c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    return i + len <= s.size() ? i + len : s.size();
}

/// True for a Chinese character (CJK Unified Ideographs, 3 bytes in UTF-8).
inline bool is_han(std::string_view ch) noexcept {
    if (ch.size() != 3) return false;
    auto const b0 = static_cast<unsigned char>(ch[0]);
    return b0 >= 0xE4 && b0 <= 0xE9;
}

/// Characters that belong to street-level parts (路, 号, 村 …) and never to a county-level name: a
/// segment holding one is not an administrative name.
inline constexpr std::array<std::string_view, 16> street_marks{
    "路", "街", "号", "道", "巷", "弄", "村", "镇", "乡", "楼", "栋", "室", "单", "元", "组", "院"};

/// The length in bytes of an administrative name at the start of `s`: 2 to `max_chars` Chinese
/// characters ending in one of `suffixes` (the shortest such prefix), none of them a street mark.
/// 0 when there is none.
template <std::size_t N>
inline std::size_t admin_name(std::string_view s, std::array<std::string_view, N> const& suffixes,
                              std::size_t max_chars) noexcept {
    std::size_t i = 0;
    for (std::size_t chars = 1; chars <= max_chars && i < s.size(); ++chars) {
        auto const j = next_char(s, i);
        auto const ch = s.substr(i, j - i);
        if (!is_han(ch)) return 0;
        for (auto const mark : street_marks)
            if (ch == mark) return 0;
        if (chars >= 2)
            for (auto const suf : suffixes)
                if (s.substr(0, j).ends_with(suf)) {
                    // 杭州市: a suffix (州) followed by another (市) belongs to the same name.
                    auto const k = j < s.size() ? next_char(s, j) : j;
                    for (auto const more : suffixes)
                        if (k > j && s.substr(j, k - j) == more) return k;
                    return j;
                }
        i = j;
    }
    return 0;
}

}  // namespace detail

/// An address kept down to the district / county level (区, 县, 旗 or a county-level 市) and the rest
/// hidden: `山东省济南市历下区泉城路1号` → `山东省济南市历下区****`. The prefix is read as an optional
/// province (…省, …自治区, …特别行政区, or 北京市 / 天津市 / 上海市 / 重庆市), an optional prefecture
/// (…市, …州, …盟, …地区) and a county-level unit, which must be there; when it is not recognised the
/// whole address is hidden (`****`). Empty stays empty.
[[nodiscard]] inline std::string address(std::string_view a) {
    using detail::admin_name;
    if (a.empty()) return {};
    std::size_t pos = 0;
    bool municipality = false;
    for (std::string_view m : {"北京市", "天津市", "上海市", "重庆市"})
        if (a.starts_with(m)) {
            pos = m.size();
            municipality = true;
        }
    if (!municipality)
        pos += admin_name(a, std::array<std::string_view, 3>{"省", "自治区", "特别行政区"}, 10);
    if (!municipality)
        pos += admin_name(a.substr(pos), std::array<std::string_view, 4>{"市", "州", "盟", "地区"}, 9);
    auto const county = admin_name(a.substr(pos), std::array<std::string_view, 4>{"区", "县", "旗", "市"}, 8);
    if (county == 0) return std::string(hidden);
    pos += county;
    if (pos == a.size()) return std::string(a);  // nothing below the county level to hide
    return std::string(a.substr(0, pos)) + std::string(hidden);
}

/// `text` masked by `rule`.
[[nodiscard]] inline std::string apply(mask_rule rule, std::string_view text) {
    switch (rule) {
        case mask_rule::id_region_only:
            return id_number(text);
        case mask_rule::year_only:
            return year_only(text);
        case mask_rule::phone_3_4:
            return phone(text);
        case mask_rule::county_level:
            return address(text);
        case mask_rule::shown:
            break;
    }
    return std::string(text);
}

/// The English names of the rules, in the order of `mask_rule`.
inline constexpr std::array<std::string_view, 5> rule_names{"shown", "id_region_only", "year_only",
                                                            "phone_3_4", "county_level"};

/// The English name of `rule` ("id_region_only").
[[nodiscard]] constexpr std::string_view name(mask_rule rule) noexcept {
    return rule_names[static_cast<std::size_t>(rule)];
}

}  // namespace masking
}  // namespace dangyuan
