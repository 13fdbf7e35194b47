# Importing a roster: a file with mistakes is reported precisely (row, column, value, rule) and writes
# nothing; the corrected file is imported; importing it again changes nothing; a GB18030 file is read.
source "$(dirname "$0")/lib.sh"

store_location STORE d.db
make_district "$STORE"
store_content "$STORE" >before

# 1. Every mistake in the file, each with its row and column; exit status 1; the store untouched.
expect 1 "$DY" --db "$STORE" import "$FIXTURES/roster_mistakes.csv" --errors problems.csv
has err "row 2, 公民身份号码 '370102197003151238': wrong check character '8' in 370102197003151238, expected '9'"
has err "row 3, 民族 '回回族': unknown ethnicity '回回族'"
has err "row 3, 入党日期 '1982-02-30': '1982-02-30' is not a calendar date"
has err "row 4, 转正日期 '2015-03-01': [member.probation_1_year] full-member date 2015-03-01 is neither the end of probation 2015-06-30"
has err "row 5, 所在支部 '第二社区党支部': no organisation named '第二社区党支部'"
has err "row 7, 申请入党日期 '2001.10.10': [member.min_age_18] 陈静 was 15 on 2001-10-10"
has err "row 8, 性别 '女': [member.id_number_consistent] sex 女性 differs from 男性 in ID number 370102************"
has err "row 9, 公民身份号码 '3.70105E+17': '3.70105E+17' was turned into a number by the spreadsheet"
has err "row 10, 公民身份号码 '370102194508150131': the same person as row 6"
has err "row 11: the row has 6 cells, the header 18"
has err "10 problems in 9 rows; nothing was imported"
lacks err "row 6,"
has problems.csv "行号,列,值,问题,规则"
has problems.csv "4,转正日期,2015-03-01"
has problems.csv "member.probation_1_year"
store_content "$STORE" | cmp -s - before || fail "a rejected import changed the store"
if files_only "the write-ahead log is a file beside an SQLite store"; then
    [ ! -e d.db-wal ] || [ ! -s d.db-wal ] || fail "a rejected import left a write-ahead log"
fi
expect 0 "$DY" --db "$STORE" init
has out "4 organisations, 0 members"

# 1b. The same file with CR-only line endings (an old spreadsheet's "CSV"): the same row numbers.
tr -d '\r' < "$FIXTURES/roster_mistakes.csv" | tr '\n' '\r' > mistakes_cr.csv
store_content "$STORE" >before_cr
expect 1 "$DY" --db "$STORE" import mistakes_cr.csv
has err "row 2, 公民身份号码 '370102197003151238': wrong check character"
has err "row 10, 公民身份号码 '370102194508150131': the same person as row 6"
has err "row 11: the row has 6 cells, the header 18"
has err "10 problems in 9 rows; nothing was imported"
store_content "$STORE" | cmp -s - before_cr || fail "a rejected import changed the store"

# 2. A dry run of the corrected file says what would happen and writes nothing.
expect 0 "$DY" --db "$STORE" import "$FIXTURES/roster_good.csv" --dry-run
has out "(UTF-8 with BOM, 6 rows): 6 to be added, 0 to be updated, 0 unchanged"
has out "dry run: nothing was written"
store_content "$STORE" | cmp -s - before || fail "a dry run changed the store"

# 3. The corrected file is imported; dates in four spellings; 补录 is kept.
expect 0 "$DY" --db "$STORE" --actor 组织委员 import "$FIXTURES/roster_good.csv"
has out "6 added, 0 updated, 0 unchanged"
expect 0 "$DY" --db "$STORE" member show 张建国 --as-of 2026-11-26
has out "1997-07-01"
has out "370102************"
has out "138****5678"
has out "1970"
lacks out "1970-03-15"
lacks out "城关街道文化路1号"
has out "正式党员"
expect 0 "$DY" --db "$STORE" member show 370102194508150131 --as-of 2026-11-26
has out "补录"
has out "是"
has out "2002-01-01"
expect 0 "$DY" --db "$STORE" member list --as-of 2026-11-26 --format csv
has out "刘芳"
has out "预备党员"

# 4. Importing the same file again changes nothing, not even the file's bytes (on a server: the rows).
store_content "$STORE" >imported
expect 0 "$DY" --db "$STORE" import "$FIXTURES/roster_good.csv"
has out "0 added, 0 updated, 6 unchanged"
store_content "$STORE" | cmp -s - imported || fail "re-importing the same file changed the store"

# 5. A changed row is reported, not applied, unless --update is given.
sed 's/13912345678/13900000000/' "$FIXTURES/roster_good.csv" >changed.csv
expect 1 "$DY" --db "$STORE" import changed.csv
has err "row 4: already in the store as member"
has err "联系电话: '139****5678' → '139****0000'"
store_content "$STORE" | cmp -s - imported || fail "a reported change was written"
expect 0 "$DY" --db "$STORE" import changed.csv --update
has out "0 added, 1 updated, 5 unchanged"
has out "联系电话"

# 6. A GB18030 file (Excel's default on a Chinese system) is detected; English and alias headers;
#    a name with a character outside GBK (䶮) survives.
expect 1 "$DY" --db "$STORE" import "$FIXTURES/roster_gb18030.csv" --encoding utf-8
has err "is not UTF-8 (try --encoding gb18030)"
expect 0 "$DY" --db "$STORE" import "$FIXTURES/roster_gb18030.csv"
has out "(GB18030, 3 rows): 3 added"
expect 0 "$DY" --db "$STORE" member show 刘䶮 --as-of 2026-11-26
has out "壮族"
has out "1968"
lacks out "1968-04-05"
expect 0 "$DY" --db "$STORE" member show 刘䶮 --as-of 2026-11-26 --unmasked --why 导入核对
has out "1968-04-05"
expect 0 "$DY" --db "$STORE" import "$FIXTURES/roster_gb18030.csv" --encoding gb18030
has out "0 added, 0 updated, 3 unchanged"

# 7. `member add` checks a single record the same way.
expect 1 "$DY" --db "$STORE" member add --name 新党员 --id-number 370102197609182371 --ethnicity 汉族 \
    --branch 机关党支部 --application-date 1998-03-01 --admission-date 2000-07-01 --full-member-date 2001-03-01
has err "--full-member-date '2001-03-01': [member.probation_1_year]"
expect 0 "$DY" --db "$STORE" member add --name 新党员 --id-number 370102197609182371 --ethnicity 汉族 \
    --branch 机关党支部 --application-date 1998-03-01 --admission-date 2000-07-01 --full-member-date 2001-07-01
has out "added member 10: 新党员"
expect 0 "$DY" --db "$STORE" stats --as-of 2026-11-26 --format csv
has out "合计,党员总数,10,100.0"
has out "党员类别,预备党员,1,10.0"
has out "民族,少数民族,3,30.0"

# An unclosed quote is reported on the line where its row starts, not past the end of the file.
printf '姓名,性别\n"张三,男\n李四,女\n' > unclosed.csv
expect 1 "$DY" --db "$STORE" import unclosed.csv
has err "line 2: a quoted field of the row that starts here is not closed"
echo "import: ok"
