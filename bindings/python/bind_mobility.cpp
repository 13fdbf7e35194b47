// Mobile members (流动党员管理): the enums of the domain, then one file per concept (episodes,
// certificates, transfer letters, lost contact: mobility_<concept>.cpp, each with its records,
// tables, pure rules and Store operations), then what spans them: the member's mobility aggregate and
// agenda (mobility_agenda.hpp), the statistics of a scope, and the parameter block.

#include "mobility_bindings.hpp"

namespace dangyuan::python {

// ---- records

#define F(T, x) DANGYUAN_PY_FIELD(T, x)
#define R(T, x) DANGYUAN_PY_REQUIRED(T, x)

DANGYUAN_PY_FIELDS(member_mobility, F(member_mobility, member), F(member_mobility, member_name),
                   F(member_mobility, branch), F(member_mobility, episodes), F(member_mobility, certificates),
                   F(member_mobility, letters), F(member_mobility, contacts), F(member_mobility, standing))
DANGYUAN_PY_FIELDS(mobility_count, F(mobility_count, key), F(mobility_count, org), F(mobility_count, away),
                   F(mobility_count, mobile))
DANGYUAN_PY_FIELDS(certificate_count, F(certificate_count, state), F(certificate_count, count))

#undef F
#undef R

// ---- tables

void table_spec<mobility_count>::columns(column_builder<mobility_count>& b) {
    using r = mobility_count;
    b.text(
        "key", [](r const& x) -> std::string const& { return x.key; }, true);
    b.optional_integer("org", [](r const& x) { return id_value(x.org); });
    b.integer("away", [](r const& x) { return x.away; });
    b.integer("mobile", [](r const& x) { return x.mobile; });
}

void table_spec<certificate_count>::columns(column_builder<certificate_count>& b) {
    using r = certificate_count;
    b.category<certificate_state>("state", [](r const& x) { return x.state; });
    b.integer("count", [](r const& x) { return x.count; });
}

namespace {

// The statistics of a scope as Python sees them: counts and tables.
struct mobility_statistics_view {
    mobility_statistics stats;
};
struct certificate_statistics_view {
    certificate_statistics stats;
};

template <class T>
record_table<T> table_of(std::vector<T> rows) {
    return record_table<T>(std::move(rows));
}

// Result policy of def_command: the statistics as their Python view.
struct as_statistics_view {
    mobility_statistics_view operator()(mobility_statistics s) const { return {std::move(s)}; }
    certificate_statistics_view operator()(certificate_statistics s) const { return {std::move(s)}; }
};

}  // namespace

void bind_mobility(py::module_& m) {
    // ---- enums
    bind_enum<mobility_reason>(m, "Why a member is away (外出原因).");
    bind_enum<episode_record_kind>(m, "What an episode record says happened (外出, 登记, 报到 …).");
    bind_enum<episode_phase>(m, "Whether the member is still away (away) or back / transferred (closed).");
    bind_enum<participation>(m, "How a member takes part in the meetings of an organisation on a date.");
    bind_enum<absence_document>(
        m, "The document an absence calls for (党员证明信, 流动党员活动证, 转接组织关系 …).");
    bind_enum<certificate_event_kind>(m, "What happened to an activity certificate after its issue.");
    bind_enum<certificate_state>(m, "The state of an activity certificate.")
        .def_property_readonly("is_open", &is_open,
                               "True while the certificate can be used (issued, presented).");
    bind_enum<transfer_event_kind>(m, "What happened to a transfer letter: received (回执) or revoked.");
    bind_enum<transfer_state>(m, "The state of a transfer letter on a date.");
    bind_enum<contact_kind>(m, "The outcome of a contact attempt.");
    bind_enum<self_withdrawal_ground>(m, "The three grounds of self-withdrawal (党章 第9条).");
    bind_enum<episode_side>(m,
                            "Which end of an episode a scoped query looks from: home (流出) or host (流入).");

    // ---- the concepts
    bind_mobility_episodes(m);
    bind_mobility_certificates(m);
    bind_mobility_transfers(m);
    bind_mobility_lost_contact(m);

    // ---- what spans them
    record_class<member_mobility>(
        m, "The mobility aggregates of one member (episodes, certificates, letters, contacts, standing).");
    record_class<mobility_count>(m, "Members away under one key.");
    record_class<certificate_count>(m, "Certificates in one state.");
    register_table<mobility_count>(m, "Counts of members away under a key: key, org, away, mobile.");
    register_table<certificate_count>(m, "Certificates per state: state, count.");

    output_class<mobility_statistics_view>(m, "MobilityStatistics",
                                           "Members away on a date seen from both ends; the breakdowns are "
                                           "MobilityCounts tables.")
        .def_property_readonly("as_of", [](mobility_statistics_view const& v) { return v.stats.as_of; })
        .def_property_readonly("away", [](mobility_statistics_view const& v) { return v.stats.away; })
        .def_property_readonly("mobile", [](mobility_statistics_view const& v) { return v.stats.mobile; })
        .def_property_readonly("registered",
                               [](mobility_statistics_view const& v) { return v.stats.registered; })
        .def_property_readonly("reported_to_host",
                               [](mobility_statistics_view const& v) { return v.stats.reported_to_host; })
        .def_property_readonly("hosted", [](mobility_statistics_view const& v) { return v.stats.hosted; })
        .def_property_readonly(
            "by_destination",
            [](mobility_statistics_view const& v) { return table_of(v.stats.by_destination); })
        .def_property_readonly("by_reason",
                               [](mobility_statistics_view const& v) { return table_of(v.stats.by_reason); })
        .def_property_readonly(
            "by_home_branch",
            [](mobility_statistics_view const& v) { return table_of(v.stats.by_home_branch); })
        .def_property_readonly("by_host",
                               [](mobility_statistics_view const& v) { return table_of(v.stats.by_host); })
        .def("__repr__", [](mobility_statistics_view const& v) {
            return "<dangyuan.MobilityStatistics on " + format_date(v.stats.as_of) + ": " +
                   std::to_string(v.stats.away) + " away, " + std::to_string(v.stats.hosted) + " hosted>";
        });
    output_class<certificate_statistics_view>(
        m, "CertificateStatistics",
        "Certificates of a scope on a date: by_state (a CertificateCounts "
        "table), valid, expired, review_overdue.")
        .def_property_readonly("as_of", [](certificate_statistics_view const& v) { return v.stats.as_of; })
        .def_property_readonly(
            "by_state", [](certificate_statistics_view const& v) { return table_of(v.stats.by_state); })
        .def_property_readonly("valid", [](certificate_statistics_view const& v) { return v.stats.valid; })
        .def_property_readonly("expired",
                               [](certificate_statistics_view const& v) { return v.stats.expired; })
        .def_property_readonly("review_overdue",
                               [](certificate_statistics_view const& v) { return v.stats.review_overdue; })
        .def("__repr__", [](certificate_statistics_view const& v) {
            return "<dangyuan.CertificateStatistics on " + format_date(v.stats.as_of) + ": " +
                   std::to_string(v.stats.valid) + " valid>";
        });

    auto const national = rule_set::national_2014();
    m.def(
        "mobility_agenda",
        [](py::handle mm, date::sys_days as_of, rule_set const& rules) {
            return record_table<agenda_item>(
                mobility_agenda(record_from_python<member_mobility>(mm), as_of, rules));
        },
        py::arg("mobility"), py::arg("as_of"), py::arg("rules") = national,
        "The whole mobility agenda of one member (a MemberMobility) on as_of, as an Agenda.");

    // ---- the parameter block
    auto params = existing_class<mobility_params>(m, "MobilityParams");
    std::vector<char const*> names;
#define DANGYUAN_PARAM(f)                          \
    params.def_readwrite(#f, &mobility_params::f); \
    names.push_back(#f);
    DANGYUAN_PARAM(mobile_after_months)
    DANGYUAN_PARAM(transfer_after_months)
    DANGYUAN_PARAM(yearly_report_interval_months)
    DANGYUAN_PARAM(mobility_notice_months)
    DANGYUAN_PARAM(temporary_org_min_members)
    DANGYUAN_PARAM(certificate_review_interval_months)
    DANGYUAN_PARAM(certificate_review_notice_months)
    DANGYUAN_PARAM(certificate_validity_months)
    DANGYUAN_PARAM(certificate_number_prefix)
    DANGYUAN_PARAM(certificate_number_digits)
    DANGYUAN_PARAM(transfer_letter_validity_days)
    DANGYUAN_PARAM(lost_contact_suspend_months)
    DANGYUAN_PARAM(suspended_removal_years)
    DANGYUAN_PARAM(self_withdrawal_months)
    DANGYUAN_PARAM(lost_contact_notice_months)
#undef DANGYUAN_PARAM
    params_repr(params, "MobilityParams", names);

    // ---- Store
    auto cls = existing_class<store_handle>(m, "Store");
    def_command<as_table>(
        cls, "mobility_agenda",
        [](store const& st, date::sys_days as_of, scope const& where) {
            return mobility_agenda(st, as_of, where);
        },
        py::arg("as_of"), py::arg("scope") = py::none(), "The mobility part of the agenda, as an Agenda.");
    def_command<as_statistics_view>(cls, "mobility_statistics", &mobility_statistics_on, py::arg("as_of"),
                                    py::arg("scope") = py::none(),
                                    "Mobile-member statistics of a scope on as_of (MobilityStatistics: "
                                    "counts and MobilityCounts tables).");
    def_command<as_statistics_view>(cls, "certificate_statistics", &certificate_statistics_on,
                                    py::arg("as_of"), py::arg("scope") = py::none(),
                                    "Certificates by state on as_of (CertificateStatistics).");
}

}  // namespace dangyuan::python
