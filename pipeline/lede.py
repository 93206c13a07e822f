"""The lede: a short opening paragraph the model writes from the merged facts alone.

Every sentence must carry source markers, and every number and name in it must appear in the
facts of the sources it cites; a sentence that fails is re-asked, then dropped. When no
sentence survives (or no model is at hand) the lede is built by rule from the most widely
reported events.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, model_validator

from schemas.brief import Brief, LedeSentence
from schemas.model_io import answer_context

from .model.templates import render_prompt

LEDE_PROMPT = "lede.v1"
MAX_FACTS = 6
_NUMBER = re.compile(r"\d[\d,.]*\d|\d")
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w’'-]+")
_COMMON = frozenset(
    "The A An In On At It He She They This That But And As After Before Nato NATO".split()
)


class LedeLine(BaseModel):
    """One sentence of the opening paragraph."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(max_length=240, description="The sentence.")
    sources: list[str] = Field(
        description="Markers of the sources of the facts it uses, e.g. ['S1', 'S3']."
    )


class LedeDraft(BaseModel):
    """The opening paragraph of the brief."""

    model_config = ConfigDict(extra="forbid")
    sentences: list[LedeLine] = Field(min_length=1, max_length=3)

    @model_validator(mode="after")
    def _checked(self, info: ValidationInfo) -> LedeDraft:
        context = answer_context(info)
        if "facts" not in context:
            return self
        problems, kept = [], []
        for line in self.sentences:
            problem = check_sentence(line.text, line.sources, context["facts"])
            if problem:
                problems.append(problem)
            else:
                kept.append(line)
        # Re-asked only when no sentence holds: a draft with one good sentence keeps it and
        # drops the rest, rather than paying for the whole prompt again.
        if problems and not kept and not context.get("lenient"):
            raise ValueError("; ".join(problems))
        context.setdefault("dropped", []).extend(problems)
        self.sentences = kept
        return self


def lede_facts(brief: Brief) -> list[dict[str, Any]]:
    """The facts the model may use: the most widely reported events, with their sources."""
    ranked = sorted(brief.events, key=lambda e: -len(e.sources))[:MAX_FACTS]
    return [{"text": " ".join(e.summary.split()), "sources": e.sources} for e in ranked]


def check_sentence(text: str, sources: list[str], facts: list[dict[str, Any]]) -> str | None:
    """Why a lede sentence cannot be printed, or None when every number and name in it is in
    the facts of the sources it cites."""
    if not sources:
        return f"'{text[:50]}' cites no source"
    cited = [f for f in facts if set(f["sources"]) & set(sources)]
    unknown = [s for s in sources if not any(s in f["sources"] for f in facts)]
    if unknown:
        return f"'{text[:50]}' cites unknown sources {unknown}"
    evidence = " ".join(f["text"] for f in cited)
    folded = evidence.replace("’", "'").lower()
    numbers = {n.replace(",", "") for n in _NUMBER.findall(evidence)}
    for number in _NUMBER.findall(text):
        if number not in evidence and number.replace(",", "") not in numbers:  # 1500 = 1,500
            return f"'{text[:50]}': the number {number} is not in the facts of {sources}"
    for name in _NAME.findall(text):
        name = re.sub(r"['’]s$", "", name)  # "Nato's": the name is Nato
        if name not in _COMMON and name.replace("’", "'").lower() not in folded:
            return f"'{text[:50]}': '{name}' is not in the facts of {sources}"
    return None


def lede_messages(facts: list[dict[str, Any]]) -> list[dict[str, str]]:
    return [{"role": "user", "content": render_prompt(LEDE_PROMPT, facts=facts)}]


def lede_key(facts: list[dict[str, Any]], model: str) -> str:
    """Cache key of a lede: the facts, the prompt and the model."""
    raw = json.dumps([facts, render_prompt(LEDE_PROMPT, facts=facts), model], sort_keys=True)
    return "lede-" + hashlib.sha256(raw.encode()).hexdigest()[:32]


def write_lede(facts: list[dict[str, Any]], asker) -> tuple[list[LedeSentence], list[str]]:
    """The model's checked lede (possibly empty) and what validation dropped."""
    context: dict[str, Any] = {"facts": facts, "dropped": []}
    draft = asker.ask(LedeDraft, lede_messages(facts), context)
    lines = [
        LedeSentence(
            text=" ".join(line.text.split()), sources=sorted(set(line.sources), key=_order)
        )
        for line in draft.sentences
    ]
    return lines, context["dropped"]


def _order(marker: str) -> tuple[int, str]:
    return len(marker), marker
