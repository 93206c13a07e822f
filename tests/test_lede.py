"""The lede's checks, on constructed facts: every number and name must be in the facts."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from pipeline.lede import LedeDraft, check_sentence

FACTS = [
    {
        "text": "Nato confirmed that North Korean troops were deployed to Kursk on Monday.",
        "sources": ["S1", "S2"],
    },
    {"text": "South Korea's spy agency said at least 1,500 troops had arrived.", "sources": ["S3"]},
]


def test_a_sentence_built_from_its_facts_passes():
    assert check_sentence("Nato confirmed North Korean troops are in Kursk.", ["S1"], FACTS) is None
    assert (
        check_sentence(
            "At least 1,500 troops had arrived, South Korea's spy agency said.", ["S3"], FACTS
        )
        is None
    )


@pytest.mark.parametrize(
    ("text", "sources", "why"),
    [
        ("Nato confirmed 12,000 troops are in Kursk.", ["S1"], "12,000"),
        ("At least 1,500 troops arrived in Kursk.", ["S1"], "1,500"),  # the number is in S3's fact
        ("Boris Johnson said North Korean troops are in Kursk.", ["S1"], "Boris"),
        ("Nato confirmed troops are in Kursk.", [], "cites no source"),
        ("Nato confirmed troops are in Kursk.", ["S9"], "unknown sources"),
    ],
)
def test_invented_numbers_names_and_sources_are_rejected(text, sources, why):
    problem = check_sentence(text, sources, FACTS)
    assert problem is not None and why in problem


def test_a_failing_sentence_is_dropped_and_the_good_ones_kept_without_a_re_ask():
    answer = {"sentences": [
        {"text": "Nato confirmed North Korean troops are in Kursk.", "sources": ["S1", "S2"]},
        {"text": "Some 50,000 troops will follow.", "sources": ["S3"]},
    ]}  # fmt: skip
    context = {"facts": FACTS}
    draft = LedeDraft.model_validate(answer, context=context)
    assert [s.text for s in draft.sentences] == ["Nato confirmed North Korean troops are in Kursk."]
    assert "50,000" in context["dropped"][0]


def test_a_draft_with_no_good_sentence_is_reasked_then_dropped():
    answer = {"sentences": [{"text": "Some 50,000 troops will follow.", "sources": ["S3"]}]}
    with pytest.raises(ValidationError, match="50,000"):
        LedeDraft.model_validate(answer, context={"facts": FACTS})
    context = {"facts": FACTS, "lenient": True}
    assert LedeDraft.model_validate(answer, context=context).sentences == []
    assert "50,000" in context["dropped"][0]


def test_a_possessive_name_is_the_name():
    assert check_sentence("Nato's chief confirmed troops are in Kursk.", ["S1"], FACTS) is None
    assert "Boris" in check_sentence("Troops are in Kursk, Boris's aides said.", ["S1"], FACTS)


def test_a_number_written_with_or_without_thousands_commas_is_the_same_number():
    assert check_sentence("At least 1500 troops had arrived.", ["S3"], FACTS) is None
    assert "150" in check_sentence("At least 150 troops had arrived.", ["S3"], FACTS)
