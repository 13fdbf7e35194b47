#pragma once
// The sample district's random numbers: a fully specified generator, so that the same seed gives the
// same district on every platform. Internal to the generator.

#include <date/date.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "dangyuan/core/codes.hpp"
#include "sample/names.hpp"

namespace dangyuan::sample::detail {

// xoshiro256** (Blackman and Vigna) seeded through splitmix64: fully specified, so the same seed gives
// the same district everywhere.
class rng {
public:
    explicit rng(std::uint64_t seed) {
        for (auto& w : s_) {
            seed += 0x9E3779B97F4A7C15ULL;
            std::uint64_t z = seed;
            z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
            z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
            w = z ^ (z >> 31U);
        }
    }
    std::uint64_t next() noexcept {
        auto const result = rotl(s_[1] * 5, 7) * 9;
        auto const t = s_[1] << 17U;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }
    /// Uniform in [0, n), without modulo bias.
    std::uint64_t below(std::uint64_t n) noexcept {
        if (n <= 1) return 0;
        std::uint64_t const threshold = (0 - n) % n;
        for (;;) {
            auto const r = next();
            if (r >= threshold) return r % n;
        }
    }
    int between(int lo, int hi) noexcept {
        return hi <= lo ? lo : lo + static_cast<int>(below(static_cast<std::uint64_t>(hi - lo) + 1));
    }
    double unit() noexcept { return static_cast<double>(next() >> 11U) * 0x1.0p-53; }
    bool chance(double p) noexcept { return unit() < p; }
    /// Triangular distribution on [lo, hi] with the given mode, rounded down.
    int triangular(int lo, int mode, int hi) noexcept {
        if (hi <= lo) return lo;
        double const u = unit(), a = lo, b = hi + 1.0, c = std::clamp<double>(mode, lo, hi);
        double const x = u < (c - a) / (b - a) ? a + std::sqrt(u * (b - a) * (c - a))
                                               : b - std::sqrt((1 - u) * (b - a) * (b - c));
        return std::clamp(static_cast<int>(x), lo, hi);
    }
    template <class A>
    auto const& pick(A const& a) noexcept {
        return a[below(a.size())];
    }
    std::string_view pick(std::span<weighted const> a) noexcept {
        double total = 0;
        for (auto const& w : a)
            total += w.weight;
        double r = unit() * total;
        for (auto const& w : a) {
            if (r < w.weight) return w.text;
            r -= w.weight;
        }
        return a.back().text;
    }
    date::sys_days date_between(date::sys_days lo, date::sys_days hi) noexcept {
        if (hi <= lo) return lo;
        return lo + date::days{static_cast<int>(below(static_cast<std::uint64_t>((hi - lo).count()) + 1))};
    }

private:
    static std::uint64_t rotl(std::uint64_t x, unsigned k) noexcept { return (x << k) | (x >> (64U - k)); }
    std::uint64_t s_[4]{};
};

// A name fitting the person's sex and generation.
inline std::string draw_name(rng& r, sex s, int birth_year) {
    std::string name(r.pick(std::span<weighted const>(surnames)));
    bool const female = s == sex::female;
    if (birth_year < 1966)
        name += female ? r.pick(female_old) : r.pick(male_old);
    else if (birth_year < 1986)
        name += female ? r.pick(female_mid) : r.pick(male_mid);
    else
        name += female ? r.pick(female_young) : r.pick(male_young);
    return name;
}

inline std::string digits(rng& r, int n) {
    std::string s;
    for (int i = 0; i < n; ++i)
        s += static_cast<char>('0' + r.below(10));
    return s;
}

}  // namespace dangyuan::sample::detail
