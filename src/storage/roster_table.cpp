// Columnar roster loading (placeholder).
#include "impl.hpp"
