# decision …: a community's major decision by 四议两公开, each step once accepted and once refused with
# its rule; the agenda item of a resolution not yet public; flow: the charts of the procedures.
source "$(dirname "$0")/lib.sh"

store_location STORE t.db
make_district "$STORE"
DB=(--db "$STORE")

# decision open: only a village or community organisation.
expect 0 "$DY" "${DB[@]}" decision open --org 第一社区党支部 --date 2024-03-01 --subject 小区停车位改造
has out "opened decision 1: 第一社区党支部, 小区停车位改造, 党组织提议 on 2024-03-01"
expect 1 "$DY" "${DB[@]}" decision open --org 机关党支部 --date 2024-03-01 --subject 其他事项
has err "org:"
expect 2 "$DY" "${DB[@]}" decision open --org 第一社区党支部 --date 2024-03-01
has err "--subject is required"

# decision record: in order, with the thresholds of the meetings.
rejects decision.steps_in_order "$DY" "${DB[@]}" decision record 1 党员大会审议 --date 2024-03-05 \
    --entitled 20 --present 16 --yes 15
expect 0 "$DY" "${DB[@]}" decision record 1 two_committees_consulted --date 2024-03-05 --note 两委联席会议
has out "decision 1 (第一社区党支部): two_committees_consulted on 2024-03-05; 两委会商议 (consulted)"
rejects decision.members_meeting_quorum "$DY" "${DB[@]}" decision record 1 members_meeting_reviewed \
    --date 2024-03-10 --entitled 20 --present 10 --yes 10
expect 0 "$DY" "${DB[@]}" decision record 1 members_meeting_reviewed --date 2024-03-10 --entitled 20 \
    --present 16 --yes 15
has out "党员大会审议 (reviewed)"
rejects decision.representatives_quorum_2_3 "$DY" "${DB[@]}" decision record 1 villagers_resolved \
    --date 2024-03-20 --members 30 --present 19 --in-favour 19
expect 1 "$DY" "${DB[@]}" decision record 1 villagers_resolved --date 2024-03-20 --members 30 --present 31 \
    --in-favour 20
has err "present:"
expect 0 "$DY" "${DB[@]}" decision record 1 "村民(代表)会议决议" --date 2024-03-20 --members 30 --present 20 \
    --in-favour 11 --implementation-due 2024-06-30
has out "决议通过 (resolved)"

# The agenda shows the resolution until it is public.
expect 0 "$DY" "${DB[@]}" agenda --as-of 2024-03-25
has out "decision.resolution_public_within_days"
rejects decision.resolution_public_within_days "$DY" "${DB[@]}" decision record 1 resolution_published \
    --date 2024-03-28 --channel 公开栏
expect 0 "$DY" "${DB[@]}" decision record 1 resolution_published --date 2024-03-27 --channel wechat_group
has out "决议公开 (resolution_published)"
expect 0 "$DY" "${DB[@]}" agenda --as-of 2024-03-28
lacks out "decision.resolution_public_within_days"
expect 0 "$DY" "${DB[@]}" agenda --as-of 2024-08-01
has out "decision.result_public_within_days"
expect 0 "$DY" "${DB[@]}" decision record 1 result_published --date 2024-07-10 --implemented-on 2024-07-01 \
    --channel 广播
has out "实施结果公开 (result_published)"
rejects decision.steps_in_order "$DY" "${DB[@]}" decision record 1 result_published --date 2024-07-11 \
    --implemented-on 2024-07-01
expect 1 "$DY" "${DB[@]}" decision record 1 nonsense --date 2024-07-11
has err "kind:"

# A second case whose resolution is not carried: exactly half in favour.
expect 0 "$DY" "${DB[@]}" decision open --org 第一社区党支部 --date 2024-04-01 --subject 收取物业费
expect 0 "$DY" "${DB[@]}" decision record 2 两委会商议 --date 2024-04-02
expect 0 "$DY" "${DB[@]}" decision record 2 党员大会审议 --date 2024-04-03 --entitled 20 --present 16 --yes 15
expect 0 "$DY" "${DB[@]}" decision record 2 villagers_resolved --date 2024-04-10 --body 村民会议 \
    --members 400 --households 150 --present 120 --households-present 100 --in-favour 60
has out "否决 (rejected)"

# decision show / list.
expect 0 "$DY" "${DB[@]}" decision show 1
has out "小区停车位改造"
has out "实施结果公开 (result_published)"
has out "应到 20, 实到 16, 赞成 15"
has out "村民代表会议: 30 组成人员, 到会 20, 同意 11: 通过"
expect 0 "$DY" "${DB[@]}" decision list --format csv
has out "1,第一社区党支部,小区停车位改造,实施结果公开 (result_published),2024-03-01,2024-07-10"
has out "2,第一社区党支部,收取物业费,否决 (rejected),2024-04-01,2024-04-10"
expect 1 "$DY" "${DB[@]}" decision show 9
has err "no decision case with id 9"

# flow: the charts, and a document kept in step.
expect 0 "$DY" flow decision
has out "flowchart TD"
has out 'n_villagers_resolved["villagers_resolved<br/>村民(代表)会议决议"]'
has out 'n_members_meeting_reviewed -.->|"not carried 未通过"| n_rejected'
expect 0 "$DY" flow development
has out 'subgraph n_probationary["probationary<br/>预备党员"]'
printf '# x\n<!-- flow:decision:begin -->\nold\n<!-- flow:decision:end -->\nafter\n' >doc.md
expect 0 "$DY" flow decision --doc doc.md
has out "doc.md: chart updated"
has doc.md '```mermaid'
has doc.md "after"
expect 0 "$DY" flow decision --doc doc.md
has out "doc.md: up to date"
expect 0 "$DY" flow election
has out 'n_result_reported --> n_secretary_approved'
has out 'n_term_extended -.->|"term changed 任期调整"| n_meeting_held'
expect 1 "$DY" flow referendum
has err "procedure:"
