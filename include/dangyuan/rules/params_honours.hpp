#pragma once
/// \file
/// Rule-set parameters of model posts and commendations (党员示范岗, 两优一先). Part of `rule_set`
/// (rules/rule_set.hpp); every number the domain's rules use lives here.

namespace dangyuan {

/// Parameters of model posts (党员示范岗) and commendations (两优一先). No national text fixes them: they
/// are local practice [L].
struct honours_params {
    /// honours.post_review_due [L] (text key `model_post.review_months`): a model post designation is
    /// reviewed (复评) within this many months of its designation or of its last review; the month
    /// arithmetic clamps to the month's end (31 January + 1 month = 28/29 February). 0 = no review. The
    /// default of 12 months (a yearly review) is a common local practice; a profile may only shorten it.
    int model_post_review_months = 12;

    friend bool operator==(honours_params const&, honours_params const&) = default;
};

}  // namespace dangyuan
