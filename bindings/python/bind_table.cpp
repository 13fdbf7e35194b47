// dangyuan.Table: the base of every bulk result (Roster, Agenda, AuditLog, OrgTable …). The C++ side
// gives the length and the columns as numpy arrays; dangyuan/__init__.py adds to_numpy() and
// to_pandas() on top of _columns(), so that pandas stays an optional import.

#include <string>

#include "table.hpp"

namespace dangyuan::python {

void bind_table(py::module_& m) {
    py::class_<table_base>(m, "Table",
                           "A bulk query result kept in C++: len(t), t[i] and iteration give records; "
                           "t.to_numpy() and t.to_pandas() give columns.")
        .def("__len__", &table_base::size)
        .def_property_readonly("columns", &table_base::column_names, "The column names, in order.")
        .def("_columns", &table_base::columns,
             "The columns as (name, kind, values, extra) tuples; see to_numpy() for the public form.")
        .def("__repr__", [](table_base const& t) {
            return "<dangyuan." + std::string(t.python_name()) + " with " + std::to_string(t.size()) +
                   " rows>";
        });
}

}  // namespace dangyuan::python
