#pragma once
/// \file
/// Store operations of model posts and commendations (党员示范岗, 两优一先), as free functions over
/// `dangyuan::store`.
///
/// **What is stored.** A designation is one row (`model_posts`: the member, the member's branch when it
/// is made, the designating organisation, the title, the rule set it was made under, its end) with its
/// reviews (`model_post_reviews`); a commendation is one row (`commendations`: kind, level, date,
/// awarding body, the member or organisation commended, the organisation it counts under, the campaign
/// it cites). A designation's `member_left` is read from the roster (the member's exit date).
///
/// **Scope.** A designation belongs to the member's branch when it is made, a member commendation to the
/// member's branch when it is recorded, an organisation commendation to that organisation: lists, statistics
/// and the agenda of a scope select by that organisation.
///
/// **Commands.** Each command reads what it checks, checks it with the pure rules
/// (honours/model_post.hpp, honours/commendation.hpp) and only then writes, in one transaction with one
/// audit row. A refused command writes nothing.
///
/// **Access** (core/access.hpp). Designating a model post needs `write_roster` on the designating
/// organisation, reviewing or ending one `write_roster` on it too; commending needs `write_roster` on the
/// organisation the commendation belongs to. Reads of a member's or an organisation's records need
/// `read_roster` there; lists and statistics narrow their scope to the principal's subtree.

#include <date/date.h>

#include <optional>
#include <string_view>
#include <vector>

#include "dangyuan/honours/commendation.hpp"
#include "dangyuan/honours/honours_statistics.hpp"
#include "dangyuan/honours/model_post.hpp"
#include "dangyuan/storage/store.hpp"

namespace dangyuan {

/// The schema version that added the tables of model posts and commendations (`model_posts`,
/// `model_post_reviews`, `commendations`).
inline constexpr int honours_schema_version = 16;

/// What a new designation says: the member, the designating organisation, the date, the title, an
/// optional earlier first review, a note.
struct model_post_designation {
    member_id member;
    org_id awarded_by;
    date::sys_days date{};
    std::string title;
    std::optional<date::sys_days> review_by;
    std::string note;

    friend bool operator==(model_post_designation const&, model_post_designation const&) = default;
};

/// Designates a model post (党员示范岗) under the store's rule set (check_designation).
/// \throws not_found for an unknown member or organisation; invalid_input ("title", "review_by"; "date"
///         in the future: record.not_in_future); rule_violation honours.post_eligible_member,
///         honours.post_awarded_at_or_above_branch, honours.post_review_due; access_denied without
///         write_roster on the designating organisation.
model_post_id designate_model_post(store& s, model_post_designation const& d, std::string_view why = {});

/// Records a review (复评) of designation `id`, which renews it (check_review).
/// \throws not_found for an unknown designation; invalid_input ("date", "post"); conflict when another
///         writer changed it meanwhile; access_denied as designate_model_post.
void review_model_post(store& s, model_post_id id, model_post_review const& r, std::string_view why = {});

/// Ends designation `id`: revoked (撤销, with a reason) or lapsed (check_ending).
/// \throws not_found; invalid_input ("date", "post", "reason"); conflict; access_denied as
///         designate_model_post.
void end_model_post(store& s, model_post_id id, model_post_ending const& e, std::string_view why = {});

/// The designation with its reviews and end.
/// \throws not_found; access_denied without read_roster on the member's branch.
[[nodiscard]] model_post get_model_post(store const& s, model_post_id id);

/// The designations of `m`, by date. \throws not_found for an unknown member; access_denied.
[[nodiscard]] std::vector<model_post> member_model_posts(store const& s, member_id m);

/// The designations of the branches in `requested` (narrowed to what the principal may see), made in
/// `year` when given, by branch and date.
/// \throws invalid_input ("year") for a year outside 1-9999.
[[nodiscard]] std::vector<model_post> model_posts(store const& s, scope requested = scope::all(),
                                                  std::optional<int> year = std::nullopt);

/// Records a commendation (两优一先): its form (check_commendation_form), the member's standing or the
/// organisation's existence on the date, and the campaign it cites (check_follows_evaluation).
/// \throws not_found for an unknown member, organisation or campaign; invalid_input naming the field
///         ("awarded_by", "member", "org", "campaign"; "date" in the future: record.not_in_future);
///         rule_violation commendation.member_in_good_standing, commendation.org_active,
///         commendation.follows_evaluation; access_denied without write_roster on the organisation it
///         belongs to.
commendation_id commend(store& s, commendation const& c, std::string_view why = {});

/// The commendation. \throws not_found; access_denied without read_roster on its organisation.
[[nodiscard]] commendation get_commendation(store const& s, commendation_id id);

/// The commendations of member `m`, by date. \throws not_found for an unknown member; access_denied.
[[nodiscard]] std::vector<commendation> member_commendations(store const& s, member_id m);

/// The commendations of organisation `o` itself (先进基层党组织), by date.
/// \throws not_found for an unknown organisation; access_denied.
[[nodiscard]] std::vector<commendation> org_commendations(store const& s, org_id o);

/// The commendations belonging to the organisations in `requested` (narrowed to what the principal may
/// see), dated in `year` when given, by date.
/// \throws invalid_input ("year").
[[nodiscard]] std::vector<commendation> commendations(store const& s, scope requested = scope::all(),
                                                      std::optional<int> year = std::nullopt);

/// The statistics of `year` for `requested` (honours_statistics_of over model_posts and commendations
/// of the scope). \throws invalid_input ("year").
[[nodiscard]] honours_statistics honours_statistics_for(store const& s, int year,
                                                        scope requested = scope::all());

}  // namespace dangyuan
