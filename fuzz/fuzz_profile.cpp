// libFuzzer target: the text form of a rule set (`rule_set_from_text`, how local profiles are stored).
// Properties: only invalid_input escapes; an accepted text prints with `to_text` as a text that parses
// back to the same rule set.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "dangyuan/core/errors.hpp"
#include "dangyuan/rules/profile.hpp"
#include "fuzz_support.hpp"

using dangyuan::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    auto const text = dangyuan::fuzz::text_of(data, size);
    try {
        auto const r = dangyuan::rule_set_from_text(text);
        auto const printed = dangyuan::to_text(r);
        // A name holding a line break cannot be printed back as one line; the format does not promise it.
        if (r.name.find_first_of("\r\n") == std::string::npos)
            require(dangyuan::rule_set_from_text(printed) == r);
        try {
            dangyuan::check_tightens(dangyuan::rule_set::national_2014(), r);
        } catch (dangyuan::rule_violation const&) {
        }
    } catch (dangyuan::invalid_input const& e) {
        (void)e.what();
    }
    return 0;
}
