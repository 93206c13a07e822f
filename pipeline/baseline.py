"""The plain one-call instructor extraction, kept as the yardstick newsbrief must beat.

One schema, one call per article, the article in the prompt and the model asked to copy out
every quote with its speaker and every figure: the obvious way to use instructor. Used by
``python -m pipeline.evaluate --baseline`` and the benchmark; never by the product.
"""

from __future__ import annotations

from pathlib import Path

import instructor
from pydantic import BaseModel, Field

from .llm import ModelClient
from .read import Article
from .run import open_endpoint
from .settings import Settings

BASELINE_PROMPT = (
    "Extract from the news article below every direct quotation (the exact words inside quote "
    "marks) with its speaker, every number the article reports with what it counts and who "
    "claims it, the key events and the stances of the actors.\n\nARTICLE\n{text}"
)


class BaselineQuote(BaseModel):
    text: str = Field(description="The quoted words, exactly as in the article.")
    speaker: str = Field(description="Who said them.")


class BaselineFigure(BaseModel):
    value: str = Field(description="The number as written.")
    counts: str = Field(description="What it counts.")
    claimant: str | None = Field(description="Who claims it.")


class BaselineStance(BaseModel):
    actor: str
    position: str


class BaselineExtraction(BaseModel):
    """Everything in one news article."""

    quotes: list[BaselineQuote]
    figures: list[BaselineFigure]
    events: list[str]
    stances: list[BaselineStance]


def extract_baseline(article: Article, client: ModelClient) -> BaselineExtraction:
    messages = [{"role": "user", "content": BASELINE_PROMPT.format(text=article.text)}]
    return client.ask(BaselineExtraction, messages, {}, max_tokens=3000)


def _number(value: str) -> float | None:
    digits = value.replace(",", "").strip().split()[0] if value.strip() else ""
    try:
        return float(digits)
    except ValueError:
        return None


def evaluate_baseline(
    settings: Settings,
    articles: list[Article],
    labels: dict,
    *,
    replay: Path | None,
    record: Path | None = None,
):
    """Scores per article path and the usage of the one-call baseline."""
    from .errors import ModelError
    from .evaluate import SpeakerMatcher, SystemFigure, SystemQuote, score_article

    matcher = SpeakerMatcher(labels["speakers"])
    scores = {}
    with open_endpoint(settings, replay=replay, record=record) as base_url:
        # a tool call, as recorded: the obvious way to use instructor
        client = ModelClient(settings, base_url, mode=instructor.Mode.TOOLS)
        for article in articles:
            gold = labels["articles"].get(Path(article.path).name)
            if gold is None:
                continue
            try:
                result = extract_baseline(article, client)
            except ModelError:
                result = BaselineExtraction(quotes=[], figures=[], events=[], stances=[])
            quotes = [SystemQuote(q.text, q.speaker) for q in result.quotes]
            figures = [
                SystemFigure(n, f.claimant)
                for f in result.figures
                if (n := _number(f.value)) is not None
            ]
            scores[article.path] = score_article(gold, quotes, figures, article.text, matcher)
    return scores, client.usage.snapshot()
