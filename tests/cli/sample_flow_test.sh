# The main job: create a store, fill it with the sample district, read the agenda and the statistics.
source "$(dirname "$0")/lib.sh"

store_location DEMO demo.db
store_location ROSTER roster.db
store_location SUMMARY summary.db
expect 0 "$DY" --db "$DEMO" init
expect 0 "$DY" --db "$DEMO" sample --members 600 --seed 3
has out "in $(shown_location "$DEMO"):"
matches out "[0-9]+ members of record: 600 generated for the roster, [0-9]+ admitted through the development cases"
if on_postgresql; then
    matches out "took [0-9.]+ s$"  # no file to measure
else
    matches out "took [0-9.]+ s, store [0-9.]+ MB"
fi
# The counts reconcile: members of record (init) = in normal standing (stats) + suspended + left.
read -r of_record normal suspended_s left < <(sed -nE 's/^  ([0-9]+) members of record.*/\1/p; s/^  on 2026-11-26: ([0-9]+) in normal standing .*, ([0-9]+) suspended, ([0-9]+) left the party.*/\1 \2 \3/p' out | tr '\n' ' ')
[ -n "$left" ] || fail "the sample's summary does not say what it counts: $(cat out)"
[ "$of_record" -eq $((normal + suspended_s + left)) ] || fail "$of_record of record != $normal + $suspended_s + $left"
expect 0 "$DY" --db "$DEMO" init
has out "$of_record members of record"
expect 0 "$DY" --db "$DEMO" stats --as-of 2026-11-26 --format csv
[ "$(awk -F, '$2 == "党员总数" { print $3 }' out)" -eq "$normal" ] || fail "stats does not count $normal: $(head -3 out)"
expect 0 "$DY" --db "$DEMO" stats --as-of 2026-11-26
matches out "名册人数 +$((normal + suspended_s)) = 计入 $normal \\+ 停止党籍 $suspended_s"
expect 1 "$DY" --db "$DEMO" sample --members 600
has err "store: the sample district needs an empty store"

# The agenda on the fixed date: term expiries and findings, each with its rule.
expect 0 "$DY" --db "$DEMO" agenda --as-of 2026-11-26
has out "待办事项 (agenda)"
has out "日期  2026-11-26"
has out "任期届满，按期换届"
has out "org.term_length"
has out "届满: 应进行换届选举"
matches out "已逾期|即将到期"
expect 0 "$DY" --db "$DEMO" agenda --as-of 2026-11-26 --format json
has out '"rule_id": "org.term_length"'
expect 0 "$DY" --db "$DEMO" agenda --as-of 2026-11-26 --status overdue --format csv
lacks out "即将到期"

# The statistics: every section adds up to the total (the 大专及以上 line is a subtotal).
expect 0 "$DY" --db "$DEMO" stats --as-of 2026-11-26
has out "党员总数"
has out "口径"
has out "30岁及以下"
has out "71岁及以上"
has out "其中: 大专及以上"
expect 0 "$DY" --db "$DEMO" stats --as-of 2026-11-26 --format csv
total=$(awk -F, '$2 == "党员总数" { print $3 }' out)
[ "$total" -gt 500 ] || fail "implausible total $total"
awk -F, -v total="$total" 'NR > 1 && $1 ~ /^(党员类别|性别|民族|年龄|学历|人员类别|党龄)$/ && $2 !~ /^其中/ { sum[$1] += $3 }
    END { for (s in sum) if (sum[s] != total) { print s, sum[s], total; bad = 1 }; exit bad }' out ||
    fail "a statistics section does not add up to the total"

# The other domains, for the same scope and date: development by stage, mobile members, evaluation
# grades of the year before, elections of the terms ending in the year, each section with its counting
# rule.
expect 0 "$DY" --db "$DEMO" stats --as-of 2026-11-26 --format csv
for section in 发展党员 流动党员 民主评议 换届选举; do
    has out "$section,"
done
dev=$(awk -F, '$1 == "发展党员" && $2 !~ /^其中/ { n += $3 } END { print n + 0 }' out)
[ "$dev" -gt 0 ] || fail "no development case in progress in the sample"
graded=$(awk -F, '$1 == "民主评议" && $2 ~ /^(优秀|合格|基本合格|不合格)$/ { n += $3 } END { print n + 0 }' out)
[ "$graded" -gt 0 ] || fail "no evaluation grade in the sample"
expect 0 "$DY" --db "$DEMO" stats --as-of 2026-11-26 --format json
has out '"发展党员口径"'
has out '"流动党员口径"'
has out '"民主评议口径": "2025年度'
has out '"换届选举口径": "2026年'

# The domains on the agenda: an overdue approval of admission, an overdue annual review of a certificate,
# a member out of contact, a missed committee meeting, dues in arrears.
expect 0 "$DY" --db "$DEMO" agenda --as-of 2026-11-26 --format csv
for rule in dev.approval_within_3_months certificate.annual_review lostcontact.suspend_after_6_months \
    life.committee_meeting_monthly dues.pay_monthly; do
    has out "$rule"
done
matches out "已逾期,[0-9]+,[^,]*,dev.approval,上级党委审批接收预备党员,dev.approval_within_3_months"
expect 0 "$DY" --db "$DEMO" case list --format csv
for stage in 入党申请人 入党积极分子 发展对象 预备党员 正式党员; do
    has out "$stage"
done
expect 0 "$DY" --db "$DEMO" mobility list --as-of 2026-11-26
has out "外出中"
expect 0 "$DY" --db "$DEMO" eval grades --year 2025
has out "优秀上限"

# The roster alone: the same organisations and members, none of the domains.
expect 0 "$DY" --db "$ROSTER" sample --members 600 --seed 3 --domains roster
lacks out "development cases"
expect 0 "$DY" --db "$ROSTER" agenda --as-of 2026-11-26 --format csv
for rule in dev. certificate. lostcontact. life. dues. training.; do
    lacks out ",$rule"
done

# Elections and village decisions: the summary counts what the lists hold; each record went through the
# store's command (one audit entry each); the agenda shows the election still open after its term's end
# and the resolution not yet public.
expect 0 "$DY" --db "$SUMMARY" sample --members 600 --seed 3
read -r elections elected decisions decided < <(sed -nE 's/^  ([0-9]+) elections \(([0-9]+) completed\), ([0-9]+) village decisions \(([0-9]+) completed\)$/\1 \2 \3 \4/p' out)
[ -n "$decided" ] || fail "the sample's summary does not count elections and decisions: $(cat out)"
[ "$elections" -ge 3 ] && [ "$elected" -ge 1 ] && [ "$decisions" -ge 2 ] && [ "$decided" -ge 1 ] ||
    fail "too few: $elections elections ($elected completed), $decisions decisions ($decided completed)"
expect 0 "$DY" --db "$SUMMARY" election list --format csv
[ "$(($(wc -l <out) - 1))" -eq "$elections" ] || fail "election list has $(($(wc -l <out) - 1)) rows, the summary $elections"
[ "$(grep -c '(completed)' out)" -eq "$elected" ] || fail "election list: not $elected completed"
ids=$(tail -n +2 out | cut -d, -f1)
records=0
for id in $ids; do
    expect 0 "$DY" --db "$SUMMARY" election show "$id" --format csv
    records=$((records + $(wc -l <out) - 1))
done
expect 0 "$DY" --db "$SUMMARY" audit --entity election --format csv
[ "$(($(wc -l <out) - 1))" -eq "$records" ] || fail "$records election records, $(($(wc -l <out) - 1)) audited"
expect 0 "$DY" --db "$SUMMARY" decision list --format csv
[ "$(($(wc -l <out) - 1))" -eq "$decisions" ] || fail "decision list has $(($(wc -l <out) - 1)) rows, the summary $decisions"
[ "$(grep -c '(result_published)' out)" -eq "$decided" ] || fail "decision list: not $decided completed"
expect 0 "$DY" --db "$SUMMARY" agenda --as-of 2026-11-26 --format csv
has out "election.overdue"
has out "decision.resolution_not_public"

# The name list has exactly the members counted, plus the suspended ones (listed, not counted).
expect 0 "$DY" --db "$DEMO" member list --as-of 2026-11-26 --format csv
listed=$(($(wc -l <out) - 1))
suspended=$(awk -F, '$11 ~ /停止党籍/' out | wc -l)
expect 0 "$DY" --db "$DEMO" stats --as-of 2026-11-26 --format json
has out "\"停止党籍 (未计入)\": \"$suspended\""
[ "$listed" -eq $((total + suspended)) ] || fail "name list has $listed rows, statistics count $total + $suspended"

# Scoped to one organisation: the subtree only.
expect 0 "$DY" --db "$DEMO" stats --org 2 --as-of 2026-11-26 --format csv
sub=$(awk -F, '$2 == "党员总数" { print $3 }' out)
[ "$sub" -gt 0 ] && [ "$sub" -lt "$total" ] || fail "scope total $sub not within 1..$total"
expect 0 "$DY" --db "$DEMO" org list --as-of 2026-11-26
has out "中共历下区委员会"
has out "街道党工委"
expect 0 "$DY" --db "$DEMO" member show 1 --as-of 2026-11-26
has out "党员信息"
has out "党龄"

# Names sort by surname strokes by default, by pinyin on request.
expect 0 "$DY" --db "$DEMO" member list --as-of 2026-11-26 --format csv --sort pinyin
first_pinyin=$(sed -n 2p out | cut -d, -f2)
expect 0 "$DY" --db "$DEMO" member list --as-of 2026-11-26 --format csv
first_stroke=$(sed -n 2p out | cut -d, -f2)
[ "$first_pinyin" != "$first_stroke" ] || fail "stroke and pinyin orders start with the same name $first_stroke"
echo "sample_flow: ok"
