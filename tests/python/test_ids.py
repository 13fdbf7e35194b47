"""Strong ids (bind_ids.cpp): hashable value types that never mix kinds."""

import pickle

import numpy as np
import pytest

import dangyuan as dy

ID_TYPES = [dy.MemberId, dy.OrgId, dy.CaseId, dy.EpisodeId, dy.CampaignId, dy.MeetingId]


@pytest.mark.parametrize("cls", ID_TYPES)
def test_an_id_is_a_value_with_repr_hash_and_equality(cls):
    a, b = cls(7), cls(7)
    assert a.value == 7 and a.valid
    assert a == b and not (a != b) and hash(a) == hash(b)
    assert repr(a) == f"{cls.__name__}(7)"
    assert len({a, b, cls(8)}) == 2
    assert cls(3) < cls(4) <= cls(4) and cls(5) > cls(4) >= cls(4)
    assert pickle.loads(pickle.dumps(a)) == a
    assert not cls(0).valid and not cls(-1).valid


def test_ids_of_different_kinds_are_never_equal():
    assert dy.MemberId(1) != dy.OrgId(1)
    assert not (dy.MemberId(1) == dy.OrgId(1))
    assert dy.MemberId(1) != 1
    assert {dy.MemberId(1): "m"}.get(dy.OrgId(1)) is None
    with pytest.raises(TypeError):
        dy.MemberId(1) < dy.OrgId(2)


def test_an_id_is_built_from_an_integer_only():
    assert dy.OrgId(np.int64(5)) == dy.OrgId(5)
    for bad in (1.0, "1", True, dy.MemberId(1), None):
        with pytest.raises(TypeError):
            dy.OrgId(bad)


def test_store_methods_refuse_a_bare_int_or_another_kind_of_id(district):
    with pytest.raises(TypeError):
        district.store.get_member(1)
    with pytest.raises(TypeError):
        district.store.get_member(dy.OrgId(1))
    with pytest.raises(TypeError, match="branch: expected OrgId"):
        dy.Member(name="x", branch=dy.MemberId(1))
    with pytest.raises(TypeError, match=r"wrap the number: dangyuan.OrgId\(n\)"):
        dy.Member(name="x", branch=1)
