#pragma once
/// \file
/// The foundation's enums as Python sees them (see `enum_info` in common.hpp), and `rows_info`, which
/// makes an `enum_info` from an enum's C++ table (`enum_table`). Python names are the C++ enumerator
/// names; class names are CamelCase. The code tables of core/codes.hpp keep their own lists here.

#include <algorithm>
#include <array>
#include <cstddef>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

#include "common.hpp"
#include "dangyuan/agenda/agenda.hpp"
#include "dangyuan/core/access.hpp"
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
/// table has one for every value, and `parse` when a C++ parse function is given.
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

/// One entry of a list of Python enums read from tables: `enum_info<E>` is `rows_info<E, Name, Parse>`.
template <tabled_enum E, python_class_name Name, auto Parse = nullptr>
struct table_enum : rows_info<E, Name, Parse> {
    using enum_type = E;
};

/// True when a `std::tuple` of `table_enum`s has an entry for `E`.
template <class E, class List>
inline constexpr bool listed_in = false;
template <class E, class... T>
inline constexpr bool listed_in<E, std::tuple<T...>> = (std::is_same_v<E, typename T::enum_type> || ...);

namespace detail {
template <class E, class T, class... Rest>
constexpr auto* entry_for() {
    if constexpr (std::is_same_v<E, typename T::enum_type> || sizeof...(Rest) == 0)
        return static_cast<T*>(nullptr);
    else
        return entry_for<E, Rest...>();
}
template <class E, class... T>
auto* entry_in(std::tuple<T...>*) {
    return entry_for<E, T...>();
}
}  // namespace detail

/// The entry for `E` of a list of `table_enum`s.
template <class E, class List>
using listed_info = std::remove_pointer_t<decltype(detail::entry_in<E>(static_cast<List*>(nullptr)))>;

// ---- code tables (core/codes.hpp): code, Chinese and English names, parse

/// The texts of a code table: official code, Chinese and English names, and `Parse`.
template <class E, auto Parse>
struct code_table_texts {
    static std::string_view code(E v) { return dangyuan::code(v); }
    static std::string_view chinese(E v) { return chinese_name(v); }
    static std::string_view english(E v) { return english_name(v); }
    static E parse(std::string_view text) { return Parse(text); }
};

template <>
struct enum_info<sex> : code_table_texts<sex, &parse_sex> {
    static constexpr char const* python_name = "Sex";
    static constexpr char const* field = "sex";
    static constexpr std::array values{
        DANGYUAN_PY_ENUM_VALUE(sex, unknown),
        DANGYUAN_PY_ENUM_VALUE(sex, male),
        DANGYUAN_PY_ENUM_VALUE(sex, female),
        DANGYUAN_PY_ENUM_VALUE(sex, unstated),
    };
};

template <>
struct enum_info<ethnicity> : code_table_texts<ethnicity, &parse_ethnicity> {
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
};

template <>
struct enum_info<education> : code_table_texts<education, &parse_education> {
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
};

template <>
struct enum_info<personnel_category> : code_table_texts<personnel_category, &parse_personnel_category> {
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
};

template <>
struct enum_info<political_status> : code_table_texts<political_status, &parse_political_status> {
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
};

// ---- enums with a table: ID numbers, the catalogue, the working-day calendar, organisations,
// members, standing, the agenda. Confidence's `.code` is the tag as written in the catalogue, "[C]".

using foundation_enums =
    std::tuple<table_enum<id_number_error, "IdNumberError">, table_enum<confidence, "Confidence">,
               table_enum<on_existing_year, "OnExistingYear">,
               table_enum<org_kind, "OrgKind", &parse_org_kind>,
               table_enum<officer_role, "OfficerRole", &parse_officer_role>,
               table_enum<member_status, "MemberStatus">, table_enum<standing_state, "StandingState">,
               table_enum<standing_event_kind, "StandingEventKind", &parse_standing_event_kind>,
               table_enum<agenda_status, "AgendaStatus">, table_enum<permission, "Permission">>;

template <class E>
requires listed_in<E, foundation_enums>
struct enum_info<E> : listed_info<E, foundation_enums> {
};

}  // namespace dangyuan::python
