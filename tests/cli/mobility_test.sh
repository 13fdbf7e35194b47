# mobility …: a member away with the activity certificate, a transfer letter, a member out of contact;
# each command once accepted and once refused with the rule it breaks.
source "$(dirname "$0")/lib.sh"

store_location STORE t.db
make_branch_store "$STORE"
DB=(--db "$STORE")

# mobility certificate issue: under the store's next number, one valid certificate per member.
expect 0 "$DY" "${DB[@]}" mobility certificate issue 周伟 --date 2025-03-05 --destination 广东省深圳市南山区 \
    --expected-months 10
has out "issued 流动党员活动证 000001 to 周伟 on 2025-03-05 (城关街道党工委); annual review due 2026-03-05"
rejects certificate.one_valid_per_member "$DY" "${DB[@]}" mobility certificate issue 周伟 --date 2025-03-06 \
    --destination 广东省深圳市南山区 --expected-months 10
rejects certificate.scope "$DY" "${DB[@]}" mobility certificate issue 孙静 --date 2025-03-06 \
    --destination 上海市浦东新区 --expected-months 12 --fixed-place
expect 2 "$DY" "${DB[@]}" mobility certificate issue 孙静 --date 2025-03-06 --expected-months 12
has err "--destination is required"

# mobility open / record
expect 0 "$DY" "${DB[@]}" mobility open 周伟 --date 2025-03-10 --place 广东省深圳市南山区 --expected-months 10
has out "opened episode 1: 周伟 left on 2025-03-10 for 广东省深圳市南山区; a mobile member (流动党员) from 2025-09-10"
expect 1 "$DY" "${DB[@]}" mobility open 周伟 --date 2025-04-10 --place 上海市
has err "member:"
rejects mobility.report_to_host "$DY" "${DB[@]}" mobility record 1 host_activity --date 2025-03-15 --host 机关党支部
rejects mobility.one_side_affiliation "$DY" "${DB[@]}" mobility record 1 reported_to_host --date 2025-03-20 \
    --host 第一社区党支部
expect 0 "$DY" "${DB[@]}" mobility record 1 reported_to_host --date 2025-03-20 --host 机关党支部
has out "episode 1 (周伟): 向流入地党组织报到 (reported_to_host) on 2025-03-20"
expect 0 "$DY" "${DB[@]}" mobility record 1 registered --date 2025-09-15
rejects mobility.host_dues_with_certificate "$DY" "${DB[@]}" mobility record 1 dues_paid_at_host --date 2025-10-10 \
    --dues-month 2025-04 --months 6 --amount 60
# mobility certificate present / review / return
rejects mobility.one_side_affiliation "$DY" "${DB[@]}" mobility certificate present 000001 --date 2025-03-20 \
    --host 第一社区党支部
expect 0 "$DY" "${DB[@]}" mobility certificate present 000001 --date 2025-03-20 --host 机关党支部
has out "certificate 000001: 交流入地党组织查验 on 2025-03-20; 已交流入地党组织"
expect 1 "$DY" "${DB[@]}" mobility certificate present 000009 --date 2025-03-20 --host 机关党支部
has err "000009"
expect 0 "$DY" "${DB[@]}" mobility record 1 dues_paid_at_host --date 2025-10-10 --dues-month 2025-04 --months 6 \
    --amount 60
expect 1 "$DY" "${DB[@]}" mobility record 1 dues_paid_at_host --date 2025-10-11 --dues-month 2025-05 --amount 10
has err "dues_month:"
expect 2 "$DY" "${DB[@]}" mobility record 1 left --date 2025-10-11
expect 1 "$DY" "${DB[@]}" mobility record 1 arrived --date 2025-10-11
has err "kind: unknown episode record 'arrived'"
# An option the kind does not take is refused naming its field, and nothing is recorded.
expect 1 "$DY" "${DB[@]}" mobility record 1 registered --date 2025-10-11 --place 上海
has err "place: registered records take no --place"
expect 1 "$DY" "${DB[@]}" mobility record 1 yearly_report --date 2025-10-11 --amount 10
has err "amount_fen: yearly_report records take no --amount"


# The annual review is overdue a year after the issue: agenda and statistics show it.
expect 0 "$DY" "${DB[@]}" agenda --as-of 2026-03-10 --format csv
matches out "2026-03-05,已逾期,[0-9]+,[^,]*,certificate.annual_review,《流动党员活动证》年审,certificate.annual_review"
expect 0 "$DY" "${DB[@]}" mobility stats --as-of 2026-03-10 --format csv
has out "年审逾期 (certificate.annual_review),1"
has out "外出党员,1,1"
expect 0 "$DY" "${DB[@]}" mobility certificate review 000001 --date 2026-03-10 --result 合格
has out "年审 on 2026-03-10"
expect 1 "$DY" "${DB[@]}" mobility certificate review 000001 --date 2026-03-01
has err "date:"

expect 0 "$DY" "${DB[@]}" mobility list --as-of 2026-03-20
has out "周伟"
has out "外出中"
has out "000001"
expect 0 "$DY" "${DB[@]}" mobility list --side host --org 机关党支部 --as-of 2026-03-20 --format csv
has out "周伟"
expect 2 "$DY" "${DB[@]}" mobility list --side elsewhere
has err "--side must be home or host"

expect 0 "$DY" "${DB[@]}" mobility record 1 returned --date 2026-04-01 --note 合同期满返乡
has out "返回 (returned)"
rejects certificate.return_with_report "$DY" "${DB[@]}" mobility certificate return 000001 --date 2026-04-02
expect 0 "$DY" "${DB[@]}" mobility certificate return 000001 --date 2026-04-02 --report 外出期间按时参加组织生活
has out "已交回查验"
rejects certificate.closed_not_usable "$DY" "${DB[@]}" mobility certificate review 000001 --date 2026-04-03
expect 0 "$DY" "${DB[@]}" mobility list --as-of 2026-04-10
has out "人数  0"
expect 0 "$DY" "${DB[@]}" mobility list --as-of 2026-04-10 --all
has out "返回 2026-04-01"

# mobility stats refuses an unknown scope.
expect 0 "$DY" "${DB[@]}" mobility stats --as-of 2026-04-10 --org 第一社区党支部
has out "外出党员"
expect 1 "$DY" "${DB[@]}" mobility stats --org 不存在
has err "org:"

# mobility transfer issue / receive: the member moves on the receipt, within the letter's validity.
expect 0 "$DY" "${DB[@]}" mobility transfer issue 吴敏 --serial 城组转〔2026〕1号 --to 机关党支部 --date 2026-04-01
has out "issued transfer letter 1 (城组转〔2026〕1号) for 吴敏: 第一社区党支部 → 机关党支部, valid until 2026-06-30"
rejects transfer.one_open_letter "$DY" "${DB[@]}" mobility transfer issue 吴敏 --serial 城组转〔2026〕2号 \
    --to 机关党支部 --date 2026-04-02
rejects transfer.letter_validity "$DY" "${DB[@]}" mobility transfer receive 1 --date 2026-07-01
expect 0 "$DY" "${DB[@]}" mobility transfer receive 1 --date 2026-04-20
has out "received transfer letter 1: 吴敏 now in 机关党支部 from 2026-04-20"
expect 0 "$DY" "${DB[@]}" member show 吴敏
has out "机关党支部"
has out "2026-04-20"

# mobility contact: the log opens with the last known contact; after 6 months, a suspension candidate.
expect 1 "$DY" "${DB[@]}" mobility contact 赵磊 --date 2026-06-01 --channel 电话
has err "known_contact:"
expect 0 "$DY" "${DB[@]}" mobility contact 赵磊 --date 2026-06-01 --channel 电话 --by 组织委员 \
    --known-contact 2026-03-01
has out "赵磊: 未能取得联系 on 2026-06-01 (1 attempts since the last known contact of 2026-03-01)"
expect 1 "$DY" "${DB[@]}" mobility contact 赵磊 --date 2026-05-01 --channel 电话
has err "date:"
expect 0 "$DY" "${DB[@]}" agenda --as-of 2026-11-26 --format csv
has out "lostcontact.suspend_after_6_months"
echo "mobility: ok"
