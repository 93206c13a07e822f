"""Straight single quote marks as quotation marks ('…,' said X) versus apostrophes."""

from __future__ import annotations

import pytest

from pipeline.rules.quotes import find_quotes


def spans(text: str) -> list[tuple[str, str | None, str]]:
    return [(q.text, q.cue, q.kind) for q in find_quotes(text)]


def test_a_straight_single_quote_with_its_speaker_and_its_continuation():
    text = "'It is nonsense sold to fools,' said chemist Helen Price. 'There is no such thing.'"
    quotes = find_quotes(text)
    assert [(q.text, q.cue) for q in quotes] == [
        ("It is nonsense sold to fools,", "Helen Price"),
        ("There is no such thing.", "Helen Price"),
    ]
    assert quotes[1].continues == quotes[0].id
    for quote in quotes:
        assert text[quote.start : quote.end] == quote.text


def test_double_quotes_nested_inside_single_ones_stay_inside():
    text = "'Have you any idea', the detective asked, 'what \"red mercury\" is?'"
    assert [t for t, _, _ in spans(text)] == ["Have you any idea", 'what "red mercury" is?']


@pytest.mark.parametrize(
    "text",
    [
        "It's Price's car, and it's from the '90s.",
        "They played rock 'n' roll till 'em neighbours complained.",
        "The workers' union and the bosses' club met on Monday.",
        "Ms O'Neill said the plan's cost had doubled.",
    ],
)
def test_apostrophes_are_never_quote_marks(text):
    assert spans(text) == []


def test_a_plural_possessive_inside_a_quote_does_not_close_it():
    text = "'The workers' pay must rise this year,' union leader Sam Ode said."
    assert spans(text) == [("The workers' pay must rise this year,", "Sam Ode", "quote")]


def test_single_quotes_inside_a_double_quote_are_part_of_it():
    """The outer quotation stays whole; words it says someone said are a quotation too,
    of nobody named where a pronoun said them."""
    text = "\"We told them 'no deal at all' last week,\" said Ana Ruiz."
    assert spans(text) == [
        ("We told them 'no deal at all' last week,", "Ana Ruiz", "quote"),
        ("no deal at all", None, "quote"),
    ]
    named = "\"Then Tom Ede said, 'We have to stop.' He was right,\" said Ana Ruiz."
    assert spans(named)[1] == ("We have to stop.", "Tom Ede", "quote")
    term = "\"The so-called 'efficiency review' is a sham,\" said Ana Ruiz."
    assert spans(term) == [("The so-called 'efficiency review' is a sham,", "Ana Ruiz", "quote")]


def test_short_single_quoted_terms_are_not_speech():
    text = "The opposition accused her of 'reckless' spending on the new centre."
    assert spans(text) == []


@pytest.mark.parametrize("opener, closer", [("'", "'"), ("‘", "’")])
def test_a_single_quoted_quotation_that_runs_on_into_the_next_paragraph(opener, closer):
    # British copy leaves the paragraph open and reopens the next one with the same mark
    text = (
        f"Shopkeeper Rhian Pugh, 52, said: {opener}I'm worn out. We've had the road dug up "
        "since March and nobody tells us anything.\n\n"
        f"{opener}They don't have to stand here all day watching the till.{closer}\n\n"
        "The council said the works were on schedule.\n"
    )
    quotes = find_quotes(text)
    assert [(q.text[:18], q.cue) for q in quotes] == [
        ("I'm worn out. We'v", "Rhian Pugh"),
        ("They don't have to", "Rhian Pugh"),
    ]
    assert quotes[1].continues == quotes[0].id
    for quote in quotes:
        assert text[quote.start : quote.end] == quote.text


def test_an_unclosed_apostrophe_that_no_next_paragraph_reopens_is_no_quotation():
    text = "He said: 'twas ever thus, as the locals put it.\n\nThe road reopens in May.\n"
    assert spans(text) == []
