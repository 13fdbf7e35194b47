// The member record (member/member.hpp) and the Roster table.

#include <array>
#include <optional>
#include <span>
#include <type_traits>
#include <vector>

#include "dangyuan/member/masking.hpp"
#include "dangyuan/member/member_fields.hpp"
#include "enums.hpp"
#include "foundation.hpp"
#include "roster_result.hpp"

namespace dangyuan::python {

// The record's fields from the one list of member/member_fields.hpp, between the store's id and version.
std::span<field_spec<member> const> record_traits<member>::fields() {
    static auto const specs = [] {
        std::vector<field_spec<member>> out;
        out.push_back(field<&member::id>("id"));
        for_each_member_field([&](auto const& f) {
            out.push_back(field<std::decay_t<decltype(f)>::pointer>(f.name.data(), f.required));
        });
        out.push_back(field<&member::version>("version"));
        return out;
    }();
    return specs;
}

// The ID number carries the birth date and sex: when only the number is given they are taken from it
// (when given too, validate_member checks that they agree). A member usually joins the branch that
// admitted them, so joined_branch defaults to the admission date.
void record_traits<member>::finish(member& m, std::uint64_t& given) {
    if (m.id_number) {
        if (!was_given<member>(given, "birth_date")) {
            m.birth_date = m.id_number->birth_date();
            mark_given<member>(given, "birth_date");
        }
        if (!was_given<member>(given, "sex")) m.sex = m.id_number->sex_of();
    }
    if (!was_given<member>(given, "joined_branch") && was_given<member>(given, "admission_date")) {
        m.joined_branch = m.admission_date;
        mark_given<member>(given, "joined_branch");
    }
}

void bind_member(py::module_& m) {
    bind_enum<member_status>(m, "Membership status on a date: probationary (预备党员) or full (正式党员).");

    py::class_<member> cls(m, "Member",
                           "A member as a roster carries them (党员信息). Build it with keywords; name, "
                           "branch (OrgId), admission_date and birth_date are required, but birth_date and "
                           "sex are taken from id_number (a str) when only the number is given, and "
                           "joined_branch defaults to admission_date. Enum fields accept the enum or its "
                           "name, code or Chinese name ('男', '汉族', '21').");
    bind_record(cls);
    cls.def("status_on", &member::status_on, py::arg("d"),
            "MemberStatus on d: probationary from admission_date, full from full_member_date; None before.");

    register_roster(m);

    // The masking policy (member/masking.hpp), read-only: a tuple of tuples.
    m.def(
        "masking_policy",
        [] {
            py::list rows;
            for (auto const& row : masking_policy) {
                char const* record = row.record == masked_record::member      ? "member"
                                     : row.record == masked_record::applicant ? "applicant"
                                                                              : "roster";
                rows.append(py::make_tuple(record, std::string(row.field),
                                           std::string(masking::name(row.rule)), std::string(row.reason)));
            }
            return py::tuple(rows);
        },
        "The masking policy (脱敏规则) every masked view follows, as (record, field, rule, reason) tuples: "
        "record is 'member', 'applicant' or 'roster'; rule is 'shown', 'id_region_only', 'year_only', "
        "'phone_3_4' or 'county_level' (docs/security.md).");
    m.def(
        "mask_field",
        [](std::string_view record, std::string_view field, std::string_view text) {
            masked_record r{};
            if (record == "member")
                r = masked_record::member;
            else if (record == "applicant")
                r = masked_record::applicant;
            else if (record == "roster")
                r = masked_record::roster;
            else
                throw invalid_input("record",
                                    "'" + std::string(record) + "' is not member, applicant or roster");
            if (find_masking(r, field) == nullptr)
                throw invalid_input("field", "the masking policy has no field '" + std::string(field) + "'");
            return mask_field(r, field, text);
        },
        py::arg("record"), py::arg("field"), py::arg("text"),
        "text (the unmasked display text of a field, dates as YYYY-MM-DD) as a masked view shows it, e.g. "
        "mask_field('member', 'birth_date', '1980-02-14') == '1980'. Raises InvalidInput (record, field) "
        "for a record or field the policy does not know.");

    m.def("validate_member", &validate_member, py::arg("member"),
          py::arg("rules") = rule_set::national_2014(),
          "Validates a member record. Raises InvalidInput naming the field, or RuleViolation "
          "member.id_number_consistent, member.min_age_18, member.probation_1_year.");
}

}  // namespace dangyuan::python
