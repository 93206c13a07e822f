"""Grounding: whether a name, a description or an outlet that the model gives is evidenced by
the article. Pure functions of strings; ``answer_check`` bundles them into the
``schemas.model_io.AnswerCheck`` that validation of one article's answer uses.

A name is grounded when one of its capitalised words occurs in the text as a word; a
description ('a North Korean representative') when it occurs as written; an inferred outlet
when a line only a publisher prints (newsletter sign-up, copyright, app prompt) names it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from schemas.model_io import AnswerCheck

from .vocabulary import HONORIFICS, PRONOUNS, ROLE_NOUNS, TITLE_WORDS

_NAME_WORD = re.compile(r"[A-Z][\w'-]+")
#: Capitalised words that do not name anyone on their own (articles, honorifics, titles).
_NOT_NAMES = frozenset({"the", "a", "an"}) | HONORIFICS | ROLE_NOUNS | TITLE_WORDS
_DIGIT = re.compile(r"\d")


def _folded(text: str) -> str:
    return text.replace("’", "'").replace("‘", "'").lower()


def grounded_name(name: str, text: str) -> bool:
    """True when some capitalised word of ``name`` occurs in ``text`` (any case)."""
    words = [_folded(w) for w in _NAME_WORD.findall(name.replace("’", "'"))]
    words = [w for w in words if w not in PRONOUNS and w not in _NOT_NAMES]
    folded = _folded(text)
    return bool(words) and any(re.search(rf"\b{re.escape(w)}", folded) for w in words)


def grounded_phrase(phrase: str, text: str) -> bool:
    """True when ``phrase`` (a description: 'a North Korean representative') is in ``text``."""
    core = _folded(phrase.split(",")[0].strip())
    return len(core) > 3 and core in _folded(text)


_PUBLISHER_LINE = re.compile(
    r"newsletter|subscribe|sign up|copyright|©|all rights reserved|follow (?:us|topic)|"
    r"download (?:the|our) app|read more (?:on|at)",
    re.I,
)


def plausible_outlet(outlet: str, lines: Sequence[str]) -> bool:
    """An inferred publisher needs evidence: its name (or initials, 'ST' for The Straits
    Times) in one of ``lines`` that only a publisher prints (newsletter sign-up, copyright,
    app prompt), kept in the text or dropped as page furniture. A name the article merely
    mentions (a source it cites, a platform, someone it quotes) is no evidence."""
    name = re.sub(r"^the\s+", "", outlet.strip(), flags=re.I)
    initials = "".join(w[0] for w in name.split() if w[:1].isupper())
    for line in lines:
        if not _PUBLISHER_LINE.search(line):
            continue
        if grounded_phrase(name, line) or (
            len(initials) >= 2 and re.search(rf"\b{re.escape(initials)}\b", line)
        ):
            return True
    return False


_NAME = r"(?P<name>[A-Z][\w&.-]*(?:\s+(?:of\s+)?[A-Z][\w&.-]*){0,4}?)"
_PUBLISHER_NAMED = (
    re.compile(
        rf"\b(?:get|sign up (?:for|to)|subscribe to)\s+(?:the\s+)?{_NAME}"
        r"(?:['’]s)?\s+newsletters?\b",
        re.I,
    ),
    re.compile(rf"(?:©|\bcopyright\b)\s*(?:\d{{4}}\s+)?{_NAME}(?:\.|,|\s+all rights|\s*$)", re.I),
)


def publisher_named(lines: Sequence[str]) -> str | None:
    """The publisher a newsletter or copyright line names: "Get ST's newsletters…" gives
    'ST', "© 2024 The Straits Times" gives 'The Straits Times'."""
    for line in lines:
        for pattern in _PUBLISHER_NAMED:
            match = pattern.search(line)
            if match and match["name"][:1].isupper():
                return match["name"].strip().rstrip(".")
    return None


# Answers that say no one is named: the article leaves the speaker out.
_NO_ONE = re.compile(
    r"\W*(?:unknown|unnamed|unidentified|anonymous|none|null|n/?a|not (?:stated|given|named|"
    r"specified|mentioned|identified|known)|no (?:speaker|one|name)|(?:the )?speaker|"
    r"unspecified|nobody)(?: speaker)?\W*",
    re.I,
)


def check_speaker(key: str, speaker: str, text: str) -> str | None:
    """Why ``speaker`` cannot be the speaker the model gives for quote ``key``, or None."""
    if speaker.strip().lower() in PRONOUNS:
        return f"{key}: '{speaker}' is a pronoun; give the name it refers to"
    if not grounded_name(speaker, text) and not grounded_phrase(speaker, text):
        return f"{key}: speaker '{speaker}' is not named in the article"
    return None


def check_claimant(key: str, claimant: str, text: str) -> tuple[str, bool] | None:
    """Why ``claimant`` cannot be the claimant of figure ``key`` (with whether to re-ask), or
    None. A claimant holding a digit repeats the figure instead of naming who gives it;
    re-asking does not cure this in small models, so it is dropped, not re-asked."""
    if _DIGIT.search(claimant):
        return f"{key}: '{claimant}' names no claimant", False
    if not grounded_name(claimant, text) and not grounded_phrase(claimant, text):
        return f"{key}: claimant '{claimant}' is not named in the article", True
    return None


def answer_check(text: str, sentence_count: int, publisher_lines: Sequence[str]) -> AnswerCheck:
    """The ``AnswerCheck`` for the model's answer about one article: speakers ('Q…') and
    claimants ('F…') grounded in ``text``, key sentences numbered 1 to ``sentence_count``, an
    inferred outlet evidenced by ``publisher_lines`` (dropped furniture) or the text."""
    lines = [*publisher_lines, *text.splitlines()]

    def check_item(key: str, value: Any) -> tuple[str, bool] | None:
        if not isinstance(value, str):
            return None
        if key[0] == "Q":
            if _NO_ONE.fullmatch(value):
                # "unknown", "not stated": the model says the article names no one. Asking
                # again cannot bring out a name that is not there: no speaker, no re-ask.
                return f"{key}: '{value}' names no speaker", False
            problem = check_speaker(key, value, text)
            return (problem, True) if problem else None
        if key[0] == "F":
            return check_claimant(key, value, text)
        return None

    return AnswerCheck(
        sentence_count=sentence_count,
        check_item=check_item,
        outlet_evidenced=lambda outlet: plausible_outlet(outlet, lines),
    )
