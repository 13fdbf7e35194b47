#!/usr/bin/env python3
"""An analyst's tour of dangyuan, in the order of a notebook.

Builds a small district through the API into a fresh store (or opens an existing one with --store),
then looks at it with pandas: the roster, a distribution by personnel category and sex, ages and party
ages, the development pipeline by stage, the grades of the 2025 democratic evaluation per branch, the
agenda, the audit trail and a check of a messy ID-number column. Two charts are saved as PNGs when
matplotlib is installed.

    python3 examples/python/analyst_tour.py --out /tmp/tour
"""

import argparse
import datetime as dt
import pathlib
import sys
import tempfile

import pandas as pd

import dangyuan as dy

AS_OF = dt.date(2026, 11, 26)

SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱"
GIVEN = ["建国", "秀英", "志强", "丽华", "海波", "静", "伟", "敏", "磊", "婷", "军", "芳", "涛", "雪梅"]
CATEGORIES = [
    dy.PersonnelCategory.worker, dy.PersonnelCategory.professional_technical, dy.PersonnelCategory.management,
    dy.PersonnelCategory.party_government_staff, dy.PersonnelCategory.retired, dy.PersonnelCategory.student,
    dy.PersonnelCategory.farmer_herder_fisher,
]
EDUCATIONS = ["大学本科毕业", "大学专科毕业", "硕士研究生毕业", "普通高中毕业", "中等专科毕业"]


# %% 1. Build a district through the API ------------------------------------------------------------

def id_number(birth: dt.date, n: int, female: bool) -> str:
    """A valid ID number (Jinan Lixia address code) for a birth date and sex."""
    body = f"370102{birth:%Y%m%d}{n % 100:02d}{(n // 100) % 5 * 2 + (0 if female else 1)}"
    return body + dy.gb11643_check_character(body)


def build_district(store: dy.Store) -> None:
    k = dy.OrgKind
    district = store.add_org(name="历下区委", kind=k.higher_committee, established=dt.date(1990, 1, 1))
    street = store.add_org(name="泉城路街道党工委", kind=k.working_committee, parent=district,
                           established=dt.date(2001, 5, 1), term_start=dt.date(2022, 3, 1))
    established = [dt.date(2002, 1, 1), dt.date(2003, 6, 1), dt.date(2019, 4, 1), dt.date(1995, 1, 1)]
    branches = [
        store.add_org(name="芙蓉社区党支部", kind=k.branch, parent=street, established=dt.date(2002, 1, 1),
                      village_or_community=True, term_start=dt.date(2021, 12, 28)),
        store.add_org(name="街道机关党支部", kind=k.branch, parent=street, established=dt.date(2003, 6, 1),
                      term_start=dt.date(2023, 12, 5)),
        store.add_org(name="商户联合党支部", kind=k.joint_branch, parent=street, established=dt.date(2019, 4, 1),
                      term_start=dt.date(2024, 4, 1)),
        store.add_org(name="东村党支部", kind=k.branch, parent=district, established=dt.date(1995, 1, 1),
                      village_or_community=True, term_start=dt.date(2020, 11, 30)),
    ]

    # Members as plain dicts, the shape rows of a spreadsheet take: enums as Chinese text, the ID number
    # as a string (birth date and sex come from it), missing values as None.
    records = []
    for n in range(160):
        admitted = dy.add_months(dt.date(1987, 1, 1), 3 * n + n % 3)
        female = n % 3 == 0
        birth = dy.add_months(admitted, -12 * (22 + n % 25) - n % 11)
        records.append({
            "name": SURNAMES[n % len(SURNAMES)] + GIVEN[(n * 5 + 3) % len(GIVEN)],
            "id_number": id_number(birth, n, female),
            "ethnicity": "回族" if n % 17 == 0 else "汉族",
            "education": EDUCATIONS[n % len(EDUCATIONS)] if n % 13 else None,
            "category": CATEGORIES[n % len(CATEGORIES)],
            "work_unit": ["泉城路街道办事处", "芙蓉社区居委会", "百货商场", "东村村委会"][n % 4],
            "branch": branches[n % len(branches)],
            # members admitted before their branch existed joined it when it was set up
            "joined_branch": max(admitted, established[n % len(branches)]),
            "application_date": dy.add_months(admitted, -20),
            "admission_date": admitted,
            # the most recent admissions are still probationary (预备党员)
            "full_member_date": dy.add_years(admitted, 1) if dy.add_years(admitted, 1) <= AS_OF else None,
        })
    ids = store.add_members(records, why="建库导入")

    store.record_standing(ids[5], kind="停止党籍", date=dt.date(2025, 3, 1), reason="失联超过6个月")
    store.record_standing(ids[7], kind="died", date=dt.date(2024, 8, 9))
    store.set_leadership(branches[1], dt.date(2023, 12, 5), [
        dy.Officer(member=ids[1], role="书记"),
        dy.Officer(member=ids[5 + 4], role="副书记"),
        dy.Officer(member=ids[13], role="委员", portfolio="组织委员"),
    ])
    develop(store, branches[1], talker=ids[1])
    for branch in branches:
        evaluate(store, branch)


def develop(store: dy.Store, branch: dy.OrgId, talker: dy.MemberId) -> None:
    """Six applicants of the office branch (发展党员), each as far along as the dates allow."""
    for n in range(6):
        applied = dt.date(2024, 1 + 2 * n, 10)
        number = id_number(dt.date(1998, 1 + n, 5), 200 + n, n % 2 == 0)
        person = dy.Applicant(name=SURNAMES[n] + "新", id_number=number, branch=branch)
        case = store.open_case(person, applied)
        store.record_step(case, dy.Step.talk_held, dy.add_months(applied, 1), by=talker)
        if n < 4:  # activists after half a year, recommended by members (党员推荐)
            store.record_step(case, "activist_determined", dy.add_months(applied, 6), recommended="党员推荐")


def evaluate(store: dy.Store, branch: dy.OrgId) -> None:
    """The 2025 democratic evaluation (民主评议党员) of a branch, from study to the decided grades."""
    campaign = store.open_campaign(branch, 2025, dt.date(2025, 12, 16))
    roll = store.participants_from_roster(branch, dt.date(2025, 12, 16))
    store.record_campaign(campaign, dy.ParticipantsAdded(date=dt.date(2025, 12, 16), participants=roll))
    phases = ["self_assessment", "appraisal_self_review", "appraisal_mutual_review", "appraisal_vote",
              "organisational_assessment"]
    days = [dt.date(2025, 12, 22), dt.date(2026, 1, 6), dt.date(2026, 1, 7), dt.date(2026, 1, 8),
            dt.date(2026, 1, 12)]
    for day, phase in zip(days, phases):
        store.record_campaign(campaign, kind="phase_started", date=day, phase=phase)
    graded = [p.member for p in roll if p.status == dy.MemberStatus.full]
    # 优秀 for one in four, within the share of one third; the committee proposes, then the branch decides.
    grades = {m: "优秀" if i % 4 == 0 else "基本合格" if i % 9 == 4 else "合格" for i, m in enumerate(graded)}
    for member, grade in grades.items():
        store.record_campaign(campaign, dy.GradeProposed(date=dt.date(2026, 1, 13), member=member,
                                                         proposed=grade))
    for member, grade in grades.items():
        store.record_campaign(campaign, kind="grade_decided", date=dt.date(2026, 1, 16), member=member,
                              decided=grade, by="支部委员会")


# %% 2. Look at it -----------------------------------------------------------------------------------

def tour(store: dy.Store, out: pathlib.Path) -> None:
    pd.set_option("display.width", 140)
    pd.set_option("display.max_columns", 12)
    pd.set_option("display.unicode.east_asian_width", True)

    roster = store.roster(as_of=AS_OF)
    frame = roster.to_pandas(labels="chinese")
    print(f"# roster on {AS_OF}: {len(roster)} members in {len(store.orgs())} organisations")
    print(frame[["name", "sex", "education", "category", "admission_date", "full_member_date"]].head(8), "\n")

    print("# members by personnel category (人员类别) and sex")
    table = pd.crosstab(frame["category"], frame["sex"], margins=True, dropna=False)
    print(table.loc[:, (table != 0).any()], "\n")

    frame["age"] = [dy.age_on(m.birth_date, AS_OF) for m in roster]  # 周岁, as the rules count it
    frame["status"] = [s.chinese_name if (s := m.status_on(AS_OF)) else "" for m in roster]
    print("# age bands and status")
    print(pd.crosstab(pd.cut(frame["age"], [0, 35, 50, 60, 120], right=False), frame["status"]), "\n")

    ages = [store.party_age(m.id, AS_OF) for m in roster]  # exact party age (党龄) from the library
    print(f"# mean party age of full members: {pd.Series(ages, dtype='Float64').mean():.1f} years\n")

    cases = store.cases().to_pandas(labels="chinese")
    print("# development cases (发展党员) by stage")
    print(cases.groupby("current").size().rename("cases"), "\n")

    orgs = store.orgs().to_pandas()[["id", "name"]].rename(columns={"id": "org", "name": "branch"})
    grades = store.grade_distributions(year=2025).to_pandas().merge(orgs, on="org")
    print("# democratic evaluation 2025 (民主评议): grades per branch, 优秀 within one third")
    print(grades.set_index("branch")[["excellent", "qualified", "basically_qualified", "unqualified",
                                       "denominator", "excellent_cap", "probationary"]], "\n")

    agenda = store.agenda(AS_OF).to_pandas(labels="chinese")
    print(f"# agenda on {AS_OF}: {len(agenda)} items")
    print(agenda.groupby(["status", "kind"], observed=True).size().rename("items"), "\n")
    overdue = agenda[agenda["status"] == "已逾期"]
    print(f"# the {min(len(overdue), 10)} oldest of {len(overdue)} overdue items")
    print(overdue[["due", "subject", "rule_id"]].head(10).to_string(index=False), "\n")

    log = store.audit_log().to_pandas()
    print("# audit trail by action")
    print(log.groupby(["entity", "action"]).size().rename("lines"), "\n")

    good = id_number(dt.date(1985, 3, 1), 1, True)
    messy = pd.Series([good, good[:-1], good.replace("0301", "0230"), good[:-1] + "0", None,
                       "110105491231002"])
    checks = dy.check_id_numbers(messy).to_pandas()
    print("# a messy ID-number column checked")
    print(checks[["input", "valid", "birth_date", "error"]], "\n")

    plot(roster.to_pandas(), out / "members_by_category_and_sex.png")
    plot_pipeline(store, out / "development_pipeline.png")


def plot(frame: pd.DataFrame, path: pathlib.Path) -> None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib is not installed: no chart")
        return
    # The frame has the enum names as labels: the default fonts have no Chinese glyphs.
    counts = pd.crosstab(frame["category"], frame["sex"])
    counts = counts.loc[counts.sum(axis=1) > 0, counts.sum(axis=0) > 0]
    ax = counts.plot.barh(stacked=True, figsize=(8, 4.5),
                          title=f"Members by personnel category and sex, {AS_OF}")
    ax.set_xlabel("members")
    ax.set_ylabel("")
    ax.legend(title="sex", loc="center left", bbox_to_anchor=(1.0, 0.5))
    plt.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    plt.savefig(path, dpi=100)
    plt.close("all")
    print(f"chart saved to {path}")


def plot_pipeline(store: dy.Store, path: pathlib.Path) -> None:
    """The development pipeline as a funnel, the figure of the workbook's chart (dangyuan.plot)."""
    import warnings

    import dangyuan.plot as dp

    try:
        with warnings.catch_warnings():
            # Without a font with Chinese glyphs the labels are boxes; matplotlib warns for each.
            warnings.filterwarnings("ignore", message="Glyph .* missing")
            fig = dp.pipeline(store, AS_OF)
            fig.tight_layout()
            fig.savefig(path, dpi=100)
    except ImportError:
        print("matplotlib is not installed: no funnel")
        return
    import matplotlib.pyplot as plt

    plt.close(fig)
    print(f"funnel saved to {path}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=pathlib.Path,
                        help="directory for the store and the chart (default: temporary)")
    parser.add_argument("--store", type=pathlib.Path, help="open this existing store instead of building one")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or pathlib.Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        if args.store:
            with dy.open_store(args.store, actor="analyst", create=False) as store:
                tour(store, out)
            return 0
        path = out / "district.db"
        for suffix in ("", "-wal", "-shm"):
            pathlib.Path(f"{path}{suffix}").unlink(missing_ok=True)
        with dy.open_store(path, actor="analyst") as store:
            build_district(store)
            tour(store, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
