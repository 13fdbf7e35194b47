// Sorting by precomputed ICU sort keys: one key per name, then plain byte comparisons, which keeps a
// name list of a million members fast.

#include "dangyuan/io/collation.hpp"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <numeric>

#include "dangyuan/core/errors.hpp"
#include "dangyuan/io/text.hpp"

namespace dangyuan::io {

name_order parse_name_order(std::string_view s) {
    auto const l = ascii_lower(s);
    if (l == "stroke" || s == "笔画") return name_order::stroke;
    if (l == "pinyin" || s == "拼音") return name_order::pinyin;
    if (l == "id") return name_order::id;
    throw invalid_input("sort", "unknown order '" + std::string(s) + "' (use stroke, pinyin or id)");
}

struct name_collator::impl {
    std::unique_ptr<icu::Collator> collator;
};

name_collator::name_collator(name_order order) : impl_(std::make_unique<impl>()) {
    UErrorCode status = U_ZERO_ERROR;
    char const* locale = order == name_order::pinyin ? "zh@collation=pinyin" : "zh@collation=stroke";
    impl_->collator.reset(icu::Collator::createInstance(icu::Locale(locale), status));
    if (U_FAILURE(status) || !impl_->collator)
        throw invalid_input(
            "sort", std::string("ICU has no collation data for ") + locale + ": " + u_errorName(status));
}

name_collator::~name_collator() = default;
name_collator::name_collator(name_collator&&) noexcept = default;
name_collator& name_collator::operator=(name_collator&&) noexcept = default;

std::string name_collator::sort_key(std::string_view utf8) const {
    auto const text =
        icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    std::string key(64, '\0');
    auto n = impl_->collator->getSortKey(text, reinterpret_cast<uint8_t*>(key.data()),
                                         static_cast<int32_t>(key.size()));
    if (n > static_cast<int32_t>(key.size())) {
        key.resize(static_cast<std::size_t>(n));
        n = impl_->collator->getSortKey(text, reinterpret_cast<uint8_t*>(key.data()), n);
    }
    key.resize(n > 0 ? static_cast<std::size_t>(n - 1) : 0);  // drop the terminating zero byte
    return key;
}

std::vector<std::size_t> sorted_order(std::vector<std::string> const& names, name_order order) {
    std::vector<std::size_t> idx(names.size());
    std::iota(idx.begin(), idx.end(), std::size_t{0});
    if (order == name_order::id) return idx;
    name_collator const coll(order);
    std::vector<std::string> keys;
    keys.reserve(names.size());
    for (auto const& n : names)
        keys.push_back(coll.sort_key(n));
    std::stable_sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
    return idx;
}

}  // namespace dangyuan::io
