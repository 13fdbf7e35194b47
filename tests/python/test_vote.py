"""Branch-meeting votes (bind_vote.cpp)."""

import pytest

import dangyuan as dy


def test_a_vote_is_a_record_of_counts():
    v = dy.BranchVote(entitled=9, present=6, yes=5, no=1)
    assert (v.entitled, v.present, v.written_opinions, v.yes, v.no, v.abstain) == (9, 6, 0, 5, 1, 0)
    assert v == dy.BranchVote(entitled=9, present=6, yes=5, no=1)
    assert repr(v) == "BranchVote(entitled=9, present=6, yes=5, no=1)"
    with pytest.raises(TypeError):
        dy.BranchVote(entitled=9.0)
    with pytest.raises(TypeError, match="BranchVote has no field 'voters'"):
        dy.BranchVote(voters=3)


def test_细则2014_第20条_vote_quorum_over_half_more_than_half_must_be_present():
    assert not dy.quorate(dy.BranchVote(entitled=10, present=5))
    assert dy.quorate(dy.BranchVote(entitled=10, present=6))
    with pytest.raises(dy.RuleViolation) as e:
        dy.require_quorum(dy.BranchVote(entitled=10, present=5, yes=5))
    assert e.value.rule_id == "vote.quorum_over_half"
    assert e.value.citation == "中国共产党发展党员工作细则(2014) 第20条 [C]"


def test_细则2014_第21条_vote_majority_of_entitled_yes_must_exceed_half_of_those_entitled():
    dy.require_passed(dy.BranchVote(entitled=10, present=8, yes=6, no=2))
    assert not dy.passes(dy.BranchVote(entitled=10, present=8, yes=5, no=3))
    with pytest.raises(dy.RuleViolation) as e:
        dy.require_passed(dy.BranchVote(entitled=10, present=8, yes=5, no=3))
    assert e.value.rule_id == "vote.majority_of_entitled"


def test_impossible_counts_name_the_count():
    with pytest.raises(dy.InvalidInput) as e:
        dy.validate_counts(dy.BranchVote(entitled=5, present=6))
    assert e.value.field == "present"
    with pytest.raises(dy.InvalidInput) as e:
        dy.validate_counts(dy.BranchVote(entitled=5, present=3, written_opinions=3))
    assert e.value.field == "written_opinions"
