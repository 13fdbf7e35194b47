// libFuzzer target: the citizen ID-number parser (公民身份号码, GB 11643) on arbitrary bytes.
// Properties: the three entry points agree, an accepted number round-trips through its 18-character
// form, and its accessors stay within the value.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "dangyuan/core/id_number.hpp"
#include "fuzz_support.hpp"

using dangyuan::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    using dangyuan::citizen_id;
    auto const text = dangyuan::fuzz::text_of(data, size);
    dangyuan::id_number_error why{};
    auto const tried = citizen_id::try_parse(text, &why);
    require(citizen_id::is_valid(text) == tried.has_value());
    try {
        auto const id = citizen_id::parse(text);
        require(tried.has_value() && *tried == id);
        require(id.str().size() == 18);
        require(citizen_id::parse(id.str()) == id);
        require(id.masked().size() == 18);
        require(id.address_code().size() == 6 && id.sequence_code().size() == 3);
        require(id.check_character() == id.str().back());
        (void)id.province_name();
        (void)id.sex_of();
        (void)id.birth_date();
    } catch (dangyuan::invalid_input const& e) {
        require(!tried.has_value());
        (void)e.what();
    }
    return 0;
}
