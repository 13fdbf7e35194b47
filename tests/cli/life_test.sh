# meeting …, training …, dues …: organisational life, training hours and party dues of 2026; each
# command once accepted and once refused with the rule or field it breaks.
source "$(dirname "$0")/lib.sh"

store_location STORE t.db
make_branch_store "$STORE"
DB=(--db "$STORE")
NOW=(--as-of 2026-11-26)

# meeting add: everyone expected is listed unless --present; the quorum is counted on the list.
expect 0 "$DY" "${DB[@]}" meeting add --org 第一社区党支部 --kind branch_general_meeting --date 2026-03-20 \
    --topic 通报季度工作 --chair 张建国 --absent 李秀英=出差 --absent 王志强=病假 "${NOW[@]}"
has out "recorded meeting 1: 第一社区党支部 支部党员大会 on 2026-03-20 (8 present, 2 absent)"
rejects life.general_meeting_quorum "$DY" "${DB[@]}" meeting add --org 第一社区党支部 --kind 支部党员大会 \
    --date 2026-06-20 --topic 通报季度工作 --absent 李秀英=出差 --absent 王志强=病假 --absent 刘丽=病假 \
    --absent 陈明=出差 --absent 杨芳=外出 "${NOW[@]}"
expect 1 "$DY" "${DB[@]}" meeting add --org 第一社区党支部 --kind branch_general_meeting --date 2026-06-20 \
    --topic 通报季度工作 --present 张建国,李秀英 "${NOW[@]}"
has err "attendance: full member 3 is not listed"
expect 1 "$DY" "${DB[@]}" meeting add --org 第一社区党支部 --kind theme_party_day --date 2026-12-12 --topic 主题党日 \
    "${NOW[@]}"
has err "date: meeting dated 2026-12-12, after the recording date 2026-11-26"
expect 1 "$DY" "${DB[@]}" meeting add --org 第一社区党支部 --kind 茶话会 --date 2026-11-12 --topic 主题党日 "${NOW[@]}"
has err "kind: unknown meeting kind '茶话会'"
expect 2 "$DY" "${DB[@]}" meeting add --org 第一社区党支部 --kind theme_party_day --date 2026-11-12 "${NOW[@]}"
has err "--topic is required"
expect 0 "$DY" "${DB[@]}" meeting add --org 第一社区党支部 --kind committee_meeting --date 2026-11-05 \
    --topic 研究发展党员工作 --chair 张建国 --present 张建国,李秀英,王志强 "${NOW[@]}"
rejects life.committee_meeting_quorum "$DY" "${DB[@]}" meeting add --org 第一社区党支部 --kind committee_meeting \
    --date 2026-10-05 --topic 研究工作 --chair 张建国 --present 张建国 --absent 李秀英=出差 --absent 王志强=病假 "${NOW[@]}"
expect 0 "$DY" "${DB[@]}" meeting add --org 第一社区党支部 --kind theme_party_day --date 2026-11-12 \
    --topic 重温入党誓词 --chair 张建国 "${NOW[@]}"
has out "(10 present, 0 absent)"
expect 0 "$DY" "${DB[@]}" meeting add --org 第一社区党支部 --kind heart_to_heart_talk --date 2026-11-13 \
    --topic 谈心谈话 --chair 张建国 --present 吴敏 "${NOW[@]}"
expect 1 "$DY" "${DB[@]}" meeting add --org 第一社区党支部 --kind heart_to_heart_talk --date 2026-11-14 \
    --topic 谈心谈话 --present 吴敏 "${NOW[@]}"
has err "chair:"
# A guest (流入列席) is a member of another branch.
expect 0 "$DY" "${DB[@]}" org list
expect 1 "$DY" "${DB[@]}" meeting add --org 第一社区党支部 --kind theme_party_day --date 2026-10-12 --topic 主题党日 \
    --guest 吴敏 "${NOW[@]}"
has err "attendance:"

# meeting list
expect 0 "$DY" "${DB[@]}" meeting list --org 第一社区党支部 --to 2026-11-26
has out "会议  4"
matches out "2026-03-20 +第一社区党支部 +支部党员大会 +通报季度工作 +张建国 +8 +2 +0"
expect 0 "$DY" "${DB[@]}" meeting list --kind committee_meeting --from 2026-01-01 --to 2026-11-26 --format csv
has out "研究发展党员工作"
lacks out "通报季度工作"
expect 1 "$DY" "${DB[@]}" meeting list --from 2026-11-26 --to 2026-01-01
has err "to: 2026-01-01 is before --from 2026-11-26"

# meeting compliance: the slots missed name their cadence rule; the agenda shows them too.
expect 0 "$DY" "${DB[@]}" meeting compliance --org 第一社区党支部 --to 2026-11-26 --missed --format csv
has out "life.general_meeting_quarterly,支部党员大会,2026-Q2,missed,0,1"
has out "life.theme_party_day_monthly,主题党日,2026-10,missed"
lacks out "2026-11,missed"
expect 0 "$DY" "${DB[@]}" meeting compliance --org 第一社区党支部 --to 2026-11-26
has out "未完成"
expect 2 "$DY" "${DB[@]}" meeting compliance
has err "--org is required"
expect 0 "$DY" "${DB[@]}" agenda --as-of 2026-11-26 --format csv
has out "life.meeting_missed,未按期召开组织生活,life.general_meeting_quarterly"

# training add / shortfall
expect 0 "$DY" "${DB[@]}" training add 张建国 --date 2026-06-30 --course 党的创新理论 --hours 16 --concentrated \
    --provider 区委党校 "${NOW[@]}"
has out "张建国: 16 class hours of '党的创新理论' on 2026-06-30; 16 in 2026"
expect 0 "$DY" "${DB[@]}" training add 张建国 --date 2026-09-30 --course 党章党规 --hours 16.5 --concentrated "${NOW[@]}"
has out "32.5 in 2026"
expect 1 "$DY" "${DB[@]}" training add 张建国 --date 2026-06-30 --course 党的创新理论 --hours 8 "${NOW[@]}"
has err "ledger:"
expect 1 "$DY" "${DB[@]}" training add 李秀英 --date 2026-06-30 --course 党的创新理论 --hours 8.55 "${NOW[@]}"
has err "hours: '8.55' is not a number of class hours"
expect 0 "$DY" "${DB[@]}" training shortfall --org 第一社区党支部 "${NOW[@]}" --format csv
has out "training.member_32_hours"
lacks out "张建国"
has out "李秀英"
expect 1 "$DY" "${DB[@]}" training shortfall --org 不存在 "${NOW[@]}"
has err "org:"

# dues account / pay / arrears
expect 0 "$DY" "${DB[@]}" dues account 张建国 --base 6300 --ledger-start 2026-01
has out "opened the dues account of 张建国: 在职党员, 94.50 yuan a month from 2026-01"
expect 1 "$DY" "${DB[@]}" dues account 张建国 --base 6300 --ledger-start 2026-01
has err "already has a dues account"
expect 2 "$DY" "${DB[@]}" dues account 王志强
has err "--base YUAN is required"
expect 0 "$DY" "${DB[@]}" dues account 李秀英 --category 离退休党员 --base 4200 --ledger-start 2026-01
has out "21.00 yuan a month"
for m in 01 02 03 04 05 06 07 08 09 10; do
    expect 0 "$DY" "${DB[@]}" dues pay 张建国 --month 2026-$m --paid-on 2026-$m-20 --collected-by 组织委员 "${NOW[@]}"
done
has out "张建国: paid 94.50 yuan for 2026-10 on 2026-10-20"
rejects dues.from_admission_month "$DY" "${DB[@]}" dues pay 张建国 --month 1994-01 --amount 10 --paid-on 2026-01-20 \
    --collected-by 组织委员 "${NOW[@]}"
expect 1 "$DY" "${DB[@]}" dues pay 王志强 --month 2026-01 --collected-by 组织委员 "${NOW[@]}"
has err "has no dues account"
expect 2 "$DY" "${DB[@]}" dues pay 张建国 --month 2026-01 "${NOW[@]}"
has err "--collected-by is required"
expect 1 "$DY" "${DB[@]}" dues pay 张建国 --month 2026-13 --collected-by 组织委员 "${NOW[@]}"
has err "month: '2026-13' is not a month"
expect 0 "$DY" "${DB[@]}" dues arrears "${NOW[@]}" --format csv
lacks out "张建国"
has out "李秀英"
has out "dues.unpaid_6_months"
expect 0 "$DY" "${DB[@]}" agenda --as-of 2026-11-26 --format csv
has out "dues.self_withdrawal_candidate"
expect 1 "$DY" "${DB[@]}" dues arrears --org 不存在
has err "org:"
echo "life: ok"
