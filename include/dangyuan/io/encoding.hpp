#pragma once
/// \file
/// Text encodings of roster files: UTF-8 (with or without a byte-order mark) and GB18030, the superset
/// of GBK and GB2312 that spreadsheet programs on Chinese-language systems write by default.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace dangyuan::io {

/// The encodings a roster file may be read from or written in.
enum class text_encoding {
    utf8,     ///< UTF-8; a leading byte-order mark is accepted on input
    gb18030,  ///< GB 18030-2005 (covers GBK and GB2312)
};

/// `"UTF-8"` or `"GB18030"`.
[[nodiscard]] std::string_view to_string(text_encoding e) noexcept;

/// Parses an encoding name: `utf-8`, `utf8`, `gb18030`, `gbk`, `gb2312`, `cp936` (any ASCII case).
/// GBK and GB2312 are read as GB18030, which contains them.
/// \throws invalid_input{"encoding"} naming the value.
[[nodiscard]] text_encoding parse_encoding(std::string_view name);

/// Text decoded to UTF-8, with where it came from.
struct decoded_text {
    std::string utf8;        ///< the text, without a byte-order mark
    text_encoding source{};  ///< the encoding it was read in
    bool had_bom = false;    ///< a UTF-8 byte-order mark was removed
};

/// The byte offset of the first byte that is not part of well-formed UTF-8, or nothing when `bytes` is
/// entirely well formed (overlong forms, surrogates and code points above U+10FFFF are ill formed).
[[nodiscard]] std::optional<std::size_t> first_invalid_utf8(std::string_view bytes) noexcept;

/// Decodes a file's bytes. With `forced`, that encoding is used; otherwise a UTF-8 byte-order mark or
/// well-formed UTF-8 means UTF-8, and anything else is tried as GB18030.
/// \throws invalid_input{"encoding"} naming the line and byte offset of the first byte that cannot be
///         decoded, and for UTF-16 files (byte-order mark FF FE / FE FF) saying how to re-save them.
[[nodiscard]] decoded_text decode(std::string_view bytes, std::optional<text_encoding> forced = std::nullopt);

/// Converts UTF-8 text to `to`.
/// \throws invalid_input{"encoding"} when a character has no representation in `to`.
[[nodiscard]] std::string encode(std::string_view utf8, text_encoding to);

/// The largest file `read_file` reads by default: 512 MiB, about two million roster rows.
inline constexpr std::size_t max_import_bytes = std::size_t{512} << 20;

/// Reads a whole file, at most `max_bytes` of it: a larger file (or an endless one, /dev/zero) is
/// refused after reading `max_bytes + 1` bytes, before memory runs out.
/// \throws invalid_input{"file"} naming the path when it is missing, a directory, cannot be read or is
///         larger than `max_bytes`.
[[nodiscard]] std::string read_file(std::filesystem::path const& path,
                                    std::size_t max_bytes = max_import_bytes);

}  // namespace dangyuan::io
