// Encoding detection and conversion. GB18030 goes through glibc's iconv, which implements the full
// four-byte range of GB 18030-2005.

#include "dangyuan/io/encoding.hpp"
#include <array>

#include <iconv.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>

#include "dangyuan/core/errors.hpp"

namespace dangyuan::io {
namespace {

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

std::size_t line_of(std::string_view bytes, std::size_t offset) {
    return 1 + static_cast<std::size_t>(
                   std::count(bytes.begin(), bytes.begin() + static_cast<long>(offset), '\n'));
}

std::string hex_byte(unsigned char c) {
    constexpr std::string_view hex = "0123456789ABCDEF";
    return std::string("0x") + hex[c >> 4U] + hex[c & 0x0FU];
}

char const* iconv_name(text_encoding e) {
    return e == text_encoding::utf8 ? "UTF-8" : "GB18030";
}

struct iconv_closer {
    void operator()(void* cd) const noexcept { iconv_close(static_cast<iconv_t>(cd)); }
};

// Converts strictly: an unconvertible or malformed sequence is an error, never skipped or replaced, so
// that a wrong guess of the encoding cannot silently corrupt names. Returns the offset of the bad input
// byte through `bad` instead of the text when conversion fails.
std::optional<std::string> convert(std::string_view in, text_encoding from, text_encoding to,
                                   std::size_t& bad) {
    iconv_t const cd = iconv_open(iconv_name(to), iconv_name(from));
    if (cd == reinterpret_cast<iconv_t>(-1))
        throw invalid_input("encoding", std::string("this system cannot convert ") + iconv_name(from) +
                                            " to " + iconv_name(to));
    std::unique_ptr<void, iconv_closer> const guard(cd);
    std::string out;
    out.resize(in.size() * 2 + 16);
    char* src = const_cast<char*>(in.data());  // iconv's interface is not const-correct
    std::size_t src_left = in.size();
    char* dst = out.data();
    std::size_t dst_left = out.size();
    while (src_left > 0) {
        if (iconv(cd, &src, &src_left, &dst, &dst_left) != static_cast<std::size_t>(-1)) break;
        if (errno == E2BIG) {
            auto const used = static_cast<std::size_t>(dst - out.data());
            out.resize(out.size() * 2);
            dst = out.data() + used;
            dst_left = out.size() - used;
            continue;
        }
        bad = static_cast<std::size_t>(src - in.data());  // EILSEQ or EINVAL (truncated at the end)
        return std::nullopt;
    }
    out.resize(static_cast<std::size_t>(dst - out.data()));
    return out;
}

std::size_t utf8_length(char lead) {
    auto const c = static_cast<unsigned char>(lead);
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

// Whether a code point is likely in a roster or report: ASCII, CJK ideographs and punctuation, full-
// width forms, general punctuation, Latin letters with the accents of pinyin and of Western names, the
// middle dot of transcribed names (买买提·艾力).
bool plausible(std::uint32_t cp) {
    if (cp < 0x80) return cp >= 0x20 || cp == '\t' || cp == '\n' || cp == '\r';
    return (cp >= 0xA0 && cp <= 0x17F) ||     // Latin-1 supplement, Latin extended-A
           (cp >= 0x1CD && cp <= 0x1DC) ||    // pinyin ǎ ǐ ǒ ǔ ǖ ǘ ǚ ǜ
           (cp >= 0x2000 && cp <= 0x206F) ||  // general punctuation
           (cp >= 0x2100 && cp <= 0x218F) ||  // letter-like symbols, Roman numerals (Ⅰ Ⅱ)
           (cp >= 0x2460 && cp <= 0x24FF) ||  // enclosed numbers ① ②
           (cp >= 0x2E80 && cp <= 0x2FDF) ||  // CJK radicals
           (cp >= 0x3000 && cp <= 0x303F) ||  // CJK punctuation
           (cp >= 0x3400 && cp <= 0x4DBF) ||  // CJK extension A
           (cp >= 0x4E00 && cp <= 0x9FFF) ||  // CJK unified ideographs
           (cp >= 0xF900 && cp <= 0xFAFF) ||  // CJK compatibility ideographs
           (cp >= 0xFE30 && cp <= 0xFE4F) ||  // CJK compatibility forms
           (cp >= 0xFF00 && cp <= 0xFFEF) ||  // full-width forms
           cp == 0xFEFF ||                    // a byte-order mark
           (cp >= 0x20000 && cp <= 0x3134F);  // CJK extensions B-G (rare names)
}

// The offset of the first implausible character of valid UTF-8 text, if any.
std::optional<std::size_t> first_implausible_utf8(std::string_view s) {
    auto const* p = reinterpret_cast<unsigned char const*>(s.data());
    for (std::size_t i = 0; i < s.size();) {
        unsigned char const c = p[i];
        std::size_t const len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        std::uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1FU) : len == 3 ? (c & 0x0FU) : (c & 0x07U);
        for (std::size_t k = 1; k < len && i + k < s.size(); ++k)
            cp = (cp << 6) | (p[i + k] & 0x3FU);
        if (!plausible(cp)) return i;
        i += len;
    }
    return std::nullopt;
}

// Whether the first line of a roster names one of its Chinese columns: proof of the encoding.
bool header_is_known(std::string_view utf8) {
    auto const first = utf8.substr(0, utf8.find('\n'));
    for (std::string_view const name : {"姓名", "性别", "民族", "出生日期", "公民身份号码", "身份证号",
                                        "所在支部", "入党日期", "转正日期", "工作单位", "联系电话"})
        if (first.find(name) != std::string_view::npos) return true;
    return false;
}

}  // namespace

std::string_view to_string(text_encoding e) noexcept {
    return e == text_encoding::utf8 ? "UTF-8" : "GB18030";
}

text_encoding parse_encoding(std::string_view name) {
    std::string n(name);
    std::transform(n.begin(), n.end(), n.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (n == "utf-8" || n == "utf8") return text_encoding::utf8;
    if (n == "gb18030" || n == "gbk" || n == "gb2312" || n == "cp936") return text_encoding::gb18030;
    throw invalid_input("encoding", "unknown encoding '" + std::string(name) + "' (use utf-8 or gb18030)");
}

std::optional<std::size_t> first_invalid_utf8(std::string_view s) noexcept {
    auto const* p = reinterpret_cast<unsigned char const*>(s.data());
    std::size_t const n = s.size();
    std::size_t i = 0;
    while (i < n) {
        unsigned char const c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = 0;
        unsigned lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            if (c == 0xE0) lo = 0xA0;  // no overlong forms
            if (c == 0xED) hi = 0x9F;  // no surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            if (c == 0xF0) lo = 0x90;
            if (c == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
        } else {
            return i;
        }
        if (i + len > n) return i;
        if (p[i + 1] < lo || p[i + 1] > hi) return i;
        for (std::size_t k = 2; k < len; ++k)
            if (p[i + k] < 0x80 || p[i + k] > 0xBF) return i;
        i += len;
    }
    return std::nullopt;
}

decoded_text decode(std::string_view bytes, std::optional<text_encoding> forced) {
    if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF"))
        throw invalid_input(
            "encoding",
            "the file is UTF-16 (Excel's \"Unicode text\"); save it as \"CSV UTF-8\" or as CSV "
            "in the system encoding (GB18030) instead");
    decoded_text out;
    if (bytes.starts_with(utf8_bom) && forced.value_or(text_encoding::utf8) == text_encoding::utf8) {
        bytes.remove_prefix(utf8_bom.size());
        out.had_bom = true;
        forced = text_encoding::utf8;
    }
    auto const bad_utf8 = first_invalid_utf8(bytes);
    if (!forced && !bad_utf8) {
        // Valid UTF-8 is not proof: GBK text is often valid UTF-8 by accident (史学平 → ʷѧƽ). Unless
        // the UTF-8 reading is plausible text, the file must say what it is.
        if (auto const odd = first_implausible_utf8(bytes)) {
            std::size_t bad = 0;
            auto const gb = convert(bytes, text_encoding::gb18030, text_encoding::utf8, bad);
            if (gb && !first_implausible_utf8(*gb) && header_is_known(*gb)) {
                out.source = text_encoding::gb18030;
                out.utf8 = std::move(*gb);
                return out;
            }
            throw invalid_input("encoding",
                                "line " + std::to_string(line_of(bytes, *odd)) +
                                    ": the file reads as UTF-8, but then holds an unlikely character ('" +
                                    std::string(bytes.substr(*odd, utf8_length(bytes[*odd]))) +
                                    "'); it may be GBK/GB18030 text: say which with --encoding gb18030 "
                                    "or --encoding utf-8");
        }
    }
    if (!forced) forced = bad_utf8 ? text_encoding::gb18030 : text_encoding::utf8;
    out.source = *forced;
    if (*forced == text_encoding::utf8) {
        if (bad_utf8)
            throw invalid_input("encoding", "line " + std::to_string(line_of(bytes, *bad_utf8)) + ": byte " +
                                                hex_byte(static_cast<unsigned char>(bytes[*bad_utf8])) +
                                                " at offset " + std::to_string(*bad_utf8) +
                                                " is not UTF-8 (try --encoding gb18030)");
        out.utf8.assign(bytes);
        return out;
    }
    std::size_t bad = 0;
    auto text = convert(bytes, text_encoding::gb18030, text_encoding::utf8, bad);
    if (!text)
        throw invalid_input("encoding", "line " + std::to_string(line_of(bytes, bad)) + ": byte " +
                                            hex_byte(static_cast<unsigned char>(bytes[bad])) + " at offset " +
                                            std::to_string(bad) + " is neither UTF-8 nor GB18030");
    out.utf8 = std::move(*text);
    return out;
}

std::string encode(std::string_view utf8, text_encoding to) {
    if (to == text_encoding::utf8) return std::string(utf8);
    std::size_t bad = 0;
    auto text = convert(utf8, text_encoding::utf8, to, bad);
    if (!text)
        throw invalid_input("encoding", "line " + std::to_string(line_of(utf8, bad)) +
                                            ": a character cannot be written in " +
                                            std::string(to_string(to)));
    return std::move(*text);
}

std::string read_file(std::filesystem::path const& path, std::size_t max_bytes) {
    std::error_code ec;
    auto const st = std::filesystem::status(path, ec);
    if (!std::filesystem::exists(st)) throw invalid_input("file", "'" + path.string() + "' does not exist");
    if (std::filesystem::is_directory(st))
        throw invalid_input("file", "'" + path.string() + "' is a directory, not a file");
    auto const too_large = [&] {
        return invalid_input("file", "'" + path.string() + "' is larger than " +
                                         std::to_string(max_bytes >> 20) +
                                         " MiB, the most one import reads " +
                                         "(docs/reliability.md); split it into several files");
    };
    // The size, when the file has one, refuses a large file before reading it; a device or pipe
    // (no size) is read in chunks up to the cap.
    if (std::filesystem::is_regular_file(st)) {
        auto const size = std::filesystem::file_size(path, ec);
        if (!ec && size > max_bytes) throw too_large();
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) throw invalid_input("file", "cannot open '" + path.string() + "' for reading");
    std::string out;
    std::array<char, 1 << 16> chunk;
    while (in) {
        in.read(chunk.data(), chunk.size());
        auto const n = static_cast<std::size_t>(in.gcount());
        if (out.size() + n > max_bytes) throw too_large();
        out.append(chunk.data(), n);
    }
    if (in.bad()) throw invalid_input("file", "cannot read '" + path.string() + "'");
    return out;
}

}  // namespace dangyuan::io
