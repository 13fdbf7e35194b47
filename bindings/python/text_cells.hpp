#pragma once
/// \file
/// Large text columns as numpy object arrays of `str`, built fast.
///
/// Creating one `str` per cell with `PyUnicode_DecodeUTF8` costs most of the time when a roster of a
/// million members becomes a data frame: CPython decodes each value and, for Chinese text, widens its
/// buffer as it meets the first wide character. Here the UTF-8 of each column is decoded by worker
/// threads, without the GIL, straight into the representation CPython keeps (PEP 393: one, two or
/// four bytes per character, the narrowest that holds the value); the thread holding the GIL only
/// allocates each `str` with `PyUnicode_New` and copies its characters. The result is the same as
/// decoding each value with `PyUnicode_DecodeUTF8(value, "replace")`: values that are not strict UTF-8
/// are handed to exactly that.

#include <pybind11/numpy.h>

#include <vector>

#include "common.hpp"
#include "dangyuan/storage/roster_table.hpp"

namespace dangyuan::python {

/// One text column, possibly in several consecutive parts (rows of part 0, then of part 1 …).
struct text_source {
    std::vector<text_column const*> parts;
    bool none_when_empty = false;  ///< an empty value becomes None
    bool repeated = false;         ///< equal values share one `str` (columns with few distinct values)
};

/// The object arrays of `columns`, in order. Must be called with the GIL held; releases it while it
/// waits for the worker threads (at most one per hardware thread, at most 4).
/// \throws py::error_already_set when Python runs out of memory.
[[nodiscard]] std::vector<py::array> text_arrays(std::vector<text_source> const& columns);

}  // namespace dangyuan::python
