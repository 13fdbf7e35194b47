# community …: in-service members reporting to their community (在职党员进社区) — registration, service and
# the yearly feedback, each accepted once and refused with its rule; the member's record, the list, the
# figures of a year, and the agenda item of a feedback not given.
source "$(dirname "$0")/lib.sh"

store_location STORE t.db
make_district "$STORE"
DB=(--db "$STORE")
expect 0 "$DY" "${DB[@]}" member add --name 张伟 --id-number 370102198202021239 --ethnicity 汉族 \
    --branch 机关党支部 --application-date 2004-03-01 --admission-date 2005-07-01 --full-member-date 2006-07-01
expect 0 "$DY" "${DB[@]}" member add --name 李娜 --id-number 370102198505051240 --ethnicity 汉族 \
    --branch 第一社区党支部 --application-date 2006-03-01 --admission-date 2007-07-01 --full-member-date 2008-07-01

# register: a community organisation other than the member's own branch, one open registration.
expect 0 "$DY" "${DB[@]}" community register 张伟 --community 第一社区党支部 --date 2025-03-01 --note 幸福小区
has out "registration 1: 张伟 with 第一社区党支部 from 2025-03-01"
rejects community.one_open_registration "$DY" "${DB[@]}" community register 张伟 --community 第一社区党支部 \
    --date 2025-04-01
rejects community.registration_org "$DY" "${DB[@]}" community register 李娜 --community 第一社区党支部 \
    --date 2025-04-01
rejects community.registration_org "$DY" "${DB[@]}" community register 李娜 --community 机关党支部 --date 2025-04-01
expect 2 "$DY" "${DB[@]}" community register 张伟 --date 2025-04-01
has err "--community is required"

# serve: within the registration, its first day included; hours to a tenth.
rejects community.service_within_registration "$DY" "${DB[@]}" community serve 张伟 --date 2025-02-28 \
    --activity 环境整治 --hours 2
expect 0 "$DY" "${DB[@]}" community serve 张伟 --date 2025-03-01 --activity 环境整治 --hours 2.5
has out "张伟: 2.5 hours of '环境整治' on 2025-03-01; 2.5 in 2025"
expect 1 "$DY" "${DB[@]}" community serve 张伟 --date 2025-03-02 --activity 环境整治 --hours 0
has err "hours:"
expect 1 "$DY" "${DB[@]}" community serve 张伟 --date 2025-03-02 --activity 环境整治 --hours 25
has err "hours:"
expect 0 "$DY" "${DB[@]}" community serve 张伟 --date 2025-05-04 --activity 政策宣传 --hours 3
has out "5.5 in 2025"

# The agenda: the community's feedback for 2025 is due by 2025-12-31, overdue after.
expect 0 "$DY" "${DB[@]}" agenda --as-of 2026-01-05
has out "community.feedback_yearly"
expect 0 "$DY" "${DB[@]}" agenda --as-of 2025-11-01
lacks out "community.feedback_yearly"

# feedback: once a year, a correction by the same community with its reason.
expect 1 "$DY" "${DB[@]}" community feedback 张伟 --community 第一社区党支部 --year 2025 --rating 优秀 \
    --date 2025-12-20
has err "rating:"
expect 0 "$DY" "${DB[@]}" community feedback 张伟 --community 第一社区党支部 --year 2025 --rating 较好 \
    --date 2025-12-20 --note 积极参加社区活动
has out "张伟: community feedback for 2025 较好 (fairly_good) on 2025-12-20"
rejects community.feedback_once_yearly "$DY" "${DB[@]}" community feedback 张伟 --community 第一社区党支部 \
    --year 2025 --rating 好 --date 2025-12-21
expect 0 "$DY" "${DB[@]}" community feedback 张伟 --community 第一社区党支部 --year 2025 --rating good \
    --date 2025-12-21 --correction 等次录入有误
has out "(correction)"
rejects community.feedback_registered "$DY" "${DB[@]}" community feedback 张伟 --community 第一社区党支部 \
    --year 2024 --rating 好 --date 2025-12-21
expect 0 "$DY" "${DB[@]}" agenda --as-of 2026-01-05
lacks out "community.feedback_yearly"

# What the member's branch reads in the democratic evaluation.
expect 0 "$DY" "${DB[@]}" community show 张伟 --year 2025
has out "2025 社区反馈"
has out "好 (good)"
has out "5.5 小时"
expect 0 "$DY" "${DB[@]}" community show 张伟 --format json
has out '"community": "第一社区党支部"'

# leave: on a later day; then no service after it.
rejects community.leave_after_registration "$DY" "${DB[@]}" community leave 1 --date 2025-03-01
expect 0 "$DY" "${DB[@]}" community leave 1 --date 2026-02-01
has out "registration 1 ended on 2026-02-01"
rejects community.service_within_registration "$DY" "${DB[@]}" community serve 张伟 --date 2026-02-02 \
    --activity 环境整治 --hours 1
expect 1 "$DY" "${DB[@]}" community leave 1 --date 2026-03-01
has err "registration:"

# list and stats.
expect 0 "$DY" "${DB[@]}" community list --org 城关街道党工委
has out "张伟"
has out "2026-02-01"
expect 0 "$DY" "${DB[@]}" community stats --year 2025 --format csv
has out "5.5"
has out "较好 (fairly_good),0"
has out "好 (good),1"
expect 2 "$DY" "${DB[@]}" community stats
has err "--year is required"

# Every accepted command left one audit row.
expect 0 "$DY" "${DB[@]}" audit
matches out "community.*registered"
matches out "community.*feedback_corrected"
matches out "community.*left"

# The democratic evaluation of 张伟's branch shows the community's feedback in force.
expect 0 "$DY" "${DB[@]}" eval open --org 机关党支部 --year 2025 --date 2025-12-16
expect 0 "$DY" "${DB[@]}" eval show 1 --as-of 2026-01-10
has out "社区反馈"
has out "张伟"
matches out "张伟.* 好"
