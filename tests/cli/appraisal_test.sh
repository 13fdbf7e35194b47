# appraisal …: the party-building appraisal (党建工作述职评议考核, 三级联述联评联考) and accountability
# (问责) — a cycle over three levels, reports, their appraisal and the use of results, accountability and
# a rectification's completion, each accepted once and refused with its rule; the cycle's record, the
# lists, the figures of a year, and the agenda items of a missing report, a poor result and an open
# rectification.
source "$(dirname "$0")/lib.sh"

store_location STORE t.db
make_district "$STORE"
DB=(--db "$STORE")
expect 0 "$DY" "${DB[@]}" member add --name 张伟 --id-number 370102198202021239 --ethnicity 汉族 \
    --branch 机关党支部 --application-date 2004-03-01 --admission-date 2005-07-01 --full-member-date 2006-07-01
expect 0 "$DY" "${DB[@]}" member add --name 李娜 --id-number 370102198505051240 --ethnicity 汉族 \
    --branch 第一社区党支部 --application-date 2006-03-01 --admission-date 2007-07-01 --full-member-date 2008-07-01

# open: a committee, one cycle per year, three levels (三级联述联评联考).
expect 0 "$DY" "${DB[@]}" appraisal open --organiser 中共示范区委员会 --year 2025 --levels 3 --date 2026-01-05
has out "appraisal cycle 1: 中共示范区委员会, 2025, 3 level(s), opened 2026-01-05"
rejects appraisal.cycle_organiser "$DY" "${DB[@]}" appraisal open --organiser 中共示范区委员会 --year 2025 \
    --date 2026-01-06
rejects appraisal.cycle_organiser "$DY" "${DB[@]}" appraisal open --organiser 机关党支部 --year 2025 --date 2026-01-06
expect 1 "$DY" "${DB[@]}" appraisal open --organiser 城关街道党工委 --year 2025 --levels 0 --date 2026-01-06
has err "levels:"
expect 2 "$DY" "${DB[@]}" appraisal open --year 2025 --date 2026-01-06
has err "--organiser is required"

# report: within the cycle, once per organisation, the secretary or a named member.
rejects appraisal.reporter_secretary "$DY" "${DB[@]}" appraisal report 1 --org 第一社区党支部 --date 2026-01-10
rejects appraisal.report_within_cycle "$DY" "${DB[@]}" appraisal report 1 --org 第一社区党支部 --reporter 李娜 \
    --date 2026-01-04
expect 0 "$DY" "${DB[@]}" appraisal report 1 --org 第一社区党支部 --reporter 李娜 --date 2026-01-10 \
    --summary 三会一课按期开展
has out "report 1: 第一社区党支部 by 李娜 on 2026-01-10"
rejects appraisal.one_report_per_cycle "$DY" "${DB[@]}" appraisal report 1 --org 第一社区党支部 --reporter 李娜 \
    --date 2026-01-11
expect 0 "$DY" "${DB[@]}" appraisal report 1 --org 城关街道党工委 --reporter 张伟 --date 2026-01-10
has out "report 2:"

# The agenda: the district and 机关党支部 have not reported by 2026-03-31 (the default month 3).
expect 0 "$DY" "${DB[@]}" agenda --as-of 2026-04-01
has out "appraisal.report_by_deadline"
matches out "机关党支部.*appraisal.report_by_deadline"
expect 0 "$DY" "${DB[@]}" agenda --as-of 2026-02-01
lacks out "appraisal.report_by_deadline"

# rate: votes 好,较好,一般,差, at least one; the grade with most votes or an explicit one with its reason.
rejects appraisal.tally_valid "$DY" "${DB[@]}" appraisal rate 1 --votes 0,0,0,0 --date 2026-01-10
expect 1 "$DY" "${DB[@]}" appraisal rate 1 --votes 1,2,3 --date 2026-01-10
has err "votes:"
rejects appraisal.rating_after_report "$DY" "${DB[@]}" appraisal rate 1 --votes 1,2,3,9 --date 2026-01-09
rejects appraisal.grade_override_reason "$DY" "${DB[@]}" appraisal rate 1 --votes 1,2,3,9 --grade 一般 \
    --date 2026-01-10
expect 0 "$DY" "${DB[@]}" appraisal rate 1 --votes 1,2,3,9 --satisfaction 2,3,10 --date 2026-01-10
has out "report 1 appraised 差 (poor) on 2026-01-10; satisfaction 33%"
expect 0 "$DY" "${DB[@]}" appraisal rate 2 --votes 20,8,2,0 --satisfaction 25,4,1 --grade 较好 \
    --reason 专项检查发现问题 --date 2026-01-11
has out "较好 (fairly_good)"

# correct: the same record on its day, new values for a stated reason, while the cycle is open; the
# follow-up of a 差 follows the corrected grade.
expect 2 "$DY" "${DB[@]}" appraisal correct 1 --votes 9,3,2,1
has err "--correction is required"
expect 1 "$DY" "${DB[@]}" appraisal correct 1 --votes 1,2,3,9 --satisfaction 2,3,10 --correction 复核
has err "rating:"
rejects appraisal.tally_valid "$DY" "${DB[@]}" appraisal correct 1 --votes 0,0,0,0 --correction 复核
expect 0 "$DY" "${DB[@]}" appraisal correct 1 --votes 9,3,2,1 --satisfaction 10,3,2 --correction 计票时两栏颠倒
has out "report 1 appraisal of 2026-01-10 corrected: 差 (poor) -> 好 (good); satisfaction 86%"
expect 0 "$DY" "${DB[@]}" agenda --as-of 2026-02-10
lacks out "appraisal.followup_poor"
expect 0 "$DY" "${DB[@]}" appraisal correct 1 --votes 1,2,3,9 --satisfaction 2,3,10 --correction 复核原计票无误
has out "好 (good) -> 差 (poor)"

# apply: only an appraised report.
expect 0 "$DY" "${DB[@]}" appraisal apply 2 --use 纳入年度考核 --date 2026-02-01
has out "report 2: result applied on 2026-02-01 (纳入年度考核)"
rejects appraisal.apply_after_rating "$DY" "${DB[@]}" appraisal apply 2 --use 评先评优 --date 2026-01-10

# The poor result awaits accountability by the district within 30 days.
expect 0 "$DY" "${DB[@]}" agenda --as-of 2026-02-10
matches out "第一社区党支部.*appraisal.followup_poor"

# hold: a rectification with the default deadline (3 months), 组织处理 with its decision.
rejects appraisal.rectify_deadline "$DY" "${DB[@]}" appraisal hold --kind 限期整改 --org 第一社区党支部 \
    --reason 评议为差 --date 2026-01-20 --deadline 2026-04-21
rejects appraisal.treatment_decision "$DY" "${DB[@]}" appraisal hold --kind 组织处理 --org 第一社区党支部 \
    --reason 问题频发 --date 2026-01-20
expect 1 "$DY" "${DB[@]}" appraisal hold --kind 通报 --org 第一社区党支部 --reason 评议为差 --date 2026-01-20
has err "kind:"
expect 0 "$DY" "${DB[@]}" appraisal hold --kind 限期整改 --org 第一社区党支部 --member 李娜 --cycle 1 \
    --reason 评议为差 --date 2026-01-20
has out "accountability 1: 限期整改 (rectification), 第一社区党支部, 2026-01-20; deadline 2026-04-20"
expect 0 "$DY" "${DB[@]}" appraisal hold --kind 诫勉谈话 --org 第一社区党支部 --reason 履职不到位 --date 2026-01-21
expect 0 "$DY" "${DB[@]}" agenda --as-of 2026-02-10
lacks out "appraisal.followup_poor"
expect 0 "$DY" "${DB[@]}" agenda --as-of 2026-04-21
matches out "第一社区党支部.*appraisal.rectify_by_deadline"

# complete: on or after the decision; after the deadline it is counted late.
rejects appraisal.rectify_by_deadline "$DY" "${DB[@]}" appraisal complete 1 --date 2026-01-19
expect 1 "$DY" "${DB[@]}" appraisal complete 2 --date 2026-02-01
has err "accountability:"
expect 0 "$DY" "${DB[@]}" appraisal complete 1 --date 2026-04-22
has out "rectification 1 completed on 2026-04-22 (after its deadline 2026-04-20)"
expect 0 "$DY" "${DB[@]}" agenda --as-of 2026-04-23
lacks out "appraisal.rectify_by_deadline"

# close: on or after its last record.
rejects appraisal.report_within_cycle "$DY" "${DB[@]}" appraisal close 1 --date 2026-01-10
expect 0 "$DY" "${DB[@]}" appraisal close 1 --date 2026-03-31
has out "appraisal cycle 1 closed on 2026-03-31"
rejects appraisal.report_within_cycle "$DY" "${DB[@]}" appraisal report 1 --org 机关党支部 --reporter 张伟 \
    --date 2026-04-01
rejects appraisal.correction_before_close "$DY" "${DB[@]}" appraisal correct 2 --votes 20,8,2,0 --correction 复核

# show, list and stats.
expect 0 "$DY" "${DB[@]}" appraisal show 1
has out "第一社区党支部"
has out "1/2/3/9"
has out "纳入年度考核"
has out "2026-03-31"
expect 0 "$DY" "${DB[@]}" appraisal show 1 --format json
has out '"org": "城关街道党工委"'
expect 0 "$DY" "${DB[@]}" appraisal list --year 2025
has out "中共示范区委员会"
expect 0 "$DY" "${DB[@]}" appraisal list --accountability --org 城关街道党工委
has out "限期整改 (rectification)"
has out "2026-04-22"
expect 0 "$DY" "${DB[@]}" appraisal stats --year 2025 --format csv
has out "述职 (reports),2"
has out "等次 差 (poor),1"
has out "满意 (satisfied),27"
expect 0 "$DY" "${DB[@]}" appraisal stats --year 2026 --org 城关街道党工委 --format csv
has out "问责 限期整改 (rectification),1"
has out "问责 诫勉谈话 (admonition_talk),1"
has out "限期整改逾期完成 (completed late),1"
expect 2 "$DY" "${DB[@]}" appraisal stats
has err "--year is required"

# Every accepted command left one audit row.
expect 0 "$DY" "${DB[@]}" audit
matches out "appraisal.*cycle_opened"
matches out "appraisal.*rated"
matches out "appraisal.*rating_corrected"
matches out "appraisal.*rectification_completed"
matches out "appraisal.*cycle_closed"
