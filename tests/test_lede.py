"""The lede's checks, on constructed facts: every number and name must be in the facts."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from pipeline.lede import LedeCheck, LedeDraft, check_sentence

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


def test_failing_sentences_are_reasked_then_dropped():
    answer = {"sentences": [
        {"text": "Nato confirmed North Korean troops are in Kursk.", "sources": ["S1", "S2"]},
        {"text": "Some 50,000 troops will follow.", "sources": ["S3"]},
    ]}  # fmt: skip
    with pytest.raises(ValidationError, match="50,000"):
        LedeDraft.model_validate(answer, context=LedeCheck(facts=FACTS))
    context = LedeCheck(facts=FACTS, lenient=True)
    draft = LedeDraft.model_validate(answer, context=context)
    assert [s.text for s in draft.sentences] == ["Nato confirmed North Korean troops are in Kursk."]
    assert "50,000" in context.dropped[0]


def test_a_sentence_that_says_an_earlier_one_again_is_dropped():
    answer = {"sentences": [
        {"text": "Nato confirmed North Korean troops were deployed to Kursk.", "sources": ["S1"]},
        {"text": "North Korean troops are deployed in Kursk, Nato confirmed.", "sources": ["S2"]},
        {"text": "South Korea's spy agency said at least 1,500 troops had arrived.",
         "sources": ["S3"]},
    ]}  # fmt: skip
    with pytest.raises(ValidationError, match="repeats"):
        LedeDraft.model_validate(answer, context=LedeCheck(facts=FACTS))
    context = LedeCheck(facts=FACTS, lenient=True)
    draft = LedeDraft.model_validate(answer, context=context)
    assert [s.sources for s in draft.sentences] == [["S1"], ["S3"]]
