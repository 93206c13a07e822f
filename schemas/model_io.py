"""The schemas sent to the model, and the checks its answers must pass.

Against an endpoint, class docstrings and field descriptions are prompt text (the tool's
schema); the embedded model gets the schema as a grammar only, so what a field means is in the
instructions (``prompts/instructions.vN.jinja``), which every model reads. The model
refers to quotes, figures and sentences by id and never copies article text back, so answers
are short and every claim can be checked against the article. The schema is built per
article with one required field per quote and figure id, so the server's grammar makes the
model answer for every id and for no other.

Validators read what an answer is checked against from the validation context
(``answer_context``): the ``AnswerCheck`` pydantic is given, else the one ``checking_against``
sets for the model call in progress. (instructor's own ``context=`` would also render every
message as a Jinja template, which costs a compile per message and call and could alter an
article holding ``{{``.) The checks themselves (is a claimant named in the article) are
grounding rules, ``pipeline.rules.grounding``, handed in through the
``AnswerCheck``: the schemas hold shapes, not heuristics.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    ValidationInfo,
    create_model,
    model_validator,
)


@dataclass
class Checking:
    """What an answer is checked against, and what validation dropped (a typed record, one
    per model call). Subclasses add what their answers are checked against.

    - ``lenient``: when true (the last resort after the re-asks), failing items are dropped
      and described in ``dropped`` instead of failing the whole answer;
    - ``dropped``: one line per rejected item ('Q3: speaker 'X' is not named in the
      article'), shared by the strict and the lenient pass."""

    lenient: bool = False
    dropped: list[str] = field(default_factory=list)

    def settle(self, answer: Any, problems: list[str]) -> Any:
        """Raise ``ValueError`` (so instructor re-asks) unless lenient; record what was
        dropped."""
        if problems and not self.lenient:
            raise ValueError("; ".join(problems))
        self.dropped.extend(problems)
        return answer


#: ``check(key, value)`` for an answer field by id ('Q3', 'F2'): None when the value holds,
#: else ``(problem, reask)``; a problem that re-asking does not cure is dropped at once.
ItemCheck = Callable[[str, Any], "tuple[str, bool] | None"]


@dataclass
class AnswerCheck(Checking):
    """What the answer about one article is checked against.

    - ``check_item``: the grounding check of each answer by id (``ItemCheck``)."""

    check_item: ItemCheck | None = None


_CONTEXT: ContextVar[Checking | None] = ContextVar("answer_context", default=None)


@contextlib.contextmanager
def checking_against(context: Checking) -> Iterator[Checking]:
    """Validate the answers parsed in this block (this thread) against ``context``."""
    token = _CONTEXT.set(context)
    try:
        yield context
    finally:
        _CONTEXT.reset(token)


def answer_context(info: ValidationInfo) -> Checking | None:
    """What an answer is checked against (see the module docstring); None: unchecked."""
    context = info.context if isinstance(info.context, Checking) else None
    return context or _CONTEXT.get()


#: The answer for a quote that none of its candidates said.
NO_SPEAKER = "none"

# Answers that say no one is named: the article leaves the speaker out.
_NO_ONE = re.compile(
    r"\W*(?:unknown|unnamed|unidentified|anonymous|none|null|n/?a|not (?:stated|given|named|"
    r"specified|mentioned|identified|known)|no (?:speaker|one|name)|(?:the )?speaker|"
    r"unspecified|nobody)(?: speaker)?\W*",
    re.I,
)


Position = Literal[
    "supports", "opposes", "condemns", "defends", "warns", "denies", "confirms", "neutral"
]


# An Enum (not a Literal) is defined once in the tool schema and referenced by each actor
# field, so an actor costs a few prompt tokens rather than the whole list of positions.
class Stance(StrEnum):
    """Position on the story's main development."""

    supports = "supports"
    opposes = "opposes"
    condemns = "condemns"
    defends = "defends"
    warns = "warns"
    denies = "denies"
    confirms = "confirms"
    neutral = "neutral"


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
    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        schema = super().model_json_schema(*args, **kwargs)
        compact = _compact({k: v for k, v in schema.items() if k != "description"})
        return {**compact, "description": schema.get("description", "")}

    @model_validator(mode="before")
    @classmethod
    def _chosen(cls, data: Any, info: ValidationInfo) -> Any:
        """A quote's answer must be one of its choices (the grammar holds the embedded model
        to them; an endpoint may stray): re-asked with the choices named, and when lenient
        replaced by "none" and recorded in ``dropped``."""
        if not isinstance(data, dict):
            return data
        context = answer_context(info)
        problems = []
        for key, info_ in cls.model_fields.items():
            choices = getattr(info_.annotation, "__args__", ())
            if key[:1] != "Q" or not key[1:].isdigit() or key not in data or not choices:
                continue
            if data[key] is None or (
                isinstance(data[key], str) and _NO_ONE.fullmatch(data[key]) is not None
            ):
                # null, "unknown", "not stated": the model says the article names no one.
                # Asking again cannot bring out a name that is not there: none, no re-ask.
                data = {**data, key: NO_SPEAKER}
                continue
            if data[key] not in choices:
                problems.append(
                    f"{key}: '{data[key]}' is not one of the quote's candidates "
                    f"({', '.join(map(str, choices))})"
                )
                if context is not None and context.lenient:
                    data = {**data, key: NO_SPEAKER}
        if problems and context is not None:
            context.settle(data, problems)
        return data

    @model_validator(mode="after")
    def _grounded(self, info: ValidationInfo) -> ArticleNotes:
        context = answer_context(info)
        if not isinstance(context, AnswerCheck):
            return self
        problems: list[str] = []
        for key in type(self).model_fields:
            value = getattr(self, key)
            if value is None or not key[1:].isdigit() or context.check_item is None:
                continue
            found = context.check_item(key, value)
            if found is None:
                continue
            problem, reask = found
            if reask:
                problems.append(problem)
            else:
                context.dropped.append(problem)
            if context.lenient or not reask:
                setattr(self, key, None)
        return context.settle(self, problems)


_POSITION_STEMS = {
    "support": "supports",
    "oppos": "opposes",
    "warn": "warns",
    "den": "denies",
    "confirm": "confirms",
    "neutral": "neutral",
}


def _position(value: Any) -> Any:
    """A position in another form of the word ('support', 'Denied', 'warning') is that
    position; anything else is left for the enum to reject."""
    if isinstance(value, str):
        word = value.strip().lower()
        for stem, position in _POSITION_STEMS.items():
            if word.startswith(stem):
                return position
    return value


def _claimant(value: Any) -> Any:
    """A claimant answer that says no one ("none", "unknown", "not stated") is null: the
    outlet states the figure itself."""
    if isinstance(value, str) and _NO_ONE.fullmatch(value):
        return None
    return value


# Tolerant forms of the answer types: the schema sent (and the grammar) is unchanged, only
# answers a re-ask would not improve are read as what they mean.
_Position = Annotated[Stance, BeforeValidator(_position)]
_Claimant = Annotated[str | None, BeforeValidator(_claimant)]


@cache
def article_notes_model(
    quotes: tuple[tuple[str, tuple[str, ...]], ...],
    figure_ids: tuple[str, ...],
    actor_ids: tuple[str, ...] = (),
) -> type[ArticleNotes]:
    """The schema for one article: a required field per quote, figure and actor id.

    ``quotes`` pairs each asked quote id with the ids of its candidate speakers ('P1', …):
    the quote's field is one of them or ``"none"`` (an enum, so the server's grammar holds the
    model to the set: it chooses, it never writes a name). A figure's field is a claimant or
    null; an actor's a ``Stance``."""
    fields: dict[str, Any] = {
        q: (Literal[(*choices, NO_SPEAKER)], ...)  # type: ignore[valid-type]
        for q, choices in quotes
    }
    fields.update({f: (_Claimant, ...) for f in figure_ids})
    fields.update({a: (_Position, ...) for a in actor_ids})
    return create_model("ArticleNotes", __base__=ArticleNotes, **fields)
