"""Time phrases to dates, relative to the article's own date."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.rules.dates import normalise_when, parse_date

MONDAY = date(2024, 10, 28)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("on Monday", date(2024, 10, 28)),
        ("on Friday", date(2024, 10, 25)),
        ("last Monday", date(2024, 10, 21)),
        ("on Oct 24", date(2024, 10, 24)),
        ("24 October", date(2024, 10, 24)),
        ("in December", None),
        ("Dec 30", date(2023, 12, 30)),
        ("yesterday", date(2024, 10, 27)),
        ("last week", None),
        ("earlier this month", None),
        (None, None),
    ],
)
def test_phrases_resolve_against_the_publication_date(phrase, expected):
    assert normalise_when(phrase, MONDAY) == expected


def test_without_a_publication_date_nothing_is_guessed():
    assert normalise_when("on Monday", None) is None


def test_publication_dates_in_common_forms():
    assert parse_date("2024-10-28") == MONDAY
    assert parse_date("2024-10-28T09:30:00Z") == MONDAY
    assert parse_date("28 October 2024") == MONDAY
    assert parse_date("October 28, 2024") == MONDAY
    assert parse_date("soon") is None


def test_a_weekday_in_a_sentence_about_what_will_happen_is_the_next_one():
    from pipeline.rules.dates import looks_ahead

    saturday = date(2024, 11, 2)
    assert looks_ahead("The owner will reopen on Monday.")
    assert not looks_ahead("The owner reopened on Monday.")
    assert normalise_when("on Monday", saturday, future=True) == date(2024, 11, 4)
    assert normalise_when("on Monday", saturday) == date(2024, 10, 28)
    assert normalise_when("next Saturday", saturday) == date(2024, 11, 9)
    assert normalise_when("tomorrow", saturday) == date(2024, 11, 3)


def test_a_plan_told_in_the_past_tense_still_looks_ahead():
    from pipeline.rules.dates import looks_ahead

    assert looks_ahead("The fair was scheduled to open on Friday.")
    assert looks_ahead("She said she would resign on Monday.")
    assert not looks_ahead("It would have opened on Friday.")
    assert not looks_ahead("The council met on Monday.")
