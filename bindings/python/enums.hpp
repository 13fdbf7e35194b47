#pragma once
/// \file
/// The foundation's enums as Python sees them (see `enum_info` in common.hpp). Python names are the
/// C++ enumerator names; class names are CamelCase.

#include <array>
#include <string_view>
#include <utility>

#include "common.hpp"
#include "dangyuan/agenda/agenda.hpp"
#include "dangyuan/core/codes.hpp"
#include "dangyuan/core/id_number.hpp"
#include "dangyuan/core/work_calendar.hpp"
#include "dangyuan/member/member.hpp"
#include "dangyuan/member/standing.hpp"
#include "dangyuan/org/org.hpp"
#include "dangyuan/rules/catalogue.hpp"

namespace dangyuan::python {

// ---- code tables (core/codes.hpp): code, Chinese and English names, parse

template <>
struct enum_info<sex> {
    static constexpr char const* python_name = "Sex";
    static constexpr char const* field = "sex";
    static constexpr std::array values{
        DANGYUAN_PY_ENUM_VALUE(sex, unknown),
        DANGYUAN_PY_ENUM_VALUE(sex, male),
        DANGYUAN_PY_ENUM_VALUE(sex, female),
        DANGYUAN_PY_ENUM_VALUE(sex, unstated),
    };
    static std::string_view code(sex v) { return dangyuan::code(v); }
    static std::string_view chinese(sex v) { return chinese_name(v); }
    static std::string_view english(sex v) { return english_name(v); }
    static sex parse(std::string_view text) { return parse_sex(text); }
};

template <>
struct enum_info<ethnicity> {
    static constexpr char const* python_name = "Ethnicity";
    static constexpr char const* field = "ethnicity";
    static constexpr std::array values{
        DANGYUAN_PY_ENUM_VALUE(ethnicity, han),     DANGYUAN_PY_ENUM_VALUE(ethnicity, mongol),
        DANGYUAN_PY_ENUM_VALUE(ethnicity, hui),     DANGYUAN_PY_ENUM_VALUE(ethnicity, zang),
        DANGYUAN_PY_ENUM_VALUE(ethnicity, uygur),   DANGYUAN_PY_ENUM_VALUE(ethnicity, miao),
        DANGYUAN_PY_ENUM_VALUE(ethnicity, yi),      DANGYUAN_PY_ENUM_VALUE(ethnicity, zhuang),
        DANGYUAN_PY_ENUM_VALUE(ethnicity, buyei),   DANGYUAN_PY_ENUM_VALUE(ethnicity, chosen),
        DANGYUAN_PY_ENUM_VALUE(ethnicity, man),     DANGYUAN_PY_ENUM_VALUE(ethnicity, dong),
        DANGYUAN_PY_ENUM_VALUE(ethnicity, yao),     DANGYUAN_PY_ENUM_VALUE(ethnicity, bai),
        DANGYUAN_PY_ENUM_VALUE(ethnicity, tujia),   DANGYUAN_PY_ENUM_VALUE(ethnicity, hani),
        DANGYUAN_PY_ENUM_VALUE(ethnicity, kazak),   DANGYUAN_PY_ENUM_VALUE(ethnicity, dai),
        DANGYUAN_PY_ENUM_VALUE(ethnicity, li),      DANGYUAN_PY_ENUM_VALUE(ethnicity, lisu),
        DANGYUAN_PY_ENUM_VALUE(ethnicity, va),      DANGYUAN_PY_ENUM_VALUE(ethnicity, she),
        DANGYUAN_PY_ENUM_VALUE(ethnicity, gaoshan), DANGYUAN_PY_ENUM_VALUE(ethnicity, lahu),
        DANGYUAN_PY_ENUM_VALUE(ethnicity, sui),     DANGYUAN_PY_ENUM_VALUE(ethnicity, dongxiang),
        DANGYUAN_PY_ENUM_VALUE(ethnicity, naxi),    DANGYUAN_PY_ENUM_VALUE(ethnicity, jingpo),
        DANGYUAN_PY_ENUM_VALUE(ethnicity, kirgiz),  DANGYUAN_PY_ENUM_VALUE(ethnicity, tu),
        DANGYUAN_PY_ENUM_VALUE(ethnicity, daur),    DANGYUAN_PY_ENUM_VALUE(ethnicity, mulao),
        DANGYUAN_PY_ENUM_VALUE(ethnicity, qiang),   DANGYUAN_PY_ENUM_VALUE(ethnicity, blang),
        DANGYUAN_PY_ENUM_VALUE(ethnicity, salar),   DANGYUAN_PY_ENUM_VALUE(ethnicity, maonan),
        DANGYUAN_PY_ENUM_VALUE(ethnicity, gelao),   DANGYUAN_PY_ENUM_VALUE(ethnicity, xibe),
        DANGYUAN_PY_ENUM_VALUE(ethnicity, achang),  DANGYUAN_PY_ENUM_VALUE(ethnicity, pumi),
        DANGYUAN_PY_ENUM_VALUE(ethnicity, tajik),   DANGYUAN_PY_ENUM_VALUE(ethnicity, nu),
        DANGYUAN_PY_ENUM_VALUE(ethnicity, uzbek),   DANGYUAN_PY_ENUM_VALUE(ethnicity, russ),
        DANGYUAN_PY_ENUM_VALUE(ethnicity, ewenki),  DANGYUAN_PY_ENUM_VALUE(ethnicity, deang),
        DANGYUAN_PY_ENUM_VALUE(ethnicity, bonan),   DANGYUAN_PY_ENUM_VALUE(ethnicity, yugur),
        DANGYUAN_PY_ENUM_VALUE(ethnicity, gin),     DANGYUAN_PY_ENUM_VALUE(ethnicity, tatar),
        DANGYUAN_PY_ENUM_VALUE(ethnicity, derung),  DANGYUAN_PY_ENUM_VALUE(ethnicity, oroqen),
        DANGYUAN_PY_ENUM_VALUE(ethnicity, hezhen),  DANGYUAN_PY_ENUM_VALUE(ethnicity, monba),
        DANGYUAN_PY_ENUM_VALUE(ethnicity, lhoba),   DANGYUAN_PY_ENUM_VALUE(ethnicity, jino),
        DANGYUAN_PY_ENUM_VALUE(ethnicity, other),   DANGYUAN_PY_ENUM_VALUE(ethnicity, foreign_origin),
    };
    static std::string_view code(ethnicity v) { return dangyuan::code(v); }
    static std::string_view chinese(ethnicity v) { return chinese_name(v); }
    static std::string_view english(ethnicity v) { return english_name(v); }
    static ethnicity parse(std::string_view text) { return parse_ethnicity(text); }
};

template <>
struct enum_info<education> {
    static constexpr char const* python_name = "Education";
    static constexpr char const* field = "education";
    static constexpr std::array values{
        DANGYUAN_PY_ENUM_VALUE(education, postgraduate),
        DANGYUAN_PY_ENUM_VALUE(education, doctoral_graduated),
        DANGYUAN_PY_ENUM_VALUE(education, doctoral_completed),
        DANGYUAN_PY_ENUM_VALUE(education, doctoral_incomplete),
        DANGYUAN_PY_ENUM_VALUE(education, masters_graduated),
        DANGYUAN_PY_ENUM_VALUE(education, masters_completed),
        DANGYUAN_PY_ENUM_VALUE(education, masters_incomplete),
        DANGYUAN_PY_ENUM_VALUE(education, postgraduate_class_graduated),
        DANGYUAN_PY_ENUM_VALUE(education, postgraduate_class_completed),
        DANGYUAN_PY_ENUM_VALUE(education, postgraduate_class_incomplete),
        DANGYUAN_PY_ENUM_VALUE(education, undergraduate),
        DANGYUAN_PY_ENUM_VALUE(education, undergraduate_graduated),
        DANGYUAN_PY_ENUM_VALUE(education, undergraduate_completed),
        DANGYUAN_PY_ENUM_VALUE(education, undergraduate_incomplete),
        DANGYUAN_PY_ENUM_VALUE(education, ordinary_class_graduated),
        DANGYUAN_PY_ENUM_VALUE(education, junior_college),
        DANGYUAN_PY_ENUM_VALUE(education, junior_college_graduated),
        DANGYUAN_PY_ENUM_VALUE(education, junior_college_completed),
        DANGYUAN_PY_ENUM_VALUE(education, junior_college_incomplete),
        DANGYUAN_PY_ENUM_VALUE(education, secondary_vocational),
        DANGYUAN_PY_ENUM_VALUE(education, specialized_secondary_graduated),
        DANGYUAN_PY_ENUM_VALUE(education, specialized_secondary_completed),
        DANGYUAN_PY_ENUM_VALUE(education, specialized_secondary_incomplete),
        DANGYUAN_PY_ENUM_VALUE(education, vocational_high_graduated),
        DANGYUAN_PY_ENUM_VALUE(education, vocational_high_completed),
        DANGYUAN_PY_ENUM_VALUE(education, vocational_high_incomplete),
        DANGYUAN_PY_ENUM_VALUE(education, skilled_worker_school_graduated),
        DANGYUAN_PY_ENUM_VALUE(education, skilled_worker_school_completed),
        DANGYUAN_PY_ENUM_VALUE(education, skilled_worker_school_incomplete),
        DANGYUAN_PY_ENUM_VALUE(education, senior_high),
        DANGYUAN_PY_ENUM_VALUE(education, senior_high_graduated),
        DANGYUAN_PY_ENUM_VALUE(education, senior_high_completed),
        DANGYUAN_PY_ENUM_VALUE(education, senior_high_incomplete),
        DANGYUAN_PY_ENUM_VALUE(education, junior_high),
        DANGYUAN_PY_ENUM_VALUE(education, junior_high_graduated),
        DANGYUAN_PY_ENUM_VALUE(education, junior_high_incomplete),
        DANGYUAN_PY_ENUM_VALUE(education, primary),
        DANGYUAN_PY_ENUM_VALUE(education, primary_graduated),
        DANGYUAN_PY_ENUM_VALUE(education, primary_incomplete),
        DANGYUAN_PY_ENUM_VALUE(education, other),
    };
    static std::string_view code(education v) { return dangyuan::code(v); }
    static std::string_view chinese(education v) { return chinese_name(v); }
    static std::string_view english(education v) { return english_name(v); }
    static education parse(std::string_view text) { return parse_education(text); }
};

template <>
struct enum_info<personnel_category> {
    static constexpr char const* python_name = "PersonnelCategory";
    static constexpr char const* field = "category";
    static constexpr std::array values{
        DANGYUAN_PY_ENUM_VALUE(personnel_category, worker),
        DANGYUAN_PY_ENUM_VALUE(personnel_category, farmer_herder_fisher),
        DANGYUAN_PY_ENUM_VALUE(personnel_category, professional_technical),
        DANGYUAN_PY_ENUM_VALUE(personnel_category, management),
        DANGYUAN_PY_ENUM_VALUE(personnel_category, party_government_staff),
        DANGYUAN_PY_ENUM_VALUE(personnel_category, student),
        DANGYUAN_PY_ENUM_VALUE(personnel_category, other_occupation),
        DANGYUAN_PY_ENUM_VALUE(personnel_category, retired),
        DANGYUAN_PY_ENUM_VALUE(personnel_category, military),
    };
    static std::string_view code(personnel_category v) { return dangyuan::code(v); }
    static std::string_view chinese(personnel_category v) { return chinese_name(v); }
    static std::string_view english(personnel_category v) { return english_name(v); }
    static personnel_category parse(std::string_view text) { return parse_personnel_category(text); }
};

template <>
struct enum_info<political_status> {
    static constexpr char const* python_name = "PoliticalStatus";
    static constexpr char const* field = "political_status";
    static constexpr std::array values{
        DANGYUAN_PY_ENUM_VALUE(political_status, cpc_member),
        DANGYUAN_PY_ENUM_VALUE(political_status, cpc_probationary_member),
        DANGYUAN_PY_ENUM_VALUE(political_status, cyl_member),
        DANGYUAN_PY_ENUM_VALUE(political_status, rckmt_member),
        DANGYUAN_PY_ENUM_VALUE(political_status, cdl_member),
        DANGYUAN_PY_ENUM_VALUE(political_status, cndca_member),
        DANGYUAN_PY_ENUM_VALUE(political_status, capd_member),
        DANGYUAN_PY_ENUM_VALUE(political_status, cpwdp_member),
        DANGYUAN_PY_ENUM_VALUE(political_status, zhi_gong_member),
        DANGYUAN_PY_ENUM_VALUE(political_status, jiusan_member),
        DANGYUAN_PY_ENUM_VALUE(political_status, tdsl_member),
        DANGYUAN_PY_ENUM_VALUE(political_status, non_party),
        DANGYUAN_PY_ENUM_VALUE(political_status, masses),
    };
    static std::string_view code(political_status v) { return dangyuan::code(v); }
    static std::string_view chinese(political_status v) { return chinese_name(v); }
    static std::string_view english(political_status v) { return english_name(v); }
    static political_status parse(std::string_view text) { return parse_political_status(text); }
};

// ---- ID numbers, the catalogue, the working-day calendar

template <>
struct enum_info<id_number_error> {
    static constexpr char const* python_name = "IdNumberError";
    static constexpr char const* field = "id_number";
    static constexpr std::array values{
        DANGYUAN_PY_ENUM_VALUE(id_number_error, bad_length),
        DANGYUAN_PY_ENUM_VALUE(id_number_error, bad_character),
        DANGYUAN_PY_ENUM_VALUE(id_number_error, impossible_date),
        DANGYUAN_PY_ENUM_VALUE(id_number_error, bad_province),
        DANGYUAN_PY_ENUM_VALUE(id_number_error, bad_check_character),
    };
    static std::string_view code(id_number_error v) { return to_string(v); }
};

template <>
struct enum_info<confidence> {
    static constexpr char const* python_name = "Confidence";
    static constexpr char const* field = "confidence";
    static constexpr std::array values{
        DANGYUAN_PY_ENUM_VALUE(confidence, confirmed),   DANGYUAN_PY_ENUM_VALUE(confidence, secondary),
        DANGYUAN_PY_ENUM_VALUE(confidence, local),       DANGYUAN_PY_ENUM_VALUE(confidence, unconfirmed),
        DANGYUAN_PY_ENUM_VALUE(confidence, third_party),
    };
    /// The tag as written in the catalogue, "[C]".
    static std::string_view code(confidence v) { return tag(v); }
};

template <>
struct enum_info<on_existing_year> {
    static constexpr char const* python_name = "OnExistingYear";
    static constexpr char const* field = "policy";
    static constexpr std::array values{
        DANGYUAN_PY_ENUM_VALUE(on_existing_year, reject),
        DANGYUAN_PY_ENUM_VALUE(on_existing_year, replace),
    };
    static std::string_view code(on_existing_year v) {
        return v == on_existing_year::reject ? "reject" : "replace";
    }
};

// ---- organisations, members, standing, agenda

template <>
struct enum_info<org_kind> {
    static constexpr char const* python_name = "OrgKind";
    static constexpr char const* field = "kind";
    static constexpr std::array values{
        DANGYUAN_PY_ENUM_VALUE(org_kind, higher_committee),
        DANGYUAN_PY_ENUM_VALUE(org_kind, grassroots_committee),
        DANGYUAN_PY_ENUM_VALUE(org_kind, working_committee),
        DANGYUAN_PY_ENUM_VALUE(org_kind, general_branch),
        DANGYUAN_PY_ENUM_VALUE(org_kind, branch),
        DANGYUAN_PY_ENUM_VALUE(org_kind, joint_branch),
        DANGYUAN_PY_ENUM_VALUE(org_kind, party_group),
    };
    static std::string_view code(org_kind v) { return to_string(v); }
    static std::string_view chinese(org_kind v) { return chinese_name(v); }
    static org_kind parse(std::string_view text) { return parse_org_kind(text); }
};

template <>
struct enum_info<officer_role> {
    static constexpr char const* python_name = "OfficerRole";
    static constexpr char const* field = "role";
    static constexpr std::array values{
        DANGYUAN_PY_ENUM_VALUE(officer_role, secretary),
        DANGYUAN_PY_ENUM_VALUE(officer_role, deputy_secretary),
        DANGYUAN_PY_ENUM_VALUE(officer_role, committee_member),
    };
    static std::string_view code(officer_role v) { return to_string(v); }
    static std::string_view chinese(officer_role v) { return chinese_name(v); }
    static officer_role parse(std::string_view text) { return parse_officer_role(text); }
};

template <>
struct enum_info<member_status> {
    static constexpr char const* python_name = "MemberStatus";
    static constexpr char const* field = "status";
    static constexpr std::array values{
        DANGYUAN_PY_ENUM_VALUE(member_status, probationary),
        DANGYUAN_PY_ENUM_VALUE(member_status, full),
    };
    static std::string_view code(member_status v) { return to_string(v); }
    static std::string_view chinese(member_status v) { return chinese_name(v); }
};

template <>
struct enum_info<standing_state> {
    static constexpr char const* python_name = "StandingState";
    static constexpr char const* field = "state";
    static constexpr std::array values{
        DANGYUAN_PY_ENUM_VALUE(standing_state, normal),
        DANGYUAN_PY_ENUM_VALUE(standing_state, suspended),
        DANGYUAN_PY_ENUM_VALUE(standing_state, exited),
    };
    static std::string_view code(standing_state v) { return to_string(v); }
};

template <>
struct enum_info<standing_event_kind> {
    static constexpr char const* python_name = "StandingEventKind";
    static constexpr char const* field = "kind";
    static constexpr std::array values{
        DANGYUAN_PY_ENUM_VALUE(standing_event_kind, suspended),
        DANGYUAN_PY_ENUM_VALUE(standing_event_kind, restored),
        DANGYUAN_PY_ENUM_VALUE(standing_event_kind, removed_self_withdrawal),
        DANGYUAN_PY_ENUM_VALUE(standing_event_kind, removed),
        DANGYUAN_PY_ENUM_VALUE(standing_event_kind, persuaded_to_withdraw),
        DANGYUAN_PY_ENUM_VALUE(standing_event_kind, expelled),
        DANGYUAN_PY_ENUM_VALUE(standing_event_kind, withdrew),
        DANGYUAN_PY_ENUM_VALUE(standing_event_kind, probation_cancelled),
        DANGYUAN_PY_ENUM_VALUE(standing_event_kind, died),
    };
    static std::string_view code(standing_event_kind v) { return to_string(v); }
    static std::string_view chinese(standing_event_kind v) { return chinese_name(v); }
    static standing_event_kind parse(std::string_view text) { return parse_standing_event_kind(text); }
};

template <>
struct enum_info<agenda_status> {
    static constexpr char const* python_name = "AgendaStatus";
    static constexpr char const* field = "status";
    static constexpr std::array values{
        DANGYUAN_PY_ENUM_VALUE(agenda_status, upcoming),
        DANGYUAN_PY_ENUM_VALUE(agenda_status, due),
        DANGYUAN_PY_ENUM_VALUE(agenda_status, overdue),
        DANGYUAN_PY_ENUM_VALUE(agenda_status, finding),
    };
    static std::string_view code(agenda_status v) { return to_string(v); }
    static std::string_view chinese(agenda_status v) { return chinese_name(v); }
};

}  // namespace dangyuan::python
