#pragma once
/// \file
/// The declarative transition table of the development pipeline: for each step, the stages it may be
/// recorded in, the steps that must already be on record, the stage it leads to, and whether it may be
/// repeated. Content and time rules (guards with their own rule ids) live in case.hpp; this table is
/// the sequence (dev.step_sequence).

#include <array>
#include <optional>
#include <span>

#include "dangyuan/development/steps.hpp"

namespace dangyuan {

/// A set of stages as a bit mask.
using stage_mask = unsigned;
[[nodiscard]] constexpr stage_mask in(stage s) noexcept {
    return 1u << static_cast<unsigned>(s);
}
[[nodiscard]] constexpr bool contains(stage_mask m, stage s) noexcept {
    return (m & in(s)) != 0;
}

/// One row of the table.
struct transition {
    step kind;
    stage_mask from;              ///< stages in which the step may be recorded
    std::optional<stage> to;      ///< stage after the step (when it succeeds); none: unchanged
    bool repeatable;              ///< may be recorded more than once
    std::span<step const> needs;  ///< steps that must be on record before
};

namespace detail::pipeline {
constexpr stage_mask before_admission =
    in(stage::applicant) | in(stage::activist) | in(stage::development_target);
constexpr stage_mask cultivating = in(stage::activist) | in(stage::development_target);
constexpr stage_mask target = in(stage::development_target);
constexpr stage_mask probation = in(stage::probationary);
constexpr stage_mask open = before_admission | probation;

using s = step;
inline constexpr step needs_none[] = {s::application_submitted};
inline constexpr step needs_talk[] = {s::talk_held};
inline constexpr step needs_activist[] = {s::activist_determined};
inline constexpr step needs_target_listing[] = {s::activist_filed, s::contacts_assigned};
inline constexpr step needs_target[] = {s::target_determined};
inline constexpr step needs_target_filed[] = {s::target_filed};
inline constexpr step needs_committee_review[] = {s::introducers_assigned, s::political_review,
                                                  s::training_completed};
inline constexpr step needs_committee[] = {s::committee_reviewed};
inline constexpr step needs_pre_review[] = {s::pre_review};
inline constexpr step needs_form[] = {s::application_form_filled};
inline constexpr step needs_meeting[] = {s::admission_meeting};
inline constexpr step needs_higher_talk[] = {s::higher_committee_talk};
inline constexpr step needs_approval[] = {s::admission_approved};
inline constexpr step needs_conversion_meeting[] = {s::conversion_meeting};
inline constexpr step needs_conversion[] = {s::conversion_approved};

// clang-format off
inline constexpr std::array<transition, 29> transition_table{{
    //  step                          from               to                          repeat  needs
    {s::application_submitted,   0,                 stage::applicant,           false, {}},
    {s::talk_held,               open,              std::nullopt,               true,  needs_none},
    {s::activist_determined,     in(stage::applicant), stage::activist,         false, needs_talk},
    {s::activist_filed,          cultivating,       std::nullopt,               false, needs_activist},
    {s::contacts_assigned,       cultivating,       std::nullopt,               true,  needs_activist},
    {s::activist_assessed,       cultivating,       std::nullopt,               true,  needs_activist},
    {s::target_determined,       in(stage::activist), stage::development_target, false, needs_target_listing},
    {s::target_filed,            target,            std::nullopt,               false, needs_target},
    {s::introducers_assigned,    target,            std::nullopt,               true,  needs_target_filed},
    {s::political_review,        target,            std::nullopt,               true,  needs_target_filed},
    {s::training_completed,      cultivating,       std::nullopt,               true,  needs_activist},
    {s::committee_reviewed,      target,            std::nullopt,               true,  needs_committee_review},
    {s::pre_review,              target,            std::nullopt,               true,  needs_committee},
    {s::application_form_filled, target,            std::nullopt,               false, needs_pre_review},
    {s::admission_meeting,       target,            stage::probationary,        false, needs_form},
    {s::higher_committee_talk,   probation,         std::nullopt,               true,  needs_meeting},
    {s::admission_approved,      probation,         std::nullopt,               false, needs_higher_talk},
    {s::approval_filed,          probation | in(stage::full_member), std::nullopt, false, needs_approval},
    {s::assigned_to_branch,      probation,         std::nullopt,               false, needs_approval},
    {s::oath_taken,              probation | in(stage::full_member), std::nullopt, false, needs_approval},
    {s::probation_assessed,      probation,         std::nullopt,               true,  needs_approval},
    {s::conversion_applied,      probation,         std::nullopt,               true,  needs_approval},
    {s::conversion_meeting,      probation,         std::nullopt,               true,  needs_approval},
    {s::conversion_approved,     probation,         std::nullopt,               true,  needs_conversion_meeting},
    {s::archived,                in(stage::full_member), std::nullopt,          false, needs_conversion},
    {s::public_notice,           open,              std::nullopt,               true,  needs_none},
    {s::cultivation_transferred, cultivating,       std::nullopt,               false, needs_activist},
    {s::withdrawn,               before_admission,  std::nullopt,               false, needs_none},
    {s::transferred_in,          probation,         std::nullopt,               true,  needs_meeting},
}};
// clang-format on
}  // namespace detail::pipeline

/// The transition row of a step.
[[nodiscard]] constexpr transition const& transition_for(step s) noexcept {
    return detail::pipeline::transition_table[static_cast<std::size_t>(s)];
}

/// The whole table, in chart order (for documentation and tests).
[[nodiscard]] constexpr std::span<transition const> transitions() noexcept {
    return detail::pipeline::transition_table;
}

}  // namespace dangyuan
