# case open / step / show / list: one person from the application to full membership, and the steps the
# rules refuse (exit status 1, the message names the rule, nothing written).
source "$(dirname "$0")/lib.sh"

store_location STORE t.db
make_branch_store "$STORE"
DB=(--db "$STORE" --today 2026-12-31)  # the date of recording, pinned: some steps lie in late 2026

# case open
expect 0 "$DY" "${DB[@]}" case open --name 林晓 --id-number 370102200003150740 --branch 第一社区党支部 \
    --date 2023-03-01 --education 大学本科
has out "opened case 1: 林晓, application of 2023-03-01"
rejects dev.applicant_min_age_18 "$DY" "${DB[@]}" case open --name 林小 --id-number 370102200805052122 \
    --branch 第一社区党支部 --date 2023-03-01
has err "is 14 on 2023-03-01"
expect 1 "$DY" "${DB[@]}" case open --name 林晓 --id-number 370102200003150741 --branch 第一社区党支部 --date 2023-03-01
has err "--id-number"
expect 2 "$DY" "${DB[@]}" case open --name 林晓 --branch 第一社区党支部 --date 2023-03-01
has err "--id-number is required"
# An applicant who is a member in normal standing is refused.
expect 1 "$DY" "${DB[@]}" case open --name 张建国 --id-number 370102196805123139 --branch 第一社区党支部 --date 2023-03-01

# case step: the 25 steps in order, each refusal naming its rule.
step() { expect 0 "$DY" "${DB[@]}" case step 1 "$@"; }
step talk_held --date 2023-03-20 --by 张建国
has out "case 1: 2 党组织派人谈话 (talk_held) on 2023-03-20; 入党申请人 (applicant)"
rejects dev.activist_recommended "$DY" "${DB[@]}" case step 1 activist_determined --date 2023-09-01
step 推荐和确定入党积极分子 --date 2023-09-01 --recommended member
has out "入党积极分子 (activist)"
rejects dev.activist_filed "$DY" "${DB[@]}" case step 1 target_determined --date 2024-09-02
# A field the step does not have is refused, naming it, and nothing is recorded.
expect 1 "$DY" "${DB[@]}" case step 1 activist_filed --date 2023-09-10 --conclusion 良好
has err "conclusion: step activist_filed does not take --conclusion"
expect 1 "$DY" "${DB[@]}" case step 1 activist_filed --date 2023-09-10 --hours 8
has err "class_hours: step activist_filed does not take --hours"
# A filing keeps its reference (备案文号); every step takes a note (备注).
step activist_filed --date 2023-09-10 --document "区委组织部备〔2023〕3号" --note "补录 原件存档"
[ "$(query "$STORE" "SELECT document, note FROM dev_steps WHERE kind = 'activist_filed'")" = \
    "区委组织部备〔2023〕3号|补录 原件存档" ] || fail "the filing's document and note are not in the store"
rejects dev.contacts_1_to_2 "$DY" "${DB[@]}" case step 1 contacts_assigned --date 2023-09-10 --members 1,2,3
step contacts_assigned --date 2023-09-10 --members 王志强,刘丽
step activist_assessed --date 2024-03-01
rejects dev.activist_min_1_year "$DY" "${DB[@]}" case step 1 target_determined --date 2024-08-31
has err "the earliest date is 2024-09-01"
step target_determined --date 2024-09-02
has out "发展对象 (development_target)"
step target_filed --date 2024-09-10
rejects dev.two_introducers "$DY" "${DB[@]}" case step 1 introducers_assigned --date 2024-09-15 --members 陈明
step introducers_assigned --date 2024-09-15 --members 陈明,杨芳
rejects dev.political_review_conclusion "$DY" "${DB[@]}" case step 1 political_review --date 2024-10-10 --passed yes
step political_review --date 2024-10-10 --conclusion 政治审查合格 --passed yes
step training_completed --date 2024-10-20 --days 3
step committee_reviewed --date 2024-11-01
step pre_review --date 2024-11-10 --passed yes --document 预审意见
step application_form_filled --date 2024-11-15
rejects vote.quorum_over_half "$DY" "${DB[@]}" case step 1 admission_meeting --date 2024-11-20 \
    --entitled 10 --present 5 --yes 5
step admission_meeting --date 2024-11-20 --entitled 10 --present 9 --yes 8 --no 1
has out "预备党员 (probationary)"
step higher_committee_talk --date 2024-12-10

# Before the approval: the timeline and the agenda show the deadline, then its breach.
expect 0 "$DY" "${DB[@]}" case show 1 --as-of 2025-01-10 --format csv
has out "17,上级党委审批,admission_approved,2024-11-20,2025-02-20,,open"
expect 0 "$DY" "${DB[@]}" case show 1 --as-of 2025-03-01
matches out "17 +上级党委审批 +admission_approved +2024-11-20 +2025-02-20 +已逾期"
has out "阶段          预备党员 (probationary)"
expect 0 "$DY" "${DB[@]}" agenda --as-of 2025-03-01 --format csv
matches out "2025-02-20,已逾期,[0-9]+,林晓,dev.approval,上级党委审批接收预备党员,dev.approval_within_3_months"
rejects dev.approval_within_3_months "$DY" "${DB[@]}" case step 1 admission_approved --date 2025-03-01 --passed yes
step admission_approved --date 2025-03-01 --passed yes --reason 上级党委集中审批
has out "added member 11 to the roster as a probationary member (预备党员), 入党日期 2024-11-20"
step approval_filed --date 2025-03-05
step assigned_to_branch --date 2025-03-05
step oath_taken --date 2025-03-10
step probation_assessed --date 2025-06-01
rejects dev.step_sequence "$DY" "${DB[@]}" case step 1 conversion_meeting --date 2025-11-01 \
    --decision convert --entitled 11 --present 10 --yes 10
step conversion_applied --date 2025-11-01
rejects dev.conversion_after_probation "$DY" "${DB[@]}" case step 1 conversion_meeting --date 2025-11-10 \
    --decision convert --entitled 10 --present 9 --yes 9
# The vote counts the branch's full members with a vote (vote.entitled_full_members): 10; 林晓 is
# probationary. Without --entitled the store's count is used.
rejects vote.entitled_full_members "$DY" "${DB[@]}" case step 1 conversion_meeting --date 2025-11-21 \
    --decision convert --entitled 11 --present 10 --yes 10
step conversion_meeting --date 2025-11-21 --decision convert --present 9 --yes 9
step conversion_approved --date 2025-12-10 --passed yes
has out "full member (正式党员) from 2025-11-20"
step archived --date 2025-12-20
has out "正式党员 (full_member)"
expect 1 "$DY" "${DB[@]}" case step 1 frobnicate --date 2025-12-21
has err "step: unknown development step 'frobnicate'"
expect 1 "$DY" "${DB[@]}" case step 9 talk_held --date 2025-12-21
has err "no development case with id 9"
expect 2 "$DY" "${DB[@]}" case step 1 archived
has err "--date DATE is required"

# The member the case produced.
expect 0 "$DY" "${DB[@]}" member show 11 --as-of 2026-01-01
has out "转正日期               2025-11-20"
has out "人员状态 (2026-01-01)  正式党员"

# case show: every step done, in JSON with English keys.
expect 0 "$DY" "${DB[@]}" case show 1 --as-of 2026-01-01 --format json
has out '"code": "archived"'
has out '"status": "done"'
lacks out '"status": "open"'
expect 1 "$DY" "${DB[@]}" case show 99
has err "no development case with id 99"
expect 1 "$DY" "${DB[@]}" case show x
has err "case: 'x' is not a whole number"

# case list
expect 0 "$DY" "${DB[@]}" case open --name 周小川 --id-number 370102199804123376 --branch 第一社区党支部 --date 2026-11-01
expect 0 "$DY" "${DB[@]}" case list
has out "案例  2"
has out "林晓"
expect 0 "$DY" "${DB[@]}" case list --stage applicant --format csv
has out "周小川"
lacks out "林晓"
expect 0 "$DY" "${DB[@]}" case list --open --format csv
lacks out "林晓"
expect 1 "$DY" "${DB[@]}" case list --stage 党员
has err "stage: unknown stage '党员'"
expect 1 "$DY" "${DB[@]}" case list --org 不存在的支部
has err "org: no organisation named"

# A refused step leaves the store as it was.
store_content "$STORE" >before
rejects dev.talk_within_1_month "$DY" "${DB[@]}" case step 2 talk_held --date 2026-12-20 --by 1
store_content "$STORE" | cmp -s - before || fail "a refused step changed the store"
# Official holiday data of a year the library does not ship is loaded into the store, with its source.
expect 0 "$DY" "${DB[@]}" calendar list
has out "2026  built in"
lacks out "2027"
printf 'year 2027\noff 2027-01-01 元旦\n' > h2027.txt
expect 2 "$DY" "${DB[@]}" calendar load h2027.txt
has err "source"
expect 0 "$DY" "${DB[@]}" calendar load h2027.txt --source 测试通知
expect 0 "$DY" "${DB[@]}" calendar list
has out "2027  loaded: 测试通知"
expect 1 "$DY" "${DB[@]}" calendar load h2027.txt --source 测试通知
has err "already has holiday data for 2027"
echo "case: ok"
