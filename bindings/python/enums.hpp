#pragma once
/// \file
/// The foundation's enums as Python sees them (see `enum_info` in common.hpp), and `rows_info`, which
/// makes an `enum_info` from an enum's C++ table (`enum_table`). Python names are the C++ enumerator
/// names; class names are CamelCase. The code tables of core/codes.hpp keep their own lists here.

#include <algorithm>
#include <array>
#include <cstddef>
#include <string_view>
#include <utility>

#include "common.hpp"
#include "dangyuan/agenda/agenda.hpp"
#include "dangyuan/core/codes.hpp"
#include "dangyuan/core/enum_table.hpp"
#include "dangyuan/core/id_number.hpp"
#include "dangyuan/core/work_calendar.hpp"
#include "dangyuan/member/member.hpp"
#include "dangyuan/member/standing.hpp"
#include "dangyuan/org/org.hpp"
#include "dangyuan/rules/catalogue.hpp"

namespace dangyuan::python {

// ---- enums with a C++ table (core/enum_table.hpp)

/// A Python class name as a template argument.
template <std::size_t N>
struct python_class_name {
    char text[N];
    constexpr python_class_name(char const (&s)[N]) { std::copy_n(s, N, text); }  // NOLINT: implicit
};

/// The Chinese name, for the enums whose table has one for every value.
template <class E>
struct rows_chinese {};
template <class E>
requires enum_has_chinese<E>
struct rows_chinese<E> {
    static std::string_view chinese(E v) { return chinese_name(v); }
};

/// `parse` through the C++ parse function `Parse` (its field and message), none for `nullptr`.
template <class E, auto Parse>
struct rows_parse {
    static E parse(std::string_view text) { return Parse(text); }
};
template <class E>
struct rows_parse<E, nullptr> {};

/// An `enum_info` read from `enum_table<E>`: every row in enumerator order with its Python name (the
/// C++ enumerator name), `code` = `to_string`, the field its errors name, the Chinese name when the
/// table has one for every value, and `parse` when a C++ parse function is given. For example
/// `template <> struct enum_info<org_kind> : rows_info<org_kind, "OrgKind", &parse_org_kind> {};`.
template <tabled_enum E, python_class_name Name, auto Parse = nullptr>
struct rows_info : rows_chinese<E>, rows_parse<E, Parse> {
    static constexpr char const* python_name = Name.text;
    static constexpr char const* field = enum_table<E>::field.data();  // a literal: NUL-terminated
    static constexpr auto values = [] {
        std::array<std::pair<E, char const*>, std::size(enum_table<E>::rows)> out{};
        for (std::size_t i = 0; i < out.size(); ++i)  // identifiers are literals: NUL-terminated
            out[i] = {enum_table<E>::rows[i].value, enum_table<E>::rows[i].identifier().data()};
        return out;
    }();
    static std::string_view code(E v) { return to_string(v); }
};

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
struct enum_info<id_number_error> : rows_info<id_number_error, "IdNumberError"> {};
/// `.code` is the tag as written in the catalogue, "[C]".
template <>
struct enum_info<confidence> : rows_info<confidence, "Confidence"> {};
template <>
struct enum_info<on_existing_year> : rows_info<on_existing_year, "OnExistingYear"> {};

// ---- organisations, members, standing, agenda

template <>
struct enum_info<org_kind> : rows_info<org_kind, "OrgKind", &parse_org_kind> {};
template <>
struct enum_info<officer_role> : rows_info<officer_role, "OfficerRole", &parse_officer_role> {};
template <>
struct enum_info<member_status> : rows_info<member_status, "MemberStatus"> {};
template <>
struct enum_info<standing_state> : rows_info<standing_state, "StandingState"> {};
template <>
struct enum_info<standing_event_kind>
    : rows_info<standing_event_kind, "StandingEventKind", &parse_standing_event_kind> {};
template <>
struct enum_info<agenda_status> : rows_info<agenda_status, "AgendaStatus"> {};

}  // namespace dangyuan::python
