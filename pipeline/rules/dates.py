"""Time phrases made into dates, relative to the date of the article that uses them. Pure."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from .vocabulary import MONTHS, WEEKDAYS

_WEEKDAYS = WEEKDAYS
_MONTHS = {m[:3]: i for i, m in enumerate(MONTHS, 1)}


def parse_date(value: str | None) -> date | None:
    """An article date from metadata: ISO ('2024-10-28', '2024-10-28T09:00:00Z') or similar."""
    if not value:
        return None
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
    if match:
        try:
            return date(*map(int, match.groups()))
        except ValueError:
            return None
    for pattern in ("%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y"):
        try:
            return datetime.strptime(value.strip(), pattern).date()
        except ValueError:
            continue
    return None


def normalise_when(
    phrase: str | None, published: date | None, *, future: bool = False
) -> date | None:
    """The date a phrase points to, seen from an article published on ``published``.

    'on Monday' -> the last Monday on or before publication, or with ``future`` (the sentence
    says what will happen: ``looks_ahead``) the next one on or after it; 'Oct 24' / '24
    October' -> that day of the publication year (the year before if that would be after
    publication, unless ``future``); 'yesterday', 'today', 'tomorrow'. Vague phrases ('last
    week', 'earlier this month') give None.
    """
    if not phrase or published is None:
        return None
    text = phrase.lower()
    if "yesterday" in text:
        return published - timedelta(days=1)
    if re.search(r"\btoday\b", text):
        return published
    if "tomorrow" in text:
        return published + timedelta(days=1)
    for index, day in enumerate(_WEEKDAYS):
        if re.search(rf"\b{day}\b", text):
            if (future or "next" in text) and "last" not in text:
                ahead = (index - published.weekday()) % 7
                if "next" in text and ahead == 0:
                    ahead = 7
                return published + timedelta(days=ahead)
            back = (published.weekday() - index) % 7
            if "last" in text and back == 0:
                back = 7
            return published - timedelta(days=back)
    match = re.search(r"\b([a-z]{3})[a-z]*\.?\s+(\d{1,2})\b|\b(\d{1,2})\s+([a-z]{3})[a-z]*\b", text)
    if match:
        month = _MONTHS.get((match.group(1) or match.group(4) or "")[:3])
        day = int(match.group(2) or match.group(3))
        if month:
            try:
                candidate = date(published.year, month, day)
            except ValueError:
                return None
            if future:
                return candidate if candidate >= published else None
            return (
                candidate if candidate <= published else candidate.replace(year=published.year - 1)
            )
    return None


_FUTURE = re.compile(
    r"\b(?:will|won['’]t|shall|'ll|(?:is|are|was|were|had been|has been) (?:due|set|expected|"
    r"scheduled|to)|(?:is|are) going to|would(?! have)|plans? to|intends? to|from next|next)\b",
    re.IGNORECASE,
)


def looks_ahead(sentence: str) -> bool:
    """True when a sentence says what will happen ("will reopen on Monday", "is due to vote
    on Friday", "was scheduled to start on Friday", "would meet on Tuesday"): its weekday is
    the next one, not the last."""
    return bool(_FUTURE.search(sentence))
