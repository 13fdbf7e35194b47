#pragma once
/// \file
/// Helpers for an aggregate's records written as one `std::variant` of per-kind structs (the record
/// convention of docs/design.md): the stable index of a kind, and the date every kind carries.

#include <cstddef>
#include <type_traits>
#include <variant>

namespace dangyuan {

namespace detail {
template <class T, class... Ts>
constexpr std::size_t index_in(std::variant<Ts...> const*) noexcept {
    constexpr bool match[] = {std::is_same_v<T, Ts>...};
    for (std::size_t i = 0; i < sizeof...(Ts); ++i)
        if (match[i]) return i;
    return sizeof...(Ts);
}
}  // namespace detail

/// The variant index of record kind `T` in the record variant `V`; a kind that `V` does not hold does
/// not compile.
template <class T, class V>
inline constexpr std::size_t record_index = [] {
    constexpr std::size_t i = detail::index_in<T>(static_cast<V const*>(nullptr));
    static_assert(i < std::variant_size_v<V>, "not a record kind of this variant");
    return i;
}();

/// The date of a record: every per-kind struct has a `date` member.
template <class V>
[[nodiscard]] constexpr auto date_of(V const& r) noexcept {
    return std::visit([](auto const& x) { return x.date; }, r);
}

}  // namespace dangyuan
