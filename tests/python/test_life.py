"""Organisational life (bind_life.cpp): meetings and the cadence, training hours, dues, and money and
class hours as ints of fen and tenths."""

import datetime as dt

import pytest

import dangyuan as dy
from conftest import d, full_member

AS_OF = d(2026, 4, 10)


@pytest.fixture
def life(district):
    """Three full members of branch_b."""
    s = district.store
    district.m = [s.add_member(full_member(district.branch_b, f"机关党员{i}", d(2010, 7, 1), 1 + i))
                  for i in range(3)]
    return district


def meet(life, kind, when, attendance=None, **fields):
    if attendance is None:
        attendance = [dy.AttendanceEntry(member=m) for m in life.m]
    return life.store.add_meeting(org=life.branch_b, kind=kind, date=when, topic=fields.pop("topic", "学习"),
                                  chair=life.m[0], attendance=attendance, as_of=AS_OF, **fields)


def test_money_and_class_hours_are_ints_with_formatting_helpers():
    assert [dy.format_yuan(f) for f in (300001, 20, -150)] == ["3000.01", "0.20", "-1.50"]
    assert dy.parse_yuan("3000") == 300000 and dy.parse_yuan("3000.1") == 300010
    with pytest.raises(dy.InvalidInput) as e:
        dy.parse_yuan("3000.001", "base")
    assert e.value.field == "base"
    assert dy.format_class_hours(325) == "32.5" and dy.format_class_hours(320) == "32"
    assert dy.parse_class_hours("32.5") == 325
    with pytest.raises(dy.InvalidInput) as e:
        dy.parse_class_hours("32.25")
    assert e.value.field == "hours"
    assert dy.format_month(d(2026, 3, 1)) == "2026-03" and dy.format_month("2026-03") == "2026-03"
    assert dy.month_of(d(2026, 3, 31)) == d(2026, 3, 1) and dy.last_day("2024-02") == d(2024, 2, 29)
    assert dy.months_between("2025-12", "2026-06") == 6
    with pytest.raises(dy.InvalidInput) as e:
        dy.format_month(d(2026, 3, 15))
    assert e.value.field == "month"
    with pytest.raises(TypeError):
        dy.format_yuan(30.5)


def test_党费规定2008_dues_salary_brackets_on_the_whole_base_bounds_in_the_lower_bracket():
    employed = dy.DuesCategory.employed
    assert dy.monthly_dues(employed, 300000) == 1500  # 3000 yuan: 0.5 %
    assert dy.monthly_dues(employed, 300001) == 3000  # 3000.01 yuan: 1 % of the whole base, half up
    assert dy.monthly_dues(employed, 1000000) == 15000 and dy.monthly_dues(employed, 1000001) == 20000
    assert dy.monthly_dues(dy.DuesCategory.parse("离退休党员"), 500000) == 2500
    assert dy.monthly_dues(dy.DuesCategory.student, 999999) == 20
    assert dy.apply_rate(300001, 100, dy.DuesRounding.up_jiao) == 3010
    with pytest.raises(dy.InvalidInput) as e:
        dy.monthly_dues(employed, -1)
    assert e.value.field == "base"


def test_党费规定2008_dues_fixed_amounts_farmers_between_20_and_100_fen():
    params = dy.LifeParams()
    params.farmer_monthly_fen = 100
    dy.validate_dues_params(params)
    params.farmer_monthly_fen = 101
    with pytest.raises(dy.RuleViolation) as e:
        dy.validate_dues_params(params)
    assert e.value.rule_id == "dues.fixed_amounts"
    rules = dy.RuleSet()
    rules.life.farmer_monthly_fen = 50
    assert dy.monthly_dues(dy.DuesCategory.farmer, 0, rules.life) == 50
    assert repr(rules.life) == "LifeParams(farmer_monthly_fen=50)"


def test_支部工作条例2018_第11条_life_general_meeting_quorum_more_than_half(life):
    s, m = life.store, life.m
    mid = meet(life, "branch_general_meeting", d(2026, 1, 15))
    stored = s.get_meeting(mid)
    assert stored.version == 1 and stored.record.kind == dy.MeetingKind.branch_general_meeting
    absent = [dy.AttendanceEntry(member=m[0]),
              {"member": m[1], "status": "absent", "absence_reason": "出差"},
              {"member": m[2], "status": "缺席", "absence_reason": "病假"}]
    with pytest.raises(dy.RuleViolation) as e:
        meet(life, "支部党员大会", d(2026, 2, 15), absent)  # 1 of 3
    assert e.value.rule_id == "life.general_meeting_quorum"
    absent[1] = {"member": m[1]}
    meet(life, "branch_general_meeting", d(2026, 2, 15), absent)  # 2 of 3
    with pytest.raises(dy.InvalidInput) as e:
        meet(life, "branch_general_meeting", d(2026, 3, 15),
             [{"member": m[0]}, {"member": m[1]}, {"member": m[2], "status": "absent"}])
    assert e.value.field == "absence_reason"
    with pytest.raises(dy.InvalidInput) as e:
        meet(life, "branch_general_meeting", d(2026, 3, 15), [{"member": m[0]}, {"member": m[1]}])
    assert e.value.field == "attendance"  # every full member entitled to vote is listed
    with pytest.raises(dy.InvalidInput) as e:
        meet(life, "theme_party_day", d(2026, 4, 11))  # after the recording date
    assert e.value.field == "date"
    with pytest.raises(TypeError):
        meet(life, "theme_party_day", dt.datetime(2026, 4, 8))
    assert dy.MeetingKind.committee_meeting.needs_quorum
    assert not dy.MeetingKind.heart_to_heart_talk.counts_as_org_life


def test_支部工作条例2018_life_theme_party_day_monthly_compliance_report_is_a_table(life):
    s = life.store
    for month in (1, 3):
        meet(life, "theme_party_day", d(2026, month, 8), topic="主题党日")
    report = s.life_compliance_report(life.branch_b, d(2026, 1, 1), d(2026, 4, 10))
    assert not report.compliant()
    missed = report.with_status(dy.SlotStatus.missed).to_pandas()
    assert list(zip(missed["rule_id"], missed["slot"])) == [("life.general_meeting_quarterly", "2026-Q1"),
                                                             ("life.theme_party_day_monthly", "2026-02")]
    frame = report.to_pandas()
    theme = frame[frame["rule_id"] == "life.theme_party_day_monthly"]
    assert list(theme["status"]) == ["met", "missed", "met", "open"] and list(theme["held"]) == [1, 0, 1, 0]
    meetings = s.meetings_of(d(2026, 1, 1), d(2026, 12, 31), life.branch_b).to_pandas()
    assert list(meetings["kind"]) == ["theme_party_day"] * 2 and list(meetings["present"]) == [3, 3]
    activity = s.life_activity(AS_OF).to_pandas()
    assert list(activity["last_org_life"]) == [dt.datetime(2026, 3, 8)] * 3


def test_the_cadence_is_rule_set_data_judged_by_a_pure_function(life):
    s = life.store
    org = s.org(life.branch_b)
    meetings = [dy.Meeting(org=life.branch_b, kind="theme_party_day", date=d(2026, 1, 8), topic="x",
                           chair=life.m[0])]
    report = dy.life_compliance(org, meetings, dy.LifeScope(), d(2026, 1, 1), d(2026, 2, 28))
    statuses = {(r.rule_id, r.slot.label): r.status for r in report}
    assert statuses[("life.theme_party_day_monthly", "2026-01")] == dy.SlotStatus.met
    assert statuses[("life.theme_party_day_monthly", "2026-02")] == dy.SlotStatus.open
    assert dy.slot_containing(d(2026, 12, 31), dy.CadencePeriod.quarter).label == "2026-Q4"
    with pytest.raises(dy.InvalidInput) as e:
        dy.validate_cadence([dy.CadenceRule(rule_id="life.nothing", kind="party_lecture", period="year")])
    assert e.value.field == "cadence"
    assert dy.national_cadence()[0].rule_id == "life.general_meeting_quarterly"


def test_条例2019_第20条_training_member_32_hours_in_tenths(life):
    s, m = life.store, life.m
    s.add_training(member=m[0], date=d(2026, 3, 20), course="集中轮训", hours=319, concentrated=True,
                   provider="党校", as_of=AS_OF)
    s.add_training(dy.TrainingRecord(member=m[1], date=d(2026, 3, 20), course="集中轮训",
                                     hours=dy.parse_class_hours("32"), concentrated=True), as_of=AS_OF)
    with pytest.raises(dy.InvalidInput) as e:
        s.add_training(member=m[0], date=d(2026, 3, 21), course="网上学习", hours=0, as_of=AS_OF)
    assert e.value.field == "hours"
    with pytest.raises(dy.InvalidInput) as e:
        s.add_training(member=m[0], date=d(2026, 3, 20), course="集中轮训", hours=10, as_of=AS_OF)
    assert e.value.field == "ledger"  # the same course twice on the same day
    ledger = s.training_ledger(m[0], 2026).to_pandas()
    assert list(ledger["hours_tenths"]) == [319]
    short = s.training_shortfall_report(life.branch_b, 2026, d(2026, 12, 31)).to_pandas()
    assert list(short["member"]) == [m[0].value, m[2].value]  # 31.9 is short, 32.0 is enough
    assert list(short["short_by_tenths"]) == [1, 320]
    assert list(short["rule_id"]) == ["training.member_32_hours"] * 2
    assert dy.format_class_hours(short["counted_tenths"][0]) == "31.9"
    assert [dy.whole_months_in_year(d(2026, 7, day), 2026) for day in (1, 2)] == [6, 5]


def test_党费规定2008_dues_pay_monthly_arrears_report_in_fen(life):
    s, m, branch = life.store, life.m, life.branch_b
    terms = dy.DuesTerms(ledger_start="2026-01")
    for who in m[:2]:
        s.open_dues_account(who, effective=d(2026, 1, 1), category="employed", base=500000, terms=terms)
    with pytest.raises(dy.Conflict):
        s.open_dues_account(m[0], effective="2026-01", category="employed", base=500000, terms=terms)
    assert s.find_dues_account(m[2]) is None and s.get_dues_terms(m[0]).version == 1
    for month in (1, 2, 3):
        s.record_dues_payment(member=m[0], month=d(2026, month, 1), amount=5000, paid_on=d(2026, month, 20),
                              collecting_org=branch, collected_by="组织委员", as_of=AS_OF)
    check = s.record_dues_payment(member=m[1], month="2026-01", amount=5000, paid_on=d(2026, 1, 20),
                                  collecting_org=branch, collected_by="组织委员", as_of=AS_OF)
    assert check.months_back == 0 and not check.late_back_payment
    with pytest.raises(dy.InvalidInput) as e:
        s.record_dues_payment(member=m[1], month=d(2026, 2, 15), amount=5000, paid_on=d(2026, 2, 20),
                              collecting_org=branch, collected_by="组织委员", as_of=AS_OF)
    assert e.value.field == "month"
    with pytest.raises(dy.InvalidInput) as e:
        s.record_dues_payment(member=m[1], month="2026-02", amount=0, paid_on=d(2026, 2, 20),
                              collecting_org=branch, collected_by="组织委员", as_of=AS_OF)
    assert e.value.field == "amount"
    report = s.dues_arrears_report(AS_OF).to_pandas()
    assert list(report["member"]) == [m[1].value]
    assert list(report["arrears_fen"]) == [10000] and dy.format_yuan(report["arrears_fen"][0]) == "100.00"
    statement = s.dues_statement(m[1], AS_OF)
    assert statement.arrears == 10000 and statement.months_in_arrears == 2
    months = statement.months_table().to_pandas()
    assert list(months["shortfall_fen"]) == [0, 5000, 5000] and months["month"][1] == dt.datetime(2026, 2, 1)
    payments = s.dues_payments(m[0]).to_pandas()
    assert list(payments["amount_fen"]) == [5000] * 3 and list(payments["paid_at"]) == ["home_org"] * 3


def test_党费规定2008_dues_hardship_approval_and_back_payment_refused_by_a_profile(district):
    rules = dy.RuleSet(name="strict-dues")
    rules.life.back_payment = dy.BackPaymentPolicy.refuse
    with dy.open_store(":memory:", rules=rules) as s:
        top = s.add_org(name="区委", kind="higher_committee", established=d(1990, 1, 1))
        org = s.add_org(name="支部", kind="branch", parent=top, established=d(2000, 1, 1))
        m = s.add_member(full_member(org, "党员", d(2010, 7, 1), 1))
        s.open_dues_account(m, effective="2025-01", base=300000, terms={"ledger_start": "2025-01"})
        with pytest.raises(dy.RuleViolation) as e:  # 7 months back
            s.record_dues_payment(member=m, month="2025-08", amount=1500, paid_on=d(2026, 3, 20),
                                  collecting_org=org, collected_by="组织委员", as_of=AS_OF)
        assert e.value.rule_id == "dues.back_payment_6_months"
        s.record_dues_payment(member=m, month="2025-09", amount=1500, paid_on=d(2026, 3, 20),
                              collecting_org=org, collected_by="组织委员", as_of=AS_OF)  # 6 months back
        with pytest.raises(dy.RuleViolation) as e:
            s.add_dues_relief(m, from_="2026-03", monthly_amount=20, reason="家庭困难")
        assert e.value.rule_id == "dues.hardship_approval"
        s.add_dues_relief(m, from_="2026-03", to="2026-12", monthly_amount=20, reason="家庭困难",
                          branch_studied_on=d(2026, 2, 20), approved_by="街道党工委", approved_on=d(2026, 2, 28))
        assert s.find_dues_account(m).reliefs[0].monthly_amount == 20


def test_党章_第9条_dues_unpaid_6_months_streak_is_found_in_a_pure_statement():
    account = dy.DuesAccount(member=dy.MemberId(1), admission_date=d(2010, 7, 1), ledger_start="2025-01",
                             bases=[dy.DuesBaseChange(effective="2025-01", base=300000)])
    paid = [dy.DuesPayment(member=dy.MemberId(1), month="2025-01", amount=1500, collecting_org=dy.OrgId(3),
                           collected_by="x", paid_on=d(2025, 1, 20))]
    five = dy.dues_arrears(account, paid, d(2025, 7, 31))
    assert five.months_in_arrears == 5 and dy.first_unpaid_streak(five) is None
    six = dy.dues_arrears(account, paid, d(2025, 8, 1))
    streak = dy.first_unpaid_streak(six)
    assert (streak.first, streak.last, streak.months, streak.reached) == (d(2025, 2, 1), d(2025, 7, 1), 6,
                                                                          d(2025, 8, 1))
    assert dy.first_unpaid_streak(account, paid, d(2025, 8, 1)) == streak
    items = dy.dues_agenda(account, paid, dy.OrgId(3), "党员", d(2025, 8, 1)).to_pandas()
    assert set(items["rule_id"]) == {"dues.unpaid_6_months", "dues.pay_monthly"}


def read_back(s, meeting, member):
    ledger, payments = s.training_ledger(member), s.dues_payments(member)
    return s.get_meeting(meeting), ledger[0], s.find_dues_account(member), payments[0]


def test_meetings_training_and_dues_survive_a_file_store_reopened(store_path):
    with dy.open_store(store_path) as s:
        top = s.add_org(name="区委", kind="higher_committee", established=d(1990, 1, 1))
        org = s.add_org(name="支部", kind="branch", parent=top, established=d(2000, 1, 1))
        m = [s.add_member(full_member(org, f"党员{i}", d(2010, 7, 1), 1 + i)) for i in range(3)]
        mid = s.add_meeting(org=org, kind="theme_party_day", date=d(2026, 3, 8), topic="学雷锋", chair=m[0],
                            attendance=[{"member": x} for x in m], as_of=AS_OF)
        s.add_training(member=m[0], date=d(2026, 3, 20), course="轮训", hours=325, as_of=AS_OF)
        s.open_dues_account(m[0], effective="2026-01", base=500000,
                            terms=dy.DuesTerms(ledger_start="2026-01"))
        s.record_dues_payment(member=m[0], month="2026-01", amount=5000, paid_on=d(2026, 1, 20),
                              collecting_org=org, collected_by="组织委员", as_of=AS_OF)
        before = read_back(s, mid, m[0])
    with dy.open_store(store_path, create=False) as s:
        after = read_back(s, mid, m[0])
        assert after == before
        assert after[1].hours == 325 and after[3].month == d(2026, 1, 1)
        stored = s.get_meeting(mid)
        s.correct_meeting(stored.record.replace(topic="学雷锋纪念日"), stored.version, AS_OF)
        with pytest.raises(dy.Conflict):
            s.correct_meeting(stored.record, stored.version, AS_OF)
        assert s.get_meeting(mid).version == 2
