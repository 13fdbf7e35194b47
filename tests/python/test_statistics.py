"""Membership statistics (bind_statistics.cpp): Store.statistics gives the figures of `dangyuan stats`."""

import csv
import io
import os
import pathlib
import subprocess

import pytest

import dangyuan as dy
from conftest import d, full_member


def cli():
    """The `dangyuan` command of the build tree (<build>/bindings/python/python/dangyuan -> <build>), or
    the one named by DANGYUAN_CLI."""
    named = os.environ.get("DANGYUAN_CLI")
    if named:
        return pathlib.Path(named)
    return pathlib.Path(dy.__file__).resolve().parents[4] / "src" / "cli" / "dangyuan"


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory):
    command = cli()
    if not command.exists():
        pytest.skip(f"no dangyuan command at {command}")
    path = tmp_path_factory.mktemp("stats") / "sample.db"
    for args in (["init"], ["sample", "--members", "300", "--seed", "3"]):
        subprocess.run([str(command), "--db", str(path), *args], check=True, capture_output=True)
    return command, path


def printed(command, path, *args):
    """The rows (分组, 项目, 人数, 占比%) `dangyuan stats` prints as CSV."""
    out = subprocess.run([str(command), "--db", str(path), "stats", *args, "--format", "csv"], check=True,
                         capture_output=True, text=True).stdout
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["分组", "项目", "人数", "占比%"]
    return rows[1:]


def as_printed(stats):
    out = []
    for r in stats.rows:
        share = stats.percent(r)
        out.append([r.section_zh, r.item_zh, str(r.count), "" if share is None else f"{share:.1f}"])
    return out


@pytest.mark.parametrize("as_of", [d(2026, 11, 26), d(2026, 1, 1), d(2025, 12, 31)])
def test_the_figures_are_those_dangyuan_stats_prints(sample_store, as_of):
    command, path = sample_store
    with dy.open_store(str(path), read_only=True) as s:
        stats = s.statistics(as_of=as_of)
        street = s.orgs()[1].id
        by_scope = s.statistics(as_of, scope=street)
        community = s.community_statistics(stats.organisation_work_year)
        honours = s.honours_statistics(stats.organisation_work_year)
    assert as_printed(stats) == printed(command, path, "--as-of", as_of.isoformat())
    assert as_printed(by_scope) == printed(command, path, "--as-of", as_of.isoformat(), "--org",
                                           str(street.value))
    assert stats.total > 0
    assert stats.period == (d(as_of.year, 1, 1), as_of)
    assert stats.evaluation_year == as_of.year - 1
    # The organisation work of the last year ended by the date: the year itself on 31 December.
    assert stats.organisation_work_year == (as_of.year if (as_of.month, as_of.day) == (12, 31) else as_of.year - 1)
    rows = {(r.section, r.item_zh): r.count for r in stats.rows}
    assert rows[("community", "到社区报到党员")] == community.registered_members
    assert rows[("honours", "本年设立党员示范岗 (个)")] == honours.posts_new


def test_the_statistics_count_normal_standing_and_report_suspension_apart(district):
    s = district.store
    kept = s.add_member(full_member(district.branch_a, "张三", d(2010, 7, 1), 1))
    gone = s.add_member(full_member(district.village, "李四", d(2000, 7, 1), 2, sex=dy.Sex.female))
    s.record_standing(gone, kind="停止党籍", date=d(2026, 5, 1), reason="失联")
    before = s.statistics(as_of=d(2026, 4, 30))
    on = s.statistics(as_of=d(2026, 5, 1))
    assert (before.total, before.suspended) == (2, 0)
    assert (on.total, on.suspended) == (1, 1)
    assert on.organisations == 5 and on.branches == 3
    street = s.statistics(as_of=d(2026, 5, 1), scope=district.street)
    assert (street.total, street.suspended) == (1, 0)
    assert street.scope == dy.Scope.subtree(district.street)
    assert kept


def test_the_statistics_as_a_frame(district):
    s = district.store
    s.add_member(full_member(district.branch_a, "张三", d(2010, 7, 1), 1))
    s.add_member(full_member(district.branch_b, "王芳", d(2012, 7, 1), 2, sex=dy.Sex.female))
    stats = s.statistics(as_of=d(2026, 11, 26))
    frame = stats.to_pandas()
    assert list(frame.columns) == ["section", "section_zh", "item", "item_zh", "count", "subtotal", "base",
                                   "percent"]
    assert len(frame) == len(stats.rows)
    women = frame[(frame.section == "sex") & (frame.item_zh == "女")].iloc[0]
    assert women["count"] == 1 and women["percent"] == pytest.approx(50.0)
    hosted = frame[frame.item_zh == "流入本范围报到的党员"].iloc[0]
    assert hosted["base"] == 0 and frame.loc[hosted.name, "percent"] != frame.loc[hosted.name, "percent"]  # NaN
    assert frame[frame.subtotal].item_zh.tolist() == ["其中: 大专及以上"]
    assert stats.rows[0].item == "members" and stats.rows[0].count == 2
    assert isinstance(stats.rows, dy.StatisticsTable)


def test_the_period_is_checked_and_includes_its_days(district):
    s = district.store
    s.add_member(full_member(district.branch_a, "张三", d(2010, 7, 1), 1))
    stats = s.statistics(d(2026, 11, 26), period=(d(2026, 3, 1), d(2026, 3, 1)))
    assert stats.period == (d(2026, 3, 1), d(2026, 3, 1))
    labels = [r.item_zh for r in stats.rows if r.section == "development"]
    assert "其中: 统计期内接收预备党员" in labels
    with pytest.raises(dy.InvalidInput) as e:
        s.statistics(d(2026, 11, 26), period=(d(2026, 3, 2), d(2026, 3, 1)))
    assert e.value.field == "period"
    with pytest.raises(dy.InvalidInput):
        s.statistics(d(2026, 11, 26), period=(d(2026, 1, 1), d(2026, 11, 27)))
    with pytest.raises(dy.NotFound):
        s.statistics(d(2026, 11, 26), scope=dy.OrgId(99))


def test_dues_collected_by_month_sums_every_payment_collected_in_scope(sample_store):
    # The oracle reads the payments member by member; the store sums them in one grouped query.
    with dy.open_store(str(sample_store[1]), read_only=True) as s:
        as_of = d(2026, 11, 26)
        street = next(o for o in s.orgs() if o.parent is not None and not dy.is_branch(o.kind))
        for scope in (None, street.id):
            orgs = {o.id for o in s.orgs(scope)}
            want = {d(2026, m, 1): [0, 0] for m in range(1, 12)}
            for member in s.roster():
                for p in s.dues_payments(member.id):
                    if p.collecting_org in orgs and d(2026, 1, 1) <= p.paid_on <= as_of:
                        want[p.paid_on.replace(day=1)][0] += p.amount
                        want[p.paid_on.replace(day=1)][1] += 1
            got = s.dues_collected_by_month(d(2026, 1, 1), as_of, scope)
            assert [(r.month, r.amount, r.payments) for r in got] == [(m, a, n) for m, (a, n) in want.items()]
            frame = got.to_pandas() if hasattr(got, "to_pandas") else None
            if frame is not None:
                assert list(frame.columns) == ["month", "amount_fen", "payments"]
        assert sum(r.amount for r in s.dues_collected_by_month(d(2026, 1, 1), as_of)) > 0
        with pytest.raises(dy.InvalidInput) as e:
            s.dues_collected_by_month(d(2026, 2, 1), d(2026, 1, 1))
        assert e.value.field == "to"


def test_meetings_against_cadence_add_up_each_branchs_compliance_report(sample_store):
    with dy.open_store(str(sample_store[1]), read_only=True) as s:
        as_of = d(2026, 11, 26)
        got = s.meetings_against_cadence(d(2026, 1, 1), as_of)
        branches = [o for o in s.orgs() if dy.is_branch(o.kind) and o.active_on(as_of)]
        assert [b.org for b in got] == [o.id for o in branches]
        for b, o in zip(got, branches):
            start = max(d(2026, 1, 1), o.established)
            held = required = missed = 0
            for slot in s.life_compliance_report(o.id, start, as_of):
                if slot.status in (dy.SlotStatus.met, dy.SlotStatus.missed):
                    required += slot.required
                    held += min(slot.held, slot.required)
                    missed += slot.status == dy.SlotStatus.missed
            assert (b.name, b.start, b.tally.held, b.tally.required, b.tally.missed) == (
                o.name, start, held, required, missed)
        assert any(b.tally.held for b in got)


def test_the_statistics_count_the_years_elections(district):
    s = district.store
    # Branch A's term (from 2021-12-20, 5 years for a community branch) ends on 2026-12-20; no election held.
    stats = s.statistics(as_of=d(2026, 12, 21))
    assert stats.elections == dy.ElectionCompletion(year=2026, due=1, held=0, overdue=1)
    assert stats.elections == s.election_completion(2026, d(2026, 12, 21))
    rows = {r.item_zh: r for r in stats.rows if r.section == "election"}
    assert [r.section_zh for r in rows.values()] == ["换届选举"] * 3
    assert rows["应换届党组织 (个)"].count == 1 and stats.percent(rows["应换届党组织 (个)"]) is None
    assert rows["其中: 已换届 (个)"].count == 0 and stats.percent(rows["其中: 已换届 (个)"]) == 0.0
    assert rows["其中: 逾期未换届 (个)"].count == 1 and stats.percent(rows["其中: 逾期未换届 (个)"]) == 100.0
    assert s.statistics(as_of=d(2026, 12, 20)).elections.overdue == 0  # the term's last day
    assert s.statistics(as_of=d(2026, 12, 21), scope=district.street).elections.due == 1
    village = s.statistics(as_of=d(2026, 12, 21), scope=district.village)
    assert village.elections == dy.ElectionCompletion(year=2026)
    assert [village.percent(r) for r in village.rows if r.section == "election"] == [None, None, None]
