"""Server roles (PostgreSQL): Store.grant_server_principal maps a login role to a Principal that the server
enforces with row-level security; on an SQLite store the calls are refused."""

import os
import subprocess

import pytest

import dangyuan as dy
from conftest import District, d, fresh_store_location, full_member

SERVER = os.environ.get("DANGYUAN_TEST_POSTGRESQL")


def psql(url: str, sql: str) -> str:
    return subprocess.run(["psql", url, "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-c", sql],
                          check=True, capture_output=True, text=True).stdout.strip()


def test_server_roles_are_refused_on_a_file():
    with dy.open_store(":memory:") as s:
        with pytest.raises(dy.InvalidInput) as e:
            s.grant_server_principal("li_mei", dy.Principal("李梅", dy.Role.branch_secretary()))
        assert e.value.field == "store"
        assert s.server_principals() == []


@pytest.mark.skipif(not SERVER, reason="DANGYUAN_TEST_POSTGRESQL is not set: runs under the PostgreSQL run")
def test_a_mapped_role_sees_its_branch_through_the_library_and_plain_sql():
    url = fresh_store_location()
    role = f"dypy_{os.getpid()}_li"
    psql(SERVER, f"DROP ROLE IF EXISTS {role}; CREATE ROLE {role} LOGIN PASSWORD 'pw-li'")
    try:
        with dy.open_store(url, actor="管理员") as owner:
            district = District(owner)
            owner.add_member(full_member(district.branch_a, "甲", d(2015, 7, 1), seq=1))
            owner.add_member(full_member(district.branch_b, "乙", d(2015, 7, 1), seq=2))
            who = dy.Principal("李梅", dy.Role.branch_secretary(), district.branch_a)
            owner.grant_server_principal(role, who, why="新任书记")
            mapped = owner.server_principals()
            assert [(p.server_role, p.principal.label) for p in mapped] == [(role, who.label)]

            database = psql(SERVER, "SELECT current_database()")
            base, query = url.split("?", 1)
            role_url = base.replace("://", f"://{role}:pw-li@", 1).rstrip("/") + f"/{database}?{query}"
            assert psql(role_url, "SELECT name FROM members") == "甲"
            with dy.open_store(role_url) as clerk:
                assert clerk.principal.label == who.label
                assert [m.name for m in clerk.roster()] == ["甲"]

            owner.revoke_server_principal(role, why="调离")
            assert owner.server_principals() == []
            with pytest.raises(dy.NotFound):
                owner.revoke_server_principal(role)
    finally:
        psql(SERVER, f"DROP OWNED BY {role}; DROP ROLE {role}")
