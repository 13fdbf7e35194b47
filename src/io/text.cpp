// Display width through ICU's character properties, so that tables of Chinese names line up in a
// terminal (a 汉字 takes two columns).

#include "io/text.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace dangyuan::io {

std::size_t display_width(std::string_view utf8) {
    std::size_t width = 0;
    auto const* s = reinterpret_cast<uint8_t const*>(utf8.data());
    auto const length = static_cast<int32_t>(utf8.size());
    int32_t i = 0;
    while (i < length) {
        UChar32 c = 0;
        U8_NEXT(s, i, length, c);
        if (c < 0) {
            ++width;  // an ill-formed byte: the terminal shows a replacement character
            continue;
        }
        auto const category = u_charType(c);
        if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_FORMAT_CHAR ||
            c == 0x200B)
            continue;
        auto const eaw = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
        width += (eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH) ? 2 : 1;
    }
    return width;
}

std::string pad_right(std::string_view utf8, std::size_t width) {
    std::string out(utf8);
    auto const w = display_width(utf8);
    if (w < width) out.append(width - w, ' ');
    return out;
}

std::string pad_left(std::string_view utf8, std::size_t width) {
    auto const w = display_width(utf8);
    std::string out;
    if (w < width) out.assign(width - w, ' ');
    out += utf8;
    return out;
}

std::string_view trim(std::string_view s) noexcept {
    constexpr std::string_view ideographic_space = "\xE3\x80\x80";
    constexpr std::string_view no_break_space = "\xC2\xA0";
    for (bool changed = true; changed;) {
        changed = false;
        while (!s.empty() &&
               (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) {
            s.remove_prefix(1);
            changed = true;
        }
        while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) {
            s.remove_suffix(1);
            changed = true;
        }
        for (auto blank : {ideographic_space, no_break_space}) {
            if (s.starts_with(blank)) {
                s.remove_prefix(blank.size());
                changed = true;
            }
            if (s.ends_with(blank)) {
                s.remove_suffix(blank.size());
                changed = true;
            }
        }
    }
    return s;
}

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
    return out;
}

}  // namespace dangyuan::io
