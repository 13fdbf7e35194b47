"""The rule catalogue (bind_catalogue.cpp)."""

import pytest

import dangyuan as dy


def test_the_catalogue_lists_every_rule_with_its_citation():
    rules = dy.rule_catalogue()
    ids = [r.id for r in rules]
    assert len(ids) == len(set(ids)) == len(rules)
    assert "org.committee_size" in ids and "member.min_age_18" in ids
    frame = rules.to_pandas()
    assert list(frame.columns) == ["id", "document", "article", "confidence", "summary"]
    assert frame["confidence"].dtype == "category"
    assert (frame.set_index("id").loc["member.min_age_18", "article"]) == "第1条"


def test_find_rule_gives_the_citation_and_confidence():
    r = dy.find_rule("member.min_age_18")
    assert r.document == "中国共产党章程(2022)" and r.article == "第1条"
    assert r.confidence == dy.Confidence.confirmed and r.confidence.tag == "[C]"
    assert r.citation == "中国共产党章程(2022) 第1条 [C]"
    assert r == dy.find_rule("member.min_age_18") and r != dy.find_rule("org.committee_size")
    assert "member.min_age_18" in repr(r)
    with pytest.raises(dy.NotFound):
        dy.find_rule("member.min_age_17")


def test_confidence_codes_are_the_catalogue_tags():
    assert [c.code for c in dy.Confidence.all()] == ["[C]", "[S]", "[L]", "[U]", "[T]"]
    assert dy.rule_catalogue().to_numpy(labels="chinese")["confidence"][0] in ("[C]", "[S]")
