// The rule catalogue (rules/catalogue.hpp): every rule with its id and citation.

#include <string>

#include "common.hpp"
#include "enums.hpp"
#include "table.hpp"

namespace dangyuan::python {

template <>
struct table_spec<rule_info> {
    static constexpr char const* python_name = "RuleCatalogue";
    static void columns(column_builder<rule_info>& b) {
        b.text("id", [](rule_info const& r) { return r.id; });
        b.text(
            "document", [](rule_info const& r) { return r.document; }, true);
        b.text(
            "article", [](rule_info const& r) { return r.article; }, true);
        b.category<confidence>("confidence", [](rule_info const& r) { return r.tag; });
        b.text("summary", [](rule_info const& r) { return r.summary; });
    }
};

void bind_catalogue(py::module_& m) {
    bind_enum<confidence>(m, "How firmly a rule is established; .code is the tag as written ('[C]').")
        .def_property_readonly(
            "tag", [](confidence c) { return std::string(tag(c)); },
            "The tag as written in the catalogue, '[C]'.");

    py::class_<rule_info>(m, "RuleInfo", "One rule of the catalogue.")
        .def_property_readonly(
            "id", [](rule_info const& r) { return std::string(r.id); }, "The stable id, <domain>.<name>.")
        .def_property_readonly(
            "document", [](rule_info const& r) { return std::string(r.document); }, "The source document.")
        .def_property_readonly(
            "article", [](rule_info const& r) { return std::string(r.article); },
            "Article or section, '' if none.")
        .def_property_readonly(
            "confidence", [](rule_info const& r) { return r.tag; }, "The confidence of the citation.")
        .def_property_readonly(
            "summary", [](rule_info const& r) { return std::string(r.summary); },
            "The rule in one English line.")
        .def_property_readonly(
            "citation", [](rule_info const& r) { return citation(r); }, "'document article [tag]'.")
        .def(
            "__eq__", [](rule_info const& a, rule_info const& b) { return a.id == b.id; }, py::is_operator())
        .def("__hash__", [](rule_info const& r) { return py::hash(py::str(std::string(r.id))); })
        .def("__repr__", [](rule_info const& r) {
            return "RuleInfo(" + py::repr(py::str(std::string(r.id))).cast<std::string>() + ", " +
                   py::repr(py::str(citation(r))).cast<std::string>() + ")";
        });

    register_table<rule_info>(
        m, "The rule catalogue, one row per rule: id, document, article, confidence, summary.");

    m.def(
        "rule_catalogue",
        [] {
            auto const rules = dangyuan::rule_catalogue();
            return record_table<rule_info>(std::vector<rule_info>(rules.begin(), rules.end()));
        },
        "Every rule the library knows, in catalogue order (a table: to_pandas() for a frame).");
    m.def(
        "find_rule", [](std::string_view id) { return find_rule(id); }, py::arg("rule_id"),
        "The rule with this id. Raises NotFound for an unknown id.");
}

}  // namespace dangyuan::python
