"""Ready figures on matplotlib: the charts of the statistics workbook (`dangyuan export stats`).

Each function reads what it draws from the store, draws it on ``ax`` (a new figure when none is given)
and returns the matplotlib Figure, so that a notebook can restyle or save it::

    import dangyuan as dy
    import dangyuan.plot

    with dy.open_store("district.db", read_only=True) as store:
        fig = dy.plot.age_bands(store, as_of=dt.date(2026, 11, 26))
        fig.savefig("ages.png")

The figures and the workbook's charts count alike: member structure (age band, education, sex,
ethnicity) and the development pipeline and evaluation grades are the rows of ``store.statistics``;
meetings against the cadence per branch sum ``store.life_compliance_report`` of each branch; the dues
per month sum the payments collected by the organisations in scope. Labels are the Chinese names;
without a font with Chinese glyphs matplotlib warns and draws boxes (fonts-noto-cjk, or set
``matplotlib.rcParams["font.sans-serif"]``). matplotlib is imported only when a figure is drawn.
"""

import datetime as _dt

from . import _dangyuan as _dy



def _pyplot():
    try:
        import matplotlib.pyplot as plt
    except ImportError as e:
        raise ImportError(
            "dangyuan.plot needs matplotlib (apt install python3-matplotlib, or pip install matplotlib)"
        ) from e
    return plt


def _axes(ax, figsize=(6.4, 4.0)):
    """The axes to draw on and its figure: `ax` when given, else those of a new figure."""
    if ax is not None:
        return ax.figure, ax
    fig, ax = _pyplot().subplots(figsize=figsize)
    return fig, ax


def _rows(stats, keep):
    """The labels and counts of the consecutive rows of the statistics that `keep` selects."""
    rows = list(stats.rows)
    first = next((i for i, r in enumerate(rows) if keep(r)), len(rows))
    last = first
    while last < len(rows) and keep(rows[last]):
        last += 1
    return [r.item_zh for r in rows[first:last]], [r.count for r in rows[first:last]]


def _section(name):
    return lambda r: r.section == name and not r.subtotal


def _title(stats, title):
    return f"{title}\n{stats.as_of.isoformat()}"


def _columns(stats, keep, title, xlabel, ax):
    fig, ax = _axes(ax)
    labels, counts = _rows(stats, keep)
    ax.bar(range(len(counts)), counts, tick_label=labels)
    ax.set_title(_title(stats, title))
    ax.set_xlabel(xlabel)
    ax.set_ylabel("人数 (persons)")
    ax.tick_params(axis="x", labelrotation=30)
    return fig


def _pie(stats, keep, title, ax):
    fig, ax = _axes(ax, figsize=(5.0, 4.0))
    labels, counts = _rows(stats, keep)
    # A slice of nothing draws no wedge; keep the labels of the groups counted.
    shown = [(label, n) for label, n in zip(labels, counts) if n > 0]
    ax.pie([n for _, n in shown], labels=[label for label, _ in shown], autopct="%1.1f%%", startangle=90,
           counterclock=False)
    ax.set_title(_title(stats, title))
    ax.set_aspect("equal")
    return fig


def age_bands(store, as_of, scope=None, *, ax=None):
    """Members by age band (年龄结构), a column per band of ``store.statistics(as_of, scope)``."""
    return _columns(store.statistics(as_of, scope), _section("age"), "年龄结构 (members by age band)",
                    "年龄 (age band)", ax)


def education(store, as_of, scope=None, *, ax=None):
    """Members by education (学历结构), a column per level; the 大专及以上 subtotal is not drawn."""
    return _columns(store.statistics(as_of, scope), _section("education"), "学历结构 (members by education)",
                    "学历 (education)", ax)


def sex(store, as_of, scope=None, *, ax=None):
    """Members by sex (性别), a pie of the groups counted."""
    return _pie(store.statistics(as_of, scope), _section("sex"), "性别 (members by sex)", ax)


def ethnicity(store, as_of, scope=None, *, ax=None):
    """Members by ethnicity (民族: 汉族, 少数民族 …), a pie of the groups counted."""
    return _pie(store.statistics(as_of, scope), _section("ethnicity"), "民族 (members by ethnicity)", ax)


def member_structure(store, as_of, scope=None):
    """The four member-structure figures on one 2 x 2 figure: age bands, education, sex, ethnicity."""
    fig, axes = _pyplot().subplots(2, 2, figsize=(12.0, 8.0))
    age_bands(store, as_of, scope, ax=axes[0][0])
    education(store, as_of, scope, ax=axes[0][1])
    sex(store, as_of, scope, ax=axes[1][0])
    ethnicity(store, as_of, scope, ax=axes[1][1])
    fig.tight_layout()
    return fig


def pipeline(store, as_of, scope=None, *, ax=None):
    """The development pipeline (发展党员) on the date as a funnel: a horizontal bar per stage, 入党申请人
    on top, of the cases in development (the 其中 lines of the statistics are not drawn)."""
    stats = store.statistics(as_of, scope)
    fig, ax = _axes(ax)
    labels, counts = _rows(stats, lambda r: r.section == "development" and not r.item.startswith("of which"))
    ax.barh(range(len(counts)), counts, tick_label=labels)
    ax.invert_yaxis()  # the first stage on top
    ax.set_title(_title(stats, "发展党员各阶段 (development pipeline by stage)"))
    ax.set_xlabel("人数 (persons)")
    ax.set_ylabel("阶段 (stage)")
    return fig


def evaluation_grades(store, as_of, scope=None, *, ax=None):
    """The grades of the democratic evaluation (民主评议: 优秀, 合格, 基本合格, 不合格) reported on the
    date, that of the year before (``Statistics.evaluation_year``); those not yet graded are not drawn."""
    stats = store.statistics(as_of, scope)
    return _columns(stats, lambda r: r.section == "evaluation" and r.item != "not yet graded",
                    f"民主评议等次 (democratic evaluation grades) {stats.evaluation_year}", "等次 (grade)", ax)


def _first_of_year(as_of):
    return _dt.date(as_of.year, 1, 1)


def meeting_cadence(store, as_of, scope=None):
    """The figures of ``meetings_vs_cadence``: (branch name, held, required, slots missed) per 党支部 or
    联合党支部 in scope active on `as_of`, from 1 January of its year (or the establishment) to `as_of`,
    as ``Store.meetings_against_cadence`` adds them up (the same figures as the workbook's 组织生活 sheet)."""
    return [(b.name, b.tally.held, b.tally.required, b.tally.missed)
            for b in store.meetings_against_cadence(_first_of_year(as_of), as_of, scope)]


def meetings_vs_cadence(store, as_of, scope=None, *, ax=None):
    """Meetings held against the cadence per branch (组织生活: 已开 beside 应开), as ``meeting_cadence``
    counts them."""
    rows = meeting_cadence(store, as_of, scope)
    fig, ax = _axes(ax, figsize=(max(6.4, 0.6 * len(rows) + 2), 4.5))
    width = 0.4
    xs = range(len(rows))
    ax.bar([x - width / 2 for x in xs], [r[1] for r in rows], width, label="已开 (held)")
    ax.bar([x + width / 2 for x in xs], [r[2] for r in rows], width, label="应开 (required)")
    ax.set_xticks(list(xs))
    ax.set_xticklabels([r[0] for r in rows], rotation=45, ha="right")
    ax.set_title(f"组织生活: 已开与应开 (meetings held vs required)\n{_first_of_year(as_of)} — {as_of}")
    ax.set_xlabel("党组织 (branch)")
    ax.set_ylabel("会议数 (meetings)")
    ax.legend()
    return fig


def dues_collected(store, as_of, scope=None):
    """The figures of ``dues_by_month``: (first day of the month, amount in fen, payments) for every month
    from January of `as_of`'s year to `as_of`, summing the payments made in the month (regular and
    voluntary) that organisations in scope collected, as ``Store.dues_collected_by_month`` sums them."""
    return [(m.month, m.amount, m.payments)
            for m in store.dues_collected_by_month(_first_of_year(as_of), as_of, scope)]


def dues_by_month(store, as_of, scope=None, *, ax=None):
    """The dues collected per month (党费收缴) in yuan, a line through the months of the year to `as_of`,
    as ``dues_collected`` sums them."""
    rows = dues_collected(store, as_of, scope)
    fig, ax = _axes(ax)
    ax.plot([m.strftime("%Y-%m") for m, _, _ in rows], [a / 100 for _, a, _ in rows], marker="o")
    ax.set_title(f"每月收缴党费 (dues collected per month)\n{_first_of_year(as_of)} — {as_of}")
    ax.set_xlabel("月份 (month)")
    ax.set_ylabel("金额 (元, yuan)")
    ax.tick_params(axis="x", labelrotation=45)
    ax.set_ylim(bottom=0)
    return fig
