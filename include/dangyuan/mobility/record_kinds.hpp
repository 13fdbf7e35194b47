#pragma once
/// \file
/// What the record variants of the mobility aggregates (episode, certificate, transfer letter, contact
/// log) share: each keeps its kind enum, whose rows follow the variant's alternatives, for the Chinese
/// names and the parsing of the command line.

#include <array>
#include <cstddef>
#include <iterator>
#include <string_view>

#include "dangyuan/core/enum_table.hpp"

namespace dangyuan::detail {

/// True when the rows of `enum_table<E>` follow `kinds`, the kind names of a record variant: row `i` is
/// the enumerator of value `i` and its code is `kinds[i]`. A static_assert on it makes the mapping
/// variant index ↔ enum checked at compile time.
template <class E, std::size_t N>
consteval bool kinds_follow_enum(std::array<std::string_view, N> const& kinds) {
    if (std::size(enum_table<E>::rows) != N) return false;
    for (std::size_t i = 0; i < N; ++i)
        if (enum_table<E>::rows[i].value != static_cast<E>(i) || enum_table<E>::rows[i].code != kinds[i])
            return false;
    return true;
}

}  // namespace dangyuan::detail
