# eval …: a branch's democratic evaluation (民主评议党员) for 2025, the grade distribution, and the
# disposition of a member graded 不合格; each command once accepted and once refused with its rule.
source "$(dirname "$0")/lib.sh"

store_location STORE t.db
make_branch_store "$STORE"
DB=(--db "$STORE")

# eval open: the roll comes from the roster; one campaign per branch and year.
expect 0 "$DY" "${DB[@]}" eval open --org 第一社区党支部 --year 2025 --date 2025-12-16
has out "opened campaign 1: 第一社区党支部, 2025, 学习教育 from 2025-12-16"
has out "10 participants from the roster"
expect 1 "$DY" "${DB[@]}" eval open --org 第一社区党支部 --year 2025 --date 2025-12-17
has err "already has the campaign 1 for 2025"
expect 1 "$DY" "${DB[@]}" eval open --org 城关街道党工委 --year 2025 --date 2025-12-17
has err "org:"

# eval self / eval phase: in order, none skipped.
rejects eval.phase_order "$DY" "${DB[@]}" eval self 1 张建国 --date 2025-12-18 --summary 党性分析
expect 0 "$DY" "${DB[@]}" eval phase 1 self_assessment --date 2025-12-18
has out "自我评价 (self_assessment)"
rejects eval.phase_order "$DY" "${DB[@]}" eval phase 1 appraisal_vote --date 2025-12-20
expect 0 "$DY" "${DB[@]}" eval self 1 张建国 --date 2025-12-18 --summary 党性分析材料
has out "self_assessment_submitted on 2025-12-18"
expect 1 "$DY" "${DB[@]}" eval self 1 张建国 --date 2025-12-19 --summary 再交一份
has err "member:"
expect 0 "$DY" "${DB[@]}" eval phase 1 appraisal_self_review --date 2025-12-22
expect 0 "$DY" "${DB[@]}" eval phase 1 党员互评 --date 2025-12-26
rejects eval.ballot_in_appraisal "$DY" "${DB[@]}" eval ballots 1 --date 2025-12-27 --ballot 张建国:李秀英:优秀
expect 0 "$DY" "${DB[@]}" eval phase 1 民主测评 --date 2026-01-08
expect 1 "$DY" "${DB[@]}" eval phase 1 nonsense --date 2026-01-08
has err "phase: unknown campaign phase 'nonsense'"

# eval ballots: counted per member, from options and from a CSV file.
cat >ballots.csv <<'EOF'
evaluator,member,grade
王志强,张建国,优秀
刘丽,张建国,优秀
陈明,李秀英,不合格
EOF
expect 0 "$DY" "${DB[@]}" eval ballots 1 --date 2026-01-08 --ballot 张建国:李秀英:合格 --ballot 李秀英:张建国:合格 \
    --file ballots.csv
has out "5 ballots on 2 members counted on 2026-01-08 (stored as tallies)"
has out "张建国: 优秀 2 合格 1 基本合格 0 不合格 0"
rejects eval.one_ballot_per_evaluator "$DY" "${DB[@]}" eval ballots 1 --date 2026-01-08 --ballot 张建国:李秀英:优秀
expect 2 "$DY" "${DB[@]}" eval ballots 1 --date 2026-01-08
has err "give the ballots"
expect 1 "$DY" "${DB[@]}" eval ballots 1 --date 2026-01-08 --ballot 张建国:李秀英:极好
has err "grade: unknown grade '极好'"

# eval propose / inform / decide
expect 0 "$DY" "${DB[@]}" eval phase 1 organisational_assessment --date 2026-01-12
rejects eval.grade_by_decision "$DY" "${DB[@]}" eval decide 1 张建国 优秀 --date 2026-01-13
expect 0 "$DY" "${DB[@]}" eval propose 1 张建国 优秀 --date 2026-01-13 --basis 测评结果和平时表现
has out "grade_proposed on 2026-01-13"
expect 0 "$DY" "${DB[@]}" eval propose 1 李秀英 不合格 --date 2026-01-13
expect 1 "$DY" "${DB[@]}" eval propose 1 不存在的人 合格 --date 2026-01-13
has err "member: no member named '不存在的人'"
rejects eval.unqualified_needs_assessment "$DY" "${DB[@]}" eval decide 1 李秀英 不合格 --date 2026-01-14
expect 0 "$DY" "${DB[@]}" eval inform 1 李秀英 --date 2026-01-14 --by 支部书记
has out "member_informed on 2026-01-14"
expect 1 "$DY" "${DB[@]}" eval inform 1 王志强 --date 2026-01-14
has err "member:"
rejects vote.majority_of_entitled "$DY" "${DB[@]}" eval decide 1 李秀英 不合格 --date 2026-01-15 \
    --entitled 10 --present 9 --yes 5
expect 0 "$DY" "${DB[@]}" eval decide 1 李秀英 不合格 --date 2026-01-15 --entitled 10 --present 9 --yes 8
has out "grade_decided on 2026-01-15"
expect 0 "$DY" "${DB[@]}" eval decide 1 张建国 优秀 --date 2026-01-16 --body committee
rejects eval.one_grade_per_year "$DY" "${DB[@]}" eval propose 1 张建国 合格 --date 2026-01-16

# eval follow-up
expect 0 "$DY" "${DB[@]}" eval phase 1 commendation_and_handling --date 2026-01-20
rejects eval.follow_up "$DY" "${DB[@]}" eval follow-up 1 张建国 helped --date 2026-01-21
expect 0 "$DY" "${DB[@]}" eval follow-up 1 张建国 commended --date 2026-01-21
has out "follow_up on 2026-01-21"

# eval show / list / grades
expect 0 "$DY" "${DB[@]}" eval show 1 --as-of 2026-02-01
has out "民主评议: 第一社区党支部 2025年度 (campaign 1)"
matches out "张建国 +正式党员 +2025-12-18 +2 +1 +0 +0 +优秀 +优秀 +表扬"
expect 0 "$DY" "${DB[@]}" eval show 1 --as-of 2026-01-10 --format json
lacks out '"final": "优秀"'
expect 1 "$DY" "${DB[@]}" eval show 7
has err "7"
expect 0 "$DY" "${DB[@]}" eval list --year 2025 --format csv
has out "1,第一社区党支部,2025,表彰和处理 (commendation_and_handling),2025-12-16,"
expect 0 "$DY" "${DB[@]}" eval list --year 2024
has out "评议  0"
expect 0 "$DY" "${DB[@]}" eval grades --year 2025 --format csv
has out "1,第一社区党支部,2025,1,0,0,1,8,0,0,10,3,10.0"
expect 1 "$DY" "${DB[@]}" eval grades --org 不存在
has err "org:"
expect 0 "$DY" "${DB[@]}" stats --as-of 2026-03-01 --format csv
has out "民主评议,优秀,1,50.0"
has out "民主评议,不合格,1,50.0"
has out "民主评议,尚未评定,8,"

# eval disposition open / step / list: 不合格 leads to 限期改正; the procedure in order.
M=(--matter 2025年度民主评议不合格)
rejects disposition.grounds "$DY" "${DB[@]}" eval disposition open 李秀英 --date 2026-02-01 "${M[@]}" \
    --ground passivity --form removal
expect 0 "$DY" "${DB[@]}" eval disposition open 李秀英 --date 2026-02-01 "${M[@]}" --ground passivity \
    --proposed-by 第一社区党支部委员会 --campaign 1
has out "李秀英 '2025年度民主评议不合格': disposition_opened on 2026-02-01; 限期改正, 处置中 (pending)"
rejects disposition.no_double_disposition "$DY" "${DB[@]}" eval disposition open 李秀英 --date 2026-02-02 \
    "${M[@]}" --ground passivity
rejects disposition.procedure_order "$DY" "${DB[@]}" eval disposition step 李秀英 talk_held --date 2026-02-10 \
    "${M[@]}" --talkers 张建国,王志强
expect 0 "$DY" "${DB[@]}" eval disposition step 李秀英 investigated --date 2026-02-10 "${M[@]}" --findings 属实
rejects disposition.talk_two_full_members "$DY" "${DB[@]}" eval disposition step 李秀英 talk_held \
    --date 2026-02-11 "${M[@]}" --talkers 张建国
expect 0 "$DY" "${DB[@]}" eval disposition step 李秀英 talk_held --date 2026-02-11 "${M[@]}" --talkers 张建国,王志强
rejects disposition.prior_filing "$DY" "${DB[@]}" eval disposition step 李秀英 branch_meeting_voted \
    --date 2026-02-20 "${M[@]}" --entitled 9 --present 8 --yes 7
expect 0 "$DY" "${DB[@]}" eval disposition step 李秀英 prior_filed --date 2026-02-12 "${M[@]}" --filed-with 城关街道党工委
expect 0 "$DY" "${DB[@]}" eval disposition step 李秀英 branch_meeting_voted --date 2026-02-20 "${M[@]}" \
    --entitled 9 --present 8 --yes 7
rejects disposition.correction_period "$DY" "${DB[@]}" eval disposition step 李秀英 disposition_approved \
    --date 2026-03-01 "${M[@]}" --approved-by 城关街道党工委 --correct-until 2027-06-01
expect 0 "$DY" "${DB[@]}" eval disposition step 李秀英 disposition_approved --date 2026-03-01 "${M[@]}" \
    --approved-by 城关街道党工委
has out "限期改正, 限期改正中 (correcting)"
expect 1 "$DY" "${DB[@]}" eval disposition step 李秀英 appealed --date 2026-03-02 "${M[@]}"
has err "kind: unknown disposition step 'appealed'"
expect 0 "$DY" "${DB[@]}" eval disposition list --as-of 2026-04-01
has out "李秀英"
has out "限期改正中"
expect 0 "$DY" "${DB[@]}" eval disposition list --as-of 2026-04-01 --org 机关党支部
has out "件数  0"
expect 1 "$DY" "${DB[@]}" eval disposition list --as-of 2026-02-30
has err "as_of:"
echo "eval: ok"
