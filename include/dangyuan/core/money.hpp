#pragma once
/// \file
/// Money: an exact integer number of fen (分, 0.01 yuan) — no floating point anywhere — and its
/// text form in yuan with two decimals ("3000.01").

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

#include "dangyuan/core/errors.hpp"

namespace dangyuan {

/// An exact amount of money in fen (分, 0.01 yuan).
class fen {
public:
    using rep = std::int64_t;

    constexpr fen() noexcept = default;
    constexpr explicit fen(rep value) noexcept : value_(value) {}
    /// Whole yuan: `fen::yuan(3000)` is 300000 fen.
    [[nodiscard]] static constexpr fen yuan(rep y) noexcept { return fen(y * 100); }

    /// The amount in fen.
    [[nodiscard]] constexpr rep value() const noexcept { return value_; }

    friend constexpr fen operator+(fen a, fen b) noexcept { return fen(a.value_ + b.value_); }
    friend constexpr fen operator-(fen a, fen b) noexcept { return fen(a.value_ - b.value_); }
    constexpr fen& operator+=(fen b) noexcept {
        value_ += b.value_;
        return *this;
    }
    friend constexpr bool operator==(fen, fen) noexcept = default;
    friend constexpr auto operator<=>(fen, fen) noexcept = default;

private:
    rep value_ = 0;
};

/// "3000.01", "0.20", "-1.50": yuan with two decimals.
[[nodiscard]] inline std::string format_yuan(fen f) {
    auto v = f.value();
    std::string out = v < 0 ? "-" : "";
    if (v < 0) v = -v;
    out += std::to_string(v / 100) + ".";
    out += char('0' + v % 100 / 10);
    out += char('0' + v % 10);
    return out;
}

inline std::ostream& operator<<(std::ostream& os, fen f) {
    return os << format_yuan(f);
}

/// Parses an amount of yuan written "3000", "3000.1" or "3000.01" into fen.
/// \throws invalid_input{field} naming the text for anything else (signs, three decimals, junk).
[[nodiscard]] inline fen parse_yuan(std::string_view s, std::string_view field = "amount") {
    auto const fail = [&] {
        return invalid_input(std::string(field),
                             "'" + std::string(s) + "' is not an amount of yuan (e.g. 3000.01)");
    };
    std::size_t pos = 0;
    fen::rep whole = 0;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
        whole = whole * 10 + (s[pos++] - '0');
        if (whole > 100000000000LL) throw fail();
    }
    if (pos == 0) throw fail();
    fen::rep cents = 0;
    if (pos < s.size()) {
        if (s[pos++] != '.') throw fail();
        std::size_t const digits = s.size() - pos;
        if (digits < 1 || digits > 2) throw fail();
        for (std::size_t i = 0; i < 2; ++i) {
            char const c = i < digits ? s[pos + i] : '0';
            if (c < '0' || c > '9') throw fail();
            cents = cents * 10 + (c - '0');
        }
    }
    return fen(whole * 100 + cents);
}

}  // namespace dangyuan
