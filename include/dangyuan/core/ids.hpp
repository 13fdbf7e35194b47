#pragma once
/// \file
/// Strong identifier types. Each id is a distinct type wrapping an integer: a `member_id` cannot be
/// passed where an `org_id` is expected, compared with one, or built from one implicitly.

#include <compare>
#include <cstdint>
#include <functional>
#include <ostream>

namespace dangyuan {

/// A strongly typed integer identifier. `Tag` makes each instantiation a distinct type.
/// Values are assigned by the store; a default-constructed id is invalid (`!id.valid()`).
template <class Tag>
class strong_id {
public:
    using rep = std::int64_t;

    constexpr strong_id() noexcept = default;
    constexpr explicit strong_id(rep value) noexcept : value_(value) {}

    /// The raw integer, for storage and display.
    [[nodiscard]] constexpr rep value() const noexcept { return value_; }
    /// True when the id was assigned (positive).
    [[nodiscard]] constexpr bool valid() const noexcept { return value_ > 0; }

    friend constexpr bool operator==(strong_id, strong_id) noexcept = default;
    friend constexpr auto operator<=>(strong_id, strong_id) noexcept = default;

    friend std::ostream& operator<<(std::ostream& os, strong_id id) { return os << id.value_; }

private:
    rep value_ = 0;
};

struct member_tag;
struct org_tag;
struct case_tag;
struct episode_tag;
struct campaign_tag;
struct meeting_tag;

/// A party member, or a person in the development pipeline once they are on the roster.
using member_id = strong_id<member_tag>;
/// A party organisation (committee, general branch, branch, party group).
using org_id = strong_id<org_tag>;
/// A development case (发展党员 pipeline of one person).
using case_id = strong_id<case_tag>;
/// A mobility episode (one period away from the home branch).
using episode_id = strong_id<episode_tag>;
/// A democratic-evaluation campaign.
using campaign_id = strong_id<campaign_tag>;
/// A meeting of organisational life.
using meeting_id = strong_id<meeting_tag>;

}  // namespace dangyuan

template <class Tag>
struct std::hash<dangyuan::strong_id<Tag>> {
    std::size_t operator()(dangyuan::strong_id<Tag> id) const noexcept {
        return std::hash<std::int64_t>{}(id.value());
    }
};
