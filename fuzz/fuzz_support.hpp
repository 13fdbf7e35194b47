#pragma once
// What the libFuzzer targets share: a broken property aborts (a crash the fuzzer keeps, with its input),
// the input as text, and dates written as numbers.

#include <date/date.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace dangyuan::fuzz {

/// Aborts when a property does not hold.
inline void require(bool ok) {
    if (!ok) std::abort();
}

/// The fuzzer's bytes as text (not necessarily valid UTF-8).
inline std::string_view text_of(std::uint8_t const* data, std::size_t size) {
    return {reinterpret_cast<char const*>(data), size};
}

/// A date from its numbers.
inline date::sys_days day(int y, unsigned m, unsigned d) {
    return date::sys_days{date::year{y} / date::month{m} / date::day{d}};
}

}  // namespace dangyuan::fuzz
