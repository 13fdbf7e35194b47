#pragma once
/// \file
/// The fields of the member record (党员信息) in one list: their names in code, Python and CSV, the
/// column of the store's `members` table, the Chinese header of a roster sheet, and the member pointer.
/// The store's column lists, the Python `Member` fields and the roster's headers are derived from it,
/// so that a field added to `member` is added here once.
///
/// The list holds the data of the record in declaration order; the store-assigned `id` and `version`
/// are not in it.

#include <array>
#include <cstddef>
#include <string_view>

#include "dangyuan/member/member.hpp"

namespace dangyuan {

/// What describes one field of `member`.
struct member_field_info {
    std::string_view name;     ///< the name in C++, Python and an English CSV header ("work_unit")
    std::string_view column;   ///< the column of the store's `members` table ("branch_id")
    std::string_view chinese;  ///< the Chinese header of a roster sheet (工作单位)
    bool required = false;     ///< a new record must give it (no meaningful default)

    constexpr member_field_info() noexcept = default;
    constexpr member_field_info(std::string_view n, std::string_view c, std::string_view zh,
                                bool must_give = false) noexcept
        : name(n), column(c), chinese(zh), required(must_give) {}
};

/// One field: its description and, as `pointer`, the member pointer `&member::<name>`.
template <auto Pointer>
struct member_field : member_field_info {
    static constexpr auto pointer = Pointer;
};

/// Calls `f(member_field<&member::x>{...})` for every field of the record, in declaration order. Each
/// call has its own argument type, so `f` can read `m.*decltype(field)::pointer` with its real type.
template <class F>
constexpr void for_each_member_field(F&& f) {
    f(member_field<&member::name>{{"name", "name", "姓名", true}});
    f(member_field<&member::sex>{{"sex", "sex", "性别"}});
    f(member_field<&member::ethnicity>{{"ethnicity", "ethnicity", "民族"}});
    f(member_field<&member::birth_date>{{"birth_date", "birth_date", "出生日期", true}});
    f(member_field<&member::id_number>{{"id_number", "id_number", "公民身份号码"}});
    f(member_field<&member::education>{{"education", "education", "学历"}});
    f(member_field<&member::category>{{"category", "category", "人员类别"}});
    f(member_field<&member::work_unit>{{"work_unit", "work_unit", "工作单位"}});
    f(member_field<&member::post>{{"post", "post", "职务"}});
    f(member_field<&member::native_place>{{"native_place", "native_place", "籍贯"}});
    f(member_field<&member::phone>{{"phone", "phone", "联系电话"}});
    f(member_field<&member::address>{{"address", "address", "家庭住址"}});
    f(member_field<&member::branch>{{"branch", "branch_id", "所在支部", true}});
    f(member_field<&member::joined_branch>{{"joined_branch", "joined_branch", "转入支部日期"}});
    f(member_field<&member::application_date>{{"application_date", "application_date", "申请入党日期"}});
    f(member_field<&member::admission_date>{{"admission_date", "admission_date", "入党日期", true}});
    f(member_field<&member::full_member_date>{{"full_member_date", "full_member_date", "转正日期"}});
    f(member_field<&member::backfilled>{{"backfilled", "backfilled", "补录"}});
}

namespace detail {

constexpr std::size_t member_field_count() {
    std::size_t n = 0;
    for_each_member_field([&](auto const&) { ++n; });
    return n;
}

}  // namespace detail

/// The descriptions of `for_each_member_field`, as an array in the same order.
inline constexpr auto member_fields = [] {
    std::array<member_field_info, detail::member_field_count()> out{};
    std::size_t i = 0;
    for_each_member_field([&](auto const& f) { out[i++] = f; });
    return out;
}();

/// The description of the field called `name`, or nullptr.
[[nodiscard]] constexpr member_field_info const* find_member_field(std::string_view name) noexcept {
    for (auto const& f : member_fields)
        if (f.name == name) return &f;
    return nullptr;
}

}  // namespace dangyuan
