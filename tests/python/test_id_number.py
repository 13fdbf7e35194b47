"""Citizen ID numbers (bind_id_number.cpp): CitizenId, the GB 11643 helpers, check_id_numbers."""

import pickle

import pytest

import dangyuan as dy
from conftest import d

VALID = "11010519491231002X"  # the example number of GB 11643-1999
LEGACY = "110105491231002"


def test_gb11643_a_valid_number_gives_its_parts():
    n = dy.CitizenId(VALID)
    assert str(n) == VALID and repr(n) == f"CitizenId('{VALID}')"
    assert n.birth_date == d(1949, 12, 31)
    assert n.sex == dy.Sex.female
    assert (n.address_code, n.province_code, n.province_name) == ("110105", "11", "北京市")
    assert (n.sequence_code, n.check_character) == ("002", "X")
    assert n.masked() == "110105************"
    assert not n.converted_from_15


def test_gb11643_lowercase_x_is_accepted_and_stored_uppercase():
    assert str(dy.CitizenId.parse(VALID.lower())) == VALID


def test_gb11643_1989_id_gb11643_legacy_15_numbers_are_converted():
    n = dy.CitizenId(LEGACY)
    assert str(n) == VALID and n.converted_from_15
    assert n == dy.CitizenId(VALID)
    assert dy.upgrade_15_to_18(LEGACY) == VALID
    again = pickle.loads(pickle.dumps(n))
    assert again == n and again.converted_from_15


@pytest.mark.parametrize(
    "text, kind",
    [
        ("110105194912310021", dy.IdNumberError.bad_check_character),
        ("1101051949123100", dy.IdNumberError.bad_length),
        ("99010519491231002X", dy.IdNumberError.bad_province),
        ("110105194902300020", dy.IdNumberError.impossible_date),
        ("11010519491231002A", dy.IdNumberError.bad_character),
        (" " + VALID, dy.IdNumberError.bad_character),
    ],
)
def test_gb11643_rejected_numbers_raise_invalid_id_number_with_field_and_kind(text, kind):
    with pytest.raises(dy.InvalidIdNumber) as e:
        dy.CitizenId(text)
    assert e.value.field == "id_number"
    assert e.value.kind == kind
    assert isinstance(e.value, dy.InvalidInput)
    assert dy.CitizenId.try_parse(text) is None
    assert not dy.CitizenId.is_valid(text)


def test_gb11643_iso7064_id_gb11643_checksum_names_the_expected_check_character():
    with pytest.raises(dy.InvalidIdNumber) as e:
        dy.CitizenId("110105194912310021")
    assert e.value.expected_check == "X"
    assert dy.gb11643_check_character("11010519491231002") == "X"
    with pytest.raises(dy.InvalidIdNumber):
        dy.gb11643_check_character("1101051949123100")


def test_province_helpers():
    assert dy.province_name("110105") == "北京市"
    assert dy.province_name("99") is None
    assert dy.is_id_province_code("83") and not dy.is_id_province_code("71")


def test_citizen_ids_are_ordered_hashable_values():
    a, b = dy.CitizenId(VALID), dy.CitizenId(VALID)
    assert a == b and hash(a) == hash(b) and a != VALID
    assert len({a, b}) == 1


def test_check_id_numbers_checks_a_column_without_raising():
    checks = dy.check_id_numbers([VALID, LEGACY, "110105194912310021", None, float("nan"), 11010519491231002])
    assert len(checks) == 6
    assert [c.valid for c in checks] == [True, True, False, False, False, False]
    assert checks[2].error == dy.IdNumberError.bad_check_character
    assert "expected 'X'" in checks[2].message
    assert checks[3].error is None and checks[3].message == "missing"
    frame = checks.to_pandas()
    assert frame["valid"].tolist() == [True, True, False, False, False, False]
    assert frame["id_number"].tolist()[:2] == [VALID, VALID]
    assert frame["converted_from_15"].tolist()[:2] == [False, True]
    assert frame["sex"].tolist()[0] == "female"
    assert frame["error"].tolist()[2] == "bad_check_character"
    assert frame["error"].tolist()[5] == "bad_length"  # an int is read as its digits
    assert frame["province"].tolist()[0] == "北京市"


def test_check_id_numbers_refuses_floats():
    with pytest.raises(TypeError, match="id_number: expected str, got float"):
        dy.check_id_numbers([1.1010519491231002e17])


def test_a_member_id_number_is_parsed_from_text_and_names_the_field():
    m = dy.Member()
    m.id_number = VALID
    assert m.id_number == dy.CitizenId(VALID)
    with pytest.raises(dy.InvalidIdNumber) as e:
        m.id_number = "110105194912310021"
    assert e.value.field == "id_number"
    with pytest.raises(TypeError, match="id_number: expected str or CitizenId"):
        m.id_number = 11010519491231002
