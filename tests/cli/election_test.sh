# election …: 第一社区党支部 elects its committee (换届选举) before its term ends on 2026-12-28, step by step;
# each step once accepted, the rules once refused; the higher organisation's steps need its permission.
source "$(dirname "$0")/lib.sh"

store_location STORE t.db
make_branch_store "$STORE"
DB=(--db "$STORE")

# The form fits the branch's full members (支部工作条例 第20条, org.committee_threshold_7): 机关党支部 has none,
# so no committee; 第一社区党支部 has 7 or more, so it may not elect without one. Nothing is written.
rejects org.committee_threshold_7 "$DY" "${DB[@]}" election open --org 机关党支部 --date 2026-10-08 --seats 3 \
    --planned 2026-11-20 --document 请示
rejects org.committee_threshold_7 "$DY" "${DB[@]}" election open --org 第一社区党支部 --date 2026-10-08 --seats 2 \
    --planned 2026-11-20 --document 请示 --without-committee
has err "it elects a committee"

# election open: the term's end comes from the organisation (2021-12-28 + 5 years).
expect 0 "$DY" "${DB[@]}" election open --org 第一社区党支部 --date 2026-10-08 --seats 5 --planned 2026-11-20 \
    --document 第一社区党支部〔2026〕5号
has out "opened election 1: 第一社区党支部, 5 seats, meeting planned 2026-11-20; term ends 2026-12-28"
expect 1 "$DY" "${DB[@]}" election open --org 第一社区党支部 --date 2026-10-09 --seats 5 --planned 2026-11-20 \
    --document 再次请示
has err "not yet completed"
expect 2 "$DY" "${DB[@]}" election open --org 第一社区党支部 --date 2026-10-09
has err "required"

# The agenda shows the request awaiting approval.
expect 0 "$DY" "${DB[@]}" agenda --as-of 2026-10-10
has out "换届请示待上级批复"

# The higher organisation approves; the branch's own principal may not.
expect 3 "$DY" "${DB[@]}" --as party_committee@3 election record 1 request_approved --date 2026-10-12 \
    --by 城关街道党工委 --document 批复
has err "access denied"
rejects election.steps_in_order "$DY" "${DB[@]}" election record 1 members_nominated --date 2026-10-12 \
    --nominee 张建国:9
expect 0 "$DY" "${DB[@]}" --as party_committee@2 election record 1 request_approved --date 2026-10-12 \
    --by 城关街道党工委 --document 街道党工委〔2026〕31号
has out "election 1 (第一社区党支部): request_approved on 2026-10-12; 已批复 (request_approved)"
expect 0 "$DY" "${DB[@]}" --as party_committee@2 election record 1 term_advanced --date 2026-10-13 \
    --from 2026-11-01 --by 城关街道党工委 --document 同意提前换届 --reason 与居委会换届统一安排
rejects election.term_advance_within_1_year "$DY" "${DB[@]}" election record 1 term_advanced --date 2026-10-13 \
    --from 2025-12-27 --by 城关街道党工委 --document x --reason y

# 两推: members, then the masses.
expect 0 "$DY" "${DB[@]}" election record 1 members_nominated --date 2026-10-20 --nominee 张建国:9 \
    --nominee 李秀英:8 --nominee 王志强:8 --nominee 刘丽:7 --nominee 陈明:6 --nominee 杨芳:5
has out "推荐中 (nominating)"
expect 0 "$DY" "${DB[@]}" election record 1 masses_nominated --date 2026-10-21 --nominee 张建国:40 \
    --nominee 赵磊:12 --note 群众推荐会
expect 1 "$DY" "${DB[@]}" election record 1 members_nominated --date 2026-10-22 --nominee 张建国
has err "nominee"
expect 0 "$DY" "${DB[@]}" election record 1 committee_reviewed --date 2026-10-25 \
    --member 张建国,李秀英,王志强,刘丽,陈明,杨芳
rejects election.candidates_exceed_seats_20_percent "$DY" "${DB[@]}" election record 1 candidates_approved \
    --date 2026-11-02 --member 张建国,李秀英,王志强,刘丽,陈明 --by 城关街道党工委 --document 同意
expect 0 "$DY" "${DB[@]}" election record 1 candidates_approved --date 2026-11-02 \
    --member 张建国,李秀英,王志强,刘丽,陈明,杨芳 --by 城关街道党工委 --document 同意候选人预备人选

# The meeting: more than four fifths present (8 of 10 is not enough).
rejects election.quorum_over_4_5 "$DY" "${DB[@]}" election record 1 meeting_held --date 2026-11-20 \
    --entitled 10 --present 8
rejects election.delegates_meeting_500 "$DY" "${DB[@]}" election record 1 meeting_held --date 2026-11-20 \
    --meeting delegates_meeting --entitled 10 --present 9 --document 批准
expect 0 "$DY" "${DB[@]}" election record 1 meeting_held --date 2026-11-20 --entitled 10 --present 9

# Rounds: 9 present, so 5 votes are needed; 陈明 and 杨芳 tie for the last seat.
expect 0 "$DY" "${DB[@]}" election record 1 round_counted --date 2026-11-20 --seats 5 --voters-present 9 \
    --issued 9 --returned 9 --tally 张建国:9 --tally 李秀英:8:1 --tally 王志强:8 --tally 刘丽:7 \
    --tally 陈明:5 --tally 杨芳:5 --write-in 赵磊:1
has out "elected: 张建国"
has out "tied: 陈明"
has out "1 seats open: a further round"
rejects election.elected_over_half_present "$DY" "${DB[@]}" election record 1 committee_elected \
    --date 2026-11-20 --member 张建国,李秀英,王志强,刘丽
expect 0 "$DY" "${DB[@]}" election record 1 round_counted --date 2026-11-20 --seats 1 --voters-present 9 \
    --issued 9 --returned 9 --tally 陈明:6 --tally 杨芳:3
has out "elected: 陈明"
expect 0 "$DY" "${DB[@]}" election record 1 committee_elected --date 2026-11-20 \
    --member 张建国,李秀英,王志强,刘丽,陈明
rejects election.secretary_from_committee "$DY" "${DB[@]}" election record 1 secretary_elected \
    --date 2026-11-20 --secretary 杨芳
expect 0 "$DY" "${DB[@]}" election record 1 secretary_elected --date 2026-11-20 --secretary 张建国 --deputy 李秀英
rejects election.result_reported "$DY" "${DB[@]}" --as party_committee@2 election record 1 secretary_approved \
    --date 2026-11-25 --by 城关街道党工委 --document 批复
expect 0 "$DY" "${DB[@]}" agenda --as-of 2026-11-21
has out "选举结果待报上级党组织"
expect 0 "$DY" "${DB[@]}" election record 1 result_reported --date 2026-11-22 --by 城关街道党工委 --document 选举结果报告
expect 0 "$DY" "${DB[@]}" --as party_committee@2 election record 1 secretary_approved --date 2026-11-25 \
    --by 城关街道党工委 --document 街道党工委〔2026〕40号
has out "已批准 (completed)"
has out "the new leadership is in office from 2026-11-25"

# The organisation's new term: from the electing meeting, 5 years.
expect 0 "$DY" "${DB[@]}" org list --format csv
has out "2026-11-20,2031-11-20"

# election show / list
expect 0 "$DY" "${DB[@]}" election show 1
has out "round_counted"
has out "赵磊 1 (另选)"
has out "书记 张建国; 副书记 李秀英"
expect 0 "$DY" "${DB[@]}" election list --format csv
has out "第一社区党支部,2026-12-28,已批准 (completed),2026-10-08,2026-11-25"
# election stats: three terms end in 2026 — the district committee's (2026-10-01), 机关党支部's (2026-12-05) and
# 第一社区党支部's, whose meeting was held.
expect 0 "$DY" "${DB[@]}" election stats --year 2026 --as-of 2026-12-06 --format csv
has out "2026,3,1,2,33.3"
expect 0 "$DY" "${DB[@]}" election stats --year 2026 --as-of 2026-12-05 --format csv
has out "2026,3,1,1,33.3"
# The membership statistics show the same counts for the year of their date (section 换届选举).
expect 0 "$DY" "${DB[@]}" stats --as-of 2026-12-06 --format csv
has out "换届选举,应换届党组织 (个),3,"
has out "换届选举,其中: 已换届 (个),1,33.3"
has out "换届选举,其中: 逾期未换届 (个),2,66.7"
expect 0 "$DY" "${DB[@]}" stats --as-of 2026-12-05 --format json
has out '"换届选举口径": "2026年'
grep -A1 -F '"item": "其中: 逾期未换届 (个)"' out | grep -qF '"count": 1,' || fail "stats --format json: not 1 overdue"
expect 1 "$DY" "${DB[@]}" election show 9
has err "no election with id 9"
expect 1 "$DY" "${DB[@]}" election record 1 nonsense --date 2026-11-25
has err "kind: 'nonsense' is not an election record kind"
