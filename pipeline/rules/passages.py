"""Words without quote marks: embedded social-media posts and interview answers. Pure.

Two shapes of news copy carry someone's words with no quotation marks around them:

- **an embedded post**, pasted from a social network and followed by its credit line
  (``— Jane Roe (@janeroe) October 24, 2024``, ``A post shared by Jane Roe (@janeroe)``):
  the paragraph before the credit is Jane Roe's words;
- **an interview** set out as questions and answers: ``Q: …`` / ``A: …``, ``Question 1: …``,
  or speaker labels (``Klaus Berger: …``). Answers are the interviewee's words; questions
  are the interviewer's. Neither is the outlet's own reporting.

``find_passages`` marks these stretches by character offsets into the cleaned text, which
stays verbatim: the rules and the merge use the marks to attribute the words and to keep
them out of the outlet's reported events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

__all__ = ["Passage", "PassageKind", "find_passages"]

PassageKind = Literal["post", "credit", "question", "answer", "label"]


@dataclass(frozen=True)
class Passage:
    """A stretch of article text that is someone's words, or the label or credit around them.

    Attributes:
        kind: ``"post"`` (words of an embedded post), ``"credit"`` (the post's credit line),
            ``"question"`` (an interviewer's question), ``"answer"`` (an interviewee's answer),
            ``"label"`` (a speaker or question label such as ``Q:`` or ``Question 1:``).
        start: offset of the first character in the article text.
        end: offset just past the last character; ``text[start:end]`` is verbatim.
        speaker: whose words they are, exactly as the article writes the name; None when the
            article does not name them (a question of an unnamed interviewer, a label).
    """

    kind: PassageKind
    start: int
    end: int
    speaker: str | None = None


_NAME_WORD = r"[A-Z][\w’'.-]*"
_PARTICLE = r"(?:van|von|de|der|den|da|di|du|la|le|al|bin|ibn)\s+"
_PERSON = rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE})?{_NAME_WORD}){{0,3}}"
# The credit line an embedded post ends with, as social networks write it when a post is
# embedded in a page: "— Jane Roe (@janeroe) October 24, 2024", "- Name (@handle) 24 Oct 2024",
# "A post shared by Jane Roe (@janeroe)".
_POST_CREDIT = re.compile(
    rf"^(?:[—–-]{{1,2}}\s*|a post shared by\s+|posted by\s+)(?P<name>{_PERSON})\s*"
    r"\(@[\w.]{1,30}\)(?:\s+on\s+\w+)?\s*(?P<date>[A-Z][a-z]+\.? \d{1,2},? \d{4}|"
    r"\d{1,2} [A-Z][a-z]+\.? \d{4})?\.?$",
    re.IGNORECASE,
)
# Letters after a name that are not part of it: "Asha Rahman MP", "Sir Tom Ede KC".
_POST_NOMINALS = re.compile(r"(?:\s+(?:MP|MEP|MSP|MLA|MS|TD|QC|KC|OBE|MBE|CBE|PhD))+$")
# A question label: "Q:", "Q.", "Question:", "Question 1:", "Q1:".
_QUESTION_LABEL = re.compile(r"^(?:Q\d*|Question(?:\s+\d+)?)\s*[:.)–—-]\s+", re.IGNORECASE)
_ANSWER_LABEL = re.compile(r"^(?:A\d*|Answer(?:\s+\d+)?)\s*[:.)–—-]\s+", re.IGNORECASE)
# A speaker label opening a paragraph: "Klaus Berger: …", "BERGER: …", "Dr Ana Ruiz: …".
_SPEAKER_LABEL = re.compile(
    rf"^(?P<name>(?:(?:Mr|Mrs|Ms|Dr|Prof|Sir|Dame)\.?\s+)?{_PERSON})\s*:\s+(?=\S)"
)
# Labels that open a paragraph like a speaker but name none: editorial and page labels.
_NOT_SPEAKERS = frozenset(
    """update updated correction clarification note editor's editors' background analysis
    context watch read listen related more see also source sources photo picture image video
    credit tags topics key points why what how when where who breaking live latest exclusive
    warning disclaimer summary timeline share follow subscribe advertisement sponsored
    interviewer question answer q a""".split()
)
# Phrases in an interview's introduction that name the person interviewed.
_INTERVIEWEE = re.compile(
    rf"\b(?:asked|spoke (?:to|with)|talked (?:to|with)|interviewed|interview with|sat down "
    rf"with|conversation with|questions? (?:to|for)|put (?:our|these|five|\w+) questions to)\s+"
    rf"(?:(?:the|a|an|our)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){{0,3}}\s+)?(?P<name>{_PERSON})"
)


def find_passages(text: str) -> list[Passage]:
    """Embedded posts and interview turns in ``text``, in order of appearance.

    ``text`` is a cleaned article (one paragraph per non-empty line). Returns an empty list
    for ordinary reporting. A post is recognised only by its credit line, an interview only
    when at least two paragraphs open with question, answer or speaker labels.
    """
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    passages = _posts(text, paragraphs) + _interview(text, paragraphs)
    return sorted(passages, key=lambda p: (p.start, p.end))


def _posts(text: str, paragraphs: list[tuple[int, int]]) -> list[Passage]:
    found: list[Passage] = []
    for index, (start, end) in enumerate(paragraphs):
        match = _POST_CREDIT.match(text[start:end].strip())
        if not match or index == 0:
            continue
        name = _POST_NOMINALS.sub("", match["name"])
        found.append(Passage("credit", start, end, name))
        post_start, post_end = paragraphs[index - 1]
        if not any(p.start == post_start for p in found):
            found.append(Passage("post", post_start, post_end, name))
    return found


def _interview(text: str, paragraphs: list[tuple[int, int]]) -> list[Passage]:
    turns: list[tuple[str, int, int, int, str | None]] = []  # kind, start, body, end, name
    for start, end in paragraphs:
        line = text[start:end]
        if match := _QUESTION_LABEL.match(line):
            turns.append(("question", start, start + match.end(), end, None))
        elif match := _ANSWER_LABEL.match(line):
            turns.append(("answer", start, start + match.end(), end, None))
        elif (match := _SPEAKER_LABEL.match(line)) and _is_person_label(match["name"], text):
            turns.append(("named", start, start + match.end(), end, match["name"]))
    if len(turns) < 2:
        return []
    named = [t for t in turns if t[0] == "named"]
    # A named speaker all of whose turns are questions is the interviewer.
    askers = {
        name
        for name in {t[4] for t in named}
        if all(text[b:e].rstrip().endswith("?") for k, s, b, e, n in named if n == name)
    }
    answerers = [t[4] for t in named if t[4] not in askers]
    interviewee = _most_common(answerers) or _introduced(text, paragraphs)
    passages: list[Passage] = []
    for kind, start, body, end, name in turns:
        passages.append(Passage("label", start, body - _trailing_space(text, start, body)))
        if kind == "question" or (kind == "named" and name in askers):
            passages.append(Passage("question", body, end, name))
        elif kind == "answer":
            passages.append(Passage("answer", body, end, interviewee))
        else:
            passages.append(Passage("answer", body, end, name))
    return passages


def _trailing_space(text: str, start: int, end: int) -> int:
    label = text[start:end]
    return len(label) - len(label.rstrip())


def _is_person_label(name: str, text: str) -> bool:
    """A speaker label names a person: not an editorial label ("Update:", "Editor's note:"),
    and named elsewhere in the article or used for more than one paragraph."""
    words = name.split()
    if words[0].lower().rstrip(".") in _NOT_SPEAKERS or len(words) > 5:
        return False
    if any(w.lower() in _NOT_SPEAKERS for w in words[1:2]):  # "Editor's note", "Key points"
        return False
    surname = words[-1]
    return text.count(surname) >= 2


def _most_common(names: list[str | None]) -> str | None:
    counts: dict[str, int] = {}
    for name in names:
        if name:
            counts[name] = counts.get(name, 0) + 1
    return max(counts, key=lambda n: counts[n]) if counts else None


def _introduced(text: str, paragraphs: list[tuple[int, int]]) -> str | None:
    """The person the interview's introduction says was asked ("We asked Klaus Berger…")."""
    for start, end in paragraphs[:4]:
        match = _INTERVIEWEE.search(text, start, end)
        if match:
            return match["name"]
    return None
