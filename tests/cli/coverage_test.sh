# unit … and coverage stats: the register of units and their coverage by party organisations
# (两新组织党建覆盖) — units with a valid and unique credit code, coverage by an own or a joint branch,
# instructors, members working in units, each accepted once and refused with its rule; a unit's record,
# the list, the figures of a year, and the agenda items.
source "$(dirname "$0")/lib.sh"

store_location STORE t.db
make_branch_store "$STORE"
DB=(--db "$STORE")
expect 0 "$DY" "${DB[@]}" org add --name 城关联合党支部 --kind joint_branch --parent 城关街道党工委 \
    --established 2019-01-01
expect 0 "$DY" "${DB[@]}" org add --name 科技公司党支部 --kind branch --parent 城关街道党工委 --established 2020-06-01

# unit add: a valid, unique credit code; the sector by its Chinese name or code.
expect 0 "$DY" "${DB[@]}" unit add 城关科技有限公司 --code 91512081ma62k0260e --sector 非公有制企业 \
    --org 城关街道党工委 --date 2020-01-01 --employees 120
has out "unit 1: 城关科技有限公司, 非公有制企业 (non_public_enterprise), from 2020-01-01"
expect 0 "$DY" "${DB[@]}" unit add 城关物流有限公司 --code 91110108MA01ABCD1E --sector non_public_enterprise \
    --org 城关街道党工委 --date 2020-01-01
expect 0 "$DY" "${DB[@]}" unit add 城关律师协会 --code 52110105MJ0000001K --sector 社会团体 \
    --org 城关街道党工委 --date 2020-01-01
rejects coverage.credit_code_gb32100 "$DY" "${DB[@]}" unit add 坏代码公司 --code 91350100M000100Y4Z \
    --sector 其他 --org 城关街道党工委 --date 2020-01-01
rejects coverage.credit_code_unique "$DY" "${DB[@]}" unit add 重复公司 --code 91512081MA62K0260E \
    --sector 其他 --org 城关街道党工委 --date 2020-01-01
expect 1 "$DY" "${DB[@]}" unit add 未知类别 --code 531100005000000018 --sector 企业 --org 城关街道党工委 \
    --date 2020-01-01
has err "sector:"
expect 2 "$DY" "${DB[@]}" unit add 无代码公司 --sector 其他 --org 城关街道党工委 --date 2020-01-01
has err "--code is required"

# cover: a joint branch covers two units (联合组建), one organisation at a time, not a working committee.
expect 0 "$DY" "${DB[@]}" unit cover 城关科技有限公司 --org 城关联合党支部 --date 2021-01-01
has out "coverage 1: 城关联合党支部 covers 城关科技有限公司 (联合组建) from 2021-01-01"
rejects coverage.one_organisation "$DY" "${DB[@]}" unit cover 1 --org 科技公司党支部 --date 2021-06-01
rejects coverage.covering_org_kind "$DY" "${DB[@]}" unit cover 2 --org 城关街道党工委 --date 2021-06-01
rejects coverage.link_within_existence "$DY" "${DB[@]}" unit cover 2 --org 科技公司党支部 --date 2020-05-31

# members: three full members work in the technology company, one unit at a time.
expect 0 "$DY" "${DB[@]}" unit member 张建国 --unit 1 --date 2025-01-01
has out "member unit 1: 张建国 works in 城关科技有限公司 from 2025-01-01"
expect 0 "$DY" "${DB[@]}" unit member 李秀英 --unit 91512081MA62K0260E --date 2025-01-01
expect 0 "$DY" "${DB[@]}" unit member 王志强 --unit 城关科技有限公司 --date 2025-08-31
rejects coverage.member_one_unit "$DY" "${DB[@]}" unit member 王志强 --unit 2 --date 2025-09-01

# The agenda: three full members and no organisation of their own since 2025-08-31, due 6 months later
# (2026-02-28, month end clamped); the joint branch covers one unit only.
expect 0 "$DY" "${DB[@]}" agenda --as-of 2026-02-28
has out "coverage.establish_within_months"
has out "2026-02-28"
has out "coverage.joint_branch_two_units"
expect 0 "$DY" "${DB[@]}" agenda --as-of 2026-01-27
lacks out "coverage.establish_within_months"
has out "coverage.joint_branch_two_units"

# The joint branch takes a second unit; the company gets a branch of its own.
expect 0 "$DY" "${DB[@]}" unit cover 2 --org 城关联合党支部 --date 2025-01-01
rejects coverage.end_after_start "$DY" "${DB[@]}" unit uncover 1 --date 2020-12-31
expect 0 "$DY" "${DB[@]}" unit uncover 1 --date 2025-12-31
has out "coverage 1 ended on 2025-12-31"
expect 1 "$DY" "${DB[@]}" unit uncover 1 --date 2026-01-31
has err "coverage:"
expect 0 "$DY" "${DB[@]}" unit cover 1 --org 科技公司党支部 --date 2026-01-01
has out "(单独组建)"

# instructor for the lawyers' association.
expect 0 "$DY" "${DB[@]}" unit instructor 城关律师协会 --name 李明 --date 2024-05-01
has out "instructor 1: 李明 for 城关律师协会 from 2024-05-01"
expect 0 "$DY" "${DB[@]}" unit employees 2 --count 50 --date 2025-12-31
has out "城关物流有限公司: 50 employees on 2025-12-31"

# close: only once the links have ended.
rejects coverage.close_without_open_links "$DY" "${DB[@]}" unit close 3 --date 2026-01-01
expect 0 "$DY" "${DB[@]}" unit instructor-end 1 --date 2025-12-31
has out "instructor 1 ended on 2025-12-31"
expect 1 "$DY" "${DB[@]}" unit instructor-end 0 --date 2025-12-31
has err "instructor: instructor ids start at 1"
expect 0 "$DY" "${DB[@]}" unit close 3 --date 2026-01-01
has out "unit 3 (城关律师协会) closed on 2026-01-01"

# show, list and stats.
expect 0 "$DY" "${DB[@]}" unit show 1
has out "91512081MA62K0260E"
has out "城关联合党支部, 联合组建"
has out "科技公司党支部, 单独组建"
has out "张建国"
expect 0 "$DY" "${DB[@]}" unit list --org 城关街道党工委 --format csv
has out "城关律师协会"
has out "2026-01-01"
expect 0 "$DY" "${DB[@]}" coverage stats --year 2025 --format csv
has out "单位 (units),3"
has out "联合组建 (joint branch),2"
has out "仅选派党建指导员 (instructor only),1"
has out "正式党员3人以上未单独组建 (should set one up),1"
has out "从业人员 (employees),170"
has out "有形覆盖率 (organisation coverage),66.7%"
expect 0 "$DY" "${DB[@]}" coverage stats --year 2026 --format csv
has out "单位 (units),2"
has out "单独组建 (own organisation),1"
expect 2 "$DY" "${DB[@]}" coverage stats
has err "--year is required"

# member-end: the member's last day in the unit.
expect 0 "$DY" "${DB[@]}" unit member-end 3 --date 2026-02-01
has out "member unit 3 ended on 2026-02-01"
expect 1 "$DY" "${DB[@]}" unit member-end 3 --date 2026-02-02
has err "member_unit: member_unit already ended on 2026-02-01"

# Every accepted command left one audit row.
expect 0 "$DY" "${DB[@]}" audit
matches out "coverage.*unit_added"
matches out "coverage.*covered"
matches out "coverage.*unit_closed"
