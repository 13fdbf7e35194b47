#pragma once
/// \file
/// A columnar roster (placeholder until the columnar loader lands).

#include "dangyuan/storage/store.hpp"
