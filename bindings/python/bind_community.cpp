// In-service members in the community (在职党员进社区): the records (CommunityRegistration,
// CommunityService, CommunityFeedback), the rating (CommunityRating), the pure checks and the agenda of
// community/community.hpp and community_agenda.hpp, the parameter block CommunityParams
// (rules/params_community.hpp) and the store operations of storage/community_store.hpp as methods of
// Store. Service time is an int of tenths of an hour (`tenths`), as training hours are.

#include <string>
#include <vector>

#include "command.hpp"
#include "dangyuan/community/community.hpp"
#include "dangyuan/community/community_agenda.hpp"
#include "dangyuan/rules/params_community.hpp"
#include "dangyuan/storage/community_store.hpp"
#include "domains.hpp"

namespace dangyuan::python {

DANGYUAN_PY_RECORD(community_registration, "CommunityRegistration");
DANGYUAN_PY_RECORD(community_service, "CommunityService");
DANGYUAN_PY_RECORD(community_feedback_record, "CommunityFeedback");

DANGYUAN_PY_TABLE(community_registration, "CommunityRegistrations");
DANGYUAN_PY_TABLE(community_service, "CommunityServices");
DANGYUAN_PY_TABLE(community_feedback_record, "CommunityFeedbackTable");

#define F(T, x) DANGYUAN_PY_FIELD(T, x)
#define R(T, x) DANGYUAN_PY_REQUIRED(T, x)

DANGYUAN_PY_FIELDS(community_registration, F(community_registration, id), R(community_registration, member),
                   R(community_registration, community), R(community_registration, registered_on),
                   F(community_registration, left_on), F(community_registration, note))
DANGYUAN_PY_FIELDS(community_service, R(community_service, member), R(community_service, date),
                   R(community_service, activity), R(community_service, tenths), F(community_service, note),
                   F(community_service, registration), F(community_service, community))
DANGYUAN_PY_FIELDS(community_feedback_record, R(community_feedback_record, member),
                   R(community_feedback_record, community), R(community_feedback_record, year),
                   R(community_feedback_record, rating), R(community_feedback_record, given_on),
                   F(community_feedback_record, note), F(community_feedback_record, correction_reason),
                   F(community_feedback_record, branch))

#undef F
#undef R

// ---- tables

void table_spec<community_registration>::columns(column_builder<community_registration>& b) {
    using r = community_registration;
    b.integer("id", [](r const& x) { return x.id.value(); });
    b.integer("member", [](r const& x) { return x.member.value(); });
    b.integer("community", [](r const& x) { return x.community.value(); });
    b.dates("registered_on", [](r const& x) { return x.registered_on; });
    b.dates("left_on", [](r const& x) { return x.left_on; });
    b.text("note", [](r const& x) -> std::string const& { return x.note; });
}

void table_spec<community_service>::columns(column_builder<community_service>& b) {
    using r = community_service;
    b.integer("member", [](r const& x) { return x.member.value(); });
    b.dates("date", [](r const& x) { return x.date; });
    b.text(
        "activity", [](r const& x) -> std::string const& { return x.activity; }, true);
    b.integer("tenths", [](r const& x) { return std::int64_t{x.tenths}; });
    b.text("note", [](r const& x) -> std::string const& { return x.note; });
    b.integer("registration", [](r const& x) { return x.registration.value(); });
    b.integer("community", [](r const& x) { return x.community.value(); });
}

void table_spec<community_feedback_record>::columns(column_builder<community_feedback_record>& b) {
    using r = community_feedback_record;
    b.integer("member", [](r const& x) { return x.member.value(); });
    b.integer("community", [](r const& x) { return x.community.value(); });
    b.integer("year", [](r const& x) { return std::int64_t{x.year}; });
    b.category<community_rating>("rating", [](r const& x) { return x.rating; });
    b.dates("given_on", [](r const& x) { return x.given_on; });
    b.text("note", [](r const& x) -> std::string const& { return x.note; });
    b.text("correction_reason", [](r const& x) -> std::string const& { return x.correction_reason; });
    b.integer("branch", [](r const& x) { return x.branch.value(); });
}

void bind_community(py::module_& m) {
    auto const national = rule_set::national_2014();

    bind_enum<community_rating>(m,
                                "The community's yearly rating of a registered member (社区反馈): 好, 较好, "
                                "一般, 差.");

    record_class<community_registration>(
        m,
        "A member's registration with a community (到社区报到): id, member, community, registered_on (the "
        "first day), left_on (the last day, None while open), note.")
        .def("covers", &community_registration::covers, py::arg("day"),
             "True when the registration covers the day (first and last day included).");
    record_class<community_service>(
        m,
        "A service in the community: member, date, activity, tenths (tenths of an hour, 1..240), note; "
        "registration and community are filled in by the store.");
    record_class<community_feedback_record>(
        m,
        "The community's yearly feedback on a member: member, community, year, rating (CommunityRating), "
        "given_on, note, correction_reason (non-empty for a correction); branch is filled in by the store.");

    register_table<community_registration>(
        m, "Community registrations, one row each: id, member, community, registered_on, left_on, note.");
    register_table<community_service>(
        m,
        "Community service records, one row each: member, date, activity, tenths, note, registration, "
        "community.");
    register_table<community_feedback_record>(
        m,
        "Community feedback, one row each: member, community, year, rating, given_on, note, "
        "correction_reason, branch.");

    output_class<community_statistics>(m, "CommunityStatistics",
                                       "Figures of one year for the communities of a scope.")
        .def_readonly("year", &community_statistics::year)
        .def_readonly("registered_members", &community_statistics::registered_members,
                      "Members with a registration covering some day of the year.")
        .def_readonly("members_with_service", &community_statistics::members_with_service)
        .def_readonly("service_tenths", &community_statistics::service_tenths,
                      "Service in the year, tenths of an hour.")
        .def_readonly("members_with_feedback", &community_statistics::members_with_feedback)
        .def_property_readonly(
            "feedback_by_rating",
            [](community_statistics const& s) {
                py::dict out;
                for (auto const r : enum_values<community_rating>())
                    out[py::cast(r)] = s.feedback_by_rating[static_cast<std::size_t>(r)];
                return out;
            },
            "The feedback in force by CommunityRating, every rating present.");

    // ---- pure rules
    m.def("hours_text", &hours_text, py::arg("tenths"), "Tenths of an hour as text: 25 -> '2.5'.");
    m.def(
        "community_feedback_deadline",
        [](int year, rule_set const& rules) { return community_feedback_deadline(year, rules); },
        py::arg("year"), py::arg("rules") = national,
        "The last day of month community.feedback_by_month of the year, or None without a deadline.");

    // ---- the parameter block
    auto params = existing_class<community_params>(m, "CommunityParams");
    std::vector<char const*> names;
#define DANGYUAN_PARAM(f)                           \
    params.def_readwrite(#f, &community_params::f); \
    names.push_back(#f);
    DANGYUAN_PARAM(min_service_hours_yearly)
    DANGYUAN_PARAM(feedback_by_month)
    DANGYUAN_PARAM(notice_months)
#undef DANGYUAN_PARAM
    params_repr(params, "CommunityParams", names);

    // ---- Store
    using h = store_handle;
    auto cls = existing_class<h>(m, "Store");
    def_command(
        cls, "register_with_community", &register_with_community, py::arg("member"), py::arg("community"),
        py::arg("on"), py::arg("note") = "", py::arg("why") = "",
        "Registers the member with a village or community organisation on that day (到社区报到). Returns "
        "the RegistrationId. Raises RuleViolation community.member_in_good_standing, "
        "community.registration_org, community.one_open_registration; NotFound.");
    def_command(cls, "leave_community", &leave_community, py::arg("registration"), py::arg("on"),
                py::arg("why") = "",
                "Ends a registration on that day, its last (退出). Raises RuleViolation "
                "community.leave_after_registration; InvalidInput (registration) when it has ended.");
    def_command(cls, "record_community_service", &record_community_service, py::arg("service") = py::none(),
                py::pos_only(), py::kw_only(), py::arg("why") = "",
                "Records a service (a CommunityService, a mapping, or keywords member=, date=, activity=, "
                "tenths=, note=). Returns the row id. Raises InvalidInput (activity, hours), RuleViolation "
                "community.service_within_registration.");
    def_command(
        cls, "give_community_feedback", &give_community_feedback, py::arg("feedback") = py::none(),
        py::pos_only(), py::kw_only(), py::arg("why") = "",
        "Records the community's yearly feedback (a CommunityFeedback, a mapping, or keywords member=, "
        "community=, year=, rating=, given_on=, note=, correction_reason=). Raises RuleViolation "
        "community.feedback_registered, community.feedback_once_yearly; InvalidInput (year).");
    def_command(cls, "get_registration", &get_registration, py::arg("registration"),
                "The CommunityRegistration with that id (NotFound otherwise).");
    def_command<as_table>(cls, "community_registrations_of", &community_registrations_of, py::arg("member"),
                          "The member's registrations, oldest first, as a CommunityRegistrations table.");
    def_command<as_table>(cls, "community_registrations", &community_registrations,
                          py::arg("scope") = py::none(),
                          "The registrations with the communities in scope, by community and first day, as a "
                          "CommunityRegistrations table.");
    def_command<as_table>(
        cls, "community_services", &community_services, py::arg("member"), py::arg("year") = py::none(),
        "The member's service records (of the year, when given), by date, as a CommunityServices table.");
    def_command(
        cls, "community_feedback", &community_feedback, py::arg("member"), py::arg("year"),
        "The feedback in force on the member for the year (a correction replaces the first), or None: "
        "what the member's branch reads in the democratic evaluation.");
    def_command<as_table>(cls, "community_feedback_history", &community_feedback_history, py::arg("member"),
                          "Every feedback on the member, corrections included, by year and order given, as a "
                          "CommunityFeedbackTable.");
    def_command(cls, "community_statistics", &community_statistics_of, py::arg("year"),
                py::arg("scope") = py::none(),
                "The CommunityStatistics of the year for the communities in scope.");
}

}  // namespace dangyuan::python
