# --as ROLE@ORG (and $DANGYUAN_AS) makes the command act for a principal: a branch secretary reads and
# writes its own branch only, an analyst sees masked data and cannot unmask it, an auditor reads the
# trail; every refusal exits with status 3, changes nothing and is recorded.
# Organisations of make_district: 1 区委, 2 城关街道党工委, 3 第一社区党支部, 4 机关党支部.
source "$(dirname "$0")/lib.sh"

store_location STORE t.db
make_branch_store "$STORE"
DB=(--db "$STORE" --actor 王芳)

# The secretary of 第一社区党支部 sees its members, unmasked on request.
expect 0 "$DY" "${DB[@]}" --as branch_secretary@3 member list
has out "张建国"
expect 0 "$DY" "${DB[@]}" --as branch_secretary@3 member show 张建国 --unmasked --why 组织关系转接核对
has out "370102196805123139"

# The secretary of 机关党支部 does not: its list is empty, the member is refused (exit 3).
expect 0 "$DY" "${DB[@]}" --as branch_secretary@4 member list
lacks out "张建国"
expect 3 "$DY" "${DB[@]}" --as branch_secretary@4 member show 1
has err "access denied"
has err "read_roster"
has err "第一社区党支部"
expect 3 "$DY" "${DB[@]}" --as branch_secretary@4 member list --org 3
has err "read_roster"

# The same through the environment variable.
export DANGYUAN_AS=branch_secretary@4
expect 3 "$DY" "${DB[@]}" member show 1
has err "access denied"
unset DANGYUAN_AS

# A write into another branch is refused and changes nothing.
expect 3 "$DY" "${DB[@]}" --as branch_secretary@4 member add --name 赵新 --id-number 370102198001011237 --ethnicity 汉族 \
    --branch 3 --application-date 2004-03-01 --admission-date 2005-07-01 --full-member-date 2006-07-01
has err "access denied"
has err "第一社区党支部"
expect 0 "$DY" --db "$STORE" member list
lacks out "赵新"
# …and allowed into its own.
expect 0 "$DY" "${DB[@]}" --as branch_secretary@4 member add --name 赵新 --id-number 370102198001011237 --ethnicity 汉族 \
    --branch 机关党支部 --application-date 2004-03-01 --admission-date 2005-07-01 --full-member-date 2006-07-01

# An analyst sees masked records and cannot unmask them.
expect 0 "$DY" "${DB[@]}" --as analyst member show 张建国
lacks out "370102196805123139"
lacks out "1968-05-12"
expect 3 "$DY" "${DB[@]}" --as analyst member list --unmasked --why 核查
has err "unmasked_personal_data"

# Only the organisation department or an auditor reads the trail; the refusals are in it.
expect 3 "$DY" "${DB[@]}" --as branch_secretary@3 audit
has err "read_audit"
expect 0 "$DY" "${DB[@]}" --as auditor audit --entity access --format csv
has out "denied"
has out "permission=read_roster"
has out "王芳 (branch_secretary@4)"
expect 0 "$DY" "${DB[@]}" --as auditor audit verify

# An unknown role is bad input (exit 1); restore needs the whole store.
expect 1 "$DY" "${DB[@]}" --as chairman@3 member list
has err "role"
if files_only "backup and restore copy SQLite files (a server is backed up with pg_dump)"; then
    expect 0 "$DY" --db "$STORE" backup copy.db
    expect 3 "$DY" "${DB[@]}" --as party_committee@2 restore copy.db
    has err "access denied"
fi
