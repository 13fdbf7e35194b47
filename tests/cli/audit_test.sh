# --unmasked --why records the access in the audit trail before showing full ID numbers and phones;
# `dangyuan audit` lists the trail.
source "$(dirname "$0")/lib.sh"

store_location STORE t.db
make_branch_store "$STORE"
DB=(--db "$STORE" --actor 组织委员)

# Masked by default.
expect 0 "$DY" "${DB[@]}" member show 张建国
has out "370102************"
lacks out "370102196805123139"

# --unmasked needs a reason (usage error, nothing shown, nothing recorded).
expect 2 "$DY" "${DB[@]}" member show 张建国 --unmasked
has err "--unmasked needs --why REASON"
lacks out "370102196805123139"
expect 0 "$DY" "${DB[@]}" audit --entity access
has out "条数  0"

# With a reason: shown in full, and the access is in the trail with the actor and the reason.
expect 0 "$DY" "${DB[@]}" member show 张建国 --unmasked --why 组织关系转接核对
has out "370102196805123139"
expect 0 "$DY" "${DB[@]}" member list --unmasked --why 年度核查 --format csv
has out "370102199507079487"
expect 0 "$DY" "${DB[@]}" export roster --unmasked --why 报送上级 --format csv -o 名册.csv
grep -qF 370102198002145245 名册.csv || fail "the unmasked export is masked"
expect 0 "$DY" "${DB[@]}" audit --entity access --format csv
has out "unmasked_read,组织关系转接核对,member 1"
has out "unmasked_read,年度核查,member list"
has out "unmasked_read,报送上级,export roster"
has out "组织委员"
[ "$(grep -c unmasked_read out)" -eq 3 ] || fail "expected three recorded accesses"

# The trail lists the writes too, in order; --last and --after narrow it.
expect 0 "$DY" "${DB[@]}" audit
has out "审计记录 (audit trail)"
has out "org"
expect 0 "$DY" "${DB[@]}" audit --last 1 --format json
has out '"action": "unmasked_read"'
has out '"why": "报送上级"'
expect 0 "$DY" "${DB[@]}" audit --after 100000
has out "条数  0"
expect 2 "$DY" "${DB[@]}" audit --after many
expect 1 "$DY" --db missing.db audit
has err "no store at 'missing.db'"

# audit verify: the hash chain (docs/security.md). Intact: exit 0, the count and the head hash.
expect 0 "$DY" "${DB[@]}" audit verify
has out "audit trail intact"
matches out "head seq [0-9]+ sha256 [0-9a-f]{64}"
# An entry edited past the store (triggers dropped, as someone with the file or the database owner's
# password would): exit 1, its seq.
if on_postgresql; then
    psql "$STORE" -X -q -v ON_ERROR_STOP=1 \
        -c "DROP TRIGGER audit_no_update ON audit; UPDATE audit SET why = '另一事由' WHERE seq = 2" ||
        fail "could not tamper with the store"
else
    python3 - "$STORE" <<'PY' || fail "could not tamper with the store"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.executescript("DROP TRIGGER audit_no_update; UPDATE audit SET why = '另一事由' WHERE seq = 2;")
db.close()
PY
fi
expect 1 "$DY" "${DB[@]}" audit verify
has out "audit trail NOT intact"
has out "first bad seq 2; 2 entries checked"
echo "audit: ok"
