"""Model posts and commendations (党员示范岗, 两优一先; bind_commendation.cpp): the enums, HonoursParams on the
RuleSet, the records, the pure review rule, and the store methods (designate_model_post,
review_model_post, end_model_post, commend, the queries and honours_statistics)."""

import pytest

import dangyuan as dy
from conftest import District, d, full_member


class Honours:
    def __init__(self, store):
        self.s = store
        self.district = District(store)
        self.li = store.add_member(full_member(self.district.branch_a, "李红", d(2020, 7, 1), seq=1,
                                               sex=dy.Sex.female))
        self.wang = store.add_member(full_member(self.district.branch_a, "王强", d(2024, 7, 1), seq=2))


@pytest.fixture
def honours():
    with dy.open_store(":memory:", actor="tester", today=d(2026, 11, 30)) as s:
        yield Honours(s)


def test_enums_and_parameters():
    assert [k.chinese_name for k in dy.CommendationKind.all()] == ["优秀共产党员", "优秀党务工作者", "先进基层党组织"]
    assert dy.CommendationKind.parse("先进基层党组织") == dy.CommendationKind.advanced_organisation
    assert dy.CommendationKind.parse("outstanding_party_worker").to_member
    assert not dy.CommendationKind.advanced_organisation.to_member
    assert dy.CommendationLevel.parse("市级") == dy.CommendationLevel.city
    assert dy.ModelPostEnd.revoked.chinese_name == "撤销"
    r = dy.RuleSet()
    assert isinstance(r.honours, dy.HonoursParams)
    assert r.honours.model_post_review_months == 12
    assert "model_post.review_months=12" in dy.to_text(r).splitlines()
    local = dy.RuleSet(name="local-6", honours=dy.HonoursParams(model_post_review_months=6))
    assert "honours=HonoursParams(model_post_review_months=6)" in repr(local)
    with pytest.raises(dy.RuleViolation) as e:
        dy.make_profile("lax", {"model_post.review_months": 24})
    assert e.value.rule_id == "rules.profile_cannot_weaken"


def test_review_due_exactly_n_months_later_clamped_at_month_end():
    post = dy.ModelPost(designated_on=d(2024, 1, 31), title="示范岗")
    monthly = dy.RuleSet(name="m", honours=dy.HonoursParams(model_post_review_months=1))
    assert dy.post_review_due(post, d(2024, 2, 1), monthly) == d(2024, 2, 29)
    assert dy.post_review_due(post, d(2024, 2, 1)) == d(2025, 1, 31)
    assert len(dy.model_post_agenda(post, d(2024, 2, 28), monthly)) == 0
    items = dy.model_post_agenda(post, d(2024, 2, 29), monthly)
    assert [(i.kind, i.rule_id, i.status) for i in items] == [
        ("honours.post_review_due", "honours.post_review_due", dy.AgendaStatus.due)]
    assert dy.post_review_due(post, d(2024, 2, 1), dy.RuleSet(honours=dy.HonoursParams(model_post_review_months=0))) is None
    assert post.active_on(d(2024, 1, 31)) and not post.active_on(d(2024, 1, 30))


def test_designation_review_and_end_through_the_store(honours):
    s, dist = honours.s, honours.district
    pid = s.designate_model_post(member=honours.li, awarded_by=dist.street, date=d(2024, 3, 31),
                                 title="便民服务示范岗", why="街道党工委决定")
    assert isinstance(pid, dy.ModelPostId)
    post = s.get_model_post(pid)
    assert (post.member_name, post.awarded_by_name, post.title) == ("李红", "城关街道党工委", "便民服务示范岗")
    assert post.branch == dist.branch_a and post.ending is None
    items = [i for i in s.agenda(d(2025, 3, 31), dist.branch_a) if i.kind == "honours.post_review_due"]
    assert [(i.due, i.status, i.member) for i in items] == [(d(2025, 3, 31), dy.AgendaStatus.due, honours.li)]
    s.review_model_post(pid, date=d(2025, 3, 31), note="复评合格")
    assert s.get_model_post(pid).reviews == [dy.ModelPostReview(date=d(2025, 3, 31), note="复评合格")]
    assert not [i for i in s.agenda(d(2025, 3, 31)) if i.kind == "honours.post_review_due"]
    with pytest.raises(dy.InvalidInput) as e:
        s.end_model_post(pid, date=d(2025, 4, 1), kind=dy.ModelPostEnd.revoked)
    assert e.value.field == "reason"
    s.end_model_post(pid, dy.ModelPostEnding(date=d(2025, 4, 1), kind="撤销", reason="未履职"))
    assert s.get_model_post(pid).ending.kind == dy.ModelPostEnd.revoked
    table = s.model_posts()
    assert isinstance(table, dy.ModelPosts) and len(table) == 1
    frame = table.to_pandas(labels="chinese")
    assert frame["end"][0] == "撤销"
    assert len(s.model_posts(dist.branch_b)) == 0
    assert len(s.member_model_posts(honours.li)) == 1
    audit = [e for e in s.audit_log() if e.entity == "model_post"]
    assert [e.action for e in audit] == ["designate", "review", "revoked"]


def test_refusals_name_the_rule_or_field_and_change_nothing(honours):
    s, dist = honours.s, honours.district
    before = (len(s.audit_log()), len(s.model_posts()), len(s.commendations()))
    with pytest.raises(dy.RuleViolation) as e:  # 王强 is full from 2025-07-01
        s.designate_model_post(member=honours.wang, awarded_by=dist.branch_a, date=d(2025, 6, 30), title="岗")
    assert e.value.rule_id == "honours.post_eligible_member"
    with pytest.raises(dy.RuleViolation) as e:
        s.designate_model_post(member=honours.li, awarded_by=dist.village, date=d(2025, 6, 30), title="岗")
    assert e.value.rule_id == "honours.post_awarded_at_or_above_branch"
    with pytest.raises(dy.RuleViolation) as e:
        s.commend(kind="优秀共产党员", date=d(2024, 6, 30), awarded_by="区委", member=honours.wang)
    assert e.value.rule_id == "commendation.member_in_good_standing"
    with pytest.raises(dy.RuleViolation) as e:
        s.commend(kind=dy.CommendationKind.advanced_organisation, date=d(2005, 5, 31), awarded_by="区委",
                  org=dist.branch_b)
    assert e.value.rule_id == "commendation.org_active"
    with pytest.raises(dy.InvalidInput) as e:
        s.commend(kind="先进基层党组织", date=d(2025, 6, 28), awarded_by="区委", member=honours.li)
    assert e.value.field == "org"
    with pytest.raises(dy.InvalidInput) as e:
        dy.check_commendation_form({"kind": "outstanding_member", "date": d(2025, 6, 28), "awarded_by": ""})
    assert e.value.field == "awarded_by"
    with pytest.raises(dy.NotFound):
        s.commend(kind="优秀共产党员", date=d(2025, 6, 28), awarded_by="区委", member=honours.li,
                  campaign=dy.CampaignId(9))
    assert (len(s.audit_log()), len(s.model_posts()), len(s.commendations())) == before


def test_commendations_queries_and_statistics(honours):
    s, dist = honours.s, honours.district
    cid = s.commend(kind="优秀共产党员", level="district", date=d(2025, 6, 28), awarded_by="中共示范区委",
                    member=honours.li, note="区委〔2025〕12号")
    assert isinstance(cid, dy.CommendationId)
    c = s.get_commendation(cid)
    assert (c.recipient_name, c.recipient_org, c.org) == ("李红", dist.branch_a, None)
    s.commend(dy.Commendation(kind=dy.CommendationKind.advanced_organisation, date=d(2025, 7, 1),
                              awarded_by="城关街道党工委", org=dist.branch_a))
    s.designate_model_post(member=honours.li, awarded_by=dist.branch_a, date=d(2025, 8, 1), title="党员先锋岗")
    assert len(s.member_commendations(honours.li)) == 1
    assert [x.kind for x in s.org_commendations(dist.branch_a)] == [dy.CommendationKind.advanced_organisation]
    assert len(s.commendations(dist.street, 2025)) == 2
    assert len(s.commendations(year=2024)) == 0
    frame = s.commendations().to_pandas()
    assert list(frame["kind"]) == ["outstanding_member", "advanced_organisation"]
    stats = s.honours_statistics(2025, dist.street)
    assert (stats.year, stats.posts_active_at_year_end, stats.posts_new, stats.commendations) == (2025, 1, 1, 2)
    assert [(x.kind, x.level, x.count) for x in stats.by_kind_and_level] == [
        (dy.CommendationKind.outstanding_member, dy.CommendationLevel.district, 1),
        (dy.CommendationKind.advanced_organisation, dy.CommendationLevel.awarding_org, 1)]
    assert s.honours_statistics(2025, dist.village).commendations == 0
    with pytest.raises(dy.InvalidInput) as e:
        s.honours_statistics(0)
    assert e.value.field == "year"
