"""The masking policy (bind_member.cpp): masking_policy() and mask_field() follow member/masking.hpp."""

import pytest

import dangyuan as dy


def test_the_policy_is_a_read_only_table_covering_every_member_field():
    policy = dy.masking_policy()
    assert isinstance(policy, tuple) and all(isinstance(row, tuple) and len(row) == 4 for row in policy)
    rules = {(record, field): rule for record, field, rule, _ in policy}
    for field in ("name", "sex", "birth_date", "id_number", "phone", "address", "native_place"):
        assert ("member", field) in rules
    assert rules[("member", "name")] == "shown"
    assert rules[("member", "id_number")] == "id_region_only"
    assert rules[("member", "birth_date")] == "year_only"
    assert rules[("member", "phone")] == "phone_3_4"
    assert rules[("member", "address")] == "county_level"
    assert rules[("applicant", "birth_date")] == "year_only"


def test_mask_field_applies_the_policy():
    assert dy.mask_field("member", "id_number", "11010519491231002X") == "110105************"
    assert dy.mask_field("member", "birth_date", "1949-12-31") == "1949"
    assert dy.mask_field("member", "phone", "13812345678") == "138****5678"
    assert dy.mask_field("member", "address", "山东省济南市历下区泉城路1号") == "山东省济南市历下区****"
    assert dy.mask_field("member", "address", "泉城路1号") == "****"
    assert dy.mask_field("member", "name", "张建国") == "张建国"
    # CitizenId.masked() is the same rule.
    assert dy.CitizenId("11010519491231002X").masked() == dy.mask_field("member", "id_number", "11010519491231002X")


def test_mask_field_refuses_what_the_policy_does_not_know():
    with pytest.raises(dy.InvalidInput) as e:
        dy.mask_field("member", "salary", "1000")
    assert e.value.field == "field"
    with pytest.raises(dy.InvalidInput) as e:
        dy.mask_field("person", "name", "张建国")
    assert e.value.field == "record"
