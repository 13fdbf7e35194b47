// The compiled module dangyuan._dangyuan; the package dangyuan (dangyuan/__init__.py) re-exports it.

#include "common.hpp"
#include "dangyuan/version.hpp"

// The concepts, in registration order: a type is registered before any signature or default value
// mentions it. A concept is added with one line here, one bind_<concept>.cpp (listed in CMakeLists.txt)
// and tests/python/test_<concept>.py; domains go after `store` so that they can add methods to Store
// with existing_class (see bind_standing.cpp).
// clang-format off
#define DANGYUAN_PYTHON_CONCEPTS(X) \
    X(errors)                       \
    X(ids)                          \
    X(table)                        \
    X(calendar)                     \
    X(codes)                        \
    X(id_number)                    \
    X(work_calendar)                \
    X(catalogue)                    \
    X(rule_set)                     \
    X(vote)                         \
    X(agenda)                       \
    X(org)                          \
    X(member)                       \
    X(audit)                        \
    X(access)                       \
    X(store)                        \
    X(standing)                     \
    X(development)                  \
    X(mobility)                     \
    X(evaluation)                   \
    X(life)                         \
    X(election)                     \
    X(decision)                     \
    X(community)                    \
    X(appraisal)                    \
    X(commendation)                 \
    X(rectification)                \
    X(coverage)                     \
    X(statistics)
// clang-format on

namespace dangyuan::python {
#define DANGYUAN_DECLARE(name) void bind_##name(py::module_& m);
DANGYUAN_PYTHON_CONCEPTS(DANGYUAN_DECLARE)
#undef DANGYUAN_DECLARE
}  // namespace dangyuan::python

PYBIND11_MODULE(_dangyuan, m) {
    m.doc() =
        "dangyuan: the rules of party-member education and management (党员教育管理), a SQLite store and "
        "the agenda. Import the package `dangyuan`, not this module.";
    m.attr("__version__") = dangyuan::version_string;
    dangyuan::python::init_date_conversions();
#define DANGYUAN_BIND(name) dangyuan::python::bind_##name(m);
    DANGYUAN_PYTHON_CONCEPTS(DANGYUAN_BIND)
#undef DANGYUAN_BIND
}
