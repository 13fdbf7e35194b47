"""Mobile members (bind_mobility.cpp): episodes, certificates, transfers, lost contact, statistics."""

import datetime as dt

import pytest

import dangyuan as dy
from conftest import d, full_member

K = dy.EpisodeRecordKind


@pytest.fixture
def town(district):
    """Four full members of the community branch (branch_a); branch_b acts as a host organisation."""
    s = district.store
    district.m = [s.add_member(full_member(district.branch_a, f"社区党员{i}", d(2010, 7, 1), 1 + i))
                  for i in range(4)]
    return district


def leave(town, member=0, on=d(2024, 8, 31), **fields):
    fields.setdefault("place", "广东省深圳市南山区")
    return town.store.open_episode(town.m[member], date=on, reason="务工经商", expected_months=10, **fields)


def test_enums_have_chinese_names_and_parse_them():
    assert dy.MobilityReason.parse("务工经商") == dy.MobilityReason.work_business
    assert K.reported_to_host.chinese_name == "向流入地党组织报到"
    assert dy.CertificateState.presented.is_open and not dy.CertificateState.returned.is_open
    assert dy.TransferState.expired.chinese_name == "已过期"
    assert dy.EpisodeSide.host.code == "host"


def test_流动党员意见2024_mobility_mobile_member_6_months_from_the_month_end(town):
    s = town.store
    eid = leave(town)
    ep = s.get_episode(eid)
    assert ep.records[0].kind == K.left and ep.records[0].destination.place == "广东省深圳市南山区"
    assert dy.mobile_from(ep) == d(2025, 2, 28)  # 31 August + 6 months, clamped
    assert not dy.is_mobile_member_on(ep, d(2025, 2, 27)) and dy.is_mobile_member_on(ep, d(2025, 2, 28))
    items = s.mobility_agenda(d(2025, 2, 28)).to_pandas()
    register = items[items["kind"] == "mobility.register_mobile"]
    assert list(register["status"]) == ["due"]
    assert list(register["rule_id"]) == ["mobility.mobile_member_6_months"]
    s.record_episode(eid, kind="registered", date=d(2025, 2, 28))
    assert "mobility.register_mobile" not in set(s.mobility_agenda(d(2025, 3, 1)).to_pandas()["kind"])


def test_mobility_report_to_host_and_one_side_affiliation(town):
    s = town.store
    eid = leave(town)
    with pytest.raises(dy.RuleViolation) as e:
        s.record_episode(eid, kind="host_activity", date=d(2024, 10, 1))
    assert e.value.rule_id == "mobility.report_to_host"
    with pytest.raises(dy.RuleViolation) as e:
        s.record_episode(eid, kind="reported_to_host", date=d(2024, 10, 1), host_org=town.branch_a)
    assert e.value.rule_id == "mobility.one_side_affiliation"
    s.record_episode(eid, kind="reported_to_host", date=d(2024, 10, 1), host_org=town.branch_b)
    s.record_episode(eid, dy.HostLifeAttended(date=d(2024, 10, 5), note="主题党日"))
    state = s.get_episode(eid).state_on(d(2024, 10, 5))
    assert state.host_org == town.branch_b and state.last_host_activity == d(2024, 10, 5)
    assert state.destination.host_org_name == "机关第二党支部"  # filled in by the store
    host_side = s.episodes(town.branch_b, side="host").to_pandas()
    assert list(host_side["id"]) == [eid.value] and host_side["host_org"][0] == town.branch_b.value
    assert len(s.episodes(town.branch_b)) == 0  # nobody of branch_b is away


def test_episode_records_name_the_wrong_field_and_refuse_a_datetime(town):
    s = town.store
    with pytest.raises(dy.InvalidInput) as e:
        leave(town, place="")
    assert e.value.field == "place"
    with pytest.raises(TypeError):
        s.open_episode(town.m[0], date=dt.datetime(2024, 8, 31), place="上海")
    eid = leave(town)
    with pytest.raises(dy.InvalidInput) as e:
        s.record_episode(eid, kind="moved", date=d(2024, 8, 30), place="上海")
    assert e.value.field == "date"
    with pytest.raises(dy.InvalidInput) as e:
        leave(town)  # already away in an open episode
    assert e.value.field == "member"
    with pytest.raises(dy.InvalidInput) as e:
        s.record_episode(eid, kind="回来了", date=d(2024, 9, 1))
    assert e.value.field == "kind"
    with pytest.raises(dy.NotFound):
        s.get_episode(dy.EpisodeId(42))


def test_every_record_kind_is_a_class_with_only_its_fields(town):
    s = town.store
    eid = leave(town)
    records = s.get_episode(eid).records
    assert isinstance(records[0], dy.MemberLeft) and records[0].kind == K.left
    assert records[0].destination.place == "广东省深圳市南山区" and records[0].expected_months == 10
    kinds = [dy.MemberLeft, dy.RegisteredAsMobile, dy.ReportedToHost, dy.MovedPlace, dy.HostLifeAttended,
             dy.HostDuesPaid, dy.YearlyReportMade, dy.MemberReturned, dy.RelationshipTransferred]
    assert [k(date=d(2024, 1, 1)).kind.code for k in kinds] == [
        "left", "registered", "reported_to_host", "moved", "host_activity", "dues_paid_at_host", "yearly_report",
        "returned", "transferred"]
    assert dy.LetterRevoked(date=d(2024, 1, 1)).kind == dy.TransferEventKind.revoked
    assert dy.ContactReached(date=d(2024, 1, 1)).kind == dy.ContactKind.reached
    assert dy.CertificateLost(date=d(2024, 1, 1)).kind == dy.CertificateEventKind.lost
    # A field the kind does not have is refused by name, whichever way the record is given.
    with pytest.raises(dy.InvalidInput) as e:
        s.record_episode(eid, kind="registered", date=d(2024, 9, 1), place="上海")
    assert e.value.field == "place"
    with pytest.raises(dy.InvalidInput) as e:
        s.record_episode(eid, {"kind": "yearly_report", "date": d(2024, 9, 1), "dues_months": 2})
    assert e.value.field == "dues_months"
    with pytest.raises(dy.InvalidInput) as e:
        s.record_episode(eid, kind="reported_to_host", date=d(2024, 9, 1), host_org=town.branch_b, place="x")
    assert e.value.field == "place"
    with pytest.raises(TypeError):
        dy.RegisteredAsMobile(date=d(2024, 9, 1), place="上海")
    assert len(s.get_episode(eid).records) == 1
    # The kind may be given by its Chinese name or as the enum.
    s.record_episode(eid, kind="登记为流动党员", date=d(2024, 9, 1))
    s.record_episode(eid, kind=K.yearly_report, date=d(2024, 9, 2), note="书面汇报")
    assert [type(r) for r in s.get_episode(eid).records] == [dy.MemberLeft, dy.RegisteredAsMobile,
                                                              dy.YearlyReportMade]
    with pytest.raises(dy.InvalidInput) as e:
        s.open_episode(town.m[1], kind="moved", date=d(2024, 9, 1), place="上海")
    assert e.value.field == "kind"


def test_a_pure_episode_is_checked_and_appended_in_place():
    ep = dy.MobilityEpisode(member=dy.MemberId(1), home_branch=dy.OrgId(3), member_name="张三")
    ep.record(kind="left", date=d(2024, 1, 31), destination={"place": "上海", "host_org": None},
              fixed_place=True)
    assert len(ep.records) == 1 and dy.episode_state_on(ep, d(2024, 2, 1)).fixed_place
    assert dy.transfer_required_from(ep, d(2024, 2, 1)) == d(2024, 7, 31)
    with pytest.raises(dy.InvalidInput) as e:
        dy.check_episode_record(ep, {"kind": "left", "date": d(2024, 2, 1), "destination": {"place": "x"}})
    assert e.value.field == "kind"
    items = dy.episode_agenda(ep, d(2024, 7, 1)).to_pandas()
    assert "mobility.transfer_required" in set(items["kind"])


def test_certificates_are_numbered_issued_and_checked(town):
    s = town.store
    s.set_certificate_numbering("370102", 6, 1)
    no = s.issue_certificate(town.m[0], issued=d(2024, 8, 25), destination="广东省深圳市", expected_months=10)
    assert no == "370102000001"
    cert = s.get_certificate(no)
    assert cert.issue.member_name == "社区党员0" and cert.issue.issuing_committee == town.street
    with pytest.raises(dy.RuleViolation) as e:
        s.issue_certificate(town.m[0], issued=d(2024, 9, 25), destination="广东省深圳市")
    assert e.value.rule_id == "certificate.one_valid_per_member"
    with pytest.raises(dy.RuleViolation) as e:
        s.issue_certificate(town.m[1], issued=d(2024, 9, 25), destination="上海", expected_months=6,
                            fixed_place=True)
    assert e.value.rule_id == "certificate.scope"
    s.issue_certificate(town.m[1], issued=d(2024, 9, 25), destination="上海", expected_months=5,
                        fixed_place=True)
    with pytest.raises(dy.RuleViolation) as e:
        s.issue_certificate(town.m[2], number="370102000001", issued=d(2024, 9, 25), destination="北京")
    assert e.value.rule_id == "certificate.unique_number"
    s.record_certificate(no, kind="presented", date=d(2024, 10, 1), org=town.branch_b)
    with pytest.raises(dy.RuleViolation) as e:
        s.record_certificate(no, kind="returned", date=d(2024, 11, 1))
    assert e.value.rule_id == "certificate.return_with_report"
    s.record_certificate(no, dy.CertificateReturned(date=d(2024, 11, 1), report="外出期间表现汇报"))
    with pytest.raises(dy.RuleViolation) as e:
        s.record_certificate(no, kind="reviewed", date=d(2024, 12, 1))
    assert e.value.rule_id == "certificate.closed_not_usable"
    table = s.certificates().to_pandas()
    assert list(table["number"]) == ["370102000001", "370102000002"]
    assert list(table["state"]) == ["returned", "issued"]
    stats = s.certificate_statistics(d(2024, 12, 1))
    by_state = stats.by_state.to_pandas()
    assert stats.valid == 1 and dict(zip(by_state["state"], by_state["count"]))["returned"] == 1


def test_certificate_numbering_and_document_advice_are_pure():
    n = dy.CertificateNumbering("33", 3)
    assert (n.next(), n.peek()) == ("33001", "33002")
    n.reserve("33002")
    assert n.next() == "33003" and n.taken("33002")
    with pytest.raises(dy.RuleViolation) as e:
        n.reserve("33001")
    assert e.value.rule_id == "certificate.unique_number"
    with pytest.raises(dy.InvalidInput) as e:
        dy.CertificateNumbering("33", 0)
    assert e.value.field == "digits"
    advice = dy.advise_document(expected_months=6, fixed_place=True)
    assert advice.document == dy.AbsenceDocument.transfer
    advice = dy.advise_document(expected_months=5, fixed_place=True)
    assert advice.document == dy.AbsenceDocument.activity_certificate
    assert dy.advise_document(expected_months=1, short_trip=True, members_together=3).temporary_org
    with pytest.raises(dy.InvalidInput) as e:
        dy.advise_document(members_together=0)
    assert e.value.field == "members_together"


def test_流动党员活动证通知2006_certificate_lost_reissue_a_pure_certificate_is_replaced_under_the_next_number():
    numbering = dy.CertificateNumbering("37", 4)
    issue = dy.CertificateIssue(member_name="张三", branch=dy.OrgId(3), issuing_committee=dy.OrgId(2),
                                issued=d(2024, 1, 10), destination="上海", expected_months=3)
    cert = dy.issue_certificate(numbering, dy.MemberId(1), issue)
    assert cert.number == "370001" and numbering.next_sequence == 2
    with pytest.raises(dy.RuleViolation) as e:
        dy.issue_certificate(numbering, dy.MemberId(1), issue.replace(issued=d(2024, 2, 1)), [cert])
    assert e.value.rule_id == "certificate.one_valid_per_member"
    replacement = issue.replace(issued=d(2024, 3, 2))
    fresh = dy.reissue_after_loss(cert, d(2024, 3, 1), "遗失", numbering, replacement, [cert])
    assert fresh.number == "370002" and fresh.issue.replaces == "370001"
    assert cert.records[-1].kind == dy.CertificateEventKind.lost  # the loss is recorded in place
    assert dy.valid_certificates_on([cert, fresh], d(2024, 3, 2)) == [fresh]
    with pytest.raises(dy.RuleViolation) as e:
        dy.check_certificate_record(cert, {"kind": "reviewed", "date": d(2024, 3, 5)})
    assert e.value.rule_id == "certificate.closed_not_usable"


def test_transfer_letter_validity_90_days_and_the_member_moves_on_receipt(town):
    s = town.store
    lid = s.issue_transfer_letter(serial="转〔2025〕1号", member=town.m[1], to_org=town.branch_b,
                                  issued=d(2025, 1, 1))
    letter = s.get_transfer_letter(lid)
    assert (letter.from_org, letter.to_name) == (town.branch_a, "机关第二党支部")
    assert dy.transfer_expiry_date(letter) == d(2025, 4, 1)
    assert dy.transfer_state_on(letter, d(2025, 4, 2)).state == dy.TransferState.expired
    assert dy.responsible_org_on(letter, None, d(2025, 4, 1)) == town.branch_a
    assert s.find_transfer_letter(town.branch_a, "转〔2025〕1号") == lid
    flight = s.transfers_in_flight(d(2025, 2, 1)).to_pandas()
    assert list(flight["days_outstanding"]) == [31] and list(flight["state"]) == ["issued"]
    with pytest.raises(dy.RuleViolation) as e:
        s.issue_transfer_letter(serial="转〔2025〕2号", member=town.m[1], to_org=town.village,
                                issued=d(2025, 2, 1))
    assert e.value.rule_id == "transfer.one_open_letter"
    with pytest.raises(dy.RuleViolation) as e:
        s.receive_transfer(lid, d(2025, 4, 2))
    assert e.value.rule_id == "transfer.letter_validity"
    assert s.get_member(town.m[1]).branch == town.branch_a
    s.receive_transfer(lid, d(2025, 4, 1), note="已报到")
    assert s.get_member(town.m[1]).branch == town.branch_b
    assert s.responsible_branch_on(town.m[1], d(2025, 3, 31)) == town.branch_a
    assert s.responsible_branch_on(town.m[1], d(2025, 4, 1)) == town.branch_b
    received = s.get_transfer_letter(lid)
    assert dy.responsible_org_on(received, None, d(2025, 4, 1)) == town.branch_b
    assert dy.responsible_org_on([received], town.branch_a, d(2025, 3, 31)) == town.branch_a
    moves = s.branch_moves(town.m[1]).to_pandas()
    assert list(moves["to_branch"]) == [town.branch_b.value] and moves["letter"][0] == lid.value
    with pytest.raises(TypeError):
        s.get_transfer_letter(1)


def test_条例2019_第24条_lostcontact_suspend_after_6_months_counted_from_the_last_contact(town):
    s = town.store
    m = town.m[2]
    s.open_contact_log(m, d(2024, 1, 31))
    with pytest.raises(dy.Conflict):
        s.open_contact_log(m, d(2024, 1, 31))
    with pytest.raises(dy.RuleViolation) as e:
        s.suspend_for_lost_contact(m, d(2024, 7, 31), "支部大会")  # nobody searched
    assert e.value.rule_id == "lostcontact.suspend_after_6_months"
    s.record_contact(m, kind="attempt_failed", date=d(2024, 3, 1), channel="电话", by="组织委员")
    with pytest.raises(dy.RuleViolation) as e:
        s.suspend_for_lost_contact(m, d(2024, 7, 30), "支部大会")  # 5 months 30 days
    assert e.value.rule_id == "lostcontact.suspend_after_6_months"
    s.suspend_for_lost_contact(m, d(2024, 7, 31), "支部大会")
    assert s.standing_on(m, d(2024, 7, 31)).state == dy.StandingState.suspended
    log = s.find_contact_log(m)
    assert dy.last_contact_on(log, d(2024, 8, 1)) == d(2024, 1, 31)
    assert dy.removal_due(s.standing_history(m), d(2024, 8, 1)) == d(2026, 7, 31)
    logs = s.contact_logs().to_pandas()
    assert list(logs["failed_attempts"]) == [1] and logs["last_contact"][0] == dt.datetime(2024, 1, 31)
    with pytest.raises(dy.InvalidInput) as e:
        s.record_contact(m, kind="reached", date=d(2024, 2, 1))  # before the last attempt
    assert e.value.field == "date"


def test_党章_第9条_lostcontact_self_withdrawal_6_months_dates():
    inputs = dy.SelfWithdrawalInputs(tracked_since=d(2024, 1, 1), last_org_life=d(2024, 8, 31),
                                     last_dues_month=d(2024, 8, 1))
    dates = {g.ground: g.from_ for g in dy.self_withdrawal_dates(inputs)}
    assert dates[dy.SelfWithdrawalGround.no_org_life] == d(2025, 2, 28)
    assert dates[dy.SelfWithdrawalGround.dues_unpaid] == d(2025, 3, 1)
    assert dy.self_withdrawal_grounds(inputs, d(2025, 2, 27)) == []
    assert len(dy.self_withdrawal_grounds(inputs, d(2025, 3, 1))) == 2
    with pytest.raises(dy.InvalidInput) as e:
        dy.SelfWithdrawalInputs(last_dues_month=d(2024, 8, 15))
    assert e.value.field == "last_dues_month"


def test_mobility_statistics_come_back_as_tables(town):
    s = town.store
    leave(town, 0)
    leave(town, 1, place="上海市浦东新区")
    leave(town, 2, on=d(2025, 1, 10), place="上海市浦东新区")
    st = s.mobility_statistics(d(2025, 3, 1))
    assert (st.away, st.mobile, st.registered) == (3, 2, 0)
    places = st.by_destination.to_pandas()
    assert list(places["key"]) == ["上海市浦东新区", "广东省深圳市南山区"] and list(places["away"]) == [2, 1]
    assert list(st.by_reason.to_pandas()["key"]) == ["work_business"]
    assert st.by_home_branch.to_pandas()["org"][0] == town.branch_a.value


def test_episodes_and_certificates_survive_a_file_store_reopened(store_path):
    with dy.open_store(store_path) as s:
        top = s.add_org(name="区委", kind="higher_committee", established=d(1990, 1, 1))
        street = s.add_org(name="街道党工委", kind="working_committee", parent=top, established=d(2000, 1, 1))
        branch = s.add_org(name="社区党支部", kind="branch", parent=street, established=d(2001, 1, 1))
        host = s.add_org(name="流入地党支部", kind="branch", parent=street, established=d(2001, 1, 1))
        m = s.add_member(full_member(branch, "王五", d(2010, 7, 1), 9))
        eid = s.open_episode(m, date=d(2024, 3, 1), place="杭州", fixed_place=True, expected_months=4)
        s.record_episode(eid, kind="reported_to_host", date=d(2024, 3, 5), host_org=host)
        no = s.issue_certificate(m, issued=d(2024, 2, 28), destination="杭州", expected_months=4)
        s.record_certificate(no, kind="presented", date=d(2024, 3, 5), org=host)
        s.record_episode(eid, kind="dues_paid_at_host", date=d(2024, 3, 20), dues_month="2024-03",
                         dues_months=2, amount_fen=3000)
        before = (s.get_episode(eid), s.get_certificate(no))
    with dy.open_store(store_path, create=False) as s:
        assert (s.get_episode(eid), s.get_certificate(no)) == before
        ep = s.get_episode(eid)
        assert ep.records[-1].dues_month == d(2024, 3, 1) and ep.records[-1].amount_fen == 3000
        assert dy.episode_state_on(ep, d(2024, 4, 1)).dues_paid_through == d(2024, 4, 1)
