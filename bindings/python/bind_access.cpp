// Who may see and change what (core/access.hpp): Permission, Role, Principal.

#include <string>
#include <vector>

#include "dangyuan/core/access.hpp"
#include "enums.hpp"
#include "foundation.hpp"

namespace dangyuan::python {

void bind_access(py::module_& m) {
    bind_enum<permission>(m, "What a principal may do (权限); .code is the stable text, .chinese its name.");

    py::class_<role>(m, "Role",
                     "A named set of permissions (角色). The five built-in roles are the static methods; a "
                     "department may define its own: Role('clerk', [Permission.read_roster, ...]).")
        .def(py::init([](std::string name, std::vector<permission> const& permissions) {
                 role r{std::move(name), {}};
                 for (auto p : permissions)
                     r.permissions = r.permissions.with(p);
                 return r;
             }),
             py::arg("name"), py::arg("permissions"))
        .def_readonly("name", &role::name, "The role's name, recorded in the audit trail.")
        .def_property_readonly(
            "permissions", [](role const& r) { return r.permissions.list(); },
            "The permissions, in the order of Permission.")
        .def(
            "may", [](role const& r, permission p) { return r.permissions.contains(p); },
            py::arg("permission"), "True when the role has this permission.")
        .def_static("organisation_department", &role::organisation_department, "组织部门: every permission.")
        .def_static("party_committee", &role::party_committee,
                    "党委/党工委/党总支: everything in its subtree but local profiles and the audit trail.")
        .def_static("branch_secretary", &role::branch_secretary,
                    "党支部书记/组织委员: the branch's own work; not the higher committee's steps.")
        .def_static("analyst", &role::analyst, "数据分析: reads and exports with personal data masked.")
        .def_static("auditor", &role::auditor, "审计: reads and verifies the audit trail only.")
        .def_static("built_in", &built_in_role, py::arg("name"),
                    "The built-in role of that name (InvalidInput for another name).")
        .def("__repr__", [](role const& r) { return "<Role " + r.name + ">"; });

    m.def("built_in_roles", &built_in_roles, "The five built-in roles.");

    py::class_<principal>(m, "Principal",
                          "Who acts through a store handle: actor (recorded in the audit trail), role, and "
                          "org, the root of the organisation subtree it covers (None: the whole store). "
                          "Pass it to open_store(path, principal=...).")
        .def(py::init([](std::string actor, role r, std::optional<org_id> org) {
                 return principal{std::move(actor), std::move(r), org};
             }),
             py::arg("actor"), py::arg("role"), py::arg("org") = py::none())
        .def_readonly("actor", &principal::actor)
        .def_readonly("role", &principal::role)
        .def_readonly("org", &principal::org)
        .def_property_readonly("label", &principal::label, "'role@org', as the audit trail records it.")
        .def(
            "may", [](principal const& p, permission x) { return p.may(x); }, py::arg("permission"),
            "True when the role has this permission.")
        .def_static("parse", &parse_principal, py::arg("text"), py::arg("actor"),
                    "Reads 'ROLE@ORG' (ORG an organisation id) or 'ROLE' (the whole store) with a built-in "
                    "role, as the command line's --as does.")
        .def_static("full_access", &principal::full_access, py::arg("actor") = "system",
                    "The organisation department over the whole store.")
        .def("__repr__", [](principal const& p) { return "<Principal " + p.actor + " " + p.label() + ">"; });
}

}  // namespace dangyuan::python
