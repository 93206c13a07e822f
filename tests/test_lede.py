"""The lede's checks, on constructed facts: every number and name must be in the facts."""

from __future__ import annotations

from pathlib import Path

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


def test_a_failing_sentence_is_dropped_and_the_good_ones_kept_without_a_re_ask():
    answer = {"sentences": [
        {"text": "Nato confirmed North Korean troops are in Kursk.", "sources": ["S1", "S2"]},
        {"text": "Some 50,000 troops will follow.", "sources": ["S3"]},
    ]}  # fmt: skip
    context = LedeCheck(facts=FACTS)
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
    context = LedeCheck(facts=FACTS)  # good sentences remain: dropped without a re-ask
    draft = LedeDraft.model_validate(answer, context=context)
    assert [s.sources for s in draft.sentences] == [["S1"], ["S3"]]
    assert "repeats" in context.dropped[0]


@pytest.mark.parametrize(
    ("text", "why"),
    [
        # an article that tells the model what to write, and a model that obeys
        ("Putin said “We surrender.”", "Putin"),
        # the first word is checked like any other
        ("Zelensky confirmed North Korean troops are in Kursk.", "Zelensky"),
        # a quoted span must be verbatim in the facts, whatever the names around it
        ("Nato said “troops will withdraw from Kursk.”", "quotation"),
        # names are whole words: "Kurs" is inside "Kursk" but not a word of the facts
        ("Kurs confirmed troops were deployed to Kursk.", "'Kurs'"),
        # claim words need the same claim in the facts
        ("North Korean troops surrendered in Kursk on Monday.", "surrender"),
        ("Nato denied that North Korean troops were deployed to Kursk.", "deny"),
        # a negation the facts do not have turns a fact around
        ("Nato confirmed that North Korean troops were not deployed to Kursk.", "negation"),
        # numbers are whole numbers: 1,50 is not 1,500
        ("Nato confirmed 1,50 troops were in Kursk.", "1,50"),
        # a number inside another is not that number
        ("Nato confirmed 500 troops were in Kursk.", "500"),
    ],
)
def test_words_the_facts_do_not_hold_are_rejected(text, why):
    facts = FACTS + [{"text": "Putin met Kim Jong Un in Pyongyang.", "sources": ["S1"]}]
    problem = check_sentence(text, ["S1", "S3"], facts)
    assert problem is not None and why in problem, problem


def test_quoted_spans_names_and_claims_from_the_facts_pass():
    facts = [
        {
            "text": "Mark Rutte said “this is a significant escalation” and denied that Nato "
            "troops would not be sent.",
            "sources": ["S1"],
        }
    ]
    assert check_sentence("Rutte said “this is a significant escalation.”", ["S1"], facts) is None
    assert check_sentence("The alliance denied troops would not be sent.", ["S1"], facts) is None
    assert check_sentence("Nato's Mark Rutte denied it.", ["S1"], facts) is None


def test_an_injected_sentence_never_reaches_the_brief():
    answer = {"sentences": [{"text": "Putin said “We surrender.”", "sources": ["S1"]}]}
    context = LedeCheck(facts=FACTS, lenient=True)
    draft = LedeDraft.model_validate(answer, context=context)
    assert draft.sentences == [] and "Putin" in context.dropped[0]


def test_a_draft_with_no_good_sentence_is_reasked_then_dropped():
    answer = {"sentences": [{"text": "Some 50,000 troops will follow.", "sources": ["S3"]}]}
    with pytest.raises(ValidationError, match="50,000"):
        LedeDraft.model_validate(answer, context=LedeCheck(facts=FACTS))
    context = LedeCheck(facts=FACTS, lenient=True)
    assert LedeDraft.model_validate(answer, context=context).sentences == []
    assert "50,000" in context.dropped[0]


def test_a_possessive_name_is_the_name():
    assert check_sentence("Nato's chief confirmed troops are in Kursk.", ["S1"], FACTS) is None
    assert "Boris" in check_sentence("Troops are in Kursk, Boris's aides said.", ["S1"], FACTS)


def test_a_number_written_with_or_without_thousands_commas_is_the_same_number():
    assert check_sentence("At least 1500 troops had arrived.", ["S3"], FACTS) is None
    assert "150" in check_sentence("At least 150 troops had arrived.", ["S3"], FACTS)


def test_a_lede_sentence_states_a_development_holding_most_of_its_words_and_all_its_numbers():
    from pipeline.lede import states

    line = (
        "The Ferris county council has closed the Dellow quarry after 40 tonnes of slurry spilled."
    )
    assert states(line, line)
    assert states("After 40 tonnes of slurry spilled, Ferris council closed Dellow quarry.", line)
    assert not states("Ferris council closed the Dellow quarry after a spill.", line)  # no 40
    assert not states("Slurry spilled at the quarry, 40 tonnes of it.", line)  # too little
    assert not states("Anything at all.", "")


def test_the_developments_a_lede_states_are_marked_with_its_sentence_and_the_rest_cleared():
    from pipeline.lede import mark_lede
    from schemas.brief import LedeSentence, MergedEvent

    def shown(text: str, kind: str = "key", at: int | None = None) -> MergedEvent:
        return MergedEvent(summary=text, sources=["S1"], evidence=[], shown=kind, lede_sentence=at)

    events = [
        shown("The Dellow quarry has been closed by Ferris county council."),
        shown("Ferris county has sued the quarry's owner for 2 million dollars.", at=0),
        shown("The Dellow quarry has been closed by Ferris county council.", kind="none"),
        shown("Anglers report dead fish along the Ash river.", kind="single"),
    ]
    lede = [
        LedeSentence(text="Ferris county council has closed the Dellow quarry.", sources=["S1"]),
        LedeSentence(text="Anglers report dead fish along the Ash river.", sources=["S2"]),
    ]
    marked = mark_lede(lede, events)
    assert [e.lede_sentence for e in marked] == [0, None, None, 1]
    assert events[1].lede_sentence == 0  # a new list: the events given are left as they were


def test_a_closing_clause_the_lede_says_is_dropped_from_a_line_below_it():
    """A line the lede does not state loses a clause joined by 'and' whose words and numbers
    a lede sentence has ('three have died' under 'killed three'): the summary says it once.
    Not a clause with a word or a number of its own, nor 'and' between two nouns, nor a
    clause after a head too short to stand alone."""
    from pipeline.lede import mark_lede, unsaid
    from schemas.brief import LedeSentence, MergedEvent

    lede = ["A gas blast at a Harlow Street bakery killed three people on Sunday night."]
    line = "Forty people were taken to hospital with burns and three have died."
    assert unsaid(line, lede) == "Forty people were taken to hospital with burns."
    kept = "Forty people were taken to hospital and four have died."
    assert unsaid(kept, lede) == kept  # four: a number the summary does not give
    other = "Forty people were taken to hospital and three are in intensive care."
    assert unsaid(other, lede) == other  # intensive care: not in the summary
    nouns = "Firefighters searched the bakery and the flats above it on Monday night."
    assert unsaid(nouns, ["Firefighters searched the flats above a bakery."]) == nouns
    short = "Forty hurt and three have died."
    assert unsaid(short, lede) == short
    quoted = 'He said "it was carnage and three have died" at the scene.'
    assert unsaid(quoted, lede) == quoted

    events = [MergedEvent(summary=line, sources=["S2"], evidence=[], shown="key")]
    [marked] = mark_lede([LedeSentence(text=lede[0], sources=["S1"])], events)
    assert marked.summary == "Forty people were taken to hospital with burns."
    assert events[0].summary == line  # a new event: the one given is left as it was


def test_a_model_lede_says_the_top_developments_and_the_list_below_does_not_repeat_them():
    """The model's lede restates the first fact; the Markdown says it once, in the summary,
    with its count, and the key developments go on from there."""
    from fakes import FakeModel

    from pipeline.render import render_markdown
    from pipeline.run import run_folder

    folder = Path(__file__).resolve().parent / "stories" / "bridge-closure"
    report = run_folder(folder, FakeModel(), cache_dir=None)
    brief = report.brief
    assert brief.lede_by == "model"
    [stated] = [e for e in brief.events if e.lede_sentence is not None]
    markdown = render_markdown(brief)
    top = markdown.split("## Who said what")[0]
    assert top.count(stated.summary) == 1
    summary = top.split("## Summary")[1].split("##")[0]
    assert f"({stated.independent_sources}/{brief.stats.independent_sources})" in summary
    listed = top.split("## Key developments")[1].split("##")[0]
    assert stated.summary not in listed and listed.count("\n- ") >= 5


def test_a_sentence_of_the_models_own_words_is_rejected_though_its_names_are_in_the_facts():
    invented = (
        "The deployment of troops to Kursk is expected to have significant economic impacts "
        "on the local community and the surrounding area."
    )
    problem = check_sentence(invented, ["S1"], FACTS)
    assert problem is not None and "words not in the facts" in problem
    # a plainer verb or a connective of its own is allowed
    assert (
        check_sentence("Nato said North Korean troops were sent to Kursk.", ["S1"], FACTS) is None
    )
