"""Numbers an article reports, found by rule with their offsets.

Dates, years, ordinals and numbers inside quoted speech enumerations are left out; what each
figure counts is guessed from the words that follow it, and the model may refine it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .vocabulary import MONTH_ABBREVIATIONS, MONTHS, SUBJECT_WORDS, word_alternation

_MONTHS = word_alternation([*MONTHS, *MONTH_ABBREVIATIONS])
# A number: 1,500 / 600,000 / 2.5 / 250 with an optional scale word or percent sign.
_FIGURE = re.compile(
    r"(?<![\w.,/-])(?P<value>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    r"(?P<scale>\s?(?:million|billion|bn|m|%|per\s?cent)\b|%)?"
)
_QUALIFIER = re.compile(
    r"(?:at least|about|around|more than|over|nearly|almost|some|up to|roughly|approximately|"
    r"an estimated|a total of|fewer than|less than|as many as)\s+$",
    re.IGNORECASE,
)
_DATE_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?\s+$", re.IGNORECASE)
_DATE_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s+(?:{_MONTHS})\b", re.IGNORECASE)
_STOP = frozenset(
    """had have has were was are is be been will would could may might to in on into from by
    who which that and or but as at for with since after before during this these those than
    said says according of""".split()
)


@dataclass(frozen=True)
class FigureSpan:
    """A number in the text."""

    id: str
    """'F1', 'F2'… in order of appearance."""
    start: int
    end: int
    value: str
    """The digits as written ('1,500')."""
    number: float
    qualifier: str | None
    counts: str
    """What it counts, guessed from the following words ('North Korean troops')."""


def find_figures(text: str) -> list[FigureSpan]:
    """Every reported number in ``text`` that is not a date, a year or an ordinal."""
    figures: list[FigureSpan] = []
    previous_counts, previous_end = "", -1
    for match in _FIGURE.finditer(text):
        if _is_date_or_year(text, match):
            continue
        value = match.group("value")
        number = float(value.replace(",", ""))
        scale = (match.group("scale") or "").strip().lower()
        number *= {"million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9}.get(scale, 1)
        qualifier = _QUALIFIER.search(text, max(0, match.start() - 30), match.start())
        counts = _counts_after(text, match.end(), scale)
        same_sentence = not re.search(r"[.!?]\s", text[previous_end : match.start()])
        if (not counts or counts.split()[0].endswith(("ed", "ing"))) and same_sentence:
            counts = (
                previous_counts or counts
            )  # "3,000 soldiers ..., with a total of 10,000 expected"
        previous_counts, previous_end = counts, match.end()
        figures.append(
            FigureSpan(
                id=f"F{len(figures) + 1}",
                start=match.start(),
                end=match.end(),
                value=value,
                number=number,
                qualifier=qualifier.group().strip().lower() if qualifier else None,
                counts=counts,
            )
        )
    return figures


def _is_date_or_year(text: str, match: re.Match[str]) -> bool:
    value = match.group("value")
    before = text[max(0, match.start() - 12) : match.start()]
    after = text[match.end() : match.end() + 12]
    if match.group("scale"):
        return False
    if "," not in value and "." not in value and 1900 <= int(value) <= 2100:
        return True  # a year
    if _DATE_BEFORE.search(before) or _DATE_AFTER.match(after):
        return True
    if re.match(r"(?:st|nd|rd|th)\b", after):
        return True  # an ordinal: 21st
    return bool(re.search(r"\b(?:world war|no\.|number|page|article|resolution)\s*$", before, re.I))


def _counts_after(text: str, end: int, scale: str) -> str:
    """Up to five words after the number, stopping at verbs, prepositions and punctuation."""
    if scale == "%" or scale.startswith("per"):
        prefix = ["percent"]
    else:
        prefix = []
    words: list[str] = []
    tail = text[end : end + 80]
    for match in re.finditer(r"[A-Za-z][\w’'-]*|[^\sA-Za-z]", tail):
        word = match.group()
        if not word[0].isalpha() and word != "-":
            break
        if word == "-":
            continue
        if word.lower() in _STOP or len(words) >= 5:
            break
        words.append(word)
    return " ".join(prefix + words)


_SPEECH = (
    r"said|says|told|estimated|estimates|claimed|claims|claiming|reported|reports|assessed|"
    r"added|warned|confirmed|announced|stated"
)
_ACCORDING = re.compile(r"according to (?:an? [\w\s]+? by )?(?P<who>[^,.;:]+)", re.IGNORECASE)
_BEFORE_VERB = re.compile(rf"(?P<who>[^,;:“”\"]+?)\s+(?:\w+ly\s+)?(?:{_SPEECH})\b")
_AFTER_QUOTE = re.compile(rf"[,”\"]\s*[”\"]?\s*(?P<who>[A-Z][^,.;:]*?)\s+(?:{_SPEECH})\b")
_LEADING = re.compile(r"^(?:and|but|so|with|while|as|then|also|meanwhile|separately|now)\s+", re.I)
_PRONOUN = re.compile(rf"^(?:{word_alternation(SUBJECT_WORDS)})$", re.I)


def claimant_cue(sentence: str, offset: int) -> str | None:
    """Who a sentence credits with the number at ``offset`` (a position in ``sentence``),
    found by rule: 'according to X', 'X said … N', '“… N …,” X said'. None if unclear."""
    match = _ACCORDING.search(sentence)
    if match:
        return _tidy(match.group("who"))
    before = sentence[:offset]
    candidates = list(_BEFORE_VERB.finditer(before))
    if candidates:
        who = _tidy(candidates[-1].group("who"))
        if who:
            return who
    after = _AFTER_QUOTE.search(sentence, offset)
    return _tidy(after.group("who")) if after else None


def _tidy(who: str) -> str | None:
    """Strip leading time phrases and conjunctions; reject pronouns and lower-case phrases
    that name nobody."""
    who = " ".join(who.split())
    who = re.split(r"\b(?:that|which|who|whom)\s+", who)[-1]  # '… told journalists that X'
    who = re.sub(r"^(?:on|in|last|earlier|this)\b[^,]*?(?=\s[A-Z]|$)", "", who).strip()
    while _LEADING.match(who):
        who = _LEADING.sub("", who, count=1)
    if not who or _PRONOUN.match(who) or len(who.split()) > 8:
        return None
    if not any(w[:1].isupper() for w in who.split()) and not re.search(
        r"\b(?:official|officials|agency|ministry|department|reports|intelligence|analysis)\b", who
    ):
        return None
    return who
