// Display width through ICU's character properties, so that tables of Chinese names line up in a
// terminal (a 汉字 takes two columns).

#include "dangyuan/io/text.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <vector>

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

namespace {

// One character as the terminal shows it: its bytes, its display width and its code point (-1 for an
// ill-formed byte sequence, which shows as one replacement character).
struct glyph {
    std::string_view bytes;
    std::size_t width = 0;
    UChar32 cp = 0;
};

std::vector<glyph> glyphs(std::string_view utf8) {
    std::vector<glyph> out;
    auto const* s = reinterpret_cast<uint8_t const*>(utf8.data());
    auto const length = static_cast<int32_t>(utf8.size());
    int32_t i = 0;
    while (i < length) {
        auto const start = i;
        UChar32 c = 0;
        U8_NEXT(s, i, length, c);
        auto const bytes = utf8.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start));
        out.push_back({bytes, c < 0 ? 1 : display_width(bytes), c});
    }
    return out;
}

// Punctuation that stays on the line of the character before it (closing) or after it (opening).
bool closing(UChar32 c) {
    switch (c) {
        case ',':
        case '.':
        case ':':
        case ';':
        case '!':
        case '?':
        case ')':
        case ']':
        case '}':
        case 0x2026:
        case 0x3001:
        case 0x3002:
        case 0x3009:
        case 0x300B:
        case 0x300D:
        case 0x300F:
        case 0x3011:
        case 0xFF01:
        case 0xFF09:
        case 0xFF0C:
        case 0xFF1A:
        case 0xFF1B:
        case 0xFF1F:
            return true;
        default:
            return false;
    }
}

bool opening(UChar32 c) {
    switch (c) {
        case '(':
        case '[':
        case '{':
        case 0x3008:
        case 0x300A:
        case 0x300C:
        case 0x300E:
        case 0x3010:
        case 0xFF08:
            return true;
        default:
            return false;
    }
}

bool blank(glyph const& g) {
    return g.cp == ' ' || g.cp == '\t' || g.cp == 0x3000;
}

}  // namespace

std::vector<std::string> wrap_text(std::string_view utf8, std::size_t width) {
    if (width == 0) return {std::string(utf8)};
    auto const all = glyphs(utf8);
    // Tokens: runs of characters with no break inside; `spaced` when blanks came before.
    struct token {
        std::size_t first = 0, last = 0, width = 0;
        bool spaced = false;
    };
    std::vector<token> tokens;
    bool pending_space = false;
    for (std::size_t i = 0; i < all.size(); ++i) {
        auto const& g = all[i];
        if (blank(g)) {
            pending_space = true;
            continue;
        }
        bool const joined = !pending_space && !tokens.empty() && tokens.back().last == i &&
                            (g.width == 0 || closing(g.cp) || opening(all[i - 1].cp) ||
                             (all[i - 1].width < 2 && g.width < 2));
        if (joined) {
            tokens.back().last = i + 1;
            tokens.back().width += g.width;
        } else {
            tokens.push_back({i, i + 1, g.width, pending_space});
        }
        pending_space = false;
    }
    std::vector<std::string> lines(1);
    std::size_t used = 0;
    auto new_line = [&] {
        lines.emplace_back();
        used = 0;
    };
    for (auto const& t : tokens) {
        std::size_t const gap = (used > 0 && t.spaced) ? 1 : 0;
        if (used > 0 && used + gap + t.width > width) {
            new_line();
        } else if (gap) {
            lines.back() += ' ';
            ++used;
        }
        for (auto i = t.first; i < t.last; ++i) {
            // A token wider than a line is cut between characters.
            if (used > 0 && used + all[i].width > width) new_line();
            lines.back() += all[i].bytes;
            used += all[i].width;
        }
    }
    return lines;
}

std::string cut_text(std::string_view utf8, std::size_t width) {
    if (display_width(utf8) <= width) return std::string(utf8);
    if (width == 0) return {};
    std::string out;
    std::size_t used = 0;
    for (auto const& g : glyphs(utf8)) {
        if (used + g.width > width - 1) break;
        out += g.bytes;
        used += g.width;
    }
    return out + "\xE2\x80\xA6";  // …
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
