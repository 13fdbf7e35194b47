#pragma once
/// \file
/// Orders of Chinese names for name lists (名单): by the strokes of the surname (按姓氏笔画排序, the
/// convention of official name lists) or by pinyin, through ICU's Chinese collations.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace dangyuan::io {

/// How name lists are ordered.
enum class name_order {
    stroke,  ///< by stroke count of each character, surname first (ICU "zh@collation=stroke")
    pinyin,  ///< by pinyin (ICU "zh@collation=pinyin")
    id,      ///< by member id (the order members were entered)
};

/// Parses `stroke` / `笔画`, `pinyin` / `拼音`, `id`.
/// \throws invalid_input{"sort"} naming the value.
[[nodiscard]] name_order parse_name_order(std::string_view s);

/// A Chinese collator for one order. Not for `name_order::id`.
class name_collator {
public:
    /// \throws invalid_input{"sort"} when ICU has no data for the collation.
    explicit name_collator(name_order order);
    ~name_collator();
    name_collator(name_collator&&) noexcept;
    name_collator& operator=(name_collator&&) noexcept;

    /// A binary sort key: comparing keys with `<` orders the names.
    [[nodiscard]] std::string sort_key(std::string_view utf8) const;

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

/// The permutation that orders `names` (stable: equal names keep their input order).
[[nodiscard]] std::vector<std::size_t> sorted_order(std::vector<std::string> const& names, name_order order);

}  // namespace dangyuan::io
