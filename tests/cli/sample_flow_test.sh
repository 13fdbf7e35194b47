# The main job: create a store, fill it with the sample district, read the agenda and the statistics.
source "$(dirname "$0")/lib.sh"

expect 0 "$DY" --db demo.db init
expect 0 "$DY" --db demo.db sample --members 600 --seed 3
matches out "600 members: [0-9]+ probationary"
matches out "took [0-9.]+ s, store [0-9.]+ MB"
expect 1 "$DY" --db demo.db sample --members 600
has err "store: the sample district needs an empty store"

# The agenda on the fixed date: term expiries and findings, each with its rule.
expect 0 "$DY" --db demo.db agenda --as-of 2026-11-26
has out "待办事项 (agenda)"
has out "日期  2026-11-26"
has out "org.term_expiry"
has out "org.term_length"
matches out "已逾期|即将到期"
expect 0 "$DY" --db demo.db agenda --as-of 2026-11-26 --format json
has out '"rule_id": "org.term_length"'
expect 0 "$DY" --db demo.db agenda --as-of 2026-11-26 --status overdue --format csv
lacks out "即将到期"

# The statistics: every section adds up to the total (the 大专及以上 line is a subtotal).
expect 0 "$DY" --db demo.db stats --as-of 2026-11-26
has out "党员总数"
has out "口径"
has out "30岁及以下"
has out "71岁及以上"
has out "其中: 大专及以上"
expect 0 "$DY" --db demo.db stats --as-of 2026-11-26 --format csv
total=$(awk -F, '$2 == "党员总数" { print $3 }' out)
[ "$total" -gt 500 ] || fail "implausible total $total"
awk -F, -v total="$total" 'NR > 1 && $1 != "合计" && $2 !~ /^其中/ { sum[$1] += $3 }
    END { for (s in sum) if (sum[s] != total) { print s, sum[s], total; bad = 1 }; exit bad }' out ||
    fail "a statistics section does not add up to the total"

# The name list has exactly the members counted, plus the suspended ones (listed, not counted).
expect 0 "$DY" --db demo.db member list --as-of 2026-11-26 --format csv
listed=$(($(wc -l <out) - 1))
suspended=$(awk -F, '$11 ~ /停止党籍/' out | wc -l)
expect 0 "$DY" --db demo.db stats --as-of 2026-11-26 --format json
has out "\"停止党籍 (未计入)\": \"$suspended\""
[ "$listed" -eq $((total + suspended)) ] || fail "name list has $listed rows, statistics count $total + $suspended"

# Scoped to one organisation: the subtree only.
expect 0 "$DY" --db demo.db stats --org 2 --as-of 2026-11-26 --format csv
sub=$(awk -F, '$2 == "党员总数" { print $3 }' out)
[ "$sub" -gt 0 ] && [ "$sub" -lt "$total" ] || fail "scope total $sub not within 1..$total"
expect 0 "$DY" --db demo.db org list --as-of 2026-11-26
has out "中共历下区委员会"
has out "街道党工委"
expect 0 "$DY" --db demo.db member show 1 --as-of 2026-11-26
has out "党员信息"
has out "党龄"

# Names sort by surname strokes by default, by pinyin on request.
expect 0 "$DY" --db demo.db member list --as-of 2026-11-26 --format csv --sort pinyin
first_pinyin=$(sed -n 2p out | cut -d, -f2)
expect 0 "$DY" --db demo.db member list --as-of 2026-11-26 --format csv
first_stroke=$(sed -n 2p out | cut -d, -f2)
[ "$first_pinyin" != "$first_stroke" ] || fail "stroke and pinyin orders start with the same name $first_stroke"
echo "sample_flow: ok"
