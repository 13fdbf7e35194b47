// Rule sets (rules/rule_set.hpp): every number the rules use, as data. Attributes are read and
// written in place (rules.development is the RuleSet's own block, not a copy).
//
// A domain that adds fields to its parameter block binds them from its own file:
//   existing_class<development_params>(m, "DevelopmentParams").def_readwrite("x", &development_params::x);

#include <string>

#include "common.hpp"
#include "dangyuan/rules/rule_set.hpp"

namespace dangyuan::python {

namespace {

// The scalar fields of rule_set, in declaration order.
// clang-format off
#define DANGYUAN_RULE_SET_FIELDS(X)      \
    X(name)                              \
    X(branch_min_full_members)           \
    X(branch_max_members_advisory)       \
    X(committee_threshold_full_members)  \
    X(committee_min_size)                \
    X(committee_max_size)                \
    X(term_years_branch)                 \
    X(term_years_village_branch)         \
    X(term_years_committee_min)          \
    X(term_years_committee_max)          \
    X(term_expiry_notice_months)         \
    X(party_age_excludes_suspension)
// clang-format on

#define DANGYUAN_NAME(field) #field,
constexpr char const* rule_set_fields[] = {DANGYUAN_RULE_SET_FIELDS(DANGYUAN_NAME)};
#undef DANGYUAN_NAME

constexpr char const* rule_set_blocks[] = {"development",   "mobility",  "evaluation", "life",
                                           "decision",      "community", "honours",    "appraisal",
                                           "rectification", "coverage"};

// Sets attributes from keyword arguments on a fresh Python object, so that unknown names raise
// AttributeError and values go through the same conversions as attribute assignment.
template <class T>
T from_kwargs(py::kwargs const& kw) {
    py::object obj = py::cast(T{});
    for (auto item : kw)
        py::setattr(obj, item.first, item.second);
    return obj.cast<T>();
}

template <class T>
py::class_<T> bind_params(py::module_& m, char const* name, char const* doc) {
    std::string const type_name = name;
    py::class_<T> cls(m, name, doc);
    cls.def(py::init(&from_kwargs<T>))
        .def(
            "__eq__", [](T const& a, T const& b) { return a == b; }, py::is_operator())
        .def("__copy__", [](T const& p) { return T(p); })
        .def(
            "__deepcopy__", [](T const& p, py::handle) { return T(p); }, py::arg("memo"))
        .def("__repr__", [type_name](T const&) { return type_name + "()"; });
    cls.attr("__hash__") = py::none();
    return cls;
}

}  // namespace

void bind_rule_set(py::module_& m) {
    bind_params<development_params>(m, "DevelopmentParams",
                                    "Parameters of the development pipeline (发展党员).");
    bind_params<mobility_params>(
        m, "MobilityParams",
        "Parameters of mobile members (流动党员), certificates, transfers, lost contact.");
    bind_params<evaluation_params>(m, "EvaluationParams",
                                   "Parameters of democratic evaluation (民主评议党员) and disposition.");
    bind_params<life_params>(m, "LifeParams",
                             "Parameters of organisational life (三会一课), training and dues.");
    bind_params<decision_params>(
        m, "DecisionParams",
        "Parameters of village and community decisions by 四议两公开 (重大事项决策): the publication "
        "deadlines.");
    bind_params<community_params>(
        m, "CommunityParams",
        "Parameters of in-service members in the community (在职党员进社区): the yearly service minimum, the "
        "feedback deadline, the agenda's notice; all local practice [L].");
    bind_params<honours_params>(
        m, "HonoursParams",
        "Parameters of model posts and commendations (党员示范岗, 两优一先): the review "
        "period of a model post (local practice).");
    bind_params<appraisal_params>(
        m, "AppraisalParams",
        "Parameters of the party-building appraisal and accountability (述职评议考核, 问责): the report "
        "deadline, the rectification's months, the follow-up of a poor result; all local practice [L].");
    bind_params<rectification_params>(
        m, "RectificationParams",
        "Parameters of the rectification of weak organisations (软弱涣散党组织, 后进社区整顿): the time "
        "limit "
        "of a designation and the deadline of the contacts of 四联四帮; all local practice [L].");
    bind_params<coverage_params>(
        m, "CoverageParams",
        "Parameters of the coverage of units by party organisations (两新组织党建覆盖): the months a unit "
        "with 3 full members has to set up an organisation, the agenda's notice; local practice [L].");

    py::class_<rule_set> cls(m, "RuleSet",
                             "The numbers and switches of the rules, as versioned data. RuleSet() and "
                             "RuleSet.national_2014() are the confirmed national baseline; keyword "
                             "arguments set fields: RuleSet(name='local', term_expiry_notice_months=6).");
    cls.def(py::init(&from_kwargs<rule_set>))
        .def_static("national_2014", &rule_set::national_2014, "The confirmed national baseline.");
#define DANGYUAN_FIELD(field) cls.def_readwrite(#field, &rule_set::field);
    DANGYUAN_RULE_SET_FIELDS(DANGYUAN_FIELD)
#undef DANGYUAN_FIELD
    cls.def_readwrite("development", &rule_set::development)
        .def_readwrite("mobility", &rule_set::mobility)
        .def_readwrite("evaluation", &rule_set::evaluation)
        .def_readwrite("life", &rule_set::life)
        .def_readwrite("decision", &rule_set::decision)
        .def_readwrite("community", &rule_set::community)
        .def_readwrite("honours", &rule_set::honours)
        .def_readwrite("appraisal", &rule_set::appraisal)
        .def_readwrite("rectification", &rule_set::rectification)
        .def_readwrite("coverage", &rule_set::coverage)
        .def(
            "__eq__", [](rule_set const& a, rule_set const& b) { return a == b; }, py::is_operator())
        .def("__copy__", [](rule_set const& r) { return rule_set(r); })
        .def(
            "__deepcopy__", [](rule_set const& r, py::handle) { return rule_set(r); }, py::arg("memo"))
        .def("__repr__", [](py::object self) {
            // The name, then what differs from the national baseline.
            py::object const base = py::cast(rule_set::national_2014());
            std::string out = "RuleSet(name=" + py::repr(self.attr("name")).cast<std::string>();
            for (char const* f : rule_set_fields) {
                if (std::string_view(f) == "name") continue;
                py::object const v = self.attr(f);
                if (!v.equal(base.attr(f)))
                    out += ", " + std::string(f) + "=" + py::repr(v).cast<std::string>();
            }
            for (char const* f : rule_set_blocks) {
                py::object const v = self.attr(f);
                if (!v.equal(base.attr(f)))
                    out += ", " + std::string(f) + "=" + py::repr(v).cast<std::string>();
            }
            return out + ")";
        });
    cls.attr("__hash__") = py::none();
}

}  // namespace dangyuan::python
