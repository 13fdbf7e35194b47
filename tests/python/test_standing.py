"""Membership standing (bind_standing.cpp): events, standing on a date, party age, store methods."""

import pytest

import dangyuan as dy
from conftest import d, full_member


@pytest.fixture
def member_id(district):
    return district.store.add_member(full_member(district.branch_a, "张三", d(2010, 7, 1)))


def probationary_id(district):
    f = full_member(district.branch_a, "预备", d(2023, 7, 1), 7)
    del f["full_member_date"]
    return district.store.add_member(f)


def test_standing_events_are_recorded_from_keywords_records_or_chinese_kinds(district, member_id):
    s = district.store
    s.record_standing(member_id, kind="停止党籍", date=d(2015, 1, 1), reason="失联超过6个月", why="支部决定")
    s.record_standing(member_id, dy.StandingEvent(kind=dy.StandingEventKind.restored, date=d(2016, 1, 1)))
    history = s.standing_history(member_id)
    assert [e.kind for e in history] == [dy.StandingEventKind.suspended, dy.StandingEventKind.restored]
    assert history[0].reason == "失联超过6个月"
    st = s.standing_on(member_id, d(2015, 6, 1))
    assert st.state == dy.StandingState.suspended and st.since == d(2015, 1, 1)
    assert s.standing_on(member_id, d(2016, 1, 1)).state == dy.StandingState.normal
    assert s.standing_on(member_id, d(2010, 6, 30)) is None
    assert s.get_member(member_id).version == 3  # each event bumps the version


def test_a_standing_event_needs_a_kind_and_a_date(district, member_id):
    with pytest.raises(dy.InvalidInput) as e:
        district.store.record_standing(member_id, kind="suspended")
    assert e.value.field == "date"
    with pytest.raises(dy.InvalidInput) as e:
        dy.StandingEvent(kind="休眠", date=d(2015, 1, 1))
    assert e.value.field == "kind"


def test_条例2019_第24条_standing_final_exits_nothing_follows_an_exit(district, member_id):
    s = district.store
    s.record_standing(member_id, kind="expelled", date=d(2020, 1, 1))
    with pytest.raises(dy.RuleViolation) as e:
        s.record_standing(member_id, kind="restored", date=d(2021, 1, 1))
    assert e.value.rule_id == "standing.final_exits"
    assert len(s.standing_history(member_id)) == 1
    assert len(s.roster(as_of=d(2020, 1, 1))) == 0 and len(s.roster(as_of=d(2019, 12, 31))) == 1


def test_条例2019_第24条_standing_transitions_only_legal_transitions(district, member_id):
    with pytest.raises(dy.RuleViolation) as e:
        district.store.record_standing(member_id, kind="restored", date=d(2020, 1, 1))
    assert e.value.rule_id == "standing.transitions"
    assert dy.standing_after(dy.StandingState.normal, dy.StandingEventKind.restored) is None
    after = dy.standing_after(dy.StandingState.suspended, dy.StandingEventKind.restored)
    assert after == dy.StandingState.normal


def test_细则2014_第32条_standing_probation_cancel_only_for_probationary_members(district, member_id):
    with pytest.raises(dy.RuleViolation) as e:
        district.store.record_standing(member_id, kind="probation_cancelled", date=d(2020, 1, 1))
    assert e.value.rule_id == "standing.probation_cancel"
    district.store.record_standing(probationary_id(district), kind="取消预备党员资格", date=d(2024, 1, 1))


def test_细则2014_standing_no_persuasion_of_probationary_members(district):
    with pytest.raises(dy.RuleViolation) as e:
        district.store.record_standing(probationary_id(district), kind="劝退", date=d(2024, 1, 1))
    assert e.value.rule_id == "standing.no_persuasion_of_probationary"


def test_an_event_before_admission_names_the_date(district, member_id):
    with pytest.raises(dy.InvalidInput) as e:
        district.store.record_standing(member_id, kind="suspended", date=d(2010, 6, 30))
    assert e.value.field == "date"


def test_党章2022_第7条_standing_party_age_from_full_counts_from_the_full_member_date(district, member_id):
    s = district.store
    assert s.party_age(member_id, d(2011, 6, 30)) is None
    assert s.party_age(member_id, d(2011, 7, 1)) == 0
    assert s.party_age(member_id, d(2024, 6, 30)) == 12
    assert s.party_age(member_id, d(2024, 7, 1)) == 13


def test_standing_party_age_suspension_is_counted_unless_the_profile_excludes_it(district, member_id):
    s = district.store
    s.record_standing(member_id, kind="suspended", date=d(2015, 1, 1))
    s.record_standing(member_id, kind="restored", date=d(2016, 1, 1))
    assert s.party_age(member_id, d(2024, 7, 1)) == 13
    m, history = s.get_member(member_id), s.standing_history(member_id)
    excluding = dy.RuleSet(party_age_excludes_suspension=True)
    assert dy.party_age_on(m, history, d(2024, 7, 1)) == 13
    assert dy.party_age_on(m, history, d(2024, 7, 1), excluding) == 12


def test_the_pure_functions_take_histories_as_records_or_mappings(district, member_id):
    m = district.store.get_member(member_id)
    history = [{"kind": "suspended", "date": d(2015, 1, 1)}]
    assert dy.standing_on(m, history, d(2015, 2, 1)).state == dy.StandingState.suspended
    dy.check_standing_event(m, history, {"kind": "restored", "date": d(2016, 1, 1)})
    with pytest.raises(dy.InvalidInput):
        dy.check_standing_event(m, history, dy.StandingEvent(kind="restored", date=d(2014, 1, 1)))
