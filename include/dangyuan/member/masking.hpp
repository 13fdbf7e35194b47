#pragma once
/// \file
/// The masking policy (脱敏规则): for every personal field of the member record (党员信息), of the
/// applicant of a development case (发展对象) and for the columns a roster export adds, how a masked
/// view or export shows it. Every masked view (CLI `member show`/`member list`, `export`, the case
/// display, audit-trail details, Python `CitizenId.masked()`) goes through this table; the rules are in
/// `dangyuan/core/masking.hpp`. docs/security.md ("Masking") has the table and why a masked row cannot
/// be undone.

#include <array>
#include <stdexcept>
#include <string>
#include <string_view>

#include "dangyuan/core/masking.hpp"
#include "dangyuan/member/member_fields.hpp"

namespace dangyuan {

/// The record a masked field belongs to.
enum class masked_record {
    member,     ///< `member` (member_fields.hpp), a roster row
    applicant,  ///< `applicant`, the person of a development case
    roster,     ///< a column a roster export adds (编号, 人员状态, 党籍状态, 党龄)
};

/// One row of the policy.
struct field_masking {
    masked_record record;
    std::string_view field;   ///< the field's name in code ("id_number")
    mask_rule rule;           ///< how a masked view shows it
    std::string_view reason;  ///< why it is shown that way
};

/// The policy. Names stay: a roster exists to list people by name. The ID number keeps its address
/// code only and the birth date its year, so that nothing on a row gives back the month and day of
/// birth, the sequence number or the check character (docs/security.md counts the ID numbers that
/// fit a masked row). Phones keep 3 + 4 digits, addresses the district/county.
inline constexpr std::array masking_policy{
    // member (党员信息), in the order of member_fields
    field_masking{masked_record::member, "name", mask_rule::shown, "rosters identify people by name"},
    field_masking{masked_record::member, "sex", mask_rule::shown, "statistics; one bit of the ID number"},
    field_masking{masked_record::member, "ethnicity", mask_rule::shown, "statistics (民族)"},
    field_masking{masked_record::member, "birth_date", mask_rule::year_only,
                  "month and day are 4 of the ID number's hidden digits"},
    field_masking{masked_record::member, "id_number", mask_rule::id_region_only,
                  "the address code is the county; date, sequence and check character are hidden"},
    field_masking{masked_record::member, "education", mask_rule::shown, "statistics (学历)"},
    field_masking{masked_record::member, "category", mask_rule::shown, "statistics (人员类别)"},
    field_masking{masked_record::member, "work_unit", mask_rule::shown, "the roster's purpose"},
    field_masking{masked_record::member, "post", mask_rule::shown, "the roster's purpose"},
    field_masking{masked_record::member, "native_place", mask_rule::shown,
                  "a province or city of origin, no address"},
    field_masking{masked_record::member, "phone", mask_rule::phone_3_4, "carrier prefix and last 4 only"},
    field_masking{masked_record::member, "address", mask_rule::county_level,
                  "district/county level only, like the ID number's address code"},
    field_masking{masked_record::member, "branch", mask_rule::shown, "the roster's purpose"},
    field_masking{masked_record::member, "joined_branch", mask_rule::shown, "party record, not in the ID"},
    field_masking{masked_record::member, "application_date", mask_rule::shown, "party record, not in the ID"},
    field_masking{masked_record::member, "admission_date", mask_rule::shown, "party record, not in the ID"},
    field_masking{masked_record::member, "full_member_date", mask_rule::shown, "party record, not in the ID"},
    field_masking{masked_record::member, "backfilled", mask_rule::shown, "bookkeeping flag"},
    // applicant (the person of a development case)
    field_masking{masked_record::applicant, "name", mask_rule::shown, "the case is about this person"},
    field_masking{masked_record::applicant, "sex", mask_rule::shown, "as for members"},
    field_masking{masked_record::applicant, "birth_date", mask_rule::year_only, "as for members"},
    field_masking{masked_record::applicant, "id_number", mask_rule::id_region_only, "as for members"},
    field_masking{masked_record::applicant, "ethnicity", mask_rule::shown, "as for members"},
    field_masking{masked_record::applicant, "education", mask_rule::shown, "as for members"},
    field_masking{masked_record::applicant, "category", mask_rule::shown, "as for members"},
    field_masking{masked_record::applicant, "work_unit", mask_rule::shown, "as for members"},
    field_masking{masked_record::applicant, "branch", mask_rule::shown, "the branch handling the case"},
    field_masking{masked_record::applicant, "mobile", mask_rule::shown, "flag (流动人员)"},
    // columns a roster export adds
    field_masking{masked_record::roster, "id", mask_rule::shown, "the store's member number"},
    field_masking{masked_record::roster, "status", mask_rule::shown, "derived from the party record"},
    field_masking{masked_record::roster, "standing", mask_rule::shown, "derived from the party record"},
    field_masking{masked_record::roster, "party_age", mask_rule::shown, "whole years since admission"},
};

/// The policy row of `field` of `record`, or nullptr when the table has none.
[[nodiscard]] constexpr field_masking const* find_masking(masked_record record,
                                                          std::string_view field) noexcept {
    for (auto const& row : masking_policy)
        if (row.record == record && row.field == field) return &row;
    return nullptr;
}

namespace detail {
// Compares rows rather than find_masking's pointer with null: g++ with -fsanitize=undefined does not
// evaluate that comparison as a constant expression.
constexpr bool has_masking(masked_record record, std::string_view field) {
    for (auto const& row : masking_policy)
        if (row.record == record && row.field == field) return true;
    return false;
}
constexpr bool every_member_field_masked() {
    for (auto const& f : member_fields)
        if (!has_masking(masked_record::member, f.name)) return false;
    return true;
}
}  // namespace detail

static_assert(detail::every_member_field_masked(),
              "every field of member_fields.hpp needs a row in masking_policy");

/// `text`, the unmasked display text of `field` of `record`, as a masked view shows it.
/// \throws std::logic_error when the table has no row for the field (a new field must be given one).
[[nodiscard]] inline std::string mask_field(masked_record record, std::string_view field,
                                            std::string_view text) {
    auto const* row = find_masking(record, field);
    if (row == nullptr) throw std::logic_error("no masking rule for field " + std::string(field));
    return masking::apply(row->rule, text);
}

namespace detail {
constexpr int masked_member_fields() {
    int n = 0;
    for (auto const& row : masking_policy)
        if (row.record == masked_record::member && row.rule != mask_rule::shown) ++n;
    return n;
}
}  // namespace detail

/// `m` as a principal without `permission::unmasked_personal_data` reads it (core/access.hpp): the
/// policy applied to the record itself. The ID number is left out (its region code alone is no valid
/// `citizen_id`; masked views print it), the birth date becomes 1 January of its year (year_only), the
/// phone and the home address their masked text.
[[nodiscard]] inline member masked_member(member m) {
    static_assert(detail::masked_member_fields() == 4,
                  "masked_member masks id_number, birth_date, phone and address; a field newly masked "
                  "in masking_policy must be masked here too");
    m.id_number.reset();
    m.birth_date = date::sys_days{date::year_month_day{m.birth_date}.year() / date::January / 1};
    m.phone = masking::apply(mask_rule::phone_3_4, m.phone);
    m.address = masking::apply(mask_rule::county_level, m.address);
    return m;
}

}  // namespace dangyuan
