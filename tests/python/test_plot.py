"""dangyuan.plot: matplotlib figures of the statistics workbook, drawing the store's figures."""

import os
import re
import subprocess
import sys
import zipfile
import xml.etree.ElementTree as ET

import pytest

import dangyuan as dy
from conftest import d
from test_statistics import sample_store  # noqa: F401  (a fixture: the sample district of the command)

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

import dangyuan.plot as dp  # noqa: E402

AS_OF = d(2026, 11, 26)

# The test machines have no font with Chinese glyphs: matplotlib warns when it lays the labels out.
pytestmark = pytest.mark.filterwarnings("ignore:Glyph .* missing from current font")


@pytest.fixture
def store(sample_store):
    with dy.open_store(str(sample_store[1]), read_only=True) as s:
        yield s
    plt.close("all")


def rows(stats, keep):
    return [(r.item_zh, r.count) for r in stats.rows if keep(r)]


def bars(ax):
    return [p.get_height() for p in ax.patches]


def labels(ax, axis="x"):
    ticks = ax.get_xticklabels() if axis == "x" else ax.get_yticklabels()
    return [t.get_text() for t in ticks]


def test_age_bands_are_the_statistics_rows(store):
    fig = dp.age_bands(store, AS_OF)
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    want = rows(store.statistics(AS_OF), lambda r: r.section == "age")
    assert len(want) == 9
    assert bars(ax) == [n for _, n in want]
    assert labels(ax) == [label for label, _ in want]
    assert sum(bars(ax)) == store.statistics(AS_OF).total
    assert ax.get_title().startswith("年龄结构 (members by age band)")
    assert "2026-11-26" in ax.get_title()
    assert ax.get_ylabel() == "人数 (persons)"


def test_a_given_axes_is_drawn_on_and_its_figure_returned(store):
    fig, (left, right) = plt.subplots(1, 2)
    assert dp.education(store, AS_OF, ax=right) is fig
    levels = rows(store.statistics(AS_OF), lambda r: r.section == "education" and not r.subtotal)
    assert len(left.patches) == 0 and len(right.patches) == len(levels) >= 8
    assert len(fig.axes) == 2


def test_education_leaves_the_subtotal_out(store):
    ax = dp.education(store, AS_OF).axes[0]
    stats = store.statistics(AS_OF)
    want = rows(stats, lambda r: r.section == "education" and not r.subtotal)
    assert bars(ax) == [n for _, n in want]
    assert "其中: 大专及以上" not in labels(ax)
    assert sum(bars(ax)) == stats.total


def test_the_scope_is_that_of_the_statistics(store):
    street = store.orgs()[1].id
    ax = dp.age_bands(store, AS_OF, street).axes[0]
    scoped = store.statistics(AS_OF, street)
    assert bars(ax) == [n for _, n in rows(scoped, lambda r: r.section == "age")]
    assert sum(bars(ax)) == scoped.total < store.statistics(AS_OF).total


@pytest.mark.parametrize("draw, section", [(dp.sex, "sex"), (dp.ethnicity, "ethnicity")])
def test_pies_have_a_wedge_per_group_counted(store, draw, section):
    ax = draw(store, AS_OF).axes[0]
    want = [(label, n) for label, n in rows(store.statistics(AS_OF), lambda r: r.section == section) if n]
    wedges = ax.patches
    assert len(wedges) == len(want)
    total = sum(n for _, n in want)
    for wedge, (_, n) in zip(wedges, want):
        assert abs(wedge.theta1 - wedge.theta2) % 360 == pytest.approx(360 * n / total) or n == total
    texts = [t.get_text() for t in ax.texts]
    for label, _ in want:
        assert label in texts


def test_the_pipeline_is_a_funnel_of_the_stages(store):
    ax = dp.pipeline(store, AS_OF).axes[0]
    want = rows(store.statistics(AS_OF),
                lambda r: r.section == "development" and not r.item.startswith("of which"))
    assert [label for label, _ in want][:4] == ["入党申请人", "入党积极分子", "发展对象", "预备党员"]
    assert [p.get_width() for p in ax.patches] == [n for _, n in want]
    assert labels(ax, "y") == [label for label, _ in want]
    assert ax.yaxis_inverted()  # the first stage on top
    assert sum(n for _, n in want) > 0
    assert ax.get_title().startswith("发展党员各阶段")


def test_evaluation_grades_are_the_four_grades(store):
    ax = dp.evaluation_grades(store, AS_OF).axes[0]
    stats = store.statistics(AS_OF)
    want = rows(stats, lambda r: r.section == "evaluation" and r.item != "not yet graded")
    assert [label for label, _ in want] == ["优秀", "合格", "基本合格", "不合格"]
    assert bars(ax) == [n for _, n in want]
    assert "2025" in ax.get_title()


def test_member_structure_has_the_four_figures(store):
    fig = dp.member_structure(store, AS_OF)
    titles = [ax.get_title().split("\n")[0] for ax in fig.axes]
    assert titles == ["年龄结构 (members by age band)", "学历结构 (members by education)",
                      "性别 (members by sex)", "民族 (members by ethnicity)"]


def sheet_rows(path, name):
    """The rows (lists of cell texts or numbers) of a sheet of a workbook, after its header row."""
    z = zipfile.ZipFile(path)
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
          "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    index = [s.get("name") for s in wb.findall("m:sheets/m:sheet", ns)].index(name)
    root = ET.fromstring(z.read(f"xl/worksheets/sheet{index + 1}.xml"))
    out = []
    for row in root.iter("{%s}row" % ns["m"]):
        cells = []
        for c in row.findall("m:c", ns):
            t = c.find("m:is/m:t", ns)
            v = c.find("m:v", ns)
            cells.append(t.text if t is not None else float(v.text) if v is not None else None)
        out.append(cells)
    header = next(i for i, r in enumerate(out) if r and r[0] in ("组织编号", "月份"))
    return out[header + 1:]


@pytest.fixture(scope="module")
def workbook(sample_store, tmp_path_factory):
    command, path = sample_store
    out = tmp_path_factory.mktemp("plot-xlsx") / "stats.xlsx"
    subprocess.run([str(command), "--db", str(path), "export", "stats", "--as-of", AS_OF.isoformat(),
                    "-o", str(out)], check=True, capture_output=True)
    return out


def test_meetings_against_the_cadence_are_the_workbooks(store, workbook):
    figures = dp.meeting_cadence(store, AS_OF)
    sheet = sheet_rows(workbook, "组织生活")
    assert [(r[1], int(r[2]), int(r[3]), int(r[4])) for r in sheet] == figures
    assert any(held for _, held, _, _ in figures)
    assert all(held <= required for _, held, required, _ in figures)
    ax = dp.meetings_vs_cadence(store, AS_OF).axes[0]
    n = len(figures)
    assert bars(ax)[:n] == [held for _, held, _, _ in figures]
    assert bars(ax)[n:] == [required for _, _, required, _ in figures]
    assert labels(ax) == [name for name, _, _, _ in figures]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["已开 (held)", "应开 (required)"]


def test_the_meetings_are_those_of_the_branches_in_scope(store):
    branch = next(o for o in store.orgs() if dy.is_branch(o.kind) and o.active_on(AS_OF))
    assert [r[0] for r in dp.meeting_cadence(store, AS_OF, branch.id)] == [branch.name]


def test_dues_per_month_are_the_workbooks(store, workbook):
    figures = dp.dues_collected(store, AS_OF)
    assert [m for m, _, _ in figures] == [d(2026, month, 1) for month in range(1, 12)]
    sheet = sheet_rows(workbook, "党费")
    assert [(r[0], round(r[1] * 100), int(r[2])) for r in sheet] == [
        (m.strftime("%Y-%m"), amount, count) for m, amount, count in figures]
    assert sum(amount for _, amount, _ in figures) > 0
    ax = dp.dues_by_month(store, AS_OF).axes[0]
    (line,) = ax.get_lines()
    assert list(line.get_ydata()) == [amount / 100 for _, amount, _ in figures]
    assert list(line.get_xdata()) == [m.strftime("%Y-%m") for m, _, _ in figures]
    assert ax.get_title().startswith("每月收缴党费")


def test_importing_dangyuan_does_not_need_matplotlib(tmp_path):
    # matplotlib made unimportable: the package and dangyuan.plot import, a figure says what is missing.
    program = (
        "import sys, datetime\n"
        "sys.modules['matplotlib'] = None\n"
        "sys.modules['matplotlib.pyplot'] = None\n"
        "import dangyuan, dangyuan.plot\n"
        "s = dangyuan.open_store(sys.argv[1])\n"
        "try:\n"
        "    dangyuan.plot.age_bands(s, datetime.date(2026, 11, 26))\n"
        "except ImportError as e:\n"
        "    print('ImportError:', e)\n"
    )
    done = subprocess.run([sys.executable, "-c", program, str(tmp_path / "empty.db")], capture_output=True,
                          text=True,
                          env={**os.environ, "MPLBACKEND": "Agg"})
    assert done.returncode == 0, done.stderr
    assert re.search(r"ImportError: dangyuan.plot needs matplotlib", done.stdout), done.stdout
