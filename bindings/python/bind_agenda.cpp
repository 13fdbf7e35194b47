// Agenda items (agenda/agenda.hpp): what is due, upcoming or overdue on a date, under which rule.
// Store.agenda(as_of, scope) returns an Agenda table (see bind_store.cpp).

#include <array>
#include <span>
#include <sstream>

#include "enums.hpp"
#include "foundation.hpp"

namespace dangyuan::python {

std::span<field_spec<agenda_item> const> record_traits<agenda_item>::fields() {
    static std::array const specs{
        field<&agenda_item::kind>("kind", true),   field<&agenda_item::org>("org", true),
        field<&agenda_item::member>("member"),     field<&agenda_item::subject>("subject"),
        field<&agenda_item::due>("due", true),     field<&agenda_item::status>("status"),
        field<&agenda_item::rule_id>("rule_id"),   field<&agenda_item::message>("message"),
        field<&agenda_item::case_ref>("case_ref"), field<&agenda_item::message_zh>("message_zh"),
    };
    return specs;
}

void record_traits<agenda_item>::finish(agenda_item&, std::uint64_t&) {}

void table_spec<agenda_item>::columns(column_builder<agenda_item>& b) {
    using r = agenda_item;
    b.dates("due", [](r const& x) { return x.due; });
    b.category<agenda_status>("status", [](r const& x) { return x.status; });
    b.text(
        "kind", [](r const& x) -> std::string const& { return x.kind; }, true);
    b.integer("org", [](r const& x) { return x.org.value(); });
    b.optional_integer("member", [](r const& x) -> std::optional<std::int64_t> {
        if (!x.member) return std::nullopt;
        return x.member->value();
    });
    b.text(
        "subject", [](r const& x) -> std::string const& { return x.subject; }, true);
    b.text(
        "rule_id", [](r const& x) -> std::string const& { return x.rule_id; }, true);
    b.text("message", [](r const& x) -> std::string const& { return x.message; });
    b.text("message_zh", [](r const& x) -> std::string const& { return x.message_zh; });
}

void bind_agenda(py::module_& m) {
    bind_enum<agenda_status>(m, "Where an agenda item stands relative to its due date on the agenda's date.");

    py::class_<agenda_item> cls(
        m, "AgendaItem",
        "One line of the agenda: kind, org, member (or None), subject, due, status, "
        "rule_id, message, case_ref (the development case, or None), message_zh (the same "
        "sentence in Chinese, 中文说明).");
    bind_record(cls);
    cls.def("__str__", [](agenda_item const& item) {
        std::ostringstream out;
        out << item;
        return out.str();
    });

    m.def("status_for", &status_for, py::arg("due"), py::arg("as_of"),
          "Classifies a deadline: overdue after it, due on it, upcoming before it.");

    register_table<agenda_item>(
        m,
        "Agenda items, one row each: due, status (AgendaStatus), kind, org (id), member "
        "(id, missing for org items), subject, rule_id, message, message_zh (中文说明). The rows "
        "(AgendaItem) "
        "also carry case_ref.");
}

}  // namespace dangyuan::python
