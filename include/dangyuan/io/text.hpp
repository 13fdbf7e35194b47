#pragma once
/// \file
/// UTF-8 text helpers for terminal output and field cleaning.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace dangyuan::io {

/// The number of terminal columns `utf8` occupies: East Asian wide and full-width characters (汉字,
/// full-width punctuation) count 2, combining marks and format characters 0, everything else 1
/// (Unicode East Asian Width, UAX #11, "ambiguous" taken as narrow). Ill-formed bytes count 1 each.
[[nodiscard]] std::size_t display_width(std::string_view utf8);

/// `utf8` followed by spaces up to `width` display columns (unchanged when already as wide).
[[nodiscard]] std::string pad_right(std::string_view utf8, std::size_t width);
/// Spaces up to `width` display columns, then `utf8`.
[[nodiscard]] std::string pad_left(std::string_view utf8, std::size_t width);

/// `utf8` broken into lines of at most `width` display columns, for a terminal: lines break at spaces
/// (the spaces at a break are dropped) and between two characters when either is wide (汉字), but not
/// before closing or after opening punctuation (，。：；）」 …); a run without a break longer than
/// `width` is cut between characters. Never splits a UTF-8 sequence. An empty text gives one empty
/// line; `width` 0 means no limit (one line).
[[nodiscard]] std::vector<std::string> wrap_text(std::string_view utf8, std::size_t width);

/// `utf8` unchanged when it fits in `width` display columns, else its longest prefix (whole
/// characters) that fits in `width - 1` followed by the marker "…" (one column).
[[nodiscard]] std::string cut_text(std::string_view utf8, std::size_t width);

/// Removes leading and trailing blanks: ASCII space, tab, CR, LF, the ideographic space U+3000 and the
/// no-break space U+00A0 (both common in spreadsheets typed with Chinese input methods).
[[nodiscard]] std::string_view trim(std::string_view s) noexcept;

/// ASCII lower case (other bytes unchanged).
[[nodiscard]] std::string ascii_lower(std::string_view s);

}  // namespace dangyuan::io
