"""Agenda items and the Agenda table (bind_agenda.cpp)."""

import pytest

import dangyuan as dy
from conftest import d, full_member


def test_status_for_classifies_a_deadline_on_the_day_before_on_and_after():
    due = d(2024, 3, 31)
    assert dy.status_for(due, d(2024, 3, 30)) == dy.AgendaStatus.upcoming
    assert dy.status_for(due, d(2024, 3, 31)) == dy.AgendaStatus.due
    assert dy.status_for(due, d(2024, 4, 1)) == dy.AgendaStatus.overdue
    assert dy.AgendaStatus.overdue.chinese_name == "已逾期"


def test_an_agenda_item_is_a_record_and_prints_like_the_cpp_one():
    item = dy.AgendaItem(kind="org.term_expiry", org=dy.OrgId(3), subject="第一党支部", due=d(2026, 12, 20),
                         status="upcoming", rule_id="org.term_length", message="hold the election")
    assert item.member is None and item.status == dy.AgendaStatus.upcoming
    assert item.message_zh == ""
    assert dy.AgendaItem(item, message_zh="应进行换届选举").message_zh == "应进行换届选举"
    assert str(item) == "2026-12-20 upcoming org.term_expiry 第一党支部: hold the election [org.term_length]"
    with pytest.raises(dy.InvalidInput) as e:
        dy.AgendaItem(kind="x", org=dy.OrgId(1))
    assert e.value.field == "due"


def test_支部工作条例2018_第21条_org_term_length_the_agenda_shows_term_expiries_and_findings(district):
    s = district.store
    for i in range(3):
        s.add_member(full_member(district.branch_b, f"党员{i}", d(2010, 7, 1), i + 1))
    agenda = s.agenda(d(2026, 11, 26))
    assert [i.due for i in agenda] == sorted(i.due for i in agenda)
    items = [i for i in agenda if i.kind.startswith("org.")]
    expiry = [i for i in items if i.kind == "org.term_expiry"]
    assert {i.subject for i in expiry} == {"第一社区党支部", "机关第二党支部"}
    first = next(i for i in expiry if i.subject == "第一社区党支部")
    assert first.due == d(2026, 12, 20)  # 5-year term of a community branch
    assert first.status == dy.AgendaStatus.upcoming and first.rule_id == "org.term_length"
    assert first.message_zh.endswith("2026-12-20届满: 应进行换届选举")
    assert first.message_zh.startswith("本届任期5年, ")
    assert all(i.message_zh for i in agenda)
    too_few = {i.subject for i in items if i.rule_id == "org.branch_min_3_full"}
    assert too_few == {"第一社区党支部", "东村党支部"}  # branch_b has 3 full members


def test_the_agenda_as_a_frame(district):
    # Every domain contributes items; the organisations' own items are the ones under "org." rules.
    frame = district.store.agenda(d(2026, 11, 26)).to_pandas()
    assert list(frame.columns) == ["due", "status", "kind", "org", "member", "subject", "rule_id", "message",
                                   "message_zh"]
    assert frame["message_zh"].str.contains("[\u4e00-\u9fff]").all()
    assert frame["status"].dtype == "category"
    assert frame["due"].is_monotonic_increasing
    orgs = frame[frame["kind"].str.startswith("org.")]
    assert orgs["member"].isna().all()
    counts = orgs.groupby("status").size()
    assert (counts["finding"], counts["upcoming"], counts["overdue"]) == (3, 2, 0)
    chinese = district.store.agenda(d(2026, 11, 26)).to_pandas(labels="chinese")
    assert set(chinese.loc[chinese["kind"].str.startswith("org."), "status"]) == {"需关注", "即将到期"}


def test_the_agenda_scope_is_a_subtree(district):
    s = district.store
    street = s.agenda(d(2026, 11, 26), scope=district.street)
    assert {i.subject for i in street} == {"第一社区党支部", "机关第二党支部"}
    assert {i.org for i in s.agenda(d(2026, 11, 26), dy.Scope.subtree(district.village))} == {district.village}
    assert len(s.agenda(d(2026, 11, 26), dy.Scope.all())) == len(s.agenda(d(2026, 11, 26)))
    with pytest.raises(dy.NotFound):
        s.agenda(d(2026, 11, 26), scope=dy.OrgId(99))
    with pytest.raises(TypeError, match="scope: expected None, OrgId or Scope"):
        s.agenda(d(2026, 11, 26), scope="street")
