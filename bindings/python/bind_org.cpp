// Party organisations (org/org.hpp, org/org_rules.hpp): kinds, the org record, leadership seats and the
// pure rules about the tree, terms and committees.

#include <array>
#include <optional>
#include <span>
#include <vector>

#include "enums.hpp"
#include "foundation.hpp"

namespace dangyuan::python {

std::span<field_spec<org_unit> const> record_traits<org_unit>::fields() {
    static std::array const specs{
        field<&org_unit::id>("id"),
        field<&org_unit::name>("name", true),
        field<&org_unit::kind>("kind"),
        field<&org_unit::parent>("parent"),
        field<&org_unit::established>("established", true),
        field<&org_unit::dissolved>("dissolved"),
        field<&org_unit::village_or_community>("village_or_community"),
        field<&org_unit::term_start>("term_start"),
        field<&org_unit::term_years>("term_years"),
        field<&org_unit::version>("version"),
    };
    return specs;
}
void record_traits<org_unit>::finish(org_unit&, std::uint64_t&) {}

std::span<field_spec<officer> const> record_traits<officer>::fields() {
    static std::array const specs{
        field<&officer::member>("member", true),
        field<&officer::role>("role"),
        field<&officer::portfolio>("portfolio"),
    };
    return specs;
}
void record_traits<officer>::finish(officer&, std::uint64_t&) {}

std::span<field_spec<org_counts> const> record_traits<org_counts>::fields() {
    static std::array const specs{
        field<&org_counts::full_members>("full_members"),
        field<&org_counts::all_members>("all_members"),
        field<&org_counts::officers>("officers"),
    };
    return specs;
}
void record_traits<org_counts>::finish(org_counts&, std::uint64_t&) {}

void table_spec<org_unit>::columns(column_builder<org_unit>& b) {
    using r = org_unit;
    b.integer("id", [](r const& x) { return x.id.value(); });
    b.text("name", [](r const& x) -> std::string const& { return x.name; });
    b.category<org_kind>("kind", [](r const& x) { return x.kind; });
    b.optional_integer("parent", [](r const& x) -> std::optional<std::int64_t> {
        if (!x.parent) return std::nullopt;
        return x.parent->value();
    });
    b.dates("established", [](r const& x) { return x.established; });
    b.dates("dissolved", [](r const& x) { return x.dissolved; });
    b.boolean("village_or_community", [](r const& x) { return x.village_or_community; });
    b.dates("term_start", [](r const& x) { return x.term_start; });
    b.integer("term_years", [](r const& x) { return x.term_years; });
    b.integer("version", [](r const& x) { return x.version; });
}

void bind_org(py::module_& m) {
    bind_enum<org_kind>(m, "Kinds of party organisation (党组织).");
    bind_enum<officer_role>(m, "Roles in a branch or committee leadership (书记, 副书记, 委员).");

    py::class_<org_unit> org(
        m, "OrgUnit",
        "A party organisation. Build it with keywords (name and established are required): "
        "OrgUnit(name='第一党支部', kind=OrgKind.branch, parent=street, "
        "established=date(2001, 3, 1)). id and version are assigned by the store.");
    bind_record(org);
    org.def("active_on", &org_unit::active_on, py::arg("d"),
            "True when the organisation exists on d (established on or before, not yet dissolved).");

    py::class_<officer> seat(m, "Officer",
                             "One seat of a leadership: member (MemberId), role, portfolio text.");
    bind_record(seat);

    py::class_<org_counts> counts(
        m, "OrgCounts",
        "Membership counts of one organisation on a date: full_members (正式党员 in "
        "normal standing), all_members, officers.");
    bind_record(counts);

    register_table<org_unit>(
        m,
        "Organisations, one row each: id, name, kind (OrgKind), parent (id, missing at the "
        "top), established, dissolved, village_or_community, term_start, term_years, "
        "version.");

    m.def("is_branch", &is_branch, py::arg("kind"),
          "True for kinds that hold members (branch, joint_branch).");
    m.def("is_committee", &is_committee, py::arg("kind"), "True for committees (elected for 3-5 years).");
    m.def("may_be_child_of", &may_be_child_of, py::arg("child"), py::arg("parent"),
          "True when an organisation of kind child may sit directly under one of kind parent (None: top "
          "level) (org.tree_structure).");

    auto const national = rule_set::national_2014();
    m.def("term_length_years", &term_length_years, py::arg("org"), py::arg("rules") = national,
          "The term length of the org's committee in years (org.term_length).");
    m.def("term_end", &term_end, py::arg("org"), py::arg("rules") = national,
          "The day the current term ends, or None without a term start.");
    m.def(
        "validate_org",
        [](org_unit const& o, std::optional<org_unit> const& parent, rule_set const& rules) {
            validate_org(o, parent ? &*parent : nullptr, rules);
        },
        py::arg("org"), py::arg("parent") = py::none(), py::arg("rules") = national,
        "Validates an organisation against its parent record (None for a top-level org).\n\n"
        "Raises InvalidInput naming the field, or RuleViolation org.tree_structure / org.term_length.");
    m.def(
        "validate_leadership",
        [](org_unit const& o, int full_members, py::iterable officers,
           std::vector<member_id> const& not_eligible, rule_set const& rules) {
            std::vector<officer> seats;
            for (py::handle x : officers)
                seats.push_back(record_from_python<officer>(x));
            validate_leadership(o, full_members, seats, not_eligible, rules);
        },
        py::arg("org"), py::arg("full_members"), py::arg("officers"),
        py::arg("not_eligible") = std::vector<member_id>{}, py::arg("rules") = national,
        "Validates a leadership on a date. Raises InvalidInput (field 'officers') or RuleViolation "
        "org.committee_threshold_7, org.committee_size, org.officers_full_members.");
    m.def("org_agenda", &org_agenda, py::arg("org"), py::arg("counts"), py::arg("as_of"),
          py::arg("rules") = national, "The agenda items an organisation produces on as_of, as a list.");
}

}  // namespace dangyuan::python
