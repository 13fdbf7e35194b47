# The agenda in Chinese and fitted to the terminal: kind names and descriptions in Chinese by default,
# --lang en / DANGYUAN_LANG=en for the codes and English sentences, --width / COLUMNS, and every column in
# CSV and JSON.
source "$(dirname "$0")/lib.sh"

# The display width of the widest line (wc -L counts a Chinese character as two columns in a UTF-8 locale).
widest() { LC_ALL=C.UTF-8 wc -L <"$1"; }

store_location STORE x.db
expect 0 "$DY" --db "$STORE" sample --members 600 --seed 3
expect 0 "$DY" --db "$STORE" agenda --as-of 2026-11-26 --width 0
cp out full
items=$(awk '$1 == "事项" { print $2; exit }' full)
[ "$items" -gt 10 ] || fail "implausible number of items: $items"
# One line per item: the title, three meta lines, a blank line, the header and the rule, then the items.
[ "$(wc -l <full)" -eq $((items + 7)) ] || fail "--width 0: not one line per item"
has full "任期届满，按期换届"
has full "届满: 应进行换届选举"
has full "上级党委审批接收预备党员"
has full "org.term_length"
lacks full "org.term_expiry"
lacks full "hold the election"
matches full "^到期日 +状态 +对象 +事项 +规则 +说明$"

# COLUMNS fits the table into 100 columns: the descriptions wrap under their column, none is lost.
COLUMNS=100 expect 0 "$DY" --db "$STORE" agenda --as-of 2026-11-26
cp out narrow
[ "$(widest narrow)" -le 100 ] || fail "a line is wider than 100 columns: $(widest narrow)"
[ "$(widest full)" -gt 100 ] || fail "the unfitted agenda is not wider than 100 columns"
[ "$(wc -l <narrow)" -gt "$(wc -l <full)" ] || fail "COLUMNS=100: nothing wrapped"
has narrow "本届任期5年,"
# Continuation lines start with blanks up to the 说明 column and hold Chinese text.
LC_ALL=C grep -E '^ {20,}[^ ]' narrow | LC_ALL=C grep -q $'[\xe4-\xe9]' ||
    fail "no continuation line with Chinese text"
# --width wins over COLUMNS; a very narrow width still keeps within it (cells cut with …).
COLUMNS=100 expect 0 "$DY" --db "$STORE" agenda --as-of 2026-11-26 --width 80
[ "$(widest out)" -le 80 ] || fail "--width 80: a line is wider: $(widest out)"
expect 0 "$DY" --db "$STORE" agenda --as-of 2026-11-26 --width 60
[ "$(widest out)" -le 60 ] || fail "--width 60: a line is wider: $(widest out)"
has out "…"
# Without a terminal and without COLUMNS (as here) there is no limit.
expect 0 "$DY" --db "$STORE" agenda --as-of 2026-11-26
cmp -s out full || fail "without a terminal or COLUMNS the agenda is not one line per item"
expect 2 "$DY" --db "$STORE" agenda --width=-3
has err "--width"
expect 2 "$DY" --db "$STORE" agenda --width wide
has err "--width must be a number of columns"

# English: the kind codes and the English sentences.
expect 0 "$DY" --db "$STORE" agenda --as-of 2026-11-26 --width 0 --lang en
has out "org.term_expiry"
has out "hold the election (换届选举)"
lacks out "任期届满，按期换届"
DANGYUAN_LANG=en expect 0 "$DY" --db "$STORE" agenda --as-of 2026-11-26 --width 0
has out "org.term_expiry"
DANGYUAN_LANG=en expect 0 "$DY" --db "$STORE" agenda --as-of 2026-11-26 --width 0 --lang zh
lacks out "org.term_expiry"
expect 2 "$DY" --db "$STORE" agenda --lang fr
has err "--lang must be zh or en"

# CSV, JSON and the export carry every column, whatever the width or language.
COLUMNS=60 expect 0 "$DY" --db "$STORE" agenda --as-of 2026-11-26 --format csv
has out "到期日,状态,组织编号,对象,事项代码,事项,规则,党员编号,说明,说明 (英文)"
matches out ',org.term_expiry,任期届满，按期换届,org.term_length,,"本届任期[0-9]+年, [0-9-]{10}开始, [0-9-]{10}届满: 应进行换届选举",term of ' 
expect 0 "$DY" --db "$STORE" agenda --as-of 2026-11-26 --format csv --header en
has out "due,status,org_id,subject,kind,kind_name,rule_id,member_id,message_zh,message"
rows=$(($(wc -l <out) - 1))
[ "$rows" -eq "$items" ] || fail "CSV has $rows rows, the text $items items"
expect 0 "$DY" --db "$STORE" export agenda --as-of 2026-11-26 --format json
has out '"kind_name": "任期届满，按期换届"'
has out '"message_zh": "本届任期'
echo "agenda: ok"
