// libFuzzer target: `parse_date` of core/calendar.hpp, the one date parser of outside input — the
// roster's date columns (src/io/roster.cpp) and every date option of the command go through it.
// Properties: only invalid_input escapes, naming the field; an accepted date is a calendar date whose
// ISO form parses back to it.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "dangyuan/core/calendar.hpp"
#include "dangyuan/core/errors.hpp"
#include "fuzz_support.hpp"

using dangyuan::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    auto const text = dangyuan::fuzz::text_of(data, size);
    try {
        auto const d = dangyuan::parse_date(text, "birth_date");
        date::year_month_day const ymd{d};
        require(ymd.ok());
        auto const iso = date::format("%Y-%m-%d", d);
        require(dangyuan::parse_date(iso, "birth_date") == d);
    } catch (dangyuan::invalid_input const& e) {
        require(e.field() == "birth_date");
    }
    return 0;
}
