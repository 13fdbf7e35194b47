"""In-service members in the community (在职党员进社区, docs/organisation-work.md): registration, service in
tenths of an hour, the yearly feedback read by the member's branch, the agenda, the statistics and the
profile parameters."""

import pytest

import dangyuan as dy
from conftest import District, d, full_member


class Community:
    def __init__(self, store):
        self.s = store
        self.district = District(store)
        self.community = self.district.branch_a
        self.zhang = store.add_member(full_member(self.district.branch_b, "张伟", d(2010, 7, 1), 1))
        self.li = store.add_member(full_member(self.district.branch_b, "李娜", d(2012, 7, 1), 2, dy.Sex.female))


@pytest.fixture
def town():
    with dy.open_store(":memory:", actor="tester", today=d(2026, 6, 30)) as s:
        yield Community(s)


def test_registration_service_and_feedback_round_trip(town):
    s = town.s
    reg = s.register_with_community(town.zhang, town.community, d(2025, 3, 1), note="幸福小区", why="报到")
    assert isinstance(reg, dy.RegistrationId)
    r = s.get_registration(reg)
    assert (r.member, r.community, r.registered_on, r.left_on, r.note) == (
        town.zhang, town.community, d(2025, 3, 1), None, "幸福小区")
    assert r.covers(d(2025, 3, 1)) and not r.covers(d(2025, 2, 28))
    s.record_community_service(member=town.zhang, date=d(2025, 3, 1), activity="环境整治", tenths=25)
    s.record_community_service(dy.CommunityService(member=town.zhang, date=d(2025, 5, 4), activity="政策宣传",
                                                   tenths=30))
    services = s.community_services(town.zhang, 2025)
    assert [x.tenths for x in services] == [25, 30]
    assert services[0].registration == reg and services[0].community == town.community
    assert dy.hours_text(sum(x.tenths for x in services)) == "5.5"
    s.give_community_feedback(member=town.zhang, community=town.community, year=2025, rating="较好",
                              given_on=d(2025, 12, 20), note="积极参加社区活动")
    f = s.community_feedback(town.zhang, 2025)
    assert f.rating == dy.CommunityRating.fairly_good
    assert f.branch == town.district.branch_b
    assert s.community_feedback(town.zhang, 2024) is None
    s.leave_community(reg, d(2026, 2, 1))
    assert s.community_registrations_of(town.zhang)[0].left_on == d(2026, 2, 1)
    assert [x.id for x in s.community_registrations(town.district.street)] == [reg]
    assert len(s.community_registrations(town.district.village)) == 0
    # The lists are column tables: pandas reads them without a loop.
    table = s.community_registrations()
    assert isinstance(table, dy.CommunityRegistrations)
    frame = table.to_pandas()
    assert list(frame["member"]) == [town.zhang.value]
    assert str(frame["left_on"].iloc[0].date()) == "2026-02-01"
    hours = s.community_services(town.zhang).to_pandas()
    assert list(hours["tenths"]) == [25, 30] and list(hours["activity"]) == ["环境整治", "政策宣传"]
    assert [e.action for e in s.audit_log() if e.entity == "community"] == [
        "registered", "service", "service", "feedback", "left"]


def test_refused_commands_name_their_rule_and_change_nothing(town):
    s = town.s
    reg = s.register_with_community(town.zhang, town.community, d(2025, 3, 1))
    before = len(s.audit_log())
    with pytest.raises(dy.RuleViolation) as e:
        s.register_with_community(town.zhang, town.district.village, d(2025, 6, 1))
    assert e.value.rule_id == "community.one_open_registration"
    with pytest.raises(dy.RuleViolation) as e:
        s.register_with_community(town.li, town.district.branch_b, d(2025, 6, 1))
    assert e.value.rule_id == "community.registration_org"
    with pytest.raises(dy.RuleViolation) as e:
        s.leave_community(reg, d(2025, 3, 1))
    assert e.value.rule_id == "community.leave_after_registration"
    with pytest.raises(dy.RuleViolation) as e:
        s.record_community_service(member=town.zhang, date=d(2025, 2, 28), activity="环境整治", tenths=10)
    assert e.value.rule_id == "community.service_within_registration"
    with pytest.raises(dy.InvalidInput) as e:
        s.record_community_service(member=town.zhang, date=d(2025, 4, 1), activity="环境整治", tenths=0)
    assert e.value.field == "hours"
    with pytest.raises(dy.InvalidInput) as e:
        s.give_community_feedback(member=town.zhang, community=town.community, year=2025, rating="优秀",
                                  given_on=d(2025, 12, 20))
    assert e.value.field == "rating"
    s.give_community_feedback(member=town.zhang, community=town.community, year=2025,
                              rating=dy.CommunityRating.average, given_on=d(2025, 12, 20))
    with pytest.raises(dy.RuleViolation) as e:
        s.give_community_feedback(member=town.zhang, community=town.community, year=2025, rating="好",
                                  given_on=d(2025, 12, 21))
    assert e.value.rule_id == "community.feedback_once_yearly"
    assert len(s.audit_log()) == before + 1
    s.give_community_feedback(member=town.zhang, community=town.community, year=2025, rating="good",
                              given_on=d(2025, 12, 21), correction_reason="等次录入有误")
    assert s.community_feedback(town.zhang, 2025).rating == dy.CommunityRating.good
    history = s.community_feedback_history(town.zhang)
    assert len(history) == 2 and isinstance(history, dy.CommunityFeedbackTable)
    assert [str(x) for x in history.to_pandas()["rating"]] == ["average", "good"]  # the first, then its correction
    assert history[1].correction_reason == "等次录入有误"


def test_statistics_and_agenda(town):
    s = town.s
    s.register_with_community(town.zhang, town.community, d(2025, 3, 1))
    s.register_with_community(town.li, town.district.village, d(2025, 4, 1))
    s.record_community_service(member=town.zhang, date=d(2025, 5, 1), activity="环境整治", tenths=40)
    s.give_community_feedback(member=town.li, community=town.district.village, year=2025, rating="差",
                              given_on=d(2025, 12, 20))
    st = s.community_statistics(2025)
    assert (st.year, st.registered_members, st.members_with_service, st.service_tenths,
            st.members_with_feedback) == (2025, 2, 1, 40, 1)
    assert st.feedback_by_rating == {dy.CommunityRating.good: 0, dy.CommunityRating.fairly_good: 0,
                                     dy.CommunityRating.average: 0, dy.CommunityRating.poor: 1}
    assert s.community_statistics(2025, town.district.street).registered_members == 1
    items = [i for i in s.agenda(d(2026, 1, 5)) if i.kind.startswith("community.")]
    assert [(i.kind, i.org, i.member, i.status, i.rule_id) for i in items] == [
        ("community.feedback_due", town.community, town.zhang, dy.AgendaStatus.overdue,
         "community.feedback_yearly")]
    scoped = [i for i in s.agenda(d(2026, 1, 5), town.community) if i.kind.startswith("community.")]
    assert scoped == items


def test_profile_parameters():
    r = dy.RuleSet()
    assert (r.community.min_service_hours_yearly, r.community.feedback_by_month, r.community.notice_months) == (
        0, 12, 1)
    assert "community.feedback_by_month=12" in dy.to_text(r).splitlines()
    assert dy.community_feedback_deadline(2025) == d(2025, 12, 31)
    local = dy.make_profile("local-8h", {"community.min_service_hours_yearly": 8,
                                         "community.feedback_by_month": 11})
    assert dy.community_feedback_deadline(2025, local) == d(2025, 11, 30)
    with pytest.raises(dy.RuleViolation) as e:
        dy.make_profile("local-weak", {"community.feedback_by_month": 0})
    assert e.value.rule_id == "rules.profile_cannot_weaken"
    with dy.open_store(":memory:", actor="tester", rules=local, today=d(2026, 6, 30)) as s:
        t = Community(s)
        s.register_with_community(t.zhang, t.community, d(2025, 3, 1))
        s.record_community_service(member=t.zhang, date=d(2025, 5, 1), activity="环境整治", tenths=79)
        kinds = {(i.kind, i.org) for i in s.agenda(d(2025, 12, 1))}
        assert ("community.service_short", t.district.branch_b) in kinds
        assert ("community.feedback_due", t.community) in kinds
