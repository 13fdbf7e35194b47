#!/usr/bin/env bash
# dangyuan server grant / revoke / roles: a PostgreSQL role mapped to a branch secretary sees only its
# branch, through dangyuan and through psql. On an SQLite file the commands are refused.
source "$(dirname "$0")/lib.sh"

store_location DB district.db
make_branch_store "$DB"
expect 0 "$DY" --db "$DB" member add --name 外支部党员 --id-number 370102198001011237 --ethnicity 汉族 \
    --branch 机关党支部 --application-date 2004-03-01 --admission-date 2005-07-01 --full-member-date 2006-07-01

if ! on_postgresql; then
    expect 1 "$DY" --db "$DB" server grant someone --role analyst --person 某人
    has err "only for a store on PostgreSQL"
    expect 0 "$DY" --db "$DB" server roles
    matches out "条数 +0"
    exit 0
fi

# Login roles of this run (roles belong to the whole cluster; the names carry the database's).
ROLE=${DB##*/}_li
OTHER=${DB##*/}_zhao
PGOPTIONS='-c client_min_messages=warning' psql "$DB" -X -q -v ON_ERROR_STOP=1 -c "DROP ROLE IF EXISTS $ROLE" -c "DROP ROLE IF EXISTS $OTHER" \
    -c "CREATE ROLE $ROLE LOGIN PASSWORD 'pw-li'" -c "CREATE ROLE $OTHER LOGIN PASSWORD 'pw-zhao'" >/dev/null ||
    fail "cannot create the roles"
trap 'psql "$DB" -X -q -c "DROP OWNED BY $ROLE, $OTHER" -c "DROP ROLE $ROLE" -c "DROP ROLE $OTHER" >/dev/null 2>&1' EXIT
AS_LI="postgresql://$ROLE:pw-li@/${DB##*/}"

# Only the store's owner grants; an unknown role is named.
expect 1 "$DY" --db "$DB" server grant no_such_role_here --role analyst --person 某人
has err "server_role"
expect 0 "$DY" --db "$DB" server grant "$ROLE" --role branch_secretary --org 第一社区党支部 --person 李梅 --why 新任书记
has out "granted: server role $ROLE acts as 李梅 (branch_secretary@3)"
expect 0 "$DY" --db "$DB" server roles --format csv
has out "$ROLE,李梅,branch_secretary,3"

# The role's own sessions: dangyuan acts as its principal, psql sees its branch only.
expect 0 "$DY" --db "$AS_LI" member list --format csv
has out 张建国
lacks out 外支部党员
[ "$(psql "$AS_LI" -X -At -c 'SELECT count(*) FROM members')" = 10 ] || fail "psql as $ROLE sees other branches"
[ "$(psql "$AS_LI" -X -At -c 'SELECT count(*) FROM audit')" = 0 ] || fail "psql as $ROLE reads the audit trail"
expect 3 "$DY" --db "$AS_LI" member add --name 越界 --id-number 370102198202021239 --ethnicity 汉族 \
    --branch 4 --application-date 2004-03-01 --admission-date 2005-07-01 --full-member-date 2006-07-01
has err "access denied"
expect 0 "$DY" --db "$AS_LI" member add --name 新党员 --id-number 370102198202021239 --ethnicity 汉族 \
    --branch 第一社区党支部 --application-date 2004-03-01 --admission-date 2005-07-01 --full-member-date 2006-07-01
expect 0 "$DY" --db "$DB" audit --last 1
has out "李梅 (branch_secretary@3)"
expect 0 "$DY" --db "$DB" audit verify
# A wider --as than the role's is refused.
expect 3 "$DY" --db "$AS_LI" --as organisation_department member list
# A restricted principal does not grant.
expect 3 "$DY" --db "$AS_LI" server grant "$OTHER" --role analyst --person 赵 --org 第一社区党支部

expect 0 "$DY" --db "$DB" server revoke "$ROLE" --why 调离
expect 1 "$DY" --db "$AS_LI" member list
expect 1 "$DY" --db "$DB" server revoke "$ROLE"
has err "not mapped"
expect 0 "$DY" --db "$DB" audit --entity server_principal --format csv
has out granted
has out revoked
