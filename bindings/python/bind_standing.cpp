// Membership standing (member/standing.hpp): events, the standing on a date, party age; and the
// standing methods of Store, added here to the class registered by bind_store.cpp, the way a domain
// adds its own store methods from its own file.

#include <array>
#include <optional>
#include <span>
#include <vector>

#include "command.hpp"
#include "enums.hpp"
#include "foundation.hpp"

namespace dangyuan::python {

std::span<field_spec<standing_event> const> record_traits<standing_event>::fields() {
    static std::array const specs{
        field<&standing_event::kind>("kind", true),
        field<&standing_event::date>("date", true),
        field<&standing_event::reason>("reason"),
        field<&standing_event::decided_by>("decided_by"),
    };
    return specs;
}
void record_traits<standing_event>::finish(standing_event&, std::uint64_t&) {}

std::span<field_spec<standing> const> record_traits<standing>::fields() {
    static std::array const specs{
        field<&standing::state>("state"),
        field<&standing::last_event>("last_event"),
        field<&standing::since>("since"),
    };
    return specs;
}
void record_traits<standing>::finish(standing&, std::uint64_t&) {}

namespace {

std::vector<standing_event> history_from_python(py::iterable events) {
    std::vector<standing_event> out;
    for (py::handle e : events)
        out.push_back(record_from_python<standing_event>(e));
    return out;
}

}  // namespace

void bind_standing(py::module_& m) {
    bind_enum<standing_state>(m, "Standing (党籍) of a member on a date: normal, suspended or exited.");
    bind_enum<standing_event_kind>(m, "Events that change a member's standing (停止党籍, 恢复党籍, 除名 …).");

    py::class_<standing_event> event(
        m, "StandingEvent", "A dated change of standing: kind, date (required), reason, decided_by.");
    bind_record(event);
    py::class_<standing> state(
        m, "Standing", "Standing on a date: state, and the last event (last_event, since) on or before it.");
    bind_record(state);

    m.def("standing_after", &standing_after, py::arg("state"), py::arg("kind"),
          "The state an event leads to from `state`, or None when the transition is not legal "
          "(standing.transitions).");
    m.def(
        "standing_on",
        [](member const& mem, py::iterable history, date::sys_days d) {
            auto const h = history_from_python(history);
            return standing_on(mem, h, d);
        },
        py::arg("member"), py::arg("history"), py::arg("d"),
        "The Standing of a member on d from the events in date order; None before admission.");
    m.def(
        "check_standing_event",
        [](member const& mem, py::iterable history, py::object next) {
            auto const h = history_from_python(history);
            check_standing_event(mem, h, record_from_python<standing_event>(next));
        },
        py::arg("member"), py::arg("history"), py::arg("event"),
        "Checks that an event may follow the history. Raises InvalidInput (field 'date') or RuleViolation "
        "standing.final_exits, standing.transitions, standing.probation_cancel, "
        "standing.no_persuasion_of_probationary.");
    m.def(
        "party_age_on",
        [](member const& mem, py::iterable history, date::sys_days on, rule_set const& rules) {
            auto const h = history_from_python(history);
            return party_age_on(mem, h, on, rules);
        },
        py::arg("member"), py::arg("history"), py::arg("on"), py::arg("rules") = rule_set::national_2014(),
        "Party age (党龄) in completed years on `on`, from the full-member date "
        "(standing.party_age_from_full); None when not a full member then.");

    auto cls = existing_class<store_handle>(m, "Store");
    def_command(
        cls, "record_standing", &store::record_standing, py::arg("member"), py::arg("event") = py::none(),
        py::pos_only(), py::kw_only(), py::arg("why") = "",
        "Appends a standing event (a StandingEvent, mapping, object, or keywords kind=, date=, reason=, "
        "decided_by=). Raises RuleViolation standing.* or InvalidInput (field 'date').");
    def_command(cls, "standing_history", &store::standing_history, py::arg("member"),
                "The standing events of a member in date order.");
    def_command(cls, "standing_on", &store::standing_on, py::arg("member"), py::arg("d"),
                "The Standing on d, None before admission.");
    def_command(cls, "party_age", &store::party_age, py::arg("member"), py::arg("on"),
                "Party age in completed years on `on`, None when not a full member.");
}

}  // namespace dangyuan::python
