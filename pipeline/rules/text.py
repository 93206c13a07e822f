"""Paragraphs and sentences of a cleaned article, with character offsets.

Pure functions: the model sees sentences numbered ``S1``, ``S2``…, and every event,
figure and quote points back into the text by these offsets.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from .vocabulary import ABBREVIATIONS

# A sentence ends at a run of . ! ? (possessive, so long runs cannot backtrack), optional
# closing marks or brackets, then whitespace; the next character is checked in code.
_SENTENCE_END = re.compile(r"(?<![.!?])[.!?]++[”“»«\"’')\]]*+\s++")  # „…“, «…», »…«
# Characters that may open a sentence besides capitals and digits: quote marks, brackets.
_OPENERS = "“”„«»\"‘'(["
#: Stands in for quoted characters in masked text (``sentence_bounds`` on masked text).
MASK = "\x00"


@dataclass(frozen=True)
class Sentence:
    """One sentence of the article."""

    id: int
    """1-based number in the article (``ArticleExtraction`` items cite sentences by it)."""
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


def sentence_bounds(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of the paragraph ``text[start:end]``; each end runs
    to the next sentence's start (trailing blanks included), the last to ``end``.

    The one sentence splitter of newsbrief. A sentence ends at . ! or ? (with any closing
    quotes or brackets) and whitespace, when the next character can open a sentence (a
    capital, a digit, a quote mark or bracket) and the full stop does not end an
    abbreviation ("Mr.", "U.S.", "Jan.", an initial); an ellipsis ends none. Quotation
    masking is an option of the caller: pass text whose quoted characters are ``MASK`` and
    no full stop inside a quote ends a sentence (``pipeline.rules.quotes`` does). Linear in
    the length of the paragraph.
    """
    bounds: list[tuple[int, int]] = []
    current = start
    for m in _SENTENCE_END.finditer(text, start, end):
        if m.end() >= end or not _starts_sentence(text[m.end()]):
            continue
        if _is_ellipsis(m.group()):
            continue  # news style marks an omission or a pause with it, not a sentence end
        if text[m.start()] in "!?" and _runs_on_after_quotation(text, current, m.start(), end):
            continue  # 'chanted "Save the park! Not for sale!" all evening': one sentence
        single_dot = text[m.start()] == "." and text[m.start() + 1] not in ".!?"
        if single_dot and _is_abbreviation(text, m.start()):
            continue
        if single_dot and _CREDIT_AFTER.match(text, m.end(), end):
            continue  # 'DUNMORE, Pa. (AP) — …': a dateline's place, then the agency's credit
        bounds.append((current, m.end()))
        current = m.end()
    bounds.append((current, end))
    return bounds


# An agency's credit and the dash that ends a dateline: ' (AP) — ', ' (Reuters) - '.
_CREDIT_AFTER = re.compile(r"\s*\([A-Z][A-Za-z .&-]{0,30}\)\s*(?:-{1,2}|–|—)\s")


def _runs_on_after_quotation(text: str, start: int, at: int, end: int) -> bool:
    """Whether the ! or ? at ``at`` lies inside a double quotation opened since ``start``
    whose closing mark, in the paragraph (ending at ``end``), is followed by the sentence
    running on in lower case or after a comma: a quoted chant or question set inside the
    reporter's sentence, not the end of it."""
    before = text[start:at]
    straight = before.count('"') % 2 == 1
    curly = before.count("“") > before.count("”")
    if not (straight or curly):
        return False
    close = re.compile(r'"' if straight else r"”").search(text, at, end)
    if close is None:
        return False
    after = text[close.end() : end].lstrip(" \t")
    return bool(after) and (after[0].islower() or after[0] in ",;")


def _is_ellipsis(end: str) -> bool:
    return end.startswith("..") or end.startswith("…")


def _starts_sentence(ch: str) -> bool:
    return ch.isupper() or ch.isdigit() or ch in _OPENERS


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` ends an abbreviation such as "Mr." or "U.S."."""
    k = dot
    while k > 0 and k > dot - 12 and not text[k - 1].isspace():
        k -= 1
    word = text[k:dot].lstrip("([“\"‘'")
    return (
        word.lower() in ABBREVIATIONS
        or (len(word) == 1 and word.isupper())
        or ("." in word and len(word) <= 5)
    )


def whole_words(
    pattern: str, text: str, *, joiners: str = "", flags: int = 0
) -> Iterator[re.Match[str]]:
    """Matches of ``pattern`` in ``text`` not preceded by a word character (nor by one of
    ``joiners``, such as "-" or "’"): what a leading ``\\b`` or ``(?<![\\w-])`` would find.
    ``pattern`` must open with a literal (a name: "Mark\\s+Rutte") and carries its own end
    test. Checked here rather than in the pattern because a pattern that opens with a
    boundary test tries every position of the text, while one that opens with a literal
    skips ahead to it: twenty times faster on a long article."""
    for match in re.finditer(pattern, text, flags):
        start = match.start()
        if start:
            before = text[start - 1]
            if before.isalnum() or before == "_" or before in joiners:
                continue
        yield match


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into numbered sentences that never cross a paragraph boundary
    (``sentence_bounds`` on each paragraph; each sentence stripped of trailing blanks)."""
    sentences: list[Sentence] = []
    for index, (p_start, p_end) in enumerate(paragraph_spans(text)):
        for start, end in sentence_bounds(text, p_start, p_end):
            end = start + len(text[start:end].rstrip())
            if end > start:
                sentences.append(Sentence(len(sentences) + 1, start, end, index, text[start:end]))
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


#: A month's name, whole or cut short ("March", "Mar", "Sept"), as a regex.
MONTH_WORD = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*"

#: An interview's editorial note ("This interview has been edited for length and clarity."),
#: as a regex to match case-insensitively: no reporting, whether it stands as its own line
#: (furniture, ``pipeline.clean``) or ends a paragraph (no development).
EDITORIAL_NOTE = (
    r"(?:this\s+|the\s+)?(?:interview|conversation|transcript|q\s?&\s?a|exchange)\s+"
    r"(?:has\s+been|have\s+been|was)\s+(?:lightly\s+)?(?:edited|condensed|shortened)\b"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MODIFIER = r"(?i:on|by|since|until|last|this|next|earlier this|later this|early|late)"
# Phrases that name a day, most specific first; a bare period word ('year') never counts,
# nor one inside a compound ('a five-year plan', 'a 30-year-old', 'yearly').
_TIME_PHRASES = (
    re.compile(
        rf"(?<![\w-])(?:{_MODIFIER}\s+)?(?:{MONTH_WORD}\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?"
        rf"|\d{{1,2}}\s+{MONTH_WORD}(?:\s+\d{{4}})?)(?![\w-])"
    ),
    re.compile(rf"(?<![\w-])(?:{_MODIFIER}\s+)?{_WEEKDAY}(?![\w-])"),
    re.compile(r"(?<![\w-])(?i:yesterday|today|tonight)(?![\w-])"),
    re.compile(
        r"(?<![\w-])(?:(?i:in|since)\s+(?:January|February|March|April|May|June|July|August|"
        r"September|October|November|December)(?:\s+\d{4})?)(?![\w-])"
    ),
    re.compile(
        r"(?<![\w-])(?i:last|this|next|earlier this|later this)\s+"
        r"(?:week|month|year|weekend)(?![\w-])"
    ),
)
# A wire dateline opening a story ('BRUSSELS, Oct 28 (Reuters) -'): its date is when the story
# was filed, not when the event happened.
_DATELINE = re.compile(
    rf"^[A-Z][A-Z .'’-]+,\s*(?:{MONTH_WORD}\.?\s+\d{{1,2}}|\d{{1,2}}\s+{MONTH_WORD})"
    r"(?:,?\s+\d{4})?\s*(?:\([^)]*\))?\s*[-–—]+\s*"
)


def dateline(sentence: str) -> str | None:
    """The date of a wire dateline opening ``sentence`` ('Oct 28' in 'BRUSSELS, Oct 28
    (Reuters) - …'), or None."""
    match = _DATELINE.match(sentence)
    if not match:
        return None
    found = _TIME_PHRASES[0].search(match.group())
    return found.group().strip() if found else None


#: A dateline opening a story or an entry, whatever its date: "BRUSSELS - ", "WASHINGTON
#: (Reuters) -", "LONDON, Oct 28 (AP) — ", "KYIV, Ukraine --", "Kyiv, Ukraine, March 5 (AP) —".
OPENING_DATELINE = re.compile(
    # "BRUSSELS -", "KYIV, Ukraine, March 5 (AP) —": a shouted place, up to two comma parts
    r"^(?:[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3})(?:,\s*[A-Za-z0-9 .]{1,30}){0,2}"
    r"(?:\s*\([A-Za-z .&-]{2,30}\))?\s*(?:-{1,2}|–|—|:)\s+"
    # "Kyiv, Ukraine, March 5 (AP) —": a place in title case, only with the agency's credit
    r"|^(?:[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})(?:,\s*[A-Za-z0-9 .]{1,30}){0,3}"
    r"\s*\([A-Za-z .&-]{2,30}\)\s*(?:-{1,2}|–|—)\s+"
    # a press release's: "Springfield, Ill., June 10, 2025 /PRNewswire/ --", "SPRINGFIELD,
    # Ill.--(BUSINESS WIRE)--"
    r"|^(?:[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})(?:,\s*[A-Za-z0-9 .]{1,30}){0,3}"
    r"(?:\s*/[A-Za-z -]{2,30}/\s*(?:-{1,2}|–|—)\s*"
    r"|\s*-{1,2}\s*\([A-Z][A-Za-z .&-]{1,30}\)\s*-{1,2}\s*)"
)


def dateline_length(sentence: str) -> int:
    """How many characters of ``sentence`` an opening dateline takes (``OPENING_DATELINE``:
    "LONDRIDGE, Sept 30 (Allied Press) - ", "RIVERTON — "); 0 without one."""
    found = OPENING_DATELINE.match(sentence)
    return found.end() if found else 0


_TRAILING_RELATIVE = re.compile(r",\s+(?:which|who|whose|whom)\b[^,;]*$")


def time_phrase(sentence: str) -> str | None:
    """The most specific time expression in a sentence, as written: a date ('Oct 24'), else a
    weekday ('on Monday'), else 'yesterday'/'today', else a month ('in February'), else a
    vague phrase ('last week'). Whole words only; a dateline's date is not the event's, nor
    is a date in a relative clause that ends the sentence (", which … in 2022")."""
    opening = _DATELINE.match(sentence)
    body = sentence[opening.end() :] if opening else sentence
    # a relative clause that ends the sentence tells of something else: "Kyiv urged its
    # allies …, which sent troops into Ukraine in February 2022" is not dated February 2022
    trailing = _TRAILING_RELATIVE.search(body)
    if trailing:
        body = body[: trailing.start()]
    for pattern in _TIME_PHRASES:
        match = pattern.search(body)
        if match:
            return match.group().strip()
    return None


# A quotation in a headline: between a pair of marks of one family ("…", “…”, ‘…’, «…», „…“);
# a straight single mark opens only at a word's start, so an apostrophe never does.
_HEADLINE_QUOTATION = re.compile(
    r"""“[^“”]+”|"[^"]+"|„[^„“”]+[“”]|«[^«»]+»|‘[^‘’]+’(?!\w)|(?<!\w)'[^']+'(?!\w)"""
)
#: A Markdown heading's opening marks ("# ", "## ").
MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
#: Labels a page or a release prints where a headline would be: they name no story.
_LABELS = re.compile(
    r"^(?:(?:(?:news|press|media)\s+)?release|breaking(?:\s+news)?|exclusive|"
    r"live(?:\s+updates)?|update[sd]?|statement|opinion|analysis|comment|interview)\W*$"
    r"|^(?:for\s+immediate\s+(?:release|use)|embargo(?:ed)?|not\s+for\s+publication)\b",
    re.IGNORECASE,
)
#: Words a headline must have outside its quotations to name what happened.
HEADLINE_WORDS = 4


def informative_headline(line: str) -> str | None:
    """A headline (or a standfirst) as what a story is about, for a stance target or a
    brief's title: ``line`` without a Markdown heading's '#' and without a quotation that
    opens it before a colon or a dash ("“I found out from a journalist”: Author on the
    pulling of her novel" -> "Author on the pulling of her novel"). None when what is left
    names no development: a label ("NEWS RELEASE", "Live"), fewer than ``HEADLINE_WORDS``
    words outside quotation marks ("GNOME SWEET GNOME!"), or mostly a quotation ("“THEY
    ATE ALL MY CUSTARD SLICES!”"). Pure; never raises."""
    text = MARKDOWN_HEADING.sub("", line.strip()).strip()
    opening = _HEADLINE_QUOTATION.match(text)
    if opening:
        rest = re.match(r"\s*[:—–-]\s*(?P<rest>\S.*)$", text[opening.end() :])
        if rest and len(rest["rest"].split()) >= HEADLINE_WORDS:
            text = rest["rest"]
    if not text or _LABELS.match(text):
        return None
    unquoted = _HEADLINE_QUOTATION.sub(" ", text)
    letters = sum(ch.isalpha() for ch in text)
    if len(re.findall(r"[^\W\d_]{2,}|\d+", unquoted)) < HEADLINE_WORDS:
        return None
    if letters and sum(ch.isalpha() for ch in unquoted) < letters / 2:
        return None
    return text
