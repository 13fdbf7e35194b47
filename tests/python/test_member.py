"""The member record (bind_member.cpp) and its validation."""

import collections
import dataclasses

import pytest

import dangyuan as dy
from conftest import d, full_member, id_for


def fields(**changes):
    base = full_member(dy.OrgId(3), "张三", d(2010, 7, 1))
    base.update(changes)
    return base


def test_a_member_takes_birth_date_and_sex_from_the_id_number_when_only_the_number_is_given():
    m = dy.Member(name="李梅", id_number=id_for(d(1985, 3, 9), dy.Sex.female), branch=dy.OrgId(3),
                  admission_date=d(2010, 7, 1))
    assert m.birth_date == d(1985, 3, 9) and m.sex == dy.Sex.female
    assert m.joined_branch == d(2010, 7, 1)  # defaults to the admission date
    assert m.ethnicity == dy.Ethnicity.han and m.education is None and m.work_unit == ""


def test_required_fields_are_named_when_missing():
    for missing in ("name", "branch", "admission_date"):
        f = fields()
        del f[missing]
        with pytest.raises(dy.InvalidInput) as e:
            dy.Member(**f)
        assert e.value.field == missing
    f = fields()
    del f["birth_date"], f["id_number"]
    with pytest.raises(dy.InvalidInput) as e:
        dy.Member(**f)
    assert e.value.field == "birth_date"
    assert dy.Member().name == ""  # no arguments: the default record, to fill field by field


def test_missing_values_from_data_mean_not_given():
    nan = float("nan")
    m = dy.Member(**fields(education=nan, work_unit=None, full_member_date=None))
    assert m.education is None and m.work_unit == "" and m.full_member_date is None


def test_a_member_is_built_from_a_mapping_a_dataclass_or_a_namedtuple():
    @dataclasses.dataclass
    class Person:
        name: str
        id_number: str
        branch: object
        admission_date: object
        post: str = "科员"

    person = Person("王五", id_for(d(1980, 1, 2)), dy.OrgId(3), d(2005, 1, 1))
    Row = collections.namedtuple("Row", "name id_number branch admission_date")
    for source in (vars(person), person, Row("王五", person.id_number, dy.OrgId(3), d(2005, 1, 1))):
        m = dy.Member(source)
        assert m.name == "王五" and m.birth_date == d(1980, 1, 2) and m.joined_branch == d(2005, 1, 1)
    assert dy.Member(person).post == "科员"
    assert dy.Member(person, post="主任").post == "主任"  # keywords override the source
    with pytest.raises(TypeError, match="expected Member, a mapping or an object with its fields"):
        dy.Member(42)
    with pytest.raises(TypeError, match="Member has no field 'birthday'"):
        dy.Member({"birthday": d(1980, 1, 2)})


def test_status_on_changes_on_admission_and_full_member_dates():
    m = dy.Member(**fields())
    assert m.status_on(d(2010, 6, 30)) is None
    assert m.status_on(d(2010, 7, 1)) == dy.MemberStatus.probationary
    assert m.status_on(d(2011, 6, 30)) == dy.MemberStatus.probationary
    assert m.status_on(d(2011, 7, 1)) == dy.MemberStatus.full
    assert dy.MemberStatus.full.chinese_name == "正式党员"


def test_党章2022_第1条_member_min_age_18_on_the_application_date():
    born = d(1992, 5, 10)
    ok = fields(birth_date=born, id_number=id_for(born), application_date=d(2010, 5, 10),
                admission_date=d(2011, 7, 1), joined_branch=d(2011, 7, 1), full_member_date=d(2012, 7, 1))
    dy.validate_member(dy.Member(**ok))
    young = dict(ok, application_date=d(2010, 5, 9))
    with pytest.raises(dy.RuleViolation) as e:
        dy.validate_member(dy.Member(**young))
    assert e.value.rule_id == "member.min_age_18"
    assert e.value.citation == "中国共产党章程(2022) 第1条 [C]"
    dy.validate_member(dy.Member(**young, backfilled=True))  # 补录 records are not checked step by step
    dy.validate_member(dy.Member(**young), dy.RuleSet(development=dy.DevelopmentParams(applicant_min_age=17)))


def test_党章2022_第7条_member_probation_1_year_full_date_ends_probation_or_an_extension():
    dy.validate_member(dy.Member(**fields(full_member_date=d(2011, 7, 1))))
    dy.validate_member(dy.Member(**fields(full_member_date=d(2012, 1, 1))))  # 6-month extension
    with pytest.raises(dy.RuleViolation) as e:
        dy.validate_member(dy.Member(**fields(full_member_date=d(2011, 10, 1))))
    assert e.value.rule_id == "member.probation_1_year"


def test_gb11643_member_id_number_consistent_sex_must_agree_with_the_id_number():
    with pytest.raises(dy.RuleViolation) as e:
        dy.validate_member(dy.Member(**fields(sex="女")))
    assert e.value.rule_id == "member.id_number_consistent"


def test_dates_out_of_order_name_the_field():
    with pytest.raises(dy.InvalidInput) as e:
        dy.validate_member(dy.Member(**fields(joined_branch=d(2009, 1, 1))))
    assert e.value.field == "joined_branch"
