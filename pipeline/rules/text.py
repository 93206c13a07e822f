"""Paragraphs and sentences of a cleaned article, with character offsets.

Pure functions: the model sees sentences numbered ``S1``, ``S2``…, and every event,
figure and quote points back into the text by these offsets.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

# Words that end with a full stop without ending a sentence.
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt sgt st jr sr rev gov sen rep pres
    u.s u.k u.n e.u no vs etc inc ltd co corp jan feb mar apr jun jul aug sep sept
    oct nov dec mt ft""".split()
)

# A sentence ends at . ! or ? (optionally followed by closing quotes or brackets) and
# whitespace, when the next sentence opens with a capital, a digit or an opening quote.
_SENTENCE_END = re.compile(r"[.!?]+[\"”’')\]]*\s+(?=[\"“‘'(\[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)[.!?]*[\"”’')\]]*\s+$")


@dataclass(frozen=True)
class Sentence:
    """One sentence of the article."""

    id: int
    """1-based number, as the model sees it (``S3``)."""
    start: int
    """Offset of the first character in the article text."""
    end: int
    """Offset just past the last character."""
    paragraph: int
    """0-based index of the paragraph (a non-empty line) it belongs to."""
    text: str
    """``article_text[start:end]``."""


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Offsets ``(start, end)`` of every non-empty line, stripped of surrounding blanks."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        if line.strip():
            lead = len(line) - len(line.lstrip())
            spans.append((match.start() + lead, match.start() + len(line.rstrip())))
    return spans


def _is_abbreviation(fragment: str) -> bool:
    match = _WORD_BEFORE.search(fragment)
    if not match:
        return False
    word = match.group(1).lower().rstrip(".")
    # Single capital letters ("J. Smith") and known abbreviations do not end sentences.
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into numbered sentences that never cross a paragraph boundary."""
    sentences: list[Sentence] = []
    for index, (p_start, p_end) in enumerate(paragraph_spans(text)):
        start = p_start
        for match in _SENTENCE_END.finditer(text, p_start, p_end):
            if _is_abbreviation(text[start : match.end()]):
                continue
            end = match.end() - (len(match.group()) - len(match.group().rstrip()))
            sentences.append(Sentence(len(sentences) + 1, start, end, index, text[start:end]))
            start = match.end()
        if start < p_end:
            sentences.append(Sentence(len(sentences) + 1, start, p_end, index, text[start:p_end]))
    return sentences


def sentence_at(sentences: list[Sentence], offset: int) -> Sentence | None:
    """The sentence that contains ``offset`` (or ``None`` between sentences), by bisection:
    ``sentences`` are in text order, as ``split_sentences`` gives them."""
    index = bisect_right(sentences, offset, key=lambda s: s.start) - 1
    if index >= 0 and offset < sentences[index].end:
        return sentences[index]
    return None


def normalise_space(text: str) -> str:
    """Collapse runs of whitespace to one space (for comparisons, never for output)."""
    return " ".join(text.split())


_TIME_PHRASE = re.compile(
    r"\b(?:(?i:on|by|since|until|last|this|next|earlier this|later this)\s+)?"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}|"
    r"\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*|"
    r"week|month|year|weekend|(?:in|since)\s+(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December)(?:\s+\d{4})?)\b"
)


def time_phrase(sentence: str) -> str | None:
    """The first time expression in a sentence ('on Monday', 'Oct 24', 'last week'), if any."""
    match = _TIME_PHRASE.search(sentence)
    return match.group().strip() if match else None
