// Text columns to object arrays of str: decoding in worker threads, allocation under the GIL.
//
// Measured on a roster of a million members (seven text columns, names and addresses in Chinese):
// PyUnicode_DecodeUTF8 per cell took 0.5 s with the GIL held; decoding here takes about as long in
// total but runs on other cores while the GIL holder allocates the strs of the previous column,
// which takes 0.27 s.

#include "text_cells.hpp"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstring>
#include <exception>
#include <future>
#include <limits>
#include <stdexcept>
#include <string_view>
#include <thread>
#include <unordered_map>

namespace dangyuan::python {
namespace {

// How a cell becomes an object.
enum class how : std::uint8_t {
    ascii,    // PEP 393 compact ASCII: one byte per character, all below 0x80
    latin1,   // one byte per character, at least one of 0x80-0xFF
    ucs2,     // two bytes per character, at least one above 0xFF
    ucs4,     // four bytes per character, at least one above 0xFFFF
    decode,   // not strict UTF-8: PyUnicode_DecodeUTF8(..., "replace") with the GIL
    none,     // None
    same_as,  // the object of an earlier row (plan::same)
};

// A column decoded, ready for allocation.
struct plan {
    std::vector<how> hows;              // per row
    std::vector<std::int64_t> offsets;  // rows + 1 offsets into data, in bytes
    std::vector<std::uint32_t> same;    // per row, when repeated: the first row with the same value
    std::vector<char> data;             // the characters of every row, in their PEP 393 width
};

constexpr bool continuation(unsigned c) noexcept {
    return (c & 0xC0U) == 0x80U;
}

// The representation of `s` and its number of characters, or how::decode when `s` is not strict
// UTF-8 (overlong forms, surrogates and code points above U+10FFFF included).
how classify(std::string_view s, std::size_t& chars) noexcept {
    auto const* p = reinterpret_cast<unsigned char const*>(s.data());
    auto const* const e = p + s.size();
    std::uint32_t widest = 0;
    std::size_t n = 0;
    while (p < e) {
        unsigned const c = *p;
        std::uint32_t cp = 0;
        if (c < 0x80U) {
            ++p;
            ++n;
            continue;
        }
        if (c < 0xC2U) return how::decode;
        if (c < 0xE0U) {
            if (e - p < 2 || !continuation(p[1])) return how::decode;
            cp = ((c & 0x1FU) << 6) | (p[1] & 0x3FU);
            p += 2;
        } else if (c < 0xF0U) {
            if (e - p < 3) return how::decode;
            unsigned const c1 = p[1];
            bool const ok1 = c == 0xE0U   ? (c1 >= 0xA0U && c1 <= 0xBFU)
                             : c == 0xEDU ? (c1 >= 0x80U && c1 <= 0x9FU)  // no surrogates
                                          : continuation(c1);
            if (!ok1 || !continuation(p[2])) return how::decode;
            cp = ((c & 0x0FU) << 12) | ((c1 & 0x3FU) << 6) | (p[2] & 0x3FU);
            p += 3;
        } else if (c < 0xF5U) {
            if (e - p < 4) return how::decode;
            unsigned const c1 = p[1];
            bool const ok1 = c == 0xF0U   ? (c1 >= 0x90U && c1 <= 0xBFU)
                             : c == 0xF4U ? (c1 >= 0x80U && c1 <= 0x8FU)  // nothing above U+10FFFF
                                          : continuation(c1);
            if (!ok1 || !continuation(p[2]) || !continuation(p[3])) return how::decode;
            cp = ((c & 0x07U) << 18) | ((c1 & 0x3FU) << 12) | ((p[2] & 0x3FU) << 6) | (p[3] & 0x3FU);
            p += 4;
        } else {
            return how::decode;
        }
        widest = std::max(widest, cp);
        ++n;
    }
    chars = n;
    if (widest < 0x80U) return how::ascii;
    if (widest < 0x100U) return how::latin1;
    return widest < 0x10000U ? how::ucs2 : how::ucs4;
}

// Writes the characters of `s` (strict UTF-8, checked by classify) as `Char`s.
template <class Char>
void write_chars(std::string_view s, char* out) noexcept {
    auto const* p = reinterpret_cast<unsigned char const*>(s.data());
    auto const* const e = p + s.size();
    for (; p < e; out += sizeof(Char)) {
        unsigned const c = *p;
        std::uint32_t cp = 0;
        if (c < 0x80U) {
            cp = c;
            p += 1;
        } else if (c < 0xE0U) {
            cp = ((c & 0x1FU) << 6) | (p[1] & 0x3FU);
            p += 2;
        } else if (c < 0xF0U) {
            cp = ((c & 0x0FU) << 12) | ((p[1] & 0x3FU) << 6) | (p[2] & 0x3FU);
            p += 3;
        } else {
            cp = ((c & 0x07U) << 18) | ((p[1] & 0x3FU) << 12) | ((p[2] & 0x3FU) << 6) | (p[3] & 0x3FU);
            p += 4;
        }
        auto const ch = static_cast<Char>(cp);
        std::memcpy(out, &ch, sizeof ch);
    }
}

std::size_t width(how h) noexcept {
    switch (h) {
        case how::ucs2:
            return 2;
        case how::ucs4:
            return 4;
        default:
            return 1;
    }
}

plan make_plan(text_source const& src) {
    std::size_t rows = 0, bytes = 0;
    for (auto const* part : src.parts) {
        rows += part->size();
        bytes += part->data().size();
    }
    if (rows >= std::numeric_limits<std::uint32_t>::max())
        throw std::length_error("a text column of more than 2^32 - 1 rows");
    plan pl;
    pl.hows.resize(rows);
    pl.offsets.resize(rows + 1);
    if (src.repeated) pl.same.resize(rows);
    // Chinese text takes two bytes per character here against three in UTF-8, but the ASCII digits
    // of an address in the same string take two instead of one: the buffer grows when it must.
    pl.data.resize(bytes + bytes / 4 + 64);
    std::unordered_map<std::string_view, std::uint32_t> first;  // repeated columns: value -> row
    std::int64_t at = 0;
    std::size_t row = 0;
    for (auto const* part : src.parts) {
        for (std::size_t i = 0; i < part->size(); ++i, ++row) {
            pl.offsets[row] = at;
            auto const v = (*part)[i];
            if (src.none_when_empty && v.empty()) {
                pl.hows[row] = how::none;
                continue;
            }
            if (src.repeated) {
                auto const [it, fresh] = first.try_emplace(v, static_cast<std::uint32_t>(row));
                if (!fresh) {
                    pl.hows[row] = how::same_as;
                    pl.same[row] = it->second;
                    continue;
                }
            }
            std::size_t chars = 0;
            auto const h = classify(v, chars);
            pl.hows[row] = h;
            if (h == how::decode) continue;  // from the source, with the GIL
            auto const need = static_cast<std::size_t>(at) + chars * width(h);
            if (need > pl.data.size()) pl.data.resize(std::max(need, pl.data.size() * 2));
            char* const out = pl.data.data() + at;
            switch (h) {
                case how::ascii:
                    if (!v.empty()) std::memcpy(out, v.data(), v.size());  // an empty view may be null
                    break;
                case how::latin1:
                    write_chars<std::uint8_t>(v, out);
                    break;
                case how::ucs2:
                    write_chars<std::uint16_t>(v, out);
                    break;
                default:
                    write_chars<std::uint32_t>(v, out);
            }
            at += static_cast<std::int64_t>(chars * width(h));
        }
    }
    pl.offsets[rows] = at;
    return pl;
}

[[noreturn]] void python_failed() {
    throw py::error_already_set();
}

// The array of one column from its plan; with the GIL.
py::array build(text_source const& src, plan const& pl) {
    auto const rows = pl.hows.size();
    py::array a(py::dtype("O"), std::vector<py::ssize_t>{static_cast<py::ssize_t>(rows)});
    auto** const cells = static_cast<PyObject**>(a.mutable_data());  // None in every cell
    std::size_t row = 0;
    for (auto const* part : src.parts) {
        for (std::size_t i = 0; i < part->size(); ++i, ++row) {
            PyObject* cell = nullptr;
            auto const from = pl.offsets[row];
            auto const bytes = static_cast<std::size_t>(pl.offsets[row + 1] - from);
            auto const h = pl.hows[row];
            switch (h) {
                case how::none:
                    cell = Py_None;
                    Py_INCREF(cell);
                    break;
                case how::same_as:
                    cell = cells[pl.same[row]];
                    Py_INCREF(cell);
                    break;
                case how::decode: {
                    auto const v = (*part)[i];
                    cell = PyUnicode_DecodeUTF8(v.data(), static_cast<Py_ssize_t>(v.size()), "replace");
                    break;
                }
                default: {
                    constexpr Py_UCS4 widest[] = {0x7F, 0xFF, 0xFFFF, 0x10FFFF};  // by how
                    auto const w = width(h);
                    cell = PyUnicode_New(static_cast<Py_ssize_t>(bytes / w), widest[static_cast<int>(h)]);
                    if (cell != nullptr) std::memcpy(PyUnicode_DATA(cell), pl.data.data() + from, bytes);
                }
            }
            if (cell == nullptr) python_failed();
            Py_XDECREF(cells[row]);
            cells[row] = cell;
        }
    }
    return a;
}

}  // namespace

std::vector<py::array> text_arrays(std::vector<text_source> const& columns) {
    auto const n = columns.size();
    std::vector<plan> plans(n);
    std::vector<std::promise<void>> done(n);
    std::vector<std::future<void>> ready;
    for (auto& d : done)
        ready.push_back(d.get_future());
    std::atomic<std::size_t> next{0};
    auto const work = [&] {
        for (std::size_t k; (k = next.fetch_add(1)) < n;) {
            try {
                plans[k] = make_plan(columns[k]);
                done[k].set_value();
            } catch (...) {
                done[k].set_exception(std::current_exception());
            }
        }
    };
    auto const workers = std::min<std::size_t>(n, std::clamp(std::thread::hardware_concurrency(), 1U, 4U));
    std::vector<py::array> out;
    out.reserve(n);
    {
        // Joined before `plans` goes away, also when building an array fails.
        std::vector<std::jthread> threads;
        for (std::size_t w = 0; w < workers; ++w)
            threads.emplace_back(work);
        for (std::size_t k = 0; k < n; ++k) {
            {
                py::gil_scoped_release release;
                ready[k].wait();
            }
            ready[k].get();  // rethrows a worker's failure
            out.push_back(build(columns[k], plans[k]));
            plans[k] = plan{};
        }
    }
    return out;
}

}  // namespace dangyuan::python
