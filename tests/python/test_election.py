"""Elections (bind_election.cpp): 换届选举 / 两推一选 records of every kind, the thresholds, the case with its
state and agenda, and the store methods (open_election, record_election, get_election, elections,
election_completion)."""

import pickle

import pytest

import dangyuan as dy
from conftest import District, d, full_member

REQUEST = {"date": d(2026, 3, 1), "seats": 5, "planned_on": d(2026, 4, 1), "document": "东村党支部〔2026〕1号"}


class Village:
    """Ten full members of the village branch (a first election: no term start), one of branch A and
    one probationary member of the village, in a store whose clock is pinned."""

    def __init__(self, store):
        self.s = s = store
        self.district = District(s)
        self.org = self.district.village
        self.v = [s.add_member(full_member(self.org, f"村民党员{i}", d(2010, 7, 1), i + 1)) for i in range(10)]
        self.outsider = s.add_member(full_member(self.district.branch_a, "社区党员", d(2010, 7, 1), 40))
        probationary = full_member(self.org, "预备党员", d(2025, 12, 1), 50)
        del probationary["full_member_date"]
        self.probationary = s.add_member(probationary)

    def procedure(self):
        """The records after the request, up to the secretary's approval, in the forms Python takes."""
        v = self.v
        return [
            dy.RequestApproved(date=d(2026, 3, 5), approved_by="区委", document="区委组〔2026〕5号"),
            dy.MembersNominated(date=d(2026, 3, 10), nominees=[
                dy.Nomination(nominee=v[0], count=9), dy.Nomination(nominee=v[1], count=8),
                {"nominee": v[2], "count": 8}, {"nominee": v[3], "count": 7}, {"nominee": v[4], "count": 6},
                {"nominee": v[5], "count": 5}]),
            {"kind": "群众推荐", "date": d(2026, 3, 11), "nominees": [{"nominee": v[0], "count": 40},
                                                                      {"nominee": v[6], "count": 3}],
             "note": "群众推荐会"},
            dy.CommitteeReviewed(date=d(2026, 3, 15), shortlist=v[:6]),
            dy.CandidatesApproved(date=d(2026, 3, 20), candidates=v[:6], approved_by="区委",
                                  document="区委组〔2026〕9号"),
            dy.MeetingHeld(date=d(2026, 4, 1), attendance=dy.ElectionAttendance(entitled=10, present=9)),
            dy.RoundCounted(
                date=d(2026, 4, 1),
                counts=dy.RoundCounts(seats=5, voters_present=9, ballots_issued=9, ballots_returned=9),
                tallies=[dy.CandidateTally(candidate=v[0], votes_for=9),
                         dy.CandidateTally(candidate=v[1], votes_for=8, against=1),
                         dy.CandidateTally(candidate=v[2], votes_for=7, against=1, abstain=1),
                         dy.CandidateTally(candidate=v[3], votes_for=6),
                         dy.CandidateTally(candidate=v[4], votes_for=5),
                         dy.CandidateTally(candidate=v[5], votes_for=4)],
                write_ins=[dy.WriteIn(name="李四", votes=1)]),
            dy.CommitteeElected(date=d(2026, 4, 1), members=v[:5]),
            dy.SecretaryElected(date=d(2026, 4, 1), secretary=v[0], deputies=[v[1]]),
            dy.ResultReported(date=d(2026, 4, 3), reported_to="区委", document="东村党支部〔2026〕2号"),
            dy.SecretaryApproved(date=d(2026, 4, 10), approved_by="区委", document="区委组〔2026〕12号"),
        ]


@pytest.fixture
def village():
    with dy.open_store(":memory:", actor="tester", today=d(2026, 11, 30)) as s:
        yield Village(s)


def snapshot(s, eid):
    """What a refused command must leave unchanged: the replayed case, the list and the audit trail."""
    return s.get_election(eid), list(s.elections()), len(s.audit_log())


def test_enums_have_codes_and_chinese_names():
    assert dy.ElectionStage.all()[0] == dy.ElectionStage.not_started
    assert dy.ElectionStage.completed.chinese_name == "已批准"
    assert dy.ElectionStage.parse("候选人已批准") == dy.ElectionStage.candidates_approved
    assert dy.ElectionMeeting.delegates_meeting.chinese_name == "党员代表大会"
    assert dy.ElectionMeeting.parse("党员大会") == dy.ElectionMeeting.members_meeting
    kinds = dy.ElectionRecordKind.all()
    assert len(kinds) == 14
    assert [k.code for k in kinds[:3]] == ["election_requested", "request_approved", "members_nominated"]
    assert dy.ElectionRecordKind.meeting_held.chinese_name == "召开选举大会"
    assert dy.ElectionRecordKind.parse("上级批准书记") == dy.ElectionRecordKind.secretary_approved
    with pytest.raises(dy.InvalidInput) as e:
        dy.ElectionRecordKind.parse("投票")
    assert e.value.field == "kind"


def test_every_record_kind_is_a_class_named_by_code_enum_or_chinese_name():
    classes = [dy.ElectionRequested, dy.RequestApproved, dy.MembersNominated, dy.MassesNominated,
               dy.CommitteeReviewed, dy.CandidatesApproved, dy.MeetingHeld, dy.RoundCounted,
               dy.CommitteeElected, dy.SecretaryElected, dy.ResultReported, dy.SecretaryApproved,
               dy.TermExtended, dy.TermAdvanced]
    for cls, kind in zip(classes, dy.ElectionRecordKind.all()):
        record = cls(date=d(2026, 3, 1), **({"seats": 1, "planned_on": d(2026, 3, 1)}
                                            if cls is dy.ElectionRequested else
                                            {"secretary": dy.MemberId(1)} if cls is dy.SecretaryElected else
                                            {"until": d(2027, 1, 1)} if cls is dy.TermExtended else
                                            {"from_": d(2026, 1, 1)} if cls is dy.TermAdvanced else {}))
        assert record.kind == kind
        assert dy.election_record_kind(record) == kind.code
    fields = {"date": d(2026, 4, 1), "attendance": {"entitled": 10, "present": 9}}
    by_code = dy.election_record_kind({"kind": "meeting_held", **fields})
    by_enum = dy.election_record_kind({"kind": dy.ElectionRecordKind.meeting_held, **fields})
    by_chinese = dy.election_record_kind({"kind": "召开选举大会", **fields})
    assert by_code == by_enum == by_chinese == "meeting_held"
    # MeetingHeld's meeting form is `meeting` (the C++ field `kind`): `kind` names the record kind.
    meeting = dy.MeetingHeld(date=d(2026, 4, 1), meeting="党员代表大会", dispersed=True)
    assert meeting.meeting == dy.ElectionMeeting.delegates_meeting
    assert meeting.kind == dy.ElectionRecordKind.meeting_held
    assert pickle.loads(pickle.dumps(meeting)) == meeting
    with pytest.raises(dy.InvalidInput) as e:
        dy.election_record_kind({"kind": "vote_counted", "date": d(2026, 4, 1)})
    assert e.value.field == "kind"
    with pytest.raises(dy.InvalidInput) as e:
        dy.election_record_kind({"kind": "meeting_held", "date": d(2026, 4, 1), "seats": 3})
    assert e.value.field == "seats"
    with pytest.raises(dy.InvalidInput) as e:
        dy.ElectionRequested(date=d(2026, 3, 1), seats=5)
    assert e.value.field == "planned_on"


def test_thresholds():
    assert dy.election_quorate({"entitled": 10, "present": 9})
    assert not dy.election_quorate(dy.ElectionAttendance(entitled=10, present=8))
    with pytest.raises(dy.RuleViolation) as e:
        dy.require_election_quorum({"entitled": 10, "present": 8})
    assert e.value.rule_id == "election.quorum_over_4_5"
    with pytest.raises(dy.InvalidInput) as e:
        dy.require_election_quorum({"entitled": 10, "present": 11})
    assert e.value.field == "present"
    assert dy.minimum_candidates(5) == 6
    assert dy.minimum_candidates(7) == 9
    assert dy.competitive_enough(5, 6) and not dy.competitive_enough(5, 5)
    with pytest.raises(dy.RuleViolation) as e:
        dy.require_competitive(5, 5)
    assert e.value.rule_id == "election.candidates_exceed_seats_20_percent"
    assert dy.has_majority(5, 9) and not dy.has_majority(4, 8)
    a, b, c = dy.MemberId(1), dy.MemberId(2), dy.MemberId(3)
    counts = {"seats": 1, "voters_present": 9, "ballots_issued": 9, "ballots_returned": 9}
    tied = dy.count_round(counts, [{"candidate": a, "votes_for": 5}, {"candidate": b, "votes_for": 5},
                                   {"candidate": c, "votes_for": 1}])
    assert tied.elected == [] and tied.tied == [a, b] and tied.unfilled == 1
    assert tied.rule_id == "election.elected_over_half_present"
    void = dy.count_round({**counts, "ballots_returned": 10, "ballots_issued": 9}, [])
    assert void.void_round and void.rule_id == "election.ballots_not_exceeding_issued"
    with pytest.raises(dy.InvalidInput) as e:
        dy.count_round(counts, [{"candidate": a, "votes_for": 10}])
    assert e.value.field == "votes_for"
    assert dy.extension_allowed(d(2026, 1, 15), d(2027, 1, 15))
    assert not dy.extension_allowed(d(2026, 1, 15), d(2027, 1, 16))
    with pytest.raises(dy.RuleViolation) as e:
        dy.require_term_change(dy.TermChange(term_ends=d(2026, 1, 15), held_on=d(2026, 2, 1)))
    assert e.value.rule_id == "election.term_change_approved"
    assert dy.delegates_meeting_allowed(500, False) and not dy.delegates_meeting_allowed(499, False)
    with pytest.raises(dy.RuleViolation) as e:
        dy.require_meeting_form(dy.ElectionMeeting.delegates_meeting, 120, False)
    assert e.value.rule_id == "election.delegates_meeting_500"
    assert dy.may_vote_and_stand({"full_member": True})
    with pytest.raises(dy.RuleViolation) as e:
        dy.require_may_stand(dy.ElectoralStanding(full_member=True, on_probation_in_party=True), "member 3")
    assert e.value.rule_id == "election.full_members_only"


def test_full_election_in_the_store_installs_the_leadership_on_the_approval(village):
    s, v = village.s, village.v
    eid = s.open_election(village.org, why="换届", **REQUEST)
    assert isinstance(eid, dy.ElectionId)
    assert s.get_election(eid).stage == dy.ElectionStage.requested
    agenda = s.agenda(d(2026, 3, 2), village.org)
    assert "election.request_pending" in [item.kind for item in agenda]
    for record in village.procedure():
        if isinstance(record, dy.SecretaryApproved):
            # Elected and reported, not yet approved: no leadership, the approval is on the agenda.
            assert s.leadership(village.org, d(2026, 4, 9)) == []
            items = [i for i in s.agenda(d(2026, 4, 5), village.org) if i.kind.startswith("election.")]
            assert [i.kind for i in items] == ["election.secretary_approval_pending"]
            assert items[0].rule_id == "election.secretary_approved_by_higher"
        s.record_election(eid, record)
    case = s.get_election(eid)
    assert case.org == village.org and case.org_name == "东村党支部" and case.term_ends is None
    assert len(case.records) == 12
    assert isinstance(case.records[0], dy.ElectionRequested)
    assert isinstance(case.records[3], dy.MassesNominated) and case.records[3].note == "群众推荐会"
    assert case.records[7].write_ins == [dy.WriteIn(name="李四", votes=1)]
    assert case.stage == dy.ElectionStage.completed
    state = case.state
    assert state.committee == v[:5] and state.secretary == v[0] and state.deputies == [v[1]]
    assert state.nominations[v[0]] == 49
    assert state.meeting.attendance == dy.ElectionAttendance(entitled=10, present=9)
    assert state.completed_on == d(2026, 4, 10)
    assert case.state_on(d(2026, 4, 2)).stage == dy.ElectionStage.secretary_elected

    # The new committee is in office from the approval; the term counts from the electing meeting.
    lead = s.leadership(village.org, d(2026, 4, 10))
    assert [(o.member, o.role) for o in lead] == [
        (v[0], dy.OfficerRole.secretary), (v[1], dy.OfficerRole.deputy_secretary),
        (v[2], dy.OfficerRole.committee_member), (v[3], dy.OfficerRole.committee_member),
        (v[4], dy.OfficerRole.committee_member)]
    assert dy.elected_leadership(state) == lead
    assert s.leadership(village.org, d(2026, 4, 9)) == []
    assert s.org(village.org).term_start == d(2026, 4, 1)
    assert not [i for i in s.agenda(d(2026, 4, 11), village.org) if i.kind.startswith("election.")]

    table = s.elections()
    assert isinstance(table, dy.Elections) and len(table) == 1
    assert table[0].id == eid and table[0].stage == dy.ElectionStage.completed
    assert table[0].requested_on == d(2026, 3, 1) and table[0].completed_on == d(2026, 4, 10)
    frame = table.to_pandas(labels="chinese")
    assert list(frame.columns) == ["id", "org", "org_name", "term_ends", "stage", "requested_on",
                                   "completed_on"]
    assert frame["stage"][0] == "已批准"
    assert len(s.elections(village.district.street)) == 0
    audit = [e for e in s.audit_log() if e.entity == "election"]
    assert len(audit) == 12 and audit[0].action == "open" and audit[0].why == "换届"

    # The next election has the term just begun: 5 years for a village branch.
    nxt = s.open_election(village.org, date=d(2026, 6, 1), seats=5, planned_on=d(2031, 4, 1), document="请示")
    assert s.get_election(nxt).term_ends == d(2031, 4, 1)


def test_refused_records_name_the_rule_or_field_and_change_nothing(village):
    s, v = village.s, village.v
    eid = s.open_election(village.org, dy.ElectionRequested(**REQUEST))
    steps = village.procedure()
    s.record_election(eid, steps[0])
    before = snapshot(s, eid)

    # Out of order: the meeting before any nomination.
    with pytest.raises(dy.RuleViolation) as e:
        s.record_election(eid, kind="meeting_held", date=d(2026, 4, 1), attendance={"entitled": 10, "present": 9})
    assert e.value.rule_id == "election.steps_in_order"
    # A probationary member neither votes nor stands.
    with pytest.raises(dy.RuleViolation) as e:
        s.record_election(eid, kind=dy.ElectionRecordKind.members_nominated, date=d(2026, 3, 10),
                          nominees=[{"nominee": village.probationary, "count": 3}])
    assert e.value.rule_id == "election.full_members_only"
    # A member of another organisation is not a nominee here.
    with pytest.raises(dy.InvalidInput) as e:
        s.record_election(eid, {"kind": "党员推荐", "date": d(2026, 3, 10),
                                "nominees": [{"nominee": village.outsider, "count": 3}]})
    assert e.value.field == "nominees"
    # Dates never go backwards; no record in the future.
    with pytest.raises(dy.InvalidInput) as e:
        s.record_election(eid, dy.MembersNominated(date=d(2026, 3, 4), nominees=[dy.Nomination(nominee=v[0], count=1)]))
    assert e.value.field == "date"
    with pytest.raises(dy.RuleViolation) as e:
        s.record_election(eid, dy.MembersNominated(date=d(2026, 12, 1), nominees=[dy.Nomination(nominee=v[0], count=1)]))
    assert e.value.rule_id == "record.not_in_future"
    assert snapshot(s, eid) == before

    for record in steps[1:4]:
        s.record_election(eid, record)
    before = snapshot(s, eid)
    with pytest.raises(dy.RuleViolation) as e:
        s.record_election(eid, steps[4].replace(candidates=v[:5]))
    assert e.value.rule_id == "election.candidates_exceed_seats_20_percent"
    assert snapshot(s, eid) == before

    with pytest.raises(dy.NotFound):
        s.record_election(dy.ElectionId(999), steps[4])
    with pytest.raises(dy.NotFound):
        s.get_election(dy.ElectionId(999))
    with pytest.raises(dy.Conflict):
        s.open_election(village.org, **REQUEST)
    with pytest.raises(TypeError):
        s.record_election(eid, steps[4], date=d(2026, 3, 20))
    with pytest.raises(TypeError):
        s.record_election(3, steps[4])
    assert snapshot(s, eid) == before


def test_a_branch_without_a_committee_elects_its_secretary_at_the_meeting(village):
    """支部工作条例 第20条、第21条: fewer than 7 full members, no committee; the meeting elects the secretary."""
    s, a = village.s, village.outsider
    b = s.add_member(full_member(village.district.branch_a, "社区党员乙", d(2010, 7, 1), 41))
    request = {"date": d(2026, 3, 1), "seats": 2, "planned_on": d(2026, 12, 20), "document": "请示"}
    # Branch A has two full members: a committee is refused, and the village (ten) may not go without one.
    with pytest.raises(dy.RuleViolation) as e:
        s.open_election(village.district.branch_a, **request)
    assert e.value.rule_id == "org.committee_threshold_7"
    with pytest.raises(dy.RuleViolation) as e:
        s.open_election(village.org, without_committee=True, **request)
    assert e.value.rule_id == "org.committee_threshold_7"
    eid = s.open_election(village.district.branch_a, without_committee=True, **request)
    assert s.get_election(eid).records[0].without_committee
    for r in [
        dy.RequestApproved(date=d(2026, 3, 5), approved_by="街道党工委", document="批复"),
        dy.TermAdvanced(date=d(2026, 3, 6), from_=d(2026, 11, 20), approved_by="街道党工委", document="同意",
                        reason="书记调动"),
        dy.MembersNominated(date=d(2026, 3, 10), nominees=[{"nominee": a, "count": 2}, {"nominee": b, "count": 2}]),
        dy.CommitteeReviewed(date=d(2026, 3, 15), shortlist=[a, b]),
        # One candidate per seat (等额) is enough without a committee.
        dy.CandidatesApproved(date=d(2026, 3, 20), candidates=[a, b], approved_by="街道党工委", document="同意"),
        dy.MeetingHeld(date=d(2026, 11, 20), attendance=dy.ElectionAttendance(entitled=2, present=2)),
        dy.RoundCounted(date=d(2026, 11, 20),
                        counts=dy.RoundCounts(seats=2, voters_present=2, ballots_issued=2, ballots_returned=2),
                        tallies=[dy.CandidateTally(candidate=a, votes_for=2),
                                 dy.CandidateTally(candidate=b, votes_for=2)]),
    ]:
        s.record_election(eid, r)
    with pytest.raises(dy.RuleViolation) as e:
        s.record_election(eid, dy.CommitteeElected(date=d(2026, 11, 20), members=[a, b]))
    assert e.value.rule_id == "election.secretary_by_meeting_without_committee"
    s.record_election(eid, dy.SecretaryElected(date=d(2026, 11, 20), secretary=b, deputies=[a]))
    assert dy.election_state_of(s.get_election(eid)).without_committee


def test_the_case_object_checks_against_the_callers_facts():
    a, b = dy.MemberId(1), dy.MemberId(2)
    case = dy.ElectionCase(org=dy.OrgId(5), org_name="东村党支部")
    ctx = {"members": 10, "standing": {a: {"full_member": True}, b: dy.ElectoralStanding(full_member=False)}}
    case.record(dy.ElectionRequested(**REQUEST), context=ctx)
    case.record(kind="request_approved", date=d(2026, 3, 5), approved_by="区委", document="批复", context=ctx)
    with pytest.raises(dy.RuleViolation) as e:
        dy.check_election_record(case, {"kind": "members_nominated", "date": d(2026, 3, 10),
                                        "nominees": [{"nominee": b, "count": 2}]}, ctx)
    assert e.value.rule_id == "election.full_members_only"
    with pytest.raises(dy.InvalidInput) as e:
        dy.check_election_record(case, dy.MembersNominated(date=d(2026, 3, 10), nominees=[
            dy.Nomination(nominee=dy.MemberId(3), count=2)]), dy.ElectionContext(members=10))
    assert e.value.field == "nominees"
    assert len(case.records) == 2
    assert dy.election_state_of(case).stage == dy.ElectionStage.request_approved
    assert dy.election_state_on(case, d(2026, 3, 2)).stage == dy.ElectionStage.requested
    assert [i.kind for i in dy.election_agenda(case, d(2026, 3, 3))] == ["election.request_pending"]
    assert len(dy.election_agenda(case, d(2026, 3, 6))) == 0


def test_completion_of_elections(village):
    s = village.s
    # Branch A's term (from 2021-12-20, 5 years for a community branch) ends in 2026; branch B's in 2027.
    assert s.election_completion(2026, d(2026, 11, 30)) == dy.ElectionCompletion(year=2026, due=1)
    assert s.election_completion(2026, d(2026, 11, 30), village.district.street).due == 1
    assert s.election_completion(2027, d(2026, 11, 30)).due == 1
    terms = [dy.TermAndElection(org=dy.OrgId(1), term_ends=d(2026, 5, 1)), {"org": dy.OrgId(2)}]
    done = dy.election_completion_of(terms, 2026, d(2026, 6, 1))
    assert (done.due, done.held, done.overdue) == (1, 0, 1)


def test_flow_chart_is_mermaid_from_the_transition_table():
    chart = dy.election_flow_chart()
    assert chart.startswith("flowchart TD\n")
    assert "召开选举大会" in chart and "n_round_counted --> n_round_counted" in chart
