// Mobility episodes (外出流动, mobility/episode.hpp): the dated records of a period away, the state they
// add up to, mobile-member status and the vote at the host; the episode operations of Store.

#include "mobility_bindings.hpp"

namespace dangyuan::python {

// ---- records

#define F(T, x) DANGYUAN_PY_FIELD(T, x)
#define R(T, x) DANGYUAN_PY_REQUIRED(T, x)

DANGYUAN_PY_FIELDS(mobility_destination, F(mobility_destination, place), F(mobility_destination, host_org),
                   F(mobility_destination, host_org_name))
DANGYUAN_PY_FIELDS(member_left, R(member_left, date), F(member_left, reason), F(member_left, destination),
                   F(member_left, fixed_place), F(member_left, expected_months), F(member_left, note))
DANGYUAN_PY_FIELDS(registered_as_mobile, R(registered_as_mobile, date), F(registered_as_mobile, note))
DANGYUAN_PY_FIELDS(reported_to_host, R(reported_to_host, date), F(reported_to_host, host_org),
                   F(reported_to_host, host_org_name), F(reported_to_host, note))
DANGYUAN_PY_FIELDS(moved_place, R(moved_place, date), F(moved_place, destination),
                   F(moved_place, fixed_place), F(moved_place, expected_months), F(moved_place, note))
DANGYUAN_PY_FIELDS(host_life_attended, R(host_life_attended, date), F(host_life_attended, host_org),
                   F(host_life_attended, host_org_name), F(host_life_attended, note))
DANGYUAN_PY_FIELDS(host_dues_paid, R(host_dues_paid, date), F(host_dues_paid, host_org),
                   F(host_dues_paid, host_org_name), F(host_dues_paid, dues_month),
                   F(host_dues_paid, dues_months), F(host_dues_paid, amount_fen), F(host_dues_paid, note))
DANGYUAN_PY_FIELDS(yearly_report_made, R(yearly_report_made, date), F(yearly_report_made, note))
DANGYUAN_PY_FIELDS(member_returned, R(member_returned, date), F(member_returned, note))
DANGYUAN_PY_FIELDS(relationship_transferred, R(relationship_transferred, date),
                   F(relationship_transferred, note))
DANGYUAN_PY_FIELDS(mobility_episode, F(mobility_episode, id), F(mobility_episode, member),
                   F(mobility_episode, member_name), F(mobility_episode, home_branch),
                   F(mobility_episode, records))
DANGYUAN_PY_FIELDS(episode_state, F(episode_state, phase), F(episode_state, left_on),
                   F(episode_state, reason), F(episode_state, destination), F(episode_state, at_place_since),
                   F(episode_state, fixed_place), F(episode_state, expected_months),
                   F(episode_state, registered_on), F(episode_state, host_org), F(episode_state, reported_on),
                   F(episode_state, last_host_activity), F(episode_state, dues_paid_through),
                   F(episode_state, last_yearly_report), F(episode_state, closed_on),
                   F(episode_state, closed_by))

#undef F
#undef R

// ---- tables

void table_spec<mobility_episode>::columns(column_builder<mobility_episode>& b) {
    using r = mobility_episode;
    auto const first = [](r const& x) -> member_left const* {
        return x.records.empty() ? nullptr : std::get_if<member_left>(&x.records.front());
    };
    b.integer("id", [](r const& x) { return x.id.value(); });
    b.integer("member", [](r const& x) { return x.member.value(); });
    b.text("member_name", [](r const& x) -> std::string const& { return x.member_name; });
    b.integer("home_branch", [](r const& x) { return x.home_branch.value(); });
    b.dates("left_on", [first](r const& x) {
        auto const* f = first(x);
        return f ? std::optional<date::sys_days>{f->date} : std::nullopt;
    });
    b.category<mobility_reason>("reason", [first](r const& x) {
        auto const* f = first(x);
        return f ? std::optional<mobility_reason>{f->reason} : std::nullopt;
    });
    b.text(
        "place",
        [](r const& x) -> std::optional<std::string_view> {
            // The current place is the one of the last left / moved record (a view into the episode).
            for (auto it = x.records.rbegin(); it != x.records.rend(); ++it) {
                if (auto const* l = std::get_if<member_left>(&*it))
                    return std::string_view(l->destination.place);
                if (auto const* mv = std::get_if<moved_place>(&*it))
                    return std::string_view(mv->destination.place);
            }
            return std::nullopt;
        },
        true);
    b.optional_integer("host_org", [](r const& x) {
        auto const st = state_on(x, end_of_time);
        return st ? id_value(st->host_org) : std::nullopt;
    });
    b.dates("closed_on", [](r const& x) {
        auto const st = state_on(x, end_of_time);
        return st ? st->closed_on : std::nullopt;
    });
    b.category<episode_record_kind>("closed_by", [](r const& x) {
        auto const st = state_on(x, end_of_time);
        return st ? st->closed_by : std::nullopt;
    });
    b.integer("records", [](r const& x) { return x.records.size(); });
}

// An episode record from a record (or mapping with "kind") or keywords; for `left` and `moved` the
// destination may be given flat: place=, host_org=, host_org_name= stand for
// destination=MobilityDestination(...). The host-side kinds take host_org= and host_org_name= as fields.
episode_record episode_record_from(py::handle source, py::kwargs const& kw,
                                   std::optional<episode_record_kind> kind) {
    return variant_record<episode_record>(source, kw, kind, [](std::size_t index, py::dict& fields) {
        auto const k = static_cast<episode_record_kind>(index);
        if (k != episode_record_kind::left && k != episode_record_kind::moved) return;
        py::dict flat;
        for (char const* key : {"place", "host_org", "host_org_name"})
            if (fields.contains(key)) {
                flat[key] = fields[key];
                PyDict_DelItemString(fields.ptr(), key);
            }
        if (py::len(flat) == 0) return;
        auto const base = fields.contains("destination")
                              ? load<mobility_destination>(fields["destination"], "destination")
                              : mobility_destination{};
        fields["destination"] = py::cast(record_from_python<mobility_destination>(py::cast(base), flat));
    });
}

// An episode record as a store command takes it (see episode_record_from).
template <>
struct command_arg<episode_record> {
    using python = py::object;
    static episode_record load(py::object&& source, py::kwargs const& kw) {
        return episode_record_from(source, kw);
    }
};

void bind_mobility_episodes(py::module_& m) {
    // ---- records
    record_class<mobility_destination>(
        m, "Where the member is: place, host_org (OrgId, when in the store), host_org_name.");
    record_kind_classes<episode_record>(
        m,
        {"Episode record (left): the member left; date, reason, destination, fixed_place, "
         "expected_months, note.",
         "Episode record (registered): registered as a mobile member; date, note.",
         "Episode record (reported_to_host): reported to the host organisation; date, host_org, "
         "host_org_name, note.",
         "Episode record (moved): moved to another place; date, destination, fixed_place, expected_months, "
         "note.",
         "Episode record (host_activity): attended org life at the host; date, host_org, host_org_name, "
         "note.",
         "Episode record (dues_paid_at_host): paid dues at the host; date, host_org, host_org_name, "
         "dues_month (a month), dues_months, amount_fen (int, fen), note.",
         "Episode record (yearly_report): reported to the home organisation; date, note.",
         "Episode record (returned): came back, closing the episode; date, note.",
         "Episode record (transferred): the relationship was transferred, closing the episode; date, "
         "note."});
    auto episode = record_class<mobility_episode>(
        m, "A mobility episode (one period away): id, member, member_name, home_branch, records.");
    record_class<episode_state>(m, "The state of an episode on a date.");

    register_table<mobility_episode>(
        m,
        "Mobility episodes, one row each: id, member, member_name, home_branch, left_on, reason, place "
        "(current), host_org (reported to), closed_on, closed_by, records; rows are MobilityEpisode.");

    // ---- methods of the records (after every class their signatures mention)
    episode
        .def(
            "record",
            [](mobility_episode& ep, py::handle source, rule_set const& rules, py::kwargs const& kw) {
                record(ep, episode_record_from(source, kw), rules);
            },
            py::arg("record") = py::none(), py::pos_only(), py::kw_only(),
            py::arg("rules") = rule_set::national_2014(),
            "Checks a record (check_episode_record) and appends it to this episode object.")
        .def(
            "state_on", [](mobility_episode const& ep, date::sys_days d) { return state_on(ep, d); },
            py::arg("d"), "The EpisodeState on d, None before the member left.");

    // ---- pure rules
    auto const national = rule_set::national_2014();
    m.def(
        "check_episode_record",
        [](mobility_episode const& ep, py::handle next, rule_set const& rules) {
            check_episode_record(ep, episode_record_from(next, {}), rules);
        },
        py::arg("episode"), py::arg("record"), py::arg("rules") = national,
        "Checks that a record may follow the episode's records. Raises InvalidInput, RuleViolation "
        "mobility.one_side_affiliation / mobility.report_to_host.");
    m.def(
        "episode_state_on", [](mobility_episode const& ep, date::sys_days d) { return state_on(ep, d); },
        py::arg("episode"), py::arg("d"), "The EpisodeState on d, None before the member left.");
    m.def("mobile_from", &mobile_from, py::arg("episode"), py::arg("rules") = national,
          "The day from which the member counts as a mobile member (mobility.mobile_member_6_months).");
    m.def("is_mobile_member_on", &is_mobile_member_on, py::arg("episode"), py::arg("d"),
          py::arg("rules") = national, "True when the member is a mobile member on d.");
    m.def("transfer_required_from", &transfer_required_from, py::arg("episode"), py::arg("d"),
          py::arg("rules") = national,
          "The day the relationship must be transferred (mobility.transfer_fixed_place_6_months), or None.");
    m.def(
        "yearly_report_due", &yearly_report_due, py::arg("left"), py::arg("n"), py::arg("rules") = national,
        "The due date of yearly report n (1-based) of a member who left on `left` (mobility.yearly_report).");
    m.def(
        "episode_agenda",
        [](mobility_episode const& ep, date::sys_days as_of, rule_set const& rules) {
            return record_table<agenda_item>(episode_agenda(ep, as_of, rules));
        },
        py::arg("episode"), py::arg("as_of"), py::arg("rules") = national,
        "Agenda items of an open episode on as_of, as an Agenda.");
    m.def(
        "participation_at",
        [](org_id org, member const& mem, py::handle episodes, date::sys_days d) {
            auto const eps = load<std::vector<mobility_episode>>(episodes, "episodes");
            return participation_at(org, mem, eps, d);
        },
        py::arg("org"), py::arg("member"), py::arg("episodes"), py::arg("d"),
        "How member takes part in org on d (mobility.no_vote_at_host).");
    m.def("has_vote_at", &has_vote_at, py::arg("org"), py::arg("member"), py::arg("d"),
          "True when member has a vote in org on d: a full member of the branch holding the relationship.");
    m.def(
        "check_vote_at",
        [](org_id org, member const& mem, py::handle episodes, date::sys_days d) {
            auto const eps = load<std::vector<mobility_episode>>(episodes, "episodes");
            check_vote_at(org, mem, eps, d);
        },
        py::arg("org"), py::arg("member"), py::arg("episodes"), py::arg("d"),
        "Refuses the vote of a member without one. Raises RuleViolation mobility.no_vote_at_host or "
        "InvalidInput (member).");

    // ---- Store
    using h = store_handle;
    auto cls = existing_class<h>(m, "Store");
    cls.def(
        "open_episode",
        [](h& s, member_id member, py::handle left, std::string const& why, py::kwargs const& kw) {
            auto const r = episode_record_from(left, kw, episode_record_kind::left);
            auto const* first = std::get_if<member_left>(&r);
            if (!first)
                throw invalid_input("kind", "an episode starts with the member leaving (left), not " +
                                                std::string(kind_name(r)));
            return s.call([&](store& st) { return open_episode(st, member, *first, why); });
        },
        py::arg("member"), py::arg("left") = py::none(), py::pos_only(), py::kw_only(), py::arg("why") = "",
        "Opens a mobility episode with its `left` record (a MemberLeft, a mapping, or keywords: "
        "date=, reason=, place=, host_org=, fixed_place=, expected_months=, note=). Returns the "
        "EpisodeId. "
        "Raises NotFound, InvalidInput (member: not in normal standing or already away), RuleViolation "
        "mobility.one_side_affiliation.");
    def_command(
        cls, "record_episode", &record_episode, py::arg("episode"), py::arg("record") = py::none(),
        py::pos_only(), py::kw_only(), py::arg("why") = "",
        "Appends a record (a MemberLeft, RegisteredAsMobile … HostDuesPaid, a mapping, or keywords kind=, "
        "date=, …; place=, host_org= for the destination of left and moved). Raises InvalidInput, "
        "RuleViolation mobility.report_to_host, "
        "mobility.one_side_affiliation, mobility.host_dues_with_certificate.");
    def_command(cls, "get_episode", &get_episode, py::arg("episode"),
                "The MobilityEpisode with all its records (NotFound otherwise).");
    def_command(cls, "member_episodes", &member_episodes, py::arg("member"),
                "The member's episodes, oldest first, as a list.");
    cls.def(
        "episodes",
        [](h& s, py::object sc, py::handle side) {
            auto const where = scope_from_python(sc);
            auto const from = load<episode_side>(side, "side");
            return record_table<mobility_episode>(
                s.call([&](store& st) { return episodes(st, where, from); }));
        },
        py::arg("scope") = py::none(), py::arg("side") = episode_side::home,
        "Episodes seen from one side of a scope (home: 流出, host: 流入), as an Episodes table.");
}

}  // namespace dangyuan::python
