# rectify …: the rectification of weak organisations (软弱涣散党组织, 后进社区整顿), each command once
# accepted and once refused with its rule or field; the agenda items; show, list and year statistics.
source "$(dirname "$0")/lib.sh"

store_location STORE t.db
make_district "$STORE"
DB=(--db "$STORE")

# rectify designate: an existing organisation, reasons from the code table, one open designation.
expect 0 "$DY" "${DB[@]}" rectify designate --org 第一社区党支部 --date 2025-01-31 --kind lagging_community \
    --batch 第七批 --reason secretary_unfit,组织生活不正常 --why 区委组织部研究决定
has out "rectification 1: 第一社区党支部 designated 后进社区 (lagging_community) on 2025-01-31 (书记不胜任、组织生活不正常); to be removed (销号) by 2026-01-31"
rejects rectification.one_open_designation "$DY" "${DB[@]}" rectify designate --org 第一社区党支部 \
    --date 2025-03-01 --reason public_complaints
rejects rectification.org_exists "$DY" "${DB[@]}" rectify designate --org 机关党支部 --date 2003-05-31 \
    --reason public_complaints
rejects rectification.org_exists "$DY" "${DB[@]}" rectify designate --org 中共示范区委员会 --date 2025-03-01 \
    --reason public_complaints
expect 1 "$DY" "${DB[@]}" rectify designate --org 机关党支部 --date 2025-03-01
has err "reasons:"
expect 1 "$DY" "${DB[@]}" rectify designate --org 机关党支部 --date 2025-03-01 --reason 不存在的原因
has err "reason:"
expect 1 "$DY" "${DB[@]}" rectify designate --org 机关党支部 --date 2025-03-01 --reason other
has err "other_reason:"
expect 2 "$DY" "${DB[@]}" rectify designate --org 机关党支部 --reason other
has err "--date is required"

# The agenda: the contacts of 四联四帮 are due 30 days after the designation.
expect 0 "$DY" "${DB[@]}" agenda --as-of 2025-03-02
has out "rectification.contacts_assigned"
lacks out "rectification.within_max_months"

# rectify contact: the four kinds; the paired community exists and is not itself on the list.
expect 0 "$DY" "${DB[@]}" rectify contact 1 --kind district_leader --name 王区长 --from 2025-02-10
has out "rectification 1 (第一社区党支部): 区级领导分包联系 (district_leader) 王区长 from 2025-02-10; still missing: 区直部门定向联系 第一书记定点联系 先进社区结对联系"
expect 0 "$DY" "${DB[@]}" rectify contact 1 --kind 区直部门定向联系 --name 区民政局 --from 2025-02-10
expect 0 "$DY" "${DB[@]}" rectify contact 1 --kind first_secretary --name 刘明 --from 2025-02-10
expect 1 "$DY" "${DB[@]}" rectify contact 1 --kind first_secretary --from 2025-02-10
has err "name:"
rejects rectification.paired_community_eligible "$DY" "${DB[@]}" rectify contact 1 --kind paired_community \
    --paired 第一社区党支部 --from 2025-02-10
expect 0 "$DY" "${DB[@]}" rectify contact 1 --kind paired_community --paired 机关党支部 --from 2025-02-10
has out "先进社区结对联系 (paired_community) 机关党支部 from 2025-02-10"
lacks out "still missing"
expect 0 "$DY" "${DB[@]}" agenda --as-of 2025-03-02
lacks out "rectification.contacts_assigned"

# rectify milestone / complete: due after the designation; overdue on the agenda until completed.
expect 0 "$DY" "${DB[@]}" rectify milestone 1 --text 配齐班子 --due 2025-06-30
has out "rectification 1: milestone 1 '配齐班子' due 2025-06-30"
rejects rectification.milestone_after_designation "$DY" "${DB[@]}" rectify milestone 1 --text 建章立制 \
    --due 2025-01-31
expect 0 "$DY" "${DB[@]}" agenda --as-of 2025-07-01
has out "rectification.milestone_on_time"
expect 0 "$DY" "${DB[@]}" rectify complete 1 1 --date 2025-07-05
has out "rectification 1: milestone 1 completed on 2025-07-05"
expect 1 "$DY" "${DB[@]}" rectify complete 1 1 --date 2025-07-06
has err "milestone:"
expect 0 "$DY" "${DB[@]}" agenda --as-of 2025-07-06
lacks out "rectification.milestone_on_time"

# rectify commit / evaluate.
expect 0 "$DY" "${DB[@]}" rectify commit 1 --date 2025-02-15 --text 三个月内配齐班子
has out "public commitment (公开式承诺) of 2025-02-15"
expect 1 "$DY" "${DB[@]}" rectify commit 1 --date 2025-01-30 --text 早于列入
has err "date:"
expect 0 "$DY" "${DB[@]}" rectify evaluate 1 --date 2025-12-01 --evaluator 群众 --satisfied 40 \
    --basically-satisfied 8 --dissatisfied 2
has out "open evaluation (开放式评价) by 群众 (masses) on 2025-12-01: 40 满意, 8 基本满意, 2 不满意"
expect 1 "$DY" "${DB[@]}" rectify evaluate 1 --date 2025-12-01 --evaluator 党员
has err "tallies:"

# The time limit: 2025-01-31 + 12 months; due on the day, overdue the day after.
expect 0 "$DY" "${DB[@]}" agenda --as-of 2026-01-30
lacks out "rectification.within_max_months"
expect 0 "$DY" "${DB[@]}" agenda --as-of 2026-01-31
has out "rectification.within_max_months"
expect 0 "$DY" "${DB[@]}" agenda --as-of 2026-02-01 --org 第一社区党支部
has out "rectification.within_max_months"
expect 0 "$DY" "${DB[@]}" agenda --as-of 2026-02-01 --org 机关党支部
lacks out "rectification."

# rectify review / remove: removal only after a passed review.
rejects rectification.removal_after_acceptance "$DY" "${DB[@]}" rectify remove 1 --date 2026-02-02
expect 0 "$DY" "${DB[@]}" rectify review 1 --date 2026-02-01 --result failed --note 群众满意率不足
has out "acceptance review (验收) on 2026-02-01 未通过 (failed)"
rejects rectification.removal_after_acceptance "$DY" "${DB[@]}" rectify remove 1 --date 2026-02-02
expect 0 "$DY" "${DB[@]}" rectify review 1 --date 2026-02-10 --result 通过
expect 0 "$DY" "${DB[@]}" rectify remove 1 --date 2026-02-12 --why 验收合格
has out "rectification 1 (第一社区党支部): removed from the list (销号) on 2026-02-12"
expect 1 "$DY" "${DB[@]}" rectify remove 1 --date 2026-02-13
has err "rectification:"
expect 0 "$DY" "${DB[@]}" agenda --as-of 2026-02-12
lacks out "rectification."
expect 1 "$DY" "${DB[@]}" rectify show 9
has err "no rectification with id 9"

# show, list, stats.
expect 0 "$DY" "${DB[@]}" rectify show 1 --format csv
has out "列入整顿 (designated)"
has out "先进社区结对联系 (paired_community): 机关党支部"
has out "销号 (removed)"
expect 0 "$DY" "${DB[@]}" rectify show 1
matches out "规则集.*national-2014"
expect 0 "$DY" "${DB[@]}" rectify list --format csv
has out "1,第一社区党支部,后进社区,第七批,2025-01-31"
has out "1/1"
expect 0 "$DY" "${DB[@]}" rectify list --org 机关党支部
has out "数量  0"
expect 0 "$DY" "${DB[@]}" rectify stats --year 2025 --format csv
has out "列入整顿 (designated),1"
has out "列入整顿 后进社区 (lagging_community),1"
has out "原因 书记不胜任 (secretary_unfit),1"
has out "年末仍在整顿 (open at year end),1"
has out "整改事项到期 (milestones due),1"
has out "按期完成 (completed on time),0"
expect 0 "$DY" "${DB[@]}" rectify stats --year 2026 --format csv
has out "销号 (removed),1"
has out "年末仍在整顿 (open at year end),0"
expect 2 "$DY" "${DB[@]}" rectify stats
has err "--year is required"
