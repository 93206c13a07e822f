"""The schemas sent to the model, and the checks its answers must pass.

Against an endpoint, class docstrings and field descriptions are prompt text (the tool's
schema); the embedded model gets the schema as a grammar only, so what a field means is in the
instructions (``prompts/instructions.vN.jinja``), which every model reads. The model
refers to quotes, figures and sentences by id and never copies article text back, so answers
are short and every claim can be checked against the article. The schema is built per
article with one required field per quote and figure id, so the server's grammar makes the
model answer for every id and for no other.

Validators read the article through the validation context (``answer_context``): the one
pydantic is given, else the one ``checking_against`` sets for the model call in progress.
(instructor's own ``context=`` would also render every message as a Jinja template, which
costs a compile per message and call and could alter an article holding ``{{``.)

- ``text``: the article text, to check names and numbers against;
- ``sentence_texts``: the numbered sentences (``S1`` is index 0);
- ``lenient``: when true (last resort after the re-asks), failing items are dropped and
  described in ``dropped`` instead of failing the whole answer.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from enum import StrEnum
from functools import cache
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    create_model,
    model_validator,
)

_CONTEXT: ContextVar[dict[str, Any] | None] = ContextVar("answer_context", default=None)


@contextlib.contextmanager
def checking_against(context: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Validate the answers parsed in this block (this thread) against ``context``."""
    token = _CONTEXT.set(context)
    try:
        yield context
    finally:
        _CONTEXT.reset(token)


def answer_context(info: ValidationInfo) -> dict[str, Any]:
    """The context an answer is checked against (see the module docstring)."""
    return info.context or _CONTEXT.get() or {}


Position = Literal["supports", "opposes", "warns", "denies", "confirms", "neutral"]


# An Enum (not a Literal) is defined once in the tool schema and referenced by each actor
# field, so an actor costs a few prompt tokens rather than the whole list of positions.
class Stance(StrEnum):
    """Position on the story's main development."""

    supports = "supports"
    opposes = "opposes"
    warns = "warns"
    denies = "denies"
    confirms = "confirms"
    neutral = "neutral"


PRONOUNS = frozenset("he she they it we i you him her them his hers their".split())
_NUMBER = re.compile(r"\d[\d,.]*\d|\d")
_NAME_WORD = re.compile(r"[A-Z][\w'-]+")
# Capitalised words that do not name anyone on their own.
_NOT_NAMES = frozenset("the a an mr mrs ms dr president minister secretary general".split())


class _Answer(BaseModel):
    model_config = ConfigDict(extra="forbid")

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """The schema without pydantic's generated field titles: fewer prompt tokens, same
        meaning (the top-level title names the tool, so it stays)."""
        schema = super().model_json_schema(*args, **kwargs)
        return {**_without_titles(schema), "title": schema["title"]}


def _compact(node: Any) -> Any:
    """A schema with the same grammar in fewer tokens: no descriptions, and a nullable
    plain type written ``{"type": ["string", "null"]}``."""
    if isinstance(node, list):
        return [_compact(v) for v in node]
    if not isinstance(node, dict):
        return node
    variants = node.get("anyOf")
    if (
        len(node) == 1
        and isinstance(variants, list)
        and all(isinstance(v, dict) and set(v) == {"type"} for v in variants)
    ):
        return {"type": [v["type"] for v in variants]}
    return {k: _compact(v) for k, v in node.items() if k != "description"}


def _without_titles(node: Any) -> Any:
    if isinstance(node, dict):
        return {
            k: _without_titles(v)
            for k, v in node.items()
            if not (k == "title" and isinstance(v, str))
        }
    if isinstance(node, list):
        return [_without_titles(v) for v in node]
    return node


class ArticleNotes(_Answer):
    """Answers by id."""

    # What each field means is in the instructions, which the server reuses from its prefix
    # cache. The schema differs between articles; sent as a tool (endpoints), the chat
    # template puts it after the instructions, where it is evaluated with every article, so
    # it carries no descriptions, only what the server's grammar needs.
    outlet: str | None = Field(max_length=60)
    key_sentences: list[int] = Field(max_length=6)

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        schema = super().model_json_schema(*args, **kwargs)
        compact = _compact({k: v for k, v in schema.items() if k != "description"})
        return {**compact, "description": schema.get("description", "")}

    @model_validator(mode="after")
    def _grounded(self, info: ValidationInfo) -> ArticleNotes:
        context = answer_context(info)
        if "text" not in context:
            return self
        problems: list[str] = []
        for key in type(self).model_fields:
            value = getattr(self, key)
            if key.startswith("F") and isinstance(value, str) and re.search(r"\d", value):
                # The model repeated the figure instead of naming who gives it: no claimant.
                # Re-asking does not cure this in small models, so it is dropped, not re-asked.
                context.setdefault("dropped", []).append(f"{key}: '{value}' names no claimant")
                setattr(self, key, value := None)
            check = _CHECKS.get(key[0]) if key[1:].isdigit() else None
            problem = check(key, value, context) if check and value is not None else None
            if problem:
                problems.append(problem)
                if context.get("lenient"):
                    setattr(self, key, None)
        count = len(context["sentence_texts"])
        bad = [n for n in self.key_sentences if not 1 <= n <= count]
        if bad:
            problems.append(f"key_sentences {bad}: sentences are numbered 1 to {count}")
            self.key_sentences = [n for n in self.key_sentences if 1 <= n <= count]
        if self.outlet and not plausible_outlet(self.outlet, context):
            context.setdefault("dropped", []).append(f"outlet '{self.outlet}' rejected")
            self.outlet = None
        return _settle(self, context, problems)


@cache
def article_notes_model(
    quote_ids: tuple[str, ...], figure_ids: tuple[str, ...], actor_ids: tuple[str, ...] = ()
) -> type[ArticleNotes]:
    """The schema for one article: a required field per quote, figure and actor id."""
    fields: dict[str, Any] = {q: (str, ...) for q in quote_ids}
    fields.update({f: (str | None, ...) for f in figure_ids})
    fields.update({a: (Stance, ...) for a in actor_ids})
    return create_model("ArticleNotes", __base__=ArticleNotes, **fields)


def _check_speaker(key: str, speaker: str, context: dict[str, Any]) -> str | None:
    if speaker.strip().lower() in PRONOUNS:
        return f"{key}: '{speaker}' is a pronoun; give the name it refers to"
    if not grounded_name(speaker, context["text"]) and not grounded_phrase(
        speaker, context["text"]
    ):
        return f"{key}: speaker '{speaker}' is not named in the article"
    return None


def _check_figure(key: str, claimant: str, context: dict[str, Any]) -> str | None:
    if claimant and not grounded_name(claimant, context["text"]):
        if not grounded_phrase(claimant, context["text"]):
            return f"{key}: claimant '{claimant}' is not named in the article"
    return None


_CHECKS: dict[str, Callable[[str, Any, dict[str, Any]], str | None]] = {
    "Q": _check_speaker,
    "F": _check_figure,
}


# --- shared checks ------------------------------------------------------------------------


def _folded(text: str) -> str:
    return text.replace("’", "'").replace("‘", "'").lower()


def grounded_name(name: str, text: str) -> bool:
    """True when some capitalised word of ``name`` occurs in ``text`` (any case)."""
    words = [_folded(w) for w in _NAME_WORD.findall(name.replace("’", "'"))]
    words = [w for w in words if w not in PRONOUNS and w not in _NOT_NAMES]
    folded = _folded(text)
    return bool(words) and any(re.search(rf"\b{re.escape(w)}", folded) for w in words)


_PUBLISHER_LINE = re.compile(
    r"newsletter|subscribe|sign up|copyright|©|all rights reserved|follow (?:us|topic)|"
    r"download (?:the|our) app|read more (?:on|at)",
    re.I,
)


def plausible_outlet(outlet: str, context: dict[str, Any]) -> bool:
    """An inferred publisher needs evidence: its name (or initials, 'ST' for The Straits
    Times) in a line only a publisher prints (newsletter sign-up, copyright, app prompt),
    kept in the text or dropped as page furniture. A name the article merely mentions (a
    source it cites, a platform, someone it quotes) is no evidence."""
    name = re.sub(r"^the\s+", "", outlet.strip(), flags=re.I)
    initials = "".join(w[0] for w in name.split() if w[:1].isupper())
    lines = [*context.get("publisher_lines", ()), *context["text"].splitlines()]
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
    # A registration prompt: "Register now for FREE unlimited access to Reuters.com".
    re.compile(rf"\b(?:register|sign up|subscribe)\b.*\baccess to {_NAME}\.com\b", re.I),
)


def publisher_named(lines: list[str]) -> str | None:
    """The publisher a newsletter, copyright or registration line names: "Get ST's
    newsletters…" gives 'ST', "© 2024 The Straits Times" gives 'The Straits Times', "Register
    now for FREE unlimited access to Reuters.com" gives 'Reuters'."""
    for line in lines:
        for pattern in _PUBLISHER_NAMED:
            match = pattern.search(line)
            if match and match["name"][:1].isupper():
                return match["name"].strip().rstrip(".")
    return None


def grounded_phrase(phrase: str, text: str) -> bool:
    """True when ``phrase`` (a description: 'a North Korean representative') is in ``text``."""
    core = _folded(phrase.split(",")[0].strip())
    return len(core) > 3 and core in _folded(text)


def _settle(answer: Any, context: dict[str, Any], problems: list[str]) -> Any:
    """Raise (so instructor re-asks) unless lenient; record what was dropped."""
    if problems and not context.get("lenient"):
        raise ValueError("; ".join(problems))
    context.setdefault("dropped", []).extend(problems)
    return answer
