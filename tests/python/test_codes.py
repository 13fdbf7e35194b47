"""Code tables (bind_codes.cpp): Python enums with codes, Chinese names and parsing."""

import pytest

import dangyuan as dy

TABLES = [
    (dy.Sex, 4),
    (dy.Ethnicity, 58),
    (dy.Education, 40),
    (dy.PersonnelCategory, 9),
    (dy.PoliticalStatus, 13),
]


@pytest.mark.parametrize("enum, count", TABLES)
def test_every_value_parses_back_from_its_code_name_and_chinese_name(enum, count):
    values = enum.all()
    assert len(values) == count
    assert [v.value for v in values] == sorted(v.value for v in values)  # code order
    for v in values:
        assert enum.parse(v.code) == v
        assert enum.parse(v.name) == v
        assert enum.parse(v.chinese_name) == v
        assert v.english_name


def test_values_carry_the_official_codes_and_names():
    assert dy.Sex.female.code == "2" and dy.Sex.female.chinese_name == "女性" and dy.Sex.female.value == 2
    assert dy.Ethnicity.zang.code == "04" and dy.Ethnicity.zang.chinese_name == "藏族"
    assert dy.Ethnicity.zang.alpha_code == "ZA" and not dy.Ethnicity.zang.is_sector_extension
    assert dy.Ethnicity.foreign_origin.is_sector_extension
    assert dy.Education.undergraduate_completed.code == "22"
    assert dy.Education.undergraduate_completed.level == 2
    assert dy.Education.undergraduate_completed.level_row == dy.Education.undergraduate
    assert dy.Education.junior_college_incomplete.tertiary_or_higher
    assert not dy.Education.senior_high_graduated.tertiary_or_higher
    assert dy.Education.primary.is_level_row
    assert not dy.PersonnelCategory.military.in_current_bulletin
    assert dy.PoliticalStatus.cpc_probationary_member.is_cpc_member
    assert not dy.PoliticalStatus.masses.is_cpc_member


def test_parse_accepts_aliases_and_numeric_codes_without_zeros():
    assert dy.Sex.parse("男") == dy.Sex.male
    assert dy.Ethnicity.parse("汉") == dy.Ethnicity.han
    assert dy.Ethnicity.parse("ha") == dy.Ethnicity.han
    assert dy.Ethnicity.parse("1") == dy.Ethnicity.han
    assert dy.Education.parse("大专") == dy.Education.junior_college
    assert dy.PersonnelCategory.parse("工人") == dy.PersonnelCategory.worker
    assert dy.PoliticalStatus.parse("预备党员") == dy.PoliticalStatus.cpc_probationary_member


def test_parse_rejects_unknown_text_naming_the_field():
    with pytest.raises(dy.InvalidInput) as e:
        dy.Sex.parse("3")
    assert e.value.field == "sex"
    with pytest.raises(dy.InvalidInput) as e:
        dy.Ethnicity.parse("汉族 ")  # whitespace is not trimmed
    assert e.value.field == "ethnicity"


def test_record_fields_take_the_enum_or_its_text_and_name_the_record_field():
    m = dy.Member()
    m.sex, m.ethnicity, m.education, m.category = "女", "回族", "21", "学生"
    assert (m.sex, m.ethnicity, m.education, m.category) == (
        dy.Sex.female, dy.Ethnicity.hui, dy.Education.undergraduate_graduated, dy.PersonnelCategory.student)
    with pytest.raises(dy.InvalidInput) as e:
        dy.Member(name="x", category="教师")
    assert e.value.field == "category"
    with pytest.raises(TypeError, match="sex: expected Sex or str, got int"):
        dy.Member(name="x", sex=1)
    with pytest.raises(TypeError):
        dy.Member(name="x", sex=dy.Ethnicity.han)


def test_enums_are_hashable_and_distinct_across_types():
    assert {dy.Sex.male: 1}[dy.Sex.parse("1")] == 1
    assert dy.Sex.male != dy.PersonnelCategory.worker  # both have value 1
