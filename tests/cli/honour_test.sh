# honour …: model posts (党员示范岗) and commendations (两优一先), each command once accepted and once
# refused with its rule or field; the agenda item of a review due; lists and year statistics.
source "$(dirname "$0")/lib.sh"

store_location STORE t.db
make_branch_store "$STORE"
DB=(--db "$STORE")

# honour post: a full member, by the branch or an organisation above it.
expect 0 "$DY" "${DB[@]}" honour post 张建国 --by 城关街道党工委 --date 2024-03-31 --title 便民服务示范岗
has out "model post 1: 张建国, 便民服务示范岗, designated by 城关街道党工委 on 2024-03-31; review (复评) due 2025-03-31"
rejects honours.post_awarded_at_or_above_branch "$DY" "${DB[@]}" honour post 李秀英 --by 机关党支部 \
    --date 2024-03-31 --title 示范岗
rejects honours.post_review_due "$DY" "${DB[@]}" honour post 李秀英 --by 第一社区党支部 --date 2024-01-31 \
    --title 示范岗 --review-by 2025-02-01
expect 1 "$DY" "${DB[@]}" honour post 李秀英 --by 第一社区党支部 --date 2024-03-31 --title ""
has err "title:"
expect 2 "$DY" "${DB[@]}" honour post 李秀英 --by 第一社区党支部 --date 2024-03-31
has err "--title is required"
expect 0 "$DY" "${DB[@]}" honour post 李秀英 --by 第一社区党支部 --date 2024-02-29 --title 党员先锋岗
has out "review (复评) due 2025-02-28"

# The agenda shows a review from its due date on.
expect 0 "$DY" "${DB[@]}" agenda --as-of 2025-02-27
lacks out "honours.post_review_due"
expect 0 "$DY" "${DB[@]}" agenda --as-of 2025-03-31
has out "honours.post_review_due"

# honour review renews; revoke needs a reason; nothing after the end.
expect 0 "$DY" "${DB[@]}" honour review 1 --date 2025-03-20 --note 复评合格
has out "model post 1 (张建国): reviewed on 2025-03-20; next review due 2026-03-20"
expect 1 "$DY" "${DB[@]}" honour review 1 --date 2025-03-19
has err "date:"
expect 1 "$DY" "${DB[@]}" honour revoke 2 --date 2025-04-01
has err "reason:"
expect 0 "$DY" "${DB[@]}" honour revoke 2 --date 2025-04-01 --reason 岗位调整后未履职
has out "model post 2 (李秀英): 撤销 (revoked) on 2025-04-01"
expect 1 "$DY" "${DB[@]}" honour review 2 --date 2025-04-02
has err "post:"
expect 1 "$DY" "${DB[@]}" honour review 9 --date 2025-04-02
has err "no model post with id 9"

# honour commend: the recipient the kind takes, in normal standing or existing on the date.
expect 0 "$DY" "${DB[@]}" honour commend --kind 优秀共产党员 --level district --awarded-by 中共示范区委 \
    --member 张建国 --date 2025-06-28
has out "commendation 1: 张建国, 优秀共产党员 (outstanding_member), 区县级 (district), 中共示范区委 on 2025-06-28"
expect 0 "$DY" "${DB[@]}" honour commend --kind advanced_organisation --awarded-by 城关街道党工委 \
    --org 第一社区党支部 --date 2025-06-28
has out "commendation 2: 第一社区党支部, 先进基层党组织 (advanced_organisation), 本级 (awarding_org)"
expect 1 "$DY" "${DB[@]}" honour commend --kind 先进基层党组织 --awarded-by 城关街道党工委 --member 张建国 \
    --date 2025-06-28
has err "org:"
expect 1 "$DY" "${DB[@]}" honour commend --kind 优秀党务工作者 --awarded-by 城关街道党工委 \
    --org 第一社区党支部 --date 2025-06-28
has err "member:"
rejects commendation.org_active "$DY" "${DB[@]}" honour commend --kind advanced_organisation \
    --awarded-by 中共示范区委 --org 机关党支部 --date 2003-05-31
rejects commendation.member_in_good_standing "$DY" "${DB[@]}" honour commend --kind outstanding_member \
    --awarded-by 中共示范区委 --member 张建国 --date 1995-06-30
expect 1 "$DY" "${DB[@]}" honour commend --kind 优秀共产党员 --awarded-by 中共示范区委 --member 张建国 \
    --date 2025-06-28 --campaign 5
has err "no "
expect 1 "$DY" "${DB[@]}" honour commend --kind 最美党员 --awarded-by 中共示范区委 --member 张建国 --date 2025-06-28
has err "kind:"

# honour list / stats.
expect 0 "$DY" "${DB[@]}" honour list posts --format csv
has out "1,张建国,便民服务示范岗,城关街道党工委,2024-03-31,2025-03-20,2026-03-20,有效"
has out "2,李秀英,党员先锋岗,第一社区党支部,2024-02-29,,,撤销 (revoked) 2025-04-01"
expect 0 "$DY" "${DB[@]}" honour list commendations --year 2025 --format csv
has out "1,2025-06-28,优秀共产党员 (outstanding_member),区县级 (district),张建国,中共示范区委,"
has out "2,2025-06-28,先进基层党组织 (advanced_organisation),本级 (awarding_org),第一社区党支部,城关街道党工委,"
expect 0 "$DY" "${DB[@]}" honour list commendations --year 2024 --format csv
lacks out "2025-06-28"
expect 0 "$DY" "${DB[@]}" honour list commendations --member 张建国 --format csv
lacks out "先进基层党组织"
expect 0 "$DY" "${DB[@]}" honour list commendations --recipient 第一社区党支部 --format csv
lacks out "张建国"
expect 0 "$DY" "${DB[@]}" honour list posts --org 机关党支部
has out "示范岗数  0"
expect 1 "$DY" "${DB[@]}" honour list awards
has err "what:"
expect 0 "$DY" "${DB[@]}" honour stats --year 2025 --format csv
has out "年末有效党员示范岗 (posts active at year end),1"
has out "终止党员示范岗 (posts ended),1"
has out "表彰 (commendations),2"
has out "\"优秀共产党员 区县级 (outstanding_member, district)\",1"
expect 0 "$DY" "${DB[@]}" honour stats --year 2024 --format csv
has out "新设党员示范岗 (new posts),2"
has out "表彰 (commendations),0"
expect 2 "$DY" "${DB[@]}" honour stats
has err "--year is required"
